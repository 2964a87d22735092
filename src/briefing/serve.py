"""`briefing serve`: the site built into a scratch folder, rebuilt and reloaded on every edit."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from .engine import serve_with_live_reload
from .workspace import Workspace

WATCHED = ("briefings", "content", "templates", "locales", "mkdocs.yml", "glossary.yml")


def serve(project: Path, host: str, port: int, build_once: Callable[[Path, Workspace], bool], say: Callable[[str], None]) -> None:
    """`build_once(output, workspace)` builds and reports; a failed rebuild keeps the last good preview."""
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as scratch:
        site, workspace = Path(scratch) / "site", Workspace.scratch(project, Path(scratch) / "work")
        if not build_once(site, workspace):
            site.mkdir(parents=True, exist_ok=True)
        say(f"Serving on http://{host}:{port}/ (Ctrl+C to stop); watching {', '.join(WATCHED)}")
        serve_with_live_reload(site, host, port, [project / name for name in WATCHED], lambda: build_once(site, workspace))
