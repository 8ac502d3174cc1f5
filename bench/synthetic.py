"""A synthetic plan N times the size of a real one, for measuring how kplan's cost grows.

The plan is in source format 2 (docs/format.md). Copy k (k = 1 … N-1) of the real plan adds:

- every chapter and appendix that places no measure card again (plan/chapters/01-about-k.md …: front-matter id,
  heading ids and the ids inside its directives suffixed with -k), with its record and indicator tables
  (plan/tables/progress-k.yaml: table, group and row ids suffixed, measure references pointing at the copied cards);
- every measure card again (plan/measures/ID-k.yaml, with its figures', indicators' and sub-sections' ids
  suffixed), placed by ```{measure} ID-k``` fences in copies of the measure chapter's `##` group sections
  (「市民生活の利便性向上(第k複製)」{#group-convenience-k}), appended to that chapter;
- every glossary term again as a term of its own with a made-up spelling, composed as real glossaries compose
  theirs: from a shared stock of kanji words, katakana loanwords and Latin abbreviations (地域情報連携基盤,
  クラウド防災システム, AI相談窓口 …), so that terms share their pieces the way 情報セキュリティ and 情報システム
  do. Every occurrence of an original term in the copy's text is replaced by the copy's term (marked where the
  original is marked);
- the survey's question sections again (question numbers continuing).

The result loads like the real plan and its 用語解説 stays in 50音順, so lint's findings stay those of the real
plan, multiplied (plus whatever near misses the made-up terms make among themselves, as a real glossary would).
`extra_terms` adds made-up katakana terms to the 用語解説, each marked once with ※ in a chapter of their own
(bench/lint_synthetic.py's 2,000-term plan). Usage:

    .venv/bin/python bench/synthetic.py SOURCE_CHECKOUT N TARGET_DIR
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from kplan.kana import sort_key, to_hiragana
from kplan.lint.similar import NearMatcher

SCHEMA_LINE = re.compile(r"\A(# yaml-language-server:[^\n]*\n)")
FRONT_ID = re.compile(r"\A(---\n(?:.*\n)*?)id: (\S+)\n")
HEADING_ID = re.compile(r"\{#([A-Za-z0-9-]+)\}")
FENCE = re.compile(
    r"^(?P<ticks>`{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<arg>[^\n]*?)[ \t]*\n(?P<body>.*?)^(?P=ticks)[ \t]*$", re.M | re.S
)
YAML_ID = re.compile(r"^(\s*(?:- )?id: )(\S+)$", re.M)
LEVEL1 = re.compile(r"^## ", re.M)
LEVEL1_TITLE = re.compile(r"\A## (.*?)(\s*\{#)", re.M)
EXPLICIT_TERM = re.compile(r"※\{([A-Za-z0-9-]+)\}")
CHAPTER_KINDS = ("chapter", "appendix")
SYLLABLES = list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン") + [
    "ガ",
    "ギ",
    "グ",
    "ゲ",
    "ゴ",
    "ザ",
    "ジ",
    "ズ",
    "ダ",
    "デ",
    "ド",
    "バ",
    "ビ",
    "ブ",
    "ベ",
    "ボ",
    "パ",
    "ピ",
    "プ",
    "ー",
    "ッ",
    "キャ",
    "シュ",
    "チョ",
    "ティ",
    "フォ",
]
# the stock that made-up terms are composed of: (spelling, reading), by kind
STOCK = {
    "kanji": [
        (w, r)
        for w, r in (
            ("地域", "ちいき"),
            ("情報", "じょうほう"),
            ("行政", "ぎょうせい"),
            ("電子", "でんし"),
            ("防災", "ぼうさい"),
            ("連携", "れんけい"),
            ("基盤", "きばん"),
            ("推進", "すいしん"),
            ("計画", "けいかく"),
            ("窓口", "まどぐち"),
            ("申請", "しんせい"),
            ("教育", "きょういく"),
            ("支援", "しえん"),
            ("人材", "じんざい"),
            ("育成", "いくせい"),
            ("業務", "ぎょうむ"),
            ("改革", "かいかく"),
            ("市民", "しみん"),
            ("参加", "さんか"),
            ("公開", "こうかい"),
            ("共有", "きょうゆう"),
            ("管理", "かんり"),
            ("活用", "かつよう"),
            ("通信", "つうしん"),
            ("端末", "たんまつ"),
            ("認証", "にんしょう"),
            ("決済", "けっさい"),
            ("交通", "こうつう"),
            ("医療", "いりょう"),
            ("福祉", "ふくし"),
            ("子育て", "こそだて"),
            ("相談", "そうだん"),
            ("手続", "てつづき"),
            ("統合", "とうごう"),
            ("標準", "ひょうじゅん"),
            ("庁内", "ちょうない"),
            ("遠隔", "えんかく"),
            ("安全", "あんぜん"),
            ("分析", "ぶんせき"),
            ("観光", "かんこう"),
            ("農業", "のうぎょう"),
            ("産業", "さんぎょう"),
            ("環境", "かんきょう"),
            ("構想", "こうそう"),
            ("戦略", "せんりゃく"),
        )
    ],
    "katakana": [
        (w, to_hiragana(w))
        for w in (
            "データ",
            "システム",
            "サービス",
            "クラウド",
            "ネットワーク",
            "プラットフォーム",
            "オンライン",
            "デジタル",
            "スマート",
            "ポータル",
            "アプリ",
            "セキュリティ",
            "モバイル",
            "オープン",
            "センサー",
            "マップ",
            "ポイント",
            "キャッシュレス",
            "テレワーク",
            "コンテンツ",
            "アカウント",
            "ダッシュボード",
            "チャット",
            "メール",
        )
    ],
    "latin": [
        ("AI", "えーあい"),
        ("IoT", "あいおーてぃー"),
        ("GIS", "じーあいえす"),
        ("API", "えーぴーあい"),
        ("BPR", "びーぴーあーる"),
        ("5G", "ふぁいぶじー"),
        ("EBPM", "いーびーぴーえむ"),
        ("QR", "きゅーあーる"),
    ],
}
# how made-up terms are put together, as kinds of pieces
SHAPES = (
    ("kanji", "kanji"),
    ("kanji", "kanji", "kanji"),
    ("kanji", "katakana"),
    ("katakana", "kanji"),
    ("katakana", "katakana"),
    ("kanji", "kanji", "katakana"),
    ("katakana", "kanji", "kanji"),
    ("latin", "kanji"),
    ("latin", "kanji", "kanji"),
    ("kanji", "kanji", "kanji", "kanji"),
)
SUFFIXES = [
    ("", ""),
    ("システム", "しすてむ"),
    ("サービス", "さーびす"),
    ("構想", "こうそう"),
    ("化", "か"),
    ("基盤", "きばん"),
    ("連携", "れんけい"),
]
DEFINITIONS = [
    "{t}の説明。行政サービスの利便性を高めるための仕組みや技術のこと",
    "{t}の説明。市民や事業者が、窓口に来ることなく手続や相談ができるようにする取組のこと",
    "{t}の説明。庁内の情報システムを連携させ、業務の効率化とデータの活用を図る考え方のこと",
    "{t}の説明。地域の課題をデジタル技術で解決するため、官民が協力して進める事業のこと",
]


def _load(path: Path) -> tuple[str, Any]:
    text = path.read_text(encoding="utf-8")
    match = SCHEMA_LINE.match(text)
    return (match[1] if match else ""), yaml.safe_load(text)


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (card bodies, survey summaries) as `|` blocks, as the real plan writes them."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)


def _dump(path: Path, header: str, data: Any) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(header + text, encoding="utf-8")


class _Copy:
    """Copy k of the plan: suffixed ids, and the copy's own terms wherever the original's terms stand."""

    def __init__(self, k: int, glossary_terms: list[dict], names: dict[str, tuple[str, str]]) -> None:
        self.k = k
        self.term_ids = {t["id"] for t in glossary_terms}
        self.names = names  # original spelling → (the copy's spelling, its reading)
        # longest first, so that ICT-BCP is replaced whole; a Latin spelling only as a whole word (not AI in RAIL)
        alternatives = "|".join(_whole(s) for s in sorted(names, key=len, reverse=True))
        self._spelling = re.compile(alternatives) if names else None

    def id(self, value: str) -> str:
        return f"{value}-{self.k}"

    def text(self, text: str) -> str:
        """The copy's terms for the original's (a ※ after one marks the copy's term); explicit ※{id} too."""
        if self._spelling:
            text = self._spelling.sub(lambda m: self.names[m[0]][0], text)
        return EXPLICIT_TERM.sub(lambda m: f"※{{{self.id(m[1])}}}" if m[1] in self.term_ids else m[0], text)

    def data(self, value: Any) -> Any:
        """Every string of a YAML value with its markers moved to the copies' terms."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, dict):
            return {key: self.data(v) for key, v in value.items()}
        return value

    def headings(self, markdown: str) -> str:
        return HEADING_ID.sub(lambda m: f"{{#{self.id(m[1])}}}", markdown)

    def yaml_ids(self, body: str) -> str:
        return YAML_ID.sub(lambda m: f"{m[1]}{self.id(m[2])}", body)

    def markdown(self, root: Path, markdown: str) -> str:
        """A chapter's (or a section's) Markdown: heading ids, directives and markers of the copy."""

        def fence(match: re.Match) -> str:
            name, arg, body = match["name"], match["arg"], match["body"]
            if name == "measure":
                arg = self.id(arg)
            elif name in ("records", "indicators") and arg:
                arg = self.table(root, arg)
            elif name in ("figure", "indicators"):
                body = self.yaml_ids(body)
            elif name in ("note", "drafted"):
                body = self.headings(body)
            return f"{match['ticks']}{{{name}}}{' ' + arg if arg else ''}\n{self.text(body)}{match['ticks']}"

        parts, last = [], 0
        for match in FENCE.finditer(markdown):
            parts += [self.text(self.headings(markdown[last : match.start()])), fence(match)]
            last = match.end()
        parts.append(self.text(self.headings(markdown[last:])))
        return "".join(parts)

    def table(self, root: Path, rel: str) -> str:
        """Copy a record or indicator table file; return the copy's root-relative path."""
        source = root / rel
        header, table = _load(source)
        table = self.data(table)
        if "id" in table:
            table["id"] = self.id(table["id"])
        groups = table.get("groups") or []
        for group in groups:
            if "id" in group:
                group["id"] = self.id(group["id"])
        measure_columns = [i for i, c in enumerate(table.get("columns") or []) if c.get("kind") == "measures"]
        for row in [*(table.get("rows") or []), *(r for g in groups for r in g.get("rows") or [])]:
            if "id" in row:
                row["id"] = self.id(row["id"])
            for column in measure_columns:
                for ref in row["cells"][column] or []:
                    ref["measure"] = self.id(ref["measure"])
        target = source.with_name(f"{source.stem}-{self.k}{source.suffix}")
        _dump(target, header, table)
        return target.relative_to(root).as_posix()

    def chapter(self, root: Path, rel: str) -> str:
        """Copy a chapter or appendix file that places no measure card; return the copy's root-relative path."""
        source = root / rel
        text = source.read_text(encoding="utf-8")
        front = FRONT_ID.match(text)
        head, body = f"{front[1]}id: {self.id(front[2])}\n", text[front.end() :]
        target = source.with_name(f"{source.stem}-{self.k}{source.suffix}")
        target.write_text(head + self.markdown(root, body), encoding="utf-8")
        return target.relative_to(root).as_posix()

    def measure_sections(self, root: Path, body: str) -> str:
        """The `##` sections of a measure chapter again, titled (第k複製), placing the copied cards."""
        starts = [m.start() for m in LEVEL1.finditer(body)]
        sections = [body[a:b].rstrip("\n") for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
        copies = [
            LEVEL1_TITLE.sub(lambda m: f"## {m[1]}(第{self.k}複製){m[2]}", self.markdown(root, s), count=1)
            for s in sections
        ]
        return "".join(f"\n{section}\n" for section in copies)

    def measure(self, measure: dict) -> dict:
        copy = self.data(measure)
        copy["id"] = self.id(measure["id"])
        if "body" in copy:
            copy["body"] = self.headings(copy["body"])
        for figure in copy.get("figures") or []:
            figure["id"] = self.id(figure["id"])
        indicators = copy.get("indicators")
        if indicators:
            if "id" in indicators:
                indicators["id"] = self.id(indicators["id"])
            for row in indicators.get("rows") or []:
                if "id" in row:
                    row["id"] = self.id(row["id"])
        return copy

    def term(self, term: dict) -> dict:
        spelling, reading = self.names[term["term"]]
        copy = {
            **term,
            "id": self.id(term["id"]),
            "term": spelling,
            "reading": reading,
            "definition": f"{self.text(term['definition'])}(第{self.k}複製)",
        }
        if term.get("aliases"):
            copy["aliases"] = [self.names[alias][0] for alias in term["aliases"]]
        return copy


def _whole(spelling: str) -> str:
    """A pattern for the spelling that does not match inside a longer Latin word."""
    before = r"(?<![A-Za-z0-9])" if spelling[:1].isascii() and spelling[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if spelling[-1:].isascii() and spelling[-1:].isalnum() else ""
    return before + re.escape(spelling) + after


def made_up_names(
    originals: list[dict], copies: int, rng: random.Random, prose: str = ""
) -> list[dict[str, tuple[str, str]]]:
    """For each copy, every original spelling (term or alias) → a made-up (spelling, reading), all different from
    each other and from the originals (also when folded to one width and case, as duplicate-term compares).

    No made-up spelling stands in `prose` (the original plan's text), or within lint's slips of a window of it, or
    of another spelling. Every copy repeats that prose, so such a term would make a finding in each of the N copies:
    N terms × N copies, findings that grow as N² and that a real plan N times larger (whose text is not one text
    repeated, and whose glossary has no two terms a slip apart; the real 用語解説 has none) does not have.
    """
    originals_spellings = [s for t in originals for s in [t["term"], *t.get("aliases", [])]]
    taken = {_fold_key(s) for s in originals_spellings}

    def draw() -> tuple[str, str]:
        while True:
            made, reading = _compose(rng)
            if _fold_key(made) not in taken:
                taken.add(_fold_key(made))
                return made, reading

    result = [{spelling: draw() for spelling in originals_spellings} for _ in range(copies)]
    while True:
        made_up = [made for names in result for made, _ in names.values()]
        offending = _confusable(made_up, originals_spellings, prose)
        if not offending:
            return result
        for names in result:
            for spelling, (made, _) in names.items():
                if made in offending:
                    names[spelling] = draw()


def _confusable(made_up: list[str], originals: list[str], prose: str) -> set[str]:
    """The made-up spellings that `prose` holds exactly, or that lint's near-miss search (kplan.lint.similar) finds
    in the prose or in the list of all spellings (a spelling a slip or two from another)."""
    text = "\n".join([prose, *originals, *made_up])
    exact, near = NearMatcher(made_up).scan(text, exact=True)
    return {spelling for start, _, spelling in exact if start < len(prose)} | {match.spelling for match in near}


def _fold_key(spelling: str) -> str:
    return unicodedata.normalize("NFKC", spelling).casefold()


def _compose(rng: random.Random) -> tuple[str, str]:
    """A made-up term of two to four pieces of the stock, as glossary terms are made (地域|情報|連携|基盤)."""
    shape = rng.choice(SHAPES)
    pieces = [rng.choice(STOCK[kind]) for kind in shape]
    return "".join(p[0] for p in pieces), "".join(p[1] for p in pieces)


def _places_measures(path: Path) -> bool:
    return any(m["name"] == "measure" for m in FENCE.finditer(path.read_text(encoding="utf-8")))


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
    plan_path = target / "plan" / "plan.yaml"
    header, plan = _load(plan_path)
    parts: list[dict] = plan["parts"]
    glossary_rel = next((p["glossary"] for p in parts if "glossary" in p), "glossary/glossary.yaml")
    glossary_header, glossary = _load(target / glossary_rel)
    originals = list(glossary["terms"])
    names = made_up_names(originals, n - 1, random.Random(7), _prose(source))
    copies = [_Copy(k, originals, names[k - 1]) for k in range(1, n)]

    chapters = [p for p in parts if any(kind in p for kind in CHAPTER_KINDS)]
    measure_chapters = [p for p in chapters if _places_measures(target / _rel(p))]
    added: list[dict] = []
    for copy in copies:
        for part in chapters:
            if part not in measure_chapters:
                kind, rel = next(iter(part.items()))
                added.append({kind: copy.chapter(target, rel)})
    if extra_terms:
        spellings = {t["term"] for t in originals} | {t["term"] for c in copies for t in map(c.term, originals)}
        made_up = _made_up_terms(extra_terms, random.Random(3), spellings)
        terms_chapter = target / "plan" / "chapters" / "90-synthetic-terms.md"
        terms_chapter.write_text(_term_chapter(made_up), encoding="utf-8")
        added.append({"chapter": terms_chapter.relative_to(target).as_posix()})
        for index, (term_id, term, reading) in enumerate(made_up):
            definition = DEFINITIONS[index % len(DEFINITIONS)].format(t=term)
            glossary["terms"].append({"id": term_id, "term": term, "reading": reading, "definition": definition})
    # the copies stand before the first measure chapter, as chapters 1–5 stand before chapter 6
    anchor = parts.index(measure_chapters[0]) if measure_chapters else parts.index(chapters[-1]) + 1
    plan["parts"] = parts[:anchor] + added + parts[anchor:]
    _dump(plan_path, header, plan)

    for part in measure_chapters:
        path = target / _rel(part)
        path.write_text(
            path.read_text(encoding="utf-8").rstrip("\n")
            + "\n"
            + "".join(c.measure_sections(target, _body(path)) for c in copies),
            encoding="utf-8",
        )
    for path in sorted((target / "plan" / "measures").glob("*.yaml")):
        measure_header, measure = _load(path)
        for copy in copies:
            _dump(path.with_name(f"{path.stem}-{copy.k}.yaml"), measure_header, copy.measure(measure))
    survey = next((p["survey"] for p in parts if "survey" in p), None)
    if survey:
        _copy_survey(target / survey, copies)
    for copy in copies:
        glossary["terms"] += [copy.term(term) for term in originals]
    if glossary.get("order", "kana") == "kana":
        glossary["terms"].sort(key=lambda t: sort_key(t["term"], t.get("reading") or ""))
    _dump(target / glossary_rel, glossary_header, glossary)
    return target


def _prose(source: Path) -> str:
    """Every text file of the original plan, one after the other: what each copy repeats."""
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((source / "plan").rglob("*")) if p.suffix in (".md", ".yaml")
    )


def _rel(part: dict) -> str:
    return next(iter(part.values()))


def _body(path: Path) -> str:
    """A chapter's Markdown after its front matter."""
    text = path.read_text(encoding="utf-8")
    return text[text.index("\n---\n", 3) + 5 :]


def _made_up_terms(count: int, rng: random.Random, taken: set[str]) -> list[tuple[str, str, str]]:
    """(id, term, reading) of `count` unique made-up katakana terms, none spelt like a term in `taken`."""
    terms: dict[str, str] = {}
    while len(terms) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 6))).lstrip("ーッ")
        if len(word) < 3:
            continue
        suffix, suffix_reading = rng.choice(SUFFIXES)
        if word + suffix not in taken:
            terms.setdefault(word + suffix, to_hiragana(word) + suffix_reading)
    return [(f"synthetic-{index:04d}", term, reading) for index, (term, reading) in enumerate(terms.items())]


def _term_chapter(terms: list[tuple[str, str, str]]) -> str:
    """A chapter that marks every made-up term with ※ once (at its first occurrence) and mentions it again."""
    lines = ["---", "id: synthetic-terms", "title: 合成した用語の章", "---", "", "## 用語の使用例 {#synthetic-use}", ""]
    for index in range(0, len(terms), 4):
        group = [term for _, term, _ in terms[index : index + 4]]
        lines += [
            "本市では、" + "、".join(f"{term}※" for term in group) + "の導入を検討しています。",
            "",
            f"また、{group[-1]}については、市民の利便性向上に向けて{group[0]}との連携を図ります。",
            "",
        ]
    return "\n".join(lines)


def _copy_survey(path: Path, copies: list[_Copy]) -> None:
    header, survey = _load(path)
    originals = list(survey.get("sections") or [])
    last = max((q["number"] for s in originals for q in s["questions"]), default=0)
    for copy in copies:
        for section in originals:
            copied = copy.data(section)
            copied["id"] = copy.id(section["id"])
            for question in copied["questions"]:
                question["id"] = copy.id(question["id"])
                question["number"] += last * copy.k
            survey["sections"].append(copied)
    free = survey.get("free_comments")
    if free:
        free["question"]["number"] += last * len(copies)
    _dump(path, header, survey)


if __name__ == "__main__":
    source_dir, size, target_dir = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    print(make_synthetic_plan(source_dir, size, target_dir))
