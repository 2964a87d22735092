"""A local HTTP server on 127.0.0.1 for the ingest tests: slow, huge, 304, redirects, errors."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from support.ingest_fixtures import HOSTILE, MALFORMED, REAL_PAGES, RSS2

ETAG = '"v1"'
MODIFIED = "Sat, 01 Nov 2025 00:00:00 GMT"
PAGE = "<!doctype html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        path = self.path
        if path in self.server.routes:
            return self._send(*self.server.routes[path])
        if path.startswith("/stream/"):  # /stream/50: 50 MB without Content-Length
            return self._stream(b"x" * (1 << 20), count=int(path.rsplit("/", 1)[1]), pause=0)
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                return self._send(304, b"")
            return self._send(200, RSS2.encode(), "application/rss+xml", {"ETag": ETAG, "Last-Modified": MODIFIED})
        if path == "/gzip.xml":
            return self._send(200, gzip.compress(RSS2.encode()), "application/rss+xml", {"Content-Encoding": "gzip"})
        if path == "/hostile.xml":
            return self._send(200, HOSTILE.encode(), "application/rss+xml")
        if path == "/malformed.xml":
            return self._send(200, MALFORMED.encode(), "application/rss+xml")
        if path == "/article.html":
            page = (REAL_PAGES / "yonhap_en_2019-08-20_nk-slams-joint-drill.html").read_bytes()
            return self._send(200, page, "text/html; charset=utf-8")
        if path == "/page.html":
            return self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        if path == "/error":
            return self._send(500, b"boom", "text/plain")
        if path == "/redirect":
            return self._send(302, b"", headers={"Location": "/feed.xml"})
        if path.startswith("/loop-"):
            return self._send(302, b"", headers={"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        if path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            return self._send(302, b"", headers={"Location": f"/chain/{left - 1}" if left else "/feed.xml"})
        if path == "/huge-declared":
            return self._send(200, b"x" * 10, "application/rss+xml", {"Content-Length": str(50 * 1024 * 1024)})
        if path == "/huge-stream":
            return self._stream(b"<rss>" + b"x" * 16384, count=200, pause=0)
        if path == "/drip":
            return self._stream(b"<", count=100, pause=0.2)
        if path == "/silent":
            time.sleep(3)
            return self._send(200, RSS2.encode(), "application/rss+xml")
        self._send(404, b"not found", "text/plain")

    def _send(self, status: int | tuple[int, str], body: bytes, content_type: str | None = None, headers: dict | None = None) -> None:
        self.send_response(*(status if isinstance(status, tuple) else (status,)))  # (code, reason) for a hostile reason
        if content_type:
            self.send_header("Content-Type", content_type)
        headers = headers or {}
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _stream(self, piece: bytes, count: int, pause: float) -> None:
        """A body without Content-Length, written piece by piece; stops when the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(count):
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        """Clients hang up on purpose here (deadlines, size caps): that is the point, not an error."""


class Server:
    def __init__(self, routes: dict | None = None) -> None:
        """`routes`: more responses, path -> (status or (status, reason), body, content type, headers)."""
        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.hits = []
        self.httpd.routes = routes or {}
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    @property
    def hits(self) -> list[str]:
        return self.httpd.hits

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connection refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"
