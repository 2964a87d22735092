"""YAML mistakes as `briefing check` tells an editor about them: what is wrong, where it starts, the parser's words after."""

from __future__ import annotations

import pytest

from briefing.cli import main

from support.project import ARTICLE

B = "briefings/2025-10-31-sample.yaml"
# The sample briefing as editors usually write it, one text a line.
BLOCK = """\
id: 2025-10-31-sample
date: 2025-10-31
title:
  en: Sample briefing
  ko: 시험 브리핑
summary:
  en: What happened.
  ko: "무슨 일이 있었나."
key_points:
  - en: First point.
    ko: 첫째 요점.
topics: [alliance]
articles: [2025-10-30-sample]
"""


def edited(old: str, new: str) -> str:
    assert old in BLOCK, old
    return BLOCK.replace(old, new)


MISTAKES = {
    "a quote never closed, closed by the next quote far below": (
        edited("en: Sample briefing", 'en: "Sample briefing'),
        f"{B}:4:7: yaml: the quote opened at 4:7 is never closed: the text runs on to the quote at 8:7"
        " (YAML parser at 8:8: while parsing a block mapping, expected <block end>, but found '<scalar>')",
    ),
    "a quote never closed to the end of the file": (
        edited("[2025-10-30-sample]", "['2025-10-30-sample]"),
        f"{B}:13:12: yaml: the quote opened at 13:12 is never closed"
        " (YAML parser at 14:1: while scanning a quoted scalar, found unexpected end of stream)",
    ),
    "a key indented more than the one above it": (
        edited("  ko: 시험 브리핑", "    ko: 시험 브리핑"),
        f"{B}:5:5: yaml: ko: is indented more than en: above it on line 4 (YAML parser at 5:7: mapping values are not allowed here)",
    ),
    "a key indented less than the one above it": (
        edited("  ko: 시험 브리핑", " ko: 시험 브리핑"),
        f"{B}:5:2: yaml: ko: is indented less than en: above it on line 4"
        " (YAML parser at 5:2: while parsing a block mapping, expected <block end>, but found '<block mapping start>')",
    ),
    "a key of a list item indented less than the first": (
        edited("    ko: 첫째 요점.", "  ko: 첫째 요점."),
        f"{B}:11:3: yaml: ko: is indented less than en: above it on line 10"
        " (YAML parser at 11:3: while parsing a block collection, expected <block end>, but found '?')",
    ),
    "a tab to indent": (
        edited("  - en: First point.", "\t- en: First point."),
        f"{B}:10:1: yaml: tab character: indent with spaces"
        " (YAML parser at 10:1: while scanning for the next token, found character '\\t' that cannot start any token)",
    ),
    "text after a quoted start": (
        edited("en: What happened.", 'en: "Balanced" results, diplomats say'),
        f'{B}:7:7: yaml: text follows the quoted part "Balanced": put the whole value in quotes,'
        " e.g. '\"Balanced\" results, diplomats say'"
        " (YAML parser at 7:18: while parsing a block mapping, expected <block end>, but found '<scalar>')",
    ),
    "an apostrophe inside single quotes": (
        edited("en: Sample briefing", "en: 'Korea's summit'"),
        f'{B}:4:13: yaml: the quote at 4:13 ends the text opened at 4:7: write it as "Korea\'s summit"'
        " (YAML parser at 4:14: while parsing a block mapping, expected <block end>, but found '<scalar>')",
    ),
    "a colon and a space inside a value": (
        edited("en: Sample briefing", "en: Summit: what next"),
        f"{B}:4:13: yaml: a colon and a space inside the value of en: put it in quotes: 'Summit: what next'"
        " (YAML parser at 4:13: mapping values are not allowed here)",
    ),
    "no space after a colon": (
        edited("date: 2025-10-31", "date:2025-10-31"),
        f"{B}:2:5: yaml: put a space after the colon: date: 2025-10-31 (YAML parser at 3:1: while scanning a simple key, could not find expected ':')",
    ),
    "a brace never closed": (
        edited("topics: [alliance]", "topics: [alliance"),
        f"{B}:12:9: yaml: the [ opened at 12:9 is never closed: end it with ]"
        " (YAML parser at 13:9: while parsing a flow sequence, expected ',' or ']', but got ':')",
    ),
    "a brace inside a {…} text": (
        edited("title:\n  en: Sample briefing\n  ko: 시험 브리핑", "title: {en: Sample {briefing}, ko: 시험 브리핑}"),
        f"{B}:3:20: yaml: '{{' inside the {{…}} opened at 3:8: put a text that holds , {{ }} [ ] or quotes in quotes"
        " (YAML parser at 3:20: while parsing a flow mapping, expected ',' or '}', but got '{')",
    ),
    "a comma inside a {…} text": (
        edited("title:\n  en: Sample briefing\n  ko: 시험 브리핑", "title: {en: Sample briefing, ko: 한미, 정상회담 후속 협의}"),
        f"{B}:3:38: title.정상회담 후속 협의: a comma inside {{…}} cut the text before it here: put the whole text in quotes",
    ),
    "a value starting with @": (
        edited("en: Sample briefing", "en: @desk briefing"),
        f"{B}:4:7: yaml: a value cannot start with @: put it in quotes: '@desk briefing'"
        " (YAML parser at 4:7: while scanning for the next token, found character '@' that cannot start any token)",
    ),
    "two documents in one file": (
        BLOCK + "---\nid: other\n",
        f"{B}:14:1: yaml: a second YAML document starts here (---): a file holds one; remove the line"
        " (YAML parser at 14:1: expected a single document in the stream, but found another document)",
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_yaml_mistake_is_told_in_an_editors_words(make_project, capsys, mistake):
    text, says = MISTAKES[mistake]
    project = make_project({B: text})
    assert main(["--project", str(project), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [says, "check failed: 1 error, 0 warnings"]


def test_the_sample_written_one_text_a_line_is_valid(make_project, capsys):
    assert main(["--project", str(make_project({B: BLOCK})), "check"]) == 0


def test_places_in_an_articles_front_matter_count_its_opening_line(make_project, capsys):
    project = make_project(
        {"content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("title: Sample article", 'title: "Sample article')}
    )
    assert main(["--project", str(project), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/articles/2025/2025-10-30-sample.md:3:8: yaml: the quote opened at 3:8 is never closed: the text runs on to the quote at 4:54"
        " (YAML parser at 4:55: while parsing a block mapping, expected <block end>, but found '<scalar>')"
    )
