"""The supporting tables: each community's election date and approved seats, and the prior approvals."""

from __future__ import annotations

import datetime as dt
import heapq
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eligibility.errors import Location, RosterError, display_path
from eligibility.messages import DATA_CHECKS, Term, did_you_mean, reason_in_chinese, say
from eligibility.roster.columns import (
    APPROVAL_COLUMNS,
    COMMUNITY_COLUMNS,
    ROSTER_COLUMNS,
    Column,
    map_headers,
)
from eligibility.roster.normalise import (
    CONTROL_CHARACTERS,
    DateError,
    IdNumber,
    clean,
    from_1904,
    joined_name,
    parse_date,
    read_id_number,
)
from eligibility.roster.readers import Note, RawRecord, Table, is_footer, read_tables
from eligibility.ruleset.model import Body
from eligibility.ruleset.vocab import StreetNames, suggest

# A table read without a rule set's place words: its notes name them as the default rule set does (see say).
NO_WORDS: Mapping[str, str | Term] = {}


@dataclass(slots=True)
class Community:
    """One community's settings from the communities file."""

    street: str
    community: str
    election_date: dt.date | None = None
    quota: dict[str, int | None] = field(default_factory=dict)
    key: tuple[str, str] = ("", "")
    # Where the settings were written (the communities file's line), for a note that names them.
    line: int | None = None


class Communities:
    """Settings by (street, community). A settings row without a street matches that community in any street,
    and a roster row without one the community of that name, when only one street has it; a roster row whose
    street is written another way (东湖街道党工委 for the table's 东湖街道) the row of that street, by the rule
    set's `streets` (see get)."""

    def __init__(self, quota_columns: dict[str, str], streets: StreetNames | None = None) -> None:
        self.quota_columns = quota_columns
        self.streets = streets
        self.by_key: dict[tuple[str, str], Community] = {}
        # Communities by their street's own name and their own name, made on the first roster row whose street
        # the table writes another way (see _spelled).
        self._by_street_own: dict[tuple[str, str], list[Community]] | None = None
        # Communities by name alone, made when first asked for (see named): a province's file matched street
        # and all never needs it, and 100,000 lists would be 20 MB of a 300 MB budget.
        self._by_name: dict[str, list[Community]] | None = None
        # For suggesting a name the table has (closest): each community's own part, and who holds each character.
        self._names: dict[str, str] | None = None
        self._holding: dict[str, list[str]] = {}
        self._by_own: dict[str, list[str]] = {}
        # The quota columns some community has given: a rule comparing seats with them can run.
        self.columns: set[str] = set()
        # The quota columns written in some row that could not be read (see read_communities).
        self.seats_unread: set[str] = set()
        self._shared: dict[Any, Any] = {}
        # What the table's header held that no column is (村委会核定职数 for 村民委员会核定职数): said on the report.
        self.notes: list[Note] = []
        # The communities file read, as shown; None when none was given (a roster's own settings only).
        self.from_file: str | None = None
        # Communities whose row of the file could not be read, by name: its street, and where the row is (the
        # file and sheet as shown, the line). See read_communities and unread_rows.
        self.unread: dict[str, list[tuple[str, str, int | None]]] = {}
        # How each sheet was read (csv, xlsx), its header's line and its encoding, by sheet (None for a text file).
        self.read_as: dict[str | None, tuple[str, int | None, str | None]] = {}

    def add(
        self, settings: dict[str, Any], location: Location, headers: dict[str, str] | None = None
    ) -> tuple[str, str]:
        """One community's settings; the (street, community) it is kept under. Settings given for a community
        already known (a roster's own, after the communities table) add to what is known, each one given
        replacing the one before: a roster that gives only an election day keeps the table's seats."""
        # Interned: the roster's rows and the teams then share these strings (a province has 100,000 of them).
        street = sys.intern(clean(settings.get("street")))
        community = sys.intern(clean(settings.get("community")))
        if not community:
            raise RosterError(
                "column-missing", location, canonical="community", zh="社区", found="-", suggestion=""
            )
        entry = Community(street, community)
        if clean(settings.get("election_date")):
            # A cell that cannot be read is named by its column as the table writes it (选举日期).
            written = headers or {}
            day = _date(settings["election_date"], location, written.get("election_date", "election_date"))
            entry.election_date = self._shared.setdefault(day, day)
        quota: dict[str, int | None] = {}
        for body, column in self.quota_columns.items():
            if column in settings:
                quota[body] = seat_count(settings[column], location, (headers or {}).get(column, column))
        # Only once the row is read whole: one refused named a column of seats no community had given.
        self.columns.update(column for column in self.quota_columns.values() if column in settings)
        known = self.by_key.get((street, community))
        if known is not None:
            entry.election_date = entry.election_date or known.election_date
            quota = known.quota | quota
        # Most communities have the same seats: one table for all of them (never changed once read).
        entry.quota = self._shared.setdefault(tuple(quota.items()), quota)
        entry.key = (street, community)
        entry.line = known.line if known is not None else location.line
        self.by_key[entry.key] = entry
        self._by_name = None
        self._names = None
        self._by_street_own = None
        return entry.key

    def key(self, street: str, community: str) -> tuple[str, str]:
        """(street, community), as the table holds it when it has that community: one tuple, not two."""
        settings = self.by_key.get((street, community))
        return (street, community) if settings is None else settings.key

    def unread_rows(self, street: str, community: str) -> list[tuple[str, int | None]]:
        """Where rows of the file that could not be read were this community's (file#sheet, line): any of that
        name for a roster without its street."""
        rows = self.unread.get(community, ())
        return [(where, line) for their, where, line in rows if not street or not their or their == street]

    def get(self, street: str, community: str) -> Community | None:
        found = self.by_key.get((street, community)) or self.by_key.get(("", community))
        if found is None and community not in self.unread:
            # (Not when a row of that name could not be read: the one read may be another street's.)
            if not street:
                # A roster without a street column (one street's roster) against a district's communities file.
                named = self.named(community)
                if len(named) == 1:
                    return named[0]
            elif self.streets is not None and self.by_key:
                return self._spelled(street, community)
        return found

    def _spelled(self, street: str, community: str) -> Community | None:
        """The settings of a community whose street the table writes another way: 东湖街道 for the roster's
        东湖街道党工委 (one own name, one kind), or for its bare 东湖 when the table has no other kind of 东湖 with
        that community (东湖镇); none where it cannot be told which is meant."""
        assert self.streets is not None
        key = self.streets.key
        if self._by_street_own is None:
            self._by_street_own = {}
            for entry in self.by_key.values():
                if entry.street:
                    self._by_street_own.setdefault((key(entry.street)[0], entry.community), []).append(entry)
        own, kind = key(street)
        written = self._by_street_own.get((own, community), ())
        same = [entry for entry in written if not kind or key(entry.street)[1] == kind]
        if not same:
            same = [entry for entry in written if not key(entry.street)[1]]  # the table's bare 东湖
        return same[0] if len(same) == 1 else None

    def closest(self, community: str) -> str:
        """The community the table names most like one it lacks (柳岸社区居委会 for 柳岸社区), or "". Alike by
        the name itself, never by the 社区 or 居委会 every name has: 翠竹社区 is not 青松社区."""
        if self._names is None:
            # Built once, on the first miss: each name's own part, and the names holding each of its characters
            # and pairs of characters.
            self._names = {}
            for entry in self.by_key.values():
                self._names.setdefault(entry.community, _own_part(entry.community))
            self._holding = {}
            self._by_own = {}
            for name, own in self._names.items():
                self._by_own.setdefault(own, []).append(name)
                for piece in _pieces(own):
                    self._holding.setdefault(piece, []).append(name)
        own = _own_part(community)
        if not own:
            return ""
        if same := self._by_own.get(own):
            return min(same, key=lambda n: (len(n), n))  # 梅园社区 for 梅园居委会, however common 梅园 is
        # Only names sharing a piece of its own part are compared, those sharing most first; a piece a thousand
        # names hold (新, 花园) tells little, and counting its holders for each miss would take a province's
        # table seconds.
        shared: dict[str, int] = {}
        for piece in _pieces(own):
            holders = self._holding.get(piece, ())
            if len(holders) <= 1000:
                for name in holders:
                    shared[name] = shared.get(name, 0) + 1
        likely = heapq.nsmallest(50, shared, key=lambda n: (-shared[n], len(n), n))
        names = self._names
        holding = [n for n in likely if own in names[n] or names[n] in own]
        if holding:
            # The nearest in length of its own part first: 梅园 is nearer 梅园新村's 梅园新 than 梅园一二三村's.
            return min(holding, key=lambda n: (abs(len(names[n]) - len(own)), len(n), n))
        close = suggest(own, sorted(names[n] for n in likely))
        return next(n for n in sorted(likely) if names[n] == close[0]) if close else ""

    def named(self, community: str) -> list[Community]:
        """The settings of every community of this name, whatever its street, in the order given."""
        if self._by_name is None:
            self._by_name = {}
            for entry in self.by_key.values():
                self._by_name.setdefault(entry.community, []).append(entry)
        return self._by_name.get(community, [])


# What every name of a place ends in, and so tells nothing of which place is meant: the longer first.
_PLACE_WORDS = re.compile(
    "(社区居民委员会|社区居委会|居民委员会|村民委员会|居委会|村委会|社区|街道办事处|街道|办事处|嘎查|村|镇|乡)+$"
)


def _own_part(name: str) -> str:
    """A community's name without the words for a kind of place (青松 of 青松社区居委会)."""
    return _PLACE_WORDS.sub("", name.strip())


def alike(street: str, community: str, streets: StreetNames) -> tuple[str, str, str]:
    """What one community's names share however it is written in a street's roster: its own part, without the
    street written before it (东湖街道青松社区) or the words for its kind of place after (青松社区居委会), and
    whether it is a village or a community, since 青松村 and 青松社区 may be two places. A name that is only
    words for a place has no own part, and is alike no other."""
    name = community.strip()
    street = street.strip()
    if street and name.startswith(street) and len(name) > len(street):
        name = name[len(street) :].removeprefix("办事处").strip()
    # The street by its own name, the rule set's words for a street taken off: 东湖街道 and 东湖街道办 over two
    # rows of one community split it into two teams as surely as two spellings of the community do (helper-65).
    street = streets.own(street)
    own = _own_part(name)
    kind = name[len(own) :]
    sort = (
        "village"
        if "村" in kind or "嘎查" in kind
        else "community"
        if "社区" in kind or "居" in kind
        else kind
    )
    return street, own, sort


def _pieces(own: str) -> set[str]:
    """The characters of a name's own part and its pairs of neighbouring characters, to find names alike."""
    return {*own, *(own[i : i + 2] for i in range(len(own) - 1))}


def quota_columns(bodies: dict[str, Body]) -> dict[str, str]:
    """Body id -> the communities-file column holding its approved seat count."""
    return {body: spec.quota_column for body, spec in bodies.items() if spec.quota_column}


def community_columns(bodies: dict[str, Body]) -> tuple[Column, ...]:
    """The communities table's columns: the contract's, plus any quota column a rule set's bodies name."""
    known = {c.name for c in COMMUNITY_COLUMNS}
    extra = tuple(
        Column(column, f"{bodies[body].zh}核定职数")
        for body, column in quota_columns(bodies).items()
        if column not in known
    )
    # A rule set's own seat column (村民委员会核定职数 of its body 村民委员会) is its, not a spelling of ours.
    taken = {c.zh for c in extra}
    ours = tuple(replace(c, aliases=tuple(a for a in c.aliases if a not in taken)) for c in COMMUNITY_COLUMNS)
    return ours + extra


def read_communities(
    path: Path,
    bodies: dict[str, Body],
    streets: StreetNames | None = None,
    places: Mapping[str, str | Term] = NO_WORDS,
) -> Communities:
    """The communities table: each community's election day and approved seats; `places`, the rule set's place
    words its rows' notes name them by (a village's 村“白水村”…已经出现过)."""
    communities = Communities(quota_columns(bodies), streets)
    # Where each community's row is, for this file only (a province's is let go once read): sheet and line.
    first_line: dict[tuple[str, str], tuple[str | None, int | None]] = {}
    streets_of: dict[str, set[str]] = {}  # the streets each community name was given under, "" for none
    for table, record in _rows(path, community_columns(bodies), communities.notes, communities.read_as):
        try:
            _community_row(table, record, communities, first_line, streets_of)
        except RosterError as err:
            _passed_over(err, communities.notes, places=places)
            if err.key == "communities-twice":
                continue  # its first row's settings stand: the community is not one whose row was not read
            # Where no other row gives its settings, its candidates are checked without them: said on their
            # roster, with this row's place (see Review._settings_elsewhere). A control character, the reason
            # the row was not read, is no part of the name the roster writes.
            # Seats written in the row, lost with it: a rule left without seats says where they went.
            communities.seats_unread.update(
                column for column in communities.quota_columns.values() if clean(record.cells.get(column))
            )
            if community := CONTROL_CHARACTERS.sub("", clean(record.cells.get("community"))):
                street = CONTROL_CHARACTERS.sub("", clean(record.cells.get("street")))
                place = (street, _shown(record.source.path, record.source.sheet), record.source.line)
                communities.unread.setdefault(community, []).append(place)
    communities.from_file = display_path(path)
    return communities


def _community_row(
    table: Table,
    record: RawRecord,
    communities: Communities,
    first_line: dict[tuple[str, str], tuple[str | None, int | None]],
    streets_of: dict[str, set[str]],
) -> None:
    """One row of the communities table, added to `communities`; refused, with why, where a cell cannot be read
    or the community is already in the table."""
    _whole(record)
    location = _where(record)
    _no_control_characters(record.cells, table.header.headers, location)
    if _footer_said(record, "community", communities.notes):
        return
    if not clean(record.cells.get("community")):
        # The column is there (the header was found): this row leaves it blank, a total row (合计) or one
        # half filled. Said of the row, not as a column missing from the file.
        raise _refused(
            location,
            table.header.headers.get("community", "社区"),
            "社区为空：这一行是哪个社区的？",
            "the community is blank: whose row is this?",
        )
    cells = record.cells
    if table.date1904 and "election_date" in cells:
        cells = {**cells, "election_date": from_1904(cells["election_date"])}
    key = (clean(cells.get("street")), clean(cells.get("community")))
    streets = streets_of.setdefault(key[1], set())
    # A row without a street is the community in any street: beside a row that names one, the two would
    # both be its settings, and the street's replace the other's without a word.
    other = next((s for s in streets if s != key[0] and "" in (s, key[0])), None)
    if key in first_line or other is not None:
        # The second row's election day or seats would replace the first's without a word: refused before it
        # is added, so the first row's stand.
        sheet, line = first_line[key if other is None else (other, key[1])]
        if sheet is not None and sheet != table.sheet:
            first = Term(f"工作表“{sheet}”第 {line} 行", f"sheet {sheet!r} line {line}")
        else:
            first = Term(f"第 {line} 行", f"line {line}")
        raise RosterError(
            "communities-twice", location, community=" ".join(filter(None, key)), first_place=first
        )
    key = communities.add(cells, location, table.header.headers)
    first_line[key] = (table.sheet, location.line)
    streets.add(key[0])


def _rows(
    path: Path,
    columns: tuple[Column, ...],
    notes: list[Note],
    read_as: dict[str | None, tuple[str, int | None, str | None]],
) -> Iterable[tuple[Table, RawRecord]]:
    """Every row of a settings table, sheet after sheet, each table's notes added to `notes`, and its format
    (csv, xlsx), header's line and encoding to `read_as`, by sheet."""
    tables = read_tables(path, columns)
    rosters = [table for table in tables if _is_roster(table, columns)]
    if rosters and len(rosters) == len(tables):
        # The roster given for the table: each of its candidates' rows would be read as a community's settings.
        first = rosters[0]
        raise RosterError("settings-is-roster", Location(_shown(first.path, first.sheet)))
    for table in tables:
        if any(table is roster for roster in rosters):
            continue  # the roster's own sheet beside the settings sheet of one workbook: checked as the roster
        notes += _table_notes(table)
        read_as[table.sheet] = (table.format, table.header_line, table.encoding)
        for record in table.rows:
            yield table, record


def _whole(record: RawRecord) -> None:
    """Refuses a settings row the reader found cells beyond the header in, or a quote never closed in: in the
    officer's own short table, a seat count typed 1,000 or a row swallowed into a cell is a mistake to correct,
    not to guess."""
    for problem in record.problems:
        if problem.rule in ("row-too-long", "row-unclosed-quote", "row-cells-beyond-header"):
            raise RosterError(problem.rule, _where(record), value=problem.value, **dict(problem.params))


def _passed_over(
    err: RosterError, notes: list[Note], whose: str = "", places: Mapping[str, str | Term] = NO_WORDS
) -> None:
    """A settings row that cannot be read, said in a note naming its file, line and column, and passed over: one
    mistyped date or rule in the approvals table stopped every candidate's check. The note is invalid data, so
    the run still fails until the row is put right; an approval not read is one not counted."""
    where = err.location or Location(None)
    column = err.params.get("field") or err.params.get("column") or ""
    params = (("file", where.path or ""), ("line", str(where.line or "?")), ("column", str(column)))
    said = {**places, **err.params}
    reason = Term(say(err.key, "zh", **said), say(err.key, "en", **said))
    # The person an approval was for, named: their finding stays open, and the officer looks for them.
    named = (("name", whose),) if whose else ()
    message = "settings-row-unread-named" if whose else ""
    notes.append(Note("settings-row-unread", "invalid", (*params, *named), message, reason))


def _footer_said(record: RawRecord, key: str, notes: list[Note]) -> bool:
    """Whether a settings row is the table's total or footer (合计 under 街道, 制表人：王五): its key cell (the
    community, the rule) blank or those words themselves. Passed over with a note, not refused as a row
    without its community: Excel tables end so."""
    own = clean(record.cells.get(key))
    person = clean(record.cells.get("id_number"))
    if person and not is_footer(person):
        return False  # a person's approval, whatever its other cells say
    for value in record.cells.values():
        text = clean(value) if isinstance(value, str) else ""
        if text and is_footer(text) and own in ("", text) and person in ("", text):
            where = _where(record)
            params = (("file", where.path or ""), ("line", str(where.line or "?")), ("text", text))
            notes.append(Note("settings-row-footer", "info", params))
            return True
    return False


def _is_roster(table: Table, columns: tuple[Column, ...]) -> bool:
    """Whether a table has the columns of a roster, candidates' names and the posts proposed for them, and none
    a roster has not: an approvals table may note the person's post (拟任职务), but a roster has no 批复文号, and
    a communities table's seat counts are its own."""
    written = [*table.header.canonical_of, *table.header.unknown]
    found = map_headers(written, ROSTER_COLUMNS).index
    roster = {column.name for column in ROSTER_COLUMNS}
    own = {column.name for column in columns} - roster
    return "name" in found and "roles" in found and not own & set(table.header.index)


def _shown(path: str, sheet: str | None) -> str:
    return f"{path}#{sheet}" if sheet else path


def _where(record: RawRecord) -> Location:
    """A settings row's place: its file, the sheet of a workbook (a district's table keeps a street to a sheet,
    and line 7 is on each), and its line."""
    return Location(_shown(record.source.path, record.source.sheet), record.source.line or record.source.row)


def _table_notes(table: Table) -> list[Note]:
    """A settings table's unknown and doubled columns, as notes naming the table: its seats or dates may be
    under one, or the column read may not be the one meant. And a sheet of its workbook with some of its
    columns that could not be read, named by that sheet."""
    path = _shown(table.path, table.sheet)
    keys = {"column-unknown": "settings-column-unknown", "column-duplicate": "settings-column-duplicate"}
    # A misspelt seats or date column is said as unknown: the rule it feeds is listed as not checked.
    keys["column-misspelt"] = keys["column-unknown"]
    notes = [
        Note(
            keys[note.key],
            DATA_CHECKS[keys[note.key]][0],
            (("file", path), *(param for param in note.params if param[0] != "column")),
            message=f"settings-{note.message}" if note.message else "",
        )
        for note in table.notes
        if note.key in keys
    ]
    notes += [
        replace(note, params=(("file", _shown(table.path, dict(note.params)["sheet"])), *note.params))
        for note in table.notes
        if note.key == "sheet-settings-not-read"
    ]
    return notes


def _no_control_characters(cells: dict[str, Any], headers: dict[str, str], location: Location) -> None:
    """A settings table is the officer's own, and short: a control character in it (a reference pasted from
    another system) stops the check at its line rather than reaching a report or a terminal."""
    for name, value in cells.items():
        if isinstance(value, str) and (found := CONTROL_CHARACTERS.search(value)) is not None:
            raise RosterError(
                "settings-control-character",
                location,
                column=headers.get(name, name),
                code=f"U+{ord(found.group()):04X}",
            )


# A document number has a number in it (东组审〔2006〕12号, 〔二〇〇六〕十二号).
# The words of a body that said no, or has not yet said yes, in an approval's opinion, its body or its sheet.
REFUSED = re.compile(
    r"未同意|不同意|不予|未批准|不批准|未审批|待审|待批|未批|退回|暂缓|驳回|不通过|未通过|拒绝|撤销|撤回|作废|否决|待复"
    r"|[（(]拟[)）]|拟同意|[:：]\s*否"
)
# An opinion that agrees: 同意, 通过, 批准, 准予, 核准, or a yes.
AGREED = re.compile(r"同意|通过|批准|准予|核准|^(?:是|√|✓)$")
# Agreed in the end, after a refusal on the way: 退回重报后已同意, 补正后予以批准 (helper-68).
AGREED_AFTER = re.compile(r"后(?:已|予以|经)?(?:同意|通过|批准|准予|核准)")


def refused(opinion: str) -> bool:
    """Whether an approval's opinion (or its sheet's or file's name) says no, or not yet yes: 不同意, 退回, 待批,
    or no word of agreeing; not one that was refused on the way and agreed in the end."""
    if AGREED_AFTER.search(opinion) and not REFUSED.search(AGREED_AFTER.split(opinion)[-1]):
        return False
    return bool(REFUSED.search(opinion)) or not AGREED.search(opinion)


_NUMBERED = re.compile(r"[0-9〇零一二三四五六七八九十]")


@dataclass(frozen=True)
class ApprovalRecord:
    """One prior approval: for a person (ID number) or a team (street, community), for one rule."""

    rule: str
    reference: str
    approved_by: str | None
    date: dt.date
    expires: dt.date | None
    id_number: str | None
    street: str
    community: str
    # The person's name as the approval writes it, when it does: a check on the ID number it is filed under.
    name: str = ""
    # What the approving body said (同意, 不同意), when the table has the column.
    opinion: str = ""
    # 有效期至 written 长期有效 or 永久: no end day, and said to run on, past any election day.
    lasting: bool = False


class Approvals:
    """Approvals looked up by (ID number, rule) for candidates and (street, community, rule) for teams.

    One person may hold several approvals for one rule (a renewal after one expired): all are kept, in file order.
    """

    def __init__(self, records: Iterable[ApprovalRecord] = ()) -> None:
        self.for_person: dict[tuple[str, str], list[ApprovalRecord]] = {}
        self.for_team: dict[tuple[str, str, str], list[ApprovalRecord]] = {}
        for record in records:
            if record.id_number:
                self.for_person.setdefault((record.id_number, record.rule), []).append(record)
            else:
                self.for_team.setdefault((record.street, record.community, record.rule), []).append(record)
        self._people = {number for number, _ in self.for_person}
        # What the table said of itself (a row not read, a column unknown), the file read as shown and how each
        # sheet was read: the report files the notes under the table, not under a roster.
        self.notes: list[Note] = []
        self.from_file: str | None = None
        self.read_as: dict[str | None, tuple[str, int | None, str | None]] = {}  # see Communities
        # The rows that could not be read, by the ID number they name (file#sheet, line): see read_approvals.
        self.unread_for: dict[str, list[tuple[str, int | None]]] = {}
        self._by_name: dict[tuple[str, str], list[list[ApprovalRecord]]] = {}
        for (_, community, rule), held in self.for_team.items():
            self._by_name.setdefault((community, rule), []).append(held)
        self._named: dict[tuple[str, str], list[ApprovalRecord]] | None = None  # see near_person
        self._rules = {rule for _, rule in self.for_person} | {rule for *_, rule in self.for_team}

    def has_person(self, id_number: str | None) -> bool:
        """Whether any approval names this person: most people have none, and are not looked up rule by rule."""
        return bool(id_number) and id_number in self._people

    def person(self, id_number: str | None, rule: str) -> list[ApprovalRecord]:
        return self.for_person.get((id_number, rule), []) if id_number else []

    def has_rule(self, rule: str) -> bool:
        """Whether any approval is for this rule: a finding of a rule no one was approved for has none near."""
        return rule in self._rules

    def near_person(self, id_number: str | None, name: str, rule: str) -> ApprovalRecord | None:
        """An approval for this rule naming this person under another ID number (a neighbour's row copied, a
        number from another list): most likely theirs. Shown on the finding, never counted: the number is the
        officer's to put right. (A number a keystroke off is no valid ID number: the table refuses it.)"""
        if self._named is None:
            self._named = {}
            for (_, rule_id), held in self.for_person.items():
                for record in held:
                    if record.name:
                        self._named.setdefault((record.name, rule_id), []).append(record)
        found = self._named.get((name, rule), ())
        return next((record for record in found if record.id_number != id_number), None) if name else None

    def near_team(
        self, street: str, community: str, rule: str, streets: StreetNames
    ) -> ApprovalRecord | None:
        """An approval for this rule filed under the community written another way (青松社区居委会 for the
        roster's 青松社区, 东湖街道青松社区): shown on the team's finding, never counted."""
        wanted = alike(street, community, streets)
        if not wanted[1]:
            return None  # 社区 alone: alike no other name
        for (their_street, their_community, rule_id), held in self.for_team.items():
            if rule_id != rule or (their_street, their_community) == (street, community):
                continue
            theirs = alike(their_street or street, their_community, streets)
            if theirs[:2] == wanted[:2] and (theirs[2] == wanted[2] or not theirs[2] or not wanted[2]):
                return held[-1]
        return None

    def team(self, street: str, community: str, rule: str) -> list[ApprovalRecord]:
        found = self.for_team.get((street, community, rule)) or self.for_team.get(("", community, rule))
        if found is None and not street:
            # A roster without streets: the approvals of the one community of that name, as for its settings.
            named = self._by_name.get((community, rule), [])
            if len(named) == 1:
                return named[0]
        return found or []


def read_approvals(
    path: Path,
    rule_ids: Iterable[str],
    titles: dict[str, str] | None = None,
    team_rules: Iterable[str] = (),
    disabled: Mapping[str, str] | None = None,
) -> Approvals:
    """The approvals table; a row naming a rule the rule set does not have is an error, not a silent no-op. A
    rule may be written by its id or by its title (社区主干初中以下文化程度), as a report shows it. A person's
    rule is approved for an ID number and a team's for a community: a row filed the other way would match no
    one. A row that cannot be read is said in a note at its line, and passed over (see _passed_over). A rule
    the rule set `disabled` (id -> where) is said in a note and its approval passed over: a county that drops a
    district rule reuses the district's table as it is."""
    known = list(rule_ids)
    disabled = disabled or {}
    for_teams = frozenset(team_rules)
    titles = titles or {}
    records: list[ApprovalRecord] = []
    notes: list[Note] = []
    read_as: dict[str | None, tuple[str, int | None, str | None]] = {}
    unread: dict[str, list[tuple[str, int | None]]] = {}
    for table, record in _rows(path, APPROVAL_COLUMNS, notes, read_as):
        try:
            records += _approval_row(table, record, known, titles, for_teams, disabled, notes)
        except RosterError as err:
            _passed_over(err, notes, joined_name(clean(record.cells.get("name"))))
            # Whose it was, where the ID number can be read: their open finding points to the row (helper-89).
            if clean(record.cells.get("id_number")) and isinstance(
                found := read_id_number(record.cells["id_number"]), IdNumber
            ):
                place = (
                    _shown(record.source.path, record.source.sheet),
                    record.source.line or record.source.row,
                )
                unread.setdefault(found.number, []).append(place)
    approvals = Approvals(records)
    approvals.notes = notes
    approvals.unread_for = unread
    approvals.from_file = display_path(path)
    approvals.read_as = read_as
    return approvals


def _approval_row(
    table: Table,
    record: RawRecord,
    known: list[str],
    titles: dict[str, str],
    for_teams: frozenset[str],
    disabled: Mapping[str, str],
    notes: list[Note],
) -> list[ApprovalRecord]:
    """One row of the approvals table: an approval for each rule it names, none for a footer or a rule the rule
    set disabled; refused, with why, where a cell cannot be read."""
    _whole(record)
    cells = record.cells
    location = _where(record)
    _no_control_characters(cells, table.header.headers, location)
    if _footer_said(record, "rule", notes):
        return []
    rule = clean(cells.get("rule"))
    rule = titles.get(rule, rule)
    if not rule:
        raise _refused(
            location,
            table.header.headers["rule"],
            "规则为空：这条批复批的是哪条规则？",
            "the rule is blank: which rule does this approve?",
        )
    reference = clean(cells.get("reference"))
    if not reference:
        # An approval is known by its document number; one without it cannot be looked up, nor told apart.
        raise _refused(
            location,
            table.header.headers.get("reference", "批复文号"),
            "批复文号为空：没有文号的批复无从核对",
            "the reference is blank: an approval without one cannot be verified",
        )
    if not _NUMBERED.search(reference):
        # 无, /, 待批, 暂无文号, 退回: the words of no document, as good as blank (helper-65).
        raise _refused(
            location,
            table.header.headers.get("reference", "批复文号"),
            f"批复文号“{reference}”里没有号：不是文号的批复无从核对",
            f"the reference {reference!r} holds no number: an approval without one cannot be verified",
        )
    # principal-age、principal-education: one approval of two rules (批复 of a principal over 57 with 初中),
    # which was refused as one unknown rule, the run stopped (helper-69). Split where a part is a rule (a
    # mistyped other part is then said by itself), else the cell is one rule.
    # Ids parted by spaces too (principal-age principal-education, helper-74), beside other separators
    # (helper-75): an English title holds spaces, so a part is split at them only where every word is a rule.
    parts = []
    for part in (titles.get(p.strip(), p.strip()) for p in _RULES_APART.split(rule) if p.strip()):
        words = [titles.get(w, w) for w in part.split()]
        parts.extend(
            words if part not in known and len(words) > 1 and all(w in known for w in words) else [part]
        )
    rules = [rule] if rule in known or not any(part in known for part in parts) else parts
    headers = table.header.headers  # a column is named as the file writes it (批复日期), not by our name
    # Each rule named, with whom it approves: the row's dates are read once, below, for all of them.
    whose: list[tuple[str, str | None]] = []
    for rule in dict.fromkeys(rules):
        if rule not in known and rule in disabled:
            # Stopping the run refused last round's table to a rule set that only dropped the rule (helper-76).
            place = (("file", location.path or ""), ("line", str(location.line or "?")))
            params = (*place, ("rule", rule), ("where", disabled[rule]))
            notes.append(Note("approval-rule-disabled", "warning", params))
            continue
        if rule not in known:
            raise RosterError(
                "approval-unknown-rule",
                location,
                column=headers["rule"],
                rule=rule,
                suggestion=did_you_mean(suggest(rule, [*known, *titles])),
                known=", ".join(known),
            )
        if rule in for_teams and not clean(cells.get("community")):
            raise _refused(
                location,
                headers.get("community", "社区"),
                f"{rule} 是对班子的规则：批复须写明社区（身份证号不能代替）",
                f"{rule} is a rule about a team: the approval must name its community (an ID number cannot)",
            )
        if rule not in for_teams and not clean(cells.get("id_number")) and clean(cells.get("community")):
            raise _refused(
                location,
                headers.get("id_number", "身份证号"),
                f"{rule} 是对候选人个人的规则：批复须写明此人的身份证号（社区不能代替）",
                f"{rule} is a rule about one candidate: the approval must give that person's ID number"
                " (a community cannot)",
            )
        id_number = None
        if rule in for_teams:
            pass  # a team's approval: an ID number beside its community (the secretary's) is not what it is for
        elif clean(cells.get("id_number")):
            found = read_id_number(cells["id_number"])
            if not isinstance(found, IdNumber):
                # Not masked here: the report masks it unless --show-pii, where the officer needs it whole.
                shown = clean(cells["id_number"])
                raise _refused(
                    location,
                    headers["id_number"],
                    f"“{shown}”不是有效的身份证号",
                    f"{shown!r} is not a valid ID number",
                )
            id_number = found.number
        elif not clean(cells.get("community")):
            # The row's cells are blank, not the file's columns missing: said of the row, whose is it.
            raise _refused(
                location,
                headers.get("id_number", "身份证号"),
                "身份证号为空，社区也为空：这条批复是给哪个人（或哪个社区）的？",
                "the ID number is blank, and so is the community: whose approval is it?",
            )
        whose.append((rule, id_number))
    if not whose:
        return []  # every rule it approves is disabled, and said so
    if table.date1904:
        cells = {**cells, **{c: from_1904(cells[c]) for c in ("date", "expires") if c in cells}}
    until = clean(cells.get("expires")).replace(" ", "").replace("\u3000", "").lower()
    expires = (
        _date(cells["expires"], location, headers.get("expires", "expires"))
        if until and until not in _NO_EXPIRY and until not in _LASTING
        else None
    )
    date = _date(cells.get("date"), location, headers.get("date", "date"))
    if expires is not None and expires < date:
        # Expired before it was given: one of the two dates is mistyped, and either reading would be a guess.
        raise _refused(
            location,
            headers.get("expires", "expires"),
            f"有效期至 {expires} 早于批复日期 {date}",
            f"expires on {expires}, before the approval's date {date}",
        )
    return [
        ApprovalRecord(
            rule=rule,
            reference=reference,
            approved_by=clean(cells.get("approved_by")) or None,
            date=date,
            expires=expires,
            id_number=id_number,
            street=clean(cells.get("street")),
            community=clean(cells.get("community")),
            # 李　四 padded as the roster's 李四 is: the same person's approval, not another's (helper-54).
            name=joined_name(clean(cells.get("name"))) if id_number else "",
            opinion=_opinion(clean(cells.get("opinion")), record.source.sheet, record.source.path),
            lasting=until in _LASTING,
        )
        for rule, id_number in whose
    ]


# Rules written together in one cell of an approvals table, as a list of roles is.
_RULES_APART = re.compile(r"[、,，;；/\n]+")  # not a space: an English title holds them
# What a form writes under 有效期至 for no end day given: as blank (helper-69).
_NO_EXPIRY = frozenset({"/", "／", "-", "－", "—", "——", "无", "n/a", "na"})
# And for an approval said to run on: no end day, and past any election day, as a date after it would be
# (helper-74: a 2020 approval 长期有效 was taken for an earlier round's, as a blank one is).
_LASTING = frozenset({"长期", "长期有效", "永久", "永久有效", "不限", "无期限", "无限期"})


def _opinion(written: str, sheet: str | None, path: str) -> str:
    """An approval's opinion, and its sheet's or file's name where that says no: a workbook keeps the requests
    refused (不予批准, 退回) on a sheet of their own beside those granted, or a folder in a file of their own, and
    each row of it counted as granted (helper-65, helper-68). Not one refused on the way and agreed in the end
    (退回重报后已同意)."""
    for name in (sheet, Path(path).stem):
        if name and REFUSED.search(name) and refused(name):
            return f"{name}；{written}" if written else name
    return written


def _refused(location: Location, column: str, zh: str, en: str) -> RosterError:
    """A settings cell that cannot be read, named by its column as the table writes it, with why."""
    return RosterError("cell-invalid", location, field=column, reason=Term(zh, en))


def _date(value: Any, location: Location, column: str) -> dt.date:
    shown = clean(value)  # masked by the report, or by the error at the edge, unless --show-pii
    try:
        found = parse_date(value)
    except DateError as err:
        if err.reason is None:
            found = None
        else:  # 2006-09-31 is written in full, but no such day: said so, not "not a full date"
            zh, en = reason_in_chinese(err.reason), err.reason
            raise _refused(
                location, column, f"“{shown}”不是有效的日期：{zh}", f"{shown!r} is no day: {en}"
            ) from None
    if found is None or found[0] != found[1]:
        raise _refused(location, column, f"“{shown}”不是完整的日期", f"{shown!r} is not a full date")
    return found[0]


# 5, 05, 5.0, and 5人 or 5名 as an officer writes a head count.
_SEATS = re.compile(r"(\d{1,3})(?:\.0*|[人名个])?")


def seat_count(value: Any, location: Location, column: str) -> int | None:
    """A cell of approved seats (党组织核定职数) as a count: 5, 05 and 5.0 are 5; blank is none; else refused."""
    text = clean(value)
    if not text:
        return None
    found = _SEATS.fullmatch(text.replace(" ", ""))
    if found is None:
        raise _refused(
            location,
            column,
            f"“{text}”不是职数（应为 0 或正整数）",
            f"{text!r} is not a seat count (0 or a whole number)",
        )
    return int(found[1])
