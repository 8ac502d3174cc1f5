"""What every part of a load shares: the project, the diagnostics, the text builder, and the ids seen so far."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from kplan.diagnostics import Collector, Diagnostic, Loc
from kplan.load import shapes
from kplan.load.limits import MAX_FILE_BYTES, MAX_PATH_CHARS, over_limit
from kplan.load.spec import INVALID, Rec, Seq, Spec, validate
from kplan.load.yamlsafe import compose, read_text, report_slips
from kplan.messages import Msg
from kplan.model.components import MeasureRef
from kplan.model.conventions import Conventions
from kplan.model.text import RichText, Str
from kplan.project import OutsideProjectError, Project
from kplan.resolve import TermIndex, TextBuilder

MEASURES_DIR = "plan/measures"


class LoadContext(Struct):
    """The state of one load. Parts are read through it so that every problem lands in one collector."""

    project: Project
    problems: Collector = field(default_factory=Collector)
    builder: TextBuilder = field(default_factory=lambda: TextBuilder(TermIndex(())))
    conventions: Conventions = field(default_factory=Conventions)
    # a source that failed to load makes cross-file checks (references, placement) unreliable: they are skipped
    partial: bool = False
    placed: dict[str, Loc] = field(default_factory=dict)  # measure id → where its fence stands
    references: list[MeasureRef] = field(default_factory=list)  # measure references of record tables
    ids: dict[str, dict[str, Loc]] = field(default_factory=dict)  # namespace → id → first place
    # validated YAML by (text, file, shape, offsets), kept between loads by a caller that loads again and again
    yaml_memo: dict[tuple[str, str, int, int, int], tuple[Any, list[Diagnostic], list[Diagnostic]]] | None = None

    # ---- files --------------------------------------------------------------------------------------------

    def path(self, rel: str, loc: Loc, key: str) -> Path | None:
        """The file a source names (root-relative), or None with load.path-outside when it leaves the project."""
        if len(rel) > MAX_PATH_CHARS or any(ord(c) < 0x20 or c == "\x7f" for c in rel):
            path = rel[:80] + ("…" if len(rel) > 80 else "")
            self.problems.error(loc, "load.path-invalid", key=key, path=path, limit=MAX_PATH_CHARS)
            self.partial = True
            return None
        try:
            return self.project.source_path(rel)
        except OutsideProjectError:
            self.problems.error(loc, "load.path-outside", key=key, path=rel)
            self.partial = True
            return None
        except OSError as error:
            self.problems.error(
                loc, "load.path-invalid/unresolvable", key=key, path=rel, reason=error.strerror or error
            )
            self.partial = True
            return None

    def read(self, rel: str, loc: Loc | None = None, key: str = "path") -> str | None:
        """A source file's text (UTF-8, BOM removed), or None with the problem recorded."""
        path = self.path(rel, loc or Loc(rel), key)
        if path is None:
            return None
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0  # read_text reports why it cannot be read
        if size > MAX_FILE_BYTES:
            self._too_large(rel, Msg("load.too-large/bytes", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
            return None
        text = read_text(path, rel, self.problems)
        if text is not None and (over := over_limit(text, rel.endswith(".md"))):
            self._too_large(rel, over)
            return None
        self.partial |= text is None
        return text

    def _too_large(self, rel: str, detail: Msg) -> None:
        self.problems.error(Loc(rel), "load.too-large", detail=detail)
        self.partial = True

    def read_yaml(self, rel: str, shape: Spec, loc: Loc | None = None, key: str = "path") -> Any:
        """A YAML source validated against its shape: Rec/Seq values, or INVALID with the problems recorded."""
        text = self.read(rel, loc, key)
        return INVALID if text is None else self.yaml_text(text, rel, shape)

    def yaml_text(self, text: str, rel: str, shape: Spec, line_offset: int = 0, column_offset: int = 0) -> Any:
        """YAML text (a file, or a fence body standing at `line_offset` in its file) validated against a shape.
        With a `yaml_memo` (kplan.live keeps one between loads), text seen before is not parsed again: its value
        and its diagnostics are taken from the memo (validated values are never changed after validation)."""
        key = (text, rel, id(shape), line_offset, column_offset)
        if self.yaml_memo is not None and key in self.yaml_memo:
            value, problems, warnings = self.yaml_memo[key]
            self.problems.problems += problems
            self.problems.warnings += warnings
        else:
            before = len(self.problems.problems), len(self.problems.warnings)
            node = compose(text, rel, self.problems, line_offset, column_offset)
            value = (
                INVALID if node is None else validate(node, shape, rel, self.problems, line_offset, text, column_offset)
            )
            if node is not None and value is INVALID:  # a slip that still parsed (ー for -) shows as a wrong type
                report_slips(text, rel, self.problems, line_offset, column_offset)
            if self.yaml_memo is not None:
                new = self.problems.problems[before[0] :], self.problems.warnings[before[1] :]
                self.yaml_memo[key] = (value, *new)
        self.partial |= value is INVALID
        return value

    def measure_file(self, measure_id: str) -> str:
        return f"{MEASURES_DIR}/{measure_id}.yaml"

    # ---- text ---------------------------------------------------------------------------------------------

    def rich(self, value: Str, builder: TextBuilder | None = None) -> RichText:
        """A one-line YAML value as RichText (※ markers resolved), at the value's own location."""
        return (builder or self.builder).line(value, value.loc)

    def rich_list(self, values: Seq | None, builder: TextBuilder | None = None) -> tuple[RichText, ...]:
        if not values:
            return ()
        return tuple(self.rich(value, builder) for value in values)

    def prose(self, rec: Rec, key: str) -> tuple[Any, ...]:
        """A Markdown field without headings or directives: paragraphs, lists and tables."""
        from kplan.load.markdown import parse

        if key not in rec:
            return ()
        value = rec[key]
        return tuple(parse(value, value.loc, self.builder, self.problems, headings=False, directives=False))

    # ---- ids ----------------------------------------------------------------------------------------------

    def unique(self, items: Iterable[tuple[str, Loc]], namespace: str) -> None:
        """Record ids in a namespace ("part id", "group id of table T" …: load.duplicate-id/part-id names it); a
        second use of one gets load.duplicate-id."""
        seen = self.ids.setdefault(namespace, {})
        kind, _, table = namespace.partition(" of table ")
        what = Msg(f"load.duplicate-id/{kind.replace(' ', '-')}", **({"table": table} if table else {}))
        for item_id, loc in items:
            if not item_id:
                continue
            if item_id in seen:
                self.problems.error(loc, "load.duplicate-id", what=what, id=item_id, first=seen[item_id])
            else:
                seen[item_id] = loc


def suggest(name: str, known: Iterable[str], otherwise: Msg) -> Msg:
    """A 'did you mean' hint for a misspelt id, else `otherwise`."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return Msg("word.did-you-mean", name=close[0]) if close else otherwise


__all__ = ["INVALID", "LoadContext", "MEASURES_DIR", "shapes", "suggest"]
