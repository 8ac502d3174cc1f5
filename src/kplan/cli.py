"""The kplan command line: arguments in, a pipeline call, findings out, an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from kplan.diagnostics import Diagnostic, DiagnosticError, Exit
from kplan.project import Project

if TYPE_CHECKING:
    from kplan.model import Plan

app = typer.Typer(
    help="kplan: keep a city's plan document as source; check it, compare editions, build the site and the PDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path | None, typer.Option("-C", help="Work on the plan in DIR instead of the current directory.", metavar="DIR")
    ] = None,
) -> None:
    """Global options."""
    ctx.obj = directory or Path.cwd()


def _project(ctx: typer.Context, out: Path | None = None) -> Project:
    from kplan.project import NoProjectError

    try:
        return Project.find(ctx.obj, out)
    except NoProjectError as error:
        _fail(f"kplan: {error}", "run kplan inside a plan checkout, or give one with -C DIR")


def _fail(message: str, hint: str) -> NoReturn:
    typer.echo(f"{message} (hint: {hint})", err=True)
    raise typer.Exit(Exit.UNREADABLE)


def _load(project: Project) -> Plan:
    """The plan of `project`, or every reason it cannot be read and exit 2."""
    from kplan.load import load_plan

    try:
        plan = load_plan(project.root)
    except DiagnosticError as error:
        _report(error.diagnostics)
        typer.echo(f"kplan: {len(error.diagnostics)} problem(s); the sources could not be read", err=True)
        raise typer.Exit(Exit.UNREADABLE) from None
    _report(list(plan.notices))
    return plan


def _report(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        typer.echo(str(diagnostic), err=True)


def _unwritable(path: Path | str, error: OSError) -> NoReturn:
    """A write that failed: one line naming the path, exit 2 (the previous outputs are left as they were)."""
    reason = error.strerror or str(error)
    _fail(
        f"kplan: {path} に書き込めません: {reason}",
        "書き込めるディレクトリか、空き容量があるかを確かめるか、-o で別の出力先を指定してください"
        "（前の出力はそのまま残っています）",
    )


@app.command()
def build(
    ctx: typer.Context,
    html: Annotated[bool, typer.Option("--html", help="Build the HTML site (build/html/).")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Build the PDF (build/pdf/).")] = False,
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Output directory (default: build/ in the checkout).")
    ] = None,
    profile: Annotated[
        str,
        typer.Option(
            "--profile",
            metavar="download|print",
            help="PDF profile: 'download' for the website; 'print' adds 3 mm bleed and crop marks (トンボ) for the "
            "print shop and writes plan-EDITION-print.pdf.",
        ),
    ] = "download",
    pdf_variant: Annotated[
        str,
        typer.Option(
            "--pdf-variant",
            metavar="VARIANT",
            help="PDF standard to follow: pdf/ua-1 (tagged, accessible; the default), pdf/a-3u, pdf/a-2b, pdf/x-4 … "
            "(any WeasyPrint variant), or 'none'.",
        ),
    ] = "pdf/ua-1",
) -> None:
    """Build the plan as an HTML site and a print-ready PDF (both unless --html or --pdf is given)."""
    from kplan.render.pdf import NO_VARIANT, PROFILES, VARIANTS

    if profile not in PROFILES:
        _fail(f"kplan build: unknown profile {profile!r}", "use one of: " + ", ".join(PROFILES))
    if pdf_variant not in (*VARIANTS, NO_VARIANT):
        _fail(f"kplan build: unknown PDF variant {pdf_variant!r}", "use one of: " + ", ".join((*VARIANTS, NO_VARIANT)))
    from kplan.build import Request, build_outputs
    from kplan.outputs import OutputError

    project = _project(ctx, out)
    plan = _load(project)
    if not html and not pdf:
        html = pdf = True
    requests = []
    if html:
        requests.append(Request("html", "html"))
    if pdf:
        requests.append(Request("pdf", "pdf", {"profile": profile, "variant": pdf_variant}))
    try:
        result = build_outputs(plan, project, requests)
    except OutputError as error:
        _unwritable(error.path, error)
    for item in result.built:
        for url in item.refused:
            typer.echo(f"warning: refused to load {url}: only files inside the project may be loaded", err=True)
        if item.rendered.whole:
            index = item.rendered.directory / "index.html"
            typer.echo(f"wrote {index} ({len(item.rendered.files)} files in {item.rendered.directory})")
        else:
            for path in item.rendered.paths:
                typer.echo(f"wrote {path}")


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The new plan's directory (created; must be empty or absent).")],
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", help="The municipality, e.g. 〇〇市 (asked when a terminal is attached)."),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="The plan's title, e.g. 第2次情報化推進計画 (asked when a terminal is attached)."),
    ] = None,
) -> None:
    """Start a new plan: plan/ and glossary/ with one example of each part, schemas, editor and CI settings.

    Example: kplan init my-plan --municipality 〇〇市 --title 情報化推進計画
    """
    from kplan.init import InitError, create_plan

    if municipality is None or title is None:
        if not sys.stdin.isatty():
            _fail(
                "kplan init: --municipality and --title are needed",
                "give both, e.g. --municipality 〇〇市 --title 情報化計画",
            )
        municipality = municipality or typer.prompt("自治体名 (municipality)")
        title = title or typer.prompt("計画の名前 (title)")
    try:
        written = create_plan(directory, municipality, title)
    except InitError as error:
        _fail(f"kplan init: {error}", getattr(error, "hint", "choose an empty or new directory"))
    except OSError as error:
        _unwritable(error.filename or directory, error)
    typer.echo(f"created a new plan in {directory} ({len(written)} files); next: kplan -C {directory} lint")


@app.command("import")
def import_command(
    source: Annotated[
        Path, typer.Argument(help="The plan as a Word document (.docx) or Markdown (.md).", metavar="FILE")
    ],
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The new plan's directory (created; must be empty or absent). Default: the file's name without its "
            "extension, in the current directory.",
            metavar="DIR",
        ),
    ] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", help="The municipality, when the title does not say it.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The plan's title, instead of the document's.")] = None,
    measures: Annotated[
        list[str] | None,
        typer.Option(
            "--measures",
            metavar="CHAPTER",
            help="Make measure cards of this chapter's sections (heading, text, a list), e.g. --measures 第3章.",
        ),
    ] = None,
) -> None:
    """Bring an existing plan in from Word or Markdown: chapters, sections, tables, figures, the 用語解説 and
    ※ markers become a new plan; prints what it carried and every place it had to guess.

    Example: kplan import 計画書.docx my-plan
    """
    from kplan.importer.command import run_import

    raise typer.Exit(run_import(source, directory, municipality, title, tuple(measures or ())))


@app.command()
def lint(
    ctx: typer.Context,
    family: Annotated[
        str | None,
        typer.Argument(
            help="Only one family of rules: glossary (※ terms and the 用語解説), text (characters, spelling, 表記ゆれ) "
            "or refs (references, the 正誤表, empty dates).",
            metavar="FAMILY",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="text: one finding a line, file:line:column: severity rule-id message (提案: …); "
            "json: an array of objects; github: workflow annotations.",
            metavar="text|json|github",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors for the exit code.")] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply the safe fixes in the source files (YAML through a round trip that keeps comments "
            "and formatting), say what changed, then report what is left.",
        ),
    ] = False,
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
    raise typer.Exit(lint_command(_project(ctx).root, family, output_format, strict, fix))


@app.command()
def fmt(
    ctx: typer.Context,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Change nothing; list the files that are not in canonical form and exit 1 if any."
        ),
    ] = False,
) -> None:
    """Write the YAML sources in canonical form: keys in schema order, the 用語解説 in アルファベット・50音順.
    Comments, quoting and line endings are kept; a file already canonical is not touched."""
    from kplan.fmt import fmt_command

    raise typer.Exit(fmt_command(_project(ctx).root, check))


@app.command()
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", metavar="md", help="Export format (md: pandoc Markdown).")] = "md",
    out: Annotated[
        str | None,
        typer.Option(
            "-o", "--out", metavar="FILE", help="Where to write (default: build/plan-EDITION.md; '-' for stdout)."
        ),
    ] = None,
) -> None:
    """Export the whole plan as one file: cover to colophon as Markdown, e.g. for pandoc."""
    from kplan.builders import BUILDERS

    if format_ not in BUILDERS or format_ in ("html", "pdf"):
        _fail(f"kplan export: unknown format {format_!r}", "use --format md")
    from kplan.export.markdown import export_markdown

    project = _project(ctx)
    plan = _load(project)
    if out == "-":
        sys.stdout.write(export_markdown(plan))
        return
    from kplan.outputs import write_file

    path = Path(out) if out else project.out_dir / f"plan-{plan.meta.edition}.md"
    text = export_markdown(plan, path.resolve().parent)
    try:
        write_file(path, text.encode("utf-8"))
    except OSError as error:
        _unwritable(path, error)
    typer.echo(f"wrote {path}")


@app.command()
def schema(
    directory: Annotated[Path, typer.Argument(help="Where to write the JSON Schema files.")],
) -> None:
    """Write the JSON Schemas of the YAML sources, for validation and completion in editors."""
    from kplan.schema_export import write_schemas

    try:
        written = write_schemas(directory)
    except OSError as error:
        _unwritable(error.filename or directory, error)
    for path in written:
        typer.echo(f"wrote {path}")


@app.command(name="diff")
def diff_command(
    ctx: typer.Context,
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help="The old edition (改定前): a plan directory, an edition label such as v1 (a tag, else the commit "
            "whose message has the trailer 'Plan-Edition: v1'), or a git ref (commit, tag, branch).",
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar="NEW", help="The new edition (改定後), given the same ways as OLD; '.' is the working tree."
        ),
    ],
    form: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (the terminal; coloured only on a terminal), json (schema in docs/diff.md), md, html or pdf "
            "(the 新旧対照表; the PDF is A4 landscape).",
        ),
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            help="Write to FILE instead of standard output. html and pdf always go to a file: by "
            "default build/diff/OLD-NEW.html or .pdf in the checkout.",
            metavar="FILE",
        ),
    ] = None,
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
        data = render(
            result,
            form,
            colour=out is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"),
            project_root=project_root,
        )
    except OutputError as error:
        _fail(f"kplan diff: {error}", "fix the template, or delete it from templates/ to use kplan's own")
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from kplan.outputs import write_file

        try:
            write_file(out, data)
        except OSError as error:
            _unwritable(out, error)
        typer.echo(summary(result))
        typer.echo(f"wrote {out}")
    raise typer.Exit(Exit.FINDINGS if result.changes else Exit.OK)


def _project_root_or_none(ctx: typer.Context) -> Path | None:
    from kplan.project import NoProjectError, find_root

    try:
        return find_root(ctx.obj)
    except NoProjectError:
        return None


def _safe(argument: str) -> str:
    """A version argument as part of a file name."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in argument).strip(".") or "edition"


def run() -> int:
    """Run the command line and return its exit code (kplan.entry.main turns signals into 130 and 143)."""
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if isinstance(code, str):
        print(code, file=sys.stderr)
        return int(Exit.UNREADABLE)
    return int(code or 0)


def main() -> None:
    """Entry point kept for callers of kplan.cli:main."""
    from kplan.entry import main as entry_main

    entry_main()
