"""A guarded trim of what WeasyPrint keeps alive while it writes a PDF, so the peak is the layout's, not more.

WeasyPrint's `HTML.write_pdf` lays out every page, then paints them into pydyf objects while the whole layout stays
alive; at N = 20 (bench/synthetic.py) the write phase added 300 MB to the 945 MB of the layout.
Three things in that are never read again, and this module lets them go (WeasyPrint 70.0 with pydyf 0.13.0; the
same bytes out):

- the layout context: SVG images keep a reference to it (`SVGImage._context`, for their own images and fonts), and
  with it every page's resume state, the target collector's closures over the box tree before layout, and the
  table and footnote caches. Painting an SVG reads only `get_image_from_uri` and `font_config` of it;
- the cyclic garbage of layout (the box copies made while breaking lines and pages), collected once when WeasyPrint
  starts a new pagination pass (the contents' page numbers, target-counter, make it lay out twice) and once before
  writing, the freed heap handed back to the system (glibc's malloc_trim) so that painting reuses it. Python runs
  a full collection only when a quarter of the heap's objects are new, so without this up to that much garbage
  rides along at the peak. What is alive when the first pass starts (the parsed document, its styles, the box
  tree: on the real plan 140,000 of the 186,000 objects the collector tracks when the second pass starts) is
  frozen (gc.freeze) until the render ends, so these collections do not walk it: at N = 20, 9.8 s → 6.5 s in the
  collector, the peak 863 → 866 MB;
- each page's text and line boxes, once that page has been painted: tagging (the only later reader of the box
  tree, tags.py `_build_box_tree` and `_get_rows`) reads of them only their identity, class, `element`,
  `element_tag`, `style` and `children`. The page's content stream is joined (and compressed, as pydyf would at
  write time) at the same moment, instead of staying a list of thousands of small bytes objects.

Applied only around kplan's own render and write calls (`collected_passes`, `lean_writing`), and only for the
versions in KNOWN_VERSIONS, whose internals (tags.py, Page.paint, pydyf.Stream.data) this was checked against; any
other version runs unchanged. A box that stands in more than one page's tree is never trimmed.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import zlib
from collections.abc import Iterator
from typing import Any

from kplan.render.replaced import replaced

KNOWN_VERSIONS = {"weasyprint": ("70.0",), "pydyf": ("0.13.0",)}
# what tagging reads of a text or line box once its page is painted
KEPT = ("element_tag", "element", "style", "children")


def applicable() -> bool:
    """Whether the installed WeasyPrint and pydyf are ones this module knows."""
    try:
        import pydyf
        import weasyprint
        from weasyprint import layout
        from weasyprint.document import Page
    except ImportError:
        return False
    return (
        getattr(weasyprint, "__version__", None) in KNOWN_VERSIONS["weasyprint"]
        and getattr(pydyf, "__version__", None) in KNOWN_VERSIONS["pydyf"]
        and "paint" in Page.__dict__
        and callable(getattr(layout, "make_all_pages", None))
        and hasattr(layout, "LayoutContext")
    )


def _boxes(box: Any) -> Iterator[Any]:
    """The box and all its descendants (with the boxes behind absolute placeholders), depth first."""
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", ()))
        inner = getattr(box, "_box", None)  # AbsolutePlaceholder
        if inner is not None:
            stack.append(inner)


def _release_layout_context(pages: list[Any]) -> None:
    """Empty the layout contexts that replaced boxes (SVG images) still hold, but for what painting reads."""
    from weasyprint.css.targets import TargetCollector
    from weasyprint.layout import LayoutContext

    contexts = {}
    for page in pages:
        for box in _boxes(page._page_box):
            context = getattr(getattr(box, "replacement", None), "_context", None)
            if isinstance(context, LayoutContext):
                contexts[id(context)] = context
    for context in contexts.values():
        context.page_maker = []
        context.target_collector = TargetCollector()
        context.tables = {}
        context.dictionaries = {}
        context.broken_out_of_flow = {}
        context.footnotes = []
        context.page_footnotes = {}
        context.reported_footnotes = []
        context.current_page_footnotes = []
        context.rendered_notes = []
        context.running_elements.clear()
        context.string_set.clear()
        context.style_for = None


def _shared_boxes(pages: list[Any]) -> set[int]:
    """The ids of boxes that stand in more than one page's tree (never trimmed)."""
    seen: set[int] = set()
    shared: set[int] = set()
    for page in pages:
        here = {id(box) for box in _boxes(page._page_box)}
        shared |= here & seen
        seen |= here
    return shared


def _trim_heap() -> None:
    """Collect cyclic garbage and give glibc's free heap back to the system (nothing elsewhere)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError, TypeError):  # not glibc (or not a POSIX dlopen)
        ctypes.CDLL(None).malloc_trim(0)


def _join_stream(stream: Any) -> None:
    """A painted page's content stream as one bytes item, compressed as pydyf.Stream.data would: same bytes out."""
    import pydyf

    data = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
    if stream.compress and "Filter" not in stream.extra:
        compressor = zlib.compressobj(level=9)
        data = compressor.compress(data) + compressor.flush()
        stream.extra["Filter"] = "/FlateDecode"
        stream.compress = False
    stream.stream = [data]


def _trim_page(page_box: Any, shared: set[int]) -> None:
    """Keep of a painted page's text and line boxes only what tagging reads."""
    from weasyprint.formatting_structure.boxes import LineBox, TextBox

    for box in list(_boxes(page_box)):
        if isinstance(box, (TextBox, LineBox)) and id(box) not in shared:
            kept = {key: box.__dict__[key] for key in KEPT if key in box.__dict__}
            box.__dict__.clear()
            box.__dict__.update(kept)


@contextlib.contextmanager
def collected_passes() -> Iterator[bool]:
    """Around `HTML.render`: a full garbage collection before each pagination pass but the first; what is alive
    when the first pass starts (the document, its styles and box tree) is left out of the collections until
    the render ends (gc.freeze), unless something else has frozen objects already."""
    if not applicable():
        yield False
        return
    from weasyprint import layout

    passes = [0]
    freezing = gc.get_freeze_count() == 0

    def collecting(original: Any) -> Any:
        def make_all_pages(*args: Any, **kwargs: Any) -> Any:
            if passes[0]:
                gc.collect()
            elif freezing:
                gc.freeze()
            passes[0] += 1
            return original(*args, **kwargs)

        return make_all_pages

    try:
        with replaced(layout, "make_all_pages", collecting):
            yield True
    finally:
        if freezing:
            gc.unfreeze()


@contextlib.contextmanager
def lean_writing(document: Any) -> Iterator[bool]:
    """Around `document.write_pdf` (a rendered weasyprint.Document): let go of layout state as it is no longer
    read. Yields whether it is on; the document's pages are of no further use after the block."""
    if not applicable():
        yield False
        return
    from weasyprint.document import Page

    _release_layout_context(document.pages)
    shared = _shared_boxes(document.pages)
    _trim_heap()

    def trimming(original: Any) -> Any:
        def paint(self: Any, stream: Any, scale: float = 1) -> None:
            original(self, stream, scale)
            _join_stream(stream)
            _trim_page(self._page_box, shared)

        return paint

    with replaced(Page, "paint", trimming):
        yield True
