"""What several formatters share: labels in the reader's language, flat finding rows, safe spreadsheet cells."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from eligibility.formatters.interface import Options
from eligibility.messages import Lang, Term, place_terms, plural, say
from eligibility.report import (
    SEVERITY_ORDER,
    CandidateResult,
    FailOn,
    Finding,
    InputFile,
    NotChecked,
    Report,
    RuleFileNote,
    TeamResult,
    only_to_verify,
    to_verify,
)

# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NO_PLACES: Mapping[str, str] = {}  # the place columns headed by their labels, 街道 and 社区


def places_of(report: Report, options: Options) -> Mapping[str, str]:
    """The place columns' Chinese headers: the options' where given, else the report's rule set's, so that a
    village's report formatted by the library heads them 乡镇 and 村 as the command line's does."""
    return options.places or report.ruleset.places.model_dump()


def starts_formula(value: str) -> bool:
    """Whether a spreadsheet would read this text, typed into a cell, as a formula."""
    return value.startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """Text that a spreadsheet opening a CSV file shows as text: a leading quote before anything that would start
    a formula. (A workbook stores such text as it is, marked as text; see formatters/xlsx.py.)"""
    return "'" + value if starts_formula(value) else value


def row_said(finding: Finding) -> str | None:
    """The row a file's finding is about (a footer's, a community left blank), as an officer finds it: the row
    Excel shows where the finding says one (a CSV under a cell over two lines), else its line."""
    said = finding.evidence.get("excel_row") or finding.evidence.get("line")
    return str(said) if isinstance(said, int | str) else None


def status_label(status: str, lang: Lang, findings: list[Finding] | None = None) -> str:
    """A status in words; a candidate's review that only asks for facts to be found out (every open review
    finding could not decide) is 待核实, not 需事先审批: no approval answers it (helper-64)."""
    if status == "review" and findings is not None and only_to_verify(findings):
        return say("status-unknown", lang)
    return say(f"status-{status}", lang)


def severity_label(finding: Finding, lang: Lang) -> str:
    if finding.approval is not None and finding.approval.counted:
        return say("approved", lang)
    if to_verify(finding):
        return say("severity-unknown", lang)
    return say(f"severity-{finding.severity}", lang)


def amended_text(finding: Finding, lang: Lang) -> str:
    """The parameters of a finding that a document other than the quoted one set, and which: the clause says 57,
    the district's notice 55 (principal_max_age=55 按 东湖区…通知 改定); empty when none."""
    amended = finding.evidence.get("amended_by")
    if not isinstance(amended, dict):
        return ""
    by: dict[str, list[str]] = {}
    for name, document in amended.items():
        by.setdefault(str(document), []).append(f"{name}={finding.evidence.get(name)}")
    separator = "；" if lang == "zh" else "; "
    return separator.join(
        say("source-amended", lang, parameters=", ".join(names), by=document)
        for document, names in by.items()
    )


def missing_columns(missing: NotChecked, lang: Lang) -> str:
    """The columns a rule went without, as the officer heads them and as the rules name them: 被剥夺政治权利
    （political_rights_deprived）."""
    return ("、" if lang == "zh" else ", ").join(
        f"{header}（{name}）" if lang == "zh" else f"{header} ({name})"
        for header, name in zip(missing.headers or missing.missing, missing.missing, strict=True)
    )


def summary_line(report: Report, lang: Lang) -> str:
    """The counts of the report, and how many rules were not checked: a roster without the 两违 column reads
    符合条件 for everyone, which holds only of the rules that were checked."""
    team_findings = sum(len(t.findings) for t in report.teams)
    # 需事先审批 5 read as five approvals to seek, where some wait on a fact to find out (helper-66).
    to_verify = report.summary.to_verify
    verify = say("summary-to-verify", lang, to_verify=to_verify) if to_verify else ""
    barred = report.summary.invalid_ineligible
    also = say("summary-invalid-ineligible", lang, barred=barred) if barred else ""
    counts = report.summary.model_dump()
    line = say(
        "summary",
        lang,
        **counts,
        verify=verify,
        barred=also,
        team_findings=team_findings,
        # English agrees with its counts: 1 candidate, 1 needs approval, 1 team finding (helper-79).
        candidates_word="candidate" if counts["candidates"] == 1 else "candidates",
        review_word="needs" if counts["review"] == 1 else "need",
        team_findings_word="finding" if team_findings == 1 else "findings",
    )
    rules = {missing.rule for missing in report.not_checked}
    return line + (say("summary-not-checked", lang, count=len(rules), s=plural(len(rules))) if rules else "")


def title_line(report: Report, lang: Lang) -> str:
    """The report's heading: 候选人资格审查 · 规则集 community-2006 v1 · 选举日 2006-09-30."""
    ruleset = f"{report.ruleset.name} v{report.ruleset.version}"
    return say("title", lang, ruleset=ruleset, election_date=report.election_date)


def verdict_line(report: Report, fail_on: FailOn, lang: Lang, counted: tuple[int, int] | None = None) -> str:
    """Whether the run passes at --fail-on, and, when it does not, what fails it: a CI log that ends in exit 1
    says why (a clean roster fails at review when the seats were not given, its rule not checked). `counted`:
    how many candidates and teams fail, counted as they were written, where the report holds none (JSON
    streamed)."""
    if fail_on == "never":
        return say("verdict-never", lang)
    if counted is not None:
        people, teams = counted
    else:
        people = sum(1 for c in report.candidates if any(fails(f, fail_on) for f in c.findings))
        teams = sum(1 for t in report.teams if any(fails(f, fail_on) for f in t.findings))
    files = sum(1 for i in report.inputs for f in i.findings if fails(f, fail_on))
    rules = list(
        dict.fromkeys(
            n.rule
            for n in report.not_checked
            if SEVERITY_ORDER.index(n.severity) <= SEVERITY_ORDER.index(fail_on)
        )
    )
    # English agrees with each count: 1 candidate, 3 teams, where it wrote candidate(s) (helper-82).
    reasons = [
        say(key, lang, count=count, s=plural(count))
        for key, count in (("verdict-people", people), ("verdict-teams", teams), ("verdict-files", files))
        if count
    ]
    if rules:
        reasons.append(
            say("verdict-rules", lang, count=len(rules), rules=", ".join(rules), s=plural(len(rules)))
        )
    if not reasons:
        return say("verdict-pass", lang, level=fail_on)
    return say("verdict-fail", lang, level=fail_on, reasons=("，" if lang == "zh" else "; ").join(reasons))


def rule_file_notes(report: Report) -> list[tuple[str, Finding]]:
    """The rule file's warnings, each with its place (town.yaml:12:9), as the notes of a file read are shown: a
    warning that never fails the run, whatever --fail-on."""
    return [
        (
            ":".join(str(part) for part in (note.path, note.line, note.column) if part is not None),
            _as_finding(note),
        )
        for note in report.ruleset.warnings
    ]


def not_checked_finding(missing: NotChecked, lang: Lang, places: Mapping[str, str] = NO_PLACES) -> Finding:
    """A rule not checked, as a finding on its file: what the CI formats and the findings table show, since it
    fails the run as an open finding of its severity would."""
    key = "not-checked-column" if missing.missing_from == "roster" else "not-checked-communities"
    if missing.in_unread_rows:
        key = "not-checked-communities-unread"
    terms = _terms(places)
    them = say(f"columns-them-{min(len(missing.missing), 3)}", lang)
    missed = missing_columns(missing, lang)
    words = say(key, lang, rule=missing.rule, path=missing.where, missing=missed, them=them, **dict(terms))
    return Finding(rule=missing.rule, severity=missing.severity, message=words)


def approval_text(finding: Finding, lang: Lang) -> str:
    """The approval column: its reference, and why it does not count when it does not (an approval dated after
    election day, or expired, is not one: a sheet filtered on this column must not read it as one)."""
    approval = finding.approval
    if approval is None:
        return ""
    if approval.counted:
        return approval.reference
    return say(
        "approval-reference-not-counted", lang, reference=approval.reference, reason=approval.reason or ""
    )


def fails(finding: Finding, fail_on: FailOn) -> bool:
    """Whether this finding, open, fails a run at `fail_on` (invalid data fails at every level but never)."""
    if fail_on == "never" or not finding.is_open:
        return False
    return SEVERITY_ORDER.index(finding.severity) <= SEVERITY_ORDER.index(fail_on)


def level(finding: Finding, fail_on: FailOn) -> str:
    """error / warning / note, the scale of SARIF and of CI annotations."""
    if fails(finding, fail_on):
        return "error"
    return "note" if finding.severity == "info" or not finding.is_open else "warning"


def severity_level(severity: str, fail_on: FailOn) -> str:
    """The level an open finding of this severity has at --fail-on: a rule's default in SARIF."""
    if fail_on != "never" and SEVERITY_ORDER.index(severity) <= SEVERITY_ORDER.index(fail_on):
        return "error"
    return "note" if severity == "info" else "warning"


def in_repository(path: str) -> str:
    """The path as GitHub places an annotation or a SARIF result: relative to the repository (the workspace),
    however it was typed (an absolute path, ./rosters/a.csv); one outside the workspace is left as it is."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    pure = PurePath(os.path.normpath(path))
    if workspace and not pure.is_absolute() and path != "<stdin>":
        # Typed relative to the folder the tool ran in, which may be below the repository's root (cd rosters;
        # eligibility check a.csv): a.csv is rosters/a.csv to GitHub (helper-55).
        pure = PurePath(os.path.normpath(os.path.join(os.getcwd(), path)))
    if workspace and pure.is_absolute():
        root = PurePath(os.path.normpath(workspace))
        return pure.relative_to(root).as_posix() if pure.is_relative_to(root) else path
    return pure.as_posix() if not pure.is_absolute() else path


@dataclass(frozen=True)
class Row:
    """One finding with the candidate or team it belongs to, flat enough for a spreadsheet or an annotation."""

    scope: str  # candidate, team or file
    path: str
    sheet: str | None
    row: int | None
    line: int | None
    name: str
    id_number: str
    street: str
    community: str
    roles: str
    status: str
    finding: Finding
    # The candidate's findings, that say whether its review is only to verify (status_label).
    of_candidate: tuple[Finding, ...] = ()
    # The row Excel shows, where it is not `line` (a CSV under a cell over two lines): the spreadsheets' 行号, as
    # the terminal's; an annotation (github, SARIF) goes by `line`, the file's.
    excel_row: int | None = None

    @property
    def shown_row(self) -> int | None:
        return self.excel_row or self.line

    @property
    def cell(self) -> str:
        return str(self.finding.evidence.get("cell", ""))


def teams_by_place(report: Report) -> dict[tuple[str, str], TeamResult]:
    """Each team by its street and community, and a team joined from rows that write its street several ways
    (东湖街道, 东湖街道党工委) by each of them too: a candidate's team is the one of its street and community."""
    places = {(team.street, team.community): team for team in report.teams}
    for team in report.teams:
        for street in team.streets_written:
            places.setdefault((street, team.community), team)
    return places


def team_key(candidate: CandidateResult, teams: dict[tuple[str, str], TeamResult]) -> tuple[str, str]:
    """The street and community a candidate's rows are shown under: its team's (see teams_by_place), or, for a
    row of no team, its own."""
    team = teams.get((candidate.street, candidate.community))
    return (team.street, team.community) if team is not None else (candidate.street, candidate.community)


def finding_rows(report: Report, lang: Lang, places: Mapping[str, str] = NO_PLACES) -> Iterator[Row]:
    """Every finding of the report in order: candidates', then teams' (placed at their first member), then files',
    then the rules not checked (placed at their file's header)."""
    joiner = "、" if lang == "zh" else ", "
    first_of_team: dict[tuple[str, str], tuple[str, str | None, int | None, int | None]] = {}
    teams = teams_by_place(report)
    for c in report.candidates:
        first_of_team.setdefault(
            team_key(c, teams), (c.source.path, c.source.sheet, c.source.line, c.source.excel_row)
        )
        for finding in c.findings:
            yield Row(
                "candidate",
                c.source.path,
                c.source.sheet,
                c.source.row,
                c.source.line,
                c.name,
                c.id_number or "",
                c.street,
                c.community,
                joiner.join(c.roles),
                c.status,
                finding,
                tuple(c.findings),
                c.source.excel_row,
            )
    for team in report.teams:
        path, sheet, line, shown = first_of_team.get((team.street, team.community), ("", None, None, None))
        for finding in team.findings:
            yield Row(
                "team",
                path,
                sheet,
                None,
                line,
                "",
                "",
                team.street,
                team.community,
                "",
                "",
                finding,
                (),
                shown,
            )
    header_line = {}
    for read in report.inputs:
        header_line[(read.path, read.sheet)] = read.header_line
        for finding in read.findings:
            # A file's finding about one of its lines (a footer under the table) is placed at that line, and at
            # the row Excel shows where it says one.
            said, shown = finding.evidence.get("line"), finding.evidence.get("excel_row")
            line = said if isinstance(said, int) else read.header_line
            excel = shown if isinstance(shown, int) else None
            yield Row("file", read.path, read.sheet, None, line, "", "", "", "", "", "", finding, (), excel)
    for missing in report.not_checked:
        line = header_line.get((missing.path, missing.sheet))
        finding = not_checked_finding(missing, lang, places)
        yield Row("file", missing.path, missing.sheet, None, line, "", "", "", "", "", "", finding)


def team_name(street: str, community: str, lang: Lang) -> str:
    return f"{street}{community}" if lang == "zh" else " ".join(p for p in (street, community) if p)


# The findings that say an input was set aside rather than read: a sheet that is no roster, a settings table met
# among rosters.
NOT_READ = frozenset(
    {
        "sheet-skipped",
        "sheet-skipped-instructions",
        "sheet-roster-not-read",
        "file-unread",
        "file-skipped-communities",
        "file-skipped-approvals",
        "file-skipped-report",
        "file-skipped-rules",
        "file-skipped-document",
        "file-skipped-type",
        "file-skipped-unknown-type",
        "file-skipped-text",
        "file-given-as-table",
        "file-given-twice",
        "file-copy-of",
    }
)


def _terms(places: Mapping[str, str]) -> tuple[tuple[str, Term], ...]:
    """The places and the communities table as the rule set names them: a village's 乡镇, 村 and 村表 (see
    Options.places)."""
    street, community = column_labels(("street", "community"), "zh", places)
    return place_terms(street, community)


def input_line(read: InputFile, lang: Lang, places: Mapping[str, str] = NO_PLACES) -> str:
    """What became of one input: read, in what format and encoding, how many rows; or not read at all. A
    village's communities table is its 村表."""
    name = f"{read.path}#{read.sheet}" if read.sheet else read.path
    if not read.rows and any(f.rule in NOT_READ for f in read.findings):
        return say("input-not-read", lang, path=name)
    how = ", ".join(part for part in (read.format, read.encoding) if part)
    if read.table is not None:  # rows of settings, not of candidates: its findings alone are said
        return say(f"input-table-{read.table}", lang, path=name, how=how, **dict(_terms(places)))
    return say("input-read-one" if read.rows == 1 else "input-read", lang, path=name, how=how, rows=read.rows)


def team_heading(
    street: str,
    community: str,
    team: TeamResult | None,
    run_day: dt.date,
    lang: Lang,
    places: Mapping[str, str] = NO_PLACES,
) -> str:
    """A community's heading: its name (or that its rows named none: a village's （未写村）), and its own
    election day when that is not the run's: the title's day is not the one its ages were counted to."""
    name = (
        team_name(street, community, lang)
        if community
        else say("heading-no-community", lang, **dict(_terms(places)))
    )
    if team is not None and team.election_date is not None and team.election_date != run_day:
        name += say("heading-own-day", lang, day=team.election_date.isoformat())
    return name


Cell = str | int | None


def column_labels(keys: Iterable[str], lang: Lang, places: Mapping[str, str]) -> list[str]:
    """Columns headed in the reader's language, the place columns as the rule set heads them (see
    Options.places): a village's report headed 街道 and 社区 where its roster and template say 乡镇 and 村."""
    return [(places.get(key) if lang == "zh" else None) or say(f"label-{key}", lang) for key in keys]


def finding_table(
    report: Report, lang: Lang, places: Mapping[str, str] = NO_PLACES
) -> tuple[list[str], Iterator[list[Cell]]]:
    """Header and rows of the findings table that CSV and Excel share: one row per finding."""
    keys = (
        "scope",
        "path",
        "sheet",
        "row",
        "line",
        "cell",
        "column",
        "name",
        "id",
        "street",
        "community",
        "roles",
        "status",
        "rule",
        "severity",
        "message",
        "document",
        "clause",
        "approval",
        "scope-code",
        "status-code",
        "severity-code",
    )
    rows = (
        [
            say(f"label-scope-{r.scope}", lang),
            r.path,
            r.sheet or "",
            r.row,
            r.shown_row,
            r.cell,
            str(r.finding.evidence.get("column", "")),
            r.name,
            r.id_number,
            r.street,
            r.community,
            r.roles,
            status_label(r.status, lang, list(r.of_candidate)) if r.status else "",
            r.finding.rule,
            severity_label(r.finding, lang),
            r.finding.message,
            r.finding.source.document if r.finding.source else "",
            r.finding.source.clause if r.finding.source else "",
            approval_text(r.finding, lang),
            r.scope,
            _status_code(r.status, list(r.of_candidate)) if r.status else "",
            severity_code(r.finding),
        ]
        for r in itertools.chain(finding_rows(report, lang, places), _rule_file_rows(report))
    )
    return column_labels(keys, lang, places), rows


def _rule_file_rows(report: Report) -> Iterator[Row]:
    """The rule file's warnings, each a row of the file at its line, after the rosters' (helper-112: the other
    formats showed them, CSV and Excel did not). The CI formats place them on their own (github, SARIF)."""
    for note in report.ruleset.warnings:
        yield Row("file", note.path, None, None, note.line, "", "", "", "", "", "", _as_finding(note))


def _as_finding(note: RuleFileNote) -> Finding:
    """A rule file's warning as the formats show a file's finding: never failing a run."""
    return Finding(rule=note.rule, severity="warning", message=note.message)


STATUS_COLUMN = 9  # where candidate_table puts the status, for a format that colours it


def _status_code(status: str, findings: list[Finding]) -> str:
    """A status as a code, to_verify where its label is 待核实 (a review that waits on facts, helper-68)."""
    return "to_verify" if status == "review" and only_to_verify(findings) else status


def severity_code(finding: Finding) -> str:
    """A finding's severity as a code, with what its label says beside it: approved, or to verify."""
    if finding.approval is not None and finding.approval.counted:
        return "approved"
    return "to_verify" if to_verify(finding) else finding.severity


def candidate_table(
    report: Report, lang: Lang, places: Mapping[str, str] = NO_PLACES
) -> tuple[list[str], Iterator[list[Cell]]]:
    """Header and rows of the candidates table that CSV and Excel share: one row per candidate."""
    joiner = "、" if lang == "zh" else ", "
    keys = (
        "path",
        "sheet",
        "row",
        "line",
        "name",
        "id",
        "street",
        "community",
        "roles",
        "status",
        "findings",
        "rules",
        # Added after the columns a script reads by their place, the status code kept last: what an officer
        # sorts and filters by.
        "gender",
        "age-years",  # a number in the workbook
        "education-level",
        "status-code",
    )
    rows = (
        [
            c.source.path,
            c.source.sheet or "",
            c.source.row,
            c.source.excel_row or c.source.line,
            c.name,
            c.id_number or "",
            c.street,
            c.community,
            joiner.join(c.roles),
            status_label(c.status, lang, c.findings),
            len(c.findings),
            " ".join(dict.fromkeys(f.rule for f in c.findings)),  # each rule once: three blank cells, one id
            say(f"gender-{c.gender}", lang) if c.gender else "",
            c.age,
            c.education or "",
            _status_code(c.status, c.findings),
        ]
        for c in report.candidates
    )
    return column_labels(keys, lang, places), rows
