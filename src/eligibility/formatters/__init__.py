"""Output formats: an enum of the choices and one formatter module each behind one interface."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from eligibility.formatters.interface import Formatter, Options


class OutputFormat(StrEnum):
    """The values of `--format`."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    csv_candidates = "csv-candidates"
    markdown = "markdown"
    junit = "junit"
    sarif = "sarif"
    github = "github"
    html = "html"
    xlsx = "xlsx"


# The format an output file's name asks for, when --format is not given: -o report.json writes JSON.
FORMAT_OF_SUFFIX = {
    ".json": OutputFormat.json,
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".csv": OutputFormat.csv,
    ".md": OutputFormat.markdown,
    ".xml": OutputFormat.junit,
    ".sarif": OutputFormat.sarif,
    ".html": OutputFormat.html,
    ".htm": OutputFormat.html,
    ".xlsx": OutputFormat.xlsx,
}


# Longer endings first: results.sarif.json is SARIF, as GitHub's code scanning names it, not plain JSON.
_FORMAT_OF_ENDING = {
    ".sarif.json": OutputFormat.sarif,
    ".markdown": OutputFormat.markdown,
    ".jsonlines": OutputFormat.jsonl,
    **FORMAT_OF_SUFFIX,
}
# Endings of a data file no format writes: a table's text under such a name opens as a broken sheet.
# WPS's own (.et, .wps, .dps) are as common in the offices as Excel's and Word's.
NO_FORMAT_WRITES = (
    *(".tsv", ".xls", ".xlsm", ".xlsb", ".ods", ".et", ".ett"),
    *(".doc", ".docx", ".wps", ".wpt", ".odt", ".rtf", ".pdf", ".ppt", ".pptx", ".dps", ".yaml", ".yml"),
)


def format_of(name: str) -> OutputFormat | None:
    """The format an output file's name asks for (None: the name says nothing, and the table is written)."""
    lowered = name.lower()
    return next((chosen for end, chosen in _FORMAT_OF_ENDING.items() if lowered.endswith(end)), None)


def formatter_for(choice: OutputFormat) -> Formatter:
    """The formatter of a format; each module is imported on use so start-up stays light."""
    match choice:
        case OutputFormat.table:
            from eligibility.formatters.table import TableFormatter

            return TableFormatter()
        case OutputFormat.json:
            from eligibility.formatters.json import JsonFormatter

            return JsonFormatter()
        case OutputFormat.jsonl:
            from eligibility.formatters.jsonl import JsonlFormatter

            return JsonlFormatter()
        case OutputFormat.csv:
            from eligibility.formatters.csv import CsvFindingsFormatter

            return CsvFindingsFormatter()
        case OutputFormat.csv_candidates:
            from eligibility.formatters.csv import CsvCandidatesFormatter

            return CsvCandidatesFormatter()
        case OutputFormat.markdown:
            from eligibility.formatters.markdown import MarkdownFormatter

            return MarkdownFormatter()
        case OutputFormat.junit:
            from eligibility.formatters.junit import JunitFormatter

            return JunitFormatter()
        case OutputFormat.sarif:
            from eligibility.formatters.sarif import SarifFormatter

            return SarifFormatter()
        case OutputFormat.github:
            from eligibility.formatters.github import GithubFormatter

            return GithubFormatter()
        case OutputFormat.html:
            from eligibility.formatters.html import HtmlFormatter

            return HtmlFormatter()
        case OutputFormat.xlsx:
            from eligibility.formatters.xlsx import XlsxFormatter

            return XlsxFormatter()
        case _:
            assert_never(choice)


__all__ = ["Formatter", "Options", "OutputFormat", "formatter_for"]
