"""UI strings: every string in templates and code is in the Korean catalog, translated."""

from __future__ import annotations

from datetime import UTC, date

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from briefing import i18n

from support.project import REPO

METHODS = [("src/**.py", "python"), ("templates/**.j2", "jinja2")]


def source_messages() -> set[str]:
    found = set()
    for message in extract_from_dir(str(REPO), METHODS, options_map={"templates/**.j2": {"extensions": "jinja2.ext.i18n"}}):
        msgid = message[2]
        found.add(msgid[0] if isinstance(msgid, tuple) else msgid)
    return found


def test_korean_catalog_translates_every_ui_string():
    with open(REPO / "locales/ko/LC_MESSAGES/messages.po", "rb") as handle:
        catalog = read_po(handle, locale="ko")
    messages = source_messages()
    assert len(messages) > 15
    missing = [m for m in sorted(messages) if m not in catalog or not catalog[m].string or catalog[m].fuzzy]
    assert missing == [], "run `make i18n` and translate these in locales/ko/LC_MESSAGES/messages.po"
    stale = [m.id for m in catalog if m.id and (m.id[0] if isinstance(m.id, tuple) else m.id) not in messages]
    assert stale == []


def test_catalog_is_used_and_dates_follow_the_reader_language():
    korean = i18n.translations(REPO / "locales", "ko")
    assert korean.gettext("Key points") == "핵심 내용"
    assert korean.ngettext("%(num)d briefing", "%(num)d briefings", 3) % {"num": 3} == "브리핑 3건"
    assert i18n.long_date(date(2025, 10, 30), "ko") == "2025년 10월 30일 목요일"
    assert i18n.long_date(date(2025, 10, 30), "en") == "Thursday, October 30, 2025"
    assert i18n.month(date(2025, 10, 30), "ko") == "2025년 10월"


def test_times_name_the_publications_zone_by_its_abbreviation_and_others_by_offset():
    from datetime import datetime, timedelta, timezone

    from briefing.i18n import Localizer
    from briefing.load import load_or_raise

    config = load_or_raise(REPO).config
    evening, london = datetime(2025, 10, 30, 18, 0, tzinfo=timezone(timedelta(hours=9))), datetime(2025, 10, 30, 9, tzinfo=UTC)
    korean, english = Localizer(config, "ko", REPO / "locales"), Localizer(config, "en", REPO / "locales")
    assert korean.date_time(evening) == "2025년 10월 30일 목요일 오후 6:00 KST"
    assert english.date_time(evening) == "Thursday, October 30, 2025 6:00\u202fPM KST"
    assert english.date_time(london) == "Thursday, October 30, 2025 9:00\u202fAM GMT+00:00"
