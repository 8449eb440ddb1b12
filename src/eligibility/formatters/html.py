"""One self-contained HTML page: summary, a section per team with its charts, every candidate; prints on A4."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import ClassVar

from eligibility.formatters.common import (
    amended_text,
    input_line,
    missing_columns,
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
from eligibility.messages import Lang, say
from eligibility.report import CandidateResult, Finding, Profile, Report, TeamResult

COLOURS = {"eligible": "#2e7d32", "review": "#f9a825", "ineligible": "#c62828", "invalid": "#6a1b9a"}
SEVERITY_COLOURS = {
    "invalid": "#6a1b9a",
    "ineligible": "#c62828",
    "review": "#e69500",
    "warning": "#0277bd",
    "info": "#757575",
    "approved": "#2e7d32",
}

# No web fonts, scripts or images: the page must open the same on an office computer with no network.
STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif;
       margin: 0 auto; max-width: 1100px; padding: 16px; color: #212121; font-size: 14px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 2px solid #1565c0; }
.meta { color: #616161; font-size: 12px; }
.cards { display: flex; gap: 12px; margin: 16px 0; flex-wrap: wrap; }
.card { border-radius: 6px; padding: 10px 16px; color: #fff; min-width: 120px; }
.card b { display: block; font-size: 26px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #cfd8dc; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eceff1; } tr { break-inside: avoid; }
.status { color: #fff; border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.nw { white-space: nowrap; } .tag { font-weight: bold; } .clause { color: #757575; font-size: 12px; }
.charts { display: flex; gap: 24px; flex-wrap: wrap; } .chart { break-inside: avoid; }
.team { break-inside: auto; } .teamfindings { background: #fff8e1; padding: 6px 10px; border-left: 4px solid #f9a825; }
ul { margin: 4px 0; padding-left: 20px; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } h2 { break-after: avoid; }
  .team { break-before: auto; } a { color: inherit; text-decoration: none; } }
"""


class HtmlFormatter:
    """`--format html`: the page a street officer prints or sends on; a picture of the whole review."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        lang = options.lang
        title = title_line(report, lang)
        s = report.summary
        parts = [
            f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            f'<p class="meta">{escape(say("label-generated", lang, tool=report.tool, ruleset=report.ruleset.name, election_date=report.election_date))}'
            f" · sha256 {report.ruleset.sha256[:12]}</p>",
            '<div class="cards">',
        ]
        for status in ("eligible", "review", "ineligible", "invalid"):
            parts.append(
                f'<div class="card" style="background:{COLOURS[status]}"><b>{getattr(s, status)}</b>'
                f"{escape(status_label(status, lang))}</div>"
            )
        parts.append("</div>")
        parts.append(f"<p>{escape(summary_line(report, lang))}</p>")
        # The verdict, as the terminal ends with it: the page is what is printed and sent on (helper-64).
        parts.append(f'<p class="verdict"><b>{escape(verdict_line(report, options.fail_on, lang))}</b></p>')
        parts.append(_bars([(status_label(k, lang), getattr(s, k), COLOURS[k]) for k in COLOURS], width=420))
        # A team's rows under one heading, in row order, however their streets are written (东湖街道, 东湖街办).
        teams = teams_by_place(report)
        groups: dict[tuple[str, str], list[CandidateResult]] = {}
        for candidate in report.candidates:
            groups.setdefault(team_key(candidate, teams), []).append(candidate)
        places = places_of(report, options)
        for key, candidates in groups.items():
            parts.append(_team(key, candidates, teams.get(key), report.election_date, lang, places))
        parts.append(_appendix(report, lang, places))
        parts.append("</body></html>\n")
        return "\n".join(parts)


def _team(
    key: tuple[str, str],
    candidates: list[CandidateResult],
    team: TeamResult | None,
    run_day: dt.date,
    lang: Lang,
    places: Mapping[str, str],
) -> str:
    # As the terminal heads it: 柳岸社区 · 选举日 2006-09-28, or （未写社区） for rows naming no community.
    out = ['<section class="team">', f"<h2>{escape(team_heading(*key, team, run_day, lang, places))}</h2>"]
    if team is not None and team.findings:
        out.append('<div class="teamfindings"><ul>')
        out += [f"<li>{_finding(f, lang)}</li>" for f in team.findings]
        out.append("</ul></div>")
    if team is not None and team.profile is not None:
        out.append(_profile(team.profile, lang))
    labels = [say(f"label-{k}", lang) for k in ("line", "name", "id", "roles", "status", "message")]
    out.append(
        "<table><thead><tr>" + "".join(f"<th>{escape(x)}</th>" for x in labels) + "</tr></thead><tbody>"
    )
    joiner = "、" if lang == "zh" else ", "
    for c in candidates:
        findings = "".join(f"<div>{_finding(f, lang)}</div>" for f in c.findings) or "—"
        out.append(
            f'<tr><td>{c.source.shown_row}</td><td class="nw">{escape(c.name)}</td>'
            f'<td class="nw">{escape(c.id_number or "")}</td>'
            f"<td>{escape(joiner.join(c.roles))}</td>"
            f'<td><span class="status" style="background:{COLOURS[c.status]}">{escape(status_label(c.status, lang, c.findings))}'
            f"</span></td><td>{findings}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return "\n".join(out)


def _profile(profile: Profile, lang: Lang) -> str:
    ages = [(band, n, "#1565c0") for band, n in profile.ages.items() if n or band != "?"]
    levels = [(level, n, "#00897b") for level, n in profile.education.items() if n or level != "?"]
    return (
        '<div class="charts">'
        f'<div class="chart"><div class="meta">{escape(say("label-age", lang))}（{profile.members}）</div>{_bars(ages)}</div>'
        f'<div class="chart"><div class="meta">{escape(say("label-education", lang))}</div>{_bars(levels)}</div>'
        "</div>"
    )


def _bars(values: list[tuple[str, int, str]], width: int = 300) -> str:
    """A horizontal bar chart as inline SVG: a label, a bar, a count per line."""
    if not values:
        return ""
    top = max(n for _, n, _ in values) or 1
    row, label_width = 22, 90
    bar_room = width - label_width - 40
    height = row * len(values) + 4
    out = [f'<svg width="{width}" height="{height}" role="img">']
    for i, (label, n, colour) in enumerate(values):
        y = i * row + 2
        length = round(bar_room * n / top)
        out.append(f'<text x="0" y="{y + 15}" font-size="12">{escape(label)}</text>')
        out.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{row - 8}" fill="{colour}"/>'
        )
        out.append(f'<text x="{label_width + length + 4}" y="{y + 15}" font-size="12">{n}</text>')
    out.append("</svg>")
    return "".join(out)


def _finding(finding: Finding, lang: Lang) -> str:
    approved = finding.approval is not None and finding.approval.counted
    colour = SEVERITY_COLOURS["approved" if approved else finding.severity]
    text = (
        f'<span class="tag" style="color:{colour}">[{escape(severity_label(finding, lang))}]</span> '
        f"<code>{escape(finding.rule)}</code> {escape(finding.message)}"
    )
    # Where to put the cursor, as the terminal says it: the cell, which names the column too, else the line.
    if cell := finding.evidence.get("cell"):
        text += f'<span class="clause">{escape(say("at-cell", lang, cell=cell))}</span>'
    elif line := row_said(finding):
        text += f'<span class="clause">{escape(say("at-line", lang, line=line))}</span>'
    if finding.approval is not None:
        note = finding.approval.reference
        if not finding.approval.counted:
            note = say("approval-not-counted", lang, reason=finding.approval.reason) + f" [{note}]"
        text += f'<div class="clause">{escape(note)}</div>'
    if finding.source is not None:
        text += (
            f'<div class="clause">{escape(say("source-clause", lang, document=finding.source.document, clause=finding.source.clause))}'
            f"{'：' if lang == 'zh' else ': '}“{escape(finding.source.quote)}”</div>"
        )
        if amended := amended_text(finding, lang):
            text += f'<div class="clause">{escape(amended)}</div>'
    return text


def _appendix(report: Report, lang: Lang, places: Mapping[str, str]) -> str:
    out = [f"<h2>{escape(say('label-inputs', lang))}</h2><ul>"]
    for read in report.inputs:
        out.append(f"<li>{escape(input_line(read, lang, places))}")
        out += [f"<div>{_finding(f, lang)}</div>" for f in read.findings]
        out.append("</li>")
    out += [f"<li>{escape(where)}<div>{_finding(f, lang)}</div></li>" for where, f in rule_file_notes(report)]
    out.append("</ul>")
    if report.not_checked:
        out.append(f"<h2>{escape(say('label-not-checked', lang))}</h2><ul>")
        out += [
            f"<li><code>{escape(n.rule)}</code> {escape(n.where)}: {escape(missing_columns(n, lang))}</li>"
            for n in report.not_checked
        ]
        out.append("</ul>")
    out.append(f"<h2>{escape(say('label-applied-rules', lang))}</h2><table><thead><tr>")
    labels = [say(f"label-{k}", lang) for k in ("rule", "title", "severity", "scope", "clause")]
    out.append("".join(f"<th>{escape(x)}</th>" for x in labels) + "</tr></thead><tbody>")
    for rule in report.rules:
        out.append(
            f"<tr><td><code>{escape(rule.id)}</code></td><td>{escape(rule.title)}</td>"
            f"<td>{escape(say(f'severity-{rule.severity}', lang))}</td>"
            f"<td>{escape(say(f'label-scope-{rule.scope}', lang))}</td>"
            f'<td>{escape(rule.source.clause)}<div class="clause">“{escape(rule.source.quote)}”</div></td></tr>'
        )
    out.append("</tbody></table>")
    return "\n".join(out)
