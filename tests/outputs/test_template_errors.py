"""A broken template of any output: one line naming the template's file and line, exit status 1, site/ as it was."""

from __future__ import annotations

import pytest

from briefing.cli import main

from support.hostile_cases import TEMPLATE_CASES, Case
from support.snapshots import snapshot


@pytest.mark.parametrize("case", TEMPLATE_CASES, ids=[case.name for case in TEMPLATE_CASES])
def test_a_broken_template_names_its_line_and_leaves_the_site(make_project, capsys, case: Case):
    project = make_project(templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    before = snapshot(project / "site", digests=True)
    for path, text in case.files.items():
        (project / path).write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(case.says[0]) and err.endswith("; site/ left as it was\n") and err.count("\n") == 1, err
    assert snapshot(project / "site", digests=True) == before
