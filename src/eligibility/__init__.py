"""Check candidate rosters for community and village two-committee elections against a declarative rule file."""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eligibility.candidate import Candidate
    from eligibility.engine import check, read_roster
    from eligibility.errors import EligibilityError, RosterError, RuleSetError
    from eligibility.report import CandidateResult, Finding, Report, TeamResult, fails, findings_fail
    from eligibility.ruleset.loader import Policy, load_ruleset

# The library's names are loaded when first asked for (PEP 562), so that `eligibility --help`, which imports this
# package, does not build the engine's and the report's models first.
_HOME = {
    "Candidate": "eligibility.candidate",
    "EligibilityError": "eligibility.errors",
    "Policy": "eligibility.ruleset.loader",
    "Report": "eligibility.report",
    "CandidateResult": "eligibility.report",
    "TeamResult": "eligibility.report",
    "Finding": "eligibility.report",
    "fails": "eligibility.report",
    "findings_fail": "eligibility.report",
    "RosterError": "eligibility.errors",
    "RuleSetError": "eligibility.errors",
    "check": "eligibility.engine",
    "load_ruleset": "eligibility.ruleset.loader",
    "read_roster": "eligibility.engine",
}


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is still an error to them

    def __getattr__(name: str) -> Any:
        if name not in _HOME:
            raise AttributeError(f"module 'eligibility' has no attribute {name!r}")
        value = getattr(importlib.import_module(_HOME[name]), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)


__all__ = [
    "Candidate",
    "CandidateResult",
    "EligibilityError",
    "Finding",
    "Policy",
    "Report",
    "RosterError",
    "RuleSetError",
    "TeamResult",
    "__version__",
    "check",
    "fails",
    "findings_fail",
    "load_ruleset",
    "read_roster",
]
