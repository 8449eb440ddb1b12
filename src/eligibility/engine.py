"""The engine: candidate rules per row, team rules per community, approvals, statuses. Never prints or reads the clock."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from pydantic_core import from_json, to_json

from eligibility import __version__
from eligibility.candidate import (
    Candidate,
    DataProblem,
    Member,
    RowSource,
    Spelling,
    Team,
    Tri,
    mark_of,
    pack_id,
)
from eligibility.errors import EligibilityError, Location, OptionError, RosterError, display_path
from eligibility.messages import LANGS, Lang, Term, did_you_mean, listed, place_terms, say
from eligibility.register import IdRegister
from eligibility.report import (
    BARRED,
    NOTHING_OPEN,
    SEVERITY_ORDER,
    TO_VERIFY,
    WARNED,
    Approval,
    CandidateResult,
    Clause,
    Finding,
    InputFile,
    NotChecked,
    PlaceHeaders,
    Profile,
    Report,
    RuleFileNote,
    RuleInfo,
    RuleSetInfo,
    Serialised,
    Severity,
    Summary,
    TeamResult,
    is_barred,
    json_bytes,
    marks,
    only_to_verify,
    status_of,
    summarise,
    worst_open,
)
from eligibility.roster.columns import APPROVAL_COLUMNS, ROSTER_COLUMNS, Column, HeaderMap, map_headers
from eligibility.roster.normalise import (
    clean,
    completed_years,
    mask_birth,
    mask_days,
    mask_id,
    mask_id_bytes,
    mask_ids,
    mask_ids_and_births,
    mask_name,
    written_day,
    zeros_of_excel,
)
from eligibility.roster.readers import (
    ROWED,
    Note,
    RawRecord,
    Table,
    footer_of,
    has_footer_words,
    is_total,
    open_tables,
)
from eligibility.roster.records import RecordReader, blank_cell
from eligibility.roster.settings import (
    REFUSED,
    ApprovalRecord,
    Approvals,
    Communities,
    Community,
    alike,
    community_columns,
    quota_columns,
    read_approvals,
    read_communities,
    refused,
    seat_count,
)
from eligibility.roster.sources import (
    FOLDER,
    NOTED,
    UNKNOWN,
    UNREAD,
    Input,
    decodes,
    document_holds_roster,
    expand,
    our_report,
    read_bytes,
    unknown_type,
    unreadable,
    unreadable_folder,
    without_extension,
)
from eligibility.ruleset.compiler import (
    CANDIDACY,
    CompiledRule,
    Evidence,
    declared_keys,
    relatives_not_on_team,
)
from eligibility.ruleset.loader import Policy, bundled_names, load_ruleset

if TYPE_CHECKING:
    from eligibility.workers import Checked, Workers

TOOL = f"eligibility {__version__}"
PROGRESS_EVERY = 1000
# Age bands of the team profile: under 35, 35-44, 45-54, 55-59, 60 and over (60 is the rule set's usual line).
AGE_BANDS = ("<35", "35–44", "45–54", "55–59", "≥60")
AGE_TOPS = (35, 45, 55, 60, 1000)
# Each age's band, looked up rather than searched: a province has a million members to place.
_BAND_OF_AGE = [
    next(b for b, top in zip(AGE_BANDS, AGE_TOPS, strict=True) if age < top) for age in range(151)
]


def check(
    paths: Iterable[Path | str] | Path | str,
    ruleset: Policy | str | Path | None = None,
    *,
    election_date: dt.date | str | None = None,
    communities: Path | str | None = None,
    approvals: Path | str | None = None,
    overrides: Mapping[str, object] | None = None,
    show_pii: bool = False,
    lang: Lang = "zh",
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Callable[[int], None] | None = None,
    explain: bool = False,
    jobs: int = 1,
    on_candidate: Callable[[CandidateResult], None] | None = None,
    on_team: Callable[[TeamResult], None] | None = None,
) -> Report:
    """Check roster files against a rule set and return the Report.

    `ruleset` is a loaded Policy, a rule file path or a bundled name (default community-2006). `election_date`
    replaces the rule set's default; a roster's election_date column or the communities file still set it per
    community. `overrides` set parameters as `--set` does, each as its text ("57") or its value (57, 0.5, a
    date); a value the parameter cannot take exactly (57.9 for a whole number) is refused. ID numbers are masked
    unless `show_pii`. Messages are in `lang`. `encoding` overrides the
    detected text encoding; `sheet` reads only that worksheet of a workbook. `-` among the paths is standard input.
    `progress`, if given, is called with the number of candidates checked so far, now and then. With `explain`,
    each candidate also lists the rules checked that found nothing. `jobs` > 1 checks the rows in that many
    processes, with the same report; as with multiprocessing, a script that asks for them must start under
    `if __name__ == "__main__":`. With `on_candidate`, each candidate's result is handed to it as soon as it is
    known and the Report keeps none (its summary still counts them all): a province's batch in bounded memory,
    where the whole report holds about 3 KB a candidate. `on_team` does the same for the teams' results.
    """
    _check_arguments(paths, overrides, show_pii, on_candidate, on_team, progress)
    _check_kinds(
        communities=communities, approvals=approvals, sheet=sheet, encoding=encoding, explain=explain
    )
    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            raise _not_a_path("paths", path)
    if not paths:
        # An empty glob in a script: an empty report would read as "nobody broke a rule", as the command line
        # refuses to say without a PATH.
        raise OptionError("option-no-paths")
    options = Options(
        election_date, communities, approvals, overrides, show_pii, lang, encoding, sheet, bool(explain)
    )
    candidates: list[CandidateResult] = []
    masked: EligibilityError | None = None
    try:
        review = Review.start(ruleset, options)
        report = review.run(paths, on_candidate or candidates.append, progress, jobs=jobs, on_team=on_team)
    except EligibilityError as err:
        if show_pii:
            raise
        masked = err.masked()
    if masked is not None:
        # Raised here, not in the except: there the unmasked error stayed on its __context__, for any handler
        # walking the chain (a logger, Sentry) to show whole (helper-94).
        raise masked
    return report if on_candidate is not None else report.model_copy(update={"candidates": candidates})


def _check_arguments(paths: object, overrides: object, show_pii: object, *callbacks: object) -> None:
    """Arguments of the wrong kind, said as what they should be before any roster is read: a TypeError from
    deep in the reader told a script nothing, and show_pii="false" (from a setting) showed every ID number."""

    def wrong(name: str, value: object, zh: str, en: str) -> OptionError:
        return OptionError("option-type", name=name, value=repr(value)[:80], expected=Term(zh, en))

    if type(show_pii) is not bool:
        raise wrong("show_pii", show_pii, "True 或 False", "True or False")
    if overrides is not None and not isinstance(overrides, Mapping):
        raise wrong(
            "overrides",
            overrides,
            "参数名到值的映射（dict）",
            'a mapping of names to values ({"min_age": 18})',
        )
    for name, callback in zip(("on_candidate", "on_team", "progress"), callbacks, strict=True):
        if callback is not None and not callable(callback):
            raise wrong(name, callback, "可调用的函数", "a function")
    if isinstance(paths, bytes) or not isinstance(paths, str | os.PathLike | Iterable):
        raise wrong("paths", paths, "路径或路径的列表", "a path or a list of paths")


def _check_kinds(**given: object) -> None:
    """The optional paths and words of a check, each None or of its kind, and explain True or False: a number
    given as the communities table raised a bare TypeError, and sheet=3 or explain="yes" passed unread
    (helper-70)."""
    for name, value in given.items():
        if name == "explain":
            # None and 0/1 as a script passes them from a setting are what they say; "no" is not (truthy).
            if value is not None and type(value) is not bool and not (type(value) is int and value in (0, 1)):
                raise OptionError(
                    "option-type",
                    name=name,
                    value=repr(value)[:80],
                    expected=Term("True 或 False", "True or False"),
                )
        elif name in ("communities", "approvals"):
            if value is not None and not isinstance(value, str | os.PathLike):
                raise _not_a_path(name, value)
        elif value is not None and not isinstance(value, str):
            raise OptionError(
                "option-type", name=name, value=repr(value)[:80], expected=Term("文字（str）", "text (str)")
            )


def _not_a_path(name: str, value: object) -> OptionError:
    return OptionError(
        "option-type",
        name=name,
        value=repr(value)[:80],
        expected=Term("路径（str 或 Path）", "a path (str or Path)"),
    )


@dataclass(frozen=True)
class Options:
    """How to run a check, beside the rosters and the rule set."""

    election_date: dt.date | str | None = None
    communities: Path | str | None = None
    approvals: Path | str | None = None
    overrides: Mapping[str, object] | None = None
    show_pii: bool = False
    lang: Lang = "zh"
    encoding: str | None = None
    sheet: str | None = None
    explain: bool = False


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()  # a datetime (a pandas Timestamp) is a date too, but compares with none
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        if (day := written_day(str(value))) is not None:  # as the command line reads it: 2006/9/28 is a day
            return day
        raise OptionError("option-election-date", value=value) from None


def read_roster(
    path: Path | str,
    ruleset: Policy | str | Path | None = None,
    *,
    election_date: dt.date | str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Candidate]:
    """The candidates of one roster file, normalised through a rule set's vocabularies; no rule is applied.

    Each Candidate carries its data problems. Its candidates are the rows `check` judges, no more: a footer, a
    total or a table's title (合计, 审核人：王五, 乙社区候选人名单), which `check` says as a note on the file, is
    none (it came as one whose problem was row-not-a-candidate: helper-130); a row that may be a candidate's
    written wrong (a date alone, 待补) comes, with its problem. In a folder, or among a pattern's files, what `check` sets
    aside with a note is passed over too: a communities or approvals table, a scan or archive (.pdf, .zip), a file
    of a type the tool does not know (.bak, or a name without an extension whose content is no roster), a note
    saved as text (说明.txt), a rule file, an earlier run's report; any other file that is no roster, or cannot be
    read (or read through), is one `check` reports not read: the others' candidates come, and its RosterError (the
    first such file's) is raised after them. A file named on its own that cannot be read raises as it is reached.
    """
    if not isinstance(path, str | os.PathLike):
        raise _not_a_path("path", path)
    _check_kinds(encoding=encoding, sheet=sheet)
    review = Review.start(ruleset, Options(election_date=election_date, encoding=encoding, sheet=sheet))
    given: dict[Path, str] = {}
    unread: RosterError | None = None  # the first file of a folder that could not be read (or read through)
    for source in expand([path]):
        aside = review._not_opened(source, given)
        if aside is not None and aside.key.startswith("file-skipped-"):
            continue  # a scan, an archive, a .bak beside the rosters: no table in it to read
        if source.format == FOLDER and source.path is not None:
            unread = unread or unreadable_folder(source.path)  # a subfolder that cannot be opened
            continue
        try:
            tables = review.open_roster(source)
        except RosterError as err:
            if source.from_folder and (
                (err.key == "column-missing" and review._settings_table(source))
                or _a_note(source, err)
                or _rule_file(source)
                or _report_file(source)  # results.sarif.json beside the rosters, as check sets it aside
            ):
                continue
            if not source.from_folder:
                raise
            # One file of a folder (or a pattern's) that cannot be read does not lose the others' candidates, as
            # in check; raised once they are read: the generator could not go on past it (helper-130).
            unread = unread or err
            continue
        for table in tables:
            if source.from_folder and is_report(table):
                continue
            broken: list[RosterError] = []
            rows = _until_broken(table.rows, broken) if source.from_folder else table.rows
            for raw in _among(rows, [], by_worker=False):
                yield review.reader.candidate(raw, table)
            unread = unread or (broken[0] if broken else None)
    if unread is not None:
        raise unread


def _in_a_pool_worker() -> bool:
    """Whether this process is a multiprocessing.Pool's worker, which may start none of its own: a script
    checking a district's folders in a Pool with jobs=2 each stopped on "daemonic processes are not allowed to
    have children". Its rows are checked here, in one process, with the same result."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


@dataclass
class Review:
    """One run of the rules over one or more rosters: candidates stream through, teams keep a small state."""

    policy: Policy
    election_date: dt.date
    communities: Communities
    approvals: Approvals
    show_pii: bool = False
    lang: Lang = "zh"
    encoding: str | None = None
    sheet: str | None = None
    explain: bool = False
    not_checked: list[NotChecked] = field(default_factory=list)
    inputs: list[InputFile] = field(default_factory=list)
    _teams: dict[tuple[str, str], Team] = field(default_factory=dict)
    # The ways each street was written, by its own name (东湖: 东湖街道, 东湖街道党工委): a row of 东湖街道党工委
    # 青松社区 joins the team of 东湖街道 青松社区 (see _same_street). A few thousand streets, not one per team.
    _street_spellings: dict[str, list[str]] = field(default_factory=dict)
    # The team of the row before: a roster's rows come community by community (see _team_day).
    _last_team: Team | None = None
    # The team the row above joined, and where (file and sheet): a row under it with its 社区 blank joins it too
    # (see _join_team); and, by where, the lines each team so took in.
    _above: tuple[str, Team, Any] | None = None  # where, the team, and the row (or its line) that joined it
    _filled_down: dict[str, dict[tuple[str, str], list[tuple[int, int]]]] = field(default_factory=dict)
    # Election days, by roster file, outside the dates the rule set applies between (see _effect_notes).
    _days_out_of_effect: dict[str, set[dt.date]] = field(default_factory=dict)
    # Notes on a roster found while its rows were read (see _settings_elsewhere).
    _notes_by_path: dict[str, list[Note]] = field(default_factory=dict)
    _settings_said: bool = False
    # Where, in inputs, a settings table met among the rosters was set aside, by table (see _set_aside).
    _given_aside: dict[str, InputFile] = field(default_factory=dict)
    # Each roster's (or sheet's) entry in inputs, by where its rows came from: notes found once every row is in.
    _input_at: dict[str, InputFile] = field(default_factory=dict)
    _skipped_by_path: dict[str, frozenset[str]] = field(default_factory=dict)
    # Of those, the rules a file went without for want of approved seats alone, and what was said of them: a
    # team whose seats another file gave (a YAML roster's) is judged on them, and the file's not-checked kept
    # only while some team of it has none (see _settle_seats).
    _seats_skipped_by_path: dict[str, frozenset[str]] = field(default_factory=dict)
    _seats_said: dict[str, list[NotChecked]] = field(default_factory=dict)
    # The files (or sheets) with a street column: a team of no street from them had it left blank (_heads_apart).
    _street_columned: set[str] = field(default_factory=set)
    # A file's rules skipped (see _skipped) -> those of a row that holds the column read as blank where the file
    # has none (备注 added by a header written again): its rules not run on the file's rows run on that row.
    _where_read: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)
    # Communities two rosters gave different seats for, by body: unknown, whichever file is read last.
    _seats_disputed: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # First row of each ID number seen in the run: packed (file index << 33 | data row << 1 | whether it has a
    # line), files (and sheets) listed in _paths.
    _first_row: IdRegister = field(default_factory=IdRegister)
    _paths: list[tuple[str, str | None]] = field(default_factory=list)
    # Of each file in _paths, where the difference between a record's line and its data row grows (a blank line,
    # a title, a record over several lines): (data row, difference), in row order. A few points a file, so that a
    # duplicate names the first row's line, as its source does, where the register keeps its data row alone. By
    # row, not line: the records of a JSON file written on one line share it (helper-120).
    _rows_behind: list[list[tuple[int, int]]] = field(default_factory=list)
    # Of each file (index in _paths) whose records span lines (a cell with a line break), where the difference
    # between a record's line and the row Excel shows it on grows: (data row, difference), in row order. Only such
    # records add one, so a duplicate can name the first row as Excel shows it (see _excel_row).
    _row_offsets: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    # Of each file (and sheet) being read, its valid ID numbers written with 18 digits and ending in 000, and the
    # numbers Excel damaged (id-number-excel): (line, row Excel shows) of each (see _zeros_notes).
    _excel_zeros: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=dict)
    # Of each file (and sheet) being read, how many rows hold a post the rule set does not know, and the first
    # few such posts: a village's roster checked by the community rules is said once, at its end (_posts_notes).
    _posts_unknown: dict[str, tuple[list[int], dict[str, None]]] = field(default_factory=dict)
    # The other bundled rule sets, loaded the first time a file is asked of (_posts_notes).
    _bundled: dict[str, Policy] = field(default_factory=dict)
    # The name on the first row of each such number in the run, to tell two people Excel gave one number from
    # one person listed twice (see _add_duplicate). Few: 1 number in 1,100 ends so, or 1 in 11 of Excel's.
    _zeros_named: dict[int, str] = field(default_factory=dict)
    # Tuples many members have alike (roles, seats, answers), kept once.
    _shared: dict[Any, Any] = field(default_factory=dict)
    _bodies_of: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    # The answers to the member questions that read posts alone, by the rules' compiled form and the posts.
    _posts_answered: dict[tuple[int, tuple[str, ...]], tuple[Any, ...]] = field(default_factory=dict)
    _applicable: dict[tuple[Any, ...], tuple[CompiledRule, ...]] = field(default_factory=dict)
    _labels_of: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # The parts of a result's JSON that many rows share: the file's, the community's, the roles' (_clean_json).
    _json_heads: dict[str, bytes] = field(default_factory=dict)
    _places: dict[str, str] = field(default_factory=dict)  # paths and sheet names as shown (see _place)
    _names: dict[str, str] = field(default_factory=dict)  # streets and communities as shown (see _name)
    _json_place: tuple[tuple[str, str] | None, bytes] = (None, b"")
    _json_roles: dict[tuple[str, ...], bytes] = field(default_factory=dict)
    # Set while a run hands results to a JSON writer: then results are made as JSON (see serialised).
    _as_json: bool = False
    started: tuple[Policy | str | Path | None, Options] | None = None
    # The communities and approvals tables given with their options, resolved: met again among the rosters
    # (check *.csv --communities communities.csv), each is passed over as given.
    tables_given: dict[Path, str] = field(default_factory=dict)

    @classmethod
    def start(cls, ruleset: Policy | str | Path | None, options: Options) -> Review:
        """Load the rule set and the supporting tables; nothing is read from the rosters yet."""
        if options.lang not in LANGS:
            raise OptionError("option-lang", value=options.lang, known=", ".join(LANGS))
        if isinstance(ruleset, Policy):
            if options.overrides:
                raise OptionError("option-overrides-loaded")
            policy = ruleset
        else:
            policy = load_ruleset(ruleset, options.overrides)
        bodies = policy.file.vocabularies.bodies
        communities = options.communities
        streets = policy.vocabulary.streets
        approvals = options.approvals
        # A rule is written in the approvals table by its id or, as an officer copies it from a report, its title.
        titles = {rule_title(r, policy, lang): r.id for r in policy.rules for lang in LANGS}
        places = policy.file.vocabularies.places
        words = dict(place_terms(places.street, places.community))
        try:
            settings = (
                read_communities(Path(communities), bodies, streets, words)
                if communities
                else Communities(quota_columns(bodies), streets)
            )
            granted = (
                read_approvals(
                    Path(approvals),
                    [r.id for r in policy.rules],
                    titles,
                    [r.id for r in policy.rules if r.rule.scope == "team"],
                    {rule: f"{at.where.path}:{at.where.line}" for rule, at in policy.disabled.items()},
                )
                if approvals
                else Approvals()
            )
        except EligibilityError as err:
            _in_places(err, words)  # a roster given as the 村表 is said to be no 村表
            raise
        review = cls(
            policy,
            _as_date(options.election_date) or policy.file.election_date,
            settings,
            granted,
            options.show_pii,
            options.lang,
            options.encoding,
            options.sheet,
            options.explain,
        )
        # How to start the same review in another process (--jobs); a loaded Policy travels as its file.
        review.started = (ruleset, options)
        for option, table in (("--communities", communities), ("--approvals", approvals)):
            if table and str(table) != "-" and Path(table).is_file():
                review.tables_given[Path(table).resolve()] = option
        return review

    def __post_init__(self) -> None:
        policy = self.policy
        # The place columns named as the rule set heads them (a village's 乡镇 and 村), in every message that
        # names a column: a village roster without its 村 was told it lacked a 社区 (helper-121).
        places = policy.file.vocabularies.places
        headed = {"street": places.street, "community": places.community}
        # And so the reports' place columns, by the report's ruleset.places: a village's 乡镇 and 村.
        self._place_headers = PlaceHeaders(street=places.street, community=places.community)
        # And the communities table's notes: a village's run said 社区表 and 街道 for its 村表 and 乡镇. Every
        # message of a file or a row may name them (row-not-a-candidate's 姓名、村和拟任职务), said so.
        self.place_words: dict[str, str | Term] = dict(place_terms(places.street, places.community))
        self.columns: tuple[Column, ...] = tuple(
            replace(column, zh=headed.get(column.name, column.zh)) for column in ROSTER_COLUMNS
        ) + tuple(
            Column(name, spec.zh, tuple(spec.aliases), blank_when_missing=spec.missing == "blank")
            for name, spec in policy.file.fields.items()
        )
        # A column of a field no rule reads (its rule disabled by the rule set built on this one) is known, so
        # said as not read rather than unknown, and its cells are left alone.
        read = policy.fields_read
        self._fields_unread = frozenset(policy.file.fields) - frozenset(read)
        # Columns a roster without them leaves blank on every row (备注, `missing: blank`): their rules run, and
        # find nothing, where a file was said to go without them rule by rule, at each rule's severity.
        self._blank_when_missing = frozenset(
            name for name, spec in policy.file.fields.items() if spec.missing == "blank"
        )
        self.reader = RecordReader(policy.vocabulary, read, self.election_date, self._community_date)
        # The yes/no columns whose blank the rule set reads as an answer (否: the roster contract's reading,
        # `blank: no`), each with the rules that read it: one left blank on every row of a table is said (see
        # _Unanswered). Not a blank read as unknown (`blank: unknown`), which its rules already say they could
        # not decide; nor a date-list or list column (计生违法日期, 亲属), which holds something only for the few
        # it concerns, so blank on every row is how it mostly stands.
        self._blank_answers = {
            name: (spec.blank, tuple(r.id for r in policy.rules if any(name in group for group in r.needs)))
            for name, spec in read.items()
            if spec.type == "bool" and spec.blank in _BLANK_READ_AS
        }
        # How a 政治面貌 is written is said only where a rule reads it (helper-68): the bundled party-full-member does.
        self.reader.political_read = any(
            "political_status" in columns for rule in policy.rules for columns in rule.needs
        )
        # Text read for the words it mentions only: each of its columns is read (备注 and 说明), none said to differ.
        worded = {name for rule in policy.rules for name in rule.hints}
        compared = {name for rule in policy.rules if not rule.hints for group in rule.needs for name in group}
        self.reader.worded = frozenset(worded - compared)
        # Text no bar nor review reads (备注, read by the remark warnings): an Excel error value there leaves only a
        # warning unsaid, and the row is checked on its other columns, where it was invalid (see _error_in_text).
        barring = {
            name
            for rule in policy.rules
            if rule.rule.severity in ("ineligible", "review")
            for group in rule.needs
            for name in group
        }
        self.reader.free_text = frozenset(
            name for name, spec in read.items() if spec.type == "text" and name not in barring
        )
        bodies = policy.file.vocabularies.bodies
        self._community_columns = community_columns(bodies)
        # The quota columns the communities table gives, before any roster adds its own (see _skipped).
        self._settings_columns = frozenset(self.communities.columns)
        self._headed = {column.name: column.zh for column in (*self.columns, *self._community_columns)}
        for column in self._community_columns:
            # A seat column headed as its body is named where the contract's name is not its body's: the 居委会
            # of 居委会核定职数 is no village's (村民委员会核定职数); 社区党组织 is still a 党组织.
            bodies_of = [b.zh for b in bodies.values() if b.quota_column == column.name]
            named = f"{bodies_of[0]}核定职数" if len(bodies_of) == 1 else ""
            own = column.zh.removesuffix("核定职数")
            if named in column.aliases and own not in bodies_of[0]:
                self._headed[column.name] = named
        self._role_label = {
            rid: role.zh if self.lang == "zh" else role.en
            for rid, role in policy.file.vocabularies.roles.items()
        }
        self._body_label = {bid: body.zh if self.lang == "zh" else body.en for bid, body in bodies.items()}
        self._level_label = {
            level.id: level.zh if self.lang == "zh" else level.en
            for level in policy.file.vocabularies.education
        }
        self._level_ids = [level.id for level in policy.file.vocabularies.education]
        # A clean result's education, by the rank its cell names (see _clean_json).
        self._json_education: dict[int | None, bytes] = {
            rank: b',"education":'
            + to_json(None if rank is None else self._level_label[level])
            + b',"education_id":'
            + to_json(None if rank is None else level)
            for rank, level in [(None, ""), *enumerate(self._level_ids)]
        }

    def run(
        self,
        paths: Iterable[Path | str] | Path | str,
        on_candidate: Callable[[CandidateResult], None],
        progress: Callable[[int], None] | None = None,
        *,
        jobs: int = 1,
        on_team: Callable[[TeamResult], None] | None = None,
        on_serialised: Callable[[Serialised], None] | None = None,
        on_team_serialised: Callable[[Serialised], None] | None = None,
    ) -> Report:
        """Check every roster, handing each candidate's result to `on_candidate` as soon as it is known and
        keeping none: the Report returned has no candidates, but its summary counts them all. Teams likewise
        go to `on_team` when it is given. Memory stays bounded by the teams' small state.

        With `jobs` > 1, rows are checked in that many worker processes; duplicates and teams are still judged
        here, in row order, so the report is the same as with one process. A row a worker wrote as JSON goes to
        `on_serialised` when it is given, so a JSON writer need not read it back. Then the workers judge the
        teams, and a team they wrote as JSON goes to `on_team_serialised` likewise. Workers are spawned, so a
        script that asks for them must start under `if __name__ == "__main__":`, as multiprocessing requires."""
        if type(jobs) is not int or jobs < 1:
            # The command line's own check (--jobs is at least 1), for a library caller: 0 or "2" is no count.
            raise OptionError("option-jobs", value=jobs)
        tally = dict.fromkeys(("eligible", "review", "ineligible", "invalid"), 0)
        count = to_verify = warned = barred = 0
        if isinstance(paths, str | Path):
            paths = [paths]  # one path given on its own, not a string to iterate character by character
        # Found first: a file that is not there is said before any worker is started for it (a second's start,
        # and their semaphores left to the resource tracker to clean up, now and then with a warning).
        try:
            sources = expand(paths)
        except EligibilityError as err:
            self.in_places(err)
            raise
        workers = None
        if jobs > 1 and self.started is not None and not _in_a_pool_worker():
            from eligibility.workers import Workers  # processes only when asked for

            workers = Workers(self, jobs)
        self._as_json = on_serialised is not None
        try:
            results = self.candidates(sources, workers)
            for count, candidate in enumerate(results, start=1):
                tally[candidate.status] += 1
                marked = candidate.marks if isinstance(candidate, Serialised) else marks(candidate.findings)
                if marked:
                    to_verify += marked & TO_VERIFY and candidate.status == "review"
                    warned += marked & WARNED
                    barred += bool(marked & BARRED) and candidate.status == "invalid"
                if not isinstance(candidate, Serialised):
                    on_candidate(candidate)
                elif on_serialised is not None:
                    on_serialised(candidate)
                else:
                    on_candidate(CandidateResult.model_validate_json(candidate.json))
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(count)
            if progress is not None and (count % PROGRESS_EVERY or not count):
                progress(count)  # the last count, unless it was just said (a multiple of PROGRESS_EVERY)
            teams: list[TeamResult] = []
            by_worst: dict[Severity, int] = {}
            for team in self.each_team(workers):
                worst = team.worst if isinstance(team, Serialised) else worst_open(team.findings)
                if worst < NOTHING_OPEN:
                    level = SEVERITY_ORDER[worst]
                    by_worst[level] = by_worst.get(level, 0) + 1
                if not isinstance(team, Serialised):
                    (on_team or teams.append)(team)
                elif on_team_serialised is not None:
                    on_team_serialised(team)
                else:
                    (on_team or teams.append)(TeamResult.model_validate_json(team.json))
        except BaseException as err:
            if isinstance(err, EligibilityError):
                self.in_places(err)  # a file that is a 村表, not a roster, said so
            if workers is not None:
                # Stopped on an error, Ctrl-C or SIGTERM: their work is not wanted.
                workers.close(at_once=True)
                workers = None
            raise
        finally:
            self._as_json = False
            if workers is not None:
                workers.close()
        return self.report(
            [],
            teams,
            Summary(
                candidates=count,
                **tally,
                to_verify=to_verify,
                warnings=warned,
                invalid_ineligible=barred,
                teams_by_worst={level: by_worst[level] for level in SEVERITY_ORDER if level in by_worst},
            ),
        )

    # ---- candidates ----

    def open_roster(self, source: Input) -> list[Table]:
        """The tables of a roster as this review reads them: its encoding and sheet, and the community or the
        street (by the rule set's street words) a file or sheet with no such column is named for."""
        return open_tables(
            source,
            self.columns,
            encoding=self.encoding,
            sheet=self.sheet,
            roster=True,
            streets=self.policy.vocabulary.streets,
        )

    def candidates(
        self, sources: list[Input], workers: Workers | None = None
    ) -> Iterator[CandidateResult | Serialised]:
        """Every data row of every input's files and sheets, in input order, each with its verdict."""
        set_aside: Input | None = None  # the first communities or approvals table met in a folder
        given: dict[Path, str] = {}  # each file read, as first named: a folder and a file in it name it twice
        copies = _Copies(sources)
        plan = [(source, self._not_opened(source, given) or copies.of(source)) for source in sources]
        files = None
        if workers is not None:
            # Several rosters (a province's folder of street workbooks): each goes whole to a worker, read and
            # checked ahead of its turn here; shared out by batches, each small file was read by every worker
            # and checked by one, while the rest waited, slower than one process.
            opened = [source for source, aside in plan if aside is None]
            if len(opened) > 1:
                files = workers.files(opened)
        for source, aside in plan:
            if aside is not None:
                self._set_aside(source, aside)
                continue
            try:
                # A worker's tables, their rows checked there; else opened here.
                tables = files.opened(source) if files is not None else None
                by_worker = tables is not None
                if tables is None:
                    tables = self.open_roster(source)
            except RosterError as err:
                note = self._settings_table(source) if err.key == "column-missing" else None
                resolved = source.path.resolve() if source.path is not None else None
                given_as = self.tables_given.get(resolved) if resolved is not None else None
                if note is None and (note := _a_note(source, err)) is not None:
                    # A note saved as text (说明.txt), named or handed over by a pre-commit hook: noted, not failed.
                    self._set_aside(source, note)
                    continue
                if note is not None and given_as is not None:
                    # A workbook of the table alone, given with its option and among the rosters too.
                    self._set_aside(source, Note("file-given-as-table", "info", (("option", given_as),)))
                    continue
                if not source.from_folder and len(sources) > 1 and err.key in _NOBODY_IN_IT:
                    # A blank roster (the template kept beside the filled ones) among several named, as by
                    # check *.xlsx: a warning, as in a folder; it stopped every other roster's check (helper-89).
                    self._set_aside(source, _unread(source, err, self.lang, self.place_words))
                    continue
                if not source.from_folder:
                    # A file named on its own is the one the officer meant: said, and the run stops; a settings
                    # table (check *.csv beside communities.csv) as what it is, not as a roster lacking 姓名.
                    if note is not None:
                        kind = note.key.removeprefix("file-skipped-")
                        raise RosterError(f"file-is-{kind}", Location(source.shown)) from err
                    raise
                if note is not None:
                    set_aside = set_aside or source
                else:
                    # One file of a folder that is no roster, or cannot be read, does not stop the others:
                    # said as that file's finding, which fails the run as an invalid row would.
                    note = (
                        _rule_file(source)
                        or _report_file(source)
                        or _unread(source, err, self.lang, self.place_words)
                    )
                self._set_aside(source, note)
                continue
            reported = False
            for table in tables:
                if is_report(table):
                    # An earlier run's report saved among the rosters: its 姓名 and 社区 columns would make
                    # every line of it a candidate, and every finding in it a row with a problem. Said once of
                    # the file, not of each of its sheets (候选人, 审查意见) (helper-60). Where it is all there was
                    # to check (a roster overwritten by a run's --output), the run stops below rather than pass
                    # with nobody checked (helper-70); beside rosters (check *.csv) it is set aside (helper-71).
                    if not reported:
                        self._set_aside(source, Note("file-skipped-report", "info"))
                    reported = True
                    continue
                if source.path is not None and without_extension(source.path):
                    # Read for what it holds (see kind_without_extension): said, so that it is renamed.
                    table.notes.append(Note("file-no-extension", "info", (("format", source.format),)))
                yield from self._table(table, workers, source, by_worker=by_worker)
        unread = {"file-unread", "sheet-roster-not-read"}
        if (
            set_aside is not None
            and all(i.rows == 0 for i in self.inputs)
            and not any(f.rule in unread for i in self.inputs for f in i.findings)
        ):
            # Only communities or approvals tables: nobody was checked, and a run that passed would say so. (A
            # roster among them that could not be read is said as its own finding, which fails the run.)
            raise RosterError("folder-only-settings", Location(set_aside.shown))
        if all(i.rows == 0 for i in self.inputs) and not any(
            f.severity == "invalid" for i in self.inputs for f in i.findings
        ):
            report = next(
                (i for i in self.inputs if any(f.rule == "file-skipped-report" for f in i.findings)), None
            )
            if report is not None and not all(source.from_folder for source in sources):
                # Only a report this tool wrote, named as the roster: nobody was checked, which is no pass.
                raise RosterError("file-is-report", Location(report.path))
        if (
            sources
            and all(source.from_folder for source in sources)
            and all(i.rows == 0 for i in self.inputs)
            and not any(f.severity == "invalid" for i in self.inputs for f in i.findings)
        ):
            # A folder of notes alone (说明.txt, a letter, a scan): nobody was checked, which is not a pass.
            folder = sources[0].path.parent if sources[0].path is not None else Path(sources[0].shown)
            raise RosterError("folder-nobody-checked", Location(display_path(folder)))
        # A settings table's own findings, where no roster was read to say them beside (a folder of files none
        # of which could be read): they were lost (helper-84). Not before the run is stopped above: nobody was
        # checked, and that is said alone.
        self.inputs += self._settings_inputs()

    def _not_opened(self, source: Input, given: dict[Path, str]) -> Note | None:
        """Why a file is not read as a roster, said before it is opened (named twice, given as a settings
        table, a kind the tool does not read), or None for a file to read; `given` notes the files to read."""
        resolved = source.path.resolve() if source.path is not None else None
        if resolved is not None:
            if resolved in given:
                return Note("file-given-twice", "info", (("first", given[resolved]),))
            if resolved in self.tables_given and source.format != "xlsx":
                # (A workbook may hold the roster too, one sheet each: its sheets are told apart as read.)
                return Note("file-given-as-table", "info", (("option", self.tables_given[resolved]),))
            given[resolved] = source.shown
        if source.format in NOTED:
            return Note("file-skipped-type", "info", (("type", f".{source.format}"),))
        if source.format == UNKNOWN and source.path is not None:
            # 名册 with no extension, 名册.csv.bak: maybe a roster, never opened as one (a .dat may be anything).
            return Note(
                "file-skipped-unknown-type",
                "info",
                (("type", source.path.suffix.lower()),),
                reason=unknown_type(source.path),
            )
        if source.format == FOLDER and source.path is not None:
            return _unread(source, unreadable_folder(source.path), self.lang, self.place_words)
        if source.format in UNREAD and source.path is not None:
            # A workbook or document of a folder the tool does not read: its candidates go unchecked. A
            # document without a roster's table (the letter sent with the rosters) is only noted.
            if source.format in ("doc", "docx", "wps") and not document_holds_roster(
                source.path, source.format
            ):
                return Note("file-skipped-document", "info")
            return _unread(source, unreadable(source.path, source.format), self.lang, self.place_words)
        return None

    def _set_aside(self, source: Input, note: Note, sheet: str | None = None) -> None:
        """A file (or sheet) not read as a roster, and why, as an input of the report with no rows."""
        finding = self._note_finding(note)
        table = dict(note.params)["option"].removeprefix("--") if note.key == "file-given-as-table" else None
        # The table met among the rosters, given with its option too: where it has findings of its own, it is
        # that one input, listed once, this note first (helper-84 had it listed twice; see _settings_inputs).
        own = next((i for i in self.inputs if table and i.table == table and i.sheet is None), None)
        if own is not None:
            own.findings.insert(0, finding)
            return
        aside = InputFile(
            path=self._place(source.shown),
            sheet=self._place(sheet),
            format=source.format,
            rows=0,
            findings=[finding],
        )
        if table is not None:
            self._given_aside[table] = aside
        self.inputs.append(aside)

    def tables(self, tables: Iterable[Table]) -> Iterator[CandidateResult]:
        """Every row of tables already opened (or built in memory, as rule-file test cases are)."""
        for table in tables:
            for result in self._table(table):
                assert isinstance(result, CandidateResult)  # only workers hand back serialised rows
                yield result

    def _table(
        self,
        table: Table,
        workers: Workers | None = None,
        source: Input | None = None,
        by_worker: bool = False,
    ) -> Iterator[CandidateResult | Serialised]:
        self.add_table_communities(table)
        if self._fields_unread:
            header = table.header
            table.notes.extend(
                Note("column-not-read", "warning", (("header", header.headers[name]),))
                for name in header.index
                if name in self._fields_unread
            )
        unchecked = len(self.not_checked)
        skipped = self._skipped(table)
        if "street" in table.columns:
            self._street_columned.add(_where(table.path, table.sheet))
        rows = 0
        unanswered = _Unanswered(table, self._blank_answers)
        blank = unanswered.pending  # emptied as each column is answered: then a row costs one test of it
        # The rows that read as no candidate's and are none: a table's title or footer, a total (see _among).
        asides: list[tuple[DataProblem, RawRecord, int | None]] = []
        items: Iterable[Any] = table.rows
        check: Callable[[Any, Table, frozenset[str]], CandidateResult | Serialised] = self._checked
        if not by_worker and workers is not None and source is not None:
            items, by_worker = workers.check(source, table, skipped, self._where_read.get(skipped)), True
        if by_worker:
            check = self._from_worker  # its rows checked by a worker: the whole file, or a batch of it each
        broken: list[RosterError] = []
        if source is not None and source.from_folder:
            # A folder's file that breaks midway is said, not the run's end.
            items = _until_broken(items, broken)
        for item in _among(items, asides, by_worker):
            if blank:
                unanswered.see(
                    item[2] if by_worker else item
                )  # a worker's row: (result, ID number, row, team)
            rows += 1
            yield check(item, table, skipped)
        footers = [self._footer_finding(*aside) for aside in asides]
        if broken:
            # One file of a province's folder that breaks midway (a cell past the csv reader's limit) stopped
            # every other file's check (helper-56): said of it, as a file that cannot be read at all is.
            err = broken[0]
            line = str(err.location.line) if err.location and err.location.line else "?"
            reason = say(err.key, self.lang, **err.params)
            table.notes.append(
                Note(
                    "file-broken-midway", "invalid", (("line", line), ("reason", reason), ("rows", str(rows)))
                )
            )
        footers.sort(key=lambda finding: int(finding.evidence["line"]))
        if not rows:
            del self.not_checked[unchecked:]  # no one to check: no rule left undecided for want of a column
        if footers and not rows:
            # Only a footer under the header: a blank template, sent as it was handed out. Named on its own it
            # fails the run, as the footer's row did when it was taken for a candidate; in a folder, it is one
            # more file with no candidates (see _unread).
            only = Note("file-only-footer", "invalid")
            if source is not None and source.from_folder:
                only = Note("file-no-candidates", "warning", (("reason", say(only.key, self.lang)),))
            footers.insert(0, self._note_finding(only))
        if table.street_note is not None:
            at = table.notes.index(table.street_note)
            if not table.street_filled:
                # Every row wrote its own street: the name gave none, and is not said to have.
                del table.notes[at]
            elif table.format in ROWED:
                # Which rows took it, as community-filled-down names them: "these rows" pointed nowhere.
                note, filled = table.street_note, table.street_filled
                lines = (*_lines_said("lines", filled), *_lines_said("line", filled[:1]))
                table.notes[at] = replace(note, params=(*note.params, *lines), message=f"{note.message}-rows")
        where = _where(table.path, table.sheet)
        read = InputFile(
            path=self._place(table.path),
            sheet=self._place(table.sheet),
            format=table.format,
            encoding=table.encoding,
            header_line=table.header_line,
            rows=rows,
            findings=[
                self._note_finding(n)
                for n in [
                    *(n for n in table.notes if n.key not in _OF_A_SHEET),
                    *unanswered.notes(rows, skipped),
                    *self._effect_notes(where),
                    *self._notes_by_path.pop(where, []),
                    *self._filled_notes(where),
                    *self._zeros_notes(where, table),
                    *self._posts_notes(where, rows),
                ]
            ]
            + footers,
        )
        self.inputs += self._settings_inputs()
        self.inputs.append(read)
        self._input_at.setdefault(where, read)
        # A sheet not read is an input of its own, named by its sheet: filed under the sheet that was read, a
        # report's sheet column (csv, xlsx) pointed at the wrong one.
        for note in table.notes:
            if note.key in _OF_A_SHEET:
                sheet = dict(note.params)["sheet"]
                finding = self._note_finding(note)
                self.inputs.append(
                    InputFile(
                        path=self._place(table.path),
                        sheet=self._place(sheet),
                        format=table.format,
                        rows=0,
                        findings=[finding],
                    )
                )

    def _checked(self, raw: RawRecord, table: Table, skipped: frozenset[str]) -> CandidateResult | Serialised:
        """One row read and checked here (with --jobs, _from_worker takes it back from a worker)."""
        person = self.reader.candidate(raw, table)
        if person.problems and any(p.rule == "role-unknown" for p in person.problems):
            self._posts_seen(table, lambda: (p.value for p in person.problems if p.rule == "role-unknown"))
        if not self._team_day(person, table):
            self._filled_day(person, table)
        key = self._check_duplicate(person, table, raw.cells.get("id_number"))
        if self._as_json:
            result: CandidateResult | Serialised = self.serialised(person, skipped, table)
        else:
            result = self.evaluate(person, skipped, table)
        self._join_team(person, key, is_barred(result))
        return result

    def _footer_finding(self, aside: DataProblem, raw: RawRecord, header_line: int | None = None) -> Finding:
        """A footer or a total under the table, or a row above the header written again (`header_line`), said on
        the file with its line, cell and text, masked as on a row."""
        shown = self._problem_finding(aside).evidence
        line = raw.source.line if raw.source.line is not None else raw.source.row
        params: tuple[tuple[str, str], ...] = (
            ("line", str(line)),
            ("text", shown["value"]),
            ("cell", shown.get("cell") or ""),
        )
        source = raw.source
        if source.excel_row is not None:  # named by the row Excel shows, as its cell is (see _note_finding)
            params += (("excel_row", str(source.excel_row)),)
        if header_line is not None:
            params += (("header_line", str(header_line)),)
            if source.excel_row is not None:  # the header's row in Excel too: the lines below this row's last
                params += (("excel_header_row", str(source.excel_row + header_line - (source.end or line))),)
            return self._note_finding(Note("row-table-title", "info", params))
        return self._note_finding(Note("row-footer", "info", params))

    def _in_effect(self, day: dt.date) -> bool:
        effective = self.policy.file.effective
        return (effective.from_ is None or effective.from_ <= day) and (
            effective.to is None or day <= effective.to
        )

    def _settings_inputs(self) -> list[InputFile]:
        """The communities and approvals tables' own findings (a row not read, a column unknown), each table (each
        sheet of a workbook) an input of its own, said once, beside the first roster read. Filed under that
        roster, approvals.csv's line 3 was annotated in CI at the roster's line 3."""
        if self._settings_said:
            return []
        self._settings_said = True
        made = []
        tables: tuple[tuple[Literal["communities", "approvals"], Communities | Approvals], ...] = (
            ("communities", self.communities),
            ("approvals", self.approvals),
        )
        for kind, table in tables:
            base = table.from_file or ""
            # A sheet not read has no header line; its format is its workbook's.
            workbook = next(iter(table.read_as.values()), ("", None, None))[0]
            by_sheet: dict[str | None, list[Note]] = {}
            for note in table.notes:
                shown = dict(note.params).get("file", base)
                sheet = shown[len(base) + 1 :] if shown.startswith(f"{base}#") else None
                by_sheet.setdefault(sheet, []).append(note)
            for sheet, notes in by_sheet.items():
                read_as, header_line, encoding = table.read_as.get(sheet) or (workbook, None, None)
                findings = [self._note_finding(n) for n in notes]
                if sheet is None and (aside := self._given_aside.pop(kind, None)) is not None:
                    # Set aside among the rosters already (see _set_aside): that note joins these, listed once.
                    self.inputs.remove(aside)
                    findings[:0] = aside.findings
                made.append(
                    InputFile(
                        path=self._place(base),
                        sheet=self._place(sheet),
                        format=read_as,
                        encoding=encoding,
                        header_line=header_line,
                        rows=0,
                        findings=findings,
                        table=kind,
                    )
                )
        return made

    def _settings_elsewhere(self, street: str, community: str, path: str) -> None:
        """A community the communities file names only under another street (东街道 against 东街道办事处, or two
        streets each with a 青松社区 and a roster that names neither): said on the roster, as its election day
        and seats were not used, where a district's file naming communities with no candidates says nothing.
        One the file names nowhere (柳岸社区 against its 柳岸社区居委会) is said too, with the closest name."""
        if self.communities.from_file is not None and (
            unread := self.communities.unread_rows(street, community)
        ):
            # Its row is there, but could not be read: said so, and not as a name the file lacks or writes
            # under another street, which it does not (helper-84).
            where, line = unread[0]
            params = (
                ("community", " ".join(filter(None, (street, community)))),
                ("file", where),
                ("settings_line", str(line or "?")),
            )
            self._notes_by_path.setdefault(path, []).append(
                Note("community-settings-unread", "warning", params)
            )
            return
        named = self.communities.named(community)
        if not named and self.communities.from_file is not None:
            params = (
                ("community", " ".join(filter(None, (street, community)))),
                ("file", self.communities.from_file),
                ("suggestion", self.communities.closest(community)),
            )
            self._notes_by_path.setdefault(path, []).append(
                Note("community-not-in-settings", "warning", params)
            )
        own = self.policy.vocabulary.streets.own
        for settings in named:
            where = " ".join(filter(None, (settings.street, settings.community)))
            params = (
                ("community", " ".join(filter(None, (street, community)))),
                ("settings", where),
                ("settings_line", str(settings.line or "?")),  # the table's line, not the roster's
            )
            # Asked whether the street is written another way only where the two may be one street (one own
            # name: 东湖街道 and 东湖镇, as _same_street and community-written-apart judge): 青山镇 and 绿水镇
            # each with a 白水村 are two villages, and asking a township officer to respell his own misled him.
            apart = bool(street and settings.street) and own(street) != own(settings.street)
            said = "community-settings-other-street" if apart else ""
            self._notes_by_path.setdefault(path, []).append(
                Note("community-settings-elsewhere", "warning", params, message=said)
            )

    def _settings_spelled(self, street: str, community: str, settings: Community, path: str) -> None:
        """A community the communities file names under another way of writing its street (东湖街道 against the
        roster's 东湖街道党工委): its day and seats are used, and the roster told the two are taken as one street,
        where they were said unused (community-settings-elsewhere)."""
        params = (
            ("community", " ".join((street, community))),
            ("settings", " ".join(filter(None, (settings.street, settings.community)))),
            ("settings_line", str(settings.line or "?")),  # the table's line, not the roster's
        )
        self._notes_by_path.setdefault(path, []).append(Note("community-settings-street", "warning", params))

    def _effect_notes(self, path: str) -> list[Note]:
        """A roster voting on a day the rule set does not apply to: said on its input, as a rule set for another
        round of elections (a province's 2021 rules for a 2024 roster) would judge it by the wrong thresholds."""
        days = self._days_out_of_effect.get(path)
        if not days:
            return []
        effective = self.policy.file.effective
        params = (
            ("days", "、".join(sorted(d.isoformat() for d in days))),
            ("ruleset", self.policy.name),
            ("start", effective.from_.isoformat() if effective.from_ else "…"),
            ("end", effective.to.isoformat() if effective.to else "…"),
        )
        # After its dates: a round that voted late as much as another round's roster (helper-77: 确保在9底前完成,
        # a community voting on 10-08 was told only to check its rule set).
        late = effective.to is not None and min(days) > effective.to
        return [
            Note(
                "ruleset-not-in-effect",
                "review",
                params,
                message="ruleset-not-in-effect-late" if late else "",
            )
        ]

    def _from_worker(
        self, row: Checked, table: Table, skipped: frozenset[str]
    ) -> CandidateResult | Serialised:
        """A row a worker checked, judged here for duplicates and joined to its team, in row order. The common
        row is passed on as the worker wrote it; a row the worker could not judge alone is read again here."""
        serialised, packed, raw, (street, community, election_date, day, member, stated) = row
        result: CandidateResult | Serialised = serialised
        zeros = isinstance(packed, int) and packed % _ENDS_IN_ZEROS == 0
        if packed is None and serialised.status == "invalid" and b'"id-number-excel"' in serialised.json:
            self._excel_seen(_source_of(raw, table))
        if serialised.status == "invalid" and b'"role-unknown"' in serialised.json:
            # Its JSON read back only for the first few such rows of the file, for their posts (see _posts_seen).
            self._posts_seen(table, lambda: _posts_unknown_in(serialised.json))
        first = self._register(packed, _source_of(raw, table)) if isinstance(packed, int) else None
        if first is None and not zeros and not isinstance(packed, str) and community:
            where = _where(table.path, table.sheet)
            team = self._team_of(street, community, election_date, where, stated)
            self._above = (where, team, raw) if team is not None else None
            if team is None:
                return result
            if team.election_date == day and team.roll.find(member) is None:
                team.roll.append(member.share(self._shared))
                team.day_stated = team.day_stated or stated
                if team.spellings is not None or street != team.street:
                    source = _source_of(raw, table)
                    self._spelled(team, street, where, source.line or source.row)
                return result
        # Rare: a repeated ID number, one the register cannot hold, one ending in 000, a team voting on another
        # day, the same person on another row of the team (a wrong ID number escapes the register but not the
        # team), or a row with its community blank (see _join_team).
        from eligibility.workers import expand_row

        record = expand_row(raw, table)
        person = self.reader.candidate(record, table)
        moved = self._team_day(person, table) or self._filled_day(person, table)
        if zeros and isinstance(packed, int):
            zeros = self._zeros_seen(packed, person, record.cells.get("id_number"))
        if first is not None:
            packed = self._add_duplicate(person, table, first, zeros) or packed
        if first is not None or moved:
            result = self.evaluate(person, skipped, table)
        self._join_team(person, packed, is_barred(result))
        return result

    def _settings_table(self, source: Input) -> Note | None:
        """A communities or approvals table met in a folder of rosters is set aside with a note, not an error."""
        for kind, columns in (("communities", self._community_columns), ("approvals", APPROVAL_COLUMNS)):
            try:
                tables = open_tables(source, columns, encoding=self.encoding)
            except RosterError:
                continue
            if kind == "communities" and any(self._holds_people(table.header) for table in tables):
                # A roster short of a column (拟任岗位 for 拟任职务, 名字 for 姓名) has a 社区 column too: taken
                # for a communities table, its candidates went unchecked and the run passed.
                continue
            return Note(f"file-skipped-{kind}", "info")
        return None

    def _holds_people(self, header: HeaderMap) -> bool:
        """Whether a table has a column only a roster has (姓名, 身份证号, 拟任职务, 文化程度, 两违 …), or one
        headed with a word for a person or a post though in no way the tool knows (候选人, 职务, 拟任岗位)."""
        theirs = {"street", "community", "election_date"}
        if any(_A_PERSONS_HEADER.search(str(text)) for text in header.unknown):
            # 序号,候选人,社区,职务,选举日期: refused as a communities table, and in a folder passed over as one,
            # its candidates unchecked and the run passed (helper-53).
            return True
        return any(name not in theirs for name in map_headers(list(header.unknown), self.columns).index)

    def _team_day(self, person: Candidate, table: Table) -> bool:
        """A row of a community whose team, started by an earlier row, votes on another day is judged on the
        team's day: a row that leaves the day blank takes it, and one that states another is named
        (election-date-not-team), as two days for one community cannot both be right. Whether it moved."""
        if not person.community:
            return False
        team = self._last_team
        if team is None or team.community != person.community or team.street != person.street:
            key = self.communities.key(person.street, person.community)
            team = (
                self._teams.get(key)
                or self._same_community(person.street, person.community)
                or self._same_street(person.street, person.community, key)
            )
            if team is None:
                return False
            self._last_team = team
        if team.election_date == person.election_date:
            team.day_stated = team.day_stated or person.date_stated
            return False
        if person.date_stated:
            stated = table.header.headers.get("election_date", "election_date")
            # Earlier rows that left the day blank were judged on the run's day: said so, not that they chose it.
            earlier = "stated" if team.day_stated else "blank"
            person.problems.append(
                DataProblem(
                    "election-date-not-team",
                    stated,
                    person.election_date.isoformat(),
                    params=(("other", team.election_date.isoformat()), ("earlier", earlier)),
                    cell=table.cell("election_date", person.source),
                    of="election_date",
                )
            )
        person.election_date = team.election_date
        return True

    def _check_duplicate(self, person: Candidate, table: Table, written: object = None) -> int | str | None:
        """The same ID number on a later row of the run is a data error naming the first row it was on.
        Returns the ID number packed (see Member), the one object the run keeps of it. A number ending in 000
        as `written`, and one Excel damaged, are noted for their file (see _zeros_notes)."""
        packed = self.packed_id(person)
        if isinstance(packed, int):
            zeros = packed % _ENDS_IN_ZEROS == 0 and self._zeros_seen(packed, person, written)
            if (first := self._register(packed, person.source)) is not None:
                return self._add_duplicate(person, table, first, zeros) or packed
        elif packed is None and person.problems and any(p.rule == "id-number-excel" for p in person.problems):
            self._excel_seen(person.source)
        return packed

    def _zeros_seen(self, packed: int, person: Candidate, written: object) -> bool:
        """Whether a valid number ending in 000 was written with 18 digits, where Excel leaves its zeros: then
        noted for its file, and its first row's name for the run."""
        if not zeros_of_excel(written):
            return False  # a legacy 15-digit number, whole in a number cell
        self._excel_seen(person.source, damaged=False)
        self._zeros_named.setdefault(packed, person.name)
        return True

    def _excel_seen(self, source: RowSource, damaged: bool = True) -> None:
        """A row whose ID number Excel damaged (id-number-excel), or one ending in 000 that it may have, noted
        for its file (see _zeros_notes)."""
        line = source.line or source.row
        self._excel_zeros.setdefault(_where(source.path, source.sheet), ([], []))[damaged].append(
            (line, source.excel_row or line)
        )

    def _zeros_notes(self, where: str, table: Table) -> list[Note]:
        """Numbers ending in 000 whose check character fits, in a column where Excel damaged others: most likely
        damaged too, said of the file once it is read (rows are judged as they come, and the damage may be
        below). A warning: a real number ends so too (sequence x00, check 0: 1 in 1,100), and in a file with
        no other damage one is no more than that, said of no one."""
        zeros, damaged = self._excel_zeros.pop(where, ([], []))
        if not zeros or not damaged:
            return []
        column = table.header.headers.get("id_number", "id_number")
        params = (("column", column), *_lines_said("lines", zeros), *_lines_said("damaged", damaged))
        return [Note("id-number-excel-likely", "warning", (*params, ("line", str(zeros[0][0]))))]

    def _posts_seen(self, table: Table, posts: Callable[[], Iterable[str]]) -> None:
        """A row of the file that holds a post the rule set does not know, counted; its posts kept while the file
        has given fewer than a few (see _posts_notes)."""
        count, seen = self._posts_unknown.setdefault(_where(table.path, table.sheet), ([0], {}))
        count[0] += 1
        if len(seen) < _POSTS_SAMPLED:
            seen.update(dict.fromkeys(posts()))

    def _posts_notes(self, where: str, rows: int) -> list[Note]:
        """A file whose rows mostly hold posts the rule set does not know but another bundled rule set does
        (村党组织书记, 村委会主任 checked by the community rules): each row is invalid for its posts, with nothing
        to say which rule set it was written for. Said once, on the file, asked once a file of a few posts."""
        count, posts = self._posts_unknown.pop(where, ([0], {}))
        if count[0] * 2 <= rows:
            return []  # a post misspelt here and there: each row's role-unknown says it
        for name in bundled_names():
            if name == self.policy.name:
                continue
            other = self._bundled.get(name) or self._bundled.setdefault(name, load_ruleset(name))
            known = [
                post for post in posts if isinstance(found := other.vocabulary.roles(post), tuple) and found
            ]
            if len(known) * 2 > len(posts):
                said = (("count", str(count[0])), ("rows", str(rows)), ("posts", "、".join(known[:3])))
                return [
                    Note(
                        "roles-of-other-ruleset",
                        "warning",
                        (*said, ("ruleset", self.policy.name), ("other", name)),
                    )
                ]
        return []

    @staticmethod
    def packed_id(person: Candidate) -> int | str | None:
        """The ID number the duplicate check goes by: none when the number is missing or itself wrong. An
        area code not in GB/T 2260 is only a warning (the code list lags behind new districts): the number is
        read, and a person on two rows under it was let through as two people (helper-69)."""
        number = person.id_number
        if not number or any(
            p.rule.startswith("id-number-") and p.severity == "invalid" for p in person.problems
        ):
            return None
        return pack_id(number)

    def _register(self, packed: int, source: RowSource) -> int | None:
        """Where this ID number was first seen, or None, now noted, if it is new. The place is packed in one
        word: the file (and sheet), then its data row, with a bit to say whether it has a line (the number the
        table and the officer's editor show), found again by how far the lines run ahead of the rows."""
        where = (source.path, source.sheet)
        if not self._paths or self._paths[-1] != where:
            self._paths.append(where)
            self._rows_behind.append([])
        if not source.line:
            return self._first_row.first(packed, (len(self._paths) - 1) << 33 | source.row << 1)
        _note_behind(self._rows_behind[-1], source.row, source.line - source.row)
        if source.excel_row is not None:
            # Below a record over several lines: how far Excel's rows have fallen behind the lines.
            offsets = self._row_offsets.setdefault(len(self._paths) - 1, [])
            _note_behind(offsets, source.row, source.line - source.excel_row)
        return self._first_row.first(packed, (len(self._paths) - 1) << 33 | source.row << 1 | 1)

    def _excel_row(self, file: int, row: int, line: int) -> int | None:
        """The row Excel shows a file's record on, by its data row, where it is not the record's line; else
        None."""
        behind = _behind(self._row_offsets.get(file), row)
        return line - behind if behind else None

    def _add_duplicate(self, person: Candidate, table: Table, first: int, zeros: bool = False) -> str | None:
        """The duplicate-person finding of a row whose ID number an earlier row holds; where that is most likely
        two people's numbers Excel cut to one (…000 under another name), who this one is in their team: a member
        apart, not the first row's person given this row's posts, the team short of one (helper-110)."""
        (path, sheet), place = self._paths[first >> 33], first & 0x1FFFFFFFF
        row = place >> 1
        line = row + _behind(self._rows_behind[first >> 33], row) if place & 1 else None
        shown = self._excel_row(first >> 33, row, line) if line else None
        # Under another name, a number ending in 000 is more likely two people's Excel cut to one than one
        # person on two rows (a real number ends so in 1 of 1,100; one of Excel's fits its check in 1 of 11).
        packed = pack_id(person.id_number) if zeros else None
        named = self._zeros_named.get(packed) if isinstance(packed, int) else None
        damage = (("damage", "zeros"),) if named and person.name and named != person.name else ()
        person.problems.append(
            DataProblem(
                "duplicate-person",
                table.header.headers.get("id_number", "id_number"),
                person.id_number or "",
                # Where the first row is, as a candidate's source says it (file, sheet, data row), so a script
                # finds it: its line for an editor, and where it differs (below a cell with a line break), the
                # row Excel shows it on, as the cell this row names is (helper-103).
                params=(
                    ("other_path", path),
                    *((("other_sheet", sheet),) if sheet else ()),
                    ("other_row", str(row)),
                    *((("other_line", str(line)),) if line else ()),
                    *((("other_excel_row", str(shown)),) if shown else ()),
                    *damage,
                ),
                cell=table.cell("id_number", person.source),
            )
        )
        return _number_and_name(person) if damage else None

    def evaluate(
        self, person: Candidate, skipped: frozenset[str] = frozenset(), table: Table | None = None
    ) -> CandidateResult:
        """All candidate rules on one person, approvals applied; with the `table` read, each finding names its
        cell."""
        findings, passed, unchecked = self._judged(person, skipped, table)
        return self._result(person, findings, passed, unchecked)

    def serialised(
        self, person: Candidate, skipped: frozenset[str] = frozenset(), table: Table | None = None
    ) -> Serialised:
        """The same as evaluate, as the JSON a report writes. Most people have no finding: their JSON is put
        together from parts already written (see _clean_json), without a model made and serialised."""
        findings, passed, unchecked = self._judged(person, skipped, table)
        if not findings and not unchecked and not self.explain:
            return Serialised(self._clean_json(person), "eligible", NOTHING_OPEN)
        result = self._result(person, findings, passed, unchecked)
        return Serialised(
            json_bytes(result), result.status, worst_open(result.findings), marks(result.findings)
        )

    def _judged(
        self, person: Candidate, skipped: frozenset[str], table: Table | None = None
    ) -> tuple[list[Finding], list[str], list[str]]:
        """A person's findings (their data's, then the rules'); with --explain, the rules they passed; and the
        rules that bar or ask approval that a column missing from their file left undecided for them."""
        findings = [self._problem_finding(problem) for problem in person.problems] if person.problems else []
        if findings and any(finding.rule == "row-not-a-candidate" for finding in findings):
            # A footer or a note, no candidate: what it is said once, with no column blank nor rule undecided.
            return [f for f in findings if f.rule == "row-not-a-candidate"], [], []
        passed: list[str] = []
        unchecked: list[str] = []
        explain = self.explain
        approved = self.approvals.has_person(person.id_number)
        if (
            skipped
            and (where_read := self._where_read.get(skipped)) is not None
            and not self._blank_when_missing.isdisjoint(person.fields)
        ):
            skipped = where_read  # 备注 added by a header written again: its rules run on the rows under it
        for rule in self._rules_for(person.election_date, person.roles, skipped):
            answer = rule.test(person, None)
            if answer is False:  # the common answer, decided without a call more
                if explain and rule.id not in skipped:
                    passed.append(rule.id)
                continue
            if answer is None and skipped and rule.id in skipped:
                # A column it needs is missing, and the others do not decide it: said once for the file, and
                # named on the person, whom the file's note leaves eligible to a script that lists the eligible:
                # 失信被执行人 not asked is not 失信被执行人 answered no (helper-130).
                if rule.rule.severity in _BARS_OR_APPROVALS:
                    unchecked.append(rule.id)
                continue
            granted = self.approvals.person(person.id_number, rule.id) if approved else []
            cell = self._rule_cell(rule, table, person.source, person.birth_from_id)
            if (finding := self._apply(rule, person, granted, person.election_date, cell=cell)) is not None:
                if rule.hints and skipped and rule.id in skipped:
                    finding = self._remark_alone(finding, rule, table)
                if not granted and finding.severity == "review" and self.approvals.has_rule(rule.id):
                    near = self.approvals.near_person(person.id_number, person.name, rule.id)
                    finding = self._near(finding, near, person.name) if near else finding
                if (
                    finding.is_open
                    and self.approvals.unread_for
                    and person.id_number in self.approvals.unread_for
                ):
                    finding = self._unread_approval(finding, self.approvals.unread_for[person.id_number])
                findings.append(finding)
            else:
                passed.append(rule.id)
        if person.posts_unread:
            # A post not read (居委会主仼): a rule for posts they are not read as holding (a principal's age) may
            # be theirs, and is said could-not-be-checked where it would find something, rather than passed over
            # in silence (helper-59).
            for rule in self.policy.at(person.election_date).candidate_rules:
                if not rule.applies_to or not rule.applies_to.isdisjoint(person.roles):
                    continue  # judged above
                answer = rule.test(person, None)
                if answer is False or (answer is None and skipped and rule.id in skipped):
                    continue
                granted = self.approvals.person(person.id_number, rule.id) if approved else []
                cell = self._rule_cell(rule, table, person.source, person.birth_from_id)
                if (
                    finding := self._apply(
                        rule, person, granted, person.election_date, posts_open=True, cell=cell
                    )
                ) is not None:
                    findings.append(finding)
        return findings, passed, unchecked

    def _rule_cell(
        self, rule: CompiledRule, table: Table | None, source: RowSource, birth_from_id: bool = False
    ) -> tuple[str, str] | None:
        """The cell a candidate rule's finding is about, and its column's header: of the first column it reads
        beside the posts (两违 for two-violations; for an age, 出生日期, or 身份证号 when 出生日期 is blank),
        its posts for a rule on posts alone. An officer found the cell of a data problem at once,
        and had to look along the row for a bar's (helper-64); the tables' 列 was blank for a rule's finding
        beside its cell (helper-69)."""
        if table is None:
            return None
        groups = [group for group in rule.needs if group != ("roles",)] or list(rule.needs)
        if rule.hints:
            # 备注 read for its words: the cell to put right is the column the remark says otherwise of (两违).
            groups.sort(key=lambda group: not rule.hints.isdisjoint(group))
        for group in groups:
            if birth_from_id and "id_number" in group:
                group = ("id_number", *(column for column in group if column != "id_number"))
            for column in group:
                if (cell := table.cell(column, source)) is not None:
                    header = table.header.headers.get(column, column)
                    if not self.show_pii:  # a sheet, or a header, named by an ID number
                        cell, header = mask_ids(cell), mask_ids(header)
                    return cell, header
        return None

    def _result(
        self, person: Candidate, findings: list[Finding], passed: list[str], unchecked: list[str]
    ) -> CandidateResult:
        source = person.source
        # Validated from a plain dict in one call to pydantic-core: a third faster than keyword arguments with a
        # Source model built first, a million times over.
        return CandidateResult.model_validate(
            {
                "source": {
                    "path": self._place(source.path),
                    "row": source.row,
                    "line": source.line,
                    "sheet": self._place(source.sheet),
                    "excel_row": source.excel_row,
                },
                "name": self._name(person.name),
                "id_number": self._id(person.id_number),
                "street": self._name(person.street),
                "community": self._name(person.community),
                "roles": self._role_labels(person.roles),
                "role_ids": person.roles,
                "gender": person.gender,
                "age": self._age(person),
                "education": self._education(person),
                "education_id": None
                if person.education_rank is None
                else self._level_ids[person.education_rank],
                "status": (status := status_of(findings)),
                "to_verify": status == "review" and only_to_verify(findings),
                "findings": findings,
                "passed": passed if self.explain else None,
                "not_checked": unchecked,
            }
        )

    def _clean_json(self, person: Candidate) -> bytes:
        """A result without findings as pydantic writes it (a test holds the two to the byte): each value
        written by pydantic-core, and the parts many rows share (file, community, roles) written once."""
        source = person.source
        head = self._json_heads.get(source.path)
        if head is None:
            head = self._json_heads[source.path] = (
                b'{"source":{"path":' + to_json(self._place(source.path)) + b',"row":'
            )
        # A roster's rows come community by community: the last community's part serves the rows that follow.
        place = (person.street, person.community)
        if place != self._json_place[0]:
            written = (
                b',"street":'
                + to_json(self._name(place[0]))
                + b',"community":'
                + to_json(self._name(place[1]))
                + b',"roles":'
            )
            self._json_place = (place, written)
        roles = self._json_roles.get(person.roles)
        if roles is None:
            roles = to_json(self._role_labels(person.roles)) + b',"role_ids":' + to_json(person.roles)
            if len(self._json_roles) < 4096:
                self._json_roles[person.roles] = roles
        return b"".join(
            (
                head,
                str(source.row).encode(),
                b',"line":',
                b"null" if source.line is None else str(source.line).encode(),
                b"}" if source.sheet is None and source.excel_row is None else self._source_tail(source),
                b',"name":',
                to_json(self._name(person.name)),
                b',"id_number":',
                to_json(self._id(person.id_number)),
                self._json_place[1],
                roles,
                _JSON_GENDER[person.gender],
                b"null" if (age := self._age(person)) is None else str(age).encode(),
                self._json_education[person.education_rank],
                b',"status":"eligible","findings":[]}',
            )
        )

    def _source_tail(self, source: RowSource) -> bytes:
        """A source's JSON after its line: its sheet, or the row Excel shows, where there is one."""
        tail = b"" if source.sheet is None else b',"sheet":' + to_json(self._place(source.sheet))
        if source.excel_row is not None:
            tail += b',"excel_row":' + str(source.excel_row).encode()
        return tail + b"}"

    def _role_labels(self, roles: tuple[str, ...]) -> tuple[str, ...]:
        labels = self._labels_of.get(roles)
        if labels is None:
            labels = self._labels_of[roles] = tuple(self._role_label[r] for r in roles)
        return labels

    def _rules_for(
        self, day: dt.date, roles: tuple[str, ...], skipped: frozenset[str] = frozenset()
    ) -> tuple[CompiledRule, ...]:
        """The candidate rules that apply to someone proposed for these roles: worked out once per set of roles
        (a province has a few dozen) and file's columns, not rule by rule on every row. A rule skipped for a
        missing column is among them: the columns there may decide it all the same (any: [a missing one, one
        that holds]); not one that cannot hold without a column the file leaves blank (see _skipped)."""
        key = (day, roles, skipped)
        rules = self._applicable.get(key)
        if rules is None:
            rules = tuple(
                rule
                for rule in self.policy.at(day).candidate_rules
                if not (rule.applies_to and rule.applies_to.isdisjoint(roles))
                and NOT_RUN + rule.id not in skipped
            )
            if len(self._applicable) < 4096:
                self._applicable[key] = rules
        return rules

    # ---- teams ----

    def _join_team(self, person: Candidate, packed: int | str | None = None, bars: bool = False) -> None:
        """Add a person to their community's team; a second row of the same person merges into the first.
        `bars`: the row's own findings say the person cannot be nominated (see report.is_barred)."""
        where = _where(person.source.path, person.source.sheet)
        if (
            person.community
            and person.street_as_above
            and (above := self._filled_from(person, where)) is not None
            and above.community == person.community
        ):
            # 同上 under 街道 beside the community of the row above: that row's street, as the officer meant.
            person = replace(person, street=above.street)
        if not person.community and (above := self._filled_from(person, where)) is not None:
            # 社区 merged over a community's rows and saved as CSV (or left blank for "as above"): the value is on
            # the first row only. The row keeps its own finding (required-missing); its team counts it, as Excel
            # shows it, rather than judge 青松社区 on one person of six, and the file says so (_filled_notes).
            lines = self._filled_down.setdefault(where, {}).setdefault((above.street, above.community), [])
            # Its line places the file's note; the row Excel shows is the one the note names, as its cells do.
            line = person.source.line or person.source.row
            lines.append((line, person.source.excel_row or line))
            person = replace(person, street=above.street, community=above.community)
        team = self._team_of(person.street, person.community, person.election_date, where, person.date_stated)
        self._above = (where, team, person.source.end or person.source.line) if team is not None else None
        if team is None:
            return
        if team.spellings is not None or person.street != team.street:
            self._spelled(team, person.street, where, person.source.line or person.source.row)
        packed = self._identity(person, packed)
        place = team.roll.find_id(packed)
        same = None if place is None else team.roll.pop(place)
        if same is not None:
            # One person on two rows (书记 on one, 主任 on the other) is one member holding both seats: the
            # member questions are asked again of the person with every role they were given. The member keeps
            # the first row's name: where a second row gives the number to someone else, that row is the
            # duplicate (duplicate-person), and a relative declared by the number means the first holder.
            name = same.name or person.name  # a first row left without a name gives way to the second's
            person = replace(person, name=name, roles=tuple(dict.fromkeys(same.roles + person.roles)))
        member = self.member(
            person,
            team.election_date,
            packed,
            unread=same is not None and same.posts_unread,
            # A row not marked says the person stands, whatever another row of theirs is marked.
            standing=same is not None and same.mark is None,
            # Barred on either row is barred: the person is one, and a bar on one row is theirs.
            bars=bars or (same is not None and same.barred),
        )
        if same is not None:
            member.declared = {f: same.declared.get(f, ()) + keys for f, keys in member.declared.items()}
        team.roll.append(member)

    def _filled_day(self, person: Candidate, table: Table) -> bool:
        """A row counted in the team above (see _join_team) is judged on that team's day, as its other rows
        are, unless it states its own. Whether it moved."""
        if person.community or person.date_stated:
            return False
        above = self._filled_from(person, _where(table.path, table.sheet))
        if above is None or above.election_date == person.election_date:
            return False
        person.election_date = above.election_date
        return True

    def _filled_from(self, person: Candidate, where: str) -> Team | None:
        """The team of the row right above, for a row of the same file that leaves its community blank and
        writes no other street: none for a footer, nor across files, nor under a blank row (a new group starts)."""
        if self._above is None or self._above[0] != where or person.source.line is None:
            return None
        _, team, above = self._above
        # The row right above: starting on the line after the one it ends on (a cell over several lines takes
        # several, and cut the fill there; helper-60).
        line = above if above is None or isinstance(above, int) else _line_of(above)
        if line is None or person.source.line != line + 1:
            return None
        if person.street and person.street != team.street:
            return None
        if any(problem.rule == "row-not-a-candidate" for problem in person.problems):
            return None
        return team

    def _filled_notes(self, where: str) -> list[Note]:
        """For each team that took in rows with their community blank: which lines, shown as a file's note."""
        notes = []
        for (street, community), lines in self._filled_down.pop(where, {}).items():
            place = self._name(" ".join(filter(None, (street, community))))
            params: tuple[tuple[str, str], ...] = (
                *_lines_said("lines", lines),
                ("community", place),
                *_lines_said("line", lines[:1]),
            )
            notes.append(Note("community-filled-down", "warning", params))
        return notes

    def _team_of(
        self, street: str, community: str, election_date: dt.date, path: str, stated: bool = False
    ) -> Team | None:
        """The team of a community, started by its first row (which `stated` its day, or left it blank); none
        for a row that names no community."""
        if not community or "\ufffd" in community or "\ufffd" in street:
            # Already invalid (no community, or bytes its encoding could not read): a team of nobody's, or of a
            # garbled, community would only add a team that does not exist, with findings of its own.
            return None
        key = self.communities.key(street, community)
        team = (
            self._teams.get(key)
            or self._same_community(street, community)
            or self._same_street(street, community, key)
        )
        if team is None:
            settings = self.communities.get(*key)
            # Named by the key's strings: where the communities table has the community, its interned ones, so
            # that a province's 125,000 teams do not each keep their first row's two cells as well (20 MB).
            team = Team(
                street=key[0],
                community=key[1],
                election_date=(settings.election_date if settings else None) or election_date,
                quota=settings.quota if settings else {},  # read only: shared, not copied
                day_stated=stated or (settings is not None and settings.election_date is not None),
            )
            self._teams[key] = team
            if (
                street
                and len(self._street_seen(street)) > 1
                and not self.policy.vocabulary.streets.key(street)[1]
            ):
                # Written by its own name alone (东湖) where the run has its street written in full too: its rows
                # are named if it proves to be that street (see _streets_apart).
                team.spellings = {street: Spelling()}
            if not self._in_effect(team.election_date):
                self._days_out_of_effect.setdefault(path, set()).add(team.election_date)
            if settings is None:
                self._settings_elsewhere(street, community, path)
            elif street and settings.street and settings.street != street:
                self._settings_spelled(street, community, settings, path)
        if path not in team.paths:
            if team.paths and not team.street:
                # Rows of a team with no street from one more file: the principal posts the files before gave it
                # are kept, to tell two places of one name from a roster and its supplement (see _heads_apart).
                if team.heads is None:
                    team.heads = [(next(iter(team.paths)), frozenset())]
                team.heads.append((path, self._principals(team.roll)))
            # A frozenset shared by every team read from the same files: most runs hold one.
            paths = team.paths | {path}
            team.paths = self._shared.setdefault(paths, paths)
        return team

    def member(
        self,
        person: Candidate,
        election: dt.date,
        packed: int | str | None = None,
        unread: bool = False,
        standing: bool = False,
        bars: bool = False,
    ) -> Member:
        """What the team rules keep of a person: seats, the member questions answered for that election day;
        `unread` when another row of theirs held a post not read, `standing` when another row of theirs is not
        marked as perhaps withdrawn, `bars` when their findings say they cannot be nominated."""
        bodies = self._bodies_of.get(person.roles)
        if bodies is None:
            body_of = self.policy.vocabulary.body_of_role
            bodies = frozenset(b for r in person.roles if (b := body_of.get(r)) is not None)
            self._bodies_of[person.roles] = bodies
        fields = person.fields
        compiled = self.policy.at(election)
        declared = {f: declared_keys(fields[f]) if fields.get(f) else () for f in compiled.declared_fields}
        conditions = compiled.member_conditions
        # A post not read (blank, or one the rule set does not know): the person may hold seats besides those read,
        # and a question on their posts has no answer. A team rule that could turn on them cannot decide, and one
        # that holds whatever they are still does (helper-59).
        unread = unread or person.posts_unread
        if unread:
            answers = tuple(
                None if reads else condition(person, None)
                for condition, reads in zip(conditions, compiled.reads_posts, strict=True)
            )
        else:
            # A question of posts alone is asked once for each set of posts on each election day's rules; the
            # others (sex, age, education) of each row.
            posts = self._posts_answered.get(key := (id(compiled), person.roles))
            if posts is None:
                posts = tuple(
                    condition(person, None) if only else None
                    for condition, only in zip(conditions, compiled.posts_only, strict=True)
                )
                if len(self._posts_answered) < 4096:
                    self._posts_answered[key] = posts
            answers = tuple(
                [
                    answer if only else condition(person, None)
                    for condition, only, answer in zip(conditions, compiled.posts_only, posts, strict=True)
                ]
            )
        return Member(
            name=person.name,
            id_number=self._identity(person, packed),
            roles=person.roles,
            bodies=bodies,
            answers=answers,
            declared=declared,
            age=completed_years(person.birth[0], person.election_date, self.policy.file.age_convention)
            if person.birth and person.birth[0] == person.birth[1]
            else None,
            education_rank=person.education_rank,
            posts_unread=unread,
            # A row hidden or its name struck through, as an office marks one withdrawn: the team rules do not
            # rest on them (see _weigh_marks). Asked of every row: most have no problem at all.
            mark=mark_of(person.problems) if person.problems and not standing else None,
            barred=bars,
        ).share(self._shared)

    @staticmethod
    def _identity(person: Candidate, packed: int | str | None) -> int | str | None:
        """Who a member is, to find them on a second row of their team: the ID number packed, or a number that
        is itself wrong with the name written beside it. A row without one (a roster with no ID column) goes by name and day of
        birth: 张三 born 1970-03-07 as 书记 on one row and 主任 on the next is one person, not two."""
        if packed is None and person.id_number:
            # A number itself wrong (its check character mistyped) is no one's for certain: the same person's on
            # two rows only under one name. Two people given one wrong number, pasted down, are two members, not
            # the second lost from the team's counts (helper-130); as a number Excel cut to one is (see
            # _add_duplicate).
            return _number_and_name(person)
        if packed is None and person.name and person.birth and person.birth[0] == person.birth[1]:
            # Never an ID number's text: the unit separator is no character a cell keeps.
            packed = f"\x1f{person.birth[0].isoformat()}\x1f{person.name}"
        return packed

    def team_date(self, person: Candidate) -> dt.date:
        """The election day of a person's team when the communities table gives one, else their own."""
        settings = self.communities.get(person.street, person.community)
        return (settings.election_date if settings else None) or person.election_date

    def _same_community(self, street: str, community: str) -> Team | None:
        """A row that leaves the street blank belongs to the community's team in whatever street it is, and a
        team first seen without its street takes the street a later row gives; otherwise one community would be
        judged as two teams."""
        if not street:
            return next((t for (_, c), t in self._teams.items() if c == community), None)
        team = self._teams.get(("", community))
        if team is not None:
            team.street = street
            self._teams[(street, community)] = team
            self._street_seen(street)
        return team

    def _street_seen(self, street: str) -> list[str]:
        """A street a team was started under, kept among the spellings of its own name; those spellings."""
        spellings = self._street_spellings.setdefault(self.policy.vocabulary.streets.own(street), [])
        if street not in spellings:
            spellings.append(street)
        return spellings

    def _same_street(self, street: str, community: str, key: tuple[str, str]) -> Team | None:
        """The team of a community whose street an earlier row wrote another way of the same street: 东湖街道党工委,
        东湖街道办事处 or 东湖街道（办事处） for 东湖街道; 青山镇人民政府 for 青山镇 (one own name, one kind, by the
        rule set's places.street_words). Judged apart, each spelling's team answered for part of its people, and
        one over its seats or with two relatives on it passed (helper-91). Not where the communities table gives
        the two spellings rows of their own: it takes them for two places."""
        if not street:
            return None
        streets = self.policy.vocabulary.streets
        own, kind = streets.key(street)
        spellings = self._street_spellings.get(own)
        if not spellings or spellings == [street]:
            return None  # most streets: written one way
        for other in spellings:
            if other == street or streets.key(other)[1] != kind:
                continue
            team = self._teams.get(self.communities.key(other, community))
            if team is None:
                continue
            theirs = self.communities.get(team.street, team.community)
            ours = self.communities.get(street, community)
            if theirs is not None and ours is not None and theirs is not ours:
                continue
            self._teams[key] = team
            return team
        return None

    def _spelled(self, team: Team, street: str, where: str, line: int) -> None:
        """A row of a team whose street is written another way than its first row's (or by its own name alone
        beside the street written in full): counted, and its line kept, for the finding that says so. The rows
        of the first row's spelling are otherwise the rest."""
        spellings = team.spellings
        if not street:
            return  # a row that leaves the street blank writes it no way
        if street == team.street and (spellings is None or street not in spellings):
            return  # the rest of the rows
        if spellings is None:
            spellings = team.spellings = {}
        spellings.setdefault(street, Spelling()).add(where, line)

    def teams(self) -> list[TeamResult]:
        """Team rules on every community seen, in the order communities first appeared."""
        return [team for team in self.each_team() if isinstance(team, TeamResult)]

    def each_team(self, workers: Workers | None = None) -> Iterator[TeamResult | Serialised]:
        """Team rules on every community seen, one team at a time; each team's state is let go once judged.
        With workers, they judge the teams, a batch each in turn, and hand them back in the same order, as
        JSON: a model crosses between processes ten times slower."""
        teams = list({id(t): t for t in self._teams.values()}.values())  # a team may sit under two keys
        self._teams.clear()
        said = self._streets_apart(teams)
        self._street_spellings.clear()
        self._written_apart(teams, said)
        self._settle_seats(teams)
        self._last_team = None
        if workers is not None:
            yield from workers.judge(
                teams, (self._skipped_by_path, self._seats_skipped_by_path, self._street_columned)
            )
            return
        teams.reverse()
        while teams:
            yield self.judge_team(teams.pop())

    def _streets_apart(self, teams: list[Team]) -> set[int]:
        """Once every row is in, the teams of one community whose streets are one own name written of several
        kinds (spellings of one kind were one team from the start; see _same_street). A community whose rows
        write its street by its own name alone (东湖) beside the one kind of street of that name the run has
        with that community (东湖街道) is one team, said (street-written-apart). Where the run has two kinds
        (东湖街道 and 东湖镇, each with a 青松社区), or they vote on two days, which is meant cannot be told: each
        is judged as written, and a team rule that judged as one team would answer otherwise is undecided
        (see _undecided_street). Not where the communities table gives each a row of its own: two places. The
        teams said so (by id), which community-written-apart leaves to these findings."""
        streets = self.policy.vocabulary.streets
        said: set[int] = set()
        # Only streets written several ways can have a community so split: most runs have none.
        several = {own for own, spellings in self._street_spellings.items() if len(spellings) > 1}
        if not several:
            return said
        groups: dict[tuple[str, str], list[Team]] = {}
        for team in teams:
            if team.street and (own := streets.own(team.street)) in several:
                groups.setdefault((own, team.community), []).append(team)
        joined: set[int] = set()
        for group in groups.values():
            if len(group) < 2:
                continue
            settings = [self.communities.get(team.street, team.community) for team in group]
            if len({id(entry) for entry in settings if entry is not None}) > 1:
                continue  # the communities table gives each its own row
            kinds = {kind for team in group if (kind := streets.key(team.street)[1])}
            if (
                len(kinds) <= 1
                and len({id(entry) for entry in settings}) == 1
                and len({team.election_date for team in group}) == 1
            ):
                into = next((team for team in group if streets.key(team.street)[1]), group[0])
                for team in group:
                    if team is not into:
                        self._merge_team(into, team)
                        joined.add(id(team))
                said.add(id(into))
                continue
            as_one = Team(
                street=group[0].street,
                community=group[0].community,
                election_date=group[0].election_date,
                quota=next((team.quota for team in group if team.quota), {}),
            )
            for team in group:
                self._merge_team(as_one, team)
            written = tuple(dict.fromkeys(team.street for team in group))
            for team in group:
                team.undecided = (as_one, written)
                said.add(id(team))
        if joined:
            teams[:] = [team for team in teams if id(team) not in joined]
        return said

    def _merge_team(self, into: Team, other: Team) -> None:
        """The people of `other` counted in `into` (one person on rows of both holds the seats of both), and
        the ways its street was written kept for the finding; `other` is left as it was."""
        roll = into.roll
        reads_posts = self.policy.at(into.election_date).reads_posts
        for member in other.roll:
            place = roll.find(member)
            if place is not None:
                member = roll.pop(place).joined(member, reads_posts)
            roll.append(member.share(self._shared))
        paths = into.paths | other.paths
        into.paths = self._shared.setdefault(paths, paths)
        into.day_stated = into.day_stated or other.day_stated
        spellings = into.spellings if into.spellings is not None else {}
        theirs = other.spellings or {}
        if other.street not in theirs:
            # Its own spelling's rows were not kept by their lines (one team of one spelling, as far as its rows
            # then showed): counted by its people.
            theirs = {other.street: Spelling(len(other.roll), people=True), **theirs}
        for street, rows in theirs.items():
            kept = spellings.setdefault(street, Spelling())
            for where, line in rows.places():
                kept.add(where, line)
            kept.rows += rows.rows - len(rows.lines)
            kept.people = kept.people or rows.people
        into.spellings = spellings

    def _written_apart(self, teams: list[Team], said: Collection[int] = ()) -> None:
        """Communities of one street that look like one written several ways (青松社区, 东湖街道青松社区,
        青松社区居委会): each was judged as a team of its own, its team rules answered for part of its people
        (no woman among two of them, seats counted short). Said on the rosters they came from, for the name to
        be written one way; not merged, as a guess at which places are one would judge teams that are not.
        Teams whose streets alone differ, already said of (`said`, see _streets_apart), are left."""
        # A first pass keeps only a hash of each name's own part: a province's 125,000 teams, grouped whole,
        # held 40 MB more at the run's peak. The few whose own part repeats in their street are grouped.
        streets = self.policy.vocabulary.streets
        seen: set[int] = set()
        twice: set[int] = set()
        for team in teams:
            street, own, _ = alike(team.street, team.community, streets)
            if own:
                key = hash((street, own))
                (twice if key in seen else seen).add(key)
        seen.clear()
        groups: dict[tuple[str, str, str], list[Team]] = {}
        for team in teams:
            street, own, sort = alike(team.street, team.community, streets)
            if own and hash((street, own)) in twice:
                groups.setdefault((street, own, sort), []).append(team)
        sorts: dict[tuple[str, str], list[str]] = {}
        for street, own, sort in groups:
            sorts.setdefault((street, own), []).append(sort)
        for (street, own), found in sorts.items():
            # A bare name (青松) is the village's or the community's of that name, whichever the street has.
            if "" in found and len(found) == 2:
                named = next(sort for sort in found if sort)
                groups[(street, own, named)] += groups.pop((street, own, ""))
        for group in groups.values():
            if len(group) < 2 or all(
                id(team) in said and team.community == group[0].community for team in group
            ):
                continue
            names = "、".join(self._name(" ".join(filter(None, (t.street, t.community)))) for t in group)
            note = Note(
                "community-written-apart", "warning", (("communities", names), ("count", str(len(group))))
            )
            for where in dict.fromkeys(p for t in group for p in sorted(t.paths)):
                if (read := self._input_at.get(where)) is not None:
                    read.findings.append(self._note_finding(note))

    def serialised_team(self, team: Team) -> Serialised:
        """The same as judge_team, as the JSON a report writes."""
        result = self.judge_team(team)
        return Serialised(json_bytes(result), "eligible", worst_open(result.findings))

    def judge_team(self, team: Team) -> TeamResult:
        """The team rules on one team, approvals applied, and its profile."""
        team = team.unroll()
        skipped = frozenset().union(*(self._skipped_by_path.get(p, frozenset()) for p in team.paths))
        if skipped and self._seated(team):
            # Its approved seats known (from a file other than the one that lacked them): its seat rules run.
            seats = self._seats_skipped_by_path
            skipped = frozenset().union(
                *(self._skipped_by_path.get(p, frozenset()) - seats.get(p, frozenset()) for p in team.paths)
            )
        findings = []
        # A roles cell blank, or holding a post the rule set does not know (社区党组织委员): who is on the team, and
        # in which body, is not known, and "1 人中妇女干部 0 名" or "党组织 1/1" would be said of a team that may
        # have one more member, the woman, the seat over the quota (helper-54). Each rule says so where they could
        # change its answer, and only there: a woman already seated is one whatever the others hold (helper-59).
        # (A 妇代会主任 alone is known: she holds no seat, and women-chair-seat says so.) The row itself is
        # invalid and said so.
        unread = [person.name for person in team.people if person.posts_unread]
        as_one = team.as_one.unroll() if team.as_one is not None else None
        # Every row of the team marked (a district's workbook saved filtered to one community hides all of the
        # others'): no one of them stands apart from the rest, and the team is judged as its rows write it, each
        # row still said hidden. Weighed, every other community's rules turned 待核实 and the run failed.
        whole = bool(team.marked) and len(team.marked) == len(team.people)
        weighed = bool(team.marked) and not whole
        as_written = team.counting(team.marked) if whole else team
        for rule in self.policy.at(team.election_date).team_rules:
            if rule.id in skipped and rule.test(team, None) is not True:
                # A column it needs is missing (said once for the file), and the others do not decide it. One
                # that holds all the same is said: 居委会 3 seats of 1 approved, whatever the party's quota.
                continue
            granted = self.approvals.team(team.street, team.community, rule.id)
            if weighed:
                judged, doubted = self._weigh_marks(rule, team)
                finding = self._apply(rule, judged, granted, team.election_date, unread, marked=doubted)
            else:
                finding = self._apply(rule, as_written, granted, team.election_date, unread)
            if as_one is not None and rule.test(as_one, None) != rule.test(team, None):
                finding = self._undecided_street(rule, team, as_one, finding, granted)
            if finding is not None:
                if not granted and finding.severity == "review" and self.approvals.has_rule(rule.id):
                    near = self.approvals.near_team(
                        team.street, team.community, rule.id, self.policy.vocabulary.streets
                    )
                    finding = self._near(finding, near, team.community) if near else finding
                findings.append(finding)
        where = self._name(" ".join(filter(None, (team.street, team.community))))
        findings += self._street_notes(team, where)
        findings += self._heads_apart(team, where)
        for field_name in sorted(self.policy.at(team.election_date).declared_fields):
            pairs = relatives_not_on_team(team, field_name)
            if pairs and as_one is not None:
                # A relative on the same community under the street's other kind: team-relatives says it.
                still = {(p.name, relative) for p, relative in relatives_not_on_team(as_one, field_name)}
                pairs = [(p, relative) for p, relative in pairs if (p.name, relative) in still]
            for person, relative in pairs:
                said = {"name": self._name(person.name), "relative": self._name("、".join(relative))}
                note = Note("relative-not-on-team", "warning", (*said.items(), ("community", where)))
                findings.append(self._note_finding(note))
        spellings = team.spellings or {}
        written = [team.street, *spellings] if any(street != team.street for street in spellings) else []
        worst = worst_open(findings)
        return TeamResult(
            street=self._name(team.street),
            community=self._name(team.community),
            findings=findings,
            worst=SEVERITY_ORDER[worst] if worst < NOTHING_OPEN else None,
            profile=self._profile(team),
            election_date=team.election_date,
            # Which rows are the team's, for a report to show them together: the rows keep their streets.
            streets_written=[self._name(street) for street in dict.fromkeys(written)],
        )

    @staticmethod
    def _weigh_marks(rule: CompiledRule, team: Team) -> tuple[Team, Sequence[Member]]:
        """The team to judge a rule on where some rows are marked as perhaps withdrawn (hidden in Excel, the name
        struck through), and the marked people its answer turns on: the rule rests on none of them.

        Where the answer is the same whoever of them stands, the team as the roster has it (every one counted, as
        the rest of the report counts them). Else it could not be checked, and the team is judged with those it
        turns on in doubt (each a member that may not be one) and the others counted. Which it turns on is found
        by trying each way every one of them may be, where they are few; past that, every one is in doubt."""
        marked = team.marked
        answer = rule.test(team, None)  # every marked one in doubt: an answer here holds however they are
        if answer is not None:
            return team.counting(marked), []
        if len(marked) > _MARKS_WEIGHED:
            # Too many to try each way: in doubt, every one of them; named, those the rule's counts found may
            # change it (a woman, where it counts women), or all where it has no names (a count of seats).
            evidence: Evidence = {}
            rule.test(team, evidence)
            named = set(evidence.get("unknown_members") or ())
            return team, [m for m in marked if m.name in named] or marked
        ways = [rule.test(team.counting(_chosen(marked, way)), None) for way in range(1 << len(marked))]
        turning = [
            member
            for i, member in enumerate(marked)
            if any(ways[way] != ways[way | 1 << i] for way in range(len(ways)) if not way >> i & 1)
        ]
        if not turning:
            return team.counting(marked), []
        return team.counting([m for m in marked if m not in turning], turning), turning

    def _undecided_street(
        self,
        rule: CompiledRule,
        team: Team,
        as_one: Team,
        written: Finding | None,
        granted: list[ApprovalRecord],
    ) -> Finding:
        """A team rule that answers one way of the team as its rows write its street, and another of it with the
        teams of the same street's other kind (东湖街道 and 东湖镇): not known, as which is meant is not. Both
        answers are said: "two passing halves" passed a community over its seats (helper-91)."""
        unread = [person.name for person in as_one.people if person.posts_unread]
        one = self._apply(rule, as_one, [], as_one.election_date, unread)
        passes = say("street-undecided-passes", self.lang)
        colon = "：" if self.lang == "zh" else ": "
        about = {"community": self._name(team.community), "street": self._name(team.street)}
        base = self._finding(rule, {"unknown": ["street"]}, None, granted, team.election_date, about)
        shown = {name: self._param(value) for name, value in rule.params.items()}
        title = rule.rule.title(self.lang).format_map(_Display(shown, self.lang, rule.shares))
        said = say(
            "not-checked-street",
            self.lang,
            streets=self._streets_shown(team.streets_apart),
            place=self.policy.file.vocabularies.places.street,
            written=written.message if written is not None else passes,
            as_one=one.message if one is not None else passes,
        )
        return base.model_copy(update={"message": title + colon + said})

    def _streets_shown(self, streets: Iterable[str]) -> str:
        """Streets as written, listed in the run's language: 东湖街道、东湖镇."""
        return ("、" if self.lang == "zh" else ", ").join(self._name(street) for street in streets)

    def _street_notes(self, team: Team, where: str) -> list[Finding]:
        """What a team's street written several ways did: joined into one team (street-written-apart), or, where
        it cannot be told whether they are one, judged as written (street-undecided)."""
        if not team.streets_apart and not team.spellings:
            return []  # most teams: their street written one way
        place = self.policy.file.vocabularies.places.street  # 街道, or a village's 乡镇
        params: tuple[tuple[str, str], ...]
        if team.streets_apart:
            params = (
                ("name", self._name(team.community)),
                ("streets", self._streets_shown(team.streets_apart)),
                ("place", place),
            )
            return [self._note_finding(Note("street-undecided", "warning", params))]
        spellings = team.spellings
        if not spellings or not any(street != team.street for street in spellings):
            return []
        several = len(team.paths) > 1  # the rows' files named only where they are several
        written = []
        for street in dict.fromkeys([team.street, *spellings]):
            rows = spellings.get(street)
            if rows is None:
                lines = say("street-rows-other", self.lang)
            elif rows.people or not rows.lines:
                lines = say("street-rows-people", self.lang, count=rows.rows)
            else:
                by_file: dict[str, list[str]] = {}
                for where_from, line in rows.places():
                    by_file.setdefault(where_from, []).append(str(line))
                more = "…" if rows.rows > len(rows.lines) else ""
                lines = ("；" if self.lang == "zh" else "; ").join(
                    (f"{self._place(where_from)} " if several else "")
                    + say("street-rows", self.lang, lines="、".join(numbers) + more)
                    for where_from, numbers in by_file.items()
                )
            written.append(say("street-spelled", self.lang, street=self._name(street), rows=lines))
        params = (
            ("community", where),
            ("streets", ("、" if self.lang == "zh" else ", ").join(written)),
            ("count", str(len(written))),
            ("place", place),
        )
        return [self._note_finding(Note("street-written-apart", "warning", params))]

    def _principals(self, people: Iterable[Member]) -> frozenset[tuple[str, str | None, str]]:
        """The principal posts (书记, 主任) people hold, each with who holds it: (post, ID number, name)."""
        principal = self.policy.vocabulary.principal_roles
        return frozenset((post, m.id_number, m.name) for m in people for post in m.roles if post in principal)

    def _heads_apart(self, team: Team, where: str) -> list[Finding]:
        """A team with no street whose rows come from several files (or sheets), more than one of which proposes
        someone of its own for a principal post (a 书记 each): two places of one name, each in its township's
        roster with no 乡镇 column (a.csv and b.csv each with a 白水村), may have been taken for one, the bar on
        one (no woman) lifted by the other's people (helper-109). Said, not parted: which rows are which place
        cannot be told. Not said of a roster and its supplement, the ordinary case: a supplement proposes more
        members, or the same 书记 again, and a second 书记 only where one replaces another, which is to be
        checked all the same. Only principal posts: a team has one of each, where it has several 委员."""
        if team.heads is None or team.street:
            return []
        befores = [*(before for _, before in team.heads[1:]), self._principals(team.people)]
        proposed: dict[str, dict[str, list[str]]] = {}
        for (path, before), after in zip(team.heads, befores, strict=True):
            # What this file's rows added (a person already proposed by an earlier file is not new), by name: a
            # set's order would differ from one process to another.
            for post, _, name in sorted(after - before, key=lambda held: (held[0], held[2])):
                proposed.setdefault(post, {}).setdefault(path, []).append(name)
        roles = self.policy.file.vocabularies.roles
        several = [post for post in roles if len(proposed.get(post, {})) > 1]
        if not several:
            return []
        zh = self.lang == "zh"
        posts = ("、" if zh else "; ").join(
            say(
                "posts-proposed",
                self.lang,
                post=roles[post].zh if zh else roles[post].en,
                files=("；" if zh else "; ").join(
                    f"{self._place(path)} " + ("、" if zh else ", ").join(map(self._name, names))
                    for path, names in proposed[post].items()
                ),
            )
            for post in several
        )
        places = self.policy.file.vocabularies.places
        params = (
            ("community", where),
            ("posts", posts),
            ("count", str(len(team.paths))),
            ("place", places.street),
            ("kind", places.community),
        )
        # Each file has the 乡镇 column, left blank (the tool's own template writes it): it is to be filled in.
        blank = self._street_columned.issuperset(team.paths)
        message = "team-from-several-files-blank" if blank else ""
        return [self._note_finding(Note("team-from-several-files", "warning", params, message=message))]

    def _profile(self, team: Team) -> Profile:
        """Members by age band and education level, for the charts of the reports."""
        # Every seat holder as the roster has them, those on rows marked as perhaps withdrawn too: the rules say
        # where the team turns on them.
        members = [p for p in team.people if p.bodies] if team.marked else team.members()
        ages = dict.fromkeys(AGE_BANDS, 0)
        by_id = dict.fromkeys(self._level_label, 0)
        for member in members:
            age = member.age
            band = "?" if age is None else _BAND_OF_AGE[age] if age < len(_BAND_OF_AGE) else AGE_BANDS[-1]
            ages[band] = ages.get(band, 0) + 1
            level = "?" if member.education_rank is None else self._level_ids[member.education_rank]
            by_id[level] = by_id.get(level, 0) + 1
        education = {self._level_label.get(level, level): count for level, count in by_id.items()}
        return Profile(members=len(members), ages=ages, education=education, education_ids=by_id)

    def rules(self) -> list[RuleInfo]:
        return [
            RuleInfo(
                id=r.id,
                title=rule_title(r, self.policy, self.lang),
                severity=r.rule.severity,
                scope=r.rule.scope,
                source=Clause(
                    document=r.rule.source.document, clause=r.rule.source.clause, quote=r.rule.source.quote
                ),
            )
            for r in self.policy.rules
        ]

    def ruleset_warnings(self) -> list[RuleFileNote]:
        """The rule file's warnings as the report holds them, in the run's language."""
        notes = []
        for warning in self.policy.warnings:
            where = warning.location or Location()
            notes.append(
                RuleFileNote(
                    rule=warning.key,
                    message=say(warning.key, self.lang, **warning.params),
                    path=self._place(where.path or self.policy.path),
                    line=where.line,
                    column=where.column if isinstance(where.column, int) else None,
                )
            )
        return notes

    def report(
        self, candidates: list[CandidateResult], teams: list[TeamResult], summary: Summary | None = None
    ) -> Report:
        return Report(
            tool=TOOL,
            ruleset=RuleSetInfo(
                name=self.policy.name,
                version=self.policy.version,
                sha256=self.policy.sha256,
                extends=self.policy.extends,
                overrides=self.policy.overrides,
                places=self._place_headers,
                warnings=self.ruleset_warnings(),
            ),
            election_date=self.election_date,
            summary=(summary or summarise(candidates, teams)).model_copy(
                update={
                    "files_not_read": sum(
                        1 for i in self.inputs if any(f.rule in _NOT_READ for f in i.findings)
                    )
                }
            ),
            candidates=candidates,
            teams=teams,
            not_checked=self.not_checked,
            inputs=self.inputs,
            rules=self.rules(),
        )

    # ---- settings ----

    def _community_date(self, street: str, community: str) -> dt.date | None:
        settings = self.communities.get(street, community)
        return settings.election_date if settings else None

    def add_table_communities(self, table: Table) -> None:
        """A YAML/JSON roster written per community carries each community's seats; one community written
        twice in it is refused, as in the communities table, or the second's seats would win without a word."""
        given: set[tuple[str, str]] = set()
        for settings in table.communities:
            header = map_headers([str(k) for k in settings], self._community_columns)
            canonical = {name: settings[written] for name, written in header.headers.items()}
            street, community = clean(canonical.get("street")), clean(canonical.get("community"))
            known = self.communities.get(street, community) if self.communities.from_file else None
            if known is not None and known.election_date is not None:
                # The communities table's day stands, the officer's own: the roster's group day goes to its
                # rows, each said (election-date-not-settings) where it differs, as a row's own day is.
                canonical.pop("election_date", None)
            if known is not None:
                self._table_seats_stand(canonical, known, table)
                # Kept under the table's own key: added under the roster's (no street, or another spelling of
                # it), a second entry without the table's day and seats would answer for the community.
                canonical["street"], canonical["community"] = known.key
            if self.communities.from_file and known is None:
                # The district's table does not name it: the roster's own seats are not approved ones, and kept
                # as settings they would pass seat-quota and hush the note a flat roster gets (its rows say it,
                # community-not-in-settings). Its day stays with its rows, as a flat roster's own day does.
                self._roster_seats_unused(canonical, (street, community), table)
                key = (street, community)
            else:
                # A cell that is no count is named by its header as written (居委会核定职数, not committee_seats).
                before = self.communities.get(street, community)
                key = self.communities.add(canonical, Location(table.path), header.headers)
                if not self.communities.from_file:
                    self._seats_agree(before, key, canonical, table)
                # Under the key its rows gave, or written with (or without) the street the YAML gives (helper-83).
                if (team := self._teams.get(key) or self._same_community(*key)) is not None:
                    # Its rows read before this file: their team takes the seats as a team started after would,
                    # or seat-quota turned on the order the files were named in (helper-81).
                    team.quota = self.communities.by_key[key].quota
            if key in given:
                raise RosterError(
                    "communities-twice-in-roster", Location(table.path), community=" ".join(filter(None, key))
                )
            given.add(key)

    def _seats_agree(
        self, before: Community | None, key: tuple[str, str], canonical: dict[str, Any], table: Table
    ) -> None:
        """Two rosters giving one community different seats: the second won, and the verdict turned on the order
        the files were named in (helper-83). Said, and taken as unknown, whichever comes last."""
        entry = self.communities.by_key[key]
        disputed = self._seats_disputed.setdefault(key, set())
        for body, column in self.communities.quota_columns.items():
            earlier = before.quota.get(body) if before is not None else None
            now = entry.quota.get(body)
            if column in canonical and earlier is not None and now is not None and earlier != now:
                disputed.add(body)
                params = (
                    ("community", " ".join(filter(None, key))),
                    ("column", self._headed.get(column, column)),
                    ("given", str(now)),
                    ("other", str(earlier)),
                    ("file", self._place(table.path)),
                )
                self._notes_by_path.setdefault(_where(table.path, table.sheet), []).append(
                    Note("roster-seats-differ", "warning", params)
                )
        if disputed:
            entry.quota = {**entry.quota, **dict.fromkeys(disputed)}  # a new dict: quotas are shared

    def _own_seats(self, table: Table) -> frozenset[str]:
        """The quota columns a YAML/JSON roster written per community gives for its communities."""
        quota = frozenset(self.communities.quota_columns.values())
        return frozenset(
            name
            for settings in table.communities
            for name in map_headers([str(k) for k in settings], self._community_columns).headers
            if name in quota
        )

    def _roster_seats_unused(self, canonical: dict[str, Any], key: tuple[str, str], table: Table) -> None:
        """A roster's seats for a community the communities table lacks, or approves none of: said, as they
        are not used."""
        for column in self.communities.quota_columns.values():
            given = clean(canonical.get(column))
            if given:
                seat_count(given, Location(table.path), self._headed.get(column, column))  # no count: refused
                params = (
                    ("community", " ".join(filter(None, key))),
                    ("column", self._headed.get(column, column)),
                    ("given", given),
                    ("file", self.communities.from_file or ""),
                )
                self._notes_by_path.setdefault(_where(table.path, table.sheet), []).append(
                    Note("roster-seats-no-settings", "warning", params)
                )

    def _table_seats_stand(self, canonical: dict[str, Any], known: Community, table: Table) -> None:
        """The approved seats the communities table gives stand against a roster's own (a community claiming
        9 where the district approved 5 would pass seat-quota): the roster's are left out, and said where they
        differ."""
        for body, column in self.communities.quota_columns.items():
            approved = known.quota.get(body)
            if column not in canonical:
                continue
            if approved is None:
                # The table names the community but approves no seats for this body: the roster's are no more
                # approved for that, and taken they would pass seat-quota where the table leaves it unknown.
                self._roster_seats_unused({column: canonical.pop(column)}, known.key, table)
                continue
            given = clean(canonical.pop(column))
            # Read as the table's own seats are: 03 and 3.00 are 3, and a cell that is no count is refused.
            if (
                given
                and seat_count(given, Location(table.path), self._headed.get(column, column)) != approved
            ):
                params = (
                    ("community", " ".join(filter(None, known.key))),
                    ("column", self._headed.get(column, column)),
                    ("given", given),
                    ("approved", str(approved)),
                    ("settings_line", str(known.line or "?")),  # the table's line, not the roster's
                )
                self._notes_by_path.setdefault(_where(table.path, table.sheet), []).append(
                    Note("roster-seats-not-settings", "warning", params)
                )

    def _skipped(self, table: Table) -> frozenset[str]:
        """Rules that cannot run on this file because a column they need is absent: reported once, not per row.
        Approved seats are the communities table's, or else the file's own (a YAML roster's per community): never
        another roster's, read before this one or not, whose seats made seat-quota run on a CSV read after it
        and be not checked on one read before (helper-81)."""
        available = (
            table.columns
            | self._blank_when_missing
            | (self._settings_columns if self.communities.from_file else self._own_seats(table))
        )
        # A column left out, read as blank on every row (备注): a rule that cannot hold without it finds nothing
        # here, and is not run on a row, where a roster of a million rows paid for it row by row.
        blank = self._blank_when_missing - table.columns
        quota = set(self.communities.quota_columns.values())
        skipped = set()
        not_run = set()
        seats_only = set()
        where = _where(table.path, table.sheet)
        run_where_read = set()
        for rule in self.policy.rules:
            missing = [alternatives for alternatives in rule.needs if available.isdisjoint(alternatives)]
            if blank and not blank.isdisjoint(rule.holds_only_with):
                skipped.add(rule.id)
                not_run.add(NOT_RUN + rule.id)
                if not missing:
                    run_where_read.add(rule.id)
                continue
            if not missing:
                continue
            skipped.add(rule.id)
            if rule.hints:
                # A remark read for a bar whose own column is missing (两违): that bar's rule says the column is
                # missing; the remark's hint at a column that is not there said it once more, rule by rule.
                continue
            if all(quota.issuperset(m) for m in missing):
                seats_only.add(rule.id)
            # Unknown is not a pass: a rule not checked counts as an open finding of its own severity would, so
            # a run gated at --fail-on ineligible fails when the columns that bar candidates are missing (it
            # passed, counted as review: nobody could be found ineligible).
            severity = rule.rule.severity
            for place in ("roster", "communities"):
                among = [m for m in missing if (place == "communities") == quota.issuperset(m)]
                if among:
                    said = NotChecked(
                        rule=rule.id,
                        severity=severity,
                        path=self._place(table.path),
                        sheet=self._place(table.sheet),
                        missing=[" | ".join(m) for m in among],
                        # As an officer heads the column (被剥夺政治权利), not by its name in the rules.
                        headers=[" | ".join(self._headed.get(c, c) for c in m) for m in among],
                        missing_from=place,
                        in_unread_rows=place == "communities"
                        and all(not self.communities.seats_unread.isdisjoint(m) for m in among),
                    )
                    self.not_checked.append(said)
                    if rule.id in seats_only:
                        self._seats_said.setdefault(where, []).append(said)
        self._skipped_by_path[where] = frozenset(skipped)
        self._seats_skipped_by_path[where] = frozenset(seats_only)
        skipped_here = frozenset(skipped | not_run)
        if not_run:
            # The rows under a header written again that adds the column (备注 under the second table, see
            # readers.header_again) hold it: judged as a table with it is (see _judged).
            self._where_read[skipped_here] = skipped_here - not_run - run_where_read
        return skipped_here

    def _seated(self, team: Team) -> bool:
        """Whether the team has approved seats for every body: one given for a body alone leaves its rules as the
        file's columns left them."""
        quota = team.quota
        return bool(quota) and all(quota.get(body) is not None for body in self.communities.quota_columns)

    def _settle_seats(self, teams: list[Team]) -> None:
        """Once every row is in: a file whose every team has approved seats from another file of the run (a YAML
        roster's, read before it or after) had its seat rules checked after all, and is not said to have gone
        without them (helper-82)."""
        if not self._seats_said:
            return
        seated: set[str] = set()
        unseated: set[str] = set()
        for team in teams:
            (seated if self._seated(team) else unseated).update(team.paths)
        for where in [w for w in self._seats_said if w in seated and w not in unseated]:
            gone = {id(said) for said in self._seats_said.pop(where)}
            self.not_checked[:] = [said for said in self.not_checked if id(said) not in gone]

    # ---- findings ----

    def _apply(
        self,
        rule: CompiledRule,
        subject: Candidate | Team,
        granted: list[ApprovalRecord],
        election: dt.date,
        unread: list[str] | None = None,
        *,
        posts_open: bool = False,
        cell: tuple[str, str] | None = None,
        marked: Sequence[Member] | None = None,
    ) -> Finding | None:
        """Run one rule; when it does not pass, run it again collecting the evidence (rarely, so cheaply). A team
        rule left open by a count of seats or members, where posts were `unread`, names whose; one left open by
        people whose rows are `marked` as perhaps withdrawn (see _weigh_marks), names them and why. A candidate
        rule for posts the person may hold, their posts not all read, is open on them (`posts_open`)."""
        answer = rule.test(subject, None)
        if answer is False:
            return None
        evidence: Evidence = {}
        rule.test(subject, evidence)
        if cell is not None:
            evidence["cell"] = cell[0]
            evidence.setdefault("column", cell[1])
        left_to_posts = answer is None and bool(unread) and "unknown_members" not in evidence
        if answer is None and isinstance(subject, Candidate) and subject.posts_unread:
            # Whether they are a principal was not known for a post not read: their posts are what to look at.
            posts_open = posts_open or "principal" in evidence.get("unknown", ())
        if posts_open or left_to_posts:
            answer = None
            evidence["unknown"] = [
                "roles",
                *(name for name in evidence.get("unknown", ()) if name not in ("roles", "principal")),
            ]
            if left_to_posts:
                evidence["unknown_members"] = unread
        # Who the finding is about, so a message may say {name}, {community}, {street} or {roles}.
        about: dict[str, Any] = {
            "community": self._name(subject.community),
            "street": self._name(subject.street),
        }
        if marked and answer is None:
            # A count of seats says nothing of whose: they are named here, as are the posts not read above.
            named = evidence.get("unknown_members") or []
            evidence["unknown_members"] = [*named, *(m.name for m in marked if m.name not in named)]
            if CANDIDACY not in evidence.get("unknown", ()):
                evidence["unknown"] = [*evidence.get("unknown", ()), CANDIDACY]
            about[_MARKED] = [(self._name(m.name), self._mark_said(m)) for m in marked]
        if isinstance(subject, Candidate):
            about |= {"name": self._name(subject.name), "roles": [self._role_label[r] for r in subject.roles]}
            if "education" in evidence and subject.education_written:
                about[_WRITTEN_EDUCATION] = subject.education_written
        return self._finding(rule, evidence, answer, granted, election, about)

    def _finding(
        self,
        rule: CompiledRule,
        evidence: Evidence,
        answer: Tri,
        granted: list[ApprovalRecord],
        election: dt.date,
        about: dict[str, Any],
    ) -> Finding:
        spec = rule.rule
        shown = {
            key: self._jsonable(value, rule.evidence_kinds.get(key, ""), key)
            for key, value in evidence.items()
        }
        shown.update({name: self._param(value) for name, value in rule.params.items()})
        if (amended := self.policy.amended.get(spec.id)) is not None:
            shown["amended_by"] = amended  # the threshold is another document's than the clause quoted
        severity = spec.severity
        if answer is None:
            # Unknown is not a pass: a rule that could not decide asks a person to look (review), and a
            # warning that could not decide stays a warning.
            severity = "review" if spec.severity == "ineligible" else spec.severity
            colon, comma = ("：", "、") if self.lang == "zh" else (": ", ", ")
            missing = evidence.get("unknown") or []
            unknown = shown.get("unknown_members")  # as shown: names masked where they hold an ID number
            marked: list[tuple[str, str]] | None = about.get(_MARKED)
            if marked:
                # Those who may no longer stand are said with why (第 4 行已隐藏); and the facts left open only by
                # who is counted (seats filled, head counts: facts that span) go with them, where no post unread
                # opens them too.
                facts = self.policy.at(election).facts
                missing = [
                    name
                    for name in missing
                    if name != CANDIDACY
                    and ("roles" in missing or not getattr(facts.get(name), "spans", False))
                ]
                names = {name for name, _ in marked}
                unknown = [name for name in unknown or () if name not in names]
                doubted = say(
                    "marked-member" if len(marked) == 1 else "marked-members",
                    self.lang,
                    marked=comma.join(
                        say("marked-as", self.lang, name=name, why=why) for name, why in marked
                    ),
                )
            said = (
                self._not_checked(rule, evidence, missing, unknown, election) if missing or not marked else ""
            )
            if marked:
                said = (
                    say("not-checked-marked", self.lang, marked=doubted)
                    if not said
                    else say("not-checked-and-marked", self.lang, said=said, marked=doubted)
                )
            message = spec.title(self.lang).format_map(_Display(shown, self.lang, rule.shares)) + colon + said
        else:
            worded = about | shown
            written = about.get(_WRITTEN_EDUCATION)
            if written and isinstance(worded.get("education"), str) and written != worded["education"]:
                # 高中肄业 is 初中 by its level: "文化程度为初中" beside a cell saying 高中 read as a mistake.
                # Said as written, and as the level it counts as.
                worded["education"] = say(
                    "level-as-written", self.lang, level=worded["education"], written=self._name(written)
                )
            for key, kind in rule.evidence_kinds.items():
                if kind == "said":
                    # {women_left_out_said}: who a count left out as barred, in words; nothing where no one was,
                    # where "（不能提名的 0 人不计）" stood on every team's finding.
                    left = shown.get(key.removesuffix("_said") + "_names") or []
                    comma = "、" if self.lang == "zh" else ", "
                    worded[key] = say("left-out", self.lang, names=comma.join(left)) if left else ""
            message = spec.message(self.lang).format_map(_Display(worded, self.lang, rule.shares))
        # Of several approvals for one finding, one that counts is enough; else the last one is shown with why.
        bodies = tuple(spec.approved_by) if spec.severity == "review" else ()
        weighed = [
            self._approval(g, spec.severity, severity, election, about.get("name"), bodies, spec.approvable)
            for g in granted
        ]
        approval = next((a for a in weighed if a.counted), weighed[-1] if weighed else None)
        return Finding(
            rule=spec.id,
            severity=severity,
            message=message,
            evidence=shown,
            approval=approval,
            source=Clause(document=spec.source.document, clause=spec.source.clause, quote=spec.source.quote),
            approvable=spec.approvable,
        )

    def _mark_said(self, member: Member) -> str:
        """How a member's row is marked as perhaps withdrawn: 第 4 行已隐藏, 第 4 行的姓名有删除线."""
        mark = member.mark
        assert mark is not None
        kind = "hidden-struck" if mark.hidden and mark.struck else "hidden" if mark.hidden else "struck"
        return say(f"marked-{kind}", self.lang, line=mark.line)

    def _not_checked(
        self,
        rule: CompiledRule,
        evidence: Evidence,
        missing: list[str],
        unknown: list[str] | None,
        election: dt.date,
    ) -> str:
        """Why a rule could not decide: the facts not known, and whose."""
        colon, comma = ("：", "、") if self.lang == "zh" else (": ", ", ")
        words = comma.join(self._fact_label(name) for name in missing or ["?"])
        whom = colon + comma.join(unknown) if unknown else ""
        vague = _vague_days(evidence, rule.evidence_kinds, missing)
        # 核定职数 unknown as well as 黄明's posts: the names are whose posts, not whose seats, as
        # "拟任职务、社区党组织核定职数不明：黄明" said (helper-69). What a member's posts leave open (seats
        # filled, head counts: facts that span) goes with the posts (helper-71).
        own: list[str] = []
        by_posts: list[str] = []
        if whom and missing[:1] == ["roles"] and "roles" not in missing[1:]:
            facts = self.policy.at(election).facts
            for name in missing[1:]:
                (by_posts if getattr(facts.get(name), "spans", False) else own).append(name)
        if missing == ["members"]:
            return say("not-checked-no-members", self.lang)
        if own:
            return say(
                "not-checked-and-posts",
                self.lang,
                missing=comma.join(self._fact_label(name) for name in own),
                posts=comma.join(self._fact_label(name) for name in (*by_posts, "roles")),
                whom=whom,
            )
        if vague:
            return say("not-checked-vague", self.lang, missing=words, written=comma.join(vague))
        return say("not-checked", self.lang, missing=words, whom=whom)

    def _approval(
        self,
        granted: ApprovalRecord,
        rule_severity: str,
        severity: str,
        election: dt.date,
        name: str | None = None,
        bodies: tuple[str, ...] = (),
        approvable: bool = True,
    ) -> Approval:
        reason = None
        # No end day written, nor said to run on (长期有效): an approval of the round it was given in.
        of_its_round = granted.expires is None and not granted.lasting
        if rule_severity == "ineligible":
            reason = say("approval-ineligible", self.lang)
        elif not approvable:
            # A fact to put right (whether a declared relative is a near one), which no body's approval settles:
            # any 审批单位 lifted 第三十二条's 不得 (helper-72).
            reason = say("approval-not-approvable", self.lang)
        elif granted.opinion and refused(granted.opinion):
            # 不同意, 退回, 否 in the table's 审批意见: the body was asked and said no (helper-65).
            reason = say("approval-refused", self.lang, opinion=self._text(granted.opinion))
        elif granted.name and name and granted.name != name:
            # Filed under this ID number for someone else: a mistyped number, not this person's approval.
            reason = say("approval-other-name", self.lang, approved_name=self._name(granted.name), name=name)
        elif granted.date > election:
            reason = say("approval-after-election", self.lang, date=granted.date, election_date=election)
        elif granted.expires is not None and granted.expires < election:
            reason = say("approval-expired", self.lang, expires=granted.expires, election_date=election)
        elif (
            (start := self.policy.file.effective.from_) is not None
            and granted.date < start <= election
            and of_its_round
        ):
            # Given before this round's rules were issued: the last round's approval (2003's, for its election),
            # which approved that team, not this one. One the table says runs past election day counts as it says.
            reason = say("approval-before-round", self.lang, date=granted.date, start=start)
        elif (
            (end := self.policy.file.effective.to) is not None
            and granted.date <= end < election
            and of_its_round
        ):
            # A rule set past its dates, used for a later election: an approval of its own round approved that
            # round's team (2020's, for a 2027 election, helper-72). One that runs past election day counts.
            reason = say(
                "approval-after-round", self.lang, date=granted.date, end=end, election_date=election
            )
        elif bodies and not _approved_by_one_of(granted.approved_by, bodies):
            # The notice names who approves (事先报区委组织部审核同意): the street that sends the roster in, or a
            # blank, cannot stand for it.
            key = "approval-wrong-body" if granted.approved_by else "approval-no-body"
            comma = "、" if self.lang == "zh" else ", "
            reason = say(
                key, self.lang, approved_by=self._text(granted.approved_by or ""), bodies=comma.join(bodies)
            )
        elif severity != "review":
            reason = say("approval-not-needed", self.lang)
        return self._shown_approval(granted, reason)

    def _shown_approval(self, granted: ApprovalRecord, reason: str | None) -> Approval:
        """An approval as a finding shows it: counted when there is no reason it does not."""
        return Approval(
            # The approvals table is the officer's own text: an ID number typed into it is masked as anywhere.
            # A document number holds its own dates (东组审〔2006〕0912号（2006.9.12）): only ID numbers are masked.
            reference=self._text(granted.reference),
            approved_by=self._text(granted.approved_by) if granted.approved_by else granted.approved_by,
            date=granted.date,
            expires=granted.expires,
            counted=reason is None,
            reason=reason,
            lasting=granted.lasting,
        )

    def _near(self, finding: Finding, near: ApprovalRecord, name: str) -> Finding:
        """A finding with the approval that is most likely its own though filed under another ID number or
        community: shown with why it does not count, so the officer puts the table right rather than thinks
        no approval was given. Never counted: two people may share a name, two places a name's own part."""
        if near.id_number is None:
            where = " ".join(filter(None, (near.street, near.community)))
            approved = self._name(where)
            reason = say(
                "approval-near-community",
                self.lang,
                approved_community=approved,
                community=name,
                **self.place_words,
            )
        else:
            approved_id = self._id(near.id_number)
            reason = say(
                "approval-near-name", self.lang, approved_name=self._name(near.name), approved_id=approved_id
            )
        return finding.model_copy(update={"approval": self._shown_approval(near, reason)})

    def _remark_alone(self, finding: Finding, rule: CompiledRule, table: Table | None) -> Finding:
        """A remark's warning where the roster has no column of the bar it names (no 两违 beside 备注: two-violations
        not checked): the rule's words said that column does not say yes, of a column not there. Said instead that
        the roster has none, so the remark is the only word on it."""
        available = (table.columns if table is not None else frozenset()) | self._blank_when_missing
        absent = [g for g in rule.needs if rule.hints.isdisjoint(g) and available.isdisjoint(g)]
        if not absent or "mentioned" not in finding.evidence:
            return finding
        comma = "、" if self.lang == "zh" else ", "
        column = comma.join(" | ".join(self._headed.get(c, c) for c in group) for group in absent)
        mentioned = _Display(finding.evidence, self.lang, rule.shares)["mentioned"]
        said = say("remark-column-missing", self.lang, mentioned=mentioned, column=column)
        return finding.model_copy(update={"message": said})

    def _unread_approval(self, finding: Finding, rows: list[tuple[str, int | None]]) -> Finding:
        """An open finding of someone an approvals row that could not be read was for, pointing to the row: the
        officer saw 需审批 here and the row's finding under the table, and had to connect the two (helper-89)."""
        where, line = rows[0]
        said = say("approval-row-unread", self.lang, file=self._text(where), line=str(line or "?"))
        return finding.model_copy(update={"message": finding.message + said})

    def in_places(self, err: EligibilityError) -> None:
        """The error to name the places and the communities table as the rule set heads them (a village's 村
        and 村表), where it names them: the reader that raised it knows no rule set."""
        _in_places(err, self.place_words)

    def _note_finding(self, note: Note) -> Finding:
        """A finding about a whole file or sheet (an unknown column, a sheet not read)."""
        params: dict[str, str | Term] = dict(note.params)
        if not self.show_pii:  # an ID number typed as a column's header, or in a sheet's name
            params = {k: mask_ids(v) if isinstance(v, str) else v for k, v in params.items()}
        evidence = dict(params)
        params = self.place_words | params
        suggestion = str(params.pop("suggestion", ""))
        hint = did_you_mean([suggestion] if suggestion else [])
        if (reason := note.reason) is not None:
            # Said in the message alone: the evidence holds no one language's words.
            params["why"] = reason if self.show_pii else Term(mask_ids(reason.zh), mask_ids(reason.en))
        params.update(note.terms)
        for excel, said in EXCEL_SAID.items():
            if excel in params:
                # A CSV's line under a cell over two lines: the message names the row Excel shows, as the cells
                # and the tables do; the evidence keeps the line, where --format github and SARIF place the note.
                params[said] = params[excel]
        message = say(note.message or note.key, self.lang, suggestion=hint, **params)
        return Finding(rule=note.key, severity=note.severity, message=message, evidence=_counted(evidence))

    def _problem_finding(self, problem: DataProblem) -> Finding:
        params = dict(problem.params)
        value = problem.value
        key = problem.rule
        if not self.show_pii:
            # An ID number cell, whole or not; and any ID number inside another value (a duplicate's number,
            # a relatives cell).
            value = (
                mask_id(value)
                if problem.rule.startswith("id-number")
                else mask_ids_and_births(mask_id_bytes(value))
            )
            if not self._holds_dates(problem.of):
                # A whole date where none belongs (a name, a post, a footer's 生于1964.2.8) is the birth date
                # more often than not: beside the masked number it would give it back.
                value = mask_days(value)
            params = {
                k: (self._place(v) if k in ("other_path", "other_sheet") else mask_ids(v))
                if isinstance(v, str)
                else v
                for k, v in params.items()
            }
            # A birth date beside the masked ID number would give back the digits it hides: its year only. The
            # reason is the calendar's (month must be in 1..12) or names the election day: kept whole. Among
            # them, the birth date an ID number holds, said impossible (born after election day).
            if (
                problem.rule == "birth-date-mismatch"
                or problem.of == "birth_date"
                or problem.column in _BIRTH_HEADERS
                or (problem.rule == "date-impossible" and problem.of == "id_number")
            ):
                masked = mask_birth(value)
                if "expected" in params:
                    params["expected"] = mask_birth(params["expected"])
                key = "birth-date-mismatch-masked" if problem.rule == "birth-date-mismatch" else key
                params.pop("months", None)  # 1968.* with its months would be the month it hides
                if key == "date-invalid" and masked != value:
                    key = "date-invalid-masked"  # **.* alone left the officer nothing to look for
                value = masked
            if "digits" in params:
                # The birth date an ID number holds, though no such day exists (19751301): they are the very
                # digits the masked number hides.
                params["digits"] = mask_birth(params["digits"])
        if "expected" in params and params["expected"] in ("male", "female"):
            params["expected"] = self._gender(params["expected"])
        if "damage" in params:
            params["damage"] = say(f"excel-damage-{params['damage']}", self.lang)
            if key in ("gender-mismatch", "duplicate-person"):
                key += "-excel"  # a number ending in 000: Excel's damage named as the likely cause
        if params.pop("months", None):
            key = "birth-date-mismatch-months"  # 1968.1: January or October, and the ID number says neither
        if params.get("earlier") == "blank":
            key = "election-date-not-team-blank"
        if params.pop("whole", None) == "day":
            key = "date-invalid-day"
        if key == "date-impossible" and problem.of == "id_number":
            key = "date-impossible-in-id"  # the birth date it holds, not the number: "身份证号“2006-**-**”"
        suggestion = params.pop("suggestion", "")
        shown = dict(params)
        if "other_path" in params:  # duplicate-person: where the first row is, by line when there is one
            line, row = params.get("other_line"), params.get("other_row")
            excel, sheet = params.get("other_excel_row"), params.get("other_sheet")
            shown["other_path"] = _where(params["other_path"], sheet)
            shown["place"] = (
                say("place-line-row", self.lang, line=line, row=excel)
                if line and excel
                else say("place-sheet-row", self.lang, line=line)  # a sheet has rows, not lines
                if line and sheet
                else say("place-line", self.lang, line=line)
                if line
                else say("place-row", self.lang, row=row)
            )
        hint = did_you_mean([suggestion] if suggestion else [])
        # (A duplicate's `place` is where its first row is, not the place words.)
        message = say(
            key, self.lang, column=problem.column, value=value, suggestion=hint, **(self.place_words | shown)
        )
        evidence: dict[str, Any] = {"column": problem.column, "value": value, **params}
        if problem.cell:
            evidence["cell"] = problem.cell if self.show_pii else mask_ids(problem.cell)  # a sheet's name
        if suggestion:
            evidence["suggestion"] = suggestion
        return Finding(
            rule=problem.rule, severity=problem.severity, message=message, evidence=_counted(evidence)
        )

    # ---- display ----

    def _name(self, name: str) -> str:
        """A name as shown (a person's, a street's, a community's): an ID number typed into the cell (王强
        110101…) is masked like any other."""
        if self.show_pii or not _DIGIT.search(name):
            return name
        # A street's or community's name (第1社区) is shown on every row of it: worked out once. A person's
        # name with digits is rare, and not kept, so a roster of them does not grow the store.
        shown = self._names.get(name)
        if shown is None:
            shown = mask_name(name)
            if len(self._names) < 100_000:
                # Kept by the interned string where there is one (the communities table's), not by the row's.
                name = sys.intern(name)
                self._names[name] = name if shown == name else shown
        return shown

    @overload
    def _place(self, where: str) -> str: ...
    @overload
    def _place(self, where: None) -> None: ...
    def _place(self, where: str | None) -> str | None:
        """A file's path or a sheet's name as shown: an ID number in it (名册110101….xlsx, a sheet named by one)
        masked like any other; the file on disk keeps its name."""
        if where is None or self.show_pii:
            return where
        shown = self._places.get(where)
        if shown is None:
            shown = self._places[where] = mask_ids(where)
        return shown

    def _text(self, text: str) -> str:
        """An officer's own text (an approval's reference): an ID number in it masked, its dates kept."""
        return text if self.show_pii or not _DIGIT.search(text) else mask_ids_and_births(text)

    def _holds_dates(self, column: str) -> bool:
        """Whether a column's cells are dates other than the birth date (a violation's), shown whole."""
        spec = self.policy.file.fields.get(column)
        return column == "election_date" or (spec is not None and spec.type in ("date", "dates"))

    def _id(self, number: str | None) -> str | None:
        if number is None or self.show_pii:
            return number
        return mask_id(number)

    def evidence_labels(self) -> dict[str, str]:
        """The evidence's keys in the run's language, for --explain: the rule set's facts (年龄, 计生违法日期)
        and the keys the tool itself gives (选举日, 期限起点, 单元格)."""
        labels = {name: self._fact_label(name) for name in self.policy.facts}
        labels |= {key: say(f"evidence-{key}", self.lang) for key in _EVIDENCE_KEYS}
        # A threshold is named as the rule set's parameter (参数 principal_max_age=57): a bare id read as a
        # fact of the candidate's; `eligibility rules show` describes it by that name.
        labels |= {
            name: say("evidence-parameter", self.lang, name=name)
            for name in self.policy.file.parameters
            if name not in labels
        }
        return labels

    def _fact_label(self, name: str) -> str:
        fact = self.policy.facts.get(name)
        if fact is None:
            return say("fact-candidacy", self.lang) if name == CANDIDACY else name
        return fact.zh if self.lang == "zh" else fact.en

    def _gender(self, value: str) -> str:
        return say(f"gender-{value}", self.lang)

    def _age(self, person: Candidate) -> int | None:
        """周岁 on the person's election day, where the birth date the data allows leaves it one number."""
        if person.birth is None:
            return None
        convention = self.policy.file.age_convention
        low = completed_years(person.birth[1], person.election_date, convention)
        return low if low == completed_years(person.birth[0], person.election_date, convention) else None

    def _education(self, person: Candidate) -> str | None:
        rank = person.education_rank
        return None if rank is None else self._level_label[self._level_ids[rank]]

    def _param(self, value: Any) -> Any:
        if isinstance(value, str) and value in self._level_label:
            return self._level_label[value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    def _levels_text(self, low: int, high: int) -> str:
        """An education cell's ranks in words: 初中, 初中及以下, 大专及以上."""
        label = [self._level_label[level] for level in self._level_ids]
        if low == high:
            return label[low]
        if low == 0:
            return say("level-or-below", self.lang, level=label[high])
        if high == len(label) - 1:
            return say("level-or-above", self.lang, level=label[low])
        return f"{label[low]}–{label[high]}"

    def _jsonable(self, value: Any, kind: str, key: str = "") -> Any:
        """Evidence as JSON values, in the report's language where it is a word of the vocabulary."""
        if value is None:
            return None
        if key == "birth_date" and not self.show_pii:  # beside a masked ID number, it would give it back
            shown = self._jsonable(value, kind)
            return mask_birth(shown) if isinstance(shown, str) else shown
        if kind == "level" and isinstance(value, tuple):
            return self._levels_text(*value)
        if kind == "level" and isinstance(value, int):
            return self._level_label[self._level_ids[value]]
        if kind == "choice" and value in ("male", "female"):
            return self._gender(value)
        if kind == "dates":
            return [_date_text(item) for item in value]
        if kind == "date" and isinstance(value, tuple):
            return _date_text(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, frozenset):
            labels = self._role_label if value <= self._role_label.keys() else self._body_label
            return [labels.get(item, item) for item in sorted(value)]
        if isinstance(value, tuple):
            value = list(value)
        if not self.show_pii:
            # An ID number a rule saw (relatives declared by their numbers) is masked too, and a whole date in a
            # name or a text field (王强 1961.03.02) shown by its year, as in the candidate's own row.
            if isinstance(value, str):
                return self._name(value)
            if isinstance(value, list):
                return [self._name(item) if isinstance(item, str) else item for item in value]
        return value


_DIGIT = re.compile("[0-9]")
# Words that head a column about a person or a post, which no communities table has.
_A_PERSONS_HEADER = re.compile(
    "候选|人选|姓名|名字|职务|岗位|性别|出生|年龄|学历|文化|政治面貌|身份证|民族|党龄|籍贯|单位|现任"
)
# The education cell as written, beside a rule's evidence: no placeholder can name it (it holds a space).
_WRITTEN_EDUCATION = "education as written"
# The people a team rule turns on whose rows are marked as perhaps withdrawn, each with how (see _apply).
_MARKED = "marked as withdrawn"
# The most rows marked as perhaps withdrawn in one team that are tried each way (2**N ways to judge a rule on);
# past that, a rule they leave open names those its counts could turn on.
_MARKS_WEIGHED = 8
# The notes about a workbook's sheet that was not read, said as an input of that sheet's own.
# The evidence keys the tool gives whatever the rule set (see evidence_labels).
_EVIDENCE_KEYS = ("election_date", "window_start", "cell", "column", "value", "expected", "matching", "pairs")
_OF_A_SHEET = frozenset({"sheet-skipped", "sheet-skipped-instructions", "sheet-roster-not-read"})
# A file's findings that say its candidates, or some of them, were not read (Summary.files_not_read).
_NOT_READ = frozenset({"file-unread", "sheet-roster-not-read", "file-broken-midway"})
# A birth date column's headers, however written: its dates are masked with the ID numbers (see mask_birth).
_BIRTH_HEADERS = frozenset(
    name
    for column in ROSTER_COLUMNS
    if column.name == "birth_date"
    for name in (column.name, column.zh, *column.aliases)
)


# A file's errors that say it holds no one: a blank template, a header with no rows.
_NOBODY_IN_IT = frozenset({"file-empty", "file-no-rows", "file-no-records"})


# A yes/no column blank on every row is said from this many rows: a roster of one is a test's, or one person's
# supplement, and a single blank is no pattern; from two, every row left unanswered is one (a community's team
# is some eight people, and the officer who answered for each writes 否).
BLANK_COLUMN_ROWS = 2
# Beside a rule's id among a file's skipped rules (Review._skipped): not run on its rows at all, for it cannot hold
# without a column the file leaves blank (备注). A rule id starts with a letter: this is no rule's.
NOT_RUN = "~"
# How a blank is read, as the rule file writes it, and as the message says it.
_BLANK_READ_AS = {"no": Term("否", "no")}


class _Unanswered:
    """The yes/no columns of a table whose blank reads as an answer (see Review._blank_answers) left blank on
    every row so far: one flag a column, whatever the rows, and a column answered once is asked no more. A row
    is the reader's record, or a --jobs worker's row sent back compact (the parent sees every row either way,
    so the report is the same); a cell of a further column of one meaning (两违问题 beside 两违) answers too."""

    def __init__(self, table: Table, answers: Mapping[str, tuple[str, tuple[str, ...]]]) -> None:
        self.table = table
        self.answers = answers
        order = tuple(table.header.index)
        self.pending = {name: order.index(name) for name in answers if name in table.header.index}
        self.texts: Callable[[Any], list[str]] | None = None  # how a compact row is split: workers' own

    def see(self, raw: Any) -> None:
        # Asked of every row of a table whose column stays blank: an empty cell is told apart in a comparison,
        # and only a cell holding something (a space, a zero-width one) is cleaned to tell.
        answered: list[str] | None = None
        if type(raw) is RawRecord:
            cells, also = raw.cells, raw.also
            for name in self.pending:
                value = cells.get(name)
                if (value is None or value == "" or blank_cell(value)) and not (also and name in also):
                    continue
                answered = [name] if answered is None else [*answered, name]
        else:
            if self.texts is None:
                from eligibility.workers import compact_texts

                self.texts = compact_texts
            texts = self.texts(raw)
            for name, at in self.pending.items():
                if texts[at] == "" or blank_cell(texts[at]):
                    continue
                answered = [name] if answered is None else [*answered, name]
        if answered is not None:
            for name in answered:
                del self.pending[name]

    def notes(self, rows: int, skipped: frozenset[str]) -> list[Note]:
        """A note for each column still blank on every row, naming the rules that read it (of those checked
        on this table); none for a table of too few rows."""
        if rows < BLANK_COLUMN_ROWS:
            return []
        said = []
        for name in self.pending:
            read_as, reading = self.answers[name]
            rules = [rule for rule in reading if rule not in skipped]
            if not rules:
                continue  # every rule reading it is said not checked already
            header = self.table.header.headers.get(name, name)
            # `column` as the header writes it, as a candidate's finding gives it (the 列 of the CSV and workbook
            # reports showed two_violations); the rule set's name of it is `field`.
            params = (
                ("header", header),
                ("column", header),
                ("field", name),
                ("rows", str(rows)),
                ("read_as", read_as),
                ("rules", ", ".join(rules)),
            )
            terms = (("read_as", _BLANK_READ_AS[read_as]), ("rules", listed(rules)))
            # Info, not a warning: blank is 否 by the roster contract and the template (是 / 否，空表示否), so a
            # roster filled as told is no worse for it; said so that a column never filled in is seen.
            said.append(Note("column-all-blank", "info", params, terms=terms))
        return said


# A file's note names its lines (line, lines, …) as a text editor, --format github and SARIF count them; where a
# cell over two lines above puts Excel's rows behind, it adds them (excel_row, excel_rows, …), which its message
# names, as the cells do (see Review._note_finding).
EXCEL_SAID = {
    "excel_row": "line",
    "excel_rows": "lines",
    "excel_damaged": "damaged",
    "excel_header_row": "header_line",
}
_EXCEL_OF = {said: excel for excel, said in EXCEL_SAID.items()}

# The levels of rule a candidate's not_checked names: those that bar or ask approval, whose answer a status gives.
_BARS_OR_APPROVALS = frozenset(("ineligible", "review"))

# The evidence that is a line, a row or a count: a number in the report, as a candidate's source.row and .line are,
# so a script matches a duplicate's other_row against a source's row (helper-130); the messages say them as text.
_NUMBERS = frozenset(
    (
        *("line", "excel_row", "header_line", "excel_header_row", "settings_line", "first", "last"),
        *("other_row", "other_line", "other_excel_row", "rows", "count"),
    )
)


def _counted(evidence: dict[str, Any]) -> dict[str, Any]:
    """Evidence with its lines, rows and counts as numbers (the notes and data checks carry them as text)."""
    for key in _NUMBERS.intersection(evidence):
        if isinstance(value := evidence[key], str) and value.isdigit():
            evidence[key] = int(value)
    return evidence


def _lines_said(key: str, lines: list[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """Of (line, row Excel shows) pairs, the first ten lines under `key` (3、5、9…), and the rows Excel shows
    them on beside, where those differ."""
    said: tuple[tuple[str, str], ...] = ((key, _first_ten([line for line, _ in lines])),)
    if any(line != row for line, row in lines):
        said += ((_EXCEL_OF[key], _first_ten([row for _, row in lines])),)
    return said


def _first_ten(numbers: list[int]) -> str:
    return "、".join(map(str, numbers[:10])) + ("…" if len(numbers) > 10 else "")


# A packed ID number (see pack_id: 17 digits × 11 + the check character's place in 0123456789X) is a multiple of
# 1,100 when its digits end in 00 and its check character is 0: it ends in 000. One test of an int a row.
_ENDS_IN_ZEROS = 1100
# How many of a file's posts the rule set does not know are kept to ask the other rule sets of (_posts_notes).
_POSTS_SAMPLED = 16


def _posts_unknown_in(result: bytes) -> list[str]:
    """The posts a result's role-unknown findings name, as a worker wrote it."""
    return [f["evidence"]["value"] for f in from_json(result)["findings"] if f["rule"] == "role-unknown"]


def _chosen(marked: Sequence[Member], way: int) -> list[Member]:
    """The marked people a way of counting them counts: those whose bit is set."""
    return [member for i, member in enumerate(marked) if way >> i & 1]


def _in_places(err: EligibilityError, words: Mapping[str, str | Term]) -> None:
    """The run's place words put among the error's params (see Review.in_places), its own kept."""
    err.params = {**words, **err.params}


def _unread(source: Input, err: RosterError, lang: Lang, places: Mapping[str, str | Term]) -> Note:
    """Why a file of a folder was not read, where in it (a sheet, a line) but not again which file. A file
    with no candidates in it (a blank template) leaves no one unchecked: a warning, not invalid data. Its
    places said as the rule set heads them (Review.place_words)."""
    reason = say(err.key, lang, **{**places, **err.params})
    if (where := _where_in(source, err.location, lang)) is not None:
        reason = f"{where}{reason}" if lang == "zh" else f"{where}: {reason}"
    if err.key in _NOBODY_IN_IT:
        return Note("file-no-candidates", "warning", (("reason", reason),))
    return Note("file-unread", "invalid", (("reason", reason),))


def _among(
    items: Iterable[Any], asides: list[tuple[DataProblem, RawRecord, int | None]], by_worker: bool
) -> Iterator[Any]:
    """A table's candidates' rows, as `check` judges them and `read_roster` yields them; the others kept in
    `asides`, each with what it read as and, above a header written again, that header's line.

    Rows that read as no candidate's (审核人：王五, 以上人员经审核。, 乙社区候选人名单) are held, with what they read
    as, until the next row shows what they are: above the header written again, a table's title or footer; under
    the table, its footer if of a footer's words; else, amid the rows or under them, perhaps a candidate written
    wrong (a date alone, 待补), a candidate's row as ever. A total (小计) is none wherever it is."""
    held: list[tuple[RawRecord, Any, DataProblem]] = []
    for item in items:
        raw = item[2] if by_worker else item  # a worker's row: (result, ID number, the row, team)
        aside = footer_of(raw)
        if aside is not None:
            if is_total(aside.value):
                asides.append((aside, raw, None))
            else:
                held.append((raw, item, aside))
            continue
        if held and isinstance(raw, RawRecord) and raw.header_above is not None:
            # Above the header written again: the title of the table under it or the footer of the one above.
            asides.extend((said, r, raw.header_above) for r, _, said in held)
            held.clear()
        for _, earlier, _ in held:
            yield earlier
        held.clear()
        yield item
    for raw, item, aside in held:
        if has_footer_words(aside.value):
            asides.append((aside, raw, None))
        else:
            yield item


def _until_broken(items: Iterable[Any], broken: list[RosterError]) -> Iterator[Any]:
    """A folder's table's rows, up to where the file cannot be read further, its error kept in `broken`. (A file
    named on its own is the one the officer meant: its error stops the run, and it is not asked here.)"""
    try:
        yield from items
    except RosterError as err:
        broken.append(err)


def _where_in(source: Input, location: Location | None, lang: Lang) -> str | None:
    """Where in a file a problem is, in words (工作表“候选人”第 3 行：, sheet '候选人', line 3), the file
    itself being named already: "1:" read as part of the reason."""
    if location is None:
        return None
    path = location.path or ""
    sheet = path[len(source.shown) :].lstrip("#") if path.startswith(source.shown) else ""
    line = location.line
    if lang == "zh":
        said = (f"工作表“{sheet}”" if sheet else "") + (f"第 {line} 行" if line is not None else "")
        return f"{said}：" if said else None
    parts = [*([f"sheet {sheet!r}"] if sheet else []), *([f"line {line}"] if line is not None else [])]
    return ", ".join(parts) or None


def _approved_by_one_of(approved_by: str | None, bodies: tuple[str, ...]) -> bool:
    """Whether an approval's 审批单位 names one of the bodies a rule names as the one that approved: 中共东湖区委
    员会组织部, 區委組織部, 区委组织部干部科, 区委组织部（盖章）, 区委组织部东组审〔2006〕12号, a joint 区委组织部、区
    民政局 — whatever its width, spacing or traditional characters. Not a body it was reported to (东湖街道党工委
    报请区委组织部, 东湖街道党工委（已报区委组织部）), nor one that said no (区委组织部（未同意）)."""
    if not approved_by or REFUSED.search(approved_by):
        return False
    unbracketed = _BRACKETED.sub(" ", approved_by)
    whole = _body_name(unbracketed)
    if any((at := whole.find(_body_name(body))) >= 0 and _REPORTED_TO.search(whole[:at]) for body in bodies):
        return False  # 东湖街道党工委 报 区委组织部: reported to it, however spaced
    # Whole first (东湖区委 组织部, spaced as typed), then body by body.
    for part in (unbracketed, *_JOINT.split(unbracketed)):
        written = _body_name(part)
        for body in map(_body_name, bodies):
            at = written.find(body)
            while at > 0 and body[0] == "区" and written[at - 1] in _NOT_A_DISTRICT:
                at = written.find(body, at + 1)  # 青松社区委员会 is no 区委 (helper-61)
            if at < 0 or _REPORTED_TO.search(written[:at]):
                continue
            if not _ANOTHER_BODY.search(written[at + len(body) :]):
                return True
    return False


def _body_name(text: str) -> str:
    """A body's name as compared: NFKC, no spaces, simplified, 区委员会组织部 and 区组织部 as 区委组织部, 区人民政府
    as 区政府."""
    text = "".join(unicodedata.normalize("NFKC", text).split()).translate(_SIMPLIFIED)
    text = text.replace("委员会组织部", "委组织部").replace("人民政府", "政府")
    return _SHORT_BODY.sub(r"\1委组织部", text)


# Before 区, a word that makes it no district (社区, 小区, 园区, 片区, 街区, 景区, 辖区, 校区): 社区委员会 holds 区委.
_NOT_A_DISTRICT = frozenset("社小园片街景辖校")
_SIMPLIFIED = str.maketrans("區縣組織員會黨鎮級審批準", "区县组织员会党镇级审批准")
_BRACKETED = re.compile(r"[（(【\[〔][^）)】\]〕]*[）)】\]〕]")
# Bodies written side by side, one approval from each: 区委组织部、区民政局.
_JOINT = re.compile(r"[、，,；;/\s]+")
_SHORT_BODY = re.compile(r"(区|县|市|旗)组织部")
# Before the body's name: the approval went to it, not from it (报请, 上报, 呈, 提交, →).
_REPORTED_TO = re.compile(r"报|呈|送|提交|→|->")
# After it, a section of it, a date, a reference, 同意 or a stamp are its own; another body (区民政局) is not.
_ANOTHER_BODY = re.compile(r"委|局|政府|办事处|街道|党工委|人大|政协|报")


class _Copies:
    """Files of a run with the very same bytes as one before them: a roster saved twice into the folder (名册.csv
    and 名册(1).csv), or piped on standard input besides. Each of its rows was a duplicate-person, invalid, and the
    run failed on a copy. Only files of one size with another are read for it, so a folder of files all of
    different sizes costs nothing."""

    def __init__(self, sources: list[Input]) -> None:
        self._size = {id(s): size for s in sources if (size := _size(s))}
        self._sizes = Counter(self._size.values())
        self._first: dict[tuple[int, bytes], str] = {}

    def of(self, source: Input) -> Note | None:
        size = self._size.get(id(source))
        if size is None or self._sizes[size] < 2:
            return None
        try:
            if source.data is not None:
                digest = hashlib.blake2b(source.data).digest()
            else:
                assert source.path is not None
                with source.path.open("rb") as file:
                    digest = hashlib.file_digest(file, "blake2b").digest()
        except OSError:
            return None  # not readable: said as such when it is opened
        first = self._first.setdefault((size, digest), source.shown)
        return Note("file-copy-of", "warning", (("first", first),)) if first != source.shown else None


def _size(source: Input) -> int | None:
    """A file's size in bytes (standard input's, read already); None for a folder or a file not there."""
    if source.data is not None:
        return len(source.data)
    try:
        return source.path.stat().st_size if source.path is not None and source.path.is_file() else None
    except OSError:
        return None


def _rule_file(source: Input) -> Note | None:
    """A rule file met in a folder of rosters (often the very one given with --rules): set aside with a note."""
    if source.format != "yaml":
        return None
    head = read_bytes(source, limit=1 << 16).decode("utf-8", errors="replace")
    return Note("file-skipped-rules", "info") if _TOP_KEY.search(head) else None


def _a_note(source: Input, err: RosterError) -> Note | None:
    """A .txt of a folder that is no table of candidates (说明.txt, a list of what was sent): noted, not failed. One
    that names a roster's columns (Excel's "Unicode 文本" of a roster missing one) is a roster not read. A .txt of
    candidates had been passed over without a word, and the run passed (helper-55)."""
    if source.path is None or err.key != "column-missing":
        return None
    if source.path.suffix.lower() != ".txt" and not without_extension(source.path):
        return None
    head = read_bytes(source, limit=1 << 16)
    text = next((head.decode(c, "ignore") for c in ("utf-8", "utf-16", "gb18030") if decodes(head, c)), "")
    if any(word in text for word in ("姓名", "身份证", "拟任")):
        return None
    return Note("file-skipped-text", "info")


def _report_file(source: Input) -> Note | None:
    """A report this tool wrote as SARIF (results.sarif.json) met in a folder of rosters: set aside, as its JSON
    report is (a table read with a report's headers, see is_report); read as a roster, it failed the next run."""
    if source.format != "json":
        return None
    return Note("file-skipped-report", "info") if our_report(read_bytes(source, limit=512)) else None


# A YAML file's top-level keys, as a rule file has them (rules:, extends:) and no roster does.
_TOP_KEY = re.compile(r"^(rules|extends):", re.MULTILINE)
# The headers of a report's tables (CSV, or the workbook's sheets) in both languages: a verdict's columns, with two
# or more of the columns only a report has (where each row is from, the codes, the clause). A roster an officer
# annotated with 等级, 规则 and 审查意见 was set aside as a report, and its ineligible candidates passed (helper-70);
# a report with one of its place columns deleted by hand was still a report (helper-71).
_REPORT_VERDICTS = tuple(
    frozenset(say(key, lang) for key in keys)
    for keys in (
        ("label-status", "label-findings", "label-rules"),
        ("label-rule", "label-severity", "label-message"),
    )
    for lang in ("zh", "en")
)
_REPORT_ONLY = frozenset(
    say(f"label-{key}", lang)
    for key in ("path", "row", "line", "scope-code", "status-code", "severity-code", "document", "clause")
    for lang in ("zh", "en")
)
# The JSON report's candidates, under their own keys.
_JSON_REPORT = frozenset({"source", "status", "findings"})


def is_report(table: Table) -> bool:
    """Whether a table is a report this tool wrote: its unknown headers hold a report table's own."""
    unknown = set(table.header.unknown)
    if unknown >= _JSON_REPORT and table.header.headers.get("name") == "name":
        # Its own keys beside a name written as the report writes it: a roster's 姓名 with a 来源 exported as
        # source, 拟提名 under status, was set aside as a report, its candidates unchecked (helper-88).
        return True
    return any(headers <= unknown for headers in _REPORT_VERDICTS) and len(unknown & _REPORT_ONLY) >= 2


def _source_of(raw: Any, table: Table) -> RowSource:
    """Where a row a worker sent back came from: whole, or (row, line, cells[, row in Excel]) when sent compact."""
    if isinstance(raw, tuple):
        return RowSource(table.path, raw[0], raw[1], table.sheet, excel_row=raw[3] if len(raw) > 3 else None)
    return raw.source  # type: ignore[no-any-return]


def _line_of(raw: Any) -> int | None:
    """The last line of a row a worker sent back, whole or compact (see _source_of; a compact row is on one)."""
    return raw[1] if isinstance(raw, tuple) else raw.source.end or raw.source.line  # type: ignore[no-any-return]


def _vague_days(evidence: Evidence, kinds: dict[str, str], unknown: list[str]) -> list[str]:
    """The dates, written to the month or the year only, that left a rule undecided (2018年1月, where the window
    opens on 2018-01-20), as a month (2018-01) or a year: the one unknown, said as what to write more precisely
    rather than as not known at all (helper-64)."""
    if len(unknown) != 1 or kinds.get(unknown[0]) not in ("date", "dates"):
        return []
    value = evidence.get(unknown[0])
    days = [value] if kinds[unknown[0]] == "date" else list(value or ())
    vague = []
    for day in days:
        if not (isinstance(day, tuple) and len(day) == 2 and all(isinstance(d, dt.date) for d in day)):
            return []  # a date not read at all: not known, as said
        low, high = day
        if low == high:
            continue
        if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
            vague.append(f"{low.year}")
        elif low.day == 1 and (low.year, low.month) == (high.year, high.month):
            vague.append(f"{low.year}-{low.month:02d}")
        else:
            return []
    return vague


def _date_text(value: tuple[dt.date, dt.date]) -> str:
    low, high = value
    return low.isoformat() if low == high else f"{low.isoformat()}/{high.isoformat()}"


# A clean result's sex and the key of its age, written as pydantic writes them (see _clean_json).
_JSON_GENDER = {
    None: b',"gender":null,"age":',
    "male": b',"gender":"male","age":',
    "female": b',"gender":"female","age":',
}


def _note_behind(steps: list[tuple[int, int]], row: int, behind: int) -> None:
    """Notes how far a file's rows stand behind its lines from data row `row` on, where that has changed."""
    if not steps or steps[-1][1] != behind:
        steps.append((row, behind))


def _behind(steps: list[tuple[int, int]] | None, row: int) -> int:
    """How far data row `row` stands behind its line, by the steps _note_behind noted (0 above the first)."""
    at = bisect.bisect_right(steps, (row, float("inf"))) - 1 if steps else -1
    return steps[at][1] if steps and at >= 0 else 0


def _number_and_name(person: Candidate) -> str:
    """Who a member is where the ID number alone cannot say (a number itself wrong, or one Excel cut to another's):
    the number with the name. Never an ID number's text: the unit separator is no character a cell keeps."""
    return f"\x1f{person.id_number}\x1f{person.name}"


def _where(path: str, sheet: str | None) -> str:
    """A file, or one worksheet of a workbook: what a team's rows came from, what a note is said on."""
    return f"{path}#{sheet}" if sheet else path


def rule_title(rule: CompiledRule, policy: Policy, lang: Lang) -> str:
    """A rule's title with its parameters' values (超过{principal_max_age}周岁: 超过57周岁, or 60 with --set)."""
    labels = {
        level.id: level.zh if lang == "zh" else level.en for level in policy.file.vocabularies.education
    }
    values = {
        name: value.isoformat()
        if isinstance(value, dt.date)
        else labels.get(value, value)
        if isinstance(value, str)
        else value
        for name, value in rule.params.items()
    }
    return rule.rule.title(lang).format_map(_Display(values, lang, rule.shares))


class _Display(dict[str, Any]):
    """Evidence as message words: lists joined, yes/no in words, shares as percentages; a missing name stays
    visible as {name}."""

    def __init__(self, values: dict[str, Any], lang: Lang, shares: frozenset[str]) -> None:
        super().__init__(values)
        self.lang = lang
        self.shares = shares

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, list):
            if not value:
                return "无" if self.lang == "zh" else "none"
            if key == "mentioned":
                # The words a remark was found to write, each quoted, no 顿号 between quoted terms (GB/T 15834):
                # “党内警告”“处分”, where “党内警告、处分” looked like a quote of the cell an officer could not find
                # in it (helper-124).
                if self.lang == "zh":
                    return "".join(f"“{v}”" for v in value)
                return ", ".join(f'"{v}"' for v in value)
            return ("、" if self.lang == "zh" else ", ").join(str(v) for v in value)
        if isinstance(value, bool):
            return ("是" if value else "否") if self.lang == "zh" else ("yes" if value else "no")
        if value is None:
            return "?"
        if isinstance(value, float):
            # A share of a team is a percentage (0.5: 50%); any other decimal, as 党龄 2.5, is that number.
            # 2年7个月 read as 2.5833…: said to two places, as a person would write it.
            return f"{value:.0%}" if key in self.shares else f"{round(value, 2):g}"
        if isinstance(value, str) and key in self.shares and "–" in value:
            # A share known only as a span (0.0–0.5, posts not all read) is percentages too (helper-61).
            low, _, high = value.partition("–")
            return f"{float(low):.0%}–{float(high):.0%}"
        return value

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
