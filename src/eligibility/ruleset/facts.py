"""The facts conditions can name: what each one is, which roster columns it needs, and how to read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from eligibility.candidate import Candidate
from eligibility.ruleset.model import FieldSpec
from eligibility.ruleset.vocab import Vocabulary

Kind = Literal["age", "number", "date", "dates", "level", "text", "bool", "set", "choice"]

# The type of an extra field decides the kind of fact it is.
KIND_OF_FIELD: dict[str, Kind] = {
    "bool": "bool",
    "date": "date",
    "dates": "dates",
    "text": "text",
    "number": "number",
    "list": "set",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """A named value of a candidate or a team that a condition can compare."""

    name: str
    kind: Kind
    # Each inner tuple lists columns of which any one makes the fact known; all tuples must be satisfied.
    columns: tuple[tuple[str, ...], ...]
    get: Callable[[Any], Any]
    # For sets and choices: the values a rule may name (role ids, body ids, male/female); None = free text.
    values: frozenset[str] | None = None
    zh: str = ""
    en: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # A count that may be known only as a span (Span): the seats and members of a team whose posts were not all
    # read, or some of whose rows are marked as perhaps withdrawn.
    spans: bool = False


class OpenSet(frozenset[str]):
    """The posts read of a person whose posts were not all read (居委会主仼): they may hold more, so a set of
    them answers has_any only yes or not known, and has_none only no or not known."""

    __slots__ = ()


def _birth_date(person: Candidate) -> tuple[dt.date, dt.date] | None:
    return person.birth


def candidate_facts(vocabulary: Vocabulary, fields: dict[str, FieldSpec]) -> dict[str, Fact]:
    """Facts of one candidate: computed ones (周岁, education rank, roles held) and the rule set's own fields."""
    body_of = vocabulary.body_of_role
    principals = vocabulary.principal_roles
    role_ids = frozenset(vocabulary.words.roles)
    body_ids = frozenset(vocabulary.words.bodies)
    birth = (("birth_date", "id_number"),)
    facts = [
        Fact("age", "age", birth, _birth_date, zh="周岁", en="age"),
        Fact("birth_date", "date", birth, _birth_date, zh="出生日期", en="birth date"),
        Fact(
            "gender",
            "choice",
            (("gender", "id_number"),),
            lambda p: p.gender,
            frozenset({"male", "female"}),
            zh="性别",
            en="sex",
        ),
        Fact(
            "education",
            "level",
            (("education",),),
            lambda p: p.education_ranks,
            zh="文化程度",
            en="education",
        ),
        Fact("roles", "set", (("roles",),), _held(lambda p: p.roles), role_ids, zh="拟任职务", en="roles"),
        Fact(
            "bodies",
            "set",
            (("roles",),),
            _held(lambda p: (b for r in p.roles if (b := body_of.get(r)) is not None)),
            body_ids,
            zh="所在班子",
            en="bodies",
        ),
        Fact(
            "principal",
            "bool",
            (("roles",),),
            # Not a principal by the posts read may still be one by a post not read.
            lambda p: True if not principals.isdisjoint(p.roles) else None if p.posts_unread else False,
            zh="社区主干",
            en="principal",
        ),
        Fact(
            "political_status",
            "text",
            (("political_status",),),
            lambda p: p.political_status,
            # A rule names a status the rule set lists, where it lists them: 中共预备党员, never 预备党员.
            frozenset(vocabulary.words.political_statuses) or None,
            zh="政治面貌",
            en="political status",
        ),
        Fact("name", "text", (), lambda p: p.name, zh="姓名", en="name"),
        Fact("street", "text", (), lambda p: p.street or None, zh="街道", en="street"),
        Fact("community", "text", (), lambda p: p.community, zh="社区", en="community"),
        Fact(
            "election_date",
            "date",
            (),
            lambda p: (p.election_date, p.election_date),
            zh="选举日",
            en="election day",
        ),
    ]
    for name, spec in fields.items():
        facts.append(
            Fact(name, KIND_OF_FIELD[spec.type], ((name,),), _field_getter(name), zh=spec.zh, en=spec.en)
        )
    return {fact.name: fact for fact in facts}


def _held(read: Callable[[Candidate], Any]) -> Callable[[Candidate], frozenset[str]]:
    """A set of what a person's posts make them, open (OpenSet) when their posts were not all read."""

    def get(person: Candidate) -> frozenset[str]:
        held = frozenset(read(person))
        return OpenSet(held) if person.posts_unread else held

    return get


def _field_getter(name: str) -> Callable[[Candidate], Any]:
    def get(person: Candidate) -> Any:
        return person.fields.get(name)

    return get


def team_facts(vocabulary: Vocabulary) -> dict[str, Fact]:
    """Facts of a team (the two committees of one community): head counts, seats filled and approved."""
    facts = [
        Fact("members", "number", (), lambda t: t.member_count(), zh="班子成员数", en="members", spans=True),
        Fact(
            "candidates",
            "number",
            (),
            lambda t: t.candidate_count(),
            zh="候选人数",
            en="candidates",
            spans=True,
        ),
    ]
    for body_id, body in vocabulary.words.bodies.items():
        facts.append(
            Fact(
                f"seats_{body_id}",
                "number",
                (),
                _seats(body_id),
                zh=f"{body.zh}已配职数",
                en=f"{body.en} seats filled",
                spans=True,
            )
        )
        if body.quota_column:
            facts.append(
                Fact(
                    f"quota_{body_id}",
                    "number",
                    ((body.quota_column,),),
                    _quota(body_id),
                    zh=f"{body.zh}核定职数",
                    en=f"{body.en} approved seats",
                )
            )
    return {fact.name: fact for fact in facts}


def _seats(body: str) -> Callable[[Any], Any]:
    return lambda team: team.seats(body)


def _quota(body: str) -> Callable[[Any], int | None]:
    return lambda team: team.quota.get(body)
