"""The plan as one PDF through WeasyPrint, which may load only files inside the project."""

from __future__ import annotations

from pathlib import Path

from kplan.model import Plan
from kplan.render.contents import contents
from kplan.render.env import PACKAGE_TEMPLATES, make_env
from kplan.render.output import write_if_changed


def print_html(plan: Plan) -> str:
    """The whole plan as one HTML document for print."""
    env = make_env(plan.root, glossary_href="")
    env.globals["measure_href"] = lambda measure_id: f"#measure-{measure_id}"

    def href(_page: str, anchor: str) -> str:
        return f"#{anchor}"

    return env.get_template("print.html").render(
        plan=plan, meta=plan.meta, toc=contents(plan, href),
        measure_titles={m.id: m.title for m in plan.measures},
    )


def build_pdf(plan: Plan, out_path: Path) -> tuple[Path, list[str]]:
    """Render the PDF; return its path and the resources WeasyPrint was refused."""
    import weasyprint  # heavy: imported only when a PDF is wanted

    from kplan.render.fetch import ProjectOnlyFetcher

    stylesheet_dir = plan.root / "templates" / "static"
    if not (stylesheet_dir / "print.css").is_file():
        stylesheet_dir = PACKAGE_TEMPLATES / "static"
    fetcher = ProjectOnlyFetcher([plan.root, PACKAGE_TEMPLATES])
    document = weasyprint.HTML(string=print_html(plan), base_url=str(stylesheet_dir) + "/", url_fetcher=fetcher)
    meta = plan.meta
    data = document.write_pdf(
        pdf_variant="pdf/ua-1",
        custom_metadata=True,
        pdf_identifier=f"kplan-{meta.municipality}-{meta.edition}".encode(),
    )
    write_if_changed(out_path, data)
    return out_path, fetcher.refused
