"""The corpus's loader cases through the real CLI (`briefing check` and `briefing build`): clear lines, right exit, nothing harmed.

hostile_runner checks every case (expected lines, no traceback or internal error, exit
code, the editor's files untouched, nothing written outside the command's folders); a
usable input's built site must also carry no live markup. The ingest and PDF cases run
in test_hostile_ingest.py and test_hostile_pdf.py, so that xdist spreads the corpus.
"""

from __future__ import annotations

import pytest

from support.hostile_cases import LOADER_CASES, Case
from support.hostile_ingest_cases import INGEST_CASES
from support.hostile_pdf_cases import PDF_CASES
from support.hostile_runner import run_case
from support.payloads import live_markup_in_site

CORPUS = LOADER_CASES + INGEST_CASES + PDF_CASES


def test_corpus_is_large_and_names_are_unique():
    assert len(CORPUS) >= 40
    assert len({case.name for case in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("case", LOADER_CASES, ids=[case.name for case in LOADER_CASES])
def test_bad_input(case: Case, tmp_path):
    project = run_case(case, tmp_path)
    if case.usable and "build" in {command[0] for command in case.commands}:
        assert live_markup_in_site(project / "site") == {}
