"""CSV: one row per finding (`csv`) or one row per candidate (`csv-candidates`), safe to open in Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import ClassVar

from eligibility.formatters.common import Cell, candidate_table, finding_table, neutralise, places_of
from eligibility.formatters.interface import Options
from eligibility.report import Report


def _table(header: list[str], rows: Iterable[list[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise("" if cell is None else str(cell)) for cell in row] for row in rows)
    return buffer.getvalue()


class CsvFindingsFormatter:
    """`--format csv`: every finding with its candidate or team and where in which file it is."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return _table(*finding_table(report, options.lang, places_of(report, options)))


class CsvCandidatesFormatter:
    """`--format csv-candidates`: every candidate once, with status and the rules that fired."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return _table(*candidate_table(report, options.lang, places_of(report, options)))
