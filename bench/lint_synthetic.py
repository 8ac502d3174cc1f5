"""Benchmark: `kplan lint` on the real plan and on a synthetic plan 20 times larger with 2,000 glossary terms.

    .venv/bin/python bench/lint_synthetic.py [--runs N] [--keep DIR]

The synthetic plan is the real one with chapters 1–5 and the measure cards copied 20 times (ids renamed), 2,000
made-up katakana terms added to the 用語解説 in 50音順, and a chapter that marks each term with ※ and mentions it
again. It is written to a temporary directory and linted by the real `kplan` process; the figures are wall
times, interpreter start included (median of N runs). Goals (issue 3): real plan ≤ 0.5 s, synthetic < 5 s.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from kplan.kana import sort_key, to_hiragana  # noqa: E402

COPIES = 32  # copies of chapters 1–5 and the measures: with the 2,000 terms, about 20× the sources
TERMS = 2000
SYLLABLES = list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン") + \
    ["ガ", "ギ", "グ", "ゲ", "ゴ", "ザ", "ジ", "ズ", "ダ", "デ", "ド", "バ", "ビ", "ブ", "ベ", "ボ", "パ", "ピ", "プ",
     "ー", "ッ", "キャ", "シュ", "チョ", "ティ", "フォ"]
SUFFIXES = [("", ""), ("システム", "しすてむ"), ("サービス", "さーびす"), ("構想", "こうそう"), ("化", "か"),
            ("基盤", "きばん"), ("連携", "れんけい")]


def make_terms(rng: random.Random) -> list[tuple[str, str, str]]:
    """(id, term, reading), unique, in 50音順."""
    terms: dict[str, tuple[str, str]] = {}
    while len(terms) < TERMS:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 6))).lstrip("ーッ")
        if len(word) < 3:
            continue
        suffix, suffix_reading = rng.choice(SUFFIXES)
        terms.setdefault(word + suffix, (to_hiragana(word) + suffix_reading, ""))
    ordered = sorted(terms.items(), key=lambda item: sort_key(item[0], item[1][0]))
    return [(f"synthetic-{index:04d}", term, reading) for index, (term, (reading, _)) in enumerate(ordered)]


def build(root: Path, rng: random.Random) -> None:
    for name in ("plan", "glossary", "templates"):
        shutil.copytree(REPO / name, root / name)
    plan_yaml = (root / "plan/plan.yaml").read_text(encoding="utf-8")
    chapters = re.findall(r"^  - (chapters/\S+\.md)$", plan_yaml, re.MULTILINE)
    prose = [c for c in chapters if not c.endswith(("04-progress.md", "06-measures.md"))]
    extra = []
    for copy in range(1, COPIES):
        for rel in prose:
            text = (root / "plan" / rel).read_text(encoding="utf-8")
            text = re.sub(r"\{#([a-z0-9-]+)\}", rf"{{#\1-c{copy}}}", text)
            text = re.sub(r"^id: (\S+)$", rf"id: \1-c{copy}", text, count=1, flags=re.MULTILINE)
            name = rel.replace(".md", f"-c{copy}.md")
            (root / "plan" / name).write_text(text, encoding="utf-8")
            extra.append(name)
    terms = make_terms(rng)
    extra.append("chapters/90-synthetic-terms.md")
    (root / "plan/chapters/90-synthetic-terms.md").write_text(_term_chapter(terms, rng), encoding="utf-8")
    listing = "".join(f"  - {name}\n" for name in extra)
    plan_yaml = plan_yaml.replace("  - chapters/06-measures.md\n", "  - chapters/06-measures.md\n" + listing, 1)
    (root / "plan/plan.yaml").write_text(plan_yaml, encoding="utf-8")
    _copy_measures(root)
    _extend_glossary(root, terms)


def _term_chapter(terms: list[tuple[str, str, str]], rng: random.Random) -> str:
    lines = ["---", "id: synthetic-terms", "title: 合成した用語の章", "---", "", "## 用語の使用例 {#synthetic-use}", ""]
    for index in range(0, len(terms), 4):
        group = [term for _, term, _ in terms[index:index + 4]]
        lines.append("本市では、" + "、".join(f"{term}※" for term in group) + "の導入を検討しています。")
        lines.append("")
        lines.append(f"また、{rng.choice(group)}については、市民の利便性向上に向けて{group[0]}との連携を図ります。")
        lines.append("")
    return "\n".join(lines)


def _copy_measures(root: Path) -> None:
    directory = root / "plan/measures"
    originals = sorted(directory.glob("*.yaml"))
    counts: dict[int, int] = {}
    for path in originals:
        group = int(re.search(r'number: "?(\d+)-', path.read_text(encoding="utf-8"))[1])
        counts[group] = max(counts.get(group, 0), int(re.search(r"-\((\d+)\)", path.read_text(encoding="utf-8"))[1]))
    next_number = dict(counts)
    for copy in range(1, COPIES):
        for path in originals:
            text = path.read_text(encoding="utf-8")
            group = int(re.search(r'number: "?(\d+)-', text)[1])
            next_number[group] += 1
            text = re.sub(r"^id: (\S+)$", rf"id: \1-c{copy}", text, count=1, flags=re.MULTILINE)
            text = re.sub(r'^number: .*$', f'number: "{group}-({next_number[group]})"', text, count=1,
                          flags=re.MULTILINE)
            (directory / f"{path.stem}-c{copy}.yaml").write_text(text, encoding="utf-8")


def _extend_glossary(root: Path, terms: list[tuple[str, str, str]]) -> None:
    path = root / "glossary/glossary.yaml"
    text = path.read_text(encoding="utf-8")
    head, body = text.split("terms:\n", 1)
    entries = re.split(r"(?m)^(?=  - id: )", body)
    entries = [e for e in entries if e.strip()]
    for term_id, term, reading in terms:
        entries.append(f"  - id: {term_id}\n    term: {term}\n    reading: {reading}\n"
                       f"    definition: {term}の説明。行政サービスの利便性を高めるための仕組みや技術のこと\n")

    def key(entry: str) -> tuple:
        term = re.search(r"(?m)^    term: (.*)$", entry)[1].strip("'\"")
        reading = re.search(r"(?m)^    reading: (.*)$", entry)[1]
        return sort_key(term, reading)

    path.write_text(head + "terms:\n" + "".join(sorted(entries, key=key)), encoding="utf-8")


def source_chars(root: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for d in ("plan", "glossary")
               for p in (root / d).rglob("*") if p.suffix in (".yaml", ".md"))


def time_lint(root: Path, runs: int) -> tuple[float, int, int]:
    times, code, lines = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([str(REPO / ".venv/bin/kplan"), "-C", str(root), "lint"], capture_output=True,
                                text=True)
        times.append(time.perf_counter() - start)
        code, lines = result.returncode, len(result.stdout.splitlines())
        if code == 2:
            sys.exit("the synthetic plan does not load:\n" + result.stderr[:2000])
    return statistics.median(times), code, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per plan; the median is reported")
    parser.add_argument("--keep", type=Path, help="write the synthetic plan here and keep it")
    args = parser.parse_args()
    real_time, real_code, real_lines = time_lint(REPO, max(args.runs, 7))
    with tempfile.TemporaryDirectory() as temporary:
        root = args.keep or Path(temporary) / "plan"
        if args.keep and root.exists():
            shutil.rmtree(root)
        build(root, random.Random(3))
        ratio = source_chars(root) / source_chars(REPO)
        big_time, big_code, big_lines = time_lint(root, args.runs)
    print(f"real plan:      {source_chars(REPO):>9,} characters, kplan lint {real_time:.2f} s (median), "
          f"exit {real_code}, {real_lines} findings   goal ≤ 0.5 s")
    terms = (REPO / "glossary/glossary.yaml").read_text(encoding="utf-8").count("\n  - id: ")
    print(f"synthetic plan: {ratio:>8.1f}× the sources, {TERMS + terms} terms, kplan lint {big_time:.2f} s (median), "
          f"exit {big_code}, {big_lines} findings   goal < 5 s")


if __name__ == "__main__":
    main()
