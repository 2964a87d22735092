"""The e-mail edition: each briefing as a standard message per language.

Entry point: `write_messages` (`briefing mail ID`), which writes `<id>.<language>.eml` files.
"""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import BuildError
from ...i18n import LOCALES_DIR, Localizer
from ...model import Publication
from ...workspace import write_whole
from ..formats import MAIL_MESSAGE
from ..template_errors import located_template_errors
from .message import edition


def write_messages(publication: Publication, briefing_id: str, languages: tuple[str, ...], target: Path, project: Path) -> list[Path]:
    """One message file per language in `target`, each written whole."""
    settings = publication.config.mail
    if settings is None:
        raise BuildError(
            "mkdocs.yml: extra.briefing.mail: missing: the e-mail edition needs at least a sender (mail: {sender: Desk <desk@example.org>})"
        )
    briefing = next((b for b in publication.briefings if b.id == briefing_id), None)
    if briefing is None:
        raise BuildError(f"no briefing {briefing_id!r} (briefings/<date>-<slug>.yaml; `briefing check` lists them)")
    written = []
    target.mkdir(parents=True, exist_ok=True)
    for language in languages:
        with located_template_errors(project):
            message = edition(
                publication,
                briefing,
                settings,
                Localizer(publication.config, language, project / LOCALES_DIR),
                project / "templates" / "mail",
            )
        path = target / MAIL_MESSAGE.path_for(key=briefing.id, language=language)
        write_whole(path, message.as_bytes())
        written.append(path)
    return written
