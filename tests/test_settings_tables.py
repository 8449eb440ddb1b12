"""The communities and approvals tables as officers keep them: one street to a sheet, a folder given by mistake,
a row shifted by a comma, a column written twice, a community with and without its street."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from eligibility import check
from eligibility.cli import app
from eligibility.errors import RosterError

from conftest import EXAMPLES, make_id, only, passed_over, person, team

HEADER = "街道,社区,选举日期,党组织核定职数,居委会核定职数\n"


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def two_streets(path: Path, second_day: str) -> Path:
    """A communities workbook with one street to a sheet: 东湖街道's 青松社区, then 西岭街道's 梅园社区."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "东湖街道"
    first.append(["街道", "社区", "选举日期"])
    first.append(["东湖街道", "青松社区", "2006-09-20"])
    second = book.create_sheet("西岭街道")
    second.append(["街道", "社区", "选举日期"])
    second.append(["西岭街道", "梅园社区", second_day])
    book.save(path)
    return path


def test_every_sheet_of_a_communities_workbook_is_read(run: Any, tmp_path: Path) -> None:
    # A district keeps one street to a sheet: the second street's election day was lost without a word.
    path = two_streets(tmp_path / "communities.xlsx", "2006-09-21")
    report = run(
        [person(), person(street="西岭街道", community="梅园社区")],
        communities=path,
        election_date="2006-09-30",
    )
    assert [(t.community, str(t.election_date)) for t in report.teams] == [
        ("青松社区", "2006-09-20"),
        ("梅园社区", "2006-09-21"),
    ]


def test_every_sheet_of_an_approvals_workbook_is_read(run: Any, tmp_path: Path) -> None:
    candidate = person(roles="党支部书记", birth_date="1948-09-30", street="西岭街道", community="梅园社区")
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.append(["身份证号", "规则", "批复文号", "批复日期"])
    first.append([make_id("1950-01-01"), "principal-age", "组审〔2006〕1号", "2006-09-01"])
    second = book.create_sheet("西岭街道")
    second.append(["身份证号", "规则", "批复文号", "审批单位", "批复日期"])
    second.append([candidate["id_number"], "principal-age", "组审〔2006〕2号", "区委组织部", "2006-09-01"])
    path = tmp_path / "approvals.xlsx"
    book.save(path)
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.rule == "principal-age" and finding.approval is not None and finding.approval.counted


@pytest.mark.parametrize("option", ["communities", "approvals"])
def test_a_folder_given_for_a_table_is_refused(tmp_path: Path, option: str) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.csv").write_text(HEADER, encoding="utf-8")
    (folder / "b.csv").write_text(HEADER, encoding="utf-8")
    with pytest.raises(RosterError) as raised:
        check([EXAMPLES / "roster.csv"], **{option: folder})
    assert raised.value.key == "table-is-folder"
    assert "is a folder: the communities and approvals tables are one file each" in raised.value.message("en")


def test_a_communities_row_shifted_by_a_comma_is_refused_at_its_line(tmp_path: Path) -> None:
    # 1,000 typed unquoted: the seats would read 1 and 0, and the 7 be dropped.
    path = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-30,1,000,7\n")
    report = check([EXAMPLES / "roster.csv"], communities=path, lang="en")
    said = passed_over(report)
    assert said.severity == "invalid" and said.evidence["line"] == 2
    assert "the row has 6 cells, more than the 5 columns of the header" in said.message
    # The row passed over, its community's settings unused; the rosters checked all the same.
    assert len(report.candidates) == 21 and team(report).election_date == dt.date(2006, 9, 30)


def test_a_column_written_twice_in_the_communities_table_is_said(run: Any, tmp_path: Path) -> None:
    path = written(tmp_path, "c.csv", "社区,选举日期,选举日期\n青松社区,2006-09-20,2006-09-25\n")
    report = run([person()], communities=path)
    said = [f for i in report.inputs for f in i.findings if f.rule == "settings-column-duplicate"]
    assert len(said) == 1 and said[0].severity == "warning" and "c.csv" in said[0].message
    assert str(team(report).election_date) == "2006-09-20"  # the first, as the warning says


def test_a_community_with_and_without_its_street_is_written_twice(tmp_path: Path) -> None:
    # Both rows are 东湖街道's 青松社区: which day it votes on would be a guess.
    path = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-21,,\n,青松社区,2006-09-20,,\n")
    report = check([EXAMPLES / "roster.csv"], communities=path, lang="en")
    said = passed_over(report)
    assert said.evidence["line"] == 3 and "is already on line 2" in said.message
    assert str(team(report).election_date) == "2006-09-21"  # the first row's: the second passed over


def test_the_same_community_name_in_two_streets_is_two_communities(run: Any, tmp_path: Path) -> None:
    path = written(
        tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-21,,\n西岭街道,青松社区,2006-09-20,,\n"
    )
    report = run([person(), person(street="西岭街道")], communities=path)
    assert sorted(str(t.election_date) for t in report.teams) == ["2006-09-20", "2006-09-21"]


def test_a_folder_of_tables_and_no_roster_checks_nobody_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "submitted"
    folder.mkdir()
    (folder / "approvals.csv").write_text(
        "身份证号,规则,批复文号,批复日期\n"
        f"{make_id('1948-09-30')},principal-age,组审〔2006〕1号,2006-09-01\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as raised:
        check([folder])
    assert raised.value.key == "folder-only-settings"
    (folder / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    assert len(check([folder]).candidates) == 21  # beside a roster, the table is set aside as before


@pytest.mark.parametrize(
    ("table", "option", "said"),
    [
        ("approvals.csv", "--approvals", "这是审批表，不是名册：请用 --approvals 指定它"),
        ("communities.csv", "--communities", "这是社区表，不是名册：请用 --communities 指定它"),
    ],
)
def test_a_settings_table_named_as_a_roster_is_said_to_be_one(
    tmp_path: Path, table: str, option: str, said: str
) -> None:
    # `eligibility check *.csv` beside communities.csv and approvals.csv: the table was refused as a roster
    # "缺少必需的列 姓名", leaving the officer to guess the table was taken for a roster.
    for name in ("roster.csv", table):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    result = CliRunner().invoke(app, ["check", str(tmp_path / "roster.csv"), str(tmp_path / table)])
    assert result.exit_code == 2
    assert f"{table}: {said}" in " ".join(result.stderr.split()) and "姓名" not in result.stderr
    # Given with the option it names, the same table is read as what it is, and passed over among the rosters
    # (check *.csv --approvals approvals.csv): refused, it told the officer to do what they had done (helper-53).
    for among in ([], [str(tmp_path / table)]):
        given = CliRunner().invoke(
            app,
            [
                "check",
                str(tmp_path / "roster.csv"),
                *among,
                option,
                str(tmp_path / table),
                "--format",
                "json",
            ],
        )
        assert given.exit_code == 1 and "这是" not in given.stderr
        report = json.loads(given.stdout)
        assert [
            [f["rule"] for f in i["findings"]] for i in report["inputs"] if i["path"].endswith(table)
        ] == ([["file-given-as-table"]] if among else [])
        assert len(report["candidates"]) == 21


@pytest.mark.parametrize(
    ("written", "wrote", "said"),
    [
        ("拟任职务", "拟任岗位", "line 1: required column roles (拟任职务) is missing (is '拟任岗位' it?)"),
        ("姓名", "名字", "line 1: required column name (姓名) is missing"),
    ],
    ids=["post-misspelt", "name-misspelt"],
)
@pytest.mark.parametrize("beside", ["a roster", "a communities table"])
def test_a_roster_in_a_folder_short_of_a_column_is_no_communities_table(
    tmp_path: Path, written: str, wrote: str, said: str, beside: str
) -> None:
    # 社区 is all a communities table needs: a roster headed 拟任岗位 for 拟任职务 was set aside as one
    # (file-skipped-communities, info), its candidates unchecked and the run passed in CI (helper-49); beside
    # only a communities table, the run said the folder held no roster.
    folder = tmp_path / "submitted"
    folder.mkdir()
    text = (EXAMPLES / "roster.csv").read_text(encoding="utf-8")
    (folder / "东湖街道.csv").write_text(text.replace(written, wrote, 1), encoding="utf-8")
    other = EXAMPLES / ("roster.csv" if beside == "a roster" else "communities.csv")
    (folder / "other.csv").write_bytes(other.read_bytes())
    report = check([folder], lang="en")
    [short] = [i for i in report.inputs if i.path.endswith("东湖街道.csv")]
    [finding] = short.findings
    assert (finding.rule, finding.severity, short.rows) == ("file-unread", "invalid", 0)
    assert said in finding.message
    result = CliRunner().invoke(app, ["check", str(folder), "--fail-on", "ineligible"])
    assert result.exit_code == 1 and "第 1 行：缺少必需的列" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "header", ["序号,候选人,社区,职务,选举日期", "序号,社区,拟任人选,拟任岗位,备注", "街道,社区,姓 名,性别"]
)
def test_a_roster_headed_in_no_way_the_tool_knows_is_no_communities_table(
    tmp_path: Path, header: str
) -> None:
    # Its only known columns 社区 and 选举日期, a roster was taken for a communities table: named on its own it was
    # refused as one, and in a folder passed over as one, its candidates unchecked and the run passed (helper-53).
    folder = tmp_path / "submitted"
    folder.mkdir()
    row = ",".join(
        {"序号": "1", "街道": "东湖街道", "社区": "翠竹社区", "选举日期": "2006-09-30"}.get(word, "王某")
        for word in header.split(",")
    )
    (folder / "v1.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    (folder / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    report = check([folder], communities=EXAMPLES / "communities.csv")
    [short] = [i for i in report.inputs if i.path.endswith("v1.csv")]
    assert [(f.rule, f.severity) for f in short.findings] == [("file-unread", "invalid")]
    alone = CliRunner().invoke(app, ["check", str(folder / "v1.csv")])
    assert alone.exit_code == 2 and "缺少必需的列" in alone.stderr and "社区表" not in alone.stderr


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("b.xls", "old Excel 97-2003 .xls workbook; save it as .xlsx"),
        ("c.xlsm", "a spreadsheet the tool does not read (.xlsm"),
        ("d.ods", "a spreadsheet the tool does not read (.ods"),
        ("e.et", "a spreadsheet the tool does not read (.et"),
        ("f.docx", "a word-processing document (.docx), not a table; copy the roster's table into Excel"),
        ("g.wps", "a word-processing document (.wps)"),
    ],
)
def test_a_file_the_tool_cannot_read_in_a_folder_fails_the_run_and_the_others_are_read(
    tmp_path: Path, name: str, said: str
) -> None:
    # The .xls stopped the whole run with no report of the others; a .docx or .wps roster (typed into Word)
    # was passed over without a word, and the run passed (helper-45).
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    # A document's roster table: 姓名 and 拟任职务 among its words, as Word keeps them (UTF-16).
    (folder / name).write_bytes(b"\xd0\xcf\x11\xe0 not read " + "姓名 拟任职务".encode("utf-16-le"))
    report = check([folder], lang="en")
    assert len(report.candidates) == 21  # a.csv, read whole
    [unread] = [i for i in report.inputs if i.path.endswith(name)]
    assert (unread.rows, unread.format) == (0, name.split(".")[1])
    [finding] = unread.findings
    assert (finding.rule, finding.severity) == ("file-unread", "invalid") and said in finding.message
    # Named on its own, it stops the run, saying the same.
    with pytest.raises(RosterError) as raised:
        check([folder / name])
    assert raised.value.location is not None and raised.value.location.path.endswith(name)


def test_a_noncharacter_in_a_cell_is_named_and_never_reaches_a_report(tmp_path: Path) -> None:
    # U+FFFF: no XML may hold it, so the JUnit report and the workbook came out unreadable.
    path = written(
        tmp_path,
        "r.csv",
        f"姓名,身份证号,社区,拟任职务\n孙\uffff,{make_id('1970-01-01')},青松社区,居委会委员\n",
    )
    result = only(check([path]))
    assert result.status == "invalid" and "cell-control-character" in {f.rule for f in result.findings}
    assert "\uffff" not in result.model_dump_json()


def test_a_row_without_its_community_is_said_of_its_row_not_as_a_column_missing(tmp_path: Path) -> None:
    path = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-30,5,5\n东湖街道,,,10,12\n")
    said = passed_over(check([EXAMPLES / "roster.csv"], communities=path, lang="en"))
    assert said.evidence["line"] == 3
    assert "not read: column 社区: the community is blank: whose row is this?" in said.message


@pytest.mark.parametrize(
    "footer",
    [",,,10,合计", "合计,,,10,12", "东湖街道,小计,,10,12", "制表人：王五,,,,", ",,,,（盖章）"],
)
def test_a_total_or_a_footer_ending_a_settings_table_is_passed_over_with_a_note(
    tmp_path: Path, footer: str
) -> None:
    # Excel tables end so: the check had stopped at "the community is blank" over a 合计 row.
    communities = written(tmp_path, "c.csv", HEADER + f"东湖街道,青松社区,2006-09-30,5人,5 名\n{footer}\n")
    approvals = written(
        tmp_path,
        "a.csv",
        f"身份证号,规则,批复文号,批复日期\n{make_id('1948-09-30')},principal-age,组审1号,2006-09-01\n"
        "合计,,,\n",
    )
    report = check([EXAMPLES / "roster.csv"], communities=communities, approvals=approvals)
    notes = [f for i in report.inputs for f in i.findings if f.rule == "settings-row-footer"]
    assert [(n.severity, n.message[:20]) for n in notes] == [
        ("info", f"{communities} 第 3 行"[:20]),
        ("info", f"{approvals} 第 3 行"[:20]),
    ]
    first = next(t for t in report.teams if t.community == "青松社区")
    assert first.profile is not None


@pytest.mark.parametrize(
    ("rule", "reference", "said"),
    [
        ("", "组审1号", "the rule is blank: which rule does this approve?"),
        ("", "合计", "the rule is blank: which rule does this approve?"),  # an ID number: no footer
        ("principal-age", "", "the reference is blank: an approval without one cannot be verified"),
    ],
)
def test_an_approval_without_its_rule_or_reference_is_refused_at_its_line(
    tmp_path: Path, rule: str, reference: str, said: str
) -> None:
    path = written(
        tmp_path,
        "a.csv",
        f"身份证号,规则,批复文号,批复日期\n{make_id('1948-09-30')},{rule},{reference},2006-09-01\n",
    )
    report = check([EXAMPLES / "roster.csv"], approvals=path, lang="en")
    assert passed_over(report).evidence["line"] == 2 and f": {said}. The row was passed over" in (
        passed_over(report).message
    )


@pytest.mark.parametrize(
    ("header", "cell", "said"),
    [
        ("选举日期", "2006-13-01", "column 选举日期: "),
        ("党组织核定职数", "五个", "column 党组织核定职数: "),
        # Written in full, but no such day: not "not a full date".
        ("选举日期", "2006-09-31", "'2006-09-31' is no day: day is out of range for month"),
    ],
)
def test_a_communities_cell_that_cannot_be_read_is_named_by_its_header(
    tmp_path: Path, header: str, cell: str, said: str
) -> None:
    path = written(tmp_path, "c.csv", f"社区,{header}\n青松社区,{cell}\n")
    report = check([EXAMPLES / "roster.csv"], communities=path, lang="en")
    assert said in passed_over(report).message, passed_over(report).message
    # 青松社区's candidates checked without its settings, and told so on the roster.
    [unused] = [f for i in report.inputs for f in i.findings if f.rule == "community-settings-unread"]
    assert "line 2 of the communities file" in unused.message and "青松社区" in unused.message
    missing = [f.message for i in report.inputs for f in i.findings if f.rule == "community-not-in-settings"]
    assert len(missing) == 2 and not any(
        "青松社区" in m for m in missing
    )  # the roster's others, not in the file


def test_a_community_the_communities_file_lacks_is_said_with_the_closest_name(
    run: Any, tmp_path: Path
) -> None:
    # 柳岸社区 on the roster, 柳岸社区居委会 in the table: its day (09-28) went unused without a word.
    path = written(tmp_path, "c.csv", HEADER + "东湖街道,柳岸社区居委会,2006-09-28,5,5\n")
    report = run([person(community="柳岸社区")], communities=path, lang="en")
    [said] = [f for i in report.inputs for f in i.findings if f.rule == "community-not-in-settings"]
    assert said.severity == "warning"
    assert "has no 东湖街道 柳岸社区 (did you mean '柳岸社区居委会'?)" in said.message
    assert str(team(report, "柳岸社区").election_date) == "2006-09-30"
    unasked = run([person(community="柳岸社区")])  # no communities file: nothing to miss
    assert not [f for i in unasked.inputs for f in i.findings if f.rule == "community-not-in-settings"]


def test_an_approval_may_name_its_rule_by_the_title_a_report_shows(run: Any, tmp_path: Path) -> None:
    candidate = person(roles="党支部书记", education="初中")
    path = written(
        tmp_path,
        "a.csv",
        f"身份证号,规则,批复文号,审批单位,批复日期\n{candidate['id_number']},社区主干初中以下文化程度,组审〔2006〕3号,区委组织部,2006-09-01\n",
    )
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.rule == "principal-education" and finding.approval is not None and finding.approval.counted


def test_an_approval_naming_no_rule_lists_the_rules(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        "a.csv",
        f"身份证号,规则,批复文号,批复日期\n{make_id('1950-01-01')},主干年龄,组审〔2006〕3号,2006-09-01\n",
    )
    said = passed_over(check([EXAMPLES / "roster.csv"], approvals=path, lang="en"))
    assert "; rules: min-age, political-rights, family-planning-5y" in said.message


def test_an_error_in_a_communities_workbook_names_its_sheet(tmp_path: Path) -> None:
    # Each street's sheet has a line 2: "communities.xlsx:2" did not say which street's row to correct.
    path = two_streets(tmp_path / "communities.xlsx", "2006-13-21")
    said = passed_over(check([EXAMPLES / "roster.csv"], communities=path))
    assert (said.evidence["file"], said.evidence["line"]) == (f"{path.as_posix()}#西岭街道", 2)


def test_a_cell_beyond_the_header_of_a_communities_workbook_is_refused_at_its_row(tmp_path: Path) -> None:
    # As a CSV row too long is: a seat count typed one column to the right would be left unread.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["街道", "社区", "选举日期"])
    sheet.append(["东湖街道", "青松社区", "2006-09-20", 7])
    path = tmp_path / "communities.xlsx"
    book.save(path)
    said = passed_over(check([EXAMPLES / "roster.csv"], communities=path, lang="en"))
    assert (said.evidence["file"], said.evidence["line"]) == (f"{path.as_posix()}#Sheet", 2)
    assert "cell(s) D2 have no column name above them" in said.message


def test_a_roster_given_as_the_communities_table_is_said_to_be_a_roster(tmp_path: Path) -> None:
    # Its candidates' rows had been read as communities: "青松社区 is written twice" at its line 3.
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,社区,拟任职务\n"
        f"甲,{make_id('1970-01-01')},青松社区,居委会委员\n"
        f"乙,{make_id('1971-01-01')},青松社区,居委会委员\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as raised:
        check([roster], communities=roster)
    assert raised.value.key == "settings-is-roster"
    assert "is a roster of candidates" in raised.value.message("en")


def test_an_approvals_table_noting_the_post_is_no_roster(run: Any, tmp_path: Path) -> None:
    # 姓名 and 拟任职务 beside 规则 and 批复文号: an approvals table, whose approval had been refused as a roster's.
    candidate = person(roles="党支部书记", birth_date="1948-09-30")
    path = written(
        tmp_path,
        "approvals.csv",
        "身份证号,姓名,拟任职务,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},{candidate['name']},党支部书记,principal-age,组审〔2006〕1号,区委组织部,2006-09-01\n",
    )
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.rule == "principal-age" and finding.approval is not None and finding.approval.counted


def test_the_roster_sheet_of_a_workbook_given_as_the_communities_table_is_left_to_the_roster(
    run: Any, tmp_path: Path
) -> None:
    # One workbook, 候选人 and 社区设置: given as both, each is read as what it is.
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "候选人"
    people.append(["姓名", "身份证号", "街道", "社区", "拟任职务"])
    people.append(["甲", make_id("1970-01-01"), "东湖街道", "青松社区", "居委会委员"])
    people.append(["乙", make_id("1971-01-01"), "东湖街道", "青松社区", "居委会委员"])
    settings = book.create_sheet("社区设置")
    settings.append(["街道", "社区", "选举日期"])
    settings.append(["东湖街道", "青松社区", "2006-09-20"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    report = check([path], communities=path)
    assert [c.name for c in report.candidates] == ["甲", "乙"]
    assert [(t.community, str(t.election_date)) for t in report.teams] == [("青松社区", "2006-09-20")]
    # Without its roster sheet, the workbook is the table alone: passed over among the rosters, as a CSV is.
    del book["候选人"]
    book.save(path)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"姓名,身份证号,街道,社区,拟任职务\n甲,{make_id('1970-01-01')},东湖街道,青松社区,居委会委员\n"
    )
    alone = check([roster, path], communities=path)
    assert [[f.rule for f in i.findings] for i in alone.inputs if i.path.endswith(".xlsx")] == [
        ["file-given-as-table"]
    ]
    assert [str(t.election_date) for t in alone.teams] == ["2006-09-20"]


@pytest.mark.parametrize(
    ("missing", "suggested"),
    [
        ("翠竹社区", ""),  # only 社区 in common with 青松社区: no suggestion
        ("松青社区", "青松社区"),
        ("柳岸社区", "柳岸社区居委会"),
        ("柳岸居委会", "柳岸社区居委会"),
        ("社区", ""),
        ("梅园居委会", "梅园社区"),  # its own name exactly, before 梅园新村
    ],
)
def test_the_closest_community_is_alike_by_its_own_name_not_by_the_word_for_a_community(
    missing: str, suggested: str
) -> None:
    from eligibility.errors import Location
    from eligibility.roster.settings import Communities

    communities = Communities({})
    for n, name in enumerate(["青松社区", "柳岸社区居委会", "梅园新村", "梅园社区"], start=2):
        communities.add({"community": name}, Location("c.csv", n))
    assert communities.closest(missing) == suggested


def test_the_closest_community_is_found_among_a_thousand_alike() -> None:
    # 和平 in 1,200 names: each of its pieces too common to look through, and 和平社区 was never offered.
    from eligibility.errors import Location
    from eligibility.roster.settings import Communities

    communities = Communities({})
    for n in range(1200):
        communities.add({"community": f"和平{n}村"}, Location("c.csv", n + 2))
    communities.add({"community": "和平社区"}, Location("c.csv", 1202))
    assert communities.closest("和平居委会") == "和平社区"


@pytest.mark.parametrize("form", ["yaml-group", "json-top", "csv-row"])
def test_a_rosters_own_election_day_never_replaces_the_communities_tables(tmp_path: Path, form: str) -> None:
    # 甲 turns 58 on 2006-09-20, the table's day; the YAML group's day (09-19) had replaced it without a word,
    # and a principal who needs approval passed.
    number = make_id("1948-09-20")
    table = written(tmp_path, "c.csv", "社区,选举日期\n青松社区,2006-09-20\n")
    if form == "yaml-group":
        path = written(
            tmp_path,
            "r.yaml",
            "communities:\n  - 社区: 青松社区\n    election_date: 2006-09-19\n"
            f"    candidates:\n      - {{姓名: 甲, 身份证号: '{number}', 拟任职务: 党组织书记}}\n",
        )
    elif form == "json-top":
        path = written(
            tmp_path,
            "r.json",
            '{"election_date": "2006-09-19", "community": "青松社区", "candidates": '
            f'[{{"姓名": "甲", "身份证号": "{number}", "拟任职务": "党组织书记"}}]}}',
        )
    else:
        path = written(
            tmp_path,
            "r.csv",
            f"姓名,身份证号,社区,拟任职务,选举日期\n甲,{number},青松社区,党组织书记,2006-09-19\n",
        )
    report = check([path], communities=table, lang="en")
    [person] = report.candidates
    assert str(team(report, "青松社区").election_date) == "2006-09-20"
    assert {"election-date-not-settings", "principal-age"} <= {f.rule for f in person.findings}


def test_a_rosters_own_seats_never_replace_the_approved_ones(tmp_path: Path) -> None:
    # The roster claimed 9 party seats where the district approved 2: its 3 party members passed seat-quota.
    table = written(tmp_path, "c.csv", "社区,党组织核定职数,居委会核定职数\n青松社区,2,5\n")
    path = written(
        tmp_path,
        "r.yaml",
        "communities:\n  - 社区: 青松社区\n    党组织核定职数: 9\n    居委会核定职数: 5\n    candidates:\n"
        + "".join(f"      - {{姓名: {n}, 拟任职务: 党组织委员}}\n" for n in "甲乙丙"),
    )
    report = check([path], communities=table, lang="en")
    assert "seat-quota" in {f.rule for f in team(report, "青松社区").findings}
    [said] = [f for i in report.inputs for f in i.findings if f.rule == "roster-seats-not-settings"]
    assert (
        "the roster gives 青松社区 9 for 党组织核定职数, but line 2 of the communities table approves 2"
        in (said.message)
    )


@pytest.mark.parametrize(
    ("group", "table_row"),
    [
        ("社区: 青松社区", "东湖街道,青松社区"),
        ("街道: 西岭街道\n    社区: 青松社区", ",青松社区"),
        # The table's 东湖街道 for the group's 东湖街道办事处: one street written two ways (helper-91).
        ("街道: 东湖街道办事处\n    社区: 青松社区", "东湖街道,青松社区"),
    ],
    ids=["group-without-street", "table-without-street", "street-spelt-otherwise"],
)
def test_a_grouped_rosters_community_is_the_tables_however_its_street_is_written(
    tmp_path: Path, group: str, table_row: str
) -> None:
    # Matched to the table's row but added under its own key: a second entry, without the table's day and
    # seats, answered for the community, and the principal of 58 on the table's day passed.
    table = written(
        tmp_path, "c.csv", f"街道,社区,选举日期,党组织核定职数,居委会核定职数\n{table_row},2006-09-30,5,5\n"
    )
    number = make_id("1948-09-15")
    path = written(
        tmp_path,
        "r.yaml",
        f"communities:\n  - {group}\n    election_date: 2006-09-01\n"
        f"    candidates:\n      - {{姓名: 甲, 身份证号: '{number}', 拟任职务: 居委会主任}}\n",
    )
    report = check([path], communities=table, lang="en")
    [person] = report.candidates
    assert {"election-date-not-settings", "principal-age"} <= {f.rule for f in person.findings}
    [found] = report.teams
    assert str(found.election_date) == "2006-09-30"
    assert "seat-quota" not in {f.rule for f in found.findings}  # 0 of 5, 1 of 5: the table's seats known


@pytest.mark.parametrize(
    ("group", "said"),
    [
        # Under another street: 西岭街道 is not the table's 东湖街道 (its 东湖街道办事处 is: see above).
        ("街道: 西岭街道\n    社区: 青松社区", "community-settings-elsewhere"),
        ("街道: 西岭街道\n    社区: 梅园社区", "community-not-in-settings"),
    ],
    ids=["another-street", "missing-from-the-table"],
)
def test_a_grouped_community_the_table_lacks_is_said_and_its_own_seats_not_taken_for_approved(
    tmp_path: Path, group: str, said: str
) -> None:
    # The roster's group was added as if the table had it: its own 9 seats passed seat-quota and its day stood,
    # with no word that the district's table did not name it (a flat roster is told).
    table = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-30,2,5\n")
    number = make_id("1948-09-15")
    path = written(
        tmp_path,
        "r.yaml",
        f"communities:\n  - {group}\n    election_date: 2006-09-01\n    党组织核定职数: 9\n    candidates:\n"
        f"      - {{姓名: 甲, 身份证号: '{number}', 拟任职务: 党组织书记}}\n"
        + "".join(f"      - {{姓名: {n}, 拟任职务: 党组织委员}}\n" for n in "乙丙"),
    )
    report = check([path], communities=table, lang="en")
    notes = [f for i in report.inputs for f in i.findings]
    assert said in {f.rule for f in notes}
    [unused] = [f for f in notes if f.rule == "roster-seats-no-settings"]
    assert "9 for 党组织核定职数" in unused.message
    [found] = report.teams
    assert str(found.election_date) == "2006-09-01"  # the group's day, as a flat roster's own day stands
    seats = next(f for f in found.findings if f.rule == "seat-quota")
    assert seats.evidence.get(
        "unknown"
    )  # no approved seats: neither the roster's 9 passed nor the table's 2 taken


@pytest.mark.parametrize("written_seats", ["'05'", "'5.00'", "5.0"])
def test_a_rosters_seats_written_otherwise_but_the_same_count_are_not_said_to_differ(
    tmp_path: Path, written_seats: str
) -> None:
    # Compared as text: 05 and 5.00 against the table's 5 were said to differ.
    table = written(tmp_path, "c.csv", "社区,党组织核定职数,居委会核定职数\n青松社区,5,5\n")
    path = written(
        tmp_path,
        "r.yaml",
        f"communities:\n  - 社区: 青松社区\n    党组织核定职数: {written_seats}\n    candidates:\n"
        "      - {姓名: 甲, 拟任职务: 党组织委员}\n",
    )
    report = check([path], communities=table, lang="en")
    assert "roster-seats-not-settings" not in {f.rule for i in report.inputs for f in i.findings}


def test_a_rosters_seats_that_are_no_count_are_refused_as_the_tables_are(tmp_path: Path) -> None:
    table = written(tmp_path, "c.csv", "社区,党组织核定职数,居委会核定职数\n青松社区,5,5\n")
    path = written(
        tmp_path,
        "r.yaml",
        "communities:\n  - 社区: 青松社区\n    党组织核定职数: 五个\n    candidates:\n"
        "      - {姓名: 甲, 拟任职务: 党组织委员}\n",
    )
    with pytest.raises(RosterError, match="五个"):
        check([path], communities=table, lang="en")


@pytest.mark.parametrize(
    "table_text",
    [HEADER + "东湖街道,青松社区,2006-09-30,,\n", "街道,社区,选举日期\n东湖街道,青松社区,2006-09-30\n"],
    ids=["seats-blank", "no-seat-columns"],
)
def test_a_rosters_seats_are_not_taken_where_the_table_approves_none(tmp_path: Path, table_text: str) -> None:
    # The table names the community but leaves its seats blank: the roster's claimed 9 and 9 passed seat-quota.
    table = written(tmp_path, "c.csv", table_text)
    path = written(
        tmp_path,
        "r.yaml",
        "communities:\n  - 街道: 东湖街道\n    社区: 青松社区\n    党组织核定职数: 9\n    居委会核定职数: 9\n"
        "    candidates:\n" + "".join(f"      - {{姓名: {n}, 拟任职务: 党组织委员}}\n" for n in "甲乙丙"),
    )
    report = check([path], communities=table, lang="en")
    said = [f for i in report.inputs for f in i.findings if f.rule == "roster-seats-no-settings"]
    assert len(said) == 2 and "approves no such seats" in said[0].message
    seats = next((f for f in team(report, "青松社区").findings if f.rule == "seat-quota"), None)
    if seats is None:  # no seat column anywhere: the rule is not checked, said once for the roster
        assert "seat-quota" in {n.rule for n in report.not_checked}
    else:
        assert seats.evidence.get("unknown")


def test_seats_written_beside_the_communities_of_a_grouped_roster_are_refused(tmp_path: Path) -> None:
    # Passed over without a word: each community went without the seats the officer wrote for them.
    path = written(
        tmp_path,
        "r.yaml",
        "党组织核定职数: 9\ncommunities:\n  - 社区: 青松社区\n    candidates:\n      - {姓名: 甲, 拟任职务: 党组织委员}\n",
    )
    with pytest.raises(RosterError) as raised:
        check([path], lang="en")
    assert raised.value.key == "file-seats-beside-communities"
    assert "党组织核定职数 is written beside communities" in raised.value.message("en")


@pytest.mark.parametrize(
    ("places", "apart"),
    [
        # The street written before the name, 居委会 after it: one community, three teams judged apart.
        (
            [("东湖街道", "青松社区"), ("东湖街道", "东湖街道青松社区"), ("东湖街道", "青松社区居委会")],
            ["东湖街道 青松社区", "东湖街道 东湖街道青松社区", "东湖街道 青松社区居委会"],
        ),
        ([("东湖街道", "青松社区"), ("东湖街道", "青松")], ["东湖街道 青松社区", "东湖街道 青松"]),
        ([("", "青松社区"), ("", "青松社区居民委员会")], ["青松社区", "青松社区居民委员会"]),
        # (The street written several ways over one community's rows is one team: see test_street_spellings.)
        (
            [("东湖街道办事处", "青松社区"), ("东湖街道", "东湖街道青松社区")],
            ["东湖街道办事处 青松社区", "东湖街道 东湖街道青松社区"],
        ),
        # A village and a community of one name may be two places; so may two streets' 青松社区, and 翠竹 is
        # not 青松 whatever they end in.
        ([("东湖街道", "青松村"), ("东湖街道", "青松社区")], None),
        ([("东湖街道", "青松社区"), ("西岭街道", "青松社区居委会")], None),
        ([("东湖街道", "青松社区"), ("东湖街道", "翠竹社区")], None),
        ([("东湖街道", "社区"), ("东湖街道", "居委会")], None),
    ],
)
def test_one_community_written_several_ways_is_said_on_the_roster(
    run: Any, places: list[tuple[str, str]], apart: list[str] | None
) -> None:
    genders = ["男", "女", "男"][: len(places)]
    report = run([person(street=s, community=c, gender=g) for (s, c), g in zip(places, genders, strict=True)])
    # Judged as written, one team to a spelling: merged on a guess, two places could be judged as one.
    assert len(report.teams) == len(places)
    said = [f for i in report.inputs for f in i.findings if f.rule == "community-written-apart"]
    if apart is None:
        assert said == []
        return
    [note] = said
    assert note.severity == "warning"
    assert note.evidence == {"communities": "、".join(apart), "count": len(apart)}
    assert f"{len(apart)} 种写法" in note.message


def test_a_villages_seat_column_is_named_as_its_committee_when_not_given() -> None:
    # The contract's column is committee_seats, 居委会核定职数: said so to a village, it named no body of its own.
    report = check([EXAMPLES / "village-2021" / "roster.csv"], ruleset="village-2021")
    [quota] = [n for n in report.not_checked if n.rule == "seat-quota"]
    assert sorted(quota.headers) == ["党组织核定职数", "村民委员会核定职数"]
    assert sorted(quota.missing) == ["committee_seats", "party_seats"]


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        (
            "请示.docx",
            "<w:body><w:p><w:r><w:t>关于东湖街道社区两委候选人初步人选的请示</w:t></w:r></w:p></w:body>",
            "file-skipped-document",
        ),
        (  # a letter naming the columns in its words, with a table that is no roster's
            "请示2.docx",
            "<w:body><w:p><w:r><w:t>请各社区核对候选人姓名、身份证号、拟任职务和社区。</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>审核人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>日期</w:t>"
            "</w:r></w:p></w:tc></w:tr></w:tbl></w:body>",
            "file-skipped-document",
        ),
        (  # its table cut off where the document was read no further: still a roster
            "长名册.docx",
            "<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>社区"
            "</w:t></w:r></w:p></w:tc></w:tr>",
            "file-unread",
        ),
        (
            "名册.docx",
            "<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓</w:t></w:r><w:r><w:t>名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>拟任职务</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>",
            "file-unread",
        ),
    ],
)
def test_a_letter_sent_with_the_rosters_is_noted_and_a_document_holding_a_roster_fails(
    tmp_path: Path, name: str, content: str, rule: str
) -> None:
    # The 请示 an office sends with its rosters failed every CI run as a roster not read (helper-46); a roster
    # typed into Word as a table still does, its candidates unchecked.
    import zipfile

    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    with zipfile.ZipFile(folder / name, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="x">{content}</w:document>')
    report = check([folder], lang="en")
    [document] = [i for i in report.inputs if i.path.endswith(name)]
    assert [(f.rule, f.severity) for f in document.findings] == [
        (rule, "info" if rule == "file-skipped-document" else "invalid")
    ]


def test_a_documents_roster_table_headed_with_spaces_is_a_roster_not_read(tmp_path: Path) -> None:
    # 姓　 名, spaced out as forms head it: taken for the letter sent with the rosters, and the run passed
    # (helper-47).
    import zipfile

    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    table = "<w:tbl><w:tr><w:tc><w:t>姓　 名</w:t></w:tc><w:tc><w:t>拟任职务</w:t></w:tc></w:tr></w:tbl>"
    with zipfile.ZipFile(folder / "名册.docx", "w") as archive:
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="x"><w:body>{table}</w:body></w:document>'
        )
    (folder / "名册.doc").write_bytes(b"\xd0\xcf\x11\xe0" + "姓 名\u3000拟任职务".encode("utf-16-le"))
    report = check([folder], lang="en")
    for name in ("名册.docx", "名册.doc"):
        [document] = [i for i in report.inputs if i.path.endswith(name)]
        assert [f.rule for f in document.findings] == ["file-unread"], name


def test_an_excel_true_where_a_count_goes_is_quoted_as_excel_shows_it(tmp_path: Path) -> None:
    # 党组织核定职数 列：“True”不是职数 — Python's word for Excel's TRUE (helper-52).
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["街道", "社区", "选举日期", "党组织核定职数"])
    sheet.append(["东湖街道", "青松社区", "2006-09-30", True])
    path = tmp_path / "communities.xlsx"
    book.save(path)
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "roster.csv"), "--communities", str(path)])
    # The row passed over with a note, the rosters checked: the run fails on it as on invalid data.
    assert result.exit_code == 1 and "“TRUE”不是职数" in result.stdout and "True" not in result.stdout


def test_one_bad_row_of_a_settings_table_stops_no_check(tmp_path: Path) -> None:
    # A month typed 13 in one approval stopped the whole district's check with exit 2, and no report: the
    # standard is that one bad record never stops the others from being checked.
    approvals = tmp_path / "approvals.csv"
    rows = (EXAMPLES / "approvals.csv").read_text(encoding="utf-8").splitlines()
    assert "张国强" in rows[2]
    rows[2] = rows[2].replace("2005-08-01", "2005-13-01")
    approvals.write_text("\n".join(rows) + "\n", encoding="utf-8")
    communities = tmp_path / "communities.csv"
    communities.write_text(
        (EXAMPLES / "communities.csv")
        .read_text(encoding="utf-8")
        .replace("梅园社区,2006-09-26", "梅园社区,2006-09-31"),
        encoding="utf-8",
    )
    assert "2006-09-31" in communities.read_text(encoding="utf-8")
    for jobs in (1, 2):
        report = check(
            [EXAMPLES / "roster.csv"], communities=communities, approvals=approvals, lang="en", jobs=jobs
        )
        said = sorted(
            ((f.evidence["file"], f.evidence["line"], f.evidence["column"]), f.severity)
            for i in report.inputs
            for f in i.findings
            if f.rule == "settings-row-unread"
        )
        assert said == [
            ((approvals.as_posix(), 3, "批复日期"), "invalid"),
            ((communities.as_posix(), 4, "选举日期"), "invalid"),
        ]
        assert len(report.candidates) == 21
        by_name = {c.name: c for c in report.candidates}
        assert by_name["陈建国"].status == "eligible"  # his approval, on the row before, counts as ever
        assert by_name["张国强"].status == "review"  # his was not read, so does not count
        # And the unread row names whose approval it was (helper-89: the officer had to connect the two).
        [unread] = [f for i in report.inputs if i.table == "approvals" for f in i.findings]
        assert "(张国强's approval) was not read" in unread.message and unread.evidence["name"] == "张国强"
        # And his own finding points to the row.
        [open_finding] = [f for f in by_name["张国强"].findings if f.is_open]
        assert open_finding.message.endswith(
            f"; {approvals.as_posix()} line 3 is this person's approval, but could not be read, and was not counted"
        )
        assert not any("could not be read" in f.message for f in by_name["陈建国"].findings)
        # 梅园社区's row (its 2006-09-26) not read: checked on the default day, and told so on the roster.
        assert str(team(report, "梅园社区").election_date) == "2006-09-30"
        assert str(team(report, "翠竹社区").election_date) == "2006-09-30"  # its own row, read
        [unused] = [f for i in report.inputs for f in i.findings if f.rule == "community-settings-unread"]
        assert unused.evidence["settings_line"] == 4 and "梅园社区" in unused.message
    args = ["check", str(EXAMPLES / "roster.csv"), "--approvals", str(approvals), "--format", "json"]
    assert CliRunner().invoke(app, args).exit_code == 1  # invalid data fails the run at every level
    assert CliRunner().invoke(app, [*args, "--fail-on", "never"]).exit_code == 0


def test_a_settings_tables_findings_are_filed_under_the_table_not_a_roster(tmp_path: Path) -> None:
    # Filed under the first roster, approvals.csv's bad line 3 was a CI annotation on roster.csv's line 3.
    approvals = tmp_path / "approvals.csv"
    rows = (EXAMPLES / "approvals.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("2005-08-01", "2005-13-01")
    approvals.write_text("\n".join(rows) + "\n", encoding="utf-8")
    communities = two_streets(tmp_path / "communities.xlsx", "2006-13-21")
    roster = EXAMPLES / "roster.csv"
    report = check([roster], communities=communities, approvals=approvals)
    filed = [(i.path, i.sheet, i.table, i.rows, [f.rule for f in i.findings]) for i in report.inputs]
    assert filed == [
        (communities.as_posix(), "西岭街道", "communities", 0, ["settings-row-unread"]),
        (approvals.as_posix(), None, "approvals", 0, ["settings-row-unread"]),
        (roster.as_posix(), None, None, 21, ["community-not-in-settings", "community-settings-unread"]),
    ]
    args = ["check", str(roster), "--communities", str(communities), "--approvals", str(approvals)]
    annotated = CliRunner().invoke(app, [*args, "--format", "github"]).stdout.splitlines()
    unread = [line.split("::")[1] for line in annotated if "title=settings-row-unread" in line]
    assert unread == [
        f"error file={communities.as_posix()},line=2,title=settings-row-unread  西岭街道!2",
        f"error file={approvals.as_posix()},line=3,title=settings-row-unread",
    ]
    said = CliRunner().invoke(app, [*args, "--lang", "en"]).stdout
    assert f"approvals table {approvals.as_posix()} (csv, utf-8)" in said and "read 0 rows" not in said


def test_a_community_whose_row_was_not_read_is_never_taken_for_its_namesake_in_another_street(
    tmp_path: Path,
) -> None:
    # helper-84: with 西岭街道's 梅园社区 row not read, a roster without streets took 东湖街道's 梅园社区 — its
    # election day and seats — without a word on the roster.
    communities = written(
        tmp_path,
        "c.csv",
        HEADER
        + "东湖街道,青松社区,2006-09-30,5,5\n东湖街道,梅园社区,2006-09-28,5,5\n西岭街道,梅园社区,2006-09-26,5,五\n",
    )
    roster = written(
        tmp_path,
        "r.csv",
        "姓名,性别,身份证号,出生年月,文化程度,社区,拟任职务\n"
        f"钱德明,男,{make_id('1944-03-03')},1944-03-03,高中,梅园社区,党组织书记\n",
    )
    report = check([roster], communities=communities, lang="en")
    assert (
        str(team(report, "梅园社区").election_date) == "2006-09-30"
    )  # the default: which street's is unknown
    [said] = [f for i in report.inputs for f in i.findings if f.rule == "community-settings-unread"]
    assert said.evidence["settings_line"] == 4 and "梅园社区" in said.message
    # Named with its street, the roster's community is the one whose row was not read: said as that, not as
    # "the file has no 西岭街道 梅园社区, only 东湖街道 梅园社区".
    named = written(
        tmp_path,
        "n.csv",
        f"姓名,身份证号,街道,社区,拟任职务\n钱德明,{make_id('1944-03-03')},西岭街道,梅园社区,党组织书记\n",
    )
    rules = [f.rule for i in check([named], communities=communities).inputs for f in i.findings]
    assert rules.count("community-settings-unread") == 1 and "community-settings-elsewhere" not in rules


def test_a_roster_finding_about_the_communities_tables_line_is_not_placed_on_the_rosters_line(
    tmp_path: Path,
) -> None:
    # helper-84: "line 4 of the communities file" was read as the roster's line 4 (林秀英's) by the csv, xlsx,
    # github and sarif reports.
    communities = written(
        tmp_path,
        "c.csv",
        (EXAMPLES / "communities.csv").read_text(encoding="utf-8").replace("2006-09-26", "2006-9-31"),
    )
    roster = EXAMPLES / "roster.csv"
    result = CliRunner().invoke(
        app, ["check", str(roster), "--communities", str(communities), "--format", "github"]
    )
    [annotation] = [line for line in result.stdout.splitlines() if "title=community-settings-unread" in line]
    assert annotation.startswith(
        f"::warning file={roster.as_posix()},line=1,"
    )  # its header, as a file's finding


def test_the_findings_of_a_settings_table_are_said_when_no_roster_could_be_read(tmp_path: Path) -> None:
    # helper-84: a folder of files none of which is a roster lost the communities table's own findings.
    folder = tmp_path / "submitted"
    folder.mkdir()
    (folder / "x.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    communities = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-13-01,5,5\n")
    report = check([folder], communities=communities)
    said = [(i.table, f.rule) for i in report.inputs for f in i.findings]
    assert ("communities", "settings-row-unread") in said and (None, "file-unread") in said


def test_a_community_row_refused_for_its_control_character_is_said_by_its_name(tmp_path: Path) -> None:
    # helper-84: 梅园社区\x1b did not name the roster's 梅园社区, said as "not in the file".
    communities = written(
        tmp_path,
        "c.csv",
        (EXAMPLES / "communities.csv").read_text(encoding="utf-8").replace("梅园社区,", "梅园社区\x1b,"),
    )
    report = check([EXAMPLES / "roster.csv"], communities=communities)
    rules = [f.rule for i in report.inputs for f in i.findings]
    assert "community-settings-unread" in rules and "community-not-in-settings" not in rules


def test_a_seat_column_of_a_row_not_read_is_not_taken_as_given(tmp_path: Path) -> None:
    # helper-84: the row 5.5 was refused after its column was noted as given, and the not-checked advice then
    # named only the other column.
    communities = written(tmp_path, "c.csv", HEADER + "东湖街道,青松社区,2006-09-30,5.5,5\n")
    report = check([EXAMPLES / "roster.csv"], communities=communities, lang="en")
    assert passed_over(report).evidence["column"] == "党组织核定职数"
    # No row read, no seats given: both columns are missing, not 居委会核定职数 alone.
    [missing] = [n for n in report.not_checked if n.rule == "seat-quota"]
    assert sorted(missing.missing) == ["committee_seats", "party_seats"]


def test_a_community_given_twice_on_two_sheets_names_the_first_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "甲"
    first.append(["街道", "社区", "选举日期"])
    first.append(["东湖街道", "青松社区", "2006-09-30"])
    second = book.create_sheet("乙")
    second.append(["街道", "社区", "选举日期"])
    second.append(["东湖街道", "青松社区", "2006-09-20"])
    path = tmp_path / "communities.xlsx"
    book.save(path)
    report = check([EXAMPLES / "roster.csv"], communities=path, lang="en")
    said = passed_over(report)
    assert (said.evidence["file"], said.evidence["line"]) == (f"{path.as_posix()}#乙", 2)
    assert (
        "is already on sheet '甲' line 2" in said.message
        and "seats of sheet '甲' line 2 were used" in said.message
    )
    assert str(team(report).election_date) == "2006-09-30"


def test_a_sheet_of_a_settings_workbook_missing_a_required_column_fails_the_run(tmp_path: Path) -> None:
    # helper-84: a sheet with 选举日期 and seats but no 社区 was passed over without a word, and the run passed.
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "东湖"
    first.append(["街道", "社区", "选举日期"])
    first.append(["东湖街道", "青松社区", "2006-09-30"])
    second = book.create_sheet("西岭")
    second.append(["街道", "选举日期", "党组织核定职数"])
    second.append(["西岭街道", "2006-09-26", 5])
    notes = book.create_sheet("说明")
    notes.append(["本表由东湖区委组织部制"])
    path = tmp_path / "communities.xlsx"
    book.save(path)
    report = check([EXAMPLES / "roster.csv"], communities=path)
    said = [(i.sheet, f.rule, f.severity) for i in report.inputs if i.table for f in i.findings]
    assert said == [("西岭", "sheet-settings-not-read", "invalid")]  # 说明 holds none of the table's columns
    args = ["check", str(EXAMPLES / "roster.csv"), "--communities", str(path), "--fail-on", "ineligible"]
    assert CliRunner().invoke(app, args).exit_code == 1


def test_one_workbook_holding_both_tables_and_a_contacts_sheet_is_read_without_a_finding(
    tmp_path: Path,
) -> None:
    # helper-87: read as the approvals table, the communities sheet (街道, 社区: columns a team's approval has
    # too) was sheet-settings-not-read, and the run failed; so did a sheet of contacts (街道, 联系人, 电话).
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "社区"
    first.append(["街道", "社区", "选举日期", "党组织核定职数", "居委会核定职数"])
    first.append(["东湖街道", "青松社区", "2006-09-30", 5, 5])
    second = book.create_sheet("批复")
    second.append(["身份证号", "姓名", "规则", "批复文号", "审批单位", "批复日期"])
    second.append(
        [make_id("1948-09-30"), "陈建国", "principal-age", "东组审〔2006〕12号", "区委组织部", "2006-09-01"]
    )
    contacts = book.create_sheet("联系人")
    contacts.append(["街道", "联系人", "电话"])
    contacts.append(["东湖街道", "王五", "0591-1234567"])
    path = tmp_path / "settings.xlsx"
    book.save(path)
    report = check([EXAMPLES / "roster.csv"], communities=path, approvals=path)
    assert [f.rule for i in report.inputs if i.table for f in i.findings] == []


def test_a_community_given_twice_keeps_its_first_rows_settings_for_a_roster_without_streets(
    tmp_path: Path,
) -> None:
    # helper-87: the refused second row was counted as a row not read, and a roster without streets was judged
    # on the default day, though the first row's settings stand.
    communities = written(
        tmp_path, "c.csv", HEADER + "西岭街道,梅园社区,2006-09-26,3,5\n西岭街道,梅园社区,2006-09-20,3,5\n"
    )
    roster = written(
        tmp_path,
        "r.csv",
        f"姓名,身份证号,社区,拟任职务\n钱德明,{make_id('1944-03-03')},梅园社区,党组织书记\n",
    )
    report = check([roster], communities=communities)
    assert str(team(report, "梅园社区").election_date) == "2006-09-26"
    rules = [f.rule for i in report.inputs for f in i.findings]
    assert rules.count("settings-row-unread") == 1 and "community-settings-unread" not in rules


@pytest.mark.parametrize("roster_name", ["a-roster.csv", "z-roster.csv"])
def test_a_settings_table_in_the_folder_and_given_by_its_option_is_listed_once(
    tmp_path: Path, roster_name: str
) -> None:
    # Given with --approvals and lying among the rosters, a table with a bad row was two inputs: set aside as
    # given, and again with its finding (helper-84). Read before the roster or after it, it is one.
    rows = (EXAMPLES / "approvals.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].replace("2005-08-01", "2005-13-01")
    approvals = written(tmp_path, "approvals.csv", "\n".join(rows) + "\n")
    (tmp_path / roster_name).write_bytes((EXAMPLES / "roster.csv").read_bytes())
    for jobs in (1, 2):
        report = check([tmp_path], approvals=approvals, jobs=jobs)
        listed = [(Path(i.path).name, i.table, [f.rule for f in i.findings]) for i in report.inputs]
        assert sorted(listed, key=str) == sorted(
            [
                (roster_name, None, []),
                ("approvals.csv", "approvals", ["file-given-as-table", "settings-row-unread"]),
            ],
            key=str,
        )
        assert len(report.candidates) == 21


def test_seats_lost_with_unread_rows_are_not_asked_to_be_written(tmp_path: Path) -> None:
    # Every row of the communities table refused (五 for a seat count, 9月31日): seat-quota is not checked, and
    # said so; its advice was to write the seats column the table already has (helper-87).
    communities = written(
        tmp_path,
        "communities.csv",
        "街道,社区,选举日期,党组织核定职数,居委会核定职数\n"
        "东湖街道,青松社区,2006-09-30,五,5\n"
        "东湖街道,翠竹社区,2006-09-31,3,5\n",
    )
    for lang, said in (
        ("zh", "规则 seat-quota 未检查：社区表写有核定职数"),
        ("en", "rule seat-quota not checked: the communities table gives approved seat counts"),
    ):
        result = CliRunner().invoke(
            app, ["check", str(EXAMPLES / "roster.csv"), "--communities", str(communities), "--lang", lang]
        )
        assert said in result.stdout and "settings-row-unread" in result.stdout
        assert "--communities）里写这一列" not in result.stdout and "write the column" not in result.stdout
    report = check([EXAMPLES / "roster.csv"], communities=communities)
    assert [(n.rule, n.missing_from, n.in_unread_rows) for n in report.not_checked] == [
        ("seat-quota", "communities", True)
    ]
    # A table that gives no seats at all is still asked for them.
    bare = written(tmp_path, "bare.csv", "街道,社区,选举日期\n东湖街道,青松社区,2006-09-30\n")
    report = check([EXAMPLES / "roster.csv"], communities=bare)
    assert [(n.rule, n.in_unread_rows) for n in report.not_checked] == [("seat-quota", False)]


def test_a_village_run_names_its_table_and_townships_as_its_rule_set_heads_them(tmp_path: Path) -> None:
    # A township officer was told to write the seats in the 社区表 and asked whether the 街道 was written
    # another way: a village's rule set heads them 村 and 乡镇, as its template and roster do (helper-126).
    roster = EXAMPLES / "village-2021" / "roster.csv"
    run = ["check", str(roster), "--rules", "village-2021", "--fail-on", "never"]
    said = CliRunner().invoke(app, run).stdout
    assert "（请在村表（--communities）里写这两列）" in said and "社区表" not in said
    findings = CliRunner().invoke(app, [*run, "--format", "csv"]).stdout
    assert "请在村表（--communities）里写这两列" in findings and "社区表" not in findings
    table = tmp_path / "villages.csv"
    # 青山乡 may be 青山镇 written another way (one own name); 石桥镇 would be another township's 青山村.
    table.write_text("乡镇,村,选举日期\n青山乡,青山村,2021-01-15\n", encoding="utf-8")
    report = check([roster], ruleset="village-2021", communities=table)
    [elsewhere] = [
        f.message for i in report.inputs for f in i.findings if f.rule == "community-settings-elsewhere"
    ]
    assert elsewhere.startswith("村表里没有 青山镇 青山村，只有第 2 行的 青山乡 青山村：乡镇的写法不同？")
    english = check([roster], ruleset="village-2021", communities=table, lang="en")
    [said_in_english] = [
        f.message for i in english.inputs for f in i.findings if f.rule == "community-settings-elsewhere"
    ]
    assert said_in_english.startswith(
        "the communities file has no 青山镇 青山村, only 青山乡 青山村 on line 2"
    )
    # The table's own line in the list of inputs read, where it has findings of its own, names it so too.
    unknown = tmp_path / "村职数.csv"
    unknown.write_text("乡镇,村,选举日期,备用列\n青山镇,青山村,2021-01-15,x\n", encoding="utf-8")
    listed = CliRunner().invoke(app, [*run, "--communities", str(unknown)]).stdout
    assert f"村表 {unknown.as_posix()}（csv, utf-8）" in listed and "社区表" not in listed


def test_a_community_the_table_has_only_in_another_township_is_not_asked_to_be_respelt(
    tmp_path: Path,
) -> None:
    # 绿水镇 has a 白水村 as 青山镇 does: two villages, and asking whether the roster wrote its 乡镇 another way
    # sent the officer to respell a township that was right (helper-127). 青山乡 may be 青山镇 written otherwise.
    roster = EXAMPLES / "village-2021" / "roster.csv"
    table = tmp_path / "villages.csv"
    table.write_text(
        "乡镇,村,选举日期\n绿水镇,白水村,2021-01-15\n青山乡,青山村,2021-01-15\n", encoding="utf-8"
    )

    def said(lang: str) -> dict[str, str]:
        report = check([roster], ruleset="village-2021", communities=table, lang=lang)
        notes = [
            f.message for i in report.inputs for f in i.findings if f.rule == "community-settings-elsewhere"
        ]
        return {note.split("：")[0].split(":")[0]: note for note in notes}

    chinese = said("zh")
    assert chinese["村表里没有 青山镇 白水村"] == (
        "村表里没有 青山镇 白水村：第 2 行的 绿水镇 白水村 是另一个乡镇的同名村，其选举日和核定职数未用于 青山镇 白水村，"
        "按名册或默认的选举日检查；如是同一个村，请在村表里按名册写它的乡镇"
    )
    assert chinese["村表里没有 青山镇 青山村，只有第 3 行的 青山乡 青山村"].endswith(
        "乡镇的写法不同？其选举日和核定职数未用于 青山镇 青山村"
    )
    english = said("en")
    assert english["the communities file has no row for 青山镇 白水村"].startswith(
        "the communities file has no row for 青山镇 白水村: 绿水镇 白水村 on line 2 is another street's community of "
        "that name, so its election day and seats were not used"
    )
    assert (
        "is the street written another way?"
        in english["the communities file has no 青山镇 青山村, only 青山乡 青山村 on line 3"]
    )


def test_a_village_runs_notes_on_its_rows_and_files_name_its_villages_and_村表(tmp_path: Path) -> None:
    # A township officer's run said 同一个社区的 2 种写法, 没有写社区, 本社区前面的行, 这是社区表 and
    # 没有姓名、社区和拟任职务 of its villages: each says 村 and 村表, as the rule set heads them (helper-127).
    roster = written(
        tmp_path,
        "青山镇.csv",
        "序号,姓名,身份证号,乡镇,村,拟任职务,选举日期\n"
        "1,李建华,350521197003120130,青山镇,青山村,村委会主任,2021-01-15\n"
        "2,王秀兰,350521197806200169,青山镇,,村委会副主任,2021-01-15\n"
        "3,张伟,350521198509020174,青山镇,青山村,村委会委员,2021-01-20\n"
        "4,刘强,350521198011110199,青山镇,青山镇青山村,村委会委员,2021-01-15\n"
        "周德福,,,,,,\n"
        "5,吴春生,350521197208080291,石桥镇,石桥村,村委会主任,2021-01-18\n",
    )
    table = written(
        tmp_path,
        "村表.csv",
        "乡镇,村,选举日期\n石桥镇,石桥村,2021-01-10\n石桥镇,石桥村,2021-01-10\n",
    )
    report = check([roster], ruleset="village-2021", communities=table)
    said = [f.message for i in report.inputs for f in i.findings]
    said += [f.message for c in report.candidates for f in c.findings]
    by_rule = {f.rule: f.message for i in report.inputs for f in i.findings}
    by_rule |= {f.rule: f.message for c in report.candidates for f in c.findings}
    assert "同一个村的 2 种写法" in by_rule["community-written-apart"]
    assert by_rule["community-filled-down"].startswith("第 3 行没有写村，")
    assert by_rule["community-filled-down"].endswith("请在这些行补上村")
    assert "本村前面的行却是按 2021-01-15 选举的" in by_rule["election-date-not-team"]
    assert "村表给本村的选举日却是 2021-01-10" in by_rule["election-date-not-settings"]
    assert "（没有姓名、村和拟任职务，" in by_rule["row-not-a-candidate"]
    assert "请把姓名、村、拟任职务等各项" in by_rule["row-not-a-candidate"]
    assert "村“石桥镇 石桥村”在第 2 行已经出现过：同一村只能写一行" in by_rule["settings-row-unread"]
    assert not [words for words in said if "社区" in words], said
    # English as it was, for either rule set.
    english = check([roster], ruleset="village-2021", communities=table, lang="en")
    in_english = {f.rule: f.message for i in english.inputs for f in i.findings}
    assert "look like one community written 2 ways" in in_english["community-written-apart"]
    # The 村表 given as the roster to check is said to be one; a community rule set's run says 社区表.
    run = ["check", str(table), "--fail-on", "never"]
    refused = CliRunner().invoke(app, [*run, "--rules", "village-2021"])
    assert "这是村表，不是名册：请用 --communities 指定它" in refused.stderr
    assert "这是社区表，不是名册" in CliRunner().invoke(app, run).stderr
    # A row naming no village is headed so in the terminal, whose report the library formats the same way.
    nowhere = written(tmp_path, "无村.csv", "姓名,乡镇,村,拟任职务\n李建华,青山镇,,村委会主任\n")
    terminal = CliRunner().invoke(
        app, ["check", str(nowhere), "--rules", "village-2021", "--fail-on", "never"]
    )
    assert "（未写村）" in terminal.stdout and "未写社区" not in terminal.stdout


@pytest.mark.parametrize(
    ("roster", "given", "said"),
    [
        # A folder of the 村表 alone, a folder given as the 村表, a roster given as it.
        (
            {"村表.csv": "乡镇,村,选举日期\n青山镇,青山村,2021-01-15\n"},
            None,
            "文件夹中只有村表或批复表，没有名册",
        ),
        (
            {"r.csv": "姓名,村,拟任职务\n甲,青山村,村委会主任\n"},
            "folder",
            "是文件夹：村表和批复表各是一个文件",
        ),
        ({"r.csv": "姓名,村,拟任职务\n甲,青山村,村委会主任\n"}, "r.csv", "不是村表或批复表"),
        (
            {
                "r.yaml": "- {姓名: 甲, 村: 青山村, 拟任职务: 村委会主任}\n"
                "- {村: 白水村, candidates: [{姓名: 乙, 拟任职务: 村委会委员}]}\n"
            },
            None,
            "按村分组的名册应写成 communities: [{村: …, candidates: [...]}]",
        ),
        (
            {
                "r.yaml": "党组织核定职数: 9\ncommunities:\n  - 村: 青山村\n    candidates:\n      - {姓名: 甲}\n"
            },
            None,
            "核定职数是各村自己的，请写进每个村",
        ),
    ],
    ids=[
        "folder-only-settings",
        "table-is-folder",
        "settings-is-roster",
        "file-group-in-list",
        "seats-beside",
    ],
)
def test_a_village_runs_errors_name_its_villages_and_村表(
    tmp_path: Path, roster: dict[str, str], given: str | None, said: str
) -> None:
    folder = tmp_path / "青山镇"
    folder.mkdir()
    for name, text in roster.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = ["check", str(folder), "--rules", "village-2021"]
    if given is not None:
        run += ["--communities", str(folder if given == "folder" else folder / given)]
    result = CliRunner().invoke(app, run)
    # Said as the run's error, or as the file's finding where a folder's other files may still be checked.
    out = (result.stdout + result.stderr).replace("\n", "")  # the terminal wraps its lines
    assert result.exit_code in (1, 2) and said in out, out
    assert "社区" not in result.stderr


def test_a_village_rule_files_case_without_the_village_it_expects_says_no_such_村(tmp_path: Path) -> None:
    rules = written(
        tmp_path,
        "乡.yaml",
        "extends: village-2021\nname: township\ntitle: {zh: 乡, en: township}\nversion: '1'\ntests:\n"
        "  - case: 白水村\n    candidates:\n      - {姓名: 甲, 村: 青山村, 拟任职务: 村委会主任}\n"
        "    expect:\n      白水村: [committee-woman]\n",
    )
    said = CliRunner().invoke(app, ["rules", "test", str(rules)]).stdout
    assert "白水村：用例里没有这一行，也没有这个村" in said and "社区" not in said, said
