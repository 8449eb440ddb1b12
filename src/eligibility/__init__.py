"""Check candidate rosters for community and village two-committee elections against a declarative rule file."""

from __future__ import annotations

__version__ = "0.1.0"

from eligibility.candidate import Candidate
from eligibility.engine import check, read_roster
from eligibility.errors import EligibilityError, RosterError, RuleSetError
from eligibility.report import Report
from eligibility.ruleset.loader import Policy, load_ruleset

__all__ = [
    "Candidate",
    "EligibilityError",
    "Policy",
    "Report",
    "RosterError",
    "RuleSetError",
    "__version__",
    "check",
    "load_ruleset",
    "read_roster",
]
