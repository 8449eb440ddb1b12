"""Where a one-process check spends its time: microseconds per row for each stage, measured one stage at a time.

    python benchmarks/stages.py 100000        # after make_roster.py 100000 (run.py makes it too)

Each stage runs over every row before the next starts, so every row's objects are held at once: the figures are
for finding where the time goes, not for memory; run.py measures the check end to end.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from eligibility.engine import Options, Review
from eligibility.formatters.jsonl import candidate_line
from eligibility.roster.readers import Table, open_tables
from eligibility.roster.sources import expand

DATA = Path(__file__).parent / "data"


def opened(description: str | None) -> tuple[Review, Table]:
    """The review and the opened roster of the size the command line names (100,000 if none), set up as
    cli.check sets them up."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("size", type=int, nargs="?", default=100_000)
    size = parser.parse_args().size
    gc.set_threshold(20_000, 50, 50)  # as cli.check does
    review = Review.start(None, Options(communities=DATA / f"communities-{size}.csv"))
    [source] = expand([DATA / f"roster-{size}.csv"])
    [table] = open_tables(source, review.columns)
    return review, table


def main() -> None:
    review, table = opened(__doc__)
    skipped = review._skipped(table)
    spent: dict[str, float] = {}

    def timed(stage: str, work):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = work()
        spent[stage] = time.perf_counter() - started
        return result

    raws = timed("read rows", lambda: list(table.rows))
    people = timed("cells to a candidate", lambda: [review.reader.candidate(raw, table) for raw in raws])
    keys = timed("duplicate ID numbers", lambda: [review._check_duplicate(p, table) for p in people])
    results = timed("candidate rules", lambda: [review.evaluate(p, skipped) for p in people])
    timed("JSON line", lambda: [candidate_line(r) for r in results])
    timed("join the team", lambda: [review._join_team(p, k) for p, k in zip(people, keys, strict=True)])
    timed("team rules", lambda: list(review.each_team()))
    rows = len(raws)
    for stage, seconds in [*spent.items(), ("total", sum(spent.values()))]:
        print(f"{stage:22} {seconds:6.2f} s {seconds / rows * 1e6:7.1f} µs a row")


if __name__ == "__main__":
    main()
