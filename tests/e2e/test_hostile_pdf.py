"""The corpus's `briefing pdf` cases through the real CLI: hostile text reaches the digest PDFs inert.

On top of hostile_runner's checks, for every PDF written: the canary server (every
payload's URL) received no request, the PDF holds no /etc/passwd text even with every
stream inflated, no script, launch action, embedded file or non-web link, and the
payloads a reader sees are shown as text.
"""

from __future__ import annotations

import pytest

from support import pdftools
from support.hostile_pdf_cases import PDF_CASES
from support.hostile_runner import PASSWD, filled, run_case


@pytest.mark.parametrize("case", PDF_CASES, ids=[case.name for case in PDF_CASES])
def test_bad_pdf_input(case, tmp_path, canary):
    url, requests = canary
    requests.clear()
    project = run_case(case, tmp_path, canary=url)
    assert requests == []
    written = sorted((project / "out").glob("*.pdf")) if (project / "out").is_dir() else []
    assert bool(written) == case.usable
    for pdf in written:
        assert pdftools.hazards(pdf) == [], pdf.name
        assert PASSWD not in pdftools.inflated(pdf, tmp_path), pdf.name
    if case.shows:
        text = pdftools.squashed(pdftools.text(written[0]))
        assert [shown for shown in case.shows if pdftools.squashed(filled(shown, {"canary": url})) not in text] == []
