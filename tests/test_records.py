"""Broken and contradictory records: each becomes an invalid finding naming column, value and expectation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from eligibility import check
from eligibility.errors import OptionError, RosterError
from eligibility.messages import DATA_CHECKS

from conftest import make_id, only, person, rules_of, run_records

CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    # (case, cells, rule, column, words the English message must hold)
    (
        "wrong check character",
        {"id_number": "110101194909300011"},
        "id-number-checksum",
        "id_number",
        "expected X",
    ),
    (
        "Excel scientific notation",
        {"id_number": "1.10101E+17"},
        "id-number-excel",
        "id_number",
        "scientific notation",
    ),
    (
        "Excel zeroed the last digits",
        {"id_number": "110101194909300000"},
        "id-number-excel",
        "id_number",
        "000",
    ),
    (
        "birth date disagrees with the ID",
        {"birth_date": "1966-05-02", "id_number": make_id("1966-05-03")},
        "birth-date-mismatch",
        "birth_date",
        "the ID number says 1966-**-** (dates show their year only",
    ),
    (
        "sex disagrees with the ID",
        {"gender": "女", "id_number": make_id("1966-05-01", "男")},
        "gender-mismatch",
        "gender",
        "the ID number says male",
    ),
    (
        "impossible birth date",
        {"birth_date": "1966-02-30", "id_number": ""},
        "date-impossible",
        "birth_date",
        "day is out of range",
    ),
    ("not a date", {"birth_date": "五月", "id_number": ""}, "date-invalid", "birth_date", "is not a date"),
    (
        "born after election day",
        {"birth_date": "2007-01-01", "id_number": ""},
        "date-impossible",
        "birth_date",
        "after election day",
    ),
    (
        "unknown education",
        {"education": "高中毕叶"},
        "education-unknown",
        "education",
        "did you mean '高中'",
    ),
    (
        "an election day of a month",
        {"election_date": "2006-09"},
        "date-invalid",
        "election_date",
        "not one day",
    ),
    ("an election day of no day", {"election_date": "九月"}, "date-invalid", "election_date", "2006-09-30"),
    ("a bound of no level", {"education": "中学以下"}, "education-unknown", "education", "'中学以下'"),
    ("unknown role", {"roles": "居委会副主仼"}, "role-unknown", "roles", "did you mean '居委会副主任'"),
    ("unknown sex", {"gender": "未知", "id_number": ""}, "gender-unknown", "gender", "expected"),
    ("blank name", {"name": ""}, "required-missing", "name", "required column name is blank"),
    ("blank roles", {"roles": ""}, "required-missing", "roles", "blank"),
    ("two people in a name", {"name": "张三、李四"}, "name-several", "name", "more than one person"),
    ("two people by a slash", {"name": "张三/李四"}, "name-several", "name", "'张三/李四'"),
    ("two people by a comma", {"name": "张三，李四"}, "name-several", "name", "one row for each"),
    # A number beside the name passed as eligible, the number in every report (helper-78); masked in the finding.
    (
        "an ID number beside the name",
        {"name": "李四、110101197001011238"},
        "name-with-number",
        "name",
        "'李四、110101********1238' holds a run of digits",
    ),
    (
        "a telephone number parted by dashes",
        {"name": "冯二（电话：0571-8888-9999）"},
        "name-with-number",
        "name",
        "holds a run of digits",
    ),
    (
        "a mobile number parted by spaces",
        {"name": "王五 138 0013 8000"},
        "name-with-number",
        "name",
        "digits",
    ),
    ("a number parted twice", {"name": "王五 138 - 0013 - 8000"}, "name-with-number", "name", "digits"),
    ("a number parted by dots", {"name": "王五138.0013.8000"}, "name-with-number", "name", "digits"),
    (
        "a telephone number after the name",
        {"name": "李四13805951234"},
        "name-with-number",
        "name",
        "own column",
    ),
]


@pytest.mark.parametrize(
    "name",
    [
        "王五（2003-2006年任委员）",
        "王五（2021-2026届）",
        "陈二（2006-2009、2009-2012任职）",
        "张三（2026-03-01补选）",
        "赵六（第2组）",
        "吴十（2栋1单元1101室）",
        "王二",
    ],
)
def test_a_year_or_a_small_number_in_a_names_remark_is_no_number_beside_it(run: Any, name: str) -> None:
    # Counted as digits, a term of office (2003-2006) or a by-election's day made the row invalid, said to hold an
    # ID or telephone number (helper-83).
    assert "name-with-number" not in rules_of(only(run([person(name=name)])))


@pytest.mark.parametrize(
    ("cells", "rule", "column", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_record_is_invalid_and_explained(
    run: Any, cells: dict[str, Any], rule: str, column: str, words: str
) -> None:
    good = person()
    report = run([good, person(**cells), person()], lang="en")
    assert [c.status for c in report.candidates][0::2] == ["eligible", "eligible"]
    bad = report.candidates[1]
    assert bad.status == "invalid"
    finding = next(f for f in bad.findings if f.rule == rule)
    assert finding.severity == "invalid"
    assert finding.evidence["column"] == column
    assert words in finding.message, finding.message


@pytest.mark.parametrize(
    ("cell", "zh", "en"),
    [
        ("1.10101E+17", "变成了科学计数法", "scientific notation"),
        ("110101194909300000", "末三位变成了 000", "last three digits became 000"),
    ],
)
def test_what_excel_did_to_an_id_number_is_said_in_the_language_asked(
    run: Any, cell: str, zh: str, en: str
) -> None:
    for lang, words, other in (("zh", zh, en), ("en", en, zh)):
        finding = next(f for f in run([person(id_number=cell)], lang=lang).candidates[0].findings)
        assert finding.rule == "id-number-excel"
        assert words in finding.message and other not in finding.message, finding.message
        assert finding.evidence["damage"] == words


# An 18-digit number typed into a number cell keeps 15 significant digits: saved as CSV, its last three read 000,
# and one in 11 such numbers keeps a check character that fits. 110101197001011000 is one (born 1970-01-01, a
# woman's by its sequence 100); a real number ends so too (sequence x00, check 0: 1 in 1,100).
ZEROS = "110101197001011000"
LEGACY_ZEROS = "110101700107000"  # 15 digits, sequence 000: whole in a number cell; 110101197001070000 as 18
ZEROS_CASES: list[tuple[str, list[tuple[str, str, str]], list[set[str]], set[str], tuple[str, str], str]] = [
    # (case, rows (name, sex, ID number), each row's rules, the file's rules, words the messages hold (zh, en),
    #  words none of them holds)
    (
        "a real number ending in 1000 in a file with no other damage is no one's finding",
        [("王芳", "女", ZEROS), ("李强", "男", "110101194910010036")],
        [set(), set()],
        set(),
        ("", ""),
        "Excel",  # 1 real number in 1,100 ends so: said of each, a province's 900 rows would be noise
    ),
    (
        "the same where another row's number is 1.10101E+17",
        [("王芳", "女", ZEROS), ("李强", "男", "1.10101E+17")],
        [set(), {"id-number-excel"}],
        {"id-number-excel-likely"},
        (
            "身份证号第 2 行的号码末三位是 000，校验位相符；但本列第 3 行已被 Excel 改坏",
            "on line(s) 2 ends in 000",
        ),
        "",
    ),
    (
        "the same where another row's last three became 000 and fail the check",
        [("李强", "男", "110101194909300000"), ("王芳", "女", ZEROS)],
        [{"id-number-excel"}, set()],
        {"id-number-excel-likely"},
        ("照身份证重新录入", "Excel damaged the same column on line(s) 2"),
        "",
    ),
    (
        "a man with it: Excel named as the likely cause, not only the mismatch",
        [("王强", "男", ZEROS)],
        [{"gender-mismatch"}],
        set(),
        ("身份证号末三位是 000，多半是 Excel 改坏的", "the number ends in 000, most likely damaged by Excel"),
        "",
    ),
    (
        "two people on it: Excel named, not one person listed twice",
        [("王芳", "女", ZEROS), ("陈丽", "女", ZEROS)],
        [set(), {"duplicate-person"}],
        set(),
        ("不是同一人列了两次", "most likely two people's numbers damaged by Excel"),
        "one person cannot be two candidates",
    ),
    (
        "one person on it twice, by one name, is listed twice",
        [("王芳", "女", ZEROS), ("王芳", "女", ZEROS)],
        [set(), {"duplicate-person"}],
        set(),
        ("同一人不能作为两名候选人", "one person cannot be two candidates"),
        "Excel",
    ),
    (
        "a legacy 15-digit number ending in 000 is no Excel damage, beside damage or not",
        [("王强", "男", LEGACY_ZEROS), ("李强", "男", "1.10101E+17")],
        [{"gender-mismatch", "id-number-legacy"}, {"id-number-excel"}],
        set(),
        ("与身份证号（女）不一致", "the ID number says female"),
        "most likely",
    ),
]


@pytest.mark.parametrize(
    ("rows", "rules", "file_rules", "words", "unsaid"),
    [c[1:] for c in ZEROS_CASES],
    ids=[c[0] for c in ZEROS_CASES],
)
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_number_ending_in_000_whose_check_fits_is_said_as_excel_may_have_made_it(
    tmp_path: Path,
    rows: list[tuple[str, str, str]],
    rules: list[set[str]],
    file_rules: set[str],
    words: tuple[str, str],
    unsaid: str,
    jobs: int,
) -> None:
    # A woman with 110101197001011000 passed without a word, a man was told his sex was wrong, and two people were
    # one person listed twice: the checksum, fitting by chance, hid what Excel had done.
    lines = "".join(f"{name},{sex},{number},青松社区,居委会委员\n" for name, sex, number in rows)
    path = _csv(tmp_path, "姓名,性别,身份证号,社区,拟任职务\n" + lines)
    for lang, said in zip(("zh", "en"), words, strict=True):
        report = check([path], lang=lang, jobs=jobs)
        # The data's findings: a number Excel damaged leaves min-age undecided besides.
        assert [rules_of(c) & set(DATA_CHECKS) for c in report.candidates] == rules
        notes = [f for i in report.inputs for f in i.findings]
        assert {f.rule for f in notes} == file_rules
        assert all(f.severity == "warning" for f in notes)  # a suspicion: the number may be real
        messages = " ".join(f.message for c in report.candidates for f in c.findings) + " ".join(
            f.message for f in notes
        )
        assert said in messages and (not unsaid or unsaid not in messages), messages
        assert all(c.status != "eligible" or not c.findings for c in report.candidates)


def test_id_number_values_in_findings_are_masked_unless_asked(run: Any) -> None:
    cells = {"id_number": "110101194909300011"}
    masked = only(run([person(**cells)])).findings[0]
    assert masked.evidence["value"] == "110101********0011"
    shown = only(run([person(**cells)], show_pii=True)).findings[0]
    assert shown.evidence["value"] == "110101194909300011"


def test_unknown_area_code_is_only_a_warning(run: Any) -> None:
    from eligibility.roster.normalise import check_character

    body = "99010119660501001"
    result = only(run([person(id_number=body + check_character(body))]))
    assert rules_of(result) == {"id-number-area"}
    assert result.findings[0].severity == "warning"
    assert result.status == "eligible"


def test_without_an_id_the_roster_birth_date_and_sex_are_used(run: Any) -> None:
    result = only(run([person(roles="党支部书记", birth_date="1948-09-30", id_number="")]))
    assert rules_of(result) == {"principal-age", "id-number-blank"}


def _csv(tmp_path: Path, text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_ragged_rows_are_findings_and_nothing_is_dropped(tmp_path: Path) -> None:
    a, b, c, d = (make_id("1966-05-01") for _ in range(4))
    path = _csv(
        tmp_path,
        f"姓名,身份证号,社区,拟任职务\n甲,{a},青松社区,居委会委员\n乙,{b},青松社区\n"
        f"丙,{c},青松社区,居委会委员,多出来的\n丁,{d},青松社区,居委会委员,,\n",
    )
    report = check([path], lang="en")
    assert [c.name for c in report.candidates] == ["甲", "乙", "丙", "丁"]
    assert [c.source.line for c in report.candidates] == [2, 3, 4, 5]
    assert [c.status for c in report.candidates] == ["eligible", "invalid", "invalid", "eligible"]
    assert report.candidates[1].findings[0].rule == "row-too-short"
    assert report.candidates[2].findings[0].rule == "row-too-long"


def test_csv_with_bom_and_canonical_headers(tmp_path: Path) -> None:
    ident = make_id("1948-09-30")
    path = _csv(
        tmp_path, f"name,id_number,community,roles\n张三,{ident},青松社区,党支部书记\n", encoding="utf-8-sig"
    )
    result = only(check([path]))
    assert result.name == "张三"
    assert rules_of(result) == {"principal-age"}


def test_header_variants(tmp_path: Path) -> None:
    ident = make_id("1948-09-30")
    path = _csv(
        tmp_path,
        f" 姓名 ,公民身份号码,出生年月（岁）,所在社区,拟任职务\n张三,{ident},1948.09（58岁）,青松社区,书记\n",
    )
    result = only(check([path]))
    assert rules_of(result) == {"principal-age"}


def test_missing_required_column_names_it_in_both_languages(tmp_path: Path) -> None:
    path = _csv(tmp_path, "姓名,身份证号,社区\n张三,,青松社区\n")
    with pytest.raises(RosterError) as caught:
        check([path])
    assert caught.value.message("zh").endswith(
        "缺少必需的列 拟任职务（roles）；找到的列：姓名、身份证号、社区"
    )
    assert (
        "required column roles (拟任职务) is missing; columns found: 姓名, 身份证号, 社区"
        in caught.value.message("en")
    )
    assert caught.value.message("en").startswith(f"{path.as_posix()}:1:")


def test_yaml_roster_per_community_with_seats(tmp_path: Path) -> None:
    people = [
        person(roles="党支部书记、居委会主任"),
        person(roles="党支部委员", gender="女"),
        person(roles="党支部委员"),
    ]
    lines = [
        "election_date: 2006-09-30",
        "communities:",
        "  - name: 青松社区",
        "    street: 东湖街道",
        "    党组织核定职数: 2",
        "    居委会核定职数: 3",
        "    candidates:",
    ]
    for p in people:
        lines.append(
            f"      - {{姓名: {p['name']}, 身份证号: '{p['id_number']}', 性别: {p['gender']}, "
            f"拟任职务: {p['roles']}, 学历: 高中}}"
        )
    path = tmp_path / "roster.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check([path])
    assert [c.community for c in report.candidates] == ["青松社区"] * 3
    seat = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert seat.evidence["seats_party"] == 3
    assert seat.evidence["quota_party"] == 2


def test_json_records_keep_input_order_and_rows(run: Any) -> None:
    report = run([person(name=f"人{i}") for i in range(5)])
    assert [c.name for c in report.candidates] == [f"人{i}" for i in range(5)]
    assert [c.source.row for c in report.candidates] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "name",
    [
        "阿依古丽·买买提",
        "阿依古丽•买买提",
        "John Smith",
        "欧阳娜娜",
        # A remark's comma, a name written in pinyin beside it: one person (helper-68).
        "李四（女，满族）",
        "王芳（曾用名：王小芳，2001年改名）",
        "张三/Zhang San",
    ],
)
def test_one_persons_name_with_a_dot_or_a_space_is_one_name(run: Any, name: str) -> None:
    from eligibility.roster.normalise import clean

    [candidate] = run([person(name=name)]).candidates
    assert (candidate.status, candidate.name) == ("eligible", clean(name))  # full-width brackets made plain


def test_blank_community_is_invalid_and_forms_no_team(run: Any) -> None:
    report = run([person(community=""), person()])
    assert report.candidates[0].status == "invalid"
    assert [t.community for t in report.teams] == ["青松社区"]


def test_read_roster_gives_normalised_candidates(tmp_path: Path) -> None:
    from eligibility import read_roster

    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,学历\n张三,11010119490930001x,青松社区,书记兼主任,高中（中专）\n",
    )
    (candidate,) = read_roster(path)
    assert candidate.id_number == "11010119490930001X"
    assert candidate.roles == ("party_secretary", "committee_director")
    assert candidate.education == "upper_secondary"
    assert candidate.gender == "male"
    assert candidate.problems == []


def test_records_may_spell_columns_differently(tmp_path: Path) -> None:
    a, b = person(two_violations="否"), person(roles="居委会主任")
    records = [
        {
            "姓名": "甲",
            "身份证号": a["id_number"],
            "社区": "青松社区",
            "拟任职务": "居委会委员",
            "two_violations": "否",
        },
        {
            "name": "乙",
            "id_number": b["id_number"],
            "community": "青松社区",
            "roles": "居委会委员",
            "两违": "是",
        },
    ]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    first, second = check([path]).candidates
    assert (first.name, first.status) == ("甲", "eligible")
    assert (second.name, second.community, second.status) == ("乙", "青松社区", "ineligible")
    assert rules_of(second) == {"two-violations"}


def test_yaml_date_and_time_in_a_dates_field(tmp_path: Path) -> None:
    candidate = person()
    path = tmp_path / "roster.yaml"
    path.write_text(
        f"- {{姓名: 甲, 身份证号: '{candidate['id_number']}', 社区: 青松社区, 拟任职务: 居委会委员, "
        "计生违法日期: 2003-05-01 10:00:00}\n",
        encoding="utf-8",
    )
    assert rules_of(only(check([path]))) == {"family-planning-5y"}


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        ("党支部书记\n居委会主任", ("党组织书记", "居委会主任")),
        ("党支部书记兼任居委会主任", ("党组织书记", "居委会主任")),
        ("党支部书记\u3000居委会主任", ("党组织书记", "居委会主任")),
        ("党支部书记（兼居委会主任）", ("党组织书记", "居委会主任")),
        ("党支部书记【兼任居委会主任】", ("党组织书记", "居委会主任")),
    ],
)
def test_line_breaks_and_ideographic_spaces_separate_roles(
    run: Any, cell: str, roles: tuple[str, ...]
) -> None:
    result = only(run([person(roles=cell, birth_date="1960-01-01")]))
    assert tuple(result.roles) == roles
    assert result.status == "eligible"


def test_line_break_separates_relatives(run: Any) -> None:
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", gender="女", relatives="丙\n甲"),
    ]
    report = run(people)
    pairs = next(f for f in report.teams[0].findings if f.rule == "team-relatives").evidence["pairs"]
    assert pairs == ["乙—甲"]


@pytest.mark.parametrize("cell", ["甲（父子）", "甲(父亲)", "甲【兄弟】"])
def test_a_relation_in_brackets_beside_a_relative_is_not_part_of_the_name(run: Any, cell: str) -> None:
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", relatives=cell),
    ]
    pairs = next(f for f in run(people).teams[0].findings if f.rule == "team-relatives").evidence["pairs"]
    assert pairs == ["乙—甲"]


def test_a_note_in_brackets_in_a_roles_cell_is_quoted_as_written(run: Any) -> None:
    # 居委会委员（妇女） was quoted as "居委会委员(妇女)", and 书记（兼主任） as "党支部书记(" and "居委会主任)".
    result = only(run([person(roles="居委会委员（妇女）")], lang="en"))
    assert [(f.rule, f.evidence["value"]) for f in result.findings] == [("role-unknown", "妇女")]


@pytest.mark.parametrize("cell", ["无", "否", "没有"])
def test_no_word_in_a_dates_field_means_none(run: Any, cell: str) -> None:
    assert only(run([person(family_planning_violation=cell)])).status == "eligible"


def test_spaces_inside_a_chinese_date_in_a_dates_field(run: Any) -> None:
    assert rules_of(only(run([person(family_planning_violation="2003年 5月 1日")]))) == {"family-planning-5y"}


@pytest.mark.parametrize(
    "cell",
    ["初中文化", "在职本科", "技工学校", "职业中专", "中共党校大专", "在职大专", "自考本科", "成人高中"],
)
def test_more_education_spellings(run: Any, cell: str) -> None:
    assert only(run([person(education=cell)])).status == "eligible"


def test_line_separator_inside_a_cell_is_not_a_new_row(tmp_path: Path) -> None:
    ident = make_id("1966-05-01")
    path = _csv(
        tmp_path,
        f"姓名,身份证号,社区,拟任职务,备注\n甲,{ident},青松社区,居委会委员,a\u2028x\n乙,{ident},青松社区,居委会委员,\n",
    )
    report = check([path])
    assert [(c.name, c.source.line) for c in report.candidates] == [("甲", 2), ("乙", 3)]


def test_per_community_yaml_with_chinese_keys(tmp_path: Path) -> None:
    a = person(roles="党支部书记、居委会主任")
    path = tmp_path / "roster.yaml"
    path.write_text(
        "选举日期: 2006-10-01\ncommunities:\n  - 社区: 青松社区\n    街道: 东湖街道\n    党组织核定职数: 0\n"
        "    居委会核定职数: 1\n    candidates:\n"
        f"      - {{姓名: 甲, 身份证号: '{a['id_number']}', 拟任职务: 党支部书记、居委会主任, 学历: 高中}}\n",
        encoding="utf-8",
    )
    report = check([path])
    candidate = only(report)
    assert (candidate.street, candidate.community) == ("东湖街道", "青松社区")
    seat = next(f for f in report.teams[0].findings if f.rule == "seat-quota")
    assert seat.evidence["quota_party"] == 0


def test_a_blank_street_joins_the_community_of_its_street(tmp_path: Path) -> None:
    a, b = person(roles="党支部书记、居委会主任", gender="女"), person(roles="居委会委员", street="")
    report = check([_json(tmp_path, [a, b])])
    assert len(report.teams) == 1
    assert report.teams[0].street == "东湖街道"
    assert "team-woman" not in rules_of(report.teams[0])


@pytest.mark.parametrize(
    ("text", "suffix", "line", "said"),
    [
        ("姓名: 甲\n- 乙\n", ".yaml", 2, ""),
        ('[{"姓名": "甲",}]', ".json", 1, "这里应是用双引号括起的键（是不是多了一个逗号？）"),
        # A brace never closed: said where it opened, not on a line after the file's end (helper-52).
        ("- {姓名: 甲, 社区: 一社区, 拟任职务: 书记\n", ".yaml", 1, "缺少“,”或“}”：是不是花括号没有闭合？"),
        ("- {姓名: 甲, 社区: 一社区\n- {姓名: 乙, 社区: 一社区}\n", ".yaml", 1, "缺少“,”或“}”"),
        ('[{"姓名": "甲"}, ]', ".json", 1, "这里缺少一个值（是不是多了一个逗号？）"),
    ],
)
def test_yaml_and_json_syntax_errors_name_the_line(
    tmp_path: Path, text: str, suffix: str, line: int, said: str
) -> None:
    path = tmp_path / f"roster{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        check([path])
    assert caught.value.location is not None
    assert caught.value.location.line == line
    assert said in caught.value.message("zh")  # in Chinese, not PyYAML's or json's English


def test_library_takes_a_single_path_and_a_date_string() -> None:
    from conftest import EXAMPLES

    report = check(EXAMPLES / "roster.csv", election_date="2006-09-30", lang="en")
    assert report.summary.candidates == 21
    with pytest.raises(OptionError):
        check(EXAMPLES / "roster.csv", election_date="30/9/2006")
    with pytest.raises(OptionError):
        check(EXAMPLES / "roster.csv", lang="fr")  # type: ignore[arg-type]


def _json(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_unclosed_quote_is_reported_with_the_rows_it_swallowed(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        '姓名,身份证号,社区,拟任职务\n甲,,青松社区,居委会委员\n乙,"110101,青松社区,居委会委员\n'
        "丙,,青松社区,居委会委员\n丁,,青松社区,居委会委员\n",
    )
    report = check([path], lang="en")
    assert [c.name for c in report.candidates] == ["甲", "乙"]
    finding = report.candidates[1].findings[0]
    assert finding.rule == "row-unclosed-quote"
    assert "the 2 rows after it were swallowed" in finding.message


def test_an_unclosed_quote_swallowing_rows_cut_short_is_reported(tmp_path: Path) -> None:
    # An export that leaves trailing empty cells off: the swallowed rows had too few commas to be told from a
    # remark spanning lines, and 乙 and 丙 vanished into 甲's 备注 without a word.
    people = [make_id(f"19{60 + i}-01-02") for i in range(3)]
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,两违,综治问题,被剥夺政治权利,备注\n"
        f'甲,{people[0]},青松社区,居委会委员,否,否,否,"调入\n'
        f"乙,{people[1]},青松社区,居委会委员\n丙,{people[2]},青松社区,居委会委员\n",
    )
    [first] = check([path], lang="en").candidates
    assert "row-unclosed-quote" in rules_of(first)
    assert "the 2 rows after it were swallowed" in next(
        f.message for f in first.findings if f.rule == "row-unclosed-quote"
    )


@pytest.mark.parametrize("after", ["", "丙,一社区,居委会委员,1962-01-01\n"])
def test_a_quote_opened_at_the_start_of_a_row_and_never_closed_is_said_of_that_row(
    tmp_path: Path, after: str
) -> None:
    # "甲,一社区,书记,1960-01-01: the row read as one cell was taken for a footer, and the file, its only row
    # gone, for a blank template (file-only-footer) (helper-52).
    path = _csv(tmp_path, f'姓名,社区,拟任职务,出生日期\n"甲,一社区,书记,1960-01-01\n{after}')
    report = check([path], lang="en")
    [first] = report.candidates
    assert first.status == "invalid" and {"row-unclosed-quote-own", "row-unclosed-quote"} & rules_of(first)
    assert not [f for i in report.inputs for f in i.findings if f.rule in ("file-only-footer", "row-footer")]
    if not after:
        said = next(f.message for f in first.findings if f.rule == "row-unclosed-quote-own")
        assert (
            said
            == "a quote on this row is never closed, so the whole row '甲,一社区,书记,1960-**-**' was read as one cell; check the quotes"
        )


def test_a_remark_spanning_lines_is_no_swallowed_row(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        '姓名,社区,拟任职务,备注\n甲,青松社区,居委会委员,"2003年调入,任居委会委员\n2005年起,兼任调解主任"\n',
    )
    [first] = check([path]).candidates
    assert "row-unclosed-quote" not in rules_of(first) and first.status == "eligible"


# ---- birth dates that would give back a masked ID number ----


def test_a_birth_date_from_the_id_number_said_impossible_is_shown_by_its_year(tmp_path: Path) -> None:
    # Born after election day: the date the message names is the ID number's own eight hidden digits.
    number = make_id("2007-01-15")
    path = tmp_path / "r.csv"
    path.write_text(f"姓名,身份证号,社区,拟任职务\n张三,{number},青松社区,居委会委员\n", "utf-8")
    [finding] = [f for f in only(check([path])).findings if f.rule == "date-impossible"]
    assert "2007-**-**" in finding.message and "01-15" not in json.dumps(
        finding.model_dump(), ensure_ascii=False
    )
    # Said as the birth date the number holds: "身份证号“2007-**-**”不可能" called a date the number (helper-59).
    assert finding.message.startswith("身份证号中的出生日期“2007-**-**”不可能：晚于选举日")
    shown = only(check([path], show_pii=True)).findings
    assert any("2007-01-15" in f.message for f in shown)
    [english] = [f for f in only(check([path], lang="en")).findings if f.rule == "date-impossible"]
    assert english.message.startswith(
        "the birth date '2007-**-**' in the 身份证号 is impossible: after election day"
    )


def test_a_roster_without_its_header_row_is_said_so_and_its_birth_date_hidden(tmp_path: Path) -> None:
    number = make_id("1948-09-30")
    path = tmp_path / "r.csv"
    path.write_text(f"陈建国,男,{number},1948-09-30,青松社区,党支部书记\n", "utf-8")
    with pytest.raises(RosterError) as raised:
        check([path])
    said = raised.value.message("en")
    assert "this line looks like a record, not a header: is the header row missing?" in said
    assert "1948-**-**" in said and "09-30" not in said


def test_rows_swallowed_by_an_open_quote_show_no_birth_date_beside_a_masked_number(tmp_path: Path) -> None:
    first, second = make_id("1962-05-12", "女"), make_id("1970-03-08")
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,身份证号,出生日期,社区,拟任职务\n"
        f'"林秀英,{first},1962.05.12,青松社区,居委会委员\n'
        f"黄志明,{second},1970-03-08,青松社区,居委会委员\n",
        "utf-8",
    )
    [swallowed] = check([path]).candidates
    assert "row-unclosed-quote" in rules_of(swallowed)
    assert first[:6] in swallowed.name and "1962.**.**" in swallowed.name and "1970-**-**" in swallowed.name
    assert first not in swallowed.name and "05.12" not in swallowed.name and "03-08" not in swallowed.name


def test_a_blank_id_number_in_a_roster_that_has_the_column_is_a_warning(tmp_path: Path) -> None:
    # Left blank, the ID number checked nothing: a birth date typed younger, a sex typed wrong, one person on two
    # rows all went by without a word, while the same roster's other rows were held to their numbers.
    path = _csv(
        tmp_path,
        "姓名,身份证号,出生日期,社区,拟任职务\n"
        f"甲,{make_id('1970-01-01')},1970-01-01,青松社区,居委会委员\n"
        "乙,,1971-01-01,青松社区,居委会委员\n",
    )
    first, second = check([path], lang="en").candidates
    assert first.findings == []
    [blank] = second.findings
    assert (blank.rule, blank.severity, blank.evidence["cell"]) == ("id-number-blank", "warning", "B3")
    assert "cannot be checked against the ID number" in blank.message
    assert second.status == "eligible"  # a warning: the officer is told, nobody is held up
    # A roster without the column is told once, by the rules that could not be checked, not row by row.
    without = _csv(tmp_path, "姓名,出生日期,社区,拟任职务\n乙,1971-01-01,青松社区,居委会委员\n")
    assert check([without]).candidates[0].findings == []


def test_two_columns_of_one_meaning_are_both_read(tmp_path: Path) -> None:
    # 违反计划生育日期 and 两违问题 beside blank 计生违法日期 and 两违: only the first of each was read, and a
    # barred candidate came out eligible, exit 0, with a file warning CI passes.
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,计生违法日期,违反计划生育日期,两违,两违问题\n"
        f"甲,{make_id('1970-01-01')},青松社区,居委会委员,,2005-01-01,,\n"
        f"乙,{make_id('1971-01-01')},青松社区,居委会委员,,,否,是\n"
        f"丙,{make_id('1972-01-01')},青松社区,居委会委员,2001-09-29,2005-01-01,否,否\n",
    )
    first, second, third = check([path], lang="en").candidates
    assert [(p.status, sorted(rules_of(p))) for p in (first, second)] == [
        ("ineligible", ["family-planning-5y"]),
        ("ineligible", ["two-violations"]),
    ]
    [planning] = third.findings  # both dates are read: the one within five years bars
    assert planning.rule == "family-planning-5y" and "2005-01-01" in planning.message


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        ("无", "否", []),  # joined, "无、否" was no date: the record invalid
        ("2003-05-01", "无", ["family-planning-5y"]),  # joined, no date: the violation lost
        ("2003-05-01", "2003年5月1日", ["family-planning-5y"]),  # one day written two ways: one violation
        ("2003-05-01；1999-01-01", "2003-05-01", ["family-planning-5y"]),  # one of two dates written again
        ("2003-05", "2003-05-01", ["family-planning-5y"]),  # the month and a day of it
    ],
)
def test_a_none_beside_a_date_in_two_columns_of_one_meaning_is_the_date(
    tmp_path: Path, first: str, second: str, found: list[str]
) -> None:
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,计生违法日期,违反计划生育日期\n"
        f"甲,{make_id('1970-01-01')},青松社区,居委会委员,{first},{second}\n",
    )
    [person] = check([path], election_date="2006-09-30", lang="en").candidates
    assert sorted(rules_of(person)) == found, person.findings
    if found:
        assert person.findings[0].message.count("2003-05-01") == 1, person.findings[0].message


def test_a_yes_in_either_of_two_columns_of_one_meaning_is_yes(tmp_path: Path) -> None:
    # village-2021 reads 涉黑涉恶 and 村霸 as one fact: a village bully with 涉黑涉恶 否 is still barred.
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,涉黑涉恶,村霸\n"
        f"甲,{make_id('1970-01-01')},青松村,村委会委员,否,是\n"
        f"乙,{make_id('1971-01-01')},青松村,村委会委员,否,否\n"
        f"丙,{make_id('1972-01-01')},青松村,村委会委员,否,不详\n",
    )
    first, second, third = check([path], "village-2021", lang="en").candidates
    assert "village-tyrant" in rules_of(first) and first.status == "ineligible"
    assert "village-tyrant" not in rules_of(second)
    assert "yes-no-unknown" in rules_of(third)  # a word read as neither is said, not passed over for the 否


@pytest.mark.parametrize("form", ["csv", "json"])
def test_a_name_written_two_ways_in_two_columns_is_a_data_problem(tmp_path: Path, form: str) -> None:
    number = make_id("1970-01-01")
    if form == "csv":
        path = _csv(
            tmp_path, f"姓名,身份证号,社区,所在社区,拟任职务\n甲,{number},青松社区,翠竹社区,居委会委员\n"
        )
    else:
        path = _json(
            tmp_path,
            [
                {
                    "姓名": "甲",
                    "身份证号": number,
                    "社区": "青松社区",
                    "所在社区": "翠竹社区",
                    "拟任职务": "居委会委员",
                }
            ],
        )
    [person] = check([path], lang="en").candidates
    [differs] = [f for f in person.findings if f.rule == "column-values-differ"]
    assert person.status == "invalid"
    assert (
        "社区 and the column(s) 所在社区 of the same meaning hold different values: 青松社区、翠竹社区"
        in (differs.message)
    )


@pytest.mark.parametrize(
    ("header", "first", "second"),
    [
        ("出生日期,出生年月", "1970.01.01", "1970年1月1日"),
        ("出生日期,出生年月", "1970-01", "1970-01-01"),  # the month holds the day
        ("姓名,名字", "李四", "李 四"),
        ("学历,文化程度", "高中", "高中（中专）"),  # one level, written two ways
    ],
)
def test_one_value_written_two_ways_in_two_columns_is_no_difference(
    tmp_path: Path, header: str, first: str, second: str
) -> None:
    number = make_id("1970-01-01")
    other = "姓名," if not header.startswith("姓名") else ""
    name = "甲," if other else ""
    path = _csv(
        tmp_path,
        f"{other}{header},身份证号,社区,拟任职务\n{name}{first},{second},{number},青松社区,居委会委员\n",
    )
    [person] = check([path]).candidates
    assert "column-values-differ" not in rules_of(person) and person.status == "eligible", person.findings


def test_an_id_number_written_twice_with_x_and_X_is_one_number(tmp_path: Path) -> None:
    # Each call takes the next sequence number: one call a day, over a year, so one ends in X whatever ran before.
    days = (dt.date(1970, 1, 1) + dt.timedelta(days=d) for d in range(365))
    number = next(found for day in days if (found := make_id(day)).endswith("X"))
    path = _csv(
        tmp_path,
        f"姓名,身份证号,公民身份号码,社区,拟任职务\n甲,{number},{number.lower()},青松社区,居委会委员\n",
    )
    [person] = check([path]).candidates
    assert person.findings == []


def test_lists_under_two_keys_of_one_meaning_are_both_read(tmp_path: Path) -> None:
    # Each list was read as a list of lists: cell-item-nested, the 2003 date dropped and the posts lost.
    path = _json(
        tmp_path,
        [
            {
                "姓名": "甲",
                "身份证号": make_id("1970-01-01"),
                "社区": "青松社区",
                "拟任职务": ["党组织书记", "居委会主任"],
                "拟任职位": ["民兵营长"],
                "计生违法日期": ["2003-01-01"],
                "违反计划生育日期": ["1990-01-01"],
            }
        ],
    )
    [person] = check([path]).candidates
    assert person.roles == ["党组织书记", "居委会主任", "民兵营长"]
    assert rules_of(person) == {"family-planning-5y"}


@pytest.mark.parametrize("written_name", ["王  五", "王\n五", "王\u3000五"])
def test_a_chinese_name_padded_or_broken_over_two_lines_is_one_name(
    tmp_path: Path, written_name: str
) -> None:
    # Read as "王 五": the report named someone no register holds, and a relatives entry 王五 found nobody.
    path = _json(
        tmp_path,
        [
            {"姓名": written_name, "社区": "青松社区", "拟任职务": "居委会委员"},
            {"姓名": "李秀英", "社区": "青松社区", "拟任职务": "居委会委员", "亲属": "王五"},
        ],
    )
    report = check([path], lang="en")
    assert report.candidates[0].name == "王五"
    [related] = [f for t in report.teams for f in t.findings if f.rule == "team-relatives"]
    assert related.evidence["pairs"] == ["李秀英—王五"]


def test_a_name_in_latin_letters_keeps_its_space(tmp_path: Path) -> None:
    path = _json(tmp_path, [{"姓名": "John  Smith", "社区": "青松社区", "拟任职务": "居委会委员"}])
    assert check([path]).candidates[0].name == "John Smith"


def test_an_id_number_born_before_1900_is_no_candidates_age(tmp_path: Path) -> None:
    # 110101188003010031: 1880 typed for 1980 with a check character that still held. The candidate, 126 on
    # election day, was 符合条件 under every age rule; a birth date cell of 1880 was refused all along.
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务\n"
        "王海,110101188003010031,青松社区,居委会委员\n"
        f"李梅,{make_id('1900-01-01', '女')},青松社区,居委会委员\n",
    )
    old, first_of_1900 = check([path]).candidates
    assert old.status == "invalid" and rules_of(old) >= {"id-number-birth-year"}
    said = next(f.message for f in old.findings if f.rule == "id-number-birth-year")
    assert "出生年份 1880 早于 1900 年" in said and "8003" not in said  # the day stays masked
    assert first_of_1900.status == "eligible"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("1.10101E+17", "id-number-excel"),  # scientific notation: the number is gone
        ("{damaged}", "id-number-excel"),  # the last three digits turned to 000
        ("配偶身份证号{damaged}", "id-number-excel"),  # among words
        ("{mistyped}", "id-number-checksum"),
        ("{short}", "id-number-format"),  # a digit dropped
        ("{long}", "id-number-format"),  # a digit added
        ("11010119610102009X1", "id-number-format"),  # a digit added after the X: read as no number, once
        ("{no_day}", "id-number-birth"),  # 31 February
    ],
)
def test_a_relatives_id_number_that_is_none_is_said(tmp_path: Path, written: str, said: str) -> None:
    # Matched to nobody without a word: a relative on the team went unseen, and the record passed.
    number = make_id("1961-01-02")
    wrong = next(c for c in "0123456789X" if c != number[17])
    # A workbook's number keeps 15 significant digits: the last three are 000.
    cell = written.format(
        damaged=number[:15] + "000",
        mistyped=number[:17] + wrong,
        short=number[:17],
        long=number + "1",
        no_day=number[:10] + "0231" + number[14:],
    )
    path = _csv(
        tmp_path,
        "姓名,身份证号,社区,拟任职务,亲属\n"
        f"王海,{number},青松社区,居委会主任,\n李梅,{make_id('1965-01-01', '女')},青松社区,居委会委员,{cell}\n",
    )
    _, relative = check([path], lang="en").candidates
    assert said in rules_of(relative) and relative.status == "invalid", relative.findings
    assert "亲属 value" in next(f.message for f in relative.findings if f.rule == said)


@pytest.mark.parametrize(
    "cell",
    [
        "李秀英 工资卡6222021234567890123",
        "王海（妻弟） 工资卡6222021001123456",  # 16 digits, its 7th to 12th a day of 1900s
        "13800138000 13900139000",
        "李秀英1961010213800138000",
    ],
)
def test_digits_in_a_relatives_cell_that_are_no_id_number_are_not_said_to_be_one(
    tmp_path: Path, cell: str
) -> None:
    # A bank card, two telephone numbers, a birthday beside a telephone: each was "not an ID number", invalid.
    path = _csv(
        tmp_path,
        f"姓名,身份证号,社区,拟任职务,亲属\n李梅,{make_id('1965-01-01', '女')},青松社区,居委会委员,{cell}\n",
    )
    [person] = check([path], lang="en").candidates
    assert person.status == "eligible", person.findings


@pytest.mark.parametrize("order", ["学历,文化程度", "文化程度,学历"])
def test_education_beside_a_word_that_is_no_level_gives_the_same_findings_in_either_order(
    tmp_path: Path, order: str
) -> None:
    # 高中 first: column-values-differ; 无 first: education-unknown and principal-education unknown as well.
    first, second = ("高中", "无") if order.startswith("学历") else ("无", "高中")
    path = _csv(
        tmp_path,
        f"姓名,身份证号,社区,拟任职务,{order}\n甲,{make_id('1960-01-01')},青松社区,居委会主任,{first},{second}\n",
    )
    [person] = check([path], lang="en").candidates
    assert sorted(rules_of(person)) == ["column-values-differ"], person.findings


@pytest.mark.parametrize("answer", ["经查无", "经核查无", "无此情况", "查无记录", "没有发现", "不存在"])
def test_how_a_department_answers_none_found_is_no(tmp_path: Path, answer: str) -> None:
    # 经查无, 无此情况, 没有发现: each was 数据有误 and its bar undecided (helper-64).
    report = run_records(tmp_path, [person(two_violations=answer)], lang="en")
    assert not [f for f in report.candidates[0].findings if f.rule in ("yes-no-unknown", "two-violations")]


def test_a_yes_no_answer_not_read_lists_the_words_in_chinese_too(tmp_path: Path) -> None:
    # The Chinese said only 应为 是/否, where the English listed the words it reads (helper-64).
    report = run_records(tmp_path, [person(two_violations="待查")])
    [said] = [f for f in report.candidates[0].findings if f.rule == "yes-no-unknown"]
    assert "应为 是/否（可写：是、有、" in said.message and "经查无" in said.message


@pytest.mark.parametrize("second", ["拟兼职务", "兼任职务", "拟任其他职务", "拟任居委会职务", "拟任党内职务"])
def test_a_second_post_column_is_read_with_the_first(tmp_path: Path, second: str) -> None:
    # 居委会主任 under 拟兼职务 was an unknown column passed over: a 党支部委员 to be director, 58 and with 小学,
    # passed as no principal (helper-65).
    roster = tmp_path / "r.csv"
    number = make_id("1948-09-30", "女")
    roster.write_text(
        f"姓名,身份证号,文化程度,社区,拟任职务,{second}\n王秀英,{number},小学,青松社区,党支部委员,居委会主任\n",
        encoding="utf-8",
    )
    report = check([roster], election_date="2006-09-30")
    [person] = report.candidates
    assert person.role_ids == ["party_member", "committee_director"]
    assert {f.rule for f in person.findings} >= {"principal-age", "principal-education"}
    assert not [f for i in report.inputs for f in i.findings if f.rule == "column-unknown"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_two_people_whose_numbers_excel_cut_to_one_are_two_members_of_their_team(
    tmp_path: Path, jobs: int
) -> None:
    # 王芳 and 陈丽 under one number ending in 000, said as Excel's doing, not one person listed twice: the team
    # took them for one member holding both posts, and was judged one short (helper-110).
    people = [("王芳", "女", ZEROS), ("陈丽", "女", ZEROS)]
    people += [
        (name, "男", make_id(f"196{i}-01-0{i + 1}")) for i, name in enumerate(("李强", "赵刚", "孙伟"))
    ]
    lines = "".join(f"{name},{sex},{number},初中,青松社区,居委会委员\n" for name, sex, number in people)
    path = _csv(tmp_path, "姓名,性别,身份证号,文化程度,社区,拟任职务\n" + lines)
    [team] = check([path], jobs=jobs, election_date="2006-09-30").teams
    [said] = [f for f in team.findings if f.rule == "team-education-structure"]
    assert "班子可提名的 5 人中" in said.message, said.message
    # The same person twice (one name) is one member still.
    again = _csv(
        tmp_path, "姓名,性别,身份证号,文化程度,社区,拟任职务\n" + lines.replace("陈丽", "王芳"), "again.csv"
    )
    [team] = check([again], jobs=jobs, election_date="2006-09-30").teams
    assert (
        "班子可提名的 4 人中"
        in next(f for f in team.findings if f.rule == "team-education-structure").message
    )


@pytest.mark.parametrize("show_pii", [False, True])
def test_a_legacy_15_digit_number_is_said_with_the_18_digit_form_the_report_writes(
    tmp_path: Path, show_pii: bool
) -> None:
    # 350502480930011 came out as 350502194809300111 with nothing said: an officer searching the roster for the
    # report's number, or a script joining on it, found nothing (helper-130).
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,身份证号,社区,拟任职务\n丙,350502480930011,青松社区,居委会委员\n"
        f"丁,{make_id('1960-01-01')},青松社区,党支部委员\n",
        encoding="utf-8",
    )
    legacy, modern = check([path], show_pii=show_pii, lang="en").candidates
    [said] = [f for f in legacy.findings if f.rule == "id-number-legacy"]
    assert said.severity == "info" and legacy.status == "eligible" and said.evidence["cell"] == "B2"
    if show_pii:
        assert legacy.id_number == said.evidence["number"] == "350502194809300111"
        assert said.message.startswith(
            "身份证号 value '350502480930011' is a legacy 15-digit number: checked as"
        )
    else:
        assert legacy.id_number == said.evidence["number"] == "350502********0111"
        assert "480930" not in said.message and "19480930" not in said.message
    assert "id-number-legacy" not in rules_of(modern)
