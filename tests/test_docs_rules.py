"""docs/rules.md teaches the rule language by example: every YAML example in it must be right.

Each ```yaml block follows a marker: `<!-- rules-file: NAME -->` for a whole rule file, which must validate and
pass its own tests, or `<!-- part-of: NAME -->` for a fragment, whose lines must appear, in order and together,
in that whole file (indentation aside)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eligibility.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"(?:<!-- (rules-file|part-of): (\S+) -->\n)?```yaml\n(.*?)```", re.S)
BLOCKS = [(kind, name, body) for kind, name, body in BLOCK.findall(DOC)]
FILES = {name: body for kind, name, body in BLOCKS if kind == "rules-file"}
PARTS = [(name, body) for kind, name, body in BLOCKS if kind == "part-of"]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_every_yaml_example_is_marked() -> None:
    assert FILES, "no whole rule file in docs/rules.md"
    unmarked = [body.splitlines()[0] for kind, _, body in BLOCKS if not kind]
    assert not unmarked, f"yaml blocks without a rules-file/part-of marker: {unmarked}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs-rules")
    for name, body in FILES.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(FILES))
def test_whole_rule_file_is_valid_to_the_schema_editors_use(name: str) -> None:
    import json

    import jsonschema

    from eligibility.ruleset.model import rule_file_schema
    from eligibility.ruleset.yamlpos import load

    data, _ = load(FILES[name])
    jsonschema.validate(json.loads(json.dumps(data, default=str)), rule_file_schema())


@pytest.mark.parametrize("name", sorted(FILES))
def test_whole_rule_file_validates_and_passes_its_tests(written: Path, name: str) -> None:
    path = written / name
    validated = CliRunner().invoke(app, ["rules", "validate", str(path), "--lang", "en"])
    assert validated.exit_code == 0, validated.stdout + validated.stderr
    tested = CliRunner().invoke(app, ["rules", "test", str(path), "--lang", "en"])
    assert tested.exit_code == 0, tested.stdout + tested.stderr
    assert "0 failed" in tested.stdout and " 0 passed" not in tested.stdout, tested.stdout


@pytest.mark.parametrize("name", sorted(FILES))
def test_whole_rule_file_teaches_only_what_its_period_uses(written: Path, name: str) -> None:
    # Appendix A gave director_min_education a value for 2018-2020, and a case of a 2020 election, in a file in
    # effect from 2021-03-01 only: a check of that election gets ruleset-not-in-effect, not "初中即可" (helper-95).
    from eligibility import load_ruleset

    rules = load_ruleset(written / name).file
    start, end = rules.effective.from_, rules.effective.to
    for case in rules.tests:
        day = case.election_date or rules.election_date
        assert (start is None or start <= day) and (end is None or day <= end), f"{case.case}: {day}"
    for parameter_name, parameter in rules.parameters.items():
        values = parameter.values or []
        for index, dated in enumerate(values):
            following = values[index + 1] if index + 1 < len(values) else None
            in_force = f"{parameter_name}'s value from {dated.from_}"
            assert end is None or dated.from_ <= end, f"{in_force} begins after {end}"
            assert start is None or following is None or following.from_ > start, (
                f"{in_force} ends before {start}"
            )


@pytest.mark.parametrize("name", sorted(FILES))
def test_whole_rule_file_draws_no_warning(written: Path, name: str) -> None:
    # A dated value no election of the file's period uses is a warning the tool says (ruleset-param-value-dead):
    # the guide's examples, which teach the first `from` on the period's first day, draw none.
    from eligibility import load_ruleset

    assert load_ruleset(written / name).warnings == []
    validated = CliRunner().invoke(app, ["rules", "validate", str(written / name), "--lang", "en"])
    assert validated.stderr == "", validated.stderr


@pytest.mark.parametrize(("name", "fragment"), PARTS, ids=[f"{n}:{_lines(f)[0][:40]}" for n, f in PARTS])
def test_fragment_is_part_of_its_whole_file(name: str, fragment: str) -> None:
    assert name in FILES, f"part-of names {name}, which the document does not show whole"
    whole, part = _lines(FILES[name]), _lines(fragment)
    starts = [i for i in range(len(whole) - len(part) + 1) if whole[i : i + len(part)] == part]
    assert starts, f"this fragment is not in {name}:\n{fragment}"


def test_the_commands_the_guide_shows_print_what_it_says(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The guide's ```text block of `$ eligibility …` lines, each run on its files: the words it shows (a
    # condition as 周岁 > 60, not age > director_max_age) are what the tool prints.
    shown = re.search(r"```text\n(\$ eligibility rules validate .*?)```", DOC, re.S)
    assert shown is not None
    monkeypatch.chdir(written)
    for command in re.split(r"\n(?=\$ )", shown[1].strip()):
        line, *printed = command.splitlines()
        args = line.removeprefix("$ eligibility ").split()
        result = CliRunner().invoke(app, args)
        assert result.stdout.splitlines() == [p for p in printed if p], line
