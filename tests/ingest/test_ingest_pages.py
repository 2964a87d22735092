"""Saved pages and pasted text to articles: the seeds match the curated demo, real pages come out clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from briefing.ingest.html_page import parse_page
from briefing.ingest.pasted import parse_pasted
from briefing.load import load

from support.ingest_fixtures import REAL_PAGES, SEEDS, articles, front_matter
from support.project import REPO, copy_demo_settings


def ingest(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "ingest", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def demo_config_project(tmp_path):
    """An empty publication with the demo's settings (time zone, topics)."""
    copy_demo_settings(tmp_path)
    return tmp_path


SEED_CASES = [
    (
        "000_51a7dab4af829f9d.txt",
        "content/articles/2025/2025-10-30-us-diplomatic-circles-summit.md",
        "us-diplomatic-circles-summit",
        "alliance,summit,security,trade",
    ),
    (
        "002_a9ccbddb8078eaa8.txt",
        "content/articles/undated/summit-follow-up-talks.md",
        "summit-follow-up-talks",
        "alliance,summit,north-korea,inter-korean",
    ),
]


@pytest.mark.parametrize("seed, curated, slug, topics", SEED_CASES)
def test_seed_imports_to_the_curated_demo_article(demo_config_project, seed, curated, slug, topics):
    result = ingest(demo_config_project, "page", str(SEEDS / seed), "--slug", slug, "--topics", topics)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"new        {curated}\n")
    got_front, got_body = front_matter(demo_config_project / curated)
    want_front, want_body = front_matter(REPO / curated)
    for field in ("id", "title", "source", "author", "published", "language", "topics", "editor_note"):
        assert got_front[field] == want_front[field], field
    assert set(got_front) == set(want_front)
    assert got_body == want_body


@pytest.mark.parametrize("seed, curated", [(seed, curated) for seed, curated, _, _ in SEED_CASES])
def test_seed_already_in_the_demo_is_reported_as_skipped_naming_its_file(tmp_path, seed, curated):
    copy_demo_settings(tmp_path)
    shutil.copytree(REPO / "content", tmp_path / "content")
    result = ingest(tmp_path, "page", str(SEEDS / seed))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("skipped    ") and f": already in content/ as {curated} (never overwritten)\n" in result.stdout


def test_seed_with_byline_gives_author_time_outlet_and_section():
    draft = parse_pasted((SEEDS / "000_51a7dab4af829f9d.txt").read_text(encoding="utf-8"), "Asia/Seoul")
    assert (draft.source_name, draft.section, draft.author) == ("자유NKorea", "정치", "류근웅")
    assert draft.published.isoformat() == "2025-10-30T11:50:28+09:00"
    assert "관련 기사" not in draft.body and "AliExpress" not in draft.body and draft.title not in draft.body
    assert draft.body.count("\n\n") == 4  # five paragraphs, nothing else


def test_seed_imported_without_choices_gets_a_slug_from_its_title(demo_config_project):
    result = ingest(demo_config_project, "page", str(SEEDS / "000_51a7dab4af829f9d.txt"), str(SEEDS / "002_a9ccbddb8078eaa8.txt"))
    assert result.returncode == 0, result.stderr
    assert set(articles(demo_config_project)) == {
        "2025-10-30-us-diplomatic-circles-us-korea-summit-yielded-balanced",
        "south-korea-and-the-united-states-launched-summit-follow-up",
    }
    assert load(demo_config_project)[1].errors == []


PASTED_KOREAN = """\
전체메뉴
로그인
회원가입
한반도일보
[외교]
한미, 대북 제재 이행 점검 회의 개최
입력 2025.11.05 16:20
수정 2025.11.05 18:02
공유하기
김하늘 기자
한미 양국은 5일 서울에서 대북 제재 이행 상황을 점검하는 회의를 열었다고 외교부가 밝혔다.
양측은 선박 간 불법 환적과 가상자산 탈취 등 제재 회피 수법에 공동으로 대응하기로 했다.
[사진=외교부 제공]
외교부 당국자는 "제재의 실효성을 높이기 위한 협력을 이어가겠다"고 말했다.
hanul@example.kr
Copyright ⓒ 한반도일보. All rights reserved. 무단 전재 및 재배포 금지
많이 본 뉴스
다른 기사 제목 하나
"""


def test_pasted_text_from_another_site_is_cleaned_by_the_same_patterns():
    draft = parse_pasted(PASTED_KOREAN, "Asia/Seoul")
    assert draft.title == "한미, 대북 제재 이행 점검 회의 개최"
    assert (draft.section, draft.author) == ("외교", "김하늘")
    assert draft.published.isoformat() == "2025-11-05T16:20:00+09:00"
    assert draft.body.split("\n\n") == [
        "한미 양국은 5일 서울에서 대북 제재 이행 상황을 점검하는 회의를 열었다고 외교부가 밝혔다.",
        "양측은 선박 간 불법 환적과 가상자산 탈취 등 제재 회피 수법에 공동으로 대응하기로 했다.",
        '외교부 당국자는 "제재의 실효성을 높이기 위한 협력을 이어가겠다"고 말했다.\n',
    ]
    assert "assumed" in " ".join(draft.notes)


def test_pasted_markdown_lookalikes_stay_text():
    draft = parse_pasted("Title of a list-like story\n\n# not a heading\n1. not a list\n<b>not bold</b> *not emphasis*\n", "Asia/Seoul")
    assert draft.body == "\\# not a heading\n\n1\\. not a list\n\n&lt;b>not bold&lt;/b> \\*not emphasis\\*\n"


def page(name, url=None):
    return parse_page((REAL_PAGES / name).read_bytes(), url=url, timezone="Asia/Seoul")


def test_korean_news_page_without_site_suffix_facebook_author_deck_or_chrome():
    draft = page("hankookilbo_ko_2025-05-15_lee-jaemyung-honam-rally.html")
    assert draft.title == "\"왜 경상도, 전라도 나눠서 싸우나\"... DJ 고향에서 '국민 통합' 외친 이재명"
    assert draft.author == "구현모"  # not https://www.facebook.com/hkilbo
    assert (draft.source_name, draft.section) == ("한국일보", "정치")
    assert draft.url == "https://www.hankookilbo.com/News/Read/A2025051516330004328"
    assert draft.published.isoformat() == "2025-05-15T20:00:52+09:00"
    assert draft.body.startswith("이틀간의 영남 공략을 마친 이재명")  # no deck, no pull quote
    assert "李 여수" not in draft.body and "기사 URL이 복사되었습니다" not in draft.body
    assert '### "태백산맥 보면 호남에 대한 인식 바뀌었다"' in draft.body  # subheads stay


def test_english_news_page():
    draft = page("yonhap_en_2019-08-20_nk-slams-joint-drill.html")
    assert draft.title == "N. Korea slams S. Korea for joint military drill, warns of consequences"
    assert (draft.source_name, draft.section, draft.author) == ("Yonhap News Agency", "North Korea", None)
    assert draft.published.isoformat() == "2019-08-20T09:31:01+09:00"
    assert draft.body.startswith("SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper")
    assert draft.body.rstrip().endswith("when Seoul's joint military exercise with Washington is over.")  # no e-mail, no (END)


def test_client_rendered_page_is_read_from_its_script_data():
    draft = page("hankookilbo_ko_2026-01-29_jang-donghyuk_body-only-in-script.html")
    assert draft.title == "장동혁, 한동훈 제명했지만… '윤 어게인' 절연 ·외연 확장 부담 커졌다"
    assert draft.author == "신현주"
    assert draft.body.startswith("장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했지만")
    assert "연합뉴스" not in draft.body.split("\n\n")[0]  # the photo caption is not the lead
    assert draft.published.isoformat() == "2026-01-29T18:40:00+09:00"  # its script data's deployDt, not reDeployDt (18:49)


def test_page_with_only_a_title_tag_takes_the_headline_from_the_article():
    draft = page("entermedia_ko_2018-08-25_lj-ryu-column.html")
    assert draft.title == "엘제이의 리벤지인가, 류화영의 코스프레인가" and draft.author == "정덕현"
    assert "저작권자" not in draft.body and "thekian1@" not in draft.body
    assert draft.notes[0] == "The page has no headline metadata, so the title is the article's first line."


def test_every_real_page_ingests_and_passes_check(demo_config_project):
    pages = sorted(REAL_PAGES.glob("*.html"))
    result = ingest(demo_config_project, "page", *map(str, pages))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\nnew ") + result.stdout.startswith("new ") == len(pages)
    publication, problems = load(demo_config_project)
    assert problems.items == [] and len(publication.articles) == len(pages)
    languages = {article.source.url: article.language for article in publication.articles.values()}
    assert languages["https://en.yna.co.kr/view/AEN20190820002300325"] == "en"
    assert languages["https://www.mk.co.kr/news/politics/11333783"] == "ko"


def test_pasted_wire_story_gives_its_reporter_from_the_credit_and_ends_at_the_end_mark():
    draft = parse_pasted(
        "북한, 동해상으로 탄도미사일 발사\n[서울=뉴시스] 홍길동 기자 = 북한이 3일 오전 동해상으로 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.\n"
        "군은 추가 발사에 대비해 감시를 강화했다.\n(끝)\n많이 본 뉴스\n",
        "Asia/Seoul",
    )
    assert draft.author == "홍길동"
    assert (
        draft.body
        == "북한이 3일 오전 동해상으로 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.\n\n군은 추가 발사에 대비해 감시를 강화했다.\n"
    )
