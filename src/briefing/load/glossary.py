"""glossary.yml: the term pairs the desk uses, one entry per term with its form in every language.

```yaml
- {en: denuclearization, ko: 비핵화}
- {en: [joint fact sheet, fact sheet], ko: [공동 팩트시트, 팩트시트]}   # preferred form first
```
The file is optional. Search finds pages in either language from either term, and
the site shows the glossary as a page.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Location, Problems
from ..model import GlossaryEntry
from .fields import Fields, language_name
from .files import read_text
from .nodes import Sequence, parse_yaml

GLOSSARY_FILE = "glossary.yml"


def load_glossary(root: Path, languages: tuple[str, ...], problems: Problems) -> tuple[GlossaryEntry, ...]:
    path = root / GLOSSARY_FILE
    if not path.exists():
        return ()
    text = read_text(root, path, problems)
    node = parse_yaml(text, GLOSSARY_FILE, problems) if text is not None else None
    if node is None:
        return ()
    if not isinstance(node, Sequence):
        problems.error(node.location, "glossary", "expected a list of entries like '- {en: denuclearization, ko: 비핵화}'")
        return ()
    seen: dict[tuple[str, str], Location] = {}
    entries = []
    for index, item in enumerate(node.items):
        fields = Fields(item, GLOSSARY_FILE, f"glossary[{index}]", problems, languages)
        terms = {language: _terms(fields, language, seen) for language in languages}
        if all(terms.values()):
            entries.append(GlossaryEntry(terms))
    return tuple(entries)


def _terms(fields: Fields, language: str, seen: dict[tuple[str, str], Location]) -> tuple[str, ...]:
    """One term or a list of them; each term only once in the whole glossary."""
    node = fields.node.values.get(language)
    if isinstance(node, Sequence):
        found = fields.text_list(language)
        if not found:
            fields.problems.error(node.location, fields.name(language), f"list at least one {language_name(language)} term")
    else:
        text = fields.text(language, required=True)
        found = [(text, fields.value_location(language))] if text else []
    terms = []
    for term, where in found:
        term = " ".join(term.split())
        if not term:
            fields.problems.error(where, fields.name(language), "empty term")
            continue
        key = (language, term.casefold())
        if key in seen:
            fields.problems.error(where, fields.name(language), f"duplicate term {term!r} (first on line {seen[key].line})")
            continue
        seen[key] = where
        terms.append(term)
    return tuple(terms)
