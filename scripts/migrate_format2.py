#!/usr/bin/env python3
"""Convert a kplan checkout's plan/ and glossary/ from the old source format to format 2, in place.

    python scripts/migrate_format2.py [ROOT]        (ROOT: the directory holding plan/; default: this checkout)

What changes (comments and the rest of each file are kept; edits are made line by line):
- plan/plan.yaml: `chapters:` and `appendices:` become `parts:` (root-relative paths), `errata:` root-relative,
  and `conventions: marks:` declares the 【重点】 mark the old `priority: true` stood for.
- chapter front matter: `measure_groups:` becomes `## title {#group-ID}` sections holding ```{measure} ID fences
  in the order of the cards' old numbers; `progress_table:` becomes a ```{records} fence at the end of the chapter,
  the table moving to plan/tables/progress.yaml in the records shape (table id `progress`).
- measure cards: `number:` is dropped, `priority: true` becomes `marks: [priority]`, `figure: {caption, labels}`
  becomes `figures: [{id: ID-figure, caption, words}]` (no image: a placeholder).
- survey: `respondents.results_caption` (the caption kplan used to print itself).
- errata: `file:` root-relative (and following the table's move).
- glossary: `order: kana`, and `drafted: true` on a term whose definition the errata say the editors wrote.

Running it again changes nothing; on a plan already in format 2 it says so.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

PRIORITY_MARK = {"id": "priority", "label": "【重点】", "meaning": "国の自治体DX推進計画の重点取組事項に関連する施策"}
RESULTS_CAPTION = "回答者の性別(本文に記載された割合)"
APPENDIX_FILES = {
    "glossary": "glossary/glossary.yaml",
    "survey": "plan/survey.yaml",
    "public-comment": "plan/public-comment.yaml",
}
RECORDS_FILE = "plan/tables/progress.yaml"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):")
NUMBER = re.compile(r"(\d+)-\((\d+)\)")
DRAFTED_REASON = re.compile(r"編集者が作成|我々が作成|案であり")


# ---- small text helpers ---------------------------------------------------------------------------------------


def scalar(value: str) -> str:
    """A string as a YAML scalar: plain where YAML reads it back unchanged, else single-quoted."""
    if value and value == value.strip() and not re.search(r"[:#'\"\[\]{},&*!|>%@`]", value[:1] + value):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return "'" + value.replace("'", "''") + "'"


def key_blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level key → (first line, end line) of its block: up to the next top-level key or comment."""
    starts = [(i, m[1]) for i, line in enumerate(lines) if (m := TOP_KEY.match(line))]
    blocks = {}
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        blocks[key] = (start, end)
    return blocks


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class Migration:
    """One run over a checkout: each step edits its files and records what it changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.changed: list[str] = []
        self.old_table: str | None = None  # the old progress table file, root-relative, when it moves

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        if path.is_file() and read(path) == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.changed.append(rel)

    # ---- plan.yaml ------------------------------------------------------------------------------------------

    def plan_file(self) -> dict | None:
        """Rewrite plan.yaml; returns the old data (None when it already is format 2)."""
        rel = "plan/plan.yaml"
        text = read(self.root / rel)
        data = yaml.safe_load(text)
        if "parts" in data or "chapters" not in data:
            return None
        lines = text.splitlines()
        blocks = key_blocks(lines)
        new: list[str] = []
        if self.has_priority() and "conventions" not in data:
            new += [
                "conventions:",
                "  marks:",
                f"    - id: {PRIORITY_MARK['id']}",
                f"      label: {scalar(PRIORITY_MARK['label'])}",
                f"      meaning: {scalar(PRIORITY_MARK['meaning'])}",
            ]
        new.append("parts:")
        new += [f"  - chapter: {self.plan_relative(c)}" for c in data["chapters"]]
        new += [f"  - {a}: {APPENDIX_FILES[a]}" for a in data.get("appendices", ())]
        replace: dict[int, tuple[int, list[str]]] = {}
        start, end = blocks["chapters"]
        replace[start] = (end, new)
        if "appendices" in blocks:
            a_start, a_end = blocks["appendices"]
            replace[a_start] = (a_end, [])
        if "errata" in blocks:
            e_start, e_end = blocks["errata"]
            replace[e_start] = (e_end, [f"errata: {self.plan_relative(str(data['errata']))}"])
        self.write(rel, "\n".join(_splice(lines, replace)) + "\n")
        return data

    def plan_relative(self, rel: str) -> str:
        """An old path relative to plan/ as a root-relative one (kept when it already is)."""
        if rel.startswith(("plan/", "glossary/")):
            return rel
        return f"plan/{rel}"

    def has_priority(self) -> bool:
        return any(re.search(r"^priority:\s*true\s*$", read(p), re.MULTILINE) for p in self.measure_files())

    def measure_files(self) -> list[Path]:
        directory = self.root / "plan/measures"
        return sorted(directory.glob("*.yaml")) if directory.is_dir() else []

    # ---- chapters -------------------------------------------------------------------------------------------

    def chapters(self, chapter_files: list[str]) -> None:
        numbers = self.measure_numbers()
        for rel in chapter_files:
            text = read(self.root / rel)
            match = FRONT_MATTER.match(text)
            if not match or not match[1]:
                continue
            front = yaml.safe_load(match[1]) or {}
            if "measure_groups" not in front and "progress_table" not in front:
                continue
            front_lines = match[1].splitlines()
            blocks = key_blocks(front_lines)
            drop = {i for key in ("measure_groups", "progress_table") if key in blocks for i in range(*blocks[key])}
            kept = [line for i, line in enumerate(front_lines) if i not in drop]
            body = text[match.end() :].rstrip("\n") + "\n"
            for number, group in enumerate(front.get("measure_groups", ()), start=1):
                body += f"\n## {group['title']} {{#group-{group['id']}}}\n"
                members = sorted((n, m) for m, (g, n) in numbers.items() if g == number)
                for _, measure_id in members:
                    body += f"\n```{{measure}} {measure_id}\n```\n"
            if "progress_table" in front:
                self.records(self.plan_relative(str(front["progress_table"])))
                body += f"\n```{{records}} {RECORDS_FILE}\n```\n"
            self.write(rel, "---\n" + "\n".join(kept) + "\n---\n" + body)

    def measure_numbers(self) -> dict[str, tuple[int, int]]:
        """Each card's old number, e.g. open-data → (1, 4) for 1-(4)."""
        numbers = {}
        for path in self.measure_files():
            data = yaml.safe_load(read(path)) or {}
            match = NUMBER.fullmatch(str(data.get("number", "")))
            if match:
                numbers[str(data["id"])] = (int(match[1]), int(match[2]))
        return numbers

    # ---- the progress table ---------------------------------------------------------------------------------

    def records(self, old_rel: str) -> None:
        """The old progress table (columns earlier/measures/status) as a records table in plan/tables/."""
        old_path = self.root / old_rel
        if not old_path.is_file():
            return
        data = yaml.safe_load(read(old_path))
        columns = data["columns"]
        out = [
            "# yaml-language-server: $schema=../../schema/records.schema.json",
            "id: progress",
            "columns:",
            f"  - title: {scalar(columns['earlier'])}",
            f"  - title: {scalar(columns['measures'])}",
            "    kind: measures",
            f"  - title: {scalar(columns['status'])}",
            "    kind: list",
            "groups:",
        ]
        for group in data["groups"]:
            out += [
                f"  - id: {group['id']}",
                f"    label: {scalar(group['label'])}",
                f"    title: {scalar(group['title'])}",
                "    rows:",
            ]
            for row in group["rows"]:
                out += [f"      - id: {row['id']}", "        cells:", f"          - {scalar(row['earlier'])}"]
                for n, ref in enumerate(row["measures"]):
                    lead = "          - - " if n == 0 else "            - "
                    out.append(f"{lead}measure: {ref['measure']}")
                    if "label" in ref:
                        out.append(f"              label: {scalar(ref['label'])}")
                for n, status in enumerate(row["status"]):
                    lead = "          - - " if n == 0 else "            - "
                    out.append(f"{lead}{scalar(status)}")
        self.write(RECORDS_FILE, "\n".join(out) + "\n")
        if old_rel != RECORDS_FILE:
            old_path.unlink()
            self.changed.append(old_rel)
            self.old_table = old_rel

    # ---- measure cards --------------------------------------------------------------------------------------

    def measures(self) -> None:
        for path in self.measure_files():
            rel = path.relative_to(self.root).as_posix()
            text = read(path)
            data = yaml.safe_load(text) or {}
            lines = text.splitlines()
            blocks = key_blocks(lines)
            replace: dict[int, tuple[int, list[str]]] = {}
            if "number" in blocks:
                replace[blocks["number"][0]] = (blocks["number"][1], [])
            if "priority" in blocks:
                start, end = blocks["priority"]
                replace[start] = (end, ["marks: [priority]"] if data.get("priority") is True else [])
            if "figure" in blocks:
                start, end = blocks["figure"]
                replace[start] = (end, self.figures(str(data["id"]), data["figure"], lines[start:end]))
            if not replace:
                continue
            self.write(rel, "\n".join(_splice(lines, replace)) + "\n")

    def figures(self, measure_id: str, figure: dict, old: list[str]) -> list[str]:
        """`figure: {caption, labels}` as a one-item `figures:` list; the label lines keep their own text."""
        out = ["figures:", f"  - id: {measure_id}-figure"]
        if figure.get("caption"):
            out.append(f"    caption: {scalar(str(figure['caption']))}")
        labels = figure.get("labels")
        if labels:
            at = next((i for i, line in enumerate(old) if line.strip().startswith("labels:")), None)
            flow = at is not None and old[at].split(":", 1)[1].strip()
            if at is None or flow:
                out.append("    words: [" + ", ".join(scalar(str(w)) for w in labels) + "]")
            else:
                out.append("    words:")
                indent = len(old[at]) - len(old[at].lstrip())
                for line in old[at + 1 :]:
                    if line.strip() and len(line) - len(line.lstrip()) <= indent and not line.lstrip().startswith("-"):
                        break
                    out.append("  " + line if line.strip() else line)
        return out

    # ---- survey, errata, glossary ---------------------------------------------------------------------------

    def survey(self) -> None:
        rel = "plan/survey.yaml"
        path = self.root / rel
        if not path.is_file():
            return
        text = read(path)
        data = yaml.safe_load(text) or {}
        respondents = data.get("respondents")
        if not isinstance(respondents, dict) or "results_caption" in respondents or "results" not in respondents:
            return
        lines = text.splitlines()
        start, end = key_blocks(lines)["respondents"]
        at = next((i for i in range(start + 1, end) if lines[i].startswith("  note:")), end)
        lines.insert(at, f"  results_caption: {scalar(RESULTS_CAPTION)}")
        self.write(rel, "\n".join(lines) + "\n")

    def errata(self, rel: str) -> list[dict]:
        path = self.root / rel
        if not path.is_file():
            return []
        text = read(path)
        entries = (yaml.safe_load(text) or {}).get("entries", [])

        def fix(match: re.Match[str]) -> str:
            value = match[2].strip().strip("'\"")
            new = value
            if self.old_table and value in (self.old_table, self.old_table.removeprefix("plan/")):
                new = RECORDS_FILE
            elif not (self.root / value).exists() and (self.root / "plan" / value).exists():
                new = f"plan/{value}"
            return match[1] + new if new != value else match[0]

        self.write(rel, re.sub(r"^(\s+file: )(.+)$", fix, text, flags=re.MULTILINE))
        return entries

    def glossary(self, rel: str, errata: list[dict]) -> None:
        path = self.root / rel
        if not path.is_file():
            return
        text = read(path)
        data = yaml.safe_load(text) or {}
        lines = text.splitlines()
        if "order" not in data:
            blocks = key_blocks(lines)
            after = blocks.get("note", blocks.get("title", (0, 0)))[1]
            lines.insert(after, "order: kana")
        drafted = {
            m[1]
            for e in errata
            if e.get("kind") == "missing-term" and DRAFTED_REASON.search(str(e.get("reason")))
            if (m := re.fullmatch(r"id:\s*(\S+)", str(e.get("right", "")).strip()))
        }
        for term in data.get("terms", ()):
            if term.get("id") in drafted and "drafted" not in term:
                start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"  - id: {term['id']}\s*", line))
                end = start + 1
                while end < len(lines) and lines[end].startswith("    "):
                    end += 1
                lines.insert(end, "    drafted: true")
        self.write(rel, "\n".join(lines) + "\n")

    # ---- the whole ------------------------------------------------------------------------------------------

    def run(self) -> list[str]:
        old = self.plan_file()
        if old is None:
            return []
        chapter_files = [self.plan_relative(c) for c in old["chapters"]]
        self.chapters(chapter_files)
        self.measures()
        self.survey()
        errata = self.errata(self.plan_relative(str(old["errata"]))) if old.get("errata") else []
        if "glossary" in old.get("appendices", ()):
            self.glossary(APPENDIX_FILES["glossary"], errata)
        return self.changed


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    if not (root / "plan/plan.yaml").is_file():
        print(f"migrate_format2: no plan/plan.yaml under {root}", file=sys.stderr)
        return 2
    changed = Migration(root).run()
    if not changed:
        print(f"{root}: already in format 2; nothing to change")
        return 0
    for rel in changed:
        print(f"migrated {rel}")
    return 0


def _splice(lines: list[str], replace: dict[int, tuple[int, list[str]]]) -> list[str]:
    """`lines` with each run lines[start:end] replaced by its new lines (replace maps start → (end, new lines))."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in replace:
            end, insert = replace[i]
            out += insert
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
