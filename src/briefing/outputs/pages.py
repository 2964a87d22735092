"""The docs tree of one language: Markdown pages rendered from the model with Jinja.

Every language gets the same page paths, so the page in the other language is always
at the same place; the engine and the sitemap rely on that.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from .. import i18n
from ..model import Localized, Publication
from .digests import digest_kind, period_name, weekly_digests
from .markdown import escape_markdown, markdown_environment, relative_link
from .workfiles import read_record


@dataclass(frozen=True)
class Page:
    path: str  # in the docs tree, e.g. "briefings/2025-10-30-x.md"
    template: str
    context: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # extra front matter the theme reads


def page_list(publication: Publication) -> list[Page]:
    """Every page of a language's site; the same list for every language.

    A page's context holds all it shows besides the settings (templates see `config`, not
    the whole publication), so a page whose context is unchanged need not be rendered again.
    """
    pages = [Page("index.md", "home.md.j2", {"briefings": publication.briefings[: publication.config.home_limit]})]
    for briefing in publication.briefings:
        sources = [publication.articles[article_id] for article_id in briefing.articles]
        pages.append(Page(f"briefings/{briefing.id}.md", "briefing.md.j2", {"briefing": briefing, "sources": sources}))
    for article in sorted(publication.articles.values(), key=lambda a: a.id):
        context = {"article": article, "citing": publication.briefings_citing(article.id)}
        pages.append(Page(f"articles/{article.id}.md", "article.md.j2", context))
    months = defaultdict(list)
    for briefing in publication.briefings:
        months[briefing.date.strftime("%Y-%m")].append(briefing)
    pages.append(Page("archive/index.md", "archive.md.j2", {"months": dict(months)}))
    for key, briefings in months.items():
        pages.append(Page(f"archive/{key}.md", "month.md.j2", {"month": briefings[0].date, "briefings": briefings}))
    counts = {slug: len(publication.briefings_on(slug)) for slug in publication.config.topics}
    pages.append(Page("topics/index.md", "topics.md.j2", {"counts": counts}))
    pages.append(Page("digests.md", "digests.md.j2", {"digests": weekly_digests(publication)}))
    for slug, topic in publication.config.topics.items():
        briefings = publication.briefings_on(slug)
        context = {"topic": topic, "briefings": briefings, "articles": publication.articles_on(slug)}
        meta = {"feed": f"topics/{slug}/"} if briefings else {}  # feeds.feed_folders: topics with briefings
        pages.append(Page(f"topics/{slug}.md", "topic.md.j2", context, meta))
    if publication.glossary:
        pages.append(Page("glossary.md", "glossary.md.j2", {"entries": publication.glossary}))
    return pages


def url_path(docs_path: str) -> str:
    """Where a docs page is published under its language root (directory URLs; "" for the home page)."""
    path = docs_path.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def render_docs(publication: Publication, language: str, templates: Path, locales: Path, out: Path) -> list[Page]:
    """Write the docs tree for `language` into `out`, rendering only pages whose inputs changed.

    Each page's inputs (its context, the settings, templates, catalogs and this code) are
    hashed; `<out>.pages.json` keeps the hashes of the last run. Unchanged files keep their
    bytes and mtime, which is how the engine tells what to rebuild.
    """
    pages = page_list(publication)
    manifest_path = out.with_name(f"{out.name}.pages.json")
    previous = read_record(manifest_path)
    base = shared_inputs(publication, language, templates, locales)
    env = markdown_environment(templates)
    translations = i18n.translations(locales, language)
    env.install_gettext_translations(translations, newstyle=True)
    manifest = {}
    for page in pages:
        manifest[page.path] = hashlib.sha256(base + pickle.dumps((page.path, page.template, page.context, page.meta))).hexdigest()
        target = out / page.path
        if previous.get(page.path) == manifest[page.path] and target.is_file():
            continue
        helpers = _helpers(publication, language, page.path, translations.gettext)
        module = env.get_template(page.template).make_module({"config": publication.config, **helpers, **page.context})
        _write_if_changed(target, _front_matter(module.page_title, page.meta) + str(module))
    for existing in out.rglob("*.md"):
        if existing.relative_to(out).as_posix() not in manifest:
            existing.unlink()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return pages


def shared_inputs(publication: Publication, language: str, templates: Path, locales: Path) -> bytes:
    """What every page (or PDF) is made with: the settings, the templates, the catalogs, this code."""
    digest = hashlib.sha256(pickle.dumps((language, publication.config)))
    for folder in (templates, locales, Path(__file__).parent.parent):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _write_if_changed(target: Path, text: str) -> None:
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _helpers(publication: Publication, language: str, current: str, gettext) -> dict:
    fallback = publication.config.language_codes

    def localized(value: Localized) -> Markup:
        """The text in this page's language, or another one, visibly marked as untranslated."""
        text, shown_in = value.in_language(language, fallback)
        if shown_in == language:
            return escape_markdown(text)
        label = escape(gettext("Not yet translated"))
        return Markup(f'<span lang="{shown_in}" class="untranslated">{escape_markdown(text)}</span> <small class="untranslated-label">({label})</small>')

    return {
        "language": language,
        "t": localized,
        "plain": lambda value: value.in_language(language, fallback)[0],
        "link": lambda target: relative_link(target, current),
        "long_date": lambda day: i18n.long_date(day, language),
        "date_time": lambda moment: i18n.date_time(moment, language),
        "month_name": lambda day: i18n.month(day, language),
        "date_range": lambda start, end: i18n.date_range(start, end, language),
        "topic_name": lambda slug: localized(publication.config.topics[slug].name),
        "period_name": lambda period: period_name(period, language, gettext),
        "digest_kind": lambda period: digest_kind(period, gettext),
        "site_root": _site_root(current),
    }


def _site_root(current: str) -> str:
    """From a page's published folder (directory URLs) up to the site root, above the language folders.

    Files outside the docs tree (PDFs) are linked with these plain relative URLs in raw
    HTML, which MkDocs neither rewrites nor checks.
    """
    return "../" * (url_path(current).count("/") + 1)


def _front_matter(title: str, meta: dict) -> str:
    """Page title for <title> and search (none on the home page: the theme shows the site name)."""
    # The theme prints meta titles unescaped into <title>: escape them here.
    values = {**({"title": str(escape(title))} if title else {}), **meta}
    if not values:
        return ""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(values, Dumper=dumper, allow_unicode=True, width=1000) + "---\n\n"
