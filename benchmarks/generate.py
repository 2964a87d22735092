"""Synthetic publications of any size, for the benchmark: N briefings, M articles, years of dates.

Texts are drawn from pools of real-sounding desk sentences in English and Korean, so page
sizes, Korean morphology and search-index sizes resemble a real publication. The same
arguments always give the same files.

    python benchmarks/generate.py --briefings 1000 --articles 5000 OUT
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "assets", "templates", "locales", "glossary.yml")
TOPICS = ("alliance", "summit", "north-korea", "security", "trade", "sanctions", "inter-korean")
OUTLETS = ("Yonhap", "Korea Herald", "연합뉴스", "한국일보", "매일경제", "KBS World", None)
AUTHORS = ("Kim Min-ji", "Lee Jun-ho", "박서연", "최동현", None)

ENGLISH = (
    "Seoul and Washington agreed to expand working-level consultations on extended deterrence.",
    "Officials said the joint fact sheet would guide implementation over the coming months.",
    "The Unification Ministry signalled it would seek renewed inter-Korean dialogue next year.",
    "Analysts warned that tariff negotiations could strain the alliance if left unresolved.",
    "North Korea fired two short-range ballistic missiles into the East Sea on Tuesday morning.",
    "The Foreign Ministry said sanctions enforcement would remain a priority for both allies.",
    "Semiconductor export controls featured prominently in the trade talks in Washington.",
    "Pyongyang condemned the joint military exercises as rehearsals for invasion.",
    "The two presidents reaffirmed the goal of complete denuclearization of the Korean Peninsula.",
    "Defense officials discussed the deployment of U.S. strategic assets near the peninsula.",
    "Business groups welcomed the investment package but asked for clearer rules of origin.",
    "The National Assembly opened hearings on the cost-sharing agreement for U.S. forces.",
    "Experts said ship-to-ship transfers continue to undermine United Nations sanctions.",
    "A senior official described the talks as candid, constructive and forward-looking.",
    "Supply-chain cooperation on batteries and critical minerals was expanded under the deal.",
    "The summit statement mentioned human rights in North Korea for the first time in years.",
    "China urged restraint and called for a return to six-party style diplomacy.",
    "Opposition lawmakers criticised the government for lacking a coherent engagement strategy.",
    "The allies plan to hold a nuclear consultative group meeting before the end of the year.",
    "Markets reacted calmly, with the won steady against the dollar after the announcement.",
)
KOREAN = (
    "한미 양국은 확장억제 강화를 위한 실무 협의를 확대하기로 합의했다.",
    "정부 당국자는 공동 팩트시트가 향후 몇 달간 이행의 지침이 될 것이라고 밝혔다.",
    "통일부는 내년 남북대화 재개를 모색하겠다는 입장을 거듭 강조했다.",
    "전문가들은 관세 협상이 해결되지 않으면 동맹에 부담이 될 수 있다고 경고했다.",
    "북한은 화요일 오전 동해상으로 단거리 탄도미사일 두 발을 발사했다.",
    "외교부는 대북제재 이행이 양국의 최우선 과제로 남을 것이라고 말했다.",
    "워싱턴에서 열린 통상 협의에서는 반도체 수출 통제가 주요 의제로 다뤄졌다.",
    "북한은 한미 연합훈련을 침략 연습이라고 비난하며 강하게 반발했다.",
    "두 정상은 한반도의 완전한 비핵화 목표를 재확인했다.",
    "국방 당국은 미 전략자산의 한반도 전개 방안을 논의했다.",
    "경제단체들은 투자 패키지를 환영하면서도 원산지 규정의 명확화를 요구했다.",
    "국회는 주한미군 방위비 분담 협정에 대한 청문회를 열었다.",
    "전문가들은 선박 간 환적이 유엔 제재를 계속 무력화하고 있다고 지적했다.",
    "고위 당국자는 이번 회담이 솔직하고 건설적이었다고 평가했다.",
    "배터리와 핵심 광물 분야의 공급망 협력이 이번 합의로 확대됐다.",
    "정상회담 성명에는 수년 만에 처음으로 북한 인권 문제가 언급됐다.",
    "중국은 자제를 촉구하며 다자 외교로의 복귀를 요구했다.",
    "야당 의원들은 정부가 일관된 대북 관여 전략을 갖추지 못했다고 비판했다.",
    "양국은 연내 핵협의그룹 회의를 개최할 계획이다.",
    "발표 이후 금융시장은 차분한 반응을 보였고 원화 가치도 안정세를 유지했다.",
)


def sentences(pool: tuple[str, ...], rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(count))


def paragraphs(pool: tuple[str, ...], rng: random.Random, count: int) -> str:
    return "\n\n".join(sentences(pool, rng, rng.randint(3, 6)) for _ in range(count))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article(index: int, day: date, rng: random.Random) -> tuple[str, str]:
    korean = rng.random() < 0.5
    pool = KOREAN if korean else ENGLISH
    article_id = f"{day.isoformat()}-article-{index:05d}"
    outlet, author = rng.choice(OUTLETS), rng.choice(AUTHORS)
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    front = "\n".join(
        [
            "---",
            f"id: {article_id}",
            f"title: {quoted(rng.choice(pool).rstrip('.'))}",
            f'source: {{name: {quoted(outlet) if outlet else "null"}, section: null, url: "https://news.example/{article_id}"}}',
            f"author: {quoted(author) if author else 'null'}",
            f"published: {day.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+09:00",
            f"language: {'ko' if korean else 'en'}",
            f"topics: [{', '.join(topics)}]",
            "---",
        ]
    )
    return article_id, f"{front}\n{paragraphs(pool, rng, rng.randint(4, 8))}\n"


def localized(rng: random.Random, count: int) -> str:
    en, ko = sentences(ENGLISH, rng, count), sentences(KOREAN, rng, count)
    return f"{{en: {quoted(en)}, ko: {quoted(ko)}}}"


def briefing(day: date, index: int, cited: list[str], rng: random.Random) -> tuple[str, str]:
    briefing_id = f"{day.isoformat()}-briefing-{index:05d}"
    lines = [
        f"id: {briefing_id}",
        f"date: {day.isoformat()}",
        f"title: {{en: {quoted(rng.choice(ENGLISH).rstrip('.'))}, ko: {quoted(rng.choice(KOREAN).rstrip('.'))}}}",
        f"summary: {localized(rng, 3)}",
        "key_points:",
        *(f"  - {localized(rng, 1)}" for _ in range(rng.randint(3, 5))),
        f"topics: [{', '.join(rng.sample(TOPICS, rng.randint(1, 3)))}]",
        f"articles: [{', '.join(cited)}]",
    ]
    return briefing_id, "\n".join(lines) + "\n"


def generate(out: Path, briefings: int, articles: int, seed: int = 1) -> Path:
    """Write a complete project (config, templates, content) into `out`."""
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.exists():
            shutil.copy2(source, out / name)
    start = date(2026, 11, 1) - timedelta(days=briefings * 2)  # a briefing every other day, ending now
    article_ids = []
    for index in range(articles):
        article_id, text = article(index, start + timedelta(days=index * briefings * 2 // max(articles, 1)), rng)
        path = out / "content" / "articles" / article_id[:4] / f"{article_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        article_ids.append(article_id)
    (out / "briefings").mkdir()
    per_briefing = max(1, articles // max(briefings, 1))
    for index in range(briefings):
        day = start + timedelta(days=index * 2 + 1)
        cited = article_ids[index * per_briefing : index * per_briefing + min(per_briefing, 5)] or [rng.choice(article_ids)]
        briefing_id, text = briefing(day, index, cited, rng)
        (out / "briefings" / f"{briefing_id}.yaml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--briefings", type=int, default=250)
    parser.add_argument("--articles", type=int, default=None, help="default: 5 per briefing")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.briefings, args.articles if args.articles is not None else 5 * args.briefings, args.seed)


if __name__ == "__main__":
    main()
