"""The rule-file language as pydantic models: what an officer may write in a rule set, and nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

Severity = Literal["ineligible", "review", "warning", "info"]
Scope = Literal["candidate", "team"]
FieldType = Literal["bool", "date", "dates", "text", "number", "list"]
AgeReading = Literal["completed-years", "past-birthday"]
AgeConvention = Literal["birthday", "day-after-birthday"]
# Whom a team's count is of: its members (holding a seat), every candidate, or the members of one body (party).
Among = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="members, candidates, or a body's id (party, committee): the members of that body",
    ),
]

# Whom a team's count leaves out of the team it is of: `barred`, the people a candidate rule found ineligible (two
# violations, under 18), who cannot be nominated and so cannot be the team's one woman, nor make its majority.
LeaveOut = Literal["barred"]
LEAVE_OUT_DOC = (
    "barred: leave out of whom the count is of the people a candidate rule found ineligible (an open ineligible "
    "finding: they cannot be nominated); {label_left_out} in the message says how many were left out, {label_left_out_said} names them in a phrase, "
    "empty where no one was"
)

RULE_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
NAME = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    """Every rule-file model refuses unknown keys, so a typo is an error with its line, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _words(text: str) -> str:
    if not any(character.isprintable() and not character.isspace() for character in text):
        raise PydanticCustomError(
            "string_blank", "should hold words, not only spaces or invisible characters"
        )
    return text


class Text(_Strict):
    """Words shown to users, in Chinese and English."""

    # Both said: an empty message left a finding with no words in one language, and rules validate passed it;
    # so did one of spaces, or of a zero-width space (helper-53).
    zh: Annotated[str, Field(min_length=1), AfterValidator(_words)]
    en: Annotated[str, Field(min_length=1), AfterValidator(_words)]

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Document(_Strict):
    """The notice, law or speech a rule set implements."""

    title: str
    issued_by: str | None = None
    date: dt.date | None = None
    url: str | None = None


class Effective(_Strict):
    """The dates between which a rule set applies."""

    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None


class Clause(_Strict):
    """Where a rule comes from: the document, the clause and its exact words."""

    document: str
    clause: str
    quote: str


Scalar = StrictBool | StrictInt | StrictFloat | dt.date | str


class DatedValue(_Strict):
    """A parameter's value from an effective date on (until the next one takes over)."""

    from_: dt.date = Field(alias="from")
    value: Scalar


class Parameter(_Strict):
    """A named threshold that conditions refer to with `{param: name}`.

    Either one `value`, or `values` dated by when they took effect: the election date picks the value in force
    (the latest `from` on or before it), as in OpenFisca.
    """

    value: Scalar | None = None
    values: list[DatedValue] | None = None
    zh: str | None = None
    en: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Parameter:
        # Said in the reader's language (see loader._IN_CHINESE), by their own types.
        if self.value is None and self.values is None:
            raise PydanticCustomError(
                "parameter_blank", "has no value: write value: … or values: [{from, value}]"
            )
        if self.value is not None and self.values is not None:
            raise PydanticCustomError("parameter_both", "has either value or values (dated), not both")
        if self.values is not None:
            if not self.values:
                raise PydanticCustomError(
                    "parameter_values_empty", "values needs at least one {from: YYYY-MM-DD, value: …}"
                )
            days = [v.from_ for v in self.values]
            if days != sorted(days) or len(set(days)) != len(days):
                raise ValueError("values must be in order of their from dates, each date once")
        return self

    def at(self, day: dt.date) -> Scalar | None:
        """The value in force on a day; None when the day is before the first dated value."""
        if self.values is None:
            return self.value
        current = None
        for dated in self.values:
            if dated.from_ <= day:
                current = dated.value
        return current


class Body(_Strict):
    """A body whose seats are filled at the election: the party committee or the residents' committee."""

    zh: str
    en: str
    quota_column: str | None = Field(
        default=None, description="column of the communities file that holds the approved seat count"
    )


class Role(_Strict):
    """A post a candidate may be proposed for, and the spellings rosters use for it."""

    zh: str
    en: str
    aliases: list[str] = []
    body: str | None = Field(
        default=None, description="the body this role is a seat of; none for posts outside"
    )
    principal: bool = Field(
        default=False, description="社区主干: the party secretary and the committee director"
    )


class Level(_Strict):
    """An education level; the list order is the rank, lowest first."""

    id: Annotated[str, Field(pattern=NAME)]
    zh: str
    en: str
    aliases: list[str] = []
    incomplete: str | None = Field(
        default=None,
        description="the level held by one who did not finish this one (肄业); default the level below",
    )


class Genders(_Strict):
    """Words a roster uses for each sex."""

    male: list[str]
    female: list[str]


# What a street's (township's) name is written with after its own name, by the kind of place each word says: the
# words a rule file gives when it gives none (see Places.street_words).
STREET_WORDS: dict[str, list[str]] = {
    "街道": ["街道办事处", "街道党工委", "街道办", "街道", "街办", "办事处", "党工委"],
    "镇": ["镇人民政府", "镇政府", "镇党委", "镇"],
    "乡": ["乡人民政府", "乡政府", "乡党委", "乡"],
}


# What a township's (street's) roster may be named with after the township's name for the committees of its villages
# or communities (青山镇村两委名单): the words a rule file gives when it gives none (see Places.committee_words).
COMMITTEE_WORDS: list[str] = ["村两委", "社区两委", "村（社区）两委", "村居两委"]


# Words that, before a word a remark is searched for in the same clause (无两违问题, 未发现违法建设, 非两违户), or
# ending the clause after it (两违：无), say it is not so: the words a rule file gives when it gives none (see
# Vocabularies.negations). Not 未 alone (未整改的违建 is one), nor 没 (被没收的违建).
NEGATIONS: list[str] = [
    *("无", "没有", "未发现", "没有发现", "未查见", "未查出", "查无", "经查无", "未涉及", "不涉及"),
    *("免予", "不予"),
    *(
        "不存在",
        "未存在",
        "不是",
        "并非",
        "非",
        "否",
        "不属于",
        "从未",
        "从没",
        "未曾",
        "未受过",
        "未受到",
        "没受过",
    ),
]
# Words that hold a negation word and say nothing is not so (see Vocabularies.not_negations): 是否有违建：是 and
# 有无违建：有 ask, 非法违建 and 无证建设的违建 are 违建, 退休无业人员有违建 and 非党员两违户 say who the person is.
NOT_NEGATIONS: list[str] = [
    *("是否", "有无", "非法", "无证", "无照", "无业", "无职业", "无工作", "无党派", "非党员", "非农"),
]
# Words after which a negation no longer reaches (see Vocabularies.conjunctions): 免予刑事处罚并开除党籍 says 开除党籍,
# 不予录用后有违建 says 违建, 经制止仍继续盗伐 says 盗伐.
CONJUNCTIONS: list[str] = ["并", "后", "又", "且", "同时", "另", "仍"]
# Negations that say what a check did not find, whose reach no conjunction ends (see Vocabularies.findings): what
# was looked for is the rest of the clause, 未发现其任职后有违建 names no 违建.
FINDINGS: list[str] = ["未发现", "没有发现", "未查见", "未查出"]


class Places(_Strict):
    """How the rule set's rosters head their two place columns (a village's 乡镇 and 村, a community's 街道 and
    社区), and the words a street's name is written with."""

    street: str = Field(
        default="街道", description="the street column's header in the template (乡镇 for villages)"
    )
    community: str = Field(default="社区", description="the community column's header in the template (村)")
    street_words: dict[str, list[str]] = Field(
        default_factory=lambda: {kind: list(words) for kind, words in STREET_WORDS.items()},
        description="the words a street's or township's name may end in after its own name, by the kind of place "
        "they say (街道: [街道办事处, 街道党工委, 办事处, …], 镇: [镇人民政府, 镇党委, 镇]): rows of one community "
        "whose streets are one own name and one kind (东湖街道, 东湖街道党工委) are one team, and one written by its "
        "own name alone (东湖) is the street of the one kind the run has of that name; brackets are read as not "
        "there (东湖街道（办事处）). Not given: these words (in a file that extends another, its parent's); {} compares "
        "streets as written",
    )

    committee_words: list[Annotated[str, AfterValidator(_words)]] = Field(
        default_factory=lambda: list(COMMITTEE_WORDS),
        description="what a roster's file or sheet name may write after its street's (township's) name for the "
        "committees of its villages or communities, before 候选人, 名单 or the like: 青山镇村两委名单 is named for "
        "青山镇, not for a village 青山镇村. A street's own name of one character is not read so (古镇村两委名单 is the "
        "village 古镇村's). Not given: these words (in a file that extends another, its parent's); [] reads none",
    )

    @field_validator("street_words")
    @classmethod
    def _one_kind_to_a_word(cls, kinds: dict[str, list[str]]) -> dict[str, list[str]]:
        # A word of two kinds would make 东湖X a 街道 or a 镇 by the order of the lists.
        seen: dict[str, str] = {}
        for kind, words in kinds.items():
            _words(kind)
            for word in words:
                _words(word)
                if seen.setdefault(word, kind) != kind:
                    raise PydanticCustomError(
                        "street_word_twice",
                        "{word} is listed under both {first} and {second}: a word says one kind of place",
                        {"word": word, "first": seen[word], "second": kind},
                    )
        return kinds

    @field_validator("street", "community")
    @classmethod
    def _header_reads_back(cls, header: str, info: ValidationInfo) -> str:
        # The template's roster must read back: a header of its own would be a column no check knows. Said at
        # the header's own line: places merges key by key under extends, and its mapping may be the parent's.
        from eligibility.roster.columns import COMMUNITY_HEADERS, STREET_HEADERS

        known = STREET_HEADERS if info.field_name == "street" else COMMUNITY_HEADERS
        if header not in known:
            raise PydanticCustomError(
                "place_header",
                "{header} is not a header the roster reader knows for this column; one of: {known}",
                {"header": header, "known": ", ".join(known)},
            )
        return header


class Vocabularies(_Strict):
    """The words of the rule set's world: bodies, roles, education levels, sexes, yes and no."""

    bodies: dict[str, Body]
    roles: dict[str, Role]
    role_sets: dict[str, list[str]] = Field(
        default={},
        description="a word of a roles cell that stands for several roles (一肩挑: the secretary and the director)",
    )
    role_remarks: list[str] = Field(
        default=[],
        description="words of a roles cell that say how a post is held, not which (连任, 拟任), dropped before matching",
    )
    education: list[Level]
    no_diploma: list[str] = Field(
        default=[], description="words (肄业, 结业) that mean the level was not completed"
    )
    filler: list[str] = Field(
        default=[], description="words dropped from an education cell before matching (文化, 毕业, 学历)"
    )
    or_below: list[str] = Field(
        default=[], description="words after a level that make it that level or lower (及以下, 以下)"
    )
    or_above: list[str] = Field(
        default=[], description="words after a level that make it that level or higher (及以上, 以上)"
    )
    genders: Genders
    political_statuses: dict[str, list[str]] = Field(
        default={},
        description="政治面貌 as rules name it (中共党员), each with the other ways a roster writes it (党员, "
        "中国共产党党员); when given, a cell of none of them is not known, and a rule on it cannot decide",
    )
    yes: list[str]
    no: list[str]
    negations: list[Annotated[str, AfterValidator(_words)]] = Field(
        default_factory=lambda: list(NEGATIONS),
        description="words that say a word a remark is searched for (mentions) is not so: before it in the same "
        "clause (无两违问题, 未发现违法建设, 非两违户), or ending the clause after it (两违：无, 两违（无）, 两违？否). A "
        "clause ends at 。，；！ a full stop, a comma, a line break or a space (not one beside a colon). Not given: 无, "
        "没有, 未发现, 不存在, 非, 否, 从未 and the like (in a file that extends another, its parent's, replaced whole); "
        "[] counts every mention",
    )
    not_negations: list[Annotated[str, AfterValidator(_words)]] = Field(
        default_factory=lambda: list(NOT_NEGATIONS),
        description="words that hold a negation word and negate nothing (是否有违建：是 asks, 非法违建 is 违建): the "
        "negation words within them are not read. Not given: 是否, 有无, 非法, 无证, 无照, 无业, 非党员 and the like",
    )
    conjunctions: list[Annotated[str, AfterValidator(_words)]] = Field(
        default_factory=lambda: list(CONJUNCTIONS),
        description="words after which a negation no longer reaches (免予刑事处罚并开除党籍 names 开除党籍, "
        "不予录用后有违建 names 违建). Not given: 并, 后, 又, 且, 同时, 另, 仍",
    )
    findings: list[Annotated[str, AfterValidator(_words)]] = Field(
        default_factory=lambda: list(FINDINGS),
        description="of the negations, those that say what a check did not find: they reach past a conjunction to "
        "the clause's end, what was looked for being all of it (未发现其任职后有违建 names no 违建, where 不予录用后有"
        "违建 names 违建). Not given: 未发现, 没有发现, 未查见, 未查出",
    )
    not_mentions: list[Annotated[str, AfterValidator(_words)]] = Field(
        default=[],
        description="words that hold a word a remark is searched for (mentions) and name no one's bar: a post's work "
        "(吸毒人员帮教, 罢免程序, 留置场所), not read as the word within them. Not given: none",
    )
    refutations: list[Annotated[str, AfterValidator(_words)]] = Field(
        default=[],
        description="words that say an accusation is untrue (经查不属实, 查无实据, 经调查无此事, 已澄清): the words a "
        "remark is searched for (mentions) that their clause names before them, or, none there, that the nearest clause "
        "before them in their sentence that names one names, are not so (群众反映有违建，经查不属实; 曾被举报贿选，经调"
        "查，无此事; 2019年受处分，举报其贿选经查不属实 still names 处分). A sentence ends at 。；！, a line break, a space or a list's number (1、 (2)); a refutation after "
        "a negation (尚未排除嫌疑, 未予以澄清) undoes nothing. Not given: none",
    )
    places: Places = Field(default=Places(), description="the place columns' headers in the template")

    @model_validator(mode="after")
    def _findings_among_negations(self) -> Vocabularies:
        # A finding's word is one of the negations that reaches further: one not among them was read as nothing,
        # without a word. Only where the file writes findings: one that writes its own negations alone keeps them.
        if "findings" in self.model_fields_set:
            negations = {word.casefold() for word in self.negations}
            stray = [word for word in self.findings if word.casefold() not in negations]
            if stray:
                raise PydanticCustomError(
                    "findings_not_negations",
                    "findings {words} are not among the negations: a finding is a negation that reaches past a "
                    "conjunction; add them to negations too, or leave them out",
                    {"words": ", ".join(stray), "words_zh": "、".join(stray)},
                )
        return self

    @field_validator("bodies")
    @classmethod
    def _not_whom_a_count_is_of(cls, bodies: dict[str, Body]) -> dict[str, Body]:
        # `among: members` and `among: candidates` say whom a team's count is of: a body so named could never be
        # counted alone, and the count went over every seat holder without a word (helper-95).
        for taken in ("members", "candidates"):
            if taken in bodies:
                raise PydanticCustomError(
                    "body_id_taken",
                    "body id {id} is how a count says whom it is of (among: {id}); give the body another id",
                    {"id": taken},
                )
        return bodies


class FieldSpec(_Strict):
    """A roster column that rules need beyond the core ones."""

    type: FieldType
    zh: str
    en: str
    aliases: list[str] = []
    # A number field's unit words, which a cell may write after the number (党龄 5年, 3年6个月 with 年).
    units: list[str] = []
    missing: Literal["not-checked", "blank"] = Field(
        default="not-checked",
        description="what a roster without this column says: not-checked (its rules are said not checked, at their "
        "severity, once a file), or blank, for a column most rosters leave out (备注): read as left blank on "
        "every row, so that its rules find nothing and the roster is not made noisy by a column it never had",
    )
    blank: Literal["no", "unknown"] = Field(
        default="no",
        description="what a blank cell of a bool field says: no (the roster contract's reading), or unknown, for "
        "a joint review's answer a department must give (a blank 受过刑事处罚 is no answer, not a no): its rules "
        "then cannot decide, and say so",
    )

    @model_validator(mode="after")
    def _units_of_a_number(self) -> FieldSpec:
        if self.units and self.type != "number":
            raise PydanticCustomError("field_units", "units are for a field of type number")
        if self.blank != "no" and self.type != "bool":
            raise PydanticCustomError("field_blank", "blank is for a field of type bool")
        return self


# ---- conditions -------------------------------------------------------------------------------------------


class ParamRef(_Strict):
    """An operand taken from the rule set's parameters."""

    param: str


class FactRef(_Strict):
    """An operand taken from another fact of the same candidate or team."""

    fact: str


Operand = ParamRef | FactRef | Scalar | list[Scalar]

COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
OPERATORS = (
    *COMPARISONS,
    "in",
    "not_in",
    "has_any",
    "has_all",
    "has_none",
    "within_years_before_election",
    "less_than_years_before_election",
    "within_months_before_election",
    "less_than_months_before_election",
    "present",
    "mentions",
)


class _OneOperator(_Strict):
    """A node that compares its left side with exactly one operator."""

    eq: Operand | None = None
    ne: Operand | None = None
    gt: Operand | None = None
    ge: Operand | None = None
    lt: Operand | None = None
    le: Operand | None = None

    _operators: tuple[str, ...] = COMPARISONS

    @model_validator(mode="after")
    def _exactly_one(self) -> _OneOperator:
        given = [op for op in self._operators if getattr(self, _attr(op)) is not None]
        # `lt:` with its value left blank is written, but None: said as blank, not as no operator at all.
        blank = [op for op in self._operators if _attr(op) in self.model_fields_set and op not in given]
        if not given and blank:
            raise PydanticCustomError("operator_blank", "{operator} has no value", {"operator": blank[0]})
        if len(given) != 1:
            raise PydanticCustomError(
                "operator_count",
                "needs exactly one operator of {operators}; found {found}",
                {
                    "operators": ", ".join(self._operators),
                    "operators_zh": "、".join(self._operators),
                    "found": ", ".join(given) or "none",
                    "found_zh": "、".join(given) or "无",
                },
            )
        return self

    @property
    def operator(self) -> tuple[str, Any]:
        for op in self._operators:
            value = getattr(self, _attr(op))
            if value is not None:
                return op, value
        raise AssertionError("validated to hold one operator")


def _attr(op: str) -> str:
    return {"in": "in_", "not": "not_"}.get(op, op)


class Compare(_OneOperator):
    """`{fact: age, gt: {param: principal_max_age}}`: a fact of the candidate or team against an operand."""

    fact: str
    # An empty list is never (in, has_any) or always (not_in, has_none) true: a rule that judges nobody, or all.
    in_: Annotated[list[Scalar], Field(min_length=1)] | ParamRef | None = Field(default=None, alias="in")
    not_in: Annotated[list[Scalar], Field(min_length=1)] | ParamRef | None = None
    has_any: Annotated[list[str], Field(min_length=1)] | None = None
    has_all: Annotated[list[str], Field(min_length=1)] | None = None
    has_none: Annotated[list[str], Field(min_length=1)] | None = None
    within_years_before_election: StrictInt | ParamRef | None = Field(
        default=None,
        description="选举日前N年内: the day N years before election day to election day, both included",
    )
    less_than_years_before_election: StrictInt | ParamRef | None = Field(
        default=None,
        description="未满N年: after the day N years before election day (which completes N years), to election day",
    )
    within_months_before_election: StrictInt | ParamRef | None = Field(
        default=None,
        description="选举日前N个月内: the day N months before election day (with no such day, that month's last) to "
        "election day, both included",
    )
    less_than_months_before_election: StrictInt | ParamRef | None = Field(
        default=None,
        description="未满N个月 (a sanction's 影响期 of 6 or 18 months): after the day N months before election day, to "
        "election day",
    )
    present: StrictBool | None = None
    mentions: (
        Annotated[list[Annotated[str, AfterValidator(_words)]], Field(min_length=1)] | ParamRef | None
    ) = Field(
        default=None,
        description="a text field (备注) names one of these words, compared after NFKC and case folding, in a "
        "clause no negation word (vocabularies.negations) says is not so, and no refutation later in its sentence "
        "(vocabularies.refutations) says untrue: 两违户 does, 无两违问题 and 群众反映有违建，经查不属实 do not",
    )
    reading: AgeReading | None = Field(
        default=None,
        description="for age: completed-years (周岁 > N, default) or past-birthday (any day after)",
    )

    _operators: tuple[str, ...] = OPERATORS


class AllOf(_Strict):
    """True when every condition holds."""

    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(_Strict):
    """True when at least one condition holds."""

    any: Annotated[list[Condition], Field(min_length=1)]


class Not(_Strict):
    """True when the condition does not hold."""

    not_: Condition = Field(alias="not")


class Count(_OneOperator):
    """Team: the number of members (or candidates) for whom a condition holds, compared with an operand."""

    count: Condition
    among: Among = "members"
    label: Annotated[str, Field(pattern=NAME)] = "count"
    leave_out: LeaveOut | None = Field(default=None, description=LEAVE_OUT_DOC)


class Share(_OneOperator):
    """Team: the share (0..1) of members for whom a condition holds, compared with an operand."""

    share: Condition
    among: Among = "members"
    label: Annotated[str, Field(pattern=NAME)] = "share"
    leave_out: LeaveOut | None = Field(default=None, description=LEAVE_OUT_DOC)


class Exists(_Strict):
    """Team: at least one member (or candidate) for whom the condition holds."""

    exists: Condition
    among: Among = "members"


class RelatedPairs(_Strict):
    """Team: two people of the team of whom one declares the other (by ID number or name) in a field."""

    related_pairs: str
    among: Among = "members"
    between: Annotated[list[Condition], Field(min_length=2, max_length=2)] | None = Field(
        default=None,
        description="only pairs of whom one meets the first condition and the other the second (a committee "
        "member and a supervision committee member)",
    )


CONDITION_KEYS = ("all", "any", "not", "count", "share", "exists", "related_pairs", "fact")

# A real rule nests a handful of conditions. Far deeper, validating, compiling, checking and describing it would
# each recurse past what Python allows: such a file is refused at the first condition too deep.
MAX_CONDITION_DEPTH = 50


def too_deep(condition: Any, limit: int = MAX_CONDITION_DEPTH) -> tuple[str | int, ...] | None:
    """The path, from a condition as written, of the first condition inside it nested more than `limit` deep."""
    # A stack, not recursion: the point is to look at what is too deep to recurse into.
    stack: list[tuple[Any, tuple[str | int, ...], int]] = [(condition, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if not isinstance(node, dict):
            continue
        if depth > limit:
            return path
        inner: list[tuple[Any, tuple[str | int, ...], int]] = []
        for key in ("all", "any", "between"):
            if isinstance(node.get(key), list):
                inner += [(item, (*path, key, i), depth + 1) for i, item in enumerate(node[key])]
        for key in ("not", "count", "share", "exists"):
            if key in node:
                inner.append((node[key], (*path, key), depth + 1))
        stack += reversed(inner)  # the first written is looked at first
    return None


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in CONDITION_KEYS:
            if key in value:
                return key
        return None
    if isinstance(value, BaseModel):
        return _KIND_OF_MODEL.get(type(value))
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Count, Tag("count")]
    | Annotated[Share, Tag("share")]
    | Annotated[Exists, Tag("exists")]
    | Annotated[RelatedPairs, Tag("related_pairs")]
    | Annotated[Compare, Tag("fact")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition must be a mapping with one of the keys "
        + ", ".join(CONDITION_KEYS),
    ),
]

_KIND_OF_MODEL: dict[type[BaseModel], str] = {
    AllOf: "all",
    AnyOf: "any",
    Not: "not",
    Count: "count",
    Share: "share",
    Exists: "exists",
    RelatedPairs: "related_pairs",
    Compare: "fact",
}


class Rule(_Strict):
    """One requirement of the notice: when its condition holds, the candidate or team gets a finding."""

    id: Annotated[str, Field(pattern=RULE_ID)]
    title: Text
    severity: Severity
    scope: Scope
    applies_to: list[str] = Field(
        default=[], description="role ids; the rule checks only candidates holding one"
    )
    when: Condition
    message: Text
    source: Clause
    approved_by: list[Annotated[str, Field(min_length=1)]] = Field(
        default=[],
        description="the bodies whose prior approval counts for this review rule (区委组织部): an approval counts "
        "only when its 审批单位 holds one of these words; none given, any approval counts",
    )
    approvable: bool = Field(
        default=True,
        description="false for a review rule no approval lifts: a fact to put right, not a case to approve (a "
        "declared relative on the supervision committee is a near relative or is not: 村民委员会组织法 第三十二条 "
        "says 不得, and no body may approve it)",
    )


# What `amend` may change of an inherited rule: its words, who approves it, how severe it is, what it quotes. Its
# condition, scope and roles are the rule itself: to change those, the rule is written again whole.
AMENDABLE = ("title", "message", "approved_by", "approvable", "severity", "source")


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


class Amendment(_Strict):
    """Changes to a rule inherited through `extends`, each replacing the inherited value whole; the rule is then
    checked as if written so (a placeholder its condition cannot fill, approved_by on a rule that is not review)."""

    # Left out, a key is not changed; written null it is refused (rules validate says so), and an editor using
    # the schema says so too: the schema has neither null nor a null default for it (helper-82, helper-83).
    title: Text | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_no_default)
    message: Text | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_no_default)
    approved_by: list[Annotated[str, Field(min_length=1)]] | SkipJsonSchema[None] = Field(
        default=None,
        description="the approving bodies, all of them ([]: no body named, and any approval counts; for none, "
        "approvable: false)",
        json_schema_extra=_no_default,
    )
    approvable: bool | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_no_default)
    severity: Severity | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_no_default)
    source: Clause | SkipJsonSchema[None] = Field(
        default=None,
        description="the clause a finding cites: document, clause, quote",
        json_schema_extra=_no_default,
    )


class TestCase(_Strict):
    """A small roster and the findings the rule set must give it: `eligibility rules test` runs it."""

    case: str = Field(description="what the case shows, shown when it fails")
    election_date: dt.date | None = None
    candidates: Annotated[list[dict[str, Any]], Field(min_length=1)] = Field(
        description="roster records, with any header the roster readers accept"
    )
    communities: list[dict[str, Any]] = Field(default=[], description="rows of a communities table")
    # At least one row or community: a case expecting nothing of anyone checks nothing, and always passed.
    expect: Annotated[dict[int | str, list[str]], Field(min_length=1)] = Field(
        description="data row (from 1) or community name -> the exact rule ids of its findings; a rule that "
        "could not decide (待核实) is written with ? after its id (recent-violation?)"
    )


# After a rule id in a case's `expect`: the rule could not decide (its finding is "could not be checked").
UNDECIDED = "?"


class RuleFile(_Strict):
    """A whole rule set as written in YAML."""

    name: Annotated[str, Field(pattern=RULE_ID)]
    title: Text
    version: str
    document: Document
    effective: Effective = Effective()
    election_date: dt.date
    age_convention: AgeConvention = Field(
        default="birthday",
        description="birthday: one turns N on the birthday (民法典); day-after-birthday: on the day after (刑法)",
    )
    parameters: dict[Annotated[str, Field(pattern=NAME)], Parameter] = {}
    vocabularies: Vocabularies
    fields: dict[Annotated[str, Field(pattern=NAME)], FieldSpec] = {}
    rules: Annotated[list[Rule], Field(min_length=1)]
    tests: list[TestCase] = Field(default=[], description="cases that `eligibility rules test` runs")
    # Used while reading a file that builds on another; gone once the two are merged.
    extends: str | None = Field(default=None, description="a bundled rule set's name, or a rule file's path")
    disable: list[str] = Field(default=[], description="ids of inherited rules to drop")
    severities: dict[str, Severity] = Field(
        default={},
        description="new severities of inherited rules, by id (amend: {id: {severity: …}} in short)",
    )
    amend: dict[str, Amendment] = Field(
        default={},
        description="changes to inherited rules, by id: their title, message, approved_by, approvable, severity "
        "or source; to change a rule's condition, scope or roles, write it again whole under rules",
    )

    @field_validator("parameters", mode="before")
    @classmethod
    def _plain_values(cls, value: Any) -> Any:
        # `principal_max_age: 57` is the common case; `{value: 57, zh: …}` documents it.
        if isinstance(value, dict):
            return {k: v if isinstance(v, dict) else {"value": v} for k, v in value.items()}
        return value

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            seen.add(rule.id)
        return rules


_MODELS = (
    AllOf,
    AnyOf,
    Not,
    Count,
    Share,
    Exists,
    RelatedPairs,
    Compare,
    Rule,
    Amendment,
    TestCase,
    RuleFile,
)
for _model in _MODELS:
    _model.model_rebuild()


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema editors check rule files with: RuleFile's, where a parameter may be written as its bare
    value (`principal_max_age: 57`), and a file that `extends` another needs to give only what it changes."""
    import copy

    whole = RuleFile.model_json_schema()
    definitions = whole.pop("$defs")
    bare = {"anyOf": [{"$ref": "#/$defs/Parameter"}, {"type": ["boolean", "number", "string"]}]}
    whole["properties"]["parameters"]["patternProperties"] = {NAME: bare}
    # Vocabularies merge by entry and list (see docs/rules.md §11): any of them, or none, may be given.
    part = copy.deepcopy(definitions["Vocabularies"])
    part.pop("required", None)
    part["title"] = "Vocabularies (extending)"
    definitions["VocabulariesExtending"] = part
    extending = copy.deepcopy(whole)
    extending["title"] = "RuleFile (extends another)"
    extending["required"] = ["extends"]
    extending["properties"]["vocabularies"] = {"$ref": "#/$defs/VocabulariesExtending"}
    extending["properties"]["rules"].pop("minItems", None)  # an extension may only change parameters
    extending["properties"]["extends"] = {
        "anyOf": [
            {"type": "string"},
            {"items": {"type": "string"}, "maxItems": 1, "minItems": 1, "type": "array"},
        ],
        "description": whole["properties"]["extends"]["description"],
    }
    return {
        "$defs": definitions,
        "title": "RuleFile",
        "description": whole.get("description", ""),
        "anyOf": [whole, extending],
    }
