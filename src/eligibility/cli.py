"""The command line: parse options, call the library, pick a formatter, choose the exit code. Nothing else."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, cast

import typer

from eligibility import __version__
from eligibility.errors import (
    EligibilityError,
    Location,
    OptionError,
    RuleSetError,
    display_path,
    unwritable_reason,
)
from eligibility.formatters import NO_FORMAT_WRITES, OutputFormat, format_of, formatter_for
from eligibility.formatters.interface import Options
from eligibility.helptext import CommandLine, language_asked
from eligibility.messages import Lang, Term, plural, say

if TYPE_CHECKING:
    from eligibility.report import Report
    from eligibility.ruleset.loader import Policy


class ExitCode(IntEnum):
    """What `check` tells its caller (CI reads these)."""

    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # something is
    ERROR = 2  # the check could not run


class Language(StrEnum):
    zh = "zh"
    en = "en"


class FailOn(StrEnum):
    warning = "warning"
    review = "review"
    ineligible = "ineligible"
    never = "never"


# The help of every command, argument and option is in messages.HELP, in Chinese and English, under the command's
# path and the option's name ("check --election-date"): CommandLine puts the reader's language in before it runs.
app = typer.Typer(
    name="eligibility",
    cls=CommandLine,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eligibility {__version__}")
        raise typer.Exit()


# Where `eligibility --lang en` leaves the language given to it for the command after it (a context's meta is
# shared by the contexts of the commands under it).
_LANG_GIVEN = "eligibility.lang"


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[Language | None, typer.Option("--lang", show_default=False)] = None,
) -> None:
    """The options of `eligibility` itself, before a command."""
    if lang is not None:
        ctx.meta[_LANG_GIVEN] = lang


def _command_language(ctx: typer.Context, param: typer.CallbackParam, value: Language) -> Language:
    """A command's language: its own --lang, else the one given to `eligibility` before it (eligibility --lang en
    check …), else ELIGIBILITY_LANG, else Chinese."""
    given: Language | None = ctx.meta.get(_LANG_GIVEN)
    source = ctx.get_parameter_source(param.name or "lang")
    if given is None or getattr(source, "name", None) == "COMMANDLINE":
        return value
    return given


# Options shared by several commands, defined once.
RulesOption = Annotated[
    str | None,
    typer.Option("--rules", metavar="FILE|NAME"),
]
LangOption = Annotated[
    Language,
    typer.Option("--lang", envvar="ELIGIBILITY_LANG", callback=_command_language),
]


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            show_default=False,
        ),
    ],
    rules: RulesOption = None,
    election_date: Annotated[
        str | None,
        typer.Option("--election-date", metavar="YYYY-MM-DD"),
    ] = None,
    communities: Annotated[
        Path | None,
        typer.Option("--communities", metavar="FILE"),
    ] = None,
    approvals: Annotated[Path | None, typer.Option("--approvals", metavar="FILE")] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on")] = FailOn.review,
    overrides: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="PARAM=VALUE"),
    ] = None,
    show_pii: Annotated[bool, typer.Option("--show-pii")] = False,
    lang: LangOption = Language.zh,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME"),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME"),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option("--explain"),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
        ),
    ] = 1,
) -> None:
    """`eligibility check`: the report in the format asked for, and the verdict as the exit code (ExitCode)."""
    from eligibility.engine import Options as CheckOptions
    from eligibility.engine import Review
    from eligibility.formatters.interface import Streams
    from eligibility.report import (
        CandidateResult,
        Serialised,
        TeamResult,
        fails,
        fails_at,
        findings_fail,
    )

    language: Lang = lang.value
    if output is not None and str(output) == STDIN_NAME:
        output = None  # --output - is standard output, as - among the paths is standard input
    if output_format is None and output is not None and output.suffix.lower() in NO_FORMAT_WRITES:
        with user_errors(language, show_pii):
            raise OptionError("option-output-suffix", suffix=output.suffix, formats=", ".join(OutputFormat))
    chosen = (
        output_format
        or (format_of(output.name) if output is not None else None)
        or (OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.table)
    )
    formatter = formatter_for(chosen)
    with (
        user_errors(language, show_pii, _error_in_report(chosen, output, language, show_pii)),
        contextlib.ExitStack() as watched,
    ):
        # The count on the terminal ends before the report is written there, and is not shown at all while a
        # streamed report goes to that terminal: the two would be drawn over each other.
        streamed_here = output is None and sys.stdout.isatty() and isinstance(formatter, Streams)
        progress = None if streamed_here else watched.enter_context(_progress(language))
        if formatter.binary and output is None and sys.stdout.isatty():
            raise OptionError("option-binary-terminal", format=chosen.value)
        to_terminal = output is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((120, 24)).columns if to_terminal else 120
        # NO_COLOR (no-color.org): set to anything but "", no colour, on a terminal too.
        color = to_terminal and not os.environ.get("NO_COLOR")
        options = Options(lang=language, color=color, width=width, fail_on=fail_on.value, explain=explain)
        settings = CheckOptions(
            _date_option(election_date),
            communities,
            approvals,
            _overrides(overrides or []),
            show_pii,
            language,
            encoding,
            sheet,
            explain,
        )
        # A check allocates a few short-lived objects per cell and keeps a small member per candidate: collecting
        # the young generation less often saves about a tenth of the run, and the kept members are never cyclic.
        gc.set_threshold(20_000, 50, 50)
        # Only JSON and JSON lines are written as they come: any other report to standard output has nothing
        # of it there yet (helper-58).
        streamed = output is None and isinstance(formatter, Streams)
        _end_cleanly_on_sigterm(language, streamed, _error_in_report(chosen, output, language, show_pii))
        if output is not None and output.is_dir():
            # Said now, not after a province has been checked.
            raise EligibilityError("output-is-folder", Location(display_path(output)))
        if output is not None and (read := _read_from(output, [*paths, communities, approvals, rules])):
            # The report would be renamed over a file the check reads: a roster replaced by its report, with
            # the ID numbers masked, cannot be had back.
            raise EligibilityError("output-is-input", Location(display_path(output)), input=read)
        review = Review.start(rules, settings)
        _say_warnings(review.policy, language)
        if jobs > 1 and jobs > (cores := _cores()):
            # Each process holds the rule set and its own reading (some 50 MB) and there are only so many cores
            # to run them: --jobs 64 on 2 took twenty times as long and 3 GB, without a word (helper-56).
            typer.echo(
                f"{say('warning', language)}: {say('jobs-above-cores', language, jobs=jobs, cores=cores)}",
                err=True,
            )
        if explain:
            options = dataclasses.replace(options, labels=review.evidence_labels())
        if isinstance(formatter, Streams):
            # JSON and JSON lines are written as candidates come, so memory does not grow with the rosters.
            with _sink(output) as sink:
                writer = formatter.writer(sink, options)
                writer.begin(review.report([], []))
                # Counted as written, for the verdict: the report streamed holds neither.
                people_failing = teams_failing = 0

                def take(candidate: CandidateResult) -> None:
                    nonlocal people_failing
                    writer.candidate(candidate)
                    people_failing += findings_fail(candidate.findings, fail_on.value)

                def take_json(candidate: Serialised) -> None:
                    nonlocal people_failing
                    writer.candidate_json(candidate.json)
                    people_failing += fails_at(candidate.worst, fail_on.value)

                def take_team(team: TeamResult) -> None:
                    nonlocal teams_failing
                    writer.team(team)
                    teams_failing += findings_fail(team.findings, fail_on.value)

                def take_team_json(team: Serialised) -> None:
                    nonlocal teams_failing
                    writer.team_json(team.json)
                    teams_failing += fails_at(team.worst, fail_on.value)

                report = review.run(
                    paths,
                    take,
                    progress,
                    jobs=jobs,
                    on_team=take_team,
                    on_serialised=take_json if writer.takes_json else None,
                    on_team_serialised=take_team_json if writer.takes_json else None,
                )
                watched.close()
                writer.finish(report)
            if output is not None:
                typer.echo(say("written", language, path=_masked(str(output), show_pii)), err=True)
            failed = bool(people_failing or teams_failing) or fails(report, fail_on.value)
            if failed:
                _say_why_it_fails(report, fail_on, language, (people_failing, teams_failing))
            raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)
        candidates: list[CandidateResult] = []
        report = review.run(paths, candidates.append, progress, jobs=jobs)
        if progress is not None:
            # Laying out a province's table takes a while (a second for every thousand candidates or so): the
            # count said so, where it had stood still as if the run had hung (helper-56).
            progress(-len(candidates))
        report = report.model_copy(update={"candidates": candidates})
        content = formatter.format(report, options)
        watched.close()
        if isinstance(content, str):
            # A CSV file gets a byte-order mark so that Excel on Chinese Windows opens it as UTF-8.
            bom = (
                "\ufeff"
                if output is not None and chosen in (OutputFormat.csv, OutputFormat.csv_candidates)
                else ""
            )
            content = (bom + content).encode("utf-8")
        with _sink(output) as stream:
            stream.write(content)
        if output is not None:
            typer.echo(say("written", language, path=_masked(str(output), show_pii)), err=True)
    failed = fails(report, fail_on.value)
    # The table, markdown and GitHub annotations end with the verdict: said again only when written to a file.
    says_it = chosen in (OutputFormat.table, OutputFormat.markdown, OutputFormat.github) and output is None
    if failed and not says_it:
        _say_why_it_fails(report, fail_on, language)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def _say_warnings(policy: Policy, lang: Lang) -> None:
    """The rule file's warnings (a dated value no election of its period uses), on standard error: the file is
    used all the same."""
    for warning in policy.warnings:
        typer.echo(_masked(warning.message(lang)), err=True)


def _say_why_it_fails(
    report: Report, fail_on: FailOn, lang: Lang, counted: tuple[int, int] | None = None
) -> None:
    """The verdict line on standard error, for a report that does not say it itself (CSV, JSON, SARIF): a CI log
    that ended in exit 1 with one clean row of csv-candidates said nothing of the file not read (helper-62)."""
    from eligibility.formatters.common import verdict_line

    typer.echo(verdict_line(report, fail_on.value, lang, counted), err=True)


class Schema(StrEnum):
    report = "report"
    rules = "rules"


@app.command()
def schema(
    which: Annotated[Schema, typer.Argument()] = Schema.report,
) -> None:
    """`eligibility schema`: the JSON Schema of the report or of rule files, as docs/ holds them."""
    import json

    if which is Schema.report:
        from eligibility.report import Report

        document = Report.model_json_schema()
    else:
        from eligibility.ruleset.model import rule_file_schema

        document = rule_file_schema()
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


rules_app = typer.Typer(no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def rules_list(lang: LangOption = Language.zh) -> None:
    """`eligibility rules list`: a line for each bundled rule set."""
    from eligibility.ruleset.loader import bundled_names, load_ruleset

    language: Lang = lang.value
    with user_errors(language):
        for name in bundled_names():
            policy = load_ruleset(name)
            typer.echo(
                f"{name}\tv{policy.version}\t"
                f"{say('rules-list-counts', language, rules=len(policy.rules), tests=len(policy.file.tests))}\t"
                f"{policy.file.title(language)}"
            )


@rules_app.command("show")
def rules_show(
    ruleset: Annotated[str, typer.Argument(metavar="NAME|FILE")],
    lang: LangOption = Language.zh,
) -> None:
    """`eligibility rules show`: the rules in a table, or listed on a terminal too narrow for it."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from eligibility.engine import rule_title
    from eligibility.ruleset.describe import describe, names_of
    from eligibility.ruleset.loader import load_ruleset

    language: Lang = lang.value
    with user_errors(language):
        policy = load_ruleset(ruleset)
    _say_warnings(policy, language)  # as validate, check and test say them (helper-101 left these out)
    table = Table(
        title=Text(f"{policy.name} v{policy.version} · {policy.file.title(language)}"), show_lines=True
    )
    for label in ("label-rule", "label-severity", "label-scope", "label-condition", "label-clause"):
        # Folded, never cut with …: a document's title or a condition is read whole.
        table.add_column(say(label, language), overflow="fold")
    names = names_of(policy.file.vocabularies, policy.file.fields)
    width = _width()
    if width < _RULES_TABLE_WIDTH:
        # A rule's id is typed into the approvals table as it stands: at 80 columns the table broke it
        # (principal-educa / tion, helper-89). Each rule's id and title on a line, its condition and clause under.
        console = Console(width=width, highlight=False)
        console.print(table.title)
        for rule in policy.rules:
            spec = rule.rule
            head = f"{spec.id}  {say(f'severity-{spec.severity}', language)} · "
            head += f"{say(f'label-scope-{spec.scope}', language)}  {rule_title(rule, policy, language)}"
            condition = describe(spec.when, policy.params, language, names=names).replace("\n", " ")
            if spec.applies_to:
                condition += f" {names.listed('roles', spec.applies_to, language)}"
            console.print()
            console.print(Text(head, style="bold"))
            colon = "：" if language == "zh" else ": "
            for label, said in (
                ("label-condition", condition),
                ("label-clause", f"{spec.source.document} {spec.source.clause}"),
            ):
                console.print(Padding(Text(f"{say(label, language)}{colon}{said}"), (0, 0, 0, 2)))
        return
    for rule in policy.rules:
        spec = rule.rule
        # Text, not markup: conditions hold lists such as [party_secretary], which rich would take as tags.
        table.add_row(
            Text(spec.id),
            say(f"severity-{spec.severity}", language),
            say(f"label-scope-{spec.scope}", language),
            Text(
                describe(spec.when, policy.params, language, names=names)
                + (f"\n{names.listed('roles', spec.applies_to, language)}" if spec.applies_to else "")
            ),
            Text(f"{spec.source.document}\n{spec.source.clause}"),
        )
    Console(width=_width(), highlight=False).print(table)


@rules_app.command("validate")
def rules_validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE")],
    lang: LangOption = Language.zh,
) -> None:
    """`eligibility rules validate`: each file loaded as a check would load it, and its mistakes said."""
    from eligibility.ruleset.loader import load_ruleset

    language: Lang = lang.value
    wrong = 0
    not_found = False
    for path in files:
        try:
            policy = load_ruleset(path)
        except EligibilityError as err:
            wrong += 1
            # No such file is the command's mistake, not the file's: exit 2, as rules show and test say it.
            not_found = (
                not_found
                or err.key in ("path-missing", "ruleset-file-missing-bundled")
                or (err.key == "ruleset-unknown" and not err.location)
            )
            typer.echo(_masked(err.message(language)), err=True)
            continue
        _say_warnings(policy, language)
        # A warning leaves the file usable (exit 0), as a check with it runs; the line says there were some.
        typer.echo(
            say(
                "rules-valid-warned" if policy.warnings else "rules-valid",
                language,
                path=path,
                name=policy.name,
                version=policy.version,
                rules=len(policy.rules),
                tests=len(policy.file.tests),
                warnings=len(policy.warnings),
                s=plural(len(policy.warnings)),
            )
        )
    raise typer.Exit(ExitCode.ERROR if not_found else ExitCode.FINDINGS if wrong else ExitCode.OK)


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE_ID")],
    rules: RulesOption = None,
    lang: LangOption = Language.zh,
) -> None:
    """`eligibility rules explain`: one rule, or one of the tool's data checks, in words."""
    from eligibility.messages import DATA_CHECKS, STOPS, did_you_mean
    from eligibility.ruleset.describe import describe, names_of
    from eligibility.ruleset.loader import bundled_with, load_ruleset
    from eligibility.ruleset.vocab import suggest

    language: Lang = lang.value
    with user_errors(language):
        policy = load_ruleset(rules)
        _say_warnings(policy, language)
        rule = policy.rule(rule_id)
        if rule is None and rule_id in DATA_CHECKS:
            typer.echo(_data_check(rule_id, language))
            return
        if rule is None and rule_id in STOPS:
            # A --format jsonl stream's last line names the error it stopped on as its rule: "no such rule" left
            # the officer without a word of it (helper-130).
            typer.echo(_stop(rule_id, language))
            return
        if rule is None and (disabled := policy.disabled.get(rule_id)) is not None:
            # Said as what it is: "no such rule" sent the officer looking for a typo in a rule the parent has.
            raise OptionError(
                "rule-disabled", rule=rule_id, where=str(disabled.where), parent=disabled.parent
            )
        if rule is None and (others := bundled_with(rule_id, policy.name)):
            # A village's rule asked of the default community rule set: "no such rule" and a list of the
            # community's sent the officer looking for a typo; the rule is there, in another set (helper-125).
            raise OptionError(
                "rule-in-other-ruleset",
                rule=rule_id,
                sets="、".join(others),
                first=others[0],
                name=policy.name,
            )
        if rule is None:
            ids = [r.id for r in policy.rules]
            raise OptionError(
                "rule-unknown",
                rule=rule_id,
                # A data check's id (id-number-chksum) is suggested too: a report names both kinds alike.
                # Closer than a word's: a long rule id shares letters with any other (nonexistent-rule was
                # asked whether it meant one-shoulder, helper-62).
                suggestion=did_you_mean(suggest(rule_id, [*ids, *DATA_CHECKS], cutoff=0.7)),
                known=", ".join(ids),
            )
    from eligibility.engine import rule_title

    spec = rule.rule
    names = names_of(policy.file.vocabularies, policy.file.fields)
    # A review no approval lifts says so beside its level: 需审批 alone asked for an approval that cannot count
    # (helper-74).
    unapprovable = say("explain-not-approvable", language) if not spec.approvable else ""
    lines = [
        f"{spec.id} — {rule_title(rule, policy, language)}",
        f"{say('label-severity', language)}: {say(f'severity-{spec.severity}', language)}{unapprovable}    "
        f"{say('label-scope', language)}: {say(f'label-scope-{spec.scope}', language)}",
        f"{say('label-condition', language)}: {describe(spec.when, policy.params, language, names=names)}",
    ]
    if spec.applies_to:
        lines.append(
            f"{say('label-applies-to', language)}: {names.listed('roles', spec.applies_to, language)[1:-1]}"
        )
    for name, value in rule.params.items():
        parameter = policy.file.parameters[name]
        # A file may describe a parameter in one language only: shown in it rather than not at all.
        zh, en = parameter.zh, parameter.en
        note = (zh or en if language == "zh" else en or zh) or ""
        dated = (
            ""
            if parameter.values is None
            else " " + ", ".join(f"{v.from_}→{_as_written(v.value)}" for v in parameter.values)
        )
        if (by := policy.amended.get(spec.id, {}).get(name)) is not None:
            # Not the quoted document's value: a file building on it, or --set, changed it.
            amended = say("parameter-amended", language, by=by)
            note = f"{note}（{amended}）" if note else amended
        lines.append(f"  {name} = {_as_written(value)}{dated}  {note}".rstrip())
    if spec.approved_by and spec.severity == "review":
        # Whose approval counts: what a county's `amend` changes most often, and otherwise seen only in the file.
        lines.append(f"{say('label-approved-by', language)}: {'、'.join(spec.approved_by)}")
    lines += [
        f"{say('label-message', language)}: {spec.message(language)}",
        f"{say('label-document', language)}: {spec.source.document}",
        f"{say('label-clause', language)}: {spec.source.clause}",
        f"{say('label-quote', language)}: “{spec.source.quote}”",
    ]
    typer.echo("\n".join(lines))


def _data_check(check: str, language: Lang) -> str:
    """What `rules explain` says of a finding the tool makes of the data itself (id-number-checksum)."""
    from eligibility.messages import DATA_CHECKS

    severity, scope = DATA_CHECKS[check]
    return "\n".join(
        [
            say("data-check", language, id=check),
            f"{say('label-severity', language)}: {say(f'severity-{severity}', language)}    "
            f"{say('label-scope', language)}: {say(f'label-scope-{scope}', language)}",
            _template(check, language),
        ]
    )


def _stop(key: str, language: Lang) -> str:
    """What `rules explain` says of an error a run stops on (file-not-xlsx), by the key it carries."""
    return "\n".join([say("error-check", language, id=key), _template(key, language, "error")])


def _template(key: str, language: Lang, label: str = "label-message") -> str:
    """A message as its catalogue writes it, its placeholders as an officer reads them ({path}), under its label."""
    from eligibility.messages import CATALOG

    zh, en = CATALOG[key]
    template = _PLACEHOLDER.sub(r"{\1}", zh if language == "zh" else en)
    return f"{say(label, language)}: {template}"


# A message's placeholder as an officer reads it, {value}, without the code's conversion ({value!r}).
_PLACEHOLDER = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


# `rules test` of a file that carries no case: nothing was checked, and a CI must not pass on it. pytest exits 5
# when it collects no test; so does this, to be told apart from a case that fails (1) and a broken file (2).
NO_CASES = 5


@rules_app.command("test")
def rules_test(
    files: Annotated[list[str], typer.Argument(metavar="NAME|FILE")],
    lang: LangOption = Language.zh,
) -> None:
    """`eligibility rules test`: each file's own test cases run (casework), and the exit code NO_CASES for none."""
    from eligibility.casework import run_cases
    from eligibility.ruleset.loader import bundled_dir, load_ruleset, shown_in

    language: Lang = lang.value
    passed = failed = empty = 0
    with user_errors(language):
        for spec in files:
            policy = load_ruleset(spec)
            _say_warnings(policy, language)
            shown = policy.path
            if policy.source is not None and policy.source.is_relative_to(bundled_dir().resolve()):
                shown = say("rules-bundled", language, name=policy.source.stem)
            if not policy.file.tests:
                # "通过 0 个，失败 0 个" and exit 0: a CI was green having checked nothing (helper-76).
                empty += 1
                key = "rules-test-none-extends" if policy.extends else "rules-test-none"
                parent = shown_in(policy.extends[0], language) if policy.extends else ""
                typer.echo(_masked(say(key, language, path=shown, parent=parent)))
                continue
            for result in run_cases(policy):
                # PASS and FAIL stay as they are in either language: scripts and CI logs look for them.
                if result.passed:
                    passed += 1
                    typer.echo(_masked(f"PASS {shown} tests[{result.index}] {result.case}"))
                else:
                    failed += 1
                    typer.echo(_masked(f"FAIL {shown} tests[{result.index}] {result.case}"))
                    for difference in result.differences:
                        typer.echo(_masked(f"     {difference.message(language)}"))
    summary = "rules-test-summary-none" if empty else "rules-test-summary"
    typer.echo(say(summary, language, passed=passed, failed=failed, empty=empty, s=plural(empty)))
    raise typer.Exit(ExitCode.FINDINGS if failed else NO_CASES if empty else ExitCode.OK)


# Below this, `rules show` lists the rules rather than lay them out in a table whose columns break their ids.
_RULES_TABLE_WIDTH = 100


def _width() -> int:
    return shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120


@app.command()
def template(
    path: Annotated[Path, typer.Argument(metavar="FILE")],
    rules: RulesOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = Language.zh,
) -> None:
    """`eligibility template`: the empty roster written (template.write_template)."""
    from eligibility.template import write_template

    language: Lang = lang.value
    with user_errors(language):
        write_template(path, rules, force=force)
    typer.echo(say("template-written", language, path=_masked(str(path))), err=True)


def _masked(text: str, show_pii: bool = False) -> str:
    """A line for the terminal with any ID number in it masked (a path, a case's name), unless --show-pii."""
    if show_pii:
        return text
    from eligibility.roster.normalise import mask_ids  # only on the way out: --help stays quick

    return mask_ids(text)


@contextmanager
def user_errors(
    language: Lang, show_pii: bool = False, report_as: Callable[[EligibilityError], None] | None = None
) -> Iterator[None]:
    """The CLI boundary: a user error becomes one line on standard error and exit code 2, never a traceback.
    An ID number in it (a roster without its header row shows its first row as the columns found; a seat count
    or a rule id typed as one) is masked unless --show-pii, as in every report. `report_as` says it in the
    report's own format too, where a reader of that format would otherwise see nothing (see _error_in_report)."""
    try:
        yield
    except QuietExit:
        raise typer.Exit(ExitCode.ERROR) from None
    except EligibilityError as err:
        if report_as is not None:
            with contextlib.suppress(OSError):
                report_as(err)
        typer.echo(f"{say('error', language)}: {_masked(err.message(language), show_pii)}", err=True)
        raise typer.Exit(ExitCode.ERROR) from None


def _error_in_report(
    chosen: OutputFormat, output: Path | None, language: Lang, show_pii: bool
) -> Callable[[EligibilityError], None] | None:
    """How a check that could not run is said in a format CI reads from standard output: an error annotation
    (--format github, wherever the report was to go) or the job summary's line (--format markdown to standard
    output). Without it, a workflow's log and summary showed nothing of why the step failed."""
    if chosen is OutputFormat.github:

        def annotate(err: EligibilityError) -> None:
            from eligibility.formatters.github import error_line

            # Each of a rule file's mistakes at its own file and line: the first alone was annotated, with its
            # message only, while standard error listed them all.
            for one in err.problems if isinstance(err, RuleSetError) else [err]:
                where = one.location
                path = where.path if where is not None and where.path and Path(where.path).exists() else None
                reason = _masked(
                    one.message(language) if path is None else say(one.key, language, **one.params), show_pii
                )
                line = where.line if where is not None else None
                print(error_line(reason, path and _masked(path, show_pii), line, language), flush=True)

        return annotate
    if chosen is OutputFormat.markdown and output is None:

        def summarise(err: EligibilityError) -> None:
            from eligibility.formatters.markdown import error_block

            print(error_block(_masked(err.message(language), show_pii), language), flush=True)

        return summarise
    if chosen is OutputFormat.jsonl and output is None:

        def end_the_stream(err: EligibilityError) -> None:
            # The lines already written to standard output cannot be taken back: a last line says the report
            # stops here, short of its summary, so a pipeline that kept the stream does not take it for whole
            # (helper-55).
            import json

            record: dict[str, object] = {"type": "error", "rule": err.key}
            where = err.location
            if where is not None:
                # Where, as fields: a pipeline sorting failures by file parsed them out of the message (helper-66).
                record["path"] = _masked(where.path, show_pii) if where.path else None
                record["line"] = where.line
                if where.column is not None:
                    record["column"] = where.column
            record["message"] = _masked(err.message(language), show_pii)
            print(json.dumps(record, ensure_ascii=False, separators=(",", ":")), flush=True)

        return end_the_stream
    return None


def _date_option(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as err:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            # Written as asked (2006-09-31), but no such day: said so, not "expected YYYY-MM-DD".
            raise OptionError("option-election-date-day", value=text, reason=str(err)) from None
        from eligibility.roster.normalise import written_day

        if (day := written_day(text)) is not None:
            return day  # 2006/9/28, 2006年9月28日: a day as a roster's cell writes it (helper-89)
        raise OptionError("option-election-date", value=text) from None


def _overrides(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise OptionError("option-set", value=pair)
        found[name.strip()] = value.strip()
    return found


@contextmanager
def _progress(language: Lang) -> Iterator[Callable[[int], None] | None]:
    """A count of candidates checked, on standard error, only when a person is watching a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    import signal

    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    # Its display thread starts with Ctrl-C held back, as a thread keeps the signals held back in the one that
    # started it, so that Ctrl-C always goes to the main thread: while --jobs workers start, the main thread holds it
    # back and ignores it, and one the display thread took then was lost (the run went on to its end).
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        bar.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    with bar:
        task = bar.add_task(say("progress", language, count=0))

        def said(count: int) -> None:
            # A count below zero: all of them checked, and the report being put together.
            key = "progress-writing" if count < 0 else "progress"
            bar.update(task, description=say(key, language, count=abs(count)), refresh=count < 0)

        yield said


def _read_from(output: Path, given: list[Path | str | None]) -> str | None:
    """The input (a roster, a folder's roster, a settings or rule file) that the output is, however named."""
    from eligibility.roster.sources import STDIN, SUFFIXES

    if not output.is_file():
        return None  # not there yet, or a device or pipe, which is written through and replaces nothing
    for path in given:
        if path is None or str(path) == STDIN or not Path(path).exists():
            continue  # standard input, a bundled rule set's name, or what the check will say is missing
        path = Path(path)
        if path.is_dir():
            inside = output.resolve().is_relative_to(path.resolve())
            if (
                inside
                and output.suffix.lower() in SUFFIXES
                and not output.name.startswith((".", "~$"))
                and not _our_json_report(output)
            ):
                return display_path(path)
        elif os.path.samefile(output, path):
            return display_path(path)
    return None


def _cores() -> int:
    """The processor cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# The signal that stopped the run, once one has (see _end_cleanly_on_sigterm and main).
_STOPPED_BY: list[int] = []


def _end_cleanly_on_sigterm(
    language: Lang, to_stdout: bool, report_as: Callable[[EligibilityError], None] | None
) -> None:
    """SIGTERM (a cancelled or timed-out CI job) ends the run as Ctrl-C does: the workers stopped and a half-
    written output removed, rather than the process gone at once and its workers left behind. A report going to
    standard output cannot be taken back: it is said to stop short, and its own format says so where it can
    (JSON lines end with an error line, as when a file cannot be read)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # a test runner's thread: signals go to the main one
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:

        def terminated(signum: int, frame: object) -> None:
            # Said, or a cancelled or timed-out job's log ended with no word of why it has no report (helper-55).
            # "No report was written" was untrue of one streamed to standard output, half of it there (helper-56).
            _STOPPED_BY.append(signum)
            stopped = EligibilityError("run-terminated-partial" if to_stdout else "run-terminated")
            if report_as is not None:
                # (Not if the signal came inside a write to the same output: that write is not to be broken.)
                with contextlib.suppress(OSError, ValueError, RuntimeError):
                    report_as(stopped)
            sys.stderr.write(f"{say('error', language)}: {stopped.message(language)}\n")
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGTERM, terminated)


def _as_written(value: object) -> str:
    """A parameter's value as its rule file writes it: true, not Python's True."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _our_json_report(path: Path) -> bool:
    """Whether a JSON or JSON lines file in a rosters' folder is an earlier report of this tool: set aside when
    the folder is read, it is no input, and the next run may write over it (a CI job keeping report.json)."""
    from eligibility.roster.sources import our_report

    if path.suffix.lower() not in (".json", ".jsonl"):
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return False
    return our_report(head)


@contextmanager
def _sink(path: Path | None) -> Iterator[IO[bytes]]:
    """Standard output, or a file written beside the target and renamed into place only once it is whole; or a
    device or pipe (-o /dev/null, a named pipe another program reads) written through, never replaced by a file
    renamed over it. A write that fails (a full disk, a closed pipe) names the output."""
    if path is None:
        yield cast(IO[bytes], _Written(sys.stdout.buffer, STANDARD_OUTPUT))
        try:
            sys.stdout.flush()  # the text layer too, and the bytes under it
        except OSError as err:
            raise _unwritable(STANDARD_OUTPUT, err) from err
        return
    if path.exists() and not path.is_file():
        # Opened as named: /dev/stdout and a shell's >(…) are links to a pipe, which resolved are no path.
        try:
            device = path.open("wb")
        except OSError as err:
            raise _unwritable(path, err) from err
        try:
            yield cast(IO[bytes], _Written(device, path))
            _flushed(device, path)
        finally:
            with contextlib.suppress(OSError):
                device.close()
        return
    path = path.resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        _readable_as_usual(temporary)
    except OSError as err:
        raise _unwritable(path, err) from err
    try:
        with os.fdopen(handle, "wb", buffering=1 << 20) as stream:
            yield cast(IO[bytes], _Written(stream, path))
            _flushed(stream, path)
        try:
            os.replace(temporary, path)
        except OSError as err:
            raise _unwritable(path, err) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


STANDARD_OUTPUT = Path("<stdout>")
STDIN_NAME = "-"  # the name of standard input among the paths, and of standard output for --output


class QuietExit(EligibilityError):
    """The run ends with nothing more said: standard output's reader has gone (see _unwritable)."""

    def __init__(self) -> None:
        super().__init__("path-unwritable", Location(str(STANDARD_OUTPUT)), reason="Broken pipe")


class _Written:
    """The report's output: a write that fails is the output's error, said as such, not a traceback."""

    def __init__(self, stream: IO[bytes], path: Path) -> None:
        self.stream, self.path = stream, path

    def write(self, data: bytes) -> int:
        try:
            return self.stream.write(data)
        except OSError as err:
            raise _unwritable(self.path, err) from err


def _flushed(stream: IO[bytes], path: Path) -> None:
    try:
        stream.flush()
    except OSError as err:
        raise _unwritable(path, err) from err


def _unwritable(path: Path, err: OSError) -> EligibilityError:
    if path == STANDARD_OUTPUT and isinstance(err, BrokenPipeError):
        # The reader took what it wanted (| head): the run ends quietly, as any command in a pipe does.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return QuietExit()
    if path == STANDARD_OUTPUT:
        # Nothing more can go there (a reader that closed its end, a full disk): what Python would still try to
        # flush at exit goes nowhere, so the one message on standard error is the last word.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EligibilityError("path-unwritable", Location(str(path)), reason=unwritable_reason(path, err))


def _readable_as_usual(temporary: str) -> None:
    """A temporary file is private (0600); the report it becomes gets the mode any new file would (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)


def main() -> None:
    """Console-script entry point. A mistake on the command line is said in the user's language (click says it in
    English only), with the usage and a did-you-mean; exit 2 as before."""
    # Typer carries its own click: its usage error is found by name from the one exception it exports.
    usage_error: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    try:
        code = app(standalone_mode=False)
    except usage_error as err:
        try:
            said = _usage_error(err, language_asked(sys.argv[1:]))
        except Exception:  # a kind of mistake, or a Typer, not foreseen here: click says it, as before
            said = None
        if said is None and _no_command(err):
            # `eligibility --lang en` alone: the help in the language asked for, as `eligibility` alone shows it,
            # where click said "Missing command." in English.
            typer.echo(err.ctx.get_help(), err=True)
        elif said is None:
            err.show()  # e.g. `eligibility rules` alone: its help, as click shows it
        else:
            typer.echo(said, err=True)
            # A workflow's annotations and job summary said nothing of a mistyped option (--fail-on Review,
            # --jobs 0): said there too, as any error that stops a check is (helper-94).
            lang = language_asked(sys.argv[1:])
            reason = said.splitlines()[0].removeprefix(f"{say('error', lang)}: ")
            report_format = _reported_as(sys.argv[1:])
            if report_format == "github":
                from eligibility.formatters.github import error_line

                print(error_line(reason, None, None, lang), flush=True)
            elif report_format == "markdown":
                from eligibility.formatters.markdown import error_block

                print(error_block(reason, lang), flush=True)
        sys.exit(ExitCode.ERROR)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    except Exception:
        if _STOPPED_BY:
            # SIGTERM's SystemExit raised inside a library that wraps what it meets (pydantic-core serialising a
            # result said "Error serializing to JSON: SystemExit: 143" with a traceback, and exit 1): the run was
            # stopped, and has said so (helper-56).
            sys.exit(128 + _STOPPED_BY[0])
        raise
    sys.exit(code if isinstance(code, int) else 0)


def _reported_as(args: list[str]) -> str | None:
    """The format `check` would have written its report in to standard output, where CI reads an error from it:
    github (asked for, or under GitHub Actions with no other --format) or markdown with no --output; else None."""
    while args and (args[0] == "--lang" or args[0].startswith("--lang=")):
        args = args[2:] if args[0] == "--lang" else args[1:]  # eligibility's own, before the command
    if not args or args[0] != "check":
        return None
    asked, output = None, False
    for i, arg in enumerate(args):
        if arg.startswith("--format="):
            asked = arg.split("=", 1)[1]
        elif arg == "--format" and i + 1 < len(args):
            asked = args[i + 1]
        elif arg in ("-o", "--output") or arg.startswith(("--output=", "-o")):
            output = True
    if asked is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else None
    return asked if asked == "github" or (asked == "markdown" and not output) else None


def _command_asked(args: list[str]) -> str:
    """The command a command line names (eligibility rules validate), for a mistake click gives no context of (an
    option at the end with no value: check x --lang): its words as far as they name commands of the app."""
    words = [
        arg for i, arg in enumerate(args) if not arg.startswith("-") and (i == 0 or args[i - 1] != "--lang")
    ]
    path: list[str] = ["eligibility"]
    command: Any = typer.main.get_command(app)
    for word in words:
        command = getattr(command, "commands", {}).get(word)
        if command is None:
            break
        path.append(word)
    return " ".join(path)


def _no_command(err: Any) -> bool:
    """Whether click stopped because a command group was given options but no command (`eligibility --lang en`)."""
    # Click's own words: its context's fields for the arguments left differ between the click Typer carries and
    # click itself.
    return (
        err.ctx is not None
        and hasattr(err.ctx.command, "list_commands")
        and err.message == "Missing command."
    )


def _usage_error(err: Any, lang: Lang) -> str | None:
    """What click found wrong, in the user's language where the kind of mistake is known; None for a kind that
    click says best itself (a command group given no command shows its help)."""
    from eligibility.messages import did_you_mean
    from eligibility.ruleset.vocab import suggest

    kinds = {c.__name__ for c in type(err).__mro__}
    if "NoArgsIsHelpError" in kinds or _no_command(err):
        return None
    command = err.ctx.command_path if err.ctx else _command_asked(sys.argv[1:])
    options = [name for p in (err.ctx.command.params if err.ctx else []) for name in p.opts]
    # Click says a mistyped command only in its words: "No such command 'chek'. Did you mean …".
    mistyped = re.match(r"No such command '(.*)'\.", err.message) if "NoSuchOption" not in kinds else None
    if "NoSuchOption" in kinds:
        said = say("usage-no-such-option", lang, option=err.option_name)
        hint = did_you_mean(suggest(err.option_name, options))
        said += (hint.zh if lang == "zh" else hint.en) if isinstance(hint, Term) else ""
    elif mistyped and err.ctx is not None and hasattr(err.ctx.command, "list_commands"):
        said = say("usage-no-such-command", lang, name=mistyped[1])
        hint = did_you_mean(suggest(mistyped[1], err.ctx.command.list_commands(err.ctx)))
        said += (hint.zh if lang == "zh" else hint.en) if isinstance(hint, Term) else ""
    elif "MissingParameter" in kinds and err.param is not None:
        said = say("usage-missing", lang, name=err.param.metavar or err.param.name.upper())
    elif "BadParameter" in kinds and err.param is not None:
        name = "/".join(err.param.opts)
        # Typer says a wrong choice as "'bogus' is not one of 'warning', 'review', …."
        choices = re.search(r"is not one of (.*?)\.?$", err.message)
        if choices:
            listed = ("、" if lang == "zh" else ", ").join(
                c.strip().strip("'") for c in choices[1].split(",")
            )
            said = say("usage-choice", lang, option=name, choices=listed)
        else:
            said = say("usage-bad-value", lang, option=name, reason=err.message)
    elif needs := re.match(r"Option '(.*)' requires an? ", err.message):
        said = say("usage-needs-value", lang, option=needs[1])
    elif extra := re.match(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", err.message):
        said = say("usage-extra", lang, arguments=extra[1])
    else:
        said = say("usage-other", lang, reason=err.format_message())
    return f"{say('error', lang)}: {said}\n{say('usage-help', lang, command=command)}"
