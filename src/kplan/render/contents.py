"""The table of contents and the page list, shared by the site and the print document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kplan.model import Plan

APPENDIX_PAGES = {"glossary": "glossary.html", "survey": "survey.html", "public-comment": "public-comment.html"}


@dataclass(frozen=True)
class Entry:
    title: str
    href: str
    children: tuple[Entry, ...] = field(default=())


def chapter_page(number: int) -> str:
    return f"chapter-{number}.html"


def appendix_title(plan: Plan, name: str) -> str:
    if name == "glossary":
        return plan.glossary.title
    if name == "survey" and plan.survey:
        return plan.survey.title
    if name == "public-comment" and plan.public_comment:
        return plan.public_comment.title
    return name


def contents(plan: Plan, href: Callable[[str, str], str]) -> tuple[Entry, ...]:
    """Entries for chapters (with sections, groups and measures) and appendices; href(page, anchor) makes links."""
    entries = []
    for chapter in plan.chapters:
        page = chapter_page(chapter.number)
        children = [
            Entry(f"{s.label} {s.title}", href(page, s.id),
                  tuple(Entry(f"{sub.label} {sub.title}", href(page, sub.id)) for sub in s.subsections))
            for s in chapter.sections
        ]
        children += [
            Entry(f"{g.number}. {g.title}", href(page, f"group-{g.id}"),
                  tuple(Entry(f"({m.number}) {m.title}", href(page, f"measure-{m.id}")) for m in g.measures))
            for g in chapter.measure_groups
        ]
        entries.append(Entry(f"第{chapter.number}章 {chapter.title}", href(page, f"chapter-{chapter.number}"),
                             tuple(children)))
    for name in plan.appendices:
        entries.append(Entry(appendix_title(plan, name), href(APPENDIX_PAGES[name], name)))
    return tuple(entries)
