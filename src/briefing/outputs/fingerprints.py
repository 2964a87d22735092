"""What every page and PDF of a language is made with, hashed: a change to any of it makes them all again."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from ..model import Config

CODE = Path(__file__).resolve().parent.parent  # the whole package: any change of ours may change the output


def shared_inputs(config: Config, language: str, templates: Path, locales: Path) -> bytes:
    """The settings, the templates, the catalogs and the code."""
    digest = hashlib.sha256(pickle.dumps((language, config)))
    for folder in (templates, locales, CODE):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()
