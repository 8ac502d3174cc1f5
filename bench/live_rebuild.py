"""The live preview's rebuild (kplan.live) after one-chapter edits of a plan, in one process.

    .venv/bin/python bench/live_rebuild.py PLAN_DIR [--edits N]

Copies the plan, builds its site once, then N times appends a sentence to one chapter (a different chapter each
time) and calls `Live.rebuild()`; prints one JSON line: the milliseconds of each rebuild after an edit, of a
rebuild after a style-sheet edit, and of a rebuild after no change.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from kplan.live import Live
from kplan.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--edits", type=int, default=9)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kplan-live-") as temporary:
        root = Path(temporary) / "plan"
        for name in ("plan", "glossary", "templates"):
            if (options.plan / name).exists():
                shutil.copytree(options.plan / name, root / name)
        live = Live(Project(root, Path(temporary) / "out"))
        first = live.rebuild()
        chapters = sorted((root / "plan" / "chapters").glob("*.md"))
        edits = []
        for number in range(options.edits):
            chapter = chapters[number % len(chapters)]
            chapter.write_text(
                chapter.read_text(encoding="utf-8") + f"\n編集{number}回目の段落です。\n", encoding="utf-8"
            )
            update = live.rebuild()
            assert update.loaded and update.rendered == ["html"], update
            edits.append(update.seconds * 1000)
        idle = live.rebuild()
        style = root / "templates" / "static" / "style.css"
        style.write_text(style.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        styled = live.rebuild()
    print(
        json.dumps(
            {
                "first_ms": first.seconds * 1000,
                "edit_ms": edits,
                "edit_median_ms": statistics.median(edits),
                "idle_ms": idle.seconds * 1000,
                "style_ms": styled.seconds * 1000,
                "style_loaded": styled.loaded,
            }
        )
    )


if __name__ == "__main__":
    main()
