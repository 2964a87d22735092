"""Load every article and briefing, check them against each other, and return one Publication."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from ..diagnostics import LoadError, Location, Problem, Problems, relative
from ..model import DRAFT, Article, Briefing, Config, Publication, Source
from ..rights import article_rights, read_rights
from .body import check_body
from .config import load_config
from .fields import LONG_TEXT, Fields
from .files import read_text, source_files, split_front_matter
from .glossary import load_glossary
from .lifecycle import LIFECYCLE_FIELDS, check_aliases, read_lifecycle
from .nodes import Node, Scalar, Sequence, parse_yaml
from .suggestions import did_you_mean, unknown_topic

ARTICLE_FIELDS = ("id", "title", "source", "author", "published", "language", "topics", "editor_note", "rights")
SOURCE_FIELDS = ("name", "section", "url")
# Ingest starts an editor note with this when a person must look at the article (a paywall, a notice, a body
# far shorter than the page's text); `check` warns until an editor has looked and removed it.
NEEDS_CHECK = "CHECK:"
BRIEFING_FIELDS = ("id", "date", "published", "updated", "title", "summary", "key_points", "topics", "articles", *LIFECYCLE_FIELDS)


@dataclass(frozen=True)
class Loaded:
    """What one file gave: its Article or Briefing only when the file has no errors, and in any case what the
    checks across files need (its id, the ids it names), so that one run reports every problem."""

    item: Article | Briefing | None
    id: str
    where: Location
    refs: Mapping[str, tuple[tuple[str, Location], ...]]  # field -> the ids it names there, e.g. the articles it cites


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
    articles_by_id = _unique(articles, problems)
    briefings_by_id = _unique(briefings, problems)
    check_aliases(briefings_by_id, problems)
    known = {path.stem for path in article_paths} | articles_by_id.keys()  # one that failed to load has its own error
    for briefing in briefings:
        _check_citations(briefing.refs["articles"], known, problems)
    if problems.errors:
        return None, problems
    ordered = sorted((loaded.item for loaded in briefings_by_id.values()), key=lambda b: (b.date, b.id), reverse=True)
    publication = Publication(config, {key: loaded.item for key, loaded in articles_by_id.items()}, tuple(ordered), glossary)
    return publication, problems


def load_or_raise(root: Path, strict: bool = False, warn: Callable[[Problem], None] = lambda _: None) -> Publication:
    """The Publication (each warning passed to `warn`), or LoadError with every problem (warnings too, when `strict`)."""
    publication, problems = load(root)
    if publication is None or (strict and problems.warnings):
        raise LoadError(problems.sorted())
    for warning in problems.sorted():
        warn(warning)
    return publication


def read_article(root: Path, path: Path, config: Config) -> tuple[Article | None, Problems]:
    """One article file as `load` reads it (None when it has errors): `briefing new` names and tags a briefing after it."""
    problems = Problems()
    text = read_text(root, path, problems)
    loaded = _article(path, relative(path, root), text, problems, config) if text is not None else None
    return (loaded.item if loaded else None), problems


def article_problems(path: Path, shown: str, text: str, config: Config) -> list:
    """Errors the loader would report for one article file; ingest asks before it writes one."""
    problems = Problems()
    _article(path, shown, text, problems, config)
    return problems.errors


def _load_all(root, paths, problems, config, reader, memo: Memo):
    loaded = []
    for path in paths:
        shown = relative(path, root)
        text = read_text(root, path, problems, shown)
        if text is not None:
            item = memo.read(path, text, problems, config, reader, shown)
            if item is not None:
                loaded.append(item)
    return loaded


def _unique(loaded: list[Loaded], problems: Problems) -> dict[str, Loaded]:
    """id -> the file that has it; a second file with the same id is an error at its id."""
    by_id: dict[str, Loaded] = {}
    for one in loaded:
        if one.id in by_id:
            problems.error(one.where, "id", f"duplicate id {one.id!r} (also used by {by_id[one.id].where.path})")
        else:
            by_id[one.id] = one
    return by_id


def _check_citations(cites, known: set[str], problems: Problems) -> None:
    for article_id, where in cites:
        if article_id not in known:
            hint = did_you_mean(article_id, sorted(known), f"no content/articles/**/{article_id}.md", listed=False)
            problems.error(where, "articles", f"unknown article {article_id!r}{hint}")


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
            fields.problems.error(where, "topics", unknown_topic(topic, config.topics))
    _once_each(topics, "topics", fields.problems)
    return tuple(topic for topic, _ in topics)


def _once_each(listed: list[tuple[str, Location]], field: str, problems: Problems) -> None:
    """A topic or article listed twice would show the briefing twice on the topic's page, or the article twice under it."""
    first: dict[str, Location] = {}
    for value, where in listed:
        if value in first:
            problems.error(where, field, f"{value!r} is listed twice (first at {first[value].line}:{first[value].column})")
        first.setdefault(value, where)


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
    return Loaded(article if len(problems.errors) == before else None, article.id, where, {})


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
    lifecycle = read_lifecycle(fields, briefing_id, published, config)
    needed = () if lifecycle.status == DRAFT else tuple(code for code in languages if code not in config.optional_languages)
    title = fields.localized("title", languages, required=True, needed=needed)
    summary = fields.localized("summary", languages, required=True, limit=LONG_TEXT, needed=needed)
    key_points = fields.localized_list("key_points", languages, LONG_TEXT, needed, required=True)
    if _no_items(fields.node.values.get("key_points"), missing=False):
        problems.error(fields.value_location("key_points"), "key_points", "no key points yet: write at least one")
    topics = _topics(fields, config)
    articles = fields.text_list("articles")
    if _no_items(fields.node.values.get("articles")):  # allowed (the page has no sources section), but rarely meant
        problems.warning(
            fields.value_location("articles"), "articles", "the briefing cites no article: list the ids of the articles it is based on"
        )
    _once_each(articles, "articles", problems)
    loaded = Loaded(None, briefing_id or path.stem, where, {"articles": tuple(articles), "aliases": lifecycle.aliases})
    if len(problems.errors) > before:
        return loaded
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
    return replace(loaded, item=lifecycle.apply(briefing))


def _no_items(node: Node | None, missing: bool = True) -> bool:
    """An empty list, or a key with nothing after it, or (when `missing`) no key at all."""
    if node is None or (isinstance(node, Scalar) and node.kind == "null"):
        return missing
    return isinstance(node, Sequence) and not node.items
