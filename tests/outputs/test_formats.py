"""The formats table walked against the built demo: every output where the table says, of its media type, announced where it says."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import lxml.html

from briefing.cli import main
from briefing.load import load_or_raise
from briefing.outputs import formats
from briefing.outputs.feeds import feed_folders
from briefing.outputs.periods import weekly_digests
from briefing.outputs.site.pages import page_list, url_path

# What MkDocs and Material write besides our outputs: the theme's assets and a 404 page per language.
ENGINE_FILES = re.compile(r"^[a-z]{2}/(assets/.*|404\.html)$")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def expected_files(publication, site: Path) -> dict[str, formats.Format]:
    """Every file the table says the publication has, and its format."""
    expected = {
        formats.LANGUAGE_CHOOSER.path_for(): formats.LANGUAGE_CHOOSER,
        formats.SITEMAP_FILE.path_for(): formats.SITEMAP_FILE,
        formats.ROBOTS_FILE.path_for(): formats.ROBOTS_FILE,
    }
    for language in publication.config.language_codes:
        for page in page_list(publication):
            expected[formats.PAGE.path_for(language=language, key=url_path(page.path)) + "index.html"] = formats.PAGE
        for folder in feed_folders(publication):
            expected |= {feed.path_for(language=language, folder=folder): feed for feed in formats.FEEDS}
        for briefing in publication.briefings:
            expected[formats.BRIEFING_PDF.path_for(key=briefing.id, language=language)] = formats.BRIEFING_PDF
            expected |= {formats.REDIRECT.path_for(key=alias, language=language): formats.REDIRECT for alias in briefing.aliases}
        for digest in weekly_digests(publication):
            expected[formats.DIGEST_PDF.path_for(key=digest.period.key, language=language)] = formats.DIGEST_PDF
        for key in ["home", *(briefing.id for briefing in publication.briefings)]:
            expected[formats.CARD.path_for(key=key, language=language)] = formats.CARD
        expected[formats.SEARCH_INDEX.path_for(language=language)] = formats.SEARCH_INDEX
        for sitemap in (formats.LANGUAGE_SITEMAP, formats.LANGUAGE_SITEMAP_GZ):
            expected[sitemap.path_for(language=language)] = sitemap
        expected[formats.SEARCH_PAGES.path_for(language=language)] = formats.SEARCH_PAGES
        expected |= search_fragments(site, language)
    return expected


def search_fragments(site: Path, language: str) -> dict[str, formats.Format]:
    """The numbered search files: as many shards as the manifest names, a page fragment per page of the page table."""
    manifest = json.loads((site / formats.SEARCH_INDEX.path_for(language=language)).read_text(encoding="utf-8"))
    pages = json.loads((site / formats.SEARCH_PAGES.path_for(language=language)).read_text(encoding="utf-8"))
    numbered = {formats.SEARCH_SHARD: len(manifest["config"]["briefing"]["shards"]), formats.SEARCH_PAGE: len(pages["lengths"])}
    return {kind.path_for(language=language, key=str(n)): kind for kind, count in numbered.items() for n in range(count)}


def test_the_site_holds_every_published_format_and_nothing_the_table_does_not_name(demo_site):
    publication = load_or_raise(demo_site.parent)
    expected = expected_files(publication, demo_site)
    assert {f.name for f in expected.values()} == {f.name for f in formats.FORMATS.values() if f.published}
    built = {path.relative_to(demo_site).as_posix() for path in demo_site.rglob("*") if path.is_file()}
    assert sorted(set(expected) - built) == []
    assert sorted(path for path in built - set(expected) if not ENGINE_FILES.match(path)) == []


def test_every_file_is_of_its_formats_media_type(demo_site):
    for path, kind in expected_files(load_or_raise(demo_site.parent), demo_site).items():
        assert looks_like(kind.media_type, (demo_site / path).read_bytes()), (path, kind.media_type)


def looks_like(media_type: str, data: bytes) -> bool:
    if media_type == "text/html":
        return data.lstrip().lower().startswith(b"<!doctype html")
    if media_type == "application/pdf":
        return data.startswith(b"%PDF-")
    if media_type == "application/gzip":
        return looks_like("application/xml", gzip.decompress(data))
    if media_type == "image/png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if media_type in ("application/json", "application/feed+json"):
        document = json.loads(data)
        return media_type == "application/json" or document["version"] == "https://jsonfeed.org/version/1.1"
    if media_type == "text/plain":
        return bool(data.decode("utf-8").strip())
    root = ET.fromstring(data).tag
    return {
        "application/rss+xml": "rss",
        "application/atom+xml": "{http://www.w3.org/2005/Atom}feed",
        "application/xml": f"{SITEMAP_NS}urlset",
    }[media_type] == root


def test_feeds_are_announced_in_every_head_and_the_subscribe_box(demo_site):
    root = "https://briefing.example.org/"
    for language in ("en", "ko"):
        home = lxml.html.parse(str(demo_site / language / "index.html")).getroot()
        topic = lxml.html.parse(str(demo_site / language / "topics/alliance/index.html")).getroot()
        for kind in formats.announced_in(formats.HEAD):
            for page, folder in ((home, ""), (topic, ""), (topic, "topics/alliance/")):
                links = page.xpath(f'//head/link[@rel="alternate"][@type="{kind.media_type}"]/@href')
                assert root + kind.path_for(language=language, folder=folder) in links
        box = home.xpath('//p[@class="feed-links"]/a')
        assert [(a.get("href"), a.get("type"), a.text) for a in box] == [
            (kind.file, kind.media_type, kind.label) for kind in formats.announced_in(formats.SUBSCRIBE)
        ]


def test_pages_are_in_the_sitemap_and_the_sitemap_in_robots(demo_site):
    publication = load_or_raise(demo_site.parent)
    site_url = publication.config.site_url
    locations = {loc.text for loc in ET.parse(demo_site / formats.SITEMAP_FILE.path_for()).iter(f"{SITEMAP_NS}loc")}
    pages = {
        site_url + formats.PAGE.path_for(language=language, key=url_path(page.path))
        for language in publication.config.language_codes
        for page in page_list(publication)
    }
    assert locations == pages
    robots = (demo_site / formats.ROBOTS_FILE.path_for()).read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}{formats.SITEMAP_FILE.path_for()}" in robots.splitlines()


def test_pdfs_are_linked_from_briefing_and_digests_pages(demo_site):
    publication = load_or_raise(demo_site.parent)
    for language in publication.config.language_codes:
        digests_page = demo_site / language / "digests/index.html"
        for digest in weekly_digests(publication):
            for other in publication.config.language_codes:
                assert linked_pdf(digests_page, demo_site, formats.DIGEST_PDF.path_for(key=digest.period.key, language=other))
        for briefing in publication.briefings:
            page = demo_site / language / "briefings" / briefing.id / "index.html"
            for other in publication.config.language_codes:
                assert linked_pdf(page, demo_site, formats.BRIEFING_PDF.path_for(key=briefing.id, language=other))


def linked_pdf(page: Path, site: Path, target: str) -> bool:
    """Whether `page` links `target` (a path under site/) with the PDF media type."""
    for link in lxml.html.parse(str(page)).getroot().xpath('//a[@type="application/pdf"]'):
        if (page.parent / link.get("href")).resolve() == (site / target).resolve():
            return True
    return False


def test_briefing_pdf_writes_the_unpublished_digest_format(demo_site, tmp_path):
    publication = load_or_raise(demo_site.parent)
    first = publication.briefings[-1].date.isoformat()
    assert main(["--project", str(demo_site.parent), "pdf", "--from", first, "--to", first, "--lang", "en", "--output", str(tmp_path)]) == 0
    key = f"{first}_{first}"
    assert [p.name for p in tmp_path.iterdir()] == [formats.PERIOD_DIGEST_PDF.path_for(key=key, language="en")]


def test_pdf_links_name_their_language_in_it(demo_site):
    """ "PDF (한국어)" on an English page: the language's name carries its `lang`, so it is shaped and broken as Korean."""
    for language in ("en", "ko"):
        page = lxml.html.parse(str(demo_site / language / "briefings" / "2025-10-30-summit-balanced-results" / "index.html")).getroot()
        links = page.xpath('//a[@type="application/pdf"]')
        assert len(links) == 2 and all(link.xpath("span/@lang") == [link.get("hreflang")] for link in links)


def test_each_page_is_dated_by_its_own_last_change_in_every_sitemap(demo_site):
    publication = load_or_raise(demo_site.parent)
    newest = max(b.updated for b in publication.briefings).isoformat()
    briefing = publication.briefings[-1]
    article = next(a for a in publication.articles.values() if a.published)
    expected = {
        "en/": newest,
        f"en/briefings/{briefing.id}/": briefing.updated.isoformat(),
        f"en/articles/{article.id}/": article.published.isoformat(),
        "en/glossary/": None,
    }
    for sitemap in (demo_site / "sitemap.xml", demo_site / "en" / "sitemap.xml"):
        lastmod = {
            url.findtext(f"{SITEMAP_NS}loc").removeprefix(publication.config.site_url): url.findtext(f"{SITEMAP_NS}lastmod")
            for url in ET.parse(sitemap).iter(f"{SITEMAP_NS}url")
        }
        assert {path: lastmod[path] for path in expected} == expected
    assert gzip.decompress((demo_site / "en" / "sitemap.xml.gz").read_bytes()) == (demo_site / "en" / "sitemap.xml").read_bytes()
