"""kplan import: a fictional city's plan (架空市) as Markdown, as a .docx made from it by pandoc, and as a .docx
written with python-docx (Word's heading styles, a merged table header, a picture, a 用語集) becomes a plan that
lints and builds with every sentence of the input; the real plan survives export → import; bad input is refused
with one Japanese line and exit 2, and nothing is written."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

import printed_lines
from conftest import REPO, run_kplan
from fidelity import html_text, normalise
from kplan.importer import numbering
from kplan.importer.command import run_import
from kplan.importer.container import CFB_MAGIC
from kplan.importer.readings import propose
from kplan.init.png import boxes_diagram

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "kakuu-plan.md"
ALT = "上に「総合計画」の箱、その下に「デジタル推進計画」の箱があり、矢印でつながっている図"
WORD_ALT = "「地域」「福祉」「計画」の三つの箱が矢印でつながっている図"


def do_import(source: Path, target: Path, *measures: str, **options: str | None) -> tuple[int, str, str]:
    """The import run in-process: (exit code, report, errors)."""
    out, err = io.StringIO(), io.StringIO()
    code = run_import(source, target, options.get("municipality"), options.get("title"), measures, out, err)
    return code, out.getvalue(), err.getvalue()


def build_site(root: Path, pdf: bool = False) -> Path:
    """The plan's site (and PDF) built in-process; returns the output directory."""
    from kplan.builders import builder
    from kplan.load import load_plan
    from kplan.project import Project

    out = root / "build"
    plan = load_plan(root)
    project = Project(root, out)
    builder("html").build(plan, project, out / "html")
    if pdf:
        builder("pdf").build(plan, project, out / "pdf")
    return out


def site_text(out: Path) -> str:
    return normalise("".join(html_text(page.read_text(encoding="utf-8")) for page in (out / "html").glob("*.html")))


def markdown_fragments(source: str) -> list[str]:
    """Every sentence, list item and table cell of a Markdown input, normalised as the fidelity test does; the
    ※ typed as [※] or * is expected as ※, the glossary table's header (用語 | 説明) is kplan's to print."""
    fragments = []
    front, body = source.split("\n---\n", 1)
    fragments += [
        normalise(line.split(":", 1)[1]) for line in front.splitlines() if line.startswith(("title:", "date:"))
    ]
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("![", "|---", "| 用語 | 説明 |")):
            continue
        line = re.sub(r"^(#+|-|\d+\.)\s+", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line).replace("[※]", "※").replace("*", "※")
        cells = [c for c in line.strip("|").split("|")] if line.startswith("|") else [line]
        for cell in cells:
            fragments += [normalise(piece) for piece in cell.split("。") if normalise(piece)]
    return fragments


# ---- the fictional city's plan, from Markdown and from pandoc's .docx ---------------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    (folder / "position.png").write_bytes(boxes_diagram(2))
    if shutil.which("pandoc") is None:  # scripts/setup.sh installs it
        pytest.skip("pandoc is not installed")
    subprocess.run(
        ["pandoc", "-f", "markdown-implicit_figures", FIXTURE.name, "-o", "kakuu-plan.docx"], cwd=folder, check=True
    )
    return folder


@pytest.fixture(scope="module")
def imported(inputs, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """The Markdown file and pandoc's .docx, each imported (with 第3章's measures as cards) and built."""
    out = {}
    for name in ("kakuu-plan.md", "kakuu-plan.docx"):
        target = tmp_path_factory.mktemp("plans") / "plan"
        code, report, errors = do_import(inputs / name, target, "第3章")
        assert code == 0 and not errors, errors
        build_site(target)
        out[name] = (target, report)
    return out


def test_the_report_counts_what_was_carried_and_names_each_guess(imported):
    _, report = imported["kakuu-plan.md"]
    assert "章 3・節 8・施策カード 3・表 2（うち指標の表 1）・図 1・用語 5（推定した読み 4）・※ 5" in report
    assert "kakuu-plan.md:7: import.cover-text" in report  # 計画期間 is kept as text: the pages do not print it
    assert "import.marker: 「[※]」1 か所を「※」にしました" in report
    assert "「*」1 か所を「※」にしました" in report
    assert "import.actions-label" in report  # the cards' lists had no heading: kplan prints 取組内容
    assert "kplan lint: エラー 0 件" in report
    _, docx_report = imported["kakuu-plan.docx"]
    assert "kakuu-plan.docx:段落" in docx_report  # Word places are paragraphs


def test_numbering_metadata_and_glossary_are_recognised(imported):
    root, _ = imported["kakuu-plan.md"]
    plan = yaml.safe_load((root / "plan/plan.yaml").read_text(encoding="utf-8"))
    assert plan["municipality"] == "架空市" and plan["title"] == "デジタル推進計画" and plan["status"] == "draft"
    assert plan["dates"] == {"established": "2024-03"} and plan["period"] == {"from": 2024, "to": 2028}
    assert plan["conventions"]["numbering"] == ["{n}．", "（{n}）"]
    assert "chapter" not in plan.get("labels", {})  # 第N章 is kplan's default label
    chapter = (root / "plan/chapters/01-chapter-1.md").read_text(encoding="utf-8")
    assert 'title: "計画の策定にあたって"' in chapter and "## 策定の趣旨 {#section-1-1}" in chapter
    glossary = yaml.safe_load((root / "glossary/glossary.yaml").read_text(encoding="utf-8"))
    assert glossary["order"] == "kana" and glossary["note"] == "（アルファベット・50音順）"
    terms = {t["term"]: t for t in glossary["terms"]}
    assert terms["DX(Digital Transformation)"]["aliases"] == ["DX"] and "reading" not in terms["RPA"]
    assert terms["情報セキュリティ"]["reading"] == "じょうほうせきゅりてぃ"
    assert terms["情報セキュリティ"]["reading_confirmed"] is False
    assert terms["情報セキュリティ"]["id"] == "jouhousekyuriti"


def test_the_same_plan_from_markdown_and_from_word(imported):
    md_root, _ = imported["kakuu-plan.md"]
    docx_root, _ = imported["kakuu-plan.docx"]
    for path in sorted(md_root.rglob("*")):
        rel = path.relative_to(md_root)
        if path.is_file() and rel.parts[0] != "build" and rel.name not in ("README.md", "plan.yaml"):
            assert (docx_root / rel).read_bytes() == path.read_bytes(), rel


@pytest.mark.parametrize("name", ["kakuu-plan.md", "kakuu-plan.docx"])
def test_every_sentence_of_the_input_is_in_the_site(imported, name):
    root, _ = imported[name]
    text = site_text(root / "build")
    missing = [f for f in markdown_fragments(FIXTURE.read_text(encoding="utf-8")) if f not in text]
    assert not missing, missing
    figure = (root / "build/html/chapter-1.html").read_text(encoding="utf-8")
    assert f'alt="{ALT}"' in figure and "figures/figure-1-1.png" in figure
    assert (root / "plan/figures/figure-1-1.png").read_bytes() == boxes_diagram(2)


def test_measure_cards_and_indicator_tables(imported):
    root, _ = imported["kakuu-plan.md"]
    card = yaml.safe_load((root / "plan/measures/measure-3-1-1.yaml").read_text(encoding="utf-8"))
    assert card["title"] == "オンライン申請の拡大" and card["department"] == "デジタル推進課"
    assert card["actions"] == ["申請件数の多い手続から順にオンライン化", "マイナンバーカード※を使った本人確認の導入"]
    assert card["body"] == "窓口に来なくても手続ができるよう、申請のオンライン化を進めます。\n"
    chapter = (root / "plan/chapters/03-chapter-3.md").read_text(encoding="utf-8")
    assert "```{measure} measure-3-1-1" in chapter and "```{indicators}" in chapter
    assert "baseline: {value: 35}" in chapter and 'unit: "%"' in chapter


def test_without_measures_the_sections_stay_prose(inputs, tmp_path):
    code, report, _ = do_import(inputs / "kakuu-plan.md", tmp_path / "plan")
    assert code == 0 and "施策カード 0" in report and not (tmp_path / "plan/plan/measures").exists()
    code, _, errors = do_import(inputs / "kakuu-plan.md", tmp_path / "other", "第9章")
    assert code == 2 and "import.measures-not-found" in errors and not (tmp_path / "other").exists()


def test_the_command_line_imports_and_the_plan_lints_clean(inputs, tmp_path):
    target = tmp_path / "新しい計画"
    result = run_kplan("import", str(inputs / "kakuu-plan.docx"), str(target), "--measures", "第3章")
    assert result.returncode == 0, result.stderr
    assert "新しい計画を" in result.stdout and "推測した箇所" in result.stdout
    lint = run_kplan("-C", str(target), "lint")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "lint.reading-unconfirmed" in lint.stdout
    assert not [line for line in lint.stdout.splitlines() if re.match(r"\S+:\d+:\d+: (エラー|error) ", line)]


# ---- a Word document written with python-docx ---------------------------------------------------------------------


WORD_TEXTS = [
    "架空市地域福祉計画",
    "令和7年4月策定",
    "第1章 計画の概要",
    "1-1 計画の趣旨",
    "本市は、誰もが安心して暮らせる地域をつくるため、地域福祉計画を定めます",
    "地域包括ケア※の仕組みを広げます",
    "1-2 計画の位置付け",
    "本計画は、社会福祉法に基づく計画です",
    "図1 計画の体系",
    "第2章 地域の現状",
    "2-1 地域の状況",
    "(1) 高齢化の状況",
    "高齢化率は、次の表のとおりです",
    "表1 地区別の高齢化率",
    "地区",
    "高齢化率 令和4年度",
    "高齢化率 令和5年度",
    "北地区",
    "25.1%",
    "31.4%",
    "(2) 住民の声",
    "見守りの担い手が足りない",
    "相談先が分かりにくい",
    "相談窓口を一つにまとめる",
    "民生委員の活動を支える",
    "用語集",
    "地域包括ケア",
    "高齢者が住み慣れた地域で暮らせるよう、医療・介護・生活支援を一体で提供する仕組み",
    "民生委員（みんせいいいん）",
    "地域で住民の相談に応じ、支援につなぐ委員",
]


def make_word_document(path: Path) -> None:
    """A plan as a city's staff would type it in Word: 見出し styles, numbers typed into the headings, a table
    whose header has merged cells, a picture with its alternative text, bullet and numbered lists, a 用語集."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("架空市地域福祉計画", style="Title")
    document.add_paragraph("令和7年4月策定")
    section_style = document.styles["Heading 2"]
    section_style.name = "見出し 2"  # a Japanese style name, as some Word documents carry
    document.add_heading("第1章\t計画の概要", level=1)
    document.add_paragraph("1-1 計画の趣旨", style=section_style)
    document.add_paragraph(
        "本市は、誰もが安心して暮らせる地域をつくるため、地域福祉計画を定めます。地域包括ケア＊の仕組みを広げます。"
    )
    document.add_paragraph("1-2 計画の位置付け", style=section_style)
    document.add_paragraph("本計画は、社会福祉法に基づく計画です。")
    document.add_picture(io.BytesIO(boxes_diagram(3)), width=Cm(8))
    doc_pr = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    doc_pr.set("descr", WORD_ALT)
    document.add_paragraph("図1 計画の体系", style="Caption")
    document.add_heading("第2章 地域の現状", level=1)
    document.add_paragraph("2-1 地域の状況", style=section_style)
    document.add_heading("(1) 高齢化の状況", level=3)
    document.add_paragraph("高齢化率は、次の表のとおりです。")
    document.add_paragraph("表1 地区別の高齢化率", style="Caption")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "地区"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "高齢化率"
    table.cell(1, 1).text, table.cell(1, 2).text = "令和4年度", "令和5年度"
    for row, values in zip(table.rows[2:], (("北地区", "25.1%", "26.0%"), ("南地区", "31.4%", "32.2%")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for row in table.rows[:2]:
        row._tr.get_or_add_trPr().append(row._tr.makeelement(qn("w:tblHeader"), {}))
    document.add_heading("(2) 住民の声", level=3)
    document.add_paragraph("見守りの担い手が足りない", style="List Bullet")
    document.add_paragraph("相談先が分かりにくい", style="List Bullet")
    document.add_paragraph("相談窓口を一つにまとめる", style="List Number")
    document.add_paragraph("民生委員の活動を支える", style="List Number")
    document.add_heading("用語集", level=1)
    document.add_paragraph(
        "地域包括ケア：高齢者が住み慣れた地域で暮らせるよう、医療・介護・生活支援を一体で提供する仕組み。"
    )
    document.add_paragraph("民生委員（みんせいいいん）：地域で住民の相談に応じ、支援につなぐ委員。")
    document.save(str(path))


@pytest.fixture(scope="module")
def word_plan(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("word")
    source = folder / "地域福祉計画.docx"
    make_word_document(source)
    target = folder / "plan"
    code, report, errors = do_import(source, target)
    assert code == 0 and not errors, errors
    build_site(target, pdf=True)
    return target, report


def test_word_styles_tables_pictures_and_the_glossary(word_plan):
    root, report = word_plan
    plan = yaml.safe_load((root / "plan/plan.yaml").read_text(encoding="utf-8"))
    assert (
        plan["municipality"] == "架空市"
        and plan["title"] == "地域福祉計画"
        and plan["dates"]["established"] == "2025-04"
    )
    # 1-1 carries the chapter's number, which no pattern prints: kept as typed, and said so
    assert plan["conventions"]["numbering"] == ["{99}", "({n})"]
    assert "import.numbering-kept" in report and "1-1" in report
    chapter = (root / "plan/chapters/01-chapter-1.md").read_text(encoding="utf-8")
    assert "## 1-1 計画の趣旨 {#section-1-1}" in chapter and "地域包括ケア※の仕組み" in chapter
    assert f'alt: "{WORD_ALT}"' in chapter and 'caption: "図1 計画の体系"' in chapter
    assert (root / "plan/figures/figure-1-1.png").read_bytes() == boxes_diagram(3)
    second = (root / "plan/chapters/02-chapter-2.md").read_text(encoding="utf-8")
    assert "Table: 表1 地区別の高齢化率" in second
    assert "| 地区 | 高齢化率 令和4年度 | 高齢化率 令和5年度 |" in second and "- 見守りの担い手が足りない" in second
    assert "1. 相談窓口を一つにまとめる" in second and "import.merged-cells" in report
    glossary = yaml.safe_load((root / "glossary/glossary.yaml").read_text(encoding="utf-8"))
    minsei = glossary["terms"][1]
    assert minsei["reading"] == "みんせいいいん" and "reading_confirmed" not in minsei  # the document's own reading
    assert minsei["aliases"] == ["民生委員"] and glossary["order"] == "kana"
    assert "kplan lint: エラー 0 件" in report


def test_every_text_of_the_word_document_is_in_the_site_and_the_pdf(word_plan):
    from pdfread import page_texts

    root, _ = word_plan
    site = site_text(root / "build")
    pdf = normalise("".join(page_texts(next((root / "build/pdf").glob("*.pdf")))))
    for where, text in (("site", site), ("pdf", pdf)):
        missing = [t for t in WORD_TEXTS if normalise(t) not in text]
        assert not missing, (where, missing)
    assert f'alt="{WORD_ALT}"' in (root / "build/html/chapter-1.html").read_text(encoding="utf-8")


# ---- the real plan: export → import → the same text --------------------------------------------------------------


def _main_fragments(html: str) -> list[str]:
    """The texts of the blocks of a page's main content, without what kplan generates from the structure: the
    glossary's lists of places (their section numbers come from the source's structure) and the survey charts'
    table captions (label chart-table), which the exported Markdown carries as plain tables."""
    html = re.sub(r'<dd class="term-uses">.*?</dd>', "", html, flags=re.S)
    html = re.sub(r"<caption[^>]*>[^<]*\(表\)</caption>", "", html)
    html = re.sub(r"<(script|style|nav)\b.*?</\1>", "", html, flags=re.S)
    blocks = re.findall(r"<(p|li|td|th|h[1-6]|dt|dd|caption|figcaption)\b[^>]*>(.*?)</\1>", html, flags=re.S)
    return [normalise(html_text(inner)) for _, inner in blocks if normalise(html_text(inner))]


def test_the_real_plan_survives_export_and_import(tmp_path):
    exported = tmp_path / "plan.md"
    result = run_kplan("export", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    code, report, errors = do_import(exported, tmp_path / "again")
    assert code == 0, errors
    terms = len(yaml.safe_load((REPO / "glossary/glossary.yaml").read_text(encoding="utf-8"))["terms"])
    assert "章 6・資料など 2" in report and f"用語 {terms}（" in report and "kplan lint: エラー 0 件" in report
    original = build_site_copy(tmp_path)
    again = build_site(tmp_path / "again")
    text = site_text(again)
    missing = [
        (page.name, fragment)
        for page in sorted((original / "html").glob("*.html"))
        if page.name != "search.html"
        for fragment in _main_fragments(page.read_text(encoding="utf-8"))
        if fragment not in text
    ]
    assert not missing, missing[:10]


def build_site_copy(tmp_path: Path) -> Path:
    """The real plan's site, built from a copy (so the checkout's build/ is left alone)."""
    root = tmp_path / "real"
    for name in ("plan", "glossary"):
        shutil.copytree(REPO / name, root / name)
    return build_site(root)


# ---- numbering, readings, glossary entries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "typed", "rest"),
    [
        ("第1章 計画の概要", "第1章", "計画の概要"),
        ("第２章　現状", "第２章", "現状"),
        ("1. 策定の趣旨", "1.", "策定の趣旨"),
        ("1-2 計画の位置付け", "1-2", "計画の位置付け"),
        ("(1) 国の動向", "(1)", "国の動向"),
        ("（３）県の動向", "（３）", "県の動向"),
        ("② 取組", "②", "取組"),
        ("ア 取組の内容", "ア", "取組の内容"),
        ("〇 見守り", "〇", "見守り"),
        ("◇相談窓口", "◇", "相談窓口"),
        ("5Gの活用", None, "5Gの活用"),
        ("1.5倍の利用", None, "1.5倍の利用"),
        ("アクセシビリティ", None, "アクセシビリティ"),
    ],
)
def test_typed_numbers_are_recognised(title, typed, rest):
    found, after = numbering.split_number(title)
    assert (found.text if found else None, after) == (typed, rest)


def test_numbers_that_skip_or_repeat_are_kept_as_typed_and_reported(tmp_path):
    source = tmp_path / "skip.md"
    source.write_text(
        "# 架空市防災計画\n\n# 第1章 総則\n\n## (1) 目的\n\n本文です。\n\n## (3) 範囲\n\n本文です。\n\n"
        "# 第2章 体制\n\n## (1) 組織\n\n本文です。\n\n## (1) 役割\n\n本文です。\n\n"
        "| 指標 | 現状値 | 目標値 |\n|---|---|---|\n| 訓練の回数 | 年2回 | 増加 |\n",
        encoding="utf-8",
    )
    code, report, _ = do_import(source, tmp_path / "plan")
    assert code == 0
    assert "import.numbering-skip" in report and "import.numbering-repeat" in report
    assert "skip.md:9: import.numbering-skip" in report
    assert "import.indicators-uncertain" in report  # 年2回 / 増加 are not numbers: the table stays a table
    chapter = (tmp_path / "plan/plan/chapters/01-chapter-1.md").read_text(encoding="utf-8")
    assert "## (3) 範囲" in chapter  # not renumbered
    plan = yaml.safe_load((tmp_path / "plan/plan/plan.yaml").read_text(encoding="utf-8"))
    assert plan["conventions"]["numbering"] == ["{99}"] and plan["title"] == "防災計画"


def test_readings_are_proposed_in_kana():
    assert propose("情報セキュリティ") == "じょうほうせきゅりてぃ"
    assert propose("市民協働") == "しみんきょうどう"
    assert propose("公衆無線LAN") == "こうしゅうむせんらん"
    assert propose("オープンデータ") == "おーぷんでーた"


def test_glossary_paragraphs_aliases_and_order_as_written(tmp_path):
    source = tmp_path / "terms.md"
    source.write_text(
        "# 架空市情報化計画\n\n# 第1章 概要\n\n本市はWAN※と冗長化※とクラウド※を進めます。\n\n# 用語の解説\n\n"
        "【WAN(Wide Area Network)】離れた拠点を結ぶ通信網。\n\n冗長化(じょうちょうか)：予備を用意しておくこと。\n\n"
        "クラウド\n\nインターネット経由で使うサービス。\n",
        encoding="utf-8",
    )
    code, report, _ = do_import(source, tmp_path / "plan")
    assert code == 0 and "kplan lint: エラー 0 件" in report
    glossary = yaml.safe_load((tmp_path / "plan/glossary/glossary.yaml").read_text(encoding="utf-8"))
    terms = glossary["terms"]
    assert [t["term"] for t in terms] == ["WAN(Wide Area Network)", "冗長化(じょうちょうか)", "クラウド"]
    assert terms[0]["aliases"] == ["WAN"] and terms[1]["reading"] == "じょうちょうか"
    assert terms[2]["definition"] == "インターネット経由で使うサービス。"
    assert glossary["order"] == "as-written" and "import.glossary-order" in report  # じ before く: not 50音順
    assert "import.glossary-entry" in report  # クラウド / its definition as two paragraphs: a guess


GLOSSARY_AT_THE_END = (
    "# 架空市情報化計画\n\n# 第1章 概要\n\n本市はデジタル技術※で情報格差※を減らします。\n\n# 用語集\n\n"
)


def test_glossary_as_a_word_definition_list_keeps_each_entry(tmp_path):
    source = tmp_path / "terms.md"
    source.write_text(
        GLOSSARY_AT_THE_END
        + "デジタル技術\n: 通信を用いた技術のこと。\n\n情報格差\n: 使える人と使えない人の差のこと。\n",
        encoding="utf-8",
    )
    docx = tmp_path / "terms.docx"
    subprocess.run(["pandoc", str(source), "-o", str(docx)], check=True)  # Definition Term / Definition styles
    code, report, _ = do_import(docx, tmp_path / "plan")
    assert code == 0 and "kplan lint: エラー 0 件" in report
    terms = yaml.safe_load((tmp_path / "plan/glossary/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    assert [(t["term"], t["definition"]) for t in terms] == [
        ("デジタル技術", "通信を用いた技術のこと。"),
        ("情報格差", "使える人と使えない人の差のこと。"),
    ]


def test_glossary_as_alternating_paragraphs_keeps_each_entry(tmp_path):
    source = tmp_path / "terms.md"
    source.write_text(
        GLOSSARY_AT_THE_END
        + "デジタル技術\n\n通信を用いた技術のこと。\n\n情報格差\n\n使える人と使えない人の差のこと。\n",
        encoding="utf-8",
    )
    code, report, _ = do_import(source, tmp_path / "plan")
    assert code == 0 and "kplan lint: エラー 0 件" in report
    terms = yaml.safe_load((tmp_path / "plan/glossary/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    assert [t["term"] for t in terms] == ["デジタル技術", "情報格差"]


# ---- untrusted content --------------------------------------------------------------------------------------------


def test_html_scripts_and_unsafe_links_stay_text(tmp_path):
    (tmp_path / "secret.png").write_bytes(boxes_diagram(1))
    folder = tmp_path / "doc"
    folder.mkdir()
    source = folder / "unsafe.md"
    source.write_text(
        "# 架空市計画\n\n# 第1章 概要\n\n<script>alert(1)</script>を書いた段落です。\n\n"
        "[押してください](javascript:alert(2))と[市のサイト](https://www.example.jp/)。\n\n"
        "![外の画像](../secret.png)\n\n![スクリプト入りの図](evil.svg)\n",
        encoding="utf-8",
    )
    (folder / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(3)"/>', encoding="utf-8")
    code, report, _ = do_import(source, tmp_path / "plan")
    assert code == 0
    chapter = (tmp_path / "plan/plan/chapters/01-chapter-1.md").read_text(encoding="utf-8")
    assert r"\<script\>alert(1)\</script\>" in chapter
    assert r"\[押してください\](javascript:alert(2))" in chapter  # markdown-it refused the link: it stays text
    assert "[市のサイト](<https://www.example.jp/>)" in chapter
    assert "import.image" in report and "SVG" in report
    assert not list((tmp_path / "plan/plan").glob("figures/*"))  # nothing from outside, no SVG with a handler
    html = (build_site(tmp_path / "plan") / "html/chapter-1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;を書いた段落です。" in html and 'href="javascript' not in html


# ---- bad input ----------------------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return data.getvalue()


def _empty_docx(path: Path) -> None:
    import docx

    docx.Document().save(str(path))


BAD_INPUTS = {
    "not-word": (
        "plan.docx",
        lambda p: p.write_text("これは Word 文書ではありません", encoding="utf-8"),
        "import.not-docx",
    ),
    "encrypted": (
        "plan.docx",
        lambda p: p.write_bytes(CFB_MAGIC + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400),
        "import.encrypted",
    ),
    "old-doc": ("plan.docx", lambda p: p.write_bytes(CFB_MAGIC + b"\x01" * 500), "import.old-format"),
    "truncated": (
        "plan.docx",
        lambda p: p.write_bytes(_zip({"word/document.xml": b"<w/>" * 500})[:300]),
        "import.corrupt",
    ),
    "empty-file": ("plan.docx", lambda p: p.write_bytes(b""), "import.empty"),
    "empty-document": ("plan.docx", _empty_docx, "import.empty"),
    "xml-entities": (
        "plan.docx",
        lambda p: p.write_bytes(
            _zip(
                {
                    "[Content_Types].xml": b"<Types/>",
                    "word/document.xml": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
                }
            )
        ),
        "import.unsafe",
    ),
    "excel": ("plan.docx", lambda p: p.write_bytes(_zip({"xl/workbook.xml": b"<workbook/>"})), "import.not-docx"),
    "no-headings": (
        "plan.md",
        lambda p: p.write_text("見出しのない文章です。\n\n二つ目の段落です。\n", encoding="utf-8"),
        "import.no-headings",
    ),
    "empty-markdown": ("plan.md", lambda p: p.write_text("\n\n", encoding="utf-8"), "import.empty"),
    "binary-markdown": ("plan.md", lambda p: p.write_bytes(b"\x00\x01\x02"), "import.not-text"),
    "unsupported": ("plan.pdf", lambda p: p.write_bytes(b"%PDF-1.7"), "import.unsupported-type"),
    "old-extension": ("plan.doc", lambda p: p.write_bytes(CFB_MAGIC), "import.old-format"),
    "missing": ("plan.docx", lambda p: None, "import.not-found"),
    "a-directory": ("plan.docx", lambda p: p.mkdir(), "import.not-a-file"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_japanese_line_exit_2_and_nothing_written(tmp_path, case):
    name, make, code = BAD_INPUTS[case]
    source = tmp_path / name
    make(source)
    target = tmp_path / "plan"
    status, report, errors = do_import(source, target)
    assert status == 2 and not report
    [said] = errors.splitlines()
    found = printed_lines.WHERE_LINE.match(said)
    assert found and found["where"] == str(source) and found["code"] == code, errors
    assert found["hint"] or found["hint_en"], errors  # says what to do
    assert not target.exists()


def test_the_command_line_refuses_bad_input_without_a_traceback(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(_zip({"word/document.xml": b"<w/>" * 500})[:300])
    result = run_kplan("import", str(source), str(tmp_path / "plan"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "import.corrupt" in printed_lines.codes(result.stderr) and not (tmp_path / "plan").exists()


def test_a_directory_that_is_not_empty_is_left_as_it_was(inputs, tmp_path):
    target = tmp_path / "plan"
    target.mkdir()
    (target / "memo.txt").write_text("残しておくメモ", encoding="utf-8")
    status, _, errors = do_import(inputs / "kakuu-plan.md", target)
    assert status == 2 and "import.not-empty" in errors
    assert [p.name for p in target.iterdir()] == ["memo.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert do_import(inputs / "kakuu-plan.md", empty)[0] == 0 and (empty / "plan/plan.yaml").is_file()


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    source = tmp_path / "plan.md"
    source.write_text("# 第1章 概要\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    status, _, errors = do_import(source, tmp_path / "plan")
    assert status == 2 and "import.unreadable" in errors and "Permission denied" in errors


def test_a_zip_bomb_is_refused_before_anything_is_expanded(tmp_path, monkeypatch):
    from kplan.importer import container

    monkeypatch.setattr(container, "MAX_TOTAL_UNCOMPRESSED", 1_000_000)
    source = tmp_path / "bomb.docx"
    source.write_bytes(_zip({"word/document.xml": b"<w/>", "word/media/image1.png": b"\0" * 2_000_000}))
    status, _, errors = do_import(source, tmp_path / "plan")
    assert status == 2 and "import.too-large" in errors


def test_the_docx_xml_parsers_expand_no_entity(tmp_path):
    """python-docx's parser (resolve_entities=False) and ours: an external entity is neither read nor fetched."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    from kplan.importer.docx_reader import safe_parser

    secret = tmp_path / "secret.txt"
    secret.write_text("ひみつの中身", encoding="utf-8")
    xml = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]><x>&e;</x>'.encode()
    for parse in (parse_xml, lambda data: etree.fromstring(data, safe_parser())):
        assert "ひみつ" not in etree.tostring(parse(xml), encoding="unicode")


def test_word_automatic_heading_numbers_become_the_plans_numbering(tmp_path):
    """Headings numbered by Word itself (a list level's lvlText 第%1章 / %2.) are read as printed."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate((("decimal", "第%1章"), ("decimalEnclosedCircle", "%2")))
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("架空市子育て支援計画", style="Title")
    for level, title in ((1, "計画の概要"), (2, "目的"), (2, "期間"), (1, "施策"), (2, "保育の充実")):
        heading = document.add_heading(title, level=level)
        heading._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level - 1}"/><w:numId w:val="90"/></w:numPr>')
        )
        document.add_paragraph(f"{title}についての本文です。")
    source = tmp_path / "auto.docx"
    document.save(str(source))
    code, report, errors = do_import(source, tmp_path / "plan")
    assert code == 0, errors
    plan = yaml.safe_load((tmp_path / "plan/plan/plan.yaml").read_text(encoding="utf-8"))
    assert plan["conventions"]["numbering"] == ["{n:circled}"] and "labels" not in plan
    chapter = (tmp_path / "plan/plan/chapters/02-chapter-2.md").read_text(encoding="utf-8")
    assert 'title: "施策"' in chapter and "## 保育の充実 {#section-2-1}" in chapter


def test_word_footnotes_become_a_note_after_their_paragraph(tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    (tmp_path / "notes.md").write_text(
        "---\ntitle: 架空市環境計画\n---\n\n# 第1章 概要\n\n本文です[^1]。次の文です。\n\n[^1]: 注の本文です。\n",
        encoding="utf-8",
    )
    subprocess.run(["pandoc", "notes.md", "-o", "notes.docx"], cwd=tmp_path, check=True)
    code, report, _ = do_import(tmp_path / "notes.docx", tmp_path / "plan")
    assert code == 0 and "import.footnote" in report
    chapter = (tmp_path / "plan/plan/chapters/01-chapter-1.md").read_text(encoding="utf-8")
    assert "本文です（注1）。次の文です。" in chapter and "```{note}\n注1：注の本文です。\n```" in chapter
