"""The query side's ranking and results (briefing-query.js), over a small index held in memory, in Chromium."""

from __future__ import annotations

import pytest

from support import search_harness as harness

JAVASCRIPT = harness.REPO / "templates/theme/assets/javascripts/workers/briefing-query.js"

# Pages as the build numbers them (newest first, a briefing before its day's articles,
# listing pages last): location, words, term counts in the text.
PAGES = [
    ("briefings/2025-12-02-short/", 10, {"회담": 1}),
    ("articles/2025-12-02-same-day/", 10, {"회담": 1}),
    ("briefings/2025-11-01-long/", 1000, {"회담": 3}),
    ("briefings/2025-10-01-both/", 10, {"남북": 1, "대화": 1}),
    ("briefings/2025-09-01-one-word-often/", 10, {"남북": 5}),
    ("topics/alliance/", 10, {"회담": 2}),
]


@pytest.fixture(scope="module")
def search(browser):
    page = browser.new_page()
    page.set_content("<title>ranking</title>")
    page.add_script_tag(path=str(JAVASCRIPT))
    shard, fragments = {}, {}
    for number, (location, _, counts) in enumerate(PAGES):
        for term, count in counts.items():
            shard.setdefault(term, [[]])[0].extend([number, 0, count])
        words = " ".join(term for term, count in counts.items() for _ in range(count))
        fragments[f"pages/{number}.json"] = {"location": location, "title": location, "sections": [[location, location, f"<b>{words}</b>"]]}
    files = {"terms/0.json": shard, "pages.json": {"lengths": [p[1] for p in PAGES], "listing": [5]}, **fragments}
    page.evaluate(
        """files => {
      window.fetched = []
      const fetcher = async url => { const name = new URL(url).pathname.slice(1); fetched.push(name); return files[name] }
      const config = { separator: "[\\\\s\\\\-<>/]+", briefing: { version: "t", shards: [""], glossary: [],
        files: { shard: "terms/{key}.json", pages: "pages.json", page: "pages/{key}.json" } } }
      window.fresh = () => BriefingQuery.search(config, "http://index.test/", fetcher)
      window.search = fresh()
      window.ranked = async query => (await search.query(query)).items.map(item => item[0].location)
    }""",
        files,
    )
    yield page
    page.close()


def test_long_pages_do_not_crowd_the_top_and_listing_pages_come_after_what_they_list(search):
    ranked = search.evaluate("ranked('회담')")
    assert ranked[:2] == ["briefings/2025-12-02-short/", "articles/2025-12-02-same-day/"]  # equal scores: newest, then briefing first
    assert ranked.index("briefings/2025-11-01-long/") > 1  # 3 of 1,000 words is less than 1 of 10
    assert ranked.index("topics/alliance/") > 1  # twice the word, but a listing page


def test_pages_matching_more_of_the_words_come_first(search):
    assert search.evaluate("ranked('남북 대화를')")[:2] == ["briefings/2025-10-01-both/", "briefings/2025-09-01-one-word-often/"]


def test_results_are_escaped_with_the_words_found_marked_and_missing_words_named_as_typed(search):
    item = search.evaluate("search.query('남북 대화를').then(result => result.items[1][0])")
    assert (
        item["text"]
        == "<p>&lt;b&gt;<mark>남북</mark> <mark>남북</mark> <mark>남북</mark> <mark>남북</mark> <mark>남북</mark>&lt;/b&gt;</p>"
    )
    assert item["terms"] == {"남북": True, "대화를": False}


def test_a_query_fetches_its_shard_the_page_table_and_only_the_results_shown(search):
    fetched = search.evaluate("async () => { const first = fresh(); fetched.length = 0; await first.query('남북'); return fetched }")
    assert sorted(fetched) == ["pages.json", "pages/3.json", "pages/4.json", "terms/0.json"]
    again = search.evaluate(
        "async () => { const next = fresh(); await next.query('남북'); fetched.length = 0; await next.query('남북 대화'); return fetched }"
    )
    assert again == []  # the next keystroke: every file it needs is in hand
