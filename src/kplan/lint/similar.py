"""How far apart two spellings are, and where a text holds a spelling with one or two slips.

The distance counts an inserted or dropped character as 1 and a voicing, size, kana-script or width slip
(ブ/プ, ツ/ッ, カ/か, Ａ/A) as 1; replacing one character by an unrelated one counts 2, because a different
character usually makes a different word (デバイス is not a slip of デバイド). Search uses the pigeonhole principle:
a spelling within k slips contains one of k + 1 disjoint pieces exactly, so one Aho–Corasick pass over the text
finds the few places worth comparing; rapidfuzz does the comparing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from kplan.lint.matching import Automaton, fold

WEIGHTS = (1, 1, 2)  # insertion, deletion, substitution


def max_slips(length: int) -> int:
    """How many slips a spelling of this length may carry and still be recognised: none under 4 characters."""
    if length < 4:
        return 0
    return 1 if length < 10 else 2


def slips(a: str, b: str, cutoff: int | None = None) -> int:
    """The distance between two spellings: 0 only when they are identical."""
    if a == b:
        return 0
    distance = Levenshtein.distance(fold(a), fold(b), weights=WEIGHTS, score_cutoff=cutoff)
    return max(distance, 1)


@dataclass(frozen=True)
class NearMatch:
    spelling: str
    start: int
    end: int
    distance: int


class NearMatcher:
    """Where a text holds one of many spellings with 1–2 slips (exact occurrences are not reported)."""

    def __init__(self, spellings: Iterable[str]) -> None:
        pieces: list[tuple[str, tuple[str, int]]] = []
        self.spellings = sorted(set(spellings))
        for spelling in self.spellings:
            k = max_slips(len(spelling))
            if not k:
                continue
            folded = fold(spelling)
            size = len(folded) // (k + 1)
            for part in range(k + 1):
                start = part * size
                end = len(folded) if part == k else start + size
                pieces.append((folded[start:end], (spelling, start)))
        self._pieces = Automaton(pieces)
        self._cache: dict[tuple[str, str], tuple[int, int, int] | None] = {}

    def search(self, text: str) -> Iterator[NearMatch]:
        folded = fold(text)
        candidates: set[tuple[str, int]] = set()
        for start, _end, _word, payloads in self._pieces.find(folded):
            for spelling, offset in payloads:
                candidates.add((spelling, start - offset))
        seen = set()
        for spelling, anchor in sorted(candidates):
            found = self._best(text, spelling, anchor)
            if found and (spelling, found) not in seen:
                seen.add((spelling, found))
                yield NearMatch(spelling, found[1], found[2], found[0])

    def _best(self, text: str, spelling: str, anchor: int) -> tuple[int, int, int] | None:
        """(distance, start, end) of the closest window around `anchor`, or None (too far, or exact)."""
        k = max_slips(len(spelling))
        low, high = max(anchor - k, 0), min(anchor + len(spelling) + k, len(text))
        key = (spelling, text[low:high])
        if key not in self._cache:
            self._cache[key] = _closest_window(text[low:high], spelling, k)
        best = self._cache[key]
        if best is None:
            return None
        distance, start, end = best
        return distance, low + start, low + end


def _closest_window(region: str, spelling: str, k: int) -> tuple[int, int, int] | None:
    folded_spelling = fold(spelling)
    # a cheap bound first: no window within k slips when the whole region is far off
    if Levenshtein.distance(folded_spelling, fold(region), weights=WEIGHTS) > 3 * k + 2:
        return None
    best: tuple[int, int, int, int, int] | None = None
    for start in range(0, 2 * k + 1):
        for length in range(len(spelling) - k, len(spelling) + k + 1):
            end = start + length
            if end > len(region) or length <= 0:
                continue
            window = region[start:end]
            if window == spelling:
                if _long_vowel_added(region, end, spelling):
                    return (1, start, end + 1)  # オープンデーター for オープンデータ
                return None  # the spelling itself stands here
            if _continues_word(region, end):
                continue  # デジタルデバイ|ス is not a slip of デジタルデバイド: the word goes on
            distance = slips(window, spelling, cutoff=k)
            if distance > k:
                continue
            rank = (distance, _cuts_a_word(region, start, end), abs(length - len(spelling)), start, end)
            if best is None or rank < best:
                best = rank
    return (best[0], best[3], best[4]) if best else None


def _script(char: str) -> str:
    if "ァ" <= char <= "ヺ" or char == "ー":
        return "katakana"
    if "ぁ" <= char <= "ゖ":
        return "hiragana"
    if char.isascii() and char.isalnum():
        return "latin"
    if "\u4e00" <= char <= "\u9fff":
        return "kanji"
    return "other"


def _long_vowel_added(region: str, end: int, spelling: str) -> bool:
    """The spelling, then ー that ends the word: the classic 長音 variant (サーバ / サーバー)."""
    return (region[end:end + 1] == "ー" and _script(spelling[-1]) == "katakana"
            and not _continues_word(region, end + 1))


def _continues_word(region: str, end: int) -> bool:
    """Whether the character after a window continues the katakana or Latin word the window ends in."""
    if end <= 0 or end >= len(region):
        return False
    return _script(region[end - 1]) == _script(region[end]) in ("katakana", "latin")


def _cuts_a_word(region: str, start: int, end: int) -> int:
    """How many ends of the window fall inside a run of one script (a window should be a whole word)."""
    cuts = 0
    if start > 0 and _script(region[start - 1]) == _script(region[start]) != "other":
        cuts += 1
    if end < len(region) and _script(region[end - 1]) == _script(region[end]) != "other":
        cuts += 1
    return cuts


def nearest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates closest to `word` (width-, kana- and sound-insensitive), best first."""
    scored = []
    for candidate in candidates:
        distance = Levenshtein.normalized_distance(fold(word), fold(candidate))
        scored.append((distance, candidate))
    scored.sort()
    return [candidate for distance, candidate in scored[:limit] if distance <= 0.6]
