"""The pages of the plan (one per part, in the order of plan.parts) and the table of contents, shared by the site
and the print document (whose bookmarks follow the same entries)."""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct

from kplan.model import Chapter, Measure, Plan, RecordTable, Section
from kplan.model.parts import Part
from kplan.model.visit import part_components

# how deep the contents go below a part: level-1 sections, then their sections and cards
CONTENTS_DEPTH = 2


class Page(Struct, frozen=True):
    """A part as a page of the site (`name`) and a section of the print document (`anchor`)."""

    name: str
    anchor: str
    title: str
    part: Part


class Entry(Struct, frozen=True):
    title: str
    href: str
    children: tuple[Entry, ...] = ()
    anchor: str = ""


def part_title(plan: Plan, part: Part) -> str:
    """第1章 計画の概要, 資料1 データ, or a special part's own title."""
    if isinstance(part, Chapter):
        number = plan.conventions.label("appendix" if part.appendix else "chapter", n=part.number)
        return f"{number} {part.title}"
    return str(part.title)


def pages(plan: Plan) -> list[Page]:
    """One page per part: chapter-N.html, appendix-N.html, glossary.html, survey.html, public-comment.html;
    a second part of the same name gets -2, a third -3 …"""
    found: list[Page] = []
    seen: dict[str, int] = {}
    for part in plan.parts:
        stem = _stem(part)
        seen[stem] = seen.get(stem, 0) + 1
        if seen[stem] > 1:
            stem = f"{stem}-{seen[stem]}"
        found.append(Page(f"{stem}.html", stem, part_title(plan, part), part))
    return found


def _stem(part: Part) -> str:
    if isinstance(part, Chapter):
        return f"{'appendix' if part.appendix else 'chapter'}-{part.number}"
    return part.kind


def heading_id(item: Section | Measure) -> str:
    return f"measure-{item.id}" if isinstance(item, Measure) else item.id


def records_group_id(table: RecordTable, group_id: str) -> str:
    return f"{table.id}-{group_id}"


def contents(plan: Plan, href: Callable[[Page, str], str]) -> tuple[Entry, ...]:
    """An entry per part, with its sections, measure cards and titled record groups down to CONTENTS_DEPTH, in
    reading order; href(page, anchor) makes a link (anchor "" for the part itself)."""
    entries = []
    for page in pages(plan):
        # (id of the enclosing section or card, 0 for the part; the section, card or a record group's entry)
        items: list[tuple[int, Section | Measure | Entry]] = []
        if isinstance(page.part, Chapter):
            for trail, component in part_components(page.part):
                if len(trail) >= CONTENTS_DEPTH or any(isinstance(t, Measure) for t in trail):
                    continue
                parent = id(trail[-1]) if trail else 0
                if isinstance(component, Section | Measure):
                    items.append((parent, component))
                elif isinstance(component, RecordTable):
                    for group in component.groups:
                        if group.title:
                            title = f"[{group.label}] {group.title}" if group.label else str(group.title)
                            anchor = records_group_id(component, group.id)
                            items.append((parent, Entry(title, href(page, anchor), (), anchor)))
        entries.append(Entry(page.title, href(page, ""), _entries(items, page, href, 0), page.anchor))
    return tuple(entries)


def _entries(
    items: list[tuple[int, Section | Measure | Entry]], page: Page, href: Callable[[Page, str], str], parent: int
) -> tuple[Entry, ...]:
    """The entries directly under `parent`, each with its own."""
    found = []
    for owner, item in items:
        if owner != parent:
            continue
        if isinstance(item, Entry):
            found.append(item)
        else:
            anchor = heading_id(item)
            found.append(
                Entry(f"{item.label} {item.title}", href(page, anchor), _entries(items, page, href, id(item)), anchor)
            )
    return tuple(found)


def flatten(entries: tuple[Entry, ...], depth: int = 1) -> dict[str, int]:
    """Every entry's anchor and its depth (1 for a part): the print document's bookmark levels."""
    levels: dict[str, int] = {}
    for entry in entries:
        if entry.anchor:
            levels[entry.anchor] = depth
        levels.update(flatten(entry.children, depth + 1))
    return levels
