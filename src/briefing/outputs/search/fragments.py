"""The search index in fragments, on Pagefind's idea: a query fetches only its own terms and results.

Material's search worker downloads every page's text before it answers: 18.8 MB at
1,000 briefings. From the engine's index (sections with location, title and text) and
Kiwi's terms, this writes under `<lang>/search/`:

- the manifest, in the engine's own file (search_index.json, so Material's page script
  fetches it and hands it to our worker): separator, glossary, the first term of each shard;
- term shards (`terms/<n>.json`): every indexed term, sorted and cut into ranges of a few
  kilobytes, so a query word and its prefixes land in one or two files; each term with its
  postings (page, term count in the title, in the text) and, for a word of the site, Kiwi's
  terms for it (the query side reduces a word with them);
- the page table (`pages.json`): each page's length, for BM25, and which pages list others;
- page fragments (`pages/<n>.json`): title and section texts, fetched only for the results shown.

Pages are numbered newest first, a briefing before the articles of its day, so the
worker ranks equal scores by number.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import korean

SHARD_BYTES = 12_000  # a shard's target size: a few round trips' worth on a slow link, a handful of terms' postings
EXCERPT_CHARS = 1_200  # of each section's text kept for excerpts
PAGE_CHARS = 4_000  # of a page's texts kept in all
DATED = re.compile(r"^(briefings|articles)/(\d{4}-\d{2}-\d{2})?")


@dataclass
class Page:
    location: str
    title: str
    sections: list[list[str]] = field(default_factory=list)  # [location, title, plain text]

    @property
    def kind(self) -> str:
        found = DATED.match(self.location)
        return found.group(1) if found else "listing"

    @property
    def texts(self) -> list[str]:
        """The page's text apart from its title: each section's title (but the page's own) and text."""
        return [part for location, title, text in self.sections for part in ([text] if location == self.location else [title, text])]

    @property
    def order(self) -> tuple:
        """Newest first; on one day a briefing before the articles it cites; listing pages last."""
        found = DATED.match(self.location)
        day = (found.group(2) or "") if found else ""
        return (self.kind == "listing", _descending(day), self.kind != "briefings", self.location)


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def pages_of(docs: Iterable[dict]) -> list[Page]:
    """The engine's sections gathered by page, numbered in rank order."""
    pages: dict[str, Page] = {}
    for doc in docs:
        location = doc["location"].split("#")[0]
        page = pages.setdefault(location, Page(location, ""))
        text = _plain(doc.get("text") or "")
        if doc["location"] == location:
            page.title = _plain(doc.get("title") or "")
            if text:
                page.sections.insert(0, [location, page.title, text])
        elif text or doc.get("title"):
            page.sections.append([doc["location"], _plain(doc.get("title") or ""), text])
    return sorted(pages.values(), key=lambda page: page.order)


def _plain(html: str) -> str:
    """Text without tags and entities, as a reader sees it (the worker escapes it again)."""
    import html as entities

    return " ".join(entities.unescape(" ".join(korean.blocks(html))).split())


def postings(pages: list[Page], analysis: dict[str, list[str]]) -> dict[str, list[int]]:
    """term -> [page, count in the title, count in the text, ...]: each word counts for itself and its terms."""
    found: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        title = _term_counts([page.title], analysis)
        text = _term_counts(page.texts, analysis)
        for term in sorted(title.keys() | text.keys()):
            found.setdefault(term, []).extend((number, title[term], text[term]))
    return found


def _term_counts(texts: list[str], analysis: dict[str, list[str]]) -> Counter:
    """How often each word and each of its terms occurs (a word's terms counted once per occurrence)."""
    words = Counter(word for text in texts for word in korean.split_words(text))
    counts: Counter = Counter()
    for word, times in words.items():
        for term in {word, *analysis.get(word, ())}:
            counts[term] += times
    return counts


def lengths(pages: list[Page]) -> list[int]:
    """Words per page (the title counted three times, as the worker weighs it)."""
    return [
        3 * len(korean.split_words(page.title)) + sum(len(korean.split_words(s[1] + " " + s[2])) for s in page.sections) for page in pages
    ]


def entries(found: dict[str, list[int]], analysis: dict[str, list[str]]) -> dict[str, list]:
    """term -> [postings] or [postings, Kiwi's terms] for a word of the site that has them."""
    return {term: [found[term], analysis[term]] if term in analysis else [found[term]] for term in sorted(found)}


def shard(terms: dict[str, list], previous: list[str] | None = None) -> list[str]:
    """Where each shard starts: shard i holds the terms from starts[i] up to starts[i + 1].

    A rebuild keeps the previous starts (any string is a boundary, whether or not a term
    is still there), so an edit rewrites the shards of its own terms, not every shard
    after them; only a shard grown past twice the target is cut again.
    """
    sizes = {term: len(encode({term: entry})) for term, entry in terms.items()}
    if not previous:
        return ["", *_cut(list(terms), sizes)[1:]]
    starts = []
    for first, group in zip(previous, split_by(terms, previous), strict=True):
        starts.append(first)
        if sum(sizes[term] for term in group) > 2 * SHARD_BYTES:
            starts += [cut for cut in _cut(list(group), sizes)[1:]]
    return starts


def _cut(terms: list[str], sizes: dict[str, int]) -> list[str]:
    """The first term of each run of about SHARD_BYTES."""
    starts, filled = [], SHARD_BYTES
    for term in terms:
        if filled + sizes[term] > SHARD_BYTES and filled:
            starts.append(term)
            filled = 0
        filled += sizes[term]
    return starts


def split_by(terms: dict[str, list], starts: list[str]) -> list[dict[str, list]]:
    """The terms of each shard (sorted terms, sorted starts, the first start "")."""
    shards: list[dict[str, list]] = [{} for _ in starts]
    for term, entry in terms.items():
        shards[bisect.bisect_right(starts, term) - 1][term] = entry
    return shards


def fragment(page: Page) -> dict:
    """What a result shows: the title and the start of each section's text, within a budget."""
    budget, sections = PAGE_CHARS, []
    for location, title, text in page.sections:
        kept = text[: min(EXCERPT_CHARS, max(budget, 0))]
        budget -= len(kept)
        sections.append([location, title, kept])
    return {"location": page.location, "title": page.title, "sections": sections}


def encode(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
