"""A source's bytes, from a file or a URL, and what they are: a feed, a web page or pasted text.

Files get the same size cap as downloads (unpacked, for a page saved as `.gz`), and must be regular files:
a named pipe or /dev/zero would never end. A page is told from pasted text by its content type, or by
its first bytes when there is none; an image, a PDF or a feed given as a page is
refused with a line that says what it is, instead of becoming an article of junk.
"""

from __future__ import annotations

import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from .draft import Unusable
from .http import Limits, fetch, size_text

FEED_START = re.compile(rb"^(?:<\?xml[^>]*>|<!--.*?-->|<!doctype[^>]*>|\s)*<(?:rss|feed|rdf:rdf)[\s>]", re.I | re.S)
HTML_START = re.compile(rb"^(?:<\?xml[^>]*>|<!--.*?-->|\s)*<(?:!doctype html|html|head|body)[\s>]", re.I | re.S)
HTML_TYPES = {"text/html", "application/xhtml+xml"}
UNTYPED = {"", "application/octet-stream", "binary/octet-stream"}  # no real content type: judged by the bytes
BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Loaded:
    data: bytes | None  # None: not modified since the last run
    content_type: str | None
    url: str | None  # after redirects; None for a file
    validators: tuple[str | None, str | None] | None  # (ETag, Last-Modified) for the next conditional GET


def load(location: str, accept: str, limits: Limits, validators: dict) -> Loaded:
    if "://" not in location:
        return Loaded(read_file(Path(location), limits), None, None, None)
    response = fetch(location, accept=accept, etag=validators.get("etag"), last_modified=validators.get("last_modified"), limits=limits)
    if response.not_modified:
        return Loaded(None, None, response.url, None)
    return Loaded(response.content, response.content_type, response.url, (response.etag, response.last_modified))


def read_file(path: Path, limits: Limits) -> bytes:
    info = path.stat()  # OSError (missing, unreadable) is reported by the caller with the file's name
    if not stat.S_ISREG(info.st_mode):
        raise Unusable(f"{path}: not a regular file ({'a folder' if stat.S_ISDIR(info.st_mode) else 'a pipe, device or socket'})")
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)  # the file may grow while it is read
    if len(data) > limits.max_bytes:
        raise Unusable(f"{path}: file is over the {size_text(limits.max_bytes)} limit")
    return _gunzipped(data, path, limits) if data.startswith(GZIP_MAGIC) else data


def _gunzipped(data: bytes, path: Path, limits: Limits) -> bytes:
    """A page saved compressed (`page.html.gz`), opened within the same size limit (a small file can unpack to gigabytes)."""
    opener = zlib.decompressobj(wbits=31)  # the gzip format
    try:
        opened = opener.decompress(data, limits.max_bytes + 1)
    except zlib.error as exc:
        raise Unusable(f"{path}: a damaged gzip file ({exc})") from None
    if len(opened) > limits.max_bytes or opener.unconsumed_tail:
        raise Unusable(f"{path}: unpacks to over the {size_text(limits.max_bytes)} limit")
    return opened


def page_kind(data: bytes, content_type: str | None, location: str) -> str:
    """'html' or 'text' (pasted from a browser); Unusable for anything else."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    media = (content_type or "").split(";")[0].strip().lower()
    if not head:
        raise Unusable("empty: there is no text to import")
    if FEED_START.match(head):
        raise Unusable("an RSS or Atom feed, not a page: use `briefing ingest feed`")
    if media in HTML_TYPES:
        return "html"
    if media not in UNTYPED and media != "text/plain":
        raise Unusable(f"not a web page or text ({media})")
    if media != "text/plain" and (location.lower().endswith((".html", ".htm", ".xhtml")) or HTML_START.match(head)):
        return "html"
    return "text"


def decode_text(data: bytes) -> str:
    """Text saved as UTF-8 (BOM or not), UTF-16 with a BOM, or CP949 (Korean Windows); never binary data."""
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp949")
    errors = []
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            errors.append(exc)
            continue
        if len(BINARY.findall(text)) * 10 > len(text):  # a stray control character is noise; one in ten is no text
            raise Unusable("binary data, not text")
        return text
    raise Unusable(f"not text in UTF-8, UTF-16 or CP949 (byte 0x{data[errors[0].start]:02x} at offset {errors[0].start:,})")
