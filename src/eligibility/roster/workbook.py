"""Excel workbooks (.xlsx) read with python-calamine: every sheet that looks like a roster, or the one asked for."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from python_calamine import CalamineWorkbook

from eligibility.candidate import RowSource
from eligibility.errors import Location, RosterError
from eligibility.roster.columns import Column, HeaderMap
from eligibility.roster.readers import Note, RawRecord, Table, find_header, require_rows
from eligibility.roster.sources import Input


def workbook_tables(source: Input, columns: tuple[Column, ...], sheet: str | None) -> list[Table]:
    """One table per roster-like sheet; a sheet that is not one is named in a note, never silently passed over."""
    where = Location(source.shown)
    try:
        if source.data is not None:
            book = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
        else:
            assert source.path is not None
            book = CalamineWorkbook.from_path(str(source.path))
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
    except Exception as err:  # calamine raises its own error types for corrupt archives
        raise RosterError(
            "file-parse", where, reason=str(err).splitlines()[0] if str(err) else type(err).__name__
        ) from err
    if sheet is not None:
        if sheet not in names:
            raise RosterError("sheet-missing", where, sheet=sheet, sheets="、".join(names))
        names = [sheet]
    tables: list[Table] = []
    skipped: list[tuple[str, RosterError]] = []
    for name in names:
        try:
            tables.append(_sheet_table(source, book, name, columns))
        except RosterError as not_read:
            if sheet is not None or len(names) == 1:
                raise
            skipped.append((name, not_read))
    if not tables:
        # A roster sheet with a header and no rows says more than "no roster here".
        empty = next((problem for _, problem in skipped if problem.key == "file-no-rows"), None)
        raise empty or RosterError("no-roster-sheet", where, sheets="、".join(names))
    for name, problem in skipped:
        reason = problem.message("en").split(": ", 1)[-1]  # the sheet is named already; keep what is wrong
        tables[0].notes.append(Note("sheet-skipped", "info", (("sheet", name), ("reason", reason))))
    return tables


def _sheet_table(source: Input, book: Any, name: str, columns: tuple[Column, ...]) -> Table:
    sheet = book.get_sheet_by_name(name)
    shown = f"{source.shown}#{name}"
    first_column = sheet.start[1] if sheet.start else 0
    rows = enumerate(sheet.iter_rows(), start=1)  # calamine pads rows above the data, so row i is sheet row i
    header_line, headers, header = find_header(rows, columns, shown)
    records = _sheet_rows(rows, source.shown, name, header, len(headers))
    return Table(
        source.shown,
        "xlsx",
        header,
        require_rows(records, shown, header_line),
        sheet=name,
        header_line=header_line,
        first_column=first_column,
    )


def _sheet_rows(
    rows: Iterator[tuple[int, list[Any]]], shown: str, sheet: str, header: HeaderMap, width: int
) -> Iterator[RawRecord]:
    number = 0
    for line, row in rows:
        if all(cell == "" or cell is None for cell in row):
            continue
        number += 1
        cells = {name: row[i] if i < len(row) else "" for name, i in header.index.items()}
        yield RawRecord(RowSource(shown, number, line, sheet), cells)
