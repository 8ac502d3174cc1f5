"""A synthetic plan N times the size of a real one, for measuring how kplan's cost grows.

Copy k (k = 1 … N-1) of the real plan adds: chapters 1–5 again (ids suffixed, chapter 4's table with it), the
17 measure cards again in three new measure groups of chapter 6, every glossary term again as its own term
(「ICT2」, reading あいしーてぃー + a kana suffix) marked where the copy's text marks the original, and the survey's
question sections again. The result loads like the real plan and is in 50音順, so lint's findings stay those of
the real plan, multiplied. Usage:

    .venv/bin/python bench/synthetic.py SOURCE_CHECKOUT N TARGET_DIR
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import yaml

from kplan.kana import sort_key, to_hiragana

SCHEMA_LINE = re.compile(r"\A(# yaml-language-server:[^\n]*\n)")
KANA_DIGITS = "れいにさしごろなはく"  # 0–9 as one kana each: a reading suffix that stays kana
SYLLABLES = list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン") + \
    ["ガ", "ギ", "グ", "ゲ", "ゴ", "ザ", "ジ", "ズ", "ダ", "デ", "ド", "バ", "ビ", "ブ", "ベ", "ボ", "パ", "ピ", "プ",
     "ー", "ッ", "キャ", "シュ", "チョ", "ティ", "フォ"]
SUFFIXES = [("", ""), ("システム", "しすてむ"), ("サービス", "さーびす"), ("構想", "こうそう"), ("化", "か"),
            ("基盤", "きばん"), ("連携", "れんけい")]


def _load(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    match = SCHEMA_LINE.match(text)
    return (match[1] if match else ""), yaml.safe_load(text)


def _dump(path: Path, header: str, data: dict) -> None:
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _suffix_markers(text: str, terms: list[str], k: int) -> str:
    """In copy k, a ※ after an original term marks that term's copy instead."""
    for term in sorted(terms, key=len, reverse=True):
        text = text.replace(f"{term}※", f"{term}{k}\u0000")
    return text.replace("\u0000", "※")


def make_synthetic_plan(source: Path, n: int, target: Path, extra_terms: int = 0) -> Path:
    """Write a plan N times the size of the one in `source` (a checkout) to `target`; return `target`.

    `extra_terms` made-up katakana terms are added to the 用語解説, with a chapter that marks each one with ※.
    """
    if target.exists():
        shutil.rmtree(target)
    for name in ("plan", "glossary", "templates"):
        if (source / name).exists():
            shutil.copytree(source / name, target / name)
    if n == 1 and not extra_terms:
        return target
    plan_dir = target / "plan"
    header, plan = _load(plan_dir / "plan.yaml")
    glossary_header, glossary = _load(target / "glossary" / "glossary.yaml")
    originals = list(glossary["terms"])
    spellings = [t["term"] for t in originals]
    originals_chapters = list(plan["chapters"])
    measures_chapter = originals_chapters[-1]
    chapters = originals_chapters[:-1]
    for k in range(1, n):
        chapters += [_copy_chapter(plan_dir, rel, k, spellings) for rel in originals_chapters[:-1]]
    if extra_terms:
        made_up = _made_up_terms(extra_terms, random.Random(3))
        (plan_dir / "chapters" / "90-synthetic-terms.md").write_text(_term_chapter(made_up), encoding="utf-8")
        chapters.append("chapters/90-synthetic-terms.md")
        glossary["terms"] += [{"id": i, "term": t, "reading": r,
                               "definition": f"{t}の説明。行政サービスの利便性を高めるための仕組みや技術のこと"}
                              for i, t, r in made_up]
    chapters.append(measures_chapter)
    for k in range(1, n):
        for term in originals:
            glossary["terms"].append({**term, "id": f"{term['id']}-{k}", "term": f"{term['term']}{k}",
                                      "reading": term["reading"] + "".join(KANA_DIGITS[int(d)] for d in str(k)),
                                      "aliases": [], "definition": f"{term['definition']}(第{k}複製)"})
    plan["chapters"] = chapters
    _dump(plan_dir / "plan.yaml", header, plan)
    _copy_measures(plan_dir, measures_chapter, n, spellings)
    _copy_survey(plan_dir / "survey.yaml", n, spellings)
    glossary["terms"] = [{k: v for k, v in t.items() if v != []} for t in glossary["terms"]]
    glossary["terms"].sort(key=lambda t: sort_key(t["term"], t["reading"]))
    _dump(target / "glossary" / "glossary.yaml", glossary_header, glossary)
    return target


def _made_up_terms(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(id, term, reading) of `count` unique made-up katakana terms."""
    terms: dict[str, str] = {}
    while len(terms) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 6))).lstrip("ーッ")
        if len(word) < 3:
            continue
        suffix, suffix_reading = rng.choice(SUFFIXES)
        terms.setdefault(word + suffix, to_hiragana(word) + suffix_reading)
    return [(f"synthetic-{index:04d}", term, reading) for index, (term, reading) in enumerate(terms.items())]


def _term_chapter(terms: list[tuple[str, str, str]]) -> str:
    """A chapter that marks every made-up term with ※ once and mentions it again."""
    lines = ["---", "id: synthetic-terms", "title: 合成した用語の章", "---", "", "## 用語の使用例 {#synthetic-use}", ""]
    for index in range(0, len(terms), 4):
        group = [term for _, term, _ in terms[index:index + 4]]
        lines += ["本市では、" + "、".join(f"{term}※" for term in group) + "の導入を検討しています。", "",
                  f"また、{group[-1]}については、市民の利便性向上に向けて{group[0]}との連携を図ります。", ""]
    return "\n".join(lines)


def _copy_chapter(plan_dir: Path, rel: str, k: int, spellings: list[str]) -> str:
    source = plan_dir / rel
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: (\S+)$", rf"id: \1-{k}", text, count=1, flags=re.M)
    text = re.sub(r"\{#([\w-]+)\}", rf"{{#\1-{k}}}", text)
    if "progress_table:" in text:
        progress = re.search(r"^progress_table: (\S+)$", text, re.M)[1]
        copy = f"{Path(progress).stem}-{k}.yaml"
        text = text.replace(f"progress_table: {progress}", f"progress_table: {copy}")
        header, table = _load(plan_dir / progress)
        for group in table["groups"]:
            group["id"] = f"{group['id']}-{k}"
            for row in group["rows"]:
                row["id"] = f"{row['id']}-{k}"
                for ref in row["measures"]:
                    ref["measure"] = f"{ref['measure']}-{k}"
        _dump(plan_dir / copy, header, table)
        copied = plan_dir / copy
        copied.write_text(_suffix_markers(copied.read_text(encoding="utf-8"), spellings, k), encoding="utf-8")
    target = source.with_name(f"{source.stem}-{k}.md")
    target.write_text(_suffix_markers(text, spellings, k), encoding="utf-8")
    return str(target.relative_to(plan_dir))


def _copy_measures(plan_dir: Path, chapter_rel: str, n: int, spellings: list[str]) -> None:
    chapter = plan_dir / chapter_rel
    text = chapter.read_text(encoding="utf-8")
    front_end = text.index("\n---", 3)
    front = yaml.safe_load(text[4:front_end])
    groups = front["measure_groups"]
    originals = list(groups)
    for k in range(1, n):
        groups += [{"id": f"{g['id']}-{k}", "title": f"{g['title']}(第{k}複製)"} for g in originals]
    chapter.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + text[front_end + 1:],
                       encoding="utf-8")
    measure_dir = plan_dir / "measures"
    for path in sorted(measure_dir.glob("*.yaml")):
        header, measure = _load(path)
        group, number = (int(x) for x in re.findall(r"\d+", measure["number"]))
        for k in range(1, n):
            copy = yaml.safe_load(_suffix_markers(yaml.safe_dump(measure, allow_unicode=True), spellings, k))
            copy.update(id=f"{measure['id']}-{k}", number=f"{group + len(originals) * k}-({number})")
            _dump(measure_dir / f"{path.stem}-{k}.yaml", header, copy)


def _copy_survey(path: Path, n: int, spellings: list[str]) -> None:
    if not path.exists():
        return
    header, survey = _load(path)
    originals = list(survey["sections"])
    last = max(q["number"] for s in originals for q in s["questions"])
    free = survey.get("free_comments")
    for k in range(1, n):
        for section in originals:
            copy = yaml.safe_load(_suffix_markers(yaml.safe_dump(section, allow_unicode=True), spellings, k))
            copy["id"] = f"{section['id']}-{k}"
            for question in copy["questions"]:
                question["id"] = f"{question['id']}-{k}"
                question["number"] += last * k
            survey["sections"].append(copy)
    if free:
        free["question"]["number"] += last * (n - 1)
    _dump(path, header, survey)


if __name__ == "__main__":
    source_dir, size, target_dir = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    print(make_synthetic_plan(source_dir, size, target_dir))
