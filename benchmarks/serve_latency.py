"""What an editor waits for with `briefing serve`: start-up, and a saved edit showing in an open Chromium tab.

Each edit is saved while Chromium shows the page it changes; the time runs from the save
to the moment the reloaded page (live reload, no manual refresh) shows the change. Three
kinds, five edits each, on briefings and articles spread over the archive: a briefing's
text, an article's body, a briefing's topics. Start-up runs from the command to the first
page served, with build/ holding a previous build (warm) and without (cold).

    python benchmarks/serve_latency.py PROJECT [--cold]
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EDITS = 5
PAUSE = 3.0  # seconds between an edit showing and the next save, as an editor reads what they wrote


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serving(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


class Preview:
    """`briefing serve` on a project, started and timed to its first page."""

    def __init__(self, project: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing.cli", "--project", str(project), "serve", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not _serving(f"{self.base}/en/", 3600):
            self.stop()
            raise SystemExit("briefing serve served no page within an hour")
        self.start_up = time.monotonic() - started

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            print("briefing serve did not stop within 60 s of SIGTERM; killed", file=sys.stderr)
            self.process.kill()
            self.process.wait()


def start_up(project: Path, cold: bool) -> float:
    """Seconds to the first page; cold: with the project's build/ set aside (and put back after)."""
    build, kept = project / "build", project / "build.warm"
    if cold:
        build.rename(kept)
    try:
        preview = Preview(project)
        preview.stop()
        return preview.start_up
    finally:
        if cold:
            shutil.rmtree(build, ignore_errors=True)
            kept.rename(build)


def _replace(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit(f"{path}: no {pattern!r} to edit")
    path.write_text(changed, encoding="utf-8")


def edits(project: Path) -> dict[str, list[tuple[str, Path, str, str, str]]]:
    """Per kind: (page address, file, pattern, replacement, a script true once the page shows the edit),
    on five briefings spread over the archive and one article each of them cites."""
    briefings = sorted((project / "briefings").glob("*.yaml"))
    chosen = [briefings[len(briefings) * (2 * i + 1) // (2 * EDITS)] for i in range(EDITS)]
    plans: dict[str, list] = {"briefing text": [], "article body": [], "briefing topics": []}
    for number, briefing in enumerate(chosen):
        mark = f"Preview check {number}."
        page = f"/en/briefings/{briefing.stem}/"
        shows = f"document.body.innerText.includes({mark!r})"
        plans["briefing text"].append((page, briefing, r'summary: \{en: "', f'summary: {{en: "{mark} ', shows))
        article_id = re.search(r"^articles: \[([^,\]]+)", briefing.read_text(encoding="utf-8"), re.MULTILINE)[1].strip()
        article = next((project / "content/articles").rglob(f"{article_id}.md"))
        plans["article body"].append((f"/en/articles/{article_id}/", article, r"(?s)\A(---\n.*?\n---\n)", rf"\1{mark} ", shows))
        topic = next(
            t for t in ("summit", "trade", "alliance") if t not in briefing.read_text(encoding="utf-8").split("topics:")[1].split("\n")[0]
        )
        linked = f"[...document.querySelectorAll('article a')].some(a => (a.getAttribute('href') || '').includes('topics/{topic}/'))"
        plans["briefing topics"].append((page, briefing, r"^topics: \[", f"topics: [{topic}, ", linked))
    return plans


def edit_latencies(project: Path) -> dict[str, list[float]]:
    """Seconds from each save to its page showing the change in Chromium, per kind of edit."""
    from playwright.sync_api import sync_playwright

    preview = Preview(project)
    latencies: dict[str, list[float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tab = browser.new_page()
            for kind, plan in edits(project).items():
                for page, path, pattern, replacement, shows in plan:
                    tab.goto(preview.base + page)
                    tab.wait_for_load_state("load")
                    time.sleep(PAUSE)
                    if tab.evaluate(shows):
                        raise SystemExit(f"{page} shows the edit before it is saved: {shows}")
                    _replace(path, pattern, replacement)
                    saved = time.monotonic()
                    tab.wait_for_function(f"document.body && {shows}", timeout=120_000, polling=10)
                    latencies.setdefault(kind, []).append(time.monotonic() - saved)
            browser.close()
    finally:
        preview.stop()
    return latencies


def serve_figures(project: Path, cold: bool) -> dict:
    figures = {"warm start": start_up(project, cold=False), "edits": edit_latencies(project)}
    if cold:
        figures["cold start"] = start_up(project, cold=True)
    return figures


def print_figures(figures: dict, say=print) -> None:
    for kind, seconds in figures["edits"].items():
        say(
            f"  serve: {kind:<16} edit shows in Chromium after {statistics.median(seconds):5.2f} s median, {max(seconds):5.2f} s worst"
            f" ({len(seconds)} edits)"
        )
    say(
        f"  serve: first page after {figures['warm start']:.1f} s with build/ from a previous build"
        + (f", {figures['cold start']:.1f} s without" if "cold start" in figures else "")
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--cold", action="store_true", help="time a start without build/ too (a whole build, PDFs included)")
    arguments = parser.parse_args()
    print_figures(serve_figures(arguments.project.resolve(), arguments.cold))
