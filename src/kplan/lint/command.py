"""`kplan lint` as a function: load, run the rules, optionally fix, print, and return the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from kplan.diagnostics import DiagnosticError, Exit
from kplan.lint.findings import Finding
from kplan.lint.report import from_problems, render

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = int(Exit.OK), int(Exit.FINDINGS), int(Exit.UNREADABLE)


def lint_command(root: Path, family: str | None, form: str, strict: bool, fix: bool) -> int:
    """Run `kplan lint` on the plan at `root`; the exit code (0 clean, 1 findings, 2 unreadable sources)."""
    try:
        findings = lint_findings(root, family)
        if fix:
            _fix(root, findings)
            findings = lint_findings(root, family)
    except DiagnosticError as error:
        return _unreadable(error, form)
    sys.stdout.write(render(findings, form))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    infos = sum(1 for f in findings if f.severity == "info")
    failing = errors + (warnings if strict else 0)
    if findings and form == "text":
        strict_note = "(--strict: 警告もエラーとして数えます)" if strict and warnings else ""
        info_note = f"、情報 {infos} 件" if infos else ""
        print(f"kplan lint: エラー {errors} 件、警告 {warnings} 件{info_note}{strict_note}", file=sys.stderr)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def lint_findings(root: Path, family: str | None = None) -> list[Finding]:
    """Load the plan and return every finding (with the load's own notices), sorted by place."""
    from kplan.lint import run
    from kplan.lint.context import LintContext
    from kplan.load import load_plan

    plan = load_plan(root)
    context = LintContext(plan)
    context.dictionary  # noqa: B018  (read the 表記ゆれ dictionary first: a malformed one stops the run)
    notices = from_problems(plan.notices)  # what the loader left out on purpose (a dropped link…)
    return sorted(run(plan, family, context) + notices, key=Finding.sort_key)


def _fix(root: Path, findings: list[Finding]) -> None:
    from kplan.lint.fix import apply_fixes, describe

    report = apply_fixes(root, findings)
    for finding in report.applied:
        print(f"修正しました: {describe(finding)}", file=sys.stderr)
    for finding, reason in report.skipped:
        print(f"修正しませんでした: {describe(finding)}: {reason}", file=sys.stderr)
    files = f"({', '.join(report.files)})" if report.files else ""
    print(
        f"kplan lint --fix: {len(report.applied)} 件を修正、{len(report.files)} ファイルを更新{files}", file=sys.stderr
    )


def _unreadable(error: DiagnosticError, form: str) -> int:
    if form == "text":
        for problem in error.diagnostics:
            print(problem, file=sys.stderr)
        print(f"kplan: {len(error.diagnostics)} problem(s); the sources could not be read", file=sys.stderr)
    else:
        sys.stdout.write(render(from_problems(error.diagnostics), form))
    return EXIT_UNREADABLE
