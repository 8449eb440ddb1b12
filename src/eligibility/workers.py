"""`--jobs N`: candidate rows checked in N worker processes, handed back in row order.

Each worker reads the whole file itself (reading is the cheap part) and checks every N-th batch of rows; the
parent reads nothing, and takes the batches back in turn, so it only judges duplicates and teams, in row order,
and writes the report — which is therefore the same, byte for byte, as with one process."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eligibility.candidate import Candidate, Member
from eligibility.report import CandidateResult
from eligibility.roster.readers import Table, open_tables
from eligibility.roster.sources import Input

if TYPE_CHECKING:
    from eligibility.engine import Options, Review

# Rows per batch: large enough that passing a batch between processes costs little beside checking it, small
# enough to keep every worker busy and memory flat.
BATCH = 2000
# Batches a worker may have checked before the parent takes them: reading never runs far ahead of writing.
AHEAD = 4

Checked = tuple[CandidateResult, Candidate, tuple[dt.date, Member]]
_END = "end"


class Workers:
    """N processes, each with the same rule set and tables as the review that started it."""

    def __init__(self, review: Review, jobs: int) -> None:
        assert review.started is not None
        ruleset, options = review.started
        # spawn, not fork: the parent may run threads (the progress display), which fork does not copy safely.
        context = multiprocessing.get_context("spawn")
        self.jobs = jobs
        self.tasks = [context.Queue() for _ in range(jobs)]
        self.results = [context.Queue(maxsize=AHEAD) for _ in range(jobs)]
        self.processes = [
            context.Process(
                target=_serve,
                args=(ruleset, options, worker, jobs, self.tasks[worker], self.results[worker]),
                daemon=True,
            )
            for worker in range(jobs)
        ]
        for process in self.processes:
            process.start()

    def check(self, source: Input, table: Table, skipped: frozenset[str]) -> Iterator[Checked]:
        """Each row of the table checked (no duplicate or team question yet), in row order."""
        for queue in self.tasks:
            queue.put((source, table.path, table.sheet, skipped))
        batch = 0
        while True:
            kind, payload = self.results[batch % self.jobs].get()
            if kind == "error":
                raise payload
            if kind == _END:
                return
            yield from payload
            batch += 1

    def close(self) -> None:
        """Let idle workers finish; a worker still busy (the run stopped on an error) is stopped."""
        for queue in self.tasks:
            queue.put(None)
        for process in self.processes:
            process.join(timeout=1)
            if process.is_alive():
                process.kill()
                process.join()


def _serve(
    ruleset: str | Path | None, options: Options, worker: int, jobs: int, tasks: Any, results: Any
) -> None:
    from eligibility.engine import Review

    review = Review.start(ruleset, options)
    while (task := tasks.get()) is not None:
        source, path, sheet, skipped = task
        try:
            _check_table(review, source, path, sheet, skipped, worker, jobs, results)
        except Exception as err:
            results.put(("error", err))


def _check_table(
    review: Review,
    source: Input,
    path: str,
    sheet: str | None,
    skipped: frozenset[str],
    worker: int,
    jobs: int,
    results: Any,
) -> None:
    table = next(
        t
        for t in open_tables(source, review.columns, encoding=review.encoding, sheet=review.sheet)
        if (t.path, t.sheet) == (path, sheet)
    )
    review.add_table_communities(table)  # the community dates a YAML roster carries
    rows = iter(table.rows)
    batch = 0
    while raws := list(islice(rows, BATCH)):
        if batch % jobs == worker:
            checked: list[Checked] = []
            for raw in raws:
                person = review.reader.candidate(raw, table)
                # The member questions too, for the day the team will most likely have; the parent checks that.
                day = review.team_date(person)
                checked.append((review.evaluate(person, skipped), person, (day, review.member(person, day))))
            results.put(("rows", checked))
        batch += 1
    if batch % jobs == worker:  # the parent asks this worker for the batch after the last
        results.put((_END, None))
