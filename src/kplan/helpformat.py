"""Help that fits a terminal, in the language in use: click's help formatter, aware of full-width characters.

click wraps help with textwrap, which counts characters and breaks only at spaces: a Japanese sentence (no spaces,
each character two columns wide) would run far past the terminal's edge and be cut by the terminal anywhere. The
formatter installed here measures display width (East Asian Wide and Fullwidth characters count two columns),
breaks between Japanese characters but never inside a word of Latin letters, a path or an option (nor inside a
katakana word or a kanji compound), keeps closing punctuation (、。」）) off the start of a line and opening brackets
off its end, and turns click's own words
(Usage, Options, Commands, Show this message and exit., [default: …]) into the catalog's. A usage error (an
unknown option, a missing argument) is printed in kplan's shape, `kplan build: エラー cli.usage: …（ヒント: …）`.

It is installed as typer's click Context.formatter_class (click's documented hook for the formatter), checked by
name; with another typer the plain formatter stays, only narrower.
"""

from __future__ import annotations

import re
from typing import Any

# characters a line must not start with (closing punctuation, small kana, the long vowel mark …)
NO_START = set("、。，．・：；？！゛゜ー）」』】〕〉》］｝’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々)]},.:;!?%")
# characters a line must not end with (opening brackets)
NO_END = set("（「『【〔〈《［｛‘“([{")
_DEFAULT = re.compile(r"\[default: (.*?)\]")
_HEADINGS = {
    "Options": "help.heading-options",
    "Commands": "help.heading-commands",
    "Arguments": "help.heading-arguments",
}
_installed = False


def width(text: str) -> int:
    """Columns `text` takes in a terminal: two for a wide or full-width character, one otherwise."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _wide(char: str) -> bool:
    from unicodedata import east_asian_width

    return east_asian_width(char) in "WF"


def _script(char: str) -> str:
    """What a line does not break inside: a run of narrow characters (a word, a path, an option), of katakana (a
    loanword: テンプレート) or of kanji (a compound: 新旧対照表); between other wide characters it may break."""
    if not _wide(char):
        return "narrow"
    if "\u30a0" <= char <= "\u30ff":  # katakana and ー
        return "katakana"
    if "\u4e00" <= char <= "\u9fff" or char in "々〆":
        return "kanji"
    return "other"


def chunks(text: str) -> list[str]:
    """`text` cut where a line may break: at spaces (a space is its own chunk), between Japanese characters but
    not inside a word (see _script), never before a NO_START character nor after a NO_END one."""
    out: list[str] = []
    for char in text:
        space = char in " \t\n"
        if space:
            if out and out[-1] == " ":
                continue
            out.append(" ")
            continue
        previous = out[-1] if out else ""
        joins = (
            bool(previous)
            and previous != " "
            and (
                char in NO_START
                or previous[-1] in NO_END
                or _script(char) == _script(previous[-1]) != "other"  # inside a word or a katakana, kanji run
            )
        )
        if joins:
            out[-1] += char
        else:
            out.append(char)
    return out


def fill(text: str, limit: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """`text` in lines of at most `limit` columns (indents included); a chunk wider than a line stands alone."""
    lines: list[str] = []
    line, used, indent = "", 0, initial_indent
    pending_space = False
    for chunk in chunks(text):
        if chunk == " ":
            pending_space = bool(line)
            continue
        extra = width(chunk) + (1 if pending_space else 0)
        if line and width(indent) + used + extra > limit:
            lines.append(indent + line)
            line, used, indent = chunk, width(chunk), subsequent_indent
        else:
            line += (" " if pending_space else "") + chunk
            used += extra
        pending_space = False
    if line or not lines:
        lines.append(indent + line)
    return "\n".join(lines)


def _joined(lines: list[str]) -> str:
    """The lines of one paragraph as one text: a space between them, none between two Japanese characters."""
    text = ""
    for line in lines:
        if text and not (_wide(text[-1]) or _wide(line[0])):
            text += " "
        text += line
    return text


def wrap_text(
    text: str, limit: int = 78, initial_indent: str = "", subsequent_indent: str = "", preserve_paragraphs: bool = False
) -> str:
    """click.formatting.wrap_text, measured in columns: paragraphs apart by a blank line; one whose first line is
    \\b is kept as written (each line indented), for examples."""
    text = text.expandtabs()
    if not preserve_paragraphs:
        return fill(text, limit, initial_indent, subsequent_indent)
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line:
            current.append(line)
        elif current:
            first = current[0]
            paragraphs.append((len(first) - len(first.lstrip()), [first.lstrip(), *current[1:]]))
            current = []
    out = []
    for indent, lines in paragraphs:
        first, rest = initial_indent + " " * indent, subsequent_indent + " " * indent
        if lines[0].strip() == "\b":  # as written
            out.append("\n".join((first if i == 0 else rest) + line for i, line in enumerate(lines[1:])))
        else:
            out.append(fill(_joined([line.strip() for line in lines]), limit, first, rest))
    return "\n\n".join(out)


def formatter_class(base: Any) -> Any:
    """A subclass of click's HelpFormatter `base` that wraps by columns and says click's words in the catalog's."""
    from kplan.messages import text as say

    class HelpFormatter(base):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, say("help.usage") if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            key = _HEADINGS.get(heading)
            super().write_heading(say(key) if key else heading)

        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True))
            self.write("\n")

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = list(rows)
            first_col = min(max((width(row[0]) for row in rows), default=0), col_max) + col_spacing
            for first, *more in rows:
                second = _translated(more[0] if more else "")
                self.write(f"{'':>{self.current_indent}}{first}")
                if not second:
                    self.write("\n")
                    continue
                if width(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - width(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                text_width = max(self.width - first_col - 2, 10)
                lines = wrap_text(second, text_width, preserve_paragraphs=True).splitlines() or [""]
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")

    def _translated(text: str) -> str:
        """click's own words in a definition's text: the --help option, [default: …], [required]."""
        if text == "Show this message and exit.":
            return say("help.help-option")
        text = _DEFAULT.sub(lambda match: say("help.default", value=match[1]), text)
        return text.replace("[required]", say("help.required"))

    return HelpFormatter


# click's usage errors (the start of their English text) → catalog entries; named groups are the parameters
_USAGE = (
    (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<choices>.+)\))?$", "no-such-option"),
    (r"No such command '(?P<name>[^']*)'\.(?: Did you mean (?P<close>.+)\?)?$", "no-such-command"),
    (r"Missing argument '(?P<name>[^']+)'", "missing-argument"),
    (r"Missing option '(?P<name>[^']+)'", "missing-option"),
    (r"Option '(?P<name>[^']+)' requires an argument", "needs-value"),
    (r"Option '(?P<name>[^']+)' does not take a value", "no-value"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)$", "extra"),
    (r"Invalid value for '?(?P<name>[^':]+)'?: (?P<reason>.*)$", "invalid"),
    (r"Missing command", "no-command"),
)


def usage_problem(message: str) -> Any:
    """click's message for a usage error as a catalog entry (its own text when the catalog does not know it)."""
    from kplan.messages import Msg

    for pattern, variant in _USAGE:
        match = re.match(pattern, message)
        if match:
            params = {name: value for name, value in match.groupdict().items() if name not in ("choices", "close")}
            more: Any = ""
            if match.groupdict().get("choices"):
                more = Msg("cli.usage/possible", choices=match["choices"])
            elif match.groupdict().get("close"):
                more = Msg("cli.usage/did-you-mean", close=match["close"].replace("'", ""))
            if variant in ("no-such-option", "no-such-command"):
                params["more"] = more
            return Msg(f"cli.usage/{variant}", **params)
    return message


def _show_usage_error(self: Any, file: Any = None) -> None:
    """UsageError.show: the usage line, then one line in kplan's shape (`kplan build: エラー cli.usage: …`)."""
    from typer._click.utils import echo

    from kplan.diagnostics import line
    from kplan.messages import hint_text

    ctx = self.ctx
    where, hint = "kplan", ""
    if ctx is not None:
        echo(ctx.get_usage() + "\n", file=file, err=True, color=ctx.color)
        where = ctx.command_path
        if ctx.command.get_help_option(ctx) is not None:
            hint = hint_text("cli.usage", problem="", command=where, option=ctx.help_option_names[0])
    said = line(where, "error", "cli.usage", str(usage_problem(self.format_message())), hint)
    echo(said, file=file, err=True, color=ctx.color if ctx is not None else None)


def install() -> bool:
    """Make typer's click use the formatter and say its usage errors in kplan's words (once); False when this
    typer has no such hook."""
    global _installed
    if _installed:
        return True
    try:
        from typer._click import core, formatting
    except ImportError:
        return False
    context = getattr(core, "Context", None)
    base = getattr(formatting, "HelpFormatter", None)
    if context is None or base is None or getattr(context, "formatter_class", None) is not base:
        return False
    context.formatter_class = formatter_class(base)
    usage_error = getattr(getattr(core, "UsageError", None), "show", None)
    if usage_error is not None:
        core.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    _installed = True
    return True
