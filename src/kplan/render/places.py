"""Every place of the site that a link can land on, with its label and its text: for search and glossary uses.

A place is the smallest unit with an anchor (a section, a measure card, a record row, a glossary entry, a survey
question…). Places come in reading order, the order of the pages and of the text on them. The texts of chapters
come from model/visit.py: each text belongs to the innermost section or card around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from msgspec import Struct
from msgspec.structs import replace

from kplan.model import (
    Block,
    Chapter,
    Glossary,
    Link,
    Marker,
    Measure,
    Plan,
    PublicComment,
    RecordTable,
    RichText,
    Section,
    Str,
    Survey,
    Text,
)
from kplan.model.labels import measure_marks
from kplan.model.visit import part_components
from kplan.render.contents import Page, heading_id, pages

Piece = RichText | str


class Place(Struct, frozen=True):
    """An anchored unit: `label` names it unambiguously across the site ("第6章 1-(2) マイナンバーカードの普及促進")."""

    page: str
    anchor: str
    label: str
    page_title: str
    texts: tuple[Piece, ...]
    keywords: tuple[str, ...] = ()

    @property
    def href(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def markers(self) -> Iterator[Marker]:
        for text in self.texts:
            if isinstance(text, RichText):
                yield from text.markers


def plain(text: Piece) -> str:
    """The text as read: ※ markers keep their word and bracket but drop the ※, links keep their words."""
    if isinstance(text, str):
        return text
    out = []
    for part in text.parts:
        if isinstance(part, Text | Link):
            out.append(part.text)
        else:
            out.append(part.term + part.between)
    return "".join(out)


def site_places(plan: Plan) -> list[Place]:
    """The places of every page, in reading order."""
    cover = plan.conventions.label("cover-page")
    places = [Place("index.html", "", cover, cover, _cover_texts(plan))]
    for page in pages(plan):
        part = page.part
        if isinstance(part, Chapter):
            places += _chapter_places(plan, page, part)
        elif isinstance(part, Glossary):
            places += [
                Place(
                    page.name,
                    f"term-{t.id}",
                    f"{page.title} {t.term}",
                    page.title,
                    (t.term, t.definition),
                    tuple(k for k in (t.reading, *t.aliases) if k),
                )
                for t in part.terms
            ]
        elif isinstance(part, Survey):
            places += _survey_places(plan, page, part)
        elif isinstance(part, PublicComment):
            places += _public_comment_places(plan, page, part)
    return places


def _cover_texts(plan: Plan) -> tuple[str, ...]:
    meta, publisher = plan.meta, plan.meta.publisher
    texts: list[str | None] = [meta.municipality, meta.full_title, meta.volume]
    if publisher:
        phone = plan.conventions.label("phone", phone=publisher.phone) if publisher.phone else None
        texts += [publisher.organization, publisher.department, publisher.address, phone]
    return tuple(t for t in texts if t)


def _direct_texts(component: object) -> list[Piece]:
    """The texts a component holds itself (the components inside it are visited on their own)."""
    return [item for item in component.contents() if isinstance(item, Str | RichText)]  # type: ignore[attr-defined]


def _blocks(blocks: tuple[Block, ...]) -> tuple[Piece, ...]:
    """The texts of prose blocks, in reading order."""
    return tuple(text for block in blocks for text in _direct_texts(block))


def _reference(plan: Plan, trail: tuple[Section | Measure, ...]) -> str:
    """How a place inside `trail` is numbered across the chapter: 1.(2), 1-(2), 1-(2)①; a section whose numbering
    pattern names the enclosing numbers ("{1}-{n}") is numbered by its own label."""
    printed = ""
    numbering = plan.conventions.numbering
    for item in trail:
        if isinstance(item, Measure):
            printed = item.reference
        elif re.search(r"\{\d", numbering[min(item.level, len(numbering)) - 1]):
            printed = item.label
        else:
            printed += item.label
    return printed


def _chapter_places(plan: Plan, page: Page, chapter: Chapter) -> list[Place]:
    """The chapter itself (its opening text), then a place per section, measure card and record row, in reading
    order; every text belongs to the innermost section or card around it."""
    number = page.title.removesuffix(str(chapter.title)).strip()
    found: list[tuple[Place, list[Piece]]] = [(Place(page.name, "", page.title, page.title, ()), [page.title])]
    holders: dict[int, list[Piece]] = {0: found[0][1]}
    tails: list[tuple[list[Piece], list[Piece]]] = []  # a card's actions come after its body
    for trail, component in part_components(chapter):
        owner = holders[id(trail[-1])] if trail else holders[0]
        if isinstance(component, Section | Measure):
            label = " ".join(x for x in (number, _reference(plan, (*trail, component)), str(component.title)) if x)
            own = _direct_texts(component)
            if isinstance(component, Measure):
                marks = measure_marks(component, plan.conventions)
                actions = own[len(own) - len(component.actions) :] if component.actions else []
                own = [*own[:1], *([marks] if marks else []), *own[1 : len(own) - len(actions)]]
                if actions:
                    tails.append((own, [plan.conventions.label("actions"), *actions]))
            holders[id(component)] = own
            found.append((Place(page.name, heading_id(component), label, page.title, ()), own))
        elif isinstance(component, RecordTable):
            owner += [t for t in (component.caption, *(c.title for c in component.columns)) if t]
            found += _record_places(page, number, component)
        else:
            owner += _direct_texts(component)
    for own, tail in tails:
        own += tail
    return [replace(place, texts=tuple(texts)) for place, texts in found]


def _record_places(page: Page, number: str, table: RecordTable) -> list[tuple[Place, list[Piece]]]:
    places = []
    for group in table.groups:
        for row in group.rows:
            lead = row.cells[0].texts[0] if row.cells and row.cells[0].texts else ""
            heading = " ".join(x for x in (number, str(group.label or ""), plain(lead)) if x)
            texts: list[Piece] = [t for t in (group.title,) if t]
            for cell in row.cells:
                texts += cell.texts
                texts += [ref.label for ref in cell.measures if ref.label]
            places.append((Place(page.name, f"row-{row.id}", heading, page.title, ()), texts))
    return places


def _survey_places(plan: Plan, page: Page, survey: Survey) -> list[Place]:
    label, title = plan.conventions.label, page.title
    number = plan.conventions.section_label
    places = [
        Place(page.name, "", title, title, (title, *_blocks(survey.intro))),
        Place(
            page.name,
            f"{survey.id}-overview",
            f"{title} {number((1,))} {survey.overview_title}",
            title,
            tuple(
                t
                for t in (
                    survey.overview_title,
                    survey.method,
                    str(survey.responses) if survey.responses is not None else "",
                )
                if t
            ),
        ),
        Place(
            page.name,
            f"{survey.id}-respondents",
            f"{title} {number((2,))} {survey.respondents_title}",
            title,
            (
                survey.respondents_title,
                *_blocks(survey.respondents_text),
                *(r.label for r in survey.respondents_results),
                survey.respondents_note or "",
            ),
        ),
    ]
    for section in survey.sections:
        for question in section.questions:
            chart = question.chart
            heading = (
                f"{title} {number((3,))}{number((3, section.number))} {section.title} "
                f"{label('question', n=question.number)}"
            )
            places.append(
                Place(
                    page.name,
                    question.id,
                    heading,
                    title,
                    (
                        section.title,
                        question.text,
                        question.choice or "",
                        *_blocks(question.summary),
                        *(r.label for r in (chart.results if chart else ())),
                        *question.other_answers,
                    ),
                )
            )
    if survey.free_comments:
        fc = survey.free_comments
        for category in fc.categories:
            heading = (
                f"{title} {number((3,))}{number((3, fc.section_number))} "
                f"{label('question', n=fc.question_number)} {category.title}"
            )
            places.append(
                Place(
                    page.name,
                    f"comments-{category.id}",
                    heading,
                    title,
                    (fc.section_title, fc.question, category.title, *category.comments),
                )
            )
    return places


def _public_comment_places(plan: Plan, page: Page, pc: PublicComment) -> list[Place]:
    title = page.title
    number = plan.conventions.section_label
    return [
        Place(page.name, "", title, title, (title, *_blocks(pc.intro))),
        Place(
            page.name,
            f"{pc.id}-overview",
            f"{title} {number((1,))} {pc.overview_title}",
            title,
            tuple(t for t in (pc.overview_title, pc.venues_text, *pc.venues) if t),
        ),
    ]
