"""Limits on what one source file may hold, checked before the file is parsed.

A plan's sources are small (the largest file of a real plan is about 15 KB); these limits are far above any real
plan, and keep a hostile or broken file from costing minutes or gigabytes: a file is refused with one diagnostic
before it is parsed, not after.
"""

from __future__ import annotations

from kplan.messages import Msg

MAX_FILE_BYTES = 2_000_000  # any source file
MAX_YAML_EVENTS = 100_000  # scalars, collections and aliases of one YAML text (a real glossary: about 500)
MAX_MARKERS = 20_000  # ※ in one file (a real chapter: at most a few dozen)
MAX_TABLE_PIPES = 20_000  # | in one Markdown file: bounds its table cells (a real chapter: under 100)
MAX_PATH_CHARS = 400  # a path named in a source (file names are at most 255 bytes on common file systems)


def over_limit(text: str, markdown: bool) -> Msg | None:
    """What is over which limit when `text` holds more than a source may; None when it is within the limits."""
    markers = text.count("※")
    if markers > MAX_MARKERS:
        return Msg("load.too-large/markers", count=f"{markers:,}", limit=f"{MAX_MARKERS:,}")
    if markdown:
        pipes = text.count("|")
        if pipes > MAX_TABLE_PIPES:
            return Msg("load.too-large/pipes", count=f"{pipes:,}", limit=f"{MAX_TABLE_PIPES:,}")
    return None
