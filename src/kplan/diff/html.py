"""The 新旧対照表 as one self-contained HTML page (its stylesheet inline), rendered by Jinja with autoescaping."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape
from msgspec import Struct

from kplan.diff import OutputError
from kplan.diff.heading import heading
from kplan.diff.records import Diff
from kplan.diff.table import TableRow, groups
from kplan.render.env import PACKAGE_TEMPLATES, make_env

STYLESHEET = "diff.css"


class ShownGroup(Struct, frozen=True):
    headings: tuple[tuple[int, str], ...]  # (HTML heading level, title) for the path levels not shown yet
    rows: tuple[TableRow, ...]


def templates_root(project_root: Path | None) -> Path:
    """The checkout whose templates/ come first; the package's own templates are the fallback."""
    return project_root if project_root is not None else PACKAGE_TEMPLATES.parent


def stylesheet(project_root: Path | None) -> Path:
    project = templates_root(project_root) / "templates" / "static" / STYLESHEET
    return project if project.is_file() else PACKAGE_TEMPLATES / "static" / STYLESHEET


def shown_groups(diff: Diff) -> list[ShownGroup]:
    """Groups with the headings each must print: only the path levels that differ from the group before."""
    out = []
    shown: tuple[str, ...] = ()
    for group in groups(diff):
        first_new = next(
            (depth for depth, title in enumerate(group.path) if depth >= len(shown) or shown[depth] != title),
            len(group.path),
        )
        headings = tuple((min(depth + 2, 6), title) for depth, title in enumerate(group.path) if depth >= first_new)
        out.append(ShownGroup(headings, group.rows))
        shown = group.path
    return out


def _lines(text: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def render(diff: Diff, *, colour: bool = False, project_root: Path | None = None) -> bytes:
    return render_html(diff, project_root).encode("utf-8")


def render_html(diff: Diff, project_root: Path | None) -> str:
    from jinja2 import TemplateError, TemplateSyntaxError

    env = make_env(templates_root(project_root), glossary_href="")
    env.filters["br"] = _lines
    try:
        css = Markup(stylesheet(project_root).read_text(encoding="utf-8").replace("</", "<\\/"))
        return env.get_template("diff.html").render(head=heading(diff), groups=shown_groups(diff), css=css)
    except TemplateSyntaxError as error:
        raise OutputError(f"{error.filename}:{error.lineno}: {error.message}") from None
    except TemplateError as error:
        raise OutputError(f"templates/diff.html: {error.message}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise OutputError(f"{stylesheet(project_root)}: {error}") from None
