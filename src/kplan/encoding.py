"""`kplan fmt --encoding`: source files saved in Shift_JIS (CP932) or EUC-JP, converted to UTF-8.

Windows editors and Excel still save Japanese text as Shift_JIS. The loader refuses such a file with its place
and the fix; this converts every source file that is not UTF-8, after showing what it found and how its first
lines read when decoded, so the editor can see that the text is right before anything is written. A file that is
none of these encodings is left alone and reported. Line endings are kept; the result has no byte-order mark.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from msgspec import Struct

from kplan.diagnostics import Exit, printable
from kplan.diagnostics import line as diagnostic_line
from kplan.messages import Msg
from kplan.messages import text as say

SOURCE_DIRECTORIES = ("plan", "glossary")
SOURCE_SUFFIXES = (".yaml", ".yml", ".md")
ENCODINGS = (("cp932", "Shift_JIS（CP932）"), ("euc_jp", "EUC-JP"))
PREVIEW_LINES = 3


class Legacy(Struct, frozen=True):
    """A source file that is not UTF-8: where, in what it was saved (None: unknown), and its text."""

    rel: str
    encoding: str | None
    text: str


def legacy_files(root: Path) -> list[Legacy]:
    """Every source file under plan/ and glossary/ that is not valid UTF-8."""
    found = []
    for directory in SOURCE_DIRECTORIES:
        for path in sorted((root / directory).rglob("*")):
            if path.suffix not in SOURCE_SUFFIXES or not path.is_file() or path.is_symlink():
                continue
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                found.append(_decoded(path.relative_to(root).as_posix(), data))
    return found


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _decoded(rel: str, data: bytes) -> Legacy:
    """The file in the first encoding that reads it as text (control characters mean it is not that encoding)."""
    for codec, name in ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return Legacy(rel, name, text)
    return Legacy(rel, None, "")


def encoding_command(root: Path, check: bool) -> int:
    """Show the files that are not UTF-8 and (unless `check`) convert them; the exit code."""
    from kplan.yamlrt import write_source

    files = legacy_files(root)
    if not files:
        print(say("cli.encoding-all-utf8"), file=sys.stderr)
        return int(Exit.OK)
    unknown = [f for f in files if f.encoding is None]
    for legacy in files:
        if legacy.encoding is None:
            unknown_encoding = Msg("cli.encoding-unknown")
            print(
                diagnostic_line(
                    legacy.rel, "error", "cli.encoding-unknown", str(unknown_encoding), unknown_encoding.hint
                ),
                file=sys.stderr,
            )
            continue
        action = Msg("cli.encoding-found/can-convert" if check else "cli.encoding-found/converts")
        print(say("cli.encoding-found", file=legacy.rel, encoding=legacy.encoding, action=action))
        shown = [line for line in legacy.text.splitlines() if line.strip()][:PREVIEW_LINES]
        for line in shown:
            print(f"    {printable(line)[:100]}")
    convertible = [f for f in files if f.encoding is not None]
    if check:
        print(say("cli.encoding-check", count=len(files)), file=sys.stderr)
        return int(Exit.UNREADABLE if unknown else Exit.FINDINGS)
    for legacy in convertible:
        try:
            write_source(root / legacy.rel, legacy.text, bom=False)  # atomic, keeping the file's permissions
        except OSError as error:
            unwritable = Msg("cli.unwritable", path=legacy.rel, reason=error.strerror or error)
            print(
                diagnostic_line("kplan", "error", "cli.unwritable", str(unwritable), unwritable.hint), file=sys.stderr
            )
            return int(Exit.UNREADABLE)
    print(say("cli.encoding-converted", count=len(convertible)), file=sys.stderr)
    return int(Exit.UNREADABLE if unknown else Exit.OK)
