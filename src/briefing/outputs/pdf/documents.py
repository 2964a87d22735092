"""The HTML of each PDF, from the model and the templates in templates/pdf/.

Everything a PDF shows is decided here and in the templates: text, dates (Babel),
UI strings (gettext), metadata. The result is one HTML string per PDF, with its page
footer as a CSS rule (the renderer adds the print stylesheets), which is also what the
render cache is keyed on. Each PDF is first a `Planned`: a hash of everything its HTML
is made from, so that a rebuild need not make the HTML of a PDF that did not change.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment
from markupsafe import Markup, escape

from ...i18n import LOCALES_DIR, Localizer
from ...model import Article, Briefing, Publication
from ..fingerprints import shared_inputs
from ..formats import PAGE
from ..html_templates import html_environment
from ..periods import Digest
from ..site.article_html import article_html
from ..site.excerpt import published_body
from .render import PdfJob

TEMPLATES = Path("templates") / "pdf"
WORD_JOINER = "\u2060"
# A space-delimited run holding Hangul; its characters are joined so lines break only at spaces.
HANGUL_WORD = re.compile(r"[^\s<>]*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3][^\s<>]*")
CHARACTER_OR_ENTITY = re.compile(r"&#?\w+;|.", re.S)
TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")  # a tag whose quoted attributes may hold ">"


@dataclass(frozen=True)
class Meta:
    """What the PDF's document information and XMP metadata say."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    created: datetime
    modified: datetime


@dataclass(frozen=True)
class Planned:
    """A PDF to make: its file name, a hash of all its HTML is made from, and how to make the HTML."""

    name: str
    inputs: str
    make: Callable[[], PdfJob]


class Documents:
    """Plans the HTML of every PDF of a publication; one Jinja environment per language."""

    def __init__(self, publication: Publication, project: Path):
        self.publication = publication
        self.project = project
        self.assets = project / TEMPLATES
        self._localizers = {code: Localizer(publication.config, code, project / LOCALES_DIR) for code in publication.config.language_codes}
        self._environments: dict[str, Environment] = {}
        self._shared: dict[str, bytes] = {}

    def briefing(self, briefing: Briefing, language: str, name: str) -> Planned:
        text = self._localizers[language].text
        topics = tuple(text(self.publication.config.topics[t].name) for t in briefing.topics)
        meta = Meta(text(briefing.title), self._author(language), text(briefing.summary), topics, briefing.published, briefing.updated)
        return self._plan(language, "briefing.html.j2", name, meta, [briefing], briefing=briefing)

    def digest(self, digest: Digest, language: str, name: str) -> Planned:
        localizer = self._localizers[language]
        text, gettext = localizer.text, localizer.gettext
        title = f"{text(self.publication.config.site_name)} — {digest.period.kind_name(localizer)}: {digest.period.name(localizer)}"
        meta = Meta(
            title,
            self._author(language),
            "; ".join(text(b.title) for b in digest.briefings),
            (gettext("Digest"),),
            min(b.published for b in digest.briefings),
            max(b.updated for b in digest.briefings),
        )
        issued = meta.modified.astimezone(ZoneInfo(self.publication.config.timezone)).date()
        return self._plan(language, "digest.html.j2", name, meta, digest.briefings, digest=digest, issued=issued)

    def _plan(self, language: str, template: str, name: str, meta: Meta, briefings, **context) -> Planned:
        """The PDF's inputs: the shared ones (settings, templates, catalogs, code), its context and the articles it cites."""
        if language not in self._shared:
            self._shared[language] = shared_inputs(self.publication.config, language, self.assets, self.project / LOCALES_DIR)
        cited = [self.publication.articles[a] for b in briefings for a in b.articles]
        inputs = hashlib.sha256(self._shared[language] + pickle.dumps((template, meta, context, cited))).hexdigest()
        return Planned(name, inputs, lambda: self._job(language, template, name, meta, **context))

    def _job(self, language: str, template: str, name: str, meta: Meta, **context) -> PdfJob:
        html = self._environment(language).get_template(template).render(meta=meta, **context)
        return PdfJob(name, keep_hangul_words(html), self.assets, self._footer(language))

    def _footer(self, language: str) -> str:
        """The page footer, "Page n of N" in the PDF's language, as a CSS rule."""
        pattern = self._localizers[language].gettext("Page %(page)s of %(pages)s")
        return f"@page {{ @bottom-center {{ content: {page_counter_css(pattern)}; }} }}"

    def _author(self, language: str) -> str:
        config = self.publication.config
        return self._localizers[language].text(config.author or config.site_name)

    def _environment(self, language: str) -> Environment:
        if language not in self._environments:
            env = html_environment(self.assets, self._localizers[language])
            env.globals.update(self._helpers(language))
            env.filters["typographic_quotes"] = typographic_quotes
            self._environments[language] = env
        return self._environments[language]

    def _helpers(self, language: str) -> dict:
        """What PDF templates need besides the localizer's helpers."""
        publication, config = self.publication, self.publication.config
        return {
            "config": config,
            "articles_of": lambda briefing: [publication.articles[a] for a in briefing.articles],
            "site_page": lambda path: PAGE.url_for(config.site_url, language=language, key=path),
            "article_body": article_body,
        }


def article_body(article: Article) -> Markup:
    """What the site shows of an article's body, by its rights (the same cut and sanitizer), headings below the PDF's h3 titles."""
    return article_html(published_body(article), article.url, heading_shift=3)


def typographic_quotes(value) -> Markup:
    """A headline's straight quotes as typographic ones: "a" → “a”, 'a' → ‘a’, it's → it’s.

    Works on escaped text (quotes are `&#34;` and `&#39;` there), so markup is never touched.
    """
    text = str(escape(value))
    opening = r"(^|[\s(\[{—–-])"
    text = re.sub(opening + "&#34;", r"\1“", text).replace("&#34;", "”")
    return Markup(re.sub(opening + "&#39;", r"\1‘", text).replace("&#39;", "’"))


def page_counter_css(pattern: str) -> str:
    """A translated "Page %(page)s of %(pages)s" as CSS `content`, keeping the language's word order."""
    parts = []
    for piece in re.split(r"(%\(pages?\)s)", pattern):
        if piece in ("%(page)s", "%(pages)s"):
            parts.append(f"counter({piece[2:-2]})")
        elif piece:
            parts.append('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in piece) + '"')
    return " ".join(parts)


def keep_hangul_words(html: str) -> str:
    """Join the characters of every Korean word in the body with WORD JOINER (U+2060).

    Korean breaks lines between words, never inside one (CSS `word-break: keep-all`),
    but WeasyPrint 70 accepts only `normal` and `break-all`, and Pango breaks between
    any two Hangul syllables. U+2060 forbids those breaks, renders as nothing and is
    left out of copied and extracted text.
    """
    head, separator, body = html.partition("<body")
    pieces = TAG.split(separator + body)  # text, tag, text, tag, …: only the text is touched
    return head + "".join(piece if index % 2 else HANGUL_WORD.sub(_join, piece) for index, piece in enumerate(pieces))


def _join(word: re.Match) -> str:
    return WORD_JOINER.join(CHARACTER_OR_ENTITY.findall(word.group(0)))
