"""IME slips in Markdown syntax: characters typed with the Japanese input on where Markdown expects ASCII.

The loader reads the slips whose meaning is certain as what was meant (load/markdown.py: a heading typed ＃＃ that
ends with its {#id}, ｛#id｝, ｀｀｀, ```｛measure｝), so the document keeps its structure; these rules name each
slip, its character and its place, and `--fix` types it in ASCII. A full-width space before a list marker and a
full-width list mark are reported without a fix: what the line should become is the editor's choice.

`・` at the start of a line is not reported here: a paragraph that begins with ・ is ordinary Japanese prose. Only
when the line is joined to the line before it (merged-items, markup_rules.py) is it a problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kplan.diagnostics import Loc
from kplan.lint.context import LintContext
from kplan.lint.findings import Edit, Hit
from kplan.lint.lines import source_lines
from kplan.lint.registry import rule
from kplan.load.markdown import DIRECTIVE_NAME, ID
from kplan.messages import Msg, text
from kplan.model import Chapter
from kplan.model.components import Section

HEADING_MARKS = re.compile(r"[ \t]*([#＃]{1,6})([ \t\u3000]+)(?=\S)")
HEADING_ID = re.compile(r"[{｛][#＃]([^{}｛｝\s]+)[}｝](?=\s*$)")
FENCE_LINE = re.compile(r"[ \t]*([`｀]{3,})([ \t\u3000]*)([{｛][^{}｛｝]*[}｝])?")
LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t\u3000]|$)")
FULLWIDTH_LIST_MARK = re.compile(r"[－ー＊＋−‐](?=[ \u3000]+\S)")
LINE_END = re.compile(r"\r\n|\r|\n")
SPACE = "\u3000"


def named(chars: str) -> str:
    """The full-width characters of `chars`, each named with its code point: 「＃」(U+FF03)、全角スペース(U+3000)
    (in the language in use)."""
    seen = dict.fromkeys(char for char in chars if not char.isascii())
    return text("word.comma").join(
        text("word.full-width-space") if c == SPACE else text("word.full-width-char", char=c, point=f"U+{ord(c):04X}")
        for c in seen
    )


def _line_at(context: LintContext, loc: Loc) -> tuple[int, str]:
    """The file offset of a location and the rest of its line from there."""
    text = context.files.text(loc.file)
    start = context.files.offset(loc)
    end = LINE_END.search(text, start)
    return start, text[start : end.start() if end else len(text)]


def _sections(context: LintContext) -> Iterator[Section]:
    for component in context.components:
        if isinstance(component, Section):
            yield component


def _source_files(context: LintContext) -> list[str]:
    files = {item.loc.file for item in context.items}
    files.update(part.loc.file for part in context.plan.parts if isinstance(part, Chapter))
    return sorted(files)


@rule("ime-heading", "text", "warning")
def ime_heading(context: LintContext) -> Iterator[Hit]:
    """A heading typed with full-width ＃, or with a full-width space after its #."""
    for section in _sections(context):
        start, line = _line_at(context, section.loc)
        match = HEADING_MARKS.match(line)
        if not match or (match[1].isascii() and SPACE not in match[2]):
            continue
        typed = match[1] + match[2]
        fixed = "#" * len(match[1]) + match[2].replace(SPACE, " ")
        offset = start + match.start(1)
        yield Hit(
            context.files.loc(section.loc.file, offset),
            Msg("lint.ime-heading/marks", typed=typed.strip(), chars=named(typed), fixed=fixed),
            fix=Edit(section.loc.file, offset, typed, fixed),
        )
    for item in context.prose:
        if id(item.rich) not in context.paragraphs:
            continue
        for source in source_lines(context, item):
            match = HEADING_MARKS.match(source.printed)
            if not source.indented_only or not match or (match[1].isascii() and SPACE not in match[2]):
                continue
            typed = match[1] + match[2]
            yield Hit(source.loc, Msg("lint.ime-heading/paragraph", typed=typed.strip(), chars=named(typed)))


@rule("ime-heading-id", "text", "warning")
def ime_heading_id(context: LintContext) -> Iterator[Hit]:
    """A heading id typed with full-width characters: ｛#id｝, {＃id}, {#ｉｄ}."""
    for section in _sections(context):
        start, line = _line_at(context, section.loc)
        match = HEADING_ID.search(line)
        if not match or match[0].isascii():
            continue
        heading_id = unicodedata.normalize("NFKC", match[1])
        if not ID.fullmatch(heading_id):
            continue
        fixed = "{#" + heading_id + "}"
        offset = start + match.start()
        yield Hit(
            context.files.loc(section.loc.file, offset),
            Msg("lint.ime-heading-id", typed=match[0], chars=named(match[0]), fixed=fixed),
            fix=Edit(section.loc.file, offset, match[0], fixed),
        )


@rule("ime-directive", "text", "warning")
def ime_directive(context: LintContext) -> Iterator[Hit]:
    """A fence typed with full-width ｀｀｀, or a directive name typed ｛measure｝."""
    for rel in _source_files(context):
        text = context.files.text(rel)
        starts = context.files.line_starts(rel)
        for start in starts:
            end = LINE_END.search(text, start)
            line = text[start : end.start() if end else len(text)]
            match = FENCE_LINE.match(line)
            if not match or (match[1].isascii() and (not match[3] or match[3].isascii())):
                continue
            typed = line[match.start(1) : match.end()]
            fixed = "`" * len(match[1]) + match[2]
            if match[3]:
                name = unicodedata.normalize("NFKC", match[3])
                fixed += name
                if not DIRECTIVE_NAME.fullmatch(name[1:-1]):
                    fixed = ""
            offset = start + (match.start(1) if not match[1].isascii() else match.start(3))
            chars = named(typed)
            if not match[1].isascii():
                message = Msg("lint.ime-directive/fence", chars=chars)
            else:
                message = Msg("lint.ime-directive/name", chars=chars)
            if fixed:
                hint = Msg("lint.ime-directive/hint-fixed", fixed=fixed.strip())
            else:
                hint = Msg("lint.ime-directive/hint-ascii")
            yield Hit(
                context.files.loc(rel, offset),
                message,
                hint,
                Edit(rel, start + match.start(1), typed, fixed) if fixed else None,
            )


@rule("ime-indent", "text", "warning")
def ime_indent(context: LintContext) -> Iterator[Hit]:
    """A full-width space (U+3000) before a list marker: the line is not a list item."""
    for item in context.items:
        if item.rich is None:
            continue
        for line in source_lines(context, item):
            if full_width_indent(line.before) and line.indented_only and LIST_MARKER.match(line.printed):
                column = line.loc.column - len(line.before) + line.before.index(SPACE)
                marker = LIST_MARKER.match(line.printed)
                assert marker is not None
                joined = Msg("lint.ime-indent/joined") if not line.first else Msg("lint.ime-indent/as-text")
                yield Hit(
                    Loc(line.loc.file, line.loc.line, column), Msg("lint.ime-indent", marker=marker[0], joined=joined)
                )


def full_width_indent(before: str) -> bool:
    """Whether the indentation before a line's first character holds a full-width space."""
    return SPACE in before and not before.strip(" \t" + SPACE)


@rule("ime-list-marker", "text", "warning")
def ime_list_marker(context: LintContext) -> Iterator[Hit]:
    """A paragraph that starts with a full-width －, ー, ＊ or ＋ and a space, where a list item `- ` is meant."""
    for item in context.prose:
        if id(item.rich) not in context.paragraphs:
            continue
        for line in source_lines(context, item):
            match = FULLWIDTH_LIST_MARK.match(line.printed)
            if line.first and line.indented_only and not full_width_indent(line.before) and match:
                yield Hit(line.loc, Msg("lint.ime-list-marker", chars=named(match[0])))
