"""Feeds to drafts: every RSS and Atom flavour, any encoding, hostile payloads, broken XML, real feeds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from briefing.ingest.feed_reader import NotAFeed, parse_feed
from briefing.ingest.language import detect_language

from support.ingest_fixtures import ATOM, CP949_BODY, CP949_TITLE, EUC_KR_FEED, HOSTILE, MALFORMED, REAL_FEEDS, RSS1, RSS2, UNDATED


def parse(data, **kwargs):
    data = data.encode("utf-8") if isinstance(data, str) else data
    return parse_feed(data, url=kwargs.pop("url", None), content_type=kwargs.pop("content_type", None), timezone="Asia/Seoul", **kwargs)


def test_rss2_entries_keep_title_link_author_time_and_text():
    feed = parse(RSS2)
    first, second = feed.drafts
    assert feed.title == "Peninsula Wire" and feed.language == "en"
    assert first.title == "Allies open talks on <extended> deterrence"  # plain text, entities decoded
    assert first.url == "https://wire.example/2025/11/deterrence?utm_source=rss"
    assert first.guid == "wire-2025-1101" and first.author == "Kim Min-ji" and first.section == "Security"
    assert first.published == datetime(2025, 11, 1, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    assert first.source_name == "Peninsula Wire"
    assert first.body.startswith("Seoul and Washington opened talks on Saturday")
    assert "[summit agreement](https://wire.example/2025/10/summit)" in first.body  # relative link made absolute
    assert second.author == "Lee Jun-ho"  # the e-mail address is not an author


def test_atom_entry_keeps_the_sources_own_offset():
    draft = parse(ATOM).drafts[0]
    assert draft.title == "북한, 동해상으로 탄도미사일 발사" and draft.author == "박서연"
    assert draft.published.isoformat() == "2025-11-03T07:45:00+09:00"
    assert draft.url == "https://tongsin.example/articles/1" and draft.guid == "urn:example:entry-1"
    assert draft.body.startswith("북한이 3일 오전 동해상으로")


def test_rss1_rdf_feed():
    draft = parse(RSS1).drafts[0]
    assert draft.title == "Panel reports new ship-to-ship transfers" and draft.author == "Alex Morgan"
    assert draft.published.isoformat() == "2025-11-04T10:15:00-05:00"
    assert draft.body.startswith("A panel of experts reported")


def test_euc_kr_label_with_cp949_only_syllables_decodes_without_mojibake():
    draft = parse(EUC_KR_FEED).drafts[0]
    assert draft.title == CP949_TITLE
    assert draft.body.strip() == CP949_BODY
    assert draft.source_name == "통일 소식"


def test_the_same_bytes_served_with_an_euc_kr_http_header():
    body = EUC_KR_FEED.replace(b'encoding="euc-kr"', b"")
    draft = parse(body, content_type="application/rss+xml; charset=EUC-KR").drafts[0]
    assert draft.title == CP949_TITLE


def test_real_ricanet_feed_declared_euc_kr_but_cp949():
    feed = parse((REAL_FEEDS / "ricanet_ko_cp949-declared-euc-kr_2010-04.xml").read_bytes())
    assert feed.title == "리카넷" and feed.warnings == []
    titles = [draft.title for draft in feed.drafts]
    assert titles[0] == "구라치다 걸리면"
    text = " ".join(titles + [draft.body for draft in feed.drafts])
    assert "\ufffd" not in text and "Ã" not in text and "¸" not in text
    assert sum("\uac00" <= ch <= "\ud7a3" for ch in text) > 1000


HOSTILE_MARKERS = ("<", "onerror", "iframe", "svg link", "xlink", "file:", "data:", "passwd", "steal", "x.swf", "display: none")


def test_hostile_payloads_are_removed_from_body_and_title():
    draft = parse(HOSTILE).drafts[0]
    for marker in HOSTILE_MARKERS:
        assert marker not in draft.body.lower(), marker
    # What remains of the payloads is text a reader sees, never markup: brackets and braces escaped.
    assert draft.body.count("javascript:") == 1 and "\\[md link\\](javascript:" in draft.body
    assert "[good link](https://ok.example/)" in draft.body
    assert "bad link" in draft.body and "bad link](" not in draft.body
    assert "\\[md link\\]" in draft.body and "\\{: onclick" in draft.body  # shown as text, never Markdown syntax
    assert "**&lt;script>alert('escaped')&lt;/script>**" in draft.body  # text that looks like a tag stays text
    assert draft.author is None  # a URL is not a person
    assert draft.title.startswith("<script>alert('title')</script> Sanctions update")  # text/plain kept as text
    assert draft.source_name == "Hostile Feed"


def test_malformed_feed_yields_usable_entries_and_a_warning():
    feed = parse(MALFORMED)
    assert [draft.title for draft in feed.drafts][0] == "First story survives"
    assert len(feed.warnings) == 1 and feed.warnings[0].startswith("malformed feed (line ")


@pytest.mark.parametrize(
    "data, expected",
    [
        ("<!doctype html><html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed (text/html)"),
        ("", "not an RSS or Atom feed"),
        ("\x00\x01 binary junk", "not an RSS or Atom feed"),
    ],
)
def test_something_that_is_not_a_feed_is_an_error(data, expected):
    with pytest.raises(NotAFeed) as error:
        parse(data, content_type="text/html" if "doctype" in data else None)
    assert str(error.value).startswith(expected)


def test_entry_without_date_or_author_says_so():
    draft = parse(UNDATED).drafts[0]
    assert draft.published is None and draft.author is None
    assert draft.notes == ("The feed entry names no author or date.",)


def test_date_without_zone_takes_the_publication_zone_and_says_so():
    feed = parse((REAL_FEEDS / "qq-news_zh_gb2312_2018-09-18.xml").read_bytes())
    draft = feed.drafts[0]
    assert draft.title == "习近平为何如此强调崇尚英雄？"
    assert draft.published.isoformat() == "2018-09-18T14:38:10+09:00"
    assert "no zone, so Asia/Seoul (the publication's time zone) is assumed" in draft.notes[0]


@pytest.mark.parametrize(
    "name, language",
    [
        ("acnnewswire_ko_euc-kr_2005-12.xml", "ko"),  # declares en-us; its text is Korean
        ("guardian-us_en_2018-01-31.rss", "en"),
        ("heise-developer_de_2016-02-01.atom", "de"),
        ("nixos-news_en_relative-links_2018.xml", "en"),
        ("qq-news_zh_gb2312_2018-09-18.xml", "zh"),
        ("ricanet_ko_cp949-declared-euc-kr_2010-04.xml", "ko"),
        ("uol-noticias_pt_latin1-undeclared_2018-09-24.rss", "pt"),
        ("yonhap-chinese_zh_utf8_2025-01-18.xml", "zh"),
    ],
)
def test_real_feeds_parse_with_their_language_detected(name, language):
    feed = parse((REAL_FEEDS / name).read_bytes())
    assert feed.drafts and all(draft.title for draft in feed.drafts)
    draft = next(d for d in feed.drafts if len(d.body) > 100)
    assert detect_language(f"{draft.title}\n{draft.body}", feed.language)[0] == language


def test_real_relative_links_become_absolute():
    feed = parse((REAL_FEEDS / "nixos-news_en_relative-links_2018.xml").read_bytes())
    body = feed.drafts[0].body
    assert "](https://nixos.org/nixos/download.html)" in body
    assert "](/" not in body and "](nixos/" not in body


def test_latin1_feed_without_declaration_decodes():
    feed = parse((REAL_FEEDS / "uol-noticias_pt_latin1-undeclared_2018-09-24.rss").read_bytes())
    assert "simulações" in feed.drafts[0].title
