"""Write a synthetic roster of N candidates (and its communities file) for the benchmarks: `make_roster.py N`."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
from pathlib import Path

from eligibility.roster.normalise import check_character

HEADER = [
    "姓名",
    "性别",
    "身份证号",
    "出生年月",
    "文化程度",
    "政治面貌",
    "街道",
    "社区",
    "拟任职务",
    "计生违法日期",
    "两违",
    "综治问题",
    "被剥夺政治权利",
    "亲属",
]
# One community's proposed team, about 8 people: two principals (or one on both posts) and members.
TEAM = [
    ["党支部书记", "居委会主任"],
    ["党支部副书记"],
    ["党支部委员", "居委会副主任"],
    ["党支部委员"],
    ["居委会委员", "妇代会主任"],
    ["居委会委员"],
    ["居委会委员"],
    ["党支部委员", "居委会委员"],
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建国华红玉梅云飞志海波鹏"
EDUCATION = ["初中"] * 4 + ["高中"] * 30 + ["中专"] * 15 + ["大专"] * 30 + ["本科"] * 20 + ["研究生"]
PARTY = ["中共党员"] * 6 + ["群众"] * 3 + ["共青团员"]
# A party committee's seats are for full members (party-full-member): about 1 in 100 proposed is not one yet.
NOT_FULL_MEMBER = ["中共预备党员", "群众"]
WEIGHTS = (0, 1, 7, 3, 10, 10, 8, 10, 12, 14, 13, 10, 2)  # by age 20..80 in steps of 5: most are 35-60
ELECTION = dt.date(2006, 9, 30)
AREAS = ("350502", "350503", "350504", "350505", "350521", "350524", "350525", "350526")


def id_number(area: str, birth: dt.date, male: bool, sequence: int) -> str:
    """A synthetic ID number with a correct check character (GB 11643: odd sequence for a man)."""
    seq = 2 * (sequence % 499) + (1 if male else 2)
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    return body + check_character(body)


def birth_date(rng: random.Random) -> dt.date:
    band = rng.choices(range(len(WEIGHTS)), WEIGHTS)[0]
    age = 20 + 5 * band + rng.randrange(5)
    return ELECTION - dt.timedelta(days=365 * age + rng.randrange(365))


def rows(n: int, seed: int = 2006) -> tuple[list[list[str]], list[list[str]]]:
    """N roster rows (about 8 per community) and one communities row per community."""
    rng = random.Random(seed)
    roster: list[list[str]] = []
    communities: list[list[str]] = []
    index = 0
    while len(roster) < n:
        street = f"第{index // 12 + 1}街道"
        community = f"第{index + 1}社区"
        area = AREAS[index % len(AREAS)]
        communities.append([street, community, ELECTION.isoformat(), "5", "7"])
        names: list[str] = []
        for roles in TEAM[: min(len(TEAM), n - len(roster))]:
            male = "妇代会主任" not in roles and rng.random() < 0.6  # the women's director is a woman
            born = birth_date(rng)
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            written = rng.random()
            shown_birth = (
                born.isoformat()
                if written < 0.7
                else f"{born.year}.{born.month:02d}.{born.day:02d}"
                if written < 0.9
                else f"{born.year}年{born.month}月{born.day}日"
            )
            violation = ""
            if rng.random() < 0.01:
                violation = (ELECTION - dt.timedelta(days=rng.randrange(365 * 8))).isoformat()
            number = id_number(area, born, male, len(roster))
            if rng.random() < 0.002:  # a mistyped check character: a broken record
                number = number[:17] + ("0" if number[17] != "0" else "1")
            roster.append(
                [
                    name,
                    "男" if male else "女",
                    number,
                    shown_birth,
                    rng.choice(EDUCATION),
                    rng.choice(PARTY)
                    if not any(role.startswith("党") for role in roles)
                    else rng.choice(NOT_FULL_MEMBER)
                    if rng.random() < 0.01
                    else "中共党员",
                    street,
                    community,
                    "、".join(roles),
                    violation,
                    "是" if rng.random() < 0.005 else "否",
                    "是" if rng.random() < 0.005 else "否",
                    "是" if rng.random() < 0.001 else "否",
                    rng.choice(names) if names and rng.random() < 0.02 else "",
                ]
            )
            names.append(name)
        index += 1
    return roster, communities


def write_streets(roster: list[list[str]], folder: Path) -> None:
    """The roster as a province receives it: one workbook for each street (12 communities, about 96 people)."""
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    for street, people in itertools.groupby(roster, key=lambda row: row[HEADER.index("街道")]):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("候选人")
        sheet.append(HEADER)
        for row in people:
            sheet.append(row)
        book.save(folder / f"{street}.xlsx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help="number of candidates")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/data"), help="folder to write into")
    parser.add_argument("--xlsx", action="store_true", help="also write the roster as .xlsx")
    parser.add_argument(
        "--streets", action="store_true", help="also write it as a folder of workbooks, one for each street"
    )
    args = parser.parse_args()
    roster, communities = rows(args.n)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"roster-{args.n}"
    with (args.out / f"{stem}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(roster)
    with (args.out / f"communities-{args.n}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["街道", "社区", "选举日期", "党组织核定职数", "居委会核定职数"])
        writer.writerows(communities)
    if args.xlsx:
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("候选人")
        sheet.append(HEADER)
        for row in roster:
            sheet.append(row)
        book.save(args.out / f"{stem}.xlsx")
    if args.streets:
        write_streets(roster, args.out / f"streets-{args.n}")
    print(args.out / f"{stem}.csv")


if __name__ == "__main__":
    main()
