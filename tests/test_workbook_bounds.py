"""A workbook with stray cells far outside its table is read in bounded memory, or refused naming the cells."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from eligibility import check

from conftest import make_id

HEADER = ["姓名", "身份证号", "社区", "拟任职务"]
# Enough for the tool and a real roster's sheet; far less than the rectangle calamine would make of the far
# cells (2.2 GB for ZZ1 and A100000), so a run that reads them whole fails here instead of filling the machine.
MEMORY_LIMIT = 1 << 30


def roster(path: Path, people: int = 1, sheet: str = "候选人") -> tuple[openpyxl.Workbook, Worksheet]:
    book = openpyxl.Workbook()
    table = book.active
    assert table is not None
    table.title = sheet
    table.append(HEADER)
    for n in range(people):
        table.append([f"候选人{n + 1}", make_id("1966-05-01"), "青松社区", "居委会委员"])
    return book, table


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own with its memory capped, so a sheet read whole cannot stop the tests."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "eligibility", "check", *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="latin-1" if stdin is not None else "utf-8",
        preexec_fn=cap,
        timeout=60,
    )


def test_stray_cells_in_the_far_corners_are_refused_naming_file_sheet_and_cells(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    book, table = roster(path)
    table["XFD1"] = "x"
    table["A1048576"] = "y"
    book.save(path)
    done = run(str(path), "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert (
        f"{path.as_posix()}#候选人: the sheet's used range is 1,048,576 rows × 16,384 columns" in done.stderr
    )
    assert "farthest cells: XFD1、A1048576" in done.stderr
    assert "delete those stray cells far outside the roster's table" in done.stderr
    chinese = run(str(path))
    assert chinese.returncode == 2
    assert "最远的单元格：XFD1、A1048576" in chinese.stderr
    assert "请删除名册表格以外远处的这些零散单元格" in chinese.stderr


def test_a_workbook_on_standard_input_is_measured_too(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    book, table = roster(path)
    table["XFD1048576"] = "y"
    book.save(path)
    done = run("-", "--lang", "en", stdin=path.read_bytes())
    assert done.returncode == 2, done.stderr
    assert "farthest cells: XFD1048576" in done.stderr


def test_stray_cells_at_zz1_and_a100000_are_refused_at_once(tmp_path: Path) -> None:
    # 702 columns × 100,000 rows: calamine took 2.2 GB and 10 s to read this one-row roster.
    path = tmp_path / "mid.xlsx"
    book, table = roster(path)
    table["ZZ1"] = "x"
    table["A100000"] = "y"
    book.save(path)
    started = time.perf_counter()
    done = run(str(path), "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert time.perf_counter() - started < 10
    assert "100,000 rows × 702 columns (A to ZZ; farthest cells: ZZ1、A100000)" in done.stderr


def test_one_column_past_the_limit_is_refused(tmp_path: Path) -> None:
    # All 1,048,576 rows 32 columns wide is the most a sheet may hold; 33 is one column too many.
    path = tmp_path / "wide.xlsx"
    book, table = roster(path)
    table["AG1048576"] = "y"
    book.save(path)
    done = run(str(path), "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert "1,048,576 rows × 33 columns (A to AG; farthest cells: AG1048576)" in done.stderr


def test_a_one_row_roster_with_a_stray_cell_at_zz1_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "zz1.xlsx"
    book, table = roster(path)
    table["ZZ1"] = "x"
    book.save(path)
    started = time.perf_counter()
    report = check([path], lang="en")
    assert time.perf_counter() - started < 5
    assert [(c.name, c.source.line, c.status) for c in report.candidates] == [("候选人1", 2, "eligible")]
    assert [(f.rule, f.evidence.get("header")) for f in report.inputs[0].findings] == [
        ("column-unknown", "x")
    ]


def test_a_far_cell_that_is_only_formatted_costs_nothing(tmp_path: Path) -> None:
    # Coloured and then emptied: Excel keeps the cell, calamine leaves it out of the sheet's range.
    path = tmp_path / "styled.xlsx"
    book, table = roster(path, people=3)
    table["XFD1048576"].fill = PatternFill("solid", fgColor="FFFF00")
    book.save(path)
    done = run(str(path), "--lang", "en", "--format", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.count('"name":"候选人') == 3


def test_no_row_is_dropped_from_a_sheet_measured_cell_by_cell(tmp_path: Path) -> None:
    # A cell at AB1 sends the sheet to be measured cell by cell; it is within bounds, so every row is read,
    # a candidate far down the sheet too.
    path = tmp_path / "gap.xlsx"
    book, table = roster(path, people=3)
    table["AB1"] = "备注"
    table.append([])
    for cell, value in zip("ABCD", ["候选人4", make_id("1970-01-01"), "青松社区", "居委会委员"], strict=True):
        table[f"{cell}5000"] = value
    book.save(path)
    report = check([path], lang="en")
    assert [(c.name, c.source.line) for c in report.candidates] == [
        ("候选人1", 2),
        ("候选人2", 3),
        ("候选人3", 4),
        ("候选人4", 5000),
    ]


def test_a_far_flung_sheet_beside_the_roster_stops_the_check(tmp_path: Path) -> None:
    # It may be the roster (a second one, 李四 marked 两违): passed over as "not a roster", the run said nothing
    # of him and could pass.
    path = tmp_path / "two.xlsx"
    book, _ = roster(path, people=2)
    notes = book.create_sheet("第二批")
    notes.append(HEADER)
    notes.append(["李四", make_id("1970-01-01"), "翠竹社区", "居委会委员"])
    notes["XFD1048576"] = "."
    book.save(path)
    done = run(str(path), "--lang", "en", "--format", "json")
    assert done.returncode == 2, done.stderr
    assert f"{path.as_posix()}#第二批: the sheet's used range is 1,048,576 rows" in done.stderr


def _rewritten(path: Path, change: Callable[[bytes], bytes]) -> None:
    """The workbook with its first sheet's XML changed, as another program than Excel might write it."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, change(data) if name == "xl/worksheets/sheet1.xml" else data)


def _prefixed(xml: bytes) -> bytes:
    """The sheet's cells written with a prefix for their namespace, as valid OOXML allows."""
    main = b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    return re.sub(
        rb"<(/?)(c|row|v|f|is|t)\b", rb"<\1x:\2", xml.replace(b"<worksheet ", b"<worksheet " + main, 1)
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda xml: xml.replace(b'r="XFD1048576"', b'r = "XFD1048576"'),  # spaces around =, as XML allows
        lambda xml: xml.replace(b'r="XFD1048576"', b'r="xfd1048576"'),  # a reference in lower case
        lambda xml: re.sub(  # cells with no reference, placed by their order in a far row
            rb'<row r="1048576".*?</row>',
            b'<row r="1048576">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 3000 + b"</row>",
            xml,
            flags=re.S,
        ),
        lambda xml: _prefixed(xml),  # the namespace's prefix on every tag: <x:c r="XFD1048576">
    ],
    ids=["spaces", "lower-case", "no-references", "prefixed"],
)
def test_a_far_cell_written_otherwise_is_measured_too(
    tmp_path: Path, change: Callable[[bytes], bytes]
) -> None:
    # Each got past the measuring, and calamine then asked for 512 GiB and aborted the process.
    path = tmp_path / "far.xlsx"
    book, table = roster(path)
    table["XFD1048576"] = "x"
    book.save(path)
    _rewritten(path, change)
    done = run(str(path), "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert "the sheet's used range is 1,048,576 rows" in done.stderr


def test_a_damaged_sheet_is_named_not_a_traceback(tmp_path: Path) -> None:
    # calamine opens the workbook and fails only on reading the sheet's part; the measuring passes it over.
    path = tmp_path / "damaged.xlsx"
    book, _ = roster(path)
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = part.header_offset + 30 + len(part.filename) + len(part.extra)
    for at in range(start + 20, start + part.compress_size):
        data[at] ^= 0x55
    path.write_bytes(bytes(data))
    done = run(str(path), "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path.as_posix()}#候选人: the file cannot be parsed" in done.stderr


def test_merged_community_and_street_cells_stand_for_every_row_they_cover(tmp_path: Path) -> None:
    # 街道 merged over G2:G5 and 社区 over H2:H4: the rows under the top one were read blank.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "性别", "身份证号", "出生日期", "文化程度", "政治面貌", "街道", "社区", "拟任职务"])
    people = [("甲", "青松社区"), ("乙", None), ("丙", None), ("丁", "翠竹社区")]
    for name, community in people:
        born = "1970-01-01"
        sheet.append(
            [
                name,
                "男",
                make_id(born),
                born,
                "高中",
                "群众",
                "东湖街道" if name == "甲" else None,
                community,
                "居委会委员",
            ]
        )
    sheet.append([None] * 9)  # a blank row inside neither range stays nobody
    sheet.merge_cells("G2:G5")
    sheet.merge_cells("H2:H4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    report = check([path])
    assert [(c.name, c.street, c.community) for c in report.candidates] == [
        ("甲", "东湖街道", "青松社区"),
        ("乙", "东湖街道", "青松社区"),
        ("丙", "东湖街道", "青松社区"),
        ("丁", "东湖街道", "翠竹社区"),
    ]
    assert all(c.status == "eligible" for c in report.candidates)
    assert [(t.street, t.community) for t in report.teams] == [
        ("东湖街道", "青松社区"),
        ("东湖街道", "翠竹社区"),
    ]


def test_a_merged_cell_never_makes_a_record_of_a_row_with_nothing_else(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务"])
    sheet.append(["甲", make_id("1970-01-01"), "青松社区", "居委会委员"])
    sheet.append([None, None, None, None])  # under the merged 社区, no one
    sheet.merge_cells("C2:C3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    assert [c.name for c in check([path]).candidates] == ["甲"]


def test_a_merged_excel_error_stands_for_every_row_it_covers(tmp_path: Path) -> None:
    # 两违 #N/A merged over three rows: the rows under the top one took "#N/A" as their answer without a word.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务", "两违"])
    for name in ("甲", "乙", "丙"):
        sheet.append(
            [name, make_id("1970-01-01"), "青松社区", "居委会委员", "#N/A" if name == "甲" else None]
        )
    sheet.merge_cells("E2:E4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    people = check([path], lang="en").candidates
    assert [
        [(f.rule, f.evidence["cell"]) for f in p.findings if f.rule.startswith("cell-")] for p in people
    ] == [[("cell-excel-error", "Sheet!E2")]] * 3
    assert [p.status for p in people] == ["invalid"] * 3


def test_a_merge_across_columns_fills_only_its_first_column(tmp_path: Path) -> None:
    # 街道 merged over G2:H3 (street and community): the street was copied into 社区 and 乙 made a team of
    # "东湖街道". Excel shows the value in the first column only; 社区 is blank as the officer sees it.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "性别", "身份证号", "出生日期", "文化程度", "政治面貌", "街道", "社区", "拟任职务"])
    for name in ("甲", "乙"):
        born = "1970-01-01"
        street = "东湖街道" if name == "甲" else None
        sheet.append([name, "男", make_id(born), born, "高中", "群众", street, None, "居委会委员"])
    sheet.merge_cells("G2:H3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    people = check([path], lang="en").candidates
    assert [(p.street, p.community) for p in people] == [("东湖街道", ""), ("东湖街道", "")]
    assert [[(f.rule, f.evidence["column"]) for f in p.findings] for p in people] == [
        [("required-missing", "社区")]
    ] * 2


@pytest.mark.parametrize("hidden", ["翠竹社区", "#N/A"])
def test_a_value_hidden_under_a_merge_gives_way_to_the_one_shown(tmp_path: Path, hidden: str) -> None:
    # A program wrote 翠竹社区 (or #N/A) under a merged 青松社区: Excel shows 青松社区 on both rows, and so does
    # the check, with no error said of a cell whose value is not used.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务"])
    sheet.append(["甲", make_id("1970-01-01"), "青松社区", "居委会委员"])
    sheet.append(["乙", make_id("1971-01-01"), hidden, "居委会委员"])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace(
        "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>'
    )
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    people = check([path]).candidates
    assert [(p.name, p.community, p.status) for p in people] == [
        ("甲", "青松社区", "eligible"),
        ("乙", "青松社区", "eligible"),
    ]


def test_an_error_cell_written_with_the_namespaces_prefix_is_said(tmp_path: Path) -> None:
    # <x:c r="E2" t="e"><x:v>#N/A</x:v></x:c>: read as blank, 两违 was no, and the candidate eligible.
    path = tmp_path / "prefixed.xlsx"
    book, table = roster(path)
    table["E1"] = "两违"
    table["E2"] = "#N/A"
    book.save(path)
    _rewritten(path, _prefixed)
    [person] = check([path]).candidates
    assert person.status == "invalid" and "cell-excel-error" in {f.rule for f in person.findings}


@pytest.mark.parametrize("written", ["excel", "prefixed"])
def test_hidden_rows_and_a_hidden_sheet_are_checked_and_said(tmp_path: Path, written: str) -> None:
    # A withdrawn candidate hidden rather than deleted, or rows a filter hides, are in the file the district
    # receives: checked as the others, and said, for the officer has not seen them.
    path = tmp_path / "hidden.xlsx"
    book, table = roster(path, people=4)
    table.row_dimensions[3].hidden = True  # 候选人2
    table.row_dimensions[5].hidden = True  # 候选人4
    old = book.create_sheet("旧名单")
    old.append(HEADER)
    old.append(["候选人9", make_id("1970-02-02"), "翠竹社区", "居委会委员"])
    old.sheet_state = "hidden"
    book.save(path)
    if written == "prefixed":
        _rewritten(path, _prefixed)
    report = check([path])
    by_name = {c.name: c for c in report.candidates}
    assert set(by_name) == {"候选人1", "候选人2", "候选人3", "候选人4", "候选人9"}
    hidden = {name for name, c in by_name.items() if any(f.rule == "row-hidden" for f in c.findings)}
    assert hidden == {"候选人2", "候选人4"}
    finding = next(f for f in by_name["候选人2"].findings if f.rule == "row-hidden")
    assert finding.severity == "warning" and by_name["候选人2"].status == "eligible"
    assert "第 3 行在 Excel 中是隐藏的" in finding.message
    notes = [f for i in report.inputs for f in i.findings if f.rule == "sheet-hidden"]
    assert [n.message for n in notes] == [
        "工作表“旧名单”在 Excel 中是隐藏的，其中的候选人照常检查；如不是本次名册，请删去这张表"
    ]


def test_an_id_number_stored_as_a_number_is_shown_as_excel_shows_it(tmp_path: Path) -> None:
    # 110101196001010 (15 digits, no such day) in a number cell: the report's ID column said 110101********0.0, its
    # message 110101******010 — one cell shown two ways, neither as Excel shows it.
    path = tmp_path / "numeric.xlsx"
    book, table = roster(path)
    table["B2"] = 110101196001010
    book.save(path)
    [person] = check([path], show_pii=True).candidates
    assert person.id_number == "110101196001010" and person.status == "invalid"
    assert any("“110101196001010”" in f.message for f in person.findings if f.rule == "id-number-birth")
    [masked] = check([path]).candidates
    assert masked.id_number is not None and masked.id_number in masked.findings[0].message


@pytest.mark.parametrize("written", ["excel", "prefixed"])
def test_a_hidden_column_that_is_read_is_said(tmp_path: Path, written: str) -> None:
    # Two 两违 columns, the one saying 是 hidden: the candidate was ineligible and the officer, looking at the
    # sheet, saw only 否 and no reason for it.
    path = tmp_path / "hidden-column.xlsx"
    book, table = roster(path, people=2)
    table["E1"], table["E2"], table["E3"] = "两违", "否", "否"
    table["F1"], table["F2"], table["F3"] = "是否两违", "是", "否"
    table["G1"] = "联系电话"  # hidden too, but not read: nothing to say of it (备注 is read, for its remarks)
    for letter in ("F", "G"):
        table.column_dimensions[letter].hidden = True
    book.save(path)
    if written == "prefixed":
        _rewritten(path, lambda xml: re.sub(rb"<(/?)(cols?)\b", rb"<\1x:\2", _prefixed(xml)))
    report = check([path])
    assert [c.status for c in report.candidates] == ["ineligible", "eligible"]
    notes = [f for i in report.inputs for f in i.findings if f.rule == "column-hidden"]
    assert [(n.severity, n.message) for n in notes] == [
        ("warning", "F 列“是否两违”在 Excel 中是隐藏的，照常读取、参与审查；如不该用，请删去这一列")
    ]
    with zipfile.ZipFile(path) as archive:  # the hiding was written as Excel writes it
        assert b"hidden" in archive.read("xl/worksheets/sheet1.xml")
    # A damaged range, F to column 50,000,000: one range, not fifty million numbers held (helper-53).
    _rewritten(path, lambda xml: re.sub(rb'min="6" max="6"', b'min="6" max="50000000"', xml))
    with zipfile.ZipFile(path) as archive:
        assert b'max="50000000"' in archive.read("xl/worksheets/sheet1.xml")
    far = run(str(path), "--format", "json")
    assert far.returncode == 1, far.stderr
    hidden = [
        f for i in json.loads(far.stdout)["inputs"] for f in i["findings"] if f["rule"] == "column-hidden"
    ]
    assert [f["message"] for f in hidden] == [notes[0].message]


def test_a_birth_date_serial_that_disagrees_with_the_id_number_is_shown_with_its_day(tmp_path: Path) -> None:
    # 18000 in a cell formatted as a number is the day 1949-04-12: the message said "18000" alone.
    path = tmp_path / "serial.xlsx"
    book, table = roster(path, people=0)
    table.append(["甲", "11010119490930001X", "青松社区", "居委会委员", 18000])
    table.append(["乙", "110101194910010036", "青松社区", "居委会委员", 18172])  # 1949-10-01, the ID's day
    table["E1"] = "出生年月"
    book.save(path)
    shown = check([path], show_pii=True, lang="en")
    first, second = shown.candidates
    assert [f.message for f in first.findings] == [
        "出生年月 is 18000(1949-04-12) but the ID number says 1949-09-30"
    ]
    assert second.findings == []
    masked = check([path]).candidates[0].findings[0].message
    assert "04-12" not in masked and "18000" not in masked and "1949-**-**" in masked


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "不是完好的 .xlsx 文件（压缩包已损坏或只是改了扩展名）"),
        ("en", "not a whole .xlsx file (the archive is damaged, or only its name ends in .xlsx)"),
    ],
)
def test_a_file_named_xlsx_that_is_no_workbook_is_said_so_in_the_readers_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    # 文件无法解析：invalid Zip archive: Could not find EOCD — calamine's English under the default Chinese
    # (helper-52), and its English, which says nothing of what to do, under --lang en (helper-56).
    path = tmp_path / "名册.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    result = run(str(path), "--lang", lang)
    assert result.returncode == 2
    assert said in result.stderr and "EOCD" not in result.stderr


@pytest.mark.parametrize(
    ("written", "rule"), [("=1/0", "cell-formula-unsaved"), ("#N/A", "cell-excel-error")]
)
def test_a_cell_holding_no_value_is_said_once(tmp_path: Path, written: str, rule: str) -> None:
    # 两违 “=1/0” 应为 是/否 beside cell-formula-unsaved: the officer was told to type 是 or 否 over a formula
    # the file had never calculated (helper-52).
    path = tmp_path / "formula.xlsx"
    book, table = roster(path)
    table["E1"], table["E2"] = "两违", written
    book.save(path)
    [person] = check([path]).candidates
    assert [f.rule for f in person.findings if f.severity == "invalid"] == [rule]
    assert person.status == "invalid"
    undecided = next(f for f in person.findings if f.rule == "two-violations")
    assert undecided.severity == "review" and "无法检查" in undecided.message


def test_a_sheet_cut_in_half_is_said_to_be_damaged(tmp_path: Path) -> None:
    # 文件无法解析：t — a fragment of calamine's XML error, of a sheet whose XML ends half way (helper-55).
    path = tmp_path / "cut.xlsx"
    book, _ = roster(path, people=50)
    book.save(path)
    _rewritten(path, lambda xml: xml[: len(xml) // 2])
    result = run(str(path))
    assert result.returncode == 2
    assert "工作表的 XML 已损坏，读不完整；请用 Excel 或 WPS 打开后重新保存" in result.stderr


HEADER_88 = ["姓名", "性别", "身份证号", "出生年月", "文化程度", "街道", "社区", "拟任职务", "两违"]


def _barred_row() -> list[str]:
    """王五: 两违 and a 56-year-old director with 小学: barred, whatever else is read of him."""
    return [
        "王五",
        "男",
        make_id("1950-03-03", "男"),
        "1950-03-03",
        "小学",
        "东湖街道",
        "青松社区",
        "居委会主任",
        "是",
    ]


@pytest.mark.parametrize(
    "second",
    [
        [],  # 续表: more candidates pasted without the header
        [["候选人姓名", "性别", "身份证号", "出生年月", "文化程度", "街道", "所属社区", "拟任岗位", "两违"]],
    ],
)
def test_a_sheet_of_candidates_without_a_header_read_fails_the_run(
    tmp_path: Path, second: list[list[str]]
) -> None:
    # helper-88: passed over as "not a roster" (info), 王五 unchecked, and the run passed.
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "候选人名册"
    first.append(HEADER_88)
    first.append(
        [
            "李四",
            "男",
            make_id("1970-01-01", "男"),
            "1970-01-01",
            "高中",
            "东湖街道",
            "青松社区",
            "居委会委员",
            "否",
        ]
    )
    more = book.create_sheet("续表")
    for row in [*second, _barred_row()]:
        more.append(row)
    book.create_sheet("汇总").append(["社区", "人数"])  # a summary holds no person's column: passed over
    path = tmp_path / "roster.xlsx"
    book.save(path)
    report = check([path], election_date="2006-09-30")
    said = {(i.sheet, f.rule, f.severity) for i in report.inputs for f in i.findings}
    assert ("续表", "sheet-roster-not-read", "invalid") in said
    assert ("汇总", "sheet-skipped", "info") in said
    assert report.summary.files_not_read == 1
