"""A plan's own conventions: numbering per level, marks such as 【重点】, its printed labels, glossary order.

Defaults are Japanese and reproduce the usual shape of a municipal plan; a plan overrides any of them in the
`conventions:` and `labels:` keys of plan/plan.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from msgspec import Struct, field

# label key → Japanese default. Every word an output prints that does not come from the plan's text is here.
DEFAULT_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "contents": "目次",
        "actions": "取組内容",
        "department": "担当課",
        "figure-missing": "図は未収録",
        "figure-words": "図中の文字",
        "drafted": "（案文・市の確認前）",
        "term": "用語",
        "definition": "説明",
        "indicator": "指標",
        "unit": "単位",
        "baseline": "現状値",
        "target": "目標値",
        "direction": "方向性",
        "actual": "実績",
        "year-suffix": "年度",
        "draft": "(案)",
        "first-edition": "初版",
        "edition": "第{edition}版",
        "edition-label": "【{name}】",
        "revised": "{date}改定",
        "revised-empty": "令和　年　月改定",
        "established": "{date}策定",
        "period": "{start}年度～{end}年度",
        "new": "改定後",
        "old": "改定前",
        "omitted": "（略）",
        "inserted": "（新設）",
        "deleted": "（削除）",
        "chapter": "第{n}章",
        "appendix": "資料{n}",
        "added": "（第{edition}版追加）",
        # the outputs' own words (site, PDF): navigation, cover, survey and public-comment facts, charts, glossary
        "cover-page": "表紙・目次",
        "skip-to-main": "本文へ移動",
        "site-nav": "サイト内",
        "pager": "前後のページ",
        "previous": "前へ：{title}",
        "next": "次へ：{title}",
        "search": "サイト内検索",
        "search-button": "検索",
        "search-query": "探したい言葉",
        "search-help": (
            "計画の全ページから探します。2文字以上の言葉で探すと、絞り込まれた結果になります。"
            "複数の言葉はスペースで区切ります。"
        ),
        "search-noscript": "検索にはJavaScriptが必要です。目次から各ページをご覧ください。",
        "search-empty": "探したい言葉を入力してください。",
        "search-none": "「{query}」は見つかりませんでした。別の言葉でお試しください。",
        "search-count": "「{query}」の検索結果：{count}件",
        "reconstructed": "この版は再構成されたものであり、市の公式な文書ではありません。",
        "published-by": "発行",
        "phone": "TEL {phone}",
        "volume": "－ {volume} －",
        "pdf-description": "{municipality}の{title}。計画期間：{period}",
        "separator": "、",
        "colon": "：",
        "source-prefix": "(出典)",
        "figure-caption": "※{caption}",
        "value-year": "{value}（{year}）",
        "glossary-index": "用語の索引",
        "term-uses": "「{term}」が出てくる箇所（{count}か所）",
        "term-uses-more": "ほかの{count}か所を表示",
        "survey-period": "調査期間",
        "survey-method": "調査方法",
        "survey-responses": "回答数",
        "question": "問{n}",
        "question-heading": "【問{n}】",
        "other-answers": "「その他」では以下のような回答がありました。",
        "comment-category": "■{title}",
        "chart-image": "{caption}の棒グラフ。数値は次の表のとおり",
        "chart-table": "{caption}(表)",
        "chart-answer": "回答",
        "chart-share": "割合",
        "chart-question": "問{n}の回答",
        "chart-n": "(N={n})",
        "chart-stated-only": "(本文に記載された割合のみ)",
        "comment-period": "実施期間",
        "comment-venues": "公開場所",
        "comment-received": "意見の提出",
        "comment-count": "{count}件",
        "comment-none": "無し",
        # the 新旧対照表
        "diff-title": "{title} 新旧対照表",
        "diff-title-renamed": "{title}（改定前：{old_title}）",
        "diff-legend": "傍線部分は改定部分です。{omitted}は変更のない部分を省略したもの、{inserted}は新たに設けた部分、"
        "{deleted}は削除した部分を示します。",
        "diff-summary": "改定箇所 {total}件({parts})",
        "diff-summary-none": "改定箇所はありません。",
        "diff-added": "新設",
        "diff-removed": "削除",
        "diff-changed": "変更",
        "diff-renamed": "名称変更",
        "diff-moved": "移動",
        "diff-renumbered": "番号変更",
        "diff-reconstructed": "(再構成版)",
        "diff-reconstructed-notice": "{side}の{name}は再構成された版であり、市の公式な文書ではありません。{reason}",
        "diff-notice": "注意：",
        "diff-same": "改定後と改定前に違いはありません。",
        "diff-image": "画像",
        # the exported Markdown's cover
        "plan-period": "計画期間",
    }
)

# a number in a pattern: {n} (this level), {1}, {2} … (the number of an enclosing level), with a style
_FIELD = re.compile(r"\{(n|\d+)(?::(arabic|fullwidth|circled|kana|iroha|kanji))?\}")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
_KANJI_DIGITS = "〇一二三四五六七八九"
NUMBER_STYLES = ("arabic", "fullwidth", "circled", "kana", "iroha", "kanji")


def styled_number(number: int, style: str) -> str:
    """`number` written in `style`: 3 → 3, ３, ③, ウ, ハ, 三."""
    if style == "fullwidth":
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if style == "circled" and 1 <= number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if style == "kana" and 1 <= number <= len(_KANA):
        return _KANA[number - 1]
    if style == "iroha" and 1 <= number <= len(_IROHA):
        return _IROHA[number - 1]
    if style == "kanji":
        return _kanji(number)
    return str(number)


def _kanji(number: int) -> str:
    if number < 10:
        return _KANJI_DIGITS[number]
    tens, ones = divmod(number, 10)
    if tens >= 10:
        return "".join(_KANJI_DIGITS[int(d)] for d in str(number))
    return ("" if tens == 1 else _KANJI_DIGITS[tens]) + "十" + ("" if ones == 0 else _KANJI_DIGITS[ones])


def format_number(pattern: str, numbers: tuple[int, ...]) -> str:
    """Fill a numbering pattern: `numbers` are the numbers from the outermost level to this one.

    "({n})" with (2, 3) → "(3)"; "{1}-{n}" → "2-3"; "{n:circled}" → "③"; "〇" → "〇".
    """

    def fill(match: re.Match[str]) -> str:
        which, style = match[1], match[2] or "arabic"
        index = len(numbers) - 1 if which == "n" else int(which) - 1
        return styled_number(numbers[index], style) if 0 <= index < len(numbers) else ""

    return _FIELD.sub(fill, pattern)


def pattern_problem(pattern: str) -> str | None:
    """Why a numbering pattern cannot be used, or None."""
    stripped = _FIELD.sub("", pattern)
    if "{" in stripped or "}" in stripped:
        return "braces may only hold n or a level number, with an optional :style"
    return None


class Mark(Struct, frozen=True):
    """A mark the plan declares and puts on measure cards, e.g. 【重点】 with what it means."""

    id: str
    label: str
    meaning: str


class Conventions(Struct, frozen=True):
    """How this plan numbers, marks and labels what it prints."""

    # one pattern per section level (level 1 is `##` in a chapter); deeper levels reuse the last pattern
    numbering: tuple[str, ...] = ("{n}.", "({n})", "{n:circled}")
    # how a measure card is referred to elsewhere (a table that lists measures, diff, lint): numbers of the
    # enclosing sections, then the card's own
    measure_reference: str = "{1}-({n})"
    marks: tuple[Mark, ...] = ()
    glossary_order: str = "kana"  # "kana": アルファベット・50音順; "as-written": the order of the file
    labels: Mapping[str, str] = field(default_factory=lambda: DEFAULT_LABELS)

    def section_label(self, numbers: tuple[int, ...]) -> str:
        """The printed number of a section whose numbers, outermost first, are `numbers`."""
        pattern = self.numbering[min(len(numbers), len(self.numbering)) - 1]
        return format_number(pattern, numbers)

    def label(self, key: str, **values: object) -> str:
        """A printed label, with {placeholders} filled: label("chapter", n=3) → 第3章."""
        template = self.labels.get(key, DEFAULT_LABELS.get(key, key))
        return template.format(**values) if values else template

    def mark(self, mark_id: str) -> Mark | None:
        return next((m for m in self.marks if m.id == mark_id), None)
