"""The built demo in real Chromium: language selector and search, as a reader uses them."""

from __future__ import annotations

import pytest

BRIEFING = "2025-10-30-summit-balanced-results"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US")
    yield context.new_page()
    context.close()


def test_language_selector_lands_on_the_same_briefing_in_korean(page, demo_url):
    page.goto(f"{demo_url}/en/briefings/{BRIEFING}/")
    english_title = page.locator("h1").inner_text()
    page.locator(".md-header__option .md-select button").hover()
    page.get_by_role("link", name="한국어", exact=True).click()  # not "PDF (한국어)"
    page.wait_for_url(f"{demo_url}/ko/briefings/{BRIEFING}/")
    assert page.locator("html").get_attribute("lang") == "ko"
    korean_title = page.locator("h1").inner_text()
    assert korean_title != english_title
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean_title)
    assert "2025년 10월 30일 목요일" in page.locator("article").inner_text()


def test_root_sends_a_korean_browser_to_the_korean_site(browser, demo_url):
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    page.goto(f"{demo_url}/")
    page.wait_for_url(f"{demo_url}/ko/")
    context.close()


@pytest.mark.parametrize(
    "language, ready, word",
    [
        ("en", "Type to start searching", "deterrence"),
        ("ko", "검색어를 입력하세요", "확장억제"),
    ],
)
def test_search_finds_a_briefing_by_a_word_from_its_summary(page, demo_url, language, ready, word):
    page.goto(f"{demo_url}/{language}/")
    page.locator("input.md-search__input").click()
    # Material shows its "type to start" prompt (in the page's language) once the index is loaded.
    page.locator(".md-search-result__meta", has_text=ready).wait_for(timeout=15000)
    # Hangul arrives through the IME as text input, not key presses; Material searches on key-up.
    page.keyboard.insert_text(word)
    page.keyboard.press("End")
    results = page.locator(f".md-search-result__item a[href*='briefings/{BRIEFING}']")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    if language == "ko":  # "요|인으로" no more: Korean words stay whole at the results' line ends
        assert results.first.evaluate("a => getComputedStyle(a.querySelector('p') || a).wordBreak") == "keep-all"


PAGE_TYPES = ["", f"briefings/{BRIEFING}/", "articles/2025-10-30-us-diplomatic-circles-summit/", "archive/", "archive/2025-10/"]
PAGE_TYPES += ["topics/", "topics/alliance/", "digests/", "glossary/", "no-such-page/"]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_page_requests_what_fails_or_another_host(page, demo_url, language):
    """Served from a local address (a copy of site/), each page type loads only what it has: nothing 404s, nothing
    goes to the production host (Material looks for a sitemap.xml beside each `<link rel="alternate">`)."""
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("response", lambda response: failures.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    for path in PAGE_TYPES:
        page.goto(f"{demo_url}/{language}/{path}")
        page.wait_for_load_state("networkidle")
    elsewhere = [url for url in requests if not url.startswith((demo_url, "data:"))]
    missing_page = f"404 {demo_url}/{language}/no-such-page/"
    assert elsewhere == [] and [failure for failure in failures if failure != missing_page] == []
