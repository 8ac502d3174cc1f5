"""kplan export --format md: the whole plan as one Markdown file that says what the site says, safely escaped."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

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
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n"
                       "本文\\*強調\\*と\\_下線\\_と&lt;script&gt;と\\[偽リンク\\](https://example.com)と"
                       "`<b>太字</b>`と&#35;記号。\n", encoding="utf-8")
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
    assert result.returncode == 0 and f"wrote {target}" in result.stdout
    before = target.stat().st_mtime_ns
    assert kplan("-C", str(project), "export").returncode == 0
    assert target.stat().st_mtime_ns == before
    refused = kplan("-C", str(project), "export", "--format", "docx")
    assert refused.returncode == 2 and "hint: use --format md" in refused.stderr
