"""One ingest run: each source is fetched or read, parsed, finished and stored in turn.

A source that fails (unreachable, not a feed, unreadable file, even a parser bug) is
reported and the run goes on with the next; validators for conditional GET are kept
only for sources whose entries were all stored, so a failure is retried next time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Config, FeedSource
from .draft import Draft, Unusable
from .feed_reader import NotAFeed, parse_feed
from .fit import fit
from .html_page import page_language_hint, parse_page
from .http import FetchError, Limits
from .language import detect_language
from .pasted import parse_pasted
from .sanitize import block_text
from .sources import decode_text, load, page_kind
from .state import State
from .store import Outcome, Store

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5"


@dataclass(frozen=True)
class Job:
    kind: str  # feed | page
    location: str  # URL or file path
    label: str  # as the report names it
    source: FeedSource | None = None


@dataclass(frozen=True)
class Options:
    topics: tuple[str, ...] = ()
    slug: str | None = None
    limits: Limits = Limits()


@dataclass
class Report:
    label: str
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failed(self) -> bool:
        return self.error is not None or self.count("failed") > 0


def run(
    project: Path,
    config: Config,
    jobs: list[Job],
    options: Options,
    started: Callable[[Job], None] = lambda job: None,
    finished: Callable[[Report], None] = lambda report: None,
) -> list[Report]:
    state = State(project)
    store = Store(project, config, state.guids)
    reports = []
    for job in jobs:
        started(job)
        report = Report(job.label, warnings=[state.problem] if state.problem and not reports else [])
        try:
            _run_job(job, config, options, state, store, report)
        except (FetchError, NotAFeed, Unusable, OSError) as exc:
            report.error = _message(exc)
        except Exception as exc:  # a parser bug on one source must not stop the others
            report.error = f"unexpected {type(exc).__name__}: {exc}"
        reports.append(report)
        finished(report)
    state.save()
    return reports


def _message(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _run_job(job: Job, config: Config, options: Options, state: State, store: Store, report: Report) -> None:
    drafts, hint, validators = (_feed if job.kind == "feed" else _page)(job, config, options, state, report)
    topics = tuple(dict.fromkeys((job.source.topics if job.source else ()) + options.topics))
    rights = job.source.rights if job.source else None
    for draft in drafts:
        report.outcomes.append(store.add(replace(finish(draft, hint, topics, options.slug, config), rights=rights)))
    if validators and not report.failed:
        state.remember(job.location, *validators)


def _feed(job: Job, config: Config, options: Options, state: State, report: Report):
    loaded = load(job.location, FEED_ACCEPT, options.limits, state.validators.get(job.location, {}))
    if loaded.data is None:
        report.not_modified = True
        return [], None, None
    parsed = parse_feed(
        loaded.data,
        url=loaded.url,
        content_type=loaded.content_type,
        timezone=config.timezone,
        source_name=job.source.name if job.source else None,
    )
    report.warnings += parsed.warnings
    hint = (job.source.language if job.source else None) or parsed.language
    return parsed.drafts, hint, loaded.validators


def _page(job: Job, config: Config, options: Options, state: State, report: Report):
    loaded = load(job.location, PAGE_ACCEPT, options.limits, {})
    if page_kind(loaded.data, loaded.content_type, job.location) == "html":
        draft, hint = parse_page(loaded.data, url=loaded.url, timezone=config.timezone), page_language_hint(loaded.data)
    else:
        draft, hint = parse_pasted(decode_text(loaded.data), config.timezone, url=loaded.url), None
    if not draft.body.strip():
        raise Unusable("no article text found (only a headline, or nothing a reader would call an article)")
    return [draft], hint, None


def finish(draft: Draft, hint: str | None, topics: tuple[str, ...], slug: str | None, config: Config) -> Draft:
    """Language from the text (the source's setting for short texts), topics from config and options."""
    language, note = detect_language(f"{draft.title}\n{block_text(draft.body)}", hint, config.language_codes)
    notes = draft.notes + ((note,) if note else ())
    return fit(replace(draft.with_topics(topics), language=language, notes=notes, slug=slug or draft.slug))
