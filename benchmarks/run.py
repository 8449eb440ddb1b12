"""Measure `eligibility check` against the floor (read + validate each row, nothing else) and print the figures.

    python benchmarks/run.py                 # N = 100,000 and 1,000,000, as benchmarks/README.md reports
    python benchmarks/run.py --sizes 20000   # a quick look

Every measurement runs in its own child process on the same generated file; wall time is measured around the
child, peak memory is the child's own maximum resident set (os.wait4), so one run never inflates another.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ELIGIBILITY = [sys.executable, "-m", "eligibility"]

# The floor: the standard library's csv reader and a pydantic model of the roster's columns, results discarded.
FLOOR_CSV = """
import csv, sys
from pydantic import BaseModel
from make_roster import HEADER
Row = type("Row", (BaseModel,), {"__annotations__": {name: str for name in HEADER}})
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for record in csv.DictReader(f):
        Row.model_validate(record)
"""
# Two bounds beside the floor, to tell what a design can reach. The least any per-row Python program does:
# read each row and write a line of it. And what any design that validates each row into a pydantic model
# and writes it out as JSON does: the floor plus one JSON line per row, nothing checked.
BOUND_LINE = """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in csv.reader(f):
        out.write(f'{{"name":"{r[0]}","status":"eligible"}}\\n')
"""
BOUND_JSON = """
import csv, sys
from pydantic import BaseModel
from make_roster import HEADER
Row = type("Row", (BaseModel,), {"__annotations__": {name: str for name in HEADER}})
with open(sys.argv[1], encoding="utf-8", newline="") as f, open(sys.argv[2], "wb") as out:
    for record in csv.DictReader(f):
        out.write(Row.model_validate(record).model_dump_json().encode() + b"\\n")
"""
# For a workbook the floor reads it with the same reader the tool uses (calamine), and validates likewise.
FLOOR_XLSX = """
import sys
from python_calamine import CalamineWorkbook
from pydantic import BaseModel
from make_roster import HEADER
Row = type("Row", (BaseModel,), {"__annotations__": {name: str for name in HEADER}})
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows()
header = [str(cell) for cell in next(rows)]
for values in rows:
    Row.model_validate({k: "" if v is None else str(v) for k, v in zip(header, values)})
"""
# A folder of workbooks, one for each street, as a province's rosters arrive: each read the same way.
FLOOR_FOLDER = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
from pydantic import BaseModel
from make_roster import HEADER
Row = type("Row", (BaseModel,), {"__annotations__": {name: str for name in HEADER}})
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows()
    header = [str(cell) for cell in next(rows)]
    for values in rows:
        Row.model_validate({k: "" if v is None else str(v) for k, v in zip(header, values)})
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident megabytes of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=HERE.parent)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):  # 1: the roster has findings, as a real one does
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{errors}")
    return wall, usage.ru_maxrss / 1024


def startup(command: list[str], times: int = 7) -> tuple[float, float]:
    """The median wall seconds of a short command run several times (one start-up is at the machine's mercy),
    and the largest peak."""
    runs = [measure(command) for _ in range(times)]
    return statistics.median(wall for wall, _ in runs), max(peak for _, peak in runs)


def compiled() -> None:
    """The tool's modules compiled to bytecode, as `pip install .` leaves them. An editable install on a
    machine that sets PYTHONDONTWRITEBYTECODE (this project's does) would otherwise compile every module at
    every start, a tenth of a second that no installed tool spends."""
    import eligibility

    compileall.compile_dir(Path(eligibility.__file__).parent, quiet=1)


def files(n: int, xlsx: bool, streets: bool = False) -> tuple[Path, Path]:
    roster, communities = DATA / f"roster-{n}.csv", DATA / f"communities-{n}.csv"
    if (
        not roster.exists()
        or (xlsx and not roster.with_suffix(".xlsx").exists())
        or (streets and not (DATA / f"streets-{n}").exists())
    ):
        print(f"generating {n:,} candidates…", file=sys.stderr)
        flags = (["--xlsx"] if xlsx else []) + (["--streets"] if streets else [])
        subprocess.run(
            [sys.executable, str(HERE / "make_roster.py"), str(n), "--out", str(DATA), *flags],
            check=True,
            stdout=subprocess.DEVNULL,  # it prints the path it wrote; the table of results stays whole
        )
    return roster, communities


def row(label: str, n: int, wall: float, peak: float, floor: float | None) -> None:
    ratio = f"{wall / floor:6.2f}×" if floor else "      –"
    print(f"{label:<34} {n:>10,} {wall:9.2f} s {n / wall:>12,.0f}/s {ratio} {peak:9.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--xlsx-size", type=int, default=100_000, help="rows of the workbook run (0: none)")
    parser.add_argument(
        "--folder-size",
        type=int,
        default=100_000,
        help="candidates of the folder run, a workbook a street (0: none)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="processes for the --jobs run")
    args = parser.parse_args()
    env_path = os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])
    os.environ["PYTHONPATH"] = env_path
    out = DATA / "out"
    out.mkdir(parents=True, exist_ok=True)

    compiled()
    print(f"{'run':<34} {'records':>10} {'wall':>11} {'rate':>14} {'÷floor':>7} {'peak':>12}")
    help_wall, help_peak = startup([*ELIGIBILITY, "--help"])
    row("eligibility --help (median of 7)", 0, help_wall, help_peak, None)
    small = DATA / "roster-10.csv"
    if not small.exists():
        files(10, False)
    ten_wall, ten_peak = startup(
        [*ELIGIBILITY, "check", str(small), "--format", "jsonl", "-o", str(out / "10.jsonl")]
    )
    row("check, 10 rows (median of 7)", 10, ten_wall, ten_peak, None)

    jsonl_walls: dict[int, float] = {}
    for n in args.sizes:
        roster, communities = files(n, False)
        check = [*ELIGIBILITY, "check", str(roster), "--communities", str(communities)]
        floor, floor_peak = measure([sys.executable, "-c", FLOOR_CSV, str(roster)])
        row("floor: csv + pydantic", n, floor, floor_peak, floor)
        wall, peak = measure([sys.executable, "-c", BOUND_LINE, str(roster), str(out / "bound.txt")])
        row("bound: csv, a line out per row", n, wall, peak, floor)
        wall, peak = measure([sys.executable, "-c", BOUND_JSON, str(roster), str(out / "bound.jsonl")])
        row("bound: floor + JSON line per row", n, wall, peak, floor)
        wall, peak = measure([*check, "--format", "jsonl", "-o", str(out / "report.jsonl")])
        jsonl_walls[n] = wall
        row("check --format jsonl", n, wall, peak, floor)
        wall, peak = measure(
            [*check, "--format", "jsonl", "--jobs", str(args.jobs), "-o", str(out / "jobs.jsonl")]
        )
        row(f"check --format jsonl --jobs {args.jobs}", n, wall, peak, floor)
        wall, peak = measure([*check, "--format", "json", "-o", str(out / "report.json")])
        row("check --format json", n, wall, peak, floor)

    if args.xlsx_size:
        n = args.xlsx_size
        roster, communities = files(n, True)
        workbook = roster.with_suffix(".xlsx")
        floor, floor_peak = measure([sys.executable, "-c", FLOOR_XLSX, str(workbook)])
        row("floor: xlsx (calamine) + pydantic", n, floor, floor_peak, floor)
        wall, peak = measure(
            [
                *ELIGIBILITY,
                "check",
                str(workbook),
                "--communities",
                str(communities),
                "--format",
                "jsonl",
                "-o",
                str(out / "xlsx.jsonl"),
            ]
        )
        row("check .xlsx --format jsonl", n, wall, peak, floor)

    if args.folder_size:
        n = args.folder_size
        _, communities = files(n, False, streets=True)
        folder = DATA / f"streets-{n}"
        floor, floor_peak = measure([sys.executable, "-c", FLOOR_FOLDER, str(folder)])
        row(f"floor: {len(list(folder.glob('*.xlsx'))):,} workbooks + pydantic", n, floor, floor_peak, floor)
        check = [*ELIGIBILITY, "check", str(folder), "--communities", str(communities), "--format", "jsonl"]
        wall, peak = measure([*check, "-o", str(out / "folder.jsonl")])
        row("check folder --format jsonl", n, wall, peak, floor)
        wall, peak = measure([*check, "--jobs", str(args.jobs), "-o", str(out / "folder-jobs.jsonl")])
        row(f"check folder jsonl --jobs {args.jobs}", n, wall, peak, floor)

    sizes = sorted(jsonl_walls)
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        print(
            f"growth: {high:,} took {jsonl_walls[high] / jsonl_walls[low]:.1f}× the time of {low:,} "
            f"({high / low:.0f}× the records)"
        )


if __name__ == "__main__":
    main()
