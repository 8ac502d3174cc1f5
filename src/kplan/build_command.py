"""`kplan build` as a function: load (or take the kept plan), tell what lint knows, make the stale outputs, print
what was written, return the exit code. typer's command (kplan.cli) and the plain command line's fast path
(kplan.fast_paths) both call it, so they print the same lines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kplan.diagnostics import DiagnosticError, line
from kplan.exits import Exit
from kplan.messages import Msg
from kplan.messages import text as say

if TYPE_CHECKING:
    from pathlib import Path

    from kplan.diagnostics import Diagnostic
    from kplan.model import Plan
    from kplan.project import Project


class StopError(Exception):
    """The command has said why it stops; `code` is its exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def error_line(message: Msg, where: str = "kplan", hint: str | None = None) -> str:
    """`kplan: エラー code: message（ヒント: …）` for a catalog entry (its own hint unless `hint` is given)."""
    return line(where, "error", message.code, str(message), message.hint if hint is None else hint)


def unwritable_line(path: Path | str, error: OSError) -> str:
    """A write that failed: one line naming the path (the previous outputs are left as they were)."""
    return error_line(Msg("cli.unwritable", path=path, reason=error.strerror or str(error)))


def report(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def load_plan(project: Project) -> tuple[Plan, dict[str, str]]:
    """The plan of `project` (kept between runs, kplan.plan_cache) with its notices told, and the digests of what
    it was read from; StopError(2) after every reason it cannot be read."""
    from kplan import plan_cache

    try:
        plan, inputs = plan_cache.load_with_inputs(project)
    except DiagnosticError as error:
        report(error.problems)
        print(say("cli.unreadable", count=len(error.problems)), file=sys.stderr)
        raise StopError(int(Exit.UNREADABLE)) from None
    report(list(plan.notices))
    return plan, inputs


def checked(project: Project, strict: bool) -> Plan:
    """The plan, after what lint knows is told (kept from the last run while nothing changed, kplan.lint.kept):
    the errors in full and a one-line count; with `strict`, errors stop the build (StopError(1)) and the previous
    outputs stay."""
    from kplan.lint.kept import rule_findings
    from kplan.lint.report import text_line

    plan, inputs = load_plan(project)
    findings = rule_findings(project, plan, inputs)
    errors = [f for f in findings if f.severity == "error"]
    warnings = sum(1 for f in findings if f.severity == "warning")
    for finding in errors:
        print(text_line(finding), file=sys.stderr)
    if errors or warnings:
        print(say("cli.build-lint-summary", errors=len(errors), warnings=warnings), file=sys.stderr)
    if strict and errors:
        print(say("cli.build-strict"), file=sys.stderr)
        raise StopError(int(Exit.FINDINGS))
    return plan


def build_command(
    project: Project, html: bool, pdf: bool, profile: str, variant: str, force: bool, strict: bool
) -> int:
    """Run `kplan build` (profile and variant already checked); the exit code (0 built or up to date, 1 lint
    errors with `strict`, 2 unreadable sources or an unwritable output)."""
    from kplan import incremental
    from kplan.build import Request
    from kplan.build_cache import build_requests
    from kplan.outputs import OutputError

    requests = [Request(*request) for request in build_requests(html, pdf, profile, variant)]
    try:
        outcome = incremental.build(project, requests, lambda: checked(project, strict), force, check=strict)
    except StopError as stopped:
        return stopped.code
    except OutputError as error:
        print(unwritable_line(error.path, error), file=sys.stderr)
        return int(Exit.UNREADABLE)
    except DiagnosticError as error:  # a broken project template
        report(error.problems)
        return int(Exit.UNREADABLE)
    lines, notices = outcome.skipped_lines
    for notice in notices:
        print(notice, file=sys.stderr)
    for said in lines:
        print(said)
    for item in outcome.result.built if outcome.result else ():
        for url in item.refused:
            print(incremental.refused_line(url), file=sys.stderr)
        if item.rendered.whole:
            index = item.rendered.directory / "index.html"
            count, directory = len(item.rendered.files), item.rendered.directory
            print(say("cli.wrote-site", index=index, count=count, directory=directory))
        else:
            for path in item.rendered.paths:
                print(say("cli.wrote", path=path))
    return int(Exit.OK)
