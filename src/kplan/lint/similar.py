"""How far apart two spellings are, and where a text holds a spelling with one or two slips.

The distance counts an inserted or dropped character as 1 and a voicing, size, kana-script or width slip
(ブ/プ, ツ/ッ, カ/か, Ａ/A) as 1; replacing one character by an unrelated one counts 2, because a different
character usually makes a different word (デバイス is not a slip of デバイド). Search uses the pigeonhole principle:
a spelling within k slips contains one of k + 1 disjoint pieces exactly, so one Aho–Corasick pass over the text
finds the few places worth comparing; rapidfuzz does the comparing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from msgspec import Struct
from rapidfuzz.distance import Levenshtein

from kplan.lint.matching import Automaton, fold, fold_width
from kplan.lint.piece_groups import SUBSTITUTION, PieceGroup

WEIGHTS = (1, 1, SUBSTITUTION)  # insertion, deletion, substitution
# what an automaton entry stands for: a whole spelling, or a piece of spellings that may carry so many slips
EXACT, PIECE = "exact", "piece"


def max_slips(length: int) -> int:
    """How many slips a spelling of this length may carry and still be recognised: none under 5 characters."""
    if length < 5:
        return 0
    return 1 if length < 10 else 2


def slips(a: str, b: str, cutoff: int | None = None) -> int:
    """The distance between two spellings: 0 only when they are identical. Each slip counts: シュタノ and ジタの
    are three apart (voicing, a dropped ュ, katakana for hiragana), though they fold to one deletion."""
    if a == b:
        return 0
    folded = Levenshtein.distance(fold(a), fold(b), weights=WEIGHTS, score_cutoff=cutoff)
    raw = Levenshtein.distance(a, b, score_cutoff=cutoff)
    return max(folded, raw, 1)


class NearMatch(Struct, frozen=True):
    spelling: str
    start: int
    end: int
    distance: int


class NearMatcher:
    """Where a text holds one of many spellings with 1–2 slips (exact occurrences are not reported).

    Spellings written only in katakana, Latin letters, digits and ・ - . (most terms) are compared with the whole
    words of the text through an index of their one- and two-deletion neighbours (as SymSpell does), so the cost
    does not grow with the number of terms. Other spellings (with kanji or hiragana) are found through k + 1
    disjoint exact pieces each (pigeonhole: k slips leave one piece whole), chosen among the spelling's
    substrings as the ones fewest other spellings contain (the 内シ of 庁内システム, not the ステム that every
    システム term shares), so that a common word of the text does not make every term that holds it a candidate.

    `scan` reads a text once: one Aho–Corasick pass over its folded form finds the pieces and, with `exact=True`,
    every exact occurrence of the spellings too.
    """

    def __init__(self, spellings: Iterable[str]) -> None:
        self.spellings = sorted(set(spellings))
        self._neighbours: dict[str, set[str]] = {}
        pieced: list[tuple[str, str, int]] = []
        for spelling in self.spellings:
            k = max_slips(len(spelling))
            if not k:
                continue
            folded = fold(spelling)
            if WORD.fullmatch(fold_width(spelling)):
                for key in _deletions(folded, k):
                    self._neighbours.setdefault(key, set()).add(spelling)
            else:
                pieced.append((spelling, folded, k))
        costs = _PieceCosts(folded for _, folded, _ in pieced)
        entries: list[tuple[str, tuple[str, str, int]]] = [(fold(s), (EXACT, s, 0)) for s in self.spellings]
        # one group per piece and number of slips, so that the one-slip spellings (most) are walked with one
        self._groups: dict[tuple[str, int], PieceGroup] = {}
        for spelling, folded, k in pieced:
            for start, end in _rare_pieces(spelling, folded, k + 1, costs):
                piece = folded[start:end]
                if (piece, k) not in self._groups:
                    self._groups[piece, k] = PieceGroup(piece)
                    entries.append((piece, (PIECE, piece, k)))
                self._groups[piece, k].add(spelling, folded, start, k)
        self._automaton = Automaton(entries)
        self._cache: dict[tuple[str, str, int, int], tuple[int, int, int] | None] = {}
        self._word_cache: dict[str, list[tuple[str, int]]] = {}

    def search(self, text: str) -> Iterator[NearMatch]:
        """The near occurrences of the spellings in `text` (one pass; exact occurrences are not reported)."""
        yield from self.scan(text)[1]

    def scan(self, text: str, exact: bool = False) -> tuple[list[tuple[int, int, str]], list[NearMatch]]:
        """One pass over `text`: the exact occurrences (start, end, spelling) when `exact`, and the near ones."""
        found: list[tuple[int, int, str]] = []
        candidates: set[tuple[str, int]] = set()
        edges = _WordEdges(text)
        folded = fold(text)
        for start, end, _word, payloads in self._automaton.find(folded):
            for kind, spelling, slips_allowed in payloads:
                if kind == EXACT:
                    if exact and text[start:end] == spelling:
                        found.append((start, end, spelling))
                    continue
                for (member, offset), edits in self._groups[spelling, slips_allowed].members_near(folded, start):
                    k = max_slips(len(member))
                    anchor = start - offset
                    if edits > k or (member, anchor) in candidates:
                        continue
                    # a katakana or Latin word is matched whole: the window must start and end at a word's edge
                    if _in_word(member[0]) and not any(edges.starts(anchor + d) for d in range(-k, k + 1)):
                        continue
                    if _in_word(member[-1]) and not any(edges.ends(anchor + len(member) + d) for d in range(-k, k + 2)):
                        continue
                    candidates.add((member, anchor))
        near = list(self._search_words(text))
        seen = set()
        for spelling, anchor in sorted(candidates):
            best = self._best(text, spelling, anchor)
            if best and (spelling, best) not in seen:
                seen.add((spelling, best))
                near.append(NearMatch(spelling, best[1], best[2], best[0]))
        return found, near

    def _search_words(self, text: str) -> Iterator[NearMatch]:
        if not self._neighbours:
            return
        for match in WORD.finditer(fold_width(text)):
            word = text[match.start() : match.end()]
            for spelling, distance in self._near_words(word):
                yield NearMatch(spelling, match.start(), match.end(), distance)

    def _near_words(self, word: str) -> list[tuple[str, int]]:
        if word not in self._word_cache:
            found: dict[str, int] = {}
            if len(word) >= 4:
                folded = fold(word)
                for key in _deletions(folded, 1 if len(word) < 9 else 2):
                    for spelling in self._neighbours.get(key, ()):
                        if spelling not in found and spelling != word:
                            distance = slips(word, spelling, cutoff=max_slips(len(spelling)))
                            if distance <= max_slips(len(spelling)):
                                found[spelling] = distance
            self._word_cache[word] = sorted(found.items(), key=lambda item: (item[1], item[0]))[:1]
        return self._word_cache[word]

    def _best(self, text: str, spelling: str, anchor: int) -> tuple[int, int, int] | None:
        """(distance, start, end) of the closest window around `anchor`, or None (too far, or exact)."""
        k = max_slips(len(spelling))
        low, high = max(anchor - k, 0), min(anchor + len(spelling) + k, len(text))
        # one character of context on each side, to see whether a window cuts a word
        context_low, context_high = max(low - 1, 0), min(high + 1, len(text))
        region = text[context_low:context_high]
        key = (spelling, region, low - context_low, high - context_low)
        if key not in self._cache:
            self._cache[key] = _closest_window(region, spelling, k, low - context_low, high - context_low)
        best = self._cache[key]
        if best is None:
            return None
        distance, start, end = best
        return distance, context_low + start, context_low + end


def _closest_window(region: str, spelling: str, k: int, first: int, last: int) -> tuple[int, int, int] | None:
    """The best window region[start:end] with first ≤ start ≤ first + 2k and end ≤ last."""
    folded_spelling = fold(spelling)
    # a cheap bound first: no window within k slips when the whole region is far off
    if Levenshtein.distance(folded_spelling, fold(region[first:last]), weights=WEIGHTS) > 3 * k + 2:
        return None
    best: tuple[int, int, int, int, int] | None = None
    for start in range(first, first + 2 * k + 1):
        for length in range(len(spelling) - k, len(spelling) + k + 1):
            end = start + length
            if end > last or length <= 0:
                continue
            window = region[start:end]
            if window == spelling:
                if _long_vowel_added(region, end, spelling):
                    return (1, start, end + 1)  # オープンデーター for オープンデータ
                return None  # the spelling itself stands here
            if _continues_word(region, end) or _continues_word(region, start):
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


WORD_RUN = re.compile(r"[ァ-ヺー]+|[A-Za-z0-9]+")
# a word of katakana, Latin letters and digits, joined by ・ - . or single spaces between Latin (Society 5.0)
WORD = re.compile(
    r"[A-Za-z0-9ァ-ヺー](?:[A-Za-z0-9ァ-ヺー]|[・\-.](?=[A-Za-z0-9ァ-ヺー])|"
    r" (?=[A-Za-z0-9])(?<=[A-Za-z0-9.] ))*"
)


def _deletions(word: str, depth: int) -> set[str]:
    """The word and every form with up to `depth` characters deleted."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        found |= frontier
    return found


def _in_word(char: str) -> bool:
    return _script(char) in ("katakana", "latin")


class _WordEdges:
    """Where katakana and Latin words start and end: every position but those inside one run of either script."""

    def __init__(self, text: str) -> None:
        self.text = fold_width(text)

    def _inside(self, position: int) -> bool:
        if position <= 0 or position >= len(self.text):
            return False
        kind = _run_kind(self.text[position - 1])
        return kind is not None and kind == _run_kind(self.text[position])

    def starts(self, position: int) -> bool:
        return 0 <= position <= len(self.text) and not self._inside(position)

    def ends(self, position: int) -> bool:
        return self.starts(position)


def _run_kind(char: str) -> str | None:
    """The kind of WORD_RUN a character belongs to (katakana with ー, or ASCII letters and digits), or None."""
    if "ァ" <= char <= "ヺ" or char == "ー":
        return "katakana"
    if char.isascii() and char.isalnum():
        return "latin"
    return None


class _PieceCosts:
    """How many hits a piece of a spelling is likely to bring when the text is scanned for it: the spellings that
    share it, times how common a piece of its length and script is in running text (one character, or a bit of
    hiragana, stands almost everywhere)."""

    def __init__(self, folded_spellings: Iterable[str], longest: int = 4) -> None:
        self.spread: Counter[str] = Counter()
        for spelling in folded_spellings:
            self.spread.update(
                {spelling[i : i + n] for n in range(1, longest + 1) for i in range(len(spelling) - n + 1)}
            )

    def __call__(self, piece: str, folded: str) -> int:
        """The cost of `piece` (as written) whose folded form is `folded`."""
        common = 8 if len(piece) == 1 else 2 if len(piece) == 2 else 1
        if all("ぁ" <= char <= "ゖ" for char in piece):
            common *= 4
        return self.spread[folded] * common


def _rare_pieces(spelling: str, folded: str, count: int, costs: _PieceCosts, longest: int = 4) -> list[tuple[int, int]]:
    """`count` disjoint pieces (start, end) of a spelling whose costliest piece costs least; found by a binary
    search over that cost, each step keeping the most disjoint pieces (earliest end first)."""

    def cost(start: int, end: int) -> int:
        return costs(spelling[start:end], folded[start:end])

    options = [(cost(i, i + n), i, i + n) for n in range(1, longest + 1) for i in range(len(folded) - n + 1)]
    by_end = sorted(options, key=lambda option: (option[2], option[2] - option[1]))
    levels = sorted({option[0] for option in options})

    def disjoint(limit: int) -> list[tuple[int, int]]:
        chosen: list[tuple[int, int]] = []
        reach = 0
        for price, start, end in by_end:
            if price <= limit and start >= reach:
                chosen.append((start, end))
                reach = end
        return chosen

    low, high = 0, len(levels) - 1
    while low < high:
        middle = (low + high) // 2
        if len(disjoint(levels[middle])) >= count:
            high = middle
        else:
            low = middle + 1
    chosen = disjoint(levels[low])
    if len(chosen) < count:  # too short for that many pieces: the characters one by one
        return [(i, i + 1) for i in range(len(folded))]
    return sorted(sorted(chosen, key=lambda piece: cost(*piece))[:count])


def _long_vowel_added(region: str, end: int, spelling: str) -> bool:
    """The spelling, then ー that ends the word: the classic 長音 variant (サーバ / サーバー)."""
    return (
        region[end : end + 1] == "ー" and _script(spelling[-1]) == "katakana" and not _continues_word(region, end + 1)
    )


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
