"""Shared test helpers: synthetic people with valid ID numbers, and a one-call check of in-memory records."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from eligibility import check
from eligibility.report import CandidateResult, Finding, Report, TeamResult
from eligibility.roster.normalise import check_character

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ELECTION = dt.date(2006, 9, 30)
_sequence = itertools.count(1)


# The next sequence number of each area, day and sex: a number is issued again only after 499 of one day, not
# whenever the count of every number issued so far comes round (two rows of one test met as one person, by the
# order the tests ran in).
_issued: dict[tuple[str, dt.date, bool], itertools.count[int]] = {}


def make_id(birth: str | dt.date, sex: str = "男", area: str = "110101") -> str:
    """A synthetic 18-digit ID number with a correct check character (odd sequence = male)."""
    day = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(birth)
    male = sex in ("男", "male", "M")
    n = next(_issued.setdefault((area, day, male), itertools.count(0))) % 499
    sequence = 2 * n + (1 if male else 2)
    body = f"{area}{day:%Y%m%d}{sequence:03d}"
    return body + check_character(body)


def person(**cells: Any) -> dict[str, Any]:
    """An ordinary eligible candidate: committee member, 40, upper secondary, a party member; keyword cells
    override."""
    record: dict[str, Any] = {
        "name": cells.pop("name", f"候选人{next(_sequence)}"),
        "gender": "男",
        "birth_date": "1966-05-01",
        "education": "高中",
        # The party seats are for full members (party-full-member): a roster without 政治面貌 leaves it not checked.
        "political_status": "中共党员",
        "street": "东湖街道",
        "community": "青松社区",
        "roles": "居委会委员",
        "family_planning_violation": "",
        "two_violations": "否",
        "governance_record": "否",
        "political_rights_deprived": "否",
        "relatives": "",
    }
    record.update(cells)
    if "id_number" not in cells and record.get("birth_date"):
        record["id_number"] = make_id(record["birth_date"], record["gender"] or "男")
    return record


def run_records(tmp_path: Path, records: list[dict[str, Any]], **options: Any) -> Report:
    """Write the records as a JSON roster and check it."""
    path = tmp_path / f"roster-{next(_sequence)}.json"
    path.write_text(json.dumps(records, ensure_ascii=False, default=str), encoding="utf-8")
    return check([path], options.pop("ruleset", None), **options)


def only(report: Report) -> CandidateResult:
    assert len(report.candidates) == 1
    return report.candidates[0]


def rules_of(result: CandidateResult | TeamResult) -> set[str]:
    return {f.rule for f in result.findings}


def team(report: Report, community: str = "青松社区") -> TeamResult:
    return next(t for t in report.teams if t.community == community)


@pytest.fixture
def run(tmp_path: Path) -> Any:
    def runner(records: list[dict[str, Any]], **options: Any) -> Report:
        return run_records(tmp_path, records, **options)

    return runner


def passed_over(report: Report) -> Finding:
    """The one row of a settings table the report says it passed over, unread (settings-row-unread): the rosters
    were checked without it."""
    [said] = [f for i in report.inputs for f in i.findings if f.rule == "settings-row-unread"]
    return said
