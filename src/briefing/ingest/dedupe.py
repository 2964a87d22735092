"""Near-identical texts (the same wire story from two outlets), found by shingle containment.

Texts are reduced to letters and digits, cut into overlapping 10-character shingles, and
only shingles whose hash falls in a fixed 1-in-4 sample are kept (a consistent sample
keeps the overlap estimate fair while the index stays small). Two texts are the same
story when the smaller one's sample lies at least 80 % inside the other's. Short texts
(a headline-only entry) match only when they are equal.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict

SHINGLE = 10
SAMPLE = 4
THRESHOLD = 0.8
SHORT = 200


def _normalized(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _shingles(normalized: str) -> set[int]:
    hashes = (zlib.crc32(normalized[i : i + SHINGLE].encode("utf-8")) for i in range(len(normalized) - SHINGLE + 1))
    return {value for value in hashes if value % SAMPLE == 0}


class TextIndex:
    def __init__(self) -> None:
        self.postings: dict[int, set[str]] = defaultdict(set)
        self.sizes: dict[str, int] = {}
        self.short: dict[str, str] = {}

    def add(self, key: str, text: str) -> None:
        normalized = _normalized(text)
        if len(normalized) < SHORT:
            if normalized:
                self.short.setdefault(normalized, key)
            return
        shingles = _shingles(normalized)
        self.sizes[key] = len(shingles)
        for shingle in shingles:
            self.postings[shingle].add(key)

    def near(self, text: str) -> tuple[str, float] | None:
        """(key of the most similar indexed text, share of shingles in common) above the threshold, else None."""
        normalized = _normalized(text)
        if len(normalized) < SHORT:
            return (self.short[normalized], 1.0) if normalized in self.short else None
        shingles = _shingles(normalized)
        shared = Counter(key for shingle in shingles for key in self.postings.get(shingle, ()))
        best = None
        for key, count in shared.items():
            ratio = count / max(1, min(len(shingles), self.sizes[key]))
            if ratio >= THRESHOLD and (best is None or ratio > best[1]):
                best = (key, ratio)
        return best
