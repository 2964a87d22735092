"""Files written for editors to own (ingested articles, new briefings): created whole, never over another.

The text goes to a temporary file beside the target, then a hard link gives it its name: the
link fails if the name is taken, even by a file that appeared a moment ago, and no reader ever
sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def create_file(path: Path, text: str) -> None:
    """Write `text` to the new file `path`; FileExistsError if there is one (it is left as it was)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:40]}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.link(temporary, path)
    finally:
        os.unlink(temporary)
