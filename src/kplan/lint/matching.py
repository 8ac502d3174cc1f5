"""Multi-pattern search in one pass (Aho–Corasick, through pyahocorasick) and the folds that make it insensitive.

pyahocorasick (a C extension, BSD licence) was chosen over ahocorasick-rs and pure-Python ports: it is well kept,
ships wheels, imports in about a millisecond, and takes arbitrary payloads per word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

import ahocorasick

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII → ASCII
_WIDTH[0x3000] = 0x20
_HALF_KANA = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"
_FULL_KANA = (
    "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテト"
    "ナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"
)
_WIDTH.update({ord(h): ord(f) for h, f in zip(_HALF_KANA, _FULL_KANA, strict=True)})
_KATAKANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
_VOICED = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔぁぃぅぇぉっゃゅょゎ"
_PLAIN = "かきくけこさしすせそたちつてとはひふへほはひふへほうあいうえおつやゆよわ"
_SOUND = {ord(v): ord(p) for v, p in zip(_VOICED, _PLAIN, strict=True)}


@lru_cache(maxsize=4096)  # every rule folds the same texts: str.translate with a table is slow on Japanese
def fold_width(text: str) -> str:
    """Full-width Latin and digits, the ideographic space and half-width katakana as their usual forms; one
    character for one, so offsets stay valid."""
    return text.translate(_WIDTH)


def _compose(*tables: dict[int, int]) -> dict[int, int]:
    composed: dict[int, int] = {}
    for code in {code for table in tables for code in table}:
        result = code
        for table in tables:
            result = table.get(result, result)
        composed[code] = result
    return composed


_FOLD = _compose(_WIDTH, _KATAKANA, _SOUND)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Width-, kana- and sound-insensitive form (ガ = が = か, ッ = つ), one character for one."""
    return text.translate(_FOLD)


class Automaton:
    """Every occurrence of many words in a text, overlapping ones included, in one pass."""

    def __init__(self, words: Iterable[tuple[str, Any]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word, payload in words:
            if not word:
                continue
            if word in self._automaton:
                self._automaton.get(word)[1].append(payload)
            else:
                self._automaton.add_word(word, (word, [payload]))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[int, int, str, list[Any]]]:
        """(start, end, word, payloads) for every occurrence of a word."""
        if self._empty:
            return
        for last, (word, payloads) in self._automaton.iter(text):
            yield last + 1 - len(word), last + 1, word, payloads


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def whole_word(text: str, start: int, end: int) -> bool:
    """A Latin spelling must not be part of a longer Latin word (AI in RAIL); Japanese has no such boundary."""
    if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]))


_Occurrence = TypeVar("_Occurrence", bound=tuple[int, int, *tuple[Any, ...]])


def longest_only(hits: list[_Occurrence]) -> list[_Occurrence]:
    """Drop occurrences that lie inside a longer one (ICT inside ICT-BCP, AI inside 生成系AI)."""
    hits = sorted(hits, key=lambda hit: (hit[0], -hit[1]))
    kept = []
    reach = -1
    for hit in hits:
        if hit[1] <= reach:
            continue
        kept.append(hit)
        reach = hit[1]
    return kept
