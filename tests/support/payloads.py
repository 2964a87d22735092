"""Hostile content for the site's text fields, and a scanner for anything in HTML that would run or fetch.

Every payload carries MARK, so the escaped text can be found on the page, and points at
a canary URL, so a browser that fetched anything for it is caught by the canary server.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

MARK = "pwn3d"
CANARY = "http://127.0.0.1:9/canary"  # nothing listens there: for static checks only

# Markup an attacker would put in any text field (titles, names, summaries, notes).
HTML_PAYLOADS = (
    "<script>window.__pwned = (window.__pwned || 0) + 1; fetch('{canary}/script?pwn3d')</script>",
    "<img src=x onerror=\"alert('pwn3d'); fetch('{canary}/onerror')\">",
    '<img src="{canary}/img?pwn3d">',
    "<svg onload=\"alert('pwn3d')\"><script>alert('pwn3d')</script></svg>",
    '<iframe src="javascript:alert(\'pwn3d\')"></iframe><iframe src="{canary}/iframe?pwn3d"></iframe>',
    "\"><script>alert('pwn3d')</script>",
    "</title><script>alert('pwn3d')</script>",
    "<a href=\"javascript:alert('pwn3d')\">click pwn3d</a>",
    '<div style="background:url({canary}/css?pwn3d)">styled pwn3d</div>',
    "<style>@import url({canary}/import?pwn3d);</style>",
    "<math><a xlink:href=\"javascript:alert('pwn3d')\">math pwn3d</a></math>",
    '<img src="file:///etc/passwd" alt="pwn3d">',
    '<object data="{canary}/object?pwn3d"></object><embed src="{canary}/embed?pwn3d">',
    '<link rel="stylesheet" href="{canary}/link?pwn3d"><meta http-equiv="refresh" content="0;url={canary}/refresh?pwn3d">',
    '<base href="{canary}/base/">pwn3d {{{{ 7*7 }}}} {{% raw %}}',
)

# Markdown an attacker would put in an article body, on top of the HTML above.
MARKDOWN_PAYLOADS = (
    "[link pwn3d](javascript:alert('pwn3d'))",
    "[entity pwn3d](&#106;avascript:alert('pwn3d'))",
    "![image pwn3d]({canary}/md-image?pwn3d)",
    "![file pwn3d](file:///etc/passwd)",
    "<javascript:alert('pwn3d')>",
    'A paragraph pwn3d{{: onclick="alert(\'pwn3d\')" style="background:url({canary}/attr-list?pwn3d)" }}',
    "[reference pwn3d][evil]\n\n[evil]: javascript:alert('pwn3d')",
    "[data pwn3d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
)


def html_payloads(canary: str = CANARY) -> list[str]:
    return [payload.format(canary=canary) for payload in HTML_PAYLOADS]


def markdown_payloads(canary: str = CANARY) -> list[str]:
    return [payload.format(canary=canary) for payload in MARKDOWN_PAYLOADS]


def yaml_text(value: str) -> str:
    """A payload as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


# --- scanning -------------------------------------------------------------------------------

NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcset", "poster", "background", "ping"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "file:")
SIBLING_REDIRECT = re.compile(r"^0; url=\.\./[a-z0-9-]+/$")  # a renamed briefing's old address, sending readers to its new one


class _Scanner(HTMLParser):
    def __init__(self, canary: str):
        super().__init__(convert_charrefs=True)
        self.canary, self.found, self.in_script_or_style = canary, [], None

    def handle_starttag(self, tag, attrs):
        if tag in NEVER:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
            elif name in URL_ATTRIBUTES and (squeezed.startswith(BAD_SCHEMES) or (self.canary in value and not _link(tag, name))):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
            elif name == "style" and ("url(" in squeezed or MARK in value):
                self.found.append(f"<{tag} style={value[:60]!r}>")
        refresh = dict(attrs).get("content") or ""
        if tag == "meta" and ("http-equiv", "refresh") in [(name, (value or "").lower()) for name, value in attrs]:
            if not SIBLING_REDIRECT.match(refresh):
                self.found.append(f"<meta http-equiv=refresh content={refresh[:60]!r}>")
        if tag in ("script", "style"):
            self.in_script_or_style = "data" if ("type", "application/ld+json") in attrs else tag

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_script_or_style = None

    def handle_data(self, data):
        if self.in_script_or_style == "data":  # JSON-LD never runs: it must parse as JSON and hold no "<" that could end it
            if "<" in data or not _json(data):
                self.found.append(f"<script type=application/ld+json> with content {data[:60]!r}")
        elif self.in_script_or_style and (MARK in data or self.canary in data):
            self.found.append(f"<{self.in_script_or_style}> with content {data[:60]!r}")


def _json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _link(tag: str, attribute: str) -> bool:
    """A web link is followed only when the reader clicks it; it fetches nothing by itself."""
    return tag in ("a", "area") and attribute == "href"


def live_markup(markup: str, canary: str = CANARY) -> list[str]:
    """Everything in an HTML document or fragment that would run script or fetch the canary."""
    scanner = _Scanner(canary)
    scanner.feed(markup)
    scanner.close()
    return scanner.found


def live_markup_in_site(site: Path, canary: str = CANARY) -> dict[str, list[str]]:
    """Live markup in every page, feed and search index of a built site, by file."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json") and path.is_file():
            hits = [hit for fragment in _html_parts(path) for hit in live_markup(fragment, canary)]
            if hits:
                found[path.relative_to(site).as_posix()] = hits
    return found


def _html_parts(path: Path) -> list[str]:
    """The parts of a file a browser or feed reader treats as HTML."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [text]
    if path.name == "search_index.json":
        return [field for doc in json.loads(text)["docs"] for field in (doc["title"], doc["text"])]
    if path.parent.name == "pages" and path.parent.parent.name == "search":
        return []  # plain text, escaped by the search worker (tests/e2e/test_hostile_browser.py types a payload into the search box)
    if path.name == "feed.json":
        return [item.get("content_html", "") for item in json.loads(text)["items"]]
    if path.suffix == ".xml":  # RSS description and Atom html content are escaped HTML
        return [html.unescape(part) for part in re.findall(r"<(?:description|content|summary)[^>]*>(.*?)</", text, re.S)]
    return []
