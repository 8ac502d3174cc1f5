"""Every defect of the published document that the 正誤表 (plan/errata.yaml) records, put back into a copy of the
real plan: the matching lint rule must fire at that file and line (the real `kplan lint --format json`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
ERRATA = yaml.safe_load((REPO / "plan/errata.yaml").read_text(encoding="utf-8"))["entries"]
GLOSSARY = "glossary/glossary.yaml"

# erratum id → the rule that catches the defect. Most are caught by a general rule; the four that no general rule
# can tell from correct Japanese (a dropped な, a doubled と, しゅくみ, ブロモーション) are in the project's
# 表記ゆれ dictionary, plan/hyoki.yaml, which is where prh-style tools keep known misspellings.
CAUGHT_BY = {
    "cyrillic-digital-divide": "foreign-script",
    "typo-digital-government": "spelling-variant",  # デジタル・ガバメント is written so five times elsewhere
    "old-kanji-kento-progress": "old-kanji",
    "typo-digital-divide-progress": "near-miss",  # of the glossary term デジタルデバイド
    "doubled-no-open-data-progress": "doubled-particle",
    "doubled-no-counter-service-progress": "doubled-particle",
    "typo-nakunarareta-counter-services": "style-dictionary",
    "asterisk-society-school-ict": "marker-asterisk",
    "old-kanji-shuju-office-digitalization": "old-kanji",
    "missing-period-digital-principles": "missing-period",
    "glossary-choisoko-spelling": "term-not-in-text",
    "glossary-society-5-spelling": "term-not-in-text",
    "glossary-order-digital-contact-tool": "glossary-order",
    "glossary-missing-chatbot": "unknown-term",
    "survey-q11-shikumi": "style-dictionary",
    "survey-city-promotion": "style-dictionary",
    "survey-totemo-doubled": "style-dictionary",
}
NOT_IN_A_SOURCE = {"colophon-edition-label"}  # the colophon is generated from plan.yaml's edition


def test_every_erratum_is_covered():
    ids = {entry["id"] for entry in ERRATA}
    assert ids == set(CAUGHT_BY) | NOT_IN_A_SOURCE
    assert all("file" not in entry for entry in ERRATA if entry["id"] in NOT_IN_A_SOURCE)


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def put_back(root: Path, entry: dict) -> tuple[str, int]:
    """Restore the published (wrong) text; return the file and line where the rule must fire."""
    rel = entry["file"]
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if entry["kind"] == "glossary-order":  # back to where it stood: after デジタル原則
        start = text.index("  - id: digital-contact-tool")
        end = text.index("  - id: ", start + 1)
        block, text = text[start:end], text[:start] + text[end:]
        at = text.index("  - id: digital-ticket")
        path.write_text(text[:at] + block + text[at:], encoding="utf-8")
        return rel, _line_of(path, "term: デジタル連絡ツール")
    if entry["kind"] == "missing-term":  # the glossary had no チャットボット
        start = text.index("  - id: chatbot")
        end = text.index("  - id: ", start + 1)
        path.write_text(text[:start] + text[end:], encoding="utf-8")
        marked = "plan/tables/progress.yaml"
        return marked, _line_of(root / marked, "AIチャットボット※")
    assert entry["right"] in text, entry
    path.write_text(text.replace(entry["right"], entry["wrong"], 1), encoding="utf-8")
    return rel, _line_of(path, entry["wrong"])


@pytest.mark.parametrize("entry", [e for e in ERRATA if e["id"] in CAUGHT_BY], ids=lambda e: e["id"])
def test_put_back_erratum_is_found(project, kplan, entry):
    rel, line = put_back(project, entry)
    result = kplan("-C", str(project), "lint", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads(result.stdout)
    rule = CAUGHT_BY[entry["id"]]
    at = [f for f in findings if f["rule"] == rule and f["file"] == rel and f["line"] == line]
    assert at, (rule, rel, line, [f"{f['file']}:{f['line']} {f['rule']}" for f in findings])
    assert result.returncode == (1 if any(f["severity"] == "error" for f in findings) else 0)


def test_glossary_misspellings_also_leave_the_markers_unresolved(project, kplan):
    for entry in ERRATA:
        if entry["kind"] == "glossary-spelling":
            put_back(project, entry)
    findings = json.loads(kplan("-C", str(project), "lint", "glossary", "--format", "json").stdout)
    unknown = [f for f in findings if f["rule"] == "unknown-term"]
    assert {f["file"] for f in unknown} >= {"plan/measures/school-ict.yaml", "plan/tables/progress.yaml"}
    assert any("Society5.0" in f["suggestion"] for f in unknown)
    assert any("チョイスコカかみがはら" in f["suggestion"] for f in unknown)
    not_in_text = {f["message"]: f["suggestion"] for f in findings if f["rule"] == "term-not-in-text"}
    assert any("「Society 5.0」" in s for s in not_in_text.values())
    assert any("「チョイソコかかみがはら」" in s for s in not_in_text.values())


def test_all_errata_put_back_at_once_make_lint_fail(project, kplan):
    for entry in ERRATA:
        if entry["id"] in CAUGHT_BY and entry["kind"] not in ("glossary-order", "missing-term"):
            put_back(project, entry)
    result = kplan("-C", str(project), "lint")
    assert result.returncode == 1
    rules = {line.split()[2].removeprefix("lint.") for line in result.stdout.splitlines()}
    assert set(CAUGHT_BY.values()) - {"glossary-order", "unknown-term"} <= rules
