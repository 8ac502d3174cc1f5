"""The project's 表記ゆれ dictionary, plan/hyoki.yaml, in the style of prh: an expected spelling and the patterns
that should be written that way. A pattern between slashes is a regular expression; $1… in expected stand for
its groups. Literal patterns are matched all at once with Aho–Corasick.

The regular expressions are the editor's own, so they run under a guard: the `regex` package (re's syntax) with a
timeout on each search, so that a pattern with catastrophic backtracking stops the run with its place instead of
hanging it; a group reference with no group is refused when the dictionary is read. A pattern that cannot
backtrack (no quantifier, alternation or escape: each attempt tries it once, so a search is linear in the text)
runs with `re`, and lint does not import `regex` for it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from kplan.diagnostics import Collector, Diagnostic, DiagnosticError, Loc
from kplan.lint.matching import Automaton, longest_only

if TYPE_CHECKING:
    import regex  # imported when a dictionary has a regular expression: lint without one does not pay for it
from kplan.messages import Msg

DICTIONARY_FILE = "plan/hyoki.yaml"
GROUP_REFERENCE = re.compile(r"\$(\d+)")
GROUP_OPENER = re.compile(r"\(\?(?:<[=!]|[=!:])")  # (?<! (?<= (?= (?! (?:
REGEX_TIMEOUT_S = 0.5  # one pattern over one text


class Entry(Struct, frozen=True):
    expected: str
    note: str
    loc: Loc


class Replacement(Struct, frozen=True):
    start: int
    end: int
    new: str
    entry: Entry


class Pattern(Struct, frozen=True):
    """A regular expression of the dictionary, with where it is written."""

    compiled: regex.Pattern[str] | re.Pattern[str]
    loc: Loc

    def finditer(self, text: str) -> Iterator[regex.Match[str] | re.Match[str]]:
        """The matches in `text`; TimeoutError when a `regex` pattern runs longer than REGEX_TIMEOUT_S."""
        if isinstance(self.compiled, re.Pattern):
            return self.compiled.finditer(text)
        guarded: Iterator[regex.Match[str]] = self.compiled.finditer(text, timeout=REGEX_TIMEOUT_S)
        return guarded


class Dictionary:
    def __init__(self, literals: list[tuple[str, Entry]], regexes: list[tuple[Pattern, Entry]]) -> None:
        self._literals = Automaton(literals)
        self._regexes = regexes

    def replacements(self, text: str) -> Iterator[Replacement]:
        """Where the text differs from the dictionary, leftmost-longest, in order."""
        found: list[tuple[int, int, str, Entry]] = []
        for start, end, _word, entries in self._literals.find(text):
            entry = entries[0]
            if not _inside_expected(text, start, end, entry.expected):
                found.append((start, end, entry.expected, entry))
        for pattern, entry in self._regexes:
            try:
                matches = list(pattern.finditer(text))
            except TimeoutError:
                raise DiagnosticError([_too_slow(pattern)]) from None
            for match in matches:
                new = _expand(entry.expected, match)
                if match[0] and new != match[0]:
                    found.append((match.start(), match.end(), new, entry))
        for start, end, new, entry in longest_only(found):
            yield Replacement(start, end, new, entry)

    def apply(self, text: str) -> str:
        out, position = [], 0
        for replacement in self.replacements(text):
            if replacement.start >= position:
                out += [text[position : replacement.start], replacement.new]
                position = replacement.end
        return "".join(out) + text[position:]


def _expand(expected: str, match: regex.Match[str] | re.Match[str]) -> str:
    """`expected` with $1… replaced by the match's groups (nothing else in it is special)."""
    return GROUP_REFERENCE.sub(lambda ref: match.group(int(ref[1])) or "", expected)


def _too_slow(pattern: Pattern) -> Diagnostic:
    return Diagnostic(
        pattern.loc, Msg("load.regex-too-slow", pattern=pattern.compiled.pattern, seconds=REGEX_TIMEOUT_S)
    )


def _inside_expected(text: str, start: int, end: int, expected: str) -> bool:
    """Whether the match is part of the expected spelling itself (pattern ウエブ, expected ウェブサイト…)."""
    index = text.find(expected, max(0, end - len(expected)))
    while index != -1 and index <= start:
        if index + len(expected) >= end:
            return True
        index = text.find(expected, index + 1)
    return False


EMPTY = Dictionary([], [])


class Rule(Struct, frozen=True):
    """One rule of plan/hyoki.yaml as written: the expected spelling, prh's note, the patterns and the specs
    (from, to) that check it, each with its place."""

    expected: str
    note: str
    loc: Loc
    patterns: tuple[tuple[str, Loc], ...]
    specs: tuple[tuple[str, str, Loc], ...]


def read_rules(root: Path) -> tuple[Rule, ...]:
    """The rules of plan/hyoki.yaml, read through the loader's YAML reader and shapes (none when there is no
    file); DiagnosticError when it is malformed."""
    from kplan.load.shapes import SHAPES
    from kplan.load.spec import INVALID, Rec, validate
    from kplan.load.yamlsafe import compose, read_text

    path = root / DICTIONARY_FILE
    try:
        with open(path, "rb"):
            pass  # opened, not only looked for: a record of what a run read (kplan.build_cache) sees it is absent
    except FileNotFoundError:
        return ()
    except OSError:
        pass  # read_text says why it cannot be read
    problems = Collector()
    text = read_text(path, DICTIONARY_FILE, problems)
    node = None if text is None else compose(text, DICTIONARY_FILE, problems)
    data = INVALID if node is None else validate(node, SHAPES["hyoki"], DICTIONARY_FILE, problems, source=text or "")
    if data is INVALID:
        raise DiagnosticError(problems.problems)
    assert isinstance(data, Rec)  # the hyoki shape is a Record
    return tuple(
        Rule(
            str(rule["expected"]),
            str(rule.get("prh", "")),
            rule.loc,
            tuple((str(p), loc) for p, loc in zip(rule["patterns"], rule["patterns"].locs, strict=True)),
            tuple((str(spec["from"]), str(spec["to"]), spec.loc) for spec in rule.get("specs", ())),
        )
        for rule in data["rules"]
    )


def load_dictionary(root: Path, rules: tuple[Rule, ...] | None = None) -> Dictionary:
    """The dictionary of plan/hyoki.yaml (of `rules` when given, as read_rules read them before): its patterns
    compiled and its specs checked; DiagnosticError when one is wrong."""
    if rules is None:
        rules = read_rules(root)
    if not rules:
        return EMPTY
    problems = Collector()
    literals: list[tuple[str, Entry]] = []
    regexes: list[tuple[Pattern, Entry]] = []
    for rule in rules:
        entry = Entry(rule.expected, rule.note, rule.loc)
        for pattern, loc in rule.patterns:
            if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
                compiled = _compile(pattern[1:-1], entry.expected, loc, problems)
                if compiled is not None:
                    regexes.append((Pattern(compiled, loc), entry))
            elif pattern == entry.expected:
                problems.error(loc, "load.invalid-value/pattern-is-expected")
            else:
                literals.append((pattern, entry))
    problems.raise_if_any()
    dictionary = Dictionary(literals, regexes)
    for rule in rules:
        for source, expected, loc in rule.specs:
            result = dictionary.apply(source)
            if result != expected:
                problems.error(loc, "load.invalid-value/spec-fails", source=source, result=result, expected=expected)
    problems.raise_if_any()
    return dictionary


def cannot_backtrack(source: str) -> bool:
    """Whether a pattern has no quantifier, alternation or escape (lookarounds allowed): a match attempt tries it
    once, so no text can make it slow. Conservative: `?` or `*` inside a character class also say no."""
    return not any(character in GROUP_OPENER.sub("(", source) for character in "*+?{|\\")


def _compile(source: str, expected: str, loc: Loc, problems: Collector) -> regex.Pattern[str] | re.Pattern[str] | None:
    """The pattern compiled, or None with the problem recorded (bad syntax, a $n with no group n)."""
    compiled: regex.Pattern[str] | re.Pattern[str]
    if cannot_backtrack(source):
        try:
            compiled = re.compile(source)
        except (re.error, OverflowError, RecursionError, ValueError):
            pass  # regex's own message below
        else:
            return _with_groups(compiled, source, expected, loc, problems)
    import regex

    try:
        compiled = regex.compile(source)
    except (regex.error, OverflowError, RecursionError, ValueError) as error:
        problems.error(loc, "load.invalid-value/regex", pattern=source, error=error)
        return None
    return _with_groups(compiled, source, expected, loc, problems)


def _with_groups(
    compiled: regex.Pattern[str] | re.Pattern[str], source: str, expected: str, loc: Loc, problems: Collector
) -> regex.Pattern[str] | re.Pattern[str] | None:
    """The pattern, or None with load.invalid-value/regex-group when `expected` names a group it does not have."""
    for reference in GROUP_REFERENCE.finditer(expected):
        if int(reference[1]) > compiled.groups:
            problems.error(
                loc, "load.invalid-value/regex-group", reference=reference[0], pattern=source, groups=compiled.groups
            )
            return None
    return compiled
