"""Author, outlet and time from what real pages show: visible datelines, wire sign-offs, a portal hosting another outlet."""

from __future__ import annotations

import gzip

from briefing.ingest.chrome import rules
from briefing.ingest.html_page import parse_page

from support.ingest_fixtures import BENCHMARK_PAGES, REAL_PAGES


def page(name):
    return parse_page((REAL_PAGES / name).read_bytes(), url=None, timezone="Asia/Seoul")


def test_wire_sign_off_is_the_author_and_the_visible_written_time_beats_related_stories_dates():
    draft = page("kbs-world_en_2023-11-07_cold-wave.html")
    assert draft.author == "Max Lee"
    assert draft.source_name == "KBS WORLD"  # no site name declared: the <title> is the headline, then " l KBS WORLD"
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


def test_column_credit_opening_the_lead_is_cut_and_the_closing_byline_still_names_the_author():
    draft = page("entermedia_ko_2018-08-25_lj-ryu-column.html")  # "[엔터미디어=정덕현의 이슈공감] 엘제이의 리벤지인가, …"
    assert draft.body.startswith("엘제이의 리벤지인가, 류화영의 피해자 코스프레인가.")
    assert draft.author == "정덕현"


def test_wire_credit_names_the_reporter_and_the_end_mark_closes_the_body():
    """The portal page hosting another outlet's story, with a Korean wire's credit and end mark in its article
    (no saved page in ../shared/real/ carries them): the credit's reporter is the author, the outlet stays the source."""
    saved = (REAL_PAGES / "naver-news_newstapa_ko_2023-11-02_overseas-adoption.html").read_text(encoding="utf-8")
    assert saved.count("<br><br>한국은 자국 아이를") == 1 and saved.count("<br><br>\n\t\t</article>") == 1
    wired = saved.replace("<br><br>한국은 자국 아이를", "<br><br>[서울=뉴시스] 홍길동 기자 = 한국은 자국 아이를").replace(
        "<br><br>\n\t\t</article>", "<br><br>hong@newsis.com<br>(끝)<br><br>\n\t\t</article>"
    )
    draft = parse_page(wired.encode("utf-8"), url=None, timezone="Asia/Seoul")
    assert (draft.author, draft.source_name) == ("홍길동", "뉴스타파")
    assert draft.body.startswith("한국은 자국 아이를 해외로")
    assert draft.body.rstrip().endswith("취재해 전해드리도록 하겠습니다.")  # no e-mail, no (끝)


def test_credit_pattern_reads_each_form_korean_outlets_use():
    chrome = rules()
    for lead, credit, author in (
        ("[서울=뉴시스] 홍길동 기자 = 북한이 3일", "[서울=뉴시스] 홍길동 기자 = ", "홍길동"),
        ("(서울=연합뉴스) 김민지·이준호 기자 = 북한이 3일", "(서울=연합뉴스) 김민지·이준호 기자 = ", "김민지·이준호"),
        ("[헤럴드경제=박서연 기자] 북한이 3일", "[헤럴드경제=박서연 기자] ", "박서연"),
        ("[아시아경제 최유진 기자] 북한이 3일", "[아시아경제 최유진 기자] ", "최유진"),
        ("[엔터미디어=정덕현의 이슈공감] 엘제이의", "[엔터미디어=정덕현의 이슈공감] ", None),
    ):
        found = chrome.match("credit", lead)
        assert (found.group(0), found.group("author")) == (credit, author)
    assert chrome.match("credit", "[단독] 북한이 3일") is None  # a tag, not a credit


def test_time_in_script_data_beats_a_bare_day_when_the_page_declares_no_time():
    (path,) = BENCHMARK_PAGES.glob("04a6711caa7c6875*.html.gz")  # nytimes.com: no datePublished, "firstPublished" in its script data
    draft = parse_page(gzip.decompress(path.read_bytes()), url=None, timezone="America/New_York")
    assert draft.published.isoformat() == "2019-11-19T11:00:09+00:00"
    assert not any("only the date" in note or "no zone" in note for note in draft.notes)
