"""`briefing new` as an editor starts a briefing: by article id, the start of one or its file; never over a file."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from briefing.cli import main

from support.ingest_fixtures import SEEDS
from support.project import ARTICLE

SECOND = "content/articles/2025/2025-10-30-sample-follow-up.md"
SECOND_ARTICLE = ARTICLE.replace("id: 2025-10-30-sample", "id: 2025-10-30-sample-follow-up").replace(
    "title: Sample article", "title: 'Follow-up: talks resume'"
)
SCAFFOLD = """\
id: 2025-11-02-sample-article
date: 2025-11-02
published:  # optional: when it goes out, e.g. 2025-11-02T18:00:00+09:00 (empty: the date's midnight)
title:
  en:
  ko:
summary:
  en:
  ko:
key_points:
  - en:
    ko:
topics: [alliance]  # from the articles; choose from: alliance, summit
articles:
  - 2025-10-30-sample  # Sample article
status: draft  # published: once every text is written
"""


def new(project, capsys, *args) -> tuple[int, str, str]:
    code = main(["--project", str(project), "new", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_briefing_has_every_field_and_fails_check_until_its_texts_are_written(make_project, capsys):
    project = make_project()
    assert new(project, capsys, "--date", "2025-11-02", "2025-10-30-sample") == (0, "briefings/2025-11-02-sample-article.yaml\n", "")
    written = project / "briefings/2025-11-02-sample-article.yaml"
    assert written.read_text(encoding="utf-8") == SCAFFOLD
    assert main(["--project", str(project), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "briefings/2025-11-02-sample-article.yaml:5:3: title: not written yet",
        "briefings/2025-11-02-sample-article.yaml:8:3: summary: not written yet",
        "briefings/2025-11-02-sample-article.yaml:11:5: key_points[0]: not written yet",
        "check failed: 3 errors, 0 warnings",
    ]
    written.write_text(SCAFFOLD.replace("  en:\n", "  en: Written.\n").replace("  - en:\n", "  - en: Written.\n"), encoding="utf-8")
    assert main(["--project", str(project), "check"]) == 0  # a draft may lack its Korean texts: warnings
    assert capsys.readouterr().err.count("warning: missing Korean translation") == 3


def test_articles_by_the_start_of_their_id_or_their_file(make_project, capsys):
    project = make_project({SECOND: SECOND_ARTICLE})
    code, out, err = new(project, capsys, "--date", "2025-11-02", "2025-10-30-sample-f", "content/articles/2025/2025-10-30-sample.md")
    assert (code, out, err) == (0, "briefings/2025-11-02-follow-up-talks-resume.yaml\n", "")
    text = (project / "briefings/2025-11-02-follow-up-talks-resume.yaml").read_text(encoding="utf-8")
    assert "articles:\n  - 2025-10-30-sample-follow-up  # Follow-up: talks resume\n  - 2025-10-30-sample  # Sample article\n" in text


def test_a_name_that_is_the_start_of_two_ids_or_of_none_writes_nothing(make_project, capsys):
    project = make_project({SECOND: SECOND_ARTICLE, "notes.md": ARTICLE})
    code, out, err = new(project, capsys, "2025-10-30-sam", "2025-10-30-smaple", "notes.md")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "briefing new: '2025-10-30-sam' is the start of 2 article ids: 2025-10-30-sample, 2025-10-30-sample-follow-up; give more of the id",
        "briefing new: no article '2025-10-30-smaple' in content/articles/ (did you mean '2025-10-30-sample'?)",
        "briefing new: notes.md is not an article of this publication (they are in content/articles/)",
        "briefing new: no briefing written",
    ]
    assert sorted(path.name for path in (project / "briefings").iterdir()) == ["2025-10-31-sample.yaml"]


def test_a_file_outside_the_articles_is_refused(make_project, capsys, tmp_path):
    project = make_project()
    elsewhere = tmp_path / "2025-10-30-sample.md"
    elsewhere.write_text(ARTICLE, encoding="utf-8")
    assert new(project, capsys, str(elsewhere))[2].splitlines() == [
        f"briefing new: {elsewhere} is not an article of this publication (they are in content/articles/)",
        "briefing new: no briefing written",
    ]


def test_an_existing_briefing_is_never_overwritten(make_project, capsys):
    project = make_project()
    assert new(project, capsys, "--date", "2025-10-31", "--slug", "sample", "2025-10-30-sample") == (
        1,
        "",
        "briefing new: briefings/2025-10-31-sample.yaml already exists: nothing written (choose another --slug or --date)\n",
    )
    assert new(project, capsys, "--date", "2025-11-02", "2025-10-30")[0] == 0
    edited = project / "briefings/2025-11-02-sample-article.yaml"
    edited.write_text("an editor's work\n", encoding="utf-8")
    assert new(project, capsys, "--date", "2025-11-02", "2025-10-30")[0] == 1
    assert edited.read_text(encoding="utf-8") == "an editor's work\n"
    (project / "briefings/2025-11-03-sample.yml").write_text("another editor's work\n", encoding="utf-8")
    code, _, err = new(project, capsys, "--date", "2025-11-03", "--slug", "sample")
    assert code == 1 and "briefings/2025-11-03-sample.yml already exists" in err


def test_a_briefing_with_no_article_needs_a_slug_and_is_dated_today_in_the_publications_zone(make_project, capsys):
    project = make_project()
    assert new(project, capsys) == (1, "", "briefing new: name the briefing with --slug (or cite an article to name it after)\n")
    assert new(project, capsys, "--slug", "Week_Ahead")[2] == (
        "briefing new: --slug 'Week_Ahead' is not a valid slug (lowercase letters, digits and single hyphens)\n"
    )
    before = datetime.now(ZoneInfo("Asia/Seoul")).date()
    code, out, _ = new(project, capsys, "--slug", "week-ahead")
    after = datetime.now(ZoneInfo("Asia/Seoul")).date()
    assert code == 0 and out.strip() in {f"briefings/{day}-week-ahead.yaml" for day in (before, after)}
    text = (project / out.strip()).read_text(encoding="utf-8")
    assert "topics: []  # choose from: alliance, summit\n" in text
    assert "articles: []  # the ids of the articles it is based on" in text
    assert main(["--project", str(project), "check"]) == 1
    assert "articles: warning: the briefing cites no article" in capsys.readouterr().err


def test_an_article_from_a_saved_page_is_ingested_and_cited_in_one_step(make_project, capsys):
    project = make_project()
    code, out, err = new(project, capsys, "--date", "2025-10-31", "--article", str(SEEDS / "000_51a7dab4af829f9d.txt"))
    assert code == 0, err
    ingested = sorted((project / "content/articles/2025").glob("*.md"))
    assert len(ingested) == 2  # the sample and the seed's article
    article = next(path for path in ingested if path.stem != "2025-10-30-sample")
    assert err.startswith(f"new        content/articles/2025/{article.name}")
    briefing = project / out.strip()
    assert briefing.parent.name == "briefings" and briefing.name.startswith("2025-10-31-us-diplomatic-circles")
    assert f"articles:\n  - {article.stem}  # U.S. Diplomatic Circles:" in briefing.read_text(encoding="utf-8")
    again = new(project, capsys, "--date", "2025-11-01", "--article", str(SEEDS / "000_51a7dab4af829f9d.txt"))
    assert again[0] == 0 and "skipped" in again[2]  # already ingested: cited as it is
    assert f"  - {article.stem}  #" in (project / again[1].strip()).read_text(encoding="utf-8")
