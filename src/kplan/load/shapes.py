"""The shape of every kind of YAML source, from which validation and the JSON Schemas both come."""

from __future__ import annotations

from kplan.load.spec import (
    Boolean,
    Date,
    Id,
    Integer,
    ListOf,
    Nullable,
    Percent,
    Record,
    Text,
    YearMonth,
    opt,
    req,
)

EDITION = Text("edition label: '1' for the 初版, '2.0' for 第2.0版", pattern=r"\d+(\.\d+)*",
               pattern_hint='write the edition in quotes, e.g. "2.0"')
MARKDOWN = Text("Markdown paragraphs; ※ markers allowed (see docs/format.md)", multiline=True)
LINE = Text("one line of text; ※ markers allowed")
PERIOD = Record({"from": req(Date("first day")), "to": req(Date("last day"))}, "a period of days")

PLAN = Record(
    {
        "municipality": req(Text("the municipality, e.g. 各務原市")),
        "title": req(Text("the plan's title, e.g. 第3次ICT基本計画")),
        "subtitle": opt(Text("printed in brackets after the title, e.g. 後期計画")),
        "edition": req(EDITION),
        "reconstructed": opt(Text(
            "set when this edition is reconstructed, not the city's official text; says from what", multiline=True)),
        "status": req(Text("draft shows (案) and an empty revision date; final does not", enum=("draft", "final"))),
        "dates": req(Record({
            "established": req(YearMonth("year-month of 策定, e.g. 2021-07")),
            "revised": req(Nullable(YearMonth("year-month of 改定"), "year-month of 改定, or null while not fixed")),
        }, "dates as ISO year-month values")),
        "period": req(Record({
            "from": req(Integer("first fiscal year (April–March), e.g. 2021", minimum=1900)),
            "to": req(Integer("last fiscal year, e.g. 2025", minimum=1900)),
        }, "the plan period in fiscal years")),
        "publisher": req(Record({
            "organization": req(Text("e.g. 各務原市役所")),
            "department": req(Text("e.g. 企画総務部情報推進課")),
            "address": req(Text("postal address")),
            "phone": opt(Nullable(Text("telephone number as printed"))),
        }, "who publishes the plan (the colophon)")),
        "volume": opt(Text("volume name printed in the colophon, e.g. 本編")),
        "chapters": req(ListOf(Text("a chapter file relative to plan/, e.g. chapters/01-about.md"), "chapters in order",
                               min_items=1)),
        "appendices": opt(ListOf(Text("an appendix", enum=("glossary", "survey", "public-comment")),
                                 "appendices in order, after the chapters")),
        "errata": opt(Text("the errata (正誤表) file relative to plan/, e.g. errata.yaml")),
    },
    "plan/plan.yaml: the plan's metadata and the order of its parts",
    "kplan plan",
)

CHAPTER_FRONT_MATTER = Record(
    {
        "id": req(Id()),
        "title": req(Text("the chapter title, without 第N章")),
        "progress_table": opt(Text("chapter 4: the table file relative to plan/, e.g. progress.yaml")),
        "measure_groups": opt(ListOf(Record({
            "id": req(Id()),
            "title": req(Text("group title, e.g. 市民生活の利便性向上")),
        }), "chapter 6: the groups of measure cards, in order", min_items=1)),
    },
    "the front matter of a chapter file",
    "kplan chapter front matter",
)

MEASURE = Record(
    {
        "id": req(Id()),
        "number": req(Text("group and number, e.g. 1-(2)", pattern=r"\d+-\(\d+\)", pattern_hint="write it like 1-(2)")),
        "title": req(LINE),
        "priority": opt(Boolean("true for 【重点】: tied to the national 自治体DX推進計画 重点取組事項")),
        "added_in": opt(EDITION),
        "body": req(MARKDOWN),
        "actions": req(ListOf(LINE, "the list of actions", min_items=1)),
        "figure": opt(Record({
            "caption": req(Text("e.g. イメージ図")),
            "labels": opt(ListOf(LINE, "the words printed inside the figure, in reading order")),
        }, "a figure of the document; the image itself is not kept")),
    },
    "plan/measures/*.yaml: one measure card (取組施策)",
    "kplan measure",
)

PROGRESS = Record(
    {
        "columns": req(Record({
            "earlier": req(Text("header of the first column")),
            "measures": req(Text("header of the second column")),
            "status": req(Text("header of the third column")),
        })),
        "groups": req(ListOf(Record({
            "id": req(Id()),
            "label": req(Text("e.g. 前期基本方針1")),
            "title": req(Text("e.g. 質の高い市民サービス")),
            "rows": req(ListOf(Record({
                "id": req(Id()),
                "earlier": req(LINE),
                "measures": req(ListOf(Record({
                    "measure": req(Id("the id of a measure card in plan/measures/")),
                    "label": opt(Text("the title as printed here, where it differs from the measure's title")),
                }), min_items=1)),
                "status": req(ListOf(LINE, min_items=1)),
            }), min_items=1)),
        }), min_items=1)),
    },
    "plan/progress.yaml: chapter 4's table of earlier measures and their progress",
    "kplan progress table",
)

TERM = Record(
    {
        "id": req(Id()),
        "term": req(Text("the term as printed")),
        "reading": req(Text("the reading in kana, for 50音順 and search")),
        "aliases": opt(ListOf(Text("another spelling a ※ may follow"))),
        "definition": req(Text("the explanation", multiline=True)),
    },
)

GLOSSARY = Record(
    {
        "title": req(Text("e.g. 用語解説")),
        "note": opt(Text("e.g. (アルファベット・50音順)")),
        "terms": req(ListOf(TERM, "Latin terms A–Z first, then 50音順 by reading", min_items=1)),
    },
    "glossary/glossary.yaml: the 用語解説",
    "kplan glossary",
)

RESULT = Record({"label": req(Text("the answer as quoted")), "percent": req(Percent())})
QUESTION = Record({
    "id": req(Id()),
    "number": req(Integer("the question number, 【問N】", minimum=1)),
    "text": req(LINE),
    "choice": opt(Text("how many answers, e.g. あてはまるものから3つまで")),
    "summary": opt(MARKDOWN),
    "chart": opt(Record({
        "title": opt(Text("the chart title as printed")),
        "n": opt(Integer("N as printed", minimum=1)),
        "results": req(ListOf(RESULT, "only the percentages the document states", min_items=1)),
        "note": opt(Text("a note printed with the chart")),
    })),
    "other_answers": opt(ListOf(LINE, "answers under 「その他」")),
})

SURVEY = Record(
    {
        "id": req(Id()),
        "title": req(Text()),
        "intro": req(MARKDOWN),
        "overview": req(Record({
            "title": req(Text()),
            "period": req(PERIOD),
            "method": req(Text()),
            "responses": req(Integer(minimum=0)),
        })),
        "respondents": req(Record({
            "title": req(Text()),
            "text": req(MARKDOWN),
            "results": opt(ListOf(RESULT)),
            "note": opt(Text()),
        })),
        "results_title": req(Text()),
        "sections": req(ListOf(Record({
            "id": req(Id()),
            "title": req(Text()),
            "questions": req(ListOf(QUESTION, min_items=1)),
        }), min_items=1)),
        "free_comments": opt(Record({
            "section": req(Record({"id": req(Id()), "title": req(Text())})),
            "question": req(Record({"id": req(Id()), "number": req(Integer(minimum=1)), "text": req(LINE)})),
            "notes": opt(ListOf(Text())),
            "categories": req(ListOf(Record({
                "id": req(Id()),
                "title": req(Text()),
                "comments": req(ListOf(LINE, min_items=1)),
            }), min_items=1)),
        })),
    },
    "plan/survey.yaml: the citizen survey; numbers are numbers, only those the document states",
    "kplan survey",
)

PUBLIC_COMMENT = Record(
    {
        "id": req(Id()),
        "title": req(Text()),
        "intro": req(MARKDOWN),
        "overview_title": req(Text()),
        "period": req(PERIOD),
        "venues_text": req(Text()),
        "venues": req(ListOf(Text(), min_items=1)),
        "comments_received": req(Integer("how many comments were received", minimum=0)),
    },
    "plan/public-comment.yaml: the public-comment record",
    "kplan public comment",
)

ERRATA = Record(
    {
        "entries": req(ListOf(Record({
            "id": req(Id()),
            "where": req(Text("the place in the document, e.g. 第6章 1.(6) 本文")),
            "page": opt(Integer("page of the published document", minimum=1)),
            "file": opt(Text("the source file that now holds the corrected text")),
            "wrong": req(Text("誤: as the document printed it")),
            "right": req(Text("正: as it stands now")),
            "kind": req(Text("the kind of mistake", enum=(
                "wrong-script", "old-form", "typo", "glossary-spelling", "missing-term", "glossary-order",
                "marker", "other"))),
            "reason": req(Text("why, in one sentence")),
        })))
    },
    "plan/errata.yaml: the 正誤表, every deliberate difference from the published text",
    "kplan errata",
)

HYOKI = Record(
    {
        "version": opt(Integer("the prh dictionary format version: 1", minimum=1)),
        "rules": req(ListOf(Record({
            "expected": req(Text("the spelling to use; with a /regex/ pattern, $1… stand for its groups")),
            "patterns": req(ListOf(Text("a spelling to replace by expected; /…/ for a regular expression"),
                                   "spellings to replace", min_items=1)),
            "prh": opt(Text("why: shown with each finding")),
            "specs": opt(ListOf(Record({
                "from": req(Text("a text")),
                "to": req(Text("the text after the rule is applied")),
            }), "examples that kplan checks when it reads the dictionary")),
        }), "the rules, each an expected spelling and the patterns to replace", min_items=1)),
    },
    "plan/hyoki.yaml: the 表記ゆれ dictionary (prh style), optional; kplan lint's style-dictionary rule reads it",
    "kplan 表記ゆれ dictionary",
)

SHAPES = {
    "plan": PLAN,
    "chapter": CHAPTER_FRONT_MATTER,
    "measure": MEASURE,
    "progress": PROGRESS,
    "glossary": GLOSSARY,
    "survey": SURVEY,
    "public-comment": PUBLIC_COMMENT,
    "errata": ERRATA,
    "hyoki": HYOKI,
}
