"""`briefing serve`: the preview is served on 127.0.0.1 and follows edits without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from support.project import BRIEFING


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


class Preview:
    """`briefing serve` on a free port, stopped (and its output kept) when the block ends."""

    def __init__(self, project):
        port = free_port()
        self.url, self.output = f"http://127.0.0.1:{port}", ""
        command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "serve", "--port", str(port)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.output = self.process.communicate(timeout=10)[0]


@pytest.fixture
def served(make_project):
    project = make_project(templates=True)
    with Preview(project) as preview:
        yield project, preview.url


def test_preview_reloads_after_editing_a_briefing_and_a_template(served):
    project, base = served
    page_url = f"{base}/ko/briefings/2025-10-31-sample/"
    page = wait_for(page_url, "시험 브리핑")
    assert "livereload" in page  # the page listens for rebuilds

    (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("ko: 시험 브리핑", "ko: 고친 제목"))
    wait_for(page_url, "고친 제목")

    template = project / "templates/site/briefing.md.j2"
    template.write_text(template.read_text() + "\nTEMPLATE-EDITED\n")
    wait_for(page_url, "TEMPLATE-EDITED")


def test_preview_keeps_last_good_version_when_an_edit_breaks_it(served):
    project, base = served
    page_url = f"{base}/en/briefings/2025-10-31-sample/"
    wait_for(page_url, "Sample briefing")
    (project / "briefings/2025-10-31-sample.yaml").write_text("id: [broken\n")
    time.sleep(3)
    assert "Sample briefing" in fetch(page_url)


def test_preview_links_to_itself_not_to_production(served):
    project, base = served
    page = wait_for(f"{base}/en/", "Test Briefing")
    assert f'hreflang="ko" href="{base}/ko/"' in page
    assert "briefing.test" not in page


def test_preview_pdfs_are_the_published_ones_from_the_projects_cache(make_project):
    project = make_project(templates=True)
    assert subprocess.run([sys.executable, "-m", "briefing.cli", "--project", str(project), "build", "-q"]).returncode == 0
    published = (project / "site/pdf/2025-10-31-sample.en.pdf").read_bytes()
    with Preview(project) as preview:
        wait_for(f"{preview.url}/en/", "Test Briefing")
        with urllib.request.urlopen(f"{preview.url}/pdf/2025-10-31-sample.en.pdf", timeout=5) as response:
            assert response.read() == published  # links to the published site, not the preview; not rendered again
    assert "0 rendered" in preview.output, preview.output
