"""The message catalog: every text kplan prints for a person, in Japanese (the default) or in English.

One catalog, keyed by the diagnostic codes: `ja.py` and `en.py` each hold one dict, `MESSAGES`, from a key to a
`string.Template` text (`$name`, `${name}`, `$$` for a dollar sign), or to a (message, hint) pair for a
diagnostic. A key is a diagnostic code (`load.measure-twice`), or a code and a variant after a slash when one code
has several messages (`load.invalid-value/empty-text`: code `load.invalid-value`); `help.*` keys are the help of
the commands and options, `cli.*` the command line's own lines, `word.*` single words (the severities).

Why Python modules and `string.Template`, not gettext .po/.mo with Babel:

- start-up: `kplan --help` reads its help texts from the catalog. A catalog module is loaded by the import system
  from its cached bytecode (one marshalled dict, about 0.2 ms); it is imported only when the first text is looked
  up, and only the language in use. gettext needs compiled .mo files, a build step with Babel (a new dependency),
  and its msgids would be English sentences or codes anyway.
- keys are the stable codes, not English sentences, so a changed English wording never orphans a translation, and
  a test (tests/test_messages.py) checks that every key used in src/ has a Japanese and an English text with the
  same `$parameters`.
- `string.Template` rather than `str.format`: messages quote Markdown and numbering patterns (`{#id}`,
  ```{measure}```, `{n:circled}`) that str.format would take for fields. `string` is imported only when a text
  with parameters is rendered, never for `--help`.

The language: `--lang ja|en` before the command (read from the command line before the help is built, see
`language()`), else KPLAN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG): English when it starts with `en`,
Japanese otherwise, also for C, POSIX or no locale, since the users are Japanese city staff.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

LANGUAGES = ("ja", "en")
DEFAULT = "ja"
Entry = str | tuple[str, str]

_language: str | None = None
_catalogs: dict[str, Mapping[str, Entry]] = {}


def detect(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language asked for: `--lang X` among the global options of `argv` (the arguments after the program),
    else KPLAN_LANG, else the locale; Japanese unless one of them says English."""
    for asked in (_argv_language(argv), environ.get("KPLAN_LANG", "")):
        lang = asked.lower()[:2]
        if lang in LANGUAGES:  # an unknown value is passed over (and `--lang` itself refuses it)
            return lang
    given = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return "en" if given.lower().startswith("en") else DEFAULT


def _argv_language(argv: Sequence[str]) -> str:
    """The value of `--lang` before the command's name (`kplan -C DIR --lang en build`); "" when none."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--lang":
            return argv[index + 1] if index + 1 < len(argv) else ""
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
        if arg == "-C":
            index += 2
            continue
        if not arg.startswith("-") or arg == "--":
            return ""
        index += 1
    return ""


def language() -> str:
    """The language of every text: set by `set_language`, else detected from sys.argv and the environment."""
    global _language
    if _language is None:
        _language = detect(sys.argv[1:], os.environ)
    return _language


def set_language(lang: str | None) -> None:
    """Use `lang` ("ja" or "en") from now on; None detects it again."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Texts in `lang` inside the block (the language before it afterwards)."""
    global _language
    before = _language
    set_language(lang)
    try:
        yield
    finally:
        _language = before


def catalog(lang: str | None = None) -> Mapping[str, Entry]:
    """The catalog of `lang` (default: the language in use), imported on first use."""
    lang = lang or language()
    found = _catalogs.get(lang)
    if found is None:
        if lang == "en":
            from kplan.messages.en import MESSAGES
        else:
            from kplan.messages.ja import MESSAGES
        found = _catalogs[lang] = MESSAGES
    return found


def _entry(key: str) -> Entry:
    """The entry of `key` in the language in use, else in the other language, else the key itself."""
    found = catalog().get(key)
    if found is None:
        for lang in LANGUAGES:
            found = catalog(lang).get(key)
            if found is not None:
                break
    return key if found is None else found


def _render(template: str, params: Mapping[str, object]) -> str:
    if not params or "$" not in template:
        return template
    from string import Template

    return Template(template).safe_substitute({name: str(value) for name, value in params.items()})


def text(key: str, /, **params: object) -> str:
    """The text of `key` (a diagnostic's message) in the language in use, with `params` substituted."""
    entry = _entry(key)
    return _render(entry if isinstance(entry, str) else entry[0], params)


def hint_text(key: str, /, **params: object) -> str:
    """The hint of a diagnostic's entry ("" when it has none)."""
    entry = _entry(key)
    return "" if isinstance(entry, str) else _render(entry[1], params)


def severity_word(severity: str) -> str:
    """エラー / 警告 / 情報 (error / warning / info) as printed for people; the machine formats keep the value."""
    return text(f"word.{severity}")


class Msg:
    """A catalog entry with its parameters, rendered in the language in use each time it is shown.

    A parameter may itself be a Msg (a hint made of another entry). `code` is the key up to its `/variant`.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = tuple(sorted(params.items()))

    @property
    def code(self) -> str:
        return self.key.partition("/")[0]

    @property
    def hint(self) -> str:
        return hint_text(self.key, **dict(self.params))

    def __str__(self) -> str:
        return text(self.key, **dict(self.params))

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {', '.join(f'{k}={v!r}' for k, v in self.params)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash((self.key, self.params))
