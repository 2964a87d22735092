"""The bad-input corpus for `briefing ingest`: hostile feeds, saved pages, pasted text and servers.

Network cases fetch from the ingest test server ({server}, with ROUTES added); file
cases read files saved in the project (saved/…, the editor's own, which must stay as
they were). Ingest may add files only under content/ and .briefing/ (its state). Every
stderr line is an ingest line (`failed     SOURCE: why`, `warning    SOURCE: why`), a
usage line (`briefing ingest: …`) or a problem in mkdocs.yml. test_hostile_ingest.py
also loads every usable result: what ingest wrote must pass `briefing check`.
"""

from __future__ import annotations

import gzip
import re

from support.hostile_cases import PROBLEM, Case, Fifo, Folder, Link
from support.ingest_fixtures import EUC_KR_FEED, HOSTILE, RSS2
from support.payloads import CANARY, html_payloads
from support.project import CONFIG

INGEST_LINE = re.compile(rf"^({PROBLEM}|(warning|failed) +\S.*: \S.*|briefing ingest: \S.*)$")
INGEST = {"adds": ("content", ".briefing"), "line": INGEST_LINE}
PROSE = "Officials from several countries discussed sanctions enforcement at length on Wednesday, diplomats said."

BILLION_LAUGHS_FEED = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    + "]>\n"
    '<rss version="2.0"><channel><title>&l9;</title><link>https://x.test/</link><description>d</description>'
    "<item><title>&l9;</title><link>https://x.test/a</link><pubDate>Thu, 30 Oct 2025 02:50:28 GMT</pubDate>"
    "</item></channel></rss>\n"
)
EXTERNAL_ENTITY_FEED = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<rss version="2.0"><channel><title>t</title><link>https://x.test/</link><description>d</description>'
    "<item><title>&x;</title><link>https://x.test/b</link><description>&x;</description>"
    "<pubDate>Thu, 30 Oct 2025 02:50:28 GMT</pubDate></item></channel></rss>\n"
)


def rss(*items: str, title: str = "Hostile Wire") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://x.test/</link>{''.join(items)}</channel></rss>\n"
    )


def item(title: str, link: str, date: str = "Thu, 30 Oct 2025 02:50:28 GMT", extra: str = "", body: str = PROSE) -> str:
    return f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>{extra}<description>{body}</description></item>"


# Titles that would be paths, or nothing at all, as slugs; guids and links that climb.
IDS_FEED = rss(
    item("../../etc/passwd", "https://x.test/1", extra="<guid>../../../etc/passwd</guid>"),
    item("/", "https://x.test/2", extra="<guid>/</guid>", body="A second story, about talks in Geneva on the nuclear issue."),
    item("?!?! ...", "https://x.test/a/../../etc/passwd", body="A third story, about a port call by a navy destroyer."),
    item("..\\..\\windows\\system32", "javascript:alert('pwn3d')", body="A fourth story, on export controls and chips."),
    item("NUL &#0; in the title", "file:///etc/passwd", body="A fifth story, with a character XML forbids."),
)
LONG = "Sanctions " * 300
FIELDS_FEED = rss(
    item(
        LONG,
        "https://x.test/a b&quot;c&lt;d&gt;",
        date="Fri, 31 Dec 9999 23:59:59 GMT",
        extra=f"<author>desk@x.test ({'Kim ' * 200})</author><category>{'Politics ' * 100}</category>",
    ),
    title="Wire " * 200,
)
HOSTILE_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Sanctions talks &lt;script&gt;alert('pwn3d')&lt;/script&gt; | Evil Daily</title>
<meta property="og:title" content="Sanctions talks &lt;script&gt;alert('pwn3d')&lt;/script&gt;">
<meta property="og:url" content="javascript:alert('pwn3d')">
<meta property="og:site_name" content="&lt;img src=x onerror=alert('pwn3d')&gt;">
<meta name="author" content="javascript:alert('pwn3d')">
<meta property="article:published_time" content="2025-11-05T12:00:00+09:00">
<meta http-equiv="refresh" content="0;url={CANARY}/refresh"><base href="{CANARY}/base/">
<link rel="stylesheet" href="{CANARY}/style.css"><script>window.__pwned = 1; fetch('{CANARY}/script')</script>
</head><body><article><h1>Sanctions talks</h1>
<p onclick="alert('pwn3d')">{PROSE}</p>
{"".join(f"<p>{payload} {PROSE}</p>" for payload in html_payloads())}
<svg><a xlink:href="javascript:alert('pwn3d')"><text>svg link</text></a><script>alert('pwn3d')</script></svg>
<p><a href="javascript:alert('pwn3d')">js link</a> <a href="file:///etc/passwd">file link</a> <a href="https://ok.example/">good link</a></p>
<p>[md link](javascript:alert('pwn3d')) {{: onclick="alert('pwn3d')"}} &lt;script&gt;alert('escaped')&lt;/script&gt;</p>
</article></body></html>
"""
PASTED = f"""Evil Daily
<script>alert('pwn3d')</script> Sanctions talks [link](javascript:alert('pwn3d'))
<script>alert('pwn3d')</script> Sanctions talks [link](javascript:alert('pwn3d'))
김기자 기자· 10/30/2025, 11:50:28 AM|
<img src=x onerror="alert('pwn3d')"> {PROSE}
{{: onclick="alert('pwn3d')" }} A second paragraph, <iframe src="{CANARY}/iframe"></iframe> and ![img](file:///etc/passwd).
[reference][evil] <javascript:alert('pwn3d')> <svg onload="alert('pwn3d')"> <a href="{CANARY}/a">a link</a>

[evil]: javascript:alert('pwn3d')
# not a heading
{" ".join(html_payloads())}
"""
KOREAN_PAGE = (
    "<!doctype html><html lang='ko'><head><meta charset='utf-8'><title>통일부, 남북 대화 재개 제안</title></head>"
    "<body><article><h1>통일부, 남북 대화 재개 제안</h1>"
    + "<p>통일부 장관은 4일 담화를 내고 남북 대화 재개를 제안했다. 정부는 북측의 호응을 기다리고 있다고 밝혔다.</p>" * 3
    + "</article></body></html>"
)
GZIP_BOMB = gzip.compress(b"\0" * (1 << 20), 9) * 1024  # 1 MB on the wire, 1 GiB once decoded
PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8

# Responses of the ingest test server (ingest_server.Server(routes=ROUTES)): path -> (status, body, content type, headers).
ROUTES = {
    "/bomb.xml": (200, GZIP_BOMB, "application/rss+xml", {"Content-Encoding": "gzip"}),
    "/image.png": (200, PNG, "image/png", {}),
    "/feed.json": (200, b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "application/json", {}),
    "/feed-as-html": (200, RSS2.encode(), "text/html; charset=utf-8", {}),
    "/euc-kr-as-utf-8.xml": (200, EUC_KR_FEED.replace(b'encoding="euc-kr"', b'encoding="utf-8"'), "application/rss+xml; charset=utf-8", {}),
    "/euc-kr-as-utf-8.html": (200, KOREAN_PAGE.encode("cp949"), "text/html; charset=utf-8", {}),
    "/hostile-feed.xml": (200, HOSTILE.encode(), "application/rss+xml", {}),
    "/to-file": (302, b"", None, {"Location": "file:///etc/passwd"}),
    "/escapes": ((500, "Boom \x1b[2J\x1b[31mred"), b"", "text/plain", {}),
}


def feed(name: str, files: dict, says: tuple[str, ...], usable: bool = False, location: str | None = None, **more) -> Case:
    """`briefing ingest feed LOCATION` (a URL, or the one saved file)."""
    location = location or f"{{project}}/{next(iter(files))}"
    return Case(name, files, says, usable, commands=(("ingest", "feed", location),), **INGEST, **more)


def page(name: str, files: dict, says: tuple[str, ...], usable: bool = False, location: str | None = None, extra=(), **more) -> Case:
    """`briefing ingest page LOCATION`."""
    location = location or f"{{project}}/{next(iter(files))}"
    return Case(name, files, says, usable, commands=(("ingest", "page", location, *extra),), **INGEST, **more)


OVER_LIMIT = "response is over the 10.0 MB limit"

NETWORK_CASES = (
    feed("feed URL: gzip bomb (1 GiB from 1 MB)", {}, ("failed     {server}/bomb.xml: " + OVER_LIMIT,), location="{server}/bomb.xml"),
    feed("feed URL: 50 MB response", {}, ("failed     {server}/stream/50: " + OVER_LIMIT,), location="{server}/stream/50"),
    feed(
        "feed URL: 50 MB declared",
        {},
        ("failed     {server}/huge-declared: response of 50.0 MB is over the 10.0 MB limit",),
        location="{server}/huge-declared",
    ),
    feed(
        "feed URL: a web page instead of a feed",
        {},
        ("failed     {server}/page.html: not an RSS or Atom feed (text/html",),
        location="{server}/page.html",
    ),
    feed("feed URL: an image", {}, ("failed     {server}/image.png: not an RSS or Atom feed (image/png)",), location="{server}/image.png"),
    feed(
        "feed URL: JSON", {}, ("failed     {server}/feed.json: not an RSS or Atom feed (application/json)",), location="{server}/feed.json"
    ),
    feed(
        "feed URL: a feed served as text/html",
        {},
        ("warning    {server}/feed-as-html: malformed feed (text/html; charset=utf-8 is not an XML media type)",),
        usable=True,
        location="{server}/feed-as-html",
        finds=("Allies open talks",),
    ),
    feed("feed URL: redirect loop", {}, ("failed     {server}/loop-a: redirect loop at {server}/loop-",), location="{server}/loop-a"),
    feed(
        "feed URL: redirect to file:///etc/passwd",
        {},
        ("failed     {server}/to-file: not an http(s) URL: file:///etc/passwd",),
        location="{server}/to-file",
    ),
    feed(
        "feed URL: EUC-KR labelled as UTF-8",
        {},
        ("warning    {server}/euc-kr-as-utf-8.xml: labelled utf-8 but written in EUC-KR/CP949; read as CP949",),
        usable=True,
        location="{server}/euc-kr-as-utf-8.xml",
        finds=("똠방각하 햏 뷁: 통일부 장관 담화", "language: ko"),
    ),
    feed(
        "feed URL: terminal escapes in the server's answer",
        {},
        ("failed     {server}/escapes: HTTP 500 Boom \\u001b[2J\\u001b[31mred from",),
        location="{server}/escapes",
    ),
    feed(
        "feed URL: script, iframe, onerror, SVG, javascript: and file:// in entries",
        {},
        (),
        usable=True,
        location="{server}/hostile-feed.xml",
        finds=("Sanctions enforcement was discussed",),
    ),
    page("page URL: an image", {}, ("failed     {server}/image.png: not a web page or text (image/png)",), location="{server}/image.png"),
    page(
        "page URL: a feed",
        {},
        ("failed     {server}/feed.xml: an RSS or Atom feed, not a page: use `briefing ingest feed`",),
        location="{server}/feed.xml",
    ),
    page(
        "page URL: EUC-KR labelled as UTF-8",
        {},
        ("new        content/articles/undated/tongilbu-nambuk-daehwa-jaegae-jean.md",),
        usable=True,
        location="{server}/euc-kr-as-utf-8.html",
        finds=("통일부 장관은 4일 담화를 내고",),
    ),
)

FEED_FILE_CASES = (
    feed("feed file: billion laughs", {"saved/bomb.xml": BILLION_LAUGHS_FEED}, ("warning    bomb.xml: malformed feed",), usable=True),
    feed(
        "feed file: external entity to /etc/passwd",
        {"saved/xxe.xml": EXTERNAL_ENTITY_FEED},
        ("warning    xxe.xml: malformed feed",),
        usable=True,
    ),
    feed(
        "feed file: titles and ids with ../, /, \\, NUL and only punctuation",
        {"saved/ids.xml": IDS_FEED},
        (
            "new        content/articles/2025/2025-10-30-etc-passwd.md",
            "new        content/articles/2025/2025-10-30-article.md",
            "new        content/articles/2025/2025-10-30-article-2.md",
            "new        content/articles/2025/2025-10-30-windows-system32.md",
            "warning    ids.xml: malformed feed",
        ),
        usable=True,
    ),
    feed(
        "feed file: 3,000-character title, outlet and author; year 9999; quotes in the link",
        {"saved/fields.xml": FIELDS_FEED},
        ("new        content/articles/undated/sanctions-sanctions",),
        usable=True,
        finds=(
            "The title was cut to 500 characters.",
            "The outlet name was cut",
            "The section was cut",
            "(9999-12-31) is out of range",
            "url: https://x.test/a%20b%22c%3Cd%3E",
        ),
    ),
    feed("feed file: not a feed", {"saved/notes.xml": "Meeting notes, not a feed.\n"}, ("failed     notes.xml: not an RSS or Atom feed",)),
    feed("feed file: empty", {"saved/empty.xml": ""}, ("failed     empty.xml: not an RSS or Atom feed",)),
    feed(
        "feed file: a named pipe",
        {"saved/pipe.xml": Fifo()},
        ("failed     pipe.xml: {project}/saved/pipe.xml: not a regular file (a pipe",),
    ),
    feed(
        "feed file: a folder",
        {"saved/folder.xml": Folder()},
        ("failed     folder.xml: {project}/saved/folder.xml: not a regular file (a folder)",),
    ),
    feed(
        "feed file: missing",
        {},
        ("failed     gone.xml: {project}/saved/gone.xml: No such file or directory",),
        location="{project}/saved/gone.xml",
    ),
    feed("feed file: /dev/zero", {}, ("failed     zero: /dev/zero: not a regular file",), location="/dev/zero"),
    feed(
        "feed file: 11 MB",
        {"saved/huge.xml": b"<rss>" + b" " * (11 * 1024 * 1024)},
        ("failed     huge.xml: {project}/saved/huge.xml: file is over the 10.0 MB limit",),
    ),
)

PAGE_FILE_CASES = (
    page(
        "page file: saved HTML with script, iframe, onerror, SVG, javascript:, file://, refresh and base",
        {"saved/hostile.html": HOSTILE_PAGE},
        ("new        content/articles/2025/2025-11-05-sanctions-talks.md",),
        usable=True,
        finds=(PROSE,),
    ),
    page(
        "pasted text with script, iframe, onerror, SVG, javascript:, file:// and Markdown",
        {"saved/pasted.txt": PASTED},
        ("new        content/articles/2025/2025-10-30-script-alert-pwn3d-script-sanctions-talks-link-javascript.md",),
        usable=True,
        finds=("&lt;img src=x onerror=", "\\{: onclick="),
    ),
    page(
        "pasted text: title ../../../etc/passwd",
        {"saved/dots.txt": f"../../../etc/passwd\n\n{PROSE}\n"},
        ("new        content/articles/undated/etc-passwd.md",),
        usable=True,
    ),
    page(
        "pasted text: title only punctuation",
        {"saved/punct.txt": f"?!?! ... ///\n\n{PROSE}\n"},
        ("new        content/articles/undated/article.md",),
        usable=True,
    ),
    page(
        "pasted text: a title YAML would read as null",
        {"saved/null.txt": f"null\n\n{PROSE}\n"},
        ("new        content/articles/undated/null.md",),
        usable=True,
        finds=("id: 'null'",),
    ),
    page(
        "pasted text: NUL and control characters",
        {"saved/nul.txt": f"Title\x00 with NUL\x07\n\n{PROSE}\x00\n"},
        ("new        content/articles/undated/title-with-nul.md",),
        usable=True,
    ),
    page(
        "saved page: headline '/' and og:url javascript:",
        {"saved/slash.html": HOSTILE_PAGE.replace("Sanctions talks &lt;script&gt;", "/ &lt;script&gt;")},
        ("new        content/articles/2025/2025-11-05-article.md",),
        usable=True,
    ),
    page(
        "page: --slug with ../",
        {"saved/dots.txt": f"Title\n\n{PROSE}\n"},
        ("briefing ingest: --slug '../escape' is not a valid slug",),
        extra=("--slug", "../escape"),
    ),
    page(
        "page: --slug of punctuation only",
        {"saved/dots.txt": f"Title\n\n{PROSE}\n"},
        ("briefing ingest: --slug '----' is not a valid slug",),
        extra=("--slug=----",),
    ),
    page("page file: empty", {"saved/empty.txt": ""}, ("failed     empty.txt: empty: there is no text to import",)),
    page(
        "page file: an image saved as .txt",
        {"saved/image.txt": PNG},
        ("failed     image.txt: not text in UTF-8, UTF-16 or CP949 (byte 0x89 at offset 0)",),
    ),
    page("page file: binary with NUL bytes", {"saved/nuls.txt": b"\0\1\2" * 300}, ("failed     nuls.txt: binary data, not text",)),
    page("page file: a feed saved as .html", {"saved/feed.html": RSS2}, ("failed     feed.html: an RSS or Atom feed, not a page",)),
    page(
        "page file: HTML without article text",
        {"saved/nothing.html": "<html><head><title>Only a title</title></head><body></body></html>"},
        ("failed     nothing.html: no article text found",),
    ),
    page(
        "page file: HTML that is only a comment",
        {"saved/comment.html": "<!-- nothing here -->"},
        ("failed     comment.html: no HTML document in the page",),
    ),
    page("page file: /dev/zero", {}, ("failed     zero: /dev/zero: not a regular file",), location="/dev/zero"),
    page(
        "pasted text: 3 MB",
        {"saved/long.txt": f"Headline\n\n{(PROSE + ' ') * 28_000}\n"},
        ("failed     Headline: the article would be 2,9", "`briefing check` reads article files of at most 2,097,152"),
    ),
)

PROJECT_CASES = (
    feed(
        "project: content/ links outside the project",
        {"content/articles/2025/2025-10-30-sample.md": None, "content": Link("{outside}"), "saved/wire.xml": RSS2},
        ("briefing ingest: content/articles leads outside the project (to {outside}/articles) through a symbolic link",),
    ),
    feed(
        "project: .briefing/ links outside the project",
        {"saved/wire.xml": RSS2, ".briefing": Link("{outside}")},
        ("briefing ingest: .briefing leads outside the project (to {outside}) through a symbolic link",),
    ),
    feed(
        "project: a year folder links outside content/",
        {"saved/wire.xml": RSS2, "content/articles/2025/2025-10-30-sample.md": None, "content/articles/2025": Link("{outside}")},
        ("failed     Allies open talks on <extended> deterrence: refusing to write outside content/articles",),
    ),
    Case(
        "project: a source address is javascript:",
        {"mkdocs.yml": CONFIG + "    sources:\n      - {name: Evil, url: 'javascript:alert(1)'}\n"},
        ("mkdocs.yml:17:27: extra.briefing.sources[0].url: 'javascript:alert(1)' is not an http(s) URL",),
        commands=(("ingest",),),
        **INGEST,
    ),
)

INGEST_CASES = NETWORK_CASES + FEED_FILE_CASES + PAGE_FILE_CASES + PROJECT_CASES
