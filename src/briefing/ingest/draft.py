"""An article on its way into content/: what one feed entry, saved page or pasted text yields."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime


class Unusable(Exception):
    """A source ingest can make no article of; the message says why, in one line."""


@dataclass(frozen=True)
class Draft:
    title: str
    body: str  # Markdown, already sanitized and escaped
    source_name: str | None = None
    section: str | None = None
    url: str | None = None
    guid: str | None = None  # the feed's entry id, when it differs from the URL
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    topics: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what ingest inferred or could not find: the editor note
    slug: str | None = None  # an editor's choice (`--slug`); else made from the title
    rights: str | None = None  # its feed source's `rights`, written into the file so the editor sees what is published

    def with_topics(self, topics: tuple[str, ...]) -> Draft:
        merged = tuple(dict.fromkeys(self.topics + tuple(topics)))
        return replace(self, topics=merged)

    @property
    def editor_note(self) -> str | None:
        return " ".join(self.notes) or None
