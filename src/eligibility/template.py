"""An empty roster to fill in: the rule set's columns under their Chinese headers, as .xlsx or .csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from eligibility.errors import EligibilityError, Location, OptionError, display_path, unwritable_reason
from eligibility.messages import place_terms
from eligibility.roster.columns import ROSTER_COLUMNS
from eligibility.roster.workbook import INSTRUCTIONS_SHEET
from eligibility.ruleset.loader import Policy, load_ruleset

# Where each core column goes in the template: who, where, what post, then the rule set's own fields.
ORDER = (
    "street",
    "community",
    "name",
    "gender",
    "id_number",
    "birth_date",
    "political_status",
    "education",
    "roles",
    "election_date",
)
# Cells typed as text so Excel keeps an 18-digit ID number and writes dates as they are typed.
TEXT_COLUMNS = ("id_number", "birth_date", "election_date")
TEMPLATE_ROWS = 2000
# The street column's note by the rule set's header for it, with a name of that kind: a village's township is a
# 镇 or 乡, and 东湖街道 was the example its officer was given.
STREET_NOTES = {"街道": "街道或乡镇，如 东湖街道", "乡镇": "乡镇，如 青山镇"}


def template_columns(policy: Policy) -> list[tuple[str, str, str]]:
    """(canonical name, Chinese header, note for the officer) of each column, in template order."""
    core = {c.name: c for c in ROSTER_COLUMNS}
    # The example is the rule set's own principals (党组织书记、村委会主任 for a village): a community's roles,
    # typed into a village roster as the note said, were unknown to its rule set.
    principals = [role.zh for role in policy.file.vocabularies.roles.values() if role.principal][:2]
    example = "、".join(principals) or "、".join(
        r.zh for r in list(policy.file.vocabularies.roles.values())[:2]
    )
    # The places as the rule set heads them: a village's 乡镇 and 村表, a community's 街道 and 社区表.
    places = policy.file.vocabularies.places
    table = dict(place_terms(places.street, places.community))["table"].zh
    notes = {
        "name": "必填",
        "community": "必填",
        "roles": f"必填；一人多职用“、”分隔，如：{example}",
        "id_number": "18位身份证号，以文本录入",
        "birth_date": "如 1968-03-15；与身份证号不一致会被标为数据有误",
        "gender": "男 / 女",
        "education": "如 初中、高中、中专、大专、本科",
        "election_date": f"可空；空则用{table}或规则集的选举日",
        "street": STREET_NOTES.get(places.street, "") or f"{places.street}名称",
        "political_status": "如 中共党员、共青团员、群众",
        # The remark rules read it against the columns: said, or a remark looks like a note to no one.
        "remarks": "可空；写到应在本表某栏填写的情况（如被剥夺政治权利、违建），该栏未填时会提示核对",
    }
    # A village's roster heads its places 乡镇 and 村, as its rule set says; a community's 街道 and 社区.
    headers = {name: core[name].zh for name in ORDER} | {
        "street": places.street,
        "community": places.community,
    }
    columns = [(name, headers[name], notes.get(name, "")) for name in ORDER]
    for name, spec in policy.fields_read.items():
        if spec.type == "bool" and spec.blank == "unknown":
            columns.append((name, spec.zh, "是 / 否，必填：空白表示未答复，规则无法检查"))
            continue
        kind = {
            "bool": "是 / 否，空表示否",
            "dates": "日期，可填多个，用“、”分隔",
            "date": "日期",
            "list": "可填多个，用“、”分隔",
            "number": "数字，如 3",
        }.get(spec.type, "")
        columns.append((name, spec.zh, notes.get(name, kind)))
    return columns


def write_template(path: Path, rules: str | Path | None = None, *, force: bool = False) -> None:
    """Write the template, making its folder as `check --output` does; an existing file is kept unless `force`."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise OptionError("template-type", Location(display_path(path)))
    if path.is_dir():
        # Before "the file exists": --force would not make a folder a file.
        raise OptionError("template-is-folder", Location(display_path(path)))
    if path.exists() and not force:
        raise OptionError("template-exists", Location(display_path(path)))
    policy = load_ruleset(rules)
    columns = template_columns(policy)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n").writerow([zh for _, zh, _ in columns])
            # With a BOM, Excel on Chinese Windows opens UTF-8 as UTF-8 instead of guessing GBK.
            path.write_text(buffer.getvalue(), encoding="utf-8-sig")
        else:
            _write_workbook(path, policy, columns)
    except OSError as err:
        raise _unwritable(path, err) from err


def _unwritable(path: Path, err: OSError) -> EligibilityError:
    """A template that cannot be written (no permission, a full disk), said with the file, as check's output is."""
    return EligibilityError(
        "path-unwritable", Location(display_path(path)), reason=unwritable_reason(path, err)
    )


def _write_workbook(path: Path, policy: Policy, columns: list[tuple[str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    words = policy.file.vocabularies
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "候选人"
    sheet.append([zh for _, zh, _ in columns])
    sheet.freeze_panes = "A2"
    choices = {
        "gender": ["男", "女"],
        "education": [level.zh for level in words.education],
        "roles": [role.zh for role in words.roles.values()],
    }
    for name, spec in policy.fields_read.items():
        if spec.type == "bool":
            choices[name] = ["是", "否"]
    for index, (name, zh, _) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[letter].width = max(10, len(zh) * 2 + 4) if name != "id_number" else 22
        if name in TEXT_COLUMNS:
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
        if name in choices:
            # A drop-down that still accepts other text: several roles in one cell stay possible.
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(choices[name]) + '"',
                allow_blank=True,
                showErrorMessage=False,
            )
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(rule)
    notes = book.create_sheet(INSTRUCTIONS_SHEET)
    notes.append(["列", "说明"])
    for _, zh, note in columns:
        notes.append([zh, note])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 60
    book.save(path)
