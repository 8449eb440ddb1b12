"""Markdown for a pull-request comment: the summary, what needs attention, and every candidate folded away."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from eligibility.formatters.common import (
    amended_text,
    column_labels,
    missing_columns,
    places_of,
    rule_file_notes,
    severity_label,
    status_label,
    summary_line,
    team_name,
    title_line,
    verdict_line,
)
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import CandidateResult, Finding, Report

STATUS_MARK = {"eligible": "✅", "review": "🟡", "ineligible": "⛔", "invalid": "❗"}
# A pull-request comment holds at most 65,536 characters, a job summary 1 MiB: a district's roster of 1,500 rows
# made 1.15 MB, and was dropped. The lists are cut to fit, saying how many are left out and where to see them.
MAX_CHARS = 60_000


# GitHub notifies whoever a @name names, and links a bare address, in the text left once the markup is read, so no
# backslash reaches them: a zero-width space after the @, inside :// and before www's dot leaves them text that
# looks the same.
_MENTION = re.compile(r"(?<=@)(?=\w)")
_BARE_LINK = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\.)")
ZERO_WIDTH_SPACE = "\u200b"


def escape(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, line breaks as <br>, no accidental markup, and no HTML of its
    own (a name written <img …> or </details> would end the folded list of a pull-request comment); no mention
    and no link."""
    escaped = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\n", "<br>")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")  # `王`五 would show 王 as code
        .replace("~", "\\~")  # ~~王五~~ struck through, as an office marks one withdrawn
        .replace("[", "\\[")  # a name written [点我](http://…) would be a live link in the comment
        .replace("]", "\\]")
    )
    return _BARE_LINK.sub(ZERO_WIDTH_SPACE, _MENTION.sub(ZERO_WIDTH_SPACE, escaped))


class MarkdownFormatter:
    """`--format markdown`: short enough for a comment, complete enough to act on."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang = options.lang
        s = report.summary
        title = title_line(report, lang)
        out = [f"### {escape(title)}", "", f"**{escape(verdict_line(report, options.fail_on, lang))}**", ""]
        out += [summary_line(report, lang), ""]
        out += [
            "| "
            + " | ".join(status_label(k, lang) for k in ("eligible", "review", "ineligible", "invalid"))
            + " |",
            "|---:|---:|---:|---:|",
            f"| {s.eligible} | {s.review} | {s.ineligible} | {s.invalid} |",
            "",
        ]
        attention = [c for c in report.candidates if c.status != "eligible" or c.findings]
        out += [f"#### {say('label-needs-attention', lang)}", ""]
        # The rules not checked and the files' findings are said whole, whatever the length: a CI reader must
        # see them. The teams' findings are kept to a part of the room; the candidates' list takes the rest.
        teams, files = _teams(report, lang), _files(report, lang)
        places = places_of(report, options)
        if attention:
            room = MAX_CHARS - _length(out) - _length(files) - min(_length(teams), MAX_CHARS // 4)
            out += _candidate_table(attention, lang, room, places)
        else:
            out += [say("label-none-attention", lang), ""]
        out += _cut(teams, MAX_CHARS - _length(out) - _length(files), lang)
        out += files
        room = MAX_CHARS - _length(out) - 200
        every = _candidate_table(report.candidates, lang, room, places, cut_at_all=True)
        if every:
            out += [
                "<details>",
                f"<summary>{say('label-all-candidates', lang)} ({s.candidates})</summary>",
                "",
            ]
            out += [*every, "</details>", ""]
        else:
            out += [say("markdown-all-left-out", lang, count=s.candidates), ""]
        return "\n".join(out)


def _teams(report: Report, lang: Lang) -> list[str]:
    out: list[str] = []
    teams = [t for t in report.teams if t.findings]
    if teams:
        out += [f"#### {say('label-teams', lang)}", ""]
        for team in teams:
            out.append(f"- **{escape(team_name(team.street, team.community, lang))}**")
            out += [f"  - {_finding(f, lang)}" for f in team.findings]
        out.append("")
    return out


def _files(report: Report, lang: Lang) -> list[str]:
    out: list[str] = []
    # Each with the file (or sheet) it is about: a folder's notes said "(.bak) not read" four times, naming none.
    notes = [
        (f"{read.path}#{read.sheet}" if read.sheet else read.path, f)
        for read in report.inputs
        for f in read.findings
    ]
    notes += rule_file_notes(report)
    if report.not_checked or notes:
        out += [f"#### {say('label-not-checked', lang)} / {say('label-inputs', lang)}", ""]
        for missing in report.not_checked:
            out.append(
                f"- `{missing.rule}` — {escape(missing.where)}: {escape(missing_columns(missing, lang))}"
            )
        out += [f"- {_finding(f, lang, where=name)}" for name, f in notes]
        out.append("")
    return out


def _length(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _cut(lines: list[str], room: int, lang: Lang) -> list[str]:
    """As many of the lines as fit, then how many were left out."""
    if _length(lines) <= room:
        return lines
    kept: list[str] = []
    used = 200  # the line saying what was left out
    for line in lines:
        if used + len(line) + 1 > room:
            break
        kept.append(line)
        used += len(line) + 1
    left = sum(1 for line in lines[len(kept) :] if line.startswith("  - "))  # the findings, not the teams
    return [*kept, "", say("markdown-left-out", lang, count=left), ""]


def _candidate_table(
    candidates: list[CandidateResult],
    lang: Lang,
    room: int,
    places: Mapping[str, str],
    *,
    cut_at_all: bool = False,
) -> list[str]:
    """The candidates' table, as many rows as fit in `room` characters, then how many were left out; with
    `cut_at_all`, nothing unless every row fits. Its community column is headed as the rule set heads it (村)."""
    labels = column_labels(("line", "name", "id", "community", "roles", "status", "message"), lang, places)
    rows = ["| " + " | ".join(labels) + " |", "|---:|---|---|---|---|---|---|"]
    used = _length(rows) + 200
    joiner = "、" if lang == "zh" else ", "
    # A workbook of several sheets has a row 5 on each: named with its sheet (候选人!5), as the table does.
    sheets = len({(c.source.path, c.source.sheet) for c in candidates if c.source.sheet}) > 1
    for shown, c in enumerate(candidates):
        findings = "<br>".join(_finding(f, lang) for f in c.findings) or "—"
        place = f"{c.source.shown_row}"
        if sheets and c.source.sheet:
            place = escape(f"{c.source.sheet}!{place}")
        row = (
            f"| {place} | {escape(c.name)} | {_code(c.id_number or '')} | "
            f"{escape(team_name(c.street, c.community, lang))} | {escape(joiner.join(c.roles))} | "
            f"{STATUS_MARK[c.status]} {status_label(c.status, lang, c.findings)} | {findings} |"
        )
        used += len(row) + 1
        if used > room:
            if cut_at_all:
                return []
            return [*rows, "", say("markdown-left-out", lang, count=len(candidates) - shown), ""]
        rows.append(row)
    return [*rows, ""]


def _code(text: str) -> str:
    """Text as code, as an ID number is shown; a pipe escaped even there, or it ends the table's cell."""
    if text and "`" not in text and "\n" not in text:
        return "`" + text.replace("|", "\\|") + "`"
    return escape(text)


def _finding(finding: Finding, lang: Lang, where: str | None = None) -> str:
    amended = amended_text(finding, lang)
    clause = (
        f" ({escape(finding.source.clause)}{'; ' + escape(amended) if amended else ''})"
        if finding.source
        else ""
    )
    place = f" — {escape(where)}:" if where is not None else ""
    return f"**{severity_label(finding, lang)}** `{finding.rule}`{place} {escape(finding.message)}{clause}"


def error_block(reason: str, lang: Lang) -> str:
    """A check that could not run (exit 2) as the job summary's one line: said there, not left blank."""
    return f"**{escape(say('verdict-error', lang, reason=reason))}**\n"
