"""The guarded trim of WeasyPrint's memory while it writes (kplan.render.pdf_lean): the same PDF, byte for byte,
from a document that exercises what the trim touches; and nothing patched for versions it does not know."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pikepdf
import pydyf
import weasyprint
from weasyprint.document import Page

from kplan.render import pdf_lean
from kplan.render.pdf_patch import page_references_cached

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
    '<rect width="120" height="60" fill="#def"/><text x="10" y="35" font-size="14">図の文字</text></svg>'
)
CSS = """
@page { size: A6; margin: 12mm; @bottom-center { content: counter(page) } }
h2 { break-before: page; bookmark-level: 2 }
.toc a::after { content: " … " target-counter(attr(href), page) }
td, th { border: 1px solid black }
"""


def _html(tmp_path: Path) -> str:
    (tmp_path / "figure.svg").write_text(SVG, encoding="utf-8")
    sections = range(1, 7)
    toc = "".join(f'<li><a href="#s{n}">第{n}節</a></li>' for n in sections)
    body = []
    for n in sections:
        paragraph = f"第{n}節の本文です。" * 40  # breaks across pages: a line box on each side
        rows = "".join(f"<tr><td>{n}-{r}</td><td>値{r}</td></tr>" for r in range(12))
        body.append(
            f'<h2 id="s{n}">第{n}節</h2><p>{paragraph}</p>'
            f'<figure><img src="figure.svg" alt="図{n}"><figcaption>図{n}</figcaption></figure>'
            f"<table><thead><tr><th>番号</th><th>値</th></tr></thead><tbody>{rows}</tbody></table>"
            f'<p><a href="#s{(n % 6) + 1}">次の節へ</a> と <a href="https://example.jp/{n}">外のページ</a></p>'
        )
    head = f"<head><title>試験</title><style>{CSS}</style></head>"
    return f'<html lang="ja">{head}<body><ul class="toc">{toc}</ul>{"".join(body)}</body></html>'


def _write(tmp_path: Path, lean: bool) -> bytes:
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": b"kplan-test", "custom_metadata": True}
    document = weasyprint.HTML(string=_html(tmp_path), base_url=str(tmp_path) + "/")
    if not lean:
        with page_references_cached():
            return document.write_pdf(**options)
    with pdf_lean.collected_passes() as collecting:
        rendering = document.render(**options)
    with page_references_cached(), pdf_lean.lean_writing(rendering) as trimming:
        data = rendering.write_pdf(**options)
    assert collecting and trimming
    from weasyprint.formatting_structure.boxes import TextBox

    texts = [box for page in rendering.pages for box in pdf_lean._boxes(page._page_box) if isinstance(box, TextBox)]
    assert texts and not any(hasattr(box, "text") for box in texts)  # painted, then let go of
    return data


def test_the_trimmed_writer_makes_the_same_pdf(tmp_path: Path) -> None:
    plain = _write(tmp_path, lean=False)
    with pikepdf.open(io.BytesIO(plain)) as pdf:  # what the trim must keep: pages, tags, links, bookmarks
        assert len(pdf.pages) >= 12 and "/StructTreeRoot" in pdf.Root and "/Outlines" in pdf.Root
        assert sum(len(page.get("/Annots", [])) for page in pdf.pages) >= 12
    assert _write(tmp_path, lean=True) == plain
    assert Page.paint.__qualname__ == "Page.paint"  # put back


def test_an_unknown_weasyprint_or_pydyf_runs_untouched(monkeypatch) -> None:
    for module in (weasyprint, pydyf):
        with monkeypatch.context() as patch:
            patch.setattr(module, "__version__", "99.0")
            assert not pdf_lean.applicable()
            with pdf_lean.collected_passes() as collecting:
                assert not collecting
            with pdf_lean.lean_writing(object()) as trimming:
                assert not trimming
                assert Page.paint.__qualname__ == "Page.paint"
    assert pdf_lean.applicable()


def test_what_is_alive_before_layout_is_frozen_for_the_passes_and_thawed_after(tmp_path: Path, monkeypatch) -> None:
    from weasyprint import layout

    frozen_at_each_pass: list[int] = []
    original = layout.make_all_pages

    def probe(*args, **kwargs):  # type: ignore[no-untyped-def]
        frozen_at_each_pass.append(gc.get_freeze_count())
        return original(*args, **kwargs)

    monkeypatch.setattr(layout, "make_all_pages", probe)  # collected_passes wraps it: its freeze comes first
    document = weasyprint.HTML(string=_html(tmp_path), base_url=str(tmp_path) + "/")
    with pdf_lean.collected_passes():
        document.render()
    assert len(frozen_at_each_pass) >= 2 and min(frozen_at_each_pass) > 1000  # target-counter: two passes
    assert gc.get_freeze_count() == 0


def test_objects_frozen_by_someone_else_stay_frozen(tmp_path: Path) -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with pdf_lean.collected_passes():
            weasyprint.HTML(string=_html(tmp_path), base_url=str(tmp_path) + "/").render()
        assert gc.get_freeze_count() >= before * 0.9  # theirs are still frozen (a few freed by refcount)
    finally:
        gc.unfreeze()
