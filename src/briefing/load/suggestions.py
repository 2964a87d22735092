"""What an editor probably meant by a name that is not known: a topic, an article id, a field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

LISTED = 15  # at most this many valid names are listed in a message; more would bury it


def did_you_mean(name: str, known: Iterable[str], where: str = "", listed: bool = True) -> str:
    """ " (did you mean 'x'?; <where>: a, b, c)": the closest names, then where valid names come from,
    with all of them when they are few (and `listed`).

    An id typed by hand is often the start of the real one (ids run to 70 characters), so a
    name that starts one or two known names suggests them before any look-alike does."""
    known = list(dict.fromkeys(known))
    close = [other for other in known if name and other.startswith(name)]
    if not close or len(close) > 2:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    parts = ["did you mean " + " or ".join(repr(other) for other in close) + "?"] if close else []
    if listed and 0 < len(known) <= LISTED:
        where = f"{where}: {', '.join(known)}" if where else ", ".join(known)
    if where:
        parts.append(where)
    return f" ({'; '.join(parts)})" if parts else ""


def unknown_topic(topic: str, topics: Iterable[str]) -> str:
    """The one message for a topic not in the settings, wherever it is used (briefing, article, feed source, ingest)."""
    return f"unknown topic {topic!r}" + did_you_mean(topic, topics, "topics are listed in mkdocs.yml under extra.briefing.topics")
