"""The build pipeline: render every requested output in memory, then write them all at once.

`kplan build` and anything else that builds (a live preview, the benchmark) call `build_outputs`. Nothing is
written until every output has been rendered, and then all of it is committed together (kplan.outputs): a build
that fails on the PDF leaves the site as it was, and one interrupted at any moment leaves old or new outputs,
never a mix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from kplan.builders import Rendered, builder
from kplan.outputs import Outputs, clean_leftovers
from kplan.project import Project
from kplan.render.template_errors import template_problems

if TYPE_CHECKING:
    from kplan.model import Plan


class Request(Struct, frozen=True):
    """One output to build: the builder's name, its options, and the directory it goes to under the outputs."""

    name: str
    subdirectory: str
    options: dict[str, object] = field(default_factory=dict)


class Built(Struct):
    """What one output holds after the build, and the URLs its renderer refused to load."""

    request: Request
    rendered: Rendered
    refused: list[str]


class BuildResult(Struct):
    built: list[Built]
    changed: list[Path]


def build_outputs(
    plan: Plan,
    project: Project,
    requests: Sequence[Request],
    watch: Callable[[Request], AbstractContextManager[object]] | None = None,
) -> BuildResult:
    """Render each request, then commit them together; OutputError (and nothing changed) when any cannot be
    written, DiagnosticError when a project template is broken. `watch(request)` surrounds each rendering (the
    build record notes what it reads)."""
    clean_leftovers(project.out_dir)
    built = []
    for request in requests:
        chosen = builder(request.name, **request.options)
        with watch(request) if watch else nullcontext(), template_problems(project):
            rendered = chosen.render(plan, project, project.out_dir / request.subdirectory)
        built.append(Built(request, rendered, list(getattr(chosen, "refused", ()))))
    outputs = Outputs()
    for item in built:
        clean_leftovers(item.rendered.directory)
        item.rendered.stage(outputs)
    return BuildResult(built, outputs.commit())
