"""Each candidate rule of community-2006 on both sides of its boundary, the dates the domain cares about."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from eligibility import check, load_ruleset

from conftest import make_id, only, person, rules_of, run_records

SECRETARY = "党支部书记"
DIRECTOR = "居委会主任"
MEMBER = "居委会委员"

# (case id, cells, election date or None for the rule set's 2006-09-30, rule expected to fire or None)
CASES: list[tuple[str, dict[str, Any], str | None, str | None]] = [
    # min-age: one turns 18 on the 18th birthday
    ("turns 18 on election day", {"birth_date": "1988-09-30"}, None, None),
    ("17 until tomorrow", {"birth_date": "1988-10-01"}, None, "min-age"),
    (
        "29 Feb birthday, 28 Feb of a common year: still 17",
        {"birth_date": "1988-02-29"},
        "2006-02-28",
        "min-age",
    ),
    ("29 Feb birthday, 1 March of a common year: 18", {"birth_date": "1988-02-29"}, "2006-03-01", None),
    ("29 Feb birthday, leap-year election on 29 Feb: 18", {"birth_date": "1988-02-29"}, "2008-02-29", None),
    # political rights
    ("deprived of political rights", {"political_rights_deprived": "是"}, None, "political-rights"),
    ("not deprived", {"political_rights_deprived": "否"}, None, None),
    ("blank means no", {"political_rights_deprived": ""}, None, None),
    # family planning: the window [election day − 5 years, election day] includes both ends
    (
        "violation exactly 5 years before",
        {"family_planning_violation": "2001-09-30"},
        None,
        "family-planning-5y",
    ),
    ("violation 5 years and a day before", {"family_planning_violation": "2001-09-29"}, None, None),
    ("violation on election day", {"family_planning_violation": "2006-09-30"}, None, "family-planning-5y"),
    # No bar, but invalid: a date after election day is a mistyped year (2050 for 2005 passed as a warning).
    (
        "violation after election day",
        {"family_planning_violation": "2006-10-01"},
        None,
        "date-after-election",
    ),
    (
        "one of several dates inside",
        {"family_planning_violation": "1995-01-01、2003年5月6日"},
        None,
        "family-planning-5y",
    ),
    ("several dates all outside", {"family_planning_violation": "1995-01-01；1999.12.31"}, None, None),
    (
        "leap-day election: window starts 28 Feb",
        {"family_planning_violation": "2003-02-28"},
        "2008-02-29",
        "family-planning-5y",
    ),
    ("leap-day election: 27 Feb is outside", {"family_planning_violation": "2003-02-27"}, "2008-02-29", None),
    # 两违 and 综治
    ("两违 yes", {"two_violations": "是"}, None, "two-violations"),
    ("两违 tick", {"two_violations": "√"}, None, "two-violations"),
    ("两违 no", {"two_violations": "否"}, None, None),
    ("两违 blank", {"two_violations": ""}, None, None),
    ("综治 flagged", {"governance_record": "有"}, None, "governance-record"),
    ("综治 clear", {"governance_record": "无"}, None, None),
    # principal-age: 超过57周岁 is 周岁 >= 58
    (
        "secretary turns 58 on election day",
        {"roles": SECRETARY, "birth_date": "1948-09-30"},
        None,
        "principal-age",
    ),
    ("secretary 57 until tomorrow", {"roles": SECRETARY, "birth_date": "1948-10-01"}, None, None),
    (
        "director turns 58 on election day",
        {"roles": DIRECTOR, "birth_date": "1948-09-30"},
        None,
        "principal-age",
    ),
    (
        "one-shoulder principal over 57",
        {"roles": f"{SECRETARY}、{DIRECTOR}", "birth_date": "1940-01-01"},
        None,
        "principal-age",
    ),
    ("member over 57 is not a principal", {"roles": MEMBER, "birth_date": "1940-01-01"}, None, None),
    (
        "deputy secretary over 57 is not a principal",
        {"roles": "副书记", "birth_date": "1940-01-01"},
        None,
        None,
    ),
    ("29 Feb principal, 28 Feb: 57", {"roles": SECRETARY, "birth_date": "1948-02-29"}, "2006-02-28", None),
    (
        "29 Feb principal, 1 March: 58",
        {"roles": SECRETARY, "birth_date": "1948-02-29"},
        "2006-03-01",
        "principal-age",
    ),
    # principal-education: 初中以下 includes 初中
    ("secretary 初中", {"roles": SECRETARY, "education": "初中"}, None, "principal-education"),
    ("secretary 高中", {"roles": SECRETARY, "education": "高中"}, None, None),
    ("director 小学", {"roles": DIRECTOR, "education": "小学"}, None, "principal-education"),
    ("director 中专 ranks with 高中", {"roles": DIRECTOR, "education": "中专"}, None, None),
    ("director 高中（中专）", {"roles": DIRECTOR, "education": "高中（中专）"}, None, None),
    (
        "secretary 高中肄业 holds 初中",
        {"roles": SECRETARY, "education": "高中肄业"},
        None,
        "principal-education",
    ),
    ("secretary 本科肄业 holds upper secondary", {"roles": SECRETARY, "education": "本科肄业"}, None, None),
    (
        "director 高中（肄业） holds 初中",
        {"roles": DIRECTOR, "education": "高中（肄业）"},
        None,
        "principal-education",
    ),
    (
        "secretary 中专(结业) holds 初中",
        {"roles": SECRETARY, "education": "中专(结业)"},
        None,
        "principal-education",
    ),
    (
        "secretary 高中（大专肄业） completed 高中",
        {"roles": SECRETARY, "education": "高中（大专肄业）"},
        None,
        None,
    ),
    ("director 中专/职高 is upper secondary", {"roles": DIRECTOR, "education": "中专/职高"}, None, None),
    (
        "secretary 大专在读（初中） completed 初中",
        {"roles": SECRETARY, "education": "大专在读（初中）"},
        None,
        "principal-education",
    ),
    ("member 初中 is not a principal", {"roles": MEMBER, "education": "初中"}, None, None),
    # A cell naming a range of levels: 以下 and 以上 include the level named (民法典 §1259)
    ("secretary 初中以下", {"roles": SECRETARY, "education": "初中以下"}, None, "principal-education"),
    ("director 初中及以下", {"roles": DIRECTOR, "education": "初中及以下"}, None, "principal-education"),
    (
        "secretary 小学及以下学历",
        {"roles": SECRETARY, "education": "小学及以下学历"},
        None,
        "principal-education",
    ),
    ("director 高中及以上", {"roles": DIRECTOR, "education": "高中及以上"}, None, None),
    ("secretary 大专以上文化", {"roles": SECRETARY, "education": "大专以上文化"}, None, None),
    ("member 初中以下 is not a principal", {"roles": MEMBER, "education": "初中以下"}, None, None),
    # A bar written only in 备注 (remarks) while its own column says 否 or is blank: a warning to verify the column,
    # a mention negated in its clause none, and a column that already says 是 the bar's own rule alone.
    ("备注 两违户, 两违 否", {"remarks": "两违户，已拆除一处"}, None, "remark-two-violations"),
    (
        "备注 有违建未整改, 两违 blank",
        {"remarks": "有违建未整改", "two_violations": ""},
        None,
        "remark-two-violations",
    ),
    ("备注 无两违", {"remarks": "无两违"}, None, None),
    ("备注 未发现违建", {"remarks": "经查未发现违建"}, None, None),
    ("备注 没有两违问题", {"remarks": "没有两违问题"}, None, None),
    ("备注 不存在违法建设", {"remarks": "不存在违法建设"}, None, None),
    ("备注 非两违户", {"remarks": "非两违户"}, None, None),
    ("备注 两违：无", {"remarks": "两违：无"}, None, None),
    # A negation word within a word that negates nothing (vocabularies.not_negations): 是否 asks, 非法 is a bar's.
    ("备注 是否有违建：是", {"remarks": "是否有违建：是"}, None, "remark-two-violations"),
    ("备注 是否有违建：否", {"remarks": "是否有违建：否"}, None, None),
    ("备注 非法违建", {"remarks": "非法违建两处"}, None, "remark-two-violations"),
    ("备注 非法占地", {"remarks": "非法占地"}, None, "remark-two-violations"),
    ("备注 无证建设的违建", {"remarks": "无证建设的违建一处"}, None, "remark-two-violations"),
    ("备注 非两违户 still", {"remarks": "经查非两违户"}, None, None),
    (
        "备注 两违户, 两违 是: the bar's own rule",
        {"remarks": "两违户", "two_violations": "是"},
        None,
        "two-violations",
    ),
    ("备注 无证建房: its 无 no negation", {"remarks": "无证建房一处"}, None, "remark-two-violations"),
    ("备注 full-width", {"remarks": "　两违户（已拆除）　"}, None, "remark-two-violations"),
    ("备注 full-width comma parts clauses", {"remarks": "无两违问题，有违建"}, None, "remark-two-violations"),
    ("备注 line break parts clauses", {"remarks": "无两违问题\n有违建未整改"}, None, "remark-two-violations"),
    ("备注 negated on both lines", {"remarks": "无两违问题\r\n未发现违建"}, None, None),
    ("备注 刑事处罚", {"remarks": "2003年受过刑事处罚"}, None, "remark-governance-record"),
    (
        "备注 刑事处罚, 综治 有",
        {"remarks": "2003年受过刑事处罚", "governance_record": "有"},
        None,
        "governance-record",
    ),
    ("备注 被剥夺政治权利", {"remarks": "被剥夺政治权利至2007年"}, None, "remark-political-rights"),
    ("备注 超生, no date", {"remarks": "1998年超生二胎"}, None, "remark-family-planning"),
    (
        "备注 超生, date written",
        {"remarks": "超生二胎", "family_planning_violation": "1998-05-01"},
        None,
        None,
    ),
    ("备注 naming no bar", {"remarks": "连任，群众基础好"}, None, None),
    # 有无 asks as 是否 does; 无业 and 非党员 say who the person is: a bar after them is said (helper-114).
    ("备注 有无违建：有", {"remarks": "有无违建：有"}, None, "remark-two-violations"),
    ("备注 有无两违：是", {"remarks": "有无两违：是"}, None, "remark-two-violations"),
    (
        "备注 有无违法用地：有（已整改）",
        {"remarks": "有无违法用地：有（已整改）"},
        None,
        "remark-two-violations",
    ),
    ("备注 有无违建：无", {"remarks": "有无违建：无"}, None, None),
    ("备注 退休无业人员有违建", {"remarks": "退休无业人员有违建"}, None, "remark-two-violations"),
    ("备注 非党员两违户", {"remarks": "非党员两违户"}, None, "remark-two-violations"),
    # An answer after a colon or a question mark, spaced, on the next line or in brackets, is the clause's end.
    ("备注 两违: 无", {"remarks": "两违: 无"}, None, None),
    ("备注 两违：line break 无", {"remarks": "两违：\n无"}, None, None),
    ("备注 两违（无）", {"remarks": "两违（无）"}, None, None),
    ("备注 违建（无）", {"remarks": "违建（无）"}, None, None),
    ("备注 两违？否", {"remarks": "两违？否"}, None, None),
    ("备注 两违？是", {"remarks": "两违？是"}, None, "remark-two-violations"),
    ("备注 两违户（已拆除） not an answer", {"remarks": "两违户（已拆除）"}, None, "remark-two-violations"),
    # Never so: 未受过, 从未, 未曾 (未 alone is no negation: 未整改的违建).
    ("备注 未受过刑事处罚", {"remarks": "未受过刑事处罚"}, None, None),
    ("备注 从未被判刑", {"remarks": "从未被判刑"}, None, None),
    ("备注 未曾受过刑事处罚", {"remarks": "未曾受过刑事处罚"}, None, None),
    ("备注 未整改的违建 still", {"remarks": "未整改的违建一处"}, None, "remark-two-violations"),
    # Not so, as a passive's negation says (未被, 未受), as village-2021 reads it; one after the word, or before 的,
    # negates no 违建.
    ("备注 未被判刑", {"remarks": "2003年被举报，未被判刑"}, None, None),
    ("备注 未受治安处罚", {"remarks": "未受治安处罚"}, None, None),
    ("备注 违建未被拆除", {"remarks": "违建未被拆除"}, None, "remark-two-violations"),
    ("备注 未被拆除的违建", {"remarks": "有未被拆除的违建"}, None, "remark-two-violations"),
    # A post's work is no mention of 两违; the person's own 两违整治 not done is.
    ("备注 负责两违整治工作", {"remarks": "负责两违整治工作"}, None, None),
    ("备注 其两违整治未完成", {"remarks": "其两违整治未完成"}, None, "remark-two-violations"),
    # No punishment given (免予, 不予), as village-2021 reads it; a punishment after a conjunction is one.
    ("备注 免予刑事处罚", {"remarks": "2003年被免予刑事处罚"}, None, None),
    ("备注 不予治安处罚", {"remarks": "经调解不予治安处罚"}, None, None),
    (
        "备注 免予刑事处罚并处行政拘留",
        {"remarks": "免予刑事处罚并被行政拘留十日"},
        None,
        "remark-governance-record",
    ),
    # A relative's bar, an ended term: still a warning, whose message says nothing need change (see below).
    ("备注 其父有两违", {"remarks": "其父有两违"}, None, "remark-two-violations"),
    ("备注 剥夺政治权利期满", {"remarks": "曾被剥夺政治权利，2004年期满"}, None, "remark-political-rights"),
    # A refutation (vocabularies.refutations) undoes what its sentence said before it, never the next sentence's,
    # nor what it says after it; 经查属实 refutes nothing.
    ("备注 群众反映有违建，经查不属实", {"remarks": "群众反映有违建，经查不属实"}, None, None),
    ("备注 违建问题查无实据", {"remarks": "群众反映违建问题查无实据"}, None, None),
    ("备注 曾被举报超生，经调查无此事", {"remarks": "曾被举报超生，经调查无此事"}, None, None),
    (
        "备注 refuted in one sentence, said in the next",
        {"remarks": "群众反映有违建，经查不属实。2003年受过刑事处罚"},
        None,
        "remark-governance-record",
    ),
    (
        "备注 said in the sentence before the refutation's",
        {"remarks": "有违建未整改。曾被举报超生，已澄清"},
        None,
        "remark-two-violations",
    ),
    (
        "备注 said after the refutation",
        {"remarks": "举报超生经查不属实，有违建未整改"},
        None,
        "remark-two-violations",
    ),
    ("备注 经查属实", {"remarks": "群众反映有违建，经查属实"}, None, "remark-two-violations"),
    # The refutation answers its own accusation, not a true statement on the line or in the clause before.
    (
        "备注 违建 line, 超生 refuted",
        {"remarks": "有违建未整改\n曾被举报超生经查不属实"},
        None,
        "remark-two-violations",
    ),
    (
        "备注 刑事处罚, 超生 refuted",
        {"remarks": "2003年受过刑事处罚，群众反映其超生经查不属实"},
        None,
        "remark-governance-record",
    ),
    ("备注 不能排除嫌疑", {"remarks": "群众反映其违建，不能排除嫌疑"}, None, "remark-two-violations"),
    # A post's work names what it fights: no bar of the person's.
    ("备注 吸毒人员帮教", {"remarks": "负责社区吸毒人员帮教工作"}, None, None),
    ("备注 打击赌博", {"remarks": "协助派出所打击赌博违法活动"}, None, None),
    ("备注 制止私搭乱建", {"remarks": "负责巡查制止私搭乱建"}, None, None),
    ("备注 承诺不违建", {"remarks": "已签订承诺书，承诺不违建"}, None, None),
]


@pytest.mark.parametrize(("cells", "election", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_candidate_rule_boundary(
    run: Any, cells: dict[str, Any], election: str | None, expected: str | None
) -> None:
    options = {"election_date": dt.date.fromisoformat(election)} if election else {}
    result = only(run([person(**cells)], **options))
    fired = rules_of(result)
    if expected is None:
        assert fired == set(), [f.message for f in result.findings]
        assert result.status == "eligible"
    else:
        assert fired == {expected}, [f.message for f in result.findings]
        severity = next(f.severity for f in result.findings)
        assert result.status == (severity if severity != "warning" else "eligible")


def test_finding_cites_its_clause_and_evidence(run: Any) -> None:
    finding = only(run([person(roles=SECRETARY, birth_date="1948-09-30")])).findings[0]
    assert finding.source is not None
    assert finding.source.clause == "二、2、二要把好任职条件"
    assert "超过57周岁" in finding.source.quote
    assert finding.evidence["age"] == 58
    assert finding.evidence["election_date"] == "2006-09-30"
    assert finding.evidence["principal_max_age"] == 57
    assert "58周岁" in finding.message


def test_english_messages(run: Any) -> None:
    finding = only(run([person(birth_date="1988-10-01")], lang="en")).findings[0]
    assert finding.message.startswith("aged 17 on election day (2006-09-30), under 18")


def test_unknown_fact_is_a_review_finding_not_a_pass(run: Any) -> None:
    # A principal whose education is blank cannot be cleared: a person must look.
    result = only(run([person(roles=SECRETARY, education="")]))
    assert rules_of(result) == {"principal-education"}
    finding = result.findings[0]
    assert finding.severity == "review"
    assert finding.evidence["unknown"] == ["education"]
    assert result.status == "review"


def test_education_up_to_a_level_above_the_bar_cannot_be_cleared(run: Any) -> None:
    # 高中及以下 may be 初中 (needs approval) or 高中 (does not): a person must look, as for a blank cell.
    result = only(run([person(roles=SECRETARY, education="高中及以下")]))
    assert rules_of(result) == {"principal-education"}
    finding = result.findings[0]
    assert finding.evidence["unknown"] == ["education"]
    assert finding.evidence["education"] == "高中/中专及以下"
    assert result.status == "review"
    assert "invalid" not in {
        f.severity for f in result.findings
    }  # a range is what the cell says, not an error


@pytest.mark.parametrize(("lang", "shown"), [("zh", "初中及以下"), ("en", "junior middle school or below")])
def test_an_education_range_is_named_in_the_finding(run: Any, lang: str, shown: str) -> None:
    finding = only(run([person(roles=SECRETARY, education="初中以下")], lang=lang)).findings[0]
    assert finding.evidence["education"] == shown
    assert shown in finding.message


@pytest.mark.parametrize(
    ("written", "lang", "said"),
    [
        ("高中肄业", "zh", "文化程度为高中肄业（按初中计）（初中以下，含初中）"),
        (
            "高中肄业",
            "en",
            "education 高中肄业 (counted as junior middle school) (junior middle school or lower)",
        ),
        # Not "文化程度为文盲/半文盲", of one who went to primary school.
        ("小学肄业", "zh", "文化程度为小学肄业（按文盲/半文盲计）（初中以下，含初中）"),
        ("初中", "zh", "文化程度为初中（初中以下，含初中）"),  # written as its level: said once
    ],
)
def test_an_education_counted_as_another_level_is_said_as_written_too(
    run: Any, written: str, lang: str, said: str
) -> None:
    # 高中肄业 counts as 初中 (no diploma): "文化程度为初中" beside a cell saying 高中 read as the tool's mistake.
    finding = only(run([person(roles=SECRETARY, education=written)], lang=lang)).findings[0]
    assert finding.rule == "principal-education" and said in finding.message
    level = {"小学肄业": ("文盲/半文盲", "illiterate")}.get(written, ("初中", "junior middle school"))
    assert finding.evidence["education"] == level[lang != "zh"]  # the level


def test_month_only_birth_date_without_id_decides_only_when_the_day_cannot_matter(run: Any) -> None:
    # Born 1948-09 with no ID: 58 on 2006-09-30 whatever the day, so principal-age fires.
    sure = only(run([person(roles=SECRETARY, birth_date="1948.09", id_number="")]))
    assert rules_of(sure) == {"principal-age", "id-number-blank"}  # the ID number blank: a warning
    [age] = [f for f in sure.findings if f.rule == "principal-age"]
    assert age.severity == "review"
    assert "unknown" not in age.evidence
    # Born 1948-10 with no ID, election 2006-10-15: 58 or 57 depending on the day -> not a guess.
    unsure = only(
        run(
            [person(roles=SECRETARY, birth_date="1948年10月", id_number="")],
            election_date=dt.date(2006, 10, 15),
        )
    )
    [finding] = [f for f in unsure.findings if f.rule != "id-number-blank"]
    assert finding.rule == "principal-age"
    assert finding.evidence["unknown"] == ["age"]
    assert finding.evidence["age"] is None or "–" in str(finding.evidence["age"])


def test_partial_violation_date_straddling_the_window_is_not_guessed(run: Any) -> None:
    finding = only(run([person(family_planning_violation="2001年9月")])).findings[0]
    assert finding.rule == "family-planning-5y"
    assert finding.severity == "review"


def test_a_violation_finding_names_only_the_dates_inside_the_window(run: Any) -> None:
    # "计生违法日期 2001-09-30、1999-01-01/1999-12-31 在选举日前5年内": 1999 is outside it, and no part of the finding.
    finding = only(run([person(family_planning_violation="1999、2001-09-30")])).findings[0]
    assert finding.evidence["family_planning_violation"] == ["2001-09-30"]
    assert finding.message.startswith("计生违法日期 2001-09-30 在选举日前5年内")
    unsure = only(run([person(family_planning_violation="1999、2001年9月")])).findings[0]
    assert (unsure.severity, unsure.evidence["family_planning_violation"]) == (
        "review",
        ["2001-09-01/2001-09-30"],
    )


def test_unknown_yes_no_word_is_invalid_and_the_rule_not_checked(run: Any) -> None:
    result = only(run([person(two_violations="也许")]))
    assert result.status == "invalid"
    assert {f.rule for f in result.findings} == {"yes-no-unknown", "two-violations"}
    assert next(f for f in result.findings if f.rule == "two-violations").severity == "review"


@pytest.mark.parametrize(
    ("cell", "rules", "status"),
    [
        ("是（已整改）", {"yes-no-unknown", "two-violations"}, "invalid"),
        ("有(已拆除)", {"yes-no-unknown", "two-violations"}, "invalid"),
        ("否（待查）", {"yes-no-unknown", "two-violations"}, "invalid"),
        ("（已整改）", {"yes-no-unknown", "two-violations"}, "invalid"),
    ],
)
def test_a_yes_or_no_with_a_remark_is_not_read(run: Any, cell: str, rules: set[str], status: str) -> None:
    # Read as yes (helper-77), 是（已整改） barred a village candidate under 违法用地建房未整改, a column the same
    # remark answers no (helper-82): a person reads it, as before; a no with a remark (待查) may be no no at all.
    result = only(run([person(two_violations=cell)]))
    assert (rules_of(result), result.status) == (rules, status)


@pytest.mark.parametrize("cell", ["是/否", "是／否", "是 或 否", "是□否□", "是（ ）否（ ）", "有/无"])
def test_a_forms_prompt_left_in_a_yes_no_cell_is_said_unanswered(run: Any, cell: str) -> None:
    # 被剥夺政治权利“是/否”应为 是/否 read as a stutter: the template's prompt, never answered (helper-108).
    result = only(run([person(two_violations=cell)]))
    assert (rules_of(result), result.status) == ({"yes-no-unanswered", "two-violations"}, "invalid")
    [said] = [f for f in result.findings if f.rule == "yes-no-unanswered"]
    shown = unicodedata.normalize("NFKC", cell)  # as every cell is shown: 是／否 as 是/否
    assert said.message.endswith(f"仍是表格的填写提示“{shown}”，没有作答：请填写 是 或 否")


@pytest.mark.parametrize("cell", ["是/否/待查", "是（已整改）否"])
def test_a_yes_no_cell_with_more_than_the_prompt_is_not_said_unanswered(run: Any, cell: str) -> None:
    assert rules_of(only(run([person(two_violations=cell)]))) == {"yes-no-unknown", "two-violations"}


@pytest.mark.parametrize("cell", ["/", "-", "—", "——", "无。", "否.", "未发现"])
def test_a_forms_nothing_to_write_here_is_no(run: Any, cell: str) -> None:
    assert only(run([person(two_violations=cell, governance_record=cell)])).findings == []


@pytest.mark.parametrize("spelling", ["普通高中", "中等专科", "中等职业学校", "技工"])
def test_everyday_spellings_of_upper_secondary_are_read(run: Any, spelling: str) -> None:
    # A principal at upper secondary needs no approval; an unread spelling was invalid and left it undecided.
    assert only(run([person(education=spelling, roles="居委会主任")])).findings == []


def test_rows_with_the_same_field_cells_are_each_read_whole(run: Any) -> None:
    # Field cells are read once per spelling and shared; a problem is never shared, a list cell never kept.
    rows = [
        person(two_violations="也许"),
        person(two_violations="也许"),
        person(two_violations="是", relatives=["王五"]),
        person(two_violations="是", relatives=["王五"]),
        person(two_violations="否"),
        person(two_violations="否"),
    ]
    results = run(rows).candidates
    assert [rules_of(r) for r in results] == [
        {"yes-no-unknown", "two-violations"},
        {"yes-no-unknown", "two-violations"},
        {"two-violations"},
        {"two-violations"},
        set(),
        set(),
    ]
    assert [f.evidence["value"] for r in results[:2] for f in r.findings if f.rule == "yes-no-unknown"] == [
        "也许",
        "也许",
    ]


@pytest.mark.parametrize(
    ("dates", "said"),
    [
        ("2006-09-30", None),  # election day itself: inside the window, a bar, no typo
        ("2006-10-01", "2006-10-01"),  # the day after: inside no window before election day
        ("2011-09-29", "2011-09-29"),  # 2001 mistyped: the candidate had passed without a word
        ("2001-09-29、2016-01-01", "2016-01-01"),  # the late date, not the whole cell
        ("2001-09-29；2016-01-01；2017.3", "2016-01-01、2017.3"),
        ("2006-10", "2006-10"),  # a month wholly after election day
        ("2006-09", None),  # a month holding it
        ("", None),
    ],
)
def test_a_violation_dated_after_election_day_is_said(run: Any, dates: str, said: str | None) -> None:
    result = only(run([person(family_planning_violation=dates)], election_date=dt.date(2006, 9, 30)))
    found = [f for f in result.findings if f.rule == "date-after-election"]
    assert bool(found) is (said is not None), result.findings
    if said:
        assert found[0].severity == "invalid" and "2006-09-30" in found[0].message
        assert result.status == "invalid"
        assert f"“{said}”晚于选举日" in found[0].message


@pytest.mark.parametrize(
    ("written", "severity", "shown"),
    [
        # The cell is invalid data; the bar was said "checked and passed" for it. The date that decides is
        # unknown (None, 不明), not none ([], which the message said as 无).
        ("2003年5月婚外生育", "review", None),
        ("不详", "review", None),
        # One date read and inside the window: barred, whatever the other part says.
        ("2003-05-05、不详", "ineligible", ["2003-05-05"]),
        # One read and outside, the other unread: the unread one may be inside.
        ("1995-01-01、不详", "review", None),
    ],
)
def test_a_violation_date_that_cannot_be_read_is_no_pass(
    run: Any, written: str, severity: str, shown: list[str] | None
) -> None:
    result = only(run([person(family_planning_violation=written)], explain=True))
    assert rules_of(result) == {"date-invalid", "family-planning-5y"}
    bar = next(f for f in result.findings if f.rule == "family-planning-5y")
    assert bar.severity == severity
    assert bar.evidence["family_planning_violation"] == shown
    assert "family-planning-5y" not in (result.passed or [])


@pytest.mark.parametrize(
    ("posts", "contradicts"),
    [
        ("党支部副书记（一肩挑）", True),  # a deputy made secretary and director by the word beside it
        ("居委会委员（一肩挑）", True),
        ("党支部书记（一肩挑）", False),  # the set names the post written: one person, both posts
        ("书记兼主任", False),
        ("妇代会主任（一肩挑）", False),  # a post on no committee the set seats
    ],
)
def test_a_set_of_posts_beside_a_post_it_contradicts_is_said(run: Any, posts: str, contradicts: bool) -> None:
    # 党支部副书记（一肩挑） read as deputy, secretary and director: a principal reviewed for age and a second
    # director counted against the quota, without a word (helper-54).
    result = only(run([person(roles=posts)]))
    assert ("role-set-contradicts" in rules_of(result)) is contradicts
    assert (result.status == "invalid") is contradicts


@pytest.mark.parametrize(
    ("written", "shown"),
    [("2001年9月", "2001-09"), ("2001", "2001"), ("2001年9月、2003-05-05", None)],
)
def test_a_date_written_to_the_month_that_leaves_a_bar_open_is_said_so(
    tmp_path: Path, written: str, shown: str | None
) -> None:
    # 2001年9月, the month the window opens (2001-09-30): "计生违法日期不明", as if nothing were written, and no
    # word of what to write (helper-64). A day that decides it (2003-05-05) decides it.
    report = run_records(tmp_path, [person(family_planning_violation=written)], election_date="2006-09-30")
    [found] = [f for f in report.candidates[0].findings if f.rule == "family-planning-5y"]
    if shown is None:
        assert found.severity == "ineligible"
        return
    assert found.severity == "review"
    assert found.message.endswith(f"无法检查（计生违法日期只写到年月或年：{shown}，不足以判断；请写明到日）")
    # In English with the plural label as it is: "dates is written" was said (helper-69).
    english = run_records(
        tmp_path, [person(family_planning_violation=written)], election_date="2006-09-30", lang="en"
    )
    [said] = [f.message for f in english.candidates[0].findings if f.rule == "family-planning-5y"]
    assert said.endswith(
        f"dates written to the month or year only: {shown}, not enough to decide; write the day)"
    )


@pytest.mark.parametrize(
    "written",
    [
        "高中（没毕业）",
        "中专（未取得毕业证）",
        "高中（辍学）",
        "高中（中途退学）",
        "高中（肄）",
        "高中(?)",
        "高中（待核）",
    ],
)
def test_a_principals_level_with_a_note_that_puts_it_in_doubt_is_not_taken_as_reached(
    run: Any, written: str
) -> None:
    # helper-88: the bracket was dropped and 高中 read whole, so a director who never finished school passed.
    result = only(run([person(roles="居委会主任", education=written)]))
    assert result.status != "eligible" and {f.rule for f in result.findings} & {
        "education-unknown",
        "principal-education",
    }, result.findings


@pytest.mark.parametrize(
    "written", ["高中（中专）", "本科（在职）", "本科（无学位）", "本科（福建师范大学）", "大专（函授）"]
)
def test_a_note_in_brackets_that_does_not_doubt_the_level_keeps_it(run: Any, written: str) -> None:
    result = only(run([person(roles="居委会主任", education=written)]))
    assert result.status == "eligible", result.findings


def test_a_bar_in_the_remarks_says_the_words_and_the_column_to_put_right(tmp_path: Path) -> None:
    # The words found as the cell writes them, the column to check by its cell (两违, not 备注), and the remark as
    # evidence, its ID number masked.
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,性别,身份证号,出生年月,社区,拟任职务,两违,备注\n"
        f"甲,男,{make_id('1966-05-01')},1966-05-01,青松社区,居委会委员,否,"
        '"违建户（身份证 11010519491231002X）\n已拆除"\n',
        encoding="utf-8",
    )
    [zh] = only(check([roster])).findings
    [en] = only(check([roster], lang="en")).findings
    assert (zh.rule, zh.severity) == ("remark-two-violations", "warning")
    # How to clear it either way: the column put right if the bar stands (a corrected 两违 still bars), or nothing to
    # do if the remark is not of this person's bar (其父有两违) or untrue.
    assert zh.message == (
        "备注写有“违建”，两违栏却未填“是”：本人涉及两违的（已整改的也算：通知说绝对不能提名），请在该栏填“是”；"
        "说的是他人或不属实的，该栏不用改，此提醒无需处理"
    )
    assert en.message == (
        'the remarks say "违建" but the 两违 (illegal land use or construction) column does not say yes: if the '
        "person is involved (corrected too: the notice bars anyone involved), put yes in that column; if it is "
        "about someone else or untrue, the column needs no change and the warning no action"
    )
    assert zh.evidence["cell"] == "G2"
    assert zh.evidence["mentioned"] == ["违建"]
    assert zh.evidence["remarks"] == "违建户(身份证 110105********002X) 已拆除"
    assert zh.source is not None and zh.source.quote == "尤其是涉及到“两违”问题的，绝对不能提名为候选人。"


def test_remarks_in_two_columns_are_both_read_and_never_said_to_differ(tmp_path: Path) -> None:
    # 备注 beside 说明 (both remarks' headers): free text, each column read, a bar in either said; never
    # column-values-differ, which made the candidate invalid for writing two different remarks (helper-114).
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,性别,身份证号,出生年月,社区,拟任职务,两违,备注,说明\n"
        f"甲,男,{make_id('1966-05-01')},1966-05-01,青松社区,居委会委员,否,连任,两违户\n"
        f"乙,男,{make_id('1966-05-02')},1966-05-02,青松社区,居委会委员,否,无两违问题,群众基础好\n"
        f"丙,男,{make_id('1966-05-03')},1966-05-03,青松社区,居委会委员,否,两违户,两违户\n",
        encoding="utf-8",
    )
    first, second, third = check([roster]).candidates
    assert [(f.rule, f.severity) for f in first.findings] == [("remark-two-violations", "warning")]
    assert first.status == "eligible"
    assert first.findings[0].evidence["remarks"] == "连任;两违户"  # NFKC, as every cell
    assert second.findings == [] and second.status == "eligible"
    assert [f.rule for f in third.findings] == ["remark-two-violations"]
    assert third.findings[0].evidence["remarks"] == "两违户"


def test_a_roster_without_remarks_has_nothing_to_check_and_says_nothing(run: Any) -> None:
    # 备注 is declared `missing: blank`: a roster without it is one whose remarks are blank, not four rules not
    # checked (each failing --fail-on warning) beside every roster that never had the column.
    report = run([person()])
    assert [n.rule for n in report.not_checked] == ["seat-quota"]  # no communities table: as ever
    assert [f for i in report.inputs for f in i.findings] == []
    assert only(report).findings == []


def test_a_refutation_is_the_rule_files_word_not_the_tools(tmp_path: Path) -> None:
    # vocabularies.refutations drives it: a file that gives none (a parent's replaced whole by []) refutes nothing.
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        'extends: community-2006\nname: no-refutations\ntitle: {zh: 无, en: none}\nversion: "1"\n'
        "vocabularies:\n  refutations: []\n",
        encoding="utf-8",
    )
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([person(remarks="群众反映有违建，经查不属实")], ensure_ascii=False), "utf-8")
    assert rules_of(only(check([roster], rules))) == {"remark-two-violations"}
    assert rules_of(only(check([roster]))) == set()


def villager(**cells: Any) -> dict[str, Any]:
    """An eligible village committee member whose every department has answered no; keyword cells override."""
    record: dict[str, Any] = {
        "name": "甲",
        "gender": "男",
        "birth_date": "1976-05-01",
        "id_number": make_id("1976-05-01"),
        "education": "高中",
        "community": "青山村",
        "roles": "村委会委员",
        "ecological_damage": "",
        "incompetent_or_recalled": "",
        "remarks": "",
    }
    for column in (
        "political_rights_deprived",
        "criminal_record",
        "gang_involvement",
        "sanction_in_effect",
        "under_investigation",
        "cult_clan_vice",
        "election_misconduct",
        "unlawful_petitioning",
        "collective_funds_unrepaid",
        "illegal_land_use",
        "dishonest_debtor",
    ):
        record[column] = "否"
    return record | cells


# (case id, 备注, the village remark rule expected or None): each bar's remark rule on both sides of its words, and
# the ordinary remark beside it that names none.
VILLAGE_REMARKS: list[tuple[str, str, str | set[str] | None]] = [
    ("严重警告处分", "2020年受党内严重警告处分", "remark-sanction-in-effect"),
    ("政务处分影响期", "尚在政务处分影响期内", "remark-sanction-in-effect"),
    ("撤职处分", "2019年受撤职处分", "remark-sanction-in-effect"),
    ("登记过 holds no 记过", "户籍登记过两次", None),
    ("免予党纪处分", "经调查免予党纪处分", None),
    ("未受过处分", "未受过处分", None),
    ("从未受到处分", "从未受到处分", None),
    ("受处分", "2020年受处分，尚在影响期", "remark-sanction-in-effect"),
    ("接受纪律审查", "涉嫌违纪，正在接受纪律审查", "remark-under-investigation"),
    ("被立案调查", "2020年12月被公安机关立案调查", "remark-under-investigation"),
    ("取保候审", "取保候审中", "remark-under-investigation"),
    ("经调查 is no investigation", "经调查情况正常", None),
    ("不予立案审查", "被举报后纪委不予立案审查", None),
    ("聚众赌博", "2019年因聚众赌博被治安处罚", "remark-cult-clan-vice"),
    ("邪教", "曾参加邪教组织活动", "remark-cult-clan-vice"),
    ("宗族势力", "利用宗族势力干预村务", "remark-cult-clan-vice"),
    ("宗族理事会", "宗族理事会会长，热心公益", None),
    ("禁毒宣传员", "禁毒宣传员", None),
    ("拉票贿选", "上届换届时有拉票贿选行为", "remark-election-misconduct"),
    ("破坏选举", "2017年扰乱选举会场秩序，破坏选举", "remark-election-misconduct"),
    ("选举工作", "参加过三届换届选举工作", None),
    ("选举产生", "2018年经选举产生，连任", None),
    ("缠访闹访", "多次缠访闹访", "remark-unlawful-petitioning"),
    ("非法上访", "2019年非法上访被训诫", "remark-unlawful-petitioning"),
    ("聚众闹事", "组织村民聚众闹事", "remark-unlawful-petitioning"),
    ("依法上访", "曾代表村民依法上访反映征地问题", None),
    ("信访联络员", "村信访联络员", None),
    ("挪用集体资金", "挪用集体资金5万元至今未退赔", "remark-collective-funds"),
    ("侵占村集体资产", "侵占村集体资产", "remark-collective-funds"),
    ("截留补助款", "截留低保补助款", "remark-collective-funds"),
    ("曾任村会计", "曾任村会计", None),
    ("管理集体资金", "村报账员，管理集体资金十年", None),
    ("非法采砂", "2018年在河道非法采砂", "remark-ecological-damage"),
    ("毁林", "毁林开荒三亩", "remark-ecological-damage"),
    ("污染环境", "养殖场污染环境被处罚", "remark-ecological-damage"),
    ("生态护林员", "生态护林员", None),
    ("环境整治", "环境整治工作积极", None),
    ("被罢免", "2019年被村民会议罢免", "remark-incompetent-recalled"),
    ("评为不称职", "2019年度考核评为不称职", "remark-incompetent-recalled"),
    ("不合格党员", "2018年被处置为不合格党员", "remark-incompetent-recalled"),
    ("被撤职", "2019年被撤职", "remark-incompetent-recalled"),
    ("评为称职", "年度考核评为称职", None),
    ("基本称职", "2019年度基本称职", None),
    # A refutation later in the sentence undoes it (曾被举报贿选，经调查无此事); the next sentence's is said.
    ("贿选，经调查无此事", "曾被举报贿选，经调查无此事", None),
    ("缠访闹访，查无实据", "群众反映其缠访闹访，查无实据", None),
    (
        "贿选 refuted, 挪用 said after",
        "曾被举报贿选，查无实据，挪用集体资金未退赔",
        "remark-collective-funds",
    ),
    (
        "挪用 said, 贿选 refuted next sentence",
        "挪用集体资金未退赔。曾被举报贿选，已澄清",
        "remark-collective-funds",
    ),
    ("贿选，经查属实", "曾被举报贿选，经查属实", "remark-election-misconduct"),
    # A clause between that accuses nothing (经调查) says how it was found untrue: the refutation answers the
    # nearest clause before that accuses, in its sentence only.
    ("贿选，经调查，无此事", "曾被举报贿选，经调查，无此事", None),
    (
        "处分, 贿选, 经调查, 无此事",
        "2019年受党内警告处分，群众举报其贿选，经调查，无此事",
        "remark-sanction-in-effect",
    ),
    ("违建。经调查，无此事", "有违建未整改。经调查，无此事", "remark-illegal-land-use"),
    # A refutation undoes the accusation it answers: the words before it in its clause, or, none there, the nearest
    # accusing clause before's; never a true statement before that, nor one on another line, after a space or another number.
    ("违建 line, 贿选 refuted", "有违建未整改\n曾被举报贿选，经查不属实", "remark-illegal-land-use"),
    ("违建 item, 贿选 refuted", "1、有违建未整改 2、举报其贿选经查不属实", "remark-illegal-land-use"),
    ("违建, space, 贿选 refuted", "有违建未整改 曾被举报贿选经查不属实", "remark-illegal-land-use"),
    ("处分, 贿选 refuted", "2019年受党内警告处分，群众举报其贿选经查不属实", "remark-sanction-in-effect"),
    (
        "赌博, 违建 refuted",
        "2018年因赌博被行政拘留，另有群众反映其有违建，经查不属实",
        "remark-cult-clan-vice",
    ),
    ("违建, 贿选已澄清", "违建未整改，贿选问题已澄清", "remark-illegal-land-use"),
    ("(1) 违建 (2) 贿选 refuted", "(1)有违建未整改(2)群众反映贿选，经查不属实", "remark-illegal-land-use"),
    # A refutation negated refutes nothing: 尚未排除嫌疑 is a suspicion still standing.
    ("尚未排除嫌疑", "涉嫌违纪，尚未排除嫌疑", "remark-under-investigation"),
    ("尚未予以澄清", "举报其侵占集体资金，尚未予以澄清", "remark-collective-funds"),
    ("不能排除嫌疑", "涉嫌违纪不能排除嫌疑", "remark-under-investigation"),
    # A negation reaches no further than 并, 后, 又, 且 (vocabularies.conjunctions): what follows is said.
    ("不予录用后有违建", "不予录用后有违建未整改", "remark-illegal-land-use"),
    ("免予刑事处罚并开除党籍", "2019年被免予刑事处罚并开除党籍", "remark-sanction-in-effect"),
    (
        "免予起诉后严重警告",
        "2019年因赌博被免予起诉后受党内严重警告处分",
        {"remark-cult-clan-vice", "remark-sanction-in-effect"},
    ),
    ("并非两违户", "并非两违户", None),
    # What a check did not find (vocabularies.findings) is the rest of its clause, 后 and all.
    ("未发现其任职后有违建", "未发现其任职后有违建", None),
    ("经查未发现其离任后受过处分", "经查未发现其离任后受过处分", None),
    # The price, as docs/rules.md says: a fact of its own joined by a conjunction is within what was not found; after
    # a comma it is another clause, which no negation reaches.
    ("未发现违建且受过处分", "未发现违建且受过党内警告处分", None),
    ("未发现违建，后受过处分", "未发现违建，后受过党内警告处分", "remark-sanction-in-effect"),
    # The pledge every candidate signs, and the work of the posts, name the bars they keep others from.
    ("承诺不拉票不贿选", "已签订承诺书，承诺不拉票不贿选", None),
    ("承诺不拉票、不贿选", "承诺不拉票、不贿选", None),
    ("严禁拉票贿选", "严禁拉票贿选，已作承诺", None),
    ("吸毒人员帮教", "负责社区吸毒人员帮教工作", None),
    ("打击赌博", "协助派出所打击赌博违法活动", None),
    ("制止盗伐滥伐", "负责林长制护林巡查，制止盗伐滥伐", None),
    ("非法采砂整治", "参与河道非法采砂整治工作", None),
    ("罢免程序宣传", "负责罢免程序宣传", None),
    ("留置场所建设", "参与留置场所建设", None),
    ("打击报复 is no 打击", "2019年因打击报复举报人受党内警告处分", "remark-sanction-in-effect"),
    ("经制止仍盗伐", "经制止仍继续盗伐林木", "remark-ecological-damage"),
    ("系吸毒人员", "系吸毒人员", "remark-cult-clan-vice"),
    # A passive's negation (未被, 没被, 未受, 不曾) says it did not happen; 未 alone, or one after the word, does not
    # (违建未被拆除, 未整改的违建); one before 的 says what the thing after is (未被拆除的违建 is a 违建).
    ("未被罢免", "未被罢免", None),
    ("曾被罢免", "曾被罢免", "remark-incompetent-recalled"),
    ("未被立案", "2020年被举报，未被立案", None),
    ("未被纪委立案调查", "未被纪委立案调查", None),
    ("被立案", "2020年被立案", "remark-under-investigation"),
    ("没被调查", "没被调查过", None),
    ("未被撤职", "未被撤职", None),
    ("未受处分", "任职期间未受处分", None),
    ("不曾被判刑", "不曾被判刑", None),
    ("违建未被拆除", "违建未被拆除", "remark-illegal-land-use"),
    ("未整改的违建", "有未整改的违建", "remark-illegal-land-use"),
    ("未被拆除的违建", "有未被拆除的违建", "remark-illegal-land-use"),
    ("没有整改的违建", "有一处没有整改的违建", "remark-illegal-land-use"),
    ("从未退赔", "挪用集体资金，从未退赔", "remark-collective-funds"),
    # A post's work (not_mentions: 两违整治) is no mention, but a word of the list that holds it is found whole:
    # the person's own 两违 not yet cleared.
    ("负责两违整治工作", "负责两违整治工作", None),
    ("其两违整治未完成", "其两违整治未完成", "remark-illegal-land-use"),
    ("本人两违整治尚未完成", "本人两违整治尚未完成", "remark-illegal-land-use"),
    ("违建整治未到位", "2020年违建整治未到位", "remark-illegal-land-use"),
]


@pytest.mark.parametrize(
    ("remarks", "expected"), [c[1:] for c in VILLAGE_REMARKS], ids=[c[0] for c in VILLAGE_REMARKS]
)
def test_village_remark_rule_boundary(run: Any, remarks: str, expected: str | set[str] | None) -> None:
    result = only(run([villager(remarks=remarks)], ruleset="village-2021"))
    wanted = {expected} if isinstance(expected, str) else expected or set()
    assert rules_of(result) == wanted, [f.message for f in result.findings]
    assert result.status == "eligible"  # a warning, never a bar: the department's column decides


@pytest.mark.parametrize(
    ("cells", "rules"),
    [
        # The department's column says it already: the bar, and no hint at it.
        ({"collective_funds_unrepaid": "是"}, {"collective-funds"}),
        # Blank is no answer yet: the bar undecided, and the hint beside it.
        ({"collective_funds_unrepaid": ""}, {"collective-funds", "remark-collective-funds"}),
        ({"incompetent_or_recalled": "2019-03-01"}, {"incompetent-recalled-3y"}),
        # A date outside the window is the column's to judge: no hint either.
        ({"incompetent_or_recalled": "2010-03-01"}, set()),
    ],
)
def test_a_village_remark_warns_only_where_its_column_does_not_say_it(
    cells: dict[str, Any], rules: set[str], run: Any
) -> None:
    remarks = "挪用集体资金未退赔" if "collective_funds_unrepaid" in cells else "曾被罢免"
    result = only(run([villager(remarks=remarks, **cells)], ruleset="village-2021"))
    assert rules_of(result) == rules, [f.message for f in result.findings]


def test_a_village_remark_says_the_words_and_the_column_to_put_right_in_both_languages(
    tmp_path: Path,
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,性别,身份证号,出生日期,村,拟任职务,贿选或破坏选举,备注\n"
        f"甲,男,{make_id('1976-05-01')},1976-05-01,青山村,村委会委员,否,上届换届时有拉票贿选行为\n",
        encoding="utf-8",
    )
    [zh] = only(check([roster], "village-2021")).findings
    [en] = only(check([roster], "village-2021", lang="en")).findings
    assert (zh.rule, zh.severity) == ("remark-election-misconduct", "warning")
    assert zh.message == (
        # Each word quoted (GB/T 15834: no 顿号 between quoted terms): “拉票、贿选” read as a quote of the cell.
        "备注写有“拉票”“贿选”，贿选或破坏选举栏却未填“是”：本人有贿选或破坏选举行为的，请在该栏填“是”；"
        "说的是他人或不属实的，该栏不用改，此提醒无需处理"
    )
    assert en.message == (
        'the remarks say "拉票", "贿选" but the 贿选或破坏选举 (bribery or disrupting an election) column does not '
        "say yes: if the person bribed voters or disrupted an election, put yes in that column; if it is about "
        "someone else or untrue, the column needs no change and the warning no action"
    )
    assert zh.evidence["cell"] == "G2"  # the department's column, not 备注
    assert zh.evidence["mentioned"] == ["拉票", "贿选"]
    assert zh.source is not None and zh.source.clause == "“十不选”第（六）项（组织部、民政、公安联审）"


@pytest.mark.parametrize(
    ("ruleset", "place", "remark", "said", "bar", "column"),
    [
        (
            "village-2021",
            "村,青山村,村委会委员",
            "上届换届时有拉票贿选行为",
            ["拉票", "贿选"],
            "election-misconduct",
            "贿选或破坏选举",
        ),
        (
            "village-2021",
            "村,青山村,村委会委员",
            "曾被罢免",
            ["罢免"],
            "incompetent-recalled-3y",
            "不称职或罢免日期",
        ),
        ("community-2006", "社区,青松社区,居委会委员", "两违户", ["两违"], "two-violations", "两违"),
        (
            "community-2006",
            "社区,青松社区,居委会委员",
            "1998年超生二胎",
            ["超生"],
            "family-planning-5y",
            "计生违法日期",
        ),
    ],
)
def test_a_remark_of_a_bar_whose_column_the_roster_lacks_says_the_roster_has_none(
    tmp_path: Path, ruleset: str, place: str, remark: str, said: list[str], bar: str, column: str
) -> None:
    # No 贿选或破坏选举 column beside 备注: the bar is not checked (the footer says so), and the remark, the only word
    # on it, said the column "does not say yes" of a column not there; community-2006's two-violations said nothing.
    header, community, post = place.split(",")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"姓名,性别,身份证号,出生日期,{header},拟任职务,备注\n"
        f"甲,男,{make_id('1966-05-01')},1966-05-01,{community},{post},{remark}\n",
        encoding="utf-8",
    )
    zh_report, en_report = check([roster], ruleset), check([roster], ruleset, lang="en")
    [zh], [en] = only(zh_report).findings, only(en_report).findings
    assert (zh.rule, zh.severity, en.rule) == (
        f"remark-{bar.removesuffix('-5y').removesuffix('-3y')}",
        "warning",
        zh.rule,
    )
    quoted_zh, quoted_en = "".join(f"“{w}”" for w in said), ", ".join(f'"{w}"' for w in said)
    assert zh.message == (
        f"备注写有{quoted_zh}，名册却没有{column}这一列，该项未经检查（见未检查的规则）：备注是名册里唯一说到它的地方；"
        "请核实，并在名册加上该列如实填写"
    )
    assert en.message == (
        f"the remarks say {quoted_en} but the roster has no {column} column, so that bar was not checked (see the "
        "rules not checked): the remark is the only word on it in the roster; check it, and add the column with "
        "its answer"
    )
    assert zh.evidence["cell"] == "G2" and zh.evidence["column"] == "备注"
    assert bar in {n.rule for n in zh_report.not_checked}
    assert only(zh_report).status == "eligible"


def test_every_village_bar_has_its_remark_rule_each_citing_the_bars_clause() -> None:
    # A bar written only in 备注 is hinted at whichever bar it is: remark- and the bar's id without its window.
    rules = {r.id: r.rule for r in load_ruleset("village-2021").rules}
    # Not min-age, supervision-incompatible nor party-full-member: read from the birth date, the posts and the
    # 政治面貌, which no remark holds.
    bars = [
        r
        for r in rules.values()
        if r.severity == "ineligible"
        and r.scope == "candidate"
        and r.id not in ("min-age", "supervision-incompatible", "party-full-member")
    ]
    assert len(bars) == 13
    for bar in bars:
        stem = bar.id.removesuffix("-5y").removesuffix("-3y")
        remark = rules[f"remark-{stem}"]
        assert remark.severity == "warning", remark.id
        assert remark.source.clause == bar.source.clause and remark.source.quote == bar.source.quote, (
            remark.id
        )
        assert all("{mentioned}" in said for said in (remark.message.zh, remark.message.en)), remark.id


REMARK_RULES = """\
extends: community-2006
name: community-2006-remarks
title: {zh: 备注测试, en: Remarks}
version: "1"
rules:
  - id: remark-or-column
    title: {zh: 备注或两违, en: Remarks or the column}
    severity: warning
    scope: candidate
    when:
      any:
        - {fact: remarks, mentions: [两违]}
        - {fact: two_violations, eq: true}
    message: {zh: 两违, en: two violations}
    source: {document: 细则, clause: 一, quote: 两违}
  - id: remark-silent
    title: {zh: 备注未写好评, en: Remarks give no praise}
    severity: warning
    scope: candidate
    when:
      not: {fact: remarks, mentions: [群众基础好]}
    message: {zh: 备注未写群众基础好, en: the remarks give no praise}
    source: {document: 细则, clause: 一, quote: 群众基础好}
"""


def _rules_run_on_its_row(rules: str | Path, roster: Path) -> set[str]:
    """The rules the check runs on the roster's one row, once the rules its columns leave nothing to find are
    dropped before the rows."""
    from eligibility.engine import Options, Review
    from eligibility.roster.readers import open_tables
    from eligibility.roster.sources import expand

    review = Review.start(rules, Options())
    [table] = open_tables(*expand([roster]), review.columns)
    skipped = review._skipped(table)
    [person] = [review.reader.candidate(raw, table) for raw in table.rows]
    return {rule.id for rule in review._rules_for(person.election_date, person.roles, skipped)}


@pytest.mark.parametrize("remarks", [False, True])
def test_a_rule_that_cannot_hold_without_a_column_left_out_is_not_run_on_its_rows(
    tmp_path: Path, remarks: bool
) -> None:
    # 备注 left out is blank on every row: a rule of `all: [备注 mentions …, …]` finds nothing there, and a million
    # rows paid for it row by row. Not a rule that holds on a blank (not: mentions), nor an any one part of which
    # reads another column: they run, and find what they find.
    rules = tmp_path / "rules.yaml"
    rules.write_text(REMARK_RULES, encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,性别,身份证号,出生年月,社区,拟任职务,两违" + (",备注" if remarks else "") + "\n"
        f"甲,男,{make_id('1966-05-01')},1966-05-01,青松社区,{MEMBER},是" + ("," if remarks else "") + "\n",
        encoding="utf-8",
    )
    run = _rules_run_on_its_row(rules, roster)
    assert {"remark-or-column", "remark-silent", "two-violations"} <= run
    assert ("remark-two-violations" in run) is remarks
    assert rules_of(only(check([roster], rules))) == {"two-violations", "remark-or-column", "remark-silent"}


def test_a_village_roster_without_remarks_runs_no_remark_rule(tmp_path: Path) -> None:
    # 备注 left out is blank on every row: none of the remark rules can find anything, and none is run on a row.
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,性别,身份证号,出生日期,村,拟任职务,贿选或破坏选举,违法上访\n"
        f"甲,男,{make_id('1976-05-01')},1976-05-01,青山村,村委会委员,否,否\n",
        encoding="utf-8",
    )
    run = _rules_run_on_its_row("village-2021", roster)
    remark_rules = {rule.id for rule in load_ruleset("village-2021").rules if rule.id.startswith("remark-")}
    assert len(remark_rules) == 13 and run.isdisjoint(remark_rules), run & remark_rules
    assert {"election-misconduct", "unlawful-petitioning"} <= run


@pytest.mark.parametrize("convention", ["birthday", "day-after-birthday"])
@pytest.mark.parametrize(
    ("op", "reading"),
    # past-birthday reads an order (超过, 不满): the rule file refuses eq and ne with it.
    [(op, "completed-years") for op in ("gt", "ge", "lt", "le", "eq", "ne")]
    + [(op, "past-birthday") for op in ("gt", "ge", "lt", "le")],
)
def test_an_age_rule_answers_every_birth_date_as_the_age_itself_does(
    op: str, convention: str, reading: str
) -> None:
    # An age rule answers a birth date by the days, found once an election day, where its answer turns: each day
    # of seven years of births around the 57th birthday, 29 February among them, on election days in leap and
    # common years, against 周岁 (or the birthday) worked out for that birth date alone.
    import operator
    from types import SimpleNamespace

    from eligibility.roster.normalise import anniversary, completed_years
    from eligibility.ruleset.compiler import _age

    compare = getattr(operator, op)
    test = _age(op, 57, reading, convention)
    for on in (dt.date(2006, 9, 30), dt.date(2008, 2, 29), dt.date(2007, 2, 28), dt.date(2007, 3, 1)):
        birth = dt.date(on.year - 61, 1, 1)
        while birth.year < on.year - 53:
            if reading == "completed-years":
                expected = compare(completed_years(birth, on, convention), 57)
            else:
                expected = compare(on, anniversary(birth, 57))
            answer = test(SimpleNamespace(birth=(birth, birth), election_date=on), None)
            assert answer is expected, (birth, on)
            birth += dt.timedelta(days=1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_candidate_names_the_bars_a_missing_column_left_unanswered_for_them(run: Any, jobs: int) -> None:
    # Without its 两违 and 被剥夺政治权利 columns, a roster's candidates were "eligible", as if answered no: a
    # script listing the eligible had to join the file's not_checked by path to know better (helper-130).
    people = [person(name="甲"), person(name="乙", birth_date="2000-01-01")]
    for record in people:
        del record["two_violations"], record["political_rights_deprived"]
    report = run(people, jobs=jobs)
    assert {n.rule for n in report.not_checked} >= {"two-violations", "political-rights"}
    first, minor = report.candidates
    assert first.status == "eligible"
    assert first.not_checked == ["political-rights", "two-violations"]  # in the rule file's order
    # Found ineligible on what the roster gives, the person still names what it does not.
    assert minor.status == "ineligible" and "political-rights" in minor.not_checked
    # A roster that gives every column leaves the field out.
    whole = run([person(name="丙")], jobs=jobs)
    assert whole.candidates[0].not_checked == []
    assert "not_checked" not in whole.candidates[0].model_dump(mode="json", exclude_unset=False)


@pytest.mark.parametrize("ruleset", ["community-2006", "village-2021"])
@pytest.mark.parametrize(
    ("roles", "political", "status"),
    [
        ("党支部书记", "群众", "ineligible"),
        ("党支部委员", "中共预备党员", "ineligible"),  # 党章 第七条: no right to be elected until full
        ("党支部委员", "预备党员", "ineligible"),
        ("党支部副书记", "共青团员", "ineligible"),
        # 一肩挑: the party seat bars; the committee's does not lift it.
        ("党支部书记、主任", "群众", "ineligible"),
        ("党支部书记", "中共党员", "eligible"),
        ("党支部委员", "党员", "eligible"),
        ("主任", "群众", "eligible"),  # the committees are elected by residents and villagers, members or not
        ("党支部委员", "", "review"),  # not known: to verify, neither passed nor barred
        ("党支部委员", "党员（待转正）", "review"),
    ],
)
def test_a_party_committee_seat_is_for_a_full_party_member(
    tmp_path: Path, ruleset: str, roles: str, political: str, status: str
) -> None:
    # A 群众 proposed as 党支部书记 and a 中共预备党员 as 党支部委员 came out eligible, though the roster said so
    # (legal review, helper-132).
    report = run_records(
        tmp_path, [person(roles=roles, political_status=political, education="高中")], ruleset=ruleset
    )
    candidate = only(report)
    assert candidate.status == status, candidate.findings
    said = [f for f in candidate.findings if f.rule == "party-full-member"]
    assert bool(said) is (status != "eligible")
    if status == "ineligible":
        assert said[0].source.clause == "第七条" and "被选举权" in said[0].source.quote
        # As listed: 预备党员 is said as 中共预备党员.
        assert "政治面貌为" in said[0].message and political in said[0].message


@pytest.mark.parametrize("ruleset", ["community-2006", "village-2021"])
def test_a_roster_without_political_status_leaves_the_party_member_rule_not_checked(
    tmp_path: Path, ruleset: str
) -> None:
    # Never silently passed: the run says the rule could not run, at its own severity.
    unsaid = person(roles="党支部书记")
    del unsaid["political_status"]
    report = run_records(tmp_path, [unsaid], ruleset=ruleset)
    [unchecked] = [n for n in report.not_checked if n.rule == "party-full-member"]
    assert unchecked.severity == "ineligible"
    assert "party-full-member" not in rules_of(only(report))


@pytest.mark.parametrize("ruleset", ["community-2006", "village-2021"])
@pytest.mark.parametrize("education", ["电大中专", "党校中专", "电大本科", "网络本科", "自考本科"])
def test_a_principal_with_a_tv_university_or_party_school_diploma_needs_no_approval(
    tmp_path: Path, ruleset: str, education: str
) -> None:
    # 电大中专 and 电大本科 were education-unknown: the principal's row invalid data, and principal-education
    # undecided (legal review, helper-132).
    report = run_records(tmp_path, [person(roles="主任", education=education)], ruleset=ruleset)
    candidate = only(report)
    assert candidate.status == "eligible" and rules_of(candidate) == set(), candidate.findings
