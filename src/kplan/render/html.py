"""The plan as a static HTML site: a start page, a page per chapter, the appendices, a stylesheet."""

from __future__ import annotations

from pathlib import Path

from kplan.model import Plan
from kplan.render.contents import APPENDIX_PAGES, appendix_title, chapter_page, contents
from kplan.render.env import PACKAGE_TEMPLATES, make_env
from kplan.render.output import write_if_changed


def build_html(plan: Plan, out_dir: Path) -> list[Path]:
    """Render every page into `out_dir`; return the pages and assets it holds (rewriting only changed files)."""
    env = make_env(plan.root, glossary_href=APPENDIX_PAGES["glossary"])
    measure_page = {m.id: chapter_page(c.number) for c in plan.chapters for g in c.measure_groups for m in g.measures}
    env.globals["measure_href"] = lambda measure_id: f"{measure_page.get(measure_id, '')}#measure-{measure_id}"

    def href(page: str, anchor: str) -> str:
        return page if anchor.startswith("chapter-") or anchor in APPENDIX_PAGES else f"{page}#{anchor}"

    common = {"meta": plan.meta, "plan": plan, "measure_titles": {m.id: m.title for m in plan.measures}}
    pages: list[tuple[str, str, dict]] = [("index.html", "index.html", {"toc": contents(plan, href)})]
    pages += [(chapter_page(c.number), "chapter.html", {"chapter": c}) for c in plan.chapters]
    appendix_context = {"glossary": {"glossary": plan.glossary}, "survey": {"survey": plan.survey},
                        "public-comment": {"public_comment": plan.public_comment}}
    pages += [(APPENDIX_PAGES[name], f"{name}.html", appendix_context[name]) for name in plan.appendices
              if name == "glossary" or appendix_context[name][name.replace("-", "_")] is not None]
    titles = {"index.html": "表紙・目次"}
    titles.update({chapter_page(c.number): f"第{c.number}章 {c.title}" for c in plan.chapters})
    titles.update({APPENDIX_PAGES[name]: appendix_title(plan, name) for name in plan.appendices})

    rendered: dict[str, bytes] = {}
    for position, (name, template, context) in enumerate(pages):
        neighbours = {
            "prev": _link(pages, position - 1, titles),
            "next": _link(pages, position + 1, titles),
        }
        html = env.get_template(template).render(**common, **context, **neighbours)
        rendered[name] = html.encode("utf-8")
    rendered["style.css"] = (_static(plan.root, "style.css")).read_bytes()

    written = []
    for name, data in rendered.items():
        path = out_dir / name
        write_if_changed(path, data)
        written.append(path)
    return written


def _link(pages: list[tuple[str, str, dict]], position: int, titles: dict[str, str]) -> dict | None:
    if not 0 <= position < len(pages):
        return None
    name = pages[position][0]
    return {"href": name, "title": titles[name]}


def _static(root: Path, name: str) -> Path:
    project = root / "templates" / "static" / name
    return project if project.is_file() else PACKAGE_TEMPLATES / "static" / name
