"""Chapters and appendices: a Markdown file with front matter, its headings nested into numbered sections."""

from __future__ import annotations

import re
from functools import cache

from kplan.diagnostics import Loc
from kplan.load import shapes
from kplan.load.context import LoadContext
from kplan.load.directives import directive_components
from kplan.load.markdown import Directive, Heading, Parsed, lf, parse
from kplan.load.spec import INVALID
from kplan.model.components import Component, Measure, Section
from kplan.model.parts import Chapter
from kplan.model.text import Str

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@cache
def typed_dashes() -> re.Pattern[str]:
    """ーーー or －－－ where a front matter's --- was meant (compiled when a chapter lacks its front matter)."""
    return re.compile(r"^[ \t]*((?=[-ー－―‐−]*[ー－―‐−])[-ー－―‐−]{3,})[ \t\u3000]*$", re.MULTILINE)


def load_chapter(ctx: LoadContext, rel: str, loc: Loc, number: int, appendix: bool) -> Chapter | None:
    """A chapter (or appendix) file; None when it cannot be read (problems recorded)."""
    key = "appendix" if appendix else "chapter"
    if ctx.path(rel, loc, key) is None:
        return None
    if not rel.endswith(".md"):
        ctx.problems.error(loc, "load.invalid-value/chapter-file", file=rel)
        return None
    text = ctx.read(rel, loc, key)
    if text is None:
        return None
    text = lf(text)  # a file saved with CRLF (Windows) or CR line ends reads the same, at the same positions
    match = FRONT_MATTER.match(text)
    if not match or not match[1]:
        typed = typed_dashes().search(text, 0, 400)
        if typed:  # ーーー or －－－: the delimiter typed with the IME on
            line = text.count("\n", 0, typed.start()) + 1
            char = next(c for c in typed[1] if c != "-")
            ctx.problems.error(
                Loc(rel, line, typed.start(1) - typed.start() + 1),
                "load.front-matter/typed",
                typed=typed[1],
                char=char,
                unicode=f"{ord(char):04X}",
            )
        else:
            ctx.problems.error(Loc(rel), "load.front-matter")
        ctx.partial = True
        return None
    front = ctx.yaml_text(match[1], rel, shapes.CHAPTER_FRONT_MATTER, line_offset=1)
    if front is INVALID:
        return None
    body_line = match[0].count("\n") + 1
    items = parse(text[match.end() :], Loc(rel, body_line), ctx.builder, ctx.problems)
    components = nest(ctx, items, depth=2, numbers=())
    return Chapter(str(front["id"]), number, front["title"], components, front.loc, appendix)


def nest(
    ctx: LoadContext, items: list[Parsed], depth: int, numbers: tuple[int, ...], in_card: bool = False
) -> tuple[Component, ...]:
    """Items at one level: what comes before the first heading of `depth` stays here, each such heading opens a
    section numbered by its place among its siblings (headings deeper than `depth` nest inside it)."""
    lead: list[Parsed] = []
    groups: list[tuple[Heading, list[Parsed]]] = []
    for item in items:
        if isinstance(item, Heading) and item.depth <= depth:
            if item.depth < depth:
                _skip(ctx, item, depth)
            groups.append((item, []))
        elif isinstance(item, Heading) and not groups:
            _skip(ctx, item, depth)
            groups.append((item, []))
        elif groups:
            groups[-1][1].append(item)
        else:
            lead.append(item)
    components = list(flow(ctx, lead, numbers, in_card))
    for index, (heading, inner) in enumerate(groups, start=1):
        components.append(section(ctx, heading, inner, depth, (*numbers, index), in_card))
    return tuple(components)


def section(
    ctx: LoadContext, heading: Heading, inner: list[Parsed], depth: int, numbers: tuple[int, ...], in_card: bool
) -> Section:
    ctx.unique([(heading.id, heading.loc)], "section id")
    return Section(
        id=heading.id,
        title=heading.title,
        numbers=numbers,
        label=ctx.conventions.section_label(numbers),
        components=nest(ctx, inner, depth + 1, numbers, in_card),
        loc=heading.loc,
    )


def flow(ctx: LoadContext, items: list[Parsed], numbers: tuple[int, ...], in_card: bool) -> list[Component]:
    """Blocks and directives under one parent, in order; measure cards numbered by their place among its cards."""
    out: list[Component] = []
    cards = 0
    for item in items:
        if isinstance(item, Directive):
            made = directive_components(ctx, item, (*numbers, cards + 1), in_card)
            cards += sum(isinstance(c, Measure) for c in made)
            out.extend(made)
        elif not isinstance(item, Heading):
            out.append(item)
    return out


def _skip(ctx: LoadContext, heading: Heading, depth: int) -> None:
    ctx.problems.error(heading.loc, "load.heading-skip", found="#" * heading.depth, expected="#" * depth)


def measure_body(ctx: LoadContext, text: Str, numbers: tuple[int, ...]) -> tuple[Component, ...]:
    """A card's Markdown body: its headings (any # level, the shallowest first) are sub-sections of the card."""
    items = parse(text, text.loc, ctx.builder, ctx.problems)
    depths = [item.depth for item in items if isinstance(item, Heading)]
    return nest(ctx, items, depth=min(depths, default=2), numbers=numbers, in_card=True)
