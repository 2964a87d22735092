"""Every output the publication produces, in one table (as Hugo's output formats).

A format says where its files go (a path pattern under `site/`, or under the folder a
command writes to), their media type, the label readers see on links to them, and
where they are announced. Pages, feeds, PDFs, root files and the theme's `<head>` take
file names and media types from here and nowhere else. A new output (the e-mail
edition, social card images) is a new row: its writer and its announcers read it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Where a format is announced.
HEAD = "head"  # a <link rel="alternate"> in every page's <head> (the theme)
SUBSCRIBE = "subscribe"  # the subscribe box on the home and topic pages
SITEMAP = "sitemap"  # listed in sitemap.xml
ROBOTS = "robots"  # named by robots.txt
BRIEFING_PAGE = "briefing page"  # linked from each briefing's page
DIGESTS_PAGE = "digests page"  # linked from each language's Digests page
OPEN_GRAPH = "open graph"  # og:image of its page, the JSON-LD image and the JSON Feed item's image


@dataclass(frozen=True)
class Format:
    name: str
    folder: str  # pattern: {language}, and the output's own {key} (a briefing id, a period) or {folder} (a feed's)
    file: str  # pattern of the file name in that folder
    media_type: str
    label: str = ""  # on links readers see
    announced: tuple[str, ...] = ()
    published: bool = True  # False: written where a command is told, not into site/

    def path_for(self, **fields: str) -> str:
        """The path of one file of this format, under site/ (or the command's folder)."""
        return (self.folder + self.file).format(**fields)

    def url_for(self, site_url: str, **fields: str) -> str:
        """Its published address, under the site's."""
        return site_url + self.path_for(**fields)


PAGE = Format("page", "{language}/{key}", "", "text/html", announced=(SITEMAP,))  # key: the page's URL path; index.html
REDIRECT = Format("redirect", "{language}/briefings/{key}/", "index.html", "text/html")  # key: an alias (a renamed briefing's old id)
RSS = Format("rss", "{language}/{folder}", "feed.xml", "application/rss+xml", "RSS", (HEAD, SUBSCRIBE))
ATOM = Format("atom", "{language}/{folder}", "atom.xml", "application/atom+xml", "Atom", (HEAD, SUBSCRIBE))
JSON_FEED = Format("json-feed", "{language}/{folder}", "feed.json", "application/feed+json", "JSON Feed", (HEAD, SUBSCRIBE))
BRIEFING_PDF = Format("briefing-pdf", "pdf/", "{key}.{language}.pdf", "application/pdf", "PDF", (BRIEFING_PAGE,))
DIGEST_PDF = Format("digest-pdf", "pdf/digests/", "{key}.{language}.pdf", "application/pdf", "PDF", (DIGESTS_PAGE,))
CARD = Format("card", "{language}/cards/", "{key}.png", "image/png", announced=(OPEN_GRAPH,))  # key: a briefing id, or "home"
SEARCH_INDEX = Format("search-index", "{language}/search/", "search_index.json", "application/json")  # the search's manifest
SEARCH_SHARD = Format("search-shard", "{language}/search/terms/", "{key}.json", "application/json")  # key: the shard's number
SEARCH_PAGES = Format("search-pages", "{language}/search/", "pages.json", "application/json")  # page lengths, listing pages
SEARCH_PAGE = Format("search-page", "{language}/search/pages/", "{key}.json", "application/json")  # key: the page's number
LANGUAGE_CHOOSER = Format("language-chooser", "", "index.html", "text/html")
LANGUAGE_SITEMAP = Format("language-sitemap", "{language}/", "sitemap.xml", "application/xml")  # read by the theme, and crawlers
LANGUAGE_SITEMAP_GZ = Format("language-sitemap-gz", "{language}/", "sitemap.xml.gz", "application/gzip")
SITEMAP_FILE = Format("sitemap", "", "sitemap.xml", "application/xml", announced=(ROBOTS,))
ROBOTS_FILE = Format("robots", "", "robots.txt", "text/plain")
PERIOD_DIGEST_PDF = Format("period-digest-pdf", "", "digest-{key}.{language}.pdf", "application/pdf", published=False)  # briefing pdf
MAIL_MESSAGE = Format("mail-message", "", "{key}.{language}.eml", "message/rfc822", published=False)  # briefing mail

FEEDS = (RSS, ATOM, JSON_FEED)
SEARCH = (SEARCH_INDEX, SEARCH_SHARD, SEARCH_PAGES, SEARCH_PAGE)
FORMATS = {
    f.name: f
    for f in (
        PAGE,
        REDIRECT,
        *FEEDS,
        BRIEFING_PDF,
        DIGEST_PDF,
        CARD,
        *SEARCH,
        LANGUAGE_CHOOSER,
        LANGUAGE_SITEMAP,
        LANGUAGE_SITEMAP_GZ,
        SITEMAP_FILE,
        ROBOTS_FILE,
        PERIOD_DIGEST_PDF,
        MAIL_MESSAGE,
    )
}


def announced_in(place: str) -> list[Format]:
    return [f for f in FORMATS.values() if place in f.announced]
