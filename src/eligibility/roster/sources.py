"""Opening what the user names: files by content as well as by name, encodings detected, standard input."""

from __future__ import annotations

import codecs
import glob
import io
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from eligibility.errors import Location, RosterError, display_path
from eligibility.messages import Term
from eligibility.roster.columns import ROSTER_COLUMNS, bare_header, header_key

TEXT_SUFFIXES = (".csv", ".tsv", ".yaml", ".yml", ".json")
SUFFIXES = (*TEXT_SUFFIXES, ".xlsx")
# Excel's "Unicode 文本" and "文本文件(制表符分隔)" save a sheet as .txt: read as the table it is, named or in a
# folder. There a .txt is as often a note (说明.txt): one holding no roster's header is noted, not failed.
NAMED_SUFFIXES = (*SUFFIXES, ".txt")
STDIN = "-"
# Workbooks an officer may save a roster as that the tool does not read, and documents a roster is typed into as
# a table (Word, WPS): in a folder, each is said as a file not read, which fails the run, never passed over.
UNREAD_WORKBOOKS = (".xls", ".xlsm", ".xlsb", ".et", ".ods")
UNREAD_DOCUMENTS = (".doc", ".docx", ".wps")
# The formats of such files met in a folder (xls, docx): set aside with why, the other files read.
UNREAD = frozenset(suffix[1:] for suffix in (*UNREAD_WORKBOOKS, *UNREAD_DOCUMENTS))
# Scans, pictures and archives sent with the rosters (the signed roster as a PDF or OFD, a zip of a street's
# rosters): no table to read, but they may hold candidates, so each is noted rather than passed over in silence.
NOTED_ONLY = (
    ".pdf",
    ".ofd",
    ".jpg",
    ".jpeg",
    ".png",
    ".tif",
    ".tiff",
    ".bmp",
    ".heic",
    ".zip",
    ".rar",
    ".7z",
)
NOTED = frozenset(suffix[1:] for suffix in NOTED_ONLY)
# The format of a folder inside the one named that could not be opened: said as a file not read.
FOLDER = "folder"
# The format of any other file of a folder (名册 with no extension, 名册.csv.bak, 名册.csv~, .dat): a roster
# renamed, backed up or sent through a chat that dropped its extension may be one, so each is noted as not read,
# never passed over (its candidates went unchecked without a word).
UNKNOWN = "unknown"
# Files an operating system leaves in any folder, never a roster: not noted. (Hidden files, .DS_Store among
# them, and Excel's lock files, ~$名册.xlsx, are left out before.) A repository's own notes (README.md) neither.
CLUTTER = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
# Windows' own folders at a drive's root (a USB stick of rosters checked whole): the recycle bin keeps deleted
# rosters as $R….csv, whose candidates would be checked again as duplicates of the ones kept.
# (Their old names, RECYCLER and RECYCLED, are left out: a folder of rosters may be named so by hand.)
SYSTEM_FOLDERS = frozenset({"$recycle.bin", "system volume information"})
NOT_ROSTERS = (".md",)

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls
# Enough text to tell an encoding apart; the rest is decoded as it is read, and a later surprise is a problem
# on the row that holds it rather than a silent substitution or the end of the whole file.
_SAMPLE = 1 << 20
KEEP_UNDECODABLE = "eligibility-keep-undecodable"


class Undecodable:
    """Bytes the encoding cannot read are kept as lone surrogates (U+DC00 + byte), which no decoded text
    holds otherwise, so the row they are on can name them. `met` counts them in this process: a reader looks
    for them only once it has changed, and the common file never pays for the look."""

    met = 0

    @classmethod
    def keep(cls, err: UnicodeError) -> tuple[str, int]:
        assert isinstance(err, UnicodeDecodeError)
        cls.met += 1
        return "".join(chr(0xDC00 + b) for b in err.object[err.start : err.end]), err.end


codecs.register_error(KEEP_UNDECODABLE, Undecodable.keep)


@dataclass(frozen=True)
class Input:
    """One thing to read: a file, or standard input, with the format it will be read as."""

    path: Path | None  # None for standard input
    shown: str
    format: str  # csv, tsv, yaml, json, xlsx
    from_folder: bool = False
    data: bytes | None = None  # standard input, read once


# What a second save or download adds to a file's name: 名册(1).csv, 名册 (2).xlsx, 名册 - 副本.csv, 名册 - Copy.csv.
_COPY_MARK = re.compile(r"\s*(?:[(（]\d+[)）]|[-_]?\s*(?:副本|copy)(?:\s*[(（]\d+[)）])?)$", re.IGNORECASE)


def in_folder_order(path: Path) -> tuple[str, bool, str]:
    """A folder's file in name order, each copy right after the file it copies: 青山镇(1).csv sorted before
    青山镇.csv ("(" before "."), and the original was said to be its copy (file-copy-of, helper-108)."""
    stem = _COPY_MARK.sub("", path.stem)
    copy = bool(stem) and stem != path.stem
    # A copy sorts as the name it copies; every other file by its own, as ever (report-en.csv before report.csv).
    return (str(path.with_name(stem + path.suffix)) if copy else str(path), copy, str(path))


def _globbed(paths: Iterable[Path | str]) -> Iterator[tuple[Path | str, bool]]:
    """The paths, a pattern no file is named by (rosters/*.xlsx, quoted, or typed in Windows' cmd, which leaves
    it to the program) read as the files it matches, in name order, each marked as found by the pattern; one that
    matches nothing is left for the caller to say is missing."""
    for given in paths:
        text = str(given)
        if text != STDIN and any(c in text for c in "*?[") and not os.path.lexists(text):
            matches = sorted(glob.glob(text, recursive=True), key=lambda match: in_folder_order(Path(match)))
            if matches:
                yield from ((match, True) for match in matches)
                continue
        yield given, False


def expand(paths: Iterable[Path | str], stdin: IO[bytes] | None = None) -> list[Input]:
    """Inputs in the order given; a folder's table files in name order; `-` is standard input. The files a
    pattern matches are files found, as a folder's are: one that cannot be read is said and the others read, where
    a file named on its own that cannot be read stops the run (helper-130)."""
    found: list[Input] = []
    for given, matched in _globbed(paths):
        if str(given) == STDIN:
            raw = (stdin or sys.stdin.buffer).read()
            found.append(Input(None, "<stdin>", sniff_format(raw), data=raw))
            continue
        path = Path(given)
        shown = display_path(path)
        if matched and not path.is_dir():
            found.extend(_found([path], set()))
        elif path.is_dir():
            files, closed = _walk(path)
            if path in closed:
                # The folder named cannot be opened itself: the check cannot run, as for a file named.
                raise unreadable_folder(path)
            inside = _found(files, closed)
            # Scans, archives and files of other types alone are no roster: the folder holds nothing to check,
            # which is not a pass; the files of other types are named, one of them may be the roster renamed.
            if not closed and all(i.format in NOTED or i.format == UNKNOWN for i in inside):
                other = sorted(i.path for i in inside if i.format == UNKNOWN and i.path is not None)
                if other:
                    raise RosterError(
                        "folder-empty-unknown",
                        Location(shown),
                        suffixes=", ".join(SUFFIXES),
                        files=_named(other, path),
                    )
                raise RosterError("folder-empty", Location(shown), suffixes=", ".join(SUFFIXES))
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in NAMED_SUFFIXES:
                kind = kind_without_extension(path)
                if kind is None or kind in UNREAD:
                    raise unreadable(path, kind)
                found.append(Input(path, shown, kind))
                continue
            found.append(Input(path, shown, _format_of(path)))
        elif path.exists():
            raise RosterError("path-unreadable", Location(shown), reason="not a regular file")
        elif path.is_symlink():
            raise RosterError("path-unreadable", Location(shown), reason="a link to nothing")
        elif any(c in str(given) for c in "*?["):
            raise RosterError("path-no-match", Location(shown))
        else:
            raise RosterError("path-missing", Location(shown))
    return found


def _found(files: list[Path], closed: set[Path]) -> list[Input]:
    """The files found in a folder (or by a pattern), in name order, each to be read as its format, or set aside
    with why by the format it is marked with (see _folder_format)."""
    # Excel's lock file beside an open workbook (~$名册.xlsx) is no roster.
    files = [p for p in files if not p.name.startswith("~$")]
    # (A pipe or a device named .csv is not read: it could hold the run for ever. A link to nothing is, to
    # be said as a file not read.)
    inside = [p for p in files if p.suffix.lower() in NAMED_SUFFIXES and (p.is_file() or p.is_symlink())]
    # A workbook the tool cannot read (.xls, .xlsm) or a document (.docx) among the rosters: passed over,
    # its candidates would go unchecked and the run pass. Each is an input set aside with why (file-unread,
    # invalid), and the others are read.
    unread = {p for p in files if p.suffix.lower() in (*UNREAD_WORKBOOKS, *UNREAD_DOCUMENTS, *NOTED_ONLY)}
    other = {
        p
        for p in files
        if p.suffix.lower() not in NAMED_SUFFIXES
        and p not in unread
        and p.name.lower() not in CLUTTER
        and p.suffix.lower() not in NOT_ROSTERS
        and (p.is_file() or p.is_symlink())
    }
    # A file whose name lost its extension (a chat app's download, 翠竹社区) is what it holds: a roster,
    # read; a workbook or document the tool does not read, said as one is (see kind_without_extension).
    named = {p: kind for p in other if (kind := kind_without_extension(p)) is not None}
    other -= set(named)
    inside += [p for p, kind in named.items() if kind not in UNREAD]
    unread |= {p for p, kind in named.items() if kind in UNREAD}
    return [
        Input(p, display_path(p), named.get(p) or _folder_format(p, closed, unread, other), from_folder=True)
        for p in sorted({*inside, *unread, *closed, *other}, key=in_folder_order)
    ]


def _folder_format(path: Path, closed: set[Path], unread: set[Path], other: set[Path]) -> str:
    """The format a folder's file is read as, or the mark of one set aside unopened."""
    if path in closed:
        return FOLDER
    if path in unread:
        return path.suffix.lower()[1:]
    if path in other:
        return UNKNOWN
    return _format_of(path)


def unknown_type(path: Path) -> Term:
    """The type of a file the tool does not know, as its note says it: its extension, or that it has none."""
    suffix = path.suffix.lower()
    return Term(suffix, suffix) if suffix else Term("无扩展名", "no extension")


def _named(paths: list[Path], folder: Path, shown: int = 3) -> Term:
    """The first few of a folder's files, each with its type (名册（无扩展名）), for a message."""
    names = [(p.relative_to(folder).as_posix(), unknown_type(p)) for p in paths[:shown]]
    more = len(paths) > shown
    return Term(
        "、".join(f"{name}（{kind.zh}）" for name, kind in names) + ("等" if more else ""),
        ", ".join(f"{name} ({kind.en})" for name, kind in names) + (", …" if more else ""),
    )


def _walk(folder: Path) -> tuple[list[Path], set[Path]]:
    """Every file under a folder, through linked folders too (a district's folder linking each street's), and
    the folders that could not be opened. Hidden files and folders (.github/workflows, .git) are a repository's
    own, never rosters. A folder reached twice (a link back up the tree, two links to one street) is read once.
    (Path.rglob passed over a linked folder, and one it could not open, without a word: their candidates went
    unchecked and the run could pass, helper-56.)"""
    files: list[Path] = []
    closed: set[Path] = set()
    seen: set[tuple[int, int]] = set()

    def refused(err: OSError) -> None:
        if err.filename is not None:
            closed.add(Path(err.filename))

    for top, folders, names in os.walk(folder, onerror=refused, followlinks=True):
        try:
            status = os.stat(top)
        except OSError:
            closed.add(Path(top))
            folders.clear()
            continue
        if (status.st_dev, status.st_ino) in seen:
            folders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        # The folders themselves before links to them, so that a file is named where it is, not by a link that
        # sorts first (0link/a.csv for z/a.csv, helper-58).
        shown = sorted(
            name for name in folders if not name.startswith(".") and name.lower() not in SYSTEM_FOLDERS
        )
        folders[:] = sorted(
            shown, key=lambda name: os.path.islink(os.path.join(top, name))
        )  # stable: in name order
        files.extend(Path(top, name) for name in names if not name.startswith("."))
    return files, closed


def unreadable_folder(path: Path) -> RosterError:
    """Why a folder among the rosters could not be opened (Permission denied), to say it as a file not read."""
    try:
        os.listdir(path)
    except OSError as err:
        return RosterError("path-unreadable", Location(display_path(path)), reason=err.strerror or str(err))
    return RosterError("path-unreadable", Location(display_path(path)), reason="?")


# The opening of a report this tool wrote as JSON, JSON lines or SARIF: kept in the rosters' folder (a CI job's
# report.json, results.sarif.json), it is set aside when the folder is read, and the next run writes over it.
_OUR_REPORT = re.compile(
    rb'\s*\{\s*(?:("type"\s*:\s*"run"\s*,\s*)?"schema_version"\s*:\s*\d+\s*,\s*"tool"\s*:\s*"eligibility '
    rb'|"\$schema"\s*:\s*"https://json\.schemastore\.org/sarif-[^"]*"\s*,\s*"version"\s*:\s*"[^"]*"\s*,\s*'
    rb'"runs"\s*:\s*\[\s*\{\s*"tool"\s*:\s*\{\s*"driver"\s*:\s*\{\s*"name"\s*:\s*"eligibility")'
)


def our_report(head: bytes) -> bool:
    """Whether the first few hundred bytes of a file are those of a report this tool wrote (see _OUR_REPORT)."""
    return _OUR_REPORT.match(head) is not None


# A Word table, whole, or to the end of what was read (a table nested in a cell ends the match early, which
# still holds the outer table's header).
_TABLE = re.compile(r"<w:tbl\b.*?(?:</w:tbl>|$)", re.DOTALL)


def document_holds_roster(path: Path, kind: str | None = None) -> bool:
    """Whether a Word or WPS document looks like it holds a roster's table (姓名 beside 职务 or 社区), rather
    than being the letter sent with the rosters (关于…的请示): a .docx's text, or a .doc's or .wps's bytes as
    UTF-16 or GBK. A document that cannot be looked into is taken to hold one."""
    try:
        if (kind or path.suffix.lower()[1:]) == "docx":
            with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
                text = part.read(32 << 20).decode("utf-8", "replace")
            # The tables' text only: a letter's own words (请核对候选人姓名、拟任职务) are no roster's header, and
            # a letter with a table of signatures failed the run as a roster not read.
            texts = _TABLE.findall(text)
        else:
            raw = path.read_bytes()[: 32 << 20]
            texts = [raw.decode("utf-16-le", "replace"), raw.decode("gb18030", "replace")]
    except (OSError, KeyError, zipfile.BadZipFile, zlib.error):
        return True
    # Word splits a cell's text into runs (<w:t>姓</w:t><w:t>名</w:t>), and a form spaces a header out (姓　名):
    # the tags and every space are taken out first.
    words = ["".join(re.sub(r"<[^>]*>", "", text).split()) for text in texts]
    return any("姓名" in text and ("职务" in text or "社区" in text) for text in words)


def without_extension(path: Path) -> bool:
    """Whether a file's name has no extension to go by: none (翠竹社区), or what follows its last dot is a number
    or Chinese (青松社区名册2006.9, 东湖街道.青松社区), not a type."""
    kind = path.suffix[1:]
    # (A second download's name: 青松社区名册2006.9 (1).)
    return not kind or kind.isdigit() or not kind.isascii() or any(c in kind for c in " ()")


def kind_without_extension(path: Path) -> str | None:
    """What a file with no extension holds, by its content (a chat app's download loses the name's: 翠竹社区): a
    roster's format (a workbook, or text whose opening names a roster's columns), or that of a workbook or
    document the tool does not read (docx, doc, xls), to be said as such a file is; None for any other file
    (LICENSE: a backup's .bak stays a backup, as only a name without an extension is looked into)."""
    if not without_extension(path) or not path.is_file():
        return None
    try:
        with path.open("rb") as file:
            head = file.read(65536)
            if head.startswith(_OLE2):
                # Excel 97-2003 or Word 97-2003 (or WPS): told apart by the stream names in its directory.
                whole = head + file.read(8 << 20)
                return "doc" if "WordDocument".encode("utf-16-le") in whole else "xls"
        if head.startswith(_ZIP):
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
            return "xlsx" if "xl/workbook.xml" in names else "docx" if "word/document.xml" in names else None
    except (OSError, zipfile.BadZipFile):
        return None
    text = _text_head(head)
    if b"\0" in text[:4096]:
        return None  # a binary file
    decoded = next((text.decode(c, "ignore") for c in ("utf-8", "gb18030") if decodes(text, c)), "")
    # A line of the opening that is a roster's header: 姓名 a cell of its own (spaced out, 姓　名, or a key of
    # JSON written by Python's default, \\u59d3\\u540d) beside a community's or a post's column, or the columns'
    # own names. Words met in a note's sentences (a README's "filename", 村 in 说明) are not enough: read as a
    # roster, such a note failed the run (helper-104).
    unescaped = _ESCAPED.sub(lambda m: chr(int(m[1], 16)), decoded)
    if _NAME_KEY.search(unescaped) and (kind := sniff_format(head)) in ("json", "yaml"):
        return kind  # a record's key, on a line however long (JSON written on one line)
    for line in unescaped.splitlines()[:30]:
        cells = {bare_header(cell.strip("\"'-{}[] ")) for cell in _CELL_APART.split(line)}
        if any(len(cell) > 16 for cell in cells):
            continue  # a sentence, not a header's cells
        if cells & _HEADS["name"] and cells & (_HEADS["community"] | _HEADS["roles"] | _HEADS["id_number"]):
            return sniff_format(head)
    return None


# The contract's own headers of the columns that make a line a roster's header, each as columns.map_headers
# matches it (its aliases, and its name in English: name, community, roles).
_HEADS = {
    column.name: frozenset(header_key(h) for h in (column.name, column.zh, *column.aliases))
    for column in ROSTER_COLUMNS
    if column.name in ("name", "community", "roles", "id_number")
}


_ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")
# 姓名 as a key of a JSON or YAML record.
_NAME_KEY = re.compile(r"""["']?姓名["']?\s*:""")
# Where a header line's cells part: a delimiter, or a YAML or JSON key's colon.
_CELL_APART = re.compile(r"[,\t;，:：]")


def decodes(raw: bytes, codec: str) -> bool:
    """Whether the first bytes of a file read in `codec`, a character cut off by the limit read aside."""
    try:
        raw.decode(codec)
    except UnicodeDecodeError as err:
        return err.start > len(raw) - 4  # cut off mid-character by the limit read: as good as whole
    return True


def unreadable(path: Path, kind: str | None = None) -> RosterError:
    """A file of a type the tool does not read: an old .xls or a WPS sheet to save again as .xlsx, a Word or WPS
    document whose table to copy into one, or another type; `kind`, the type a file with no extension holds."""
    suffix = f".{kind}" if kind else path.suffix.lower()
    where = Location(display_path(path))
    if suffix == ".xls":
        return RosterError("file-xls", where)
    if suffix in UNREAD_WORKBOOKS:
        return RosterError("file-workbook-other", where, suffix=suffix)
    if suffix in UNREAD_DOCUMENTS:
        return RosterError("file-document", where, suffix=suffix)
    if without_extension(path):
        return RosterError("file-type-none", where, suffixes=", ".join(NAMED_SUFFIXES))
    return RosterError("file-type", where, suffix=path.suffix, suffixes=", ".join(NAMED_SUFFIXES))


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        with path.open("rb") as file:
            return _delimited(_text_head(file.read(65536)))
    return {".yml": "yaml"}.get(suffix, suffix.lstrip("."))


def _text_head(head: bytes) -> bytes:
    """The first bytes of a text file as UTF-8-compatible bytes, whatever its byte-order mark."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return head.decode("utf-32", errors="replace").encode()
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace").encode()
    return head.lstrip(b"\xef\xbb\xbf")


def _delimited(head: bytes) -> str:
    """A table's delimiter, from its first lines: tab-separated when more of them have tabs than have commas and
    no tabs. Not the first line alone: a title above the header (青松社区名单) has neither, and Excel's "Unicode
    text" with one was read as comma-separated, and warned of as wrongly separated (helper-69); a remark's comma
    (连任,表现好) is within a tab-separated row, not against it (helper-71)."""
    lines = [line.strip() for line in head.lstrip(b" \t\r\n").splitlines()]
    first = [line for line in lines if line and not line.startswith(b"#")][:10]
    tabs = sum(1 for line in first if b"\t" in line)
    return "tsv" if tabs > sum(1 for line in first if b"," in line and b"\t" not in line) else "csv"


# The key of a YAML/JSON roster written by community that holds the communities (see readers._MAPPING_KEYS).
COMMUNITIES_KEYS = ("communities", "社区列表")


def sniff_format(raw: bytes) -> str:
    """The format of standard input, which has no name: a workbook, JSON, YAML, or else a delimited table."""
    if raw.startswith(_ZIP):
        return "xlsx"
    head = _text_head(raw[:65536]).lstrip(b" \t\r\n")
    if head.startswith((b"[", b"{")):
        return "json"
    lines = [line.strip() for line in head.splitlines()]
    first_line = next((line for line in lines if line and not line.startswith(b"#")), b"")
    # A record's first key (- 姓名: …), a document start or directive, or a roster's own first key, without
    # the commas of a table's title row, says YAML outright: even a YAML file with a mistake in it is reported as
    # YAML, at its line. Anything else that could be YAML is parsed to see whether it is a roster.
    if _SURELY_YAML.match(first_line) and b"," not in first_line:
        return "yaml"
    if _MAYBE_YAML.match(first_line) and _reads_as_yaml_roster(raw):
        return "yaml"
    return _delimited(head)


_SURELY_YAML = re.compile(
    rb"(- *(\{|[^ ][^:]*:( |$))|---( |$)|%YAML |(communities|election_date|"
    + "社区列表|选举日期|选举日".encode()
    + rb"):( |$))"
)
# A first line a YAML roster may start with: a list item, a document or directive line, or a key (no commas).
_MAYBE_YAML = re.compile(rb"(-( |$)|---|%YAML|[^,\t]+:( |$))")


def _reads_as_yaml_roster(raw: bytes) -> bool:
    """Whether the text parses as YAML into a roster's shape: a list of records, or a mapping with communities.
    A table's title row can look like YAML (附件1: 候选人名单, - 附件1 -), the table under it does not."""
    import yaml  # standard input only

    utf32 = raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    for encoding in ("utf-32",) if utf32 else ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    try:
        # Nodes, not values: an alias is not expanded, so a YAML bomb costs nothing here.
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    if isinstance(root, yaml.SequenceNode):
        return any(
            isinstance(item, yaml.MappingNode) for item in root.value
        )  # a bare string is one record's problem
    if isinstance(root, yaml.MappingNode):
        return any(
            isinstance(key, yaml.ScalarNode) and key.value in COMMUNITIES_KEYS for key, _ in root.value
        )
    return False


def cannot_read(source: Input, err: OSError) -> RosterError:
    """Why a file could not be opened; a link whose file has gone is said as such, not as a missing file."""
    if source.path is not None and source.path.is_symlink() and not source.path.exists():
        return RosterError("path-unreadable", Location(source.shown), reason="a link to nothing")
    return RosterError("path-unreadable", Location(source.shown), reason=err.strerror or str(err))


def read_bytes(source: Input, limit: int | None = None) -> bytes:
    """The input's bytes (all, or the first `limit`); reading never changes the file."""
    if source.data is not None:
        return source.data if limit is None else source.data[:limit]
    assert source.path is not None
    try:
        with source.path.open("rb") as stream:
            return stream.read() if limit is None else stream.read(limit)
    except OSError as err:
        raise cannot_read(source, err) from err


def check_container(source: Input, head: bytes) -> None:
    """Refuse, with one clear line, a file whose content is not what its name says."""
    where = Location(source.shown)
    if not head.strip():
        raise RosterError("file-empty", where)
    if head.startswith(_OLE2):
        # A workbook with an opening password is an OLE file too, holding the encrypted .xlsx: not an old .xls.
        encrypted = "EncryptedPackage".encode("utf-16-le") in head
        raise RosterError("file-encrypted" if encrypted else "file-xls", where)
    if source.format == "xlsx":
        if not head.startswith(_ZIP):
            raise RosterError("file-not-xlsx", where)
    elif head.startswith(_ZIP):
        raise RosterError("file-is-xlsx", where, suffix=source.format)


def detect_encoding(head: bytes, given: str | None, source: Input, utf8_from: float = 10 / 11) -> str:
    """The encoding to read a text file with: the one given, or detected from its first megabyte.

    Excel on Chinese Windows saves "CSV" as GBK (read as GB18030, its superset), "CSV UTF-8" with a BOM and
    "Unicode text" as UTF-16 with a BOM. Anything else that is not valid UTF-8 is tried as GB18030, unless at
    least `utf8_from` of its characters beyond ASCII are UTF-8.
    """
    where = Location(source.shown)
    if given:
        try:
            codec = codecs.lookup(given)
        except LookupError:
            raise RosterError("encoding-unknown", where, encoding=given) from None
        if not getattr(codec, "_is_text_encoding", True):  # hex, base64, rot13: bytes to bytes, not text
            raise RosterError("encoding-unknown", where, encoding=given)
        try:
            # UTF-16 without its byte-order mark, or idna, which cannot keep bytes it cannot read: said here.
            codecs.getincrementaldecoder(given)(KEEP_UNDECODABLE).decode(head[:_SAMPLE], final=False)
        except UnicodeError as err:
            # idna and punycode name this reader's own error handler, which means nothing to an officer.
            reason = "not made for files" if KEEP_UNDECODABLE in str(err) else str(err)
            raise RosterError("encoding-unusable", where, encoding=given, reason=reason) from None
        return given
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # its little-endian mark begins as UTF-16's does: asked first
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:_SAMPLE]
    if b"\x00" in sample:
        # UTF-16 without a BOM puts a NUL beside every ASCII character; anything else with NULs throughout is
        # not text. A stray NUL or two in a cell is that row's problem (cell-control-character), not the file's.
        # (Not when the other bytes are NULs as well: a file of NULs alone is no text in any encoding.)
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even < len(sample) // 4:
            return "utf-16-le"
        if even > len(sample) // 4 and odd < len(sample) // 4:
            return "utf-16-be"
        if _many(sample.count(0), len(sample)):
            raise RosterError("file-binary", where)
    share = _utf8_share(sample)
    if (
        utf8_from <= share < 1
    ):  # one bad character in eleven at most: read as GB18030, the rest would be garbled
        return "utf-8"  # a few cells pasted from a GBK file are named on their rows; the rest is UTF-8
    for encoding in ("utf-8", "gb18030"):
        try:
            text = _decode_prefix(sample, encoding, complete=len(head) < _SAMPLE)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise RosterError("file-binary", where)
        return encoding
    # Neither reads it whole: text with whole columns pasted from the other encoding. GB18030 reads nearly any
    # bytes (as the wrong characters), so it is chosen only when most of the text is not UTF-8; either way the
    # cells the chosen one cannot read are named on their rows, and the file is not refused.
    chosen = "utf-8" if share >= 0.5 else "gb18030"
    if _looks_binary(sample.decode(chosen, errors="replace")):
        raise RosterError("file-binary", where)
    return chosen


def _utf8_share(sample: bytes) -> float:
    """Of the sample's characters beyond ASCII, the share that UTF-8 reads (1.0 when it reads them all)."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    other = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return other / (other + bad) if bad else 1.0


def _decode_prefix(sample: bytes, encoding: str, complete: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    return decoder.decode(sample, final=complete)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return _many(controls, len(text[:65536]))


def _many(controls: int, length: int) -> bool:
    """Control characters enough to say a file is not text: more than one in a hundred, and more than a row's
    worth of stray ones (a short roster with one pasted control character is still a roster)."""
    return controls > 8 and controls * 100 > length


def open_text(source: Input, encoding: str) -> IO[str]:
    """A text stream over the input; newline="" leaves line breaks inside quoted cells to the csv module."""
    if source.data is not None:
        return io.TextIOWrapper(
            io.BytesIO(source.data), encoding=encoding, errors=KEEP_UNDECODABLE, newline=""
        )
    assert source.path is not None
    try:
        return source.path.open("r", encoding=encoding, errors=KEEP_UNDECODABLE, newline="")
    except OSError as err:
        raise cannot_read(source, err) from err
