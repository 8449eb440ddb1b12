"""SARIF 2.1.0: each finding a result at its roster row (and workbook cell), each rule described with its clause."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, ClassVar
from urllib.parse import quote

from eligibility import __version__
from eligibility.formatters.common import (
    Row,
    finding_rows,
    in_repository,
    level,
    places_of,
    severity_level,
)
from eligibility.formatters.interface import Options
from eligibility.report import FailOn, Finding, Report, RuleInfo
from eligibility.roster.normalise import mask_id, mask_ids, mask_name

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifFormatter:
    """`--format sarif`: for code-scanning dashboards; results point at the file and line, and a workbook's at the cell."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        rules: dict[str, dict[str, Any]] = {}
        results: list[dict[str, Any]] = []
        described = {rule.id: rule for rule in report.rules}
        for row in finding_rows(report, options.lang, places_of(report, options)):
            finding = row.finding
            if finding.rule not in rules:
                rules[finding.rule] = _rule(finding, len(rules), described.get(finding.rule), options.fail_on)
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": rules[finding.rule]["_index"],
                "level": level(finding, options.fail_on),
                "message": {"text": _message(row.name, finding)},
                "locations": [_location(in_repository(row.path), row.line, finding, row.sheet)],
                "partialFingerprints": {"eligibilityFinding/v1": _fingerprint(row)},
                "properties": {
                    "severity": finding.severity,
                    "scope": row.scope,
                    "street": row.street,
                    "community": row.community,
                    "evidence": finding.evidence,
                },
            }
            if finding.approval is not None and finding.approval.counted:
                result["suppressions"] = [{"kind": "external", "justification": finding.approval.reference}]
            results.append(result)
        driver = {
            "name": "eligibility",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": "https://pypi.org/project/eligibility/",
            "rules": [{k: v for k, v in rule.items() if k != "_index"} for rule in rules.values()],
            "properties": {
                "ruleset": report.ruleset.model_dump(),
                "election_date": report.election_date.isoformat(),
            },
        }
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }
        if report.ruleset.warnings:
            # Notes on the tool's configuration, as SARIF holds them: the rule file's slips, at their lines,
            # never a result (they fail no run).
            run["invocations"] = [
                {"executionSuccessful": True, "toolConfigurationNotifications": _notifications(report)}
            ]
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(finding: Finding, index: int, described: RuleInfo | None, fail_on: FailOn) -> dict[str, Any]:
    """A rule as code scanning lists it: its title, the clause it comes from and its words, and the level its
    findings have at this run's --fail-on. A check of the data itself (id-number-checksum) has no clause."""
    rule: dict[str, Any] = {"_index": index, "id": finding.rule, "name": finding.rule}
    title = described.title if described is not None else finding.rule
    rule["shortDescription"] = {"text": title}
    severity = described.severity if described is not None else finding.severity
    rule["defaultConfiguration"] = {"level": severity_level(severity, fail_on)}
    rule["properties"] = {"severity": severity}
    if finding.source is not None:
        cited = f"{finding.source.document} {finding.source.clause}"
        rule["fullDescription"] = {"text": finding.source.quote}
        rule["help"] = {"text": f"{title}\n{cited}：“{finding.source.quote}”"}
        rule["properties"] |= {"document": finding.source.document, "clause": finding.source.clause}
    return rule


def _fingerprint(row: Row) -> str:
    """The same finding of the same person (or team, or file) from run to run, wherever the row moves, so code
    scanning follows it rather than closing one alert and opening another when a row is added above."""
    # An ID number by its masked form, whether or not the run shows it whole: with --show-pii switched, every
    # alert of a candidate was closed and opened again (helper-70).
    # A name, street or community as a run without the flag shows it: an ID number typed into one (helper-78).
    if row.scope == "candidate":
        who: tuple[str, ...] = (
            *map(mask_name, (row.street, row.community, row.name)),
            mask_id(row.id_number),
        )
    elif row.scope == "team":
        who = (mask_name(row.street), mask_name(row.community))
    else:
        # By what it says of the file, not its message: the message is in the run's language, and a CI that
        # switched --lang saw each alert closed and opened again (helper-66).
        # Its path and sheet masked too: a file named by an ID number (helper-71).
        said = json.dumps(row.finding.evidence, ensure_ascii=False, sort_keys=True, default=str)
        who = tuple(mask_ids(text) for text in (row.path, row.sheet or "", said))
    text = "\x1f".join((row.finding.rule, row.scope, *who))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _message(name: str, finding: Finding) -> str:
    return f"{name}: {finding.message}" if name else finding.message


def _location(path: str, line: int | None, finding: Finding, sheet: str | None = None) -> dict[str, Any]:
    # A URI reference: a space, a # (名册 A#1.csv) or a Chinese name percent-encoded, as SARIF viewers read it.
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(path, safe="/")}}
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        # In a workbook the line is the sheet row, and the cell's column (D in 候选人!D12) is the other half of
        # where it is. In a text file (CSV) SARIF counts a column in characters of the line, which column D is
        # not: it highlighted the wrong text there (ef04a6b), so a CSV result keeps the line alone, and the cell
        # stands in its properties, with the evidence.
        column = _cell_column(finding, line) if sheet else None
        if column is not None:
            region["startColumn"] = column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if sheet:
        # A workbook's line is a row of one sheet: the sheet is where within the file (候选人!12).
        name = f"{sheet}!{line}" if line is not None else sheet
        location["logicalLocations"] = [{"name": name, "kind": "element"}]
    return location


_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")


def _cell_column(finding: Finding, line: int) -> int | None:
    """The 1-based column number of the cell a finding names (候选人!AB12 -> 28), if it is on the row the result
    is located at; None for a finding that names no cell, or one elsewhere (the region would point at another)."""
    reference = str(finding.evidence.get("cell", "")).rsplit("!", 1)[-1]  # a sheet's name may hold a !
    cell = _CELL.fullmatch(reference)
    if cell is None or int(cell[2]) != line:
        return None
    number = 0
    for letter in cell[1]:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _notifications(report: Report) -> list[dict[str, Any]]:
    """The rule file's warnings as SARIF's notifications, each at the rule file's line and column."""
    notes = []
    for note in report.ruleset.warnings:
        physical: dict[str, Any] = {"artifactLocation": {"uri": quote(in_repository(note.path), safe="/")}}
        if note.line is not None:
            physical["region"] = {"startLine": note.line}
            if note.column is not None:
                physical["region"]["startColumn"] = note.column
        notes.append(
            {
                "descriptor": {"id": note.rule},
                "level": "warning",
                "message": {"text": note.message},
                "locations": [{"physicalLocation": physical}],
            }
        )
    return notes
