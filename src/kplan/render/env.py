"""The Jinja environment shared by the HTML and PDF renderers: autoescaping, the templates, the filters."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from kplan import wareki
from kplan.model import Link, Marker, RichText, Text
from kplan.render.charts import bar_chart
from kplan.render.labels import edition_label, revision_line

_HERE = Path(__file__).resolve()
# templates/ sits at the top of the checkout; a wheel carries a copy inside the package
PACKAGE_TEMPLATES = next((d for d in (_HERE.parents[1] / "templates", _HERE.parents[3] / "templates") if d.is_dir()),
                         _HERE.parents[1] / "templates")


def make_env(project_root: Path, glossary_href: str, term_tips: bool = False) -> Environment:
    """An environment that reads the project's templates/ first; `glossary_href` prefixes ※ term links.

    With `term_tips`, each ※ term link is described by the element `tip-TERM_ID` (the site's definition tooltip).
    """
    directories = [d for d in (project_root / "templates", PACKAGE_TEMPLATES) if d.is_dir()]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in directories]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["rich"] = lambda text: rich_html(text, glossary_href, term_tips)
    env.filters["year_month"] = lambda ym: wareki.year_month(*ym)
    env.filters["wareki_date"] = wareki.date
    env.globals.update(
        fiscal_period=wareki.fiscal_period,
        date_range=wareki.date_range,
        edition_label=edition_label,
        revision_line=revision_line,
        bar_chart=bar_chart,
    )
    return env


def rich_html(text: RichText | None, glossary_href: str, term_tips: bool = False) -> Markup:
    """RichText as HTML: ※ terms link to their glossary entry (described by their tooltip with `term_tips`);
    everything else is escaped."""
    if text is None:
        return Markup("")
    out: list[str] = []
    for part in text.parts:
        if isinstance(part, Text):
            out.append(str(escape(part.text)))
        elif isinstance(part, Marker):
            if part.term_id:
                described = f' aria-describedby="tip-{escape(part.term_id)}"' if term_tips else ""
                out.append(f'<a class="term" href="{escape(glossary_href)}#term-{escape(part.term_id)}"{described}>'
                           f"{escape(part.term)}</a>{escape(part.between)}<span class=\"kome\">※</span>")
            else:
                out.append(f'{escape(part.text)}')
        elif isinstance(part, Link):
            out.append(f'<a href="{escape(part.url)}">{escape(part.text)}</a>')
    return Markup("".join(out))
