"""The changes as JSON, in the stable schema that docs/diff.md describes (docs/diff.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

from kplan.diff.records import Change, Diff, EditionInfo

FORMAT = "kplan-diff"
VERSION = 1


def render(diff: Diff, *, colour: bool = False, project_root: Path | None = None) -> bytes:
    return render_json(diff).encode("utf-8")


def render_json(diff: Diff) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "old": _edition(diff.old),
        "new": _edition(diff.new),
        "summary": {"total": len(diff.changes), **diff.counts()},
        "changes": [_change(change) for change in diff.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _edition(info: EditionInfo) -> dict[str, object]:
    return {
        "argument": info.argument,
        "source": info.source,
        "edition": info.edition,
        "name": info.name,
        "title": info.title,
        "status": info.status,
        "dates": info.dates,
        "reconstructed": info.reconstructed,
    }


def _change(change: Change) -> dict[str, object]:
    return {
        "kind": change.kind,
        "id": change.id,
        "field": change.field,
        "change": change.change,
        "old": change.old,
        "new": change.new,
        "spans": [span.as_json() for span in change.spans],
        "path": list(change.path),
        "label": change.label,
    }
