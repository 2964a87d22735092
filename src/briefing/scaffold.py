"""`briefing new`: the file an editor starts a briefing from, every field in order, the cited articles named.

Articles are named as editors have them at hand: an id, the start of one (ids run to 70
characters), or the file. The briefing is named after its first article unless `--slug`
says otherwise: the slug is in the page's address, and the lead article's headline is
what the briefing is usually about; with no article there is nothing to name it after, so
`--slug` is asked for. The file is a draft whose texts are empty, so `briefing check` fails
("not written yet") until the editor has written them. Nothing is overwritten.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console

from .diagnostics import Problems, relative
from .editor_files import create_file
from .ingest.report import IngestReporter
from .ingest.run import Job, Options, run
from .ingest.slug import slugify
from .ingest.store import ARTICLES, leads_outside, yaml_scalar
from .load.config import load_config
from .load.fields import SLUG
from .load.files import source_files
from .load.publication import read_article
from .load.suggestions import did_you_mean
from .model import Article, Config

BRIEFINGS = Path("briefings")
SLUG_LENGTH = 40  # a slug from a headline: the first words, enough to recognise it in an address
CANDIDATES_SHOWN = 10
TITLE_SHOWN = 100


class Refused(Exception):
    """Why no briefing was written, as lines for the editor."""


def new_briefing(project: Path, day: date | None, slug: str | None, names: list[str], pages: list[str]) -> int:
    """Write briefings/<date>-<slug>.yaml and print its path; 1 with the reasons when nothing was written."""
    problems = Problems()
    config = load_config(project, problems)
    try:
        if config is None:
            raise Refused(*map(str, problems.sorted()))
        names = list(names) + _ingested(project, config, pages)
        articles = [_read(project, path, config) for path in _find(project, names)]
        path = _write(project, config, day, slug, articles)
    except Refused as refused:
        for line in refused.args:
            print(f"briefing new: {line}", file=sys.stderr)
        return 1
    print(relative(path, project))
    return 0


def _ingested(project: Path, config: Config, pages: list[str]) -> list[str]:
    """`--article URL|FILE`: each page ingested as `briefing ingest page` would (its lines on stderr), as article files."""
    if not pages:
        return []
    jobs = [Job("page", page, page if "://" in page else Path(page).name) for page in pages]
    with IngestReporter(len(jobs), out=Console(stderr=True, highlight=False, soft_wrap=True)) as reporter:
        reports = run(project, config, jobs, Options(), reporter.started, reporter.finished)
    found = [outcome.path for report in reports for outcome in report.outcomes if outcome.path]
    if any(report.failed for report in reports) or len(found) < len(pages):
        raise Refused("an article could not be ingested (see above); no briefing written")
    return [str(project / path) for path in found]


def _find(project: Path, names: list[str]) -> list[Path]:
    """Each article by id, file or the start of its id; every name that fails is reported at once."""
    files = {path.stem: path for path in source_files(project, str(ARTICLES), "*.md", Problems())}
    found, unknown = [], []
    for name in names:
        try:
            found.append(_article_file(project, name, files))
        except Refused as refused:
            unknown += refused.args
    if unknown:
        raise Refused(*unknown, "no briefing written")
    return list(dict.fromkeys(found))


def _article_file(project: Path, name: str, files: dict[str, Path]) -> Path:
    if name in files:
        return files[name]
    as_file = next((path for path in (Path(name).absolute(), project / name) if path.is_file()), None)  # from here, or the project
    if name.endswith(".md") and as_file:
        if files.get(as_file.stem, Path()).resolve() != as_file.resolve():
            raise Refused(f"{name} is not an article of this publication (they are in {ARTICLES}/)")
        return files[as_file.stem]
    starting = sorted(stem for stem in files if stem.startswith(name))
    if len(starting) == 1:
        return files[starting[0]]
    if starting:
        shown = ", ".join(starting[:CANDIDATES_SHOWN]) + (
            f" and {len(starting) - CANDIDATES_SHOWN} more" if len(starting) > CANDIDATES_SHOWN else ""
        )
        raise Refused(f"{name!r} is the start of {len(starting)} article ids: {shown}; give more of the id")
    raise Refused(f"no article {name!r} in {ARTICLES}/" + did_you_mean(name, sorted(files), listed=False))


def _read(project: Path, path: Path, config: Config) -> Article:
    article, problems = read_article(project, path, config)
    if article is None:
        raise Refused(*map(str, problems.sorted()), f"{relative(path, project)} has errors: fix them first (no briefing written)")
    return article


def _write(project: Path, config: Config, day: date | None, slug: str | None, articles: list[Article]) -> Path:
    day = day or datetime.now(ZoneInfo(config.timezone)).date()
    if slug is None and not articles:
        raise Refused("name the briefing with --slug (or cite an article to name it after)")
    slug = slug if slug is not None else slugify(articles[0].title, SLUG_LENGTH)
    if not SLUG.match(slug):
        raise Refused(f"--slug {slug!r} is not a valid slug (lowercase letters, digits and single hyphens)")
    if outside := leads_outside(project, BRIEFINGS):
        raise Refused(outside)
    path = project / BRIEFINGS / f"{day.isoformat()}-{slug}.yaml"
    path.parent.mkdir(exist_ok=True)
    for taken in (path, path.with_suffix(".yml")):
        if taken.exists():
            raise Refused(f"{relative(taken, project)} already exists: nothing written (choose another --slug or --date)")
    try:
        create_file(path, scaffold(config, day, path.stem, articles))
    except FileExistsError:
        raise Refused(f"{relative(path, project)} already exists: nothing written (choose another --slug or --date)") from None
    return path


def scaffold(config: Config, day: date, briefing_id: str, articles: list[Article]) -> str:
    """The briefing file: the loader's fields in order, empty texts in every language, a draft."""
    example = datetime.combine(day, time(18), ZoneInfo(config.timezone)).isoformat()
    texts = [f"  {code}:" for code in config.language_codes]
    topics = [topic for topic in dict.fromkeys(t for article in articles for t in article.topics) if topic in config.topics]
    lines = [
        f"id: {yaml_scalar(briefing_id)}",
        f"date: {day.isoformat()}",
        f"published:  # optional: when it goes out, e.g. {example} (empty: the date's midnight)",
        "title:",
        *texts,
        "summary:",
        *texts,
        "key_points:",
        *[f"  - {text.strip()}" if index == 0 else f"  {text}" for index, text in enumerate(texts)],
        f"topics: [{', '.join(topics)}]  # {'from the articles; ' if topics else ''}choose from: {', '.join(config.topics)}",
        *_cited(articles),
        "status: draft  # published: once every text is written",
    ]
    return "\n".join(lines) + "\n"


def _cited(articles: list[Article]) -> list[str]:
    """The articles' ids, each with its headline as a comment, so the file says what it cites."""
    if not articles:
        return ["articles: []  # the ids of the articles it is based on (their file names in content/articles/)"]
    lines = ["articles:"]
    for article in articles:
        title = " ".join(article.title.split())
        title = title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1] + "…"
        lines.append(f"  - {yaml_scalar(article.id)}  # {title}")
    return lines
