"""kplan fmt: the YAML sources in canonical form.

Canonical means: the keys of every mapping in the order the schema (kplan.load.shapes) declares them, and the
用語解説 sorted by kplan.kana.sort_key (Latin terms A–Z, then 50音順 by reading) when its `order` is kana (the
default; `as-written` is never reordered). Everything else stays as the
editor wrote it: the documents go through ruamel.yaml's round trip, which keeps comments, quoting, indentation,
flow style and line endings. The front matter of each chapter is formatted the same way; Markdown bodies are not
touched. The plan must load first, so that fmt never rewrites a file it cannot read; and a file whose rewrite the
loader would read differently (kplan.load.reading), or that ruamel.yaml reads otherwise than the loader, is
refused with its place, not written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kplan.diagnostics import Collector, Exit, Loc
from kplan.kana import sort_key
from kplan.load import shapes
from kplan.load.spec import ListOf, MapOf, Nullable, Record, Spec
from kplan.messages import Msg, text
from kplan.problems import SourceError

EXIT_CLEAN, EXIT_WOULD_CHANGE, EXIT_UNREADABLE = int(Exit.OK), int(Exit.FINDINGS), int(Exit.UNREADABLE)


def fmt_command(root: Path, check: bool) -> int:
    try:
        changes = canonical_changes(root)
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(text("cli.unreadable", count=len(error.problems)), file=sys.stderr)
        return EXIT_UNREADABLE
    if check:
        for rel in changes:
            print(rel)
        if changes:
            print(text("fmt.would-change", count=len(changes)), file=sys.stderr)
        return EXIT_WOULD_CHANGE if changes else EXIT_CLEAN
    from kplan.yamlrt import write_source

    for rel, (canonical, bom) in changes.items():
        write_source(root / rel, canonical, bom)
        print(text("fmt.formatted", file=rel))
    return EXIT_CLEAN


class RewriteRefusedError(Exception):
    """A file fmt must not rewrite: the message (a fmt.unsafe entry) says why, `line` and `column` (1-based) where."""

    def __init__(self, message: Msg, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.said = message
        self.line = line
        self.column = column

    @property
    def hint(self) -> str:
        return self.said.hint


def canonical_changes(root: Path) -> dict[str, tuple[str, bool]]:
    """Each file whose canonical form differs → (canonical text, whether it starts with a byte-order mark).
    SourceError with every file that cannot be rewritten safely."""
    from kplan.yamlrt import read_source

    changes = {}
    problems = Collector()
    for rel, shape in source_files(root):
        text, bom = read_source(root / rel)
        try:
            canonical = canonical_markdown(text) if rel.endswith(".md") else canonical_yaml(text, shape, rel)
        except RewriteRefusedError as refused:
            problems.add(Loc(rel, refused.line, refused.column), refused.said, code="fmt.unsafe")
            continue
        if canonical != text:
            changes[rel] = (canonical, bom)
    problems.raise_if_any()
    return changes


def source_files(root: Path) -> list[tuple[str, Record]]:
    """The YAML sources (and chapters, for their front matter) of a plan that loads, with their shapes."""
    from kplan.lint.hyoki import DICTIONARY_FILE, load_dictionary
    from kplan.load import PLAN_FILE, load_plan
    from kplan.model import IndicatorTable, RecordTable
    from kplan.model.visit import components

    plan = load_plan(root)
    files: dict[str, Record] = {PLAN_FILE: shapes.PLAN}
    for chapter in plan.chapters:
        files[chapter.loc.file] = shapes.CHAPTER_FRONT_MATTER
    measure_files = {measure.loc.file for measure in plan.measures}
    for _, _, component in components(plan):
        file = component.loc.file
        if isinstance(component, RecordTable):
            files.setdefault(file, shapes.RECORDS)
        elif isinstance(component, IndicatorTable) and file.endswith(".yaml") and file not in measure_files:
            files.setdefault(file, shapes.INDICATORS)
    for file in sorted(measure_files):
        files[file] = shapes.MEASURE
    for part in plan.parts:
        if part.kind in ("glossary", "survey", "public-comment"):
            files[part.loc.file] = {
                "glossary": shapes.GLOSSARY,
                "survey": shapes.SURVEY,
                "public-comment": shapes.PUBLIC_COMMENT,
            }[part.kind]
    if plan.errata:
        files[plan.errata[0].loc.file] = shapes.ERRATA
    if (root / DICTIONARY_FILE).is_file():
        load_dictionary(root)  # the loader's own message for a malformed dictionary, before any rewrite
        files[DICTIONARY_FILE] = shapes.HYOKI
    return list(files.items())


def canonical_yaml(text: str, shape: Record, rel: str = "") -> str:
    """The canonical form of a YAML text; RewriteRefusedError when it cannot be rewritten without changing it."""
    from kplan.load.reading import ReadingError, first_difference
    from kplan.yamlrt import dump, round_trip

    try:
        yaml, data = round_trip(text)
        if not isinstance(data, dict):
            return text
        _order_keys(data, shape)
        sorted_terms = shape is shapes.GLOSSARY and isinstance(data.get("terms"), list)
        if sorted_terms and data.get("order", "kana") == "kana":
            _sort_terms(data["terms"])
        canonical = dump(yaml, data, text)
    except Exception as error:  # ruamel's parser and constructors raise many kinds: none may escape as a traceback
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RewriteRefusedError(Msg("fmt.unsafe/ruamel", problem=problem), line, column) from None
    if canonical == text:
        return text
    try:
        where = first_difference(text, canonical, unordered={"terms"} if sorted_terms else ())
    except ReadingError as error:
        where = (error.line, error.column)
    if where is not None:
        raise RewriteRefusedError(Msg("fmt.unsafe"), *where)
    return canonical


def canonical_markdown(text: str) -> str:
    """A chapter with its front matter in canonical form; the body as it is."""
    from kplan.load import FRONT_MATTER

    match = FRONT_MATTER.match(text)
    if not match or not match[1]:
        return text
    try:
        front = canonical_yaml(match[1], shapes.CHAPTER_FRONT_MATTER)
    except RewriteRefusedError as refused:
        refused.line += text.count("\n", 0, match.start(1))
        raise
    return text[: match.start(1)] + front + text[match.end(1) :]


def _order_keys(node: Any, spec: Spec) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(spec, Nullable):
        spec = spec.inner
    if isinstance(spec, Record) and isinstance(node, CommentedMap):
        order = list(spec.fields)
        keys = list(node.keys())
        wanted = sorted(keys, key=lambda key: order.index(key) if key in order else len(order))
        if wanted != keys:
            for key in wanted:
                node.move_to_end(key)
        for key, value in node.items():
            if key in spec.fields:
                _order_keys(value, spec.fields[key].spec)
    elif isinstance(spec, ListOf) and isinstance(node, CommentedSeq):
        for item in node:
            _order_keys(item, spec.item)
    elif isinstance(spec, MapOf) and isinstance(node, CommentedMap):
        for value in node.values():
            _order_keys(value, spec.value)


def _sort_terms(terms: Any) -> None:
    """Sort the glossary's entries in place, moving the comments attached to each entry with it."""

    def key(index: int) -> tuple:
        entry = terms[index]
        return sort_key(str(entry.get("term", "")), str(entry.get("reading", "")))

    order = sorted(range(len(terms)), key=key)
    if order == list(range(len(terms))):
        return
    entries = [terms[index] for index in order]
    comments = {new: terms.ca.items[old] for new, old in enumerate(order) if old in terms.ca.items}
    for index, entry in enumerate(entries):
        terms[index] = entry
    terms.ca.items.clear()
    terms.ca.items.update(comments)
