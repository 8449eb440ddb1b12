"""The rule-file language: extending a rule set without code, age readings, and precise rule-file errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eligibility import check, load_ruleset
from eligibility.errors import OptionError, RuleSetError

from conftest import ROOT, only, person, rules_of, team

BUNDLED = (ROOT / "rules" / "community-2006.yaml").read_text(encoding="utf-8")


def variant(tmp_path: Path, *replacements: tuple[str, str], append: str = "") -> Path:
    """A copy of the bundled rule file with text replaced (each replacement must apply) and text appended."""
    text = BUNDLED
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    # Appended rules go at the end of the rules list, before the rule file's own test cases.
    cases = text.index("\n# Cases `eligibility rules test")
    path = tmp_path / "rules.yaml"
    path.write_text(text[:cases] + append + text[cases:], encoding="utf-8")
    return path


NEW_FIELD = (
    "fields:\n",
    "fields:\n  party_years:\n    type: number\n    zh: 党龄\n    en: years in the party\n    aliases: [党龄]\n",
)
NEW_RULE = """
  - id: secretary-party-years
    title: {zh: 书记党龄不足, en: Secretary new to the party}
    severity: review
    scope: candidate
    applies_to: [party_secretary]
    when: {fact: party_years, lt: {param: secretary_min_party_years}}
    message:
      zh: 党龄{party_years}年，不足{secretary_min_party_years}年
      en: "{party_years} years in the party, fewer than {secretary_min_party_years}"
    source: {document: 某区通知, clause: 第三条, quote: 党组织书记应有三年以上党龄}
"""
NEW_PARAM = ("parameters:\n", "parameters:\n  secretary_min_party_years: 3\n")


@pytest.mark.parametrize(("years", "fires"), [("2", "review"), ("3", None), ("", "unknown")])
def test_new_field_and_rule_need_no_code(tmp_path: Path, years: str, fires: str | None) -> None:
    rules = variant(tmp_path, NEW_FIELD, NEW_PARAM, append=NEW_RULE)
    roster = tmp_path / "roster.csv"
    secretary = person(roles="党支部书记")
    roster.write_text(
        "姓名,身份证号,社区,拟任职务,文化程度,党龄\n"
        f"{secretary['name']},{secretary['id_number']},青松社区,党支部书记,高中,{years}\n",
        encoding="utf-8",
    )
    result = only(check([roster], rules))
    assert ("secretary-party-years" in rules_of(result)) is (fires is not None)
    if fires == "review":
        assert result.findings[0].message == "党龄2年，不足3年"
        assert result.status == "review"
    if fires == "unknown":  # blank: the rule cannot decide, so a person must look
        assert result.findings[0].evidence["unknown"] == ["party_years"]
        assert result.findings[0].message == "书记党龄不足：无法检查（党龄不明）"


def test_rules_whose_columns_are_absent_are_listed_not_silently_skipped(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    candidate = person()
    roster.write_text(
        f"姓名,身份证号,社区,拟任职务\n{candidate['name']},{candidate['id_number']},青松社区,居委会委员\n",
        encoding="utf-8",
    )
    report = check([roster])
    missing = {n.rule for n in report.not_checked}
    assert missing == {
        "political-rights",
        "family-planning-5y",
        "two-violations",
        "governance-record",
        "party-full-member",
        "principal-education",
        "seat-quota",
        "team-education-structure",
        "team-relatives",
    }
    assert all(n.path == roster.as_posix() for n in report.not_checked)


def test_day_after_birthday_convention(tmp_path: Path, run: Any) -> None:
    rules = variant(tmp_path, ("age_convention: birthday", "age_convention: day-after-birthday"))
    born_on_the_day = person(roles="党支部书记", birth_date="1948-09-30")
    assert rules_of(only(run([born_on_the_day], ruleset=rules))) == set()
    born_the_day_before = person(roles="党支部书记", birth_date="1948-09-29")
    assert rules_of(only(run([born_the_day_before], ruleset=rules))) == {"principal-age"}


@pytest.mark.parametrize(("birth", "fires"), [("1949-09-29", True), ("1949-09-30", False)])
def test_past_birthday_reading(tmp_path: Path, run: Any, birth: str, fires: bool) -> None:
    # "超过57周岁" read as any day after the 57th birthday.
    rules = variant(
        tmp_path,
        (
            "when: {fact: age, gt: {param: principal_max_age}}",
            "when: {fact: age, gt: {param: principal_max_age}, reading: past-birthday}",
        ),
    )
    result = only(run([person(roles="党支部书记", birth_date=birth)], ruleset=rules))
    assert ("principal-age" in rules_of(result)) is fires
    # The same under age_convention: day-after-birthday: past-birthday goes by the birthday itself, where it
    # held only from the second day after it (helper-95).
    both = tmp_path / "both.yaml"
    both.write_text(
        rules.read_text(encoding="utf-8").replace(
            "age_convention: birthday", "age_convention: day-after-birthday"
        ),
        encoding="utf-8",
    )
    assert "age_convention: day-after-birthday" in both.read_text(encoding="utf-8")
    result = only(run([person(roles="党支部书记", birth_date=birth)], ruleset=both))
    assert ("principal-age" in rules_of(result)) is fires


def test_set_overrides_a_parameter(run: Any) -> None:
    result = only(
        run([person(roles="党支部书记", birth_date="1948-09-30")], overrides={"principal_max_age": "58"})
    )
    assert rules_of(result) == set()


def test_set_unknown_parameter_is_an_error(run: Any) -> None:
    with pytest.raises(OptionError) as caught:
        run([person()], overrides={"principal_max_agee": "58"})
    assert "principal_max_age" in str(caught.value)


def test_election_date_of_the_communities_file_wins_over_the_option(run: Any, tmp_path: Path) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text("社区,选举日期\n青松社区,2006-10-01\n", encoding="utf-8")
    result = only(
        run([person(birth_date="1988-10-01")], communities=communities, election_date=dt.date(2006, 9, 1))
    )
    assert rules_of(result) == set()  # 18 on 2006-10-01


def _streetless(**cells: Any) -> dict[str, Any]:
    record = person(**cells)
    del record["street"]  # one street's roster, with no street column
    return record


def test_a_roster_without_streets_takes_the_day_and_seats_of_the_one_community_of_that_name(
    run: Any, tmp_path: Path
) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "街道,社区,选举日期,居委会核定职数,党组织核定职数\n"
        "东湖街道,青松社区,2006-10-01,1,3\n西山街道,翠竹社区,2006-09-01,5,3\n",
        encoding="utf-8",
    )
    report = run(
        [_streetless(birth_date="1988-10-01"), _streetless(birth_date="1966-05-01")],
        communities=communities,
        election_date=dt.date(2006, 9, 1),
    )
    assert [rules_of(c) for c in report.candidates] == [set(), set()]  # 18 on 2006-10-01, not on 09-01
    assert "seat-quota" in rules_of(team(report))  # two members for one approved seat
    assert not [f for i in report.inputs for f in i.findings if f.rule == "community-settings-elsewhere"]


def test_a_roster_without_streets_is_told_when_two_streets_have_its_community(
    run: Any, tmp_path: Path
) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "街道,社区,选举日期\n东湖街道,青松社区,2006-10-01\n西山街道,青松社区,2006-09-20\n", encoding="utf-8"
    )
    report = run([_streetless(birth_date="1988-10-01")], communities=communities, lang="en")
    notes = [f.message for i in report.inputs for f in i.findings if f.rule == "community-settings-elsewhere"]
    assert notes == [
        "the communities file has no 青松社区, only 东湖街道 青松社区 on line 2: is the street written another way? "
        "Its election day and seats were not used for 青松社区",
        "the communities file has no 青松社区, only 西山街道 青松社区 on line 3: is the street written another way? "
        "Its election day and seats were not used for 青松社区",
    ]
    assert rules_of(only(report)) == {"min-age"}  # neither day was taken: 17 on the rule set's 2006-09-30


def test_a_street_written_another_way_than_in_the_communities_file_takes_its_row_and_is_said(
    run: Any, tmp_path: Path
) -> None:
    # 东湖街道办事处 is 东湖街道 to a person, and now to the look-up (the rule set's places.street_words): the day
    # was dropped, said (helper-65), and then a roster writing the street two ways judged one community's rows
    # on two days and seats (helper-91). The table's row is used, and the roster told the two are one street.
    communities = tmp_path / "communities.csv"
    communities.write_text(
        "街道,社区,选举日期\n东湖街道,青松社区,2006-10-01\n东湖街道,翠竹社区,2006-10-01\n", encoding="utf-8"
    )
    report = run([person(street="东湖街道办事处", birth_date="1988-10-01")], communities=communities)
    notes = [f for i in report.inputs for f in i.findings if f.rule.startswith("community-settings")]
    assert [(f.rule, f.severity, f.message) for f in notes] == [
        (
            "community-settings-street",
            "warning",
            "社区表第 2 行的 东湖街道 青松社区 与名册的 东湖街道办事处 青松社区 看作同一个街道的同一个社区，"
            "用了其选举日和核定职数：请统一街道的写法",
        )
    ]  # and nothing of 翠竹社区, which has no candidates here: a district's file names every community
    assert rules_of(only(report)) == set()  # 18 on the table's 2006-10-01
    assert team(report).election_date == dt.date(2006, 10, 1)


# ---- rule-file errors: each names the file, the line and what was expected ----

ERRORS: list[tuple[str, tuple[str, str], int, str]] = [
    (
        "typo in a key",
        (
            "    severity: review\n    scope: candidate\n    applies_to",
            "    severty: review\n    scope: candidate\n    applies_to",
        ),
        0,
        "did you mean 'severity'",
    ),
    (
        "unknown operator",
        ("when: {fact: age, lt: {param: min_age}}", "when: {fact: age, less: {param: min_age}}"),
        0,
        "unknown key 'less'",
    ),
    (
        "unknown fact",
        ("when: {fact: age, lt: {param: min_age}}", "when: {fact: agee, lt: {param: min_age}}"),
        0,
        "unknown candidate fact 'agee' (did you mean 'age'?)",
    ),
    (
        "unknown parameter",
        ("when: {fact: age, lt: {param: min_age}}", "when: {fact: age, lt: {param: minage}}"),
        0,
        "unknown parameter 'minage' (did you mean 'min_age'?)",
    ),
    (
        "unknown role",
        (
            "applies_to: [party_secretary, committee_director]",
            "applies_to: [party_secretery, committee_director]",
        ),
        0,
        "unknown role 'party_secretery'",
    ),
    (
        "unknown education level",
        (
            "  principal_low_education:\n    value: junior_middle",
            "  principal_low_education:\n    value: junior_midle",
        ),
        0,
        "unknown education level 'junior_midle'",
    ),
    (
        "bad severity",
        (
            "severity: ineligible\n    scope: candidate\n    when: {fact: age",
            "severity: fatal\n    scope: candidate\n    when: {fact: age",
        ),
        0,
        "'ineligible'",
    ),
    (
        "two operators",
        ("when: {fact: age, lt: {param: min_age}}", "when: {fact: age, lt: 18, gt: 1}"),
        0,
        "exactly one operator",
    ),
    (
        "count in a candidate rule",
        ("when: {fact: two_violations, eq: true}", "when: {count: {fact: two_violations, eq: true}, gt: 0}"),
        0,
        "scope: team",
    ),
    (
        "duplicate rule id",
        ("  - id: two-violations", "  - id: min-age"),
        0,
        "rule id 'min-age' is used twice",
    ),
    (
        "duplicate key",
        (
            "    scope: candidate\n    when: {fact: age, lt",
            "    scope: candidate\n    scope: team\n    when: {fact: age, lt",
        ),
        0,
        "appears twice",
    ),
    ("YAML syntax", ("  min_age:\n    value: 18", "  min_age:\n    value: [18"), 0, "YAML"),
    # Closed by the next quote in the file, dozens of lines on, where the parser gives up: named where it opened.
    (
        "a single quote left open",
        ("    zh: 社区主干超过此年龄（周岁）须事先审批", "    zh: '社区主干超过此年龄（周岁）须事先审批"),
        0,
        "is a closing quote missing?",
    ),
    (
        "a double quote left open",
        ("    zh: 社区主干超过此年龄（周岁）须事先审批", '    zh: "社区主干超过此年龄（周岁）须事先审批'),
        0,
        "is a closing quote missing?",
    ),
    ("bad date", ("election_date: 2006-09-30", "election_date: 2006-09-31"), 0, "election_date"),
    (
        "unknown message placeholder",
        ("未满{min_age}周岁，没有", "未满{min_agee}周岁，没有"),
        0,
        "unknown message placeholder 'min_agee'",
    ),
    (
        "ordering a yes/no",
        ("when: {fact: two_violations, eq: true}", "when: {fact: two_violations, gt: true}"),
        0,
        "has no order",
    ),
    ("a format in a message", ("未满{min_age}周岁，没有", "未满{min_age:d}周岁，没有"), 0, "takes no format"),
    (
        "a list where one value is compared",
        ("when: {fact: two_violations, eq: true}", "when: {fact: two_violations, eq: [true]}"),
        0,
        "use in",
    ),
    (
        "a negative window",
        ("    value: 5\n    zh: 计生违法", "    value: -5\n    zh: 计生违法"),
        0,
        "whole number",
    ),
    ("a word that is both yes and no", ("no: [否, 无", "no: [是, 无"), 0, "means both 'yes' and 'no'"),
    (
        "an alias under two levels",
        ("中等师范学校, 电大中专]", "中等师范学校, 电大中专, 高小]"),
        0,
        "'高小' means both 'primary' and 'upper_secondary'",
    ),
    (
        "an alias under two roles",
        ("aliases: [民兵营营长]", "aliases: [民兵营营长, 主任]"),
        0,
        "'主任' means both 'committee_director' and 'militia_commander'",
    ),
    (
        "an operator typo suggests the operator",
        ("when: {fact: age, lt: {param: min_age}}", "when: {fact: age, less: {param: min_age}}"),
        0,
        "did you mean 'le'",
    ),
    (
        "a key valid elsewhere",
        ("when: {fact: two_violations, eq: true}", "when: {fact: two_violations, eq: true, among: members}"),
        0,
        "not allowed here",
    ),
]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("replacement", "message"), [(e[1], e[3]) for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_rule_file_error_names_line_and_expectation(
    tmp_path: Path, replacement: tuple[str, str], message: str
) -> None:
    path = variant(tmp_path, replacement)
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    text = caught.value.message("en")
    problem = next((line for line in text.splitlines() if message in line), None)
    assert problem is not None, text
    # The location is the file and a line within the replaced text (or, for a parameter, its definition).
    file_name, line = problem.split(": ")[0].split(":")[:2]
    assert file_name == path.as_posix()
    # Where the replaced text now stands (its old text's place), not an earlier line that reads the same.
    first_line = _line_of(BUNDLED, replacement[0])
    last_line = first_line + replacement[1].count("\n")
    # A YAML syntax error is noticed where the parser stops, which may be the next line.
    assert first_line <= int(line) <= last_line + (message == "YAML"), text


def test_unknown_bundled_name_suggests(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError) as caught:
        load_ruleset("community-2007")
    assert "community-2006" in caught.value.message("en")


LIST_RULE = """
  - id: related-to-the-secretary
    title: {zh: 与书记有亲属关系, en: Related to the secretary}
    severity: warning
    scope: candidate
    when: {fact: relatives, has_any: [张书记]}
    message: {zh: "申报的亲属：{relatives}", en: "declared relatives: {relatives}"}
    source: {document: 某区通知, clause: 第四条, quote: 防止家族化}
"""


@pytest.mark.parametrize(("relatives", "fires"), [("李四、张书记", True), ("李四", False), ("", False)])
def test_has_any_on_a_list_field(tmp_path: Path, run: Any, relatives: str, fires: bool) -> None:
    rules = variant(tmp_path, append=LIST_RULE)
    result = only(run([person(relatives=relatives)], ruleset=rules))
    assert ("related-to-the-secretary" in rules_of(result)) is fires
    if fires:
        assert result.findings[0].message == "申报的亲属：李四、张书记"


@pytest.mark.parametrize("content", ["", "just a line of text\n", "- a\n- list\n"])
def test_a_file_that_is_not_a_rule_mapping(tmp_path: Path, content: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "a rule file is a YAML mapping with name, title" in caught.value.message("en")
    assert "规则文件应是一个 YAML 映射" in caught.value.message("zh")


def test_a_folder_is_not_a_rule_file(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(tmp_path)
    assert caught.value.message("en").endswith("is a folder, not a rule file")


def test_a_bad_set_value_is_blamed_on_the_command_line() -> None:
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(None, {"principal_low_education": "nosuch"})
    text = caught.value.message("en")
    assert text.startswith("--set [principal_low_education=nosuch]: ")
    assert "unknown education level 'nosuch'" in text


def test_rule_file_errors_in_chinese(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ("when: {fact: age, lt: {param: min_age}}", "when: {fact: agee, lt: {param: min_age}}")
    )
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "未知的候选人事实“agee”（是否为“age”？）" in caught.value.message("zh")


def test_a_key_written_twice_is_named_with_both_lines_in_either_language(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        (
            "    scope: candidate\n    when: {fact: age, lt",
            "    scope: candidate\n    scope: team\n    when: {fact: age, lt",
        ),
    )
    text = path.read_text(encoding="utf-8")
    first = text[: text.index("    scope: team\n")].count("\n")  # the line of the first scope:, 1-based
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert caught.value.location is not None and caught.value.location.line == first + 1
    assert f"键“scope”写了两次（第一次在第 {first} 行）" in caught.value.message("zh")
    assert f"key 'scope' appears twice (first at line {first})" in caught.value.message("en")


def test_a_quoted_value_on_several_lines_is_not_blamed_for_a_mistake_after_it(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        (
            "    en: minimum age to stand (completed years)\n",
            '    en: "minimum age to stand\n      (completed years)"\n  misplaced: [\n',
        ),
    )
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "closing quote" not in caught.value.message("en")


def test_stray_text_after_a_quote_closed_on_its_second_line_is_not_called_an_open_quote(
    tmp_path: Path,
) -> None:
    # "年龄超过\n  70" 岁: closed where meant, then a stray word; the parser's own place is the one to give.
    path = variant(
        tmp_path,
        ("    zh: 被选举权的最低年龄（周岁）\n", '    zh: "被选举权的最低年龄\n      （周岁）" 岁\n'),
    )
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    text = caught.value.message("en")
    assert "closing quote" not in text
    assert f"{path.as_posix()}:{_line_of(BUNDLED, '    zh: 被选举权的最低年龄（周岁）') + 1}:" in text


@pytest.mark.parametrize(("written", "share"), [("60%", 0.6), ("６０％", 0.6), (" 50 % ", 0.5), ("0.6", 0.6)])
def test_a_share_set_as_a_percentage_is_that_share(written: str, share: float) -> None:
    # --set structure_share=60% was refused ("expected a number, such as 0.5"), though 60% is how an officer
    # writes a share (helper-130).
    assert load_ruleset(None, {"structure_share": written}).overrides["structure_share"] == pytest.approx(
        share
    )


@pytest.mark.parametrize(
    ("name", "written"), [("structure_share", "%"), ("structure_share", "60%%"), ("principal_max_age", "57%")]
)
def test_a_percentage_that_is_no_share_is_refused(name: str, written: str) -> None:
    with pytest.raises(OptionError) as caught:
        load_ruleset(None, {name: written})
    assert f"value {written!r}" in str(caught.value)
