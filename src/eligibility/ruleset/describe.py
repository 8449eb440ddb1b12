"""Conditions in words, for `rules show` and `rules explain`: what a rule checks, with its parameters' values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eligibility.messages import Lang
from eligibility.ruleset.model import (
    MAX_CONDITION_DEPTH,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Count,
    Exists,
    FactRef,
    FieldSpec,
    Not,
    ParamRef,
    RelatedPairs,
    Share,
    Vocabularies,
)

SYMBOL = {"eq": "=", "ne": "≠", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
WORDS: dict[str, tuple[str, str]] = {
    "in": ("属于", "is one of"),
    "not_in": ("不属于", "is none of"),
    "has_any": ("含任一", "has any of"),
    "has_all": ("含全部", "has all of"),
    "has_none": ("不含", "has none of"),
    "mentions": ("写有（未被否定）任一", "mentions (not negated) any of"),
    "and": (" 且 ", " and "),
    "or": (" 或 ", " or "),
    "not": ("并非", "not"),
    "members": ("成员", "members"),
    "candidates": ("候选人", "candidates"),
    # leave_out: barred
    "nominable": ("可提名的{whom}", "{whom} who can be nominated"),
    "count": ("人数", "number of"),
    "share": ("比例", "share of"),
    "exists": ("有", "some of the"),
    "present": ("已填写", "is filled in"),
    "absent": ("未填写", "is blank"),
    "within": (
        "在选举日前 {years} 年内（含两端）",
        "within {years} years before election day (both ends included)",
    ),
    "less-than-years": (
        "至选举日未满 {years} 年（满 {years} 年的那天不算）",
        "less than {years} years before election day (the day that completes {years} years left out)",
    ),
    "within-months": (
        "在选举日前 {years} 个月内（含两端）",
        "within {years} months before election day (both ends included)",
    ),
    "less-than-months": (
        "至选举日未满 {years} 个月（满 {years} 个月的那天不算）",
        "less than {years} months before election day (the day that completes {years} months left out)",
    ),
    "pairs": ("中有人在“{field}”中申报了另一成员", " of whom one declares another in {field}"),
    "between": ("（一方{one}，另一方{other}）", " (one with {one}, the other with {other})"),
    "past-birthday": ("（过生日即算）", " (any day past the birthday)"),
}


@dataclass(frozen=True)
class Names:
    """What the officer calls the facts and values a rule file names by id: 周岁 for age, 初中 for
    junior_middle, 党组织书记 for party_secretary. Without them (Names()), a condition is written in ids."""

    facts: dict[str, tuple[str, str]] = field(default_factory=dict)
    # By fact: the words for the values it holds (roles, bodies, levels, sexes).
    values: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def fact(self, name: str, lang: Lang) -> str:
        zh, en = self.facts.get(name, (name, name))
        return (zh if lang == "zh" else en) or name

    def value(self, fact: str, value: Any, lang: Lang) -> str:
        if isinstance(value, bool):
            return ("是" if value else "否") if self.facts and lang == "zh" else str(value).lower()
        words = self.values.get(fact, {}).get(str(value))
        return str(value) if words is None else words[0 if lang == "zh" else 1]

    def listed(self, fact: str, values: list[Any], lang: Lang) -> str:
        comma = "、" if self.facts and lang == "zh" else ", "
        return "[" + comma.join(self.value(fact, item, lang) for item in values) + "]"


def names_of(words: Vocabularies, fields: dict[str, FieldSpec]) -> Names:
    """The names of a rule set's facts and values, from its vocabularies and fields."""
    from eligibility.ruleset.facts import candidate_facts, team_facts
    from eligibility.ruleset.vocab import Vocabulary

    vocabulary = Vocabulary(words)
    facts = {**candidate_facts(vocabulary, fields), **team_facts(vocabulary)}
    roles = {role_id: (role.zh, role.en) for role_id, role in words.roles.items()}
    levels = {level.id: (level.zh, level.en) for level in words.education}
    return Names(
        facts={name: (fact.zh, fact.en) for name, fact in facts.items()},
        values={
            "roles": roles,
            "bodies": {body_id: (body.zh, body.en) for body_id, body in words.bodies.items()},
            "education": levels,
            "gender": {"male": ("男", "male"), "female": ("女", "female")},
        },
    )


def _word(key: str, lang: Lang) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def describe(
    cond: Condition, params: dict[str, Any], lang: Lang, depth: int = 1, names: Names | None = None
) -> str:
    """A condition as one line of text: `周岁 > 57（principal_max_age）` with the rule set's names, else in ids:
    `age > principal_max_age (57)`."""
    names = names or Names()
    if depth > MAX_CONDITION_DEPTH:
        # A rule file refuses such nesting; a condition built in code may still hold it, and is not worth a crash.
        return "…"
    if isinstance(cond, AllOf | AnyOf):
        parts = cond.all if isinstance(cond, AllOf) else cond.any
        joined = _word("and" if isinstance(cond, AllOf) else "or", lang).join(
            _grouped(part, params, lang, depth + 1, names) for part in parts
        )
        return joined
    if isinstance(cond, Not):
        return f"{_word('not', lang)} ({describe(cond.not_, params, lang, depth + 1, names)})"
    if isinstance(cond, Compare):
        return _compare(cond, params, lang, names)
    if isinstance(cond, Count | Share):
        inner = cond.count if isinstance(cond, Count) else cond.share
        kind = "count" if isinstance(cond, Count) else "share"
        op, operand = cond.operator
        condition = describe(inner, params, lang, depth + 1, names)
        whom = _whom(cond.among, lang, names)
        if cond.leave_out:
            whom = _word("nominable", lang).format(whom=whom)
        if lang == "zh":
            subject = f"{whom}中“{condition}”的{_word(kind, lang)}"
        else:
            subject = f"the {_word(kind, lang)} {whom} with {condition}"
        return f"{subject} {SYMBOL[op]} {_operand(operand, params, lang, names)}"
    if isinstance(cond, Exists):
        inner_text = describe(cond.exists, params, lang, depth + 1, names)
        return f"{_word('exists', lang)} {_whom(cond.among, lang, names)}: {inner_text}"
    if isinstance(cond, RelatedPairs):
        pairs = _word("pairs", lang).format(field=names.fact(cond.related_pairs, lang))
        text = _whom(cond.among, lang, names) + pairs
        if cond.between:
            one, other = (describe(side, params, lang, depth + 1, names) for side in cond.between)
            text += _word("between", lang).format(one=one, other=other)
        return text
    raise AssertionError(f"no words for {type(cond).__name__}")


def _grouped(cond: Condition, params: dict[str, Any], lang: Lang, depth: int, names: Names) -> str:
    text = describe(cond, params, lang, depth, names)
    return f"({text})" if isinstance(cond, AllOf | AnyOf) else text


def _whom(among: str, lang: Lang, names: Names) -> str:
    """Whom a team's count is of: 成员, 候选人, or a body's members (社区居委会成员)."""
    if among in ("members", "candidates"):
        return _word(among, lang)
    body = names.value("bodies", among, lang)
    return f"{body}{_word('members', lang)}" if lang == "zh" else f"{_word('members', lang)} of the {body}"


_WINDOWS = {
    "within_years_before_election": "within",
    "less_than_years_before_election": "less-than-years",
    "within_months_before_election": "within-months",
    "less_than_months_before_election": "less-than-months",
}


def _compare(cond: Compare, params: dict[str, Any], lang: Lang, names: Names) -> str:
    op, operand = cond.operator
    fact = names.fact(cond.fact, lang)
    if op == "present":
        return f"{fact} {_word('present' if operand else 'absent', lang)}"
    if op in _WINDOWS:
        word = _WINDOWS[op]
        return f"{fact} " + _word(word, lang).format(years=_operand(operand, params, lang, names))
    reading = _word("past-birthday", lang) if cond.reading == "past-birthday" else ""
    relation = SYMBOL.get(op) or _word(op, lang)
    return f"{fact} {relation} {_operand(operand, params, lang, names, cond.fact)}{reading}"


def _operand(operand: Any, params: dict[str, Any], lang: Lang, names: Names, fact: str = "") -> str:
    if isinstance(operand, ParamRef):
        value = params.get(operand.param)
        if not names.facts:
            return f"{operand.param} ({value})"
        # The value first, as the officer reads the rule; the parameter's name, as --set changes it.
        shown = names.listed(fact, value, lang) if isinstance(value, list) else names.value(fact, value, lang)
        return f"{shown}（{operand.param}）" if lang == "zh" else f"{shown} ({operand.param})"
    if isinstance(operand, FactRef):
        return names.fact(operand.fact, lang)
    if isinstance(operand, list):
        return names.listed(fact, operand, lang)
    return names.value(fact, operand, lang)
