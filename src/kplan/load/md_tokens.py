"""markdown-it's tokens of a Markdown text, kept between runs like Python keeps compiled modules.

The same text always parses to the same tokens, so the tokens of every text parsed are kept in the user's cache
directory ($XDG_CACHE_HOME/kplan/markdown/, one msgpack file per text), named by a checksum of the text; an
entry holds the text itself and the parser's settings (with markdown-it's installed version), and is used only
when both are the same, so two texts with one checksum only replace each other's entry. (Checksums from zlib,
which is imported anyway: hashlib's import initialises OpenSSL, 2.5 ms.)

A load whose Markdown is unchanged reads the tokens back and does not import markdown-it at all: its import is
about 23 ms of every `kplan lint` and `kplan build`, a sixth of their start-up. A file changed since the last run
is parsed again, and only that file.

What comes back from the cache is checked for its shape while it is decoded (msgspec's typed decoding: a token is
plain strings, numbers and lists, never an object of any other class); an entry that is unreadable or of another
shape is parsed again. Writing the cache never fails a run: a read-only or full cache directory means parsing
every time. Once a process, at its first new entry, the directory is pruned to its newest entries when it holds
more than MAX_ENTRIES (so a run that parses thousands of texts lists the directory once, not once a text).
"""

from __future__ import annotations

import os
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

import msgspec

from kplan.cachedir import cache_dir, write_entry

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FORMAT = 1  # of the entries: a new field in Tok bumps it
MAX_ENTRIES = 10_000  # about 50 MB: every text of a plan 100 times the real one, or years of weekly edits
# the parser: CommonMark with tables; no raw HTML, no linkify, no emphasis (`*` is never markup in plan text, so
# a `*` written where ※ was meant stays visible to lint)
PRESET = "commonmark"
OPTIONS = (("html", False), ("linkify", False))
ENABLED = ("table",)
DISABLED = ("emphasis",)


class Tok(msgspec.Struct, array_like=True):
    """One markdown-it token, as kplan reads it (the fields of markdown_it.token.Token that it uses)."""

    type: str
    tag: str
    nesting: int
    attrs: dict[str, str | int | float]
    map: list[int] | None
    level: int
    children: list[Tok] | None
    content: str
    markup: str
    info: str


class Entry(msgspec.Struct, array_like=True):
    """One cache file: what the tokens were parsed from, and the tokens."""

    settings: str
    text: str
    tokens: list[Tok]


_decoder = msgspec.msgpack.Decoder(Entry)
_pruned: set[str] = set()  # the directories this process has pruned
_encoder = msgspec.msgpack.Encoder()


def tokens(text: str) -> list[Tok]:
    """The tokens of `text`: from the cache when it holds them, else parsed (and then kept)."""
    path = _entry_path(text)
    try:
        with open(path, "rb") as stream:
            entry = _decoder.decode(stream.read())
        if entry.text == text and entry.settings == _settings():
            return entry.tokens
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass
    parsed = [_tok(token) for token in parser().parse(text)]
    _keep(path, _encoder.encode(Entry(_settings(), str(text), parsed)))
    return parsed


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt(PRESET, dict(OPTIONS)).enable(list(ENABLED)).disable(list(DISABLED))


def _tok(token: Token) -> Tok:
    children = [_tok(child) for child in token.children] if token.children is not None else None
    return Tok(
        token.type,
        token.tag,
        token.nesting,
        dict(token.attrs),
        list(token.map) if token.map is not None else None,
        token.level,
        children,
        token.content,
        token.markup,
        token.info,
    )


# ---- the cache directory ----------------------------------------------------------------------------------------


def cache_directory() -> str:
    """$XDG_CACHE_HOME/kplan/markdown (else ~/.cache/kplan/markdown)."""
    return os.path.join(cache_dir(), "markdown")


@lru_cache(maxsize=1)
def _settings() -> str:
    """What besides the text decides the tokens: the parser's settings and markdown-it's installed files (their
    version, read from the package's own __init__ without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("markdown_it")
    origin = spec.origin if spec and spec.origin else ""
    try:
        stat = os.stat(origin)
        installed = f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        installed = origin
    return repr((FORMAT, PRESET, OPTIONS, ENABLED, DISABLED, installed))


def _entry_path(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"
    return os.path.join(cache_directory(), name + ".msgpack")


def _keep(path: str, data: bytes) -> None:
    """Write an entry atomically (a temporary file renamed into place); any failure leaves the cache as it was."""
    try:
        write_entry(path, data)
    except OSError:
        return
    _prune(os.path.dirname(path))


def _prune(directory: str) -> None:
    """Once a process: when the directory holds more than MAX_ENTRIES entries, keep the newest three quarters."""
    if directory in _pruned:
        return
    _pruned.add(directory)
    try:
        entries = [entry for entry in os.scandir(directory) if entry.name.endswith(".msgpack")]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in entries[: len(entries) - MAX_ENTRIES * 3 // 4]:
            os.unlink(entry.path)
    except OSError:
        pass
