"""Ingest writes a feed source's `rights` into each new article, so the file says what the site publishes of it."""

from __future__ import annotations

import subprocess
import sys

from support.ingest_fixtures import UNDATED, articles, front_matter
from support.ingest_server import Server
from support.project import CONFIG


def briefing(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), *args], capture_output=True, text=True, timeout=300
    )


def test_a_sources_rights_go_into_its_new_articles_and_check_counts_those_in_full(make_project):
    with Server({"/bare.xml": (200, UNDATED.encode(), "application/rss+xml")}) as server:
        sources = (
            f"      - {{name: Licensed Wire, url: '{server.url('/feed.xml')}', rights: full}}\n"
            f"      - {{name: Bare Feed, url: '{server.url('/bare.xml')}'}}\n"
        )
        project = make_project({"mkdocs.yml": CONFIG + "    sources:\n" + sources})
        assert briefing(project, "ingest").returncode == 0
    written = {path.stem: front_matter(path)[0] for path in articles(project).values() if path.stem != "2025-10-30-sample"}
    by_source = {(meta["source"]["name"], meta.get("rights")) for meta in written.values()}
    assert by_source == {("Licensed Wire", "full"), ("Bare Feed", None)}  # a source without rights: the default, not written
    in_full = sum(meta.get("rights") == "full" for meta in written.values())
    assert in_full == 2
    check = briefing(project, "check")
    assert check.stdout.startswith(f"ok: {len(written) + 1} articles ({in_full} in full), 1 briefings")
