"""Social cards as a link preview shows them: the right size, every character drawn, drawn again only when changed."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from briefing.cli import main
from briefing.diagnostics import BuildError
from briefing.load import load_or_raise
from briefing.outputs.cards import write_cards
from briefing.outputs.cards.draw import SIZE, TITLE_LINES, Card, _font, draw, shortened, wrap
from briefing.progress import Reporter
from briefing.workspace import Workspace

from support.project import BRIEFING, REPO

LONG_KOREAN = (
    '한미 외교장관 회담서 확장억제 강화·공급망 협력 재확인… 블링컨 장관 "북한 비핵화는 여전히 최우선 과제" 강조하며 '
    "IRA·CHIPS법 후속 조치와 대북제재 이행 점검도 논의한 것으로 알려져 파장이 예상되는 가운데 야당은 즉각 반발했다"
)


def test_every_card_is_a_small_1200_by_630_png(demo_site):
    cards = sorted(demo_site.glob("*/cards/*.png"))
    assert len(cards) == 2 * (1 + len(load_or_raise(demo_site.parent).briefings))
    for card in cards:
        data = card.read_bytes()
        assert len(data) < 200_000, card
        assert Image.open(io.BytesIO(data)).size == SIZE


def test_cards_are_announced_in_heads_and_json_feed(demo_site):
    import lxml.html

    briefing = load_or_raise(demo_site.parent).briefings[0]
    for language in ("en", "ko"):
        card = f"https://briefing.example.org/{language}/cards/{briefing.id}.png"
        page = lxml.html.parse(str(demo_site / language / "briefings" / briefing.id / "index.html")).getroot()
        assert page.xpath('//meta[@property="og:image"]/@content') == [card]
        assert page.xpath('//meta[@name="twitter:card"]/@content') == ["summary_large_image"]
        assert json.loads(page.xpath('//script[@type="application/ld+json"]/text()')[0])["image"] == card
        home = lxml.html.parse(str(demo_site / language / "index.html")).getroot()
        assert home.xpath('//meta[@property="og:image"]/@content') == [f"https://briefing.example.org/{language}/cards/home.png"]
        items = json.loads((demo_site / language / "feed.json").read_text(encoding="utf-8"))["items"]
        assert next(item for item in items if item["url"].endswith(f"/{briefing.id}/"))["image"] == card


def test_a_long_title_wraps_by_width_and_ends_with_an_ellipsis():
    font = _font(48, "bold")
    width = SIZE[0] - 144
    lines = shortened(wrap(LONG_KOREAN * 2, font, width), font, width, TITLE_LINES)
    assert len(lines) == TITLE_LINES and lines[-1].endswith("…")
    assert all(font.getlength(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "").rstrip("…") in LONG_KOREAN.replace(" ", "") * 2  # cut between words, nothing lost inside
    unbroken = wrap("가" * 100, font, width)  # one word wider than a line: broken between syllables
    assert len(unbroken) > 1 and "".join(unbroken) == "가" * 100


def test_drawing_is_repeatable():
    card = Card(LONG_KOREAN, "2025년 10월 30일 · 한미동맹", "한반도 브리핑", "#4051b5", "#fff")
    assert draw(card) == draw(card)


def test_a_character_no_font_has_stops_the_build_naming_it(make_project, tmp_path):
    project = make_project({"briefings/2025-10-31-sample.yaml": BRIEFING.replace("Sample briefing", "Sample \U00013000 briefing")})
    publication = load_or_raise(project)
    with pytest.raises(BuildError, match=r"en/cards/2025-10-31-sample.png: 1 character\(s\) have no glyph .*U\+13000"):
        write_cards(publication, tmp_path / "site", Workspace.of(project), REPO / "locales", ("#4051b5", "#fff"), Reporter(quiet=True))


def test_a_rebuild_draws_only_the_changed_cards(make_project, capsys):
    project = make_project(templates=True)

    def drawn() -> str:
        assert main(["--project", str(project), "build"]) == 0
        return next(line for line in capsys.readouterr().err.splitlines() if "social card" in line)

    assert drawn() == "Drew 4 social cards, 0 unchanged"
    assert drawn() == "Drew 0 social cards, 4 unchanged"
    briefing = project / "briefings/2025-10-31-sample.yaml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace("Sample briefing", "A new title"), encoding="utf-8")
    assert drawn() == "Drew 1 social card, 3 unchanged"
