"""Never silent: a paywalled teaser is written with a note `check` keeps warning about; a notice is refused; boxes are cut."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys

import lxml.html
import pytest

from briefing.ingest.chrome import rules
from briefing.ingest.html_page import parse_page

from support.ingest_fixtures import BENCHMARK_PAGES, PAYWALLED_PAGE, REAL_PAGES, articles, front_matter
from support.project import copy_demo_settings


def cli(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def project(tmp_path):
    copy_demo_settings(tmp_path)
    return tmp_path


def test_paywalled_page_is_written_with_a_note_check_warns_about_until_an_editor_clears_it(project):
    assert cli(project, "ingest", "page", str(PAYWALLED_PAGE)).returncode == 0  # saved compressed (.html.gz), as it is
    (path,) = articles(project).values()
    note = front_matter(path)[0]["editor_note"]
    assert note.startswith("CHECK: the page marks its article as for subscribers only")
    checked = cli(project, "check")
    assert re.search(
        rf"{re.escape(path.relative_to(project).as_posix())}:\d+:\d+: editor_note: warning: ingest asks for a check", checked.stderr
    )
    path.write_text(path.read_text(encoding="utf-8").replace("CHECK: the", "Checked: the"), encoding="utf-8")
    assert "editor_note" not in cli(project, "check").stderr


def _real_notice() -> str:
    """The cookie notice the KBS World page shows under its article."""
    tree = lxml.html.fromstring((REAL_PAGES / "kbs-world_en_2023-11-07_cold-wave.html").read_bytes())
    return next(" ".join(p.text_content().split()) for p in tree.iter("p") if "uses cookies" in p.text_content())


def test_notices_from_real_pages_are_recognised_and_article_text_is_not():
    chrome = rules()
    assert chrome.match("notice", _real_notice())
    with gzip.open(PAYWALLED_PAGE) as page:
        tree = lxml.html.fromstring(page.read())
    teaser = [" ".join(p.text_content().split()) for p in tree.xpath("//div[contains(@class,'wsj-snippet-body')]//p")]
    assert teaser and not any(chrome.match("notice", text) for text in teaser)


def test_page_whose_text_is_only_a_notice_is_refused_naming_the_file(project, tmp_path):
    page = tmp_path / "notice.html"
    page.write_text(f"<html><head><title>Cold wave</title></head><body><article><p>{_real_notice()}</p></article></body></html>")
    result = cli(project, "ingest", "page", str(page))
    assert result.returncode != 0
    assert f"failed     {page.name}: the page's text is a notice, not an article: 'This website uses cookies" in result.stderr
    assert "Traceback" not in result.stderr and not articles(project)


@pytest.mark.parametrize(
    "key, boxes, kept",
    [
        ("3f65af7b6b98b1c9", ["Have a tip?", "Subscribe to NJ.com"], "Consider this 2014 entry"),  # nj.com: tip and newsletter boxes
        ("4a44ab3e4c41d56c", ["Also on rt.com", "Like this story?"], "Bolivia"),  # rt.com: a promo and a share box
        # morebikes.co.uk: a shortcode left as text, a subscription offer, the comment box's headings
        ("30b771a40a4e9615", ["[button", "through your letterbox", "Tell us what YOU think", "comments"], "remember how cool you are"),
        ("360c732d1fdbfc68", ["Read more:"], "next Tuesday"),  # cityam.com: promos between paragraphs
        ("624fcd903d56fc70", ["SEE MORE:", "DON'T MISS"], "meaningful political dialogue"),  # express.co.uk: promo lines
    ],
)
def test_tip_newsletter_share_promo_and_comment_boxes_of_benchmark_pages_are_cut(key, boxes, kept):
    (path,) = BENCHMARK_PAGES.glob(f"{key}*.html.gz")
    body = parse_page(gzip.decompress(path.read_bytes()), url=None, timezone="UTC").body
    assert kept in body and not [box for box in boxes if box in body]


def test_a_compressed_page_that_unpacks_past_the_size_limit_is_refused(project, tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body>" + b" " * (11 * 1024 * 1024)))  # 11 KB that unpack to 11 MB
    refused = cli(project, "ingest", "page", str(bomb))
    assert "unpacks to over the 10.0 MB limit" in refused.stdout + refused.stderr and not articles(project)
