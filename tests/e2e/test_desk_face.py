"""What a reader sees of the desk: its identity in the header and footer, and a briefing page that reads like a briefing."""

from __future__ import annotations

import html as entities
import re
from pathlib import Path

from briefing.cli import main
from briefing.engine.palette import NEUTRAL_PRIMARY

from support.project import CONFIG

MIDDLE = "2025-12-17-summit-follow-up-talks"  # the demo's briefing with one before and one after it
MATERIAL = Path(__import__("material").__file__).parent / "templates"
BOOK = re.search(r' d="([^"]+)"', (MATERIAL / ".icons/material/library.svg").read_text()).group(1)  # Material's default logo


def page(site: Path, path: str) -> str:
    return entities.unescape((site / path).read_text(encoding="utf-8"))


def footer(text: str) -> str:
    return text.split('<footer class="md-footer briefing-footer">')[1]


def test_demo_desk_has_its_logo_colours_and_footer_in_each_language(demo_site):
    english, korean = page(demo_site, "en/index.html"), page(demo_site, "ko/index.html")
    assert '<img src="assets/desk/logo.svg" alt="">' in english
    assert (demo_site / "en/assets/desk/logo.svg").read_bytes() == (demo_site.parent / "assets/logo.svg").read_bytes()
    assert 'data-md-color-primary="custom"' in english and "--md-primary-fg-color:#12355b" in english
    assert "한미동맹 외교와 대북정책, 제재와 통상을 보도된 기사로 짚어 전하는 독립 브리핑 데스크입니다." in footer(korean)
    assert "© 2025 한반도 브리핑" in footer(korean) and "© 2025 Peninsula Briefing" in footer(english)
    assert '<a href="mailto:desk@briefing.example.org">' in footer(english)
    assert ">정정 보도 원칙</a>" in footer(korean) and ">Corrections policy</a>" in footer(english)
    assert '<span class="md-ellipsis briefing-short-name">\n            Peninsula\n' in english


def test_without_identity_the_design_is_neutral_never_materials_stock(make_project):
    project = make_project({"mkdocs.yml": CONFIG.replace("  font: false\n", "")}, templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    home = page(project / "site", "en/index.html")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home  # whatever theme.font says
    assert "<img" not in home and BOOK not in home  # no logo: no book icon in its place
    assert 'data-md-color-primary="custom"' in home and f"--md-primary-fg-color:{NEUTRAL_PRIMARY}" in home
    assert "indigo" not in home
    assert (project / "site/en/assets/images/favicon.png").read_bytes() != (MATERIAL / "assets/images/favicon.png").read_bytes()
    assert "Test Briefing" in footer(home)


def test_briefing_top_has_desk_times_in_the_zone_and_topics_before_the_lead(demo_site):
    korean = page(demo_site, "ko/briefings/2025-10-30-summit-balanced-results/index.html")
    english = page(demo_site, "en/briefings/2025-10-30-summit-balanced-results/index.html")
    assert re.search(
        r'한반도 브리핑 편집팀</span> <span class="briefing-time">게재 <time datetime="2025-10-30T18:00:00\+09:00">'
        r"2025년 10월 30일 오후 6:00 KST</time>",
        korean,
    )
    assert '<time datetime="2025-10-30T18:00:00+09:00">October 30, 2025, 6:00 PM KST</time>' in english
    updated = page(demo_site, "en/briefings/2025-12-19-from-summit-to-implementation/index.html")
    assert 'Updated <time datetime="2025-12-19T15:20:00+09:00">December 19, 2025, 3:20 PM KST</time>' in updated
    topics, actions, lead = (
        english.index(marker) for marker in ('class="briefing-topics"', 'class="briefing-actions"', 'class="briefing-lead"')
    )
    assert topics < actions < lead < english.index(">Key points</h2>") < english.index(">Sources</h2>")
    assert '<a href="../../topics/alliance/">Alliance</a>' in english[topics:actions]
    assert "feed.xml" in english[actions:lead] and "mailto:?subject=" in english[actions:lead] and ".pdf" in english[actions:lead]


def test_briefing_ends_with_the_briefings_before_and_after_it(demo_site):
    middle = page(demo_site, f"en/briefings/{MIDDLE}/index.html")
    neighbours = middle.split('class="briefing-neighbours"')[1].split("</nav>")[0]
    assert re.search(r'class="briefing-previous" href="../2025-10-30-summit-balanced-results/">.*Previous briefing', neighbours)
    assert re.search(r'class="briefing-next" href="../2025-12-19-from-summit-to-implementation/">.*Next briefing', neighbours)
    newest = page(demo_site, "ko/briefings/2025-12-19-from-summit-to-implementation/index.html")
    assert "briefing-previous" in newest and "briefing-next" not in newest


def test_listings_show_briefings_without_a_contents_sidebar(demo_site):
    home = page(demo_site, "en/index.html")
    for listing in (home, page(demo_site, "ko/archive/2025-12/index.html"), page(demo_site, "en/topics/alliance/index.html")):
        assert 'data-md-type="toc" hidden' in listing
    assert home.index("From summit to implementation") < home.index("Seoul and Washington open") < home.index("U.S. diplomats see")
