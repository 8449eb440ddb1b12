"""The bad-roster corpus: every file in tests/corpus/files/ through the CLI, against its outcome in cases.yaml.

The files are written by tests/corpus/make_corpus.py; each case says the exit code of
`eligibility check FILE --format json --lang en --fail-on ineligible [args]` and what the report or the one-line
error must say. Whatever the file, the tool must never show a traceback and never change the file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from eligibility.cli import app
from eligibility.messages import DATA_CHECKS

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = CORPUS / "files"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
STATUSES = {"eligible", "review", "ineligible", "invalid"}
ENCODINGS = {"utf-8", "utf-8-sig", "gb18030", "utf-16"}

runner = CliRunner()


def digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(FILES.iterdir())}


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_corpus_file(case: dict[str, Any]) -> None:
    before = digests()
    result = runner.invoke(
        app,
        ["check", str(FILES / case["file"]), "--format", "json", "--lang", "en", "--fail-on", "ineligible"]
        + case["args"],
    )
    assert digests() == before, "the check changed a corpus file"
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case["exit"], result.stderr or result.stdout[-2000:]

    if case["exit"] == 2:
        assert result.stdout == ""
        assert case["error"] in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        return

    report = json.loads(result.stdout)
    candidates = sorted(report["candidates"], key=lambda c: c["source"]["row"])
    assert len(candidates) == case["rows"]
    if "encoding" in case:
        assert report["inputs"][0]["encoding"] == case["encoding"]
    if "input_findings" in case:
        noted = {finding["rule"] for finding in report["inputs"][0]["findings"]}
        assert set(case["input_findings"]) <= noted
    if "statuses" in case:
        assert [c["status"] for c in candidates] == case["statuses"]
    for row, rules in case.get("findings", {}).items():
        found = {finding["rule"] for finding in candidates[row - 1]["findings"]}
        assert set(rules) <= found, f"row {row}: expected {rules}, found {sorted(found)}"
    # Every finding is a rule of the rule set, or a data check `rules explain` can tell, at its listed level.
    rules = {rule["id"] for rule in report["rules"]}
    said = [("candidate", f) for c in candidates for f in c["findings"]]
    said += [("file", f) for i in report["inputs"] for f in i["findings"]]
    for scope, finding in said:
        if finding["rule"] not in rules:
            assert DATA_CHECKS[finding["rule"]] == (finding["severity"], scope), finding


def test_corpus_is_complete_and_well_formed() -> None:
    named = [case["file"] for case in CASES]
    assert len(named) >= 30
    assert len(set(named)) == len(named), "a file has two cases"
    assert set(named) == {p.name for p in FILES.iterdir()}, "files/ and cases.yaml disagree"
    for case in CASES:
        assert case["about"] and isinstance(case["args"], list), case["file"]
        if case["exit"] == 2:
            assert case["error"] and not {"rows", "statuses", "findings", "input_findings"} & case.keys(), (
                case["file"]
            )
            continue
        assert case["exit"] in (0, 1) and "error" not in case, case["file"]
        assert case.get("encoding", "utf-8") in ENCODINGS, case["file"]
        statuses = case.get("statuses", [])
        assert not statuses or len(statuses) == case["rows"], case["file"]
        assert set(statuses) <= STATUSES, case["file"]
        assert all(1 <= row <= case["rows"] for row in case.get("findings", {})), case["file"]
        # exit 1 at --fail-on ineligible needs an ineligible or invalid candidate, or an invalid finding on the
        # file (a misspelt column), and exit 0 allows none.
        if statuses:
            from eligibility.messages import DATA_CHECKS

            of_file = {DATA_CHECKS[rule][0] for rule in case.get("input_findings", []) if rule in DATA_CHECKS}
            failing = {"ineligible", "invalid"} & (set(statuses) | of_file)
            assert (case["exit"] == 1) == bool(failing), case["file"]
