"""What `briefing serve` shows editors besides the published page, added as it serves the page.

An article's editor's note, and the whole text of an article the site publishes only in part
(its rights: excerpt or link). The page itself stays the one a build writes, so a preview and
a build render each article page once between them, and nothing here can reach a build.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .i18n import Localizer
from .model import Publication
from .outputs.site.article_html import article_html
from .outputs.site.excerpt import published_body

ARTICLE_PAGE = re.compile(r"/([^/]+)/articles/([^/]+)/(?:index\.html)?")
PLACES = (b'<div class="article-body"', b'<p class="article-rights"', b"</article>")  # the first found: before the text


def with_extras(html: bytes, address: str, publication: Publication, localizers: dict[str, Localizer]) -> bytes:
    """The served page at `address` with what editors see of it; other pages as they are."""
    extras = _article_extras(address, publication, localizers)
    place = next((at for at in map(html.find, PLACES) if at >= 0), -1) if extras else -1
    return html if place < 0 else html[:place] + extras.encode("utf-8") + html[place:]


def _article_extras(address: str, publication: Publication, localizers: dict[str, Localizer]) -> str:
    found = ARTICLE_PAGE.fullmatch(address)
    article = publication.articles.get(found[2]) if found and found[1] in localizers else None
    if article is None:
        return ""
    gettext = localizers[found[1]].gettext
    extras = []
    if article.editor_note:
        note = Markup('<div class="admonition note"><p class="admonition-title">{}</p><p>{}</p></div>')
        extras.append(note.format(gettext("Editor's note"), article.editor_note))
    if published_body(article) != article.body:  # a body that is all lead is published whole
        whole = Markup(
            '<details class="warning"><summary>{}</summary><p>{} (<code>rights: {}</code>). {}</p>'
            '<div class="article-body" lang="{}">{}</div></details>'
        )
        extras.append(
            whole.format(
                gettext("Not published in full"),
                gettext("Readers see only what this article's rights allow"),
                article.rights,
                gettext("The whole text is shown here for editors."),
                article.language,
                article_html(article.body, article.url),
            )
        )
    return "".join(extras)
