"""The whole plan as one Markdown file (pandoc's Markdown: a title block, `{#id}` headings, pipe tables).

For readers and tools that want the plan as a single text (pandoc, diff tools, LLM-free search); the source of
truth stays plan/ and glossary/. Every piece of text is escaped, so plan text cannot turn into Markdown syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kplan import wareki
from kplan.model import (
    Block,
    BulletList,
    Cell,
    Chapter,
    Glossary,
    Link,
    Marker,
    Measure,
    Paragraph,
    Plan,
    PublicComment,
    RichText,
    StatedResult,
    Survey,
    Table,
    Text,
)
from kplan.render.labels import edition_label, measure_marks, revision_line

_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def _escape_punctuation(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", text)


def _escape_line_start(text: str) -> str:
    return _LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)


def escape(text: str) -> str:
    """Plain text that Markdown shows as written."""
    return _escape_line_start(_escape_punctuation(text))


def inline(text: RichText | None) -> str:
    """RichText as Markdown: ※ markers stay as printed, links become [text](url)."""
    if text is None:
        return ""
    out = []
    for part in text.parts:
        if isinstance(part, Text | Marker):
            out.append(_escape_punctuation(part.text))
        elif isinstance(part, Link):
            url = part.url.replace(")", "%29").replace(" ", "%20")
            out.append(f"[{_escape_punctuation(part.text)}]({url})")
    return _escape_line_start("".join(out)).replace("\n", " ")


def export_markdown(plan: Plan) -> str:
    """The plan, cover to colophon, as one Markdown document."""
    return "\n".join(_document(plan)).rstrip("\n") + "\n"


def _document(plan: Plan) -> Iterator[str]:
    meta = plan.meta
    edition = edition_label(meta)
    draft = "(案)" if meta.status == "draft" else ""
    yield "---"
    yield f"title: \"{meta.municipality}{meta.full_title}{edition}{draft}\""
    yield f"author: \"{meta.municipality}\""
    yield f"date: \"{wareki.year_month(*meta.established)}策定\""
    yield "lang: ja"
    yield "---"
    yield ""
    if revision_line(meta):
        yield revision_line(meta)
        yield ""
    yield f"計画期間：{escape(wareki.fiscal_period(*meta.period))}"
    yield ""
    yield from _contents(plan)
    if meta.reconstructed:
        yield f"この版は再構成されたものであり、市の公式な文書ではありません。{escape(meta.reconstructed)}"
        yield ""
    measure_titles = {m.id: m.title for m in plan.measures}
    for chapter in plan.chapters:
        yield from _chapter(chapter, measure_titles)
    for appendix in plan.appendices:
        if appendix == "glossary":
            yield from _glossary(plan.glossary)
        elif appendix == "survey" and plan.survey:
            yield from _survey(plan.survey)
        elif appendix == "public-comment" and plan.public_comment:
            yield from _public_comment(plan.public_comment)
    publisher = meta.publisher
    yield "---"
    yield ""
    yield f"{meta.municipality}{escape(meta.full_title)}{edition}  "
    if meta.volume:
        yield f"－ {escape(meta.volume)} －  "
    yield f"{wareki.year_month(*meta.established)} 策定  "
    if revision_line(meta):
        yield f"{revision_line(meta)}  "
    yield f"発行 {escape(publisher.organization)} {escape(publisher.department)}  "
    yield f"{escape(publisher.address)}" + (f"  \nTEL {escape(publisher.phone)}" if publisher.phone else "")
    yield ""


def _contents(plan: Plan) -> Iterator[str]:
    yield "## 目次 {#contents}"
    yield ""
    for chapter in plan.chapters:
        yield f"- [第{chapter.number}章 {escape(chapter.title)}](#chapter-{chapter.number})"
    titles = {"glossary": plan.glossary.title, "survey": plan.survey and plan.survey.title,
              "public-comment": plan.public_comment and plan.public_comment.title}
    for appendix in plan.appendices:
        if titles.get(appendix):
            yield f"- [{escape(str(titles[appendix]))}](#{appendix})"
    yield ""


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield inline(block.text)
        elif isinstance(block, BulletList):
            yield from (f"- {inline(item)}" for item in block.items)
        elif isinstance(block, Table):
            yield from _table(block)
        yield ""


def _cell(cell: Cell) -> str:
    items = "".join(f" ・{inline(item)}" for item in cell.items)
    return (inline(cell.lead) + items).strip()


def _table(table: Table) -> Iterator[str]:
    if table.caption:
        yield f"Table: {inline(table.caption)}"
        yield ""
    yield "| " + " | ".join(_cell(cell) for cell in table.header) + " |"
    yield "|" + "---|" * len(table.header)
    for row in table.rows:
        yield "| " + " | ".join(_cell(cell) for cell in row) + " |"


def _chapter(chapter: Chapter, measure_titles: dict[str, str]) -> Iterator[str]:
    yield f"# 第{chapter.number}章 {escape(chapter.title)} {{#chapter-{chapter.number}}}"
    yield ""
    yield from _blocks(chapter.intro)
    for section in chapter.sections:
        yield f"## {section.label} {escape(section.title)} {{#{section.id}}}"
        yield ""
        yield from _blocks(section.blocks)
        for sub in section.subsections:
            yield f"### {sub.label} {escape(sub.title)} {{#{sub.id}}}"
            yield ""
            yield from _blocks(sub.blocks)
    if chapter.progress:
        table = chapter.progress
        for group in table.groups:
            yield f"## [{escape(group.label)}] {escape(group.title)} {{#progress-{group.id}}}"
            yield ""
            headers = (table.earlier_header, table.measures_header, table.status_header)
            yield "| " + " | ".join(escape(header) for header in headers) + " |"
            yield "|---|---|---|"
            for row in group.rows:
                measures = " ・".join(escape(ref.label or measure_titles[ref.measure_id]) for ref in row.measures)
                status = "".join(f" ・{inline(item)}" for item in row.status).strip()
                yield f"| {inline(row.earlier)} | {measures} | {status} |"
            yield ""
    for group in chapter.measure_groups:
        yield f"## {group.number}. {escape(group.title)} {{#group-{group.id}}}"
        yield ""
        for measure in group.measures:
            yield from _measure(measure)


def _measure(measure: Measure) -> Iterator[str]:
    yield f"### ({measure.number}) {escape(measure.title)}{measure_marks(measure)} {{#measure-{measure.id}}}"
    yield ""
    yield from _blocks(measure.body)
    yield "#### 取組内容"
    yield ""
    yield from (f"- {inline(action)}" for action in measure.actions)
    yield ""
    if measure.figure:
        labels = "、".join(inline(label) for label in measure.figure.labels)
        yield f"※{escape(measure.figure.caption)}" + (f"(図中の文字：{labels})" if labels else "")
        yield ""


def _glossary(glossary: Glossary) -> Iterator[str]:
    yield f"# {escape(glossary.title)} {{#glossary}}"
    yield ""
    if glossary.note:
        yield escape(glossary.note)
        yield ""
    yield "| 用語 | 説明 |"
    yield "|---|---|"
    for term in glossary.terms:
        yield f"| {escape(term.term)} | {inline(term.definition)} |"
    yield ""


def _results(results: tuple[StatedResult, ...], caption: str) -> Iterator[str]:
    yield f"Table: {escape(caption)}"
    yield ""
    yield "| 回答 | 割合 |"
    yield "|---|---:|"
    for result in results:
        yield f"| {escape(result.label)} | {result.percent:.1f}% |"
    yield ""


def _survey(survey: Survey) -> Iterator[str]:
    yield f"# {escape(survey.title)} {{#{survey.id}}}"
    yield ""
    yield from _blocks(survey.intro)
    yield f"## 1. {escape(survey.overview_title)}"
    yield ""
    period = wareki.date_range(survey.period[0], survey.period[1], repeat_era=False)
    yield f"- 調査期間：{escape(period)}"
    yield f"- 調査方法：{escape(survey.method)}"
    yield f"- 回答数：{survey.responses}"
    yield ""
    yield f"## 2. {escape(survey.respondents_title)}"
    yield ""
    yield from _blocks(survey.respondents_text)
    if survey.respondents_results:
        yield from _results(survey.respondents_results, "回答者の性別(本文に記載された割合)")
    if survey.respondents_note:
        yield escape(survey.respondents_note)
        yield ""
    yield f"## 3. {escape(survey.results_title)}"
    yield ""
    for section in survey.sections:
        yield f"### ({section.number}) {escape(section.title)} {{#survey-{section.id}}}"
        yield ""
        for question in section.questions:
            choice = f"({escape(question.choice)})" if question.choice else ""
            yield f"【問{question.number}】{inline(question.text)}{choice}"
            yield ""
            yield from _blocks(question.summary)
            if question.chart:
                chart = question.chart
                n = f"(N={chart.n})" if chart.n else ""
                title = chart.title or f"問{question.number}の回答"
                yield from _results(chart.results, f"{title}{n}(本文に記載された割合のみ)")
                if chart.note:
                    yield escape(chart.note)
                    yield ""
            if question.other_answers:
                yield "「その他」では以下のような回答がありました。"
                yield ""
                yield from (f"- {inline(answer)}" for answer in question.other_answers)
                yield ""
    if survey.free_comments:
        free = survey.free_comments
        yield f"### ({free.section_number}) {escape(free.section_title)} {{#survey-{free.section_id}}}"
        yield ""
        yield f"【問{free.question_number}】{inline(free.question)}"
        yield ""
        for note in free.notes:
            yield escape(note)
            yield ""
        for category in free.categories:
            yield f"#### ■{escape(category.title)} {{#comments-{category.id}}}"
            yield ""
            yield from (f"- {inline(comment)}" for comment in category.comments)
            yield ""


def _public_comment(record: PublicComment) -> Iterator[str]:
    yield f"# {escape(record.title)} {{#{record.id}}}"
    yield ""
    yield from _blocks(record.intro)
    yield f"## 1. {escape(record.overview_title)}"
    yield ""
    yield f"- 実施期間 : {escape(wareki.date_range(record.period[0], record.period[1]))}"
    yield f"- 公開場所 : {escape(record.venues_text)}"
    yield from (f"    - {escape(venue)}" for venue in record.venues)
    received = "無し" if record.comments_received == 0 else f"{record.comments_received}件"
    yield f"- 意見の提出 : {received}"
    yield ""
