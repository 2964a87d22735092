"""What a digest covers: the briefings of a period (an ISO week, a calendar month, any range).

The site's digests page and the PDF output both take their list from here, so the
page never links a PDF that was not written; the e-mail edition's digests will too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..model import Briefing, Publication

if TYPE_CHECKING:
    from ..i18n import Localizer

WEEK, MONTH, RANGE = "week", "month", "range"


@dataclass(frozen=True)
class Period:
    kind: str  # WEEK, MONTH or RANGE
    start: date
    end: date  # inclusive

    @property
    def key(self) -> str:
        """ "2025-W44", "2025-10" or "2025-10-01_2025-12-31": file names sort by date."""
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def name(self, localizer: Localizer) -> str:
        """ "Week 44, 2025", "October 2025" or a date range, in the reader's language."""
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return localizer.gettext("Week %(week)d, %(year)d") % {"week": week, "year": year}
        if self.kind == MONTH:
            return localizer.month(self.start)
        return localizer.date_range(self.start, self.end)

    def kind_name(self, localizer: Localizer) -> str:
        gettext = localizer.gettext
        return {WEEK: gettext("Weekly digest"), MONTH: gettext("Monthly digest")}.get(self.kind) or gettext("Digest")


@dataclass(frozen=True)
class Digest:
    period: Period
    briefings: tuple[Briefing, ...]  # oldest first: a digest reads like the period's story


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(WEEK, monday, monday + timedelta(days=6))


def month_of(day: date) -> Period:
    first = day.replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return Period(MONTH, first, following - timedelta(days=1))


def digest(publication: Publication, period: Period) -> Digest:
    return Digest(period, tuple(sorted((b for b in publication.briefings if b.date in period), key=lambda b: (b.date, b.id))))


def weekly_digests(publication: Publication) -> list[Digest]:
    """One digest per ISO week that has briefings, newest week first."""
    weeks = sorted({week_of(b.date) for b in publication.briefings}, key=lambda p: p.start, reverse=True)
    return [digest(publication, week) for week in weeks]


def monthly_periods(start: date, end: date) -> list[Period]:
    """Every calendar month from the one holding `start` to the one holding `end`."""
    periods = [month_of(start)]
    while periods[-1].end < end:
        periods.append(month_of(periods[-1].end + timedelta(days=1)))
    return periods
