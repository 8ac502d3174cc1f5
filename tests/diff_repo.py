"""Temporary git repositories holding editions of a plan (the real one in format 2, or a small fixture plan), made
by the tests' own commits; and the comparison run in-process, for speed."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "kplan tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "kplan tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=GIT_ENV
    ).stdout


FIRST_EDITION_COMMIT = "ecc0eea"  # the 初版 as first recorded, in the old source format


def copy_plan(root: Path) -> Path:
    """A copy of the real plan's sources (plan/, glossary/; format 2) in `root`."""
    for name in ("plan", "glossary"):
        shutil.copytree(REPO / name, root / name)
    return root


def make_repo(root: Path, label: str | None = "v1") -> Path:
    """A new repository whose first commit is the real plan, with the trailer Plan-Edition: LABEL."""
    copy_plan(root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "the plan as it is", label)
    return root


def commit(root: Path, message: str, label: str | None = None) -> str:
    git(root, "add", "-A")
    if label:
        message += f"\n\nPlan-Edition: {label}"
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a source file (failing when it is not there exactly once)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def json_diff(kplan, root: Path, old: str, new: str) -> tuple[int, dict]:
    result = kplan("diff", old, new, "--format", "json", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def find(changes: list[dict], **where: object) -> list[dict]:
    return [c for c in changes if all(c.get(key) == value for key, value in where.items())]


def changed_text(change: dict, side: str) -> list[str]:
    """The changed stretches of one side of a change, from its spans."""
    text = change[side]
    return [text[s[side][0] : s[side][1]] for s in change["spans"] if s["op"] != "equal" and s[side][0] < s[side][1]]


def first_edition(root: Path) -> Path:
    """The reconstructed 初版 (commit ecc0eea, old format) in `root`, migrated to format 2 by the project's script."""
    data = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", FIRST_EDITION_COMMIT, "plan", "glossary"],
        check=True,
        capture_output=True,
    ).stdout
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(root, filter="data")
    subprocess.run(
        [sys.executable, str(REPO / "scripts/migrate_format2.py"), str(root)], check=True, capture_output=True
    )
    return root


def diff_document(root: Path, old: str, new: str) -> dict:
    """`kplan diff OLD NEW --format json` run in-process from `root`: the JSON document."""
    from kplan.diff import diff_editions, render

    return json.loads(render(diff_editions(old, new, root), "json"))


# ---- a small fixture plan ---------------------------------------------------------------------------------------

PNG_RED = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100"
    "c9fe92ef0000000049454e44ae426082"
)
PNG_BLUE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d76360606000000004000"
    "1f61738550000000049454e44ae426082"
)

SMALL_PLAN = {
    "plan/plan.yaml": """municipality: 試験市
title: 小さな計画
edition: "1"
status: final
dates:
  established: 2024-03
period: {from: 2024, to: 2028}
conventions:
  numbering: ["{n}", "{1}-{n}", "({n})"]
  measure_reference: "{1}-{n}"
parts:
  - chapter: plan/chapters/01-intro.md
  - chapter: plan/chapters/02-measures.md
""",
    "plan/chapters/01-intro.md": """---
id: intro
title: はじめに
---

## 目的 {#purpose}

この計画の目的を述べます。

### 背景 {#background}

背景を述べます。

### 経緯 {#history}

経緯を述べます。

```{figure}
id: overview
caption: 計画の全体像
alt: 計画の全体像を示す図
image: plan/figures/overview.png
```
""",
    "plan/chapters/02-measures.md": """---
id: measures
title: 施策
---

## 暮らし {#life}

```{measure} online
```

```{measure} counter
```

## 行政 {#administration}

```{measure} office
```
""",
    "plan/measures/online.yaml": """id: online
title: オンライン申請の推進
body: |
  申請をオンラインで行えるようにします。
actions:
  - 対象手続の拡大
indicators:
  id: online-indicators
  rows:
    - id: online-rate
      name: オンライン申請可能な手続の割合
      unit: "%"
      baseline: {value: 35, year: 2022}
      target: {value: 80, year: 2027}
""",
    "plan/measures/counter.yaml": """id: counter
title: 窓口の改善
actions:
  - 窓口の案内の改善
""",
    "plan/measures/office.yaml": """id: office
title: 事務の効率化
actions:
  - 事務の見直し
""",
}


def small_plan(root: Path) -> Path:
    """The small fixture plan (two chapters, three measure cards, an indicator, a figure) in `root`."""
    for rel, text in SMALL_PLAN.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "plan/figures").mkdir(parents=True, exist_ok=True)
    (root / "plan/figures/overview.png").write_bytes(PNG_RED)
    return root


def small_repo(root: Path) -> Path:
    """A repository whose first commit is the small plan, with the trailer Plan-Edition: v1."""
    small_plan(root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "the small plan", "v1")
    return root
