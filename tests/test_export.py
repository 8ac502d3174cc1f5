"""kplan export --format md: the whole plan as one Markdown file that says what the site says, safely escaped."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import printed_lines
from fidelity import SEED, html_text, normalise, seed_fragments
from test_plan_content import errata_pairs


def _render(markdown: str) -> str:
    """The exported Markdown as a CommonMark reader (with tables) shows it."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)  # pandoc's title block
    body = re.sub(r" \{#[\w-]+\}$", "", body, flags=re.M)  # pandoc's heading ids
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(body)


def test_export_holds_every_seed_sentence(kplan):
    result = kplan("export", "-o", "-")
    assert result.returncode == 0, result.stderr
    text = normalise(html_text(_render(result.stdout)) + result.stdout.split("---")[1])
    fragments = seed_fragments(SEED.read_text(encoding="utf-8"), errata_pairs())
    missing = [f for f in fragments if f not in text]
    assert not missing, missing[:20]


def test_plan_text_cannot_become_markdown_syntax(project, kplan):
    chapter = project / "plan/chapters/02-trends.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n"
        "本文\\*強調\\*と\\_下線\\_と&lt;script&gt;と\\[偽リンク\\](https://example.com)と"
        "`<b>太字</b>`と&#35;記号。\n",
        encoding="utf-8",
    )
    result = kplan("-C", str(project), "export", "-o", "-")
    assert result.returncode == 0, result.stderr
    html = _render(result.stdout)
    assert "<script" not in html and "<em>" not in html and "<b>" not in html
    assert 'href="https://example.com' not in html
    shown = html_text(html)
    assert "本文*強調*と_下線_と<script>と[偽リンク](https://example.com)と<b>太字</b>と#記号。" in shown


def test_export_writes_a_file_once_and_refuses_unknown_formats(project, kplan):
    result = kplan("-C", str(project), "export")
    target = project / "build/plan-2.0.md"
    assert result.returncode == 0 and printed_lines.said("cli.wrote", path=target) in result.stdout
    before = target.stat().st_mtime_ns
    assert kplan("-C", str(project), "export").returncode == 0
    assert target.stat().st_mtime_ns == before
    refused = kplan("-C", str(project), "export", "--format", "docx")
    assert refused.returncode == 2 and "cli.unknown-value" in printed_lines.codes(refused.stderr)


# ---- the small fixture plan, in-process --------------------------------------------------------------------------

PLACEHOLDER = """figures:
  - id: office-image
    caption: イメージ図
    alt: 事務の流れの図
    words: [(例), 申請, 審査]
"""


@pytest.fixture
def small(tmp_path: Path):
    from diff_repo import small_plan
    from kplan.load import load_plan

    root = small_plan(tmp_path / "plan")
    with (root / "plan/measures/office.yaml").open("a", encoding="utf-8") as file:
        file.write(PLACEHOLDER)
    return root, load_plan(root)


def test_figures_are_images_or_a_sentence_saying_they_are_missing(small):
    from kplan.export.markdown import export_markdown

    root, plan = small
    text = export_markdown(plan)
    assert "![計画の全体像を示す図](<plan/figures/overview.png>)" in text
    assert "**図は未収録** 図中の文字：(例)、申請、審査。" in text
    assert not re.search(r"^- (\\\(例\\\)|\(例\)|申請|審査)$", text, re.M)  # the words are never bullets
    assert "※イメージ図" in text and "※計画の全体像" in text


def test_the_md_builder_writes_one_file_with_images_relative_to_it(small, tmp_path: Path):
    from kplan.builders import builder
    from kplan.export.markdown import export_markdown
    from kplan.project import Project

    root, plan = small
    out = tmp_path / "out" / "md"
    written = builder("md").build(plan, Project(root), out)
    assert written == [out / "plan-1.md"]
    text = written[0].read_text(encoding="utf-8")
    assert text == export_markdown(plan, out)
    assert "![計画の全体像を示す図](<../../plan/plan/figures/overview.png>)" in text


def test_pandoc_reads_the_export(small):
    """pandoc parses the file into the headings, tables and image it should hold (one pandoc run)."""
    from kplan.export.markdown import export_markdown

    _, plan = small
    result = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"],
        input=export_markdown(plan),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    document = json.loads(result.stdout)
    assert document["meta"]["title"]["c"][0]["c"] == "試験市小さな計画"
    blocks = document["blocks"]
    ids = [block["c"][1][0] for block in blocks if block["t"] == "Header"]
    assert ids[:3] == ["contents", "chapter-1", "purpose"] and "measure-online" in ids and "history" in ids
    assert sum(block["t"] == "Table" for block in blocks) == 1
    assert '"t": "Image"' in json.dumps(document) or '"t":"Image"' in result.stdout


def test_the_survey_caption_is_the_plans_own(project):
    from kplan.export.markdown import export_markdown
    from kplan.load import load_plan

    survey = project / "plan/survey.yaml"
    survey.write_text(
        survey.read_text(encoding="utf-8").replace("回答者の性別(本文に記載された割合)", "回答者の性別(テスト)"),
        encoding="utf-8",
    )
    text = export_markdown(load_plan(project))
    assert "Table: 回答者の性別(テスト)" in text and "回答者の性別(本文に記載された割合)" not in text
