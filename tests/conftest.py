"""Shared fixtures: small publications written inline, and the demo project."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent

# Property tests try the same examples on every run, so `make test` (and CI) passes or fails
# repeatably; `HYPOTHESIS_PROFILE=explore` draws new ones each run, to look for more bugs.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

CONFIG = """\
site_name: Test Briefing
site_url: https://briefing.test/
theme:
  name: material
  font: false
markdown_extensions: [admonition, attr_list, md_in_html]
extra:
  briefing:
    languages: [en, ko]
    timezone: Asia/Seoul
    site_name: {en: Test Briefing, ko: 시험 브리핑}
    description: {en: A test publication., ko: 시험용 발행물.}
    topics:
      alliance: {en: Alliance, ko: 한미동맹}
      summit: {en: Summit diplomacy, ko: 정상외교}
"""

ARTICLE = """\
---
id: 2025-10-30-sample
title: Sample article
source: {name: Sample Daily, section: Politics, url: "https://news.example/sample"}
author: Kim Reporter
published: 2025-10-30T11:50:28+09:00
language: en
topics: [alliance]
editor_note: null
---
Body of the sample article.
"""

BRIEFING = """\
id: 2025-10-31-sample
date: 2025-10-31
title: {en: Sample briefing, ko: 시험 브리핑}
summary: {en: What happened., ko: 무슨 일이 있었나.}
key_points:
  - {en: First point., ko: 첫째 요점.}
topics: [alliance]
articles: [2025-10-30-sample]
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def make_project(tmp_path):
    """A valid one-article, one-briefing publication; `files` override or add files."""

    def make(files: dict[str, str] | None = None, templates: bool = False) -> Path:
        base = {
            "mkdocs.yml": CONFIG,
            "content/articles/2025/2025-10-30-sample.md": ARTICLE,
            "briefings/2025-10-31-sample.yaml": BRIEFING,
        }
        root = write_tree(tmp_path / "project", {**base, **(files or {})})
        if templates:
            for folder in ("templates", "locales"):
                shutil.copytree(REPO / folder, root / folder)
        return root

    return make


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo publication, built once for the whole session with the real CLI."""
    from briefing.cli import main

    root = tmp_path_factory.mktemp("demo") / "project"
    skipped = {".venv", "site", "build", ".git", ".site.staging", ".site.previous", "node_modules", ".hypothesis"}
    shutil.copytree(REPO, root, ignore=lambda folder, names: skipped & set(names) if Path(folder) == REPO else {"__pycache__"})
    assert main(["--project", str(root), "build", "-q"]) == 0
    return root / "site"


CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static server for `folder` on 127.0.0.1 (a free port), in a thread; returns it and its URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    return serve_handler(handler)


def serve_handler(handler) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def canary():
    """(URL, requests) of a web server on 127.0.0.1 that records every request: content must make nothing fetch from it."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            requests.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server, url = serve_handler(Recorder)
    yield url, requests
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by playwright, shared by every browser test."""
    from playwright import sync_api as playwright

    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo_url(demo_site):
    """The demo site served on 127.0.0.1."""
    server, url = serve_folder(demo_site)
    yield url
    server.shutdown()
