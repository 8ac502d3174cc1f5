"""docs/ja/ (the staff guide): every kplan command it tells staff to copy exists with those options, every code it
names is a real diagnostic code, every link leads somewhere, so the guide cannot drift from the tool."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs/ja"
PAGES = {path.name: path.read_text(encoding="utf-8") for path in sorted(GUIDE.glob("*.md"))}
BLOCK = re.compile(r"^```(?:sh|powershell)\n(.*?)^```$", re.DOTALL | re.MULTILINE)
INLINE = re.compile(r"(?<!`)`(kplan [^`]+)`(?!`)")
COMMANDS = sorted(
    {
        line.split("  #")[0].strip()
        for text in PAGES.values()
        for block in BLOCK.findall(text)
        for line in block.splitlines()
        if line.strip().startswith("kplan ")
    }
    | {match for text in PAGES.values() for match in INLINE.findall(text)}
)


@pytest.fixture(scope="module")
def helps(kplan_module) -> dict[str, str]:
    """`kplan --help` and each command's --help, as the real CLI prints them."""
    top = kplan_module("--help")
    assert top.returncode == 0
    names = re.findall(r"^\s{2}([a-z]+)\s", re.split("(?:Commands|コマンド):", top.stdout)[1], re.MULTILINE)
    out = {"": top.stdout}
    for name in names:
        result = kplan_module(name, "--help", cwd=REPO)
        assert result.returncode == 0, result.stderr
        out[name] = result.stdout
    return out


def test_the_guide_has_every_topic():
    assert set(PAGES) == {"README.md", "setup.md", "editing.md", "lint.md", "editions.md", "diff.md", "errors.md"}
    assert len(COMMANDS) > 15


@pytest.mark.parametrize("line", COMMANDS)
def test_every_command_in_the_guide_is_one_the_cli_has(helps, line):
    words = shlex.split(line)[1:]
    while words[:1] in (["-C"], ["--lang"]):  # the global options that take a value
        words = words[2:]
    command = next((word for word in words if not word.startswith("-")), "")
    assert command in helps, f"{line}: no command {command!r}"
    for word in words:
        if word.startswith("-"):
            option = word.split("=")[0]
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[command]), f"{line}: {option}"
    for flag, value in zip(words, words[1:], strict=False):
        if flag in ("--format", "-f"):
            assert value in helps[command], f"{line}: --format {value}"


def test_the_exit_codes_in_the_guide_are_the_cli_ones():
    from kplan.diagnostics import Exit

    table = PAGES["README.md"].split("## 終了コード")[1]
    assert {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)} == {int(e) for e in Exit}


def test_every_code_the_guide_names_exists():
    from kplan.lint import RULES

    loader_codes = set(re.findall(r"`(load\.[a-z-]+)`", (REPO / "docs/format.md").read_text(encoding="utf-8")))
    for name, text in PAGES.items():
        for code in re.findall(r"\b(load\.[a-z-]+|lint\.[a-z-]+)", text):
            if code == "lint.md":  # the page, not a code
                continue
            if code.startswith("lint."):
                assert code.removeprefix("lint.") in RULES, f"{name}: {code}"
            else:
                assert code in loader_codes, f"{name}: {code}"
    rules_named = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", PAGES["lint.md"]))
    assert rules_named and rules_named <= set(RULES), rules_named - set(RULES)


def test_every_link_of_the_guide_leads_somewhere():
    for name, text in PAGES.items():
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http:", "https:")):
                continue
            path, _, anchor = target.partition("#")
            page = (GUIDE / path).resolve() if path else GUIDE / name
            assert page.is_file(), f"{name}: {target}"
            if anchor:
                headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
                slugs = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}
                assert anchor in slugs, f"{name}: {target} ({sorted(slugs)})"
    assert "docs/ja/README.md" in (REPO / "README.md").read_text(encoding="utf-8")
