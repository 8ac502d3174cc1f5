"""The plan as one PDF through WeasyPrint, which may load only files inside the project.

Two profiles: `download` (the file citizens get from the website) and `print` (the file for the print shop:
3 mm bleed and crop marks, the marks drawn outside the bleed as print shops expect).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kplan.model import Plan
from kplan.render.contents import contents
from kplan.render.env import PACKAGE_TEMPLATES, make_env
from kplan.render.glossary_groups import glossary_groups
from kplan.render.output import write_if_changed

DEFAULT_VARIANT = "pdf/ua-1"
NO_VARIANT = "none"
# WeasyPrint's pdf_variant names (weasyprint.pdf.VARIANTS; a test keeps this list in step), without "debug".
VARIANTS = (
    "pdf/ua-1", "pdf/ua-2",
    "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/a-1a", "pdf/a-2a", "pdf/a-3a",
    "pdf/a-4e", "pdf/a-4f",
    "pdf/x-1a", "pdf/x-3", "pdf/x-4", "pdf/x-5g",
)

MM = 72 / 25.4  # PDF points per millimetre
BLEED_MM = 3.0  # the bleed the print shop trims off
MARKS_MM = 10.0  # room outside the bleed for the crop marks


@dataclass(frozen=True)
class Profile:
    """What a PDF is for: its file-name suffix and the page rules it adds."""

    name: str
    suffix: str
    page_css: str
    bleed_mm: float


PROFILES = {
    "download": Profile("download", "", "", 0.0),
    "print": Profile(
        "print", "-print",
        # WeasyPrint draws crop marks in the outer half of the CSS bleed: with 13 mm of CSS bleed the marks run from
        # 6.5 mm to 13 mm outside the trim line, clear of the 3 mm that is printed and trimmed off.
        f"@page {{ bleed: {BLEED_MM + MARKS_MM}mm; marks: crop cross; }}",
        BLEED_MM,
    ),
}


def pdf_name(plan: Plan, profile: str = "download") -> str:
    """plan-2.0.pdf, or plan-2.0-print.pdf for the print shop."""
    return f"plan-{plan.meta.edition}{PROFILES[profile].suffix}.pdf"


def print_html(plan: Plan) -> str:
    """The whole plan as one HTML document for print."""
    env = make_env(plan.root, glossary_href="")
    env.globals["measure_href"] = lambda measure_id: f"#measure-{measure_id}"

    def href(_page: str, anchor: str) -> str:
        return f"#{anchor}"

    return env.get_template("print.html").render(
        plan=plan, meta=plan.meta, toc=contents(plan, href),
        measure_titles={m.id: m.title for m in plan.measures},
        glossary_groups=glossary_groups(plan.glossary.terms),
    )


def build_pdf(plan: Plan, out_path: Path, variant: str = DEFAULT_VARIANT,
              profile: str = "download") -> tuple[Path, list[str]]:
    """Render the PDF; return its path and the resources WeasyPrint was refused."""
    chosen = PROFILES[profile]
    stylesheet_dir = plan.root / "templates" / "static"
    if not (stylesheet_dir / "print.css").is_file():
        stylesheet_dir = PACKAGE_TEMPLATES / "static"
    meta = plan.meta
    data, refused = html_to_pdf(
        print_html(plan), stylesheet_dir, [plan.root, PACKAGE_TEMPLATES],
        identifier=f"kplan-{meta.municipality}-{meta.edition}-{profile}", variant=variant, page_css=chosen.page_css,
        finisher=_bleed_box_finisher(chosen.bleed_mm) if chosen.bleed_mm else None,
    )
    write_if_changed(out_path, data)
    return out_path, refused


def html_to_pdf(html: str, base_dir: Path, allowed_roots: list[Path], identifier: str,
                variant: str = DEFAULT_VARIANT, page_css: str = "", finisher: Any = None) -> tuple[bytes, list[str]]:
    """WeasyPrint's PDF of `html` (relative URLs from `base_dir`), loading only files under `allowed_roots`;
    returns the bytes and the URLs it refused. The identifier, not the clock, makes the file reproducible."""
    import weasyprint  # heavy: imported only when a PDF is wanted

    from kplan.render.fetch import ProjectOnlyFetcher

    fetcher = ProjectOnlyFetcher(allowed_roots)
    document = weasyprint.HTML(string=html, base_url=str(base_dir) + "/", url_fetcher=fetcher)
    data = document.write_pdf(
        stylesheets=[weasyprint.CSS(string=page_css)] if page_css else [],
        pdf_variant=None if variant == NO_VARIANT else variant,
        custom_metadata=True,
        pdf_identifier=identifier.encode(),
        finisher=finisher,
    )
    return data, fetcher.refused


def _bleed_box_finisher(bleed_mm: float):  # type: ignore[no-untyped-def]
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
