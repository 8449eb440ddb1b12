"""The command line: each exit code, JSON equal to the library's Report, output files, PII and language."""

from __future__ import annotations

import collections
import contextlib
import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eligibility import check
from eligibility.cli import app
from eligibility.roster.normalise import check_character

from conftest import EXAMPLES, person

runner = CliRunner()
UNKNOWN_AREA = "99010119660501001" + check_character("99010119660501001")

EXAMPLE_ARGS = [
    str(EXAMPLES / "roster.csv"),
    "--communities",
    str(EXAMPLES / "communities.csv"),
    "--approvals",
    str(EXAMPLES / "approvals.csv"),
]


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["check", *args])


def write_roster(tmp_path: Path, people: list[dict[str, Any]]) -> Path:
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    return path


def clean_team() -> list[dict[str, Any]]:
    return [
        person(roles="党支部书记、居委会主任"),
        person(roles="党支部委员、民兵营长", gender="女"),
        person(roles="居委会委员、妇代会主任", gender="女"),
    ]


def communities(tmp_path: Path) -> Path:
    path = tmp_path / "communities.csv"
    path.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,5,5\n", encoding="utf-8")
    return path


def test_exit_0_when_nothing_at_or_above_fail_on(tmp_path: Path) -> None:
    result = invoke(str(write_roster(tmp_path, clean_team())), "--communities", str(communities(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "符合条件 3" in result.stdout


def test_exit_1_on_a_review_finding(tmp_path: Path) -> None:
    people = [*clean_team(), person(roles="党支部书记", birth_date="1940-01-01")]
    result = invoke(str(write_roster(tmp_path, people)), "--communities", str(communities(tmp_path)))
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("fail_on", "extra", "code"),
    [
        ("ineligible", {"roles": "党支部书记", "birth_date": "1940-01-01"}, 0),  # review only
        ("ineligible", {"two_violations": "是"}, 1),
        ("ineligible", {"id_number": "110101194909300011"}, 1),  # invalid data fails at every level
        ("never", {"id_number": "110101194909300011"}, 0),
        ("warning", {"id_number": UNKNOWN_AREA}, 1),  # the area-code warning fails only at warning
        ("review", {"id_number": UNKNOWN_AREA}, 0),
    ],
)
def test_fail_on(tmp_path: Path, fail_on: str, extra: dict[str, Any], code: int) -> None:
    people = [*clean_team(), person(**extra)]
    result = invoke(
        str(write_roster(tmp_path, people)), "--communities", str(communities(tmp_path)), "--fail-on", fail_on
    )
    assert result.exit_code == code, result.output


def test_a_rule_not_checked_for_a_missing_column_fails_at_review(tmp_path: Path) -> None:
    # Without the communities file, seat-quota cannot run: unknown is not a pass.
    result = invoke(str(write_roster(tmp_path, clean_team())))
    assert result.exit_code == 1
    assert "seat-quota" in result.stdout
    assert invoke(str(write_roster(tmp_path, clean_team())), "--fail-on", "ineligible").exit_code == 0


def test_a_roster_without_the_columns_that_bar_candidates_fails_at_ineligible(tmp_path: Path) -> None:
    # No 两违 / 综治 / 被剥夺政治权利 / 计生 columns: nobody could be found ineligible, which is not a pass.
    roster = tmp_path / "r.csv"
    roster.write_text(
        "姓名,性别,身份证号,文化程度,社区,拟任职务\n"
        + "".join(
            f"{p['name']},{p['gender']},{p['id_number']},高中,青松社区,{p['roles']}\n" for p in clean_team()
        ),
        "utf-8",
    )
    args = [str(roster), "--communities", str(communities(tmp_path)), "--format", "json"]
    result = invoke(*args, "--fail-on", "ineligible")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    bars = {
        "political-rights",
        "family-planning-5y",
        "two-violations",
        "governance-record",
        "party-full-member",
    }
    assert {n["rule"]: n["severity"] for n in report["not_checked"]} == {
        **dict.fromkeys(bars, "ineligible"),
        "team-relatives": "warning",  # each rule at its own severity, not all at one
    }
    assert report["summary"]["ineligible"] == 0
    # The same roster with the columns, all answered 否, passes at ineligible.
    roster.write_text(
        "姓名,性别,身份证号,文化程度,政治面貌,社区,拟任职务,计生违法日期,两违,综治问题,被剥夺政治权利,亲属\n"
        + "".join(
            f"{p['name']},{p['gender']},{p['id_number']},高中,中共党员,青松社区,{p['roles']},,否,否,否,\n"
            for p in clean_team()
        ),
        "utf-8",
    )
    result = invoke(*args, "--fail-on", "ineligible")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["not_checked"] == []


def test_a_roster_of_footers_only_leaves_no_rule_unchecked(tmp_path: Path) -> None:
    # A blank template with its footer: no candidate for whom a rule went undecided.
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,性别,身份证号,社区,拟任职务\n审核人：王五,,,,\n", "utf-8")
    result = invoke(str(roster), "--communities", str(communities(tmp_path)), "--format", "json")
    report = json.loads(result.stdout)
    assert report["not_checked"] == [] and report["candidates"] == []
    [source] = report["inputs"]
    assert "file-only-footer" in {f["rule"] for f in source["findings"]}  # the file is still reported


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing.csv"], "missing.csv: 找不到文件或文件夹"),
        (["{roster}", "--rules", "nonexistent"], "没有名为 'nonexistent' 的内置规则集"),
        (["{roster}", "--rules", "{bad_rules}"], "YAML"),
        # Written as asked but no such day: said so, not "expected YYYY-MM-DD".
        (
            ["{roster}", "--election-date", "2006-13-01"],
            "选举日期“2006-13-01”不是有效的日期：月份应在 1 到 12 之间",
        ),
        (["{roster}", "--election-date", "2006-09-31"], "选举日期“2006-09-31”不是有效的日期：该月没有这一天"),
        # A day-first or month-first date is no one day: 30/9/2006 is refused, 2006/9/30 read (test below).
        (["{roster}", "--election-date", "30/9/2006"], "选举日期“30/9/2006”无法识别，应为 YYYY-MM-DD"),
        (["{roster}", "--election-date", "2006-09"], "选举日期“2006-09”无法识别，应为 YYYY-MM-DD"),
        (["{roster}", "--set", "principal_max_age"], "--set 'principal_max_age' 应写成 参数=值"),
        (["{roster}", "--set", "nope=1"], "规则集没有参数 'nope'"),
        (["{roster}", "--set", "principal_max_age=old"], "参数 principal_max_age 的值 'old' 无法识别"),
        # NaN compares false with every bound: the share rule it sets would never fire.
        (["{roster}", "--set", "structure_share=nan"], "参数 structure_share 的值 'nan' 无法识别"),
        (["{no_roles}"], "缺少必需的列 拟任职务（roles）"),
        (["{roster}", "--format", "pdf"], "Invalid value"),
        (["{notes}"], "不支持的文件类型 '.md'"),
    ],
)
def test_exit_2_when_the_check_cannot_run(tmp_path: Path, args: list[str], words: str) -> None:
    files = {
        "roster": write_roster(tmp_path, clean_team()),
        "bad_rules": tmp_path / "bad.yaml",
        "no_roles": tmp_path / "no_roles.csv",
        "notes": tmp_path / "notes.md",
    }
    files["bad_rules"].write_text("name: [unclosed\n", encoding="utf-8")
    files["no_roles"].write_text("姓名,社区\n张三,青松社区\n", encoding="utf-8")
    files["notes"].write_text("hello", encoding="utf-8")
    result = invoke(*[a.format(**{k: str(v) for k, v in files.items()}) for a in args])
    assert result.exit_code == 2
    assert words in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_error_messages_in_english(tmp_path: Path) -> None:
    result = invoke("missing.csv", "--lang", "en")
    assert result.stderr.strip() == "error: missing.csv: no such file or folder"


def test_json_output_is_the_library_report(tmp_path: Path) -> None:
    result = invoke(*EXAMPLE_ARGS, "--format", "json")
    assert result.exit_code == 1
    report = check(
        [EXAMPLES / "roster.csv"],
        communities=EXAMPLES / "communities.csv",
        approvals=EXAMPLES / "approvals.csv",
    )
    assert json.loads(result.stdout) == report.model_dump(mode="json")


def test_json_contract_shape() -> None:
    data = json.loads(invoke(*EXAMPLE_ARGS, "--format", "json").stdout)
    assert list(data)[:7] == [
        "schema_version",
        "tool",
        "ruleset",
        "election_date",
        "summary",
        "candidates",
        "teams",
    ]
    assert data["schema_version"] == 1
    assert data["tool"] == "eligibility 0.1.0"
    assert {"name", "version", "sha256"} <= set(data["ruleset"])
    assert set(data["summary"]) == {
        "candidates",
        "eligible",
        "review",
        "ineligible",
        "invalid",
        "to_verify",
        "warnings",
        "invalid_ineligible",
        "files_not_read",
        "teams_by_worst",
    }
    candidate = data["candidates"][0]
    assert list(candidate) == [
        "source",
        "name",
        "id_number",
        "street",
        "community",
        "roles",
        "role_ids",
        "gender",
        "age",
        "education",
        "education_id",
        "status",
        "findings",
    ]
    # The level by the rule set's id, whatever the language, as role_ids beside roles.
    assert (candidate["education"], candidate["education_id"]) == ("高中/中专", "upper_secondary")
    assert candidate["source"] == {"path": (EXAMPLES / "roster.csv").as_posix(), "row": 1, "line": 2}
    assert candidate["id_number"] == "350502********0111"
    finding = candidate["findings"][0]
    assert list(finding) == ["rule", "severity", "message", "evidence", "approval", "source"]
    assert set(finding["source"]) == {"document", "clause", "quote"}
    assert list(data["teams"][0])[:3] == ["street", "community", "findings"]  # then the additive profile


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_team_says_its_worst_open_level_as_the_summary_counts_it(tmp_path: Path, jobs: str) -> None:
    # 翠竹社区's seat-quota (review) approved: its worst open finding is a warning, 梅园社区's still a review,
    # and 青松社区 has none. Judged in workers (--jobs 2), the teams say the same (helper-130).
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "街道,社区,规则,批复文号,审批单位,批复日期\n东湖街道,翠竹社区,seat-quota,东组审〔2006〕9号,区委组织部,2006-08-01\n",
        encoding="utf-8",
    )
    args = [*EXAMPLE_ARGS[:3], "--approvals", str(approvals), "--jobs", jobs]
    lines = [json.loads(line) for line in invoke(*args, "--format", "jsonl").stdout.splitlines()]
    teams = {line["community"]: line for line in lines if line["type"] == "team"}
    assert {name: team["worst"] for name, team in teams.items()} == {
        "青松社区": None,
        "翠竹社区": "warning",
        "梅园社区": "review",
    }
    assert any(f["rule"] == "seat-quota" and f["approval"]["counted"] for f in teams["翠竹社区"]["findings"])
    summary = next(line for line in lines if line["type"] == "summary")
    assert summary["teams_by_worst"] == dict(
        collections.Counter(t["worst"] for t in teams.values() if t["worst"])
    )
    data = json.loads(invoke(*args, "--format", "json").stdout)
    assert [t["worst"] for t in data["teams"]] == [teams[t["community"]]["worst"] for t in data["teams"]]
    assert data["summary"]["teams_by_worst"] == summary["teams_by_worst"]


def _posts_of_other_ruleset(*args: str) -> list[dict[str, Any]]:
    lines = [
        json.loads(line) for line in invoke(*args, "--format", "jsonl", "--lang", "en").stdout.splitlines()
    ]
    return [
        f
        for line in lines
        if line["type"] == "input"
        for f in line["findings"]
        if f["rule"] == "roles-of-other-ruleset"
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_village_roster_checked_by_the_community_rules_is_told_its_rule_set(jobs: str) -> None:
    # Every row's 村党组织书记, 村委会主任 is a post the community rules do not know: each row is invalid for it,
    # and the file says once which bundled rule set knows them and how to run it (helper-130).
    roster = str(EXAMPLES / "village-2021" / "roster.csv")
    (said,) = _posts_of_other_ruleset(roster, "--jobs", jobs)
    assert said["severity"] == "warning"
    assert said["evidence"] | {"posts": ""} == {
        "count": 24,
        "rows": 24,
        "posts": "",
        "ruleset": "community-2006",
        "other": "village-2021",
    }
    assert "村党组织书记" in said["evidence"]["posts"]
    assert "check it again with --rules village-2021" in said["message"]
    chinese = invoke(roster, "--jobs", jobs).stdout
    assert "请加 --rules village-2021 再查" in chinese.replace("\n", "")
    assert _posts_of_other_ruleset(roster, "--rules", "village-2021") == []


def test_a_post_misspelt_or_of_no_rule_set_is_not_taken_for_another_rule_set(tmp_path: Path) -> None:
    # One 居委会主仼 in a community's roster: its row says it, and no rule set is suggested.
    text = (EXAMPLES / "roster.csv").read_text(encoding="utf-8").replace("居委会主任", "居委会主仼", 1)
    misspelt = tmp_path / "roster.csv"
    misspelt.write_text(text, encoding="utf-8")
    assert _posts_of_other_ruleset(str(misspelt), *EXAMPLE_ARGS[1:]) == []
    assert '"role-unknown"' in invoke(str(misspelt), "--format", "json").stdout
    # Posts no bundled rule set knows (计生专干), on every row: none is suggested either.
    unknown = write_roster(tmp_path, [person(roles="计生专干") for _ in range(3)])
    assert _posts_of_other_ruleset(str(unknown)) == []


def test_show_pii(tmp_path: Path) -> None:
    shown = json.loads(invoke(*EXAMPLE_ARGS, "--format", "json", "--show-pii").stdout)
    assert shown["candidates"][0]["id_number"] == "350502194809300111"
    masked = invoke(*EXAMPLE_ARGS).stdout
    assert "350502194809300111" not in masked
    assert "350502********0111" in masked


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    result = invoke(*EXAMPLE_ARGS, "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["candidates"] == 21
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_table_in_english() -> None:
    out = invoke(*EXAMPLE_ARGS, "--lang", "en").stdout
    assert "Candidate eligibility · rule set community-2006 v1 · election day 2006-09-30" in out
    assert "21 candidates: 11 eligible, 3 need approval, 5 ineligible, 2 invalid; 10 team findings" in out


def test_folder_of_rosters(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    write_roster(tmp_path / "a", clean_team())
    (tmp_path / "a" / "b.csv").write_text("姓名,社区,拟任职务\n张三,翠竹社区,居委会委员\n", encoding="utf-8")
    data = json.loads(invoke(str(tmp_path / "a"), "--format", "json").stdout)
    assert [c["source"]["path"].rsplit("/", 1)[1] for c in data["candidates"]] == ["b.csv"] + [
        "roster.json"
    ] * 3


def test_version_and_module_entry_point() -> None:
    import subprocess
    import sys

    assert runner.invoke(app, ["--version"]).stdout == "eligibility 0.1.0\n"
    done = subprocess.run(
        [sys.executable, "-m", "eligibility", "--help"], capture_output=True, text=True, check=True
    )
    assert "check" in done.stdout


def test_the_count_on_a_terminal_is_cleared_before_the_report_is_written_there() -> None:
    # The spinner was left on its line and the report's title written after it: "⠋ 已检查 0 名候选人 0:00:00候选人资格审查".
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "eligibility", "check", str(EXAMPLES / "roster.csv")]
    run = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    said = b""
    with contextlib.suppress(OSError):  # the terminal's far end reads EIO once the program has gone
        while chunk := os.read(leader, 1 << 16):  # read as it is written: a full terminal would stop it
            said += chunk
    os.close(leader)
    run.wait(timeout=60)
    text = said.decode("utf-8", "replace")
    assert run.returncode == 1
    title = text.index("候选人资格审查")
    counted = text.rfind("已检查", 0, title)
    assert counted >= 0  # a person watching saw the count
    assert "\x1b[2K" in text[counted:title]  # and it was erased before the report began
    # While the table was laid out, the count said so: a province's took half a minute with the count standing
    # still, as if the run had hung (helper-56).
    assert "已检查 21 名候选人，正在生成报告" in text[:title]


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("r.json", b"{\n"),
        ("r.jsonl", b'{"type":"run"'),
        ("r.html", b"<!DOCTYPE html>"),
        ("r.xlsx", b"PK"),
        ("r.csv", "\ufeff对象,文件".encode()),
        ("r.txt", "候选人资格审查".encode()),
    ],
)
def test_an_output_file_without_format_is_written_as_its_name_says(
    tmp_path: Path, name: str, starts: bytes
) -> None:
    # -o report.json wrote the text table into report.json.
    out = tmp_path / name
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "roster.csv"), "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert out.read_bytes().startswith(starts)


def test_a_reader_that_stops_reading_ends_the_run_quietly() -> None:
    # | head -1 printed "错误: <stdout>: 无法写入：Broken pipe".
    import subprocess
    import sys

    roster = (EXAMPLES / "roster.csv").read_bytes()
    rows = roster.splitlines(keepends=True)
    many = rows[0] + b"".join(rows[1:]) * 200  # far more than a pipe holds
    command = f"'{sys.executable}' -m eligibility check - --format jsonl | head -1"
    run = subprocess.run(command, shell=True, input=many, capture_output=True, timeout=120, check=False)
    assert run.stdout.startswith(b'{"type":"run"') and run.stdout.count(b"\n") == 1
    assert run.stderr == b""


@pytest.mark.parametrize(
    "output_format",
    ["table", "json", "jsonl", "csv", "csv-candidates", "markdown", "junit", "sarif", "github", "html"],
)
def test_no_birth_date_beside_a_masked_id_number_gives_it_back(output_format: str) -> None:
    # 350503********0516 beside "与身份证号中的出生日期 1950-06-18" is 350503195006180516 in full.
    args = ["check", str(EXAMPLES / "roster.csv"), "--format", output_format, "--explain"]
    masked = CliRunner().invoke(app, args).stdout
    births = re.compile(r"19\d\d[-./年]\d{1,2}[-./月]\d{1,2}")
    assert "1950-06-18" not in masked and not births.search(masked)
    assert "********" in masked or output_format == "table"
    shown = CliRunner().invoke(app, [*args, "--show-pii"]).stdout
    assert "1950-06-18" in shown or output_format in ("csv-candidates",)


@pytest.mark.parametrize("output_format", ["table", "json", "jsonl", "csv", "markdown", "sarif", "html"])
def test_an_impossible_birth_date_in_an_id_number_is_masked_with_it(
    tmp_path: Path, output_format: str
) -> None:
    # 110101********0071 beside "出生日期 19751301 不存在" is 110101197513010071 in full.
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,街道,社区,拟任职务\n癸,110101197513010071,东湖街道,青松社区,居委会委员\n",
        encoding="utf-8",
    )
    args = ["check", str(roster), "--format", output_format, "--election-date", "2006-09-30"]
    masked = CliRunner().invoke(app, args).stdout
    assert "1975****" in masked.replace("\\", "") and "19751301" not in masked
    assert "19751301" in CliRunner().invoke(app, [*args, "--show-pii"]).stdout


@pytest.mark.parametrize(
    ("lang", "reason"), [("zh", "月份应在 1 到 12 之间"), ("en", "month must be in 1..12")]
)
def test_a_masked_birth_date_keeps_its_reason_and_the_election_day(
    tmp_path: Path, lang: str, reason: str
) -> None:
    # The year-only mask once fell on the reason too: "month must be in *..**", "晚于选举日 2006-**-**".
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,出生年月,街道,社区,拟任职务\n"
        "张三,1960-13-01,东湖街道,青松社区,居委会委员\n"
        "卫五,2060-01-01,东湖街道,青松社区,居委会委员\n",
        encoding="utf-8",
    )
    args = ["check", str(roster), "--format", "json", "--election-date", "2006-09-30", "--lang", lang]
    report = json.loads(CliRunner().invoke(app, args).stdout)
    messages = [f["message"] for c in report["candidates"] for f in c["findings"]]
    assert any("1960-**-**" in m and reason in m for m in messages), messages
    assert any("2060-**-**" in m and "2006-09-30" in m for m in messages), messages


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["--fail-on", "bogus"],
            "--fail-on 只能是 warning、review、ineligible、never 之一",
            "--fail-on must be one of",
        ),
        (
            ["--fial-on", "never"],
            "没有 --fial-on 这个选项（是否为“--fail-on”？）",
            "there is no option --fial-on",
        ),
        (["--jobs", "x"], "--jobs/-j 的值不对：应为整数", "--jobs/-j has a value that cannot be used"),
    ],
)
def test_a_mistake_on_the_command_line_is_said_in_the_users_language(
    args: list[str], zh: str, en: str
) -> None:
    # click said every one in English: "Error: Invalid value for '--fail-on': Value error, 'bogus' is not one of …".
    import subprocess
    import sys

    command = [sys.executable, "-m", "eligibility", "check", str(EXAMPLES / "roster.csv"), *args]
    chinese = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert chinese.returncode == 2 and chinese.stderr.startswith(f"错误: {zh}"), chinese.stderr
    assert "eligibility check --help" in chinese.stderr and "Traceback" not in chinese.stderr
    english = subprocess.run(
        [*command, "--lang", "en"], capture_output=True, text=True, timeout=60, check=False
    )
    assert english.returncode == 2 and english.stderr.startswith(f"error: {en}"), english.stderr


@pytest.mark.parametrize("name", ["t.xlsx", "t.csv"])
def test_template_makes_the_folders_it_is_written_into(tmp_path: Path, name: str) -> None:
    # FileNotFoundError, where `check --output` makes the folders its report goes into.
    target = tmp_path / "new" / "folder" / name
    result = runner.invoke(app, ["template", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert target.is_file() and result.stderr == f"empty roster written to {target}\n"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_template_refuses_a_folder(tmp_path: Path, force: list[str]) -> None:
    # IsADirectoryError with --force; without it, "the file exists; add --force", which would not help.
    folder = tmp_path / "d.xlsx"
    folder.mkdir()
    chinese = runner.invoke(app, ["template", str(folder), *force])
    assert chinese.exit_code == 2
    assert chinese.stderr == f"错误: {folder.as_posix()}: 是文件夹：请给出要写入空白名册的文件名\n"
    english = runner.invoke(app, ["template", str(folder), *force, "--lang", "en"])
    assert (
        english.stderr
        == f"error: {folder.as_posix()}: is a folder: name a file to write the empty roster to\n"
    )
    assert folder.is_dir() and not any(folder.iterdir())


def test_template_under_a_file_says_which_file_is_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("", encoding="utf-8")
    target = tmp_path / "f" / "t.csv"
    result = runner.invoke(app, ["template", str(target), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target.as_posix()}: cannot be written: {(tmp_path / 'f').as_posix()} is a file, not a folder\n"
    )


def test_a_report_that_cannot_be_written_says_why_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Permission denied" was said in Chinese as no permission to read it; a full disk stayed in English
    # (helper-78).
    import tempfile

    roster = str(EXAMPLES / "roster.csv")

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")  # as a folder the officer may not write in (root may)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    denied = tmp_path / "denied.json"
    said = {
        lang: runner.invoke(app, ["check", roster, "-o", str(denied), "--lang", lang]).stderr
        for lang in ("zh", "en")
    }
    assert said["zh"].endswith("无法写入：没有写入它的权限\n") and "读取" not in said["zh"]
    assert said["en"].endswith("cannot be written: no permission to write it\n")
    monkeypatch.undo()
    if Path("/dev/full").exists():
        full = runner.invoke(app, ["check", roster, "-o", "/dev/full", "--format", "json"])
        assert full.exit_code == 2 and full.stderr == "错误: /dev/full: 无法写入：磁盘已满\n"


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It wrote a file named "-" and said so.
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["check", str(EXAMPLES / "roster.csv"), "--format", "csv", "--output", "-"]
    )
    assert result.stdout.startswith("对象,文件,") and not (tmp_path / "-").exists()


def test_terminal_lines_naming_an_id_number_mask_it(tmp_path: Path) -> None:
    # The report's path on "written to", a template's, and a rule file's case names were printed whole.
    from conftest import make_id

    number = make_id("1961-03-02")
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,社区,拟任职务\n王强,青松社区,居委会委员\n", encoding="utf-8")
    written = CliRunner().invoke(app, ["check", str(roster), "-o", str(tmp_path / f"{number}.json")])
    assert (tmp_path / f"{number}.json").exists() and number not in written.stderr, written.stderr
    shown = CliRunner().invoke(
        app, ["check", str(roster), "-o", str(tmp_path / f"b{number}.json"), "--show-pii"]
    )
    assert number in shown.stderr
    template = CliRunner().invoke(app, ["template", str(tmp_path / f"t{number}.csv")])
    assert number not in template.stderr and number[:6] in template.stderr
    rules = tmp_path / "cases.yaml"
    rules.write_text(
        'extends: community-2006\nname: x\ntitle: {zh: x, en: x}\nversion: "1"\ntests:\n'
        f"  - case: 王强 {number} 满18周岁\n    candidates:\n"
        "      - {姓名: 甲, 性别: 男, 出生日期: 1966-05-01, 社区: 青松社区, 拟任职务: 居委会委员}\n"
        "    expect: {1: [min-age]}\n",
        encoding="utf-8",
    )
    tested = CliRunner().invoke(app, ["rules", "test", str(rules)])
    assert "FAIL" in tested.stdout and number not in tested.stdout and number[:6] in tested.stdout


@pytest.mark.parametrize("fail_on", ["ineligible", "review", "warning", "never"])
@pytest.mark.parametrize("communities", [True, False])
@pytest.mark.parametrize("output", ["table", "github"])
def test_the_last_line_says_whether_the_run_passes_and_what_fails_it(
    fail_on: str, communities: bool, output: str
) -> None:
    # A clean roster checked without its communities table exited 1, and nothing printed said why: the seats'
    # rule, not checked, fails the run at review.
    args = ["check", str(EXAMPLES / "roster.csv"), "--fail-on", fail_on, "--lang", "en", "--format", output]
    if communities:
        args += ["--communities", str(EXAMPLES / "communities.csv")]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    last = result.stdout.rstrip().splitlines()[-1]
    assert result.exit_code in (0, 1)
    if fail_on == "never":
        assert result.exit_code == 0 and last == "result: not judged (--fail-on never)"
    elif result.exit_code == 0:
        assert last == f"result: passes at --fail-on {fail_on}"
    else:
        assert last.startswith(f"result: fails at --fail-on {fail_on}: ")
        assert ("1 rule not checked (seat-quota)" in last) is (not communities and fail_on != "ineligible")


def test_a_clean_roster_without_its_seats_says_it_fails_for_the_rule_not_checked(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(
        "姓名,性别,身份证号,文化程度,政治面貌,社区,拟任职务,计生违法日期,两违,综治问题,被剥夺政治权利,亲属\n"
        + "\n".join(
            f"{name},{sex},{person(birth_date=born, gender=sex)['id_number']},高中,中共党员,青松社区,{roles},,否,否,否,"
            for name, sex, born, roles in [
                ("甲", "男", "1960-01-10", "党组织书记、居委会主任"),
                ("乙", "女", "1965-02-02", "居委会委员、妇代会主任"),
                ("丙", "男", "1970-03-03", "党组织委员、民兵营长"),
            ]
        )
        + "\n",
        "utf-8",
    )
    result = runner.invoke(app, ["check", str(roster)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert (
        result.stdout.rstrip().splitlines()[-1]
        == "结果：未通过（--fail-on review）：未检查的规则 1 条（seat-quota）"
    )


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        ("zh", "计生违法日期=2001-09-30", "family_planning_violation="),
        ("en", "family-planning violation dates=2001-09-30", "family_planning_violation="),
        # A threshold is said to be the rule set's, not the candidate's: a bare principal_max_age=57 was.
        ("zh", "周岁=58，参数 principal_max_age=57", "，principal_max_age=57"),
        ("en", "age=58, parameter principal_max_age=57", ", principal_max_age=57"),
    ],
)
def test_explain_names_the_facts_in_the_readers_language(lang: str, shown: str, hidden: str) -> None:
    # 依据的事实：family_planning_violation=2001-09-30, window_start=…: the rule file's ids, in a Chinese report.
    result = runner.invoke(
        app, ["check", str(EXAMPLES / "roster.csv"), "--explain", "--lang", lang], env={"COLUMNS": "300"}
    )
    said = " ".join(result.stdout.split())
    assert hidden not in said
    assert shown.replace(" ", "") in said.replace(" ", "")


def _on_a_terminal(env: dict[str, str]) -> bytes:
    """What `eligibility check` writes to a terminal (a pseudo-terminal here), with these variables set."""
    import subprocess
    import sys

    leader, follower = os.openpty()
    run = subprocess.Popen(
        [sys.executable, "-m", "eligibility", "check", str(EXAMPLES / "roster.csv")],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm-256color", **env},
    )
    os.close(follower)
    written = b""
    with contextlib.suppress(OSError):  # the terminal's other end closed: all of it read
        # Read as it is written: a terminal holds a few kilobytes, and the report, waited for before it was
        # read, stopped on a full terminal and the tests with it.
        while chunk := os.read(leader, 65536):
            written += chunk
    os.close(leader)
    done = run
    done.wait(timeout=60)
    assert done.returncode == 1
    return written


def test_no_color_turns_the_tables_colour_off_on_a_terminal() -> None:
    # NO_COLOR was heeded by the progress count only: the table went on writing 35 colour codes (helper-49).
    assert b"\x1b[" in _on_a_terminal({"NO_COLOR": ""})  # set but empty: no request (no-color.org)
    plain = _on_a_terminal({"NO_COLOR": "1"})
    assert b"\x1b[" not in plain and "陈建国".encode() in plain


def test_a_terminal_of_80_columns_puts_the_findings_under_each_row() -> None:
    # The findings had a column of 13 to 16 cells: principal-educa / tion, beside posts folded mid-word.
    from rich.cells import cell_len

    lines = _on_a_terminal({"COLUMNS": "80", "NO_COLOR": "1"}).decode().replace("\r", "").split("\n")
    assert lines and all(cell_len(line) <= 80 for line in lines)
    assert any(line.startswith("       [需审批] principal-education 拟任社区主干，") for line in lines)
    assert any(
        line.startswith("   2   陈建国   350502********0111   党组织书记、居委会主任") for line in lines
    )


def test_a_report_piped_on_is_laid_out_at_120_columns_whatever_the_terminal() -> None:
    import subprocess
    import sys

    def piped(columns: str) -> str:
        command = [sys.executable, "-m", "eligibility", "check", str(EXAMPLES / "roster.csv")]
        env = {**os.environ, "COLUMNS": columns}
        return subprocess.run(command, capture_output=True, env=env, check=False).stdout.decode()

    at_80 = piped("80")
    assert at_80 == piped("300") and "─" * 120 in at_80 and "审查意见" in at_80


def test_a_pattern_left_to_the_tool_is_read_as_the_files_it_matches(tmp_path: Path, monkeypatch: Any) -> None:
    # Windows' cmd passes rosters\*.csv as it is typed, as does a quoted pattern: it was "no such file".
    monkeypatch.chdir(tmp_path)
    for street in ("东湖街道", "西岭街道"):
        (tmp_path / "rosters" / street).mkdir(parents=True)
        write = (tmp_path / "rosters" / street / "名册.csv").write_bytes
        write((EXAMPLES / "roster.csv").read_bytes())
    result = invoke("rosters/*/名册.csv", "--format", "json")
    assert [i["path"] for i in json.loads(result.stdout)["inputs"]] == [
        "rosters/东湖街道/名册.csv",
        "rosters/西岭街道/名册.csv",
    ]
    recursive = invoke("rosters/**/*.csv", "--format", "json")
    assert len(json.loads(recursive.stdout)["inputs"]) == 2
    none = invoke("rosters/*.xlsx", "--lang", "en")
    assert none.exit_code == 2 and "rosters/*.xlsx: no file matches this pattern" in none.stderr


@pytest.mark.parametrize("fmt", ["csv", "csv-candidates", "json", "xlsx"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_named_as_the_roster_stops_the_run(tmp_path: Path, fmt: str, jobs: str) -> None:
    # A roster overwritten by a run's --output, named on its own: set aside with a note, it passed with nobody
    # checked, exit 0 at every --fail-on (helper-70). It stops, as a communities table named as a roster does.
    report = tmp_path / f"roster.{'xlsx' if fmt == 'xlsx' else 'json' if fmt == 'json' else 'csv'}"
    assert invoke(str(EXAMPLES / "roster.csv"), "--format", fmt, "-o", str(report)).exit_code == 1
    result = invoke(str(report), "--fail-on", "never", "--jobs", jobs, "--lang", "en")
    assert result.exit_code == 2
    assert f"{report.as_posix()}: this is a report this tool wrote, not a roster" in result.stderr


def test_a_report_named_beside_the_rosters_is_set_aside_and_one_edited_by_hand_is_still_a_report(
    tmp_path: Path,
) -> None:
    # check *.csv, the last run's report.csv among the rosters: stopped (exit 2) with nobody checked (helper-71).
    roster = tmp_path / "roster.csv"
    roster.write_bytes((EXAMPLES / "roster.csv").read_bytes())
    report = tmp_path / "report.csv"
    assert invoke(str(roster), "--format", "csv", "-o", str(report)).exit_code == 1
    both = invoke(str(report), str(roster), "--format", "json")
    assert both.exit_code == 1
    data = json.loads(both.stdout)
    assert data["summary"]["candidates"] == 21
    [aside] = [i for i in data["inputs"] if i["path"].endswith("report.csv")]
    assert [f["rule"] for f in aside["findings"]] == ["file-skipped-report"]
    # 行号 deleted by hand: its rows were read as candidates, a barred one 符合条件 (helper-71).
    header, *rows = list(csv.reader(io.StringIO(report.read_text("utf-8-sig"))))
    at = header.index("行号")
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([cells[:at] + cells[at + 1 :] for cells in [header, *rows]])
    assert invoke(str(edited)).exit_code == 2


def test_a_roster_annotated_with_a_reports_words_is_still_a_roster(tmp_path: Path) -> None:
    # 等级, 规则 and 审查意见 added by an officer beside the cells made the roster "a report", set aside, and its
    # 两违 candidate passed with exit 0 (helper-70). A report's tables also say where each row is (文件, 行号).
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,社区,拟任职务,两违,等级,规则,审查意见\n甲,乙社区,党组织书记,是,,,\n", encoding="utf-8"
    )
    english = tmp_path / "en.csv"
    english.write_text(
        "name,community,roles,two_violations,status,findings,rules\n甲,乙社区,党组织书记,是,,,\n"
    )
    for path in (roster, english):
        result = invoke(str(path), "--format", "json")
        assert result.exit_code == 1
        [candidate] = json.loads(result.stdout)["candidates"]
        assert candidate["status"] == "ineligible"


@pytest.mark.parametrize("name", ["report.json", "report.jsonl", "results.sarif.json"])
def test_a_report_kept_in_the_rosters_folder_is_set_aside_and_written_over(tmp_path: Path, name: str) -> None:
    # report.json beside the rosters was read back as a roster of 21 candidates, each a duplicate-person of
    # the real row, and the next run refused to write over it (helper-50).
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "roster.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    args = [str(folder), "--communities", str(EXAMPLES / "communities.csv"), "-o", str(folder / name)]
    first = invoke(*args)
    assert first.exit_code == 1, first.output
    again = invoke(*args)
    assert again.exit_code == 1, again.output  # written over, not "the report would replace an input"
    lines = (folder / name).read_text("utf-8")
    report = json.loads(lines) if name == "report.json" else None
    if name.endswith(".sarif.json"):
        # results.sarif.json, as the GitHub action names it: read back as a roster, it failed the next run.
        assert json.loads(lines)["runs"][0]["tool"]["driver"]["name"] == "eligibility"
        plain = invoke(str(folder), "--format", "json")
        [aside] = [i for i in json.loads(plain.stdout)["inputs"] if i["path"].endswith(name)]
        assert [f["rule"] for f in aside["findings"]] == ["file-skipped-report"]
    elif report is not None:
        assert report["summary"]["candidates"] == 21
        [aside] = [i for i in report["inputs"] if i["path"].endswith(name)]
        assert [f["rule"] for f in aside["findings"]] == ["file-skipped-report"]
    else:
        assert '"candidates":21' in lines and '{"type":"summary"' in lines
    # A roster named as the output is still refused: it would be lost.
    refused = invoke(str(folder), "-o", str(folder / "roster.csv"))
    assert refused.exit_code == 2


@pytest.mark.parametrize("output_format", ["csv-candidates", "json", "jsonl"])
def test_a_report_that_does_not_say_why_the_run_fails_has_it_said_on_standard_error(
    tmp_path: Path, output_format: str
) -> None:
    # One clean row of csv-candidates and exit 1, nothing saying a file was not read (helper-62).
    (tmp_path / "缺列.csv").write_text("姓名,社区\n张三,青松社区\n", encoding="utf-8")
    (tmp_path / "ok.csv").write_text("姓名,社区,拟任职务\n李四,青松社区,居委会委员\n", encoding="utf-8")
    args = ["check", str(tmp_path), "--format", output_format, "--fail-on", "ineligible", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("result: fails at --fail-on ineligible: 1 file finding")
    )
    # A run that passes says nothing there; the table says it itself, once.
    ok = str(tmp_path / "ok.csv")
    passing = runner.invoke(
        app, ["check", ok, "--format", output_format, "--fail-on", "never", "--lang", "en"]
    )
    assert passing.exit_code == 0 and not passing.stderr.strip()
    table = runner.invoke(app, ["check", str(tmp_path), "--fail-on", "ineligible", "--lang", "en"])
    assert table.output.count("result: fails at --fail-on ineligible") == 1


def test_the_verdict_on_standard_error_counts_teams_alike_in_every_format(tmp_path: Path) -> None:
    # JSON, written as it goes, said 候选人 10 名 where the table says 候选人 10 名，班子 2 个: its report held no
    # teams to count, and a run failing on a team alone was said to pass (helper-63).
    given = [
        "--communities",
        str(EXAMPLES / "communities.csv"),
        "--approvals",
        str(EXAMPLES / "approvals.csv"),
    ]
    said = {}
    for output_format in ("json", "jsonl", "csv", "sarif"):
        result = runner.invoke(
            app, ["check", str(EXAMPLES / "roster.csv"), *given, "--format", output_format]
        )
        assert result.exit_code == 1
        said[output_format] = result.stderr.strip().splitlines()[-1]
    assert set(said.values()) == {"结果：未通过（--fail-on review）：候选人 10 名，班子 2 个"}
    # The table written to a file says it there, and on standard error too, as the terminal does not show it.
    table = runner.invoke(app, ["check", str(EXAMPLES / "roster.csv"), *given, "-o", str(tmp_path / "t.txt")])
    assert table.stderr.strip().splitlines()[-1] == said["json"]


@pytest.mark.parametrize("written", ["2006/9/28", "2006.9.28", "2006年9月28日", "20060928"])
def test_an_election_date_option_is_read_as_a_rosters_cell_writes_a_day(tmp_path: Path, written: str) -> None:
    # helper-89: --election-date 2006/9/28 was refused, though every cell of the roster takes it.
    roster = write_roster(tmp_path, clean_team())
    result = CliRunner().invoke(app, ["check", str(roster), "--election-date", written, "--format", "json"])
    assert json.loads(result.stdout)["election_date"] == "2006-09-28", result.output
    assert str(check([roster], election_date=written).election_date) == "2006-09-28"  # and so the library


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["chek"], "错误: 没有 chek 这个命令（是否为“check”？）\n用法见 "),
        (
            ["--lang", "en", "rules", "valdate"],
            "error: there is no command valdate (did you mean 'validate'?)",
        ),
        (["--lang", "en"], "Usage: "),
        (["--lang", "zh"], "用法："),
    ],
)
def test_a_mistyped_or_missing_command_is_said_in_the_users_language(args: list[str], said: str) -> None:
    # Click said "命令行有误：No such command 'chek'. Did you mean 'check', 'schema'?", and for `eligibility
    # --lang en` alone "Missing command." where `eligibility` alone shows the help.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "eligibility", *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2 and done.stderr.startswith(said), done.stderr
    assert "Traceback" not in done.stderr and "No such command" not in done.stderr
    assert "Missing command" not in done.stderr


@pytest.mark.parametrize(
    ("args", "zh", "en", "command"),
    [
        (
            ["check", "roster.csv", "--format"],
            "--format 后面要写一个值",
            "--format needs a value after it",
            "check",
        ),
        (["rules", "list", "foo"], "多了参数：foo", "unexpected arguments: foo", "rules list"),
    ],
)
def test_an_option_without_its_value_or_an_extra_argument_is_said_in_the_users_language(
    args: list[str], zh: str, en: str, command: str
) -> None:
    # Click's English showed through (命令行有误：Option '--format' requires an argument.; Got unexpected extra
    # argument(s) (foo)), and the first pointed to `eligibility --help`, not to the command's.
    import subprocess
    import sys

    for lang, said, see in (("zh", zh, "用法见"), ("en", en, "see")):
        done = subprocess.run(
            [sys.executable, "-m", "eligibility", "--lang", lang, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        first, second = done.stderr.splitlines()[:2]
        assert done.returncode == 2 and first.endswith(said), done.stderr
        assert second.startswith(see) and second.endswith(f"eligibility {command} --help"), done.stderr


def test_explaining_a_rule_of_another_bundled_rule_set_says_which_to_name() -> None:
    # remark-sanction-in-effect asked of the default community-2006 was "no such rule", with community-2006's ids
    # listed: the officer looked for a typo in a rule village-2021 has (helper-125).
    said = {
        lang: runner.invoke(app, ["rules", "explain", "remark-sanction-in-effect", "--lang", lang])
        for lang in ("zh", "en")
    }
    assert [result.exit_code for result in said.values()] == [2, 2]
    assert said["zh"].stderr == (
        "错误: 规则“remark-sanction-in-effect”属于内置规则集 village-2021，不在规则集 community-2006 里：请加 "
        "--rules village-2021\n"
    )
    assert said["en"].stderr == (
        "error: rule 'remark-sanction-in-effect' is a rule of the bundled rule set village-2021, not of "
        "community-2006: add --rules village-2021\n"
    )
    named = ["rules", "explain", "remark-sanction-in-effect", "--rules", "village-2021"]
    assert runner.invoke(app, named).exit_code == 0
    # A rule of no rule set is a typo as ever.
    typo = runner.invoke(app, ["rules", "explain", "remark-sanction-in-efect", "--lang", "en"])
    assert typo.exit_code == 2 and typo.stderr.startswith("error: no rule 'remark-sanction-in-efect'")


def test_seat_counts_not_given_ask_for_the_columns_as_many_as_they_are(tmp_path: Path) -> None:
    # seat-quota not checked named two columns, then asked to write "这一列" / "the column" (helper-125).
    from eligibility.formatters.common import not_checked_finding

    one = tmp_path / "communities.csv"
    one.write_text("街道,社区,选举日期,党组织核定职数\n东湖街道,青松社区,2006-09-30,5\n", "utf-8")
    for communities, zh, en in (
        (None, "（请在社区表（--communities）里写这两列）", "(write these columns in the communities table"),
        (one, "（请在社区表（--communities）里写这一列）", "(write the column in the communities table"),
    ):
        report = check([EXAMPLES / "roster.csv"], communities=communities)
        [missing] = [n for n in report.not_checked if n.rule == "seat-quota"]
        assert len(missing.missing) == (2 if communities is None else 1)
        assert not_checked_finding(missing, "zh").message.endswith(zh)
        assert en in not_checked_finding(missing, "en").message
    shown = runner.invoke(app, ["check", str(EXAMPLES / "roster.csv"), "--lang", "en"]).stdout
    assert "(write these columns in the communities table, --communities)" in " ".join(shown.split())


def test_a_patterns_file_that_cannot_be_read_is_said_and_the_others_checked_as_a_folders(
    tmp_path: Path, monkeypatch: Any
) -> None:
    # Given as a folder, the broken workbook was a file-unread finding and the roster beside it was checked (exit
    # 1); given as a pattern the tool expands (quoted, or Windows' cmd), it stopped the run (helper-130). The files
    # a pattern matches are found, as a folder's are. A file named on its own stops the run, as DESIGN says.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "batch").mkdir()
    (tmp_path / "batch" / "a.xlsx").write_bytes(b"x")
    (tmp_path / "batch" / "b.csv").write_bytes((EXAMPLES / "roster.csv").read_bytes())
    for given in ("batch", "batch/*"):
        result = invoke(given, "--format", "json", "--lang", "en")
        assert result.exit_code == 1, result.stderr
        inputs = {i["path"]: i for i in json.loads(result.stdout)["inputs"]}
        assert [f["rule"] for f in inputs["batch/a.xlsx"]["findings"]] == ["file-unread"]
        assert inputs["batch/b.csv"]["rows"] == 21
    named = invoke("batch/a.xlsx", "batch/b.csv", "--lang", "en")
    assert (
        named.exit_code == 2 and "batch/a.xlsx: is named .xlsx but is not an Excel workbook" in named.stderr
    )
