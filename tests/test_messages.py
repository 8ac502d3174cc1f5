"""The message catalog: every key kplan uses has a Japanese and an English text with the same parameters; the
language is chosen as documented; help fits 80 columns in both languages, with an example for every command."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from string import Template

import pytest

from kplan import helpformat, messages
from kplan.diagnostics import Diagnostic, Loc, Severity
from kplan.messages import Msg, detect, en, ja

SRC = Path(__file__).resolve().parents[1] / "src" / "kplan"
KEY = re.compile(r"[a-z]+\.[a-z0-9-]+(?:/[a-z0-9-]+)?")
CATALOGS = {"ja": ja.MESSAGES, "en": en.MESSAGES}
COMMANDS = ("build", "init", "import", "lint", "fmt", "export", "schema", "diff")


def parts(entry: str | tuple[str, str]) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else entry


def parameters(entry: str | tuple[str, str]) -> set[str]:
    return {name for part in parts(entry) for name in Template(part).get_identifiers()}


def sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))}


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def uses() -> tuple[list[tuple[str, str, set[str] | None]], set[str], set[str]]:
    """(key, where, keyword parameters or None when not all are known) of every catalog text the source names by
    a constant; the constant prefixes of keys made with an f-string; every `code="…"` given."""
    found: list[tuple[str, str, set[str] | None]] = []
    prefixes: set[str] = set()
    codes: set[str] = set()
    for path, tree in sources().items():
        if path.parent.name == "messages":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg in ("code", "pattern_hint") and _const(node.value):
                (codes if node.arg == "code" else prefixes).add(str(_const(node.value)))
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = {"Msg": 0, "say": 0, "text": 0, "hint_text": 0, "error": 1, "warning": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            key = _const(arg)
            if key is not None and KEY.fullmatch(key):
                known = None if any(k.arg is None for k in node.keywords) else {str(k.arg) for k in node.keywords}
                found.append((key, where, known))
            elif isinstance(arg, ast.JoinedStr) and arg.values and _const(arg.values[0]):
                prefixes.add(str(_const(arg.values[0])))
    return found, prefixes, codes


def test_both_languages_have_the_same_keys_and_parameters():
    assert set(ja.MESSAGES) == set(en.MESSAGES), set(ja.MESSAGES) ^ set(en.MESSAGES)
    for key, entry in ja.MESSAGES.items():
        other = en.MESSAGES[key]
        assert isinstance(entry, str) == isinstance(other, str), key  # both a text, or both (message, hint)
        assert parameters(entry) == parameters(other), (key, parameters(entry), parameters(other))
        for part in (*parts(entry), *parts(other)):
            assert Template(part).is_valid(), (key, part)
            assert Template(part).substitute(dict.fromkeys(parameters(entry), "x")).count("$") == part.count("$$")


def test_every_key_the_source_uses_is_in_the_catalog_with_its_parameters():
    found, prefixes, codes = uses()
    assert len(found) > 150  # the scan does see the call sites
    for key, where, given in found:
        assert key in ja.MESSAGES and key in en.MESSAGES, f"{where}: {key} has no text"
        if given is not None:
            assert given == parameters(ja.MESSAGES[key]), f"{where}: {key} takes {parameters(ja.MESSAGES[key])}"
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in ja.MESSAGES), f"no key starts with {prefix!r}"
    for code in codes:  # a code given with literal text (lint's rules give theirs through lint.findings)
        assert any(key == code or key.startswith(code + "/") for key in ja.MESSAGES), f"{code} has no text"


def test_the_keys_made_from_names_exist():
    from kplan.load import markdown, spec, yamlsafe

    made = [f"load.wrong-type/{name}" for name in spec._TYPE_NAMES]
    made += [f"load.yaml-syntax/{variant}" for _, variant in yamlsafe._PROBLEMS]
    made += [f"load.unsupported/what-{variant}" for variant in markdown._UNSUPPORTED.values()]
    made += [f"word.{severity}" for severity in Severity]
    made += list(helpformat._HEADINGS.values())
    made += [f"cli.usage/{variant}" for _, variant in helpformat._USAGE]
    made += [f"cli.init-value/{name}" for name in ("municipality", "title")]
    for path, tree in sources().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name in ("_wrong_type", "_value") and len(node.args) >= 3 and _const(node.args[2]):
                made.append(f"load.wrong-type/expect-{_const(node.args[2])}")
            elif name == "_unknown" and len(node.args) >= 2 and _const(node.args[1]):
                made.append(f"cli.unknown-value/{_const(node.args[1])}")
            elif name == "unique" and len(node.args) >= 2 and path.parent.name == "load":
                namespace = node.args[1]
                text = _const(namespace) or _const(getattr(namespace, "values", [None])[0] or ast.Constant(None))
                assert text, ast.dump(namespace)
                made.append("load.duplicate-id/" + text.split(" of table ")[0].strip().replace(" ", "-"))
    missing = [key for key in made if key not in ja.MESSAGES or key not in en.MESSAGES]
    assert not missing, missing


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, "ja"),
        ([], {"LANG": "C"}, "ja"),
        ([], {"LANG": "POSIX"}, "ja"),
        ([], {"LANG": "C.UTF-8"}, "ja"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LANG": "ja_JP.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "en_US.UTF-8", "LC_ALL": "ja_JP.UTF-8"}, "ja"),
        ([], {"LANG": "en_US.UTF-8", "KPLAN_LANG": "ja"}, "ja"),
        ([], {"KPLAN_LANG": "en"}, "en"),
        (["--lang", "en", "lint"], {"KPLAN_LANG": "ja"}, "en"),
        (["-C", "x", "--lang=en", "build"], {}, "en"),
        (["--lang", "ja"], {"LANG": "en_US.UTF-8"}, "ja"),
        (["lint", "--lang", "en"], {}, "ja"),  # only before the command, where kplan takes it
    ],
)
def test_the_language(argv, environ, expected):
    assert detect(argv, environ) == expected


def test_a_diagnostic_is_rendered_in_the_language_in_use():
    found = Diagnostic(Loc("plan/plan.yaml", 3, 5), Msg("load.unknown-key", key="titel", advice="?"))
    assert found.code == "load.unknown-key"
    with messages.using("ja"):
        assert str(found).startswith("plan/plan.yaml:3:5: エラー load.unknown-key: ") and "（ヒント: " in str(found)
    with messages.using("en"):
        assert str(found).startswith("plan/plan.yaml:3:5: error load.unknown-key: ") and " (hint: " in str(found)


def test_a_nested_entry_follows_the_language():
    said = Msg("load.unknown-measure", measure="x", file="f", advice=Msg("word.did-you-mean", name="y"))
    with messages.using("ja"):
        ja_hint = said.hint
    with messages.using("en"):
        en_hint = said.hint
    assert ja_hint != en_hint and "y" in ja_hint and "y" in en_hint


def help_of(command: str, lang: str) -> str:
    env = dict(os.environ, COLUMNS="80", KPLAN_LANG=lang)
    args = [command, "--help"] if command else ["--help"]
    result = subprocess.run(
        [sys.executable, "-m", "kplan", *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_fits_80_columns_with_an_example(command, lang):
    said = help_of(command, lang)
    assert all(helpformat.width(line) <= 78 for line in said.splitlines()), said
    heading = "例:" if lang == "ja" else "Example"
    assert heading in said, said  # every command shows how it is used
    assert "..." not in said.replace("[ARGS]...", "").replace("[引数]...", ""), said  # no short help cut off
    key = f"help.{command}" if command else "help.kplan"
    first = parts(messages.catalog(lang)[key])[0]
    assert first.split()[0] in said
    if lang == "ja":
        assert said.startswith("使い方: ") and "Usage" not in said and "Show this message" not in said


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_wrapping_keeps_words_whole(lang):
    texts = [text for key, entry in messages.catalog(lang).items() if key.startswith("help.") for text in parts(entry)]
    for limit in (30, 44, 60, 76):
        for text in texts:
            if "\b" in text:
                continue
            lines = helpformat.fill(text, limit).split("\n")
            for line in lines:
                assert helpformat.width(line) <= limit or len(helpformat.chunks(line)) == 1, (limit, line)
                starts_word = (" " + line.split(" ")[0]) in text  # after a space in the text: a word of its own
                assert line[:1] not in helpformat.NO_START or starts_word, (limit, line)
            for word in re.findall(r"[!-~]+", text):  # every run of ASCII (an option, a path, a word) on one line
                assert any(word in line for line in lines), (limit, word, lines)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    "args", [("biuld",), ("build", "--htm"), ("diff",), ("lint", "a", "b"), ("--lang", "fr", "lint")]
)
def test_a_mistyped_command_line_is_one_line_with_a_code(args, lang):
    env = dict(os.environ, KPLAN_LANG=lang)
    result = subprocess.run([sys.executable, "-m", "kplan", *args], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [said] = [line for line in result.stderr.splitlines() if line.startswith("kplan")]
    severity = "エラー" if lang == "ja" else "error"
    assert re.match(rf"kplan[a-z ]*: {severity} cli\.(usage|unknown-value): ", said), said
    assert "Error:" not in result.stderr
    assert lang == "en" or "Usage" not in result.stderr, result.stderr


def test_an_up_to_date_build_speaks_the_language_asked_for(project):
    """The build record keeps what a later build prints in both languages: the fast path answers in either."""

    def build(lang: str) -> str:
        env = dict(os.environ, KPLAN_LANG=lang)
        args = [sys.executable, "-m", "kplan", "-C", str(project), "build", "--html"]
        result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert messages.catalog("ja")["cli.wrote-site"][:5] in build("ja")
    for lang in ("en", "ja"):
        unchanged = parts(messages.catalog(lang)["cli.unchanged-site"])[0].split("$")[0]
        assert build(lang).startswith(unchanged), lang
