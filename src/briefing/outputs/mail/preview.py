"""The e-mail edition as `briefing serve` shows it, at addresses under /_mail/ that no page links to.

`/_mail/` lists the briefings; `/_mail/<id>/<language>/` shows that edition as a subscriber
gets it: its headers, the HTML part at 600 px and at 390 px (sandboxed frames: no script, no
mixing with this page's styles) and the text part. Pages are made on request from the
preview's current publication, so they follow each edit as the site's pages do.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from markupsafe import Markup

from ...diagnostics import BuildError
from ...model import Publication
from . import editions

PREVIEW_ROOT = "/_mail/"
SHOWN_HEADERS = ("Subject", "From", "Reply-To", "Date", "List-Id", "List-Unsubscribe", "Content-Language")
WIDTHS = (600, 390)  # a desktop client's column, a phone's screen
FRAME = Markup(
    '<figure><figcaption>{0} px</figcaption><iframe sandbox title="HTML part at {0} px" width="{0}" srcdoc="{1}"></iframe></figure>'
)


def preview_page(publication: Publication, path: str, project: Path) -> str | None:
    """The page at `path` (under PREVIEW_ROOT), or None when there is none (a 404)."""
    parts = [part for part in path.removeprefix(PREVIEW_ROOT).split("/") if part and part != "index.html"]
    if not parts:
        return _index(publication)
    if len(parts) != 2 or parts[1] not in publication.config.language_codes:
        return None
    key, language = parts
    if not any(briefing.id == key for briefing in publication.briefings):
        return None
    try:
        message = editions(publication, key, (language,), project)[language]
    except BuildError as exc:
        return _page(f"E-mail edition of {key}", Markup("<p>{}</p>").format(exc))
    return _page(f"E-mail: {message['Subject']}", _edition(message))


def _index(publication: Publication) -> str:
    codes = publication.config.language_codes
    rows = Markup("").join(
        Markup("<li>{} {} — {}</li>").format(
            briefing.date.isoformat(),
            briefing.title.in_language(codes[0], codes)[0],
            Markup(" · ").join(Markup('<a href="{}/{}/">{}</a>').format(briefing.id, code, code) for code in codes),
        )
        for briefing in publication.briefings
    )
    return _page("E-mail editions (preview only)", Markup("<ul>{}</ul>").format(rows))


def _edition(message: EmailMessage) -> Markup:
    headers = Markup("").join(
        Markup("<tr><th>{}</th><td>{}</td></tr>").format(name, message[name]) for name in SHOWN_HEADERS if message[name]
    )
    html = message.get_body(("html",)).get_content()
    frames = Markup("").join(FRAME.format(width, html) for width in WIDTHS)
    text = message.get_body(("plain",)).get_content()
    return Markup('<table class="headers">{}</table><h2>HTML part</h2><div class="frames">{}</div><h2>Text part</h2><pre>{}</pre>').format(
        headers, frames, text
    )


STYLE = """
body { font: 15px/1.5 system-ui, "Noto Sans CJK KR", sans-serif; margin: 1.5em; color: #222; }
.headers th { text-align: left; padding-right: 1em; vertical-align: top; white-space: nowrap; }
.frames { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
figure { margin: 0; } iframe { height: 80vh; border: 1px solid #bbb; }
pre { white-space: pre; background: #f6f6f6; padding: 1em; max-width: 100%; overflow: auto; }
"""


def _page(title: str, body: Markup) -> str:
    return Markup(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{}</style></head>'
        '<body><p><a href="{}">All e-mail editions</a></p><h1>{}</h1>{}</body></html>'
    ).format(title, Markup(STYLE), PREVIEW_ROOT, title, body)
