"""Builders: each output format is a peer chosen by name (html, pdf, md …), with one interface.

A builder reads only the model and the project and renders its files in memory (`render`); they are written only
when every output of the command has been rendered, all at once (kplan.outputs), so a failed build changes
nothing. `BUILDERS` maps a name to the function that makes the builder, so importing a builder's heavy
dependencies (WeasyPrint) happens only when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from msgspec import Struct

from kplan.model import Plan
from kplan.outputs import Outputs
from kplan.project import Project


class Rendered(Struct, frozen=True):
    """One output in memory: `files` by their names under `directory`. A `whole` output is the directory's entire
    content (the site: files no longer rendered disappear); otherwise the files join what the directory holds."""

    directory: Path
    files: Mapping[str, bytes]
    whole: bool

    @property
    def paths(self) -> list[Path]:
        return [self.directory / name for name in self.files]

    def stage(self, outputs: Outputs) -> None:
        """Add these files to the outputs a command will commit."""
        if self.whole:
            outputs.tree(self.directory, self.files)
        else:
            for name, data in self.files.items():
                outputs.file(self.directory / name, data)


class Builder(Protocol):
    name: str

    def render(self, plan: Plan, project: Project, out_dir: Path) -> Rendered:
        """This format of `plan`, to go under `out_dir`, in memory."""
        ...


def publish(builder: Builder, plan: Plan, project: Project, out_dir: Path) -> list[Path]:
    """Render one output and write it (atomically); return the files it holds."""
    rendered = builder.render(plan, project, out_dir)
    outputs = Outputs()
    rendered.stage(outputs)
    outputs.commit()
    return rendered.paths


class Registered(Struct, frozen=True):
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
