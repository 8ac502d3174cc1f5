"""kplan diff: what changed between two editions of the plan, down to the character, and the 新旧対照表."""

from __future__ import annotations

from pathlib import Path

from kplan.diff.records import Diff

FORMATS = ("text", "json", "md", "html", "pdf")
FILE_FORMATS = ("html", "pdf")


class OutputError(Exception):
    """An output cannot be made (a broken template or stylesheet); the message names the file and line."""


def diff_editions(old: str, new: str, start: Path) -> Diff:
    """Load both editions (see kplan.diff.editions for what a version argument may be) and compare them.

    Raises kplan.diff.editions.EditionError when an argument names no edition or an edition cannot be read.
    """
    from kplan.diff.compare import compare
    from kplan.diff.editions import load_edition

    old_edition = load_edition(old, start)
    new_edition = load_edition(new, start)
    return compare(old_edition.plan, new_edition.plan, old_edition.info, new_edition.info)


def render(diff: Diff, form: str, *, colour: bool = False, project_root: Path | None = None) -> bytes:
    """The diff in one of FORMATS; html and pdf use the templates of `project_root` where it has them."""
    if form == "text":
        from kplan.diff.terminal import render_terminal

        return render_terminal(diff, colour).encode("utf-8")
    if form == "json":
        from kplan.diff.jsonout import render_json

        return render_json(diff).encode("utf-8")
    if form == "md":
        from kplan.diff.markdown import render_markdown

        return render_markdown(diff).encode("utf-8")
    if form == "html":
        from kplan.diff.html import render_html

        return render_html(diff, project_root).encode("utf-8")
    if form == "pdf":
        from kplan.diff.pdf import render_pdf

        return render_pdf(diff, project_root)
    raise ValueError(f"unknown format {form!r}")


__all__ = ["FORMATS", "FILE_FORMATS", "Diff", "OutputError", "diff_editions", "render"]
