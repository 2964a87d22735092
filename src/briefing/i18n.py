"""Babel dates and gettext catalogs, per call and per language (never a global locale); the Localizer every output speaks through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.core import Locale, get_global
from babel.dates import format_date, format_interval, format_skeleton, format_time, get_timezone_gmt
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup

from .model import Config, Localized

LOCALES_DIR = "locales"
DOMAIN = "messages"


@cache
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
    """ "Thursday, October 30, 2025" / "2025년 10월 30일 목요일"."""
    return format_date(day, format="full", locale=language)


def month(day: date, language: str) -> str:
    """ "October 2025" / "2025년 10월"."""
    return format_skeleton("yMMMM", day, locale=language)


def date_range(start: date, end: date, language: str) -> str:
    """ "Oct 27 – Nov 2, 2025" / "2025년 10월 27일 ~ 11월 2일": the shared parts said once."""
    return format_interval(start, end, "yMMMd", locale=language)


class Localizer:
    """One language's way of saying things, for every output: texts with the fallback rule, dates, UI strings.

    Templates of every output get the same helpers from it (`helpers`); code asks it directly.
    """

    def __init__(self, config: Config, language: str, locales: Path):
        self.config = config
        self.language = language
        self.translations = translations(locales, language)
        self.gettext = self.translations.gettext

    def shown(self, value: Localized) -> tuple[str, str]:
        """The text in this language, else in the first of the publication's languages that has it; and which."""
        return value.in_language(self.language, self.config.language_codes)

    def text(self, value: Localized) -> str:
        return self.shown(value)[0]

    def marked(self, value: Localized, escape: Callable[[str], Markup]) -> Markup:
        """The text escaped for its output; in another language, visibly marked as untranslated."""
        text, shown_in = self.shown(value)
        if shown_in == self.language:
            return escape(text)
        return Markup('<span lang="{}" class="untranslated">{}</span> <small class="untranslated-label">({})</small>').format(
            shown_in, escape(text), self.gettext("Not yet translated")
        )

    @property
    def territory_locale(self) -> str:
        """The language with its most likely territory, as Open Graph names locales: "ko_KR", "en_US"."""
        locale = Locale.parse(get_global("likely_subtags").get(self.language, self.language))
        return f"{locale.language}_{locale.territory}" if locale.territory else locale.language

    def long_date(self, day: date) -> str:
        return long_date(day, self.language)

    def date_time(self, moment: datetime, day_format: str = "full") -> str:
        """A date-time at the offset the source gave: "Thursday, October 30, 2025 11:50 AM KST".

        With `day_format="long"`, as a byline gives it: "October 30, 2025, 6:00 PM KST", "2025년 10월 30일 오후 6:00 KST".

        The zone is named by its abbreviation when the offset is the publication's zone's
        at that moment ("KST"), else by its offset ("GMT+01:00").
        """
        local = moment.astimezone(ZoneInfo(self.config.timezone))
        if local.utcoffset() == moment.utcoffset():
            moment, zone = local, local.tzname()
        else:
            zone = get_timezone_gmt(moment, width="long", locale=self.language)
        # The locale's short time with the day period written out: "오후 6:00" (CLDR abbreviates it to "PM" in Korean)
        pattern = Locale.parse(self.language).time_formats["short"].pattern.replace("a", "aaaa")
        clock = format_time(moment, pattern, tzinfo=moment.tzinfo, locale=self.language)
        if day_format == "full":
            return f"{self.long_date(moment.date())} {clock} {zone}"
        day = format_date(moment.date(), format=day_format, locale=self.language)
        return Locale.parse(self.language).datetime_formats["medium"].format(f"{clock} {zone}", day)

    def byline_time(self, moment: datetime) -> str:
        """When a briefing was published, as its byline says it; a briefing given only a date (midnight) shows no time."""
        local = moment.astimezone(ZoneInfo(self.config.timezone))
        if (local.hour, local.minute, local.second) == (0, 0, 0):
            return format_date(local.date(), format="long", locale=self.language)
        return self.date_time(moment, "long")

    def month(self, day: date) -> str:
        return month(day, self.language)

    def date_range(self, start: date, end: date) -> str:
        return date_range(start, end, self.language)

    def helpers(self, escape: Callable[[str], Markup]) -> dict:
        """What templates call, `escape` being their output's escaping (Markdown or HTML)."""
        return {
            "language": self.language,
            "t": lambda value: self.marked(value, escape),
            "plain": self.text,
            "long_date": self.long_date,
            "date_time": self.date_time,
            "byline_time": self.byline_time,
            "month_name": self.month,
            "date_range": self.date_range,
            "topic_name": lambda slug: self.marked(self.config.topics[slug].name, escape),
            "period_name": lambda period: period.name(self),
            "digest_kind": lambda period: period.kind_name(self),
        }
