"""Each page's `<head>` as link previews and search engines read it (extruct parses Open Graph and JSON-LD as crawlers do)."""

from __future__ import annotations

import json

import extruct
import pytest

from briefing.load import load_or_raise
from briefing.outputs.site.head import json_ld, shorten
from briefing.outputs.text_width import display_width

SUMMIT = "2025-10-30-summit-balanced-results"


def head(site, path: str) -> dict:
    """Open Graph as {property: [values]} (a tag may repeat), and the JSON-LD items."""
    data = extruct.extract(
        (site / path).read_text(encoding="utf-8"), base_url="https://briefing.example.org/", syntaxes=["opengraph", "json-ld"]
    )
    og = {}
    for name, value in data["opengraph"][0]["properties"] if data["opengraph"] else []:
        og.setdefault(name, []).append(value)
    return {"og": og, "ld": data["json-ld"]}


def description(site, path: str) -> str:
    import lxml.html

    return lxml.html.parse(str(site / path)).getroot().xpath('//meta[@name="description"]/@content')[0]


@pytest.mark.parametrize("language, other", [("en", "ko_KR"), ("ko", "en_US")])
def test_a_briefing_page_describes_itself_in_its_language(demo_site, language, other):
    publication = load_or_raise(demo_site.parent)
    briefing = next(b for b in publication.briefings if b.id == SUMMIT)
    topics = [publication.config.topics[slug].name.texts[language] for slug in briefing.topics]
    path = f"{language}/briefings/{SUMMIT}/index.html"
    found = head(demo_site, path)
    url = f"https://briefing.example.org/{language}/briefings/{SUMMIT}/"
    og = found["og"]
    assert og["og:type"] == ["article"] and og["og:title"] == [briefing.title.texts[language]]
    assert og["og:description"] == [shorten(briefing.summary.texts[language])] == [description(demo_site, path)]
    assert og["og:url"] == [url] and og["og:site_name"] == [publication.config.site_name.texts[language]]
    assert og["og:locale"] == [{"en": "en_US", "ko": "ko_KR"}[language]] and og["og:locale:alternate"] == [other]
    assert og["article:published_time"] == [briefing.published.isoformat()]
    assert og["article:section"] == topics[:1] and og["article:tag"] == topics
    [article] = found["ld"]
    assert article["@type"] == "NewsArticle" and article["headline"] == briefing.title.texts[language]
    assert article["datePublished"] == briefing.published.isoformat() and article["dateModified"] == briefing.updated.isoformat()
    assert article["inLanguage"] == language and article["url"] == url
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]
    logo = article["publisher"]["logo"]["url"]  # the demo desk's logo (theme.logo), which the site publishes
    assert logo == f"https://briefing.example.org/{language}/assets/desk/logo.svg"
    assert (demo_site / language / "assets/desk/logo.svg").is_file()


def test_an_article_page_has_its_lead_author_and_date(demo_site):
    publication = load_or_raise(demo_site.parent)
    article = next(a for a in publication.articles.values() if a.author and a.published)
    path = f"ko/articles/{article.id}/index.html"
    [data] = head(demo_site, path)["ld"]
    assert data["headline"] == article.title and data["author"] == {"@type": "Person", "name": article.author}
    assert data["datePublished"] == article.published.isoformat() and data["inLanguage"] == article.language
    lead = description(demo_site, path)
    assert lead == data["description"] and lead.rstrip("…")[:20] in article.body


def test_listing_pages_describe_their_briefings_and_plain_pages_keep_the_site_description(demo_site):
    publication = load_or_raise(demo_site.parent)
    topic = description(demo_site, "en/topics/alliance/index.html")
    assert topic.startswith("Alliance: ") and publication.briefings_on("alliance")[0].title.texts["en"][:20] in topic
    assert description(demo_site, "en/glossary/index.html") == publication.config.description.texts["en"]
    assert head(demo_site, "en/index.html")["og"]["og:type"] == ["website"]


def test_descriptions_are_cut_at_a_word_by_display_width():
    korean = "한미 정상회담 " * 30
    cut = shorten(korean)
    assert display_width(cut) <= 160 and cut.endswith("…") and cut.rstrip("…").endswith(("한미", "정상회담"))
    assert shorten("short text") == "short text"
    assert display_width(shorten("가" * 200)) <= 160  # one word wider than the limit: cut between syllables


def test_json_ld_cannot_close_its_script():
    text = json_ld({"headline": "</script><script>alert(1)</script> & <!--", "empty": None})
    assert "<" not in text and ">" not in text and "&" not in text.replace("\\u0026", "")
    assert json.loads(text) == {"headline": "</script><script>alert(1)</script> & <!--"}


PAGE_TYPES = [
    "index.html",
    "briefings/2025-10-30-summit-balanced-results/index.html",
    "articles/2025-10-30-us-diplomatic-circles-summit/index.html",
    "archive/index.html",
    "archive/2025-10/index.html",
    "topics/index.html",
    "topics/alliance/index.html",
    "digests/index.html",
    "glossary/index.html",
]


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("page", PAGE_TYPES)
def test_every_page_type_has_a_preview_in_its_language(demo_site, language, page):
    og = head(demo_site, f"{language}/{page}")["og"]
    assert og["og:url"] == [f"https://briefing.example.org/{language}/{page.removesuffix('index.html')}"]
    assert og["og:locale"] == [{"en": "en_US", "ko": "ko_KR"}[language]]
    assert og["og:title"][0] and og["og:description"][0] and og["og:site_name"][0]
    assert og["og:type"] == ["article" if page.startswith(("briefings/", "articles/")) else "website"]
