"""Running the test cases a rule file carries (`tests:`): each a small roster and the findings it must give."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from eligibility.engine import Review
from eligibility.errors import RosterError
from eligibility.messages import Lang, Term, did_you_mean, say
from eligibility.report import CandidateResult, Finding, TeamResult
from eligibility.roster.columns import map_headers, suggest_column
from eligibility.roster.readers import records_table
from eligibility.roster.settings import Approvals, Communities, community_columns, quota_columns
from eligibility.ruleset.loader import Policy
from eligibility.ruleset.model import UNDECIDED, TestCase


@dataclass(frozen=True)
class Difference:
    """A row or team of a case whose findings are not the ones expected; `got` None: the case has no such one."""

    key: int | str
    expected: list[str]
    got: list[str] | None
    # The rule set's places, as it heads them: a village's case has no such 村.
    places: Mapping[str, str | Term] = field(default_factory=dict)

    def message(self, lang: Lang) -> str:
        """The difference in words, in `lang`."""
        if self.got is None:
            return say("rules-test-no-row", lang, key=self.key, **self.places)
        # The findings' ids as words, never Python's ['director-age'] (helper-52).
        none = "无" if lang == "zh" else "(none)"
        comma = "、" if lang == "zh" else ", "
        return say(
            "rules-test-differs",
            lang,
            key=self.key,
            expected=comma.join(self.expected) or none,
            got=comma.join(self.got) or none,
        )

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class UnknownHeader:
    """A key of a case's record or communities row that names no column: the case checked nothing by it."""

    header: str
    table: str  # "candidates" or "communities"
    suggestion: str = ""

    def message(self, lang: Lang) -> str:
        return say(
            "rules-test-unknown-header",
            lang,
            header=self.header,
            table=self.table,
            suggestion=did_you_mean([self.suggestion] if self.suggestion else []),
        )

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class Unreadable:
    """A case whose candidates or communities could not be read (a community written twice, a seat count of 三):
    the case fails with why, and the other cases still run."""

    error: RosterError

    def message(self, lang: Lang) -> str:
        return self.error.message(lang)


@dataclass
class CaseResult:
    """How one case went: passed, or the rows whose findings differ from what the case expects."""

    index: int
    case: str
    differences: list[Difference | UnknownHeader | Unreadable] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.differences


def run_cases(policy: Policy) -> list[CaseResult]:
    """Every case of the rule file, through the same readers and engine as a real roster."""
    return [run_case(policy, index, case) for index, case in enumerate(policy.file.tests)]


def run_case(policy: Policy, index: int, case: TestCase) -> CaseResult:
    shown = f"{policy.path}#tests[{index}]"
    review = Review(
        policy,
        case.election_date or policy.file.election_date,
        Communities(quota_columns(policy.file.vocabularies.bodies), policy.vocabulary.streets),
        Approvals(),
        show_pii=True,
        lang="en",
    )
    result = CaseResult(index, case.case)
    try:
        table = records_table(case.candidates, shown, review.columns)
        table.communities = [dict(row) for row in case.communities]
        candidates = list(review.tables([table]))
        teams = review.teams()
    except RosterError as err:
        # One case's table written wrong stopped `rules test` with exit 2 and no case after it run (helper-52).
        review.in_places(err)
        result.differences.append(Unreadable(err))
        return result
    # A misspelt key (两危 for 两违) leaves its column unread: a case written to sit just past a boundary would
    # pass having tested nothing.
    for name, rows, columns in (
        ("candidates", case.candidates, review.columns),
        ("communities", case.communities, community_columns(policy.file.vocabularies.bodies)),
    ):
        keys = list(dict.fromkeys(str(key) for row in rows for key in row))
        for header in map_headers(keys, columns).unknown:
            result.differences.append(UnknownHeader(header, name, suggest_column(header, columns)))
    for key, expected in case.expect.items():
        got = _findings_of(key, candidates, teams)
        if got is None or sorted(set(expected)) != got:
            result.differences.append(Difference(key, sorted(set(expected)), got, review.place_words))
    return result


def _findings_of(
    key: int | str, candidates: list[CandidateResult], teams: list[TeamResult]
) -> list[str] | None:
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        row = int(key)
        if not 1 <= row <= len(candidates):
            return None
        return _named(candidates[row - 1].findings)
    team = next((t for t in teams if t.community == key), None)
    return None if team is None else _named(team.findings)


def _named(findings: list[Finding]) -> list[str]:
    """The findings as a case's `expect` names them: a rule that could not decide with UNDECIDED after its id
    (recent-violation?). By its id alone, a case set on a boundary passed where the rule decided nothing
    (2016年6月 for 2016-06-30: 待核实, not 不能提名) (helper-95)."""
    return sorted({f.rule + UNDECIDED if "unknown" in f.evidence else f.rule for f in findings})
