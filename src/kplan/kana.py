"""Japanese dictionary order (50音順) for glossary entries, after JIS X 4061 in its simple form.

Latin terms (AI, ICT, Society 5.0) come first in A–Z order; then terms in 50音順 by their kana reading.
Primary order ignores voicing (か = が = ぱ…), size (つ = っ) and treats ー as the vowel of the kana before it;
the secondary order breaks ties: unvoiced < voiced < semi-voiced, small < large, vowel < ー.
"""

from __future__ import annotations

import unicodedata

_ROWS = {
    "あ": "あいうえお",
    "か": "かきくけこ",
    "さ": "さしすせそ",
    "た": "たちつてと",
    "な": "なにぬねの",
    "は": "はひふへほ",
    "ま": "まみむめも",
    "や": "やゆよ",
    "ら": "らりるれろ",
    "わ": "わゐゑをん",
}
_SMALL_TO_LARGE = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
_VOWEL_OF: dict[str, str] = {}
for _vowel, _kanas in zip(
    "あいうえお",
    ("あかさたなはまやらわ", "いきしちにひみりゐ", "うくすつぬふむゆる", "えけせてねへめれゑ", "おこそとのほもよろを"),
    strict=True,
):
    for _kana in _kanas:
        _VOWEL_OF[_kana] = _vowel

LATIN_GROUP = "A–Z"
KANA_GROUPS = tuple(_ROWS)
LONG_VOWEL = "ー"


def to_hiragana(text: str) -> str:
    """Katakana (full- or half-width) as hiragana; other characters unchanged."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def is_kana(text: str) -> bool:
    """True when `text` is a non-empty reading of hiragana, katakana, ー and spaces only."""
    hiragana = to_hiragana(text)
    return bool(hiragana.strip()) and all("ぁ" <= c <= "ゖ" or c in "ー゛゜ " for c in hiragana)


def is_latin_term(term: str) -> bool:
    """True when the term starts with a Latin letter (full-width forms included)."""
    first = unicodedata.normalize("NFKC", term[:1])
    return first.isascii() and first.isalpha()


def _base(kana: str) -> tuple[str, int, int]:
    """One hiragana as (unvoiced large form, voicing 0/1/2, size 0 small / 1 large)."""
    decomposed = unicodedata.normalize("NFD", kana)
    voicing = 0
    if decomposed.endswith("\u3099"):
        voicing = 1
    elif decomposed.endswith("\u309a"):
        voicing = 2
    plain = decomposed[0]
    if plain in _SMALL_TO_LARGE:
        return _SMALL_TO_LARGE[plain], voicing, 0
    return plain, voicing, 1


def reading_key(reading: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The collation key of a kana reading: (primary string, secondary ties)."""
    primary: list[str] = []
    secondary: list[tuple[int, int, int]] = []
    for char in to_hiragana(reading).replace(" ", ""):
        if char == LONG_VOWEL:
            vowel = _VOWEL_OF.get(primary[-1], LONG_VOWEL) if primary else LONG_VOWEL
            primary.append(vowel)
            secondary.append((0, 1, 1))
            continue
        base, voicing, size = _base(char)
        primary.append(base)
        secondary.append((voicing, size, 0))
    return "".join(primary), tuple(secondary)


def sort_key(term: str, reading: str) -> tuple:
    """Where a glossary entry belongs: Latin terms A–Z first, then 50音順 by reading."""
    if is_latin_term(term):
        latin = unicodedata.normalize("NFKC", term)
        return (0, latin.casefold(), latin)
    return (1, *reading_key(reading), term)


def group_label(term: str, reading: str) -> str:
    """The index heading an entry files under: "A–Z", or the row of its first kana (あ, か, さ…)."""
    if is_latin_term(term):
        return LATIN_GROUP
    primary, _ = reading_key(reading)
    first = primary[:1]
    for label, row in _ROWS.items():
        if first in row:
            return label
    return first or "?"
