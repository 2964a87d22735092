"""The built demo passes the Nu HTML checker with no errors, and axe-core in Chromium with no
serious or critical violation, on every page type in both languages.

Both checkers come from npm (package.json, installed by `make test` with `npm ci`).
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from support.project import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = {
    "home": "",
    "briefing": "briefings/2025-10-30-summit-balanced-results/",
    "corrected briefing": "briefings/2025-12-17-summit-follow-up-talks/",
    "article": "articles/2025-10-30-us-diplomatic-circles-summit/",
    "undated article": "articles/summit-follow-up-talks/",
    "archive": "archive/",
    "month": "archive/2025-10/",
    "topics": "topics/",
    "topic": "topics/alliance/",
    "topic without briefings": "topics/inter-korean/",
    "PDF digests": "digests/",
    "glossary": "glossary/",
    "not found": "404.html",
}
BLOCKING = ("serious", "critical")


def test_every_page_is_valid_html(demo_site):
    pages = list(demo_site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(demo_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]  # vnu reports on stderr
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert len(pages) >= 2 * len(PAGE_TYPES)


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    report = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']}: {v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
        for v in report["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_serious_accessibility_violation(browser, demo_url, language, kind):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{demo_url}/{language}/{PAGE_TYPES[kind]}")
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_language_chooser_has_no_serious_accessibility_violation(browser, demo_url):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.route(re.compile(r"/(en|ko)/$"), lambda route: route.abort("aborted"))  # stay: its script redirects
    page.goto(f"{demo_url}/", wait_until="commit")
    page.wait_for_function("document.readyState === 'complete'")
    violations = axe_violations(page)
    context.close()
    assert violations == []
