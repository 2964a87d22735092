"""Search that understands Korean: each language's index, cut into fragments the browser fetches by query.

MkDocs' search plugin writes each language's index (every section's text in one file);
this step turns it into a manifest, term shards and page fragments (fragments.py), with
Kiwi's terms for every Korean word (korean.py) and the glossary. The theme's search worker
(templates/theme/assets/javascripts/workers/) answers Material's search box from them.

The fragments are kept in the work folder between builds and linked into the site: a
file is written only when its bytes change, so a rebuild after one edit rewrites the
shards of that page's terms, and a rebuild with no change writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ...model import Publication
from ...publish import link_or_copy
from ...workspace import read_record, write_whole
from ..formats import SEARCH_INDEX, SEARCH_PAGE, SEARCH_PAGES, SEARCH_SHARD
from . import fragments, korean
from .index_file import index_file, read_index


def write_search(publication: Publication, site: Path, saved: Path) -> dict[str, int]:
    """Write every language's search fragments into `site`; returns the files written per language.

    `saved` keeps each language's fragments and Kiwi's analysis of every word: an index made
    from the same input is not made again, and a rebuild with no new words does not start Kiwi.
    """
    saved.mkdir(parents=True, exist_ok=True)
    analyzer = korean.Analyzer(_read_words(saved))
    written = {}
    for language in publication.config.language_codes:
        engine_index = index_file(site, language)
        glossary = glossary_words(publication, language)
        kept = saved / language
        made_from = hashlib.sha256(engine_index.read_bytes() + json.dumps(glossary).encode() + korean.version().encode()).hexdigest()
        record = read_record(kept / "made-from.json")
        if record.get("hash") == made_from:
            written[language] = 0
        else:
            files = index_files(read_index(engine_index), glossary, analyzer, language, record.get("shards"))
            written[language] = _sync(kept, files)
            write_whole(kept / "made-from.json", json.dumps({"hash": made_from, "shards": files["shards"]}).encode())
        engine_index.unlink()  # shared with the engine's output (hard links): replaced, never written into
        for path in sorted(kept.rglob("*.json")):
            name = path.relative_to(kept).as_posix()
            if name != "made-from.json":
                target = engine_index.parent / name
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(path, target)
    if analyzer.seen:
        words = {"version": korean.version(), "words": analyzer.remembered()}
        write_whole(saved / "words.json", json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode())
    return written


def _read_words(saved: Path) -> dict[str, list[str]]:
    words = read_record(saved / "words.json")  # none yet, unreadable or of another version: Kiwi reads the words again
    return words.get("words", {}) if words.get("version") == korean.version() else {}


def index_files(index: dict, glossary: list, analyzer: korean.Analyzer, language: str, previous: list[str] | None = None) -> dict:
    """Every file of a language's search, by its path under `<lang>/search/` (and `shards`: where each starts)."""
    pages = fragments.pages_of(index["docs"])
    analysis = analyzer.analyze(text for page in pages for text in [page.title, *page.texts])
    terms = fragments.entries(fragments.postings(pages, analysis), analysis)
    starts = fragments.shard(terms, previous)
    folder = SEARCH_INDEX.folder.format(language=language)
    files = {
        SEARCH_SHARD.path_for(language=language, key=str(n)): fragments.encode(part)
        for n, part in enumerate(fragments.split_by(terms, starts))
    }
    files |= {
        SEARCH_PAGE.path_for(language=language, key=str(n)): fragments.encode(fragments.fragment(page)) for n, page in enumerate(pages)
    }
    table = {"lengths": fragments.lengths(pages), "listing": [n for n, page in enumerate(pages) if page.kind == "listing"]}
    files[SEARCH_PAGES.path_for(language=language)] = fragments.encode(table)
    version = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    config = {**index["config"], "separator": korean.SEPARATOR}
    named = {"shard": SEARCH_SHARD, "pages": SEARCH_PAGES, "page": SEARCH_PAGE}  # the worker finds its files by these patterns
    files_of = {name: kind.path_for(language=language, key="{key}").removeprefix(folder) for name, kind in named.items()}
    config["briefing"] = {"version": version, "files": files_of, "shards": starts, "glossary": glossary}
    files[SEARCH_INDEX.path_for(language=language)] = fragments.encode({"config": config, "docs": []})
    return {"shards": starts} | {name.removeprefix(folder): data for name, data in files.items()}


def _sync(folder: Path, files: dict) -> int:
    """Make `folder` hold exactly `files`, writing only those whose bytes changed (each replaced whole)."""
    written = 0
    wanted = {name: data for name, data in files.items() if name != "shards"}
    for name, data in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(path, data)
            written += 1
    for path in folder.rglob("*.json"):
        if path.relative_to(folder).as_posix() not in wanted and path.name != "made-from.json":
            os.unlink(path)
    return written


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
