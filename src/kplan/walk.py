"""Every piece of text in a plan, in reading order: for lint, search and checks that look at all the text."""

from __future__ import annotations

from collections.abc import Iterator

from kplan.model import Block, BulletList, Paragraph, Plan, RichText, Table


def block_texts(blocks: tuple[Block, ...]) -> Iterator[RichText]:
    """The texts of a run of blocks."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
            for row in (block.header, *block.rows):
                for cell in row:
                    yield cell.lead
                    yield from cell.items


def plan_texts(plan: Plan) -> Iterator[RichText]:
    """All marked-up text of the plan in reading order (glossary definitions last)."""
    for chapter in plan.chapters:
        yield from block_texts(chapter.intro)
        for section in chapter.sections:
            yield from block_texts(section.blocks)
            for sub in section.subsections:
                yield from block_texts(sub.blocks)
        if chapter.progress:
            for group in chapter.progress.groups:
                for row in group.rows:
                    yield row.earlier
                    yield from row.status
        for group in chapter.measure_groups:
            for measure in group.measures:
                yield from block_texts(measure.body)
                yield from measure.actions
                if measure.figure:
                    yield from measure.figure.labels
    if plan.survey:
        yield from block_texts(plan.survey.intro)
        yield from block_texts(plan.survey.respondents_text)
        for section in plan.survey.sections:
            for question in section.questions:
                yield question.text
                yield from block_texts(question.summary)
                yield from question.other_answers
        if plan.survey.free_comments:
            yield plan.survey.free_comments.question
            for category in plan.survey.free_comments.categories:
                yield from category.comments
    if plan.public_comment:
        yield from block_texts(plan.public_comment.intro)
    for term in plan.glossary.terms:
        yield term.definition
