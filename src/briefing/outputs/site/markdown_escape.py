"""Jinja set up to write Markdown: every value is escaped unless it is marked safe."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ...i18n import Localizer
from ..formats import FORMATS, SUBSCRIBE, announced_in
from .article_html import article_html

# Characters that start Markdown inline syntax (emphasis, code, links, attribute lists).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}])")


def escape_markdown(value) -> Markup:
    """Plain text as Markdown that renders to exactly that text: HTML-escaped, syntax backslashed."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = " ".join(str(value).split())
    return Markup(MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))))


def external_url(value: str | None) -> Markup:
    """An http(s) URL safe inside a Markdown link; anything else (javascript:, data:, file:) becomes empty."""
    if not value or urlsplit(value.strip()).scheme.lower() not in ("http", "https"):
        return Markup("")
    return Markup(quote(value.strip(), safe=":/?#@!$&'*+,;=%~[]"))


def relative_link(target: str, current: str) -> Markup:
    """Link between two docs-tree files, as MkDocs resolves (and checks) Markdown links."""
    return Markup(posixpath.relpath(target, posixpath.dirname(current) or "."))


def markdown_environment(templates: Path, localizer: Localizer) -> Environment:
    """The site's templates, speaking the localizer's language; outputs' paths come from the formats table."""
    env = Environment(
        loader=FileSystemLoader(templates),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,  # macro and gettext results come back as Markup, not re-escaped
        finalize=escape_markdown,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(external_url=external_url, article_html=article_html)
    env.install_gettext_translations(localizer.translations, newstyle=True)
    env.globals.update(localizer.helpers(escape_markdown), formats=FORMATS, subscribe_formats=announced_in(SUBSCRIBE))
    return env
