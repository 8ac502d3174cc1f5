"""Applying the safe fixes of lint findings to the source files.

Markdown files are edited as plain text at the exact positions (offsets into the file's own text, CR and CRLF
included, after its byte-order mark), so their line endings and BOM stay byte for byte as they were. YAML files go
through ruamel.yaml's round trip: the edit is made in the scalar's value and the document written back with its
comments, key order, quoting, indentation and line endings. As a guard, the written YAML may differ from the
original only on the lines of the edited scalars; otherwise the file is left alone and the fix reported as not
applied. Every edit is checked against the file first (a stale finding never edits the wrong characters); files are
replaced atomically, and a file with nothing to fix is not touched at all.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from kplan.diagnostics import Diagnostic
from kplan.lint.findings import Edit, Finding
from kplan.messages import Msg
from kplan.messages import text as say


class FixReport(Struct):
    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str | Msg]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class _CannotFixError(Exception):
    """The edits of a file cannot be applied safely; the message (a catalog entry) says why, for the editor."""


def apply_fixes(root: Path, findings: list[Finding]) -> FixReport:
    """Apply the fix of every finding that has one; one atomic write per changed file."""
    from kplan.project import OutsideProjectError, Project
    from kplan.yamlrt import read_source, write_source

    project = Project(root)
    report = FixReport()
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix:
            by_file.setdefault(finding.fix.file, []).append(finding)
    for rel, file_findings in sorted(by_file.items()):
        try:
            path = project.source_path(rel)
            text, bom = read_source(path)
        except OutsideProjectError:
            report.skipped += [(f, Msg("cli.lint-not-fixed/outside-project")) for f in file_findings]
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.skipped += [(f, Msg("cli.lint-not-fixed/unreadable", error=str(error))) for f in file_findings]
            continue
        chosen, skipped = _usable(text, file_findings)
        report.skipped += skipped
        if not chosen:
            continue
        edits = [finding.fix for finding in chosen if finding.fix]
        try:
            new_text = (
                _edit_yaml_keeping_cr(text, edits) if rel.endswith((".yaml", ".yml")) else _edit_text(text, edits)
            )
        except _CannotFixError as reason:
            report.skipped += [(finding, reason.args[0]) for finding in chosen]
            continue
        except Exception as error:  # never lose the editor's text to an unexpected case: leave the file alone
            failed = Msg("cli.lint-not-fixed/failed", error=type(error).__name__)
            report.skipped += [(finding, failed) for finding in chosen]
            continue
        if new_text != text:
            write_source(path, new_text, bom)
            report.files.append(rel)
        report.applied += chosen
    return report


def _usable(text: str, findings: list[Finding]) -> tuple[list[Finding], list[tuple[Finding, str | Msg]]]:
    """The fixes that still match the file and do not overlap an earlier one."""
    chosen: list[Finding] = []
    skipped: list[tuple[Finding, str | Msg]] = []
    reach = -1
    for finding in sorted(findings, key=lambda f: (f.fix.offset, len(f.fix.old)) if f.fix else (0, 0)):
        edit = finding.fix
        assert edit is not None
        if text[edit.offset : edit.offset + len(edit.old)] != edit.old:
            skipped.append((finding, Msg("cli.lint-not-fixed/moved")))
        elif edit.offset < reach:
            skipped.append((finding, Msg("cli.lint-not-fixed/overlaps")))
        elif edit.new != edit.old:
            chosen.append(finding)
            reach = edit.offset + len(edit.old)
    return chosen, skipped


def _edit_text(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.offset, reverse=True):
        text = text[: edit.offset] + edit.new + text[edit.offset + len(edit.old) :]
    return text


# ---- YAML through ruamel's round trip ------------------------------------------------------------------------


class _Scalar(Struct):
    line: int  # 0-based, where the value starts (for | and >: the indicator)
    column: int
    container: Any
    key: Any


def _edit_yaml_keeping_cr(text: str, edits: list[Edit]) -> str:
    """A YAML file saved with lone CR line endings is edited as LF text (the same offsets) and written back
    with CR."""
    if "\r" in text and "\n" not in text:
        return _edit_yaml(text.replace("\r", "\n"), edits).replace("\n", "\r")
    return _edit_yaml(text, edits)


def _edit_yaml(text: str, edits: list[Edit]) -> str:
    from kplan.yamlrt import dump, round_trip

    try:
        yaml, data = round_trip(text)
    except Exception as error:  # ruamel raises many kinds; any of them means: leave the file alone
        raise _CannotFixError(Msg("cli.lint-not-fixed/yaml-unreadable", error=str(error))) from None
    scalars, starts = _scalars(data)
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    touched: dict[int, _Scalar] = {}
    for edit in sorted(edits, key=lambda e: e.offset, reverse=True):
        scalar = _containing(scalars, line_starts, edit.offset)
        value = scalar.container[scalar.key]
        start = line_starts[scalar.line] + scalar.column
        nth = text.count(edit.old, start, edit.offset) if edit.old else 0
        position = _nth(value, edit.old, nth)
        if position < 0:
            raise _CannotFixError(Msg("cli.lint-not-fixed/yaml-no-place"))
        new_value = value[:position] + edit.new + value[position + len(edit.old) :]
        scalar.container[scalar.key] = _same_style(value, new_value)
        touched[scalar.line] = scalar
    new_text = dump(yaml, data, text)
    allowed: set[int] = set()
    for line in touched:
        later = [start for start in starts if start > line]
        allowed.update(range(line, (min(later) if later else len(line_starts))))
    _check_confined(text, new_text, allowed)
    _check_same_reading(_edit_text(text, edits), new_text)
    return new_text


def _check_same_reading(intended: str, written: str) -> None:
    """The written YAML must read (the loader's way) exactly as the original with only the edits made."""
    from kplan.load.reading import ReadingError, first_difference

    try:
        where = first_difference(intended, written)
    except ReadingError:
        where = (0, 0)
    if where is not None:
        raise _CannotFixError(Msg("cli.lint-not-fixed/yaml-reads-differently"))


def _scalars(node: Any) -> tuple[list[_Scalar], list[int]]:
    """Every string value with its position, and the start line of every key and value (document order)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    scalars: list[_Scalar] = []
    starts: list[int] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CommentedMap):
            starts += [current.lc.key(key)[0] for key in current]
            entries = [(key, value, current.lc.value(key)) for key, value in current.items()]
        elif isinstance(current, CommentedSeq):
            entries = [(index, value, current.lc.item(index)) for index, value in enumerate(current)]
        else:
            continue
        for where, value, (line, column) in entries:
            starts.append(line)
            if isinstance(value, str):
                scalars.append(_Scalar(line, column, current, where))
            else:
                stack.append(value)
    scalars.sort(key=lambda s: (s.line, s.column))
    return scalars, starts


def _containing(scalars: list[_Scalar], line_starts: list[int], offset: int) -> _Scalar:
    best = None
    for scalar in scalars:
        if line_starts[scalar.line] + scalar.column <= offset:
            best = scalar
        else:
            break
    if best is None:
        raise _CannotFixError(Msg("cli.lint-not-fixed/yaml-not-in-value"))
    return best


def _nth(value: str, old: str, nth: int) -> int:
    position = -1
    for _ in range(nth + 1):
        position = value.find(old, position + 1)
        if position < 0:
            return -1
    return position


def _same_style(old: Any, new: str) -> Any:
    """The new text in the old scalar's style (plain, quoted, literal |, folded >)."""
    if type(old) is str:
        return new
    replacement = type(old)(new)
    for attribute in ("comment", "fold_pos"):
        if hasattr(old, attribute):
            setattr(replacement, attribute, getattr(old, attribute))
    return replacement


def _check_confined(old: str, new: str, allowed: set[int]) -> None:
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag != "equal" and not set(range(i1, max(i2, i1 + 1))) <= allowed:
            raise _CannotFixError(Msg("cli.lint-not-fixed/yaml-other-lines"))


def describe(finding: Finding) -> str:
    """What a fix changed, for the report."""
    edit = finding.fix
    change = say("word.change", old=edit.old, new=edit.new) if edit else ""
    return f"{finding.loc}: {finding.rule} {change}"


def fix_slips(root: Path, diagnostics: list[Diagnostic]) -> list[str]:
    """Correct the IME slips (load.ime-slip) that keep the plan from loading, in the files they are in; return
    the files changed. Only the YAML structure is touched (a chapter's front matter, not its text)."""
    from kplan.load import FRONT_MATTER
    from kplan.load.slips import fixed
    from kplan.project import OutsideProjectError, Project
    from kplan.yamlrt import read_source, write_source

    project = Project(root)
    changed = []
    for rel in sorted({d.loc.file for d in diagnostics if d.code == "load.ime-slip"}):
        try:
            path = project.source_path(rel)
            text, bom = read_source(path)
        except (OutsideProjectError, OSError, UnicodeDecodeError):
            continue
        if rel.endswith(".md"):
            match = FRONT_MATTER.match(text)
            if not match or not match[1]:
                continue
            new = text[: match.start(1)] + fixed(match[1]) + text[match.end(1) :]
        else:
            new = fixed(text)
        if new != text:
            write_source(path, new, bom)
            changed.append(rel)
    return changed
