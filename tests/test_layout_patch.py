"""The guarded fixes for WeasyPrint's layout (kplan.render.layout_patch): the same PDF, byte for byte, from a
document that exercises all three (page-number lookups, page types with margin boxes, a fixed box) and from the
real plan; fewer steps where the original walks the whole document; nothing patched for a version it does not
know."""

from __future__ import annotations

from pathlib import Path

import weasyprint
from weasyprint import layout
from weasyprint.css import targets
from weasyprint.layout import page as layout_page

from kplan.render import layout_patch
from kplan.render.pdf import build_pdf

CSS = """
@page {
  size: A6; margin: 14mm 12mm; counter-increment: folio sheet;
  @top-center { content: string(chapter) } @bottom-center { content: counter(page) }
}
@page :first { @bottom-center { content: none } }
@page :left { @bottom-left { content: "左" } }
@page wide { size: A6 landscape; @top-right { content: "横" } }
h2 { break-before: page; string-set: chapter content() }
.wide { page: wide }
.toc a::after { content: " … " target-counter(attr(href), page) }
.see::after { content: "（" target-counter(attr(href), page) "ページ）" }
.back::after { content: "（" target-counter(attr(href), folio) "葉）" }
.stamp { position: fixed; bottom: 2mm; right: 2mm; font-size: 6pt }
"""


def _html(sections: int = 12) -> str:
    toc = "".join(f'<li><a href="#s{n}">第{n}節</a></li>' for n in range(sections))
    body = [f'<p class="stamp">{"控"}</p>']
    for n in range(sections):
        paragraph = f"第{n}節の本文です。" * (30 + 7 * (n % 4))  # sections of different lengths
        other = (n * 5 + 3) % sections
        body.append(
            f'<section class="{"wide" if n % 5 == 4 else ""}"><h2 id="s{n}">第{n}節</h2><p>{paragraph}</p>'
            f'<p><a class="see" href="#s{other}">第{other}節</a>を見てください。'
            f'<a class="back" href="#s{n // 2}">前</a><span id="n{n}">参照</span></p></section>'
        )
    # target-counter with the anchor written out: the only lookups WeasyPrint 70 updates per anchor (an
    # attr(href) lookup is recorded under the anchor None, css/build.py, and waits for the next pass)
    named = "".join(
        f'#n{n}::after {{ content: "（" target-counter("#s{(n * 7 + 1) % sections}", folio) "葉"'
        f' target-counter("#s{(n * 7 + 1) % sections}", sheet) "枚）" }}\n'
        for n in range(sections)
    )
    named += '#s1 { string-set: chapter content(), ref target-counter("#s3", folio) }\n'  # not content: not updated
    head = f"<head><title>試験</title><style>{CSS}{named}</style></head>"
    return f'<html lang="ja">{head}<body><ul class="toc">{toc}</ul>{"".join(body)}</body></html>'


def _pdf(patched: bool) -> bytes:
    document = weasyprint.HTML(string=_html())
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": b"kplan-test"}
    if not patched:
        return document.render(**options).write_pdf(**options)
    with layout_patch.indexed_layout() as on:
        assert on
        rendering = document.render(**options)
    return rendering.write_pdf(**options)


def test_the_fixed_layout_makes_the_same_pdf_and_puts_the_originals_back() -> None:
    def current() -> tuple[object, ...]:
        return (
            targets.TargetCollector.cache_target_page_counters,
            layout_page.set_page_type_computed_styles,
            layout_page.make_page,
            layout.layout_fixed_boxes,
        )

    original = current()
    assert _pdf(patched=True) == _pdf(patched=False)  # the stamp is a fixed box: on every page
    assert current() == original


def test_anchors_visit_only_the_lookups_that_name_them(monkeypatch) -> None:
    visited: list[int] = []
    original_get = dict.get

    class CountingDict(dict):
        def get(self, key, default=None):
            visited.append(1)
            return original_get(self, key, default)

    # the original walks every lookup for every anchor (one missing_target_counters.get each); the fix does not
    real_init = targets.CounterLookupItem.__init__

    def counting_init(self, parse_again, missing_counters, missing_target_counters):
        real_init(self, parse_again, missing_counters, CountingDict(missing_target_counters))

    monkeypatch.setattr(targets.CounterLookupItem, "__init__", counting_init)
    _pdf(patched=False)
    walked, visited[:] = len(visited), []
    _pdf(patched=True)
    assert walked > 10 * max(len(visited), 1), (walked, len(visited))


def _collector_after_layout() -> targets.TargetCollector:
    """The target collector of a laid-out render of the test document."""
    collectors: list[targets.TargetCollector] = []
    real_init = targets.TargetCollector.__init__

    def init(self: targets.TargetCollector) -> None:
        real_init(self)
        collectors.append(self)

    targets.TargetCollector.__init__ = init
    try:
        weasyprint.HTML(string=_html()).render()
    finally:
        targets.TargetCollector.__init__ = real_init
    return collectors[0]


def _effects(collector: targets.TargetCollector, method) -> list[tuple[object, ...]]:
    """What `method` (one of the two cache_target_page_counters) does for every anchor, from the same start:
    every lookup placed on a page before, after and at the end of the page maker, and none cached yet."""
    lookups = list(collector.counter_lookup_items.values())
    effects: list[tuple[object, ...]] = []
    for number, lookup in enumerate(lookups):
        lookup.page_maker_index = (None, 0, 3, 9)[number % 4]
        lookup.pending = False
        lookup.parse_again = lambda values, number=number: effects.append(("parse again", number, dict(values)))
    for item in collector.target_lookup_items.values():
        item.cached_page_counter_values = {}
    page_maker = [[{"content_changed": False}] for _ in range(5)]
    for shift in (0, 0, 1, 2):  # the second time, nothing has changed
        for page, anchor in enumerate(collector.target_lookup_items):
            values = ({"page": [page + 1]}, {"page": [page + 1], "folio": [page]}, {"sheet": [page], "folio": [1]})
            method(collector, anchor, values[(page + shift) % 3], page, page_maker)
    effects.append(("pending", [n for n, lookup in enumerate(lookups) if lookup.pending]))
    effects.append(("changed", [n for n, state in enumerate(page_maker) if state[0]["content_changed"]]))
    return effects


def test_an_anchor_updates_the_same_lookups_as_the_original_does() -> None:
    collector = _collector_after_layout()
    original = targets.TargetCollector.__dict__["cache_target_page_counters"]
    expected = _effects(collector, original)
    assert any(effect[0] == "parse again" for effect in expected) and expected[-2][1] and expected[-1][1]
    assert _effects(collector, layout_patch.cache_target_page_counters) == expected


def test_the_real_plan_pdf_is_the_same_without_the_fixes(built, real_plan, tmp_path: Path, monkeypatch) -> None:
    out, _ = built
    made_with = (out / "pdf" / "plan-2.0.pdf").read_bytes()
    monkeypatch.setattr(layout_patch, "KNOWN_VERSIONS", ())
    with layout_patch.indexed_layout() as on:
        assert not on
    path, _refused = build_pdf(real_plan, tmp_path / "plan.pdf")
    assert path.read_bytes() == made_with


def test_an_unknown_weasyprint_runs_unpatched(monkeypatch) -> None:
    monkeypatch.setattr(weasyprint, "__version__", "99.0")
    with layout_patch.indexed_layout() as on:
        assert not on
        assert layout_page.set_page_type_computed_styles is not layout_patch.set_page_type_computed_styles


def test_the_patches_are_put_back_after_an_error_in_the_block() -> None:
    original = layout_page.set_page_type_computed_styles
    try:
        with layout_patch.indexed_layout():
            assert layout_page.set_page_type_computed_styles is layout_patch.set_page_type_computed_styles
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert layout_page.set_page_type_computed_styles is original
