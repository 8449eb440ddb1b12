"""An Excel workbook: candidates with a coloured status, findings, teams and the rules applied."""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable
from typing import Any, ClassVar

from eligibility.formatters.common import (
    STATUS_COLUMN,
    approval_text,
    candidate_table,
    column_labels,
    finding_table,
    places_of,
    severity_code,
    severity_label,
    starts_formula,
    summary_line,
    title_line,
    verdict_line,
)
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import Report

FILLS = {"eligible": "C8E6C9", "review": "FFF59D", "ineligible": "FFCDD2", "invalid": "E1BEE7"}
# The columns that hold sentences, wrapped within their width and read from the top: on one line, a message
# longer than its column was cut off at the next filled cell.
LONG_TEXT = ("rules", "title", "message", "document", "clause", "quote", "approval")


class XlsxFormatter:
    """`--format xlsx` (with --output): the workbook a street officer sorts, filters and sends back."""

    binary: ClassVar[bool] = True

    def format(self, report: Report, options: Options) -> bytes:
        from openpyxl import Workbook  # imported on use: only this format needs it

        lang = options.lang
        places = places_of(report, options)
        long_text = frozenset(_labels(lang, *LONG_TEXT))
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = say("label-candidates", lang)
        _fill(sheet, *candidate_table(report, lang, places), wrapped=long_text)
        from openpyxl.styles import PatternFill

        for index, candidate in enumerate(report.candidates, start=2):
            sheet.cell(row=index, column=STATUS_COLUMN + 1).fill = PatternFill(
                "solid", fgColor=FILLS[candidate.status]
            )
        _fill(
            book.create_sheet(say("label-findings-sheet", lang)),
            *finding_table(report, lang, places),
            wrapped=long_text,
        )
        teams = book.create_sheet(say("label-teams", lang))
        _fill(
            teams,
            column_labels(
                (
                    "street",
                    "community",
                    "election-day",
                    "members",
                    "rule",
                    "severity",
                    "message",
                    "document",
                    "clause",
                    "approval",
                    "severity-code",
                ),
                lang,
                places,
            ),
            _team_rows(report, lang),
            wrapped=long_text,
        )

        rules = book.create_sheet(say("label-applied-rules", lang))
        _fill(
            rules,
            _labels(lang, "rule", "title", "severity", "scope", "document", "clause", "quote"),
            (
                [
                    r.id,
                    r.title,
                    say(f"severity-{r.severity}", lang),
                    say(f"label-scope-{r.scope}", lang),
                    r.source.document,
                    r.source.clause,
                    r.source.quote,
                ]
                for r in report.rules
            ),
            wrapped=long_text,
        )
        # What the terminal heads and ends with: the title, the counts and how many rules were not checked (see
        # summary_line), and the verdict, so the workbook sent on to the township says it (helper-64).
        title = title_line(report, lang)
        summary = say("label-summary", lang)
        _fill(
            book.create_sheet(summary),
            [summary],
            [[title], [summary_line(report, lang)], [verdict_line(report, options.fail_on, lang)]],
            wrapped={summary},
        )
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def _labels(lang: Lang, *keys: str) -> list[str]:
    return [say(f"label-{key}", lang) for key in keys]


def _team_rows(report: Report, lang: Lang) -> Iterable[list[Any]]:
    for team in report.teams:
        members = team.profile.members if team.profile else ""
        # Each community's own day, which the title's need not be: the workbook sent on named only the run's
        # (helper-89), and its ages were counted to the community's.
        day = (team.election_date or report.election_date).isoformat()
        if not team.findings:
            yield [team.street, team.community, day, members, "", "", "", "", "", "", ""]
        for finding in team.findings:
            # The clause and the approval, as the 审查意见 sheet and the terminal give them for a team's finding.
            yield [
                team.street,
                team.community,
                day,
                members,
                finding.rule,
                severity_label(finding, lang),
                finding.message,
                finding.source.document if finding.source else "",
                finding.source.clause if finding.source else "",
                approval_text(finding, lang),
                severity_code(finding),  # as the 审查意见 sheet ends: the same in either language (helper-68)
            ]


def _fill(sheet: Any, header: list[str], rows: Iterable[list[Any]], wrapped: Collection[str] = ()) -> None:
    """Header in bold, frozen and filtered; text cells stored as text, as written, so nothing in them runs as a
    formula; the columns headed as in `wrapped` wrap their text."""
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    widths = [len(h) * 2 + 2 for h in header]
    # One Alignment for every wrapped cell: the workbook keeps each distinct style once.
    wrap = Alignment(wrap_text=True, vertical="top")
    wrapped_columns = [index for index, label in enumerate(header, start=1) if label in wrapped]
    for number, row in enumerate(rows, start=2):
        # A control character (pasted from another system) has no place in a workbook's XML: shown as U+FFFD,
        # as bytes that cannot be read are, rather than failing the whole report.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in row])
        for index, value in enumerate(row):
            text = "" if value is None else str(value)
            widths[index] = max(widths[index], min(60, sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2))
            if isinstance(value, str) and (starts_formula(value) or value in ERROR_CODES):
                # openpyxl makes =1+1 a formula and #N/A an error. A string cell is never calculated, and its
                # quote prefix keeps it text when the cell is edited: a ' written into the text showed, and made
                # the name another to a filter or a search.
                cell = sheet.cell(row=number, column=index + 1)
                cell.data_type = "s"
                cell.quotePrefix = True
        for column in wrapped_columns:
            sheet.cell(row=number, column=column).alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
