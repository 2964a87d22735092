"""Glyph coverage: every character a PDF or a card image shows must be in the fonts it is set in.

Without this, Pango quietly borrows a glyph from whatever font fontconfig finds, and
Pillow prints a box (tofu). The PDFs' check reads the `font-family` stacks the print
stylesheet declares; cards name their families. fontconfig says which file a family
is, and fontTools reads that file's character map. Every stack must cover all the text:
the stacks end with a Noto CJK family, which covers Hangul, Hanja and Latin alike.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji", "fangsong"}


class FontError(Exception):
    """A font is missing, or text has characters no font in its stack can show."""


@dataclass(frozen=True)
class Font:
    family: str
    file: Path
    index: int  # face in a collection (.ttc)

    def __str__(self) -> str:
        return f"{self.family} ({self.file})"


def font_stacks(css: str) -> list[tuple[str, ...]]:
    """Every `font-family` list in a stylesheet, nested @page rules included, generics left out."""
    import tinycss2

    stacks = []

    def visit(nodes):
        for node in nodes:
            if node.type == "declaration" and node.lower_name == "font-family":
                stack = _families(node.value)
                if stack and stack not in stacks:
                    stacks.append(stack)
            elif node.type in ("qualified-rule", "at-rule") and node.content is not None:
                visit(tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True))

    visit(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return stacks


def _families(tokens) -> tuple[str, ...]:
    names, current = [], []
    for token in [*tokens, None]:
        if token is None or (token.type == "literal" and token.value == ","):
            name = " ".join(current)
            if name and name.lower() not in GENERIC_FAMILIES:
                names.append(name)
            current = []
        elif token.type == "string":
            current.append(token.value)
        elif token.type == "ident":
            current.append(token.value)
    return tuple(names)


@cache
def installed_font(family: str, style: str = "") -> Font:
    """The face fontconfig picks for `family` (regular, or e.g. `style="bold"`); refuse its silent substitute for a missing one."""
    try:
        pattern = f"{family}:{style}" if style else family
        found = subprocess.run(
            ["fc-match", "--format=%{family}\n%{file}\n%{index}", pattern], capture_output=True, text=True, check=True, timeout=30
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError) as exc:
        raise FontError(f"cannot ask fontconfig for font {family!r} ({exc}); `make site` installs fontconfig") from None
    if len(found) < 3 or family.lower() not in (name.strip().lower() for name in found[0].split(",")):
        raise FontError(
            f"font {family!r} named in the PDF stylesheet is not installed (fontconfig offers "
            f"{found[0] or 'nothing'} instead); `make site` installs the fonts the templates use"
        )
    return Font(family, Path(found[1]), int(found[2] or 0))


@cache
def _characters(font: Font) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font.file, fontNumber=font.index, lazy=True) as face:
        return frozenset(face.getBestCmap())


@cache
def _covered(stack: tuple[str, ...]) -> frozenset[int]:
    """Every character some font of the stack has: made once, not for each PDF checked."""
    return frozenset().union(*(_characters(installed_font(family)) for family in stack))


def document_text(html: str) -> str:
    """What a reader can see in an HTML document: text and alt text, not markup or scripts."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.extend(value for name, value in attrs if name in ("alt", "title") and value)

    def handle_data(self, data):
        self.parts.append(" ".join(data.split()))


def check_coverage(name: str, text: str, stacks: list[tuple[str, ...]]) -> None:
    """Raise FontError naming the characters of `text` that a font stack cannot show, the fonts, and where."""
    needed = {ord(c) for c in set(text) if _visible(c)}
    missing, lacking = set(), []
    for stack in stacks:
        uncovered = needed - _covered(stack)
        missing |= uncovered
        if uncovered:
            lacking += [font for font in map(installed_font, stack) if font not in lacking]
    if missing:
        codes = sorted(missing)
        listed = ", ".join(_describe(code) for code in codes[:10]) + (", …" if len(codes) > 10 else "")
        raise FontError(
            f"{name}: {len(codes)} character(s) have no glyph in font {', '.join(map(str, lacking))}: {listed}; "
            f"first seen in “{_context(text, chr(codes[0]))}” (replace or remove them in the source text)"
        )


def _visible(character: str) -> bool:
    """Characters that need a glyph: not spaces, controls, format marks or variation selectors."""
    if character.isspace() or unicodedata.category(character) in ("Cc", "Cf"):
        return False
    code = ord(character)
    return not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def _describe(code: int) -> str:
    return f"'{chr(code)}' (U+{code:04X} {unicodedata.name(chr(code), 'unnamed')})"


def _context(text: str, character: str) -> str:
    """The text around the first occurrence, within its own element."""
    line = next(line for line in text.splitlines() if character in line)
    at = line.index(character)
    return " ".join(line[max(0, at - 40) : at + 40].split())
