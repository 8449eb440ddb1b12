"""Output formats: an enum of the choices and one formatter module each behind one interface."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from eligibility.formatters.interface import Formatter, Options


class OutputFormat(StrEnum):
    """The values of `--format`."""

    table = "table"
    json = "json"


def formatter_for(choice: OutputFormat) -> Formatter:
    """The formatter of a format; imported on use so start-up stays light."""
    match choice:
        case OutputFormat.table:
            from eligibility.formatters.table import TableFormatter

            return TableFormatter()
        case OutputFormat.json:
            from eligibility.formatters.json import JsonFormatter

            return JsonFormatter()
        case _:
            assert_never(choice)


__all__ = ["Formatter", "Options", "OutputFormat", "formatter_for"]
