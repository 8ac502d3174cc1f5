"""The print-ready PDF, read back from the real file WeasyPrint wrote (pikepdf, pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

import printed_lines
from fidelity import normalise
from pdfread import Reader, page_texts, page_words

A4 = (595.2756, 841.8898)  # points
MM = 72 / 25.4
LINE_START_FORBIDDEN = "。、」）』】〕〉》，．・：；？！ーぁぃぅぇぉっゃゅょァィゥェォッャュョ々"


@pytest.fixture(scope="module")
def pdf_path(built) -> Path:
    out, _ = built
    return out / "pdf" / "plan-2.0.pdf"


@pytest.fixture(scope="module")
def reader(pdf_path) -> Reader:
    return Reader(pdf_path)


@pytest.fixture(scope="module")
def texts(pdf_path) -> list[str]:
    return page_texts(pdf_path)


@pytest.fixture(scope="module")
def print_pdf(tmp_path_factory) -> Path:
    from conftest import run_kplan

    out = tmp_path_factory.mktemp("print")
    result = run_kplan("build", "--pdf", "--profile", "print", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out / "pdf" / "plan-2.0-print.pdf") in result.stdout
    return out / "pdf" / "plan-2.0-print.pdf"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _toc_pages(reader: Reader) -> range:
    """From the 目次 bookmark up to the first chapter's."""
    outline = reader.outline()
    first = next(page for _level, title, page in outline if title == "目次")
    chapter_1 = next(page for _level, title, page in outline if title.startswith("第1章"))
    return range(first, chapter_1)


def test_toc_numbers_equal_the_printed_page_of_each_heading(pdf_path, reader, texts):
    toc_pages = _toc_pages(reader)
    layout = page_texts(pdf_path, "-layout")
    entries: list[tuple[str, int]] = []
    pending = ""
    for page in toc_pages:
        for line in layout[page].splitlines():
            line = line.strip()
            if not line or line == "目次" or re.fullmatch(r"\d+", line):
                continue
            match = re.fullmatch(r"(.*?)\s*\.{3,}\s*(\d+)", line)
            if match:
                entries.append((_squash(pending + match[1]), int(match[2])))
                pending = ""
            else:
                pending += line
    bookmarks = [(_squash(title), page) for _level, title, page in reader.outline()]
    position = 0
    toc_targets = {link.dest for link in reader.links() if link.page in toc_pages}
    assert len(entries) == len(toc_targets) > 40
    for title, printed in entries:
        # the TOC and the outline are both in document order; equal titles (a section and a group) pair in turn
        position = next(i for i in range(position, len(bookmarks)) if bookmarks[i][0].startswith(title)) + 1
        heading_page = bookmarks[position - 1][1]
        assert printed == heading_page + 1, (title, printed, heading_page + 1)
        # and the page that carries that number shows the heading
        assert title[:12] in _squash(texts[heading_page]), title


def test_every_term_link_lands_on_the_glossary_row_of_its_term(reader, texts, pdf_path, real_plan):
    destinations = reader.named_destinations()
    words = page_words(pdf_path)
    terms = {f"term-{term.id}": term for term in real_plan.glossary.terms}
    glossary_start = next(page for level, title, page in reader.outline() if title == real_plan.glossary.title)
    markers = [m for text in _all_texts(real_plan) for m in text.markers if m.term_id]
    term_links = [link for link in reader.links() if link.dest.startswith("term-")]
    assert len(term_links) >= len(markers) > 30
    for link in term_links:
        term = terms[link.dest]
        page = destinations[link.dest]
        assert page >= glossary_start, link
        assert _squash(term.term) in _squash(texts[page]), (link.dest, page + 1)
        # the link sits on the marked word: a word under its rectangle holds (part of) the term or an alias
        under = "".join(w.text for w in words[link.page] if _overlaps(w, link.rect))
        spellings = [term.term, *term.aliases]
        assert any(_shares_run(under, spelling) for spelling in spellings), (link.dest, link.page + 1, under)


def _all_texts(plan):  # type: ignore[no-untyped-def]
    from kplan.model.visit import rich_texts

    return list(rich_texts(plan))


def _components(plan, kind):  # type: ignore[no-untyped-def]
    """The plan's components of one kind, in reading order."""
    from kplan.model.visit import components

    return [component for _part, _trail, component in components(plan) if component.kind == kind]


def _overlaps(word, rect) -> bool:  # type: ignore[no-untyped-def]
    x0, y0, x1, y1 = rect
    return word.x0 < x1 - 0.5 and word.x1 > x0 + 0.5 and word.y0 < y1 and word.y1 > y0


def _shares_run(under: str, spelling: str) -> bool:
    """True when the text under a link holds the spelling, or a 2+ character piece of it (a term split by a line
    break gets one link per line)."""
    under, spelling = _squash(under), _squash(spelling)
    return spelling in under or any(spelling[i : i + 2] in under for i in range(len(spelling) - 1))


def test_outline_has_chapters_sections_measures_and_glossary_groups(reader, real_plan):
    outline = reader.outline()
    titles = [_squash(title) for _level, title, _page in outline]
    for chapter in real_plan.chapters:
        assert _squash(f"第{chapter.number}章 {chapter.title}") in titles
    sections = [s for s in _components(real_plan, "section") if s.level == 1]
    assert len(sections) > 10
    for section in sections:
        assert _squash(f"{section.label} {section.title}") in titles
    for measure in real_plan.measures:
        assert any(_squash(measure.title) in title for title in titles), measure.title
    glossary_children = [title for level, title, _page in outline if level == 2]
    assert "A–Z" in glossary_children and "あ" in glossary_children


def test_metadata_names_the_plan_the_city_and_the_language(reader, real_plan):
    info = reader.pdf.docinfo
    meta = real_plan.meta
    assert str(info["/Title"]) == f"{meta.municipality}{meta.full_title}【第{meta.edition}版】(案)"
    assert str(info["/Author"]) == meta.municipality
    assert str(reader.pdf.Root.Lang) == "ja"
    # dates come from the plan (令和3年7月), not from the clock
    assert str(info["/CreationDate"]).startswith("D:202107")
    assert "/ModDate" not in info


def test_tagged_pdf_ua(reader):
    root = reader.pdf.Root
    assert "/StructTreeRoot" in root
    assert bool(root.MarkInfo.Marked) is True
    xmp = root.Metadata.read_bytes().decode()
    assert 'pdfuaid:part="1"' in xmp


def test_fonts_are_the_bizud_pair_embedded_as_subsets(pdf_path):
    listing = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    names = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in listing}
    assert any("Mincho" in name for name in names) and any("Gothic" in name for name in names), names
    for line in listing:
        assert re.match(r"[A-Z]{6}\+", line), line  # subset tag
        emb, sub = re.findall(r"\b(yes|no)\b", line)[:2]
        assert (emb, sub) == ("yes", "yes"), line


def test_no_blank_pages_and_no_number_on_the_cover(texts):
    for number, text in enumerate(texts, start=1):
        assert text.strip(), f"page {number} is blank"
    assert not re.search(r"^\s*1\s*$", texts[0], re.M)
    for number in (2, 5, len(texts)):
        assert re.search(rf"^\s*{number}\s*$", texts[number - 1], re.M), f"page {number} has no page number"


def test_running_heads_name_the_current_chapter(reader, pdf_path, texts, real_plan):
    words = page_words(pdf_path)
    chapter_titles = {_squash(f"第{c.number}章 {c.title}"): c for c in real_plan.chapters}
    starts = sorted(
        (page, _squash(title))
        for level, title, page in reader.outline()
        if level == 1 and _squash(title) in chapter_titles
    )
    checked = 0
    for (start, title), (end, _next) in zip(starts, [*starts[1:], (starts[-1][0] + 2, "")], strict=True):
        for page in range(start + 1, end):
            head = _squash("".join(w.text for w in words[page] if w.y1 < 50))
            assert head == title, (page + 1, head, title)
            checked += 1
    assert checked >= 10


def test_no_line_starts_with_a_closing_mark(texts):
    offenders = [line for text in texts for line in text.splitlines() if line[:1] and line[0] in LINE_START_FORBIDDEN]
    assert not offenders


def test_long_tables_repeat_their_header_on_every_page(texts, reader, real_plan):
    [table] = _components(real_plan, "records")
    outline = reader.outline()
    start = next(page for level, title, page in outline if level == 1 and title.startswith("第4章"))
    end = next(page for level, title, page in outline if level == 1 and title.startswith("第5章"))
    assert end - start >= 3
    row_starts = [_squash(row.cells[0].texts[0].plain)[:10] for group in table.groups for row in group.rows]
    for page in range(start, end):
        text = _squash(texts[page])
        if any(row in text for row in row_starts):
            for header in (column.title for column in table.columns):
                assert _squash(header)[:8] in text, (page + 1, header)


def test_glossary_is_grouped_under_50on_headings(texts, reader, real_plan):
    from kplan.kana import group_label

    glossary_start = next(page for level, title, page in reader.outline() if title == real_plan.glossary.title)
    text = "\n".join(texts[glossary_start : glossary_start + 5])
    lines = [line.strip() for line in text.splitlines()]
    expected = list(dict.fromkeys(group_label(t.term, t.reading) for t in real_plan.glossary.terms))
    assert expected[:3] == ["A–Z", "あ", "か"]
    positions = [lines.index(label) for label in expected]
    assert positions == sorted(positions)


def test_survey_charts_are_drawn(texts, real_plan):
    charts = [q for s in real_plan.survey.sections for q in s.questions if q.chart]
    survey = "\n".join(texts)
    assert survey.count("100%") >= len(charts) >= 5
    for question in charts:
        for result in question.chart.results:
            assert f"{result.percent:.1f}%" in survey


def test_measure_cards_are_boxed_with_their_marks(texts, real_plan):
    everything = normalise("".join(texts))
    from kplan.model.labels import measure_marks

    for measure in real_plan.measures:
        title = normalise(measure.title)
        assert title in everything
        marks = normalise(measure_marks(measure, real_plan.conventions))
        assert normalise(f"{measure.label}") + title + marks in everything, measure.id


def test_the_image_placeholders_are_boxes_that_say_so(texts, real_plan):
    figures = _components(real_plan, "figure")
    everything = normalise("".join(texts))
    assert everything.count(normalise("図は未収録")) == len(figures) == 8
    for figure in figures:
        if figure.words:
            assert normalise("、".join(word.plain for word in figure.words)) in everything, figure.id


def test_print_profile_has_bleed_and_crop_marks(print_pdf, pdf_path):
    printed = pikepdf.open(print_pdf)
    for page in printed.pages:
        trim = [float(v) for v in page.TrimBox]
        bleed = [float(v) for v in page.BleedBox]
        media = [float(v) for v in page.MediaBox]
        assert trim[2] - trim[0] == pytest.approx(A4[0], abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(A4[1], abs=0.01)
        for t, b, sign in zip(trim, bleed, (-1, -1, 1, 1), strict=True):
            assert b - t == pytest.approx(sign * 3 * MM, abs=0.01)
        assert media[0] < bleed[0] and media[2] > bleed[2]
    # the crop mark at the top-left trim line is drawn outside the bleed
    png = print_pdf.parent / "page1"
    subprocess.run(
        ["pdftoppm", "-f", "2", "-l", "2", "-r", "72", "-gray", "-png", str(print_pdf), str(png)], check=True
    )
    from PIL import Image

    image = Image.open(next(print_pdf.parent.glob("page1*.png"))).convert("L")
    offset = float(printed.pages[1].TrimBox[0]) - float(printed.pages[1].MediaBox[0])
    outside_bleed = range(0, round(offset - 3 * MM - 1))
    mark = [image.getpixel((x, y)) for x in range(round(offset) - 1, round(offset) + 2) for y in outside_bleed]
    assert min(mark) < 160, "no crop mark above the top-left trim corner"
    inside = [image.getpixel((x, y)) for x in range(round(offset) + 20, round(offset) + 40) for y in outside_bleed]
    assert min(inside) > 250, "marks must stay outside the page"
    # the download profile has no bleed at all
    download = pikepdf.open(pdf_path)
    for page in download.pages:
        assert [float(v) for v in page.MediaBox] == pytest.approx([0, 0, *A4], abs=0.01)


@pytest.mark.parametrize(("variant", "expect"), [("pdf/a-3u", 'pdfaid:part="3"'), ("none", None)])
def test_pdf_variant_option(project, kplan, variant, expect):
    result = kplan("-C", str(project), "build", "--pdf", "--pdf-variant", variant)
    assert result.returncode == 0, result.stderr
    pdf = pikepdf.open(project / "build/pdf/plan-2.0.pdf")
    xmp = pdf.Root.Metadata.read_bytes().decode() if "/Metadata" in pdf.Root else ""
    if expect:
        assert expect in xmp
    else:
        assert "pdfuaid" not in xmp and "pdfaid" not in xmp


def test_unknown_variant_and_profile_are_refused_before_any_work(project, kplan):
    for option, value in (("--pdf-variant", "pdf/z-9"), ("--profile", "poster")):
        result = kplan("-C", str(project), "build", "--pdf", option, value)
        assert result.returncode == 2
        assert "cli.unknown-value" in printed_lines.codes(result.stderr) and "Traceback" not in result.stderr
    assert not (project / "build").exists()


def test_variant_list_matches_weasyprint():
    from weasyprint.pdf import VARIANTS as WEASYPRINT_VARIANTS

    from kplan.render.pdf import VARIANTS

    assert set(VARIANTS) == set(WEASYPRINT_VARIANTS) - {"debug"}


def test_a_chapter_cannot_make_the_pdf_load_anything(project, kplan):
    chapter = project / "plan/chapters/02-trends.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n"
        "図![追跡](http://example.com/pixel.png)と![鍵](../../../../etc/passwd)。\n\n"
        "[資料](ftp://example.com/f)と[設定](file:///etc/passwd)と"
        '<img src="http://example.com/x.png">と<link rel="stylesheet" href="http://example.com/x.css">。\n',
        encoding="utf-8",
    )
    lines = chapter.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines, 1) if "pixel.png" in line)
    result = kplan("-C", str(project), "build", "--pdf")
    assert result.returncode == 0, result.stderr
    expected = [
        (first, lines[first - 1].index("http://example.com/pixel.png") + 1, "http://example.com/pixel.png"),
        (first, lines[first - 1].index("../../../../etc/passwd") + 1, "../../../../etc/passwd"),
        (first + 2, lines[first + 1].index("ftp:") + 1, "ftp://example.com/f"),
    ]
    warnings = [m for m in printed_lines.lines(result.stderr) if m["code"] == "load.notice"]
    for line, column, url in expected:
        at = ("plan/chapters/02-trends.md", str(line), str(column))
        found = [m for m in warnings if (m["file"], m["line"], m["column"]) == at and url in m["message"]]
        assert found and (found[0]["hint"] or found[0]["hint_en"]), (at, url, result.stderr)
    pdf_path = project / "build/pdf/plan-2.0.pdf"
    pdf = pikepdf.open(pdf_path)
    uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A]
    assert not [u for u in uris if "passwd" in u or "example.com" in u]
    assert b"root:x:0:0" not in pdf_path.read_bytes()
    images = [image for page in pdf.pages for image in page.get_images()]
    assert not images
    # the HTML-looking text and the file: link stay visible as text, not as markup
    text = _squash("".join(page_texts(pdf_path)))
    assert _squash('[設定](file:///etc/passwd)と<img src="http://example.com/x.png">') in text


def test_a_source_note_is_never_alone_at_the_top_of_a_page(texts):
    pages_with_sources = [text for text in texts if "(出典)" in text]
    assert pages_with_sources
    for text in pages_with_sources:
        body = [line for line in text.splitlines()[1:] if line.strip()]  # the first line is the running head
        assert not body[0].startswith("(出典)"), body[:2]
