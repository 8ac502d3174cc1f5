"""Where kplan keeps what it makes between runs: $XDG_CACHE_HOME/kplan (else ~/.cache/kplan).

The build record (builds/), Jinja's compiled templates (jinja-VERSION/) and markdown-it's tokens (markdown/) live
under it; nothing there is an input, and deleting it only makes the next run slower. An entry is written
atomically (`write_entry`) and each kind keeps its newest entries (`keep_newest`). A module of its own (os
only) so that the loader and the no-op build's fast path can name it without importing anything else.
"""

from __future__ import annotations

import contextlib
import os


def cache_dir() -> str:
    """kplan's directory in the user's cache ($XDG_CACHE_HOME/kplan, else ~/.cache/kplan)."""
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kplan")


def write_entry(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically (a temporary file renamed into place: a crash leaves the old file or
    none), making its directory, readable by the user only, when there is none. Raises OSError; the temporary
    file never stays."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(temporary)


def keep_newest(directory: str, count: int, suffix: str) -> None:
    """Remove the oldest files of `directory` ending in `suffix` (by modification time) until `count` are left;
    files that vanish meanwhile (another process pruning too) are no error."""
    with contextlib.suppress(OSError):
        entries = [entry for entry in os.scandir(directory) if entry.name.endswith(suffix)]
        if len(entries) > count:
            entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
            for entry in entries[: len(entries) - count]:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(entry.path)
