"""The kplan command line: arguments in, a pipeline call, findings out, an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from kplan import helpformat
from kplan.exits import Exit
from kplan.messages import Msg
from kplan.messages import text as say

if TYPE_CHECKING:  # the model's records (msgspec) are imported by the commands that use them, not by --help
    from kplan.model import Plan
    from kplan.project import Project

app = typer.Typer(
    help=say("help.kplan"),
    epilog=say("help.kplan.example"),
    options_metavar=say("help.options-metavar"),
    subcommand_metavar=say("help.subcommand-metavar"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and errors: rich costs more to import than a whole lint of the real plan
)
helpformat.install()  # help wrapped by display width (Japanese is two columns a character), click's words translated


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[Path | None, typer.Option("-C", help=say("help.kplan.C"), metavar="DIR")] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="ja|en", help=say("help.kplan.lang")),
    ] = None,
) -> None:
    """Global options."""
    if lang is not None:
        from kplan.messages import LANGUAGES, set_language

        if lang not in LANGUAGES:
            _unknown("kplan", "language", lang, LANGUAGES)
        set_language(lang)
    ctx.obj = directory or Path.cwd()


def _project(ctx: typer.Context, out: Path | None = None) -> Project:
    from kplan.project import NoProjectError, Project

    try:
        return Project.find(ctx.obj, out)
    except NoProjectError as error:
        _fail(error.said)


def _fail(message: Msg | str, hint: Msg | str | None = None, where: str = "kplan") -> NoReturn:
    """Say what is wrong and what to do on one line, and exit 2: `kplan: エラー code: message（ヒント: …）` for a
    catalog entry (its own hint unless `hint` is given), `message（ヒント: hint）` for text."""
    if isinstance(message, Msg):
        from kplan.build_command import error_line

        said = error_line(message, where, None if hint is None else str(hint))
    else:
        said = message + (say("word.hint", hint=hint) if hint else "")
    typer.echo(said, err=True)
    raise typer.Exit(Exit.UNREADABLE)


def _unknown(where: str, what: str, value: str, choices: Iterable[str]) -> NoReturn:
    """An option's value that is not one of `choices` (what: a cli.unknown-value/… word)."""
    _fail(
        Msg("cli.unknown-value", what=Msg(f"cli.unknown-value/{what}"), value=value, choices=", ".join(choices)),
        where=where,
    )


def _load(project: Project) -> Plan:
    """The plan of `project`, or every reason it cannot be read and exit 2."""
    from kplan.build_command import StopError, load_plan

    try:
        return load_plan(project)[0]
    except StopError as stopped:
        raise typer.Exit(stopped.code) from None


def _unwritable(path: Path | str, error: OSError) -> NoReturn:
    """A write that failed: one line naming the path, exit 2 (the previous outputs are left as they were)."""
    from kplan.build_command import unwritable_line

    typer.echo(unwritable_line(path, error), err=True)
    raise typer.Exit(Exit.UNREADABLE)


@app.command(help=say("help.build"), short_help=say("help.build.short"), epilog=say("help.build.example"))
def build(
    ctx: typer.Context,
    html: Annotated[bool, typer.Option("--html", help=say("help.build.html"))] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help=say("help.build.pdf"))] = False,
    out: Annotated[Path | None, typer.Option("-o", "--out", help=say("help.build.out"))] = None,
    profile: Annotated[
        str,
        typer.Option(
            "--profile",
            metavar="download|print",
            help=say("help.build.profile"),
        ),
    ] = "download",
    pdf_variant: Annotated[
        str,
        typer.Option(
            "--pdf-variant",
            metavar="VARIANT",
            help=say("help.build.pdf-variant"),
        ),
    ] = "pdf/ua-1",
    force: Annotated[
        bool,
        typer.Option("--force", help=say("help.build.force")),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help=say("help.build.strict")),
    ] = False,
) -> None:
    """`kplan build`: its help is help.build in the catalog (kplan.messages)."""
    from kplan.render.pdf import NO_VARIANT, PROFILES, VARIANTS

    if profile not in PROFILES:
        _unknown("kplan build", "profile", profile, PROFILES)
    if pdf_variant not in (*VARIANTS, NO_VARIANT):
        _unknown("kplan build", "variant", pdf_variant, (*VARIANTS, NO_VARIANT))
    from kplan.build_command import build_command

    raise typer.Exit(build_command(_project(ctx, out), html, pdf, profile, pdf_variant, force, strict))


@app.command(help=say("help.init"), short_help=say("help.init.short"), epilog=say("help.init.example"))
def init(
    directory: Annotated[Path, typer.Argument(help=say("help.init.directory"))],
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", help=say("help.init.municipality")),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help=say("help.init.title")),
    ] = None,
) -> None:
    """`kplan init`: its help is help.init in the catalog (kplan.messages)."""
    from kplan.init import InitError, create_plan

    if municipality is None or title is None:
        if not sys.stdin.isatty():
            _fail(Msg("cli.init-needs-values"), where="kplan init")
        municipality = municipality or typer.prompt(say("cli.prompt-municipality"))
        title = title or typer.prompt(say("cli.prompt-title"))
    try:
        written = create_plan(directory, municipality, title)
    except InitError as error:
        _fail(error.said, where="kplan init")
    except OSError as error:
        _unwritable(error.filename or directory, error)
    typer.echo(say("cli.created", directory=directory, count=len(written)))


@app.command("import", help=say("help.import"), short_help=say("help.import.short"), epilog=say("help.import.example"))
def import_command(
    source: Annotated[Path, typer.Argument(help=say("help.import.source"), metavar="FILE")],
    directory: Annotated[
        Path | None,
        typer.Argument(
            help=say("help.import.directory"),
            metavar="DIR",
        ),
    ] = None,
    municipality: Annotated[str | None, typer.Option("--municipality", help=say("help.import.municipality"))] = None,
    title: Annotated[str | None, typer.Option("--title", help=say("help.import.title"))] = None,
    measures: Annotated[
        list[str] | None,
        typer.Option(
            "--measures",
            metavar="CHAPTER",
            help=say("help.import.measures"),
        ),
    ] = None,
) -> None:
    """`kplan import`: its help is help.import in the catalog (kplan.messages)."""
    from kplan.importer.command import run_import

    raise typer.Exit(run_import(source, directory, municipality, title, tuple(measures or ())))


@app.command(help=say("help.lint"), short_help=say("help.lint.short"), epilog=say("help.lint.example"))
def lint(
    ctx: typer.Context,
    family: Annotated[
        str | None,
        typer.Argument(
            help=say("help.lint.family"),
            metavar="FAMILY",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help=say("help.lint.format"),
            metavar="text|json|github",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help=say("help.lint.strict"))] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=say("help.lint.fix"),
        ),
    ] = False,
) -> None:
    """`kplan lint`: its help is help.lint in the catalog (kplan.messages)."""
    from kplan.lint.command import lint_command
    from kplan.lint.findings import FAMILIES
    from kplan.lint.report import FORMATS

    if family is not None and family not in FAMILIES:
        _unknown("kplan lint", "family", family, FAMILIES)
    if output_format not in FORMATS:
        _unknown("kplan lint", "format", output_format, FORMATS)
    raise typer.Exit(lint_command(_project(ctx).root, family, output_format, strict, fix))


@app.command(help=say("help.fmt"), short_help=say("help.fmt.short"), epilog=say("help.fmt.example"))
def fmt(
    ctx: typer.Context,
    check: Annotated[
        bool,
        typer.Option("--check", help=say("help.fmt.check")),
    ] = False,
    encoding: Annotated[
        bool,
        typer.Option(
            "--encoding",
            help=say("help.fmt.encoding"),
        ),
    ] = False,
) -> None:
    """`kplan fmt`: its help is help.fmt in the catalog (kplan.messages)."""
    if encoding:
        from kplan.encoding import encoding_command

        raise typer.Exit(encoding_command(_project(ctx).root, check))
    from kplan.fmt import fmt_command

    raise typer.Exit(fmt_command(_project(ctx).root, check))


@app.command(help=say("help.export"), short_help=say("help.export.short"), epilog=say("help.export.example"))
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", metavar="md", help=say("help.export.format"))] = "md",
    out: Annotated[
        str | None,
        typer.Option("-o", "--out", metavar="FILE", help=say("help.export.out")),
    ] = None,
) -> None:
    """`kplan export`: its help is help.export in the catalog (kplan.messages)."""
    from kplan.builders import BUILDERS

    if format_ not in BUILDERS or format_ in ("html", "pdf"):
        _unknown("kplan export", "format", format_, ("md",))
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
    typer.echo(say("cli.wrote", path=path))


@app.command(help=say("help.schema"), short_help=say("help.schema.short"), epilog=say("help.schema.example"))
def schema(
    directory: Annotated[Path, typer.Argument(help=say("help.schema.directory"))],
) -> None:
    """`kplan schema`: its help is help.schema in the catalog (kplan.messages)."""
    from kplan.schema_export import write_schemas

    try:
        written = write_schemas(directory)
    except OSError as error:
        _unwritable(error.filename or directory, error)
    for path in written:
        typer.echo(say("cli.wrote", path=path))


@app.command(name="diff", help=say("help.diff"), short_help=say("help.diff.short"), epilog=say("help.diff.example"))
def diff_command(
    ctx: typer.Context,
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help=say("help.diff.old"),
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(metavar="NEW", help=say("help.diff.new")),
    ],
    form: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=say("help.diff.format"),
        ),
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            help=say("help.diff.out"),
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """`kplan diff`: its help is help.diff in the catalog (kplan.messages)."""
    from kplan.diff import FILE_FORMATS, FORMATS, OutputError, diff_editions, render
    from kplan.diff.editions import EditionError
    from kplan.diff.terminal import summary

    if form not in FORMATS:
        _unknown("kplan diff", "format", form, FORMATS)
    try:
        result = diff_editions(old, new, ctx.obj)
    except EditionError as error:
        for line in error.problems:
            typer.echo(line, err=True)
        _fail(error.said, where="kplan diff")
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
        _fail(Msg("cli.diff-template", error=error), where="kplan diff")
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
        typer.echo(say("cli.wrote", path=out))
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
    from kplan import typer_light

    typer_light.install()  # str and Path options without pydantic
    try:
        with typer_light.only_command(app, sys.argv[1:]):
            app(prog_name="kplan")  # also under python -m kplan: the usage and messages name the command people type
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
