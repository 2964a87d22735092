"""Social cards: the image a link preview shows, one per briefing and language and one per language's home page.

Entry point: `write_cards`. Cards are cached by a hash of what they show (and the fonts,
Pillow and the drawing code) in the project's card cache, drawn only when missing, and
hard-linked into the site, as PDFs are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import PIL

from ...diagnostics import BuildError
from ...i18n import Localizer
from ...model import Publication
from ...parallel import run_all
from ...progress import Reporter
from ...publish import link_or_copy
from ...workspace import Workspace, write_whole
from ..fonts import FontError, check_coverage, installed_font
from ..formats import CARD
from . import draw as drawing
from .draw import FAMILY, Card

HOME = "home"  # the home page's card key; a briefing's is its id, which starts with a date


def write_cards(
    publication: Publication, site: Path, workspace: Workspace, locales: Path, colours: tuple[str, str], reporter: Reporter
) -> None:
    """Every card into `site`, drawn where the cache lacks it."""
    cards = _cards(publication, locales, colours)
    cache = workspace.card_cache
    cache.mkdir(parents=True, exist_ok=True)
    setup = _setup()
    entries = {path: cache / f"{hashlib.sha256(f'{setup}{card!r}'.encode()).hexdigest()}.png" for path, card in cards.items()}
    missing = {path: (cards[path], entry) for path, entry in entries.items() if not entry.exists()}
    try:
        for path, (card, _) in missing.items():
            check_coverage(path, "\n".join((card.title, card.footer, card.site_name)), [(FAMILY,)])
    except FontError as exc:
        raise BuildError(str(exc)) from None
    with reporter.stage("cards", total=len(missing)) as stage:
        run_all(_draw_into, list(missing.values()), stage.advance)
    for path, entry in entries.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(entry, site / path)
    for stale in set(cache.glob("*.png")) - set(entries.values()):
        stale.unlink()
    reporter.say(f"Drew {len(missing)} social card{'s' * (len(missing) != 1)}, {len(cards) - len(missing)} unchanged")


def card_key(page_key: str) -> str | None:
    """The card of a page (by its URL path under the language root): the home page's, a briefing's, or none."""
    if page_key == "":
        return HOME
    if page_key.startswith("briefings/"):
        return page_key.split("/")[1]
    return None


def _cards(publication: Publication, locales: Path, colours: tuple[str, str]) -> dict[str, Card]:
    config = publication.config
    cards = {}
    for language in config.language_codes:
        localizer = Localizer(config, language, locales)
        site_name = localizer.text(config.site_name)
        home = CARD.path_for(language=language, key=HOME)
        cards[home] = Card(localizer.text(config.description), urlsplit(config.site_url).netloc, site_name, *colours)
        for briefing in publication.briefings:
            topics = [localizer.text(config.topics[slug].name) for slug in briefing.topics]
            footer = " · ".join([localizer.long_date(briefing.date), *topics])
            cards[CARD.path_for(language=language, key=briefing.id)] = Card(localizer.text(briefing.title), footer, site_name, *colours)
    return cards


def _draw_into(task: tuple[Card, Path]) -> None:
    card, entry = task
    write_whole(entry, drawing.draw(card))


def _setup() -> str:
    """What every card's pixels depend on besides its text: the drawing code, Pillow and the font files."""
    digest = hashlib.sha256(Path(drawing.__file__).read_bytes() + PIL.__version__.encode())
    for style in ("", "bold"):
        font = installed_font(FAMILY, style)
        stat = font.file.stat()
        digest.update(f"{font.file}:{font.index}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()
