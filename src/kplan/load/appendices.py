"""The special parts: the glossary (which also resolves ※ markers), the survey, the public-comment record, and
the errata of the plan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from kplan.diagnostics import Loc
from kplan.load import shapes
from kplan.load.context import LoadContext
from kplan.load.spec import INVALID, Rec
from kplan.model.parts import (
    Chart,
    CommentCategory,
    FreeComments,
    Glossary,
    PublicComment,
    Question,
    StatedResult,
    Survey,
    SurveySection,
    Term,
)
from kplan.model.plan import Erratum
from kplan.resolve import TermIndex, TextBuilder

LATIN_ONLY = re.compile(r"[A-Za-z0-9 .\-&/+]+")


def _part_id(rel: str) -> str:
    return PurePosixPath(rel).stem


# ---- glossary -------------------------------------------------------------------------------------------------


def read_glossary(ctx: LoadContext, rel: str, loc: Loc) -> Rec | None:
    """The glossary file validated; its terms also make the index ※ markers resolve against (set on ctx)."""
    data = ctx.read_yaml(rel, shapes.GLOSSARY, loc, "glossary")
    if data is INVALID:
        return None
    assert isinstance(data, Rec)  # the glossary shape is a Record
    terms = data["terms"]
    spellings = [(str(t["term"]), str(t["id"])) for t in terms]
    spellings += [(str(alias), str(t["id"])) for t in terms for alias in t.get("aliases", ())]
    ctx.builder = TextBuilder(TermIndex(spellings))
    for term in terms:
        if "reading" not in term and not LATIN_ONLY.fullmatch(str(term["term"])):
            ctx.problems.error(term.loc, "load.missing-key/reading", term=term["term"])
    ctx.unique(((str(t["id"]), t.loc_of("id")) for t in terms), "term id")
    return data


def glossary(ctx: LoadContext, data: Rec, rel: str) -> Glossary:
    """The glossary part; definitions resolve ※ markers against the whole glossary."""
    drafted = ctx.builder.as_drafted()
    terms = tuple(
        Term(
            id=str(t["id"]),
            term=t["term"],
            reading=t.get("reading"),
            aliases=tuple(t.get("aliases", ())),
            definition=ctx.rich(t["definition"], drafted if t.get("drafted") else None),
            loc=t.loc,
            reading_confirmed=t.get("reading_confirmed", True),
        )
        for t in data["terms"]
    )
    return Glossary(_part_id(rel), data["title"], data.get("note"), str(data.get("order", "kana")), terms, data.loc)


# ---- survey ---------------------------------------------------------------------------------------------------


def load_survey(ctx: LoadContext, rel: str, loc: Loc) -> Survey | None:
    data = ctx.read_yaml(rel, shapes.SURVEY, loc, "survey")
    if data is INVALID:
        return None
    overview, respondents = data["overview"], data["respondents"]
    sections = tuple(
        SurveySection(str(s["id"]), n, s["title"], tuple(_question(ctx, q) for q in s["questions"]), s.loc)
        for n, s in enumerate(data["sections"], start=1)
    )
    free = _free_comments(ctx, data["free_comments"], len(sections) + 1) if "free_comments" in data else None
    questions = [(q.id, q.loc) for s in sections for q in s.questions]
    ctx.unique(questions + ([(free.question_id, free.loc)] if free else []), "survey question id")
    return Survey(
        id=str(data["id"]),
        title=data["title"],
        intro=ctx.prose(data, "intro"),
        overview_title=overview["title"],
        period=(overview["period"]["from"], overview["period"]["to"]),
        method=overview["method"],
        responses=overview["responses"],
        respondents_title=respondents["title"],
        respondents_text=ctx.prose(respondents, "text"),
        respondents_results=_results(respondents.get("results", ())),
        respondents_caption=respondents.get("results_caption"),
        respondents_note=respondents.get("note"),
        results_title=data["results_title"],
        sections=sections,
        free_comments=free,
        loc=data.loc,
    )


def _question(ctx: LoadContext, q: Rec) -> Question:
    chart = None
    if "chart" in q:
        c = q["chart"]
        chart = Chart(c.get("title"), c.get("n"), _results(c["results"]), c.get("note"))
    return Question(
        str(q["id"]),
        q["number"],
        ctx.rich(q["text"]),
        q.get("choice"),
        ctx.prose(q, "summary"),
        chart,
        ctx.rich_list(q.get("other_answers")),
        q.loc,
    )


def _free_comments(ctx: LoadContext, fc: Rec, section_number: int) -> FreeComments:
    return FreeComments(
        section_id=str(fc["section"]["id"]),
        section_number=section_number,
        section_title=fc["section"]["title"],
        question_id=str(fc["question"]["id"]),
        question_number=fc["question"]["number"],
        question=ctx.rich(fc["question"]["text"]),
        notes=tuple(fc.get("notes", ())),
        categories=tuple(
            CommentCategory(str(c["id"]), c["title"], ctx.rich_list(c["comments"]), c.loc) for c in fc["categories"]
        ),
        loc=fc.loc,
    )


def _results(seq: Iterable[Rec]) -> tuple[StatedResult, ...]:
    return tuple(StatedResult(r["label"], r["percent"]) for r in seq)


# ---- public comment -------------------------------------------------------------------------------------------


def load_public_comment(ctx: LoadContext, rel: str, loc: Loc) -> PublicComment | None:
    data = ctx.read_yaml(rel, shapes.PUBLIC_COMMENT, loc, "public-comment")
    if data is INVALID:
        return None
    return PublicComment(
        id=str(data["id"]),
        title=data["title"],
        intro=ctx.prose(data, "intro"),
        overview_title=data["overview_title"],
        period=(data["period"]["from"], data["period"]["to"]),
        venues_text=data["venues_text"],
        venues=tuple(data["venues"]),
        comments_received=data["comments_received"],
        loc=data.loc,
    )


# ---- errata ---------------------------------------------------------------------------------------------------


def load_errata(ctx: LoadContext, rel: str, loc: Loc) -> tuple[Erratum, ...]:
    data = ctx.read_yaml(rel, shapes.ERRATA, loc, "errata")
    if data is INVALID:
        return ()
    entries = []
    for e in data["entries"]:
        if "file" in e:
            ctx.path(str(e["file"]), e.loc_of("file"), "file")
        entries.append(
            Erratum(
                str(e["id"]),
                e["where"],
                e.get("page"),
                str(e["file"]) if "file" in e else None,
                e["wrong"],
                e["right"],
                str(e["kind"]),
                e["reason"],
                e.loc,
            )
        )
    ctx.unique(((e.id, e.loc) for e in entries), "errata id")
    return tuple(entries)
