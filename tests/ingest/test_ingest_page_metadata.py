"""Author, outlet and time from what real pages show: visible datelines, wire sign-offs, a portal hosting another outlet."""

from __future__ import annotations

from briefing.ingest.chrome import rules
from briefing.ingest.html_page import parse_page

from support.ingest_fixtures import REAL_PAGES


def page(name):
    return parse_page((REAL_PAGES / name).read_bytes(), url=None, timezone="Asia/Seoul")


def test_wire_sign_off_is_the_author_and_the_visible_written_time_beats_related_stories_dates():
    draft = page("kbs-world_en_2023-11-07_cold-wave.html")
    assert draft.author == "Max Lee"
    assert "KBS World Radio News" not in draft.body
    assert draft.body.rstrip().endswith("winter-like weather to return over the weekend.")
    assert draft.published.isoformat() == "2023-11-07T15:03:30+09:00"  # "Written: …", not a related story's 2023-11-03


def test_portal_page_names_the_hosted_outlet_as_source_not_author_and_keeps_the_afternoon_time():
    draft = page("naver-news_newstapa_ko_2023-11-02_overseas-adoption.html")
    assert (draft.source_name, draft.author) == ("뉴스타파", None)  # og:article:author is "뉴스타파 | 네이버"
    assert draft.published.isoformat() == "2023-11-02T20:06:00+09:00"  # "입력 2023.11.02. 오후 8:06"


def test_loose_dateline_text_gives_the_time_of_day():
    draft = page("entermedia_ko_2018-08-25_lj-ryu-column.html")
    assert draft.published.isoformat() == "2018-08-25T15:24:00+09:00"  # "기사입력 :[ 2018-08-25 15:24 ]"
    assert draft.author == "정덕현"


def test_dateline_pattern_reads_each_form_found_on_real_pages():
    chrome = rules()
    for line, expected in (
        ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46", "2023-11-07T15:03:30+09:00"),
        ("입력2023.11.02. 오후 8:06", "2023-11-02T20:06:00+09:00"),
        ("기사입력 :[ 2018-08-25 15:24 ]", "2018-08-25T15:24:00+09:00"),
    ):
        when, assumed = chrome.parse_when(chrome.match("dateline", line).group("when"), "Asia/Seoul")
        assert (when.isoformat(), assumed) == (expected, True)
