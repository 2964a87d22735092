"""Babel dates and gettext catalogs, per call and per language: never a global locale."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.dates import format_date, format_interval, format_skeleton, format_time, get_timezone_gmt
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = "locales"
DOMAIN = "messages"


@lru_cache(maxsize=None)
def translations(locales: Path, language: str) -> NullTranslations:
    """The catalog for `language`, compiled in memory from its .po file (English is the source)."""
    po_path = locales / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@lru_cache(maxsize=8192)  # the same few hundred dates recur on thousands of pages
def long_date(day: date, language: str) -> str:
    """"Thursday, October 30, 2025" / "2025년 10월 30일 목요일"."""
    return format_date(day, format="full", locale=language)


def date_time(moment: datetime, language: str) -> str:
    """A date-time in the zone the source gave: "Thursday, October 30, 2025 11:50 (GMT+09:00)"."""
    clock = format_time(moment, "HH:mm", tzinfo=moment.tzinfo, locale=language)
    zone = get_timezone_gmt(moment, width="long", locale=language)
    return f"{long_date(moment.date(), language)} {clock} ({zone})"


def month(day: date, language: str) -> str:
    """"October 2025" / "2025년 10월"."""
    return format_skeleton("yMMMM", day, locale=language)


def date_range(start: date, end: date, language: str) -> str:
    """"Oct 27 – Nov 2, 2025" / "2025년 10월 27일 ~ 11월 2일": the shared parts said once."""
    return format_interval(start, end, "yMMMd", locale=language)
