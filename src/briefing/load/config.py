"""Publication settings: `extra.briefing` in the top-level mkdocs.yml, typed and checked."""

from __future__ import annotations

from email.utils import parseaddr
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale

from ..diagnostics import Problems
from ..model import Config, FeedSource, Language, MailSettings, Topic
from ..rights import read_rights
from .fields import LONG_TEXT, SLUG, Fields, is_language_code
from .files import read_text
from .identity import read_identity
from .nodes import Mapping, Scalar, Sequence, parse_yaml, plain
from .suggestions import did_you_mean, unknown_topic

CONFIG_FILE = "mkdocs.yml"
SETTINGS = (
    "languages",
    "optional_languages",
    "timezone",
    "site_name",
    "description",
    "author",
    "home_limit",
    "feed_limit",
    "topics",
    "sources",
    "mail",
    "short_name",
    "footer",
)
PUBLISHED_FOLDERS = ("site", "build", "docs")  # what a build writes or publishes
MAIL_FIELDS = ("sender", "reply_to", "list_id", "unsubscribe_url", "unsubscribe_email", "subject_prefix", "subscribers")
SOURCE_FIELDS = ("name", "url", "language", "topics", "rights")


def load_config(root: Path, problems: Problems) -> Config | None:
    text = read_text(root, root / CONFIG_FILE, problems)
    node = parse_yaml(text, CONFIG_FILE, problems) if text is not None else None
    if node is None:
        return None
    top = Fields(node, CONFIG_FILE, "", problems, _keys(node))
    site_url = top.web_address("site_url", required=True)
    _check_engine_settings(top)
    extra = top.fields("extra", _keys(top.node.values.get("extra")))
    settings = extra.fields("briefing", SETTINGS) if extra else None
    if settings is None:
        problems.error(top.location("extra"), "extra.briefing", "missing required field")
        return None
    languages = settings.text_list("languages")
    codes = tuple(code for code, _ in languages)
    for code, where in languages:
        if not is_language_code(code):
            problems.error(where, "extra.briefing.languages", f"unknown language code {code!r}")
    if not codes:
        problems.error(settings.location("languages"), "extra.briefing.languages", "list at least one language")
    optional = settings.text_list("optional_languages")
    for code, where in optional:
        if code not in codes:
            what = f"{code!r} is not one of the publication's languages"
            problems.error(where, "extra.briefing.optional_languages", what + did_you_mean(code, codes))
    timezone = settings.text("timezone", required=True)
    if timezone and not is_zone(timezone):
        problems.error(settings.value_location("timezone"), "extra.briefing.timezone", f"unknown time zone {timezone!r} (e.g. Asia/Seoul)")
    site_name = settings.localized("site_name", codes, required=True)
    description = settings.localized("description", codes, required=True, limit=LONG_TEXT)
    topics = _topics(settings, codes)
    sources = _sources(settings, topics)
    mail = _mail(settings)
    identity = read_identity(top, settings, codes, root)
    if problems.errors or not (site_url and site_name and description):
        return None
    return Config(
        site_name=site_name,
        description=description,
        site_url=site_url.rstrip("/") + "/",
        languages=tuple(Language(code, Locale.parse(code).get_display_name(code)) for code in codes),
        timezone=timezone,
        topics=topics,
        optional_languages=tuple(code for code, _ in optional),
        author=settings.localized("author", codes),
        home_limit=settings.integer("home_limit", 20),
        feed_limit=settings.integer("feed_limit", 50),
        sources=sources,
        mail=mail,
        identity=identity,
        base=_base_without_settings(node),
    )


def _keys(node) -> list[str]:
    """Everything mkdocs itself understands is passed through unchecked: MkDocs validates it."""
    return list(node.key_locations) if isinstance(node, Mapping) else []


def _topics(settings: Fields, codes: tuple[str, ...]) -> dict[str, Topic]:
    topics_node = settings.node.values.get("topics")
    topics = settings.fields("topics", _keys(topics_node))
    if topics is None:
        settings.problems.error(settings.location("topics"), "extra.briefing.topics", "missing required field")
        return {}
    result = {}
    for slug, where in topics.node.key_locations.items():
        if not SLUG.match(slug):
            settings.problems.error(where, topics.name(slug), "topic ids use lowercase letters, digits and hyphens")
        name = topics.localized(slug, codes, required=True)
        if name is not None:
            result[slug] = Topic(slug, name)
    return result


def _sources(settings: Fields, topics: dict[str, Topic]) -> tuple[FeedSource, ...]:
    """Feeds `briefing ingest` pulls; names and URLs are unique so the report can tell them apart."""
    sources, seen = [], {}
    for source in settings.mapping_list("sources", SOURCE_FIELDS):
        name, url = source.text("name", required=True), source.text("url", required=True)
        if url and urlsplit(url).scheme not in ("http", "https"):
            source.problems.error(source.value_location("url"), source.name("url"), f"{url!r} is not an http(s) URL")
            url = None
        for key, value in (("name", name), ("url", url)):
            if value and (key, value) in seen:
                source.problems.error(
                    source.value_location(key),
                    source.name(key),
                    f"duplicate source {key} {value!r} (first on line {seen[key, value].line})",
                )
            elif value:
                seen[key, value] = source.value_location(key)
        listed = source.text_list("topics")
        for topic, where in listed:
            if topic not in topics:
                source.problems.error(where, source.name("topics"), unknown_topic(topic, topics))
        language = source.language("language")
        if name and url:
            sources.append(FeedSource(name, url, language, tuple(topic for topic, _ in listed), read_rights(source)))
    return tuple(sources)


def _mail(settings: Fields) -> MailSettings | None:
    """The e-mail edition's settings, when the publication has one; addresses must be addresses."""
    mail = settings.fields("mail", MAIL_FIELDS)
    if mail is None:
        return None
    addresses = {key: mail.text(key, required=key == "sender") for key in ("sender", "reply_to", "unsubscribe_email")}
    for key, value in addresses.items():
        if value and "@" not in parseaddr(value)[1]:
            mail.problems.error(
                mail.value_location(key), mail.name(key), f"expected an e-mail address like Desk <desk@example.org>, got {value!r}"
            )
            addresses[key] = None
    subscribers = mail.text("subscribers") or "subscribers.csv"
    if PurePosixPath(subscribers).is_absolute() or PurePosixPath(subscribers).parts[0] in PUBLISHED_FOLDERS + ("..",):
        mail.problems.error(
            mail.value_location("subscribers"),
            mail.name("subscribers"),
            "a path inside the project, outside site/, build/ and docs/ (a subscriber list must never be published)",
        )
    if not addresses["sender"]:
        return None
    return MailSettings(
        addresses["sender"],
        addresses["reply_to"],
        mail.text("list_id"),
        mail.web_address("unsubscribe_url"),
        addresses["unsubscribe_email"],
        mail.text("subject_prefix") or "",
        subscribers,
    )


def is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _base_without_settings(node: Mapping) -> dict:
    """The plain mkdocs settings the engine derives each language's config from."""
    base = plain(node)
    base.get("extra", {}).pop("briefing", None)
    return base


def _check_engine_settings(top: Fields) -> None:
    """The MkDocs settings the engine extends must have the shape it extends (MkDocs itself crashes on some)."""
    for key in ("plugins", "extra_css", "extra_javascript", "markdown_extensions"):
        value = top.node.values.get(key)
        if value is not None and not isinstance(value, Sequence) and not (isinstance(value, Scalar) and value.kind == "null"):
            top.wrong_type(value, key, "a list")
    theme = top.node.values.get("theme")
    if isinstance(theme, Mapping):
        Fields(theme, top.path, "theme", top.problems, _keys(theme)).text("name")
    elif theme is not None and not (isinstance(theme, Scalar) and theme.kind in ("text", "null")):
        top.wrong_type(theme, "theme", "a theme name or settings (name: material)")
