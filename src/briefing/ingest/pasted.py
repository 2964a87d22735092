"""Text pasted from a browser (like ../shared/seeds/*.txt) to a draft, by the patterns in chrome.yml.

A browser copy keeps the page's reading order: banner, section tag, headline (often
twice), byline, body, then related links and ads. Lines before the headline are
chrome unless a pattern says what they tell (outlet, section); lines between the
headline and the body may be bylines and datelines; the body ends at the first
`end` pattern, and `drop` patterns remove single lines anywhere; a `credit` opening the lead is cut and names the author.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import notes
from .chrome import Rules, rules
from .draft import Draft
from .sanitize import normalize_text, text_to_markdown
from .titles import SENTENCE_END, title_from_lead


@dataclass
class _Found:
    outlet: str | None = None
    section: str | None = None
    author: str | None = None
    when: str | None = None
    body: list[str] = field(default_factory=list)


def parse_pasted(text: str, timezone: str, url: str | None = None, chrome: Rules | None = None) -> Draft:
    chrome = chrome or rules()
    lines = [normalize_text(line) for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    headline, start = _headline(lines, chrome)
    found = _Found()
    for line in lines[:start]:
        _read_masthead(line, chrome, found)
    _read_article(lines[start:], headline, chrome, found)
    title, title_note = (headline, None) if headline else title_from_lead(found.body, "saved text")
    published, assumed = chrome.parse_when(found.when, timezone)
    missing = [name for name, value in (("outlet", found.outlet), ("author", found.author), ("date", published)) if not value]
    draft_notes = [
        title_note,
        notes.zone_assumed("byline", timezone) if assumed else None,
        notes.missing("It" if title_note else "The saved text", missing, url_missing=url is None),
    ]
    return Draft(
        title=title,
        body=text_to_markdown(found.body),
        source_name=found.outlet,
        url=url,
        section=found.section,
        author=found.author,
        published=published,
        notes=tuple(note for note in draft_notes if note),
    )


def _headline(lines: list[str], chrome: Rules) -> tuple[str | None, int]:
    """(headline, its index): a line printed more than once, else the heading-like line nearest
    above the first byline or dateline, else the first heading-like line before any prose."""
    candidates = [line for line in lines if len(line) <= 250 and not _is_meta(line, chrome)]
    repeated = [line for line, count in Counter(candidates).items() if count > 1]
    if repeated:
        return repeated[0], lines.index(repeated[0])
    bylines = [i for i, line in enumerate(lines) if chrome.match("byline", line) or chrome.match("dateline", line)]
    for index in range(bylines[0] - 1, -1, -1) if bylines else ():
        if _is_heading(lines[index], chrome):
            return lines[index], index
    for index, line in enumerate(lines[:-1]):
        if _is_meta(line, chrome):
            continue
        return (line, index) if _is_heading(line, chrome) else (None, 0)
    return None, 0


def _is_heading(line: str, chrome: Rules) -> bool:
    return len(line) <= 200 and not _is_meta(line, chrome) and not SENTENCE_END.search(line[-2:])


def _is_meta(line: str, chrome: Rules) -> bool:
    return any(chrome.match(kind, line) for kind in ("masthead", "section", "byline", "dateline", "drop", "end"))


def _read_masthead(line: str, chrome: Rules, found: _Found) -> None:
    masthead, section = chrome.match("masthead", line), chrome.match("section", line)
    if masthead and not found.outlet:
        found.outlet = masthead.group("outlet").strip()
    if section and not found.section:
        found.section = section.group("section").strip()


def _read_article(lines: list[str], headline: str | None, chrome: Rules, found: _Found) -> None:
    for line in lines:
        if line == headline:
            continue
        if (not found.body or chrome.match("byline", line)) and _read_meta(line, chrome, found):
            continue  # a byline may also close the article
        if chrome.match("end", line) and found.body:
            break
        credit = None if found.body else chrome.match("credit", line)
        if credit:  # "[서울=뉴시스] 홍길동 기자 = " opening the lead
            found.author = found.author or credit.groupdict().get("author")
            line = line[credit.end() :]
        if line and not chrome.is_chrome(line):
            found.body.append(line)


def _read_meta(line: str, chrome: Rules, found: _Found) -> bool:
    """Byline, dateline or section tag between the headline and the body."""
    byline, dateline, section = (chrome.match(kind, line) for kind in ("byline", "dateline", "section"))
    if byline:
        found.author = found.author or byline.group("author").strip()
        found.when = found.when or byline.groupdict().get("when")
    elif dateline:
        found.when = found.when or dateline.group("when")
    elif section:
        found.section = found.section or section.group("section")
    return bool(byline or dateline or section)
