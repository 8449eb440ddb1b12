"""SARIF 2.1.0: each finding a result located at its roster row, each rule described with its clause."""

from __future__ import annotations

import json
from typing import Any, ClassVar
from urllib.parse import quote

from eligibility import __version__
from eligibility.formatters.common import finding_rows, level
from eligibility.formatters.interface import Options
from eligibility.report import Finding, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifFormatter:
    """`--format sarif`: for code-scanning dashboards; results point at the file, line and column of the cell."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        rules: dict[str, dict[str, Any]] = {}
        results: list[dict[str, Any]] = []
        for row in finding_rows(report, options.lang):
            finding = row.finding
            if finding.rule not in rules:
                rules[finding.rule] = _rule(finding, len(rules))
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": rules[finding.rule]["_index"],
                "level": level(finding, options.fail_on),
                "message": {"text": _message(row.name, finding)},
                "locations": [_location(row.path, row.line, finding, row.sheet)],
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
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(finding: Finding, index: int) -> dict[str, Any]:
    rule: dict[str, Any] = {"_index": index, "id": finding.rule, "name": finding.rule}
    if finding.source is not None:
        rule["shortDescription"] = {"text": f"{finding.source.document} {finding.source.clause}"}
        rule["fullDescription"] = {"text": finding.source.quote}
        rule["properties"] = {"document": finding.source.document, "clause": finding.source.clause}
    else:
        rule["shortDescription"] = {"text": finding.rule}
    return rule


def _message(name: str, finding: Finding) -> str:
    return f"{name}: {finding.message}" if name else finding.message


def _location(path: str, line: int | None, finding: Finding, sheet: str | None = None) -> dict[str, Any]:
    # A URI reference: a space, a # (名册 A#1.csv) or a Chinese name percent-encoded, as SARIF viewers read it.
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(path, safe="/")}}
    if line is not None:
        # The line alone: SARIF counts a column in characters of the line, and a cell's column (D in D12) is
        # not that; the cell stands in the result's properties, with the evidence.
        physical["region"] = {"startLine": line}
    location: dict[str, Any] = {"physicalLocation": physical}
    if sheet:
        # A workbook's line is a row of one sheet: the sheet is where within the file (候选人!12).
        name = f"{sheet}!{line}" if line is not None else sheet
        location["logicalLocations"] = [{"name": name, "kind": "element"}]
    return location
