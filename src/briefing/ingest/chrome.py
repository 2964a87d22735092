"""Site chrome as data: the patterns in chrome.yml, compiled once, and the date-times they capture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from .sanitize import block_text

RULES_FILE = Path(__file__).with_name("chrome.yml")
KINDS = ("masthead", "section", "byline", "credit", "dateline", "published_key", "end", "drop", "notice")


@dataclass(frozen=True)
class Rules:
    patterns: dict[str, tuple[re.Pattern, ...]]
    when_formats: tuple[str, ...]

    def match(self, kind: str, line: str) -> re.Match | None:
        for pattern in self.patterns[kind]:
            found = pattern.match(line.strip())
            if found:
                return found
        return None

    def is_chrome(self, line: str) -> bool:
        return bool(self.match("drop", line) or self.match("end", line))

    def strip(self, blocks: list[str]) -> list[str]:
        """Markdown blocks without chrome lines; the first `end` line after some text closes the article."""
        kept = []
        for block in blocks:
            lines = []
            for line in block.split("\n"):
                text = block_text(line)
                if (kept or lines) and self.match("end", text):
                    return kept + (["\n".join(lines)] if lines else [])
                if text and not self.is_chrome(text):
                    lines.append(line)
            if lines:
                kept.append("\n".join(lines))
        return kept

    def parse_when(self, text: str | None, timezone: str) -> tuple[datetime | None, bool]:
        """(date-time, whether the zone was assumed): a zone-less time is read in `timezone`."""
        if not text:
            return None, False
        cleaned = " ".join(text.replace("|", " ").replace("오전", "AM").replace("오후", "PM").split()).rstrip(".,")
        for form in self.when_formats:
            try:
                value = datetime.strptime(cleaned, form)
            except ValueError:
                continue
            if value.tzinfo is None:
                return value.replace(tzinfo=ZoneInfo(timezone)), True
            return value, False
        return None, False


@cache
def rules(path: Path = RULES_FILE) -> Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns = {kind: tuple(re.compile(p, re.IGNORECASE) for p in data.get(kind) or ()) for kind in KINDS}
    return Rules(patterns, tuple(data.get("when") or ()))
