"""Nothing runs in the reader's browser: a publication full of payloads, every page opened in Chromium.

Each payload points at a canary server on 127.0.0.1 and bumps `window.__pwned` or opens a
dialog when it runs; the pages, feeds, search index and PDFs must trigger none of them.
"""

from __future__ import annotations

import shutil
import time

import pytest

from briefing.cli import main

from support import pdftools
from support.hostile_runner import PASSWD
from support.payloads import MARK, html_payloads, live_markup_in_site, markdown_payloads, yaml_text
from support.project import REPO, write_tree
from support.web import serve_folder

ALIAS = "2025-10-30-renamed"  # the withdrawn briefing's old id: a redirect page


def payload_project(root, canary_url: str):
    """One article and two briefings (one corrected, one withdrawn and renamed) with a payload in every text field, and in the
    settings (the header's and footer's too)."""
    p = html_payloads(canary_url)
    q = [yaml_text(payload) for payload in p]
    body = "\n\n".join(p + markdown_payloads(canary_url))
    return write_tree(
        root,
        {
            "mkdocs.yml": f"""\
            site_name: Test Briefing
            site_url: https://briefing.test/
            copyright: {q[11]}
            theme: {{name: material, font: false}}
            markdown_extensions: [admonition, attr_list, md_in_html]
            extra:
              briefing:
                languages: [en, ko]
                timezone: Asia/Seoul
                site_name: {{en: {q[6]}, ko: {q[5]}}}
                description: {{en: {q[1]}, ko: {q[3]}}}
                author: {{en: {q[0]}, ko: {q[2]}}}
                short_name: {{en: {q[12]}, ko: {q[13]}}}
                footer:
                  about: {{en: {q[14]}, ko: {q[4]}}}
                  contact: desk@briefing.test
                  disclaimer: {{en: {q[3]}, ko: {q[1]}}}
                  links: [{{name: {{en: {q[9]}, ko: {q[10]}}}, url: "https://briefing.test/about/"}}]
                topics:
                  alliance: {{en: {q[7]}, ko: {q[8]}}}
                  summit: {{en: {q[9]}, ko: {q[10]}}}
            """,
            "content/articles/2025/2025-10-30-payload.md": "\n".join(
                [
                    "---",
                    "id: 2025-10-30-payload",
                    f"title: {q[5]}",
                    f'source: {{name: {q[0]}, section: {q[4]}, url: "https://news.example/{MARK}?q=%22%3E%3Cscript%3E"}}',
                    f"author: {q[1]}",
                    "published: 2025-10-30T11:50:28+09:00",
                    "language: en",
                    "topics: [alliance, summit]",
                    f"editor_note: {yaml_text(' '.join(p))}",
                    "rights: full",  # every payload of the body on the page and in the PDF (tests/e2e/test_rights_build.py: excerpts)
                    "---",
                    body,
                ]
            ),
            "briefings/2025-10-31-payload.yaml": "\n".join(
                [
                    "id: 2025-10-31-payload",
                    "date: 2025-10-31",
                    f"title: {{en: {q[0]}, ko: {q[6]}}}",
                    f"summary: {{en: {yaml_text(' '.join(p))}, ko: {yaml_text(' '.join(reversed(p)))}}}",
                    "key_points:",
                    *(f"  - {{en: {item}, ko: {item}}}" for item in q),
                    "topics: [alliance, summit]",
                    "articles: [2025-10-30-payload]",
                    f"corrections: [{{date: 2025-11-01, en: {q[3]}, ko: {yaml_text(' '.join(p))}}}]\n",
                ]
            ),
            "briefings/2025-10-30-withdrawn.yaml": "\n".join(
                [
                    "id: 2025-10-30-withdrawn",
                    "date: 2025-10-30",
                    f"title: {{en: {q[2]}, ko: {q[1]}}}",
                    f"summary: {{en: {q[4]}, ko: {q[5]}}}",
                    f"key_points: [{{en: {q[6]}, ko: {q[7]}}}]",
                    "articles: [2025-10-30-payload]",
                    f"withdrawn: {{date: 2025-11-02, en: {yaml_text(' '.join(p))}, ko: {q[8]}}}",
                    f"aliases: [{ALIAS}]\n",
                ]
            ),
        },
    )


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory, canary):
    root = payload_project(tmp_path_factory.mktemp("payloads") / "project", canary[0])
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, root / folder)
    assert main(["--project", str(root), "build", "-q"]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def site_url(payload_site):
    server, url = serve_folder(payload_site)
    yield url
    server.shutdown()


LIVE_DOM = """() => [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]
    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data|file|vbscript):/i.test(a.value) && /href|src|action|data/.test(a.name))
    .map(a => `<${element.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`))"""


def state(page) -> dict:
    """What content script would leave behind: the sentinel it bumps, and live attributes in the DOM."""
    return {"pwned": page.evaluate("() => window.__pwned || 0"), "live": page.evaluate(LIVE_DOM)}


def visit(page, url: str, redirect: bool) -> dict:
    page.goto(url, wait_until="commit" if redirect else "load")
    if redirect:  # a renamed briefing's old address: the page it sends the reader to is the one to look at
        page.wait_for_url(lambda address: address != url)
    return state(page)


def test_every_page_shows_the_payloads_as_text_and_runs_none(browser, payload_site, site_url, canary):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = sorted(path.relative_to(payload_site).as_posix() for path in payload_site.rglob("*.html"))
    assert len(pages) >= 19
    results = {path: visit(page, f"{site_url}/{path}".removesuffix("index.html"), f"/{ALIAS}/" in path) for path in pages}
    time.sleep(1)  # an image or frame that slipped through would have fetched the canary by now
    context.close()
    assert dialogs == []
    assert {path: result for path, result in results.items() if result["pwned"] or result["live"]} == {}
    assert canary[1] == []
    article = (payload_site / "en/articles/2025-10-30-payload/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned" in article  # shown, as text
    footer = article.split('<footer class="md-footer briefing-footer">')[1]
    assert footer.count(MARK) >= 4 and "&lt;/title&gt;&lt;script&gt;" in footer  # about, disclaimer, link, copyright: as text


@pytest.mark.parametrize("language", ["en", "ko"])
def test_search_results_render_payload_titles_as_text(browser, site_url, canary, language):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{site_url}/{language}/")
    page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta").wait_for(timeout=15000)
    page.keyboard.insert_text(MARK)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    time.sleep(0.5)
    results, found = page.locator(".md-search-result__item").count(), state(page)
    context.close()
    assert results >= 1
    assert (dialogs, found, canary[1]) == ([], {"pwned": 0, "live": []}, [])


def test_feeds_and_search_index_carry_the_payloads_inert(payload_site, canary):
    for name in ("en/feed.xml", "en/atom.xml", "en/feed.json", "ko/feed.xml"):
        assert MARK in (payload_site / name).read_text(encoding="utf-8"), name
    for language in ("en", "ko"):  # the search's page fragments, shown by the search worker
        assert any(MARK in page.read_text(encoding="utf-8") for page in (payload_site / language / "search" / "pages").glob("*.json"))
    assert live_markup_in_site(payload_site, canary[0]) == {}


def test_pdfs_show_the_payloads_as_text_and_carry_no_actions(payload_site, canary, tmp_path):
    """The briefing's PDFs (the article's body in full) and its week's digest, in both languages."""
    pdfs = sorted((payload_site / "pdf").rglob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        assert pdftools.hazards(pdf) == [], pdf.name
        assert PASSWD not in pdftools.inflated(pdf, tmp_path), pdf.name
    text = pdftools.squashed(pdftools.text(payload_site / "pdf" / "2025-10-31-payload.en.pdf"))
    _, appendix = text.split("SOURCEARTICLES")  # the article in full: its body (the editor's note is never printed)
    assert [payload for payload in html_payloads(canary[0]) if pdftools.squashed(payload) not in text] == []  # the summary has all
    assert "Editor'snote" not in appendix
    assert pdftools.squashed("A paragraph pwn3d{: onclick=\"alert('pwn3d')\"") in appendix  # Markdown's attribute list: text
    assert canary[1] == []
