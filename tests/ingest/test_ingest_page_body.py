"""The whole article from benchmark pages whose body the page's layout breaks up or pads with the site's other stories."""

from __future__ import annotations

import gzip
import json

from briefing.ingest.html_page import parse_page
from briefing.ingest.sanitize import block_text

from support.ingest_fixtures import BENCHMARK_PAGES

TRUTH = json.loads((BENCHMARK_PAGES.parent / "ground-truth.json").read_text(encoding="utf-8"))


def benchmark_page(key: str) -> tuple[str, str]:
    """(the text of the body ingest keeps, as a reader sees it; the benchmark's body of the page)."""
    (path,) = BENCHMARK_PAGES.glob(f"{key}*.html.gz")
    full_key = path.name.removesuffix(".html.gz")
    draft = parse_page(gzip.decompress(path.read_bytes()), url=TRUTH[full_key]["url"], timezone="UTC")
    return "\n\n".join(block_text(block) for block in draft.body.split("\n\n")), TRUTH[full_key]["articleBody"]


def test_body_split_into_sibling_blocks_by_ads_is_joined_in_order():
    body, truth = benchmark_page("2f42ef1d3ea0c96e")  # wired.com: three body blocks, an ad row between each
    paragraphs = [p for p in truth.split("\n\n") if len(p) > 200]
    positions = [body.find(p[-80:]) for p in paragraphs]
    assert -1 not in positions and positions == sorted(positions)
    assert body.rstrip().endswith("When it comes to the actual sickness, you’re still on your own.")


def test_list_of_the_sites_other_stories_is_cut_and_the_article_kept():
    for key, promoted in (
        ("2f42ef1d3ea0c96e", "YouTubers must unionize"),  # wired.com: "More Great WIRED Stories" after the article
        ("3c5bf8db4272925b", "15 Amazing Images of Stars"),  # livescience.com: a box of three headlines inside it
    ):
        body, truth = benchmark_page(key)
        assert promoted not in body
        assert truth.split("\n\n")[-1][-60:] in body
