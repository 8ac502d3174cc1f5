"""The printed shape of a diagnostic, in both languages, for tests that read a command's output by code.

`file:line:column: severity code: message (hint: …)`: severity エラー / 警告 / 情報 and `（ヒント: …）` in
Japanese (the default), error / warning / info and ` (hint: …)` in English (`--lang en`). A command line's own
problems print `kplan: severity code: message …` in the same shape.
"""

from __future__ import annotations

import re

LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>エラー|警告|情報|error|warning|info) "
    r"(?P<code>[a-z]+\.[a-z-]+): (?P<message>.+?)(?:（ヒント: (?P<hint>.+)）| \(hint: (?P<hint_en>.+)\))?$"
)
WHERE_LINE = re.compile(  # any place (a file without line and column, a command) then the same shape
    r"^(?P<where>.+?): (?P<severity>エラー|警告|情報|error|warning|info) (?P<code>[a-z]+\.[a-z-]+): "
    r"(?P<message>.+?)(?:（ヒント: (?P<hint>.+)）| \(hint: (?P<hint_en>.+)\))?$"
)
CLI_LINE = re.compile(
    r"^kplan(?: [a-z]+)?: (?P<severity>エラー|警告|情報|error|warning|info) (?P<code>[a-z]+\.[a-z-]+): "
    r"(?P<message>.+?)(?:（ヒント: (?P<hint>.+)）| \(hint: (?P<hint_en>.+)\))?$"
)


def codes(output: str) -> set[str]:
    """The codes of every diagnostic line (sources or command line) in `output`."""
    found = set()
    for line in output.splitlines():
        match = LINE.match(line) or CLI_LINE.match(line) or WHERE_LINE.match(line)
        if match:
            found.add(match["code"])
    return found


def lines(output: str) -> list[re.Match[str]]:
    """Each diagnostic line of the sources in `output`, parsed."""
    return [match for line in output.splitlines() if (match := LINE.match(line))]


def said(key: str, **params: object) -> str:
    """A line of the command line's own (`cli.wrote` …) as kplan prints it in the language the tests run in (the
    same environment decides it for the test and for the kplan it runs)."""
    from kplan.messages import text

    return text(key, **params)


def prefix(key: str) -> str:
    """What a catalog text says before its first parameter (`cli.wrote` → "書き出しました: " or "wrote ")."""
    from kplan.messages import catalog

    entry = catalog()[key]
    return (entry if isinstance(entry, str) else entry[0]).split("$", 1)[0]
