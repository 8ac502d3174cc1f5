"""Text into the plan's Markdown so that it prints exactly as written: punctuation that Markdown would read as
syntax is escaped (no raw HTML, no link or list the input did not have), and only http, https and mailto links
are kept as links."""

from __future__ import annotations

import re
from urllib.parse import quote

from kplan.importer.document import Inline, Link
from kplan.importer.docx_reader import join_lines

SAFE_URL = re.compile(r"^(https?://[^\s<>]+|mailto:[^\s<>]+)$", re.IGNORECASE)
_PUNCTUATION = re.compile(r"([\\`<>\[\]&|~])")
_LINE_START = re.compile(r"^([#>+\-=*:]|\d+[.)]|Table:)")


def escape(text: str) -> str:
    """One line of plain text as Markdown that shows it as written."""
    escaped = _PUNCTUATION.sub(r"\\\1", join_lines(text))
    return _LINE_START.sub(lambda m: "\\" + m[1] if m[1] != "Table:" else "Table\\:", escaped)


def inline(text: Inline, dropped: list[str]) -> str:
    """A run of text with its links; a link whose address is not http, https or mailto keeps only its text
    (its address is added to `dropped`)."""
    out = []
    for segment in text.segments:
        if isinstance(segment, Link):
            shown = _PUNCTUATION.sub(r"\\\1", join_lines(segment.text))
            url = segment.url.strip()
            if SAFE_URL.match(url):
                out.append(f"[{shown}](<{quote(url, safe=_URL_SAFE)}>)")
            else:
                dropped.append(url)
                out.append(shown)
        else:
            out.append(_PUNCTUATION.sub(r"\\\1", join_lines(segment)))
    line = "".join(out).strip()
    return _LINE_START.sub(lambda m: "\\" + m[1] if m[1] != "Table:" else "Table\\:", line)


_URL_SAFE = "/:?#=&%@+,;~!$'*()"


def heading_title(text: str) -> str:
    """A heading's title: the loader takes it as written (no escapes), so only line breaks and a trailing
    {…} are guarded."""
    title = join_lines(text).strip()
    return re.sub(r"\{", "｛", title) if re.search(r"\{#[^}]*\}\s*$", title) else title


def cell(text: Inline, dropped: list[str]) -> str:
    """A table cell (| is escaped with the rest of the punctuation)."""
    return inline(text, dropped)
