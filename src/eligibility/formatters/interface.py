"""The formatter interface: a pure function of the Report and display options to text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from eligibility.messages import Lang
from eligibility.report import Report


@dataclass(frozen=True)
class Options:
    """How to show a report: language, colour (a terminal) and width."""

    lang: Lang = "zh"
    color: bool = False
    width: int = 120


class Formatter(Protocol):
    """Turns a Report into the text of one output format; reads nothing else and computes nothing new."""

    def format(self, report: Report, options: Options) -> str: ...
