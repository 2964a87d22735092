"""The publication as every output sees it: typed, validated, immutable, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from types import MappingProxyType


@dataclass(frozen=True)
class Localized:
    """One text in several languages; `in_language` applies the fallback rule."""

    texts: Mapping[str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", MappingProxyType(dict(self.texts)))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.texts.items())))

    def __reduce__(self):
        """Picklable for worker processes (a mappingproxy is not)."""
        return Localized, (dict(self.texts),)

    def in_language(self, language: str, fallback_order: tuple[str, ...]) -> tuple[str, str]:
        """(text, language it is in): the requested one, else the first available by preference."""
        if self.texts.get(language):
            return self.texts[language], language
        for other in fallback_order:
            if self.texts.get(other):
                return self.texts[other], other
        return "", language


@dataclass(frozen=True)
class Topic:
    slug: str
    name: Localized


@dataclass(frozen=True)
class Source:
    name: str | None = None
    section: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class FeedSource:
    """A feed that `briefing ingest` pulls (extra.briefing.sources); its topics tag every new article."""

    name: str
    url: str
    language: str | None = None  # used when an entry has too little text to tell its language
    topics: tuple[str, ...] = ()
    rights: str | None = None  # full, excerpt or link (rights.py): what its articles publish unless they say


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    source: Source
    author: str | None
    published: datetime | None
    language: str
    topics: tuple[str, ...]
    body: str  # the whole text, for editors; the public outputs show what `rights` allows (outputs/site/excerpt.py)
    editor_note: str | None = None
    rights: str = "excerpt"  # full, excerpt or link: its own setting, else its feed source's (rights.py)

    @property
    def url(self) -> str | None:
        return self.source.url


DRAFT, PUBLISHED = "draft", "published"  # a briefing's `status`


@dataclass(frozen=True)
class Notice:
    """A dated word to readers in every language: a correction, or why a briefing was withdrawn."""

    date: datetime
    text: Localized


@dataclass(frozen=True)
class Briefing:
    id: str
    date: date
    published: datetime  # `published:` in the file, else the date's midnight in the publication's zone
    updated: datetime  # the latest of `updated:`, `published` and its corrections' dates
    title: Localized
    summary: Localized
    key_points: tuple[Localized, ...]
    topics: tuple[str, ...]
    articles: tuple[str, ...]
    status: str = PUBLISHED  # DRAFT: shown only in the preview
    corrections: tuple[Notice, ...] = ()  # oldest first
    withdrawn: Notice | None = None  # its page says so in place of its content; nothing lists it
    aliases: tuple[str, ...] = ()  # earlier ids: their addresses redirect to this briefing


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # its own name, as the language selector shows it


@dataclass(frozen=True)
class MailSettings:
    """`extra.briefing.mail`: who the e-mail edition comes from and how a reader leaves the list."""

    sender: str  # "Desk <desk@example.org>"
    reply_to: str | None = None
    list_id: str | None = None  # default: from the site's host
    unsubscribe_url: str | None = None  # an https page
    unsubscribe_email: str | None = None
    subject_prefix: str = ""
    subscribers: str = "subscribers.csv"  # under the project, never inside site/ or build/


@dataclass(frozen=True)
class Link:
    name: Localized
    url: str  # an http(s) address


@dataclass(frozen=True)
class Logo:
    """The desk's logo (`theme.logo`), read once: outputs never read the project's files."""

    suffix: str  # ".svg", ".png", ...
    data: bytes


@dataclass(frozen=True)
class Identity:
    """The desk's face on every page: short name, logo, colours and what its footer says.

    Each piece is optional: without it the theme shows a neutral design, never Material's stock face.
    """

    short_name: Localized | None = None  # the header on a phone
    logo: Logo | None = None
    primary: str | None = None  # `theme.palette.primary`: a Material colour name or "#rrggbb"
    accent: str | None = None
    about: Localized | None = None
    contact: str | None = None  # an e-mail or web address
    copyright: Localized | None = None  # Material's `copyright`, in each language
    disclaimer: Localized | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Config:
    site_name: Localized
    description: Localized
    site_url: str
    languages: tuple[Language, ...]
    timezone: str
    topics: Mapping[str, Topic]
    optional_languages: tuple[str, ...] = ()  # a published briefing may lack these (readers see another language, marked)
    author: Localized | None = None
    home_limit: int = 20
    feed_limit: int = 50
    sources: tuple[FeedSource, ...] = ()
    mail: MailSettings | None = None
    identity: Identity = field(default_factory=Identity)
    base: Mapping = field(default_factory=dict)  # the rest of mkdocs.yml, for the engine

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)


@dataclass(frozen=True)
class GlossaryEntry:
    """One term in every language: per language its preferred form first, then variants."""

    terms: Mapping[str, tuple[str, ...]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", MappingProxyType(dict(self.terms)))

    def __reduce__(self):
        """Picklable for worker processes (a mappingproxy is not)."""
        return GlossaryEntry, (dict(self.terms),)


@dataclass(frozen=True)
class Publication:
    config: Config
    articles: Mapping[str, Article]
    briefings: tuple[Briefing, ...]  # newest first
    glossary: tuple[GlossaryEntry, ...] = ()  # glossary.yml, in file order
    withdrawn: tuple[Briefing, ...] = ()  # released and then withdrawn: a page each, listed nowhere (release.py)
    as_of: datetime | None = None  # the moment it was released for (release.py); None: as loaded, every briefing

    def briefing(self, briefing_id: str) -> Briefing | None:
        return self._briefings_by_id.get(briefing_id)

    def briefings_citing(self, article_id: str) -> list[Briefing]:
        return self._citing.get(article_id, [])

    def briefings_on(self, topic: str) -> list[Briefing]:
        return self._briefings_by_topic.get(topic, [])

    def articles_on(self, topic: str) -> list[Article]:
        return self._articles_by_topic.get(topic, [])

    # Indexes built once on first use: asked per page, a scan would make the build quadratic.
    @cached_property
    def _briefings_by_id(self) -> dict[str, Briefing]:
        return {b.id: b for b in self.briefings}

    @cached_property
    def _citing(self) -> dict[str, list[Briefing]]:
        return _group((article_id, b) for b in self.briefings for article_id in b.articles)

    @cached_property
    def _briefings_by_topic(self) -> dict[str, list[Briefing]]:
        return _group((topic, b) for b in self.briefings for topic in b.topics)

    @cached_property
    def _articles_by_topic(self) -> dict[str, list[Article]]:
        newest_first = sorted(
            self.articles.values(),
            key=lambda a: (a.published is None, -(a.published.timestamp() if a.published else 0), a.id),
        )
        return _group((topic, a) for a in newest_first for topic in a.topics)


def _group(pairs) -> dict:
    """key -> values in the order given."""
    groups: dict = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return groups
