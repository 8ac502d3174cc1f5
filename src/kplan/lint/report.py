"""Printing findings: one line each for people, a JSON array for tools, annotations for GitHub workflows.

The line for people is in the language in use (エラー / 警告 / 情報, `（提案: …）`); json and github keep the English
severity values, which are for tools."""

from __future__ import annotations

from collections.abc import Iterable

from kplan.diagnostics import Diagnostic, printable
from kplan.lint.findings import Finding
from kplan.messages import severity_word, text

FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def from_problems(problems: Iterable[Diagnostic]) -> list[Finding]:
    """Diagnostics of the load as findings (their own codes kept), so that every format reports them too."""
    return [Finding(problem) for problem in problems]


def render(findings: list[Finding], form: str) -> str:
    if form == "json":
        import json

        return json.dumps([finding.as_dict() for finding in findings], ensure_ascii=False, indent=2) + "\n"
    lines = [_github(finding) if form == "github" else text_line(finding) for finding in findings]
    return "".join(line + "\n" for line in lines)


def text_line(finding: Finding) -> str:
    """`file:line:column: severity code message（提案: suggestion）` (in English: `error … (suggestion: …)`)."""
    line = printable(f"{finding.loc}: {severity_word(finding.severity)} {finding.code} {finding.message}")
    return line + text("word.suggestion", suggestion=printable(finding.suggestion)) if finding.suggestion else line


def _github(finding: Finding) -> str:
    level = _GITHUB_LEVEL.get(finding.severity, "warning")
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", finding.loc.file),
            ("line", finding.loc.line),
            ("col", finding.loc.column),
            ("title", f"kplan {finding.code}"),
        )
    )
    message = finding.message
    if finding.suggestion:
        message += text("word.suggestion/annotation", suggestion=finding.suggestion)
    return printable(f"::{level} {properties}::{_escape_data(message)}")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
