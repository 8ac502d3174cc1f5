"""The 新旧対照表 as an A4 landscape PDF, through the same WeasyPrint pipeline as the plan's PDF."""

from __future__ import annotations

from pathlib import Path

from kplan.diff.html import render_html, stylesheet, templates_root
from kplan.diff.records import Diff
from kplan.render.env import PACKAGE_TEMPLATES
from kplan.render.pdf import html_to_pdf


def render(diff: Diff, *, colour: bool = False, project_root: Path | None = None) -> bytes:
    return render_pdf(diff, project_root)


def render_pdf(diff: Diff, project_root: Path | None) -> bytes:
    """The PDF's bytes; WeasyPrint may load only files inside the project and the package's templates."""
    data, _refused = html_to_pdf(
        render_html(diff, project_root),
        stylesheet(project_root).parent,
        [templates_root(project_root), PACKAGE_TEMPLATES],
        identifier=f"kplan-diff-{diff.old.edition}-{diff.new.edition}",
    )
    return data
