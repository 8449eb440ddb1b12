"""Answers kept by what they depend on: candidates alike in every fact a set of conditions reads get the same answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from eligibility.candidate import Candidate
from eligibility.roster.normalise import completed_years, reaches_age
from eligibility.ruleset.facts import Fact

# Kept answers per set of conditions: a province has a few thousand kinds of candidate (roles, age, education,
# the yes/no fields); past this many, the rest are answered the long way.
LIMIT = 1 << 16

Key = tuple[Any, ...]


class Verdicts:
    """What a set of conditions reads of a candidate, as a key, and the answers already worked out for keys.

    A condition reads facts only (see compiler), so two candidates with the same facts get the same answers.
    The key keeps each fact as it is, except age: a birth date is kept as what the age conditions can tell of
    it on election day, the 周岁 and whether that day is the very day they were reached. 'Over 57' in completed
    years reads the first; 'over 57' from the day after the birthday (past-birthday) reads both. So thousands
    of birth dates make a few dozen keys."""

    __slots__ = ("_ages", "_convention", "_getters", "answers")

    def __init__(self, facts: Iterable[Fact], convention: str, known: frozenset[str] = frozenset()) -> None:
        """`known`: facts the caller's own key already decides (the roles, the election day)."""
        self._convention = convention
        self._ages: dict[tuple[Any, dt.date], Key | None] = {}
        self._getters: tuple[Callable[[Candidate], Any], ...] = tuple(
            self._age if fact.kind == "age" else fact.get
            for fact in sorted(facts, key=lambda f: f.name)
            if fact.name not in known
        )
        self.answers: dict[Key, Any] = {}

    def key(self, person: Candidate) -> Key:
        return tuple([get(person) for get in self._getters])

    def keep(self, key: Key, answer: Any) -> None:
        """Keep an answer for a key known_answer gave (a hashable one)."""
        if len(self.answers) < LIMIT:
            self.answers[key] = answer

    def _age(self, person: Candidate) -> Key | None:
        birth, on = person.birth, person.election_date
        if birth is None:
            return None
        found = self._ages.get((birth, on))
        if found is None:
            convention = self._convention
            found = tuple(
                (years := completed_years(day, on, convention), reaches_age(day, years, convention) == on)
                for day in birth
            )
            if len(self._ages) < LIMIT:
                self._ages[(birth, on)] = found
        return found


def known_answer(verdicts: Verdicts, person: Candidate) -> tuple[Key | None, Any]:
    """The key of a person and the answer kept for it (None when none is). A key Python cannot hash (a YAML
    cell holding a mapping) is None: such a person is answered the long way, each time."""
    key = verdicts.key(person)
    try:
        return key, verdicts.answers.get(key)
    except TypeError:
        return None, None
