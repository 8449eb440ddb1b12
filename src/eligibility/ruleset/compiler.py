"""Conditions compiled once into plain callables that answer True, False or None (unknown); no eval."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
import string
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, NoReturn

from eligibility.candidate import Candidate, Member, Span, Team, Tri
from eligibility.errors import Location, RuleSetError, raise_any
from eligibility.messages import Term, did_you_mean
from eligibility.messages import what as what_word
from eligibility.roster.normalise import (
    KIN_PHRASE,
    UNREADABLE_DATE,
    IdNumber,
    anniversary,
    clean,
    completed_years,
    id_digits,
    ids_in_text,
    months_before,
    past_kin,
    read_id_number,
    years_before,
)
from eligibility.ruleset.facts import Fact, OpenSet, candidate_facts, team_facts
from eligibility.ruleset.model import (
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
    Rule,
    RuleFile,
    Share,
)
from eligibility.ruleset.vocab import MentionFinder, Vocabulary, suggest

Evidence = dict[str, Any]
Node = Callable[[Any, Evidence | None], Tri]
# A date within N years (or months) before election day, or N not yet completed by it.
WINDOW_OPERATORS = (
    "within_years_before_election",
    "less_than_years_before_election",
    "within_months_before_election",
    "less_than_months_before_election",
)
Where = Callable[[tuple[str | int, ...]], Location]
Path = tuple[str | int, ...]

_ORDER = {"gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le}
# Words a message template may always use, beside the rule's evidence and parameters.
TEMPLATE_NAMES = frozenset({"name", "community", "street", "roles"})
# What each kind of fact is, as a message says it: "age 是 age" told the author nothing (helper-52).
_KIND_WORDS: dict[str, tuple[str, str]] = {
    "age": ("周岁年龄", "an age"),
    "number": ("数字", "a number"),
    "date": ("日期", "a date"),
    "dates": ("日期", "dates"),
    "level": ("文化程度", "an education level"),
    "text": ("文字", "text"),
    "bool": ("是/否", "yes/no"),
    "set": ("集合", "a set"),
    "choice": ("选项", "a choice"),
}


def _kind(fact: Fact, lang: str) -> str:
    zh, en = _KIND_WORDS.get(fact.kind, (fact.kind, fact.kind))
    return zh if lang == "zh" else en


def _written(value: Any, lang: str) -> str:
    """A value of the rule file as its author wrote it, never Python's own text (datetime.date(…), True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_written(item, lang) for item in value) + "]"
    if isinstance(value, str):
        return f"“{value}”" if lang == "zh" else repr(value)
    if value is None:
        return "（空）" if lang == "zh" else "(blank)"
    return str(value)


# Evidence the tool itself gives a message, whatever the rule: a count's label may not take these names.
GIVEN_EVIDENCE = frozenset(
    {"election_date", "window_start", "matching", "pairs", "mentioned", "unknown", "unknown_members"}
)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule ready to run: its test, whom it applies to, the columns it needs, what its evidence means."""

    rule: Rule
    test: Node
    applies_to: frozenset[str]
    needs: tuple[tuple[str, ...], ...]
    evidence_kinds: dict[str, str]
    params: dict[str, Any]
    # The evidence and parameters that are shares of a team (shown as 50%); any other decimal is a number.
    shares: frozenset[str] = frozenset()
    # Columns read only for what their words mention (备注): a finding names the cell of another column it
    # reads (两违, the one to put right) before theirs.
    hints: frozenset[str] = frozenset()
    # Columns without which the condition cannot hold (备注 of `all: [{fact: remarks, mentions: …}, …]`): a roster
    # without one of them, a column read as blank where missing (`missing: blank`), leaves the rule nothing to
    # find, and it is not run on its rows.
    holds_only_with: frozenset[str] = frozenset()
    # Read for every rule of every row: a plain attribute, not a property.
    id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.rule.id)  # frozen: set once, here


@dataclass
class _Seen:
    """What compiling one rule found it needs: columns, evidence keys and their kinds, parameters."""

    needs: set[tuple[str, ...]] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    shares: set[str] = field(default_factory=set)
    hints: set[str] = field(default_factory=set)
    exists: int = 0  # how many: {matching} names the last one's people


class Compiler:
    """Turns the rules of one rule file into CompiledRules, reporting mistakes at their line."""

    def __init__(
        self,
        rule_file: RuleFile,
        params: dict[str, Any],
        vocabulary: Vocabulary,
        where: Where,
        written_as: Callable[[Path], Path] = lambda at: at,
    ) -> None:
        self.file = rule_file
        self.params = params
        self.vocabulary = vocabulary
        self.where = where
        # A merged rule's path as its own file writes it, for the field an error names.
        self.written_as = written_as
        self.facts = {
            "candidate": candidate_facts(vocabulary, rule_file.fields),
            "team": team_facts(vocabulary),
        }
        # Team rules ask questions of each member; the answers are computed as each candidate is read, so a
        # team keeps a tuple of answers instead of whole candidates.
        self.member_conditions: list[Node] = []
        self.member_needs: list[set[tuple[str, ...]]] = []
        # The facts each question reads: one that reads posts alone (bodies has_any [party]) has one answer for
        # everyone proposed for the same posts, worked out once, not on every row (see Review.member).
        self.member_facts: list[frozenset[str]] = []
        self.declared_fields: set[str] = set()
        # Every word the file's `mentions` look for: whether a refutation's clause answers an accusation of its
        # own (贿选问题已澄清) or the clause before's, whichever rule's words those are (违建未整改，贿选问题已澄清).
        self.accusations = sorted(_words_mentioned([rule.when.model_dump() for rule in rule_file.rules]))

    # ---- rules ----

    def compile_rule(self, rule: Rule, at: Path) -> CompiledRule:
        """A rule compiled, or every mistake in it at once (a wrong fact, an unknown role, a placeholder): one
        run of `rules validate` showed the first, and the author met the next only after fixing it."""
        seen = _Seen()
        problems: list[RuleSetError] = []
        test: Node | None = None
        try:
            test = self.condition(rule.when, rule.scope, (*at, "when"), seen)
        except RuleSetError as err:
            problems.extend(err.problems)
        for index, role in enumerate(rule.applies_to):
            if role not in self.vocabulary.words.roles:
                known = list(self.vocabulary.words.roles)
                # 书记 is how a roster writes party_secretary; a rule names the role by its id.
                spelt = self.vocabulary.roles(role)
                meant = spelt if isinstance(spelt, tuple) and len(spelt) == 1 else ()
                problems.append(
                    unknown_name(
                        self.where((*at, "applies_to", index)),
                        self.written_as((*at, "applies_to", index)),
                        "role",
                        role,
                        known,
                        meant=meant[0] if meant else None,
                    )
                )
        problems += self._checked_rule(rule, at, seen, complete=not problems)
        raise_any(problems)
        assert test is not None
        return CompiledRule(
            rule=rule,
            test=test,
            applies_to=frozenset(rule.applies_to),
            needs=tuple(sorted(seen.needs)),
            evidence_kinds=seen.kinds,
            params=seen.params,
            shares=frozenset(seen.shares),
            hints=frozenset(seen.hints),
            holds_only_with=self._holds_only_with(rule.when, rule.scope),
        )

    def _holds_only_with(self, cond: Condition, scope: str) -> frozenset[str]:
        """The columns a condition cannot hold without: a blank text finds no word it mentions, an `all` needs
        what any part of it needs, an `any` what every part needs. Nothing else is claimed (a `not`, a
        comparison): a rule is left out of a roster's run only where it could find nothing there."""
        if isinstance(cond, AllOf):
            return frozenset().union(*(self._holds_only_with(part, scope) for part in cond.all))
        if isinstance(cond, AnyOf):
            each = [self._holds_only_with(part, scope) for part in cond.any]
            return frozenset.intersection(*each) if each else frozenset()
        if isinstance(cond, Compare) and cond.mentions is not None:
            columns = self.facts[scope][cond.fact].columns
            return frozenset(columns[0]) if len(columns) == 1 and len(columns[0]) == 1 else frozenset()
        return frozenset()

    def _checked_rule(self, rule: Rule, at: Path, seen: _Seen, *, complete: bool) -> list[RuleSetError]:
        """The rest of a rule's mistakes: where applies_to and approved_by may stand, and the names its title and
        message use. With its condition not `complete` (a mistake in it), what the condition would have given
        the message is not known: any fact or parameter of the rule set may be named, so no name is said wrong
        that the condition, once right, would give."""
        problems: list[RuleSetError] = []
        if rule.applies_to and rule.scope == "team":
            problems.append(
                self._mistake(
                    (*at, "applies_to"),
                    "applies_to 只用于候选人规则；班子规则用 count、share、exists 挑选成员",
                    "applies_to is for candidate rules; team rules choose members with count",
                )
            )
        if rule.applies_to:
            seen.needs.add(("roles",))
        # Who approves a review finding means nothing once `severities` (or `amend`) makes it a warning, or one no
        # approval lifts: kept, unused, for a file extending this one may make it review again (helper-53). One
        # written in an `amend` with such a severity is refused as that amend is merged (inherit._amend).
        if (
            rule.approved_by
            and rule.severity != "review"
            and self.written_as((*at, "severity"))[0] not in ("severities", "amend")
        ):
            problems.append(
                self._mistake(
                    (*at, "approved_by"),
                    "approved_by 只用于 severity: review 的规则：只有这种审查意见能经事先审批",
                    "approved_by is for rules of severity review: only those findings can be approved in advance",
                )
            )
        if rule.approved_by and not rule.approvable:
            # Who approves a rule that no approval lifts: one of the two is a mistake.
            problems.append(
                self._mistake(
                    (*at, "approved_by"),
                    "approved_by 与 approvable: false 矛盾：这条规则不能以审批代替，就没有审批单位",
                    "approved_by contradicts approvable: false: a rule no approval lifts has no approving body",
                )
            )
        # A team has a street and a community, but no one name or roles of its own.
        about = TEMPLATE_NAMES if rule.scope == "candidate" else TEMPLATE_NAMES - {"name", "roles"}
        # A parameter named name: {name} in the message showed 70, not the candidate's name, and one named age
        # showed the threshold where the candidate's age was meant.
        problems.extend(
            self._mistake(
                ("parameters", name),
                f"参数名 {name} 与这条规则消息里的 {{{name}}}（本工具给出的值）重名；请给参数换个名字",
                f"parameter name {name} is also the {{{name}}} this rule's message is given by the tool; "
                "rename the parameter",
            )
            for name in sorted(seen.params.keys() & (about | seen.kinds.keys()))
        )
        if complete:
            allowed, titled = about | seen.kinds.keys() | seen.params.keys(), set(seen.params)
        else:
            every = self.facts[rule.scope].keys() | self.params.keys() | GIVEN_EVIDENCE
            labels = {f"{label}{end}" for label in _labels(rule.when) for end in LABEL_ENDS}
            allowed, titled = about | every | labels, set(self.params)
        for lang in ("zh", "en"):
            if seen.exists > 1 and "{matching}" in getattr(rule.message, lang):
                # {matching} names one exists' people: with two, it named the second's for both (helper-53).
                problems.append(
                    self._mistake(
                        (*at, "message", lang),
                        "这条规则有不止一个 exists，{matching} 只能指其中一组人；请分成两条规则，或改用带 label 的 "
                        "count（{label_names} 是符合的人）",
                        "this rule has more than one exists, and {matching} can name one group only; make two "
                        "rules, or use count with a label ({label_names} names those who match)",
                    )
                )
            problems += self._template_mistakes(getattr(rule.message, lang), allowed, (*at, "message", lang))
            # A title names no one: only the rule's parameters (超过{principal_max_age}周岁), so that --set
            # changes it too.
            problems += self._template_mistakes(getattr(rule.title, lang), titled, (*at, "title", lang))
        return problems

    def _template_mistakes(self, template: str, allowed: AbstractSet[str], at: Path) -> list[RuleSetError]:
        """Each placeholder of a message or title that is wrong, not only the first (helper-63)."""
        try:
            fields = [
                (name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
            ]
        except ValueError as err:
            return [
                self._mistake(
                    at,
                    "消息模板里的 { 或 } 没有配对；要写花括号本身，请写 {{ 或 }}",
                    f"message template: {err}; a brace itself is written {{{{ or }}}}",
                )
            ]
        problems: list[RuleSetError] = []
        for name, spec, conversion in fields:
            if name is None:
                continue
            if spec or conversion or not name:
                # Values are formatted for the reader's language by the tool, so a template only names them.
                written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                problems.append(
                    self._mistake(
                        at,
                        f"占位符 {written} 不能带格式（工具按读者的语言写出数值）；写成 {{{name or 'name'}}}",
                        f"placeholder {written} takes no format; write {{{name or 'name'}}}",
                    )
                )
            elif name not in allowed:
                what = "title placeholder" if at[-2] == "title" else "message placeholder"
                problems.append(
                    unknown_name(self.where(at), self.written_as(at), what, name, sorted(allowed))
                )
        return problems

    # ---- conditions ----

    def condition(self, cond: Condition, scope: str, at: Path, seen: _Seen) -> Node:
        if isinstance(cond, AllOf | AnyOf):
            # Each part's mistakes, not only the first part's.
            key, parts = ("all", cond.all) if isinstance(cond, AllOf) else ("any", cond.any)
            problems: list[RuleSetError] = []
            nodes: list[Node] = []
            for i, part in enumerate(parts):
                try:
                    nodes.append(self.condition(part, scope, (*at, key, i), seen))
                except RuleSetError as err:
                    problems.extend(err.problems)
            raise_any(problems)
            return _junction(nodes, key == "any")
        if isinstance(cond, Not):
            return _not(self.condition(cond.not_, scope, (*at, "not"), seen))
        if isinstance(cond, Compare):
            return self.compare(cond, scope, at, seen)
        if scope != "team":
            kind = type(cond).__name__.lower()
            self._bad(
                at,
                f"{kind} 看的是班子成员，只能用在 scope: team 的规则里",
                f"{kind} looks at a team's members and is allowed only in rules with scope: team",
            )
        if isinstance(cond, Count | Share | Exists):
            return self.count(cond, at, seen)
        if isinstance(cond, RelatedPairs):
            return self.related_pairs(cond, at, seen)
        raise AssertionError(f"condition kind {type(cond).__name__} has no compiler")

    def _fact(self, name: str, scope: str, at: Path) -> Fact:
        facts = self.facts[scope]
        if name not in facts:
            self._unknown(at, f"{scope} fact", name, list(facts))
        return facts[name]

    def _operand(self, value: Any, fact: Fact, scope: str, at: Path, seen: _Seen) -> Any:
        """A literal or parameter converted to what the fact's values are compared with."""
        if isinstance(value, ParamRef):
            if value.param not in self.params:
                self._unknown((*at, "param"), "parameter", value.param, list(self.params))
            seen.params[value.param] = self.params[value.param]
            # A parameter of the wrong kind is wrong where it is defined, not where it is used.
            return self._literal(self.params[value.param], fact, ("parameters", value.param, "value"))
        elif isinstance(value, FactRef):
            other = self._fact(value.fact, scope, (*at, "fact"))
            if other.kind != fact.kind or fact.kind not in ("number", "text", "choice"):
                self._bad(
                    at,
                    f"{fact.name}（{_kind(fact, 'zh')}）不能与事实 {other.name}（{_kind(other, 'zh')}）比较",
                    f"{fact.name} ({_kind(fact, 'en')}) cannot be compared with fact {other.name} ({_kind(other, 'en')})",
                )
            seen.needs.update(other.columns)
            seen.kinds[other.name] = other.kind
            return other
        return self._literal(value, fact, at)

    def _literal(self, value: Any, fact: Fact, at: Path) -> Any:
        kind = fact.kind
        if isinstance(value, list):
            return [self._literal(item, fact, at) for item in value]
        if kind in ("number", "age"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                self._bad(
                    at,
                    f"{fact.name} 是数字；{_written(value, 'zh')} 不是",
                    f"{fact.name} is a number; {_written(value, 'en')} is not",
                )
            return value
        if kind in ("date", "dates"):
            if not isinstance(value, dt.date):
                self._bad(
                    at,
                    f"{fact.name} 是日期；{_written(value, 'zh')} 不是（写成 YYYY-MM-DD）",
                    f"{fact.name} is a date; {_written(value, 'en')} is not (write YYYY-MM-DD)",
                )
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self._bad(
                    at,
                    f"{fact.name} 是“是/否”；写 true 或 false，不是 {_written(value, 'zh')}",
                    f"{fact.name} is yes/no; write true or false, not {_written(value, 'en')}",
                )
            return value
        if kind == "level":
            level = self.vocabulary.level(str(value))
            if not isinstance(level, str):
                self._unknown(at, "education level", str(value), self.vocabulary.level_ids)
            return self.vocabulary.rank_of[level]
        if fact.values is not None and str(value) not in fact.values:
            if fact.name == "political_status" and (listed := self.vocabulary.political_status(str(value))):
                return listed  # an alias (党员) is the status it stands for, in a rule as in a roster
            self._unknown(at, "value", str(value), sorted(fact.values))
        return str(value)

    def compare(self, cond: Compare, scope: str, at: Path, seen: _Seen) -> Node:
        fact = self._fact(cond.fact, scope, (*at, "fact"))
        op, raw = cond.operator
        seen.needs.update(fact.columns)
        seen.kinds[fact.name] = fact.kind
        where = (*at, "in" if op == "in" else op)
        if cond.reading is not None and fact.kind != "age":
            self._bad((*at, "reading"), "reading 只用于 age", "reading applies to age only")
        if op == "present":
            return _present(fact, bool(raw))
        if op == "mentions":
            return self._mentions(fact, raw, where, seen)
        if op in WINDOW_OPERATORS:
            months = "months" in op
            unit_zh, unit_en = ("月数", "months") if months else ("年数", "years")
            if fact.kind not in ("date", "dates"):
                self._bad(
                    where,
                    f"{op} 需要日期；{fact.name} 是{_kind(fact, 'zh')}",
                    f"{op} needs a date; {fact.name} is {_kind(fact, 'en')}",
                )
            count = self._operand(raw, Fact(unit_en, "number", (), _none), scope, where, seen)
            if not isinstance(count, int) or count < 0:
                blame = ("parameters", raw.param, "value") if isinstance(raw, ParamRef) else where
                self._bad(
                    blame,
                    f"{op} 需要整数{unit_zh}（0 或以上），不是 {_written(count, 'zh')}",
                    f"{op} needs a whole number of {unit_en}, not {_written(count, 'en')}",
                )
            seen.kinds["election_date"] = "date"
            seen.kinds["window_start"] = "date"
            return _within_years(
                fact,
                int(count),
                completed=op.startswith("less_than"),
                before=months_before if months else years_before,
            )
        if op in ("has_any", "has_all", "has_none"):
            if fact.kind == "dates":
                self._bad(
                    where,
                    f"{op} 比较的是词的集合；{fact.name} 是几个日期，请用 within_years_before_election、"
                    "less_than_years_before_election 或 present",
                    f"{op} compares a set of words; {fact.name} holds dates: use within_years_before_election, "
                    "less_than_years_before_election or present",
                )
            if fact.kind != "set":
                self._bad(
                    where,
                    f"{op} 需要集合（如 roles、bodies）；{fact.name} 是{_kind(fact, 'zh')}",
                    f"{op} needs a set such as roles or bodies; {fact.name} is {_kind(fact, 'en')}",
                )
            wanted = frozenset(self._literal(item, fact, where) for item in raw)
            return _has(fact, op, wanted)
        if fact.kind == "dates":
            # Not has_any: that compares a set of words, and a dates field holds days (the advice went round).
            self._bad(
                where,
                f"{fact.name} 是几个日期；请用 within_years_before_election（选举日前几年内）、"
                "less_than_years_before_election（未满几年）、within_months_before_election、"
                "less_than_months_before_election（按月）或 present",
                f"{fact.name} holds several dates; use within_years_before_election (within N years before "
                "election day), less_than_years_before_election (N years not yet completed), "
                "within_months_before_election, less_than_months_before_election (by months) or present",
            )
        if fact.kind == "set":
            self._bad(
                where,
                f"{fact.name} 有多个值；请用 has_any、has_all、has_none 或 present",
                f"{fact.name} holds several values; use has_any/has_all/has_none or present",
            )
        if op not in ("in", "not_in") and isinstance(raw, list):
            self._bad(
                where,
                f"{op} 只与一个值比较；要允许几个值，请用 in",
                f"{op} compares with one value; to allow several, use in",
            )
        if op in ("in", "not_in") and fact.kind in ("age", "date"):
            # An age or a date read from a roster is a range of days, never one exact value to look up.
            self._bad(
                where,
                f"{op} 比较的是确切的值；{fact.name} 是{_kind(fact, 'zh')}：请用 ge、le、gt 或 lt",
                f"{op} compares exact values; {fact.name} is {_kind(fact, 'en')}: use ge, le, gt or lt",
            )
        if op in ("in", "not_in") and isinstance(raw, ParamRef):
            self._bad(
                where,
                f"参数只有一个值；{op} 需要在这里直接写列表：{op}: [a, b]",
                f"a parameter holds one value; {op} needs a list written here: {op}: [a, b]",
            )
        if fact.kind == "text" and not isinstance(raw, FactRef):
            # A text cell is compared as written: true, a date or 3 never equals it, and the rule never fired.
            # Said before the value is looked up among the statuses a rule set lists (political_status).
            literals = raw if isinstance(raw, list) else [raw]
            wrong = [v for v in literals if not isinstance(v, str | ParamRef | FactRef)]
            if wrong:
                self._bad(
                    where,
                    f"{fact.name} 是文字，只能与文字比较，不是 {_shown(wrong[0])}；要比较数字或日期，请把字段的 type "
                    "改为 number 或 date，或给值加上引号",
                    f"{fact.name} is text and compares with text only, not {_shown(wrong[0])}; to compare a "
                    "number or a date, give the field type number or date, or quote the value",
                )
        operand = self._operand(raw, fact, scope, where, seen)
        if op in ("in", "not_in"):
            if not isinstance(operand, list):
                self._bad(
                    where,
                    f"{op} 需要列表：写成 {op}: [{operand}]",
                    f"{op} needs a list: write {op}: [{operand}]",
                )
            if fact.kind == "level":
                return _level_among(fact, frozenset(operand), negate=op == "not_in")
            if fact.spans:
                return _span_among(fact, frozenset(operand), negate=op == "not_in")
            return _member_of(fact, frozenset(operand), negate=op == "not_in")
        if op in _ORDER and fact.kind in ("text", "choice", "bool"):
            self._bad(
                where,
                f"{fact.name} 没有大小之分；请用 eq、ne、in 或 not_in",
                f"{fact.name} has no order; use eq, ne, in or not_in",
            )
        if fact.kind == "age":
            reading = cond.reading or "completed-years"
            if reading == "past-birthday" and op in ("eq", "ne"):
                self._bad(
                    where,
                    "past-birthday 读作“超过 N”；请用 gt、ge、lt 或 le",
                    "past-birthday reads 'over N'; use gt, ge, lt or le",
                )
            if isinstance(operand, float) or not 0 <= operand <= MAX_AGE:
                # An age of -5 or 1.5 passes the rule's check as a number and makes it say nothing true.
                blame = ("parameters", raw.param, "value") if isinstance(raw, ParamRef) else where
                self._bad(
                    blame,
                    f"年龄（周岁）是 0 到 {MAX_AGE} 的整数，不是 {_written(operand, 'zh')}",
                    f"an age (completed years) is a whole number from 0 to {MAX_AGE}, not {_written(operand, 'en')}",
                )
            seen.kinds["birth_date"] = "date"
            seen.kinds["election_date"] = "date"
            return _age(op, int(operand), reading, self.file.age_convention)
        if fact.spans or (isinstance(operand, Fact) and operand.spans):
            return _compare_spans(fact, op, operand)
        if isinstance(operand, Fact):
            return _compare_facts(fact, op, operand)
        if fact.kind == "level":
            return _compare_levels(fact, op, operand)
        if fact.kind == "date":
            return _compare_range(fact, op, operand)
        return _compare_value(fact, op, operand)

    def _mentions(self, fact: Fact, raw: list[str] | ParamRef, where: Path, seen: _Seen) -> Node:
        """`{fact: remarks, mentions: [两违, 违建]}`: the words a text field names, not negated in their clause."""
        if fact.kind != "text":
            self._bad(
                where,
                f"mentions 在文字字段（type: text，如备注）里找词；{fact.name} 是{_kind(fact, 'zh')}",
                f"mentions looks for words in a text field (type: text, such as remarks); {fact.name} is "
                f"{_kind(fact, 'en')}",
            )
        if isinstance(raw, ParamRef):
            # A parameter holds one value (and --set one word): the words are the rule's, written with it.
            self._bad(
                where,
                "参数只有一个值；mentions 需要在这里直接写词的列表：mentions: [两违, 违建]",
                "a parameter holds one value; mentions needs its list of words written here: mentions: [两违, 违建]",
            )
        seen.hints.update(column for group in fact.columns for column in group)
        seen.needs.update(fact.columns)
        seen.kinds["mentioned"] = "words"
        words = self.vocabulary.words
        return _mentions(
            fact,
            MentionFinder(
                raw,
                words.negations,
                words.not_negations,
                words.refutations,
                words.conjunctions,
                words.not_mentions,
                self.accusations,
                words.findings,
            ),
        )

    def count(self, cond: Count | Share | Exists, at: Path, seen: _Seen) -> Node:
        inner = (
            cond.exists if isinstance(cond, Exists) else cond.count if isinstance(cond, Count) else cond.share
        )
        key = "exists" if isinstance(cond, Exists) else "count" if isinstance(cond, Count) else "share"
        member_seen = _Seen()
        index = len(self.member_conditions)
        self.member_conditions.append(self.condition(inner, "candidate", (*at, key), member_seen))
        self.member_needs.append(member_seen.needs)
        self.member_facts.append(frozenset(member_seen.kinds))
        seen.needs.update(member_seen.needs)
        seen.params.update(member_seen.params)
        among = self._among(cond.among, (*at, "among"))
        # When members' answers are unknown, the finding names the facts and the members to look at.
        # Named by the facts tested, not those shown beside them: a member's election day is always known, and an
        # age unknown is said as such (周岁不明), as of a candidate, not as its birth date and election day too.
        beside = {"election_date", "window_start"} | ({"birth_date"} if "age" in member_seen.kinds else set())
        inner_facts = tuple(
            name
            for name, kind in member_seen.kinds.items()
            if kind not in ("names", "words") and name not in beside
        ) or (key,)
        if isinstance(cond, Exists):
            seen.exists += 1
            seen.kinds["matching"] = "names"
            return _exists(index, among, inner_facts)
        op, raw = cond.operator
        operand = self._operand(raw, Fact(cond.label, "number", (), _none), "team", (*at, op), seen)
        low, high = (0, 1) if isinstance(cond, Share) else (0, None)
        if isinstance(operand, int | float) and (operand < low or (high is not None and operand > high)):
            # A share of 1.5 can never be exceeded, a count of -1 always is: the rule would say nothing true.
            blame = ("parameters", raw.param, "value") if isinstance(raw, ParamRef) else (*at, op)
            zh, en = (
                ("0 到 1 之间的比例（0.5 即一半）", "a share from 0 to 1 (0.5 is half)")
                if high
                else ("0 或正数", "0 or more")
            )
            self._bad(
                blame,
                f"这里应是 {zh}，不是 {_written(operand, 'zh')}",
                f"this is {en}, not {_written(operand, 'en')}",
            )
        if isinstance(cond, Count) and isinstance(operand, float) and not operand.is_integer():
            # People come whole: "fewer than 1.5 women" is "at most one", which the file should say as it means.
            blame = ("parameters", raw.param, "value") if isinstance(raw, ParamRef) else (*at, op)
            self._bad(
                blame,
                f"人数是整数，不是 {_written(operand, 'zh')}；比例请用 share",
                f"a count of people is a whole number, not {_written(operand, 'en')}; for a proportion use share",
            )
        # A team's own facts too (members, candidates, seats_party): label: members made {members} the count of
        # women, where the same message elsewhere says the team's size (helper-95).
        given = TEMPLATE_NAMES | GIVEN_EVIDENCE | self.facts["team"].keys()
        said = {f"{cond.label}{end}" for end in LABEL_ENDS} & given
        if said:
            # label: community made {community} the count, not the community's name (helper-53).
            self._bad(
                (*at, "label"),
                f"label {cond.label} 会让消息里的 {{{min(said)}}} 变成人数，而它是本工具给出的值；请换个名字",
                f"label {cond.label} would make {{{min(said)}}} in the message a count, where the tool gives it; "
                "choose another name",
            )
        if cond.label in seen.kinds:
            # Two counts of one rule under one name (two without a label are both count): the message said the
            # second's number for both.
            self._bad(
                (*at, "label"),
                f"label {cond.label} 已用于这条规则的另一个 count 或 share；请给每个数起不同的名字（label）",
                f"label {cond.label} already names another count or share of this rule; give each its own label",
            )
        if isinstance(cond, Share):
            seen.shares.add(cond.label)
            if isinstance(raw, ParamRef):
                seen.shares.add(raw.param)
        seen.kinds[cond.label] = "number"
        seen.kinds[f"{cond.label}_of"] = "number"
        seen.kinds[f"{cond.label}_names"] = "names"
        if cond.leave_out:
            seen.kinds[f"{cond.label}_left_out"] = "number"
            seen.kinds[f"{cond.label}_left_out_names"] = "names"
            seen.kinds[f"{cond.label}_left_out_said"] = "said"  # worded by the engine, not evidence
        return _tally(
            index,
            among,
            op,
            operand,
            share=isinstance(cond, Share),
            label=cond.label,
            inner=inner_facts,
            leave_out=cond.leave_out is not None,
        )

    def _among(self, among: str, at: Path) -> str:
        """members, candidates, or a body the rule set names (居委会成员中大专以上占比: among: committee)."""
        bodies = self.vocabulary.words.bodies
        if among not in ("members", "candidates") and among not in bodies:
            self._unknown(at, "among", among, ["members", "candidates", *bodies])
        return among

    def related_pairs(self, cond: RelatedPairs, at: Path, seen: _Seen) -> Node:
        spec = self.file.fields.get(cond.related_pairs)
        if spec is not None and spec.type not in ("list", "text"):
            raise RuleSetError(
                "ruleset-bad-value",
                self.where((*at, "related_pairs")),
                field=dotted_path(self.written_as((*at, "related_pairs"))),
                reason=Term(
                    f"“{cond.related_pairs}”是 {spec.type} 字段，不是列表字段；related_pairs 需要 type: list 的字段",
                    f"{cond.related_pairs!r} is a {spec.type} field, not a list field; "
                    "related_pairs needs a field of type list",
                ),
            )
        if spec is None:
            known = [name for name, s in self.file.fields.items() if s.type in ("list", "text")]
            self._unknown((*at, "related_pairs"), "list field", cond.related_pairs, known)
        self.declared_fields.add(cond.related_pairs)
        seen.needs.add((cond.related_pairs,))
        seen.kinds["pairs"] = "names"
        sides: list[int] = []
        for i, side in enumerate(cond.between or ()):
            # Each side is asked of every member once, as a count's condition is (see count).
            member_seen = _Seen()
            sides.append(len(self.member_conditions))
            self.member_conditions.append(self.condition(side, "candidate", (*at, "between", i), member_seen))
            self.member_needs.append(member_seen.needs)
            self.member_facts.append(frozenset(member_seen.kinds))
            seen.needs.update(member_seen.needs)
            seen.params.update(member_seen.params)
        return _related_pairs(cond.related_pairs, self._among(cond.among, (*at, "among")), tuple(sides))

    # ---- errors ----

    def _mistake(self, at: Path, zh: str, en: str) -> RuleSetError:
        return RuleSetError(
            "ruleset-bad-value", self.where(at), field=dotted_path(self.written_as(at)), reason=Term(zh, en)
        )

    def _bad(self, at: Path, zh: str, en: str) -> NoReturn:
        raise self._mistake(at, zh, en)

    def _unknown(self, at: Path, what: str, name: str, known: Sequence[str]) -> NoReturn:
        raise unknown_name(self.where(at), self.written_as(at), what, name, known)


def unknown_name(
    location: Location, at: Path, what: str, name: str, known: Sequence[str], meant: str | None = None
) -> RuleSetError:
    """A rule-file error for a name that is not defined, with the closest defined one (or the one it is a
    spelling of, `meant`) and the full list."""
    return RuleSetError(
        "ruleset-unknown-name",
        location,
        field=dotted_path(at),
        what=what_word(what),
        name=name,
        suggestion=did_you_mean((meant,)) if meant else did_you_mean(suggest(name, list(known))),
        known=", ".join(known) or "—",
    )


# What a count's label names in a message: the count, whom it is of, who match; and, with leave_out, how many and
# who were left out, and those named in words where there are any (nothing where there are none).
LABEL_ENDS = ("", "_of", "_names", "_left_out", "_left_out_names", "_left_out_said")


def _labels(cond: Any) -> Iterator[str]:
    """The labels of a condition's counts and shares, wherever they stand in it."""
    if isinstance(cond, Count | Share):
        yield cond.label
    for part in (getattr(cond, name, None) for name in ("all", "any", "not_")):
        for each in part if isinstance(part, list) else [part] if part is not None else []:
            yield from _labels(each)


def dotted_path(at: Path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at).lstrip(".")


def _none(_: Any) -> None:
    return None


def _unsure(ev: Evidence | None, name: str) -> None:
    """Note in the evidence which fact left the answer open, so the finding can say what to look at."""
    if ev is not None:
        names = ev.setdefault("unknown", [])
        if name not in names:
            names.append(name)


# ---- the node builders: each returns a closure, so evaluation is plain function calls -----------------------


def _junction(nodes: list[Node], decisive: bool) -> Node:
    """`all` (decided by a False) or `any` (decided by a True), in three-valued logic."""

    def test(subject: Any, ev: Evidence | None) -> Tri:
        unknown = False
        open_before = list(ev.get("unknown", ())) if ev is not None else []
        for node in nodes:
            answer = node(subject, ev)
            if answer is decisive:
                if ev is not None:
                    # Explaining: the reader wants every fact the rule looks at, not only the deciding one.
                    for rest in nodes:
                        rest(subject, ev)
                    # But decided, the answer is not open: a part left open beside the deciding one (受过刑事处罚
                    # not answered, beside 备注 saying it) made a finding read as could-not-decide.
                    if open_before:
                        ev["unknown"] = open_before
                    else:
                        ev.pop("unknown", None)
                return decisive
            unknown = unknown or answer is None
        return None if unknown else not decisive

    return test


def _not(node: Node) -> Node:
    def test(subject: Any, ev: Evidence | None) -> Tri:
        answer = node(subject, ev)
        return None if answer is None else not answer

    return test


def _present(fact: Fact, wanted: bool) -> Node:
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value = get(subject)
        if ev is not None:
            ev[name] = value
        filled = value not in (None, "", (), frozenset())
        if value is None and getattr(subject, "problems", None) and _unreadable(subject, name):
            # Written, but not read (被罢免日期 2019年春, 不详 under a yes/no): filled in, its value unknown. Taken
            # for blank, `present: true` ruled the person out and the bar passed (helper-95).
            filled = True
        return filled is wanted

    return test


def _words_mentioned(tree: Any) -> set[str]:
    """The words of every `mentions` list in a dumped condition tree."""
    if isinstance(tree, list):
        return {word for item in tree for word in _words_mentioned(item)}
    if not isinstance(tree, dict):
        return set()
    found = (
        {word for word in tree["mentions"] if isinstance(word, str)}
        if isinstance(tree.get("mentions"), list)
        else set()
    )
    return found.union(
        *(_words_mentioned(value) for value in tree.values() if isinstance(value, (dict, list)))
    )


def _mentions(fact: Fact, finder: MentionFinder) -> Node:
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value = get(subject)
        # Blank (or a roster without the column, read as blank): nothing is mentioned, and most rows cost this.
        found = finder(value) if value else []
        if ev is not None:
            ev[name] = value
            said = ev.setdefault("mentioned", [])
            said.extend(word for word in found if word not in said)
        return bool(found)

    return test


# The findings of a cell written but not read as its field's type: its value is unknown, not blank.
_UNREADABLE = frozenset(
    {
        "date-invalid",
        "date-impossible",
        "number-invalid",
        "number-negative",
        "yes-no-unknown",
        "yes-no-unanswered",
    }
)


def _unreadable(person: Any, name: str) -> bool:
    return any(p.rule in _UNREADABLE and (p.of or p.column) == name for p in person.problems)


def _has(fact: Fact, op: str, wanted: frozenset[str]) -> Node:
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value: frozenset[str] | tuple[str, ...] | None = get(subject)
        if ev is not None:
            ev[name] = value
        if value is None:
            _unsure(ev, name)
            return None
        # A list cell keeps the order it was written in, for the message; the rule compares it as a set.
        held = value if isinstance(value, frozenset) else frozenset(value)
        if op == "has_any":
            answer = not held.isdisjoint(wanted)
        elif op == "has_all":
            answer = wanted <= held
        else:
            answer = held.isdisjoint(wanted)
        if isinstance(held, OpenSet) and answer is (op == "has_none"):
            # Posts not all read: what was not found among them may be held, and what was found stays held.
            _unsure(ev, "roles")
            return None
        return answer

    return test


def _member_of(fact: Fact, allowed: frozenset[Any], *, negate: bool) -> Node:
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value = get(subject)
        if ev is not None:
            ev[name] = value
        if value is None:
            _unsure(ev, name)
            return None
        return (value in allowed) is not negate

    return test


def _span_among(fact: Fact, allowed: frozenset[Any], *, negate: bool) -> Node:
    """A team's count, which may be known only as a span (see Team.seats), among values: an answer only when
    every count in the span is among them, or none is."""
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value = get(subject)
        if ev is not None:
            ev[name] = _count_shown(value)
        low, high = _ends(value)
        inside = {count in allowed for count in range(low, high + 1)}
        if len(inside) > 1:
            _unsure(ev, name)
            return None
        return inside.pop() is not negate

    return test


def _compare_levels(fact: Fact, op: str, operand: int) -> Node:
    """An education cell against a level: the cell may allow a range of levels (初中及以下), and then there is
    one answer only when all of them agree."""
    compare = _ORDER.get(op) or (operator.eq if op == "eq" else operator.ne)

    def answer(low: int, high: int) -> Tri:
        if low == high:  # the common cell: one level
            return bool(compare(low, operand))
        return _range_answer(op, low, high, operand)

    return _levels(fact, answer)


def _level_among(fact: Fact, allowed: frozenset[int], *, negate: bool) -> Node:
    """An education range among listed levels: yes when every level it allows is listed, no when none is."""

    def answer(low: int, high: int) -> Tri:
        listed = {rank in allowed for rank in range(low, high + 1)}
        return None if len(listed) > 1 else listed.pop() is not negate

    return _levels(fact, answer)


def _levels(fact: Fact, answer: Callable[[int, int], Tri]) -> Node:
    """A test of an education cell's ranks, lowest and highest: unknown when the cell is, or the answer is."""
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value: tuple[int, int] | None = get(subject)
        if ev is not None:
            ev[name] = value
        result = None if value is None else answer(*value)
        if result is None:
            _unsure(ev, name)
        return result

    return test


def _compare_value(fact: Fact, op: str, operand: Any) -> Node:
    get, name = fact.get, fact.name
    compare = _ORDER.get(op) or (operator.eq if op == "eq" else operator.ne)

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value = get(subject)
        if ev is not None:
            ev[name] = value
        if value is None:
            _unsure(ev, name)
            return None
        return bool(compare(value, operand))

    return test


def _compare_facts(fact: Fact, op: str, other: Fact) -> Node:
    get, other_get = fact.get, other.get
    compare = _ORDER.get(op) or (operator.eq if op == "eq" else operator.ne)

    def test(subject: Any, ev: Evidence | None) -> Tri:
        left, right = get(subject), other_get(subject)
        if ev is not None:
            ev[fact.name] = left
            ev[other.name] = right
        if left is None or right is None:
            _unsure(ev, fact.name if left is None else other.name)
            return None
        return bool(compare(left, right))

    return test


def _compare_spans(fact: Fact, op: str, operand: Any) -> Node:
    """A team's count, which may be known only as a span (see Team.seats), against a value or another fact: an
    answer only when every count in the spans gives the same."""
    get = fact.get
    other = operand.get if isinstance(operand, Fact) else None

    def test(subject: Any, ev: Evidence | None) -> Tri:
        left = get(subject)
        right = other(subject) if other is not None else operand
        if ev is not None:
            ev[fact.name] = _count_shown(left)
            if isinstance(operand, Fact):
                ev[operand.name] = _count_shown(right)
        if left is None or right is None:
            _unsure(ev, fact.name if left is None else operand.name)
            return None
        (low, high), (least, most) = _ends(left), _ends(right)
        if op in ("eq", "ne"):
            if low == high == least == most:
                return op == "eq"
            if high < least or most < low:
                return op == "ne"
            answer = None
        else:
            compare = _ORDER[op]
            corners = {bool(compare(a, b)) for a in (low, high) for b in (least, most)}
            answer = corners.pop() if len(corners) == 1 else None
        if answer is None:
            _unsure(ev, fact.name if isinstance(left, Span) else operand.name)
        return answer

    return test


def _ends(count: int | Span) -> tuple[int, int]:
    """The least and the most a team's count may be."""
    return (count.low, count.high) if isinstance(count, Span) else (count, count)


def _count_shown(count: Any) -> Any:
    """A team's count as its evidence shows it: a span as 1–3."""
    return str(count) if isinstance(count, Span) else count


def _range_answer(op: str, low: Any, high: Any, operand: Any) -> Tri:
    """Compare a value known only to lie in [low, high]: an answer only when every value in it agrees."""
    if op in ("eq", "ne"):
        if low == high:
            return (low == operand) is (op == "eq")
        if low <= operand <= high:
            return None
        return op == "ne"
    compare = _ORDER[op]
    first, last = bool(compare(low, operand)), bool(compare(high, operand))
    return first if first == last else None


def _compare_range(fact: Fact, op: str, operand: dt.date) -> Node:
    get, name = fact.get, fact.name

    def test(subject: Any, ev: Evidence | None) -> Tri:
        value: tuple[dt.date, dt.date] | None = get(subject)
        if ev is not None:
            ev[name] = value
        if value is None:
            _unsure(ev, name)
            return None
        answer = _range_answer(op, value[0], value[1], operand)
        if answer is None:
            _unsure(ev, name)
        return answer

    return test


def _age(op: str, years: int, reading: str, convention: str) -> Node:
    """周岁 on election day. completed-years compares whole years; past-birthday compares the exact age, so that
    'over 57' holds from the day after the 57th birthday."""

    def age_on(birth: dt.date, on: dt.date) -> int:
        return completed_years(birth, on, convention)

    def exact(birth: dt.date, on: dt.date) -> bool:
        if reading == "completed-years":
            value = age_on(birth, on)
            if op in ("eq", "ne"):
                return (value == years) is (op == "eq")
            return bool(_ORDER[op](value, years))
        # Exact age > N  <=>  election day is after the N-th birthday (过了N岁生日的第二天起, docs/rules.md §8.4):
        # by the birthday itself, whatever age_convention says. Counted from the day one reaches N under
        # day-after-birthday, it held only from the second day after the birthday (helper-95).
        return bool(_ORDER[op](on, anniversary(birth, years)))

    # For one election day the answer changes with the birth date on a day or two only: those days are found once
    # a day, by `exact` itself, and a birth date answered by how many of them it is past. Exact whatever the
    # convention, reading and op; a cache of each (birth date, day) pair held 10 MB at a million rows.
    turns: dict[dt.date, tuple[bool, list[dt.date]]] = {}

    def answer(birth: dt.date, on: dt.date) -> bool:
        found = turns.get(on)
        if found is None:
            found = turns[on] = _turning_days(on, years, exact, op in ("eq", "ne"))
        first, days = found
        return first is not bool(bisect.bisect_right(days, birth) & 1)

    def test(person: Candidate, ev: Evidence | None) -> Tri:
        birth, on = person.birth, person.election_date
        if ev is not None:
            ev["election_date"] = on
            ev["birth_date"] = birth
            if birth is not None:
                low, high = age_on(birth[1], on), age_on(birth[0], on)
                ev["age"] = low if low == high else f"{low}–{high}"
            else:
                ev["age"] = None
        if birth is None:
            _unsure(ev, "age")
            return None
        # The answer is monotonic in the birth date, so the two ends of a partial date decide it.
        first, last = answer(birth[0], on), answer(birth[1], on)
        if first != last:
            _unsure(ev, "age")
            return None
        return first

    return test


def _turning_days(
    on: dt.date, years: int, exact: Callable[[dt.date, dt.date], bool], twice: bool
) -> tuple[bool, list[dt.date]]:
    """An age rule's answer on a day for a birth date on the first day of the years where it can change (N + 2
    years before, where one is N + 1 or N + 2 周岁 under either convention, to N − 2 years before), and the days in
    them where it does. Outside them one is more than N, or less than N, whatever the convention: the answer is
    that at their nearer end. An order (gt, le …) turns once at most, the age moving one way with the birth date:
    found by halving the years, a dozen answers, where a province's election days were 1,461 answers each; equal
    and not equal (`twice`) may turn twice, and are read day by day."""
    day, last = years_before(on, years + 2), years_before(on, years - 2)
    first = exact(day, on)
    if not twice:
        if exact(last, on) is first:
            return first, []
        low, high = day, last  # the answer at low is first, at high not
        while (high - low).days > 1:
            middle = low + (high - low) // 2
            low, high = (middle, high) if exact(middle, on) is first else (low, middle)
        return first, [high]
    answer, days = first, []
    while day < last:
        day += dt.timedelta(days=1)
        if (now := exact(day, on)) is not answer:
            days.append(day)
            answer = now
    return first, days


def _within_years(
    fact: Fact, years: int, completed: bool = False, before: Callable[[dt.date, int], dt.date] | None = None
) -> Node:
    """A date (or any of several) inside [election day − N years, election day], both ends included (选举日前N年
    内); or, `completed`, N years not yet completed by election day (未满N年): the day N years before is left out,
    as on it the N years are full (民法典 §1259: 不满 excludes the number). `before` counts back N months
    instead (months_before), as a sanction's 影响期 of 6 or 18 months is written."""
    get, name, many = fact.get, fact.name, fact.kind == "dates"
    back = before or years_before

    def test(person: Candidate, ev: Evidence | None) -> Tri:
        value = get(person)
        ranges: tuple[tuple[dt.date, dt.date], ...] = (value or ()) if many else ((value,) if value else ())
        end = person.election_date
        start = _not_yet_completed(end, years, back) if completed else back(end, years)
        if ev is not None:
            ev[name] = ranges if many else value
            ev["window_start"] = start
            ev["election_date"] = end
        if not ranges:
            if many:
                return False  # the common row: no date at all
            # One date (a `date` field): blank is unknown, as docs/rules.md §6 says, and one that could not be
            # read is no "none" either (helper-95: 开除党籍日期 2021年春 read as none, and the bar passed).
            _unsure(ev, name)
            return None
        inside = [(low, high) for low, high in ranges if start <= low and high <= end]
        if inside:
            if ev is not None:
                # The dates that decide it: one outside the window is no part of the finding.
                ev[name] = inside if many else inside[0]
            return True
        astride = [(low, high) for low, high in ranges if not (high < start or low > end)]
        if astride:
            if ev is not None:
                # A date that could not be read is said by the cell's own finding, not shown as a day.
                shown = [span for span in astride if span != UNREADABLE_DATE]
                ev[name] = (shown or None) if many else astride[0]  # none read at all: unknown, not 无
            _unsure(ev, name)
            return None
        return False

    return test


def _not_yet_completed(
    end: dt.date, count: int, before: Callable[[dt.date, int], dt.date] = years_before
) -> dt.date:
    """The first day from which `count` years (or months, by months_before) are not completed by `end`: the day
    after the one `count` before it. A 29 February completes its years on 1 March in a common year, as a 29
    February birthday reaches an age (民法典 §201–202; completed_years): so with `end` a 28 February, the 29th
    before it has not completed them."""
    return before(end, count) + dt.timedelta(days=1)


# The oldest age a rule may name: past any person's, short of nonsense (an age of -5, or of 10**20).
MAX_AGE = 150


def _members(team: Team, among: str) -> tuple[Sequence[Member], Sequence[Member]]:
    """Whom a count is of, and who may be among them or not: a person whose posts could not all be read may
    hold a seat, or one in the body; one whose row is marked as perhaps withdrawn (hidden, struck through) may
    no longer stand at all."""
    if among == "candidates":
        return team.standing() if team.marked else (team.people, [])
    if among == "members":
        return team.members(), team.maybe_members()
    return [p for p in team.members() if among in p.bodies], team.maybe_in(among)


# Facts a person always has (posts are read, if only as none): never why a member condition could not decide.
_NEVER_UNKNOWN = frozenset({"roles", "bodies", "principal", "name", "community", "election_date"})


# The facts of a person's posts: a member question reading these alone has one answer for everyone proposed for the
# same posts (see Compiled.posts_only).
POSTS = frozenset({"roles", "bodies", "principal"})

# Why a member may not count, beside a fact: their row is marked as perhaps withdrawn (Member.mark). Named in the
# evidence's unknown as a fact is; never a fact a rule can name.
CANDIDACY = "candidacy"


def _unsure_members(
    ev: Evidence | None, inner: tuple[str, ...], people: Sequence[Member], maybe: Sequence[Member], index: int
) -> None:
    """Why members' answers left a count open, and whose: a fact not known, or posts not read (``maybe``: who
    may not be members at all)."""
    if ev is None:
        return
    unanswered = [p for p in people if p.answers[index] is None]
    reads_posts = not POSTS.isdisjoint(inner)
    # Unanswered for a fact not known, unless the question is on posts not read.
    if any(not (p.posts_unread and reads_posts) for p in (*unanswered, *maybe) if p.answers[index] is None):
        for name in inner:
            if name not in _NEVER_UNKNOWN:
                _unsure(ev, name)
    if any(p.posts_unread for p in (*unanswered, *maybe)):
        _unsure(ev, "roles")
    if any(p.mark is not None for p in maybe):
        _unsure(ev, CANDIDACY)
    ev["unknown_members"] = [p.name for p in (*unanswered, *maybe)]  # no one is both: a maybe is no member


def _exists(index: int, among: str, inner: tuple[str, ...]) -> Node:
    def test(team: Team, ev: Evidence | None) -> Tri:
        people, maybe = _members(team, among)
        matching = [p.name for p in people if p.answers[index] is True]
        if ev is not None:
            ev["matching"] = matching
        if matching:
            return True
        # One who may be a member, and may match: one who does not match decides nothing, member or not.
        open_maybe = [p for p in maybe if p.answers[index] is not False]
        if any(p.answers[index] is None for p in people) or open_maybe:
            _unsure_members(ev, inner, people, open_maybe, index)
            return None
        return False

    return test


def _tally(
    index: int,
    among: str,
    op: str,
    operand: Any,
    *,
    share: bool,
    label: str,
    inner: tuple[str, ...],
    leave_out: bool = False,
) -> Node:
    def test(team: Team, ev: Evidence | None) -> Tri:
        people, maybe = _members(team, among)
        if leave_out:
            # The team that can be formed: one a candidate rule bars cannot be its one woman, nor its majority.
            # One who may be a member and is barred is out either way.
            left = [p for p in people if p.barred]
            if ev is not None:
                ev[f"{label}_left_out"] = len(left)
                ev[f"{label}_left_out_names"] = [p.name for p in left]
            if left:
                people = [p for p in people if not p.barred]
            maybe = [p for p in maybe if not p.barred]
        answers = [p.answers[index] for p in people]
        unknown = answers.count(None)
        total = len(people)
        low: float = answers.count(True)
        # Each who may be a member: counted, at most, when they may match; for a share, taken in or left out,
        # whichever moves it further (a match raises it, a person who does not match lowers it).
        may_match = sum(1 for p in maybe if p.answers[index] is not False)
        may_not = sum(1 for p in maybe if p.answers[index] is not True)
        high: float = low + unknown + may_match
        if share:
            if total == 0:
                if maybe:  # whose posts were not read: members or not, who the share is of is not known
                    _unsure_members(ev, (), people, maybe, index)
                else:
                    _unsure(ev, "members")  # a share of nobody: the team has no members to count
                return None
            low, high = low / (total + may_not), high / (total + may_match)
        if isinstance(operand, Fact):
            bound = operand.get(team)
            if bound is None or isinstance(bound, Span):  # not known, or known only as a span
                _unsure(ev, operand.name)
                return None
        else:
            bound = operand
        if ev is not None:
            value: Any = round(low, 3) if share else low
            ev[label] = value if low == high else f"{value}–{round(high, 3) if share else high}"
            ev[f"{label}_of"] = total if not maybe else f"{total}–{total + len(maybe)}"
            ev[f"{label}_names"] = [p.name for p in people if p.answers[index] is True]
        answer = _range_answer(op, low, high, bound)
        if answer is None:
            _unsure_members(
                ev, inner, people, [p for p in maybe if p.answers[index] is not False or share], index
            )
        return answer

    return test


def _related_pairs(field_name: str, among: str, sides: tuple[int, ...] = ()) -> Node:
    def between(one: Member, other: Member) -> Tri:
        """Whether the pair is one of each side (either way round); unknown when an answer left it open."""
        if not sides:
            return True
        first, second = sides
        ways = ((one.answers[first], other.answers[second]), (other.answers[first], one.answers[second]))
        if any(a is True and b is True for a, b in ways):
            return True
        return None if any(a is not False and b is not False for a, b in ways) else False

    def test(team: Team, ev: Evidence | None) -> Tri:
        members, maybe = _members(team, among)
        people = [*members, *maybe]
        if not any(p.declared.get(field_name) for p in people):
            if ev is not None:
                ev["pairs"] = []
            return False  # nobody declared a relative: the common team, answered without reading names
        by_key, by_name = _by_key_and_name(people)
        pairs: list[str] = []
        open_pairs: list[str] = []  # declared, but whether one of each side is not known
        mistyped: list[Member] = []  # declared a name one character off a member's: a typo, or another person
        unsure_of: list[Member] = []  # in an open pair, and may not be a member
        ambiguous: list[Member] = []  # declared a name two people on the roster have
        # A pair is taken as sure by any entry that makes it so, whichever row comes first: the first entry,
        # open, kept a later one that named the person outright from counting (helper-71).
        sure_seen: set[frozenset[int]] = set()
        open_found: dict[frozenset[int], str] = {}
        sure_members = {id(p) for p in members}
        by_marks = True  # every open pair is open only for a row marked withdrawn
        for person in people:
            for declared in person.declared.get(field_name, ()):
                named, _ = _named_by(declared, person, people, by_key, by_name)
                if not named and _one_off(declared, people, person) and person not in mistyped:
                    mistyped.append(person)
                for other in named:
                    if other is person:
                        continue
                    pair = frozenset((id(person), id(other)))
                    if pair in sure_seen:
                        continue
                    fits = between(person, other)
                    if fits is False:
                        continue
                    # Of two others of that name on the roster, which one is meant is not known (郑大为, or
                    # 郑大为之子, beside another 郑大为): the pair is open, the other one on no seat too (a 村民
                    # 小组长 张伟 beside the committee's, helper-63); unless each of them is a member the pair
                    # holds for, when the relative is on the team whichever is meant (helper-69).
                    namesakes = (
                        []
                        if by_key.get(declared) is other
                        else [p for p in team.people if p is not person and p.name == other.name]
                    )
                    which_unknown = len(namesakes) > 1 and not all(
                        id(p) in sure_members and between(person, p) is True for p in namesakes
                    )
                    # A pair with one who may not be a member at all is open too.
                    sure = fits and not which_unknown and person not in maybe and other not in maybe
                    shown = f"{person.name}—{other.name}"
                    if sure:
                        sure_seen.add(pair)
                        if shown not in pairs:
                            pairs.append(shown)
                    else:
                        open_found.setdefault(pair, shown)
                        unsure_of.extend(p for p in (person, other) if p in maybe and p not in unsure_of)
                        # Open only as one of them may no longer stand (a row marked withdrawn): whom the
                        # relative declared is, is not in doubt.
                        by_marks = by_marks and fits is True and not which_unknown
                        by_marks = by_marks and all(
                            p.mark is not None and not p.posts_unread for p in (person, other) if p in maybe
                        )
                        if which_unknown and person not in ambiguous:
                            ambiguous.append(person)
        open_pairs.extend(
            dict.fromkeys(
                shown for pair, shown in open_found.items() if pair not in sure_seen and shown not in pairs
            )
        )
        if ev is not None:
            # The open pairs beside the sure ones, marked: they were dropped once a pair was sure (helper-69).
            ev["pairs"] = [*pairs, *(f"{p}(?)" for p in open_pairs)] if pairs else open_pairs
        if not pairs and (open_pairs or mistyped):
            if mistyped or not by_marks:
                _unsure(ev, field_name)
            if any(p.posts_unread for p in unsure_of):
                _unsure(ev, "roles")
            if any(p.mark is not None for p in unsure_of):
                _unsure(ev, CANDIDACY)
            if ev is not None and (mistyped or unsure_of or ambiguous):
                # Who to ask: the one whose relative is one of two people of a name is named too; the finding
                # said 亲属不明 of nobody (helper-69).
                ev["unknown_members"] = list(
                    dict.fromkeys(p.name for p in (*mistyped, *unsure_of, *ambiguous))
                )
            return None
        return bool(pairs)

    return test


def _by_key_and_name(people: Sequence[Member]) -> tuple[dict[str, Member], dict[str, list[Member]]]:
    """The people by ID number, and every one of a name by it: 张伟 declaring 张伟 names the other 张伟,
    whichever row comes first (the first alone was kept, and was the one declaring: the pair was dropped as
    himself, helper-61)."""
    by_key: dict[str, Member] = {}
    by_name: dict[str, list[Member]] = {}
    for person in people:
        by_name.setdefault(person.name, []).append(person)
        if person.id_number:
            by_key[person.id_number] = person
    return by_key, by_name


def _named_by(
    declared: str,
    person: Member,
    people: Sequence[Member],
    by_key: dict[str, Member],
    by_name: dict[str, list[Member]],
) -> tuple[list[Member], list[Member]]:
    """Whom one entry of a person's relatives cell names: the holder of an ID number, the others of a name, or
    those named within words; and, apart, the others of the name it is (whom a bare name may mean)."""
    exact = by_key.get(declared)
    if exact is not None:
        return [exact], []
    same = [p for p in by_name.get(declared, ()) if p is not person]
    return same or _named_within(declared, people, person, by_key), same


def relatives_not_on_team(team: Team, field_name: str) -> list[tuple[Member, tuple[str, ...]]]:
    """Relatives declared who are none of the community's candidates, by whom they were declared: the column
    holds relatives who are also candidates, so a cell naming no one is a typo the pairs passed over, one
    standing elsewhere, or someone not standing. A cell whose entries name someone keeps its other entries as
    remarks (张伟（已故）, split at the bracket), but for an ID number, which is always someone. A name one
    character off a member's is already said, open, by the rule (see _one_off). Of every row of the community,
    seated or not."""
    people = team.people
    if not any(p.declared.get(field_name) for p in people):
        return []
    by_key, by_name = _by_key_and_name(people)
    found: list[tuple[Member, tuple[str, ...]]] = []
    for person in people:
        declared = person.declared.get(field_name, ())
        unnamed = tuple(
            entry
            for entry in declared
            if not any(o is not person for o in _named_by(entry, person, people, by_key, by_name)[0])
        )
        if len(unnamed) < len(declared):
            # Beside a name found, the other entries are mostly remarks (已故, 夫妻); but an ID number is always
            # someone, and so is what reads as a name (a surname, two to four characters, no kinship word):
            # 张伟、王健国 with 王健国 mistyped passed as one relative declared (helper-65).
            unnamed = tuple(entry for entry in unnamed if ids_in_text(entry) or _reads_as_a_name(entry))
        if unnamed and not any(_one_off(entry, people, person) for entry in unnamed):
            found.append((person, unnamed))
    return found


def _reads_as_a_name(entry: str) -> bool:
    """Whether a relatives entry reads as a person's name alone: two to four Chinese characters, starting with a
    common surname, with no word of kinship or remark in it (岳父 and 孙女 start with surnames too)."""
    text = entry.replace(" ", "")
    if not 2 <= len(text) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    if any(word in text for word in (*_KIN, *_KIN_FAR, *_REMARKS)):
        return False
    return text[0] in _SURNAMES or text[:2] in _DOUBLE_SURNAMES


# The commonest surnames (of the hundred most common, about 85% of people), without those that are also words a
# remark starts with (母, 公, 师, 干, 阿, 和, 原, 国).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝谈匡鞠惠荆乐冀郁胥"
    "南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜阚权帅屠朴盖练廉禹井漆巴丰支卿狄计索宣晋芮扈晁阙浦戈"
    "伏鹿薄邸雍辜羊裘亓修邰赫杭况宿鲜逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅於揭尉冶斯束檀衣展昝智幸奉植衡富尧"
)
# fmt: off
_DOUBLE_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
    "端木", "独孤", "南宫", "西门", "轩辕", "钟离", "申屠", "太史", "呼延", "万俟", "澹台", "闻人", "完颜",
))
# fmt: on
# Remarks beside a relative's name: of a person no longer there, or not standing here.
# And kin or ties that start with a surname (翁婿, 郎舅, 宗亲, 战友) or are no relation (同事, helper-68).
_REMARKS = (
    *("已故", "去世", "病故", "离异", "离婚", "候选人", "本社区", "本村", "外地", "本人", "其他"),
    *("翁婿", "郎舅", "宗亲", "族亲", "姻亲", "表亲", "堂亲", "近亲", "远亲", "干亲", "战友", "同事", "同学"),
    *("朋友", "邻居", "老乡", "同乡", "师生", "师徒", "舅甥", "甥舅", "叔侄", "姑侄", "祖孙", "婆媳", "母女"),
)


def _one_off(declared: str, people: Sequence[Member], declaring: Member) -> bool:
    """Whether a relative written as a bare name differs from a member's name by one character (张国墙 for
    张国强): a typo would otherwise pass the team as having no relatives on it, without a word."""
    written = _NAME_DOTS.sub("", declared).replace(" ", "").casefold()
    if len(written) < 2 or not all(_in_name(ch) for ch in written):
        return False
    names = (_NAME_DOTS.sub("", m.name).replace(" ", "").casefold() for m in people if m is not declaring)
    return any(
        len(name) == len(written) and sum(a != b for a, b in zip(name, written, strict=True)) == 1
        for name in names
    )


def _named_within(
    declared: str, people: Sequence[Member], declaring: Member, by_key: dict[str, Member]
) -> list[Member]:
    """The members a relatives entry written as words names (妻子李秀英, 与李秀英系夫妻, 王海之妻, 配偶身份证号
    followed by the number, 妻子李秀英儿子张三): each by an ID number in it, or by a name of two characters or
    more standing on its own in it. A name within a longer one (王海 in 王海燕, 张三 in 张三丰) is not that person."""
    named = _named_in_words(declared, people, declaring, by_key)
    if not named and _NAME_DOTS.search(declared):
        # 李秀英•张三: a dot parting two names, as a list. Taken as a list only where every part names a member,
        # as a dot is also the one inside a name (阿依古丽·买买提 names nobody where only 阿依古丽 stands).
        # The declaring member's own name among them is a part too (王建国•李秀英, written by 李秀英).
        parts = [_named_in_words(part, people, None, by_key) for part in _NAME_DOTS.split(declared)]
        if len(parts) > 1 and all(parts):
            named = [member for found in parts for member in found if member is not declaring]
    return named


def _named_in_words(
    declared: str, people: Sequence[Member], declaring: Member | None, by_key: dict[str, Member]
) -> list[Member]:
    """The members an entry names, its dots read as inside a name (see _named_within)."""
    named: list[Member] = []
    for digits in ids_in_text(declared):
        found = read_id_number(id_digits(digits))
        if isinstance(found, IdNumber) and found.number in by_key:
            named.append(by_key[found.number])
    # Spaces are dropped, as an officer pads a two-character name (王 五), but where one stood a name may end.
    # A name's dot is written many ways (阿依古丽·买买提, •, ., ・) or left out: never where a name ends.
    squeezed, breaks = "", set()
    for ch in _NAME_DOTS.sub("", declared).casefold():
        if ch.isspace():
            breaks.add(len(squeezed))
        else:
            squeezed += ch
    names = [
        (_NAME_DOTS.sub("", p.name).replace(" ", "").casefold(), p) for p in people if p is not declaring
    ]
    # The longest first, each found taken out of the text (a mark in its place, the same length): 王建和 found in
    # 与王建和为甥舅 leaves no 王建 to be found in it.
    for name, person in sorted(names, key=lambda found: -len(found[0])):
        if len(name) >= 2 and _stands_alone(squeezed, name, breaks):
            named.append(person)
            squeezed = squeezed.replace(name, "|" * len(name))
    return named


def _stands_alone(text: str, name: str, breaks: set[int]) -> bool:
    """Whether the name is somewhere in the text bounded on each side by its start or end, a space, a mark
    that is no letter of a name (a digit, a bracket), or a word of kinship (妻子, 之妻, 系, 与…)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before, after = text[:start], text[end:]
        if (not before or start in breaks or not _in_name(before[-1]) or before.endswith(_KIN_BEFORE)) and (
            not after
            or end in breaks
            or not _in_name(after[0])
            or after.startswith(_KIN_AFTER)
            # 与黄志明为夫妻, 李秀英和儿子张三: 为 and 和 join words that follow; at the end, or before a bracket,
            # they are the name's own last character (李有为, 王建和（舅舅）).
            or (after[0] in "为和" and len(after) > 1 and _in_name(after[1]))
        ):
            return True
        start = text.find(name, start + 1)
    return False


def _in_name(ch: str) -> bool:
    """A character a name may hold: a letter of any script (a Chinese character of any plane, Latin), or 〇."""
    return ch.isalpha() or ch == "〇"


_NAME_DOTS = re.compile("[·•.・‧∙⋅･]")

# The words a relatives entry puts around a name: kinship, and the words joining it to the name. A name is read
# only where it meets one of them (or a space, a mark, the entry's start or end), so 王海 is never taken out of
# 王海燕. One character alone is a word only where names seldom hold it: 同 or 和 before 王海, never after it
# (王海同, 王建和).
# fmt: off
_KIN = (
    "配偶", "妻子", "丈夫", "老婆", "老公", "爱人", "夫妻", "夫人", "父亲", "母亲", "父子", "母子",
    "父女", "母女", "爸爸", "妈妈", "儿子", "女儿", "儿媳", "女婿", "兄弟", "姐妹", "兄妹", "姐弟",
    "哥哥", "弟弟", "姐姐", "妹妹", "岳父", "岳母", "公公", "婆婆", "祖父", "祖母", "爷爷", "奶奶",
    "外公", "外婆", "孙子", "孙女", "外孙", "叔叔", "伯父", "伯伯", "姑姑", "舅舅", "阿姨", "侄子",
    "侄女", "外甥", "姐夫", "妹夫", "嫂子", "弟媳", "连襟", "妯娌", "表兄", "表弟", "表姐", "表妹",
    "堂兄", "堂弟", "堂姐", "堂妹", "亲属", "亲戚", "关系", "身份证号码", "身份证号", "身份证", "姓名",
    "同志", "老伴", "家属", "亲家", "媳妇", "儿媳妇", "丈母娘", "老丈人", "大哥", "二哥", "大姐", "二姐",
    "哥", "嫂", "嫂嫂", "大嫂", "胞兄", "胞弟", "胞姐", "胞妹", "长子", "次子", "长女", "次女", "侄儿",
    "外甥女", "表哥", "表嫂", "姨父", "姨妈", "姑父", "姑妈", "舅妈", "婶婶", "叔父", "伯母", "小姨子",
    "小舅子", "大伯子", "小叔子", "继父", "继母", "养父", "养母", "孙媳", "妻弟", "妻妹", "妻兄",
    "妻姐", "夫兄", "夫弟", "儿女", "子女",
)
# Collateral and further kin, written before the name (表叔书甲): the name was not read out, and the entry was said
# to name nobody on the roster while 书甲 stood on the team (helper-72). After a name too (王建国表叔), but those
# starting with a character that often ends a given name (堂, 义, 远): 王建义父亲 is 王建义's father, not 王建's,
# and 李明堂叔叔 李明堂's uncle (helper-74, helper-75).
_KIN_FAR = (
    "表叔", "表婶", "表姑", "表舅", "表姨", "表侄", "表哥", "表姐夫", "表妹夫", "表兄弟", "表姐妹",
    "堂叔", "堂伯", "堂姑", "堂侄", "堂哥", "堂兄弟", "堂姐妹", "叔公", "伯公", "舅公", "姑婆", "姨婆",
    "叔伯", "姨夫", "姨丈", "姑丈", "舅父", "舅母", "叔母", "婶子", "侄孙", "侄媳", "甥女", "外祖父",
    "外祖母", "曾祖父", "曾祖母", "曾孙", "干爹", "干妈", "义父", "义母", "远房",
)
# fmt: on
# A post written before the name (系村党组织书记王建国之妻, 与村主任王建国系父子): its last words end where the name
# starts (helper-64).
_POSTS_BEFORE = (
    "书记",
    "主任",
    "委员",
    "主席",
    "会计",
    "文书",
    "组长",
    "营长",
    "连长",
    "村官",
    "干部",
    "成员",
)
_KIN_BEFORE = (*_KIN, *_KIN_FAR, *_POSTS_BEFORE, *"妻夫子女父母兄弟姐妹与和跟同系即为是之")
# 之 and the first character of a kinship word after the name: 之妻, and 之儿媳, 之侄女婿, 之表弟, 之岳父 (helper-64).
_KIN_AFTER = (
    *_KIN,
    *(word for word in _KIN_FAR if word[0] not in "堂义远"),
    *"妻夫系的是与",
    *(f"之{w}" for w in "妻夫子女父母兄弟姐妹儿侄甥孙叔伯姑舅姨堂表岳公婆祖外媳婿嫂胞长次养继亲"),
)


def declared_keys(value: Any) -> tuple[str, ...]:
    """A relatives cell as matching keys: ID numbers normalised, names cleaned; an entry saying the two are past
    the fifth generation (已出五服) is none."""
    items = value if isinstance(value, list | tuple | frozenset) else [value]
    keys: list[str] = []
    for item in items:
        if isinstance(item, str) and "五服" in item:
            if past_kin(item):
                continue
            item = KIN_PHRASE.sub("", item)  # 张国强没有出五服: the name beside the words is read
        found = read_id_number(item)
        keys.append(found.number if isinstance(found, IdNumber) else clean(item))
    return tuple(k for k in keys if k)


def _shown(value: Any) -> str:
    """A value of a rule file as it was written there (true, 2006-01-01), not as Python prints it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)
