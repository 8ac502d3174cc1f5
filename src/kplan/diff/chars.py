"""Character-level differences between two texts, merged so that a reader sees changed words, not confetti.

Japanese has no spaces between words, so the diff works on characters: diff-match-patch's Myers diff with its
semantic clean-up (chosen over difflib.SequenceMatcher, whose longest-block heuristic aligns Japanese text oddly,
and over rapidfuzz's Levenshtein opcodes, which have no clean-up), then two passes of our own: an unchanged run of
at most MERGE_AT_MOST characters between two changes joins them, and a change that cuts through a katakana word,
a Latin word or a number grows to the whole of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MERGE_AT_MOST = 2
# runs of these classes are words: a change inside one is shown as a change of the whole run
_WORD_CLASSES = (
    re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]"),  # katakana (ー included)
    re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]"),  # Latin letters
    re.compile(r"[0-9０-９.,]"),  # numbers
)


@dataclass(frozen=True)
class Span:
    """A stretch of the old and the new text: equal, or replaced, inserted or deleted there.

    Offsets are Python string indices (Unicode code points), half-open: old[old_start:old_end].
    """

    op: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int

    def as_json(self) -> dict[str, object]:
        return {"op": self.op, "old": [self.old_start, self.old_end], "new": [self.new_start, self.new_end]}


@lru_cache(maxsize=1)
def _engine():  # type: ignore[no-untyped-def]
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: the same inputs always give the same diff
    return engine


def diff_spans(old: str, new: str) -> tuple[Span, ...]:
    """The spans that take `old` to `new`, covering both texts from start to end."""
    if old == new:
        return (Span("equal", 0, len(old), 0, len(new)),) if old else ()
    engine = _engine()
    ops = engine.diff_main(old, new, False)
    engine.diff_cleanupSemantic(ops)
    spans = _to_spans(ops)
    spans = _merge_short_equal(spans)
    spans = _grow_to_words(spans, old, new)
    return tuple(_merge_short_equal(spans))


def _to_spans(ops: list[tuple[int, str]]) -> list[Span]:
    spans: list[Span] = []
    o = n = 0
    for op, text in ops:
        size = len(text)
        if op == 0:
            spans.append(Span("equal", o, o + size, n, n + size))
            o += size
            n += size
        elif op == -1:
            spans.append(Span("delete", o, o + size, n, n))
            o += size
        else:
            spans.append(Span("insert", o, o, n, n + size))
            n += size
    return _join_changes(spans)


def _join_changes(spans: list[Span]) -> list[Span]:
    """Adjacent non-equal spans become one span: replace, or insert/delete when one side is empty."""
    out: list[Span] = []
    for span in spans:
        if out and span.op != "equal" and out[-1].op != "equal":
            last = out.pop()
            span = Span("change", last.old_start, span.old_end, last.new_start, span.new_end)
        elif span.old_end == span.old_start and span.new_end == span.new_start:
            continue
        out.append(span)
    return [_named(s) for s in out]


def _named(span: Span) -> Span:
    if span.op == "equal":
        return span
    old_size, new_size = span.old_end - span.old_start, span.new_end - span.new_start
    op = "replace" if old_size and new_size else ("delete" if old_size else "insert")
    return Span(op, span.old_start, span.old_end, span.new_start, span.new_end)


def _merge_short_equal(spans: list[Span]) -> list[Span]:
    """An equal run of at most MERGE_AT_MOST characters between two changes becomes part of one change."""
    out = list(spans)
    for i in range(1, len(out) - 1):
        span = out[i]
        if (span.op == "equal" and span.old_end - span.old_start <= MERGE_AT_MOST
                and out[i - 1].op != "equal" and out[i + 1].op != "equal"):
            out[i] = Span("change", span.old_start, span.old_end, span.new_start, span.new_end)
    return _join_changes(out)


def _word_class(char: str) -> int | None:
    for number, pattern in enumerate(_WORD_CLASSES):
        if pattern.match(char):
            return number
    return None


def _grow_to_words(spans: list[Span], old: str, new: str) -> list[Span]:
    """Move the edges of each change outwards over equal characters of the same word class as the change's edge."""
    out = list(spans)
    for i, span in enumerate(out):
        if span.op == "equal":
            continue
        edge_chars = [c for c in (old[span.old_start:span.old_start + 1], new[span.new_start:span.new_start + 1]) if c]
        if i > 0 and out[i - 1].op == "equal" and edge_chars:
            before = out[i - 1]
            grow = _run_length(old[before.old_start:before.old_end][::-1], {_word_class(c) for c in edge_chars})
            if grow:
                out[i - 1] = Span("equal", before.old_start, before.old_end - grow, before.new_start,
                                  before.new_end - grow)
                span = Span(span.op, span.old_start - grow, span.old_end, span.new_start - grow, span.new_end)
        edge_chars = [c for c in (old[span.old_end - 1:span.old_end] if span.old_end > span.old_start else "",
                                  new[span.new_end - 1:span.new_end] if span.new_end > span.new_start else "") if c]
        if i + 1 < len(out) and out[i + 1].op == "equal" and edge_chars:
            after = out[i + 1]
            grow = _run_length(old[after.old_start:after.old_end], {_word_class(c) for c in edge_chars})
            if grow:
                out[i + 1] = Span("equal", after.old_start + grow, after.old_end, after.new_start + grow,
                                  after.new_end)
                span = Span(span.op, span.old_start, span.old_end + grow, span.new_start, span.new_end + grow)
        out[i] = span
    return _join_changes([_named(s) for s in out])


def _run_length(text: str, classes: set[int | None]) -> int:
    """How many characters at the start of `text` belong to one of the word classes (None does not count)."""
    classes.discard(None)
    count = 0
    for char in text:
        if _word_class(char) not in classes:
            break
        count += 1
    return count


def changed_ratio(old: str, new: str) -> float:
    """How similar two texts are, 0 to 1 (1 when equal): for pairing paragraphs and items that were edited."""
    if old == new:
        return 1.0
    if not old or not new:
        return 0.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, old, new, autojunk=False).ratio()
