"""A candidate as the rules see it: one roster row, normalised, with where it came from and what was wrong."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RowSource:
    """The place of one data row: file, data-row number from 1, and physical line or sheet row."""

    path: str
    row: int
    line: int | None = None
    sheet: str | None = None


@dataclass(frozen=True, slots=True)
class DataProblem:
    """Something wrong with a cell: a rule-like id, the column, the value and what was expected."""

    rule: str
    column: str
    value: str
    severity: str = "invalid"
    params: tuple[tuple[str, Any], ...] = ()
    cell: str | None = None  # "D12", or "候选人!D12" in a workbook


@dataclass(slots=True)
class Candidate:
    """One person proposed for one or more seats, with every cell normalised.

    `None` means unknown (blank where a value was needed, or unreadable); a rule that needs an unknown fact
    reports that it could not be checked instead of guessing.
    """

    source: RowSource
    name: str
    id_number: str | None
    gender: str | None
    # The earliest and latest birth date the data allows: equal when the day is known.
    birth: tuple[dt.date, dt.date] | None
    education: str | None
    education_rank: int | None
    political_status: str | None
    street: str
    community: str
    roles: tuple[str, ...]
    election_date: dt.date
    fields: dict[str, Any] = field(default_factory=dict)
    problems: list[DataProblem] = field(default_factory=list)


Tri = bool | None


@dataclass(slots=True)
class Member:
    """What team rules keep of one candidate: identity, seats, and the answers to the member conditions."""

    name: str
    id_number: str | None
    roles: tuple[str, ...]
    bodies: frozenset[str]
    answers: tuple[Tri, ...]
    declared: dict[str, tuple[str, ...]]
    # For the team's profile in reports: 周岁 on election day and education rank, None when unknown.
    age: int | None = None
    education_rank: int | None = None


@dataclass(slots=True)
class Team:
    """The two committees of one community as proposed: everyone on its roster, members being seat holders."""

    street: str
    community: str
    election_date: dt.date
    quota: dict[str, int | None] = field(default_factory=dict)
    people: list[Member] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)

    def members(self) -> list[Member]:
        return [p for p in self.people if p.bodies]

    def member_count(self) -> int:
        return sum(1 for p in self.people if p.bodies)

    def seats(self, body: str) -> int:
        return sum(1 for p in self.people if body in p.bodies)
