"""Kana readings proposed for glossary terms, with SudachiPy and its core dictionary (sudachidict_core).

Why Sudachi rather than Janome: both install at about 200 MB (the dictionary), but Sudachi loads in under 0.1 s
(Janome 0.2 s) and tokenises about 20× faster; its dictionary is kept up to date (2020s vocabulary: 協働,
マイナンバー …, where Janome's IPADIC of 2007 misreads 協働), and it reads Latin words inside a term (公衆無線LAN →
こうしゅうむせんらん), so the reading stays kana. Every proposed reading is written with `reading_confirmed:
false`: an editor confirms it (lint lists each as info until then).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from kplan.kana import is_kana, to_hiragana

LATIN_ONLY = re.compile(r"[A-Za-z0-9 .\-&/+]+")  # the loader lets these go without a reading
_LETTER_NAMES = (
    "えー びー しー でぃー いー えふ じー えいち あい じぇー けー える えむ えぬ おー ぴー きゅー あーる えす てぃー "
    "ゆー ぶい だぶりゅー えっくす わい ぜっと"
)
LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", _LETTER_NAMES.split(), strict=True))
_DIGIT_NAMES = ("ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
DIGITS = dict(zip("0123456789", _DIGIT_NAMES, strict=True))


def needs_reading(term: str) -> bool:
    """Whether the loader wants a reading: every term not written only in Latin letters and digits."""
    return not LATIN_ONLY.fullmatch(unicodedata.normalize("NFKC", term))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    make = getattr(dictionary, "tokenizer", None) or dictionary.create
    return make(mode=SplitMode.C)


def analyser_available() -> bool:
    try:
        _tokenizer()
    except Exception:  # noqa: BLE001 - a missing or broken dictionary only means no proposals
        return False
    return True


def propose(term: str) -> str | None:
    """A hiragana reading for `term`, or None when none can be made. A term in kana reads as itself."""
    text = unicodedata.normalize("NFKC", term)
    if is_kana(text.replace("・", "").replace(" ", "")) and text.strip():
        return to_hiragana(text).replace(" ", "").replace("・", "")
    try:
        tokens = _tokenizer().tokenize(text)
    except Exception:  # noqa: BLE001
        return None
    out = []
    for token in tokens:
        surface = token.surface()
        part = token.part_of_speech()[0]
        if part in ("補助記号", "空白") or not surface.strip():
            continue
        reading: str | None = to_hiragana(token.reading_form())
        if is_kana(surface):
            reading = to_hiragana(surface)
        if reading is None or not is_kana(reading):
            reading = _spelled(surface)
        if reading is None:
            return None
        out.append(reading)
    joined = "".join(out)
    return joined if joined and is_kana(joined) else None


def _spelled(surface: str) -> str | None:
    """Latin letters and digits read one by one (e → いー), for what the dictionary does not know."""
    out = []
    for char in surface.lower():
        if char in LETTERS:
            out.append(LETTERS[char])
        elif char in DIGITS:
            out.append(DIGITS[char])
        elif is_kana(char):
            out.append(to_hiragana(char))
        elif char in "-.・ ":
            continue
        else:
            return None
    return "".join(out) or None
