"""The e-mail edition: each briefing as a standard message per language, and its delivery to subscribers.

Entry points: `write_messages` (`briefing mail ID`: `<id>.<language>.eml` files) and
`deliver` (`briefing mail ID --send`), with `read_subscribers` for the list.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from ...diagnostics import BuildError
from ...i18n import LOCALES_DIR, Localizer
from ...model import Publication
from ...workspace import Workspace, write_whole
from ..formats import MAIL_MESSAGE
from ..template_errors import located_template_errors
from .message import edition
from .sending import Delivery, send
from .subscribers import Subscriber, read_subscribers

__all__ = ["Delivery", "deliver", "read_subscribers", "write_messages"]


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
    publication: Publication, briefing_id: str, languages: tuple[str, ...], project: Path, pdfs: dict[str, bytes] | None = None
) -> dict[str, EmailMessage]:
    """The briefing's message in each language, with its PDF when `pdfs` has one."""
    settings = publication.config.mail
    if settings is None:
        raise BuildError(
            "mkdocs.yml: extra.briefing.mail: missing: the e-mail edition needs at least a sender (mail: {sender: Desk <desk@example.org>})"
        )
    briefing = next((b for b in publication.briefings if b.id == briefing_id), None)
    if briefing is None:
        raise BuildError(f"no briefing {briefing_id!r} (briefings/<date>-<slug>.yaml; `briefing check` lists them)")
    templates, pdfs = project / "templates" / "mail", pdfs or {}
    with located_template_errors(project):
        return {
            language: edition(
                publication,
                briefing,
                settings,
                Localizer(publication.config, language, project / LOCALES_DIR),
                templates,
                pdfs.get(language),
            )
            for language in languages
        }
