"""The command line's help in the reader's language: the texts of messages.HELP, and click's own words and lines."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from eligibility.messages import HELP, HELP_FRAME, LANGS, Lang

if TYPE_CHECKING:
    from typer._click import Command, HelpFormatter
else:
    # Click's, wherever this Typer keeps it (its own copy of click, or click itself).
    HelpFormatter = typer.Context.formatter_class


def language_asked(args: Sequence[str]) -> Lang:
    """--lang on the command line, else ELIGIBILITY_LANG, else Chinese: read by hand, before click parses the line
    (it shows --help, eagerly, before it reads --lang; and a line that does not parse has no --lang read). The last
    one given: a command's own (eligibility --lang en check --lang zh) comes after that of `eligibility`, and wins."""
    asked: Lang | None = None
    for i, arg in enumerate(args):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else args[i + 1]
            if arg == "--lang" and i + 1 < len(args)
            else None
        )
        if value in ("zh", "en"):
            asked = value  # type: ignore[assignment]
    if asked is not None:
        return asked
    return "en" if os.environ.get("ELIGIBILITY_LANG") == "en" else "zh"


class CommandLine(TyperGroup):
    """The `eligibility` command. Before it runs, its help and that of every command under it is put in the language
    asked for: the commands are built anew from the app each run, so the texts are set on the run's own."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        in_language(self, language_asked(sys.argv[1:] if args is None else list(args)))
        return super().main(args, *rest, **extra)


def in_language(command: Command, lang: Lang, path: str = "") -> None:
    """The help of `command` (its path under `eligibility`, "" for itself) and of all under it in `lang`."""
    pick = LANGS.index(lang)
    if (text := HELP.get(path or "eligibility")) is not None:
        command.help = text[pick]
        # Its line in the list of commands: the first paragraph, which click would cut at a set number of characters
        # with "...", counting a Chinese one as one column (it takes two).
        command.short_help = text[pick].split("\n\n", 1)[0]
    for param in command.params:
        if not isinstance(param, TyperOption | TyperArgument):
            continue  # Typer makes no other kind
        # An option by its first name (--output of --output/-o), an argument as its help shows it (PATH, which).
        name = param.opts[0] if isinstance(param, TyperOption) else param.metavar or param.name or ""
        if (text := HELP.get(f"{path or 'eligibility'} {name}", HELP.get(name))) is not None:
            param.help = text[pick]
    if lang == "zh":
        command.context_class = _ChineseHelp
    for name, sub in getattr(command, "commands", {}).items():
        in_language(sub, lang, f"{path} {name}".strip())


class _ChineseFormatter(HelpFormatter):
    """Click's help page in Chinese: its own words (Usage, Options, [default: …]) said so, and its lines broken by
    the columns a character takes, two for a Chinese one, where click counts characters and a line of Chinese ran to
    twice the terminal's width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{'':>{self.current_indent}}{HELP_FRAME['Usage:']}{prog} "
        if self.width - _columns(head) >= 20:
            indent = " " * _columns(head)
        else:  # as click does: the arguments on the lines below, where there is no room beside
            self.write(f"{head.rstrip()}\n")
            head = indent = " " * (max(self.current_indent, _columns(HELP_FRAME["Usage:"])) + 4)
        lines = _lines(args, self.width - len(indent)) or [""]
        self.write(head + f"\n{indent}".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HELP_FRAME.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [
            "\n".join(indent + line for line in _lines(p, self.width - len(indent)))
            for p in _paragraphs(text)
        ]
        self.write("\n\n".join(paragraphs) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max(_columns(first) for first, _ in rows), col_max) + col_spacing
        under = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _columns(first)))
            else:
                self.write(f"\n{under}")
            width = max(self.width - first_col - 2, 10)
            help_text, notes = _notes_apart(second)
            lines: list[str] = []
            for paragraph in _paragraphs(help_text):
                lines += ([""] if lines else []) + _lines(paragraph, width)
            if notes and lines and _columns(f"{lines[-1]}  {notes}") <= width:
                lines[-1] += f"  {notes}"
            elif notes:  # on a line of their own, not broken inside 默认 as a Chinese line may be
                lines += _lines(notes, width)
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{under}{line}\n" if line else "\n")


class _ChineseHelp(typer.Context):
    """A command's context whose help pages (and usage lines) _ChineseFormatter lays out."""

    formatter_class = _ChineseFormatter


# What click adds after an option's help, in brackets: "[env var: ELIGIBILITY_LANG; default: zh]".
_NOTES = re.compile(r"(?:^|  )\[([^\[\]]*)\]$")


def _notes_apart(text: str) -> tuple[str, str]:
    """An option's help as click writes it, and the notes after it, with click's own words in Chinese."""
    text = HELP_FRAME.get(text, text)  # the help option's
    if (found := _NOTES.search(text)) is None:
        return text, ""
    said = []
    for note in found[1].split("; "):
        english = next((e for e in HELP_FRAME if note.startswith(e)), None)
        said.append(note if english is None else HELP_FRAME[english] + note[len(english) :])
    return text[: found.start()], f"[{'；'.join(said)}]"


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _columns(text: str) -> int:
    return sum(2 if _wide(char) else 1 for char in text)


# A line does not begin with closing punctuation, nor end with opening punctuation.
_CLOSING = "，。、；：！？）》」』”’"
_OPENING = "（《「『“‘"


def _pieces(paragraph: str) -> Iterator[str]:
    """The paragraph cut where a line may break: after a space, and beside a Chinese character."""
    start = 0
    for i in range(1, len(paragraph)):
        before, after = paragraph[i - 1], paragraph[i]
        if after.isspace():
            continue
        if before.isspace() or (
            (_wide(before) or _wide(after)) and before not in _OPENING and after not in _CLOSING
        ):
            yield paragraph[start:i]
            start = i
    yield paragraph[start:]


def _lines(paragraph: str, width: int) -> list[str]:
    """The paragraph in lines of at most `width` columns, each as full as it can be."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(paragraph):
        if line and _columns(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
        while _columns(line.rstrip()) > width:  # one piece wider than a line (a long path): cut where it must
            cut = next(i for i in range(len(line), 0, -1) if _columns(line[:i]) <= width or i == 1)
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines
