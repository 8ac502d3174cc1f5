"""Helpers for the fidelity test: the seed text and the built HTML, both normalised the same way."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

SEED = Path(__file__).resolve().parent / "fixtures" / "seed-2.0-draft.txt"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC (full/half width, ideographic spaces) and no whitespace at all: extraction spacing stops mattering."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "title"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    return "".join(parser.parts)


def seed_fragments(seed: str, errata: list[tuple[str, str]]) -> list[str]:
    """The seed cut into checkable fragments: lines, split at table cells, list bullets and sentence ends."""
    text = seed.replace("[※]", "※")
    text = re.sub(r"<[^>]+>", "\n", text)  # HTML fragments of flattened table cells
    text = re.sub(r"\t\d+$", "", text, flags=re.MULTILINE)  # page numbers in the contents
    fragments = []
    for line in text.split("\n"):
        for cell in line.split("\t"):
            cell = re.sub(r"^[\s\-・○]+", "", cell)
            for piece in re.split(r"(?:^|\s)[・○]|^\s*-\s|。", cell):
                piece = normalise(piece).lstrip("-")
                if piece:
                    fragments.append(piece)
    corrected = []
    for fragment in fragments:
        for wrong, right in errata:
            fragment = fragment.replace(normalise(wrong), normalise(right))
        corrected.append(fragment)
    return corrected
