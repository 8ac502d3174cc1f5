"""Text rules: characters that do not belong, old kanji, stray markers, slips of the pen, 表記ゆれ."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.hyoki import DICTIONARY_FILE
from kplan.lint.matching import fold, fold_width
from kplan.lint.registry import rule
from kplan.lint.similar import NearMatcher, slips
from kplan.lint.sources import PROSE, WORDS_KINDS, TextItem
from kplan.messages import Msg, text
from kplan.resolve import CLOSING_BRACKETS

WORDS = WORDS_KINDS
SCRIPTS = (
    ("\u0370-\u03ff\u1f00-\u1fff", Msg("word.script/greek")),
    ("\u0400-\u052f", Msg("word.script/cyrillic")),
    ("\u0530-\u058f", Msg("word.script/armenian")),
    ("\u0590-\u05ff", Msg("word.script/hebrew")),
    ("\u0600-\u06ff", Msg("word.script/arabic")),
    ("\u0e00-\u0e7f", Msg("word.script/thai")),
    ("\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", Msg("word.script/hangul")),
)
FOREIGN = re.compile("[" + "".join(ranges for ranges, _ in SCRIPTS) + "]+")
REPLACEMENT = "\ufffd"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
BROKEN = re.compile("|".join(pattern.pattern for pattern in (CONTROL, INVISIBLE, PRIVATE_USE)) + "|\ufffd")
ASTERISK = re.compile(r"(?<=[^\s*＊])[*＊](?![*＊])")
BRACKETED_MARK = re.compile(r"\[※\]|［※］")
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
DOUBLED_PARTICLE = re.compile(r"([のをにがはでとへもや])[ \u3000]+\1(?=\S)|(を)を")
POLITE_ENDING = re.compile(r"(?:ます|です|ました|でした|ません|ください|でしょう|ましょう|である)[」』)）]*$")
VARIANT_TOKEN = re.compile(r"[A-Za-z0-9ァ-ヺー・\-]+")
DATA = Path(__file__).parent / "data"


def _items(context: LintContext, kinds: tuple[str, ...] | None = None) -> Iterator[TextItem]:
    return (item for item in context.items if kinds is None or item.kind in kinds)


def _has_japanese(text: str) -> bool:
    """Whether the text has kana or kanji (comparisons: the character class costs 2 ms to compile)."""
    return any("\u3041" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" for char in text)


@rule("foreign-script", "text")
def foreign_script(context: LintContext) -> Iterator[Hit]:
    """Letters of another script (Cyrillic, Greek…) inside Japanese text."""
    for item in _items(context):
        if not _has_japanese(item.text):
            continue
        for match in FOREIGN.finditer(item.text):
            script = next(name for ranges, name in SCRIPTS if re.match(f"[{ranges}]", match[0]))
            names = text("word.comma").join(unicodedata.name(char, "?") for char in match[0])
            context_text = item.text[max(0, match.start() - 6) : match.end() + 4]
            yield Hit(
                context.locate(item, match.start()),
                Msg("lint.foreign-script", script=script, chars=match[0], context=context_text, names=names),
            )


@rule("broken-character", "text")
def broken_character(context: LintContext) -> Iterator[Hit]:
    """Mojibake (U+FFFD), control characters, invisible characters and 外字 (private use)."""
    for item in _items(context):
        for match in BROKEN.finditer(item.text):
            char, offset = match[0], match.start()
            code = f"U+{ord(char):04X}"
            if char == REPLACEMENT:
                yield Hit(context.locate(item, offset), Msg("lint.broken-character/replacement"))
            elif PRIVATE_USE.match(char):
                yield Hit(context.locate(item, offset), Msg("lint.broken-character/private-use", code=code))
            else:
                control = CONTROL.match(char)
                yield Hit(
                    context.locate(item, offset),
                    Msg("lint.broken-character/control", code=code)
                    if control
                    else Msg("lint.broken-character/invisible", code=code),
                    fix=context.edit(item, offset, offset + 1, ""),
                )


@cache
def variant_kanji() -> dict[str, str]:
    """Old (康熙字典体) and variant forms → the 常用漢字表's form, from data/itaiji.tsv."""
    table = {}
    for line in (DATA / "itaiji.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            old, new, _source = line.split("\t")
            table[old] = new
    return table


@rule("old-kanji", "text")
def old_kanji(context: LintContext) -> Iterator[Hit]:
    """Old or variant kanji where the 常用漢字表 has a standard form (檢→検, 收→収)."""
    table = variant_kanji()
    pattern = _old_kanji_pattern()
    for item in _items(context):
        for match in pattern.finditer(item.text):
            new = table[match[0]]
            yield Hit(
                context.locate(item, match.start()),
                Msg("lint.old-kanji", old=match[0], new=new),
                fix=context.edit(item, match.start(), match.end(), new),
            )


@cache
def _old_kanji_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(variant_kanji())) + "]")


@rule("marker-asterisk", "text")
def marker_asterisk(context: LintContext) -> Iterator[Hit]:
    """`*`, `＊` or `[※]` written where the term marker ※ is meant."""
    for item in _items(context, WORDS):
        for match in ASTERISK.finditer(item.text):
            before, after = item.text[match.start() - 1], item.text[match.end() : match.end() + 1]
            if before.isdigit() and after.isdigit():
                continue  # 2*3 is arithmetic
            yield _marker_hit(context, item, match, Msg("lint.marker-asterisk/asterisk", mark=match[0]))
        for match in BRACKETED_MARK.finditer(item.text):
            yield _marker_hit(context, item, match, Msg("lint.marker-asterisk/bracketed", mark=match[0]))


def _marker_hit(context: LintContext, item: TextItem, match: re.Match[str], message: Msg) -> Hit:
    """The fix to ※ is offered only where the ※ will resolve to a glossary term."""
    before = item.text[: match.start()].rstrip(CLOSING_BRACKETS)
    resolves = any(before.endswith(spelling) for spelling in context.spellings)
    fix = context.edit(item, match.start(), match.end(), "※") if resolves else None
    suggestion = Msg("lint.marker-asterisk/hint-resolves") if resolves else Msg("lint.marker-asterisk/hint-add-term")
    return Hit(context.locate(item, match.start()), message, suggestion, fix)


@rule("near-miss", "text", "warning")
def near_miss(context: LintContext) -> Iterator[Hit]:
    """A spelling one or two slips away from a glossary term (not the term itself)."""
    spellings = context.spellings
    matcher = _near_matcher(context)
    for item in _items(context, WORDS):
        found, near = matcher.scan(item.text, exact=True)  # one pass: the terms and their near misses
        exact = [(start, end) for start, end, _ in found]
        for match in near:
            window = item.text[match.start : match.end]
            if window in spellings or any(start <= match.start and match.end <= end for start, end in exact):
                continue  # another term, or inside one (ICT-BCP)
            yield Hit(context.locate(item, match.start), Msg("lint.near-miss", window=window, term=match.spelling))


def _near_matcher(context: LintContext) -> NearMatcher:
    return NearMatcher(context.spellings)


@rule("fullwidth-alnum", "text", "warning")
def fullwidth_alnum(context: LintContext) -> Iterator[Hit]:
    """Full-width Latin letters and digits (公用文 writes them half-width)."""
    for item in _items(context):
        for match in FULLWIDTH_ALNUM.finditer(item.text):
            new = fold_width(match[0])
            yield Hit(
                context.locate(item, match.start()),
                Msg("lint.fullwidth-alnum", old=match[0], new=new),
                fix=context.edit(item, match.start(), match.end(), new),
            )


@rule("halfwidth-kana", "text", "warning")
def halfwidth_kana(context: LintContext) -> Iterator[Hit]:
    """Half-width katakana."""
    for item in _items(context):
        for match in HALFWIDTH_KANA.finditer(item.text):
            new = unicodedata.normalize("NFKC", match[0])
            yield Hit(
                context.locate(item, match.start()),
                Msg("lint.halfwidth-kana", old=match[0], new=new),
                fix=context.edit(item, match.start(), match.end(), new),
            )


@rule("doubled-particle", "text", "warning")
def doubled_particle(context: LintContext) -> Iterator[Hit]:
    """The same particle twice across a space (の の), or をを."""
    for item in _items(context, WORDS):
        for match in DOUBLED_PARTICLE.finditer(item.text):
            particle = match[1] or match[2]
            yield Hit(
                context.locate(item, match.start()),
                Msg("lint.doubled-particle", particle=particle, text=match[0]),
                fix=context.edit(item, match.start(), match.end(), particle),
            )


@rule("missing-period", "text", "warning")
def missing_period(context: LintContext) -> Iterator[Hit]:
    """A paragraph whose last sentence ends in です・ます (or である) without 。."""
    paragraphs = context.paragraphs
    for item in _items(context, (PROSE,)):
        if item.rich is None or id(item.rich) not in paragraphs or not POLITE_ENDING.search(item.text):
            continue
        end = len(item.text)
        yield Hit(
            context.locate(item, end),
            Msg("lint.missing-period"),
            fix=context.edit(item, end - 1, end, item.text[-1] + "。"),
        )


@rule("spelling-variant", "text", "warning")
def spelling_variant(context: LintContext) -> Iterator[Hit]:
    """One word written two ways in the plan (チャネル/チャンネル, e-ラーニング/eラーニング)."""
    places: dict[str, list[tuple[TextItem, int]]] = {}
    for item in _items(context, WORDS):
        for match in VARIANT_TOKEN.finditer(fold_width(item.text)):
            surface = match[0].strip("・-")
            key = _variant_key(surface)
            if len(key) >= 4 and sum("ァ" <= char <= "ヺ" for char in key) >= 2:
                places.setdefault(surface, []).append((item, match.start() + match[0].index(surface)))
    glossary = {_variant_key(spelling) for spelling in context.spellings}
    for rare, common in _variant_pairs(list(places), places, glossary):
        other_item, other_offset = places[common][0]
        other = context.locate(other_item, other_offset)
        for item, offset in places[rare]:
            yield Hit(
                context.locate(item, offset),
                Msg("lint.spelling-variant", rare=rare, common=common, other=other, dictionary=DICTIONARY_FILE),
            )


def _variant_key(surface: str) -> str:
    return surface.replace("・", "").replace("-", "")


def _variant_pairs(
    surfaces: list[str], places: dict[str, list[tuple[TextItem, int]]], glossary: set[str]
) -> Iterator[tuple[str, str]]:
    """(rarer, more common) pairs of surfaces one slip apart; the index of one-deletion neighbours keeps this
    linear in the number of distinct words."""
    by_fold: dict[str, list[str]] = {}
    for surface in surfaces:
        by_fold.setdefault(fold(_variant_key(surface)), []).append(surface)
    pairs = set()
    for folded, group in by_fold.items():
        neighbours = list(group)
        for index in range(len(folded)):
            neighbours += by_fold.get(folded[:index] + folded[index + 1 :], [])
        for a in group:
            for b in neighbours:
                key_a, key_b = _variant_key(a), _variant_key(b)
                if a != b and key_a not in glossary and key_b not in glossary and slips(key_a, key_b) <= 1:
                    pairs.add(tuple(sorted((a, b))))
    for a, b in sorted(pairs):
        if len(places[a]) != len(places[b]):
            a_is_rarer = len(places[a]) < len(places[b])
        else:  # as often: the one written later is the odd one out
            a_is_rarer = _order(places[a][0]) > _order(places[b][0])
        yield (a, b) if a_is_rarer else (b, a)


def _order(place: tuple[TextItem, int]) -> tuple[str, int, int, int]:
    item, offset = place
    return (item.loc.file, item.loc.line, item.loc.column, offset)


@rule("style-dictionary", "text", "warning")
def style_dictionary(context: LintContext) -> Iterator[Hit]:
    """A spelling that the project's 表記ゆれ dictionary (plan/hyoki.yaml) says to write another way."""
    dictionary = context.dictionary
    for item in _items(context):
        for found in dictionary.replacements(item.text):
            old = item.text[found.start : found.end]
            note = Msg("lint.style-dictionary/note", note=found.entry.note) if found.entry.note else ""
            yield Hit(
                context.locate(item, found.start),
                Msg("lint.style-dictionary", old=old, new=found.new, note=note, dictionary=DICTIONARY_FILE),
                fix=context.edit(item, found.start, found.end, found.new),
            )
