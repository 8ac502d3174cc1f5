"""The Jinja environment shared by the HTML and PDF renderers: autoescaping, the templates, the filters."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from kplan import wareki
from kplan.cachedir import cache_dir
from kplan.model import Conventions, Link, Marker, RichText, Text
from kplan.model.labels import edition_label, measure_marks, revision_line
from kplan.project import PACKAGE_TEMPLATES
from kplan.render.charts import bar_chart


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs in the user's cache directory ($XDG_CACHE_HOME/kplan/jinja).

    Jinja checks each cached template against its source's checksum, so an edited template is compiled again;
    the directory name carries Jinja's version. None when the directory cannot be made (then nothing is cached).
    """
    directory = Path(cache_dir()) / f"jinja-{jinja2.__version__}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory))


def template_dirs(dirs: Iterable[Path]) -> list[Path]:
    """The existing directories of `dirs`, then kplan's own templates (always last, always present)."""
    found = [d for d in dirs if d.is_dir()]
    return [*found, PACKAGE_TEMPLATES] if PACKAGE_TEMPLATES not in found else found


def static_file(dirs: Iterable[Path], name: str) -> Path:
    """The first templates/static/NAME among the template directories."""
    for directory in template_dirs(dirs):
        if (directory / "static" / name).is_file():
            return directory / "static" / name
    return PACKAGE_TEMPLATES / "static" / name


def make_env(
    project_root: Path,
    glossary_href: str,
    term_tips: bool = False,
    *,
    dirs: Iterable[Path] | None = None,
    conventions: Conventions | None = None,
) -> Environment:
    """An environment that reads `dirs` (default: the project's templates/, then kplan's); `glossary_href`
    prefixes ※ term links.

    With `term_tips`, each ※ term link is described by the element `tip-TERM_ID` (the site's definition tooltip).
    Drafted text is labelled with the conventions' label "drafted".
    """
    conventions = conventions or Conventions()
    directories = template_dirs(dirs if dirs is not None else (project_root / "templates",))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in directories]),
        bytecode_cache=_bytecode_cache(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    drafted = conventions.label("drafted")
    env.filters["rich"] = lambda text: rich_html(text, glossary_href, term_tips, drafted)
    env.filters["year_month"] = lambda ym: wareki.year_month(*ym)
    env.filters["wareki_date"] = wareki.date
    env.filters["number"] = number
    env.globals.update(
        fiscal_period=wareki.fiscal_period,
        fiscal_year=wareki.fiscal_year,
        date_range=wareki.date_range,
        edition_label=lambda meta: edition_label(meta, conventions),
        revision_line=lambda meta: revision_line(meta, conventions),
        measure_marks=lambda measure: measure_marks(measure, conventions),
        bar_chart=bar_chart,
        label=conventions.label,
        conventions=conventions,
        drafted_label=drafted_html(drafted),
    )
    return env


def number(value: int | float) -> str:
    """A number as printed: 35, 12.5 (no exponent, no trailing zeros)."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:f}".rstrip("0").rstrip(".")


def drafted_html(label: str) -> Markup:
    return Markup('<span class="drafted">{}</span>').format(label)


def rich_html(text: RichText | None, glossary_href: str, term_tips: bool = False, drafted: str = "") -> Markup:
    """RichText as HTML: ※ terms link to their glossary entry (described by their tooltip with `term_tips`);
    drafted text ends with the `drafted` label; everything else is escaped."""
    if text is None:
        return Markup("")
    out: list[str] = []
    for part in text.parts:
        if isinstance(part, Text):
            out.append(str(escape(part.text)))
        elif isinstance(part, Marker):
            if part.term_id:
                described = f' aria-describedby="tip-{escape(part.term_id)}"' if term_tips else ""
                out.append(
                    f'<a class="term" href="{escape(glossary_href)}#term-{escape(part.term_id)}"{described}>'
                    f'{escape(part.term)}</a>{escape(part.between)}<span class="kome">※</span>'
                )
            else:
                out.append(str(escape(part.text)))
        elif isinstance(part, Link):
            out.append(f'<a href="{escape(part.url)}">{escape(part.text)}</a>')
    if text.drafted and drafted:
        out.append(str(drafted_html(drafted)))
    return Markup("".join(out))
