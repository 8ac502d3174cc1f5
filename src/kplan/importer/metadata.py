"""The cover and the colophon: the plan's municipality, title, edition, dates, period and publisher, read from the
title and from the lines a Japanese plan prints there (令和6年3月策定, 計画期間：令和6年度～令和10年度, 発行 …).

A line is taken only when it matches one of these shapes exactly, so that kplan prints it again from the
metadata; any other line stays in the text.
"""

from __future__ import annotations

import re
import unicodedata

from msgspec import Struct, field

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = r"(令和|平成|昭和)"
_YEAR = r"(元|[0-9]+)"
_DASH = r"[～〜~\-－ー―]"
_SP = r"[ \t\u3000]*"

DRAFT = re.compile(r"[(（]案[)）]$")
EDITION = re.compile(r"【(?:第([0-9.]+)版|初版)】$")
SUBTITLE = re.compile(r"[(（]([^()（）]{1,30})[)）]$")
MUNICIPALITY = re.compile(r"^(.{1,8}?(?:都|道|府|県|市|区|町|村))(?=.)")

PERIOD = re.compile(rf"^計画期間{_SP}[:：]?{_SP}{_ERA}?{_YEAR}年度{_SP}{_DASH}{_SP}{_ERA}?{_YEAR}年度(?:まで)?$")
PERIOD_AD = re.compile(rf"^計画期間{_SP}[:：]?{_SP}([0-9]{{4}})年度{_SP}{_DASH}{_SP}([0-9]{{4}})年度$")
ESTABLISHED = re.compile(rf"^[(（]?{_ERA}{_YEAR}年([0-9]+)月策定[)）]?$")
REVISED = re.compile(rf"^[(（]?{_ERA}{_YEAR}年([0-9]+)月改定[)）]?$")
REVISED_EMPTY = re.compile(r"^[(（]?令和[\s\u3000]*年[\s\u3000]*月改定[)）]?$")
VOLUME = re.compile(r"^[－\-―ー]\s*(\S.{0,20}?)\s*[－\-―ー]$")
PUBLISHER = re.compile(rf"^発行{_SP}[:：]?{_SP}(\S+)(?:{_SP}(\S.*))?$")
PHONE = re.compile(r"^(?:TEL|Tel|tel|電話)[\s\u3000]*[:：]?[\s\u3000]*([0-9][0-9\-－()（） ]{5,})$")
ADDRESS = re.compile(
    r"^(?:〒[0-9\-－]+[\s\u3000]*)?\S*(?:都|道|府|県)\S*(?:市|区|町|村)\S*[0-9０-９一二三四五六七八九十]"
)


def year_of(era: str | None, year: str, default_era: str | None = None) -> int | None:
    era = era or default_era
    if era not in ERAS:
        return None
    return ERAS[era] + (1 if year == "元" else int(year))


class Meta(Struct):
    """What the cover and the colophon say, as far as it could be read."""

    municipality: str | None = None
    title: str | None = None
    subtitle: str | None = None
    edition: str = "1"
    draft: bool = False
    established: tuple[int, int] | None = None
    revised: tuple[int, int] | None = None
    revised_empty: bool = False
    period: tuple[int, int] | None = None
    publisher: dict[str, str] = field(default_factory=dict)
    volume: str | None = None
    taken: list[str] = field(default_factory=list)  # the lines read into the metadata, for the report


def split_title(full: str, municipality: str | None) -> Meta:
    """A cover title such as 架空市DX推進計画(後期計画)【第2.0版】(案) into its parts."""
    meta = Meta()
    text = full.strip()
    if DRAFT.search(text):
        meta.draft = True
        text = DRAFT.sub("", text).strip()
    edition = EDITION.search(text)
    if edition:
        meta.edition = edition[1] or "1"
        text = text[: edition.start()].strip()
    if municipality and text.startswith(municipality) and len(text) > len(municipality):
        meta.municipality = municipality
        text = text[len(municipality) :].strip()
    elif not municipality:
        match = MUNICIPALITY.match(text)
        if match:
            meta.municipality = match[1]
            text = text[match.end() :].strip()
    else:
        meta.municipality = municipality
    subtitle = SUBTITLE.search(text)
    if subtitle and subtitle.start() > 0:
        meta.subtitle = subtitle[1]
        text = text[: subtitle.start()].strip()
    meta.title = text or None
    return meta


def printed_title(meta: Meta) -> str:
    """The title line kplan prints: municipality, title(subtitle), 【第N版】, (案) — normalised for comparing."""
    title = f"{meta.title}({meta.subtitle})" if meta.subtitle else str(meta.title)
    edition = f"【第{meta.edition}版】" if meta.edition != "1" else ""
    return normal(f"{meta.municipality or ''}{title}{edition}{'(案)' if meta.draft else ''}")


def normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def take_line(meta: Meta, line: str) -> bool:
    """Read one cover or colophon line into `meta`; False (and `meta` unchanged) when it is not one of them."""
    text = unicodedata.normalize("NFKC", line).strip()
    if not text:
        return False
    if meta.title and normal(text) in (printed_title(meta), normal(_without_draft(meta))):
        return _took(meta, line)
    if m := PERIOD.match(text):  # kplan's pages do not print the period: it is read, and the line kept
        start, end = year_of(m[1], m[2]), year_of(m[3], m[4], default_era=m[1])
        if start and end and start <= end:
            meta.period = (start, end)
        return False
    if m := PERIOD_AD.match(text):
        meta.period = (int(m[1]), int(m[2]))
        return False
    if (m := ESTABLISHED.match(text)) and meta.established is None:
        year = year_of(m[1], m[2])
        if year and 1 <= int(m[3]) <= 12:
            meta.established = (year, int(m[3]))
            return _took(meta, line)
    if (m := REVISED.match(text)) and meta.revised is None:
        year = year_of(m[1], m[2])
        if year and 1 <= int(m[3]) <= 12:
            meta.revised = (year, int(m[3]))
            return _took(meta, line)
    if REVISED_EMPTY.match(text) and meta.edition != "1":
        meta.revised_empty = True
        meta.draft = True
        return _took(meta, line)
    if (m := VOLUME.match(text)) and meta.volume is None:
        meta.volume = m[1]
        return _took(meta, line)
    if (m := PUBLISHER.match(text)) and "organization" not in meta.publisher:
        meta.publisher["organization"] = m[1]
        if m[2]:
            meta.publisher["department"] = m[2].strip()
        return _took(meta, line)
    if (m := PHONE.match(text)) and "phone" not in meta.publisher and "organization" in meta.publisher:
        meta.publisher["phone"] = m[1].strip()
        return _took(meta, line)
    if ADDRESS.match(text) and "address" not in meta.publisher and "organization" in meta.publisher:
        meta.publisher["address"] = line.strip()
        return _took(meta, line)
    return False


def _without_draft(meta: Meta) -> str:
    title = f"{meta.title}({meta.subtitle})" if meta.subtitle else str(meta.title)
    edition = f"【第{meta.edition}版】" if meta.edition != "1" else ""
    return f"{meta.municipality or ''}{title}{edition}"


def _took(meta: Meta, line: str) -> bool:
    meta.taken.append(line.strip())
    return True
