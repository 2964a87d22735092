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


def test_missing_translation_warns_and_strict_makes_it_fatal(make_project):
    project = make_project({"briefings/2025-10-31-sample.yaml": BRIEFING.replace("ko: 시험 브리핑", "ko: ''")})
    relaxed, strict = run(project, "check"), run(project, "check", "--strict")
    warning = "briefings/2025-10-31-sample.yaml:3:30: title.ko: warning: missing Korean translation"
    assert relaxed.returncode == 0 and warning in relaxed.stderr
    assert strict.returncode == 1 and warning in strict.stderr
    assert "check failed: 0 errors, 1 warning" in strict.stderr
