"""All of ingest's network access: one GET with timeouts, an overall deadline, a size cap,
a redirect limit and conditional requests; every failure is a one-line FetchError.

feedparser and trafilatura can fetch URLs themselves, without a deadline or a size cap,
so they are only ever handed bytes fetched here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

USER_AGENT = "briefing-ingest/0.1 (+https://pypi.org/project/feedparser/ compatible)"
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two pieces of the response
    deadline: float = 60.0  # the whole fetch, redirects included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """One line an editor can act on: what failed, where."""


def fetch(
    url: str, *, accept: str = "*/*", etag: str | None = None, last_modified: str | None = None, limits: Limits = Limits()
) -> Response:
    started = time.monotonic()
    headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
    headers.update({"If-None-Match": etag} if etag else {})
    headers.update({"If-Modified-Since": last_modified} if last_modified else {})
    with urllib3.PoolManager(retries=False, headers={"User-Agent": USER_AGENT}) as pool:  # no connection outlives a fetch
        return _follow(pool, url, headers, limits, started, etag, last_modified)


def _follow(pool, url: str, headers: dict, limits: Limits, started: float, etag, last_modified) -> Response:
    seen = {url}
    for _ in range(limits.max_redirects + 1):
        _check_url(url)
        response = _request(pool, url, headers, limits, started)
        if response.status in REDIRECTS and response.headers.get("Location"):
            response.drain_conn()
            response.release_conn()
            url = urljoin(url, response.headers["Location"])
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
            seen.add(url)
            continue
        if response.status == 304:
            response.release_conn()
            return Response(url, 304, b"", None, etag, last_modified)
        if response.status >= 400:
            response.release_conn()
            raise FetchError(f"HTTP {response.status} {response.reason or ''}".rstrip() + f" from {url}")
        content = _read_capped(response, limits, started)
        return Response(
            url,
            response.status,
            content,
            response.headers.get("Content-Type"),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
        )
    raise FetchError(f"more than {limits.max_redirects} redirects (last: {url})")


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not an http(s) URL: {url}")


def _remaining(limits: Limits, started: float, url: str) -> float:
    left = limits.deadline - (time.monotonic() - started)
    if left <= 0:
        raise FetchError(f"gave up after {limits.deadline:g} s (overall deadline) fetching {url}")
    return left


def _request(pool, url: str, headers: dict, limits: Limits, started: float):
    left = _remaining(limits, started, url)
    timeout = urllib3.Timeout(connect=min(limits.connect_timeout, left), read=min(limits.read_timeout, left))
    host = urlsplit(url).netloc
    try:
        return pool.request("GET", url, headers=headers, redirect=False, preload_content=False, timeout=timeout)
    except NameResolutionError:
        raise FetchError(f"unknown host {host} (name not resolved)") from None
    except NewConnectionError as exc:  # a subclass of ConnectTimeoutError: keep it first
        raise FetchError(f"cannot reach {host}: {_cause(exc)}") from None
    except ConnectTimeoutError:
        raise FetchError(f"cannot reach {host}: connection timed out") from None
    except ReadTimeoutError:
        raise FetchError(f"{host} sent no response within {timeout.read_timeout:g} s") from None
    except SSLError as exc:
        raise FetchError(f"TLS error with {host}: {_cause(exc)}") from None
    except LocationParseError:
        raise FetchError(f"invalid URL: {url}") from None
    except (ProtocolError, HTTPError) as exc:
        raise FetchError(f"connection to {host} failed: {_cause(exc)}") from None


def _read_capped(response, limits: Limits, started: float) -> bytes:
    """The body, decoded from gzip, stopped at the size cap and the deadline however slowly it drips."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        response.release_conn()
        raise FetchError(
            f"response of {size_text(int(declared))} is over the {size_text(limits.max_bytes)} limit ({response.geturl() or ''})"
        )
    chunks, total = [], 0
    try:
        while True:
            left = _remaining(limits, started, response.geturl() or "")
            sock = getattr(getattr(response, "connection", None), "sock", None)
            if sock is not None:
                sock.settimeout(min(limits.read_timeout, left))
            chunk = response.read1(64 * 1024)  # whatever arrived, so the deadline is checked between pieces
            if not chunk:
                break
            total += len(chunk)
            if total > limits.max_bytes:
                raise FetchError(f"response is over the {size_text(limits.max_bytes)} limit")
            chunks.append(chunk)
    except ReadTimeoutError:
        raise FetchError("the response stopped arriving (read timeout)") from None
    except (ProtocolError, HTTPError) as exc:
        raise FetchError(f"the response broke off: {_cause(exc)}") from None
    finally:
        response.release_conn()
    return b"".join(chunks)


def size_text(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def _cause(exc: Exception) -> str:
    text = str(exc.args[-1] if exc.args else exc)
    for marker in ("Connection refused", "No route to host", "Network is unreachable", "timed out"):
        if marker in text:
            return marker.lower()
    return " ".join(text.split())[:160]
