"""Text measured as a terminal or a mail client in a monospace font shows it: a Hangul syllable is two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def wrap_columns(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """Lines of at most `width` columns, broken at spaces (between characters for a word too wide).

    `first` starts the first line (a bullet, a number) and is at most one column wider than `indent`, which starts the others.
    """
    lines, line, empty = [], first if first is not None else indent, True
    room = width - display_width(indent) - 1
    for word in text.split():
        for piece in _pieces(word, room):
            candidate = line + piece if empty else f"{line} {piece}"
            if empty or display_width(candidate) <= width:
                line, empty = candidate, False
            else:
                lines.append(line)
                line = indent + piece
    return [*lines, line]


def _pieces(word: str, room: int) -> list[str]:
    """A word, or the parts of one wider than `room` columns."""
    pieces = []
    while display_width(word) > room:
        fit = max(1, max((i for i in range(1, len(word) + 1) if display_width(word[:i]) <= room), default=1))
        pieces.append(word[:fit])
        word = word[fit:]
    return [*pieces, word] if word else pieces


def cut_at_word(text: str, width: int) -> str:
    """`text` on one line, cut at a word boundary to `width` display columns, with an ellipsis when cut."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for word in text.split(" "):
        needed = display_width(word) + (1 if kept else 0)
        if used + needed > width - 1:
            break
        kept.append(word)
        used += needed
    if not kept:  # one word wider than the whole: cut between characters (a Hangul syllable stays whole)
        first = text.split(" ")[0]
        while display_width(first) > width - 1:
            first = first[:-1]
        kept = [first]
    return " ".join(kept).rstrip(",;:·—-") + "…"
