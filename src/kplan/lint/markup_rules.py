"""What the output joins or shows differently from what the source seems to say: list items merged into one, and
raw HTML, which plan text does not interpret (it is printed as typed).

A line break inside a paragraph, a list item or a YAML string joins the lines into one text. When a joined line
starts like a list item of its own (`- `, `・`, `1.`, `①` …), the editor most likely meant separate items: a slip of
indentation in a YAML list (`actions:`), a bullet typed without a blank line before it, a list mark Markdown does
not know. Each such text is reported once, at its first joined line, with the lines that look like items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.ime_rules import LIST_MARKER, full_width_indent
from kplan.lint.lines import source_lines
from kplan.lint.registry import rule
from kplan.lint.sources import TERM
from kplan.messages import Msg, text
from kplan.model import BulletList, Paragraph, Table


@cache
def item_like() -> re.Pattern[str]:
    """The start of what looks like a list item (compiled when a text has a continuation line to look at)."""
    return re.compile(
        r"(?:[-*+](?=[ \t\u3000])"  # a Markdown or YAML list marker
        r"|[・･•●○◯■□◆◇▪◎]"  # a bullet of Japanese documents
        r"|[－ー＊＋−‐](?=[ \t\u3000])"  # a list marker typed with the IME on
        r"|\d{1,2}[.)](?=[ \t\u3000])|[０-９]{1,2}[．.）)]|[(（][0-9０-９]{1,2}[)）]|[①-⑳])"  # a number of an item
    )


HTML = re.compile(r"<!--.*?(?:-->|$)|</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>", re.DOTALL)
_ELEMENT_NAMES = (
    "a abbr address article aside audio b bdi bdo big blockquote body br button caption center cite code col "
    "colgroup data dd del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav noscript object ol "
    "optgroup option p picture pre q rp rt ruby s samp script section select small source span strike strong style "
    "sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video "
    "wbr"
)
HTML_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
TAG_HINTS = {
    "br": Msg("lint.raw-html/hint-br"),
    "a": Msg("lint.raw-html/hint-a"),
    "img": Msg("lint.raw-html/hint-img"),
    "table": Msg("lint.raw-html/hint-table"),
}
for _name in ("tr", "td", "th", "thead", "tbody"):
    TAG_HINTS[_name] = TAG_HINTS["table"]
for _name in ("ul", "ol", "li"):
    TAG_HINTS[_name] = Msg("lint.raw-html/hint-list")


def _markdown_texts(context: LintContext) -> set[int]:
    """The ids of the texts that are Markdown (paragraphs, list items, table cells), not YAML strings."""
    ids: set[int] = set()
    for component in context.components:
        if isinstance(component, Paragraph):
            ids.add(id(component.text))
        elif isinstance(component, BulletList):
            ids.update(id(text) for text in component.items)
        elif isinstance(component, Table):
            ids.update(id(text) for text in component.contents())
    return ids


@rule("merged-items", "content", "warning")
def merged_items(context: LintContext) -> Iterator[Hit]:
    """A paragraph, list item or YAML string whose text joins lines that look like items of their own."""
    markdown = _markdown_texts(context)
    for item in context.items:
        if item.kind == TERM:
            continue
        joined = [
            line
            for line in source_lines(context, item)
            if not line.first
            and line.indented_only
            and not line.after_newline
            and item_like().match(line.printed)
            and not (full_width_indent(line.before) and LIST_MARKER.match(line.printed))  # ime-indent says it
        ]
        if not joined:
            continue
        first = joined[0]
        mark = item_like().match(first.printed)
        assert mark is not None
        lines = text("word.comma").join(str(line.loc.line) for line in joined)
        markdown_text = id(item.rich) in markdown
        hint = Msg("lint.merged-items/hint-markdown") if markdown_text else Msg("lint.merged-items/hint-yaml")
        yield Hit(first.loc, Msg("lint.merged-items", mark=mark[0], lines=lines), hint)


@rule("raw-html", "content", "warning")
def raw_html(context: LintContext) -> Iterator[Hit]:
    """HTML tags or comments in plan text: they are not interpreted but printed as typed."""
    for item in context.items:
        if item.kind == TERM or "<" not in item.text:
            continue
        for match in HTML.finditer(item.text):
            name = (match[1] or "").lower()
            if match[1] and name not in HTML_ELEMENTS:
                continue
            loc = context.locate(item, match.start())
            source = context.files.text(loc.file)
            offset = context.files.offset(loc)
            head = match[0].split(None, 1)[0]
            if not source.startswith(head, offset) or source[offset - 1 : offset] == "\\":
                continue  # written as &lt; or \<: meant to be printed
            shown = match[0] if len(match[0]) <= 20 else match[0][:19] + "…"
            if not match[1]:
                yield Hit(loc, Msg("lint.raw-html/comment", shown=shown))
            else:
                hint = TAG_HINTS.get(name, Msg("lint.raw-html/hint-other"))
                yield Hit(loc, Msg("lint.raw-html/tag", shown=shown), hint)
