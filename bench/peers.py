"""The tools people would use instead, on the same content: MkDocs (Material theme) and Sphinx (MyST) in a virtual
environment of their own, and the plan's own Markdown export split into their pages.

The environment is made once (python -m venv, then pip install of PEERS) in the benchmark's cache directory,
$XDG_CACHE_HOME/kplan-bench/peers, and reused while PEERS is unchanged; kplan's environment is not touched.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

PEERS = ("mkdocs==1.6.1", "mkdocs-material==9.5.49", "sphinx==8.1.3", "myst-parser==4.0.0")
CHAPTER = re.compile(r"^# ", re.M)
ATTRIBUTES = re.compile(r"\s*\{#[^}]*\}\s*$", re.M)


def peers_venv() -> Path:
    """The peers' virtual environment, made (a minute or two, once) when missing or out of date."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kplan-bench"
    stamp = hashlib.blake2b("\n".join(PEERS).encode(), digest_size=6).hexdigest()
    venv = base / f"peers-{stamp}"
    ready = venv / ".ready"
    if not ready.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PEERS],
            check=True,
        )
        ready.write_text("\n".join(PEERS) + "\n", encoding="utf-8")
    return venv


def pages(markdown: str) -> list[tuple[str, str]]:
    """The export cut at its level-1 headings: (file name, Markdown) per page, the cover first."""
    starts = [m.start() for m in CHAPTER.finditer(markdown)]
    cuts = [0, *starts, len(markdown)] if starts and starts[0] else [*starts, len(markdown)]
    found = []
    for number, (start, end) in enumerate(zip(cuts, cuts[1:], strict=False)):
        text = ATTRIBUTES.sub("", markdown[start:end]).strip() + "\n"
        if not text.startswith("# "):
            text = "# 表紙\n\n" + text
        found.append(("index.md" if number == 0 else f"page-{number:02d}.md", text))
    return found


def write_mkdocs(markdown: str, target: Path) -> Path:
    """An MkDocs project (Material theme, search on) holding the pages; returns its directory."""
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    names = []
    for name, text in pages(markdown):
        (docs / name).write_text(text, encoding="utf-8")
        names.append(name)
    nav = "\n".join(f"  - {name}" for name in names)
    (target / "mkdocs.yml").write_text(
        f"site_name: plan\ntheme:\n  name: material\n  language: ja\nplugins:\n  - search\nnav:\n{nav}\n",
        encoding="utf-8",
    )
    return target


def write_sphinx(markdown: str, target: Path) -> Path:
    """A Sphinx project (MyST Markdown, the alabaster theme) holding the pages; returns its source directory."""
    source = target / "source"
    source.mkdir(parents=True, exist_ok=True)
    names = []
    for name, text in pages(markdown):
        written = "contents.md" if name == "index.md" else name
        (source / written).write_text(text, encoding="utf-8")
        names.append(written.removesuffix(".md"))
    toctree = "\n".join(names)
    (source / "index.md").write_text(f"# plan\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    (source / "conf.py").write_text(
        "project = 'plan'\nextensions = ['myst_parser']\nlanguage = 'ja'\nhtml_theme = 'alabaster'\n"
        "suppress_warnings = ['myst.header', 'myst.xref_missing']\n",
        encoding="utf-8",
    )
    return source


def mkdocs_command(venv: Path, project: Path, site: Path) -> list[str]:
    return [str(venv / "bin" / "mkdocs"), "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def sphinx_command(venv: Path, source: Path, out: Path) -> list[str]:
    """A full Sphinx build (-E -a: a fresh environment and every page), as `kplan build --html --force` is."""
    return [str(venv / "bin" / "sphinx-build"), "-q", "-E", "-a", "-b", "html", str(source), str(out)]
