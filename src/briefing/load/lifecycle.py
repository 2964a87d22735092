"""A briefing's life after it is written: draft or published, corrections, withdrawal, and the ids it had before.

The loader reads these fields here; what a build or the preview makes of them (a draft left
out, a withdrawn page kept) is release.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from zoneinfo import ZoneInfo

from ..diagnostics import Location, Problems
from ..model import DRAFT, PUBLISHED, Briefing, Config, Notice
from .fields import DATE, LONG_TEXT, SLUG, Fields
from .nodes import Mapping, Scalar

LIFECYCLE_FIELDS = ("status", "corrections", "withdrawn", "aliases")
STATUSES = (DRAFT, PUBLISHED)


@dataclass(frozen=True)
class Lifecycle:
    status: str
    corrections: tuple[Notice, ...]  # oldest first
    withdrawn: Notice | None
    aliases: tuple[tuple[str, Location], ...]  # each with its place, for the check across files

    def apply(self, briefing: Briefing) -> Briefing:
        """The briefing with these fields; a correction moves its `updated` time (feeds show it as updated)."""
        updated = max([briefing.updated, *(notice.date for notice in self.corrections)])
        aliases = tuple(alias for alias, _ in self.aliases)
        return replace(
            briefing, updated=updated, status=self.status, corrections=self.corrections, withdrawn=self.withdrawn, aliases=aliases
        )


def read_lifecycle(fields: Fields, briefing_id: str | None, published: datetime | None, config: Config) -> Lifecycle:
    """`status`, `corrections`, `withdrawn` and `aliases` of one briefing file, every problem recorded."""
    status = fields.text("status") or PUBLISHED
    if status not in STATUSES:
        fields.problems.error(fields.value_location("status"), "status", f"unknown status {status!r} (expected {' or '.join(STATUSES)})")
        status = PUBLISHED
    notices = _Notices(config.language_codes, published, ZoneInfo(config.timezone))
    corrections = [notices.read(item) for item in fields.mapping_list("corrections", notices.fields)]
    withdrawn = fields.fields("withdrawn", notices.fields)
    return Lifecycle(
        status,
        tuple(sorted((c for c in corrections if c), key=lambda c: c.date)),
        notices.read(withdrawn) if withdrawn else None,
        _aliases(fields, briefing_id),
    )


def check_aliases(briefings: dict, problems: Problems) -> None:
    """An alias names one old address: not a briefing's id (a draft's too: it will be published), nor another alias."""
    claimed: dict[str, str] = {}  # alias: the briefing whose it is
    for briefing_id, loaded in sorted(briefings.items()):
        for alias, where in loaded.refs.get("aliases", ()):
            if alias in briefings:
                problems.error(where, "aliases", f"{alias!r} is the id of a briefing (briefings/{alias}.yaml); its address is not free")
            elif alias in claimed:
                problems.error(where, "aliases", f"{alias!r} is already an alias of {claimed[alias]!r}; an old address leads to one page")
            else:
                claimed[alias] = briefing_id


def _aliases(fields: Fields, briefing_id: str | None) -> tuple[tuple[str, Location], ...]:
    aliases = []
    for alias, where in fields.text_list("aliases"):
        if not SLUG.match(alias):
            fields.problems.error(where, "aliases", f"{alias!r} is not a valid id (lowercase letters, digits and single hyphens)")
        elif alias == briefing_id:
            fields.problems.error(where, "aliases", f"{alias!r} is this briefing's own id; an alias is an id it had before")
        else:
            aliases.append((alias, where))
    return tuple(aliases)


class _Notices:
    """Reads `{date, en, ko}` mappings: a correction, or a withdrawal, dated no earlier than the publication."""

    def __init__(self, languages: tuple[str, ...], published: datetime | None, zone: ZoneInfo):
        self.languages, self.published, self.zone = languages, published, zone
        self.fields = ("date", *languages)

    def read(self, fields: Fields) -> Notice | None:
        when = self._when(fields)
        values, places = fields.node.values, fields.node.key_locations
        texts = Mapping(
            {k: values[k] for k in values if k in self.languages},
            {k: places[k] for k in places if k in self.languages},
            fields.node.location,
        )
        text = fields.localized_of(texts, fields.prefix, self.languages, LONG_TEXT)
        if when and self.published and when < self.published:
            shown = self.published.astimezone(self.zone).strftime("%Y-%m-%d %H:%M %Z")
            fields.problems.error(fields.value_location("date"), fields.name("date"), f"dated before the briefing was published ({shown})")
            return None
        return Notice(when, text) if when and text else None

    def _when(self, fields: Fields) -> datetime | None:
        """A date-time with its zone, or a day alone: that day's midnight here, or the publication itself on its own day."""
        node = fields.node.values.get("date")
        if not (isinstance(node, Scalar) and DATE.match(node.text)):
            return fields.datetime_with_zone("date", required=True)
        day = fields.date("date", required=True)
        if day is None:
            return None
        midnight = datetime.combine(day, time(), self.zone)
        on_publication_day = self.published is not None and day == self.published.astimezone(self.zone).date()
        return max(midnight, self.published) if on_publication_day else midnight
