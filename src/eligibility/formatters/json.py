"""The JSON report: the contract of DESIGN.md, schema_version 1, exactly the Report model."""

from __future__ import annotations

import tempfile
from typing import IO, ClassVar

from pydantic_core import from_json, to_json

from eligibility.formatters.interface import Options
from eligibility.report import CandidateResult, Report, TeamResult

_EMPTY = '\n  "candidates": [],\n  "teams": [],\n'


class JsonFormatter:
    """`--format json`: the Report serialised with its field order; non-ASCII kept as is."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return report.model_dump_json(indent=2) + "\n"

    def writer(self, sink: IO[bytes], options: Options) -> JsonWriter:
        return JsonWriter(sink)


class JsonWriter:
    """The same bytes as `format`, written as candidates and teams come. The summary comes before them in the
    contract, so they wait in a temporary file (not in memory) until it is known."""

    # A candidate may come as its compact JSON: indented here in pydantic-core, as the model would be written.
    takes_json: ClassVar[bool] = True

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.spool = tempfile.TemporaryFile()  # noqa: SIM115 — closed in finish(), after the candidates
        self.candidates = 0
        self.teams = 0
        self.teams_at: int | None = None

    def begin(self, head: Report) -> None:
        pass

    def candidate(self, candidate: CandidateResult) -> None:
        self._item(candidate.__pydantic_serializer__.to_json(candidate, indent=2), self.candidates)
        self.candidates += 1

    def candidate_json(self, json: bytes) -> None:
        self._item(to_json(from_json(json), indent=2), self.candidates)
        self.candidates += 1

    def team(self, team: TeamResult) -> None:
        self._team(team.__pydantic_serializer__.to_json(team, indent=2))

    def team_json(self, json: bytes) -> None:
        self._team(to_json(from_json(json), indent=2))

    def _team(self, indented: bytes) -> None:
        if self.teams_at is None:
            self.teams_at = self.spool.tell()
        self._item(indented, self.teams)
        self.teams += 1

    def _item(self, text: bytes, index: int) -> None:
        # Indented as a list item two levels deep; JSON strings hold no raw line break, so this is safe.
        self.spool.write((b"    " if index == 0 else b",\n    ") + text.replace(b"\n", b"\n    "))

    def finish(self, report: Report) -> None:
        whole = report.model_dump_json(indent=2) + "\n"
        head, tail = whole.split(_EMPTY, 1)
        end = self.spool.tell()
        teams_at = end if self.teams_at is None else self.teams_at
        self.sink.write(head.encode())
        self._list("candidates", 0, teams_at, self.candidates)
        self._list("teams", teams_at, end, self.teams)
        self.sink.write(b"\n" + tail.encode())
        self.spool.close()

    def _list(self, name: str, start: int, end: int, count: int) -> None:
        if not count:
            self.sink.write(f'\n  "{name}": [],'.encode())
            return
        self.sink.write(f'\n  "{name}": [\n'.encode())
        self.spool.seek(start)
        left = end - start
        while left:
            chunk = self.spool.read(min(left, 1 << 20))
            self.sink.write(chunk)
            left -= len(chunk)
        self.sink.write(b"\n  ],")
