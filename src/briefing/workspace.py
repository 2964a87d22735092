"""The work folder: where a build keeps what the next one can reuse, its lock and its trash.

Every path of it is named here and nowhere else. `build/` is the project's own, shared
by `build`, `serve` (whose builds are builds into a preview folder) and `briefing pdf`:
each reuses what the others made. (The staging and previous folders sit beside the
output they replace, so publish.py names them.)

Records are small JSON files, read leniently and written whole: a missing or unreadable
record only costs work (the next build redoes what it said), and a record is replaced
in one rename, so a build killed while writing one leaves the old one or the new one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

WORK_FOLDER = "build"
INGEST_STATE = Path(".briefing") / "ingest-state.json"  # under the project: what ingest remembers between runs


@dataclass(frozen=True)
class Workspace:
    project: Path
    root: Path

    @classmethod
    def of(cls, project: Path) -> Workspace:
        """The project's own work folder, `build/`."""
        return cls(project, project / WORK_FOLDER)

    @property
    def lock(self) -> Path:
        return self.root / "build.lock"

    @property
    def trash(self) -> Path:
        """Old sites and leftovers of stopped builds, deleted in the background."""
        return self.root / "trash"

    def docs(self, language: str) -> Path:
        """A language's docs tree, the engine's input."""
        return self.root / "docs" / language

    def page_hashes(self, language: str) -> Path:
        """Each docs page's input hash at the last build."""
        return self.root / "docs" / f"{language}.pages.json"

    @property
    def engine_output(self) -> Path:
        """The engine's output, a folder per language as in site/, kept between builds; staging links to it."""
        return self.root / "site"

    def engine_site(self, language: str) -> Path:
        return self.engine_output / language

    def engine_config(self, language: str) -> Path:
        return self.root / f"mkdocs.{language}.yml"

    def engine_state(self, language: str) -> Path:
        return self.root / f"engine.{language}.json"

    @property
    def previews(self) -> Path:
        """Where `serve` keeps the site it serves, a folder per session, removed when it stops."""
        return self.root / "preview"

    @property
    def search(self) -> Path:
        """Each language's search fragments as last written, and Kiwi's analysis of every word seen."""
        return self.root / "search"

    @property
    def pdf_cache(self) -> Path:
        """PDF renders by content hash."""
        return self.root / "pdf-cache"

    @property
    def card_cache(self) -> Path:
        """Social card images by content hash."""
        return self.root / "card-cache"

    @property
    def mail_log(self) -> Path:
        """Who got which e-mail edition: never emptied by a build, it is what keeps a resend from sending twice."""
        return self.project / INGEST_STATE.parent / "mail-log.sqlite"

    @property
    def ingest_state(self) -> Path:
        return self.project / INGEST_STATE


def read_record(path: Path) -> dict:
    """A JSON record; {} when there is none yet or it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a partial file per process, renamed into place)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
