"""Conditions in words, for `rules show` and `rules explain`: what a rule checks, with its parameters' values."""

from __future__ import annotations

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
    Not,
    ParamRef,
    RelatedPairs,
    Share,
)

SYMBOL = {"eq": "=", "ne": "≠", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
WORDS: dict[str, tuple[str, str]] = {
    "in": ("属于", "is one of"),
    "not_in": ("不属于", "is none of"),
    "has_any": ("含任一", "has any of"),
    "has_all": ("含全部", "has all of"),
    "has_none": ("不含", "has none of"),
    "and": (" 且 ", " and "),
    "or": (" 或 ", " or "),
    "not": ("并非", "not"),
    "members": ("成员", "members"),
    "candidates": ("候选人", "candidates"),
    "count": ("人数", "number of"),
    "share": ("比例", "share of"),
    "exists": ("有", "some of the"),
    "present": ("已填写", "is filled in"),
    "absent": ("未填写", "is blank"),
    "within": (
        "在选举日前 {years} 年内（含两端）",
        "within {years} years before election day (both ends included)",
    ),
    "pairs": ("中有人在“{field}”中申报了另一成员", " of whom one declares another in {field}"),
    "between": ("（一方{one}，另一方{other}）", " (one with {one}, the other with {other})"),
    "past-birthday": ("（过生日即算）", " (any day past the birthday)"),
}


def _word(key: str, lang: Lang) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def describe(cond: Condition, params: dict[str, Any], lang: Lang, depth: int = 1) -> str:
    """A condition as one line of text: `age > principal_max_age (57)`, `count(members with gender = female) < 1`."""
    if depth > MAX_CONDITION_DEPTH:
        # A rule file refuses such nesting; a condition built in code may still hold it, and is not worth a crash.
        return "…"
    if isinstance(cond, AllOf | AnyOf):
        parts = cond.all if isinstance(cond, AllOf) else cond.any
        joined = _word("and" if isinstance(cond, AllOf) else "or", lang).join(
            _grouped(part, params, lang, depth + 1) for part in parts
        )
        return joined
    if isinstance(cond, Not):
        return f"{_word('not', lang)} ({describe(cond.not_, params, lang, depth + 1)})"
    if isinstance(cond, Compare):
        return _compare(cond, params, lang)
    if isinstance(cond, Count | Share):
        inner = cond.count if isinstance(cond, Count) else cond.share
        kind = "count" if isinstance(cond, Count) else "share"
        op, operand = cond.operator
        condition = describe(inner, params, lang, depth + 1)
        if lang == "zh":
            subject = f"{_word(cond.among, lang)}中“{condition}”的{_word(kind, lang)}"
        else:
            subject = f"the {_word(kind, lang)} {_word(cond.among, lang)} with {condition}"
        return f"{subject} {SYMBOL[op]} {_operand(operand, params)}"
    if isinstance(cond, Exists):
        inner_text = describe(cond.exists, params, lang, depth + 1)
        return f"{_word('exists', lang)} {_word(cond.among, lang)}: {inner_text}"
    if isinstance(cond, RelatedPairs):
        text = _word(cond.among, lang) + _word("pairs", lang).format(field=cond.related_pairs)
        if cond.between:
            one, other = (describe(side, params, lang, depth + 1) for side in cond.between)
            text += _word("between", lang).format(one=one, other=other)
        return text
    raise AssertionError(f"no words for {type(cond).__name__}")


def _grouped(cond: Condition, params: dict[str, Any], lang: Lang, depth: int) -> str:
    text = describe(cond, params, lang, depth)
    return f"({text})" if isinstance(cond, AllOf | AnyOf) else text


def _compare(cond: Compare, params: dict[str, Any], lang: Lang) -> str:
    op, operand = cond.operator
    if op == "present":
        return f"{cond.fact} {_word('present' if operand else 'absent', lang)}"
    if op == "within_years_before_election":
        return f"{cond.fact} " + _word("within", lang).format(years=_operand(operand, params))
    reading = _word("past-birthday", lang) if cond.reading == "past-birthday" else ""
    relation = SYMBOL.get(op) or _word(op, lang)
    return f"{cond.fact} {relation} {_operand(operand, params)}{reading}"


def _operand(operand: Any, params: dict[str, Any]) -> str:
    if isinstance(operand, ParamRef):
        return f"{operand.param} ({params.get(operand.param)})"
    if isinstance(operand, FactRef):
        return operand.fact
    if isinstance(operand, list):
        return "[" + ", ".join(str(item) for item in operand) + "]"
    if isinstance(operand, bool):
        return "true" if operand else "false"
    return str(operand)
