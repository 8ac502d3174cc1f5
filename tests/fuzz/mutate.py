"""A small, seeded mutator of plan sources: the slips, attacks and accidents real files meet.

Each mutation picks one source file of the plan and changes it: a hostile or mistyped token inserted or put in
place of a character, a span deleted, a line doubled or moved, the file cut short, its line endings or byte-order
mark changed, a token repeated many times. The same seed gives the same mutations.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

TOKENS = (
    # YAML syntax, tags and scalars the loader must check itself
    ": ",
    "- ",
    "  - ",
    "'",
    '"',
    "|",
    ">",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: *a",
    "? ",
    "!!int ",
    "!!bool ",
    "!!float ",
    "!!str ",
    "!!binary ",
    "!!timestamp ",
    "!!python/object:os.system ",
    "!foo ",
    "0b_",
    "0x",
    "9" * 40,
    "null",
    "~",
    "yes",
    "2.0",
    "-1",
    "1e999",
    ".nan",
    "1868-01-01",
    "0999-01-01",
    "10000-01-01",
    "2025-13-40",
    # IME slips and how files are saved
    "\t",
    "\u3000",
    "：",
    "－",
    "ー",
    "・",
    "＃",
    "｛#x｝",
    "\r",
    "\r\n",
    "\r\r\n",
    "\ufeff",
    "\u2028",
    "\u0085",
    # control and odd characters
    "\x00",
    "\x1b[2J",
    "\x07",
    "\u202e",
    "\ufffd",
    "\U0001f600",
    "é",
    "\udcff"[:0] + "\U00020bb7",
    # plan text: markers, headings, ids, directives, links, raw HTML
    "※",
    "[※]",
    "*",
    "**",
    "# ",
    "## 見出し {#x}",
    "{#",
    "{#chapter-1}",
    "```",
    "```{measure} example-measure\n```\n",
    "```{figure} ../../etc/passwd\n```\n",
    "```{records} ../outside.yaml\n```\n",
    "```{indicators}\n```\n",
    "```{note}\n",
    "```{drafted}\n",
    ":::",
    "../",
    "/etc/passwd",
    "[a](javascript:alert(1))",
    "[a](#nowhere)",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\n\n",
    "1. ",
    "(1) ",
)


def mutate(root: Path, rng: random.Random, count: int = 1) -> list[str]:
    """Apply `count` mutations to the sources under `root`; return what was done (to reproduce a defect)."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml", ".md"))
    done = []
    for _ in range(count):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        name, operation = rng.choice(OPERATIONS)
        new = operation(text, rng)
        path.write_text(new, encoding="utf-8", errors="surrogateescape", newline="")
        done.append(f"{path.relative_to(root)}: {name}")
    return done


def _position(text: str, rng: random.Random) -> int:
    return rng.randrange(len(text) + 1)


def _insert(text: str, rng: random.Random) -> str:
    at = _position(text, rng)
    return text[:at] + rng.choice(TOKENS) + text[at:]


def _replace_char(text: str, rng: random.Random) -> str:
    at = _position(text, rng)
    return text[:at] + rng.choice(TOKENS) + text[at + 1 :]


def _delete(text: str, rng: random.Random) -> str:
    at = _position(text, rng)
    return text[:at] + text[at + rng.randint(1, 20) :]


def _line_start(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    lines[at] = rng.choice(TOKENS) + lines[at]
    return "\n".join(lines)


def _double_line(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    return "\n".join(lines[: at + 1] + lines[at:])


def _move_line(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    line = lines.pop(rng.randrange(len(lines)))
    lines.insert(rng.randrange(len(lines) + 1), line)
    return "\n".join(lines)


def _truncate(text: str, rng: random.Random) -> str:
    return text[: _position(text, rng)]


def _line_endings(text: str, rng: random.Random) -> str:
    return text.replace("\n", rng.choice(("\r\n", "\r", "\r\r\n", "\u2028")))


def _bom(text: str, rng: random.Random) -> str:
    return "\ufeff" + text


def _repeat(text: str, rng: random.Random) -> str:
    at = _position(text, rng)
    return text[:at] + rng.choice(("※", "*", "[", "- ", "| a ", "&a [*a, *a] ", "{#x}", "ア")) * 3000 + text[at:]


OPERATIONS: tuple[tuple[str, Callable[[str, random.Random], str]], ...] = (
    ("insert", _insert),
    ("insert", _insert),
    ("insert", _insert),
    ("replace", _replace_char),
    ("replace", _replace_char),
    ("line-start", _line_start),
    ("line-start", _line_start),
    ("delete", _delete),
    ("double-line", _double_line),
    ("move-line", _move_line),
    ("truncate", _truncate),
    ("line-endings", _line_endings),
    ("bom", _bom),
    ("repeat", _repeat),
)
