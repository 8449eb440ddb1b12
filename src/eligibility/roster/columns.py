"""Column headers: canonical names, their Chinese aliases, and matching a file's header row to them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from eligibility.roster.normalise import fold


@dataclass(frozen=True, slots=True)
class Column:
    """A column a table may have: its canonical name, its Chinese name and the headers that mean it."""

    name: str
    zh: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    # A rule set's field read as blank where a table has no such column (备注, `missing: blank`): a header written
    # again may leave it out or add it, and is the first's all the same (see readers.header_again).
    blank_when_missing: bool = False


# The roster columns of the contract (DESIGN.md); a rule set adds its own fields to these.
# How the place is headed, the same in the roster, the communities table and the approvals table: a village's
# officer writes 村 in all three.
# A village's roster heads them as a township's officer does: 乡镇 for the street, 所在村 for the community.
STREET_HEADERS = (
    "街道",
    "所在街道",
    "所属街道",
    "街道办",
    "街道办事处",
    "乡镇",
    "所在乡镇",
    "所属乡镇",
    "镇",
    "所在镇",
    "乡",
    "所在乡",
    "乡镇（街道）",
    "街道（乡镇）",
)
COMMUNITY_HEADERS = (
    "社区",
    "所在社区",
    "社区名称",
    "村",
    "村（社区）",
    "社区（村）",
    "所在村",
    "村名",
    "村名称",
    "行政村",
)

ELECTION_DATE_HEADERS = ("选举日期", "选举日", "换届选举日期", "拟选举日期", "预计选举日期", "本届选举日期")

ROSTER_COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", ("姓名",), required=True),
    Column(
        "id_number",
        "身份证号",
        (
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "身份证",
            "公民身份证号码",
            "公民身份证号",
            "居民身份证号码",
        ),
    ),
    Column("gender", "性别", ("性别",)),
    Column("birth_date", "出生日期", ("出生日期", "出生年月", "出生年月日", "出生时间")),
    Column("education", "文化程度", ("文化程度", "学历")),
    Column("political_status", "政治面貌", ("政治面貌",)),
    Column("street", "街道", STREET_HEADERS),
    Column("community", "社区", COMMUNITY_HEADERS, required=True),
    Column(
        "roles",
        "拟任职务",
        (
            "拟任职务",
            "拟任职位",
            "拟提名职务",
            "拟推荐职务",
            # A second post column beside it: read with it, as 居委会主任 under 拟兼职务 passed over as an unknown
            # column left a 党支部委员 who is to be director unchecked as a principal (helper-65).
            "拟兼职务",
            "拟兼任职务",
            "兼任职务",
            "拟任其他职务",
            "其他拟任职务",
            "拟任党内职务",
            "拟任党组织职务",
            "拟任居委会职务",
            "拟任村委会职务",
            "拟任村党组织职务",
        ),
        required=True,
    ),
    Column("election_date", "选举日期", ELECTION_DATE_HEADERS),
)

# Columns real rosters carry that no rule reads: recognised, so they raise no "unknown column" warning.
OTHER_ROSTER_HEADERS = frozenset(
    {
        "序号",
        "编号",
        "民族",
        "籍贯",
        "出生地",
        "入党时间",
        "参加工作时间",
        "现任职务",
        "工作单位",
        "学位",
        "毕业院校",
        "专业",
        "健康状况",
        "联系电话",
        "手机",
        "电话",
        "住址",
        "家庭住址",
        "备注",
        "照片",
        "简历",
    }
)

_OTHER = frozenset(fold(header) for header in OTHER_ROSTER_HEADERS)

COMMUNITY_COLUMNS: tuple[Column, ...] = (
    Column("community", "社区", COMMUNITY_HEADERS, required=True),
    Column("street", "街道", STREET_HEADERS),
    Column("election_date", "选举日期", ELECTION_DATE_HEADERS),
    Column(
        "party_seats",
        "党组织核定职数",
        ("党组织核定职数", "党组织职数", "党支部核定职数", "村党组织核定职数", "社区党组织核定职数"),
    ),
    # A village's committee is its 村民委员会: its seats headed as a village officer heads them.
    Column(
        "committee_seats",
        "居委会核定职数",
        ("居委会核定职数", "居委会职数", "村委会核定职数", "村民委员会核定职数", "村委会职数"),
    ),
)

APPROVAL_COLUMNS: tuple[Column, ...] = (
    Column("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码")),
    Column("street", "街道", STREET_HEADERS),
    Column("community", "社区", COMMUNITY_HEADERS),
    Column("name", "姓名", ("姓名",)),
    Column("rule", "规则", ("规则", "规则编号", "审查事项"), required=True),
    Column("reference", "批复文号", ("批复文号", "文号"), required=True),
    Column(
        "approved_by",
        "审批单位",
        ("审批单位", "批准机关", "审批机关", "审批部门", "审批机构", "批准单位", "批复单位", "审核单位"),
    ),
    Column("date", "批复日期", ("批复日期", "审批日期", "日期"), required=True),
    Column("expires", "有效期至", ("有效期至", "失效日期", "有效期")),
    # What the approving body said: 不同意 under it was a column no one read, and the approval counted (helper-65).
    Column(
        "opinion",
        "审批意见",
        ("审批意见", "审核意见", "批复意见", "审批结果", "审核结果", "是否同意", "意见"),
    ),
)

# A yes/no column headed as the question it asks (是否被剥夺政治权利, 有无两违问题, 刑事处罚情况): the column
# the question names.
_ASKED = re.compile(r"^(?:是否存在|是否有|是否|有无|有没有)")
_ASKED_ABOUT = re.compile(r"(?:情况|问题)$")
# "出生年月（岁）", "姓 名", "身份证号码(18位)": a bracketed note or stray spaces around the real header.
_NOTE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def bare_header(header: str) -> str:
    """A header as matched, without its bracketed note (出生年月（岁） is 出生年月, 姓 名 is 姓名)."""
    return _NOTE.sub("", header_key(header))


def suggest_column(header: str, columns: tuple[Column, ...]) -> str:
    """The known header closest to an unknown one, or "" when none is close."""
    known = [alias for column in columns for alias in (column.zh, *column.aliases)]
    close = difflib.get_close_matches(header_key(header), known, n=1, cutoff=0.5)
    return close[0] if close else ""


def misspelt_column(
    header: str, suggestion: str, found: HeaderMap, columns: tuple[Column, ...]
) -> Column | None:
    """The ID number's column when an unknown header all but spells it (公民身份证明号码, 身分证号) and the table
    has no such column otherwise: the ID checks, the duplicates and the birth date's check would go undone with
    a warning only. Any other column missing is said where it matters: a rule it feeds is not checked."""
    key = header_key(header)
    if (
        not suggestion
        # 身份 (居民 or 干部) is no 身份证 cut short, nor 身份证地址 one spelt long: a misspelling keeps the length.
        or not len(suggestion) <= len(key) <= len(suggestion) + 1
        or difflib.SequenceMatcher(None, key, suggestion).ratio() < _MISSPELT
    ):
        return None
    for column in columns:
        if column.name == "id_number" and suggestion in (column.zh, *column.aliases):
            return None if column.name in found.index else column
    return None


# How alike an unknown header and a known one must be to be taken for a misspelling: 公民身份证明号码 and
# 公民身份证号码 are 0.93 alike, 身分证号 and 身份证号 0.75.
_MISSPELT = 0.75


def header_key(header: str) -> str:
    return fold(header)


@dataclass(frozen=True, slots=True)
class HeaderMap:
    """How one file's headers map to canonical columns."""

    index: dict[str, int]  # canonical name -> position in the row
    headers: dict[str, str]  # canonical name -> header as written (the first, if several)
    canonical_of: dict[str, str]  # every recognised header as written -> its canonical name
    unknown: tuple[str, ...]
    duplicates: tuple[tuple[str, tuple[str, ...]], ...]
    missing: tuple[Column, ...]
    # The two rows of a two-row header, as written (a repeat of either under the table is no record).
    rows: tuple[tuple[str, ...], ...] = ()
    # canonical name -> the positions of its further columns (村霸 beside 涉黑涉恶): read too, never dropped.
    also: dict[str, tuple[int, ...]] = field(default_factory=dict)


# Each set of columns' spellings, folded once: a province's folder maps a header row per file, two per workbook.
_LOOKUPS: dict[int, tuple[tuple[Column, ...], dict[str, str]]] = {}


def _lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    kept = _LOOKUPS.get(id(columns))
    if kept is not None and kept[0] is columns:
        return kept[1]
    lookup: dict[str, str] = {}
    for column in columns:
        for alias in (column.name, column.zh, *column.aliases):
            lookup.setdefault(header_key(alias), column.name)
    if len(_LOOKUPS) >= 64:
        _LOOKUPS.clear()
    _LOOKUPS[id(columns)] = (columns, lookup)  # the columns kept too, so that their id is not reused
    return lookup


def _asked(header: str, lookup: dict[str, str]) -> str | None:
    """The column a header asking a question names: without the question's words before it, after it, or both
    (有无综治问题 is 综治问题, not 综治; 是否两违 is 两违)."""
    before = _ASKED.sub("", header)
    for key in (before, _ASKED_ABOUT.sub("", header), _ASKED_ABOUT.sub("", before)):
        if key != header and key in lookup:
            return lookup[key]
    return None


def _named(key: str, bare: str, lookup: dict[str, str]) -> str | None:
    """The column a header names: exact alias first, then with a bracketed note removed, then the question's."""
    return lookup.get(key) or lookup.get(bare) or _asked(bare, lookup)


def column_of(header: str, columns: tuple[Column, ...] = ROSTER_COLUMNS) -> str | None:
    """The canonical column a header names, matched as map_headers matches it (出生年月（岁） is birth_date), or
    None for a text no column is headed by."""
    return _named(header_key(header), bare_header(header), _lookup(columns))


def spellings(columns: tuple[Column, ...], names: Iterable[str]) -> frozenset[str]:
    """Every header the named columns may be headed by, folded (身份证号码 and 公民身份号码 for 身份证号)."""
    wanted = frozenset(names)
    return frozenset(alias for alias, name in _lookup(columns).items() if name in wanted)


def map_headers(headers: list[str], columns: tuple[Column, ...]) -> HeaderMap:
    """Match a header row to the known columns; exact alias first, then with a bracketed note removed."""
    lookup = _lookup(columns)
    index: dict[str, int] = {}
    canonical_of: dict[str, str] = {}
    written: dict[str, list[str]] = {}
    also: dict[str, list[int]] = {}
    unknown: list[str] = []
    for position, header in enumerate(headers):
        key = header_key(header)
        bare = bare_header(header)
        name = _named(key, bare, lookup)
        if name is None:
            if key and key not in _OTHER and bare not in _OTHER:
                unknown.append(header)
            continue
        written.setdefault(name, []).append(header)
        if name in index:
            also.setdefault(name, []).append(position)
        index.setdefault(name, position)
        canonical_of[header] = name
    return HeaderMap(
        index=index,
        headers={name: hs[0] for name, hs in written.items()},
        canonical_of=canonical_of,
        unknown=tuple(unknown),
        duplicates=tuple((name, tuple(hs)) for name, hs in written.items() if len(hs) > 1),
        missing=tuple(c for c in columns if c.required and c.name not in index),
        also={name: tuple(positions) for name, positions in also.items()},
    )
