"""Readers: roster, communities and approvals tables from CSV, TSV, YAML and JSON, as rows of raw cells."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eligibility.candidate import DataProblem, RowSource
from eligibility.errors import Location, RosterError, display_path
from eligibility.roster.columns import Column, HeaderMap, map_headers
from eligibility.ruleset.yamlpos import SafeLoader

TABLE_SUFFIXES = (".csv", ".tsv", ".yaml", ".yml", ".json")


@dataclass(slots=True)
class RawRecord:
    """One data row: canonical column name -> cell as read, and where it came from."""

    source: RowSource
    cells: dict[str, Any]
    problems: list[DataProblem] = field(default_factory=list)


@dataclass
class Table:
    """A file opened for reading: its header mapping, then its rows one at a time."""

    path: str
    header: HeaderMap
    rows: Iterator[RawRecord]
    # From a YAML/JSON roster written as a mapping: the run's election date and each community's settings.
    election_date: Any = None
    communities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(self.header.index)


def expand(paths: Iterable[Path | str]) -> list[Path]:
    """Files to read: each file as given, each folder's table files in name order, refusing what we cannot read."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith((".", "~$"))
            )
            if not inside:
                raise RosterError(
                    "folder-empty", Location(display_path(path)), suffixes=", ".join(TABLE_SUFFIXES)
                )
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in TABLE_SUFFIXES:
                raise RosterError(
                    "file-type",
                    Location(display_path(path)),
                    suffix=path.suffix,
                    suffixes=", ".join(TABLE_SUFFIXES),
                )
            found.append(path)
        else:
            raise RosterError("path-missing", Location(display_path(path)))
    return found


def read_table(path: Path, columns: tuple[Column, ...]) -> Table:
    """Open a table file; the header is read and checked now, the rows as they are iterated."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RosterError("path-unreadable", Location(shown), reason=err.strerror or str(err)) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise RosterError("file-encoding", Location(shown), reason=str(err)) from err
    if suffix in (".csv", ".tsv"):
        table = _delimited(text, shown, "\t" if suffix == ".tsv" else ",", columns)
    else:
        table = _structured(text, shown, suffix, columns)
    if table.header.missing:
        column = table.header.missing[0]
        found = "、".join(table.header.headers.values()) or "-"
        raise RosterError(
            "column-missing", Location(shown, 1), canonical=column.name, zh=column.zh, found=found
        )
    return table


# ---- CSV and TSV --------------------------------------------------------------------------------------------


def _delimited(text: str, shown: str, delimiter: str, columns: tuple[Column, ...]) -> Table:
    # newline="" leaves line breaks inside quoted cells to the csv module, and U+2028 in a cell stays a character.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header_row: list[str] | None = None
    header_line = 0
    for row in reader:
        if any(cell.strip() for cell in row):
            header_row = row
            header_line = reader.line_num
            break
    if header_row is None:
        raise RosterError("file-empty", Location(shown))
    header = map_headers(header_row, columns)
    return Table(shown, header, _delimited_rows(reader, shown, header, len(header_row), header_line))


def _delimited_rows(
    reader: Any, shown: str, header: HeaderMap, width: int, previous_line: int
) -> Iterator[RawRecord]:
    number = 0
    for row in reader:
        line = previous_line + 1
        previous_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        cells = {name: row[i] if i < len(row) else "" for name, i in header.index.items()}
        record = RawRecord(RowSource(shown, number, line), cells)
        # Trailing empty cells are how spreadsheets pad rows; anything else means the cells have shifted.
        if len(row) < width or any(cell.strip() for cell in row[width:]):
            key = "row-too-long" if len(row) > width else "row-too-short"
            record.problems.append(DataProblem(key, "", str(len(row)), params=(("expected", str(width)),)))
        yield record


# ---- YAML and JSON ------------------------------------------------------------------------------------------


def _structured(text: str, shown: str, suffix: str, columns: tuple[Column, ...]) -> Table:
    try:
        data = json.loads(text) if suffix == ".json" else yaml.load(text, Loader=SafeLoader)
    except json.JSONDecodeError as err:
        raise RosterError("file-parse", Location(shown, err.lineno, err.colno), reason=err.msg) from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        raise RosterError("file-parse", where, reason=err.problem or str(err)) from err
    except yaml.YAMLError as err:
        raise RosterError("file-parse", Location(shown), reason=str(err).splitlines()[0]) from err
    if data is None:
        raise RosterError("file-empty", Location(shown))
    election_date: Any = None
    communities: list[dict[str, Any]] = []
    records: list[tuple[dict[str, Any], dict[str, Any]]] = []
    if isinstance(data, list):
        records = [(item, {}) for item in data]
    elif isinstance(data, dict) and isinstance(_key(data, "communities"), list):
        election_date = _key(data, "election_date")
        for community in _key(data, "communities"):
            if not isinstance(community, dict):
                raise RosterError("file-shape", Location(shown), expected="each community is a mapping")
            settings = _community_settings(community)
            communities.append(settings)
            inherited = {k: settings[k] for k in ("community", "street", "election_date") if settings.get(k)}
            if election_date and "election_date" not in inherited:
                inherited["election_date"] = election_date
            records.extend((item, inherited) for item in _key(community, "candidates") or [])
    else:
        raise RosterError(
            "file-shape",
            Location(shown),
            expected="a list of candidate records, or a mapping with election_date and communities",
        )
    headers: list[str] = []
    for item, inherited in records:
        for key in (*(item.keys() if isinstance(item, dict) else ()), *inherited):
            if str(key) not in headers:
                headers.append(str(key))
    header = map_headers(headers, columns)
    return Table(shown, header, _structured_rows(records, shown, header), election_date, communities)


def _structured_rows(
    records: list[tuple[Any, dict[str, Any]]], shown: str, header: HeaderMap
) -> Iterator[RawRecord]:
    canonical_of = header.canonical_of
    for number, (item, inherited) in enumerate(records, start=1):
        cells: dict[str, Any] = {}
        record = RawRecord(RowSource(shown, number, None), cells)
        if not isinstance(item, dict):
            record.problems.append(DataProblem("record-shape", "", repr(item)[:60]))
            yield record
            continue
        # Records may spell a column differently (姓名 in one, name in the next): every spelling is read.
        for key, value in item.items():
            name = canonical_of.get(str(key))
            if name is not None and cells.get(name) in (None, ""):
                cells[name] = value
        for name, value in inherited.items():
            if cells.get(name) in (None, ""):
                cells[name] = value
        yield record


# The words a YAML/JSON roster written per community may use for its own keys.
_MAPPING_KEYS = {
    "communities": ("communities", "社区列表"),
    "candidates": ("candidates", "候选人"),
    "election_date": ("election_date", "选举日期", "选举日"),
    "community": ("community", "name", "社区", "社区名称", "所在社区"),
    "street": ("street", "街道", "所在街道"),
}


def _key(mapping: dict[Any, Any], name: str) -> Any:
    return next((mapping[k] for k in _MAPPING_KEYS[name] if k in mapping), None)


def _community_settings(community: dict[Any, Any]) -> dict[str, Any]:
    """A community's own keys, with its name, street and election date under their canonical names."""
    own = {str(k): v for k, v in community.items() if k not in _MAPPING_KEYS["candidates"]}
    for name in ("community", "street", "election_date"):
        alias = next((a for a in _MAPPING_KEYS[name] if a in own), None)
        if alias is not None:
            own[name] = own.pop(alias)
    return own
