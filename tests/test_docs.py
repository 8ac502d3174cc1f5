"""docs/format.md: every YAML example that names its schema, every directive body and every front matter shown is
valid for the loader, so the docs cannot drift from the format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kplan.load.shapes import FIGURE, SHAPES
from kplan.load.spec import INVALID, validate
from kplan.load.yamlsafe import compose
from kplan.problems import Collector

FORMAT = Path(__file__).resolve().parents[1] / "docs" / "format.md"
TEXT = FORMAT.read_text(encoding="utf-8")
EXAMPLE = re.compile(
    r"```yaml\n(# yaml-language-server: \$schema=\S+/(?P<kind>[a-z-]+)\.schema\.json\n.*?)```", re.DOTALL
)
EXAMPLES = [(m["kind"], m[1]) for m in EXAMPLE.finditer(TEXT) if m[1].count("\n") > 1]
# Markdown examples are fenced with four backticks so that they can show directive fences inside
MARKDOWN = [m[1] for m in re.finditer(r"````markdown\n(.*?)````", TEXT, re.DOTALL)]
DIRECTIVE = re.compile(r"^```\{(?P<name>[a-z-]+)\}(?P<argument>[^\n]*)\n(?P<body>.*?)^```$", re.DOTALL | re.MULTILINE)
DIRECTIVES = [(m["name"], m["argument"].strip(), m["body"]) for text in MARKDOWN for m in DIRECTIVE.finditer(text)]
# a directive whose body is YAML, and the shape it has
YAML_BODIES = {"figure": FIGURE, "indicators": SHAPES["indicators"]}
KNOWN_DIRECTIVES = {"measure", "records", "indicators", "figure", "note", "drafted"}
FRONT_MATTER = [m[1] for text in MARKDOWN if (m := re.match(r"---\n(.*?\n)---\n", text, re.DOTALL))]


def valid(text: str, shape) -> list[str]:
    problems = Collector()
    node = compose(text, "docs/format.md", problems)
    if node is None:
        return [str(p) for p in problems.problems] or ["empty"]
    result = validate(node, shape, "docs/format.md", problems)
    return [str(p) for p in problems.problems] or (["invalid"] if result is INVALID else [])


def test_the_docs_show_every_kind_of_file():
    assert {kind for kind, _ in EXAMPLES} == set(SHAPES) - {"chapter"}


@pytest.mark.parametrize(("kind", "text"), EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)])
def test_example_is_valid(kind, text):
    assert valid(text, SHAPES[kind]) == []


def test_the_docs_show_every_directive():
    assert {name for name, _, _ in DIRECTIVES} == KNOWN_DIRECTIVES


@pytest.mark.parametrize(
    ("name", "argument", "body"), DIRECTIVES, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(DIRECTIVES)]
)
def test_directive_example_is_valid(name, argument, body):
    assert name in KNOWN_DIRECTIVES
    if name in ("measure", "records"):
        assert argument and not body.strip(), "these directives take an argument and no body"
    elif name in YAML_BODIES and not argument:
        assert valid(body, YAML_BODIES[name]) == []
    else:
        assert body.strip() and not argument


@pytest.mark.parametrize("text", FRONT_MATTER, ids=[f"front-matter-{i}" for i in range(len(FRONT_MATTER))])
def test_front_matter_example_is_valid(text):
    assert valid(text, SHAPES["chapter"]) == []


def test_lint_docs_list_every_rule():
    from kplan.lint import RULES

    text = (FORMAT.parent / "lint.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", text, re.MULTILINE))
    assert listed == set(RULES)
