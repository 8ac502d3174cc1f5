"""The guarded pydyf patch: page references kept between reads, the same PDF out."""

from __future__ import annotations

import pydyf
import weasyprint

from kplan.render.pdf_patch import page_references_cached

HTML = "<h1>見出し</h1>" + "".join(f'<p id="p{i}"><a href="#p{(i + 7) % 60}">段落{i}</a></p>' for i in range(60))


def _pdf(pages: int) -> pydyf.PDF:
    document = pydyf.PDF()
    for _ in range(pages):
        page = pydyf.Dictionary({"Type": "/Page"})
        document.add_page(page)
    return document


def test_the_cached_references_follow_added_pages():
    plain = _pdf(3)
    expected = plain.page_references
    with page_references_cached() as on:
        assert on
        document = _pdf(3)
        assert document.page_references == expected
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert len(document.page_references) == 4
    assert pydyf.PDF.page_references.fget.__name__ == "page_references"  # put back


def test_the_patched_writer_makes_the_same_tagged_pdf():
    def render() -> bytes:
        return weasyprint.HTML(string=HTML).write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"kplan-test")

    plain = render()
    with page_references_cached():
        patched = render()
    assert patched == plain


def test_an_unknown_pydyf_runs_unpatched(monkeypatch):
    monkeypatch.setattr(pydyf, "__version__", "99.0")
    with page_references_cached() as on:
        assert not on
        assert pydyf.PDF.page_references.fget.__name__ == "page_references"
