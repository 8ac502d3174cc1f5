"""Format 2 on small plans written by each test: what loads, how it is numbered, where every string stands, and the
codes of what does not load."""

from __future__ import annotations

import os
import struct
import textwrap
import zlib
from pathlib import Path

import pytest

from kplan.diagnostics import DiagnosticError
from kplan.load import load_plan
from kplan.model import Figure, IndicatorTable, Note, Paragraph, RecordTable, Section


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def plan_yaml(parts: str = "  - chapter: plan/chapters/one.md\n", extra: str = "") -> str:
    return f"municipality: テスト町\ntitle: テスト計画\n{extra}parts:\n{parts}"


CHAPTER = """
---
id: one
title: はじめに
---

本文です。
"""


def minimal(root: Path, **files: str) -> Path:
    return write(root, {"plan/plan.yaml": plan_yaml(), "plan/chapters/one.md": CHAPTER, **files})


def codes(root: Path) -> list[str]:
    with pytest.raises(DiagnosticError) as caught:
        load_plan(root)
    return [d.code for d in caught.value.diagnostics]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


# ---- what loads -----------------------------------------------------------------------------------------------


def test_minimal_plan_loads(tmp_path):
    plan = load_plan(minimal(tmp_path))
    assert len(plan.parts) == 1 and plan.measures == ()
    meta = plan.meta
    assert (meta.edition, meta.status, meta.period, meta.publisher, meta.established) == (
        "1",
        "final",
        None,
        None,
        None,
    )
    [paragraph] = plan.chapters[0].components
    assert isinstance(paragraph, Paragraph) and paragraph.text.plain == "本文です。"


def test_every_string_knows_where_it_starts(tmp_path):
    minimal(tmp_path)
    write(tmp_path, {"plan/plan.yaml": plan_yaml(extra='subtitle: "後期"\n')})
    plan = load_plan(tmp_path)
    assert str(plan.meta.municipality.loc) == "plan/plan.yaml:1:15"
    assert str(plan.meta.subtitle.loc) == "plan/plan.yaml:3:12"  # after the quote
    chapter = plan.chapters[0]
    assert str(chapter.title.loc) == "plan/chapters/one.md:3:8"
    assert str(chapter.components[0].loc) == "plan/chapters/one.md:6:1"


CARDS = """
---
id: cards
title: 施策
---

## 第一の柱 {#pillar-1}

```{measure} alpha
```

```{measure} beta
```

## 第二の柱 {#pillar-2}

### 細目 {#detail}

```{measure} gamma
```
"""


def cards_plan(root: Path, numbering: str = "", reference: str = "") -> Path:
    conventions = ""
    if numbering or reference:
        conventions = (
            "conventions:\n"
            + (f"  numbering: {numbering}\n" if numbering else "")
            + (f"  measure_reference: '{reference}'\n" if reference else "")
        )
    return write(
        root,
        {
            "plan/plan.yaml": plan_yaml("  - chapter: plan/chapters/cards.md\n", conventions),
            "plan/chapters/cards.md": CARDS,
            "plan/measures/alpha.yaml": "id: alpha\ntitle: アルファ\n",
            "plan/measures/beta.yaml": "id: beta\ntitle: ベータ\n",
            "plan/measures/gamma.yaml": "id: gamma\ntitle: ガンマ\n",
        },
    )


def test_card_with_only_id_and_title_and_default_numbering(tmp_path):
    plan = load_plan(cards_plan(tmp_path))
    sections = [c for c in plan.chapters[0].components if isinstance(c, Section)]
    assert [(s.label, s.numbers) for s in sections] == [("1.", (1,)), ("2.", (2,))]
    assert [(m.numbers, m.label, m.reference) for m in plan.measures] == [
        ((1, 1), "(1)", "1-(1)"),
        ((1, 2), "(2)", "1-(2)"),
        ((2, 1, 1), "①", "2-(1)"),
    ]
    alpha = plan.measures_by_id["alpha"]
    assert (alpha.body, alpha.actions, alpha.figures, alpha.indicators, alpha.marks) == ((), (), (), None, ())


@pytest.mark.parametrize(
    ("numbering", "reference", "labels", "references"),
    [
        ('["{n}", "{1}-{n}"]', "{1}-{n}", ["1-1", "1-2", "2-1"], ["1-1", "1-2", "2-1"]),
        ('["〇"]', "", ["〇", "〇", "〇"], None),
        ('["{n:circled}"]', "", ["①", "②", "①"], None),
    ],
)
def test_numbering_styles(tmp_path, numbering, reference, labels, references):
    plan = load_plan(cards_plan(tmp_path, numbering, reference))
    assert [m.label for m in plan.measures] == labels
    if references:
        assert [m.reference for m in plan.measures] == references


def test_card_with_sub_headings_marks_indicators_and_figures(tmp_path):
    cards_plan(tmp_path)
    (tmp_path / "img").mkdir()
    (tmp_path / "img/a.png").write_bytes(tiny_png())
    write(
        tmp_path,
        {
            "plan/plan.yaml": plan_yaml(
                "  - chapter: plan/chapters/cards.md\n",
                "conventions:\n  marks:\n    - {id: key, label: 【要】, meaning: 大事}\n",
            ),
            "plan/measures/alpha.yaml": """
            id: alpha
            title: アルファ
            marks: [key]
            added_in: "2.0"
            body: |
              前文。

              #### 現状 {#alpha-now}

              現状の文。

              #### 課題 {#alpha-issue}

              課題の文。
            actions:
              - 取組その一
            indicators:
              rows:
                - id: rate
                  name: 申請の割合
                  unit: "%"
                  baseline: {value: 35, year: 2022}
                  target: {value: 80.5, year: 2027}
                  actuals: [{value: 40, year: 2023}]
            figures:
              - id: alpha-picture
                caption: 図の題
                image: img/a.png
              - id: alpha-missing
                words: [市民, 市役所]
        """,
        },
    )
    plan = load_plan(tmp_path)
    alpha = plan.measures_by_id["alpha"]
    assert alpha.marks == ("key",) and alpha.added_in == "2.0"
    lead, *subs = alpha.body
    assert isinstance(lead, Paragraph) and str(lead.loc) == "plan/measures/alpha.yaml:6:3"
    assert [(s.id, s.numbers, s.label) for s in subs] == [
        ("alpha-now", (1, 1, 1), "①"),
        ("alpha-issue", (1, 1, 2), "②"),
    ]
    assert str(subs[0].title.loc) == "plan/measures/alpha.yaml:8:8"
    table = alpha.indicators
    assert isinstance(table, IndicatorTable) and table.id == "alpha-indicators"
    [row] = table.indicators
    assert (row.baseline.value, row.baseline.year, row.target.value, row.actuals[0].year) == (35, 2022, 80.5, 2023)
    picture, missing = alpha.figures
    assert picture.image == "img/a.png" and len(picture.digest) == 64 and not picture.placeholder
    assert missing.placeholder and [w.plain for w in missing.words] == ["市民", "市役所"]


def test_directives_in_a_chapter(tmp_path):
    minimal(tmp_path)
    write(
        tmp_path,
        {
            "plan/chapters/one.md": """
            ---
            id: one
            title: はじめに
            ---

            ```{note}
            注記の文。
            ```

            ```{drafted}
            我々の案文。
            ```

            ```{figure}
            id: map
            caption: 地図
            words: [北, 南]
            ```

            ```{indicators}
            id: kpi
            rows:
              - {id: a, name: 指標, target: {value: 3}}
            ```

            ```{records} plan/tables/t.yaml
            ```
        """,
            "plan/tables/t.yaml": """
            id: t
            columns: [{title: 名前}, {title: 中身, kind: list}]
            rows:
              - id: r1
                cells: [一, [いち, に]]
        """,
        },
    )
    components = load_plan(tmp_path).chapters[0].components
    note, drafted, figure, kpi, records = components
    assert isinstance(note, Note) and not note.blocks[0].text.drafted
    assert isinstance(drafted, Paragraph) and drafted.text.drafted
    assert isinstance(figure, Figure) and figure.placeholder and str(figure.caption.loc) == "plan/chapters/one.md:16:10"
    assert isinstance(kpi, IndicatorTable) and kpi.indicators[0].target.value == 3
    assert isinstance(records, RecordTable) and [g.id for g in records.groups] == ["t"]
    [cell_a, cell_b] = records.groups[0].rows[0].cells
    assert [t.plain for t in cell_b.texts] == ["いち", "に"]


def test_as_written_glossary_and_markers(tmp_path):
    minimal(tmp_path)
    write(
        tmp_path,
        {
            "plan/plan.yaml": plan_yaml("  - chapter: plan/chapters/one.md\n  - glossary: glossary/g.yaml\n"),
            "plan/chapters/one.md": CHAPTER.replace("本文です。", "ICT※と行政※の話。"),
            "glossary/g.yaml": """
            title: 用語
            order: as-written
            terms:
              - {id: gyosei, term: 行政, reading: ぎょうせい, definition: 定義, drafted: true}
              - {id: ict, term: ICT, definition: 情報通信技術}
        """,
        },
    )
    plan = load_plan(tmp_path)
    assert plan.conventions.glossary_order == "as-written" and plan.glossary.order == "as-written"
    assert [t.id for t in plan.glossary.terms] == ["gyosei", "ict"]
    assert plan.glossary.terms[0].definition.drafted and not plan.glossary.terms[1].definition.drafted
    markers = plan.chapters[0].components[0].text.markers
    assert [m.term_id for m in markers] == ["ict", "gyosei"]


# ---- what does not load ---------------------------------------------------------------------------------------


def test_glossary_reading_needed_for_kana_terms(tmp_path):
    minimal(tmp_path)
    write(
        tmp_path,
        {
            "plan/plan.yaml": plan_yaml("  - glossary: glossary/g.yaml\n"),
            "glossary/g.yaml": "title: 用語\nterms:\n  - {id: gyosei, term: 行政, definition: 定義}\n",
        },
    )
    assert codes(tmp_path) == ["load.missing-key"]


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", "plan/chapters/link.md"])
def test_paths_outside_the_project(tmp_path, path):
    root = minimal(tmp_path / "project")
    (tmp_path / "outside.md").write_text(CHAPTER, encoding="utf-8")
    os.symlink(tmp_path / "outside.md", root / "plan/chapters/link.md")
    write(root, {"plan/plan.yaml": plan_yaml(f"  - chapter: {path}\n")})
    assert codes(root) == ["load.path-outside"]


def test_image_outside_missing_or_wrong_type(tmp_path):
    minimal(tmp_path)
    (tmp_path / "bad.gif").write_bytes(b"GIF89a")
    (tmp_path / "fake.png").write_bytes(b"not a png")
    figures = "".join(
        f"```{{figure}}\nid: f{n}\nimage: {image}\n```\n\n"
        for n, image in enumerate(["../x.png", "nothing.png", "bad.gif", "fake.png"])
    )
    write(tmp_path, {"plan/chapters/one.md": CHAPTER + "\n" + figures})
    assert codes(tmp_path) == ["load.path-outside", "load.image", "load.image", "load.image"]


def test_unknown_directive_and_code_fence(tmp_path):
    minimal(tmp_path)
    write(tmp_path, {"plan/chapters/one.md": CHAPTER + "\n```{chart}\n```\n\n```python\nx = 1\n```\n"})
    assert codes(tmp_path) == ["load.unknown-directive", "load.unknown-directive"]


def test_duplicate_ids(tmp_path):
    minimal(tmp_path)
    write(
        tmp_path,
        {
            "plan/plan.yaml": plan_yaml(
                "  - chapter: plan/chapters/one.md\n  - chapter: plan/chapters/two.md\n  - glossary: glossary/g.yaml\n"
            ),
            "plan/chapters/one.md": CHAPTER + "\n## 節 {#same}\n\n## 節 {#same}\n",
            "plan/chapters/two.md": CHAPTER,
            "glossary/g.yaml": "title: 用語\nterms:\n  - {id: a, term: A, definition: x}\n"
            "  - {id: a, term: B, definition: y}\n",
        },
    )
    assert codes(tmp_path) == ["load.duplicate-id"] * 3


def test_heading_skip_and_unknown_mark(tmp_path):
    cards_plan(tmp_path)
    write(
        tmp_path,
        {
            "plan/chapters/cards.md": CARDS.replace("## 第一の柱 {#pillar-1}", "### 飛んだ {#skipped}"),
            "plan/measures/alpha.yaml": "id: alpha\ntitle: アルファ\nmarks: [nothing]\n",
        },
    )
    assert sorted(codes(tmp_path)) == ["load.heading-skip", "load.unknown-mark"]


def test_card_id_must_match_its_file(tmp_path):
    cards_plan(tmp_path)
    write(tmp_path, {"plan/measures/alpha.yaml": "id: alfa\ntitle: アルファ\n"})
    assert codes(tmp_path) == ["load.invalid-value"]


def test_record_cells_typed_by_column(tmp_path):
    minimal(tmp_path)
    write(
        tmp_path,
        {
            "plan/chapters/one.md": CHAPTER + "\n```{records} plan/tables/t.yaml\n```\n",
            "plan/tables/t.yaml": """
            id: t
            columns: [{title: 名前}, {title: 施策, kind: measures}]
            rows:
              - {id: r1, cells: [[一], [{measure: nothing}]]}
              - {id: r2, cells: [二]}
        """,
        },
    )
    assert sorted(codes(tmp_path)) == ["load.invalid-value", "load.wrong-type"]


def test_real_plan_strings_stand_where_their_text_starts(real_plan):
    """Every printed string and text of the real plan: its file, at its line and column, starts with its text."""
    from kplan.model import Str
    from kplan.model.visit import texts

    root = Path(__file__).resolve().parents[1]
    lines: dict[str, list[str]] = {}
    count = 0
    for _, text in texts(real_plan):
        shown = str(text) if isinstance(text, Str) else text.plain
        source = lines.setdefault(text.loc.file, (root / text.loc.file).read_text(encoding="utf-8").split("\n"))
        assert source[text.loc.line - 1][text.loc.column - 1 :].startswith(shown[:3]), (text.loc, shown)
        count += 1
    assert count > 600
