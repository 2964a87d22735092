"""content/ is written only by ingest, only with new files, only inside content/articles, never twice."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from briefing.diagnostics import Problems
from briefing.ingest.draft import Draft
from briefing.ingest.slug import slugify
from briefing.ingest.store import Store
from briefing.load import load
from briefing.load.config import load_config

from support.ingest_fixtures import articles, front_matter

WIRE = (
    "North Korea fired a ballistic missile into the East Sea on Monday, the Joint Chiefs of Staff said, "
    "in its first launch in two months. The military said it was analysing the flight data with the United States "
    "and Japan and had stepped up surveillance in preparation for further launches. "
)
SEOUL = ZoneInfo("Asia/Seoul")


def draft(title="North Korea fires ballistic missile", body=WIRE * 2, url="https://a.example/1", **fields) -> Draft:
    values = dict(
        title=title, body=body, url=url, source_name="Outlet A", language="en", published=datetime(2025, 11, 3, 8, 0, tzinfo=SEOUL)
    )
    values.update(fields)
    return Draft(**values)


@pytest.fixture
def store_of(make_project):
    project = make_project()

    def new_store() -> Store:
        return Store(project, load_config(project, Problems()), {})

    new_store.project = project
    return new_store


def test_new_article_is_written_where_the_loader_expects_it(store_of):
    outcome = store_of().add(draft())
    assert outcome.status == "new"
    assert outcome.path == "content/articles/2025/2025-11-03-north-korea-fires-ballistic-missile.md"
    meta, body = front_matter(store_of.project / outcome.path)
    assert meta["id"] == "2025-11-03-north-korea-fires-ballistic-missile" and body == WIRE * 2
    assert load(store_of.project)[1].items == []


def test_same_url_again_is_skipped_with_its_reason(store_of):
    first = store_of().add(draft())
    again = store_of().add(draft(url="https://a.example/1#comments"))  # a fresh store reads content/ back
    assert again.status == "skipped" and again.path == first.path
    assert again.reason == f"already ingested as {first.path} (never overwritten)"


def test_an_article_an_editor_changed_is_never_overwritten(store_of):
    path = store_of.project / store_of().add(draft()).path
    edited = path.read_text(encoding="utf-8").replace("topics: []", "topics: [alliance]") + "\nEditor's addition.\n"
    path.write_text(edited, encoding="utf-8")
    outcome = store_of().add(draft(body=WIRE * 2 + "Updated paragraph from the wire."))
    assert outcome.status == "skipped"
    assert path.read_text(encoding="utf-8") == edited


def test_the_same_story_from_another_outlet_is_a_duplicate(store_of):
    store = store_of()
    first = store.add(draft())
    other = store.add(
        draft(
            title="N. Korea launches missile, JCS says",
            url="https://b.example/x",
            source_name="Outlet B",
            body="(Seoul) " + WIRE * 2 + " Reporting by Outlet B.",
        )
    )
    assert other.status == "duplicate" and other.path == first.path
    assert other.reason.startswith(f"same text as {first.path} (") and "% in common)" in other.reason
    assert len(articles(store_of.project)) == 2  # the sample article and the first copy


def test_one_outlets_templated_posts_are_not_duplicates(store_of):
    store = store_of()
    one = store.add(draft(title="Nix 1.2 released", body="Nix 1.2 has been released. " + WIRE * 2, url="https://n.example/news"))
    two = store.add(draft(title="Nix 1.3 released", body="Nix 1.3 has been released. " + WIRE * 2, url="https://n.example/news"))
    assert (one.status, two.status) == ("new", "new")


def test_slug_collision_with_a_different_story_gets_a_new_name(store_of):
    store = store_of()
    store.add(draft())
    other = store.add(draft(url="https://a.example/2", body="An entirely different story about trade talks in Geneva. " * 8))
    assert other.status == "new" and other.path.endswith("2025-11-03-north-korea-fires-ballistic-missile-2.md")


def test_undated_articles_go_to_undated(store_of):
    outcome = store_of().add(draft(published=None))
    assert outcome.path == "content/articles/undated/north-korea-fires-ballistic-missile.md"


@pytest.mark.parametrize(
    "title, slug",
    [
        ("../../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("북한, 동해상으로 탄도미사일 발사", "bukhan-donghaesangeuro-tandomisail-balsa"),
        ("…", "article"),
        ("C:\\Windows\\system32 \x00 nul", "c-windows-system32-nul"),
        (
            "U.S.-Korea Summit Yielded Balanced Results, Detailed Coordination Remains Key Task",
            "us-korea-summit-yielded-balanced-results-detailed",
        ),
    ],
)
def test_slugs_are_safe_file_names(title, slug):
    assert slugify(title) == slug


def test_hostile_titles_stay_inside_content(store_of):
    store = store_of()
    for title in ("../../../../tmp/owned", "..", "CON", "\u202e evil"):
        outcome = store.add(draft(title=title, url=None, body=f"{title} " + WIRE + title))
        assert outcome.status == "new" and outcome.path.startswith("content/articles/2025/"), outcome
    assert not list(store_of.project.parent.glob("**/owned*"))


def test_a_year_folder_linking_outside_content_is_refused(store_of, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    articles_dir = store_of.project / "content" / "articles"
    os.symlink(outside, articles_dir / "2026", target_is_directory=True)
    outcome = store_of().add(draft(published=datetime(2026, 1, 5, tzinfo=SEOUL)))
    assert outcome.status == "failed" and outcome.reason.startswith("refusing to write outside content/articles")
    assert list(outside.iterdir()) == []


def test_a_draft_the_loader_would_reject_is_not_written(store_of):
    outcome = store_of().add(replace(draft(), language="not-a-language"))
    assert outcome.status == "failed" and "language" in outcome.reason
    assert len(articles(store_of.project)) == 1


def test_text_already_in_content_under_another_name_is_skipped_naming_the_file(store_of):
    store = store_of()
    first = store.add(draft())
    again = store.add(draft(url="https://a.example/other-address", slug="another-name"))
    assert (again.status, again.path) == ("skipped", first.path)
    assert again.reason == f"already in content/ as {first.path} (never overwritten)"
