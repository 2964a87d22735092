"""Untrusted HTML and text to safe Markdown: nh3 cleans, markdownify converts, we escape.

feedparser already sanitizes what it parses, but leaves `xlink:href="javascript:…"` in
SVG/MathML, `file://` images and text/plain fields alone, so everything is cleaned again
here. Bodies keep structure (paragraphs, lists, quotes, links to http(s) pages) and lose
everything that could run, load or submit anything: images included, since a hot-linked
picture would make readers' browsers and the PDF renderer fetch third-party URLs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import quote, urljoin, urlsplit

import nh3
from markdownify import MarkdownConverter

BODY_TAGS = {
    "p",
    "br",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "mark",
    "small",
    "sub",
    "sup",
    "q",
    "cite",
    "abbr",
    "time",
    "span",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "section",
    "article",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
}
# Dropped with everything inside them, not just unwrapped.
DROPPED = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "applet",
    "form",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "noscript",
    "template",
    "audio",
    "video",
    "canvas",
    "frameset",
    "frame",
    "head",
    "title",
}
LINK_SCHEMES = {"http", "https", "mailto"}

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Text that Markdown would read as a heading, quote, list, rule, admonition or fence at a line start.
LINE_START = re.compile(r"^([ \t]*)(#{1,6}(?=\s|$)|>|[-+*](?=\s)|\d{1,9}(?=[.)](?:\s|$))|[=-]+[ \t]*$|!!!|\?\?\?|~~~)", re.M)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text; `<` becomes `&lt;`, never a tag."""
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    text = ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")
    return LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker}\\"  # 1. -> 1\.
    return f"{indent}\\{marker}"


def normalize_text(value: str) -> str:
    """One line of clean text: NFC, no control or zero-width characters, single spaces."""
    value = unicodedata.normalize("NFC", CONTROL.sub("", value))
    return " ".join(value.split())


def plain_text(value: str | None, is_html: bool = True) -> str:
    """A title, author or section as plain text; markup in it is dropped, never kept."""
    if not value:
        return ""
    if is_html:
        value = html.unescape(nh3.clean(value, tags=set(), clean_content_tags=DROPPED - {"head", "title"}))
    return normalize_text(value)


def clean_html(fragment: str) -> str:
    """The maintained sanitizer's verdict on untrusted HTML: only harmless structure and http(s) links."""
    return nh3.clean(
        CONTROL.sub("", fragment),
        tags=BODY_TAGS,
        clean_content_tags=DROPPED,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _BodyConverter(MarkdownConverter):
    """markdownify with our escaping, absolute http(s) links only, and headings below the page title."""

    def __init__(self, base_url: str | None):
        super().__init__(
            heading_style="atx", autolinks=False, bullets="-", escape_misc=False, escape_asterisks=False, escape_underscores=False
        )
        self.base_url = base_url

    def escape(self, text, parent_tags):
        return escape_text(text) if text else ""

    def convert_a(self, el, text, parent_tags):
        href = safe_link(el.get("href"), self.base_url)
        if not text.strip() or not href or "_noformat" in parent_tags:
            return text
        # "<a>Bloomberg reported </a>WeWork": the space inside the link still separates the words around it.
        before, after = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f"{' ' if before else ''}[{text.strip()}]({href}){' ' if after else ''}"

    def convert_hN(self, n, el, text, parent_tags):
        return super().convert_hN(max(3, n), el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        return ""


def safe_link(href: str | None, base_url: str | None) -> str | None:
    """An absolute http(s) or mailto URL fit for a Markdown link, or None."""
    if not href:
        return None
    absolute = urljoin(base_url or "", html.unescape(href.strip()))
    if urlsplit(absolute).scheme.lower() not in LINK_SCHEMES or not urlsplit(absolute).netloc and not absolute.startswith("mailto:"):
        return None
    return quote(absolute, safe=":/?#@!$&'*+,;=%~")


def html_to_markdown(fragment: str, base_url: str | None = None) -> str:
    """Untrusted HTML as clean Markdown: sanitized first, then converted, every text escaped."""
    markdown = _BodyConverter(base_url).convert(clean_html(fragment))
    return tidy_markdown(markdown)


def text_to_markdown(paragraphs: list[str]) -> str:
    """Plain paragraphs (pasted text, text/plain feed fields) as Markdown paragraphs."""
    return tidy_markdown("\n\n".join(escape_text(normalize_text(p)) for p in paragraphs if p.strip()))


def tidy_markdown(markdown: str) -> str:
    lines = [line.rstrip() for line in CONTROL.sub("", markdown).replace("\r", "").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""


def blocks(markdown: str) -> list[str]:
    return [block for block in markdown.split("\n\n") if block.strip()]


def block_text(block: str) -> str:
    """What a reader sees of one Markdown block, for matching chrome patterns against it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
    text = re.sub(r"^\s*(?:#{1,6}|>|[-+*])\s+", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    return normalize_text(html.unescape(text))
