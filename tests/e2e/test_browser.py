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
