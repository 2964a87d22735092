"""The Korean analyzer (Kiwi at build time), the index it extends, and the glossary as a file and a page."""

from __future__ import annotations

import html
import json
import re

import pytest

from briefing.cli import main
from briefing.load import load
from briefing.outputs.search import index as search
from briefing.outputs.search import korean

from support.project import BRIEFING


def decode(word: str, codes: str) -> list[str]:
    """What the search worker reads from the index (briefing-query.js, `analysis`)."""
    terms = []
    for code in codes.split(" "):
        if "," in code:
            start, end = code.split(",")
            terms.append(word[int(start or 0) : int(end)])
        else:
            terms.append(code)
    return terms


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


def test_index_gets_the_analysis_the_glossary_and_the_separator_with_its_text_unchanged():
    docs = [{"location": "a/", "title": "한미 정상회담 개최", "text": "<p>양국은 확장억제를 강화하기로 했다.</p>"}]
    index = {"config": {"lang": ["ko"], "separator": "[\\s\\-]+"}, "docs": json.loads(json.dumps(docs))}
    glossary = [[[["확장억제"]], [["extended", "deterrence"]]]]
    search.extend(index, glossary)
    assert index["docs"] == docs
    assert index["config"]["separator"] == korean.SEPARATOR
    extension = index["config"]["briefing"]
    assert extension["glossary"] == glossary
    assert extension["terms"]["확장억제를"] == ",4 ,2 2,4"
    assert {word: decode(word, codes) for word, codes in extension["terms"].items()} == korean.Analyzer().analyze(
        [docs[0]["title"], docs[0]["text"]]
    )


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
            "glossary.yml:1:35: glossary[0].ja: unknown field (expected one of: en, ko)",
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
    index = (project / "site/ko/search/search_index.json").read_bytes()
    monkeypatch.setattr(korean, "_kiwi", lambda: pytest.fail("Kiwi started to read words it had read before"))
    assert main(["--project", str(project), "build", "-q"]) == 0
    assert (project / "site/ko/search/search_index.json").read_bytes() == index


def test_a_page_edited_with_known_words_is_analyzed_without_kiwi(make_project, monkeypatch):
    project = make_project(templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    briefing = project / "briefings/2025-10-31-sample.yaml"
    briefing.write_text(BRIEFING.replace("ko: 무슨 일이 있었나.", "ko: 무슨 일이."), encoding="utf-8")
    monkeypatch.setattr(korean, "_kiwi", lambda: pytest.fail("Kiwi started to read words it had read before"))
    assert main(["--project", str(project), "build", "-q"]) == 0
    terms = json.loads((project / "site/ko/search/search_index.json").read_text(encoding="utf-8"))["config"]["briefing"]["terms"]
    assert "일이" in terms and "있었나" not in terms


def test_an_edited_glossary_reaches_the_page_and_the_index_on_rebuild(make_project):
    project = make_project({"glossary.yml": GLOSSARY}, templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    (project / "glossary.yml").write_text(GLOSSARY + "- {en: extended deterrence, ko: 확장억제}\n", encoding="utf-8")
    assert main(["--project", str(project), "build", "-q"]) == 0
    assert "확장억제" in (project / "site/ko/glossary/index.html").read_text(encoding="utf-8")
    index = json.loads((project / "site/en/search/search_index.json").read_text(encoding="utf-8"))
    assert [[["extended", "deterrence"]], [["확장억제"]]] in index["config"]["briefing"]["glossary"]
