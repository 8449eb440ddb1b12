"""The same roster in every form officials send it gives the same verdicts; workbooks, encodings and stdin."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from eligibility import check, fails, read_roster
from eligibility.cli import app
from eligibility.errors import RosterError
from eligibility.report import Report
from eligibility.roster.records import CELL_MAX_CHARS

from conftest import EXAMPLES, make_id

CANONICAL = [
    "name",
    "id_number",
    "gender",
    "birth_date",
    "education",
    "street",
    "community",
    "roles",
    "family_planning_violation",
    "two_violations",
    "governance_record",
    "political_rights_deprived",
    "relatives",
    "remarks",
]
CHINESE = [
    "姓名",
    "公民身份号码",
    "性别",
    "出生年月",
    "学历",
    "街道",
    "所在社区",
    "拟任职务",
    "计生违法日期",
    "两违",
    "综治问题",
    "被剥夺政治权利",
    "亲属",
    "备注",
]


def example_rows() -> list[list[str]]:
    with (EXAMPLES / "roster.csv").open(encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    header, body = rows[0], rows[1:]
    # The example's headers are the Chinese ones; reorder each row into CANONICAL order.
    order = [
        header.index(h)
        for h in [
            "姓名",
            "身份证号",
            "性别",
            "出生年月",
            "文化程度",
            "街道",
            "社区",
            "拟任职务",
            "计生违法日期",
            "两违",
            "综治问题",
            "被剥夺政治权利",
            "亲属",
            "备注",
        ]
    ]
    return [[row[i] for i in order] for row in body]


def write_delimited(
    path: Path, header: list[str], rows: list[list[str]], encoding: str, delimiter: str
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_workbook(path: Path, header: list[str], rows: list[list[Any]], title: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "候选人"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def verdicts(path: Path, **options: Any) -> tuple[list[tuple[str, str, list[str]]], list[list[str]]]:
    report = check(
        [path], communities=EXAMPLES / "communities.csv", approvals=EXAMPLES / "approvals.csv", **options
    )
    people = [(c.name, c.status, sorted(f.rule for f in c.findings)) for c in report.candidates]
    teams = [sorted(f.rule for f in t.findings) for t in report.teams]
    return people, teams


def test_same_roster_in_every_format_gives_the_same_verdicts(tmp_path: Path) -> None:
    rows = example_rows()
    utf8 = write_delimited(tmp_path / "utf8.csv", CANONICAL, rows, "utf-8", ",")
    gb = write_delimited(tmp_path / "gb18030.csv", CHINESE, rows, "gb18030", ",")
    utf16 = write_delimited(tmp_path / "unicode.tsv", CHINESE, rows, "utf-16", "\t")
    book = write_workbook(
        tmp_path / "roster.xlsx", CHINESE, rows, title="东湖、西岭街道2006年社区两委候选人名册"
    )
    expected = verdicts(utf8)
    assert len(expected[0]) == 21
    for other in (gb, utf16, book):
        assert verdicts(other) == expected, other.name
    encodings = [check([p]).inputs[0].encoding for p in (utf8, gb, utf16, book)]
    assert encodings == ["utf-8", "gb18030", "utf-16", None]


@pytest.mark.parametrize(("encoding", "shown"), [("utf-16", "utf-16"), ("gb18030", "gb18030")])
def test_a_sheet_excel_saved_as_text_is_read_when_named(tmp_path: Path, encoding: str, shown: str) -> None:
    # Excel's "Unicode 文本 (*.txt)" (UTF-16) and "文本文件(制表符分隔)" (GBK on Chinese Windows) were refused.
    rows = example_rows()
    expected = verdicts(write_delimited(tmp_path / "utf8.csv", CANONICAL, rows, "utf-8", ","))
    text = write_delimited(tmp_path / "名册.txt", CHINESE, rows, encoding, "\t")
    assert verdicts(text) == expected
    read = check([text]).inputs[0]
    assert (read.format, read.encoding) == ("tsv", shown)
    # In a folder too: a .txt of candidates was passed over without a word, and the run passed (helper-55). A
    # note beside it (说明.txt) is noted, never failed.
    (tmp_path / "说明.txt").write_text("本文件夹是东湖街道的名册\n", encoding="utf-8")
    folder = check([tmp_path])
    read = {Path(i.path).name: (i.rows, [f.rule for f in i.findings]) for i in folder.inputs}
    assert read == {
        "utf8.csv": (len(rows), []),
        "名册.txt": (len(rows), []),
        "说明.txt": (0, ["file-skipped-text"]),
    }
    assert len(folder.candidates) == 2 * len(rows)


def test_a_folder_of_a_note_alone_checks_nobody_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("本文件夹是东湖街道的名册\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "文件夹中没有一名候选人可检查" in result.stderr
    # Named on its own (a pre-commit hook hands over what was staged): noted, and nothing to fail on.
    named = CliRunner().invoke(app, ["check", str(tmp_path / "说明.txt"), "--format", "json"])
    assert named.exit_code == 0
    assert [f["rule"] for i in json.loads(named.stdout)["inputs"] for f in i["findings"]] == [
        "file-skipped-text"
    ]


@pytest.mark.parametrize("title", ["青松社区名单", "青松社区名单\t\t\t"])
def test_excels_unicode_text_with_a_title_row_is_read_as_tab_separated(tmp_path: Path, title: str) -> None:
    # Judged by its first line, the title, a .txt of Excel's "Unicode 文本" was read as comma-separated and
    # warned of as wrongly separated, failing --fail-on warning (helper-69).
    path = tmp_path / "名册.txt"
    rows = [
        "姓名\t性别\t身份证号\t社区\t拟任职务\t备注",
        f"甲\t男\t{make_id('1966-05-01')}\t青松社区\t居委会委员\t连任,表现好",  # a remark's comma (helper-71)
    ]
    path.write_text("\r\n".join([title, *rows]) + "\r\n", encoding="utf-16")
    [read] = check([path]).inputs
    assert (read.format, read.header_line, read.rows) == ("tsv", 2, 1)
    assert read.findings == []  # no word of a delimiter (备注 is a column the tool knows to pass over)


def test_a_text_roster_in_a_folder_short_of_a_column_fails_the_run(tmp_path: Path) -> None:
    # Noted as a note, a roster saved as text without its 社区 column would go unchecked and the run pass.
    (tmp_path / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    (tmp_path / "名册.txt").write_text("姓名\t拟任职务\n甲\t居委会委员\n", encoding="utf-16")
    [text] = [i for i in check([tmp_path]).inputs if i.path.endswith(".txt")]
    assert [(f.rule, f.severity) for f in text.findings] == [("file-unread", "invalid")]


def test_workbook_cells_are_located_by_sheet_and_cell(tmp_path: Path) -> None:
    good = make_id("1966-05-01")
    book = write_workbook(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "社区", "拟任职务"],
        [["甲", good, "青松社区", "居委会委员"], ["乙", "110101194909300011", "青松社区", "居委会委员"]],
        title="名册",
    )
    report = check([book], lang="en")
    bad = report.candidates[1]
    assert (bad.source.row, bad.source.line, bad.source.sheet) == (2, 4, "候选人")
    assert bad.findings[0].evidence["cell"] == "候选人!B4"
    assert report.inputs[0].header_line == 2
    data = json.loads(report.model_dump_json())
    assert data["candidates"][1]["source"] == {
        "path": book.as_posix(),
        "row": 2,
        "line": 4,
        "sheet": "候选人",
    }


def test_csv_findings_carry_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("姓名,社区,拟任职务,学历\n甲,青松社区,居委会委员,高中毕叶\n", encoding="utf-8")
    finding = check([path]).candidates[0].findings[0]
    assert (finding.rule, finding.evidence["column"], finding.evidence["cell"]) == (
        "education-unknown",
        "学历",
        "D2",
    )


def test_workbook_numbers_and_dates(tmp_path: Path) -> None:
    legacy = "110101490930001"  # 15 digits fit a numeric cell exactly
    rows: list[list[Any]] = [
        [
            "甲",
            int(make_id("1966-05-01")[:-1] + "1"),
            None,
            "青松社区",
            "居委会委员",
        ],  # an 18-digit number: damaged
        ["乙", int(legacy), None, "青松社区", "居委会委员"],
        ["丙", None, dt.date(1948, 9, 30), "青松社区", "党支部书记"],  # a date-formatted cell
        [
            "丁",
            None,
            (dt.date(1948, 10, 1) - dt.date(1899, 12, 30)).days,
            "青松社区",
            "党支部书记",
        ],  # a serial
    ]
    book = write_workbook(tmp_path / "n.xlsx", ["姓名", "身份证号", "出生日期", "社区", "拟任职务"], rows)
    people = list(read_roster(book))
    assert [p.problems[0].rule if p.problems else None for p in people] == [
        "id-number-excel",
        "id-number-legacy",  # info: the report writes it with 18 digits
        "id-number-blank",  # a warning: the birth date stands unchecked
        "id-number-blank",
    ]
    assert people[1].id_number == "11010119490930001X"
    assert people[2].birth == (dt.date(1948, 9, 30), dt.date(1948, 9, 30))
    assert people[3].birth == (dt.date(1948, 10, 1), dt.date(1948, 10, 1))
    statuses = [c.status for c in check([book]).candidates]
    assert statuses[2:] == ["review", "eligible"]  # 58 on election day; 57 until the next day


def test_every_roster_sheet_is_read_and_others_are_noted(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "青松社区"
    first.append(["姓名", "社区", "拟任职务"])
    first.append(["甲", "青松社区", "居委会委员"])
    second = book.create_sheet("翠竹社区")
    second.append(["姓名", "社区", "拟任职务"])
    second.append(["乙", "翠竹社区", "居委会委员"])
    book.create_sheet("说明").append(["本表由街道填报"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    report = check([path], lang="en")
    assert [(c.name, c.source.sheet) for c in report.candidates] == [("甲", "青松社区"), ("乙", "翠竹社区")]
    # The sheet not read is an input of its own, so a report's sheet column names it, not the one read before it.
    assert [(i.sheet, i.rows) for i in report.inputs] == [("青松社区", 1), ("说明", 0), ("翠竹社区", 1)]
    assert [[f.rule for f in i.findings] for i in report.inputs] == [[], ["sheet-skipped"], []]
    only_second = check([path], sheet="翠竹社区")
    assert [c.name for c in only_second.candidates] == ["乙"]
    with pytest.raises(RosterError) as caught:
        check([path], sheet="梅园社区")
    assert "no sheet named '梅园社区'; sheets: 青松社区, 翠竹社区, 说明" in caught.value.message("en")


def test_a_chart_sheet_named_with_sheet_is_said_to_be_a_chart(tmp_path: Path) -> None:
    # "No sheet named 图表" sent the officer looking for a typo in a name tabbed beside the roster.
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    roster = book.active
    roster.title = "名册"
    roster.append(["姓名", "社区", "拟任职务"])
    roster.append(["甲", "青松社区", "居委会委员"])
    chart = BarChart()
    chart.add_data(Reference(roster, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("图表").add_chart(chart)
    path = tmp_path / "chart.xlsx"
    book.save(path)
    with pytest.raises(RosterError) as caught:
        check([path], sheet="图表")
    assert caught.value.message("en").endswith("sheet '图表' is a chart, with no cells to read; sheets: 名册")
    assert caught.value.message("zh").endswith("工作表“图表”是图表，没有单元格可读；工作表：名册")


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        (["姓名", "身份证号", "拟任职务"], "community"),
        (["姓名", "身份证号", "社区", "职务"], "roles"),
        # Neither 社区 (the tab names the community) nor 拟任职务: it lacked two of three and was passed over as
        # a sheet of notes, its 书记 with 两违 unchecked and the run passed (helper-65).
        (["姓名", "身份证号", "职务"], "roles"),
    ],
    ids=["no-community", "roles-misspelt", "both"],
)
def test_a_sheet_of_candidates_without_one_of_its_columns_fails_the_run(
    tmp_path: Path, header: list[str], missing: str
) -> None:
    # No 社区 on a sheet whose tab names no community, or 职务 for 拟任职务: the sheet's candidates were passed
    # over with an info note, and the run passed at --fail-on ineligible.
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "柳岸社区"
    first.append(["姓名", "社区", "拟任职务"])
    first.append(["甲", "柳岸社区", "居委会委员"])
    second = book.create_sheet("第二页" if header[-1] != "职务" or "社区" in header else "桃花社区")
    second.append(header)
    second.append([*["乙", make_id("1970-01-01"), "桃花社区"][: len(header) - 1], "居委会委员"])
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    report = check([path], lang="en")
    [not_read] = [i for i in report.inputs if i.sheet == second.title]
    [finding] = not_read.findings
    assert (finding.rule, finding.severity, not_read.rows) == ("sheet-roster-not-read", "invalid", 0)
    assert (
        "none of its candidates was checked" in finding.message and f"column {missing} (" in finding.message
    )
    result = CliRunner().invoke(app, ["check", str(path), "--fail-on", "ineligible"])
    assert result.exit_code == 1
    # Said as not read, where it read "已读取 … 0 行".
    shown = f"未读取 {path.as_posix()}#{second.title}"
    assert shown in result.stdout and f"{second.title}（xlsx）" not in result.stdout


def _one_sheet_a_community(path: Path, titles: dict[str, str]) -> Path:
    """The example roster kept one community to a sheet, each tab named as `titles` says, with no 社区 nor 街道
    column: how a street's office often sends it."""
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    header = [h for i, h in enumerate(CHINESE) if i not in (5, 6)]
    for community, title in titles.items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in example_rows():
            if row[6] == community:
                sheet.append([cell for i, cell in enumerate(row) if i not in (5, 6)])
    book.save(path)
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_sheet_named_for_its_community_is_read_as_that_communitys_roster(tmp_path: Path, jobs: int) -> None:
    # One community to a sheet, its name on the tab and no 社区 column: every sheet was refused
    # (sheet-roster-not-read), the whole workbook unchecked. Each is now that community's, and says so.
    titles = {"青松社区": "青松社区", "翠竹社区": "2 翠竹社区两委候选人名单", "梅园社区": "西岭街道梅园社区"}
    path = _one_sheet_a_community(tmp_path / "by-sheet.xlsx", titles)
    communities = EXAMPLES / "communities.csv"
    whole = check([EXAMPLES / "roster.csv"], communities=communities, lang="en")
    split = check([path], communities=communities, lang="en", jobs=jobs)

    def verdicts(report: Report) -> list[tuple[str, str, str, list[str]]]:
        # example_rows keeps no 政治面貌: party-full-member is not checked on the sheets.
        return sorted(
            (c.name, c.community, c.status, [f.rule for f in c.findings if f.rule != "party-full-member"])
            for c in report.candidates
        )

    assert verdicts(split) == verdicts(whole)
    teams = {(t.street, t.community): ([f.rule for f in t.findings], t.election_date) for t in split.teams}
    assert teams == {
        ("", "青松社区"): ([f.rule for f in whole.teams[0].findings], dt.date(2006, 9, 30)),
        ("", "翠竹社区"): ([f.rule for f in whole.teams[1].findings], dt.date(2006, 9, 30)),
        # The tab names its street too, and the communities table dates this one apart.
        ("西岭街道", "梅园社区"): ([f.rule for f in whole.teams[2].findings], dt.date(2006, 9, 26)),
    }
    notes = {i.sheet: [(f.rule, f.severity, f.message) for f in i.findings] for i in split.inputs}
    assert notes["2 翠竹社区两委候选人名单"] == [
        (
            "community-from-sheet",
            "info",
            "the sheet has no 社区 column; its candidates were taken to be of 翠竹社区, as the sheet is named "
            "'2 翠竹社区两委候选人名单' — if that is wrong, add a 社区 column",
        )
    ]
    assert "西岭街道梅园社区, as the sheet" in notes["西岭街道梅园社区"][0][2]
    result = CliRunner().invoke(app, ["check", str(path), "--communities", str(communities)])
    assert "按工作表名“青松社区”把其中的候选人都算作 青松社区 的" in " ".join(result.stdout.split())


def test_a_csv_or_a_workbook_of_one_sheet_named_for_its_community_is_read_as_its_roster(
    tmp_path: Path,
) -> None:
    header = [h for i, h in enumerate(CHINESE) if i not in (5, 6)]
    rows = [
        [c for i, c in enumerate(row) if i not in (5, 6)] for row in example_rows() if row[6] == "青松社区"
    ]
    written = write_delimited(tmp_path / "东湖街道青松社区两委候选人.csv", header, rows, "utf-8", ",")
    one_sheet = write_workbook(tmp_path / "青松社区（定稿）.xlsx", header, rows)
    for path, rule in ((written, "community-from-file"), (one_sheet, "community-from-file")):
        report = check([path], lang="en")
        assert {(c.street, c.community) for c in report.candidates} == {
            ("东湖街道" if path == written else "", "青松社区")
        }
        assert len(report.candidates) == len(rows)
        assert [f.rule for f in report.inputs[0].findings] == [rule]
    # A village's roster names the column as its rule set heads it, 村: "no 社区 column" told a township's officer
    # of a column their template does not have (helper-112).
    village = write_delimited(tmp_path / "青山镇白水村.csv", header, rows, "utf-8", ",")
    findings = check([village], ruleset="village-2021", election_date="2021-01-15").inputs[0].findings
    [said] = [f for f in findings if f.rule == "community-from-file"]
    assert said.evidence["column"] == "村"
    assert said.message.startswith(
        "表中没有“村”列，按文件名“青山镇白水村”把其中的候选人都算作 青山镇白水村 的"
    )
    assert said.message.endswith("如不对，请加上“村”列")


@pytest.mark.parametrize(
    "title",
    # A number inside (附件2青松社区候选人名单, 第3批社区): an attachment's or a batch's, not a place's name, and a
    # reading of 茶亭4社区 as a place took 附件2青松社区 for one (helper-82).
    [
        "Sheet1",
        "候选人名单",
        "各社区汇总",
        "社区",
        "东湖街道",
        "农村",
        "青松",
        "附件2青松社区候选人名单",
        "第3批社区",
    ],
)
def test_a_roster_without_its_community_column_named_for_no_community_is_still_refused(
    tmp_path: Path, title: str
) -> None:
    header = [h for i, h in enumerate(CHINESE) if i not in (5, 6)]
    rows = [[c for i, c in enumerate(row) if i not in (5, 6)] for row in example_rows()]
    path = write_delimited(tmp_path / f"{title}.csv", header, rows, "utf-8", ",")
    with pytest.raises(RosterError) as caught:
        check([path], lang="en")
    assert caught.value.key == "column-missing" and caught.value.params["canonical"] == "community"


def test_a_roster_named_for_its_community_lacking_another_column_says_the_first_it_lacks(
    tmp_path: Path,
) -> None:
    # 社区 is given by the name; 拟任职务 is not, and the error still names the column the table lacks first.
    path = write_delimited(
        tmp_path / "青松社区.csv", ["姓名", "身份证号"], [["甲", make_id("1970-01-01")]], "utf-8", ","
    )
    with pytest.raises(RosterError) as caught:
        check([path], lang="en")
    assert caught.value.key == "column-missing" and caught.value.params["missing"] == "community,roles"


def test_a_communities_table_named_for_a_community_still_needs_its_column(tmp_path: Path) -> None:
    # Only a roster takes its community from its name: a settings table lacking 社区 is refused, as ever.
    table = write_delimited(tmp_path / "青松社区.csv", ["选举日期"], [["2006-09-30"]], "utf-8", ",")
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "roster.csv"), "--communities", str(table)])
    assert result.exit_code == 2 and "社区" in result.stdout + result.stderr


# A county's folder of one roster to each township, with no 乡镇 column: two townships each have a 白水村.
VILLAGE_EXAMPLE = EXAMPLES / "village-2021" / "roster.csv"


def _village_rows(
    people: list[tuple[str, str, str, str, str]], area: str
) -> tuple[list[str], list[list[str]]]:
    """The village example's header without its 街道 column, and a row for each (name, sex, birth, village,
    posts), every answer of the joint review 否."""
    with VILLAGE_EXAMPLE.open(encoding="utf-8") as stream:
        example = next(csv.reader(stream))
    header = [h for h in example if h != "街道"]
    dated = {"序号", "生态环境破坏日期", "不称职或罢免日期", "亲属", "备注"}
    rows = []
    for name, sex, birth, village, posts in people:
        cells = {h: "" if h in dated else "否" for h in header}
        cells |= {"姓名": name, "性别": sex, "身份证号": make_id(birth, sex, area), "出生年月": birth}
        cells |= {"文化程度": "高中", "政治面貌": "中共党员", "村（社区）": village, "拟任职务": posts}
        rows.append([cells[h] for h in header])
    return header, rows


# 青山镇's 白水村 has a woman on its villagers' committee; 石桥镇's has none, which bars it.
QINGSHAN = [
    ("周德福", "男", "1970-03-12", "白水村", "村党组织书记"),
    ("吴春生", "男", "1972-04-01", "白水村", "村委会主任"),
    ("郑丽", "女", "1980-02-02", "白水村", "村委会委员"),
    ("陈志勇", "男", "1975-05-05", "白水村", "村委会委员"),
    ("褚海", "男", "1975-06-05", "白水村", "村委会委员"),
]
SHIQIAO = [
    ("沈光明", "男", "1969-01-01", "白水村", "村党组织书记、村委会主任"),
    ("杨帆", "男", "1981-01-01", "白水村", "村委会委员"),
    ("秦大海", "男", "1979-01-01", "白水村", "村委会委员"),
    ("韩梅", "女", "1982-01-01", "石桥村", "村党组织书记、村委会主任"),
    ("吕小红", "女", "1983-01-01", "石桥村", "村委会委员"),
]


def _townships() -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """Each township's name, and its roster's header and rows (no 乡镇 column)."""
    for name, people, area in zip(
        ("青山镇", "石桥镇"), (QINGSHAN, SHIQIAO), ("350521", "350522"), strict=True
    ):
        yield name, *_village_rows(people, area)


def _township_rosters(folder: Path, names: tuple[str, str] = ("青山镇", "石桥镇")) -> Path:
    folder.mkdir()
    for name, people, area in zip(names, (QINGSHAN, SHIQIAO), ("350521", "350522"), strict=True):
        write_delimited(folder / f"{name}.csv", *_village_rows(people, area), "utf-8", ",")
    return folder


def test_rosters_named_for_their_townships_keep_their_villages_of_one_name_apart(tmp_path: Path) -> None:
    # The reviewer's case: 石桥镇.csv alone barred its 白水村 (committee-woman); the folder joined it with 青山镇's
    # 白水村 into one team of two 书记 and 8 committee members, the bar gone, exit 0 and not a word.
    towns = _township_rosters(tmp_path / "towns")
    run = ["--rules", "village-2021", "--election-date", "2021-01-15", "--fail-on", "ineligible"]
    alone = CliRunner().invoke(app, ["check", str(towns / "石桥镇.csv"), *run])
    folder = CliRunner().invoke(app, ["check", str(towns), *run])
    assert (alone.exit_code, folder.exit_code) == (1, 1), folder.stdout
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
    assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
    assert "committee-woman" in teams[("石桥镇", "白水村")]
    assert "committee-woman" not in teams[("青山镇", "白水村")]
    assert {(c.name, c.street) for c in report.candidates} >= {("周德福", "青山镇"), ("沈光明", "石桥镇")}
    notes = {Path(i.path).name: [(f.rule, f.severity, f.message) for f in i.findings] for i in report.inputs}
    assert notes["石桥镇.csv"] == [
        (
            "street-from-file",
            "info",
            "the table has no 乡镇 column; its candidates were taken to be of 石桥镇, as the file is named "
            "'石桥镇' — if that is wrong, add a 乡镇 column",
        )
    ]
    said = " ".join(folder.stdout.split())
    assert "表中没有“乡镇”列，按文件名“青山镇”把其中的候选人都算作 青山镇 的；如不对，请加上“乡镇”列" in said
    # The same with --jobs 2, to the byte.
    as_json = ["check", str(towns), *run, "--format", "json"]
    one, two = (CliRunner().invoke(app, [*as_json, "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.stdout == two.stdout and '"street-from-file"' in one.stdout


def _township_folders(towns: Path, workbook: bool, street: Callable[[str, int], str] | None = None) -> Path:
    """A county's folder of one folder to each township, its roster named for nothing (青山镇/名单.csv, or .xlsx);
    with `street`, a 乡镇 column whose cell on each row it gives (by the township and the row's number)."""
    for name, header, rows in _townships():
        (towns / name).mkdir(parents=True, exist_ok=True)
        if street is not None:
            header, rows = (
                ["乡镇", *header],
                [[street(name, number), *row] for number, row in enumerate(rows)],
            )
        if workbook:
            write_workbook(towns / name / "名单.xlsx", header, rows)
        else:
            write_delimited(towns / name / "名单.csv", header, rows, "utf-8", ",")
    return towns


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_rosters_in_folders_named_for_their_townships_keep_their_villages_of_one_name_apart(
    tmp_path: Path, workbook: bool
) -> None:
    # A county's folder of one folder to each township (青山镇/名单.csv, 石桥镇/名单.csv), the rosters named for
    # nothing: the two 白水村 were one team, and 石桥镇's bar passed on 青山镇's people (helper-112).
    towns = _township_folders(tmp_path / "towns", workbook)
    run = ["--rules", "village-2021", "--election-date", "2021-01-15", "--fail-on", "ineligible"]
    assert CliRunner().invoke(app, ["check", str(towns), *run]).exit_code == 1
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
    assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
    assert "committee-woman" in teams[("石桥镇", "白水村")]
    assert "committee-woman" not in teams[("青山镇", "白水村")]
    said = [f for i in report.inputs for f in i.findings if f.rule == "street-from-folder"]
    assert len(said) == 2
    assert (
        "the table has no 乡镇 column; its candidates were taken to be of 石桥镇, as its folder is named '石桥镇' — "
        "if that is wrong, add a 乡镇 column"
    ) in {f.message for f in said}
    as_json = ["check", str(towns), *run, "--format", "json"]
    one, two = (CliRunner().invoke(app, [*as_json, "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.stdout == two.stdout and '"street-from-folder"' in one.stdout
    # With its 乡镇 column filled in, a roster in a township's folder takes nothing from it, and says nothing: a
    # street's folder of its communities' rosters is the common case.
    header, rows = _village_rows(QINGSHAN, "350521")
    write_delimited(
        towns / "青山镇" / "有乡镇列.csv", ["乡镇", *header], [["青山镇", *row] for row in rows], "utf-8", ","
    )
    columned = check([towns / "青山镇"], "village-2021", election_date="2021-01-15", lang="en")
    assert [i.findings for i in columned.inputs if i.path.endswith("有乡镇列.csv")] == [[]]
    # Named alone, a roster is no folder's: its folder's name is not read (a working folder named anything).
    alone = check([towns / "石桥镇" / f"名单.{'xlsx' if workbook else 'csv'}"], "village-2021", lang="en")
    assert {t.street for t in alone.teams} == {""}


@pytest.mark.parametrize(
    ("title", "street"),
    [
        ("青山镇", "青山镇"),
        ("02青山镇名册 (1)", "青山镇"),
        ("2021年石桥镇候选人名单（定稿）", "石桥镇"),
        ("青山镇补充名单", "青山镇"),  # the township's supplement: its villages are the township's still
        ("东湖街道办事处", "东湖街道办事处"),
        ("西岭街办", "西岭街办"),
        ("青山镇白水村", "青山镇"),
        ("青山镇各村两委候选人名单", "青山镇"),
        (
            "古镇村",
            None,
        ),  # a village  # a village named with its township: the township, as community-from-file
        ("白水村", None),
        ("街道", None),
        ("乡镇", None),
        ("各乡镇汇总", None),
        ("全镇", None),
        ("附件2青山镇", None),
        ("Sheet1", None),
        # The township run into its villages' committees (places.committee_words), not a village 青山镇村.
        ("青山镇村两委名单", "青山镇"),
        ("青山镇村两委换届候选人名单（定稿）", "青山镇"),
        ("东湖街道社区两委候选人", "东湖街道"),
        ("青山镇村（社区）两委名册", "青山镇"),
        ("石桥乡村居两委名单", "石桥乡"),
        # A year between the township and its committees (helper-120).
        ("青山镇2021年村两委候选人", "青山镇"),
        ("青山镇2021年度村两委换届候选人名单", "青山镇"),
        ("古镇2021年村两委名单", None),  # 古镇 alone is one character of its own: no township's
        ("古镇村两委名单", None),  # the village 古镇村's: a street's own name is two characters at least
        ("白水村两委名单", None),  # a village's
        ("镇江路社区两委名单", None),  # a community's
        ("各乡镇村两委名单", None),
        ("村两委名单", None),
    ],
)
def test_a_street_is_read_from_the_name_of_a_roster_named_for_it(title: str, street: str | None) -> None:
    from eligibility.roster.readers import street_in_title
    from eligibility.ruleset.model import COMMITTEE_WORDS, STREET_WORDS
    from eligibility.ruleset.vocab import StreetNames

    assert street_in_title(title, StreetNames(STREET_WORDS, committees=COMMITTEE_WORDS)) == street


def test_a_sheet_or_a_workbook_named_for_its_township_gives_its_rows_that_street(tmp_path: Path) -> None:
    header, qingshan = _village_rows(QINGSHAN, "350521")
    _, shiqiao = _village_rows(SHIQIAO, "350522")
    # One township to a sheet of a county's workbook.
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for title, rows in (("青山镇", qingshan), ("石桥镇", shiqiao)):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(county := tmp_path / "全县.xlsx")
    # A township's workbook, one village to a sheet with no 村 column: the tab names the village, the file its
    # township.
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet("白水村")
    village = header.index("村（社区）")
    sheet.append([h for i, h in enumerate(header) if i != village])
    for row in shiqiao[:3]:
        sheet.append([c for i, c in enumerate(row) if i != village])
    book.save(township := tmp_path / "石桥镇.xlsx")
    for jobs in (1, 2):
        report = check([county, township], "village-2021", election_date="2021-01-15", lang="en", jobs=jobs)
        teams = {(t.street, t.community): [f.rule for f in t.findings] for t in report.teams}
        assert "committee-woman" in teams[("石桥镇", "白水村")]
        assert "committee-woman" not in teams[("青山镇", "白水村")]
        assert len(report.teams) == 3  # 石桥镇's 白水村 from both workbooks is one team
        notes = {(Path(i.path).name, i.sheet): [f.rule for f in i.findings] for i in report.inputs}
        assert notes[("全县.xlsx", "青山镇")] == ["street-from-sheet"]
        assert notes[("石桥镇.xlsx", "白水村")] == ["community-from-sheet", "street-from-file"]


def test_a_team_with_no_street_whose_files_each_propose_its_head_is_said(tmp_path: Path) -> None:
    # The same folder with names that are no township's: the two 白水村 are one team, as written, but the officer
    # is told that each file proposes its own 书记 and 主任, as two villages of one name would.
    folder = _township_rosters(tmp_path / "rosters", ("一组", "二组"))
    report = check([folder], "village-2021", election_date="2021-01-15", lang="en")
    [team] = [t for t in report.teams if t.community == "白水村"]
    [said] = [f for f in team.findings if f.rule == "team-from-several-files"]
    first, second = (i.path for i in report.inputs)
    assert (Path(first).name, Path(second).name) == ("一组.csv", "二组.csv")
    assert said.severity == "warning" and said.message == (
        f"the rows of 白水村 come from 2 files, and more than one of them proposes its village party secretary "
        f"({first} 周德福; {second} 沈光明); villagers' committee director ({first} 吴春生; {second} 沈光明): they were "
        "judged as one team; if they are two places of one name in different 乡镇s, add a 乡镇 column to the "
        "rosters, and if one place, check why more than one is proposed"
    )
    zh = check([folder], "village-2021", election_date="2021-01-15", lang="zh", jobs=2)
    [said] = [f for t in zh.teams for f in t.findings if f.rule == "team-from-several-files"]
    assert said.message.startswith(
        f"白水村 的行来自 2 个文件，不止一个文件提名了村党组织书记（{first} 周德福；{second} 沈光明）"
    )
    assert "如是不同乡镇的同名村，请在名册上加上“乡镇”列" in said.message


def _blank_street_rosters(folder: Path, names: tuple[str, str]) -> Path:
    """The townships' rosters with the 乡镇 column the tool's own template writes, left blank on every row."""
    folder.mkdir()
    for name, people, area in zip(names, (QINGSHAN, SHIQIAO), ("350521", "350522"), strict=True):
        header, rows = _village_rows(people, area)
        write_delimited(folder / f"{name}.csv", ["乡镇", *header], [["", *row] for row in rows], "utf-8", ",")
    return folder


def test_rosters_named_for_their_townships_with_the_street_left_blank_keep_their_villages_apart(
    tmp_path: Path,
) -> None:
    # A 乡镇 column left blank on every row (the `eligibility template`'s) took no street from the file's name:
    # the two townships' 白水村 were one team, 石桥镇's bar lifted by 青山镇's woman, and team-from-several-files
    # said to add a 乡镇 column that was there (helper-113).
    towns = _blank_street_rosters(tmp_path / "towns", ("青山镇", "石桥镇"))
    for jobs in (1, 2):
        report = check([towns], "village-2021", election_date="2021-01-15", lang="en", jobs=jobs)
        teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
        assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
        assert "committee-woman" in teams[("石桥镇", "白水村")]
        assert "committee-woman" not in teams[("青山镇", "白水村")]
        notes = {Path(i.path).name: [(f.rule, f.message) for f in i.findings] for i in report.inputs}
        assert notes["石桥镇.csv"] == [
            (
                "street-from-file",
                # Said as done: only where a row left it blank, and which rows.
                "line(s) 2、3、4、5、6, whose 乡镇 is left blank, were taken to be of 石桥镇, as the file is named "
                "'石桥镇' — if that is wrong, fill in their 乡镇",
            )
        ]
    zh = check([towns], "village-2021", election_date="2021-01-15", lang="zh")
    said = {Path(i.path).name: [f.message for f in i.findings] for i in zh.inputs}
    assert said["青山镇.csv"] == [
        "表中第 2、3、4、5、6 行的“乡镇”列留空，按文件名“青山镇”算作 青山镇 的；如不对，请填上这些行的“乡镇”"
    ]
    # A row whose 乡镇 is written keeps it.
    (towns / "青山镇.csv").write_text(
        (towns / "青山镇.csv").read_text("utf-8").replace("\n,", "\n东湖街道,", 1), "utf-8"
    )
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    streets = {c.name: c.street for c in report.candidates}
    assert (streets["周德福"], streets["吴春生"]) == ("东湖街道", "青山镇")


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_rosters_named_for_their_townships_villages_committees_keep_their_villages_apart(
    tmp_path: Path, workbook: bool
) -> None:
    # 青山镇村两委名单.csv: the name runs the township into 村两委, and gave no street, the two townships' 白水村 one
    # team again (helper-115). The words are the rule set's (places.committee_words): a county's file of none reads
    # none.
    towns = tmp_path / "towns"
    towns.mkdir()
    for name, header, rows in _townships():
        if workbook:
            write_workbook(towns / f"{name}村两委名单.xlsx", header, rows)
        else:
            write_delimited(towns / f"{name}村两委名单.csv", header, rows, "utf-8", ",")
    county = tmp_path / "county.yaml"
    county.write_text(
        "extends: village-2021\nname: county\nversion: '1'\nvocabularies:\n  places:\n    committee_words: []\n",
        encoding="utf-8",
    )
    for rules_file, apart in (("village-2021", True), (county, False)):
        report = check([towns], rules_file, election_date="2021-01-15", lang="en")
        teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
        if apart:
            assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
            assert "committee-woman" in teams[("石桥镇", "白水村")]
            said = [f.message for i in report.inputs for f in i.findings if f.rule == "street-from-file"]
            assert said[0] == (
                "the table has no 乡镇 column; its candidates were taken to be of 石桥镇, as the file is named "
                "'石桥镇村两委名单' — if that is wrong, add a 乡镇 column"
            )
            assert len(said) == 2
        else:
            assert set(teams) == {("", "白水村"), ("", "石桥村")}
    run = ["--rules", "village-2021", "--election-date", "2021-01-15", "--format", "json", "--jobs"]
    one, two = (CliRunner().invoke(app, ["check", str(towns), *run, jobs]).stdout for jobs in ("1", "2"))
    assert one == two and one.count('"street-from-file"') == 2


def _without_village(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The header and rows without their 村 column."""
    village = header.index("村（社区）")
    return [h for i, h in enumerate(header) if i != village], [
        [c for i, c in enumerate(r) if i != village] for r in rows
    ]


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_a_roster_named_for_its_townships_villages_committees_with_no_village_column_is_refused(
    tmp_path: Path, workbook: bool
) -> None:
    # 青山镇村两委名单.csv with no 村 column took 青山镇村 for its one village, every candidate of the township's
    # villages one team of it: the name is the township's roster of its villages (helper-121). Refused as 青山镇.csv
    # without the column is; 古镇村 and 镇江路社区 stay the villages they name.
    header, rows = _without_village(*_village_rows(QINGSHAN, "350521"))
    said = {}
    for name in ("青山镇", "青山镇村两委名单", "古镇村两委名单", "镇江路社区两委名单"):
        folder = tmp_path / name
        folder.mkdir()
        if workbook:
            path = write_workbook(folder / f"{name}.xlsx", header, rows)
        else:
            path = write_delimited(folder / f"{name}.csv", header, rows, "utf-8", ",")
        try:
            alone = check([path], "village-2021", election_date="2021-01-15", lang="en")
            said[name] = sorted({(t.street, t.community) for t in alone.teams})
        except RosterError as err:
            said[name] = [err.key, str(err).replace(name, "…")]
        in_folder = check([folder], "village-2021", election_date="2021-01-15", lang="en")
        assert [f.rule for i in in_folder.inputs for f in i.findings][-1:] == (
            ["file-unread"] if name.startswith("青山镇") else ["community-from-file"]
        )
    assert said["青山镇村两委名单"] == said["青山镇"] and said["青山镇"][0] == "column-missing"
    # The column named as the rule set heads it: a village roster lacks its 村, not a 社区 (helper-121).
    assert "required column community (村) is missing" in said["青山镇"][1]
    assert said["古镇村两委名单"] == [("", "古镇村")]
    assert said["镇江路社区两委名单"] == [("", "镇江路社区")]


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_a_roster_named_for_its_village_in_its_townships_folder_takes_the_folders_street(
    tmp_path: Path, workbook: bool
) -> None:
    # 青山镇/白水村.csv with no 乡镇 nor 村 column took its village from its name and no street from its folder, as
    # 青山镇/白水村.xlsx did: the two townships' 白水村 one team, 石桥镇's bar passed on 青山镇's woman (helper-121).
    towns = tmp_path / "towns"
    for name, header, rows in _townships():
        (towns / name).mkdir(parents=True)
        header, rows = _without_village(header, rows[:3] if name == "石桥镇" else rows)
        if workbook:
            write_workbook(towns / name / "白水村.xlsx", header, rows)
        else:
            write_delimited(towns / name / "白水村.csv", header, rows, "utf-8", ",")
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
    assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村")}
    assert "committee-woman" in teams[("石桥镇", "白水村")]
    assert "committee-woman" not in teams[("青山镇", "白水村")]
    notes = {Path(i.path).parent.name: [(f.rule, f.message) for f in i.findings] for i in report.inputs}
    assert notes["石桥镇"] == [
        (
            "community-from-file",
            "the table has no 村 column; its candidates were taken to be of 白水村, as the file is named '白水村' — "
            "if that is wrong, add a 村 column",
        ),
        (
            "street-from-folder",
            "the table has no 乡镇 column; its candidates were taken to be of 石桥镇, as its folder is named "
            "'石桥镇' — if that is wrong, add a 乡镇 column",
        ),
    ]
    run = ["--rules", "village-2021", "--election-date", "2021-01-15", "--format", "json", "--jobs"]
    one, two = (CliRunner().invoke(app, ["check", str(towns), *run, jobs]).stdout for jobs in ("1", "2"))
    assert one == two and one.count('"street-from-folder"') == 2


def _street_notes(paths: list[Path], jobs: int = 1) -> tuple[dict[tuple[str, str | None], list[str]], str]:
    """Each input's notes of a street taken from a name, and the run's JSON report with --jobs `jobs`."""
    report = check(paths, "village-2021", election_date="2021-01-15", lang="en", jobs=jobs)
    notes = {
        (Path(i.path).name, i.sheet): [f.message for f in i.findings if f.rule.startswith("street-from-")]
        for i in report.inputs
    }
    run = [
        "--rules",
        "village-2021",
        "--election-date",
        "2021-01-15",
        "--format",
        "json",
        "--jobs",
        str(jobs),
    ]
    return notes, CliRunner().invoke(app, ["check", *map(str, paths), *run]).stdout


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_a_roster_named_for_its_township_says_so_only_where_a_row_takes_its_street(
    tmp_path: Path, workbook: bool
) -> None:
    # 青山镇.csv with its 乡镇 filled in on every row was told its blank rows were taken to be 青山镇's: there were
    # none, and the note said a thing not done (helper-115). So was a county workbook's sheet 青山镇.
    header, rows = _village_rows(QINGSHAN, "350521")
    filled = [["青山镇", *row] for row in rows]
    one_blank = [filled[0], ["", *rows[1]], *filled[2:]]
    for body, said in ((filled, []), (one_blank, ["street-from-file"])):
        if workbook:
            path = write_workbook(tmp_path / "青山镇.xlsx", ["乡镇", *header], body)
            book = openpyxl.Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.title = "青山镇"
            for row in (["乡镇", *header], *body):
                sheet.append(row)
            book.save(county := tmp_path / "全县.xlsx")
            paths = [path, county]
        else:
            paths = [write_delimited(tmp_path / "青山镇.csv", ["乡镇", *header], body, "utf-8", ",")]
        (notes, one), (_, two) = _street_notes(paths), _street_notes(paths, jobs=2)
        assert one == two
        expected = {
            ("青山镇.csv", None): [
                "line(s) 3, whose 乡镇 is left blank, were taken to be of 青山镇, as the file is named "
                "'青山镇' — if that is wrong, fill in their 乡镇"
            ],
            ("青山镇.xlsx", "候选人"): [
                "line(s) 3, whose 乡镇 is left blank, were taken to be of 青山镇, as the file is "
                "named '青山镇' — if that is wrong, fill in their 乡镇"
            ],
            ("全县.xlsx", "青山镇"): [
                "line(s) 3, whose 乡镇 is left blank, were taken to be of 青山镇, as the sheet is "
                "named '青山镇' — if that is wrong, fill in their 乡镇"
            ],
        }
        assert notes == {where: expected[where] if said else [] for where in notes}, notes
        assert ('"street-from-' in one) == bool(said)


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_a_street_named_by_the_file_is_said_of_the_candidates_rows_that_took_it_not_of_its_total(
    tmp_path: Path, workbook: bool
) -> None:
    # 东湖街道名册.csv with 街道 written on every candidate's row was told its blank rows were taken to be 东湖街道's:
    # the one row that left it blank was the 合计 under them, said as a footer besides (helper-125). A workbook too,
    # its title merged over the header, a blank row between its communities. Where a row does take it, the note
    # names it, by the row Excel shows ("these rows" pointed nowhere).
    header = ["序号", "街道", "社区", "姓名", "身份证号", "拟任职务", "备注"]
    chen = [
        "1",
        "东湖街道",
        "青松社区",
        "陈建华",
        make_id("1964-03-12", area="350502"),
        "党组织书记",
        "连任\n年龄偏大",
    ]
    li = ["2", "东湖街道", "翠竹社区", "李红", make_id("1968-09-09", "女", "350502"), "居委会主任", "新提名"]
    total = ["合计", "", "", "2人", "", "", ""]
    title = "东湖街道社区“两委”换届候选人资格审查名册" if workbook else None
    for blank_street, said in ((False, []), (True, ["street-from-file"])):
        li[1] = "" if blank_street else "东湖街道"
        rows = [chen, [], li, total] if workbook else [chen, li, total]
        path = tmp_path / ("东湖街道名册.xlsx" if workbook else "东湖街道名册.csv")
        if workbook:
            write_workbook(path, header, rows, title)
        else:
            write_delimited(path, header, rows, "utf-8", ",")
        for lang in ("zh", "en"):
            report = check([path], lang=lang)
            notes = [(f.rule, f.message) for i in report.inputs for f in i.findings]
            assert [rule for rule, _ in notes] == [*said, "row-footer"], notes
            if said:
                # Excel's row 5 under the title and blank row; the CSV's line 4 is Excel's row 3, the 备注 above it
                # over two lines.
                row = "5" if workbook else "3"
                assert (
                    notes[0][1]
                    == {
                        "zh": f"表中第 {row} 行的“街道”列留空，按文件名“东湖街道名册”算作 东湖街道 的；如不对，请填上这些行的“街道”",
                        "en": f"line(s) {row}, whose 街道 is left blank, were taken to be of 东湖街道, as the file is named "
                        "'东湖街道名册' — if that is wrong, fill in their 街道",
                    }[lang]
                )
        run = ["--format", "json", "--jobs"]
        one, two = (CliRunner().invoke(app, ["check", str(path), *run, jobs]).stdout for jobs in ("1", "2"))
        assert one == two and one.count('"street-from-file"') == len(said)


def _numbered_village_rows(count: int, street: str) -> tuple[list[str], list[list[str]]]:
    """A township's roster of `count` rows, 乡镇 filled in with `street`: five to a village, a woman on each."""
    people = [
        (f"村民{number}", "女" if number % 5 == 2 else "男", "1975-05-05", f"{number // 5}号村", "村委会委员")
        for number in range(count)
    ]
    header, rows = _village_rows(people, "350521")
    return ["乡镇", *header], [[street, *row] for row in rows]


def test_a_street_taken_in_one_workers_batch_is_said_as_with_one_process(tmp_path: Path) -> None:
    # With --jobs 2, the row that left its 乡镇 blank is in the second worker's batch of rows (2,001 to 4,000); the
    # first worker, which ends the file, passed over it unread: the note must stand as it does with one process.
    # (A workbook's rows are read by every worker, its note by whichever ends it.)
    header, rows = _numbered_village_rows(2500, "青山镇")
    run = ["--rules", "village-2021", "--election-date", "2021-01-15", "--format", "json", "--jobs"]
    for blank in (False, True):
        rows[100][0] = rows[2100][0] = "" if blank else "青山镇"
        path = write_delimited(tmp_path / "青山镇.csv", header, rows, "utf-8", ",")
        one, two = (CliRunner().invoke(app, ["check", str(path), *run, jobs]).stdout for jobs in ("1", "2"))
        assert one == two and one.count('"street-from-file"') == blank
        # The rows it names, in their order, each in another worker's batch (helper-125).
        assert ("表中第 102、2102 行的“乡镇”列留空" in one) == blank


@pytest.mark.parametrize("workbook", [False, True], ids=["csv", "xlsx"])
def test_a_roster_in_its_townships_folder_leaving_its_street_blank_takes_the_folders(
    tmp_path: Path, workbook: bool
) -> None:
    # 青山镇/名单.csv with a 乡镇 column some rows leave blank took nothing from its folder, where one without the
    # column took it all: those rows made a team of no 乡镇, joined with another township's 白水村 (helper-115).
    # The first row filled in, the others left blank.
    towns = _township_folders(tmp_path / "towns", workbook, lambda name, row: "" if row else name)
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
    assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
    assert "committee-woman" in teams[("石桥镇", "白水村")]
    said = {Path(i.path).parent.name: [f.message for f in i.findings] for i in report.inputs}
    assert said == {
        name: [
            f"line(s) 3、4、5、6, whose 乡镇 is left blank, were taken to be of {name}, as its folder is named "
            f"'{name}' — if that is wrong, fill in their 乡镇"
        ]
        for name in ("青山镇", "石桥镇")
    }
    zh = check([towns], "village-2021", election_date="2021-01-15", lang="zh")
    assert next(f.message for i in zh.inputs for f in i.findings) == (
        "表中第 3、4、5、6 行的“乡镇”列留空，按所在文件夹名“石桥镇”算作 石桥镇 的；如不对，请填上这些行的“乡镇”"
    )
    _, one = _street_notes([towns])
    assert one == _street_notes([towns], jobs=2)[1]
    # Filled in on every row (a street's folder of its communities' rosters): nothing taken, nothing said.
    _township_folders(towns, workbook, lambda name, row: name)
    notes, one = _street_notes([towns])
    assert all(said == [] for said in notes.values()) and one == _street_notes([towns], jobs=2)[1]


@pytest.mark.parametrize("form", ["yaml", "json"])
def test_a_yaml_or_json_roster_named_for_its_township_gives_its_records_that_street(
    tmp_path: Path, form: str
) -> None:
    # 青山镇.yaml and 石桥镇.yaml, records with no 乡镇: the two 白水村 were one team, as CSV files were before
    # street-from-file (helper-115). A record of a roster with the key that leaves it out takes it too.
    towns = tmp_path / "towns"
    towns.mkdir()
    for name, header, rows in _townships():
        records = [dict(zip(header, row, strict=True)) for row in rows]
        if name == "青山镇":
            records[0]["乡镇"] = "青山镇"  # the others leave it out
        text = (
            json.dumps(records, ensure_ascii=False)
            if form == "json"
            else yaml.safe_dump(records, allow_unicode=True)
        )
        (towns / f"{name}.{form}").write_text(text, "utf-8")
    report = check([towns], "village-2021", election_date="2021-01-15", lang="en")
    teams = {(t.street, t.community): sorted(f.rule for f in t.findings) for t in report.teams}
    assert set(teams) == {("青山镇", "白水村"), ("石桥镇", "白水村"), ("石桥镇", "石桥村")}
    assert "committee-woman" in teams[("石桥镇", "白水村")]
    notes, one = _street_notes([towns])
    assert notes == {
        (f"青山镇.{form}", None): [
            "the rows whose 乡镇 is left blank were taken to be of 青山镇, as the file is named '青山镇' — if that is "
            "wrong, fill in their 乡镇"
        ],
        (f"石桥镇.{form}", None): [
            "the table has no 乡镇 column; its candidates were taken to be of 石桥镇, as the file is named '石桥镇' "
            "— if that is wrong, add a 乡镇 column"
        ],
    }
    assert one == _street_notes([towns], jobs=2)[1]


def test_a_team_whose_files_leave_the_street_blank_is_told_to_fill_it_in(tmp_path: Path) -> None:
    # Files named for no township, each with the 乡镇 column left blank: the warning said to add the column.
    folder = _blank_street_rosters(tmp_path / "rosters", ("一组", "二组"))
    for lang, words in (
        (
            "en",
            "if they are two places of one name in different 乡镇s, fill in the 乡镇 column the rosters leave blank",
        ),
        ("zh", "如是不同乡镇的同名村，请在名册上填上留空的“乡镇”列"),
    ):
        for jobs in (1, 2):
            report = check([folder], "village-2021", election_date="2021-01-15", lang=lang, jobs=jobs)
            [said] = [f for t in report.teams for f in t.findings if f.rule == "team-from-several-files"]
            assert words in said.message, said.message


def test_a_roster_and_its_supplement_are_one_team_without_a_word(tmp_path: Path) -> None:
    # The ordinary case the warning must leave alone: the township's roster, then a supplement with one more
    # member for 白水村 and its 书记 again (the same person), neither with a 乡镇 column nor named for it.
    header, rows = _village_rows(QINGSHAN, "350521")
    write_delimited(tmp_path / "名单.csv", header, rows, "utf-8", ",")
    _, more = _village_rows([("卫东", "男", "1977-07-07", "白水村", "村委会委员")], "350521")
    write_delimited(tmp_path / "补充.csv", header, [rows[0], *more], "utf-8", ",")
    # A supplement named for its township beside the township's roster: both 青山镇's, one team.
    towns = tmp_path / "towns"
    towns.mkdir()
    write_delimited(towns / "青山镇.csv", header, rows, "utf-8", ",")
    write_delimited(towns / "青山镇补充名单.csv", header, more, "utf-8", ",")
    for report, street in (
        (
            check([tmp_path / "名单.csv", tmp_path / "补充.csv"], "village-2021", election_date="2021-01-15"),
            "",
        ),
        (check([towns], "village-2021", election_date="2021-01-15"), "青山镇"),
    ):
        [team] = report.teams
        assert (team.street, team.community, team.profile.members) == (street, "白水村", 6)
        assert "team-from-several-files" not in [f.rule for f in team.findings]


def test_a_rule_not_checked_is_said_of_the_sheet_that_lacks_its_column(tmp_path: Path) -> None:
    # Each sheet's columns overwrote the last's: the team of the first sheet lost the relatives rule, which its
    # own columns allowed, and the list of rules not checked named the workbook, twice, for one sheet's lack.
    book = openpyxl.Workbook()
    full = book.active
    assert full is not None
    full.title = "名册"
    full.append(["姓名", "社区", "拟任职务", "两违", "亲属"])
    full.append(["甲", "青松社区", "党支部书记、居委会主任", "否", "乙"])
    full.append(["乙", "青松社区", "居委会委员", "否", ""])
    short = book.create_sheet("西社区")
    short.append(["姓名", "社区", "拟任职务"])
    short.append(["丙", "翠竹社区", "居委会委员"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    report = check([path], lang="en", election_date=dt.date(2006, 9, 30))
    first = next(t for t in report.teams if t.community == "青松社区")
    assert "team-relatives" in {f.rule for f in first.findings}
    lacking = {(n.rule, n.sheet) for n in report.not_checked}
    assert ("team-relatives", "西社区") in lacking and ("two-violations", "西社区") in lacking
    assert ("team-relatives", "名册") not in lacking and ("two-violations", "名册") not in lacking
    assert len(report.not_checked) == len(lacking)  # each once
    # Lines wrap at 120 columns where a space was, wherever pytest's folder puts them: read as words.
    said = " ".join(CliRunner().invoke(app, ["check", str(path), "--lang", "en"]).stdout.split())
    assert f"{path}#西社区 has no column 两违" in said and f"{path}#名册 has no column 两违" not in said
    assert f"{path} has no column" not in said


def test_encoding_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("姓名,社区,拟任职务\n张三,青松社区,居委会委员\n".encode("gb18030"))
    assert check([path], encoding="gb18030").inputs[0].encoding == "gb18030"
    with pytest.raises(RosterError) as caught:
        check([path], encoding="latin-9x")
    assert "unknown encoding 'latin-9x'" in caught.value.message("en")


def _mixed_roster(filler: int) -> bytes:
    """A UTF-8 roster with `filler` good rows, then one whose name and remark were pasted from a GBK file."""
    header = "姓名,性别,身份证号,出生日期,社区,拟任职务,文化程度,备注\n"
    good = f"王芳,女,{make_id('1960-01-02', '女')},1960-01-02,青松社区,居委会委员,高中,\n"
    pasted = (
        "李".encode("gbk") + f"雷,男,{make_id('1961-03-04')},1961-03-04,青松社区,居委会委员,高中,".encode()
    )
    after = f"赵敏,女,{make_id('1962-05-06', '女')},1962-05-06,青松社区,居委会主任,大专,\n"
    return (header + good * filler).encode() + pasted + "备注甲\n".encode("gbk") + after.encode()


@pytest.mark.parametrize("filler", [2, 40_000], ids=["in-the-first-megabyte", "after-the-first-megabyte"])
def test_a_cell_pasted_in_another_encoding_is_named_on_its_row(tmp_path: Path, filler: int) -> None:
    # One officer's GBK cell in another's UTF-8 file: that row says so, at its own line; every row is checked.
    path = tmp_path / "mixed.csv"
    path.write_bytes(_mixed_roster(filler))
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "utf-8"
    assert len(report.candidates) == filler + 2
    pasted, after = report.candidates[-2:]
    assert pasted.source.line == filler + 2
    assert [
        (f.rule, f.evidence["column"], f.evidence["value"], f.evidence["cell"]) for f in pasted.findings
    ] == [
        ("cell-undecodable", "姓名", "C0 EE E9 9B B7", f"A{filler + 2}"),
        ("cell-undecodable", "备注", "B1 B8 D7 A2 BC D7", f"H{filler + 2}"),
    ]
    assert pasted.name == "\ufffd\ufffd雷" and pasted.status == "invalid"
    assert (
        "holds bytes that cannot be decoded as utf-8, shown as � (the cell's bytes: C0 EE E9 9B B7)"
        in pasted.findings[0].message
    )
    assert after.name == "赵敏" and after.status != "invalid"
    assert not [f for c in report.candidates[:-2] for f in c.findings if f.rule == "cell-undecodable"]


def test_the_bytes_of_a_cell_leave_out_the_files_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _mixed_roster(2))
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "utf-8-sig"
    [name_cell, _] = [f for f in report.candidates[-2].findings if f.rule == "cell-undecodable"]
    assert name_cell.evidence["value"] == "C0 EE E9 9B B7"


def test_a_community_its_encoding_cannot_read_makes_no_team(tmp_path: Path) -> None:
    # 青松社区 pasted in GBK on one row: that row is invalid, and no second, garbled 青松社区 team is judged.
    path = tmp_path / "community.csv"
    data = _mixed_roster(3).replace("青松社区".encode(), "青松社区".encode("gbk"), 2)
    path.write_bytes(data.replace("青松社区".encode("gbk"), "青松社区".encode(), 1))
    report = check([path], lang="en")
    assert len(report.candidates) == 5
    garbled = report.candidates[1]
    assert garbled.status == "invalid"
    assert [f.evidence["column"] for f in garbled.findings if f.rule == "cell-undecodable"] == ["社区"]
    assert [team.community for team in report.teams] == ["青松社区"]
    # 王芳's three rows are one person; with 李雷 and 赵敏 the team has three members, the garbled row none.
    assert report.teams[0].profile is not None and report.teams[0].profile.members == 3


def test_a_column_pasted_whole_from_gbk_is_named_row_by_row_not_refused(tmp_path: Path) -> None:
    # Neither UTF-8 nor GB18030 reads this file whole; it is text all the same, mostly UTF-8.
    header = "姓名,性别,身份证号,出生日期,街道,社区,拟任职务,文化程度\n".encode()
    rows = [
        f"{name},女,{make_id(born, '女')},{born},东湖街道,青松社区,".encode()
        + "居委会委员".encode("gbk")
        + ",高中\n".encode()
        for name, born in [("王芳", "1960-01-02"), ("李娟", "1961-02-03"), ("赵敏", "1962-03-04")]
    ]
    path = tmp_path / "roles-in-gbk.csv"
    path.write_bytes(header + b"".join(rows))
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "utf-8"
    assert [c.name for c in report.candidates] == ["王芳", "李娟", "赵敏"]
    for line, candidate in enumerate(report.candidates, start=2):
        [problem] = [f for f in candidate.findings if f.rule == "cell-undecodable"]
        assert (problem.evidence["column"], problem.evidence["cell"]) == ("拟任职务", f"G{line}")


def test_a_gbk_file_with_a_cell_gb18030_cannot_read_names_that_row(tmp_path: Path) -> None:
    header = "姓名,性别,身份证号,出生日期,街道,社区,拟任职务,文化程度,备注\n"
    good = [
        f"{name},女,{make_id(born, '女')},{born},东湖街道,青松社区,居委会委员,高中,\n".encode("gbk")
        for name, born in [("王芳", "1960-01-02"), ("李娟", "1961-02-03")]
    ]
    # A remark ending in a lone lead byte, as a cell cut in the middle of a GBK character leaves it.
    broken = (
        f"赵敏,女,{make_id('1962-03-04', '女')},1962-03-04,东湖街道,青松社区,居委会主任,大专,".encode("gbk")
        + "备注".encode("gbk")
        + b"\x81\n"
    )
    path = tmp_path / "gbk.csv"
    path.write_bytes(header.encode("gbk") + b"".join(good) + broken)
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "gb18030"
    assert [c.name for c in report.candidates] == ["王芳", "李娟", "赵敏"]
    [problem] = [f for f in report.candidates[2].findings if f.rule == "cell-undecodable"]
    assert (problem.evidence["column"], problem.evidence["cell"]) == ("备注", "I4")


def test_a_utf8_name_in_a_gbk_file_is_read_as_meant_and_named(tmp_path: Path) -> None:
    # GB18030 reads the UTF-8 bytes of 王海 without complaint, as 鐜嬫捣: nothing would tell the officer.
    header = "姓名,性别,身份证号,出生日期,街道,社区,拟任职务,文化程度\n".encode("gbk")
    tail = f",男,{make_id('1961-02-03')},1961-02-03,东湖街道,青松社区,居委会委员,高中\n".encode("gbk")
    good = f"王芳,女,{make_id('1960-01-02', '女')},1960-01-02,东湖街道,青松社区,居委会主任,大专\n"
    path = tmp_path / "gbk.csv"
    path.write_bytes(header + good.encode("gbk") + "王海".encode() + tail)
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "gb18030"
    first, pasted = report.candidates
    assert (first.name, first.findings) == ("王芳", [])
    assert pasted.name == "王海"
    [problem] = [f for f in pasted.findings if f.rule == "cell-utf8-in-gbk"]
    assert (problem.severity, problem.evidence["column"], problem.evidence["cell"]) == (
        "warning",
        "姓名",
        "A3",
    )
    assert "read as '鐜嬫捣' in that" in problem.message


def test_a_utf8_cell_gb18030_cannot_wholly_read_is_read_as_meant_not_lost(tmp_path: Path) -> None:
    # 第1社区 in UTF-8 is E7 AC AC 31 …: GB18030 reads E7 AC as 绗, and AC 31 is no character, so the cell held
    # bytes it could not read and was shown as lost (cell-undecodable, invalid) instead of read as UTF-8.
    header = "姓名,性别,身份证号,街道,社区,拟任职务\n".encode("gbk")
    good = f"王芳,女,{make_id('1960-01-02', '女')},东湖街道,第1社区,居委会主任\n".encode("gbk")
    pasted = f"王海,男,{make_id('1961-02-03')},东湖街道,第1社区,居委会委员\n".encode()  # the whole line
    path = tmp_path / "gbk.csv"
    path.write_bytes(header + good + pasted)
    first, second = check([path], election_date="2006-09-30", lang="en").candidates
    assert (second.name, second.community, second.status) == ("王海", "第1社区", "eligible")
    warned = {f.evidence["column"]: f for f in second.findings if f.rule == "cell-utf8-in-gbk"}
    assert {"姓名", "性别", "社区"} <= warned.keys()  # each Chinese cell of the line, as written
    assert warned["社区"].evidence["as_read"].startswith("绗\ufffd1")
    assert first.findings == []


@pytest.mark.parametrize("where", ["record", "community"])
def test_a_utf8_value_in_a_gbk_line_of_a_yaml_roster_is_read_as_meant(tmp_path: Path, where: str) -> None:
    # The key in GBK, the value pasted in UTF-8: the line is neither, and GB18030 cannot read all its bytes.
    person = f"{{姓名: 王芳, 身份证号: '{make_id('1960-01-02', '女')}', 拟任职务: 居委会主任"
    if where == "record":
        text = f"election_date: 2006-09-30\ncandidates:\n  - {person}}}\n  - 姓名: 王海\n    社区: @\n"
        text += f"    身份证号: '{make_id('1961-02-03')}'\n    拟任职务: 居委会委员\n"
        text = text.replace("拟任职务: 居委会主任", "拟任职务: 居委会主任, 社区: 第1社区")
    else:
        text = f"communities:\n  - 社区: @\n    选举日期: 2006-09-30\n    candidates:\n      - {person}}}\n"
    path = tmp_path / "r.yaml"
    path.write_bytes(text.encode("gbk").replace(b"@", "第1社区".encode()))
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "gb18030"
    pasted = report.candidates[-1]
    assert pasted.community == "第1社区" and pasted.status == "eligible"
    assert "cell-utf8-in-gbk" in {f.rule for f in pasted.findings}


def test_no_gbk_chinese_text_passes_for_utf8() -> None:
    # Every GB2312 character, alone and beside the next: none reads back as Chinese in UTF-8 by chance.
    from eligibility.roster.readers import _utf8_cells

    pairs = [bytes([high, low]) for high in range(0xB0, 0xF8) for low in range(0xA1, 0xFF)]
    characters = [pair.decode("gb2312", errors="replace") for pair in pairs]
    characters = [ch for ch in characters if ch != "\ufffd"]
    assert len(characters) >= 6763  # GB 2312: 6,763 characters
    cells = characters + [a + b for a, b in itertools.pairwise(characters)]
    cells += [a + b + c for a, b, c in zip(characters, characters[7:], characters[31:], strict=False)]
    assert _utf8_cells(cells, [], 2, "gb18030") is None


def test_a_header_the_encoding_cannot_read_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(
        "说明：本表由街道填报\n".encode()
        + "姓名,社区,拟任职务\n".encode("gbk")
        + "张三,青松社区,居委会委员\n".encode()
    )
    with pytest.raises(RosterError) as caught:
        check([path], encoding="utf-8")
    assert caught.value.message("en").startswith(
        f"{path}:2: cannot be decoded as utf-8, the encoding given (bytes "
    )


def _yaml_record(name: bytes, born: str = "1960-01-02") -> bytes:
    return (
        "- 姓名: ".encode()
        + name
        + f"\n  身份证号: '{make_id(born, '女')}'\n  性别: 女\n  社区: 青松社区\n  拟任职务: 居委会委员\n".encode()
    )


def test_a_name_pasted_in_gbk_into_a_yaml_roster_is_that_records_problem(tmp_path: Path) -> None:
    # A YAML roster is one document, but one pasted name must not stop the 50,001 others from being checked.
    path = tmp_path / "r.yaml"
    good = _yaml_record("王芳".encode())
    path.write_bytes(good * 50_000 + _yaml_record("李雷".encode("gbk"), "1961-02-03") + good)
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert len(report["candidates"]) == 50_002
    pasted = report["candidates"][50_000]
    assert pasted["name"] == "\ufffd\ufffd\ufffd\ufffd" and pasted["status"] == "invalid"
    [finding] = [f for f in pasted["findings"] if f["rule"] == "cell-undecodable"]
    # Each record is five lines: the pasted name is on line 250,001, and the bytes are the cell's own.
    assert finding["evidence"] == {
        "column": "姓名",
        "value": "C0 EE C0 D7",
        "encoding": "utf-8",
        "line": 250001,
    }
    assert (
        "holds bytes that cannot be decoded as utf-8, shown as � (the cell's bytes: C0 EE C0 D7)"
        in (finding["message"])
    )
    others = report["candidates"][:50_000] + report["candidates"][50_001:]
    assert not [f for c in others for f in c["findings"] if f["rule"] == "cell-undecodable"]
    assert "Traceback" not in result.stderr


def test_the_same_pasted_name_twice_names_each_line(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    records = [
        {
            "姓名": name,
            "身份证号": make_id(born, "女"),
            "性别": "女",
            "社区": "青松社区",
            "拟任职务": "居委会委员",
        }
        for name, born in [("李雷", "1960-01-02"), ("王芳", "1961-02-03"), ("李雷", "1962-03-04")]
    ]
    text = json.dumps(records, ensure_ascii=False, indent=1).encode()
    path.write_bytes(text.replace("李雷".encode(), "李雷".encode("gbk")))
    report = check([path], lang="en")
    lines = [
        [f.evidence["line"] for f in c.findings if f.rule == "cell-undecodable"] for c in report.candidates
    ]
    assert lines == [[3], [], [17]]
    assert report.candidates[1].status != "invalid"


def test_a_communitys_own_setting_its_encoding_cannot_read_stops_the_file_at_its_line(tmp_path: Path) -> None:
    # A community's name or election day belongs to the file, not to one candidate: it stops there, as a key does.
    path = tmp_path / "r.yaml"
    text = (
        "election_date: 2026-12-20\n"
        "communities:\n"
        "  - 社区: 青松社区\n"
        "    candidates:\n"
        f"      - {{姓名: 王芳, 身份证号: '{make_id('1960-01-02', '女')}', 拟任职务: 居委会委员}}\n"
        "  - 社区: 翠竹社区\n"
        "    选举日期: '2026-12-青松'\n"
        "    candidates:\n"
        f"      - {{姓名: 赵敏, 身份证号: '{make_id('1961-02-03', '女')}', 拟任职务: 居委会委员}}\n"
    )
    path.write_bytes(text.encode().replace("青松".encode(), "青松".encode("gbk")))
    with pytest.raises(RosterError) as caught:
        check([path], lang="en")
    assert caught.value.message("en").startswith(f"{path}:3: this line holds bytes (C7 E0 CB C9) that cannot")


def test_each_pasted_value_is_named_at_its_own_line_however_it_is_written(tmp_path: Path) -> None:
    # The same pasted bytes in an escaped value, a plain one, a column the tool does not read, and a list cell.
    gbk = "王海".encode("gbk")
    path = tmp_path / "r.yaml"
    path.write_bytes(
        _yaml_record(b'"' + gbk + b'\\t"')
        + _yaml_record(gbk).replace("性别: 女".encode(), "联系电话: ".encode() + gbk)
        + _yaml_record(gbk)
        + _yaml_record("李娟".encode()).replace(
            "拟任职务: 居委会委员".encode(), "亲属: [李四, ".encode() + gbk + b"]"
        )
    )
    report = check([path], lang="en")
    found = [
        [(f.evidence["line"], f.evidence["column"]) for f in c.findings if f.rule == "cell-undecodable"]
        for c in report.candidates
    ]
    assert found == [[(1, "姓名")], [(6, "姓名")], [(11, "姓名")], [(20, "亲属")]]
    # The tab escaped in the first value is trimmed, as any cell's outer white space is.
    assert [c.name for c in report.candidates] == ["\ufffd" * 4, "\ufffd" * 4, "\ufffd" * 4, "李娟"]
    assert report.candidates[3].findings[0].evidence["value"] == "CD F5 BA A3"


def test_a_json_roster_with_escapes_beside_the_pasted_bytes_names_each_line(tmp_path: Path) -> None:
    gbk = "王海".encode("gbk")
    records = [
        # 张 written as an escape, \u5f20, as json.dumps does by default; the rest as UTF-8.
        '{"姓名": "\\u5f20@", '
        + json.dumps(
            {"身份证号": make_id(f"19{60 + i}-01-02", "女"), "社区": "青松社区", "拟任职务": "居委会委员"},
            ensure_ascii=False,
        )[1:]
        for i in range(3)
    ]
    path = tmp_path / "r.json"
    path.write_bytes(b"[\n" + b",\n".join(r.encode().replace(b"@", gbk) for r in records) + b"\n]\n")
    report = check([path], lang="en")
    assert [
        next(f.evidence["line"] for f in c.findings if f.rule == "cell-undecodable")
        for c in report.candidates
    ] == [2, 3, 4]
    assert report.candidates[0].name == "张\ufffd\ufffd\ufffd\ufffd"


def test_a_real_replacement_character_is_not_taken_for_unreadable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(_yaml_record("王\ufffd".encode()) + _yaml_record("王海".encode("gbk")))
    report = check([path], lang="en")
    assert [
        [f.evidence["line"] for f in c.findings if f.rule == "cell-undecodable"] for c in report.candidates
    ] == [[], [6]]


def test_an_encoding_given_that_cannot_read_a_yaml_roster_stops_it(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(_yaml_record("王芳".encode()))
    result = CliRunner().invoke(app, ["check", str(path), "--encoding", "ascii", "--lang", "en"])
    assert result.exit_code == 2
    assert (
        f"{path}:1: cannot be decoded as ascii, the encoding given (bytes E5 A7 93 E5 90 8D E7 8E 8B E8 8A B3)"
        in result.stderr
    )


def test_bytes_the_encoding_cannot_read_in_a_key_stop_the_file_at_their_line(tmp_path: Path) -> None:
    # A key is the file's shape, not a candidate's cell: which column it was cannot be known.
    path = tmp_path / "r.yaml"
    # The same bytes in a candidate's name before it do not move the blame: it is the key's line.
    path.write_bytes(
        _yaml_record("性别".encode("gbk"))
        + _yaml_record("王芳".encode()) * 2
        + _yaml_record("王芳".encode()).replace("性别".encode(), "性别".encode("gbk"))
    )
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:18: this line holds bytes (D0 F0) that cannot be decoded as utf-8" in result.stderr
    assert "correct the line or save the file again as UTF-8" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_standard_input() -> None:
    text = (EXAMPLES / "roster.csv").read_bytes()
    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=text)
    data = json.loads(result.stdout)
    assert len(data["candidates"]) == 21
    assert data["candidates"][0]["source"]["path"] == "<stdin>"


@pytest.mark.parametrize(
    "text",
    [
        "- 姓名: 王芳\n  身份证号: '{id}'\n  社区: 青松社区\n  拟任职务: 居委会委员\n",
        "# 青松社区\n---\n- {{姓名: 王芳, 身份证号: '{id}', 社区: 青松社区, 拟任职务: 居委会委员}}\n",
        "选举日期: 2026-12-20\n社区列表:\n  - 社区: 青松社区\n    候选人:\n"
        "      - {{姓名: 王芳, 身份证号: '{id}', 拟任职务: 居委会委员}}\n",
        '%YAML 1.1\n---\ntitle: 青松社区名册\n"communities":\n  - 社区: 青松社区\n    candidates:\n'
        "      - {{姓名: 王芳, 身份证号: '{id}', 拟任职务: 居委会委员}}\n",
        "utf-16:- 姓名: 王芳\n  身份证号: '{id}'\n  社区: 青松社区\n  拟任职务: 居委会委员\n",
    ],
    ids=["records", "flow-records-after-a-comment", "communities", "directive-and-other-keys", "utf-16"],
)
def test_a_yaml_roster_on_standard_input(text: str) -> None:
    roster = text.format(id=make_id("1960-01-02", "女"))
    data = roster.removeprefix("utf-16:").encode("utf-16" if roster.startswith("utf-16:") else "utf-8")
    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=data)
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert data["inputs"][0]["format"] == "yaml"
    assert [c["name"] for c in data["candidates"]] == ["王芳"]


@pytest.mark.parametrize(
    "title", ["附件1: 候选人名单", "选举日期: 2021-01-01,,,", "- 附件1 -", "---------- 候选人名册 ----------"]
)
def test_a_table_whose_title_row_looks_like_yaml_is_still_a_table_on_standard_input(title: str) -> None:
    text = title + "\n" + (EXAMPLES / "roster.csv").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=text.encode())
    data = json.loads(result.stdout)
    assert data["inputs"][0]["format"] == "csv" and len(data["candidates"]) == 21


def test_duplicate_id_numbers_in_one_run(tmp_path: Path) -> None:
    same = make_id("1966-05-01")
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,身份证号,社区,拟任职务\n甲,{same},青松社区,党支部书记\n甲,{same.lower()},青松社区,居委会主任\n"
        f"甲,{same},翠竹社区,居委会委员\n",
        encoding="utf-8",
    )
    report = check([path], lang="en")
    assert [c.status for c in report.candidates] == ["eligible", "invalid", "invalid"]
    finding = report.candidates[1].findings[0]
    assert finding.rule == "duplicate-person"
    # By the line the table and an editor show (the header is line 1), in either language.
    assert (
        f"already appears on line 2 of {path.as_posix()}: one person cannot be two candidates; one holding "
        "several posts goes on one row" in finding.message
    )
    assert finding.evidence["other_line"] == 2
    zh = check([path]).candidates[1].findings[0].message
    assert (
        f"与 {path.as_posix()} 第 2 行重复：同一人不能作为两名候选人；一人兼任几个职务（一肩挑）时，请写在一行"
        in zh
    )
    # One person on two rows of one community is one member holding both seats: secretary and director.
    first_team = report.teams[0]
    assert "one-shoulder" not in {f.rule for f in first_team.findings}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_person_on_two_rows_is_found_whatever_their_numbers_area_code(tmp_path: Path, jobs: int) -> None:
    # 350506 is in no GB/T 2260 list: a warning, as the domain says, but the number was then not looked up for
    # a second row, and the same person on two rows passed as two people, exit 0 (helper-69).
    same = make_id("1960-05-05", area="350506")
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,身份证号,社区,拟任职务\n郑大为,{same},青松社区,党支部书记\n孙小红,{make_id('1965-06-06', '女')},"
        f"青松社区,居委会委员\n郑大为,{same},青松社区,党支部书记\n",
        encoding="utf-8",
    )
    report = check([path], jobs=jobs)
    first, _, again = report.candidates
    assert "id-number-area" in {f.rule for f in first.findings} and first.status == "eligible"
    assert again.status == "invalid" and "duplicate-person" in {f.rule for f in again.findings}


@pytest.mark.parametrize("indent", [None, 1])
def test_a_json_rosters_records_are_placed_by_line(tmp_path: Path, indent: int | None) -> None:
    # The json module tells no lines, so JSON records had none: no SARIF region, no GitHub annotation's line,
    # and a duplicate named only by its place among the records.
    same = make_id("1966-05-01")
    path = tmp_path / "r.json"
    records = [
        {"姓名": "甲", "身份证号": same, "社区": c, "拟任职务": ["居委会委员"], "备注": {"a": [1, "}"]}}
        for c in ("青松社区", "翠竹社区")
    ]
    grouped = {"election_date": "2006-09-30", "communities": [{"社区": "梅园", "candidates": records}]}
    path.write_text(json.dumps(grouped, ensure_ascii=False, indent=indent), encoding="utf-8")
    first, second = check([path], lang="en").candidates
    expected = [1, 1] if indent is None else [7, 21]
    assert [first.source.line, second.source.line] == expected
    text = path.read_text("utf-8").splitlines()
    assert all(text[line - 1].strip().startswith("{") for line in expected)
    [finding] = [f for f in second.findings if f.rule == "duplicate-person"]
    assert f"already appears on line {expected[0]} of {path.as_posix()}:" in finding.message
    result = CliRunner().invoke(app, ["check", str(path), "--format", "github"])
    assert f"file={path.as_posix()},line={expected[1]}," in result.stdout


@pytest.mark.parametrize("rules", ["community-2006", "village-2021"])
def test_the_templates_example_roles_are_its_rule_sets_own(tmp_path: Path, rules: str) -> None:
    # The village template said "如：党支部书记、居委会主任", and 居委会主任 is no village role.
    from eligibility.ruleset.loader import load_ruleset
    from eligibility.template import template_columns

    [note] = [n for name, _, n in template_columns(load_ruleset(rules)) if name == "roles"]
    example = note.rsplit("如：", 1)[1]
    roster = tmp_path / "roster.csv"
    roster.write_text(f"姓名,社区,拟任职务\n甲,青山村,{example}\n", encoding="utf-8")
    [person] = check([roster], rules).candidates
    assert len(person.roles) == 2 and "role-unknown" not in {f.rule for f in person.findings}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_village_template_heads_its_places_as_the_township_does(tmp_path: Path, fmt: str) -> None:
    # The village template was headed 街道 and 社区 (helper-64): its rule set now says 乡镇 and 村, and the
    # roster filled in under them reads back.
    target = tmp_path / f"村名册.{fmt}"
    assert CliRunner().invoke(app, ["template", str(target), "--rules", "village-2021"]).exit_code == 0
    if fmt == "xlsx":
        book = openpyxl.load_workbook(target)
        header = [cell.value for cell in book["候选人"][1]]
        row = ["青山镇", "青山村", "李建华", "男", make_id("1970-03-12"), "", "", "", "村委会委员"]
        for column, value in enumerate(row, start=1):
            book["候选人"].cell(row=2, column=column, value=value or None)
        book.save(target)
    else:
        header = next(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        row = ["青山镇", "青山村", "李建华", "男", make_id("1970-03-12"), "", "", "", "村委会委员"]
        with target.open("a", encoding="utf-8") as out:
            out.write(",".join(row + [""] * (len(header) - len(row))) + "\n")
    assert header[:3] == ["乡镇", "村", "姓名"]
    [person] = check([target], "village-2021").candidates
    assert (person.street, person.community, person.roles) == ("青山镇", "青山村", ["村委会委员"])
    assert [f.rule for f in person.findings if f.severity == "invalid"] == []


@pytest.mark.parametrize(
    ("rules", "street", "day"),
    [
        ("community-2006", ("街道", "街道或乡镇，如 东湖街道"), "可空；空则用社区表或规则集的选举日"),
        ("village-2021", ("乡镇", "乡镇，如 青山镇"), "可空；空则用村表或规则集的选举日"),
    ],
)
def test_the_templates_instructions_name_its_places_and_say_what_remarks_do(
    tmp_path: Path, rules: str, street: tuple[str, str], day: str
) -> None:
    # The village template's 填表说明 said 街道或乡镇，如 东湖街道 and 社区表 under its 乡镇 and 村 (helper-126),
    # and 备注 had no word though every bar's remark rule reads it.
    target = tmp_path / "名册.xlsx"
    assert CliRunner().invoke(app, ["template", str(target), "--rules", rules]).exit_code == 0
    notes = dict(openpyxl.load_workbook(target)["填表说明"].iter_rows(min_row=2, values_only=True))
    assert (street[0], notes[street[0]]) == street
    assert notes["选举日期"] == day
    assert "提示核对" in notes["备注"]


def test_a_place_header_the_reader_does_not_know_is_refused(tmp_path: Path) -> None:
    # 村委会 would head a template whose filled-in roster names no community column.
    from eligibility.errors import RuleSetError
    from eligibility.ruleset.loader import load_ruleset

    text = (Path(__file__).parent.parent / "rules" / "village-2021.yaml").read_text(encoding="utf-8")
    path = tmp_path / "town.yaml"
    assert "    community: 村\n" in text
    path.write_text(text.replace("    community: 村\n", "    community: 村委会\n"), encoding="utf-8")
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "村委会 is not a header the roster reader knows for this column" in caught.value.message("en")
    assert "村委会 不是名册读取时认得的这一列的表头" in caught.value.message("zh")
    # At the header's own line, not the first line of the places mapping (street: 乡镇, the line above).
    assert caught.value.location.line == text[: text.index("    community: 村\n")].count("\n") + 1


def test_the_template_is_a_roster_the_checker_reads(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("roster.xlsx", "roster.csv"):
        target = tmp_path / name
        result = runner.invoke(app, ["template", str(target)])
        assert result.exit_code == 0, result.output
        assert runner.invoke(app, ["template", str(target)]).exit_code == 2  # kept unless --force
    book = openpyxl.load_workbook(tmp_path / "roster.xlsx")
    header = [cell.value for cell in book["候选人"][1]]
    assert header[:9] == [
        "街道",
        "社区",
        "姓名",
        "性别",
        "身份证号",
        "出生日期",
        "政治面貌",
        "文化程度",
        "拟任职务",
    ]
    assert book["候选人"]["E2"].number_format == "@"  # ID numbers typed as text survive
    text = (tmp_path / "roster.csv").read_text(encoding="utf-8-sig").strip()
    assert text.split(",") == header
    # Filled in, both are read with every column recognised.
    sheet = book["候选人"]
    sheet.append(
        [
            "东湖街道",
            "青松社区",
            "张三",
            "男",
            make_id("1966-05-01"),
            "1966-05-01",
            "群众",
            "高中",
            "居委会委员",
        ]
    )
    book.save(tmp_path / "filled.xlsx")
    report = check([tmp_path / "filled.xlsx"])
    assert report.summary.eligible == 1
    # The 填表说明 sheet, noted as what it is: its lines of notes were listed as the columns it had (helper-64).
    [said] = [f for i in report.inputs for f in i.findings]
    assert (said.rule, said.message) == (
        "sheet-skipped-instructions",
        "工作表“填表说明”是模板的填表说明，未读取",
    )
    assert report.not_checked == [n for n in report.not_checked if n.rule == "seat-quota"]


def test_a_folder_with_its_communities_and_approvals_tables(tmp_path: Path) -> None:
    # The top-level example folder alone: its subfolders hold rosters for other rule sets.
    for name in ("roster.csv", "communities.csv", "approvals.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    report = check([tmp_path])
    assert report.summary.candidates == 21
    skipped = {i.path.rsplit("/", 1)[1]: [f.rule for f in i.findings] for i in report.inputs if i.rows == 0}
    assert skipped == {
        "approvals.csv": ["file-skipped-approvals"],
        "communities.csv": ["file-skipped-communities"],
    }


def test_a_village_rosters_headers_are_read(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text(
        f"乡镇,所在村,姓名,身份证号,拟任职务\n青山镇,青山村,甲,{make_id('1970-01-01')},村委会委员\n", "utf-8"
    )
    settings = tmp_path / "c.csv"
    settings.write_text("乡镇,村名,村党组织核定职数,村委会核定职数\n青山镇,青山村,3,1\n", "utf-8")
    report = check([path], "village-2021", communities=settings)
    [person] = report.candidates
    assert (person.street, person.community) == ("青山镇", "青山村")
    assert not [f for i in report.inputs for f in i.findings]  # no header unknown
    assert "seat-quota" not in {n.rule for n in report.not_checked}


def test_what_else_lies_in_a_folder_of_rosters_is_said_and_the_rosters_checked(tmp_path: Path) -> None:
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    # Last week's reports saved among the rosters, in both languages, and the rule file given with --rules.
    runner, settings = CliRunner(), ["--communities", str(EXAMPLES / "communities.csv")]
    for output, lang in (("审查结果.xlsx", "zh"), ("report.csv", "zh"), ("report-en.csv", "en")):
        out = ["-o", str(folder / output), "--lang", lang, "--format", output.rsplit(".", 1)[1]]
        assert runner.invoke(app, ["check", str(folder), *settings, *out]).exit_code == 1
    rules = folder / "my-rules.yaml"
    rules.write_text('extends: community-2006\nname: mine\ntitle: {zh: 我的, en: Mine}\nversion: "1"\n')
    assert runner.invoke(app, ["template", str(folder / "模板.xlsx")]).exit_code == 0  # a blank template
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    report = check([folder, folder / "roster.csv"], rules, communities=EXAMPLES / "communities.csv")
    assert report.summary.candidates == 21  # the roster's, once
    said = [
        (i.path.rsplit("/", 1)[1], i.sheet, i.rows, [(f.rule, f.severity) for f in i.findings])
        for i in report.inputs
    ]
    assert said == [
        ("broken.xlsx", None, 0, [("file-unread", "invalid")]),
        ("my-rules.yaml", None, 0, [("file-skipped-rules", "info")]),
        ("report-en.csv", None, 0, [("file-skipped-report", "info")]),
        ("report.csv", None, 0, [("file-skipped-report", "info")]),
        ("roster.csv", None, 21, []),
        ("审查结果.xlsx", None, 0, [("file-skipped-report", "info")]),  # once, not once a sheet (helper-60)
        ("模板.xlsx", None, 0, [("file-no-candidates", "warning")]),
        ("roster.csv", None, 0, [("file-given-twice", "info")]),  # named again after its folder: read once
    ]
    # The file that could not be read fails the run, as invalid data does; named on its own, it stops it.
    assert runner.invoke(app, ["check", str(folder), *settings, "--rules", str(rules)]).exit_code == 1
    with pytest.raises(RosterError, match=r"not an Excel workbook"):
        check([folder / "broken.xlsx"])


def test_a_whole_column_pasted_in_gbk_names_every_record_at_its_line(tmp_path: Path) -> None:
    # Each record's name is GBK in a UTF-8 file: 20,000 problems, each at its own line, found in one pass.
    path = tmp_path / "r.yaml"
    names = ["王芳", "李娟", "赵敏", "刘洋"]
    path.write_bytes(b"".join(_yaml_record(names[i % 4].encode("gbk")) for i in range(20_000)))
    report = check([path], lang="en")
    lines = [
        next(f.evidence["line"] for f in c.findings if f.rule == "cell-undecodable")
        for c in report.candidates
    ]
    assert lines == [5 * i + 1 for i in range(20_000)]
    assert report.candidates[1].findings[0].evidence["value"] == " ".join(
        f"{b:02X}" for b in "李娟".encode("gbk")
    )


def test_yaml_cells_equal_in_python_but_not_as_written_are_read_apart(tmp_path: Path) -> None:
    # 1, 1.0 and true are one value to Python; as communities they are three, as written.
    path = tmp_path / "r.yaml"
    records = [
        f"- {{姓名: 王芳, 身份证号: '{make_id('1960-01-02', '女')}', 社区: 1, 拟任职务: 居委会委员}}\n",
        f"- {{姓名: 李娟, 身份证号: '{make_id('1961-01-02', '女')}', 社区: 1.0, 拟任职务: 居委会委员}}\n",
        f"- {{姓名: 赵敏, 身份证号: '{make_id('1962-01-02', '女')}', 社区: true, 拟任职务: 居委会委员}}\n",
    ]
    path.write_text("".join(records), encoding="utf-8")
    report = check([path], lang="en")
    assert [c.community for c in report.candidates] == [
        "1",
        "1.0",
        "TRUE",
    ]  # a yes, shown as a sheet shows it


def test_each_yaml_record_says_the_line_it_starts_on(tmp_path: Path) -> None:
    # The table's line column and the report's source.line point into the file, as for CSV.
    first, second = make_id("1960-01-02", "女"), make_id("1961-02-03", "女")
    listed = tmp_path / "list.yaml"
    listed.write_text(
        "# 青松社区\n"
        f"- 姓名: 王芳\n  身份证号: '{first}'\n  社区: 青松社区\n  拟任职务: 居委会委员\n"
        f"- {{姓名: 李娟, 身份证号: '{second}', 社区: 青松社区, 拟任职务: [居委会主任]}}\n"
        "- 不是一条记录\n"
        "-\n  姓名: 赵敏\n  社区: 青松社区\n  拟任职务: 居委会委员\n",
        encoding="utf-8",
    )
    assert [(c.source.row, c.source.line) for c in check([listed]).candidates] == [
        (1, 2),
        (2, 6),
        (3, 7),
        (4, 9),
    ]
    by_community = tmp_path / "communities.yaml"
    by_community.write_text(
        "选举日期: 2026-12-20\n社区列表:\n"
        "  - 社区: 青松社区\n    备注: {候选人: [不是, 记录], 其他: {a: b}}\n    候选人:\n"
        f"      - {{姓名: 王芳, 身份证号: '{first}', 拟任职务: 居委会委员}}\n\n"
        "      - 姓名: 李娟\n        拟任职务: 居委会主任\n"
        "  - 社区: 翠竹社区\n    候选人:\n      - {姓名: 赵敏, 拟任职务: 居委会委员}\n",
        encoding="utf-8",
    )
    assert [c.source.line for c in check([by_community]).candidates] == [6, 8, 12]


@pytest.mark.parametrize("form", ["yaml", "json"])
def test_a_utf8_record_pasted_into_a_gbk_roster_is_read_as_written(tmp_path: Path, form: str) -> None:
    # Read whole as GB18030, the pasted line's last byte and its } became one character and the file did not parse.
    def record(name: str, born: str) -> str:
        cells = {
            "姓名": name,
            "身份证号": make_id(born, "女"),
            "社区": "青松社区",
            "拟任职务": "居委会委员、妇代会主任",
        }
        if form == "json":
            return json.dumps(cells, ensure_ascii=False) + ",\n"
        return "- {" + ", ".join(f"{k}: '{v}'" for k, v in cells.items()) + "}\n"

    before = "".join(record(f"王芳{i}", f"196{i}-01-02") for i in range(4)).encode("gbk")
    pasted = record("阿依古丽·买买提", "1970-05-06").encode()
    after = record("赵敏", "1971-02-03").encode("gbk")
    data = before + pasted + after
    if form == "json":
        data = b"[\n" + data.rstrip(b",\n") + b"\n]\n"
    path = tmp_path / f"r.{form}"
    path.write_bytes(data)
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "gb18030"
    assert [c.name for c in report.candidates] == [
        "王芳0",
        "王芳1",
        "王芳2",
        "王芳3",
        "阿依古丽·买买提",
        "赵敏",
    ]
    [note] = report.inputs[0].findings
    assert note.rule == "file-utf8-lines-in-gbk" and note.severity == "warning"
    assert note.evidence["lines"] == ("6" if form == "json" else "5")


def test_a_gbk_roster_alone_is_not_taken_for_utf8_line_by_line(tmp_path: Path) -> None:
    names = [
        "王芳",
        "李娟",
        "赵敏",
        "刘洋",
        "陈静",
        "杨帆",
        "黄磊",
        "周婷",
        "吴昊",
        "徐丽",
        "孙浩",
        "马丽",
        "朱红",
        "胡军",
        "郭鹏",
        "何静",
        "高峰",
        "林涛",
        "罗敏",
        "郑爽",
    ]
    path = tmp_path / "r.yaml"
    text = "".join(
        f"- {{姓名: {name}, 身份证号: '{make_id(f'19{60 + i}-03-04', '女')}', 社区: 青松社区, 拟任职务: 居委会委员}}\n"
        for i, name in enumerate(names)
    )
    path.write_bytes(text.encode("gbk"))
    report = check([path], lang="en")
    assert [c.name for c in report.candidates] == names and report.inputs[0].findings == []


def test_no_line_of_gbk_chinese_passes_for_utf8() -> None:
    # Lines of one to eight GB 2312 characters, bare or after YAML's "- " and "key: ", fixed seed.
    import random

    from eligibility.roster.readers import _gbk_with_utf8_lines

    gb2312 = [bytes([lead, trail]) for lead in range(0xB0, 0xF8) for trail in range(0xA1, 0xFF)]
    chance = random.Random(6)
    for n in range(40_000):
        text = b"".join(chance.choice(gb2312) for _ in range(chance.randint(1, 8)))
        line = (b"", b"- ", b"    - ", "  姓名: ".encode("gbk"))[n % 4] + text + b"\n"
        assert _gbk_with_utf8_lines(line)[1] == [], line


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "r.yaml",
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 党组织书记}\n"
            "    candidates:\n      - {姓名: 乙, 拟任职务: 居委会主任}\n",
            ":5:5: key 'candidates' appears twice in one mapping (first at line 3)",
        ),
        (
            "r.yaml",
            "communities:\n  - {社区: 青松社区, candidates: [{姓名: 甲, 拟任职务: 居委会主任}]}\n"
            "communities:\n  - {社区: 翠竹社区, candidates: [{姓名: 乙, 拟任职务: 居委会主任}]}\n",
            ":3:1: key 'communities' appears twice in one mapping (first at line 1)",
        ),
        (
            "r.json",
            '{"communities": [{"社区": "青松社区", "candidates": [{"姓名": "甲", "拟任职务": "居委会主任"}]}],'
            ' "communities": []}',
            ":1:81: key 'communities' appears twice in one object",
        ),
        (
            "r.yaml",
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 党组织书记}\n"
            "    候选人:\n      - {姓名: 乙, 拟任职务: 居委会主任}\n",
            ": candidates, 候选人 are written side by side, and mean the same key",
        ),
    ],
    ids=["two-candidate-lists", "two-communities-lists", "json", "two-spellings"],
)
def test_a_key_written_twice_stops_the_file_rather_than_drop_candidates(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        check([path], lang="en")
    assert caught.value.message("en").startswith(f"{path}{message}")


@pytest.mark.parametrize(
    ("pasted", "name"),
    [
        (
            "- {{name: 王海, id_number: '{id}', community: 青松社区, roles: 居委会委员}}\n",
            "王海",
        ),  # short, parses
        ("- name: 王海\n  id_number: '{id}'\n  community: 青松社区\n  roles: 居委会委员\n", "王海"),
        ("- name: 欧阳海\n  id_number: '{id}'\n  community: 青松社区\n  roles: 居委会委员\n", "欧阳海"),
        (
            "- {{name: 欧阳海, id_number: '{id}', community: 青松社区—东区, roles: 居委会委员, 备注: “外聘”}}\n",
            "欧阳海",
        ),
    ],
    ids=["flow", "two-characters", "three-characters", "dash-and-curly-quotes"],
)
def test_every_value_pasted_in_utf8_into_a_gbk_yaml_roster_is_read_as_written(
    tmp_path: Path, pasted: str, name: str
) -> None:
    gbk = "".join(
        f"- {{name: {n}, id_number: '{make_id(f'19{60 + i}-01-02', '女')}', community: 青松社区, roles: 居委会委员}}\n"
        for i, n in enumerate(["王芳", "李娟", "赵敏", "刘洋", "陈静", "杨帆"])
    ).encode("gbk")
    path = tmp_path / "r.yaml"
    path.write_bytes(gbk + pasted.format(id=make_id("1970-05-06", "男")).encode())
    report = check([path], lang="en")
    assert report.inputs[0].encoding == "gb18030"
    assert report.candidates[-1].name == name
    assert {c.community for c in report.candidates} <= {"青松社区", "青松社区—东区"}
    warned = [f.rule for f in report.candidates[-1].findings] + [f.rule for f in report.inputs[0].findings]
    assert {"cell-utf8-in-gbk", "file-utf8-lines-in-gbk"} & set(warned)
    assert all(c.status != "invalid" for c in report.candidates)


def test_unreadable_bytes_in_what_the_check_does_not_read_stop_nothing_and_leak_no_marks(
    tmp_path: Path,
) -> None:
    # A community's remark, a record that is a bare string, and a cell that holds a mapping.
    gbk = "王海".encode("gbk")
    path = tmp_path / "r.yaml"
    path.write_bytes(
        "communities:\n  - 社区: 青松社区\n    remark: ".encode()
        + gbk
        + b"\n    candidates:\n"
        + f"      - {{姓名: 王芳, 身份证号: '{make_id('1960-01-02', '女')}', 拟任职务: 居委会委员}}\n".encode()
        + b"      - "
        + gbk
        + "\n      - {姓名: 赵敏, 拟任职务: 居委会委员, 亲属: {甲: ".encode()
        + gbk
        + b"}}\n"
    )
    report = check([path], lang="en")
    assert [c.status for c in report.candidates] == ["eligible", "invalid", "invalid"]
    shape, nested = report.candidates[1], report.candidates[2]
    assert shape.findings[0].rule == "record-shape"
    assert "\ufffd" in shape.findings[0].evidence["value"]
    [undecodable] = [f for f in nested.findings if f.rule == "cell-undecodable"]
    assert undecodable.evidence["line"] == 7 and undecodable.evidence["value"] == "CD F5 BA A3"
    text = report.model_dump_json()
    assert not any(ord(ch) >= 0xF0000 for ch in text)  # no private-use mark left in the report


def test_a_line_separator_inside_a_value_does_not_move_the_records_lines(tmp_path: Path) -> None:
    # YAML counts U+2028 as a line break; the file's lines (an editor's, and those of a bad cell) do not.
    path = tmp_path / "r.yaml"
    records = [
        f"- {{姓名: 王\u2028芳, 身份证号: '{make_id('1960-01-02', '女')}', 社区: 青松社区, 拟任职务: 居委会委员}}\n",
        f"- {{姓名: 李娟, 身份证号: '{make_id('1961-01-02', '女')}', 社区: 青松社区, 拟任职务: 居委会委员}}\n",
        '- 姓名: "赵\u2029敏"\n  社区: 青松社区\n  拟任职务: 居委会委员\n  亲属: ',
    ]
    path.write_bytes("".join(records).encode() + "王海".encode("gbk") + b"\n")
    report = check([path], lang="en")
    assert [c.source.line for c in report.candidates] == [1, 2, 3]
    [undecodable] = [f for f in report.candidates[2].findings if f.rule == "cell-undecodable"]
    assert undecodable.evidence["line"] == 6


def test_a_yaml_merge_key_is_refused_rather_than_let_one_list_replace_another(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "communities:\n  - <<: {candidates: [{姓名: 甲, 拟任职务: 居委会委员}]}\n    社区: 青松社区\n"
        "    candidates: [{姓名: 乙, 拟任职务: 居委会委员}]\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as caught:
        check([path], lang="en")
    assert caught.value.message("en").startswith(f"{path}:2:5: uses a YAML merge key (<<)")


def test_keys_yaml_keeps_apart_are_not_called_twice_written(tmp_path: Path) -> None:
    # A plain 1 is a number and a quoted "1" a text: two keys to YAML; the same key in two records is fine.
    path = tmp_path / "r.yaml"
    record = "- {{姓名: {name}, 社区: 青松社区, 拟任职务: 居委会委员, 1: x, '1': y}}\n"
    path.write_text(record.format(name="王芳") + record.format(name="李娟"), encoding="utf-8")
    assert [c.name for c in check([path]).candidates] == ["王芳", "李娟"]


def test_a_record_that_is_a_bare_string_is_not_cut_inside_an_id_number(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    number = make_id("1966-05-01")
    path.write_text(
        f"- {{姓名: 王芳, 社区: 青松社区, 拟任职务: 居委会委员}}\n"
        f"- 这一行本该是一条记录，却写成了一整句话，说明这位候选人的具体情况，他的公民身份号码是 {number}\n",
        encoding="utf-8",
    )
    [shape] = [f for f in check([path], lang="en").candidates[1].findings if f.rule == "record-shape"]
    assert number[:10] not in shape.message and shape.message.endswith("…")


def test_a_yaml_roster_with_a_mistake_on_standard_input_is_reported_as_yaml() -> None:
    text = "- 姓名: 王芳\n  社区: 青松社区\n  拟任职务: [居委会委员\n"
    result = CliRunner().invoke(app, ["check", "-", "--lang", "en"], input=text.encode())
    assert result.exit_code == 2
    assert "<stdin>:" in result.stderr and "cannot be parsed" in result.stderr


def test_a_community_and_a_list_item_pasted_in_utf8_into_a_gbk_roster(tmp_path: Path) -> None:
    # The community's name, pasted, must still match its own seat counts; a role inside a list is read back too.
    gbk = (
        "communities:\n  - 社区: @\n    党组织核定职数: 1\n    居委会核定职数: 1\n    candidates:\n"
        f"      - 姓名: 王芳\n        身份证号: '{make_id('1960-01-02', '女')}'\n"
        "        拟任职务:\n          - 党支部书记\n          - #\n"
    )
    data = gbk.encode("gbk").replace(b"@", "梅园".encode()).replace(b"#", "主任".encode())
    path = tmp_path / "r.yaml"
    path.write_bytes(data)
    report = check([path], lang="en")
    [only_one] = report.candidates
    assert only_one.community == "梅园" and only_one.roles == ["party secretary", "committee director"]
    assert "cell-utf8-in-gbk" in {f.rule for f in only_one.findings}
    assert "seat-quota" not in {n.rule for n in report.not_checked}


def test_a_cell_of_a_whole_document_is_its_rows_problem_not_the_files(tmp_path: Path) -> None:
    # Python's csv module refuses a cell over 131,072 characters, which stopped the whole file. Such a cell is
    # one row's damage: named there, cut to its start, and every other row checked.
    path = tmp_path / "huge.csv"
    rows = [
        "姓名,性别,身份证号,出生年月,文化程度,社区,拟任职务",
        "王芳,女,,1970-01-01,高中,青松社区,居委会委员",
        "李强,男,,1970-01-01," + "x" * 140_000 + ",青松社区,居委会委员",
        "赵六,女,,1970-01-01,高中,青松社区,居委会委员",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1, result.stderr
    first, damaged, last = json.loads(result.stdout)["candidates"]
    assert first["status"] == last["status"] == "eligible"
    [too_long] = [f for f in damaged["findings"] if f["rule"] == "cell-too-long"]
    assert too_long["evidence"] == {
        "column": "文化程度",
        "value": "x" * 40 + "...",
        "length": "140000",
        "limit": str(CELL_MAX_CHARS),
        "cell": "E3",
    }
    assert too_long["message"].startswith("文化程度 is 140000 characters long (at most 10000)")
    assert len(result.stdout) < 20_000  # the cell is not carried into the report


def test_a_cell_at_the_length_limit_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    dates = "、".join(["2001-01-01"] * 909) + "、"  # a separator more or less reads as the same dates
    rows = ["姓名,社区,拟任职务,计生违法日期", "王芳,青松社区,居委会委员," + dates]
    assert len(rows[1].split(",")[3]) == CELL_MAX_CHARS - 1
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    [person] = check([path]).candidates
    assert "cell-too-long" not in {f.rule for f in person.findings}
    path.write_text("\n".join(rows) + "、\n", encoding="utf-8")  # one character more is still read…
    [person] = check([path]).candidates
    assert "cell-too-long" not in {f.rule for f in person.findings}
    path.write_text("\n".join(rows) + "、、\n", encoding="utf-8")  # …and one past the limit is not
    [person] = check([path]).candidates
    assert "cell-too-long" in {f.rule for f in person.findings}


@pytest.mark.parametrize("cell", ["张\x01三", "张\x7f三", "张\x85三", "张三\x1b[31m"])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_control_character_in_a_cell_is_named_and_shown_as_a_replacement(
    tmp_path: Path, cell: str, kind: str
) -> None:
    records = [{"姓名": cell, "社区": "青松社区", "拟任职务": "居委会委员"}]
    # Enough rows that the one control character is not taken for a binary file's.
    records += [{"姓名": f"赵六{i}", "社区": "青松社区", "拟任职务": "居委会委员"} for i in range(8)]
    path = tmp_path / f"r.{kind}"
    if kind == "csv":
        path.write_text(
            "姓名,社区,拟任职务\n" + "\n".join(",".join(r.values()) for r in records) + "\n", encoding="utf-8"
        )
    else:
        path.write_text(json.dumps(records), encoding="utf-8")  # escaped as \u0001 and so on
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1, result.stderr
    damaged, *others = json.loads(result.stdout)["candidates"]
    [finding] = damaged["findings"]
    assert finding["rule"] == "cell-control-character" and finding["severity"] == "invalid"
    assert damaged["name"] == finding["evidence"]["value"] == _CONTROL_SHOWN.sub("\ufffd", cell)
    assert finding["evidence"]["code"] == f"U+{ord(_CONTROL_SHOWN.search(cell).group()):04X}"
    if kind == "csv":
        assert finding["evidence"]["cell"] == "A2"
    assert {other["status"] for other in others} == {"eligible"}


_CONTROL_SHOWN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("cell", ["张\t三", "张\n三", "张\u3000三", "阿卜杜·热合曼"])
def test_white_space_and_wide_characters_are_not_control_characters(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps([{"姓名": cell, "社区": "青松社区", "拟任职务": "居委会委员"}]), encoding="utf-8"
    )
    [person] = check([path]).candidates
    assert "cell-control-character" not in {f.rule for f in person.findings}


@pytest.mark.parametrize("choice", ["json", "jsonl", "table", "markdown"])
def test_half_a_utf16_pair_escaped_in_a_json_roster_is_shown_not_a_crash(tmp_path: Path, choice: str) -> None:
    # "\ud800" is half of a UTF-16 pair: json reads it as a lone surrogate, which no writer can write out.
    path = tmp_path / "r.json"
    number = make_id("1975-10-10", "女")
    path.write_text(
        '[{"姓名": "赵\\ud800六", "身份证号": "'
        + number
        + '", "社区": "青松社区", "拟任职务": "居委会委员"}]',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "--format", choice])
    assert result.exit_code == 1, result.stderr  # the cell is named: its row is invalid
    assert "赵\ufffd六" in result.stdout and "cell-control-character" in result.stdout


def test_half_a_utf16_pair_outside_a_candidates_cells_is_shown_as_a_replacement(tmp_path: Path) -> None:
    # In a key, a list cell or a community's own name the half pair is shown as U+FFFD; only a cell is named.
    path = tmp_path / "r.json"
    path.write_text(
        '{"communities": [{"社区": "青\\ud800松", "candidates": ['
        '{"姓名": "赵六", "拟任职务": "居委会委员", "亲属": ["\\udc00"], "备注\\ud801": "x"}]}]}',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    [person] = json.loads(result.stdout)["candidates"]
    assert person["community"] == "青\ufffd松"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (  # candidate: for candidates: in the second community
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "  - 社区: 翠竹社区\n    candidate:\n      - {姓名: 乙, 拟任职务: 居委会委员}\n",
            "candidate",
        ),
        (  # a candidates list beside the communities
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "candidates:\n  - {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n",
            "candidates",
        ),
        (  # candidates deeper, in a mapping under a key the check does not read
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "extra:\n  candidates:\n    - {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n",
            "extra.candidates",
        ),
        (  # in a list inside a list
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "extra:\n  - - {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n",
            "extra[0]",
        ),
        (  # six mappings deep
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "a: {b: {c: {d: {e: {f: [{姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}]}}}}}\n",
            "a.b.c.d.e.f",
        ),
        (  # a mapping of records by name
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "others:\n  乙: {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n",
            "others",
        ),
        (  # a mapping of records keyed by the name, without 姓名 in them
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "补充候选人:\n  乙: {社区: 青松社区, 拟任职务: 居委会委员}\n",
            "补充候选人",
        ),
        (  # one record under a key of its own, in a community
            "communities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n"
            "    secretary: {姓名: 乙, 拟任职务: 党组织书记}\n",
            "secretary",
        ),
    ],
)
def test_records_under_a_key_the_check_does_not_read_stop_the_file(
    tmp_path: Path, text: str, key: str
) -> None:
    # Read as it was, the roster lost 乙 without a word: one candidate checked, nothing said.
    path = tmp_path / "grouped.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"the 1 records under {key!r} would not be read" in result.stderr


def test_a_communitys_group_among_a_list_of_records_stops_the_file(tmp_path: Path) -> None:
    # 乙 and 丙 under a record's candidates: one nameless invalid record, and the two never mentioned.
    path = tmp_path / "listed.yaml"
    path.write_text(
        "- {姓名: 甲, 社区: 青松社区, 拟任职务: 居委会委员}\n"
        "- {社区: 翠竹社区, candidates: [{姓名: 乙, 拟任职务: 居委会委员}, {姓名: 丙, 拟任职务: 居委会委员}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as raised:
        check([path])
    assert raised.value.key == "file-group-in-list"
    assert "holds 2 records under 'candidates'" in raised.value.message("en")


def test_other_lists_in_a_community_are_not_records(tmp_path: Path) -> None:
    # Remarks, a revision log, last term's team (a name, but no roles proposed): the file's own business.
    path = tmp_path / "grouped.yaml"
    path.write_text(
        "修订记录: [{日期: 2006-09-01, 修改人: 张三}]\n"
        "communities:\n  - 社区: 青松社区\n    备注: [换届试点, 老旧小区]\n"
        "    上届班子: [{姓名: 王五, 职务: 书记}]\n"
        "    candidates:\n      - {姓名: 甲, 拟任职务: 居委会委员}\n",
        encoding="utf-8",
    )
    assert len(check([path]).candidates) == 1


def test_a_community_written_twice_in_a_grouped_roster_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "grouped.yaml"
    path.write_text(
        "communities:\n"
        "  - {社区: 青松社区, 党组织核定职数: 1, candidates: [{姓名: 甲, 拟任职务: 党组织书记}]}\n"
        "  - {社区: 青松社区, 党组织核定职数: 9, candidates: [{姓名: 乙, 拟任职务: 党组织委员}]}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "community '青松社区' is written twice in the communities listed" in result.stderr


def test_a_grouped_rosters_own_election_day_keeps_the_tables_seats(tmp_path: Path) -> None:
    # The roster gave only an election day for 翠竹社区, and its settings replaced the table's row whole: the
    # seats the communities table gives were lost, and seat-quota could not be checked.
    path = tmp_path / "grouped.yaml"
    path.write_text(
        "communities:\n  - {street: 东湖街道, community: 翠竹社区, 选举日期: 2006-09-30, "
        "candidates: [{姓名: 甲, 拟任职务: 党组织书记}]}\n",
        encoding="utf-8",
    )
    report = check([path], communities=EXAMPLES / "communities.csv")
    [team] = report.teams
    assert not [f for f in team.findings if f.rule == "seat-quota" and "unknown" in f.evidence]


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16", "cannot be read as 'utf-16': UTF-16 stream does not start with BOM"),
        ("idna", "cannot be read as 'idna': not made for files"),
        ("undefined", "cannot be read as 'undefined'"),
        ("hex", "unknown encoding 'hex'"),
    ],
)
def test_an_encoding_given_that_cannot_read_the_file_is_said(encoding: str, said: str) -> None:
    result = CliRunner().invoke(
        app, ["check", str(EXAMPLES / "roster.csv"), "--encoding", encoding, "--lang", "en"]
    )
    assert result.exit_code == 2
    assert said in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["json", "yaml"])
def test_a_number_longer_than_python_reads_is_a_cell_not_a_crash(tmp_path: Path, kind: str) -> None:
    huge = "1" * 5000
    path = tmp_path / f"r.{kind}"
    if kind == "json":
        path.write_text(
            f'[{{"姓名": "甲", "社区": "青松社区", "拟任职务": "居委会委员", "两违": {huge}}}]', "utf-8"
        )
    else:
        path.write_text(f"- {{姓名: 甲, 社区: 青松社区, 拟任职务: 居委会委员, 两违: {huge}}}\n", "utf-8")
    [person] = check([path]).candidates
    [finding] = [f for f in person.findings if f.rule == "yes-no-unknown"]
    assert finding.evidence["value"] == huge


@pytest.mark.parametrize(
    "option",
    [
        ["--set", "family_planning_window_years=3000"],
        ["--election-date", "0001-01-01"],
        ["--election-date", "9999-12-31"],
    ],
)
def test_thresholds_and_days_at_the_calendars_ends_run(option: list[str]) -> None:
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "roster.csv"), *option, "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["summary"]["candidates"] == 21


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("principal_max_age=" + "9" * 30, "an age (completed years) is a whole number from 0 to 150"),
        ("principal_max_age=-5", "an age (completed years) is a whole number from 0 to 150, not -5"),
        ("structure_share=1.5", "this is a share from 0 to 1 (0.5 is half), not 1.5"),
        ("min_women=-1", "this is 0 or more, not -1"),
    ],
)
def test_a_threshold_no_rule_could_mean_is_refused_at_its_parameter(setting: str, said: str) -> None:
    # principal_max_age=-5 and structure_share=1.5 were taken, and the rules then said nothing true.
    result = CliRunner().invoke(
        app, ["check", str(EXAMPLES / "roster.csv"), "--set", setting, "--lang", "en"]
    )
    assert result.exit_code == 2
    assert f"parameters.{setting.split('=')[0]}.value: {said}" in result.stderr


@pytest.mark.parametrize("stray", ["\x01", "\x00"])
def test_one_stray_control_character_in_a_short_roster_is_its_rows_problem(
    tmp_path: Path, stray: str
) -> None:
    # A short file with one control character was refused whole as binary (more than 1% of its characters).
    path = tmp_path / "short.csv"
    path.write_text(
        f"姓名,社区,拟任职务\n张三{stray},青松社区,居委会委员\n李四,青松社区,居委会主任\n", "utf-8"
    )
    first, second = check([path]).candidates
    assert [f.rule for f in first.findings] == ["cell-control-character"]
    assert first.name == "张三\ufffd" and not second.findings


@pytest.mark.parametrize("data", [bytes(range(256)) * 64, bytes(1000)], ids=["bytes", "nuls"])
def test_a_binary_file_named_csv_is_still_refused(tmp_path: Path, data: bytes) -> None:
    # A file of NULs alone was taken for UTF-16 (a NUL beside every character) and its "header" of NULs printed.
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2 and "is a binary file" in result.stderr


def test_a_control_character_in_a_list_cell_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    records = [
        {"姓名": "甲", "社区": "青松社区", "拟任职务": ["居委会委员\x1b[2J"], "亲属": ["乙", "x" * 20_000]}
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    [person] = check([path]).candidates
    rules = [f.rule for f in person.findings if f.rule.startswith("cell-")]
    assert rules == ["cell-control-character", "cell-too-long"]
    assert "\x1b" not in person.model_dump_json()


@pytest.mark.parametrize("table", ["approvals", "communities"])
def test_a_control_character_in_a_settings_table_stops_at_its_line(tmp_path: Path, table: str) -> None:
    path = tmp_path / f"{table}.csv"
    if table == "approvals":
        path.write_text(
            "id_number,rule,reference,approved_by,date\n"
            f"{make_id('1950-01-01', '男')},principal-age,X号\x01,区委组织部,2006-09-01\n",
            "utf-8",
        )
    else:
        path.write_text("社区,选举日期\n青松\x01社区,2006-09-30\n", "utf-8")
    result = CliRunner().invoke(
        app,
        ["check", str(EXAMPLES / "roster.csv"), f"--{table}", str(path), "--lang", "en", "--format", "json"],
    )
    assert result.exit_code == 1  # the row passed over, the rosters checked, and the run failed on it
    said = [f["message"] for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
    assert any(f"{path} line 2 was not read: column" in m and "holds U+0001" in m for m in said), said


def test_a_community_given_twice_in_the_communities_table_is_refused(tmp_path: Path) -> None:
    # The second row's election day won without a word: 陈建国 turned 57 between the two days.
    path = tmp_path / "communities.csv"
    path.write_text(
        "街道,社区,选举日期\n东湖街道,青松社区,2006-09-30\n东湖街道,青松社区,2006-09-20\n", "utf-8"
    )
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(EXAMPLES / "roster.csv"),
            "--communities",
            str(path),
            "--lang",
            "en",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    said = [
        f["message"] for i in report["inputs"] for f in i["findings"] if f["rule"] == "settings-row-unread"
    ]
    assert said == [
        f"{path} line 3 was not read: community '东湖街道 青松社区' is already on line 2: give each community one "
        "row; the election day and seats of line 2 were used. The row was passed over, and counts for nothing"
    ]
    # The first row's day stands: 陈建国 is 58 on 2006-09-30.
    assert {t["community"]: t["election_date"] for t in report["teams"]}["青松社区"] == "2006-09-30"


def test_a_zero_width_space_after_a_community_does_not_make_another_team(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,社区,拟任职务\n甲,青松社区,党组织书记\n\ufeff乙,青松社区\u200b,党组织委员\n", encoding="utf-8"
    )
    report = check([path])
    assert [t.community for t in report.teams] == ["青松社区"]
    assert report.candidates[1].name == "乙"


def test_a_workbooks_one_and_zero_in_a_yes_no_column_are_yes_and_no(tmp_path: Path) -> None:
    # Excel stores 1 and 0 as numbers, read as 1.0 and 0.0: every candidate was invalid (yes-no-unknown '0.0').
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "社区", "拟任职务", "两违", "综治问题"])
    sheet.append(["甲", make_id("1970-01-01", "男"), "青松社区", "居委会委员", 0, 1])
    sheet.append(["乙", make_id("1971-01-01", "女"), "青松社区", "居委会委员", 0.0, 0])
    book.save(path)
    first, second = check([path]).candidates
    assert [f.rule for f in first.findings if f.severity != "info"] == ["governance-record"]
    assert not [f for f in second.findings if f.severity == "invalid"]


def test_a_control_character_yaml_refuses_is_named_on_its_record_and_the_others_still_checked(
    tmp_path: Path,
) -> None:
    # PyYAML refuses the whole stream for one such character: one pasted name stopped every record's check.
    path = tmp_path / "r.yaml"
    path.write_text(
        '- {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n- {姓名: "甲\x01", 社区: 青松社区}\n'
        "- 姓名: 丙\x07\n  社区: 青松社区\n",
        "utf-8",
    )
    first, second, third = check([path], election_date="2006-09-30", lang="en").candidates
    assert not [f for f in first.findings if f.severity == "invalid"]
    for person, line, code in ((second, 2, "U+0001"), (third, 3, "U+0007")):
        [said] = [f for f in person.findings if f.rule == "cell-control-character"]
        assert person.status == "invalid" and person.source.line == line and code in said.message
    assert second.name == "甲\ufffd"


def test_a_control_character_in_a_json_string_is_named_on_its_record(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        '[{"姓名": "甲\x01", "社区": "青松社区", "拟任职务": "主任"},'
        ' {"姓名": "乙", "社区": "青松社区", "拟任职务": "居委会委员"}]',
        "utf-8",
    )
    first, second = check([path], election_date="2006-09-30").candidates
    assert [f.rule for f in first.findings if f.severity == "invalid"] == ["cell-control-character"]
    assert not [f for f in second.findings if f.severity == "invalid"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("- {姓\x01名: 甲, 社区: 青松社区}\n", "1:5"),  # a column's name
        ('- {"姓\x01名": 甲, 社区: 青松社区}\n', "1:6"),
        ("election_date: 2006-09-30\x03\ncandidates:\n  - {姓名: 甲, 社区: 青松社区}\n", "1:26"),
        ("communities:\n  - community: 青\x02松\n    candidates: [{姓名: 甲}]\n", "2:17"),
    ],
)
def test_a_control_character_in_a_key_or_a_setting_stops_the_yaml_file_at_its_place(
    tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:{where}: the file cannot be parsed: unacceptable character #x000" in result.stderr


def test_a_seat_count_that_is_none_is_said_in_the_officers_language(tmp_path: Path) -> None:
    path = tmp_path / "communities.csv"
    path.write_text("社区,党组织核定职数\n青松社区,-5\n", encoding="utf-8")
    args = ["check", str(EXAMPLES / "roster.csv"), "--communities", str(path), "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    said = [f["message"] for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
    assert any(
        m.startswith(f"{path} 第 2 行未读取：党组织核定职数 列：“-5”不是职数（应为 0 或正整数）")
        for m in said
    )


def test_a_control_character_yaml_refuses_is_placed_by_cr_line_ends_too(tmp_path: Path) -> None:
    path = tmp_path / "cr.yaml"
    path.write_bytes("\r".join(["- 姓名: 甲"] * 19 + ["- 姓\x01名: 乙"]).encode())
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:20:4: the file cannot be parsed" in result.stderr


def _saved_result(path: Path, cell: str, result: str) -> None:
    """Give a formula openpyxl wrote the result Excel would have saved with it (openpyxl saves none)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    formula = re.search(f'<c r="{cell}"><f>(.*?)</f><v */?>(</v>)?</c>', sheet)
    assert formula is not None
    saved = f'<c r="{cell}" t="str"><f>{formula[1]}</f><v>{result}</v></c>'
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(formula[0], saved).encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)


def test_an_excel_error_or_an_unsaved_formula_is_never_read_as_blank(tmp_path: Path) -> None:
    # calamine reads #N/A and a formula with no saved result as empty: 两违 #N/A passed as "no", #REF! in the
    # ID number as no ID number, and the barred candidate came out eligible.
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务", "两违", "联系电话"])
    people = [make_id(f"19{60 + i}-01-02", "女") for i in range(5)]
    sheet.append(["甲", people[0], "青松社区", "居委会委员", "#N/A", None])
    sheet.append(["乙", "#REF!", "青松社区", "居委会委员", "否", None])
    sheet.append(["丙", people[2], "青松社区", "居委会委员", '=IF(1=1,"是","否")', None])
    sheet.append(["丁", people[3], "青松社区", "居委会委员", '=IF(1=1,"是","否")', None])  # saved: 是
    sheet.append(["戊", people[4], "青松社区", "居委会委员", "否", "#DIV/0!"])  # a column not read
    sheet.append([None, None, None, None, None, "#N/A"])  # nothing read on this row: passed over as blank
    book.save(path)
    _saved_result(path, "E5", "是")
    first, second, third, fourth, fifth = check([path], election_date="2006-09-30", lang="en").candidates
    named = [
        [(f.rule, f.evidence["cell"], f.evidence["value"]) for f in p.findings if f.rule.startswith("cell-")]
        for p in (first, second, third)
    ]
    assert named == [
        [("cell-excel-error", "Sheet!E2", "#N/A")],
        [("cell-excel-error", "Sheet!B3", "#REF!")],
        [("cell-formula-unsaved", "Sheet!E4", '=IF(1=1,"是","否")')],
    ]
    assert all(p.status == "invalid" for p in (first, second, third))
    assert "error value #N/A" in first.findings[0].message
    assert [f.rule for f in fourth.findings if f.severity != "info"] == ["two-violations"]  # 是, as saved
    assert not [f for f in fifth.findings if f.severity != "info"]


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_an_excel_error_in_the_remarks_is_a_warning_on_its_row_checked_as_usual(
    tmp_path: Path, form: str
) -> None:
    # 备注 is free text no bar reads (type: text, read by the remark warnings alone): #DIV/0! there made the
    # candidate invalid, as in 两违; a CSV Excel saved wrote it as text, and said nothing. It is a warning naming
    # its cell and what it held, and the row is judged on its other columns; in 两违 it is still no answer.
    rows = [
        ["姓名", "身份证号", "社区", "拟任职务", "两违", "备注"],
        ["甲", make_id("1960-01-02", "女"), "青松社区", "居委会委员", "否", "#DIV/0!"],
        ["乙", make_id("1961-01-02", "女"), "青松社区", "居委会委员", "是", "#N/A"],
        ["丙", make_id("1962-01-02", "女"), "青松社区", "居委会委员", "#N/A", "两违户"],
    ]
    path = tmp_path / f"r.{form}"
    if form == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)  # openpyxl writes #DIV/0! and #N/A as error values (t="e")
        book.save(path)
    else:
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", "utf-8")
    first, second, third = check([path], election_date="2006-09-30", lang="en").candidates
    sheet_of = "Sheet!" if form == "xlsx" else ""
    said = [f for f in first.findings if f.rule.startswith("cell-")]
    assert [(f.rule, f.severity, f.evidence) for f in said] == [
        ("cell-excel-error-text", "warning", {"column": "备注", "value": "#DIV/0!", "cell": f"{sheet_of}F2"})
    ]
    assert said[0].message == (
        "备注 holds Excel's error value #DIV/0!, not text: what the cell was to say cannot be read, and the rest "
        "of the row is checked as usual; fix the cell's formula or enter the text again"
    )
    assert first.status == "eligible" and first.source.path == str(path) and first.source.row == 1
    assert {f.rule: f.severity for f in second.findings if f.severity != "info"} == {
        "two-violations": "ineligible",
        "cell-excel-error-text": "warning",
    }
    assert second.status == "ineligible"
    assert third.status == "invalid"  # 两违 #N/A: no answer, whatever the remark says
    assert "cell-excel-error-text" not in {f.rule for f in third.findings}


EXCEL_ERROR_IN_TEXT_BARS = """\
extends: community-2006
name: conclusion-bars
title: {zh: 政审结论, en: Vetting conclusion}
version: "1"
fields:
  conclusion:
    type: text
    zh: 政审结论
    en: vetting conclusion
rules:
  - id: vetting-failed
    title: {zh: 政审不合格, en: Vetting failed}
    severity: ineligible
    scope: candidate
    when: {fact: conclusion, mentions: [不合格]}
    message: {zh: 政审不合格, en: vetting failed}
    source: {document: 细则, clause: 一, quote: 政审不合格的不得提名}
"""


def test_an_excel_error_in_free_text_a_bar_reads_still_makes_the_row_invalid(tmp_path: Path) -> None:
    # Free text is the rule file's word, not a column's name: text a bar reads (政审结论, mentions for an
    # ineligible rule) with #N/A is a row that cannot be judged, beside 备注's warning.
    rules = tmp_path / "rules.yaml"
    rules.write_text(EXCEL_ERROR_IN_TEXT_BARS, encoding="utf-8")
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务", "两违", "政审结论", "备注"])
    sheet.append(["甲", make_id("1960-01-02", "女"), "青松社区", "居委会委员", "否", "#N/A", "#N/A"])
    book.save(path)
    [person] = check([path], rules, election_date="2006-09-30").candidates
    assert person.status == "invalid"
    assert {(f.rule, f.evidence["column"]) for f in person.findings if f.rule.startswith("cell-")} == {
        ("cell-excel-error", "政审结论"),
        ("cell-excel-error-text", "备注"),
    }


@pytest.mark.parametrize("form", ["xlsx", "json", "yaml", "csv"])
def test_a_birth_month_of_october_typed_as_a_number_is_never_read_as_january(
    tmp_path: Path, form: str
) -> None:
    # 1988.10 in a number cell is stored as 1988.1: read as January, a 17-year-old passed as 18.
    header = ["姓名", "出生年月", "身份证号", "社区", "拟任职务"]
    rows = [
        ["十月生", 1988.10, None, "青松社区", "居委会委员"],  # 17 or 18 on 2006-09-30: undecided
        ["有号", 1968.10, make_id("1968-10-15", "男"), "青松社区", "居委会委员"],  # the ID decides: October
        ["一月", 1988.1, make_id("1988-01-15", "男"), "青松社区", "居委会委员"],  # or January
        ["二月", 1988.2, None, "青松社区", "居委会委员"],  # .2 is February: 20 is no month
    ]
    path = tmp_path / f"r.{form}"
    if form == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in [header, *rows]:
            sheet.append(row)
        book.save(path)
    elif form == "csv":  # as Excel writes the number cell 1988.10 into a CSV file: 1988.1
        lines = [",".join("" if v is None else str(v) for v in row) for row in [header, *rows]]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        records = [{k: v for k, v in zip(header, row, strict=True) if v is not None} for row in rows]
        text = (
            json.dumps(records, ensure_ascii=False)
            .replace("1988.1,", "1988.10,")
            .replace("1968.1,", "1968.10,")
        )
        path.write_text(text, "utf-8")  # JSON is YAML too: the numbers written as an officer types them
    october, known, january, february = check(
        [path], election_date="2006-09-30", lang="en", show_pii=True
    ).candidates
    [undecided] = [f for f in october.findings if f.rule == "min-age"]
    assert (undecided.severity, undecided.evidence["birth_date"]) == ("review", "1988-01-01/1988-10-31")
    for person in (known, january):
        assert [f.rule for f in person.findings if f.severity != "info"] == [], person.name
    assert [f.rule for f in february.findings if f.severity != "info"] == ["id-number-blank"]
    assert [f.rule for f in october.findings if f.severity == "warning"] == ["id-number-blank"]


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_a_birth_month_of_january_or_october_is_no_month_between_to_the_id_number(
    tmp_path: Path, form: str
) -> None:
    # 1968.1 was kept as 1 January to 31 October: an ID number born 1968-03-05 fell inside and passed, though
    # the cell can only mean January or October.
    header = ["姓名", "出生年月", "身份证号", "社区", "拟任职务"]
    born = [
        ("1968-03-05", 1968.1),
        ("1968-07-05", 1968.1),
        ("1968-11-05", 1968.1),
        ("1968-01-15", 1968.1),
        ("1968-10-05", 1968.1),
        ("1968-03-05", 1968.2),
    ]
    rows = [[f"巳{i}", w, make_id(b, "男"), "青松社区", "居委会委员"] for i, (b, w) in enumerate(born)]
    path = write_workbook(tmp_path / "r.xlsx", header, rows) if form == "xlsx" else tmp_path / "r.csv"
    if form == "csv":  # as Excel writes the number cell 1968.10 into a CSV file: 1968.1
        path.write_text("\n".join(",".join(map(str, row)) for row in [header, *rows]) + "\n", "utf-8")
    said = {}
    for lang in ("zh", "en"):
        people = check([path], election_date="2006-09-30", lang=lang, show_pii=True).candidates
        said[lang] = [[f.message for f in p.findings if f.rule == "birth-date-mismatch"] for p in people]
    assert [bool(m) for m in said["zh"]] == [True, True, True, False, False, True]  # .2 is February alone
    assert said["zh"][0] == ["出生年月为 1968.1（1月或10月），与身份证号中的出生日期 1968-03-05 不一致"]
    assert said["en"][1] == ["出生年月 is 1968.1 (January or October) but the ID number says 1968-07-05"]
    masked = check([path], election_date="2006-09-30").candidates[0].findings
    assert [f.message for f in masked if f.rule == "birth-date-mismatch"] == [
        "出生年月为 1968.*，与身份证号中的出生日期 1968-**-** 不一致（日期只显示年份，以免还原身份证号；"
        "请看名册该格，或加 --show-pii）"
    ]


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_a_birth_month_written_as_a_number_is_shown_as_written_beside_the_id_numbers_day(
    tmp_path: Path, form: str
) -> None:
    # An xlsx number cell 1968.2 (February 1968) beside an ID number born in March was said as 1968.2（1968-02-01）,
    # the note for an Excel date serial (24890, the day it stands for), as if the officer had written that day;
    # 19680315 as 1.96803e+07（1968-03-15）. The CSV's text cell said 1968.2 alone.
    header = ["姓名", "出生年月", "身份证号", "社区", "拟任职务"]
    born = [("1968-03-05", 1968.2), ("1968-03-05", 24890), ("1968-03-05", 19680315)]
    rows = [[f"巳{i}", w, make_id(b, "男"), "青松社区", "居委会委员"] for i, (b, w) in enumerate(born)]
    path = write_workbook(tmp_path / "r.xlsx", header, rows) if form == "xlsx" else tmp_path / "r.csv"
    if form == "csv":
        path.write_text("\n".join(",".join(map(str, row)) for row in [header, *rows]) + "\n", "utf-8")
    said = {
        lang: [
            [f.message for f in p.findings if f.rule == "birth-date-mismatch"]
            for p in check([path], election_date="2006-09-30", lang=lang, show_pii=True).candidates
        ]
        for lang in ("zh", "en")
    }
    assert said["zh"] == [
        ["出生年月为 1968.2，与身份证号中的出生日期 1968-03-05 不一致"],
        ["出生年月为 24890(1968-02-22)，与身份证号中的出生日期 1968-03-05 不一致"],
        ["出生年月为 19680315，与身份证号中的出生日期 1968-03-05 不一致"],
    ]
    assert said["en"] == [
        ["出生年月 is 1968.2 but the ID number says 1968-03-05"],
        ["出生年月 is 24890(1968-02-22) but the ID number says 1968-03-05"],
        ["出生年月 is 19680315 but the ID number says 1968-03-05"],
    ]


@pytest.mark.parametrize("output_format", ["table", "github", "markdown", "html"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_escape_sequence_in_a_header_never_reaches_the_terminal(
    tmp_path: Path, output_format: str, lang: str
) -> None:
    # The Chinese message quoted the header as written: ESC [31m turned the terminal red, ESC ]0; retitled it.
    path = tmp_path / "r.csv"
    path.write_text("姓名,社区,拟任职务,备\x1b[31m注\x1b]0;pwned\x07\n甲,青松社区,居委会委员,x\n", "utf-8")
    args = ["check", str(path), "--election-date", "2006-09-30", "--format", output_format, "--lang", lang]
    result = CliRunner().invoke(app, args)
    said = result.stdout + result.stderr
    assert "pwned" in said and "column-unknown" in said
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", said.replace("\r\n", "\n"))


@pytest.mark.parametrize(
    ("name", "delimiter", "encoding", "shown"),
    [
        ("r.csv", "\t", "utf-16", "Tab"),  # Excel's "Unicode text", renamed .csv
        ("r.csv", ";", "utf-8", ";"),  # a European Excel's CSV
        ("r.tsv", ",", "utf-8", ","),
        ("r.csv", "|", "gbk", "|"),
    ],
)
def test_a_table_separated_otherwise_than_its_name_says_is_read_as_it_is(
    tmp_path: Path, name: str, delimiter: str, encoding: str, shown: str
) -> None:
    # The header was read as one cell, and the error said 姓名 was missing while listing it among the columns found.
    rows = [
        ["姓名", "身份证号", "社区", "拟任职务"],
        ["王芳", make_id("1960-01-02", "女"), "青松社区", "居委会主任"],
    ]
    path = tmp_path / name
    path.write_bytes("".join(delimiter.join(row) + "\r\n" for row in rows).encode(encoding))
    report = check([path], election_date="2006-09-30", lang="en")
    [person] = report.candidates
    assert (person.name, person.community, person.status) == ("王芳", "青松社区", "eligible")
    [said] = [f for f in report.inputs[0].findings if f.rule == "file-delimiter"]
    assert said.severity == "warning" and f"separated by '{shown}'" in said.message


def test_a_header_missing_a_column_in_a_table_separated_otherwise_names_the_columns_apart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    path.write_text("姓名x;社区;拟任职务\n甲;青松社区;居委会委员\n", "utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "(is '姓名x' it?); columns found: 姓名x, 社区, 拟任职务" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
@pytest.mark.parametrize("name", ["r.csv", "r.yaml", "-"])
def test_a_utf32_file_with_its_mark_is_read_as_utf32(tmp_path: Path, encoding: str, name: str) -> None:
    # UTF-32's little-endian mark (FF FE 00 00) begins as UTF-16's does: the file was read as UTF-16, NULs and all.
    text = (
        "姓名,社区,拟任职务\n王芳,青松社区,居委会主任\n"
        if name != "r.yaml"
        else "- {姓名: 王芳, 社区: 青松社区, 拟任职务: 居委会主任}\n"
    )
    mark = codecs.BOM_UTF32_BE if encoding == "utf-32-be" else b""
    data = mark + text.encode(encoding)
    args = ["check", "--election-date", "2006-09-30", "--format", "jsonl"]
    if name == "-":
        result = CliRunner().invoke(app, [*args, "-"], input=data)
    else:
        (tmp_path / name).write_bytes(data)
        result = CliRunner().invoke(app, [*args, str(tmp_path / name)])
    assert result.exit_code == 1, result.stderr  # the team has no woman: a review finding
    [person] = [
        json.loads(line) for line in result.stdout.splitlines() if line.startswith('{"type":"candidate"')
    ]
    assert (person["name"], person["community"], person["status"]) == ("王芳", "青松社区", "eligible")


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_templates_numbered_empty_rows_and_a_header_pasted_again_are_not_candidates(
    tmp_path: Path, form: str
) -> None:
    # A template numbered 1-10 with 3 rows filled made 7 invalid "candidates"; a second table pasted under the
    # first made its header a candidate named 姓名 with a dozen findings.
    header = ["序号", "姓名", "身份证号", "社区", "拟任职务", "备注"]
    rows = [
        header,
        [1, "王芳", make_id("1960-01-02", "女"), "青松社区", "居委会主任", ""],
        [2, "", "", "", "", ""],
        [3, "\u200b", "", "\u3000", "", ""],  # characters that show nothing
        header,
        [4, "李娟", make_id("1961-01-02", "女"), "翠竹社区", "居委会主任", ""],
        [5, "", "", "", "", "已调走"],  # a remark is something written: kept, and said to be incomplete
        [6, "", make_id("1962-01-02", "女"), "翠竹社区", "居委会委员", ""],  # no name, but a person
    ]
    path = tmp_path / f"r.{form}"
    if form == "csv":
        path.write_text("".join(",".join(map(str, row)) + "\n" for row in rows), "utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(path)
    people = check([path], election_date="2006-09-30").candidates
    assert [(p.name, p.source.line) for p in people] == [("王芳", 2), ("李娟", 6), ("", 7), ("", 8)]
    assert people[0].status == people[1].status == "eligible"
    assert people[2].status == people[3].status == "invalid"


def test_a_list_or_mapping_where_one_value_is_meant_is_named_not_read_as_its_python_spelling(
    tmp_path: Path,
) -> None:
    # {"first": "志明"} became the name "{'first': '志明'}", eligible; ["青松社区"] a community of its own.
    def person(**cells: Any) -> dict[str, Any]:
        return {"姓名": "王芳", "社区": "青松社区", "拟任职务": "居委会委员", **cells}

    records = [
        person(),
        person(姓名={"first": "志明"}),
        person(社区=["青松社区"]),
        person(两违=["是"]),
        person(拟任职务=["党支部书记", ["妇代会主任"]]),
        person(拟任职务=["党支部书记", "妇代会主任"], 亲属=["李娟", "赵敏"]),  # lists where lists are meant
    ]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    report = check([path], election_date="2006-09-30", lang="en")
    said = [
        [(f.rule, f.evidence["value"]) for f in p.findings if f.rule.startswith("cell-")]
        for p in report.candidates
    ]
    assert said == [
        [],
        [("cell-is-mapping", '{"first": "志明"}')],
        [("cell-is-list", '["青松社区"]')],
        [("cell-is-list", '["是"]')],
        [("cell-item-nested", '["妇代会主任"]')],
        [],
    ]
    assert [p.status for p in report.candidates[1:5]] == ["invalid"] * 4
    assert report.candidates[4].roles == ["party secretary"]
    assert report.candidates[5].roles == ["party secretary", "women's congress chair"]
    assert {t.community for t in report.teams} == {"青松社区"}  # no team named ['青松社区']


def test_what_the_reading_libraries_say_is_said_in_chinese_too(tmp_path: Path) -> None:
    # The Chinese messages held datetime's and PyYAML's English: 不可能：day is out of range for month.
    dates = tmp_path / "r.csv"
    dates.write_text(
        "姓名,出生年月,社区,拟任职务\n甲,1949-02-29,青松社区,居委会委员\n乙,1962-13-12,青松社区,居委会委员\n"
    )
    first, second = check([dates], election_date="2006-09-30", show_pii=True).candidates
    assert first.findings[0].message == "出生年月“1949-02-29”不可能：该月没有这一天"
    assert second.findings[0].message == "出生年月“1962-13-12”不可能：月份应在 1 到 12 之间"
    assert first.findings[0].evidence["reason"] == "day is out of range for month"  # the evidence stays as is
    two = tmp_path / "two.yaml"
    two.write_text("- {姓名: 甲, 社区: 青松社区, 拟任职务: 居委会委员}\n---\n- {姓名: 乙}\n", "utf-8")
    tabs = tmp_path / "tabs.yaml"
    tabs.write_text("- 姓名: 甲\n\t社区: 青松社区\n", "utf-8")
    for path, said in ((two, "文件中有不止一个 YAML 文档"), (tabs, "YAML 只能用空格")):
        result = CliRunner().invoke(app, ["check", str(path)])
        assert result.exit_code == 2 and said in result.stderr, result.stderr
    book = tmp_path / "r.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "社区", "拟任职务"])
    sheet.append(["甲", "青松社区", "居委会委员"])
    workbook.create_sheet("说明").append(["填表说明"])
    workbook.save(book)
    [note] = [f for i in check([book]).inputs for f in i.findings if f.rule == "sheet-skipped"]
    assert note.message == "工作表“说明”不是名册，未读取：缺少必需的列 姓名（name）；找到的列：填表说明"


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        # An OLE compound file whose directory names the encrypted package, as Excel writes a workbook with a
        # password to open (the header and directory only: enough to be told apart from an old .xls).
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le"),
            "encrypted with an opening password",
        ),
        ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Excel 97-2003 .xls workbook"),
        ("empty.json", b"[]", "holds no candidate records"),
        ("empty.yaml", b"election_date: 2006-09-30\ncandidates: []\n", "holds no candidate records"),
    ],
)
def test_a_file_that_cannot_be_a_roster_says_what_it_is(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    # A locked workbook was called an old .xls; an empty list said 姓名 was missing.
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert said in result.stderr


def test_a_folders_hidden_files_and_folders_are_not_rosters(tmp_path: Path) -> None:
    # A roster repository checked as a folder stopped at .github/workflows/ci.yml ("not a roster's shape").
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", "utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", "utf-8")
    report = check([tmp_path], election_date="2006-09-30")
    assert [i.path for i in report.inputs] == [(tmp_path / "a.csv").as_posix()]


def test_a_sheet_asked_of_a_file_that_is_no_workbook_is_said_not_ignored() -> None:
    report = check([EXAMPLES / "roster.csv"], sheet="候选人", lang="en")
    [said] = [f for f in report.inputs[0].findings if f.rule == "sheet-not-workbook"]
    assert said.severity == "warning" and "--sheet 候选人 applies to workbooks only" in said.message
    assert report.summary.candidates == 21


def test_an_election_day_outside_the_rule_sets_dates_is_said_on_its_roster(tmp_path: Path) -> None:
    # community-2006 applies from 2006-04-12 to 2006-09-30: a 2010 roster judged by it had no word of it.
    settings = tmp_path / "c.csv"
    settings.write_text("社区,选举日期\n青松社区,2006-09-30\n翠竹社区,2010-06-01\n", "utf-8")
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,社区,拟任职务\n甲,青松社区,居委会委员\n乙,翠竹社区,居委会委员\n", "utf-8")
    report = check([roster], communities=settings, lang="en")
    [said] = [f for f in report.inputs[0].findings if f.rule == "ruleset-not-in-effect"]
    # review: the run fails at the default --fail-on; a warning let a 2027 roster pass under 2021's rules (helper-72).
    assert said.severity == "review"
    from eligibility.report import findings_fail

    assert findings_fail(report.inputs[0].findings, "review")
    assert not findings_fail(report.inputs[0].findings, "ineligible")
    # After its dates, the election may have run late (确保在9底前完成) as much as be another round's (helper-77).
    assert said.message.startswith("election day 2010-06-01 is after the dates rule set community-2006")
    assert "(2006-04-12 to 2006-09-30): has the election run late?" in said.message
    early = check([roster], election_date="2006-01-01", lang="en")
    [said] = [f for f in early.inputs[0].findings if f.rule == "ruleset-not-in-effect"]
    assert said.message.startswith("election day 2006-01-01 is outside the dates rule set community-2006")
    within = check([roster], election_date="2006-09-30")
    assert not [f for f in within.inputs[0].findings if f.rule == "ruleset-not-in-effect"]
    assert not findings_fail(within.inputs[0].findings, "review")


def test_a_link_to_nothing_in_a_folder_is_said_and_the_others_checked(tmp_path: Path) -> None:
    # One roster's link whose file has gone stopped the whole batch (helper-48): now it is that file's finding.
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    (tmp_path / "b.csv").symlink_to(tmp_path / "gone.csv")
    (tmp_path / "c.xlsx").symlink_to(tmp_path / "gone.xlsx")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["candidates"] == 21  # a.csv's people all checked
    for name in ("b.csv", "c.xlsx"):
        [source] = [i for i in report["inputs"] if i["path"] == (tmp_path / name).as_posix()]
        [finding] = source["findings"]
        assert (finding["rule"], finding["severity"]) == ("file-unread", "invalid")
        assert "cannot be read: a link to nothing" in finding["message"]
    # Named on its own, it is the file the officer meant: the run stops and says why.
    alone = CliRunner().invoke(app, ["check", str(tmp_path / "b.csv"), "--lang", "en"])
    assert alone.exit_code == 2
    assert f"{(tmp_path / 'b.csv').as_posix()}: cannot be read: a link to nothing" in alone.stderr


def test_a_linked_folder_is_read_and_a_link_back_up_the_tree_read_once(tmp_path: Path) -> None:
    # A district's folder linking each street's folder: rglob passed the linked folder over without a word, its
    # candidates unchecked and the run passing (helper-56).
    roster = (EXAMPLES / "roster.csv").read_bytes()
    street = tmp_path / "elsewhere" / "东湖街道"
    street.mkdir(parents=True)
    # Three files, not the same bytes (a copy is read once: file-copy-of): a BOM, CRLF and LF.
    (street / "a.csv").write_bytes(codecs.BOM_UTF8 + roster)
    district = tmp_path / "district"
    district.mkdir()
    (district / "b.csv").write_bytes(roster.replace(b"\n", b"\r\n"))
    (district / "东湖街道").symlink_to(street, target_is_directory=True)
    (district / "back").symlink_to(district, target_is_directory=True)  # a loop: read once, not for ever
    (district / "z").mkdir()
    (district / "z" / "c.csv").write_bytes(roster)
    (district / "0link").symlink_to(
        district / "z", target_is_directory=True
    )  # named where it is, not by the link
    result = CliRunner().invoke(app, ["check", str(district), "--lang", "en", "--format", "json"])
    report = json.loads(result.stdout)
    read = sorted(Path(i["path"]).relative_to(district).as_posix() for i in report["inputs"] if i["rows"])
    assert read == ["b.csv", "z/c.csv", "东湖街道/a.csv"]
    assert report["summary"]["candidates"] == 63


def test_a_folder_that_cannot_be_opened_is_said_and_the_others_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 on a street's folder: passed over without a word (helper-56). (Refused here by the test, as a
    # root user's run opens any folder.)
    import os

    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    closed = tmp_path / "西湖街道"
    closed.mkdir()
    (closed / "b.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    scandir, listdir = os.scandir, os.listdir

    def refuse(opener: Any) -> Any:
        def opened(path: Any = ".") -> Any:
            if Path(path) == closed:
                raise PermissionError(13, "Permission denied", str(path))
            return opener(path)

        return opened

    monkeypatch.setattr(os, "scandir", refuse(scandir))
    monkeypatch.setattr(os, "listdir", refuse(listdir))
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["candidates"] == 21  # a.csv's people all checked
    [source] = [i for i in report["inputs"] if i["path"] == closed.as_posix()]
    [finding] = source["findings"]
    assert (finding["rule"], finding["severity"]) == ("file-unread", "invalid")
    assert "cannot be read: Permission denied" in finding["message"]
    # The folder named is the one meant: the check cannot run (it was a file-unread finding saying the folder's
    # other files were checked, helper-58).
    alone = CliRunner().invoke(app, ["check", str(closed)])
    assert alone.exit_code == 2
    assert alone.stderr == f"错误: {closed.as_posix()}: 无法读取：没有读取它的权限\n"


@pytest.mark.parametrize("name", ["签字版名册.pdf", "名册.ofd", "名册照片.JPG", "各社区名册.zip"])
def test_a_scan_or_archive_in_a_folder_is_noted_not_passed_over(tmp_path: Path, name: str) -> None:
    # The signed roster scanned to PDF beside the workbook: it may hold candidates, so it is never left unsaid.
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    (tmp_path / "说明.md").write_text("notes", "utf-8")  # a note of the repository's own: not a roster's
    report = check([tmp_path], lang="en")
    assert report.summary.candidates == 21
    [noted] = [i for i in report.inputs if i.path.endswith(name)]
    [finding] = noted.findings
    assert (finding.rule, finding.severity, noted.rows) == ("file-skipped-type", "info", 0)
    assert f"({Path(name).suffix.lower()}) the tool does not read" in finding.message
    assert not [i for i in report.inputs if i.path.endswith(".md")]
    # Scans alone are no roster: nothing to check is not a pass.
    (tmp_path / "a.csv").unlink()
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2 and "the folder holds no roster file" in result.stderr, result.output


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("说明", "no extension"),  # a note with no extension: no roster's columns in it
        ("名册.bak", ".bak"),
        ("名册.dat", ".dat"),
        ("名册.csv.bak", ".bak"),
        ("名册.csv~", ".csv~"),  # an editor's backup
    ],
)
def test_a_file_of_a_type_the_tool_does_not_know_in_a_folder_is_noted_not_passed_over(
    tmp_path: Path, name: str, kind: str
) -> None:
    # A roster whose name lost or changed its extension was passed over without a word: its candidates went
    # unchecked and nobody was told.
    roster = (EXAMPLES / "roster.csv").read_bytes()
    (tmp_path / "a.csv").write_bytes(roster)
    # Not a copy of a.csv; a name with no extension holding a roster is read (see the test below), any other
    # file of it noted.
    held = roster.replace("社区".encode(), "社区 ".encode()) if Path(name).suffix else b"MIT License\n"
    (tmp_path / name).write_bytes(held)
    for clutter in ("Thumbs.db", "desktop.ini"):  # Windows' own, in any folder: never a roster, not noted
        (tmp_path / clutter).write_bytes(b"\0")
    report = check([tmp_path], lang="en")
    assert report.summary.candidates == 21
    assert [Path(i.path).name for i in report.inputs] == ["a.csv", name]
    noted = report.inputs[1]
    [finding] = noted.findings
    assert (finding.rule, finding.severity, noted.rows, noted.format) == (
        "file-skipped-unknown-type",
        "info",
        0,
        "unknown",
    )
    assert finding.evidence == {"type": "" if kind == "no extension" else kind}
    assert finding.message == (
        f"a file of a type the tool does not know ({kind}), not read as a roster: any candidates in it were not "
        "checked; if it is a roster to check, rename it .csv or .xlsx, whichever it was saved as"
    )
    # Said, in the officer's language, as a file not read.
    zh = CliRunner().invoke(app, ["check", str(tmp_path), "--fail-on", "never"])
    assert zh.exit_code == 0, zh.output
    said = re.sub(r"\s*\n\s*", "", zh.stdout)  # the terminal's width wraps the lines
    assert (
        f"未读取 {(tmp_path / name).as_posix()}[说明] file-skipped-unknown-type 本工具不认识这种文件（"
        in said
    )
    assert "如果它是要检查的名册，请按它保存时的格式改名为 .csv 或 .xlsx" in said
    assert "Thumbs.db" not in said and "desktop.ini" not in said
    # The same report with the rosters shared among workers.
    (tmp_path / "b.csv").write_bytes(roster.replace("社区".encode(), "社区  ".encode()))
    args = ["check", str(tmp_path), "--lang", "en", "--format", "json"]
    one, two = (CliRunner().invoke(app, [*args, *jobs]).stdout for jobs in ([], ["--jobs", "2"]))
    assert one == two and json.loads(one)["summary"]["candidates"] == 42


def test_a_folder_of_files_of_types_the_tool_does_not_know_alone_holds_nothing_to_check(
    tmp_path: Path,
) -> None:
    # Noted files alone are no roster: nobody was checked, which is no pass. The error names them, since one of
    # them may be the roster, renamed.
    roster = (EXAMPLES / "roster.csv").read_bytes()
    for name in ("名册", "名册.csv.bak", "Thumbs.db"):
        (tmp_path / name).write_bytes(roster if Path(name).suffix else "说明：名册另发\n".encode())
    (tmp_path / "签字版.pdf").write_bytes(b"%PDF-1.4\n")
    en = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en"])
    assert en.exit_code == 2
    assert en.stderr == (
        f"error: {tmp_path.as_posix()}: the folder holds no roster file (.csv, .tsv, .yaml, .yml, .json, .xlsx), "
        "only files of a type the tool does not know: 名册 (no extension), 名册.csv.bak (.bak); if one of them is a "
        "roster, rename it .csv or .xlsx\n"
    )
    zh = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert "只有本工具不认识的文件：名册（无扩展名）、名册.csv.bak（.bak）；" in zh.stderr
    # Windows' clutter alone is a folder holding nothing, said as before.
    for name in ("名册", "名册.csv.bak", "签字版.pdf"):
        (tmp_path / name).unlink()
    alone = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en"])
    assert alone.exit_code == 2 and alone.stderr.endswith(
        "the folder holds no roster file (.csv, .tsv, .yaml, .yml, .json, .xlsx)\n"
    )


def test_a_cell_right_of_a_workbooks_header_is_said_not_dropped(tmp_path: Path) -> None:
    # A remark beside the table, or data under no column name: read as nothing, it was lost without a word.
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, "姓名", "社区", "拟任职务"])  # the table starts in column B
    sheet.append([None, "甲", "青松社区", "居委会委员", None, "已核实"])
    sheet.append([None, "乙", "青松社区", "居委会主任"])
    book.save(path)
    first, second = check([path]).candidates
    [said] = [f for f in first.findings if f.rule == "row-cells-beyond-header"]
    assert said.severity == "warning" and said.evidence["value"] == "F2"
    assert first.status == "eligible" and not [
        f for f in second.findings if f.rule == "row-cells-beyond-header"
    ]


def test_a_key_twice_in_one_record_of_a_json_roster_is_placed(tmp_path: Path) -> None:
    # Every record repeats every key: the place is that of the one object holding a key twice.
    path = tmp_path / "r.json"
    path.write_text(
        '[{"姓名": "甲", "社区": "青松社区", "拟任职务": "居委会委员"},\n'
        ' {"姓名": "乙", "备注": "写作 \\"姓名\\": 丙", "社区": "青松社区",\n'
        '  "拟任职务": "居委会主任", "姓名": "丙"}]\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:3:20: key '姓名' appears twice in one object" in result.stderr


def test_a_roster_written_as_one_candidates_list_shares_its_day_community_and_seats(tmp_path: Path) -> None:
    # A rule file's test cases write candidates: this way; a roster written so was refused as "unexpected
    # structure", in Chinese with the English shapes inside.
    path = tmp_path / "qingsong.yaml"
    path.write_text(
        "# 青松社区候选人\n"
        "街道: 东湖街道\n"
        "社区: 青松社区\n"
        "选举日期: 2006-10-01\n"
        "党组织核定职数: 1\n"
        "居委会核定职数: 5\n"
        "candidates:\n"
        "  # 满18周岁恰在选举日\n"
        f"  - {{姓名: 甲, 性别: 女, 身份证号: '{make_id('1988-10-01', '女')}', 拟任职务: 党组织委员, 文化程度: 高中}}\n"
        f"  - {{姓名: 乙, 性别: 男, 身份证号: '{make_id('1966-05-01')}', 拟任职务: 党组织书记, 文化程度: 高中}}\n",
        encoding="utf-8",
    )
    report = check([path])
    first, second = report.candidates
    assert (first.street, first.community) == ("东湖街道", "青松社区")
    # 18 on the roster's own election day (a day later than the rule set's): old enough.
    assert [f.rule for f in first.findings] == []
    assert (first.source.line, second.source.line) == (9, 10)
    [team] = report.teams
    [quota] = [f for f in team.findings if f.rule == "seat-quota"]
    assert quota.evidence["seats_party"] == 2 and quota.evidence["quota_party"] == 1


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"姓名": "甲"}', "内容结构不对：候选人记录的列表，或含 candidates（候选人）列表的映射"),
        ('{"communities": [1]}', "内容结构不对：communities 下的每个社区都应是一个映射（键: 值）"),
    ],
)
def test_a_roster_of_another_shape_is_said_in_chinese(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert said in result.stderr and "mapping" not in result.stderr


def test_a_candidates_list_beside_the_communities_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "communities:\n  - {社区: 青松社区, candidates: [{姓名: 甲, 拟任职务: 居委会委员}]}\n"
        "candidates:\n  - {姓名: 乙, 社区: 青松社区, 拟任职务: 居委会委员}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "candidates" in result.stderr and "Traceback" not in result.stderr


def test_seats_beside_a_candidates_list_without_its_community_are_not_dropped(tmp_path: Path) -> None:
    # The seats belong to a community the file does not name: refused as a grouped roster's would be, where they
    # were read as nothing; a street shared by the list, or a title, needs no community.
    path = tmp_path / "r.yaml"
    path.write_text(
        "党组织核定职数: 1\ncandidates: [{姓名: 甲, 社区: 青松社区, 拟任职务: 党组织书记}]\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "required column community (社区) is missing" in result.stderr
    path.write_text(
        "街道: 东湖街道\n标题: 名单\ncandidates: [{姓名: 甲, 社区: 青松社区, 拟任职务: 党组织书记}]\n",
        "utf-8",
    )
    [person] = check([path]).candidates
    assert (person.street, person.community) == ("东湖街道", "青松社区")


def test_a_yaml_list_in_a_finding_is_shown_as_written_not_as_python(tmp_path: Path) -> None:
    # "计生违法日期“[datetime.date(2018, 1, 15), '不详']”不是日期": Python's text for a YAML list of dates.
    path = tmp_path / "r.yaml"
    path.write_text(
        f"- 姓名: 甲\n  身份证号: {make_id('1966-05-01')}\n  社区: 青松社区\n  拟任职务: 居委会委员\n"
        "  计生违法日期: [2018-01-15, 不详]\n",
        encoding="utf-8",
    )
    [person] = check([path]).candidates
    [finding] = [f for f in person.findings if f.rule == "date-invalid"]
    assert finding.evidence["value"] == "2018-01-15、不详"
    assert "datetime" not in finding.message and "“2018-01-15、不详”" in finding.message


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_a_key_one_record_leaves_out_is_blank_as_in_a_table(tmp_path: Path, suffix: str) -> None:
    # An exporter that drops empty values: 乙's record without 两违 got "could not be checked" (review), where
    # the same row in a CSV file, its cell blank, is "no".
    records = [
        {
            "姓名": "甲",
            "身份证号": make_id("1966-05-01"),
            "社区": "青松社区",
            "拟任职务": "居委会委员",
            "两违": "是",
        },
        {"姓名": "乙", "身份证号": make_id("1966-05-02"), "社区": "青松社区", "拟任职务": "居委会委员"},
    ]
    path = tmp_path / f"r.{suffix}"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")  # JSON is YAML too
    first, second = check([path]).candidates
    assert "two-violations" in {f.rule for f in first.findings}
    assert "two-violations" not in {f.rule for f in second.findings}


@pytest.mark.parametrize("candidates", ["1e308", '"甲"', '{"姓名": "甲"}'])
def test_a_communitys_candidates_that_are_no_list_are_said_not_a_traceback(
    tmp_path: Path, candidates: str
) -> None:
    # A number there raised TypeError: 'float' object is not iterable; a text was read letter by letter.
    path = tmp_path / "r.json"
    community = f'{{"community": "梅园社区", "candidates": {candidates}}}'
    path.write_text(f'{{"election_date": "2006-09-30", "communities": [{community}]}}', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "a list of candidate records under candidates, in community '梅园社区'" in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(
    "damage",
    [
        (
            'name="候选人"',
            'name="候选\n人"',
        ),  # a line break in the name: XML reads a space, calamine keeps it
        (
            "<sheet ",
            '<sheet state="visible" state="visible" ',
        ),  # an attribute twice: calamine alone reads it
    ],
)
def test_an_absurd_sheet_whose_name_cannot_be_matched_is_still_refused(
    tmp_path: Path, damage: tuple[str, str]
) -> None:
    # The used range went unmeasured and calamine tried to hold 16,384 × 1,048,576 cells: the process aborted.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "候选人"
    sheet.append(["姓名", "社区", "拟任职务"])
    sheet.append(["张三", "青松社区", "居委会委员"])
    sheet["XFD1048576"] = 1
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "abort.xlsx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/workbook.xml":
                data = data.decode().replace(*damage, 1).encode()
            target.writestr(name, data)
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "eligibility", "check", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2, run.stderr[-500:]
    assert "XFD1048576" in run.stderr


def test_rows_above_the_header_that_look_like_records_are_said_not_dropped(tmp_path: Path) -> None:
    # A misspelled first header (职务) and a right one below it: 张三 and 李四 were passed over as title rows.
    rows = "张三,青松社区,居委会委员\n李四,青松社区,居委会委员\n"
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,社区,职务\n" + rows + "姓名,社区,拟任职务\n王五,青松社区,居委会委员\n", encoding="utf-8"
    )
    report = check([path], lang="en")
    assert [c.name for c in report.candidates] == ["王五"]
    [note] = [f for f in report.inputs[0].findings if f.rule == "rows-above-header"]
    assert note.severity == "warning" and "line(s) 1、2、3 above it" in note.message
    book = write_workbook(tmp_path / "r.xlsx", ["姓名", "社区", "职务"], [["张三", "青松社区", "居委会委员"]])
    sheet = openpyxl.load_workbook(book)
    sheet.active.append(["姓名", "社区", "拟任职务"])  # type: ignore[union-attr]
    sheet.active.append(["王五", "青松社区", "居委会委员"])  # type: ignore[union-attr]
    sheet.save(book)
    assert "rows-above-header" in {f.rule for f in check([book]).inputs[0].findings}
    # A title above the header is one cell: nothing to say.
    titled = tmp_path / "t.csv"
    titled.write_text(
        "东湖街道2006年社区两委候选人名册\n姓名,社区,拟任职务\n王五,青松社区,居委会委员\n", "utf-8"
    )
    assert "rows-above-header" not in {f.rule for f in check([titled]).inputs[0].findings}


def test_text_in_the_number_column_alone_is_a_record_gone_astray_not_a_numbered_row(tmp_path: Path) -> None:
    # 张三 typed into 序号 was passed over as a template's numbered empty row.
    path = tmp_path / "r.csv"
    path.write_text("序号,姓名,社区,拟任职务\n张三,,,\n1,李四,青松社区,居委会委员\n2,,,\n3.,,,\n", "utf-8")
    report = check([path], lang="en")
    assert [c.source.line for c in report.candidates] == [2, 3]
    assert report.candidates[0].status == "invalid"
    [said] = report.candidates[0].findings
    assert (said.rule, said.evidence["cell"]) == ("row-not-a-candidate", "A2")
    assert "or a footer's words): '张三'; if it is a candidate, put its name, community" in said.message


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_footer_row_is_said_with_its_text_not_as_three_blank_columns(tmp_path: Path, form: str) -> None:
    # 审核人 under 序号: "姓名 is blank, 社区 is blank, 拟任职务 is blank, age unknown", and nothing of what the
    # row holds.
    header = ["序号", "姓名", "身份证号", "社区", "拟任职务", "备注"]
    rows = [
        ["1", "甲", make_id("1970-01-01"), "青松社区", "居委会委员", ""],
        ["审核人：王五", "", "", "", "", ""],
        ["", "", "", "", "", "以上人员均经街道党工委审查"],
        ["", "", make_id("1971-01-01"), "青松社区", "居委会委员", "待补"],  # a candidate without a name
    ]
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    else:
        path = write_workbook(tmp_path / "r.xlsx", header, rows)
    people = check([path], lang="en").candidates
    sheet = "候选人!" if form == "xlsx" else ""
    assert [[(f.rule, f.evidence.get("cell")) for f in p.findings] for p in people[1:3]] == [
        [("row-not-a-candidate", f"{sheet}A3")],
        [("row-not-a-candidate", f"{sheet}F4")],
    ]
    assert "words): '审核人：王五'" in people[1].findings[0].message  # as written
    assert [f.rule for f in people[3].findings] == ["required-missing"]  # a candidate's row, its name blank


def _two_row_header_workbook(path: Path, grouped_below: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    man, woman = make_id("1970-01-01"), make_id("1971-01-01", "女")
    if grouped_below:  # 基本情况 over 性别, 身份证号, 出生日期; the other headers merged down both rows
        sheet.append(["序号", "姓名", "基本情况", None, None, "社区", "拟任职务"])
        sheet.append([None, None, "性别", "身份证号", "出生日期", None, None])
        merges = ["A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2"]
    else:  # 身份证号 merged down; 候选人 over 姓名, 社区 and 拟任职务 in the row the header is found in
        sheet.append(["身份证号", "性别", "候选人", None, None])
        sheet.append([None, None, "姓名", "社区", "拟任职务"])
        merges = ["A1:A2", "B1:B2", "C1:E1"]
    for n, (number, sex) in enumerate([(man, "男"), (woman, "男")], start=1):
        name = "甲乙"[n - 1]
        if grouped_below:
            sheet.append([n, name, sex, number, number[6:14], "青松社区", "居委会委员"])
        else:
            sheet.append([number, sex, name, "青松社区", "居委会委员"])
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


@pytest.mark.parametrize("grouped_below", [True, False], ids=["second-row-below", "group-row-above"])
def test_a_two_row_header_is_read_as_one(tmp_path: Path, grouped_below: bool) -> None:
    # Read as its first (or second) row alone, 性别, 身份证号 and 出生日期 were unknown or missing: the ID number
    # unread, the age rules not checked, and the second row made an invalid record of nobody.
    path = _two_row_header_workbook(tmp_path / "r.xlsx", grouped_below)
    report = check([path], lang="en")
    assert [(c.name, c.source.line) for c in report.candidates] == [("甲", 3), ("乙", 4)]
    first, second = report.candidates
    assert first.status == "eligible"
    assert [f.rule for f in second.findings] == ["gender-mismatch"]  # the ID number and the sex were read
    assert not [n for n in report.not_checked if n.rule in ("min-age", "principal-age")]
    assert not [
        f for i in report.inputs for f in i.findings if f.rule in ("column-unknown", "rows-above-header")
    ]


def test_a_two_row_header_saved_as_csv_is_read_as_one(tmp_path: Path) -> None:
    man = make_id("1970-01-01")
    path = tmp_path / "r.csv"
    path.write_text(
        "序号,姓名,基本情况,,,社区,拟任职务\n,,性别,身份证号,出生日期,,\n"
        f"1,甲,男,{man},1970-01-01,青松社区,居委会委员\n",
        encoding="utf-8",
    )
    report = check([path], lang="en")
    [candidate] = report.candidates
    assert (candidate.name, candidate.source.line, candidate.status) == ("甲", 3, "eligible")
    assert not [n for n in report.not_checked if n.rule == "min-age"]


def test_a_record_under_the_header_is_never_read_as_its_second_row(tmp_path: Path) -> None:
    # A person whose cells happen to be words a header uses is still a record: 甲's name is no column.
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,社区,拟任职务,备注\n甲,青松社区,居委会委员,性别\n乙,青松社区,居委会委员,\n", "utf-8"
    )
    assert [c.name for c in check([path]).candidates] == ["甲", "乙"]


@pytest.mark.parametrize(
    "head",
    [
        "姓名,基本情况,,,,社区,拟任职务\n,性别,年龄,身份证号,出生日期,,\n",  # 年龄: a header not read
        "姓名,基本情况,,,,社区,拟任职务\n\n,性别,年龄,身份证号,出生日期,,\n",  # a blank line between
        ",,,,身份证号,,\n姓名,性别,年龄,社区,,出生日期,拟任职务\n",  # the first row names a column the second leaves blank
    ],
    ids=["unknown-header", "blank-between", "row-above"],
)
def test_a_two_row_header_with_a_column_not_read_is_still_one(tmp_path: Path, head: str) -> None:
    # 年龄 is a header the check does not know: the second row became a nameless invalid record, and the ID number
    # under it went unread.
    number = make_id("1948-01-01")
    header = [h for h in head.splitlines() if h][-1].split(",")
    cells = {"姓名": "甲", "性别": "男", "年龄": "58", "身份证号": number, "出生日期": "1948-01-01"}
    cells |= {"社区": "青松社区", "拟任职务": "党组织书记", "": ""}
    first = next(h for h in head.splitlines() if h).split(",")
    row = [cells.get(h or first[i], "") for i, h in enumerate(header)]
    path = tmp_path / "r.csv"
    path.write_text(head + ",".join(row) + "\n", encoding="utf-8")
    report = check([path], lang="en")
    [candidate] = report.candidates
    assert candidate.id_number is not None and candidate.id_number.endswith(number[-4:])
    assert [f.rule for f in candidate.findings] == ["principal-age"]  # 58 on the day, by the ID number
    assert not [n for n in report.not_checked if n.rule == "principal-age"]


def test_a_second_header_row_of_columns_kept_but_not_read_is_no_record(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,身份证号,社区,拟任职务,联系方式,\n,,,,手机,电话\n甲,{make_id('1970-01-01')},青松社区,居委会委员,138,0591\n",
        encoding="utf-8",
    )
    assert [c.name for c in check([path]).candidates] == ["甲"]


def test_a_two_row_header_repeated_under_the_table_is_no_record(tmp_path: Path) -> None:
    # A second community's table pasted below the first, with its two header rows: a candidate named 姓名 in a
    # community 社区, and a nameless one with 身份证号 for an ID number.
    head = "姓名,基本情况,,社区,拟任职务\n,性别,身份证号,,\n"
    path = tmp_path / "r.csv"
    path.write_text(
        head
        + f"甲,男,{make_id('1970-01-01')},青松社区,居委会委员\n"
        + head
        + f"乙,男,{make_id('1971-01-01')},翠竹社区,居委会委员\n",
        encoding="utf-8",
    )
    report = check([path])
    assert [(c.name, c.community, c.status) for c in report.candidates] == [
        ("甲", "青松社区", "eligible"),
        ("乙", "翠竹社区", "eligible"),
    ]


def test_date_serials_of_a_workbook_of_the_1904_date_system_count_from_1904(tmp_path: Path) -> None:
    # Plain numbers in a workbook saved with the 1904 date system were counted from 1899-12-30: every date four
    # years and a day early, so a 17-year-old passed and a violation fell out of its five years.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    epoch = dt.date(1904, 1, 1)
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "出生日期", "社区", "拟任职务", "计生违法日期"])
    sheet.append(["少年", (dt.date(1988, 10, 1) - epoch).days, "青松社区", "居委会委员", None])
    sheet.append(
        [
            "违法",
            (dt.date(1970, 1, 1) - epoch).days,
            "青松社区",
            "居委会委员",
            (dt.date(2002, 9, 30) - epoch).days,
        ]
    )
    path = tmp_path / "mac.xlsx"
    book.save(path)
    young, violated = check([path], election_date="2006-09-30").candidates
    assert "min-age" in {f.rule for f in young.findings} and young.status == "ineligible"
    assert "family-planning-5y" in {f.rule for f in violated.findings} and violated.status == "ineligible"


def test_a_candidate_over_two_merged_rows_keeps_the_findings_of_the_second(tmp_path: Path) -> None:
    # Name, ID number, community and post merged over rows 2-3; row 3 holds the violation, the 两违 and a remark.
    # Read as a footer before the merge filled it, row 3 lost both bars to "delete this row".
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "社区", "拟任职务", "计生违法日期", "两违", "备注"])
    sheet.append(["甲", make_id("1970-01-01"), "青松社区", "居委会委员", None, "否", None])
    sheet.append([None, None, None, None, "2003-05-01", "是", "2003年超生，已处理"])
    for column in "ABCD":
        sheet.merge_cells(f"{column}2:{column}3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    _, second = check([path]).candidates
    assert {"family-planning-5y", "two-violations"} <= {f.rule for f in second.findings}
    assert "row-not-a-candidate" not in {f.rule for f in second.findings}


def test_a_two_row_header_with_two_columns_of_one_meaning_is_one(tmp_path: Path) -> None:
    # 两违 and 两违问题 both: the joined header was refused for its doubled column, and the second row made a
    # record; the ID number under 基本情况 was never read.
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,基本情况,,社区,拟任职务,两违,两违问题\n,身份证号,出生日期,,,,\n"
        f"甲,{make_id('1990-01-01')},1990-01-01,青松社区,居委会委员,否,是\n",
        encoding="utf-8",
    )
    [person] = check([path], election_date="2006-09-30").candidates
    assert {"min-age", "two-violations"} <= {f.rule for f in person.findings}


@pytest.mark.parametrize(
    ("row", "quoted"),
    [
        ("审核人：王五,,,,", "审核人：王五"),  # in 街道, a column the check reads
        (",填表人：张三,,,", "填表人：张三"),  # in 姓名: no name has a colon
        (",,,,4", None),  # a number alone: not quoted for want of words
    ],
)
def test_a_footer_in_any_column_is_said_with_its_words(tmp_path: Path, row: str, quoted: str | None) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        f"街道,姓名,社区,拟任职务,序号\n东湖街道,甲,青松社区,居委会委员,1\n{row}\n", encoding="utf-8"
    )
    report = check([path], lang="en")
    assert len(report.candidates) == 1  # 4 under 序号 alone is a numbered empty row; a footer no candidate
    if quoted is not None:
        assert [text for text, _ in _footers(report)] == [quoted]


def _footers(report: Report) -> list[tuple[str, str | None]]:
    """The rows said as a footer or a total under the table: their text, and the cell's column."""
    return [
        (f.evidence["text"], (f.evidence["cell"] or "")[-2:-1] or None)
        for i in report.inputs
        for f in i.findings
        if f.rule == "row-footer"
    ]


def test_a_footer_is_quoted_by_its_words_not_its_row_number(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "序号,姓名,社区,拟任职务,备注\n1,甲,青松社区,居委会委员,\n2,,,,以上人员均经审查\n", encoding="utf-8"
    )
    report = check([path])
    assert [c.name for c in report.candidates] == ["甲"]
    [said] = [f for f in report.inputs[0].findings if f.rule == "row-footer"]
    assert (said.severity, said.evidence) == ("info", {"line": 3, "text": "以上人员均经审查", "cell": "E3"})
    assert (
        said.message
        == "第 3 行（“以上人员均经审查”，单元格 E3）是表尾、合计或说明，不是候选人，未作为候选人检查"
    )


def test_a_footer_inside_a_merged_community_range_is_still_a_footer(tmp_path: Path) -> None:
    # 社区 merged down the whole sheet, the footer's row too: given 青松社区 by the range, 填表人：张三 was taken
    # for a candidate with no name.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "姓名", "身份证号", "社区", "拟任职务"])
    sheet.append([1, "甲", make_id("1970-01-01"), "青松社区", "居委会委员"])
    sheet.append(["填表人：张三", None, None, None, None])
    sheet.merge_cells("D2:D3")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    report = check([path], lang="en")
    assert [c.name for c in report.candidates] == ["甲"]
    assert _footers(report) == [("填表人：张三", "A")]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("footer", "quoted", "column"),
    [
        (["合计", "1人"], "合计", "A"),  # the total under 序号, a head count under 姓名
        ([None, "5人"], "5人", "B"),
        ([None, "小计", None, "青松社区"], "小计", "B"),  # a community's subtotal, its community beside it
        ([None, "街道党工委（盖章）"], "街道党工委（盖章）", "B"),
        (["制表人：", "王五", "审核人：", "赵六"], "制表人：", "A"),  # a signer under 姓名 passes for a name
        (["填表人：张三", None, "审核人：李四", None, "联系电话：0591-12345678"], "填表人：张三", "A"),
        ([None, "王五", "审核人：李四", "青松社区", "居委会委员"], "审核人：李四", "C"),
    ],
)
def test_a_footer_among_a_candidates_cells_is_still_a_footer(
    tmp_path: Path, form: str, footer: list[str | None], quoted: str, column: str
) -> None:
    header = ["序号", "姓名", "身份证号", "社区", "拟任职务"]
    rows = [["1", "甲", make_id("1970-01-01"), "青松社区", "居委会委员"], footer]
    rows.append(["1，", "乙", make_id("1971-01-01"), "青松社区", "居委会委员"])  # a row's number typed so
    if form == "csv":
        path = tmp_path / "r.csv"
        text = "\n".join(",".join(f'"{c or ""}"' for c in r) for r in [header, *rows])
        path.write_text(text + "\n", "utf-8")
    else:
        path = write_workbook(tmp_path / "r.xlsx", header, rows)
    report = check([path], lang="en")
    if quoted in ("合计", "5人", "小计"):
        # A total is no candidate wherever it stands: said on the file, its line counted out of the rows.
        assert [c.name for c in report.candidates] == ["甲", "乙"]
        assert _footers(report) == [(quoted, column)] and report.inputs[0].rows == 2
        assert not report.candidates[1].findings
        return
    # A footer amid the rows, a candidate after it, may be a candidate's row written wrong: said on the row.
    first, said, last = report.candidates
    assert said.findings[0].rule == "row-not-a-candidate", said.findings
    assert (said.findings[0].evidence["value"], said.findings[0].evidence["cell"][-2:]) == (
        quoted,
        f"{column}3",
    )
    assert not first.findings and not last.findings and not _footers(report)


@pytest.mark.parametrize("numbered", [False, True])
def test_a_row_holding_only_a_date_is_read_alike_numbered_or_not(tmp_path: Path, numbered: bool) -> None:
    # With its 序号 the row was a candidate with three blank columns; without, a row that is no candidate.
    path = tmp_path / "r.csv"
    path.write_text(
        f"序号,姓名,社区,拟任职务,计生违法日期\n1,甲,青松社区,居委会委员,\n{'2' if numbered else ''},,,,2003-05-01\n",
        encoding="utf-8",
    )
    _, second = check([path], lang="en").candidates
    assert [f.rule for f in second.findings] == ["row-not-a-candidate"], second.findings


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("cells", "quoted"),
    [
        ({1: "以上人员经审核"}, "以上人员经审核"),
        ({1: "合计"}, "合计"),
        ({1: "填表人 张三"}, "填表人 张三"),
        # A whole date where no date belongs is shown by its year: it may be someone's birth date.
        ({1: "2006-09-01"}, "2006-**-**"),
        ({1: "以上人员经审核，符合条件。"}, "以上人员经审核，符合条件。"),
        ({1: "填表人：张三", 3: "审核人：李四"}, "填表人：张三"),
        ({1: "填表人：张三", 7: "是"}, "填表人：张三"),
        ({1: "经办人：刘明", 3: "身份证号：" + make_id("1970-02-02")}, None),
    ],
    ids=[
        "words",
        "total",
        "signed",
        "date",
        "sentence",
        "two-signatures",
        "signature-and-a-yes",
        "signed-with-id",
    ],
)
def test_words_where_the_name_goes_make_a_footer_whatever_else_the_row_holds(
    tmp_path: Path, form: str, cells: dict[int, str], quoted: str | None
) -> None:
    # In 姓名, these were candidates: required-missing, an ID number masked to ******, two-violations ineligible.
    header = ["序号", "姓名", "性别", "身份证号", "社区", "拟任职务", "文化程度", "两违"]
    rows = [["1", "甲", "男", make_id("1970-01-01"), "青松社区", "居委会委员", "高中", "否"]]
    rows.append([cells.get(i, "") for i in range(len(header))])
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in [header, *rows]) + "\n", "utf-8")
    else:
        path = write_workbook(tmp_path / "r.xlsx", header, rows)
    report = check([path], lang="en")
    if quoted == "2006-**-**":
        # A date alone holds no footer's words: it may be a candidate's cell gone astray, said on its row.
        _, footer = report.candidates
        assert [f.rule for f in footer.findings] == ["row-not-a-candidate"], footer.findings
        assert footer.findings[0].evidence["value"] == quoted
        return
    # Under the table: a footer, said on the file, no candidate.
    assert [c.name for c in report.candidates] == ["甲"]
    [(text, column)] = _footers(report)
    assert column == "B" if quoted is not None else "D"
    # Else the longest words, here the ID number's, masked.
    assert text == quoted if quoted is not None else text.startswith("身份证号：") and "*" in text


@pytest.mark.parametrize(
    ("name", "number"), [("王伟2", "id"), ("王伟（大）", "id"), ("说明华", "id"), ("王伟2", "")]
)
def test_a_candidate_whose_community_and_post_are_blank_is_no_footer_for_the_way_its_name_is_written(
    tmp_path: Path, name: str, number: str
) -> None:
    # 王伟2 (two 王伟 told apart) with 两违 是 beside it: taken for a footer, its two-violations bar was dropped.
    path = tmp_path / "r.csv"
    cell = make_id("1962-03-12") if number else ""
    path.write_text(
        "姓名,性别,身份证号,社区,拟任职务,两违\n"
        f"陈建国,男,{make_id('1960-01-10')},青松社区,居委会主任,否\n{name},男,{cell},,,是\n",
        encoding="utf-8",
    )
    _, second = check([path], lang="en").candidates
    assert {"two-violations", "required-missing"} <= {f.rule for f in second.findings}, second.findings
    assert "row-not-a-candidate" not in {f.rule for f in second.findings}


@pytest.mark.parametrize("form", ["csv", "xlsx", "xlsx-merged"])
def test_cells_under_a_blank_header_cell_are_said_not_read(tmp_path: Path, form: str) -> None:
    # 两违：是 under a blank header cell, or 四 of 李四 under 姓名 merged over two columns: read as nothing, and
    # the candidate passed without a word.
    header = ["姓名", "", "社区", "拟任职务"]
    row = ["李", "四", "青松社区", "居委会委员"]
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    else:
        path = write_workbook(tmp_path / "r.xlsx", header, [row])
        if form == "xlsx-merged":
            book = openpyxl.load_workbook(path)
            book.active.merge_cells("A1:B1")  # type: ignore[union-attr]
            book.save(path)
    [person] = check([path], lang="en").candidates
    [said] = [f for f in person.findings if f.rule == "row-cells-beyond-header"]
    assert said.evidence["value"].endswith("B2") and "under a blank header cell" in said.message


@pytest.mark.parametrize("name", [12345, True, dt.datetime(2000, 1, 1), "12345", "2000-01-01"])
def test_a_number_a_date_or_a_yes_where_the_name_goes_is_no_name(tmp_path: Path, name: Any) -> None:
    # A candidate called 12345.0, True or 2000-01-01, eligible, with no word.
    path = write_workbook(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "社区", "拟任职务"],
        [[name, make_id("1970-01-01"), "青松社区", "居委会委员"]],
    )
    [person] = check([path], lang="en").candidates
    assert person.status == "invalid" and "name-not-a-name" in {f.rule for f in person.findings}, (
        person.findings
    )
    # Its name as the cell shows it: 12345, not 12345.0, as the finding quotes it (helper-73).
    [said] = [f for f in person.findings if f.rule == "name-not-a-name"]
    assert person.name == said.evidence["value"] and not person.name.endswith(".0")


@pytest.mark.parametrize(
    ("shown_as", "by_month"),
    [
        ('yyyy"年"m"月"', True),  # what a Chinese Excel sets when 1970年3月 is typed
        ("mmm-yy", True),  # a built-in format (17)
        ("yyyy.mm", True),
        ('[$-804]yyyy"年"m"月";@', True),
        ('e"年"m"月"', True),  # e, the year as a Chinese Excel also offers it: read as the 1st (helper-45)
        ("yyyy/m/d", False),  # the day shown: a whole date
        ("yyyy-mm-dd h:mm", False),
    ],
)
def test_a_date_cell_excel_shows_by_its_month_is_read_as_year_and_month(
    tmp_path: Path, shown_as: str, by_month: bool
) -> None:
    # Excel stores the 1st of the month under the format: read as a whole date, it disagreed with the ID
    # number (birth-date-mismatch) and, without one, decided an age the unknown day could change.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["社区", "姓名", "身份证号", "出生年月", "拟任职务"])
    sheet.append(["青松社区", "甲", make_id("1970-03-12", "女"), dt.datetime(1970, 3, 1), "居委会委员"])
    sheet.append(["青松社区", "乙", "", dt.datetime(1988, 10, 1), "居委会委员"])  # 18 on 10-01 or later
    for row in (2, 3):
        sheet[f"D{row}"].number_format = shown_as
    path = tmp_path / "roster.xlsx"
    book.save(path)
    first, second = check([path], election_date=dt.date(2006, 10, 15)).candidates
    assert ("birth-date-mismatch" in {f.rule for f in first.findings}) is not by_month
    min_age = next((f for f in second.findings if f.rule == "min-age"), None)
    if by_month:
        assert min_age is not None and min_age.evidence["unknown"] == ["age"], second.findings
    else:
        assert min_age is None  # born 1988-10-01: 18 on election day


@pytest.mark.parametrize("from_folder", [False, True])
def test_a_roster_under_which_stand_only_footers_is_no_pass(tmp_path: Path, from_folder: bool) -> None:
    # A blank template sent back with its footer filled in: its footer's row was an invalid candidate, and the
    # run failed. No candidate now, the file itself is what is said: invalid named on its own, a file of a
    # folder with no candidates (a warning) among the others — and a folder of it alone checks nobody, which is
    # no pass (it passed, exit 0, helper-55).
    folder = tmp_path / "street"
    folder.mkdir()
    roster = folder / "blank.csv"
    roster.write_text("姓名,社区,拟任职务\n制表人：李四,,\n", "utf-8")
    args = ["--format", "json", "--fail-on", "ineligible"]
    result = CliRunner().invoke(app, ["check", str(folder if from_folder else roster), *args])
    if from_folder:
        assert result.exit_code == 2 and "文件夹中没有一名候选人可检查" in result.stderr
        (folder / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
        result = CliRunner().invoke(app, ["check", str(folder), *args])
    report = json.loads(result.stdout)
    [read] = [i for i in report["inputs"] if i["path"].endswith("blank.csv")]
    said = [(f["rule"], f["severity"]) for f in read["findings"]]
    if from_folder:
        assert said == [("file-no-candidates", "warning"), ("row-footer", "info")]
        assert "is this a blank template?" not in read["findings"][0]["message"]  # zh, as the run's language
        assert "空白的模板" in read["findings"][0]["message"]
    else:
        assert report["summary"]["candidates"] == 0
        assert said == [("file-only-footer", "invalid"), ("row-footer", "info")]
        assert result.exit_code == 1


# 汇总@姓名: a table's totals row writes 汇总 in its first column, 姓名 where there is no 序号 (helper-74).
@pytest.mark.parametrize("label", ["青松社区 计数", "青松社区 汇总", "汇总", "汇总@姓名", "总计数"])
def test_excels_own_subtotal_and_totals_rows_are_notes_not_candidates(tmp_path: Path, label: str) -> None:
    # 数据 → 分类汇总 writes 青松社区 计数 under each group, its count where the name goes; a table's totals row
    # writes 汇总: each was a candidate named 5.0, and a team of its own (helper-73). Amid the rows too.
    def person_row(name: str, born: str, community: str) -> list[Any]:
        return [name, make_id(born), community, "居委会委员"]

    total = {"汇总": [2, "", "", label], "汇总@姓名": ["汇总", "", "", 3]}.get(label, [2, "", label, ""])
    label = label.split("@")[0]
    rows = [
        person_row("甲", "1970-01-01", "青松社区"),
        person_row("乙", "1971-02-02", "青松社区"),
        total,
        person_row("丙", "1972-03-03", "翠竹社区"),
    ]
    book = write_workbook(tmp_path / "r.xlsx", ["姓名", "身份证号", "社区", "拟任职务"], rows)
    report = check([book], lang="en")
    assert [c.name for c in report.candidates] == ["甲", "乙", "丙"]
    assert [t.community for t in report.teams] == ["青松社区", "翠竹社区"]
    [note] = [f for f in report.inputs[0].findings if f.rule == "row-footer"]
    assert note.severity == "info" and label in note.message and "line 4" in note.message


@pytest.mark.parametrize("layout", ["aside", "only", "beside", "below"])
def test_a_pivot_table_of_the_roster_is_not_read_as_a_second_roster(tmp_path: Path, layout: str) -> None:
    # 透视表 beside 候选人: 社区 on a group's first row, 姓名, 拟任职务, 计数项. Read, it counted the roster's people
    # again, filled down into their teams, and doubled the seats (helper-73). A sheet holding a pivot table whose
    # header is within the pivot's location is said as one and not read; a pivot beside the roster on its own
    # sheet (K1:L3) shares its rows, not its columns, and the roster is read; one below it (A6:D9) is no
    # candidates (helper-75).
    import zipfile

    only = layout == "only"

    people = [
        ["甲", make_id("1970-01-01"), "青松社区", "居委会委员"],
        ["乙", make_id("1971-01-01"), "青松社区", "居委会主任"],
    ]
    book = openpyxl.Workbook()
    roster = book.active
    assert roster is not None
    roster.title = "候选人"
    for row in [["姓名", "身份证号", "社区", "拟任职务"], *people]:
        roster.append(row)
    pivot = book.create_sheet("透视表")
    for row in [
        [],
        [],
        ["社区", "姓名", "拟任职务", "计数项:身份证号"],
        ["青松社区", "甲", "居委会委员", 1],
        ["", "乙", "居委会主任", 1],
        ["总计", "", "", 2],
    ]:
        pivot.append(row)
    if only:
        book.remove(roster)
    if layout == "below":
        book.remove(pivot)
        for row in [
            [],
            ["社区", "姓名", "拟任职务", "计数项:身份证号"],
            ["青松社区", "甲", "居委会委员", 1],
            ["总计", "", "", 1],
        ]:
            roster.append(row)
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    path = tmp_path / "r.xlsx"
    sheet_part = "xl/worksheets/sheet2.xml" if layout == "aside" else "xl/worksheets/sheet1.xml"
    location = {"beside": "K1:L3", "below": "A5:D7"}.get(layout, "A3:D6")
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(
            sheet_part.replace("worksheets/", "worksheets/_rels/") + ".rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" '
            'Target="../pivotTables/pivotTable1.xml"/></Relationships>',
        )
        target.writestr(
            "xl/pivotTables/pivotTable1.xml",
            '<?xml version="1.0"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'name="数据透视表1" cacheId="1"><location ref="{location}" firstHeaderRow="1" firstDataRow="1" '
            'firstDataCol="3"/>'
            "</pivotTableDefinition>",
        )
    if only:
        result = CliRunner().invoke(app, ["check", str(path), "--lang", "en"])
        assert (
            result.exit_code == 2
            and "r.xlsx#透视表: it is a pivot table (a summary of the roster)" in result.stderr
        )
        return
    report = check([path], lang="en")
    said = [f.message for i in report.inputs for f in i.findings if f.rule == "sheet-skipped"]
    if layout == "below":
        assert [c.name for c in report.candidates] == ["甲", "乙"]
        [note] = [f for i in report.inputs for f in i.findings if f.rule == "rows-in-pivot"]
        assert note.message == (
            "lines 5–7 of sheet '候选人' are a pivot table (a summary of the roster), not candidates, and were not read"
        )
        return
    if layout == "beside":
        # The roster beside its pivot is read (and the other sheet, with no pivot part, as before).
        assert [c.name for c in report.candidates][:2] == ["甲", "乙"] and said == []
        return
    assert [c.name for c in report.candidates] == ["甲", "乙"]
    assert said == [
        "sheet '透视表' is not a roster and was not read: it is a pivot table (a summary of the roster): read, it "
        "would count the roster's people again"
    ]
    # The same sheet without its pivot part is read, as before: what decides is the pivot the workbook holds.
    assert len(check([plain]).candidates) == 4


def test_a_footer_under_a_clean_roster_fails_no_check(tmp_path: Path) -> None:
    # 审核人：王五 and 制表人 under every roster an office sends: two invalid "candidates", and CI failed.
    path = tmp_path / "r.csv"
    rows = [
        f"{name},{make_id(born)},青松社区,居委会委员,否,否,否,,群众"
        for name, born in [("甲", "1970-01-01"), ("乙", "1971-02-02")]
    ]
    footer = ["审核人：王五,,,,,,,,", "制表人：李四     填报日期：2006年9月1日,,,,,,,,"]
    header = "姓名,身份证号,社区,拟任职务,两违,综治问题,被剥夺政治权利,计生违法日期,政治面貌"
    path.write_text("\n".join([header, *rows, *footer]) + "\n", "utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--fail-on", "ineligible", "--lang", "en"])
    assert result.exit_code == 0, result.stdout
    assert "2 candidates: 2 eligible" in result.stdout
    said = " ".join(result.stdout.split())
    assert "r.csv (csv, utf-8): 2 rows" in said
    assert (
        "[info] row-footer line 4 ('审核人：王五', cell A4) is a footer, a total or a note, not a candidate"
        in said
    )
    assert "line 5 ('制表人：李四 填报日期：2006年9月1日', cell A5)" in said


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize("grouped", ["name-under-group", "roles-under-group"])
def test_a_two_row_header_whose_rows_each_lack_a_column_is_read_as_one(
    tmp_path: Path, form: str, grouped: str
) -> None:
    # 基本情况 over 姓名, 性别 and 出生年月 (姓名 in the second row only), or 拟任情况 over 社区 and 拟任职务: no
    # row alone held the three columns, and the roster was refused, "缺少必需的列 姓名", 姓名 in plain sight.
    man = make_id("1953-04-12")
    if grouped == "name-under-group":
        upper = ["序号", "基本情况", "", "", "身份证号码", "社区", "拟任职务"]
        lower = ["", "姓名", "性别", "出生年月", "", "", ""]
        row = ["1", "陈建平", "男", "1953.04", man, "青松社区", "党组织书记"]
        merges = ["A1:A2", "B1:D1", "E1:E2", "F1:F2", "G1:G2"]
    else:
        upper = ["姓名", "身份证号", "拟任情况", ""]
        lower = ["", "", "社区", "拟任职务"]
        row = ["陈建平", man, "青松社区", "党组织书记"]
        merges = ["A1:A2", "B1:B2", "C1:D1"]
    title = ["东湖街道2006年社区“两委”换届候选人初步人选名册"] + [""] * (len(upper) - 1)
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(",".join(r) for r in [title, upper, lower, row]) + "\n", "utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for r in [title, upper, lower, row]:
            sheet.append([c or None for c in r])
        for merged in merges:
            first, last = merged.split(":")
            sheet.merge_cells(f"{first[0]}{int(first[1:]) + 1}:{last[0]}{int(last[1:]) + 1}")
        path = tmp_path / "r.xlsx"
        book.save(path)
    report = check([path], lang="en")
    [candidate] = report.candidates
    assert (candidate.name, candidate.community, candidate.source.line) == ("陈建平", "青松社区", 4)
    assert candidate.id_number is not None and candidate.id_number.endswith(man[-4:])
    assert candidate.status == "eligible", candidate.findings
    assert report.inputs[0].header_line == 3
    assert not [f for f in report.inputs[0].findings if f.rule in ("column-unknown", "rows-above-header")]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("footer", "quoted"),
    [
        (
            {"姓名": "审核人：", "社区": "制表人："},
            "审核人：",
        ),  # 制表人： under 社区 started a team of its own
        ({"序号": "小计", "姓名": "5", "社区": "青松社区"}, "小计"),  # a count under 姓名: name-not-a-name
        ({"文化程度": "审核人：王五", "拟任职务": "填报日期：2006年8月15日"}, "填报日期：2006年8月15日"),
        ({"姓名": "（此页无正文）"}, "（此页无正文）"),
        (
            {"社区": "青松社区", "拟任职务": "合计6人"},
            "合计6人",
        ),  # a total under the post, its community beside it
    ],
    ids=[
        "signers-under-name-and-community",
        "count-beside-subtotal",
        "labels-under-read-columns",
        "no-text",
        "total-under-post",
    ],
)
def test_a_footer_written_under_the_columns_read_is_no_candidate_nor_team(
    tmp_path: Path, form: str, footer: dict[str, str], quoted: str
) -> None:
    # Each was a candidate (required-missing, role-unknown, min-age unknown), and 制表人： under 社区 a team with
    # seven findings of its own (helper-45).
    header = ["序号", "姓名", "性别", "出生年月", "身份证号", "文化程度", "社区", "拟任职务"]
    rows = [["1", "陈建平", "男", "1953.04", make_id("1953-04-12"), "高中", "青松社区", "党组织书记"]]
    rows.append([footer.get(h, "") for h in header])
    report = check([_roster_file(tmp_path, form, header, rows)], lang="en")
    assert [c.name for c in report.candidates] == ["陈建平"]
    assert [t.community for t in report.teams] == ["青松社区"]
    assert [text for text, _ in _footers(report)] == [quoted]


@pytest.mark.parametrize(
    ("id_header", "birth_header", "roles_header"),
    [("公民身份证号码", "出生时间", "拟提名职务"), ("居民身份证号码", "出生年月", "拟推荐职务")],
)
def test_headers_offices_write_for_the_id_number_birth_and_post_are_read(
    tmp_path: Path, id_header: str, birth_header: str, roles_header: str
) -> None:
    # 公民身份证号码 was an unknown column, ignored with a warning: a wrong check character went unseen, and a
    # mistyped 出生年月 made a 36-year-old ineligible as under 18, his ID number unread (helper-45).
    number = make_id("1970-03-08")
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,{id_header},{birth_header},社区,{roles_header}\n"
        f"甲,{number},1990.01,青松社区,居委会委员\n乙,{wrong},,青松社区,居委会委员\n",
        "utf-8",
    )
    report = check([path], lang="en")
    first, second = report.candidates
    assert [f.rule for f in first.findings] == ["birth-date-mismatch"]  # the ID number, not 1990, decides
    assert [f.rule for f in second.findings][:1] == ["id-number-checksum"]
    assert not [f for f in report.inputs[0].findings if f.rule.startswith("column-")]


@pytest.mark.parametrize(("header", "misspelt"), [("公民身份证明号码", True), ("出生地", False)])
def test_a_header_that_all_but_spells_a_missing_column_fails_the_run(
    tmp_path: Path, header: str, misspelt: bool
) -> None:
    # A warning only, and the run passed with no ID number read at all.
    path = tmp_path / "r.csv"
    ids = "" if misspelt else ",身份证号"
    number = "" if misspelt else "," + make_id("1970-01-01")
    bars = (
        "两违,综治问题,被剥夺政治权利,计生违法日期,政治面貌"  # the bars' columns: none of them left unchecked
    )
    path.write_text(
        f"姓名,{header}{ids},社区,拟任职务,{bars}\n"
        f"甲,{make_id('1970-01-01') if misspelt else '福州'}{number},青松社区,居委会委员,否,否,否,,群众\n",
        "utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", str(path), "--fail-on", "ineligible", "--format", "json", "--lang", "en"]
    )
    said = {f["rule"]: f for f in json.loads(result.stdout)["inputs"][0]["findings"]}
    if misspelt:
        assert said["column-misspelt"]["severity"] == "invalid" and result.exit_code == 1
        assert "so the roster has no 身份证号 column" in said["column-misspelt"]["message"]
    else:
        assert "column-misspelt" not in said and result.exit_code == 0


@pytest.mark.parametrize(
    ("above", "said"),
    [
        (["填报单位：东湖街道党工委（盖章）", "", "填报日期：2006年8月15日"], False),
        (["单位：人", "", "日期：2006.8.15"], False),
        (["张三", "青松社区", "居委会委员"], True),  # a record above a header: said, as ever
    ],
)
def test_the_forms_own_lines_above_the_header_are_no_rows_to_warn_of(
    tmp_path: Path, above: list[str], said: bool
) -> None:
    # 填报单位： beside 填报日期： on every office's form was "line 2 holds several cells and was not read as
    # candidates", a warning that failed --fail-on warning for every roster sent in.
    path = tmp_path / "r.csv"
    lines = [
        "东湖街道2006年社区“两委”换届候选人名册,,",
        ",".join(above),
        "姓名,社区,拟任职务",
        "李四,青松社区,居委会委员",
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    report = check([path])
    assert [c.name for c in report.candidates] == ["李四"]
    assert ("rows-above-header" in {f.rule for f in report.inputs[0].findings}) is said


@pytest.mark.parametrize("written", ["17806", "17806.0"])
def test_an_excel_date_serial_saved_into_a_csv_is_the_birth_day_it_stands_for(
    tmp_path: Path, written: str
) -> None:
    # A birth date column Excel showed as a number, saved as CSV: 17806 was date-invalid, and the row invalid,
    # where the workbook read it as 1948-09-30 (helper-44; DOMAIN: a birth date may be an Excel date serial).
    number = make_id("1948-09-30")
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,身份证号,出生年月,社区,拟任职务,计生违法日期\n"
        f"甲,{number},{written},青松社区,党组织书记,\n乙,{make_id('1948-09-29')},17807,青松社区,居委会委员,\n"
        # 20181 is 2018年1月, no serial; and five digits in a violation's date are never read as one: 12345 for
        # 1933 would pass a bar unseen (helper-47).
        f"丙,{make_id('1960-01-01')},19601,青松社区,居委会委员,37500\n",
        "utf-8",
    )
    first, second, third = check([path], lang="en", show_pii=True).candidates
    assert [f.rule for f in first.findings] == ["principal-age"]  # 17806 is the ID number's day
    [mismatch] = second.findings
    assert mismatch.rule == "birth-date-mismatch" and "17807(1948-10-01)" in mismatch.message
    assert {(f.rule, f.evidence.get("value")) for f in third.findings} >= {
        ("date-invalid", "19601"),
        ("date-invalid", "37500"),
    }


def test_a_two_digit_birth_year_typed_into_a_number_cell_is_read_as_written(tmp_path: Path) -> None:
    # 60.9 typed into Excel is a number: still date-invalid where the text 60.9 was read (helper-47).
    path = write_workbook(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "出生年月", "社区", "拟任职务"],
        [
            ["甲", make_id("1960-09-15"), 60.9, "青松社区", "居委会委员"],
            ["乙", make_id("1960-10-15"), 60.1, "青松社区", "居委会委员"],
        ],
    )
    first, second = check([path], lang="en").candidates
    assert not first.findings and not second.findings  # 60.1: January or October, the ID number decides


def test_a_birth_date_that_is_no_date_says_why_its_digits_are_hidden(tmp_path: Path) -> None:
    # 出生年月“**..*”不是日期: the value masked in its own message, and nothing said of why, nor how to see it.
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,身份证号,出生年月,社区,拟任职务\n甲,{make_id('1968-01-01')},68..1,青松社区,居委会委员\n",
        "utf-8",
    )
    [masked] = check([path], lang="en").candidates[0].findings
    assert masked.rule == "date-invalid" and masked.evidence["value"] == "**..*"
    assert "its digits are hidden, so that the ID number cannot be worked out" in masked.message
    assert "use --show-pii" in masked.message
    [shown] = check([path], lang="en", show_pii=True).candidates[0].findings
    assert shown.message.startswith("出生年月 value '68..1' is not a date: expected")


@pytest.mark.parametrize("note", ["注：身份证号待补", "备注：身份证过期换领中", "说明：港澳居民", "日期待定"])
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_candidate_at_the_foot_with_a_note_for_an_id_number_is_still_a_candidate(
    tmp_path: Path, note: str, form: str
) -> None:
    # 赵红, her community and post written, 注：身份证号待补 under 身份证号: taken for a footer under the table,
    # she became an info note, and the run passed (helper-46).
    header = ["序号", "姓名", "身份证号", "社区", "拟任职务"]
    rows = [
        ["1", "甲", make_id("1970-01-01"), "青松社区", "居委会委员"],
        ["2", "赵红", note, "青松社区", "居委会委员"],
    ]
    report = check([_roster_file(tmp_path, form, header, rows)], lang="en")
    assert [c.name for c in report.candidates] == ["甲", "赵红"]
    assert report.candidates[1].status == "invalid" and not _footers(report)


@pytest.mark.parametrize(
    ("header", "read_as"),
    [
        ("所在镇", "street"),
        ("所属街道", "street"),
        ("街道办", "street"),
        ("换届选举日期", "election_date"),
        ("是否被剥夺政治权利", "political_rights_deprived"),
        ("有无两违问题", "two_violations"),
        ("身份", None),  # 居民 or 干部: no ID number cut short
        ("身份证地址", None),  # nor one spelt long (helper-47)
        ("出生年份", None),
        ("民族", None),
        ("籍贯", None),
    ],
)
def test_a_header_offices_write_is_read_or_passed_over_but_never_fails_the_run(
    tmp_path: Path, header: str, read_as: str | None
) -> None:
    # 所在镇 and 换届选举日期 were column-misspelt, invalid: a clean roster failed every CI run (helper-46).
    path = tmp_path / "r.csv"
    path.write_text(f"姓名,社区,拟任职务,{header}\n甲,青松社区,居委会委员,\n", "utf-8")
    report = check([path], lang="en")
    assert not [f for f in report.inputs[0].findings if f.severity == "invalid"]
    if read_as is not None:
        assert not [f for f in report.inputs[0].findings if f.rule.startswith("column-")]


@pytest.mark.parametrize(
    ("header", "rule"),
    [
        ("有无综治问题", "governance-record"),
        ("是否有综治问题", "governance-record"),
        ("综治问题情况", "governance-record"),
        ("是否两违", "two-violations"),
        ("有无两违问题", "two-violations"),
        ("是否被剥夺政治权利", "political-rights"),
    ],
)
def test_a_yes_no_column_headed_as_its_question_is_read_as_that_column(
    tmp_path: Path, header: str, rule: str
) -> None:
    # 有无综治问题 was taken for a column 综治 (its question's words taken off both ends): passed over, and a
    # candidate with 有 under it was eligible (helper-59).
    path = tmp_path / "r.csv"
    path.write_text(
        f"姓名,身份证号,社区,拟任职务,{header}\n甲,{make_id('1970-01-01')},青松社区,居委会委员,有\n", "utf-8"
    )
    [candidate] = check([path], lang="en").candidates
    assert [f.rule for f in candidate.findings] == [rule]


def test_a_name_struck_through_is_checked_and_said(tmp_path: Path) -> None:
    # 删除线 marks a candidate withdrawn in Chinese offices: the row was read without a word (helper-45).
    from openpyxl.styles import Font

    path = write_workbook(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号", "社区", "拟任职务"],
        [
            ["甲", make_id("1970-01-01"), "青松社区", "居委会委员"],
            ["乙", make_id("1971-01-01"), "青松社区", "居委会委员"],
        ],
    )
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["A3"].font = Font(strike=True)
    sheet["C2"].font = Font(strike=True)  # a struck community, not a name: the person is not withdrawn
    book.save(path)
    first, second = check([path], lang="en").candidates
    assert not first.findings
    [struck] = second.findings
    assert (struck.rule, struck.severity) == ("row-struck", "warning")
    assert "the name on row 3 is struck through" in struck.message


def _roster_file(tmp_path: Path, form: str, header: list[str], rows: list[list[str]]) -> Path:
    """The same rows as a CSV file or as a workbook."""
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", "utf-8")
        return path
    return write_workbook(tmp_path / "r.xlsx", header, rows)


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "title", ["乙社区候选人名单", "乙社区两委候选人花名册", "乙社区拟任人选一览表", "（二）乙社区："]
)
def test_the_title_of_a_second_table_stacked_under_the_first_is_no_candidate(
    tmp_path: Path, title: str, form: str
) -> None:
    # 乙社区候选人名单 above a second header was a candidate of that name, its age, post and community unchecked
    # and said so (helper-60), and then an invalid row, failing the run: it stands above the header written
    # again, and is said on the file as the title it is. (A name alone above it, 二、乙社区, is still a candidate
    # whose other cells are missing: a person's row is never set aside on a guess.)
    header = ["姓名", "性别", "身份证号", "社区", "拟任职务"]
    rows = [
        ["人1", "男", make_id("1970-01-01"), "甲社区", "党支部书记、居委会主任"],
        ["", "", "", "", ""],
        [title, "", "", "", ""],
        header,
        ["人2", "男", make_id("1971-01-01"), "乙社区", "党支部书记、居委会主任"],
    ]
    report = check([_roster_file(tmp_path, form, header, rows)], lang="en")
    assert [(c.name, [f.rule for f in c.findings]) for c in report.candidates] == [("人1", []), ("人2", [])]
    [said] = [f for f in report.inputs[0].findings if f.rule == "row-table-title"]
    assert (said.severity, said.evidence["line"], said.evidence["header_line"]) == ("info", 4, 5)
    cell = "A4" if form == "csv" else "候选人!A4"
    assert said.message.startswith(
        f"line 4 ({title!r}, cell {cell}) stands above the header written again on line 5"
    )


def test_a_row_of_no_candidate_amid_the_rows_is_still_said_on_its_row(tmp_path: Path) -> None:
    # Only above the header written again is such a row a title: amid the rows, or under the last, a row of some
    # words and no name, community or post may be a candidate written wrong, and is said on its row.
    header = ["姓名", "性别", "身份证号", "社区", "拟任职务"]
    rows = [
        ["人1", "男", make_id("1970-01-01"), "甲社区", "党支部书记、居委会主任"],
        ["乙社区候选人名单", "", "", "", ""],
        ["人2", "男", make_id("1971-01-01"), "乙社区", "党支部书记、居委会主任"],
        ["", "", "2006-09-01", "", ""],
    ]
    report = check([_roster_file(tmp_path, "csv", header, rows)], lang="en")
    assert [(c.name, [f.rule for f in c.findings]) for c in report.candidates] == [
        ("人1", []),
        ("乙社区候选人名单", ["row-not-a-candidate"]),
        ("人2", []),
        ("", ["row-not-a-candidate"]),
    ]
    assert not [f for f in report.inputs[0].findings if f.rule in ("row-table-title", "row-footer")]


def test_markdown_names_a_row_with_its_sheet_in_a_workbook_of_several(tmp_path: Path) -> None:
    # Row 2 of 东湖街道 and row 2 of 西岭街道 were both "2" in the markdown, where the table says 东湖街道!2
    # (helper-60).
    book = openpyxl.Workbook()
    for index, street in enumerate(("东湖街道", "西岭街道")):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = street
        sheet.append(["姓名", "身份证号", "社区", "拟任职务"])
        sheet.append([f"{street}甲", make_id(f"197{index}-01-01"), "青松社区", "居委会委员"])
    path = tmp_path / "r.xlsx"
    book.save(path)
    said = CliRunner().invoke(app, ["check", str(path), "--format", "markdown"]).stdout
    rows = [line for line in said.splitlines() if "甲 |" in line]
    assert [row.split(" | ")[0] for row in rows] == ["| 东湖街道!2", "| 西岭街道!2"], said


def test_a_json_roster_with_keys_a_report_has_is_still_a_roster(tmp_path: Path) -> None:
    # helper-88: 来源 exported as source, 拟提名 under status, 无 under findings: set aside as this tool's report
    # (info), 王一 — 两违, 综治, deprived of his rights — unchecked, and the run passed.
    record = {
        "姓名": "王一",
        "身份证号": make_id("1950-02-02"),
        "社区": "青松社区",
        "拟任职务": "居委会主任",
        "两违": "是",
        "source": "街道推荐",
        "status": "拟提名",
        "findings": "无",
    }
    folder = tmp_path / "submitted"
    folder.mkdir()
    (folder / "b.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    report = check([folder], election_date="2006-09-30")
    assert [c.status for c in report.candidates] == ["ineligible"]
    # The tool's own JSON report is still known as one.
    written = tmp_path / "report.json"
    CliRunner().invoke(app, ["check", str(EXAMPLES / "roster.csv"), "--format", "json", "-o", str(written)])
    (folder / "report.json").write_bytes(written.read_bytes())
    again = check([folder], election_date="2006-09-30")
    assert len(again.candidates) == 1
    assert "file-skipped-report" in {f.rule for i in again.inputs for f in i.findings}


def test_a_blank_template_among_the_rosters_named_stops_no_check(tmp_path: Path) -> None:
    # helper-89: check *.xlsx with the blank template beside the filled rosters stopped with exit 2, every other
    # roster unchecked; in a folder the template was a warning, and so it is among files named.
    template = tmp_path / "roster.xlsx"
    assert CliRunner().invoke(app, ["template", str(template)]).exit_code == 0
    roster = tmp_path / "东湖.csv"
    roster.write_bytes((EXAMPLES / "roster.csv").read_bytes())
    result = CliRunner().invoke(app, ["check", str(template), str(roster), "--format", "json"])
    assert result.exit_code == 1, result.output  # the roster's own findings
    report = json.loads(result.stdout)
    assert report["summary"]["candidates"] == 21
    said = {(Path(i["path"]).name, f["rule"], f["severity"]) for i in report["inputs"] for f in i["findings"]}
    assert ("roster.xlsx", "file-no-candidates", "warning") in said
    # Named alone, it is the file the officer meant: said, and the run stops.
    assert CliRunner().invoke(app, ["check", str(template)]).exit_code == 2


def test_a_roster_saved_twice_into_the_folder_is_checked_once(tmp_path: Path) -> None:
    # 名册.csv and 名册(1).csv, the same bytes: each row of the second was a duplicate-person (invalid), and the
    # run failed on a copy. A copy is set aside with a warning naming the file it copies, which is read; a copy
    # that differs is read. 名册(1).csv sorts before 名册.csv ("(" before "."): 名册.csv was said the copy
    # (helper-108), and so was 名册 - 副本.csv's original.
    folder = tmp_path / "东湖街道"
    folder.mkdir()
    roster = (EXAMPLES / "roster.csv").read_bytes()
    (folder / "名册.csv").write_bytes(roster)
    (folder / "名册(1).csv").write_bytes(roster)
    (folder / "名册 - 副本.csv").write_bytes(roster)
    for jobs in (1, 2):
        report = check([folder], communities=EXAMPLES / "communities.csv", jobs=jobs)
        assert report.summary.candidates == 21
        assert not any(f.rule == "duplicate-person" for c in report.candidates for f in c.findings)
        assert [Path(i.path).name for i in report.inputs if i.rows] == ["名册.csv"]
        for copy in (i for i in report.inputs if i.rows == 0):
            [said] = copy.findings
            assert (said.rule, said.severity) == ("file-copy-of", "warning")
            assert said.message.startswith(f"这个文件与 {folder.as_posix()}/名册.csv 内容完全相同")
    # The same bytes piped on standard input beside the file (helper-94).
    piped = CliRunner().invoke(
        app, ["check", str(folder / "名册.csv"), "-", "--format", "json", "--fail-on", "never"], input=roster
    )
    said = json.loads(piped.stdout)
    assert said["summary"]["candidates"] == 21
    assert [(i["path"], [f["rule"] for f in i["findings"]]) for i in said["inputs"] if not i["rows"]] == [
        ("<stdin>", ["file-copy-of"])
    ]
    # One cell changed: two rosters that disagree, each read, and the second's rows said as the same people.
    (folder / "名册 - 副本.csv").unlink()
    (folder / "名册(1).csv").write_bytes(roster.replace(b"1962.05.12", b"1962.05.13"))
    assert len(roster) == len((folder / "名册(1).csv").read_bytes())
    report = check([folder], communities=EXAMPLES / "communities.csv")
    assert report.summary.candidates == 42
    first = [c for c in report.candidates if c.source.path.endswith("名册(1).csv")]
    said_twice = [c for c in report.candidates if any(f.rule == "duplicate-person" for f in c.findings)]
    # Every row but 朱大勇's, whose ID number fails its check character and so names nobody.
    checked = [c for c in first if not any(f.rule == "id-number-checksum" for f in c.findings)]
    assert len(said_twice) == len(checked) == 20


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_rows_under_the_header_written_again_in_another_order_are_read_by_it(
    tmp_path: Path, form: str
) -> None:
    # A second table stacked under the first, its 亲属 and 被剥夺政治权利 swapped: read by the first header's
    # places, 丁四's 是 was a relative and he, deprived of political rights, passed (helper-91). Then a third
    # table with 姓名 moved: its header was a candidate named 性别.
    header = ["姓名", "性别", "身份证号", "社区", "拟任职务", "被剥夺政治权利", "亲属"]
    swapped = ["姓名", "性别", "身份证号", "社区", "拟任职务", "亲属", "被剥夺政治权利"]
    moved = ["性别", "姓名", "身份证号", "社区", "拟任职务", "被剥夺政治权利", "亲属"]
    rows = [
        ["甲一", "男", make_id("1970-01-01"), "甲社区", "居委会委员", "否", ""],
        swapped,
        ["丁四", "男", make_id("1960-01-01"), "甲社区", "居委会委员", "", "是"],
        ["戊五", "女", make_id("1961-01-01", "女"), "甲社区", "居委会委员", "甲一", "否"],
        moved,
        ["男", "己六", make_id("1962-01-01"), "甲社区", "居委会主任", "是", ""],
    ]
    for jobs in (1, 2):
        report = check([_roster_file(tmp_path, form, header, rows)], lang="en", jobs=jobs)
        by_name = {c.name: c for c in report.candidates}
        assert list(by_name) == ["甲一", "丁四", "戊五", "己六"]
        sheet = "" if form == "csv" else "候选人!"
        assert [(f.rule, f.evidence.get("cell")) for f in by_name["丁四"].findings] == [
            ("political-rights", f"{sheet}G4")
        ]
        assert by_name["丁四"].status == by_name["己六"].status == "ineligible"
        assert not by_name["戊五"].findings and by_name["甲一"].status == "eligible"  # 甲一 is on the team
        said = [
            (f.evidence["line"], f.message) for f in report.inputs[0].findings if f.rule == "header-reordered"
        ]
        assert said == [
            (
                3,
                "line 3 writes the header again with its columns in another order (亲属、被剥夺政治权利 moved): "
                "the rows under it are read by it; check them",
            ),
            (
                6,
                "line 6 writes the header again with its columns in another order (性别、姓名、被剥夺政治权利、亲属 "
                "moved): the rows under it are read by it; check them",
            ),
        ]


def test_a_header_again_whose_texts_repeat_is_not_guessed_at(tmp_path: Path) -> None:
    # Two columns written alike (备注 twice) cannot be told apart in another order: the row is not taken for the
    # header, and is said as the row it is, never read by a guess.
    header = ["姓名", "性别", "身份证号", "社区", "拟任职务", "备注", "备注"]
    rows = [
        ["甲一", "男", make_id("1970-01-01"), "甲社区", "居委会委员", "", ""],
        ["姓名", "备注", "性别", "身份证号", "社区", "拟任职务", "备注"],
    ]
    report = check([_roster_file(tmp_path, "csv", header, rows)], lang="en")
    assert [c.name for c in report.candidates] == ["甲一", "姓名"]
    assert report.candidates[1].status == "invalid"


def test_the_recycle_bin_of_a_drive_checked_whole_is_not_read(tmp_path: Path) -> None:
    # A USB stick of rosters checked at its root: the deleted roster kept in $RECYCLE.BIN as $R7XK2.csv was read,
    # each of its candidates a second time, a duplicate-person of the roster kept.
    roster = (EXAMPLES / "roster.csv").read_bytes()
    (tmp_path / "名册.csv").write_bytes(roster)
    for folder in ("$RECYCLE.BIN/S-1-5-21-1", "System Volume Information"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "$R7XK2.csv").write_bytes(roster.replace("社区".encode(), "社区 ".encode()))
    report = check([tmp_path], lang="en")
    assert [Path(i.path).name for i in report.inputs] == ["名册.csv"]
    assert report.summary.candidates == 21


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_roster_whose_name_lost_its_extension_is_read_as_what_it_holds(tmp_path: Path, kind: str) -> None:
    # A chat app's download 翠竹社区, its extension dropped: noted as a file of unknown type, its candidates went
    # unchecked and the run passed even at --fail-on warning (helper-100). Named on its own, it was refused as
    # "unsupported file type ''".
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "青松社区.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    lines = (EXAMPLES / "roster.csv").read_text(encoding="utf-8").splitlines()
    rows = [lines[0], *(line.replace("青松社区", "梅园社区") for line in lines[1:3])]
    renamed = folder / "梅园社区"
    if kind == "csv":
        renamed.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    else:
        book = openpyxl.Workbook()
        for line in rows:
            book.active.append(line.split(","))
        book.save(renamed)
    (folder / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    report = check([folder], lang="en")
    read = {Path(i.path).name: i for i in report.inputs}
    assert (read["梅园社区"].format, read["梅园社区"].rows) == (kind, 2)
    [note] = read["梅园社区"].findings
    assert (note.rule, note.severity) == ("file-no-extension", "info")
    assert note.message == (
        f"this file has no extension but holds a roster: it was read and checked as {kind}; rename it with .{kind}"
    )
    assert [f.rule for f in read["LICENSE"].findings] == ["file-skipped-unknown-type"]
    names = [c.name for c in report.candidates if Path(c.source.path).name == "梅园社区"]
    assert names == [r.split(",")[0] for r in rows[1:]]
    # The same with the rosters shared among workers, and the file named on its own.
    args = ["check", str(folder), "--lang", "en", "--format", "json"]
    one, two = (CliRunner().invoke(app, [*args, *jobs]).stdout for jobs in ([], ["--jobs", "2"]))
    assert one == two
    alone = check([renamed], lang="en")
    assert alone.summary.candidates == 2
    refused = CliRunner().invoke(app, ["check", str(folder / "LICENSE"), "--lang", "en"])
    assert refused.exit_code == 2
    assert "the file has no extension and does not look like a roster" in refused.stderr


def test_a_header_padded_by_an_empty_column_asks_no_row_to_reach_it(tmp_path: Path) -> None:
    # The first header saved with an empty column on its right (a spreadsheet's padding): every row under the header
    # written again, narrower, was row-too-short, invalid (helper-99 found it); a row of the first table trimmed
    # of that empty cell was too. A row short of a named column still is.
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,性别,出生年月,社区,拟任职务,两违,\n"
        "甲,男,1965-05,青松社区,居委会委员,否,\n"
        "乙,女,1966-05,青松社区,居委会委员,否\n"
        "性别,姓名,出生年月,社区,拟任职务,两违\n"
        "女,丙,1967-05,翠竹社区,居委会委员,否\n"
        "男,丁,1968-05,翠竹社区,居委会委员\n",
        encoding="utf-8",
    )
    report = check([path], election_date=dt.date(2006, 9, 30), lang="en")
    said = {c.name: [(f.rule, f.message) for f in c.findings] for c in report.candidates}
    assert said["甲"] == said["乙"] == said["丙"] == []
    assert said["丁"] == [
        (
            "row-too-short",
            "the row has only 5 cells, fewer than the 6 columns of the header; cells may have shifted",
        )
    ]


def test_a_narrower_header_written_again_in_the_same_order_asks_rows_only_to_reach_it(tmp_path: Path) -> None:
    # The first table had 联系电话 on its right, the second not: every row under the second was row-too-short,
    # invalid (helper-103).
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,性别,出生年月,社区,拟任职务,联系电话\n甲,男,1965-05,青松社区,居委会委员,123\n"
        "姓名,性别,出生年月,社区,拟任职务\n丙,女,1967-05,翠竹社区,居委会委员\n丁,女,1967-05,翠竹社区\n",
        encoding="utf-8",
    )
    report = check([path], election_date=dt.date(2006, 9, 30))
    said = {c.name: [f.rule for f in c.findings] for c in report.candidates}
    assert said == {"甲": [], "丙": [], "丁": ["row-too-short", "required-missing"]}


def test_a_folder_of_rosters_whose_names_lost_their_extension_is_checked(tmp_path: Path) -> None:
    # Only such files in the folder: refused as "the folder holds no roster file" (helper-103). A header spaced
    # out (姓　名), a name whose last dot is no type's (青松社区名册2006.9), and JSON of escaped Chinese are rosters too.
    lines = (EXAMPLES / "roster.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "青松社区").write_text(
        "\n".join([lines[0].replace("姓名", "姓　名"), *lines[1:3]]) + "\n", encoding="gbk"
    )
    (tmp_path / "青松社区名册2006.9").write_text("\n".join(lines[:1] + lines[3:5]) + "\n", encoding="utf-8")
    (tmp_path / "梅园社区").write_text(
        json.dumps([{"姓名": "甲", "社区": "梅园社区", "拟任职务": "居委会委员"}]), encoding="utf-8"
    )
    report = check([tmp_path], lang="en")
    read = {Path(i.path).name: (i.format, i.rows, [f.rule for f in i.findings]) for i in report.inputs}
    assert read == {
        "梅园社区": ("json", 1, ["file-no-extension"]),
        "青松社区": ("csv", 2, ["file-no-extension"]),
        "青松社区名册2006.9": ("csv", 2, ["file-no-extension"]),
    }


def test_a_workbook_or_document_the_tool_does_not_read_is_said_so_without_its_extension(
    tmp_path: Path,
) -> None:
    # A .docx holding the roster's table, or an old .xls, saved without an extension was only noted as a file of
    # unknown type, and the run passed with its candidates unchecked, where with its extension it fails the run
    # (file-unread); named alone, it was said to look like no roster (helper-103).
    import zipfile

    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    with zipfile.ZipFile(tmp_path / "候选人名册", "w") as document:
        document.writestr(
            "word/document.xml", "<w:tbl><w:t>姓名</w:t><w:t>拟任职务</w:t><w:t>社区</w:t></w:tbl>"
        )
    (tmp_path / "旧名册").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "Workbook".encode("utf-16-le")
    )
    report = check([tmp_path], lang="en")
    read = {Path(i.path).name: (i.format, [(f.rule, f.severity) for f in i.findings]) for i in report.inputs}
    assert read["候选人名册"] == ("docx", [("file-unread", "invalid")])
    assert read["旧名册"] == ("xls", [("file-unread", "invalid")])
    # Alone in their folder, they are files not read, failing the run, not a folder holding nothing to check.
    (tmp_path / "a.csv").unlink()
    alone_in_folder = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en"])
    assert alone_in_folder.exit_code == 1 and "file-unread" in alone_in_folder.stdout, alone_in_folder.output
    for name, said in (
        ("候选人名册", "a word-processing document (.docx)"),
        ("旧名册", "an old Excel 97-2003 .xls workbook"),
    ):
        alone = CliRunner().invoke(app, ["check", str(tmp_path / name), "--lang", "en"])
        assert alone.exit_code == 2 and said in alone.stderr, alone.stderr


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_header_written_again_in_other_words_or_without_a_column_not_read_is_a_header(
    tmp_path: Path, form: str
) -> None:
    # The first header writes 出生年月 with a remark on a second line of its cell, the second without it and with
    # 亲属 and 被剥夺政治权利 swapped, the third drops 联系电话, which no rule reads: each was a candidate named 姓名,
    # and the rows under them were read by the first header's places, 吴九's 是 a relative and he passed
    # (helper-103).
    header = ["姓名", "性别", "出生年月\n（年龄）", "社区", "拟任职务", "亲属", "被剥夺政治权利", "联系电话"]
    rows = [
        ["甲", "男", "1965-05", "青松社区", "居委会委员", "", "否", "123"],
        ["姓名", "性别", "出生年月", "社区", "拟任职务", "被剥夺政治权利", "亲属", "联系电话"],
        ["吴九", "男", "1966-05", "翠竹社区", "居委会委员", "是", "", "123"],
        ["姓 名", "性别", "出生年月", "社区", "拟任职务", "被剥夺政治权利", "亲属"],
        ["郑十", "男", "1967-05", "翠竹社区", "居委会委员", "是", ""],
    ]
    if form == "csv":  # quoted, as Excel saves a cell holding a line break
        path = tmp_path / "r.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([header, *rows])
    else:
        path = write_workbook(tmp_path / "r.xlsx", header, rows)
    for jobs in (1, 2):
        report = check([path], election_date="2006-09-30", jobs=jobs)
        said = {c.name: (c.status, [f.rule for f in c.findings]) for c in report.candidates}
        assert said == {
            "甲": ("eligible", []),
            "吴九": ("ineligible", ["political-rights"]),
            "郑十": ("ineligible", ["political-rights"]),
        }
        reordered = [f.evidence["line"] for f in report.inputs[0].findings if f.rule == "header-reordered"]
        # The second header's line (the first's 出生年月 cell spans two lines of the CSV); the third is the second
        # again, short of 联系电话: no column moved.
        assert reordered == [4 if form == "csv" else 3]


def test_a_note_without_an_extension_is_noted_not_read_as_a_roster(tmp_path: Path) -> None:
    # A README or 说明 with no extension in a district's folder: "filename" and "community" in its sentences, or
    # 姓名 and 村 in a 说明, made it a roster not read, failing the run (helper-104). A header line decides; a second
    # download's name (青松社区名册2006.9 (1)) counts as one with no extension.
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    (tmp_path / "NOTES").write_text("Updated: the community filename convention is unchanged.\n", "utf-8")
    (tmp_path / "README").write_text("Fill one row per candidate: name, community, roles.\n", "utf-8")
    (tmp_path / "说明").write_text(
        "说明：各村名册另发，姓名请写全\n说明：姓名: 请写全，村委会另发\n", "utf-8"
    )
    # A JSON roster written on one line, a long remark in it: known by its 姓名 key.
    record = {
        "姓名": "甲",
        "社区": "梅园社区",
        "拟任职务": "居委会委员",
        "备注": "这是一段很长很长很长很长很长的备注文字",
    }
    (tmp_path / "梅园社区").write_text(json.dumps([record]), "utf-8")
    lines = (EXAMPLES / "roster.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "青松社区名册2006.9 (1)").write_text("\n".join(lines[:1] + lines[3:5]) + "\n", "utf-8")
    report = check([tmp_path], lang="en")
    read = {Path(i.path).name: (i.rows, [f.rule for f in i.findings]) for i in report.inputs}
    assert read == {
        "NOTES": (0, ["file-skipped-unknown-type"]),
        "README": (0, ["file-skipped-unknown-type"]),
        "a.csv": (21, []),
        "梅园社区": (1, ["file-no-extension"]),
        "说明": (0, ["file-skipped-unknown-type"]),
        "青松社区名册2006.9 (1)": (2, ["file-no-extension"]),
    }
    assert {f.severity for i in report.inputs for f in i.findings} == {"info"}


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_header_written_again_with_a_remark_on_its_name_or_a_column_added_is_not_misread(
    tmp_path: Path, form: str
) -> None:
    # 姓名（曾用名） over the second table, 亲属 and 被剥夺政治权利 swapped: it was a candidate, and 甲83's 是 was read
    # as a relative, so he passed. A header written again that adds a column the first lacked (被剥夺政治权利) is no
    # header of the first's: its row and the rows under it stay records, said (helper-104).
    header = ["姓名", "性别", "出生年月", "社区", "拟任职务", "亲属", "被剥夺政治权利"]
    rows = [
        ["甲", "男", "1965-05", "青松社区", "居委会委员", "", "否"],
        ["姓名（曾用名）", "性别", "出生年月", "社区", "拟任职务", "被剥夺政治权利", "亲属"],
        ["甲83", "男", "1966-05", "翠竹社区", "居委会委员", "是", ""],
    ]
    report = check([_roster_file(tmp_path, form, header, rows)], election_date="2006-09-30")
    said = {c.name: (c.status, [f.rule for f in c.findings]) for c in report.candidates}
    assert said == {"甲": ("eligible", []), "甲83": ("ineligible", ["political-rights"])}
    narrow = ["姓名", "性别", "出生年月", "社区", "拟任职务", "亲属"]
    added = [
        ["甲", "男", "1965-05", "青松社区", "居委会委员", ""],
        ["姓名", "性别", "出生年月", "社区", "拟任职务", "被剥夺政治权利", "亲属"],
        ["甲42", "男", "1966-05", "翠竹社区", "居委会委员", "是", ""],
    ]
    report = check([_roster_file(tmp_path, form, narrow, added)], election_date="2006-09-30")
    assert not [f for f in report.inputs[0].findings if f.rule == "header-reordered"]
    assert fails(report, "ineligible")  # said, one way or another: never 甲42 passing in silence


def _one_and_two_processes(path: Path, *more: str) -> str:
    """The JSON report of one process, asserted byte for byte the same as two processes give."""
    args = ["check", str(path), "--lang", "en", "--format", "json", "--election-date", "2006-09-30", *more]
    one, two = (CliRunner().invoke(app, [*args, *jobs]) for jobs in ([], ["--jobs", "2"]))
    assert one.stdout == two.stdout
    return one.stdout


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_header_written_again_in_other_aliases_of_its_columns_is_read_by_them(
    tmp_path: Path, form: str
) -> None:
    # The contract's other headers of a column (公民身份号码 for 身份证号, 学历 for 文化程度, 所在社区 for 社区,
    # 出生日期 for 出生年月) over a second table: it was a candidate named 姓名, invalid, and the rows under it were
    # read by the first header's places, 被剥夺政治权利's 是 read as a relative and 乙 passing. The first table runs
    # past a --jobs batch (2,000 rows), so the header again is met by a worker other than the first's.
    header = [
        "姓名",
        "性别",
        "身份证号",
        "出生年月",
        "文化程度",
        "社区",
        "拟任职务",
        "亲属",
        "被剥夺政治权利",
    ]
    first = [
        [
            f"甲{n}",
            "男",
            make_id(dt.date(1960, 1, 1) + dt.timedelta(days=n)),
            "",
            "高中",
            "甲社区",
            "居委会委员",
            "",
            "否",
        ]
        for n in range(2100)
    ]
    same_places = [
        "姓名",
        "性别",
        "身份证号码",
        "出生日期",
        "学历",
        "所在社区",
        "拟任职务",
        "亲属",
        "被剥夺政治权利",
    ]
    moved = [
        "姓名",
        "性别",
        "公民身份号码",
        "出生日期",
        "学历",
        "所在社区",
        "拟任职务",
        "被剥夺政治权利",
        "亲属",
    ]
    rows = [
        *first,
        same_places,
        ["乙", "男", make_id("1961-01-01"), "1961-01", "高中", "乙社区", "居委会委员", "", "否"],
        moved,
        ["丙", "男", make_id("1962-01-01"), "1962-01", "高中", "丙社区", "居委会委员", "是", ""],
    ]
    said = json.loads(_one_and_two_processes(_roster_file(tmp_path, form, header, rows)))
    last = {c["name"]: (c["status"], [f["rule"] for f in c["findings"]]) for c in said["candidates"][2100:]}
    assert last == {"乙": ("eligible", []), "丙": ("ineligible", ["political-rights"])}
    [ineligible] = [f for c in said["candidates"] if c["name"] == "丙" for f in c["findings"]]
    assert ineligible["evidence"]["cell"] == ("" if form == "csv" else "候选人!") + "H2105"
    notes = [(f["rule"], f["message"]) for f in said["inputs"][0]["findings"]]
    assert notes == [
        (
            "header-reordered",
            "line 2104 writes the header again with its columns in another order (被剥夺政治权利、亲属 moved): the "
            "rows under it are read by it; check them",
        )
    ]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize("remarks", ["left-out", "added"])
def test_a_header_written_again_without_or_with_remarks_is_read_by_it(
    tmp_path: Path, form: str, remarks: str
) -> None:
    # The bundled rules read 备注, blank where a roster has none (missing: blank): a second table whose header left
    # it out, or added it, was no longer the header written again but a candidate named 姓名, and every row under
    # it row-too-short or row-too-long, invalid (helper-113; before the remark rules, 备注 a column no rule read,
    # both tables were read). Read by it: 备注 left out is blank on its rows, added is read. The first table runs
    # past a --jobs batch (2,000 rows), so the header again is met by a worker other than the first's.
    narrow = ["姓名", "性别", "出生年月", "社区", "拟任职务", "被剥夺政治权利"]
    wide = [*narrow, "备注"]
    first_header, again = (wide, narrow) if remarks == "left-out" else (narrow, wide)
    remark = ["2003年被剥夺政治权利"] if again is wide else []
    rows = [
        *(
            [f"甲{n}", "男", "1965-05", "甲社区", "居委会委员", "否"] + [""] * (first_header is wide)
            for n in range(2100)
        ),
        again,
        ["乙", "女", "1967-05", "乙社区", "居委会委员", "否", *remark],
        ["丙", "女", "1968-05", "乙社区", "居委会委员", "否", *[""] * len(remark)],
    ]
    said = json.loads(_one_and_two_processes(_roster_file(tmp_path, form, first_header, rows)))
    last = {c["name"]: (c["status"], [f["rule"] for f in c["findings"]]) for c in said["candidates"][2099:]}
    assert last == {
        "甲2099": ("eligible", []),
        "乙": ("eligible", ["remark-political-rights"] if remark else []),
        "丙": ("eligible", []),
    }
    assert said["inputs"][0]["findings"] == []
    if remark:  # the remark under the 备注 the header written again added, the rule run on its rows alone
        [finding] = [f for c in said["candidates"] if c["name"] == "乙" for f in c["findings"]]
        assert finding["evidence"]["remarks"] == "2003年被剥夺政治权利"


def _two_row_file(tmp_path: Path, form: str, rows: list[list[str]], merges: list[str]) -> Path:
    """The rows as a CSV file, or as a workbook with those cells merged (A3:A4), as Excel leaves a grouped header."""
    if form == "csv":
        path = tmp_path / "r.csv"
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")
        return path
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "候选人"
    for row in rows:
        sheet.append([cell or None for cell in row])
    for merged in merges:
        sheet.merge_cells(merged)
    path = tmp_path / "r.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize("first", ["one-row", "two-rows"])
@pytest.mark.parametrize("grouped", ["name-merged-down", "name-under-group"])
def test_a_header_written_again_in_two_rows_is_a_header_its_group_row_said_as_its_title(
    tmp_path: Path, form: str, first: str, grouped: str
) -> None:
    # A second table pasted under the first with its grouped header of two rows (基本情况 over 性别, 身份证号 and
    # 出生年月; 拟任情况 over 社区 and 拟任职务), under a first header of one row or of the same two: the group row
    # was a candidate named 姓名 or 基本情况, invalid, and the row of names under it one with no name; or, 姓名
    # merged down, the rows under it were read by the first header's places (the last one read as a relative).
    if grouped == "name-merged-down":
        upper = ["姓名", "基本情况", "", "", "拟任情况", "", "被剥夺政治权利", "亲属"]
        lower = ["", "性别", "身份证号", "出生年月", "社区", "拟任职务", "", ""]
        merges = ["A{0}:A{1}", "B{0}:D{0}", "E{0}:F{0}", "G{0}:G{1}", "H{0}:H{1}"]
    else:
        upper = ["基本情况", "", "", "", "拟任情况", "", "", ""]
        lower = ["姓名", "性别", "身份证号", "出生年月", "社区", "拟任职务", "被剥夺政治权利", "亲属"]
        merges = ["A{0}:D{0}", "E{0}:H{0}"]
    one_row = ["姓名", "性别", "身份证号", "出生年月", "社区", "拟任职务", "亲属", "被剥夺政治权利"]
    head = [one_row] if first == "one-row" else [upper, lower]
    top = len(head) + 2  # the line the second table's header starts on
    rows = [
        *head,
        ["甲", "男", make_id("1960-01-01"), "1960-01", "甲社区", "居委会委员", "", "否"],
        upper,
        lower,
        ["乙", "男", make_id("1961-01-01"), "1961-01", "乙社区", "居委会委员", "是", ""],
    ]
    path = _two_row_file(tmp_path, form, rows, [m.format(top, top + 1) for m in merges])
    said = json.loads(_one_and_two_processes(path))
    people = {c["name"]: (c["status"], [f["rule"] for f in c["findings"]]) for c in said["candidates"]}
    assert people == {"甲": ("eligible", []), "乙": ("ineligible", ["political-rights"])}
    findings = said["inputs"][0]["findings"]
    # A header of one row written again as two: its columns moved (亲属 and 被剥夺政治权利), said. Of two rows
    # written again as they were, nothing moved.
    moved = [f["evidence"]["line"] for f in findings if f["rule"] == "header-reordered"]
    assert moved == ([top + 1] if first == "one-row" else [])
    # The group row is said as the title of the table under it; where the first header's two rows were one
    # header (姓名 merged down both), its rows written again are passed over as it is.
    titles = [
        (f["evidence"]["line"], f["evidence"]["header_line"])
        for f in findings
        if f["rule"] == "row-table-title"
    ]
    one_header = first == "two-rows" and grouped == "name-merged-down"
    assert titles == ([] if one_header else [(top, top + 1)])
    assert not [f for f in findings if f["rule"] not in ("header-reordered", "row-table-title")]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_header_written_again_wider_reads_its_rows_and_says_its_column_not_read(
    tmp_path: Path, form: str
) -> None:
    # The second table adds 联系电话, the third puts it between the columns and moves 亲属: every row under them,
    # holding a phone number, was row-too-long, invalid (or its cell said as right of the header, in a workbook).
    header = ["姓名", "性别", "出生年月", "社区", "拟任职务", "亲属", "被剥夺政治权利"]
    rows = [
        ["甲", "男", "1965-05", "青松社区", "居委会委员", "", "否"],
        [*header, "联系电话"],
        ["乙", "男", "1966-05", "翠竹社区", "居委会委员", "", "是", "13800000000"],
        ["姓名", "性别", "出生年月", "社区", "联系电话", "拟任职务", "被剥夺政治权利", "亲属", "备用电话"],
        ["丙", "女", "1967-05", "梅园社区", "13900000000", "居委会委员", "否", "", "0591-1234567"],
    ]
    said = json.loads(_one_and_two_processes(_roster_file(tmp_path, form, header, rows)))
    people = {c["name"]: (c["status"], [f["rule"] for f in c["findings"]]) for c in said["candidates"]}
    assert people == {
        "甲": ("eligible", []),
        "乙": ("ineligible", ["political-rights"]),
        "丙": ("eligible", []),
    }
    notes = [(f["rule"], f["severity"], f["message"]) for f in said["inputs"][0]["findings"]]
    assert notes == [
        (
            "column-not-read",
            "warning",
            "line 3 writes the header again with a column '联系电话' added, which no rule reads: it is not read on "
            "the rows under it",
        ),
        (
            "header-reordered",
            "warning",
            "line 5 writes the header again with its columns in another order (拟任职务、亲属 moved): the rows "
            "under it are read by it; check them",
        ),
        (
            "column-not-read",
            "warning",
            "line 5 writes the header again with a column '备用电话' added, which no rule reads: it is not read on "
            "the rows under it",
        ),
    ]
    # In Chinese too.
    zh = check([_roster_file(tmp_path, form, header, rows)], election_date="2006-09-30")
    assert next(f.message for f in zh.inputs[0].findings if f.rule == "column-not-read") == (
        "第 3 行又写了一遍表头，多出“联系电话”列，没有规则读取它：其下各行的这一列未读取"
    )
