"""Guarded fixes for three costs of WeasyPrint 70's layout that grow with the square of the document.

Profiled on bench/synthetic.py's plans (N = 20 and 50 copies of the real plan, 730 and 1,800 pages), these three
grow 6-8 times for 2.5 times the pages; the rest of the layout grows with the pages:

- `TargetCollector.cache_target_page_counters` (css/targets.py): for every anchor whose page counters changed it
  walks every page-counter lookup of the document (each `target-counter(..., page)`: a contents entry, a page
  reference) to find the few that name the anchor: anchors × lookups, 1.2 → 10.2 s. (A lookup written with
  `attr(href)`, as kplan's print style sheet writes them, is recorded under the anchor None and never found: the
  walk finds nothing at all, and the page numbers come from the next pass.) The fix keeps, per anchor,
  the lookups that name it, in the document's order. Lookups are only added while WeasyPrint collects them
  (`collecting`), before pagination starts, which is the only time this method does anything; the index is built
  at its first use and built again if the lookups changed anyway.
- `set_page_type_computed_styles` (layout/page.py): for every page it walks the cascaded styles of every page
  type seen so far to find the margin boxes of this one. A page type includes the page's index, so there is one
  per page: pages × pages × margin boxes, 1.3 → 8.7 s. The fix keeps, per page type, its cascaded styles' keys, in
  the same order, extended by the keys each new page type adds (always at the end of the dict).
- `layout_fixed_boxes` (layout/__init__.py): for every page it looks at every other page's fixed boxes
  (`position: fixed`), most of which have none: pages × pages, 0.45 → 3.0 s. The fix notes on the layout context
  when `make_page` has made a page with fixed boxes; without one it returns at once, and with one it skips the
  pages without them in C (`filter` with `attrgetter`).

The same calls happen in the same order, so the PDF is byte for byte the same: tests/test_layout_patch.py compares
a test document that exercises all three, and the real plan's PDF, with and without; bench/synthetic.py's plans
at N = 20 and 50 were compared with cmp (bench/results.md). Applied only around kplan's own `render` call
(`indexed_layout`), and only for the WeasyPrint versions in KNOWN_VERSIONS, whose code this was checked against;
any other version runs unpatched. The report for WeasyPrint, with the figures, is in bench/results.md.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from kplan.render.replaced import replaced

KNOWN_VERSIONS = ("70.0",)
_LOOKUPS = "_kplan_lookups_by_anchor"  # on a TargetCollector: (which lookups it indexes, the index)
_PAGE_KEYS = "_kplan_page_type_keys"  # on a StyleFor: (how many cascaded keys it indexes, the index)
_FIXED_BOXES = "_kplan_fixed_boxes"  # on a LayoutContext: True once a page with fixed boxes was made


def applicable() -> bool:
    """Whether the installed WeasyPrint is one these fixes were checked against."""
    try:
        import weasyprint
    except ImportError:
        return False
    return getattr(weasyprint, "__version__", None) in KNOWN_VERSIONS


def _lookups_by_anchor(collector: Any) -> dict[str, list[Any]]:
    """The collector's 'content' page-counter lookups, by the anchors they name, in the document's order."""
    items = collector.counter_lookup_items
    kept = collector.__dict__.get(_LOOKUPS)
    if kept is not None and kept[0] == (id(items), len(items)):
        return kept[1]
    index: dict[str, list[Any]] = {}
    for (_box, css_token), item in items.items():
        if css_token == "content":
            for anchor_name in item.missing_target_counters:
                index.setdefault(anchor_name, []).append(item)
    collector.__dict__[_LOOKUPS] = ((id(items), len(items)), index)
    return index


def cache_target_page_counters(
    self: Any, anchor_name: str, page_counter_values: Any, page_maker_index: int, page_maker: Any
) -> None:
    """TargetCollector.cache_target_page_counters, visiting only the lookups that name `anchor_name`."""
    if self.collecting:
        return
    item = self.target_lookup_items.get(anchor_name)
    if not (item and item.state == "up-to-date"):
        return
    item.page_maker_index = page_maker_index
    if item.cached_page_counter_values == page_counter_values:
        return
    item.cached_page_counter_values = copy.deepcopy(page_counter_values)
    # Spread the news: update the boxes whose content shows this anchor's page counters.
    for lookup in _lookups_by_anchor(self).get(anchor_name, ()):
        missing_counters = lookup.missing_target_counters[anchor_name]
        if lookup.page_maker_index is None or lookup.page_maker_index >= len(page_maker):
            lookup.pending = True  # for remake_page
            continue
        for counter_name in missing_counters:
            if page_counter_values.get(counter_name) is not None:
                page_maker[lookup.page_maker_index][-1]["content_changed"] = True
                lookup.parse_again(lookup.cached_page_counter_values)
                break


def _page_type_keys(style_for: Any, page_type: Any) -> list[tuple[Any, Any]]:
    """The cascaded styles' keys of `page_type` (the page and its margin boxes), in the dict's order."""
    cascaded = style_for.get_cascaded_styles()
    counted, index = style_for.__dict__.get(_PAGE_KEYS, (0, {}))
    if len(cascaded) < counted:  # cleared: index it again
        counted, index = 0, {}
    for key in reversed(list(itertools.islice(reversed(cascaded), len(cascaded) - counted))):
        index.setdefault(key[0], []).append(key)
    style_for.__dict__[_PAGE_KEYS] = (len(cascaded), index)
    keys: list[tuple[Any, Any]] = index.get(page_type, [])
    return keys


def set_page_type_computed_styles(page_type: Any, html: Any, style_for: Any) -> None:
    """layout.page.set_page_type_computed_styles, visiting only this page type's cascaded styles."""
    style_for.add_page_declarations(page_type)
    # @page inherits from the root element
    style_for.set_computed_styles(page_type, root=html.etree_element, parent=html.etree_element, base_url=html.base_url)
    for element, pseudo_type in _page_type_keys(style_for, page_type):
        if pseudo_type:  # a margin box: it inherits from the page
            style_for.set_computed_styles(
                element, pseudo_type=pseudo_type, root=html.etree_element, parent=element, base_url=html.base_url
            )


def _noting_fixed_boxes(original: Any) -> Any:
    """make_page, noting on the layout context when the page it made has fixed boxes."""

    def make_page(context: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(context, *args, **kwargs)
        if made[0].fixed_boxes:
            context.__dict__[_FIXED_BOXES] = True
        return made

    return make_page


def _with_fixed_boxes(original: Any) -> Any:
    """layout_fixed_boxes over only the pages that have fixed boxes (the same boxes, in the same order)."""

    def layout_fixed_boxes(context: Any, pages: Any, containing_page: Any) -> Any:
        if not context.__dict__.get(_FIXED_BOXES):  # no page made has any (every page comes from make_page)
            return iter(())
        return original(context, filter(attrgetter("fixed_boxes"), pages), containing_page)

    return layout_fixed_boxes


@contextlib.contextmanager
def indexed_layout() -> Iterator[bool]:
    """Around `HTML.render`: the three fixes on; yields whether they are (a known WeasyPrint version)."""
    if not applicable():
        yield False
        return
    from weasyprint import layout
    from weasyprint.css import targets
    from weasyprint.layout import page

    with contextlib.ExitStack() as patches:
        patches.enter_context(
            replaced(targets.TargetCollector, "cache_target_page_counters", lambda _: cache_target_page_counters)
        )
        patches.enter_context(replaced(page, "set_page_type_computed_styles", lambda _: set_page_type_computed_styles))
        patches.enter_context(replaced(layout, "layout_fixed_boxes", _with_fixed_boxes))
        patches.enter_context(replaced(page, "make_page", _noting_fixed_boxes))
        yield True
