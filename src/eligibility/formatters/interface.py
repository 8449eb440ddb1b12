"""The formatter interface: a pure function of the Report and display options to text or bytes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from eligibility.messages import Lang

if TYPE_CHECKING:  # the report's models take a tenth of a second to build; `--help` never needs them
    from eligibility.report import CandidateResult, FailOn, Report, TeamResult


@dataclass(frozen=True)
class Options:
    """How to show a report: language, colour and width (a terminal), and the level that fails a run."""

    lang: Lang = "zh"
    color: bool = False
    width: int = 120
    # Formats that mark pass and fail (JUnit, SARIF, GitHub annotations) draw the line where the exit code does.
    fail_on: FailOn = "review"
    # Terminal and page formats then show each finding's evidence and each candidate's rules passed.
    explain: bool = False
    # The evidence's keys as the reader's language names them (age: 年龄), where the rule set or the tool names
    # them; a key not here is shown as it is.
    labels: Mapping[str, str] = field(default_factory=dict)
    # The place columns as the rule set heads them in Chinese ({street: 乡镇, community: 村} for villages); not
    # given, as the report's rule set heads them (its ruleset.places). English has street and community for either.
    places: Mapping[str, str] = field(default_factory=dict)


class Formatter(Protocol):
    """Turns a Report into one output format; reads nothing else and computes nothing new."""

    binary: ClassVar[bool]

    def format(self, report: Report, options: Options) -> str | bytes: ...


class ReportWriter(Protocol):
    """A report written while the check runs: the head, each candidate as it is checked, each team as it is
    judged, then the rest."""

    # Whether candidate_json and team_json are this writer's cheap way in (the compact JSON is what it
    # writes), so the check should hand it results as JSON; a writer that must read the JSON back into a model
    # takes models.
    takes_json: ClassVar[bool]

    def begin(self, head: Report) -> None: ...

    def candidate(self, candidate: CandidateResult) -> None: ...

    def candidate_json(self, json: bytes) -> None:
        """A candidate already serialised (compact JSON of CandidateResult), as --jobs workers hand them."""
        ...

    def team(self, team: TeamResult) -> None: ...

    def team_json(self, json: bytes) -> None:
        """A team already serialised (compact JSON of TeamResult), as --jobs workers hand them."""
        ...

    def finish(self, report: Report) -> None: ...


@runtime_checkable
class Streams(Protocol):
    """A formatter that can write as candidates come (JSON, JSON lines), holding none of them."""

    binary: ClassVar[bool]

    def format(self, report: Report, options: Options) -> str | bytes: ...

    def writer(self, sink: IO[bytes], options: Options) -> ReportWriter: ...
