"""Jinja for the outputs written as HTML documents (PDFs, mail): values HTML-escaped, undefined names an error,
the localizer's strings and helpers, and the one filter that keeps third-party addresses to the web."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from ..i18n import Localizer
from .site.markdown_escape import external_url


def html_environment(templates: Path, localizer: Localizer) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(localizer.translations, newstyle=True)
    env.globals.update(localizer.helpers(escape))
    env.filters["external_url"] = external_url
    return env
