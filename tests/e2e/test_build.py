"""`briefing build`: a failed build never touches the last good site/, and two builds can't collide."""

from __future__ import annotations

import fcntl
import shutil

import pytest

from briefing.cli import main

from support.project import BRIEFING, KOREAN_MAY_FOLLOW
from support.snapshots import snapshot


def build(project, capsys):
    code = main(["--project", str(project), "build", "-q"])
    return code, capsys.readouterr().err


def test_build_writes_both_languages_and_the_root(make_project, capsys):
    project = make_project(templates=True)
    code, err = build(project, capsys)
    assert (code, err) == (0, "")
    site = project / "site"
    for name in (
        "index.html",
        "sitemap.xml",
        "robots.txt",
        "en/index.html",
        "ko/index.html",
        "en/briefings/2025-10-31-sample/index.html",
        "ko/articles/2025-10-30-sample/index.html",
    ):
        assert (site / name).is_file(), name
    assert not (project / ".site.staging").exists()


def break_briefing(project):
    (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("date: 2025-10-31", "date: 31.10.2025"))


def break_template(project):
    template = project / "templates/site/briefing.md.j2"
    template.write_text(template.read_text() + "\n{{ briefing.no_such_field }}\n")


def break_engine(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: no-such-theme"))


@pytest.mark.parametrize(
    "breaks, says",
    [
        (
            break_briefing,
            [
                "briefings/2025-10-31-sample.yaml:2:7: date: invalid date '31.10.2025' (expected YYYY-MM-DD)",
                "build failed: 1 problem(s) in the sources; site/ left as it was",
            ],
        ),
        (break_template, ["build failed: templates/site/briefing.md.j2:", "no_such_field", "site/ left as it was"]),
        (break_engine, ["build failed: MkDocs could not build the 'en' site", "no-such-theme", "site/ left as it was"]),
    ],
)
def test_failed_build_leaves_site_byte_for_byte_and_says_why(make_project, capsys, breaks, says):
    project = make_project(templates=True)
    assert build(project, capsys)[0] == 0
    before = snapshot(project / "site", digests=True)
    breaks(project)
    code, err = build(project, capsys)
    assert code == 1
    assert "Traceback" not in err
    position = 0
    for expected in says:  # in this order
        position = err.index(expected, position)
    assert snapshot(project / "site", digests=True) == before


def test_second_build_at_once_is_refused_with_a_clear_message(make_project, capsys):
    project = make_project(templates=True)
    (project / "build").mkdir()
    with open(project / "build/build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, err = build(project, capsys)
    assert code == 1
    assert err.startswith("build failed: another build is running in this project")
    assert not (project / "site").exists()


def test_a_briefing_missing_a_language_is_published_only_where_the_desk_allows_it(make_project, capsys):
    untranslated = {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("ko: 시험 브리핑", "ko: ''")}
    refused = make_project(untranslated, templates=True)
    assert main(["--project", str(refused), "build", "-q"]) == 1
    assert "title.ko: missing Korean translation (required to publish" in capsys.readouterr().err
    assert not (refused / "site").exists()
    shutil.rmtree(refused)
    allowed = make_project({**untranslated, "mkdocs.yml": KOREAN_MAY_FOLLOW}, templates=True)
    code = main(["--project", str(allowed), "build", "-q", "--strict"])
    err = capsys.readouterr().err
    assert code == 1
    assert "title.ko: warning: missing Korean translation" in err
    assert not (allowed / "site").exists()
    assert main(["--project", str(allowed), "build", "-q"]) == 0


def test_build_off_a_terminal_prints_plain_lines_and_quiet_prints_nothing(make_project):
    import subprocess
    import sys

    project = make_project(templates=True)
    command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "build"]
    shown = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "Loaded 1 articles and 1 briefings" in shown.stderr
    assert "(en, ko) in" in shown.stderr
    assert "\x1b[" not in shown.stderr  # no progress display or colours in a log
    quiet = subprocess.run(command + ["-q"], capture_output=True, text=True, check=True)
    assert (quiet.stdout, quiet.stderr) == ("", "")
