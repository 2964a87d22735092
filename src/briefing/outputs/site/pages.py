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
from functools import partial
from pathlib import Path

import yaml
from jinja2 import Environment
from markupsafe import escape

from ...i18n import Localizer
from ...model import Publication
from ...release import released, unreleased
from ...workspace import read_record
from ..fingerprints import shared_inputs
from ..periods import weekly_digests
from .excerpt import published_body
from .head import head_meta, logo_path
from .markdown_escape import markdown_environment, relative_link

LISTING = {"hide": ["toc"]}  # a page that lists briefings: the list is the page, no contents beside it repeat it


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
    home = {"briefings": publication.briefings[: publication.config.home_limit]}
    pages = [Page("index.md", "home.md.j2", home, LISTING)]
    as_of = publication.as_of
    briefings = publication.briefings  # newest first: the next briefing is the one before in the list
    for index, briefing in enumerate(briefings):
        sources = [publication.articles[article_id] for article_id in briefing.articles]
        newer, older = briefings[index - 1] if index else None, briefings[index + 1] if index + 1 < len(briefings) else None
        banner = unreleased(briefing, as_of) if as_of else None  # only the preview has drafts and scheduled briefings
        context = {"briefing": briefing, "sources": sources, "newer": _neighbour(newer), "older": _neighbour(older), "banner": banner}
        pages.append(Page(f"briefings/{briefing.id}.md", "briefing.md.j2", context))
    for briefing in publication.withdrawn:  # its address keeps a page, which search leaves out
        context = {"briefing_id": briefing.id, "withdrawal": briefing.withdrawn}
        pages.append(Page(f"briefings/{briefing.id}.md", "withdrawn.md.j2", context, {"search": {"exclude": True}}))
    for article in sorted(publication.articles.values(), key=lambda a: a.id):
        # The published text, in the preview too (its notes and whole texts are added as it serves the page: preview_extras.py),
        # so a preview and a build render the same article pages once between them.
        context = {"article": article, "citing": publication.briefings_citing(article.id), "body": published_body(article)}
        pages.append(Page(f"articles/{article.id}.md", "article.md.j2", context))
    months = defaultdict(list)
    for briefing in publication.briefings:
        months[briefing.date.strftime("%Y-%m")].append(briefing)
    pages.append(Page("archive/index.md", "archive.md.j2", {"months": dict(months)}))
    for key, briefings in months.items():
        pages.append(Page(f"archive/{key}.md", "month.md.j2", {"month": briefings[0].date, "briefings": briefings}, LISTING))
    counts = {slug: len(publication.briefings_on(slug)) for slug in publication.config.topics}
    pages.append(Page("topics/index.md", "topics.md.j2", {"counts": counts}))
    in_pdfs = released(publication, as_of) if as_of else publication  # the preview's drafts have no PDF: no digest lists them
    pages.append(Page("digests.md", "digests.md.j2", {"digests": weekly_digests(in_pdfs)}))
    for slug, topic in publication.config.topics.items():
        briefings = publication.briefings_on(slug)
        context = {"topic": topic, "briefings": briefings, "articles": publication.articles_on(slug)}
        meta = {**LISTING, "feed": f"topics/{slug}/"} if briefings else LISTING  # feeds.feed_folders: topics with briefings
        pages.append(Page(f"topics/{slug}.md", "topic.md.j2", context, meta))
    if publication.glossary:
        pages.append(Page("glossary.md", "glossary.md.j2", {"entries": publication.glossary}))
    return pages


def _neighbour(briefing) -> dict | None:
    """What a briefing's page shows of the one before or after it: an edit to its summary leaves this page as it is."""
    return {"id": briefing.id, "title": briefing.title} if briefing else None


def url_path(docs_path: str) -> str:
    """Where a docs page is published under its language root (directory URLs; "" for the home page)."""
    path = docs_path.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def render_docs(publication: Publication, language: str, templates: Path, locales: Path, out: Path, manifest_path: Path) -> list[Page]:
    """Write the docs tree for `language` into `out`, rendering only pages whose inputs changed.

    Each page's inputs (its context, the settings, templates, catalogs and the code) are
    hashed; `manifest_path` keeps the hashes of the last run. Unchanged files keep their
    bytes and mtime, which is how the engine tells what to rebuild.
    """
    pages = page_list(publication)
    previous = read_record(manifest_path)
    base = shared_inputs(publication.config, language, templates, locales)
    localizer = Localizer(publication.config, language, locales)
    env = markdown_environment(templates, localizer)
    manifest = {}
    for page in pages:
        manifest[page.path] = hashlib.sha256(base + pickle.dumps((page.path, page.template, page.context, page.meta))).hexdigest()
        target = out / page.path
        if previous.get(page.path) == manifest[page.path] and target.is_file():
            continue
        _write_if_changed(target, page_markdown(env, page, localizer))
    logo = publication.config.identity.logo
    if logo:
        _write_if_changed(out / logo_path(logo), logo.data)
    for existing in out.rglob("*.md"):
        if existing.relative_to(out).as_posix() not in manifest:
            existing.unlink()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return pages


def page_markdown(env: Environment, page: Page, localizer: Localizer) -> str:
    """One docs page's Markdown, front matter included (`env` from markdown_environment, in `localizer`'s language)."""
    place = {"link": partial(relative_link, current=page.path), "site_root": _site_root(page.path)}
    module = env.get_template(page.template).make_module({"config": localizer.config, **place, **page.context})
    meta = {**page.meta, **head_meta(page.context, url_path(page.path), localizer)}
    return _front_matter(module.page_title, meta) + str(module)


def _write_if_changed(target: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


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
