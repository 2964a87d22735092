"""A publication with a briefing at each stage of its life: a draft, a scheduled one, a corrected and renamed one, a withdrawn one.

Built at NOW, the scheduled briefing is still ahead; at SCHEDULED it is out.
"""

from __future__ import annotations

from pathlib import Path

from .project import ARTICLE, BRIEFING, CONFIG, REPO, write_tree

NOW = "2025-10-31T12:00+09:00"
SCHEDULED = "2025-11-01T06:00+09:00"
CORRECTED, DRAFT, SCHEDULED_ID, WITHDRAWN = "2025-10-31-sample", "2025-10-30-drafted", "2025-11-01-morning", "2025-10-29-pulled"
ALIAS = "2025-10-31-old-sample"


def briefing(briefing_id: str, extra: str = "") -> str:
    """The sample briefing under another id, date and title ("Briefing drafted", "브리핑 drafted")."""
    slug = briefing_id[11:]
    text = BRIEFING.replace("2025-10-31-sample", briefing_id).replace("2025-10-31", briefing_id[:10])
    return text.replace("Sample briefing", f"Briefing {slug}").replace("시험 브리핑", f"브리핑 {slug}") + extra


FILES = {
    f"briefings/{CORRECTED}.yaml": briefing(
        CORRECTED,
        "corrections:\n"
        "  - {date: 2025-11-02T09:00:00+09:00, en: An earlier version gave the wrong date for the talks.,"
        " ko: 이전 버전에 회담 날짜가 잘못 적혔습니다.}\n"
        f"aliases: [{ALIAS}]\n",
    ),
    f"briefings/{DRAFT}.yaml": briefing(DRAFT, "status: draft\n"),
    f"briefings/{SCHEDULED_ID}.yaml": briefing(SCHEDULED_ID, "published: 2025-11-01T06:00:00+09:00\n"),
    f"briefings/{WITHDRAWN}.yaml": briefing(
        WITHDRAWN,
        "withdrawn: {date: 2025-11-03, en: It relied on a report the outlet has retracted., ko: 해당 매체가 철회한 보도에 근거했습니다.}\n",
    ),
}


def write_project(root: Path) -> Path:
    """The publication in `root`, with the repository's templates and catalogs."""
    write_tree(root, {"mkdocs.yml": CONFIG, "content/articles/2025/2025-10-30-sample.md": ARTICLE, **FILES})
    for folder in ("templates", "locales"):
        (root / folder).symlink_to(REPO / folder)
    return root
