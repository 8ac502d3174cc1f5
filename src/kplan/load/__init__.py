"""Load plan/ and glossary/ into the model, reporting every problem with its file, line and column."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kplan.load import shapes
from kplan.load.markdown import Heading, parse
from kplan.load.spec import INVALID, Rec, validate
from kplan.load.yamlsafe import compose, read_text
from kplan.model import (
    Block,
    Chapter,
    Chart,
    CommentCategory,
    Erratum,
    Figure,
    FreeComments,
    Glossary,
    Measure,
    MeasureGroup,
    MeasureRef,
    Meta,
    Plan,
    ProgressGroup,
    ProgressRow,
    ProgressTable,
    PublicComment,
    Publisher,
    Question,
    RichText,
    Section,
    StatedResult,
    Survey,
    SurveySection,
    Term,
)
from kplan.problems import Collector, Loc, SourceError
from kplan.resolve import TermIndex, TextBuilder

PLAN_FILE = "plan/plan.yaml"
GLOSSARY_FILE = "glossary/glossary.yaml"
APPENDIX_FILES = {"survey": "plan/survey.yaml", "public-comment": "plan/public-comment.yaml"}
MEASURES_DIR = "plan/measures"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def load_plan(root: Path) -> Plan:
    """Read the whole plan under `root`; raise SourceError listing every problem when it cannot be read."""
    return _Loader(root).load()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems = Collector()
        self.builder = TextBuilder(TermIndex(()))
        # a source that failed to load makes cross-file checks (references, numbering) unreliable: skip them
        self.partial = False

    # ---- files ------------------------------------------------------------------------------------------

    def read_yaml(self, rel: str, shape_name: str) -> Any:
        text = read_text(self.root / rel, rel, self.problems)
        node = None if text is None else compose(text, rel, self.problems)
        shape = shapes.SHAPES[shape_name]
        value = INVALID if node is None else validate(node, shape, rel, self.problems, source=text or "")
        self.partial |= value is INVALID
        return value

    def rich(self, rec: Rec, key: str) -> RichText:
        return self.builder.line(rec[key], rec.loc_of(key))

    def rich_list(self, seq: Iterable[str] | None) -> tuple[RichText, ...]:
        if not seq:
            return ()
        return tuple(self.builder.line(text, loc) for text, loc in zip(seq, seq.locs, strict=True))  # type: ignore[attr-defined]

    def prose(self, rec: Rec, key: str) -> tuple[Block, ...]:
        if key not in rec:
            return ()
        blocks = parse(rec[key], rec.loc_of(key), self.builder, self.problems, headings=False)
        return tuple(b for b in blocks if not isinstance(b, Heading))

    # ---- the whole --------------------------------------------------------------------------------------

    def load(self) -> Plan:
        plan = self.read_yaml(PLAN_FILE, "plan")
        glossary = self.load_glossary()
        if plan is INVALID:
            raise SourceError(self.problems.problems)
        meta = self.meta(plan)
        measures = self.load_measures()
        chapters = tuple(self.load_chapter(number, rel, loc, measures)
                         for number, (rel, loc) in enumerate(zip(plan["chapters"], plan["chapters"].locs,
                                                                  strict=True), start=1))
        appendices = tuple(plan.get("appendices", ()))
        survey = self.load_survey() if "survey" in appendices else None
        public_comment = self.load_public_comment() if "public-comment" in appendices else None
        errata = self.load_errata(plan)
        self.check_measures_placed(measures, chapters)
        self.check_unique_ids(chapters, glossary)
        self.problems.raise_if_any()
        return Plan(self.root, meta, chapters, appendices, glossary, survey, public_comment, errata,
                    tuple(sorted(self.problems.warnings, key=lambda p: p.loc)))

    def meta(self, plan: Rec) -> Meta:
        dates, period, publisher = plan["dates"], plan["period"], plan["publisher"]
        if period["from"] > period["to"]:
            self.problems.add(period.loc, "the plan period ends before it starts", "check period: from and to")
        return Meta(
            municipality=plan["municipality"],
            title=plan["title"],
            subtitle=plan.get("subtitle"),
            edition=plan["edition"],
            reconstructed=plan.get("reconstructed"),
            status=plan["status"],
            established=dates["established"],
            revised=dates["revised"],
            period=(period["from"], period["to"]),
            publisher=Publisher(publisher["organization"], publisher["department"], publisher["address"],
                                publisher.get("phone")),
            volume=plan.get("volume"),
            loc=plan.loc,
        )

    # ---- glossary ---------------------------------------------------------------------------------------

    def load_glossary(self) -> Glossary:
        data = self.read_yaml(GLOSSARY_FILE, "glossary")
        if data is INVALID:
            return Glossary("用語解説", None, (), Loc(GLOSSARY_FILE))
        terms = data["terms"]
        spellings = [(t["term"], t["id"]) for t in terms]
        spellings += [(alias, t["id"]) for t in terms for alias in t.get("aliases", ())]
        self.builder = TextBuilder(TermIndex(spellings))
        self.unique(((t["id"], t.loc_of("id")) for t in terms), "term id")
        return Glossary(
            title=data["title"],
            note=data.get("note"),
            terms=tuple(Term(t["id"], t["term"], t["reading"], tuple(t.get("aliases", ())),
                             self.rich(t, "definition"), t.loc) for t in terms),
            loc=data.loc,
        )

    # ---- chapters ---------------------------------------------------------------------------------------

    def load_chapter(self, number: int, rel_in_plan: str, loc: Loc, measures: dict[str, Measure]) -> Chapter:
        rel = f"plan/{rel_in_plan}"
        partial_before = self.partial
        empty = Chapter(f"chapter-{number}", number, "", (), (), None, (), Loc(rel))
        self.partial = True  # until the chapter has loaded
        if not rel.endswith(".md"):
            self.problems.add(loc, f"a chapter must be a Markdown file: {rel_in_plan}", "name it …/NN-name.md")
            return empty
        text = read_text(self.root / rel, rel, self.problems)
        if text is None:
            return empty
        match = FRONT_MATTER.match(text)
        if not match or not match[1]:
            self.problems.add(Loc(rel), "the chapter has no front matter",
                              "start the file with ---, then id: and title:, then ---")
            return empty
        node = compose(match[1], rel, self.problems, line_offset=1)
        front = INVALID if node is None else validate(node, shapes.CHAPTER_FRONT_MATTER, rel, self.problems, 1,
                                                      match[1])
        if front is INVALID:
            return empty
        body_line = match[0].count("\n") + 1
        blocks = parse(text[match.end():], Loc(rel, body_line), self.builder, self.problems, headings=True)
        intro, sections = self.sections(blocks, rel)
        self.partial = partial_before
        progress = self.load_progress(front, measures) if "progress_table" in front else None
        groups = self.measure_groups(front, measures) if "measure_groups" in front else ()
        return Chapter(front["id"], number, front["title"], intro, sections, progress, groups, front.loc)

    def sections(self, blocks: list, rel: str) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
        intro: list[Block] = []
        tops: list[dict] = []
        for block in blocks:
            if isinstance(block, Heading):
                entry = {"heading": block, "blocks": [], "subs": []}
                if block.level == 1 or not tops:
                    if block.level == 2:
                        self.problems.add(block.loc, "a subsection (###) before any section (##)",
                                          "add a ## section heading above it")
                    tops.append(entry)
                else:
                    tops[-1]["subs"].append(entry)
            elif not tops:
                intro.append(block)
            else:
                target = tops[-1]["subs"][-1] if tops[-1]["subs"] else tops[-1]
                target["blocks"].append(block)

        def make(entry: dict, level: int, number: int) -> Section:
            heading: Heading = entry["heading"]
            subs = tuple(make(sub, 2, n) for n, sub in enumerate(entry["subs"], start=1))
            return Section(heading.id, level, number, heading.title, tuple(entry["blocks"]), subs, heading.loc)

        return tuple(intro), tuple(make(entry, 1, n) for n, entry in enumerate(tops, start=1))

    # ---- measures ---------------------------------------------------------------------------------------

    def load_measures(self) -> dict[str, Measure]:
        directory = self.root / MEASURES_DIR
        measures: dict[str, Measure] = {}
        seen: dict[str, Loc] = {}
        for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else ():
            rel = f"{MEASURES_DIR}/{path.name}"
            data = self.read_yaml(rel, "measure")
            if data is INVALID:
                continue
            group, number = (int(x) for x in re.findall(r"\d+", data["number"]))
            if data["id"] in seen:
                self.problems.add(data.loc_of("id"), f"duplicate measure id {data['id']!r}",
                                  f"already used in {seen[data['id']]}")
                continue
            seen[data["id"]] = data.loc_of("id")
            figure = None
            if "figure" in data:
                fig = data["figure"]
                figure = Figure(fig["caption"], self.rich_list(fig.get("labels")), fig.loc)
            measures[data["id"]] = Measure(
                id=data["id"], group=group, number=number, title=data["title"],
                priority=data.get("priority", False), added_in=data.get("added_in"),
                body=self.prose(data, "body"), actions=self.rich_list(data["actions"]),
                figure=figure, loc=data.loc,
            )
        return measures

    def measure_groups(self, front: Rec, measures: dict[str, Measure]) -> tuple[MeasureGroup, ...]:
        groups = []
        for number, (group, loc) in enumerate(zip(front["measure_groups"], front["measure_groups"].locs,
                                                  strict=True), start=1):
            members = sorted((m for m in measures.values() if m.group == number), key=lambda m: m.number)
            for expected, measure in enumerate(members, start=1):
                if measure.number != expected and not self.partial:
                    self.problems.add(measure.loc, f"measure {measure.label} breaks the numbering of group {number}",
                                      f"expected {number}-({expected}); numbers run 1, 2, 3… without gaps or repeats")
                    break
            groups.append(MeasureGroup(group["id"], number, group["title"], tuple(members), loc))
        return tuple(groups)

    def check_measures_placed(self, measures: dict[str, Measure], chapters: tuple[Chapter, ...]) -> None:
        if self.partial:
            return
        placed = {m.id for c in chapters for g in c.measure_groups for m in g.measures}
        for measure in measures.values():
            if measure.id not in placed:
                self.problems.add(measure.loc, f"measure {measure.label} belongs to no group",
                                  "its group number must match a group in chapter 6's measure_groups")

    def load_progress(self, front: Rec, measures: dict[str, Measure]) -> ProgressTable | None:
        rel = f"plan/{front['progress_table']}"
        data = self.read_yaml(rel, "progress")
        if data is INVALID:
            return None
        groups = []
        for group in data["groups"]:
            rows = []
            for row in group["rows"]:
                refs = []
                for ref in row["measures"]:
                    if ref["measure"] not in measures and not self.partial:
                        self.problems.add(ref.loc_of("measure"), f"no measure has the id {ref['measure']!r}",
                                          _suggest(ref["measure"], measures))
                    refs.append(MeasureRef(ref["measure"], ref.get("label"), ref.loc))
                rows.append(ProgressRow(row["id"], self.rich(row, "earlier"), tuple(refs),
                                        self.rich_list(row["status"]), row.loc))
            groups.append(ProgressGroup(group["id"], group["label"], group["title"], tuple(rows), group.loc))
        self.unique(((r.id, r.loc) for g in groups for r in g.rows), "table row id")
        columns = data["columns"]
        return ProgressTable(columns["earlier"], columns["measures"], columns["status"], tuple(groups), data.loc)

    # ---- appendices -------------------------------------------------------------------------------------

    def load_survey(self) -> Survey | None:
        data = self.read_yaml(APPENDIX_FILES["survey"], "survey")
        if data is INVALID:
            return None
        overview, respondents = data["overview"], data["respondents"]
        sections = tuple(
            SurveySection(s["id"], n, s["title"], tuple(self.question(q) for q in s["questions"]), s.loc)
            for n, s in enumerate(data["sections"], start=1)
        )
        free = None
        if "free_comments" in data:
            fc = data["free_comments"]
            free = FreeComments(
                section_id=fc["section"]["id"], section_number=len(sections) + 1,
                section_title=fc["section"]["title"], question_id=fc["question"]["id"],
                question_number=fc["question"]["number"], question=self.rich(fc["question"], "text"),
                notes=tuple(fc.get("notes", ())),
                categories=tuple(CommentCategory(c["id"], c["title"], self.rich_list(c["comments"]), c.loc)
                                 for c in fc["categories"]),
                loc=fc.loc,
            )
        questions = [(q.id, q.loc) for s in sections for q in s.questions]
        self.unique(questions + ([(free.question_id, free.loc)] if free else []), "survey question id")
        return Survey(
            id=data["id"], title=data["title"], intro=self.prose(data, "intro"),
            overview_title=overview["title"], period=(overview["period"]["from"], overview["period"]["to"]),
            method=overview["method"], responses=overview["responses"],
            respondents_title=respondents["title"], respondents_text=self.prose(respondents, "text"),
            respondents_results=_results(respondents.get("results", ())), respondents_note=respondents.get("note"),
            results_title=data["results_title"], sections=sections, free_comments=free, loc=data.loc,
        )

    def question(self, q: Rec) -> Question:
        chart = None
        if "chart" in q:
            c = q["chart"]
            chart = Chart(c.get("title"), c.get("n"), _results(c["results"]), c.get("note"))
        return Question(q["id"], q["number"], self.rich(q, "text"), q.get("choice"), self.prose(q, "summary"),
                        chart, self.rich_list(q.get("other_answers")), q.loc)

    def load_public_comment(self) -> PublicComment | None:
        data = self.read_yaml(APPENDIX_FILES["public-comment"], "public-comment")
        if data is INVALID:
            return None
        return PublicComment(
            id=data["id"], title=data["title"], intro=self.prose(data, "intro"),
            overview_title=data["overview_title"], period=(data["period"]["from"], data["period"]["to"]),
            venues_text=data["venues_text"], venues=tuple(data["venues"]),
            comments_received=data["comments_received"], loc=data.loc,
        )

    def load_errata(self, plan: Rec) -> tuple[Erratum, ...]:
        if "errata" not in plan:
            return ()
        data = self.read_yaml(f"plan/{plan['errata']}", "errata")
        if data is INVALID:
            return ()
        entries = tuple(Erratum(e["id"], e["where"], e.get("page"), e.get("file"), e["wrong"], e["right"],
                                e["kind"], e["reason"], e.loc) for e in data["entries"])
        self.unique(((e.id, e.loc) for e in entries), "errata id")
        return entries

    # ---- consistency ------------------------------------------------------------------------------------

    def unique(self, items: Iterable[tuple[str, Loc]], kind: str) -> None:
        seen: dict[str, Loc] = {}
        for item_id, loc in items:
            if item_id in seen:
                self.problems.add(loc, f"duplicate {kind} {item_id!r}",
                                  f"already used at {seen[item_id]}; ids must be unique")
            else:
                seen[item_id] = loc

    def check_unique_ids(self, chapters: tuple[Chapter, ...], glossary: Glossary) -> None:
        self.unique(((c.id, c.loc) for c in chapters if c.title), "chapter id")
        sections = [(s.id, s.loc) for c in chapters for s in c.sections]
        sections += [(sub.id, sub.loc) for c in chapters for s in c.sections for sub in s.subsections]
        self.unique(((i, loc) for i, loc in sections if i), "section id")
        self.unique(((g.id, g.loc) for c in chapters for g in c.measure_groups), "measure group id")


def _results(seq: Iterable[Rec]) -> tuple[StatedResult, ...]:
    return tuple(StatedResult(r["label"], r["percent"]) for r in seq)


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean {close[0]!r}?" if close else "use the id of a file in plan/measures/"


__all__ = ["load_plan", "SourceError", "PLAN_FILE"]
