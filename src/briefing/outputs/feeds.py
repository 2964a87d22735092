"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 per language, and per topic, built from the model.

feedgen writes the XML; this module only decides what goes in. Every date comes from
the briefings (never the clock), so two builds give the same bytes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from jinja2 import Environment, FileSystemLoader
from markupsafe import escape

from ..i18n import Localizer
from ..model import Briefing, Publication
from .formats import ATOM, CARD, JSON_FEED, PAGE, RSS, Format
from .site.article_html import article_html
from .site.excerpt import published_lead
from .site.markdown_escape import external_url


@dataclass(frozen=True)
class Entry:
    """One briefing as a feed item in one language."""

    id: str
    url: str
    title: str
    summary: str
    content_html: str
    published: datetime
    updated: datetime
    categories: tuple[tuple[str, str], ...]  # (label, topic page URL)
    image: str  # the briefing's social card


@dataclass(frozen=True)
class Feed:
    folder: str  # under the language root: "" or "topics/<slug>/"
    language: str
    title: str
    description: str
    home: str  # absolute URL of the page this feed follows; the feed files sit in its folder
    author: str
    entries: tuple[Entry, ...]

    def path(self, kind: Format) -> str:
        """The feed's file of one kind, under site/."""
        return kind.path_for(language=self.language, folder=self.folder)

    def url(self, kind: Format) -> str:
        return self.home + kind.file


def feed_folders(publication: Publication) -> list[str]:
    """Folders that get feeds: the language root and every topic with briefings."""
    return [""] + [f"topics/{slug}/" for slug in publication.config.topics if publication.briefings_on(slug)]


def write_feeds(publication: Publication, site: Path, templates: Path, locales: Path) -> None:
    env = Environment(
        loader=FileSystemLoader(templates), extensions=["jinja2.ext.i18n"], autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    for language in publication.config.language_codes:
        localizer = Localizer(publication.config, language, locales)
        env.install_gettext_translations(localizer.translations, newstyle=True)
        entries = {b.id: _entry(publication, b, localizer, env) for b in publication.briefings}
        for feed in _feeds(publication, localizer, entries):
            (site / feed.path(RSS)).parent.mkdir(parents=True, exist_ok=True)
            (site / feed.path(RSS)).write_bytes(_xml(feed, RSS))
            (site / feed.path(ATOM)).write_bytes(_xml(feed, ATOM))
            (site / feed.path(JSON_FEED)).write_text(json_feed(feed), encoding="utf-8")


def _feeds(publication: Publication, localizer: Localizer, entries: dict[str, Entry]):
    config, text = publication.config, localizer.text
    home = partial(PAGE.url_for, config.site_url, language=localizer.language)
    site_name = text(config.site_name)
    author = text(config.author or config.site_name)
    for folder in feed_folders(publication):
        if folder:
            topic = config.topics[folder.split("/")[1]]
            title = f"{site_name} — {text(topic.name)}"
            chosen = publication.briefings_on(topic.slug)
        else:
            title, chosen = site_name, publication.briefings
        newest = tuple(entries[b.id] for b in chosen[: config.feed_limit])
        yield Feed(folder, localizer.language, title, text(config.description), home(key=folder), author, newest)


def _entry(publication: Publication, briefing: Briefing, localizer: Localizer, env: Environment) -> Entry:
    config, text, language = publication.config, localizer.text, localizer.language
    page = partial(PAGE.url_for, config.site_url, language=language)
    sources = [
        {
            "page": page(key=f"articles/{article.id}/"),
            "title": article.title,
            "outlet": article.source.name,
            "original": str(external_url(article.url)),
            "lead": article_html(published_lead(article), article.url),
            "language": article.language,
        }
        for article in (publication.articles[article_id] for article_id in briefing.articles)
    ]
    summary = text(briefing.summary)
    corrections = [(localizer.long_date(c.date.date()), text(c.text)) for c in briefing.corrections]  # first: why it was updated
    content = env.get_template("entry.html.j2").render(
        summary=summary, key_points=[text(p) for p in briefing.key_points], sources=sources, corrections=corrections
    )
    host = urlsplit(config.site_url).hostname or "localhost"
    return Entry(
        # A tag URI (RFC 4151) from the id and date: it survives edits and URL changes.
        id=f"tag:{host},{briefing.date.isoformat()}:{language}/briefings/{briefing.id}",
        url=page(key=f"briefings/{briefing.id}/"),
        title=text(briefing.title),
        summary=summary,
        content_html=content,
        published=briefing.published,
        updated=briefing.updated,
        categories=tuple((text(config.topics[t].name), page(key=f"topics/{t}/")) for t in briefing.topics),
        image=CARD.url_for(config.site_url, language=language, key=briefing.id),
    )


def _newest(feed: Feed) -> datetime:
    """The newest item's date; an empty feed takes SOURCE_DATE_EPOCH (else 1970), never the clock."""
    fallback = datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), UTC)
    return max((entry.updated for entry in feed.entries), default=fallback)


def _xml(feed: Feed, kind: Format) -> bytes:
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(feed.url(ATOM))
    generator.title(feed.title)
    # Readers take an RSS channel description as HTML; Atom's subtitle is text.
    generator.description(str(escape(feed.description)) if kind == RSS else feed.description)
    generator.language(feed.language)
    generator.author({"name": feed.author})
    generator.generator("briefing", version=None, uri=None)
    generator.link(href=feed.url(kind), rel="self", type=kind.media_type)
    generator.link(href=feed.home, rel="alternate")  # after self: RSS's <link> is the last one set
    generator.updated(_newest(feed))
    generator.lastBuildDate(_newest(feed))
    for item in feed.entries:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.guid(item.id, permalink=False)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        entry.published(item.published)
        entry.updated(item.updated)
        # Atom <summary> and RSS <description>; readers take an RSS description as HTML, so it is escaped as HTML.
        entry.summary(str(escape(item.summary)), type="html")
        entry.content(item.content_html, type="html")
        entry.author({"name": feed.author})
        entry.dc.dc_creator(feed.author)
        for label, scheme in item.categories:
            entry.category(term=label, scheme=scheme, label=label)
    return generator.rss_str(pretty=True) if kind == RSS else generator.atom_str(pretty=True)


def json_feed(feed: Feed) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": feed.url(JSON_FEED),
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.author}],
        "items": [
            {
                "id": item.id,
                "url": item.url,
                "title": item.title,
                "summary": item.summary,
                "content_html": item.content_html,
                "date_published": item.published.isoformat(),
                "date_modified": item.updated.isoformat(),
                "authors": [{"name": feed.author}],
                "tags": [label for label, _ in item.categories],
                "image": item.image,
                "language": feed.language,
            }
            for item in feed.entries
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
