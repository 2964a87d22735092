"""Loading and validation: every kind of mistake is reported with its exact place and message."""

from __future__ import annotations

import pytest

from briefing.diagnostics import Severity
from briefing.load import load

from support.project import ARTICLE, BRIEFING, KOREAN_MAY_FOLLOW


def problems_of(project) -> list[str]:
    publication, problems = load(project)
    return [str(problem) for problem in problems.sorted()]


def test_valid_publication_loads_with_no_problems(make_project):
    publication, problems = load(make_project())
    assert problems.items == []
    briefing = publication.briefings[0]
    assert briefing.title.texts["ko"] == "시험 브리핑"
    assert str(publication.articles["2025-10-30-sample"].published) == "2025-10-30 11:50:28+09:00"


CASES = {
    "malformed YAML": (
        {"briefings/2025-10-31-sample.yaml": "id: 2025-10-31-sample\ntitle: {en: Sample briefing\n"},
        [
            "briefings/2025-10-31-sample.yaml:2:8: yaml: the { opened at 2:8 is never closed: end it with } (YAML parser at 3:1: while parsing a flow mapping, expected ',' or '}', but got '<stream end>')"
        ],
    ),
    "unknown field": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING + "headline: Extra\n"},
        [
            "briefings/2025-10-31-sample.yaml:9:1: headline: unknown field (valid fields: id, date, published, updated, title, summary, key_points, topics, articles, status, corrections, withdrawn, aliases)"
        ],
    ),
    "missing required field": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("summary: {en: What happened., ko: 무슨 일이 있었나.}\n", "")},
        ["briefings/2025-10-31-sample.yaml:1:1: summary: missing required field"],
    ),
    "wrong type": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("topics: [alliance]", "topics: alliance")},
        ["briefings/2025-10-31-sample.yaml:7:9: topics: expected a list, got text 'alliance'"],
    ),
    "YAML 1.1 boolean where text is expected": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("ko: 시험 브리핑", "ko: no")},
        ["briefings/2025-10-31-sample.yaml:3:34: title.ko: expected text, got true/false 'no' (quote it to make it text)"],
    ),
    "invalid date": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("date: 2025-10-31", "date: 2025-10-32")},
        ["briefings/2025-10-31-sample.yaml:2:7: date: invalid date '2025-10-32' (day is out of range for month)"],
    ),
    "date-time without time zone": (
        {"content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("11:50:28+09:00", "11:50:28")},
        [
            "content/articles/2025/2025-10-30-sample.md:6:12: published: date-time '2025-10-30T11:50:28' has no time zone (e.g. 2025-10-30T11:50:28+09:00)"
        ],
    ),
    "invalid time zone in settings": (
        {"mkdocs.yml": None},
        ["mkdocs.yml:10:15: extra.briefing.timezone: unknown time zone 'Asia/Seol' (e.g. Asia/Seoul)"],
    ),
    "duplicate key": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING + "date: 2025-11-01\n"},
        ["briefings/2025-10-31-sample.yaml:9:1: date: duplicate key (first defined on line 2)"],
    ),
    "duplicate id": (
        {"content/articles/2024/2025-10-30-sample.md": ARTICLE},
        [
            "content/articles/2025/2025-10-30-sample.md:2:1: id: duplicate id '2025-10-30-sample' (also used by content/articles/2024/2025-10-30-sample.md)"
        ],
    ),
    "briefing citing an unknown article": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("[2025-10-30-sample]", "[2025-10-30-sample, 2025-10-29-missing]")},
        [
            "briefings/2025-10-31-sample.yaml:8:31: articles: unknown article '2025-10-29-missing' (no content/articles/**/2025-10-29-missing.md)"
        ],
    ),
    "id not matching the file name": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("id: 2025-10-31-sample", "id: 2025-10-31-other")},
        ["briefings/2025-10-31-sample.yaml:1:1: id: id '2025-10-31-other' does not match the file name '2025-10-31-sample.yaml'"],
    ),
    "unknown language code": (
        {"content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("language: en", "language: kr")},
        ["content/articles/2025/2025-10-30-sample.md:7:11: language: unknown language code 'kr' (use e.g. en or ko)"],
    ),
    "empty file": (
        {"briefings/2025-10-31-sample.yaml": "\n"},
        ["briefings/2025-10-31-sample.yaml:1:1: file: file is empty"],
    ),
    "unknown topic": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("topics: [alliance]", "topics: [alliance, sanctions]")},
        [
            "briefings/2025-10-31-sample.yaml:7:20: topics: unknown topic 'sanctions' (topics are listed in mkdocs.yml under extra.briefing.topics: alliance, summit)"
        ],
    ),
    "topic misspelt": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("topics: [alliance]", "topics: [alliances]")},
        [
            "briefings/2025-10-31-sample.yaml:7:10: topics: unknown topic 'alliances' (did you mean 'alliance'?; topics are listed in mkdocs.yml under extra.briefing.topics: alliance, summit)"
        ],
    ),
    "field name misspelt": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("summary:", "sumary:")},
        [
            "briefings/2025-10-31-sample.yaml:1:1: summary: missing required field",
            "briefings/2025-10-31-sample.yaml:4:1: sumary: unknown field (did you mean 'summary'?; valid fields: id, date, published, updated, title, summary, key_points, topics, articles, status, corrections, withdrawn, aliases)",
        ],
    ),
    "article cited by the start of its id": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("[2025-10-30-sample]", "[2025-10-30-sam]")},
        [
            "briefings/2025-10-31-sample.yaml:8:12: articles: unknown article '2025-10-30-sam' (did you mean '2025-10-30-sample'?; no content/articles/**/2025-10-30-sam.md)"
        ],
    ),
    "topic and article listed twice": (
        {
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace("[alliance]", "[alliance, summit, alliance]").replace(
                "[2025-10-30-sample]", "[2025-10-30-sample, 2025-10-30-sample]"
            )
        },
        [
            "briefings/2025-10-31-sample.yaml:7:28: topics: 'alliance' is listed twice (first at 7:10)",
            "briefings/2025-10-31-sample.yaml:8:31: articles: '2025-10-30-sample' is listed twice (first at 8:12)",
        ],
    ),
    "no key points, no articles": (
        {
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace("  - {en: First point., ko: 첫째 요점.}\n", "")
            .replace("key_points:", "key_points: []")
            .replace("[2025-10-30-sample]", "[]")
        },
        [
            "briefings/2025-10-31-sample.yaml:5:13: key_points: no key points yet: write at least one",
            "briefings/2025-10-31-sample.yaml:7:11: articles: warning: the briefing cites no article: list the ids of the articles it is based on",
        ],
    ),
    "texts not written yet": (
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("{en: Sample briefing, ko: 시험 브리핑}", "{en: '', ko: }")},
        ["briefings/2025-10-31-sample.yaml:3:8: title: not written yet"],
    ),
    "article without front matter": (
        {"content/articles/2025/2025-10-30-sample.md": "Just text.\n"},
        ["content/articles/2025/2025-10-30-sample.md:1:1: front matter: missing front matter: the file must start with a line '---'"],
    ),
    "not UTF-8": (
        {"briefings/2025-10-31-sample.yaml": None},
        ["briefings/2025-10-31-sample.yaml:3:34: file: not UTF-8 text (byte 0xbd); save the file as UTF-8"],
    ),
    "YAML alias": (
        {
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace(
                "title: {en: Sample briefing, ko: 시험 브리핑}", "title: &t {en: Sample briefing, ko: 시험 브리핑}"
            )
            + "summary2: *t\n"
        },
        ["briefings/2025-10-31-sample.yaml:9:11: yaml: anchors and aliases (&name, *name) are not supported"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_is_reported_with_place_and_message(make_project, name):
    files, expected = CASES[name]
    project = make_project({k: v for k, v in files.items() if v is not None})
    if name == "invalid time zone in settings":
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("Asia/Seoul", "Asia/Seol"))
    if name == "not UTF-8":
        (project / "briefings/2025-10-31-sample.yaml").write_bytes(BRIEFING.replace("ko: 시험 브리핑", "ko: 시험").encode("euc-kr"))
    found = problems_of(project)
    print("\n".join(found))
    assert found == expected


def test_a_missing_translation_is_an_error_in_a_published_briefing_and_a_warning_in_a_draft(make_project):
    untranslated = BRIEFING.replace("ko: 무슨 일이 있었나.", "ko:")
    published = make_project({"briefings/2025-10-31-sample.yaml": untranslated})
    assert load(published)[0] is None
    assert problems_of(published) == [
        "briefings/2025-10-31-sample.yaml:4:31: summary.ko: missing Korean translation"
        " (required to publish: write it, or keep the briefing a draft with status: draft)"
    ]
    draft = make_project({"briefings/2025-10-31-sample.yaml": untranslated + "status: draft\n"})
    publication, problems = load(draft)
    assert publication is not None
    assert [str(p) for p in problems.items] == ["briefings/2025-10-31-sample.yaml:4:31: summary.ko: warning: missing Korean translation"]
    assert problems.items[0].severity is Severity.WARNING


def test_optional_languages_let_a_briefing_be_published_before_its_translation(make_project):
    project = make_project(
        {"mkdocs.yml": KOREAN_MAY_FOLLOW, "briefings/2025-10-31-sample.yaml": BRIEFING.replace(", ko: 시험 브리핑}", "}")}
    )
    publication, problems = load(project)
    assert publication is not None
    assert [str(p) for p in problems.items] == ["briefings/2025-10-31-sample.yaml:3:8: title.ko: warning: missing Korean translation"]
    english_only = make_project({"mkdocs.yml": KOREAN_MAY_FOLLOW.replace("optional_languages: [ko]", "optional_languages: [en, kr]")})
    assert problems_of(english_only) == [
        "mkdocs.yml:11:30: extra.briefing.optional_languages: 'kr' is not one of the publication's languages (en, ko)"
    ]


def test_every_problem_in_every_file_is_reported_at_once(make_project):
    """The articles a briefing cites are checked even when the briefing has other errors."""
    project = make_project(
        {
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace("date: 2025-10-31", "date: tomorrow")
            .replace("[alliance]", "[nuclear]")
            .replace("[2025-10-30-sample]", "[2025-10-30-sample, 2025-10-29-missing]"),
            "content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("language: en", "language: xx").replace(
                "author: Kim Reporter", "author: [a, b]"
            ),
        }
    )
    assert [line.split(": ")[1] for line in problems_of(project)] == ["date", "topics", "articles", "author", "language"]


def test_a_file_with_errors_keeps_its_id_for_the_checks_across_files(make_project):
    twin = BRIEFING.replace("date: 2025-10-31", "date: 2025-10-32")
    project = make_project({"briefings/2025-10-31-sample.yml": twin})
    assert problems_of(project) == [
        "briefings/2025-10-31-sample.yml:1:1: id: duplicate id '2025-10-31-sample' (also used by briefings/2025-10-31-sample.yaml)",
        "briefings/2025-10-31-sample.yml:2:7: date: invalid date '2025-10-32' (day is out of range for month)",
    ]
