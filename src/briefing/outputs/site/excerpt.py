"""What the public outputs show of an article's text, by its rights (rights.py): the one place a lead is cut.

The article page (and so search), its `<head>` description and the PDFs take `published_body`,
a feed item quotes each source's `published_lead`; only `briefing serve` shows editors the whole
text of every article.
A lead is the first paragraphs, at most two and about 60 words: LEAD_WIDTH display columns,
where a Hangul syllable counts two, so a Korean lead is about as long to read as an English one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache

from ...load.fields import CONTROL
from ...model import Article
from ...rights import EXCERPT, FULL, LINK
from ..text_width import cut_at_word, display_width
from .article_html import article_html
from .markdown_escape import escape_markdown

LEAD_WIDTH = 360  # display columns: about 60 English words, or 160 Hangul syllables
LEAD_PARAGRAPHS = 2
TAG = re.compile(r"<[^>]+>")
BLOCK_START = re.compile(r"^(?:(\d+)([.)])|([#+-])(?=\s|$))")  # what would make a cut paragraph a list or a heading


def published_body(article: Article) -> str:
    """The Markdown a public output shows: the whole body (`full`), its lead (`excerpt`) or none (`link`)."""
    if article.rights != EXCERPT:
        return article.body if article.rights == FULL else ""
    return _excerpt(article.body)


@cache  # every page list asks for every article's: the preview's, after each edit, for thousands of unchanged bodies
def _excerpt(body: str) -> str:
    cut = lead(body)
    return body if cut == body.strip() else cut  # a body that is all lead is published as it is


def published_lead(article: Article) -> str:
    """The lead a list of sources quotes (a feed item's): an excerpt's, or a full article's first paragraphs; none for `link`."""
    return "" if article.rights == LINK else lead(article.body)


@cache  # as _excerpt, and a feed item's lead
def lead(body: str) -> str:
    """The body's first paragraphs within LEAD_WIDTH; the paragraph that goes over is cut at a word, as plain text.

    A paragraph kept whole keeps its Markdown (links, emphasis); a cut one is escaped plain text,
    so a cut never leaves half a link. A body without paragraphs (a list, a table) leads with its text.
    """
    body, kept, room = CONTROL.sub("", body), [], LEAD_WIDTH  # a feed (XML) can hold no control character
    for block, text in paragraphs(body):
        if display_width(text) > room:
            if not kept or room >= LEAD_WIDTH // 4:  # a few words of a second paragraph would read as a stray line
                kept.append(_plain_markdown(cut_at_word(text, room)))
            break
        kept.append(block)
        room -= display_width(text)
        if len(kept) == LEAD_PARAGRAPHS:
            break
    if not kept and body.strip():
        kept.append(_plain_markdown(cut_at_word(_plain(str(article_html(body))), LEAD_WIDTH)))
    return "\n\n".join(kept)


def paragraphs(body: str) -> Iterator[tuple[str, str]]:
    """(Markdown, plain text) of each block of the body that is one paragraph, read through the site's own sanitizer."""
    for block in re.split(r"\n[ \t]*\n", body.strip()):
        rendered = str(article_html(block)).strip()
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            yield block.strip(), _plain(rendered)


def _plain(rendered: str) -> str:
    return " ".join(html.unescape(TAG.sub("", rendered)).split())


def _plain_markdown(text: str) -> str:
    """Plain text as Markdown that renders as one paragraph of exactly that text."""
    escaped = str(escape_markdown(text))
    return BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, count=1)
