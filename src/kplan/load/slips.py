"""IME slips in YAML: the full-width characters a Japanese input method types where YAML wants ASCII.

A full-width space (U+3000) in the indentation, a full-width colon after a key (`title：…`), a full-width hyphen
or long-vowel mark where a list's `- ` belongs, a tab in the indentation. YAML reports them as some other error,
often on another line ("could not find expected ':'"); kplan names the character and its place instead. Only
lines that are structure are looked at (the indentation, a key at the start of a line, the start of a list item),
never the text of a value, so a `：` inside a sentence is never a slip. Each slip but the tab has a safe fix,
which `kplan lint --fix` applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from msgspec import Struct

IDEOGRAPHIC_SPACE = "\u3000"
_INDENT = re.compile(r"[ \t\u3000]*")
_KEY_WITH_WIDE_COLON = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*：")
_WIDE_DASH = re.compile(r"[－ー‐−―](?=[ \u3000]*\S)")
_DASH_WIDE_SPACE = re.compile(r"-\u3000")
_STRUCTURE = re.compile(r"[ \u3000]*(?:- |[A-Za-z_][A-Za-z0-9_-]*[ \u3000]*[:：])")  # what indentation precedes
_BLOCK_SCALAR = re.compile(r"(?:- )*(?:[A-Za-z_][A-Za-z0-9_-]*[ ]*:[ ]*)?[|>][-+0-9]*[ ]*(?:#.*)?$")


class Slip(Struct, frozen=True):
    """One slip: 0-based line and column in the text, its kind (the catalog's `load.ime-slip/KIND`), the
    character, the text to replace and its fix (None: no safe fix), and the key it follows (for a colon)."""

    line: int
    column: int
    kind: str
    character: str
    old: str
    new: str | None
    key: str = ""

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.character[0]):04X}"


def yaml_slips(text: str) -> list[Slip]:
    """Every slip in the structure of a YAML text, in order."""
    return list(_scan(text.splitlines()))


def fixed(text: str) -> str:
    """`text` with every slip that has a safe fix corrected (the rest of the text unchanged)."""
    lines = text.splitlines(keepends=True)
    for slip in reversed(yaml_slips(text)):
        if slip.new is None:
            continue
        line = lines[slip.line]
        if line[slip.column : slip.column + len(slip.old)] == slip.old:
            lines[slip.line] = line[: slip.column] + slip.new + line[slip.column + len(slip.old) :]
    return "".join(lines)


def _scan(lines: list[str]) -> Iterator[Slip]:
    previous = ""  # the last line that held something
    block: int | None = None  # the indentation of the key whose block scalar (| or >) is being skipped
    for number, line in enumerate(lines):
        indent = _INDENT.match(line)
        assert indent is not None
        body = line[indent.end() :]
        if block is not None:
            if not body or _width(indent[0]) > block:
                continue  # the text of a block scalar: a 　 starting a paragraph there is the writer's
            block = None
        if not body or body.startswith("#"):
            continue
        before, previous = previous, line
        if _BLOCK_SCALAR.match(body):
            block = _width(indent[0])
        if not _STRUCTURE.match(body) and not _WIDE_DASH.match(body):
            indent_slips: tuple[tuple[int, str], ...] = ()  # indentation before text is the text's own
        else:
            indent_slips = tuple(enumerate(indent[0]))
        for column, character in indent_slips:
            if character == IDEOGRAPHIC_SPACE:
                yield Slip(number, column, "wide-space-indent", character, character, "  ")
            elif character == "\t":
                yield Slip(number, column, "tab-indent", character, character, None)
        start = indent.end()
        if body.startswith("- "):
            start += 2
            body = body[2:]
        elif dash := _DASH_WIDE_SPACE.match(body):
            yield Slip(number, start, "wide-space-after-dash", IDEOGRAPHIC_SPACE, dash[0], "- ")
            continue
        elif (dash := _WIDE_DASH.match(body)) and _list_context(before):
            yield Slip(number, start, "wide-dash", dash[0], dash[0], "-")
            continue
        key = _KEY_WITH_WIDE_COLON.match(body)
        if key and ":" not in body[: key.end()]:
            column = start + key.end() - 1
            after = line[column + 1 : column + 2]
            yield Slip(number, column, "wide-colon", "：", "：", ":" if after in (" ", "") else ": ", key[1])


def _width(indent: str) -> int:
    """The indentation's width in columns (a full-width space counts two)."""
    return sum(2 if character == IDEOGRAPHIC_SPACE else 1 for character in indent)


def _list_context(previous: str) -> bool:
    """Whether the line before is a key that opens a list, or an item of one."""
    stripped = previous.strip()
    return stripped.endswith(":") or stripped.startswith("- ") or stripped == "-"
