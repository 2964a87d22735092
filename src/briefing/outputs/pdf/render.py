"""HTML to PDF with WeasyPrint, reading nothing but the publication's own PDF assets.

`render` is a pure function of its `PdfJob` (HTML text, asset folder, metadata
options): no model, no clock, no network. Jobs pickle, so a process pool can render
several at once, and the same job always gives the same bytes. `render_into` is what a
worker process runs: it imports WeasyPrint and a few small modules of ours, never the model
or the other outputs (the packages' `__init__` files import nothing for that reason).
"""

from __future__ import annotations

import atexit
import gc
import logging
import mimetypes
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ...library_logs import collected_warnings
from ...workspace import write_whole
from . import subset

# Tagged PDF (structure tree, /Lang, XMP metadata) for screen readers and text reuse.
PDF_VARIANT = "pdf/ua-1"


class PdfError(Exception):
    """A PDF could not be made; the message names the PDF and the reason."""


@dataclass(frozen=True)
class PdfJob:
    name: str  # e.g. "2025-10-30-x.en.pdf", for messages
    html: str  # a complete document; its <meta> elements carry title, author, subject, language, dates
    assets: Path  # the only folder the renderer may read from (stylesheets, images of the templates)
    css: str = ""  # this document's own rules (its translated page footer), after the print stylesheets


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    refused: tuple[str, ...]  # URLs the document named that were not fetched
    warnings: tuple[str, ...]  # what WeasyPrint reported (unknown CSS, unreadable assets)
    cpu: float = 0.0  # processor seconds the render took


def render_into(task: tuple[PdfJob, Path]) -> Rendered:
    """Render one PDF straight into its cache entry (in a worker): only a small summary travels back.

    WeasyPrint failing on a document (a bug it has, a stylesheet it cannot lay out)
    becomes a PdfError naming the PDF, so the build stops with one line, not a traceback.
    """
    job, entry = task
    started = time.process_time()
    try:
        rendered = render(job)
    except Exception as exc:  # noqa: BLE001 - any renderer failure, reported with the PDF it happened in
        raise PdfError(f"{job.name}: the PDF renderer failed: {type(exc).__name__}: {exc}") from None
    write_whole(entry, rendered.pdf)  # a crash mid-write must not leave half a PDF to reuse
    return Rendered(b"", rendered.pages, rendered.refused, rendered.warnings, time.process_time() - started)


def render(job: PdfJob) -> Rendered:
    from weasyprint import HTML

    fetcher = _own_assets_fetcher(job.assets)
    with collected_warnings(logging.getLogger("weasyprint")) as messages:
        counters, stylesheets, refused = _stylesheets(job.assets, print_stylesheets(job.assets), job.css)
        document = HTML(string=job.html, base_url=job.assets.resolve().as_uri() + "/", url_fetcher=fetcher).render(
            pdf_variant=PDF_VARIANT, font_config=_fonts(), counter_style=counters, stylesheets=stylesheets
        )
        pdf = subset.write_pdf(document, pdf_variant=PDF_VARIANT, pdf_identifier=True)  # /ID: a hash of the content
    return Rendered(pdf, len(document.pages), (*refused, *fetcher.refused), tuple(messages))


def print_stylesheets(assets: Path) -> tuple[tuple[str, str], ...]:
    """(name, text) of each stylesheet in the assets folder, in name order: what every PDF is styled with."""
    return tuple((css.name, css.read_text(encoding="utf-8")) for css in sorted(assets.glob("*.css")))


@lru_cache(maxsize=8)
def _stylesheets(assets: Path, sheets: tuple[tuple[str, str], ...], css: str):
    """The print stylesheets and a document's own rules, parsed once per process for all the PDFs that share them.

    Parsing print.css for every PDF took about a tenth of the render. Given to WeasyPrint
    as stylesheets rather than linked from the HTML, they apply as the user's origin,
    which, with no author stylesheet in the documents, cascades exactly as before. The
    texts are part of the cache key, so an edited stylesheet is parsed again. What they
    name outside the assets is refused once, and reported for every PDF they style.
    """
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle

    counters, fetcher, base = CounterStyle(), _own_assets_fetcher(assets), assets.resolve().as_uri() + "/"
    parsed = [
        CSS(string=text, base_url=base + name, url_fetcher=fetcher, font_config=_fonts(), counter_style=counters)
        for name, text in (*sheets, ("document.css", css))
    ]
    return counters, parsed, tuple(fetcher.refused)


@lru_cache(maxsize=1)
def _fonts():
    """One fontconfig setup per process, shared by its renders: the fonts are opened and mapped once.

    A fresh one per PDF (WeasyPrint's default) reloads fontconfig and maps the 90 MB of
    CJK font files again each time. Only stylesheets add fonts to it (@font-face): ours are
    parsed once per process and article bodies carry none, so no PDF changes it for the next.
    """
    from weasyprint.text.fonts import FontConfiguration

    atexit.register(_release_fonts)
    return FontConfiguration()


def _release_fonts() -> None:
    """Free the shared fontconfig and Pango objects while the interpreter is whole.

    Left to the interpreter's teardown, their finalizers run after the modules they call
    are gone: WeasyPrint's prints a traceback ("Exception ignored in FontConfiguration.__del__")
    after a successful build, and under an audit hook (the fault tests') the process crashed.
    """
    _stylesheets.cache_clear()
    _fonts.cache_clear()
    gc.collect()


def _own_assets_fetcher(assets: Path):
    """A WeasyPrint URL fetcher that serves files inside `assets` and refuses everything else.

    Untrusted text can name `file:///etc/passwd`, `http://169.254.169.254/` or
    `../../secret` in an image, stylesheet, attachment or CSS `url()`; each is refused
    (WeasyPrint then leaves the resource out and carries on) and recorded.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = assets.resolve()

    class OwnAssetsOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            path = _asset_path(url, root)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"refused {url[:200]}: only the publication's own PDF assets may be read")
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})

    return OwnAssetsOnly()


def _asset_path(url: str, root: Path) -> Path | None:
    """The file a `file:` URL names, if it is a regular file inside `root` (symlinks resolved)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(unquote(parts.path))).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None
