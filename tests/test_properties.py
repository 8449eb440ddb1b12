"""Property tests: whatever text a cell holds, nothing escapes as an exception and no row goes missing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import string
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eligibility import check, load_ruleset
from eligibility.roster.normalise import DateError, clean, parse_date, parse_dates, read_id_number, split_list

COLUMNS = [
    "姓名",
    "身份证号",
    "性别",
    "出生年月",
    "文化程度",
    "社区",
    "拟任职务",
    "计生违法日期",
    "两违",
    "综治问题",
    "被剥夺政治权利",
    "亲属",
    "选举日期",
]
# Cell text as people type it: any printable character (CJK, full-width, emoji), line breaks and tabs, and the
# characters that matter to the readers — separators, quotes, brackets, digits, x.
_TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs"), max_codepoint=0x2FFFF),
        st.sampled_from(list("\n\t,，、;；/\"'（）()年月日.-xX0123456789是否男女" + string.digits)),
    ),
    max_size=24,
)
_LIKELY = st.sampled_from(
    [
        "",
        "11010119490930001X",
        "110101490930001",
        "1.10101E+17",
        "1968.03",
        "1968年3月15日",
        "2001-09-30",
        "党支部书记、居委会主任",
        "居委会委员",
        "高中（中专）",
        "是",
        "否",
        "√",
        "1949-09-30",
        "1968.03（57岁）",
    ]
)
CELL = st.one_of(_TEXT, _LIKELY)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.lists(CELL, min_size=0, max_size=len(COLUMNS) + 2), min_size=1, max_size=12))
def test_every_csv_row_is_a_candidate(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    # A row whose cells are all blank, or hold only characters that show nothing (a soft hyphen, a zero-width
    # space: README), is no data row; every other row must come back as a candidate, or as a footer said on the
    # file: none is dropped without a word.
    data_rows = sum(1 for row in rows if any(clean(cell) for cell in row))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        if data_rows == 0:
            return
        report = check([path])
    footers = [f for i in report.inputs for f in i.findings if f.rule == "row-footer"]
    assert len(report.candidates) + len(footers) == data_rows
    assert report.summary.candidates == len(report.candidates) == report.inputs[0].rows


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | CELL,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(CELL, inner, max_size=3),
    max_leaves=6,
)


@SETTINGS
@given(st.lists(st.fixed_dictionaries({c: JSON_VALUE for c in COLUMNS[:7]}), min_size=1, max_size=8))
# A mapping under a blank key in a cell was taken for records keyed by a name, and stopped the file.
@example([{c: None for c in COLUMNS[:6]} | {COLUMNS[6]: {"": {"拟任职位": None}}}])
def test_every_json_record_is_a_candidate(records: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        report = check([path])
    assert len(report.candidates) == len(records)


VOCABULARY = load_ruleset().vocabulary


@SETTINGS
@given(st.one_of(CELL, st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.none()))
def test_normalisers_answer_or_explain(cell: Any) -> None:
    read_id_number(cell)
    split_list(cell)
    for parse in (parse_date, parse_dates):
        with contextlib.suppress(DateError):
            parse(cell)
    text = "" if cell is None else str(cell)
    VOCABULARY.level(text)
    VOCABULARY.roles(text)
    VOCABULARY.truth(text)
    VOCABULARY.gender(text)


def test_a_row_of_characters_that_show_nothing_is_blank(tmp_path: Path) -> None:
    # Hypothesis found it: a soft hyphen alone was taken for a record by the test and for nothing by the tool.
    path = tmp_path / "roster.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n甲,,,,,青松社区,居委会委员\n\xad\n\u200b,\u200b\n", encoding="utf-8"
    )
    assert [c.name for c in check([path]).candidates] == ["甲"]


def test_a_mapping_in_a_records_roles_cell_is_that_cells_finding_not_a_group(tmp_path: Path) -> None:
    # Found by the property above: {'0': {'ROLES': None}} under 拟任职务 looked like a group of records
    # written as a record of a list, and the whole file stopped.
    path = tmp_path / "roster.json"
    path.write_text(
        '[{"姓名": "甲", "社区": "青松社区", "拟任职务": {"0": {"ROLES": null}}}]', encoding="utf-8"
    )
    [candidate] = check([path]).candidates
    assert "cell-is-mapping" in {f.rule for f in candidate.findings}
