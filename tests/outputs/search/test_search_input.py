"""The reader's ways into the search box, in Chromium on the built test publication (served under a sub-folder)."""

from __future__ import annotations

import pytest

from support import search_harness as harness

BRIEFING = "briefings/2025-11-14-joint-fact-sheet/"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The publication with our search, published under /desk/briefing/ as on a shared host."""
    root = tmp_path_factory.mktemp("input")
    built = harness.build_sites(root, variants=("ours",))
    (root / "desk").mkdir()
    built["ours"].rename(root / "desk" / "briefing")
    with harness.served(root) as url:
        yield f"{url}/desk/briefing"


@pytest.fixture
def page(browser, site_url):
    """The Korean home page, each search file fetched recorded."""
    page = browser.new_page()
    page.fetched = []
    page.on("request", lambda request: page.fetched.append(request.url) if "/search/" in request.url else None)
    page.goto(f"{site_url}/ko/")
    yield page
    page.close()


def found(page) -> list[str]:
    link = page.locator(f".md-search-result__item a[href*='{BRIEFING}']").first
    link.wait_for(timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")


def test_opening_a_page_fetches_only_the_manifest_until_the_first_query(page, site_url):
    page.keyboard.press("/")  # Material's key: focus the search box
    page.locator(".md-search-result__meta", has_text=harness.READY["ko"]).wait_for(timeout=15000)
    assert page.fetched == [f"{site_url}/ko/search/search_index.json"]
    page.keyboard.insert_text("회담")  # one query, as an input method commits the word
    page.keyboard.press("End")
    found(page)
    shards = [url for url in page.fetched if "/search/terms/" in url]
    fragments = [url for url in page.fetched if "/search/pages/" in url]
    assert 1 <= len(shards) <= 3 and 1 <= len(fragments) <= 10  # its own terms and the results shown
    assert all(url.startswith(f"{site_url}/ko/search/") for url in page.fetched)  # under the sub-folder


def test_typed_keys_find_and_keys_move_and_open(page, site_url):
    page.keyboard.press("s")
    page.wait_for_function("document.getElementById('__search').checked")  # open, as the reader sees before typing
    page.keyboard.type("jungsang")  # nothing: the list says so, and typing on finds results
    page.keyboard.press("Escape")  # Escape closes the search
    assert not page.is_checked("#__search")
    page.keyboard.press("/")  # and / opens it again
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("정상회담")
    assert any(BRIEFING in href for href in found(page))
    page.keyboard.press("ArrowDown")  # the first result takes the focus
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith(f"{site_url}/ko/")
    page.keyboard.press("Enter")  # and Enter opens it
    page.wait_for_url(focused.split("#")[0] + "**")


def test_text_composed_by_an_input_method_without_key_events_finds(page):
    page.locator("input.md-search__input").focus()
    page.evaluate("""() => {
      const box = document.querySelector("input.md-search__input")
      box.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }))
      for (const text of ["ㅎ", "회", "회담"]) {
        box.value = text
        box.dispatchEvent(new InputEvent("input", { bubbles: true, data: text, inputType: "insertCompositionText", isComposing: true }))
      }
      box.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "회담" }))
      box.dispatchEvent(new InputEvent("input", { bubbles: true, data: "회담", inputType: "insertText" }))
    }""")
    assert any(BRIEFING in href for href in found(page))


def test_pasted_text_finds(page):
    page.locator("input.md-search__input").focus()
    page.evaluate("""() => {
      const box = document.querySelector("input.md-search__input")
      const data = new DataTransfer()
      data.setData("text/plain", "공동 팩트시트")
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }))
      box.value = "공동 팩트시트"
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }))
    }""")
    assert found(page)[0].startswith(BRIEFING) or BRIEFING in found(page)[0]
