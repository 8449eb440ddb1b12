"""JSON lines: one object per line — the run, each rule, each candidate, each team, each file, the summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any, ClassVar

from eligibility.formatters.interface import Options
from eligibility.report import CandidateResult, Report, TeamResult, json_bytes


class JsonlFormatter:
    """`--format jsonl`: every line stands alone and says what it is in `type`."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return "".join(lines(report))

    def writer(self, sink: IO[bytes], options: Options) -> JsonlWriter:
        return JsonlWriter(sink)


class JsonlWriter:
    """The same lines as `format`, each written as soon as it is known: nothing is held."""

    takes_json: ClassVar[bool] = True  # a candidate's line is its compact JSON

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink

    def begin(self, head: Report) -> None:
        self.sink.write("".join(opening_lines(head)).encode())

    def candidate(self, candidate: CandidateResult) -> None:
        self.sink.write(candidate_line(candidate))

    def candidate_json(self, json: bytes) -> None:
        self.sink.write(_typed(b"candidate", json))

    def team(self, team: TeamResult) -> None:
        self.sink.write(_typed(b"team", json_bytes(team)))

    def team_json(self, json: bytes) -> None:
        self.sink.write(_typed(b"team", json))

    def finish(self, report: Report) -> None:
        self.sink.write("".join(closing_lines(report)).encode())


def lines(report: Report) -> Iterator[str]:
    yield from opening_lines(report)
    for candidate in report.candidates:
        yield candidate_line(candidate).decode()
    yield from closing_lines(report)


def run_line(report: Report) -> str:
    data = report.model_dump(mode="json", include={"schema_version", "tool", "ruleset", "election_date"})
    return _line("run", data)


def opening_lines(report: Report) -> Iterator[str]:
    """The run, then each rule of the rule set (its title, severity and clause), as the JSON report's `rules`: a
    pipeline reading findings by rule id has their titles and sources without the rule file."""
    yield run_line(report)
    for rule in report.rules:
        yield _line("rule", rule.model_dump(mode="json"))


def candidate_line(candidate: CandidateResult) -> bytes:
    return _typed(b"candidate", json_bytes(candidate))


def closing_lines(report: Report) -> Iterator[str]:
    data = report.model_dump(mode="json", include={"inputs", "not_checked", "summary"})
    for team in report.teams:
        yield _typed(b"team", json_bytes(team)).decode()
    for read in data["inputs"]:
        yield _line("input", read)
    for missing in data["not_checked"]:
        yield _line("not_checked", missing)
    yield _line("summary", data["summary"])


def _typed(kind: bytes, json: bytes) -> bytes:
    """An object pydantic wrote as JSON (in Rust), with its type put in front of its first key."""
    return b'{"type":"' + kind + b'",' + json[1:] + b"\n"


def _line(kind: str, body: dict[str, Any]) -> str:
    return json.dumps({"type": kind, **body}, ensure_ascii=False, separators=(",", ":")) + "\n"
