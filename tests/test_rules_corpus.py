"""Broken rule files (tests/rules_corpus/): each must be refused with its file, line and a message that says what is
wrong, through the command an officer runs, `eligibility rules validate FILE`; a slip that leaves the file usable
(`warning: true`) is said the same way, and the file passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from eligibility.cli import app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "rules_corpus"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


def _validate(path: Path) -> Any:
    return CliRunner().invoke(app, ["rules", "validate", str(path), "--lang", "en"])


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["file"], marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_broken_rule_file_is_refused_at_its_line(case: dict[str, Any]) -> None:
    path = CORPUS / case["file"]
    result = _validate(path)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == (0 if case.get("warning") else 1), output
    problem = next((line for line in result.stderr.splitlines() if case["expect"] in line), None)
    assert problem is not None, f"{case['expect']!r} not in:\n{result.stderr}"
    # The location comes first: FILE:LINE: (or FILE:LINE:COLUMN:), or `FILE: ` when there is no line.
    where = f"{path}:{case['line']}:" if case["line"] is not None else f"{path}: "
    assert problem.startswith(where), f"expected {where!r}, got:\n{problem}"
    # A warning says so after its place, as compilers do; a mistake does not.
    assert (re.match(r"[^ ]*:\d+:(\d+:)? warning: ", problem) is not None) == bool(case.get("warning")), (
        problem
    )


def test_the_corpus_lists_every_file_once() -> None:
    listed = [case["file"] for case in CASES]
    assert len(listed) == len(set(listed))
    on_disk = sorted(p.name for p in CORPUS.glob("*.yaml") if p.name != "cases.yaml")
    assert sorted(listed) == on_disk
    for case in CASES:
        assert set(case) <= {"file", "mistake", "expect", "line", "fix", "xfail", "warning"}, case
        assert case["expect"] and case["mistake"] and case["fix"], case


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_broken_rule_file_holds_one_mistake(case: dict[str, Any], tmp_path: Path) -> None:
    # Undoing the one mistake leaves a valid rule file: the file has no second, hidden mistake.
    text = (CORPUS / case["file"]).read_text(encoding="utf-8")
    wrong, right = case["fix"]["from"], case["fix"]["to"]
    assert text.count(wrong) == 1, f"fix.from must occur once in {case['file']}"
    fixed = tmp_path / case["file"]
    fixed.write_text(text.replace(wrong, right), encoding="utf-8")
    result = _validate(fixed)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stderr == "", result.stderr  # no warning left either


def test_the_bundled_rule_set_is_valid() -> None:
    result = CliRunner().invoke(app, ["rules", "validate", str(ROOT / "rules" / "community-2006.yaml")])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _guide_messages() -> list[str]:
    """The messages docs/rules.md's table of common mistakes shows (section 13), as written there."""
    guide = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 13.") : guide.index("## 14.")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line.split(" | ")[-1]]
    rows = [row for row in rows if "Message (" not in row]  # the table's head
    return [row.split(" | ")[-1].split("`")[1] for row in rows]


@pytest.fixture(scope="module")
def corpus_said() -> Iterator[list[str]]:
    # Run from the corpus folder, as an author runs it beside their file: paths read as written.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(CORPUS)
        yield [line for case in CASES for line in _validate(Path(case["file"])).stderr.splitlines()]


@pytest.mark.parametrize("message", _guide_messages())
def test_the_guide_shows_each_common_mistake_as_the_tool_says_it(
    message: str, corpus_said: list[str]
) -> None:
    # The guide's table is what an author compares their screen with: each message, its … parts left out,
    # must be what `rules validate` says of one of the corpus files, in that order on one line.
    pieces = [piece for piece in message.split("…") if piece.strip(" ;")]

    def says(line: str) -> bool:
        at = 0
        for piece in pieces:
            at = line.find(piece, at)
            if at < 0:
                return False
            at += len(piece)
        return True

    assert any(says(line) for line in corpus_said), f"no corpus file is told {message!r}"
