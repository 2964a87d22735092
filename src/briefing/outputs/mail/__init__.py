"""The e-mail edition: each briefing as a standard message per language, and its delivery to subscribers.

Entry points: `write_messages` (`briefing mail ID` or `--week 2025-W44`: `<key>.<language>.eml` files) and
`deliver` (`briefing mail ID --send`), with `read_subscribers` for the list.
"""

from __future__ import annotations

import re
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from ...diagnostics import BuildError
from ...i18n import LOCALES_DIR, Localizer
from ...model import Publication
from ...release import briefing_named
from ...workspace import Workspace, write_whole
from ..formats import BRIEFING_PDF, MAIL_MESSAGE
from ..periods import Period, digest, week_of
from ..template_errors import located_template_errors
from .message import Attachment, edition, items
from .sending import Delivery, send
from .subscribers import Subscriber, read_subscribers

__all__ = ["Delivery", "deliver", "read_subscribers", "write_messages"]

WEEK_KEY = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})$")


def write_messages(
    publication: Publication,
    briefing_id: str,
    languages: tuple[str, ...],
    target: Path,
    project: Path,
    pdfs: dict[str, bytes] | None = None,
) -> list[Path]:
    """One message file per language in `target`, each written whole; `pdfs` (by language) attached."""
    written = []
    target.mkdir(parents=True, exist_ok=True)
    for language, message in editions(publication, briefing_id, languages, project, pdfs).items():
        path = target / MAIL_MESSAGE.path_for(key=briefing_id, language=language)
        write_whole(path, message.as_bytes())
        written.append(path)
    return written


def deliver(
    publication: Publication,
    briefing_id: str,
    subscribers: list[Subscriber],
    smtp_url: str,
    rate: float,
    project: Path,
    progress,
    pdfs: dict[str, bytes] | None = None,
) -> Delivery:
    """Send each subscriber their language's edition, once, logging every delivery in the project's send log."""
    wanted = tuple(sorted({subscriber.language for subscriber in subscribers}))
    messages = editions(publication, briefing_id, wanted, project, pdfs)
    return send(messages, subscribers, smtp_url, Workspace.of(project).mail_log, rate, progress)


def editions(
    publication: Publication, key: str, languages: tuple[str, ...], project: Path, pdfs: dict[str, bytes] | None = None
) -> dict[str, EmailMessage]:
    """The edition of `key` (a briefing id, or an ISO week as 2025-W44) in each language, with its PDF when `pdfs` has one."""
    settings = publication.config.mail
    if settings is None:
        raise BuildError(
            "mkdocs.yml: extra.briefing.mail: missing: the e-mail edition needs at least a sender (mail: {sender: Desk <desk@example.org>})"
        )
    period, briefings = _contents(publication, key)
    templates, pdfs = project / "templates" / "mail", pdfs or {}
    messages = {}
    for language in languages:
        localizer = Localizer(publication.config, language, project / LOCALES_DIR)
        heading = (
            f"{localizer.text(publication.config.site_name)} — {period.kind_name(localizer)}: {period.name(localizer)}" if period else None
        )
        attachment = Attachment(BRIEFING_PDF.file.format(key=key, language=language), pdfs[language]) if language in pdfs else None
        with located_template_errors(project):
            messages[language] = edition(
                publication, key, heading, items(publication, briefings, language), settings, localizer, templates, attachment
            )
    return messages


def _contents(publication: Publication, key: str) -> tuple[Period | None, list]:
    """What an edition holds: one briefing, or (with its period) the briefings of an ISO week."""
    week = WEEK_KEY.match(key)
    if week:
        try:
            period = week_of(date.fromisocalendar(int(week["year"]), int(week["week"]), 1))
        except ValueError:
            raise BuildError(f"--week {key}: no such ISO week") from None
        briefings = list(digest(publication, period).briefings)
        if not briefings:
            raise BuildError(f"--week {key}: no briefings are dated from {period.start} to {period.end}")
        return period, briefings
    return None, [briefing_named(publication, key)]
