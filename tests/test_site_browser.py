"""The site in a real browser: Debian's Chromium, driven by playwright-core, checked by axe-core.

tests/browser/check_site.mjs opens the built site and reports what it saw as JSON; these tests judge it.
Screenshots of every page at 360 px and 1280 px are kept in test-artifacts/site/.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO

CHECK_SITE = REPO / "tests" / "browser" / "check_site.mjs"
ARTIFACTS = REPO / "test-artifacts" / "site"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def check_site(site: Path, *args: str) -> dict:
    """Run the browser script on a built site; its JSON report."""
    node = shutil.which("node")
    assert node, "Node.js is missing: run scripts/setup.sh"
    assert (REPO / "node_modules" / "playwright-core").is_dir(), "node_modules is missing: run scripts/setup.sh"
    assert Path("/usr/bin/chromium").is_file(), "Debian's chromium is missing: run scripts/setup.sh"
    result = subprocess.run(
        [node, str(CHECK_SITE), "--site", str(site), *args], capture_output=True, text=True, timeout=600, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def report(site) -> dict:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    return check_site(site, "--shots", str(ARTIFACTS))


def site_pages(site: Path) -> list[str]:
    return sorted(p.name for p in site.glob("*.html"))


def fold(text: str) -> str:
    """The search's folding (search.js): NFKC, lower case, katakana to hiragana, character by character."""
    folded = "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in folded)


def expected_hits(site: Path, query: str) -> set[str]:
    """The places whose label, text or keywords hold every word of the query, read from search-data.js."""
    script = (site / "search-data.js").read_text(encoding="utf-8")
    documents = json.loads(script[script.index("[") : script.rindex("]") + 1])
    words = fold(query).split()
    return {
        d["href"]
        for d in documents
        if all(w in fold(d["label"] + "\n" + d["text"] + "\n" + d["keywords"]) for w in words)
    }


# ---- every page ------------------------------------------------------------------------------------------


def test_axe_finds_no_violation_on_any_page_at_360_and_1280_px(report, site):
    checked = {(p["page"], p["width"]) for p in report["pages"]}
    assert checked == {(name, width) for name in site_pages(site) for width in (360, 1280)}
    violations = {(p["page"], p["width"]): p["violations"] for p in report["pages"] if p["violations"]}
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


def test_no_page_scrolls_sideways_at_360_px(report):
    wide = {
        p["page"]: p["scrollWidth"]
        for p in report["pages"]
        if p["width"] == 360 and p["scrollWidth"] > p["clientWidth"]
    }
    assert not wide


def test_pages_are_japanese_and_titled_apart(report):
    pages = [p for p in report["pages"] if p["width"] == 1280]
    assert {p["lang"] for p in pages} == {"ja"}
    titles = [p["title"] for p in pages]
    assert len(set(titles)) == len(titles)


def test_screenshots_of_every_page_are_kept_at_both_widths(report, site):
    for entry in report["pages"]:
        shot = Path(entry["screenshot"])
        assert shot.parent == ARTIFACTS
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert width == entry["width"] and height > 600, shot.name
    assert len(list(ARTIFACTS.glob("*-360.png"))) >= len(site_pages(site))


def test_no_request_leaves_the_site(report, site):
    local = (site.as_uri() + "/", report["httpBase"])
    outside = [url for url in report["requests"] if not url.startswith(local) and url != "data:,"]
    assert report["requests"] and not outside


def test_pages_run_without_errors_or_dialogs(report):
    assert report["pageErrors"] == []
    assert report["dialogs"] == []


def test_pages_work_from_file_urls(report):
    assert all(page["styled"] for page in report["files"])
    with_terms = [page for page in report["files"] if page["terms"]]
    assert {page["page"] for page in with_terms} >= {f"chapter-{n}.html" for n in (1, 2, 3, 4, 6)}
    assert all(page["tipShownOnFocus"] for page in with_terms)


# ---- ※ terms ----------------------------------------------------------------------------------------------


def definition(real_plan, tip_id: str) -> str:
    from kplan.render.places import plain

    term = next(t for t in real_plan.glossary.terms if f"tip-{t.id}" == tip_id)
    return plain(term.definition)


def test_keyboard_focus_shows_the_definition_and_escape_hides_it(report, real_plan):
    keyboard = report["tooltips"]["keyboard"]
    shown = keyboard["onFocus"]
    assert shown["focused"] and shown["visible"] and shown["role"] == "tooltip"
    assert shown["describedBy"] == shown["tipId"] == "tip-ict"
    assert definition(real_plan, shown["tipId"]) in shown["text"]
    assert keyboard["axeWhileOpen"] == []
    assert keyboard["afterEscape"]["focused"] and not keyboard["afterEscape"]["visible"]
    assert keyboard["refocused"]["visible"]


def test_screen_readers_get_the_definition_as_the_links_description(report, real_plan):
    for accessible in (report["tooltips"]["accessible"], report["tooltips"]["noScript"]["accessible"]):
        assert accessible["role"] == "link" and accessible["name"] == "ICT"
        assert definition(real_plan, "tip-ict") in accessible["description"]


def test_hover_shows_the_definition_which_stays_while_pointed_at_and_escape_hides(report):
    hover = report["tooltips"]["hover"]
    assert hover["onHover"]["visible"] and not hover["onHover"]["focused"]
    assert hover["onTip"]["visible"]
    assert not hover["afterLeaving"]["visible"]
    assert not hover["afterEscape"]["visible"]


def test_a_tap_shows_the_definition_inside_the_phone_and_a_second_tap_opens_the_glossary(report):
    tap = report["tooltips"]["tap"]
    shown = tap["onTap"]
    assert tap["url"].endswith("/chapter-6.html")
    assert shown["visible"] and shown["left"] >= 0 and shown["right"] <= shown["viewportWidth"] == 360
    assert not tap["afterTapElsewhere"]["visible"]
    assert tap["urlAfterSecondTap"].endswith(f"/glossary.html#term-{shown['tipId'].removeprefix('tip-')}")


def test_without_javascript_a_term_is_a_link_to_its_glossary_entry(report):
    no_script = report["tooltips"]["noScript"]
    assert no_script["urlAfterClick"].endswith("/glossary.html#term-ict")
    assert no_script["targetVisible"]


# ---- search -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "マイナンバーカード",
        "情報セキュリティ",
        "申請",
        "まいなんばー",
        "ＩＣＴ",
        "オープンデータ 推進",
        "チャットボット",
    ],
)
def test_search_finds_every_place_holding_the_words(report, site, query):
    found = report["search"]["queries"][query]
    hrefs = [r["href"] for r in found["results"]]
    assert len(hrefs) == len(set(hrefs))
    assert set(hrefs) == expected_hits(site, query) != set()
    assert found["value"] == query and f"{len(hrefs)}件" in found["status"]
    assert found["stats"]["documents"] > 100
    for result in found["results"]:
        assert result["label"] and result["snippet"]


def test_search_marks_the_words_in_its_snippets(report):
    results = report["search"]["queries"]["マイナンバーカード"]["results"]
    assert results[0]["href"] == "chapter-6.html#measure-my-number-card"
    assert all(mark == "マイナンバーカード" for r in results for mark in r["marks"])
    assert "マイナンバーカード" in results[0]["snippet"]
    assert {m for r in report["search"]["queries"]["まいなんばー"]["results"] for m in r["marks"]} == {"マイナンバー"}


def test_search_says_when_nothing_is_found(report):
    found = report["search"]["queries"]["存在しない言葉ですよ"]
    assert found["results"] == [] and "見つかりませんでした" in found["status"]


def test_search_gives_the_same_results_from_a_web_server(report):
    for query, found in report["search"]["queries"].items():
        assert report["httpSearch"]["queries"][query]["results"] == found["results"], query


def test_the_header_search_box_leads_to_results_that_land_on_their_place(report):
    assert "search.html?q=" in report["search"]["fromHeader"]["url"]
    assert report["search"]["fromHeader"]["results"] > 0
    followed = report["search"]["followed"]
    assert followed["url"].endswith(followed["href"]) and followed["targetExists"]


# ---- hostile text -----------------------------------------------------------------------------------------


def test_hostile_text_runs_nothing_in_the_browser(project, kplan):
    chapter = project / "plan/chapters/02-trends.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n攻撃<script>alert(1)</script>\n\n"
        '画像<img src=x onerror="alert(2)">と[リンク](javascript:alert(3))。\n',
        encoding="utf-8",
    )
    assert kplan("-C", str(project), "build", "--html").returncode == 0
    browser = check_site(project / "build/html", "--hostile", "alert")
    assert browser["dialogs"] == [] and browser["pageErrors"] == []
    seen = browser["hostile"]
    assert seen["pages"]
    for page in seen["pages"]:
        assert page["images"] == 0 and page["handlers"] == [] and page["javascriptLinks"] == 0, page
        assert set(page["scripts"]) <= {"site.js", "vendor/minisearch.js", "search-data.js", "search.js"}, page
    found = seen["search"]["results"]
    assert found and all(r["href"].startswith("chapter-2.html") for r in found)
    assert any("<script>alert(1)</script>" in r["snippet"] for r in found)
    assert seen["searchImages"] == 0
