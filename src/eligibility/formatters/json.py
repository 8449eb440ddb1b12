"""The JSON report: the contract of DESIGN.md, schema_version 1, exactly the Report model."""

from __future__ import annotations

from eligibility.formatters.interface import Options
from eligibility.report import Report


class JsonFormatter:
    """`--format json`: the Report serialised with its field order; non-ASCII kept as is."""

    def format(self, report: Report, options: Options) -> str:
        return report.model_dump_json(indent=2) + "\n"
