"""Rebuilds redo only what changed, and what they produce equals a build from scratch."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from briefing.build import build
from briefing.progress import Reporter

from support.project import BRIEFING
from support.snapshots import snapshot


def build_once(project):
    reporter = Reporter(quiet=True)
    build(project, project / "site", reporter=reporter)
    return reporter


def engine_outputs(project):
    """mtime of every page the engine wrote, by path."""
    root = project / "build" / "site"
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("index.html")}


def search_locations(project, language="en"):
    """Each page in the search's page fragments, by location."""
    pages = (json.loads(path.read_text(encoding="utf-8")) for path in (project / "site" / language / "search" / "pages").glob("*.json"))
    return {page["location"]: page for page in pages}


def search_terms(files: dict[str, bytes], language: str) -> dict:
    """Every term of a language's search, whichever shards hold it."""
    terms = {}
    for name in sorted(n for n in files if n.startswith(f"{language}/search/terms/")):
        terms |= json.loads(files[name])
    return terms


@pytest.fixture
def project(make_project):
    second = BRIEFING.replace("2025-10-31-sample", "2025-11-02-second").replace("2025-10-31", "2025-11-02")
    second = second.replace("Sample briefing", "Second briefing")
    root = make_project({"briefings/2025-11-02-second.yaml": second}, templates=True)
    build_once(root)
    return root


def test_unchanged_rebuild_rewrites_no_docs_and_skips_the_engine(project):
    docs = {p: p.stat().st_mtime_ns for p in (project / "build" / "docs").rglob("*.md")}
    before = engine_outputs(project)
    build_once(project)
    assert {p: p.stat().st_mtime_ns for p in (project / "build" / "docs").rglob("*.md")} == docs
    assert engine_outputs(project) == before
    assert (project / "site" / "en" / "briefings" / "2025-11-02-second" / "index.html").is_file()


def test_editing_one_briefing_rebuilds_its_pages_and_keeps_the_whole_search_index(project):
    before, locations = engine_outputs(project), search_locations(project)
    path = project / "briefings" / "2025-11-02-second.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Second briefing", "Revised briefing"), encoding="utf-8")
    build_once(project)
    after = engine_outputs(project)
    changed = {page for page in after if after[page] != before.get(page)}
    assert "en/briefings/2025-11-02-second/index.html" in changed
    assert "en/articles/2025-10-30-sample/index.html" in changed  # it lists the briefings citing it
    assert "en/briefings/2025-10-31-sample/index.html" in changed  # its "Next briefing" link names the revised title
    assert "en/archive/index.html" not in changed and "en/topics/index.html" not in changed  # counts only
    assert not any(page.startswith("ko/") for page in changed)  # only the English title changed
    html = (project / "site" / "en" / "briefings" / "2025-11-02-second" / "index.html").read_text(encoding="utf-8")
    assert "Revised briefing" in html
    now = search_locations(project)
    assert {loc.split("#")[0] for loc in now} == {loc.split("#")[0] for loc in locations}
    assert "Revised briefing" in now["briefings/2025-11-02-second/"]["title"]


def test_removed_briefing_leaves_no_page_and_no_search_entry(project):
    (project / "briefings" / "2025-11-02-second.yaml").unlink()
    build_once(project)
    assert not (project / "site" / "en" / "briefings" / "2025-11-02-second").exists()
    assert not any(location.startswith("briefings/2025-11-02-second/") for location in search_locations(project))


def test_incremental_result_equals_a_clean_build(project, tmp_path):
    path = project / "briefings" / "2025-11-02-second.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("무슨 일이 있었나.", "무엇이 바뀌었나."), encoding="utf-8")
    build_once(project)
    incremental = {name: data for name, data in snapshot(project / "site").items() if not name.rpartition("/")[2].startswith("sitemap.xml")}
    shutil.rmtree(project / "build", ignore_errors=True)  # a background delete of the old site may be under way in it
    build_once(project)
    clean = {name: data for name, data in snapshot(project / "site").items() if not name.rpartition("/")[2].startswith("sitemap.xml")}
    assert incremental.keys() == clean.keys()
    shards = re.compile(r"^[a-z]{2}/search/(terms/.*|search_index\.json)$")  # a rebuild keeps its shards' cuts: same terms, other files
    differing = [name for name in clean if clean[name] != incremental[name] and not shards.match(name)]
    assert differing == []
    for language in ("en", "ko"):
        assert search_terms(incremental, language) == search_terms(clean, language)


def test_a_rebuild_never_writes_into_the_files_of_the_published_site(project, tmp_path):
    """Staging shares unchanged files with the engine's output (hard links): a later build may
    replace them, never rewrite them in place, or the live site would change mid-build."""
    site, kept = project / "site", tmp_path / "published-before"
    published = {}
    for path in site.rglob("*"):
        if path.is_file():
            copy = kept / path.relative_to(site)
            copy.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, copy)  # keeps the old files alive after the next publish
            published[copy] = (copy.read_bytes(), copy.stat().st_mtime_ns)
    for edit in ("Second briefing", "Revised briefing"):
        path = project / "briefings" / "2025-11-02-second.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(edit, edit + " again"), encoding="utf-8")
        build_once(project)
    assert [str(path) for path, seen in published.items() if (path.read_bytes(), path.stat().st_mtime_ns) != seen] == []
