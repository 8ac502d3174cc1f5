"""Each lint rule on a copy of the real plan: one edit that makes it fire at the exact place, one that must not.

The cases are data (as sqlfluff keeps its rule fixtures): the file, the text replaced, the replacement, and the
text that must stand at the reported line and column. Rules are run in-process here; the command line itself is
tested in test_lint_cli.py.
"""

from __future__ import annotations

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
    return line[finding.loc.column - 1:finding.loc.column - 1 + length]


# (rule, file, old, new, text expected at the finding's line:column)
FIRES = [
    ("unknown-term", "plan/chapters/01-about.md", "ICT※は", "ICTT※は", "※は急速"),
    ("unknown-term", "plan/progress.yaml", "AIチャットボット※", "AIチャットボット※{chatbott}", "※{chatbott}"),
    ("first-occurrence-unmarked", "plan/chapters/01-about.md", "近年、ICT※は", "近年、ICTやテレワークの活用でICT※は",
     "ICTや"),
    ("foreign-script", "plan/chapters/02-trends.md", "デジタル・ガバメントを目指す", "デジタル・ガバメнтを目指す",
     "нтを目指す"),
    ("broken-character", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な\ufffdデジタル", "\ufffdデジタル"),
    ("broken-character", "plan/measures/open-data.yaml", "膨大なデジタル", "膨大な\u200bデジタル", "\u200bデジタル"),
    ("old-kanji", "plan/measures/open-data.yaml", "個人情報の秘匿化", "個人情報の祕匿化", "祕匿化"),
    ("marker-asterisk", "plan/measures/open-data.yaml", "秘匿化※", "秘匿化＊", "＊や"),
    ("marker-asterisk", "plan/chapters/01-about.md", "ICT※は", "ICT[※]は", "[※]は"),
    ("near-miss", "plan/measures/open-data.yaml", "オープンデータの提供に", "オープンデーターの提供に",
     "オープンデーター"),
    ("fullwidth-alnum", "plan/measures/open-data.yaml", "ICTの利活用", "ＩＣＴの利活用", "ＩＣＴ"),
    ("halfwidth-kana", "plan/measures/open-data.yaml", "デジタルデータが", "ﾃﾞｼﾞﾀﾙデータが", "ﾃﾞｼﾞﾀﾙ"),
    ("doubled-particle", "plan/measures/open-data.yaml", "公開ルールや", "公開ルールを を", "を を"),
    ("missing-period", "plan/measures/open-data.yaml", "充実を図ります。", "充実を図ります", "\n"),
    ("spelling-variant", "plan/measures/open-data.yaml", "公開ルールや", "公開サービズや", "サービズ"),
    ("style-dictionary", "plan/measures/open-data.yaml", "公開ルールや", "シティブロモーションのルールや",
     "ブロモーション"),
    ("empty-date", "plan/chapters/01-about.md", "近年、ICT※は", "令和　年　月に、ICT※は", "令和　年　月"),
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
]


def test_every_rule_has_cases():
    covered = {case[0] for case in FIRES} & {case[0] for case in QUIET}
    glossary_only = {"term-unused", "term-not-in-text", "glossary-order", "reading", "duplicate-term",
                     "empty-definition", "measure-ref", "errata-ref"}  # tested below with their own edits
    assert set(RULES) <= covered | glossary_only, set(RULES) - covered - glossary_only


@pytest.mark.parametrize(("rule", "rel", "old", "new", "expected"), FIRES, ids=[f"{c[0]}-{i}" for i, c in
                                                                                 enumerate(FIRES)])
def test_rule_fires_at_the_exact_place(project, rule, rel, old, new, expected):
    edit(project, rel, old, new)
    line = next(n for n, text in enumerate((project / rel).read_text(encoding="utf-8").split("\n"), 1)
                if new.split("\n")[0] in text)
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
    for rel in ("plan/progress.yaml", "plan/measures/school-ict.yaml"):
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
    result = kplan("-C", str(project), "lint")
    assert result.returncode == 2 and "glossary/glossary.yaml:" in result.stderr and "empty text" in result.stderr


# ---- references ----------------------------------------------------------------------------------------------


def test_errata_ref(project, real_plan):
    assert not [f for f in run(real_plan) if f.rule == "errata-ref"]
    edit(project, "plan/measures/school-ict.yaml", "Society 5.0※の到来", "Society 5.0※の到来到来")
    edit(project, "plan/errata.yaml", "right: Society 5.0※の到来", "right: Society 5.0※が到来")
    found = [f for f in lint(project, "refs") if f.rule == "errata-ref"]
    assert len(found) == 1 and "Society 5.0※が到来" in found[0].message


def test_errata_wrong_text_still_present(project):
    edit(project, "plan/measures/office-digitalization.yaml", "文書の収受から審査",
         "文書の収受から審査、文書の收受から審査")
    found = [f for f in lint(project, "refs") if f.rule == "errata-ref"]
    assert found and found[0].severity == "warning" and source_at(project, found[0], 2) == "文書"


def test_measure_ref_checks_the_model(real_plan):
    import dataclasses

    from kplan.lint.context import LintContext
    from kplan.lint.refs_rules import measure_ref

    assert not list(measure_ref(LintContext(real_plan)))
    chapter = next(c for c in real_plan.chapters if c.progress)
    group = chapter.progress.groups[0]
    row = group.rows[0]
    broken_ref = dataclasses.replace(row.measures[0], measure_id="no-such-measure")
    broken = dataclasses.replace(real_plan, chapters=tuple(
        dataclasses.replace(c, progress=dataclasses.replace(c.progress, groups=(dataclasses.replace(
            group, rows=(dataclasses.replace(row, measures=(broken_ref,)),)),))) if c is chapter else c
        for c in real_plan.chapters))
    [hit] = list(measure_ref(LintContext(broken)))
    assert "no-such-measure" in hit.message and hit.loc.file == "plan/progress.yaml"


def test_dangling_reference_stops_the_load_with_its_place(project, kplan):
    edit(project, "plan/progress.yaml", "measure: open-data", "measure: open-date")
    result = kplan("-C", str(project), "lint")
    assert result.returncode == 2
    assert "plan/progress.yaml:" in result.stderr and "open-date" in result.stderr and "open-data" in result.stderr


def test_empty_date_is_an_error_when_final(project):
    [draft] = [f for f in lint(project, "refs") if f.rule == "empty-date"]
    assert draft.severity == "warning" and draft.loc.file == "plan/plan.yaml"
    edit(project, "plan/plan.yaml", "status: draft", "status: final")
    [final] = [f for f in lint(project, "refs") if f.rule == "empty-date"]
    assert final.severity == "error"
    edit(project, "plan/plan.yaml", "revised: null", "revised: 2024-03")
    assert not [f for f in lint(project, "refs") if f.rule == "empty-date"]
