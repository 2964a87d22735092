"""The editor note ingest writes: what it inferred and what the source did not say, in plain words."""

from __future__ import annotations

from ..load.publication import NEEDS_CHECK


def paywalled() -> str:
    return f"{NEEDS_CHECK} the page marks its article as for subscribers only, so the text may stop where the paywall begins."


def far_shorter(kept: int, page: int) -> str:
    return f"{NEEDS_CHECK} the text kept ({kept} words) is far shorter than the page's main text ({page} words); compare it with the page."


def zone_assumed(where: str, timezone: str) -> str:
    return f"The {where} gives the time with no zone, so {timezone} (the publication's time zone) is assumed."


def date_only(where: str, timezone: str) -> str:
    return f"The {where} gives only the date, so midnight {timezone} (the publication's time zone) stands in for the time."


def missing(subject: str, fields: list[str], url_missing: bool) -> str | None:
    """'The saved text names no outlet, author or date and gives no URL.' (`subject`: 'The saved text', 'It')."""
    named = _listed(fields)
    if named and url_missing:
        return f"{subject} names no {named} and gives no URL."
    if named:
        return f"{subject} names no {named}."
    return f"{subject} gives no URL." if url_missing else None


def _listed(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"
