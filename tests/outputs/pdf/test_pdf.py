"""The demo's PDFs as readers, printers and machines see them: per briefing, weekly digests, links from the site."""

from __future__ import annotations

import html as entities
import re

import pytest
import yaml

from briefing.load import load

from support import pdftools
from support.project import REPO

BRIEFING = "2025-10-30-summit-balanced-results"


def source(briefing_id: str) -> dict:
    return yaml.safe_load((REPO / "briefings" / f"{briefing_id}.yaml").read_text(encoding="utf-8"))


def one_line(text: str) -> str:
    """A paragraph as pdftotext gives it, lines joined by one space (Korean breaks only at spaces)."""
    return " ".join(text.split())


def test_every_briefing_has_an_a4_pdf_per_language(demo_site):
    for briefing in load(REPO)[0].briefings:
        for language in ("en", "ko"):
            pdf = demo_site / "pdf" / f"{briefing.id}.{language}.pdf"
            info = pdftools.info(pdf)
            assert info["Page size"].startswith("595.276 x 841.89 pts (A4)")
            assert info["Title"] == source(briefing.id)["title"][language]


@pytest.mark.parametrize("language, other", [("en", "ko"), ("ko", "en")])
def test_briefing_page_links_its_pdf_in_both_languages(demo_site, language, other):
    page_folder = demo_site / language / "briefings" / BRIEFING
    links = re.findall(r'<a href="([^"]+\.pdf)"[^>]*hreflang="(\w+)"', (page_folder / "index.html").read_text(encoding="utf-8"))
    assert [hreflang for _, hreflang in links] == [language, other]  # the page's own language first
    for href, hreflang in links:
        assert (page_folder / href).resolve() == (demo_site / "pdf" / f"{BRIEFING}.{hreflang}.pdf").resolve()


def test_korean_and_english_text_come_out_intact(demo_site):
    """pdftotext gives back every word: Korean lines break only between words, English re-joins across hyphens."""
    briefing = source(BRIEFING)
    korean = one_line(pdftools.text(demo_site / "pdf" / f"{BRIEFING}.ko.pdf"))
    for text in (briefing["title"]["ko"], briefing["summary"]["ko"], *(p["ko"] for p in briefing["key_points"])):
        assert one_line(text) in korean
    english = pdftools.squashed(pdftools.text(demo_site / "pdf" / f"{BRIEFING}.en.pdf"))
    for text in (briefing["title"]["en"], briefing["summary"]["en"], *(p["en"] for p in briefing["key_points"])):
        assert pdftools.squashed(text) in english
    assert "\u2060" not in korean  # the word joiners that keep Korean words whole are not text


def test_korean_pdf_keeps_words_whole_at_line_ends(demo_site):
    words = set(" ".join(one_line(b["summary"]["ko"]) for b in map(source, [BRIEFING])).split())
    lines = pdftools.text(demo_site / "pdf" / f"{BRIEFING}.ko.pdf", first=1, last=1).splitlines()
    summary_lines = [line for line in lines if line.split() and set(line.split()) <= words]
    assert len(summary_lines) >= 3
    for line in summary_lines:
        assert line.split()[-1] in words and line.split()[0] in words


def test_fonts_are_embedded_subsets_korean_and_latin(demo_site):
    for language, body_font in (("ko", "Noto-Serif-CJK-KR"), ("en", "Charis-SIL")):
        fonts = pdftools.fonts(demo_site / "pdf" / f"{BRIEFING}.{language}.pdf")
        assert any(font["name"].endswith("+" + body_font) for font in fonts)
        assert all(font["emb"] == "yes" and font["sub"] == "yes" and font["uni"] == "yes" for font in fonts), fonts
        assert all(re.match(r"[A-Z]{6}\+", font["name"]) for font in fonts)


def test_every_pdf_passes_qpdf_check(demo_site):
    pdfs = sorted((demo_site / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 10
    for pdf in pdfs:
        assert "No syntax or stream encoding errors found" in pdftools.run("qpdf", "--check", str(pdf)), pdf


def test_metadata_language_and_tags(demo_site):
    briefing = source(BRIEFING)
    for language, author in (("en", "Peninsula Briefing desk"), ("ko", "한반도 브리핑 편집팀")):
        pdf = demo_site / "pdf" / f"{BRIEFING}.{language}.pdf"
        info = pdftools.info(pdf)
        assert (info["Title"], info["Author"]) == (briefing["title"][language], author)
        assert one_line(info["Subject"]) == one_line(briefing["summary"][language])
        assert info["Tagged"] == "yes"
        assert info["CreationDate"].startswith("2025-10-30T18:00:00+09")  # the briefing's `published`
        catalog = pdftools.catalog(pdf)
        assert catalog["/Lang"] == f"u:{language}"
        assert "/StructTreeRoot" in catalog


def test_per_briefing_pdf_lists_sources_and_appends_their_text(demo_site):
    pdf = demo_site / "pdf" / f"{BRIEFING}.en.pdf"
    text = one_line(pdftools.text(pdf))
    assert "SOURCES [1] U.S. Diplomatic Circles:" in text
    assert "Excerpt https://briefing.example.org/en/articles/2025-10-30-us-diplomatic-circles-summit/" in text
    assert "U.S. diplomatic circles are evaluating the recent U.S.-Korea summit" in text  # the article's lead, appended
    assert "Excerpt · Full article: 자유NKorea" in text  # the demo's articles publish their lead (rights: excerpt)
    assert "Editor's note" not in text and "The byline gives the time with no zone" not in text  # notes are for editors
    assert pdftools.outline(pdf) == [
        (0, source(BRIEFING)["title"]["en"]),
        (1, "Source articles"),
        (2, '1. U.S. Diplomatic Circles: "U.S.-Korea Summit Yielded Balanced Results, Detailed Coordination Remains Key Task"'),
    ]
    assert "https://briefing.example.org/en/articles/2025-10-30-us-diplomatic-circles-summit/" in pdftools.link_targets(pdf)


def digest_links(demo_site, language: str) -> list[str]:
    page = (demo_site / language / "digests" / "index.html").read_text(encoding="utf-8")
    return re.findall(r'href="([^"]+\.pdf)"[^>]*hreflang="' + language + '"', page)


def test_digests_page_links_one_digest_per_week_in_each_language(demo_site):
    weeks = sorted({f"{b.date.isocalendar()[0]}-W{b.date.isocalendar()[1]:02d}" for b in load(REPO)[0].briefings}, reverse=True)
    for language in ("en", "ko"):
        links = digest_links(demo_site, language)
        assert links == [f"../../pdf/digests/{week}.{language}.pdf" for week in weeks]
        for link in links:
            assert (demo_site / language / "digests" / link).is_file()
    assert 'href="digests/"' in (demo_site / "en" / "index.html").read_text(encoding="utf-8")  # nav and home
    nav = entities.unescape((demo_site / "ko" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r'<a href="digests/" class="md-nav__link">\s*<span class="md-ellipsis">\s*브리핑 모음', nav)


@pytest.mark.parametrize(
    "language, cover, contents, footer, header",
    [
        (
            "en",
            [
                "Peninsula Briefing",
                "WEEKLY DIGEST",
                "Week 51, 2025",
                "Dec 15 – 21, 2025",
                "2 briefings",
                "Issued Friday, December 19, 2025",
            ],
            "Contents",
            "Page 3 of 4",
            "Peninsula Briefing Dec 15 – 21, 2025",
        ),
        (
            "ko",
            ["한반도 브리핑", "주간 브리핑 모음", "2025년 51주차", "2025년 12월 15일~21일", "브리핑 2건", "발행일 2025년 12월 19일 금요일"],
            "차례",
            "4쪽 중 3쪽",
            "한반도 브리핑 2025년 12월 15일~21일",
        ),
    ],
)
def test_weekly_digest_cover_contents_header_footer_bookmarks(demo_site, language, cover, contents, footer, header):
    pdf = demo_site / "pdf" / "digests" / f"2025-W51.{language}.pdf"
    titles = [source(b)["title"][language] for b in ("2025-12-17-summit-follow-up-talks", "2025-12-19-from-summit-to-implementation")]
    cover_text = one_line(pdftools.text(pdf, 1, 1))
    position = 0
    for expected in cover:  # in this order
        position = cover_text.index(expected, position)
    toc = one_line(pdftools.text(pdf, 2, 2))
    shown = [one_line(title).replace("'", "’") for title in titles]  # headlines take typographic quotes
    assert re.search(re.escape(shown[0]) + r" .*?\.{5,} ?3 ", toc) and re.search(re.escape(shown[1]) + r" .*?\.{5,} ?4\b", toc)
    page_three = one_line(pdftools.text(pdf, 3, 3))
    assert page_three.startswith(header) and page_three.endswith(footer)
    assert shown[0] in page_three
    assert pdftools.outline(pdf) == [(0, contents), (0, titles[0]), (0, titles[1])]
    assert pdftools.info(pdf)["Pages"] == "4"


def test_digest_contents_entries_link_to_their_briefings(demo_site):
    pdf = demo_site / "pdf" / "digests" / "2025-W51.en.pdf"
    destinations = pdftools.catalog(pdf)["/Names"]["/Dests"]["/Names"]
    names = [name for name in destinations if isinstance(name, str)]
    assert names == ["u:briefing-2025-12-17-summit-follow-up-talks", "u:briefing-2025-12-19-from-summit-to-implementation"]
    internal = [
        value["/Dest"]
        for value in (o.get("value") for o in pdftools.objects(pdf).values())
        if isinstance(value, dict) and value.get("/Subtype") == "/Link" and "/Dest" in value
    ]
    assert sorted(set(internal)) == names
    assert all(internal.count(name) >= 2 for name in names)  # the title and the page number of each entry


def test_a_digest_of_one_briefing_has_no_contents_page_and_its_cover_dates_stay_whole(demo_site):
    for language, dates in (("en", "Oct 27 – Nov 2, 2025"), ("ko", "2025년 10월 27일 ~ 11월 2일")):
        pdf = demo_site / "pdf" / "digests" / f"2025-W44.{language}.pdf"
        assert pdftools.info(pdf)["Pages"] == "2"  # the cover, then the briefing
        assert [level for level, _ in pdftools.outline(pdf)] == [0]  # its bookmark, no "Contents"
        cover = pdftools.run("pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-").replace("\u2060", "")
        assert any(dates in " ".join(line.split()) for line in cover.splitlines()), cover


def test_headlines_have_typographic_quotes_and_no_hyphens(demo_site):
    text = one_line(pdftools.text(demo_site / "pdf" / f"{BRIEFING}.en.pdf"))
    assert "1 U.S. Diplomatic Circles: “U.S.-Korea Summit Yielded Balanced Results, Detailed Coordination Remains Key Task”" in text
