"""Markdown for a pull-request comment: the summary, what needs attention, and every candidate folded away."""

from __future__ import annotations

from typing import ClassVar

from eligibility.formatters.common import (
    missing_columns,
    severity_label,
    status_label,
    summary_line,
    team_name,
)
from eligibility.formatters.interface import Options
from eligibility.messages import Lang, say
from eligibility.report import CandidateResult, Finding, Report

STATUS_MARK = {"eligible": "✅", "review": "🟡", "ineligible": "⛔", "invalid": "❗"}


def escape(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, line breaks as <br>, no accidental markup, and no HTML of its
    own (a name written <img …> or </details> would end the folded list of a pull-request comment)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\n", "<br>")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")  # a name written [点我](http://…) would be a live link in the comment
        .replace("]", "\\]")
    )


class MarkdownFormatter:
    """`--format markdown`: short enough for a comment, complete enough to act on."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang = options.lang
        s = report.summary
        title = say(
            "title",
            lang,
            ruleset=f"{report.ruleset.name} v{report.ruleset.version}",
            election_date=report.election_date,
        )
        out = [f"### {title}", "", summary_line(report, lang), ""]
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
        if attention:
            out += _candidate_table(attention, lang)
        else:
            out += [say("label-none-attention", lang), ""]
        teams = [t for t in report.teams if t.findings]
        if teams:
            out += [f"#### {say('label-teams', lang)}", ""]
            for team in teams:
                out.append(f"- **{escape(team_name(team.street, team.community, lang))}**")
                out += [f"  - {_finding(f, lang)}" for f in team.findings]
            out.append("")
        notes = [f for read in report.inputs for f in read.findings]
        if report.not_checked or notes:
            out += [f"#### {say('label-not-checked', lang)} / {say('label-inputs', lang)}", ""]
            for missing in report.not_checked:
                out.append(
                    f"- `{missing.rule}` — {escape(missing.where)}: {escape(missing_columns(missing, lang))}"
                )
            out += [f"- {_finding(f, lang)}" for f in notes]
            out.append("")
        out += ["<details>", f"<summary>{say('label-all-candidates', lang)} ({s.candidates})</summary>", ""]
        out += _candidate_table(report.candidates, lang)
        out += ["</details>", ""]
        return "\n".join(out)


def _candidate_table(candidates: list[CandidateResult], lang: Lang) -> list[str]:
    labels = [
        say(f"label-{k}", lang) for k in ("line", "name", "id", "community", "roles", "status", "message")
    ]
    rows = ["| " + " | ".join(labels) + " |", "|---:|---|---|---|---|---|---|"]
    joiner = "、" if lang == "zh" else ", "
    for c in candidates:
        findings = "<br>".join(_finding(f, lang) for f in c.findings) or "—"
        rows.append(
            f"| {c.source.line or c.source.row} | {escape(c.name)} | {_code(c.id_number or '')} | "
            f"{escape(team_name(c.street, c.community, lang))} | {escape(joiner.join(c.roles))} | "
            f"{STATUS_MARK[c.status]} {status_label(c.status, lang)} | {findings} |"
        )
    return [*rows, ""]


def _code(text: str) -> str:
    return f"`{text}`" if text and "`" not in text else escape(text)


def _finding(finding: Finding, lang: Lang) -> str:
    clause = f" ({escape(finding.source.clause)})" if finding.source else ""
    return f"**{severity_label(finding, lang)}** `{finding.rule}` {escape(finding.message)}{clause}"
