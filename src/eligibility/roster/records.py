"""Turning a raw row into a Candidate: every cell normalised through the rule set's vocabularies, every problem kept."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from eligibility.candidate import Candidate, DataProblem
from eligibility.roster.normalise import (
    CONTROL_CHARACTERS,
    EXCEL_ERRORS,
    SERIAL_TEXT,
    UNREADABLE_DATE,
    DateError,
    IdNumber,
    JanuaryOrOctober,
    clean,
    date_parts,
    from_1904,
    id_digits,
    ids_in_text,
    is_date_serial,
    joined_name,
    parse_birth_date,
    parse_date,
    parse_dates,
    past_kin,
    read_id_number,
    read_number,
    split_list,
    zeros_of_excel,
)
from eligibility.roster.readers import RawRecord, Table
from eligibility.ruleset.model import FieldSpec
from eligibility.ruleset.vocab import Unknown, Vocabulary

T = TypeVar("T")
_ABSENT = object()  # a field whose column the file does not have, unlike one left blank
_SEAT_COLUMNS = ("roles", "gender", "education", "political_status")
# roles, gender as written, education (its level, or as written when it allows several) and the ranks it
# allows, political status, and the education cell as written
_Seat = tuple[tuple[str, ...], str | None, str | None, tuple[int, int] | None, str | None, str | None]
# No roster cell is this long but by damage (a document pasted in, a file read into one cell).
CELL_MAX_CHARS = 10_000
_CELL_START_SHOWN = 40


# Between two people's names; never inside one (阿依古丽·买买提 keeps its dot, John Smith his space).
_SEVERAL_NAMES = re.compile("[、,，;；/／|]")
# A name with a bracket saying the two are kin past the fifth generation (王五（已出五服）): no relative the rules
# mean (see compiler.declared_keys for the words unbracketed).
_NAMED_WITH_REMARK = re.compile(r"[^、,，;；/|\s()（）]*[（(]([^）)]*五服[^）)]*)[）)]")
# Five digits or more in a name cell, or seven parted by spaces or dashes (138-0013-8000): a number beside the
# name, never part of it.
_NUMBER_IN_NAME = re.compile(r"\d{5}|\d(?:[\s\-－–—.]*\d){6}")
# What parts a form's yes/no prompt: 是/否, 是／否, 是 或 否, 是□否□, 是（ ）否（ ）.
_PROMPT_MARKS = re.compile(r"[\s/／、,，或□☐■（）()]+")

# A year and what follows it in a remark (2003-2006年任委员, 2026-03-01补选, 2021-2026届): no number the name holds.
_YEARS_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-－–—./~至到]\s*\d{1,4}){0,2}(?!\d)")
# A remark in brackets after a name (李四（女，满族）, 王芳（曾用名：王小芳）): its commas are no separator.
_NAME_REMARK = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")


def _several_people(name: str) -> bool:
    """Whether a name cell holds two people's names: two parts, outside brackets, each in Chinese characters.
    张三/Zhang San is one person written two ways; 李四（女，满族） one with a remark (helper-68)."""
    parts = _SEVERAL_NAMES.split(_NAME_REMARK.sub("", name))
    return sum(1 for part in parts if any("\u4e00" <= ch <= "\u9fff" for ch in part)) >= 2


# How a form says "as the row above" (同上, a ditto mark): no place's name.
_AS_ABOVE = frozenset({"同上", "同上行", "同前", "同左", "〃", "′′", '"', "ditto", "Ditto", "do."})
_AS_ABOVE_STARTS = frozenset(word[0] for word in _AS_ABOVE)  # asked first, of every row's two places


def _not_as_above(place: str, column: str, problem: Callable[..., None]) -> str:
    """A community written 同上 is read as left blank: taken as a place's name, 同上 made a team of every such
    row, judged apart from the community it meant (helper-65). A blank community right under a named one is
    counted in the team above (Review._join_team); the row is invalid until the name is written, as a sort or
    filter leaves 同上 meaning another row."""
    if place[:1] not in _AS_ABOVE_STARTS or place.replace(" ", "") not in _AS_ABOVE:
        return place
    problem("same-as-above", column, place)
    return ""


class RecordReader:
    """Builds Candidates for one rule set; one instance serves every row of a run."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        fields: dict[str, FieldSpec],
        election_date: dt.date,
        community_date: Callable[[str, str], dt.date | None] = lambda street, community: None,
    ) -> None:
        self.vocabulary = vocabulary
        self.fields = fields
        # The cells a YAML/JSON roster may write as a list: roles, and the rule set's list and date-list fields.
        self._list_columns = frozenset(
            ["roles", *(name for name, spec in fields.items() if spec.type in ("list", "dates"))]
        )
        # The cells that hold dates: in a workbook of the 1904 date system, a number there is counted from 1904.
        self._date_columns = (
            "birth_date",
            "election_date",
            *(name for name, spec in fields.items() if spec.type in ("date", "dates")),
        )
        # The rule set's date fields, each a day or several before election day (a violation, a dismissal).
        self._history_dates = tuple(name for name, spec in fields.items() if spec.type in ("date", "dates"))
        self.election_date = election_date
        self.community_date = community_date
        # Roles cells repeat (党支部书记、居委会主任): each spelling, once read without a problem, is kept.
        self._known_roles: dict[str, tuple[str, ...]] = {}
        # The same for the rule set's fields: their cells as a tuple -> the values read, once without a problem.
        self._known_fields: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._known_seats: dict[tuple[Any, ...], _Seat] = {}
        # Whether a rule reads 政治面貌: only then is one the rule set does not list said (see _seat).
        self.political_read = True
        # The text fields rules read only for the words they mention (备注, `mentions`): free text, of which
        # two columns (备注 beside 情况说明) are both read, never one against the other (see _also_read).
        self.worded: frozenset[str] = frozenset()
        # The text fields no bar nor review reads (备注, read by warnings only): an Excel error value there is a
        # warning on its row, not a row that cannot be judged (see _error_in_text).
        self.free_text: frozenset[str] = frozenset()

    def candidate(self, raw: RawRecord, table: Table) -> Candidate:
        """A Candidate from one row of a table; every problem names the column as the file wrote it, and its cell."""
        cells = raw.cells
        problems = list(raw.problems)
        headers = table.header.headers
        typed = table.format not in ("csv", "tsv")  # text cells only, where 1, 1.0 and True cannot meet

        def problem(rule: str, name: str, value: Any, severity: str = "invalid", **params: str) -> None:
            cell = table.cell(name, raw.source)
            shown = _shown_value(value)
            problems.append(
                DataProblem(rule, headers.get(name, name), shown, severity, tuple(params.items()), cell, name)
            )

        if raw.also:
            cells = self._also_read(cells, raw.also, problem)
        if table.date1904:
            cells = {**cells, **{c: from_1904(cells[c]) for c in self._date_columns if c in cells}}
        texts = "".join(_texts(cells) if typed else cells.values())
        # isprintable answers for the common row in one C loop; a wide space or the like asks the pattern.
        if len(texts) > CELL_MAX_CHARS or (not texts.isprintable() and CONTROL_CHARACTERS.search(texts)):
            cells = _damage_named(cells, problem)
        if table.format in ("yaml", "json"):
            if any(type(v) is dict or type(v) is list for v in cells.values()):
                cells = self._shapes_named(cells, problem)
            # A record that leaves out a key the others give (an exporter dropping empty values) left that
            # cell blank, as a CSV row would, and blank is no: not a column the file lacks, which is unknown.
            left_out = [
                name for name in (*self.fields, "id_number") if name not in cells and name in table.columns
            ]
            if left_out:
                cells = {**cells, **dict.fromkeys(left_out)}

        name = self._required(cells, "name", problem)
        if name and (not isinstance(cells.get("name"), str) or not any(ch.isalpha() for ch in name)):
            # 12345, TRUE or a date where the name goes (a workbook's typed cell, a shifted column): no one's name,
            # and checked as one it would pass as a candidate called 12345.0. Shown as the cell shows it (5, not
            # 5.0, as its finding quotes it, helper-73).
            name = _shown_value(cells.get("name"))
            problem("name-not-a-name", "name", name)
        elif name and _NUMBER_IN_NAME.search(name) and _NUMBER_IN_NAME.search(_YEARS_IN_NAME.sub("", name)):
            # 李四、110101197001011238: a name with an ID (or telephone) number beside it passed as eligible, its
            # number shown in every report and in the relatives' pairs (helper-78).
            problem("name-with-number", "name", name)
        elif name and _SEVERAL_NAMES.search(name) and _several_people(name):
            # 张三、李四 in one cell: two people, and checked as one they were one candidate, the second with no
            # ID number, age or post of their own (helper-65).
            problem("name-several", "name", name)
        name = joined_name(name)  # 王  五 is 王五, as the ID register and a relatives entry write it
        # Interned, so that a team and the communities table share one copy of each name.
        community = sys.intern(
            _not_as_above(self._required(cells, "community", problem), "community", problem)
        )
        street = clean(cells.get("street"))
        if street[:1] in _AS_ABOVE_STARTS and street.replace(" ", "") in _AS_ABOVE:
            # Read as blank, and said where the community is named (its own 同上 says it already): the row takes
            # the street of the row right above it when that names the same community (Review._join_team). Read
            # blank in silence, it joined a namesake community of another street (helper-68).
            if community:
                problem("same-as-above", "street", street)
            street = ""
        street = sys.intern(street)
        # The cells that say what a person stands for repeat row after row (居委会委员, 男, 高中, 群众): each
        # combination, once read without a problem, is kept. (Not with the community: each has its own few rows.)
        key = _key([cells.get(column) for column in _SEAT_COLUMNS], typed)
        seat = _remembered(self._known_seats, key, problems, self._seat, cells, problem)
        roles, stated_gender, education, ranks, political, education_written = seat

        identity = self._id_number(cells, problem)
        birth = self._birth(cells, identity, problem)
        gender = self._gender(stated_gender, cells, identity, problem)

        set_for_community = self.community_date(street, community)
        election_date = set_for_community or self.election_date
        date_stated = False
        if "election_date" in cells and clean(cells["election_date"]):
            try:
                stated = parse_date(cells["election_date"])
            except DateError as err:
                if err.reason is None:
                    problem("date-invalid", "election_date", cells["election_date"], whole="day")
                else:
                    problem("date-impossible", "election_date", cells["election_date"], reason=err.reason)
            else:
                if stated is not None and stated[0] == stated[1]:
                    if set_for_community is not None and stated[0] != set_for_community:
                        # Two days for one community: the row cannot be judged on either with confidence. It
                        # is judged on the communities table's, the officer's own, and the row is named.
                        problem(
                            "election-date-not-settings",
                            "election_date",
                            cells["election_date"],
                            other=set_for_community.isoformat(),
                        )
                    else:
                        election_date, date_stated = stated[0], True
                else:
                    # A month (2006-09) is a birth date's, never an election's: one day is voted on.
                    problem("date-invalid", "election_date", cells["election_date"], whole="day")
        if birth is not None and birth[0] > election_date:
            problem(
                "date-impossible",
                "birth_date" if identity is None else "id_number",
                birth[0].isoformat(),
                reason=f"after election day {election_date}",
            )
            birth = None  # an age below zero would only confuse the age rules' messages

        # The rule set's own fields are mostly the same few words (否, 否, 否, blank) row after row.
        # Shared by every row that has the same cells: nothing writes to a candidate's fields.
        key = _key([cells.get(field_name, _ABSENT) for field_name in self.fields], typed)
        values = _remembered(self._known_fields, key, problems, self._fields, cells, problem)
        for field_name in self._history_dates:
            written = values.get(field_name)
            if written and _after(written, election_date):
                # 2011 typed for 2001: a violation "after" election day counts for no window, and the candidate
                # passed without a word. A roster is made before its election, so the date is wrong, not late:
                # the row is invalid until it is put right (as a warning, 2050 for 2005 passed, helper-65).
                problem(
                    "date-after-election",
                    field_name,
                    _late_dates(cells.get(field_name), election_date),
                    election_date=election_date.isoformat(),
                )
        for field_name in self.free_text:
            written = cells.get(field_name)
            if type(written) is str and written[:1] == "#":  # the common remark: blank, or words
                _error_in_text(field_name, written, headers.get(field_name, field_name), problems, problem)
        if raw.problems and any(p.rule in _UNREAD_CELL for p in raw.problems):
            problems = _said_once(problems)

        return Candidate(
            source=raw.source,
            name=name,
            id_number=identity.number
            if isinstance(identity, IdNumber)
            # As the officer sees the cell: a number Excel stored, 110101196001010, never 110101196001010.0.
            else (_shown_value(cells.get("id_number")) or None),
            gender=gender,
            birth=birth,
            education=education,
            education_ranks=ranks,
            education_written=education_written,
            political_status=political,
            street=street,
            community=community,
            roles=roles,
            election_date=election_date,
            fields=values,
            problems=problems,
            date_stated=date_stated,
            birth_from_id=birth is not None
            and isinstance(identity, IdNumber)
            and not clean(cells.get("birth_date")),
        )

    # ---- cells ----

    def _shapes_named(self, cells: dict[str, Any], problem: Any) -> dict[str, Any]:
        """A YAML/JSON cell written as a mapping, or as a list where one value is meant (a name, a community),
        is named as its row's problem and read as empty: its Python spelling (['青松社区']) would have been read
        as the value, a community of its own. A list of roles, relatives or dates is a list."""
        kept = dict(cells)
        for name, value in cells.items():
            if type(value) is dict or (type(value) is list and name not in self._list_columns):
                problem("cell-is-mapping" if type(value) is dict else "cell-is-list", name, _as_json(value))
                kept[name] = ""
            elif type(value) is list and any(type(item) in (dict, list) for item in value):
                for item in value:
                    if type(item) in (dict, list):
                        problem("cell-item-nested", name, _as_json(item))
                kept[name] = [item for item in value if type(item) not in (dict, list)]
        return kept

    def _fields(self, cells: dict[str, Any], problem: Any) -> dict[str, Any]:
        return {
            name: self._field(name, spec, cells[name], problem)
            for name, spec in self.fields.items()
            if name in cells
        }

    def _seat(self, cells: dict[str, Any], problem: Any) -> _Seat:
        roles = self._roles(cells, problem)
        stated_gender = None
        text = clean(cells.get("gender"))
        if text:
            stated_gender = self.vocabulary.gender(text)
            if stated_gender is None:
                problem("gender-unknown", "gender", text, expected=self.vocabulary.gender_words())
        education, ranks, written = self._education(cells, problem)
        political = None
        text = clean(cells.get("political_status"))
        if text and self.vocabulary.truth(text) is not False:  # / or — is how a form leaves it blank
            political = self.vocabulary.political_status(text)
            if political is None and not self.political_read:
                political = text  # as written: no rule asks, and nothing is said of it
            elif political is None:
                # 中共 党员, 预备党员 or 中国共产党党员 compared as written made a party member "not a member", and a
                # rule on it barred them (helper-67): one the rule set does not list is not known.
                problem(
                    "political-status-unknown",
                    "political_status",
                    text,
                    "warning",
                    expected=self.vocabulary.political_words(),
                )
        return roles, stated_gender, education, ranks, political, written

    def _also_read(
        self, cells: dict[str, Any], also: dict[str, list[tuple[str, Any]]], problem: Any
    ) -> dict[str, Any]:
        """The cells of one meaning in several columns (村霸 beside 涉黑涉恶), read as one: a yes in any is yes;
        dates, posts, relatives and remarks are all of them; anything else is one value however written (1970.01.01 and
        1970年1月1日, an ID number's x and X), or a data problem, never one of two taken without a word."""
        cells = dict(cells)
        for name, others in also.items():
            first = cells.get(name)
            written = [value for value in (first, *(value for _, value in others)) if clean(value)]
            if not written:
                continue
            kind = self.fields[name].type if name in self.fields else _BUILT_IN_KINDS.get(name, "text")
            if kind == "bool":
                truths = [
                    v if isinstance(v, bool) else self.vocabulary.truth(_shown_value(v)) for v in written
                ]
                # Yes in any column; else a word read as neither, to be said; else the first no.
                pick = next((i for i, t in enumerate(truths) if t is True), None)
                pick = next((i for i, t in enumerate(truths) if t is None), 0) if pick is None else pick
                cells[name] = written[pick]
            elif name in self.worded and kind == "text":
                # A bar written in 说明 is as much said as one in 备注: both are read, a clause apart.
                cells[name] = "；".join(dict.fromkeys(clean(_shown_value(value)) for value in written))
            elif kind in ("dates", "list"):
                items = [
                    item for value in written for item in (value if isinstance(value, list) else [value])
                ]
                if kind == "dates":
                    items = self._dates_given(items) or items[:1]
                if all(isinstance(item, str) for item in items):
                    cells[name] = "、".join(dict.fromkeys(clean(item) for item in items))
                else:
                    cells[name] = (
                        items  # a workbook's date cells and serials, a JSON list: each read as it is
                    )
            else:
                agreed = self._same_level(written) if name == "education" else _agreed(kind, written)
                if agreed is None:
                    shown = "、".join(dict.fromkeys(_shown_value(v) for v in written))
                    problem("column-values-differ", name, shown, headers="、".join(h for h, _ in others))
                    # Read as the first cell that means something (高中 beside 无, whichever column comes first):
                    # the findings are then the same whatever the columns' order.
                    cells[name] = next((v for v in written if self._means(name, v)), written[0])
                else:
                    cells[name] = agreed
        return cells

    def _means(self, name: str, value: Any) -> bool:
        """Whether an education cell reads as a level (any other column's cell always means itself)."""
        return name != "education" or self._level_of(value) is not None

    def _level_of(self, value: Any) -> Any:
        """The levels an education cell reads as, or None when it is no level."""
        ranks = self.vocabulary.ranks(clean(_shown_value(value)))
        return None if isinstance(ranks, Unknown) else ranks

    def _same_level(self, written: list[Any]) -> Any:
        """Education in two columns is one when both read as the same level (高中 and 高中（中专）), or the same
        text however spaced; else None, to be said."""
        levels = {self._level_of(v) for v in written}
        if len(levels) == 1 and None not in levels:
            return written[0]
        return _agreed("text", written)

    def _dates_given(self, items: list[Any]) -> list[Any]:
        """The dates of several columns of one meaning: a 无 or 否 in one column says nothing of the other's date
        (joined, "2003-05-01、无" was no date and the violation was lost); one day written in two ways is one, and
        a month beside a day of it (2003-05 and 2003-05-01) is that day."""
        read: list[tuple[Any, Any]] = []  # each date as written, with its range (None: no date, to be said)
        for item in items:
            if isinstance(item, str) and self.vocabulary.truth(item) is False:
                continue
            for part in date_parts(item) if isinstance(item, str) else [item]:
                try:
                    found = parse_dates(part)
                except DateError:
                    found = ()
                read.append((part, found[0] if len(found) == 1 else None))
        given: list[Any] = []
        for i, (part, span) in enumerate(read):
            if span is None or not any(
                _same_or_within(span, other, j < i) for j, (_, other) in enumerate(read) if j != i
            ):
                given.append(part)  # not written before, and no day within it given
        return given

    @staticmethod
    def _id_in_list(name: str, item: str, problem: Any) -> None:
        """An ID number in a list cell (a relative's) that is none: damaged by Excel (1.10101E+17, its last digits
        000) or mistyped. Said as in 身份证号, as nobody could be matched by it."""
        for written in ids_in_text(item):
            found = read_id_number(id_digits(written))
            if not isinstance(found, IdNumber):
                problem(found.key, name, written, **dict(found.params))

    @staticmethod
    def _required(cells: dict[str, Any], name: str, problem: Any) -> str:
        value = clean(cells.get(name))
        if not value:
            problem("required-missing", name, "")
        return value

    def _roles(self, cells: dict[str, Any], problem: Any) -> tuple[str, ...]:
        raw = cells.get("roles")
        if type(raw) is str and (read := self._known_roles.get(raw)) is not None:
            return read  # a roles cell read before, every word of it known
        words = [clean(w) for w in raw] if isinstance(raw, list) else split_list(raw)
        if not words:
            problem("required-missing", "roles", "")
            return ()
        roles: list[str] = []
        understood = True
        named: list[tuple[str, tuple[str, ...]]] = []  # each word known, with the posts it names
        for word in words:
            found = self.vocabulary.roles(word)
            if isinstance(found, Unknown):
                understood = False
                problem(
                    "role-unknown",
                    "roles",
                    word,
                    suggestion=_did_you_mean(found),
                    expected=self.vocabulary.role_names(),
                )
                continue
            named.append((word, found))
            roles.extend(role for role in found if role not in roles)
        if not roles and understood:
            # 连任 alone says how a post is held, not which post: no role is named.
            problem(
                "role-unknown",
                "roles",
                "、".join(words),
                suggestion="",
                expected=self.vocabulary.role_names(),
            )
        if len(named) > 1 and (clash := self._set_clash(named)) is not None:
            # 党支部副书记（一肩挑）: 一肩挑 made the deputy a secretary and director, a principal reviewed for age
            # and a second director counted against the quota, without a word (helper-54).
            understood = False
            problem("role-set-contradicts", "roles", clash[1], set=clash[0], posts=clash[2])
        if type(raw) is str and understood and roles and len(self._known_roles) < 4096:
            self._known_roles[raw] = tuple(roles)
        return tuple(roles)

    def _set_clash(self, named: list[tuple[str, tuple[str, ...]]]) -> tuple[str, str, str] | None:
        """A post written beside a set of posts (一肩挑) on a body the set already seats, and not one of the set's:
        党支部副书记 or 居委会委员 beside 一肩挑 (secretary and director). The set, the post, and the set's posts."""
        roles = self.vocabulary.words.roles
        for name, held in named:
            if len(held) < 2 or not self.vocabulary.is_role_set(name):
                continue
            bodies = {roles[role].body for role in held if roles[role].body}
            for word, found in named:
                if word != name and any(role not in held and roles[role].body in bodies for role in found):
                    return name, word, "、".join(roles[role].zh for role in held)
        return None

    @staticmethod
    def _id_number(cells: dict[str, Any], problem: Any) -> IdNumber | None:
        value = cells.get("id_number")
        if not _filled(value):
            if "id_number" in cells:
                problem("id-number-blank", "id_number", "", "warning")
            return None
        found = read_id_number(value)
        if isinstance(found, IdNumber):
            if not found.area_known:
                problem("id-number-area", "id_number", found.number, "warning", area=found.number[:6])
            if len(value if type(value) is str else str(value)) < 18:
                # 15 digits (and a space or two): the report writes its 18-digit form, which an officer
                # searching the roster for it, or a script joining on it, would not find (helper-130).
                problem("id-number-legacy", "id_number", str(value), "info", number=found.number)
            return found
        problem(found.key, "id_number", value, **dict(found.params))
        return None

    def _birth(
        self, cells: dict[str, Any], identity: IdNumber | None, problem: Any
    ) -> tuple[dt.date, dt.date] | None:
        stated = None
        if _filled(cells.get("birth_date")):
            try:
                stated = parse_birth_date(cells["birth_date"])
            except DateError as err:
                key = "date-invalid" if err.reason is None else "date-impossible"
                problem(key, "birth_date", cells["birth_date"], reason=err.reason or "")
        if identity is None:
            return stated
        born = identity.birth_date
        # The ID is the authority; a roster date that cannot be the same day is a data error, not a choice. A
        # month that reads two ways (1968.1: January or October) is either, never a month between them.
        if stated is not None and (
            not stated[0] <= born <= stated[1]
            or (type(stated) is JanuaryOrOctober and born.month not in (1, 10))
        ):
            written = cells["birth_date"]
            if type(stated) is JanuaryOrOctober:
                # Said with both readings: 1968.1 beside 1968-11-05 is not the January it looks like either.
                problem(
                    "birth-date-mismatch", "birth_date", written, expected=born.isoformat(), months="1|10"
                )
                return born, born
            if isinstance(written, str) and SERIAL_TEXT.fullmatch(written.strip()):
                written = float(written.strip())
            if is_date_serial(written):
                # An Excel date serial in a cell formatted as a number: the officer sees 18000, and is told the
                # day it stands for beside it. Not a month (1968.2), shown as written, as its text is.
                written = f"{written:g}（{stated[0].isoformat()}）"
            problem("birth-date-mismatch", "birth_date", written, expected=born.isoformat())
        return born, born

    @staticmethod
    def _gender(
        stated: str | None, cells: dict[str, Any], identity: IdNumber | None, problem: Any
    ) -> str | None:
        if identity is None:
            return stated
        if stated is not None and stated != identity.gender:
            # A number ending in 000 reads as a woman's (sequence x00, even), whoever it was: Excel's zeros, whose
            # check character fitted by chance, are the likelier cause than the sex cell; said as such.
            zeros = identity.number.endswith("000") and zeros_of_excel(cells.get("id_number"))
            damage = {"damage": "zeros"} if zeros else {}
            problem(
                "gender-mismatch", "gender", clean(cells.get("gender")), expected=identity.gender, **damage
            )
        return identity.gender

    def _education(
        self, cells: dict[str, Any], problem: Any
    ) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """The level an education cell names (as written where it allows several), its ranks, and the cell as
        written."""
        text = clean(cells.get("education"))
        if not text:
            return None, None, None
        found = self.vocabulary.ranks(text)
        if isinstance(found, Unknown):
            problem(
                "education-unknown",
                "education",
                text,
                suggestion=_did_you_mean(found),
                expected=self.vocabulary.level_names(),
            )
            return None, None, text
        return self.vocabulary.level_ids[found[0]] if found[0] == found[1] else text, found, text

    def _prompt(self, text: str) -> bool:
        """Whether a yes/no cell holds the form's prompt: a yes and a no word, each alone between marks."""
        words = [self.vocabulary.truth(word) for word in _PROMPT_MARKS.split(text) if word]
        return True in words and False in words and None not in words

    def _field(self, name: str, spec: FieldSpec, value: Any, problem: Any) -> Any:
        if spec.type == "bool":
            if isinstance(value, bool):
                return value
            text = _shown_value(value)  # a workbook's 1 and 0 are numbers, read as 1.0: shown as written, 1
            if not text:
                # Blank means no (contract), unless the field says a blank is no answer (a joint review's
                # department that has not answered, helper-72).
                return None if spec.blank == "unknown" else False
            truth = self.vocabulary.truth(text)
            # 是（已整改） stays unread: under 两违 the bar is on being involved, put right or not, but a column
            # asking 未整改 or 尚在影响期内 (village-2021) is answered no by the same remark (helper-82).
            if truth is None:
                # The form's own prompt left in the cell (是/否, 是□否□): no answer given, said as such, where
                # "是/否 应为 是/否" read as a stutter (helper-108, helper-112).
                problem(
                    "yes-no-unanswered" if self._prompt(text) else "yes-no-unknown",
                    name,
                    text,
                    expected=self.vocabulary.truth_words(),
                )
            return truth
        if spec.type in ("date", "dates"):
            if isinstance(value, str) and self.vocabulary.truth(value) is False:
                return None if spec.type == "date" else ()  # 无/否 written where no date applies
            try:
                return parse_date(value) if spec.type == "date" else parse_dates(value)
            except DateError as err:
                problem(
                    "date-invalid" if err.reason is None else "date-impossible",
                    name,
                    value,
                    reason=err.reason or "",
                )
                if spec.type == "date":
                    return None  # unknown, as a blank date is
                # Of several, those that read are kept and the rest is some day unknown: 2003-05-05、不详 is
                # still a violation in the window, and 2003年5月婚外生育 cannot be taken for none.
                return (*_readable_dates(value), UNREADABLE_DATE)
        if spec.type == "number":
            text = clean(value)
            if not text:
                return None
            found = read_number(text, spec.units)
            if found is None:
                problem("number-invalid", name, text)
            elif found < 0:
                # 党龄 -1 compared as a number was "under 3 years" and barred, where it is a placeholder or a
                # slip: no roster counts below nothing (helper-67).
                problem("number-negative", name, text)
                return None
            return found
        if spec.type == "list":
            if isinstance(value, str) and "五服" in value:
                # 王五（已出五服）: the bracket would part from the name, which was then a relative declared.
                value = _NAMED_WITH_REMARK.sub(lambda m: "" if past_kin(m[1]) else m[0], value)
            items = value if isinstance(value, list) else split_list(value)
            # 无 or 没有 in a list cell says it holds nobody: no item, never a name one character off another.
            kept = tuple(
                text for item in items if (text := clean(item)) and self.vocabulary.truth(text) is not False
            )
            for item in kept:
                if _DIGITS.search(item):
                    self._id_in_list(name, item, problem)
            return kept
        return clean(value) or None


def _readable_dates(value: Any) -> tuple[tuple[dt.date, dt.date], ...]:
    """The dates of a cell of several that can be read, when some cannot."""
    parts = (
        value if isinstance(value, list | tuple) else date_parts(value) if isinstance(value, str) else [value]
    )
    return tuple(found for _, found in _dates_read(parts))


def _dates_read(parts: Any) -> Iterator[tuple[Any, tuple[dt.date, dt.date]]]:
    """Each part of a cell of several dates that reads as one, as written and as read; the others passed over."""
    for part in parts:
        try:
            found = parse_date(part)
        except DateError:
            continue
        if found is not None:
            yield part, found


def _late_dates(cell: Any, election_date: dt.date) -> Any:
    """The dates of a cell that fall after election day, as written (2006-10-05 of 2003-05-01；2006-10-05): the
    ones a warning is about, not the whole cell. A cell of one date, or a list, is itself."""
    if not isinstance(cell, str):
        return cell
    late = [part for part, found in _dates_read(date_parts(cell)) if found[0] > election_date]
    return "、".join(late) if late else cell


def _after(written: Any, election_date: dt.date) -> bool:
    """Whether a date field's value (a day's range, or several) begins after election day."""
    spans = written if written and isinstance(written[0], tuple) else (written,)
    return any(low > election_date for low, _ in spans)


# Enough digits in a row to be an ID number's, or Excel's scientific notation of one: looked at more closely.
_DIGITS = re.compile(r"[0-9]{6}|[0-9][Ee]\+?[0-9]")


def _same_or_within(span: Any, other: Any, earlier: bool) -> bool:
    """Whether a date is told by another: the same, written before it, or a day within it (2003-05-01 in 2003-05)."""
    if other is None:
        return False
    if other == span:
        return earlier
    return bool(span[0] <= other[0] and other[1] <= span[1])


# How the roster's own columns are read when written twice (the rule set's fields say their own type).
_BUILT_IN_KINDS = {"roles": "list", "birth_date": "date", "election_date": "date", "id_number": "id"}


def _agreed(kind: str, written: list[Any]) -> Any:
    """One value of several cells of one meaning, or None when they say different things: dates that can be
    the same day (the narrowest is kept: 1970-01-01 within 1970-01), ID numbers that are one number, text that
    differs only in spaces."""
    if kind == "date":
        try:
            ranges = [found for value in written if (found := parse_date(value)) is not None]
        except DateError:
            ranges = []  # a cell that is no date: said by the date's own reading, compared as text here
        if ranges and len(ranges) == len(written):
            narrowest = min(range(len(ranges)), key=lambda i: ranges[i][1] - ranges[i][0])
            low, high = ranges[narrowest]
            return written[narrowest] if all(r[0] <= low and high <= r[1] for r in ranges) else None
    if kind == "id":
        numbers = {
            number.number if isinstance(number := read_id_number(v), IdNumber) else clean(v) for v in written
        }
        return written[0] if len(numbers) == 1 else None
    texts = {"".join(clean(_shown_value(v)).split()) for v in written}
    return written[0] if len(texts) == 1 else None


def _texts(cells: dict[str, Any]) -> list[str]:
    """The text of a YAML, JSON or workbook row: its text cells, and the text items of its list cells."""
    texts = []
    for value in cells.values():
        if type(value) is str:
            texts.append(value)
        elif type(value) is list:
            texts.extend(item for item in value if type(item) is str)
    return texts


def _damage_named(cells: dict[str, Any], problem: Any) -> dict[str, Any]:
    """The cells with each damaged one named as its row's problem and made fit to read and to write out: a control
    character shown as U+FFFD (no workbook or terminal can show it), a cell of a whole document cut to its start.
    A list cell (YAML, JSON) is one cell: its items are looked at as one text."""
    kept = dict(cells)
    for name, value in cells.items():
        if type(value) is list:
            items = [_whole(name, item, problem) if type(item) is str else item for item in value]
            if items != value:
                kept[name] = items
        elif type(value) is str:
            kept[name] = _whole(name, value, problem)
    return kept


def _whole(name: str, value: str, problem: Any) -> str:
    """One text of a cell with its damage named (see _damage_named)."""
    if len(value) > CELL_MAX_CHARS:
        length = len(value)
        value = value[:_CELL_START_SHOWN] + "…"
        problem("cell-too-long", name, value, length=str(length), limit=str(CELL_MAX_CHARS))
    if (control := CONTROL_CHARACTERS.search(value)) is not None:
        value = CONTROL_CHARACTERS.sub("\ufffd", value)
        problem("cell-control-character", name, value, code=f"U+{ord(control.group()):04X}")
    return value


def _as_json(value: Any) -> str:
    """A list or mapping as YAML/JSON writes it, its start only."""
    import json

    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:60] + "…"


def blank_cell(value: Any) -> bool:
    """Whether a field's cell is blank as _field reads it: nothing shown once cleaned (a workbook's FALSE is an
    answer, a zero-width space alone is not)."""
    return not isinstance(value, bool) and not _shown_value(value)


def _filled(value: Any) -> bool:
    """Whether a cell holds anything once cleaned. A text starting with a digit does, as nearly every ID number
    and birth date cell does: answered without cleaning it (a microsecond a cell)."""
    return (type(value) is str and value[:1].isdigit()) or bool(clean(value))


# A workbook cell that holds no value the check can read: an error value, a formula never calculated.
_UNREAD_CELL = frozenset({"cell-excel-error", "cell-formula-unsaved"})


def _error_in_text(
    name: str, written: str, column: str, problems: list[DataProblem], problem: Callable[..., None]
) -> None:
    """An Excel error value in free text no bar nor review reads (备注: #N/A of a formula that failed, in a workbook
    or as a CSV writes it): what the cell was to say is not known, which is a warning on its row, and the rest of
    the row is checked as usual, where the row was invalid for a cell no rule of eligibility reads."""
    said = [p for p in problems if p.rule == "cell-excel-error" and p.column == column]
    if said or clean(written) in EXCEL_ERRORS:
        problems[:] = [p for p in problems if p not in said]
        problem("cell-excel-error-text", name, said[0].value if said else written, "warning")


def _said_once(problems: list[DataProblem]) -> list[DataProblem]:
    """A cell said to hold no value (=1/0 never calculated, #N/A) is not also said to hold a wrong one: 两违
    “=1/0” 应为 是/否 beside cell-formula-unsaved told the officer to type 是 or 否 over a formula (helper-52)."""
    unread = {p.cell for p in problems if p.rule in _UNREAD_CELL and p.cell}
    return [p for p in problems if p.rule in _UNREAD_CELL or p.cell not in unread]


def _remembered(
    known: dict[Any, T], key: tuple[Any, ...], problems: list[Any], read: Callable[..., T], *args: Any
) -> T:
    """What `read(*args)` gives for these cells, read once and kept when it added no problem (a row with a
    problem is read again, so that each row names its own); a cell Python cannot hash (a YAML list) is read
    but not kept. At most 4,096 combinations are kept."""
    try:
        found = known.get(key)
        keep = True
    except TypeError:
        found, keep = None, False
    if found is None:
        before = len(problems)
        found = read(*args)
        if keep and len(problems) == before and len(known) < 4096:
            known[key] = found
    return found


def _key(cells: list[Any], typed: bool) -> tuple[Any, ...]:
    """Cells as a key to what was read of them. A YAML or workbook cell may be 1, 1.0 or True, which are equal
    as Python values but not as cells (community "1" against "1.0", a yes/no field), so there each is keyed
    with its type."""
    return tuple([(type(cell), cell) for cell in cells]) if typed else tuple(cells)


def _did_you_mean(unknown: Unknown) -> str:
    return unknown.suggestions[0] if unknown.suggestions else ""


def _shown_value(value: Any) -> str:
    """A cell as the user would see it: a number stored by Excel without its float noise, a YAML list's items
    joined with 、 and its dates as written, never Python's own text for them."""
    if isinstance(value, list | tuple):
        return "、".join(_shown_value(item) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return f"{value:.15g}" if abs(value) >= 1e15 else str(int(value))
    return clean(value)
