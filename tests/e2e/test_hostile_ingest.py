"""The corpus's `briefing ingest` cases through the real CLI, against a local server playing every bad host.

On top of hostile_runner's checks: ingest fetched nothing a saved page or feed named
(the payloads' canary points at this server), every file it wrote has a safe name and
passes `briefing check`, and no article body it wrote renders to live markup.
"""

from __future__ import annotations

import pytest

from briefing.load import load
from briefing.load.fields import SLUG
from briefing.outputs.site.article_html import article_html

from support.hostile_ingest_cases import INGEST_CASES, ROUTES
from support.hostile_runner import run_case
from support.ingest_server import Server
from support.payloads import live_markup


@pytest.fixture(scope="module")
def server():
    with Server(ROUTES) as running:
        yield running


@pytest.mark.parametrize("case", INGEST_CASES, ids=[case.name for case in INGEST_CASES])
def test_bad_ingest_input(case, tmp_path, server):
    canary = server.url("/canary")
    project = run_case(case, tmp_path, server=server.url(""), canary=canary)
    assert [hit for hit in server.hits if hit.startswith("/canary")] == []
    written = sorted(path for path in (project / "content" / "articles").rglob("*.md") if path.stem != "2025-10-30-sample")
    assert [path.name for path in written if not SLUG.match(path.stem)] == []
    if case.usable:
        assert written, "a usable source gave no article"
        publication, problems = load(project)
        assert problems.errors == [] and publication is not None, [str(problem) for problem in problems.errors]
        bodies = {article.id: live_markup(article_html(article.body, article.url), canary) for article in publication.articles.values()}
        assert {key: found for key, found in bodies.items() if found} == {}
