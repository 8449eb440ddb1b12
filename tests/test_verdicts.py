"""Answers kept for people alike (verdicts) never change a report: the same rosters checked with and without them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ruleset import variant

from eligibility import verdicts

from conftest import person, run_records

ELECTION = dt.date(2006, 9, 30)


def _around(years: int) -> list[str]:
    """Birth dates a few days either side of turning `years` on election day, and 29 February near it."""
    day = ELECTION.replace(year=ELECTION.year - years)
    dates = [(day + dt.timedelta(days=d)).isoformat() for d in (-2, -1, 0, 1, 2)]
    leap = next(y for y in range(day.year, day.year - 4, -1) if y % 4 == 0)
    return [*dates, f"{leap}-02-29", f"{leap}-03-01", f"{leap}-02-28"]


AGES = (17, 18, 35, 45, 55, 57, 58, 60)
BIRTHS = sorted({d for years in AGES for d in _around(years)})
# Dates known only to the month or the year: a range of days, answered only where the whole range agrees.
PARTIAL_BIRTHS = ["1948年9月", "1948.10", "1949", "1988年9月"]
VIOLATIONS = [
    "",
    "",
    "",
    "",
    "2001-09-30",
    "2001-09-29",
    "2001-10-01",
    "2006-09-30",
    "2001年9月",
    "1999-01-01；2003-05-01",
]
ROLES = ["党支部书记", "居委会主任", "党支部书记、居委会主任", "居委会委员", "党支部委员", "居委会副主任"]
# Few kinds of people, so that people alike meet often within one roster, as they do in a province.
EDUCATION = ["初中", "高中", "本科"]
YES_NO = ["否", "否", "否", "否", "是", ""]
COMMUNITIES = ["青松社区", "翠柏社区"]


POOLS: dict[str, list[str]] = {
    "gender": ["男", "女"],
    "education": EDUCATION,
    "roles": ROLES,
    "community": COMMUNITIES,
    "family_planning_violation": VIOLATIONS,
    "two_violations": YES_NO,
    "governance_record": YES_NO,
    "political_rights_deprived": YES_NO,
}


@st.composite
def roster(draw: st.DrawFn) -> list[dict[str, Any]]:
    """People alike but for a cell or two, as in a province: per roster, two spellings of each cell are drawn
    from its pool and births from around one age the rules care about; then each person takes one of each."""
    years = draw(st.sampled_from(AGES))
    births = draw(st.lists(st.sampled_from([*_around(years), *PARTIAL_BIRTHS]), min_size=1, max_size=3))
    pairs = {
        column: draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
        for column, pool in POOLS.items()
    }
    records = []
    for _ in range(draw(st.integers(2, 40))):
        cells = {column: draw(st.sampled_from(pair)) for column, pair in pairs.items()}
        cells["birth_date"] = birth = draw(st.sampled_from(births))
        if birth in PARTIAL_BIRTHS:
            cells["id_number"] = ""  # the roster's own partial date is all there is
        if draw(st.integers(0, 9)) == 0:
            cells["election_date"] = draw(st.sampled_from(["2006-10-01", "2007-09-30", "2006-09-29"]))
        records.append(person(**cells))
    return records


ROSTERS = roster()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _both_ways(tmp_path: Path, records: list[dict[str, Any]], **options: Any) -> tuple[str, str]:
    kept = run_records(tmp_path, records, **options).model_dump_json()
    with mock.patch.object(verdicts, "LIMIT", 0):  # nothing kept: every person answered the long way
        long_way = run_records(tmp_path, records, **options).model_dump_json()
    return kept.replace("roster-", ""), long_way.replace("roster-", "")


def _same_reports(tmp_path: Path, records: list[dict[str, Any]], **options: Any) -> None:
    kept, long_way = _both_ways(tmp_path, records, **options)
    # The file names differ by a counter; everything else must match to the byte.
    assert _without_paths(kept) == _without_paths(long_way)


def _without_paths(text: str) -> str:
    import re

    return re.sub(r"[^\"]*\.json", "roster.json", text)


@SETTINGS
@given(ROSTERS)
def test_kept_answers_give_the_report_the_long_way_gives(tmp_path_factory: Any, records: list[Any]) -> None:
    _same_reports(tmp_path_factory.mktemp("kept"), records)


PAST_BIRTHDAY = (
    "when: {fact: age, gt: {param: principal_max_age}}",
    "when: {fact: age, gt: {param: principal_max_age}, reading: past-birthday}",
)
DAY_AFTER = ("age_convention: birthday", "age_convention: day-after-birthday")


@SETTINGS
@given(ROSTERS)
def test_kept_answers_read_ages_past_the_birthday_as_the_long_way_does(
    tmp_path_factory: Any, records: list[Any]
) -> None:
    folder = tmp_path_factory.mktemp("past")
    _same_reports(folder, records, ruleset=variant(folder, PAST_BIRTHDAY))


@SETTINGS
@given(ROSTERS)
def test_kept_answers_follow_the_day_after_birthday_convention(
    tmp_path_factory: Any, records: list[Any]
) -> None:
    folder = tmp_path_factory.mktemp("after")
    _same_reports(folder, records, ruleset=variant(folder, DAY_AFTER, PAST_BIRTHDAY))


@pytest.mark.parametrize(
    "changes", [(), (PAST_BIRTHDAY,), (DAY_AFTER, PAST_BIRTHDAY)], ids=["completed", "past", "day-after"]
)
@SETTINGS
@given(
    births=st.sampled_from(AGES).flatmap(
        lambda years: st.lists(st.sampled_from([*_around(years), *PARTIAL_BIRTHS]), min_size=2, max_size=12)
    )
)
def test_people_alike_but_for_the_birth_date_are_each_read_by_their_own(
    tmp_path_factory: Any, changes: tuple[tuple[str, str], ...], births: list[str]
) -> None:
    # Principals alike in all else, born days apart around 18, 57, 58 and 60: where one key would serve two
    # birth dates that the rules tell apart, one of them would take the other's answer.
    folder = tmp_path_factory.mktemp("births")
    rules = variant(folder, *changes) if changes else None
    records = [
        person(
            roles="党支部书记、居委会主任",
            birth_date=birth,
            **({"id_number": ""} if "-" not in birth else {}),
        )
        for birth in births
    ]
    _same_reports(folder, records, ruleset=rules)


def test_the_day_someone_is_exactly_57_is_not_the_day_after(tmp_path: Path) -> None:
    # Both are 57 in completed years on election day. Read as 'over 57 from the day after the birthday', the
    # one whose birthday it is passes and the one a day older does not: a key of the age alone would give the
    # second the first one's pass.
    rules = variant(tmp_path, PAST_BIRTHDAY)
    records = [
        person(name="生日当天", roles="党支部书记", birth_date="1949-09-30"),
        person(name="生日次日", roles="党支部书记", birth_date="1949-09-29"),
    ]
    report = run_records(tmp_path, records, ruleset=rules)
    assert [c.status for c in report.candidates] == ["eligible", "review"]


def test_someone_turning_58_on_election_day_after_a_57_year_old_alike(tmp_path: Path) -> None:
    records = [
        person(roles="党支部书记", birth_date="1948-10-01"),  # 57 on the day: passes
        person(roles="党支部书记", birth_date="1948-09-30"),  # 58 that very day: over 57
        person(roles="党支部书记", birth_date="1948-10-01"),
    ]
    report = run_records(tmp_path, records)
    assert [c.status for c in report.candidates] == ["eligible", "review", "eligible"]


def test_a_date_window_is_read_on_each_persons_own_election_day(tmp_path: Path) -> None:
    # The same violation date, five years before one election day and five years and a day before another.
    records = [
        person(family_planning_violation="2001-09-30", election_date="2006-10-01"),
        person(family_planning_violation="2001-09-30"),
    ]
    report = run_records(tmp_path, records)
    assert [c.status for c in report.candidates] == ["eligible", "ineligible"]
