"""A probe, not the tool: how long a columnar engine (polars) would take over the same roster, to size the redesign.

    pip install polars            # not a dependency of eligibility: only this probe uses it
    python benchmarks/columnar_probe.py benchmarks/data/roster-1000000.csv

It reads the roster in batches and does, column by column, what `eligibility check` does row by row for the
bundled rule set community-2006: ID numbers checked (GB 11643 check character, birth date, sex), every other cell
normalised by the project's own normalisers — once per distinct spelling, not once per row — 周岁 on election
day, the seven candidate rules and a status, then the team counts (women, education and age structure, one
shoulder) per community, and one JSON line per candidate and per team written out. The rules are written here by
hand as polars expressions, as a compiler from the rule file would emit them; messages, evidence and the
unknown-fact answers are left out, so its output is not the report. It prints the time of each stage and the
peak memory, to set beside the floor of run.py.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from eligibility.roster.normalise import DateError, parse_date, parse_dates, split_list
from eligibility.ruleset.loader import load_ruleset
from eligibility.ruleset.vocab import Unknown

ELECTION = dt.date(2006, 9, 30)
BATCH = 100_000
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
STATUS = ("eligible", "review", "ineligible", "invalid")


class Stages:
    """Seconds spent in each stage, summed over the batches."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._at = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.spent[stage] = self.spent.get(stage, 0.0) + now - self._at
        self._at = now


def mapped(column: pl.Series, read: Callable[[Any], Any], dtype: pl.DataType) -> pl.Series:
    """Each distinct cell read once by the project's own normaliser, then spread over the rows."""
    distinct = column.unique()
    mapping = pl.DataFrame(
        {"cell": distinct, "value": pl.Series([read(cell) for cell in distinct.to_list()], dtype=dtype)}
    )
    joined = column.to_frame("cell").join(
        mapping, on="cell", how="left", nulls_equal=True, maintain_order="left"
    )
    return joined["value"]


def main() -> None:
    roster = Path(sys.argv[1])
    policy = load_ruleset("community-2006")
    words = policy.vocabulary
    principal = words.principal_roles
    window_start = ELECTION.replace(year=ELECTION.year - 5)

    def birth(cell: str | None) -> dt.date | None:
        try:
            read = parse_date(cell) if cell else None
        except DateError:
            return None
        return read[0] if read and read[0] == read[1] else None

    def rank(cell: str | None) -> int | None:
        found = words.level(cell) if cell else None
        return words.rank_of.get(found) if isinstance(found, str) else None

    def roles(cell: str | None) -> list[str]:
        return [
            r for w in split_list(cell) if not isinstance(found := words.roles(w), Unknown) for r in found
        ]

    def truth(cell: str | None) -> bool | None:
        return words.truth(cell) if cell else False

    def violation(cell: str | None) -> bool:
        try:
            dates = parse_dates(cell) if cell else ()
        except DateError:
            return False
        return any(window_start <= first and last <= ELECTION for first, last in dates or ())

    stages = Stages()
    started = time.perf_counter()
    rows = 0
    teams: list[pl.DataFrame] = []
    out = roster.with_suffix(".probe.jsonl").open("wb")
    batches = pl.scan_csv(roster, infer_schema=False).collect_batches(chunk_size=BATCH)
    stages.done("read")
    for df in batches:
        rows += df.height
        stages.done("read")
        ids = pl.col("身份证号").str.strip_chars()
        digits = [ids.str.slice(i, 1).cast(pl.Int32, strict=False) * w for i, w in enumerate(WEIGHTS)]
        check = (pl.sum_horizontal(digits) % 11).replace_strict(
            list(range(11)), list("10X98765432"), return_dtype=pl.String
        )
        df = df.with_columns(
            id_ok=ids.str.contains(r"^\d{17}[\dX]$") & (ids.str.slice(17, 1) == check),
            id_birth=ids.str.slice(6, 8).str.to_date("%Y%m%d", strict=False),
            id_male=ids.str.slice(16, 1).cast(pl.Int32, strict=False) % 2 == 1,
            masked=ids.str.slice(0, 6) + "********" + ids.str.slice(14, 4),
        )
        stages.done("ID numbers")
        df = df.with_columns(
            mapped(df["出生年月"], birth, pl.Date).alias("birth"),
            mapped(df["文化程度"], rank, pl.Int8).alias("rank"),
            mapped(df["拟任职务"], roles, pl.List(pl.String)).alias("roles"),
            mapped(df["两违"], truth, pl.Boolean).alias("two"),
            mapped(df["综治问题"], truth, pl.Boolean).alias("governance"),
            mapped(df["被剥夺政治权利"], truth, pl.Boolean).alias("deprived"),
            mapped(df["计生违法日期"], violation, pl.Boolean).alias("violation"),
        )
        stages.done("cells (distinct spellings)")
        born = pl.coalesce("id_birth", "birth")
        age = (
            ELECTION.year
            - born.dt.year()
            - ((born.dt.month() * 100 + born.dt.day()) > ELECTION.month * 100 + ELECTION.day).cast(pl.Int32)
        )
        is_principal = pl.col("roles").list.eval(pl.element().is_in(list(principal))).list.any()
        df = df.with_columns(age=age, principal=is_principal)
        ineligible = (
            (pl.col("age") < 18)
            | pl.col("deprived")
            | pl.col("violation")
            | pl.col("two")
            | pl.col("governance")
        )
        review = pl.col("principal") & ((pl.col("age") > 57) | (pl.col("rank") <= 2))
        invalid = ~pl.col("id_ok") | (pl.col("id_birth") != pl.col("birth")) | pl.col("rank").is_null()
        df = df.with_columns(
            status=pl.when(invalid)
            .then(pl.lit("invalid"))
            .when(ineligible)
            .then(pl.lit("ineligible"))
            .when(review)
            .then(pl.lit("review"))
            .otherwise(pl.lit("eligible"))
        )
        stages.done("candidate rules")
        df.select(
            type=pl.lit("candidate"),
            name=pl.col("姓名"),
            id_number=pl.col("masked"),
            street=pl.col("街道"),
            community=pl.col("社区"),
            roles=pl.col("roles"),
            status=pl.col("status"),
        ).write_ndjson(out)
        stages.done("write candidates")
        teams.append(
            df.group_by("街道", "社区").agg(
                members=pl.len(),
                women=(~pl.col("id_male")).sum(),
                educated=(pl.col("rank") >= 3).sum(),
                young=(pl.col("age") < 60).sum(),
                one_shoulder=(
                    pl.col("roles").list.contains("party_secretary")
                    & pl.col("roles").list.contains("committee_director")
                ).any(),
            )
        )
        stages.done("team counts")
    whole = (
        pl.concat(teams)
        .group_by("街道", "社区", maintain_order=True)
        .agg(pl.col("members", "women", "educated", "young").sum(), pl.col("one_shoulder").any())
        .with_columns(
            no_woman=pl.col("women") < 1,
            education_low=pl.col("educated") / pl.col("members") <= 0.5,
            age_high=pl.col("young") / pl.col("members") <= 0.5,
        )
    )
    whole.select(pl.lit("team").alias("type"), pl.all()).write_ndjson(out)
    out.close()
    stages.done("team rules and write")
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for stage, seconds in stages.spent.items():
        print(f"{stage:<28} {seconds:7.2f} s")
    print(f"{'total':<28} {wall:7.2f} s   {rows:,} rows, {rows / wall:,.0f}/s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
