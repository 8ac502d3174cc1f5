"""`kplan lint` as a function: load, run the rules, optionally fix, print, and return the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from kplan.diagnostics import DiagnosticError, Exit
from kplan.lint.findings import Finding
from kplan.lint.kept import lint_findings
from kplan.lint.report import from_problems, render
from kplan.messages import Msg, text

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = int(Exit.OK), int(Exit.FINDINGS), int(Exit.UNREADABLE)


def lint_command(root: Path, family: str | None, form: str, strict: bool, fix: bool) -> int:
    """Run `kplan lint` on the plan at `root`; the exit code (0 clean, 1 findings, 2 unreadable sources)."""
    try:
        findings = lint_findings(root, family)
        if fix:
            _fix(root, findings)
            findings = lint_findings(root, family)
    except DiagnosticError as error:
        if fix and _fix_slips(root, error):
            return lint_command(root, family, form, strict, fix)
        return _unreadable(error, form)
    sys.stdout.write(render(findings, form))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    infos = sum(1 for f in findings if f.severity == "info")
    failing = errors + (warnings if strict else 0)
    if findings and form == "text":
        strict_note = Msg("cli.lint-summary/strict") if strict and warnings else ""
        info_note = Msg("cli.lint-summary/infos", count=infos) if infos else ""
        summary = text("cli.lint-summary", errors=errors, warnings=warnings, infos=info_note, strict=strict_note)
        print(summary, file=sys.stderr)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fix(root: Path, findings: list[Finding]) -> None:
    from kplan.lint.fix import apply_fixes, describe

    report = apply_fixes(root, findings)
    for finding in report.applied:
        print(text("cli.lint-fixed", what=describe(finding)), file=sys.stderr)
    for finding, reason in report.skipped:
        print(text("cli.lint-not-fixed", what=describe(finding), reason=reason), file=sys.stderr)
    files = f"({', '.join(report.files)})" if report.files else ""
    summary = text("cli.lint-fix-summary", count=len(report.applied), files=len(report.files), names=files)
    print(summary, file=sys.stderr)


def _fix_slips(root: Path, error: DiagnosticError) -> bool:
    """With --fix, the IME slips that keep the plan from loading are corrected first; whether any file changed."""
    from kplan.lint.fix import fix_slips

    changed = fix_slips(root, error.diagnostics)
    for rel in changed:
        print(text("cli.lint-fixed-slips", file=rel), file=sys.stderr)
    return bool(changed)


def _unreadable(error: DiagnosticError, form: str) -> int:
    if form == "text":
        for problem in error.diagnostics:
            print(problem, file=sys.stderr)
        print(text("cli.unreadable", count=len(error.diagnostics)), file=sys.stderr)
    else:
        sys.stdout.write(render(from_problems(error.diagnostics), form))
    return EXIT_UNREADABLE
