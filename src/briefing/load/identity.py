"""The desk's identity: short name and footer under `extra.briefing`, logo, colours and copyright in Material's own keys."""

from __future__ import annotations

import re
from email.utils import parseaddr
from pathlib import Path, PurePosixPath

from ..model import Identity, Link, Localized, Logo
from .fields import LONG_TEXT, WEB_ADDRESS, Fields
from .files import read_bytes
from .nodes import Mapping, Scalar

FOOTER_FIELDS = ("about", "contact", "disclaimer", "links")
LOGO_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 200_000  # a header logo; a larger file is a photo by mistake
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Material's palette (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/)
MATERIAL_COLOURS = (
    "red pink purple deep-purple indigo blue light-blue cyan teal green light-green lime yellow amber orange deep-orange "
    "brown grey blue-grey black white".split()
)


def read_identity(top: Fields, settings: Fields, codes: tuple[str, ...], root: Path) -> Identity:
    """Every piece is optional; what is given is checked like any other setting."""
    theme = _theme(top)
    footer = settings.fields("footer", FOOTER_FIELDS)
    primary, accent = (_colour(theme, key) for key in ("primary", "accent")) if theme else (None, None)
    return Identity(
        short_name=settings.localized("short_name", codes),
        logo=_logo(theme, root) if theme else None,
        primary=primary,
        accent=accent,
        about=footer.localized("about", codes, limit=LONG_TEXT) if footer else None,
        contact=_contact(footer) if footer else None,
        copyright=_text_or_localized(top, "copyright", codes),
        disclaimer=footer.localized("disclaimer", codes, limit=LONG_TEXT) if footer else None,
        links=_links(footer, codes) if footer else (),
    )


def _theme(top: Fields) -> Fields | None:
    theme = top.node.values.get("theme")
    return Fields(theme, top.path, "theme", top.problems, theme.key_locations) if isinstance(theme, Mapping) else None


def _colour(theme: Fields, key: str) -> str | None:
    """`theme.palette.<key>`: one of Material's colour names, or the desk's own "#rrggbb"."""
    palette = theme.node.values.get("palette")
    if not isinstance(palette, Mapping):
        return None  # absent, or Material's list of light and dark schemes: Material reads it
    fields = Fields(palette, theme.path, "theme.palette", theme.problems, palette.key_locations)
    value = fields.text(key)
    if value and not (HEX_COLOUR.match(value) or value.lower().replace(" ", "-") in MATERIAL_COLOURS + ["custom"]):
        fields.problems.error(
            fields.value_location(key),
            fields.name(key),
            f'expected a colour like "#12355b" or a Material colour name (teal), got {value!r}',
        )
        return None
    return value


def _logo(theme: Fields, root: Path) -> Logo | None:
    """`theme.logo`: an image file in the project (an SVG, PNG, WebP or JPEG), published beside the pages."""
    value = theme.text("logo")
    if value is None:
        return None
    where, field = theme.value_location("logo"), theme.name("logo")
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "://" in value:
        theme.problems.error(where, field, f"a path inside the project, like assets/logo.svg, got {value!r}")
        return None
    if path.suffix.lower() not in LOGO_TYPES:
        theme.problems.error(where, field, f"expected an image file ({', '.join(LOGO_TYPES)}), got {value!r}")
        return None
    if not (root / path).exists():
        theme.problems.error(where, field, f"no file {value!r} in the project")
        return None
    data = read_bytes(root, root / path, value, theme.problems)
    if data is not None and len(data) > MAX_LOGO_BYTES:
        theme.problems.error(where, field, f"the logo is too large ({len(data):,} bytes; at most {MAX_LOGO_BYTES:,})")
        return None
    return Logo(path.suffix.lower(), data) if data is not None else None


def _contact(footer: Fields) -> str | None:
    value = footer.text("contact")
    if value and not (WEB_ADDRESS.match(value) or "@" in parseaddr(value)[1] and " " not in value):
        footer.problems.error(
            footer.value_location("contact"), footer.name("contact"), f"expected an e-mail or web address (desk@example.org), got {value!r}"
        )
        return None
    return value


def _links(footer: Fields, codes: tuple[str, ...]) -> tuple[Link, ...]:
    links = []
    for link in footer.mapping_list("links", ("name", "url")):
        name, url = link.localized("name", codes, required=True), link.web_address("url", required=True)
        if name and url:
            links.append(Link(name, url))
    return tuple(links)


def _text_or_localized(top: Fields, key: str, codes: tuple[str, ...]):
    """Material's own text keys (copyright) as one text for every language, or a text per language."""
    node = top.node.values.get(key)
    if isinstance(node, Scalar) and node.kind == "text":
        text = top.text(key)
        return Localized(dict.fromkeys(codes, text)) if text else None
    return top.localized(key, codes)
