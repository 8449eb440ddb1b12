"""Instructions a row of `eligibility check`, counted by valgrind: a measure that the machine's speed does not move.

    python benchmarks/instructions.py                         # the installed tool, 10,000 rows
    python benchmarks/instructions.py --rows 100000 src /tmp/old/src   # two source trees side by side
    python benchmarks/instructions.py --format json src /tmp/old/src   # the JSON report instead of JSON lines

Wall time on this project's 2-core machine moves by 15% from one run to the next, so a change worth 5% cannot
be seen in it. Instructions can: each tree given is run under `valgrind --tool=callgrind` on the generated roster
and on a 10-row one, with its modules compiled and a fixed hash seed, and the difference, divided by the rows, is
printed. Trees are measured two at a time, one to a core. Needs valgrind; 10,000 rows take about a minute and a
half, 100,000 about fifteen.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from run import DATA, files

COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(tree: str | None, rows: int, fmt: str = "jsonl") -> int:
    """Instructions of one check of the roster of `rows` rows, its report to a file, as callgrind counts them."""
    roster, communities = files(rows, False)
    env = dict(os.environ, PYTHONHASHSEED="0")
    if tree:
        env["PYTHONPATH"] = os.path.abspath(tree)
    out = DATA / "out" / f"instructions-{rows}-{abs(hash(tree))}.{fmt}"
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-m",
            "eligibility",
            "check",
            str(roster),
            "--communities",
            str(communities),
            "--format",
            fmt,
            "-o",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    found = COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {tree or 'the installed tool'}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_row(tree: str | None, rows: int, fmt: str = "jsonl") -> float:
    if tree:
        compileall.compile_dir(tree, quiet=1)  # as an installed tool starts: no module compiled at start
    else:
        import eligibility

        compileall.compile_dir(Path(eligibility.__file__).parent, quiet=1)
    return (instructions(tree, rows, fmt) - instructions(tree, 10, fmt)) / (rows - 10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("trees", nargs="*", help="source folders (PYTHONPATH); none: the installed tool")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", default="jsonl", help="the report's format (default jsonl)")
    args = parser.parse_args()
    trees: list[str | None] = list(args.trees) or [None]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(lambda tree: per_row(tree, args.rows, args.format), trees))
    for tree, count in zip(trees, counts, strict=True):
        print(
            f"{tree or 'installed':<40} {count / 1000:8.1f}k instructions a row ({args.rows:,} rows, {args.format})"
        )


if __name__ == "__main__":
    main()
