"""The preview renders only what an edit touches: as many pages at 32 briefings as at 8."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.i18n import LOCALES_DIR
from briefing.load import load_or_raise
from briefing.outputs.site import render_docs
from briefing.preview import Preview
from briefing.workspace import Workspace

from support.project import REPO


def preview_of(tmp_path: Path, briefings: int) -> tuple[Preview, Path]:
    """A generated publication of `briefings` briefings (five articles each) with its docs trees, previewed."""
    project = tmp_path / f"n{briefings}"
    subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--briefings", str(briefings), str(project)], check=True)
    workspace = Workspace.of(project)
    publication = load_or_raise(project)
    for language in publication.config.language_codes:
        templates, locales, docs = project / "templates/site", project / LOCALES_DIR, workspace.docs(language)
        render_docs(publication, language, templates, locales, docs, workspace.page_hashes(language))
    preview = Preview(workspace, tmp_path / f"site{briefings}")
    preview.start()
    return preview, project


def edit_newest_briefing(project: Path, old: str, new: str) -> Path:
    newest = sorted((project / "briefings").glob("*.yaml"))[-1]
    text = newest.read_text(encoding="utf-8")
    assert old in text
    newest.write_text(text.replace(old, new, 1), encoding="utf-8")
    return newest


def test_one_briefing_edit_renders_as_many_pages_whatever_the_size(tmp_path):
    """The briefing's page, the pages of the articles it cites (they list it), home, its month and its
    topics (they show summaries): those pages and no other are rendered again, at four times the size too."""
    rendered = {}
    for size in (8, 32):
        preview, project = preview_of(tmp_path, size)
        try:
            path = edit_newest_briefing(project, 'summary: {en: "', 'summary: {en: "Edited. ')
            change = preview.update()
        finally:
            preview.close()
        briefing = next(b for b in load_or_raise(project).briefings if b.id == path.stem)
        touched = {f"briefings/{briefing.id}.md", "index.md", f"archive/{briefing.date:%Y-%m}.md"}
        touched |= {f"topics/{topic}.md" for topic in briefing.topics} | {f"articles/{article}.md" for article in briefing.articles}
        assert set(change.rendered) == touched
        page = tmp_path / f"site{size}/en/briefings/{briefing.id}/index.html"
        assert "Edited." in page.read_text(encoding="utf-8")
        rendered[size] = len(change.rendered)
    assert max(rendered.values()) <= 3 + 7 + 5, rendered  # every topic of the generated publications, five articles


def test_the_previews_page_is_the_one_a_build_writes(tmp_path):
    """Rendering one page through MkDocs' page machinery gives the bytes `mkdocs build` gives (both for editors)."""
    preview, project = preview_of(tmp_path, 4)
    try:
        briefing = edit_newest_briefing(project, 'title: {en: "', 'title: {en: "Retitled ')
        preview.update()
    finally:
        preview.close()
    from briefing.cli import main

    assert main(["--project", str(project), "build", "--preview", "-q"]) == 0  # serve's builds: editors see whole texts and notes
    written = sorted(path.relative_to(tmp_path / "site4") for path in (tmp_path / "site4").rglob("*.html"))
    assert Path(f"en/briefings/{briefing.stem}/index.html") in written and Path("en/index.html") in written
    for page in written:
        assert (tmp_path / "site4" / page).read_text(encoding="utf-8") == (project / "site" / page).read_text(encoding="utf-8"), page
