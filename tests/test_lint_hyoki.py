"""The 表記ゆれ dictionary (plan/hyoki.yaml): literal and regular-expression patterns, prh style."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan.diagnostics import DiagnosticError
from kplan.lint.hyoki import load_dictionary


def dictionary(tmp_path: Path, rules: str):
    (tmp_path / "plan").mkdir(exist_ok=True)
    (tmp_path / "plan/hyoki.yaml").write_text("version: 1\nrules:\n" + rules, encoding="utf-8")
    return load_dictionary(tmp_path)


def test_literal_and_regex_patterns(tmp_path):
    found = dictionary(
        tmp_path,
        """\
  - expected: ウェブ
    patterns: [ウエブ, ウエッブ]
  - expected: $1サーバー
    patterns: ['/(Web|メール)サーバ(?!ー)/']
""",
    )
    assert found.apply("ウエブとウエッブのメールサーバとWebサーバー") == "ウェブとウェブのメールサーバーとWebサーバー"


def test_text_already_as_expected_is_left_alone(tmp_path):
    found = dictionary(
        tmp_path,
        """\
  - expected: デジタル・ガバメント
    patterns: [ガバメント]
""",
    )
    assert found.apply("デジタル・ガバメントとガバメント") == "デジタル・ガバメントとデジタル・ガバメント"


def test_no_dictionary_is_an_empty_one(tmp_path):
    assert load_dictionary(tmp_path).apply("ウエブ") == "ウエブ"


@pytest.mark.parametrize(
    ("rules", "code", "line"),
    [
        ("  - expected: a\n    patterns: ['/(/']\n", "load.invalid-value", 4),  # not a regular expression
        ("  - expected: a\n    patterns: [a]\n", "load.invalid-value", 4),  # a pattern that replaces nothing
        (
            "  - expected: とても\n    patterns: [ととても]\n    specs: [{from: ととても, to: ととても}]\n",
            "load.invalid-value",
            5,
        ),  # a spec that fails
        ("  - expected: a\n    pattern: [b]\n", "load.unknown-key", 4),
    ],
)
def test_bad_dictionary_is_reported_with_its_place(tmp_path, rules, code, line):
    with pytest.raises(DiagnosticError) as caught:
        dictionary(tmp_path, rules)
    assert any(p.code == code and p.loc.line == line for p in caught.value.diagnostics), caught.value.diagnostics
    assert all(p.loc.file == "plan/hyoki.yaml" and p.loc.line >= 1 for p in caught.value.diagnostics)


@pytest.mark.parametrize(
    ("pattern", "linear"),
    [
        ("(?<!こ)ととても", True),  # a lookbehind and literal text: tried once at each place
        ("^ウエブ$", True),
        ("(サーバ)(?!ー)", True),
        ("(a+)+$", False),  # quantifiers can backtrack
        ("a|b", False),  # so can alternation
        ("a\\d", False),  # an escape is not looked into
        ("[?]", False),  # conservative: a ? in a class says no too
        ("(?P<x>a)", False),
    ],
)
def test_patterns_that_cannot_backtrack_are_told_apart(pattern, linear):
    from kplan.lint.hyoki import cannot_backtrack

    assert cannot_backtrack(pattern) is linear


def test_linear_and_guarded_patterns_replace_alike(tmp_path):
    """A pattern run with re (it cannot backtrack) and one run with regex's timeout give the same replacements."""
    found = dictionary(
        tmp_path,
        """\
  - expected: とても
    patterns: ['/(?<!こ)ととても/']
  - expected: $1サーバー
    patterns: ['/(Web|メール)サーバ(?!ー)/']
  - expected: $1です
    patterns: ['/(あ)でした/']
""",
    )
    text = "ととても楽しいこととても大切。Webサーバとあでした"
    assert found.apply(text) == "とても楽しいこととても大切。Webサーバーとあです"
    kinds = sorted(type(pattern.compiled).__module__ for pattern, _ in found._regexes)
    assert kinds == ["_regex", "re", "re"]


def test_a_linear_pattern_does_not_import_regex(tmp_path):
    import subprocess
    import sys

    (tmp_path / "plan").mkdir()
    (tmp_path / "plan/hyoki.yaml").write_text(
        "version: 1\nrules:\n  - expected: とても\n    patterns: ['/(?<!こ)ととても/']\n", encoding="utf-8"
    )
    code = (
        "import sys; from pathlib import Path; from kplan.lint.hyoki import load_dictionary; "
        f"load_dictionary(Path({str(tmp_path)!r})); print('regex' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
