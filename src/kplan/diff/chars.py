"""Character-level differences between two texts, merged so that a reader sees changed words, not confetti.

Japanese has no spaces between words, so the diff works on characters: diff-match-patch's Myers diff (a shortest
edit script; chosen over difflib.SequenceMatcher, whose longest-block heuristic aligns Japanese text oddly, and over
rapidfuzz's Levenshtein opcodes), then passes of our own, because diff-match-patch's semantic clean-up is made for
space-separated words and swallows short Japanese words: an insertion or deletion slides to where it reads best,
an unchanged run of at most MERGE_AT_MOST characters (or a chance match inside a rewritten passage) between two
changes joins them, and a change that cuts through a katakana word, a Latin word or a number grows to the whole of
it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from msgspec import Struct

MERGE_AT_MOST = 2
# runs of these classes are words: a change inside one is shown as a change of the whole run
_WORD_CLASSES = (
    re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]"),  # katakana (ー included)
    re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]"),  # Latin letters
    re.compile(r"[0-9０-９.,]"),  # numbers
)


class Span(Struct, frozen=True):
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
def _engine() -> Any:
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
    spans = _to_spans(_slide(ops))
    spans = _merge_short_equal(spans)
    spans = _grow_to_words(spans, old, new)
    return tuple(_merge_short_equal(spans))


def _char_class(char: str) -> str:
    if "\u3040" <= char <= "\u309f":
        return "hiragana"
    if "\u4e00" <= char <= "\u9fff" or char in "々〆ヶ":
        return "kanji"
    number = _word_class(char)
    return "other" if number is None else str(number)


def _slide(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Slide each pure insertion or deletion between two equal runs to where it reads best.

    "急激な変化に対応" to "変化に迅速に対応" can be told as inserting "に迅速" after "変化" or "迅速に" after "変化に";
    the second keeps longer unchanged runs on both sides (so they are not merged away) and starts and ends where
    the kind of script changes, as a word would.
    """
    ops = list(ops)
    for i in range(1, len(ops) - 1):
        (before_op, before), (op, edit), (after_op, after) = ops[i - 1], ops[i], ops[i + 1]
        if before_op != 0 or after_op != 0 or op == 0 or not edit:
            continue
        text = before + edit + after
        low, high = len(before), len(before)
        while low > 0 and text[low - 1] == text[low - 1 + len(edit)]:
            low -= 1
        while high + len(edit) < len(text) and text[high] == text[high + len(edit)]:
            high += 1

        def score(start: int, text: str = text, size: int = len(edit)) -> tuple[int, int]:
            end = start + size
            shortest = min(start, len(text) - end, MERGE_AT_MOST + 1)
            edges = sum(
                1
                for a, b in ((start - 1, start), (end - 1, end))
                if a >= 0 and b < len(text) and _char_class(text[a]) != _char_class(text[b])
            )
            return shortest, edges

        best = max(range(low, high + 1), key=score)
        ops[i - 1] = (0, text[:best])
        ops[i] = (op, text[best : best + len(edit)])
        ops[i + 1] = (0, text[best + len(edit) :])
    return [(op, part) for op, part in ops if part]


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


def _size(span: Span) -> int:
    return max(span.old_end - span.old_start, span.new_end - span.new_start)


def _merge_short_equal(spans: list[Span]) -> list[Span]:
    """An equal run between two changes joins them when it is at most MERGE_AT_MOST characters long, or less than
    half as long as each change beside it (a chance match inside a rewritten passage)."""
    out = list(spans)
    merged = True
    while merged:
        merged = False
        for i in range(1, len(out) - 1):
            span, before, after = out[i], out[i - 1], out[i + 1]
            if span.op != "equal" or before.op == "equal" or after.op == "equal":
                continue
            size = _size(span)
            if size <= MERGE_AT_MOST or 2 * size < min(_size(before), _size(after)):
                out[i] = Span("change", span.old_start, span.old_end, span.new_start, span.new_end)
                merged = True
        out = _join_changes(out)
    return out


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
        edge_chars = [
            c for c in (old[span.old_start : span.old_start + 1], new[span.new_start : span.new_start + 1]) if c
        ]
        if i > 0 and out[i - 1].op == "equal" and edge_chars:
            before = out[i - 1]
            grow = _run_length(old[before.old_start : before.old_end][::-1], {_word_class(c) for c in edge_chars})
            if grow:
                out[i - 1] = Span(
                    "equal", before.old_start, before.old_end - grow, before.new_start, before.new_end - grow
                )
                span = Span(span.op, span.old_start - grow, span.old_end, span.new_start - grow, span.new_end)
        edge_chars = [
            c
            for c in (
                old[span.old_end - 1 : span.old_end] if span.old_end > span.old_start else "",
                new[span.new_end - 1 : span.new_end] if span.new_end > span.new_start else "",
            )
            if c
        ]
        if i + 1 < len(out) and out[i + 1].op == "equal" and edge_chars:
            after = out[i + 1]
            grow = _run_length(old[after.old_start : after.old_end], {_word_class(c) for c in edge_chars})
            if grow:
                out[i + 1] = Span("equal", after.old_start + grow, after.old_end, after.new_start + grow, after.new_end)
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
