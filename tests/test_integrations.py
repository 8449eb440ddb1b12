"""The pre-commit hook and the GitHub Action that roster repositories use: well-formed and pointing at us."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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
    # A roster named for its community was passed over by a 社区 prefix, and a broken one passed (helper-50).
    assert not exclude.search("rosters/社区两委候选人名册.csv")
    assert exclude.search("rosters/审批表.xlsx") and exclude.search("rosters/社区职数.xlsx")
    assert exclude.search("rosters/社区表.csv") and exclude.search("rosters/Communities.csv")  # (helper-53)
    # The README's configuration keeps the hook's file types: a scan among the rosters is not named to it.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [config] = re.findall(r"```yaml\n(repos:.*?)```", readme, re.DOTALL)
    [hook_config] = yaml.safe_load(config)["repos"][0]["hooks"]
    given = re.compile(hook_config["files"])
    assert given.search("rosters/东湖街道.xlsx") and not given.search("rosters/签字版.pdf")


def test_github_action() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "rules", "communities", "approvals", "fail-on", "sarif"} <= set(action["inputs"])
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert 'pip install "${{ github.action_path }}"' in script
    assert "--format github" in script and "--format sarif" in script


def test_the_github_action_passes_inputs_as_values_and_reports_at_the_checks_level(tmp_path: Path) -> None:
    # SARIF and the summary were written at --fail-on never, whatever the input said: every SARIF result a
    # warning, so code scanning passed ineligible candidates; inputs were pasted into the script, and a folder
    # named with a space was two arguments (helper-49).
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    [step] = [s for s in action["runs"]["steps"] if s.get("name") == "Check rosters"]
    script = step["run"]
    assert "--fail-on never" not in script and "${{" not in script
    assert set(step["env"].values()) >= {f"${{{{ inputs.{name} }}}}" for name in action["inputs"]}
    # The script itself, run by bash with eligibility standing in as a program that prints its arguments.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "eligibility"
    fake.write_text('#!/bin/bash\nprintf "<%s>" "$@"; echo\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "ROSTERS": "rosters/东湖 街道\nrosters/西岭街道.xlsx\n",
        "RULES": "$(touch pwned)",
        "FAIL_ON": "ineligible",
        "LANG_": "zh",
        "COMMUNITIES": "",
        "APPROVALS": "",
        "ELECTION_DATE": "",
        "SARIF": "out.sarif",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    ran = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    calls = [*ran.stdout.splitlines(), *(tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()]
    assert len(calls) == 3 and not (tmp_path / "pwned").exists()
    for call in calls:
        assert call.startswith("<check><rosters/东湖 街道><rosters/西岭街道.xlsx><--rules><$(touch pwned)>")
        assert "<--fail-on><ineligible>" in call and "never" not in call
    assert calls[0].endswith("<--format><sarif><--output><out.sarif>")
    assert calls[1].endswith("<--format><github>") and calls[2].endswith("<--format><markdown>")


def test_the_github_action_leaves_no_earlier_sarif_behind_a_check_that_cannot_run(tmp_path: Path) -> None:
    # Exit 2 writes no report: an earlier run's SARIF left in place was uploaded as this run's (helper-49).
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    [step] = [s for s in action["runs"]["steps"] if s.get("name") == "Check rosters"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "eligibility").write_text("#!/bin/bash\nexit 2\n", encoding="utf-8")
    (bin_dir / "eligibility").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        **{name: "" for name in ("RULES", "FAIL_ON", "LANG_", "COMMUNITIES", "APPROVALS", "ELECTION_DATE")},
        "ROSTERS": "rosters",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    stale = tmp_path / "out.sarif"
    stale.write_text(
        '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "runs": []\n}\n', "utf-8"
    )
    mistaken = tmp_path / "roster.csv"  # a SARIF input naming a roster: never removed
    mistaken.write_text("姓名,社区,拟任职务\n甲,青松社区,居委会委员\n", "utf-8")
    for path in (stale, mistaken):
        ran = subprocess.run(
            ["bash", "-c", step["run"]], env={**env, "SARIF": path.name}, cwd=tmp_path, capture_output=True
        )
        assert ran.returncode == 2
    assert not stale.exists() and mistaken.exists()
