"""The plan as a static HTML site: a start page, a page per chapter, the appendices, search, styles and scripts."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from kplan.model import Plan, Term
from kplan.render.charts import bar_chart
from kplan.render.contents import APPENDIX_PAGES, appendix_title, chapter_page, contents
from kplan.render.env import PACKAGE_TEMPLATES, make_env
from kplan.render.glossary_groups import glossary_groups
from kplan.render.output import write_if_changed
from kplan.render.places import Place, plain, site_places
from kplan.render.search_data import search_data_js
from kplan.render.term_uses import term_uses

SEARCH_PAGE = "search.html"
SITE_CHART_WIDTH = 320
SHOWN_USES = 5  # places listed under a glossary entry before the rest are folded away
# files copied from templates/static/ as they are
STATIC_FILES = ("style.css", "site.js", "search.js", "vendor/minisearch.js", "vendor/minisearch.LICENSE.txt")


def build_html(plan: Plan, out_dir: Path) -> list[Path]:
    """Render every page into `out_dir`; return the pages and assets it holds (rewriting only changed files)."""
    env = make_env(plan.root, glossary_href=APPENDIX_PAGES["glossary"], term_tips=True)
    env.filters["plain"] = plain
    # a narrower chart than print's: at a 360 px phone's column its text keeps its size
    env.globals["bar_chart"] = partial(bar_chart, width=SITE_CHART_WIDTH)
    measure_page = {m.id: chapter_page(c.number) for c in plan.chapters for g in c.measure_groups for m in g.measures}
    env.globals["measure_href"] = lambda measure_id: f"{measure_page.get(measure_id, '')}#measure-{measure_id}"

    def href(page: str, anchor: str) -> str:
        return page if anchor.startswith("chapter-") or anchor in APPENDIX_PAGES else f"{page}#{anchor}"

    places = site_places(plan)
    common = {"meta": plan.meta, "plan": plan, "measure_titles": {m.id: m.title for m in plan.measures},
              "search_page": SEARCH_PAGE, "glossary_page": APPENDIX_PAGES["glossary"]}
    pages: list[tuple[str, str, dict]] = [("index.html", "index.html", {"toc": contents(plan, href)})]
    pages += [(chapter_page(c.number), "chapter.html", {"chapter": c}) for c in plan.chapters]
    uses = term_uses(plan.glossary, places)
    appendix_context = {"glossary": {"glossary": plan.glossary, "uses": uses, "shown_uses": SHOWN_USES,
                                     "groups": glossary_groups(plan.glossary.terms)},
                        "survey": {"survey": plan.survey}, "public-comment": {"public_comment": plan.public_comment}}
    pages += [(APPENDIX_PAGES[name], f"{name}.html", appendix_context[name]) for name in plan.appendices
              if name == "glossary" or appendix_context[name][name.replace("-", "_")] is not None]
    titles = {"index.html": "表紙・目次"}
    titles.update({chapter_page(c.number): f"第{c.number}章 {c.title}" for c in plan.chapters})
    titles.update({APPENDIX_PAGES[name]: appendix_title(plan, name) for name in plan.appendices})
    tips = _tips_by_page(plan, places)

    rendered: dict[str, bytes] = {}
    for position, (name, template, context) in enumerate(pages):
        neighbours = {
            "prev": _link(pages, position - 1, titles),
            "next": _link(pages, position + 1, titles),
        }
        html = env.get_template(template).render(**common, **context, **neighbours, page_name=name,
                                                 term_tips=tips.get(name, ()))
        rendered[name] = html.encode("utf-8")
    rendered[SEARCH_PAGE] = env.get_template("search.html").render(**common, prev=None, next=None,
                                                                   page_name=SEARCH_PAGE, term_tips=()).encode()
    rendered["search-data.js"] = search_data_js(places)
    for static in STATIC_FILES:
        rendered[static] = _static(plan.root, static).read_bytes()

    written = []
    for name, data in rendered.items():
        path = out_dir / name
        write_if_changed(path, data)
        written.append(path)
    return written


def _tips_by_page(plan: Plan, places: list[Place]) -> dict[str, tuple[Term, ...]]:
    """The glossary terms whose ※ links stand on each page, in glossary order (each page carries their tooltips)."""
    used: dict[str, set[str]] = {}
    for place in places:
        used.setdefault(place.page, set()).update(m.term_id for m in place.markers if m.term_id)
    return {page: tuple(t for t in plan.glossary.terms if t.id in ids) for page, ids in used.items()}


def _link(pages: list[tuple[str, str, dict]], position: int, titles: dict[str, str]) -> dict | None:
    if not 0 <= position < len(pages):
        return None
    name = pages[position][0]
    return {"href": name, "title": titles[name]}


def _static(root: Path, name: str) -> Path:
    project = root / "templates" / "static" / name
    return project if project.is_file() else PACKAGE_TEMPLATES / "static" / name
