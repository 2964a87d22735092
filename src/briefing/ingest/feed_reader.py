"""Feed bytes to drafts with feedparser: RSS 0.9x/1.0/2.0 and Atom, any encoding.

A feed labelled EUC-KR often holds CP949-only syllables (똠, 햏, 뷁): feedparser would
fall back to windows-1252 and produce mojibake with only `bozo` to tell, so such bytes
are decoded as CP949 here first. So are Korean bytes labelled UTF-8 (or not labelled),
with a warning. A malformed feed (bozo) still yields its usable entries, with a
warning; a response that is not a feed at all is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import feedparser

from . import notes
from .chrome import rules
from .draft import Draft
from .sanitize import blocks, html_to_markdown, plain_text, text_to_markdown
from .titles import title_from_lead

UTF8_LABELS = {"", "utf-8", "utf8"}
KOREAN_LEGACY = {
    "euc-kr",
    "euc_kr",
    "euckr",
    "ks_c_5601-1987",
    "ks_c_5601",
    "ksc5601",
    "korean",
    "cp949",
    "ms949",
    "uhc",
    "x-windows-949",
    "windows-949",
}
XML_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)(["'])""", re.I)
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
EMAIL_OR_SITE = re.compile(r"^(?:\S+@\S+|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\S*)$")


class NotAFeed(Exception):
    """The bytes are no RSS or Atom feed (an HTML page, an error page, nothing)."""


@dataclass
class ParsedFeed:
    title: str | None
    language: str | None  # declared ('en-us' -> 'en'): a hint when an entry is too short to tell
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_feed(data: bytes, *, url: str | None, content_type: str | None, timezone: str, source_name: str | None = None) -> ParsedFeed:
    data, decoded_type, decoding = _korean_as_cp949(data, content_type)
    headers = {"content-type": decoded_type or "application/xml"}
    if url and urlsplit(url).scheme in ("http", "https"):
        headers["content-location"] = url
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        reason = f": {_reason(parsed.bozo_exception)}" if parsed.bozo else ""
        raise NotAFeed(f"not an RSS or Atom feed ({content_type or 'no content type'}){reason}")
    warnings = [decoding] if decoding else []
    if isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        warnings.append(f"wrong character encoding label ({_reason(parsed.bozo_exception)}); check the text for mojibake")
    elif parsed.bozo:
        if not parsed.entries:
            raise NotAFeed(f"malformed feed with no usable entries: {_reason(parsed.bozo_exception)}")
        warnings.append(f"malformed feed ({_reason(parsed.bozo_exception)}); ingested what was usable")
    feed_title = plain_text(parsed.feed.get("title")) or None
    base = urljoin(url or "", parsed.feed.get("link") or "") or None
    name = source_name or feed_title
    drafts = [_draft(entry, base, name, timezone) for entry in parsed.entries]
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    return ParsedFeed(feed_title, language, drafts, warnings)


def _reason(exception) -> str:
    line = getattr(exception, "getLineNumber", lambda: None)()
    text = " ".join(str(getattr(exception, "getMessage", lambda: exception)()).split())
    return f"line {line}: {text}" if line else text


def _korean_as_cp949(data: bytes, content_type: str | None) -> tuple[bytes, str | None, str | None]:
    """CP949 is a superset of EUC-KR: decode what is labelled EUC-KR as CP949 and hand feedparser UTF-8.

    Bytes labelled UTF-8 (or not labelled) that are not UTF-8 but read as Korean CP949 are
    decoded the same way, and the warning says so. Returns (bytes, content type, warning).
    """
    header = CHARSET.search(content_type or "")
    declared = XML_ENCODING.match(data[:200])
    label = (header.group(1) if header else declared.group(2).decode("ascii") if declared else "").lower()
    if label in KOREAN_LEGACY:
        text, warning = data.decode("cp949", errors="replace"), None
    elif label in UTF8_LABELS and not _is_utf8(data) and (text := _strict_korean(data)) is not None:
        warning = f"labelled {label or 'UTF-8 (by default)'} but written in EUC-KR/CP949; read as CP949"
    else:
        return data, content_type, None
    encoded = XML_ENCODING.sub(rb"\1utf-8\3", text.encode("utf-8"), count=1)
    return encoded, "application/xml; charset=utf-8", warning


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict_korean(data: bytes) -> str | None:
    """The bytes as CP949 text, if they are valid CP949 and their non-ASCII letters are mostly Hangul."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [character for character in text if ord(character) > 127]
    return text if wide and sum("\uac00" <= c <= "\ud7a3" for c in wide) * 2 >= len(wide) else None


def _draft(entry, base: str | None, source_name: str | None, timezone: str) -> Draft:
    link = _http_url(urljoin(base or "", entry.get("link") or ""))
    body = _body(entry, link or base)
    title = _text_field(entry, "title")
    draft_notes = []
    if not title:
        title, note = title_from_lead([line for line in body.split("\n\n") if line], "feed entry")
        draft_notes.append(note)
    published, date_note = _published(entry, timezone)
    author = _author(entry)
    guid = entry.get("id") if entry.get("id") and entry.get("id") != link else None
    missing = [name for name, value in (("author", author), ("date", published)) if not value]
    draft_notes += [date_note, notes.missing("The feed entry", missing, url_missing=not link)]
    if not body:
        draft_notes.append("The feed entry has no text beyond its title.")
    tags = entry.get("tags") or []
    return Draft(
        title=title,
        body=body,
        source_name=source_name,
        section=plain_text(tags[0].get("label") or tags[0].get("term")) or None if tags else None,
        url=link,
        guid=guid,
        author=author,
        published=published,
        notes=tuple(note for note in draft_notes if note),
    )


def _http_url(value: str) -> str | None:
    return value if urlsplit(value).scheme in ("http", "https") and urlsplit(value).netloc else None


def _text_field(entry, key: str) -> str:
    detail = entry.get(f"{key}_detail") or {}
    return plain_text(entry.get(key), is_html="html" in (detail.get("type") or "html"))


def _body(entry, base: str | None) -> str:
    """The fullest text the entry carries: its content if any, else its summary."""
    candidates = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    if not candidates:
        return ""
    best = max(candidates, key=lambda item: len(item.get("value") or ""))
    value = best.get("value") or ""
    if "html" in (best.get("type") or "text/html"):
        markdown = html_to_markdown(value, base)
    else:
        markdown = text_to_markdown(re.split(r"\n\s*\n", value))
    kept = rules().strip(blocks(markdown))
    return "\n\n".join(kept) + "\n" if kept else ""


def _author(entry) -> str | None:
    """A person's name; RSS writes 'desk@example.com (Kim)', which feedparser's author_detail mangles."""
    raw = plain_text(entry.get("author"))
    named = re.match(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$|^(?P<other>.+?)\s*[<(]\S+@\S+[>)]$", raw)
    name = (named.group("name") or named.group("other")) if named else raw
    name = plain_text(name)
    return name if name and not EMAIL_OR_SITE.match(name) and not URL_SCHEME.match(name) else None


def _published(entry, timezone: str) -> tuple[datetime | None, str | None]:
    """(published, editor note): the source's own offset kept; a zone-less time read in `timezone`."""
    raw = (dict.get(entry, "published") or dict.get(entry, "updated") or "").strip()  # no feedparser key aliasing
    value = _parse_time(raw)
    if value is None:
        parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC), None
        return None, (f"The feed entry's date {raw[:60]!r} could not be read." if raw else None)
    if len(raw) <= 10 and value.hour == value.minute == 0 and value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(timezone)), notes.date_only("feed entry", timezone)
    if value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(timezone)), notes.zone_assumed("feed entry", timezone)
    return value, None


def _parse_time(raw: str) -> datetime | None:
    if not raw:
        return None
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse(raw)
        except (TypeError, ValueError, OverflowError):
            continue
    return None
