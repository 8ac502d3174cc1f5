"""The plan as a static HTML site: a start page, a page per part (in the order of plan.parts), search, styles,
scripts and the figures' images."""

from __future__ import annotations

import struct
from functools import partial
from pathlib import Path
from typing import Any

from kplan.builders import Rendered, publish
from kplan.model import Figure, Glossary, Measure, Plan, Term
from kplan.model.visit import components
from kplan.project import Project
from kplan.render.charts import bar_chart
from kplan.render.contents import Page, contents, pages
from kplan.render.env import make_env, static_file
from kplan.render.glossary_groups import glossary_groups
from kplan.render.places import Place, plain, site_places
from kplan.render.search_data import search_data_js
from kplan.render.term_uses import term_uses

INDEX_PAGE = "index.html"
SEARCH_PAGE = "search.html"
FIGURES_DIR = "figures"
SITE_CHART_WIDTH = 320
SHOWN_USES = 5  # places listed under a glossary entry before the rest are folded away
# files copied from templates/static/ as they are
STATIC_FILES = ("style.css", "site.js", "search.js", "vendor/minisearch.js", "vendor/minisearch.LICENSE.txt")
TEMPLATES = {
    "chapter": "chapter.html",
    "glossary": "glossary.html",
    "survey": "survey.html",
    "public-comment": "public-comment.html",
}


class HtmlBuilder:
    """The site builder (`kplan build --html`): writes build/html/ and returns the files it holds."""

    name = "html"

    def __init__(self, chart_width: int = SITE_CHART_WIDTH) -> None:
        self.chart_width = chart_width

    def render(self, plan: Plan, project: Project, out_dir: Path) -> Rendered:
        return Rendered(out_dir, render_site(plan, project, self.chart_width), whole=True)

    def build(self, plan: Plan, project: Project, out_dir: Path) -> list[Path]:
        """Render and write the site: `out_dir` is swapped for the new one at once."""
        return publish(self, plan, project, out_dir)


def build_html(plan: Plan, out_dir: Path, project: Project | None = None) -> list[Path]:
    """Render every page into `out_dir`; return the pages and assets it holds (unchanged files are not touched)."""
    return HtmlBuilder().build(plan, project or Project(plan.root), out_dir)


def figure_file(figure: Figure) -> str:
    """Where a figure's image goes in the site: figures/ID.png."""
    return f"{FIGURES_DIR}/{figure.id}{Path(figure.image or '').suffix.lower()}"


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG image, from its header."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return None


def render_site(plan: Plan, project: Project, chart_width: int = SITE_CHART_WIDTH) -> dict[str, bytes]:
    """Every file of the site by its name under the site's root."""
    conventions = plan.conventions
    label = conventions.label
    site_pages = pages(plan)
    glossary_page = next((p for p in site_pages if isinstance(p.part, Glossary)), None)
    env = make_env(
        project.root,
        glossary_href=glossary_page.name if glossary_page else "",
        term_tips=True,
        dirs=project.template_dirs,
        conventions=conventions,
    )
    env.filters["plain"] = plain
    # a narrower chart than print's: at a 360 px phone's column its text keeps its size
    env.globals["bar_chart"] = partial(bar_chart, width=chart_width)
    page_of = {id(page.part): page.name for page in site_pages}
    measure_page = {c.id: page_of[id(part)] for part, _trail, c in components(plan) if isinstance(c, Measure)}
    env.globals["measure_href"] = lambda measure_id: f"{measure_page.get(measure_id, '')}#measure-{measure_id}"

    rendered: dict[str, bytes] = {}
    images: dict[str, Any] = {}
    for _part, _trail, component in components(plan):
        if isinstance(component, Figure) and component.image:
            data = project.source_path(component.image).read_bytes()
            rendered[figure_file(component)] = data
            images[component.id] = {"src": figure_file(component), "size": png_size(data)}
    env.globals["figure_image"] = lambda figure: images.get(figure.id)

    def href(page: Page, anchor: str) -> str:
        return f"{page.name}#{anchor}" if anchor else page.name

    places = site_places(plan)
    cover_title = label("cover-page")
    common = {
        "meta": plan.meta,
        "plan": plan,
        "measure_titles": {m.id: m.title for m in plan.measures},
        "search_page": SEARCH_PAGE,
        "glossary_page": glossary_page,
        "print": False,
    }
    listed: list[tuple[str, str, str, dict]] = [(INDEX_PAGE, "index.html", cover_title, {"toc": contents(plan, href)})]
    for page in site_pages:
        part = page.part
        context: dict[str, Any] = {"page": page, "part": part}
        if isinstance(part, Glossary):
            context.update(
                glossary=part,
                uses=term_uses(part, places),
                shown_uses=SHOWN_USES,
                groups=glossary_groups(part.terms) if part.order == "kana" else [],
            )
        listed.append((page.name, TEMPLATES[part.kind], page.title, context))
    tips = _tips_by_page(plan, places)

    for position, (name, template, title, context) in enumerate(listed):
        neighbours = {"prev": _link(listed, position - 1), "next": _link(listed, position + 1)}
        html = env.get_template(template).render(
            **common, **context, **neighbours, page_name=name, page_title=title, term_tips=tips.get(name, ())
        )
        rendered[name] = html.encode("utf-8")
    rendered[SEARCH_PAGE] = (
        env.get_template("search.html")
        .render(**common, prev=None, next=None, page_name=SEARCH_PAGE, page_title=label("search"), term_tips=())
        .encode()
    )
    rendered["search-data.js"] = search_data_js(places)
    for static in STATIC_FILES:
        rendered[static] = static_file(project.template_dirs, static).read_bytes()
    return rendered


def _tips_by_page(plan: Plan, places: list[Place]) -> dict[str, tuple[Term, ...]]:
    """The glossary terms whose ※ links stand on each page, in glossary order (each page carries their tooltips)."""
    used: dict[str, set[str]] = {}
    for place in places:
        used.setdefault(place.page, set()).update(m.term_id for m in place.markers if m.term_id)
    terms = [t for part in plan.parts if isinstance(part, Glossary) for t in part.terms]
    return {page: tuple(t for t in terms if t.id in ids) for page, ids in used.items()}


def _link(listed: list[tuple[str, str, str, dict]], position: int) -> dict | None:
    if not 0 <= position < len(listed):
        return None
    name, _template, title, _context = listed[position]
    return {"href": name, "title": title}
