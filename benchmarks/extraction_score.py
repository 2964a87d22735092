"""`make bench-ingest`: article bodies from the extraction benchmark's development half, scored.

The real ingest code (`parse_page`, what `briefing ingest page` runs) and bare trafilatura
read the same pages in one run, and both are scored as the benchmark's `evaluate.py`
does: `\\w+` tokens, 4-gram shingles counted with multiplicity, each page's counts
normalised to sum to one, precision averaged over pages with any prediction, recall over
all pages, F1 from the two means. The ten worst pages of the project are listed, and the
pages per second of ingest's extraction after a one-time start; then `briefing ingest page`
itself on one page and on all of them in one process, for the cost per page after the start.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import trafilatura

from briefing.ingest.draft import Unusable
from briefing.ingest.html_page import parse_page
from briefing.ingest.sanitize import block_text

REPO = Path(__file__).resolve().parents[1]
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


def load(data: Path) -> tuple[dict, dict[str, bytes]]:
    """(ground truth by page key, each page's saved bytes) of a benchmark folder."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return truth, {key: gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()) for key in sorted(truth)}


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
    truth, pages = load(args.data)
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
    batch_timing(pages)


def batch_timing(pages: dict[str, bytes]) -> float:
    """`briefing ingest page` on one page, then on all pages in one process: the difference is the cost of the pages after the first
    (returned, in seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "pages"
        saved.mkdir()
        for key, data in pages.items():
            (saved / f"{key[:16]}.html").write_bytes(data)
        files = sorted(map(str, saved.iterdir()))
        seconds = [_ingest_seconds(Path(folder) / name, batch) for name, batch in (("one", files[:1]), ("all", files))]
    per_page = (seconds[1] - seconds[0]) / (len(files) - 1)
    print(f"\nbriefing ingest page: 1 page {seconds[0]:.2f} s, {len(files)} pages {seconds[1]:.2f} s in one process;")
    print(f"after the start {per_page:.3f} s a page ({1 / per_page:.1f} pages/s)")
    return per_page


def _ingest_seconds(project: Path, files: list[str]) -> float:
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "assets", project / "assets")  # the logo mkdocs.yml names
    started = time.perf_counter()
    command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "ingest", "page", *files]
    subprocess.run(command, capture_output=True, check=False, timeout=1800)
    return time.perf_counter() - started


def _f1(score: tuple[float, float, float]) -> float:
    tp, fp, fn = score
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    sys.exit(main())
