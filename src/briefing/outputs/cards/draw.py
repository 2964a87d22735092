"""One social card: a 1200×630 PNG of a page's title, date, topics and the desk's name, in the desk's colour.

Pillow lays the text out (with Raqm where installed) in Noto Sans CJK, which has Hangul,
Hanja and Latin alike. Lines break at spaces, or between characters for a word wider
than a line (never inside a Hangul syllable: each is one character); a title too long
for its lines ends with an ellipsis. `draw` is a pure function of its Card.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from ..fonts import installed_font

SIZE = (1200, 630)
MARGIN = 72
FAMILY = "Noto Sans CJK KR"
TITLE_SIZES = (64, 56, 48)  # the largest that fits in TITLE_LINES
TITLE_LINES = 4
ELLIPSIS = "…"


@dataclass(frozen=True)
class Card:
    title: str
    footer: str  # the date and the topics
    site_name: str
    background: str  # "#rrggbb"
    foreground: str


def draw(card: Card) -> bytes:
    image = Image.new("RGB", SIZE, card.background)
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    pen.text((MARGIN, MARGIN), card.site_name, font=_font(32, "bold"), fill=card.foreground)
    pen.line((MARGIN, MARGIN + 56, MARGIN + 96, MARGIN + 56), fill=card.foreground, width=4)
    for size in TITLE_SIZES:
        font = _font(size, "bold")
        lines = wrap(card.title, font, width)
        if len(lines) <= TITLE_LINES:
            break
    lines = shortened(lines, font, width, TITLE_LINES)
    top = MARGIN + 100
    for line in lines:
        pen.text((MARGIN, top), line, font=font, fill=card.foreground)
        top += round(font.size * 1.3)
    footer_font = _font(28)
    footer = shortened(wrap(card.footer, footer_font, width), footer_font, width, 1)[0]
    pen.text((MARGIN, SIZE[1] - MARGIN - 28), footer, font=footer_font, fill=card.foreground)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of `text` no wider than `width`, broken at spaces, or between characters within a word too wide."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:
            cut = max(1, next(i for i in range(len(line), 0, -1) if font.getlength(line[:i]) <= width))
            lines.append(line[:cut])
            line = line[cut:]
    return lines + ([line] if line else [])


def shortened(lines: list[str], font: ImageFont.FreeTypeFont, width: int, count: int) -> list[str]:
    """The first `count` lines; when some are left out, the last shown ends with an ellipsis at a word."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return [*lines[: count - 1], last.rstrip(" ,;:·—-") + ELLIPSIS]


@cache
def _font(size: int, style: str = "") -> ImageFont.FreeTypeFont:
    face = installed_font(FAMILY, style)
    return ImageFont.truetype(str(face.file), size, index=face.index)
