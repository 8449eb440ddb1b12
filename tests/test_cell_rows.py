"""The cell a finding names in a CSV roster is the one Excel shows: its row is the record's, however many lines of
the file a record above it spans (a cell with a line break, Alt+Enter in Excel), while `line` stays the line of
the file the record starts on, as a text editor counts."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eligibility import check
from eligibility.cli import app
from eligibility.report import CandidateResult, Finding

from conftest import ROOT, make_id

sys.path.insert(0, str(ROOT / "benchmarks"))
import make_roster

HEADER = "姓名,身份证号,街道,社区,拟任职务,文化程度,性别,出生年月,两违"
# 甲 on one row of Excel over two lines of the file: 党支部书记 and 居委会主任 in one cell, Alt+Enter between.
FIRST = '甲,,东湖街道,青松社区,"党支部书记\n居委会主任",高中,男,1960-01,否'
# 乙: a blank ID number (B), too young (H), 两违 (I).
SECOND = "乙,,东湖街道,青松社区,居委会委员,高中,女,1999-01,是"


def _cells(candidate: CandidateResult) -> dict[str, str]:
    return {f.rule: str(f.evidence.get("cell")) for f in candidate.findings}


def _second(path: Path) -> CandidateResult:
    [second] = [c for c in check([path], election_date="2006-09-30").candidates if c.name == "乙"]
    return second


def test_a_row_under_a_cell_over_two_lines_is_named_by_the_row_excel_shows(tmp_path: Path) -> None:
    # 乙 is on Excel's row 3, and on line 4 of the file: her findings said B4, H4 and I4, the row under hers.
    path = tmp_path / "roster.csv"
    path.write_text(f"{HEADER}\n{FIRST}\n{SECOND}\n", "utf-8")
    first, second = check([path], election_date="2006-09-30").candidates
    assert (first.source.line, _cells(first)) == (2, {"id-number-blank": "B2"})
    assert (second.source.row, second.source.line) == (2, 4)
    assert _cells(second) == {"id-number-blank": "B3", "min-age": "H3", "two-violations": "I3"}


def test_a_title_over_two_lines_above_the_header_moves_no_cell(tmp_path: Path) -> None:
    # The title in one cell, over two lines (2006年东湖街道 / 候选人名册): Excel's rows 1 and 2 are the title and
    # the header, lines 1 to 3 of the file.
    path = tmp_path / "roster.csv"
    path.write_text(f'"2006年东湖街道\n候选人名册"\n{HEADER}\n{SECOND}\n', "utf-8")
    report = check([path], election_date="2006-09-30")
    [second] = report.candidates
    assert (report.inputs[0].header_line, second.source.line) == (3, 4)
    assert _cells(second) == {"id-number-blank": "B3", "min-age": "H3", "two-violations": "I3"}


def test_a_line_break_written_crlf_inside_a_cell_is_one_row(tmp_path: Path) -> None:
    # Excel on Windows writes CR LF inside a quoted cell as between rows: still one row, over two lines.
    path = tmp_path / "roster.csv"
    path.write_bytes(f"{HEADER}\n{FIRST}\n{SECOND}\n".replace("\n", "\r\n").encode("utf-8"))
    second = _second(path)
    assert second.source.line == 4
    assert _cells(second) == {"id-number-blank": "B3", "min-age": "H3", "two-violations": "I3"}


def test_blank_rows_are_rows_of_excel_too(tmp_path: Path) -> None:
    # A blank line is a row of Excel; so is a row blank but for a line break in one cell, over two lines.
    # Lines: header 1, 甲 2–3, blank 4, the blank row 5–6, 乙 7; Excel's rows: 1, 2, 3, 4, 5.
    path = tmp_path / "roster.csv"
    path.write_text(f'{HEADER}\n{FIRST}\n\n,,,,"\n",,,,\n{SECOND}\n', "utf-8")
    second = _second(path)
    assert second.source.line == 7
    assert _cells(second) == {"id-number-blank": "B5", "min-age": "H5", "two-violations": "I5"}


def test_what_the_reader_says_of_a_row_names_the_row_excel_shows(tmp_path: Path) -> None:
    # Said while the file is read: a cell under no header (J), a footer under the table (its line, and its cell),
    # and the header written again in another order (两违 moved to A), the rows under it named by its places.
    moved = "两违,姓名,身份证号,街道,社区,拟任职务,文化程度,性别,出生年月"
    path = tmp_path / "roster.csv"
    path.write_text(
        f"{HEADER},\n{FIRST},\n{SECOND},备用\n{moved},\n是,丙,,东湖街道,青松社区,居委会委员,高中,男,1960-01,\n"
        "制表人：王五\n",
        "utf-8",
    )
    report = check([path], election_date="2006-09-30")
    second, third = (c for c in report.candidates if c.name != "甲")
    beyond = next(f for f in second.findings if f.rule == "row-cells-beyond-header")
    assert beyond.evidence["value"] == "J3"
    assert third.source.line == 6
    assert _cells(third) == {"id-number-blank": "C5", "two-violations": "A5"}
    # Their messages name the row Excel shows, as the cells do; the evidence keeps the line, as a text editor,
    # --format github and SARIF count it. They named the line: 第 7 行 beside its cell A6.
    [footer] = [f for f in report.inputs[0].findings if f.rule == "row-footer"]
    assert (footer.evidence["line"], footer.evidence["excel_row"], footer.evidence["cell"]) == (7, 6, "A6")
    assert footer.message.startswith("第 6 行（“制表人：王五”，单元格 A6）")
    [reordered] = [f for f in report.inputs[0].findings if f.rule == "header-reordered"]
    assert (reordered.evidence["line"], reordered.evidence["excel_row"]) == (5, 4)
    assert reordered.message.startswith("第 4 行又写了一遍表头")


def test_a_cell_pasted_in_utf8_under_a_cell_over_two_lines_is_named_by_its_row(tmp_path: Path) -> None:
    header = "姓名,性别,身份证号,出生日期,街道,社区,拟任职务,文化程度\n".encode("gbk")
    good = (
        f'王芳,女,{make_id("1960-01-02", "女")},1960-01-02,东湖街道,青松社区,"党支部书记\n居委会主任",大专\n'
    )
    tail = f",男,{make_id('1961-02-03')},1961-02-03,东湖街道,青松社区,居委会委员,高中\n".encode("gbk")
    path = tmp_path / "gbk.csv"
    path.write_bytes(header + good.encode("gbk") + "王海".encode() + tail)
    pasted = check([path]).candidates[1]
    [problem] = [f for f in pasted.findings if f.rule == "cell-utf8-in-gbk"]
    assert (pasted.source.line, problem.evidence["cell"]) == (4, "A3")


def _big_rows(count: int, part: int = 0) -> list[list[str]]:
    """Rows of make_roster's (of every other one, `part` 1 or 2), one in 321 with its posts on two lines of one
    cell, so that every batch of the workers has some; and the second person again at the end, on one line: a
    duplicate the parent finds, in a row a worker sent back compact."""
    rows, _ = make_roster.rows(count)
    rows = rows[part - 1 :: 2] if part else rows
    posts = make_roster.HEADER.index("拟任职务")
    for row in rows[::321]:
        row[posts] = "党支部委员\n居委会委员"
    rows.append(list(rows[1]))
    return rows


def _excel_rows(path: Path) -> dict[int, int]:
    """The line of the file each record starts on -> the row Excel shows it on: its place among the records."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        rows, previous = {}, 0
        for number, _ in enumerate(reader, start=1):
            rows[previous + 1] = number
            previous = reader.line_num
    return rows


def _run(tmp_path: Path, name: str, *args: str) -> bytes:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["check", *args, "-o", str(out)])
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return out.read_bytes()


@pytest.mark.parametrize("shared", [True, False])
def test_cells_name_the_rows_excel_shows_with_jobs_as_with_one_process(tmp_path: Path, shared: bool) -> None:
    # 5,000 rows shared out by batches among the workers, each reading every row; or a folder's small files,
    # each sent whole to one. The report is the same, byte for byte, and every cell names Excel's row.
    folder = tmp_path / "rosters"
    folder.mkdir()
    for part in (0,) if shared else (1, 2):
        with (folder / f"{part}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([make_roster.HEADER, *_big_rows(5000 if shared else 1200, part)])
    given = folder / "0.csv" if shared else folder
    args = [str(given), "--format", "json"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "two", *args, "--jobs", "2")
    excel = {path.name: _excel_rows(path) for path in folder.iterdir()}
    moved = 0
    for candidate in json.loads(one)["candidates"]:
        line = candidate["source"]["line"]
        row = excel[Path(candidate["source"]["path"]).name][line]
        for finding in candidate["findings"]:
            if cell := finding["evidence"].get("cell"):
                assert cell.lstrip("ABCDEFGHIJKLMN") == str(row), (candidate["source"], finding["rule"], cell)
                moved += row != line
        if candidate["source"]["row"] == len(excel[Path(candidate["source"]["path"]).name]) - 1:
            # The last: the second person again, found by the parent.
            [duplicate] = [f for f in candidate["findings"] if f["rule"] == "duplicate-person"]
            assert duplicate["evidence"]["cell"] == f"C{row}" != f"C{line}"
    assert moved > 50


@pytest.mark.parametrize("shared", [True, False])
def test_a_header_written_again_in_another_order_names_cells_with_jobs_as_with_one_process(
    tmp_path: Path, shared: bool
) -> None:
    # The header written again with 身份证号 moved from C to A, and a person under it again: the duplicate is found
    # by the parent, which reads that row again with its own copy of the table. Not told of the header written
    # again, it named the ID number's cell by the first header's places, C, where one process said A.
    rows = _big_rows(5000 if shared else 1200)
    order = [2, 0, 1, *range(3, len(make_roster.HEADER))]
    at = len(rows) // 2
    again = [[row[i] for i in order] for row in [make_roster.HEADER, *rows[at:], rows[at + 1]]]
    folder = tmp_path / "rosters"
    folder.mkdir()
    with (folder / "1.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *rows[:at], *again])
    if not shared:  # a folder's small files, each sent whole to a worker
        other = [*rows[0][:2], make_id("1970-01-01"), *rows[0][3:]]
        with (folder / "2.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([make_roster.HEADER, other])
    given = folder / "1.csv" if shared else folder
    args = [str(given), "--format", "jsonl"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "two", *args, "--jobs", "2")
    excel = _excel_rows(folder / "1.csv")
    candidates = [json.loads(line) for line in one.decode().splitlines() if '"type":"candidate"' in line]
    last = [c for c in candidates if c["source"]["path"].endswith("1.csv")][-1]
    [duplicate] = [f for f in last["findings"] if f["rule"] == "duplicate-person"]
    assert duplicate["evidence"]["cell"] == f"A{excel[last['source']['line']]}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_duplicate_names_the_first_row_as_excel_shows_it_too(tmp_path: Path, jobs: int) -> None:
    # "与 名册.csv 第 7 行重复" sent the officer in Excel to row 7, where the first of the two was on row 4: below
    # cells with line breaks, the duplicate's own cell was Excel's row and the other's place the file's line
    # (helper-103). Both are said now; a file without such cells says its line alone, as before.
    people, _ = make_roster.rows(3000)
    ident = people[1][make_roster.HEADER.index("身份证号")]
    roles = make_roster.HEADER.index("拟任职务")
    people[0][roles] = people[0][roles].replace("、", "\n")  # two lines in one cell: 党支部书记 / 居委会主任
    people[2000][make_roster.HEADER.index("身份证号")] = ident
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *people])
    report = check([path], lang="en", jobs=jobs)
    [said] = [f for c in report.candidates for f in c.findings if f.rule == "duplicate-person"]
    assert (said.evidence["other_line"], said.evidence["other_excel_row"]) == (4, 3)
    assert f"on line 4 (row 3 in Excel) of {path.as_posix()}" in said.message
    assert said.evidence["cell"] == "C2002"  # row 2001 of data, under the header: Excel's row, not line 2003
    path.write_text(
        path.read_text(encoding="utf-8").replace("党支部书记\n", "党支部书记、"), encoding="utf-8"
    )
    [plain] = [
        f for c in check([path], lang="en").candidates for f in c.findings if f.rule == "duplicate-person"
    ]
    assert "other_excel_row" not in plain.evidence and f"on line 3 of {path.as_posix()}" in plain.message


def _repeated(duplicate: Finding) -> dict[str, Any]:
    """Where a duplicate-person's evidence says the row it repeats is."""
    return {k: v for k, v in duplicate.evidence.items() if k.startswith("other_")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_duplicate_gives_the_first_rows_source_as_fields(tmp_path: Path, jobs: int) -> None:
    # An analyst's script joins a duplicate to the row it repeats by that row's source: file, sheet and data row
    # as fields, where the evidence said "名册.csv" and a line, and "名册.xlsx#候选人" for a workbook. Below a blank
    # line and a cell over two lines, the data row, the line and Excel's row are three numbers.
    people, _ = make_roster.rows(3000)
    number = make_roster.HEADER.index("身份证号")
    roles = make_roster.HEADER.index("拟任职务")
    people[0][roles] = people[0][roles].replace("、", "\n")
    people[2000][number] = people[1000][number]
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *people[:500], [], *people[500:]])
    report = check([path], lang="en", jobs=jobs)
    first = report.candidates[1000].source
    [said] = [f for f in report.candidates[2000].findings if f.rule == "duplicate-person"]
    assert (first.row, first.line, first.excel_row) == (1001, 1004, 1003)
    assert _repeated(said) == {
        "other_path": path.as_posix(),
        "other_row": 1001,
        "other_line": 1004,
        "other_excel_row": 1003,
    }
    assert f"on line 1004 (row 1003 in Excel) of {path.as_posix()}:" in said.message
    args = [str(path), "--format", "json"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "two", *args, "--jobs", "2")


def test_a_duplicate_in_a_workbook_names_its_sheet_and_row(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for sheet, roles in (("东湖", "党支部书记"), ("西湖", "居委会委员")):
        rows = book.create_sheet(sheet)
        rows.append(["名册"])  # a title above the header: the sheet's row is not the data row
        rows.append(["姓名", "身份证号", "社区", "拟任职务"])
        rows.append(["张三", "11010119490930001X", "青松社区", roles])
    del book["Sheet"]
    path = tmp_path / "名册.xlsx"
    book.save(path)
    [said] = [
        f for c in check([path], lang="en").candidates for f in c.findings if f.rule == "duplicate-person"
    ]
    assert _repeated(said) == {
        "other_path": path.as_posix(),
        "other_sheet": "东湖",
        "other_row": 1,
        "other_line": 3,
    }
    # An officer looks for a row of a sheet, not a line; the sheet still named after the file, as before.
    assert f"already appears in row 3 of {path.as_posix()}#东湖:" in said.message
    [zh] = [f for c in check([path]).candidates for f in c.findings if f.rule == "duplicate-person"]
    assert f"与 {path.as_posix()}#东湖 第 3 行重复" in zh.message


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_duplicate_in_a_json_roster_on_one_line_names_the_row_it_repeats(tmp_path: Path, jobs: int) -> None:
    # A JSON roster written on one line: every record has line 1, so the line cannot tell the first row; the
    # evidence named the duplicate's own row 3 as the one it repeats, and a script joined the row to itself.
    def person(name: str, number: str, role: str) -> dict[str, str]:
        return {"姓名": name, "身份证号": number, "社区": "甲社区", "拟任职务": role}

    records = [
        person("张二", "110101197001010112", "居委会委员"),
        person("李四", "110101197101010136", "居委会委员"),
        person("张二", "110101197001010112", "居委会主任"),
    ]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    [said] = [
        f for f in check([path], lang="en", jobs=jobs).candidates[2].findings if f.rule == "duplicate-person"
    ]
    assert _repeated(said) == {"other_path": path.as_posix(), "other_row": 1, "other_line": 1}


def _under_a_broken_header(tmp_path: Path) -> Path:
    """The example roster saved with its 出生年月 header over two lines (出生年月 Alt+Enter （年龄）, as templates
    write it), and 黄志明's community left blank under 林秀英's, as a merged 社区 saved as CSV leaves it: every
    record is a row higher in Excel than in the file."""
    rows = list(csv.reader((ROOT / "examples" / "roster.csv").open(encoding="utf-8-sig", newline="")))
    header = rows[0]
    header[header.index("出生年月")] = "出生年月\n（年龄）"
    rows[3][header.index("社区")] = ""
    path = tmp_path / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_the_tables_name_the_row_excel_shows_and_the_json_gives_both(tmp_path: Path) -> None:
    # 陈建国 is on line 3 of the file and row 2 of Excel: the table's 行号 said 3 beside his cell D2, and an
    # officer looking in Excel found 林秀英 on row 3.
    path = _under_a_broken_header(tmp_path)
    args = [str(path), "--communities", str(ROOT / "examples" / "communities.csv"), "--fail-on", "never"]
    report = json.loads(_run(tmp_path, "report.json", *args, "--format", "json"))
    first = report["candidates"][0]
    assert first["source"] == {"path": path.as_posix(), "row": 1, "line": 3, "excel_row": 2}
    assert [f["evidence"]["cell"] for f in first["findings"]] == ["D2"]
    assert (
        first["source"]
        == json.loads(_run(tmp_path, "two.json", *args, "--format", "json", "--jobs", "2"))["candidates"][0][
            "source"
        ]
    )
    table = CliRunner().invoke(app, ["check", *args]).stdout
    assert (
        "   2   陈建国 " in table
        and "   3   林秀英 " in table
        and "  12   孙立 " in table
        and "  13   孙立 " not in table
    )
    assert "| 2 | 陈建国 |" in _run(tmp_path, "report.md", *args, "--format", "markdown").decode()
    assert "<tr><td>2</td>" in _run(tmp_path, "report.html", *args, "--format", "html").decode()
    # An annotation is placed on the file's line, where a code host shows it (helper-112: it went to line 2).
    github = _run(tmp_path, "report.github", *args, "--format", "github").decode().splitlines()
    assert any(f"file={path.as_posix()},line=3," in line and "principal-age" in line for line in github)
    sarif = json.loads(_run(tmp_path, "report.sarif", *args, "--format", "sarif"))
    first = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "principal-age")  # 陈建国's
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    flat = list(
        csv.reader(_run(tmp_path, "report.csv", *args, "--format", "csv").decode("utf-8-sig").splitlines())
    )
    row = dict(zip(flat[0], flat[1], strict=True))
    assert (row["数据行"], row["行号"], row["单元格"]) == ("1", "2", "D2")
    # 黄志明's community left blank under 林秀英's is said on the row Excel shows (4), placed at the file's line.
    [filled] = [
        f["evidence"] for f in report["inputs"][0]["findings"] if f["rule"] == "community-filled-down"
    ]
    assert filled == {
        "lines": "5",
        "excel_rows": "4",
        "community": "东湖街道 青松社区",
        "line": 5,
        "excel_row": 4,
    }
    assert "第 4 行没有写社区" in table
    placed = [row for row in flat if row[flat[0].index("规则")] == "community-filled-down"]
    assert [row[flat[0].index("行号")] for row in placed] == ["4"]


def test_a_roster_without_a_cell_over_two_lines_gives_no_excel_row(tmp_path: Path) -> None:
    # The row Excel shows is said only where it is not the line: a report of a plain roster is as it was.
    args = [str(ROOT / "examples" / "roster.csv"), "--format", "json", "--fail-on", "never"]
    report = json.loads(_run(tmp_path, "report.json", *args))
    assert all("excel_row" not in c["source"] for c in report["candidates"])


def test_a_title_above_a_header_written_again_names_the_rows_excel_shows(tmp_path: Path) -> None:
    # A second community's table pasted below the first, its title above its header: both named by Excel's rows
    # (4 and 5), under 甲's cell over two lines, as the cells of the rows under them are.
    path = tmp_path / "roster.csv"
    path.write_text(f"{HEADER}\n{FIRST}\n东湖街道翠竹社区候选人名册\n{HEADER}\n{SECOND}\n", "utf-8")
    report = check([path], election_date="2006-09-30")
    [title] = [f for f in report.inputs[0].findings if f.rule == "row-table-title"]
    assert {k: v for k, v in title.evidence.items() if k not in ("text", "cell")} == {
        "line": 4,
        "excel_row": 3,
        "header_line": 5,
        "excel_header_row": 4,
    }
    assert title.message.startswith(
        "第 3 行（“东湖街道翠竹社区候选人名册”，单元格 A3）在第 4 行重写的表头之上"
    )
    assert _cells(_second(path))["two-violations"] == "I5"
