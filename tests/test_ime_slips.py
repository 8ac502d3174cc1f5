"""IME slips in Markdown, merged list items and raw HTML, as staff type them: each its own finding at the exact
file:line:column, the safe ones fixed by `kplan lint --fix`, none on the real plan.

The plan is tests/fixtures/typed-city (a fictional city); the slipped texts below are made up.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests/fixtures/typed-city"
CHAPTER = "plan/chapters/01-intro.md"
CARD = "plan/measures/counter-booking.yaml"
NEW_RULES = {"ime-heading", "ime-heading-id", "ime-directive", "ime-indent", "ime-list-marker"}
NEW_RULES |= {"merged-items", "raw-html"}

SLIPPED_CHAPTER = """\
---
id: intro
title: 計画のあらまし
---

架空市は、窓口※での待ち時間を短くするため、この計画を定めます。

＃＃ 計画の目的 ｛#purpose｝

市民が来庁せずに手続できる範囲を広げます。

##　対象とする窓口 {＃counters}

- 申請の受付を一か所にまとめる
　- 予約した時間に窓口を案内する

－ 書類の記入を減らす

＃＃ 見出しのつもり

｀｀｀｛note｝
この計画はテスト用の架空の計画です。
｀｀｀

```｛ｄｒａｆｔｅｄ｝
案文です。
```
"""

MERGED_CHAPTER = """\
---
id: intro
title: 計画のあらまし
---

架空市は、窓口※での待ち時間を短くするため、次の取組を進めます。
・受付の一本化
・予約の導入

- 申請の受付を一か所にまとめる
・予約した時間に窓口を案内する
- 書類の記入を減らす

・行頭の中黒で始まる段落は、日本語の文としてよく使われます。

・次の段落も同じです。

手続の<b>多く</b>を、来庁せずに済ませられるようにします。<!-- 要確認 -->

&lt;b&gt; と \\<i> は文字として書いたものです。<参考> も同じです。

Table: 主な窓口

| 窓口 | 主な手続 |
| --- | --- |
| 市民課 | 住民票<br>の交付 |
"""

MERGED_ACTIONS = """\
actions:
  - 予約システムの導入
    - 混雑状況の公開
    - 職員の配置の見直し
"""


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "typed-city"
    shutil.copytree(FIXTURE, root)
    return root


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def lint_json(kplan, root: Path) -> list[dict]:
    result = kplan("-C", str(root), "lint", "--format", "json")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)


def at(root: Path, finding: dict, length: int) -> str:
    """The source text at a finding's line:column."""
    line = (root / finding["file"]).read_text(encoding="utf-8").split("\n")[finding["line"] - 1]
    return line[finding["column"] - 1 : finding["column"] - 1 + length]


def places(root: Path, findings: list[dict], rule: str, length: int) -> list[tuple[int, str]]:
    return [(f["line"], at(root, f, length)) for f in findings if f["rule"] == rule]


@pytest.fixture(scope="module")
def slipped(tmp_path_factory, kplan_module) -> tuple[Path, list[dict]]:
    root = copy_fixture(tmp_path_factory.mktemp("slipped"))
    write(root, CHAPTER, SLIPPED_CHAPTER)
    card = (root / CARD).read_text(encoding="utf-8").replace("### 現状と課題", "＃＃＃ 現状と課題")
    write(root, CARD, card)
    return root, lint_json(kplan_module, root)


@pytest.fixture(scope="module")
def merged(tmp_path_factory, kplan_module) -> tuple[Path, list[dict]]:
    root = copy_fixture(tmp_path_factory.mktemp("merged"))
    write(root, CHAPTER, MERGED_CHAPTER)
    card = (root / CARD).read_text(encoding="utf-8")
    write(root, CARD, card[: card.index("actions:")] + MERGED_ACTIONS)
    return root, lint_json(kplan_module, root)


def test_heading_typed_with_fullwidth_hash_is_a_section_and_reported(slipped):
    """Was: ＃＃ made the heading a paragraph, and the following headings a skipped level; nothing named ＃."""
    from kplan.load import load_plan
    from kplan.model.components import Section

    root, findings = slipped
    assert places(root, findings, "ime-heading", 3) == [(8, "＃＃ "), (12, "##\u3000"), (19, "＃＃ "), (6, "＃＃＃")]
    chapter = load_plan(root).parts[0]
    assert [c.id for c in chapter.components if isinstance(c, Section)] == ["purpose", "counters"]
    fixable = {(f["file"], f["line"]): f["fixable"] for f in findings if f["rule"] == "ime-heading"}
    assert fixable == {(CHAPTER, 8): True, (CHAPTER, 12): True, (CHAPTER, 19): False, (CARD, 6): True}


def test_heading_id_typed_with_fullwidth_braces_is_reported_with_its_fix(slipped):
    """Was: ｛#purpose｝ was `load.heading-id` ("has no id"), which stopped every command."""
    root, findings = slipped
    assert places(root, findings, "ime-heading-id", 11) == [(8, "｛#purpose｝"), (12, "{＃counters}")]
    assert all(
        f["fixable"] and f["fix"]["new"] in ("{#purpose}", "{#counters}")
        for f in findings
        if f["rule"] == "ime-heading-id"
    )


def test_fence_and_directive_name_typed_fullwidth_are_reported(slipped):
    """Was: ```｛note｝ was `load.unknown-directive`, and ｀｀｀ made the note text of the chapter."""
    root, findings = slipped
    assert places(root, findings, "ime-directive", 4) == [(21, "｀｀｀｛"), (23, "｀｀｀"), (25, "｛ｄｒａ")]


def test_fullwidth_space_before_a_list_marker_is_reported(slipped):
    """Was: "　- " joined the line to the item before it, silently."""
    root, findings = slipped
    assert places(root, findings, "ime-indent", 3) == [(15, "\u3000- ")]


def test_fullwidth_hyphen_where_a_list_marker_is_meant_is_reported(slipped):
    root, findings = slipped
    assert places(root, findings, "ime-list-marker", 2) == [(17, "－ ")]


def test_slips_are_warnings_and_the_plan_still_loads(slipped):
    _, findings = slipped
    assert {f["severity"] for f in findings if f["rule"] in NEW_RULES} == {"warning"}
    assert not [f for f in findings if f["code"].startswith("load.")]


def test_lint_fix_types_the_safe_slips_in_ascii(tmp_path, kplan):
    root = copy_fixture(tmp_path)
    write(root, CHAPTER, SLIPPED_CHAPTER)
    result = kplan("-C", str(root), "lint", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    expected = (
        SLIPPED_CHAPTER.replace("＃＃ 計画の目的 ｛#purpose｝", "## 計画の目的 {#purpose}")
        .replace("##\u3000対象とする窓口 {＃counters}", "## 対象とする窓口 {#counters}")
        .replace("｀｀｀", "```")
        .replace("｛note｝", "{note}")
        .replace("｛ｄｒａｆｔｅｄ｝", "{drafted}")
    )
    assert (root / CHAPTER).read_text(encoding="utf-8") == expected
    left = {(f["rule"], f["line"]) for f in lint_json(kplan, root) if f["rule"] in NEW_RULES}
    assert left == {("ime-indent", 15), ("ime-list-marker", 17), ("ime-heading", 19)}  # the editor's choice


def test_markdown_lines_joined_into_one_item_are_reported(merged):
    """Was: ・ lines after a paragraph or a list item were joined into it without a word."""
    root, findings = merged
    in_chapter = [f for f in findings if f["file"] == CHAPTER]
    assert places(root, in_chapter, "merged-items", 1) == [(7, "・"), (11, "・")]
    first = next(f for f in findings if f["rule"] == "merged-items")
    assert "7、8" in first["message"]


def test_yaml_list_items_merged_by_an_indentation_slip_are_reported(merged):
    """Was: three actions indented one step too far became one bullet, and lint said nothing."""
    root, findings = merged
    hits = [f for f in findings if f["rule"] == "merged-items" and f["file"] == CARD]
    assert [(f["line"], at(root, f, 2)) for f in hits] == [(15, "- ")]


def test_paragraphs_that_start_with_a_nakaguro_are_prose_not_slips(merged):
    """・ at the start of a paragraph is ordinary Japanese; only a ・ line joined to the line before counts."""
    _, findings = merged
    assert not [f for f in findings if f["rule"] in NEW_RULES and f["line"] in (14, 16)]


def test_raw_html_is_reported_where_it_stands(merged):
    """Was: <b> and <!-- --> were printed as text on the site without a word."""
    root, findings = merged
    assert places(root, findings, "raw-html", 4) == [(18, "<b>多"), (18, "</b>"), (18, "<!--"), (26, "<br>")]


def test_real_plan_has_no_slip_merge_or_html(real_plan):
    from kplan.lint import run

    assert [f for f in run(real_plan) if f.rule in NEW_RULES] == []


def test_measure_id_typed_fullwidth_names_the_id_in_ascii(tmp_path, kplan):
    """Was: "{measure} needs a measure id, found 'ｃｏｕｎｔｅｒ-booking'", without saying what was wrong with it."""
    root = copy_fixture(tmp_path)
    rel = "plan/chapters/02-measures.md"
    text = (root / rel).read_text(encoding="utf-8")
    write(root, rel, text.replace("{measure} counter-booking", "{measure} ｃｏｕｎｔｅｒ-booking"))
    result = kplan("-C", str(root), "lint", "--format", "json")
    assert result.returncode == 2
    [problem] = json.loads(result.stdout)
    assert (problem["code"], problem["file"], problem["line"], problem["column"]) == ("load.invalid-value", rel, 8, 1)
    assert "{measure} counter-booking" in problem["suggestion"]
