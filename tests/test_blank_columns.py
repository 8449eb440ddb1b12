"""A yes/no column whose blank reads as 否, blank on every row of a table: said on the file, as it may never have
been filled in (a street office that left 两违 unanswered passed every candidate without a word)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from openpyxl.styles import Font
from typer.testing import CliRunner

from eligibility import check, fails
from eligibility.cli import app
from eligibility.report import Finding, Report

from conftest import make_id

HEADER = [
    "姓名",
    "性别",
    "身份证号",
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
]
# A team that passes every rule, even at --fail-on warning, once its bars are answered.
TEAM = [
    ("甲", "男", "1965-05-01", "高中", "党支部书记、居委会主任"),
    ("乙", "女", "1970-05-01", "大专", "党支部副书记、妇代会主任"),
    ("丙", "男", "1975-05-01", "高中", "党支部委员、民兵营长"),
    ("丁", "女", "1980-05-01", "本科", "居委会委员"),
]


def rows(bars: list[tuple[str, str, str]]) -> list[list[str]]:
    """The team's rows, each with its 两违, 综治问题 and 被剥夺政治权利 as given (计生违法日期 and 亲属 blank)."""
    return [
        [
            name,
            sex,
            make_id(birth, sex),
            education,
            "中共党员",
            "东湖街道",
            "青松社区",
            roles,
            "",
            *answers,
            "",
        ]
        for (name, sex, birth, education, roles), answers in zip(TEAM, bars, strict=True)
    ]


def seats(tmp_path: Path) -> Path:
    path = tmp_path / "communities.csv"
    path.write_text("街道,社区,党组织核定职数,居委会核定职数\n东湖街道,青松社区,3,3\n", encoding="utf-8")
    return path


def written(tmp_path: Path, form: str, table: list[list[str]]) -> Path:
    """The rows as a roster of the form: CSV, a workbook, or YAML records that leave a blank cell out."""
    if form == "csv":
        path = tmp_path / "r.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([HEADER, *table])
        return path
    if form == "xlsx":
        return workbook(tmp_path / "r.xlsx", table)
    path = tmp_path / "r.yaml"
    records = [{h: cell for h, cell in zip(HEADER, row, strict=True) if cell or h != "两违"} for row in table]
    records[0]["两违"] = ""  # one record writes it blank; the others leave it out
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return path


def workbook(path: Path, table: list[list[Any]], marks: dict[int, str] | None = None) -> Path:
    """The rows under the header in a sheet; `marks` hides a data row (counted from 0) or strikes its name."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "候选人"
    for row in [HEADER, *table]:
        sheet.append(row)
    for index, mark in (marks or {}).items():
        if mark == "hidden":
            sheet.row_dimensions[index + 2].hidden = True
        else:
            sheet.cell(index + 2, 1).font = Font(strike=True)
    book.save(path)
    return path


def blank_columns(report: Report) -> list[Finding]:
    return [f for i in report.inputs for f in i.findings if f.rule == "column-all-blank"]


@pytest.mark.parametrize("form", ["csv", "xlsx", "yaml"])
def test_a_yes_no_column_blank_on_every_row_is_said_on_the_file(tmp_path: Path, form: str) -> None:
    # 两违 never filled in: every candidate came out eligible and the run passed, with no word that the column was
    # never answered. 综治问题 answered on one row only is answered; 计生违法日期 and 亲属, blank on every row, are
    # how those columns stand for most rosters (a date or a name only for the few they concern).
    table = rows([("", "否", "否"), ("", "否", "否"), ("", "否", "否"), ("", "", "否")])
    roster = written(tmp_path, form, table)
    report = check([roster], communities=seats(tmp_path), lang="en")
    assert [c.status for c in report.candidates] == ["eligible"] * 4
    [said] = blank_columns(report)
    assert said.severity == "info"
    assert said.message == (
        "column 两违 is blank on all 4 rows, and a blank reads as no: the rules reading it (two-violations) judged "
        "everyone as answering no; if the column was never filled in, answer it on every row and check again"
    )
    assert said.evidence == {
        "header": "两违",
        "column": "两违",  # as a candidate's finding names its column: the 列 of the CSV and workbook reports
        "field": "two_violations",
        "rows": 4,
        "read_as": "no",
        "rules": "two-violations",
    }
    [zh] = blank_columns(check([roster], communities=seats(tmp_path)))
    assert zh.message == (
        "“两违”列 4 行全部空白，空白按“否”读取，读它的规则（two-violations）按人人都是“否”判断；若这一列其实未"
        "填写，请逐行填写后再查"
    )
    # With --jobs, the rows checked by workers, as they are said by one process.
    assert blank_columns(check([roster], communities=seats(tmp_path), lang="en", jobs=2)) == [said]
    # A note, failing no run: blank is no by the roster contract, and the template says so (是 / 否，空表示否), so
    # a roster filled as told must pass at --fail-on warning (helper-100: it failed there as a warning).
    assert not fails(report, "warning")


def test_a_roster_filled_as_the_template_says_passes_at_fail_on_warning(tmp_path: Path) -> None:
    # The template says 两违 is 是 / 否，空表示否: left blank on every row, as told, the roster is said to have a
    # blank column but fails no run.
    roster = written(tmp_path, "csv", rows([("", "否", "否")] * 4))
    args = ["check", str(roster), "--communities", str(seats(tmp_path)), "--lang", "en"]
    default = CliRunner().invoke(app, args)
    assert default.exit_code == 0, default.stdout + default.stderr
    assert "[info] column-all-blank column 两违 is blank on all 4 rows" in default.stdout
    assert CliRunner().invoke(app, [*args, "--fail-on", "warning"]).exit_code == 0


def test_one_blank_row_is_no_pattern(tmp_path: Path) -> None:
    # A roster of one (a test's, or one person's supplement) leaves its bars blank as any single row may; from two
    # rows, every row unanswered is said, each column apart, with the rules that read it.
    said = []
    for people in (1, 2):
        roster = written(tmp_path, "csv", rows([("", "否", "")] * 4)[:people])
        found = blank_columns(check([roster], lang="en"))
        said.append([(f.evidence["header"], f.evidence["rules"], f.evidence["rows"]) for f in found])
    assert said == [[], [("两违", "two-violations", 2), ("被剥夺政治权利", "political-rights", 2)]]


def test_a_further_column_of_one_meaning_answers_for_it(tmp_path: Path) -> None:
    # 两违 blank beside 两违问题 answered on one row: the pair is answered, as the rules read them as one; 综治问题
    # headed as its question (有无综治问题) is named as written.
    header = [
        "姓名",
        "性别",
        "身份证号",
        "社区",
        "拟任职务",
        "两违",
        "两违问题",
        "有无综治问题",
        "被剥夺政治权利",
    ]
    table = [
        ["甲", "男", make_id("1965-05-01"), "青松社区", "居委会委员", "", "", "", "否"],
        ["乙", "男", make_id("1966-05-01"), "青松社区", "居委会委员", "", "是", "", "否"],
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(",".join(r) for r in [header, *table]) + "\n", encoding="utf-8")
    report = check([roster], lang="en")
    assert report.candidates[1].status == "ineligible"
    assert [(f.evidence["header"], f.evidence["rules"]) for f in blank_columns(report)] == [
        ("有无综治问题", "governance-record")
    ]


RULES = """\
extends: community-2006
name: community-2006-blank
title: {zh: 空白测试, en: Blanks}
version: "1"
fields:
  criminal_record:
    type: bool
    blank: unknown
    zh: 受过刑事处罚
    en: has received a criminal punishment
    aliases: [受过刑事处罚]
  resident:
    type: bool
    blank: "no"
    zh: 本社区常住
    en: lives in the community
    aliases: [本社区常住]
rules:
  - id: criminal-record
    title: {zh: 受过刑事处罚, en: Criminal punishment}
    severity: ineligible
    scope: candidate
    when: {fact: criminal_record, eq: true}
    message: {zh: 受过刑事处罚, en: has received a criminal punishment}
    source: {document: 细则, clause: 一, quote: 受过刑事处罚的不能提名}
  - id: not-resident
    title: {zh: 非本社区常住, en: Not living in the community}
    severity: review
    scope: candidate
    when: {fact: resident, eq: false}
    message: {zh: 不在本社区常住, en: does not live in the community}
    source: {document: 细则, clause: 二, quote: 候选人应在本社区常住}
"""


def test_any_field_whose_blank_the_rule_file_reads_as_no(tmp_path: Path) -> None:
    # A field written `blank: "no"` in a rule file is read so, whatever its rules ask of it: not-resident flagged
    # everyone for a 本社区常住 never filled in. A `blank: unknown` column (受过刑事处罚) says so on each row already.
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    header = [
        "姓名",
        "身份证号",
        "社区",
        "拟任职务",
        "两违",
        "综治问题",
        "被剥夺政治权利",
        "受过刑事处罚",
        "本社区常住",
    ]
    table = [
        [name, make_id(f"196{i}-01-01"), "青松社区", "居委会委员", "否", "否", "否", "", ""]
        for i, name in enumerate("甲乙丙")
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(",".join(r) for r in [header, *table]) + "\n", encoding="utf-8")
    report = check([roster], rules, lang="en")
    assert {f.rule for c in report.candidates for f in c.findings} == {"not-resident", "criminal-record"}
    [said] = blank_columns(report)
    assert (said.evidence["header"], said.evidence["rules"], said.evidence["rows"]) == (
        "本社区常住",
        "not-resident",
        3,
    )


@pytest.mark.parametrize("mark", ["hidden", "struck"])
def test_hidden_and_struck_rows_of_a_workbook_are_rows_still(tmp_path: Path, mark: str) -> None:
    # Rows Excel hides, or whose name is struck through, are checked as the others: counted among the rows left
    # blank, and their answer, where they give one, answers the column.
    table: list[list[Any]] = rows([("", "否", ""), ("", "否", "否"), ("", "否", ""), ("", "否", "是")])
    path = workbook(tmp_path / "r.xlsx", table, {1: mark, 3: mark})
    report = check([path], lang="en")
    assert [f"{f.evidence['header']}:{f.evidence['rows']}" for f in blank_columns(report)] == ["两违:4"]
    for marked in (1, 3):
        table[marked][HEADER.index("被剥夺政治权利")] = ""
    path = workbook(tmp_path / "r.xlsx", table, {1: mark, 3: mark})
    report = check([path], lang="en")
    assert [f"{f.evidence['header']}:{f.evidence['rows']}" for f in blank_columns(report)] == [
        "两违:4",
        "被剥夺政治权利:4",
    ]
