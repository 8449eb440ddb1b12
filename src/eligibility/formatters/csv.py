"""CSV: one row per finding (`csv`) or one row per candidate (`csv-candidates`), safe to open in Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import ClassVar

from eligibility.formatters.common import finding_rows, neutralise, severity_label, status_label
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import Report


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _labels(lang: Lang, *keys: str) -> list[str]:
    return [say(f"label-{key}", lang) for key in keys]


class CsvFindingsFormatter:
    """`--format csv`: every finding with its candidate or team and where in which file it is."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang = options.lang
        header = _labels(
            lang,
            "scope",
            "path",
            "sheet",
            "row",
            "line",
            "cell",
            "column",
            "name",
            "id",
            "street",
            "community",
            "roles",
            "status",
            "rule",
            "severity",
            "message",
            "document",
            "clause",
            "approval",
        )
        rows = (
            [
                say(f"label-scope-{row.scope}", lang),
                row.path,
                row.sheet or "",
                _text(row.row),
                _text(row.line),
                row.cell,
                str(row.finding.evidence.get("column", "")),
                row.name,
                row.id_number,
                row.street,
                row.community,
                row.roles,
                status_label(row.status, lang) if row.status else "",
                row.finding.rule,
                severity_label(row.finding, lang),
                row.finding.message,
                row.finding.source.document if row.finding.source else "",
                row.finding.source.clause if row.finding.source else "",
                row.finding.approval.reference if row.finding.approval else "",
            ]
            for row in finding_rows(report, lang)
        )
        return _table(header, rows)


class CsvCandidatesFormatter:
    """`--format csv-candidates`: every candidate once, with status and the rules that fired."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang = options.lang
        joiner = "、" if lang == "zh" else ", "
        header = _labels(
            lang,
            "path",
            "sheet",
            "row",
            "line",
            "name",
            "id",
            "street",
            "community",
            "roles",
            "status",
            "findings",
            "rules",
        )
        rows = (
            [
                c.source.path,
                c.source.sheet or "",
                str(c.source.row),
                _text(c.source.line),
                c.name,
                c.id_number or "",
                c.street,
                c.community,
                joiner.join(c.roles),
                status_label(c.status, lang),
                str(len(c.findings)),
                " ".join(f.rule for f in c.findings),
            ]
            for c in report.candidates
        )
        return _table(header, rows)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
