"""The only module that knows MkDocs: derive one config per language and run the build.

The publication's top-level mkdocs.yml is the base (theme, palette, Markdown
extensions); what differs per language (site name, URL, theme language, search
language, nav labels, language selector) is derived here and never edited by hand.
"""

from __future__ import annotations

import copy
import logging
from contextlib import contextmanager
from pathlib import Path

import yaml

from .. import i18n
from ..model import Publication

SECTIONS = ("archive/", "topics/")


class EngineError(Exception):
    """MkDocs could not build a language; the message says what it reported."""


def language_config(publication: Publication, language: str, docs: Path, site: Path, project: Path) -> dict:
    config = publication.config
    gettext = i18n.translations(project / i18n.LOCALES_DIR, language).gettext
    derived = copy.deepcopy(dict(config.base))
    theme = dict(derived.get("theme") or {"name": "material"})
    theme.update(language=language, custom_dir=str(project / "templates" / "theme"))
    extra = dict(derived.get("extra") or {})
    extra["alternate"] = [
        {"name": other.name, "lang": other.code, "link": f"../{other.code}/"} for other in config.languages
    ]
    extra["briefing"] = {"site_url": config.site_url, "language": language}
    extra["social"] = [{"icon": "material/rss", "link": f"{config.site_url}{language}/feed.xml", "name": gettext("Subscribe (RSS feed)")}]
    plugins = [p for p in derived.get("plugins") or [] if p != "search" and not (isinstance(p, dict) and "search" in p)]
    derived.update(
        site_name=config.site_name.in_language(language, config.language_codes)[0],
        site_description=config.description.in_language(language, config.language_codes)[0],
        site_url=f"{config.site_url}{language}/",
        docs_dir=str(docs),
        site_dir=str(site),
        theme=theme,
        extra=extra,
        plugins=[{"search": {"lang": language}}, *plugins],
        nav=[{gettext("Home"): "index.md"}, {gettext("Archive"): "archive/index.md"}, {gettext("Topics"): "topics/index.md"}]
        + ([{gettext("Glossary"): "glossary.md"}] if publication.glossary else []),
        # Briefings and articles are reached through home, archive and topic pages: a nav
        # listing them all makes every page carry the whole list (quadratic build).
        not_in_nav="/briefings/\n/articles/\n/archive/\n/topics/\n",
        strict=True,
    )
    derived.setdefault("extra_css", []).append("assets/stylesheets/briefing.css")
    return derived


def search_index_file(site: Path) -> Path:
    """Where Material's search plugin leaves a language's index: {config, docs: [{location, title, text}]}."""
    return site / "search" / "search_index.json"


def build_language(publication: Publication, language: str, docs: Path, site: Path, work: Path, project: Path) -> None:
    """Run `mkdocs build` for one language; raise EngineError with MkDocs' own warnings."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = work / f"mkdocs.{language}.yml"
    config_path.write_text(yaml.safe_dump(language_config(publication, language, docs, site, project), allow_unicode=True), encoding="utf-8")
    with _mkdocs_messages() as messages:
        try:
            config = load_config(config_file=str(config_path))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (exceptions.MkDocsException, exceptions.Abort) as exc:
            details = "".join(f"\n  {message}" for message in messages)
            raise EngineError(f"MkDocs could not build the {language!r} site: {exc}{details}") from None


@contextmanager
def _mkdocs_messages():
    """Collect MkDocs' warnings for our error message instead of letting them scroll by."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collect(logging.WARNING)
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate, logger.level = False, logging.INFO
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


def serve_with_live_reload(site: Path, host: str, port: int, watched: list[Path], rebuild) -> None:
    """Serve `site` and rebuild, then reload open pages, when a watched path changes (MkDocs' server)."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site))
    for path in watched:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    finally:
        server.shutdown()
