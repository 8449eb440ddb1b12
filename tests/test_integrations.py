"""The pre-commit hook and the GitHub Action that roster repositories use: well-formed and pointing at us."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "eligibility"
    assert hook["entry"] == "eligibility check"
    assert hook["language"] == "python"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    assert files.search("rosters/东湖街道.xlsx") and files.search("a/roster.csv")
    assert exclude.search("rosters/communities.csv") and not exclude.search("rosters/roster.csv")
    # The repository's own YAML is no roster: it stopped the first commit of the README's recipe.
    assert exclude.search(".pre-commit-config.yaml") and exclude.search(".github/workflows/ci.yml")
    assert not exclude.search("rosters/a.b.yaml")


def test_github_action() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "rules", "communities", "approvals", "fail-on", "sarif"} <= set(action["inputs"])
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert 'pip install "${{ github.action_path }}"' in script
    assert "--format github" in script and "--format sarif" in script
