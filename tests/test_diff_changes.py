"""kplan diff on a temporary git repository: each kind of change is detected, and placed under the right heading."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import printed_lines
from diff_repo import (
    PNG_BLUE,
    PNG_RED,
    REPO,
    changed_text,
    commit,
    diff_document,
    edit,
    find,
    json_diff,
    make_repo,
    small_repo,
)

NEW_MEASURE = """# yaml-language-server: $schema=../../schema/measure.schema.json
id: test-measure
title: テスト用の新しい施策
body: |
  テストのために加えた施策の本文です。
actions:
  - テストのための取組
"""
MEASURES = "plan/chapters/06-measures.md"


def fence(measure_id: str) -> str:
    return f"```{{measure}} {measure_id}\n```\n\n"


def make_second_edition(root: Path) -> None:
    """Edits of every kind, committed as the edition v2."""
    edit(root, "plan/plan.yaml", "  to: 2025\n", "  to: 2026\n")
    # chapter 1: a section added before two others (renumbering them), one renamed, a paragraph edited
    edit(
        root,
        "plan/chapters/01-about.md",
        "## 本計画の位置づけ {#position}",
        "## テストの節 {#test-section}\n\nテストのために加えた節です。\n\n## 本計画の位置づけ {#position}",
    )
    edit(root, "plan/chapters/01-about.md", "## 本計画の期間 {#period}", "## 本計画の計画期間 {#period}")
    edit(
        root,
        "plan/chapters/01-about.md",
        "今後も社会情勢の急激な変化に対応していくため",
        "今後も社会情勢の変化に迅速に対応していくため",
    )
    # chapter 3: one cell of a Markdown table
    edit(root, "plan/chapters/03-policy.md", "テレワークを推進 |", "テレワークを一層推進 |")
    # chapter 4: a record's first cell and one line of its list cell
    edit(
        root,
        "plan/tables/progress.yaml",
        "- グリーンICT推進による環境負荷の低減\n",
        "- グリーンICTの推進による環境負荷の低減\n",
    )
    edit(root, "plan/tables/progress.yaml", "- テレワークの導入\n", "- テレワークの本格導入\n")
    # chapter 6: a card removed, one moved to another section, one added, renamed, marked, and their actions
    (root / "plan/measures/digital-principles.yaml").unlink()
    edit(root, MEASURES, fence("digital-principles"), "")
    edit(root, MEASURES, fence("local-industry"), fence("test-measure"))
    edit(root, MEASURES, fence("dx-talent").rstrip("\n"), fence("dx-talent") + fence("local-industry").rstrip("\n"))
    (root / "plan/measures/test-measure.yaml").write_text(NEW_MEASURE, encoding="utf-8")
    edit(root, "plan/measures/ict-workshops.yaml", "title: ICTの講習会の推進", "title: ICTの講習会の充実")
    edit(
        root,
        "plan/measures/school-ict.yaml",
        "title: ICTによる学校教育の充実\n",
        "title: ICTによる学校教育の充実\nmarks: [priority]\n",
    )
    edit(root, "plan/measures/my-number-card.yaml", 'added_in: "2.0"\n', "")
    edit(root, "plan/measures/dx-talent.yaml", "人材育成方法の継続的な見直し", "人材育成方法の定期的な見直し")
    edit(
        root,
        "plan/measures/open-data.yaml",
        "  - 個人情報の保護を担保したデータの提供\n",
        "  - 個人情報の保護を担保したデータの提供\n  - テストのために加えた取組\n",
    )
    edit(root, "plan/measures/community.yaml", "  - 認知症患者など見守りサービスの利用促進\n", "")
    # glossary: a term added, one removed, a definition changed
    edit(
        root,
        "glossary/glossary.yaml",
        "  - id: csirt\n",
        "  - id: test-term\n    term: テスト用語\n    reading: てすとようご\n    definition: テストのための用語\n"
        "  - id: csirt\n",
    )
    edit(
        root,
        "glossary/glossary.yaml",
        "  - id: lgwan\n    term: LGWAN\n    reading: えるじーわん\n"
        "    definition: Local Government Wide Area Networkの略。都道府県や市区町村等の地方公共団体のコンピュータ"
        "ネットワークを相互接続した広域ネットワーク\n",
        "",
    )
    edit(
        root,
        "glossary/glossary.yaml",
        "人間に代わってコンピュータに行わせる技術\n",
        "人間に代わってコンピュータに行わせる技術の総称\n",
    )
    # survey and public comment
    edit(root, "plan/survey.yaml", "responses: 195", "responses: 196")
    edit(root, "plan/survey.yaml", "知りたいことの検索, percent: 59.9}", "知りたいことの検索, percent: 60.1}")
    edit(root, "plan/public-comment.yaml", "  - 市民サービスセンター\n", "  - 市民サービスセンター(各地区)\n")
    commit(root, "the second edition", "v2")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("editions"))
    make_second_edition(root)
    return root


@pytest.fixture(scope="module")
def diff(repo) -> dict:
    return diff_document(repo, "v1", "v2")


def one(changes: list[dict], **where: object) -> dict:
    found = find(changes, **where)
    assert len(found) == 1, (where, found)
    return found[0]


def test_json_validates_against_the_documented_schema(diff):
    schema = json.loads((REPO / "docs/diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(diff, schema)
    assert diff["summary"]["total"] == len(diff["changes"])
    assert diff["old"]["argument"] == "v1" and "Plan-Edition: v1" in diff["old"]["source"]


def test_spans_cover_both_texts(diff):
    for change in diff["changes"]:
        old, new = change["old"] or "", change["new"] or ""
        assert "".join(old[s["old"][0] : s["old"][1]] for s in change["spans"]) == old
        assert "".join(new[s["new"][0] : s["new"][1]] for s in change["spans"]) == new
        for span in change["spans"]:
            if span["op"] == "equal":
                assert old[span["old"][0] : span["old"][1]] == new[span["new"][0] : span["new"][1]]


def test_plan_period(diff):
    change = one(diff["changes"], kind="meta", field="period")
    assert (change["old"], change["new"]) == ("令和3年度～令和7年度", "令和3年度～令和8年度")
    assert changed_text(change, "old") == ["7"] and changed_text(change, "new") == ["8"]


def test_section_paragraph_by_characters(diff):
    change = one(
        diff["changes"],
        kind="paragraph",
        old="今後も社会情勢の急激な変化に対応していくため、必要に応じて計画の見直しを図ります。",
    )
    assert changed_text(change, "old") == ["急激な"]
    assert changed_text(change, "new") == ["迅速に"]
    assert change["path"] == ["第1章 ICT基本計画(後期計画)について", "4. 本計画の計画期間"]
    assert change["id"].startswith("section:period/paragraph:")


def test_sections_added_renamed_renumbered(diff):
    added = one(diff["changes"], kind="section", id="test-section", change="added")
    assert added["new"].startswith("2. テストの節\n") and added["old"] is None
    renamed = one(diff["changes"], kind="section", id="period", change="renamed")
    assert (renamed["old"], renamed["new"]) == ("本計画の期間", "本計画の計画期間")
    assert changed_text(renamed, "new") == ["計画"]
    renumbered = one(diff["changes"], kind="section", id="position", change="renumbered")
    assert (renumbered["old"], renumbered["new"]) == ("2.", "3.")
    assert not find(diff["changes"], kind="section", id="purpose")


def test_table_cell(diff):
    change = one(diff["changes"], kind="cell", label="テレワークの推進", field=None)
    assert changed_text(change, "new") == ["一層"]
    assert re.fullmatch(r"section:dx-plan/table:\d+/row:\d+/cell:2", change["id"])
    assert change["path"][-1].endswith("自治体デジタル・トランスフォーメーション(DX)推進計画")


def test_measures(diff):
    changes = find(diff["changes"], kind="measure")
    added = one(changes, id="test-measure", change="added")
    assert added["new"].startswith("(5) テスト用の新しい施策\n") and "・テストのための取組" in added["new"]
    assert added["path"][:2] == ["第6章 各取組施策について", "2. 安全・安心な地域社会"]
    removed = one(changes, id="digital-principles", change="removed")
    assert removed["old"].startswith("(4) デジタル原則に基づく条例等の規制の点検・見直し（第2.0版追加）")
    assert removed["path"][1] == "3. 効果的・効率的な行政運営"
    moved = one(changes, id="local-industry", change="moved")
    assert (moved["old"], moved["new"]) == ("2-(5)", "3-(6)")
    assert moved["path"][1] == "3. 効果的・効率的な行政運営"
    renamed = one(changes, id="ict-workshops", change="renamed")
    assert changed_text(renamed, "old") == ["推進"] and changed_text(renamed, "new") == ["充実"]
    assert {c["id"] for c in find(changes, change="renumbered")} == {"information-security", "dx-talent"}
    priority = one(changes, id="school-ict", field="priority")
    assert (priority["old"], priority["new"], priority["change"]) == (None, "【重点】", "changed")
    added_in = one(changes, id="my-number-card", field="added_in")
    assert (added_in["old"], added_in["new"]) == ("（第2.0版追加）", None)
    touched = {c["id"] for c in changes}
    assert touched == {
        "test-measure",
        "digital-principles",
        "local-industry",
        "ict-workshops",
        "information-security",
        "dx-talent",
        "school-ict",
        "my-number-card",
    }


def test_actions(diff):
    actions = find(diff["changes"], kind="action")
    changed = one(actions, change="changed")
    assert changed["id"].startswith("measure:dx-talent/actions/item:")
    assert (changed_text(changed, "old"), changed_text(changed, "new")) == (["継続"], ["定期"])
    assert one(actions, change="added")["new"] == "・テストのために加えた取組"
    assert one(actions, change="removed")["old"] == "・認知症患者など見守りサービスの利用促進"
    assert len(actions) == 3


def test_glossary_terms(diff):
    terms = find(diff["changes"], kind="term")
    assert one(terms, id="term:test-term", change="added")["new"] == "テスト用語：テストのための用語"
    assert one(terms, id="term:lgwan", change="removed")["old"].startswith("LGWAN：Local Government")
    definition = one(terms, id="term:ai", field="definition")
    assert changed_text(definition, "new") == ["の総称"]
    assert all(t["path"] == ["用語解説"] for t in terms) and len(terms) == 3


def test_record_table_rows(diff):
    first = one(diff["changes"], kind="cell", id="progress/row:green-ict/cell:1")
    assert first["field"] == "cell:1" and changed_text(first, "new") == ["の"]
    item = one(diff["changes"], kind="cell-item")
    assert item["id"].startswith("progress/row:green-ict/cell:3/item:")
    assert changed_text(item, "new") == ["本格"]
    assert item["path"] == [
        "第4章 本市の情報化に関する動向",
        "[前期基本方針3] 効果的・効率的な行政運営",
        "グリーンICTの推進による環境負荷の低減",
    ]


def test_survey_and_public_comment(diff):
    responses = one(diff["changes"], kind="survey", field="responses")
    assert (responses["old"], responses["new"]) == ("195", "196")
    result = one(diff["changes"], kind="survey-result")
    assert (result["old"], result["new"]) == ("知りたいことの検索 59.9%", "知りたいことの検索 60.1%")
    assert result["path"][-1] == "【問4】" and result["id"] == "survey/question:q4/chart/results/item:2"
    venue = one(diff["changes"], kind="venue")
    assert changed_text(venue, "new") == ["(各地区)"]


def test_nothing_else_changed(diff):
    found = sorted((c["kind"], c["id"].split("/")[0], c["field"] or "", c["change"]) for c in diff["changes"])
    assert found == sorted(
        [
            ("meta", "plan", "period", "changed"),
            ("section", "test-section", "", "added"),
            ("section", "period", "title", "renamed"),
            ("section", "position", "number", "renumbered"),
            ("section", "period", "number", "renumbered"),
            ("paragraph", "section:period", "", "changed"),
            ("cell", "section:dx-plan", "", "changed"),
            ("cell", "progress", "cell:1", "changed"),
            ("cell-item", "progress", "", "changed"),
            ("measure", "test-measure", "", "added"),
            ("measure", "digital-principles", "", "removed"),
            ("measure", "local-industry", "number", "moved"),
            ("measure", "ict-workshops", "title", "renamed"),
            ("measure", "information-security", "number", "renumbered"),
            ("measure", "dx-talent", "number", "renumbered"),
            ("measure", "school-ict", "priority", "changed"),
            ("measure", "my-number-card", "added_in", "changed"),
            ("action", "measure:dx-talent", "", "changed"),
            ("action", "measure:open-data", "", "added"),
            ("action", "measure:community", "", "removed"),
            ("term", "term:test-term", "", "added"),
            ("term", "term:lgwan", "", "removed"),
            ("term", "term:ai", "definition", "changed"),
            ("survey", "survey", "responses", "changed"),
            ("survey-result", "survey", "", "changed"),
            ("venue", "public-comment", "", "changed"),
        ]
    )


def test_identical_editions_are_the_same(repo, kplan):
    result = kplan("diff", "v2", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(printed_lines.prefix("diff.same"))
    code, document = json_diff(kplan, repo, "v1", "v1")
    assert code == 0 and document["changes"] == [] and document["summary"] == {"total": 0}


def test_terminal_output_has_a_summary_first_and_no_colour_when_piped(repo, kplan):
    result = kplan("diff", "v1", "v2", cwd=repo)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    first = result.stdout.splitlines()[0]
    assert re.findall(r"\d+", first) == ["26", "4", "3", "12", "2", "1", "4"], first  # total, then each kind
    kinds = ("added", "removed", "changed", "renamed", "moved", "renumbered")
    assert all(printed_lines.said(f"diff.change/{kind}") in first for kind in kinds), first
    assert "[-急激な-]" in result.stdout and "{+迅速に+}" in result.stdout


def test_terminal_output_is_coloured_on_a_terminal(repo):
    """Under a real pseudo-terminal (script(1)), the same command paints its output."""
    command = f"{sys.executable} -m kplan diff v1 v2"
    result = subprocess.run(
        ["script", "-qec", command, "/dev/null"], cwd=repo, capture_output=True, text=True, timeout=120
    )
    assert "\x1b[" in result.stdout
    assert "迅速に" in result.stdout


# ---- a small fixture plan: numbers of indicators, figures by digest, cards moved, "{1}-{n}" numbering ------------


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict:
    """v1: the small plan; v2: an indicator's target changed, the figure's image replaced, a card moved to the other
    section, and a sub-section added before two others under the numbering "{1}-{n}"."""
    root = small_repo(tmp_path_factory.mktemp("small"))
    edit(root, "plan/measures/online.yaml", "target: {value: 80, year: 2027}", "target: {value: 90, year: 2028}")
    (root / "plan/figures/overview.png").write_bytes(PNG_BLUE)
    edit(root, "plan/chapters/02-measures.md", "```{measure} counter\n```\n\n", "")
    edit(
        root,
        "plan/chapters/02-measures.md",
        "```{measure} office\n```\n",
        "```{measure} office\n```\n\n```{measure} counter\n```\n",
    )
    edit(
        root,
        "plan/chapters/01-intro.md",
        "### 背景 {#background}",
        "### 新しい節 {#new-part}\n\n新しく加えた節です。\n\n### 背景 {#background}",
    )
    commit(root, "the second edition", "v2")
    return diff_document(root, "v1", "v2")


def test_small_plan_exactly_these_changes(small):
    found = sorted((c["kind"], c["id"], c["field"] or "", c["change"]) for c in small["changes"])
    assert found == sorted(
        [
            ("indicator", "online-indicators/indicator:online-rate", "target", "changed"),
            ("figure", "figure:overview", "image", "changed"),
            ("measure", "counter", "number", "moved"),
            ("section", "new-part", "", "added"),
            ("section", "background", "number", "renumbered"),
            ("section", "history", "number", "renumbered"),
        ]
    )


def test_indicator_numbers(small):
    change = one(small["changes"], kind="indicator", field="target")
    assert (change["old"], change["new"]) == ("80%（令和9年度）", "90%（令和10年度）")
    assert changed_text(change, "old") == ["80", "9"] and changed_text(change, "new") == ["90", "10"]


def test_figure_listed_by_its_digest(small):
    import hashlib

    change = one(small["changes"], kind="figure")
    old_digest, new_digest = hashlib.sha256(PNG_RED).hexdigest(), hashlib.sha256(PNG_BLUE).hexdigest()
    assert old_digest[:12] in change["old"] and new_digest[:12] in change["new"]
    assert "plan/figures/overview.png" in change["old"] and "plan/figures/overview.png" in change["new"]
    assert change["path"] == ["第1章 はじめに", "1 目的", "1-3 経緯"]


def test_measure_moved_to_another_section(small):
    change = one(small["changes"], kind="measure", id="counter")
    assert (change["old"], change["new"]) == ("1-2", "2-2")
    assert change["path"] == ["第2章 施策", "2 行政", "2-2 窓口の改善"]
    assert not find(small["changes"], kind="measure", id="office")


def test_section_renumbered_under_enclosing_numbers(small):
    background = one(small["changes"], kind="section", id="background")
    assert (background["old"], background["new"]) == ("1-1", "1-2")
    history = one(small["changes"], kind="section", id="history")
    assert (history["old"], history["new"]) == ("1-2", "1-3")
    added = one(small["changes"], kind="section", id="new-part")
    assert added["new"].startswith("1-1 新しい節\n") and added["old"] is None
