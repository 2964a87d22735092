"""`briefing ingest` as an editor runs it: configured sources, a closing table, exit codes, safe output."""

from __future__ import annotations

import re
import subprocess
import sys

import lxml.html
import pytest

from briefing.cli import main
from briefing.load import load

from support.ingest_fixtures import HOSTILE, articles, front_matter
from support.ingest_server import Server, closed_port_url
from support.project import CONFIG


def ingest(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "ingest", *args], capture_output=True, text=True, timeout=300
    )


def with_sources(entries: str) -> str:
    return CONFIG + "    sources:\n" + entries


@pytest.fixture(scope="module")
def server():
    with Server() as running:
        yield running


def test_sources_are_checked_with_file_and_line(make_project):
    project = make_project(
        {
            "mkdocs.yml": with_sources(
                "      - {name: Wire, url: 'https://wire.example/rss', topics: [alliance]}\n"
                "      - {name: Wire, url: 'ftp://wire.example/rss', language: xx, topics: [weather]}\n"
                "      - {url: 'https://other.example/rss'}\n"
            )
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "mkdocs.yml:18:16: extra.briefing.sources[1].name: duplicate source name 'Wire' (first on line 17)",
        "mkdocs.yml:18:27: extra.briefing.sources[1].url: 'ftp://wire.example/rss' is not an http(s) URL",
        "mkdocs.yml:18:63: extra.briefing.sources[1].language: unknown language code 'xx' (use e.g. en or ko)",
        "mkdocs.yml:18:76: extra.briefing.sources[1].topics: unknown topic 'weather' (topics are listed in mkdocs.yml under extra.briefing.topics: alliance, summit)",
        "mkdocs.yml:19:9: extra.briefing.sources[2].name: missing required field",
        "check failed: 5 errors, 0 warnings",
    ]


def test_every_source_is_pulled_and_one_failure_does_not_stop_the_others(make_project, server):
    sources = (
        f"      - {{name: Wire, url: '{server.url('/feed.xml')}', language: en, topics: [alliance, summit]}}\n"
        f"      - {{name: Broken XML, url: '{server.url('/malformed.xml')}'}}\n"
        f"      - {{name: Server error, url: '{server.url('/error')}'}}\n"
        f"      - {{name: Nobody home, url: '{closed_port_url()}'}}\n"
        f"      - {{name: A web page, url: '{server.url('/page.html')}'}}\n"
    )
    project = make_project({"mkdocs.yml": with_sources(sources)})
    result = ingest(project)
    assert result.returncode == 1
    assert "\x1b[" not in result.stderr  # no progress bar when not a terminal
    rows = {
        row.split("│")[1].strip(): [cell.strip() for cell in row.split("│")[2:-1]]
        for row in result.stdout.splitlines()
        if row.startswith("│")
    }
    assert rows["Wire"] == ["2", "0", "0", "0", ""]
    assert rows["Broken XML"][:4] == ["2", "0", "0", "0"] and rows["Broken XML"][4].startswith("malformed feed (line ")
    assert rows["Server error"][3] == "1" and rows["Server error"][4].startswith("HTTP 500 Internal Server Error from")
    assert rows["Nobody home"][4].endswith("connection refused")
    assert rows["A web page"][4].startswith("not an RSS or Atom feed (text/html; charset=utf-8)")
    assert "failed     Server error: HTTP 500 Internal Server Error from http://127.0.0.1:" in result.stderr
    assert "warning    Broken XML: malformed feed (line " in result.stderr
    written = articles(project)
    meta, _ = front_matter(written["2025-11-01-allies-open-talks-on-extended-deterrence"])
    assert meta["topics"] == ["alliance", "summit"] and meta["source"]["name"] == "Wire"
    assert meta["source"]["url"] == "https://wire.example/2025/11/deterrence?utm_source=rss"
    assert load(project)[1].errors == []

    again = ingest(project)
    assert again.returncode == 1 and "\nnew " not in again.stdout
    assert "│ Wire " in again.stdout and "not modified since the last run" in again.stdout
    assert server.hits.count("/feed.xml") == 2
    assert articles(project) == written


def test_ingest_twice_creates_nothing_new(make_project, server):
    project = make_project()
    first = ingest(project, "feed", server.url("/gzip.xml"), "--topics", "alliance")
    second = ingest(project, "feed", server.url("/gzip.xml"))
    assert (first.returncode, second.returncode) == (0, 0)
    assert first.stdout.count("\nnew ") == 1 and first.stdout.startswith("new ") and "\nnew " not in second.stdout
    assert second.stdout.count("already ingested as content/articles/2025/") == 2


def test_a_page_url_is_fetched_and_extracted(make_project, server):
    project = make_project()
    result = ingest(project, "page", server.url("/article.html"), "--slug", "nk-slams-drill")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("new        content/articles/2019/2019-08-20-nk-slams-drill.md\n")
    meta, body = front_matter(articles(project)["2019-08-20-nk-slams-drill"])
    assert meta["source"] == {
        "name": "Yonhap News Agency",
        "section": "North Korea",
        "url": "https://en.yna.co.kr/view/AEN20190820002300325",
    }
    assert meta["language"] == "en" and body.startswith("SEOUL, Aug. 20 (Yonhap)")


def test_no_sources_and_unknown_topics_are_usage_errors(make_project):
    project = make_project()
    result = ingest(project)
    assert result.returncode == 2 and "no sources configured" in result.stderr
    result = ingest(project, "page", "x.txt", "--topics", "weather")
    assert result.returncode == 2 and "unknown topic 'weather'" in result.stderr
    result = ingest(project, "feed", "a.xml", "b.xml")
    assert result.returncode == 1 and "failed     a.xml: a.xml: No such file or directory" in result.stderr


def unsafe_parts(page: str) -> list[str]:
    """Scripts, handlers and URLs in a built page's content that could run or fetch something from a feed."""
    found = []
    (content,) = lxml.html.fromstring(page).xpath("//article")
    for element in content.iter():
        if not isinstance(element.tag, str):
            continue
        if (
            element.tag in ("iframe", "object", "embed", "form", "input", "math")
            or element.tag == "script"
            and "alert" in (element.text or "")
        ):
            found.append(element.tag)
        for name, value in element.attrib.items():
            if name.startswith("on") or re.match(r"\s*(javascript|data|file):", value, re.I) or "xlink" in name:
                found.append(f"{element.tag} {name}={value}")
    return found


def test_hostile_feed_builds_into_a_site_that_runs_nothing(make_project, tmp_path):
    project = make_project(templates=True)
    feed = tmp_path / "hostile.xml"
    feed.write_text(HOSTILE, encoding="utf-8")
    result = ingest(project, "feed", str(feed))
    assert result.returncode == 0, result.stderr
    (article_id,) = [name for name in articles(project) if name != "2025-10-30-sample"]
    assert main(["--project", str(project), "build", "-q"]) == 0
    for language in ("en", "ko"):
        page = (project / "site" / language / "articles" / article_id / "index.html").read_text(encoding="utf-8")
        assert unsafe_parts(page) == []
        assert "Sanctions enforcement was discussed" in page
        heading = lxml.html.fromstring(page).xpath("//article//h1")[0].text_content()
        assert heading == "<script>alert('title')</script> Sanctions update {: onclick=\"alert(9)\"}"  # shown as text
