"""What ingest remembers between runs, in .briefing/ingest-state.json (a cache, never content).

Per source URL the validators for conditional GET (ETag, Last-Modified); per feed entry
id (GUID) the article it became. Losing the file costs a full download and leaves
duplicate detection to URLs and texts, which content/ itself holds.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..workspace import INGEST_STATE, Workspace


class State:
    def __init__(self, project: Path):
        self.path = Workspace.of(project).ingest_state
        self.validators: dict[str, dict[str, str]] = {}
        self.guids: dict[str, str] = {}
        self.problem: str | None = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.validators = dict(data.get("validators", {}))
            self.guids = dict(data.get("guids", {}))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError) as exc:
            self.problem = f"{INGEST_STATE}: unreadable ({exc}); starting afresh"

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.validators[url] = {key: value for key, value in (("etag", etag), ("last_modified", last_modified)) if value}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"validators": self.validators, "guids": self.guids}, ensure_ascii=False, indent=1, sort_keys=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".state-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        os.replace(temporary, self.path)
