"""The Report: the single result of a check, which every output format reads and none recomputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1

Severity = Literal["invalid", "ineligible", "review", "warning", "info"]
Status = Literal["invalid", "ineligible", "review", "eligible"]
FailOn = Literal["warning", "review", "ineligible", "never"]

# Worst first. A candidate's status is the worst open finding; warnings and info never change it.
SEVERITY_ORDER: tuple[Severity, ...] = ("invalid", "ineligible", "review", "warning", "info")
STATUS_OF: dict[str, Status] = {"invalid": "invalid", "ineligible": "ineligible", "review": "review"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Source(_Frozen):
    """Where a candidate's data came from."""

    path: str
    row: int = Field(description="data row, counted from 1 in its file, or in its sheet of a workbook")
    line: int | None = Field(
        default=None, description="physical line (CSV; in YAML, where the record starts) or sheet row"
    )
    # The contract's source is {path, row, line}; `sheet` appears only where there is one.
    sheet: str | None = Field(
        default=None, description="the worksheet, for a workbook", exclude_if=lambda value: value is None
    )
    # A header or a cell above written over two lines (出生年月 Alt+Enter （年龄）) puts every CSV row below it a
    # row higher in Excel than in the file: an officer opening the file in Excel looks for this row, as the
    # findings' cells (D5) already name it.
    excel_row: int | None = Field(
        default=None,
        description="the row Excel shows a CSV/TSV record on, where it is not its line (a cell with a line break "
        "above it)",
        exclude_if=lambda value: value is None,
    )

    @property
    def shown_row(self) -> int:
        """The row number an officer looks for: the row Excel shows, the line, or the data row of a YAML record."""
        return self.excel_row or self.line or self.row


class Clause(_Frozen):
    """The document, clause and quoted words a rule comes from."""

    document: str
    clause: str
    quote: str


class Approval(_Frozen):
    """A prior approval matched to a finding; `counted` says whether it turns the finding approved, and why not."""

    reference: str
    approved_by: str | None = None
    date: dt.date
    expires: dt.date | None = None
    counted: bool
    reason: str | None = None
    lasting: bool = Field(
        default=False,
        description="有效期至 written 长期有效, 永久 or 无限期: no end day, and running past election day (where "
        "`expires` is null for a blank one too)",
    )


class Finding(_Frozen):
    """One thing a rule (or the data check) found about a candidate or a team."""

    rule: str
    severity: Severity
    message: str
    evidence: dict[str, Any] = Field(
        default={},
        description="the facts the rule saw, by name. A duplicate-person names the row it repeats as a candidate's "
        "source does: other_path, other_sheet (a workbook), other_row (data row), other_line (where the file has "
        "lines) and other_excel_row (where Excel shows it on another row than its line). Lines, rows and counts "
        "(line, excel_row, header_line, rows, count, …) are numbers, as a source's row and line are",
    )
    approval: Approval | None = None
    source: Clause | None = None
    approvable: bool = Field(
        default=True,
        description="false for a review finding of a rule no approval lifts (approvable: false in the rule file): "
        "a fact to put right, shown as 待核实 (to verify), not 需审批",
        exclude_if=lambda value: value,
    )

    @property
    def is_open(self) -> bool:
        """Counts towards status and exit code: not approved by a counted approval."""
        return self.approval is None or not self.approval.counted


class CandidateResult(_Frozen):
    """One roster row with its verdict."""

    source: Source
    name: str
    id_number: str | None
    street: str
    community: str
    roles: list[str]
    role_ids: list[str] = Field(
        default=[],
        description="the roles as the rule set's ids (party_secretary), the same in every language, in the order of "
        "roles",
    )
    # What an officer sorts and filters the candidates by in the spreadsheets (性别, 周岁, 文化程度), worked out
    # here: no format computes anything.
    gender: Literal["male", "female"] | None = Field(
        default=None,
        description="male or female, as the ID number says (the 性别 cell without one); null when unknown",
    )
    age: int | None = Field(
        default=None,
        description="周岁 on the candidate's election day, as the rule set counts it; null when unknown, or when a "
        "birth date without its day leaves it one of two",
    )
    education: str | None = Field(
        default=None,
        description="the education level the cell counts as, as the report's language names it; null when unknown "
        "or written as a span (初中及以下)",
    )
    education_id: str | None = Field(
        default=None,
        description="the same level by the rule set's id (upper_secondary), whatever the language: a script "
        "counts by it as by role_ids",
    )
    status: Status
    # A review that asks no approval, only a fact found out or put right (待核实, see only_to_verify): the tables
    # and the summary say it apart, and a script counting statuses by street could not (helper-108).
    to_verify: bool = Field(
        default=False,
        description="status review, and every open review finding is one to verify (待核实: a rule that could "
        "not decide, or one no approval lifts), not a prior approval to seek; left out when false",
        exclude_if=lambda value: not value,
    )
    findings: list[Finding]
    passed: list[str] | None = Field(
        default=None,
        description="with --explain: the rules checked for this candidate that found nothing",
        exclude_if=lambda value: value is None,
    )
    not_checked: list[str] = Field(
        default=[],
        description="the rules that bar (ineligible) or ask approval (review) which a column missing from this "
        "candidate's file left undecided for them, each also in the report's not_checked: their status does not "
        "answer them. Left out when none",
        exclude_if=lambda value: not value,
    )


class Profile(_Frozen):
    """The make-up of a team's members: how many in each age band and at each education level."""

    members: int
    ages: dict[str, int] = Field(description="age band (周岁 on election day) -> members; '?' when unknown")
    education: dict[str, int] = Field(
        description="education level as the report's language names it, lowest first -> members; '?' when unknown"
    )
    education_ids: dict[str, int] = Field(
        default_factory=dict,
        description="the same by the rule set's id of each level (junior_middle), whatever the language",
    )


class TeamResult(_Frozen):
    """The two committees of one community with the team rules' findings."""

    street: str
    community: str
    findings: list[Finding]
    profile: Profile | None = None
    election_date: dt.date | None = Field(
        default=None, description="the day the team votes on, which every age and window was counted to"
    )
    # Left out where the street is written one way, as for nearly every team.
    streets_written: list[str] = Field(
        default=[],
        description="where its rows write its street several ways that are one street, joined into this team "
        "(东湖街道, 东湖街道党工委; see its street-written-apart finding): each way as written, its street first. Its "
        "candidates are those of its community under any of them",
        exclude_if=lambda value: not value,
    )
    # Written on every team, as a candidate's status is: a script picks the teams to act on by it without
    # weighing their findings and approvals again (helper-130).
    worst: Severity | None = Field(
        default=None,
        description="the severity of the team's worst open finding (one no counted approval lifts), as "
        "summary.teams_by_worst counts it; null when none is open",
    )


class RuleFileNote(_Frozen):
    """A slip in the rule file that leaves it usable (a dated value no election of its period uses), at its line:
    what `rules validate` says as a warning. Never a finding: it changes no status and fails no run."""

    rule: str = Field(description="what kind of slip, by its id (ruleset-param-value-dead)")
    message: str
    path: str = Field(description="the rule file, as the run names it")
    line: int | None = None
    column: int | None = None


class PlaceHeaders(_Frozen):
    """How the rule set heads its two place columns, as its template and rosters do: a community's 街道 and
    社区, a village's 乡镇 and 村."""

    street: str = Field(default="街道", description="the street column's header (乡镇 for villages)")
    community: str = Field(default="社区", description="the community column's header (村 for villages)")


class RuleSetInfo(_Frozen):
    """Which rule set was applied, exactly."""

    name: str
    version: str
    sha256: str = Field(description="of the rule file, or of the chain of files it extends")
    extends: list[str] = Field(default=[], description="the rule sets this one builds on, nearest first")
    overrides: dict[str, Any] = Field(default={}, description="parameters set on the command line (--set)")
    # So that a report formatted by the library, not the command line, heads a village's place columns 乡镇 and
    # 村 too: the Chinese reports' place columns and their words for the communities table go by these.
    places: PlaceHeaders = Field(
        default_factory=PlaceHeaders,
        description="the rule set's headers of the place columns, which the Chinese reports head them by (and "
        "name the communities table by: 社区表, a village's 村表); a report without them is a community's",
    )
    # Left out where there are none, as for nearly every run.
    warnings: list[RuleFileNote] = Field(
        default=[],
        description="the rule file's warnings, each at its line: slips that leave it usable, said on standard "
        "error by the commands that load it; none fails a run",
        exclude_if=lambda value: not value,
    )


class RuleInfo(_Frozen):
    """A rule of the rule set that was applied, as reports list it."""

    id: str
    title: str
    severity: str
    scope: str
    source: Clause


class Summary(_Frozen):
    """How many candidates ended in each status."""

    candidates: int
    eligible: int
    review: int
    ineligible: int
    invalid: int
    to_verify: int = Field(
        default=0,
        description="of `review`, the candidates whose every open review finding could not decide (a post or a "
        "birth date not read): facts to find out (待核实), not an approval to seek",
    )
    warnings: int = Field(
        default=0,
        description="candidates with an open warning finding, whatever their status: what fails a run at "
        "--fail-on warning when the candidates themselves were streamed",
    )
    invalid_ineligible: int = Field(
        default=0,
        description="of `invalid`, the candidates with an open ineligible finding besides (which may rest on the "
        "data in dispute): counted invalid, the worse status, not ineligible",
    )
    files_not_read: int = Field(
        default=0,
        description="roster files or sheets that could not be read, or not to their end: the candidates not read "
        "are in no count above (each input's findings say why)",
    )
    teams_by_worst: dict[Severity, int] = Field(
        default_factory=dict,
        description="teams by the level of their worst open finding (teams with none are not counted): what fails "
        "a run at that level when the teams themselves went to check(on_team=…)",
    )


class NotChecked(_Frozen):
    """A rule that could not run on a roster file because a column it needs is absent.

    Unknown is not a pass: `severity` is the rule's own, and the run fails at it as at an open finding of the
    rule's (a roster without the columns that bar candidates fails at --fail-on ineligible).
    """

    rule: str
    severity: Severity
    path: str
    sheet: str | None = Field(default=None, description="the worksheet of a workbook that lacks the columns")
    missing: list[str]
    headers: list[str] = Field(
        default_factory=list,
        description="the missing columns as a roster or communities table heads them (被剥夺政治权利), in order",
    )
    missing_from: Literal["roster", "communities"] = Field(
        default="roster",
        description="where the columns were looked for: the roster file or the communities file",
    )
    in_unread_rows: bool = Field(
        default=False,
        description="the communities file writes these columns, but in rows that could not be read "
        "(each a settings-row-unread finding)",
    )

    @property
    def where(self) -> str:
        """The file, and its worksheet, as the list of files read names it (名册.xlsx#西社区)."""
        return f"{self.path}#{self.sheet}" if self.sheet else self.path


class InputFile(_Frozen):
    """One file (or worksheet) that was read: how, how many data rows, and what was noticed about it."""

    path: str
    sheet: str | None = None
    format: str
    encoding: str | None = Field(default=None, description="the text encoding used (detected or given)")
    header_line: int | None = Field(default=None, description="line or sheet row of the header")
    rows: int = Field(description="data rows read; every one is a candidate of the report")
    findings: list[Finding] = Field(default=[], description="unknown or doubled columns, sheets not read")
    table: Literal["communities", "approvals"] | None = Field(
        default=None,
        description="a supporting table (--communities, --approvals) whose own findings these are: its rows are "
        "settings, not candidates",
    )


def _contract(schema: dict[str, Any]) -> None:
    """The report's schema as the contract reads: a reader tells version 1 by its schema_version, always written
    (a default would leave it optional), and the schema names its own dialect."""
    schema["required"] = ["schema_version", *schema.get("required", [])]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"


class Report(_Frozen):
    """Everything a check found; schema_version 1 of the JSON contract."""

    model_config = ConfigDict(frozen=True, json_schema_extra=_contract)

    schema_version: Literal[1] = SCHEMA_VERSION
    tool: str
    ruleset: RuleSetInfo
    election_date: dt.date
    summary: Summary
    candidates: list[CandidateResult]
    teams: list[TeamResult]
    not_checked: list[NotChecked] = []
    inputs: list[InputFile] = []
    rules: list[RuleInfo] = Field(default=[], description="every rule of the rule set, in its order")


def json_bytes(model: BaseModel) -> bytes:
    """A result as compact JSON, as model_dump_json writes it, but as bytes straight from pydantic-core's
    serialiser: a million rows are spared making each a str and encoding it again (1.5 µs a row)."""
    return model.__pydantic_serializer__.to_json(model)


def status_of(findings: list[Finding]) -> Status:
    worst: Status = "eligible"
    for finding in findings:
        if not finding.is_open:
            continue
        status = STATUS_OF.get(finding.severity)
        if status == "invalid":
            return "invalid"
        if status == "ineligible" or (status == "review" and worst == "eligible"):
            worst = status
    return worst


def summarise(candidates: list[CandidateResult], teams: Iterable[TeamResult] = ()) -> Summary:
    statuses = [c.status for c in candidates]
    marked = [marks(c.findings) for c in candidates]
    worst = [w for w in (worst_open(t.findings) for t in teams) if w < NOTHING_OPEN]
    return Summary(
        teams_by_worst={level: worst.count(i) for i, level in enumerate(SEVERITY_ORDER) if i in worst},
        candidates=len(statuses),
        eligible=statuses.count("eligible"),
        review=statuses.count("review"),
        ineligible=statuses.count("ineligible"),
        invalid=statuses.count("invalid"),
        to_verify=sum(1 for m, s in zip(marked, statuses, strict=True) if m & TO_VERIFY and s == "review"),
        warnings=sum(1 for m in marked if m & WARNED),
        invalid_ineligible=sum(
            1 for m, s in zip(marked, statuses, strict=True) if m & BARRED and s == "invalid"
        ),
    )


def to_verify(finding: Finding) -> bool:
    """A review finding of a rule that could not decide, or of one no approval lifts: a fact to find out or put
    right, not an approval to seek."""
    return finding.severity == "review" and (not finding.approvable or bool(finding.evidence.get("unknown")))


def only_to_verify(findings: Iterable[Finding]) -> bool:
    """Whether every open review finding is one to verify (and there is one): a review that is 待核实, not
    需事先审批 (helper-64)."""
    open_review = [f for f in findings if f.severity == "review" and f.is_open]
    return bool(open_review) and all(to_verify(f) for f in open_review)


# What a summary counts of a candidate beside its status (Serialised.marks): an open warning; a review only to
# verify; an open ineligible finding (of an invalid candidate, whose status hides it).
WARNED = 1
TO_VERIFY = 2
BARRED = 4


def marks(findings: list[Finding]) -> int:
    if not findings:
        return 0
    warned = WARNED if any(f.severity == "warning" and f.is_open for f in findings) else 0
    return warned | (BARRED if _bars(findings) else 0) | (TO_VERIFY if only_to_verify(findings) else 0)


def _bars(findings: list[Finding]) -> bool:
    # Open: an ineligible finding is never approved (an approval of one is shown, not counted), but said so here
    # too. One undecided is review, not ineligible: a bar not read is no bar.
    return any(f.severity == "ineligible" and f.is_open for f in findings)


def is_barred(result: CandidateResult | Serialised) -> bool:
    """Whether a candidate's own findings say they cannot be nominated: an open ineligible finding, whatever
    else the row has (an invalid ID number beside 两违 是 is still barred by 两违)."""
    if isinstance(result, Serialised):
        return bool(result.marks & BARRED)
    return _bars(result.findings)


# worst_open of a result with no open finding.
NOTHING_OPEN = len(SEVERITY_ORDER)


def worst_open(findings: Iterable[Finding]) -> int:
    """The place in SEVERITY_ORDER of the worst open finding; past the end when none is open."""
    return min((SEVERITY_ORDER.index(f.severity) for f in findings if f.is_open), default=NOTHING_OPEN)


class Serialised(NamedTuple):
    """A candidate's or a team's result as its JSON, with what a run needs to know of it without reading it back
    (a team has no status of its own: it is given as eligible)."""

    json: bytes
    status: Status
    worst: int  # see worst_open
    marks: int = 0  # see marks


def fails_at(worst: int, fail_on: FailOn) -> bool:
    return fail_on != "never" and worst <= SEVERITY_ORDER.index(fail_on)


def findings_fail(findings: Iterable[Finding], fail_on: FailOn) -> bool:
    """Whether one candidate's or one team's findings hold an open one at or above `fail_on`."""
    _check_level(fail_on)
    return fails_at(worst_open(findings), fail_on)


def _check_level(fail_on: object) -> None:
    if fail_on not in ("warning", "review", "ineligible", "never"):
        from eligibility.errors import OptionError  # only for the error: the report's models import no more

        raise OptionError("option-fail-on", value=fail_on)


def fails(report: Report, fail_on: FailOn) -> bool:
    """Whether the report holds an open finding at or above `fail_on`, as the command line's exit code 1 says;
    invalid data fails at every level but never. A report whose candidates went to `check(on_candidate=…)`
    holds none of them, but its summary counts their statuses, and those with an open warning."""
    _check_level(fail_on)
    findings = [f for c in report.candidates for f in c.findings]
    findings += [f for t in report.teams for f in t.findings]
    findings += [f for i in report.inputs for f in i.findings]
    worst_not_checked = min(
        (SEVERITY_ORDER.index(n.severity) for n in report.not_checked), default=len(SEVERITY_ORDER)
    )
    counted = report.summary.model_dump()
    worst_status = min(
        (SEVERITY_ORDER.index(s) for s in ("invalid", "ineligible", "review") if counted[s]),
        default=len(SEVERITY_ORDER),
    )
    if counted["warnings"]:
        worst_status = min(worst_status, SEVERITY_ORDER.index("warning"))
    # Teams streamed to on_team are in no list here: their worst findings were counted (helper-94).
    teams = report.summary.teams_by_worst
    worst_status = min([worst_status, *(SEVERITY_ORDER.index(level) for level, n in teams.items() if n)])
    return fails_at(min(worst_open(findings), worst_not_checked, worst_status), fail_on)
