"""The changes for a terminal: a summary line of counts first, then each change under its headings.

Colours only when the output is a terminal (and NO_COLOR is not set); otherwise plain text where changed
characters are marked [-like this-] in the old text and {+like this+} in the new, as wdiff does.
"""

from __future__ import annotations

from pathlib import Path

from kplan.diff.records import Change, Diff, EditionInfo
from kplan.diff.table import pieces
from kplan.messages import text as say
from kplan.model import Conventions

RED, GREEN, BOLD, UNDERLINE, DIM, RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[4m", "\x1b[2m", "\x1b[0m"
SIGN = {"added": "+", "removed": "-"}


def summary(diff: Diff) -> str:
    """`違いが 26 件あります: 新設 4、削除 3 …` (`26 changes: 4 added, 3 removed …`), in the language in use."""
    counts = diff.counts()
    total = sum(counts.values())
    if not total:
        return say("diff.same", old=diff.old.argument, new=diff.new.argument)
    parts = say("word.comma").join(
        say("diff.count", kind=say(f"diff.change/{kind}"), count=count) for kind, count in counts.items()
    )
    return say("diff.summary/one" if total == 1 else "diff.summary", total=total, parts=parts)


def render(diff: Diff, *, colour: bool = False, project_root: Path | None = None) -> bytes:
    return render_terminal(diff, colour).encode("utf-8")


def render_terminal(diff: Diff, colour: bool) -> str:
    lines = [
        summary(diff),
        _edition_line("old", diff.old, diff.conventions),
        _edition_line("new", diff.new, diff.conventions),
    ]
    lines += [
        say("diff.reconstructed", argument=info.argument, reason=info.reconstructed)
        for info in (diff.old, diff.new)
        if info.reconstructed
    ]
    path: tuple[str, ...] = ()
    for change in diff.changes:
        if change.path != path:
            path = change.path
            heading = " > ".join(path)
            lines += ["", f"{BOLD}{heading}{RESET}" if colour else f"== {heading}"]
        lines += _change_lines(change, colour, diff.conventions.label("omitted"))
    return "\n".join(lines) + "\n"


def _edition_line(which: str, info: EditionInfo, conventions: Conventions) -> str:
    draft = conventions.label("draft") if info.status == "draft" else ""
    return f"{say(f'diff.{which}')}: {info.argument} = {info.name} {info.dates}{draft} [{info.source}]"


def _change_lines(change: Change, colour: bool, diff_omitted: str) -> list[str]:
    what = f"{change.kind} {change.id}" + (f" {change.field}" if change.field else "")
    head = f"{SIGN.get(change.change, '~')} {what}: {say(f'diff.change/{change.change}')}"
    lines = [f"{DIM}{head}{RESET}" if colour else head]
    if change.change in ("added", "removed"):
        text = change.new if change.change == "added" else change.old
        first, _, rest = (text or "").partition("\n")
        shown = first + (diff_omitted if rest else "")
        sign = SIGN[change.change]
        paint = GREEN if sign == "+" else RED
        lines.append(f"    {paint}{sign} {shown}{RESET}" if colour else f"    {sign} {shown}")
        return lines
    for side, sign, paint, left, right in (("old", "-", RED, "[-", "-]"), ("new", "+", GREEN, "{+", "+}")):
        text = change.old if side == "old" else change.new
        if text is None:
            lines.append(f"    {sign} {say('diff.none')}")
            continue
        out = []
        for piece in pieces(text, change.spans, side, omitted=diff_omitted):
            shown = piece.text.replace("\n", " ⏎ ")
            if piece.changed:
                out.append(f"{BOLD}{UNDERLINE}{shown}{RESET}{paint}" if colour else f"{left}{shown}{right}")
            else:
                out.append(shown)
        body = "".join(out)
        lines.append(f"    {paint}{sign} {body}{RESET}" if colour else f"    {sign} {body}")
    return lines
