"""docs/format.md: every YAML example that names its schema is valid for the loader, so the docs cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kplan.load.shapes import SHAPES
from kplan.load.spec import INVALID, validate
from kplan.load.yamlsafe import compose
from kplan.problems import Collector

FORMAT = Path(__file__).resolve().parents[1] / "docs" / "format.md"
EXAMPLE = re.compile(r"```yaml\n(# yaml-language-server: \$schema=\S+/(?P<kind>[a-z-]+)\.schema\.json\n.*?)```",
                     re.DOTALL)
EXAMPLES = [(m["kind"], m[1]) for m in EXAMPLE.finditer(FORMAT.read_text(encoding="utf-8")) if m[1].count("\n") > 1]


def test_the_docs_show_every_kind_of_file():
    assert {kind for kind, _ in EXAMPLES} == set(SHAPES) - {"chapter"}


@pytest.mark.parametrize(("kind", "text"), EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)])
def test_example_is_valid(kind, text):
    problems = Collector()
    node = compose(text, "docs/format.md", problems)
    assert node is not None, problems.problems
    assert validate(node, SHAPES[kind], "docs/format.md", problems) is not INVALID, [str(p) for p in problems.problems]


def test_lint_docs_list_every_rule():
    from kplan.lint import RULES

    text = (FORMAT.parent / "lint.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", text, re.MULTILINE))
    assert listed == set(RULES)
