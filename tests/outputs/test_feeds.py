"""Feeds as feed readers see them: parsed by feedparser, checked against the validators' rules."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import feedparser
import jsonschema
import lxml.html
import pytest

from briefing.cli import main

from support.project import ARTICLE, CONFIG, REPO, write_tree

TITLE_EN = 'Talks <b>"resume"</b> & more'
BRIEFINGS = {
    "briefings/2025-10-31-first.yaml": """\
        id: 2025-10-31-first
        date: 2025-10-31
        title: {en: First briefing, ko: 첫 브리핑}
        summary: {en: The first one., ko: 첫 번째 요약.}
        key_points: [{en: One point., ko: 요점 하나.}]
        topics: [alliance]
        articles: [2025-10-30-sample]
        """,
    "briefings/2025-11-02-second.yaml": f"""\
        id: 2025-11-02-second
        date: 2025-11-02
        published: 2025-11-02T09:30:00+09:00
        title: {{en: '{TITLE_EN}', ko: "한미 '협의' 재개 <script>alert(1)</script>"}}
        summary: {{en: Seoul and Washington resume talks., ko: 한미가 협의를 재개했다. 똠방각하 뷁}}
        key_points: [{{en: Talks resume., ko: 협의 재개.}}]
        topics: [alliance, summit]
        articles: [2025-10-30-sample]
        """,
    "briefings/2025-11-01-third.yaml": """\
        id: 2025-11-01-third
        date: 2025-11-01
        title: {en: Third briefing, ko: 세 번째 브리핑}
        summary: {en: Third summary., ko: 세 번째 요약.}
        key_points: [{en: Point., ko: 요점.}]
        topics: [summit]
        articles: []
        """,
}
ALL_FEEDS = [
    f"{lang}/{folder}{name}"
    for lang in ("en", "ko")
    for folder in ("", "topics/alliance/", "topics/summit/")
    for name in ("feed.xml", "atom.xml", "feed.json")
]


def make(root: Path, extra: dict | None = None) -> Path:
    write_tree(root, {"mkdocs.yml": CONFIG, "content/articles/2025/2025-10-30-sample.md": ARTICLE, **BRIEFINGS, **(extra or {})})
    for folder in ("templates", "locales"):
        if not (root / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


def build(root: Path) -> Path:
    assert main(["--project", str(root), "build", "-q"]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(make(tmp_path_factory.mktemp("feeds") / "project"))


def parsed(site: Path, path: str):
    return feedparser.parse((site / path).read_bytes())


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_every_feed_parses_cleanly(site, path):
    if path.endswith(".json"):
        jsonschema.validate(
            json.loads((site / path).read_text(encoding="utf-8")),
            json.loads((Path(__file__).parent / "schemas/jsonfeed-1.1.schema.json").read_text()),
        )
        return
    feed = parsed(site, path)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.entries


def test_items_newest_first_with_localized_text_and_exact_round_trip(site):
    for name in ("feed.xml", "atom.xml"):
        english, korean = parsed(site, f"en/{name}"), parsed(site, f"ko/{name}")
        assert [e.link for e in english.entries] == [
            f"https://briefing.test/en/briefings/{i}/" for i in ("2025-11-02-second", "2025-11-01-third", "2025-10-31-first")
        ]
        assert english.entries[0].title == TITLE_EN
        assert korean.entries[0].title == "한미 '협의' 재개 <script>alert(1)</script>"
        assert korean.entries[0].summary == "한미가 협의를 재개했다. 똠방각하 뷁"
        assert korean.feed.title == "시험 브리핑" and korean.feed.language.startswith("ko")
        assert english.feed.link == "https://briefing.test/en/"
        published = english.entries[0].published_parsed
        assert (published.tm_year, published.tm_mon, published.tm_mday, published.tm_hour) == (2025, 11, 2, 0)  # 09:30 KST in UTC


def test_json_feed_items_and_dates(site):
    document = json.loads((site / "ko/feed.json").read_text(encoding="utf-8"))
    first = document["items"][0]
    assert document["language"] == "ko" and document["home_page_url"] == "https://briefing.test/ko/"
    assert first["title"] == "한미 '협의' 재개 <script>alert(1)</script>"
    assert first["date_published"] == "2025-11-02T09:30:00+09:00"
    assert first["tags"] == ["한미동맹", "정상외교"]
    assert "<script>" not in first["content_html"]


def test_rss_follows_the_validator_rules(site):
    for path in (p for p in ALL_FEEDS if p.endswith("feed.xml")):
        channel = ET.parse(site / path).getroot().find("channel")
        self_link = channel.find("{http://www.w3.org/2005/Atom}link[@rel='self']")
        assert self_link.get("href") == f"https://briefing.test/{path}"
        for tag in ("title", "link", "description", "language", "lastBuildDate"):
            assert channel.findtext(tag), tag
        items = channel.findall("item")
        guids = [item.findtext("guid") for item in items]
        assert len(guids) == len(set(guids))
        dates = [channel.findtext("lastBuildDate")] + [item.findtext("pubDate") for item in items]
        for value in dates:
            assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}", value)
        # lastBuildDate is the newest item's date, never the build time.
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == max(parsedate_to_datetime(d) for d in dates[1:])
        for item in items:
            assert_absolute(item.findtext("link"))
            for field in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded"):
                assert_safe_html(item.findtext(field))


def test_atom_follows_the_validator_rules(site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for path in (p for p in ALL_FEEDS if p.endswith("atom.xml")):
        feed = ET.parse(site / path).getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == path[:2]
        assert feed.find("a:link[@rel='self']", ns).get("href") == f"https://briefing.test/{path}"
        updated = [feed.findtext("a:updated", namespaces=ns)]
        for entry in feed.findall("a:entry", ns):
            for tag in ("id", "title", "updated", "published"):
                assert entry.findtext(f"a:{tag}", namespaces=ns), tag
            assert entry.find("a:author/a:name", ns).text
            alternate = [link for link in entry.findall("a:link", ns) if link.get("rel", "alternate") == "alternate"]
            assert_absolute(alternate[0].get("href"))
            assert_safe_html(entry.findtext("a:content", namespaces=ns))
            updated.append(entry.findtext("a:updated", namespaces=ns))
        for value in updated:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)", value)
        assert updated[0] == max(updated[1:])


def test_content_carries_key_points_and_absolute_source_links(site):
    entry = parsed(site, "ko/atom.xml").entries[0]
    html = entry.content[0].value
    assert "핵심 내용" in html and "협의 재개." in html
    assert 'href="https://briefing.test/ko/articles/2025-10-30-sample/"' in html
    assert 'href="https://news.example/sample"' in html


def test_topic_feeds_hold_only_their_topic(site):
    assert [e.link.split("/")[-2] for e in parsed(site, "en/topics/alliance/feed.xml").entries] == ["2025-11-02-second", "2025-10-31-first"]
    assert parsed(site, "en/topics/summit/atom.xml").feed.title == "Test Briefing — Summit diplomacy"


def test_pages_announce_their_feeds_and_show_a_link(site):
    home = (site / "ko/index.html").read_text(encoding="utf-8")
    topic = (site / "en/topics/summit/index.html").read_text(encoding="utf-8")
    article = (site / "en/articles/2025-10-30-sample/index.html").read_text(encoding="utf-8")
    for page in (home, topic, article):
        assert 'type="application/rss+xml"' in page and 'type="application/atom+xml"' in page and 'type="application/feed+json"' in page
    assert 'href="https://briefing.test/en/topics/summit/atom.xml"' in topic
    assert '<a href="feed.xml" type="application/rss+xml">RSS</a>' in home and "구독" in home
    assert 'href="https://briefing.test/en/feed.xml"' in article  # footer icon on every page


def test_feed_limit_is_configurable(tmp_path):
    root = make(tmp_path / "project")
    (root / "mkdocs.yml").write_text(CONFIG.replace("timezone: Asia/Seoul", "timezone: Asia/Seoul\n    feed_limit: 2"))
    assert len(parsed(build(root), "en/feed.xml").entries) == 2


def test_two_builds_give_identical_feed_bytes(tmp_path, monkeypatch):
    first = build(make(tmp_path / "a"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # January 2027: another time than the clock's, after every briefing
    second = build(make(tmp_path / "b"))
    for path in ALL_FEEDS:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


def test_edited_briefing_is_the_same_entry_with_a_newer_updated(tmp_path):
    root = make(tmp_path / "project")
    before = {e.id: e for e in parsed(build(root), "en/atom.xml").entries}
    edited = textwrap.dedent(BRIEFINGS["briefings/2025-10-31-first.yaml"]).replace("The first one.", "The first one (revised).")
    write_tree(root, {"briefings/2025-10-31-first.yaml": edited + "updated: 2025-11-05T10:00:00+09:00\n"})
    after = {e.id: e for e in parsed(build(root), "en/atom.xml").entries}
    assert after.keys() == before.keys()
    entry_id = next(i for i in after if i.endswith("2025-10-31-first"))
    assert after[entry_id].summary == "The first one (revised)."
    assert after[entry_id].updated_parsed > before[entry_id].updated_parsed
    assert after[entry_id].published_parsed == before[entry_id].published_parsed


def assert_absolute(url: str) -> None:
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.netloc, url


def assert_safe_html(text: str) -> None:
    tree = lxml.html.fragment_fromstring(text, create_parent="div")
    assert not tree.xpath("//script|//iframe|//object|//style")
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.startswith("on"), name
            if name in ("href", "src"):
                assert_absolute(value)


def test_empty_publication_feeds_take_source_date_epoch(tmp_path, monkeypatch):
    root = tmp_path / "project"
    write_tree(root, {"mkdocs.yml": CONFIG})
    shutil.copytree(REPO / "templates", root / "templates")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")
    feed = parsed(build(root), "en/atom.xml")
    assert feed.bozo == 0 and feed.entries == []
    assert feed.feed.updated == "2025-10-09T08:53:20+00:00"
