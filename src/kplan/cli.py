"""The kplan command line: arguments in, a pipeline call, findings out, an exit code."""

from __future__ import annotations

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
) -> None:
    """Build the plan as an HTML site and a print-ready PDF (both unless --html or --pdf is given)."""
    plan = _load(ctx)
    out_dir = out or plan.root / "build"
    if not html and not pdf:
        html = pdf = True
    if html:
        from kplan.render.html import build_html

        pages = build_html(plan, out_dir / "html")
        typer.echo(f"wrote {out_dir / 'html' / 'index.html'} ({len(pages)} files in {out_dir / 'html'})")
    if pdf:
        from kplan.render.pdf import build_pdf

        path, refused = build_pdf(plan, out_dir / "pdf" / _pdf_name(plan))
        for url in refused:
            typer.echo(f"warning: refused to load {url}: only files inside the project may be loaded", err=True)
        typer.echo(f"wrote {path}")


def _pdf_name(plan) -> str:  # type: ignore[no-untyped-def]
    return f"plan-{plan.meta.edition}.pdf"


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
def schema(
    directory: Annotated[Path, typer.Argument(help="Where to write the JSON Schema files.")],
) -> None:
    """Write the JSON Schemas of the YAML sources, for validation and completion in editors."""
    from kplan.schema_export import write_schemas

    for path in write_schemas(directory):
        typer.echo(f"wrote {path}")


def main() -> None:
    """Entry point of the `kplan` console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
