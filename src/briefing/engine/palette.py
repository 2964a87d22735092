"""The desk's colours as Material's palette: one of Material's named colours, the desk's own, or a neutral ink.

Material's stock indigo is never the default: without `theme.palette` the header is a dark slate,
links are the same ink (underlined), and hover and focus a quiet blue.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Identity

NEUTRAL_PRIMARY = "#22303c"  # slate ink
NEUTRAL_ACCENT = "#1f5fa8"
INK = "#1b1f24"  # text on a light colour, and links when the desk's colour is too light to read on white
READABLE = 4.5  # WCAG AA contrast for body text


def palette(identity: Identity, given) -> object:
    """`theme.palette` for Material: the desk's own colours (and the neutral ones) become Material's `custom`."""
    if isinstance(given, list):
        return given  # light and dark schemes with a toggle: Material's own, as written
    derived = dict(given or {})
    for key, value in (("primary", identity.primary), ("accent", identity.accent)):
        if _custom(value):
            derived[key] = "custom"
    return {"scheme": "default", **derived}


def custom_colours(identity: Identity) -> str:
    """CSS variables for `custom` colours (the theme prints them in <head>); "" when Material's names are used."""
    rules = []
    if _custom(identity.primary):
        primary = identity.primary or NEUTRAL_PRIMARY
        link = primary if contrast(primary, "#ffffff") >= READABLE else INK
        on = text_on(primary)
        rules.append(
            f"[data-md-color-primary=custom]{{--md-primary-fg-color:{primary};--md-primary-fg-color--light:{primary}b3;"
            f"--md-primary-fg-color--dark:{primary};--md-primary-bg-color:{on};--md-primary-bg-color--light:{on}b3}}"
            f"[data-md-color-scheme=default][data-md-color-primary=custom]{{--md-typeset-a-color:{link}}}"
        )
    if _custom(identity.accent):
        accent = identity.accent or NEUTRAL_ACCENT
        rules.append(f"[data-md-color-accent=custom]{{--md-accent-fg-color:{accent};--md-accent-fg-color--transparent:{accent}1a}}")
    return "".join(rules)


def theme_colours(identity: Identity) -> tuple[str, str]:
    """The header's colour and the text colour on it (social cards are drawn in them)."""
    if _custom(identity.primary):
        primary = identity.primary or NEUTRAL_PRIMARY
        return primary, text_on(primary)
    from material import templates

    name = identity.primary.replace(" ", "-").lower()
    css = "".join(p.read_text(encoding="utf-8") for p in Path(templates.__file__).parent.glob("assets/stylesheets/palette.*.min.css"))
    colours = []
    for prop, default in (("--md-primary-fg-color", NEUTRAL_PRIMARY), ("--md-primary-bg-color", "#fff")):
        found = re.search(rf"\[data-md-color-primary={re.escape(name)}\][^{{]*{{[^}}]*{prop}:(#[0-9a-fA-F]{{3,8}})", css)
        colours.append(found.group(1) if found else default)
    return colours[0], colours[1]


def _custom(value: str | None) -> bool:
    """No colour given (the neutral one), or the desk's own "#rrggbb"."""
    return value is None or value.startswith("#")


def text_on(colour: str) -> str:
    """White or ink, whichever reads better on `colour`."""
    return "#ffffff" if contrast(colour, "#ffffff") >= contrast(colour, INK) else INK


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
