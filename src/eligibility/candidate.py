"""A candidate as the rules see it: one roster row, normalised, with where it came from and what was wrong."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class RowSource:
    """The place of one data row: file, data-row number from 1, and physical line or sheet row."""

    path: str
    row: int
    line: int | None = None
    sheet: str | None = None
    # The last line of a row written over several (a cell with a line break, Alt+Enter in Excel); None for a row
    # of one line: the row below it starts on the line after this one, not after `line`.
    end: int | None = None
    # The row Excel shows a CSV/TSV record on, where it is not `line`: a record written over several lines (a cell
    # with a line break) is one row in Excel, so each record under it stands higher there than in the file, and
    # its cells (H3) are named by this row; None where it is `line`. Blank lines are rows in Excel too.
    excel_row: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # --jobs sends millions of these
        return (RowSource, (self.path, self.row, self.line, self.sheet, self.end, self.excel_row))


@dataclass(frozen=True, slots=True)
class DataProblem:
    """Something wrong with a cell: a rule-like id, the column, the value and what was expected."""

    rule: str
    column: str
    value: str
    severity: str = "invalid"
    params: tuple[tuple[str, Any], ...] = ()
    cell: str | None = None  # "D12", or "候选人!D12" in a workbook
    # The column's own name (birth_date) where the header is written otherwise (出生年月): what masking goes by.
    of: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            DataProblem,
            (self.rule, self.column, self.value, self.severity, self.params, self.cell, self.of),
        )


@dataclass(slots=True)
class Candidate:
    """One person proposed for one or more seats, with every cell normalised.

    `None` means unknown (blank where a value was needed, or unreadable); a rule that needs an unknown fact
    reports that it could not be checked instead of guessing.
    """

    source: RowSource
    name: str
    id_number: str | None
    gender: str | None
    # The earliest and latest birth date the data allows: equal when the day is known.
    birth: tuple[dt.date, dt.date] | None
    education: str | None
    # The lowest and highest education rank the cell allows: equal when it names one level, apart for
    # 初中及以下 or 大专以上.
    education_ranks: tuple[int, int] | None
    political_status: str | None
    street: str
    community: str
    roles: tuple[str, ...]
    election_date: dt.date
    fields: dict[str, Any] = field(default_factory=dict)
    problems: list[DataProblem] = field(default_factory=list)
    # Whether the row's own election_date cell gave the day (else the community's settings or the run's default).
    date_stated: bool = False
    # The education cell as written (高中肄业), where `education` holds the level it counts as (junior_middle).
    education_written: str | None = None
    # Whether the birth date was read from the ID number alone, 出生日期 blank: an age's finding names the ID
    # number's cell then, where the blank 出生日期 was cited (helper-77).
    birth_from_id: bool = False

    @property
    def education_rank(self) -> int | None:
        """The rank of the one level the education cell names; None for a range of levels, or none."""
        ranks = self.education_ranks
        return ranks[0] if ranks is not None and ranks[0] == ranks[1] else None

    @property
    def street_as_above(self) -> bool:
        """Whether the street was written 同上: it takes the street of the row above (Review._join_team)."""
        return not self.street and any(p.rule == "same-as-above" and p.of == "street" for p in self.problems)

    @property
    def posts_unread(self) -> bool:
        """Whether the roles cell was blank, or held a post the rule set does not know (居委会主仼): the person
        may hold posts besides those read."""
        # Asked of every row: most have no problem, and no generator is made for them.
        return not self.roles or (
            bool(self.problems) and any(p.rule == "role-unknown" for p in self.problems)
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # A plain tuple of the fields: pickled in C, where the dataclass default walks its fields in Python.
        return (Candidate, tuple(getattr(self, name) for name in _CANDIDATE_FIELDS))


_CANDIDATE_FIELDS = tuple(f.name for f in fields(Candidate))

Tri = bool | None


_CHECK = "0123456789X"
_CHECK_VALUE = {c: i for i, c in enumerate(_CHECK)}


def pack_id(number: str | None) -> int | str | None:
    """An 18-character ID number as one int (its 17 digits and check character), which takes half the memory
    of the text; any other text is kept as it is."""
    if number is not None and len(number) == 18 and number[:17].isdigit() and number[17] in _CHECK_VALUE:
        return int(number[:17]) * 11 + _CHECK_VALUE[number[17]]
    return number


def unpack_id(packed: int | str | None) -> str | None:
    if isinstance(packed, int):
        digits, check = divmod(packed, 11)
        return f"{digits:017d}{_CHECK[check]}"
    return packed


class Mark(NamedTuple):
    """A roster row marked as its office marks a candidate withdrawn: hidden in Excel, or the name struck
    through. The person may no longer be standing."""

    line: int  # the sheet row
    hidden: bool
    struck: bool


def mark_of(problems: list[DataProblem]) -> Mark | None:
    """The mark a row's problems say it carries (row-hidden, row-struck), or None."""
    hidden = struck = False
    line = 0
    for problem in problems:
        if problem.rule == "row-hidden":
            hidden, line = True, int(problem.value) if problem.value.isdigit() else line
        elif problem.rule == "row-struck":
            struck, line = True, int(problem.value) if problem.value.isdigit() else line
    return Mark(line, hidden, struck) if hidden or struck else None


class Member:
    """What team rules keep of one candidate: identity, seats, and the answers to the member conditions.

    A province holds a million of these until its teams are judged, so each is kept small: the ID number, age,
    education rank and name share one bytes object, and roles, seats and answers one tuple that members who
    have the same ones share."""

    __slots__ = ("_seat", "_who")

    def __init__(
        self,
        name: str,
        id_number: str | int | None,
        roles: tuple[str, ...],
        bodies: frozenset[str],
        answers: tuple[Tri, ...],
        declared: dict[str, tuple[str, ...]],
        age: int | None = None,
        education_rank: int | None = None,
        posts_unread: bool = False,
        mark: Mark | None = None,
        barred: bool = False,
    ) -> None:
        packed = id_number if isinstance(id_number, int) else pack_id(id_number)
        self._who = _who(packed, name, age, education_rank)
        # `barred` rides in the shared tuple: a bit more in one tuple for all alike, no byte more per member.
        self._seat = (roles, bodies, answers, tuple(declared.items()), posts_unread, mark, barred)

    @property
    def roles(self) -> tuple[str, ...]:
        return self._seat[0]

    @property
    def bodies(self) -> frozenset[str]:
        return self._seat[1]

    @property
    def answers(self) -> tuple[Tri, ...]:
        return self._seat[2]

    @property
    def declared(self) -> dict[str, tuple[str, ...]]:
        """Relatives declared, by field: ID numbers and names (see compiler.declared_keys)."""
        return dict(self._seat[3])

    @declared.setter
    def declared(self, value: dict[str, tuple[str, ...]]) -> None:
        self._seat = (*self._seat[:3], tuple(value.items()), *self._seat[4:])

    @property
    def posts_unread(self) -> bool:
        """Whether the roles cell was blank, or held a post the rule set does not know (党支部委页): the person
        may hold seats besides those read, and so may be a member though none was read."""
        return self._seat[4]

    @property
    def mark(self) -> Mark | None:
        """How the roster marks the row as perhaps withdrawn (hidden, struck through), or None: the person may
        not be standing, and so may be no member, nor a candidate, at all."""
        return self._seat[5]

    @property
    def barred(self) -> bool:
        """Whether a candidate rule found the person ineligible, and no approval lifted it: the rules say they
        cannot be nominated, so a team rule may leave them out of the team that can be formed (leave_out:
        barred). A bar not decided (data not read) is no bar: the finding says what to look at."""
        return self._seat[6]

    def unmarked(self) -> Member:
        """The same member, standing: their mark let go."""
        return _rebuilt_member(self._who, (*self._seat[:5], None, *self._seat[6:]))

    @property
    def age(self) -> int | None:
        return None if self._who[1] == _UNKNOWN else self._who[1]

    @property
    def education_rank(self) -> int | None:
        return None if self._who[2] == _UNKNOWN else self._who[2]

    @property
    def name(self) -> str:
        return self._who[self._name_at() :].decode()

    @property
    def id_number(self) -> str | None:
        kind = self._who[0]
        if kind == _PACKED:
            return unpack_id(int.from_bytes(self._who[3:11]))
        return None if kind == _NONE else self._who[4 : 4 + self._who[3]].decode()

    def _name_at(self) -> int:
        kind = self._who[0]
        return 11 if kind == _PACKED else 3 if kind == _NONE else 4 + self._who[3]

    def has_id(self, packed: int | str | None) -> bool:
        if packed is None:
            return False
        if isinstance(packed, int):
            return self._who[0] == _PACKED and int.from_bytes(self._who[3:11]) == packed
        return self._who[0] == _TEXT and self.id_number == packed

    def same_person(self, other: Member) -> bool:
        """Whether two members carry the same ID number (a person on two rows of one team)."""
        kind = self._who[0]
        if kind != other._who[0] or kind == _NONE:
            return False
        if kind == _PACKED:
            return self._who[3:11] == other._who[3:11]
        return self.id_number == other.id_number

    def joined(self, other: Member, reads_posts: tuple[bool, ...]) -> Member:
        """One person found on rows of two teams made one (their street written two ways): the seats of both
        rows. A member question on their posts (`reads_posts`, one flag to each answer) was asked of each row's
        posts alone, and the person is no longer at hand to ask it of all of them: not known where the rows hold
        different posts, as for posts not read (the second row is a duplicate-person already, to be written as
        one). Any other question the two rows answer alike keeps its answer."""
        declared = self.declared
        for field_name, keys in other.declared.items():
            declared[field_name] = tuple(dict.fromkeys(declared.get(field_name, ()) + keys))
        same_posts = set(self.roles) == set(other.roles)
        answers = tuple(
            a if a == b and (same_posts or not reads) else None
            for a, b, reads in zip(self.answers, other.answers, reads_posts, strict=True)
        )
        return Member(
            name=self.name or other.name,
            id_number=self.id_number,
            roles=tuple(dict.fromkeys(self.roles + other.roles)),
            bodies=self.bodies | other.bodies,
            answers=answers,
            declared=declared,
            age=self.age,
            education_rank=self.education_rank,
            posts_unread=self.posts_unread or other.posts_unread or not same_posts,
            barred=self.barred or other.barred,
        )

    def share(self, shared: dict[Any, Any]) -> Member:
        """Keep one copy of the roles, seats, answers and relatives tuple among all members that have the same."""
        self._seat = shared.setdefault(self._seat, self._seat)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuilt_member, (self._who, self._seat))

    def __repr__(self) -> str:
        return f"Member({self.name!r}, {self.id_number!r}, roles={self.roles!r})"


_PACKED, _NONE, _TEXT = 0, 1, 2
_UNKNOWN = 255  # an age or an education rank not known


def _who(packed: int | str | None, name: str, age: int | None, rank: int | None) -> bytes:
    known = bytes(
        (_UNKNOWN if age is None or not 0 <= age < _UNKNOWN else age, _UNKNOWN if rank is None else rank)
    )
    if isinstance(packed, int):
        return bytes((_PACKED,)) + known + packed.to_bytes(8) + name.encode()
    if packed is None:
        return bytes((_NONE,)) + known + name.encode()
    text = (
        packed.encode()[:255].decode(errors="ignore").encode()
    )  # an absurd cell, cut to fit its length byte
    return bytes((_TEXT,)) + known + bytes((len(text),)) + text + name.encode()


def _rebuilt_member(who: bytes, seat: tuple[Any, ...]) -> Member:
    member = object.__new__(Member)
    member._who, member._seat = who, seat
    return member


class Roll:
    """Everyone on a team's roster while the rows are read, packed: each member's identity bytes (see Member)
    one after another in one buffer, each after its length, and a reference to their shared seat tuple. A
    province keeps a million members until its teams are judged; packed, each costs a third of a Member object.
    The lengths are in the buffer, not an array of their own beside it: 125,000 arrays took 14 MB."""

    __slots__ = ("_seats", "_who")

    def __init__(self) -> None:
        self._who = bytearray()
        self._seats: list[tuple[Any, ...]] = []

    def __len__(self) -> int:
        return len(self._seats)

    def append(self, member: Member) -> None:
        size = len(member._who)
        # One byte of length for a member's bytes (about 20: a name, its ID number packed); 255 and four more for
        # an absurd cell's.
        who = self._who
        if size < 255:
            who.append(size)
        else:
            who += b"\xff" + size.to_bytes(4)
        who += member._who
        self._seats.append(member._seat)

    def _spans(self) -> Iterator[tuple[int, int]]:
        """Where each member's bytes start and end in the buffer, in order."""
        who, at = self._who, 0
        while at < len(who):
            size, at = who[at], at + 1
            if size == 255:
                size, at = int.from_bytes(who[at : at + 4]), at + 4
            yield at, at + size
            at += size

    def __iter__(self) -> Iterator[Member]:
        who = self._who
        for (start, end), seat in zip(self._spans(), self._seats, strict=True):
            yield _rebuilt_member(bytes(who[start:end]), seat)

    def find(self, member: Member) -> int | None:
        """The place of the member with the same ID number as this one, or None."""
        if member._who[0] == _PACKED and self._who.find(member._who[3:11]) < 0:
            return None  # the common answer, found in C: the number is nowhere in the buffer
        return next((i for i, other in enumerate(self) if other.same_person(member)), None)

    def find_id(self, packed: int | str | None) -> int | None:
        """The place of the member with this packed ID number (see pack_id), or None."""
        if packed is None or (isinstance(packed, int) and self._who.find(packed.to_bytes(8)) < 0):
            return None
        return next((i for i, other in enumerate(self) if other.has_id(packed)), None)

    def pop(self, index: int) -> Member:
        start, end = next(itertools.islice(self._spans(), index, None))
        member = _rebuilt_member(bytes(self._who[start:end]), self._seats.pop(index))
        del self._who[start - (1 if end - start < 255 else 5) : end]
        return member


@dataclass(slots=True)
class Spelling:
    """The rows of a team whose street is written one of several ways (东湖街道党工委 beside 东湖街道): how many,
    and where the first few are, each line packed with its file's place in `wheres` (file or file#sheet). Kept
    only for a team whose street is so written: a province whose every community was would hold one each."""

    rows: int = 0
    wheres: list[str] = field(default_factory=list)
    lines: array[int] = field(default_factory=lambda: array("Q"))
    # Rows counted but not by their lines: a team judged as one with this one once every row was in, whose
    # rows were counted by their people (see Review._merge_team).
    people: bool = False

    def add(self, where: str, line: int) -> None:
        """One more row so written; its line kept while fewer than SPELLING_PLACES are."""
        self.rows += 1
        if len(self.lines) < SPELLING_PLACES:
            if where not in self.wheres:
                self.wheres.append(where)
            self.lines.append(self.wheres.index(where) << 32 | line)

    def places(self) -> list[tuple[str, int]]:
        """The lines kept, each with its file."""
        return [(self.wheres[packed >> 32], packed & 0xFFFFFFFF) for packed in self.lines]


SPELLING_PLACES = 10  # the lines kept of each way a street is written: a finding names no more


@dataclass(slots=True)
class Team:
    """The two committees of one community as proposed: everyone on its roster, members being seat holders.

    While rows are read the people are kept packed in `roll`; `people` is filled from it when the team is
    judged (see unroll)."""

    street: str
    community: str
    election_date: dt.date
    quota: dict[str, int | None] = field(default_factory=dict)
    # Whether its day was written (by the communities table, or on one of its rows), not the run's default.
    day_stated: bool = False
    # Empty until unrolled, and a tuple till then: a province's 125,000 teams need no empty list each (14 MB).
    people: Sequence[Member] = ()
    paths: frozenset[str] = frozenset()
    roll: Roll = field(default_factory=Roll)
    # The people holding a seat, worked out once the team is unrolled: every count rule asks for them.
    seated: list[Member] | None = None
    # The people whose row the roster marks as perhaps withdrawn (hidden, struck through): found once unrolled.
    marked: Sequence[Member] = ()
    # The ways its street was written, by the rows that wrote it otherwise than `street` (东湖街道党工委 beside
    # 东湖街道) or by its own name alone (东湖): for the finding that says they were taken as one. None for most.
    spellings: dict[str, Spelling] | None = None
    # Where it cannot be told whether this team and the same community under another kind of street of the same
    # name are one (东湖街道 and 东湖镇, each with a 青松社区): all of them as one team, and the streets as written.
    # One field, not two: a province holds 125,000 teams, nearly all without.
    undecided: tuple[Team, tuple[str, ...]] | None = None
    # Of a team with no street whose rows come from several files (or sheets): each file, in the order met, with
    # the principal posts its team held as that file's first row came ((post, ID number, name)), to tell which
    # file proposed which (see Review._heads_apart). None for most: a team read from one file.
    heads: list[tuple[str, frozenset[tuple[str, str | None, str]]]] | None = None

    @property
    def as_one(self) -> Team | None:
        """This team with the teams of its street's other kinds, as one (see undecided)."""
        return None if self.undecided is None else self.undecided[0]

    @property
    def streets_apart(self) -> tuple[str, ...]:
        """The streets, as written, of the teams it may be one with (see undecided)."""
        return () if self.undecided is None else self.undecided[1]

    def unroll(self) -> Team:
        """The people as Member objects, for the team rules; the packed roll is let go. Once is enough: a team
        judged as one with others (as_one) is unrolled by the first of them."""
        if self.roll or not self.people:
            marked = any(map(_MARK, self.roll._seats))  # in C: a province's million rows, nearly none marked
            self.people, self.roll = [*self.people, *self.roll], Roll()
            self.seated = None
            if marked or self.marked:
                self.marked = [p for p in self.people if p._seat[5] is not None]
        return self

    def counting(self, standing: Iterable[Member], doubted: Iterable[Member] = ()) -> Team:
        """The team were the marked people among `standing` standing after all, those among `doubted` left in
        doubt, and the other marked people gone from the roster."""
        stand, doubt = {id(p) for p in standing}, {id(p) for p in doubted}
        people = [
            p if p._seat[5] is None or id(p) in doubt else p.unmarked()
            for p in self.people
            if p._seat[5] is None or id(p) in stand or id(p) in doubt
        ]
        view = Team(
            self.street, self.community, self.election_date, self.quota, self.day_stated, people, self.paths
        )
        view.marked = [p for p in people if p._seat[5] is not None]
        return view

    def members(self) -> list[Member]:
        """The people known to hold a seat: a seat read, on a row not marked as perhaps withdrawn."""
        if self.seated is None:
            self.seated = [p for p in self.people if p.bodies and p._seat[5] is None]
        return self.seated

    def maybe_members(self) -> list[Member]:
        """The people not known to hold a seat who may hold one: their posts could not all be read, or their
        row is marked as perhaps withdrawn (they hold their seats if they still stand)."""
        return [
            p
            for p in self.people
            if (p.posts_unread and not p.bodies) or (p._seat[5] is not None and (p.bodies or p.posts_unread))
        ]

    def maybe_in(self, body: str) -> list[Member]:
        """The people not known to hold a seat in a body who may hold one: a post not read may be it, and one
        marked as perhaps withdrawn holds it if they still stand."""
        return [
            p
            for p in self.people
            if (p.posts_unread and body not in p.bodies) or (p._seat[5] is not None and body in p.bodies)
        ]

    def standing(self) -> tuple[Sequence[Member], Sequence[Member]]:
        """The candidates known to stand, and those whose row is marked as perhaps withdrawn."""
        if self.marked:
            return [p for p in self.people if p._seat[5] is None], self.marked
        return self.people, []

    def member_count(self) -> int | Span:
        """How many hold a seat: a span while some whose posts could not be read, or whose row is marked, may
        hold one."""
        low = len(self.members())
        return _span(low, low + len(self.maybe_members()))

    def candidate_count(self) -> int | Span:
        """How many stand: a span while some rows are marked as perhaps withdrawn."""
        return _span(len(self.people) - len(self.marked), len(self.people))

    def seats(self, body: str) -> int | Span:
        """Seats filled in a body: a span while some not read as holding one may hold one, or some holding one
        may no longer stand."""
        low = sum(1 for p in self.members() if body in p.bodies)
        return _span(low, low + len(self.maybe_in(body)))


_MARK = operator.itemgetter(5)  # a member's mark in its seat tuple (see Member)


class Span(NamedTuple):
    """A count known only to lie between two numbers, both included."""

    low: int
    high: int

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"


def _span(low: int, high: int) -> int | Span:
    return low if low == high else Span(low, high)
