"""The built site as files: every link lands, every term link has its tooltip, the cards, the glossary's uses,
the search data, 和暦 dates. (tests/test_site_browser.py looks at the same site in a real browser.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO


class Page(HTMLParser):
    """The ids, links and describedby references of one page, and the text of its elements by id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.described: list[str] = []
        self.term_links = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if attributes.get("aria-describedby"):
            self.described.append(attributes["aria-describedby"])
        if tag == "a" and attributes.get("class") == "term":
            self.term_links += 1


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {p.name: Page(p.read_text(encoding="utf-8")) for p in sorted(site.glob("*.html"))}


def search_documents(site: Path) -> list[dict]:
    script = (site / "search-data.js").read_text(encoding="utf-8")
    assert script.startswith("window.KPLAN_SEARCH_DOCUMENTS = [")
    return json.loads(script[script.index("[") : script.rindex("]") + 1])


def test_ids_are_unique_and_every_internal_link_lands(site, pages):
    hrefs = [(name, href) for name, page in pages.items() for href in page.hrefs]
    hrefs += [("search-data.js", d["href"]) for d in search_documents(site)]
    for name, page in pages.items():
        assert len(page.ids) == len(set(page.ids)), name
    for source, href in hrefs:
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        target, _, anchor = href.partition("#")
        target = target or source
        assert target in pages, (source, href)
        assert not anchor or anchor in pages[target].ids, (source, href)


def test_every_term_link_is_described_by_a_tooltip_on_its_page(pages, real_plan):
    from kplan.model.visit import rich_texts

    for name, page in pages.items():
        tips = [reference for reference in page.described if reference.startswith("tip-")]
        assert len(tips) == page.term_links, name
        for reference in page.described:
            assert reference in page.ids, (name, reference)
    markers = sum(1 for text in rich_texts(real_plan) for marker in text.markers if marker.term_id)
    assert sum(page.term_links for page in pages.values()) == markers > 0


def test_measure_cards_show_number_title_marks_and_actions(site, real_plan):
    from kplan.model.labels import measure_marks

    html = (site / "chapter-6.html").read_text(encoding="utf-8")
    cards = dict(re.findall(r'<article id="measure-([a-z0-9-]+)" class="measure">(.*?)</article>', html, re.S))
    assert set(cards) == {m.id for m in real_plan.measures}
    for measure in real_plan.measures:
        card = cards[measure.id]
        heading = re.search(r"<h3>(.*?)</h3>", card, re.S).group(1)
        assert f'<span class="num">{measure.label}</span>' in heading and measure.title in heading
        assert ("【重点】" in heading) == ("priority" in measure.marks)
        assert ("（第2.0版追加）" in heading) == (measure.added_in == "2.0")
        marks = measure_marks(measure, real_plan.conventions)
        shown = f'<span class="marks">{marks}</span>' if marks else ""
        assert heading.endswith(f"{measure.title}{shown}")
        actions = re.search(r'<ul class="actions">(.*?)</ul>', card, re.S).group(1)
        assert actions.count("<li>") == len(measure.actions)


def test_the_image_placeholders_say_so_and_give_their_words_as_text(site, real_plan):
    from kplan.model import Figure
    from kplan.model.visit import components

    figures = [c for _part, _trail, c in components(real_plan) if isinstance(c, Figure)]
    assert len(figures) == 8 and all(f.placeholder for f in figures)
    html = (site / "chapter-6.html").read_text(encoding="utf-8")
    boxes = dict(re.findall(r'<figure class="figure-placeholder" id="figure-([^"]+)">(.*?)</figure>', html, re.S))
    assert set(boxes) == {f.id for f in figures}
    for figure in figures:
        box = boxes[figure.id]
        assert "図は未収録" in box and "※イメージ図" in box and "<ul" not in box and "<li" not in box
        assert "、".join(word.plain for word in figure.words) in re.sub(r"<[^>]+>", "", box)
    assert sum(bool(f.words) for f in figures) >= 3


def test_the_progress_table_keeps_its_anchors_and_links_to_the_cards(site, real_plan):
    from kplan.model import RecordTable
    from kplan.model.visit import components

    [table] = [c for _part, _trail, c in components(real_plan) if isinstance(c, RecordTable)]
    html = (site / "chapter-4.html").read_text(encoding="utf-8")
    for group in table.groups:
        assert f'<section id="progress-{group.id}" class="records-group">' in html
        for row in group.rows:
            assert f'<tr id="row-{row.id}">' in html
    links = re.findall(r'<a href="chapter-6\.html#measure-([a-z0-9-]+)">', html)
    assert links and set(links) <= {m.id for m in real_plan.measures}


def test_glossary_entries_list_the_places_that_use_them(site, real_plan):
    html = (site / "glossary.html").read_text(encoding="utf-8")
    entry = re.search(r'<div class="glossary-entry" id="term-chatbot">(.*?)</div>', html, re.S).group(1)
    # "AIチャットボットサービスのQ&Aの充実" is one of the actions of measure 1-(1)
    assert '<a href="chapter-6.html#measure-online-procedures">第6章 1-(1) ' in entry
    assert "「チャットボット」が出てくる箇所" in entry
    ict = re.search(r'<div class="glossary-entry" id="term-ict">(.*?)</div>', html, re.S).group(1)
    count = int(re.search(r"（(\d+)か所）", ict).group(1))
    assert count > 5 and ict.count("<li>") == count and "<details>" in ict


def test_search_documents_cover_every_page_and_hold_no_markup(site, pages):
    documents = search_documents(site)
    assert {d["href"].partition("#")[0] for d in documents} == set(pages) - {"search.html"}
    script = (site / "search-data.js").read_text(encoding="utf-8")
    assert "<" not in script and ">" not in script and "&" not in script
    assert any("マイナンバーカードの普及促進" in d["label"] for d in documents)


def test_dates_are_in_wareki(site):
    assert "令和3年7月策定" in (site / "index.html").read_text(encoding="utf-8")
    assert "令和3年5月28日～令和3年6月16日" in (site / "public-comment.html").read_text(encoding="utf-8")
    assert re.search(r"令和\d+年\d+月\d+日～\d+月\d+日", (site / "survey.html").read_text(encoding="utf-8"))


def test_the_site_is_self_contained(site):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
            assert "@import" not in text, path


def test_vendored_minisearch_is_the_npm_package_with_its_licence(site):
    package = REPO / "node_modules" / "minisearch"
    assert package.is_dir(), "node_modules is missing: run scripts/setup.sh"
    version = json.loads((package / "package.json").read_text())["version"]
    wanted = json.loads((REPO / "package.json").read_text())["devDependencies"]["minisearch"]
    assert version == wanted
    vendored = REPO / "templates" / "static" / "vendor"
    assert (vendored / "minisearch.js").read_bytes() == (package / "dist" / "umd" / "index.js").read_bytes()
    assert (vendored / "minisearch.LICENSE.txt").read_bytes() == (package / "LICENSE.txt").read_bytes()
    assert (site / "vendor" / "minisearch.LICENSE.txt").is_file()


def test_chart_labels_wrap_within_the_chart():
    from kplan.render.charts import _text_width, label_lines

    label = "市公式Twitter、市公式LINE、メールマガジン"
    assert label_lines(label, 400) == [label]
    lines = label_lines(label, 160)
    assert len(lines) > 1 and "".join(lines) == label
    assert all(_text_width(line, 14) <= 160 for line in lines)
    assert lines[0].endswith("、")  # broken after the comma, not inside a word


def test_glossary_is_grouped_under_50on_headings_with_an_index(site, real_plan):
    from kplan.kana import group_label

    html = (site / "glossary.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="(glossary-group-\d+)">([^<]+)</h2>', html)
    expected = list(dict.fromkeys(group_label(t.term, t.reading) for t in real_plan.glossary.terms))
    assert [label for _id, label in headings] == expected
    index = re.search(r'<nav class="glossary-index".*?</nav>', html, re.S)[0]
    assert re.findall(r'href="#(glossary-group-\d+)"', index) == [anchor for anchor, _label in headings]
    # every term sits under the heading of its own group
    for term in real_plan.glossary.terms:
        before = html[: html.index(f'id="term-{term.id}"')]
        assert re.findall(r'<h2 id="glossary-group-\d+">([^<]+)</h2>', before)[-1] == group_label(
            term.term, term.reading
        )
