"""An article body, which comes from third-party pages, as HTML that cannot run or fetch anything.

The body is Markdown. We render it here, not in the page's own Markdown pass, so that
no extension of the site's (attribute lists, raw HTML, admonitions) applies to
untrusted text: `<` is escaped first, so raw HTML shows as text; then nh3 (Ammonia)
keeps only plain document tags and links to web and mail addresses. Images become
links: a reader's browser never fetches from a third party for us (privacy, copyright),
and neither does the PDF renderer. The site and the PDFs both take bodies from here:
one cleaner for every output.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import nh3
from markupsafe import Markup

TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}


HEADING = {f"h{level}": level for level in range(1, 7)}


class _FitPage(markdown.treeprocessors.Treeprocessor):
    """Images become links to them; headings move down `shift` levels, and never to h1 (the page's own title)."""

    def __init__(self, md: markdown.Markdown, shift: int):
        super().__init__(md)
        self.shift = shift

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                source, alt = element.get("src", ""), element.get("alt", "")
                element.attrib.clear()
                element.tag, element.text = "a", alt or source
                element.set("href", source)
            elif element.tag in HEADING:
                element.tag = f"h{min(6, max(2, HEADING[element.tag] + self.shift))}"


class _FitPageExtension(markdown.Extension):
    def __init__(self, shift: int):
        super().__init__()
        self.shift = shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_FitPage(md, self.shift), "fit_page", 0)


def article_html(body: str, base_url: str | None = None, heading_shift: int = 0) -> Markup:
    """Sanitized HTML of a Markdown body; relative links resolve against the article's own address.

    A `#` heading is h2 on a page (under the page's h1); a PDF, whose article titles are
    h3, shifts headings further down (`heading_shift=3`: `#` is h4).
    """
    rendered = markdown.markdown(body.replace("<", "&lt;"), extensions=[_FitPageExtension(heading_shift), "tables"])
    relative = ("rewrite_with_base", base_url) if base_url else "deny"
    # No rel: a link whose address was dropped stays an <a> without href, where rel is invalid HTML.
    return Markup(nh3.clean(rendered, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, url_relative=relative, link_rel=None))
