"""markdown-it's tokens kept between runs (kplan.load.md_tokens): the same tokens as parsing, checked before they
are used, never a reason for a run to fail, and a bounded directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from kplan.load import md_tokens

SAMPLE = """\
# 第1章 はじめに {#intro}

本文の段落です。※のある用語※と[リンク](https://example.jp)と![図](x.png)。
改行のある段落
の続き。

- 項目1
  - 入れ子
- 項目2

1. 番号
2. 番号

| 見出し | 値 |
| --- | ---: |
| a | 1 |

```{measure} dx-1
```

> 引用

    コード

<b>raw</b> と *星* と `code`
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "kplan" / "markdown"


def fresh(text: str) -> list[md_tokens.Tok]:
    return [md_tokens._tok(token) for token in md_tokens.parser().parse(text)]


def test_tokens_from_the_cache_are_the_parsed_ones(cache: Path) -> None:
    first = md_tokens.tokens(SAMPLE)
    assert len(list(cache.iterdir())) == 1
    again = md_tokens.tokens(SAMPLE)
    assert again == first == fresh(SAMPLE)
    assert {t.type for t in first} >= {"heading_open", "bullet_list_open", "ordered_list_open", "table_open", "fence"}
    inline = next(
        t for t in first if t.type == "inline" and t.children and any(c.type == "link_open" for c in t.children)
    )
    assert any(c.attrs.get("href") == "https://example.jp" for c in inline.children or [])


def test_a_changed_text_is_parsed_again(cache: Path) -> None:
    md_tokens.tokens(SAMPLE)
    changed = SAMPLE.replace("項目2", "項目3")
    assert md_tokens.tokens(changed) == fresh(changed)
    assert len(list(cache.iterdir())) == 2


def test_an_unreadable_or_foreign_entry_is_parsed_again_and_replaced(cache: Path) -> None:
    md_tokens.tokens(SAMPLE)
    (entry,) = cache.iterdir()
    for content in (b"\x00garbage", msgspec.msgpack.encode(["other", "shape", [{"type": 1}]])):
        entry.write_bytes(content)
        assert md_tokens.tokens(SAMPLE) == fresh(SAMPLE)
        assert md_tokens._decoder.decode(entry.read_bytes()).text == SAMPLE


def test_an_entry_of_another_text_under_the_same_name_is_not_used(cache: Path) -> None:
    """Checksums can collide: the entry keeps its text, and only an entry of the same text is used."""
    other = "# 別の章 {#other}\n"
    md_tokens.tokens(other)
    (entry,) = cache.iterdir()
    target = Path(md_tokens._entry_path(SAMPLE))
    entry.rename(target)  # as if the other text had SAMPLE's checksum
    assert md_tokens.tokens(SAMPLE) == fresh(SAMPLE)


def test_an_entry_of_other_parser_settings_is_not_used(cache: Path) -> None:
    md_tokens.tokens(SAMPLE)
    (entry,) = cache.iterdir()
    stale = md_tokens._decoder.decode(entry.read_bytes())
    entry.write_bytes(md_tokens._encoder.encode(md_tokens.Entry("markdown-it 0.0", SAMPLE, [])))
    assert md_tokens.tokens(SAMPLE) == stale.tokens != []


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert md_tokens.tokens(SAMPLE) == fresh(SAMPLE)
    assert blocked.read_text() == "not a directory"


def test_the_directory_is_pruned_to_its_newest_entries(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md_tokens, "MAX_ENTRIES", 8)
    for n in range(12):  # one process: the directory is listed at its first new entry only
        md_tokens.tokens(f"段落 {n}\n")
        os.utime(md_tokens._entry_path(f"段落 {n}\n"), ns=(n * 10**9, n * 10**9))  # oldest first
    assert len(list(cache.iterdir())) == 12
    md_tokens._pruned.discard(str(cache))  # as a later process
    md_tokens.tokens("段落 12\n")
    names = {p.name for p in cache.iterdir()}
    assert len(names) == 6  # over 8: the newest three quarters are kept
    assert {Path(md_tokens._entry_path(f"段落 {n}\n")).name for n in (7, 11, 12)} <= names
    assert Path(md_tokens._entry_path("段落 6\n")).name not in names


def test_an_unchanged_plan_loads_the_same_without_importing_markdown_it(tmp_path: Path, new_plan: Path) -> None:
    """The second process reads every Markdown text's tokens from the cache: the same plan, the same lint."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "KPLAN_LANG": "en"}
    code = (
        "import sys, pickle; from pathlib import Path; from kplan.load import load_plan; "
        "from tests.fuzz.same import content; "
        f"plan = load_plan(Path({str(new_plan)!r})); "
        "sys.stdout.write(repr(('markdown_it' in sys.modules, content(plan))))"
    )
    root = Path(__file__).resolve().parents[1]
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.startswith("(True,") and runs[1].stdout.startswith("(False,")
    assert runs[0].stdout[len("(True,") :] == runs[1].stdout[len("(False,") :]
    lints = [
        subprocess.run(
            [sys.executable, "-m", "kplan", "-C", str(new_plan), "lint"], capture_output=True, text=True, env=env
        )
        for _ in range(2)
    ]
    assert lints[0].stdout == lints[1].stdout and lints[0].returncode == lints[1].returncode
