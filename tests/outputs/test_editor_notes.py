"""An editor's note is for editors: in no published output (pages, feeds, search, PDFs, cards); `briefing serve` adds it as it
serves the page (tests/e2e/test_serve.py)."""

from __future__ import annotations

from briefing.cli import main

from support import pdftools
from support.project import ARTICLE

NOTE = "NOTE-FOR-EDITORS-ONLY"


def test_no_published_output_carries_an_editors_note(make_project, tmp_path):
    project = make_project(
        {"content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("editor_note: null", f"editor_note: {NOTE}")}, templates=True
    )
    assert main(["--project", str(project), "build", "-q"]) == 0
    found = []
    for path in (project / "site").rglob("*"):
        if path.suffix == ".pdf":
            found += [path] if NOTE in pdftools.text(path) else []
        elif path.is_file() and NOTE.encode() in path.read_bytes():
            found.append(path)
    assert found == []
    assert main(["--project", str(project), "build", "--preview", "-q", "--output", str(tmp_path / "preview")]) == 0
    assert NOTE not in (tmp_path / "preview/en/articles/2025-10-30-sample/index.html").read_text(encoding="utf-8")  # added as served
