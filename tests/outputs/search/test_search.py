"""The Korean analyzer (Kiwi at build time), the index it extends, and the glossary as a file and a page."""

from __future__ import annotations

import html
import json
import re

import pytest

from briefing.cli import main
from briefing.load import load
from briefing.outputs.search import fragments, korean
from briefing.outputs.search import index as search

from support.project import BRIEFING


@pytest.mark.parametrize(
    "text, word, terms",
    [
        ("한미 정상회담은 성과를 냈다.", "정상회담은", ["정상회담", "정상", "회담"]),  # the whole compound first, then its parts
        ("북한의 핵 위협", "북한의", ["북한"]),  # a particle is not a term
        ("확장억제를 강화하기로 합의했다.", "확장억제를", ["확장억제", "확장", "억제"]),
        ("확장억제를 강화하기로 합의했다.", "강화하기로", ["강화"]),  # a 하다 verb: its noun
        ("확장억제를 강화하기로 합의했다.", "합의했다", ["합의"]),
        ("제재 완화를 밝혔다.", "밝혔다", ["밝히"]),  # a verb: its stem, as Kiwi restores it
        ("남북대화가 끊겼다.", "남북대화가", ["남북대화", "남북", "대화"]),
        ("정부는 남북대화 재개를 제안했다.", "남북대화", ["남북대화", "남북", "대화"]),  # a compound keeps itself
        ("북한의 비핵화와 남북 관계", "비핵화와", ["비핵화", "비핵"]),
    ],
)
def test_analyzer_gives_nouns_compound_parts_and_stems(text, word, terms):
    assert korean.Analyzer().analyze([f"<p>{text}</p>"])[word] == terms


def test_words_that_are_their_own_term_and_foreign_words_are_left_out():
    analysis = korean.Analyzer().analyze(["<p>북한 핵 문제와 ICBM(대륙간탄도미사일) 발사</p>"])
    assert "북한" not in analysis and "핵" not in analysis and "icbm" not in analysis
    assert analysis["대륙간탄도미사일"][0] == "대륙간탄도미사일"
    assert {"탄도미사일", "미사일"} <= set(analysis["대륙간탄도미사일"])


@pytest.mark.parametrize(
    "text, words",
    [
        ("‘조율’이 관건", ["조율", "이", "관건"]),  # quotes around Korean words split
        ("이행으로…한미동맹 핵·미사일", ["이행으로", "한미동맹", "핵", "미사일"]),
        ("핵협의그룹(NCG) 회의", ["핵협의그룹", "ncg", "회의"]),
        ("the alliance’s U.S.-Korea talks.", ["the", "alliance’s", "u.s", "korea", "talks"]),  # apostrophes and U.S stay
        ("1.5% 늘었다.", ["1.5%", "늘었다"]),
    ],
)
def test_words_split_at_spaces_and_punctuation_as_the_worker_splits_them(text, words):
    assert korean.split_words(text) == words


def test_tags_are_not_text():
    analysis = korean.Analyzer().analyze(["<ul> <li>정상회담은</li><li><code>북한의</code></li> </ul>"])
    assert set(analysis) == {"정상회담은", "북한의"}


ENGINE_INDEX = {
    "config": {"lang": ["ko"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "topics/alliance/", "title": "한미동맹", "text": "<p>정상회담 브리핑 목록</p>"},
        {"location": "articles/2025-11-03-talks/", "title": "회담 기사", "text": "<p>양국은 정상회담을 열었다.</p>"},
        {"location": "briefings/2025-11-03-summit/", "title": "한미 정상회담 개최", "text": "<p>양국은 확장억제를 강화하기로 했다.</p>"},
        {"location": "briefings/2025-11-03-summit/#key", "title": "핵심", "text": "<ul><li>정상회담은 &lt;성과&gt;를 냈다.</li></ul>"},
        {"location": "briefings/2025-10-01-old/", "title": "지난 회담", "text": "<p>" + "회담 " * 800 + "</p>"},
    ],
}


@pytest.fixture(scope="module")
def written():
    glossary = [[[["확장억제"]], [["extended", "deterrence"]]]]
    return search.index_files(json.loads(json.dumps(ENGINE_INDEX)), glossary, korean.Analyzer(), "ko")


def shards_of(files: dict) -> dict:
    terms = {}
    for name in sorted(n for n in files if n.startswith("terms/")):
        terms |= json.loads(files[name])
    return terms


def test_manifest_holds_no_text_only_how_to_find_the_fragments(written):
    manifest = json.loads(written["search_index.json"])
    assert manifest["docs"] == []  # Material's page fetches this file: it stays small
    extension = manifest["config"]["briefing"]
    assert manifest["config"]["separator"] == korean.SEPARATOR
    assert extension["glossary"] == [[[["확장억제"]], [["extended", "deterrence"]]]]
    assert extension["files"] == {"shard": "terms/{key}.json", "pages": "pages.json", "page": "pages/{key}.json"}
    assert extension["shards"][0] == "" and extension["shards"] == sorted(extension["shards"])
    assert sorted(n for n in written if n.startswith("terms/")) == sorted(f"terms/{n}.json" for n in range(len(extension["shards"])))


def test_pages_are_numbered_newest_first_a_briefing_before_its_articles_and_listing_pages_last(written):
    locations = [json.loads(written[f"pages/{n}.json"])["location"] for n in range(4)]
    assert locations == ["briefings/2025-11-03-summit/", "articles/2025-11-03-talks/", "briefings/2025-10-01-old/", "topics/alliance/"]
    table = json.loads(written["pages.json"])
    assert table["listing"] == [3]
    assert table["lengths"][2] > 100 * table["lengths"][0] / 10  # the long page's length, for BM25


def test_postings_count_each_word_for_itself_and_its_terms_by_field(written):
    terms = shards_of(written)
    assert terms["정상회담은"] == [[0, 0, 1], ["정상회담", "정상", "회담"]]  # a word of the site: its postings and Kiwi's terms
    postings = terms["회담"][0]
    by_page = {postings[i]: postings[i + 1 : i + 3] for i in range(0, len(postings), 3)}
    assert by_page[0] == [1, 1]  # title 정상회담; text 정상회담은 (the title is not counted again as text)
    assert by_page[2] == [1, 800]
    assert terms["확장억제를"][1][0] == "확장억제" and "강화" in terms  # compound and stem


def test_page_fragments_hold_the_title_and_plain_text_of_each_section(written):
    page = json.loads(written["pages/0.json"])
    assert page["title"] == "한미 정상회담 개최"
    assert page["sections"] == [
        ["briefings/2025-11-03-summit/", "한미 정상회담 개최", "양국은 확장억제를 강화하기로 했다."],
        ["briefings/2025-11-03-summit/#key", "핵심", "정상회담은 <성과>를 냈다."],  # tags gone, entities read: the worker escapes
    ]
    long = json.loads(written["pages/2.json"])
    assert len(long["sections"][0][2]) == fragments.EXCERPT_CHARS  # excerpts need the start of a text, not all of it


def test_shards_keep_their_cuts_so_an_edit_rewrites_few(monkeypatch):
    monkeypatch.setattr(fragments, "SHARD_BYTES", 40)
    terms = {f"{word}": [[0, 0, 1]] for word in ["가", "나", "다", "라", "마", "바", "사", "아"]}
    starts = fragments.shard(terms)
    assert len(starts) > 2 and starts[0] == ""
    grown = dict(sorted((terms | {"나나": [[0, 0, 1]]}).items()))
    assert fragments.shard(grown, starts) == starts  # a new term joins its shard; later shards keep their terms
    assert [list(part) for part in fragments.split_by(grown, starts)] == [
        list(part) for part in fragments.split_by(grown, fragments.shard(grown, starts))
    ]
    huge = dict(sorted((terms | {f"나{n:03}": [[0, 0, 1]] for n in range(20)}).items()))
    assert len(fragments.shard(huge, starts)) > len(starts)  # an overgrown shard is cut again
    assert set(starts) <= set(fragments.shard(huge, starts))


GLOSSARY = """\
- {en: denuclearization, ko: 비핵화}
- en: [joint fact sheet, fact sheet]
  ko: [공동 팩트시트, 팩트시트]
"""


def test_glossary_loads_with_preferred_terms_first(make_project):
    publication, problems = load(make_project({"glossary.yml": GLOSSARY}))
    assert problems.items == []
    assert [dict(entry.terms) for entry in publication.glossary] == [
        {"en": ("denuclearization",), "ko": ("비핵화",)},
        {"en": ("joint fact sheet", "fact sheet"), "ko": ("공동 팩트시트", "팩트시트")},
    ]


def test_glossary_is_optional(make_project):
    publication, problems = load(make_project())
    assert publication.glossary == () and problems.items == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("en: denuclearization\n", "glossary.yml:1:1: glossary: expected a list of entries like '- {en: denuclearization, ko: 비핵화}'"),
        ("- {en: denuclearization}\n", "glossary.yml:1:3: glossary[0].ko: missing required field"),
        (
            "- {en: denuclearization, ko: 비핵화, ja: 非核化}\n",
            "glossary.yml:1:35: glossary[0].ja: unknown field (valid fields: en, ko)",
        ),
        ("- {en: [], ko: 비핵화}\n", "glossary.yml:1:8: glossary[0].en: list at least one English term"),
        (
            "- {en: denuclearization, ko: 비핵화}\n- {en: Denuclearization, ko: 완전한 비핵화}\n",
            "glossary.yml:2:8: glossary[1].en: duplicate term 'Denuclearization' (first on line 1)",
        ),
        (
            "- {en: denuclearization, ko: 3}\n",
            "glossary.yml:1:30: glossary[0].ko: expected text, got number '3' (quote it to make it text)",
        ),
        ("- {en: [denuclearization, ''], ko: 비핵화}\n", "glossary.yml:1:27: glossary[0].en: empty term"),
    ],
)
def test_glossary_mistakes_are_reported_with_their_place(make_project, text, expected):
    publication, problems = load(make_project({"glossary.yml": text}))
    assert publication is None
    assert [str(problem) for problem in problems.sorted()] == [expected]


def test_glossary_page_in_each_language_is_linked_from_the_nav(make_project, capsys):
    project = make_project({"glossary.yml": GLOSSARY}, templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    korean_page = html.unescape((project / "site/ko/glossary/index.html").read_text(encoding="utf-8"))
    english_page = html.unescape((project / "site/en/glossary/index.html").read_text(encoding="utf-8"))
    assert re.search(r"<strong>공동 팩트시트</strong> \(팩트시트\) — <span lang=\"en\">joint fact sheet, fact sheet</span>", korean_page)
    assert re.search(r"<strong>denuclearization</strong> — <span lang=\"ko\">비핵화</span>", english_page)
    # Sorted in the page's language: 공동 팩트시트 before 비핵화, denuclearization before joint fact sheet.
    assert korean_page.index("공동 팩트시트</strong>") < korean_page.index("비핵화</strong>")
    assert english_page.index("denuclearization</strong>") < english_page.index("joint fact sheet</strong>")
    home = html.unescape((project / "site/ko/index.html").read_text(encoding="utf-8"))
    assert re.search(r'href="glossary/"[^>]*>\s*<span class="md-ellipsis">\s*용어집', home)
    index = json.loads((project / "site/ko/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["briefing"]["glossary"] == [
        [[["비핵화"]], [["denuclearization"]]],
        [[["공동", "팩트시트"], ["팩트시트"]], [["joint", "fact", "sheet"], ["fact", "sheet"]]],
    ]


def test_a_rebuild_with_no_new_words_does_not_start_kiwi(make_project, monkeypatch):
    project = make_project(templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    search_files = {path: path.stat() for path in (project / "build/search").rglob("*.json")}
    monkeypatch.setattr(korean, "_kiwi", lambda: pytest.fail("Kiwi started to read words it had read before"))
    assert main(["--project", str(project), "build", "-q"]) == 0
    now = {path: path.stat() for path in (project / "build/search").rglob("*.json")}  # none written again
    assert {p: (s.st_ino, s.st_mtime_ns) for p, s in now.items()} == {p: (s.st_ino, s.st_mtime_ns) for p, s in search_files.items()}
    assert (project / "site/ko/search/terms/0.json").stat().st_ino == (project / "build/search/ko/terms/0.json").stat().st_ino


def test_a_page_edited_with_known_words_is_analyzed_without_kiwi(make_project, monkeypatch):
    project = make_project(templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    briefing = project / "briefings/2025-10-31-sample.yaml"
    briefing.write_text(BRIEFING.replace("ko: 무슨 일이 있었나.", "ko: 무슨 일이."), encoding="utf-8")
    monkeypatch.setattr(korean, "_kiwi", lambda: pytest.fail("Kiwi started to read words it had read before"))
    assert main(["--project", str(project), "build", "-q"]) == 0
    terms = {}
    for shard in (project / "site/ko/search/terms").glob("*.json"):
        terms |= json.loads(shard.read_text(encoding="utf-8"))
    assert "일이" in terms and "있었나" not in terms


def test_an_edited_glossary_reaches_the_page_and_the_index_on_rebuild(make_project):
    project = make_project({"glossary.yml": GLOSSARY}, templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    (project / "glossary.yml").write_text(GLOSSARY + "- {en: extended deterrence, ko: 확장억제}\n", encoding="utf-8")
    assert main(["--project", str(project), "build", "-q"]) == 0
    assert "확장억제" in (project / "site/ko/glossary/index.html").read_text(encoding="utf-8")
    index = json.loads((project / "site/en/search/search_index.json").read_text(encoding="utf-8"))
    assert [[["extended", "deterrence"]], [["확장억제"]]] in index["config"]["briefing"]["glossary"]
