"""Drafts, scheduled, corrected, withdrawn and renamed briefings in a real build: each shows up exactly where it should."""

from __future__ import annotations

import json
from datetime import datetime
from xml.etree import ElementTree as ET

import feedparser
import pytest

from briefing.cli import main

from support import pdftools
from support.lifecycle_project import ALIAS, CORRECTED, DRAFT, NOW, SCHEDULED, SCHEDULED_ID, WITHDRAWN, write_project

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEEDS = ("feed.xml", "atom.xml", "feed.json", "topics/alliance/feed.xml")
LISTINGS = ("index.html", "archive/2025-10/index.html", "topics/alliance/index.html", "articles/2025-10-30-sample/index.html")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The lifecycle publication, built at NOW (the scheduled briefing still ahead)."""
    root = write_project(tmp_path_factory.mktemp("lifecycle") / "project")
    assert main(["--project", str(root), "build", "-q", "--now", NOW]) == 0
    return root


def page(site, language: str, path: str) -> str:
    return (site / language / path).read_text(encoding="utf-8")


def feed_ids(site, path: str) -> dict[str, feedparser.FeedParserDict]:
    if path.endswith(".json"):
        return {item["url"].split("/")[-2]: item for item in json.loads((site / "en" / path).read_text(encoding="utf-8"))["items"]}
    return {entry.link.split("/")[-2]: entry for entry in feedparser.parse((site / "en" / path).read_bytes()).entries}


def sitemap(site) -> dict[str, str | None]:
    urls = ET.parse(site / "sitemap.xml").iter(f"{SITEMAP_NS}url")
    return {url.find(f"{SITEMAP_NS}loc").text: getattr(url.find(f"{SITEMAP_NS}lastmod"), "text", None) for url in urls}


def searched(site, language: str) -> set[str]:
    """The addresses the search index holds, pages and sections."""
    return {json.loads(path.read_text(encoding="utf-8"))["location"] for path in (site / language / "search/pages").glob("*.json")}


def test_only_released_briefings_have_pages_feed_entries_search_entries_and_pdfs(project):
    site = project / "site"
    for language in ("en", "ko"):
        briefings = {path.name for path in (site / language / "briefings").iterdir()}
        assert briefings == {CORRECTED, WITHDRAWN, ALIAS}  # no page for the draft, nor yet for the scheduled one
        assert {location.split("/")[1] for location in searched(site, language) if location.startswith("briefings/")} == {CORRECTED}
        for listing in LISTINGS:
            shown = page(site, language, listing)
            assert f"briefings/{CORRECTED}/" in shown, listing
            for hidden in (DRAFT, SCHEDULED_ID, WITHDRAWN):
                assert hidden not in shown, (listing, hidden)
    for path in FEEDS:
        assert set(feed_ids(site, path)) == {CORRECTED}, path
    assert sorted(path.name for path in (site / "pdf").glob("*.pdf")) == [f"{CORRECTED}.en.pdf", f"{CORRECTED}.ko.pdf"]
    digest = pdftools.text(site / "pdf/digests/2025-W44.en.pdf")
    assert "Briefing sample" in digest and "Briefing drafted" not in digest and "Briefing pulled" not in digest


def test_the_sitemap_keeps_the_withdrawn_page_dated_by_its_withdrawal_and_leaves_out_the_rest(project):
    lastmod = sitemap(project / "site")
    base = "https://briefing.test/{}/briefings/{}/"
    for language in ("en", "ko"):
        assert lastmod[base.format(language, WITHDRAWN)] == "2025-11-03T00:00:00+09:00"
        assert lastmod[base.format(language, CORRECTED)] == "2025-11-02T09:00:00+09:00"  # the correction moved it
        for absent in (DRAFT, SCHEDULED_ID, ALIAS):
            assert base.format(language, absent) not in lastmod


def test_a_correction_is_dated_on_the_page_in_the_pdf_and_updates_the_feed_entry(project):
    site = project / "site"
    assert "Correction, Sunday, November 2, 2025" in page(site, "en", f"briefings/{CORRECTED}/index.html")
    assert "정정 (2025년 11월 2일 일요일)" in page(site, "ko", f"briefings/{CORRECTED}/index.html")
    assert "이전 버전에 회담 날짜가 잘못 적혔습니다." in page(site, "ko", f"briefings/{CORRECTED}/index.html")
    assert "Correction, Sunday, November 2, 2025: An earlier version gave the wrong date" in pdftools.text(site / f"pdf/{CORRECTED}.en.pdf")
    entry = feed_ids(site, "atom.xml")[CORRECTED]
    assert entry.published != entry.updated
    assert datetime.fromisoformat(entry.updated) == datetime.fromisoformat("2025-11-02T09:00:00+09:00")
    assert "Correction, Sunday, November 2, 2025" in entry.content[0].value
    assert entry.id == f"tag:briefing.test,2025-10-31:en/briefings/{CORRECTED}"


def test_a_withdrawn_page_says_when_and_why_in_its_language_and_nothing_else(project):
    site = project / "site"
    english, korean = (page(site, language, f"briefings/{WITHDRAWN}/index.html") for language in ("en", "ko"))
    assert "Withdrawn on Monday, November 3, 2025" in english and "It relied on a report the outlet has retracted." in english
    assert "철회 (2025년 11월 3일 월요일)" in korean and "해당 매체가 철회한 보도에 근거했습니다." in korean
    for shown in (english, korean):
        assert "Briefing pulled" not in shown and "What happened." not in shown and "First point." not in shown


def test_an_old_address_redirects_to_the_renamed_briefing_in_every_language(project):
    for language in ("en", "ko"):
        redirect = page(project / "site", language, f"briefings/{ALIAS}/index.html")
        assert f'<link rel="canonical" href="https://briefing.test/{language}/briefings/{CORRECTED}/">' in redirect
        assert f'<meta http-equiv="refresh" content="0; url=../{CORRECTED}/">' in redirect
        assert '<meta name="robots" content="noindex">' in redirect


def test_a_scheduled_briefing_is_out_once_its_time_has_come_by_source_date_epoch(project, monkeypatch):
    before = feed_ids(project / "site", "atom.xml")[CORRECTED].id
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat(SCHEDULED).timestamp())))
    assert main(["--project", str(project), "build", "-q", "--output", "later"]) == 0  # the other tests' site stays as it was
    site = project / "later"
    assert (site / "en/briefings" / SCHEDULED_ID / "index.html").is_file()
    assert set(feed_ids(site, "atom.xml")) == {CORRECTED, SCHEDULED_ID}
    assert feed_ids(site, "atom.xml")[CORRECTED].id == before
    assert (site / f"pdf/{SCHEDULED_ID}.ko.pdf").is_file()
    assert f"https://briefing.test/ko/briefings/{SCHEDULED_ID}/" in sitemap(site)
    assert not (site / "en/briefings" / DRAFT).exists()
