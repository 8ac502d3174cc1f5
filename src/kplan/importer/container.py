"""Reading the input file safely: size limits, what kind of file it is, and a .docx package checked before any
XML parser sees it (no DOCTYPE or entity declarations, bounded uncompressed size, no encrypted members)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kplan.importer.errors import CannotImportError

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

HINT_SAVE_AS_DOCX = "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください"


def read_input(path: Path) -> bytes:
    """The bytes of the input file, or an CannotImportError saying why it cannot be read."""
    try:
        if not path.exists():
            raise CannotImportError(
                "import.not-found", "ファイルが見つかりません", "ファイル名と場所を確かめてください"
            )
        if path.is_dir():
            raise CannotImportError(
                "import.not-a-file",
                "フォルダーです。ファイルではありません",
                "取り込む .docx か .md を指定してください",
            )
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise CannotImportError(
                "import.too-large",
                f"ファイルが大きすぎます（{size // (1024 * 1024)} MB、上限 {MAX_INPUT_BYTES // (1024 * 1024)} MB）",
                "画像を圧縮するか、章ごとに分けて取り込んでください",
            )
        return path.read_bytes()
    except CannotImportError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise CannotImportError(
            "import.unreadable", f"ファイルを読めません（{reason}）", "ファイルの読み取り権限を確かめてください"
        ) from None


def open_docx(data: bytes) -> zipfile.ZipFile:
    """The .docx package, checked: a zip with a Word document in it, within the limits, with safe XML."""
    if data.startswith(CFB_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise CannotImportError(
                "import.encrypted",
                "パスワードで保護された Word 文書です",
                "Word で開いて「ファイル」→「情報」→「文書の保護」でパスワードを解除し、保存し直してください",
            )
        raise CannotImportError(
            "import.old-format", "古い形式の Word 文書(.doc)か、Word 文書ではありません", HINT_SAVE_AS_DOCX
        )
    if not data.strip():
        raise CannotImportError("import.empty", "ファイルが空です", "文書の中身があるファイルを指定してください")
    if not data.startswith(ZIP_MAGIC):
        what = "PDF" if data.startswith(b"%PDF") else "Word 文書(.docx)"
        raise CannotImportError(
            "import.not-docx",
            f"{what}です。Word 文書(.docx)ではありません" if what == "PDF" else "Word 文書(.docx)ではありません",
            HINT_SAVE_AS_DOCX,
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise CannotImportError(
            "import.corrupt",
            "Word 文書が壊れています（ファイルの途中で切れているか、中身が読めません）",
            HINT_SAVE_AS_DOCX,
        ) from None
    _check_members(infos)
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        kind = (
            "Excel のブック" if "xl/workbook.xml" in names else "PowerPoint" if "ppt/presentation.xml" in names else ""
        )
        message = (
            f"{kind}です。Word 文書ではありません" if kind else "Word 文書(.docx)ではありません（本文が見つかりません）"
        )
        raise CannotImportError("import.not-docx", message, HINT_SAVE_AS_DOCX)
    for info in infos:
        if info.filename.lower().endswith(XML_SUFFIXES):
            _check_xml(package, info)
    return package


def _check_members(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse encrypted members and anything that would expand past the limits (a zip bomb)."""
    if len(infos) > MAX_MEMBERS:
        raise CannotImportError(
            "import.too-large", "Word 文書の中のファイルが多すぎます", "文書を分けて取り込んでください"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise CannotImportError(
                "import.encrypted", "暗号化された Word 文書です", "パスワードを解除してから保存し直してください"
            )
        too_big = info.file_size > MAX_MEMBER_BYTES
        ratio = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        total += info.file_size
        if too_big or ratio or total > MAX_TOTAL_UNCOMPRESSED:
            raise CannotImportError(
                "import.too-large",
                "Word 文書を展開すると大きくなりすぎます（圧縮爆弾の疑い、または巨大な画像）",
                "画像を圧縮するか、文書を分けて取り込んでください",
            )


def _check_xml(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """An XML part must declare no DTD or entities: Word never writes them, and they are how XML attacks start."""
    try:
        content = package.read(info)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CannotImportError(
            "import.corrupt", "Word 文書が壊れています（中のファイルが読めません）", HINT_SAVE_AS_DOCX
        ) from None
    if any(marker in content for marker in FORBIDDEN_XML):
        raise CannotImportError(
            "import.unsafe",
            f"Word 文書の中に、Word が書かない XML の宣言（DOCTYPE・ENTITY）があります（{info.filename}）",
            "Word で開いて保存し直したファイルを使ってください",
        )


def decode_text(data: bytes) -> tuple[str, str]:
    """A text file's contents as str (BOM and CRLF handled) and the encoding used: UTF-8, else Shift_JIS."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise CannotImportError(
            "import.not-text", "テキストファイルではありません", "Markdown(.md)は文字だけのファイルです"
        )
    for encoding in ("utf-8", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise CannotImportError(
        "import.encoding",
        "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）",
        "UTF-8 で保存し直してください",
    )
