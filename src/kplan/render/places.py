"""Every place of the site that a link can land on, with its label and its text: for search and glossary uses.

A place is the smallest unit with an anchor (a section, a measure card, a glossary entry, a survey question…).
Places come in reading order, the order of the pages and of the text on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kplan.model import Block, Chapter, Link, Marker, Plan, PublicComment, RichText, Survey, Text
from kplan.render.contents import APPENDIX_PAGES, chapter_page
from kplan.walk import block_texts

Piece = RichText | str


@dataclass(frozen=True)
class Place:
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
    places = [Place("index.html", "", "表紙・目次", "表紙・目次", _cover_texts(plan))]
    for chapter in plan.chapters:
        places += _chapter_places(chapter)
    for name in plan.appendices:
        if name == "glossary":
            title = plan.glossary.title
            places += [Place(APPENDIX_PAGES[name], f"term-{t.id}", f"{title} {t.term}", title,
                             (t.term, t.definition), (t.reading, *t.aliases)) for t in plan.glossary.terms]
        elif name == "survey" and plan.survey:
            places += _survey_places(plan.survey)
        elif name == "public-comment" and plan.public_comment:
            places += _public_comment_places(plan.public_comment)
    return places


def _cover_texts(plan: Plan) -> tuple[str, ...]:
    meta, publisher = plan.meta, plan.meta.publisher
    texts = [meta.municipality, meta.full_title, meta.volume or "", publisher.organization, publisher.department,
             publisher.address, f"TEL {publisher.phone}" if publisher.phone else ""]
    return tuple(t for t in texts if t)


def _blocks(blocks: tuple[Block, ...]) -> tuple[RichText, ...]:
    return tuple(block_texts(blocks))


def _chapter_places(chapter: Chapter) -> list[Place]:
    page, page_title = chapter_page(chapter.number), f"第{chapter.number}章 {chapter.title}"
    prefix = f"第{chapter.number}章"
    places = [Place(page, "", page_title, page_title, (page_title, *_blocks(chapter.intro)))]
    for section in chapter.sections:
        places.append(Place(page, section.id, f"{prefix} {section.label} {section.title}", page_title,
                            (section.title, *_blocks(section.blocks))))
        for sub in section.subsections:
            places.append(Place(page, sub.id, f"{prefix} {section.label}{sub.label} {sub.title}", page_title,
                                (sub.title, *_blocks(sub.blocks))))
    if chapter.progress:
        table = chapter.progress
        for group in table.groups:
            for row in group.rows:
                refs = tuple(ref.label or "" for ref in row.measures if ref.label)
                places.append(Place(page, f"row-{row.id}", f"{prefix} {group.label} {plain(row.earlier)}",
                                    page_title, (group.title, row.earlier, *refs, *row.status)))
    for group in chapter.measure_groups:
        places.append(Place(page, f"group-{group.id}", f"{prefix} {group.number}. {group.title}", page_title,
                            (group.title,)))
        for measure in group.measures:
            marks = ("【重点】" if measure.priority else "") + (f"（第{measure.added_in}版追加）"
                                                             if measure.added_in else "")
            figure = measure.figure.labels if measure.figure else ()
            places.append(Place(page, f"measure-{measure.id}", f"{prefix} {measure.label} {measure.title}",
                                page_title, (measure.title, marks, *_blocks(measure.body), "取組内容",
                                             *measure.actions, *figure)))
    return places


def _survey_places(survey: Survey) -> list[Place]:
    page, title = APPENDIX_PAGES["survey"], survey.title
    places = [
        Place(page, "", title, title, (title, *_blocks(survey.intro))),
        Place(page, f"{survey.id}-overview", f"{title} 1. {survey.overview_title}", title,
              (survey.overview_title, survey.method, str(survey.responses))),
        Place(page, f"{survey.id}-respondents", f"{title} 2. {survey.respondents_title}", title,
              (survey.respondents_title, *_blocks(survey.respondents_text),
               *(r.label for r in survey.respondents_results), survey.respondents_note or "")),
    ]
    for section in survey.sections:
        for question in section.questions:
            chart = question.chart
            label = f"{title} 3.({section.number}) {section.title} 問{question.number}"
            places.append(Place(page, question.id, label, title,
                                (section.title, question.text, question.choice or "", *_blocks(question.summary),
                                 *(r.label for r in (chart.results if chart else ())), *question.other_answers)))
    if survey.free_comments:
        fc = survey.free_comments
        for category in fc.categories:
            places.append(Place(page, f"comments-{category.id}",
                                f"{title} 3.({fc.section_number}) 問{fc.question_number} {category.title}", title,
                                (fc.section_title, fc.question, category.title, *category.comments)))
    return places


def _public_comment_places(pc: PublicComment) -> list[Place]:
    page, title = APPENDIX_PAGES["public-comment"], pc.title
    return [
        Place(page, "", title, title, (title, *_blocks(pc.intro))),
        Place(page, f"{pc.id}-overview", f"{title} 1. {pc.overview_title}", title,
              (pc.overview_title, pc.venues_text, *pc.venues)),
    ]
