"""The text part of an e-mail edition: what every mail client shows, wrapped at 72 columns by display width."""

from __future__ import annotations

from ...i18n import Localizer
from ..site.markdown_escape import external_url
from ..text_width import wrap_columns

WIDTH = 72
RULE = "—" * 36  # 72 columns: the em dash is two wide in East Asian fonts, one elsewhere; either way a rule


def plain_text(heading: str | None, items: list, localizer: Localizer) -> str:
    """Each briefing in turn (under the digest's `heading`, when there is one)."""
    lines = [*wrap_columns(heading, WIDTH), "", RULE, ""] if heading else []
    for number, item in enumerate(items):
        lines += (["", RULE, ""] if number else []) + _briefing(item, localizer)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _briefing(item, localizer: Localizer) -> list[str]:
    """Title, date, summary, key points, numbered sources with their addresses, and the page."""
    _, text, briefing = localizer.gettext, localizer.text, item.briefing
    lines = [*wrap_columns(text(briefing.title), WIDTH), localizer.long_date(briefing.date), ""]
    lines += [*wrap_columns(text(briefing.summary), WIDTH), ""]
    lines += [_("Key points"), ""]
    for point in briefing.key_points:
        lines += wrap_columns(text(point), WIDTH, "  ", "- ")
    lines += ["", _("Sources"), ""]
    for number, article in enumerate(item.sources, 1):
        outlet = f" — {article.source.name}" if article.source.name else ""
        lines += wrap_columns(article.title + outlet, WIDTH, "    ", f"{number:>2}. ")
        if external_url(article.url):
            lines.append(f"    {external_url(article.url)}")
    return [*lines, "", _("Read it on the site"), item.page_url]
