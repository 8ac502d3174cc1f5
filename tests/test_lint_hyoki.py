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
