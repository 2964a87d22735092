"""An article body, which comes from third-party pages, as HTML that cannot run or fetch anything.

The body is Markdown. We render it here, not in the page's own Markdown pass, so that
no extension of the site's (attribute lists, raw HTML, admonitions) applies to
untrusted text: `<` is escaped first, so raw HTML shows as text; then nh3 (Ammonia)
keeps only plain document tags and links to web and mail addresses. Images become
links: a reader's browser never fetches from a third party for us (privacy, copyright).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "em", "strong",
        "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}


class _FitPage(markdown.treeprocessors.Treeprocessor):
    """Images become links to them; h1 (the page's own title) becomes h2."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                source, alt = element.get("src", ""), element.get("alt", "")
                element.attrib.clear()
                element.tag, element.text = "a", alt or source
                element.set("href", source)
            elif element.tag == "h1":
                element.tag = "h2"


class _FitPageExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_FitPage(md), "fit_page", 0)


def article_html(body: str, base_url: str | None = None) -> Markup:
    """Sanitized HTML of a Markdown body; relative links resolve against the article's own address."""
    rendered = markdown.markdown(body.replace("<", "&lt;"), extensions=[_FitPageExtension(), "tables"])
    relative = ("rewrite_with_base", base_url) if base_url else "deny"
    # No rel: a link whose address was dropped stays an <a> without href, where rel is invalid HTML.
    return Markup(nh3.clean(rendered, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, url_relative=relative, link_rel=None))
