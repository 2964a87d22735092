"""The text part of a briefing's e-mail: what every mail client shows, wrapped at 72 columns by display width."""

from __future__ import annotations

from ...i18n import Localizer
from ...model import Article, Briefing
from ..site.markdown_escape import external_url
from ..text_width import wrap_columns

WIDTH = 72


def plain_text(briefing: Briefing, sources: list[Article], page_url: str, localizer: Localizer) -> str:
    """Title, date, summary, key points, numbered sources with their addresses, and the page."""
    _, text = localizer.gettext, localizer.text
    lines = [*wrap_columns(text(briefing.title), WIDTH), localizer.long_date(briefing.date), ""]
    lines += [*wrap_columns(text(briefing.summary), WIDTH), ""]
    lines += [_("Key points"), ""]
    for point in briefing.key_points:
        lines += wrap_columns(text(point), WIDTH, "  ", "- ")
    lines += ["", _("Sources"), ""]
    for number, article in enumerate(sources, 1):
        outlet = f" — {article.source.name}" if article.source.name else ""
        lines += wrap_columns(article.title + outlet, WIDTH, "    ", f"{number:>2}. ")
        if external_url(article.url):
            lines.append(f"    {external_url(article.url)}")
    lines += ["", _("Read it on the site"), page_url]
    return "\n".join(line.rstrip() for line in lines) + "\n"
