"""The terminal report: one table per team with each candidate's status and findings, then a summary line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from eligibility.formatters.common import (
    amended_text,
    input_line,
    not_checked_finding,
    places_of,
    row_said,
    rule_file_notes,
    severity_label,
    status_label,
    summary_line,
    team_heading,
    team_key,
    teams_by_place,
    title_line,
    verdict_line,
)
from eligibility.formatters.interface import Options
from eligibility.messages import say
from eligibility.report import CandidateResult, Finding, Report, TeamResult


def _fact_text(value: object, lang: str) -> str:
    """A fact as an officer reads it, not as Python prints it: 2001-09-30、2003-01-01, 是, 无 (not ['…'], True, [])."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, list):
        if not value:
            return "无" if lang == "zh" else "none"
        return ("、" if lang == "zh" else "; ").join(_fact_text(item, lang) for item in value)
    if value is None:
        return "不明" if lang == "zh" else "unknown"
    return str(value)


# "《通知》（讲话第二部分第2点引述）": the bracketed note is for the JSON report; the table keeps the name.
_NOTE = re.compile(r"（[^）]*）$")
STATUS_STYLE = {"eligible": "green", "review": "yellow", "ineligible": "bold red", "invalid": "bold magenta"}
SEVERITY_STYLE = {
    "invalid": "magenta",
    "ineligible": "red",
    "review": "yellow",
    "warning": "cyan",
    "info": "dim",
}


class Wrapped:
    """Text wrapped where a Chinese line may break: between two characters, never inside a number or a Latin
    word (超过5 / 7周岁), nor before a closing mark or after an opening one (，at a line's start). rich folds a
    Chinese sentence, which has no spaces, at whatever cell the width falls on."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 1)
        for line in self.text.split("\n", allow_blank=True):
            offsets = _breaks(line.plain, width)
            for part in line.divide(offsets) if offsets else [line]:
                part.rstrip()
                part.end = "\n"
                yield part


def _breaks(plain: str, width: int, may_break: Callable[[str, str], bool] | None = None) -> list[int]:
    """Where to end each line of `plain` so none is wider than `width` cells: at the last place a line may end
    (see Wrapped, or as `may_break` says), or mid-word where a word is wider than a line."""
    may_break = may_break or _may_break
    offsets: list[int] = []
    start, used, last = 0, 0, 0  # the line's first character, its cells so far, the last place it may end
    for i, character in enumerate(plain):
        if i > start and may_break(plain[i - 1], character):
            last = i
        cells = cell_len(character)
        if used + cells > width and i > start:
            end = last if last > start else i
            offsets.append(end)
            start, last = end, end
            used = cell_len(plain[start:i])
        used += cells
    return offsets


def _may_break(before: str, after: str) -> bool:
    if before.isspace():
        return not after.isspace()
    if after.isspace() or after in _CLOSING or before in _OPENING:
        return False
    if _WORD.match(before) and _WORD.match(after):
        return False  # 2006-09-30, 57, seat-quota: one word
    if (before.isdigit() and after in _COUNTED) or (before in "年月" and after.isdigit()):
        return False  # 1951年3月, 57周岁, 5年: a number and what it counts
    return bool(_WIDE.match(before) or _WIDE.match(after))


_COUNTED = frozenset("年月日号时分秒岁周人名个届次条项")
_CLOSING = frozenset("，。、；：？！）》」』”’〕】%…,.;:?!)]}")
_OPENING = frozenset("（《「『“‘〔【([{")
_WORD = re.compile(r"[0-9A-Za-z_\-./:'*]")
# A character a Chinese line may break beside: an ideograph, or a full-width mark.
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d]")


class TableFormatter:
    """`--format table` (default): grouped by street and community, readable in Chinese or English."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        # The place words as the report's rule set heads them, where a library caller gives none.
        options = dataclasses.replace(options, places=places_of(report, options))
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=options.color,
            no_color=not options.color,
            width=options.width,
            highlight=False,
            emoji=False,
        )
        lang = options.lang
        console.print(
            Text(
                title_line(report, lang),
                style="bold",
            )
        )
        # A team's rows under one heading, in row order, however their streets are written (东湖街道, 东湖街办).
        teams = teams_by_place(report)
        groups: dict[tuple[str, str], list[CandidateResult]] = {}
        for candidate in report.candidates:
            groups.setdefault(team_key(candidate, teams), []).append(candidate)
        # A workbook of several sheets has a row 5 on each: the row is named with its sheet (候选人!5) then.
        sheets = len({(read.path, read.sheet) for read in report.inputs if read.sheet}) > 1
        headers = [say(f"column-{key}", lang) for key in ("row", "name", "id", "roles", "status", "findings")]
        rows = {key: _candidate_rows(candidates, options, sheets) for key, candidates in groups.items()}
        widest = {key: _widths(headers, team_rows) for key, team_rows in rows.items()}
        # One layout for the whole report, not a table for one community and a list for the next.
        stacked = not all(_findings_fit(team_widest, options.width) for team_widest in widest.values())
        # And one set of columns: the ID numbers of every community or of none (helper-87).
        keep_id = not stacked or all(
            keeps_id(widest[key][:5], _longest_post(team_rows), options.width)
            for key, team_rows in rows.items()
        )
        for key, team_rows in rows.items():
            console.print()
            block = _team_block(
                key,
                headers,
                team_rows,
                widest[key],
                teams.get(key),
                options,
                report.election_date,
                stacked,
                keep_id,
            )
            if options.color:
                console.print(block)
            else:
                _print_plain(console, buffer, block)
        console.print()
        for read in report.inputs:
            console.print(Text(input_line(read, lang, options.places), style="dim"))
            for finding in read.findings:
                tag = severity_label(finding, lang)
                said_of_file = f"  [{tag}] {finding.rule} {finding.message}"
                console.print(Wrapped(Text(said_of_file, style=SEVERITY_STYLE[finding.severity])))
        for where, finding in rule_file_notes(report):
            console.print(Text(where, style="dim"))
            said_of_rules = f"  [{severity_label(finding, lang)}] {finding.rule} {finding.message}"
            console.print(Wrapped(Text(said_of_rules, style=SEVERITY_STYLE[finding.severity])))
        said: set[str] = set()
        for missing in report.not_checked:
            words = not_checked_finding(missing, lang, options.places).message
            if words not in said:  # a missing communities table is the same news for every roster
                said.add(words)
                console.print(
                    Text(words, style="yellow")
                )  # at spaces: 被剥夺政治权利（political_rights_deprived）
        console.print(Wrapped(Text(summary_line(report, lang), style="bold")))
        console.print(Wrapped(Text(verdict_line(report, options.fail_on, lang), style="bold")))
        if options.color:
            return buffer.getvalue()
        # A table pads every cell to its column: the spaces after a line's last word, kept in a file, an e-mail
        # or a diff, are noise (62 of the example's 90 lines ended in them).
        return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


def _print_plain(console: Console, buffer: io.StringIO, block: Group) -> None:
    """A team's block without colour, as rich prints it, but its plain rows (one line each, no finding: most of a
    province's) written here rather than laid out cell by cell by rich, which took some 0.4 ms a row: 50,000
    candidates' table took 40 s against 7 s to check them (helper-56). A test holds the two to the byte."""
    heading, table, *after = block.renderables
    if not isinstance(table, Table):  # Stacked: its rows are lines of its own already
        console.print(block)
        return
    console.print(heading)
    lines = _table_lines(console, table)
    if lines is None:
        console.print(table)
    else:
        buffer.write("\n".join(lines) + "\n")
    for part in after:
        console.print(part)


def _table_lines(console: Console, table: Table) -> list[str] | None:
    """The table's lines, its plain rows written here and the rest by rich at the same widths; None where rich
    is best left the whole table (fewer than two plain rows, or columns squeezed past their headers)."""
    columns = table.columns
    cells = [column._cells for column in columns]
    count = len(cells[0])
    plain = {i for i in range(count) if _plain_row([column[i] for column in cells])}
    if len(plain) < 2:
        return None
    # The columns' widths are those rich gives the whole table: each column's widest cell and longest word
    # among the plain rows stand for them all, beside every other row as it is.
    widest = [
        max((column[i] for i in plain), key=lambda cell: cell_len(_plain_text(cell))) for column in cells
    ]
    longest = [max((column[i] for i in plain), key=_longest_word) for column in cells]
    others = [[column[i] for column in cells] for i in range(count) if i not in plain]
    sizing = _like(table, [*others, widest, longest], header=True)
    options = console.options
    widths = sizing._calculate_column_widths(
        console, options.update_width(options.max_width - sizing._extra_width)
    )
    last = len(columns) - 1
    room = [width - (i > 0) - (i < last) for i, width in enumerate(widths)]
    if any(space < max(1, cell_len(str(column.header))) for space, column in zip(room, columns, strict=True)):
        # Squeezed past its headers (a file's long path in the row column of a narrow terminal): rich's own
        # layout drops and crops columns, which only rich itself reproduces.
        return None
    lines = _lines(console, _like(table, [], header=True, widths=room))
    for i in range(count):
        row = [column[i] for column in cells]
        texts = [_plain_text(cell) for cell in row] if i in plain else []
        if texts and all(cell_len(text) <= room[n] for n, text in enumerate(texts)):
            parts = []
            for n, text in enumerate(texts):
                gap = " " * (room[n] - cell_len(text))
                body = gap + text if columns[n].justify == "right" else text + gap
                parts.append(" " * (n > 0) + body + " " * (n < last))
            lines.append(" ".join(parts))
        else:
            lines.extend(_lines(console, _like(table, [row], header=False, widths=room)))
    return lines


def _plain_row(row: list[Any]) -> bool:
    """Whether rich would print a row's cells as their text alone: plain text, printable, no markup, no finding."""
    for cell in row:
        if isinstance(cell, Wrapped):
            if cell.text.plain != "—":
                return False
            continue
        text = cell if isinstance(cell, str) else cell.plain if isinstance(cell, Text) else None
        if text is None or not text.isprintable() or (isinstance(cell, str) and "[" in cell):
            return False
    return True


def _plain_text(cell: Any) -> str:
    if isinstance(cell, Wrapped):
        return cell.text.plain
    return cell if isinstance(cell, str) else str(cell.plain)


def _longest_word(cell: Any) -> int:
    words = _plain_text(cell).split()
    return max((cell_len(word) for word in words), default=0)


def _like(table: Table, rows: list[list[Any]], *, header: bool, widths: list[int] | None = None) -> Table:
    """A table of the same columns holding these rows, its columns fixed at `widths` when given."""
    like = Table(
        box=table.box, show_edge=table.show_edge, pad_edge=table.pad_edge, expand=False, show_header=header
    )
    for n, column in enumerate(table.columns):
        like.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            max_width=column.max_width,
            ratio=None if widths else column.ratio,
            width=widths[n] if widths else None,
        )
    for row in rows:
        like.add_row(*row)
    return like


def _lines(console: Console, renderable: Table) -> list[str]:
    with console.capture() as captured:
        console.print(renderable)
    return captured.get().splitlines()


Row = tuple[Text, Text, Text, Text, Text, Text]


def _candidate_rows(candidates: list[CandidateResult], options: Options, sheets: bool) -> list[Row]:
    """Each candidate's cells: the row's place, name, ID number, posts, status and findings."""
    lang = options.lang
    # One community's rows in two files (a street's and a supplement): each row named with its file, or 2, 3,
    # 2, 3, 4 could not be found (helper-56). By the file's own name, or its path where two share a name.
    files = dict.fromkeys(candidate.source.path for candidate in candidates)
    names = {path: path.rsplit("/", 1)[-1] for path in files}
    shown = names if len(set(names.values())) == len(names) else {path: path for path in files}
    rows: list[Row] = []
    for candidate in candidates:
        status = Text(
            status_label(candidate.status, lang, candidate.findings), style=STATUS_STYLE[candidate.status]
        )
        # Cells as Text, never markup: a name written "[b]王芳[/b]" in a roster is shown as written.
        row = str(candidate.source.shown_row)
        if sheets and candidate.source.sheet:
            row = f"{candidate.source.sheet}!{row}"
        rows.append(
            (
                # A file named [a]名单.csv was shown 名单.csv, its [a] read as markup.
                Text(f"{shown[candidate.source.path]}:{row}" if len(files) > 1 else row),
                Text(candidate.name),
                Text(candidate.id_number or ""),
                Text("、".join(candidate.roles) if lang == "zh" else ", ".join(candidate.roles)),
                status,
                _findings(candidate.findings, options, candidate.passed),
            )
        )
    return rows


def _widths(headers: list[str], rows: list[Row]) -> list[int]:
    """Each column's widest line, its header's included."""
    return [_widest(header, (str(cells[n]) for cells in rows)) for n, header in enumerate(headers)]


def _team_block(
    key: tuple[str, str],
    headers: list[str],
    rows: list[Row],
    widest: list[int],
    team: TeamResult | None,
    options: Options,
    election_date: dt.date,
    stacked: bool,
    keep_id: bool = True,
) -> Group:
    lang = options.lang
    street, community = key
    heading = Text(
        team_heading(street, community, team, election_date, lang, options.places), style="bold underline"
    )
    body: Table | Stacked
    if stacked:
        body = Stacked(headers[:5], rows, widest[:5], keep_id)
    else:
        place, name, roles = _folded_widths(widest, options.width)
        body = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        # A place or a name that fits is never folded, as none was before: only the one too wide for its width.
        body.add_column(
            headers[0], justify="right", no_wrap=widest[0] <= place, max_width=place, overflow="fold"
        )
        body.add_column(headers[1], no_wrap=widest[1] <= name, max_width=name, overflow="fold")
        body.add_column(headers[2], no_wrap=True)
        # Folded, not cut with …: the posts decide the verdict, and 、 gives rich no place to wrap.
        body.add_column(headers[3], max_width=roles, overflow="fold")
        body.add_column(headers[4], no_wrap=True)
        body.add_column(headers[5], ratio=1, overflow="fold")
        for row_cells in rows:
            body.add_row(*row_cells[:5], Wrapped(row_cells[5]))
    parts: list[Text | Table | Stacked | Wrapped | Padding] = [heading, body]
    if team and team.findings:
        # The label on a line of its own and each finding under it, indented: the first beside the label and the
        # rest at the margin read as headings of their own (helper-64).
        parts.append(Text(say("heading-team-findings", lang) + ("：" if lang == "zh" else ":"), style="bold"))
        parts.append(Padding(Wrapped(_findings(team.findings, options)), (0, 0, 0, 2)))
    return Group(*parts)


# The findings are what a reader reads the table for. A long name (=HYPERLINK(…) typed as one), a sheet's long
# name before the row, or a candidate's many posts beside a longish name, squeezed them until a rule's id broke
# mid-word. The row's place and the name are folded past a width of their own; and the posts, then a name past
# four Chinese characters, are folded narrower to leave the findings 40 cells, as far as the terminal is wider
# than 80. Where the findings still have less (a terminal under 120 columns, or split), each candidate's
# findings go under its row at the terminal's width instead (Stacked): in a column of 13 to 26 cells a
# Chinese sentence ran to a dozen lines and principal-education broke mid-word.
FINDINGS_WIDTH = 40
NARROW = 80
PLACE_WIDTH = 16  # 第二批名单!123, 东湖街道.csv:123
NAME_WIDTH = 20  # ten Chinese characters
NAME_KEPT = 8  # 欧阳建国 on one line
POSTS_KEPT = 8  # 居委会主任
GAP = 3  # between two columns: a cell of padding either side and the separator
POSTS_FOLDED = 20  # an English post may be folded at its spaces, in this many cells at least
INDENT = 8  # the most a candidate's findings are indented under its row: to its name, after a row number


def _widest(header: str, cells: Iterable[str]) -> int:
    """The cells a column's widest line takes, its header's included."""
    return max(cell_len(line) for text in (header, *cells) for line in text.split("\n"))


def _folded_widths(widest: list[int], width: int) -> tuple[int, int, int]:
    """The widths of the row's place, the name and the posts, given each column's widest line and the terminal's
    width: see FINDINGS_WIDTH. The widest of the name and the posts is narrowed first."""
    place, name, id_number, posts, status, findings = widest
    place, name = min(place, PLACE_WIDTH), min(name, NAME_WIDTH)
    kept = {"name": min(name, NAME_KEPT), "posts": min(posts, POSTS_KEPT)}
    folded = {"name": name, "posts": posts}
    room = (
        width
        - GAP * (len(widest) - 1)
        - place
        - id_number
        - status
        - min(FINDINGS_WIDTH, width - NARROW, findings)
    )
    while sum(folded.values()) > room:
        narrowable = [column for column, cells in folded.items() if cells > kept[column]]
        if not narrowable:
            break
        folded[max(narrowable, key=folded.__getitem__)] -= 1
    return place, folded["name"], folded["posts"]


def _findings_fit(widest: list[int], width: int) -> bool:
    """Whether the table at this width leaves the findings FINDINGS_WIDTH cells (or all they need)."""
    place, name, posts = _folded_widths(widest, width)
    room = width - GAP * (len(widest) - 1) - place - name - widest[2] - posts - widest[4]
    return room >= min(FINDINGS_WIDTH, widest[5])


class Stacked:
    """A team's candidates where the terminal is too narrow for a findings column: each candidate's row (its
    place, name, ID number, posts and status) in columns, and its findings under it, indented, at the
    terminal's width. The posts are folded between two posts (党组织书记、/ 居委会主任), then a long name, before
    the ID number is left out, and the ID number is left out before a post is broken: the row's place, name and
    status, and every finding, are always there."""

    def __init__(self, headers: list[str], rows: list[Row], widest: list[int], keep_id: bool = True) -> None:
        self.headers, self.rows, self.widest, self.keep_id = headers, rows, widest, keep_id

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = _stacked_widths(self.widest, _longest_post(self.rows), options.max_width, self.keep_id)
        shown = [n for n, width in enumerate(widths) if width]
        header = [Text(self.headers[n], style="table.header") for n in shown]
        yield from _row_lines(console, header, [widths[n] for n in shown])
        yield Segment("─" * options.max_width)
        yield Segment.line()
        posts = shown.index(3) if 3 in shown else None
        indent = min(widths[0] + GAP, INDENT)
        for cells in self.rows:
            yield from _row_lines(console, [cells[n] for n in shown], [widths[n] for n in shown], posts)
            if cells[5].plain != "—":
                yield Padding(Wrapped(cells[5]), (0, 0, 0, indent))


def _posts_break(before: str, after: str) -> bool:
    """Posts are folded after the 、 or the comma between two, or at a space: never inside 党组织副书记."""
    return (before in "、," or before.isspace()) and not after.isspace()


def _longest_post(rows: list[Row]) -> int:
    """The cells of the widest post (党组织副书记、, militia battalion commander) of any posts cell."""
    return max(
        (cell_len(post) for cells in rows for post in re.split(r"(?<=、)|(?<=,) ", cells[3].plain)), default=0
    )


def _stacked_widths(widest: list[int], longest_post: int, width: int, keep_id: bool = True) -> list[int]:
    """The widths of the place, name, ID number, posts and status columns of a stacked team; 0 for a column
    left out. The posts are folded as far as their longest post (or POSTS_FOLDED), then the name to NAME_KEPT,
    then the ID number left out (or where not `keep_id`: another team's could not be kept), and the posts
    folded as far as they must."""
    place, name, id_number, posts, status = widest
    place, name = min(place, PLACE_WIDTH), min(name, NAME_WIDTH)
    kept = min(longest_post, POSTS_FOLDED)

    def room(*columns: int) -> int:  # for the posts, beside these columns
        return width - sum(columns) - GAP * len(columns)

    # A long name is folded before the ID number goes: at 80 columns one name of a dozen characters left the
    # ID out of its community while the posts kept 31 cells (helper-87).
    for shown in (name, min(name, NAME_KEPT)) if keep_id else ():
        if room(place, shown, id_number, status) >= min(posts, kept):
            return [place, shown, id_number, min(posts, room(place, shown, id_number, status)), status]
    if room(place, name, status) < min(posts, kept):
        name = min(name, NAME_KEPT)
    return [place, name, 0, max(min(posts, room(place, name, status)), 2), status]


def keeps_id(widest: list[int], longest_post: int, width: int) -> bool:
    """Whether a stacked team at this width shows its ID numbers."""
    return _stacked_widths(widest, longest_post, width)[2] > 0


def _row_lines(
    console: Console, cells: list[Text], widths: list[int], posts: int | None = None
) -> Iterable[Segment]:
    """One row of cells, each folded within its width (the posts, the cell at `posts`, between two posts),
    padded and set GAP cells apart as the table's columns are, the place right-aligned."""
    folded: list[list[Text]] = []
    for n, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        parts: list[Text] = []
        for line in cell.split("\n"):
            offsets = _breaks(line.plain, width, _posts_break if n == posts else None)
            parts.extend(line.divide(offsets) if offsets else [line])
        for part in parts:
            part.rstrip()
        folded.append(parts)
    for index in range(max(len(parts) for parts in folded)):
        line = Text()
        for n, (parts, width) in enumerate(zip(folded, widths, strict=True)):
            part = parts[index] if index < len(parts) else Text()
            gap = " " * (width - part.cell_len)
            line.append(" " * GAP if n else "")
            line.append_text(Text(gap).append_text(part) if n == 0 else part.append(gap))
        line.rstrip()
        yield from line.render(console)
        yield Segment.line()


def _findings(findings: list[Finding], options: Options, passed: list[str] | None = None) -> Text:
    lang = options.lang
    if not findings and not passed:
        return Text("—", style="dim")
    text = Text()
    if passed:
        text.append(say("passed", lang, rules=", ".join(passed)), style="green dim")
        if findings:
            text.append("\n")
    for index, finding in enumerate(findings):
        if index:
            text.append("\n")
        approved = finding.approval is not None and finding.approval.counted
        tag = severity_label(finding, lang)
        style = "green" if approved else SEVERITY_STYLE[finding.severity]
        text.append(f"[{tag}] ", style=style)
        text.append(finding.rule, style="bold")
        text.append(" " + finding.message)
        # Where to put the cursor: the row's line is in the first column, the cell names the column too.
        if cell := finding.evidence.get("cell"):
            text.append(say("at-cell", lang, cell=cell), style="dim")
        elif line := row_said(finding):
            text.append(say("at-line", lang, line=line), style="dim")
        if finding.approval is not None:
            approval = finding.approval
            note = f"{approval.reference}" + (f"（{approval.approved_by}）" if approval.approved_by else "")
            if not approval.counted:
                note = say("approval-not-counted", lang, reason=approval.reason) + f" [{approval.reference}]"
            text.append(f"\n  {note}", style="green" if approval.counted else "yellow")
        if options.explain and finding.evidence:
            facts = ("，" if lang == "zh" else ", ").join(
                f"{options.labels.get(k, k)}={_fact_text(v, lang)}"
                for k, v in finding.evidence.items()
                # Which facts were not known is said by the message itself, and by each fact shown 不明; the
                # cell, after the message, and its column with it.
                if k not in ("unknown", "unknown_members", "cell", "column", "amended_by")
            )
            text.append("\n  " + say("evidence", lang, facts=facts), style="cyan")
        if finding.source is not None:
            document = _NOTE.sub("", finding.source.document)
            cited = say("source-clause", lang, document=document, clause=finding.source.clause)
            if amended := amended_text(finding, lang):
                cited += ("（" + amended + "）") if lang == "zh" else f" ({amended})"
            text.append("\n  " + cited, style="dim")
    return text
