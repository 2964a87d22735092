"""Sources within their rights, as readers get them: an excerpt article's page, feeds, search files and PDF carry its
lead and never the end of its text; a `link` article no text at all; a `full` one all of it; the preview all, marked."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from briefing.cli import main
from briefing.i18n import LOCALES_DIR, Localizer
from briefing.load.publication import load_or_raise
from briefing.outputs.formats import BRIEFING_PDF
from briefing.preview_extras import with_extras

from support import pdftools
from support.payloads import MARK, html_payloads, live_markup_in_site, markdown_payloads
from support.project import BRIEFING, CONFIG, REPO, write_tree

SOURCES = '    sources:\n      - {name: Licensed Wire, url: "https://wire.example/rss.xml", rights: full}\n'

# Each article: a lead word in its first sentence, a word only in its last (words no other text holds).
EXCERPT_BODY = (
    "Quokkalead negotiators met in Seoul on Tuesday to open a new round of talks on the alliance.\n\n"
    + " ".join(["Officials said the agenda covered deterrence, trade and the timing of the next summit."] * 5)
    + "\n\nA third paragraph adds detail that only the full text holds.\n\nThe talks end with the zebrafinale statement."
)
LINK_BODY = "Otterlead sentence of an article the desk may only link.\n\nIts last sentence says wombatending."
FULL_BODY = "Pelicanlead opens a licensed wire story.\n\n" + "Filler text of the wire story. " * 40 + "\n\nIt closes with herontail."
KOREAN_BODY = "\n\n".join(
    ["한미 양국은 서울에서 후속 협의를 시작했다고 외교부가 밝혔다. " * 6] * 3 + ["끝문단표지 문장은 공개되지 않는다."]
)
PAYLOADS = html_payloads() + markdown_payloads()


def article(article_id: str, body: str, outlet: str = "Sample Daily", extra: str = "", language: str = "en") -> str:
    return (
        f"---\nid: {article_id}\ntitle: Article {article_id}\n"
        f'source: {{name: {outlet}, section: null, url: "https://news.example/{article_id}"}}\n'
        f"author: null\npublished: 2025-10-30T11:50:28+09:00\nlanguage: {language}\ntopics: [alliance]\n{extra}---\n{body}\n"
    )


def cited(briefing_id: str, ids: list[str]) -> str:
    return BRIEFING.replace("2025-10-31-sample", briefing_id).replace("[2025-10-30-sample]", "[" + ", ".join(ids) + "]")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    files = {
        "mkdocs.yml": CONFIG + SOURCES,
        "content/articles/2025/2025-10-30-excerpt.md": article("2025-10-30-excerpt", EXCERPT_BODY),
        "content/articles/2025/2025-10-30-link.md": article("2025-10-30-link", LINK_BODY, extra="rights: link\n"),
        "content/articles/2025/2025-10-30-full.md": article("2025-10-30-full", FULL_BODY, outlet="Licensed Wire"),
        "content/articles/2025/2025-10-30-korean.md": article("2025-10-30-korean", KOREAN_BODY, language="ko"),
        "briefings/2025-10-31-sample.yaml": cited(
            "2025-10-31-sample", ["2025-10-30-excerpt", "2025-10-30-link", "2025-10-30-full", "2025-10-30-korean"]
        ),
        "briefings/2025-10-31-payloads.yaml": cited("2025-10-31-payloads", [f"2025-10-30-payload-{n}" for n in range(len(PAYLOADS))]),
    }
    for n, payload in enumerate(PAYLOADS):  # each payload a whole first paragraph: the lead keeps it as Markdown
        files[f"content/articles/2025/2025-10-30-payload-{n}.md"] = article(
            f"2025-10-30-payload-{n}", f"{payload}\n\nSecond paragraph.\n\nNot in the lead."
        )
    root = write_tree(tmp_path_factory.mktemp("rights") / "project", files)
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def site(project):
    assert main(["--project", str(project), "build", "-q"]) == 0
    return project / "site"


def flat(text: str) -> str:
    """Text with lines joined and words cut at a line's end put together (pdftotext, wrapped feeds)."""
    return " ".join(re.sub(r"-\n", "", text).split()).lower()


def page(site, language: str, article_id: str) -> str:
    return flat((site / language / "articles" / article_id / "index.html").read_text(encoding="utf-8"))


def test_an_excerpt_page_shows_the_lead_the_outlet_and_the_link_not_the_end(site):
    for language in ("en", "ko"):
        shown = page(site, language, "2025-10-30-excerpt")
        assert "quokkalead" in shown and "zebrafinale" not in shown and "third paragraph" not in shown
        assert 'href="https://news.example/2025-10-30-excerpt">sample daily</a>' in shown
        assert ("<strong>excerpt</strong>" if language == "en" else "<strong>발췌</strong>") in shown
        korean = page(site, language, "2025-10-30-korean")
        assert "한미 양국은" in korean and "끝문단표지" not in korean


def test_a_link_page_shows_no_text_and_a_full_page_all_of_it(site):
    linked = page(site, "en", "2025-10-30-link")
    assert "otterlead" not in linked and "wombatending" not in linked
    assert "text not published here" in linked and 'href="https://news.example/2025-10-30-link"' in linked
    full = page(site, "en", "2025-10-30-full")
    assert "pelicanlead" in full and "herontail" in full and "excerpt</strong>" not in full


def test_feeds_quote_each_sources_lead_and_never_more(site):
    for language in ("en", "ko"):
        for name in ("feed.xml", "atom.xml", "feed.json"):
            text = (site / language / name).read_text(encoding="utf-8")
            shown = flat(json.dumps(json.loads(text), ensure_ascii=False) if name.endswith(".json") else text)
            assert "quokkalead" in shown and "pelicanlead" in shown, name
            assert not {"zebrafinale", "herontail", "otterlead", "wombatending", "끝문단표지"} & set(re.findall(r"\w+", shown)), name


def test_search_files_hold_the_lead_and_not_the_end(site):
    for language in ("en", "ko"):
        text = flat(" ".join(path.read_text(encoding="utf-8") for path in (site / language / "search").rglob("*.json")))
        assert "quokkalead" in text and "herontail" in text  # a full article is searchable to its end
        assert "zebrafinale" not in text and "otterlead" not in text and "wombatending" not in text


def test_the_briefing_pdf_prints_what_each_article_may_publish(site):
    for language in ("en", "ko"):
        text = flat(pdftools.text(site / BRIEFING_PDF.path_for(key="2025-10-31-sample", language=language)))
        assert "quokkalead" in text and "zebrafinale" not in text
        assert "otterlead" not in text and "wombatending" not in text
        assert "pelicanlead" in text and "herontail" in text
        assert "끝문단표지" not in text


def test_payloads_in_an_excerpt_stay_inert_and_show_as_text(site):
    assert live_markup_in_site(site) == {}
    for n in range(len(PAYLOADS)):
        shown = (site / "en" / "articles" / f"2025-10-30-payload-{n}" / "index.html").read_text(encoding="utf-8")
        assert MARK in shown.split('class="article-body"')[1], PAYLOADS[n]


def test_the_preview_shows_editors_the_whole_text_marked_as_not_published(project, site):
    """`briefing serve` serves the page a build writes, and adds the whole text for editors."""
    publication = load_or_raise(project)
    localizers = {code: Localizer(publication.config, code, project / LOCALES_DIR) for code in ("en", "ko")}

    def served(language: str, article_id: str) -> str:
        built = (site / language / "articles" / article_id / "index.html").read_bytes()
        return flat(with_extras(built, f"/{language}/articles/{article_id}/", publication, localizers).decode("utf-8"))

    shown = served("en", "2025-10-30-excerpt")
    assert "quokkalead" in shown and "zebrafinale" in shown and "not published in full" in shown and "rights: excerpt" in shown
    assert shown.index("not published in full") < shown.index("<strong>excerpt</strong>")  # above the text readers see
    assert "끝문단표지" in served("ko", "2025-10-30-korean") and "wombatending" in served("en", "2025-10-30-link")
    assert "not published in full" not in served("en", "2025-10-30-full")


def test_check_says_how_many_articles_publish_in_full(project, capsys):
    assert main(["--project", str(project), "check"]) == 0
    articles = 4 + len(PAYLOADS)
    assert capsys.readouterr().out.startswith(f"ok: {articles} articles (1 in full), 2 briefings")
