"""One community whose rows write its street several ways (东湖街道, 东湖街道党工委, 东湖) is one team (helper-91).

Judged as two, each team answered for part of its people: a community over its approved seats, or with two
relatives on it, passed with exit code 0. Spellings of one street join; two streets stay two teams; where it
cannot be told whether two spellings are one street, a team rule that would answer otherwise is undecided."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eligibility import check
from eligibility.cli import app
from eligibility.report import Finding, Report, TeamResult

from conftest import make_id

HEADER = "姓名,性别,身份证号,出生年月,文化程度,政治面貌,街道,社区,拟任职务,计生违法日期,两违,综治问题,被剥夺政治权利,亲属\n"
SEATS = "社区,选举日期,党组织核定职数,居委会核定职数\n青松社区,2006-09-30,3,3\n"
VILLAGE_HEADER = (
    "姓名,性别,身份证号,出生年月,文化程度,政治面貌,街道,村（社区）,拟任职务,被剥夺政治权利,受过刑事处罚,涉黑涉恶,"
    "处分影响期内,正在被审查调查,邪教宗族黄赌毒,贿选或破坏选举,违法上访,侵占集体资金未退赔,违法用地建房未整改,"
    "生态环境破坏日期,失信被执行人,不称职或罢免日期,亲属\n"
)
VILLAGE_SEATS = "社区,选举日期,党组织核定职数,居委会核定职数\n青山村,2021-01-15,5,5\n"

Row = tuple[str, str, str, str, str]  # name, sex, street, posts, relatives


def _ids(rows: list[Row], born: str) -> dict[str, str]:
    """One ID number to each name: a name on two rows is one person."""
    numbers: dict[str, str] = {}
    for name, sex, *_ in rows:
        numbers.setdefault(name, make_id(born, sex, "350502"))
    return numbers


def community_roster(tmp_path: Path, rows: list[Row], name: str = "f1.csv", header: str = HEADER) -> Path:
    numbers = _ids(rows, "1960-01-01")
    lines = [
        f"{who},{sex},{numbers[who]},1960-01-01,高中,中共党员,{street},青松社区,{posts},,否,否,否,{relatives}\n"
        for who, sex, street, posts, relatives in rows
    ]
    path = tmp_path / name
    path.write_text(header + "".join(lines), encoding="utf-8")
    return path


def village_roster(tmp_path: Path, streets: tuple[str, str]) -> Path:
    """The reviewer's f1-village.csv: 刘芳 on the second spelling's rows declares 李建华 on the first's."""
    first, second = streets
    rows = [
        ("李建华", "男", "1970-03-12", first, "村党组织书记、村委会主任", ""),
        ("王秀兰", "女", "1978-06-20", first, "村党组织副书记、村委会副主任、村妇联主席", ""),
        ("张伟", "男", "1985-09-02", first, "村委会委员", ""),
        ("刘芳", "女", "1980-11-11", second, "村委会委员", "李建华（叔侄女）"),
        ("陈明", "男", "1982-01-01", second, "村委会委员", ""),
        ("赵亮", "男", "1983-01-01", second, "村党组织委员", ""),
    ]
    path = tmp_path / "village.csv"
    path.write_text(
        VILLAGE_HEADER
        + "".join(
            f"{who},{sex},{make_id(born, sex, '350521')},{born},高中,中共党员,{street},青山村,{posts},"
            + "否," * 10
            + f",否,,{relatives}\n"
            for who, sex, born, street, posts, relatives in rows
        ),
        encoding="utf-8",
    )
    return path


def f1_rows(first: str, second: str) -> list[Row]:
    """The reviewer's f1.csv: five party seats of three approved, three rows under one spelling and two under
    the other, and 丁四 on the second declaring 甲一 on the first."""
    return [
        ("甲一", "男", first, "党支部书记、居委会主任", ""),
        ("乙二", "女", first, "党支部委员", ""),
        ("丙三", "男", first, "党支部委员", ""),
        ("丁四", "女", second, "党支部委员", "甲一"),
        ("戊五", "男", second, "党支部副书记", ""),
    ]


def seats_file(tmp_path: Path, text: str = SEATS) -> Path:
    path = tmp_path / "communities.csv"
    path.write_text(text, encoding="utf-8")
    return path


def found(team: TeamResult, rule: str) -> Finding:
    [finding] = [f for f in team.findings if f.rule == rule]
    return finding


def rules(team: TeamResult) -> set[str]:
    return {f.rule for f in team.findings}


def input_rules(report: Report) -> list[str]:
    return [f.rule for i in report.inputs for f in i.findings]


# ---- spellings of one street: one team ----

STREET_SPELLINGS = [
    "东湖街道党工委",
    "东湖街道办事处",
    "东湖街道办",
    "东湖街办",
    "东湖办事处",
    "东湖党工委",
    "东湖街道（办事处）",
    "东湖街道(办事处)",
    "东湖",  # its own name alone, and no other kind of 东湖 in the run
]


@pytest.mark.parametrize("spelling", STREET_SPELLINGS)
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_community_whose_rows_write_its_street_two_ways_is_judged_as_one_team(
    tmp_path: Path, spelling: str, jobs: int
) -> None:
    path = community_roster(tmp_path, f1_rows("东湖街道", spelling))
    report = check([path], communities=seats_file(tmp_path), jobs=jobs)
    [team] = report.teams
    assert (team.street, team.community) == ("东湖街道", "青松社区")
    assert found(team, "seat-quota").severity == "review"  # 党组织 5/3, where the halves had 3/3 and 2/3
    assert "党组织 5/3" in found(team, "seat-quota").message
    assert "丁四—甲一" in found(team, "team-relatives").message
    assert "relative-not-on-team" not in rules(team)
    said = found(team, "street-written-apart")
    assert said.severity == "warning"
    shown = spelling.replace("（", "(").replace("）", ")")  # as the roster reader reads it (NFKC)
    assert said.message == (
        f"东湖街道 青松社区 的街道有 2 种写法：东湖街道（其余各行）、{shown}（第 5、6 行）；是同一个街道，"
        "已作为一个班子审查：请统一写法"
    )
    assert [c.street for c in report.candidates] == ["东湖街道"] * 3 + [shown] * 2  # each row as written


def test_the_reviewers_roster_fails_the_run_it_passed(tmp_path: Path) -> None:
    path = community_roster(tmp_path, f1_rows("东湖街道", "东湖街道党工委"))
    seats = seats_file(tmp_path)
    for jobs in ("1", "2"):
        result = CliRunner().invoke(
            app, ["check", str(path), "--communities", str(seats), "--jobs", jobs, "--lang", "en"]
        )
        assert result.exit_code == 1, result.stdout
        assert "street-written-apart the street of 东湖街道 青松社区 is written 2 ways" in result.stdout
        assert "party committee 5/3" in result.stdout


def test_the_first_rows_spelling_is_the_one_the_others_join(tmp_path: Path) -> None:
    # 东湖街道党工委 first: the team is named as its first row wrote it, the others named by their lines.
    rows = f1_rows("东湖街道党工委", "东湖街道")
    report = check([community_roster(tmp_path, rows)], communities=seats_file(tmp_path), lang="en")
    [team] = report.teams
    assert team.street == "东湖街道党工委"
    assert "seat-quota" in rules(team)
    assert found(team, "street-written-apart").message == (
        "the street of 东湖街道党工委 青松社区 is written 2 ways: 东湖街道党工委 (the other rows), 东湖街道 "
        "(line(s) 5、6); they are one street, and were judged as one team: write it one way"
    )


def test_a_street_written_by_its_own_name_on_the_first_rows_joins_the_one_written_in_full(
    tmp_path: Path,
) -> None:
    # 东湖 first: joined once every row is in (a 东湖镇 could still have come), and named by its people, whose
    # lines were not kept while the street was written one way only.
    report = check(
        [community_roster(tmp_path, f1_rows("东湖", "东湖街道"))], communities=seats_file(tmp_path)
    )
    [team] = report.teams
    assert team.street == "东湖街道"  # the street in full
    assert "党组织 5/3" in found(team, "seat-quota").message
    assert found(team, "street-written-apart").message == (
        "东湖街道 青松社区 的街道有 2 种写法：东湖街道（其余各行）、东湖（3 人）；是同一个街道，已作为一个班子审查："
        "请统一写法"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("青山镇", "青山镇人民政府"),
        ("青山镇", "青山镇党委"),
        ("青山镇政府", "青山镇"),
        ("青山镇", "青山"),
        ("青山乡", "青山乡人民政府"),
    ],
)
def test_a_villages_township_written_two_ways_is_one_team_and_its_relatives_bar(
    tmp_path: Path, first: str, second: str
) -> None:
    path = village_roster(tmp_path, (first, second))
    seats = seats_file(tmp_path, VILLAGE_SEATS)
    report = check([path], "village-2021", communities=seats)
    [team] = report.teams
    relatives = found(team, "team-relatives")
    assert relatives.severity == "ineligible" and "刘芳—李建华" in relatives.message
    # A village's street column is its 乡镇, and so the finding says.
    assert found(team, "street-written-apart").message.startswith(f"{first} 青山村 的乡镇有 2 种写法")
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(path),
            "--rules",
            "village-2021",
            "--communities",
            str(seats),
            "--fail-on",
            "ineligible",
        ],
    )
    assert result.exit_code == 1, result.stdout


def test_a_street_written_three_ways_is_one_team_said_once(tmp_path: Path) -> None:
    # helper-65's case: 东湖街道, 东湖街道办 and 东湖 over one community's rows were three teams, said only to
    # look like one community written three ways.
    rows = [*f1_rows("东湖街道", "东湖街道办"), ("己六", "男", "东湖", "居委会委员", "")]
    report = check([community_roster(tmp_path, rows)], communities=seats_file(tmp_path))
    [team] = report.teams
    assert found(team, "street-written-apart").message.startswith(
        "东湖街道 青松社区 的街道有 3 种写法：东湖街道（其余各行）、东湖街道办（第 5、6 行）、东湖（第 7 行）；"
    )
    assert "community-written-apart" not in input_rules(report)


def test_rows_of_several_files_are_named_by_file(tmp_path: Path) -> None:
    rows = f1_rows("东湖街道", "东湖街道办事处")
    first = community_roster(tmp_path, rows[:3], "a.csv")
    second = community_roster(tmp_path, rows[3:], "b.csv")
    report = check([first, second], communities=seats_file(tmp_path), lang="en")
    [team] = report.teams
    assert "seat-quota" in rules(team)
    assert "b.csv line(s) 2、3)" in found(team, "street-written-apart").message


def test_one_person_on_rows_of_both_spellings_is_one_member_with_both_seats(tmp_path: Path) -> None:
    # Joined once every row is in (its own name alone, 东湖): 甲一 holds the secretary's seat on one row and the
    # director's on the other, one member of two. Each row's questions on posts were asked of its own posts, and
    # are not known of both (one-shoulder: is the secretary the director?): said so, as for posts not read.
    rows = [
        ("甲一", "男", "东湖街道", "党支部书记", ""),
        ("乙二", "女", "东湖街道", "居委会委员", ""),
        ("甲一", "男", "东湖", "居委会主任", ""),
    ]
    report = check([community_roster(tmp_path, rows)], communities=seats_file(tmp_path))
    [team] = report.teams
    assert team.profile is not None and team.profile.members == 2
    assert found(team, "one-shoulder").message == "未实行“一肩挑”：无法检查（拟任职务不明：甲一）"
    assert "seat-quota" not in rules(team)  # 党组织 1/3, 居委会 2/3
    assert "duplicate-person" in {f.rule for f in report.candidates[2].findings}  # one person, two rows


def test_the_communities_tables_row_is_used_for_a_street_it_writes_another_way(tmp_path: Path) -> None:
    # The table writes 东湖街道; the roster's first rows 东湖街道党工委: the team it started had no seats, and
    # 东湖街道's rows joined it without them.
    seats = seats_file(
        tmp_path, "街道,社区,选举日期,党组织核定职数,居委会核定职数\n东湖街道,青松社区,2006-09-28,3,3\n"
    )
    path = community_roster(tmp_path, f1_rows("东湖街道党工委", "东湖街道"))
    report = check([path], communities=seats, lang="en")
    [team] = report.teams
    assert team.election_date == dt.date(2006, 9, 28)
    assert "party committee 5/3" in found(team, "seat-quota").message
    [said] = [f for i in report.inputs for f in i.findings if f.rule == "community-settings-street"]
    assert said.message == (
        "line 2 of the communities file, 东湖街道 青松社区, was taken for the roster's 东湖街道党工委 青松社区, its "
        "street written another way: its election day and seats were used; write the street one way"
    )
    assert "community-settings-elsewhere" not in input_rules(report)


# ---- two streets: two teams ----


@pytest.mark.parametrize("jobs", [1, 2])
def test_two_streets_each_with_a_community_of_one_name_stay_two_teams(tmp_path: Path, jobs: int) -> None:
    path = community_roster(tmp_path, f1_rows("东湖街道", "西岭街道"))
    report = check([path], communities=seats_file(tmp_path), jobs=jobs)
    assert [(t.street, t.community) for t in report.teams] == [
        ("东湖街道", "青松社区"),
        ("西岭街道", "青松社区"),
    ]
    for team in report.teams:
        assert not rules(team) & {"seat-quota", "team-relatives", "street-written-apart", "street-undecided"}
    assert "community-written-apart" not in input_rules(report)


def test_two_spellings_the_communities_table_gives_rows_of_their_own_are_two_teams(tmp_path: Path) -> None:
    seats = seats_file(
        tmp_path,
        "街道,社区,选举日期,党组织核定职数,居委会核定职数\n"
        "东湖街道,青松社区,2006-09-30,3,3\n东湖街道党工委,青松社区,2006-09-30,3,3\n",
    )
    report = check([community_roster(tmp_path, f1_rows("东湖街道", "东湖街道党工委"))], communities=seats)
    assert [t.street for t in report.teams] == ["东湖街道", "东湖街道党工委"]
    assert not any(
        rules(t) & {"seat-quota", "street-written-apart", "street-undecided"} for t in report.teams
    )


def test_a_roster_without_a_street_column_is_one_team_as_before(tmp_path: Path) -> None:
    header = HEADER.replace("街道,", "")
    rows = f1_rows("", "")
    numbers = _ids(rows, "1960-01-01")
    path = tmp_path / "r.csv"
    path.write_text(
        header
        + "".join(
            f"{who},{sex},{numbers[who]},1960-01-01,高中,中共党员,青松社区,{posts},,否,否,否,{relatives}\n"
            for who, sex, _, posts, relatives in rows
        ),
        encoding="utf-8",
    )
    for jobs in (1, 2):
        report = check([path], communities=seats_file(tmp_path), jobs=jobs)
        [team] = report.teams
        assert team.street == ""
        assert {"seat-quota", "team-relatives"} <= rules(team)
        assert not rules(team) & {"street-written-apart", "street-undecided"}


# ---- which street is meant cannot be told: undecided, never two passing halves ----


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_community_under_a_street_and_a_town_of_one_name_is_undecided(tmp_path: Path, jobs: int) -> None:
    # 东湖街道 and 东湖镇: two places, or a town made a street and written both ways.
    path = community_roster(tmp_path, f1_rows("东湖街道", "东湖镇"))
    report = check([path], communities=seats_file(tmp_path), lang="en", jobs=jobs)
    assert [t.street for t in report.teams] == ["东湖街道", "东湖镇"]  # each judged as written
    for team in report.teams:
        seats = found(team, "seat-quota")
        assert seats.severity == "review" and seats.evidence["unknown"] == ["street"]
        assert seats.message == (
            "Seats above the approved count: could not be decided (whether 东湖街道, 东湖镇 are one street is not "
            "known): judged as written, it passes; as one team, seats above the approved count: party committee "
            "5/3, residents' committee 1/3; no increase without approval"
        )
        assert found(team, "team-relatives").evidence["unknown"] == ["street"]
        assert found(team, "street-undecided").message.startswith(
            "青松社区 is written under 东湖街道, 东湖镇, and whether they are one street cannot be told"
        )
        assert "relative-not-on-team" not in rules(team)  # 甲一 is on the community under the other street
    assert "community-written-apart" not in input_rules(report)  # said on the teams
    result = CliRunner().invoke(app, ["check", str(path), "--communities", str(seats_file(tmp_path))])
    assert result.exit_code == 1, result.stdout


def test_a_street_written_by_its_own_name_beside_two_kinds_of_it_is_undecided(tmp_path: Path) -> None:
    rows = [*f1_rows("东湖街道", "东湖镇"), ("己六", "男", "东湖", "党支部委员", "")]
    report = check([community_roster(tmp_path, rows)], communities=seats_file(tmp_path))
    assert [t.street for t in report.teams] == ["东湖街道", "东湖镇", "东湖"]
    for team in report.teams:
        assert found(team, "seat-quota").evidence["unknown"] == ["street"]
        assert "street-undecided" in rules(team)


def test_a_village_relative_across_two_kinds_of_township_is_undecided_and_fails(tmp_path: Path) -> None:
    path = village_roster(tmp_path, ("青山镇", "青山乡"))
    report = check([path], "village-2021", communities=seats_file(tmp_path, VILLAGE_SEATS))
    for team in report.teams:
        relatives = found(team, "team-relatives")
        assert relatives.severity == "review"  # 不能提名 undecided is to be looked at, never a pass
        assert "刘芳—李建华" in relatives.message


def test_spellings_voting_on_two_days_are_undecided_not_joined(tmp_path: Path) -> None:
    # 东湖 on the run's day, 东湖街道 on its own: which day the community votes on is not known either.
    path = community_roster(
        tmp_path,
        f1_rows("东湖街道", "东湖"),
        header=HEADER.replace("亲属\n", "亲属,选举日期\n"),
    )
    text = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join([text[0], *(line + (",2006-09-28" if i < 3 else ",") for i, line in enumerate(text[1:]))])
        + "\n",
        encoding="utf-8",
    )
    report = check([path], communities=seats_file(tmp_path, SEATS.replace("2006-09-30,", ",")))
    assert [t.street for t in report.teams] == ["东湖街道", "东湖"]
    assert all("street-undecided" in rules(t) for t in report.teams)
    assert all(found(t, "seat-quota").evidence["unknown"] == ["street"] for t in report.teams)


# ---- the words are the rule set's ----


def test_the_rule_sets_street_words_decide_which_spellings_are_one(tmp_path: Path) -> None:
    rules_file = tmp_path / "county.yaml"
    rules_file.write_text(
        "extends: community-2006\nname: county\nversion: '1'\n"
        "vocabularies:\n  places:\n    street_words: {街道: [街道, 街道办事处]}\n",
        encoding="utf-8",
    )
    path = community_roster(tmp_path, f1_rows("东湖街道", "东湖街道党工委"))
    report = check([path], rules_file, communities=seats_file(tmp_path))
    assert [t.street for t in report.teams] == ["东湖街道", "东湖街道党工委"]  # 党工委 is no word of its
    joined = check(
        [community_roster(tmp_path, f1_rows("东湖街道", "东湖街道办事处"), "g.csv")],
        rules_file,
        communities=seats_file(tmp_path),
    )
    [team] = joined.teams
    assert "seat-quota" in rules(team)


def _township(tmp_path: Path, county_places: str, township_places: str) -> Path:
    """A township's rule file that extends its county's, which extends community-2006, each writing `places`."""
    (tmp_path / "county.yaml").write_text(
        f"extends: community-2006\nname: county\nversion: '1'\nvocabularies:\n  places:\n{county_places}",
        encoding="utf-8",
    )
    rules_file = tmp_path / "township.yaml"
    rules_file.write_text(
        f"extends: county.yaml\nname: township\nversion: '1'\nvocabularies:\n  places:\n{township_places}",
        encoding="utf-8",
    )
    return rules_file


def test_a_child_writing_places_without_street_words_keeps_its_parents(tmp_path: Path) -> None:
    # Replaced whole, `places: {street: 乡镇}` gave the default words: 东湖街道党工委 joined 东湖街道 again, against
    # the county's list the township's file builds on.
    from eligibility import load_ruleset

    rules_file = _township(tmp_path, "    street_words: {街道: [街道, 街道办事处]}\n", "    street: 乡镇\n")
    places = load_ruleset(rules_file).file.vocabularies.places
    assert (places.street, places.community) == ("乡镇", "社区")
    assert places.street_words == {"街道": ["街道", "街道办事处"]}
    path = community_roster(tmp_path, f1_rows("东湖街道", "东湖街道党工委"))
    report = check([path], rules_file, communities=seats_file(tmp_path))
    assert [t.street for t in report.teams] == ["东湖街道", "东湖街道党工委"]


def test_a_child_writing_street_words_replaces_its_parents_whole(tmp_path: Path) -> None:
    # Each key of places is the child's when written: {} still compares streets as written.
    from eligibility import load_ruleset

    rules_file = _township(
        tmp_path, "    street: 乡镇\n    street_words: {街道: [街道, 街道办事处]}\n", "    street_words: {}\n"
    )
    places = load_ruleset(rules_file).file.vocabularies.places
    assert (places.street, places.street_words) == ("乡镇", {})


def test_a_childs_mistake_in_places_is_said_at_its_line(tmp_path: Path) -> None:
    # At the header's line in the child, neither the parent's places nor the first line of the child's.
    from eligibility import load_ruleset
    from eligibility.errors import RuleSetError

    rules_file = _township(
        tmp_path,
        "    street_words: {街道: [街道, 街道办事处]}\n",
        "    street_words: {街道: [街道]}\n    street: 小区\n",
    )
    with pytest.raises(RuleSetError) as raised:
        load_ruleset(rules_file)
    assert raised.value.location.path.endswith("township.yaml")
    assert raised.value.location.line == 7


def test_a_street_word_of_two_kinds_is_refused(tmp_path: Path) -> None:
    from eligibility import load_ruleset
    from eligibility.errors import RuleSetError

    rules_file = tmp_path / "county.yaml"
    rules_file.write_text(
        "extends: community-2006\nname: county\nversion: '1'\n"
        "vocabularies:\n  places:\n    street_words: {街道: [街道, 办事处], 镇: [镇, 办事处]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleSetError) as raised:
        load_ruleset(rules_file)
    assert "办事处 is listed under both 街道 and 镇" in raised.value.message("en")


def test_the_bundled_rule_sets_give_their_street_words() -> None:
    from eligibility import load_ruleset
    from eligibility.ruleset.model import STREET_WORDS

    for name in ("community-2006", "village-2021"):
        words = load_ruleset(name).file.vocabularies.places.street_words
        assert {kind: set(listed) for kind, listed in words.items()} == {
            kind: set(listed) for kind, listed in STREET_WORDS.items()
        }
