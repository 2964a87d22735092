"""Saved HTML pages to drafts: trafilatura finds the article, and we fix what it gets wrong.

Out of the box on Korean news pages trafilatura keeps site suffixes in titles
("… | 한국일보"), takes a Facebook URL for the author, and lets decks, pull quotes and
chrome into the body. So: headline and dates come from the page's own metadata
(JSON-LD, Open Graph, article:*) first; authors must be people, not URLs or the site;
leading decks and trailing chrome are cut by chrome.yml; and a page that carries its
text only in script data (client-rendered) is read from there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.utils import decode_file

from . import notes
from .chrome import Rules, rules
from .draft import Draft, Unusable
from .sanitize import block_text, blocks, html_to_markdown, plain_text
from .titles import SENTENCE_END, site_after_headline, strip_site_suffix

ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
}
URL_LIKE = re.compile(r"^(?:https?://|www\.|@)|\S+@\S+|\.(?:com|net|org|kr)\b", re.I)
SHORT_PAGE_WORDS, SHORT_RATIO = 150, 3  # a body under a third of a page of 150+ words is "far shorter"
SHORT_BODY_WORDS = 300
PLACEHOLDER_YEARS = (1, 1970)
# Short elements with digits in them, outside scripts: where a visible dateline can be.
_SHORT_WITH_DIGITS = "[string-length(normalize-space()) <= 90][translate(normalize-space(), '0123456789', '') != normalize-space()]"
# Short elements and loose text with digits in them, outside scripts, in document order: where a visible dateline can be.
DATELINE_CANDIDATES = (
    f"//body//*[not(self::script or self::style)]{_SHORT_WITH_DIGITS}"
    f" | //body//text()[not(ancestor::script or ancestor::style)]{_SHORT_WITH_DIGITS}"
)
CONTINUATION_LEVELS = 3  # a block continuing the body branches off at most this far above the body's own block
HEADLINE_CHARS = 120
LIST_ITEM = re.compile(r"^(?:-|\d+\.) ")
MARKDOWN_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)\)")
# "key":"value" in script data (JSON, or JSON inside a JS string) and data-key="value" attributes.
KEYED_VALUE = re.compile(r"""(?:\\?"|\bdata-)([\w-]{2,40})\\?"?\s*[:=]\s*\\?["']([^"'\\<>]{8,40})""")
JS_STRING = re.compile(r'"((?:[^"\\]|\\.){200,})"')
EXTRACT = dict(
    output_format="html", include_comments=False, include_tables=True, include_images=False, include_links=True, favor_precision=True
)


@dataclass
class _Meta:
    """What the page says about itself, in order of trust."""

    tree: lxml.html.HtmlElement
    ld: dict = field(default_factory=dict)

    def meta(self, *keys: str) -> str | None:
        return next(iter(self.meta_all(*keys)), None)

    def meta_all(self, *keys: str) -> list[str]:
        values = []
        for key in keys:
            for element in self.tree.xpath("//meta[@property=$k or @name=$k or @itemprop=$k]", k=key):
                values.append(plain_text(element.get("content")))
        return [value for value in values if value]

    def ld_text(self, key: str) -> str | None:
        value = self.ld.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("@id")
        if isinstance(value, list):
            value = next((item for item in value if isinstance(item, str)), None)
        return plain_text(value) if isinstance(value, str) else None


def parse_page(data: bytes, *, url: str | None, timezone: str, chrome: Rules | None = None) -> Draft:
    chrome = chrome or rules()
    document = decode_file(data)
    try:
        meta = _Meta(lxml.html.fromstring(document.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")))
    except lxml.etree.ParserError:
        raise Unusable("no HTML document in the page (only comments or nothing at all)") from None
    meta.ld = _json_ld(meta.tree)
    extracted = trafilatura.extract_with_metadata(document, url=url, **EXTRACT)  # one pass: the body as HTML, and metadata
    found = extracted.as_dict() if extracted is not None else {}
    page_url = meta.meta("og:url") or _canonical(meta.tree) or meta.ld_text("url") or url
    sites = [
        name
        for name in (meta.meta("og:site_name", "application-name"), meta.ld_text("publisher"), found.get("sitename"))
        if name and name != found.get("hostname") and "." not in name
    ]  # trafilatura falls back to the host name
    outlet = _hosted_outlet(meta, sites)
    sites = [outlet, *sites] if outlet else sites
    parts = [found.get("text"), _continuation(meta.tree, found.get("text"))] if found.get("text") else [_from_scripts(document)]
    body_blocks = [block for part in parts if part for block in blocks(html_to_markdown(part, page_url))]
    body_blocks = _without_notices([block for block in chrome.strip(body_blocks) if not _related_list(block, page_url)], chrome)
    title, strong = _title(meta, sites, found)
    named = site_after_headline(plain_text(meta.tree.findtext(".//title")) or "", title) if strong and not sites else None
    sites = [named] if named else sites
    body_blocks, lead_title = _drop_decks(body_blocks, title)
    credited, body_blocks = _cut_credit(body_blocks, chrome)
    draft_notes = [notes.paywalled() if _paywalled(meta) else None, _shortness(document, body_blocks)]
    if not strong and lead_title:
        title = lead_title
        draft_notes.append("The page has no headline metadata, so the title is the article's first line.")
    author, body_blocks = _author(meta, [found.get("author"), credited], sites, body_blocks, chrome)
    published, date_note = _published(meta, found, timezone, chrome, document)
    missing = [name for name, value in (("author", author), ("date", published)) if not value]
    draft_notes += [date_note, notes.missing("The saved page", missing, url_missing=not page_url)]
    return Draft(
        title=title or "Untitled",
        body="\n\n".join(body_blocks) + "\n" if body_blocks else "",
        source_name=sites[0] if sites else None,
        section=meta.meta("article:section") or meta.ld_text("articleSection") or next(iter(found.get("categories") or []), None),
        url=page_url if page_url and page_url.startswith(("http://", "https://")) else None,
        author=author,
        published=published,
        language=None,
        notes=tuple(note for note in draft_notes if note),
    )


def page_language_hint(data: bytes) -> str | None:
    """The page's declared language (<html lang="ko-KR"> -> 'ko'), a hint for short texts."""
    match = re.search(rb"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", data[:5000], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def _json_ld(tree) -> dict:
    """The page's first Article-like JSON-LD object, or {}."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            kinds = item.get("@type") if isinstance(item, dict) else None
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(kind in ARTICLE_TYPES for kind in kinds):
                return item
    return {}


def _canonical(tree) -> str | None:
    links = tree.xpath("//link[@rel='canonical']/@href")
    return links[0].strip() if links else None


def _title(meta: _Meta, sites: list[str], found: dict) -> tuple[str | None, bool]:
    """(title, whether it came from headline metadata rather than <title>)."""
    strong = meta.meta("og:title", "twitter:title", "headline", "dable:title") or meta.ld_text("headline")
    if strong:
        return strip_site_suffix(strong, sites), True
    weak = plain_text(meta.tree.findtext(".//title")) or found.get("title")
    return (strip_site_suffix(weak, sites) if weak else None), False


def _without_notices(body: list[str], chrome: Rules) -> list[str]:
    """The body without paywall, reprint, cookie or script notices; a page of nothing else is no article."""
    kept = [block for block in body if not chrome.match("notice", block_text(block))]
    if body and not kept:
        raise Unusable(f"the page's text is a notice, not an article: {block_text(body[0])[:100]!r}")
    return kept


def _paywalled(meta: _Meta) -> bool:
    """Whether the page declares its article for subscribers only (schema.org isAccessibleForFree, as Google asks of paywalls)."""
    parts = meta.ld.get("hasPart")
    declared = [
        meta.ld.get("isAccessibleForFree"),
        *(p.get("isAccessibleForFree") for p in (parts if isinstance(parts, list) else [parts]) if isinstance(p, dict)),
    ]
    return any(str(value).lower() == "false" for value in [*declared, *meta.meta_all("isAccessibleForFree")] if value is not None)


def _shortness(document: str, body: list[str]) -> str | None:
    """An editor note when the body kept is a fraction of the page's main text as a recall-first extraction sees it.

    Only a short body is measured: the second extraction costs as much as the first, and a long body is rarely a fraction.
    """
    kept = sum(len(block_text(block).split()) for block in body)
    if kept >= SHORT_BODY_WORDS:
        return None
    page = len((trafilatura.extract(document, favor_recall=True, include_comments=False, include_tables=True) or "").split())
    return notes.far_shorter(kept, page) if page >= SHORT_PAGE_WORDS and kept * SHORT_RATIO < page else None


def _from_scripts(document: str) -> str | None:
    """A client-rendered page: the longest HTML string in its script data, extracted like a page."""
    best = ""
    for script in re.findall(r"<script[^>]*>(.*?)</script>", document, re.S | re.I):
        for literal in JS_STRING.findall(script):
            try:
                value = json.loads(f'"{literal}"')
            except ValueError:
                continue
            if re.search(r"<(?:p|br)\b", value) and len(value) > len(best):
                best = value
    return trafilatura.extract(f"<html><body><article>{best}</article></body></html>", **EXTRACT) if best else None


def _continuation(tree, body_html: str) -> str | None:
    """The rest of a body that inline promos or ads split into sibling blocks, of which trafilatura keeps the first.

    The block holding the body's last paragraphs (several of them, not a quote's) names the others: elements after it
    with the same tag and class, branching off within CONTINUATION_LEVELS of it, with prose of their own.
    They are extracted like a page, as one article.
    """
    kept = {_squeezed(p) for p in lxml.html.fromstring(body_html).iter("p")}
    last = next((p for p in reversed(tree.xpath("//body//p")) if len(_squeezed(p)) >= 40 and _squeezed(p) in kept), None)
    block = last.getparent() if last is not None else None
    if block is None or not block.get("class") or sum(_squeezed(p) in kept for p in block.iterchildren("p")) < 3:
        return None
    scope = list(block.iterancestors())[:CONTINUATION_LEVELS]
    later = [
        element
        for element in block.xpath("following::*[local-name() = $tag][@class = $cls]", tag=block.tag, cls=block.get("class"))
        if any(ancestor in scope for ancestor in element.iterancestors())
        and any(len(text) >= 80 and text not in kept for text in map(_squeezed, element.iterchildren("p")))
    ]
    if not later:
        return None
    article = "".join(lxml.html.tostring(element, encoding="unicode") for element in later)
    return trafilatura.extract(f"<html><body><article>{article}</article></body></html>", **EXTRACT)


def _related_list(block: str, page_url: str | None) -> bool:
    """A list of headline-short items, each linking to the site's own pages: the site's other stories, not the article."""
    items, site = block.split("\n"), _site(page_url)
    return (
        site is not None
        and len(items) >= 2
        and all(LIST_ITEM.match(item) and len(block_text(item)) <= HEADLINE_CHARS for item in items)
        and all(any(_site(url) == site for _, url in MARKDOWN_LINK.findall(item)) for item in items)
    )


def _site(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _squeezed(element) -> str:
    return " ".join(element.text_content().split())


def _is_prose(text: str) -> bool:
    return len(text) >= 80 or len(text) >= 30 and bool(SENTENCE_END.search(text[-3:]))


def _drop_decks(body: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Drop the headline repeated, decks and pull quotes before the lead; also return the first such line."""
    for index, block in enumerate(body):
        if _is_prose(block_text(block)) and block_text(block) != title:
            leading = [block_text(b) for b in body[:index] if block_text(b) != title]
            return body[index:], (leading[0] if leading and "\n" not in body[0] else None)
    return body, None


def _cut_credit(body: list[str], chrome: Rules) -> tuple[str | None, list[str]]:
    """The reporter a credit opening the lead names ('[서울=뉴시스] 홍길동 기자 = …'), and the body without the credit."""
    lead = body[0] if body else ""
    found = chrome.match("credit", re.sub(r"\\(.)", r"\1", lead))  # matched as read, cut from the Markdown
    if not found or not found.group(0):
        return None, body
    cut = 0
    for _ in found.group(0):
        cut += 2 if lead[cut] == "\\" else 1
    return found.groupdict().get("author"), [lead[cut:].lstrip(), *body[1:]] if lead[cut:].strip() else body[1:]


def _author(meta: _Meta, guessed: list[str | None], sites: list[str], body: list[str], chrome: Rules) -> tuple[str | None, list[str]]:
    """A person's name (never a URL, handle or the site itself): the page's metadata, then `guessed` (trafilatura's pick,
    the lead's credit), then a closing byline line, which is removed from the body."""
    signed = None
    while body and chrome.match("byline", block_text(body[-1])):
        signed = chrome.match("byline", block_text(body.pop())).group("author")
    listed = [
        _ld_author(meta.ld),
        *meta.meta_all("article:author", "og:article:author", "dable:author", "author", "byl"),
        *guessed,
        signed,
    ]
    candidates = [part for value in listed if value for part in re.split(r"\s*[;|]\s*", value)]
    site_words = {re.sub(r"\W+", "", name) for name in sites}
    for candidate in candidates:
        name = _person(candidate, chrome)
        if name and not any(re.sub(r"\W+", "", name) in words for words in site_words):  # nor a part of it ('네이버' of '네이버 뉴스')
            return name, body
    return None, body


def _hosted_outlet(meta: _Meta, sites: list[str]) -> str | None:
    """On a portal hosting another outlet's story, the author meta names the outlet and the portal ('뉴스타파 | 네이버')."""
    site_words = [re.sub(r"\W+", "", name) for name in sites]
    for value in meta.meta_all("og:article:author", "article:author", "author"):
        parts = [part for part in re.split(r"\s*[|｜]\s*", value) if part]
        portal = [part for part in parts if any(re.sub(r"\W+", "", part) in words for words in site_words)]
        if len(parts) == 2 and len(portal) == 1:
            return next(part for part in parts if part not in portal)
    return None


def _ld_author(ld: dict) -> str | None:
    authors = ld.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("@type") != "Organization" and a.get("name")]
    return ", ".join(plain_text(name) for name in names) or None


def _person(value: str | None, chrome: Rules) -> str | None:
    value = plain_text(value)
    if not value or URL_LIKE.search(value):
        byline = chrome.match("byline", value) if value else None
        return byline.group("author") if byline else None
    byline = chrome.match("byline", value)
    return byline.group("author") if byline else re.sub(r"\s*(?:기자|특파원)\b", "", value).strip() or None


def _published(meta: _Meta, found: dict, timezone: str, chrome: Rules, document: str) -> tuple[datetime | None, str | None]:
    """The first date-time with a time of day, in order of trust: JSON-LD, meta tags, <time datetime>, the visible dateline,
    the page's script data.

    A bare day (declared, or htmldate's pick) is the fallback; placeholder dates (0001-01-01, 1970-01-01) are skipped.
    """
    declared = [
        meta.ld_text("datePublished"),
        *meta.meta_all("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publish-date", "ptime"),
        *meta.tree.xpath("//body//time/@datetime")[:1],
    ]
    for raw in filter(None, declared):
        value = _iso(raw)
        if value and len(raw.strip()) > 10:
            return (value, None) if value.tzinfo else (value.replace(tzinfo=ZoneInfo(timezone)), notes.zone_assumed("page", timezone))
    day = next((value for value in map(_iso, [*filter(None, declared), found.get("date") or ""]) if value), None)
    value, assumed = _visible_dateline(meta.tree, chrome, timezone)
    if not value:
        value, assumed = _script_date(document, chrome, timezone, day)
    if value:
        return value, notes.zone_assumed("page", timezone) if assumed else None
    if day:
        return day.replace(tzinfo=ZoneInfo(timezone)), notes.date_only("page", timezone)
    return None, None


def _script_date(document: str, chrome: Rules, timezone: str, day: datetime | None) -> tuple[datetime | None, bool]:
    """(date-time, whether the zone was assumed): the first value with a time of day under a `published_key` of chrome.yml
    in the page's script data or data-* attributes, on the day the page declares if it declares one."""
    for key, raw in KEYED_VALUE.findall(document):
        if not chrome.match("published_key", key):
            continue
        value = _iso(raw) if len(raw.strip()) > 10 else None
        value, assumed = (value, value.tzinfo is None) if value else chrome.parse_when(raw, timezone)
        if value and value.year not in PLACEHOLDER_YEARS and (day is None or value.date() == day.date()):
            return (value.replace(tzinfo=ZoneInfo(timezone)) if assumed and value.tzinfo is None else value), assumed
    return None, False


def _iso(raw: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(re.sub(r"(\.\d+)?([+-]\d{2})(\d{2})$", r"\2:\3", raw.strip().replace("Z", "+00:00")))
    except ValueError:
        return None
    return value if value.year not in PLACEHOLDER_YEARS else None


def _visible_dateline(tree, chrome: Rules, timezone: str) -> tuple[datetime | None, bool]:
    """The first 'Written: 2023-11-07 15:03:30' or '입력 2023.11.02. 오후 8:06' on the page (the article's comes before related ones)."""
    for element in tree.xpath(DATELINE_CANDIDATES):  # elements and text nodes
        text = element if isinstance(element, str) else element.text_content()
        found = chrome.match("dateline", " ".join(text.split()))
        value, assumed = chrome.parse_when(found.group("when"), timezone) if found else (None, False)
        if value and value.year not in PLACEHOLDER_YEARS:
            return value, assumed
    return None, False
