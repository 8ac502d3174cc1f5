"""kplan build: the HTML site and the PDF of the whole plan, reproducible, safe with hostile text."""

from __future__ import annotations

import re
import subprocess

from fidelity import normalise


def test_build_writes_and_names_the_site_and_the_pdf(built):
    out, stdout = built
    assert str(out / "html" / "index.html") in stdout
    assert str(out / "pdf" / "plan-2.0.pdf") in stdout
    pages = sorted(p.name for p in (out / "html").glob("*.html"))
    assert pages == sorted(["index.html", *(f"chapter-{n}.html" for n in range(1, 7)), "glossary.html",
                            "survey.html", "public-comment.html", "search.html"])


def test_pdf_holds_the_whole_plan(built, real_plan):
    out, _ = built
    text = normalise(subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / "pdf/plan-2.0.pdf"), "-"],
                                    capture_output=True, text=True, check=True).stdout)
    expected = [c.title for c in real_plan.chapters] + [m.title for m in real_plan.measures]
    expected += [t.term for t in real_plan.glossary.terms]
    expected += ["各務原情報化市民調査の結果について", "パブリックコメントの結果について",
                 "岐阜県各務原市那加桜町1丁目69番地"]
    missing = [e for e in expected if normalise(e) not in text]
    assert not missing


def test_pdf_fonts_are_embedded_subsets(built):
    out, _ = built
    listing = subprocess.run(["pdffonts", str(out / "pdf/plan-2.0.pdf")], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
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
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n\n"
                       '本文<img src=x onerror="alert(2)">と[リンク](javascript:alert(3))と[市](https://www.city.kakamigahara.lg.jp/)。\n',
                       encoding="utf-8")
    glossary = project / "glossary/glossary.yaml"  # definitions reach every page as tooltips
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "definition: Artificial", "definition: <script>alert(4)</script><img src=x onerror=alert(5)>Artificial"
    ), encoding="utf-8")
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
    css.write_text('@import url("file:///etc/passwd");\nbody { background: url("http://example.com/x.png"); }\n'
                   + css.read_text(encoding="utf-8"), encoding="utf-8")
    result = kplan("-C", str(project), "build", "--pdf")
    assert result.returncode == 0, result.stderr
    assert "refused to load file:///etc/passwd" in result.stderr
    assert "refused to load http://example.com/x.png" in result.stderr
    pdf = (project / "build/pdf/plan-2.0.pdf").read_bytes()
    assert b"root:x:0:0" not in pdf


def test_print_document_ids_are_unique_and_every_internal_link_lands(real_plan):
    from kplan.render.pdf import print_html

    html = print_html(real_plan)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= set(ids), sorted(targets - set(ids))
