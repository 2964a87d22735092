"""`briefing serve`: the preview is served on 127.0.0.1 and follows edits without a restart."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support.project import ARTICLE, BRIEFING, KOREAN_MAY_FOLLOW, WITH_MAIL

PROBLEMS = "briefing-preview-problems"  # the notice laid over a page while the sources have problems
# An article with an editor's note whose site shows an excerpt: the preview shows editors the note and the end too.
NOTED_EXCERPT = ARTICLE.replace("editor_note: null", "editor_note: NOTE-FOR-EDITORS").replace(
    "Body of the sample article.",
    "Lead sentence of the sample article.\n\n" + "Filler words of the story. " * 30 + "\n\nIt ends with EDITORS-ONLY-END.",
)


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
    """`briefing serve [options]` on a free port, stopped by `stop` (SIGTERM) when the block ends; its output kept."""

    def __init__(self, project, *options: str, stop: int = signal.SIGTERM):
        port = free_port()
        self.url, self.output, self.stop = f"http://127.0.0.1:{port}", "", stop
        command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "serve", "--port", str(port), *options]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def __enter__(self):
        return self

    def read_until(self, text: str) -> None:
        """Read what it prints until a line holds `text` (it blocks: the process must print it)."""
        for line in self.process.stdout:
            self.output += line
            if text in line:
                return
        raise AssertionError(f"briefing serve ended before printing {text!r}")

    def __exit__(self, *exc):
        self.process.send_signal(self.stop)
        self.output += self.process.communicate(timeout=30)[0]
        print(f"briefing serve said:\n{self.output}")  # pytest shows it when the test fails


def wait_for_pdf(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.read().startswith(b"%PDF-")
                return
        except OSError:  # not serving yet, or not that PDF yet (404)
            assert time.monotonic() < deadline, f"{url} was not served within {seconds} s"
            time.sleep(0.5)


def wait_until_gone(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(url)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return
        time.sleep(0.3)
    raise AssertionError(f"{url} was still served after {seconds} s")


@pytest.fixture
def served(make_project):
    project = make_project(templates=True)
    with Preview(project) as preview:
        yield project, preview.url
    assert not (project / "build/preview").exists() or not any((project / "build/preview").iterdir())


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


def test_editors_see_the_note_and_the_whole_text_that_readers_do_not(make_project):
    """Added as the preview serves the article page: the page on disk is the one a build writes, note and end left out."""
    project = make_project({"content/articles/2025/2025-10-30-sample.md": NOTED_EXCERPT}, templates=True)
    with Preview(project) as preview:
        page = wait_for(f"{preview.url}/ko/articles/2025-10-30-sample/", "NOTE-FOR-EDITORS")
        assert "편집자 주" in page and "EDITORS-ONLY-END" in page and "전문 비공개" in page
        served = next((project / "build/preview").glob("*/site/ko/articles/2025-10-30-sample/index.html")).read_text(encoding="utf-8")
        assert "Lead sentence" in served and "NOTE-FOR-EDITORS" not in served and "EDITORS-ONLY-END" not in served
        article = project / "content/articles/2025/2025-10-30-sample.md"  # an edit to what only editors see shows too
        article.write_text(NOTED_EXCERPT.replace("NOTE-FOR-EDITORS", "NOTE-EDITED").replace("ONLY-END", "ONLY-EDITED"))
        wait_for(f"{preview.url}/ko/articles/2025-10-30-sample/", "EDITORS-ONLY-EDITED")
        assert "NOTE-EDITED" in fetch(f"{preview.url}/ko/articles/2025-10-30-sample/")


def test_preview_pdfs_are_the_published_ones_from_the_projects_cache(make_project):
    project = make_project(templates=True)
    assert subprocess.run([sys.executable, "-m", "briefing.cli", "--project", str(project), "build", "-q"]).returncode == 0
    published = (project / "site/pdf/2025-10-31-sample.en.pdf").read_bytes()
    with Preview(project) as preview:
        wait_for(f"{preview.url}/en/", "Test Briefing")
        with urllib.request.urlopen(f"{preview.url}/pdf/2025-10-31-sample.en.pdf", timeout=5) as response:
            assert response.read() == published  # links to the published site, not the preview; not rendered again
    assert "0 rendered" in preview.output, preview.output


def test_a_broken_save_shows_checks_messages_over_the_last_good_page_until_fixed(make_project, browser):
    """In Chromium, without a manual reload: the problem over the last good page, then the fixed page."""
    project = make_project(templates=True)
    page = browser.new_page()
    with Preview(project, stop=signal.SIGINT) as preview:
        base = preview.url
        wait_for(f"{base}/en/", "Test Briefing")
        page.goto(f"{base}/en/briefings/2025-10-31-sample/")
        assert "Sample briefing" in page.inner_text("h1")
        briefing = project / "briefings/2025-10-31-sample.yaml"
        for _ in range(2):  # the same problem saved twice is printed once
            briefing.write_text(BRIEFING.replace("articles: [2025-10-30-sample]", "articles: [2025-10-30-missing]"))
            page.wait_for_selector(f"#{PROBLEMS}", timeout=30_000)
            time.sleep(1)
        notice = page.inner_text(f"#{PROBLEMS}")
        assert "briefings/2025-10-31-sample.yaml:8:12: articles:" in notice and "unknown article '2025-10-30-missing'" in notice
        assert "Sample briefing" in page.inner_text("h1")  # the last good page, under the notice

        briefing.write_text(BRIEFING.replace("en: Sample briefing", "en: Fixed briefing"))
        page.wait_for_function("document.querySelector('h1').innerText.includes('Fixed briefing')", timeout=30_000)
        assert page.query_selector(f"#{PROBLEMS}") is None
    page.close()
    output = preview.output
    assert output.count("unknown article '2025-10-30-missing'") == 1, output
    assert "Problems fixed" in output and "Traceback" not in output


def test_strict_preview_shows_missing_translations(make_project):
    project = make_project({"mkdocs.yml": KOREAN_MAY_FOLLOW}, templates=True)
    with Preview(project, "--strict") as preview:
        url = f"{preview.url}/en/briefings/2025-10-31-sample/"
        wait_for(url, "Sample briefing")
        (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace(", ko: 시험 브리핑}", "}"))
        page = wait_for(url, PROBLEMS)
        assert "briefings/2025-10-31-sample.yaml:3:" in page and "Sample briefing" in page


def test_editors_saves_each_settle_into_one_correct_preview(served):
    """Temporary file renamed over the briefing, a save in two steps, many files at once (a git pull),
    a briefing renamed and one deleted, 20 saves in a few seconds: no crash, no stale page."""
    project, base = served
    briefings = project / "briefings"
    page_url, home = f"{base}/en/briefings/2025-10-31-sample/", f"{base}/en/"
    wait_for(page_url, "Sample briefing")

    temporary = briefings / ".2025-10-31-sample.yaml.tmp"
    temporary.write_text(BRIEFING.replace("en: Sample briefing", "en: Renamed into place"))
    temporary.rename(briefings / "2025-10-31-sample.yaml")
    wait_for(page_url, "Renamed into place")

    with (briefings / "2025-10-31-sample.yaml").open("w") as handle:  # truncated, then written in two parts
        handle.write(BRIEFING[:40])
        handle.flush()
        time.sleep(0.05)
        handle.write(BRIEFING[40:].replace("en: What happened.", "en: Written in two steps."))
    wait_for(page_url, "Written in two steps.")

    pulled = {f"2025-11-{day:02d}-pulled": f"Pulled briefing {day}" for day in range(1, 13)}
    for name, title in pulled.items():
        (briefings / f"{name}.yaml").write_text(
            BRIEFING.replace("2025-10-31-sample", name).replace("2025-10-31", name[:10]).replace("Sample briefing", title)
        )
    for name, title in pulled.items():
        wait_for(f"{base}/en/briefings/{name}/", title)
    assert all(title in wait_for(home, "Pulled briefing 12") for title in list(pulled.values())[-5:])

    (briefings / "2025-11-01-pulled.yaml").unlink()
    wait_until_gone(f"{base}/en/briefings/2025-11-01-pulled/")
    renamed = BRIEFING.replace("2025-10-31-sample", "2025-10-31-renamed").replace("Written in two steps.", "After the rename.")
    (briefings / "2025-10-31-renamed.yaml").write_text(renamed)
    (briefings / "2025-10-31-sample.yaml").unlink()
    wait_for(f"{base}/en/briefings/2025-10-31-renamed/", "Sample briefing")
    wait_until_gone(page_url)
    assert "2025-10-31-sample/" not in fetch(f"{base}/en/archive/2025-10/")

    for count in range(20):
        (briefings / "2025-10-31-renamed.yaml").write_text(renamed.replace("en: Sample briefing", f"en: Save number {count}"))
        time.sleep(0.15)
    settled = wait_for(f"{base}/en/briefings/2025-10-31-renamed/", "Save number 19")
    assert PROBLEMS not in settled
    assert "Save number 19" in fetch(f"{base}/en/archive/2025-10/") and "Save number 18" not in fetch(f"{base}/en/archive/2025-10/")
    article = project / "content/articles/2025/2025-10-30-sample.md"
    article.write_text(ARTICLE.replace("Body of the sample article.", "An edited article body."))
    wait_for(f"{base}/en/articles/2025-10-30-sample/", "An edited article body.")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_stopped_preview_removes_its_folder_and_leaves_site_alone(make_project, stop):
    project = make_project(templates=True)
    killed = project / "build/preview/4194999-left-by-a-killed-preview"  # no process has this id (above Linux's pid_max)
    killed.mkdir(parents=True)
    with Preview(project, stop=stop) as preview:
        wait_for(f"{preview.url}/en/", "Test Briefing")
        assert len(list((project / "build/preview").iterdir())) == 1 and not killed.exists()
        (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("en: Sample briefing", "en: Stopped soon"))
        wait_for(f"{preview.url}/en/briefings/2025-10-31-sample/", "Stopped soon")
    assert "Traceback" not in preview.output, preview.output
    assert not any((project / "build/preview").iterdir())
    assert not (project / "site").exists()  # a preview never writes the published site


def test_a_build_after_a_preview_reuses_what_it_rendered(make_project):
    project = make_project({"content/articles/2025/2025-10-30-sample.md": NOTED_EXCERPT}, templates=True)  # editors see more of it
    with Preview(project) as preview:
        wait_for_pdf(f"{preview.url}/pdf/2025-10-31-sample.en.pdf")  # the background build after the first one rendered the PDFs
    built = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "build"], capture_output=True, text=True, check=True
    )
    assert "(engine: skipped)" in built.stderr and "0 rendered" in built.stderr, built.stderr


def test_a_broken_template_is_reported_over_the_last_good_page(served):
    project, base = served
    page_url = f"{base}/en/briefings/2025-10-31-sample/"
    wait_for(page_url, "Sample briefing")
    template = project / "templates/site/briefing.md.j2"
    good = template.read_text()
    template.write_text(good + "\n{% if %}\n")
    page = wait_for(page_url, PROBLEMS)
    assert "briefing build failed" in page and "Sample briefing" in page
    template.write_text(good.replace("{{ t(briefing.summary) }}", "TEMPLATE-FIXED {{ t(briefing.summary) }}"))
    page = wait_for(page_url, "TEMPLATE-FIXED")
    assert PROBLEMS not in page


def test_the_email_editions_are_previewed_and_follow_edits(make_project, browser):
    """Each briefing's e-mail per language, at an address no page links to, reloaded in an open tab after an edit."""
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    page = browser.new_page()
    with Preview(project) as preview:
        home = wait_for(f"{preview.url}/en/", "Test Briefing")
        assert "/_mail/" not in home + fetch(f"{preview.url}/en/briefings/2025-10-31-sample/")
        assert 'href="2025-10-31-sample/ko/"' in fetch(f"{preview.url}/_mail/")
        with pytest.raises(urllib.error.HTTPError):
            fetch(f"{preview.url}/_mail/2025-10-31-nothing/ko/")

        page.goto(f"{preview.url}/_mail/2025-10-31-sample/ko/")
        headers = page.inner_text("table.headers")
        assert "[Briefing] 시험 브리핑" in headers and "<https://briefing.test/unsubscribe>" in headers  # as sent, not the preview's
        for width in (600, 390):
            assert "무슨 일이 있었나." in page.frame_locator(f'iframe[width="{width}"]').locator("body").inner_text()
        assert "무슨 일이 있었나." in page.inner_text("pre")  # the text part

        (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("ko: 무슨 일이 있었나.", "ko: 고친 요약."))
        page.wait_for_function("document.querySelector('pre').innerText.includes('고친 요약.')", timeout=30_000)
        assert "고친 요약." in page.frame_locator('iframe[width="600"]').locator("body").inner_text()
    page.close()


def test_an_edit_saved_during_the_first_build_is_shown(make_project):
    project = make_project(templates=True)
    with Preview(project) as preview:
        preview.read_until("Loaded 1 articles")  # the first build has read the sources
        (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("en: Sample briefing", "en: Saved while building"))
        wait_for(f"{preview.url}/en/briefings/2025-10-31-sample/", "Saved while building")


def test_the_first_page_comes_before_the_pdfs_are_rendered(make_project):
    """Without a previous build, the preview serves its pages at once; the PDFs follow from the background build."""
    project = make_project(templates=True)
    with Preview(project) as preview:
        preview.read_until("Serving on")
        assert "Wrote 0 PDFs: 0 rendered (0 pages), 0 unchanged, 4 left for a later build" in preview.output
        wait_for(f"{preview.url}/en/briefings/2025-10-31-sample/", "Sample briefing")
        wait_for_pdf(f"{preview.url}/pdf/2025-10-31-sample.en.pdf")
