"""The README stays true: its example output is what the tool prints, and CI runs its commands."""

from __future__ import annotations

import re
import shlex

from typer.testing import CliRunner

from eligibility.cli import app

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_example_output_is_current() -> None:
    match = re.search(r"<!-- example-output: eligibility (.+?) -->\n```text\n(.*?)\n```", README, re.S)
    assert match is not None
    args, shown = shlex.split(match[1]), match[2]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120"})
    printed = "\n".join(line.rstrip() for line in result.stdout.rstrip("\n").splitlines())
    assert printed == shown


def test_quick_start_commands_are_what_ci_runs() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    install_and_run, install_and_test = blocks[0], blocks[1]
    assert "eligibility check examples/" in install_and_run
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    run_without_check = install_and_run.split(" && eligibility")[0]
    assert run_without_check.replace("pip install .", "pip install --quiet .") in ci
    check_command = "eligibility" + install_and_run.split(" && eligibility")[1]
    assert check_command in ci.replace(" \\\n    ", " ")
    test_install, test_command = install_and_test.rsplit(" && ", 1)
    assert test_install.replace("pip install", "pip install --quiet") in ci
    assert ci.rstrip().endswith(test_command)
