"""Shared fixtures: small publications written inline, the demo project, a canary server and Chromium.

The constants and functions they use live in support/ (support.project, support.web), for the tests to import too.
"""

from __future__ import annotations

import http.server
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from support.project import ARTICLE, BRIEFING, CONFIG, REPO, write_tree
from support.web import CHROMIUM_FLAGS, serve_folder, serve_handler

# Property tests try the same examples on every run, so `make test` (and CI) passes or fails
# repeatably; `HYPOTHESIS_PROFILE=explore` draws new ones each run, to look for more bugs.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


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
