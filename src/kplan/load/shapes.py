"""The shape of every kind of YAML source, from which validation and the JSON Schemas both come."""

from __future__ import annotations

from kplan.load.spec import (
    Boolean,
    Date,
    Id,
    Integer,
    ListOf,
    MapOf,
    Nullable,
    Number,
    OneOf,
    Percent,
    Record,
    Text,
    Year,
    YearMonth,
    opt,
    req,
)
from kplan.model.conventions import DEFAULT_LABELS

EDITION = Text(
    "edition label: '1' for the 初版, '2.0' for 第2.0版",
    pattern=r"\d{1,4}(\.\d{1,4}){0,3}",
    pattern_hint="load.invalid-value/hint-edition",
)
MARKDOWN = Text("Markdown paragraphs; ※ markers allowed (see docs/format.md)", multiline=True)
LINE = Text("one line of text; ※ markers allowed")
PERIOD = Record({"from": req(Date("first day")), "to": req(Date("last day"))}, "a period of days")
PATH = Text("a file relative to the project root, written with /, e.g. plan/chapters/01-about.md")
PART_KINDS = ("chapter", "appendix", "glossary", "survey", "public-comment")

CONVENTIONS = Record(
    {
        "numbering": opt(
            ListOf(
                Text(
                    "a section number pattern: {n} this level's number, {1} {2}… an enclosing level's; styles "
                    "{n:circled} {n:kana} {n:iroha} {n:kanji} {n:fullwidth}; plain text such as 〇 is allowed"
                ),
                "one pattern per section level (## is level 1); deeper levels reuse the last",
                min_items=1,
            )
        ),
        "measure_reference": opt(Text("how a measure card is referred to, e.g. {1}-({n}) → 1-(2)")),
        "marks": opt(
            ListOf(
                Record(
                    {
                        "id": req(Id()),
                        "label": req(Text("as printed after a card's title, e.g. 【新規】")),
                        "meaning": req(Text("what the mark means, printed where the plan explains its marks")),
                    }
                ),
                "marks a measure card may carry, in the order they print",
            )
        ),
    },
    "how the plan numbers sections and cards, and the marks it puts on cards",
)

PLAN = Record(
    {
        "municipality": req(Text("the municipality, e.g. ○○市")),
        "title": req(Text("the plan's title, e.g. 第2次情報化基本計画")),
        "subtitle": opt(Text("printed in brackets after the title, e.g. 後期計画")),
        "edition": opt(EDITION),
        "reconstructed": opt(
            Text("set when this edition is reconstructed, not the city's official text; says from what", multiline=True)
        ),
        "status": opt(
            Text("draft shows (案) and an empty revision date; final (the default) does not", enum=("draft", "final"))
        ),
        "dates": opt(
            Record(
                {
                    "established": opt(Nullable(YearMonth("year-month of 策定, e.g. 2021-07"))),
                    "revised": opt(
                        Nullable(YearMonth("year-month of 改定"), "year-month of 改定, or null while not fixed")
                    ),
                },
                "dates as ISO year-month values",
            )
        ),
        "period": opt(
            Record(
                {
                    "from": req(Year("first fiscal year (April–March), e.g. 2021")),
                    "to": req(Year("last fiscal year, e.g. 2025")),
                },
                "the plan period in fiscal years",
            )
        ),
        "publisher": opt(
            Record(
                {
                    "organization": req(Text("e.g. ○○市役所")),
                    "department": opt(Text("e.g. 総務部情報政策課")),
                    "address": opt(Text("postal address")),
                    "phone": opt(Nullable(Text("telephone number as printed"))),
                },
                "who publishes the plan (the colophon)",
            )
        ),
        "volume": opt(Text("volume name printed in the colophon, e.g. 本編")),
        "conventions": opt(CONVENTIONS),
        "labels": opt(
            MapOf(
                Text("the printed wording"),
                tuple(DEFAULT_LABELS),
                "overrides of the words kplan prints, e.g. actions: 取組内容",
            )
        ),
        "parts": req(
            ListOf(
                MapOf(PATH, PART_KINDS, "one key: the kind of part, its value the file"),
                "the parts in the order they print",
                min_items=1,
            )
        ),
        "errata": opt(PATH),
    },
    "plan/plan.yaml: the plan's metadata, conventions and the order of its parts",
    "kplan plan",
)

CHAPTER_FRONT_MATTER = Record(
    {
        "id": req(Id()),
        "title": req(Text("the chapter title, without 第N章")),
    },
    "the front matter of a chapter or appendix file",
    "kplan chapter front matter",
)

VALUE = Record(
    {
        "value": req(Number("the number")),
        "year": opt(Year("the fiscal year it belongs to, e.g. 2022")),
    },
    "a number and its fiscal year",
)

INDICATOR_FIELDS = {
    "caption": opt(Text("e.g. 成果指標")),
    "rows": req(
        ListOf(
            Record(
                {
                    "id": req(Id()),
                    "name": req(LINE),
                    "unit": opt(Text("e.g. %")),
                    "baseline": opt(VALUE),
                    "target": opt(VALUE),
                    "direction": opt(Text("e.g. 増加")),
                    "actuals": opt(ListOf(VALUE, "yearly 実績")),
                }
            ),
            "one indicator a row",
            min_items=1,
        )
    ),
}

INDICATORS = Record(
    {"id": req(Id()), **INDICATOR_FIELDS},
    "an indicator (KPI) table: 指標名・単位・現状値・目標値; numbers are numbers",
    "kplan indicators",
)

MEASURE_INDICATORS = Record(
    {"id": opt(Id("default: the card's id + '-indicators'")), **INDICATOR_FIELDS}, "the card's indicator (KPI) table"
)

FIGURE = Record(
    {
        "id": req(Id()),
        "caption": opt(Text("e.g. イメージ図")),
        "alt": opt(Text("what the picture shows, for readers who cannot see it")),
        "image": opt(Text("a PNG, JPEG or SVG file relative to the project root; absent → a placeholder")),
        "words": opt(ListOf(LINE, "the words printed inside the picture, in reading order")),
    },
    "a figure: an image (or a placeholder) with its caption",
    "kplan figure",
)

MEASURE = Record(
    {
        "id": req(Id()),
        "title": req(LINE),
        "marks": opt(ListOf(Id("the id of a mark declared in plan.yaml conventions.marks"))),
        "added_in": opt(EDITION),
        "department": opt(Text("the department in charge (担当課)")),
        "body": opt(MARKDOWN),
        "actions": opt(ListOf(LINE, "the list of actions")),
        "indicators": opt(MEASURE_INDICATORS),
        "figures": opt(ListOf(FIGURE, "figures, in order")),
    },
    "plan/measures/*.yaml: one measure card (取組施策)",
    "kplan measure",
)

MEASURE_REF = Record(
    {
        "measure": req(Id("the id of a measure card in plan/measures/")),
        "label": opt(LINE),
    },
    "a measure card, with the wording printed here when it differs from its title",
)

CELL = OneOf(
    (LINE, ListOf(LINE), ListOf(MEASURE_REF)),
    "one cell a column: text, a list of lines (kind list) or measures (kind measures)",
)

RECORD_ROW = Record(
    {
        "id": req(Id()),
        "cells": req(ListOf(CELL, "the cells, one per column, in column order", min_items=1)),
    }
)

ROWS = ListOf(RECORD_ROW, "the rows", min_items=1)

RECORDS = Record(
    {
        "id": req(Id()),
        "caption": opt(Text("the table's caption")),
        "columns": req(
            ListOf(
                Record(
                    {
                        "title": req(Text("the column header")),
                        "kind": opt(
                            Text(
                                "text (one line, the default), list (lines) or measures (measure references)",
                                enum=("text", "list", "measures"),
                            )
                        ),
                    }
                ),
                "the columns, in order",
                min_items=1,
            )
        ),
        "groups": opt(
            ListOf(
                Record(
                    {
                        "id": req(Id()),
                        "label": opt(Text("printed in brackets before the title, e.g. 基本方針1")),
                        "title": opt(Text("the group's heading")),
                        "rows": req(ROWS),
                    }
                ),
                "groups of rows under their own heading",
                min_items=1,
            )
        ),
        "rows": opt(ROWS),
    },
    "a table of records, one a row; cells may refer to measure cards",
    "kplan records",
    exactly_one=(("groups", "rows"),),
)

TERM = Record(
    {
        "id": req(Id()),
        "term": req(Text("the term as printed")),
        "reading": opt(Text("the reading in kana, for 50音順 and search; optional for Latin letters and digits")),
        "reading_confirmed": opt(Boolean("false when a tool proposed the reading and no editor has checked it")),
        "aliases": opt(ListOf(Text("another spelling a ※ may follow"))),
        "definition": req(Text("the explanation", multiline=True)),
        "drafted": opt(Boolean("true when we wrote the definition and the city has not confirmed it")),
    },
)

GLOSSARY = Record(
    {
        "title": req(Text("e.g. 用語解説")),
        "note": opt(Text("e.g. (アルファベット・50音順)")),
        "order": opt(
            Text(
                "kana (the default): Latin terms A–Z, then 50音順 by reading; as-written: never reordered",
                enum=("kana", "as-written"),
            )
        ),
        "terms": req(ListOf(TERM, "the terms, in the order given by order", min_items=1)),
    },
    "glossary/glossary.yaml: the 用語解説",
    "kplan glossary",
)

RESULT = Record({"label": req(Text("the answer as quoted")), "percent": req(Percent())})
QUESTION = Record(
    {
        "id": req(Id()),
        "number": req(Integer("the question number, 【問N】", minimum=1)),
        "text": req(LINE),
        "choice": opt(Text("how many answers, e.g. あてはまるものから3つまで")),
        "summary": opt(MARKDOWN),
        "chart": opt(
            Record(
                {
                    "title": opt(Text("the chart title as printed")),
                    "n": opt(Integer("N as printed", minimum=1)),
                    "results": req(ListOf(RESULT, "only the percentages the document states", min_items=1)),
                    "note": opt(Text("a note printed with the chart")),
                }
            )
        ),
        "other_answers": opt(ListOf(LINE, "answers under 「その他」")),
    }
)

SURVEY = Record(
    {
        "id": req(Id()),
        "title": req(Text()),
        "intro": req(MARKDOWN),
        "overview": req(
            Record(
                {
                    "title": req(Text()),
                    "period": req(PERIOD),
                    "method": req(Text()),
                    "responses": req(Integer(minimum=0)),
                }
            )
        ),
        "respondents": req(
            Record(
                {
                    "title": req(Text()),
                    "text": req(MARKDOWN),
                    "results": opt(ListOf(RESULT)),
                    "results_caption": opt(Text("the caption of the respondents chart")),
                    "note": opt(Text()),
                }
            )
        ),
        "results_title": req(Text()),
        "sections": req(
            ListOf(
                Record(
                    {
                        "id": req(Id()),
                        "title": req(Text()),
                        "questions": req(ListOf(QUESTION, min_items=1)),
                    }
                ),
                min_items=1,
            )
        ),
        "free_comments": opt(
            Record(
                {
                    "section": req(Record({"id": req(Id()), "title": req(Text())})),
                    "question": req(Record({"id": req(Id()), "number": req(Integer(minimum=1)), "text": req(LINE)})),
                    "notes": opt(ListOf(Text())),
                    "categories": req(
                        ListOf(
                            Record(
                                {
                                    "id": req(Id()),
                                    "title": req(Text()),
                                    "comments": req(ListOf(LINE, min_items=1)),
                                }
                            ),
                            min_items=1,
                        )
                    ),
                }
            )
        ),
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
        "entries": req(
            ListOf(
                Record(
                    {
                        "id": req(Id()),
                        "where": req(Text("the place in the document, e.g. 第6章 1.(6) 本文")),
                        "page": opt(Integer("page of the published document", minimum=1)),
                        "file": opt(
                            Text("the source file that now holds the corrected text, relative to the project root")
                        ),
                        "wrong": req(Text("誤: as the document printed it")),
                        "right": req(Text("正: as it stands now")),
                        "kind": req(
                            Text(
                                "the kind of mistake",
                                enum=(
                                    "wrong-script",
                                    "old-form",
                                    "typo",
                                    "glossary-spelling",
                                    "missing-term",
                                    "glossary-order",
                                    "marker",
                                    "other",
                                ),
                            )
                        ),
                        "reason": req(Text("why, in one sentence")),
                    }
                )
            )
        )
    },
    "plan/errata.yaml: the 正誤表, every deliberate difference from the published text",
    "kplan errata",
)

HYOKI = Record(
    {
        "version": opt(Integer("the prh dictionary format version: 1", minimum=1)),
        "rules": req(
            ListOf(
                Record(
                    {
                        "expected": req(Text("the spelling to use; with a /regex/ pattern, $1… stand for its groups")),
                        "patterns": req(
                            ListOf(
                                Text("a spelling to replace by expected; /…/ for a regular expression"),
                                "spellings to replace",
                                min_items=1,
                            )
                        ),
                        "prh": opt(Text("why: shown with each finding")),
                        "specs": opt(
                            ListOf(
                                Record(
                                    {
                                        "from": req(Text("a text")),
                                        "to": req(Text("the text after the rule is applied")),
                                    }
                                ),
                                "examples that kplan checks when it reads the dictionary",
                            )
                        ),
                    }
                ),
                "the rules, each an expected spelling and the patterns to replace",
                min_items=1,
            )
        ),
    },
    "plan/hyoki.yaml: the 表記ゆれ dictionary (prh style), optional; kplan lint's style-dictionary rule reads it",
    "kplan 表記ゆれ dictionary",
)

SHAPES = {
    "plan": PLAN,
    "chapter": CHAPTER_FRONT_MATTER,
    "measure": MEASURE,
    "records": RECORDS,
    "indicators": INDICATORS,
    "glossary": GLOSSARY,
    "survey": SURVEY,
    "public-comment": PUBLIC_COMMENT,
    "errata": ERRATA,
    "hyoki": HYOKI,
}
