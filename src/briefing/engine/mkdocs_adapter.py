"""The only module that knows MkDocs: derive one config per language and run the build.

The publication's top-level mkdocs.yml is the base (theme, palette, Markdown
extensions); what differs per language (site name, URL, theme language, search
language, nav labels, language selector) is derived here and never edited by hand.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from contextlib import contextmanager
from pathlib import Path

import yaml
from markupsafe import escape

from ..i18n import LOCALES_DIR, Localizer
from ..library_logs import collected_warnings
from ..model import Identity, Publication
from ..outputs.formats import HEAD, RSS, announced_in
from ..outputs.search.index_file import index_file, read_index, write_index
from ..outputs.site.head import logo_path
from ..outputs.site.pages import url_path
from ..workspace import Workspace, read_record
from .palette import custom_colours, palette


class EngineError(Exception):
    """MkDocs could not build a language; the message says what it reported."""


def language_config(publication: Publication, language: str, docs: Path, site: Path, project: Path) -> dict:
    config = publication.config
    localizer = Localizer(config, language, project / LOCALES_DIR)
    gettext = localizer.gettext
    derived = copy.deepcopy(dict(config.base))
    theme = derived.get("theme") or {"name": "material"}
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme}  # `theme: material` is MkDocs' short form
    # font: false whatever mkdocs.yml says: Material would load Google Fonts; the theme's CSS names the systems' fonts
    theme.update(
        language=language,
        custom_dir=str(project / "templates" / "theme"),
        palette=palette(config.identity, theme.get("palette")),
        font=False,
    )
    if config.identity.logo:
        theme["logo"] = logo_path(config.identity.logo)
    derived.pop("copyright", None)  # the theme's footer prints it, escaped, in the page's language
    extra = dict(derived.get("extra") or {})
    extra["alternate"] = [{"name": other.name, "lang": other.code, "link": f"../{other.code}/"} for other in config.languages]
    feeds = [{"file": kind.file, "type": kind.media_type, "label": kind.label} for kind in announced_in(HEAD)]
    locales = {other: Localizer(config, other, project / LOCALES_DIR).territory_locale for other in config.language_codes}
    extra["briefing"] = {
        "site_url": config.site_url,
        "language": language,
        "feeds": feeds,
        "locales": locales,
        "colours": custom_colours(config.identity),
        "identity": _identity(config.identity, localizer),
    }
    rss = RSS.url_for(config.site_url, language=language, folder="")
    extra["social"] = [{"icon": "material/rss", "link": rss, "name": gettext("Subscribe (RSS feed)")}]
    plugins = [p for p in derived.get("plugins") or [] if p != "search" and not (isinstance(p, dict) and "search" in p)]
    derived.update(
        site_name=localizer.text(config.site_name),
        site_description=localizer.text(config.description),
        site_url=f"{config.site_url}{language}/",
        docs_dir=str(docs),
        site_dir=str(site),
        theme=theme,
        extra=extra,
        plugins=[{"search": {"lang": language}}, *plugins],
        nav=[
            {gettext("Home"): "index.md"},
            {gettext("Archive"): "archive/index.md"},
            {gettext("Topics"): "topics/index.md"},
            {gettext("Digests"): "digests.md"},
        ]
        + ([{gettext("Glossary"): "glossary.md"}] if publication.glossary else []),
        # Briefings and articles are reached through home, archive and topic pages: a nav
        # listing them all makes every page carry the whole list (quadratic build).
        not_in_nav="/briefings/\n/articles/\n/archive/\n/topics/\n",
        strict=True,
    )
    derived.setdefault("extra_css", []).append("assets/stylesheets/briefing.css")
    return derived


def _identity(identity: Identity, localizer: Localizer) -> dict:
    """The header's and footer's texts in this language, each with the language it is shown in (a fallback is marked)."""

    def shown(value):
        return dict(zip(("text", "lang"), localizer.shown(value), strict=True)) if value else None

    contact = identity.contact
    return {
        "name": shown(localizer.config.site_name),
        "short_name": shown(identity.short_name or localizer.config.site_name),
        "about": shown(identity.about),
        "contact": {"text": contact, "href": contact if "://" in contact else f"mailto:{contact}"} if contact else None,
        "copyright": shown(identity.copyright),
        "disclaimer": shown(identity.disclaimer),
        "links": [{**shown(link.name), "url": link.url} for link in identity.links],
        "labels": {"contact": localizer.gettext("Contact"), "links": localizer.gettext("About the publication")},
    }


def build_language(publication: Publication, language: str, workspace: Workspace) -> str:
    """Bring the engine's own output for `language`, kept between builds, up to date with its docs tree.

    Returns "skipped" (nothing changed), "updated" (only changed pages rebuilt) or "rebuilt".
    A page's HTML depends only on its own Markdown, the config and the theme (the nav is
    three fixed links), so when the config and theme are unchanged MkDocs' dirty mode is
    exact once the stale pages are removed; its search index then holds only the rebuilt
    pages, and is merged with the previous one.
    """
    docs, site, project = workspace.docs(language), workspace.engine_site(language), workspace.project
    search_index = index_file(workspace.engine_output, language)
    config_text = yaml.safe_dump(language_config(publication, language, docs, site, project), allow_unicode=True)
    config_path = workspace.engine_config(language)
    config_path.write_text(config_text, encoding="utf-8")
    state_path = workspace.engine_state(language)
    previous = read_record(state_path)
    state = {"fingerprint": _fingerprint(config_text, project / "templates" / "theme"), "docs": _manifest(docs)}
    state_path.unlink(missing_ok=True)  # until this run succeeds, nothing in `site` is trusted
    if previous.get("fingerprint") != state["fingerprint"] or not (site / "index.html").is_file():
        _run_mkdocs(config_path, language, dirty=False)
        write_index(search_index, read_index(search_index))
        outcome = "rebuilt"
    else:
        stale = {path for path in previous["docs"].keys() | state["docs"].keys() if previous["docs"].get(path) != state["docs"].get(path)}
        outcome = "skipped"
        if stale:
            _rebuild_pages(config_path, language, site, search_index, stale)
            outcome = "updated"
    state_path.write_text(json.dumps(state), encoding="utf-8")
    return outcome


# What MkDocs writes on every run, besides the pages and the search index: removed first (see _rebuild_pages).
REWRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def _rebuild_pages(config_path: Path, language: str, site: Path, search_index: Path, stale: set[str]) -> None:
    """Dirty build of the stale pages only, keeping the other pages' search entries.

    Every file MkDocs will write is removed first, so it writes a new file: the published
    site shares the unchanged files with `site` (hard links) and must never change under it.
    """
    urls = {url_path(path) for path in stale}
    kept = [entry for entry in read_index(search_index)["docs"] if entry["location"].split("#")[0] not in urls]
    search_index.unlink()
    for name in REWRITTEN:
        (site / name).unlink(missing_ok=True)
    for url in urls:  # MkDocs rebuilds pages whose output is missing; a removed page leaves no folder
        (site / url / "index.html").unlink(missing_ok=True)
        if url and (site / url).is_dir() and not any((site / url).iterdir()):
            (site / url).rmdir()
    _run_mkdocs(config_path, language, dirty=True)
    index = read_index(search_index)
    index["docs"] = kept + index["docs"]
    write_index(search_index, index)


def _manifest(docs: Path) -> dict[str, list[int]]:
    """Each docs file's size and modification time: the page renderer rewrites only what changed."""
    manifest = {}
    for path in docs.rglob("*"):
        if path.is_file():
            stat = path.stat()
            manifest[path.relative_to(docs).as_posix()] = [stat.st_mtime_ns, stat.st_size]
    return manifest


def _fingerprint(config_text: str, theme: Path) -> str:
    """Everything besides the pages that shapes the output: config, theme overrides, engine versions."""
    from importlib.metadata import version

    digest = hashlib.sha256(config_text.encode("utf-8"))
    digest.update(f"mkdocs {version('mkdocs')} material {version('mkdocs-material')}".encode())
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _run_mkdocs(config_path: Path, language: str, dirty: bool) -> None:
    """Run `mkdocs build`; raise EngineError with MkDocs' own warnings."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _mkdocs_messages() as messages:
        try:
            config = load_config(config_file=str(config_path))
            # MkDocs' Jinja does not autoescape and the theme prints these into HTML as they are.
            config.site_name, config.site_description = escape(config.site_name), escape(config.site_description or "")
            config.plugins.on_startup(command="build", dirty=dirty)
            try:
                build(config, dirty=dirty)
            except OSError as exc:  # MkDocs writes through open files, whose errors name no file
                raise exc if exc.filename else OSError(exc.errno, exc.strerror, config.site_dir) from None
            finally:
                config.plugins.on_shutdown()
        except (exceptions.MkDocsException, exceptions.Abort) as exc:
            details = "".join(f"\n  {message}" for message in messages)
            raise EngineError(f"MkDocs could not build the {language!r} site: {exc}{details}") from None


@contextmanager
def _mkdocs_messages():
    """Collect MkDocs' warnings for our error message instead of letting them scroll by."""

    def not_dirty_notice(record: logging.LogRecord) -> bool:
        """MkDocs warns about every dirty build; ours are exact (see build_language), and strict mode would fail on it."""
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    logger = logging.getLogger("mkdocs")
    saved = logger.propagate, logger.level
    logger.propagate, logger.level = False, logging.INFO
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(not_dirty_notice)
    try:
        with collected_warnings(logger) as messages:
            yield messages
    finally:
        build_logger.removeFilter(not_dirty_notice)
        logger.propagate, logger.level = saved
