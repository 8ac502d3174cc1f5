"""The 新旧対照表 as an A4 landscape PDF, through the same WeasyPrint pipeline as the plan's PDF."""

from __future__ import annotations

from pathlib import Path

from kplan.diff.html import render_html, stylesheet, templates_root
from kplan.diff.records import Diff
from kplan.render.env import PACKAGE_TEMPLATES


def render_pdf(diff: Diff, project_root: Path | None) -> bytes:
    """The PDF's bytes; WeasyPrint may load only files inside the project and the package's templates."""
    import weasyprint  # heavy: imported only when a PDF is wanted

    from kplan.render.fetch import ProjectOnlyFetcher

    fetcher = ProjectOnlyFetcher([templates_root(project_root), PACKAGE_TEMPLATES])
    document = weasyprint.HTML(string=render_html(diff, project_root),
                               base_url=str(stylesheet(project_root).parent) + "/", url_fetcher=fetcher)
    identifier = f"kplan-diff-{diff.old.edition}-{diff.new.edition}".encode()
    return document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True, pdf_identifier=identifier)
