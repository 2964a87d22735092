"""Property tests for ingest: whatever a source holds, the parsers answer a draft or a clear refusal,
slugs are always safe file names, and whatever ingest writes passes `briefing check` and renders inert.

The parsers take bytes from anyone: feedparser, trafilatura and our own code on top must
never raise anything but NotAFeed or Unusable (the CLI's one-line refusals). A draft
they return goes the CLI's way (finish: language, editor note, limits; then the store),
and the file the store writes is loaded by the real loader in a fresh project.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.diagnostics import Problems
from briefing.ingest.draft import Unusable
from briefing.ingest.feed_reader import NotAFeed, parse_feed
from briefing.ingest.html_page import parse_page
from briefing.ingest.pasted import parse_pasted
from briefing.ingest.run import finish
from briefing.ingest.slug import MAX_LENGTH, slugify
from briefing.ingest.sources import decode_text, page_kind
from briefing.ingest.store import Store
from briefing.load import load
from briefing.load.config import load_config
from briefing.load.fields import SLUG
from briefing.outputs.site.article_html import article_html

from support.ingest_fixtures import SEEDS
from support.payloads import html_payloads, live_markup, markdown_payloads
from support.project import CONFIG

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ZONE = "Asia/Seoul"

TRAPS = ["../", "..", "/", "\\", "\x00", ".", "-", "~", "CON", "%2e%2e%2f", "\u202e", "\u200b", "é", "북한", "ß", "ﬁ", "İ", "𓀀", "😀", " "]
titles = st.one_of(st.text(max_size=120), st.lists(st.sampled_from(TRAPS), max_size=12).map("".join))
seed_lines = [line for seed in sorted(SEEDS.glob("*.txt")) for line in seed.read_text(encoding="utf-8").splitlines()[:40] if line.strip()]
lines = st.one_of(st.sampled_from(seed_lines + html_payloads() + markdown_payloads() + TRAPS), st.text(max_size=80))
pasted = st.one_of(st.text(max_size=400), st.lists(lines, max_size=14).map("\n".join))
fragments = st.one_of(
    st.sampled_from(html_payloads() + markdown_payloads() + ["<p>", "</p>", "<![CDATA[", "]]>", "&", "&#0;", "&lt;b&gt;"]),
    st.text(max_size=60),
)
dates = st.one_of(
    st.sampled_from(
        [
            "Thu, 30 Oct 2025 02:50:28 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0001 00:00:00 +1400",
            "2025-10-30",
            "2025-10-30T11:50:28",
            "2025-13-45T99:99:99+09:00",
            "yesterday",
            "",
        ]
    ),
    st.text(max_size=30),
)
links = st.one_of(
    st.sampled_from(
        [
            "https://x.test/a",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "../../etc/passwd",
            "//x.test/b",
            'https://x.test/a b"c',
            "data:text/html,x",
            "",
        ]
    ),
    st.text(max_size=40),
)


@pytest.fixture(scope="module")
def config_file():
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
        yield Path(folder) / "mkdocs.yml"


def assert_ingests_cleanly(config_file: Path, draft, hint: str | None = None) -> None:
    """The draft, finished and stored as the CLI does in a fresh project, passes `briefing check` and renders inert."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(config_file, root / "mkdocs.yml")
        config = load_config(root, Problems())
        outcome = Store(root, config, {}).add(finish(draft, hint, (), None, config))
        assert outcome.status == "new", outcome
        publication, problems = load(root)
        assert [str(problem) for problem in problems.errors] == []
        (article,) = publication.articles.values()
        assert live_markup(article_html(article.body, article.url)) == []


@settings(max_examples=300, deadline=None)
@given(titles)
def test_a_slug_is_always_a_safe_file_name_inside_its_folder(title):
    slug = slugify(title)
    assert SLUG.match(slug) and 1 <= len(slug) <= MAX_LENGTH, slug
    folder = Path("/srv/project/content/articles/undated")
    assert (folder / f"{slug}.md").resolve().parent == folder
    assert slugify(title) == slug  # the same title, the same file name


@PROPERTY
@given(pasted)
def test_any_pasted_text_gives_an_article_that_passes_check(config_file, text):
    draft = parse_pasted(text, ZONE)
    assert draft.title and "\n" not in draft.title
    if draft.body.strip():  # the CLI refuses a text with no body ("no article text found")
        assert_ingests_cleanly(config_file, draft)


@PROPERTY
@given(st.binary(max_size=600))
def test_any_bytes_as_a_feed_are_drafts_or_a_clear_refusal(data):
    try:
        parse_feed(data, url=None, content_type=None, timezone=ZONE)
    except NotAFeed as refusal:
        assert "\n" not in str(refusal)


@st.composite
def feeds(draw) -> bytes:
    """An RSS feed whose every field is arbitrary text, hostile markup or a trap."""

    def text(strategy) -> str:
        return escape(draw(strategy))

    items = "".join(
        f"<item><title>{text(titles)}</title><link>{text(links)}</link><guid>{text(titles)}</guid><pubDate>{text(dates)}</pubDate>"
        f"<author>{text(titles)}</author><category>{text(titles)}</category>"
        f"<description>{text(st.lists(fragments, max_size=6).map(' '.join))}</description></item>"
        for _ in range(draw(st.integers(1, 3)))
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{text(titles)}</title>'
        f"<link>{text(links)}</link>{items}</channel></rss>"
    ).encode("utf-8", "surrogatepass")


@PROPERTY
@given(feeds())
def test_any_feed_entry_gives_an_article_that_passes_check(config_file, data):
    try:
        parsed = parse_feed(data, url="https://x.test/feed.xml", content_type="application/rss+xml", timezone=ZONE)
    except NotAFeed:
        return
    for draft in parsed.drafts:
        assert_ingests_cleanly(config_file, draft, parsed.language)


@PROPERTY
@given(st.binary(max_size=600), st.sampled_from([None, "text/html", "text/plain", "application/octet-stream", "image/png"]))
def test_any_bytes_as_a_page_are_a_draft_or_a_clear_refusal(data, content_type):
    try:
        if page_kind(data, content_type, "saved") == "html":
            parse_page(data, url=None, timezone=ZONE)
        else:
            parse_pasted(decode_text(data), ZONE)
    except Unusable as refusal:
        assert "\n" not in str(refusal)


@st.composite
def pages(draw) -> bytes:
    """A saved page whose metadata and paragraphs are arbitrary text, hostile markup or traps."""
    meta = "".join(
        f"<meta property={quoteattr(key)} content={quoteattr(draw(value))}>"
        for key, value in (
            ("og:title", titles),
            ("og:url", links),
            ("og:site_name", titles),
            ("article:published_time", dates),
            ("author", titles),
            ("article:section", titles),
        )
        if draw(st.booleans())
    )
    paragraphs = "".join(f"<p>{draw(fragments)} {escape(draw(st.text(max_size=200)))}</p>" for _ in range(draw(st.integers(0, 5))))
    return (
        f"<!doctype html><html><head><title>{escape(draw(titles))}</title>{meta}</head>"
        f"<body><article><h1>{escape(draw(titles))}</h1>{paragraphs}</article></body></html>"
    ).encode("utf-8", "surrogatepass")


@PROPERTY
@given(pages())
def test_any_saved_page_gives_an_article_that_passes_check(config_file, data):
    try:
        draft = parse_page(data, url=None, timezone=ZONE)
    except Unusable:
        return
    if draft.body.strip():
        assert_ingests_cleanly(config_file, draft)
