"""JUnit XML: a test suite per community, a test case per candidate and per team, failing where the run fails."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import ClassVar

from eligibility.formatters.common import (
    fails,
    in_repository,
    not_checked_finding,
    places_of,
    rule_file_notes,
    severity_label,
    status_label,
    team_key,
    team_name,
    teams_by_place,
)
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import FailOn, Finding, Report


class JunitFormatter:
    """`--format junit`: CI systems show failed candidates as failed tests, with their findings as the reason."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang, fail_on = options.lang, options.fail_on
        root = ET.Element("testsuites", name=f"eligibility {report.ruleset.name}")
        suites: dict[tuple[str, str], ET.Element] = {}

        def suite(street: str, community: str) -> ET.Element:
            if (street, community) not in suites:
                suites[(street, community)] = ET.SubElement(
                    root, "testsuite", name=team_name(street, community, lang) or "-"
                )
            return suites[(street, community)]

        teams = teams_by_place(report)
        for c in report.candidates:
            case = ET.SubElement(
                suite(*team_key(c, teams)),
                "testcase",
                name=f"{c.name} ({c.id_number or '-'})",
                classname=f"{_place(c.source.path, c.source.sheet)}:{c.source.line or c.source.row}",
                file=in_repository(c.source.path),
                line=str(c.source.line or c.source.row),
            )
            _verdict(case, c.findings, fail_on, lang, status_label(c.status, lang, c.findings))
        for team in report.teams:
            case = ET.SubElement(
                suite(team.street, team.community),
                "testcase",
                name=say("label-scope-team", lang),
                classname=team_name(team.street, team.community, lang),
            )
            _verdict(case, team.findings, fail_on, lang, "")
        # A file's own findings and the rules it could not be checked by fail a run too: a test case each, or a
        # CI job would fail with every test passed.
        files: dict[tuple[str, str | None], list[Finding]] = {}
        for read in report.inputs:
            files.setdefault((read.path, read.sheet), []).extend(read.findings)
        for missing in report.not_checked:
            files.setdefault((missing.path, missing.sheet), []).append(
                not_checked_finding(missing, lang, places_of(report, options))
            )
        for (path, sheet), findings in files.items():
            if findings:
                case = ET.SubElement(
                    suite("", say("label-inputs", lang)),
                    "testcase",
                    name=f"{path}#{sheet}" if sheet else path,
                    classname=path,
                    file=in_repository(path),
                )
                _verdict(case, findings, fail_on, lang, "")
        # The rule file's warnings, on a case of its own that passes: they fail no run, whatever --fail-on.
        if notes := rule_file_notes(report):
            path = report.ruleset.warnings[0].path
            case = ET.SubElement(
                suite("", say("label-inputs", lang)),
                "testcase",
                name=path,
                classname=path,
                file=in_repository(path),
            )
            _verdict(case, [f for _, f in notes], "never", lang, "")
        for element in suites.values():
            cases = element.findall("testcase")
            element.set("tests", str(len(cases)))
            element.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
            element.set("errors", "0")
            element.set("skipped", "0")
        root.set("tests", str(sum(int(e.get("tests", "0")) for e in suites.values())))
        root.set("failures", str(sum(int(e.get("failures", "0")) for e in suites.values())))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _verdict(case: ET.Element, findings: list[Finding], fail_on: FailOn, lang: Lang, status: str) -> None:
    failing = [f for f in findings if fails(f, fail_on)]
    text = "\n".join(f"[{severity_label(f, lang)}] {f.rule}: {f.message}" for f in findings)
    if failing:
        failure = ET.SubElement(
            case, "failure", message=f"{status} {failing[0].message}".strip(), type=failing[0].rule
        )
        failure.text = text
    elif findings:
        ET.SubElement(case, "system-out").text = text


def _place(path: str, sheet: str | None) -> str:
    """A file, or a workbook's sheet in it (名册.xlsx#候选人): a row number alone is on every sheet."""
    return f"{path}#{sheet}" if sheet else path
