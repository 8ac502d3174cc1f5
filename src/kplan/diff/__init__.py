"""kplan diff: what changed between two editions of the plan, down to the character, and the 新旧対照表."""

from __future__ import annotations

import importlib
from pathlib import Path

from msgspec import Struct

from kplan.diff.records import Diff


class OutputError(Exception):
    """An output cannot be made (a broken template or stylesheet); the message names the file and line."""


class Renderer(Struct, frozen=True):
    """Where an output format lives: a module whose `render(diff, *, colour, project_root) -> bytes` makes it,
    imported on first use (WeasyPrint only for the PDF). `to_file`: always written to a file."""

    module: str
    description: str
    to_file: bool = False

    def render(self, diff: Diff, *, colour: bool = False, project_root: Path | None = None) -> bytes:
        data: bytes = importlib.import_module(self.module).render(diff, colour=colour, project_root=project_root)
        return data


RENDERERS: dict[str, Renderer] = {
    "text": Renderer("kplan.diff.terminal", "the terminal: a summary line, then every change"),
    "json": Renderer("kplan.diff.jsonout", "the changes as data (docs/diff.schema.json)"),
    "md": Renderer("kplan.diff.markdown", "the 新旧対照表 as Markdown"),
    "html": Renderer("kplan.diff.html", "the 新旧対照表 as one self-contained HTML file", to_file=True),
    "pdf": Renderer("kplan.diff.pdf", "the 新旧対照表 as an A4 landscape PDF", to_file=True),
}
FORMATS = tuple(RENDERERS)
FILE_FORMATS = tuple(name for name, renderer in RENDERERS.items() if renderer.to_file)


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
    """The diff in the format registered as `form`; html and pdf use the templates of `project_root`."""
    if form not in RENDERERS:
        raise ValueError(f"unknown format {form!r}")
    return RENDERERS[form].render(diff, colour=colour, project_root=project_root)


__all__ = ["FILE_FORMATS", "FORMATS", "RENDERERS", "Diff", "OutputError", "Renderer", "diff_editions", "render"]
