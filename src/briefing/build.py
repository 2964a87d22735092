"""The pipeline: load and validate everything, write every output into staging, then publish at once."""

from __future__ import annotations

import fcntl
import time
import traceback
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import jinja2

from . import i18n
from .diagnostics import BuildError
from .load import load_or_raise
from .model import Publication
from .outputs import engine
from .outputs.digests import RANGE, Period, digest, monthly_periods
from .outputs.feeds import write_feeds
from .outputs.pages import render_docs
from .outputs.pdf import PdfError, write_digests, write_pdfs
from .outputs.root import write_root
from .outputs.search import write_search
from .parallel import run_all
from .progress import Reporter
from .publish import discard, link_tree, prepare, publish


def build(project: Path, output: Path, work: Path | None = None, reporter: Reporter | None = None,
          site_url: str | None = None, strict: bool = False) -> Publication:
    """Build the whole publication into `output`; on any failure `output` is left as it was.

    `work` keeps what the next build can reuse (docs trees, the engine's output). `site_url`
    replaces the configured one, so a local preview links to itself, not to production.
    """
    work = work or project / "build"
    reporter = reporter or Reporter(quiet=True)
    work.mkdir(parents=True, exist_ok=True)
    with _exclusive(work / "build.lock"):
        trash = work / "trash"
        staging = prepare(output, trash)
        with reporter.stage("load"):
            publication = load_or_raise(project, strict, reporter.warn)
        published = publication  # PDFs link to the published site even in a preview: they are what will be published
        if site_url:
            publication = replace(publication, config=replace(publication.config, site_url=site_url))
        reporter.say(f"Loaded {len(publication.articles)} articles and {len(publication.briefings)} briefings")
        try:
            languages = publication.config.language_codes
            with reporter.stage("site", total=len(languages)) as stage:
                built = run_all(partial(_language_site, publication, project, work, staging), languages, stage.advance)
            for language, (pages, outcome, timings) in zip(languages, built):
                for name, seconds in timings.items():
                    reporter.add_timing(f"{name} ({language})", seconds)
                reporter.say(f"Built {len(pages)} pages in {language} (engine: {outcome})")
            with reporter.stage("search"):
                write_search(publication, staging, work)
            with reporter.stage("feeds"):
                write_feeds(publication, staging, project)
            with _output_errors(project):
                write_pdfs(published, staging / "pdf", project, reporter, prune=work == project / "build")
            write_root(publication, pages, project / "templates" / "site", staging)
            publish(staging, output, trash)
        finally:
            discard([staging], trash)
    return publication


def make_digests(project: Path, start: date, end: date, monthly: bool, language: str | None, output: Path,
                 reporter: Reporter) -> list[Path]:
    """`briefing pdf`: a digest of the briefings dated `start` to `end`, or one per calendar month."""
    if start > end:
        raise BuildError(f"--from {start} is after --to {end}")
    work = project / "build"
    work.mkdir(parents=True, exist_ok=True)
    with _exclusive(work / "build.lock"):  # the PDF cache is shared with `build`
        publication = load_or_raise(project, warn=reporter.warn)
        codes = publication.config.language_codes
        if language and language not in codes:
            raise BuildError(f"--lang {language}: the publication's languages are {', '.join(codes)}")
        digests = [digest(publication, period) for period in (monthly_periods(start, end) if monthly else [Period(RANGE, start, end)])]
        for empty in (d for d in digests if monthly and not d.briefings):
            reporter.say(f"no briefings from {empty.period.start} to {empty.period.end}: no digest for them")
        if not any(d.briefings for d in digests):
            raise BuildError(f"no briefings are dated from {start} to {end}")
        with _output_errors(project):
            report = write_digests(publication, [d for d in digests if d.briefings], (language,) if language else codes, output,
                                   project, reporter)
    return sorted(output / name for name in report.rendered + report.reused)


def _language_site(publication: Publication, project: Path, work: Path, staging: Path, language: str):
    """One language's pages and engine run (in a worker process); its site is linked into staging."""
    timings = {}
    started = time.perf_counter()
    pages = _render(publication, language, project, work / "docs" / language)
    timings["pages"] = time.perf_counter() - started
    started = time.perf_counter()
    engine_output = work / "site" / language
    outcome = engine.build_language(publication, language, work / "docs" / language, engine_output, work, project)
    timings["engine"] = time.perf_counter() - started
    started = time.perf_counter()
    link_tree(engine_output, staging / language)
    timings["link"] = time.perf_counter() - started
    return pages, outcome, timings


def _render(publication: Publication, language: str, project: Path, docs: Path):
    with _output_errors(project):
        return render_docs(publication, language, project / "templates" / "site", project / i18n.LOCALES_DIR, docs)


@contextmanager
def _output_errors(project: Path):
    """Template and PDF failures as one-line BuildErrors naming the file or PDF at fault."""
    try:
        yield
    except jinja2.TemplateError as exc:
        raise BuildError(f"{_template_place(exc, project)}: template error: {exc.message or exc}") from None
    except PdfError as exc:
        raise BuildError(str(exc)) from None


def _template_place(exc: jinja2.TemplateError, project: Path) -> str:
    """file:line of the template at fault, from Jinja's rewritten traceback."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{Path(exc.filename).resolve().relative_to(project.resolve())}:{exc.lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{Path(frame.filename).resolve().relative_to(project.resolve())}:{frame.lineno}"
    return "templates/site"


@contextmanager
def _exclusive(lock_path: Path):
    with lock_path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build is running in this project (lock {lock_path}); wait for it to finish") from None
        yield
