"""End to end: the demo publication builds into a bilingual site a reader can navigate."""

from __future__ import annotations

import html as entities
import re
import xml.etree.ElementTree as ET

import yaml

from briefing.load import load

from support.project import REPO

BRIEFING = "2025-10-30-summit-balanced-results"


def html(site, path: str) -> str:
    """A built page with character references resolved, as a reader sees the text."""
    return entities.unescape((site / path).read_text(encoding="utf-8"))


def demo_briefing() -> dict:
    return yaml.safe_load((REPO / "briefings" / f"{BRIEFING}.yaml").read_text(encoding="utf-8"))


def test_demo_is_clean_under_strict_check():
    publication, problems = load(REPO)
    assert problems.items == []
    assert len(publication.articles) == 2 and len(publication.briefings) >= 2


def test_briefing_page_in_each_language(demo_site):
    source = demo_briefing()
    korean = html(demo_site, f"ko/briefings/{BRIEFING}/index.html")
    english = html(demo_site, f"en/briefings/{BRIEFING}/index.html")
    assert '<html lang="ko"' in korean and '<html lang="en"' in english
    assert "<h1 id=" in korean and source["title"]["ko"] in korean
    assert source["title"]["en"] in english
    assert "2025년 10월 30일 목요일" in korean and "Thursday, October 30, 2025" in english
    assert "핵심 내용" in korean and "Key points" in english
    for point in source["key_points"]:
        assert point["ko"] in korean and point["en"] in english
    # Sources link to our article page and to nothing invented.
    assert 'href="../../articles/2025-10-30-us-diplomatic-circles-summit/"' in korean


def test_language_selector_targets_the_same_page(demo_site):
    for language, other in (("en", "ko"), ("ko", "en")):
        for path in (f"briefings/{BRIEFING}/", "articles/summit-follow-up-talks/", "topics/alliance/", ""):
            page = html(demo_site, f"{language}/{path}index.html")
            link = re.search(rf'<a href="([^"]+)" hreflang="{other}"', page).group(1)
            target = (demo_site / language / path / link).resolve()
            assert target == (demo_site / other / path).resolve(), (language, path, link)
            assert (target / "index.html").is_file()


def test_pages_carry_hreflang_alternates(demo_site):
    page = html(demo_site, f"ko/briefings/{BRIEFING}/index.html")
    for language in ("en", "ko"):
        assert f'<link rel="alternate" hreflang="{language}" href="https://briefing.example.org/{language}/briefings/{BRIEFING}/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://briefing.example.org/">' in page


def test_sitemap_lists_every_page_in_both_languages(demo_site):
    root = ET.parse(demo_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    for language in ("en", "ko"):
        assert f"https://briefing.example.org/{language}/briefings/{BRIEFING}/" in locations
        assert f"https://briefing.example.org/{language}/articles/summit-follow-up-talks/" in locations
    entry = next(url for url in root.findall("s:url", ns) if url.find("s:loc", ns).text.endswith(f"/ko/briefings/{BRIEFING}/"))
    assert {link.get("hreflang") for link in entry.findall("x:link", ns)} == {"en", "ko"}
    assert len(locations) == len(set(locations))


def test_theme_and_ui_strings_are_korean_on_the_korean_site(demo_site):
    korean = html(demo_site, "ko/index.html")
    assert 'placeholder="검색"' in korean  # Material's own label, from theme.language
    assert "최신 브리핑" in korean  # ours, from locales/ko
    assert re.search(r'class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*지난 브리핑', korean)


def test_home_lists_briefings_newest_first(demo_site):
    ids = [b.id for b in load(REPO)[0].briefings]
    page = html(demo_site, "en/index.html")
    positions = [page.index(f'href="briefings/{briefing_id}/"') for briefing_id in ids]
    assert positions == sorted(positions)


def test_nav_stays_short(demo_site):
    page = html(demo_site, f"en/briefings/{BRIEFING}/index.html")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') : page.index("</nav>", page.index('<nav class="md-nav md-nav--primary"'))]
    assert "briefings/" not in nav and "articles/" not in nav


def test_article_page_shows_source_author_date_and_body(demo_site):
    page = html(demo_site, "ko/articles/2025-10-30-us-diplomatic-circles-summit/index.html")
    assert "자유NKorea" in page and "류근웅" in page and "2025년 10월 30일 목요일 오전 11:50 KST" in page
    assert "U.S. diplomatic circles are evaluating" in page
    assert "관련 기사" not in page and "AliExpress" not in page
    undated = html(demo_site, "en/articles/summit-follow-up-talks/index.html")
    assert "Not given" in undated


def test_archive_and_topic_pages(demo_site):
    assert "October 2025" in html(demo_site, "en/archive/index.html")
    assert "2025년 10월" in html(demo_site, "ko/archive/2025-10/index.html")
    assert f'href="../../briefings/{BRIEFING}/"' in html(demo_site, "ko/topics/alliance/index.html")


def test_search_has_one_index_per_language(demo_site):
    import json

    for language in ("en", "ko"):
        index = json.loads(html(demo_site, f"{language}/search/search_index.json"))
        assert index["config"]["lang"] == [language]
        pages = (demo_site / language / "search" / "pages").glob("*.json")
        titles = {json.loads(page.read_text(encoding="utf-8"))["title"] for page in pages}
        assert demo_briefing()["title"][language] in titles
