"""Cell normalisers: ID numbers (GB 11643), dates in Chinese spellings, 周岁, yes/no words and free text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeGuard

# ---- text -------------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def clean(value: object) -> str:
    """NFKC (full-width to half-width), trimmed, inner runs of white space made one space, invisible characters
    (zero-width, byte-order and direction marks) taken out."""
    if value is None:
        return ""
    if type(value) is str and len(value) <= _SHORT:
        return _clean_short(value)
    if isinstance(value, bool):  # as Excel shows its TRUE in a cell, never Python's True (helper-52)
        return "TRUE" if value else "FALSE"
    return _clean(value if isinstance(value, str) else str(value))


# Characters no one types into a roster: control characters carried over from another system, and half a UTF-16
# pair escaped in JSON ("\ud800"), and U+FFFE and U+FFFF, which are no characters: no report could write them out
# (XML, and so JUnit and Excel, refuses them). Tab, line breaks, vertical tab and form feed are white space
# (Alt+Enter in Excel), folded by clean.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# The error values Excel (and WPS) shows in a cell whose formula failed, as a CSV it saves writes them: no one's words.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
    | {"#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"}
)

# Most cells of a roster are short words said again and again (否, 高中, a street's name): each is cleaned once.
_SHORT = 12


@lru_cache(maxsize=8192)
def _clean_short(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
    if text.isprintable() and "  " not in text:
        return text.strip()  # the common cell: no tab, line break or odd space inside, so only ends to trim
    return _SPACE.sub(" ", text).strip()


# Characters that show nothing, Unicode's default-ignorable code points: zero-width spaces and joiners, a
# byte-order mark pasted mid-file, soft hyphens, variation selectors, Hangul fillers, tags, and the marks that
# turn text right to left. Left in, 青松社区 with a zero-width space after it would be another community, judged
# as a team of its own, and a reversed run could disguise what a cell says.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The form used to match words against a vocabulary: cleaned, no spaces, lower-case latin."""
    return clean(text).replace(" ", "").casefold()


# Roles and list cells: 、 , ， ; ； / | line breaks (Alt+Enter in Excel) and the ideographic space; 兼 and 兼任 as
# in 党支部书记兼居委会主任; brackets, as in 党支部书记（兼居委会主任） or 张伟（父子）, so that each item is what
# the officer wrote and a note in brackets is an item of its own. NFKC has already turned the full-width forms
# into , ; / ( ) and a plain space.
# 兼 whole with what goes with it (并兼任, 兼职): cut at 兼 alone, 居委会委员兼职妇代会主任 left a post 职妇代会主任
# that no one knows, and 党支部书记并兼任居委会主任 one 党支部书记并 (helper-54).
# Quotes as brackets are: 村委会主任“一肩挑” is the post and a note on it, where it was a post no one knows
# (helper-57).
LIST_SEPARATORS = re.compile(r"[、,;/|()\[\]【】\"“”‘’「」『』\r\n\u2028\u2029]+|(?:同时|并)?兼(?:任|职)?")
# Dates may themselves contain "/", so a list of dates is split on the other separators, and on white space
# that is not inside a date written 2003年 5月 1日.
DATE_LIST_SEPARATORS = re.compile(r"[、,;|\r\n\u2028\u2029]+|\s+")
_SPACE_IN_DATE = re.compile(r"\s*([年月日./-])\s*")


def split_list(value: object) -> list[str]:
    """The items of a list cell, each cleaned; line breaks separate items before white space is folded."""
    if value is None:
        return []
    text = join_id_parts(value if isinstance(value, str) else str(value))
    if _PADDED_NAME.search(text):
        # 王　五: a two-character name padded to the width of three, not two people named 王 and 五 (a line
        # break still parts two items, as officers list one relative to a line).
        text = _PADDED_NAME.sub(r"\1\2", text)
    text = unicodedata.normalize("NFKC", text.replace("\u3000", "、"))
    return [item for part in LIST_SEPARATORS.split(text) if (item := clean(part))]


# The Chinese characters, of the basic plane and beyond it (𠮷), as a regular expression's class holds them.
HAN = "\u3400-\u9fff\U00020000-\U0003134f"
# A space between two Chinese characters of a name.
_SPACE_IN_HAN_NAME = re.compile(rf"(?<=[{HAN}]) +(?=[{HAN}])")


def joined_name(name: str) -> str:
    """A cleaned name without the spaces that pad it (王  五 lined up with three-character names, 王 and 五 on two
    lines of a cell): one name, 王五, wherever it is written. John Smith keeps his space."""
    return _SPACE_IN_HAN_NAME.sub("", name) if " " in name else name


# One Chinese character, white space, one Chinese character, the whole of an item (between separators or ends).
_PADDED_NAME = re.compile(
    rf"(?<![^\s、,，;；/|()（）\[\]【】])([{HAN}])[\u3000 \t]+([{HAN}])"
    rf"(?![^\s、,，;；/|()（）\[\]【】])"
)


# ---- resident ID numbers ----------------------------------------------------------------------------------

_CHECK = "10X98765432"
# ASCII digits only: `\d` alone takes any script's digits (١٢٣), which NFKC leaves as they are and int() reads,
# so a number written in them would pass for a resident ID number.
_ID18 = re.compile(r"\d{17}[\dX]", re.ASCII)
_LAST = frozenset("0123456789Xx")
_ID15 = re.compile(r"\d{15}", re.ASCII)
_SCIENTIFIC = re.compile(r"\d(\.\d+)?E\+?\d+")
_FLOAT = re.compile(r"(\d{15}|\d{18})\.0+")
# The ways a CSV export keeps Excel from turning an ID number into a number: a formula giving the text
# (="110101…", Excel's own advice) or a leading apostrophe. Excel shows the number alone, and so is it read.
_AS_TEXT = re.compile(r"=\"([0-9X]+)\"|'([0-9X]+)")


def check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    # The weights are 2^17 … 2^1 mod 11, and 13 ≡ 2 (mod 11): the weighted sum is twice the digits read as a
    # base-13 number, mod 11. int() does that in C, ten times faster than summing the products, once per row.
    return _CHECK[int(first17, 13) * 2 % 11]


@dataclass(frozen=True, slots=True)
class IdNumber:
    """A resident ID number that passed every check, and what it says of its holder."""

    number: str
    birth_date: dt.date
    gender: str
    area_known: bool


@dataclass(frozen=True, slots=True)
class IdProblem:
    """Why a cell is not a usable ID number: a message key and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


def read_id_number(value: object) -> IdNumber | IdProblem:
    """Normalise an ID cell: NFKC, upper-case x, 15 digits converted; Excel damage named as such."""
    if (
        type(value) is str
        and len(value) == 18
        and value.isascii()
        and value[:17].isdigit()
        and value[17] in _LAST
    ):
        text = value.upper()  # the common cell, already an 18-character number: nothing to fold or convert
    else:
        if isinstance(value, float) and not value.is_integer():
            return IdProblem("id-number-format")
        if isinstance(value, float) and value >= 1e15:
            # A workbook cell holding the ID as a number keeps 15 significant digits at most: the rest are gone.
            return IdProblem("id-number-excel", (("damage", "number"),))
        if isinstance(value, float):
            value = int(value)  # 15-digit legacy numbers survive a numeric cell intact
        text = clean(value).upper().replace(" ", "").replace("-", "")
        if as_text := _AS_TEXT.fullmatch(text):
            text = as_text.group(1) or as_text.group(2)
        if _SCIENTIFIC.fullmatch(text):
            return IdProblem("id-number-excel", (("damage", "scientific"),))
        if float_match := _FLOAT.fullmatch(text):
            text = float_match.group(1)
        if _ID15.fullmatch(text):
            # Legacy numbers: area + YYMMDD + sequence, all born in the 1900s; the check character is computed.
            body = text[:6] + "19" + text[6:]
            text = body + check_character(body)
        if not _ID18.fullmatch(text):
            return IdProblem("id-number-format")
    digits = text[6:14]
    birth = _day_of(digits)
    if birth is None:
        return IdProblem("id-number-birth", (("digits", digits),))
    if birth.year < 1900:
        # 1880 typed for 1980 keeps a valid check character only by chance, but a candidate of 126 passed every
        # age rule as 符合条件. A birth date cell before 1900 is refused as a date; so is the ID number's.
        return IdProblem("id-number-birth-year", (("year", digits[:4]),))
    expected = check_character(text[:17])
    if text[17] != expected:
        if text.endswith("000"):
            # Excel keeps 15 significant digits: the last three of a number typed into a numeric cell become 0.
            return IdProblem("id-number-excel", (("damage", "zeros"),))
        return IdProblem("id-number-checksum", (("expected", expected),))
    gender = "male" if int(text[16]) % 2 else "female"
    return IdNumber(text, birth, gender, area_known(text[:6]))


def zeros_of_excel(value: object) -> bool:
    """Whether an ID cell that reads as a valid number ending in 000 was written with 18 digits, the last three
    where Excel leaves zeros of a number typed into a number cell (it keeps 15 significant digits), so perhaps
    Excel's. One check character in 11 fits the zeros by chance; a legacy 15-digit number ending in 000 is whole
    in a number cell, whatever its computed check character."""
    return (
        len(_NOT_A_DIGIT.sub("", clean(value).partition(".")[0])) > 15
    )  # 110101700107000.0 from a number cell


_NOT_A_DIGIT = re.compile("[^0-9]")


@lru_cache(maxsize=1 << 16)  # a province's birth dates, each read once
def _day_of(digits: str) -> dt.date | None:
    """The day of eight digits YYYYMMDD, or None when there is no such day."""
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def ids_in_text(text: str) -> list[str]:
    """The ID numbers written among words (配偶身份证号110101…, 110101 19630413 0109, two in one cell), as
    written: 18 characters or 15 digits with a birth date of the 1900s or 2000s where an ID number has it, or
    15 to 19 digits that begin with a county's code (one digit too many or too few, a day that never was), so a
    bank card or a telephone number is none. The whole text in Excel's scientific notation (1.10101E+17) is one,
    damaged."""
    if _SCIENTIFIC_TEXT.fullmatch(text.strip()):
        return [text.strip()]
    found = []
    for match in _ID_AMONG_WORDS.finditer(text):
        digits = id_digits(match.group())
        born = digits[6:14] if len(digits) == 18 else "19" + digits[6:12] if len(digits) == 15 else ""
        if (born[:2] in ("19", "20") and _day_of(born) is not None) or area_known(digits[:6]):
            found.append(match.group())
    return found


def id_digits(written: str) -> str:
    """An ID number found among words, its parts' spaces and dashes taken out."""
    return _ID_PART_BREAK.sub("", written)


def join_id_parts(text: str) -> str:
    """An ID number typed in its three parts (110101　19630413　0109, 110101—19630413—0109) as one."""
    return _ID_PARTS.sub(r"\1\2\3", text) if _ID_PARTS.search(text) else text


# What officers put between an ID number's parts: spaces, a full-width one, dashes of every length.
_BREAK = "[ \u3000\\-‐–—－]+"
_ID_PART_BREAK = re.compile(_BREAK)
_ID_PARTS = re.compile(rf"(?<![0-9])([0-9]{{6}}){_BREAK}([0-9]{{8}}){_BREAK}([0-9]{{3}}[0-9Xx])(?![0-9Xx])")
_ID_AMONG_WORDS = re.compile(
    rf"(?<![0-9])(?:[0-9]{{6}}(?:{_BREAK})?[0-9]{{8}}(?:{_BREAK})?[0-9]{{3}}[0-9Xx]|[0-9]{{15,19}}(?:[Xx][0-9]{{0,2}})?)"
    r"(?![0-9Xx])"  # a digit typed after the X (…009X1) is a number too long, not no number at all
)
_SCIENTIFIC_TEXT = re.compile(r"[0-9](\.[0-9]+)?[Ee]\+?[0-9]+")


def area_known(area: str) -> bool:
    """Whether GB/T 2260 (as python-stdnum ships it) knows the area code, whatever the year it was created.

    python-stdnum's own `validate` rejects numbers whose county was created after the birth year, which real
    people hold; we only ever warn, and only when the code is unknown altogether.
    """
    return area in _counties()


@cache
def _counties() -> frozenset[str]:
    """Every six-digit county code of python-stdnum's table of areas (stdnum/cn/loc.dat).

    The table is read here rather than through stdnum's numdb: its general parser takes a tenth of a second,
    most of a ten-row check's start-up, where two-level lines (`11 province=…`, `  0101 county=…`) need none.
    """
    stdnum = find_spec("stdnum")  # found, not imported: importing stdnum.cn costs as much again
    if stdnum is None or stdnum.origin is None:
        raise ImportError("python-stdnum is not installed")
    text = (Path(stdnum.origin).parent / "cn" / "loc.dat").read_text(encoding="utf-8")
    counties: set[str] = set()
    province = ""
    for line in text.splitlines():
        code, _, value = line.strip().partition(" ")
        if not code or code.startswith("#"):
            continue
        if not line.startswith(" "):
            province = code
        elif value.startswith("county="):
            counties.add(province + code)
    return frozenset(counties)


# A run of 15 to 18 digits (the last may be X), one mark allowed between any two (a space, a dash, a stray
# control character shown as �); and no digit on either side.
_ID_IN_TEXT = re.compile(
    r"(?<![0-9])[0-9](?:[^0-9A-Za-z\u3400-\u9fff]?[0-9]){13,16}(?:[^0-9A-Za-z\u3400-\u9fff]?[0-9Xx])(?![0-9])"
)
# An ID number in its three parts, up to five marks between them (110101 — 19610302 — 0712, ="110101" & "19…"):
# the shape alone, 6, 8 and 4, is an ID number's, whether or not its birth date is a day that exists.
_ID_IN_PARTS = re.compile(
    r"(?<![0-9])[0-9]{6}[^0-9A-Za-z\u3400-\u9fff]{1,5}[0-9]{8}[^0-9A-Za-z\u3400-\u9fff]{1,5}[0-9]{3}[0-9Xx](?![0-9])"
)
# Groups of digits with up to five marks between each (110101 - 1961 - 0302 - 0712, a formula's "&" or ","):
# an ID number when they hold 15 to 18 digits with a birth date where an ID number has it.
_ID_IN_GROUPS = re.compile(
    r"(?<![0-9])[0-9]+(?:[^0-9A-Za-z\u3400-\u9fff]{1,5}[0-9]+)+(?:[^0-9A-Za-z\u3400-\u9fff]{0,5}[Xx])?(?![0-9])"
)
# More digits in a row than any ID number has: one glued to a telephone number, a digit too many, a few numbers
# run together (a cell of thousands of digits is no one's number).
_WHOLE_ID = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")
_LONG_DIGITS = re.compile(r"(?<![0-9])[0-9]{19,100}[Xx]?(?![0-9])")
# Two dates a cell lists (2003-05-19、2004-06-02) may hold a birth date where an ID number would: a run that
# begins with a whole date written with its marks is dates, never a number.
_STARTS_WITH_A_DAY = re.compile(r"(?:19|20)[0-9]{2}\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}(?![0-9])")


def mask_ids(text: str) -> str:
    """Every ID number within a text masked: a relatives cell, the value of a duplicate row, a name cell with
    the number typed after it, a formula joining its parts, a file's name. A run of digits with marks in it
    counts only when it holds a birth date where an ID number does (two dates in a cell, 2003-05-01
    2004-06-02, are dates), or when its parts are an ID number's, 6, 8 and 4; one without them, from 15
    digits (a number cut short by Excel or a typist) up, always counts. Digits of other scripts (full-width
    １２３, Arabic-Indic) count as digits: a masked text shows them as ASCII digits."""
    if not text.isascii() and _OTHER_DIGIT.search(text):
        ascii_digits = _OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group())), text)
        masked = mask_ids(ascii_digits)
        return text if masked == ascii_digits else masked
    if not _FIFTEEN_DIGITS.search(_NOT_DIGIT.sub("", text)):
        return text  # the common text: too few digits in all to hide a number
    text = _ID_IN_PARTS.sub(lambda found: mask_id(_id_characters(found.group())), text)
    text = _ID_IN_SCIENTIFIC.sub(lambda found: found[1] + "*" * len(found[2]) + found[3], text)
    text = _LONG_DIGITS.sub(lambda found: mask_id(found.group()), text)
    # A whole number first: read with the digit before a mark (…folder_4/110101…), it was no number and hid
    # the one after the mark from the looks below.
    text = _WHOLE_ID.sub(lambda found: mask_id(found.group()), text)
    text = _ID_IN_TEXT.sub(_masked, text)
    return _ID_IN_GROUPS.sub(_masked, text)


_NOT_DIGIT = re.compile(r"[^0-9]+")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# An ID number Excel stored as a number and showed with 15 digits (1.10101196103021E+17): the area's digits stay.
_ID_IN_SCIENTIFIC = re.compile(r"(?<![0-9])([0-9]\.[0-9]{5})([0-9]{3,})([Ee]\+?1[4-7])(?![0-9])")
_FIFTEEN_DIGITS = re.compile(r"[0-9]{15}")


def _id_characters(written: str) -> str:
    """The digits (and a last X) of a number written with marks between them."""
    return "".join(ch for ch in written if ch.isascii() and (ch.isdigit() or ch in "Xx"))


def mask_ids_and_births(text: str) -> str:
    """mask_ids, and beside a number masked the text's other digits shown as a birth date is (mask_birth): a row
    swallowed into one cell by a quote left open holds each person's birth date beside their number."""
    masked = mask_ids(text)
    if masked == text:
        return text
    parts = _MASKED_ID.split(masked)
    numbers = _MASKED_ID.findall(masked)
    return "".join(mask_birth(part) + number for part, number in zip(parts, [*numbers, ""], strict=True))


def mask_days(text: str) -> str:
    """Whole dates in a cell that should hold none (a name, a community, a post: 1964-02-08, 19640208) shown by
    their year: beside the row's masked ID number, the day would give back the digits it hides. A date said
    to be another (填表日期：2006-09-20) and eight digits after a dash (a telephone's 0591-20110520) stay."""
    return _WHOLE_DAY.sub(_day_by_its_year, text)


def mask_name(text: str) -> str:
    """A name (a person's, a street's, a community's) as shown without --show-pii: an ID number typed into it
    masked, and a whole date in it shown by its year."""
    return mask_days(mask_ids_and_births(text))


def _day_by_its_year(day: re.Match[str]) -> str:
    before = day.string[max(0, day.start() - 6) : day.start()]
    if ("日期" in before or "时间" in before) and "生" not in before:
        return day.group()
    return day["year"] + _BIRTH_DIGITS.sub("*", day["rest"])


_WHOLE_DAY = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?P<rest>\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}"
    r"|(?<![-－‐–—][0-9]{4})(?:0[1-9]|1[0-2])(?:[0-2][0-9]|3[01]))(?![0-9])"
)


# A number as mask_id shows it, left as it is when the rest of the text is masked.
_MASKED_ID = re.compile(r"[0-9]{6}\*+(?:…|[0-9Xx]{0,4})")


def _masked(found: re.Match[str]) -> str:
    written = found.group()
    digits = _id_characters(written)
    if digits != written:
        if not 15 <= len(digits) <= 18:
            return written
        if _STARTS_WITH_A_DAY.match(written):
            return written
        born = digits[6:14] if len(digits) >= 16 else "19" + digits[6:12]
        try:
            dt.date(int(born[:4]), int(born[4:6]), int(born[6:8]))
        except ValueError:
            return written
        if not 1850 <= int(born[:4]) <= 2100:
            return written
    return mask_id(written)


def mask_id_bytes(text: str) -> str:
    """Bytes shown as hex (a cell with a stray byte: 31 31 30 31 … FF) whose digits spell an ID number, masked as
    the number would be: the area's six digits and the last four stay. Marks between the digits (a dash, a
    space, a full-width bracket) do not hide the number: every digit between counts."""
    return _BYTE_DUMP.sub(_masked_bytes, text) if "3" in text or "A3" in text or "EF" in text else text


# A digit's bytes: ASCII, or a full-width digit in GBK (A3 B0–B9) or UTF-8 (EF BC 90–99), as typed in a Chinese
# input method.
_DIGIT_BYTES = r"(?:3[0-9]|A3 B[0-9]|EF BC 9[0-9])"
_DIGIT_BYTE = re.compile(rf"\b{_DIGIT_BYTES}\b")
_BYTE_DUMP = re.compile(r"\b[0-9A-F]{2}(?: [0-9A-F]{2}){14,}\b")


def _masked_bytes(found: re.Match[str]) -> str:
    dump = found.group()
    digits = list(_DIGIT_BYTE.finditer(dump))
    if len(digits) < 15:
        return dump
    hidden = digits[6 : len(digits) - 4]
    out, at = [], 0
    for digit in hidden:
        out += [dump[at : digit.start()], " ".join("**" for _ in digit.group().split(" "))]
        at = digit.end()
    return "".join(out) + dump[at:]


def mask_birth(text: str) -> str:
    """A birth date as shown beside masked ID numbers: its year only (1950-**-**, 1950年*月**日, 1950****). The
    eight digits an ID number hides are its holder's birth date: shown in full beside it, they give it back."""
    text = _BIRTH_DIGITS.sub(lambda digit: digit["year"] or "*", text)
    return (
        _CHINESE_MONTH_DAY.sub(lambda numerals: "*" * len(numerals.group()), text) if "月" in text else text
    )


# A year (19xx, 20xx) where a date starts, kept; every other digit, hidden.
_BIRTH_DIGITS = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})|\d")
# A month and day in Chinese numerals (一九七六年九月二十七日): hidden too, but never the 六 of 赵六.
_CHINESE_MONTH_DAY = re.compile(r"[〇零一二三四五六七八九十]+(?=[月日号])")


def mask_id(number: str) -> str:
    """`110101********001X`: the area and the last four characters stay, the birth date is hidden."""
    if len(number) > 18:
        return number[:6] + "*" * 8 + "…"  # not an ID number at all: enough to find the cell, no more
    if len(number) >= 10:
        # Of what follows the area, only what lies past the birth date: four of 18 characters, three of 15 (whose
        # birth date is six digits); of a number a character short or long, no more than lies past it either way.
        kept = 4 if len(number) == 18 else 3 if len(number) == 15 else min(3, max(0, len(number) - 14))
        return number[:6] + "*" * (len(number) - 6 - kept) + number[len(number) - kept :]
    return "*" * len(number)


# ---- dates ------------------------------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})\s*[-./年—]\s*(\d{1,2})\s*[-./月—]\s*(\d{1,2})\s*[日号]?\.?")
_DAY_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
# 1965.03, 1965年3月份, 1965—03 (a dash typed by a Chinese input method), 1965.03. (a stray stop).
_MONTH = re.compile(r"(\d{4})\s*[-./年—]\s*(\d{1,2})\s*(月份?)?\.?")
# A year of two digits, as rosters long wrote it (65.3, 66.02, 65.03.15, 65年3月): 1920 to 1999, the years a
# candidate's birth can be in. Only with . or 年, never - or /, which write a month and a day (3/15).
_SHORT_DAY = re.compile(r"([2-9]\d)\s*[.年]\s*(\d{1,2})\s*[.月]\s*(\d{1,2})\s*日?")
_SHORT_MONTH = re.compile(r"([2-9]\d)\s*[.年]\s*(\d{1,2})\s*(月份?)?")
_MONTH_COMPACT = re.compile(r"(\d{4})(\d{2})")
_YEAR = re.compile(r"(\d{4})\s*年?")
_TENTH_MONTH = re.compile(
    r"(\d{4})\.1"
)  # a year and month as a number whose month lost its 0 (see _parse_date)
# "1968.03（57岁）": a note in brackets after the date; "1968-03-15 00:00:00" from spreadsheet exports.
_TRAILER = re.compile(r"\s*(\(.*\)|00:00(:00)?(\.0+)?)\s*$")
_LUNAR = re.compile(r"农历|阴历|旧历|夏历")

DateRange = tuple[dt.date, dt.date]


class JanuaryOrOctober(tuple[dt.date, dt.date]):
    """A birth month written .1 (1968.1), 1968.10 as a number cell keeps it: the range from 1 January to 31
    October, as an age reads it, and to an ID number either month, never one between (1968-03-05 is no match)."""

    __slots__ = ()


# A date written so it cannot be read, among a cell's dates (2003-05-05、不详): some day, which one unknown. A
# rule asking whether a date falls in a window then cannot say no.
UNREADABLE_DATE: DateRange = (dt.date.min, dt.date.max)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


_EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)


def is_date_serial(value: object) -> TypeGuard[int | float]:
    """Whether a number cell is an Excel date serial (days since 1899-12-30; five digits from 1927 to 2173) in a
    cell not formatted as a date. 1968 (a year), 1968.2 (a month), 196803 and 19680315 have other lengths."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 10_000 <= value < 100_000


def from_1904(value: Any) -> Any:
    """A date serial of a workbook saved with the 1904 date system, as the day it means; any other value as it
    is. (A cell formatted as a date is read right already; a plain number is counted from 1899-12-30 otherwise,
    four years and a day early.)"""
    if isinstance(value, list):
        return [from_1904(item) for item in value]
    if is_date_serial(value):
        return _EXCEL_EPOCH_1904 + dt.timedelta(days=int(value))
    return value


class DateError(ValueError):
    """A cell that is not a date (`reason` None) or names one that cannot exist."""

    def __init__(self, reason: str | None = None) -> None:
        super().__init__(reason or "not a date")
        self.reason = reason


def parse_date(value: object) -> DateRange | None:
    """Earliest and latest day a cell can mean: equal for a full date, a month or year wide for partial ones.

    Blank gives None. Raises DateError for text that is not a date or names an impossible one.
    """
    if type(value) is str:
        return _parse_text_date(value)  # birth dates repeat across a province: each spelling is read once
    return _parse_date(value)


def parse_birth_date(value: object) -> DateRange | None:
    """A birth date: as parse_date, and a year of two digits besides (65.3, 66.02, 65.03.15), 1920 to 1999 — a
    living candidate's. Only a birth date: 18.3 among a 2021 roster's violation dates is 2018, not 1918."""
    if (
        type(value) is str
        and len(value) < 9
        and SERIAL_TEXT.fullmatch(bare := value.strip())
        and not _YEAR_AND_MONTH.fullmatch(bare)
    ):
        # An Excel date serial as Excel writes it into a CSV file from a number cell (17806, 17806.0); the ID
        # number checks it. Not 20181 (2018年1月), nor in other dates, where a typing error would pass for a day.
        return parse_date(float(bare))
    try:
        return parse_date(value)
    except DateError:
        # A number cell holds 65.3 as a float: read as it is written.
        text = clean(value) if type(value) is str else (f"{value}" if type(value) is float else None)
        if text is None or (found := _short_year(text)) is None:
            raise
        return found


def _short_year(text: str) -> DateRange | None:
    try:
        if m := _SHORT_DAY.fullmatch(text):
            day = dt.date(1900 + int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _SHORT_MONTH.fullmatch(text):
            if m[2] == "1" and "." in text and not m[3]:
                # 68.1: 68.10 typed into a number cell loses its 0, as 1968.1 does: January or October.
                return _january_or_october(1900 + int(m[1]))
            return _month_range(1900 + int(m[1]), int(m[2]))
    except ValueError as err:
        raise DateError(str(err)) from err
    return None


def _month_range(year: int, month: int) -> DateRange:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _january_or_october(year: int) -> JanuaryOrOctober:
    """A month written .1 by a number cell that dropped the 0 of .10: either, from January to October."""
    return JanuaryOrOctober((dt.date(year, 1, 1), dt.date(year, 10, 31)))


# A province's birth dates: forty years of days, each written two or three ways.
@lru_cache(maxsize=1 << 16)
def _parse_text_date(text: str) -> DateRange | None:
    return _parse_date(text)


# An Excel date serial written as text: five digits, as a CSV file saved from a number cell holds it.
SERIAL_TEXT = re.compile(r"[1-9]\d{4}(\.0+)?")
# A year and a one-digit month run together (20181, 19655): five digits, but no serial.
_YEAR_AND_MONTH = re.compile(r"(19|20)\d\d[1-9]")


def _parse_date(value: object) -> DateRange | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    if is_date_serial(value):
        # The others (1968, 196803, 19680315) are read as text below.
        day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return _plausible(day, day)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if (isinstance(value, float) or (isinstance(value, str) and value.rstrip().endswith(".1"))) and (
        m := _TENTH_MONTH.fullmatch(str(value).strip())
    ):
        # 1968.10 typed into a number cell (or a JSON/YAML number) is kept as 1968.1, and Excel writes it so into
        # a CSV file too: January or October. Read as either, as a month-only date is, so the ID number or the
        # election day decides, never a guess.
        try:
            either = _january_or_october(int(m[1]))
            _plausible(*either)
            return either
        except ValueError as err:
            raise DateError(str(err)) from err
    written = clean(value)
    if _LUNAR.search(written):
        # 1988年8月25日（农历）: a day of the lunar calendar, some six weeks from the same numbers in the
        # Gregorian; its note taken off, it was read as the Gregorian day, and a 17-year-old passed (helper-65).
        raise DateError()
    text = _TRAILER.sub("", written)
    if not text:
        return None
    if "年" in text and _CN_DIGIT.search(text):
        text = _in_digits(text)  # 二〇一九年三月五日, as an office writes a date in full (helper-64)
    try:
        if m := _TEN_DAYS.fullmatch(text):
            # 2019年3月上旬: the first ten days of the month, the middle ten, or the rest.
            first, last = _month_range(int(m[1]), int(m[2]))
            start = {"上": 1, "中": 11, "下": 21}[m[3]]
            return _plausible(
                first.replace(day=start), last if m[3] == "下" else first.replace(day=start + 9)
            )
        if m := _DAY.fullmatch(text) or _DAY_COMPACT.fullmatch(text):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return _plausible(day, day)
        if m := _MONTH.fullmatch(text) or _MONTH_COMPACT.fullmatch(text):
            return _plausible(*_month_range(int(m[1]), int(m[2])))
        if m := _YEAR.fullmatch(text):
            year = int(m[1])
            return _plausible(dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError as err:
        raise DateError(str(err)) from err
    raise DateError()


_CN_DIGIT = re.compile("[〇零一二三四五六七八九十]")
# A year in Chinese digits (二〇一九年), and a month or day in Chinese numerals (三月, 二十五日).
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=\s*年)")
_CN_MONTH_DAY = re.compile(r"[一二三四五六七八九十]{1,3}(?=\s*[月日号])")
_TEN_DAYS = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*([上中下])旬")


def _in_digits(text: str) -> str:
    """A date in Chinese numerals in Arabic digits: 二〇一九年三月五日 as 2019年3月5日; what is no numeral stays."""
    text = _CN_YEAR.sub(lambda m: "".join(str(_NUMERALS[ch]) for ch in m[0]), text)
    return _CN_MONTH_DAY.sub(lambda m: str(_chinese_number(m[0]) or m[0]), text)


def _plausible(first: dt.date, last: dt.date) -> DateRange:
    # A roster is about living adults and recent events: a year outside this range is a typing error.
    if not 1900 <= first.year <= 2100:
        raise DateError(f"year {first.year} out of range 1900–2100")
    return first, last


def parse_dates(value: object) -> tuple[DateRange, ...]:
    """A cell holding several dates (计生违法日期); blank gives none."""
    if isinstance(value, list | tuple):
        return tuple(r for item in value if (r := parse_date(item)) is not None)
    if isinstance(value, dt.date | int | float) and not isinstance(value, bool):
        found = parse_date(value)
        return (found,) if found else ()
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    if not text or text.isspace():
        return ()  # the common cell: nothing to report
    return _parse_text_dates(text)


def date_parts(text: str) -> list[str]:
    """The dates a cell of several holds, each as written (2003-05-01；2004-01-01 is two)."""
    text = _SPACE_IN_DATE.sub(r"\1", unicodedata.normalize("NFKC", text)).strip()
    return [part for part in DATE_LIST_SEPARATORS.split(text) if part]


@lru_cache(maxsize=4096)
def _parse_text_dates(text: str) -> tuple[DateRange, ...]:
    return tuple(r for part in date_parts(text) if (r := parse_date(part)) is not None)


# ---- 周岁 and periods -------------------------------------------------------------------------------------


def anniversary(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February falls on 1 March in a common year (民法典 §201–202)."""
    year = day.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return _calendar_end(years)
    try:
        return day.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def _calendar_end(years: int) -> dt.date:
    # A threshold past the calendar (--set window_years=3000, an age of 20,000): the calendar's end that way,
    # which no date of a roster reaches.
    return dt.date.max if years > 0 else dt.date.min


def written_day(text: str) -> dt.date | None:
    """One whole day however a roster writes it (2006/9/28, 2006.9.28, 2006年9月28日), for an option or a library
    argument; None for a month, an ambiguous 01/10/2006 or no date."""
    try:
        found = parse_date(text)
    except DateError:
        return None
    return found[0] if found is not None and found[0] == found[1] else None


def reaches_age(birth: dt.date, age: int, convention: str) -> dt.date:
    """The day one is N 周岁: on the birthday (civil law), or the day after it (criminal-law convention)."""
    day = anniversary(birth, age)
    return day + dt.timedelta(days=1) if convention == "day-after-birthday" and day < dt.date.max else day


@lru_cache(maxsize=1 << 16)  # every birth date of a province, on one or two election days
def completed_years(birth: dt.date, on: dt.date, convention: str = "birthday") -> int:
    """周岁 on a day: completed years of age."""
    years = on.year - birth.year
    if reaches_age(birth, years, convention) > on:
        years -= 1
    return years


def years_before(day: dt.date, years: int) -> dt.date:
    """The start of a window of `years` ending on `day`; with no corresponding day, the month's last day (§202)."""
    year = day.year - years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return _calendar_end(-years)
    try:
        return day.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


# What a relatives entry says of the fifth generation (五服): 已出五服 and 五服以外, past it, no relative the rules
# mean (亲属 to be kept apart are 直系血亲、三代以内旁系血亲 and near in-laws); 没有出五服, 未曾出五服, 五服以内 and
# 是否出五服不清楚, kin or not known to be past, the pair kept (helper-83).
KIN_PHRASE = re.compile(
    r"(?:还|并|是否|有没有|没有?|未曾?|不曾?|已经?|曾)*出了?五服(?:了|之内|以内|不清楚|不详|待查|不明)*|五服[以之]?[内外]"
)


def past_kin(text: str) -> bool:
    """Whether the words say the two are kin past the fifth generation, with no word of doubt or denial."""
    return any(
        found.group().endswith("外") or ("出" in found.group() and not re.search("[没未不否]", found.group()))
        for found in KIN_PHRASE.finditer(text)
    )


def months_before(day: dt.date, months: int) -> dt.date:
    """The start of a window of `months` ending on `day`: the same day of the month `months` before; with no such
    day (31 August, six months back), that month's last day (民法典 §202)."""
    count = day.year * 12 + day.month - 1 - months
    year, month = divmod(count, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return _calendar_end(-months)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# ---- numbers ----------------------------------------------------------------------------------------------

_NUMERALS = {
    ch: value
    for value, chars in enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for ch in chars
}
_CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+")
# 3年6个月, 3年零6个月: years and months, where years are the unit.
_YEARS_MONTHS = re.compile(r"(?P<years>.+?)\s*年\s*零?\s*(?P<months>.+?)\s*个?月")
_MONTHS = re.compile(r"(?P<months>[^年]+?)\s*个月")


def read_number(text: str, units: Sequence[str] = ()) -> int | float | None:
    """A number cell as a number: 5, 2.5, 五, 十二, or with one of its field's unit words after it (5年 where the
    unit is 年, and 3年6个月 as 3.5 years); None when it is none."""
    for unit in sorted(units, key=len, reverse=True):
        if unit == "年" and (both := _YEARS_MONTHS.fullmatch(text)):
            years, months = read_number(both["years"]), read_number(both["months"])
            if years is not None and months is not None and 0 <= months < 12:
                return years + months / 12
        if unit == "年" and (only := _MONTHS.fullmatch(text)):
            months = read_number(only["months"])  # 6个月, under a year
            if months is not None and 0 <= months < 12:
                return months / 12
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)].strip()
            break
    if _CHINESE_NUMBER.fullmatch(text):
        return _chinese_number(text)
    if "_" in text:
        return None  # Python reads 1_000 as 1000; no one writes a number so
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return None


def _chinese_number(text: str) -> int | None:
    """五 5, 十二 12, 二十 20, 一百零五 105, 三五 None (digits run together are no number said aloud)."""
    if len(text) == 1 and text in _NUMERALS:
        return _NUMERALS[text]
    total, digit = 0, None
    for ch in text:
        if ch in _NUMERALS:
            if digit is not None and ch not in "零〇":
                return None  # 三五: two digits with no place between them
            digit = None if ch in "零〇" else _NUMERALS[ch]
        else:  # 十 or 百
            place = 10 if ch == "十" else 100
            if total % (place * 10) >= place or (digit is None and total and ch == "百"):
                return None
            total += (1 if digit is None else digit) * place
            digit = None
    return total + (digit or 0)
