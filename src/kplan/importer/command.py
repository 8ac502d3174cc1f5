"""`kplan import FILE [DIR]`: read a Word or Markdown document, recognise its structure, write a new plan (all
or nothing, as kplan init does), check that it loads, and report. The only module of the importer that prints."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from kplan.diagnostics import DiagnosticError, Exit
from kplan.importer import cleanup, structure
from kplan.importer.container import read_input
from kplan.importer.document import Document
from kplan.importer.errors import CannotImportError
from kplan.importer.writer import Written, write_plan
from kplan.messages import Msg

MARKDOWN = (".md", ".markdown")
WORD = (".docx",)


def default_directory(source: Path) -> Path:
    """Where the plan goes when no DIR is given: a new directory named after the file, in the current one."""
    return Path.cwd() / (source.stem or "plan")


def run_import(
    source: Path,
    directory: Path | None = None,
    municipality: str | None = None,
    title: str | None = None,
    measures: tuple[str, ...] = (),
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Import `source` into `directory`; print the report (or one error line) and return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    target = directory or default_directory(source)
    try:
        written, lint = _import(source, target, municipality, title, measures)
    except CannotImportError as failure:
        err.write(failure.line(str(source)) + "\n")
        return int(Exit.UNREADABLE)
    from kplan.importer.report import render

    out.write(render(source.name, target, len(written.files), written.counts, written.findings, lint))
    return int(Exit.OK)


def _import(
    source: Path, target: Path, municipality: str | None, title: str | None, measures: tuple[str, ...]
) -> tuple[Written, list[object]]:
    suffix = source.suffix.lower()
    if suffix not in MARKDOWN + WORD:
        if suffix == ".doc":
            raise CannotImportError(Msg("import.old-format"))
        raise CannotImportError(
            Msg("import.unsupported-type", suffix=suffix) if suffix else Msg("import.unsupported-type/no-suffix")
        )
    _check_target(target)
    data = read_input(source)
    document = _read(data, source, suffix)
    cleanup.clean(document)
    document.blocks = cleanup.bullets_to_lists(document.blocks)
    outline = structure.build(document, municipality, title, measures)
    written = write_plan(outline, source.name, _project_files(outline.meta.municipality, outline.meta.title))
    written.findings[:0] = outline.findings
    lint = _check(written)
    _check_target(target)
    try:
        from kplan.init import write_files

        write_files(target, written.files)
    except OSError as error:
        raise CannotImportError(Msg("import.write", target=target, reason=error.strerror or error)) from None
    return written, lint


def _check_target(target: Path) -> None:
    if target.exists() or target.is_symlink():
        if not target.is_dir():
            raise CannotImportError(Msg("import.not-empty/file", target=target))
        if any(target.iterdir()):
            raise CannotImportError(Msg("import.not-empty", target=target))


def _read(data: bytes, source: Path, suffix: str) -> Document:
    """The neutral document; any failure of the underlying parsers is a corrupt file, never a traceback."""
    try:
        if suffix in WORD:
            from kplan.importer.docx_reader import read_docx

            return read_docx(data, source.name)
        from kplan.importer.md_reader import read_markdown

        return read_markdown(data, source.name, source.resolve().parent)
    except CannotImportError:
        raise
    except Exception:  # noqa: BLE001 - a malformed file must end in a message, not a traceback
        if os.environ.get("KPLAN_DEBUG"):
            raise
        raise CannotImportError(Msg("import.corrupt")) from None


def _project_files(municipality: str | None, title: str | None) -> dict[str, bytes]:
    """kplan init's files that are not plan text: JSON Schemas, editor and git settings, the lint workflow."""
    from kplan.init import InvalidValueError, skeleton_files

    try:
        files = skeleton_files(municipality or "自治体", title or "計画")
    except InvalidValueError:
        files = skeleton_files("自治体", "計画")
    return {rel: data for rel, data in files.items() if rel.startswith((".", "schema/"))}


def _check(written: Written) -> list[object]:
    """Load and lint the new plan in a scratch directory before anything is written where the user asked."""
    from kplan.lint.kept import lint_findings

    with tempfile.TemporaryDirectory(prefix="kplan-import-") as scratch:
        root = Path(scratch)
        for rel, data in written.files.items():
            path = root.joinpath(*rel.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            return list(lint_findings(root))
        except DiagnosticError as error:
            first = error.diagnostics[0] if error.diagnostics else None
            raise CannotImportError(Msg("import.internal", first=first)) from None
