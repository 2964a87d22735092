"""Feeds and pages written for the ingest tests, and helpers to run `briefing ingest` on them."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.project import REPO

SHARED = REPO.parent / "shared"
REAL_FEEDS = SHARED / "real" / "feeds"
REAL_PAGES = SHARED / "real" / "pages"
SEEDS = SHARED / "seeds"
BENCHMARK_PAGES = SHARED / "real" / "extraction-benchmark" / "html"
# The development half's Wall Street Journal page: a teaser, declared `isAccessibleForFree: false` in its JSON-LD.
PAYWALLED_PAGE = BENCHMARK_PAGES / "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz"

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Peninsula Wire</title><link>https://wire.example/</link><language>en</language>
<item>
  <title>Allies open talks on &lt;extended&gt; deterrence</title>
  <link>https://wire.example/2025/11/deterrence?utm_source=rss</link>
  <guid isPermaLink="false">wire-2025-1101</guid>
  <dc:creator>Kim Min-ji</dc:creator>
  <category>Security</category>
  <pubDate>Sat, 01 Nov 2025 09:30:00 +0900</pubDate>
  <description><![CDATA[<p>Seoul and Washington opened talks on Saturday about how to strengthen extended deterrence against North Korea's nuclear threat.</p><p>Officials said the <a href="/2025/10/summit">summit agreement</a> would guide the work.</p>]]></description>
</item>
<item>
  <title>Trade ministers meet in Busan</title>
  <link>https://wire.example/2025/11/trade</link>
  <author>desk@wire.example (Lee Jun-ho)</author>
  <pubDate>Sun, 02 Nov 2025 14:00:00 +0900</pubDate>
  <description>Trade ministers from both countries met in Busan on Sunday to discuss supply chains and tariffs on steel and semiconductors.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
  <title>한반도 통신</title><id>urn:example:feed</id><updated>2025-11-03T08:00:00+09:00</updated>
  <link href="https://tongsin.example/"/>
  <entry>
    <title type="html">북한, 동해상으로 탄도미사일 발사</title>
    <id>urn:example:entry-1</id>
    <link href="https://tongsin.example/articles/1"/>
    <author><name>박서연</name></author>
    <published>2025-11-03T07:45:00+09:00</published>
    <updated>2025-11-03T08:00:00+09:00</updated>
    <content type="html">&lt;p&gt;북한이 3일 오전 동해상으로 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다. 군은 추가 발사에 대비해 감시와 경계를 강화하고 있다.&lt;/p&gt;</content>
  </entry>
</feed>
"""

RSS1 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://sanctions.example/">
    <title>Sanctions Monitor</title><link>https://sanctions.example/</link><description>Notes</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://sanctions.example/notes/42"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://sanctions.example/notes/42">
    <title>Panel reports new ship-to-ship transfers</title>
    <link>https://sanctions.example/notes/42</link>
    <dc:creator>Alex Morgan</dc:creator>
    <dc:date>2025-11-04T10:15:00-05:00</dc:date>
    <description>A panel of experts reported new ship-to-ship transfers of refined petroleum in violation of United Nations sanctions.</description>
  </item>
</rdf:RDF>
"""

# Labelled EUC-KR, but 똠, 햏 and 뷁 exist only in CP949 (its superset).
CP949_TITLE = "똠방각하 햏 뷁: 통일부 장관 담화"
CP949_BODY = "통일부 장관은 4일 담화를 내고 남북 대화 재개를 제안했다. 정부는 북측의 호응을 기다리고 있다고 밝혔다."
EUC_KR_FEED = f"""<?xml version="1.0" encoding="euc-kr"?>
<rss version="2.0"><channel><title>통일 소식</title><link>http://tongil.example/</link>
<item><title>{CP949_TITLE}</title><link>http://tongil.example/1</link>
<pubDate>Tue, 04 Nov 2025 10:00:00 +0900</pubDate>
<description>{CP949_BODY}</description></item>
</channel></rss>
""".encode("cp949")

HOSTILE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile &lt;b&gt;Feed&lt;/b&gt;</title><link>https://evil.example/</link>
<item>
  <title type="text">&lt;script&gt;alert('title')&lt;/script&gt; Sanctions update {: onclick="alert(9)"}</title>
  <link>https://evil.example/a</link>
  <author>javascript:alert(1)</author>
  <pubDate>Wed, 05 Nov 2025 12:00:00 +0900</pubDate>
  <description><![CDATA[
    <p onclick="alert(1)">Sanctions enforcement was discussed at length by officials from several countries on Wednesday.</p>
    <script>alert('script')</script>
    <iframe src="https://evil.example/frame"></iframe>
    <img src="x" onerror="alert('onerror')">
    <img src="file:///etc/passwd">
    <svg><a xlink:href="javascript:alert('svg')"><text>svg link</text></a></svg>
    <math><maction actiontype="statusline" xlink:href="javascript:alert('math')">math</maction></math>
    <form action="https://evil.example/steal"><input name="q"><button>Go</button></form>
    <object data="https://evil.example/x.swf"></object>
    <style>body { display: none }</style>
    <p><a href="javascript:alert('link')">bad link</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data link</a> <a href="https://ok.example/">good link</a></p>
    <p>[md link](javascript:alert('md')) and {: onclick="alert('attr')"} and <b>&lt;script&gt;alert('escaped')&lt;/script&gt;</b></p>
  ]]></description>
</item>
</channel></rss>
"""

MALFORMED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken Wire</title><link>https://broken.example/</link>
<item><title>First story survives</title><link>https://broken.example/1</link>
<pubDate>Thu, 06 Nov 2025 09:00:00 +0900</pubDate>
<description>The first story is complete and should be ingested even though the feed breaks later on.</description></item>
<item><title>Second story <b>is cut</title>
"""

UNDATED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Bare Feed</title><link>https://bare.example/</link>
<item><title>Statement on humanitarian aid</title><link>https://bare.example/aid</link>
<description>The ministry issued a statement on humanitarian aid shipments to the North through international organisations.</description></item>
</channel></rss>
"""

CONFIG_SOURCES = """
    sources:
{entries}"""


def front_matter(path: Path) -> tuple[dict, str]:
    """(front matter as data, body text) of an article file."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def articles(project: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted((project / "content" / "articles").rglob("*.md"))}
