"""User errors: one family, each with a location and a bilingual message, caught only at the CLI boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eligibility.messages import Lang, Term, say


@dataclass(frozen=True, slots=True)
class Location:
    """Where in which file a problem was found; every part is optional."""

    path: str | None = None
    line: int | None = None
    column: int | str | None = None

    def __str__(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if isinstance(self.column, int):
                parts.append(str(self.column))
        text = ":".join(parts)
        if isinstance(self.column, str):
            text += f" [{self.column}]"
        return text


class EligibilityError(Exception):
    """A problem the user can fix: bad option, unreadable file, broken rule file or roster layout.

    It carries a message key and parameters rather than text, so the CLI can say it in the user's language.
    """

    exit_code = 2

    def __init__(self, key: str, location: Location | None = None, **params: object) -> None:
        self.key = key
        self.location = location
        self.params = params
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its key and parameters when a --jobs worker hands it to the parent.
        return (_rebuilt, (type(self), self.key, self.location, self.params))

    def message(self, lang: Lang) -> str:
        text = say(self.key, lang, **self.params)
        return f"{self.location}: {text}" if self.location else text

    def masked(self) -> EligibilityError:
        """The same error with any ID number in its values masked, as the library hands it to a script: a
        seat count or a community typed as one reaches the message otherwise."""
        # Imported only for an error: start-up stays quick.
        from eligibility.roster.normalise import mask_ids

        def masked(value: object) -> object:
            if isinstance(value, Term):
                return Term(mask_ids(value.zh), mask_ids(value.en))
            return mask_ids(value) if isinstance(value, str) else value

        params = {k: masked(v) for k, v in self.params.items()}
        location = self.location
        if location is not None:
            # The file's name too (名册110101….csv), as the command line masks the whole line.
            column = mask_ids(location.column) if isinstance(location.column, str) else location.column
            location = Location(location.path and mask_ids(location.path), location.line, column)
        return type(self)(self.key, location, **params)


def _rebuilt(
    kind: type[EligibilityError], key: str, location: Location | None, params: dict[str, object]
) -> EligibilityError:
    return kind(key, location, **params)


class OptionError(EligibilityError):
    """A command-line option or library argument that cannot be used."""


class RuleSetError(EligibilityError):
    """A rule file that cannot be read, or says something the rule language does not allow."""

    @property
    def problems(self) -> list[RuleSetError]:
        """Each mistake on its own: this one."""
        return [self]


class RuleSetProblems(RuleSetError):
    """Several mistakes in one rule file, each with its place; reported together so one run shows them all."""

    def __init__(self, problems: list[RuleSetError]) -> None:
        self._problems = in_order(problems)
        first = self._problems[0]
        super().__init__(first.key, first.location, **first.params)

    @property
    def problems(self) -> list[RuleSetError]:
        return self._problems

    def message(self, lang: Lang) -> str:
        return "\n".join(problem.message(lang) for problem in self._problems)

    def masked(self) -> RuleSetProblems:
        # Each mistake masked on its own: rebuilt as one error of the first's key, the library raised TypeError
        # where a script catches EligibilityError (helper-66).
        masked = [problem.masked() for problem in self._problems]
        return RuleSetProblems([problem for problem in masked if isinstance(problem, RuleSetError)])

    def __reduce__(self) -> tuple[Any, ...]:
        return (RuleSetProblems, (self._problems,))


@dataclass(frozen=True, slots=True)
class RuleSetWarning:
    """Something in a rule file that is most likely a slip but leaves the file usable: the loader hands it back
    on the rule set (Policy.warnings) and the commands that load one say it, where a mistake is raised and stops."""

    key: str
    location: Location | None = None
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: Lang) -> str:
        # FILE:LINE:COLUMN: warning: …, as compilers say theirs, so editors and CI logs take it as one.
        text = f"{say('warning', lang)}: {say(self.key, lang, **self.params)}"
        return f"{self.location}: {text}" if self.location else text


def raise_any(problems: list[RuleSetError]) -> None:
    """The mistakes found, if any: one as itself, several together."""
    if problems:
        problems = in_order(problems)
        raise problems[0] if len(problems) == 1 else RuleSetProblems(problems)


def in_order(problems: list[RuleSetError]) -> list[RuleSetError]:
    """Each mistake once, in the order it is written: file by file, the first met first, and line by line. A
    parameter two rules read was said once for each (structure_share: 1.5), and the rules' order is not the
    file's (min_women on line 5 was said before young_age_limit on line 4)."""
    files: dict[str | None, int] = {}
    said: dict[tuple[str, str], RuleSetError] = {}
    for one in (each for problem in problems for each in problem.problems):
        files.setdefault((one.location or Location()).path, len(files))
        said.setdefault((one.key, str(one)), one)  # its English message names its place

    def place(problem: RuleSetError) -> tuple[int, int, int]:
        where = problem.location or Location()
        column = where.column if isinstance(where.column, int) else 0
        return files[where.path], where.line or 0, column

    return sorted(said.values(), key=place)


class RosterError(EligibilityError):
    """A roster, communities or approvals file that cannot be read as a whole."""


def display_path(path: Path | str) -> str:
    """The path as the user gave it, with forward slashes so reports read the same on every system."""
    return Path(path).as_posix()


def unwritable_reason(path: Path, err: OSError) -> str:
    """Why a report or template could not be written there, as its message says it."""
    if isinstance(err, PermissionError):
        return "no permission to write it"  # "Permission denied" alone was said as no permission to read it
    if isinstance(err, FileExistsError | NotADirectoryError):
        # A folder on the way that is a file (-o report.csv/x.json): "File exists" would not say which.
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return f"{display_path(blocking)} is a file, not a folder"
    return err.strerror or str(err)
