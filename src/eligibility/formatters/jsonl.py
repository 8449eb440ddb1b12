"""JSON lines: one object per line — the run, each candidate, each team, each file, the summary — for pipelines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar

from eligibility.formatters.interface import Options
from eligibility.report import Report


class JsonlFormatter:
    """`--format jsonl`: every line stands alone and says what it is in `type`."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return "".join(lines(report))


def lines(report: Report) -> Iterator[str]:
    data = report.model_dump(mode="json")
    yield _line("run", {k: data[k] for k in ("schema_version", "tool", "ruleset", "election_date")})
    for candidate in data["candidates"]:
        yield _line("candidate", candidate)
    for team in data["teams"]:
        yield _line("team", team)
    for read in data["inputs"]:
        yield _line("input", read)
    for missing in data["not_checked"]:
        yield _line("not_checked", missing)
    yield _line("summary", data["summary"])


def _line(kind: str, body: dict[str, Any]) -> str:
    return json.dumps({"type": kind, **body}, ensure_ascii=False) + "\n"
