"""In Chromium: the preview's banners on a draft and a scheduled briefing, in each language, and an old address's redirect."""

from __future__ import annotations

import pytest

from briefing.cli import main

from support.lifecycle_project import ALIAS, CORRECTED, DRAFT, NOW, SCHEDULED_ID, write_project
from support.web import serve_folder


@pytest.fixture(scope="module")
def preview_url(tmp_path_factory):
    """The lifecycle publication as `briefing serve` builds it (`build --preview`) at NOW, served on 127.0.0.1."""
    root = write_project(tmp_path_factory.mktemp("preview") / "project")
    assert main(["--project", str(root), "build", "-q", "--preview", "--now", NOW, "--output", "preview"]) == 0
    server, url = serve_folder(root / "preview")
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "language, briefing_id, title, text",
    [
        ("en", DRAFT, "Draft", "Only the preview shows this briefing"),
        ("ko", DRAFT, "초안", "이 브리핑은 미리보기에만 보입니다"),
        ("en", SCHEDULED_ID, "Scheduled for Saturday, November 1, 2025 6:00\u202fAM KST", "Readers will see it from then"),
        ("ko", SCHEDULED_ID, "발행 예약: 2025년 11월 1일 토요일 오전 6:00 KST", "독자에게는 이 시각부터 보이며"),
    ],
)
def test_the_preview_shows_a_banner_over_a_draft_and_a_scheduled_briefing(page, preview_url, language, briefing_id, title, text):
    page.goto(f"{preview_url}/{language}/briefings/{briefing_id}/")
    banner = page.locator("article .admonition").first
    assert banner.is_visible()
    assert banner.locator(".admonition-title").inner_text() == title
    assert text in banner.inner_text()
    assert page.locator(".pdf-line").count() == 0  # no PDF is made before it is published


def test_a_published_briefing_has_no_banner_in_the_preview(page, preview_url):
    page.goto(f"{preview_url}/en/briefings/{CORRECTED}/")
    assert page.locator(".admonition-title").all_inner_texts() == ["Correction, Sunday, November 2, 2025"]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_an_old_address_takes_the_reader_to_the_renamed_briefing(page, preview_url, language):
    page.goto(f"{preview_url}/{language}/briefings/{ALIAS}/")
    page.wait_for_url(f"{preview_url}/{language}/briefings/{CORRECTED}/")
    assert page.locator("h1").inner_text() == {"en": "Briefing sample", "ko": "브리핑 sample"}[language]


def test_the_previews_digests_page_lists_no_draft_and_links_only_pdfs_that_exist(page, preview_url):
    page.goto(f"{preview_url}/en/digests/")
    listed = page.locator("article a[href*='briefings/']").evaluate_all("links => links.map(a => a.href)")
    assert listed == [f"{preview_url}/en/briefings/{CORRECTED}/"]
    pdfs = page.locator("a[type='application/pdf']").evaluate_all("links => links.map(a => a.href)")
    assert pdfs and all(page.request.get(url).status == 200 for url in pdfs)
