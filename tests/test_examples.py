"""The bundled examples: every rule of community-2006 fires somewhere and stays quiet somewhere else."""

from __future__ import annotations

from eligibility import check, load_ruleset

from conftest import EXAMPLES


def example_report():  # type: ignore[no-untyped-def]
    return check(
        [EXAMPLES / "roster.csv"],
        communities=EXAMPLES / "communities.csv",
        approvals=EXAMPLES / "approvals.csv",
    )


def test_every_rule_fires_and_stays_quiet_in_the_example() -> None:
    report = example_report()
    policy = load_ruleset()
    fired_for_candidates = [{f.rule for f in c.findings} for c in report.candidates]
    fired_for_teams = [{f.rule for f in t.findings} for t in report.teams]
    assert len(report.teams) >= 3
    assert report.not_checked == []
    for rule in policy.candidate_rules:
        assert any(rule.id in fired for fired in fired_for_candidates), rule.id
        assert any(rule.id not in fired for fired in fired_for_candidates), rule.id
    for rule in policy.team_rules:
        assert any(rule.id in fired for fired in fired_for_teams), rule.id
        assert any(rule.id not in fired for fired in fired_for_teams), rule.id


def test_example_statuses_and_approvals() -> None:
    report = example_report()
    status = {c.name: c.status for c in report.candidates}
    assert status["陈建国"] == "eligible"  # principal-age approved in advance
    assert status["张国强"] == "review"  # approval expired before election day
    assert status["钱德明"] == "review"  # approval dated after election day
    assert status["朱大勇"] == status["许军"] == "invalid"
    approvals = [f.approval for c in report.candidates for f in c.findings if f.approval]
    assert [a.counted for a in approvals] == [True, False, False]


def test_example_id_numbers_are_synthetic_and_valid_but_one() -> None:
    report = check([EXAMPLES / "roster.csv"], show_pii=True)
    broken = [c.name for c in report.candidates if any(f.rule.startswith("id-number") for f in c.findings)]
    assert broken == ["朱大勇"]
    # Synthetic: sequence numbers this project chose (010 upwards), never a real person's.
    assert all(int(c.id_number[14:17]) >= 10 for c in report.candidates if c.id_number)


def test_the_village_examples_remarks_show_a_remark_that_warns_and_one_refuted() -> None:
    # Its 备注: a sanction written there where its column says 否 warns (the officer verifies the column), an
    # accusation a later clause says is untrue does not; neither changes a status.
    report = check(
        [EXAMPLES / "village-2021" / "roster.csv"],
        ruleset="village-2021",
        communities=EXAMPLES / "village-2021" / "communities.csv",
    )
    remarks = {
        c.name: [f.rule for f in c.findings if f.rule.startswith("remark-")] for c in report.candidates
    }
    status = {c.name: c.status for c in report.candidates}
    assert remarks["王秀兰"] == ["remark-sanction-in-effect"] and status["王秀兰"] == "eligible"
    assert remarks["李建华"] == [] and status["李建华"] == "eligible"
    assert [name for name, fired in remarks.items() if fired] == ["王秀兰"]
