"""Files at the top of site/ (the language chooser, a sitemap of every language, robots.txt) and each language's sitemap.

Each page's `lastmod` is its own last change: a briefing's update (or its withdrawal), an article's
date, a listing's newest briefing; a page with none has no `lastmod`, never the build's date.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ...i18n import Localizer
from ...model import Publication
from ..formats import LANGUAGE_CHOOSER, LANGUAGE_SITEMAP, LANGUAGE_SITEMAP_GZ, PAGE, ROBOTS_FILE, SITEMAP_FILE
from .pages import Page, url_path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_root(publication: Publication, pages: list[Page], templates: Path, locales: Path, site: Path) -> None:
    config = publication.config
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html.j2"]), trim_blocks=True, lstrip_blocks=True)
    html = env.get_template("root.html.j2").render(
        languages=config.languages,
        site_url=config.site_url,
        site_names={code: Localizer(config, code, locales).text(config.site_name) for code in config.language_codes},
        codes=list(config.language_codes),
    )
    (site / LANGUAGE_CHOOSER.path_for()).write_text(html, encoding="utf-8")
    (site / SITEMAP_FILE.path_for()).write_bytes(sitemap(publication, pages, publication.config.language_codes))
    for language in publication.config.language_codes:  # in place of the engine's, which date every page by the build
        xml = sitemap(publication, pages, (language,), alternates=False)
        for path, data in (
            (LANGUAGE_SITEMAP.path_for(language=language), xml),
            (LANGUAGE_SITEMAP_GZ.path_for(language=language), gzip.compress(xml, mtime=0)),
        ):
            (site / path).unlink(missing_ok=True)  # a new file: the engine's is shared with the work folder (hard links)
            (site / path).write_bytes(data)
    robots = f"User-agent: *\nAllow: /\nSitemap: {config.site_url}{SITEMAP_FILE.path_for()}\n"
    (site / ROBOTS_FILE.path_for()).write_text(robots, encoding="utf-8")


def page_url(site_url: str, language: str, page: Page) -> str:
    return PAGE.url_for(site_url, language=language, key=url_path(page.path))


def sitemap(publication: Publication, pages: list[Page], languages: tuple[str, ...], alternates: bool = True) -> bytes:
    """Every page in `languages`, with its last change and (`alternates`) its translations (hreflang)."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    codes = publication.config.language_codes
    for page in pages:
        changed = last_modified(page.context)
        for language in languages:
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = page_url(publication.config.site_url, language, page)
            if changed:
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = changed.isoformat()
            for other in codes if alternates else ():
                ET.SubElement(
                    url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other, href=page_url(publication.config.site_url, other, page)
                )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def last_modified(context: dict) -> datetime | None:
    """A page's own last change, from what it shows."""
    if "briefing" in context:
        return context["briefing"].updated
    if "withdrawal" in context:
        return context["withdrawal"].date
    if "article" in context:
        return context["article"].published
    listed = [
        *context.get("briefings", ()),
        *(b for month in context.get("months", {}).values() for b in month),
        *(b for digest in context.get("digests", ()) for b in digest.briefings),
    ]
    return max((briefing.updated for briefing in listed), default=None)
