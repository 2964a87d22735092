"""PDFs in the build: same input, same bytes; a rebuild renders only what changed; `briefing pdf` for any period."""

from __future__ import annotations

import shutil
import subprocess
import sys

from briefing import parallel
from briefing.cli import main
from briefing.outputs.pdf import documents as pdf_html
from briefing.outputs.pdf import render as pdf_render
from briefing.workspace import Workspace

from support import pdftools
from support.project import BRIEFING, KOREAN_MAY_FOLLOW
from support.snapshots import snapshot

SAMPLE = ["pdf/2025-10-31-sample.en.pdf", "pdf/2025-10-31-sample.ko.pdf", "pdf/digests/2025-W44.en.pdf", "pdf/digests/2025-W44.ko.pdf"]


def pdf_bytes(project) -> dict[str, bytes]:
    return {f"pdf/{name}": data for name, data in snapshot(project / "site" / "pdf").items() if name.endswith(".pdf")}


def test_rebuild_renders_only_the_pdfs_whose_inputs_changed(make_project, monkeypatch, capsys):
    project = make_project({"mkdocs.yml": KOREAN_MAY_FOLLOW}, templates=True)
    rendered = []
    real_render = pdf_render.render
    monkeypatch.setattr(parallel, "cores", lambda: 1)  # render in this process, where the spy can count
    monkeypatch.setattr(pdf_render, "render", lambda job: (rendered.append(job.name), real_render(job))[1])
    made, real_job = [], pdf_html.Documents._job
    monkeypatch.setattr(
        pdf_html.Documents,
        "_job",
        lambda self, language, template, name, *args, **context: (
            made.append(name),
            real_job(self, language, template, name, *args, **context),
        )[1],
    )

    def build() -> list[str]:
        rendered.clear()
        assert main(["--project", str(project), "build"]) == 0
        return sorted(rendered)

    assert build() == SAMPLE
    first = pdf_bytes(project)
    made.clear()
    assert build() == []
    assert made == []  # not even their HTML is made again
    assert pdf_bytes(project) == first
    assert "Wrote 4 PDFs: 0 rendered (0 pages), 4 unchanged" in capsys.readouterr().err
    # A briefing loses its Korean summary: its Korean PDF and the Korean digest of its week change.
    (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("ko: 무슨 일이 있었나.", "ko: ''"), encoding="utf-8")
    assert build() == ["pdf/2025-10-31-sample.ko.pdf", "pdf/digests/2025-W44.ko.pdf"]
    assert "What happened. (번역 준비 중)" in pdftools.text(project / "site/pdf/2025-10-31-sample.ko.pdf")
    template = project / "templates/pdf/briefing.html.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace('class="masthead"', 'class="masthead" role="banner"'), encoding="utf-8"
    )
    assert build() == SAMPLE[:2]  # the per-briefing template, not the digest's
    stylesheet = project / "templates/pdf/print.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8").replace("#1f3a5f", "#203a5f"), encoding="utf-8")
    assert build() == SAMPLE
    assert len(list(Workspace.of(project).pdf_cache.glob("*.pdf"))) == 4  # outdated renders are pruned


def test_same_input_same_bytes_whatever_the_clock_or_folder(make_project, monkeypatch, tmp_path):
    """Also: PDFs rendered in worker processes (here) equal those rendered in the build's own process."""
    project = make_project(templates=True)
    other = shutil.copytree(project, tmp_path / "elsewhere" / "copy")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030 and 2027: two times, both after the briefing (before it, none is out)
    assert main(["--project", str(project), "build", "-q"]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert main(["--project", str(other), "build", "-q"]) == 0
    assert sorted(pdf_bytes(project)) == SAMPLE
    assert pdf_bytes(project) == pdf_bytes(other)
    info = pdftools.info(project / "site/pdf/digests/2025-W44.en.pdf")
    assert info["CreationDate"] == info["ModDate"] == "2025-10-31T00:00:00+09"  # from the briefing, not the clock


def run(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "pdf", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=project,
    )


def test_pdf_command_makes_a_digest_for_any_range_and_language(make_project):
    project = make_project(templates=True)
    result = run(project, "--from", "2025-10-01", "--to", "2025-10-31", "--lang", "ko", "--output", "out")
    written = project / "out" / "digest-2025-10-01_2025-10-31.ko.pdf"
    assert (result.returncode, result.stdout) == (0, f"{written}\n")
    assert sorted(p.name for p in (project / "out").iterdir()) == [written.name]
    cover = " ".join(pdftools.text(written, 1, 1).split())
    assert cover == "시험 브리핑 시험용 발행물. 브리핑 모음 2025년 10월 1일~31일 브리핑 1건 발행일 2025년 10월 31일 금요일"
    assert pdftools.info(written)["Title"] == "시험 브리핑 — 브리핑 모음: 2025년 10월 1일~31일"
    body = " ".join(pdftools.text(written, 2).split())  # one briefing: no contents page
    assert "출처 기사 [1] Sample article — Sample Daily, 2025년 10월 30일 목요일. 원문 https://news.example/sample" in body
    assert pdftools.link_targets(written) == ["https://news.example/sample", "https://briefing.test/ko/articles/2025-10-30-sample/"]


def test_pdf_command_monthly_skips_months_without_briefings(make_project):
    project = make_project(templates=True)
    result = run(project, "--from", "2025-09-15", "--to", "2025-11-02", "--monthly", "--output", "out")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(project / "out" / f"digest-2025-10.{language}.pdf") for language in ("en", "ko")]
    assert "no briefings from 2025-09-01 to 2025-09-30: no digest for them" in result.stderr
    assert pdftools.info(project / "out" / "digest-2025-10.en.pdf")["Title"] == "Test Briefing — Monthly digest: October 2025"


def test_pdf_command_refuses_bad_requests_with_a_message(make_project):
    project = make_project()
    for args, message in [
        (["--from", "2025-11-01", "--to", "2025-10-01"], "pdf failed: --from 2025-11-01 is after --to 2025-10-01"),
        (["--from", "2025-01-01", "--to", "2025-01-31"], "pdf failed: no briefings are dated from 2025-01-01 to 2025-01-31"),
        (["--from", "2025-10-01", "--to", "2025-10-31", "--lang", "fr"], "pdf failed: --lang fr: the publication's languages are en, ko"),
        (["--from", "2025-10-01", "--to", "31.10.2025"], "argument --to: invalid date '31.10.2025' (expected YYYY-MM-DD)"),
    ]:
        result = run(project, *args)
        assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not list(project.glob("*.pdf"))


def test_a_pdf_does_not_depend_on_what_its_renderer_rendered_before(make_project):
    """A renderer process keeps fonts and parsed stylesheets between PDFs (pdf_render): the bytes must not show it."""
    from briefing.load import load_or_raise
    from briefing.outputs.pdf.documents import Documents
    from briefing.outputs.periods import weekly_digests

    project = make_project(templates=True)
    publication = load_or_raise(project)
    documents = Documents(publication, project)
    planned = [
        documents.briefing(publication.briefings[0], "ko", "a.pdf"),
        documents.digest(weekly_digests(publication)[0], "en", "b.pdf"),
        documents.briefing(publication.briefings[0], "en", "c.pdf"),
    ]
    jobs = [plan.make() for plan in planned]
    in_order = [pdf_render.render(job).pdf for job in jobs]
    pdf_render._fonts.cache_clear()
    pdf_render._stylesheets.cache_clear()
    assert [pdf_render.render(job).pdf for job in reversed(jobs)] == list(reversed(in_order))
