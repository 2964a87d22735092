"""`briefing ingest [feed|page] …`: the jobs an editor asked for, run with progress and a report."""

from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import Problems
from ..load.config import load_config
from ..load.fields import SLUG
from ..load.suggestions import unknown_topic
from ..model import Config
from ..workspace import INGEST_STATE
from .report import IngestReporter
from .run import Job, Options, run
from .store import ARTICLES, leads_outside


def ingest_command(project: Path, kind: str | None, locations: list[str], topics: list[str], slug: str | None) -> int:
    problems = Problems()
    config = load_config(project, problems)
    if config is None:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        return 1
    wanted = tuple(topic.strip() for value in topics for topic in value.split(",") if topic.strip())
    usage = _usage_error(config, kind, locations, wanted, slug)
    if usage:
        print(f"briefing ingest: {usage}", file=sys.stderr)
        return 2
    for folder in (ARTICLES, INGEST_STATE.parent):
        if outside := leads_outside(project, folder):
            print(f"briefing ingest: {outside}", file=sys.stderr)
            return 1
    jobs = _jobs(config, kind, locations)
    with IngestReporter(len(jobs)) as reporter:
        reports = run(project, config, jobs, Options(wanted, slug), reporter.started, reporter.finished)
    reporter.table(reports)
    return 1 if any(report.failed for report in reports) else 0


def _usage_error(config: Config, kind: str | None, locations: list[str], topics: tuple[str, ...], slug: str | None) -> str | None:
    unknown = [topic for topic in topics if topic not in config.topics]
    if unknown:
        return unknown_topic(unknown[0], config.topics)
    if slug is not None and (kind != "page" or len(locations) != 1):
        return "--slug names one article: use it with `ingest page` and a single file or URL"
    if slug is not None and not SLUG.match(slug):
        return f"--slug {slug!r} is not a valid slug (lowercase letters, digits and single hyphens)"
    if kind is None and not config.sources:
        return "no sources configured: list them in mkdocs.yml under extra.briefing.sources, or use `ingest feed URL`"
    return None


def _jobs(config: Config, kind: str | None, locations: list[str]) -> list[Job]:
    if kind is None:
        return [Job("feed", source.url, source.name, source) for source in config.sources]
    by_url = {source.url: source for source in config.sources}
    jobs = []
    for location in locations:
        source = by_url.get(location) if kind == "feed" else None
        label = source.name if source else (location if "://" in location else Path(location).name)
        jobs.append(Job(kind, location, label, source))
    return jobs
