"""YAML read safely with the line and column of every key and value, so rule-file errors can point at them."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from eligibility.messages import Term

YamlPath = tuple[str | int, ...]


class DuplicateKey(ValueError):
    """A mapping that names the same key twice: YAML would silently keep the last one."""

    def __init__(self, key: str, line: int, column: int, first: int) -> None:
        super().__init__(f"key {key!r} appears twice (first at line {first})")
        self.key, self.line, self.column, self.first = key, line, column, first


class TooLarge(ValueError):
    """A document whose aliases, expanded, make more values than any rule file has (a "billion laughs")."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"more than {MAX_VALUES:,} values once its aliases are expanded")
        self.line, self.column = line, column


# The bundled rule sets have a few thousand values; nine aliases nested nine deep make 387 million, which
# walking and validating would take hours over. Anchors and aliases within this are read as written.
MAX_VALUES = 200_000


@dataclass
class Positions:
    """Where each value (and each mapping key) of a YAML document starts, by its path of keys and indexes."""

    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    # For a document merged from several files (extends): the file each subtree came from, and the path it
    # has in that file (a child's first rule may be the merged file's sixteenth).
    files: dict[YamlPath, str] = field(default_factory=dict)
    written: dict[YamlPath, YamlPath] = field(default_factory=dict)
    # The text of each value YAML read as other than text (a number, true/false, a date, null), as written: a
    # version 1.10 is read 1.1, and an error saying to quote it must quote what was written.
    plain: dict[YamlPath, str] = field(default_factory=dict)

    def written_as(self, path: YamlPath) -> YamlPath:
        """The path as its own file writes it."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.written:
                return self.written[path[:end]] + path[end:]
        return path

    def file_of(self, path: YamlPath, default: str) -> str:
        for end in range(len(path), -1, -1):
            if path[:end] in self.files:
                return self.files[path[:end]]
        return default

    def copy_subtree(self, source: Positions, old: YamlPath, new: YamlPath, file: str) -> None:
        """Take over the positions under `old` in `source` as positions under `new`, from `file`."""
        for mine, theirs in ((self.values, source.values), (self.keys, source.keys)):
            for path, where in theirs.items():
                if path[: len(old)] == old:
                    mine[new + path[len(old) :]] = where
        for path, text in source.plain.items():
            if path[: len(old)] == old:
                self.plain[new + path[len(old) :]] = text
        self.files[new] = source.file_of(old, file)
        for path, name in source.files.items():
            if path[: len(old)] == old and len(path) > len(old):
                self.files[new + path[len(old) :]] = name
        for path, was in source.written.items():
            if path[: len(old)] == old and len(path) > len(old):
                self.written[new + path[len(old) :]] = was
        if new != old or old in source.written:
            self.written[new] = source.written_as(old)

    def key_as_written(self, mapping: YamlPath, key: Any) -> str | None:
        """The text of a key of the mapping at a path, as the positions hold it: a key YAML read as other than
        text (1, true, a date) is held by the text written (1.50, TRUE), not by its value. None if not there."""
        if isinstance(key, str):
            return key if (*mapping, key) in self.keys else None
        for path in self.keys:
            if len(path) == len(mapping) + 1 and path[:-1] == mapping and _same(_read_as(str(path[-1])), key):
                return str(path[-1])
        return None

    def drop_subtree(self, prefix: YamlPath) -> None:
        for table in (self.values, self.keys, self.files, self.written, self.plain):
            for path in [p for p in table if p[: len(prefix)] == prefix]:
                del table[path]

    def find(
        self, data: Any, loc: tuple[Any, ...], *, key: bool = False, tags: frozenset[str] = frozenset()
    ) -> tuple[YamlPath, tuple[int, int] | None]:
        """The deepest real path along `loc` (skipping the union `tags` pydantic adds) and its position."""
        path: list[str | int] = []
        node = data
        for index, part in enumerate(loc):
            following = loc[index + 1] if index + 1 < len(loc) else None
            if part in tags and isinstance(node, dict) and _has(node, following):
                continue  # pydantic's name for the union member, not a key of the file
            if isinstance(node, dict) and part in node:
                # A key YAML read as a number (expect: {1: …}) is held by its text among the positions.
                path.append(part if isinstance(part, str) else str(part))
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                path.append(part)
                node = node[part]
            elif isinstance(node, dict) and isinstance(part, str) and part.rstrip("_") in node:
                path.append(part.rstrip("_"))  # fields named in_/not_ are spelled in/not in the file
                node = node[part.rstrip("_")]
        found = tuple(path)
        where = self.keys.get(found) if key else None
        return found, where or self.values.get(found) or self.keys.get(found)


def _has(node: dict[str, Any], key: Any) -> bool:
    return isinstance(key, str) and (key in node or key.rstrip("_") in node)


# libyaml's parser, where PyYAML was built with it, reads the bundled rule set ten times faster than the pure
# Python one: most of a small check's start-up. Both give the same nodes and the same line and column marks.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_Parser):  # type: ignore[valid-type,misc]
    """The safe loader with YAML 1.2 booleans: only true/false, so `yes:`, `no:`, `N` and `Y` stay words."""


SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _timestamp(loader: SafeLoader, node: yaml.ScalarNode) -> Any:
    # "2006-09-31" looks like a date but is none: keep the text so validation reports it at its line.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _integer(loader: SafeLoader, node: yaml.ScalarNode) -> Any:
    # A number of more than 4,300 digits is more than Python reads as an int (a guard against slow parsing):
    # kept as its text, which a cell shows and a rule file's validation refuses at its line.
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
SafeLoader.add_constructor("tag:yaml.org,2002:int", _integer)
SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document with the safe loader, recording positions and refusing duplicate keys."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, Positions()
        positions = Positions()
        _walk(node, (), positions, [MAX_VALUES])
        return loader.construct_document(node), positions
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: YamlPath, positions: Positions, left: list[int]) -> None:
    left[0] -= 1
    if left[0] < 0:
        # Said at the top-level key being expanded (the last anchor's line), not at a value deep inside.
        raise TooLarge(*positions.keys.get(path[:1], (node.start_mark.line + 1, node.start_mark.column + 1)))
    positions.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}  # key -> the line it was first written on
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in seen:
                raise DuplicateKey(key, line, column, seen[key])
            seen[key] = line
            positions.keys[(*path, key)] = (line, column)
            _walk(value_node, (*path, key), positions, left)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions, left)
    elif node.tag in _NOT_TEXT:
        positions.plain[path] = str(node.value)


_NOT_TEXT = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("bool", "int", "float", "null", "timestamp"))


def _same(read: Any, value: Any) -> bool:
    # 1 and true are equal in Python, and so are 1 and 1.0: the key is the one of the same kind.
    if type(read) is not type(value):
        return False
    return bool(read == value or (isinstance(value, float) and math.isnan(value) and math.isnan(read)))


def _read_as(text: str) -> Any:
    """What YAML makes of a plain (unquoted) scalar written so: a key's text as its positions hold it."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return text


# What YAML read a plain scalar as, where a word was meant.
READ_AS = {
    bool: Term("是非值（true/false）", "true or false"),
    int: Term("数", "a number"),
    float: Term("数", "a number"),
    dt.date: Term("日期", "a date"),
    dt.datetime: Term("日期和时刻", "a date and time"),
}


def as_written(value: Any) -> str:
    """A value YAML read as other than text, as it is most likely written (true, 1, 2021-01-01)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, dt.date) else str(value)
