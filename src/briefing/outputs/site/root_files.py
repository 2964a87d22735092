"""Files at the top of site/: the language chooser, a sitemap of every language, robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ...i18n import Localizer
from ...model import Publication
from ..formats import LANGUAGE_CHOOSER, PAGE, ROBOTS_FILE, SITEMAP_FILE
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
    (site / SITEMAP_FILE.path_for()).write_bytes(sitemap(publication, pages))
    robots = f"User-agent: *\nAllow: /\nSitemap: {config.site_url}{SITEMAP_FILE.path_for()}\n"
    (site / ROBOTS_FILE.path_for()).write_text(robots, encoding="utf-8")


def page_url(site_url: str, language: str, page: Page) -> str:
    return PAGE.url_for(site_url, language=language, key=url_path(page.path))


def sitemap(publication: Publication, pages: list[Page]) -> bytes:
    """Every page in every language, each naming its translations (hreflang)."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    codes = publication.config.language_codes
    for page in pages:
        for language in codes:
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = page_url(publication.config.site_url, language, page)
            for other in codes:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other,
                              href=page_url(publication.config.site_url, other, page))
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
