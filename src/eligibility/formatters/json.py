"""The JSON report: the contract of DESIGN.md, schema_version 1, exactly the Report model."""

from __future__ import annotations

from typing import ClassVar

from eligibility.formatters.interface import Options
from eligibility.report import Report


class JsonFormatter:
    """`--format json`: the Report serialised with its field order; non-ASCII kept as is."""

    binary: ClassVar[bool] = False

    def format(self, report: Report, options: Options) -> str:
        return report.model_dump_json(indent=2) + "\n"
