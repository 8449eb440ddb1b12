"""Excel workbooks (.xlsx) read with python-calamine: every sheet that looks like a roster, or the one asked for."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import operator
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

from eligibility.candidate import DataProblem, RowSource
from eligibility.errors import Location, RosterError
from eligibility.messages import Term, listed, say
from eligibility.roster.columns import Column, HeaderMap
from eligibility.roster.readers import (
    NOT_A_NAME,
    Note,
    RawRecord,
    Table,
    also_cells,
    column_letter,
    filled_width,
    find_header,
    footer_in_margin,
    header_again,
    header_words,
    is_header_word,
    margin_columns,
    placed,
    require_rows,
    row_not_a_record,
    rows_above_header,
    said_again,
    second_header_row,
    street_placed,
    text_aside,
    titled_place,
    titles_of,
    unnamed_cells,
    without_community,
)
from eligibility.roster.sources import Input

if TYPE_CHECKING:
    from eligibility.ruleset.vocab import StreetNames

# calamine reads a sheet as one rectangle of 32-byte cells from its first cell to its last, however empty the
# space between: a stray cell at XFD1048576 asks for 512 GiB and the process aborts where no error can be
# caught. A sheet whose rectangle is larger than this is refused before calamine reads it: all 1,048,576 rows of
# a sheet 32 columns wide (1 GiB in calamine), larger than any real roster.
MAX_SHEET_CELLS = 1_048_576 * 32
# The quick look at a sheet, in one pass: a row or cell tag that is not written as Excel writes it (<c r="A1", the
# reference first: other writers may put spaces round the =, another attribute first, or no reference, placing
# the cell by its order), which only reading the XML can measure; or a cell reference from column AA on, or from
# row 1,100,000 on. A sheet with neither is at most 26 × 1,099,999 cells, within MAX_SHEET_CELLS.
_LOOK = re.compile(
    rb'<(?:c|row)(?:(?P<unplaced>[>\t\n\r]| (?!r="))| r="[A-Za-z](?:[A-Za-z]|(?:[2-9][0-9]|1[1-9])[0-9]{5}|[0-9]{8}))'
)
# A cell's reference, in a cell that holds something: a self-closing one (<c r="XFD9" s="3"/>) holds only
# formatting, and calamine leaves it out of the range, so a cell coloured and then emptied far away costs nothing.
_CELL = re.compile(rb' r="([A-Za-z]+)([0-9]+)"[^>/]*>')
_ROW_FIRST = operator.itemgetter(1, 0)
_CHUNK = 1 << 22
# What a damaged archive raises when read: a missing part, a bad checksum or deflate stream, a method or
# encryption zipfile does not support.
_UNREADABLE = (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError)

# The sheet of notes `eligibility template` writes beside the roster.
INSTRUCTIONS_SHEET = "填表说明"


# Columns a settings table shares with many another sheet (a contacts list, the other table of one workbook).
_ANY_SHEETS_COLUMNS = frozenset({"street", "community", "name", "id_number"})


def workbook_tables(
    source: Input,
    columns: tuple[Column, ...],
    sheet: str | None,
    *,
    roster: bool = False,
    streets: StreetNames | None = None,
) -> list[Table]:
    """One table per roster-like sheet; a sheet that is not one is named in a note, never silently passed over.
    `roster`: a sheet with no 社区 column may be named for its community (see readers.place_in_title), and one
    with no 街道 column for its street, as may the workbook (see readers.street_placed)."""
    where = Location(source.shown)
    try:
        if source.data is not None:
            book = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
        else:
            assert source.path is not None
            # calamine tells a workbook's kind by its extension: one saved without (翠竹社区) is opened as a file.
            book = (
                CalamineWorkbook.from_path(str(source.path))
                if source.path.suffix.lower() == ".xlsx"
                else CalamineWorkbook.from_filelike(io.BytesIO(source.path.read_bytes()))
            )
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        charts = [m.name for m in book.sheets_metadata if not str(m.typ).endswith("WorkSheet")]
        # Hidden and "very hidden" (set only by a macro or a program) alike: the officer does not see them.
        hidden_sheets = {m.name for m in book.sheets_metadata if not str(m.visible).endswith("Visible")}
    except Exception as err:  # calamine raises its own error types for corrupt archives
        raise RosterError("file-parse", where, reason=_why(err)) from err
    if sheet is not None:
        if sheet in charts:
            # It is there, tabbed beside the roster: "no sheet named" sent the officer looking for a typo.
            raise RosterError("sheet-is-chart", where, sheet=sheet, sheets=listed(names))
        if sheet not in names:
            raise RosterError("sheet-missing", where, sheet=sheet, sheets=listed(names))
        names = [sheet]
    tables: list[Table] = []
    skipped: list[tuple[str, RosterError]] = []
    archive = _archive(source)
    parts = _sheet_parts(archive) if archive else {}
    date1904 = _date1904(archive) if archive else False
    styles = _styles(archive) if archive else _NO_STYLES
    try:
        for name in names:
            try:
                unread: dict[int, dict[int, tuple[str, str]]] = {}
                hidden: set[int] = set()
                shown_as = _Shown({}, {}, [])
                part = parts.get(name) or parts.get(
                    " ".join(name.split())
                )  # a line break XML reads as a space
                if archive and part:
                    unread, hidden, shown_as = _check_used_range(
                        archive, part, f"{source.shown}#{name}", styles
                    )
                elif archive:
                    # Which part holds the sheet could not be told (a workbook.xml calamine reads and we do not):
                    # every worksheet is measured, so an absurd range is refused before calamine allocates it.
                    for other in _worksheets(archive):
                        _check_used_range(archive, other, f"{source.shown}#{name}", _NO_STYLES)
                # A sheet named for its community (青松社区); a workbook of one sheet (Sheet1) by its file's name.
                titles = [name] if len(names) > 1 or source.path is None else [name, source.path.stem]
                table = _sheet_table(
                    source,
                    book,
                    name,
                    columns,
                    unread,
                    hidden,
                    shown_as,
                    (titles, streets) if roster else ([], None),
                )
                if archive and part:
                    _set_pivots_aside(table, _pivots(archive, part), f"{source.shown}#{name}")
                tables.append(table)
                tables[-1].date1904 = date1904
                if name in hidden_sheets:
                    # Read and checked as any sheet: a hidden sheet of candidates is still submitted with the file.
                    tables[-1].notes.append(Note("sheet-hidden", "warning", (("sheet", name),)))
            except RosterError as not_read:
                # A sheet that could not be read at all (too large, damaged) may be the roster: it stops the
                # check rather than be passed over as "not a roster".
                if sheet is not None or len(names) == 1 or not_read.key in ("sheet-too-large", "file-parse"):
                    raise
                skipped.append((name, not_read))
    finally:
        if archive:
            archive.close()
    if not tables:
        # A roster sheet with a header and no rows says more than "no roster here".
        empty = next((problem for _, problem in skipped if problem.key == "file-no-rows"), None)
        raise empty or RosterError("no-roster-sheet", where, sheets=listed(names))
    for name, problem in skipped:
        # The sheet is named already: what is wrong with it, in each language (a note is said in either).
        reason, reason_zh = (say(problem.key, lang, **problem.params) for lang in ("en", "zh"))
        params = (("sheet", name), ("reason", reason), ("reason_zh", reason_zh))
        # A sheet with a 姓名 column, or lacking only that, holds candidates (no 社区, one community to a sheet
        # and its name on the tab; 职务 for 拟任职务; both, helper-65): not read, they go unchecked, and that fails
        # the run rather than pass as a note. A sheet of notes, or of a settings table, has no 姓名 and lacks more.
        missing = str(problem.params.get("missing", "")).split(",")
        candidates = problem.key == "column-missing" and (
            "name" not in missing or missing == ["name"] or problem.params.get("people") == "1"
        )
        # A sheet of a communities or approvals workbook with some of its own columns (选举日期 without 社区): its
        # rows' settings or approvals were passed over without a word (helper-84). Not one with a street or a name
        # alone, which any sheet may have: the other table's sheet of one workbook, a list of contacts (helper-87).
        own = set(str(problem.params.get("known", "")).split(",")) - {"", *_ANY_SHEETS_COLUMNS}
        settings = not roster and problem.key == "column-missing" and bool(own)
        note = (
            # The template's own instructions, sent back with the roster filled in: said as what it is, not with
            # the columns its lines of notes were taken for (找到的列：街道、街道或乡镇，如 东湖街道, helper-64).
            Note("sheet-skipped-instructions", "info", (("sheet", name),))
            if name == INSTRUCTIONS_SHEET
            else Note("sheet-settings-not-read", "invalid", params)
            if settings
            else Note("sheet-roster-not-read", "invalid", params)
            if candidates
            else Note("sheet-skipped", "info", params)
        )
        tables[0].notes.append(note)
    return tables


def _sheet_table(
    source: Input,
    book: Any,
    name: str,
    columns: tuple[Column, ...],
    unread: dict[int, dict[int, tuple[str, str]]],
    hidden: set[int],
    shown_as: _Shown,
    titled_by: tuple[list[str], StreetNames | None],
) -> Table:
    """The sheet's table. `titled_by`: the names its community may be taken from, and the rule set's street words
    its street may be taken from its own or its workbook's name by (see readers.street_placed)."""
    titles, streets = titled_by
    shown = f"{source.shown}#{name}"
    # calamine reads the sheet's part only now: a damaged one fails here, not on opening the workbook.
    try:
        sheet = book.get_sheet_by_name(name)
    except Exception as err:
        raise RosterError("file-parse", Location(shown), reason=_why(err)) from err
    first_column = sheet.start[1] if sheet.start else 0
    # calamine pads rows above the data, so row i is sheet row i
    rows: Iterator[tuple[int, list[Any]]] = enumerate(sheet.iter_rows(), start=1)
    above: list[int] = []
    titled = None
    try:
        header_line, headers, header = find_header(rows, columns, shown, above)
    except RosterError as err:
        titled = titled_place(err, titles, streets)
        if titled is None:
            raise
        columns = without_community(columns)
        rows, above = enumerate(sheet.iter_rows(), start=1), []
        try:
            header_line, headers, header = find_header(rows, columns, shown, above)
        except RosterError:
            raise err from None
    # The row under the header may be its second row (基本情况 over 性别, 身份证号, 出生日期).
    headers, header, pending = second_header_row(rows, headers, header, columns)
    if pending is not None:
        rows = itertools.chain((pending,), rows)
    # The header's last named column: a cell right of it in a data row has no column to be read as.
    named = filled_width(headers)
    reheaded: list[tuple[int, HeaderMap]] = []
    notes: list[Note] = []
    records = _sheet_rows(
        rows,
        source.shown,
        name,
        header,
        headers,
        named,
        first_column,
        unread,
        hidden,
        shown_as,
        (reheaded, notes),
        columns,
    )
    if merged := _merged_down(sheet):
        records = _filled_down(records, merged, header, first_column)
    table = Table(
        source.shown,
        "xlsx",
        header,
        require_rows(records, shown, header_line),
        sheet=name,
        header_line=header_line,
        first_column=first_column,
        notes=notes,
        reheaded=reheaded,
    )
    table.notes.extend(rows_above_header(above, header_line))
    if shown_as.columns:
        # A column hidden in Excel is read as any other: a 两违 column hidden beside the one shown decides the
        # verdict while the officer, looking at the sheet, sees none of it.
        for canonical, at in sorted(header.index.items(), key=lambda item: item[1]):
            for position in (at, *header.also.get(canonical, ())):
                if any(first_column + position in hidden for hidden in shown_as.columns):
                    letter = column_letter(first_column + position)
                    params = (("header", str(headers[position])), ("column", letter))
                    table.notes.append(Note("column-hidden", "warning", params))
    if titled is not None:
        placed(table, titled, "sheet" if titled[0] == name else "file", streets)
    if streets is not None and not (titled and titled[1]):
        # A township's workbook, one village to a sheet (青山镇.xlsx, tabs 白水村, 青山村): its name is every
        # sheet's street, as no workbook's name is every sheet's community.
        street_placed(table, [(name, "sheet"), *titles_of(source)], streets)
    return table


def _sheet_rows(
    rows: Iterator[tuple[int, list[Any]]],
    shown: str,
    sheet: str,
    header: HeaderMap,
    headers: list[str],
    width: int,
    first_column: int,
    unread: dict[int, dict[int, tuple[str, str]]],
    hidden: set[int],
    shown_as: _Shown,
    reheaded: tuple[list[tuple[int, HeaderMap]], list[Note]],
    columns: tuple[Column, ...],
) -> Iterator[RawRecord]:
    number = 0
    words = header_words(headers, header, columns)

    def read_by(header: HeaderMap, headers: list[str]) -> tuple[Any, ...]:
        read = {first_column + i for i in header.index.values()}
        not_a_record = row_not_a_record(headers, header, columns)
        name_at = header.index.get("name", -1)  # a settings sheet has none: every row is asked
        no_header = [i for i, text in enumerate(headers[:width]) if not str(text or "").strip()]
        return read, not_a_record, name_at, no_header, margin_columns(headers, header)

    read, not_a_record, name_at, no_header, footer_at = read_by(header, headers)
    header_above: int | None = None
    last: list[Any] | None = None  # the last record's row: a header written again in two rows may start on it
    for line, row in rows:
        flagged = {at: found for at, found in unread[line].items() if at in read} if line in unread else None
        if all(cell == "" or cell is None for cell in row) and not flagged:
            continue
        named = row[name_at] if 0 <= name_at < len(row) else ""
        unnamed = named in ("", None) or (
            isinstance(named, str) and not (named.strip() and named.isprintable())
        )
        if (
            (unnamed or (isinstance(named, str) and is_header_word(named, words)))
            and not flagged
            and (passed_over := not_a_record(row, last))
        ):
            if passed_over == "reordered" and (again := header_again(row, last, headers, header, columns)):
                # The header again, reordered, in other words, wider or in two rows: the rows under it are read
                # by it (see header_again), their cells right of its last column said as right of the header.
                said_again(line, (headers, header), again, columns, reheaded)
                headers, header = again
                width = filled_width(headers)
                read, not_a_record, name_at, no_header, footer_at = read_by(header, headers)
                passed_over = "header"
            if passed_over == "header":
                header_above, last = line, None
                continue
            if passed_over != "reordered":
                continue
        last = row
        number += 1
        cells = {name: row[i] if i < len(row) else "" for name, i in header.index.items()}
        if line in shown_as.months:
            _as_shown_by_month(cells, shown_as.months[line], header, first_column)
        record = RawRecord(RowSource(shown, number, line, sheet), cells, header_above=header_above)
        header_above = None
        if header.also:
            record.also = also_cells(row, header, headers)
        maybe_aside = (
            unnamed
            or not isinstance(named, str)
            or NOT_A_NAME.search(named) is not None
            or footer_in_margin(row, footer_at) is not None
        )
        if (
            name_at >= 0
            and maybe_aside
            and (aside := text_aside(row, header, line, first_column, sheet, footer_at))
        ):
            record.problems.append(aside)
        if flagged:
            _name_unread(record, flagged, header, first_column)
        if line in hidden:
            # Hidden by hand or by a filter: a withdrawn candidate left in, or one the officer has not seen.
            record.problems.append(DataProblem("row-hidden", "", str(line), "warning"))
        if line in shown_as.struck and first_column + name_at in shown_as.struck[line]:
            # A name struck through (删除线) is how an office marks a candidate withdrawn: checked, and said.
            record.problems.append(DataProblem("row-struck", "", str(line), "warning"))
        if len(row) > width or no_header:
            # A remark typed beside the table, or data under no column name (a blank header cell, 姓名 merged
            # over two columns): said, as CSV says row-too-long, never read as nothing without a word.
            without = unnamed_cells(row, [*no_header, *range(width, len(row))], line, first_column)
            if without is not None:
                record.problems.append(without)
        yield record


def _merged_down(sheet: Any) -> dict[int, list[tuple[int, int, int]]]:
    """The sheet's merged cells that span rows, by the sheet row of their top-left cell: (first column, last
    column, last row). A roster merges 社区 or 街道 over a community's rows, and the value stands for each."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    for (first_row, first_column), (last_row, last_column) in (
        getattr(sheet, "merged_cell_ranges", None) or ()
    ):
        if last_row > first_row:
            found.setdefault(first_row + 1, []).append((first_column, last_column, last_row + 1))
    return found


# The cells that make a row a candidate's: one filled by a merged range makes it no footer. Not 社区: merged
# down a whole sheet, its range covers the footer (填表人：张三) too.
_WHO_AND_WHERE = frozenset({"name", "roles"})


def _filled_down(
    records: Iterator[RawRecord],
    merged: dict[int, list[tuple[int, int, int]]],
    header: HeaderMap,
    first_column: int,
) -> Iterator[RawRecord]:
    """The records, each cell a merged range covers given the value of its top-left cell, as Excel shows it: read
    as they were, the rows under the top one were blank (社区 missing), or left their street and made a team of
    their own. A row is a record or not as it was written; filling only gives it the merged value."""
    column_of = {first_column + i: name for name, i in header.index.items()}
    column_of_name = {name: column for column, name in column_of.items()}
    # column name -> (value, last sheet row of its range, the top cell's problem: #N/A stands for every row)
    filling: dict[str, tuple[Any, int, DataProblem | None]] = {}
    for record in records:
        line = record.source.line or 0
        for name, (value, last, problem) in list(filling.items()):
            if line > last:
                del filling[name]
                continue
            # Excel shows the top cell's value over the whole range, whatever a program left under it: an error
            # or a formula hidden there goes with the value it had; a row given its name, community or post
            # by the range is a candidate's, not a footer.
            record.cells[name] = value
            hidden = f"{record.source.sheet}!{column_letter(column_of_name[name])}{line}"
            record.problems[:] = [
                p
                for p in record.problems
                if p.cell != hidden and not (p.rule == "row-not-a-candidate" and name in _WHO_AND_WHERE)
            ]
            if problem is not None:
                record.problems.append(problem)
        for first, _, last_row in merged.get(line, ()):
            # Only the top-left cell's column is filled: a range across 街道 and 社区 shows one value, in the
            # first; the others are blank as the officer sees them, never a copy of the street.
            anchor = column_of.get(first)
            value = record.cells.get(anchor) if anchor is not None else None
            if anchor is None or value in ("", None):
                continue
            cell = f"{record.source.sheet}!{column_letter(first)}{line}"
            problem = next((p for p in record.problems if p.cell == cell), None)
            filling[anchor] = (value, last_row, problem)
        yield record


def _name_unread(
    record: RawRecord, flagged: dict[int, tuple[str, str]], header: HeaderMap, first_column: int
) -> None:
    """An error value or a formula with no saved result in a column the check reads: the cell holds what Excel
    shows (#N/A, or the formula), never nothing, and the row says why it cannot be judged on it."""
    for name, i in header.index.items():
        found = flagged.get(first_column + i)
        if found is None:
            continue
        kind, text = found
        record.cells[name] = text
        cell = f"{record.source.sheet}!{column_letter(first_column + i)}{record.source.line}"
        record.problems.append(DataProblem(kind, header.headers.get(name, name), text, cell=cell))


def _unread_cells(text: bytes, found: dict[int, dict[int, tuple[str, str]]]) -> None:
    """The cells of a piece of a sheet that calamine reads as empty though they are not: an error value (#N/A,
    #REF!: t="e") and a formula whose result was never saved (written by a program that does not calculate:
    no <v>, or an empty one not typed as text). By sheet row, then column (0 for A): the problem's id and the
    text Excel shows."""
    if b't="e"' not in text and b"<f" not in text:
        return  # the common piece: plain values only
    for cell in _SUSPECT_CELL.finditer(text):
        column, row, attributes, body = cell.groups()
        if _ERROR_TYPE.search(attributes):
            value = _VALUE.search(body)
            shown = _xml_text(value[1]) if value else "#N/A"
            kind = "cell-excel-error"
        elif (formula := _FORMULA.search(body)) is not None and _unsaved(attributes, body):
            shown = "=" + (_xml_text(formula[1]) if formula[1] else "…")  # a shared formula's copy
            kind = "cell-formula-unsaved"
        else:
            continue
        found.setdefault(int(row), {})[_column_number(column.upper()) - 1] = (kind, shown)


# A row Excel does not show (hidden by hand, or by a filter): <row r="7" spans="1:14" hidden="1">.
_HIDDEN_ROW = re.compile(rb'<row\s(?=[^>]*\bhidden="(?:1|true)")[^>]*?\br="([0-9]+)"')
# Columns Excel does not show, before the rows: <col min="3" max="4" width="0" hidden="1" customWidth="1"/>.
_HIDDEN_COLUMNS = re.compile(
    rb'<col\s(?=[^>]*\bhidden="(?:1|true)")(?=[^>]*\bmin="([0-9]+)")(?=[^>]*\bmax="([0-9]+)")[^>]*>'
)
# A cell with its reference that may hold an error or a formula, whole: <c r="K2" t="e"><v>#N/A</v></c>.
_SUSPECT_CELL = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"([^>]*?)(?<!/)>(.*?)</c>', re.DOTALL)
_ERROR_TYPE = re.compile(rb'\bt="e"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>([^<]*)</f>)")


def _unsaved(attributes: bytes, body: bytes) -> bool:
    """A formula with no result: no value at all, or an empty one that is not an empty text (t="str")."""
    value = _VALUE.search(body)
    if value is not None and value[1]:
        return False
    return not (value is not None and b't="str"' in attributes)


def _xml_text(raw: bytes) -> str:
    from xml.sax.saxutils import unescape

    return unescape(raw.decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"})


def _cell_chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """A sheet's XML in pieces that each end after a whole cell, so no cell is cut in two."""
    rest = b""
    for text in _xml_chunks(archive, part):
        text = rest + text
        if b":c " in text or b":row" in text:
            # <x:c r="XFD1048576">: the same cells, written with the namespace's prefix, which calamine reads too;
            # looked at without it, or a far cell and an error cell went unseen.
            text = _TAG_PREFIX.sub(rb"<\1", text)
        cut = text.rfind(b"</c>")
        opened = text.rfind(b"<c ")
        if opened > cut:  # a cell still open: kept for the next piece
            rest, text = text[opened:], text[:opened]
        else:
            rest = b""
        yield text
    if rest:
        yield rest


# An element's namespace prefix, opening or closing: <x:c, </x:row.
_TAG_PREFIX = re.compile(rb"<(/?)[A-Za-z_][\w.\-]*:(?=[A-Za-z])")


def _why(err: Exception) -> str | Term:
    """What calamine says is wrong with a workbook, where it says it in words; its XML errors say only a tag's
    fragment ("文件无法解析：t" of a sheet cut in half, helper-55)."""
    if type(err).__name__ == "XmlError":
        return Term(
            "工作表的 XML 已损坏，读不完整；请用 Excel 或 WPS 打开后重新保存",
            "the sheet's XML is damaged and cannot be read whole; open the file in Excel or WPS and save it again",
        )
    return _first_line(err)


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _archive(source: Input) -> zipfile.ZipFile | None:
    """The workbook as the zip archive it is, for measuring its sheets; none if only calamine can open it."""
    try:
        if source.data is not None:
            return zipfile.ZipFile(io.BytesIO(source.data))
        assert source.path is not None
        return zipfile.ZipFile(source.path)
    except (zipfile.BadZipFile, OSError):
        return None


def _as_shown_by_month(cells: dict[str, Any], at: set[int], header: HeaderMap, first_column: int) -> None:
    """A date cell Excel shows by its year and month (1970年3月, typed so in a Chinese Excel, stores 1970-03-01)
    read as the year and month it shows, as the text 1970年3月 would be: its day is none the officer gave, and
    taken as the 1st it disagreed with the ID number, or decided an age the day could change."""
    for name, i in header.index.items():
        value = cells.get(name)
        if first_column + i in at and isinstance(value, dt.date):
            cells[name] = f"{value.year}年{value.month}月"


class _Shown(NamedTuple):
    """A sheet's cells shown otherwise than their values say, by row, then column (0 for A)."""

    months: dict[int, set[int]]  # a date shown by its year and month
    struck: dict[int, set[int]]  # text struck through
    # The columns Excel hides (0 for A), as written: a damaged <col max="50000000"> is one range, not fifty
    # million numbers (helper-53). Their cells decide, unseen by the officer.
    columns: list[range]


def _styles(archive: zipfile.ZipFile) -> tuple[frozenset[bytes], frozenset[bytes]]:
    """The cell styles (their index, as a cell's s="…" writes it) that show a date by year and month alone — a
    format with y and m but no d (yyyy"年"m"月", yyyy.mm, mmm-yy), or a built-in one that is so — and those
    whose font is struck through."""
    part = "xl/styles.xml"
    if part not in archive.namelist():
        part = next((n for n in archive.namelist() if n.endswith("styles.xml")), "")
    try:
        root = ElementTree.fromstring(archive.read(part)) if part else None
    except (*_UNREADABLE, ElementTree.ParseError):
        return _NO_STYLES
    if root is None:
        return _NO_STYLES
    codes = {
        element.get("numFmtId", ""): element.get("formatCode", "")
        for element in root.iter()
        if _tag(element) == "numFmt"
    }
    months = {number for number, code in codes.items() if _by_month(code)} | _BUILT_IN_MONTH_FORMATS
    struck_fonts: set[str] = set()
    for element in root.iter():
        if _tag(element) == "fonts":
            for index, font in enumerate(f for f in element if _tag(f) == "font"):
                strike = next((c for c in font if _tag(c) == "strike"), None)
                if strike is not None and strike.get("val", "1") not in ("0", "false"):
                    struck_fonts.add(str(index))
    by_month, struck = set(), set()
    for element in root.iter():
        if _tag(element) == "cellXfs":
            for index, xf in enumerate(x for x in element if _tag(x) == "xf"):
                if xf.get("numFmtId", "0") in months:
                    by_month.add(str(index).encode())
                if xf.get("fontId", "0") in struck_fonts:
                    struck.add(str(index).encode())
    return frozenset(by_month), frozenset(struck)


def _tag(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


_NO_STYLES: tuple[frozenset[bytes], frozenset[bytes]] = (frozenset(), frozenset())


def _by_month(code: str) -> bool:
    """Whether a number format shows a date by year and month, and no day (its first section, without its
    quoted words, escaped characters and [colour] or [$-804] parts)."""
    bare = _FORMAT_LITERALS.sub("", code.split(";")[0]).lower()
    # e is the year too (e"年"m"月", as a Chinese Excel offers it); a scientific 0.00E+00 has no m.
    return ("y" in bare or "e" in bare) and "m" in bare and not any(part in bare for part in "dhs")


# Built-in formats a Chinese Excel shows as 1970年3月 (27, 36, 50, 52, 57 in its locale) and mmm-yy (17).
_BUILT_IN_MONTH_FORMATS = frozenset({"17", "27", "36", "50", "52", "57"})
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_STYLED_CELL = re.compile(rb"<(?:[A-Za-z]+:)?c\b([^>]*)>")
_CELL_REFERENCE = re.compile(rb'\br="([A-Za-z]+)([0-9]+)"')
_CELL_STYLE = re.compile(rb'\bs="([0-9]+)"')


def _styled_cells(text: bytes, styles: frozenset[bytes], found: dict[int, set[int]]) -> None:
    """The cells of a piece of a sheet in one of these styles: by row, then column (0 for A)."""
    for cell in _STYLED_CELL.finditer(text):
        attributes = cell[1]
        style = _CELL_STYLE.search(attributes)
        if style is None or style[1] not in styles:
            continue
        where = _CELL_REFERENCE.search(attributes)
        if where is not None:
            found.setdefault(int(where[2]), set()).add(_column_number(where[1].upper()) - 1)


def _pivots(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """The pivot tables a sheet holds, by the rows and columns (0 for A) of their <location ref="A3:D20">."""
    folder, name = posixpath.split(part)
    try:
        relations = ElementTree.fromstring(archive.read(f"{folder}/_rels/{name}.rels"))
    except (*_UNREADABLE, ElementTree.ParseError):
        return []  # no relations: no pivot
    found: list[tuple[int, int, int, int]] = []
    for relation in relations:
        if not relation.get("Type", "").endswith("/pivotTable"):
            continue
        target = posixpath.normpath(posixpath.join(folder, relation.get("Target", "")))
        try:
            pivot = ElementTree.fromstring(archive.read(target))
        except (*_UNREADABLE, ElementTree.ParseError):
            continue
        for element in pivot.iter():
            if _tag(element) == "location" and (ref := _RANGE.fullmatch(element.get("ref", ""))):
                left = _column_number(ref[1].upper().encode()) - 1
                right = _column_number((ref[3] or ref[1]).upper().encode()) - 1
                found.append((int(ref[2]), int(ref[4] or ref[2]), left, right))
    return found


def _set_pivots_aside(table: Table, pivots: list[tuple[int, int, int, int]], shown: str) -> None:
    """A sheet's pivot tables of the roster, not read as candidates: one that holds the header's row and every
    column read is the table read (社区 × 姓名, 计数项), and the sheet is refused; one under the header, in its
    columns, has its lines passed over and said. Read, a pivot counted the roster's people again, filled down into
    their teams, and doubled the seats (helper-73); one beside the roster shares its rows, not its columns
    (helper-75)."""
    read_at = {table.first_column + i for i in table.header.index.values()}
    line = table.header_line or 0
    below = []
    for top, bottom, left, right in pivots:
        if top <= line <= bottom and all(left <= c <= right for c in read_at):
            raise RosterError("sheet-is-pivot", Location(shown), sheet=table.sheet)
        if top > line and any(left <= c <= right for c in read_at):
            below.append((top, bottom))
    if below:
        # Said of the sheet, lines and all, before any row is read (a worker sends the notes first).
        table.rows = _outside(table.rows, below)
        for top, bottom in below:
            params = (("first", str(top)), ("last", str(bottom)), ("sheet", table.sheet or ""))
            table.notes.append(Note("rows-in-pivot", "info", params))


def _outside(records: Iterator[Any], spans: list[tuple[int, int]]) -> Iterator[Any]:
    """The records of a sheet but those on the lines of a pivot table under it."""
    for record in records:
        line = record.source.line
        if line is None or not any(top <= line <= bottom for top, bottom in spans):
            yield record


_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?")


def _date1904(archive: zipfile.ZipFile) -> bool:
    """Whether the workbook counts its dates from 1904 (<workbookPr date1904="1"/>, as old Mac Excel saved)."""
    try:
        with archive.open("xl/workbook.xml") as part:
            head = part.read(1 << 16)
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
        return False
    return re.search(rb'date1904="(?:1|true)"', head) is not None


def _worksheets(archive: zipfile.ZipFile) -> list[str]:
    """Every part of the archive that is a worksheet's cells, whatever the workbook says of them."""
    return [n for n in archive.namelist() if re.fullmatch(r"(.*/)?worksheets/[^/]+\.xml", n)]


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the part of the archive that holds its cells; none when they cannot be found,
    and then calamine, reading the sheet, says what is wrong with the file."""
    try:
        book = "xl/workbook.xml"
        for relation in ElementTree.fromstring(archive.read("_rels/.rels")):
            if relation.get("Type", "").endswith("/officeDocument"):
                book = relation.get("Target", book).lstrip("/")
        folder, name = posixpath.split(book)
        targets = {
            relation.get("Id"): relation.get("Target", "")
            for relation in ElementTree.fromstring(archive.read(f"{folder}/_rels/{name}.rels"))
        }
        parts: dict[str, str] = {}
        for element in ElementTree.fromstring(archive.read(book)).iter():
            if element.tag.rsplit("}", 1)[-1] != "sheet":
                continue
            # r:id, in whichever namespace the file's edition of the standard uses
            relation_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            target = targets.get(relation_id, "")
            if target:
                at = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                parts[element.get("name", "")] = posixpath.normpath(at)
        return parts
    except (*_UNREADABLE, ElementTree.ParseError):
        return {}


def _check_used_range(
    archive: zipfile.ZipFile, part: str, shown: str, styles: tuple[frozenset[bytes], frozenset[bytes]]
) -> tuple[dict[int, dict[int, tuple[str, str]]], set[int], _Shown]:
    """Refuse a sheet whose used range calamine could not hold, naming its farthest cells; else the cells it
    would read as empty though they are not (see _unread_cells), the rows Excel hides and the cells it shows by
    year and month or struck through (see _styles), found in the same pass over the sheet.

    The range is counted from A1, a little more than calamine's own when the table starts further in."""
    unread: dict[int, dict[int, tuple[str, str]]] = {}
    hidden: set[int] = set()
    shown_as = _Shown({}, {}, [])
    try:
        looked = _look(archive, part, unread, hidden, styles, shown_as)
        if looked is None:
            return unread, hidden, shown_as
        measure = _parsed_range if looked == "unplaced" else _range
        bottom, right, far_down, far_right = measure(archive, part)
    except (*_UNREADABLE, ElementTree.ParseError):
        return unread, hidden, shown_as  # calamine, reading the sheet, says what is wrong with the file
    if bottom * right > MAX_SHEET_CELLS:
        raise RosterError(
            "sheet-too-large",
            Location(shown),
            rows=f"{bottom:,}",
            columns=f"{right:,}",
            last=column_letter(right - 1),
            cells="、".join(dict.fromkeys((far_right, far_down))),
            limit=f"{MAX_SHEET_CELLS:,}",
        )
    return unread, hidden, shown_as


def _look(
    archive: zipfile.ZipFile,
    part: str,
    unread: dict[int, dict[int, tuple[str, str]]],
    hidden: set[int],
    styles: tuple[frozenset[bytes], frozenset[bytes]],
    shown_as: _Shown,
) -> str | None:
    """What the quick look finds first that matters (see _LOOK): "unplaced", "far", or nothing; and, in the
    same pass, the cells calamine would read as empty though they are not, added to `unread`, the rows hidden,
    to `hidden`, and the cells shown by year and month or struck through, to `shown_as`."""
    found_far: str | None = None
    for text in _cell_chunks(archive, part):
        _unread_cells(text, unread)
        if b"hidden=" in text:
            hidden.update(int(row) for row in _HIDDEN_ROW.findall(text))
            for first, last in _HIDDEN_COLUMNS.findall(text):
                shown_as.columns.append(range(int(first) - 1, int(last)))
        for styled, cells in zip(styles, (shown_as.months, shown_as.struck), strict=True):
            if styled:  # only a workbook that has such a style: most have none
                _styled_cells(text, styled, cells)
        if found_far == "unplaced":
            continue
        for found in _LOOK.finditer(text):
            if found["unplaced"] is not None:
                found_far = "unplaced"
                break
            found_far = "far"
    return found_far


def _range(archive: zipfile.ZipFile, part: str) -> tuple[int, int, str, str]:
    """The farthest row and column of a sheet whose cells all carry their reference, and a cell at each."""
    bottom = right = 0
    far_down = far_right = ""
    for text in _xml_chunks(archive, part):
        cells = [(column.upper(), row) for column, row in _CELL.findall(text)]
        # One cell of each column and of each row, kept by dict() at C speed: a chunk has tens of thousands
        # of cells but only a few columns and a few thousand rows.
        of_column = dict(cells)
        of_row = dict(map(_ROW_FIRST, cells))
        if of_column:
            widest = max(of_column, key=_column_number)
            if _column_number(widest) > right:
                right, far_right = _column_number(widest), (widest + of_column[widest]).decode()
        if of_row:
            lowest = max(of_row, key=int)
            if int(lowest) > bottom:
                bottom, far_down = int(lowest), (of_row[lowest] + lowest).decode()
    return bottom, right, far_down, far_right


def _parsed_range(archive: zipfile.ZipFile, part: str) -> tuple[int, int, str, str]:
    """The same, for a sheet some of whose rows or cells are placed by their order (no reference): read as XML,
    which is slower, and which only such rare writers need."""
    bottom = right = row = 0
    far_down = far_right = ""
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag.rsplit("}", 1)[-1] != "row":
                continue
            written = element.get("r", "")
            row = int(written) if written.isdigit() else row + 1
            column = 0
            for cell in element:
                if cell.tag.rsplit("}", 1)[-1] != "c":
                    continue
                reference = (cell.get("r") or "").upper().rstrip("0123456789")
                column = _column_number(reference.encode()) if reference.isalpha() else column + 1
                if len(cell) and column > right:  # a cell with a value (<v>, <is>), not formatting alone
                    right, far_right = column, f"{column_letter(column - 1)}{row}"
                if len(cell) and row > bottom:
                    bottom, far_down = row, f"{column_letter(column - 1)}{row}"
            element.clear()
    return bottom, right, far_down, far_right


def _xml_chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """A sheet's XML a few megabytes at a time, each piece ending before a tag, so no tag is cut in two."""
    rest = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = rest + chunk
            cut = text.rfind(b"<")
            if cut <= 0:
                rest = text
                continue
            rest = text[cut:]
            yield text[:cut]
    yield rest


def _column_number(letters: bytes) -> int:
    """b"A" -> 1, b"Z" -> 26, b"AA" -> 27."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
