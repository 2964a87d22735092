"""All network access goes through one module with limits; a local server plays every bad host."""

from __future__ import annotations

import time

import pytest

from briefing.ingest.http import FetchError, Limits, fetch

from support.ingest_fixtures import RSS2
from support.ingest_server import ETAG, MODIFIED, Server, closed_port_url

TIGHT = Limits(connect_timeout=1, read_timeout=0.5, deadline=1.5, max_bytes=100_000, max_redirects=3)


@pytest.fixture(scope="module")
def server():
    with Server() as running:
        yield running


def test_plain_fetch_returns_bytes_type_and_validators(server):
    response = fetch(server.url("/feed.xml"), limits=TIGHT)
    assert response.status == 200 and response.content == RSS2.encode()
    assert response.content_type == "application/rss+xml"
    assert (response.etag, response.last_modified) == (ETAG, MODIFIED)


def test_conditional_get_gets_304_and_no_body(server):
    response = fetch(server.url("/feed.xml"), etag=ETAG, last_modified=MODIFIED, limits=TIGHT)
    assert response.not_modified and response.content == b""


def test_gzip_is_decoded(server):
    assert fetch(server.url("/gzip.xml"), limits=TIGHT).content == RSS2.encode()


def test_redirects_are_followed_to_the_final_url(server):
    response = fetch(server.url("/redirect"), limits=TIGHT)
    assert response.url == server.url("/feed.xml") and response.content == RSS2.encode()


@pytest.mark.parametrize(
    "path, message",
    [
        ("/loop-a", "redirect loop at http://127.0.0.1:"),
        ("/chain/5", "more than 3 redirects (last: http://127.0.0.1:"),
        ("/error", "HTTP 500 Internal Server Error from http://127.0.0.1:"),
        ("/huge-declared", "response of 50.0 MB is over the 100000 bytes limit"),
        ("/huge-stream", "response is over the 100000 bytes limit"),
        ("/silent", "127.0.0.1:"),
    ],
)
def test_bad_responses_are_one_line_errors(server, path, message):
    with pytest.raises(FetchError) as error:
        fetch(server.url(path), limits=TIGHT)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_a_slow_drip_is_cut_at_the_overall_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"gave up after 1.5 s \(overall deadline\)"):
        fetch(server.url("/drip"), limits=TIGHT)
    assert time.monotonic() - started < TIGHT.deadline + TIGHT.read_timeout + 1


def test_a_silent_server_times_out_on_reading(server):
    with pytest.raises(FetchError, match=r"sent no response within 0.5 s"):
        fetch(server.url("/silent"), limits=TIGHT)


def test_unreachable_host_is_a_clear_error():
    with pytest.raises(FetchError, match=r"^cannot reach 127.0.0.1:\d+: connection refused$"):
        fetch(closed_port_url(), limits=TIGHT)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "javascript:alert(1)", "http://"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(FetchError, match="not an http\\(s\\) URL"):
        fetch(url, limits=TIGHT)
