"""The sample project the tests start from (mkdocs.yml, one article, one briefing), and the repository it takes templates from."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def copy_demo_settings(project: Path) -> None:
    """The demo's mkdocs.yml into `project`, with the logo it names."""
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "assets", project / "assets", dirs_exist_ok=True)


CONFIG = """\
site_name: Test Briefing
site_url: https://briefing.test/
theme:
  name: material
  font: false
markdown_extensions: [admonition, attr_list, md_in_html]
extra:
  briefing:
    languages: [en, ko]
    timezone: Asia/Seoul
    site_name: {en: Test Briefing, ko: 시험 브리핑}
    description: {en: A test publication., ko: 시험용 발행물.}
    topics:
      alliance: {en: Alliance, ko: 한미동맹}
      summit: {en: Summit diplomacy, ko: 정상외교}
"""

# A desk that publishes in English first: a briefing may go out before its Korean text (shown in English, marked).
KOREAN_MAY_FOLLOW = CONFIG.replace("    timezone: Asia/Seoul\n", "    timezone: Asia/Seoul\n    optional_languages: [ko]\n")

ARTICLE = """\
---
id: 2025-10-30-sample
title: Sample article
source: {name: Sample Daily, section: Politics, url: "https://news.example/sample"}
author: Kim Reporter
published: 2025-10-30T11:50:28+09:00
language: en
topics: [alliance]
editor_note: null
---
Body of the sample article.
"""

BRIEFING = """\
id: 2025-10-31-sample
date: 2025-10-31
title: {en: Sample briefing, ko: 시험 브리핑}
summary: {en: What happened., ko: 무슨 일이 있었나.}
key_points:
  - {en: First point., ko: 첫째 요점.}
topics: [alliance]
articles: [2025-10-30-sample]
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


MAIL = """\
    mail:
      sender: Test Desk <desk@briefing.test>
      reply_to: editors@briefing.test
      unsubscribe_url: https://briefing.test/unsubscribe
      unsubscribe_email: leave@briefing.test
      subject_prefix: "[Briefing]"
"""
WITH_MAIL = CONFIG.replace("    languages: [en, ko]\n", "    languages: [en, ko]\n" + MAIL)  # with the e-mail edition's settings
