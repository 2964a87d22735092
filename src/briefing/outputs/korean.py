"""Korean morphology for the search index: which search terms each word of the text stands for.

The browser's search splits text into words with one regular expression and matches
a query word only at the start of an indexed word, so 회담 misses 정상회담은 and
강화하다 misses 강화했다. Kiwi, run here at build time, splits every word into
morphemes; we keep the nouns (and each part of a compound), and the stems of verbs
and adjectives, as extra terms for that word. The browser indexes a word under its
own text and these terms; its query side (templates/theme/.../briefing-query.js)
reduces what a reader types to the same kind of terms.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Iterator

# Words are separated by spaces and punctuation, as the search worker splits them
# (it reads this from the index). A quote between two Latin letters is an apostrophe
# (alliance's) and a full stop before a letter or digit belongs to the word (U.S, 1.5).
SEPARATOR = (
    r"[\s\-\u2010-\u2015\u00b7\u2026,;!?()\[\]{}<>\"\u201c\u201d\u2018\u300c-\u300f\u3008-\u300b\u3010\u3011/]+"
    r"|['\u2019](?![A-Za-z])|(?<![A-Za-z])['\u2019]|\.(?![A-Za-z0-9])"
)
WORDS = re.compile(SEPARATOR)
TAGS = re.compile(r"<[^>]*>")
HANGUL = re.compile(r"[\uac00-\ud7a3]")

NOUN_PARTS = {"NNG", "NNP", "NR", "NP", "XR", "SL", "SH", "SN"}  # stand alone as a term
NOUN_AFFIXES = {"NNB", "XPN", "XSN"}  # only inside a compound: 비핵+화, 대륙+간
PREDICATES = ("VV", "VA")  # with Kiwi's irregular marks: VV-I, VA-R, ...
LONGEST_COMPOUND = 5  # morphemes; longer runs give only the whole run and its parts
ANALYSIS_VERSION = "1"  # change it when the terms a word gets change


def blocks(html: str) -> Iterator[str]:
    """The text blocks between the tags of an index field, as the search worker reads them."""
    for block in TAGS.split(html):
        if block.strip():
            yield block


def split_words(text: str) -> list[str]:
    """A term's words, lower-cased, as the search worker splits a query."""
    return [word.lower() for word in WORDS.split(text) if word]


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()


def version() -> str:
    """What the analysis depends on besides the text: cached analyses of another version are stale."""
    from importlib.metadata import version as installed

    return f"{ANALYSIS_VERSION} kiwipiepy {installed('kiwipiepy')} model {installed('kiwipiepy_model')}"


class Analyzer:
    """Kiwi's analysis of text blocks, remembered by each block's hash (across builds, when saved)."""

    def __init__(self, known: dict[str, dict[str, list[str]]] | None = None):
        self.known = dict(known or {})  # block hash -> its words' terms
        self.used: set[str] = set()

    def analyze(self, texts: Iterable[str]) -> dict[str, list[str]]:
        """Search terms per lower-cased Korean word (the whole noun or the stem first).

        Kiwi reads each text block whole, so context settles ambiguous words; a word met
        in several contexts gets the terms of all of them. A word that is just its own
        term (북한) is left out; a compound keeps itself among its terms (정상회담:
        정상회담, 정상, 회담), so the browser knows it is a term.
        """
        wanted = {_key(block): block for text in texts for block in blocks(text) if HANGUL.search(block)}
        unread = sorted(key for key in wanted if key not in self.known)
        if unread:
            for key, morphemes in zip(unread, _kiwi().tokenize([wanted[key] for key in unread])):
                self.known[key] = _block_terms(wanted[key], morphemes)
        self.used.update(wanted)
        found: dict[str, dict[str, None]] = {}  # word -> its terms, in order of first appearance
        for key in sorted(wanted):
            for word, terms in self.known[key].items():
                found.setdefault(word, {}).update(dict.fromkeys(terms))
        return {word: list(terms) for word, terms in sorted(found.items()) if list(terms) != [word]}

    def remembered(self) -> dict[str, dict[str, list[str]]]:
        """The analyses of the blocks read since this analyzer was made: worth keeping."""
        return {key: self.known[key] for key in sorted(self.used)}


def _key(block: str) -> str:
    return hashlib.sha1(block.encode("utf-8")).hexdigest()[:20]


def _block_terms(block: str, morphemes) -> dict[str, list[str]]:
    """The terms of each Korean word of one block that has terms besides itself."""
    spans = list(_word_spans(block))
    starts = [start for start, _ in spans]
    by_word: dict[int, list] = {}
    for morpheme in morphemes:  # punctuation before the first word falls at -1: no word's
        by_word.setdefault(bisect_right(starts, morpheme.start) - 1, []).append(morpheme)
    by_word.pop(-1, None)
    result: dict[str, list[str]] = {}
    for position, inside in by_word.items():
        start, end = spans[position]
        word = block[start:end].lower()
        terms = list(dict.fromkeys(term.lower() for term in _terms(block, inside)))
        if HANGUL.search(word) and terms and terms != [word]:
            result.setdefault(word, [])
            result[word] += [term for term in terms if term not in result[word]]
    return result


def _word_spans(block: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in WORDS.finditer(block):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(block):
        yield start, len(block)


def _terms(block: str, morphemes) -> list[str]:
    """Nouns (whole compounds first, then their parts) and predicate stems of one word."""
    terms: list[str] = []
    for run in _noun_runs(morphemes):
        terms.extend(block[run[i].start : run[j].start + run[j].len] for i, j in _spans(run))
    terms.extend(m.form for m in morphemes if m.tag.startswith(PREDICATES))
    return terms


def _noun_runs(morphemes) -> Iterator[list]:
    """Nouns and noun affixes that follow each other without a gap: one compound each."""
    run: list = []
    for morpheme in morphemes:
        if morpheme.tag in NOUN_PARTS or morpheme.tag in NOUN_AFFIXES:
            if run and run[-1].start + run[-1].len != morpheme.start:
                yield run
                run = []
            run.append(morpheme)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _spans(run: list) -> list[tuple[int, int]]:
    """The whole compound, then every part that can stand alone (확장억제력: 확장억제, 억제력, 확장, ...)."""
    last = len(run) - 1
    if len(run) > LONGEST_COMPOUND:
        return [(0, last)] + [(i, i) for i, m in enumerate(run) if m.tag in NOUN_PARTS]
    spans = [(i, j) for i in range(len(run)) for j in range(i, len(run))]
    usable = [
        (i, j) for i, j in spans
        if run[i].tag not in ("XSN", "NNB") and run[j].tag != "XPN" and (i < j or run[i].tag in NOUN_PARTS)
    ]
    return sorted(usable, key=lambda span: (span != (0, last), span[0] - span[1], span[0]))
