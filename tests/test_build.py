"""kplan build: the HTML site and the PDF of the whole plan, reproducible, safe with hostile text."""

from __future__ import annotations

import re
import subprocess
from types import SimpleNamespace

import pytest

from fidelity import normalise


def test_build_writes_and_names_the_site_and_the_pdf(built):
    out, stdout = built
    assert str(out / "html" / "index.html") in stdout
    assert str(out / "pdf" / "plan-2.0.pdf") in stdout
    pages = sorted(p.name for p in (out / "html").glob("*.html"))
    assert pages == sorted(
        [
            "index.html",
            *(f"chapter-{n}.html" for n in range(1, 7)),
            "glossary.html",
            "survey.html",
            "public-comment.html",
            "search.html",
        ]
    )


def test_pdf_holds_the_whole_plan(built, real_plan):
    out, _ = built
    text = normalise(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(out / "pdf/plan-2.0.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    expected = [c.title for c in real_plan.chapters] + [m.title for m in real_plan.measures]
    expected += [t.term for t in real_plan.glossary.terms]
    expected += [
        "各務原情報化市民調査の結果について",
        "パブリックコメントの結果について",
        "岐阜県各務原市那加桜町1丁目69番地",
    ]
    missing = [e for e in expected if normalise(e) not in text]
    assert not missing


def test_pdf_fonts_are_embedded_subsets(built):
    out, _ = built
    listing = subprocess.run(
        ["pdffonts", str(out / "pdf/plan-2.0.pdf")], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    names = " ".join(line.split()[0] for line in listing)
    assert "BIZUDMincho" in names.replace("-", "") or "BIZ" in names
    for line in listing:
        emb, sub = re.findall(r"\b(yes|no)\b", line)[:2]
        assert (emb, sub) == ("yes", "yes"), line


def test_term_links_point_at_glossary_entries(built, real_plan):
    out, _ = built
    chapter = (out / "html/chapter-1.html").read_text(encoding="utf-8")
    glossary = (out / "html/glossary.html").read_text(encoding="utf-8")
    targets = re.findall(r'href="glossary\.html#(term-[a-z0-9-]+)"', chapter)
    assert "term-ict" in targets
    for target in targets:
        assert f'id="{target}"' in glossary


def test_rebuild_is_byte_identical_and_rewrites_nothing(built, kplan, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    assert kplan("build", "-o", str(again)).returncode == 0
    for path in sorted(out.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(out)).read_bytes(), path.name
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in again.rglob("*") if p.is_file()}
    assert kplan("build", "-o", str(again)).returncode == 0
    assert before == {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in again.rglob("*") if p.is_file()}


def test_hostile_text_does_not_reach_the_site(project, kplan):
    chapter = project / "plan/chapters/02-trends.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n\n"
        '本文<img src=x onerror="alert(2)">と[リンク](javascript:alert(3))と[市](https://www.city.kakamigahara.lg.jp/)。\n',
        encoding="utf-8",
    )
    glossary = project / "glossary/glossary.yaml"  # definitions reach every page as tooltips
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(
            "definition: Artificial", "definition: <script>alert(4)</script><img src=x onerror=alert(5)>Artificial"
        ),
        encoding="utf-8",
    )
    assert kplan("-C", str(project), "build", "--html").returncode == 0
    assert "&lt;script&gt;alert(4)" in (project / "build/html/chapter-1.html").read_text(encoding="utf-8")
    html = (project / "build/html/chapter-2.html").read_text(encoding="utf-8")
    assert "<img" not in html and 'href="javascript:' not in html and 'onerror="' not in html
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="site.js" defer>']
    assert "&lt;script&gt;" in html  # shown as text, not dropped silently
    assert '<a href="https://www.city.kakamigahara.lg.jp/">市</a>' in html
    search_data = (project / "build/html/search-data.js").read_text(encoding="utf-8")
    assert "\\u003cscript\\u003ealert(1)" in search_data  # searchable as text, and no markup
    for path in (project / "build/html").rglob("*"):
        if path.suffix in (".html", ".js"):
            text = path.read_text(encoding="utf-8")
            assert "<script>alert" not in text and "<img src=x" not in text, path
            assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", text, re.IGNORECASE), path


def test_pdf_loads_only_files_inside_the_project(project, kplan):
    css = project / "templates/static/print.css"
    css.write_text(
        '@import url("file:///etc/passwd");\nbody { background: url("http://example.com/x.png"); }\n'
        + css.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = kplan("-C", str(project), "build", "--pdf")
    assert result.returncode == 0, result.stderr
    refused = [line for line in result.stderr.splitlines() if "build.refused" in line]
    assert any("file:///etc/passwd" in line for line in refused), result.stderr
    assert any("http://example.com/x.png" in line for line in refused), result.stderr
    pdf = (project / "build/pdf/plan-2.0.pdf").read_bytes()
    assert b"root:x:0:0" not in pdf


def test_print_document_ids_are_unique_and_every_internal_link_lands(real_plan):
    from kplan.render.pdf import print_html

    html = print_html(real_plan)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= set(ids), sorted(targets - set(ids))


# ---- a small plan of another shape: written by the test, built once (site and PDF) -----------------------------

SMALL_PLAN = {
    "plan/plan.yaml": """\
municipality: 試験町
title: 試験計画
edition: "1"
status: final
dates: {established: 2024-04}
period: {from: 2024, to: 2028}
conventions:
  numbering: ["{n}.", "{1}-{n}"]
parts:
  - chapter: plan/chapters/01-intro.md
  - glossary: glossary/glossary.yaml
""",
    "plan/chapters/01-intro.md": """\
---
id: intro
title: はじめに
---

序文です。ICT※を使います。

```{drafted}
案として書いた段落です。
```

## 現状 {#current}

現状の説明です。

```{measure} bare
```

### 詳細 {#detail}

詳細の説明です。

```{indicators}
id: kpi
caption: 成果指標
rows:
  - id: rate
    name: オンライン申請の割合
    unit: "%"
    baseline: {value: 35, year: 2022}
    target: {value: 80, year: 2027}
```

```{figure}
id: photo
caption: 庁舎の写真
alt: 赤い四角の試験画像
image: plan/figures/tiny.png
```

```{figure}
id: sketch
caption: 窓口のイメージ
words: [市民, 窓口, オンライン申請]
```
""",
    "plan/measures/bare.yaml": "id: bare\ntitle: 最小の施策\n",
    "glossary/glossary.yaml": """\
title: 用語の説明
order: as-written
terms:
  - id: zeta
    term: ゼータ
    reading: ぜーた
    definition: 最後に置いた用語です。
  - id: ict
    term: ICT
    definition: 情報通信技術のことです。
    drafted: true
""",
}


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A real PNG: `width` × `height` red pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> SimpleNamespace:
    """The small plan written, loaded and built once by the registered builders: its root, plan, site and PDF."""
    from kplan.builders import builder
    from kplan.load import load_plan
    from kplan.project import Project

    root = tmp_path_factory.mktemp("small")
    for name, text in SMALL_PLAN.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "plan/figures").mkdir(parents=True)
    (root / "plan/figures/tiny.png").write_bytes(tiny_png())
    project = Project(root)
    plan = load_plan(project)
    site = builder("html").build(plan, project, root / "build/html")
    document = builder("pdf")
    [pdf] = document.build(plan, project, root / "build/pdf")
    assert document.refused == []
    return SimpleNamespace(root=root, plan=plan, site=root / "build/html", files=site, pdf=pdf)


def _between(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_small_plan_site_has_the_image_and_the_placeholder(small):
    chapter = (small.site / "chapter-1.html").read_text(encoding="utf-8")
    copied = small.site / "figures/photo.png"
    assert copied in small.files and copied.read_bytes() == tiny_png()
    image = re.search(r'<figure class="figure" id="figure-photo">\s*<img ([^>]*)>', chapter)[1]
    assert 'src="figures/photo.png"' in image and 'alt="赤い四角の試験画像"' in image
    assert 'width="4"' in image and 'height="3"' in image and 'loading="lazy"' in image
    placeholder = _between(chapter, '<figure class="figure-placeholder" id="figure-sketch">', "</figure>")
    assert "図は未収録" in placeholder and "窓口のイメージ" in placeholder
    assert "<ul" not in placeholder and "<li" not in placeholder
    assert re.search(r"<p[^>]*>.*市民、窓口、オンライン申請</p>", placeholder)


def test_small_plan_site_numbers_sections_and_shows_a_bare_card_and_indicators(small):
    chapter = (small.site / "chapter-1.html").read_text(encoding="utf-8")
    assert re.search(r'<h2><span class="num">1\.</span> 現状</h2>', chapter)
    assert re.search(r'<h3><span class="num">1-1</span> 詳細</h3>', chapter)
    card = _between(chapter, '<article id="measure-bare" class="measure">', "</article>")
    assert "最小の施策" in card and "取組内容" not in card and "<ul" not in card
    table = _between(chapter, '<table class="indicators">', "</table>")
    for expected in ("指標", "単位", "現状値", "目標値", "オンライン申請の割合", "35", "80", "令和4年度", "令和9年度"):
        assert expected in table, expected
    assert '<th scope="row">オンライン申請の割合</th>' in table


def test_small_plan_drafted_text_is_labelled_in_the_text_and_the_tooltip(small):
    chapter = (small.site / "chapter-1.html").read_text(encoding="utf-8")
    assert re.search(r"案として書いた段落です。<span class=\"drafted\">（案文・市の確認前）</span>", chapter)
    tip = _between(chapter, 'id="tip-ict"', "</div>")
    assert "情報通信技術のことです。" in tip and "（案文・市の確認前）" in tip
    glossary = (small.site / "glossary.html").read_text(encoding="utf-8")
    assert '情報通信技術のことです。<span class="drafted">' in glossary


def test_small_plan_glossary_as_written_keeps_its_order_without_kana_groups(small):
    glossary = (small.site / "glossary.html").read_text(encoding="utf-8")
    assert "glossary-group" not in glossary and "glossary-index" not in glossary
    assert glossary.index('id="term-zeta"') < glossary.index('id="term-ict"')
    pages = sorted(p.name for p in small.site.glob("*.html"))
    assert pages == ["chapter-1.html", "glossary.html", "index.html", "search.html"]


def test_small_plan_pdf_shows_the_image_the_placeholder_and_the_indicators(small):
    import pikepdf

    from pdfread import Reader

    pdf = pikepdf.open(small.pdf)
    images = {bytes(image.read_raw_bytes()) for page in pdf.pages for image in page.get_images().values()}
    assert len(images) == 1
    text = normalise(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(small.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for expected in (
        "図は未収録",
        "市民、窓口、オンライン申請",
        "窓口のイメージ",
        "庁舎の写真",
        "35(令和4年度)",
        "80(令和9年度)",
        "案として書いた段落です。(案文・市の確認前)",
        "最小の施策",
    ):
        assert normalise(expected) in text, expected
    assert text.index(normalise("最後に置いた用語です")) < text.index(normalise("情報通信技術のことです"))
    outline = [(level, re.sub(r"\s+", "", title)) for level, title, _page in Reader(small.pdf).outline()]
    assert (1, "第1章はじめに") in outline and (2, "1.現状") in outline and (3, "1-1詳細") in outline
    [bare] = small.plan.measures
    assert (3, f"{bare.label}最小の施策") in outline


def test_render_code_names_no_municipality_and_no_plan_of_its_own():
    from conftest import REPO

    files = [
        *(REPO / "src/kplan/render").rglob("*.py"),
        *(REPO / "templates").rglob("*.html"),
        *(REPO / "templates/static").glob("*.js"),
        *(REPO / "templates/static").glob("*.css"),
    ]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for word in ("各務原", "【重点】", "第2.0版", "性別", "__class__"):
            assert word not in text, (path.name, word)


def test_pages_follow_the_parts_and_a_second_part_of_a_kind_gets_a_suffix(small):
    from msgspec.structs import replace

    from kplan.render.contents import contents, pages

    chapter, glossary = small.plan.parts
    plan = replace(small.plan, parts=(glossary, chapter, glossary))
    assert [p.name for p in pages(plan)] == ["glossary.html", "chapter-1.html", "glossary-2.html"]
    toc = contents(plan, lambda page, anchor: f"{page.name}#{anchor}" if anchor else page.name)
    assert [entry.href for entry in toc] == ["glossary.html", "chapter-1.html", "glossary-2.html"]
    assert toc[1].children[0].title == "1. 現状"
