"""`--jobs N`: candidate rows checked in N worker processes, handed back in row order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eligibility.candidate import Candidate, Member
from eligibility.report import CandidateResult
from eligibility.roster.readers import RawRecord, Table

if TYPE_CHECKING:
    from eligibility.engine import Options, Review

# Rows per task: large enough that sending a task costs little beside checking it, small enough to keep
# every worker busy and memory flat.
BATCH = 2000

Checked = tuple[CandidateResult, Candidate, tuple[dt.date, Member]]

_review: Review | None = None
_tables: set[tuple[str, str | None]] = set()


class Workers:
    """A pool of processes, each with the same rule set and tables as the review that started it."""

    def __init__(self, review: Review, jobs: int) -> None:
        assert review.started is not None
        ruleset, options = review.started
        self.jobs = jobs
        # spawn, not fork: the parent may run threads (the progress display), which fork does not copy safely.
        self.pool = ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(ruleset, options),
        )

    def check(self, table: Table, skipped: frozenset[str]) -> Iterator[Checked]:
        """Each row of the table checked (no duplicate or team question yet), in order; at most a few batches
        are in flight, so reading never runs ahead of checking."""
        shell = dataclasses.replace(table, rows=iter(()))
        rows = iter(table.rows)
        pending: deque[Future[list[Checked]]] = deque()
        while True:
            while len(pending) < 2 * self.jobs and (batch := list(islice(rows, BATCH))):
                pending.append(self.pool.submit(_check, shell, skipped, batch))
            if not pending:
                return
            yield from pending.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _start(ruleset: str | Path | None, options: Options) -> None:
    from eligibility.engine import Review

    global _review
    _review = Review.start(ruleset, options)


def _check(shell: Table, skipped: frozenset[str], batch: list[RawRecord]) -> list[Checked]:
    review = _review
    assert review is not None
    if (shell.path, shell.sheet) not in _tables:
        _tables.add((shell.path, shell.sheet))
        review.add_table_communities(shell)  # the community dates a YAML roster carries
    results: list[Checked] = []
    for raw in batch:
        person = review.reader.candidate(raw, shell)
        # The member questions too, for the day the team will most likely have; the reviewer checks that.
        day = review.team_date(person)
        results.append((review.evaluate(person, skipped), person, (day, review.member(person, day))))
    return results
