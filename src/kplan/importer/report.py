"""The short report `kplan import` prints: what it carried over, every place it had to guess, and what lint says
about the new plan."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kplan.importer.document import Finding
from kplan.importer.writer import Counts
from kplan.messages import text

MAX_LINT_LINES = 20


def render(
    source: str,
    directory: Path,
    files: int,
    counts: Counts,
    findings: Sequence[Finding],
    lint: Sequence[object],
) -> str:
    """The report as lines of text in the language in use."""
    parts = [text("import.report/chapters", count=counts.chapters)]
    if counts.appendices:
        parts.append(text("import.report/appendices", count=counts.appendices))
    parts += [
        text("import.report/sections", count=counts.sections),
        text("import.report/measures", count=counts.measures),
        text("import.report/tables", count=counts.tables, indicators=counts.indicator_tables),
        text("import.report/figures", count=counts.figures),
        text("import.report/terms", count=counts.terms, readings=counts.proposed_readings),
        text("import.report/markers", count=counts.markers),
    ]
    lines = [
        text("import.report/created", source=source, directory=directory, files=files),
        text("import.report/carried", parts=text("import.report/separator").join(parts)),
    ]
    unique = list(dict.fromkeys((str(f.where), f.code, f.message) for f in findings))
    if unique:
        lines.append(text("import.report/guesses", count=len(unique)))
        lines += [f"  {where}: {code}: {message}" for where, code, message in unique]
    else:
        lines.append(text("import.report/no-guesses"))
    severities = [str(getattr(f, "severity", "")) for f in lint]
    errors, warnings, infos = (severities.count(s) for s in ("error", "warning", "info"))
    lines.append(text("import.report/lint", errors=errors, warnings=warnings, infos=infos))
    shown = [f for f in lint if str(getattr(f, "severity", "")) == "error"][:MAX_LINT_LINES]
    lines += [f"  {getattr(f, 'diagnostic', f)}" for f in shown]
    lines.append(text("import.report/next", directory=directory))
    return "\n".join(lines) + "\n"
