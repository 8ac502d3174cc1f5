"""The kplan command line: arguments in, a pipeline call, findings out, an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kplan.problems import Problem, SourceError

app = typer.Typer(
    help="kplan: keep a city's plan document as source; check it, compare editions, build the site and the PDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_UNREADABLE = 2


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path | None, typer.Option("-C", help="Work on the plan in DIR instead of the current directory.", metavar="DIR")
    ] = None,
) -> None:
    """Global options."""
    ctx.obj = directory or Path.cwd()


def _root(ctx: typer.Context) -> Path:
    from kplan.project import NoProjectError, find_root

    try:
        return find_root(ctx.obj)
    except NoProjectError as error:
        _fail(f"kplan: {error}", "run kplan inside a plan checkout, or give one with -C DIR")


def _fail(message: str, hint: str) -> NoReturn:
    typer.echo(f"{message} (hint: {hint})", err=True)
    raise typer.Exit(EXIT_UNREADABLE)


def _load(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from kplan.load import load_plan

    root = _root(ctx)
    try:
        return load_plan(root)
    except SourceError as error:
        _report(error.problems)
        typer.echo(f"kplan: {len(error.problems)} problem(s); the sources could not be read", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)


@app.command()
def build(
    ctx: typer.Context,
    html: Annotated[bool, typer.Option("--html", help="Build the HTML site (build/html/).")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Build the PDF (build/pdf/).")] = False,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Output directory (default: build/ in the checkout).")]
    = None,
    profile: Annotated[str, typer.Option(
        "--profile", metavar="download|print",
        help="PDF profile: 'download' for the website; 'print' adds 3 mm bleed and crop marks (トンボ) for the print "
             "shop and writes plan-EDITION-print.pdf.")] = "download",
    pdf_variant: Annotated[str, typer.Option(
        "--pdf-variant", metavar="VARIANT",
        help="PDF standard to follow: pdf/ua-1 (tagged, accessible; the default), pdf/a-3u, pdf/a-2b, pdf/x-4 … "
             "(any WeasyPrint variant), or 'none'.")] = "pdf/ua-1",
) -> None:
    """Build the plan as an HTML site and a print-ready PDF (both unless --html or --pdf is given)."""
    from kplan.render.pdf import NO_VARIANT, PROFILES, VARIANTS

    if profile not in PROFILES:
        _fail(f"kplan build: unknown profile {profile!r}", "use one of: " + ", ".join(PROFILES))
    if pdf_variant not in (*VARIANTS, NO_VARIANT):
        _fail(f"kplan build: unknown PDF variant {pdf_variant!r}", "use one of: " + ", ".join((*VARIANTS, NO_VARIANT)))
    plan = _load(ctx)
    _report(list(plan.notices))
    out_dir = out or plan.root / "build"
    if not html and not pdf:
        html = pdf = True
    if html:
        from kplan.render.html import build_html

        pages = build_html(plan, out_dir / "html")
        typer.echo(f"wrote {out_dir / 'html' / 'index.html'} ({len(pages)} files in {out_dir / 'html'})")
    if pdf:
        from kplan.render.pdf import build_pdf, pdf_name

        path, refused = build_pdf(plan, out_dir / "pdf" / pdf_name(plan, profile), pdf_variant, profile)
        for url in refused:
            typer.echo(f"warning: refused to load {url}: only files inside the project may be loaded", err=True)
        typer.echo(f"wrote {path}")


@app.command()
def lint(
    ctx: typer.Context,
    family: Annotated[str | None, typer.Argument(
        help="Only one family of rules: glossary (※ terms and the 用語解説), text (characters, spelling, 表記ゆれ) "
             "or refs (references, the 正誤表, empty dates).", metavar="FAMILY")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", help="text: one finding a line, file:line:column: severity rule-id message (提案: …); "
                         "json: an array of objects; github: workflow annotations.", metavar="text|json|github",
    )] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors for the exit code.")] = False,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes in the source files (YAML through a round trip that keeps comments "
                      "and formatting), say what changed, then report what is left.")] = False,
) -> None:
    """Check the plan: ※ terms and the 用語解説, the text, references. Exit 0: no error; 1: errors (or warnings
    with --strict); 2: the sources cannot be read."""
    from kplan.lint.command import lint_command
    from kplan.lint.registry import FAMILIES
    from kplan.lint.report import FORMATS

    if family is not None and family not in FAMILIES:
        _fail(f"kplan lint: unknown family {family!r}", "use one of: " + ", ".join(FAMILIES))
    if output_format not in FORMATS:
        _fail(f"kplan lint: unknown format {output_format!r}", "use one of: " + ", ".join(FORMATS))
    raise typer.Exit(lint_command(_root(ctx), family, output_format, strict, fix))


@app.command()
def fmt(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option(
        "--check", help="Change nothing; list the files that are not in canonical form and exit 1 if any.")] = False,
) -> None:
    """Write the YAML sources in canonical form: keys in schema order, the 用語解説 in アルファベット・50音順.
    Comments, quoting and line endings are kept; a file already canonical is not touched."""
    from kplan.fmt import fmt_command

    raise typer.Exit(fmt_command(_root(ctx), check))


@app.command()
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", metavar="md", help="Export format (md: pandoc Markdown).")]
    = "md",
    out: Annotated[str | None, typer.Option(
        "-o", "--out", metavar="FILE", help="Where to write (default: build/plan-EDITION.md; '-' for stdout).")] = None,
) -> None:
    """Export the whole plan as one file: cover to colophon as Markdown, e.g. for pandoc."""
    if format_ != "md":
        _fail(f"kplan export: unknown format {format_!r}", "use --format md")
    from kplan.export.markdown import export_markdown

    plan = _load(ctx)
    _report(list(plan.notices))
    text = export_markdown(plan)
    if out == "-":
        sys.stdout.write(text)
        return
    from kplan.render.output import write_if_changed

    path = Path(out) if out else plan.root / "build" / f"plan-{plan.meta.edition}.md"
    write_if_changed(path, text.encode("utf-8"))
    typer.echo(f"wrote {path}")


@app.command()
def schema(
    directory: Annotated[Path, typer.Argument(help="Where to write the JSON Schema files.")],
) -> None:
    """Write the JSON Schemas of the YAML sources, for validation and completion in editors."""
    from kplan.schema_export import write_schemas

    for path in write_schemas(directory):
        typer.echo(f"wrote {path}")


@app.command(name="diff")
def diff_command(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(
        metavar="OLD",
        help="The old edition (改定前): a plan directory, an edition label such as v1 (a tag, else the commit whose "
             "message has the trailer 'Plan-Edition: v1'), or a git ref (commit, tag, branch).")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The new edition (改定後), given the same ways as OLD; "
                                                          "'.' is the working tree.")],
    form: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="text (the terminal; coloured only on a terminal), json (schema in docs/diff.md), md, html or pdf (the "
             "新旧対照表; the PDF is A4 landscape).")] = "text",
    out: Annotated[Path | None, typer.Option(
        "-o", "--out", help="Write to FILE instead of standard output. html and pdf always go to a file: by "
                            "default build/diff/OLD-NEW.html or .pdf in the checkout.", metavar="FILE")] = None,
) -> None:
    """Compare two editions of the plan, down to the character; exit 0 when they are the same, 1 when they
    differ, 2 on error (as diff(1) does)."""
    from kplan.diff import FILE_FORMATS, FORMATS, OutputError, diff_editions, render
    from kplan.diff.editions import EditionError
    from kplan.diff.terminal import summary

    if form not in FORMATS:
        _fail(f"kplan diff: unknown format {form!r}", "use one of: " + ", ".join(FORMATS))
    try:
        result = diff_editions(old, new, ctx.obj)
    except EditionError as error:
        for line in error.problems:
            typer.echo(line, err=True)
        _fail(f"kplan diff: {error}", error.hint)
    project_root = _project_root_or_none(ctx)
    if out is None and form in FILE_FORMATS:
        out = (project_root or ctx.obj) / "build" / "diff" / f"{_safe(old)}-{_safe(new)}.{form}"
    try:
        data = render(result, form, colour=out is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"),
                      project_root=project_root)
    except OutputError as error:
        _fail(f"kplan diff: {error}", "fix the template, or delete it from templates/ to use kplan's own")
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from kplan.render.output import write_if_changed

        try:
            write_if_changed(out, data)
        except OSError as error:
            _fail(f"kplan diff: cannot write {out}: {error.strerror}", "choose another file with -o FILE")
        typer.echo(summary(result))
        typer.echo(f"wrote {out}")
    raise typer.Exit(1 if result.changes else 0)


def _project_root_or_none(ctx: typer.Context) -> Path | None:
    from kplan.project import NoProjectError, find_root

    try:
        return find_root(ctx.obj)
    except NoProjectError:
        return None


def _safe(argument: str) -> str:
    """A version argument as part of a file name."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in argument).strip(".") or "edition"


def main() -> None:
    """Entry point of the `kplan` console script."""
    try:
        app()
    except KeyboardInterrupt:
        code: int | str | None = 130
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage wants its report at exit
    # Every output is written and renamed into place by now. Skip the interpreter's teardown, which after a PDF
    # build spends a quarter of a second freeing WeasyPrint's objects one by one.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
