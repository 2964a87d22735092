"""What an article may publish: its own `rights`, else its feed source's (by the outlet's name), else `excerpt`."""

from __future__ import annotations

from briefing.load import load

from support.project import ARTICLE, CONFIG

SOURCES = """\
    sources:
      - {name: Licensed Wire, url: "https://wire.example/rss.xml", rights: full}
      - {name: Headlines Only, url: "https://headlines.example/rss.xml", rights: link}
      - {name: Plain Feed, url: "https://plain.example/rss.xml"}
"""


def article(article_id: str, outlet: str, rights: str | None = None) -> str:
    text = ARTICLE.replace("2025-10-30-sample", article_id).replace("name: Sample Daily", f"name: {outlet}")
    return text.replace("editor_note: null\n", f"editor_note: null\nrights: {rights}\n") if rights else text


def test_an_articles_own_rights_win_then_its_sources_then_excerpt(make_project):
    files = {
        "mkdocs.yml": CONFIG + SOURCES,
        "content/articles/2025/2025-10-30-wire.md": article("2025-10-30-wire", "Licensed Wire"),
        "content/articles/2025/2025-10-30-wire-quoted.md": article("2025-10-30-wire-quoted", "Licensed Wire", "excerpt"),
        "content/articles/2025/2025-10-30-headline.md": article("2025-10-30-headline", "Headlines Only"),
        "content/articles/2025/2025-10-30-plain.md": article("2025-10-30-plain", "Plain Feed"),
        "content/articles/2025/2025-10-30-elsewhere.md": article("2025-10-30-elsewhere", "Elsewhere Times", "full"),
    }
    publication, problems = load(make_project(files))
    assert problems.errors == []
    assert {key: a.rights for key, a in publication.articles.items()} == {
        "2025-10-30-sample": "excerpt",  # no source of that name, no setting of its own
        "2025-10-30-wire": "full",
        "2025-10-30-wire-quoted": "excerpt",
        "2025-10-30-headline": "link",
        "2025-10-30-plain": "excerpt",
        "2025-10-30-elsewhere": "full",
    }


def test_an_unknown_rights_value_is_named_with_its_place(make_project):
    files = {
        "mkdocs.yml": CONFIG + "    sources:\n      - {name: Wire, url: 'https://wire.example/rss', rights: everything}\n",
        "content/articles/2025/2025-10-30-sample.md": ARTICLE.replace("editor_note: null\n", "editor_note: null\nrights: Full\n"),
    }
    publication, problems = load(make_project(files))
    assert publication is None
    assert [str(p) for p in problems.sorted()] == [
        "mkdocs.yml:17:63: extra.briefing.sources[0].rights: expected one of full, excerpt, link, got 'everything'"
    ]
    publication, problems = load(
        make_project({"content/articles/2025/2025-10-30-sample.md": files["content/articles/2025/2025-10-30-sample.md"]})
    )
    assert [str(p) for p in problems.sorted()] == [
        "content/articles/2025/2025-10-30-sample.md:10:9: rights: expected one of full, excerpt, link, got 'Full'"
    ]
