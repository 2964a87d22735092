"""Search that understands Korean: Kiwi's analysis and the glossary, added to each language's index.

MkDocs' search plugin writes each language's index; this step adds, in the index's
config, what the theme's search worker needs to index and query Korean by its terms
(see korean.py and templates/theme/assets/javascripts/workers/). Titles and
texts are left exactly as they are: results show the original text.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ...model import Publication
from ...workspace import read_record
from . import korean
from .index_file import index_file, write_index


def write_search(publication: Publication, site: Path, saved: Path | None = None) -> None:
    """Extend the search index of every language's site in `site`.

    `saved` keeps, between builds, each extended index by what it was made from, and
    Kiwi's analysis of every word: an unchanged index is copied, a changed one reads
    only its new words, and a rebuild with none does not start Kiwi at all.
    """
    analyzer = korean.Analyzer(_read_words(saved))
    for language in publication.config.language_codes:
        path = index_file(site, language)
        source = path.read_bytes()
        glossary = glossary_words(publication, language)
        made_from = hashlib.sha256(source + json.dumps(glossary).encode() + korean.version().encode()).hexdigest()[:24]
        copy = saved / f"{language}-{made_from}.json" if saved else None
        path.unlink()  # a new file: the old one is shared with the engine's output (hard links)
        if copy and copy.is_file():
            shutil.copyfile(copy, path)
            continue
        write_index(path, extend(json.loads(source), glossary, analyzer))
        if copy:
            for old in saved.glob(f"{language}-*.json"):
                old.unlink()
            shutil.copyfile(path, copy)
    if saved and analyzer.seen:
        words = {"version": korean.version(), "words": analyzer.remembered()}
        (saved / "words.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read_words(saved: Path | None) -> dict[str, list[str]]:
    if saved is None:
        return {}
    saved.mkdir(parents=True, exist_ok=True)
    words = read_record(saved / "words.json")  # none yet, unreadable or of another version: Kiwi reads the words again
    return words.get("words", {}) if words.get("version") == korean.version() else {}


def extend(index: dict, glossary: list, analyzer: korean.Analyzer | None = None) -> dict:
    """Add the word analysis, the glossary and our word separator to an index's config."""
    texts = (doc.get(field) or "" for doc in index["docs"] for field in ("title", "text"))
    terms = (analyzer or korean.Analyzer()).analyze(texts)
    index["config"]["separator"] = korean.SEPARATOR
    index["config"]["briefing"] = {"terms": {word: _compact(word, found) for word, found in terms.items()}, "glossary": glossary}
    return index


def _compact(word: str, terms: list[str]) -> str:
    """A word's terms in few bytes: a term inside the word as `start,end` (`,end` from its start).

    Most terms are part of their word (북한의: `,2`; 정상회담은: `,4 ,2 2,4`); a comma
    separates words, so it never occurs in a term written out (밝혔다: 밝히).
    """
    codes = []
    for term in terms:
        start = word.find(term)
        codes.append(term if start < 0 else f"{start or ''},{start + len(term)}")
    return " ".join(codes)


def glossary_words(publication: Publication, language: str) -> list[list[list[list[str]]]]:
    """Each glossary entry as [this language's terms, the other languages' terms], each term as its lower-case words.

    A query that names any of an entry's terms also looks for the terms in the site's
    own language: a Korean reader typing denuclearization gets pages that say 비핵화.
    """
    others = [code for code in publication.config.language_codes if code != language]
    return [
        [
            [korean.split_words(term) for term in entry.terms[language]],
            [korean.split_words(term) for other in others for term in entry.terms[other]],
        ]
        for entry in publication.glossary
    ]
