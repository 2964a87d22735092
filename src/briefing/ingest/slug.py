"""File-name-safe slugs from any title: Hangul romanized (Revised Romanization), the rest transliterated."""

from __future__ import annotations

import re

from korean_romanizer.romanizer import Romanizer
from unidecode import unidecode

HANGUL = re.compile(r"[\uac00-\ud7a3]+")
MAX_LENGTH = 60


def slugify(title: str, max_length: int = MAX_LENGTH) -> str:
    """Lowercase ASCII letters, digits and single hyphens; never empty, never a path."""
    text = HANGUL.sub(lambda run: " " + Romanizer(run.group(0)).romanize() + " ", title)
    text = unidecode(text).lower()
    text = re.sub(r"(?<=[a-z0-9])['.](?=[a-z0-9])", "", text)  # U.S. -> us, Korea's -> koreas
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[: max_length + 1] else slug[:max_length]
    return slug.strip("-") or "article"
