"""What `briefing serve` keeps in memory between edits, to show an edit in under a second.

A build loads every file and hands the engine every page. The preview keeps the
loaded publication (each file parsed again only when its text changed), the pages
with their contexts, and each language's engine loaded. After an edit it loads again,
compares each page's context with the one it last rendered and renders just the pages
whose context changed: the edited briefing or article in every language and the pages
that list it (home, its month, its topics, the articles it cites and that cite it),
whatever the size of the publication. Feeds, search and PDFs are the background
build's (serve.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .diagnostics import LoadError
from .engine import LivePages
from .i18n import LOCALES_DIR, Localizer
from .load.publication import Memo, load
from .model import Publication
from .outputs.site.markdown_escape import markdown_environment
from .outputs.site.pages import Page, page_list, page_markdown, url_path
from .preview_extras import with_extras
from .release import reference_time, released
from .workspace import Workspace, write_whole

OWN_PAGES = ("briefings/", "articles/")  # a briefing's or an article's own page: short, and what the editor looks at


@dataclass(frozen=True)
class Change:
    rendered: list[str]  # docs paths whose HTML was rendered again, in any language
    removed: list[str]


class Preview:
    """The publication and pages of the site in `site`, kept up to date page by page."""

    def __init__(self, workspace: Workspace, site: Path, strict: bool = False):
        """Load the publication now: what the next build of `site` shows is as new or newer (see `start`)."""
        self.project, self.workspace, self.site, self.strict = workspace.project, workspace, site, strict
        self.memo = Memo()
        self.publication = self._load()
        self.pages = {page.path: page for page in page_list(self.publication)}
        self.markdown: dict[str, Callable[[Page], str]] = {}  # language: a page's Markdown in it
        self.localizers: dict[str, Localizer] = {}
        self.engines: dict[str, LivePages] = {}
        self.markdown_of: dict[tuple[str, str], str] = {}  # (language, docs path): Markdown of the served page

    def start(self) -> None:
        """Once `site` is built (from the docs trees): load each language's engine. Edits made since this
        object loaded are rendered at the next `update`, though the build may have shown some already."""
        templates, locales = self.project / "templates" / "site", self.project / LOCALES_DIR
        config = self.publication.config
        for code in config.language_codes:
            localizer = self.localizers[code] = Localizer(config, code, locales)
            self.markdown[code] = partial(page_markdown, markdown_environment(templates, localizer), localizer=localizer)
            self.engines[code] = LivePages(self.publication, code, self.workspace)
            self.engines[code].render({"index.md": self.markdown[code](self.pages["index.md"])})  # compiles the theme
            for path in self.pages:  # the listings the served site was made from: an edit that leaves one as it was skips it
                docs = self.workspace.docs(code) / path
                if not path.startswith(OWN_PAGES) and docs.is_file():
                    self.markdown_of[(code, path)] = docs.read_text(encoding="utf-8")
        # What is loaded now lives as long as the preview: the collector stops walking it (at N=1000, its full
        # collections during an update took up to half a second before the edited page showed).
        gc.freeze()

    def for_editors(self, address: str, html: bytes) -> bytes:
        """The served page at `address` with what only editors see (preview_extras.py)."""
        return with_extras(html, address, self.publication, self.localizers)

    def close(self) -> None:
        for engine in self.engines.values():
            engine.close()
        gc.unfreeze()  # a new preview (after an edit to settings or templates) replaces this one: let it be collected

    def update(self, show: Callable[[set[str]], None] = lambda pending: None) -> Change:
        """Load again and render what changed; on LoadError or EngineError the served pages stay as they were.

        The edited briefings' and articles' own pages come first, then `show(pending)` may reload open
        pages while the others (the pages that list them or cite them; home, archive and topics are the
        longer ones) are rendered; `pending` are their addresses, not to be served until this returns.
        """
        publication = self._load()
        self.publication = publication  # what editors see added to a page (for_editors) is new from the first reload on
        pages = {page.path: page for page in page_list(publication)}
        changed = [page for path, page in pages.items() if self.pages.get(path) != page]
        removed = [path for path in self.pages if path not in pages]
        edited = [page for page in changed if self._edited(page)]
        others = [page for page in changed if not self._edited(page)]
        rendered = self._write(publication, edited, removed)
        if others:
            show({f"/{code}/{url_path(page.path)}" for code in self.engines for page in others})
            rendered += self._write(publication, others, [])
        self.pages = pages
        return Change(rendered, removed)

    def _write(self, publication: Publication, pages: list[Page], removed: list[str]) -> list[str]:
        """Render `pages` in every language, then write them (none is written if one fails); the pages
        whose Markdown came out as before are not rendered again (a listing shows only some fields)."""
        html = {}
        for code, engine in self.engines.items():
            for path in removed:
                engine.remove(path)
            markdown = {page.path: self.markdown[code](page) for page in pages}
            markdown = {path: text for path, text in markdown.items() if self.markdown_of.get((code, path)) != text}
            html[code] = markdown, engine.render(markdown)
        for code, (markdown, language_html) in html.items():
            for url, text in language_html.items():
                target = self.site / code / url / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                write_whole(target, text.encode("utf-8", errors="xmlcharrefreplace"))
            for path in removed:
                (self.site / code / url_path(path) / "index.html").unlink(missing_ok=True)
                self.markdown_of.pop((code, path), None)
            self.markdown_of.update(((code, path), text) for path, text in markdown.items())
        return sorted({path for markdown, _ in html.values() for path in markdown})

    def _edited(self, page: Page) -> bool:
        """Whether `page` is the own page of a briefing or article that changed (not one that cites it)."""
        if not page.path.startswith(OWN_PAGES):
            return False
        before = self.pages.get(page.path)
        key = next(key for key in ("briefing", "withdrawal", "article") if key in page.context)
        return before is None or before.context.get(key) != page.context[key]

    def _load(self) -> Publication:
        publication, problems = load(self.project, self.memo)
        if publication is None or (self.strict and problems.warnings):
            raise LoadError(problems.sorted())
        return released(publication, reference_time(), preview=True)  # drafts and scheduled briefings, with banners
