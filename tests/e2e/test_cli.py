"""`briefing check` as an editor uses it: every problem, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

from support.project import BRIEFING


def run(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), *args], capture_output=True, text=True, timeout=120
    )


def test_check_passes_a_clean_publication(make_project):
    result = run(make_project(), "check")
    assert result.returncode == 0
    assert result.stdout.strip() == "ok: 1 articles (0 in full), 1 briefings (0 errors, 0 warnings)"


def test_check_prints_every_error_and_fails_without_traceback(make_project):
    project = make_project(
        {
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace("date: 2025-10-31", "date: 2025-02-30") + "date: 2025-10-31\n",
            "briefings/2025-11-01-empty.yaml": "",
        }
    )
    result = run(project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "briefings/2025-10-31-sample.yaml:2:7: date: invalid date '2025-02-30' (day is out of range for month)",
        "briefings/2025-10-31-sample.yaml:9:1: date: duplicate key (first defined on line 2)",
        "briefings/2025-11-01-empty.yaml:1:1: file: file is empty",
        "check failed: 3 errors, 0 warnings",
    ]


def test_a_drafts_missing_translation_warns_and_strict_makes_it_fatal(make_project):
    project = make_project({"briefings/2025-10-31-sample.yaml": BRIEFING.replace("ko: 시험 브리핑", "ko: ''") + "status: draft\n"})
    relaxed, strict = run(project, "check"), run(project, "check", "--strict")
    warning = "briefings/2025-10-31-sample.yaml:3:30: title.ko: warning: missing Korean translation"
    assert relaxed.returncode == 0 and warning in relaxed.stderr
    assert strict.returncode == 1
    assert strict.stderr.splitlines() == [warning, "check failed: 0 errors, 1 warning treated as an error"]


FIVE_MISTAKES = """\
id: 2025-10-31-sample
date: 2025-10-32
title: {en: Sample briefing}
sumary: {en: What happened., ko: 무슨 일이 있었나.}
key_points: []
topics: [alliances]
articles: [2025-10-30-sample, 2025-10-30-sampel, 2025-10-30-sample]
"""


def test_five_different_mistakes_in_one_file_are_all_reported_in_one_run(make_project):
    result = run(make_project({"briefings/2025-10-31-sample.yaml": FIVE_MISTAKES}), "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefings/2025-10-31-sample.yaml:1:1: summary: missing required field",
        "briefings/2025-10-31-sample.yaml:2:7: date: invalid date '2025-10-32' (day is out of range for month)",
        "briefings/2025-10-31-sample.yaml:3:8: title.ko: missing Korean translation (required to publish: write it, or keep the briefing a draft with status: draft)",
        "briefings/2025-10-31-sample.yaml:4:1: sumary: unknown field (did you mean 'summary'?; valid fields: id, date, published, updated, title, summary, key_points, topics, articles, status, corrections, withdrawn, aliases)",
        "briefings/2025-10-31-sample.yaml:5:13: key_points: no key points yet: write at least one",
        "briefings/2025-10-31-sample.yaml:6:10: topics: unknown topic 'alliances' (did you mean 'alliance'?; topics are listed in mkdocs.yml under extra.briefing.topics: alliance, summit)",
        "briefings/2025-10-31-sample.yaml:7:31: articles: unknown article '2025-10-30-sampel' (did you mean '2025-10-30-sample'?; no content/articles/**/2025-10-30-sampel.md)",
        "briefings/2025-10-31-sample.yaml:7:50: articles: '2025-10-30-sample' is listed twice (first at 7:12)",
        "check failed: 8 errors, 0 warnings",
    ]
