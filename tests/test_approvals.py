"""Prior approvals: they turn a review finding approved only when dated by election day and not expired."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eligibility import check

from conftest import make_id, only, passed_over, person

PRINCIPAL_OVER_57 = dict(roles="党支部书记", birth_date="1948-09-30")


def approvals_file(tmp_path: Path, id_number: str, rule: str, date: str, expires: str = "") -> Path:
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期,有效期至\n"
        f"{id_number},{rule},组审〔2006〕1号,区委组织部,{date},{expires}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("date", "expires", "counted", "reason"),
    [
        ("2006-09-01", "", True, None),
        ("2006-09-30", "", True, None),  # approved on election day itself is still in advance enough
        ("2006-10-01", "", False, "晚于选举日"),
        ("2006-05-01", "2006-09-30", True, None),  # valid through its last day
        ("2006-05-01", "2006-09-29", False, "失效"),
        # The last round's (2003), and one given the day before the 2006 notice took effect (2006-04-12): each
        # approved another election's team. From the notice's own day it is this round's.
        (
            "2003-08-01",
            "",
            False,
            "早于本届换届规则的施行日 2006-04-12，不是按本届规则报批的（多为上一届的批复）",
        ),
        ("2006-04-11", "", False, "不是按本届规则报批的"),
        ("2003-08-01", "2006-12-31", True, None),  # valid, its table says, through this election (helper-53)
        ("2006-04-12", "", True, None),
        # What a form writes for no end (/, 长期): as blank. It stopped the whole run as "not a full date" (helper-69).
        ("2006-09-01", "/", True, None),
        ("2006-09-01", "长期", True, None),
        ("2006-09-01", "长期有效", True, None),
        ("2006-09-01", "无限期", True, None),
        ("2006-09-01", "N/A", True, None),
        # 长期有效 runs on past election day, as a later date would: not the last round's (helper-74); / is blank.
        ("2003-08-01", "长期有效", True, None),
        ("2003-08-01", "/", False, "多为上一届的批复"),
    ],
)
def test_approval_dates(
    run: Any, tmp_path: Path, date: str, expires: str, counted: bool, reason: str | None
) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age", date, expires)
    result = only(run([candidate], approvals=path))
    finding = result.findings[0]
    assert finding.approval is not None
    assert finding.approval.counted is counted
    assert finding.approval.reference == "组审〔2006〕1号"
    assert result.status == ("eligible" if counted else "review")
    if reason:
        assert reason in (finding.approval.reason or "")


@pytest.mark.parametrize(
    ("date", "expires", "counted"),
    [
        ("2006-09-01", "", False),
        ("2006-09-01", "2011-12-31", True),
        ("2006-10-15", "", True),
        ("2006-09-01", "长期有效", True),  # runs on, as its table says (helper-74), and the report says so
    ],
)
def test_an_approval_of_a_rule_sets_own_round_does_not_count_for_a_later_election(
    run: Any, tmp_path: Path, date: str, expires: str, counted: bool
) -> None:
    # community-2006 runs to 2006-09-30; checked for a 2007 election (its ruleset-not-in-effect said), a 2006
    # approval passed a principal over 57 as approved, as a 2020 one did a 67-year-old in 2027 (helper-72). One
    # that runs past election day counts as its table says, and one dated after the rule set's dates is this round's.
    candidate = person(roles="党支部书记", birth_date="1948-09-30", id_number=make_id("1948-09-30"))
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age", date, expires)
    result = only(run([candidate], approvals=path, election_date="2007-03-01"))
    [finding] = [f for f in result.findings if f.rule == "principal-age"]
    assert finding.approval is not None and finding.approval.counted is counted
    assert finding.approval.lasting is (expires == "长期有效")  # told from a blank one (helper-75)
    if not counted:
        assert "上一届的批复" in (finding.approval.reason or "")


@pytest.mark.parametrize(
    "written",
    [
        "principal-age、principal-education",
        "principal-age, 社区主干初中以下文化程度",
        # English titles hold spaces, which part nothing (helper-71).
        "Principal over 57, Principal with junior middle school education or less",
        "Principal over 57、principal-education",
        "principal-age principal-education",  # ids parted by a space alone (helper-74)
        "principal-age　principal-education",
        "principal-age principal-education；",  # spaces beside other separators (helper-75)
        "principal-age principal-education、min-age",
    ],
)
def test_one_approval_may_name_several_rules(run: Any, tmp_path: Path, written: str) -> None:
    # A principal over 57 with 初中 is approved for both in one 批复: the cell naming both was refused as one
    # unknown rule, with a did-you-mean of principal-education alone, and the run stopped (helper-69).
    candidate = person(**PRINCIPAL_OVER_57, education="初中")
    path = approvals_file(tmp_path, candidate["id_number"], f'"{written}"', "2006-09-01")
    result = only(run([candidate], approvals=path))
    assert {f.rule: f.approval is not None and f.approval.counted for f in result.findings} == {
        "principal-age": True,
        "principal-education": True,
    }
    assert result.status == "eligible"
    # One rule and a separator after it is that rule (helper-71).
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age；", "2006-09-01")
    assert {f.rule for f in only(run([candidate], approvals=path)).findings if f.approval} == {
        "principal-age"
    }
    # A part mistyped is said by itself, with the rule meant.
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age、principal-educaton", "2006-09-01")
    report = run([candidate], approvals=path, lang="en")
    said = passed_over(report).message
    assert "'principal-educaton'" in said and "did you mean 'principal-education'" in said
    # The row is passed over whole: not one of its rules counted, the candidate still to be approved.
    assert only(report).status == "review"


def test_an_ineligible_finding_cannot_be_approved(run: Any, tmp_path: Path) -> None:
    candidate = person(two_violations="是")
    path = approvals_file(tmp_path, candidate["id_number"], "two-violations", "2006-09-01")
    result = only(run([candidate], approvals=path))
    assert result.status == "ineligible"
    assert result.findings[0].approval is not None
    assert result.findings[0].approval.counted is False


def test_approval_matches_the_id_number_in_any_spelling(run: Any, tmp_path: Path) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    full_width = candidate["id_number"].translate(str.maketrans("0123456789X", "０１２３４５６７８９ｘ"))
    path = approvals_file(tmp_path, full_width, "principal-age", "2006-09-01")
    assert only(run([candidate], approvals=path)).status == "eligible"


def test_approval_for_another_rule_does_not_apply(run: Any, tmp_path: Path) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    path = approvals_file(tmp_path, candidate["id_number"], "principal-education", "2006-09-01")
    result = only(run([candidate], approvals=path))
    assert result.status == "review"
    assert result.findings[0].approval is None


def test_a_team_finding_is_approved_by_community(run: Any, tmp_path: Path) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,1,5\n", encoding="utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "社区,规则,批复文号,审批单位,批复日期\n青松社区,seat-quota,组审〔2006〕9号,区委组织部,2006-08-01\n",
        encoding="utf-8",
    )
    people = [person(roles="党支部书记、居委会主任", gender="女"), person(roles="党支部委员")]
    report = run(people, communities=communities, approvals=approvals)
    finding = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert finding.approval is not None
    assert finding.approval.counted
    assert not finding.is_open


@pytest.mark.parametrize(
    ("body", "counted"), [("区委组织部", True), ("区政府", True), ("东湖街道党工委", False), ("", False)]
)
def test_the_districts_own_team_rules_are_approved_by_the_district_only(
    run: Any, tmp_path: Path, body: str, counted: bool
) -> None:
    # 区委、区政府还要求 …有1名妇女干部; 民兵营长要由社区党组织班子成员担任 among the 规定 the streets 必须严格执行:
    # the street's own approval, or one nobody signed, counted for both (helper-77).
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "社区,规则,批复文号,审批单位,批复日期\n"
        f"青松社区,team-woman,审〔2006〕1号,{body},2006-08-01\n"
        f"青松社区,militia-commander-party,审〔2006〕2号,{body},2006-08-01\n",
        encoding="utf-8",
    )
    people = [person(roles="党支部书记、居委会主任"), person(roles="居委会委员、民兵营长")]
    report = run(people, approvals=approvals)
    found = {f.rule: f for f in report.teams[0].findings}
    for rule in ("team-woman", "militia-commander-party"):
        approval = found[rule].approval
        assert approval is not None and approval.counted is counted, (rule, approval)


def test_a_rule_no_approval_lifts_is_not_approved_by_any_body(tmp_path: Path) -> None:
    # village-2021's supervision-relative is review (whether the declared relative is a near one is a fact to
    # check), but 第三十二条 says 不得: a township's approval lifted it (helper-72).
    from conftest import run_records

    village = dict(street="青山镇", community="青山村", election_date="2021-01-15")
    people = [
        person(name="甲", roles="村党组织书记、村委会主任", **village),
        person(name="乙", roles="村务监督委员会委员", relatives="甲", **village),
    ]
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "街道,社区,规则,批复文号,审批单位,批复日期\n"
        "青山镇,青山村,supervision-relative,镇党〔2021〕1号,青山镇党委,2021-01-05\n",
        encoding="utf-8",
    )
    report = run_records(tmp_path, people, ruleset="village-2021", approvals=approvals, lang="en")
    [finding] = [f for f in report.teams[0].findings if f.rule == "supervision-relative"]
    assert finding.approval is not None and not finding.approval.counted and finding.is_open
    assert finding.approval.reason == (
        "this rule asks for the facts to be checked and put right; no approval stands for that"
    )
    # Its tag in the tables is 待核实, a fact to put right, where 需审批 asked for an approval that cannot count;
    # the report says why (approvable, written only when false).
    from eligibility.formatters.common import severity_label

    assert severity_label(finding, "en") == "to verify"
    assert severity_label(finding, "zh") == "待核实"
    assert finding.model_dump(mode="json")["approvable"] is False
    others = [f for t in report.teams for f in t.findings if f.rule != "supervision-relative"]
    others += [f for c in report.candidates for f in c.findings]
    assert others and all("approvable" not in f.model_dump(mode="json") for f in others)
    # rules explain says so beside its level, which alone asked for an approval (helper-74).
    from typer.testing import CliRunner

    from eligibility.cli import app

    said = (
        CliRunner()
        .invoke(app, ["rules", "explain", "supervision-relative", "--rules", "village-2021"])
        .stdout
    )
    assert "等级: 需审批（须核实改正，不能以审批代替）" in said


def test_of_two_approvals_one_that_counts_is_enough(run: Any, tmp_path: Path) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期,有效期至\n"
        f"{candidate['id_number']},principal-age,A1号,区委组织部,2006-09-01,\n"
        f"{candidate['id_number']},principal-age,B1号,区委组织部,2005-01-01,2005-12-31\n",
        encoding="utf-8",
    )
    result = only(run([candidate], approvals=path))
    assert result.status == "eligible"
    assert result.findings[0].approval is not None
    assert result.findings[0].approval.reference == "A1号"


def test_an_approval_for_an_unknown_rule_is_an_error(run: Any, tmp_path: Path) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    path = approvals_file(tmp_path, candidate["id_number"], "principal_age", "2006-09-01")
    report = run([candidate], approvals=path, lang="en")
    said = passed_over(report)
    assert "规则 'principal_age' is not a rule of the rule set (did you mean 'principal-age'?); rules: " in (
        said.message
    )
    assert said.evidence["line"] == 2 and said.severity == "invalid"
    assert only(report).status == "review"  # not approved by a row that could not be read


@pytest.mark.parametrize(
    ("id_number", "date", "zh", "en"),
    [
        (
            "110101194809300111",
            "2006-09-01",
            "“110101********0111”不是有效的身份证号",
            "'110101********0111' is not a valid",
        ),
        # An ID number typed into the date column is masked in the message too.
        (
            "",
            "110101194809300112",
            "“110101********0112”不是完整的日期",
            "'110101********0112' is not a full date",
        ),
    ],
)
def test_an_approvals_error_masks_the_id_number_and_speaks_one_language(
    tmp_path: Path, id_number: str, date: str, zh: str, en: str
) -> None:
    from typer.testing import CliRunner

    from eligibility.cli import app

    path = approvals_file(tmp_path, id_number or make_id("1948-09-30"), "principal-age", date)
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,社区,拟任职务\n王强,青松社区,居委会委员\n", encoding="utf-8")
    for lang, words in (("zh", zh), ("en", en)):
        args = ["check", str(roster), "--approvals", str(path), "--lang", lang, "--format", "json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1  # the row passed over, and the run failed on it
        [said] = [f["message"] for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
        assert words in said, said
        assert "1948093001" not in result.output
        assert ("is not" in said) is (lang == "en")
    # With --show-pii the officer sees the number whole, to find it in the table (helper-84: it stayed masked).
    shown = CliRunner().invoke(
        app, ["check", str(roster), "--approvals", str(path), "--format", "json", "--show-pii"]
    )
    [said] = [f["message"] for i in json.loads(shown.stdout)["inputs"] for f in i["findings"]]
    assert (id_number or date) in said, said


def test_an_approvals_date_error_names_the_column_as_the_file_writes_it(tmp_path: Path) -> None:
    from eligibility.roster.settings import read_approvals

    path = approvals_file(tmp_path, make_id("1948-09-30"), "principal-age", "九月")
    [note] = read_approvals(path, ["principal-age"]).notes
    assert note.key == "settings-row-unread" and dict(note.params)["column"] == "批复日期"
    assert note.reason is not None and "批复日期 列" in note.reason.zh and "column date" not in note.reason.en


def test_a_team_approval_naming_its_street_counts_for_a_roster_without_streets(
    run: Any, tmp_path: Path
) -> None:
    # The communities file's row was found by community alone; the approvals file's was not, without a word.
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "街道,社区,党组织核定职数,居委会核定职数\n东湖街道,青松社区,1,5\n", encoding="utf-8"
    )
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "街道,社区,规则,批复文号,审批单位,批复日期\n东湖街道,青松社区,seat-quota,组审〔2006〕9号,区委组织部,2006-08-01\n",
        encoding="utf-8",
    )
    people = [person(roles="党支部书记、居委会主任", gender="女"), person(roles="党支部委员")]
    for record in people:
        del record["street"]
    report = run(people, communities=communities, approvals=approvals)
    finding = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert finding.approval is not None and finding.approval.counted


@pytest.mark.parametrize(("written", "counted"), [("", True), ("{name}", True), ("完全不同的人", False)])
def test_an_approval_naming_someone_else_does_not_count(
    run: Any, tmp_path: Path, written: str, counted: bool
) -> None:
    # Filed under 甲's ID number for another person (a mistyped number): it counted for 甲 without a word.
    candidate = person(name="甲", **PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,姓名,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},{written.format(name='甲')},principal-age,A1号,区委组织部,2006-09-01\n",
        encoding="utf-8",
    )
    finding = only(run([candidate], approvals=path, lang="en")).findings[0]
    assert finding.approval is not None and finding.approval.counted is counted
    if not counted:
        assert (
            finding.approval.reason
            == "the approval names 完全不同的人, the roster 甲: is the ID number mistyped?"
        )


def test_an_approval_row_naming_no_one_is_said_of_its_row_not_as_a_missing_column(tmp_path: Path) -> None:
    # "缺少必需的列 身份证号（id_number）；找到的列：-" of a file whose 身份证号 column is there, one cell blank.
    from typer.testing import CliRunner

    from eligibility.cli import app

    from conftest import EXAMPLES

    path = tmp_path / "approvals.csv"
    path.write_text("身份证号,规则,批复文号,批复日期\n,principal-age,A1号,2006-09-01\n", encoding="utf-8")
    args = ["check", str(EXAMPLES / "roster.csv"), "--approvals", str(path), "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    [said] = [f["message"] for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
    assert said.startswith(f"{path} 第 2 行未读取：身份证号 列：身份证号为空，社区也为空")
    assert "缺少必需的列" not in result.output


def test_a_village_heads_its_approvals_and_communities_as_its_roster(run: Any, tmp_path: Path) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text("村,党组织核定职数,居委会核定职数\n青松社区,1,5\n", encoding="utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "村（社区）,规则,批复文号,审批单位,批复日期\n青松社区,seat-quota,组审9号,区委组织部,2006-08-01\n",
        "utf-8",
    )
    people = [person(roles="党支部书记、居委会主任", gender="女"), person(roles="党支部委员")]
    report = run(people, communities=communities, approvals=approvals)
    finding = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert finding.approval is not None and finding.approval.counted


def test_an_unknown_column_of_a_settings_table_is_said_not_dropped(run: Any, tmp_path: Path) -> None:
    # 居委会核定数 (a typo) was passed over without a word, and seat-quota said to give a communities table.
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,党组织核定职数,居委会核定数\n青松社区,3,5\n", encoding="utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "社区,规则,批复文号,批复日期,批复人\n青松社区,seat-quota,组审9号,2006-08-01,王\n", "utf-8"
    )
    report = run([person()], communities=communities, approvals=approvals, lang="en")
    notes = [f.message for i in report.inputs for f in i.findings if f.rule == "settings-column-unknown"]
    assert notes == [
        f"unknown column '居委会核定数' in {communities}" + " (did you mean '居委会核定职数'?), ignored",
        f"unknown column '批复人' in {approvals}" + " (did you mean '批复日期'?), ignored",
    ]


def test_several_unknown_columns_like_none_known_are_said_in_one_line(run: Any, tmp_path: Path) -> None:
    # An attendance sheet's 1日 … 31日 beside the roster gave a warning a column; a near miss keeps its own line,
    # with its did-you-mean, in the roster as in a settings table.
    days = [f"{d}日" for d in range(1, 32)]
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,社区,拟任职务,文化成度," + ",".join(days) + "\n"
        f"甲,{make_id('1970-01-01')},青松社区,居委会委员,高中," + ",".join("√" * 31) + "\n",
        encoding="utf-8",
    )
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,党组织核定职数,备注一,备注二\n青松社区,3,,\n", encoding="utf-8")
    for lang, several in (
        ("en", "31 unknown columns (1日、2日、3日、"),
        ("zh", "未知的列 1日、2日、3日、"),
    ):
        report = check([roster], communities=communities, lang=lang)
        found = [f for i in report.inputs for f in i.findings if f.rule == "column-unknown"]
        assert [f.evidence["header"] for f in found] == ["文化成度", "、".join(days)]
        assert found[1].message.startswith(several) and found[1].evidence["count"] == 31
        assert found[1].message.endswith(("31日), ignored", "31日（31列），已忽略"))
        [table] = [f for i in report.inputs for f in i.findings if f.rule == "settings-column-unknown"]
        assert table.evidence["header"] == "备注一、备注二"
        assert table.message.endswith(("(备注一、备注二), ignored", "备注一、备注二（2列），已忽略"))


def test_a_village_heads_its_committee_seats_as_a_village(run: Any, tmp_path: Path) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text("村,村委会核定职数,党组织核定职数\n青松社区,1,3\n", encoding="utf-8")
    people = [person(roles="居委会主任"), person(roles="居委会委员")]
    report = run(people, communities=communities)
    assert "seat-quota" in {f.rule for f in report.teams[0].findings}  # two on a committee of one


def test_an_approval_that_expires_before_it_was_given_is_refused_at_its_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eligibility.cli import app

    from conftest import EXAMPLES

    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,批复日期,有效期至\n"
        f"{make_id('1948-09-30')},principal-age,A1号,2006-09-01,2006-08-01\n",
        encoding="utf-8",
    )
    args = ["check", str(EXAMPLES / "roster.csv"), "--approvals", str(path), "--lang", "en"]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 1
    [said] = [f for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
    assert said["message"].startswith(
        f"{path} line 2 was not read: column 有效期至: expires on 2006-08-01, before the approval's date 2006-09-01"
    )


def test_an_id_number_typed_into_an_approvals_reference_is_masked(run: Any, tmp_path: Path) -> None:
    candidate = person(**PRINCIPAL_OVER_57)
    number = make_id("1930-10-27", "女")
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},principal-age,东组审〔2006〕1号（{number}）,区委组织部（经办 {number}）,2006-09-01\n",
        encoding="utf-8",
    )
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.approval is not None and finding.approval.counted
    assert number not in finding.model_dump_json() and number[:6] in (finding.approval.reference or "")
    [shown] = only(run([candidate], approvals=path, show_pii=True)).findings
    assert (
        shown.approval is not None and shown.approval.approved_by == f"区委组织部(经办 {number})"
    )  # cleaned: brackets half-width


def test_an_approvals_reference_keeps_its_own_dates(run: Any, tmp_path: Path) -> None:
    # Shown 东组审〔2006〕0912号（2006.*.**）: masked as a birth date where none is.
    candidate = person(**PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},principal-age,东组审〔2006〕0912号（2006.9.12）,区委组织部,2006-09-12\n",
        encoding="utf-8",
    )
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.approval is not None and finding.approval.reference == "东组审〔2006〕0912号(2006.9.12)"


@pytest.mark.parametrize(
    ("header", "row", "column", "zh", "en"),
    [
        # A person's rule filed under a community: it matched no one, and the candidate stayed "review" unsaid.
        (
            "身份证号,社区,规则,批复文号,批复日期",
            ",青松社区,principal-age,A1号,2006-09-01",
            "身份证号",
            "principal-age 是对候选人个人的规则：批复须写明此人的身份证号",
            "principal-age is a rule about one candidate: the approval must give that person's ID number",
        ),
        # A team's rule filed under a person: it matched no team.
        (
            "身份证号,社区,规则,批复文号,批复日期",
            f"{make_id('1948-09-30')},,seat-quota,A1号,2006-09-01",
            "社区",
            "seat-quota 是对班子的规则：批复须写明社区",
            "seat-quota is a rule about a team: the approval must name its community",
        ),
    ],
)
def test_an_approval_filed_the_wrong_way_for_its_rule_is_refused_at_its_line(
    tmp_path: Path, header: str, row: str, column: str, zh: str, en: str
) -> None:
    from typer.testing import CliRunner

    from eligibility.cli import app

    from conftest import EXAMPLES

    path = tmp_path / "approvals.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    for lang, words in (("zh", f"{path} 第 2 行未读取：{column} 列：{zh}"), ("en", en)):
        result = CliRunner().invoke(
            app,
            [
                "check",
                str(EXAMPLES / "roster.csv"),
                "--approvals",
                str(path),
                "--lang",
                lang,
                "--format",
                "json",
            ],
        )
        assert result.exit_code == 1, result.output
        [said] = [f["message"] for i in json.loads(result.stdout)["inputs"] for f in i["findings"]]
        assert words in said, said


def test_a_team_approval_beside_an_id_number_is_the_teams(run: Any, tmp_path: Path) -> None:
    # The secretary's ID number written beside the community does not make a team's approval a person's.
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,1,5\n", encoding="utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        f"身份证号,社区,规则,批复文号,审批单位,批复日期\n{make_id('1960-01-01')},青松社区,seat-quota,组审9号,区委组织部,"
        "2006-08-01\n",
        encoding="utf-8",
    )
    people = [person(roles="党支部书记"), person(roles="党支部委员")]
    result = run(people, communities=communities, approvals=approvals)
    findings = [f for t in result.teams for f in t.findings if f.rule == "seat-quota"]
    assert findings and all(f.approval is not None and f.approval.counted for f in findings)


@pytest.mark.parametrize(
    ("approved_name", "rule", "shown"),
    [
        # The approval names her, under another number (a neighbour's row copied): hers, most likely, but the
        # number is for the officer to put right, so it is shown and does not count.
        ("李秀英", "principal-age", True),
        ("王芳", "principal-age", False),  # another person's
        ("李秀英", "principal-education", False),  # for another rule
    ],
)
def test_an_approval_naming_the_candidate_under_another_id_number_is_shown_not_counted(
    run: Any, tmp_path: Path, approved_name: str, rule: str, shown: bool
) -> None:
    candidate = person(name="李秀英", **PRINCIPAL_OVER_57)
    other = make_id("1950-02-14", "女")
    path = tmp_path / "approvals.csv"
    path.write_text(
        f"身份证号,姓名,规则,批复文号,批复日期\n{other},{approved_name},{rule},组审〔2006〕7号,2006-09-01\n",
        encoding="utf-8",
    )
    result = only(run([candidate], approvals=path))
    assert result.status == "review"
    [finding] = result.findings
    if not shown:
        assert finding.approval is None
        return
    assert finding.approval is not None and not finding.approval.counted
    assert finding.approval.reference == "组审〔2006〕7号"
    assert finding.approval.reason == (
        f"批复写的是 李秀英，身份证号却是 {other[:6]}********{other[-4:]}，与名册上的不同：哪个写错了？"
    )


@pytest.mark.parametrize(
    ("filed_under", "shown"),
    [("青松社区居委会", True), ("东湖街道青松社区", True), ("青松村", False), ("翠竹社区", False)],
)
def test_a_team_approval_filed_under_its_community_written_another_way_is_shown_not_counted(
    run: Any, tmp_path: Path, filed_under: str, shown: bool
) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,1,5\n", encoding="utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        f"街道,社区,规则,批复文号,批复日期\n东湖街道,{filed_under},seat-quota,组审〔2006〕9号,2006-08-01\n",
        encoding="utf-8",
    )
    people = [person(roles="党支部书记、居委会主任", gender="女"), person(roles="党支部委员")]
    report = run(people, communities=communities, approvals=approvals)
    finding = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert finding.is_open
    if not shown:
        assert finding.approval is None
        return
    assert finding.approval is not None and not finding.approval.counted
    assert (
        finding.approval.reason
        == f"批复登记在 东湖街道 {filed_under} 下，名册写的是 青松社区：请统一社区名的写法"
    )


@pytest.mark.parametrize(
    ("rules", "approved_by", "reason"),
    [
        ("community-2006", "区委组织部", None),
        ("community-2006", "中共东湖区委组织部", None),
        ("community-2006", "东湖区委 组织部", None),  # spaced as typed
        ("community-2006", "中共东湖区委员会组织部", None),  # the formal name (helper-46)
        ("community-2006", "區委組織部", None),
        ("community-2006", "区委组织部干部科", None),
        ("community-2006", "东湖街道党工委、区委组织部", None),
        (
            "community-2006",
            "东湖街道党工委（已报区委组织部）",
            "approved by 东湖街道党工委(已报区委组织部)",
        ),
        ("community-2006", "东湖街道党工委报区委组织部", "approved by 东湖街道党工委报区委组织部"),
        ("community-2006", "区委组织部（未同意）", "approved by 区委组织部(未同意)"),
        # It said no, or not yet, in other words (helper-65).
        ("community-2006", "区委组织部（驳回）", "approved by 区委组织部(驳回)"),
        ("community-2006", "区委组织部（不通过）", "approved by 区委组织部(不通过)"),
        ("community-2006", "区委组织部（撤销）", "approved by 区委组织部(撤销)"),
        ("community-2006", "区委组织部（拟）", "approved by 区委组织部(拟)"),
        ("community-2006", "区委组织部：否", "approved by 区委组织部:否"),
        ("community-2006", "市委组织部", "approved by 市委组织部"),
        # With what follows the body's name, joint, or short (helper-47)
        ("community-2006", "区委组织部 2006.9.1", None),
        ("community-2006", "区委组织部东组审〔2006〕12号", None),
        ("community-2006", "区委组织部同意", None),
        ("community-2006", "东湖区委组织部【盖章】", None),
        ("community-2006", "区委组织部 区民政局", None),
        ("community-2006", "区委组织部基层组织建设科", None),
        ("community-2006", "东湖区组织部", None),
        ("community-2006", "东湖街道党工委报请区委组织部", "approved by 东湖街道党工委报请区委组织部"),
        ("community-2006", "东湖街道党工委→区委组织部", "approved by 东湖街道党工委→区委组织部"),
        (
            "community-2006",
            "东湖街道党工委",
            "approved by 东湖街道党工委; this rule needs the approval of 区委组织部",
        ),
        (
            "community-2006",
            "",
            "the approval names no approving body (the approvals table needs a 审批单位 column)",
        ),
        ("village-2021", "中共青山县委组织部", None),
        ("village-2021", "县级党委组织部", None),
        ("village-2021", "中共青山县委员会组织部", None),
        (
            "village-2021",
            "青山镇党委",
            "approved by 青山镇党委; this rule needs the approval of 县级党委组织部, 县委组织部",
        ),
    ],
)
def test_an_approval_counts_only_from_the_body_the_notice_names(
    tmp_path: Path, rules: str, approved_by: str, reason: str | None
) -> None:
    # 一定要事先报区委组织部审核同意: the street that sends the roster in approved its own principal, or no body
    # was written at all, and the finding was approved and CI passed.
    from eligibility import check

    number = make_id("1948-09-30")
    roster = tmp_path / "r.csv"
    roster.write_text(f"姓名,身份证号,社区,拟任职务\n甲,{number},青松社区,党支部书记\n", "utf-8")
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        f"身份证号,规则,批复文号,审批单位,批复日期\n{number},principal-age,A1号,{approved_by},2006-09-01\n",
        "utf-8",
    )
    report = check([roster], ruleset=rules, approvals=approvals, election_date="2006-09-30", lang="en")
    [finding] = [f for f in report.candidates[0].findings if f.rule == "principal-age"]
    assert finding.approval is not None
    assert finding.approval.counted is (reason is None)
    if reason is not None:
        assert finding.approval.reason is not None and finding.approval.reason.startswith(reason)
        assert report.candidates[0].status == "review"


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        ("东湖街道党工委", False),
        ("", False),
        ("区委组织部", True),
        ("东湖区人民政府", True),
        ("区政府", True),
    ],
)
def test_seats_over_the_quota_are_approved_by_those_who_set_them(
    tmp_path: Path, body: str, counted: bool
) -> None:
    # 街道党工委、办事处不要未经批准擅自增加职数配备: the street's own approval, or one naming no body, counted
    # (helper-54).
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,性别,社区,拟任职务\n"
        f"甲,{make_id('1960-01-01')},男,青松社区,党支部书记、居委会主任\n"
        f"乙,{make_id('1962-01-01', '女')},女,青松社区,党支部委员\n",
        encoding="utf-8",
    )
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "社区,选举日期,党组织核定职数,居委会核定职数\n青松社区,2006-09-30,1,1\n", encoding="utf-8"
    )
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        f"社区,规则,批复文号,审批单位,批复日期\n青松社区,seat-quota,〔2006〕5号,{body},2006-09-01\n",
        encoding="utf-8",
    )
    report = check([roster], communities=communities, approvals=approvals)
    [quota] = [f for f in report.teams[0].findings if f.rule == "seat-quota"]
    assert quota.approval is not None and quota.approval.counted is counted


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        ("青山县委组织部", True),
        ("青山县人民政府", True),
        ("中共青山县委", True),
        ("青山镇党委", False),
        ("青山镇人民政府", False),
    ],
)
def test_a_villages_seats_over_the_quota_are_approved_by_the_county(
    tmp_path: Path, body: str, counted: bool
) -> None:
    # 村“两委”班子职数按县级核定的职数配备，不得未经批准擅自增加: a township's own approval counted (helper-57).
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,性别,社区,拟任职务\n"
        f"甲,{make_id('1970-01-01')},男,青山村,村党组织书记、村委会主任\n"
        f"乙,{make_id('1972-01-01', '女')},女,青山村,村党组织委员、村委会委员\n",
        encoding="utf-8",
    )
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "社区,选举日期,党组织核定职数,居委会核定职数\n青山村,2021-01-15,1,1\n", encoding="utf-8"
    )
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        f"社区,规则,批复文号,审批单位,批复日期\n青山村,seat-quota,〔2021〕5号,{body},2021-01-05\n",
        encoding="utf-8",
    )
    report = check([roster], "village-2021", communities=communities, approvals=approvals)
    [quota] = [f for f in report.teams[0].findings if f.rule == "seat-quota"]
    assert quota.approval is not None and quota.approval.counted is counted


def test_a_villagers_committee_without_a_woman_is_no_approval_away(tmp_path: Path) -> None:
    # 村民委员会成员中，应当有妇女成员: the law's 应当, which a township's approval had lifted (helper-57).
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,性别,社区,拟任职务\n"
        f"甲,{make_id('1970-01-01')},男,青山村,村党组织书记、村委会主任\n"
        f"乙,{make_id('1972-01-01', '女')},女,青山村,村党组织委员\n"
        f"丙,{make_id('1975-01-01')},男,青山村,村委会委员\n",
        encoding="utf-8",
    )
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "社区,规则,批复文号,审批单位,批复日期\n青山村,committee-woman,〔2021〕6号,青山县委组织部,2021-01-05\n",
        encoding="utf-8",
    )
    report = check([roster], "village-2021", approvals=approvals)
    [woman] = [f for f in report.teams[0].findings if f.rule == "committee-woman"]
    assert woman.severity == "ineligible" and woman.is_open
    assert woman.approval is None or not woman.approval.counted


@pytest.mark.parametrize("approved_name", ["李　四", "李 四", "李四"])
@pytest.mark.parametrize("roster_name", ["李四", "李　四"])
def test_a_name_padded_to_line_up_is_the_same_name_on_the_approval(
    run: Any, tmp_path: Path, approved_name: str, roster_name: str
) -> None:
    # 批复上的姓名是 李 四，名册上是 李四：身份证号写错了？ — the approval's name kept the space padding it, where the
    # roster's was joined (helper-54).
    candidate = person(name=roster_name, **PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,姓名,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},{approved_name},principal-age,组审〔2006〕1号,区委组织部,2006-09-01\n",
        encoding="utf-8",
    )
    result = only(run([candidate], approvals=path))
    assert result.findings[0].approval is not None and result.findings[0].approval.counted


@pytest.mark.parametrize(
    ("approved_by", "counted"),
    [
        ("青松社区委员会", False),  # 社区委员会 holds 区委: the community approving itself (helper-61)
        ("青松社区居委会", False),
        ("东湖区委", True),
        ("中共东湖区委员会", True),
        ("东城区委", True),  # 城区 is a district
        ("青松社区委员会、东湖区委", True),
        ("东湖区人民政府", True),
    ],
)
def test_a_communitys_own_committee_is_not_the_district_committee(approved_by: str, counted: bool) -> None:
    from eligibility.engine import _approved_by_one_of

    assert _approved_by_one_of(approved_by, ("区委", "区政府")) is counted


@pytest.mark.parametrize("reference", ["无", "/", "—", "待批", "暂无文号", "退回", "未批复"])
def test_an_approvals_reference_that_is_no_number_is_refused_at_its_line(
    tmp_path: Path, reference: str
) -> None:
    # 无 or 待批 where the document number goes counted as an approval; a blank one was refused (helper-65).
    candidate = person(**PRINCIPAL_OVER_57)
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age", "2006-09-01")
    path.write_text(path.read_text(encoding="utf-8").replace("组审〔2006〕1号", reference), encoding="utf-8")
    roster = tmp_path / "r.csv"
    roster.write_text(
        f"姓名,身份证号,社区,拟任职务\n甲,{candidate['id_number']},青松社区,党支部书记\n", "utf-8"
    )
    report = check([roster], approvals=path)
    said = passed_over(report).message
    assert said.startswith(f"{path.as_posix()} 第 2 行未读取：批复文号 列：批复文号“{reference}”里没有号"), (
        said
    )
    assert "holds no number" in passed_over(check([roster], approvals=path, lang="en")).message
    assert only(report).status == "review"


@pytest.mark.parametrize(
    ("opinion", "counted"),
    [
        ("同意", True),
        ("通过", True),
        ("同意报批", True),
        ("", True),
        ("退回补正后同意", True),  # refused on the way, agreed in the end (helper-68)
        ("同意后又撤销", False),
        ("不同意", False),
        ("退回", False),
        ("否", False),
        ("待定", False),
    ],
)
def test_an_approval_the_body_said_no_to_does_not_count(
    run: Any, tmp_path: Path, opinion: str, counted: bool
) -> None:
    # A 审批意见 column of 不同意 was an unknown column, passed over, and the approval counted (helper-65).
    candidate = person(**PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期,审批意见\n"
        f"{candidate['id_number']},principal-age,组审〔2006〕1号,区委组织部,2006-09-01,{opinion}\n",
        encoding="utf-8",
    )
    result = only(run([candidate], approvals=path))
    [finding] = result.findings
    assert finding.approval is not None and finding.approval.counted is counted
    assert result.status == ("eligible" if counted else "review")
    if not counted:
        assert finding.approval.reason == f"审批意见为“{opinion}”，不是同意"


@pytest.mark.parametrize(
    ("sheet", "counted"),
    [("已批准", True), ("不予批准", False), ("退回", False), ("退回重报后已同意", True)],  # agreed in the end
)
def test_approvals_on_a_sheet_that_says_no_do_not_count(
    run: Any, tmp_path: Path, sheet: str, counted: bool
) -> None:
    # A workbook of approvals keeps the refused requests on a sheet of their own (不予批准): each of its rows
    # counted as granted (helper-65).
    from openpyxl import Workbook

    candidate = person(**PRINCIPAL_OVER_57)
    book = Workbook()
    granted = book.active
    granted.title = "批复"
    granted.append(["身份证号", "规则", "批复文号", "审批单位", "批复日期"])
    refused = book.create_sheet(sheet)
    refused.append(["身份证号", "规则", "批复文号", "审批单位", "批复日期"])
    refused.append([candidate["id_number"], "principal-age", "组审〔2006〕1号", "区委组织部", "2006-09-01"])
    path = tmp_path / "approvals.xlsx"
    book.save(path)
    result = only(run([candidate], approvals=path))
    [finding] = result.findings
    assert finding.approval is not None and finding.approval.counted is counted
    assert result.status == ("eligible" if counted else "review")
    if not counted:
        assert finding.approval.reason == f"审批意见为“{sheet}”，不是同意"


def test_approvals_in_a_file_whose_name_says_no_do_not_count(run: Any, tmp_path: Path) -> None:
    # 不予批准.csv beside the granted ones in a district's folder: each of its rows counted (helper-68).
    candidate = person(**PRINCIPAL_OVER_57)
    path = approvals_file(tmp_path, candidate["id_number"], "principal-age", "2006-09-01")
    path = path.rename(path.with_name("不予批准.csv"))
    [finding] = only(run([candidate], approvals=path)).findings
    assert finding.approval is not None and not finding.approval.counted
    assert finding.approval.reason == "审批意见为“不予批准”，不是同意"


def test_an_approval_of_a_rule_the_rule_set_disables_is_said_and_the_run_goes_on(tmp_path: Path) -> None:
    # A county dropping family planning could not reuse the district's approvals table: the run stopped at
    # "not a rule of this rule set" (helper-76).
    rules = tmp_path / "county.yaml"
    rules.write_text(
        "name: county\nversion: '1'\nextends: community-2006\ndisable: [family-planning-5y]\n", "utf-8"
    )
    candidate = person(**PRINCIPAL_OVER_57)
    path = tmp_path / "approvals.csv"
    path.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期\n"
        f"{candidate['id_number']},family-planning-5y,甲1号,区委组织部,2006-09-01\n"
        f"{candidate['id_number']},principal-age、family-planning-5y,甲2号,区委组织部,2006-09-01\n",
        encoding="utf-8",
    )
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([candidate], ensure_ascii=False), "utf-8")
    report = check([roster], rules, approvals=path, lang="en")
    said = [f for i in report.inputs for f in i.findings if f.rule == "approval-rule-disabled"]
    assert [(f.severity, f.evidence["line"]) for f in said] == [("warning", 2), ("warning", 3)]
    assert said[0].message.endswith(f"is for rule family-planning-5y, which {rules}:4 disables: not used")
    # The row's other rule is approved as ever.
    assert only(report).status == "eligible"
    # A rule of no rule set in the chain is still a mistake: the row passed over, and the run fails on it.
    unknown = approvals_file(tmp_path, candidate["id_number"], "no-such-rule", "2006-09-01")
    assert (
        "'no-such-rule' is not a rule of the rule set"
        in passed_over(check([roster], rules, approvals=unknown, lang="en")).message
    )


def test_a_village_team_approval_filed_under_its_village_written_another_way_asks_for_the_村名(
    tmp_path: Path,
) -> None:
    # Asked 请统一社区名的写法 of a village's approval (helper-127): its rule set heads the place 村.
    roster = tmp_path / "青山村.csv"
    roster.write_text(
        "姓名,性别,乡镇,村,拟任职务\n甲,女,青山镇,青山村,村党组织书记、村委会主任\n乙,男,青山镇,青山村,村党组织委员\n",
        encoding="utf-8",
    )
    table = tmp_path / "村表.csv"
    table.write_text("乡镇,村,村党组织核定职数,村委会核定职数\n青山镇,青山村,1,5\n", encoding="utf-8")
    approvals = tmp_path / "批复.csv"
    approvals.write_text(
        "乡镇,村,规则,批复文号,批复日期\n青山镇,青山村村委会,seat-quota,组审〔2021〕9号,2021-01-01\n",
        encoding="utf-8",
    )
    report = check([roster], ruleset="village-2021", communities=table, approvals=approvals)
    [finding] = [f for f in report.teams[0].findings if f.rule == "seat-quota"]
    assert finding.approval is not None and not finding.approval.counted
    assert finding.approval.reason == "批复登记在 青山镇 青山村村委会 下，名册写的是 青山村：请统一村名的写法"
