"""A language's search index file, as the engine writes it and the search stage extends it."""

from __future__ import annotations

import json
from pathlib import Path

from ..formats import SEARCH_INDEX


def index_file(site: Path, language: str) -> Path:
    """Where a language's index is, in a folder that holds the language folders (site/, staging, the engine's output)."""
    return site / SEARCH_INDEX.path_for(language=language)


def read_index(path: Path) -> dict:
    """{config, docs: [{location, title, text}]}, as Material's search plugin writes it."""
    return json.loads(path.read_text(encoding="utf-8"))


def write_index(path: Path, index: dict) -> None:
    """The index in one order, by page (each page's sections as MkDocs gave them), whichever way
    it was built: a full build and an update of the same pages give the same bytes. In UTF-8,
    not \\u escapes: a Korean index is half the size."""
    index["docs"].sort(key=lambda entry: entry["location"].split("#")[0])
    path.unlink(missing_ok=True)  # a new file, never one the published site may share
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
