"""Which briefings readers see at a given moment: the one place every output's list comes from.

A draft is never published. A briefing whose `published` time is still ahead is scheduled:
left out until then. A withdrawn briefing keeps its page (a dated notice in place of its
content) and its sitemap line, and leaves every list: home, months, topics, the articles'
"Cited in", feeds, search, digests and mail. The preview (`briefing serve`) keeps drafts and
scheduled briefings; their pages carry a banner saying so.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .diagnostics import BuildError
from .model import DRAFT, Briefing, Publication

SCHEDULED = "scheduled"


def reference_time(now: datetime | None = None) -> datetime:
    """`now` when given (`--now`), else SOURCE_DATE_EPOCH (a reproducible build), else the clock."""
    if now is not None:
        return now
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(UTC)
    if not epoch.isdigit():
        raise BuildError(f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a time (seconds since 1970-01-01 UTC, e.g. 1761944400)")
    return datetime.fromtimestamp(int(epoch), UTC)


def unreleased(briefing: Briefing, now: datetime) -> str | None:
    """DRAFT, SCHEDULED, or None for a briefing readers may see at `now`."""
    if briefing.status == DRAFT:
        return DRAFT
    return SCHEDULED if briefing.published > now else None


def released(publication: Publication, now: datetime, preview: bool = False) -> Publication:
    """The publication as readers see it at `now`; a `preview` keeps drafts and scheduled briefings too."""
    shown = [b for b in publication.briefings if preview or unreleased(b, now) is None]
    return replace(
        publication,
        briefings=tuple(b for b in shown if b.withdrawn is None),
        withdrawn=tuple(b for b in shown if b.withdrawn is not None),
        as_of=now,
    )


def pending(publication: Publication, now: datetime) -> list[str]:
    """`briefing check`'s lines: each draft and scheduled briefing, then "2 drafts, 1 scheduled for 2025-11-01 06:00 KST"."""
    zone = ZoneInfo(publication.config.timezone)
    drafts = [b for b in publication.briefings if unreleased(b, now) == DRAFT]
    scheduled = sorted((b for b in publication.briefings if unreleased(b, now) == SCHEDULED), key=lambda b: b.published)
    times = [b.published.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") for b in scheduled]
    lines = [f"draft: briefings/{b.id}.yaml (status: draft; left out of builds)" for b in drafts]
    lines += [f"scheduled: briefings/{b.id}.yaml (published from {when})" for b, when in zip(scheduled, times, strict=True)]
    counts = [f"{len(drafts)} draft{'s' * (len(drafts) != 1)}"] if drafts else []
    if scheduled:
        counts.append(f"{len(scheduled)} scheduled for {', '.join(dict.fromkeys(times))}")
    return [*lines, ", ".join(counts)] if counts else []


def briefing_named(publication: Publication, briefing_id: str) -> Briefing:
    """`briefing mail ID` and `--attach-pdf`: the briefing, or a BuildError saying where briefings are."""
    briefing = publication.briefing(briefing_id)
    if briefing is None:
        raise BuildError(f"no briefing {briefing_id!r} (briefings/<date>-<slug>.yaml; `briefing check` lists them)")
    return briefing


def refuse_unreleased(publication: Publication, briefing_id: str, now: datetime) -> None:
    """`briefing mail` of a briefing readers can't see: a BuildError that says why."""
    briefing = publication.briefing(briefing_id)
    if briefing is None:
        return
    why = unreleased(briefing, now)
    if why == DRAFT:
        raise BuildError(f"{briefing_id} is a draft (status: draft in briefings/{briefing_id}.yaml): drafts are not mailed")
    if why == SCHEDULED:
        raise BuildError(f"{briefing_id} is scheduled for {briefing.published.isoformat()}: mail it once it is published")
    if briefing.withdrawn is not None:
        raise BuildError(f"{briefing_id} was withdrawn on {briefing.withdrawn.date.date().isoformat()}: it is not mailed")
