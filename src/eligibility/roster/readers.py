"""Readers: roster, communities and approvals tables from CSV, TSV, YAML, JSON and Excel, as rows of raw cells."""

from __future__ import annotations

import bisect
import codecs
import csv
import functools
import itertools
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from eligibility.candidate import DataProblem, RowSource
from eligibility.errors import Location, RosterError, display_path
from eligibility.messages import Term, listed
from eligibility.roster.columns import (
    COMMUNITY_COLUMNS,
    Column,
    HeaderMap,
    bare_header,
    column_of,
    header_key,
    map_headers,
    misspelt_column,
    spellings,
    suggest_column,
)
from eligibility.roster.normalise import HAN, clean, fold, ids_in_text, mask_birth, mask_ids
from eligibility.roster.sources import (
    COMMUNITIES_KEYS,
    KEEP_UNDECODABLE,
    Input,
    Undecodable,
    check_container,
    detect_encoding,
    expand,
    open_text,
    read_bytes,
)
from eligibility.ruleset.yamlpos import SafeLoader

if TYPE_CHECKING:
    from eligibility.ruleset.vocab import StreetNames

__all__ = ["Note", "RawRecord", "Table", "column_letter", "expand", "open_tables", "read_tables"]

# The header is the first row among these that holds every required column; rows above it are titles.
HEADER_SEARCH_ROWS = 20
# Bounds on YAML input, so a hostile or broken file cannot exhaust memory or time.
YAML_MAX_DEPTH = 50
YAML_MAX_SCALAR = 100_000
# Python's csv module stops a file at a cell over 131,072 characters. A cell that long is one row's damage (a
# document pasted in), named on its row by the record reader; only a cell past this much stops the file.
CSV_MAX_FIELD = 1 << 24


@dataclass(slots=True)
class RawRecord:
    """One data row: canonical column name -> cell as read, and where it came from."""

    source: RowSource
    cells: dict[str, Any]
    problems: list[DataProblem] = field(default_factory=list)
    # The further columns of one meaning (村霸 beside 涉黑涉恶, 两违问题 beside 两违), by canonical name: each
    # header as written and its cell. Read with the first, never passed over (see records.also_read).
    also: dict[str, list[tuple[str, Any]]] | None = None
    # The line of the header written again just above this row: a second table stacked under the first, whose
    # title (乙社区候选人名单) the rows before it may be.
    header_above: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # --jobs sends every row
        return (RawRecord, (self.source, self.cells, self.problems, self.also, self.header_above))


@dataclass(frozen=True, slots=True)
class Note:
    """Something about a whole file or sheet worth saying: an unknown or doubled column, a skipped sheet."""

    key: str
    severity: str
    params: tuple[tuple[str, str], ...] = ()
    # The message's key where it is not the finding's rule id: several unknown columns said in one line.
    message: str = ""
    # Why, said in both languages where the params cannot: a settings row that could not be read.
    reason: Term | None = None
    # Words the message says in the reader's language beside the params (a blank read as 否, "no"), which the
    # evidence holds as the rule file writes them.
    terms: tuple[tuple[str, Term], ...] = ()


@dataclass
class Skip:
    """Rows a reader passes over without making records of them: a --jobs worker skipping the others'
    batches. Set `ahead` before asking for the next row; `passed` counts the rows passed over."""

    ahead: int = 0
    passed: int = 0


# The formats whose records stand on rows a spreadsheet shows, named by them; a YAML or JSON roster's are not.
ROWED = ("csv", "tsv", "xlsx")


@dataclass
class Table:
    """A file or sheet opened for reading: how it was read, its header mapping, then its rows one at a time."""

    path: str
    format: str
    header: HeaderMap
    rows: Iterator[RawRecord]
    encoding: str | None = None
    sheet: str | None = None
    header_line: int | None = None
    # Column positions are counted from this spreadsheet column (a sheet whose data starts in column B).
    first_column: int = 0
    notes: list[Note] = field(default_factory=list)
    # From a YAML/JSON roster written as a mapping: the run's election date and each community's settings.
    election_date: Any = None
    communities: list[dict[str, Any]] = field(default_factory=list)
    # For text tables: rows can be passed over cheaply (see Skip).
    skip: Skip | None = None
    # A workbook saved with Excel's 1904 date system (Mac Excel of old): its date serials count from 1904-01-01.
    date1904: bool = False
    # The header written again with its columns read moved (a second table stacked under the first), by its line:
    # the rows under it are read by it (see header_again).
    reheaded: list[tuple[int, HeaderMap]] = field(default_factory=list)
    # The street a title gives the rows that leave their street column blank, said only if one does (see
    # street_placed): the note stands among `notes` from the opening, to keep its place, and is left out once every
    # row is read unless `street_filled`, the rows that took it (their line and the row Excel shows), the first
    # eleven: the note names ten, and "…" after them. With --jobs each worker says so of the batches it reads.
    street_note: Note | None = None
    street_filled: list[tuple[int, int]] = field(default_factory=list)

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(self.header.index)

    def cell(self, column: str, source: RowSource) -> str | None:
        """The spreadsheet reference of a column on a record's row: D12, or 候选人!D12 in a workbook. Its row is
        the one Excel shows, which in a CSV file is not the line under a cell with a line break."""
        line = source.line
        if line is None or self.format not in ROWED:
            return None
        header = self.header
        for start, later in self.reheaded:
            if line > start:
                header = later
        position = header.index.get(column)
        if position is None:
            return None
        reference = f"{column_letter(self.first_column + position)}{source.excel_row or line}"
        return f"{self.sheet}!{reference}" if self.sheet else reference


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_tables(path: Path, columns: tuple[Column, ...], *, encoding: str | None = None) -> list[Table]:
    """The tables of one named file (a communities or approvals table): every sheet of a workbook that holds
    the columns, as a district's table may keep one street to a sheet. A folder is refused, not read through."""
    if path.is_dir():
        raise RosterError("table-is-folder", Location(display_path(path)))
    (source,) = expand([path])
    return open_tables(source, columns, encoding=encoding)


def open_tables(
    source: Input,
    columns: tuple[Column, ...],
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    roster: bool = False,
    streets: StreetNames | None = None,
) -> list[Table]:
    """The tables of an input: one for a text file, one per roster-like sheet of a workbook.

    The header is found and checked now; the rows are read as they are iterated. `roster`: a roster's table
    with no 社区 column may take its community from its sheet's or file's name (see place_in_title), and, by
    the rule set's `streets`, one with no 街道 column its street (see street_placed).
    """
    head = read_bytes(source, limit=1 << 20)
    check_container(source, head)
    if source.format == "xlsx":
        from eligibility.roster.workbook import workbook_tables  # imported on use: most runs read no workbook

        tables = workbook_tables(source, columns, sheet, roster=roster, streets=streets)
    else:
        # A YAML or JSON file read whole as GB18030 when it is mostly UTF-8 would not only garble its text: a
        # UTF-8 character's last byte and the } or , after it read as one GB18030 character break its shape.
        # The cells of a table can be read again as UTF-8 one by one (cell-utf8-in-gbk); a document's cannot.
        used = detect_encoding(head, encoding, source, 10 / 11 if source.format in ("csv", "tsv") else 0.5)
        titled = None
        if source.format in ("csv", "tsv"):
            given = encoding is not None
            try:
                tables = [_delimited_any(source, used, columns, given=given)]
            except RosterError as err:
                titled = titled_place(err, [source.path.stem] if roster and source.path else [], streets)
                if titled is None:
                    raise
                try:
                    table = _delimited_any(source, used, without_community(columns), given=given)
                except RosterError:
                    raise err from None  # the community was not all it lacked: said as first found
                tables = [placed(table, titled, "file", streets)]
        else:
            tables = [_structured(source, used, columns, given=encoding is not None)]
        if roster and streets is not None and not (titled and titled[1]):
            # A YAML or JSON roster's records may lack a street as a table's column may (青山镇.yaml); a CSV named
            # for its village alone (青山镇/白水村.csv) takes its folder's, as a workbook does.
            street_placed(tables[0], titles_of(source), streets)
    for table in tables:
        table.notes[:0] = header_notes(table.header, columns)
        if sheet is not None and source.format != "xlsx":
            # Said, not ignored: the officer may have meant another file, a workbook.
            table.notes.append(Note("sheet-not-workbook", "warning", (("sheet", sheet),)))
    return tables


# A roster kept one community to a sheet, or one to a file, often has no 社区 column: the tab or the file is
# named for it (青松社区, 东湖街道青松社区, 五里村两委候选人名单). What such a name adds around the place, and
# which names are no community's (各社区, 农村).
_TITLE_NUMBERING = re.compile(r"^(?:\d{4}年度?|[\d\s.、，,\-_—])+")
_TITLE_TAIL = re.compile(
    r"(?:[（(][^（）()]*[）)]|\d{2,4}年度?|[\d\s.\-_—]+|两委|班子|换届|选举|拟任|拟提名|候选人|初步人选|人选|推荐|提名|名单|名册|"
    r"花名册|成员|信息|情况|汇总|审核|审查|资格|联审|登记|统计|表|补充|增补|第[一二三四五六七八九十\d]+届)$"
)
_PLACE_TITLE = re.compile(
    f"(?:(?P<street>[{HAN}]{{2,8}}?(?:街道|镇|乡))(?=[{HAN}]+(?:社区|村)$))?(?P<community>[{HAN}]+)"
)
# A township's roster of all its villages (青山镇各村两委候选人名单) names them after the township.
_EVERY = re.compile(r"(?:各|所有|全部)$")
_EVERY_VILLAGE = re.compile(r"(?:各|所有|全部)(?:行政村|村|社区)$")
_NO_PLACE = frozenset(
    {"各", "全", "全部", "所有", "本", "其他", "其它", "各个", "城市", "城镇", "城乡", "农", "乡"}
)


def _bare_title(title: str, keep: tuple[str, ...] = ()) -> str:
    """A sheet's or file's name without what it adds around the place: its number, date, (1), 名册, 补充; trimmed
    no further than an ending of `keep`."""
    text = _TITLE_NUMBERING.sub("", "".join(title.split()))
    while not text.endswith(keep) and (trimmed := _TITLE_TAIL.sub("", text)) != text:
        text = trimmed
    return text


def place_in_title(title: str) -> tuple[str, str] | None:
    """The street (or "") and community a sheet or file is named for: 青松社区, 东湖街道青松社区 or
    五里村两委候选人名单 name a place; Sheet1, 候选人名单 and 各社区汇总 do not."""
    # The committee named for its place: 青松社区居委会, 五里村村委会, 五里村民委员会.
    text = re.sub(r"(?<=社区)居(?:民)?委(?:员)?会$|(?<=村)村(?:民)?委(?:员)?会$", "", _bare_title(title))
    text = re.sub(r"村(?:民)?委(?:员)?会$", "村", text)
    found = _PLACE_TITLE.fullmatch(text)
    if found is None:
        return None
    community = found["community"]
    suffix = "社区" if community.endswith("社区") else "村" if community.endswith("村") else ""
    if not suffix or len(community) <= len(suffix) or community[: -len(suffix)] in _NO_PLACE:
        return None
    return found["street"] or "", community


def street_in_title(title: str, streets: StreetNames) -> str | None:
    """The street (township) a roster's sheet or file is named for: 青山镇, 02青山镇名册 (1), 青山镇补充 and
    东湖街道办事处 end in one of the rule set's words for a street's kind (places.street_words); 青山镇白水村 names
    its street with its community (see place_in_title); 青山镇村两委名单 its villages' committees after it (the
    rule set's places.committee_words); 各乡镇, 全镇 and 街道 name no place."""
    place = place_in_title(title)
    if place is not None and place[0]:
        return place[0]
    committees = streets.committees
    text = _bare_title(fold(title), committees)
    if committees and text.endswith(committees):
        # Read before 青山镇村 is taken for a village's name; not 古镇村两委名单: a street's own name is two
        # characters at least, as in 青山镇白水村 (see _PLACE_TITLE), and 古镇村 is a village.
        before = text[: -len(next(word for word in committees if text.endswith(word)))]
        # 青山镇各村两委 too, and 青山镇2021年村两委: a year between the township and its committees.
        street = _named_street(_EVERY.sub("", _bare_title(before)), streets)
        return street if street is not None and len(streets.own(street)) >= 2 else None
    if place is not None:
        return None
    # Not 青山镇村 alone: 古镇村 is a village.
    return _named_street(_EVERY_VILLAGE.sub("", _bare_title(title)), streets)


def _named_street(text: str, streets: StreetNames) -> str | None:
    """The text, a name trimmed to its place, when it is one street's (township's) by the rule set's words."""
    own, kind = streets.key(text)
    if not kind or not re.fullmatch(f"[{HAN}]+", own):
        return None
    while kind:  # 各乡镇 is 各乡 of kind 镇, and 各乡 is 各 of kind 乡: no one street's
        if own in _NO_PLACE:
            return None
        own, kind = streets.key(own)
    return None if own in _NO_PLACE else text


def titled_place(
    err: RosterError, titles: Iterable[str], streets: StreetNames | None = None
) -> tuple[str, str, str] | None:
    """The title and place of a roster refused for lacking its 社区 column alone, when its sheet's or file's
    name says which community it is. Not 青山镇村两委名单, by the rule set's `streets`: a township's roster of its
    villages (see street_in_title), whose rows name their own: without the column it is refused, as 青山镇's is."""
    if err.key != "column-missing" or err.params.get("missing") != "community":
        return None
    for title in titles:
        place = place_in_title(title)
        # 青山镇白水村 names its community with its street; 古镇村两委 a village alone. A name street_in_title reads
        # as a street's though place_in_title gave no street is one by its committee words (青山镇村两委).
        if place is not None and (place[0] or streets is None or street_in_title(title, streets) is None):
            return (title, *place)
    return None


def without_community(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    return tuple(replace(c, required=False) if c.name == "community" else c for c in columns)


def placed(
    table: Table, titled: tuple[str, str, str], named: str, streets: StreetNames | None = None
) -> Table:
    """The table with every row in the community its title names (and street, where it has no such column);
    said in a note, as the officer did not write it on the rows, naming the column as the rule set heads it (a
    village's 村: "no 社区 column" told a township's officer of a column their template does not have)."""
    column = streets.community if streets is not None else "社区"
    title, street, community = titled
    with_street = bool(street) and "street" not in table.header.index
    table.rows = _written(
        table.rows, {"community": community, "street": street} if with_street else {"community": community}
    )
    place = street + community if with_street else community
    params = (("title", title), ("place", place), ("column", column))
    table.notes.append(Note(f"community-from-{named}", "info", params))
    return table


def titles_of(source: Input) -> list[tuple[str, str]]:
    """The names a roster file's rows may take their street from, each with what it names: its own, then, for a
    file found in a folder, the folder's (青山镇/白水村.csv: a county's folder of one folder to each township,
    helper-112)."""
    if source.path is None:
        return []
    folder = source.path.parent.name if source.from_folder else ""
    return [(source.path.stem, "file"), *([(folder, "folder")] if folder else [])]


def street_placed(table: Table, titles: Iterable[tuple[str, str]], streets: StreetNames) -> None:
    """Every row of a roster with no street column, or with its street left blank, in the street its sheet or file
    is named for, the sheet's name before the file's (青山镇.csv, or 青山镇.xlsx's tab 白水村): a county's folder of
    one roster to each township, each with a village of one name (白水村), joined the two villages into one team,
    and a bar on one passed on the other's people (helper-109); so did two whose 乡镇 column, as the tool's own
    template writes it, was left blank on every row. Said in a note, as community-from-file is."""
    for title, named in titles:
        street = street_in_title(title, streets)
        if street is not None:
            params = (("title", title), ("place", street), ("column", streets.column))
            if "street" in table.header.index:
                # Said only if a row leaves it blank: a street's folder of its communities' rosters, each row with
                # its 街道, is not a note on every file, nor a township's roster with its 乡镇 filled in.
                table.rows = _written_where_blank(table.rows, street, table)
                table.street_note = Note(f"street-from-{named}", "info", params, f"street-from-{named}-blank")
                table.notes.append(table.street_note)
            else:
                table.rows = _written(table.rows, {"street": street})
                table.notes.append(Note(f"street-from-{named}", "info", params))
            return


def _written(records: Iterator[RawRecord], cells: dict[str, str]) -> Iterator[RawRecord]:
    """The records with the cells a title gives them written in."""
    for record in records:
        record.cells.update(cells)
        yield record


def _written_where_blank(records: Iterator[RawRecord], street: str, table: Table) -> Iterator[RawRecord]:
    """The records with the street a title gives written in where their own is blank: one test a row. The
    table notes which were (street_filled), but not a footer's (合计 writes no 街道): the note said rows took the
    street when none but the 合计 under them had. A blank row is no record at all."""
    filled = table.street_filled
    for record in records:
        if not clean(record.cells.get("street")):
            if len(filled) < 11 and footer_of(record) is None:
                line = record.source.line or record.source.row
                filled.append((line, record.source.excel_row or line))
            record.cells["street"] = street
        yield record


def header_notes(header: HeaderMap, columns: tuple[Column, ...]) -> list[Note]:
    """Warnings about the header: columns we do not know (with a did-you-mean) and columns given twice."""
    notes = []
    unlike: list[str] = []  # unknown columns like none we know: an attendance sheet's 1日 … 31日
    for unknown in header.unknown:
        suggestion = suggest_column(unknown, columns)
        params = (("header", unknown), ("suggestion", suggestion))
        if (column := misspelt_column(unknown, suggestion, header, columns)) is not None:
            notes.append(Note("column-misspelt", "invalid", (*params, ("column", column.zh))))
        elif suggestion:
            notes.append(Note("column-unknown", "warning", params))
        else:
            unlike.append(unknown)
    if len(unlike) == 1:
        notes.append(Note("column-unknown", "warning", (("header", unlike[0]), ("suggestion", ""))))
    elif unlike:
        # One line for them all: a sheet with a month's attendance beside the roster gave 31 warnings.
        joined = (("header", "、".join(unlike)), ("count", str(len(unlike))))
        notes.append(Note("column-unknown", "warning", joined, message="columns-unknown"))
    for name, written in header.duplicates:
        notes.append(
            Note(
                "column-duplicate",
                "warning",
                (("header", written[1]), ("used", written[0]), ("canonical", name)),
            )
        )
    return notes


def find_header(
    rows: Iterable[tuple[int, list[Any]]],
    columns: tuple[Column, ...],
    shown: str,
    above: list[int] | None = None,
) -> tuple[int, list[str], HeaderMap]:
    """The header among the first rows: the first that holds every required column. The lines passed over
    that held more than one cell (a title is one, often merged) go into `above`: they may be records.

    When none does, the error names the missing column and lists the headers of the likeliest row.
    """
    best: tuple[int, list[str], HeaderMap] | None = None
    seen = 0
    previous: tuple[int, list[str]] = (0, [])
    for line, row in rows:
        headers = [clean(cell) for cell in row]
        if not any(headers):
            continue
        header = map_headers(headers, columns)
        if not header.missing:
            # A two-row header (身份证号 merged over both rows, 候选人信息 over 姓名, 社区 and 拟任职务 below it):
            # the row above names the columns this one leaves blank.
            if previous[0] and (joined := two_row_header(previous[1], headers, columns, below=False)):
                if above and above[-1] == previous[0]:
                    above.pop()  # the header's own first row, not a record
                return line, *joined
            return line, headers, header
        # Neither row alone names every column: 基本情况 over 姓名, 性别 and 出生年月, the rest merged down both
        # rows; or 拟任情况 over 社区 and 拟任职务, 姓名 merged down. Together they do.
        joined = two_row_header(previous[1], headers, columns, below=False) if previous[0] else None
        if joined and not joined[1].missing:
            if above and above[-1] == previous[0]:
                above.pop()
            return line, *joined
        filled = [text for text in headers if text]
        # 填报单位：东湖街道党工委（盖章） beside 填报日期：2006年8月15日: the form's own lines, no record.
        if above is not None and len(filled) > 1 and not all(_FOOTER.search(text) for text in filled):
            above.append(line)
        previous = (line, headers)
        if best is None or len(header.index) > len(best[2].index):
            best = (line, headers, header)
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    if best is None:
        raise RosterError("file-empty", Location(shown))
    line, headers, header = best
    raise _missing(header, headers, Location(shown, line))


def two_row_header(
    upper: list[Any], lower: list[Any], columns: tuple[Column, ...], *, below: bool = True
) -> tuple[list[str], HeaderMap] | None:
    """The header of two rows, as a roster groups columns (基本情况 over 性别, 身份证号 and 出生日期; 姓名 merged
    down both rows), or None when the other row is not a header's. `below`: the header was found in `upper`
    (the row under it may be its second row), else in `lower` (the row above may be its first).

    The other row's cells must read as column names: one at least is a column the header lacks (or all are
    columns kept but not read), none holds a digit (a record's ID number, date or count); and under a column the
    header names, the row below is blank, as a merged cell leaves it, where a record has its name."""
    upper = [clean(cell) for cell in upper]
    lower = [clean(cell) for cell in lower]
    width = max(len(upper), len(lower))
    upper += [""] * (width - len(upper))
    lower += [""] * (width - len(lower))
    found = map_headers(upper if below else lower, columns)
    named = set(found.index.values())
    if below and any(lower[i] and lower[i] != upper[i] for i in named):
        return None
    other = lower if below else upper
    given = [text for i, text in enumerate(other) if text and i not in named and (below or not lower[i])]
    if not given or any(character.isdigit() for text in given for character in text):
        return None
    said = map_headers(given, columns)
    # A column the header lacks (性别 under 基本情况); or only columns kept but not read (手机 and 电话 under
    # 联系方式), which a record would not be either.
    if not set(said.index) - set(found.index) and (said.index or said.unknown):
        return None
    # Each column is named by its lower cell, or by the upper one where the lower is blank (merged down).
    joined = [low or high for high, low in zip(upper, lower, strict=True)]
    header = map_headers(joined, columns)
    if not set(header.index) >= set(found.index):
        return None
    return joined, replace(header, rows=(tuple(upper), tuple(lower)))


def second_header_row(
    rows: Iterator[tuple[int, list[Any]]], headers: list[str], header: HeaderMap, columns: tuple[Column, ...]
) -> tuple[list[str], HeaderMap, tuple[int, list[Any]] | None]:
    """The header, joined with the first row under it when that is its second row (blank rows between passed
    over); else as it was, with that row, read already, to be read as the first record."""
    for pending in rows:
        # Blank as the readers of records take it: a cell of characters that show nothing is still a record's.
        if any(cell not in ("", None) and (type(cell) is not str or cell.strip()) for cell in pending[1]):
            break
    else:
        return headers, header, None
    if joined := two_row_header(headers, pending[1], columns):
        return *joined, None
    return headers, header, pending


def also_cells(
    row: list[Any], header: HeaderMap, headers: list[str]
) -> dict[str, list[tuple[str, Any]]] | None:
    """The cells of a row's further columns of one meaning that hold something, by canonical name."""
    found: dict[str, list[tuple[str, Any]]] = {}
    for name, positions in header.also.items():
        for at in positions:
            if at < len(row) and row[at] not in ("", None) and clean(row[at]):
                found.setdefault(name, []).append((headers[at], row[at]))
    return found or None


def margin_columns(headers: list[str], header: HeaderMap) -> tuple[int, ...]:
    """The cells a footer's words may stand in where no candidate's do: the row's number (序号) and the ID
    number. 制表人：王五 across them is a footer, though 王五 under 姓名 would pass for a name."""
    numbering = (i for i, text in enumerate(headers) if str(text or "").strip() in _NUMBERING)
    return (*numbering, *([header.index["id_number"]] if "id_number" in header.index else []))


def is_footer(text: str) -> bool:
    """Whether a cleaned cell is a total's (合计, 5人) or a footer's first words (制表人：, 盖章) and no ID number."""
    return bool(_TOTAL.match(text) or _FOOTER_LABEL.search(text)) and not ids_in_text(text)


def is_total(text: str) -> bool:
    """Whether a row's text is a total's (合计, 小计 5人): never a candidate's, wherever it stands."""
    return _TOTAL.match(text) is not None


def has_footer_words(text: str) -> bool:
    """Whether the text of a row that is no candidate's holds a footer's words: a total, a colon (审核人：王五), a
    sentence's marks, or a footer's first words (以上人员…, 盖章). A date or a word alone (待补) is none: it may
    be a candidate's cell gone astray."""
    return is_total(text) or _FOOTER.search(text.translate(_NO_DIGITS)) is not None


def holds_a_candidate(cells: dict[str, Any]) -> bool:
    """Whether a row's name or post is a candidate's: written, and no footer's words (审核人：王五 under 姓名,
    合计6人 under 拟任职务) nor a count (5 under 姓名). Not its community: a 社区 merged down the whole sheet
    covers the footer's row too, and a total names the community it totals."""
    for column in ("name", "roles"):
        text = clean(cells.get(column))
        # Nor the header's own words (姓名, 拟任职务 on a group row over the header written again, merged down).
        if (
            text
            and not has_footer_words(text)
            and not _ROW_NUMBER.fullmatch(text)
            and column_of(text) is None
        ):
            return True
    return False


def footer_of(raw: Any) -> DataProblem | None:
    """The row-not-a-candidate finding of a row read as a footer or a note, if it is one and the row holds no
    candidate's name or post (赵红 beside 注：身份证号待补 under 身份证号 is a candidate whose row is wrong, never
    a footer to pass over). A row a --jobs worker sends compact has no finding at all."""
    if isinstance(raw, RawRecord) and raw.problems:
        for problem in raw.problems:
            if problem.rule == "row-not-a-candidate":
                return None if holds_a_candidate(raw.cells) else problem
    return None


def footer_in_margin(row: list[Any], at: tuple[int, ...]) -> int | None:
    """Where a footer's words stand where a number goes (合计 or 制表人： under 序号, 审核人：李四 under 身份证号),
    if they do. Asked of every row: a number's cell is let go at the first look."""
    for i in at:
        cell = row[i] if i < len(row) else None
        if (
            type(cell) is str
            and cell
            and not cell.isascii()
            and not cell.isdigit()
            and is_footer(clean(cell))
        ):
            return i
    return None


def text_aside(
    row: list[Any],
    header: HeaderMap,
    sheet_row: int,
    first_column: int = 0,
    sheet: str | None = None,
    margin: tuple[int, ...] = (),
) -> DataProblem | None:
    """Of a row with no name, community or posts: a footer or a note (审核人：王五 under 序号 or 街道, 以上人员…
    under 备注), said with its text and cell (on `sheet_row`, the row Excel shows), as the row is no candidate
    and shows nothing of itself. A row that holds what the check reads (a date, a yes) beside another text is a
    candidate's whose name is missing: not this. Its number is no text of its own: numbered or not, the row is
    read alike. A total (小计 beside its community) and a footer's words where a number goes (see
    footer_in_margin) are footers whatever else the row holds."""
    at = header.index.get("name")
    name = clean(row[at]) if at is not None and at < len(row) else ""
    # The cell that makes it a footer whatever else the row holds, shown as what the row is.
    surely = footer_in_margin(row, margin)
    if name and _TOTAL.match(name):
        surely = at if surely is None else surely
    elif name and _footer_words(name) and not _ROW_NUMBER.fullmatch(name):
        # The name's own words say it, and are shown, as ever; a count (5 beside 小计) says nothing.
        surely = None
    elif name and column_of(name) is not None:
        # The header's own 姓名, whatever else the row holds: the first row of the header written again in two
        # rows (姓名 merged down both, 基本情况 over 性别), or a header that is no header of the first's.
        surely = at
    elif surely is None:
        # A total in any column read (合计6人 under 拟任职务, beside the community it totals).
        surely = next(
            (i for i in sorted(header.index.values()) if i < len(row) and is_total(clean(row[i]))), None
        )
    if surely is None:
        for column in ("community", "roles"):
            at = header.index.get(column)
            # 制表人：李四 under 社区, 填报日期： under 拟任职务: a footer's words, no community or post; nor 社区 and
            # 拟任职务 on a header's group row, merged down both its rows.
            if (
                at is not None
                and at < len(row)
                and (text := clean(row[at]))
                and not is_footer(text)
                and column_of(text) is None
            ):
                return None
        at = header.index.get("id_number")
        if (
            at is not None
            and at < len(row)
            and (number := clean(row[at]))
            and ids_in_text(number) == [number]
        ):
            # No footer holds an ID number alone in its cell: a candidate's row, however its name is written
            # (王伟2). 身份证号：1101… beside 经办人：刘明 is a footer's.
            return None
        if name and not _footer_words(name):
            return None  # a name; 填表人：张三, 以上人员经审核。, 合计 or a date in the name column is none
    texts = [(i, cell) for i, cell in enumerate(row) if clean(cell)]
    if not texts:
        return None
    if not name and surely is None:
        read = set(header.index.values())
        # Its number (序号) is not counted: a date alone is the same row numbered or not.
        # Nor is a footer's label (审核人：王五 under 文化程度 beside 填报日期： under 拟任职务).
        counted = [
            (i, cell)
            for i, cell in texts
            if (i in read or not _ROW_NUMBER.fullmatch(clean(cell))) and not is_footer(clean(cell))
        ]
        if len(counted) > 1 and any(i in read for i, _ in counted):
            return None
    # The words, not the row's number beside them: the longest text that is not a number.
    words = [(i, cell) for i, cell in texts if not _ROW_NUMBER.fullmatch(clean(cell))] or texts
    at, cell = (
        (surely, row[surely]) if surely is not None else max(words, key=lambda found: len(str(found[1])))
    )
    text = " ".join(str(cell).split())  # as written, its line breaks as spaces
    reference = f"{column_letter(first_column + at)}{sheet_row}"
    shown = text if len(text) <= 40 else text[:40] + "…"
    return DataProblem("row-not-a-candidate", "", shown, cell=f"{sheet}!{reference}" if sheet else reference)


# What no name holds, and a footer does: a colon (填表人：张三), a sentence's marks (以上人员经审核，符合条件。),
# or a footer's first word (合计, 填表人 张三). Words where the name goes make the row a footer whatever else it
# holds, but a community or a post.
_FOOTER_START = (
    r"^(合计|总计|小计|共计|以上|以下|填表|填报|制表|审核|审批|审查|负责人|联系人|联系电话|经办人|备注|注|说明|日期)"
    r"|盖章|签章|签字|签名|公章|此页无正文"
    # The title of a second table stacked under the first (乙社区候选人名单): no person's name ends so (helper-60);
    # nor a header's group row over it (基本情况 over 性别 and 出生年月, 拟任情况 over 社区 and 拟任职务).
    r"|(名单|名册|一览表|情况表|登记表|推荐表|汇总表|统计表|情况|信息)$"
)
_FOOTER_WORDS = r"[:：，,。;；!！?？]|" + _FOOTER_START
# Where a number goes, only a footer's first words: 1， typed for a row's number is still a row's.
_FOOTER_LABEL = re.compile(_FOOTER_START)
# A total's row, whatever else it holds (小计 beside the community it totals), and a head count where the name
# goes (合计 under 序号, 5人 under 姓名). Excel's own: a table's totals row (汇总) and 分类汇总's row under each
# group (青松社区 计数, its count where the name goes), read as candidates named 5.0 and teams of their own
# (helper-73).
_TOTAL = re.compile(
    r"(合计|总计|小计|共计)|共?\d+\s*[人名]$|汇总$|.*\S\s+(计数|汇总|求和|平均值|最大值|最小值)$"
)
_FOOTER = re.compile(_FOOTER_WORDS)
# A name cell worth asking about (see _footer_words): footer words, a digit (a date, a total, or 王伟2), or an
# Excel table's totals row's word, which it writes in the first column, 姓名 where there is no 序号 (helper-74); or
# the header's own 姓名, merged down over the header written again in two rows, on the first of them.
NOT_A_NAME = re.compile(_FOOTER_WORDS + r"|\d|^汇总$|^姓\s*名")
_HAN_LETTER = re.compile(f"[{HAN}]")
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _footer_words(name: str) -> bool:
    """Whether a name cell holds a footer's words: its marks or first words, or digits without a Chinese
    character (2006-09-01, 8); 王伟2, two 王伟 told apart, is a name."""
    if _FOOTER.search(name.translate(_NO_DIGITS)):  # 1合计, numbered, as 合计
        return True
    return any(ch.isdigit() for ch in name) and not _HAN_LETTER.search(name)


# A row's number as a template fills it down: 1, 01, 1., 1.0 (a workbook's number cell).
_ROW_NUMBER = re.compile(r"\d+(\.0*)?\.?")
# Columns that number the rows: a template's rows numbered in advance are not candidates until named.
_NUMBERING = frozenset({"序号", "编号", "No.", "No", "NO.", "NO", "#"})


def rows_above_header(lines: list[int], header_line: int) -> list[Note]:
    """A note on rows above the header that look like records (a table whose first header was misspelled, and
    a second one below it): not read as candidates, and said, so none is dropped without a word."""
    if not lines:
        return []
    shown = "、".join(str(line) for line in lines[:10]) + ("…" if len(lines) > 10 else "")
    return [Note("rows-above-header", "warning", (("lines", shown), ("header_line", str(header_line))))]


def row_not_a_record(
    headers: list[str], header: HeaderMap, columns: tuple[Column, ...]
) -> Callable[[list[Any], list[Any] | None], str]:
    """Whether a row whose name cell is empty, or the header's, is still no record, and why: "blank", empty but
    for its number (序号 filled down a template's rows) or characters that show nothing (a zero-width space);
    "header", the header again in its places (a second table pasted under the first); "reordered", the header
    again to be read by its own places, alone or with the row `above` it (see header_again); "" for a record.
    Asked only of such rows: a named one is a record."""
    numbering = frozenset(i for i, text in enumerate(headers) if text in _NUMBERING)
    mapped = tuple(header.index.values())
    written = tuple(headers[i] for i in mapped)
    # Of a two-row header, the text each row has over each column read: either row, repeated, is a header.
    either = [{row[i] for row in header.rows if i < len(row)} | {""} for i in mapped]
    in_order = sorted(filter(None, (clean(text) for text in headers)))  # its texts in any order
    own = frozenset(in_order)
    known = header_words(headers, header, columns)

    def not_a_record(row: list[Any], above: list[Any] | None = None) -> str:
        cells = [clean(cell) for cell in row]
        # A number in the 序号 column, not any text: a name typed into it is a record gone astray, said as one.
        if all(not text or (i in numbering and _ROW_NUMBER.fullmatch(text)) for i, text in enumerate(cells)):
            return "blank"
        read = tuple(cells[i] if i < len(cells) else "" for i in mapped)
        if (read == written and own.issuperset(filter(None, cells))) or (
            bool(header.rows)
            and any(read)
            and all(text in held for text, held in zip(read, either, strict=True))
        ):
            return "header"
        if not header.rows and sorted(filter(None, cells)) == in_order:
            return "reordered"
        # Written again in other words (出生年月 for 出生年月\n（年龄）, 公民身份号码 for 身份证号), with a column no
        # rule reads left out or added (联系电话), or as two rows: known by the columns read (helper-103: it was
        # a candidate named 姓名, and its rows were read by the first header's places). Only a row holding one of
        # the header's words is asked: a record holds none.
        if any(text in known for text in cells) and (
            again := header_again(row, above, headers, header, columns)
        ):
            return "header" if again[1] is header else "reordered"
        return ""

    return not_a_record


def header_again(
    row: list[Any],
    above: list[Any] | None,
    headers: list[str],
    header: HeaderMap,
    columns: tuple[Column, ...],
) -> tuple[list[str], HeaderMap] | None:
    """The header written again on this row, or on the row `above` and this one (基本情况 over 性别 and 出生年月,
    姓名 merged down both rows): its texts, and the header's columns at their places in it, the header itself
    where they are at its places and it adds no text; None where it is no header of the first's.

    It is the first's where it heads the very columns the check reads, each as often, in whatever words
    (公民身份号码 for 身份证号, 学历 for 文化程度), order or width. A column the check reads that the first header
    lacked (被剥夺政治权利 added) makes it none (helper-104): the rows under it stay records, said as rows the
    first header does not fit; but for one read as blank where a table has none (备注), left out or added, and
    read so on the rows under it. Read by the first header's places, a table's rows under it in another order had
    被剥夺政治权利's 是 read as a relative, and a person deprived of political rights passed (helper-91)."""
    texts = [str(cell) if cell is not None else "" for cell in row]
    found = map_headers(texts, columns)
    # A column read as blank where a table has none (备注, `missing: blank`) may be left out or added: the first
    # table's with 备注 and the second's without were a candidate named 姓名 and rows too short, invalid.
    blank = frozenset(column.name for column in columns if column.blank_when_missing)
    heads = header.index.keys() - blank
    joined = None
    if found.index.keys() - blank != heads and above is not None:
        joined = two_row_header(above, row, columns, below=False)
        if joined is not None:
            texts, found = joined
    if found.index.keys() - blank != heads or any(
        len(found.also.get(name, ())) != len(positions)
        for name, positions in header.also.items()
        if name not in blank
    ):
        return None
    keys = [again_key(text) for text in texts]
    if found.index == header.index and found.also == header.also:
        had = frozenset(filter(None, map(again_key, headers)))
        # In its places, its texts the first's or their other words: the header itself, as a row of it would
        # be taken (a column no rule reads left out, 联系电话, asks the rows under it to reach only its own last).
        if joined is None and all(
            not key or key in had or text in found.canonical_of for key, text in zip(keys, texts, strict=True)
        ):
            return texts, header
    elif any(keys.count(key) > 1 for key in keys if key):
        return None  # a text written twice in another order (备注 twice): which is which is not guessed at
    return texts, replace(header, index=found.index, also=found.also)


def again_key(text: Any) -> str:
    """A header's text as a header written again is matched by: as the header is matched to its column, without
    its spaces or a remark in brackets (出生年月\n（年龄） is 出生年月; 姓　名 is 姓名)."""
    return bare_header(clean(text))


def said_again(
    line: int,
    before: tuple[list[str], HeaderMap],
    after: tuple[list[str], HeaderMap],
    columns: tuple[Column, ...],
    reheaded: tuple[list[tuple[int, HeaderMap]], list[Note]],
    excel_row: int | None = None,
) -> None:
    """What is said of the header written again on `line`, to be read by: the columns the check reads that it
    moved (header-reordered), and each column it adds that no rule reads (联系电话, said column-not-read: its
    cells, on the rows under it, are not read, where they were a row too long, invalid). `excel_row`: the row
    Excel shows it on, where that is not its line (a CSV under a cell over two lines), which the notes name."""
    headers, header = after
    shown = (("excel_row", str(excel_row)),) if excel_row is not None and excel_row != line else ()
    was_at = before[1].index
    moved = sorted(
        (p, clean(headers[p]))
        for name, at in header.index.items()
        if name in was_at  # not 备注 added (see header_again)
        for p, was in zip(
            (at, *header.also.get(name, ())),
            (was_at[name], *before[1].also.get(name, ())),
            strict=True,
        )
        if p != was
    )
    if moved:
        params = (("line", str(line)), ("headers", "、".join(text for _, text in moved)), *shown)
        reheaded[1].append(Note("header-reordered", "warning", params))
    if moved or header.index.keys() != was_at.keys():  # 备注 left out or added: its cells' places are its own
        reheaded[0].append((line, header))
    had = frozenset(filter(None, map(again_key, before[0])))
    for text in headers:
        if (key := again_key(text)) and key not in had and column_of(text, columns) is None:
            params = (("line", str(line)), ("header", clean(text)), *shown)
            reheaded[1].append(Note("column-not-read", "warning", params, message="column-not-read-again"))


def header_words(headers: list[str], header: HeaderMap, columns: tuple[Column, ...]) -> frozenset[str]:
    """The header's texts, each row's of a header of two (基本情况 over 性别), and every other spelling of the
    columns it heads (公民身份号码 for 身份证号): a row whose name cell holds one of them may be the header written
    again, in its order or another (姓名 moved from A to B), in its words or others."""
    texts = (*headers, *(text for row in header.rows for text in row))
    return frozenset(
        text for text in (*texts, *(clean(h) for h in texts), *map(again_key, texts)) if text
    ) | spellings(columns, header.index)


def is_header_word(named: str, words: frozenset[str]) -> bool:
    """Whether a name cell holds one of the header's texts, spaced out or with a remark (姓 名, 姓名（曾用名）):
    the header written again, perhaps. (Asked of a row whose name has a space or a bracket in it, which few do.)"""
    return named in words or (
        (" " in named or "\u3000" in named or "（" in named or "(" in named) and again_key(named) in words
    )


def require_rows(rows: Iterator[RawRecord], shown: str, header_line: int | None) -> Iterator[RawRecord]:
    """The rows, refusing a table that has a header but not a single data row."""
    first = next(rows, None)
    if first is None:
        raise RosterError("file-no-rows", Location(shown, header_line))
    return itertools.chain([first], rows)


def _missing(header: HeaderMap, headers: list[str], location: Location) -> RosterError:
    """A required column not found, with the header that is most likely it misspelt (性名 for 姓名)."""
    # 社区 is said last of several: a sheet's or file's name may give it, and then the other is what is missing.
    column = next((c for c in header.missing if c.name != "community"), header.missing[0])
    guess = next((h for h in header.unknown if suggest_column(h, (column,))), "")
    found = [h for h in headers if h]
    suggestion: Term | str = Term(f"（“{guess}”是不是它？）", f" (is {guess!r} it?)") if guess else ""
    # Whether it holds people, whatever is missing: a column only a person's row has (身份证号, 出生年月, 拟任职务),
    # or a first row that is a person's record. A workbook's sheet of them, 续表 pasted without its header or
    # headed 候选人姓名, was passed over as no roster, its candidates unchecked and the run passed (helper-88).
    people = bool(_PERSONS_COLUMNS & set(header.index))
    if any(mask_ids(h) != h for h in found):
        people = True
        # No header, a person's row first: said so, and its birth date shown by the year only, as beside any
        # masked ID number (the digits it hides). The number itself is masked with the message, unless --show-pii.
        found = [h if mask_ids(h) != h else mask_birth(h) for h in found]
        suggestion = Term(
            "（这一行像是一条记录，不是表头：名册缺了表头行？）",
            " (this line looks like a record, not a header: is the header row missing?)",
        )
    return RosterError(
        "column-missing",
        location,
        canonical=column.name,
        zh=column.zh,
        found=listed(found) if found else "-",
        suggestion=suggestion,
        # Every required column missing, not only the one said: a workbook's sheet with 姓名 and 拟任职务 but
        # no 社区 is a roster all the same (see workbook.open_workbook).
        missing=",".join(c.name for c in header.missing),
        # The columns it did find: a settings workbook's sheet with some of them is part of the table.
        known=",".join(header.index),
        people="1" if people else "",
    )


# Columns only a person's row has, among a roster's: a sheet with one holds candidates (see _missing).
_PERSONS_COLUMNS = frozenset({"id_number", "birth_date", "roles"})


# ---- CSV and TSV --------------------------------------------------------------------------------------------


def _delimited(
    source: Input, encoding: str, delimiter: str, columns: tuple[Column, ...], *, given: bool = False
) -> Table:
    stream = open_text(source, encoding)
    if csv.field_size_limit() < CSV_MAX_FIELD:
        csv.field_size_limit(CSV_MAX_FIELD)
    reader = csv.reader(stream, delimiter=delimiter)
    lines = _Numbered(reader, source.shown)
    searched: list[tuple[int, list[str]]] = []
    met = Undecodable.met
    above: list[int] = []
    try:
        header_line, headers, header = find_header(_kept(lines, searched), columns, source.shown, above)
    except RosterError:
        # A header lost to bytes the encoding cannot read is the encoding's fault, not a missing column.
        bad = next((line for line, row in searched if _UNDECODABLE.search("".join(row))), None)
        if Undecodable.met == met or bad is None:
            raise
        raise _undecodable_file(source.shown, bad, searched, encoding, given) from None
    if _UNDECODABLE.search("".join(headers)):
        raise _undecodable_file(source.shown, header_line, searched, encoding, given)
    # The row under the header may be its second row (an Excel roster's grouped header, saved as CSV).
    headers, header, pending = second_header_row(lines, headers, header, columns)
    skip = Skip()
    reheaded: list[tuple[int, HeaderMap]] = []
    notes: list[Note] = []
    rows = _delimited_rows(
        reader,
        source.shown,
        header,
        headers,
        stream,
        delimiter,
        skip,
        (encoding, met),
        pending,
        (reheaded, notes),
        columns,
        lines.read - (pending is not None),
    )
    table = Table(
        source.shown,
        source.format,
        header,
        require_rows(rows, source.shown, header_line),
        encoding=encoding,
        header_line=header_line,
        skip=skip,
        notes=notes,
        reheaded=reheaded,
    )
    table.notes.extend(rows_above_header(above, header_line))
    return table


# Other ways columns are separated in files named .csv or .tsv: Excel's "Unicode text" (tabs) renamed .csv, a
# European Excel's CSV (semicolons), an export from another system (vertical bars). How each is named.
_DELIMITERS = {",": ",", "\t": "Tab", ";": ";", "|": "|"}


def _delimited_any(source: Input, encoding: str, columns: tuple[Column, ...], *, given: bool) -> Table:
    """The table as its name says it is separated; or, when no header is found so, separated as the file is:
    the header read whole as one cell would name its columns while saying they are missing."""
    named = "\t" if source.format == "tsv" else ","
    try:
        return _delimited(source, encoding, named, columns, given=given)
    except RosterError as missing:
        if missing.key != "column-missing":
            raise
        said = missing  # of the ways tried, the one that split the header into the most columns
        head = read_bytes(source, limit=1 << 16).decode(encoding, "replace")
        for other in _DELIMITERS:
            if other == named or other not in head:
                continue
            try:
                table = _delimited(source, encoding, other, columns, given=given)
            except RosterError as also:
                if also.key == "column-missing" and _found(also) > _found(said):
                    said = also
                continue
            suffix = source.format if source.path is None else source.path.suffix.lstrip(".")
            params = (("delimiter", _DELIMITERS[other]), ("named", _DELIMITERS[named]), ("suffix", suffix))
            table.notes.append(Note("file-delimiter", "warning", params))
            return table
        raise said from None


def _found(missing: RosterError) -> int:
    found = missing.params.get("found", "")
    return found.zh.count("、") if isinstance(found, Term) else 0


# What the decoder kept of bytes it could not read (see Undecodable).
_UNDECODABLE = re.compile("[\udc00-\udcff]+")


def _kept(
    lines: Iterator[tuple[int, list[str]]], kept: list[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    for numbered in lines:
        kept.append(numbered)
        yield numbered


def _undecodable_bytes(text: str) -> str:
    """The bytes the decoder could not read, as an officer can look them up: C0 EE."""
    return " ".join(f"{ord(ch) - 0xDC00:02X}" for run in _UNDECODABLE.findall(text) for ch in run)


def _cell_bytes(cell: str, encoding: str) -> str:
    """Every byte of a cell the decoder could not wholly read: a stray byte can make its neighbours look like
    some other character, so the bytes are shown as they are in the file."""
    try:
        encoder = codecs.getincrementalencoder(encoding)(errors="surrogateescape")
        encoder.encode("")  # a BOM (utf-8-sig, utf-16) belongs to the file's start, not to this cell
        return " ".join(f"{b:02X}" for b in encoder.encode(cell, final=True))
    except (UnicodeError, LookupError):
        return _undecodable_bytes(cell)


def _undecodable_file(
    shown: str, line: int, rows: list[tuple[int, list[str]]], encoding: str, given: bool
) -> RosterError:
    text = "".join("".join(row) for number, row in rows if number == line)
    return RosterError(
        "file-encoding-given" if given else "file-encoding-changed",  # a named encoding is the one to doubt
        Location(shown, line),
        encoding=encoding,
        reason=_undecodable_bytes(text),
    )


class _Numbered:
    """Rows with the physical line each starts on (a quoted cell may span lines), and how many have been read:
    Excel shows each row of the file, blank or over several lines, as one row."""

    def __init__(self, reader: Any, shown: str) -> None:
        self.reader, self.shown = reader, shown
        self.read = 0
        self.previous = 0

    def __iter__(self) -> _Numbered:
        return self

    def __next__(self) -> tuple[int, list[str]]:
        try:
            row = next(self.reader)
        except csv.Error as err:
            raise RosterError(
                "file-parse", Location(self.shown, self.reader.line_num), reason=str(err)
            ) from err
        self.read += 1
        line, self.previous = self.previous + 1, self.reader.line_num
        return line, row


def unnamed_cells(
    row: list[Any], columns: Iterable[int], sheet_row: int, first_column: int = 0
) -> DataProblem | None:
    """Cells holding something in columns with no name in the header (a blank header cell, 姓名 merged over two
    columns, or right of the header): said by their cells on the row Excel shows (`sheet_row`), as they are not
    read, never dropped without a word."""
    found = [i for i in columns if i < len(row) and row[i] is not None and str(row[i]).strip()]
    if not found:
        return None
    where = "、".join(f"{column_letter(first_column + i)}{sheet_row}" for i in found[:5])
    return DataProblem("row-cells-beyond-header", "", where + ("…" if len(found) > 5 else ""), "warning")


def filled_width(headers: list[str]) -> int:
    """The header's columns up to its last named one: empty header cells on its right are a spreadsheet's
    padding, which a row need not reach."""
    named = [i for i, text in enumerate(headers) if text.strip()]
    return named[-1] + 1 if named else len(headers)


def _swallowed_lines(row: list[str], delimiter: str, width: int) -> int:
    """How many whole rows a cell holds: lines inside one cell that carry a row's worth of delimiters, or a
    row cut short (its empty cells left off, as some exports do) with an ID number in it."""
    needed = max(2, width - 2)
    return sum(
        1
        for cell in row
        if "\n" in cell
        for line in cell.splitlines()[1:]
        if (found := line.count(delimiter)) >= needed or (found and _ID_LIKE.search(line))
    )


# An ID number among a line's cells: a remark spanning lines holds none, a swallowed row does.
_ID_LIKE = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")


def _delimited_rows(
    reader: Any,
    shown: str,
    header: HeaderMap,
    headers: list[str],
    stream: Any,
    delimiter: str,
    skip: Skip,
    decoded: tuple[str, int],
    pending: tuple[int, list[str]] | None,
    reheaded: tuple[list[tuple[int, HeaderMap]], list[Note]],
    columns: tuple[Column, ...],
    read: int = 0,
) -> Iterator[RawRecord]:
    """The records of a delimited file past its header; `pending`, the first row, read already to see whether
    it was the header's second row; `read`, the rows (records, blank or not) the csv reader gave before it. The
    header written again to be read by (see header_again) is said in `reheaded`, and the rows under it are read
    by it."""
    number = 0
    width, least = len(headers), filled_width(headers)
    encoding, met = decoded  # the encoding, and how many undecodable bytes had been met before the file
    gbk = codecs.lookup(encoding).name in _GBK
    words = header_words(headers, header, columns)

    def read_by(header: HeaderMap, headers: list[str]) -> tuple[Any, ...]:
        not_a_record = row_not_a_record(headers, header, columns)
        # Asked of the name cell; a settings table (communities, approvals) has none, and rows of its own to say.
        name_at = header.index.get("name", -1)
        names, positions = tuple(header.index), tuple(header.index.values())
        unnamed = tuple(i for i, text in enumerate(headers) if not text.strip())  # most headers have none
        # The known columns' cells of a row, in the header's order, taken in one call.
        cells_of = (
            operator.itemgetter(*positions)
            if len(positions) > 1
            else lambda row: tuple(row[p] for p in positions)
        )
        footer_at = margin_columns(headers, header)
        return not_a_record, name_at, names, max(positions, default=-1), unnamed, cells_of, footer_at

    not_a_record, name_at, names, reach, unnamed, cells_of, footer_at = read_by(header, headers)
    # The csv reader itself, past the header, each row numbered here by the line it starts on (as _Numbered
    # does for the header search): a generator less for every row.
    previous = reader.line_num if pending is None else pending[0] - 1
    # Lines above the next row beyond one for each row: Excel shows a row over several lines (a cell with a line
    # break) in one, so a row's cells are on its row of the sheet, `at`, not its line. Kept as it changes, rarely.
    shift = previous - read
    header_above: int | None = None
    last: list[str] | None = None  # the last record's row: a header written again in two rows may start on it
    try:
        for row in reader if pending is None else itertools.chain((pending[1],), reader):
            line, previous = previous + 1, reader.line_num
            at = line - shift
            if previous != line:
                shift = previous - at
            joined = "".join(row)  # one C call answers both questions below for the common row
            if not joined.strip():
                continue
            named = row[name_at] if 0 <= name_at < len(row) else ""
            # isprintable: a zero-width space alone is empty too, and no printable name needs asking
            # (A name of other than letters, rare, a space or a bracket in it, is asked whether it is a header's
            # text spaced out or with a remark: 姓 名, 姓名（曾用名）. One test a row, in C.)
            if (
                not named.strip()
                or not named.isprintable()
                or named in words
                or (not named.isalpha() and is_header_word(named, words))
            ) and (passed_over := not_a_record(row, last)):
                # The header again, to be read by (reordered, in other words, wider, or two rows), or in the same
                # order but narrower (the first had 联系电话 on its right, or an empty column): the rows under it
                # need reach only its own last column.
                if passed_over == "reordered" and (
                    again := header_again(row, last, headers, header, columns)
                ):
                    said_again(line, (headers, header), again, columns, reheaded, at)
                    headers, header = again
                    width, least = len(headers), filled_width(headers)
                    not_a_record, name_at, names, reach, unnamed, cells_of, footer_at = read_by(
                        header, headers
                    )
                    passed_over = "header"
                elif passed_over == "header":
                    least = filled_width(row)
                if passed_over == "header":
                    header_above, last = line, None
                    continue
                if passed_over != "reordered":
                    continue
            last = row
            number += 1
            if skip.ahead:
                skip.ahead -= 1
                skip.passed += 1
                header_above = None
                continue
            # A cell pasted in UTF-8 first: GB18030 may fail on some of its bytes (第1 reads as 绗, a byte it
            # cannot read, and 1), and those are then the cell's UTF-8, not bytes to show as lost.
            pasted = _utf8_cells(row, headers, at, encoding) if gbk and _UTF8_START.search(joined) else None
            undecodable = (
                _undecodable_cells(row, headers, at, encoding)
                if Undecodable.met != met and _UNDECODABLE.search("".join(row) if pasted else joined)
                else None
            )
            if len(row) > reach:
                cells = dict(zip(names, cells_of(row), strict=True))  # in C: the common, whole row
            else:
                cells = {name: row[i] if i < len(row) else "" for name, i in header.index.items()}
            # at <= line <= previous: equal for a row on one line of its own row of Excel, the common one.
            source = (
                RowSource(shown, number, line)
                if at == previous
                else RowSource(
                    shown,
                    number,
                    line,
                    end=previous if previous != line else None,
                    excel_row=at if at != line else None,
                )
            )
            record = RawRecord(source, cells)
            if header.also:
                record.also = also_cells(row, header, headers)
            if header_above is not None:
                record.header_above, header_above = header_above, None
            swallowed = _swallowed_lines(row, delimiter, width) if "\n" in joined else 0
            # "甲,一社区,书记,1960-01-01 with its quote never closed: the row itself read as one cell, taken for a
            # footer, and the file for a blank template (helper-52).
            own = len(row) < width and any(
                cell.split("\n", 1)[0].count(delimiter) >= max(2, width - 2) for cell in row
            )
            if (
                name_at >= 0
                and not own
                and not swallowed  # rows swallowed into the name are no footer's words: said as they are
                and (
                    not named.strip()
                    or NOT_A_NAME.search(named)
                    or footer_in_margin(row, footer_at) is not None
                )
                and (aside := text_aside(row, header, at, margin=footer_at)) is not None
            ):
                record.problems.append(aside)
            if swallowed:
                # A quote never closed turns the following lines into one cell: say so, or those rows vanish.
                record.problems.append(DataProblem("row-unclosed-quote", "", str(swallowed)))
            elif own:
                record.problems.append(DataProblem("row-unclosed-quote-own", "", joined.split("\n", 1)[0]))
            # Trailing empty cells are how spreadsheets pad rows; anything else means the cells have shifted.
            # (Short of the header's empty columns on its right only, a row is padded as any other.)
            elif len(row) < least or any(cell.strip() for cell in row[width:]):
                short = len(row) < least
                record.problems.append(
                    DataProblem(
                        "row-too-short" if short else "row-too-long",
                        "",
                        str(len(row)),
                        params=(("expected", str(least if short else width)),),
                    )
                )
            if unnamed and (without := unnamed_cells(row, unnamed, at)) is not None:
                record.problems.append(without)
            if undecodable:
                record.problems.extend(undecodable)
            if pasted:
                record.problems.extend(pasted)
            yield record
    except csv.Error as err:
        raise RosterError("file-parse", Location(shown, reader.line_num), reason=str(err)) from err
    finally:
        stream.close()


def _undecodable_cells(
    row: list[str], headers: list[str], sheet_row: int, encoding: str
) -> list[DataProblem]:
    """Cells holding bytes the file's encoding cannot read (a GBK name pasted into a UTF-8 file): each is named
    with its column and bytes, and shows U+FFFD for them, so the rest of the row is still checked."""
    problems = []
    for i, cell in enumerate(row):
        if _UNDECODABLE.search(cell):
            problems.append(
                _cell_problem(
                    "cell-undecodable", i, headers, sheet_row, _cell_bytes(cell, encoding), encoding
                )
            )
            row[i] = _UNDECODABLE.sub(lambda run: "\ufffd" * len(run.group()), cell)
    return problems


def _cell_problem(
    rule: str,
    i: int,
    headers: list[str],
    sheet_row: int,
    value: str,
    encoding: str,
    severity: str = "invalid",
    **more: str,
) -> DataProblem:
    """A problem with the encoding of cell `i` of the row Excel shows as `sheet_row`, named by its header (or
    its letter)."""
    return DataProblem(
        rule,
        headers[i] if i < len(headers) and headers[i] else column_letter(i),
        value,
        severity,
        params=(("encoding", encoding), *more.items()),
        cell=f"{column_letter(i)}{sheet_row}",
    )


_GBK = {"gb18030", "gbk", "gb2312"}
_HAN = re.compile("[\u4e00-\u9fff]")
# A Chinese character in UTF-8 starts with a byte E4–E9 and a byte 80–BF; GB18030 reads that pair as one of
# these 384 characters, so a cell that holds none of them cannot be UTF-8 Chinese. Few GBK rows hold any,
# which spares most rows the encode and decode (a microsecond a cell, as long as the rest of the reading).
_UTF8_START = re.compile(
    "["
    + "".join(
        bytes([lead, trail]).decode("gb18030") for lead in range(0xE4, 0xEA) for trail in range(0x80, 0xC0)
    )
    + "]"
)


def _utf8_cells(
    row: list[str], headers: list[str], sheet_row: int, encoding: str
) -> list[DataProblem] | None:
    """Cells of a GBK file that were written in UTF-8 (a name pasted from another file). GB18030 reads such
    bytes without complaint, as other characters (王海 as 鐜嬫捣); read back as UTF-8 they are Chinese again,
    which real GBK text almost never is. Each such cell is read as UTF-8 and named, as a warning."""
    problems = None
    for i, cell in enumerate(row):
        if (meant := _meant_as_utf8(cell, encoding)) is None:
            continue
        problems = problems or []
        as_read = _UNDECODABLE.sub(lambda run: "\ufffd" * len(run.group()), cell)
        problems.append(
            _cell_problem(
                "cell-utf8-in-gbk", i, headers, sheet_row, meant, encoding, "warning", as_read=as_read
            )
        )
        row[i] = meant
    return problems


def _meant_as_utf8(cell: str, encoding: str) -> str | None:
    """A GBK cell's text as UTF-8, when it was written in UTF-8: it then reads as Chinese characters alone."""
    if not _UTF8_START.search(cell):
        return None
    try:
        # surrogateescape: the bytes GB18030 could not read are given back, as UTF-8 may read them
        meant = cell.encode(encoding, "surrogateescape").decode("utf-8")
    except UnicodeError:
        return None
    beyond_ascii = "".join(ch for ch in meant if not ch.isascii())
    if not beyond_ascii or _HAN.sub("", beyond_ascii):
        return None  # UTF-8 by chance: not Chinese characters alone
    return meant


# ---- YAML and JSON ------------------------------------------------------------------------------------------


def _structured(source: Input, encoding: str, columns: tuple[Column, ...], *, given: bool = False) -> Table:
    shown = source.shown
    raw = read_bytes(source)
    utf8_lines: list[int] = []
    if encoding == "gb18030" and not given:
        kept, utf8_lines = _gbk_with_utf8_lines(raw)
    else:
        kept = raw.decode(encoding, KEEP_UNDECODABLE)
    found = _Undecodable(kept, encoding) if _UNDECODABLE.search(kept) else None
    if found is not None and given:
        raise found.error(0, shown=shown, key="file-encoding-given")  # the encoding named is the one to doubt
    text = found.text if found is not None else kept
    lines: list[int] = []  # where each record starts, for a YAML roster (the json module tells no lines)
    data = _load_json(text, shown) if source.format == "json" else _load_yaml(text, shown, lines)
    if source.format == "json":
        lines = json_record_lines(text)
    if _ESCAPED_SURROGATE.search(text):
        data = _whole_characters(data, _part(_DOCUMENT, None, isinstance(data, dict)))
    utf8_values = encoding == "gb18030" and not given
    if found is not None and (damaged := found.outside_candidates(data, utf8_values=utf8_values)) is not None:
        # In a key, or a community's own setting, the damage is to the file, not to one candidate's cell.
        raise found.error(*damaged, shown=shown, key="file-encoding-changed")
    table = records_table(data, shown, columns, source.format, lines)
    table.encoding = encoding
    if found is not None:
        table.rows = found.named(table.rows, table.header.headers, utf8_values=utf8_values)
    if utf8_values:
        table.rows = _utf8_values(table.rows, table.header.headers, encoding)
        for settings in table.communities:  # a community's name pasted in UTF-8: its seats must still match
            for key, value in settings.items():
                if isinstance(value, str) and (meant := _meant_as_utf8(value, encoding)) is not None:
                    settings[key] = meant
    if utf8_lines:
        shown_lines = "、".join(map(str, utf8_lines[:10])) + ("…" if len(utf8_lines) > 10 else "")
        table.notes.append(Note("file-utf8-lines-in-gbk", "warning", (("lines", shown_lines),)))
    return table


# Chinese text: Han characters, CJK, full-width and general punctuation (“” — …), and the middle dot of 阿卜杜·热合曼.
_UTF8_LINE = re.compile("[\u00b7\u2010-\u2027\u2030-\u205e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def _gbk_with_utf8_lines(raw: bytes) -> tuple[str, list[int]]:
    """A YAML/JSON file in GBK with lines pasted from a UTF-8 file. Read whole as GB18030, a UTF-8 line is not
    only garbled: the last byte of a character and the } or ] after it read as one GB18030 character, and the
    file no longer parses. Each line is read as UTF-8 when it is UTF-8 and reads as Chinese text alone, with
    four Han characters at least (a key and a name: eight bytes of GBK make two UTF-8 characters at most, and
    GBK text practically never reads as UTF-8 Chinese anyway, see _utf8_cells), or GB18030 cannot read it at
    all. The lines so read are returned; shorter pasted values are found once parsed (_utf8_values)."""
    if raw.isascii() or _UTF8_START_BYTES.search(raw) is None:
        return raw.decode("gb18030", KEEP_UNDECODABLE), []
    parts: list[str] = []
    utf8_lines: list[int] = []
    for number, line in enumerate(raw.splitlines(keepends=True), start=1):
        if not line.isascii():
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                beyond_ascii = "".join(ch for ch in text if not ch.isascii())
                if not _UTF8_LINE.sub("", beyond_ascii) and (
                    len(_HAN.findall(beyond_ascii)) >= 4 or not _reads_as(line, "gb18030")
                ):
                    parts.append(text)
                    utf8_lines.append(number)
                    continue
        parts.append(line.decode("gb18030", KEEP_UNDECODABLE))
    return "".join(parts), utf8_lines


def _utf8_values(rows: Iterator[RawRecord], headers: dict[str, str], encoding: str) -> Iterator[RawRecord]:
    """The records of a GBK YAML/JSON file, each text value that was written in UTF-8 read as such and named
    (cell-utf8-in-gbk, a warning), as for the cells of a table (see _utf8_cells)."""
    for record in rows:
        for name, cell in record.cells.items():
            items = (
                cell if isinstance(cell, list) else [cell]
            )  # a YAML list cell: each item, as a table's cell
            read = [_meant_as_utf8(item, encoding) if isinstance(item, str) else None for item in items]
            if not any(read):
                continue
            as_read = "、".join(
                _UNDECODABLE.sub(lambda run: "\ufffd" * len(run.group()), str(item))
                for item, meant in zip(items, read, strict=True)
                if meant
            )
            meant_all = [meant or item for item, meant in zip(items, read, strict=True)]
            params = [("encoding", encoding), ("as_read", as_read)]
            if record.source.line:
                params.append(("line", str(record.source.line)))
            shown = "、".join(meant for meant in read if meant)
            record.problems.append(
                DataProblem("cell-utf8-in-gbk", headers.get(name, name), shown, "warning", tuple(params))
            )
            record.cells[name] = meant_all if isinstance(cell, list) else meant_all[0]
        yield record


def _reads_as(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# A Chinese character in UTF-8: a lead byte E3–E9 (or EF for full-width forms) and two bytes 80–BF.
_UTF8_START_BYTES = re.compile(b"[\xe3-\xe9\xef][\x80-\xbf][\x80-\xbf]")


# U+FFFD and two characters of plane 15's private use area, which number the run of bytes it stands for.
_RUN = re.compile("\ufffd([\U000f0000-\U000ffffd])([\U000f0000-\U000ffffd])")
_RUN_BASE = 0xFFFFE - 0xF0000


class _Undecodable:
    """Bytes of a YAML/JSON roster that its encoding cannot read (a name pasted from a GBK file), so that the
    records holding them are named and the others still checked. Each run of such bytes is replaced, before
    the file is parsed, by a mark that YAML and JSON keep in whatever value holds it, however the value was
    written (quoted, escaped, folded): the mark says which run, on which line, with which bytes."""

    def __init__(self, kept: str, encoding: str) -> None:
        self.encoding = encoding
        self.runs: list[tuple[int, str]] = []  # the line of each run, and the run (as lone surrogates)
        parts: list[str] = []
        last, line = 0, 1
        for run in _UNDECODABLE.finditer(kept):
            line += _line_breaks(kept, last, run.start())
            number = len(self.runs)
            self.runs.append((line, run.group()))
            high, low = divmod(number, _RUN_BASE)
            parts += (kept[last : run.start()], "\ufffd", chr(0xF0000 + high), chr(0xF0000 + low))
            last = run.end()
        parts.append(kept[last:])
        self.text = "".join(parts)

    def _number(self, mark: re.Match[str]) -> int:
        return (ord(mark[1]) - 0xF0000) * _RUN_BASE + ord(mark[2]) - 0xF0000

    def error(self, number: int, text: str | None = None, *, shown: str, key: str) -> RosterError:
        """The file stops at the line of a run: the bytes shown are those of the text that holds it (a key, a
        setting), or else every byte of that line the encoding could not read."""
        line = self.runs[number][0]
        if text is not None:
            bad = _undecodable_bytes(self._as_read(text))
        else:
            bad = " ".join(_undecodable_bytes(run) for at, run in self.runs if at == line)
        return RosterError(key, Location(shown, line), encoding=self.encoding, reason=bad)

    def outside_candidates(self, data: Any, *, utf8_values: bool = False) -> tuple[int, str] | None:
        """The first run in a key, or in a setting the check reads (the roster's election day; a community's
        name, street, election day or seats), and the text holding it: the file stops there. In any other value
        outside the candidates' cells (a remark, a record that is not a mapping) the run is shown as U+FFFD."""
        first: tuple[int, str] | None = None

        def note(text: str) -> None:
            nonlocal first
            mark = _RUN.search(text)
            if mark is not None and (first is None or self._number(mark) < first[0]):
                first = self._number(mark), text

        # A stack, not recursion: JSON may nest as deep as its parser allowed.
        waiting: list[tuple[Any, str | None]] = [(data, _part(_DOCUMENT, None, isinstance(data, dict)))]
        while waiting:
            item, part = waiting.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if isinstance(key, str):
                        note(key)
                    if part == "record":
                        continue  # a candidate's cells are named on their record (see named)
                    if isinstance(value, str) and _RUN.search(value):
                        if utf8_values and _meant_as_utf8(self._as_read(value), self.encoding) is not None:
                            item[key] = self._as_read(value)  # UTF-8 pasted in: read as such (see named)
                        elif str(key) in _SETTINGS_READ.get(part or "", ()) or _is_seats(key, part):
                            note(value)
                        else:
                            item[key] = self._shown(value)
                    elif isinstance(value, dict | list):
                        waiting.append((value, _part(part, key, isinstance(value, dict))))
            elif isinstance(item, list):
                for index, value in enumerate(item):
                    if isinstance(value, str) and _RUN.search(value):
                        item[index] = self._shown(value)
                    elif isinstance(value, dict | list):
                        waiting.append((value, _part(part, None, isinstance(value, dict))))
        return first

    def named(
        self, rows: Iterator[RawRecord], headers: dict[str, str], *, utf8_values: bool = False
    ) -> Iterator[RawRecord]:
        """Each record, its cells shown with U+FFFD for the bytes, and a cell-undecodable problem for each.
        With `utf8_values`, a text cell whose bytes read as UTF-8 Chinese (第1社区 pasted into a GBK line, which
        GB18030 reads as 绗, a byte it cannot read, 1…) is left with its bytes, for _utf8_values to read."""
        for record in rows:
            for name, cell in record.cells.items():
                marked = [text for text in _texts_in(cell) if _RUN.search(text)]
                if not marked:
                    continue
                if utf8_values and isinstance(cell, str):
                    as_read = self._as_read(cell)
                    if _meant_as_utf8(as_read, self.encoding) is not None:
                        record.cells[name] = as_read
                        continue
                first = _RUN.search(marked[0])
                assert first is not None
                line = self.runs[self._number(first)][0]
                as_read = self._as_read(" ".join(marked))
                record.problems.append(
                    DataProblem(
                        "cell-undecodable",
                        headers.get(name, name),
                        _cell_bytes(as_read, self.encoding),
                        params=(("encoding", self.encoding), ("line", str(line))),
                    )
                )
                record.cells[name] = self._shown_in(cell)
            yield record

    def _shown_in(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._shown(value)
        if isinstance(value, list):
            return [self._shown_in(item) for item in value]
        if isinstance(value, dict):
            return {self._shown_in(k): self._shown_in(v) for k, v in value.items()}
        return value

    def _as_read(self, text: str) -> str:
        """The text with each run as decoded (lone surrogates), from which its bytes can be told again."""
        return _RUN.sub(lambda mark: self.runs[self._number(mark)][1], text)

    def _shown(self, text: str) -> str:
        return _RUN.sub(lambda mark: "\ufffd" * len(self.runs[self._number(mark)][1]), text)


# An escape of half a UTF-16 pair ("\ud800"): the json module reads it as a lone surrogate, which is no character
# and which no writer can write out. (YAML refuses such an escape where it stands.)
_ESCAPED_SURROGATE = re.compile(r"\\(u|U0000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: Any, part: str | None) -> Any:
    """Every text within the data with each lone surrogate shown as U+FFFD, as bytes that cannot be read are; but
    a candidate's own cells are left for the record reader, which names each such cell on its row. `part` is what
    the value is in the roster (see _part)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole_characters(item, _part(part, None, isinstance(item, dict))) for item in value]
    if isinstance(value, dict):
        return {
            _SURROGATE.sub("\ufffd", key) if isinstance(key, str) else key: item
            if part == "record" and isinstance(item, str)
            else _whole_characters(item, _part(part, key, isinstance(item, dict)))
            for key, item in value.items()
        }
    return value


def _texts_in(value: Any) -> Iterator[str]:
    """Every text within a cell: itself, or the items of a list or mapping a YAML cell may hold."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in(key)
            yield from _texts_in(item)


def _is_seats(key: Any, part: str | None) -> bool:
    """A community's approved seats, however a rule set names the column (党组织核定职数, committee_seats)."""
    return part == "community" and isinstance(key, str) and ("职数" in key or key.endswith("seats"))


def _line_breaks(text: str, start: int, end: int) -> int:
    """Line breaks between two places of a text: LF, CR or CR LF, as YAML counts them."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def records_table(
    data: Any, shown: str, columns: tuple[Column, ...], format: str = "yaml", lines: list[int] | None = None
) -> Table:
    """A table from records already in memory: a list of records, or a mapping with communities; `lines`, when
    known, are the lines the records start on."""
    if data is None:
        raise RosterError("file-empty", Location(shown))
    election_date: Any = None
    communities: list[dict[str, Any]] = []
    records: list[tuple[Any, dict[str, Any]]] = []
    if isinstance(data, list):
        for item in data:
            # A community's group among the records (- {社区: 翠竹社区, candidates: [...]}): its candidates
            # would be one nameless record.
            if isinstance(item, dict) and any(isinstance(v, list | dict) for v in item.values()):
                _no_records_aside(item, None, shown, columns)
        records = [(item, {}) for item in data]
    elif isinstance(data, dict) and isinstance(_key(data, "communities"), list):
        _one_spelling(data, ("communities", "election_date"), shown)
        _no_records_aside(data, "communities", shown, columns)
        if seats := [str(k) for k in data if _is_seats(k, "community")]:
            # Beside the communities, seats are no community's: passed over, a community would go without them.
            raise RosterError("file-seats-beside-communities", Location(shown), keys="、".join(seats))
        election_date = _key(data, "election_date")
        for community in _key(data, "communities"):
            if not isinstance(community, dict):
                raise RosterError(
                    "file-shape",
                    Location(shown),
                    expected=Term(
                        "communities 下的每个社区都应是一个映射（键: 值）", "each community is a mapping"
                    ),
                )
            settings, found = _community_records(community, shown, columns, election_date)
            communities.append(settings)
            records.extend(found)
    elif isinstance(data, dict) and isinstance(_key(data, "candidates"), list):
        # One list under candidates:, as a rule file's test cases write it, with what its records share beside
        # it: the election day, and the community and street (with its seats) when the list is one community's.
        settings, records = _community_records(data, shown, columns)
        # Seats given beside the list belong to a community: without one named, the table refuses them.
        if settings.get("community") or any(
            k in _SETTINGS_READ["community"] for k in settings if k not in ("street", "election_date")
        ):
            communities.append(settings)
        election_date = settings.get("election_date")
    else:
        raise RosterError(
            "file-shape",
            Location(shown),
            expected=Term(
                "候选人记录的列表，或含 candidates（候选人）列表的映射，或含 election_date 和 communities 的映射",
                "a list of candidate records, a mapping with a candidates list, "
                "or a mapping with election_date and communities",
            ),
        )
    if not records:
        # No record at all, rather than records that lack a column: said so, not "name is missing".
        raise RosterError("file-no-records", Location(shown))
    headers: list[str] = []
    for item, inherited in records:
        for key in (*(item.keys() if isinstance(item, dict) else ()), *inherited):
            if str(key) not in headers:
                headers.append(str(key))
    header = map_headers(headers, columns)
    if header.missing:
        raise _missing(header, headers, Location(shown))
    if lines is not None and len(lines) != len(records):
        lines = None  # a file the records were not all read from as expected (two candidate lists in one community)
    rows = require_rows(_structured_rows(records, shown, header, lines), shown, None)
    return Table(shown, format, header, rows, election_date=election_date, communities=communities)


class _TwiceKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _mapping_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each written once: json keeps only the last of two, which would drop a list
    of candidates without a word."""
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _TwiceKey(key)
            seen.add(key)
    return mapping


def _integer(text: str) -> int | str:
    """A JSON integer; one of more than 4,300 digits, more than Python reads as an int, is kept as its text."""
    return int(text) if len(text) <= 4300 else text


# A JSON text's strings and the marks that give it shape, enough to tell keys and the objects they are in.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def _twice_at(text: str) -> tuple[int, int] | None:
    """The line and column of the first key written a second time in one object: the json module tells no
    place, and a roster's records repeat every key, so the place is found by going through the objects again."""
    objects: list[set[str] | None] = []  # the keys of each open object; None for an open list
    before: re.Match[str] | None = None
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark == ":" and before is not None and objects and objects[-1] is not None:
            key = json.loads(before.group())
            if key in objects[-1]:
                at = before.start()
                return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
            objects[-1].add(key)
        elif mark in "{[":
            objects.append(set() if mark == "{" else None)
        elif mark in "}]" and objects:
            objects.pop()
        before = token if mark.startswith('"') else None
    return None


# A JSON text's tokens, enough to tell where each value starts: strings, marks, and the bare scalars.
_JSON_VALUE = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[-0-9][-+.0-9eE]*|true|false|null')
# A record as rosters write it, whole: an object of texts, numbers and lists of them, nothing nested deeper. Passed
# over in one step (the common record), where going through its tokens costs a microsecond each.
_JSON_STRING = r'"(?:[^"\\]++|\\.)*+"'
_FLAT_RECORD = re.compile(
    rf"\{{(?:[^{{}}\[\]\"]++|{_JSON_STRING}|\[(?:[^{{}}\[\]\"]++|{_JSON_STRING})*+\])*+\}}"
)


def json_record_lines(text: str) -> list[int]:
    """The line each candidate record of a JSON roster starts on, in order, as _load_yaml finds them for YAML:
    the json module tells no place. Each value is placed by the part of the roster it opens in (see _part)."""
    lines: list[int] = []
    open_: list[list[Any]] = []  # [is a mapping, the key whose value comes next, its part in a roster]
    expecting = True  # a value comes next (else, in a mapping, a key)
    line, counted, at = 1, 0, 0
    while (token := _JSON_VALUE.search(text, at)) is not None:
        mark, at = token.group(), token.end()
        if mark == ":":
            expecting = True
            continue
        if mark == ",":
            expecting = not (open_ and open_[-1][0])
            continue
        if mark in "}]":
            if open_:
                open_.pop()
            expecting = False
            continue
        parent = open_[-1] if open_ else None
        if parent is not None and parent[0] and not expecting:
            parent[1] = mark  # a key, read only if a list or mapping opens under it
            continue
        if parent is not None and parent[2] == "records":
            line += text.count("\n", counted, token.start())
            counted = token.start()
            lines.append(line)
            if mark == "{" and (whole := _FLAT_RECORD.match(text, token.start())) is not None:
                at, expecting = whole.end(), False
                continue
        if mark in "{[":
            is_mapping = mark == "{"
            key = (
                json.loads(parent[1])
                if parent and isinstance(parent[1], str) and parent[1][:1] == '"'
                else None
            )
            part = _part(parent[2], key, is_mapping) if parent else _part(_DOCUMENT, None, is_mapping)
            open_.append([is_mapping, None, part])
            expecting = not is_mapping
        else:
            expecting = False
    return lines


# What PyYAML says of a collection or quote left open, with the mark of where it opened.
_OPENED = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a double-quoted scalar")


def _load_json(text: str, shown: str) -> Any:
    try:
        # strict=False: a control character pasted raw into a string is read as its escape (\u0001) is, and
        # named on the record that holds it (cell-control-character), instead of stopping the whole file.
        return json.loads(text, object_pairs_hook=_mapping_once, parse_int=_integer, strict=False)
    except _TwiceKey as err:
        at = _twice_at(text)
        where = Location(shown, *at) if at else Location(shown)
        raise RosterError("file-duplicate-key-json", where, name=mask_ids(err.key)) from None
    except json.JSONDecodeError as err:
        raise RosterError("file-parse", Location(shown, err.lineno, err.colno), reason=err.msg) from err
    except RecursionError:
        raise RosterError("file-too-deep", Location(shown), depth=YAML_MAX_DEPTH) from None


def _load_yaml(text: str, shown: str, record_lines: list[int] | None = None) -> Any:
    """Safe YAML, bounded: no aliases (a "billion laughs" bomb needs them), limited nesting and cell size.
    The line each candidate record starts on is added to `record_lines`, in the order of the records."""
    physical = _physical_lines(text)
    # A character YAML refuses (a control character pasted in from another system) would stop the whole file:
    # it is read as a mark YAML keeps in any scalar, and given back once parsed, so the cell that holds it is
    # named on its own record (cell-control-character) and the other records are still checked. Not where the
    # file already holds such marks (plane 16's private use area, which no roster needs), nor in a key.
    refused = {found.group() for found in yaml.reader.Reader.NON_PRINTABLE.finditer(text)}
    restore: dict[int, str] | None = None
    if refused and _REFUSED_MARK.search(text) is None:
        restore = {_REFUSED_BASE + ord(char): char for char in refused}
        text = text.translate({ord(char): mark for mark, char in restore.items()})
    try:
        # Open collections, innermost last: [is a mapping, the key whose value comes next (None: a key comes
        # next), its part in a roster (see _part), its keys so far and their lines]. A record is an item of a
        # collection whose part is "records".
        open_: list[list[Any]] = []
        for event in yaml.parse(text, Loader=SafeLoader):
            mark = event.start_mark
            where = Location(shown, physical(mark.line + 1), mark.column + 1) if mark else Location(shown)
            if isinstance(event, yaml.AliasEvent):
                raise RosterError("file-yaml-alias", where)
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                open_.pop()
                if open_ and open_[-1][1] is _COMPLEX_KEY:
                    open_[-1][1] = _COMPLEX_KEY_READ  # a key that is itself a list or mapping: its value next
                else:
                    _value_read(open_)
                continue
            if not isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent | yaml.ScalarEvent):
                continue  # the stream's and documents' own start and end
            parent = open_[-1] if open_ else None
            if record_lines is not None and parent is not None and parent[2] == "records" and mark:
                record_lines.append(physical(mark.line + 1))
            if isinstance(event, yaml.ScalarEvent):
                if len(event.value) > YAML_MAX_SCALAR:
                    raise RosterError("file-cell-too-long", where, limit=YAML_MAX_SCALAR)
                if parent is not None and parent[0] and parent[1] is None:
                    if restore is not None and (marked := _REFUSED_MARK.search(event.value)):
                        # A column's or a setting's name with such a character names nothing: the file stops.
                        code = ord(marked.group()) - _REFUSED_BASE
                        column = mark.column + 1 + marked.start() + bool(event.style) if mark else None
                        place = Location(shown, where.line, column)
                        raise RosterError("file-parse", place, reason=_refused_reason(code))
                    parent[1] = event.value  # a key: its value comes next
                    if event.value == "<<" and not event.style:  # plain: None, or "" from libyaml
                        # A merge key (<<: {…}) folds one mapping into another and lets the second win: a list
                        # of candidates could be dropped by it without a word; a roster never needs one.
                        raise RosterError("file-yaml-merge", where)
                    # YAML keeps only the last of two equal keys: a second candidates list, or a second
                    # communities list, would drop the first without a word. A plain 1 and a quoted "1" differ.
                    key = (event.value, not event.style)
                    if key in parent[3]:
                        first = parent[3][key]
                        raise RosterError(
                            "file-duplicate-key", where, name=mask_ids(event.value), first=first
                        )
                    parent[3][key] = where.line
                else:
                    _value_read(open_)
                continue
            if len(open_) >= YAML_MAX_DEPTH:
                raise RosterError("file-too-deep", where, depth=YAML_MAX_DEPTH)
            is_mapping = isinstance(event, yaml.MappingStartEvent)
            if parent is not None and parent[0] and parent[1] is None:
                parent[1] = _COMPLEX_KEY  # ? [a, b]: a list or mapping as a key, never a roster's own
            part = _part(parent[2], parent[1], is_mapping) if parent else _part(_DOCUMENT, None, is_mapping)
            open_.append([is_mapping, None, part, {}])
        data = yaml.load(text, Loader=SafeLoader)
        if restore is None:
            return data

        def refuse(setting: str) -> None:
            marked = _REFUSED_MARK.search(setting)
            assert marked is not None
            # The setting as written, where it is written so (a plain or quoted value); else its character's
            # first place in the file.
            at = text.find(setting)
            at = at + marked.start() if at >= 0 else text.find(marked.group())
            breaks = [m.end() for m in _LINE_BREAK.finditer(text, 0, at)]
            where = Location(shown, physical(len(breaks) + 1), at - (breaks[-1] if breaks else 0) + 1)
            raise RosterError(
                "file-parse", where, reason=_refused_reason(ord(marked.group()) - _REFUSED_BASE)
            )

        return _restored(data, restore, refuse, _part(_DOCUMENT, None, isinstance(data, dict)))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        if err.context_mark is not None and (err.context or "").startswith(_OPENED):
            # A brace, bracket or quote never closed: said where it opened, not on the line after the file's end
            # where the parser gave up (helper-52).
            mark = err.context_mark
        where = Location(shown, physical(mark.line + 1), mark.column + 1) if mark else Location(shown)
        raise RosterError("file-parse", where, reason=err.problem or str(err)) from err
    except yaml.reader.ReaderError as err:
        # A character YAML refuses (a control character pasted in). libyaml tells its place in bytes, not in
        # lines: found again here with YAML's own pattern.
        reason = str(err).splitlines()[0]
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        if found is None:
            raise RosterError("file-parse", Location(shown), reason=reason) from err
        at = found.start()
        breaks = [m.end() for m in _LINE_BREAK.finditer(text, 0, at)]  # CR alone ends a line too
        where = Location(shown, len(breaks) + 1, at - (breaks[-1] if breaks else 0) + 1)
        raise RosterError("file-parse", where, reason=reason) from err
    except yaml.YAMLError as err:
        raise RosterError("file-parse", Location(shown), reason=str(err).splitlines()[0]) from err


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Where a character YAML refuses stands while the file is parsed: U+100000 plus its code (see _load_yaml).
_REFUSED_BASE = 0x100000
_REFUSED_MARK = re.compile("[\U00100000-\U0010ffff]")


def _refused_reason(code: int) -> str:
    """What PyYAML says of such a character, for a key that holds one."""
    return f"unacceptable character #x{code:04x}: control characters are not allowed"


def _restored(value: Any, restore: dict[int, str], refuse: Callable[[str], None], part: str | None) -> Any:
    """The parsed data with each mark given back as the character it stands for (keys hold none). A mark in a
    setting the check reads (the roster's election day; a community's name, street, day or seats) is the
    file's damage, not a candidate's: `refuse` stops the file there, as for bytes that cannot be read."""
    if isinstance(value, str):
        return value.translate(restore)
    if isinstance(value, list):
        return [_restored(item, restore, refuse, _part(part, None, isinstance(item, dict))) for item in value]
    if isinstance(value, dict):
        for key, item in value.items():
            read = str(key) in _SETTINGS_READ.get(part or "", ()) or _is_seats(key, part)
            if read and isinstance(item, str) and _REFUSED_MARK.search(item):
                refuse(item)
        return {
            key: _restored(item, restore, refuse, _part(part, key, isinstance(item, dict)))
            for key, item in value.items()
        }
    return value


# The key being read of a mapping whose key is a list or mapping, and that key once read.
_COMPLEX_KEY, _COMPLEX_KEY_READ = object(), object()


def _physical_lines(text: str) -> Callable[[int], int]:
    """YAML counts NEL, U+2028 and U+2029 as line breaks; the file's lines, as an editor and the rest of this
    reader count them, are broken by CR and LF alone. The line of a YAML mark, as the file's line."""
    if not _YAML_ONLY_BREAK.search(text):
        return lambda line: line
    extra: list[int] = []  # the YAML lines on which a break of YAML's own falls, in order
    line = 1
    for found in _ANY_BREAK.finditer(text):
        if found.group() not in ("\n", "\r", "\r\n"):
            extra.append(line)
        line += 1
    return lambda yaml_line: yaml_line - bisect.bisect_left(extra, yaml_line)


_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_ANY_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _part(above: str | None, key: Any, is_mapping: bool) -> str | None:
    """What a collection is in a roster, from the part it opens in and under which key: the list of records at
    the root, or the mapping at the root, its list of records or of communities, each community, each
    community's list of records; and each record."""
    if above == _DOCUMENT:
        return "root" if is_mapping else "records"
    if above == "root" and not is_mapping and key in _MAPPING_KEYS["communities"]:
        return "communities"
    if above == "root" and not is_mapping and key in _MAPPING_KEYS["candidates"]:
        return "records"  # one list under candidates: (records_table refuses it beside communities)
    if above == "communities" and is_mapping:
        return "community"
    if above == "community" and not is_mapping and key in _MAPPING_KEYS["candidates"]:
        return "records"
    if above == "records" and is_mapping:
        return "record"
    return None


_DOCUMENT = "document"  # what the root collection opens in


def _shortened(text: str, limit: int = 60) -> str:
    """A text cut for a message, never inside a run of digits: half an ID number is not masked, and tells it."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if text[limit].isdigit():
        cut = cut.rstrip("0123456789Xx -")
    return cut + "…"


def _value_read(open_: list[list[Any]]) -> None:
    """A mapping's value has been read whole: a key comes next."""
    if open_ and open_[-1][0]:
        open_[-1][1] = None


def _structured_rows(
    records: list[tuple[Any, dict[str, Any]]], shown: str, header: HeaderMap, lines: list[int] | None = None
) -> Iterator[RawRecord]:
    canonical_of = header.canonical_of
    for number, (item, inherited) in enumerate(records, start=1):
        cells: dict[str, Any] = {}
        record = RawRecord(RowSource(shown, number, lines[number - 1] if lines else None), cells)
        if not isinstance(item, dict):
            record.problems.append(DataProblem("record-shape", "", _shortened(repr(item))))
            yield record
            continue
        # Records may spell a column differently (姓名 in one, name in the next): every spelling is read.
        for key, value in item.items():
            name = canonical_of.get(str(key))
            if name is None:
                continue
            if cells.get(name) in (None, ""):
                cells[name] = value
            elif value not in (None, ""):  # 村霸 beside 涉黑涉恶: read too, as a table's second column is
                record.also = record.also or {}
                record.also.setdefault(name, []).append((str(key), value))
        for name, value in inherited.items():
            if cells.get(name) in (None, ""):
                cells[name] = value
        yield record


# The words a YAML/JSON roster written per community may use for its own keys.
_MAPPING_KEYS = {
    "communities": COMMUNITIES_KEYS,
    "candidates": ("candidates", "候选人"),
    "election_date": ("election_date", "选举日期", "选举日"),
    "community": ("community", "name", "社区", "社区名称", "所在社区"),
    "street": ("street", "街道", "所在街道"),
}


# The settings a roster written by community gives that the check reads, at its root and in each community.
_SETTINGS_READ = {
    "root": frozenset(_MAPPING_KEYS["election_date"]),
    "community": frozenset(
        [*_MAPPING_KEYS["community"], *_MAPPING_KEYS["street"], *_MAPPING_KEYS["election_date"]]
        + [name for column in COMMUNITY_COLUMNS for name in (column.name, column.zh, *column.aliases)]
    ),
}


def _one_spelling(mapping: dict[Any, Any], names: tuple[str, ...], shown: str) -> None:
    """Each of a roster's own keys written once, in one spelling: with candidates and 候选人 both, one list
    would be read and the other dropped without a word."""
    for name in names:
        found = [k for k in _MAPPING_KEYS[name] if k in mapping]
        if len(found) > 1:
            raise RosterError("file-key-spellings", Location(shown), names=", ".join(map(str, found)))


@functools.lru_cache(maxsize=8)
def _headers_of(columns: tuple[Column, ...]) -> frozenset[str]:
    """Every header a roster's columns are known by, as headers are compared."""
    return frozenset(header_key(a) for c in columns for a in (c.name, c.zh, *c.aliases))


def _no_records_aside(
    mapping: dict[Any, Any], name: str | None, shown: str, columns: tuple[Column, ...]
) -> None:
    """Candidates' records under a key the check does not read (candidate: for candidates:, a candidates list
    beside the communities, a community's group written as a record of a list) would be dropped without a word:
    the file stops, naming the key and where records belong. A list of other records (a revision log, last
    term's team) is the file's own business."""
    # A record's keys (and whether keyed by name) -> whether they are a candidate's: asked once for each, as a
    # revision log of 200,000 entries has one set of keys.
    holds: dict[tuple[tuple[str, ...], bool], bool] = {}
    for key, value in mapping.items():
        if (name is not None and key in _MAPPING_KEYS[name]) or not isinstance(value, list | dict):
            continue
        if name is None and header_key(str(key)) in _headers_of(columns):
            continue  # a cell of the record (拟任职务: {…}), said on its record as cell-is-mapping
        # Under the key itself, or deeper in a mapping under it (extra: {candidates: [...]}).
        for path, records, by_name in _record_lists(value, str(key)):
            if not _candidates_in(records, columns, holds, by_name):
                continue
            count = str(sum(isinstance(v, dict) for v in records))
            if name is None:  # a record of a list holding records: a community's group, written as one
                raise RosterError("file-group-in-list", Location(shown), name=mask_ids(path), count=count)
            raise RosterError(
                "file-records-aside",
                Location(shown),
                name=mask_ids(path),
                count=count,
                expected=" / ".join(_MAPPING_KEYS[name]),
            )


def _record_lists(value: Any, path: str) -> Iterator[tuple[str, list[Any], bool]]:
    """The collections of would-be records within a value, each with its path of keys (extra.candidates) and
    whether they are keyed by name: every list, list in a list, mapping of records (张三: {...}) and lone
    record, however deep; outermost first."""
    # Each with whether it is an item of a list: the list was asked about with every item's keys at once.
    waiting: list[tuple[Any, str, bool]] = [(value, path, False)]
    while waiting:  # no cycle to guard against: a YAML alias is refused before this
        found, at, listed = waiting.pop()
        if isinstance(found, list):
            yield at, found, False
            waiting.extend(
                (item, f"{at}[{i}]", True)
                for i, item in reversed(list(enumerate(found)))
                if isinstance(item, list | dict)
            )
        elif isinstance(found, dict):
            if not listed:
                yield at, [found], False
            inner = [item for item in found.values() if isinstance(item, list | dict)]
            if not inner:
                continue  # a record of plain cells: nothing below it
            # 乙: {拟任职务: …}: the name is the key; a blank key names no one (a cell's odd shape, said on its row).
            if keyed := [item for k, item in found.items() if isinstance(item, dict) and str(k).strip()]:
                yield at, keyed, True
            waiting.extend(
                (item, f"{at}.{key}", False)
                for key, item in reversed(found.items())
                if isinstance(item, list | dict)
            )


def _candidates_in(
    items: list[Any],
    columns: tuple[Column, ...],
    holds: dict[tuple[tuple[str, ...], bool], bool],
    by_name: bool,
) -> bool:
    """Whether a list holds records with a candidate's name (or is keyed by it) and the roles proposed."""
    keys = tuple(dict.fromkeys(str(k) for item in items if isinstance(item, dict) for k in item))
    if not keys:
        return False
    asked = (keys, by_name)
    if asked not in holds:
        found = map_headers(list(keys), columns).index
        holds[asked] = "roles" in found and ("name" in found or by_name)
    return holds[asked]


def _community_records(
    community: dict[Any, Any], shown: str, columns: tuple[Column, ...], election_date: Any = None
) -> tuple[dict[str, Any], list[tuple[Any, dict[str, Any]]]]:
    """A community's own settings, and its records with what each takes from it: the community's name, street
    and election day (or the file's, when the community gives none)."""
    _one_spelling(community, ("candidates", "community", "street", "election_date"), shown)
    _no_records_aside(community, "candidates", shown, columns)
    settings = _community_settings(community)
    inherited = {k: settings[k] for k in ("community", "street", "election_date") if settings.get(k)}
    if election_date and "election_date" not in inherited:
        inherited["election_date"] = election_date
    candidates = _key(community, "candidates")
    if candidates is not None and not isinstance(candidates, list):
        # A number, a text or a mapping where the records go: said, not iterated (a float is no records at all).
        name = settings.get("community") or "?"
        raise RosterError(
            "file-shape",
            Location(shown),
            expected=Term(
                f"社区“{name}”的 candidates（候选人）应是候选人记录的列表",
                f"a list of candidate records under candidates, in community {name!r}",
            ),
        )
    return settings, [(item, inherited) for item in candidates or []]


def _key(mapping: dict[Any, Any], name: str) -> Any:
    return next((mapping[k] for k in _MAPPING_KEYS[name] if k in mapping), None)


def _community_settings(community: dict[Any, Any]) -> dict[str, Any]:
    """A community's own keys, with its name, street and election date under their canonical names."""
    own = {str(k): v for k, v in community.items() if k not in _MAPPING_KEYS["candidates"]}
    for name in ("community", "street", "election_date"):
        alias = next((a for a in _MAPPING_KEYS[name] if a in own), None)
        if alias is not None:
            own[name] = own.pop(alias)
    return own
