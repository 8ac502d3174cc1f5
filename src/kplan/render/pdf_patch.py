"""A guarded fix for a cost of pydyf (WeasyPrint's PDF writer) that grows with pages × tagged elements.

`pydyf.PDF.page_references` is a property that builds the tuple of every page's reference ("12 0 R") each time
it is read, and WeasyPrint reads it once per tagged element and per link while writing a PDF/UA file: for a
document of P pages with E tagged elements that is P × E work (0.10 s a page at 40 pages, 0.16 s at 800). The
replacement keeps the tuple and builds it again only when the page list has changed (pages are only ever
appended, by `PDF.add_page`). Same bytes out; tests/test_pdf_patch.py checks both.

Applied only around kplan's own `write_pdf` call, and only for pydyf versions whose property is known to be the
plain rebuild (KNOWN_VERSIONS); any other version runs unpatched. The report for pydyf (with the figures) is in
bench/results.md, "For pydyf"; once a pydyf release keeps the references itself, this module can go.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from kplan.render.replaced import replaced

KNOWN_VERSIONS = ("0.13.0",)
_CACHE = "_kplan_page_references"


def _cached_page_references(self: Any) -> tuple[bytes, ...]:
    """The page references, rebuilt only when the page list changed (its length or its ends)."""
    kids = self.pages["Kids"]
    key = (id(kids), len(kids), kids[0] if kids else None, kids[-3] if kids else None)
    cached = self.__dict__.get(_CACHE)
    if cached is None or cached[0] != key:
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        cached = (key, references)
        self.__dict__[_CACHE] = cached
    return cached[1]


def applicable() -> bool:
    """Whether the installed pydyf is one this patch knows."""
    try:
        import pydyf
    except ImportError:
        return False
    prop = getattr(pydyf.PDF, "page_references", None)
    return getattr(pydyf, "__version__", None) in KNOWN_VERSIONS and isinstance(prop, property)


@contextlib.contextmanager
def page_references_cached() -> Iterator[bool]:
    """Within the block, pydyf keeps its page references between reads; yields whether the patch is on."""
    if not applicable():
        yield False
        return
    import pydyf

    def cached(original: Any) -> property:
        return property(_cached_page_references, doc=original.__doc__)

    with replaced(pydyf.PDF, "page_references", cached):
        yield True
