"""Builders: each output format is a peer chosen by name (html, pdf, md …), with one interface.

A builder reads only the model and the project, writes into the directory it is given, and returns the files it
wrote. `BUILDERS` maps a name to the function that makes the builder, so importing a builder's heavy
dependencies (WeasyPrint) happens only when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kplan.model import Plan
from kplan.project import Project


class Builder(Protocol):
    name: str

    def build(self, plan: Plan, project: Project, out_dir: Path) -> list[Path]:
        """Write this format of `plan` under `out_dir`; return the files written."""
        ...


@dataclass(frozen=True)
class Registered:
    """Where a builder lives: module and class name, imported on first use."""

    module: str
    attribute: str
    description: str

    def load(self) -> Callable[..., Builder]:
        factory: Callable[..., Builder] = getattr(importlib.import_module(self.module), self.attribute)
        return factory


BUILDERS: dict[str, Registered] = {
    "html": Registered("kplan.render.html", "HtmlBuilder", "the accessible web site (build/html/)"),
    "pdf": Registered("kplan.render.pdf", "PdfBuilder", "the print-ready PDF (build/pdf/)"),
    "md": Registered("kplan.export.markdown", "MarkdownBuilder", "the whole plan as one Markdown file"),
}


def builder(name: str, **options: object) -> Builder:
    """The builder registered as `name`, made with `options`; KeyError for an unknown name."""
    return BUILDERS[name].load()(**options)
