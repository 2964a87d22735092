"""Single pages through MkDocs' own page machinery, for the preview.

A dirty `mkdocs build` rereads the config, walks every docs file and renders the nav
for each call: seconds at a thousand briefings. The preview keeps one language's loaded
config, theme environment, file list and nav, and renders just the pages an edit
touched, from Markdown held in memory, with the same steps (and plugins' events) as
MkDocs' `_populate_page` and `_build_page`, so a page comes out as the build writes it.
"""

from __future__ import annotations

import io
from contextlib import contextmanager

import yaml
from markupsafe import escape

from ..model import Publication
from ..outputs.site.pages import url_path
from ..workspace import Workspace
from .mkdocs_adapter import EngineError, _mkdocs_messages, language_config


class LivePages:
    """One language's MkDocs project, loaded once; `render` gives a page's HTML without writing anything."""

    def __init__(self, publication: Publication, language: str, workspace: Workspace):
        from mkdocs.commands.build import get_navigation
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions

        self.language = language
        docs, site = workspace.docs(language), workspace.engine_site(language)
        text = yaml.safe_dump(language_config(publication, language, docs, site, workspace.project), allow_unicode=True)
        with self._engine_errors():
            config = load_config(config_file=io.StringIO(text))
            # As the build does (see _run_mkdocs): MkDocs' Jinja does not autoescape these.
            config.site_name, config.site_description = escape(config.site_name), escape(config.site_description or "")
            config.plugins.on_startup(command="serve", dirty=True)
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
            for page in nav.pages:  # the nav's own pages: their titles show in every page's nav
                self._populate(page, config, files)
            self.env = config.plugins.on_env(env, config=config, files=files)
            _without_search_entries(config)
        self.config, self.files, self.nav = config, files, nav

    def close(self) -> None:
        self.config.plugins.on_shutdown()

    def render(self, markdown: dict[str, str]) -> dict[str, str]:
        """HTML of each docs page in `markdown` (docs path → Markdown), by its URL path under the language root.

        Pages new to the file list are added first, so links between new pages resolve.
        """
        from mkdocs.structure.pages import Page

        for path in markdown:
            if self.files.get_file_from_path(path) is None:
                self._add(path)
        html = {}
        with self._engine_errors():
            for path, text in markdown.items():
                file = self.files.get_file_from_path(path)
                file.content_string = text
                page = file.page if file.page is not None and file.page in self.nav.pages else Page(None, file, self.config)
                self._populate(page, self.config, self.files)
                html[url_path(path)] = self._page_html(page)
        return html

    def remove(self, path: str) -> None:
        """A docs page that no longer exists: links to it become errors, as in a build."""
        file = self.files.get_file_from_path(path)
        if file is not None:
            self.files.remove(file)

    def _add(self, path: str) -> None:
        from mkdocs.structure.files import File, Files, set_exclusions

        config = self.config
        file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
        set_exclusions(Files([file]), config)
        self.files.append(file)

    @staticmethod
    def _populate(page, config, files) -> None:
        from mkdocs.commands.build import _populate_page

        _populate_page(page, config, files)

    def _page_html(self, page) -> str:
        """MkDocs' `_build_page`, returning the HTML instead of writing it (the preview writes it whole)."""
        from mkdocs.commands.build import get_context

        config = self.config
        config._current_page = page
        page.active = True
        try:
            doc_files = self.files.documentation_pages()
            context = get_context(self.nav, doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            return config.plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            page.active = False
            config._current_page = None

    @contextmanager
    def _engine_errors(self):
        """MkDocs' errors and warnings as one EngineError: the build is strict, so the preview is too."""
        from mkdocs import exceptions

        with _mkdocs_messages() as messages:
            try:
                yield
            except (exceptions.MkDocsException, exceptions.Abort) as exc:
                details = "".join(f"\n  {message}" for message in messages)
                raise EngineError(f"MkDocs could not build the {self.language!r} site: {exc}{details}") from None
            if messages:
                details = "".join(f"\n  {message}" for message in messages)
                raise EngineError(f"MkDocs could not build the {self.language!r} site:{details}")


def _without_search_entries(config) -> None:
    """The search plugin collects each rendered page's index entry, for a build's search index; the
    preview's index comes from its background builds, so the plugin stays (the theme shows the search
    box only with it, and it takes the `data-search-*` attributes out of the page) but collects nothing."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.search_index = _NoEntries()


class _NoEntries:
    """A search index that keeps no entry (Material's plugin adds one per rendered page)."""

    def add_entry_from_context(self, page) -> None:
        pass
