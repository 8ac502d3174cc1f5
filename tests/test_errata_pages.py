"""The 正誤表's `page:` values agree with the published document (pure text: the seed and plan/errata.yaml).

The seed has no form feeds, but its 目次 gives the page each chapter and section starts on. An erratum's text is
found in the seed; the section holding it spans [its start page, the next section's start page], or up to the page
before when the next one is a chapter or an appendix (these start on a new page: the one-page 第5章 is p. 15 and
第6章 p. 16). Where the seed shows a page break inside a section, the range narrows: the extraction writes a table's
rows one per line with no blank line between them, so a blank line between two table rows is a page break (a row
split across pages, the table header repeated on the next page, the next table on a new page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from fidelity import SEED, normalise

ERRATA = Path(__file__).resolve().parents[1] / "plan" / "errata.yaml"
ENTRIES = yaml.safe_load(ERRATA.read_text(encoding="utf-8"))["entries"]
# Kinds whose `wrong` text is, by nature, not in the published document: checked against the `where` only.
UNLOCATABLE = {"missing-term"}

_TOC_LINE = re.compile(r"^(?P<title>\S.*?)(?:\t+| {2,})(?P<page>\d+)\s*$")
_TAG = re.compile(r"<[^>]+>")


def clean(line: str) -> str:
    """One seed line as the fidelity test compares it: no HTML fragments of table cells, [※] as ※, normalised."""
    return normalise(_TAG.sub("", line.replace("[※]", "※")))


@dataclass(frozen=True)
class Section:
    title: str
    level: int  # 0: 第N章 or an appendix, 1: "N.", 2: "(N)"
    page: int
    line: int  # index of its heading in the seed's body


def level_of(title: str) -> int:
    if re.match(r"\d+\.", title):
        return 1
    if re.match(r"\(\d+\)", title):
        return 2
    return 0


def parse_toc(lines: list[str]) -> tuple[list[tuple[str, int]], int]:
    """The 目次's (title, page) entries in order, and the index of the first line after it."""
    start = next(i for i, line in enumerate(lines) if _TOC_LINE.match(line))
    toc, end = [], start
    for i in range(start, len(lines)):
        m = _TOC_LINE.match(lines[i])
        if m:
            toc.append((m["title"].strip(), int(m["page"])))
            end = i + 1
        elif lines[i].strip():
            break
    return toc, end


def find_sections(lines: list[str], toc: list[tuple[str, int]], body: int) -> list[Section]:
    """Each 目次 entry's heading in the body, searched in order (a body heading may add 【重点】 or (策定時))."""
    sections, at = [], body
    for title, page in toc:
        want = clean(title)
        found = next((i for i in range(at, len(lines)) if clean(lines[i]).startswith(want)), None)
        assert found is not None, f"目次 entry {title!r} (p. {page}) has no heading in the seed after line {at + 1}"
        sections.append(Section(title, level_of(clean(title)), page, found))
        at = found + 1
    return sections


def page_breaks(lines: list[str], body: int) -> list[int]:
    """Lines the seed shows to start a new page: a table row after blank lines that follow another table row."""
    breaks = []
    for i in range(body + 1, len(lines)):
        if not lines[i].strip() or "\t" not in lines[i]:
            continue
        j = i - 1
        while j > body and not lines[j].strip():
            j -= 1
        if j < i - 1 and "\t" in lines[j]:
            breaks.append(i)
    return breaks


LINES = SEED.read_text(encoding="utf-8").split("\n")
TOC, BODY = parse_toc(LINES)
SECTIONS = find_sections(LINES, TOC, BODY)
BREAKS = page_breaks(LINES, BODY)
CLEAN = [clean(line) for line in LINES]


def span_end(index: int) -> int:
    """Index in SECTIONS of the next section not inside SECTIONS[index] (len(SECTIONS) if none)."""
    level = SECTIONS[index].level
    return next((k for k in range(index + 1, len(SECTIONS)) if SECTIONS[k].level <= level), len(SECTIONS))


def scope_of(where: str) -> int | None:
    """Index in SECTIONS of the deepest section `where` names (第N章, an appendix, then "N." and "(N)")."""
    w = normalise(where)
    tops = [k for k, s in enumerate(SECTIONS) if s.level == 0]
    m = re.match(r"第\d+章", w)
    if m:
        node = next((k for k in tops if clean(SECTIONS[k].title).startswith(m[0])), None)
        rest = w[m.end() :]
    else:
        node = next((k for k in tops if w.startswith(clean(SECTIONS[k].title))), None)
        rest = w[len(clean(SECTIONS[node].title)) :] if node is not None else ""
    if node is None:
        return None
    for pattern in (r"\d+\.", r"\(\d+\)"):
        m = re.match(pattern, rest)
        if not m:
            break
        child = next(
            (
                k
                for k in range(node + 1, span_end(node))
                if SECTIONS[k].level == SECTIONS[node].level + 1 and clean(SECTIONS[k].title).startswith(m[0])
            ),
            None,
        )
        if child is None:
            break
        node, rest = child, rest[m.end() :]
    return node


def line_range(scope: int | None) -> tuple[int, int]:
    if scope is None:
        return SECTIONS[0].line, len(LINES)
    end = span_end(scope)
    return SECTIONS[scope].line, SECTIONS[end].line if end < len(SECTIONS) else len(LINES)


def locate(text: str, first: int, last: int) -> list[int]:
    """The lines (indices) in [first, last) where the normalised text starts; it may run on over line ends."""
    needle = normalise(text)
    joined, owner = "", []
    for i in range(first, last):
        joined += CLEAN[i]
        owner += [i] * len(CLEAN[i])
    return sorted({owner[m.start()] for m in re.finditer(re.escape(needle), joined)}) if needle else []


def bounds(line: int) -> tuple[Section, int, int | None]:
    """The section holding the line, and the first and last page the line can be on (None: no later section)."""
    k = max(k for k, s in enumerate(SECTIONS) if s.line <= line)
    section = SECTIONS[k]
    lo = section.page + sum(section.line < b <= line for b in BREAKS)
    if k + 1 == len(SECTIONS):
        return section, lo, None
    following = SECTIONS[k + 1]
    return section, lo, last_page(k) - sum(line < b < following.line for b in BREAKS)


def last_page(k: int) -> int:
    """The last page SECTIONS[k]'s own text (up to the next heading) can be on; SECTIONS[k] is not the last."""
    following = SECTIONS[k + 1]
    return following.page - 1 if following.level == 0 else following.page


def check(entry: dict) -> list[str]:
    """What is wrong with the entry's page (empty: nothing)."""
    page, where = entry["page"], entry["where"]
    scope = scope_of(where)
    first, last = line_range(scope)
    if entry["kind"] in UNLOCATABLE:
        if scope is None:
            return [f"`where` {where!r} names no section of the 目次"]
        end = span_end(scope)
        hi = last_page(end - 1) if end < len(SECTIONS) else None
        problems = []
        if page < SECTIONS[scope].page or (hi is not None and page > hi):
            problems.append(f"page {page} is outside {SECTIONS[scope].title} (pp. {SECTIONS[scope].page}-{hi})")
        body = "".join(CLEAN[SECTIONS[0].line :])
        inside = "".join(CLEAN[first:last])
        for quoted in re.findall(r"「(.+?)」", where):
            if normalise(quoted) not in body:
                problems.append(f"{quoted!r} from `where` is not in the seed")
            if normalise(quoted).replace("※", "") in inside:
                problems.append(f"{quoted!r} is in {SECTIONS[scope].title}: it is not missing")
        return problems
    found = locate(entry["wrong"], first, last)
    if not found:
        elsewhere = locate(entry["wrong"], SECTIONS[0].line, len(LINES))
        if elsewhere:
            return [f"{entry['wrong']!r} is not under {where!r} but at seed line(s) {[i + 1 for i in elsewhere]}"]
        return [f"cannot locate {entry['wrong']!r} in the seed"]
    ranges = {(s.title, lo, hi) for s, lo, hi in map(bounds, found)}
    if len(ranges) > 1:
        return [f"{entry['wrong']!r} is ambiguous under {where!r}: seed lines {[i + 1 for i in found]}"]
    ((title, lo, hi),) = ranges
    if page < lo or (hi is not None and page > hi):
        return [f"page {page}, but seed line {found[0] + 1} ({title}) is on pp. {lo}-{hi if hi else '?'}"]
    return []


def test_the_toc_is_read_whole_and_in_order():
    assert len(TOC) >= 40
    assert TOC[0] == ("第1章 ICT基本計画(後期計画)について", 1)
    assert [t for t, _ in TOC if level_of(clean(t)) == 0][-3:] == [
        "用語解説",
        "各務原情報化市民調査の結果について",
        "パブリックコメントの結果について",
    ]
    pages = [p for _, p in TOC]
    assert pages == sorted(pages)
    assert [s.line for s in SECTIONS] == sorted({s.line for s in SECTIONS})


def test_the_page_breaks_fit_the_toc():
    """No section shows more page breaks than the 目次 gives it pages; chapter 4 and the glossary show theirs."""
    for k, section in enumerate(SECTIONS[:-1]):
        inside = sum(section.line < b < SECTIONS[k + 1].line for b in BREAKS)
        assert inside <= last_page(k) - section.page, (section.title, inside)
    titles = [bounds(b)[0].title for b in BREAKS]
    assert titles.count("第4章 本市の情報化に関する動向") == 4  # one a page: pp. 10-14, 第5章 on p. 15
    assert titles.count("用語解説") == 3  # the 用語/説明 header repeated on each page


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_erratum_page_lies_in_the_section_holding_its_text(entry):
    problems = check(entry)
    assert not problems, f"{entry['id']}: " + "; ".join(problems)


def test_the_check_notices_wrong_pages_and_lost_text():
    entry = next(e for e in ENTRIES if e["id"] == "old-kanji-kento-progress")
    assert check({**entry, "page": 10})  # the start of chapter 4: the row is after two page breaks
    assert check({**entry, "page": 9})
    assert check({**entry, "page": 13})  # the row after the third break is p. 13: the next one is p. 12's
    lost = check({**entry, "wrong": "効果的な情報発信の充実を撿討"})
    assert lost and "cannot locate" in lost[0]
    moved = check({**entry, "where": "第6章 1.(3) 本文"})
    assert moved and "not under" in moved[0]
    missing = next(e for e in ENTRIES if e["kind"] in UNLOCATABLE)
    assert check({**missing, "page": 40})
