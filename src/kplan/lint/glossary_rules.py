"""Glossary rules: ※ markers resolve, every term is marked at its first occurrence, the 用語解説 is in order
(when the plan keeps it in アルファベット・50音順), readings are kana."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from rapidfuzz.distance import Levenshtein

from kplan.diagnostics import Loc
from kplan.kana import is_kana, sort_key, to_hiragana
from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.matching import fold, fold_width
from kplan.lint.registry import rule
from kplan.lint.similar import NearMatcher, nearest
from kplan.lint.sources import TERM, TextItem
from kplan.messages import Msg, text
from kplan.model import Term
from kplan.resolve import CLOSING_BRACKETS


def _term_loc(term: Term) -> Loc:
    return term.term.loc


SUGGESTED_MARKERS = 200  # unknown ※ terms that get a proposal of near terms


@rule("unknown-term", "glossary")
def unknown_term(context: LintContext) -> Iterator[Hit]:
    """A ※ marker that resolves to no term or alias of the glossary.

    Near terms are proposed for the first SUGGESTED_MARKERS markers only, each from the few characters before
    the ※ that a term could span, so that a text full of ※ costs time in proportion to its length."""
    window = max((len(s) for t in context.glossary_terms for s in (t.term, *t.aliases, t.reading or "")), default=0)
    window = max(window + 3, 10)
    suggested: dict[str, list[str]] = {}
    for placed in context.markers:
        marker = placed.marker
        if marker.term_id is not None:
            continue
        item = context.prose[placed.item]
        name = context.explicit_name(marker) if marker.explicit else None
        if name is not None:
            close = nearest(name, [*context.terms, *context.spellings]) if len(suggested) < SUGGESTED_MARKERS else []
            message = Msg("lint.unknown-term/explicit", name=name)
        else:
            end = placed.star - len(marker.between)
            before = item.text[max(0, end - window) : end]
            if before not in suggested and len(suggested) < SUGGESTED_MARKERS:
                suggested[before] = _nearest_terms(context, before)
            close = suggested.get(before, [])
            message = Msg("lint.unknown-term/marked", before=before[-10:])
        if close:
            suggestion = Msg("lint.unknown-term/hint-near", terms=text("word.comma").join(close))
        else:
            suggestion = Msg("lint.unknown-term/hint-add", glossary=_glossary_name(context))
        yield Hit(marker.loc, message, suggestion)


def _glossary_name(context: LintContext) -> Msg:
    glossary = context.plan.glossary
    return (
        Msg("word.glossary/named", title=glossary.title, file=glossary.loc.file) if glossary else Msg("word.glossary")
    )


def _nearest_terms(context: LintContext, before: str, limit: int = 3) -> list[str]:
    """Terms whose spelling or reading is closest to some ending of the text before a ※ (width- and
    kana-insensitive)."""
    scored: list[tuple[float, str]] = []
    folded_before = fold(before)
    for term in context.glossary_terms:
        best = 1.0
        for spelling in (term.term, *term.aliases, *([term.reading] if term.reading else [])):
            target = fold(spelling)
            for length in range(max(1, len(target) - 2), len(target) + 3):
                if length > len(folded_before):
                    break
                distance = Levenshtein.normalized_distance(target, folded_before[-length:])
                best = min(best, distance)
        scored.append((best, str(term.term)))
    scored.sort()
    return [spelling for distance, spelling in scored[:limit] if distance <= 0.5]


def _first_occurrences(context: LintContext) -> dict[str, tuple[int, int, int]]:
    """Each term id → (item, start, end) of its first occurrence in reading order."""
    first: dict[str, tuple[int, int, int]] = {}
    for index, hits in enumerate(context.occurrences):
        for start, end, spelling in hits:
            for term_id in context.spellings[spelling]:
                first.setdefault(term_id, (index, start, end))
    return first


@rule("term-unused", "glossary", "warning")
def term_unused(context: LintContext) -> Iterator[Hit]:
    """A term that occurs in the text but is never marked with ※."""
    marked = {placed.marker.term_id for placed in context.markers}
    first = _first_occurrences(context)
    for term in context.glossary_terms:
        if term.id in marked or term.id not in first:
            continue  # a term that never occurs is reported by term-not-in-text
        index, start, _ = first[term.id]
        where = context.locate(context.prose[index], start)
        yield Hit(_term_loc(term), Msg("lint.term-unused", term=term.term, where=where))


@rule("first-occurrence-unmarked", "glossary", "warning")
def first_occurrence_unmarked(context: LintContext) -> Iterator[Hit]:
    """The first occurrence of a term in reading order has no ※ while a later one has."""
    first_marker: dict[str, tuple[int, int]] = {}
    for placed in context.markers:
        if placed.marker.term_id:
            first_marker.setdefault(placed.marker.term_id, (placed.item, placed.word))
    for term_id, (index, start, end) in _first_occurrences(context).items():
        if term_id not in first_marker or (index, start) >= first_marker[term_id]:
            continue
        marker_item, word = first_marker[term_id]
        item = context.prose[index]
        if _marked_here(item, end):
            continue  # marked here, though resolved another way (an alias, an explicit ※{id})
        marker_loc = context.locate(context.prose[marker_item], word)
        spelling = item.text[start:end]
        yield Hit(
            context.locate(item, start), Msg("lint.first-occurrence-unmarked", spelling=spelling, marker=marker_loc)
        )


def _marked_here(item: TextItem, end: int) -> bool:
    rest = item.text[end:].lstrip(CLOSING_BRACKETS)
    return rest.startswith("※")


@rule("term-not-in-text", "glossary", "warning")
def term_not_in_text(context: LintContext) -> Iterator[Hit]:
    """A term none of whose spellings occurs in the text; names the closest spelling that does."""
    found = {spelling for hits in context.occurrences for _, _, spelling in hits}
    missing = [
        term for term in context.glossary_terms if not any(spelling in found for spelling in (term.term, *term.aliases))
    ]
    if not missing:
        return
    matcher = NearMatcher(str(term.term) for term in missing)
    closest: dict[str, tuple[int, str, Loc]] = {}
    for item in context.prose:
        for match in matcher.search(item.text):
            candidate = (match.distance, item.text[match.start : match.end], context.locate(item, match.start))
            if match.spelling not in closest or candidate[:1] < closest[match.spelling][:1]:
                closest[match.spelling] = candidate
    for term in missing:
        if term.term in closest:
            _, spelling, where = closest[term.term]
            suggestion = Msg("lint.term-not-in-text/hint-near", spelling=spelling, where=where)
        else:
            suggestion = Msg("lint.term-not-in-text/hint-none")
        yield Hit(_term_loc(term), Msg("lint.term-not-in-text", term=term.term), suggestion)


@rule("glossary-order", "glossary")
def glossary_order(context: LintContext) -> Iterator[Hit]:
    """With order kana: terms in Latin letters A–Z first, then 50音順 by reading; names where an entry belongs."""
    glossary = context.plan.glossary
    if glossary is None or glossary.order != "kana":
        return  # as-written: the order of the file is the printed order
    terms = glossary.terms
    keys = [sort_key(term.term, term.reading or "") for term in terms]  # a Latin term needs no reading
    in_order = _longest_increasing(keys)
    placed = [terms[i] for i in sorted(in_order)]
    placed_keys = [keys[i] for i in sorted(in_order)]
    for index, term in enumerate(terms):
        if index in in_order:
            continue
        position = sum(1 for key in placed_keys if key < keys[index])
        after = placed[position - 1].term if position > 0 else None
        before = placed[position].term if position < len(placed) else None
        where: Msg | str = ""
        if after and before:
            where = Msg("lint.glossary-order/between", after=after, before=before)
        elif after:
            where = Msg("lint.glossary-order/after", after=after)
        elif before:
            where = Msg("lint.glossary-order/before", before=before)
        reading_note = Msg("lint.glossary-order/reading", reading=term.reading) if term.reading else ""
        yield Hit(_term_loc(term), Msg("lint.glossary-order", term=term.term, reading=reading_note, where=where))


def _longest_increasing(keys: list[tuple[Any, ...]]) -> set[int]:
    """Indexes of one longest non-decreasing subsequence: the entries that are already in place."""
    tails: list[tuple[Any, ...]] = []
    tail_index: list[int] = []
    previous = [-1] * len(keys)
    for index, key in enumerate(keys):
        position = bisect.bisect_right(tails, key)
        if position == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[position] = key
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position > 0 else -1
    result = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        result.add(index)
        index = previous[index]
    return result


@rule("reading", "glossary")
def reading(context: LintContext) -> Iterator[Hit]:
    """A reading that is not kana, or that does not match a term written in kana (a term written only in Latin
    letters and digits may have none; the loader refuses a missing reading of any other term)."""
    for term in context.glossary_terms:
        value = term.reading
        if value is None:
            continue
        if not is_kana(value):
            yield Hit(value.loc, Msg("lint.reading/not-kana", term=term.term, reading=value))
            continue
        if is_kana(term.term) and _kana_form(term.term) != _kana_form(value):
            expected = _kana_form(term.term)
            item = TextItem(str(value), value.loc, TERM)
            yield Hit(
                value.loc,
                Msg("lint.reading/mismatch", term=term.term, reading=value, expected=expected),
                fix=context.edit(item, 0, len(value), expected),
            )


def _kana_form(text: str) -> str:
    return to_hiragana(text).replace(" ", "").replace("・", "")


@rule("reading-unconfirmed", "glossary", "info")
def reading_unconfirmed(context: LintContext) -> Iterator[Hit]:
    """A reading proposed by a tool (reading_confirmed: false) that an editor has not checked yet."""
    for term in context.glossary_terms:
        if term.reading is not None and not term.reading_confirmed:
            yield Hit(term.reading.loc, Msg("lint.reading-unconfirmed", term=term.term, reading=term.reading))


@rule("duplicate-term", "glossary")
def duplicate_term(context: LintContext) -> Iterator[Hit]:
    """A spelling (term or alias) given twice, to the same or another term."""
    seen: dict[str, tuple[Term, str]] = {}
    for term in context.glossary_terms:
        for spelling in (term.term, *term.aliases):
            key = fold_width(spelling).casefold()
            if key in seen:
                other, _ = seen[key]
                yield Hit(
                    spelling.loc,
                    Msg("lint.duplicate-term", spelling=spelling, first=other.term, where=_term_loc(other)),
                )
            else:
                seen[key] = (term, str(spelling))


@rule("empty-definition", "glossary")
def empty_definition(context: LintContext) -> Iterator[Hit]:
    """A definition with no words in it (only marks such as ―, …, ※)."""
    for term in context.glossary_terms:
        text = term.definition.plain
        if not any(char.isalnum() for char in text):
            yield Hit(term.definition.loc, Msg("lint.empty-definition", term=term.term))
