"""Who gets the e-mail edition: a CSV file `email,language,name`, kept outside the published site.

Every bad row is reported at once as `path:line:column: field: message`, and a file
with any bad row sends nothing: a typo must not cost a subscriber their briefing, nor
send one to the wrong address.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ...diagnostics import LoadError, Location, Problems, relative
from ...load.config import PUBLISHED_FOLDERS

FIELDS = ("email", "language", "name")
ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


@dataclass(frozen=True)
class Subscriber:
    email: str
    language: str
    name: str = ""


def read_subscribers(path: Path, languages: tuple[str, ...], project: Path) -> list[Subscriber]:
    """The subscribers, or LoadError with every bad row (and a file inside a published folder refused)."""
    shown = relative(path, project)
    problems = Problems()
    resolved = path.resolve()
    if any(resolved.is_relative_to((project / folder).resolve()) for folder in PUBLISHED_FOLDERS):
        problems.error(
            Location(shown), "subscribers", "a subscriber list inside site/, build/ or docs/ could be published: keep it elsewhere"
        )
        raise LoadError(problems.sorted())
    try:
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(Location(shown), "subscribers", f"cannot read the file ({exc})")
        raise LoadError(problems.sorted()) from None
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if header[:3] != list(FIELDS):
        problems.error(Location(shown), "subscribers", f"the first line must be the header {','.join(FIELDS)}")
        raise LoadError(problems.sorted())
    subscribers, seen = [], {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        address, language, name = ([cell.strip() for cell in row] + ["", "", ""])[:3]
        if not ADDRESS.match(address):
            problems.error(Location(shown, line, 1), "email", f"not an e-mail address: {address!r}")
        elif address.lower() in seen:
            problems.error(Location(shown, line, 1), "email", f"{address} is listed twice (first on line {seen[address.lower()]})")
        if language not in languages:
            column = len(row[0]) + 2
            problems.error(
                Location(shown, line, column),
                "language",
                f"{language!r} is not one of the publication's languages ({', '.join(languages)})",
            )
        seen.setdefault(address.lower(), line)
        subscribers.append(Subscriber(address, language, name))
    if problems.errors:
        raise LoadError(problems.sorted())
    return subscribers
