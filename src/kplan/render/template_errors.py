"""A project's own templates can be broken: their errors become one diagnostic with the template's file and line."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kplan.diagnostics import Diagnostic, DiagnosticError, Loc
from kplan.messages import Msg
from kplan.project import Project


@contextmanager
def template_problems(project: Project) -> Iterator[None]:
    """Turn any Jinja error raised inside the block into a DiagnosticError naming the template and its line."""
    import jinja2

    try:
        yield
    except jinja2.TemplateError as error:
        raise DiagnosticError([template_diagnostic(error, project)]) from None


def template_diagnostic(error: Exception, project: Project) -> Diagnostic:
    """Where (template file, line) and what the Jinja error is."""
    import jinja2

    filename = getattr(error, "filename", None)
    line = getattr(error, "lineno", None)
    if not filename or not line:  # errors while rendering: the template's frame is in the traceback
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith((".html", ".css", ".j2")) and Path(frame.filename).is_file():
                filename, line = frame.filename, frame.lineno
                break
    if isinstance(error, jinja2.TemplateNotFound):
        what = Msg("build.template/not-found", name=error.name)
    elif isinstance(error, jinja2.TemplateSyntaxError):
        what = Msg("build.template/syntax", error=error.message)
    else:
        what = Msg("build.template", error=str(error))
    return Diagnostic(Loc(_shown_path(filename, project), line or 1), what)


def _shown_path(filename: str | None, project: Project) -> str:
    if not filename:
        return "templates/"
    path = Path(filename)
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        return path.name
