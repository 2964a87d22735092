"""What an article body asks for that the site will not do: raw HTML and links that aren't web links.

The page renderer neutralizes both whatever this finds (outputs/article_html.py); this only
tells the editor where, so that nothing is silently dropped.
"""

from __future__ import annotations

import html
import re

from ..diagnostics import Location, Problems, line_and_column
from .fields import HTML_TAG

# Inline links and images `](dest`, and reference definitions `[label]: dest`.
LINK_DESTINATION = re.compile(r"\]\(\s*<?(?P<inline>[^)\s>]*)|^ {0,3}\[[^\]]+\]:\s*<?(?P<reference>[^\s>]+)", re.MULTILINE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
LINKABLE = ("http", "https", "mailto")


def check_body(body: str, shown: str, first_line: int, problems: Problems) -> None:
    """Warn about the first raw HTML tag and every link whose scheme is not a web or mail link."""
    if tag := HTML_TAG.search(body):
        problems.warning(
            _place(body, tag.start(), shown, first_line), "body", f"raw HTML ({tag.group()[:40]}) is shown as text, not rendered"
        )
    for match in LINK_DESTINATION.finditer(body):
        destination = match.group("inline") if match.group("inline") is not None else match.group("reference")
        scheme = SCHEME.match("".join(html.unescape(destination).split()))
        if scheme and scheme.group(1).lower() not in LINKABLE:
            start = match.start("inline") if match.group("inline") is not None else match.start("reference")
            problems.warning(
                _place(body, start, shown, first_line), "body", f"link to a {scheme.group(1).lower()}: address is shown as text, not linked"
            )


def _place(body: str, offset: int, shown: str, first_line: int) -> Location:
    line, column = line_and_column(body, offset)
    return Location(shown, first_line + line - 1, column)
