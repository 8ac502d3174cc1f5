"""※ markers: resolve each to the longest glossary term or alias that ends just before it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kplan.diagnostics import Loc
from kplan.model.text import Inline, Link, Marker, RichText, Text

CLOSING_BRACKETS = "」』）)］]】〉》"
EXPLICIT = re.compile(r"※\{([^{}\s]+)\}")
NOT_A_MARKER_AFTER = ("イメージ図",)


class TermIndex:
    """Every spelling (term or alias) a ※ may follow, and the term id it stands for."""

    def __init__(self, spellings: Iterable[tuple[str, str]]) -> None:
        self.by_spelling: dict[str, str] = {}
        self.ids: set[str] = set()
        for spelling, term_id in spellings:
            self.by_spelling.setdefault(spelling, term_id)
            self.ids.add(term_id)
        self.longest = max((len(s) for s in self.by_spelling), default=0)

    def longest_ending_at(self, text: str, end: int) -> str | None:
        """The longest spelling s with text[end - len(s):end] == s."""
        for length in range(min(self.longest, end), 0, -1):
            candidate = text[end - length : end]
            if candidate in self.by_spelling:
                return candidate
        return None

    def explicit(self, name: str) -> str | None:
        """The term id an explicit ※{…} names: an id, a term or an alias."""
        if name in self.ids:
            return name
        return self.by_spelling.get(name)


def is_marker(text: str, at: int) -> bool:
    """Whether the ※ at `at` marks a term (not a note such as ※イメージ図 or a leading ※)."""
    end = at
    while end > 0 and text[end - 1] in CLOSING_BRACKETS:
        end -= 1
    if end == 0 or text[end - 1].isspace():
        return False
    return not text.startswith(NOT_A_MARKER_AFTER, at + 1)


def split_markers(text: str, index: TermIndex, loc_of_marker: list[Loc]) -> list[Inline]:
    """Split plain text into Text and Marker parts; `loc_of_marker` gives each ※'s location in order."""
    parts: list[Inline] = []
    start = 0
    count = 0
    position = text.find("※")
    while position != -1:
        loc = loc_of_marker[min(count, len(loc_of_marker) - 1)]
        count += 1
        explicit = EXPLICIT.match(text, position)
        if not is_marker(text, position) and not explicit:
            position = text.find("※", position + 1)
            continue
        bracket_end = position
        while bracket_end > start and text[bracket_end - 1] in CLOSING_BRACKETS:
            bracket_end -= 1
        spelling = index.longest_ending_at(text, bracket_end)
        term_id = index.by_spelling.get(spelling) if spelling else None
        if explicit:
            term_id = index.explicit(explicit[1])
            if spelling is None or index.by_spelling.get(spelling) != term_id:
                spelling = None
        word_start = bracket_end - len(spelling) if spelling and bracket_end - len(spelling) >= start else bracket_end
        if word_start > start:
            parts.append(Text(text[start:word_start]))
        parts.append(
            Marker(
                term=text[word_start:bracket_end],
                between=text[bracket_end:position],
                term_id=term_id,
                loc=loc,
                explicit=bool(explicit),
            )
        )
        start = explicit.end() if explicit else position + 1
        position = text.find("※", start)
    if start < len(text):
        parts.append(Text(text[start:]))
    return parts


def marker_locs(raw: str, base: Loc) -> list[Loc]:
    """The location of each ※ in raw source text that starts at `base`."""
    locs = []
    lines_down = 0
    line_start = 0
    counted = 0  # raw[:counted] has been scanned for line breaks
    for match in re.finditer("※", raw):
        at = match.start()
        breaks = raw.count("\n", counted, at)
        if breaks:
            lines_down += breaks
            line_start = raw.rfind("\n", counted, at) + 1
        counted = at
        column = (base.column if lines_down == 0 else 1) + at - line_start
        locs.append(Loc(base.file, base.line + lines_down, column))
    return locs or [base]


class TextBuilder:
    """Makes RichText from source segments, resolving ※ markers against the glossary.

    A builder with `drafted` set marks every text it makes as ours, not yet confirmed by the city.
    """

    def __init__(self, index: TermIndex, drafted: bool = False) -> None:
        self.index = index
        self.drafted = drafted

    def as_drafted(self) -> TextBuilder:
        """The same builder for text we wrote ({drafted} blocks, drafted glossary definitions)."""
        return TextBuilder(self.index, drafted=True)

    def line(self, text: str, loc: Loc) -> RichText:
        """One line (or run) of text from a YAML value."""
        return self.segments([text], loc, text)

    def segments(self, segments: list[str | Link], loc: Loc, raw: str) -> RichText:
        """Text made of plain strings and links; markers are only looked for in the plain strings."""
        locs = marker_locs(raw, loc)
        parts: list[Inline] = []
        used = 0
        for segment in segments:
            if isinstance(segment, Link):
                parts.append(segment)
                continue
            if not segment:
                continue
            pieces = split_markers(segment, self.index, locs[used:] or locs[-1:])
            used += segment.count("※")
            parts.extend(pieces)
        return RichText(tuple(_merge_text(parts)), loc, self.drafted)


def _merge_text(parts: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + part.text)
        else:
            merged.append(part)
    return merged
