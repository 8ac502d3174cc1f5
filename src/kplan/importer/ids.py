"""Stable, readable ASCII ids: by position for chapters and sections (chapter-1, section-1-2), and for terms a
slug of the Latin spelling or a romanisation of the reading (情報セキュリティ → jouhou-sekyuriti)."""

from __future__ import annotations

import re
import unicodedata

from kplan.kana import to_hiragana

ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_ROMAJI = {
    **dict(zip("あいうえお", ["a", "i", "u", "e", "o"], strict=True)),
    **dict(zip("かきくけこ", ["ka", "ki", "ku", "ke", "ko"], strict=True)),
    **dict(zip("がぎぐげご", ["ga", "gi", "gu", "ge", "go"], strict=True)),
    **dict(zip("さしすせそ", ["sa", "shi", "su", "se", "so"], strict=True)),
    **dict(zip("ざじずぜぞ", ["za", "ji", "zu", "ze", "zo"], strict=True)),
    **dict(zip("たちつてと", ["ta", "chi", "tsu", "te", "to"], strict=True)),
    **dict(zip("だぢづでど", ["da", "ji", "zu", "de", "do"], strict=True)),
    **dict(zip("なにぬねの", ["na", "ni", "nu", "ne", "no"], strict=True)),
    **dict(zip("はひふへほ", ["ha", "hi", "fu", "he", "ho"], strict=True)),
    **dict(zip("ばびぶべぼ", ["ba", "bi", "bu", "be", "bo"], strict=True)),
    **dict(zip("ぱぴぷぺぽ", ["pa", "pi", "pu", "pe", "po"], strict=True)),
    **dict(zip("まみむめも", ["ma", "mi", "mu", "me", "mo"], strict=True)),
    **dict(zip("やゆよ", ["ya", "yu", "yo"], strict=True)),
    **dict(zip("らりるれろ", ["ra", "ri", "ru", "re", "ro"], strict=True)),
    **dict(zip("わゐゑをん", ["wa", "i", "e", "o", "n"], strict=True)),
    **dict(zip("ぁぃぅぇぉ", ["a", "i", "u", "e", "o"], strict=True)),
    "ゔ": "vu",
}
_YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_VOWELS = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII letters and digits joined by -, from Latin text (ICT-BCP → ict-bcp); "" when none."""
    ascii_text = unicodedata.normalize("NFKC", text).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words)[:limit].strip("-")


def romanised(reading: str, limit: int = 40) -> str:
    """A kana reading in Hepburn-like ASCII (じょうほう → jouhou); "" for anything that is not kana."""
    kana = to_hiragana(reading)
    out: list[str] = []
    double = False
    for char in kana:
        if char == "っ":
            double = True
            continue
        if char in _YOON and out and out[-1].endswith("i") and len(out[-1]) >= 2:
            stem = out.pop()[:-1]
            stem = stem if stem.endswith(("sh", "ch", "j")) else stem + "y"
            out.append(stem + _YOON[char])
            continue
        if char in _SMALL_VOWELS and out and len(out[-1]) >= 2 and out[-1][-1] in "aiueo":
            out.append(out.pop()[:-1] + _SMALL_VOWELS[char])
            continue
        if char == "ー":
            if out and out[-1]:
                out.append(out[-1][-1])
            continue
        syllable = _ROMAJI.get(char, _YOON.get(char))
        if syllable is None:
            out.append("-")
            continue
        if double and syllable[0] not in "aiueon":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    text = re.sub(r"-+", "-", "".join(out)).strip("-")
    return text[:limit].strip("-")


class Ids:
    """Hands out ids unique within one kind (sections, figures, terms …): a taken id gets -2, -3 …"""

    def __init__(self) -> None:
        self.taken: dict[str, set[str]] = {}

    def claim(self, kind: str, wanted: str) -> str:
        taken = self.taken.setdefault(kind, set())
        base = wanted if ID.fullmatch(wanted) else "id"
        candidate, count = base, 1
        while candidate in taken:
            count += 1
            candidate = f"{base}-{count}"
        taken.add(candidate)
        return candidate
