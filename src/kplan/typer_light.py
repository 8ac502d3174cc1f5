"""Typer without the parts kplan does not need at start-up.

Typer converts every command-line value through a pydantic TypeAdapter: the first non-flag option of a run imports
pydantic and builds a schema (about 0.1 s, more than kplan's own work on the real plan). kplan's parameters are
only `str`, `Path` and `bool` (each maybe `None`), whose conversion is `str(value)` and `Path(value)`, then typer's
own path checks. `install()` gives those parameters a plain converter and leaves any other annotation to typer.

The hook is typer's own lazy `_TyperParameter.get_runtime_param`; it is installed only when typer has the pieces
it relies on (checked by name), so another typer version runs as it is, only slower. tests/test_typer_light.py
checks that the conversions agree with typer's.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PLAIN_TYPES = (str, Path, bool)
_installed = False


def _pieces() -> tuple[Any, Any, Any] | None:
    """typer's parameter class, its RuntimeParam base and its path checker, or None when this typer lacks them."""
    try:
        from typer import core
        from typer._coercion import RuntimeParam
        from typer._param_types import coerce_cli_path
    except ImportError:
        return None
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param"):
        return None
    if not hasattr(RuntimeParam, "_coerce_value"):
        return None
    return parameter, RuntimeParam, coerce_cli_path


@functools.cache
def _plain_class() -> Any | None:
    pieces = _pieces()
    if pieces is None:
        return None
    _parameter, runtime_param, coerce_cli_path = pieces

    class PlainRuntimeParam(runtime_param):  # type: ignore[misc, valid-type]
        """str(value); Path(value) then typer's own path checks (exists, dir_okay, resolve_path …); a bool as it
        is (anything else given for a bool goes to typer's own conversion)."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation is bool:
                if isinstance(value, bool):
                    return value
                return _typer_coercion(self.annotation, self.parameter_info)._coerce_value(value, param, ctx)
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if self.annotation is str:
                return str(value)
            path = value if isinstance(value, Path) else Path(value)
            return coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)

    return PlainRuntimeParam


def _typer_coercion(annotation: Any, parameter_info: Any) -> Any:
    """typer's own RuntimeParam (pydantic-backed) for a value the plain converter does not take."""
    from typer._coercion import build_runtime_param, resolve_type_descriptor

    return build_runtime_param(resolve_type_descriptor(annotation, parameter_info))


def plain_converter(annotation: Any, parameter_info: Any) -> Any | None:
    """A RuntimeParam for a `str`, `Path` or `bool` parameter without a parser or path type, else None."""
    plain = _plain_class()
    if plain is None or annotation not in PLAIN_TYPES or getattr(parameter_info, "parser", None) is not None:
        return None
    if annotation is Path and getattr(parameter_info, "path_type", None) is not None:
        return None  # typer's Path(path_type=str) returns a str: left to typer
    return plain(parameter_info=parameter_info, annotation=annotation)


def install() -> bool:
    """Give typer's str and Path parameters the plain converter (once); False when this typer has no such hook."""
    global _installed
    if _installed:
        return True
    pieces = _pieces()
    if pieces is None:
        return False
    parameter = pieces[0]
    original = parameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            descriptor = self.type_descriptor
            if descriptor.file_annotation is None:
                self._runtime_param = plain_converter(descriptor.annotation, descriptor.parameter_info)
        return original(self)

    parameter.get_runtime_param = get_runtime_param
    _installed = True
    return True


def command_name(args: list[str], value_options: tuple[str, ...] = ("-C", "--lang")) -> str | None:
    """The subcommand named on a command line (`kplan -C DIR lint …` → "lint"), or None (help, nothing, -x…)."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in value_options:
            index += 2
            continue
        if arg.startswith("-"):
            if any(arg.startswith(option) and len(arg) > len(option) for option in value_options):
                index += 1  # -CDIR
                continue
            return None  # --help or an unknown option: typer answers it with every command
        return arg
    return None


@contextlib.contextmanager
def only_command(app: Any, args: list[str]) -> Iterator[None]:
    """Register only the command that runs, for the duration of the block: typer builds the parameters of every
    registered command on each run. An unknown name or `--help` keeps them all, so typer's own answer is unchanged."""
    name = command_name(args)
    registered = app.registered_commands
    chosen = [info for info in registered if _name(info) == name]
    if chosen:
        app.registered_commands = chosen
    try:
        yield
    finally:
        app.registered_commands = registered


def _name(info: Any) -> str | None:
    if info.name:
        return str(info.name)
    callback = info.callback
    return callback.__name__.lower().replace("_", "-") if callback else None
