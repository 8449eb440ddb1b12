"""Write the bad-roster corpus into tests/corpus/files/: awkward and broken inputs as they arrive from the field.

Every file is produced here, byte for byte the same on every run: no randomness, no clock (workbooks get fixed
timestamps), synthetic people only (ID numbers built with the real check character, odd sequence = male).
Files in files/ that this script does not write are removed, so the folder always equals the corpus.
Expected outcomes live beside it in cases.yaml; tests/test_corpus.py runs each file through the CLI.

    .venv/bin/python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from eligibility.roster.normalise import check_character

FILES = Path(__file__).resolve().parent / "files"

# The roster as district forms print it: every column of community-2006, Chinese headers.
FULL = (
    "姓名",
    "性别",
    "身份证号",
    "出生年月",
    "文化程度",
    "政治面貌",
    "街道",
    "社区",
    "拟任职务",
    "计生违法日期",
    "两违",
    "综治问题",
    "被剥夺政治权利",
    "亲属",
)
TITLE = "东湖街道2006年社区两委候选人名册"
EXCEL_EPOCH = dt.date(1899, 12, 30)
SAVED_AT = (2006, 8, 20, 9, 0, 0)  # the timestamp every workbook member carries
FULL_WIDTH = {ord(d): ord(d) + 0xFEE0 for d in "0123456789"}

Rows = list[list[Any]]
BUILDERS: dict[str, Callable[[], bytes]] = {}


def corpus(name: str) -> Callable[[Callable[[], bytes]], Callable[[], bytes]]:
    """Register the function that returns the bytes of files/NAME."""

    def register(build: Callable[[], bytes]) -> Callable[[], bytes]:
        BUILDERS[name] = build
        return build

    return register


# ---- synthetic people ---------------------------------------------------------------------------------------


def ident(born: str, sequence: int, area: str = "110101") -> str:
    """An 18-digit ID number with a correct check character; `born` is YYYYMMDD, odd sequence = male."""
    body = f"{area}{born}{sequence:03d}"
    return f"{body}{check_character(body)}"


def person(name: str, born: str, sequence: int, **cells: Any) -> dict[str, Any]:
    """A clean row keyed by the FULL headers: adult committee member, 高中, no bars; keyword cells override."""
    row: dict[str, Any] = {
        "姓名": name,
        "性别": "男" if sequence % 2 else "女",
        "身份证号": ident(born, sequence),
        "出生年月": f"{born[:4]}-{born[4:6]}-{born[6:]}",
        "文化程度": "高中",
        "政治面貌": "群众",
        "街道": "东湖街道",
        "社区": "青松社区",
        "拟任职务": "居委会委员",
        "计生违法日期": "",
        "两违": "否",
        "综治问题": "否",
        "被剥夺政治权利": "否",
        "亲属": "",
    }
    row.update(cells)
    return row


def table(people: list[dict[str, Any]], header: tuple[str, ...] | list[str] = FULL) -> Rows:
    """A header row and one row per person, in the header's order."""
    return [list(header), *[[p.get(h, "") for h in header] for p in people]]


def three() -> list[dict[str, Any]]:
    """Three clean candidates of one community."""
    return [
        person("张伟", "19660501", 11),
        person("李娜", "19720815", 22, 文化程度="大专"),
        person("王芳", "19580312", 34, 政治面貌="中共党员"),
    ]


# ---- encoders -----------------------------------------------------------------------------------------------


def delimited(rows: Rows, *, encoding: str = "utf-8", newline: str = "\n", delimiter: str = ",") -> bytes:
    """CSV/TSV text as a spreadsheet writes it: quoted only where needed, rows ended by `newline`."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    text = buffer.getvalue()
    if encoding == "utf-16-le-bom":  # Excel "Unicode text": a little-endian BOM whatever the machine
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


def workbook_bytes(workbook: Workbook) -> bytes:
    """An .xlsx whose bytes do not depend on when it was saved: fixed member dates and document times."""
    saved = io.BytesIO()
    workbook.save(saved)
    stable = io.BytesIO()
    stamp = dt.datetime(*SAVED_AT).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(stable, "w") as target:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            info = zipfile.ZipInfo(member.filename, date_time=SAVED_AT)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return stable.getvalue()


def roster_sheet(workbook: Workbook, title: str, rows: Rows, *, first: bool = False) -> Any:
    """A sheet holding `rows` from A1, every cell text (the way a careful clerk sets the ID column)."""
    sheet: Any = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    for values in rows:
        sheet.append(values)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.number_format = "@"
    return sheet


def serial(day: str) -> int:
    """The Excel date serial of YYYY-MM-DD."""
    return (dt.date.fromisoformat(day) - EXCEL_EPOCH).days


# ---- encodings and line endings -----------------------------------------------------------------------------


@corpus("utf8.csv")
def utf8() -> bytes:
    return delimited(table(three()))


@corpus("utf8_bom_crlf.csv")
def utf8_bom_crlf() -> bytes:
    return delimited(table(three()), encoding="utf-8-sig", newline="\r\n")


@corpus("gbk.csv")
def gbk() -> bytes:
    people = three()
    people[2]["身份证号"] = people[2]["身份证号"][:17] + ("1" if people[2]["身份证号"][17] != "1" else "2")
    return delimited(table(people), encoding="gbk", newline="\r\n")


@corpus("gb18030_rare_char.csv")
def gb18030_rare_char() -> bytes:
    people = three()
    people[1]["姓名"] = "王𠀀"  # U+20000: in GB18030 (four bytes), not in GBK
    return delimited(table(people), encoding="gb18030", newline="\r\n")


@corpus("gbk_encoding_option.csv")
def gbk_encoding_option() -> bytes:
    return delimited(table(three()[:2]), encoding="gbk", newline="\r\n")


@corpus("utf16_unicode_text.tsv")
def utf16_unicode_text() -> bytes:
    return delimited(table(three()), encoding="utf-16-le-bom", newline="\r\n", delimiter="\t")


# ---- headers ------------------------------------------------------------------------------------------------


@corpus("title_lines.csv")
def title_lines() -> bytes:
    rows = table(three())
    rows[0] = ["公民身份号码" if h == "身份证号" else h for h in rows[0]]
    width = len(FULL)
    notes = ["填报单位：东湖街道党工委"] + [""] * (width - 3) + ["填报日期：2006年8月20日", ""]
    return delimited([[TITLE] + [""] * (width - 1), notes, *rows], newline="\r\n")


@corpus("header_variants_zh.csv")
def header_variants_zh() -> bytes:
    written = {
        "姓名": " 姓 名 ",
        "身份证号": "身份证号码",
        "出生年月": "出生年月（岁）",
        "文化程度": "学历",
        "社区": "所在社区",
        "拟任职务": "拟任职务(可兼任)",
        "被剥夺政治权利": "被剥夺政治权利（是/否）",
    }
    people = [
        person("张伟", "19660501", 11, 出生年月="1966.05（40岁）"),
        person("李娜", "19720815", 22, 出生年月="1972.08（34岁）"),
    ]
    rows = table(people)
    rows[0] = [written.get(h, h) for h in rows[0]]
    return delimited(rows)


@corpus("header_canonical_en.csv")
def header_canonical_en() -> bytes:
    written = {
        "姓名": "Name",
        "身份证号": " ID_Number ",
        "性别": "GENDER",
        "出生年月": "birth_date",
        "文化程度": "Education",
        "街道": "Street",
        "社区": "community ",
        "拟任职务": "Roles",
        "两违": "two_violations",
        "综治问题": "Governance_Record",
        "被剥夺政治权利": "political_rights_deprived",
        "计生违法日期": "family_planning_violation",
        "政治面貌": "Political_Status",
    }
    no = {"两违": "no", "综治问题": "no", "被剥夺政治权利": "no"}
    people = [
        person("张伟", "19660501", 11, 性别="male", **no),
        person("李娜", "19720815", 22, 性别="female", 文化程度="大专", 拟任职务="妇代会主任", **no),
    ]
    rows = table(people, list(written))
    rows[0] = [written[h] for h in rows[0]]
    return delimited(rows)


@corpus("unknown_headers.csv")
def unknown_headers() -> bytes:
    header = ["序号", *FULL, "联系电话", "备注"]
    people = three()
    for number, p in enumerate(people, start=1):
        p.update({"序号": number, "联系电话": f"0591-8700000{number}", "备注": "连任" if number == 1 else ""})
    rows = table(people, header)
    rows[0] = ["文化成度" if h == "文化程度" else h for h in rows[0]]  # a typo: not a known column
    return delimited(rows)


@corpus("missing_column.csv")
def missing_column() -> bytes:
    return delimited(table(three(), [h for h in FULL if h != "拟任职务"]))


# ---- dates --------------------------------------------------------------------------------------------------


@corpus("date_spellings.csv")
def date_spellings() -> bytes:
    spellings = [
        "1968-03-15",
        "1968/3/15",
        "1968.03.15",
        "1968年3月15日",
        "19680315",
        "1968-03-15 00:00:00",
        "1968.03",
        "1968年3月",
        "196803",
        "1968.03（38岁）",
        "１９６８年３月１５日",
    ]
    names = ["张伟", "刘洋", "杨磊", "黄勇", "周杰", "徐强", "马超", "胡军", "何平", "高峰", "罗斌"]
    people = [
        person(name, "19680315", 11 + 2 * i, 出生年月=spelling)
        for i, (name, spelling) in enumerate(zip(names, spellings, strict=True))
    ]
    return delimited(table(people))


@corpus("bad_dates.csv")
def bad_dates() -> bytes:
    people = [
        person("张伟", "19680301", 11, 出生年月="1968-02-30"),
        person("李娜", "19680315", 22, 出生年月="六八年三月"),
        person("王芳", "19680315", 24, 出生年月="1967-03-15"),
        person("刘洋", "19680315", 13),
        person("陈静", "19700101", 26, 计生违法日期="2004-02-30"),
    ]
    return delimited(table(people))


# ---- ID numbers ---------------------------------------------------------------------------------------------


@corpus("id_excel_damage.csv")
def id_excel_damage() -> bytes:
    rounded = ident("19660501", 11)[:15] + "000"
    assert check_character(rounded[:17]) != rounded[17], "the rounded number must not be valid by chance"
    people = [
        person("张伟", "19660501", 13, 身份证号="1.10101E+17"),
        person("杨磊", "19660501", 11, 身份证号=rounded),
        person("王芳", "19720815", 22, 身份证号="1.10101197208E+17"),
        person("刘洋", "19580312", 33),
    ]
    return delimited(table(people))


@corpus("id_damaged.csv")
def id_damaged() -> bytes:
    wrong_check = ident("19720815", 22)
    wrong_check = wrong_check[:17] + ("3" if wrong_check[17] != "3" else "4")
    people = [
        person("张伟", "19660501", 11, 身份证号=ident("19660501", 11)[:17]),
        person("李娜", "19720815", 22, 身份证号=wrong_check),
        person("王芳", "19680301", 24, 身份证号=ident("19680230", 24), 出生年月="1968.02"),
        person("刘洋", "19580312", 33),
    ]
    return delimited(table(people))


@corpus("id_valid_variants.csv")
def id_valid_variants() -> bytes:
    with_x = next(s for s in range(11, 999, 2) if ident("19700308", s).endswith("X"))
    people = [
        person("黄勇", "19700308", with_x, 身份证号=ident("19700308", with_x).lower()),
        person("李娜", "19720815", 22, 身份证号=ident("19720815", 22).translate(FULL_WIDTH)),
        person("张伟", "19660501", 13, 身份证号="110101" + "660501" + "013"),
        person("周杰", "19550101", 15, 身份证号=f" {ident('19550101', 15)} "),
    ]
    return delimited(table(people))


@corpus("gender_problems.csv")
def gender_problems() -> bytes:
    people = [
        person("张伟", "19660501", 11, 性别="女"),
        person("刘洋", "19661001", 13, 性别="公"),
        person("李娜", "19720815", 22, 性别="F"),
        person("杨磊", "19580312", 15, 性别="male"),
    ]
    return delimited(table(people))


@corpus("duplicate_id.csv")
def duplicate_id() -> bytes:
    people = [
        person("张伟", "19660501", 11, 拟任职务="党支部委员", 政治面貌="中共党员"),
        person("李娜", "19720815", 22),
        person("张伟", "19660501", 11, 拟任职务="居委会委员", 政治面貌="中共党员"),
    ]
    return delimited(table(people))


# ---- rows and cells -----------------------------------------------------------------------------------------


@corpus("ragged_rows.csv")
def ragged_rows() -> bytes:
    header = ["姓名", "性别", "身份证号", "出生年月", "文化程度", "街道", "社区", "拟任职务", "两违"]
    rows = table(
        [
            person("张伟", "19660501", 11),
            person("李娜", "19720815", 22),
            person("王芳", "19580312", 34),
            person("刘洋", "19700101", 13),
        ],
        header,
    )
    rows[1].append("多出的一格")  # a stray cell past the last column: the cells may have shifted
    rows[2] = rows[2][:-1]  # one cell short
    rows[3] += ["", ""]  # trailing empty cells: how spreadsheets pad rows, not a problem
    return delimited(rows)


@corpus("quoted_cells.csv")
def quoted_cells() -> bytes:
    people = [
        person("张伟", "19660501", 11, 拟任职务="居委会副主任,妇代会主任", 亲属="李娜,王芳"),
        person("李娜", "19720815", 22, 拟任职务="党支部委员\n民兵营长", 政治面貌="中共党员"),
        person("王芳", "19580312", 34, 政治面貌='中共党员，"七一"入党'),
    ]
    return delimited(table(people), newline="\r\n")


@corpus("blank_required.csv")
def blank_required() -> bytes:
    rows = table(
        [
            person("", "19660501", 11),
            person("李娜", "19720815", 22, 社区=""),
            person("王芳", "19580312", 34, 拟任职务=" "),
            person("刘洋", "19700101", 13),
        ]
    )
    rows.insert(3, [""] * len(FULL))  # a row of commas only
    rows.insert(4, [])  # an empty line
    return delimited(rows)


@corpus("unknown_vocabulary.csv")
def unknown_vocabulary() -> bytes:
    people = [
        person("张伟", "19660501", 11, 文化程度="高忠"),
        person("李娜", "19720815", 22, 拟任职务="居委会委具"),
        person("王芳", "19580312", 34, 两违="可能"),
        person("刘洋", "19700101", 13),
    ]
    return delimited(table(people))


@corpus("yes_no_words.csv")
def yes_no_words() -> bytes:
    people = [
        person("张伟", "19660501", 11, 两违="否", 综治问题="无", 被剥夺政治权利="×"),
        person("李娜", "19720815", 22, 两违="N", 综治问题="no", 被剥夺政治权利="false"),
        person("王芳", "19580312", 34, 两违="0", 综治问题="", 被剥夺政治权利=""),
        person("刘洋", "19700101", 13, 计生违法日期="无"),
    ]
    return delimited(table(people))


@corpus("rules_fire.csv")
def rules_fire() -> bytes:
    people = [
        person("刘洋", "19890101", 13),
        person("陈静", "19700101", 22, 两违="是"),
        person("杨磊", "19450601", 15, 拟任职务="党支部书记", 政治面貌="中共党员"),
        person("赵敏", "19721205", 24, 计生违法日期="2003-05-01"),
        person("黄勇", "19600808", 17, 被剥夺政治权利="有"),
        person("周杰", "19580312", 19, 综治问题="√"),
        person("吴霞", "19750505", 26),
        person("徐强", "19640707", 21, 两违="1"),
    ]
    return delimited(table(people))


@corpus("role_separators.csv")
def role_separators() -> bytes:
    roles = [
        "党支部委员、居委会委员",
        "党支部委员,居委会委员",
        "党支部委员，居委会委员",
        "党支部委员;居委会委员",
        "党支部委员；居委会委员",
        "党支部委员/居委会委员",
        "党支部书记兼居委会主任",
        "副书记\n副主任",
        "妇代会主任、支委",
    ]
    names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "吴霞"]
    people = [
        person(name, "19660501", 11 + i, 拟任职务=r, 政治面貌="中共党员")
        for i, (name, r) in enumerate(zip(names, roles, strict=True))
    ]
    return delimited(table(people))


# ---- whole-file problems ------------------------------------------------------------------------------------


@corpus("empty.csv")
def empty() -> bytes:
    return b""


@corpus("header_only.csv")
def header_only() -> bytes:
    return delimited([list(FULL), [], [""] * len(FULL)], encoding="utf-8-sig", newline="\r\n")


@corpus("binary_junk.csv")
def binary_junk() -> bytes:
    return bytes((i * 37 + 11) % 256 for i in range(2048))


@corpus("zip_renamed.csv")
def zip_renamed() -> bytes:
    workbook = Workbook()
    roster_sheet(workbook, "候选人", table(three()), first=True)
    return workbook_bytes(workbook)


@corpus("old_excel.xls")
def old_excel() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes((i * 13 + 7) % 256 for i in range(1016))


@corpus("wrong_extension.txt")
def wrong_extension() -> bytes:
    return delimited(table(three()))


# ---- YAML and JSON ------------------------------------------------------------------------------------------


@corpus("list.yaml")
def list_yaml() -> bytes:
    return f"""\
# 东湖街道青松社区候选人（列表写法）
- 姓名: 张伟
  身份证号: "{ident("19660501", 11)}"
  性别: 男
  出生年月: 1966-05-01
  文化程度: 高中
  政治面貌: 中共党员
  社区: 青松社区
  拟任职务: [党支部委员, 居委会委员]
  两违: false
  综治问题: 否
  被剥夺政治权利: 否
  计生违法日期:
- 姓名: 李娜
  身份证号: "{ident("19720815", 22)}"
  性别: 女
  出生年月: 1972.08
  文化程度: 大专
  政治面貌: 群众
  社区: 青松社区
  拟任职务: 妇代会主任
  两违: no
  综治问题: 否
  被剥夺政治权利: 否
  计生违法日期: ""
""".encode()


@corpus("mapping.yaml")
def mapping_yaml() -> bytes:
    return f"""\
election_date: 2006-09-26
communities:
  - community: 梅园社区
    street: 西岭街道
    party_seats: 3
    committee_seats: 5
    candidates:
      - {{name: 张伟, id_number: "{ident("19660501", 11)}", education: 高中, political_status: 中共党员, roles: 党支部书记兼居委会主任,
          two_violations: 否, governance_record: 否, political_rights_deprived: 否, family_planning_violation: ""}}
      - {{name: 李娜, id_number: "{ident("19720815", 22)}", education: 大专, political_status: 中共党员, roles: 党支部委员、妇代会主任,
          two_violations: 否, governance_record: 否, political_rights_deprived: 否}}
      - {{name: 王芳, id_number: "{ident("19580312", 34)}", education: 中专, political_status: 群众, roles: 居委会委员,
          two_violations: 否, governance_record: 否, political_rights_deprived: 否, relatives: [李娜]}}
""".encode()


@corpus("alias_bomb.yaml")
def alias_bomb() -> bytes:
    lines = ['a: &a ["张伟", "张伟", "张伟", "张伟", "张伟", "张伟", "张伟", "张伟", "张伟"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


@corpus("deep.yaml")
def deep_yaml() -> bytes:
    depth = 100
    return f"- 姓名: 张伟\n  社区: 青松社区\n  拟任职务: 居委会委员\n  亲属: {'[' * depth}李娜{']' * depth}\n".encode()


@corpus("huge_scalar.yaml")
def huge_scalar() -> bytes:
    return f"- 姓名: 张伟\n  社区: 青松社区\n  拟任职务: 居委会委员\n  备注: {'x' * 150_000}\n".encode()


@corpus("syntax_error.json")
def syntax_error() -> bytes:
    return """\
[
  {"姓名": "张伟", "社区": "青松社区", "拟任职务": "居委会委员"},
  {"姓名": "李娜", "社区": "青松社区" "拟任职务": "妇代会主任"}
]
""".encode()


# ---- workbooks ----------------------------------------------------------------------------------------------


@corpus("merged_title.xlsx")
def merged_title() -> bytes:
    workbook = Workbook()
    rows = table(three())
    sheet = roster_sheet(workbook, "候选人", [[TITLE], [], *rows[:3], [], *rows[3:]], first=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FULL))
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    for row in range(3, 60):  # a bordered form prepared for more people than were entered
        for column in range(1, len(FULL) + 1):
            sheet.cell(row=row, column=column).border = Border(thin, thin, thin, thin)
    return workbook_bytes(workbook)


@corpus("id_as_number.xlsx")
def id_as_number() -> bytes:
    workbook = Workbook()
    people = three()[:2]
    sheet = roster_sheet(workbook, "Sheet1", table(people), first=True)
    # Typed into a General cell: Excel keeps 15 significant digits and shows 1.10101E+17.
    cell = sheet.cell(row=2, column=FULL.index("身份证号") + 1)
    cell.value = int(people[0]["身份证号"][:15] + "000")
    cell.number_format = "General"
    return workbook_bytes(workbook)


@corpus("date_serials_formatted.xlsx")
def date_serials_formatted() -> bytes:
    workbook = Workbook()
    people = three()
    people[0]["计生违法日期"] = "1999-06-01"  # more than five years before election day
    sheet = roster_sheet(workbook, "候选人", table(people), first=True)
    for column in ("出生年月", "计生违法日期"):
        index = FULL.index(column) + 1
        for row in range(2, len(people) + 2):
            cell = sheet.cell(row=row, column=index)
            if cell.value:
                cell.value = dt.date.fromisoformat(cell.value)
                cell.number_format = "yyyy/m/d"
    return workbook_bytes(workbook)


@corpus("date_serials_general.xlsx")
def date_serials_general() -> bytes:
    workbook = Workbook()
    people = three()
    sheet = roster_sheet(workbook, "候选人", table(people), first=True)
    index = FULL.index("出生年月") + 1
    for row in range(2, len(people) + 2):
        cell = sheet.cell(row=row, column=index)
        cell.value = serial(cell.value)  # a date pasted as values into a General column
        cell.number_format = "General"
    return workbook_bytes(workbook)


@corpus("two_sheets.xlsx")
def two_sheets() -> bytes:
    workbook = Workbook()
    notes = [
        ["填表说明"],
        ["1. 身份证号一列请先设置为文本格式再录入。"],
        ["2. 拟任职务可填多项，用顿号分隔。"],
    ]
    roster_sheet(workbook, "填表说明", notes, first=True)
    roster_sheet(workbook, "候选人", table(three()))
    return workbook_bytes(workbook)


@corpus("sheet_option.xlsx")
def sheet_option() -> bytes:
    workbook = Workbook()
    earlier = [person("赵敏", "19500101", 24, 拟任职务="居委会主任"), person("周杰", "19550101", 15)]
    roster_sheet(workbook, "2003年换届", table(earlier), first=True)
    roster_sheet(workbook, "候选人", table(three()))
    return workbook_bytes(workbook)


@corpus("no_roster_sheet.xlsx")
def no_roster_sheet() -> bytes:
    workbook = Workbook()
    roster_sheet(workbook, "说明", [["填表说明"], ["请在“候选人”表中填写。"]], first=True)
    roster_sheet(workbook, "统计", [["社区", "党组织核定职数", "居委会核定职数"], ["青松社区", 5, 5]])
    return workbook_bytes(workbook)


@corpus("missing_sheet.xlsx")
def missing_sheet() -> bytes:
    workbook = Workbook()
    roster_sheet(workbook, "候选人", table(three()), first=True)
    return workbook_bytes(workbook)


def main() -> None:
    FILES.mkdir(parents=True, exist_ok=True)
    for stale in FILES.iterdir():
        if stale.name not in BUILDERS:
            stale.unlink()
    for name, build in BUILDERS.items():
        (FILES / name).write_bytes(build())
    print(f"wrote {len(BUILDERS)} files to {FILES}")


if __name__ == "__main__":
    main()
