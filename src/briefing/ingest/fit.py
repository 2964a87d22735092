"""A draft made to fit what `briefing check` accepts, saying what was changed.

Third-party sources put anything in their fields: a 3,000-character headline, a whole
paragraph as the author, a date in the year 9999, a link with quotes or spaces in it.
The loader refuses such values (load/fields.py); ingest cuts, encodes or drops them
here instead of losing the whole article, and the editor note says which.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

from ..load.fields import LONG_TEXT, SHORT_TEXT, WEB_ADDRESS, YEARS
from .draft import Draft

SHORT_FIELDS = (("title", "title"), ("source_name", "outlet name"), ("section", "section"), ("author", "author"))


def fit(draft: Draft) -> Draft:
    changes, notes = {}, []
    for name, what in SHORT_FIELDS:
        value = getattr(draft, name)
        if value and len(value) > SHORT_TEXT:
            changes[name] = clip(value, SHORT_TEXT)
            notes.append(f"The {what} was cut to {SHORT_TEXT} characters.")
    if draft.published and draft.published.year not in YEARS:
        changes["published"] = None
        notes.append(
            f"The source's date ({draft.published.year:04d}-{draft.published.month:02d}-{draft.published.day:02d})"
            f" is out of range ({YEARS.start}–{YEARS.stop - 1}) and was left out."
        )
    if draft.url and not WEB_ADDRESS.match(draft.url):
        encoded = quote(draft.url, safe=":/?#@!$&*+,;=%~[]")
        changes["url"] = encoded if WEB_ADDRESS.match(encoded) else None
        notes.append(
            "The source's URL had characters that were percent-encoded."
            if changes["url"]
            else "The source's URL is not a usable web address and was left out."
        )
    fitted = replace(draft, **changes, notes=draft.notes + tuple(notes))
    if fitted.editor_note and len(fitted.editor_note) > LONG_TEXT:
        fitted = replace(fitted, notes=(clip(fitted.editor_note, LONG_TEXT),))
    return fitted


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a space when there is one near the end, with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut).rstrip() + "…"
