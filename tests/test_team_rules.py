"""Each team rule of community-2006 firing and not firing, with the seat counts and shares at their boundary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eligibility import check, load_ruleset

from conftest import make_id, passed_over, person, rules_of, run_records, team

# A team that breaks no team rule: one-shoulder principal, a woman, the women's chair and the militia
# commander on the committees, everyone educated and young.
BALANCED = [
    dict(roles="党支部书记、居委会主任", birth_date="1960-01-01"),
    dict(roles="党支部副书记、妇代会主任", gender="女", birth_date="1965-03-03"),
    dict(roles="党支部委员、民兵营长", birth_date="1970-01-01"),
    dict(roles="居委会委员", gender="女", birth_date="1975-01-01"),
]


def team_rules(run: Any, people: list[dict[str, Any]], **options: Any) -> set[str]:
    return rules_of(team(run([person(**cells) for cells in people], **options)))


def test_balanced_team_has_no_findings(run: Any) -> None:
    assert team_rules(run, BALANCED) == set()


CASES: list[tuple[str, list[dict[str, Any]], set[str]]] = [
    (
        "no woman on the committees",
        [
            dict(roles="党支部书记、居委会主任"),
            dict(roles="党支部委员、民兵营长"),
            dict(roles="居委会委员"),
        ],
        {"team-woman"},
    ),
    (
        "a woman only as women's chair, outside the committees, is not a member",
        [
            dict(roles="党支部书记、居委会主任"),
            dict(roles="党支部委员、民兵营长"),
            dict(roles="妇代会主任", gender="女"),
        ],
        {"team-woman", "women-chair-seat"},
    ),
    (
        "women's chair without a seat",
        [
            *BALANCED[:1],
            dict(roles="党支部委员、民兵营长"),
            dict(roles="居委会委员", gender="女"),
            dict(roles="妇代会主任", gender="女"),
        ],
        {"women-chair-seat"},
    ),
    (
        "militia commander on the residents' committee only",
        [
            *BALANCED[:2],
            dict(roles="居委会委员、民兵营长"),
            BALANCED[3],
        ],
        {"militia-commander-party"},
    ),
    (
        "secretary and director are two people",
        [
            dict(roles="党支部书记"),
            dict(roles="居委会主任"),
            *BALANCED[1:],
        ],
        {"one-shoulder"},
    ),
    (
        # 一肩挑 in brackets after the secretary is the director too: one person, the two principals.
        "书记（一肩挑） is both principals",
        [dict(roles="书记（一肩挑）", birth_date="1960-01-01"), *BALANCED[1:]],
        set(),
    ),
    (
        # 连任 says the director is re-elected, not another post: still two people for the two principals.
        "书记（连任） and 主任（连任） are two people",
        [dict(roles="书记（连任）"), dict(roles="连任居委会主任"), *BALANCED[1:]],
        {"one-shoulder"},
    ),
    (
        # The party branch's roster sent on its own: no director proposed, so no two people to be one.
        "a secretary and no director",
        [dict(roles="党支部书记", gender="女"), *BALANCED[1:3]],
        set(),
    ),
    (
        "half of the members upper secondary is not a majority",
        [
            {**BALANCED[0], "education": "初中"},
            {**BALANCED[1], "education": "初中"},
            BALANCED[2],
            BALANCED[3],
        ],
        {"team-education-structure"},
    ),
    (
        "初中及以下 is below upper secondary",
        [
            {**BALANCED[0], "education": "初中及以下"},
            {**BALANCED[1], "education": "初中"},
            BALANCED[2],
            BALANCED[3],
        ],
        {"team-education-structure"},
    ),
    (
        "高中及以上 is upper secondary or above",
        [
            {**BALANCED[0], "education": "初中"},
            {**BALANCED[1], "education": "高中及以上"},
            BALANCED[2],
            BALANCED[3],
        ],
        set(),
    ),
    (
        "three of four upper secondary is a majority",
        [
            {**BALANCED[0], "education": "初中"},
            *BALANCED[1:],
        ],
        set(),
    ),
    (
        "half of the members under 60 is not a majority",
        [
            {**BALANCED[0], "birth_date": "1946-09-30"},
            {**BALANCED[1], "birth_date": "1940-01-01"},
            BALANCED[2],
            BALANCED[3],
        ],
        {"team-age-structure"},
    ),
    (
        "60 on election day is not under 60",
        [
            {**BALANCED[0], "birth_date": "1946-09-30"},
            {**BALANCED[1], "birth_date": "1946-09-30"},
            {**BALANCED[2], "birth_date": "1946-09-30"},
            BALANCED[3],
        ],
        {"team-age-structure"},
    ),
    (
        "59 until tomorrow is under 60",
        [
            {**BALANCED[0], "birth_date": "1946-10-01"},
            {**BALANCED[1], "birth_date": "1940-01-01"},
            BALANCED[2],
            BALANCED[3],
        ],
        set(),
    ),
    (
        "relatives declared by name",
        [
            {**BALANCED[0], "name": "甲"},
            {**BALANCED[1], "relatives": "甲"},
            *BALANCED[2:],
        ],
        {"team-relatives"},
    ),
]


@pytest.mark.parametrize(("people", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_team_rule(run: Any, people: list[dict[str, Any]], expected: set[str]) -> None:
    assert team_rules(run, people) == expected


def test_relatives_declared_by_id_number_in_any_spelling(run: Any) -> None:
    people = [person(**cells) for cells in BALANCED]
    lower_x = people[0]["id_number"].lower()
    people[2]["relatives"] = f"某某、{lower_x}"
    report = run(people)
    finding = next(f for f in team(report).findings if f.rule == "team-relatives")
    assert finding.evidence["pairs"] == [f"{people[2]['name']}—{people[0]['name']}"]


def test_a_relative_declared_by_a_number_someone_else_repeats_is_its_first_holder(run: Any) -> None:
    # 李四 holds the number; a later row gives it to 赵六 too (that row is the duplicate); 王五 declares it.
    people = [person(**cells) for cells in BALANCED]
    first = people[0]
    people[2]["relatives"] = first["id_number"]
    repeated = person(name="赵六", id_number=first["id_number"], roles="居委会委员")
    report = run([*people, repeated])
    assert "duplicate-person" in [f.rule for f in report.candidates[-1].findings]
    finding = next(f for f in team(report).findings if f.rule == "team-relatives")
    assert finding.evidence["pairs"] == [f"{people[2]['name']}—{first['name']}"]


def test_relative_in_another_community_is_not_a_pair(run: Any) -> None:
    people = [person(**cells) for cells in BALANCED]
    outsider = person(community="翠竹社区", roles="居委会委员", name="乙")
    people[1]["relatives"] = "乙"
    assert "team-relatives" not in rules_of(team(run([*people, outsider])))


def _communities(tmp_path: Path, party: int, committee: int) -> Path:
    path = tmp_path / "communities.csv"
    path.write_text(
        f"社区,街道,党组织核定职数,居委会核定职数\n青松社区,东湖街道,{party},{committee}\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(("party_quota", "fires"), [(3, False), (2, True)])
def test_seat_quota(run: Any, tmp_path: Path, party_quota: int, fires: bool) -> None:
    # BALANCED fills three party seats and two committee seats.
    report = run([person(**cells) for cells in BALANCED], communities=_communities(tmp_path, party_quota, 2))
    findings = [f for f in team(report).findings if f.rule == "seat-quota"]
    assert bool(findings) is fires
    if fires:
        assert findings[0].evidence == {
            "seats_party": 3,
            "quota_party": 2,
            "seats_committee": 2,
            "quota_committee": 2,
        }
        assert "3/2" in findings[0].message


def test_a_quota_unknown_beside_posts_not_read_names_whose_posts(run: Any, tmp_path: Path) -> None:
    # The communities table without this community, and 黄明's post not read: "拟任职务、社区党组织核定职数、
    # 社区居委会核定职数不明：黄明" read as if the quotas were unknown for want of 黄明 (helper-69).
    table = tmp_path / "communities.csv"
    table.write_text("社区,党组织核定职数,居委会核定职数\n翠竹社区,5,7\n", encoding="utf-8")
    people = [person(**BALANCED[0]), person(name="黄明", roles="居委会主仼", gender="女")]
    [found] = [f for f in team(run(people, communities=table)).findings if f.rule == "seat-quota"]
    assert found.message.endswith("核定职数不明；拟任职务不明：黄明）")
    assert found.message.count("不明") == 2 and found.evidence["unknown"][0] == "roles"
    # The party's quota given, the committee's not: the party's seats filled are open for want of 黄明's post,
    # and are said with it (helper-71).
    table.write_text("社区,党组织核定职数,居委会核定职数\n青松社区,1,\n", encoding="utf-8")
    [found] = [f for f in team(run(people, communities=table)).findings if f.rule == "seat-quota"]
    assert found.message.endswith(
        "无法检查（社区居委会核定职数不明；社区党组织已配职数、拟任职务不明：黄明）"
    )


def test_seat_quota_without_communities_file_is_reported_not_checked(run: Any) -> None:
    report = run([person(**cells) for cells in BALANCED])
    assert [(n.rule, n.missing, n.missing_from) for n in report.not_checked] == [
        ("seat-quota", ["committee_seats", "party_seats"], "communities")
    ]
    assert "seat-quota" not in rules_of(team(report))


@pytest.mark.parametrize(("committee_quota", "fires"), [(1, True), (2, False)])
def test_seat_quota_decided_by_the_one_quota_given_is_said(
    run: Any, tmp_path: Path, committee_quota: int, fires: bool
) -> None:
    # The communities table gives the committee's quota and not the party's: two committee seats over one
    # approved is too many, whatever the party's; two of two leaves the rule not checked, as it was.
    settings = tmp_path / "communities.csv"
    settings.write_text(f"社区,街道,居委会核定职数\n青松社区,东湖街道,{committee_quota}\n", encoding="utf-8")
    report = run([person(**cells) for cells in BALANCED], communities=settings)
    findings = [f for f in team(report).findings if f.rule == "seat-quota"]
    assert bool(findings) is fires
    if fires:
        assert "2/1" in findings[0].message and findings[0].evidence["quota_party"] is None
    assert [(n.rule, n.missing) for n in report.not_checked] == [("seat-quota", ["party_seats"])]


def test_a_candidate_rule_a_missing_column_cannot_change_is_decided(tmp_path: Path) -> None:
    rules = tmp_path / "east.yaml"
    # Barred when either holds: under 18, or (a column this roster lacks) deprived of political rights.
    rules.write_text(
        'extends: community-2006\nname: east\ntitle: {zh: 东区, en: East}\nversion: "1"\n'
        "rules:\n  - id: political-rights\n    title: {zh: 未满18周岁或被剥夺政治权利, en: Under 18 or deprived}\n"
        "    severity: ineligible\n    scope: candidate\n"
        "    when: {any: [{fact: age, lt: 18}, {fact: political_rights_deprived, eq: true}]}\n"
        "    message: {zh: 不能提名, en: not to be nominated}\n"
        "    source: {document: 组织法, clause: 第八条, quote: 年满十八周岁}\n",
        encoding="utf-8",
    )
    people = [person(name="甲", birth_date="1990-01-01"), person(name="乙", birth_date="1960-01-01")]
    for record in people:
        del record["political_rights_deprived"]  # the roster has no such column
    report = run_records(tmp_path, people, ruleset=rules, election_date="2006-09-30")
    assert [rules_of(c) for c in report.candidates] == [{"min-age", "political-rights"}, set()]
    assert "political-rights" in {n.rule for n in report.not_checked}


def test_every_community_gets_a_team_entry(run: Any) -> None:
    people = [person(**cells) for cells in BALANCED] + [person(community="翠竹社区", street="西岭街道")]
    report = run(people)
    assert [(t.street, t.community) for t in report.teams] == [
        ("东湖街道", "青松社区"),
        ("西岭街道", "翠竹社区"),
    ]


def test_a_warning_that_cannot_decide_stays_a_warning_and_names_whom_to_look_at(run: Any) -> None:
    people = [person(**cells) for cells in BALANCED]
    people[0]["education"] = ""  # with it, 2 or 3 of 4 are upper secondary: a majority or not
    people[1]["education"] = "初中"
    finding = next(f for f in team(run(people, lang="en")).findings if f.rule == "team-education-structure")
    assert finding.severity == "warning"
    assert finding.evidence["unknown"] == ["education"]
    assert finding.message == (
        f"Members with upper secondary education or above not the majority: could not be checked "
        f"(education unknown: {people[0]['name']})"
    )


@pytest.mark.parametrize("cell", ["nan", "inf", "-1", "2.5", "三"])
def test_a_seat_count_that_is_not_a_count(run: Any, tmp_path: Path, cell: str) -> None:
    communities = tmp_path / "communities.csv"
    communities.write_text(f"社区,党组织核定职数\n青松社区,{cell}\n", encoding="utf-8")
    report = run([person()], communities=communities, lang="en")
    assert f"'{cell}' is not a seat count" in passed_over(report).message
    assert "seat-quota" in {n.rule for n in report.not_checked}  # no seats read, none compared


def test_a_team_could_not_be_checked_message_masks_an_id_number_in_a_name(run: Any) -> None:
    # His sex and age unknown (no ID number, no sex, no birth date): the team rules name him as they cannot decide.
    number = make_id("1966-05-01")
    report = run(
        [person(name=f"王强{number}", id_number="", gender="", birth_date="", roles="居委会委员")], lang="en"
    )
    text = report.model_dump_json()
    assert number not in text
    assert any("王强110101********" in f.message for f in team(report).findings)


def test_a_member_whose_first_row_has_no_name_takes_the_second_rows(run: Any) -> None:
    people = [person(**cells) for cells in BALANCED]
    nameless = dict(people[0], name="", roles="妇代会主任")
    people[2]["relatives"] = people[0]["id_number"]
    report = run([nameless, *people])
    finding = next(f for f in team(report).findings if f.rule == "team-relatives")
    assert finding.evidence["pairs"] == [f"{people[2]['name']}—{people[0]['name']}"]


@pytest.mark.parametrize(
    ("second_birth", "second_name", "members"),
    [
        ("1970-03-07", "张三", 2),  # the same name born the same day: one person, 书记 and 主任
        ("1971-03-07", "张三", 3),  # a namesake born another day
        ("1970-03-07", "张珊", 3),  # another name born that day
        ("1970-03", "张三", 3),  # a month alone tells no day: not taken for the same person on a guess
    ],
)
def test_a_roster_without_id_numbers_counts_one_person_on_two_rows_once(
    run: Any, second_birth: str, second_name: str, members: int
) -> None:
    # Without an ID column the two rows were two members: 书记 and 主任 "not the same person" (one-shoulder).
    rows = [
        dict(name="张三", birth_date="1970-03-07", roles="党支部书记"),
        dict(name=second_name, birth_date=second_birth, roles="居委会主任"),
        dict(name="李四", gender="女", birth_date="1980-01-01", roles="居委会委员"),
    ]
    records = [{k: v for k, v in person(**row, id_number="").items() if k != "id_number"} for row in rows]
    judged = team(run(records))
    assert judged.profile.members == members
    assert ("one-shoulder" in rules_of(judged)) is (members == 3)


def test_a_team_whose_every_role_is_unreadable_is_not_judged_as_if_empty(run: Any) -> None:
    # "two committees of 0 with 0 women" and "the secretary is not the director" were said of nobody: the
    # rows are there, but who holds which seat is not known.
    report = run([person(roles="书计", name="甲"), person(roles="主忍", gender="女", name="乙")], lang="en")
    findings = team(report).findings
    assert {f.rule for f in findings} >= {"team-woman", "one-shoulder", "team-age-structure"}
    said = {f.rule: f.message for f in findings if f.evidence["unknown"] == ["roles"]}
    assert said.keys() == {f.rule for f in findings}
    # She may hold a seat: the team may have its woman. He is no woman, whatever he holds.
    assert said.pop("team-woman").endswith("could not be checked (roles unknown: 乙)")
    assert all(message.endswith("could not be checked (roles unknown: 甲, 乙)") for message in said.values())
    assert {c.status for c in report.candidates} == {"invalid"}


@pytest.mark.parametrize(("lang", "pairs"), [("zh", "、"), ("en", ", ")])
def test_two_pairs_of_relatives_are_listed_in_the_readers_language(run: Any, lang: str, pairs: str) -> None:
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, "甲乙丙丁", strict=True)]
    people[1]["relatives"], people[3]["relatives"] = "甲", "丙"
    finding = next(f for f in team(run(people, lang=lang)).findings if f.rule == "team-relatives")
    assert f"甲—乙{pairs}丙—丁" in finding.message or f"乙—甲{pairs}丁—丙" in finding.message, finding.message


def test_a_members_age_unknown_is_said_as_the_age_not_as_its_birth_date_and_election_day(run: Any) -> None:
    # Born in September 1946 with no day: 59 or 60 on 2006-09-15, so the age share cannot be decided.
    people = [
        dict(BALANCED[0], name="甲", birth_date="1980-01-01"),
        dict(BALANCED[2], name="乙", birth_date="1980-01-01"),
        dict(BALANCED[1], name="丙", birth_date="1940-01-01"),
        dict(BALANCED[3], name="丁", birth_date="1946.9", id_number=""),
    ]
    found = team(run([person(**cells) for cells in people], election_date="2006-09-15"))
    finding = next(f for f in found.findings if f.rule == "team-age-structure")
    assert finding.evidence["unknown"] == ["age"] and finding.evidence["unknown_members"] == ["丁"]
    assert finding.message.endswith("（周岁不明：丁）"), finding.message


def test_a_members_sex_unknown_is_said_as_the_sex_alone(tmp_path: Path) -> None:
    # committee-woman reads sex and bodies: "性别、所在班子不明：a2" named a body that was known.
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,身份证号,性别,出生日期,社区,拟任职务\n"
        f"a1,{make_id('1970-01-01')},男,1970-01-01,甲村,村党组织书记、村委会主任\n"
        "a2,,,1970-01-01,甲村,村委会委员\n",
        encoding="utf-8",
    )
    from eligibility import check

    [found] = check([path], "village-2021").teams
    finding = next(f for f in found.findings if f.rule == "committee-woman")
    assert finding.evidence["unknown"] == ["gender"] and finding.evidence["unknown_members"] == ["a2"]
    assert finding.message.endswith("（性别不明：a2）"), finding.message


@pytest.mark.parametrize(
    ("declared", "pair"),
    [
        ("与王建国系夫妻", "李秀英—王建国"),  # words about a member: the name in them is the member's
        # Kin past the fifth generation are said to be no relatives the rules mean: no pair, the other still one.
        ("王建国（已出五服）", None),
        ("王建国（五服以外）、张三（表兄）", "李秀英—张三"),
        ("王建国已出五服", None),
        # Not past them: 没出五服, 未出五服 and 五服以内 are kin as near as the rules mean.
        ("王建国（没出五服）", "李秀英—王建国"),
        ("王建国未出五服", "李秀英—王建国"),
        ("王建国（五服以内）", "李秀英—王建国"),
        ("王建国（没有出五服）", "李秀英—王建国"),
        ("王建国 还没有出五服", "李秀英—王建国"),
        ("王建国（未曾出五服）", "李秀英—王建国"),
        ("王建国（是否出五服不清楚）", "李秀英—王建国"),  # doubt is not a word that they are past it
        ("王建国（出了五服）", None),
        ("妻子王建国", "李秀英—王建国"),
        ("王建国（丈夫）", "李秀英—王建国"),
        ("王建", None),  # no one's name: 王建 is not 王建国
        ("张三丰", None),  # a name of its own, a relative who is no candidate: not 张三
        # A name within a longer one is not that person: 张三 is the start of 张三丰, a relative who is no candidate.
        ("妻子张三丰", None),
        ("张三华（丈夫）", None),
        ("张三的妻子", "李秀英—张三"),
        # Short entries: one word of kinship and a name.
        ("夫王建国", "李秀英—王建国"),
        ("王建国之妻", "李秀英—王建国"),
        ("张三妻", "李秀英—张三"),
        ("配偶 王 建国", "李秀英—王建国"),  # spaces padding a name
        ("张三同志", "李秀英—张三"),
        ("老伴张三", "李秀英—张三"),
        ("张三长子", "李秀英—张三"),
        ("张三和（舅舅）", None),  # 张三和, a name: 和 after a name, at its end, is part of it
        ("与张三为夫妻", "李秀英—张三"),  # 为 joining words that follow
        ("张三为其配偶", "李秀英—张三"),
        ("配偶身份证号 {id} ", "李秀英—王建国"),  # an ID number written in parts among words
        ("张三\U00020bb7", None),  # 张三𠮷, a name with a character beyond the first plane
        ("张三13800000000", "李秀英—张三"),  # a telephone number beside the name
        # A post before the name, a kinship word of two characters after 之: each passed the pair (helper-64).
        ("系村党组织书记王建国之妻", "李秀英—王建国"),
        ("系书记王建国之弟", "李秀英—王建国"),
        ("与村主任王建国系父子", "李秀英—王建国"),
        ("系村委会委员张三之妻", "李秀英—张三"),
        ("系王建国之儿媳", "李秀英—王建国"),
        ("系王建国之侄女婿", "李秀英—王建国"),
        # Collateral kin before the name: said to name nobody on the roster, and the pair passed (helper-72).
        ("表叔王建国", "李秀英—王建国"),
        ("堂叔王建国", "李秀英—王建国"),
        ("叔公王建国", "李秀英—王建国"),
        ("干爹王建国", "李秀英—王建国"),
        # After a name too, but where their first character may be the name's own (王建义父亲, helper-74/75).
        ("王建国表叔", "李秀英—王建国"),
        ("张三叔公", "李秀英—张三"),
        ("张三义父亲", None),
        ("王建国堂叔叔", None),
        ("系张三之表弟", "李秀英—张三"),
    ],
)
def test_a_relative_written_in_words_is_found_by_the_name_in_them(
    run: Any, declared: str, pair: str | None
) -> None:
    names = ["王建国", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    number = people[0]["id_number"]
    people[1]["relatives"] = declared.replace("{id}", f"{number[:6]} {number[6:14]} {number[14:]}")
    found = next((f for f in team(run(people)).findings if f.rule == "team-relatives"), None)
    assert (found.evidence["pairs"] if found else None) == ([pair] if pair else None)


@pytest.mark.parametrize("words", ["配偶身份证号{id}", "丈夫（{id}）", "与{id}系夫妻"])
def test_a_relatives_id_number_among_words_names_the_member(run: Any, words: str) -> None:
    # Read only as a whole cell: an ID number among words named nobody, and the couple passed team-relatives.
    names = ["王建国", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = words.format(id=people[0]["id_number"])
    found = next(f for f in team(run(people)).findings if f.rule == "team-relatives")
    assert found.evidence["pairs"] == ["李秀英—王建国"]


@pytest.mark.parametrize(
    "declared",
    ["妻子王建国儿子张三", "王建国 张三", "妻 王建国 子 张三", "王建国与张三", "王建国和儿子张三", "{ids}"],
)
def test_a_relatives_entry_naming_two_members_pairs_both(run: Any, declared: str) -> None:
    # Only the longest name in an entry was taken: 李秀英—张三 was lost.
    names = ["王建国", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    # Two ID numbers parted by a space: read as one number of 36 digits, the record was invalid.
    people[1]["relatives"] = declared.replace("{ids}", f"{people[0]['id_number']} {people[2]['id_number']}")
    report = run(people)
    found = next(f for f in team(report).findings if f.rule == "team-relatives")
    assert sorted(found.evidence["pairs"]) == ["李秀英—张三", "李秀英—王建国"]
    assert report.candidates[1].status != "invalid", report.candidates[1].findings


@pytest.mark.parametrize(
    ("member", "declared", "paired"),
    [
        ("阿依古丽·买买提", "阿依古丽•买买提", True),  # the dot written another way
        ("阿依古丽·买买提", "妻子阿依古丽买买提", True),  # or left out
        ("阿依古丽", "阿依古丽·买买提", False),  # a name within a longer one: not that person
        ("John Smith", "JOHN SMITH", True),
        ("Li Na", "Li Nan", False),
        # A dot parting two members' names is a list (it had paired nobody), but only where each part is one.
        ("王建国", "王建国•李秀英", True),  # the declaring member's own name among them
        ("王建国", "张三·王建国", True),
        ("王建国", "王建国・赵六・张三", True),
        ("阿依古丽", "阿依古丽·买买提·张三", False),  # 买买提 names nobody: the dot may be the name's own
    ],
)
def test_names_with_dots_and_latin_names_in_relatives_entries(
    run: Any, member: str, declared: str, paired: bool
) -> None:
    names = [member, "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = declared
    found = next((f for f in team(run(people)).findings if f.rule == "team-relatives"), None)
    assert (found is not None) is paired, found


@pytest.mark.parametrize("padded", ["张\u3000三", "张 \u3000三"])
def test_a_relatives_name_padded_with_a_full_width_space_is_one_name(run: Any, padded: str) -> None:
    # Split on the full-width space: 张 and 五, two names of nobody.
    names = ["王建国", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = padded
    found = next(f for f in team(run(people)).findings if f.rule == "team-relatives")
    assert found.evidence["pairs"] == ["李秀英—张三"]


@pytest.mark.parametrize("between", ["\u3000", "—", " - "])
def test_a_relatives_id_number_typed_in_parts_is_read(run: Any, between: str) -> None:
    # Split at the full-width space into three items, or its long dashes kept: no pair, no word.
    names = ["王建国", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    number = people[0]["id_number"]
    people[1]["relatives"] = "配偶 " + between.join((number[:6], number[6:14], number[14:]))
    found = next(f for f in team(run(people)).findings if f.rule == "team-relatives")
    assert found.evidence["pairs"] == ["李秀英—王建国"]


def test_a_name_that_begins_a_longer_one_named_is_not_paired(run: Any) -> None:
    # 与王建和为甥舅 paired 王建 too: 和 before 为 was read as joining words.
    names = ["王建", "李秀英", "王建和", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = "与王建和为甥舅"
    found = next(f for f in team(run(people)).findings if f.rule == "team-relatives")
    assert found.evidence["pairs"] == ["李秀英—王建和"]


@pytest.mark.parametrize(
    ("declared", "unsure"),
    [
        ("王建囯", True),  # one character off 王建国: a typo had passed the team as having no relatives on it
        ("张四", True),
        ("王建國、張三", True),
        ("王建国", False),  # the member: a pair, decided
        ("黄志明", False),  # nobody's name nor near one: a relative who stands for no seat
        ("王建", False),  # a character short is another name, not one mistyped
        ("没有", False),  # none, beside a member named 沈有
        ("无", False),
    ],
)
def test_a_relative_named_one_character_off_a_member_leaves_the_rule_undecided(
    run: Any, declared: str, unsure: bool
) -> None:
    names = ["王建国", "李秀英", "张三", "沈有"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = declared
    found = next((f for f in team(run(people)).findings if f.rule == "team-relatives"), None)
    if unsure:
        assert found is not None and found.evidence["unknown_members"] == ["李秀英"], found
        assert found.evidence["unknown"] == ["relatives"]
    else:
        assert found is None or found.evidence.get("pairs") == ["李秀英—王建国"], found


def test_a_birth_date_in_a_members_name_is_shown_by_its_year_in_a_team_finding(run: Any) -> None:
    # 王强 1961.03.02 was 王强 1961.**.** in the candidate's row but whole in team-relatives' pairs.
    names = ["王强 1961.03.02", "李秀英", "张三", "赵六"]
    people = [person(**cells, name=name) for cells, name in zip(BALANCED, names, strict=True)]
    people[1]["relatives"] = people[0]["id_number"]
    found = next(f for f in team(run(people)).findings if f.rule == "team-relatives")
    assert found.evidence["pairs"] == ["李秀英—王强 1961.**.**"] and "03.02" not in found.message
    shown = next(f for f in team(run(people, show_pii=True)).findings if f.rule == "team-relatives")
    assert "1961.03.02" in shown.message


def test_a_teams_message_says_the_level_the_rule_set_was_given(run: Any) -> None:
    # The level is a parameter: a message that wrote "upper secondary" itself said 0% of two 高中 members.
    people = [person(**cells) for cells in BALANCED]
    report = run(people, lang="en", overrides={"structure_education": "junior_college"})
    finding = next(f for f in team(report).findings if f.rule == "team-education-structure")
    assert finding.message.startswith(
        "0% of the 4 members who can be nominated have junior college education or above"
    )
    secretary = next(
        c for c in run(people, overrides={"principal_low_education": "upper_secondary"}).candidates
    )
    assert "（高中/中专以下，含高中/中专）" in secretary.findings[0].message


def test_a_team_with_a_member_whose_posts_cannot_be_read_is_judged_on_none_of_its_counts(run: Any) -> None:
    # 乙 老协会长, a post the rule set does not know: dropped from the team, which was then said to have
    # "1 人中妇女干部 0 名" though 乙 is a woman, and 1 party seat of 1 though she holds the second (helper-54).
    people = [
        person(roles="党支部书记、居委会主任", name="甲"),
        person(roles="老协会长", gender="女", name="乙"),
    ]
    report = run(people)
    assert report.candidates[1].status == "invalid"
    findings = team(report).findings
    assert findings and all("无法检查（拟任职务不明：乙）" in f.message for f in findings)
    woman = next(f for f in findings if f.rule == "team-woman")
    assert woman.severity == "review" and woman.evidence["unknown_members"] == ["乙"]
    # Her post read, the team is judged as ever: a woman on it, nothing to say.
    people[1] = person(roles="党支部委员", gender="女", name="乙")
    assert "team-woman" not in rules_of(team(run(people)))


def test_a_post_not_read_leaves_open_only_the_team_rules_it_could_change(run: Any, tmp_path: Path) -> None:
    # One unknown post (计生主任) made every team rule "could not be checked", the woman already seated among
    # them: an approval asked for that no rule needs (helper-59).
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", roles="居委会委员、妇代会主任", gender="女"),
        person(name="丙", roles="党支部委员、民兵营长"),
        person(name="丁", roles="计生主任"),
    ]
    report = run(people, communities=_communities(tmp_path, 3, 3), lang="en")
    findings = {f.rule: f for f in team(report).findings}
    # A woman seated, the secretary the director, nobody's relative, the young and the educated the majority:
    # so whatever 丁 holds. But 丁 may be a second militia commander, women's chair or mass organisation's head
    # without the seat, or hold a party seat over the quota of 3 or not.
    assert findings.keys() == {"women-chair-seat", "militia-commander-party", "group-leader-seat"}
    for finding in findings.values():
        assert finding.evidence["unknown"] == ["roles"] and finding.evidence["unknown_members"] == ["丁"]
        assert finding.message.endswith("could not be checked (roles unknown: 丁)")
    assert [c.status for c in report.candidates] == ["eligible", "eligible", "eligible", "invalid"]


@pytest.mark.parametrize(("party_quota", "open_"), [(1, True), (3, False)])
def test_a_post_partly_read_leaves_open_the_seats_it_may_fill(
    run: Any, tmp_path: Path, party_quota: int, open_: bool
) -> None:
    # 居委会委员、党支部委页: read as a committee member alone, and the party's seats counted without the one
    # a typo may hold, over a quota of 1, without a word (helper-59).
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", roles="居委会委员、党支部委页", gender="女"),
        person(name="丙", roles="居委会委员、居委会主仼"),
    ]
    report = run(people, communities=_communities(tmp_path, party_quota, 3), lang="en")
    quota = [f for f in team(report).findings if f.rule == "seat-quota"]
    if open_:
        [finding] = quota
        assert finding.severity == "review"
        assert finding.evidence["unknown"] == ["roles", "seats_party"]
        assert finding.evidence["unknown_members"] == ["乙", "丙"]
    else:
        assert quota == []  # three party seats at most: within the quota, whatever the typos are


def test_a_post_not_read_on_one_row_of_a_person_is_kept_when_their_rows_are_joined(
    run: Any, tmp_path: Path
) -> None:
    # One person on two rows is one member: the second row's posts, all read, made the first row's typo forgotten.
    number = make_id("1970-01-01", "女")
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(
            name="乙", roles="居委会委员、党支部委页", gender="女", id_number=number, birth_date="1970-01-01"
        ),
        person(name="乙", roles="妇代会主任", gender="女", id_number=number, birth_date="1970-01-01"),
    ]
    report = run(people, communities=_communities(tmp_path, 1, 3), lang="en")
    [quota] = [f for f in team(report).findings if f.rule == "seat-quota"]
    assert quota.evidence["unknown_members"] == ["乙"]


def test_a_principals_rule_is_open_for_one_whose_posts_were_not_all_read(run: Any) -> None:
    # 居委会委员、居委会主仼: 66 and 初中, a principal if the typo is 主任, and the principal's rules passed over
    # without a word (helper-59). Not for one whom they would not find anything against, whatever the post.
    people = [
        person(name="丙", roles="居委会委员、居委会主仼", birth_date="1940-01-01", education="初中"),
        person(name="丁", roles="居委会委员、居委会主仼", birth_date="1970-01-01"),
    ]
    older, younger = run(people, lang="en").candidates
    open_ = {f.rule: f for f in older.findings if f.rule != "role-unknown"}
    assert open_.keys() == {"principal-age", "principal-education"}
    for finding in open_.values():
        assert finding.severity == "review" and finding.evidence["unknown"] == ["roles"]
        assert finding.message.endswith(": could not be checked (roles unknown)")
    assert [f.rule for f in younger.findings] == ["role-unknown"]
    assert older.status == younger.status == "invalid"


def test_a_rule_on_what_posts_make_a_person_is_open_when_their_posts_were_not_all_read(
    tmp_path: Path,
) -> None:
    # 村务监督委员会主任、村委会委贝: the typo may be 村委会委员, and supervision-incompatible, which asks whether
    # they sit on the committee too, was said checked and passed (helper-59's fix looked only at applies_to).
    # The same posts read in full decide it; a post found among those read decides it whatever the rest are.
    village = dict(street="青山镇", community="青山村")
    people = [
        person(name="甲", roles="村务监督委员会主任、村委会委贝", **village),
        person(name="乙", roles="村务监督委员会主任、村委会委员", **village),
        person(name="丙", roles="村务监督委员会主任、村委会主任、村妇联主帘", **village),
        person(name="丁", roles="村务监督委员会主任", **village),
    ]
    report = run_records(tmp_path, people, ruleset="village-2021", lang="en", explain=True)
    rule = "supervision-incompatible"
    verdicts = {
        c.name: (
            [(f.severity, f.evidence.get("unknown")) for f in c.findings if f.rule == rule],
            rule in c.passed,
        )
        for c in report.candidates
    }
    assert verdicts == {
        "甲": ([("review", ["roles"])], False),
        "乙": ([("ineligible", None)], False),
        "丙": ([("ineligible", None)], False),
        "丁": ([], True),
    }
    [open_] = [f for f in report.candidates[0].findings if f.rule == rule]
    assert open_.message.endswith(": could not be checked (roles unknown)")


def test_a_condition_on_being_a_principal_is_open_when_posts_were_not_all_read(tmp_path: Path) -> None:
    # A rule for everyone whose condition asks whether they are a principal: 居委会委员、居委会主仼 at 66 may be
    # the director, and was said not one. 党支部书记 and a typo is one, whatever the typo is.
    rules = tmp_path / "east.yaml"
    rules.write_text(
        'extends: community-2006\nname: east\ntitle: {zh: 东区, en: East}\nversion: "1"\n'
        "rules:\n  - id: old-principal\n    title: {zh: 主干年龄偏大, en: An older principal}\n"
        "    severity: review\n    scope: candidate\n"
        "    when: {all: [{fact: principal, eq: true}, {fact: age, gt: 60}]}\n"
        "    message: {zh: 主干超过60周岁, en: a principal over 60}\n"
        "    source: {document: 东区通知, clause: 一, quote: 主干一般不超过60周岁}\n",
        encoding="utf-8",
    )
    people = [
        person(name="甲", roles="居委会委员、居委会主仼", birth_date="1940-01-01"),
        person(name="乙", roles="党支部书记、居委会主仼", birth_date="1940-01-01"),
        person(name="丙", roles="居委会委员、居委会主仼", birth_date="1970-01-01"),
        person(name="丁", roles="居委会委员", birth_date="1940-01-01"),
    ]
    report = run_records(tmp_path, people, ruleset=rules, election_date="2006-09-30", lang="en")
    found = {
        c.name: [(f.severity, f.evidence.get("unknown")) for f in c.findings if f.rule == "old-principal"]
        for c in report.candidates
    }
    assert found == {"甲": [("review", ["roles"])], "乙": [("review", None)], "丙": [], "丁": []}


@pytest.mark.parametrize("declaring_first", [True, False])
def test_a_relative_of_the_same_name_is_found_whichever_row_comes_first(
    run: Any, declaring_first: bool
) -> None:
    # 张伟 declaring 张伟 (his son of the same name) passed the team when he stood first: the name found the
    # first 张伟, himself, and the pair was dropped (helper-61).
    father = dict(name="张伟", roles="党支部书记、居委会主任", birth_date="1960-01-01", relatives="张伟")
    son = dict(name="张伟", roles="居委会委员", birth_date="1985-01-01")
    rows = [father, son] if declaring_first else [son, father]
    report = run([person(**cells) for cells in [*rows, BALANCED[1]]], lang="en")
    [found] = [f for f in team(report).findings if f.rule == "team-relatives"]
    assert (found.severity, found.evidence["pairs"]) == ("warning", ["张伟—张伟"])


def test_a_relative_named_as_two_members_of_that_name_is_on_the_team_either_way(run: Any) -> None:
    # Which of two other 张伟 is meant is not known, but both are members: a relative is on the team whichever
    # it is, and the pair is said as found (it was open; and once another pair was found, dropped, helper-69).
    father = dict(name="张伟", roles="党支部书记、居委会主任", birth_date="1960-01-01", relatives="张伟")
    others = [dict(name="张伟", roles="居委会委员", birth_date=day) for day in ("1985-01-01", "1990-01-01")]
    report = run([person(**cells) for cells in [father, *others, BALANCED[1]]], lang="en")
    [found] = [f for f in team(report).findings if f.rule == "team-relatives"]
    assert (found.severity, found.evidence["pairs"]) == ("warning", ["张伟—张伟"])


@pytest.mark.parametrize("declaring_first", [True, False])
def test_a_pair_named_outright_by_one_is_sure_whatever_the_other_wrote_first(
    run: Any, declaring_first: bool
) -> None:
    # 甲一 declares 张伟, and a 张伟 off the team makes that open; 张伟 the member declares 甲一 outright. Taken by
    # the first entry met, the pair was open when 甲一's row came first and sure otherwise (helper-71).
    first = dict(name="甲一", roles="党支部书记、居委会主任", birth_date="1960-01-01", relatives="张伟")
    member = dict(name="张伟", roles="居委会委员", birth_date="1985-01-01", relatives="甲一")
    off = dict(name="张伟", roles="妇代会主任", gender="女", birth_date="1990-01-01")
    rows = [first, member] if declaring_first else [member, first]
    report = run([person(**cells) for cells in [*rows, off, BALANCED[1]]], lang="en")
    [found] = [f for f in team(report).findings if f.rule == "team-relatives"]
    assert found.evidence["pairs"] == ["张伟—甲一"] and "unknown" not in found.evidence


def test_a_relative_named_as_one_of_two_people_of_a_name_is_open_and_names_who_declared(run: Any) -> None:
    # 孙小红 declares 郑大为; one 郑大为 is a member, the other the women's chair on no seat. Alone it said
    # 亲属不明 of nobody; beside a sure pair it was dropped; 郑大为之子 was a sure pair (helper-69).
    chair = dict(name="郑大为", roles="妇代会主任", birth_date="1970-01-01")
    people = [
        dict(name="郑大为", roles="党支部书记", birth_date="1960-05-05"),
        dict(name="孙小红", roles="党支部副书记", gender="女", birth_date="1962-06-06", relatives="郑大为"),
        dict(name="郑大为", roles="居委会委员", birth_date="1958-01-01"),
    ]
    report = run([person(**cells) for cells in [*people[::2], people[1], chair]], lang="en")
    [found] = [f for f in team(report).findings if f.rule == "team-relatives"]
    assert found.message.endswith("could not be checked (relatives among the candidates unknown: 孙小红)")
    son = dict(name="郑小明", roles="居委会委员", birth_date="1985-03-03", relatives="郑大为之子")
    words = run([person(**cells) for cells in [people[0], people[2], son, chair]], lang="en")
    [found] = [f for f in team(words).findings if f.rule == "team-relatives"]
    assert found.evidence["unknown_members"] == ["郑小明"]
    sure = dict(name="王芳", roles="居委会委员", gender="女", birth_date="1980-01-01", relatives="孙小红")
    both = run([person(**cells) for cells in [*people, chair, sure]], lang="en")
    [found] = [f for f in team(both).findings if f.rule == "team-relatives"]
    assert found.evidence["pairs"] == ["王芳—孙小红", "孙小红—郑大为(?)"]


def test_a_share_known_only_as_a_span_is_said_in_percentages(run: Any) -> None:
    # "占 0.0–0.5" where a share decided is "占 50%" (helper-61): two of four may be members, posts not read.
    people = [
        person(name="甲", roles="党支部书记、居委会主任", education="初中", birth_date="1960-01-01"),
        person(name="乙", roles="居委会委员", education="初中", birth_date="1962-01-01"),
        person(name="丙", roles="计生主任", education="大专", gender="女", birth_date="1980-01-01"),
        person(name="丁", roles="计生主任", education="大专", gender="女", birth_date="1981-01-01"),
    ]
    [found] = [f for f in team(run(people)).findings if f.rule == "team-education-structure"]
    assert "高中/中专及以上学历者占 0%–50%，未超过 50%" in found.message
    assert found.evidence["educated"] == "0.0–0.5"  # the report's evidence keeps the numbers


def test_a_relative_named_as_a_member_and_as_someone_off_the_team_is_open(run: Any) -> None:
    # 张伟 the committee member, and 张伟 the women's chair on no seat: which one 甲 declared is not known
    # (helper-63).
    father = dict(name="甲", roles="党支部书记、居委会主任", birth_date="1960-01-01", relatives="张伟")
    others = [
        dict(name="张伟", roles="居委会委员", birth_date="1985-01-01"),
        dict(name="张伟", roles="妇代会主任", gender="女", birth_date="1990-01-01"),
    ]
    report = run([person(**cells) for cells in [father, *others, BALANCED[1]]], lang="en")
    [found] = [f for f in team(report).findings if f.rule == "team-relatives"]
    assert found.message.endswith("could not be checked (relatives among the candidates unknown: 甲)")
    alone = run([person(**cells) for cells in [father, others[0], BALANCED[1]]], lang="en")
    [sure] = [f for f in team(alone).findings if f.rule == "team-relatives"]
    assert sure.evidence["pairs"] == ["甲—张伟"] and sure.severity == "warning"


@pytest.mark.parametrize(
    ("declared", "said"),
    [
        # A typo two characters off, or a relative not standing: said, never passed silently.
        ("王健国", True),
        ("妻子李秀英（非候选人）", True),
        ("张伟、王健国", True),  # beside a name found, a name of no candidate is still said (helper-65)
        ("张伟、欧阳建", True),
        ("张伟、岳父", False),  # other words are read as remarks, a kinship word starting with a surname too
        ("张伟、孙女", False),
        ("张伟、已故", False),
        ("张伟、夫妻", False),
        ("张伟、母女", False),
        ("张伟（翁婿）", False),
        ("张伟（郎舅）", False),
        ("张伟、宗亲", False),
        ("张伟、战友", False),
        (f"张伟、{make_id('1990-02-02')}", True),  # but an ID number is always someone
        ("张伟", False),  # a candidate of the community
        ("张伟（妇代会主任）", False),  # one on no seat is still on the roster
        ("张卫", False),  # one character off a member's: the rule itself leaves the pair open
        ("无", False),
        ("", False),
    ],
)
def test_a_relative_declared_who_is_none_of_the_communitys_candidates_is_said(
    run: Any, declared: str, said: bool
) -> None:
    # The column holds relatives who are also candidates (DESIGN); a name matching none passed the team as
    # having no relatives on it without a word (helper-64).
    rows = [
        dict(name="甲", roles="党支部书记、居委会主任", birth_date="1960-01-01", relatives=declared),
        dict(name="张伟", roles="妇代会主任", gender="女", birth_date="1985-01-01"),
    ]
    for lang in ("zh", "en"):
        report = run([person(**cells) for cells in [*rows, *BALANCED[1:]]], lang=lang)
        notes = [f for f in team(report).findings if f.rule == "relative-not-on-team"]
        assert len(notes) == int(said), notes
        if said:
            [note] = notes
            shown = declared.replace("（", "、").rstrip("）").removeprefix("张伟、")
            shown = shown[:6] + "********" + shown[14:] if shown[:1].isdigit() else shown  # masked
            assert note.severity == "warning" and note.evidence["relative"] == shown
            assert shown in note.message and "甲" in note.message
        assert all(c.status != "invalid" for c in report.candidates)


def test_a_teams_education_profile_is_given_by_level_id_whatever_the_language(run: Any) -> None:
    # profile.education is keyed by the level as the report's language names it (本科, bachelor): a script that
    # read one broke on the other (helper-66). education_ids keys it by the rule set's ids.
    rows = [person(education="本科"), person(education="初中"), person(education="大专", name="乙")]
    chinese, english = (team(run(rows, lang=lang)).profile for lang in ("zh", "en"))
    assert chinese is not None and english is not None
    assert chinese.education_ids == english.education_ids
    assert {k: v for k, v in chinese.education_ids.items() if v} == {
        "junior_middle": 1,
        "junior_college": 1,
        "bachelor": 1,
    }
    assert chinese.education["本科"] == english.education["bachelor"] == 1
    assert next(iter(chinese.education_ids)) == "illiterate"  # lowest first, as education


def test_seats_a_yaml_roster_carries_judge_its_own_communities_whatever_the_files_order(
    tmp_path: Path,
) -> None:
    # With no communities table, a YAML roster's seats for 乙社区 made seat-quota run on a CSV read after it (its
    # quota unknown, review) and go unchecked on one read before; and 乙社区's rows in a CSV read first kept no
    # quota, its seats over the YAML's never said (helper-81).
    from eligibility import check

    header = "姓名,性别,身份证号,出生年月,社区,拟任职务\n"

    def roster(name: str, community: str, *rows: tuple[str, str, str]) -> Path:
        path = tmp_path / name
        path.write_text(
            header
            + "".join(f"{who},男,{make_id(born)},{born},{community},{post}\n" for who, born, post in rows),
            "utf-8",
        )
        return path

    first = roster("a.csv", "甲社区", ("甲一", "1970-01-01", "党组织书记、居委会主任"))
    last = roster("c.csv", "丙社区", ("丙一", "1970-02-02", "党组织书记、居委会主任"))
    more = roster("y.csv", "乙社区", ("乙二", "1971-06-06", "党组织委员"))
    seated = tmp_path / "b.yaml"
    seated.write_text(
        "communities:\n  - community: 乙社区\n    party_seats: 1\n    committee_seats: 1\n    candidates:\n"
        f"      - {{姓名: 乙一, 性别: 女, 身份证号: '{make_id('1973-03-03', '女')}', 出生年月: 1973-03-03,"
        " 拟任职务: 党组织书记、居委会主任}\n",
        "utf-8",
    )

    def judged(*paths: Path) -> tuple[dict[str, list[tuple[str, Any]]], set[str]]:
        report = check(list(paths), election_date="2006-09-30")
        teams = {
            t.community: [
                (f.rule, f.evidence.get("quota_party")) for f in t.findings if f.rule == "seat-quota"
            ]
            for t in report.teams
        }
        return teams, {n.path for n in report.not_checked if n.rule == "seat-quota"}

    teams, unchecked = judged(first, seated, last)
    assert judged(last, seated, first) == (teams, unchecked)
    # The CSVs' teams have no quota: not checked, each file said; the YAML's own team is judged on its seats.
    assert teams == {"甲社区": [], "乙社区": [], "丙社区": []}
    assert unchecked == {str(first), str(last)}
    # 乙社区's other member in a CSV, before the YAML or after: two party seats of 1, said either way; and the
    # CSV, every team of it seated by the YAML, is not said to have gone unchecked (helper-82).
    assert judged(more, seated) == judged(seated, more) == ({"乙社区": [("seat-quota", 1)]}, set())
    # A CSV with a team seated and one not is still said, for the one.
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(more.read_text("utf-8") + last.read_text("utf-8").split("\n", 1)[1], "utf-8")
    assert judged(mixed, seated)[1] == {str(mixed)}


@pytest.mark.parametrize("yaml_street", ["东湖街道", ""])
def test_a_yaml_rosters_seats_reach_a_team_its_street_is_written_apart_in(
    tmp_path: Path, yaml_street: str
) -> None:
    # The YAML names 东湖街道 and the CSV no street (or the other way): read first, the CSV's team kept no
    # quota, and three party seats of one went unsaid in that order alone (helper-83).
    from eligibility import check

    csv_street = "" if yaml_street else "东湖街道"
    rows = tmp_path / "a.csv"
    rows.write_text(
        "姓名,性别,身份证号,街道,社区,拟任职务\n"
        + "".join(
            f"{who},男,{make_id(born)},{csv_street},乙社区,党组织委员\n"
            for who, born in (("乙二", "1971-06-06"), ("乙三", "1972-06-06"))
        ),
        "utf-8",
    )
    seated = tmp_path / "b.yaml"
    seated.write_text(
        f"communities:\n  - street: '{yaml_street}'\n    community: 乙社区\n    party_seats: 1\n    committee_seats: 1\n"
        f"    candidates:\n      - {{姓名: 乙一, 性别: 女, 身份证号: '{make_id('1973-03-03', '女')}', 出生年月: 1973-03-03,"
        " 拟任职务: 党组织书记、居委会主任}\n",
        "utf-8",
    )
    for paths in ([seated, rows], [rows, seated]):
        report = check(paths, election_date="2006-09-30")
        [found] = [f for t in report.teams for f in t.findings if f.rule == "seat-quota"]
        assert (found.evidence["seats_party"], found.evidence["quota_party"]) == (3, 1), paths


def test_two_rosters_giving_one_community_different_seats_leave_them_unknown_in_either_order(
    tmp_path: Path,
) -> None:
    # 1/1 in one YAML, 5/5 in another: the file read last won, and 3 party seats were too many in one order and
    # not in the other (helper-83). Said on the later file, and unknown whichever it is.
    from eligibility import check

    def seated(name: str, seats: int) -> Path:
        path = tmp_path / name
        path.write_text(
            f"communities:\n  - community: 乙社区\n    party_seats: {seats}\n    committee_seats: {seats}\n"
            f"    candidates:\n      - {{姓名: 乙{seats}, 性别: 女, 身份证号: '{make_id(f'197{seats}-03-03', '女')}',"
            " 拟任职务: 党组织委员}\n",
            "utf-8",
        )
        return path

    one, five = seated("one.yaml", 1), seated("five.yaml", 5)
    verdicts = []
    for paths in ([one, five], [five, one]):
        report = check(paths, election_date="2006-09-30", lang="en")
        said = [f for i in report.inputs for f in i.findings if f.rule == "roster-seats-differ"]
        assert [f.evidence["column"] for f in said] == ["党组织核定职数", "居委会核定职数"]
        assert said[0].message.endswith("which holds is not known, so the seats are taken as unknown")
        verdicts.append([(f.rule, f.evidence.get("quota_party")) for t in report.teams for f in t.findings])
    assert verdicts[0] == verdicts[1]
    assert ("seat-quota", 1) not in verdicts[0]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(("second_name", "members"), [("戊", 4), ("丁", 3)])
def test_one_wrong_id_number_on_two_rows_is_one_member_only_under_one_name(
    run: Any, jobs: int, second_name: str, members: int
) -> None:
    # Two people given one mistyped number (pasted down) were one member: 戊 vanished from the team's counts,
    # its seat quota and its women, with nothing said but each row's wrong check character (helper-130).
    number = make_id("1960-01-01", "女")
    wrong = number[:-1] + ("1" if number[-1] != "1" else "2")
    rows = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", roles="居委会委员"),
        person(name="丁", gender="女", birth_date="1960-01-01", id_number=wrong, roles="党支部委员"),
        person(name=second_name, gender="女", birth_date="1960-01-01", id_number=wrong, roles="党支部委员"),
    ]
    report = run(rows, jobs=jobs)
    assert [rules_of(c) >= {"id-number-checksum"} for c in report.candidates] == [False, False, True, True]
    # The same name under the same wrong number is one person on two rows, as a right number's would be.
    assert team(report).profile.members == members


# Those who cannot be nominated (an open ineligible finding of their own) are out of the team that can be formed:
# a woman barred by 两违 ("绝对不能提名") was the team's one woman, two barred minors its young majority.
WOMAN_BARRED = [
    dict(roles="党支部书记、居委会主任", name="甲"),
    dict(roles="党支部委员", name="乙"),
    dict(roles="居委会委员", gender="女", name="丙", two_violations="是"),
]


@pytest.mark.parametrize(("two_violations", "fires"), [("是", True), ("否", False)])
def test_a_woman_who_cannot_be_nominated_is_not_the_teams_one_woman(
    run: Any, two_violations: str, fires: bool
) -> None:
    people = [*WOMAN_BARRED[:2], {**WOMAN_BARRED[2], "two_violations": two_violations}]
    report = run([person(**cells) for cells in people])
    found = next((f for f in team(report).findings if f.rule == "team-woman"), None)
    assert (found is not None) == fires
    if found is not None:
        assert found.evidence["women"] == 0 and found.evidence["women_of"] == 2
        assert found.evidence["women_left_out"] == 1 and found.evidence["women_left_out_names"] == ["丙"]
        assert found.message == "两委班子可提名的 2 人（不计不能提名的丙）中妇女干部 0 名，少于1名"
        english = next(f for f in team(run([person(**c) for c in people], lang="en")).findings)
        assert english.message == (
            "0 women among the 2 members of the two committees who can be nominated (not counting 丙, who cannot "
            "be nominated), fewer than 1"
        )


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_person_barred_on_one_of_their_two_rows_is_barred_on_the_team(tmp_path: Path, jobs: int) -> None:
    # 丙 on two rows, 两违 是 on the first: one person, and the bar is hers whichever row says it.
    woman = person(roles="居委会委员", gender="女", name="丙", two_violations="是")
    second = {**woman, "roles": "党支部委员", "two_violations": "否"}
    people = [person(**WOMAN_BARRED[0]), woman, second]
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    assert "team-woman" in rules_of(team(check([path], jobs=jobs)))


def test_a_bar_that_could_not_be_decided_does_not_leave_a_woman_out(run: Any) -> None:
    # Her age not known (no birth date, no ID number): min-age could not decide (review), and no unknown is a bar.
    woman = person(roles="居委会委员", gender="女", name="丙", birth_date="", id_number="")
    report = run([person(**WOMAN_BARRED[0]), person(**WOMAN_BARRED[1]), woman])
    assert "min-age" in rules_of(report.candidates[2]) and report.candidates[2].status != "ineligible"
    assert "team-woman" not in rules_of(team(report))


def test_an_approval_does_not_lift_a_bar_so_the_barred_woman_stays_left_out(run: Any, tmp_path: Path) -> None:
    # An ineligible finding is never approved (the notice: 绝对不能提名): an approval of it is shown, not counted,
    # and she is still no woman of the team.
    woman = person(**WOMAN_BARRED[2])
    approvals = tmp_path / "approvals.csv"
    approvals.write_text(
        "身份证号,规则,批复文号,审批单位,批复日期\n"
        f"{woman['id_number']},two-violations,组审〔2006〕1号,区委组织部,2006-09-01\n",
        encoding="utf-8",
    )
    report = run([person(**WOMAN_BARRED[0]), person(**WOMAN_BARRED[1]), woman], approvals=approvals)
    [bar] = [f for f in report.candidates[2].findings if f.rule == "two-violations"]
    assert bar.approval is not None and not bar.approval.counted and bar.is_open
    assert "team-woman" in rules_of(team(report))


@pytest.mark.parametrize(
    ("roles", "fires"),
    [
        (["党支部书记", "党支部委员"], False),  # the party committee alone: the residents' may have her
        (["居委会主任", "居委会委员"], False),  # the residents' committee alone: the party's may have her
        (["党支部书记", "居委会主任"], True),  # both proposed, and no woman on either
    ],
    ids=["party-only", "committee-only", "both"],
)
def test_team_woman_asks_only_a_roster_proposing_both_bodies(run: Any, roles: list[str], fires: bool) -> None:
    # 党组织或居委会班子中有1名妇女干部: a woman on either body meets it; two men of one body show nothing.
    assert ("team-woman" in team_rules(run, [dict(roles=r) for r in roles])) == fires


@pytest.mark.parametrize(
    ("rule", "people", "share", "of"),
    [
        (
            # Two barred minors made young people 3 of 5; of the 3 who can be nominated, 1 is young.
            "team-age-structure",
            [
                dict(roles="党支部书记、居委会主任", gender="女", birth_date="1960-01-01"),
                dict(roles="党支部委员", birth_date="1940-01-01"),
                dict(roles="居委会委员", birth_date="1945-01-01"),
                dict(roles="居委会委员", birth_date="1990-01-01"),
                dict(roles="党支部委员", birth_date="1990-01-01"),
            ],
            0.333,
            3,
        ),
        (
            # A barred 高中 made 2 of 3 educated; of the 2 who can be nominated, half are.
            "team-education-structure",
            [
                dict(roles="党支部书记、居委会主任", gender="女"),
                dict(roles="党支部委员", education="初中"),
                dict(roles="居委会委员", two_violations="是"),
            ],
            0.5,
            2,
        ),
    ],
    ids=["age", "education"],
)
def test_the_structure_shares_are_of_those_who_can_be_nominated(
    run: Any, rule: str, people: list[dict[str, Any]], share: float, of: int
) -> None:
    report = run([person(**cells) for cells in people])
    [found] = [f for f in team(report).findings if f.rule == rule]
    label = "young" if rule == "team-age-structure" else "educated"
    assert found.evidence[label] == share and found.evidence[f"{label}_of"] == of
    assert found.evidence[f"{label}_left_out"] == len(people) - of


def test_a_barred_old_member_left_out_leaves_the_young_the_majority(run: Any) -> None:
    # Of 4, 2 under 60 is not more than half; the barred 1940 one left out, 2 of 3 are.
    people = [
        dict(roles="党支部书记、居委会主任", birth_date="1960-01-01"),
        dict(roles="党支部委员", gender="女", birth_date="1970-01-01"),
        dict(roles="居委会委员", birth_date="1940-01-01", two_violations="是"),
        dict(roles="居委会委员", birth_date="1945-01-01"),
    ]
    assert "team-age-structure" not in team_rules(run, people)


def test_village_committee_woman_is_not_one_who_cannot_be_nominated(run: Any) -> None:
    # 17 on election day (2021-01-15): under 18 (min-age), so not the committee's woman (村委会组织法 §6).
    people = [
        person(roles="村党组织书记、村委会主任", community="青山村"),
        person(roles="村委会委员", gender="女", birth_date="2003-01-16", community="青山村", name="乙"),
        person(roles="村委会副主任", community="青山村"),
    ]
    report = run(people, ruleset="village-2021")
    [found] = [f for f in team(report, "青山村").findings if f.rule == "committee-woman"]
    assert found.evidence["women_left_out_names"] == ["乙"]
    people[1] = {**people[1], "birth_date": "2003-01-15", "id_number": make_id("2003-01-15", "女")}
    assert "committee-woman" not in rules_of(team(run(people, ruleset="village-2021"), "青山村"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_count_that_leaves_no_one_out_says_nothing_of_it(run: Any, lang: str) -> None:
    # "（不能提名的 0 人不计）" stood on every team's finding, a thousand times in a district's report.
    people = [{**cells, "gender": "男", "two_violations": "否"} for cells in WOMAN_BARRED]
    [found] = [
        f for f in team(run([person(**c) for c in people], lang=lang)).findings if f.rule == "team-woman"
    ]
    assert found.evidence["women_left_out"] == 0
    assert found.message == (
        "两委班子可提名的 3 人中妇女干部 0 名，少于1名"
        if lang == "zh"
        else "0 women among the 3 members of the two committees who can be nominated, fewer than 1"
    )


def test_the_member_questions_of_posts_alone_are_known_to_read_nothing_else() -> None:
    # A question that reads posts alone is answered once for each set of posts (Review.member): one that read a
    # member's sex or age beside would then give every holder of those posts the first one's answer.
    for name in ("community-2006", "village-2021"):
        compiled = load_ruleset(name).default
        only = [c for c, alone in zip(compiled.member_conditions, compiled.posts_only, strict=True) if alone]
        assert only and len(only) < len(compiled.member_conditions)
        assert compiled.posts_only == tuple(
            alone and reads for alone, reads in zip(compiled.posts_only, compiled.reads_posts, strict=True)
        )


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_set_of_posts_held_by_a_man_and_a_woman_is_asked_of_each(run: Any, jobs: int) -> None:
    # The same posts on two rows, a man's and a woman's: the woman count reads each one's sex, whatever their
    # posts' answers were worked out once for both.
    people = [
        person(name="甲", roles="党支部书记、居委会主任"),
        person(name="乙", roles="居委会委员"),
        person(name="丙", roles="居委会委员", gender="女"),
    ]
    assert "team-woman" not in rules_of(team(run(people, jobs=jobs)))
    people[2] = {**people[2], "gender": "男", "id_number": make_id("1966-05-01")}
    assert "team-woman" in rules_of(team(run(people, jobs=jobs)))
