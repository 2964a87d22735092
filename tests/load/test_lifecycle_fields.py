"""status, corrections, withdrawn and aliases as an editor writes them: read, refused with their place, listed by check."""

from __future__ import annotations

import pytest

from briefing.cli import main
from briefing.load import load

from support.lifecycle_project import ALIAS, CORRECTED, FILES, NOW, briefing
from support.project import BRIEFING, CONFIG

SAMPLE = "briefings/2025-10-31-sample.yaml"


def problems_of(project) -> list[str]:
    _, problems = load(project)
    return [str(problem) for problem in problems.sorted()]


def test_a_correction_moves_updated_and_a_day_alone_on_the_publication_day_counts_from_the_publication(make_project):
    project = make_project(
        {**FILES, SAMPLE: BRIEFING + "published: 2025-10-31T18:00:00+09:00\ncorrections:\n  - {date: 2025-10-31, en: Fixed., ko: 고침.}\n"}
    )
    publication, problems = load(project)
    assert problems.errors == []
    sample = next(b for b in publication.briefings if b.id == CORRECTED)
    assert sample.corrections[0].date.isoformat() == "2025-10-31T18:00:00+09:00"
    assert sample.updated == sample.published


CASES = {
    "correction before publication": (
        BRIEFING + "corrections:\n  - {date: 2025-10-30T09:00:00+09:00, en: Fixed., ko: 고침.}\n",
        [f"{SAMPLE}:10:12: corrections[0].date: dated before the briefing was published (2025-10-31 00:00 KST)"],
    ),
    "withdrawal the day before publication": (
        BRIEFING + "withdrawn: {date: 2025-10-30, en: Wrong., ko: 틀림.}\n",
        [f"{SAMPLE}:9:19: withdrawn.date: dated before the briefing was published (2025-10-31 00:00 KST)"],
    ),
    "unknown status": (BRIEFING + "status: ready\n", [f"{SAMPLE}:9:9: status: unknown status 'ready' (expected draft or published)"]),
    "a notice without a reason": (
        BRIEFING + "withdrawn: {date: 2025-11-01}\n",
        [
            f"{SAMPLE}:9:12: withdrawn: not written yet",
        ],
    ),
    "a notice in one language": (
        BRIEFING + "corrections:\n  - {date: 2025-11-01, en: Fixed.}\n",
        [f"{SAMPLE}:10:5: corrections[0].ko: warning: missing Korean translation"],
    ),
    "an alias that is the briefing's own id": (
        BRIEFING + "aliases: [2025-10-31-sample]\n",
        [f"{SAMPLE}:9:11: aliases: '2025-10-31-sample' is this briefing's own id; an alias is an id it had before"],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_each_lifecycle_mistake_is_reported_with_place_and_message(make_project, text, expected):
    assert problems_of(make_project({SAMPLE: text})) == expected


def test_an_alias_may_not_take_a_briefings_address_nor_anothers_alias(make_project):
    taken = {
        "briefings/2025-10-30-drafted.yaml": briefing("2025-10-30-drafted", f"status: draft\naliases: [{ALIAS}]\n"),
        "briefings/2025-11-01-morning.yaml": briefing("2025-11-01-morning", "aliases: [2025-10-30-drafted]\n"),
    }
    assert problems_of(make_project({**FILES, **taken})) == [
        f"briefings/2025-10-31-sample.yaml:11:11: aliases: '{ALIAS}' is already an alias of '2025-10-30-drafted'; an old address leads to one page",
        "briefings/2025-11-01-morning.yaml:9:11: aliases: '2025-10-30-drafted' is the id of a briefing"
        " (briefings/2025-10-30-drafted.yaml); its address is not free",
    ]


def test_check_lists_drafts_and_scheduled_briefings_with_the_time_they_go_out(make_project, capsys):
    assert main(["--project", str(make_project(FILES)), "check", "--now", NOW]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ok: 1 articles (0 in full), 4 briefings (0 errors, 0 warnings)",
        "draft: briefings/2025-10-30-drafted.yaml (status: draft; left out of builds)",
        "scheduled: briefings/2025-11-01-morning.yaml (published from 2025-11-01 06:00 KST)",
        "1 draft, 1 scheduled for 2025-11-01 06:00 KST",
    ]


@pytest.mark.parametrize(
    "briefing_id, says",
    [
        (
            "2025-10-30-drafted",
            "mail failed: 2025-10-30-drafted is a draft (status: draft in briefings/2025-10-30-drafted.yaml): drafts are not mailed",
        ),
        ("2025-10-29-pulled", "mail failed: 2025-10-29-pulled was withdrawn on 2025-11-03: it is not mailed"),
    ],
)
def test_mail_refuses_a_draft_and_a_withdrawn_briefing(make_project, capsys, tmp_path, briefing_id, says):
    project = make_project({**FILES, "mkdocs.yml": CONFIG + "    mail: {sender: Desk <desk@example.org>}\n"})
    assert main(["--project", str(project), "mail", briefing_id, "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == says
    assert not (tmp_path / "out").exists()


def test_a_source_date_epoch_that_is_not_a_time_is_refused_not_ignored(make_project, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["--project", str(make_project(FILES)), "check"]) == 1
    assert (
        capsys.readouterr().err
        == "check failed: SOURCE_DATE_EPOCH='yesterday' is not a time (seconds since 1970-01-01 UTC, e.g. 1761944400)\n"
    )
