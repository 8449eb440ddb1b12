"""Every message the tool says to a user, in Chinese and English, keyed by a stable id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# key: (zh, en). Placeholders are filled with str.format; a missing one is left visible rather than failing.
CATALOG: dict[str, tuple[str, str]] = {
    # options and files
    "option-election-date": (
        "选举日期“{value}”无法识别，应为 YYYY-MM-DD",
        "election date {value!r} is not a date; expected YYYY-MM-DD",
    ),
    "option-election-date-day": (
        "选举日期“{value}”不是有效的日期：{reason}",
        "election date {value!r} is no day: {reason}",
    ),
    "option-set": ("--set {value!r} 应写成 参数=值", "--set {value!r} must be PARAM=VALUE"),
    "option-set-unknown": (
        "规则集没有参数 {name!r}{suggestion}；可用的参数：{known}",
        "the rule set has no parameter {name!r}{suggestion}; known parameters: {known}",
    ),
    "option-set-unread": (
        "规则集的参数 {name!r} 没有规则用到（用到它的规则已停用或改写），--set 不改变任何结果；规则用到的参数：{used}",
        "no rule of the rule set uses parameter {name!r} (the rules that read it are disabled or replaced), so --set "
        "changes nothing; the rules use: {used}",
    ),
    "option-set-value": (
        "参数 {name} 的值 {value!r} 无法识别：应为{expected}",
        "parameter {name}: value {value!r} is not {expected}",
    ),
    "option-no-paths": (
        "没有给出要检查的名册：没有检查任何候选人",
        "no roster was given to check: no candidate was checked",
    ),
    "option-type": (
        "{name} 应为{expected}，不是 {value}",
        "{name} should be {expected}, not {value}",
    ),
    "option-output-suffix": (
        "没有一种报告格式写成 {suffix} 文件：请换个文件名（.csv、.xlsx、.json、.md …），或用 --format 指定"
        "格式（{formats}）",
        "no report format writes a {suffix} file: name it otherwise (.csv, .xlsx, .json, .md …) or give "
        "--format ({formats})",
    ),
    "option-jobs": (
        "进程数 {value!r} 应是不小于 1 的整数",
        "jobs {value!r} must be a whole number, 1 or more",
    ),
    "option-lang": (
        "语言 {value!r} 不可用；可用：{known}",
        "language {value!r} is not available; available: {known}",
    ),
    "option-overrides-loaded": (
        "参数覆盖须在加载规则集时给出（load_ruleset(…, overrides)）",
        "parameter overrides must be given when the rule set is loaded (load_ruleset(…, overrides))",
    ),
    "option-fail-on": (
        "失败等级 {value!r} 无法识别：应为 warning、review、ineligible 或 never",
        "fail-on level {value!r} is not one of warning, review, ineligible, never",
    ),
    "path-missing": ("找不到文件或文件夹", "no such file or folder"),
    "path-no-match": ("没有文件与这个通配符相符", "no file matches this pattern"),
    "workers-unstartable": (
        "无法启动 {jobs} 个检查进程：{reason}；请减小 --jobs（通常不超过 CPU 核数）",
        "cannot start {jobs} worker processes: {reason}; use a smaller --jobs (usually no more than the CPU cores)",
    ),
    "worker-stopped": (
        "第 {worker} 个检查进程意外退出（退出码 {code}）；请不加 --jobs（脚本中为 jobs=）再试",
        "worker process {worker} stopped unexpectedly (exit code {code}); try again without --jobs (jobs= in a "
        "script)",
    ),
    "usage-no-such-option": ("没有 {option} 这个选项", "there is no option {option}"),
    "usage-no-such-command": ("没有 {name} 这个命令", "there is no command {name}"),
    "usage-needs-value": ("{option} 后面要写一个值", "{option} needs a value after it"),
    "usage-extra": ("多了参数：{arguments}", "unexpected arguments: {arguments}"),
    "usage-missing": ("缺少 {name}", "{name} is missing"),
    "usage-choice": ("{option} 只能是 {choices} 之一", "{option} must be one of {choices}"),
    "usage-bad-value": ("{option} 的值不对：{reason}", "{option} has a value that cannot be used: {reason}"),
    "usage-other": ("命令行有误：{reason}", "the command line is wrong: {reason}"),
    "usage-help": ("用法见 {command} --help", "see {command} --help"),
    "output-is-input": (
        "是要检查的文件（{input}）：报告会覆盖它，请另给一个文件名",
        "is a file the check reads ({input}): the report would replace it; name another file",
    ),
    "output-is-folder": (
        "是文件夹：请给出要写入报告的文件名",
        "is a folder: name a file to write the report to",
    ),
    "path-unwritable": ("无法写入：{reason}", "cannot be written: {reason}"),
    "ruleset-not-file": ("是文件夹，不是规则文件", "is a folder, not a rule file"),
    "path-unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "folder-empty": ("文件夹中没有名册文件（{suffixes}）", "the folder holds no roster file ({suffixes})"),
    "folder-empty-unknown": (
        "文件夹中没有名册文件（{suffixes}），只有本工具不认识的文件：{files}；如果其中有名册，请把它改名为 .csv 或 .xlsx",
        "the folder holds no roster file ({suffixes}), only files of a type the tool does not know: {files}; if "
        "one of them is a roster, rename it .csv or .xlsx",
    ),
    "run-terminated": (
        "检查被中止（收到 SIGTERM，如 CI 任务被取消或超时），没有写出报告",
        "the check was stopped (SIGTERM: a CI job cancelled or timed out); no report was written",
    ),
    "run-terminated-partial": (
        "检查被中止（收到 SIGTERM，如 CI 任务被取消或超时），标准输出上的报告只写了一部分，不完整",
        "the check was stopped (SIGTERM: a CI job cancelled or timed out); the report on standard output stops "
        "short and is not whole",
    ),
    "folder-nobody-checked": (
        "文件夹中没有一名候选人可检查：其中的文件都不是名册（说明、信函、扫描件、设置表），或名册只有表头",
        "no candidate in the folder to check: its files are no rosters (notes, letters, scans, settings tables), or "
        "rosters with a header alone",
    ),
    "file-type": (
        "不支持的文件类型 {suffix!r}；支持：{suffixes}",
        "unsupported file type {suffix!r}; supported: {suffixes}",
    ),
    "file-type-none": (
        "文件没有扩展名，内容也不像名册（开头没有姓名、{kind}等列）；支持：{suffixes}。如果它是名册，请按它保存时的格式改名",
        "the file has no extension and does not look like a roster (no 姓名, 社区 or like columns at its start); "
        "supported: {suffixes}. If it is a roster, rename it by the format it was saved in",
    ),
    "file-encoding": ("文件不是 UTF-8 编码：{reason}", "the file is not UTF-8: {reason}"),
    "file-empty": ("文件是空的，没有表头", "the file is empty: no header row"),
    "file-parse": ("文件无法解析：{reason}", "the file cannot be parsed: {reason}"),
    "file-duplicate-key": (
        "键“{name}”在同一处写了两次（第一次在第 {first} 行）；YAML 只会留下后一个，其内容会被悄悄丢掉，请合并或删去一个",
        "key {name!r} appears twice in one mapping (first at line {first}); YAML would keep only the last and "
        "silently drop the other: merge them or remove one",
    ),
    "file-duplicate-key-json": (
        "键“{name}”在同一个对象中写了两次；JSON 只会留下后一个，其内容会被悄悄丢掉，请合并或删去一个",
        "key {name!r} appears twice in one object; JSON would keep only the last and silently drop the other: "
        "merge them or remove one",
    ),
    "file-records-aside": (
        "“{name}”下有 {count} 条记录，但该键不会被读取，这些记录将被漏掉；记录应写在 {expected} 之下",
        "the {count} records under {name!r} would not be read, as that key is not one the check reads; records go "
        "under {expected}",
    ),
    "file-group-in-list": (
        "名册是一列记录，其中一条记录的“{name}”下又有 {count} 条记录，它们不会被读取；按{kind}分组的名册应写成 "
        "communities: [{{{kind}: …, candidates: [...]}}]",
        "the roster is a list of records, and one of them holds {count} records under {name!r}, which would not "
        "be read; a roster grouped by community is written communities: [{{community: …, candidates: [...]}}]",
    ),
    "file-key-spellings": (
        "同一处同时写了 {names}，它们是同一个键的不同写法；只会读取其中一个，请合并为一个",
        "{names} are written side by side, and mean the same key; only one would be read: merge them into one",
    ),
    "file-seats-beside-communities": (
        "{keys} 写在 communities 旁边：核定职数是各{kind}自己的，请写进每个{kind}",
        "{keys} is written beside communities: approved seats are each community's; write them in each community",
    ),
    "file-shape": ("内容结构不对：{expected}", "unexpected structure: {expected}"),
    "file-no-rows": ("文件有表头，但没有一行数据", "the file has a header but no data rows"),
    "file-no-records": (
        "文件里没有一条候选人记录（列表是空的）",
        "the file holds no candidate records (the list is empty)",
    ),
    "file-binary": ("不是文本表格，像是二进制文件", "is a binary file, not a text table"),
    "file-encrypted": (
        "是设有打开密码的加密工作簿，无法读取；请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿）后另存",
        "is a workbook encrypted with an opening password and cannot be read; remove the password in Excel "
        "(File → Info → Protect Workbook) and save it again",
    ),
    "file-workbook-other": (
        "是本工具不读取的表格文件（{suffix}，如 WPS 表格 .et、带宏的 .xlsm）；请在 WPS 或 Excel 中另存为 .xlsx",
        "is a spreadsheet the tool does not read ({suffix}: a WPS .et, a macro .xlsm); save it as .xlsx in WPS or "
        "Excel",
    ),
    "file-document": (
        "是文字处理文档（{suffix}），不是表格；请把其中的名册表格复制到 Excel 或 WPS 表格，另存为 .xlsx",
        "is a word-processing document ({suffix}), not a table; copy the roster's table into Excel or WPS and save "
        "it as .xlsx",
    ),
    "file-xls": (
        "是旧版 Excel 97-2003（.xls）工作簿；请在 Excel 中另存为 .xlsx",
        "is an old Excel 97-2003 .xls workbook; save it as .xlsx in Excel",
    ),
    "file-not-xlsx": (
        "扩展名是 .xlsx，但内容不是 Excel 工作簿",
        "is named .xlsx but is not an Excel workbook",
    ),
    "file-is-xlsx": (
        "扩展名是 .{suffix}，但内容是 Excel 工作簿；请改名为 .xlsx",
        "is named .{suffix} but is an Excel workbook; rename it to .xlsx",
    ),
    "file-encoding-changed": (
        "这一行有无法按检测到的编码 {encoding} 读取的字节（{reason}）；文件可能混用了编码（从别的文件粘贴来的内容），"
        "请改正这一行或把文件统一另存为 UTF-8；整个文件都是另一种编码时，用 --encoding 指定",
        "this line holds bytes ({reason}) that cannot be decoded as {encoding}, the encoding detected; the file "
        "may mix encodings (text pasted from another file): correct the line or save the file again as UTF-8, "
        "or, if the whole file is in another encoding, name it with --encoding",
    ),
    "file-encoding-given": (
        "这一行无法按指定的编码 {encoding} 读取（字节 {reason}）；请检查 --encoding 是否写对",
        "cannot be decoded as {encoding}, the encoding given (bytes {reason}); check --encoding",
    ),
    "encoding-unknown": ("未知的编码 {encoding!r}", "unknown encoding {encoding!r}"),
    "settings-control-character": (
        "{column}列中有不可显示的字符 {code}（多为从其他系统复制时带入）；请重新录入该格",
        "column {column} holds {code}, a control character (usually carried over from another system); enter "
        "the cell again",
    ),
    "communities-twice": (
        "{kind}“{community}”在{first_place}已经出现过：同一{kind}只能写一行，用的是{first_place}的选举日期和职数",
        "community {community!r} is already on {first_place}: give each community one row; the election day and "
        "seats of {first_place} were used",
    ),
    "communities-twice-in-roster": (
        "{kind}“{community}”在{kind}列表中写了两次；请合并为一处，否则后一处的职数和选举日期会悄悄取代前一处",
        "community {community!r} is written twice in the communities listed; merge them, or the second's seats "
        "and election day would silently replace the first's",
    ),
    "encoding-unusable": (
        "无法按编码 {encoding!r} 读取：{reason}；请换一种编码，或不加 --encoding 由程序识别",
        "cannot be read as {encoding!r}: {reason}; name another encoding, or leave out --encoding to detect it",
    ),
    "file-yaml-merge": (
        "使用了 YAML 合并键（<<）；合并时后写的键会悄悄覆盖先写的，名册不需要它：请把各个键直接写出",
        "uses a YAML merge key (<<), which lets one key silently replace another; a roster never needs one: "
        "write the keys out",
    ),
    "file-too-deep": ("嵌套超过 {depth} 层", "is nested more than {depth} levels deep (too deeply nested)"),
    "file-yaml-alias": (
        "使用了 YAML 别名（*）；名册不需要别名，出于安全不予读取",
        "uses YAML aliases (*), which a roster never needs and are refused for safety",
    ),
    "file-cell-too-long": (
        "单元格超过 {limit} 个字符",
        "a cell is longer than {limit} characters (too long)",
    ),
    "sheet-is-chart": (
        "工作表“{sheet}”是图表，没有单元格可读；工作表：{sheets}",
        "sheet {sheet!r} is a chart, with no cells to read; sheets: {sheets}",
    ),
    "sheet-missing": (
        "没有名为“{sheet}”的工作表；工作表：{sheets}",
        "no sheet named {sheet!r}; sheets: {sheets}",
    ),
    "sheet-too-large": (
        "工作表的使用范围达 {rows} 行 × {columns} 列（A–{last} 列，最远的单元格：{cells}），"
        "超过可读取的 {limit} 个单元格；请删除名册表格以外远处的这些零散单元格（选中表格右侧的列、下方的行，整列整行删除），保存后再试",
        "the sheet's used range is {rows} rows × {columns} columns (A to {last}; farthest cells: {cells}), "
        "more than the {limit} cells that can be read; delete those stray cells far outside the roster's table (select the "
        "columns to its right and the rows below it and delete them whole), save, and try again",
    ),
    "no-roster-sheet": (
        "没有一个工作表像候选人名册（需要 姓名、{kind}、拟任职务 列）；工作表：{sheets}",
        "no sheet looks like a roster (with columns name, community, roles); sheets: {sheets}",
    ),
    "column-unknown": (
        "未知的列“{header}”{suggestion}，已忽略",
        "unknown column {header!r}{suggestion}, ignored",
    ),
    "columns-unknown": (
        "未知的列 {header}（{count}列），已忽略",
        "{count} unknown columns ({header}), ignored",
    ),
    "column-not-read": (
        "列“{header}”没有规则读取（读它的规则在本规则集停用或改写了），未读取",
        "no rule reads column {header!r} (the rules that read it are disabled or replaced in this rule set); not read",
    ),
    "column-not-read-again": (
        "第 {line} 行又写了一遍表头，多出“{header}”列，没有规则读取它：其下各行的这一列未读取",
        "line {line} writes the header again with a column {header!r} added, which no rule reads: it is not read on "
        "the rows under it",
    ),
    "column-misspelt": (
        "未知的列“{header}”{suggestion}，未读取；名册因此没有{column}列，要用到它的检查都没有做：请改正表头",
        "unknown column {header!r}{suggestion} was not read, so the roster has no {column} column and every "
        "check that needs it went undone: correct the header",
    ),
    "rows-above-header": (
        "表头在第 {header_line} 行；其上第 {lines} 行有多个单元格，未作为候选人读取：若是候选人，请改正上面的表头",
        "the header is on line {header_line}; line(s) {lines} above it hold several cells and were not read as "
        "candidates: if they are, correct the header above them",
    ),
    "roles-of-other-ruleset": (
        "{rows} 行中有 {count} 行的职务（{posts}）不是规则集 {ruleset} 的职务，而是内置规则集 {other} 的：这份名册若是"
        "按 {other} 换届，请加 --rules {other} 再查",
        "{count} of {rows} rows hold posts ({posts}) that rule set {ruleset} does not know but the bundled rule set "
        "{other} does: if this roster's election is one {other} is for, check it again with --rules {other}",
    ),
    "id-number-excel-likely": (
        "{column}第 {lines} 行的号码末三位是 000，校验位相符；但本列第 {damaged} 行已被 Excel 改坏，这些号码多半也是"
        "（Excel 把身份证号存成数字，只留 15 位有效数字，末三位成了 000，每 11 个中有 1 个校验位碰巧相符）；请把该列设为"
        "文本后，照身份证重新录入",
        "{column} on line(s) {lines} ends in 000 with a check character that fits, but Excel damaged the same "
        "column on line(s) {damaged}, so these most likely are damaged too (stored as a number, an ID number keeps "
        "15 significant digits and ends in 000; one in 11 fits its check character by chance); set the column to "
        "text and type the numbers again from the ID cards",
    ),
    "community-filled-down": (
        "第 {lines} 行没有写{kind}，班子检查时按上一行计入 {community}（合并的单元格另存为 CSV 后常这样）；请在这些行补上{kind}",
        "line(s) {lines} leave the community blank and were counted in {community}'s team, as the row above (a "
        "merged cell saved as CSV leaves it so); write the community on those rows",
    ),
    "row-footer": (
        "第 {line} 行（“{text}”，单元格 {cell}）是表尾、合计或说明，不是候选人，未作为候选人检查",
        "line {line} ({text!r}, cell {cell}) is a footer, a total or a note, not a candidate, and was not checked as "
        "one",
    ),
    "row-table-title": (
        "第 {line} 行（“{text}”，单元格 {cell}）在第 {header_line} 行重写的表头之上，是下一张表的标题或上一张表的表尾，"
        "不是候选人，未作为候选人检查",
        "line {line} ({text!r}, cell {cell}) stands above the header written again on line {header_line}: the title "
        "of the table under it or the footer of the one above, not a candidate, and was not checked as one",
    ),
    "file-only-footer": (
        "表头下只有表尾或合计，没有一名候选人：是空白的模板吗？",
        "there is only a footer or a total under the header, not one candidate: is this a blank template?",
    ),
    "approval-rule-disabled": (
        "{file} 第 {line} 行的批复所批的规则 {rule} 已在 {where} 停用，这条批复未用",
        "the approval at {file} line {line} is for rule {rule}, which {where} disables: not used",
    ),
    "settings-row-unread": (
        "{file} 第 {line} 行未读取：{why}。这一行已略过，不算数",
        "{file} line {line} was not read: {why}. The row was passed over, and counts for nothing",
    ),
    "remark-column-missing": (
        "备注写有{mentioned}，名册却没有{column}这一列，该项未经检查（见未检查的规则）：备注是名册里唯一说到它的地方；"
        "请核实，并在名册加上该列如实填写",
        "the remarks say {mentioned} but the roster has no {column} column, so that bar was not checked (see the "
        "rules not checked): the remark is the only word on it in the roster; check it, and add the column with "
        "its answer",
    ),
    "approval-row-unread": (
        "；{file} 第 {line} 行是此人的批复，但未能读取，未计入",
        "; {file} line {line} is this person's approval, but could not be read, and was not counted",
    ),
    "settings-row-unread-named": (
        "{file} 第 {line} 行（{name}的批复）未读取：{why}。这一行已略过，不算数",
        "{file} line {line} ({name}'s approval) was not read: {why}. The row was passed over, and counts for nothing",
    ),
    "settings-row-footer": (
        "{file} 第 {line} 行（“{text}”）是合计或表尾，不是一条设置，未读取",
        "{file} line {line} ({text!r}) is a total or a footer, not a setting, and was not read",
    ),
    "settings-column-unknown": (
        "{file} 里有未知的列“{header}”{suggestion}，已忽略",
        "unknown column {header!r} in {file}{suggestion}, ignored",
    ),
    "settings-columns-unknown": (
        "{file} 里有未知的列 {header}（{count}列），已忽略",
        "{count} unknown columns in {file} ({header}), ignored",
    ),
    "settings-column-duplicate": (
        "{file} 里的列“{header}”与“{used}”同为 {canonical}，只读取了“{used}”",
        "column {header!r} in {file} means {canonical} like {used!r}; only {used!r} was read",
    ),
    "folder-only-settings": (
        "文件夹中只有{table}或批复表，没有名册：没有检查任何候选人；{table}和批复表请用 --communities、--approvals 给出",
        "the folder holds only a communities or approvals table, no roster: no candidate was checked; give those "
        "tables with --communities and --approvals",
    ),
    "settings-is-roster": (
        "是候选人名册（有姓名和拟任职务两列），不是{table}或批复表；名册请作为要检查的文件给出",
        "is a roster of candidates (it has names and the posts proposed), not a communities or approvals table; "
        "give a roster as a file to check",
    ),
    "table-is-folder": (
        "是文件夹：{table}和批复表各是一个文件（.csv、.xlsx 等）",
        "is a folder: the communities and approvals tables are one file each (.csv, .xlsx, …)",
    ),
    "column-duplicate": (
        "列“{header}”与“{used}”同为 {canonical}，两列都读取，读作一个值（是否题任一列为“是”即为是；日期、职务、"
        "亲属两列合在一起；其余两列写得不一致时，在那一行说明）",
        "column {header!r} means {canonical} like {used!r}; both are read as one value (for a yes/no, a yes in "
        "either; dates, posts and relatives from both; anything else, a row where the two disagree says so)",
    ),
    "community-not-in-settings": (
        "{table} {file} 里没有 {community}{suggestion}：其选举日和核定职数未用上，按名册或默认的选举日检查",
        "the communities file {file} has no {community}{suggestion}: its election day and seats were not used, "
        "and it was checked on the roster's or the default election day",
    ),
    "roster-seats-not-settings": (
        "名册给 {community} 的{column}是 {given}，{table}第 {settings_line} 行核定的却是 {approved}：已按{table}的 {approved} 检查",
        "the roster gives {community} {given} for {column}, but line {settings_line} of the communities table approves "
        "{approved}: checked against the table's {approved}",
    ),
    "roster-seats-differ": (
        "{file} 给 {community} 的{column}是 {given}，另一份名册给的是 {other}：以哪个为准不明，按不明处理",
        "{file} gives {community} {given} for {column}, another roster {other}: which holds is not known, so the "
        "seats are taken as unknown",
    ),
    "roster-seats-no-settings": (
        "名册给 {community} 的{column}是 {given}，但{table} {file} 没有按名册的写法为 {community} 核定这一职数："
        "核定职数以{table}为准，名册的未用，按不明处理",
        "the roster gives {community} {given} for {column}, but the communities file {file} approves no such seats "
        "for {community} as the roster writes it: approved seats come from that file, so the roster's were not "
        "used and are taken as unknown",
    ),
    "community-settings-unread": (
        "{table} {file} 第 {settings_line} 行是 {community} 的，但这一行未能读取：其选举日和核定职数未用上，按名册或默认的选举日检查",
        "line {settings_line} of the communities file {file} is {community}'s, but could not be read: its election day "
        "and seats were not used, and it was checked on the roster's or the default election day",
    ),
    "community-settings-elsewhere": (
        "{table}里没有 {community}，只有第 {settings_line} 行的 {settings}：{place}的写法不同？其选举日和核定职数未用于 {community}",
        "the communities file has no {community}, only {settings} on line {settings_line}: is the street written another "
        "way? Its election day and seats were not used for {community}",
    ),
    "community-settings-other-street": (
        "{table}里没有 {community}：第 {settings_line} 行的 {settings} 是另一个{place}的同名{kind}，其选举日和核定职数未用于 "
        "{community}，按名册或默认的选举日检查；如是同一个{kind}，请在{table}里按名册写它的{place}",
        "the communities file has no row for {community}: {settings} on line {settings_line} is another street's "
        "community of that name, so its election day and seats were not used for {community}, and it was "
        "checked on the roster's or the default election day; if they are one community, write its street in "
        "the table as the roster does",
    ),
    "community-written-apart": (
        "{communities} 看来是同一个{kind}的 {count} 种写法，已作为 {count} 个班子分别审查，班子意见只就各自的人而言：请统一写法",
        "{communities} look like one community written {count} ways; each was judged as a team of its own, its "
        "team findings only of its own rows: write the name one way",
    ),
    "community-settings-street": (
        "{table}第 {settings_line} 行的 {settings} 与名册的 {community} 看作同一个{place}的同一个{kind}，用了其选举日和核定职数：请统一{place}的写法",
        "line {settings_line} of the communities file, {settings}, was taken for the roster's {community}, its street "
        "written another way: its election day and seats were used; write the street one way",
    ),
    "street-written-apart": (
        "{community} 的{place}有 {count} 种写法：{streets}；是同一个{place}，已作为一个班子审查：请统一写法",
        "the street of {community} is written {count} ways: {streets}; they are one street, and were judged as one "
        "team: write it one way",
    ),
    "street-rows": ("第 {lines} 行", "line(s) {lines}"),
    "street-rows-people": ("{count} 人", "{count} people"),
    "street-rows-other": ("其余各行", "the other rows"),
    "street-spelled": ("{street}（{rows}）", "{street} ({rows})"),
    "street-undecided": (
        "{streets} 各有一个 {name}，看不出是否同一个{place}：已按所写分开审查，合为一个班子时结论不同的班子意见为无法判断；"
        "请核对{place}并统一写法",
        "{name} is written under {streets}, and whether they are one street cannot be told: each was judged as "
        "written, and a team finding that would differ judged as one team is undecided; check the street and write "
        "it one way",
    ),
    "team-from-several-files": (
        "{community} 的行来自 {count} 个文件，不止一个文件提名了{posts}：已作为一个班子审查；如是不同{place}的同名{kind}，"
        "请在名册上加上“{place}”列，如是同一个{kind}，请核对为何提名了不止一人",
        "the rows of {community} come from {count} files, and more than one of them proposes its {posts}: they were "
        "judged as one team; if they are two places of one name in different {place}s, add a {place} column to the "
        "rosters, and if one place, check why more than one is proposed",
    ),
    "team-from-several-files-blank": (
        "{community} 的行来自 {count} 个文件，不止一个文件提名了{posts}：已作为一个班子审查；如是不同{place}的同名{kind}，"
        "请在名册上填上留空的“{place}”列，如是同一个{kind}，请核对为何提名了不止一人",
        "the rows of {community} come from {count} files, and more than one of them proposes its {posts}: they were "
        "judged as one team; if they are two places of one name in different {place}s, fill in the {place} column "
        "the rosters leave blank, and if one place, check why more than one is proposed",
    ),
    "posts-proposed": ("{post}（{files}）", "{post} ({files})"),
    "relative-not-on-team": (
        "{name} 申报的亲属“{relative}”不在{community}的候选人名单中，未核对回避；如其在此参选，请核对姓名或身份证号",
        "relative “{relative}” declared by {name} is not on the roster of {community} and was not checked; if they "
        "stand there, check the name or ID number",
    ),
    "ruleset-not-in-effect": (
        "选举日 {days} 不在规则集 {ruleset} 的适用期（{start} 至 {end}）内；请确认这是本次换届的规则集（--rules）",
        "election day {days} is outside the dates rule set {ruleset} applies between ({start} to {end}); make sure "
        "it is this round's rule set (--rules)",
    ),
    "ruleset-not-in-effect-late": (
        "选举日 {days} 晚于规则集 {ruleset} 的适用期（{start} 至 {end}）：换届逾期了吗？若是另一届换届，请用那一届的规则集（--rules）",
        "election day {days} is after the dates rule set {ruleset} applies between ({start} to {end}): has the "
        "election run late? If it is another round's, use that round's rule set (--rules)",
    ),
    "sheet-not-workbook": (
        "--sheet {sheet} 只对 Excel 工作簿有效；这个文件不是工作簿，已整个读取",
        "--sheet {sheet} applies to workbooks only; this file is not one and was read whole",
    ),
    "sheet-hidden": (
        "工作表“{sheet}”在 Excel 中是隐藏的，其中的候选人照常检查；如不是本次名册，请删去这张表",
        "sheet {sheet!r} is hidden in Excel; its candidates were checked as the others — if it is not part of this "
        "roster, delete the sheet",
    ),
    "column-hidden": (
        "{column} 列“{header}”在 Excel 中是隐藏的，照常读取、参与审查；如不该用，请删去这一列",
        "column {column} ({header}) is hidden in Excel and was read as the others, its values judged; if it should "
        "not count, delete the column",
    ),
    "community-from-sheet": (
        "工作表没有“{column}”列，按工作表名“{title}”把其中的候选人都算作 {place} 的；如不对，请加上“{column}”列",
        "the sheet has no {column} column; its candidates were taken to be of {place}, as the sheet is named "
        "{title!r} — if that is wrong, add a {column} column",
    ),
    "community-from-file": (
        "表中没有“{column}”列，按文件名“{title}”把其中的候选人都算作 {place} 的；如不对，请加上“{column}”列",
        "the table has no {column} column; its candidates were taken to be of {place}, as the file is named "
        "{title!r} — if that is wrong, add a {column} column",
    ),
    "street-from-sheet": (
        "工作表没有“{column}”列，按工作表名“{title}”把其中的候选人都算作 {place} 的；如不对，请加上“{column}”列",
        "the sheet has no {column} column; its candidates were taken to be of {place}, as the sheet is named "
        "{title!r} — if that is wrong, add a {column} column",
    ),
    "street-from-file": (
        "表中没有“{column}”列，按文件名“{title}”把其中的候选人都算作 {place} 的；如不对，请加上“{column}”列",
        "the table has no {column} column; its candidates were taken to be of {place}, as the file is named "
        "{title!r} — if that is wrong, add a {column} column",
    ),
    "street-from-sheet-blank": (
        "工作表的“{column}”列留空的行，按工作表名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "the rows whose {column} is left blank were taken to be of {place}, as the sheet is named {title!r} — "
        "if that is wrong, fill in their {column}",
    ),
    # A table's rows, named (a YAML or JSON roster's records have no row a spreadsheet shows).
    "street-from-sheet-blank-rows": (
        "工作表第 {lines} 行的“{column}”列留空，按工作表名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "line(s) {lines}, whose {column} is left blank, were taken to be of {place}, as the sheet is named "
        "{title!r} — if that is wrong, fill in their {column}",
    ),
    "street-from-folder": (
        "表中没有“{column}”列，按所在文件夹名“{title}”把其中的候选人都算作 {place} 的；如不对，请加上“{column}”列",
        "the table has no {column} column; its candidates were taken to be of {place}, as its folder is named "
        "{title!r} — if that is wrong, add a {column} column",
    ),
    "street-from-folder-blank": (
        "表中“{column}”列留空的行，按所在文件夹名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "the rows whose {column} is left blank were taken to be of {place}, as its folder is named {title!r} — "
        "if that is wrong, fill in their {column}",
    ),
    "street-from-folder-blank-rows": (
        "表中第 {lines} 行的“{column}”列留空，按所在文件夹名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "line(s) {lines}, whose {column} is left blank, were taken to be of {place}, as its folder is named "
        "{title!r} — if that is wrong, fill in their {column}",
    ),
    "street-from-file-blank": (
        "表中“{column}”列留空的行，按文件名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "the rows whose {column} is left blank were taken to be of {place}, as the file is named {title!r} — "
        "if that is wrong, fill in their {column}",
    ),
    "street-from-file-blank-rows": (
        "表中第 {lines} 行的“{column}”列留空，按文件名“{title}”算作 {place} 的；如不对，请填上这些行的“{column}”",
        "line(s) {lines}, whose {column} is left blank, were taken to be of {place}, as the file is named "
        "{title!r} — if that is wrong, fill in their {column}",
    ),
    "rows-in-pivot": (
        "工作表“{sheet}”第 {first}–{last} 行是数据透视表（名单的汇总），不是候选人，未读取",
        "lines {first}–{last} of sheet {sheet!r} are a pivot table (a summary of the roster), not candidates, and "
        "were not read",
    ),
    "sheet-is-pivot": (
        "这是数据透视表（名单的汇总），读它会把名单上的人再算一遍",
        "it is a pivot table (a summary of the roster): read, it would count the roster's people again",
    ),
    "sheet-skipped": (
        "工作表“{sheet}”不是名册，未读取：{reason_zh}",
        "sheet {sheet!r} is not a roster and was not read: {reason}",
    ),
    "sheet-skipped-instructions": (
        "工作表“{sheet}”是模板的填表说明，未读取",
        "sheet {sheet!r} holds the template's instructions and was not read",
    ),
    "sheet-settings-not-read": (
        "工作表“{sheet}”有设置表的列（{kind}、选举日期、核定职数或批复），但未能读取，其中各行都没有用上：{reason_zh}",
        "sheet {sheet!r} has columns of a settings table (community, election day, seats or approvals), but could "
        "not be read, so none of its rows was used: {reason}",
    ),
    "sheet-roster-not-read": (
        "工作表“{sheet}”像是名册（有姓名、身份证号、出生年月或拟任职务列，或第一行就是一个人的记录），但未能读取，"
        "其中的候选人都没有检查：{reason_zh}",
        "sheet {sheet!r} looks like a roster (it has a column of names, ID numbers, birth dates or posts, or its first "
        "row is a person's record), but could not be read, so none of its candidates was checked: {reason}",
    ),
    "file-utf8-lines-in-gbk": (
        "文件是 GBK 编码，但第 {lines} 行是按 UTF-8 写入的（从别的文件粘贴来的），已按 UTF-8 读取；请把文件统一另存为一种编码",
        "the file is in GBK, but line(s) {lines} were written in UTF-8 (pasted from another file) and were read "
        "as UTF-8; save the file again in one encoding",
    ),
    "file-given-as-table": (
        "已用 {option} 指定，不作为名册读取",
        "given with {option}, so not read as a roster",
    ),
    "file-is-communities": (
        "这是{table}，不是名册：请用 --communities 指定它，而不是作为名册检查",
        "this is a communities table, not a roster: give it with --communities rather than as a roster to check",
    ),
    "file-is-report": (
        "这是本工具写出的审查报告，不是名册：请检查名册本身",
        "this is a report this tool wrote, not a roster: check the roster itself",
    ),
    "file-is-approvals": (
        "这是审批表，不是名册：请用 --approvals 指定它，而不是作为名册检查",
        "this is an approvals table, not a roster: give it with --approvals rather than as a roster to check",
    ),
    "file-skipped-communities": (
        "这是{table}，不是名册，未作为名册读取；请用 --communities 指定",
        "this is a communities table, not a roster, so it was not read as one; give it with --communities",
    ),
    "file-skipped-approvals": (
        "这是审批表，不是名册，未作为名册读取；请用 --approvals 指定",
        "this is an approvals table, not a roster, so it was not read as one; give it with --approvals",
    ),
    "file-skipped-report": (
        "这是本工具写出的审查报告，不是名册，未作为名册读取；报告请存到名册文件夹以外",
        "this is a report this tool wrote, not a roster, so it was not read as one; keep reports outside the "
        "rosters' folder",
    ),
    "file-skipped-document": (
        "这是文字处理文档，里面没有名册样的表格（没有“姓名”和“职务”），未作为名册读取；如果名册在里面，请复制到 Excel，另存为 .xlsx",
        "a word-processing document with no roster's table in it (no 姓名 beside 职务), not read as a roster; if a "
        "roster is in it, copy it into Excel and save it as .xlsx",
    ),
    "file-skipped-text": (
        "这个 .txt 文件不是候选人的表格（没有姓名、身份证号、拟任职务等列），未作为名册检查",
        "this .txt file is no table of candidates (no 姓名, 身份证号 or 拟任职务 column), not checked as a roster",
    ),
    "file-skipped-type": (
        "这是扫描件、图片或压缩包（{type}），本工具不读取，未作为名册检查；如果里面有候选人，请把名册另存为 .xlsx 或 .csv 放进文件夹",
        "a scan, picture or archive ({type}) the tool does not read, not checked as a roster; if candidates are in "
        "it, put their roster in the folder as .xlsx or .csv",
    ),
    "file-skipped-unknown-type": (
        "本工具不认识这种文件（{why}），未作为名册读取，其中如有候选人都没有检查；如果它是要检查的名册，请按它保存时的格式改名为 .csv 或 .xlsx",
        "a file of a type the tool does not know ({why}), not read as a roster: any candidates in it were not "
        "checked; if it is a roster to check, rename it .csv or .xlsx, whichever it was saved as",
    ),
    "file-skipped-rules": (
        "这是规则文件，不是名册，未作为名册读取；规则文件请用 --rules 指定",
        "this is a rule file, not a roster, so it was not read as one; give it with --rules",
    ),
    "file-given-twice": (
        "这个文件前面已经给出过（{first}），只检查一次",
        "this file was given already ({first}): it is checked once",
    ),
    "header-reordered": (
        "第 {line} 行又写了一遍表头，列的顺序与上面不同（{headers} 换了位置）：其下各行按这一行的表头读取，请核对",
        "line {line} writes the header again with its columns in another order ({headers} moved): the rows under "
        "it are read by it; check them",
    ),
    "column-all-blank": (
        "“{header}”列 {rows} 行全部空白，空白按“{read_as}”读取，读它的规则（{rules}）按人人都是“{read_as}”判断；"
        "若这一列其实未填写，请逐行填写后再查",
        "column {header} is blank on all {rows} rows, and a blank reads as {read_as}: the rules reading it ({rules}) "
        "judged everyone as answering {read_as}; if the column was never filled in, answer it on every row and "
        "check again",
    ),
    "file-no-extension": (
        "这个文件没有扩展名，内容是名册，已按 {format} 读取检查；请改名加上 .{format}",
        "this file has no extension but holds a roster: it was read and checked as {format}; rename it with "
        ".{format}",
    ),
    "file-copy-of": (
        "这个文件与 {first} 内容完全相同（同一份名册存了两份？），只检查一次",
        "this file holds the very same bytes as {first} (one roster saved twice?): it is checked once",
    ),
    "file-no-candidates": (
        "文件里没有候选人：{reason}；其余的文件照常检查",
        "no candidates in this file: {reason}; the other files were checked",
    ),
    "file-broken-midway": (
        "第 {line} 行起无法读取：{reason}；此后的行都没有检查，此前的 {rows} 行已检查；文件夹里其余的文件照常检查",
        "cannot be read from line {line} on: {reason}; the rows after it were not checked, the {rows} before it "
        "were; the folder's other files were checked",
    ),
    "file-unread": (
        "未能作为名册读取，其中的候选人都没有检查：{reason}；文件夹里其余的文件照常检查",
        "not read as a roster, so none of its candidates were checked: {reason}; the folder's other files were "
        "checked",
    ),
    "column-missing": (
        "缺少必需的列 {zh}（{canonical}）{suggestion}；找到的列：{found}",
        "required column {canonical} ({zh}) is missing{suggestion}; columns found: {found}",
    ),
    # rule files
    "ruleset-unknown": (
        "没有名为 {name!r} 的内置规则集{suggestion}；内置：{known}",
        "no bundled rule set named {name!r}{suggestion}; bundled: {known}",
    ),
    "ruleset-file-missing-bundled": (
        "找不到这个文件；要用内置规则集，写 {name}（只写名字，不带 .yaml 和路径）",
        "no such file; for the bundled rule set, write {name} (its name alone, without .yaml or a path)",
    ),
    "ruleset-parent-missing": (
        "extends 指向的文件不存在：{path}（路径相对于本规则文件）{bundled}",
        "extends: no such file: {path} (a path is relative to this rule file){bundled}",
    ),
    "ruleset-cycle": ("extends 形成了循环：{chain}", "extends goes round in a circle: {chain}"),
    "ruleset-changed": (
        "规则文件在检查过程中被改动了；请重新运行检查",
        "the rule file changed while the check was running; run the check again",
    ),
    "ruleset-broken-by-change": (
        "本文件的改动使它所继承的 {parent} 出错：{reason}",
        "this file's changes make {parent}, which it builds on, wrong: {reason}",
    ),
    "ruleset-param-unused": (
        "parameters.{name}：没有规则用到这个参数{suggestion}；规则用到的参数：{used}",
        "parameters.{name}: no rule uses this parameter{suggestion}; the rules use: {used}",
    ),
    "ruleset-field-unused": (
        "fields.{name}：没有规则用到这个字段{suggestion}；漏写了规则，还是规则里的名字拼错了？",
        "fields.{name}: no rule uses this field{suggestion}; is a rule missing, or its name misspelt in one?",
    ),
    "ruleset-param-unread-here": (
        "parameters.{name}：本规则集没有规则再用到这个参数（所继承文件里用到它的规则在这里停用或改写了），设它不改变任何结果{suggestion}；"
        "规则用到的参数：{used}",
        "parameters.{name}: no rule of this rule set uses this parameter any more (the rules of the file it builds on "
        "that read it are disabled or replaced here), so setting it changes nothing{suggestion}; the rules use: {used}",
    ),
    "ruleset-param-undated": (
        "参数 {name} 在 {day} 还没有生效的取值",
        "parameter {name} has no value in force on {day}",
    ),
    "ruleset-param-undated-at": (
        "参数 {name} 在选举日 {day} 还没有生效的取值：它的第一个取值 {first} 才生效；请加一个更早生效的取值（from: 更早的日期），"
        "或改 election_date",
        "parameter {name} has no value in force on election day {day}: its first takes effect on {first}; add a value "
        "from an earlier day, or change election_date",
    ),
    "ruleset-param-value-dead": (
        "{field}：这个取值只在 {span} 生效，全在本文件的适用期（effective：{period}）之外，本文件适用的选举都用不到它"
        "（只有另定选举日、得到 ruleset-not-in-effect 意见的检查才用）：年份写错了吗？另一届的取值请写在那一届的规则文件里",
        "{field}: this value is in force {span} only, wholly outside the file's effective period ({period}), so no "
        "election this file is for uses it (only a check given another election day, with a ruleset-not-in-effect "
        "finding, would): is its year mistyped? Another round's value belongs in that round's rule file",
    ),
    "ruleset-extends-one": (
        "extends 只写一个规则集的名字或文件路径（它自己的 extends 可以再接一个）",
        "extends names one rule set, by name or path (whose own extends may name another)",
    ),
    "ruleset-yaml": ("YAML 语法错误：{reason}", "YAML syntax error: {reason}"),
    "ruleset-yaml-quote": (
        "这里打开的引号直到第 {end} 行才闭合，其间各行都被读成了一个值；是不是少了一个引号？（YAML：{reason}）",
        "the quote opened here is closed only on line {end}, so the lines between were read as one value: is a "
        "closing quote missing? (YAML: {reason})",
    ),
    "ruleset-invalid": ("{field}：{reason}", "{field}: {reason}"),
    "ruleset-duplicate-key": (
        "键“{field}”写了两次（第一次在第 {first} 行）；YAML 只会留下后一个，请删去一个",
        "key {field!r} appears twice (first at line {first}); YAML would keep only the last: remove one",
    ),
    "ruleset-unknown-name": (
        "{field}：未知的{what}“{name}”{suggestion}；可用：{known}",
        "{field}: unknown {what} {name!r}{suggestion}; known: {known}",
    ),
    "ruleset-bad-value": ("{field}：{reason}", "{field}: {reason}"),
    "cell-invalid": ("{field} 列：{reason}", "column {field}: {reason}"),
    "ruleset-parent-not-rules": (
        "extends 指向的 {path} 不是规则文件：规则文件是一个 YAML 映射（键: 值），而它{found}",
        "extends: {path} is not a rule file: a rule file is a YAML mapping (key: value), and it {found}",
    ),
    "ruleset-too-deep": (
        "{field}：条件嵌套超过 {depth} 层（真实的规则不过几层）；请改写得简单些",
        "{field}: conditions are nested more than {depth} levels deep (a real rule needs a handful); write it "
        "more simply",
    ),
    "template-is-folder": (
        "是文件夹：请给出要写入空白名册的文件名",
        "is a folder: name a file to write the empty roster to",
    ),
    "rules-bundled": ("{name}（内置）", "{name} (bundled)"),
    "rules-list-counts": ("{rules} 条规则\t{tests} 个用例", "{rules} rules\t{tests} tests"),
    "rules-test-no-row": (
        "{key}：用例里没有这一行，也没有这个{kind}",
        "{key}: no such row or community in the case",
    ),
    "rules-test-unknown-header": (
        "{table} 里的“{header}”不是已知的列{suggestion}，用例没有检查它",
        "{header!r} in {table} is no known column{suggestion}; the case checked nothing by it",
    ),
    "rules-test-differs": ("{key}：应为 {expected}，实际为 {got}", "{key}: expected {expected}, got {got}"),
    "rules-test-none": (
        "NONE {path}：没有测试用例，什么也没有检查；请写 tests（见 docs/rules.md 第 10 节）",
        "NONE {path}: no test cases, so nothing was checked; write tests (docs/rules.md, section 10)",
    ),
    "rules-test-none-extends": (
        "NONE {path}：没有测试用例，什么也没有检查；它 extends 的 {parent} 的用例不继承（改过参数、规则后未必还成立），"
        "请在本文件写自己的 tests（见 docs/rules.md 第 10 节）",
        "NONE {path}: no test cases, so nothing was checked; the cases of {parent}, which it extends, are not "
        "inherited (they need not hold after its changes): write this file's own tests (docs/rules.md, section 10)",
    ),
    "rules-test-summary": ("通过 {passed} 个，失败 {failed} 个", "{passed} passed, {failed} failed"),
    "rules-test-summary-none": (
        "通过 {passed} 个，失败 {failed} 个；{empty} 个文件没有测试用例",
        "{passed} passed, {failed} failed; {empty} file{s} with no test cases",
    ),
    # findings on records (severity invalid)
    "required-missing": ("必填列“{column}”为空", "required column {column} is blank"),
    "political-status-unknown": (
        "{column}“{value}”不是规则集所列的政治面貌（{expected}）：按政治面貌判断的规则无法检查，请按所列写法填写",
        "{column} {value!r} is none of the rule set's political statuses ({expected}): a rule on it cannot decide; "
        "write it as listed",
    ),
    "name-with-number": (
        "{column}“{value}”里除了姓名还有一串数字（身份证号、电话？）：姓名栏只写姓名，号码写在它自己的列",
        "{column} {value!r} holds a run of digits beside the name (an ID or telephone number?): give the name alone, "
        "and the number in its own column",
    ),
    "name-several": (
        "{column}“{value}”写了不止一个人：每位候选人一行，各填各的身份证号、出生年月和拟任职务",
        "{column} {value!r} names more than one person: one row for each candidate, each with their own ID number, "
        "birth date and post",
    ),
    "same-as-above": (
        "{column}写的是“{value}”，不是名称：排序、筛选或分表后“同上”就指错了行；班子检查时按上一行计入（如紧接其下），请写明",
        "{column} says {value!r}, no name: once rows are sorted, filtered or split, “as above” means another row; "
        "counted with the row right above it for the team checks, if any; write the name",
    ),
    "date-after-election": (
        "{column}“{value}”晚于选举日 {election_date}：名册在选举前报送，不会有选举日之后的日期，是否写错了年份？请核实改正",
        "{column} {value!r} is after election day {election_date}: a roster made before its election holds no "
        "later date; a year mistyped? Check and correct it",
    ),
    "name-not-a-name": (
        "{column}“{value}”不是人名（是数字、日期或是/否）：列错位了？请填写候选人的姓名",
        "{column} value {value!r} is no person's name (a number, a date or a yes/no): has a column shifted? Give "
        "the candidate's name",
    ),
    "id-number-format": (
        "{column}“{value}”不是身份证号：应为 18 位（末位可为 X）或 15 位数字",
        "{column} value {value!r} is not an ID number: expected 18 characters (last may be X) or 15 digits",
    ),
    "id-number-excel": (
        "{column}“{value}”已被 Excel 改坏（{damage}）；请把该列设为文本后重新录入",
        "{column} value {value!r} was damaged by Excel ({damage}); set the column to text and enter it again",
    ),
    # What Excel did to an ID number (id-number-excel's {damage}).
    "excel-damage-number": ("以数字形式保存，只留下 15 位有效数字", "stored as a number"),
    "excel-damage-scientific": ("变成了科学计数法", "scientific notation"),
    "excel-damage-zeros": ("末三位变成了 000", "last three digits became 000"),
    "id-number-checksum": (
        "{column}“{value}”校验位错误：应为 {expected}",
        "{column} value {value!r} has a wrong check character: expected {expected}",
    ),
    "id-number-birth": (
        "{column}“{value}”中的出生日期 {digits} 不存在",
        "{column} value {value!r} holds a birth date {digits} that does not exist",
    ),
    "id-number-birth-year": (
        "{column}“{value}”中的出生年份 {year} 早于 1900 年，不可信（常是 19 误写成 18）；请核对身份证",
        "{column} value {value!r} gives a birth year of {year}, before 1900, which cannot be right (often 18 "
        "typed for 19); check it against the ID card",
    ),
    "id-number-area": (
        "{column}“{value}”的地区码 {area} 不在 GB/T 2260 中，请核对",
        "{column} value {value!r} has area code {area}, unknown to GB/T 2260; please verify",
    ),
    "date-invalid": (
        "{column}“{value}”不是日期：应为 1968-03-15、1968.3.15、1968年3月15日、19680315 或 1968年3月 等写法",
        "{column} value {value!r} is not a date: expected 1968-03-15, 1968.3.15, 1968年3月15日, 19680315, 1968年3月 …",
    ),
    "date-invalid-masked": (
        "{column}“{value}”不是日期（数字已隐去，以免还原身份证号；请看名册该格，或加 --show-pii）：应为 1968-03-15、"
        "1968.3.15、1968年3月15日、19680315 或 1968年3月 等写法",
        "{column} value {value!r} is not a date (its digits are hidden, so that the ID number cannot be worked out: "
        "see the cell in the roster, or use --show-pii): expected 1968-03-15, 1968.3.15, 1968年3月15日, 19680315, "
        "1968年3月 …",
    ),
    "date-invalid-day": (
        "{column}“{value}”不是某一天：应为 2006-09-30、2006.9.30、2006年9月30日 或 20060930 等写法",
        "{column} value {value!r} is not one day: expected 2006-09-30, 2006.9.30, 2006年9月30日, 20060930 …",
    ),
    "date-impossible": (
        "{column}“{value}”不可能：{reason}",
        "{column} value {value!r} is impossible: {reason}",
    ),
    "date-impossible-in-id": (
        "{column}中的出生日期“{value}”不可能：{reason}",
        "the birth date {value!r} in the {column} is impossible: {reason}",
    ),
    "birth-date-mismatch": (
        "{column}为 {value}，与身份证号中的出生日期 {expected} 不一致",
        "{column} is {value} but the ID number says {expected}",
    ),
    "birth-date-mismatch-months": (
        "{column}为 {value}（1月或10月），与身份证号中的出生日期 {expected} 不一致",
        "{column} is {value} (January or October) but the ID number says {expected}",
    ),
    "birth-date-mismatch-masked": (
        "{column}为 {value}，与身份证号中的出生日期 {expected} 不一致（日期只显示年份，以免还原身份证号；"
        "请看名册该格，或加 --show-pii）",
        "{column} is {value} but the ID number says {expected} (dates show their year only, so that the ID "
        "number cannot be worked out: see the cell in the roster, or use --show-pii)",
    ),
    "gender-mismatch": (
        "{column}为 {value}，与身份证号（{expected}）不一致",
        "{column} is {value} but the ID number says {expected}",
    ),
    # The number ends in 000 (a woman's, sequence x00) as Excel leaves an 18-digit number it stored as a number.
    "gender-mismatch-excel": (
        "{column}为 {value}，与身份证号（{expected}）不一致：身份证号末三位是 000，多半是 Excel 改坏的（{damage}，"
        "校验位碰巧相符）；请把身份证号列设为文本后，照身份证重新录入；号码无误时，再核对{column}",
        "{column} is {value} but the ID number says {expected}: the number ends in 000, most likely damaged by "
        "Excel ({damage}; the check character fits by chance); set the ID number column to text and type the "
        "number again from the ID card; if it is right, check {column}",
    ),
    "gender-unknown": (
        "{column}“{value}”无法识别：应为 {expected}",
        "{column} value {value!r} is not recognised: expected {expected}",
    ),
    "education-unknown": (
        "{column}“{value}”不是已知的文化程度{suggestion}；可用：{expected}",
        "{column} value {value!r} is not a known education level{suggestion}; known: {expected}",
    ),
    "role-unknown": (
        "{column}中的职务“{value}”无法识别{suggestion}；可用：{expected}",
        "{column}: role {value!r} is not recognised{suggestion}; known: {expected}",
    ),
    "yes-no-unknown": (
        "{column}“{value}”应为 是/否（可写：{expected}）",
        "{column} value {value!r} must be yes or no ({expected})",
    ),
    "yes-no-unanswered": (
        "{column}仍是表格的填写提示“{value}”，没有作答：请填写 是 或 否",
        "{column} still holds the form's prompt {value!r}, unanswered: write yes or no",
    ),
    "number-invalid": ("{column}“{value}”不是数字", "{column} value {value!r} is not a number"),
    "number-negative": (
        "{column}“{value}”小于 0：年数、人数没有负的，是不是占位的写法或写错了？请填写实际的数",
        "{column} {value!r} is below 0: no count of years or people is; a placeholder, or a slip? Write the number",
    ),
    "row-too-long": (
        "该行有 {value} 个单元格，多于表头的 {expected} 列，数据可能错位",
        "the row has {value} cells, more than the {expected} columns of the header; cells may have shifted",
    ),
    "row-too-short": (
        "该行只有 {value} 个单元格，少于表头的 {expected} 列，数据可能错位",
        "the row has only {value} cells, fewer than the {expected} columns of the header; cells may have shifted",
    ),
    "cell-utf8-in-gbk": (
        "{column}是按 UTF-8 写入的（文件其余部分是 {encoding}，按它读作“{as_read}”），已按 UTF-8 读作“{value}”；"
        "请把文件统一另存为一种编码",
        "{column} was written in UTF-8 in a {encoding} file (read as {as_read!r} in that), read as UTF-8: "
        "{value!r}; save the file again in one encoding",
    ),
    "cell-undecodable": (
        "{column}中有无法按 {encoding} 读取的字节，已显示为 �（该格的字节：{value}）；文件可能混用了编码，"
        "请统一另存为 UTF-8",
        "{column} holds bytes that cannot be decoded as {encoding}, shown as � (the cell's bytes: {value}); "
        "the file may mix encodings: save it again as UTF-8",
    ),
    "election-date-not-settings": (
        "{column}写的是 {value}，{table}给本{kind}的选举日却是 {other}；已按 {other} 审查，请改正其中一个",
        "{column} says {value}, but the communities table gives this community's election day as {other}; "
        "judged on {other}: correct one of them",
    ),
    "election-date-not-team": (
        "{column}写的是 {value}，本{kind}前面的行却是按 {other} 选举的；已按 {other} 审查，请改正其中一个",
        "{column} says {value}, but this community's earlier rows vote on {other}; judged on {other}: correct "
        "one of them",
    ),
    "election-date-not-team-blank": (
        "{column}写的是 {value}，本{kind}前面的行没有写选举日，已按 {other} 审查；本行也按 {other} 审查，"
        "请在本{kind}每一行写同一个选举日（或在{table}里写）",
        "{column} says {value}, but this community's earlier rows leave it blank and were judged on {other}; "
        "judged on {other} too: write one day on every row of the community (or in the communities file)",
    ),
    "cell-is-list": (
        "{column}应是一个值，却写成了列表 {value}，未读取；请只写一个值",
        "{column} should hold one value but holds a list, {value}; not read: write one value",
    ),
    "cell-is-mapping": (
        "{column}应是一个值，却写成了键值对 {value}，未读取；请只写一个值",
        "{column} should hold one value but holds a mapping, {value}; not read: write one value",
    ),
    "cell-item-nested": (
        "{column}中有一项写成了 {value}（列表或键值对），未读取；每一项应是一个值",
        "an item of {column} is written as {value}, a list or mapping; not read: each item should be one value",
    ),
    "file-delimiter": (
        "文件是 .{suffix} 文件，各列之间却是用“{delimiter}”分隔的（不是“{named}”），已按“{delimiter}”读取",
        "the file is a .{suffix} file but its columns are separated by '{delimiter}', not '{named}'; read as "
        "separated by '{delimiter}'",
    ),
    "cell-excel-error": (
        "{column}是 Excel 的错误值 {value}，不是数据，无法据此审查；请改正该格的公式或重新录入",
        "{column} holds Excel's error value {value}, not data, so the row cannot be judged on it; fix the "
        "cell's formula or enter the value again",
    ),
    "cell-excel-error-text": (
        "{column}是 Excel 的错误值 {value}，不是文字：该格要写的情况无从读到，本行其余各列照常审查；请改正该格的公式或重新录入",
        "{column} holds Excel's error value {value}, not text: what the cell was to say cannot be read, and the rest "
        "of the row is checked as usual; fix the cell's formula or enter the text again",
    ),
    "cell-formula-unsaved": (
        "{column}是公式 {value}，但文件里没有保存它的计算结果（文件由不计算公式的程序生成）；"
        "请用 Excel 或 WPS 打开后重新保存，或直接填入值",
        "{column} is the formula {value}, but the file holds no saved result for it (it was written by a "
        "program that does not calculate); open and save it again in Excel or WPS, or enter the value",
    ),
    # A team count's leave_out: barred, said where it left anyone out ({women_left_out_said}).
    "left-out": ("（不计不能提名的{names}）", " (not counting {names}, who cannot be nominated)"),
    "id-number-legacy": (
        "{column}“{value}”是 15 位的旧号码，已按 18 位的 {number} 审查（报告中也这样写）；请换成 18 位号码",
        "{column} value {value!r} is a legacy 15-digit number: checked as the 18-digit {number}, as the report "
        "writes it; replace it with the 18-digit number",
    ),
    "id-number-blank": (
        "{column}为空：出生日期和性别无从与身份证号核对，同一人写在两行也查不出；请补上身份证号",
        "{column} is blank: the birth date and sex cannot be checked against the ID number, nor one person on two "
        "rows be found; fill in the ID number",
    ),
    "column-values-differ": (
        "{column}与同义的列 {headers} 写着不同的值：{value}；请只留一列，或改成一致",
        "{column} and the column(s) {headers} of the same meaning hold different values: {value}; keep one "
        "column, or make them agree",
    ),
    "row-not-a-candidate": (
        "这一行不像候选人的记录（没有姓名、{kind}和拟任职务，或写着表尾的字样）：“{value}”；如是候选人，请把姓名、"
        "{kind}、拟任职务等各项填进各自的列；如是表尾或说明，请删去，或移到表格以外",
        "the row does not read as a candidate's (no name, community or post, or a footer's words): {value!r}; if it "
        "is a candidate, put its name, community, post and the rest each in its column; if it is a footer or a "
        "note, delete it or move it out of the table",
    ),
    "row-struck": (
        "第 {value} 行的姓名加了删除线（常用来表示此人已不是候选人），照常检查；如此人已不是候选人，请从名册中删去这一行",
        "the name on row {value} is struck through (how an office often marks someone withdrawn) and was checked as "
        "the others; if this person is no longer a candidate, delete the row from the roster",
    ),
    "row-hidden": (
        "第 {value} 行在 Excel 中是隐藏的（手动隐藏或被筛选掉），照常检查；如此人已不是候选人，请从名册中删去这一行",
        "row {value} is hidden in Excel (by hand or by a filter) and was checked as the others; if this person is no "
        "longer a candidate, delete the row from the roster",
    ),
    "row-cells-beyond-header": (
        "单元格 {value} 上方没有列名（在表头右边，或表头的这一格是空的），未被读取；如是数据，请在表头补上列名",
        "cell(s) {value} have no column name above them (right of the header, or under a blank header cell) and "
        "were not read; if they hold data, give their column a name in the header",
    ),
    "cell-too-long": (
        "{column}长达 {length} 个字符（上限 {limit}），可能误粘贴了整段文字；只读取了开头“{value}”",
        "{column} is {length} characters long (at most {limit}): text pasted in by mistake? Only its start was "
        "read: {value!r}",
    ),
    "cell-control-character": (
        "{column}中有不可显示的字符 {code}（控制字符或半个 UTF-16 字符，多为从其他系统复制时带入），已显示为 �：“{value}”；"
        "请重新录入该格",
        "{column} holds {code}, a control character or half a UTF-16 pair (usually carried over from another "
        "system), shown as �: {value!r}; enter the cell again",
    ),
    "role-set-contradicts": (
        "拟任职务里“{set}”是{posts}，与同一单元格的“{value}”矛盾：请只写此人实际拟任的职务",
        "in the posts, {set!r} means {posts}, which {value!r} in the same cell contradicts: write only the posts "
        "this person is proposed for",
    ),
    "row-unclosed-quote-own": (
        "该行有一个引号没有闭合，整行“{value}”被读成了一个单元格；请检查引号",
        "a quote on this row is never closed, so the whole row {value!r} was read as one cell; check the quotes",
    ),
    "row-unclosed-quote": (
        "该行有一个引号没有闭合，其后 {value} 行被并入了同一个单元格；请检查引号",
        "a quote on this row is never closed, so the {value} rows after it were swallowed into one cell; check the quotes",
    ),
    "record-shape": (
        "该记录不是键值映射：{value}",
        "the record is not a mapping of columns to values: {value}",
    ),
    "relatives-self": ("{column}填写了本人", "{column} names the candidate themself"),
    "duplicate-person": (
        "{column}“{value}”与 {other_path} {place}重复：同一人不能作为两名候选人；"
        "一人兼任几个职务（一肩挑）时，请写在一行，职务之间用“、”隔开",
        "{column} {value!r} already appears {place} of {other_path}: one person cannot be two candidates; one "
        "holding several posts goes on one row, the posts separated by 、",
    ),
    # Two people whose 18-digit numbers Excel cut to the same 15 digits and 000: not one person listed twice.
    "duplicate-person-excel": (
        "{column}“{value}”与 {other_path} {place}重复，但两行姓名不同：号码末三位是 000，多半是 Excel 把两人的号码"
        "都改坏了（{damage}，校验位碰巧相符），不是同一人列了两次；请把身份证号列设为文本后，照身份证重新录入这两行",
        "{column} {value!r} already appears {place} of {other_path} under another name: the number ends in 000, "
        "most likely two people's numbers damaged by Excel ({damage}; the check character fits by chance), not one "
        "person listed twice; set the ID number column to text and type both numbers again from the ID cards",
    ),
    "place-line": ("第 {line} 行", "on line {line}"),
    "place-sheet-row": ("第 {line} 行", "in row {line}"),
    "place-line-row": ("第 {line} 行（Excel 中第 {row} 行）", "on line {line} (row {row} in Excel)"),
    "place-row": ("第 {row} 条记录", "in data row {row}"),
    # not checked
    "not-checked": ("无法检查（{missing}不明{whom}）", "could not be checked ({missing} unknown{whom})"),
    "not-checked-street": (
        "无法判断（{streets} 是否同一个{place}不明）：按所写分开审查，{written}；合为一个班子，{as_one}",
        "could not be decided (whether {streets} are one street is not known): judged as written, {written}; as one "
        "team, {as_one}",
    ),
    "street-undecided-passes": ("没有问题", "it passes"),
    "not-checked-and-posts": (
        "无法检查（{missing}不明；{posts}不明{whom}）",
        "could not be checked ({missing} unknown; {posts} unknown{whom})",
    ),
    "not-checked-vague": (
        "无法检查（{missing}只写到年月或年：{written}，不足以判断；请写明到日）",
        "could not be checked ({missing} written to the month or year only: {written}, not enough to decide; "
        "write the day)",
    ),
    "not-checked-no-members": (
        "无法检查（班子里没有两委成员可数）",
        "could not be checked (the team has no two-committee members to count)",
    ),
    # A team rule that turns on people whose rows are marked as perhaps withdrawn (hidden, struck through).
    "not-checked-marked": ("无法检查（{marked}）", "could not be checked ({marked})"),
    "not-checked-and-marked": ("{said}；{marked}", "{said}; {marked}"),
    "marked-member": (
        "{marked}可能已不是候选人，算与不算，结论不同",
        "{marked} may no longer be a candidate, and the answer turns on whether they count",
    ),
    "marked-members": (
        "{marked}可能已不是候选人，算与不算，结论不同",
        "{marked} may no longer be candidates, and the answer turns on whether they count",
    ),
    "marked-as": ("{name}（{why}）", "{name} ({why})"),
    "marked-hidden": ("第 {line} 行已隐藏", "row {line} hidden"),
    "marked-struck": ("第 {line} 行的姓名有删除线", "the name on row {line} struck through"),
    "marked-hidden-struck": (
        "第 {line} 行已隐藏，姓名有删除线",
        "row {line} hidden, its name struck through",
    ),
    "fact-candidacy": ("是否仍是候选人", "whether still a candidate"),
    "not-checked-column": (
        "规则 {rule} 未检查：名册 {path} 没有列 {missing}",
        "rule {rule} not checked: roster {path} has no column {missing}",
    ),
    "not-checked-communities": (
        "规则 {rule} 未检查：没有核定职数 {missing}（请在{table}（--communities）里写{them}）",
        "rule {rule} not checked: no approved seat counts {missing} (write {them} in the communities table, "
        "--communities)",
    ),
    # {them} of not-checked-communities, by how many columns it names: "这一列" after two read as one of them.
    "columns-them-1": ("这一列", "the column"),
    "columns-them-2": ("这两列", "these columns"),
    "columns-them-3": ("这几列", "these columns"),
    "not-checked-communities-unread": (
        "规则 {rule} 未检查：{table}写有核定职数 {missing}，但写它的行都未能读取（见{table}的 settings-row-unread）",
        "rule {rule} not checked: the communities table gives approved seat counts {missing}, but in rows that "
        "could not be read (see the table's settings-row-unread)",
    ),
    # approvals
    "approval-ineligible": ("不能提名的情形不能事先审批", "an ineligible finding cannot be approved"),
    "approval-unknown-rule": (
        "{column}“{rule}”不是本规则集的规则{suggestion}；规则：{known}",
        "{column} {rule!r} is not a rule of the rule set{suggestion}; rules: {known}",
    ),
    "approval-not-needed": ("提醒和提示无需审批", "warnings and notes need no approval"),
    "approval-after-election": (
        "批复日期 {date} 晚于选举日 {election_date}，须事先审批",
        "approval dated {date}, after election day {election_date}; approval must come first",
    ),
    "approval-other-name": (
        "批复上的姓名是 {approved_name}，名册上是 {name}：身份证号写错了？",
        "the approval names {approved_name}, the roster {name}: is the ID number mistyped?",
    ),
    "approval-near-name": (
        "批复写的是 {approved_name}，身份证号却是 {approved_id}，与名册上的不同：哪个写错了？",
        "the approval names {approved_name}, but under ID number {approved_id}, not the roster's: which is "
        "mistyped?",
    ),
    "approval-near-community": (
        "批复登记在 {approved_community} 下，名册写的是 {community}：请统一{kind}名的写法",
        "the approval is filed under {approved_community}, the roster says {community}: write the community's "
        "name one way",
    ),
    "approval-expired": (
        "批复已于 {expires} 失效，早于选举日 {election_date}",
        "approval expired on {expires}, before election day {election_date}",
    ),
    "approval-before-round": (
        "批复日期 {date} 早于本届换届规则的施行日 {start}，不是按本届规则报批的（多为上一届的批复）；本届须重新报批",
        "approval dated {date}, before this round's rules took effect on {start}: not given under them (most often "
        "an earlier round's approval); this round needs its own",
    ),
    "explain-not-approvable": ("（须核实改正，不能以审批代替）", " (facts to put right; no approval counts)"),
    "approval-not-approvable": (
        "本条须核实并改正事实，不能以审批代替",
        "this rule asks for the facts to be checked and put right; no approval stands for that",
    ),
    "approval-after-round": (
        "批复日期 {date} 在规则集的适用期内（至 {end}），选举日 {election_date} 已在其后：是上一届的批复；本届须重新报批",
        "approval dated {date}, within the rule set's dates (to {end}), while election day {election_date} is after "
        "them: an earlier round's approval; this round needs its own",
    ),
    "approval-refused": (
        "审批意见为“{opinion}”，不是同意",
        "the approval's opinion is {opinion!r}, not an agreement",
    ),
    "approval-wrong-body": (
        "审批单位是 {approved_by}，本条须由 {bodies} 审核同意",
        "approved by {approved_by}; this rule needs the approval of {bodies}",
    ),
    "approval-no-body": (
        "批复没有写审批单位（审批表要有“审批单位”一列），本条须由 {bodies} 审核同意",
        "the approval names no approving body (the approvals table needs a 审批单位 column); this rule needs the "
        "approval of {bodies}",
    ),
    "approval-unused": (
        "审批没有对应的审查意见（{rule}）",
        "approval matches no review finding ({rule})",
    ),
    # report words
    "status-eligible": ("符合条件", "eligible"),
    "status-review": ("需事先审批", "needs approval"),
    "status-ineligible": ("不能提名", "ineligible"),
    "status-invalid": ("数据有误", "invalid data"),
    "severity-invalid": ("数据有误", "invalid"),
    "severity-ineligible": ("不能提名", "ineligible"),
    "severity-review": ("需审批", "review"),
    # A rule that could not decide (无法检查) is review too, but no approval answers it: the fact is to be found out.
    "severity-unknown": ("待核实", "to verify"),
    "status-unknown": ("待核实", "to verify"),
    # 注意 and 说明, not 提醒 and 提示: two near-synonyms told an officer nothing of which weighs more.
    "severity-warning": ("注意", "warning"),
    "severity-info": ("说明", "info"),
    "approved": ("已审批", "approved"),
    "approval-reference-not-counted": (
        "{reference}（不计：{reason}）",
        "{reference} (not counted: {reason})",
    ),
    "approval-not-counted": ("审批不计：{reason}", "approval not counted: {reason}"),
    "heading-team": ("{street}{community}", "{street}{community}"),
    "heading-team-findings": ("班子", "team"),
    "heading-no-community": ("（未写{kind}）", "(no community)"),
    "heading-own-day": (" · 选举日 {day}", " · election day {day}"),
    "column-name": ("姓名", "name"),
    "column-id": ("身份证号", "ID number"),
    "column-roles": ("拟任职务", "roles"),
    "column-status": ("结论", "status"),
    "column-findings": ("审查意见", "findings"),
    "column-row": ("行号", "line"),
    "evidence-election_date": ("选举日", "election day"),
    "evidence-window_start": ("期限起点", "window start"),
    "evidence-parameter": ("参数 {name}", "parameter {name}"),
    "evidence-cell": ("单元格", "cell"),
    "evidence-column": ("列", "column"),
    "evidence-value": ("值", "value"),
    "evidence-expected": ("应为", "expected"),
    "evidence-matching": ("符合的人", "matching"),
    "evidence-pairs": ("亲属关系", "pairs"),
    "verdict-pass": ("结果：通过（--fail-on {level}）", "result: passes at --fail-on {level}"),
    "verdict-never": ("结果：--fail-on never，不判通过与否", "result: not judged (--fail-on never)"),
    "verdict-fail": (
        "结果：未通过（--fail-on {level}）：{reasons}",
        "result: fails at --fail-on {level}: {reasons}",
    ),
    "verdict-error": (
        "结果：检查未能进行（退出码 2），没有审查结果：{reason}",
        "result: the check could not run (exit 2), so there is no report: {reason}",
    ),
    "verdict-people": ("候选人 {count} 名", "{count} candidate{s}"),
    "verdict-teams": ("班子 {count} 个", "{count} team{s}"),
    "verdict-files": ("文件意见 {count} 条", "{count} file finding{s}"),
    "verdict-rules": ("未检查的规则 {count} 条（{rules}）", "{count} rule{s} not checked ({rules})"),
    "summary": (
        "候选人 {candidates} 名：符合条件 {eligible}，需事先审批 {review}{verify}，不能提名 {ineligible}，数据有误 {invalid}"
        "{barred}；班子意见 {team_findings} 条",
        "{candidates} {candidates_word}: {eligible} eligible, {review} {review_word} approval{verify}, {ineligible} "
        "ineligible, {invalid} invalid{barred}; {team_findings} team {team_findings_word}",
    ),
    "summary-to-verify": ("（其中待核实 {to_verify}）", " ({to_verify} of them to verify)"),
    # 数据有误 2 beside 不能提名 0, where both had a bar (helper-69); said as what is found, not as decided: the bar
    # may rest on the cell in dispute (an ID number's birth date against 出生年月, helper-71).
    "summary-invalid-ineligible": (
        "（其中有不能提名意见 {barred}）",
        " ({barred} of them with an ineligible finding)",
    ),
    "summary-not-checked": (
        "；{count} 条规则未检查，“符合条件”只就已检查的规则而言",
        "; {count} rule{s} not checked: eligible means by the rules that were checked",
    ),
    "title": (
        "候选人资格审查 · 规则集 {ruleset} · 选举日 {election_date}",
        "Candidate eligibility · rule set {ruleset} · election day {election_date}",
    ),
    "no-findings": ("无", "none"),
    # column and section labels of the reports
    "label-scope": ("对象", "scope"),
    "label-condition": ("条件", "condition"),
    "label-applies-to": ("适用职务", "applies to"),
    "label-approved-by": ("审批单位", "approved by"),
    "label-path": ("文件", "file"),
    "label-sheet": ("工作表", "sheet"),
    "label-row": ("数据行", "row"),
    "label-line": ("行号", "line"),
    "label-cell": ("单元格", "cell"),
    "label-column": ("列", "column"),
    "label-name": ("姓名", "name"),
    "label-id": ("身份证号", "ID number"),
    "label-gender": ("性别", "sex"),
    "label-age-years": ("年龄（周岁）", "age"),
    "label-education-level": ("文化程度", "education"),
    "gender-male": ("男", "male"),
    "gender-female": ("女", "female"),
    "label-street": ("街道", "street"),
    "label-community": ("社区", "community"),
    "label-roles": ("拟任职务", "roles"),
    "label-status": ("结论", "status"),
    "label-rule": ("规则", "rule"),
    "label-severity": ("等级", "severity"),
    "label-message": ("审查意见", "finding"),
    "label-findings-sheet": ("审查意见", "findings"),  # the workbook's sheet of them, one finding a row
    "label-document": ("依据文件", "document"),
    "label-clause": ("条款", "clause"),
    "label-quote": ("原文", "quote"),
    "label-approval": ("审批", "approval"),
    "label-findings": ("审查意见数", "findings"),
    "label-rules": ("触发的规则", "rules"),
    # The same as codes, whatever the language, for a script or a filter (helper-66).
    "label-scope-code": ("对象代码", "scope code"),
    "label-status-code": ("结论代码", "status code"),
    "label-severity-code": ("等级代码", "severity code"),
    "label-title": ("规则名称", "title"),
    "label-scope-candidate": ("候选人", "candidate"),
    "label-scope-team": ("班子", "team"),
    "label-scope-file": ("文件", "file"),
    "label-members": ("人数", "members"),
    "label-election-day": ("选举日", "election day"),
    "label-team-findings": ("班子意见", "team findings"),
    "label-eligible-count": ("符合条件", "eligible"),
    "label-candidates": ("候选人", "candidates"),
    "label-teams": ("班子", "teams"),
    "label-summary": ("汇总", "summary"),
    "label-age": ("年龄结构", "ages"),
    "label-education": ("文化程度结构", "education"),
    "level-or-below": ("{level}及以下", "{level} or below"),
    "level-or-above": ("{level}及以上", "{level} or above"),
    # As written, then the level it counts as: "文化程度为文盲/半文盲（名册写作“小学肄业”）" said one who went to
    # primary school could not read.
    "level-as-written": ("{written}（按{level}计）", "{written} (counted as {level})"),
    "label-not-checked": ("未检查的规则", "rules not checked"),
    "label-inputs": ("读取的文件", "files read"),
    "label-applied-rules": ("适用的规则", "rules applied"),
    "label-generated": (
        "生成：{tool}，规则集 {ruleset}，选举日 {election_date}",
        "made by {tool}, rule set {ruleset}, election day {election_date}",
    ),
    "label-all-candidates": ("全部候选人", "all candidates"),
    "label-needs-attention": ("需要处理的候选人", "candidates that need attention"),
    "label-none-attention": ("所有候选人均符合条件。", "Every candidate is eligible."),
    "markdown-left-out": (
        "……另有 {count} 条未列出（评论篇幅有限）；完整结果请用 --format xlsx、html 或 json",
        "… {count} more not listed (a comment's length is limited); for every result use --format xlsx, html or json",
    ),
    "markdown-all-left-out": (
        "全部 {count} 名候选人的列表太长，未附上；完整结果请用 --format xlsx、html 或 json",
        "the list of all {count} candidates is too long to attach; for every result use --format xlsx, html or json",
    ),
    "source-clause": ("依据：{document} {clause}", "per {document} {clause}"),
    "source-amended": ("{parameters} 按 {by} 改定", "{parameters} as set by {by}"),
    "parameter-amended": ("按 {by} 改定", "as set by {by}"),
    "input-read": ("已读取 {path}（{how}）：{rows} 行", "read {path} ({how}): {rows} rows"),
    "input-read-one": ("已读取 {path}（{how}）：{rows} 行", "read {path} ({how}): {rows} row"),
    "input-not-read": ("未读取 {path}", "not read: {path}"),
    "input-table-communities": ("{table} {path}（{how}）", "communities table {path} ({how})"),
    "input-table-approvals": ("批复表 {path}（{how}）", "approvals table {path} ({how})"),
    "progress": ("已检查 {count} 名候选人", "{count} candidates checked"),
    "jobs-above-cores": (
        "--jobs {jobs} 多于本机可用的 {cores} 个处理器核心：多出的进程不会更快，每个还要占用约 50 MB 内存；"
        "一般用 --jobs {cores}",
        "--jobs {jobs} is more than the {cores} processor cores this machine gives the check: the extra processes "
        "are no faster, and each holds some 50 MB; --jobs {cores} is the most that helps",
    ),
    "progress-writing": (
        "已检查 {count} 名候选人，正在生成报告……",
        "{count} candidates checked; putting the report together…",
    ),
    "option-binary-terminal": (
        "--format {format} 是二进制文件，请用 --output 指定写入的文件",
        "--format {format} is a binary file: name one with --output",
    ),
    "rules-valid": (
        "{path}：规则集 {name} v{version}，{rules} 条规则，{tests} 个测试用例，无误",
        "{path}: rule set {name} v{version}, {rules} rules, {tests} test cases, valid",
    ),
    "rules-valid-warned": (
        "{path}：规则集 {name} v{version}，{rules} 条规则，{tests} 个测试用例，可以使用；有 {warnings} 处需要注意（见上）",
        "{path}: rule set {name} v{version}, {rules} rules, {tests} test cases, valid, with {warnings} "
        "warning{s} (above)",
    ),
    "data-check": (
        "{id} — 数据检查：本工具对名册数据本身的检查，不是规则集的规则；规则文件不能关闭它，也不能审批",
        "{id} — a data check: the tool's own check of the roster's data, not a rule of the rule set; a rule file "
        "cannot turn it off, and no approval applies to it",
    ),
    "error-check": (
        "{id} — 错误：检查（或所运行的命令）就此停止（退出码 2），它不是检查结果；按下面的说明改正后重新运行",
        "{id} — an error: the check (or the command run) stops on it (exit 2); it is no finding: correct what it "
        "says below and run again",
    ),
    "rule-unknown": (
        "没有规则“{rule}”{suggestion}；规则：{known}",
        "no rule {rule!r}{suggestion}; rules: {known}",
    ),
    "rule-in-other-ruleset": (
        "规则“{rule}”属于内置规则集 {sets}，不在规则集 {name} 里：请加 --rules {first}",
        "rule {rule!r} is a rule of the bundled rule set {sets}, not of {name}: add --rules {first}",
    ),
    "rule-disabled": (
        "规则“{rule}”在 {where} 的 disable 里停用了，这个规则集不检查它；要看它原来的写法：eligibility rules explain "
        "{rule} --rules {parent}",
        "rule {rule!r} is disabled in {where} (disable), so this rule set does not check it; to read it as it "
        "was: eligibility rules explain {rule} --rules {parent}",
    ),
    "passed": ("已检查且通过：{rules}", "checked and passed: {rules}"),
    "evidence": ("依据的事实：{facts}", "facts seen: {facts}"),
    "at-cell": ("（单元格 {cell}）", " (cell {cell})"),
    "at-line": ("（第 {line} 行）", " (line {line})"),
    "template-written": ("已写入空白名册 {path}", "empty roster written to {path}"),
    "template-exists": ("文件已存在；如要覆盖请加 --force", "the file exists; add --force to replace it"),
    "template-type": ("模板只能是 .xlsx 或 .csv", "a template is .xlsx or .csv"),
    "written": ("报告已写入 {path}", "report written to {path}"),
    "error": ("错误", "error"),
    "warning": ("注意", "warning"),
}

# The command line's help, (zh, en): a command's under its path ("check", "rules show"), an argument's or option's
# under the path and its name ("check PATH", "check --election-date"; "eligibility --lang" for the command itself),
# an option several commands share under its name alone ("--rules"). A command's first paragraph is its line in the
# list of commands: kept to one line.
HELP: dict[str, tuple[str, str]] = {
    "eligibility": (
        "对照规则集，审查社区和村“两委”换届选举的候选人名册。",
        "Check candidate rosters for community and village two-committee (两委) elections against a rule file.",
    ),
    "--version": ("显示版本号后退出。", "Show the version and exit."),
    "eligibility --lang": (
        "本帮助和其后命令的语言（命令自己的 --lang 优先；也可设环境变量 ELIGIBILITY_LANG）。",
        "Language of this help and of the command after it (the command's own --lang wins; or set "
        "ELIGIBILITY_LANG).",
    ),
    "--rules": ("规则文件，或内置规则集的名称。", "Rule file, or the name of a bundled rule set."),
    "--lang": ("报告、提示和本帮助的语言。", "Language of the report, the messages and this help."),
    "check": (
        "审查名册：每名候选人、每个班子是否符合条件。\n\n"
        "退出码：0 没有达到 --fail-on 等级的意见；1 有；2 审查未能进行。",
        "Check rosters and report each candidate's and team's eligibility.\n\n"
        "Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 the check could not run.",
    ),
    "check PATH": (
        "名册文件（.csv .tsv .txt .xlsx .yaml .yml .json；.txt 即 Excel 另存的文本文件）、文件夹、加引号的通配模式"
        '（如 "rosters/*.xlsx" 或 "rosters/**/*.csv"，按匹配的文件读取），或 -（从标准输入读取）。',
        "Roster files (.csv .tsv .txt .xlsx .yaml .yml .json; .txt as Excel saves text), folders, quoted patterns "
        '("rosters/*.xlsx", "rosters/**/*.csv": read as the files they match), or - for standard input.',
    ),
    "check --election-date": (
        "选举日 YYYY-MM-DD（默认按规则集所定）。",
        "Election day YYYY-MM-DD (default: the rule set's).",
    ),
    "check --communities": (
        "社区表：各社区的选举日和核定职数。",
        "Table of communities: election date and approved seats.",
    ),
    "check --approvals": ("批复表：事先审批的批复。", "Table of prior approvals."),
    "check --format": (
        "报告格式（默认按 -o 文件的扩展名，没有 -o 时为 table；在 GitHub Actions 中为 github）。",
        "Output format (default: from -o's extension, else table; github under GitHub Actions).",
    ),
    "check --output": ("把报告写入这个文件。", "Write the report to this file."),
    "check --fail-on": (
        # The levels are typed as they stand: said in the officer's words beside them.
        "有这一等级或更重、未经审批的意见时，退出码为 1（warning 注意，review 需审批，ineligible 不能提名，"
        "never 从不）。",
        "Exit 1 when a finding at or above this level is open.",
    ),
    "check --set": (
        "改用规则集某个参数的值，写作 参数=值（可给出多次）。",
        "Override a rule-set parameter: PARAM=VALUE (repeatable).",
    ),
    "check --show-pii": (
        "显示完整的身份证号（默认隐去中间的数字）。",
        "Show ID numbers in full (masked by default).",
    ),
    "check --encoding": (
        "CSV/TSV 名册的文字编码（默认自动识别）。",
        "Text encoding of CSV/TSV input (default: detected).",
    ),
    "check --sheet": (
        "只读这一个工作表（默认读每个名册工作表）。",
        "Read only this worksheet (default: every roster sheet).",
    ),
    "check --explain": (
        "列出每条意见所依据的事实和参数，以及已通过的规则。",
        "Show the facts and parameters behind each finding and the rules passed.",
    ),
    "check --jobs": (
        "用 N 个进程审查（用于大名册；报告与 1 个进程时相同）。",
        "Check with N processes (for large rosters; the report is the same as with 1).",
    ),
    "schema": (
        "输出 JSON 报告或规则文件的 JSON Schema。\n\n与 docs/report.schema.json、docs/rules.schema.json 相同。",
        "Print the JSON Schema of the JSON report or of rule files.\n\n"
        "The same as docs/report.schema.json and docs/rules.schema.json.",
    ),
    "schema which": ("哪一个：report（报告）或 rules（规则文件）。", "Which schema: report or rules."),
    "template": (
        "生成一份空白名册，列为规则集所用的各列，供填写。\n\n各列用中文表头。",
        "Write an empty roster with the rule set's columns, to fill in.\n\nThe columns stand under their Chinese headers.",
    ),
    "template FILE": ("要生成的名册：.xlsx 或 .csv。", "The roster to write: .xlsx or .csv."),
    "template --force": ("文件已存在时覆盖它。", "Replace the file if it exists."),
    "rules": (
        "规则集：列出、查看、校验、解释和测试。",
        "Rule sets: list, show, validate, explain and test them.",
    ),
    "rules list": ("列出内置的规则集。", "The bundled rule sets."),
    "rules show": (
        "列表显示各条规则：编号、等级、对象、条件和条款。\n\n条件用文字说明。",
        "A table of the rules: id, severity, scope, condition and clause.\n\nEach condition is said in words.",
    ),
    "rules show NAME|FILE": ("内置规则集的名称，或规则文件。", "A bundled name or a rule file."),
    "rules validate": (
        "校验规则文件：指出每处错误的行和列。\n\n"
        "拼错的词会提示可能想写的词。有文件有误时退出码为 1，找不到文件时为 2。\n\n"
        "文件分两步校验：先看写法（键、取值、等级），再看其中用到的名称（事实、参数、职务、文化程度）。"
        "第二步的错误要等第一步的改正后才会查出。",
        "Check rule files: each mistake with its line and column.\n\n"
        "A misspelt word gets a did-you-mean. Exit 1 if any is wrong, 2 if one is not found.\n\n"
        "A file is checked in two steps: its shape (keys, values, severities), then what it names (facts, "
        "parameters, roles, levels). Mistakes of the second step are found once the first step's are put right.",
    ),
    "rules validate FILE": ("要校验的规则文件。", "Rule files to check."),
    "rules explain": (
        "解释一条规则：检查什么，依据什么。\n\n列出其条件、参数的取值、审查意见的写法和依据文件的原文。",
        "Explain a rule: what it checks, and on what grounds.\n\n"
        "Its condition, its parameters' values, its message and the words of its source.",
    ),
    "rules explain RULE_ID": (
        "规则的编号，如 principal-age；也可以是数据检查的编号，如 id-number-checksum，或使检查停止的错误的编号，如 "
        "file-not-xlsx。",
        "The id of a rule, e.g. principal-age, of a data check, e.g. id-number-checksum, or of an error that stops the "
        "check, e.g. file-not-xlsx.",
    ),
    "rules test": (
        "运行规则文件自带的测试用例，列出未通过的用例及原因。\n\n"
        "有用例未通过时退出码为 1；文件没有测试用例时为 5（它 extends 的文件的用例不继承）；文件无法读取时为 2。",
        "Run a rule file's test cases; name each that fails, and how.\n\n"
        "Exit 1 if any fails, 5 if a file has no test cases (a parent's are not inherited), 2 if one cannot be "
        "read.",
    ),
    "rules test NAME|FILE": (
        "要运行其测试用例的规则集：内置规则集的名称或规则文件。",
        "Rule sets whose test cases to run.",
    ),
}

# What click prints around the help in English whatever the language, and how the Chinese help says it: headings,
# the help option's own help, and the notes after an option's help ("[env var: X; default: zh]").
HELP_FRAME: dict[str, str] = {
    "Usage:": "用法：",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助后退出。",
    "env var: ": "环境变量：",
    "default: ": "默认：",
    "required": "必填",
}


@dataclass(frozen=True)
class Term:
    """A word or phrase inside a message, in both languages; `say` picks the reader's."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.en


def place_terms(street: str, community: str) -> tuple[tuple[str, Term], ...]:
    """How messages name the run's places and its communities table (--communities), as the rule set heads
    the place columns: 街道, 社区 and 社区表, or a village's 乡镇, 村 and 村表. English says street, community and
    communities table for either."""
    return (
        ("place", Term(street, "street")),
        ("kind", Term(community, "community")),
        ("table", Term(f"{community}表", "communities table")),
    )


COMMUNITY_PLACES: dict[str, object] = dict(place_terms("街道", "社区"))


# The findings the tool makes of the data itself, beside a rule set's rules: id -> (severity, scope). A row's make
# it invalid (its data could not be read or contradicts itself) or carry a warning; a file's are said on the file.
# `eligibility rules explain ID` tells each, and a test holds this list to every finding the code makes.
DATA_CHECKS: dict[str, tuple[str, str]] = {
    # a row's cells
    "required-missing": ("invalid", "candidate"),
    "name-not-a-name": ("invalid", "candidate"),
    "same-as-above": ("invalid", "candidate"),
    "political-status-unknown": ("warning", "candidate"),
    "name-several": ("invalid", "candidate"),
    "name-with-number": ("invalid", "candidate"),
    "date-after-election": ("invalid", "candidate"),
    "id-number-format": ("invalid", "candidate"),
    "id-number-excel": ("invalid", "candidate"),
    "id-number-checksum": ("invalid", "candidate"),
    "id-number-birth": ("invalid", "candidate"),
    "id-number-birth-year": ("invalid", "candidate"),
    "id-number-area": ("warning", "candidate"),
    "id-number-blank": ("warning", "candidate"),
    "id-number-legacy": ("info", "candidate"),
    "date-invalid": ("invalid", "candidate"),
    "date-impossible": ("invalid", "candidate"),
    "birth-date-mismatch": ("invalid", "candidate"),
    "gender-unknown": ("invalid", "candidate"),
    "gender-mismatch": ("invalid", "candidate"),
    "education-unknown": ("invalid", "candidate"),
    "role-unknown": ("invalid", "candidate"),
    "yes-no-unknown": ("invalid", "candidate"),
    "yes-no-unanswered": ("invalid", "candidate"),
    "number-invalid": ("invalid", "candidate"),
    "number-negative": ("invalid", "candidate"),
    "election-date-not-settings": ("invalid", "candidate"),
    "election-date-not-team": ("invalid", "candidate"),
    "duplicate-person": ("invalid", "candidate"),
    "cell-control-character": ("invalid", "candidate"),
    "cell-too-long": ("invalid", "candidate"),
    "cell-excel-error": ("invalid", "candidate"),
    "cell-excel-error-text": ("warning", "candidate"),
    "cell-formula-unsaved": ("invalid", "candidate"),
    "cell-undecodable": ("invalid", "candidate"),
    "cell-utf8-in-gbk": ("warning", "candidate"),
    "cell-is-list": ("invalid", "candidate"),
    "cell-is-mapping": ("invalid", "candidate"),
    "cell-item-nested": ("invalid", "candidate"),
    "record-shape": ("invalid", "candidate"),
    "row-too-long": ("invalid", "candidate"),
    "row-unclosed-quote-own": ("invalid", "candidate"),
    "role-set-contradicts": ("invalid", "candidate"),
    "row-too-short": ("invalid", "candidate"),
    "row-unclosed-quote": ("invalid", "candidate"),
    "row-cells-beyond-header": ("warning", "candidate"),
    "row-hidden": ("warning", "candidate"),
    "row-struck": ("warning", "candidate"),
    "row-not-a-candidate": ("invalid", "candidate"),
    "column-values-differ": ("invalid", "candidate"),
    # a file's
    "column-unknown": ("warning", "file"),
    "column-not-read": ("warning", "file"),
    "column-misspelt": ("invalid", "file"),
    "column-duplicate": ("warning", "file"),
    "rows-above-header": ("warning", "file"),
    "file-delimiter": ("warning", "file"),
    "file-utf8-lines-in-gbk": ("warning", "file"),
    "sheet-not-workbook": ("warning", "file"),
    "sheet-hidden": ("warning", "file"),
    "rows-in-pivot": ("info", "file"),
    "column-hidden": ("warning", "file"),
    "sheet-skipped": ("info", "file"),
    "sheet-skipped-instructions": ("info", "file"),
    "community-from-sheet": ("info", "file"),
    "community-from-file": ("info", "file"),
    "street-from-sheet": ("info", "file"),
    "street-from-file": ("info", "file"),
    "street-from-folder": ("info", "file"),
    "sheet-roster-not-read": ("invalid", "file"),
    "sheet-settings-not-read": ("invalid", "file"),
    "file-skipped-communities": ("info", "file"),
    "file-skipped-approvals": ("info", "file"),
    "file-skipped-report": ("info", "file"),
    "file-skipped-rules": ("info", "file"),
    "file-skipped-document": ("info", "file"),
    "file-skipped-type": ("info", "file"),
    "file-skipped-unknown-type": ("info", "file"),
    "file-skipped-text": ("info", "file"),
    "file-given-twice": ("info", "file"),
    "file-copy-of": ("warning", "file"),
    "header-reordered": ("warning", "file"),
    "column-all-blank": ("info", "file"),
    "file-no-extension": ("info", "file"),
    "file-given-as-table": ("info", "file"),
    "file-unread": ("invalid", "file"),
    "file-broken-midway": ("invalid", "file"),
    "file-no-candidates": ("warning", "file"),
    "settings-column-unknown": ("warning", "file"),
    "approval-rule-disabled": ("warning", "file"),
    "settings-row-footer": ("info", "file"),
    "settings-row-unread": ("invalid", "file"),
    "row-footer": ("info", "file"),
    "row-table-title": ("info", "file"),
    "community-filled-down": ("warning", "file"),
    "id-number-excel-likely": ("warning", "file"),
    "roles-of-other-ruleset": ("warning", "file"),
    "file-only-footer": ("invalid", "file"),
    "settings-column-duplicate": ("warning", "file"),
    "community-not-in-settings": ("warning", "file"),
    "community-settings-unread": ("warning", "file"),
    "community-settings-elsewhere": ("warning", "file"),
    "community-written-apart": ("warning", "file"),
    "community-settings-street": ("warning", "file"),
    "roster-seats-differ": ("warning", "file"),
    "roster-seats-no-settings": ("warning", "file"),
    "roster-seats-not-settings": ("warning", "file"),
    # review, not warning: a 2027 roster passed the default --fail-on under the 2021 rules, whose thresholds and
    # law are another round's (helper-72).
    "ruleset-not-in-effect": ("review", "file"),
    # a team's
    "relative-not-on-team": ("warning", "team"),
    "street-written-apart": ("warning", "team"),
    "street-undecided": ("warning", "team"),
    "team-from-several-files": ("warning", "team"),
}


# The errors that stop a run, by the key an EligibilityError carries (a --format jsonl stream's last line gives it as
# its rule): not findings, but `eligibility rules explain KEY` tells each, and a test holds this list to every
# error the code raises. (A settings row refused whole, row-too-long, is said as the data check it is.)
STOPS: frozenset[str] = frozenset(
    {
        "approval-unknown-rule",
        "cell-invalid",
        "column-missing",
        "communities-twice",
        "communities-twice-in-roster",
        "encoding-unknown",
        "encoding-unusable",
        "file-binary",
        "file-cell-too-long",
        "file-document",
        "file-duplicate-key",
        "file-duplicate-key-json",
        "file-empty",
        "file-encoding",
        "file-encoding-changed",
        "file-encoding-given",
        "file-encrypted",
        "file-group-in-list",
        "file-is-approvals",
        "file-is-communities",
        "file-is-report",
        "file-is-xlsx",
        "file-key-spellings",
        "file-no-records",
        "file-no-rows",
        "file-not-xlsx",
        "file-parse",
        "file-records-aside",
        "file-seats-beside-communities",
        "file-shape",
        "file-too-deep",
        "file-type",
        "file-type-none",
        "file-workbook-other",
        "file-xls",
        "file-yaml-alias",
        "file-yaml-merge",
        "folder-empty",
        "folder-empty-unknown",
        "folder-nobody-checked",
        "folder-only-settings",
        "no-roster-sheet",
        "option-binary-terminal",
        "option-election-date",
        "option-election-date-day",
        "option-fail-on",
        "option-jobs",
        "option-lang",
        "option-no-paths",
        "option-output-suffix",
        "option-overrides-loaded",
        "option-set",
        "option-set-unknown",
        "option-set-unread",
        "option-set-value",
        "option-type",
        "output-is-folder",
        "output-is-input",
        "path-missing",
        "path-no-match",
        "path-unreadable",
        "path-unwritable",
        "rule-disabled",
        "rule-in-other-ruleset",
        "rule-unknown",
        "ruleset-bad-value",
        "ruleset-broken-by-change",
        "ruleset-changed",
        "ruleset-cycle",
        "ruleset-duplicate-key",
        "ruleset-extends-one",
        "ruleset-field-unused",
        "ruleset-file-missing-bundled",
        "ruleset-invalid",
        "ruleset-not-file",
        "ruleset-param-undated",
        "ruleset-param-undated-at",
        "ruleset-param-unread-here",
        "ruleset-param-unused",
        "ruleset-parent-missing",
        "ruleset-parent-not-rules",
        "ruleset-too-deep",
        "ruleset-unknown",
        "ruleset-unknown-name",
        "ruleset-yaml",
        "ruleset-yaml-quote",
        "run-terminated",
        "run-terminated-partial",
        "settings-control-character",
        "settings-is-roster",
        "sheet-is-chart",
        "sheet-is-pivot",
        "sheet-missing",
        "sheet-too-large",
        "table-is-folder",
        "template-exists",
        "template-is-folder",
        "template-type",
        "worker-stopped",
        "workers-unstartable",
    }
)


# The kinds of thing a rule-file error can be about.
WHAT: dict[str, Term] = {
    "role": Term("职务", "role"),
    "rule": Term("规则", "rule"),
    "body": Term("班子", "body"),
    "parameter": Term("参数", "parameter"),
    "candidate fact": Term("候选人事实", "candidate fact"),
    "team fact": Term("班子事实", "team fact"),
    "education level": Term("文化程度", "education level"),
    "message placeholder": Term("消息占位符", "message placeholder"),
    "title placeholder": Term("标题占位符", "title placeholder"),
    "expected finding": Term("预期的审查意见", "expected finding"),
    "list field": Term("列表字段", "list field"),
    "value": Term("取值", "value"),
    "among": Term("统计范围（among）", "whom to count (among)"),
}


def listed(items: list[str]) -> Term:
    """Items inside a message: 、 between them in Chinese, a comma in English."""
    return Term("、".join(items), ", ".join(items))


def what(word: str) -> Term | str:
    return WHAT.get(word, word)


def did_you_mean(close: tuple[str, ...] | list[str]) -> Term | str:
    """A did-you-mean hint for the closest known word, or nothing."""
    if not close:
        return ""
    return Term(f"（是否为“{close[0]}”？）", f" (did you mean {close[0]!r}?)")


# What the libraries the tool reads with (datetime, PyYAML, csv, calamine) say is wrong, in English, and how a
# Chinese message says it; a reason not here is shown as the library said it.
_REASONS_ZH = [
    (re.compile(p), zh)
    for p, zh in (
        (r"day is out of range for month", "该月没有这一天"),
        (r"month must be in 1\.\.12", "月份应在 1 到 12 之间"),
        (r"year (\d+) is out of range", r"年份 \1 超出范围"),
        (r"year (\d+) out of range 1900–2100", r"年份 \1 不在 1900–2100 之间"),
        (r"after election day (\S+)", r"晚于选举日 \1"),
        (r"but found another document", "文件中有不止一个 YAML 文档（以 --- 分隔），只能写成一个文档"),
        # What PyYAML, json and the zip reader say most often, in Chinese (helper-52).
        (
            r"mapping values are not allowed in this context",
            "这里不能写“键: 值”：是不是缩进不对，或值里的冒号没加引号？",
        ),
        (r"found unhashable key", "键不能是列表或映射"),
        (r"could not determine a constructor for the tag '([^']*)'", r"不能用标签 \1（只能写普通的值）"),
        (r"did not find expected ',' or '\}'", "缺少“,”或“}”：是不是花括号没有闭合？"),
        (r"did not find expected ',' or '\]'", "缺少“,”或“]”：是不是方括号没有闭合？"),
        (r"did not find expected key", "这里应是一个键：是不是缩进不对？"),
        # A key indented less than the others of its list item (helper-67): said as indentation, not as a list
        # item to add (helper-68).
        (
            r"did not find expected '-' indicator",
            "这一行的缩进和上面的行对不齐：是不是少（或多）了几个空格？",
        ),
        (r"did not find expected node content", "这里缺少一个值"),
        (r"found undefined alias", "用了没有定义的别名（*）"),
        (
            r"Expecting property name enclosed in double quotes",
            "这里应是用双引号括起的键（是不是多了一个逗号？）",
        ),
        (r"Expecting value", "这里缺少一个值（是不是多了一个逗号？）"),
        (r"Expecting ',' delimiter", "这里缺少逗号"),
        (r"Expecting ':' delimiter", "这里缺少冒号"),
        (r"Unterminated string starting at", "字符串的引号没有闭合"),
        (r"Extra data", "JSON 之后还有多余的内容"),
        (
            r"[Ii]nvalid Zip archive|File is not a zip file|Bad magic number",
            "不是完好的 .xlsx 文件（压缩包已损坏或只是改了扩展名）",
        ),
        (r"found character '\\t' that cannot start any token", "这里有制表符（Tab）：YAML 只能用空格缩进"),
        (r"found character (.*) that cannot start any token", r"有 YAML 无法识别的字符 \1"),
        (
            r"found character that cannot start any token",
            "有 YAML 无法识别的字符（常见原因：用制表符 Tab 缩进，YAML 只能用空格）",
        ),
        (r"found unexpected end of stream", "文件意外结束：是不是有引号或括号没有闭合？"),
        (
            r"mapping values are not allowed here",
            "这里不能写“键: 值”：是不是缩进不对，或值里的冒号没加引号？",
        ),
        (r"could not find expected ':'", "缺少冒号“:”"),
        (r"found a tab character that violates indentation", "这里有制表符（Tab）：YAML 只能用空格缩进"),
        (r"field larger than field limit \((\d+)\)", r"有单元格超过 \1 个字符"),
        (r"File not found '(.*)'", r"缺少工作簿的组成部分 \1，不是完整的 Excel 文件"),
        (
            r"unacceptable character #x([0-9a-f]+): control characters are not allowed",
            r"有不允许的控制字符 U+\1",
        ),
        (r"not a regular file", "不是普通文件"),
        (r"no permission to write it", "没有写入它的权限"),
        (r"Permission denied", "没有读取它的权限"),
        # What writing a report meets (helper-78): said in Chinese, where the English of the system stood.
        (r"No space left on device", "磁盘已满"),
        (r"No such file or directory", "没有这个文件或文件夹"),
        (r"Read-only file system", "所在的文件系统只读"),
        (r"Is a directory", "这是一个文件夹"),
        (r"Input should be a valid integer", "应为整数"),
        (r"Input should be greater than or equal to (\d+)", r"应不小于 \1"),
        (r"a link to nothing", "是一个链接，但它指向的文件已不存在"),
        (r"(.*) is a file, not a folder", r"\1 是文件，不是文件夹"),
    )
]


def plural(count: int) -> str:
    """The English ending a count's noun takes ({count} rule{s}): none for one. Chinese counts take none."""
    return "" if count == 1 else "s"


def reason_in_chinese(reason: str) -> str:
    """A library's reason, said in Chinese where the tool knows how."""
    for pattern, zh in _REASONS_ZH:
        if (found := pattern.search(reason)) is not None:
            return found.expand(zh)
    return reason


# The library reasons whose own English tells an officer nothing of what to do (Could not find EOCD), said as
# the Chinese says them (helper-56).
_REASONS_EN = [
    (re.compile(pattern), en)
    for pattern, en in (
        (
            r"[Ii]nvalid Zip archive.*|File is not a zip file|Bad magic number.*",
            "not a whole .xlsx file (the archive is damaged, or only its name ends in .xlsx)",
        ),
        (r"field larger than field limit \((\d+)\)", r"a cell holds more than \1 characters"),
        (r"File not found '(.*)'", r"part \1 of the workbook is missing: not a whole Excel file"),
        # PyYAML's words, with the hint the Chinese gives (helper-62).
        (r"did not find expected key", "did not find expected key: is the indentation wrong?"),
        (
            r"did not find expected '-' indicator",
            "this line is indented out of line with the lines above it: a few spaces too few, or too many?",
        ),
        (
            r"mapping values are not allowed (?:here|in this context)",
            "a 'key: value' cannot stand here: is the indentation wrong, or a colon in a value not quoted?",
        ),
        (
            r"found character that cannot start any token",
            "found a character YAML cannot read (most often a tab used to indent: YAML indents with spaces)",
        ),
        (
            r"found a tab character that violates indentation",
            "found a tab character that violates indentation: YAML indents with spaces",
        ),
        (
            r"found unexpected end of stream",
            "the file ends unexpectedly: is a quote or a bracket not closed?",
        ),
    )
]


def reason_in_english(reason: str) -> str:
    """A library's reason, said in plain English where the tool knows how."""
    for pattern, en in _REASONS_EN:
        if (found := pattern.search(reason)) is not None:
            return reason[: found.start()] + found.expand(en) + reason[found.end() :]
    return reason


# Characters a message never prints as they are: C0 and C1 controls but the tab and line break, lone surrogates,
# and U+FFFE and U+FFFF (no characters at all).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def say(key: str, lang: Lang, /, **params: object) -> str:
    """The message `key` in `lang`, filled with `params` (each Term in the same language)."""
    zh, en = CATALOG[key]
    template = zh if lang == "zh" else en
    chosen = {k: (v.zh if lang == "zh" else v.en) if isinstance(v, Term) else v for k, v in params.items()}
    if isinstance(reason := chosen.get("reason"), str):
        chosen["reason"] = reason_in_chinese(reason) if lang == "zh" else reason_in_english(reason)
    for k, v in chosen.items():
        if isinstance(v, str) and not v.isprintable() and _UNSHOWABLE.search(v):
            # A header or a file name holding an escape sequence (\x1b[31m, a BEL) would act on the terminal
            # the message is printed to: shown as �, as such a character in a cell is.
            chosen[k] = _UNSHOWABLE.sub("\ufffd", v)
    try:
        return template.format(**chosen)
    except KeyError as missing:
        if missing.args and missing.args[0] in COMMUNITY_PLACES:
            # Said where no rule set names the places (a reader's error before the run has one): as the rule
            # sets that leave their places unwritten head them, 街道 and 社区.
            return say(key, lang, **(COMMUNITY_PLACES | params))
        return template
    except (IndexError, ValueError):
        return template
