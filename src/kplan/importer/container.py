"""Reading the input file safely: size limits, what kind of file it is, and a .docx package checked before any
XML parser sees it (no DOCTYPE or entity declarations, bounded uncompressed size, no encrypted members)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kplan.importer.errors import CannotImportError
from kplan.messages import Msg

MAX_INPUT_BYTES = 100 * 1024 * 1024  # the file as given
MAX_TOTAL_UNCOMPRESSED = 400 * 1024 * 1024  # all members of a .docx together, as declared in its directory
MAX_MEMBER_BYTES = 150 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 4 * 1024 * 1024
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
XML_SUFFIXES = (".xml", ".rels", ".vml")
FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def read_input(path: Path) -> bytes:
    """The bytes of the input file, or an CannotImportError saying why it cannot be read."""
    try:
        if not path.exists():
            raise CannotImportError(Msg("import.not-found"))
        if path.is_dir():
            raise CannotImportError(Msg("import.not-a-file"))
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise CannotImportError(
                Msg("import.too-large/file", size=size // (1024 * 1024), limit=MAX_INPUT_BYTES // (1024 * 1024))
            )
        return path.read_bytes()
    except CannotImportError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise CannotImportError(Msg("import.unreadable", reason=reason)) from None


def open_docx(data: bytes) -> zipfile.ZipFile:
    """The .docx package, checked: a zip with a Word document in it, within the limits, with safe XML."""
    if data.startswith(CFB_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise CannotImportError(Msg("import.encrypted/password"))
        raise CannotImportError(Msg("import.old-format/or-not-word"))
    if not data.strip():
        raise CannotImportError(Msg("import.empty/file"))
    if not data.startswith(ZIP_MAGIC):
        raise CannotImportError(Msg("import.not-docx/pdf") if data.startswith(b"%PDF") else Msg("import.not-docx"))
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise CannotImportError(Msg("import.corrupt/package")) from None
    _check_members(infos)
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise CannotImportError(
            Msg("import.not-docx/excel")
            if "xl/workbook.xml" in names
            else Msg("import.not-docx/powerpoint")
            if "ppt/presentation.xml" in names
            else Msg("import.not-docx/no-body")
        )
    for info in infos:
        if info.filename.lower().endswith(XML_SUFFIXES):
            _check_xml(package, info)
    return package


def _check_members(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse encrypted members and anything that would expand past the limits (a zip bomb)."""
    if len(infos) > MAX_MEMBERS:
        raise CannotImportError(Msg("import.too-large/members"))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise CannotImportError(Msg("import.encrypted/member"))
        too_big = info.file_size > MAX_MEMBER_BYTES
        ratio = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        total += info.file_size
        if too_big or ratio or total > MAX_TOTAL_UNCOMPRESSED:
            raise CannotImportError(Msg("import.too-large/expanded"))


def _check_xml(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """An XML part must declare no DTD or entities: Word never writes them, and they are how XML attacks start."""
    try:
        content = package.read(info)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CannotImportError(Msg("import.corrupt/member")) from None
    if any(marker in content for marker in FORBIDDEN_XML):
        raise CannotImportError(Msg("import.unsafe", part=info.filename))


def decode_text(data: bytes) -> tuple[str, str]:
    """A text file's contents as str (BOM and CRLF handled) and the encoding used: UTF-8, else Shift_JIS."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise CannotImportError(Msg("import.not-text"))
    for encoding in ("utf-8", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise CannotImportError(Msg("import.encoding/unknown"))
