"""The lead an excerpt publishes: the first paragraphs, at most two and about 60 words, measured by display width for Korean."""

from __future__ import annotations

from dataclasses import replace

from briefing.model import Article, Source
from briefing.outputs.site.article_html import article_html
from briefing.outputs.site.excerpt import LEAD_WIDTH, lead, paragraphs, published_body
from briefing.outputs.text_width import display_width

ENGLISH = (
    "## Talks open\n\n"
    "Negotiators from both sides met in [Seoul](https://news.example/seoul) on *Tuesday* to open the talks.\n\n"
    + " ".join(["The second paragraph goes on at length about what each delegation wants from the round."] * 6)
    + "\n\nThe closing paragraph says what happens next week."
)
KOREAN = "\n\n".join(
    ["한미 양국은 화요일 서울에서 후속 협의를 시작했으며 대북정책과 확장억제 방안을 폭넓게 논의했다고 외교부가 밝혔다. " * 5] * 4
    + ["마지막 문단은 공개되지 않는다."]
)


def shown(markdown: str) -> str:
    """The lead's plain text as readers see it."""
    return " ".join(text for _, text in paragraphs(markdown))


def width(markdown: str) -> int:
    return sum(display_width(text) for _, text in paragraphs(markdown))


def test_an_english_lead_is_at_most_two_paragraphs_and_about_sixty_words():
    cut = lead(ENGLISH)
    blocks = cut.split("\n\n")
    assert len(blocks) == 2
    assert (
        blocks[0] == "Negotiators from both sides met in [Seoul](https://news.example/seoul) on *Tuesday* to open the talks."
    )  # kept whole, links too
    assert blocks[1].startswith("The second paragraph goes on") and blocks[1].endswith("…")
    assert 45 <= len(shown(cut).split()) <= 65
    assert width(cut) <= LEAD_WIDTH
    assert "closing paragraph" not in cut and "Talks open" not in cut


def test_a_korean_lead_is_measured_in_display_columns_and_cut_between_words():
    cut = shown(lead(KOREAN))
    assert LEAD_WIDTH - 40 <= width(lead(KOREAN)) <= LEAD_WIDTH
    assert cut.endswith("…")
    words = KOREAN.split()
    assert cut.removesuffix("…").split() == words[: len(cut.split())]  # whole words (the last may lose a trailing comma)
    assert "마지막" not in cut


def test_a_short_body_is_its_own_lead_and_two_short_paragraphs_stay_whole():
    assert lead("One short paragraph.") == "One short paragraph."
    assert lead("First.\n\nSecond.\n\nThird.") == "First.\n\nSecond."


def test_a_cut_paragraph_is_plain_text_that_cannot_become_a_list_a_heading_or_markup():
    cut = lead("1986\\. " + "word " * 200)
    assert str(article_html(cut)).startswith("<p>1986. word")  # not an ordered list starting at 1986
    assert str(article_html(lead("\\# " + "word " * 200))).startswith("<p># word")  # not a heading
    assert lead("- item\n- " + "word " * 200).startswith("item word")  # a body without paragraphs leads with its text


def test_rights_decide_what_is_published():
    article = Article("a", "Title", Source("Outlet", None, "https://o.example/a"), None, None, "en", (), ENGLISH, rights="excerpt")
    assert published_body(article) == lead(ENGLISH)
    assert published_body(replace(article, rights="full")) == ENGLISH
    assert published_body(replace(article, rights="link")) == ""
