"""Find, read, validate and compile a rule set; every mistake is reported with its file, line and column."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from eligibility.errors import Location, RuleSetError, RuleSetProblems, RuleSetWarning, display_path
from eligibility.errors import raise_any as _raise_any
from eligibility.messages import Lang, Term, did_you_mean, say
from eligibility.roster.normalise import fold
from eligibility.ruleset import model
from eligibility.ruleset.compiler import (
    GIVEN_EVIDENCE,
    POSTS,
    WINDOW_OPERATORS,
    CompiledRule,
    Compiler,
    Node,
    dotted_path,
    unknown_name,
)
from eligibility.ruleset.facts import Fact
from eligibility.ruleset.inherit import merge, resolve_parent
from eligibility.ruleset.model import UNDECIDED, FieldSpec, RuleFile
from eligibility.ruleset.vocab import Vocabulary, suggest
from eligibility.ruleset.yamlpos import MAX_VALUES, DuplicateKey, Positions, TooLarge, load
from eligibility.ruleset.yamlpos import READ_AS as _READ_AS
from eligibility.ruleset.yamlpos import as_written as _as_written

DEFAULT_RULESET = "community-2006"


@dataclass(frozen=True)
class Compiled:
    """The rules compiled with the parameter values in force on one election date."""

    params: dict[str, Any]
    candidate_rules: tuple[CompiledRule, ...]
    team_rules: tuple[CompiledRule, ...]
    member_conditions: tuple[Node, ...]
    declared_fields: frozenset[str]
    facts: dict[str, Fact]
    # Which member conditions read a person's posts (roles, bodies, principal): unanswered for one whose posts
    # could not all be read.
    reads_posts: tuple[bool, ...] = ()
    # Which read nothing but posts: answered once for each set of posts (see Review.member).
    posts_only: tuple[bool, ...] = ()

    @property
    def rules(self) -> tuple[CompiledRule, ...]:
        return self.candidate_rules + self.team_rules


@dataclass(repr=False)
class Policy:
    """A rule set ready to check rosters with: compiled once per set of parameter values in force."""

    file: RuleFile
    path: str
    sha256: str
    overrides: dict[str, Any]
    vocabulary: Vocabulary
    # The rule files this one builds on, nearest first (`extends`).
    extends: list[str]
    _compile: Any = field(repr=False, default=None)
    _by_values: dict[tuple[Any, ...], Compiled] = field(repr=False, default_factory=dict)
    # Asked once per row: the answer for a day is kept, as a day's values never change within a run.
    _by_day: dict[dt.date, Compiled] = field(repr=False, default_factory=dict)
    # Where it was read from, and the `--set` values as given: how another process (--jobs) loads it again.
    source: Path | None = field(repr=False, default=None)
    given: dict[str, object] = field(repr=False, default_factory=dict)
    # Rule id -> the parameters it reads that a file other than its own set (or --set), each with where: the
    # rule's clause quotes the document it was written for, and a finding says its threshold is another's.
    amended: dict[str, dict[str, str]] = field(repr=False, default_factory=dict)
    # Rule id -> where a file of the chain disabled an inherited rule (disable: [...]).
    disabled: dict[str, Disabled] = field(repr=False, default_factory=dict)
    # What the file most likely got wrong that does not stop it being used, each at its line (RuleSetWarning).
    warnings: list[RuleSetWarning] = field(repr=False, default_factory=list)

    def __repr__(self) -> str:
        # The whole rule file, tens of kilobytes, flooded a notebook that printed one (helper-62).
        return f"Policy({self.name!r} v{self.version}, {len(self.rules)} rules, from {self.path!r})"

    @property
    def fields_read(self) -> dict[str, FieldSpec]:
        """The rule set's fields some rule reads: a parent's whose rules this one disables or replaces are left
        out of the template, and their column in a roster is said not read."""
        read = {column for rule in self.rules for columns in rule.needs for column in columns}
        return {name: spec for name, spec in self.file.fields.items() if name in read}

    def recipe(self) -> tuple[Path | None, dict[str, object], str]:
        """How to load the same rule set in another process (see loaded_again)."""
        return self.source, self.given, self.sha256

    def __reduce__(self) -> tuple[Any, ...]:
        # Compiled rules are closures, which do not pickle; the file is read again, and must not have changed.
        return (loaded_again, self.recipe())

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def version(self) -> str:
        return self.file.version

    def params_at(self, day: dt.date) -> dict[str, Any]:
        """Every parameter's value in force on a day, with the command line's overrides."""
        values = {name: p.at(day) for name, p in self.file.parameters.items()}
        values.update(self.overrides)
        missing = [name for name, value in values.items() if value is None]
        if missing:
            raise RuleSetError("ruleset-param-undated", Location(self.path), name=missing[0], day=day)
        return values

    def at(self, day: dt.date) -> Compiled:
        """The rules as they stand on an election day (dated parameters decide); compiled once per value set."""
        found = self._by_day.get(day)
        if found is not None:
            return found
        params = self.params_at(day)
        key = tuple(params.items())
        if key not in self._by_values:
            self._by_values[key] = self._compile(params)
        self._by_day[day] = self._by_values[key]
        return self._by_values[key]

    @property
    def default(self) -> Compiled:
        return self.at(self.file.election_date)

    # The rule set on its own default election day: what listings and explanations show.
    @property
    def params(self) -> dict[str, Any]:
        return self.default.params

    @property
    def candidate_rules(self) -> tuple[CompiledRule, ...]:
        return self.default.candidate_rules

    @property
    def team_rules(self) -> tuple[CompiledRule, ...]:
        return self.default.team_rules

    @property
    def rules(self) -> tuple[CompiledRule, ...]:
        return self.default.rules

    @property
    def member_conditions(self) -> tuple[Node, ...]:
        return self.default.member_conditions

    @property
    def declared_fields(self) -> frozenset[str]:
        return self.default.declared_fields

    @property
    def facts(self) -> dict[str, Fact]:
        return self.default.facts

    def rule(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def bundled_dir() -> Path:
    """The bundled rule sets: inside the installed package, or the repository's rules/ when run from source."""
    packaged = Path(str(resources.files("eligibility"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def bundled_names() -> list[str]:
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


def bundled_with(rule_id: str, besides: str) -> list[str]:
    """The bundled rule sets but `besides` that have a rule of this id: asked only when the rule set in use has
    none, so loading them all costs nothing a run pays."""
    return [
        name for name in bundled_names() if name != besides and load_ruleset(name).rule(rule_id) is not None
    ]


def resolve(spec: str | Path | None) -> Path:
    """A rule file path from a path or a bundled name."""
    if spec is None:
        spec = DEFAULT_RULESET
    if not isinstance(spec, str | os.PathLike):
        from eligibility.errors import OptionError

        raise OptionError(
            "option-type",
            name="ruleset",
            value=repr(spec)[:80],
            expected=Term(
                "规则文件的路径或内置规则集的名字", "a rule file's path or a bundled rule set's name"
            ),
        )
    path = Path(spec)
    if path.is_dir():
        raise RuleSetError("ruleset-not-file", Location(display_path(path)))
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists() and (meant := _bundled_meant(str(spec))) is not None:
            # --rules community-2006.yaml: the bundled set is named without .yaml, as extends names it.
            raise RuleSetError("ruleset-file-missing-bundled", Location(display_path(path)), name=meant)
        if not path.is_file():
            raise RuleSetError("path-missing", Location(display_path(path)))
        return path
    candidate = bundled_dir() / f"{spec}.yaml"
    if candidate.is_file():
        return candidate
    names = bundled_names()
    raise RuleSetError(
        "ruleset-unknown",
        name=str(spec),
        suggestion=did_you_mean(suggest(str(spec), names)),
        known=", ".join(names),
    )


def load_ruleset(spec: str | Path | None = None, overrides: Mapping[str, object] | None = None) -> Policy:
    """Read, validate and compile a rule set; `overrides` are `--set` values as text, converted to each type."""
    if overrides is not None and not isinstance(overrides, Mapping):
        from eligibility.errors import OptionError

        raise OptionError(
            "option-type",
            name="overrides",
            value=repr(overrides)[:80],
            expected=Term("参数名到值的映射（dict）", 'a mapping of names to values ({"min_age": 18})'),
        )
    path = resolve(spec)
    read = _read(path, ())
    data, positions, digest, chain = read.data, read.positions, read.digest, read.chain
    shown = _shown(path)

    def where(at: tuple[str | int, ...]) -> Location:
        if len(at) > 1 and at[0] == "parameters" and at[1] in (overrides or {}):
            # The value came from the command line, so that is where it is wrong.
            return Location("--set", column=f"{at[1]}={(overrides or {})[str(at[1])]}")
        found, pos = positions.find(data, at)
        return Location(positions.file_of(found, shown), *(pos or (None, None)))

    def key_where(at: tuple[str | int, ...]) -> Location:
        # At a key's own line (effective:), where its value is a block on the lines below.
        found, pos = positions.find(data, at, key=True)
        return Location(positions.file_of(found, shown), *(pos or (None, None)))

    try:
        try:
            rule_file = _validate(data, positions, shown)
        except RuleSetError as err:
            # The changes' mistakes (a severity for a rule the parent lacks) with the file's own: each was met
            # only once the other was fixed.
            if read.refused:
                _raise_any([*read.refused, *err.problems])
            raise
        defaults = {name: p.at(rule_file.election_date) for name, p in rule_file.parameters.items()}
        applied = {
            name: _convert_override(name, text, defaults, rule_file)
            for name, text in (overrides or {}).items()
        }
        vocabulary = Vocabulary(rule_file.vocabularies)
        # Every mistake of these kinds at once, as the schema's are.
        problems = [
            *read.refused,
            *_vocabulary_problems(rule_file, where, positions.written_as),
            *_what_else_problems(rule_file, data, where, positions.written_as, shown, key_where),
            *_expectation_problems(rule_file, where, positions.written_as),
        ]

        def compile_with(params: dict[str, Any]) -> Compiled:
            compiler = Compiler(rule_file, params, vocabulary, where, positions.written_as)
            compiled, problems = [], []
            for i, rule in enumerate(rule_file.rules):
                # Every rule's mistake at once: a rule file's author fixed the first, ran it again, and only
                # then met the next.
                try:
                    compiled.append(compiler.compile_rule(rule, ("rules", i)))
                except RuleSetError as err:
                    problems.extend(err.problems)
            _raise_any(problems)
            return Compiled(
                params=params,
                candidate_rules=tuple(r for r in compiled if r.rule.scope == "candidate"),
                team_rules=tuple(r for r in compiled if r.rule.scope == "team"),
                member_conditions=tuple(compiler.member_conditions),
                reads_posts=tuple(("roles",) in needs for needs in compiler.member_needs),
                posts_only=tuple(bool(read) and read <= POSTS for read in compiler.member_facts),
                declared_fields=frozenset(compiler.declared_fields),
                facts={**compiler.facts["team"], **compiler.facts["candidate"]},
            )

        policy = Policy(rule_file, shown, digest, applied, vocabulary, chain, compile_with)
        if problems:
            # The rules' own mistakes too (an applies_to naming a role misspelt was met once the roles' words
            # were right), as they stand on the file's election day. Not where a field takes the name of a fact
            # the tool reads itself: the rules' conditions on that fact would read the field, and what they
            # said of it would be nonsense.
            if not set(rule_file.fields) & _built_in_facts():
                try:
                    policy.at(rule_file.election_date)
                except RuleSetError as err:
                    # Undated on its own day is said at the parameter's values below, once these are fixed.
                    problems += [] if err.key == "ruleset-param-undated" else err.problems
            _raise_any(problems)
        # Resolved: a script may change its working folder before the workers start.
        policy.source, policy.given = path.resolve(), dict(overrides or {})
        # Compile now for every date a dated value takes effect, so a mistake anywhere shows before any roster.
        for day in sorted({rule_file.election_date, *_value_dates(rule_file)}):
            try:
                policy.at(day)
            except RuleSetError as err:
                # A day before one parameter's first value (another's takes effect earlier) only bars an
                # election on it, said then; any other mistake in a value is the file's, and said now, for
                # `rules validate` passed a dated value that `check` refused on its day (helper-51).
                if err.key != "ruleset-param-undated":
                    raise
                if day >= rule_file.election_date:
                    # Said at the parameter's values, with the day its first takes effect: the file's own
                    # election day, or an inherited parameter's, was named with no line (helper-95).
                    name = str(err.params["name"])
                    first = min(v.from_ for v in rule_file.parameters[name].values or [])
                    raise RuleSetError(
                        "ruleset-param-undated-at",
                        where(("parameters", name, "values")),
                        name=name,
                        day=day,
                        first=first,
                    ) from None
        _check_parameters_used(rule_file, policy.rules, where, shown, read.inherited, overrides or {})
        policy.amended = _amendments(rule_file, policy.rules, positions, read.titles, overrides or {})
        live = {rule.id for rule in rule_file.rules}
        policy.disabled = {rule_id: at for rule_id, at in read.disabled.items() if rule_id not in live}
        policy.warnings = list(_dead_values(rule_file, data, positions, shown))
    except RuleSetError as err:
        inherited_wrong = [
            p for p in err.problems if p.location is not None and p.location.path not in (shown, "--set")
        ]
        if chain and inherited_wrong:
            # Wrong in a file this one builds on: by itself, said as its own mistake (this file was blamed for
            # it, helper-62); or made wrong by this file's change (an education list without the level a
            # parameter names), said here too, each breakage at its change: two changes that each broke a
            # rule were said as the first alone, and the second met only once it was fixed (helper-67).
            _raise_parents_own(path)
            said = [
                _broken_by_change(p, positions, shown) if p in inherited_wrong else p for p in err.problems
            ]
            raise (said[0] if len(said) == 1 else RuleSetProblems(said)) from None
        raise
    return policy


def _dead_values(
    rule_file: RuleFile, data: Any, positions: Positions, shown: str
) -> Iterator[RuleSetWarning]:
    """Dated values in force only outside the file's effective period, each at its `from`: superseded on or
    before the period's first day, or taking effect after its last. No election the file is for uses one, so its
    year is most likely mistyped; yet a check given another election day (--election-date, a communities table)
    does use it, with a ruleset-not-in-effect finding, so the file still works and this is not a mistake."""
    start, end = rule_file.effective.from_, rule_file.effective.to
    period = f"{start or '…'} – {end or '…'}"
    for name, parameter in rule_file.parameters.items():
        values = parameter.values or []
        for index, dated in enumerate(values):
            following = values[index + 1].from_ if index + 1 < len(values) else None
            before = start is not None and following is not None and following <= start
            after = end is not None and dated.from_ > end
            at: tuple[str | int, ...] = ("parameters", name, "values", index)
            found, pos = positions.find(data, (*at, "from"))
            # A value inherited from the file this one builds on is said when that file is loaded, not here:
            # its author wrote it for that file's own period.
            if not (before or after) or positions.file_of(found, shown) != shown:
                continue
            until = following - dt.timedelta(days=1) if following is not None else "…"
            yield RuleSetWarning(
                "ruleset-param-value-dead",
                Location(shown, *(pos or (None, None))),
                {
                    "field": dotted_path(positions.written_as(at)),
                    "span": f"{dated.from_} – {until}",
                    "period": period,
                },
            )


def _raise_parents_own(path: Path) -> None:
    """The mistakes of the file a rule file builds on, if it is wrong by itself."""
    data, _ = _parse(path.read_bytes(), _shown(path))
    if isinstance(data, dict) and isinstance(data.get("extends"), str):
        load_ruleset(resolve_parent(data["extends"], path, bundled_dir()))


def _broken_by_change(err: RuleSetError, positions: Positions, shown: str) -> RuleSetError:
    """An error in a parent file, said at the first change this file makes, naming the parent's line."""
    own = [
        at
        for path, at in {**positions.values, **positions.keys}.items()
        if path
        and path[0] not in ("name", "title", "version", "document")
        and positions.file_of(path, "") == shown
    ]
    reason = Term(say(err.key, "zh", **err.params), say(err.key, "en", **err.params))
    # The change the error names (a field retyped, a role or parameter it reads) rather than the first: a
    # field made dates was said at a harmless parameter above it, and the officer went to "fix" that (helper-67).
    # Only a named entry (a field, a parameter, a vocabulary's word) is looked for, in the Chinese words, which
    # hold names but no English prose: effective's `to` was found in "to compare" (helper-68).
    said = f"{reason.zh}\n{err.params.get('field', '')}"
    named = [
        positions.keys.get(path)
        for path in positions.keys
        if _entry_name(path) is not None
        and positions.file_of(path, "") == shown
        and _names_in((_entry_name(path),), said)
    ]
    chosen = [at for at in named if at is not None] or own
    line, column = min(chosen) if chosen else (None, None)
    return RuleSetError(
        "ruleset-broken-by-change", Location(shown, line, column), parent=str(err.location), reason=reason
    )


def _amendments(
    rule_file: RuleFile,
    rules: tuple[CompiledRule, ...],
    positions: Positions,
    titles: Mapping[str, str],
    overrides: Mapping[str, object],
) -> dict[str, dict[str, str]]:
    """Each rule's parameters set by a file other than the one its source is written in, or by --set, with the
    document (or file) that set them: principal-age quotes the 2006 notice's 超过57周岁, and a district's file
    that makes it 55 is where its finding's threshold comes from (helper-67). A file's document is named by its
    own document.title, wherever it stands in the chain: two levels down, the county's file was named by its
    path (helper-76)."""
    index = {rule.id: i for i, rule in enumerate(rule_file.rules)}
    amended: dict[str, dict[str, str]] = {}
    for rule in rules:
        # Where its source is written: a file that amends a rule's source quotes the notice that sets the value.
        written_in = positions.file_of(("rules", index[rule.id], "source"), "")
        for name in rule.params:
            if name in overrides:
                amended.setdefault(rule.id, {})[name] = "--set"
            elif (set_in := positions.file_of(("parameters", name), "")) != written_in:
                amended.setdefault(rule.id, {})[name] = titles.get(set_in, set_in)
    return amended


def _entry_name(path: tuple[Any, ...]) -> str | None:
    """The name of a named entry's key (fields.two_violations, parameters.x, vocabularies.roles.director)."""
    if len(path) == 2 and path[0] in ("fields", "parameters"):
        return str(path[1])
    if len(path) == 3 and path[0] == "vocabularies" and isinstance(path[2], str):
        return path[2]
    return None


def _names_in(path: tuple[Any, ...], text: str) -> bool:
    """Whether a key of a changed entry (fields.two_violations, parameters.principal_max_age) is named in an
    error's words, whole: two_violations, not violations within it."""
    name = next((part for part in path if isinstance(part, str)), "")
    return bool(name) and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _check_parameters_used(
    rule_file: RuleFile,
    rules: tuple[CompiledRule, ...],
    where: Any,
    shown: str,
    inherited: frozenset[str],
    overrides: Mapping[str, object],
) -> None:
    """A parameter this file writes that no rule reads is refused: most often a misspelt name
    (principal_max_agee: 55), which would leave the threshold it meant unchanged without a word; or a parent's
    whose rules this file disables or replaces, set to a value that changes nothing (helper-62). One this file
    does not write is the parent's business. So is --set of one no rule reads."""
    used = sorted({name for rule in rules for name in rule.params})
    problems = [
        RuleSetError(
            "ruleset-param-unread-here" if name in inherited else "ruleset-param-unused",
            location,
            name=name,
            suggestion=did_you_mean(suggest(name, used)),
            used=", ".join(used) or "—",
        )
        for name in rule_file.parameters
        if name not in used and (location := where(("parameters", name))).path == shown
    ]
    # The same of a field this file declares: no rule reads it, most often as a rule was forgotten, or names it
    # misspelt (an unsued_field passed validate, helper-67). A parent's, its rules disabled here, is still read
    # from the roster, and said no more.
    read = {column for rule in rules for columns in rule.needs for column in columns}
    problems += [
        RuleSetError(
            "ruleset-field-unused",
            location,
            name=name,
            suggestion=did_you_mean(suggest(name, sorted(read & set(rule_file.fields)))),
        )
        for name in rule_file.fields
        if name not in read and (location := where(("fields", name))).path == shown
    ]
    _raise_any(problems)
    from eligibility.errors import OptionError

    for name in overrides:
        if name not in used:
            raise OptionError("option-set-unread", name=name, used=", ".join(used) or "-")


def loaded_again(source: Path | None, given: Mapping[str, object], sha256: str) -> Policy:
    """A Policy in another process: the same file with the same values, or an error if the file has changed."""
    policy = load_ruleset(source, given)
    if policy.sha256 != sha256:
        raise RuleSetError("ruleset-changed", Location(policy.path))
    return policy


def _expectation_problems(rule_file: RuleFile, where: Any, written_as: Any) -> Iterator[RuleSetError]:
    """A test case that expects a finding no rule and no data check gives can only fail, and `rules test`
    would say so without saying why: said where it is written, with the closest rule id. A rule named as a
    data check is (duplicate-person): a report, an approval or --fail-on could not tell the two apart."""
    from eligibility.messages import DATA_CHECKS, Term

    ids = [rule.id for rule in rule_file.rules]
    for index, rule_id in enumerate(ids):
        if rule_id in DATA_CHECKS:
            at_id = ("rules", index, "id")
            reason = Term(
                f"“{rule_id}”是本工具数据检查的名称，请给规则另起一个 id",
                f"{rule_id!r} names one of the tool's data checks; give the rule another id",
            )
            yield _bad_value(where, written_as, at_id, reason)
    for index, case in enumerate(rule_file.tests):
        for key, expected in case.expect.items():
            for position, written in enumerate(expected):
                rule_id = written.removesuffix(UNDECIDED)  # principal-age? : could not be checked
                if rule_id not in ids and rule_id not in DATA_CHECKS:
                    at = ("tests", index, "expect", key, position)
                    yield unknown_name(where(at), at, "expected finding", rule_id, ids)


def _value_dates(rule_file: RuleFile) -> set[dt.date]:
    return {v.from_ for p in rule_file.parameters.values() for v in (p.values or [])}


def _shown(path: Path) -> str:
    bundled = bundled_dir()
    return (
        f"{path.stem} (bundled)" if path.resolve().is_relative_to(bundled.resolve()) else display_path(path)
    )


def shown_in(place: str, lang: Lang) -> str:
    """A rule file as _shown places it, in the language of a message: community-2006（内置） in Chinese."""
    name = place.removesuffix(" (bundled)")
    return say("rules-bundled", lang, name=name) if name != place else place


@dataclass(frozen=True)
class Disabled:
    """Where a file of the chain disabled an inherited rule, and the rule set it took the rule from, as
    `--rules` names it (a bundled name, or a path)."""

    where: Location
    parent: str


@dataclass
class _Read:
    """A rule file's data and positions, merged over the files it extends, and what the merging knew."""

    data: Any
    positions: Positions
    digest: str  # of the whole chain
    # The files it builds on, nearest first.
    chain: list[str] = field(default_factory=list)
    # The parameters it takes from the one it builds on, by name.
    inherited: frozenset[str] = frozenset()
    # Each file of the chain, as shown, by its own document.title: a finding names the document that set a value.
    titles: dict[str, str] = field(default_factory=dict)
    # Rule id -> where a file of the chain disabled it: `rules explain` says so, not "no such rule".
    disabled: dict[str, Disabled] = field(default_factory=dict)
    # The mistakes of this file's changes to the one it builds on (disable, severities, amend, a role rewritten
    # without its seat), each left out of the merging: said with the merged file's own mistakes, in one run.
    refused: list[RuleSetError] = field(default_factory=list)


def _read(path: Path, stack: tuple[tuple[Path, str], ...]) -> _Read:
    """A rule file's data and positions, merged over the files it extends; a digest of the whole chain."""
    shown = _shown(path)
    if any(path.resolve() == seen for seen, _ in stack):
        ring = " → ".join([*(name for _, name in stack), shown])
        raise RuleSetError("ruleset-cycle", Location(shown), chain=ring)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RuleSetError("path-unreadable", Location(shown), reason=err.strerror or str(err)) from err
    data, positions = _parse(raw, shown)
    positions.files[()] = shown
    digest = hashlib.sha256(raw).hexdigest()
    document = data.get("document") if isinstance(data, dict) else None
    title = document.get("title") if isinstance(document, dict) else None
    titles = {shown: title} if isinstance(title, str) and title.strip() else {}
    if isinstance(data, dict) and "extends" in data and _blank(data["extends"]):
        # `extends:` with its name left out was a file of its own missing four keys (document, election_date,
        # vocabularies, rules), said four times, and never that extends was blank (helper-76).
        where = positions.find(data, ("extends",), key=True)[1] or (None, None)
        raise RuleSetError(
            "ruleset-invalid",
            Location(shown, *where),
            field="extends",
            reason=Term(
                "没有写值：写上所依据的内置规则集的名字（如 extends: community-2006）或规则文件的路径；不依据别的"
                "规则集就删去这一行",
                "is blank: name the bundled rule set this file builds on (extends: community-2006) or a rule "
                "file's path; for a file that builds on none, delete the line",
            ),
        )
    if not isinstance(data, dict) or not data.get("extends"):
        return _Read(data, positions, digest, titles=titles)
    if isinstance(data["extends"], list):
        # extends: [community-2006], as other tools write such keys: one name in a list is that name; a rule
        # file builds on one other (whose own extends may build on a third), so two are refused, said why.
        if len(data["extends"]) != 1 or not isinstance(data["extends"][0], str):
            where = positions.find(data, ("extends",))[1] or (None, None)
            raise RuleSetError("ruleset-extends-one", Location(shown, *where))
        data["extends"] = data["extends"][0]
    parent_path = resolve_parent(str(data["extends"]), path, bundled_dir())
    if not parent_path.is_file():
        where = positions.find(data, ("extends",))[1] or (None, None)
        if parent_path.parent != bundled_dir():
            # A path, relative to this file: say which file was looked for.
            raise RuleSetError(
                "ruleset-parent-missing",
                Location(shown, *where),
                path=display_path(parent_path),
                bundled=""
                if (meant := _bundled_meant(str(data["extends"]))) is None
                else Term(
                    f"；要用内置规则集，写 extends: {meant}（只写名字，不带 .yaml 和路径）",
                    f"; for the bundled rule set, write extends: {meant} (its name alone, without .yaml or a path)",
                ),
            )
        names = bundled_names()
        raise RuleSetError(
            "ruleset-unknown",
            Location(shown, *where),
            name=str(data["extends"]),
            suggestion=did_you_mean(suggest(str(data["extends"]), names)),
            known=", ".join(names),
        )
    parent = _read(parent_path, (*stack, (path.resolve(), shown)))
    if parent.refused:
        # The parent's own changes to the file it builds on are wrong: said as its own, with the rest of its
        # mistakes, as a parent wrong in any other way is (_raise_parents_own).
        load_ruleset(parent_path)
        _raise_any(parent.refused)
    if not isinstance(parent.data, dict):
        # A list, an empty file, a CSV read as YAML: nothing to build on, said at this file's `extends:`.
        where = positions.find(data, ("extends",))[1] or (None, None)
        raise RuleSetError(
            "ruleset-parent-not-rules",
            Location(shown, *where),
            path=_shown(parent_path),
            found=_shape(parent.data),
        )

    def where_in_child(at: tuple[str | int, ...]) -> Location:
        return Location(shown, *(positions.find(data, at)[1] or (None, None)))

    disable = data.get("disable")
    bundled = parent_path.resolve().is_relative_to(bundled_dir().resolve())
    parent_named = parent_path.stem if bundled else display_path(parent_path)
    disabled = {
        rule_id: Disabled(where_in_child(("disable", index)), parent_named)
        for index, rule_id in enumerate(disable if isinstance(disable, list) else [])
        if isinstance(rule_id, str)
    }
    merged, refused = merge((parent.data, parent.positions), (data, positions), shown, where_in_child)
    combined = hashlib.sha256((parent.digest + digest).encode()).hexdigest()
    # The parameters this file takes from the one it builds on, by name: one it sets again for a rule it
    # disables is no misspelling.
    parameters = parent.data.get("parameters")
    return _Read(
        merged[0],
        merged[1],
        combined,
        chain=[_shown(parent_path), *parent.chain],
        inherited=frozenset(parameters) if isinstance(parameters, dict) else frozenset(),
        titles={**parent.titles, **titles},
        disabled={**parent.disabled, **disabled},
        refused=[_disabled_in_parent(problem, parent.disabled) for problem in refused],
    )


def _disabled_in_parent(err: RuleSetError, disabled: Mapping[str, Disabled]) -> RuleSetError:
    """amend, severities or disable of a rule the parent disabled: said where, not as a rule never heard of
    (helper-82), as rules explain says it; any other mistake as it is."""
    gone = disabled.get(str(err.params.get("name", "")))
    if err.key != "ruleset-unknown-name" or gone is None:
        return err
    at, name = f"{gone.where.path}:{gone.where.line}", err.params["name"]
    field = str(err.params.get("field", ""))
    reason = (
        # Disabled again: what the author wants holds already (helper-83).
        Term(
            f"规则“{name}”已在 {at} 停用，这里不必再写",
            f"rule {name!r} is already disabled at {at}: leave it out here",
        )
        if field.startswith("disable")
        else Term(
            f"规则“{name}”已在 {at} 停用：要用它，从那里的 disable 删去，或在 rules 里写一条完整的规则",
            f"rule {name!r} is disabled at {at}: to use it, take it out of disable there, or write the whole rule "
            "under rules",
        )
    )
    return RuleSetError("ruleset-invalid", err.location, field=field, reason=reason)


def _blank(value: Any) -> bool:
    """An extends written with no name: nothing, empty quotes, spaces, or an empty list."""
    if isinstance(value, list):
        return not value or all(_blank(item) for item in value)
    return value is None or (isinstance(value, str) and not value.strip())


def _bundled_meant(spec: str) -> str | None:
    """The bundled rule set a missing file's path most likely meant: extends: community-2006.yaml looked for a
    file beside the child, and said only that there was none (helper-76)."""
    stem = re.sub(r"\.ya?ml$", "", spec.replace("\\", "/").rsplit("/", 1)[-1], flags=re.IGNORECASE)
    names = bundled_names()
    close = [name for name in names if name.casefold() == stem.casefold()] or list(suggest(stem, names, 0.8))
    return close[0] if close else None


def _shape(data: Any) -> Term:
    """What a YAML document that is not a mapping is, in words."""
    if data is None:
        return Term("是空的", "is empty")
    if isinstance(data, list):
        return Term("是一个列表", "is a list")
    return Term("只是一段文字", "is plain text")


def _parse(raw: bytes, shown: str) -> tuple[Any, Positions]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # Said at its line, and as what it most likely is: a file saved by Chinese Notepad or WPS in GBK.
        line = raw[: err.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            likely = Term(
                "看来是 GBK/GB18030 编码；请另存为 UTF-8", "it looks like GBK/GB18030; save it as UTF-8"
            )
        except UnicodeDecodeError:
            likely = Term("请另存为 UTF-8", "save it as UTF-8")
        raise RuleSetError("file-encoding", Location(shown, line), reason=likely) from err
    try:
        return load(text)
    except TooLarge as err:
        too_many = Term(
            f"用别名（*）展开后超过 {MAX_VALUES:,} 个值，不像规则文件", f"{err}, which no rule file is"
        )
        raise RuleSetError("ruleset-yaml", Location(shown, err.line, err.column), reason=too_many) from err
    except DuplicateKey as err:
        raise RuleSetError(
            "ruleset-duplicate-key", Location(shown, err.line, err.column), field=err.key, first=err.first
        ) from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        reason = err.problem or str(err)
        if err.context_mark and err.context and err.context.startswith(_OPENED):
            # A bracket or quote never closed: the mistake is where it opened, not where the parser gave up.
            mark = err.context_mark
            # Where the parser gave up, never past the file's last line (the end of a file ending in a line
            # break is the start of a line that is not there).
            last = max(1, text.count("\n") + (not text.endswith("\n")))
            reason = (
                f"{err.context}, {reason} (line {min(err.problem_mark.line + 1, last)})"
                if err.problem_mark
                else reason
            )
        elif mark is not None and (quote := _runaway_quote(text, mark)) is not None:
            opened = Location(shown, quote.start_mark.line + 1, quote.start_mark.column + 1)
            raise RuleSetError(
                "ruleset-yaml-quote", opened, end=quote.end_mark.line + 1, reason=reason
            ) from err
        location = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        if reason == "exceeded maximum nesting depth":
            # libyaml's limit on nesting, said in English only; a rule file is refused long before it anyway.
            raise RuleSetError(
                "ruleset-yaml", location, reason=Term("嵌套层数太多（超过 YAML 读取器的上限）", reason)
            ) from err
        raise RuleSetError("ruleset-yaml", location, reason=reason) from err
    except yaml.YAMLError as err:
        raise RuleSetError("ruleset-yaml", Location(shown), reason=str(err)) from err


_OPENED = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a double-quoted scalar")


def _runaway_quote(text: str, problem: yaml.Mark) -> yaml.ScalarToken | None:
    """A quoted value that ran on over several lines and ended just where the parser gave up: a quote left
    open (zh: '社区主干…) is closed by the next quote in the file (residents' committee), lines later, and only
    there does the YAML stop making sense. Neither PyYAML nor libyaml says where such a value began."""
    found = None
    try:
        # The pure scanner, whose tokens carry their marks.
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > problem.line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and token.start_mark.line < token.end_mark.line
                and token.end_mark.line == problem.line
            ):
                found = token
    except yaml.YAMLError:
        pass  # the scanner stops at the same mistake; the tokens before it are what is wanted
    if found is None:
        return None
    # Only a value that swallowed lines of the file's own shape (a key, a list item) ran away; a text written
    # over two lines on purpose has none.
    swallowed = text.splitlines()[found.start_mark.line + 1 : found.end_mark.line + 1]
    return found if any(_SHAPE.match(line) for line in swallowed) else None


_SHAPE = re.compile(r"\s*(- |[^\s#'\"][^:#'\"]*:(\s|$))")


def _validate(data: Any, positions: Positions, shown: str) -> RuleFile:
    if not isinstance(data, dict):
        raise RuleSetError(
            "ruleset-invalid",
            Location(shown, 1),
            field=_TOP,
            reason=Term(
                "规则文件应是一个 YAML 映射，包含 name、title、version、document、election_date、vocabularies 和 rules",
                "a rule file is a YAML mapping with name, title, version, document, election_date, vocabularies "
                "and rules",
            ),
        )
    deep = _too_deep(data, positions, shown)
    if deep:
        raise RuleSetProblems(deep)
    try:
        return RuleFile.model_validate(data)
    except ValidationError as err:
        precise = _out_of_order(data, positions, shown)
        problems: dict[str, RuleSetError] = {str(p.location) + str(p.params.get("field")): p for p in precise}
        errors = err.errors(include_url=False)
        for error in errors:
            if precise and error["msg"].startswith(_MODEL_ORDER_ERRORS):
                continue  # said above, at the line of the second id or the misplaced date
            if _list_said_within(error, errors):
                continue
            problem = _problem(error, data, positions, shown)
            # A value that fits no member of a union gets one error per member; the first says enough. Each
            # required key missing is its own, though all are said at the mapping's line (helper-62).
            missing = str(error["loc"][-1]) if error["type"] == "missing" and error["loc"] else ""
            problems.setdefault(str(problem.location) + str(problem.params.get("field")) + missing, problem)
        # In the order they are written (RuleSetProblems), as the compiler's are: pydantic goes by the model's
        # fields.
        raise RuleSetProblems(list(problems.values())) from err


def _list_said_within(error: Any, errors: list[Any]) -> bool:
    """Whether a list fitting no member of a union (mentions: [""]) is said by its list member's error at an item:
    the other member's "a mapping expected" (a parameter) would only be a second, wrong, reason."""
    loc = tuple(error["loc"])
    if error["type"] not in ("model_type", "dict_type") or not isinstance(error["input"], list) or not loc:
        return False
    union, member = loc[:-1], loc[-1]
    return any(
        len(other["loc"]) > len(loc)
        and tuple(other["loc"][: len(union)]) == union
        and other["loc"][len(union)] != member
        for other in errors
    )


def _too_deep(data: dict[str, Any], positions: Positions, shown: str) -> list[RuleSetError]:
    """Each rule whose condition nests too deep, at the first condition past the limit."""
    problems = []
    rules = data.get("rules")
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        if not isinstance(rule, dict):
            continue
        inside = model.too_deep(rule.get("when"))
        if inside is None:
            continue
        at = ("rules", index, "when", *inside)
        path, pos = positions.find(data, at)
        problems.append(
            RuleSetError(
                "ruleset-too-deep",
                Location(positions.file_of(path, shown), *(pos or (None, None))),
                # The rule's condition, not the fifty steps into it.
                field=dotted_path(positions.written_as(("rules", index, "when"))),
                depth=model.MAX_CONDITION_DEPTH,
            )
        )
    return problems


def _problem(error: Any, data: Any, positions: Positions, shown: str) -> RuleSetError:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "condition" and isinstance(error.get("input"), dict):
        return _unknown_condition(error["input"], loc, data, positions, shown)
    if kind == "string_type" and _read_as_other_than_text(error.get("input")):
        return _not_text(error["input"], loc, data, positions, shown)
    # A key of a mapping (a parameter's name) is said at the key, not at its value.
    at_key = kind == "extra_forbidden" or loc[-1:] == ("[key]",)
    path, pos = positions.find(data, loc, key=at_key, tags=_TAGS)
    location = Location(positions.file_of(path, shown), *(pos or (None, None)))
    dotted: str | Term = dotted_path(positions.written_as(path)) or _TOP
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _at(data, path[:-1])
        # Beside `fact:` only operators make sense, so suggest among them first.
        here = _keys_at(loc[:-1])
        known = (
            [*model.OPERATORS, "fact", "reading"]
            if isinstance(parent, dict) and "fact" in parent
            else here or all_keys()
        )
        hint = did_you_mean([k for k in suggest(key, known) if k != key])
        if not isinstance(hint, Term) and here:
            # Nothing close: the keys this place takes, so the author need not look them up.
            hint = Term(f"；此处可用：{'、'.join(here)}", f"; allowed here: {', '.join(here)}")
        if key in all_keys():
            zh, en = (hint.zh, hint.en) if isinstance(hint, Term) else ("", "")
            reason = Term(f"此处不能用键“{key}”{zh}", f"key {key!r} is not allowed here{en}")
        else:
            reason = Term(
                f"未知的键“{key}”{hint.zh if isinstance(hint, Term) else ''}",
                f"unknown key {key!r}{hint.en if isinstance(hint, Term) else ''}",
            )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind == "missing":
        reason = Term(f"缺少必填项“{loc[-1]}”", f"{loc[-1]!r} is required")
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    operator = next((str(p).rstrip("_") for p in loc[-2:] if p in ("in", "in_", "not_in")), None)
    if kind == "list_type" and operator:
        op = operator
        written = error.get("input")
        reason = Term(
            f"{op} 需要一个列表：写作 {op}: [{written}]", f"{op} needs a list: write {op}: [{written}]"
        )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind.startswith("date") and isinstance(error.get("input"), int | float):
        # election_date: 20060930 is read by YAML as a number, which pydantic takes for a timestamp: say so.
        written = error["input"]
        reason = Term(
            f"日期写作 YYYY-MM-DD（如 2006-09-30）；{written} 是一个数",
            f"a date is written YYYY-MM-DD (as 2006-09-30); {written} is a number",
        )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind.startswith("date") and isinstance(error.get("input"), str):
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=_not_a_date(error["input"]))
    if kind.startswith("int") and len(loc) > 1 and loc[-2] in WINDOW_OPERATORS:
        # within_years_before_election: 2.5 was "Input should be a valid integer" in English (helper-76): said
        # as the compiler says -3, and with the parameter the operator may name instead.
        op, written = loc[-2], error.get("input")
        zh_written = f"“{written}”" if isinstance(written, str) else written
        unit_zh, unit_en = ("月数", "months") if "months" in str(op) else ("年数", "years")
        # 一年半 is 18 months: the months operator, said where a part of a year was written.
        hint = Term(
            "；一年半写作 within_months_before_election: 18",
            "; a year and a half is within_months_before_election: 18",
        )
        hint = hint if unit_en == "years" else Term("", "")
        reason = Term(
            f"{op} 需要整数{unit_zh}（0 或以上），或参数 {{param: 名字}}，不是 {zh_written}{hint.zh}",
            f"{op} needs a whole number of {unit_en} (0 or more), or a parameter {{param: name}}, not {written!r}"
            f"{hint.en}",
        )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        allowed = re.findall(r"'([^']*)'", expected)
        written = error.get("input")
        hint = did_you_mean(suggest(written, allowed)) if allowed and isinstance(written, str) else ""
        meant = _LEVEL_WORDS.get(written.strip(), "") if isinstance(written, str) else ""
        if meant in allowed:
            # 不能提名, as the report says it: the level's own id is what a rule file writes (helper-80).
            hint = did_you_mean([meant])
        # The value written, said back: 应为…之一 alone left the reader to find which word was wrong (helper-62).
        shown = f"“{written}”" if isinstance(written, str | int | float) else ""
        reason = Term(
            f"{shown}应为 {'、'.join(allowed) or expected} 之一{hint.zh if isinstance(hint, Term) else ''}",
            (f"{written!r}: " if shown else "") + error["msg"] + (hint.en if isinstance(hint, Term) else ""),
        )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        reason = _WRITING.get(pattern, Term(error["msg"], error["msg"]))
        written = error.get("input")
        reason = Term(f"“{written}”：{reason.zh}", f"{written!r}: {reason.en}")
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    if kind == "bool_type" and loc[-1:] == ("bool",) and error.get("input") is None:
        return RuleSetError(
            "ruleset-invalid", location, field=dotted, reason=Term("没有写值", "has no value")
        )
    if kind == "bool_type" and loc[-1:] == ("bool",) and isinstance(error.get("input"), list | dict):
        # One value of several kinds (true/false, a number, a date, text): pydantic's first try, a boolean,
        # said "应为 true 或 false" of a list (helper-52).
        reason = Term(
            "应为一个值（数、日期、文字或 true/false），不能是列表或映射；按日期的值写作 values: [{from, value}]",
            "should be one value (a number, a date, text or true/false), not a list or mapping; dated values are "
            "written values: [{from, value}]",
        )
        return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)
    english = _IN_ENGLISH.get(kind) or error["msg"].removeprefix("Value error, ")
    try:
        zh = _IN_CHINESE.get(kind, "").format(**error.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        zh = ""  # a context pydantic did not give: its English says it
    return RuleSetError("ruleset-invalid", location, field=dotted, reason=Term(zh or english, english))


def _read_as_other_than_text(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float | dt.date)


def _not_text(value: Any, loc: tuple[Any, ...], data: Any, positions: Positions, shown: str) -> RuleSetError:
    """A name or word YAML read as a number, true/false, a date or null (a role id `1:`, an alias `true`), said
    as what it was read as and how to write it: pydantic said "Input should be a valid string", in English, and
    of a key true or a date at no line or at the mapping's."""
    if loc[-1:] == ("[key]",):
        # pydantic names such a key by its value (1 for true, a date's repr); the positions hold it as written.
        parent, _ = positions.find(data, loc[:-2])
        written = positions.key_as_written(parent, value)
        path = parent if written is None else (*parent, written)
        pos = positions.keys.get(path) or positions.values.get(path)
        text = _as_written(value) if written is None else written
        if value is None:
            reason = Term(
                "键空着（或写作 null、~）不是名字：请写出名字",
                "a key left blank (or written null or ~) is no name: write the name in words",
            )
        else:
            read = _READ_AS[type(value)]
            pattern = _key_pattern(loc[:-2])
            if pattern is not None and not re.fullmatch(pattern, text):
                # Quoted, "1" is text, and still no parameter's name: told to quote it, the author met the
                # name's pattern next, said of "1" as if it were not digits. Said here is what a name looks like.
                kind = _NAMED.get(str(loc[-3]) if len(loc) > 2 else "", Term("这里的名字", "a name here"))
                shape = _SHAPES.get(pattern, Term(pattern, pattern))
                reason = Term(
                    f'{text} 被 YAML 读成了{read.zh}，不是名字；加引号写作 "{text}" 也不是：{kind.zh}由{shape.zh}',
                    f'{text} is read by YAML as {read.en}, not as a name, and "{text}" quoted is no name either: '
                    f"{kind.en} is {shape.en}",
                )
            else:
                reason = Term(
                    f'{text} 被 YAML 读成了{read.zh}，不是名字：名字要写成文字；确要用 {text}，请加引号写作 "{text}"',
                    f"{text} is read by YAML as {read.en}, not as a name: write the name in words, or, to use "
                    f'{text}, quote it: "{text}"',
                )
    else:
        path, pos = positions.find(data, loc)
        text = positions.plain.get(path) or _as_written(value)
        if value is None:
            reason = Term("没有写值：应写文字", "has no value: write it in words")
        else:
            read = _READ_AS[type(value)]
            reason = Term(
                f'{text} 被 YAML 读成了{read.zh}，不是文字：请加引号写作 "{text}"',
                f'{text} is read by YAML as {read.en}, not as words: quote it: "{text}"',
            )
    location = Location(positions.file_of(path, shown), *(pos or (None, None)))
    dotted: str | Term = dotted_path(positions.written_as(path)) or _TOP
    return RuleSetError("ruleset-invalid", location, field=dotted, reason=reason)


# The words a report gives each level, and the rule file's ids for them.
_LEVEL_WORDS = {
    **{word: "ineligible" for word in ("不能提名", "不得提名", "不合格", "取消资格")},
    **{word: "review" for word in ("需审批", "需事先审批", "待审批", "审批", "待核实")},
    **{word: "warning" for word in ("注意", "提醒", "警告")},
    **{word: "info" for word in ("说明", "提示", "信息")},
}
_DAY_PARTS = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _not_a_date(written: str) -> Term:
    """A rule file's date written as text that is no date, said with how to write it: 2026-3-1 was "Input should
    be a valid date or datetime, input is too short" in English, where the Chinese said 写作 YYYY-MM-DD
    (helper-76). Both begin as pydantic's English and the Chinese did, which a reader may have searched for."""
    zh, en = "应为日期，写作 YYYY-MM-DD", "Input should be a valid date, written YYYY-MM-DD"
    parts = _DAY_PARTS.fullmatch(written.strip())
    if parts is None:
        return Term(
            f"{zh}（如 2026-03-01）；“{written}”不是这样写的", f"{en} (as 2026-03-01); {written!r} is not"
        )
    year, month, day = (int(part) for part in parts.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            return Term(
                f"{zh}：“{written}”的月份应在 1 到 12 之间", f"{en}: {written!r} has no month {month}"
            )
        return Term(
            f"{zh}：{year} 年 {month} 月没有 {day} 日（“{written}”）",
            f"{en}: {year}-{month:02d} has no day {day} ({written!r})",
        )
    padded = f"{year:04d}-{month:02d}-{day:02d}"
    short = len(parts[2]) < 2 or len(parts[3]) < 2
    return Term(
        f"{zh}：“{written}”写作 {padded}" + ("（月、日各写两位）" if short else ""),
        f"{en}: {written!r} is written {padded}"
        + (" (two digits for the month and the day)" if short else ""),
    )


# pydantic's reasons as an officer reads them in Chinese, by error type; others keep pydantic's English.
_IN_CHINESE = {
    "field_units": "units 只用于 type: number 的字段",
    "body_id_taken": "班子的编号不能是 {id}：count 用 among: {id} 说数的是谁；请给这个班子另起编号",
    "findings_not_negations": "findings 里的 {words_zh} 不在 negations 里：findings 是能越过连词的否定词，须同时写进 "
    "negations，或从 findings 里去掉",
    "field_blank": "blank 只用于 type: bool 的字段（其他类型的空白本来就是“不明”或“没有”）",
    "place_header": "{header} 不是名册读取时认得的这一列的表头；可写：{known}",
    "date_parsing": "应为日期，写作 YYYY-MM-DD",
    "date_from_datetime_parsing": "应为日期，写作 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，不带时刻",
    "date_type": "应为日期，写作 YYYY-MM-DD",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数，不带小数",
    "float_parsing": "应为数",
    "float_type": "应为数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "list_type": "应为列表，写作 [a, b]",
    "too_short": "至少要有 {min_length} 项",
    "string_too_short": "不能为空",
    "string_blank": "不能只有空格或看不见的字符，要写出文字",
    "parameter_blank": "没有写值：写作 value: … 或 values: [{{from, value}}]",
    "parameter_both": "value（一个值）和 values（按日期的值）只能写一个",
    "parameter_values_empty": "values 至少要有一项 {{from: YYYY-MM-DD, value: …}}",
    "operator_blank": "{operator} 没有写值",
    "operator_count": "要写且只写一个运算符（{operators_zh} 之一）；写了：{found_zh}",
    "condition": "条件应写成映射，含以下键之一：" + "、".join(model.CONDITION_KEYS),
    "too_long": "至多只能有 {max_length} 项",
    "greater_than_equal": "应不小于 {ge}",
    "greater_than": "应大于 {gt}",
    # Nesting past pydantic's own limit; conditions are refused well before it (model.MAX_CONDITION_DEPTH).
    "recursion_depth_exceeded": "嵌套层数太多，超过了能检查的深度",
}


# pydantic's reasons where the Chinese above says how to write the value and pydantic's English does not
# ("Input should be a valid list" of negations: 不属实, helper-120).
_IN_ENGLISH = {
    "dict_type": "should be a mapping (key: value)",
    "model_type": "should be a mapping (key: value)",
    "model_attributes_type": "should be a mapping (key: value)",
    "list_type": "should be a list, written [a, b]",
}


_MODEL_ORDER_ERRORS = ("Value error, rule id", "Value error, values must be in order")


def _out_of_order(data: dict[str, Any], positions: Positions, shown: str) -> list[RuleSetError]:
    """A rule id used twice, and dated values out of date order, each at the line of the second one."""
    problems = []
    first: dict[Any, int] = {}
    rules = data.get("rules")
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        if isinstance(rule_id, str) and rule_id in first:
            at = ("rules", index, "id")
            line = positions.find(data, ("rules", first[rule_id], "id"))[1]
            reason = Term(
                f"规则 id “{rule_id}”用了两次（第一次在第 {line[0] if line else '?'} 行）",
                f"rule id {rule_id!r} is used twice (first at line {line[0] if line else '?'})",
            )
            problems.append(_at_path(at, data, positions, shown, reason))
        elif isinstance(rule_id, str):
            first[rule_id] = index
    parameters = data.get("parameters")
    for name, parameter in (parameters if isinstance(parameters, dict) else {}).items():
        values = parameter.get("values") if isinstance(parameter, dict) else None
        days = (
            [v.get("from") if isinstance(v, dict) else None for v in values or []]
            if isinstance(values, list)
            else []
        )
        for index in range(1, len(days)):
            before, day = days[index - 1], days[index]
            if isinstance(before, dt.date) and isinstance(day, dt.date) and day <= before:
                reason = Term(
                    f"dated values 须按 from 日期先后排列，每个日期一次：{day} 不在 {before} 之后",
                    f"values must be in order of their from dates, each date once: {day} is not after {before}",
                )
                problems.append(
                    _at_path(("parameters", name, "values", index, "from"), data, positions, shown, reason)
                )
    return problems


def _at_path(
    at: tuple[str | int, ...], data: Any, positions: Positions, shown: str, reason: Term
) -> RuleSetError:
    path, pos = positions.find(data, at)
    dotted = dotted_path(positions.written_as(path))
    return RuleSetError(
        "ruleset-invalid",
        Location(positions.file_of(path, shown), *(pos or (None, None))),
        field=dotted,
        reason=reason,
    )


_TAGS = frozenset(model.CONDITION_KEYS)
# What a name of each pattern is made of, in words: "lower-case letters, digits and _" alone let "1" pass.
_SHAPES = {
    model.RULE_ID: Term(
        "小写字母和数字组成、以字母开头，可用单个连字符连接，如 min-age",
        "lower-case letters and digits, beginning with a letter, joined by single hyphens, like min-age",
    ),
    model.NAME: Term(
        "小写字母、数字和下划线组成、以字母开头，如 min_age",
        "lower-case letters, digits and _, beginning with a letter, like min_age",
    ),
}
_WRITING = {pattern: Term(f"请写成{shape.zh}", f"write {shape.en}") for pattern, shape in _SHAPES.items()}
# The name a mapping's key is, by the mapping, for saying what it must look like.
_NAMED = {
    "parameters": Term("参数名", "a parameter's name"),
    "fields": Term("字段名", "a field's name"),
}


def _unknown_condition(
    written: dict[str, Any], loc: tuple[Any, ...], data: Any, positions: Positions, shown: str
) -> RuleSetError:
    """A condition with none of the condition keys: name the key that is not one, and the closest that is."""
    path, pos = positions.find(data, loc, tags=_TAGS)
    allowed = {*model.CONDITION_KEYS, *model.OPERATORS, "among", "label", "leave_out", "reading"}
    strange = [str(k) for k in written if str(k) not in allowed]
    dotted: str | Term = dotted_path(positions.written_as(path)) or _TOP
    if not strange:
        reason = Term(
            "条件须含下列键之一：" + "、".join(model.CONDITION_KEYS),
            "a condition needs one of the keys " + ", ".join(model.CONDITION_KEYS),
        )
        return RuleSetError(
            "ruleset-invalid", Location(shown, *(pos or (None, None))), field=dotted, reason=reason
        )
    key = strange[0]
    where = positions.keys.get((*path, key)) or pos or (None, None)
    hint = did_you_mean(suggest(key, list(model.CONDITION_KEYS)))
    reason = Term(
        f"未知的条件键“{key}”{hint.zh if isinstance(hint, Term) else ''}；条件须含下列键之一："
        + "、".join(model.CONDITION_KEYS),
        f"unknown condition key {key!r}{hint.en if isinstance(hint, Term) else ''}; a condition needs one of "
        + ", ".join(model.CONDITION_KEYS),
    )
    return RuleSetError(
        "ruleset-invalid", Location(positions.file_of(path, shown), *where), field=dotted, reason=reason
    )


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


# The file itself, as a place a key is missing from: (top) in English, 文件顶层 in Chinese (helper-52).
_TOP = Term("文件顶层", "(top)")


def _keys_at(loc: tuple[Any, ...]) -> list[str] | None:
    """The keys the model at a place of the rule file allows, followed from RuleFile along pydantic's location;
    None where it cannot be told (inside a condition's union). `page:` in a source was asked "ge?" and `until:`
    in effective "title?", from every key of the language (helper-52)."""
    current = _model_at(loc)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(info.alias or name for name, info in current.model_fields.items())
    return None


def _key_pattern(loc: tuple[Any, ...]) -> str | None:
    """The pattern the keys of the mapping at a place of the rule file must match (a parameter's name), if any."""
    current = _model_at(loc)
    if typing.get_origin(current) is not dict:
        return None
    key = typing.get_args(current)[0]
    for meta in typing.get_args(key)[1:] if typing.get_origin(key) is typing.Annotated else ():
        for constraint in getattr(meta, "metadata", [meta]):
            if isinstance(pattern := getattr(constraint, "pattern", None), str):
                return pattern
    return None


def _model_at(loc: tuple[Any, ...]) -> Any:
    """The type at a place of the rule file, followed from RuleFile along pydantic's location; None where it
    cannot be told (inside a condition's union)."""
    current: Any = _unwrapped(RuleFile)
    for part in loc:
        if typing.get_origin(current) in (list, dict):
            current = _unwrapped(typing.get_args(current)[-1])  # past the item's index or the entry's key
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        found = next(
            (info for name, info in current.model_fields.items() if part in (name, info.alias)), None
        )
        if found is None:
            return None
        current = _unwrapped(found.annotation)
    return current


def _unwrapped(annotation: Any) -> Any:
    """A field's type without Annotated[…] and `| None`; a union of several kinds stays as it is."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


@cache
def all_keys() -> list[str]:
    """Every key the rule language knows, for did-you-mean suggestions."""
    keys: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__:
            for name, info in value.model_fields.items():
                keys.add(info.alias or name)
    return sorted(keys)


def _vocabulary_problems(rule_file: RuleFile, where: Any, written_as: Any) -> Iterator[RuleSetError]:
    """Cross-references and ambiguities a schema cannot see: a word must mean one thing only."""
    words = rule_file.vocabularies
    bodies = words.bodies
    for role_id, role in words.roles.items():
        if role.body is not None and role.body not in bodies:
            at: tuple[str | int, ...] = ("vocabularies", "roles", role_id, "body")
            yield unknown_name(where(at), written_as(at), "body", role.body, list(bodies))
    for word, held in words.role_sets.items():
        for index, role_id in enumerate(held):
            if role_id not in words.roles:
                at = ("vocabularies", "role_sets", word, index)
                yield unknown_name(where(at), written_as(at), "role", role_id, list(words.roles))
    levels = [level.id for level in words.education]
    for index, level in enumerate(words.education):
        if level.id in levels[:index]:
            yield _bad_value(
                where,
                written_as,
                ("vocabularies", "education", index, "id"),
                Term(f"文化程度编号“{level.id}”用了两次", f"education level id {level.id!r} is used twice"),
            )
        if level.incomplete is not None and level.incomplete not in levels:
            at = ("vocabularies", "education", index, "incomplete")
            yield unknown_name(where(at), written_as(at), "education level", level.incomplete, levels)
    for spellings in _spellings(words).values():
        owner: dict[str, str] = {}
        for at, meaning, spelling in spellings:
            key = fold(spelling)
            if owner.get(key, meaning) != meaning:
                yield _bad_value(
                    where,
                    written_as,
                    at,
                    Term(
                        f"“{spelling}”既指“{owner[key]}”又指“{meaning}”；一个词只能有一个意思",
                        f"{spelling!r} means both {owner[key]!r} and {meaning!r}",
                    ),
                )
            owner[key] = meaning


Spelling = tuple[tuple[str | int, ...], str, str]


def _spellings(words: Any) -> dict[str, list[Spelling]]:
    """Every word of each vocabulary with where it is written and what it means."""
    roles: list[Spelling] = []
    for role_id, role in words.roles.items():
        at = ("vocabularies", "roles", role_id)
        roles += [(at, role_id, w) for w in (role_id, role.zh, role.en)]
        roles += [((*at, "aliases", i), role_id, w) for i, w in enumerate(role.aliases)]
    # A word for several roles, or for none (a remark), is still one word: it cannot also be a role's alias.
    roles += [(("vocabularies", "role_sets", w), "+".join(held), w) for w, held in words.role_sets.items()]
    roles += [(("vocabularies", "role_remarks", i), "-", w) for i, w in enumerate(words.role_remarks)]
    levels: list[Spelling] = []
    for index, level in enumerate(words.education):
        at = ("vocabularies", "education", index)
        levels += [(at, level.id, w) for w in (level.id, level.zh, level.en)]
        levels += [((*at, "aliases", i), level.id, w) for i, w in enumerate(level.aliases)]
    genders: list[Spelling] = [
        (("vocabularies", "genders", sex, i), sex, w)
        for sex in ("male", "female")
        for i, w in enumerate(getattr(words.genders, sex))
    ]
    truth: list[Spelling] = [
        (("vocabularies", side, i), side, w)
        for side in ("yes", "no")
        for i, w in enumerate(getattr(words, side))
    ]
    return {"roles": roles, "education": levels, "genders": genders, "yes/no": truth}


def _bad_value(where: Any, written_as: Any, at: tuple[str | int, ...], reason: str | Term) -> RuleSetError:
    # Named as the file writes it (rules[1]), not by its place among the rules it inherits too (rules.16).
    return RuleSetError("ruleset-bad-value", where(at), field=dotted_path(written_as(at)), reason=reason)


# What a rule's finding says beside its facts, under its own keys: the evidence the compiler gives every rule, and
# the cell, its column and the amending document the engine adds (engine._apply, _finding).
_EVIDENCE_WORDS = (GIVEN_EVIDENCE - {"election_date"}) | {"cell", "column", "amended_by"}


def _evidence_word(where: Any, written_as: Any, at: tuple[str | int, ...], kind: Term) -> RuleSetError:
    """A field or parameter named as what a finding's evidence says beside its facts: shown as its cell, column
    or threshold would be, and left out of --explain (helper-71, helper-74)."""
    return _bad_value(
        where,
        written_as,
        at,
        Term(
            f"{kind.zh}名 {at[-1]} 是审查意见的依据里工具自己写的项（单元格、列、不明的事实等）；请另取一个名字",
            f"the {kind.en} name {at[-1]} is one the tool writes in a finding's evidence itself (its cell, column, "
            f"the facts unknown): give the {kind.en} another name",
        ),
    )


def _what_else_problems(
    rule_file: RuleFile, data: dict[str, Any], where: Any, written_as: Any, shown: str, key_where: Any
) -> Iterator[RuleSetError]:
    """Mistakes that pass the schema and would change verdicts without a word: a field headed as another
    column, a rule for no role, changes to inherited rules in a file that inherits none, dates reversed."""
    from eligibility.roster.columns import ROSTER_COLUMNS

    headed: dict[str, tuple[str, str]] = {}  # a header, folded -> the column it heads, and its Chinese name
    for column in ROSTER_COLUMNS:
        for header in (column.name, column.zh, *column.aliases):
            headed.setdefault(fold(header), (column.name, column.zh))
    built_in = _built_in_facts()
    for name in rule_file.parameters:
        if name in _EVIDENCE_WORDS:
            yield _evidence_word(where, written_as, ("parameters", name), Term("参数", "parameter"))
    for name, spec in rule_file.fields.items():
        at: tuple[str | int, ...] = ("fields", name)
        if name in built_in:
            yield _bad_value(
                where,
                written_as,
                at,
                Term(
                    f"字段名 {name} 是工具自带的事实，规则里直接用它即可；自己的列请另取一个名字",
                    f"the field name {name} is a fact the tool reads itself: name it in rules as it is, and give "
                    "a column of your own another name",
                ),
            )
        elif name in _EVIDENCE_WORDS:
            yield _evidence_word(where, written_as, at, Term("字段", "field"))
        for index, header in enumerate((spec.zh, *spec.aliases)):
            owner, other = headed.get(fold(header), (name, ""))
            if owner != name:
                # 两违 claimed by two fields, or 学历 by a field: the column is read as one of them only, and
                # the other's rules are said to lack a column the roster has.
                yield _bad_value(
                    where,
                    written_as,
                    (*at, "aliases", index - 1) if index else (*at, "zh"),
                    Term(
                        f"列名“{header}”已是 {owner}（{other}）列的写法；一个列名只能指一列",
                        f"the header {header!r} already heads the column {owner} ({other}); a header heads one "
                        "column",
                    ),
                )
            headed[fold(header)] = (name, spec.zh)
    for index, rule in enumerate(data.get("rules") or []):
        if isinstance(rule, dict) and rule.get("applies_to") == []:
            # Left out, a rule is for everyone; written empty it most often had its roles deleted.
            yield _bad_value(
                where,
                written_as,
                ("rules", index, "applies_to"),
                Term(
                    "applies_to 是空列表：写上职务编号，或删去这一行让规则适用于所有人",
                    "applies_to is an empty list: name the roles, or leave the key out for a rule on everyone",
                ),
            )
    for key in ("disable", "severities", "amend"):
        if data.get(key) and not rule_file.extends:
            yield _bad_value(
                where,
                written_as,
                (key,),
                Term(
                    f"{key} 只改变 extends 继承来的规则；本文件自己的规则请直接删去或改它的 severity",
                    f"{key} changes rules inherited through extends; change this file's own rules where written",
                ),
            )
    effective = rule_file.effective
    day = rule_file.election_date
    # The file's own day only: one that writes its effective period and takes its parent's day, given a day at
    # each check (--election-date, a communities table), is no contradiction of its own (helper-68).
    if (
        day is not None
        and where(("election_date",)).path == shown
        and not (effective.from_ is not None and effective.to is not None and effective.from_ > effective.to)
        and (
            (effective.from_ is not None and day < effective.from_)
            or (effective.to is not None and day > effective.to)
        )
    ):
        # A file that extends another keeps the parent's effective unless it writes its own: 2027's election day
        # under 2006's period passed validate, and every check then warned ruleset-not-in-effect (helper-67).
        period = f"{effective.from_ or '…'} – {effective.to or '…'}"
        yield _bad_value(
            where,
            written_as,
            ("election_date",),
            Term(
                f"选举日 {day} 不在规则集的有效期（effective：{period}）内：请改 election_date，或在本文件里写上"
                "这一届的 effective（不写就沿用底本的）",
                f"election day {day} is outside the rule set's effective period ({period}): correct election_date, "
                "or write this round's effective in this file (a parent's holds until then)",
            ),
        )
    inherited_from = where(("election_date",)).path
    if (
        day is not None
        and inherited_from != shown
        and where(("effective",)).path == shown
        and not (effective.from_ is not None and effective.to is not None and effective.from_ > effective.to)
        and (
            (effective.from_ is not None and day < effective.from_)
            or (effective.to is not None and day > effective.to)
        )
    ):
        # Its own period and its parent's day: a check given no --election-date computed every age and window to
        # 2006-09-30 under a 2026 period, and validate said 无误 (helper-76). Said at `effective`, which this file
        # wrote; the day is the parent's.
        period = f"{effective.from_ or '…'} – {effective.to or '…'}"
        inherited_zh = shown_in(inherited_from, "zh")  # community-2006（内置）, as the rules commands say it
        yield RuleSetError(
            "ruleset-bad-value",
            key_where(("effective",)),
            field=dotted_path(written_as(("effective",))),
            reason=Term(
                f"本文件的有效期（{period}）不含沿用 {inherited_zh} 的选举日 {day}：请在本文件写上这一届的 "
                f"election_date；不写，没有 --election-date 的检查把每个人的年龄、年限都算到 {day}",
                f"this file's effective period ({period}) does not hold the election day {day} it takes from "
                f"{inherited_from}: write this round's election_date in this file; without it, a check given no "
                f"--election-date works out every age and window on {day}",
            ),
        )
    if effective.from_ is not None and effective.to is not None and effective.from_ > effective.to:
        yield _bad_value(
            where,
            written_as,
            ("effective",),
            Term(
                f"effective 的 from（{effective.from_}）晚于 to（{effective.to}）",
                f"effective from ({effective.from_}) is after to ({effective.to})",
            ),
        )


def _built_in_facts() -> set[str]:
    """The facts the tool itself reads from a roster's core columns or works out (性别, 拟任职务, 周岁, 社区主干):
    a field of one of these names took its place, and rules on sex or roles judged by a column never read."""
    from eligibility.roster.columns import ROSTER_COLUMNS

    return {column.name for column in ROSTER_COLUMNS} | {"age", "bodies", "principal"}


def _convert_override(name: str, text: Any, params: dict[str, Any], rule_file: RuleFile) -> Any:
    from eligibility.errors import OptionError

    if name not in params:
        raise OptionError(
            "option-set-unknown",
            name=name,
            suggestion=did_you_mean(suggest(name, list(params))),
            known=", ".join(params) or "-",
        )
    current = params[name]
    try:
        # A library caller may pass the value itself (57, 0.5, True, a date) rather than its text; one that would
        # change in the converting is refused as a wrong one typed would be: int(57.9) is 57, int(True) is 1.
        if isinstance(current, bool):
            truth = text if isinstance(text, bool) else Vocabulary(rule_file.vocabularies).truth(text)
            if truth is None:
                raise ValueError(text)
            return truth
        if isinstance(text, bool):
            raise TypeError(text)
        if isinstance(current, int):
            if isinstance(text, float) and not text.is_integer():
                raise ValueError(text)
            return text if isinstance(text, int) else int(text)
        if isinstance(current, float):
            # A share as an officer writes it, 60% (or ６０％): 0.6 (helper-130).
            percent = isinstance(text, str) and text.strip().endswith(("%", "％"))
            number = float(text.strip()[:-1]) / 100 if percent else float(text)
            if math.isnan(number):
                raise ValueError(text)  # compares false with every bound: a rule on it would never answer
            return number
        if isinstance(current, dt.date):
            return text if type(text) is dt.date else dt.date.fromisoformat(text)
    except (ValueError, TypeError) as err:  # TypeError: a library caller's None, or a list, for a value
        expected = next(
            (words for kind, words in _VALUE_KINDS if isinstance(current, kind)), Term("文字", "text")
        )
        if isinstance(current, int) and "year" in name and _FRACTION.fullmatch(str(text).strip()):
            # 1.5 years: a window by months is written in the rule file (helper-83), as validate says of 2.5.
            expected = Term(
                f"{expected.zh}；一年半这样的期限，请在规则文件里改用 within_months_before_election: 18",
                f"{expected.en}; a year and a half is written in the rule file as within_months_before_election: 18",
            )
        raise OptionError("option-set-value", name=name, value=text, expected=expected) from err
    return text


_FRACTION = re.compile(r"\d+\.\d+")
# What a --set value must look like, in words, by the type of the parameter's value (bool before int: a bool is one).
_VALUE_KINDS: tuple[tuple[type, Term], ...] = (
    (bool, Term("是或否", "yes or no")),
    (int, Term("整数，如 60", "a whole number, such as 60")),
    (float, Term("数，如 0.5", "a number, such as 0.5")),
    (dt.date, Term("日期 YYYY-MM-DD", "a date YYYY-MM-DD")),
)


def describe(policy: Policy, lang: Lang) -> str:
    """One line naming the rule set, for report headings."""
    return say(
        "title", lang, ruleset=f"{policy.name} v{policy.version}", election_date=policy.file.election_date
    )
