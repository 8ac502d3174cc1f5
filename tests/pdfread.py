"""Reading a real PDF for the tests: page texts (pdftotext), word boxes, outline, links and named destinations."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pikepdf


@dataclass(frozen=True)
class Word:
    """A run of text on a page, in points from the top-left corner (pdftotext -bbox)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class LinkBox:
    """An internal link: its page (0-based), its rectangle in points from the top-left, its destination name."""

    page: int
    rect: tuple[float, float, float, float]
    dest: str


def page_texts(pdf: Path, *extra: str) -> list[str]:
    """The text of every page, in order (pdftotext; pages are separated by form feeds)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def page_words(pdf: Path) -> list[list[Word]]:
    """The words of every page with their boxes."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = out.split("<page ")[1:]
    return [
        [Word(unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in _WORD.finditer(page)]
        for page in pages
    ]


class Reader:
    """One PDF opened with pikepdf."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = pikepdf.open(path)
        self._page_index = {page.objgen: index for index, page in enumerate(self.pdf.pages)}

    def page_of(self, destination: pikepdf.Array) -> int:
        """The 0-based page index of an explicit destination [page /XYZ x y zoom]."""
        return self._page_index[destination[0].objgen]

    def named_destinations(self) -> dict[str, int]:
        """Every named destination and its 0-based page."""
        tree = pikepdf.NameTree(self.pdf.Root.Names.Dests)
        return {str(name): self.page_of(dest) for name, dest in tree.items()}

    def links(self) -> list[LinkBox]:
        """Every internal link annotation, with its rectangle measured from the top of its page."""
        found = []
        for index, page in enumerate(self.pdf.pages):
            height = float(page.MediaBox[3])
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                top, bottom = sorted((height - y0, height - y1))
                found.append(LinkBox(index, (min(x0, x1), top, max(x0, x1), bottom), str(annot.Dest)))
        return found

    def outline(self) -> list[tuple[int, str, int]]:
        """The bookmarks depth-first as (level, title, 0-based page)."""
        items: list[tuple[int, str, int]] = []
        with self.pdf.open_outline() as outline:

            def visit(nodes, level: int) -> None:  # type: ignore[no-untyped-def]
                for node in nodes:
                    items.append((level, node.title, self.page_of(node.destination)))
                    visit(node.children, level + 1)

            visit(outline.root, 1)
        return items
