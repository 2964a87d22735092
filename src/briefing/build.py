"""The pipeline: load and validate everything, write every output into staging, then publish at once."""

from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from datetime import date, datetime
from functools import partial
from pathlib import Path

from .diagnostics import BuildError
from .engine import build_language, theme_colours
from .i18n import LOCALES_DIR
from .load import load_or_raise
from .model import Publication
from .outputs.cards import write_cards
from .outputs.feeds import write_feeds
from .outputs.pdf.cache import briefing_pdfs, write_digests, write_pdfs
from .outputs.pdf.render import PdfError
from .outputs.periods import RANGE, Period, digest, monthly_periods
from .outputs.search import write_search
from .outputs.site import render_docs, write_redirects, write_root
from .outputs.template_errors import located_template_errors
from .parallel import run_all
from .progress import Reporter
from .publish import discard, link_tree, prepare, publish
from .release import briefing_named, reference_time, released
from .workspace import Workspace


def build(
    project: Path,
    output: Path,
    workspace: Workspace | None = None,
    reporter: Reporter | None = None,
    strict: bool = False,
    preview: bool = False,
    now: datetime | None = None,
    cached_pdfs: bool = False,
) -> Publication:
    """Build the publication as readers see it `now` into `output`; on any failure `output` is left as it was.

    `workspace` keeps what the next build can reuse (docs trees, the engine's output). A `preview`
    (`briefing serve`'s) shows drafts and scheduled briefings too, with banners (serve adds editors' notes as
    it serves); with `cached_pdfs` it renders no PDF, linking only those rendered before (the preview's first
    build, served at once).
    """
    workspace = workspace or Workspace.of(project)
    reporter = reporter or Reporter(quiet=True)
    with _exclusive(workspace):
        staging = prepare(output, workspace.trash)
        with reporter.stage("load"):
            loaded = load_or_raise(project, strict, reporter.warn)
        now = reference_time(now)
        published = released(loaded, now)  # PDFs are what will be published, even in a preview
        publication = released(loaded, now, preview)
        reporter.say(f"Loaded {len(loaded.articles)} articles and {len(loaded.briefings)} briefings")
        templates, locales = project / "templates", project / LOCALES_DIR
        try:
            languages = publication.config.language_codes
            with reporter.stage("site", total=len(languages)) as stage:
                built = run_all(partial(_language_site, publication, workspace, staging), languages, stage.advance)
            for language, (pages, outcome, timings) in zip(languages, built, strict=True):
                for name, seconds in timings.items():
                    reporter.add_timing(f"{name} ({language})", seconds)
                reporter.say(f"Built {len(pages)} pages in {language} (engine: {outcome})")
            with reporter.stage("search"):
                written = write_search(publication, staging, workspace.search)
            reporter.say("Search files written: " + ", ".join(f"{count} in {language}" for language, count in written.items()))
            with reporter.stage("feeds"), located_template_errors(project):
                write_feeds(publication, staging, templates / "feeds", locales)
            with _pdf_errors(project):
                write_pdfs(published, staging, workspace, reporter, cached_pdfs)
            write_cards(publication, staging, workspace, locales, theme_colours(publication.config.identity), reporter)
            with located_template_errors(project):
                write_root(publication, pages, templates / "site", locales, staging)
                write_redirects(publication, templates / "site", locales, staging)
            publish(staging, output, workspace.trash)
        finally:
            discard([staging], workspace.trash)
    return publication


def make_digests(
    project: Path, start: date, end: date, monthly: bool, language: str | None, output: Path, reporter: Reporter
) -> list[Path]:
    """`briefing pdf`: a digest of the briefings dated `start` to `end`, or one per calendar month."""
    if start > end:
        raise BuildError(f"--from {start} is after --to {end}")
    workspace = Workspace.of(project)
    with _exclusive(workspace):  # the PDF cache is shared with `build`
        publication = released(load_or_raise(project, warn=reporter.warn), reference_time())
        codes = publication.config.language_codes
        if language and language not in codes:
            raise BuildError(f"--lang {language}: the publication's languages are {', '.join(codes)}")
        digests = [digest(publication, period) for period in (monthly_periods(start, end) if monthly else [Period(RANGE, start, end)])]
        for empty in (d for d in digests if monthly and not d.briefings):
            reporter.say(f"no briefings from {empty.period.start} to {empty.period.end}: no digest for them")
        if not any(d.briefings for d in digests):
            raise BuildError(f"no briefings are dated from {start} to {end}")
        with _pdf_errors(project):
            report = write_digests(
                publication, [d for d in digests if d.briefings], (language,) if language else codes, output, workspace, reporter
            )
    return sorted(output / name for name in report.rendered + report.reused)


def briefing_pdf_files(
    publication: Publication, briefing_id: str, languages: tuple[str, ...], project: Path, reporter: Reporter
) -> dict[str, bytes]:
    """`briefing mail --attach-pdf`: the briefing's PDFs, from the project's render cache (rendered if missing)."""
    workspace = Workspace.of(project)
    with _exclusive(workspace):  # the PDF cache is shared with `build`
        briefing = briefing_named(publication, briefing_id)
        with _pdf_errors(project):
            return briefing_pdfs(publication, briefing, languages, workspace, reporter)


def _language_site(publication: Publication, workspace: Workspace, staging: Path, language: str):
    """One language's pages and engine run (in a worker process); its site is linked into staging."""
    timings = {}
    project = workspace.project
    with located_template_errors(project):  # here: a worker's traceback does not come back with its error
        started = time.perf_counter()
        pages = render_docs(
            publication,
            language,
            project / "templates" / "site",
            project / LOCALES_DIR,
            workspace.docs(language),
            workspace.page_hashes(language),
        )
        timings["pages"] = time.perf_counter() - started
        started = time.perf_counter()
        outcome = build_language(publication, language, workspace)
        timings["engine"] = time.perf_counter() - started
    started = time.perf_counter()
    link_tree(workspace.engine_site(language), staging / language)
    timings["link"] = time.perf_counter() - started
    return pages, outcome, timings


@contextmanager
def _pdf_errors(project: Path):
    """PDF failures as one-line BuildErrors naming the PDF at fault; template errors naming the template."""
    try:
        with located_template_errors(project):
            yield
    except PdfError as exc:
        raise BuildError(str(exc)) from None


@contextmanager
def _exclusive(workspace: Workspace):
    """The work folder, made if need be, for this process alone: a second build is refused, not queued."""
    workspace.root.mkdir(parents=True, exist_ok=True)
    lock_path = workspace.lock
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build is running in this project (lock {lock_path}); wait for it to finish") from None
        yield
