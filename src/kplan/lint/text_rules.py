"""Text rules: no broken characters, no letters of another script inside Japanese text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kplan.lint.registry import rule
from kplan.model import Plan
from kplan.problems import Loc
from kplan.walk import plan_texts

FOREIGN_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
BROKEN = re.compile(r"[\ufffd\x00-\x08\x0b-\x1f\x7f]")


@rule("foreign-script", "text")
def foreign_script(plan: Plan) -> Iterator[tuple[Loc, str, str]]:
    for text in plan_texts(plan):
        for match in FOREIGN_SCRIPT.finditer(text.plain):
            name = unicodedata.name(match[0], "?")
            context = text.plain[max(0, match.start() - 6): match.end() + 6]
            yield text.loc, f"日本語の中に別の文字体系の文字 {match[0]!r} ({name}) があります: {context}", \
                "カタカナ・漢字で打ち直してください"


@rule("broken-character", "text")
def broken_character(plan: Plan) -> Iterator[tuple[Loc, str, str]]:
    for text in plan_texts(plan):
        for match in BROKEN.finditer(text.plain):
            message = f"壊れた文字または制御文字 U+{ord(match[0]):04X} があります"
            yield text.loc, message, "その文字を削除するか正しい文字に直してください"
