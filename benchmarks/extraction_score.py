"""`make bench-ingest`: article bodies from the extraction benchmark's development half, scored.

The real ingest code (`parse_page`, what `briefing ingest page` runs) and bare trafilatura
read the same pages in one run, and both are scored as the benchmark's `evaluate.py`
does: `\\w+` tokens, 4-gram shingles counted with multiplicity, each page's counts
normalised to sum to one, precision averaged over pages with any prediction, recall over
all pages, F1 from the two means. The ten worst pages of the project are listed, and the
pages per second of ingest's extraction after a one-time start.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from briefing.ingest.draft import Unusable
from briefing.ingest.html_page import parse_page
from briefing.ingest.sanitize import block_text

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "real" / "extraction-benchmark"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_score(truth: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 so that long pages weigh no more than short ones."""
    expected, found = shingles(truth), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def metrics(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean([tp / (tp + fp) for tp, fp, _ in scores if tp + fp > 0])
    recall = statistics.mean([tp / (tp + fn) for tp, _, fn in scores if tp + fn > 0])
    return precision, recall, 2 * precision * recall / (precision + recall)


def ingest_body(data: bytes, url: str | None) -> str:
    try:
        body = parse_page(data, url=url, timezone="UTC").body
    except Unusable:
        return ""
    return "\n\n".join(block_text(block) for block in body.split("\n\n"))


def bare_body(data: bytes, url: str | None) -> str:
    return trafilatura.extract(data, url=url, include_comments=False) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder with html/ and ground-truth.json")
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()) for key in sorted(truth)}
    ingest_body(next(iter(pages.values())), None)  # the one-time start: imports, models, compiled patterns
    results, elapsed = {}, {}
    for name, extract in (("ingest", ingest_body), ("trafilatura", bare_body)):
        started = time.perf_counter()
        results[name] = {key: page_score(truth[key]["articleBody"], extract(data, truth[key].get("url"))) for key, data in pages.items()}
        elapsed[name] = time.perf_counter() - started
    print(f"{len(pages)} pages of {args.data.resolve()}")
    print(f"{'extractor':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'pages/s':>10}")
    for name, scores in results.items():
        precision, recall, f1 = metrics(list(scores.values()))
        print(f"{name:<14}{precision:>10.3f}{recall:>10.3f}{f1:>10.3f}{len(pages) / elapsed[name]:>10.1f}")
    print(f"\nThe {args.worst} worst pages for ingest (F1 of the page; bare trafilatura's beside it):")
    page_f1 = {name: {key: _f1(score) for key, score in scores.items()} for name, scores in results.items()}
    for key in sorted(pages, key=lambda k: page_f1["ingest"][k])[: args.worst]:
        print(f"  {page_f1['ingest'][key]:.3f}  {page_f1['trafilatura'][key]:.3f}  {key[:16]}  {truth[key].get('url', '')[:80]}")


def _f1(score: tuple[float, float, float]) -> float:
    tp, fp, fn = score
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    sys.exit(main())
