"""`kplan --help` and `kplan COMMAND --help` kept between runs, so that asking for help does not import typer.

Help is plain text (no colours, kplan.cli) that depends only on kplan's code, the command line, the language in
use and the terminal's width. The first time a help command line runs, typer prints the help as always and the
text is also kept in $XDG_CACHE_HOME/kplan/help/, under a digest of all four; a later run with the same four prints
the kept text without importing typer (typer and click are two thirds of a help run). Another kplan, another
language or another width is another entry. Only command lines made of command names and `--lang ja|en` before
a final `--help` are kept: with anything else (`-C DIR`, an unknown option) the answer may depend on more, and
typer always runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Callable, Sequence

MAX_ENTRIES = 100  # kept help texts (commands × languages × terminal widths): the oldest go when there are more
_WORD = re.compile(r"[a-z][a-z-]*\Z")


def is_help(args: Sequence[str]) -> bool:
    """Whether `args` asks only for help: command names (and `--lang ja|en` first), then `--help`."""
    words = list(args)
    if words[:1] == ["--lang"] and len(words) > 2:
        words = words[2:]
    return bool(words) and words[-1] == "--help" and all(_WORD.match(word) for word in words[:-1])


def kept_help(args: Sequence[str]) -> str | None:
    """The help text kept for `args` in this terminal and language, or None."""
    try:
        with open(_entry(args), encoding="utf-8") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError):
        return None


def keeping_help(args: Sequence[str], run: Callable[[], int]) -> int:
    """Run the command line (`run`, typer's) with its standard output captured, print what it printed, and keep
    it when the run succeeded; the exit code."""
    captured = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    real = sys.stdout
    sys.stdout = captured
    try:
        code = run()
    finally:
        sys.stdout = real
        captured.flush()
        text = captured.buffer.getvalue().decode("utf-8")
        real.write(text)
    if code == 0 and text:
        with contextlib.suppress(OSError):
            _keep(_entry(args), text)
    return code


def _entry(args: Sequence[str]) -> str:
    """The file of the help text for `args`: a digest of kplan's code, the command line, language and width."""
    from hashlib import blake2b

    from kplan.build_cache import code_environment
    from kplan.cachedir import cache_dir
    from kplan.messages import detect

    key = "\0".join([code_environment(), detect(args, os.environ), _terminal(), *args])
    name = blake2b(key.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return os.path.join(cache_dir(), "help", f"{name}.txt")


def _terminal() -> str:
    """What click's formatter reads for the width: $COLUMNS, else the terminal's size (none when not a terminal)."""
    try:
        size = str(os.get_terminal_size(sys.__stdout__.fileno()).columns) if sys.__stdout__ else "-"
    except (OSError, ValueError):
        size = "-"
    return f"{os.environ.get('COLUMNS', '')}/{size}"


def _keep(path: str, text: str) -> None:
    """Write the entry atomically (a crash leaves the old one or none), then keep the newest MAX_ENTRIES."""
    from kplan.cachedir import keep_newest, write_entry

    write_entry(path, text.encode("utf-8"))
    keep_newest(os.path.dirname(path), MAX_ENTRIES, ".txt")
