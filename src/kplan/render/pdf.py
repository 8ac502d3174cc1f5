"""The plan as one PDF through WeasyPrint, which may load only files inside the project.

Two profiles: `download` (the file citizens get from the website) and `print` (the file for the print shop:
3 mm bleed and crop marks, the marks drawn outside the bleed as print shops expect).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct

from kplan.builders import Rendered, publish
from kplan.model import Figure, Glossary, Plan
from kplan.model.visit import components
from kplan.project import Project
from kplan.render.contents import Page, contents, flatten, pages
from kplan.render.env import make_env, static_file, template_dirs
from kplan.render.glossary_groups import glossary_groups
from kplan.render.html import png_size

DEFAULT_VARIANT = "pdf/ua-1"
NO_VARIANT = "none"
# WeasyPrint's pdf_variant names (weasyprint.pdf.VARIANTS; a test keeps this list in step), without "debug".
VARIANTS = (
    "pdf/ua-1",
    "pdf/ua-2",
    "pdf/a-1b",
    "pdf/a-2b",
    "pdf/a-3b",
    "pdf/a-2u",
    "pdf/a-3u",
    "pdf/a-4u",
    "pdf/a-1a",
    "pdf/a-2a",
    "pdf/a-3a",
    "pdf/a-4e",
    "pdf/a-4f",
    "pdf/x-1a",
    "pdf/x-3",
    "pdf/x-4",
    "pdf/x-5g",
)

MM = 72 / 25.4  # PDF points per millimetre
BLEED_MM = 3.0  # the bleed the print shop trims off
MARKS_MM = 10.0  # room outside the bleed for the crop marks


class Profile(Struct, frozen=True):
    """What a PDF is for: its file-name suffix and the page rules it adds."""

    name: str
    suffix: str
    page_css: str
    bleed_mm: float


PROFILES = {
    "download": Profile("download", "", "", 0.0),
    "print": Profile(
        "print",
        "-print",
        # WeasyPrint draws crop marks in the outer half of the CSS bleed: with 13 mm of CSS bleed the marks run from
        # 6.5 mm to 13 mm outside the trim line, clear of the 3 mm that is printed and trimmed off.
        f"@page {{ bleed: {BLEED_MM + MARKS_MM}mm; marks: crop cross; }}",
        BLEED_MM,
    ),
}


def pdf_name(plan: Plan, profile: str = "download") -> str:
    """plan-2.0.pdf, or plan-2.0-print.pdf for the print shop."""
    return f"plan-{plan.meta.edition}{PROFILES[profile].suffix}.pdf"


def print_html(plan: Plan, project: Project | None = None) -> str:
    """The whole plan as one HTML document for print: cover, contents, every part in order, colophon."""
    project = project or Project(plan.root)
    env = make_env(project.root, glossary_href="", dirs=project.template_dirs, conventions=plan.conventions)
    env.globals["measure_href"] = lambda measure_id: f"#measure-{measure_id}"
    images = {}
    for _part, _trail, component in components(plan):
        if isinstance(component, Figure) and component.image:
            path = project.source_path(component.image)
            images[component.id] = {"src": path.as_uri(), "size": png_size(path.read_bytes())}
    env.globals["figure_image"] = lambda figure: images.get(figure.id)

    def href(page: Page, anchor: str) -> str:
        return f"#{anchor or page.anchor}"

    toc = contents(plan, href)
    all_pages = pages(plan)
    return env.get_template("print.html").render(
        plan=plan,
        meta=plan.meta,
        toc=toc,
        pages=all_pages,
        bookmarks=flatten(toc),
        print=True,
        measure_titles={m.id: m.title for m in plan.measures},
        glossary_groups={
            p.anchor: glossary_groups(p.part.terms) if p.part.order == "kana" else []
            for p in all_pages
            if isinstance(p.part, Glossary)
        },
    )


class PdfBuilder:
    """The PDF builder (`kplan build --pdf`): writes build/pdf/plan-EDITION[-print].pdf.

    `profile` is "download" or "print" (PROFILES); `variant` a WeasyPrint pdf_variant or "none". After a build,
    `refused` lists the URLs WeasyPrint was not allowed to load.
    """

    name = "pdf"

    def __init__(self, profile: str = "download", variant: str = DEFAULT_VARIANT) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown PDF profile {profile!r}")
        if variant not in (*VARIANTS, NO_VARIANT):
            raise ValueError(f"unknown PDF variant {variant!r}")
        self.profile = profile
        self.variant = variant
        self.refused: list[str] = []

    def render(self, plan: Plan, project: Project, out_dir: Path) -> Rendered:
        chosen = PROFILES[self.profile]
        stylesheet_dir = static_file(project.template_dirs, "print.css").parent
        meta = plan.meta
        roots = [project.root, *template_dirs(project.template_dirs)]
        data, refused = html_to_pdf(
            print_html(plan, project),
            stylesheet_dir,
            roots,
            identifier=f"kplan-{meta.municipality}-{meta.edition}-{self.profile}",
            variant=self.variant,
            page_css=chosen.page_css,
            finisher=_bleed_box_finisher(chosen.bleed_mm) if chosen.bleed_mm else None,
        )
        self.refused = refused
        return Rendered(out_dir, {pdf_name(plan, self.profile): data}, whole=False)

    def build(self, plan: Plan, project: Project, out_dir: Path) -> list[Path]:
        """Render and write the PDF (atomically)."""
        return publish(self, plan, project, out_dir)


def build_pdf(
    plan: Plan,
    out_path: Path,
    variant: str = DEFAULT_VARIANT,
    profile: str = "download",
    project: Project | None = None,
) -> tuple[Path, list[str]]:
    """Render the PDF into `out_path`'s directory (named by pdf_name); return its path and the refused URLs."""
    builder = PdfBuilder(profile, variant)
    [path] = builder.build(plan, project or Project(plan.root), out_path.parent)
    return path, builder.refused


def html_to_pdf(
    html: str,
    base_dir: Path,
    allowed_roots: list[Path],
    identifier: str,
    variant: str = DEFAULT_VARIANT,
    page_css: str = "",
    finisher: Any = None,
) -> tuple[bytes, list[str]]:
    """WeasyPrint's PDF of `html` (relative URLs from `base_dir`), loading only files under `allowed_roots`;
    returns the bytes and the URLs it refused. The identifier, not the clock, makes the file reproducible."""
    import weasyprint  # heavy: imported only when a PDF is wanted

    from kplan.render.fetch import ProjectOnlyFetcher
    from kplan.render.layout_patch import indexed_layout
    from kplan.render.pdf_lean import collected_passes, lean_writing
    from kplan.render.pdf_patch import page_references_cached

    fetcher = ProjectOnlyFetcher(allowed_roots)
    options = {
        "stylesheets": [weasyprint.CSS(string=page_css)] if page_css else [],
        "pdf_variant": None if variant == NO_VARIANT else variant,
        "custom_metadata": True,
        "pdf_identifier": identifier.encode(),
    }
    # HTML.write_pdf in two steps (what it does itself: render, then write), so that what the layout leaves
    # behind can go before the pages are painted: the peak is then the layout's (pdf_lean)
    document = weasyprint.HTML(string=html, base_url=str(base_dir) + "/", url_fetcher=fetcher)
    with collected_passes(), indexed_layout():  # no walk over the whole document per page or per anchor
        rendering = document.render(**options)
    with page_references_cached(), lean_writing(rendering):  # pydyf's page list built once, not once per tag
        data = rendering.write_pdf(finisher=finisher, **options)
    return data, fetcher.refused


def _bleed_box_finisher(bleed_mm: float):
    """Set each page's BleedBox to exactly `bleed_mm` outside its TrimBox (WeasyPrint caps it at 10 pt)."""
    bleed = bleed_mm * MM

    def finish(_document: Any, pdf: Any) -> None:
        import pydyf  # WeasyPrint's PDF writer

        for object_number in pdf.pages["Kids"][::3]:  # Kids holds "n 0 R" triples
            page = pdf.objects[object_number]
            x0, x1 = sorted(float(value) for value in page["TrimBox"][0::2])
            y0, y1 = sorted(float(value) for value in page["TrimBox"][1::2])
            page["BleedBox"] = pydyf.Array([x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed])

    return finish
