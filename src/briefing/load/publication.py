"""Load every article and briefing, check them against each other, and return one Publication."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from ..diagnostics import LoadError, Location, Problem, Problems, relative
from ..model import Article, Briefing, Config, Publication, Source
from ..rights import article_rights, read_rights
from .body import check_body
from .config import load_config
from .fields import LONG_TEXT, Fields
from .files import read_text, source_files, split_front_matter
from .glossary import load_glossary
from .nodes import parse_yaml

ARTICLE_FIELDS = ("id", "title", "source", "author", "published", "language", "topics", "editor_note", "rights")
SOURCE_FIELDS = ("name", "section", "url")
# Ingest starts an editor note with this when a person must look at the article (a paywall, a notice, a body
# far shorter than the page's text); `check` warns until an editor has looked and removed it.
NEEDS_CHECK = "CHECK:"
BRIEFING_FIELDS = ("id", "date", "published", "updated", "title", "summary", "key_points", "topics", "articles")


class Memo:
    """What each file read as, kept by a preview between loads: a file whose text is unchanged is not
    parsed again, and keeps its Article or Briefing object (pages compare contexts, and an unchanged
    object compares equal at once)."""

    def __init__(self) -> None:
        self.config: Config | None = None
        self.files: dict[Path, tuple[str, object, list[Problem]]] = {}

    def use(self, config: Config) -> None:
        """Files read under other settings are read again (topics and languages decide what is valid)."""
        if config != self.config:
            self.config, self.files = config, {}

    def read(self, path: Path, text: str, problems: Problems, config: Config, reader, shown: str):
        known = self.files.get(path)
        if known is None or known[0] != text:
            own = Problems()
            known = text, reader(path, shown, text, own, config), own.items
            self.files[path] = known
        problems.items.extend(known[2])
        return known[1]


def load(root: Path, memo: Memo | None = None) -> tuple[Publication | None, Problems]:
    """Everything or nothing: a Publication only when no errors were found (warnings allowed)."""
    problems = Problems()
    config = load_config(root, problems)
    if config is None:
        return None, problems
    memo = memo or Memo()
    memo.use(config)
    article_paths = source_files(root, "content/articles", "*.md", problems)
    articles = _load_all(root, article_paths, problems, config, _article, memo)
    briefing_paths = source_files(root, "briefings", "*.y*ml", problems, recursive=False)
    briefings = _load_all(root, briefing_paths, problems, config, _briefing, memo)
    glossary = load_glossary(root, config.language_codes, problems)
    article_files = {path.stem for path in article_paths}  # one that failed to load has its own error
    articles_by_id = _unique(articles, problems)
    briefings_by_id = _unique(briefings, problems)
    for _, cited in briefings_by_id.values():
        for article_id, where in cited:
            if article_id not in articles_by_id and article_id not in article_files:
                problems.error(where, "articles", f"unknown article {article_id!r} (no content/articles/**/{article_id}.md)")
    if problems.errors:
        return None, problems
    ordered = sorted((b for b, _ in briefings_by_id.values()), key=lambda b: (b.date, b.id), reverse=True)
    publication = Publication(config, {a.id: a for a, _ in articles_by_id.values()}, tuple(ordered), glossary)
    return publication, problems


def load_or_raise(root: Path, strict: bool = False, warn: Callable[[Problem], None] = lambda _: None) -> Publication:
    """The Publication (each warning passed to `warn`), or LoadError with every problem (warnings too, when `strict`)."""
    publication, problems = load(root)
    if publication is None or (strict and problems.warnings):
        raise LoadError(problems.sorted())
    for warning in problems.sorted():
        warn(warning)
    return publication


def article_problems(path: Path, shown: str, text: str, config: Config) -> list:
    """Errors the loader would report for one article file; ingest asks before it writes one."""
    problems = Problems()
    _article(path, shown, text, problems, config)
    return problems.errors


def _load_all(root, paths, problems, config, reader, memo: Memo):
    loaded = []
    for path in paths:
        text = read_text(root, path, problems)
        if text is not None:
            item = memo.read(path, text, problems, config, reader, relative(path, root))
            if item is not None:
                loaded.append(item)
    return loaded


def _unique(items, problems: Problems) -> dict:
    """id -> (item, what it cites); a second file with the same id is an error at its id."""
    by_id: dict = {}
    for item, refs, where in items:
        if item.id in by_id:
            problems.error(where, "id", f"duplicate id {item.id!r} (also used by {by_id[item.id][2].path})")
            continue
        by_id[item.id] = (item, refs, where)
    return {key: (item, refs) for key, (item, refs, _) in by_id.items()}


def _check_id(fields: Fields, path: Path) -> tuple[str | None, Location]:
    item_id = fields.slug("id", required=True)
    if item_id is not None and item_id != path.stem:
        fields.problems.error(fields.location("id"), "id", f"id {item_id!r} does not match the file name {path.name!r}")
    return item_id, fields.location("id")


def _times(fields: Fields, day, config: Config) -> tuple[datetime | None, datetime | None]:
    """When a briefing went out and was last revised; feeds show both."""
    midnight = datetime.combine(day, time(), ZoneInfo(config.timezone)) if day else None
    published = fields.datetime_with_zone("published") or midnight
    updated = fields.datetime_with_zone("updated") or published
    if published and updated and updated < published:
        fields.problems.error(fields.value_location("updated"), "updated", "updated is earlier than published")
    return published, updated


def _topics(fields: Fields, config: Config) -> tuple[str, ...]:
    topics = fields.text_list("topics")
    for topic, where in topics:
        if topic not in config.topics:
            fields.problems.error(where, "topics", f"unknown topic {topic!r} (topics are listed in mkdocs.yml under extra.briefing.topics)")
    return tuple(topic for topic, _ in topics)


def _article(path: Path, shown: str, text: str, problems: Problems, config: Config):
    parts = split_front_matter(text, shown, problems)
    if parts is None:
        return None
    front, body, body_line = parts
    before = len(problems.errors)
    node = parse_yaml(front, shown, problems, line_offset=1)
    if node is None:
        return None
    fields = Fields(node, shown, "", problems, ARTICLE_FIELDS)
    article_id, where = _check_id(fields, path)
    source = fields.fields("source", SOURCE_FIELDS)
    outlet = Source(source.text("name"), source.text("section"), source.web_address("url")) if source else Source()
    article = Article(
        id=article_id or path.stem,
        title=fields.text("title", required=True) or "",
        source=outlet,
        author=fields.text("author"),
        published=fields.datetime_with_zone("published"),
        language=fields.language("language", required=True) or "",
        topics=_topics(fields, config),
        body=body,
        editor_note=fields.text("editor_note", limit=LONG_TEXT),
        rights=article_rights(read_rights(fields), outlet.name, config.sources),
    )
    if not body.strip():
        problems.warning(Location(shown, body_line, 1), "body", "article has no body text")
    if NEEDS_CHECK in (article.editor_note or ""):
        problems.warning(fields.value_location("editor_note"), "editor_note", f"ingest asks for a check; remove {NEEDS_CHECK!r} once done")
    check_body(body, shown, body_line, problems)
    if len(problems.errors) > before:
        return None
    return article, {}, where


def _briefing(path: Path, shown: str, text: str, problems: Problems, config: Config):
    before = len(problems.errors)
    node = parse_yaml(text, shown, problems)
    if node is None:
        return None
    languages = config.language_codes
    fields = Fields(node, shown, "", problems, BRIEFING_FIELDS)
    briefing_id, where = _check_id(fields, path)
    day = fields.date("date", required=True)
    if briefing_id and day and not briefing_id.startswith(day.isoformat()):
        problems.error(where, "id", f"id {briefing_id!r} must start with the briefing's date {day.isoformat()}")
    published, updated = _times(fields, day, config)
    key_points = fields.localized_list("key_points", languages, LONG_TEXT)
    if not key_points and "key_points" not in fields.node.values:
        problems.error(fields.location("key_points"), "key_points", "missing required field")
    topics = _topics(fields, config)
    articles = fields.text_list("articles")
    title = fields.localized("title", languages, required=True)
    summary = fields.localized("summary", languages, required=True, limit=LONG_TEXT)
    if len(problems.errors) > before:
        return None
    briefing = Briefing(
        id=briefing_id,
        date=day,
        published=published,
        updated=updated,
        title=title,
        summary=summary,
        key_points=tuple(key_points),
        topics=topics,
        articles=tuple(article for article, _ in articles),
    )
    return briefing, articles, where
