"""What a page says about itself in `<head>`: its own description, Open Graph, and schema.org data.

Link previews (KakaoTalk, Slack, X, LinkedIn) read `og:*`; search engines read the JSON-LD
`NewsArticle` of briefings and articles. Every value comes from the page's own model object,
in the page's language. The theme prints them (templates/theme/main.html), escaping each
attribute; the JSON-LD is written so that no text in it can close its `<script>`.
"""

from __future__ import annotations

import json

from ...i18n import Localizer
from ...model import Article, Briefing, Logo
from ..cards import card_key
from ..cards.draw import SIZE
from ..formats import CARD, PAGE
from ..text_width import cut_at_word
from .excerpt import paragraphs, published_body

DESCRIPTION_WIDTH = 160  # display columns: a Hangul syllable is two


def head_meta(context: dict, key: str, localizer: Localizer) -> dict:
    """Front matter for the theme's `<head>`: `description`, `social` (Open Graph) and `jsonld`, where the page has them.

    `context` is the page's template context, `key` its URL path under the language root.
    """
    config = localizer.config
    url = PAGE.url_for(config.site_url, language=localizer.language, key=key)
    card = card_key(key)
    image = CARD.url_for(config.site_url, language=localizer.language, key=card) if card else None
    if "briefing" in context:
        return _briefing(context["briefing"], context["sources"], url, image, localizer)
    if "withdrawal" in context:  # no card, no article data: only why it is gone
        return {"description": shorten(localizer.text(context["withdrawal"].text))}
    if image:
        return {"social": {"type": "website", **_image(image, localizer.text(config.site_name))}}
    if "article" in context:
        return _article(context["article"], url, localizer)
    if "topic" in context and context["briefings"]:
        return {"description": _listing(localizer.text(context["topic"].name), context["briefings"], localizer)}
    if "month" in context:
        return {"description": _listing(localizer.month(context["month"]), context["briefings"], localizer)}
    return {}


def _briefing(briefing: Briefing, sources: list[Article], url: str, image: str, localizer: Localizer) -> dict:
    topics = [localizer.text(localizer.config.topics[slug].name) for slug in briefing.topics]
    summary, title = localizer.text(briefing.summary), localizer.text(briefing.title)
    data = {
        **_news_article(title, summary, url, localizer),
        "image": image,
        "datePublished": briefing.published.isoformat(),
        "dateModified": briefing.updated.isoformat(),
        "author": _desk(localizer),
        "articleSection": topics[0] if topics else None,
        "keywords": topics,
        "isBasedOn": [article.url for article in sources if article.url],
    }
    social = {
        "type": "article",
        "published": briefing.published.isoformat(),
        "modified": briefing.updated.isoformat(),
        "section": topics[0] if topics else None,
        "tags": topics,
        **_image(image, title),
    }
    return {"description": shorten(summary), "social": social, "jsonld": json_ld(data)}


def _article(article: Article, url: str, localizer: Localizer) -> dict:
    lead = shorten(_lead(article))
    published = article.published.isoformat() if article.published else None
    data = {
        **_news_article(article.title, lead, url, localizer),
        "inLanguage": article.language,
        "datePublished": published,
        "author": {"@type": "Person", "name": article.author} if article.author else None,
        "isBasedOn": article.url,
    }
    return {"description": lead, "social": {"type": "article", "published": published}, "jsonld": json_ld(data)}


def _image(url: str, alt: str) -> dict:
    """The page's card, for og:image and twitter:image."""
    width, height = SIZE
    return {"image": url, "image_width": width, "image_height": height, "image_alt": alt}


def _news_article(headline: str, description: str, url: str, localizer: Localizer) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": localizer.language,
        "publisher": _desk(localizer),
    }


def _desk(localizer: Localizer) -> dict:
    """The desk as schema.org's Organization, with its logo when it has one (article rich results ask for it)."""
    config = localizer.config
    desk = {"@type": "Organization", "name": localizer.text(config.author or config.site_name), "url": config.site_url}
    if config.identity.logo:
        desk["logo"] = {"@type": "ImageObject", "url": f"{config.site_url}{localizer.language}/{logo_path(config.identity.logo)}"}
    return desk


def logo_path(logo: Logo) -> str:
    """Where the desk's logo sits in the docs tree (the theme's `logo`): beside the pages, apart from the theme's assets."""
    return f"assets/desk/logo{logo.suffix}"


def _listing(name: str, briefings, localizer: Localizer) -> str:
    """A topic's or month's page: its name, then its briefings' titles."""
    return shorten(f"{name}: " + " · ".join(localizer.text(b.title) for b in briefings))


def _lead(article: Article) -> str:
    """The first paragraph readers are shown of the body (none for an article published only as a link)."""
    return next((text for _, text in paragraphs(published_body(article))), "")


def shorten(text: str) -> str:
    return cut_at_word(text, DESCRIPTION_WIDTH)


def json_ld(data: dict) -> str:
    """JSON-LD without empty values; `<`, `>` and `&` escaped so that no text can end the `<script>` it sits in."""
    clean = {key: value for key, value in data.items() if value not in (None, [], "")}
    text = json.dumps(clean, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
