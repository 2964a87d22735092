"""Each page type of the demo, in both languages, at a desktop and a phone width, looks like its reference image.

A change in look is then a decision, not an accident. The references (tests/e2e/screenshots/) are the top
1280×900 or 390×900 pixels of each page in Chromium, in 32 colours to keep them small; a test fails when
more than MAX_CHANGED of the pixels differ visibly, and leaves the new image and a map of the differences
beside the test's temporary files. To accept a change in look, write the references again and look at them
before committing:

    BRIEFING_UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_screenshots.py

The images are deterministic: the demo's dates are fixed, the fonts are the system's (fonts-noto-cjk on
the test machine; no network), animations and the text cursor are off.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

REFERENCES = Path(__file__).parent / "screenshots"
UPDATE = os.environ.get("BRIEFING_UPDATE_SCREENSHOTS") == "1"
PAGES = {
    "home": "",
    "briefing": "briefings/2025-12-17-summit-follow-up-talks/",
    "article": "articles/2025-10-30-us-diplomatic-circles-summit/",
    "month": "archive/2025-12/",
    "topic": "topics/alliance/",
    "digests": "digests/",
}
WIDTHS = (1280, 390)
HEIGHT = 900
COLOURS = 32
VISIBLE = 48  # a channel differing by more than this is a visible change, less is antialiasing
MAX_CHANGED = 0.002  # share of the pixels that may differ visibly
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }"


def screenshot(browser, url: str, width: int) -> Image.Image:
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, locale="en-US", reduced_motion="reduce")
    page = context.new_page()
    page.goto(url)
    page.add_style_tag(content=STILL)
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")
    image = Image.open(io.BytesIO(page.screenshot()))
    context.close()
    return small(image)


def small(image: Image.Image) -> Image.Image:
    """The image as stored: 32 colours, so two dozen references stay under a megabyte."""
    return image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)


def changed_share(one: Image.Image, other: Image.Image) -> tuple[float, Image.Image]:
    """The share of pixels that differ visibly, and a black image with them in white."""
    difference = ImageChops.difference(one.convert("RGB"), other.convert("RGB"))
    red, green, blue = (band.point(lambda value: 255 if value > VISIBLE else 0) for band in difference.split())
    changed = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return changed.histogram()[255] / (changed.width * changed.height), changed


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("kind", PAGES)
def test_page_looks_as_its_reference(browser, demo_url, tmp_path, kind, language, width):
    actual = screenshot(browser, f"{demo_url}/{language}/{PAGES[kind]}", width)
    reference = REFERENCES / f"{kind}-{language}-{width}.png"
    if UPDATE:
        REFERENCES.mkdir(exist_ok=True)
        actual.save(reference, optimize=True)
        return
    assert reference.is_file(), (
        f"no reference image {reference.name}: write it with BRIEFING_UPDATE_SCREENSHOTS=1 (see this file's docstring)"
    )
    expected = Image.open(reference)
    assert expected.size == actual.size, f"{reference.name}: {actual.size} instead of {expected.size}"
    share, changes = changed_share(expected, actual)
    if share > MAX_CHANGED:
        actual.save(tmp_path / f"actual-{reference.name}")
        changes.save(tmp_path / f"changes-{reference.name}")
    assert share <= MAX_CHANGED, (
        f"{reference.name}: {share:.2%} of the pixels changed (see {tmp_path}); a wanted change: update the references"
    )
