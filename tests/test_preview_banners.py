"""`briefing serve`'s in-memory preview: a draft's banner is there while it is a draft and gone once it is published."""

from __future__ import annotations

from datetime import datetime

from briefing.i18n import LOCALES_DIR
from briefing.load import load_or_raise
from briefing.outputs.site import render_docs
from briefing.preview import Preview
from briefing.release import released
from briefing.workspace import Workspace

from support.lifecycle_project import DRAFT, FILES, NOW


def test_saving_status_published_takes_the_drafts_banner_away(make_project, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat(NOW).timestamp())))
    project = make_project(FILES, templates=True)
    workspace = Workspace.of(project)
    publication = released(load_or_raise(project), datetime.fromisoformat(NOW), preview=True)
    for language in publication.config.language_codes:
        render_docs(
            publication,
            language,
            project / "templates/site",
            project / LOCALES_DIR,
            workspace.docs(language),
            workspace.page_hashes(language),
        )
    preview = Preview(workspace, tmp_path / "served")
    preview.start()
    draft = project / f"briefings/{DRAFT}.yaml"
    page = tmp_path / f"served/ko/briefings/{DRAFT}/index.html"
    try:
        draft.write_text(draft.read_text(encoding="utf-8").replace("What happened.", "What happened again."), encoding="utf-8")
        assert f"briefings/{DRAFT}.md" in preview.update().rendered
        assert '<p class="admonition-title">초안</p>' in page.read_text(encoding="utf-8")
        draft.write_text(draft.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8")
        assert f"briefings/{DRAFT}.md" in preview.update().rendered
        assert "초안" not in page.read_text(encoding="utf-8")
    finally:
        preview.close()
