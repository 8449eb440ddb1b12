"""GitHub Actions workflow commands: an annotation on the roster's row for each finding."""

from __future__ import annotations

from typing import ClassVar

from eligibility.formatters.common import (
    finding_rows,
    in_repository,
    level,
    places_of,
    summary_line,
    verdict_line,
)
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import Report

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter:
    """`--format github` (chosen by itself under GitHub Actions): `::error file=…,line=…::message` lines."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        out = []
        for row in finding_rows(report, options.lang, places_of(report, options)):
            finding = row.finding
            parts = [f"file={_property(in_repository(row.path))}"]
            if row.line is not None:
                parts.append(f"line={row.line}")
            who = row.name or f"{row.street}{row.community}"
            # GitHub places an annotation by file and line; a workbook's sheet goes in its title (候选人!12).
            at = f" {row.sheet}!{row.line}" if row.sheet and row.line is not None else ""
            parts.append(f"title={_property(f'{finding.rule} {who}{at}'.strip())}")
            out.append(
                f"::{COMMAND[level(finding, options.fail_on)]} {','.join(parts)}::{_data(finding.message)}"
            )
        for note in report.ruleset.warnings:
            # A warning whatever --fail-on: the rule file's slips fail no run.
            parts = [f"file={_property(in_repository(note.path))}"]
            parts += [f"{key}={value}" for key, value in (("line", note.line), ("col", note.column)) if value]
            parts.append(f"title={_property(note.rule)}")
            out.append(f"::warning {','.join(parts)}::{_data(note.message)}")
        out.append(summary_line(report, options.lang))
        out.append(verdict_line(report, options.fail_on, options.lang))
        return "\n".join(out) + "\n"


def error_line(reason: str, path: str | None, line: int | None, lang: Lang) -> str:
    """A check that could not run (exit 2) as an error annotation, on the file it names where that is a file:
    the step's log and the pull request say why, where before only standard error did."""
    parts = [f"file={_property(in_repository(path))}"] if path is not None else []
    if path is not None and line is not None:
        parts.append(f"line={line}")
    parts.append(f"title={_property('eligibility')}")
    return f"::error {','.join(parts)}::{_data(say('verdict-error', lang, reason=reason))}"
