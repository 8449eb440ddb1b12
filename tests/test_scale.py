"""Provincial scale: JSON and JSON lines written as candidates come are the same report, and --jobs changes
nothing but the speed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import resource
import stat
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eligibility import check
from eligibility.candidate import Candidate, RowSource
from eligibility.cli import app
from eligibility.engine import Options as CheckOptions
from eligibility.engine import Review
from eligibility.formatters.interface import Options
from eligibility.formatters.json import JsonFormatter, JsonWriter
from eligibility.formatters.jsonl import JsonlFormatter, JsonlWriter
from eligibility.report import Serialised, json_bytes, worst_open
from eligibility.roster.readers import CSV_MAX_FIELD

from conftest import EXAMPLES, ROOT, make_id

sys.path.insert(0, str(ROOT / "benchmarks"))
import make_roster

EXAMPLE = [str(EXAMPLES / "roster.csv"), "--communities", str(EXAMPLES / "communities.csv")]


def _run(tmp_path: Path, name: str, *args: str) -> bytes:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["check", *args, "-o", str(out)])
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return out.read_bytes()


@pytest.mark.parametrize("explain", [False, True])
def test_streamed_json_is_byte_for_byte_the_report(tmp_path: Path, explain: bool) -> None:
    flags = ["--explain"] if explain else []
    streamed = _run(tmp_path, "report.json", *EXAMPLE, "--format", "json", *flags)
    report = check([EXAMPLES / "roster.csv"], communities=EXAMPLES / "communities.csv", explain=explain)
    assert streamed.decode() == JsonFormatter().format(report, Options())
    assert json.loads(streamed)["summary"]["candidates"] == 21


@pytest.mark.parametrize(
    ("fmt", "writer", "unused"),
    [("json", JsonWriter, "candidate"), ("jsonl", JsonlWriter, "candidate")],
)
def test_each_writer_is_handed_candidates_the_way_it_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, writer: type, unused: str
) -> None:
    # Both take a candidate's compact JSON: JSON lines writes it as it is, the JSON report indents it (no model
    # is made of it). In one process neither is handed a model made only to be written.
    def not_this_way(*_: object) -> None:
        raise AssertionError(f"{writer.__name__}.{unused} called")

    monkeypatch.setattr(writer, unused, not_this_way)
    expected = _run(tmp_path, f"jobs.{fmt}", *EXAMPLE, "--format", fmt, "--jobs", "1")
    assert json.loads(expected.splitlines()[-1] if fmt == "jsonl" else expected)


def test_streamed_json_with_candidates_and_no_team(tmp_path: Path) -> None:
    roster = tmp_path / "no-community.csv"
    roster.write_text("姓名,性别,出生日期,社区,拟任职务\n王芳,女,1970-01-01,,居委会委员\n", encoding="utf-8")
    streamed = _run(tmp_path, "report.json", str(roster), "--format", "json")
    assert streamed.decode() == JsonFormatter().format(check([roster]), Options())


def test_streamed_jsonl_holds_the_same_lines_in_order(tmp_path: Path) -> None:
    streamed = _run(tmp_path, "report.jsonl", *EXAMPLE, "--format", "jsonl").decode()
    report = check([EXAMPLES / "roster.csv"], communities=EXAMPLES / "communities.csv")
    assert streamed == JsonlFormatter().format(report, Options())
    kinds = [json.loads(line)["type"] for line in streamed.splitlines()]
    assert kinds[0] == "run" and kinds[-1] == "summary"
    assert kinds.count("candidate") == 21 and kinds.count("team") == 3


@pytest.fixture(scope="module")
def big_roster(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """5,000 synthetic rows (three batches for the workers), and two rows that only the whole run can judge:
    the first person's ID again in another community at the end (a duplicate across batches), and a
    principal's second post on a row of their own far from the first (one member holding both seats)."""
    folder = tmp_path_factory.mktemp("big")
    rows, communities = make_roster.rows(5000)
    again = list(rows[0])
    again[make_roster.HEADER.index("社区")] = communities[-1][1]
    again[make_roster.HEADER.index("街道")] = communities[-1][0]
    second_post = list(rows[8])  # first row of the second community: its principal
    second_post[make_roster.HEADER.index("拟任职务")] = "妇代会主任"
    rows[4100:4100] = [second_post]
    rows.append(again)
    roster, settings = folder / "roster.csv", folder / "communities.csv"
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *rows])
    with settings.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["街道", "社区", "选举日期", "党组织核定职数", "居委会核定职数"], *communities]
        )
    return roster, settings


@pytest.mark.parametrize(("output_format", "jobs"), [("jsonl", 2), ("json", 2), ("csv", 2), ("jsonl", 3)])
def test_jobs_change_nothing_but_the_speed(
    tmp_path: Path, big_roster: tuple[Path, Path], output_format: str, jobs: int
) -> None:
    roster, settings = big_roster
    args = [str(roster), "--communities", str(settings), "--format", output_format]
    one = _run(tmp_path, "one", *args)
    two = _run(tmp_path, "two", *args, "--jobs", str(jobs))
    assert one == two
    if output_format == "jsonl":
        candidates = [json.loads(line) for line in one.decode().splitlines() if '"type":"candidate"' in line]
        assert len(candidates) == 5002
        last = candidates[-1]
        # Besides the first row's own finding: its 政治面貌 may be one party-full-member bars
        # (make_roster.NOT_FULL_MEMBER).
        said = [f for f in last["findings"] if f["rule"] != "party-full-member"]
        assert [f["rule"] for f in said] == ["duplicate-person"]
        assert said[0]["evidence"]["other_line"] == 2


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_a_file_shared_out_among_workers_says_it_as_one_process_does(
    tmp_path: Path, output_format: str
) -> None:
    # 5,000 rows, three batches of --jobs workers: 两违 blank on every row; 综治问题 blank but for the last row,
    # which only the last batch's worker checks, and 被剥夺政治权利 but for the first. The report is the same,
    # byte for byte, with one process and with two.
    people, _ = make_roster.rows(5000)
    at = {h: make_roster.HEADER.index(h) for h in ("两违", "综治问题", "被剥夺政治权利")}
    for number, row in enumerate(people):
        row[at["两违"]] = ""
        row[at["综治问题"]] = "否" if number == len(people) - 1 else ""
        row[at["被剥夺政治权利"]] = "否" if number == 0 else ""
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *people])
    assert roster.stat().st_size > 100_000
    args = [str(roster), "--format", output_format, "--lang", "en"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "two", *args, "--jobs", "2")
    if output_format == "json":
        [read] = json.loads(one)["inputs"]
    else:
        [read] = [json.loads(line) for line in one.splitlines() if line.startswith(b'{"type":"input"')]
    said = [f["evidence"] for f in read["findings"] if f["rule"] == "column-all-blank"]
    assert said == [
        {
            "header": "两违",
            "column": "两违",
            "field": "two_violations",
            "rows": 5000,
            "read_as": "no",
            "rules": "two-violations",
        }
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("settings", [False, True])
def test_one_community_voting_on_two_days_is_judged_on_one_and_named(
    tmp_path: Path, jobs: str, settings: bool
) -> None:
    # A row's own election day overrode its community's: 小王, 18 on 2006-10-01 but 17 on the community's day,
    # passed. Rows far apart land in different batches of --jobs workers: the parent must still see it.
    header = "姓名,身份证号,社区,拟任职务,选举日期\n"
    filler = "".join(
        f"人{i},{make_id(dt.date(1960, 1, 1 + i % 28))},其他{i // 8}社区,居委会委员,\n" for i in range(2500)
    )
    rows = (
        f"老陈,{make_id('1948-09-30')},青松社区,党支部书记,2006-09-29\n"
        + filler
        + f"小王,{make_id('1988-10-01')},青松社区,居委会委员,2006-10-01\n"
        + f"郑伟,{make_id('1988-09-30')},青松社区,居委会委员,\n"
    )
    roster = tmp_path / "r.csv"
    roster.write_text(header + rows, "utf-8")
    args = [str(roster), "--format", "jsonl", "--jobs", jobs, "--lang", "en"]
    if settings:
        (tmp_path / "c.csv").write_text("社区,选举日期\n青松社区,2006-09-29\n", "utf-8")
        args += ["--communities", str(tmp_path / "c.csv")]
    lines = [json.loads(line) for line in _run(tmp_path, "out", *args).splitlines()]
    people = {c["name"]: c for c in lines if c["type"] == "candidate"}
    wang, zheng = people["小王"], people["郑伟"]
    rule = "election-date-not-settings" if settings else "election-date-not-team"
    assert [f["rule"] for f in wang["findings"]] == [rule, "min-age"]
    assert "judged on 2006-09-29" in wang["findings"][0]["message"]
    assert wang["findings"][1]["evidence"]["election_date"] == "2006-09-29"
    # A row leaving the day blank votes with its community: 17 on 2006-09-29, not 18 on the run's 2006-09-30.
    assert [f["rule"] for f in zheng["findings"]] == ["min-age"]


def _province(folder: Path, big_roster: tuple[Path, Path]) -> Path:
    """A folder as a province's rosters arrive: a file for each street, one of them large, a workbook of two
    sheets, a person proposed in two streets' files, one community's rows split between two files, the
    communities table, an earlier report, a note, and a file that is no workbook."""
    roster, communities = big_roster
    folder.mkdir()
    rows = list(csv.reader(roster.read_text(encoding="utf-8").splitlines()))
    header, people = rows[0], rows[1:]
    streets: dict[str, list[list[str]]] = {}
    for person in people[:480]:  # five streets of 96
        streets.setdefault(person[header.index("街道")], []).append(person)
    split = streets["第2街道"]
    streets["第3街道"].extend(split[-3:])  # the last community of 第2街道, its last three rows filed with 第3
    del split[-3:]
    twice = list(streets["第1街道"][5])
    twice[header.index("拟任职务")] = "居委会委员"
    streets["第4街道"].insert(2, twice)  # the same ID number proposed again in another street
    for number, (street, those) in enumerate(streets.items()):
        if number == 4:
            (folder / "第5街道.xlsx").write_bytes(
                _workbook({"第5街道甲": [header, *those[:40]], "第5街道乙": [header, *those[40:]]})
            )
            continue
        with (folder / f"{street}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([header, *those])
    # Large enough to be shared out by batches (see test_a_large_file_among_small_ones_is_shared_out_by_batches).
    with (folder / "第6街道及以后.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *people[480:]])
    (folder / "communities.csv").write_bytes(communities.read_bytes())
    (folder / "说明.txt").write_text("各街道名册，请审核。\n", encoding="utf-8")
    (folder / "损坏.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    return folder


def _workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_a_folder_of_many_rosters_reads_with_jobs_as_with_one_process(
    tmp_path: Path, big_roster: tuple[Path, Path], jobs: str
) -> None:
    # Each small file goes whole to a worker; the report is the same to the byte all the same: rows in file
    # order, the person in two files said on the second, the split community judged as one team.
    folder = _province(tmp_path / "province", big_roster)
    args = [str(folder), "--format", "jsonl", "--lang", "en"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "many", *args, "--jobs", jobs)
    lines = [json.loads(line) for line in one.splitlines()]
    read = [line for line in lines if line["type"] == "input"]
    assert [Path(r["path"]).name for r in read if r["rows"]] == [
        "第1街道.csv",
        "第2街道.csv",
        "第3街道.csv",
        "第4街道.csv",
        "第5街道.xlsx",
        "第5街道.xlsx",
        "第6街道及以后.csv",
    ]
    twice = [
        line
        for line in lines
        if line["type"] == "candidate" and any(f["rule"] == "duplicate-person" for f in line["findings"])
    ]
    fourth = [t for t in twice if Path(t["source"]["path"]).name == "第4街道.csv"]
    assert len(fourth) == 1 and "第1街道.csv" in fourth[0]["findings"][0]["message"]
    candidates = sum(line["type"] == "candidate" for line in lines)
    assert candidates == 5002 + 1  # every row of the big roster, and the one proposed twice
    unread = [r for r in read if any(f["rule"] == "file-unread" for f in r["findings"])]
    assert [Path(r["path"]).name for r in unread] == ["损坏.xlsx"]


def test_a_large_file_among_small_ones_is_shared_out_by_batches(
    tmp_path: Path, big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parent opens no small file itself: the worker sent it reads it. A large one waits for its turn,
    # is opened here, and its rows are shared out by batches, as a run of one file is.
    from eligibility import engine, workers

    folder = _province(tmp_path / "province", big_roster)
    opened: list[str] = []
    original = engine.open_tables

    def counted(source: object, *args: object, **kwargs: object) -> object:
        opened.append(Path(source.shown).name)  # type: ignore[attr-defined]
        return original(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "open_tables", counted)
    monkeypatch.setattr(workers, "WHOLE_FILE_BYTES", 100_000)  # the 4,500-row file is past it, the others not
    args = [str(folder), "--format", "jsonl"]
    many = _run(tmp_path, "many", *args, "--jobs", "2")
    # (and, to say what they are, the files a worker could not read as rosters: the table, the note)
    assert set(opened) == {"第6街道及以后.csv", "communities.csv", "说明.txt"}, opened
    assert opened.count("第6街道及以后.csv") == 1
    opened.clear()
    assert _run(tmp_path, "one", *args) == many
    assert {"第1街道.csv", "第5街道.xlsx", "损坏.xlsx"} <= set(opened)  # one process opens every file itself


def test_a_yaml_roster_or_a_rule_file_among_them_keeps_the_others_going_whole(
    tmp_path: Path, big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any .yaml or .json in the folder (a rule file, an earlier report) had every file shared out by batches,
    # read by every worker and checked by one: --jobs 2 took twice as long as one process (helper-56). A YAML
    # roster carries its communities' settings, which the files after it need: it alone is shared out.
    from eligibility import engine

    folder = _province(tmp_path / "province", big_roster)
    (folder / "规则.yaml").write_bytes((ROOT / "rules" / "village-2021.yaml").read_bytes())
    (folder / "第2街道补充.yaml").write_text(
        "communities:\n  - name: 补充社区\n    street: 第2街道\n    选举日期: 2006-06-01\n    candidates:\n"
        "      - {姓名: 补一, 性别: 男, 出生日期: 1970-01-01, 拟任职务: 居委会委员}\n",
        encoding="utf-8",
    )
    # In a file read after it: 18 on 2006-09-30, 17 on the community's own day.
    (folder / "第3街道补充.csv").write_text(
        "姓名,性别,出生日期,街道,社区,拟任职务\n补二,女,1988-07-01,第2街道,补充社区,居委会委员\n",
        encoding="utf-8",
    )
    args = [str(folder), "--format", "jsonl", "--lang", "en"]
    one = _run(tmp_path, "one", *args)
    (tmp_path / "one").rename(folder / "report.json")  # an earlier run's report left among the rosters
    one = _run(tmp_path, "one", *args)
    opened: list[str] = []
    original = engine.open_tables

    def counted(source: object, *args: object, **kwargs: object) -> object:
        opened.append(Path(source.shown).name)  # type: ignore[attr-defined]
        return original(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "open_tables", counted)
    assert _run(tmp_path, "many", *args, "--jobs", "2") == one
    assert not any(name.startswith(("第1街道", "第4街道", "第3街道补充")) for name in opened), opened
    lines = [json.loads(line) for line in one.splitlines()]
    [late] = [line for line in lines if line.get("name") == "补二"]
    assert [f["rule"] for f in late["findings"]] == ["min-age"]


@pytest.mark.parametrize("jobs", ["2", "3"])
@pytest.mark.parametrize("whole", [True, False], ids=["sent-whole", "shared-out"])
def test_a_file_of_a_folder_that_breaks_midway_is_said_and_the_others_checked(
    tmp_path: Path, big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, jobs: str, whole: bool
) -> None:
    # One street's file with a cell past the csv reader's limit stopped a province's whole run, the other
    # files unchecked (helper-56): now it is that file's finding, as a file that cannot be read at all is, with
    # the rows before the break checked; the same with workers, whether the file goes whole to one (small) or
    # is shared out by batches among them (large), every worker meeting the break.
    from eligibility import workers

    folder = _province(tmp_path / "province", big_roster)
    broken = folder / "第2街道.csv"
    lines = broken.read_bytes().splitlines(keepends=True)
    lines = lines + lines[1:] * 40  # past two batches of rows, to be shared out when large
    huge = b"x" * (CSV_MAX_FIELD + 1)
    broken.write_bytes(b"".join(lines[:2500]) + b'"' + huge + b'",\n' + b"".join(lines[2500:]))
    monkeypatch.setattr(workers, "WHOLE_FILE_BYTES", 1 << 30 if whole else 100_000)
    args = ["check", str(folder), "--format", "jsonl", "--lang", "en"]
    one = CliRunner().invoke(app, args)
    many = CliRunner().invoke(app, [*args, "-j", jobs])
    assert one.exit_code == many.exit_code == 1, one.stderr + many.stderr
    assert many.stdout == one.stdout and "Traceback" not in many.stderr
    lines_out = [json.loads(line) for line in one.stdout.splitlines()]
    [read] = [line for line in lines_out if line["type"] == "input" and line["path"].endswith("第2街道.csv")]
    [finding] = read["findings"]
    assert finding["rule"] == "file-broken-midway" and finding["severity"] == "invalid"
    assert finding["message"].startswith("cannot be read from line 2501 on: ")
    assert read["rows"] == 2499 and "the 2499 before it were" in finding["message"]
    after = [Path(line["path"]).name for line in lines_out if line["type"] == "input" and line["rows"]]
    assert after[after.index("第2街道.csv") + 1 :][:2] == ["第3街道.csv", "第4街道.csv"]  # the others checked


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_day_written_after_rows_that_left_it_blank_says_they_did(tmp_path: Path, jobs: str) -> None:
    # The message said the earlier rows "vote on 2006-09-30", a day no row wrote: the run's default.
    header = "姓名,身份证号,社区,拟任职务,选举日期\n"
    filler = "".join(
        f"人{i},{make_id(dt.date(1960, 1, 1 + i % 28))},其他{i // 8}社区,居委会委员,\n" for i in range(2500)
    )
    rows = (
        f"甲,{make_id('1966-05-01')},青松社区,居委会委员,\n"
        + filler
        + f"乙,{make_id('1966-05-02')},青松社区,居委会委员,2006-09-10\n"
        + f"丙,{make_id('1966-05-03')},翠竹社区,居委会委员,2006-09-10\n"
        + filler.replace("其他", "另外")
        + f"丁,{make_id('1966-05-04')},翠竹社区,居委会委员,2006-09-20\n"
    )
    roster = tmp_path / "r.csv"
    roster.write_text(header + rows, "utf-8")
    args = [str(roster), "--format", "jsonl", "--jobs", jobs, "--lang", "en"]
    lines = [json.loads(line) for line in _run(tmp_path, "out", *args).splitlines()]
    people = {c["name"]: c for c in lines if c["type"] == "candidate"}
    blank, stated = people["乙"]["findings"], people["丁"]["findings"]
    assert [f["rule"] for f in blank] == [f["rule"] for f in stated] == ["election-date-not-team"]
    assert blank[0]["message"] == (
        "选举日期 says 2006-09-10, but this community's earlier rows leave it blank and were judged on 2006-09-30; "
        "judged on 2006-09-30 too: write one day on every row of the community (or in the communities file)"
    )
    assert "this community's earlier rows vote on 2006-09-10" in stated[0]["message"]


def test_more_jobs_than_cores_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --jobs 64 on 2 cores took twenty times as long and 3 GB, without a word (helper-56).
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    out = tmp_path / "r.jsonl"
    many = CliRunner().invoke(app, ["check", *EXAMPLE, "--jobs", "3", "--lang", "en", "-o", str(out)])
    assert many.exit_code == 1
    assert many.stderr.startswith(
        "warning: --jobs 3 is more than the 2 processor cores this machine gives the check"
    )
    assert out.read_bytes() == _run(tmp_path, "one", *EXAMPLE, "--format", "jsonl", "--lang", "en")  # as ever
    fitting = CliRunner().invoke(app, ["check", *EXAMPLE, "--jobs", "2", "--lang", "en", "-o", str(out)])
    assert "warning" not in fitting.stderr


def test_jobs_must_be_a_positive_number() -> None:
    result = CliRunner().invoke(app, ["check", *EXAMPLE, "--jobs", "0"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_more_jobs_than_the_system_can_start_is_said_not_a_traceback() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))  # whatever the machine allows
    try:
        result = CliRunner().invoke(app, ["check", *EXAMPLE, "--jobs", "1000", "--lang", "en"])
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert result.exit_code == 2
    assert "cannot start 1000 worker processes" in result.stderr


def test_the_id_register_remembers_the_first_row_through_growth() -> None:
    from eligibility.candidate import pack_id
    from eligibility.register import IdRegister

    register = IdRegister(capacity=8)
    numbers = [make_roster.id_number("350502", make_roster.ELECTION, True, i) for i in range(499)]
    keys = [pack_id(n) for n in numbers]
    assert all(isinstance(k, int) for k in keys)
    assert [register.first(k, row) for row, k in enumerate(keys, start=1)] == [None] * 499  # type: ignore[arg-type]
    assert len(register) == 499
    assert register.first(keys[0], 999) == 1  # type: ignore[arg-type]
    assert register.first(keys[-1], 999) == 499  # type: ignore[arg-type]


@pytest.mark.parametrize("number", ["350502197604250011", "35050219760425001X", "1234567890", None])
def test_a_member_keeps_name_and_id_number_exactly(number: str | None) -> None:
    from eligibility.candidate import Member, pack_id

    member = Member("欧阳娜娜", number, ("committee_member",), frozenset({"committee"}), (True,), {})
    assert (member.name, member.id_number) == ("欧阳娜娜", number)
    assert member.has_id(pack_id(number)) is (number is not None)
    assert not member.has_id(pack_id("350502197604250029"))


def test_a_teams_roll_gives_back_each_member_as_kept() -> None:
    # Packed members: ID numbers that pack, one that does not, none, a long name; found, taken out, in order.
    from eligibility.candidate import Member, Roll, pack_id

    numbers = ["350502197604250011", "1234567890", None, "35050219760425001X", "350502195409290035"]
    names = ["甲", "乙", "丙" * 200, "丁", "戊"]
    people = [
        Member(name, number, ("committee_member",), frozenset({"committee"}), (i % 2 == 0,), {}, 40 + i, i)
        for i, (name, number) in enumerate(zip(names, numbers, strict=True))
    ]
    roll = Roll()
    for member in people:
        roll.append(member)
    assert [(m.name, m.id_number, m.answers, m.age, m.education_rank) for m in roll] == [
        (m.name, m.id_number, m.answers, m.age, m.education_rank) for m in people
    ]
    assert [roll.find_id(pack_id(n)) for n in numbers] == [0, 1, None, 3, 4]
    assert roll.find(people[3]) == 3 and roll.find(people[2]) is None
    assert roll.find_id(pack_id("350502197604250029")) is None
    assert roll.pop(1).name == "乙"
    assert roll.pop(1).name == "丙" * 200
    assert [m.name for m in roll] == ["甲", "丁", "戊"] and len(roll) == 3
    assert roll.find_id(pack_id(numbers[4])) == 2


def test_a_file_that_breaks_midway_stops_jobs_as_it_stops_one_process(
    tmp_path: Path, big_roster: tuple[Path, Path]
) -> None:
    roster, _ = big_roster
    broken = tmp_path / "broken.csv"
    # Past the first megabyte, which is what the encoding and the kind of file are judged by.
    lines = roster.read_bytes().splitlines(keepends=True)
    lines += lines[1:]
    # A cell longer than the csv reader is let read stops the whole file there, in both ways of running.
    huge = b"x" * (CSV_MAX_FIELD + 1)
    broken.write_bytes(b"".join(lines[:9000]) + b'"' + huge + b'",\n' + b"".join(lines[9000:]))
    one = CliRunner().invoke(app, ["check", str(broken), "--format", "jsonl", "-o", str(tmp_path / "1")])
    two = CliRunner().invoke(
        app, ["check", str(broken), "--format", "jsonl", "-o", str(tmp_path / "2"), "-j", "2"]
    )
    assert one.exit_code == two.exit_code == 2, one.stderr + two.stderr
    assert one.stderr == two.stderr
    assert "Traceback" not in two.stderr and f"{broken}:9001:" in two.stderr
    assert not (tmp_path / "2").exists()  # no half-written report
    # JSON lines to standard output are streamed as they are checked: up to the row before the break, the
    # same with workers as with one process, not cut back to the last whole batch a worker finished.
    one = CliRunner().invoke(app, ["check", str(broken), "--format", "jsonl"])
    two = CliRunner().invoke(app, ["check", str(broken), "--format", "jsonl", "-j", "2"])
    assert one.exit_code == two.exit_code == 2, one.stderr + two.stderr
    lines = [json.loads(line) for line in two.stdout.splitlines()]
    # Then the line that says the report stops there, and why.
    assert two.stdout == one.stdout and lines[-2]["source"]["line"] == 9000
    assert lines[-1]["type"] == "error" and f"{broken}:9001:" in lines[-1]["message"]


def test_undecodable_bytes_midway_are_one_rows_problem_with_or_without_jobs(
    tmp_path: Path, big_roster: tuple[Path, Path]
) -> None:
    roster, _ = big_roster
    mixed = tmp_path / "mixed.csv"
    # Past the first megabyte, which is what the encoding is judged by; a name typed in GBK in a UTF-8 file.
    lines = roster.read_bytes().splitlines(keepends=True)
    lines += lines[1:]
    lines[9000] = "王五".encode("gbk") + lines[9000][lines[9000].index(b",") :]
    mixed.write_bytes(b"".join(lines))
    one = _run(tmp_path, "one", str(mixed), "--format", "jsonl")
    assert one == _run(tmp_path, "two", str(mixed), "--format", "jsonl", "--jobs", "2")
    rows = [json.loads(line) for line in one.splitlines()]
    flagged = [r for r in rows if any(f["rule"] == "cell-undecodable" for f in r.get("findings", []))]
    assert [r["source"]["line"] for r in flagged] == [9001]
    assert sum(r["type"] == "candidate" for r in rows) == len(lines) - 1


@pytest.mark.parametrize("jobs", [2, 4])
def test_jobs_on_small_files_and_a_folder(tmp_path: Path, jobs: int) -> None:
    # Fewer rows than one batch, several files (a workbook among them), the approvals applied.
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "a.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    rows = (EXAMPLES / "roster.csv").read_text(encoding="utf-8").splitlines()
    (folder / "b.tsv").write_text(
        "\n".join(line.replace(",", "\t") for line in rows[:1] + rows[15:]), "utf-8"
    )
    args = [str(folder), "--communities", str(EXAMPLES / "communities.csv")]
    args += ["--approvals", str(EXAMPLES / "approvals.csv"), "--format", "jsonl"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "many", *args, "--jobs", str(jobs))


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("output_format", ["json", "jsonl", "table"])
def test_a_team_finding_alone_fails_the_run_in_every_format(
    tmp_path: Path, output_format: str, jobs: str
) -> None:
    # One eligible man: no candidate finding and every column there, but his team has no woman (team-woman,
    # review): the team's finding alone decides the exit code. He sits on both bodies: a roster proposing one
    # body alone says nothing of the other's woman.
    roster, settings = tmp_path / "team.csv", tmp_path / "communities.csv"
    roster.write_text(
        "姓名,性别,出生日期,文化程度,政治面貌,社区,拟任职务,计生违法日期,两违,综治问题,被剥夺政治权利,亲属\n"
        "郑伟,男,1970-01-01,高中,中共党员,青松社区,党支部委员、居委会委员,,否,否,否,\n",
        encoding="utf-8",
    )
    settings.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,5,5\n", encoding="utf-8")
    report = check([roster], communities=settings)
    assert not report.not_checked and not report.candidates[0].findings
    out = tmp_path / f"report.{output_format}"
    # With --jobs the workers judge the team, and hand it back as JSON with its worst open finding.
    args = ["check", str(roster), "--communities", str(settings), "--format", output_format, "-o", str(out)]
    args += ["--jobs", jobs]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.stderr
    assert "team-woman" in out.read_text(encoding="utf-8")
    passing = CliRunner().invoke(app, [*args, "--fail-on", "ineligible"])
    assert passing.exit_code == 0, passing.stderr


@pytest.mark.parametrize("output_format", ["json", "table"])
def test_a_folder_as_output_is_refused_before_the_check(tmp_path: Path, output_format: str) -> None:
    result = CliRunner().invoke(app, ["check", *EXAMPLE, "--format", output_format, "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder: name a file" in result.stderr or "是文件夹" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("output_format", ["jsonl", "xlsx", "table"])
@pytest.mark.parametrize(
    "named", ["roster", "roster-other-spelling", "in-folder", "communities", "hard-link"]
)
def test_a_report_is_never_written_over_a_file_the_check_reads(
    tmp_path: Path, output_format: str, named: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The report was renamed over the roster: the roster lost, and its ID numbers masked in what replaced it.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rosters").mkdir()
    roster = tmp_path / "rosters" / "r.csv"
    roster.write_bytes((EXAMPLES / "roster.csv").read_bytes())
    settings = tmp_path / "communities.csv"
    settings.write_bytes((EXAMPLES / "communities.csv").read_bytes())
    given, output = {
        "roster": ("rosters/r.csv", "rosters/r.csv"),
        "roster-other-spelling": ("rosters/r.csv", str(roster)),
        "in-folder": ("rosters", "rosters/r.csv"),
        "communities": ("rosters/r.csv", "communities.csv"),
        "hard-link": ("rosters/r.csv", "link.csv"),
    }[named]
    if named == "hard-link":
        os.link(roster, tmp_path / "link.csv")
    before = roster.read_bytes(), settings.read_bytes()
    args = ["check", given, "--communities", "communities.csv", "--format", output_format, "-o", output]
    result = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2
    assert "is a file the check reads" in result.stderr and "name another file" in result.stderr
    assert (roster.read_bytes(), settings.read_bytes()) == before
    beside = CliRunner().invoke(app, [*args[:-1], "rosters/report.txt"])  # in the folder, not a roster
    assert beside.exit_code == 1, beside.stderr


def test_an_output_under_a_file_names_the_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "report.csv").write_text("", "utf-8")
    result = CliRunner().invoke(app, ["check", *EXAMPLE, "-o", str(tmp_path / "report.csv" / "x.json")])
    assert result.exit_code == 2
    assert f"{(tmp_path / 'report.csv').as_posix()} 是文件，不是文件夹" in result.stderr


@pytest.mark.parametrize("output_format", ["jsonl", "table"])
def test_a_named_pipe_as_output_is_written_through_not_replaced(tmp_path: Path, output_format: str) -> None:
    # Renaming a finished file over the target would turn a pipe (or, for root, /dev/null) into a plain file.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = CliRunner().invoke(app, ["check", *EXAMPLE, "--format", output_format, "-o", str(pipe)])
    reader.join(timeout=10)
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert b"principal-age" in received[0] or "需事先审批".encode() in received[0]


@pytest.mark.skipif(
    not (Path("/dev/full").exists() and stat.S_ISCHR(Path("/dev/full").stat().st_mode)),
    reason="needs /dev/full",
)
@pytest.mark.parametrize("output_format", ["jsonl", "json", "table", "xlsx"])
def test_a_full_disk_is_said_not_a_traceback(output_format: str) -> None:
    result = CliRunner().invoke(app, ["check", *EXAMPLE, "--format", output_format, "-o", "/dev/full"])
    assert result.exit_code == 2
    assert "/dev/full" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_dev_stdout_as_output_writes_to_the_pipe_it_names() -> None:
    # /dev/stdout (and a shell's >(…), /dev/fd/63) is a link to a pipe: resolved, it named no file.
    done = subprocess.run(
        [sys.executable, "-m", "eligibility", "check", *EXAMPLE, "--format", "json", "-o", "/dev/stdout"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["candidates"] == 21


@pytest.mark.skipif(
    not (Path("/dev/full").exists() and stat.S_ISCHR(Path("/dev/full").stat().st_mode)),
    reason="needs /dev/full",
)
@pytest.mark.parametrize("output_format", ["table", "jsonl"])
def test_standard_output_that_cannot_be_written_is_said_with_exit_2(output_format: str) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "eligibility",
                "check",
                *EXAMPLE,
                "--format",
                output_format,
                "--lang",
                "en",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "error: <stdout>: cannot be written: No space left on device\n"


def test_a_written_report_has_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    out = tmp_path / "report.jsonl"
    CliRunner().invoke(app, ["check", *EXAMPLE, "--format", "jsonl", "-o", str(out)])
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_square_brackets_are_shown_as_written(tmp_path: Path) -> None:
    # rich reads [..] as markup unless told not to: a roster's cell and a rule's list must survive it.
    roster = tmp_path / "brackets.csv"
    roster.write_text(
        "姓名,性别,出生日期,社区,拟任职务,文化程度\n[bold]王芳[/bold],女,1970-01-01,青松社区,居委会委员,高中\n",
        encoding="utf-8",
    )
    table = CliRunner().invoke(app, ["check", str(roster), "--format", "table"])
    assert "[bold]王芳[/bold]" in table.stdout
    shown = CliRunner().invoke(app, ["rules", "show", "village-2021", "--lang", "en"])
    assert "roles has any of [village " in shown.stdout  # [village committee member, …]


def test_a_misspelt_required_header_is_pointed_at(tmp_path: Path) -> None:
    roster = tmp_path / "typo.csv"
    roster.write_text(
        "性名,性别,出生日期,社区,拟任职务\n王芳,女,1970-01-01,青松社区,居委会委员\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", str(roster), "--lang", "en"])
    assert result.exit_code == 2
    assert "required column name (姓名) is missing (is '性名' it?)" in result.stderr


def test_a_wrong_encoding_given_is_blamed_not_our_guess() -> None:
    result = CliRunner().invoke(
        app, ["check", str(EXAMPLES / "roster.csv"), "--encoding", "gbk", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "cannot be decoded as gbk, the encoding given" in result.stderr
    assert "name the encoding with --encoding" not in result.stderr


def test_a_worker_that_dies_is_reported_not_waited_for(
    tmp_path: Path, big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker killed from outside (out of memory, say) must not leave the parent waiting for ever.
    from eligibility import workers

    started = workers.Workers.__init__

    def then_kill_one(self: workers.Workers, review: object, jobs: int) -> None:
        started(self, review, jobs)  # type: ignore[arg-type]
        self.processes[1].kill()

    monkeypatch.setattr(workers.Workers, "__init__", then_kill_one)
    roster, _ = big_roster
    result = CliRunner().invoke(
        app, ["check", str(roster), "--jobs", "2", "--lang", "en", "-o", str(tmp_path / "r")]
    )
    assert result.exit_code == 2, result.stderr
    assert "worker process 2 stopped unexpectedly" in result.stderr


def _modules_loaded_by(*argv: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `eligibility argv…`."""
    import subprocess

    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['eligibility', *{list(argv)!r}]\n"
        "try:\n"
        "    runpy.run_module('eligibility', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_help_loads_neither_the_engine_nor_the_report() -> None:
    # Start-up is the import of modules: --help must not build the rule, record and report models it never uses.
    loaded = _modules_loaded_by("--help")
    assert "eligibility.cli" in loaded
    heavy = {
        "eligibility.engine",
        "eligibility.report",
        "eligibility.ruleset.model",
        "openpyxl",
        "stdnum",
        "yaml",
    }
    assert loaded & heavy == set()


def test_a_small_csv_check_loads_no_workbook_or_id_number_library(tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    loaded = _modules_loaded_by("check", str(EXAMPLES / "roster.csv"), "--format", "jsonl", "-o", str(out))
    assert out.read_text(encoding="utf-8").count("\n") > 1
    assert "eligibility.engine" in loaded
    # The workbook libraries only for workbooks; stdnum's table of areas is read without importing stdnum.
    assert loaded & {"openpyxl", "python_calamine", "stdnum", "stdnum.numdb", "rich.table"} == set()


def test_the_packages_names_load_when_asked_and_only_they_exist() -> None:
    import eligibility

    assert dir(eligibility) == sorted(eligibility.__all__)
    assert eligibility.check is check
    with pytest.raises(AttributeError, match="has no attribute 'chekc'"):
        eligibility.chekc  # noqa: B018


def test_a_type_checker_still_sees_a_misspelt_name(tmp_path: Path) -> None:
    # Loading the names lazily must not turn them all into Any for the analysts' type checkers.
    mypy = pytest.importorskip("mypy.api")
    script = tmp_path / "use.py"
    script.write_text(
        "from eligibility import Report, check\nfrom eligibility import chekc\nreport: Report = check([])\n",
        encoding="utf-8",
    )
    out, _, status = mypy.run(
        [str(script), "--cache-dir", str(tmp_path / "cache"), "--follow-imports", "silent"]
    )
    assert status == 1
    assert 'Module "eligibility" has no attribute "chekc"' in out
    assert out.count("error:") == 1


def test_a_loaded_rule_set_goes_to_the_workers_with_its_values(
    big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An analyst's script loads the rule set once, with its own values, and asks for two processes.
    from eligibility import load_ruleset, workers

    started: list[int] = []
    spawn = workers.Workers.__init__

    def counted(self: workers.Workers, review: object, jobs: int) -> None:
        started.append(jobs)
        spawn(self, review, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.Workers, "__init__", counted)
    roster, settings = big_roster
    policy = load_ruleset("community-2006", {"principal_max_age": "50"})
    alone = check(roster, policy, communities=settings)
    shared = check(roster, policy, communities=settings, jobs=2)
    assert started == [2]
    assert shared.model_dump() == alone.model_dump()
    # The workers judged by 50, not by the file's 57: more principals need approval than by default.
    default = check(roster, communities=settings)
    assert shared.summary.review > default.summary.review


def test_a_rule_set_travels_as_its_file_and_values(tmp_path: Path) -> None:
    import pickle

    from eligibility import load_ruleset
    from eligibility.errors import RuleSetError

    path = tmp_path / "rules.yaml"
    path.write_bytes((ROOT / "rules" / "community-2006.yaml").read_bytes())
    policy = load_ruleset(path, {"principal_max_age": "50"})
    again = pickle.loads(pickle.dumps(policy))
    assert (again.sha256, again.overrides, again.path) == (
        policy.sha256,
        {"principal_max_age": 50},
        policy.path,
    )
    assert [r.id for r in again.rules] == [r.id for r in policy.rules]
    # Changed on disk after it was loaded: a worker must not judge by another rule set than the parent.
    path.write_bytes(path.read_bytes() + b"\n# edited\n")
    with pytest.raises(RuleSetError) as caught:
        pickle.loads(pickle.dumps(policy))
    assert (
        caught.value.message("en")
        == f"{policy.path}: the rule file changed while the check was running; run the check again"
    )


def test_a_rule_file_changed_before_the_workers_load_it_is_said_not_a_worker_crash(
    tmp_path: Path, big_roster: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from eligibility import load_ruleset
    from eligibility.errors import RuleSetError

    roster, settings = big_roster
    (tmp_path / "rules.yaml").write_bytes((ROOT / "rules" / "community-2006.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    policy = load_ruleset("rules.yaml")  # a path relative to where the script was started
    monkeypatch.chdir(ROOT)
    assert check(roster, policy, communities=settings, jobs=2).summary.candidates == 5002
    with (tmp_path / "rules.yaml").open("a", encoding="utf-8") as rules:
        rules.write("\n# edited while a script held it\n")
    with pytest.raises(RuleSetError) as caught:
        check(roster, policy, communities=settings, jobs=2)
    assert "the rule file changed while the check was running" in caught.value.message("en")


# ---- results without findings written as JSON from parts (Review.serialised) ----------------------------------

_ANY_TEXT = st.text(
    max_size=12
)  # quotes, backslashes, control characters, U+2028, emoji: whatever a cell holds


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_ANY_TEXT,
    path=_ANY_TEXT,
    sheet=st.none() | _ANY_TEXT,
    line=st.none() | st.integers(1, 10**7),
    row=st.integers(1, 10**7),
    street=_ANY_TEXT,
    community=_ANY_TEXT,
    roles=st.lists(st.sampled_from(["party_secretary", "committee_member", "women_chair"]), unique=True),
    number=st.none() | st.sampled_from(["11010119660501001X", "110101196605010012", "1101011966"]),
    lang=st.sampled_from(["zh", "en"]),
    show_pii=st.booleans(),
)
def test_a_result_without_findings_is_written_as_pydantic_writes_it(
    name: str,
    path: str,
    sheet: str | None,
    line: int | None,
    row: int,
    street: str,
    community: str,
    roles: list[str],
    number: str | None,
    lang: str,
    show_pii: bool,
) -> None:
    review = Review.start(None, CheckOptions(lang=lang, show_pii=show_pii))
    someone = Candidate(
        source=RowSource(path, row, line, sheet),
        name=name,
        id_number=number,
        gender="male",
        birth=(dt.date(1966, 5, 1), dt.date(1966, 5, 1)),
        education="upper_secondary",
        education_ranks=(3, 3),
        political_status="中共党员",
        street=street,
        community=community,
        roles=tuple(roles),
        election_date=dt.date(2006, 9, 30),
        fields={
            "family_planning_violation": (),
            "two_violations": False,
            "governance_record": False,
            "political_rights_deprived": False,
        },
    )
    written = review.serialised(someone)
    result = review.evaluate(someone)
    assert not result.findings, result.findings  # the person is eligible: the parts are what is tested
    assert written == Serialised(json_bytes(result), "eligible", worst_open(result.findings))
    # The JSON report indents what it is handed as pydantic writes the model indented, two levels deep.
    writer = JsonWriter(io.BytesIO())
    writer.candidate_json(written.json)
    writer.spool.seek(0)
    assert writer.spool.read().decode() == "    " + result.model_dump_json(indent=2).replace("\n", "\n    ")
    # Again after someone of another community and roles, and again: from the parts kept, and from parts
    # written anew once the other one's have taken their place.
    other = replace(someone, street=street + "东", community="另一" + community, roles=("committee_member",))
    for person in (someone, other, other, someone, someone):
        assert review.serialised(person).json == json_bytes(review.evaluate(person))


@pytest.mark.parametrize("output_format", ["jsonl", "json"])
def test_footers_are_told_from_candidates_alike_with_jobs(tmp_path: Path, output_format: str) -> None:
    # A footer under the table is said on the file, not counted as a candidate; one amid the rows is held back
    # until the next row shows it is no footer under the table. Held across a worker's batch (rows 2000 and
    # 2001 go to two workers), the report must be the same.
    rows, _ = make_roster.rows(2500)
    blank = [""] * len(make_roster.HEADER)
    total = list(blank)
    total[0] = "小计"  # a total amid the rows: no candidate wherever it is
    signed = list(blank)
    signed[0] = "审核人：王五"  # amid the rows: perhaps a candidate written wrong, so said on its row
    rows[1998:1998] = [signed]
    rows[1000:1000] = [total]  # and the row above is now the first batch's last (data row 2,000)
    title = list(blank)
    title[0] = "乙社区候选人名单"  # a second table's title, above the header written again (lines 2202, 2203)
    rows[2200:2200] = [title, make_roster.HEADER]
    rows += [signed, ["制表人：李四（盖章）", *blank[1:]]]
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *rows])
    args = [str(roster), "--format", output_format, "--lang", "en"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "two", *args, "--jobs", "2")
    report = check([roster], lang="en")
    assert len(report.candidates) == report.inputs[0].rows == 2501  # 2,500 and the footer amid the rows
    [amid] = [c for c in report.candidates if c.source.line == 2001]
    assert [f.rule for f in amid.findings] == ["row-not-a-candidate"] and amid.status == "invalid"
    said = [
        (f.evidence["line"], f.evidence["text"]) for f in report.inputs[0].findings if f.rule == "row-footer"
    ]
    assert said == [(1002, "小计"), (2506, "审核人：王五"), (2507, "制表人：李四（盖章）")]
    [titled] = [f.evidence for f in report.inputs[0].findings if f.rule == "row-table-title"]
    assert (titled["line"], titled["text"], titled["header_line"]) == (2202, "乙社区候选人名单", 2203)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rows_under_a_community_written_once_are_counted_in_its_team(tmp_path: Path, jobs: str) -> None:
    # 社区 merged over a community's rows, saved as CSV: the name on the first row only. Judged on its first
    # row alone, 青松社区 got "no woman on the two committees", its three women on the rows below (helper-45).
    people = [
        ("陈建平", "1953-04-12", "男", "青松社区", "党组织书记、居委会主任"),
        ("林秀芳", "1962-05-12", "女", "", "党组织副书记、妇代会主任"),
        ("吴丽萍", "1975-11-20", "女", "", "居委会副主任"),
        ("王五", "1970-01-01", "男", "", "居委会委员"),
        ("张国华", "1960-01-10", "男", "翠竹社区", "党组织书记、居委会主任"),
        ("李四", "1965-02-02", "男", "", "党组织委员"),
    ]
    rows = [
        f"{name},{sex},{make_id(born, sex)},高中,东湖街道,{community},{roles}"
        for name, born, sex, community, roles in people
    ]
    roster = tmp_path / "r.csv"
    roster.write_text(
        "\n".join(["姓名,性别,身份证号,文化程度,街道,社区,拟任职务", *rows, "审核人：王五,,,,,,"]) + "\n",
        "utf-8",
    )
    args = [str(roster), "--format", "jsonl", "--lang", "en"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "jobs", *args, "--jobs", jobs)
    report = check([roster], lang="en")
    teams = {t.community: {f.rule for f in t.findings} for t in report.teams}
    assert set(teams) == {"青松社区", "翠竹社区"}
    assert "team-woman" not in teams["青松社区"] and "team-woman" in teams["翠竹社区"]
    # Each row keeps its own finding: the officer still writes the community in.
    assert [c.status for c in report.candidates] == ["eligible", *["invalid"] * 3, "eligible", "invalid"]
    said = [f.evidence for f in report.inputs[0].findings if f.rule == "community-filled-down"]
    assert said == [
        {"lines": "3、4、5", "community": "东湖街道 青松社区", "line": 3},
        {"lines": "7", "community": "东湖街道 翠竹社区", "line": 7},
    ]


@pytest.mark.parametrize("ditto", ["同上", "〃", "同 上"])
def test_a_community_written_as_the_row_above_is_counted_in_its_team_and_said(
    tmp_path: Path, ditto: str
) -> None:
    # 同上 read as a community's name made a team of its own: 青松社区's woman and deputy were judged apart from
    # it, and 同上同上 came out with no findings at all (helper-65).
    people = [
        ("陈建平", "1953-04-12", "男", "东湖街道", "青松社区", "党组织书记、居委会主任"),
        ("林秀芳", "1962-05-12", "女", ditto, ditto, "党组织副书记、妇代会主任"),
        ("吴丽萍", "1975-11-20", "女", ditto, ditto, "居委会副主任"),
    ]
    rows = [
        f"{name},{sex},{make_id(born, sex)},高中,{street},{community},{roles}"
        for name, born, sex, street, community, roles in people
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(["姓名,性别,身份证号,文化程度,街道,社区,拟任职务", *rows]) + "\n", "utf-8")
    report = check([roster], lang="en")
    [team] = report.teams
    assert (team.street, team.community) == ("东湖街道", "青松社区")
    assert "team-woman" not in {f.rule for f in team.findings}
    assert [c.status for c in report.candidates] == ["eligible", "invalid", "invalid"]
    # One finding a row, on its community: the street is read as blank, and said no more.
    said = [[(f.rule, f.evidence["cell"]) for f in c.findings] for c in report.candidates[1:]]
    assert said == [[("same-as-above", "F3")], [("same-as-above", "F4")]]
    assert f"says {ditto!r}" in report.candidates[1].findings[0].message
    [filled] = [f.evidence for f in report.inputs[0].findings if f.rule == "community-filled-down"]
    assert filled["lines"] == "3、4"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_street_written_as_the_row_above_takes_its_street(tmp_path: Path, jobs: str) -> None:
    # 新村社区 in two streets, and 同上 under 街道 below 西岭's rows: read blank in silence, 吴四 joined another team
    # than 西岭's, which lost its only woman (helper-68).
    people = [
        ("陈一", "1960-01-01", "男", "东湖街道", "党组织书记、居委会主任"),
        ("林二", "1961-01-01", "女", "东湖街道", "党组织副书记、妇代会主任"),
        ("黄三", "1962-01-01", "男", "西岭街道", "党组织书记、居委会主任"),
        ("吴四", "1963-01-01", "女", "同上", "居委会副主任、妇代会主任"),
    ]
    rows = [
        f"{name},{sex},{make_id(born, sex)},高中,{street},新村社区,{roles}"
        for name, born, sex, street, roles in people
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(["姓名,性别,身份证号,文化程度,街道,社区,拟任职务", *rows]) + "\n", "utf-8")
    args = [str(roster), "--format", "jsonl", "--lang", "en"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "jobs", *args, "--jobs", jobs)
    report = check([roster], lang="en")
    teams = {t.street: t for t in report.teams}
    assert set(teams) == {"东湖街道", "西岭街道"} and teams["西岭街道"].profile.members == 2
    assert "team-woman" not in {f.rule for f in teams["西岭街道"].findings}
    [said] = report.candidates[3].findings
    assert (said.rule, said.evidence["cell"]) == ("same-as-above", "E5")


def test_a_row_with_its_community_blank_under_another_street_joins_no_team(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(
        "姓名,身份证号,街道,社区,拟任职务\n"
        f"甲,{make_id('1970-01-01')},东湖街道,青松社区,居委会委员\n乙,{make_id('1971-01-01')},西岭街道,,居委会委员\n",
        "utf-8",
    )
    report = check([roster])
    assert [t.community for t in report.teams] == ["青松社区"]
    assert not [f for f in report.inputs[0].findings if f.rule == "community-filled-down"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_row_counted_in_the_team_above_is_judged_on_its_day_and_a_blank_row_ends_the_fill(
    tmp_path: Path, jobs: str
) -> None:
    # 梅园社区 votes on 2006-09-26: its row with 社区 left blank was judged on the run's day (58, principal-age)
    # though counted in 梅园's team; and after a blank row, a second group's rows all joined 青松 (helper-46).
    settings = tmp_path / "communities.csv"
    settings.write_text("社区,选举日期\n梅园社区,2006-09-26\n", "utf-8")
    rows = [
        f"甲,{make_id('1960-01-01')},梅园社区,党组织书记",
        f"乙,{make_id('1948-09-28')},,居委会主任",  # 57 on 2006-09-26, 58 on the 30th
        "",
        f"丙,{make_id('1970-01-01')},,居委会委员",  # under a blank row: no team's
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(["姓名,身份证号,社区,拟任职务", *rows]) + "\n", "utf-8")
    args = [str(roster), "--communities", str(settings), "--format", "jsonl", "--lang", "en"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "jobs", *args, "--jobs", jobs)
    report = check([roster], communities=settings, lang="en")
    second, third = report.candidates[1:]
    assert [f.rule for f in second.findings] == ["required-missing"]  # no principal-age: 57 on 梅园's day
    assert [f.rule for f in third.findings] == ["required-missing"]
    [said] = [f.evidence for f in report.inputs[0].findings if f.rule == "community-filled-down"]
    assert said == {"lines": "3", "community": "梅园社区", "line": 3}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("where", ["post", "remark", "first-row"])
def test_a_cell_over_two_lines_does_not_end_the_fill(tmp_path: Path, jobs: str, where: str) -> None:
    # Alt+Enter in a cell (党支部书记 / 居委会主任 on two lines, or a 备注 of two lines) puts the row on two lines of
    # the CSV file: the row below, starting a line later than one row after it, was taken to be under a blank row,
    # the fill ended, and 甲社区 was judged on one member: "1 人中妇女干部 0 名", its seats over the quota
    # unsaid (helper-60).
    settings = tmp_path / "communities.csv"
    settings.write_text("社区,党组织核定职数,居委会核定职数\n甲社区,2,3\n", "utf-8")
    first_roles, first_remark = (
        ('"党支部书记\n居委会主任"', "") if where == "post" else ("党支部书记、居委会主任", "")
    )
    second_remark = ""
    if where == "remark":
        second_remark = '"第一行\n第二行"'
    elif where == "first-row":
        first_remark = '"连任\n两届"'
    rows = [
        f"人1,男,{make_id('1970-01-01')},甲社区,{first_roles},{first_remark}",
        f"人2,女,{make_id('1970-01-02', '女')},,党支部委员,{second_remark}",
        f"人3,男,{make_id('1970-01-03')},,党支部委员,",
    ]
    roster = tmp_path / "r.csv"
    roster.write_text("\n".join(["姓名,性别,身份证号,社区,拟任职务,备注", *rows]) + "\n", "utf-8")
    args = [str(roster), "--communities", str(settings), "--format", "jsonl", "--lang", "en"]
    assert _run(tmp_path, "one", *args) == _run(tmp_path, "jobs", *args, "--jobs", jobs)
    report = check([roster], communities=settings, lang="en")
    [team] = report.teams
    findings = {f.rule: f for f in team.findings}
    assert "team-woman" not in findings
    assert findings["seat-quota"].evidence["seats_party"] == 3
    [said] = [f.evidence for f in report.inputs[0].findings if f.rule == "community-filled-down"]
    lines = said["lines"].split("、")
    assert len(lines) == 2 and said["community"] == "甲社区"


def test_a_districts_markdown_fits_a_pull_request_comment(
    big_roster: tuple[Path, Path], tmp_path: Path
) -> None:
    # 1,500 rows made 1.15 MB of markdown: over a comment's 65,536 characters and a job summary's 1 MiB, so it
    # was dropped; nor did it say whether the run passed (helper-49).
    roster, settings = big_roster
    unread = tmp_path / "rosters"
    unread.mkdir()
    (unread / "roster.csv").write_bytes(roster.read_bytes())
    (unread / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # a file finding, said whatever the length
    result = CliRunner().invoke(
        app, ["check", str(unread), "--communities", str(settings), "--format", "markdown"]
    )
    text = result.stdout
    assert result.exit_code == 1 and len(text) <= 65_536
    assert text.splitlines()[2].startswith("**结果：未通过（--fail-on review）：候选人 ")
    assert "file-unread" in text and "另有 " in text and "全部 5002 名候选人的列表太长，未附上" in text
    said = int(text.split("另有 ")[1].split(" ")[0])
    shown = text.count("\n| ") - 3  # the candidates' rows: not the two of the counts, nor the table's header
    report = check([unread], communities=settings)
    assert shown + said == sum(1 for c in report.candidates if c.status != "eligible" or c.findings)


def _catches(running: subprocess.Popen[bytes], signal: int) -> None:
    """Once the process has set its handler for `signal` (Linux says so in /proc), or after 30 s, or it ended."""
    import time

    status = Path(f"/proc/{running.pid}/status")
    for _ in range(300):
        caught = next(
            (line.split()[1] for line in status.read_text().splitlines() if line.startswith("SigCgt:")), "0"
        )
        if int(caught, 16) >> (signal - 1) & 1 or running.poll() is not None:
            return
        time.sleep(0.1)


def _workers_started(running: subprocess.Popen[bytes]) -> list[str]:
    """The process ids of a check's two workers, once both are started (or the check has ended)."""
    import time

    workers: list[str] = []
    for _ in range(300):
        # Its workers, not the standard library's resource tracker, which is a child too and starts first.
        children = subprocess.run(
            ["pgrep", "-P", str(running.pid), "-f", "spawn_main"], capture_output=True, text=True
        ).stdout
        workers = children.split()
        if len(workers) >= 2 or running.poll() is not None:
            break
        time.sleep(0.1)
    return workers


def _with_two_jobs(roster: Path, output: Path) -> list[str]:
    """The command checking a roster with two workers into a file."""
    return [sys.executable, "-m", "eligibility", "check", str(roster), "--jobs", "2", "-o", str(output)]


def _long_roster(folder: Path) -> Path:
    """60,000 synthetic candidates: a run long enough to be stopped part way."""
    roster = folder / "roster.csv"
    rows, _ = make_roster.rows(60_000)
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *rows])
    return roster


def test_sigterm_stops_the_workers_and_leaves_no_half_written_output(tmp_path: Path) -> None:
    # A cancelled CI job sends SIGTERM: the parent went at once, its two workers lived on under PID 1 holding
    # the job's output open, and the job hung (helper-50).
    import signal
    import time

    roster = _long_roster(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    running = subprocess.Popen(
        _with_two_jobs(roster, out / "r.json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    workers = _workers_started(running)
    time.sleep(1.0)
    assert running.poll() is None, "the check ended before it could be stopped"
    running.send_signal(signal.SIGTERM)
    _, said = running.communicate(timeout=60)  # returns: no worker holds the pipes open
    assert running.returncode == 128 + signal.SIGTERM
    # One line of why, or the cancelled job's log ended with nothing at all (helper-55).
    assert (
        said.decode("utf-8").strip()
        == "错误: 检查被中止（收到 SIGTERM，如 CI 任务被取消或超时），没有写出报告"
    )
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert list(out.iterdir()) == []  # the temporary file removed, nothing renamed into place


def test_sigterm_says_a_report_streamed_to_standard_output_stops_short(tmp_path: Path) -> None:
    # "No report was written" was said with thousands of JSON lines already out, and no last line to tell the
    # stream from a whole one (helper-56).
    import signal

    roster = _long_roster(tmp_path)
    command = [sys.executable, "-m", "eligibility", "check", str(roster), "--format", "jsonl", "--lang", "en"]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[bytes] = []
    assert running.stdout is not None
    while len(lines) < 2000:  # well into the rows
        lines.append(running.stdout.readline())
    running.send_signal(signal.SIGTERM)
    rest, said = running.communicate(timeout=60)
    assert running.returncode == 128 + signal.SIGTERM, said.decode()[-800:]
    assert said.decode().strip() == (
        "error: the check was stopped (SIGTERM: a CI job cancelled or timed out); the report on standard "
        "output stops short and is not whole"
    )
    last = json.loads((b"".join(lines) + rest).splitlines()[-1])
    assert last["type"] == "error" and last["rule"] == "run-terminated-partial"


def test_sigterm_says_no_report_was_written_of_a_table_meant_for_standard_output(tmp_path: Path) -> None:
    # A table is written once whole: stopped, nothing of it is out, and "stops short" was untrue (helper-58).
    import signal
    import time

    command = [sys.executable, "-m", "eligibility", "check", str(_long_roster(tmp_path)), "--lang", "en"]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Stopped once it is working: on a loaded machine two seconds were not always enough for it to start, and
    # SIGTERM then killed it before its handler was set (the test, not the tool, failed).
    _catches(running, signal.SIGTERM)
    time.sleep(0.5)
    assert running.poll() is None, "the check ended before it could be stopped"
    running.send_signal(signal.SIGTERM)
    out, said = running.communicate(timeout=60)
    assert running.returncode == 128 + signal.SIGTERM and out == b""
    assert said.decode().strip() == (
        "error: the check was stopped (SIGTERM: a CI job cancelled or timed out); no report was written"
    )


@pytest.mark.parametrize("wait", [0.0, 1.5], ids=["starting", "working"])
def test_ctrl_c_stops_a_jobs_run_without_a_traceback_from_each_worker(tmp_path: Path, wait: float) -> None:
    # Ctrl-C reaches the whole process group: each worker printed its KeyboardInterrupt's traceback (helper-56),
    # and still did while it was starting (helper-58).
    import signal
    import time

    roster = _long_roster(tmp_path)
    running = subprocess.Popen(
        _with_two_jobs(roster, tmp_path / "r"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _workers_started(running)
    time.sleep(wait)
    assert running.poll() is None, "the check ended before it could be stopped"
    started = time.monotonic()
    os.killpg(running.pid, signal.SIGINT)
    _, said = running.communicate(timeout=60)
    assert time.monotonic() - started < 5
    assert running.returncode != 0
    assert "Traceback" not in said.decode() and "KeyboardInterrupt" not in said.decode(), said.decode()
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "on-a-terminal"])
def test_ctrl_c_pressed_while_the_workers_start_stops_the_run(tmp_path: Path, terminal: bool) -> None:
    # The workers start with Ctrl-C ignored; a Ctrl-C pressed in that window was ignored by the parent too,
    # which ran on to the end (CI, stop 28); on a terminal, the progress display's thread took it and lost it.
    # Here it is pressed, always, as the second worker starts.
    import contextlib
    import pty
    import time

    roster = _long_roster(tmp_path)
    pressing = (
        "import os, signal, sys, time\n"
        "from multiprocessing.context import SpawnProcess\n"
        "start = SpawnProcess.start\n"
        "def pressed(self):\n"
        "    if self.name.endswith('-2'):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        time.sleep(0.3)  # time for any other thread to take it\n"
        "    start(self)\n"
        "SpawnProcess.start = pressed\n"
        "from eligibility.cli import main\n"
        "sys.argv = ['eligibility', *sys.argv[1:]]\n"
        "main()\n"
    )
    command = [sys.executable, "-c", pressing, "check", str(roster), "--jobs", "2", "-o", str(tmp_path / "r")]
    started = time.monotonic()
    if terminal:
        screen, stderr = pty.openpty()
        running = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        os.close(stderr)
        shown = b""
        with contextlib.suppress(OSError):  # the terminal closed: the check has ended
            while said := os.read(screen, 4096):
                shown += said
        os.close(screen)
        running.wait(timeout=120)
        returncode, said_there = running.returncode, shown.decode(errors="replace")
    else:
        ran = subprocess.run(command, capture_output=True, text=True, timeout=120)
        returncode, said_there = ran.returncode, ran.stderr
    assert time.monotonic() - started < 10, "the run went on to its end"
    assert returncode != 0
    assert "Traceback" not in said_there and "KeyboardInterrupt" not in said_there, said_there
    assert not (tmp_path / "r").exists()


def test_ctrl_c_pressed_while_the_command_is_loaded_ends_it_without_a_traceback() -> None:
    # The command line takes a few tenths of a second to load (typer, pydantic); a Ctrl-C pressed then printed
    # the traceback of whatever was being imported, and the process died of the signal. Here it is pressed, always,
    # as the command line is imported.
    pressing = (
        "import builtins, os, signal, sys\n"
        "imported = builtins.__import__\n"
        "def pressed(name, *args, **kwargs):\n"
        "    if name == 'eligibility.cli':\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return imported(name, *args, **kwargs)\n"
        "builtins.__import__ = pressed\n"
        "from eligibility.__main__ import run\n"
        "sys.argv = ['eligibility', '--help']\n"
        "run()\n"
    )
    ran = subprocess.run([sys.executable, "-c", pressing], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 130, ran.stderr
    assert "Traceback" not in ran.stderr and "KeyboardInterrupt" not in ran.stderr, ran.stderr
    assert ran.stdout == ""


@pytest.mark.parametrize("after", [1.0, 2.0, 3.0, 4.0])
def test_a_worker_killed_mid_run_ends_the_run_with_its_error_not_a_hang(tmp_path: Path, after: float) -> None:
    # A worker killed while it sent a batch (the kernel's out-of-memory killer, kill -9): the parent waited for
    # ever on half a message in the pipe, or at exit on batches it could not hand a dead worker, and the CI job
    # hung to its timeout (helper-55).
    import signal
    import time

    roster = tmp_path / "roster.csv"
    rows, _ = make_roster.rows(80_000)
    # A birth date against every ID number: a finding on every row, and batches too large for the pipe to take
    # at once, which a killed worker leaves half sent.
    birth = make_roster.HEADER.index("出生年月")
    for row in rows:
        row[birth] = "1950-01-01"
    with roster.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([make_roster.HEADER, *rows])
    command = [sys.executable, "-m", "eligibility", "check", str(roster), "--jobs", "2", "--format", "json"]
    running = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[str] = []
    for _ in range(300):
        # Its workers, not the standard library's resource tracker, which is a child too and starts first.
        children = subprocess.run(
            ["pgrep", "-P", str(running.pid), "-f", "spawn_main"], capture_output=True, text=True
        ).stdout
        workers = [pid for pid in children.split() if "spawn_main" in _cmdline(pid)]
        if len(workers) >= 2 or running.poll() is not None:
            break
        time.sleep(0.1)
    time.sleep(after)
    if running.poll() is not None:
        pytest.skip(
            "the check ended before a worker could be killed: a machine this fast needs a larger roster"
        )
    os.kill(int(workers[-1]), signal.SIGKILL)
    _, said = running.communicate(timeout=90)  # returns: the run does not wait on the dead worker
    assert running.returncode == 2
    assert "第 2 个检查进程意外退出（退出码 -9）" in said.decode("utf-8")


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    except OSError:
        return ""


def test_a_missing_file_is_said_before_any_worker_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers started first (a second's work, and their semaphores now and then left to the resource tracker
    # with a warning), to be stopped at once when the file was not there.
    import eligibility.workers
    from eligibility.errors import RosterError

    started: list[int] = []
    monkeypatch.setattr(eligibility.workers, "Workers", lambda review, jobs: started.append(jobs))
    review = Review.start(None, CheckOptions())
    with pytest.raises(RosterError) as raised:
        review.run([EXAMPLES / "roster.csv", tmp_path / "名册.csv"], lambda _: None, jobs=2)
    assert raised.value.key == "path-missing"
    assert started == []


@pytest.mark.parametrize("quiet", [True, False])
def test_the_resource_tracker_cleans_up_after_a_stopped_run_without_a_word(
    tmp_path: Path, quiet: bool
) -> None:
    # SIGTERM mid-shutdown left the queues' semaphores to the tracker, which warned of each under the one line
    # that said why the run stopped: the CI log read as a crash (CI run of f3566f3). Here a process leaves one
    # on purpose; the tracker started after quiet_tracker() says nothing, one started without it warns.
    import time

    script = (
        "import multiprocessing, os\n"
        "from eligibility.workers import quiet_tracker\n"
        f"{'quiet_tracker()' if quiet else ''}\n"
        "kept = multiprocessing.get_context('spawn').Queue()\n"
        "os._exit(0)\n"
    )
    log = tmp_path / "stderr"
    with log.open("w") as err:  # the tracker outlives the process a moment, writing to the same stderr
        subprocess.run([sys.executable, "-c", script], stderr=err, timeout=60)
    deadline = time.monotonic() + (3 if quiet else 15)
    while time.monotonic() < deadline and "leaked semaphore" not in log.read_text():
        time.sleep(0.2)
    assert ("leaked semaphore" in log.read_text()) is not quiet


@pytest.mark.parametrize("shared", [True, False])
def test_a_column_no_rule_reads_is_said_with_jobs_as_with_one_process(tmp_path: Path, shared: bool) -> None:
    # A rule set that disables two-violations reads no 两违 column: one process said column-not-read, but a worker
    # handing back its copy of the table's notes replaced the parent's, and with --jobs 2 nothing was said
    # (helper-97 found it), of a large file shared out and of small files sent whole alike. Its remark's rule
    # (remark-two-violations) reads 两违 too, and goes with it.
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "extends: community-2006\nname: no-two-violations\ndisable: [two-violations, remark-two-violations]\n",
        "utf-8",
    )
    people, _ = make_roster.rows(5000 if shared else 40)
    folder = tmp_path / "rosters"
    folder.mkdir()
    for part in (1,) if shared else (1, 2):
        with (folder / f"{part}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([make_roster.HEADER, *(people if shared else people[part - 1 :: 2])])
    # One file named is shared out by batches; a folder's small files go whole to a worker each.
    given = folder / "1.csv" if shared else folder
    args = [str(given), "--rules", str(rules), "--format", "json", "--lang", "en"]
    one = _run(tmp_path, "one", *args)
    assert one == _run(tmp_path, "two", *args, "--jobs", "2")
    said = [[f["rule"] for f in i["findings"]] for i in json.loads(one)["inputs"]]
    assert said and all("column-not-read" in rules for rules in said), said
