"""What would stay in Python if cells and rules were columns: the row loop of teams, ID register and lines.

    python benchmarks/remainder.py 100000     # after make_roster.py 100000 (run.py makes it too)

Every row without a problem is read, and its member answers worked out, before the clock starts, as a columnar
engine would have them; timed is what remains per row — find the community's team, note the ID number in the register, make the
member, write the line — and then the team rules as the row engine runs them. It sizes what a columnar engine
must also take out of Python to come near the floor.
"""

from __future__ import annotations

import tempfile
import time

from stages import opened

from eligibility.candidate import Member
from eligibility.report import NOTHING_OPEN, Serialised


def main() -> None:
    review, table = opened(__doc__)
    day = review.election_date
    prepared = []
    for raw in table.rows:
        person = review.reader.candidate(raw, table)
        packed = review.packed_id(person)
        if person.problems or not isinstance(packed, int):
            continue
        made = review.member(person, day, packed)  # its answers, as the columns would give them
        line = b'{"source":{"path":"roster.csv","row":%d},"status":"eligible","findings":[]}' % raw.source.row
        seat = (made.roles, made.bodies, made.answers, made.declared, made.age, made.education_rank)
        prepared.append((person.street, person.community, person.name, packed, raw.source, seat, line))
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        for street, community, name, packed, where, seat, line in prepared:
            team = review._team_of(street, community, day, where.path)
            if review._register(packed, where) is not None or team is None:
                continue
            member = Member(name, packed, *seat)
            team.roll.append(member.share(review._shared))
            result = Serialised(line, "eligible", NOTHING_OPEN)
            out.write(result.json)
            out.write(b"\n")
        loop = time.perf_counter() - started
    started = time.perf_counter()
    teams = sum(1 for _ in review.each_team())
    judged = time.perf_counter() - started
    print(f"row loop      {loop:6.2f} s {loop / len(prepared) * 1e6:6.1f} µs a row ({len(prepared):,} rows)")
    print(f"team rules    {judged:6.2f} s {judged / len(prepared) * 1e6:6.1f} µs a row ({teams:,} teams)")


if __name__ == "__main__":
    main()
