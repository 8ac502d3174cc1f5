"""The 新旧対照表 of kplan diff as Markdown, HTML (checked in headless Chromium) and an A4 landscape PDF."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

import printed_lines
from diff_repo import commit, edit, make_repo

RECONSTRUCTED = "reconstructed: テストのために再構成した版です。\n"
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """v1: the plan marked reconstructed; v2: a paragraph edited (with hostile text), a measure added, one removed."""
    root = make_repo(tmp_path_factory.mktemp("outputs"), label=None)
    first = 'edition: "1"\n' + RECONSTRUCTED + "status: final\n"
    edit(root, "plan/plan.yaml", 'edition: "2.0"\nstatus: draft\n', first)
    commit(root, "reconstructed first edition", "v1")
    edit(root, "plan/plan.yaml", first, 'edition: "2.0"\nstatus: draft\n')
    edit(
        root,
        "plan/chapters/01-about.md",
        "今後も社会情勢の急激な変化に対応していくため",
        f"今後も社会情勢の変化に迅速に対応していくため{HOSTILE}",
    )
    (root / "plan/measures/digital-principles.yaml").unlink()
    edit(root, "plan/chapters/06-measures.md", "```{measure} digital-principles\n```\n\n", "")
    edit(
        root,
        "plan/chapters/06-measures.md",
        "```{measure} local-industry\n```\n",
        "```{measure} local-industry\n```\n\n```{measure} new-one\n```\n",
    )
    (root / "plan/measures/new-one.yaml").write_text(
        "id: new-one\ntitle: 新しい施策\nbody: |\n  新しい施策の本文。\nactions:\n  - 新しい取組\n", encoding="utf-8"
    )
    commit(root, "second edition", "v2")
    return root


@pytest.fixture(scope="module")
def html(repo, kplan_module) -> tuple[Path, str]:
    out = repo / "out" / "taisho.html"
    result = kplan_module("diff", "v1", "v2", "--format", "html", "-o", str(out), cwd=repo)
    assert result.returncode == 1, result.stderr
    assert printed_lines.said("cli.wrote", path=out) in result.stdout
    return out, out.read_text(encoding="utf-8")


def test_html_table_new_left_old_right(html):
    _, page = html
    assert page.count('<th scope="col">改定後</th><th scope="col">改定前</th>') >= 3
    assert '改定前</th><th scope="col">改定後' not in page


def test_html_header_names_both_editions_with_dates_and_the_reconstruction(html):
    _, page = html
    assert re.search(r"<th scope=\"row\">改定後</th><td>第2\.0版 令和3年7月策定\(令和　年　月改定\)\(案\)</td>", page)
    assert re.search(r"<th scope=\"row\">改定前</th><td>初版\(再構成版\) 令和3年7月策定</td>", page)
    notice = re.search(r'<p class="reconstructed" role="note">(.*?)</p>', page, re.DOTALL)
    assert notice and "再構成された版であり、市の公式な文書ではありません" in notice[1]
    assert "テストのために再構成した版です。" in notice[1]


def test_html_marks_new_removed_omitted_and_underlines(html):
    _, page = html
    assert "（新設）" in page and "（削除）" in page and "（略）" in page
    assert "<del>急激な</del>" in page and "<ins>迅速に</ins>" in page
    assert "<ins>(6) 新しい施策<br>" in page  # the new measure, whole, underlined
    assert "<del>(4) デジタル原則に基づく条例等の規制の点検・見直し（第2.0版追加）<br>" in page
    assert "ins, del { text-decoration: underline;" in page


def test_html_escapes_the_plan_text(html):
    _, page = html
    assert HOSTILE not in page and "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_in_chromium(html, tmp_path):
    """In a real browser: 改定後 is the left column, changes are underlined and not struck through."""
    out, page = html
    probe = tmp_path / "probe.html"
    script = """<script>
const heads = [...document.querySelectorAll('table.taisho thead th')].slice(0, 2);
const style = el => getComputedStyle(el).textDecorationLine;
document.body.setAttribute('data-probe', JSON.stringify({
  left: heads[0].textContent, leftX: heads[0].getBoundingClientRect().left,
  right: heads[1].textContent, rightX: heads[1].getBoundingClientRect().left,
  ins: style(document.querySelector('ins')), del: style(document.querySelector('del')),
  omitted: document.querySelectorAll('.omit').length}));
</script></body>"""
    probe.write_text(page.replace("</body>", script), encoding="utf-8")
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found = re.search(r"data-probe=\"(.*?)\"", dom)
    assert found, dom[-500:]
    probe_data = json.loads(found[1].replace("&quot;", '"'))
    assert probe_data["left"] == "改定後" and probe_data["right"] == "改定前"
    assert probe_data["leftX"] < probe_data["rightX"]
    assert probe_data["ins"] == "underline" and probe_data["del"] == "underline"
    assert probe_data["omitted"] > 0


def test_markdown(repo, kplan):
    result = kplan("diff", "v1", "v2", "--format", "md", cwd=repo)
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert text.startswith("# 各務原市第3次ICT基本計画(後期計画) 新旧対照表\n")
    assert "| 改定後 | 改定前 |" in text and "（新設）" in text and "（削除）" in text and "（略）" in text
    assert "<ins>迅速に</ins>" in text and "<ins>急激な</ins>" in text
    assert "&lt;script&gt;" in text and HOSTILE not in text
    assert "再構成された版であり、市の公式な文書ではありません" in text
    assert "## 第6章 各取組施策について" in text and "### 3. 効果的・効率的な行政運営" in text


def test_pdf_is_a4_landscape_with_the_headings(repo, kplan, tmp_path):
    out = tmp_path / "taisho.pdf"
    result = kplan("diff", "v1", "v2", "--format", "pdf", "-o", str(out), cwd=repo)
    assert result.returncode == 1, result.stderr
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
            assert (round(x1 - x0), round(y1 - y0)) == (842, 595)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in (
        "新旧対照表",
        "改定後",
        "改定前",
        "第1章 ICT基本計画(後期計画)について",
        "第6章 各取組施策について",
        "3. 効果的・効率的な行政運営",
        "（新設）",
        "（削除）",
        "（略）",
        "市の公式な文書ではありません",
    ):
        assert heading in text, heading


def test_html_goes_to_build_diff_by_default(repo, kplan):
    result = kplan("diff", "v1", "v2", "--format", "html", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert (repo / "build/diff/v1-v2.html").is_file()
    assert printed_lines.prefix("cli.wrote") in result.stdout and "build/diff/v1-v2.html" in result.stdout


def test_a_broken_diff_template_is_a_one_line_error(project, kplan, tmp_path):
    (project / "templates/diff.html").write_text("{% for x in %}", encoding="utf-8")
    out = tmp_path / "x.html"
    result = kplan("diff", ".", ".", "--format", "html", "-o", str(out), cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "templates/diff.html:1: " in result.stderr and "cli.diff-template" in printed_lines.codes(result.stderr)
    assert not out.exists()
