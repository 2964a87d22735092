"""Redirect pages at a renamed briefing's old addresses (its `aliases`), in every language.

A link shared before the rename keeps working: the old address holds a small page that
names the new one as canonical and sends the reader there (`meta refresh`, and a link for
a browser that does not follow it), and asks search engines not to index it.
"""

from __future__ import annotations

from pathlib import Path

from ...i18n import Localizer
from ...model import Publication
from ..formats import PAGE, REDIRECT
from ..html_templates import html_environment


def write_redirects(publication: Publication, templates: Path, locales: Path, site: Path) -> None:
    """A redirect for each alias of a briefing readers can reach (a withdrawn one's page says why it is gone)."""
    config = publication.config
    for language in config.language_codes:
        template = html_environment(templates, Localizer(config, language, locales)).get_template("redirect.html.j2")
        for briefing in (*publication.briefings, *publication.withdrawn):
            key = f"briefings/{briefing.id}/"
            for alias in briefing.aliases:
                target = site / REDIRECT.path_for(language=language, key=alias)
                target.parent.mkdir(parents=True, exist_ok=True)
                html = template.render(
                    briefing=briefing, target=f"../{briefing.id}/", canonical=PAGE.url_for(config.site_url, language=language, key=key)
                )
                target.write_text(html, encoding="utf-8")
