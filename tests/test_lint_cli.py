"""`kplan lint` as the editors and CI run it: output formats, families, exit codes, --strict, --fix."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

import printed_lines

REPO = Path(__file__).resolve().parents[1]
# a finding for people: エラー / 警告 / 情報 and （提案: …） in Japanese,
# error / warning / info and (suggestion: …) in English
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>エラー|警告|情報|error|warning|info) "
    r"(?P<code>lint\.(?P<rule>[a-z-]+)) (?P<message>.+?)(?:（提案: (?P<suggestion>.+)）| \(suggestion: (?P<en>.+)\))?$"
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in (".yaml", ".md")
    }


def test_text_format_one_finding_a_line(kplan):
    result = kplan("lint")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    assert all(LINE.match(line)["suggestion"] or LINE.match(line)["en"] for line in lines)
    assert printed_lines.prefix("cli.lint-summary") in result.stderr
    english = kplan("--lang", "en", "lint").stdout.splitlines()
    assert len(english) == len(lines) and all(LINE.match(line)["en"] for line in english), english


def test_json_format(kplan):
    result = kplan("lint", "--format", "json")
    assert result.returncode == 0
    findings = json.loads(result.stdout)
    assert findings
    for finding in findings:
        assert {"code", "rule", "severity", "file", "line", "column", "message", "suggestion"} <= set(finding)
        assert finding["code"] == "lint." + finding["rule"]
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)


def test_github_format(project, kplan):
    path = project / "plan/measures/office-digitalization.yaml"
    edit(path, "文書の収受", "文書の收受")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "文書の收受" in text)
    result = kplan("-C", str(project), "lint", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(
        re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=kplan lint\.[a-z-]+::.", line)
        for line in lines
    ), lines
    old = next(line for line in lines if "title=kplan lint.old-kanji" in line)
    assert old.startswith(f"::error file=plan/measures/office-digitalization.yaml,line={line},col=")
    assert "%0A提案: " in old  # the suggestion on the annotation's second line


def test_exit_codes_and_strict(project, kplan):
    assert kplan("-C", str(project), "lint").returncode == 0  # warnings only
    strict = kplan("-C", str(project), "lint", "--strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr
    edit(project / "plan/chapters/03-policy.md", "デジタルデバイド※対策", "デジタルデバйд※対策")
    assert kplan("-C", str(project), "lint").returncode == 1
    edit(project / "plan/plan.yaml", "status: draft", "status: drafty")
    unreadable = kplan("-C", str(project), "lint")
    assert unreadable.returncode == 2 and "plan/plan.yaml:" in unreadable.stderr
    as_json = kplan("-C", str(project), "lint", "--format", "json")
    assert as_json.returncode == 2
    [problem] = json.loads(as_json.stdout)
    assert problem["code"].startswith("load.") and problem["file"] == "plan/plan.yaml"
    assert problem["severity"] == "error"


def test_one_family(project, kplan):
    edit(project / "plan/chapters/03-policy.md", "デジタルデバイド※対策", "デジタルデバйд※対策")
    rules = {
        family: {f["rule"] for f in json.loads(kplan("-C", str(project), "lint", family, "--format", "json").stdout)}
        for family in ("glossary", "text", "content")
    }
    assert "unknown-term" in rules["glossary"] and "foreign-script" not in rules["glossary"]
    assert "foreign-script" in rules["text"] and "unknown-term" not in rules["text"]
    assert {r for r in rules["content"] if not r.startswith("load.")} <= {
        "figure-alt",
        "figure-missing",
        "indicator-year",
        "drafted-text",
    }
    refs = json.loads(kplan("-C", str(project), "lint", "refs", "--format", "json").stdout)
    assert {f["rule"] for f in refs} == {"empty-date", "errata-ref"}  # the 正誤表's 正 is gone


@pytest.mark.parametrize("args", [("lint", "spelling"), ("lint", "--format", "xml")])
def test_bad_arguments(kplan, args):
    result = kplan(*args)
    assert result.returncode == 2 and "cli.unknown-value" in result.stderr and "Traceback" not in result.stderr


def test_malformed_dictionary_is_unreadable(project, kplan):
    edit(project / "plan/hyoki.yaml", "patterns: [しゅくみ]", "patterns: [/しゅ(くみ/]")
    result = kplan("-C", str(project), "lint")
    assert result.returncode == 2
    problems = printed_lines.lines(result.stderr)
    assert any(m["file"] == "plan/hyoki.yaml" and m["code"].startswith("load.") for m in problems), result.stderr
    [problem] = json.loads(kplan("-C", str(project), "lint", "--format", "json").stdout)
    assert problem["code"] == "load.invalid-value" and problem["file"] == "plan/hyoki.yaml"


def test_dictionary_specs_are_checked(project, kplan):
    edit(project / "plan/hyoki.yaml", "to: 大切なこととても良いこと", "to: 大切なこととても良いことだ")
    result = kplan("-C", str(project), "lint", "--format", "json")
    assert result.returncode == 2
    [problem] = json.loads(result.stdout)
    assert problem["code"] == "load.invalid-value"
    assert (
        "from: 大切なこととても良いこと"
        in (project / "plan/hyoki.yaml").read_text(encoding="utf-8").split("\n")[problem["line"] - 1]
    )


# ---- --fix -----------------------------------------------------------------------------------------------------


def test_fix_restores_the_sources_byte_for_byte_and_touches_nothing_else(project, kplan):
    before = digests(project)
    defects = [
        ("plan/measures/office-digitalization.yaml", "文書の収受から審査", "文書の收受から審査"),  # block scalar
        ("plan/measures/school-ict.yaml", "Society 5.0※の到来", "Society 5.0*の到来"),
        ("plan/measures/digital-principles.yaml", "改正を実施していきます。", "改正を実施していきます"),
        ("plan/survey.yaml", "シティプロモーション", "シティブロモーション"),  # a list item
        ("plan/tables/progress.yaml", "総合窓口サービスの提供", "総合窓口サービスの の提供"),
        ("plan/chapters/03-policy.md", "住民サービス向上を推進", "住民ｻｰﾋﾞｽ向上を推進"),  # a Markdown table cell
        ("glossary/glossary.yaml", "「チャット」と「ボット」", "「チャット」と「ボット」"),  # quoted scalar
        ("glossary/glossary.yaml", "reading: おーぷんでーた", "reading: おーぷんでーたー"),
    ]
    for rel, old, new in defects:
        edit(project / rel, old, new)
    edit(project / "glossary/glossary.yaml", "を組み合わせた言葉で", "を組み合わせた言葉で、檢索")
    changed = {rel for rel, _, _ in defects}
    result = kplan("-C", str(project), "lint", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.count(printed_lines.prefix("cli.lint-fixed")) == 8
    after = digests(project)
    for rel, digest in before.items():
        if rel not in changed:
            assert after[rel] == digest, f"{rel} was touched"
    for rel in changed - {"glossary/glossary.yaml"}:
        assert after[rel] == before[rel], f"{rel} is not back to the original"
    glossary = (project / "glossary/glossary.yaml").read_text(encoding="utf-8")
    assert "言葉で、検索" in glossary and "'「チャット」と「ボット」を" in glossary  # quoting kept
    assert glossary.replace("、検索", "") == (REPO / "glossary/glossary.yaml").read_text(encoding="utf-8")


def test_fix_keeps_comments_and_crlf_line_endings(project, kplan):
    path = project / "plan/measures/office-digitalization.yaml"
    original = path.read_text(encoding="utf-8").replace("\ntitle:", "\n# 担当課のメモ: 変えないこと\ntitle:")
    path.write_bytes(original.replace("文書の収受", "文書の收受").replace("\n", "\r\n").encode("utf-8"))
    result = kplan("-C", str(project), "lint", "--fix")
    assert printed_lines.prefix("cli.lint-fixed") in result.stderr
    assert path.read_bytes() == original.replace("\n", "\r\n").encode("utf-8")


def test_fix_refuses_when_the_round_trip_would_change_other_lines(project, kplan):
    path = project / "plan/measures/office-digitalization.yaml"
    text = path.read_text(encoding="utf-8").replace("文書の収受", "文書の收受")
    text = text.replace("title: ", "title:     ")  # ruamel would write this line back as 'title: …'
    path.write_text(text, encoding="utf-8")
    result = kplan("-C", str(project), "lint", "--fix")
    assert result.returncode == 1  # the old kanji is still there
    assert printed_lines.prefix("cli.lint-not-fixed") in result.stderr and "手で直して" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_fix_with_nothing_to_fix_changes_no_byte(project, kplan):
    before = digests(project)
    result = kplan("-C", str(project), "lint", "--fix")
    assert (
        result.returncode == 0
        and printed_lines.said("cli.lint-fix-summary", count=0, files=0, names="") in result.stderr
    )
    assert digests(project) == before
