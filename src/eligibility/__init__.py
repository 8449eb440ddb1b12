"""Check candidate rosters for community and village two-committee elections against a declarative rule file."""

from __future__ import annotations

__version__ = "0.1.0"

from eligibility.engine import check
from eligibility.errors import EligibilityError, RosterError, RuleSetError
from eligibility.report import Report
from eligibility.roster.readers import read_table
from eligibility.ruleset.loader import Policy, load_ruleset

__all__ = [
    "EligibilityError",
    "Policy",
    "Report",
    "RosterError",
    "RuleSetError",
    "__version__",
    "check",
    "load_ruleset",
    "read_table",
]
