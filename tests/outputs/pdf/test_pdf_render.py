"""Rendering untrusted text: nothing outside our PDF assets is read, no tofu, Korean words kept whole."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading

import pytest

from briefing.cli import main
from briefing.outputs.fonts import FontError, check_coverage, font_stacks
from briefing.outputs.pdf.documents import keep_hangul_words, page_counter_css
from briefing.outputs.pdf.render import PdfJob, render

from support import pdftools
from support.project import ARTICLE, BRIEFING, REPO

CANARY = "CANARY-7f3a91"


@pytest.fixture
def server():
    """A local web server that records every request and would serve the canary to anyone asking."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            body = f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text y="30">{CANARY}</text></svg>'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "image/svg+xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()


@pytest.fixture
def canary(tmp_path):
    """Local files a hostile document would like to read, with the canary text in them."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "canary.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text y="30">{CANARY}</text></svg>'
    )
    (secret / "canary.txt").write_text(f"{CANARY} private notes\n")
    return secret


def test_renderer_reads_only_our_assets(tmp_path, server, canary):
    url, requests = server
    assets = tmp_path / "assets"
    shutil.copytree(REPO / "templates" / "pdf", assets)
    file_svg, file_txt = (canary / "canary.svg").as_uri(), (canary / "canary.txt").as_uri()
    hostile = f"""<!DOCTYPE html><html lang="en"><head><title>t</title>
    <link rel="stylesheet" href="print.css">
    <link rel="stylesheet" href="{url}/style.css">
    <link rel="attachment" href="{file_txt}">
    <style>@import url("{url}/import.css");
      @font-face {{ font-family: Remote; src: url("{url}/font.ttf"); }}
      body {{ background: url("{file_svg}"); }} h1 {{ background-image: url("{url}/h1.svg"); }}</style></head>
    <body><h1>Report</h1><p>Visible text.</p>
    <img src="{file_svg}" alt=""><img src="{url}/remote.svg" alt=""><img src="../secret/canary.svg" alt="">
    <object data="{file_svg}"></object><embed src="{url}/embed.svg"><iframe src="{file_svg}"></iframe>
    <a rel="attachment" href="{file_txt}">notes</a>
    <p style="background: url('{url}/inline.svg')">styled</p>
    <svg width="10" height="10"><image href="{file_svg}" width="10" height="10"/></svg>
    </body></html>"""
    rendered = render(PdfJob("hostile.pdf", hostile, assets))
    (tmp_path / "in.pdf").write_bytes(rendered.pdf)
    assert requests == []
    assert CANARY.encode() not in pdftools.inflated(tmp_path / "in.pdf", tmp_path)
    assert CANARY not in pdftools.text(tmp_path / "in.pdf")
    assert "0 embedded files" in pdftools.run("pdfdetach", "-list", str(tmp_path / "in.pdf"))
    for refused in (f"{url}/style.css", f"{url}/remote.svg", file_svg, file_txt, f"{url}/inline.svg", f"{url}/font.ttf"):
        assert refused in rendered.refused
    assert (canary / "canary.svg").as_uri() in rendered.refused  # ../secret/ resolves outside the assets
    # Our own stylesheet did load: the text is set in the fonts it names.
    assert any(font["name"].endswith("+Charis-SIL") for font in pdftools.fonts(tmp_path / "in.pdf"))


def test_hostile_article_body_builds_into_pdfs_that_read_nothing(make_project, capsys, server, canary):
    url, requests = server
    body = (
        f"Body text.\n\n![photo]({(canary / 'canary.svg').as_uri()}) ![remote]({url}/photo.svg)\n\n"
        f'<img src="{(canary / "canary.svg").as_uri()}"> <link rel="attachment" href="{(canary / "canary.txt").as_uri()}">\n\n'
        "[click me](javascript:alert(1)) and [the outlet](https://news.example/story)\n"
    )
    full = ARTICLE.replace("editor_note: null\n", "editor_note: null\nrights: full\n")  # the whole body goes into the PDF
    project = make_project(
        {"content/articles/2025/2025-10-30-sample.md": full.replace("Body of the sample article.\n", body)}, templates=True
    )
    assert main(["--project", str(project), "build", "-q"]) == 0, capsys.readouterr().err
    assert requests == []
    for language in ("en", "ko"):
        pdf = project / "site" / "pdf" / f"2025-10-31-sample.{language}.pdf"
        assert CANARY.encode() not in pdftools.inflated(pdf, project)
        text = pdftools.text(pdf)
        assert "Body text." in text and "<img" in text and 'rel="attachment"' in text  # raw HTML: text, never run
        targets = pdftools.link_targets(pdf)
        assert "https://news.example/story" in targets and not any(t.startswith("javascript:") for t in targets)


def test_glyph_check_names_the_characters_the_font_and_the_place(make_project, capsys):
    project = make_project(
        {
            "content/articles/2025/2025-10-30-sample.md": ARTICLE.replace(
                "Body of the sample article.", "Markets rose 😀 while 𓀀 was found."
            )
        },
        templates=True,
    )
    assert main(["--project", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("build failed: pdf/2025-10-31-sample.en.pdf: 2 character(s) have no glyph in font ")
    assert (
        ": '𓀀' (U+13000 EGYPTIAN HIEROGLYPH A001), '😀' (U+1F600 GRINNING FACE); first seen in “Markets rose 😀 while 𓀀 was found.”" in err
    )
    for font in ("Charis SIL (/usr/share/fonts/", "Noto Serif CJK KR (/usr/share/fonts/", "Noto Sans CJK KR (/usr/share/fonts/"):
        assert font in err
    assert "site/ left as it was" in err and "Traceback" not in err
    assert not (project / "site").exists()


def test_a_font_the_stylesheet_names_must_be_installed():
    with pytest.raises(FontError, match="font 'No Such Serif' named in the PDF stylesheet is not installed"):
        check_coverage("x.pdf", "text", font_stacks('p { font-family: "No Such Serif", serif; }'))


def test_font_stacks_come_from_every_rule_of_the_stylesheet():
    css = """html { font-family: "Charis SIL", "Noto Serif CJK KR", serif; }
             @page { @bottom-center { font-family: 'Noto Sans CJK KR'; } }
             h1 { font-family: Noto Sans CJK KR, sans-serif; }"""
    assert font_stacks(css) == [("Charis SIL", "Noto Serif CJK KR"), ("Noto Sans CJK KR",)]
    stacks = font_stacks((REPO / "templates" / "pdf" / "print.css").read_text(encoding="utf-8"))
    assert all(stack[-1].startswith("Noto") and "CJK KR" in stack[-1] for stack in stacks)
    check_coverage("demo.pdf", "한반도 브리핑 — Peninsula Briefing “quoted” 2025年 ·…", stacks)


def test_korean_words_are_joined_in_the_body_only():
    html = (
        '<head><title>한미 회담</title></head><body><p title="한미">한미 정상회담&#39;s A&amp;B 2025년</p>'
        '<a href="https://ko.example/?q=>한국">English only</a></body>'
    )
    joined = keep_hangul_words(html)
    assert joined.startswith('<head><title>한미 회담</title></head><body><p title="한미">')
    assert "한\u2060미 정\u2060상\u2060회\u2060담\u2060&#39;\u2060s A&amp;B 2\u20600\u20602\u20605\u2060년</p>" in joined
    assert '<a href="https://ko.example/?q=>한국">English only</a>' in joined


def test_page_footer_follows_the_language_word_order():
    assert page_counter_css("Page %(page)s of %(pages)s") == '"Page " counter(page) " of " counter(pages)'
    assert page_counter_css("%(pages)s쪽 중 %(page)s쪽") == 'counter(pages) "쪽 중 " counter(page) "쪽"'
    assert page_counter_css('P. "%(page)s"') == '"P\\2e  \\22 " counter(page) "\\22 "'


def test_briefing_without_articles_has_no_empty_sources_or_appendix(make_project):
    from briefing.load import load_or_raise
    from briefing.outputs.pdf.documents import Documents

    project = make_project(
        {"briefings/2025-10-31-sample.yaml": BRIEFING.replace("articles: [2025-10-30-sample]", "articles: []")}, templates=True
    )
    publication = load_or_raise(project)
    html = Documents(publication, project).briefing(publication.briefings[0], "en", "x.pdf").make().html
    assert "What happened." in html and "Sources" not in html and "Source articles" not in html


def test_korean_fonts_are_compact_subsets_that_draw_the_same_pixels(make_project, tmp_path, monkeypatch):
    """Only the glyphs used, found by CID (pdf_subset): the same page as WeasyPrint's own subsets, in a fraction of the bytes."""
    from briefing.load import load_or_raise
    from briefing.outputs.pdf import subset as pdf_subset
    from briefing.outputs.pdf.documents import Documents

    project = make_project(templates=True)
    publication = load_or_raise(project)
    job = Documents(publication, project).briefing(publication.briefings[0], "ko", "x.pdf").make()
    ours, theirs = tmp_path / "ours.pdf", tmp_path / "theirs.pdf"
    ours.write_bytes(render(job).pdf)
    monkeypatch.setattr(pdf_subset, "write_pdf", lambda document, **options: document.write_pdf(**options))
    theirs.write_bytes(render(job).pdf)
    kinds = {row.split()[0].split("+")[1]: " ".join(row.split()[1:-6]) for row in pdftools.run("pdffonts", str(ours)).splitlines()[2:]}
    assert kinds["Noto-Serif-CJK-KR"] == kinds["Noto-Sans-CJK-KR-Bold"] == "CID Type 0C"  # bare CFF, glyphs selected by CID
    assert kinds["Charis-SIL"] == "CID TrueType"
    assert ours.stat().st_size < theirs.stat().st_size / 3
    for pdf in (ours, theirs):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True)
    pages = sorted(tmp_path.glob("ours-*.png"))
    assert len(pages) == 2
    for page in pages:
        assert page.read_bytes() == (tmp_path / page.name.replace("ours", "theirs")).read_bytes(), page.name
