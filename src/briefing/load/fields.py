"""Typed reading of one YAML mapping, field by field, recording every problem with its place."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date, datetime

from babel import Locale, UnknownLocaleError

from ..diagnostics import Location, Problems
from ..model import Localized
from .nodes import Mapping, Node, Scalar, Sequence
from .suggestions import did_you_mean

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A tag as a browser would read it: shown as text on every page, so the editor is told.
# Characters no text field may hold (XML, feeds and PDFs refuse them); YAML lets "\x1f" escapes through.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?\s*>|<!--")
WEB_ADDRESS = re.compile(r"^https?://[^\s\x00-\x1f\x7f/?#\"'<>`\\]+[^\s\x00-\x1f\x7f\"'<>`\\]*$", re.IGNORECASE)
SHORT_TEXT = 500  # titles, names: longer is a pasting accident, and would swamp every list it appears in
LONG_TEXT = 10_000  # summaries, key points, notes
YEARS = range(1800, 2200)  # outside: a typo, and dates beyond year 1..9999 once shifted to UTC
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def language_name(code: str) -> str:
    """English name of a language code, for messages ("Korean")."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def is_language_code(code: str) -> bool:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return "_" not in code and "-" not in code


def _unknown_field(key: str, value: Node | None, allowed: list[str]) -> str:
    """`{en: ..., ko: 한미, 정상회담}`: a comma ends a text in braces, and what follows reads as a key with no value."""
    if " " in key.strip() and isinstance(value, Scalar) and value.kind == "null" and not value.text:
        return "a comma inside {…} cut the text before it here: put the whole text in quotes"
    return "unknown field" + did_you_mean(key, allowed, "valid fields")


class Fields:
    """One mapping's fields. Each getter returns the value or None, and records what is wrong."""

    def __init__(self, node: Node, path: str, prefix: str, problems: Problems, allowed: Iterable[str]):
        self.problems = problems
        self.path = path
        self.prefix = prefix
        if isinstance(node, Mapping):
            self.node = node
        else:
            self.wrong_type(node, prefix or "document", "a mapping of fields (key: value)")
            self.node = Mapping({}, {}, node.location)
        allowed = list(allowed)
        for key, where in self.node.key_locations.items():
            if key not in allowed:
                problems.error(where, self.name(key), _unknown_field(key, self.node.values.get(key), allowed))

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def location(self, key: str | None = None) -> Location:
        if key and key in self.node.key_locations:
            return self.node.key_locations[key]
        return self.node.location

    def value_location(self, key: str) -> Location:
        node = self.node.values.get(key)
        return node.location if node is not None else self.location(key)

    def wrong_type(self, node: Node, field: str, expected: str) -> None:
        got = node.kind if isinstance(node, Scalar) else ("a list" if isinstance(node, Sequence) else "a mapping")
        shown = f" {node.text!r}" if isinstance(node, Scalar) else ""
        hint = " (quote it to make it text)" if isinstance(node, Scalar) and expected == "text" else ""
        self.problems.error(node.location, field, f"expected {expected}, got {got}{shown}{hint}")

    def _get(self, key: str, required: bool) -> Node | None:
        node = self.node.values.get(key)
        if isinstance(node, Scalar) and node.kind == "null":
            node = None
        if node is None and required:
            where = self.location(key)
            if key in self.node.key_locations:
                self.problems.error(where, self.name(key), "required field is empty")
            else:
                self.problems.error(where, self.name(key), "missing required field")
        return node

    def text_of(self, node: Node, field: str) -> str | None:
        if isinstance(node, Scalar) and node.kind == "text":
            return node.text
        self.wrong_type(node, field, "text")
        return None

    def text(self, key: str, required: bool = False, limit: int = SHORT_TEXT) -> str | None:
        node = self._get(key, required)
        if node is None:
            return None
        value = self.text_of(node, self.name(key))
        if value is None or not value.strip():
            if value is not None and required:
                self.problems.error(node.location, self.name(key), "required field is empty")
            return None
        value = value.strip()
        if len(value) > limit:
            self.problems.error(node.location, self.name(key), f"text is too long ({len(value):,} characters; at most {limit:,})")
            return None
        if control := CONTROL.search(value):
            self.problems.error(node.location, self.name(key), f"control character U+{ord(control.group()):04X} in the text; remove it")
            return None
        if tag := HTML_TAG.search(value):
            self.problems.warning(node.location, self.name(key), f"looks like HTML ({tag.group()[:40]}); it is shown as plain text")
        return value

    def web_address(self, key: str, required: bool = False) -> str | None:
        """An absolute http(s) URL: anything else (javascript:, file:, a bare path) can't be linked safely."""
        return self._matching(
            key, required, WEB_ADDRESS, lambda value: f"expected a web address like https://news.example/story, got {value[:80]!r}"
        )

    def slug(self, key: str, required: bool = False) -> str | None:
        return self._matching(
            key, required, SLUG, lambda value: f"{value!r} is not a valid id (lowercase letters, digits and single hyphens)"
        )

    def _matching(self, key: str, required: bool, pattern: re.Pattern, complaint) -> str | None:
        value = self.text(key, required)
        if value is not None and not pattern.match(value):
            self.problems.error(self.value_location(key), self.name(key), complaint(value))
            return None
        return value

    def _items(self, key: str, required: bool = False) -> list[tuple[str, Node]]:
        """(field name, node) for each item of a list field; [] with a problem when it isn't a list."""
        node = self._get(key, required)
        if node is None:
            return []
        if not isinstance(node, Sequence):
            self.wrong_type(node, self.name(key), "a list")
            return []
        return [(f"{self.name(key)}[{index}]", item) for index, item in enumerate(node.items)]

    def text_list(self, key: str, required: bool = False) -> list[tuple[str, Location]]:
        """A list of texts (ids, topics), each with its own place so cross-file checks can point at it."""
        texts = [(self.text_of(item, field), item.location) for field, item in self._items(key, required)]
        return [(text, where) for text, where in texts if text is not None]

    def date(self, key: str, required: bool = False) -> date | None:
        node = self._get(key, required)
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.wrong_type(node, self.name(key), "a date like 2025-10-30")
            return None
        try:
            if not DATE.match(node.text):
                raise ValueError("expected YYYY-MM-DD")
            value = date.fromisoformat(node.text)
        except ValueError as exc:
            self.problems.error(node.location, self.name(key), f"invalid date {node.text!r} ({exc})")
            return None
        return value if self._plausible_year(node, key, value.year) else None

    def _plausible_year(self, node: Node, key: str, year: int) -> bool:
        if year not in YEARS:
            self.problems.error(node.location, self.name(key), f"year {year} is out of range ({YEARS.start}–{YEARS.stop - 1})")
        return year in YEARS

    def datetime_with_zone(self, key: str, required: bool = False) -> datetime | None:
        node = self._get(key, required)
        if node is None:
            return None
        example = "2025-10-30T11:50:28+09:00"
        if not isinstance(node, Scalar):
            self.wrong_type(node, self.name(key), f"a date-time like {example}")
            return None
        try:
            if not DATETIME.match(node.text):
                raise ValueError(f"expected e.g. {example}")
            value = datetime.fromisoformat(node.text)
        except ValueError as exc:
            self.problems.error(node.location, self.name(key), f"invalid date-time {node.text!r} ({exc})")
            return None
        if value.tzinfo is None:
            self.problems.error(node.location, self.name(key), f"date-time {node.text!r} has no time zone (e.g. {example})")
            return None
        return value if self._plausible_year(node, key, value.year) else None

    def language(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None and not is_language_code(value):
            self.problems.error(self.value_location(key), self.name(key), f"unknown language code {value!r} (use e.g. en or ko)")
            return None
        return value

    def localized(
        self, key: str, languages: tuple[str, ...], required: bool = False, limit: int = SHORT_TEXT, needed: Collection[str] = ()
    ) -> Localized | None:
        node = self._get(key, required)
        if node is None:
            return None
        return self.localized_of(node, self.name(key), languages, limit, needed)

    def localized_of(
        self, node: Node, field: str, languages: tuple[str, ...], limit: int = SHORT_TEXT, needed: Collection[str] = ()
    ) -> Localized | None:
        """`{en: ..., ko: ...}`: no text in any language is an error ("not written yet"); a language missing
        is a warning (readers see another, marked), an error for the `needed` ones."""
        before = len(self.problems.errors)
        inner = Fields(node, self.path, field, self.problems, languages)
        texts, missing = {}, []
        for language in languages:
            given = inner.node.values.get(language)
            value = inner.text(language, limit=limit)
            if value:
                texts[language] = value
            elif given is None or (isinstance(given, Scalar) and given.kind in ("null", "text") and not given.text.strip()):
                missing.append(language)
        if not texts:
            if len(self.problems.errors) == before:
                self.problems.error(node.location, field, "not written yet")
            return None
        for language in missing:
            report = self.problems.error if language in needed else self.problems.warning
            why = " (required to publish: write it, or keep the briefing a draft with status: draft)" if language in needed else ""
            report(inner.location(language), inner.name(language), f"missing {language_name(language)} translation{why}")
        return Localized(texts)

    def localized_list(
        self, key: str, languages: tuple[str, ...], limit: int = SHORT_TEXT, needed: Collection[str] = (), required: bool = False
    ) -> list[Localized]:
        values = [self.localized_of(item, field, languages, limit, needed) for field, item in self._items(key, required)]
        return [value for value in values if value is not None]

    def fields(self, key: str, allowed: Iterable[str]) -> Fields | None:
        node = self._get(key, False)
        if node is None:
            return None
        return Fields(node, self.path, self.name(key), self.problems, allowed)

    def mapping_list(self, key: str, allowed: Iterable[str]) -> list[Fields]:
        """A list of mappings (e.g. feed sources), each read field by field."""
        return [Fields(item, self.path, field, self.problems, allowed) for field, item in self._items(key)]

    def integer(self, key: str, default: int) -> int:
        node = self._get(key, False)
        if node is None:
            return default
        if isinstance(node, Scalar) and node.kind == "number" and node.text.isdigit():
            return int(node.text)
        self.wrong_type(node, self.name(key), "a whole number")
        return default
