"""Numbers typed into headings (第1章, 1., 1-1, (1), （1）, ①, ア, 〇, ◇ …): recognised, removed from the text and
turned into the plan's numbering pattern for that level, so kplan prints them again.

A level keeps its typed numbers in the text (and kplan prints none there) when they cannot be reproduced exactly:
numbers that skip or repeat, a level where some headings have numbers and others none, styles mixed within one
level, or a style the plan's patterns cannot express. Nothing is renumbered silently; each case is reported.
"""

from __future__ import annotations

import re

from msgspec import Struct

from kplan import messages
from kplan.messages import Msg
from kplan.model.conventions import styled_number

# A pattern and a chapter label that print nothing (the format has no empty pattern yet: a field naming a level
# deeper than any heading prints as "", and `!s:.0` formats any number as "").
NO_NUMBER_PATTERN = "{99}"
NO_NUMBER_LABEL = "{n!s:.0}"

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANA = [styled_number(i, "kana") for i in range(1, 60) if styled_number(i, "kana") != str(i)]
_IROHA = [styled_number(i, "iroha") for i in range(1, 60) if styled_number(i, "iroha") != str(i)]
_CIRCLED = [styled_number(i, "circled") for i in range(1, 21)]
MARKS = "〇○◯◇◆□■●◎☆★▼▽▶▷"
SPACE = r"[ \t\u3000]"

DIGITS = r"[0-9]+|[０-９]+"
_DAI = re.compile(rf"第{SPACE}*({DIGITS}|[一二三四五六七八九十〇]+){SPACE}*(章|編|部|節|款|項)")
_APPENDIX = re.compile(rf"(資料|付録|参考資料|別表|別紙){SPACE}*({DIGITS})(?![0-9０-９])")
_HIER = re.compile(r"([0-9]+|[０-９]+)((?:[-－‐―.．][0-9０-９]+)+)(?![0-9０-９.．])")
_DOT = re.compile(rf"({DIGITS}){SPACE}*([.．])(?![0-9０-９])")
_PAREN = re.compile(rf"([(（]){SPACE}*({DIGITS}){SPACE}*([)）])")
_CIRCLED_RE = re.compile(f"([{''.join(_CIRCLED)}])")
_KANA_CHARS = "".join(dict.fromkeys(_KANA + _IROHA))
_KANA_PAREN = re.compile(f"([(（])([{_KANA_CHARS}])([)）])")
_KANA_RE = re.compile(f"([{_KANA_CHARS}])(?:([.．、)）])|(?={SPACE}))")
_KANJI_RE = re.compile(rf"([一二三四五六七八九十]+){SPACE}*([、．.])")
_PLAIN = re.compile(rf"({DIGITS})(?={SPACE})")
_MARK = re.compile(f"([{MARKS}])(?={SPACE}*[^{MARKS}\\s])")
_ROMAN = re.compile(rf"([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+)(?:{SPACE}*[.．])?(?={SPACE})")
_LETTER = re.compile(rf"([A-Za-zＡ-Ｚａ-ｚ])(?:[.．)）]|{SPACE}*[.．])(?={SPACE})")
_REST = re.compile(rf"{SPACE}*[:：]?{SPACE}*")
_ROMAN_VALUES = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}


class Typed(Struct, frozen=True):
    """A number typed before a heading's title.

    `family` names the printed form (two headings of one family differ only in their numbers); `pattern` is the
    plan's pattern for it (hierarchical numbers are completed by `hierarchical_pattern`); `values` the numbers
    as written (all parts of 1-2-3; none for a mark such as 〇); `iroha` the value if a kana is read in イロハ order.
    `kind` is "chapter" (第N章 …), "appendix" (資料N …) or "" (any level).
    """

    text: str
    family: str
    pattern: str
    values: tuple[int, ...]
    iroha: int | None = None
    kind: str = ""
    expressible: bool = True
    separator: str = ""
    style: str = "arabic"


def _number(digits: str) -> tuple[int, str]:
    """A run of digits (ASCII, full-width or kanji) as (value, style)."""
    if digits and digits[0] in "０１２３４５６７８９":
        return int(digits.translate(_FULLWIDTH)), "fullwidth"
    if digits and digits[0] in "〇一二三四五六七八九十":
        return _kanji_value(digits), "kanji"
    return int(digits), "arabic"


def _kanji_value(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_KANJI.get(tens, 1) if tens else 1) * 10 + (_KANJI.get(ones, 0) if ones else 0)
    value = 0
    for char in text:
        value = value * 10 + _KANJI.get(char, 0)
    return value


def _field(style: str) -> str:
    return "{n}" if style == "arabic" else f"{{n:{style}}}"


def split_number(text: str) -> tuple[Typed | None, str]:
    """The number typed at the start of `text` (if any) and the title after it. A heading that is only a number
    keeps its text."""
    typed = _match(text)
    if typed is None:
        return None, text
    rest = text[len(typed.text) :]
    rest = rest[_REST.match(rest).end() :]  # type: ignore[union-attr]
    if not rest.strip():
        return None, text
    return typed, rest.strip()


def _match(text: str) -> Typed | None:  # noqa: C901 - one case a style
    if m := _DAI.match(text):
        value, style = _number(m[1])
        return Typed(m[0], f"dai-{style}-{m[2]}", f"第{_field(style)}{m[2]}", (value,), kind="chapter")
    if m := _APPENDIX.match(text):
        value, style = _number(m[2])
        return Typed(m[0], f"appendix-{m[1]}-{style}", f"{m[1]}{_field(style)}", (value,), kind="appendix")
    if m := _HIER.match(text):
        parts = re.split(r"[-－‐―.．]", m[0])
        separators = re.findall(r"[-－‐―.．]", m[0])
        if len(set(separators)) == 1 and _separated(text, m.end()):
            style = _number(parts[0])[1]
            values = tuple(_number(p)[0] for p in parts)
            family = f"hier {separators[0]} {style} {len(parts)}"
            return Typed(m[0], family, "", values, separator=separators[0], style=style)
    if m := _DOT.match(text):
        value, style = _number(m[1])
        if style != "kanji" and _separated(text, m.end(), allow_none=True):
            return Typed(m[0], f"dot-{m[2]}-{style}", f"{_field(style)}{m[2]}", (value,))
    if m := _PAREN.match(text):
        value, style = _number(m[2])
        return Typed(m[0], f"paren-{m[1]}{m[3]}-{style}", f"{m[1]}{_field(style)}{m[3]}", (value,))
    if m := _CIRCLED_RE.match(text):
        return Typed(m[0], "circled", "{n:circled}", (_CIRCLED.index(m[1]) + 1,))
    if m := _KANA_PAREN.match(text):
        return _kana(m[0], m[2], f"kana-paren-{m[1]}{m[3]}", m[1], m[3])
    if m := _KANA_RE.match(text):
        return _kana(m[0], m[1], f"kana-{m[2] or ''}", "", m[2] or "")
    if m := _KANJI_RE.match(text):
        return Typed(m[0], f"kanji-{m[2]}", "{n:kanji}" + m[2], (_kanji_value(m[1]),))
    if m := _PLAIN.match(text):
        value, style = _number(m[1])
        return Typed(m[0], f"plain-{style}", _field(style), (value,))
    if m := _MARK.match(text):
        return Typed(m[0], f"mark-{m[1]}", m[1], ())
    if m := _ROMAN.match(text):
        roman = m[1]
        value = sum(_ROMAN_VALUES.get(c, 0) for c in roman) if roman[0] in _ROMAN_VALUES else _roman(roman)
        return Typed(m[0], "roman", "", (value,), expressible=False)
    if m := _LETTER.match(text):
        letter = m[1].translate(
            str.maketrans("ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        )
        return Typed(m[0], "letter", "", (ord(letter.upper()) - ord("A") + 1,), expressible=False)
    return None


def _separated(text: str, end: int, allow_none: bool = False) -> bool:
    """Whether the number ending at `end` is followed by a space (or, where allowed, directly by the title)."""
    after = text[end : end + 1]
    return after in ("", " ", "\t", "\u3000") or (allow_none and not after.isdigit())


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total


def _kana(text: str, char: str, family: str, opening: str, closing: str) -> Typed:
    kana = _KANA.index(char) + 1 if char in _KANA else None
    iroha = _IROHA.index(char) + 1 if char in _IROHA else None
    pattern = f"{opening}{{n:kana}}{closing}"
    return Typed(text, family, pattern, (kana or 0,), iroha=iroha)


def hierarchical_pattern(typed: Typed) -> str:
    """1-2-3 as the pattern {1}-{2}-{n}."""
    count = len(typed.values)
    fields = [f"{{{i}}}" for i in range(1, count)] + ["{n}"]
    if typed.style != "arabic":
        fields = [f[:-1] + f":{typed.style}}}" for f in fields]
    return typed.separator.join(fields)


# ---- one level's decision -------------------------------------------------------------------------------------


class Numbered(Struct, frozen=True):
    """A heading at one level: its typed number, the numbers kplan will give it (its place among its siblings,
    outermost first), the chapter's number, and where it stands (for the report)."""

    typed: Typed | None
    numbers: tuple[int, ...]
    chapter: int
    where: str
    title: str


class Decision(Struct, frozen=True):
    """What a level prints: `pattern` (or chapter label), and whether the typed numbers leave the titles."""

    pattern: str
    strip: bool
    problems: tuple[tuple[str, Msg], ...] = ()  # (where, message)


def shown(typed: Typed | None) -> str:
    return (
        messages.text("word.typed-number", number=typed.text.strip())
        if typed
        else messages.text("word.typed-number/none")
    )


def decide(items: list[Numbered], what: Msg, chapter_level: bool = False) -> Decision:
    """The pattern for one level (for chapters: the label), given every heading of that level in order.

    `what` names the level in messages (章, 節 …). The typed numbers leave the titles only when the pattern
    prints each of them exactly as typed.
    """
    keep = NO_NUMBER_LABEL if chapter_level else NO_NUMBER_PATTERN
    if not items or all(item.typed is None for item in items):
        return Decision(keep, False)
    missing = [item for item in items if item.typed is None]
    if missing:
        first = missing[0]
        message = Msg("import.numbering-mixed/some-unnumbered", what=what, title=first.title)
        return Decision(keep, False, ((first.where, message),))
    typed = [item.typed for item in items if item.typed]
    families = {t.family for t in typed}
    if len(families) > 1:
        kinds = messages.text("import.numbering-mixed/separator").join(dict.fromkeys(shown(t) for t in typed))
        message = Msg("import.numbering-mixed/styles", what=what, kinds=kinds)
        return Decision(keep, False, ((items[0].where, message),))
    sample = typed[0]
    if not sample.expressible or (chapter_level and ":" in sample.pattern):
        message = Msg("import.numbering-kept/pattern", what=what, number=shown(sample))
        return Decision(keep, False, ((items[0].where, message),))
    problems = _sequence_problems(items, what)
    if problems is None:
        message = Msg("import.numbering-kept/chapter-prefix", what=what, number=shown(sample))
        return Decision(keep, False, ((items[0].where, message),))
    if problems:
        return Decision(keep, False, tuple(problems))
    pattern = sample.pattern
    if sample.family.startswith("hier "):
        pattern = hierarchical_pattern(sample)
    if sample.family.startswith("kana") and not _fits(items, kana=True):
        pattern = pattern.replace(":kana}", ":iroha}")
    return Decision(pattern, True)


def _value(item: Numbered, kana: bool) -> tuple[int, ...]:
    typed = item.typed
    assert typed is not None
    if typed.family.startswith("kana") and not kana:
        return (typed.iroha or 0,)
    return typed.values


def _fits(items: list[Numbered], kana: bool) -> bool:
    return all(_value(item, kana)[-1:] == item.numbers[-1:] for item in items)


def _sequence_problems(items: list[Numbered], what: Msg) -> list[tuple[str, Msg]] | None:
    """Each place where a typed number is not the one its position gives; None when the numbers carry the
    chapter's number in front (1-1 in chapter 1), which no pattern can print."""
    sample = items[0].typed
    assert sample is not None
    if not sample.values:  # marks: nothing to count
        return []
    hierarchical = sample.family.startswith("hier ")
    if hierarchical and all(
        item.typed and len(item.typed.values) == len(item.numbers) + 1 and item.typed.values[0] == item.chapter
        for item in items
    ):
        return None
    kana = sample.family.startswith("kana")
    use_kana = not kana or _fits(items, kana=True) or not _fits(items, kana=False)
    problems = []
    previous: dict[tuple[int, ...], tuple[int, ...]] = {}
    for item in items:
        assert item.typed is not None
        value = _value(item, use_kana)
        expected = item.numbers if hierarchical else item.numbers[-1:]
        parent = item.numbers[:-1]
        before = previous.get(parent)
        previous[parent] = value
        if value == expected:
            continue
        typed = shown(item.typed)
        if before is not None and value == before:
            message = Msg("import.numbering-repeat", what=what, number=typed)
        elif before is not None and value[-1:] > tuple(v + 1 for v in before[-1:]):
            message = Msg("import.numbering-skip", what=what, number=typed)
        else:
            message = Msg("import.numbering-order", what=what, number=typed)
        problems.append((item.where, message))
    return problems
