"""The source lines a printed text stands on: for each, where its first printed character is and what precedes it.

A paragraph, a list item or a YAML string may run over several lines of its file, and the output joins them into
one text. Rules that look at how a line begins (a stray bullet, a heading typed with ＃, a full-width space
before a list marker) read the lines here: the line's first printed character, found by the same alignment of
printed text and source that every position of lint comes from (positions.py), and the source text before it
on its line (indentation, a list marker, a YAML key).
"""

from __future__ import annotations

import bisect
import weakref

from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.lint.context import LintContext
from kplan.lint.sources import TextItem

BLANK = " \t\u3000"


class SourceLine(Struct, frozen=True):
    """One line of a text's source: `index` is the offset in the printed text of the line's first printed
    character that is not a space, `offset` its offset in the file, `before` the source from the line's start up
    to it, `first` whether this is the line the text starts on."""

    item: TextItem
    index: int
    offset: int
    loc: Loc
    before: str
    first: bool

    @property
    def printed(self) -> str:
        """The printed text from this line's first character on."""
        return self.item.text[self.index :]

    @property
    def indented_only(self) -> bool:
        """Only spaces (ASCII or full-width) stand before the first printed character: the line starts with it."""
        return not self.before.strip(BLANK)

    @property
    def after_newline(self) -> bool:
        """The printed text keeps a line break right before this line (a YAML literal block that is not Markdown)."""
        return self.item.text[: self.index].rstrip(BLANK).endswith("\n")


_CACHE: weakref.WeakKeyDictionary[LintContext, dict[int, list[SourceLine]]] = weakref.WeakKeyDictionary()


def source_lines(context: LintContext, item: TextItem) -> list[SourceLine]:
    """The lines of the item's source, in order, each with its first printed character (lines without one left out)."""
    cache = _CACHE.setdefault(context, {})
    key = id(item)
    if key not in cache:
        cache[key] = _source_lines(context, item)
    return cache[key]


def _source_lines(context: LintContext, item: TextItem) -> list[SourceLine]:
    files = context.files
    rel = item.loc.file
    text = files.text(rel)
    starts = files.line_starts(rel)
    start = files.offset(item.loc)
    if text.startswith(item.text, start) and "\n" not in item.text and "\r" not in item.text:
        # the common case, verbatim on its first line: no alignment needed
        lead = len(item.text) - len(item.text.lstrip(BLANK))
        if lead == len(item.text):
            return []
        line_start = starts[item.loc.line - 1] if item.loc.line <= len(starts) else start
        offset = start + lead
        loc = Loc(rel, item.loc.line, offset - line_start + 1)
        return [SourceLine(item, lead, offset, loc, text[line_start:offset], True)]
    offsets = files.align(item.loc, item.text)
    lines: list[SourceLine] = []
    last = 0
    for index, (char, offset) in enumerate(zip(item.text, offsets, strict=False)):
        if offset < 0 or char in BLANK or char == "\n":
            continue
        line = bisect.bisect_right(starts, offset)
        if line <= last:
            continue
        last = line
        start = starts[line - 1]
        loc = Loc(rel, line, offset - start + 1)
        lines.append(SourceLine(item, index, offset, loc, text[start:offset], line == item.loc.line))
    return lines
