"""Korean search, measured: the query set typed into the built test publication's search box.

The test publication (tests/outputs/search/publication, with the desk's glossary.yml) is
built twice: with our search, and with stock Material search (our index step left
out, pages pointed at Material's own worker). Each query of tests/outputs/search/queries.yml
is typed into the site's search box in Chromium, one syllable at a time as an IME
commits them; it passes when every expected page is among the first five results.

    .venv/bin/python tests/support/search_harness.py               # print the table without pytest
    .venv/bin/python tests/support/search_harness.py --latency site  # time the query set's keystrokes on a built site
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "outputs" / "search"  # the test publication and the query set, beside the search tests
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TOP = 5
TARGET = 0.95
READY = {"en": "Type to start searching", "ko": "검색어를 입력하세요"}

# Counts queries sent to the search worker and results back; times each keystroke to the
# moment the result list changed (the reader sees results).
INSTRUMENT = """
(() => {
  const state = window.__search = { sent: 0, received: 0, keyup: 0, rendered: 0 }
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => { if (ev.data && ev.data.type === 3) state.received++ })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) state.sent++
      return super.postMessage(message, ...rest)
    }
  }
  document.addEventListener("keyup", () => { state.keyup = performance.now() }, true)
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver(() => { state.rendered = performance.now() })
      .observe(document.querySelector(".md-search-result"), { childList: true, subtree: true, characterData: true })
  })
})()
"""


@dataclass(frozen=True)
class Query:
    category: str
    language: str
    text: str
    expected: tuple[str, ...]


@dataclass
class Outcome:
    query: Query
    top: list[str]
    latencies: list[float] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(page in self.top[:TOP] for page in self.query.expected)


def load_queries(path: Path = DATA / "queries.yml") -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(category, language, str(text), tuple(expected))
        for category, languages in data.items()
        for language, queries in languages.items()
        for text, expected in queries.items()
    ]


def build_sites(root: Path, variants=("ours", "stock")) -> dict[str, Path]:
    """The test publication built with our search ("ours") and with Material's ("stock")."""
    from briefing.build import build

    project = root / "project"
    shutil.copytree(DATA / "publication", project)
    for name in ("templates", "locales"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "glossary.yml", project)
    sites = {"ours": root / "ours", "stock": root / "stock"}
    build(project, sites["ours"])
    if "stock" not in variants:
        return {"ours": sites["ours"]}
    with mock.patch("briefing.build.write_search", lambda *args: {}):
        build(project, sites["stock"])
    for page in sites["stock"].rglob("*.html"):  # Material's worker itself, not ours around it
        html = page.read_text(encoding="utf-8")
        page.unlink()  # a new file: the site's files are hard links to the build's, shared with "ours"
        page.write_text(html.replace("workers/briefing-search.js?material=", "workers/"), encoding="utf-8")
    return sites


def index_sizes(sites: dict[str, Path], languages=("ko", "en")) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(variant, language) -> bytes of the search folder on disk, gzipped file by file (as a host serves them), and files."""
    sizes = {}
    for variant, site in sites.items():
        for language in languages:
            files = [path.read_bytes() for path in (site / language / "search").rglob("*.json")]
            sizes[variant, language] = (sum(map(len, files)), sum(len(gzip.compress(data, 9)) for data in files), len(files))
    return sizes


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def search_page(browser, site_url: str, language: str):
    """A page of the site with its search open and its index loaded."""
    page = browser.new_page()
    page.add_init_script(INSTRUMENT)
    page.goto(f"{site_url}/{language}/")
    page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta", has_text=READY[language]).wait_for(timeout=30000)
    return page


def keystroke(page, press) -> float | None:
    """Press a key; wait for the results it asks for; ms from key-up to the list changing."""
    press()
    sent = page.evaluate("__search.sent")
    page.wait_for_function("n => __search.received >= n", arg=sent, timeout=15000)
    timing = page.evaluate("({ keyup: __search.keyup, rendered: __search.rendered })")
    return timing["rendered"] - timing["keyup"] if timing["rendered"] > timing["keyup"] else None


def type_query(page, text: str) -> list[float]:
    """Clear the box, then type the query syllable by syllable, each committed as by an IME."""
    box = page.locator("input.md-search__input")
    keystroke(page, lambda: (box.press("Control+A"), box.press("Backspace")))
    latencies = []
    for character in text:
        latency = keystroke(page, lambda typed=character: (page.keyboard.insert_text(typed), page.keyboard.press("End")))
        if latency is not None:
            latencies.append(latency)
    return latencies


def top_pages(page, site_url: str, language: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")
    prefix = urlsplit(f"{site_url}/{language}/").path
    return [urlsplit(href).path.removeprefix(prefix).strip("/") for href in hrefs]


def evaluate(browser, base_url: str, variant: str, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    for language in sorted({q.language for q in queries}):
        page = search_page(browser, f"{base_url}/{variant}", language)
        for query in (q for q in queries if q.language == language):
            latencies = type_query(page, query.text)
            outcomes.append(Outcome(query, top_pages(page, f"{base_url}/{variant}", language), latencies))
        page.close()
    return outcomes


def pass_rates(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """category -> (passed, total), in the order of the query set."""
    rates: dict[str, list[int]] = {}
    for outcome in outcomes:
        counts = rates.setdefault(outcome.query.category, [0, 0])
        counts[0] += outcome.passed
        counts[1] += 1
    return {category: (passed, total) for category, (passed, total) in rates.items()}


def report(results: dict[str, list[Outcome]], sizes: dict) -> str:
    ours, stock = pass_rates(results["ours"]), pass_rates(results["stock"])
    lines = [f"{'category':<16} {'queries':>7} {'ours':>12} {'stock Material':>16}"]
    for category, (passed, total) in ours.items():
        lines.append(f"{category:<16} {total:>7} {_rate(passed, total):>12} {_rate(*stock[category]):>16}")
    all_ours = [sum(v) for v in zip(*ours.values(), strict=True)]
    all_stock = [sum(v) for v in zip(*stock.values(), strict=True)]
    lines.append(f"{'all':<16} {all_ours[1]:>7} {_rate(*all_ours):>12} {_rate(*all_stock):>16}")
    lines.append("")
    for (variant, language), (raw, packed, files) in sorted(sizes.items()):
        lines.append(f"index {language} {variant:<5}: {raw:>7} bytes, {packed:>6} gzipped, in {files} files")
    for variant, outcomes in results.items():
        times = sorted(t for outcome in outcomes for t in outcome.latencies)
        if times:
            p95 = times[int(0.95 * (len(times) - 1))]
            slowest = max(outcomes, key=lambda outcome: max(outcome.latencies, default=0))
            lines.append(
                f"keystroke to results, {variant}: median {statistics.median(times):.0f} ms, "
                f"p95 {p95:.0f} ms, max {times[-1]:.0f} ms (typing {slowest.query.text!r}; {len(times)} keystrokes)"
            )
    failed = [o for o in results["ours"] if not o.passed]
    for outcome in failed:
        lines.append(
            f"ours missed [{outcome.query.category}] {outcome.query.text!r}: "
            f"expected {list(outcome.query.expected)}, top {outcome.top[:TOP]}"
        )
    return "\n".join(lines)


def _rate(passed: int, total: int) -> str:
    return f"{passed}/{total} {100 * passed / total:.0f}%"


def run(root: Path) -> tuple[dict[str, list[Outcome]], dict]:
    sites = build_sites(root)
    queries = load_queries()
    missing = [(q.text, page) for q in queries for page in q.expected if not (sites["ours"] / q.language / page / "index.html").is_file()]
    if missing:
        raise ValueError(f"queries.yml names pages the publication does not have: {missing}")
    with served(root) as base_url, chromium() as browser:
        results = {variant: evaluate(browser, base_url, variant, queries) for variant in sites}
    return results, index_sizes(sites)


def latency(site: Path) -> str:
    """Keystroke-to-results times of the whole query set typed into a built site (e.g. the demo)."""
    queries = load_queries()
    times = []
    with served(site) as base_url, chromium() as browser:
        for language in sorted({q.language for q in queries}):
            page = search_page(browser, base_url, language)
            times += [t for q in queries if q.language == language for t in type_query(page, q.text)]
            page.close()
    times.sort()
    return (
        f"{site}: median {statistics.median(times):.0f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms, "
        f"max {times[-1]:.0f} ms ({len(times)} keystrokes)"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    if sys.argv[1:2] == ["--latency"]:
        print(latency(Path(sys.argv[2])))
    else:
        with tempfile.TemporaryDirectory() as folder:
            results, sizes = run(Path(folder))
            print(report(results, sizes))
