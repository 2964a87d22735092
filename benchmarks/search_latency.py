"""Time to first search results in Chromium, on localhost and over a slow link, ours next to stock Material.

A local server plays both links: localhost as is, and a slow mobile link that waits 150 ms
before each response (a round trip) and paces bodies at 1.6 Mbit/s. Each run opens a fresh
page of /<lang>/ (no cache), types a query into the search box right after the page
loaded, and times key-up to the first results on screen; then one more keystroke. The
server counts the search bytes it sent. "stock" is the same site answered as Material
would: its own worker and the engine's single-file index (kept in build/site/).
"""

from __future__ import annotations

import functools
import http.server
import re
import statistics
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.search_harness import INSTRUMENT, chromium  # noqa: E402

ROUND_TRIP = 0.150  # s
BYTES_PER_SECOND = 1_600_000 / 8
QUERIES = {
    "ko": ["확장억제", "북한", "방위비 분담", "정상회담", "반도체"],
    "en": ["deterrence", "sanctions", "North Korea", "tariff", "summit"],
}
FURTHER = {"ko": "는", "en": "s"}  # typed after the first results: one more keystroke


class BenchHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; `slow` plays the mobile link; `stock` serves Material's worker and single-file index."""

    slow = False
    stock = False
    engine: Path = Path()
    sent: dict[str, int] = {}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.slow:
            time.sleep(ROUND_TRIP)
        path = self.path.split("?")[0]
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        body = self._stock_body(path) if self.stock else None
        if body is None:
            if not file.is_file():
                self.send_error(404)
                return
            body = file.read_bytes()
            if self.stock and file.suffix == ".html":
                body = body.replace(b"workers/briefing-search.js?material=", b"workers/")
        if "/search/" in path:
            BenchHandler.sent[path] = BenchHandler.sent.get(path, 0) + len(body)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(file.name))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self._write(body)

    def _stock_body(self, path: str) -> bytes | None:
        found = re.fullmatch(r"/([a-z]{2})/search/search_index\.json", path)
        return (self.engine / found.group(1) / "search" / "search_index.json").read_bytes() if found else None

    def _write(self, body: bytes) -> None:
        step = 4096
        for start in range(0, len(body), step):
            chunk = body[start : start + step]
            self.wfile.write(chunk)
            if self.slow:
                time.sleep(len(chunk) / BYTES_PER_SECOND)


@contextmanager
def served(site: Path, engine: Path, slow: bool, stock: bool):
    handler = type("Handler", (BenchHandler,), {"slow": slow, "stock": stock, "engine": engine})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def first_results(browser, url: str, language: str, query: str) -> tuple[float, float, int]:
    """ms from key-up to the first results, ms for one more keystroke, search bytes fetched until the first results."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(INSTRUMENT)
    BenchHandler.sent.clear()
    page.goto(f"{url}/{language}/", wait_until="load")
    page.locator("input.md-search__input").click()
    started = page.evaluate("performance.now()")  # the keystroke: the word as an input method commits it
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__list li", state="attached", timeout=120_000)
    first = page.evaluate("__search.rendered") - started
    fetched = sum(BenchHandler.sent.values())
    received = page.evaluate("__search.received")
    started = page.evaluate("performance.now()")
    page.keyboard.insert_text(FURTHER[language])
    page.keyboard.press("End")
    page.wait_for_function("n => __search.received > n", arg=received, timeout=60_000)
    page.wait_for_timeout(50)  # the list redrawn
    further = page.evaluate("__search.rendered") - started
    context.close()
    return first, further, fetched


def _kib(size: float) -> str:
    return f"{size / 1024:7.1f} KiB"


def search_bytes_on_disk(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.json"))


def measure(project: Path, languages=("ko", "en")) -> list[str]:
    """One line per language, variant and link: median and worst first results, further keystroke, bytes.

    Stock Material over the slow link downloads the whole index per page: one query there.
    """
    site, engine = project / "site", project / "build" / "site"
    lines = []
    with chromium() as browser:
        for language in languages:
            sizes = {"ours": search_bytes_on_disk(site / language / "search"), "stock": search_bytes_on_disk(engine / language / "search")}
            for variant in ("ours", "stock"):
                for slow in (False, True):
                    queries = QUERIES[language][: 1 if slow and variant == "stock" else None]
                    with served(site, engine, slow, variant == "stock") as url:
                        runs = [first_results(browser, url, language, query) for query in queries]
                    firsts, further, fetched = ([run[i] for run in runs] for i in range(3))
                    link = "slow link" if slow else "localhost"
                    lines.append(
                        f"    {language} {variant:<5} {link:<9} first results median {statistics.median(firsts):6.0f} ms, "
                        f"worst {max(firsts):6.0f} ms ({len(runs)} queries); next keystroke median {statistics.median(further):5.0f} ms; "
                        f"search data until first results median {_kib(statistics.median(fetched))}, worst {_kib(max(fetched))}; "
                        f"index on disk {sizes[variant] / 2**20:6.2f} MiB"
                    )
    return lines


if __name__ == "__main__":
    for line in measure(Path(sys.argv[1])):
        print(line)
