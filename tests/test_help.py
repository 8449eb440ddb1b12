"""The help of every command: Chinese by default, English with --lang en or ELIGIBILITY_LANG=en, whole and fitting."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from eligibility.cli import app
from eligibility.helptext import in_language, language_asked
from eligibility.messages import HELP, LANGS, Lang

from conftest import EXAMPLES, ROOT

runner = CliRunner()
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# ELIGIBILITY_LANG as the test says, whatever the shell running the tests has. (CliRunner lays help out in 80
# columns.)
ZH: dict[str, str | None] = {"ELIGIBILITY_LANG": None}
EN: dict[str, str | None] = {"ELIGIBILITY_LANG": "en"}
COMMANDS = [
    [],
    ["check"],
    ["schema"],
    ["template"],
    ["rules"],
    ["rules", "list"],
    ["rules", "show"],
    ["rules", "validate"],
    ["rules", "explain"],
    ["rules", "test"],
]


def help_of(args: list[str], env: dict[str, str | None], **settings: Any) -> str:
    result = runner.invoke(app, [*args, "--help"], env=env, **settings)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_the_help_is_chinese_by_default() -> None:
    assert help_of([], ZH) == (
        "用法：eligibility [OPTIONS] COMMAND [ARGS]...\n"
        "\n"
        "  对照规则集，审查社区和村“两委”换届选举的候选人名册。\n"
        "\n"
        "选项：\n"
        "  --version       显示版本号后退出。\n"
        "  --lang <zh|en>  本帮助和其后命令的语言（命令自己的 --lang 优先；也可设环境变量\n"
        "                  ELIGIBILITY_LANG）。\n"
        "  --help          显示本帮助后退出。\n"
        "\n"
        "命令：\n"
        "  check     审查名册：每名候选人、每个班子是否符合条件。\n"
        "  schema    输出 JSON 报告或规则文件的 JSON Schema。\n"
        "  template  生成一份空白名册，列为规则集所用的各列，供填写。\n"
        "  rules     规则集：列出、查看、校验、解释和测试。\n"
    )


def test_the_help_of_check_is_chinese_by_default() -> None:
    said = help_of(["check"], ZH)
    assert said.startswith(
        "用法：eligibility check [OPTIONS] {PATH}...\n\n  审查名册：每名候选人、每个班子是否符合条件。\n"
    )
    for line in (
        "  退出码：0 没有达到 --fail-on 等级的意见；1 有；2 审查未能进行。",
        "参数：",
        "选项：",
        "  --rules FILE|NAME               规则文件，或内置规则集的名称。",
        "  --communities FILE              社区表：各社区的选举日和核定职数。",
        "  --approvals FILE                批复表：事先审批的批复。",
        "  --show-pii                      显示完整的身份证号（默认隐去中间的数字）。",
        "  --help                          显示本帮助后退出。",
    ):
        assert line in said.splitlines(), line
    # Click's own notes after an option's help, in Chinese and kept on one line.
    assert "提名，never 从不）。  [默认：review]" in said
    assert "[环境变量：ELIGIBILITY_LANG；默认：zh]" in said
    assert "[必填]" in said
    for english in ("Usage", "Options", "Arguments", "default:", "env var", "required", "Show this message"):
        assert english not in said


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["check", "--lang", "en"], ZH),
        (["check", "--lang=en"], ZH),
        (["check"], EN),
        # Asked for after --help, which click acts on first.
        (["check", "--help", "--lang", "en"], ZH),
        # Or of `eligibility` itself, before the command; the command's own wins.
        (["--lang", "en", "check"], ZH),
        (["--lang", "zh", "check", "--lang", "en"], ZH),
    ],
)
def test_the_help_of_check_is_english_when_asked_for(args: list[str], env: dict[str, str | None]) -> None:
    said = help_of(args, env)
    assert said.startswith(
        "Usage: eligibility check [OPTIONS] {PATH}...\n\n"
        "  Check rosters and report each candidate's and team's eligibility.\n\n"
        "  Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 the check could\n  not run.\n"
    )
    assert "  --rules FILE|NAME               Rule file, or the name of a bundled rule set.\n" in said
    assert "  --help                          Show this message and exit.\n" in said
    assert "[default: review]" in said
    assert not CHINESE.search(said)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        ([], EN),
        # `eligibility --lang en --help` was refused: "there is no option --lang".
        (["--lang", "en"], ZH),
        (["--lang=en"], ZH),
        (["--lang", "en"], {"ELIGIBILITY_LANG": "zh"}),
    ],
)
def test_the_top_help_is_english_when_asked_for(args: list[str], env: dict[str, str | None]) -> None:
    assert help_of(args, env) == (
        "Usage: eligibility [OPTIONS] COMMAND [ARGS]...\n"
        "\n"
        "  Check candidate rosters for community and village two-committee (两委) elections\n"
        "  against a rule file.\n"
        "\n"
        "Options:\n"
        "  --version       Show the version and exit.\n"
        "  --lang <zh|en>  Language of this help and of the command after it (the\n"
        "                  command's own --lang wins; or set ELIGIBILITY_LANG).\n"
        "  --help          Show this message and exit.\n"
        "\n"
        "Commands:\n"
        "  check     Check rosters and report each candidate's and team's eligibility.\n"
        "  schema    Print the JSON Schema of the JSON report or of rule files.\n"
        "  template  Write an empty roster with the rule set's columns, to fill in.\n"
        "  rules     Rule sets: list, show, validate, explain and test them.\n"
    )


def test_lang_on_the_command_line_comes_before_eligibility_lang() -> None:
    assert help_of(["check", "--lang", "zh"], EN).startswith("用法：eligibility check")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"ELIGIBILITY_LANG": None}, "zh"),
        ({"ELIGIBILITY_LANG": "en"}, "en"),
        ({"ELIGIBILITY_LANG": "zh"}, "zh"),
    ],
)
def test_the_installed_command_reads_its_language_from_its_own_command_line(
    env: dict[str, str | None], lang: Lang
) -> None:
    # CliRunner hands the arguments to the command; the console script leaves them in sys.argv.
    environment = {k: v for k, v in os.environ.items() if k != "ELIGIBILITY_LANG"}
    environment |= {k: v for k, v in env.items() if v is not None}
    for args, asked in (([], lang), (["check"], lang), (["check", "--lang", "en"], "en")):
        command = [sys.executable, "-m", "eligibility", *args, "--help"]
        ran = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60, check=True)
        usage = "用法：" if asked == "zh" else "Usage: "
        assert ran.stdout.startswith(f"{usage}python -m eligibility {' '.join(args[:1])}".rstrip()), (
            ran.stdout
        )


def _helps(lang: Lang) -> dict[str, str]:
    """The help of every command, argument and option, in `lang`, by where it stands ("check --rules")."""
    top = typer.main.get_command(app)
    in_language(top, lang)
    helps: dict[str, str] = {}
    for path, command in _commands_of(top):
        helps[path or "eligibility"] = command.help or ""
        for param in command.params:
            helps[f"{path} {param.opts[0] if param.param_type_name == 'option' else param.name}"] = (
                param.help or ""
            )
    return helps


def _commands_of(top: Any) -> Iterator[tuple[str, Any]]:
    def under(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from under(sub, f"{path} {name}".strip())

    yield from under(top, "")


def test_every_command_argument_and_option_has_its_help_in_both_languages() -> None:
    zh, en = _helps("zh"), _helps("en")
    assert zh.keys() == en.keys()
    assert {"check --election-date", "check --fail-on", "check --jobs", "check paths"} <= zh.keys()
    for where in zh:
        assert CHINESE.search(zh[where]), f"{where}: no Chinese help ({zh[where]!r})"
        assert en[where] and not CHINESE.search(en[where].replace("(两委)", "")), f"{where}: {en[where]!r}"
    # And each text of the table is some command's or option's help: none is left over from one renamed.
    for lang, said in (("zh", zh), ("en", en)):
        shown = set(said.values())
        assert [key for key, pair in HELP.items() if pair[LANGS.index(lang)] not in shown] == []


def test_every_option_of_check_has_its_help_in_both_languages() -> None:
    zh, en = _helps("zh"), _helps("en")
    check = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    for param in check.params:
        where = f"check {param.opts[0] if param.param_type_name == 'option' else param.name}"
        assert CHINESE.search(zh[where]) and en[where] and not CHINESE.search(en[where]), where


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "eligibility")
@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_chinese_help_fits_the_terminal(args: list[str], width: int) -> None:
    # Click counts characters, and a Chinese one takes two columns: its lines ran to twice the terminal's width.
    said = help_of(args, ZH, terminal_width=width)
    for line in said.splitlines():
        if line.lstrip().startswith("--format <"):
            continue  # an option's name and choices, which click leaves whole in either language
        assert _columns(line) <= width, line
    # Broken beside a Chinese character, never before closing punctuation.
    assert not any(
        line.lstrip().startswith(("，", "。", "、", "；", "：", "）", "”")) for line in said.splitlines()
    )


def _rows(page: str) -> list[str]:
    """A help page's usage line and the first column of its lists: commands, arguments and options as typed."""
    lines = page.splitlines()
    rows = [lines[0].split("eligibility", 1)[1]]
    listed = False  # the command's own help comes before the first heading
    for line in lines[1:]:
        if line and not line.startswith(" "):
            listed = True
        elif listed and re.match(r"  \S", line):
            rows.append(line.strip().split("  ")[0])
    return rows


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "eligibility")
def test_the_names_and_metavars_are_the_same_in_both_languages(args: list[str]) -> None:
    # Command names, option names and metavars are a contract (DESIGN.md): only the words around them change.
    zh, en = _rows(help_of(args, ZH)), _rows(help_of(args, EN))
    assert zh == en
    assert any(row.startswith("--help") for row in zh)


def test_a_group_given_no_command_shows_its_help_in_the_language_asked() -> None:
    zh = runner.invoke(app, ["rules"], env=ZH)
    en = runner.invoke(app, ["rules"], env=EN)
    assert zh.exit_code == en.exit_code == 2
    assert "规则集：列出、查看、校验、解释和测试。" in zh.stderr + zh.stdout
    assert "Rule sets: list, show, validate, explain and test them." in en.stderr + en.stdout


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        ([], None, "zh"),
        ([], "en", "en"),
        ([], "fr", "zh"),
        (["check", "--lang", "en"], None, "en"),
        (["check", "--lang=en"], None, "en"),
        (["check", "--lang", "zh"], "en", "zh"),
        (["check", "--lang", "fr"], "en", "en"),  # not a language: as if not given
        (["check", "--lang"], None, "zh"),
        (["--lang", "en", "check", "--lang", "zh"], None, "zh"),  # the command's own, after, wins
        (["--lang", "zh", "check", "--lang=en"], None, "en"),
    ],
)
def test_the_language_asked_for(
    args: list[str], env: str | None, lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    if env is None:
        monkeypatch.delenv("ELIGIBILITY_LANG", raising=False)
    else:
        monkeypatch.setenv("ELIGIBILITY_LANG", env)
    assert language_asked(args) == lang


ROSTER = str(EXAMPLES / "roster.csv")


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["--lang", "en", "check", ROSTER], ZH, "en"),
        (["--lang=en", "check", ROSTER], ZH, "en"),
        # Given on the command line, it comes before ELIGIBILITY_LANG, as the command's own does.
        (["--lang", "zh", "check", ROSTER], EN, "zh"),
        (["--lang", "en", "check", ROSTER], {"ELIGIBILITY_LANG": "zh"}, "en"),
        # The command's own --lang wins, wherever it stands among the command's options.
        (["--lang", "en", "check", ROSTER, "--lang", "zh"], ZH, "zh"),
        (["--lang", "zh", "check", "--lang", "en", ROSTER], ZH, "en"),
    ],
)
def test_lang_before_the_command_is_the_commands_language(
    args: list[str], env: dict[str, str | None], lang: Lang
) -> None:
    # As if --lang had been given to the command: its report, byte for byte, and its verdict.
    ran = runner.invoke(app, [*args, "--format", "json"], env=env)
    assert ran.exit_code == 1, ran.output
    own = runner.invoke(app, ["check", ROSTER, "--lang", lang, "--format", "json"], env=ZH)
    assert ran.stdout == own.stdout and ran.stderr == own.stderr
    assert ran.stderr.startswith("结果：未通过" if lang == "zh" else "result: fails"), ran.stderr


def test_lang_before_a_command_of_rules_is_its_language() -> None:
    said = runner.invoke(app, ["--lang", "en", "rules", "list"], env=ZH)
    assert said.exit_code == 0 and "community-2006\tv1\t21 rules" in said.stdout, said.output


@pytest.mark.parametrize("env", [None, "en"])
def test_a_wrong_lang_before_the_command_is_refused_as_the_commands_own_is(env: str | None) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("ELIGIBILITY_LANG", "GITHUB_ACTIONS")}
    environment |= {"ELIGIBILITY_LANG": env} if env else {}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "eligibility", *args]
        return subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=60, check=False
        )

    before, own = run("--lang", "fr", "check", ROSTER), run("check", ROSTER, "--lang", "fr")
    assert before.returncode == own.returncode == 2
    said = "错误: --lang 只能是 zh、en 之一\n" if env is None else "error: --lang must be one of zh, en\n"
    usage = (
        "用法见 python -m eligibility{} --help\n" if env is None else "see python -m eligibility{} --help\n"
    )
    assert (before.stderr, own.stderr) == (said + usage.format(""), said + usage.format(" check"))
    # And in the report CI reads, as the command's own is (helper-94).
    annotated = run("--lang", "fr", "check", ROSTER, "--format", "github")
    assert annotated.returncode == 2
    assert annotated.stdout.startswith("::error title=eligibility::") and "--lang" in annotated.stdout


@pytest.mark.parametrize("env", [ZH, EN], ids=["zh", "en"])
def test_the_help_of_path_names_what_the_readme_says_check_reads(env: dict[str, str | None]) -> None:
    # The README's PATH takes .txt as Excel saves text, and a quoted pattern: the help listed neither (helper-130).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    types = readme.split("`PATH` is a roster file (", 1)[1].split(")", 1)[0]
    extensions = re.findall(r"\.\w+", types)
    assert ".txt" in extensions
    said = " ".join(help_of(["check"], env, terminal_width=200).split())
    path = said.split("PATH <list[Path]>", 1)[1].split(" [", 1)[0]
    assert all(re.search(rf"{re.escape(extension)}\b", path) for extension in extensions), path
    assert '"rosters/*.xlsx"' in path  # a pattern, quoted so that the shell leaves it to the tool
