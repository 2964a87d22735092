"""Korean morphology for the search index: which search terms each word of the text stands for.

The browser's search splits text into words with one regular expression and matches
a query word only at the start of an indexed word, so 회담 misses 정상회담은 and
강화하다 misses 강화했다. Kiwi, run here at build time, splits every word into
morphemes; we keep the nouns (and each part of a compound), and the stems of verbs
and adjectives, as extra terms for that word. The index holds a word under its
own text and these terms; its query side (templates/theme/.../briefing-query.js)
reduces what a reader types to the same kind of terms. Words are read one by one, so
the work follows the vocabulary, and what was read is kept between builds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

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


class Analyzer:
    """Kiwi's analysis of words; `known` holds words read before (kept between builds)."""

    def __init__(self, known: dict[str, list[str]] | None = None):
        self.known = dict(known or {})  # word as written -> its terms
        self.seen: set[str] = set()

    def analyze(self, texts: Iterable[str]) -> dict[str, list[str]]:
        """Search terms per lower-cased Korean word of `texts` (the whole noun or the stem first).

        Kiwi reads each distinct word once, on its own: the work grows with the vocabulary,
        not with the text, and on the test query set it finds what reading whole sentences
        finds. A word that is just its own term (북한) is left out; a compound keeps itself
        among its terms (정상회담: 정상회담, 정상, 회담), so the browser knows it is a term.
        """
        distinct = sorted({word for text in texts for block in blocks(text) for word in WORDS.split(block) if HANGUL.search(word)})
        new = [word for word in distinct if word not in self.known]
        if new:  # Kiwi takes a second or more to start: not for a rebuild with no new words
            for word, morphemes in zip(new, _kiwi().tokenize(new), strict=True):
                self.known[word] = list(dict.fromkeys(term.lower() for term in _terms(word, morphemes)))
        self.seen.update(distinct)
        found: dict[str, dict[str, None]] = {}  # lower-cased word -> its terms, in order
        for word in distinct:
            found.setdefault(word.lower(), {}).update(dict.fromkeys(self.known[word]))
        return {word: list(terms) for word, terms in sorted(found.items()) if terms and list(terms) != [word]}

    def remembered(self) -> dict[str, list[str]]:
        """The analysis of the words read since this analyzer was made: what is worth keeping."""
        return {word: self.known[word] for word in sorted(self.seen)}


def version() -> str:
    """What a word's terms depend on besides the word: Kiwi, its model and this module."""
    from importlib.metadata import version as installed

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"kiwipiepy {installed('kiwipiepy')} model {installed('kiwipiepy_model')} rules {code}"


def _terms(word: str, morphemes) -> list[str]:
    """Nouns (whole compounds first, then their parts) and predicate stems of one word."""
    terms: list[str] = []
    for run in _noun_runs(morphemes):
        terms.extend(word[run[i].start : run[j].start + run[j].len] for i, j in _spans(run))
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
    usable = [(i, j) for i, j in spans if run[i].tag not in ("XSN", "NNB") and run[j].tag != "XPN" and (i < j or run[i].tag in NOUN_PARTS)]
    return sorted(usable, key=lambda span: (span != (0, last), span[0] - span[1], span[0]))
