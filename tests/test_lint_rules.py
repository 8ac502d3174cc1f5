"""Each lint rule on a copy of the real plan: one edit that makes it fire at the exact place, one that must not.

The cases are data (as sqlfluff keeps its rule fixtures): the file, the text replaced, the replacement, and the
text that must stand at the reported line and column. Rules are run in-process here; the command line itself is
tested in test_lint_cli.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kplan.lint import RULES, run
from kplan.lint.findings import Finding
from kplan.load import load_plan

REPO = Path(__file__).resolve().parents[1]


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def lint(root: Path, family: str | None = None) -> list[Finding]:
    return run(load_plan(root), family)


def source_at(root: Path, finding: Finding, length: int) -> str:
    lines = (root / finding.loc.file).read_text(encoding="utf-8").split("\n")
    line = lines[finding.loc.line - 1]
    return line[finding.loc.column - 1 : finding.loc.column - 1 + length]


# (rule, file, old, new, text expected at the finding's line:column)
FIRES = [
    ("unknown-term", "plan/chapters/01-about.md", "ICT※は", "ICTT※は", "※は急速"),
    ("unknown-term", "plan/tables/progress.yaml", "AIチャットボット※", "AIチャットボット※{chatbott}", "※{chatbott}"),
    (
        "first-occurrence-unmarked",
        "plan/chapters/01-about.md",
        "近年、ICT※は",
        "近年、ICTやテレワークの活用でICT※は",
        "ICTや",
    ),
    (
        "foreign-script",
        "plan/chapters/02-trends.md",
        "デジタル・ガバメントを目指す",
        "デジタル・ガバメнтを目指す",
        "нтを目指す",
    ),
    ("broken-character", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な\ufffdデジタル", "\ufffdデジタル"),
    ("broken-character", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な\u200bデジタル", "\u200bデジタル"),
    ("old-kanji", "plan/measures/open-data.yaml", "個人情報の秘匿化", "個人情報の祕匿化", "祕匿化"),
    ("marker-asterisk", "plan/measures/open-data.yaml", "秘匿化※", "秘匿化＊", "＊や"),
    ("marker-asterisk", "plan/chapters/01-about.md", "ICT※は", "ICT[※]は", "[※]は"),
    (
        "near-miss",
        "plan/measures/open-data.yaml",
        "オープンデータの提供に",
        "オープンデーターの提供に",
        "オープンデーター",
    ),
    ("fullwidth-alnum", "plan/measures/open-data.yaml", "ICTの利活用", "ＩＣＴの利活用", "ＩＣＴ"),
    ("halfwidth-kana", "plan/measures/open-data.yaml", "デジタルデータが", "ﾃﾞｼﾞﾀﾙデータが", "ﾃﾞｼﾞﾀﾙ"),
    ("doubled-particle", "plan/measures/open-data.yaml", "公開ルールや", "公開ルールを を", "を を"),
    ("missing-period", "plan/measures/open-data.yaml", "充実を図ります。", "充実を図ります", "\n"),
    ("spelling-variant", "plan/measures/open-data.yaml", "公開ルールや", "公開サービズや", "サービズ"),
    (
        "style-dictionary",
        "plan/measures/open-data.yaml",
        "公開ルールや",
        "シティブロモーションのルールや",
        "ブロモーション",
    ),
    ("empty-date", "plan/chapters/01-about.md", "近年、ICT※は", "令和　年　月に、ICT※は", "令和　年　月"),
    ("ime-heading", "plan/chapters/01-about.md", "## 策定の趣旨", "＃＃ 策定の趣旨", "＃＃ "),
    ("ime-heading-id", "plan/chapters/01-about.md", "策定の趣旨 {#purpose}", "策定の趣旨 ｛#purpose｝", "｛#purpose｝"),
    (
        "ime-directive",
        "plan/chapters/06-measures.md",
        "```{measure} my-number",
        "```｛measure｝ my-number",
        "｛measure｝",
    ),
    ("ime-indent", "plan/chapters/01-about.md", "今後も社会情勢の", "\u3000- 今後も社会情勢の", "\u3000- "),
    ("ime-list-marker", "plan/chapters/01-about.md", "今後も社会情勢の", "－ 今後も社会情勢の", "－ "),
    ("raw-html", "plan/chapters/01-about.md", "近年、ICT※は", "近年、<b>ICT※</b>は", "<b>I"),
]

# (rule, file, old, new): the edited place must raise no finding of the rule
QUIET = [
    ("unknown-term", "plan/chapters/01-about.md", "ICT※は", "ICT※{ict}は"),
    ("first-occurrence-unmarked", "plan/chapters/01-about.md", "近年、ICT※は", "近年、ICT※の活用でICTは"),
    ("foreign-script", "plan/chapters/02-trends.md", "デジタル・ガバメントを目指す", "Digital Governmentを目指す"),
    ("broken-character", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な「デジタル」"),
    ("old-kanji", "plan/measures/open-data.yaml", "個人情報の秘匿化", "個人情報の検討と秘匿化"),
    ("marker-asterisk", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な(2*3)デジタル"),
    ("near-miss", "plan/measures/open-data.yaml", "膨大なデジタルデータ", "膨大なデジタルデバイスのデータ"),
    ("fullwidth-alnum", "plan/measures/open-data.yaml", "ICTの利活用", "ICT(2024)の利活用"),
    ("halfwidth-kana", "plan/measures/open-data.yaml", "デジタルデータが", "デジタル・データが"),
    ("doubled-particle", "plan/measures/open-data.yaml", "公開ルールや", "公開ルールのもののルールや"),
    ("missing-period", "plan/measures/open-data.yaml", "汎用性、即時性向上の検討", "汎用性、即時性向上を検討します"),
    ("spelling-variant", "plan/measures/open-data.yaml", "膨大なデジタルデータ", "膨大なデジタルデバイスのデータ"),
    ("style-dictionary", "plan/measures/open-data.yaml", "公開ルールや", "大切なこととても良いルールや"),
    ("empty-date", "plan/chapters/01-about.md", "近年、ICT※は", "令和3年7月に、ICT※は"),
    ("ime-heading", "plan/chapters/01-about.md", "今後も社会情勢の", "＃ハッシュタグ 今後も社会情勢の"),
    ("ime-heading-id", "plan/chapters/01-about.md", "策定の趣旨 {#purpose}", "策定の趣旨（全角の括弧） {#purpose}"),
    ("ime-directive", "plan/chapters/01-about.md", "今後も社会情勢の", "｛参考｝今後も社会情勢の"),
    ("ime-indent", "plan/chapters/01-about.md", "今後も社会情勢の", "\u3000今後も社会情勢の"),
    ("ime-list-marker", "plan/chapters/01-about.md", "今後も社会情勢の", "・今後も社会情勢の"),
    ("raw-html", "plan/chapters/01-about.md", "近年、ICT※は", "近年、<参考>ICT※は"),
]


def test_every_rule_has_cases():
    covered = {case[0] for case in FIRES} & {case[0] for case in QUIET}
    glossary_only = {
        "term-unused",
        "term-not-in-text",
        "glossary-order",
        "reading",
        "duplicate-term",
        "empty-definition",
        "measure-ref",
        "errata-ref",
        "reading-unconfirmed",
        "figure-alt",
        "figure-missing",
        "indicator-year",
        "drafted-text",
        "merged-items",  # fires on a later line than the edit's first: tests/test_ime_slips.py
    }  # tested below with their own edits
    assert set(RULES) <= covered | glossary_only, set(RULES) - covered - glossary_only


@pytest.mark.parametrize(
    ("rule", "rel", "old", "new", "expected"), FIRES, ids=[f"{c[0]}-{i}" for i, c in enumerate(FIRES)]
)
def test_rule_fires_at_the_exact_place(project, rule, rel, old, new, expected):
    edit(project, rel, old, new)
    line = next(
        n
        for n, text in enumerate((project / rel).read_text(encoding="utf-8").split("\n"), 1)
        if new.split("\n")[0] in text
    )
    found = [f for f in lint(project) if f.rule == rule and f.loc.file == rel and f.loc.line == line]
    assert found, [str(f) for f in lint(project) if f.rule == rule]
    if expected == "\n":  # the end of the line
        assert found[0].loc.column == len((project / rel).read_text(encoding="utf-8").split("\n")[line - 1]) + 1
    else:
        assert source_at(project, found[0], len(expected)) == expected
    assert found[0].message and found[0].suggestion


@pytest.mark.parametrize(("rule", "rel", "old", "new"), QUIET, ids=[f"{c[0]}-{i}" for i, c in enumerate(QUIET)])
def test_rule_stays_quiet_where_the_text_is_right(project, rule, rel, old, new):
    edit(project, rel, old, new)
    line = next(n for n, text in enumerate((project / rel).read_text(encoding="utf-8").split("\n"), 1) if new in text)
    found = [f for f in lint(project) if f.rule == rule and f.loc.file == rel and f.loc.line == line]
    assert not found, [str(f) for f in found]


def test_real_plan_has_no_error_and_only_the_known_warnings(real_plan):
    findings = run(real_plan)
    assert not [f for f in findings if f.severity == "error"], [str(f) for f in findings]
    by_rule = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding.message)
    assert any("デジタル連絡ツール" in m for m in by_rule["term-unused"])
    assert {m.split("」と「")[0] for m in by_rule["spelling-variant"]} == {"「チャネル", "「eラーニング"}
    assert "empty-date" in by_rule  # a draft: a warning, not an error


# ---- glossary rules that need an edit of the glossary itself --------------------------------------------------

GLOSSARY = "glossary/glossary.yaml"


def _glossary_findings(project, rule):
    return [f for f in lint(project, "glossary") if f.rule == rule]


def test_term_unused(project, real_plan):
    assert not [f for f in run(real_plan) if f.rule == "term-unused" and "ICT" in f.message]
    edit(project, "plan/chapters/01-about.md", "ICT※は", "ICTは")
    for rel in ("plan/tables/progress.yaml", "plan/measures/school-ict.yaml"):
        text = (project / rel).read_text(encoding="utf-8")
        (project / rel).write_text(text.replace("ICT※", "ICT"), encoding="utf-8")
    found = [f for f in _glossary_findings(project, "term-unused") if "「ICT」" in f.message]
    assert found and source_at(project, found[0], 3) == "ICT"


def test_term_not_in_text_names_the_closest_spelling(project):
    edit(project, GLOSSARY, "term: オープンデータ", "term: オープンデーター")
    [found] = [f for f in _glossary_findings(project, "term-not-in-text") if "オープンデーター" in f.message]
    assert "「オープンデータ」" in found.suggestion
    assert source_at(project, found, 8) == "オープンデーター"
    # an alias that occurs counts as an occurrence
    edit(project, GLOSSARY, "term: オープンデーター", "term: オープンデーター\n    aliases: [オープンデータ]")
    assert not [f for f in _glossary_findings(project, "term-not-in-text") if "オープンデーター" in f.message]


def test_glossary_order_names_where_the_entry_belongs(project):
    text = (project / GLOSSARY).read_text(encoding="utf-8")
    start = text.index("  - id: accessibility")
    end = text.index("  - id: ", start + 1)
    entry = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("  - id: zero-trust")
    (project / GLOSSARY).write_text(text[:at] + entry + text[at:], encoding="utf-8")
    found = _glossary_findings(project, "glossary-order")
    assert len(found) == 1 and "アクセシビリティ" in found[0].message
    assert "「Society 5.0」の後" in found[0].suggestion and "「インシデント」の前" in found[0].suggestion


def test_glossary_order_quiet_for_secondary_differences(project):
    # voicing and small kana are secondary: でじたるちけっと < でじたるでばいど < でじたるでんえん… stays in order
    assert not _glossary_findings(project, "glossary-order")


def test_reading_must_be_kana_and_match_a_kana_term(project):
    edit(project, GLOSSARY, "reading: ぜろとらすと", "reading: 零トラスト")
    edit(project, GLOSSARY, "reading: おーぷんでーた", "reading: おーぷんでーたー")
    found = _glossary_findings(project, "reading")
    assert {source_at(project, f, 3) for f in found} == {"零トラ", "おーぷ"}
    fixable = next(f for f in found if "おーぷんでーたー" in f.message)
    assert fixable.fix and fixable.fix.new == "おーぷんでーた"
    edit(project, GLOSSARY, "reading: 零トラスト", "reading: ゼロトラスト")  # katakana is kana
    assert not [f for f in _glossary_findings(project, "reading") if "ゼロ" in f.message]


def test_duplicate_term_and_alias(project):
    edit(project, GLOSSARY, "term: インシデント\n", "term: インシデント\n    aliases: [ＩＣＴ]\n")
    [found] = _glossary_findings(project, "duplicate-term")
    assert "ＩＣＴ" in found.message and source_at(project, found, 3) == "ＩＣＴ"


def test_empty_definition(project, kplan):
    edit(project, GLOSSARY, "definition: 事件や事故のこと", "definition: ―― …事件や事故のこと")
    assert not _glossary_findings(project, "empty-definition")
    text = (project / GLOSSARY).read_text(encoding="utf-8")
    start = text.index("definition: ―― …事件や事故のこと")
    end = text.index("\n", start)
    (project / GLOSSARY).write_text(text[:start] + "definition: ――" + text[end:], encoding="utf-8")
    [found] = _glossary_findings(project, "empty-definition")
    assert "インシデント" in found.message
    # a definition with nothing at all cannot be read: the loader says where (exit 2)
    (project / GLOSSARY).write_text(text[:start] + 'definition: ""' + text[end:], encoding="utf-8")
    result = kplan("-C", str(project), "lint", "--format", "json")
    assert result.returncode == 2
    assert any(p["file"] == GLOSSARY and p["code"].startswith("load.") for p in json.loads(result.stdout))


# ---- references ----------------------------------------------------------------------------------------------


def test_errata_ref(project, real_plan):
    assert not [f for f in run(real_plan) if f.rule == "errata-ref"]
    edit(project, "plan/measures/school-ict.yaml", "Society 5.0※の到来", "Society 5.0※の到来到来")
    edit(project, "plan/errata.yaml", "right: Society 5.0※の到来", "right: Society 5.0※が到来")
    found = [f for f in lint(project, "refs") if f.rule == "errata-ref"]
    assert len(found) == 1 and "Society 5.0※が到来" in found[0].message


def test_errata_wrong_text_still_present(project):
    edit(
        project,
        "plan/measures/office-digitalization.yaml",
        "文書の収受から審査",
        "文書の収受から審査、文書の收受から審査",
    )
    found = [f for f in lint(project, "refs") if f.rule == "errata-ref"]
    assert found and found[0].severity == "warning" and source_at(project, found[0], 2) == "文書"


def test_measure_ref_checks_the_model(tmp_path):
    """The loader refuses an unknown measure id; the rule checks the model itself, built here by hand."""
    from kplan.diagnostics import Loc
    from kplan.lint.context import LintContext
    from kplan.lint.refs_rules import measure_ref
    from kplan.model import (
        Chapter,
        Column,
        Conventions,
        MeasureRef,
        Meta,
        Plan,
        Record,
        RecordCell,
        RecordGroup,
        RecordTable,
        Str,
    )

    rel = "plan/tables/t.yaml"
    at = Loc(rel, 5, 9)
    cell = RecordCell((), (MeasureRef("no-such-measure", None, at),), at)
    table = RecordTable(
        "t",
        None,
        (Column(Str("施策", Loc(rel, 3, 12)), "measures"),),
        (RecordGroup("t", None, None, (Record("r", (cell,), at),), at),),
        Loc(rel),
    )
    meta = Meta(
        Str("例示市", Loc("plan/plan.yaml")),
        Str("例示計画", Loc("plan/plan.yaml", 2)),
        None,
        "1",
        None,
        "final",
        None,
        None,
        None,
        None,
        None,
        Loc("plan/plan.yaml"),
    )
    chapter = Chapter("c", 1, Str("章", Loc("plan/chapters/c.md", 3, 8)), (table,), Loc("plan/chapters/c.md"))
    [hit] = list(measure_ref(LintContext(Plan(tmp_path, meta, Conventions(), (chapter,), ()))))
    assert "no-such-measure" in str(hit.message) and hit.loc == at


def test_dangling_reference_stops_the_load_with_its_place(project, kplan):
    edit(project, "plan/tables/progress.yaml", "measure: open-data", "measure: open-date")
    result = kplan("-C", str(project), "lint", "--format", "json")
    assert result.returncode == 2
    [problem] = json.loads(result.stdout)
    assert problem["code"] == "load.unknown-measure" and problem["file"] == "plan/tables/progress.yaml"
    assert "open-date" in (project / problem["file"]).read_text(encoding="utf-8").split("\n")[problem["line"] - 1]


def test_empty_date_is_an_error_when_final(project):
    [draft] = [f for f in lint(project, "refs") if f.rule == "empty-date"]
    assert draft.severity == "warning" and draft.loc.file == "plan/plan.yaml"
    edit(project, "plan/plan.yaml", "status: draft", "status: final")
    [final] = [f for f in lint(project, "refs") if f.rule == "empty-date"]
    assert final.severity == "error"
    edit(project, "plan/plan.yaml", "revised: null", "revised: 2024-03")
    assert not [f for f in lint(project, "refs") if f.rule == "empty-date"]


# ---- general behaviour on small plans written here (not the real plan) ------------------------------------

SMALL_TERMS = """\
  - id: ict
    term: ICT
    definition: 情報通信技術のこと。
"""


def small_plan(
    root: Path,
    chapter: str,
    terms: str = SMALL_TERMS,
    order: str = "kana",
    period: str = "period: {from: 2024, to: 2028}\n",
) -> Path:
    """A one-chapter plan with a glossary, in format 2."""
    (root / "plan/chapters").mkdir(parents=True, exist_ok=True)
    (root / "glossary").mkdir(exist_ok=True)
    (root / "plan/plan.yaml").write_text(
        "municipality: 例示市\ntitle: 例示計画\n"
        + period
        + "parts:\n  - chapter: plan/chapters/01-intro.md\n  - glossary: glossary/glossary.yaml\n",
        encoding="utf-8",
    )
    (root / "plan/chapters/01-intro.md").write_text(
        "---\nid: intro\ntitle: はじめに\n---\n\n" + chapter, encoding="utf-8"
    )
    (root / "glossary/glossary.yaml").write_text(f"title: 用語解説\norder: {order}\nterms:\n" + terms, encoding="utf-8")
    return root


def codes_at(root: Path, code: str) -> list[Finding]:
    return [f for f in lint(root) if f.code == code]


def line_of(root: Path, rel: str, needle: str) -> int:
    return next(n for n, line in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def png(path: Path) -> None:
    """A 1×1 PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


CHAPTER = "ICT※を活用します。\n\n"
CHAPTER_FILE = "plan/chapters/01-intro.md"


def test_small_plan_is_clean(tmp_path):
    root = small_plan(tmp_path, CHAPTER)
    assert [f for f in lint(root) if f.severity != "info"] == []


def test_figure_with_an_image_needs_alt_text(tmp_path):
    png(tmp_path / "plan/figures/a.png")
    root = small_plan(
        tmp_path,
        CHAPTER + "```{figure}\nid: no-alt\ncaption: 図1\nimage: plan/figures/a.png\n```\n\n"
        "```{figure}\nid: with-alt\ncaption: 図2\nalt: 説明の文\nimage: plan/figures/a.png\n```\n",
    )
    [found] = codes_at(root, "lint.figure-alt")
    assert found.severity == "error" and found.loc.file == CHAPTER_FILE
    assert line_of(root, CHAPTER_FILE, "id: no-alt") - 1 <= found.loc.line <= line_of(root, CHAPTER_FILE, "id: no-alt")
    assert not codes_at(root, "lint.figure-missing")


def test_placeholder_figure_is_info(tmp_path):
    root = small_plan(tmp_path, CHAPTER + "```{figure}\nid: later\ncaption: 図1\nwords: [市民, 市役所]\n```\n")
    [found] = codes_at(root, "lint.figure-missing")
    assert found.severity == "info" and found.loc.file == CHAPTER_FILE
    assert not codes_at(root, "lint.figure-alt")


INDICATORS = """\
```{{indicators}}
id: kpi
rows:
  - id: good
    name: 良い指標
    baseline: {{value: 10, year: 2023}}
    target: {{value: 20, year: 2028}}
  - id: late-target
    name: 遅い目標
    target: {{value: 20, year: {target}}}
  - id: late-baseline
    name: 遅い現状値
    baseline: {{value: 10, year: {baseline}}}
```
"""


def test_indicator_years_against_the_plan_period(tmp_path):
    root = small_plan(tmp_path, CHAPTER + INDICATORS.format(target=2030, baseline=2025))
    found = codes_at(root, "lint.indicator-year")
    assert {f.severity for f in found} == {"warning"}
    lines = {f.loc.line for f in found}
    assert lines == {line_of(root, CHAPTER_FILE, "year: 2030"), line_of(root, CHAPTER_FILE, "year: 2025")}


def test_indicator_years_inside_the_period_and_plans_without_a_period(tmp_path):
    inside = small_plan(tmp_path / "inside", CHAPTER + INDICATORS.format(target=2027, baseline=2024))
    assert not codes_at(inside, "lint.indicator-year")
    no_period = small_plan(tmp_path / "none", CHAPTER + INDICATORS.format(target=2030, baseline=2025), period="")
    assert not codes_at(no_period, "lint.indicator-year")


def test_drafted_text_lists_each_place(tmp_path):
    root = small_plan(tmp_path, CHAPTER + "```{drafted}\n案の一文目です。\n\n案の二文目です。\n```\n")
    found = codes_at(root, "lint.drafted-text")
    assert [f.severity for f in found] == ["info", "info"]
    assert [f.loc.line for f in found] == [line_of(root, CHAPTER_FILE, "一文目"), line_of(root, CHAPTER_FILE, "二文目")]


def test_drafted_glossary_definition_is_listed(tmp_path):
    terms = SMALL_TERMS + "    drafted: true\n"
    root = small_plan(tmp_path, CHAPTER, terms)
    [found] = codes_at(root, "lint.drafted-text")
    assert found.loc.file == "glossary/glossary.yaml"


UNORDERED_TERMS = """\
  - id: telework
    term: テレワーク
    reading: てれわーく
    definition: 職場以外で働くこと。
  - id: ict
    term: ICT
    definition: 情報通信技術のこと。
  - id: open-data
    term: オープンデータ
    reading: おーぷんでーた
    definition: 誰もが使えるデータ。
"""
UNORDERED_CHAPTER = "テレワーク※とICT※とオープンデータ※を進めます。\n"


def test_as_written_glossary_is_never_out_of_order(tmp_path):
    root = small_plan(tmp_path, UNORDERED_CHAPTER, UNORDERED_TERMS, order="as-written")
    assert not codes_at(root, "lint.glossary-order")
    assert [f for f in lint(root) if f.severity == "error"] == []


def test_kana_glossary_order_is_checked(tmp_path):
    root = small_plan(tmp_path, UNORDERED_CHAPTER, UNORDERED_TERMS, order="kana")
    found = codes_at(root, "lint.glossary-order")
    assert found and all(f.loc.file == "glossary/glossary.yaml" for f in found)


def test_latin_term_needs_no_reading_and_unconfirmed_reading_is_info(tmp_path):
    terms = (
        SMALL_TERMS
        + """\
  - id: telework
    term: テレワーク
    reading: てれわーく
    reading_confirmed: false
    definition: 職場以外で働くこと。
"""
    )
    root = small_plan(tmp_path, "ICT※とテレワーク※を進めます。\n", terms)
    assert not codes_at(root, "lint.reading")
    [unconfirmed] = codes_at(root, "lint.reading-unconfirmed")
    assert unconfirmed.severity == "info"
    assert unconfirmed.loc.line == line_of(root, "glossary/glossary.yaml", "reading: てれわーく")
    assert [f for f in lint(root) if f.severity == "error"] == []


def test_small_plan_cli_exit_codes(tmp_path, kplan):
    root = small_plan(tmp_path, CHAPTER + "```{figure}\nid: later\ncaption: 図1\n```\n")
    result = kplan("-C", str(root), "lint", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr  # infos never fail, even with --strict
    assert "lint.figure-missing" in result.stdout
    edit(root, CHAPTER_FILE, "活用します", "活用しま す")
    edit(root, CHAPTER_FILE, "ICT※を", "ICT※を檢討し")
    result = kplan("-C", str(root), "lint")
    assert result.returncode == 1 and "lint.old-kanji" in result.stdout
