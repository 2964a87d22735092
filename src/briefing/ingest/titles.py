"""Headlines as readers know them: no site-name suffix; from the lead when the source has none."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<![A-Z])[.!?。](?=[\"'”’)]*(?:\s|$))")
# "Headline | Site", "Headline - Site", "Headline-정치ㅣ한국일보", "Headline :: Site"
SEPARATORS = "|｜ㅣ\\-–—:"  # between a headline and the site's name in a <title>
SUFFIX = re.compile(
    rf"^(?P<head>.+?)\s*(?:\s[{SEPARATORS}]{{1,2}}\s|[|｜ㅣ]|-(?=[^\s-]{{1,12}}[|｜ㅣ]))\s*(?P<tail>[^|｜ㅣ]{{1,40}}(?:[|｜ㅣ][^|｜ㅣ]{{1,40}})?)$"
)
AFTER_HEADLINE = re.compile(rf"\s+(?:[{SEPARATORS}·]{{1,2}}|l)\s+")  # a lone "l" stands in for "|" on some sites


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """Drop a trailing '| Site' (or '- Site', '-Sectionㅣ Site') when it names the site."""
    names = {_squash(name) for name in site_names if name}
    match = SUFFIX.match(title)
    while match and names and any(name in _squash(match.group("tail")) for name in names):
        title = match.group("head").strip()
        match = SUFFIX.match(title)
    return title


def site_after_headline(title: str, headline: str) -> str | None:
    """The name a page's <title> adds after its headline, for a page that names its site nowhere else: the last part
    ('Headline l KBS WORLD' -> 'KBS WORLD', 'Headline | Politics | Daily' -> 'Daily')."""
    rest = title[len(headline) :] if headline and title.startswith(headline) else ""
    parts = [part.strip() for part in AFTER_HEADLINE.split(rest)]
    return parts[-1] if len(parts) > 1 and not parts[0] and 1 < len(parts[-1]) <= 40 else None


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def title_from_lead(paragraphs: list[str], what: str) -> tuple[str, str]:
    """(title, editor note) from the lead sentence, cut to its main clause when it runs long."""
    if not paragraphs:
        return "Untitled", f"The {what} has no headline and no text."
    lead = paragraphs[0]
    end = SENTENCE_END.search(lead)
    sentence = lead[: end.start()].strip() if end else lead
    sentence = sentence or lead  # a lead that starts with its full stop ("…", ".") is its own title
    clause = sentence.split(", ")[0]
    if len(sentence) > 90 and clause != sentence and (len(clause.split()) >= 5 or len(clause) >= 15):
        return clause, f"The {what} has no headline, so the title is the lead sentence's main clause."
    if len(sentence) > 150:
        sentence = sentence[:150].rsplit(" ", 1)[0] + "…"
    return sentence, f"The {what} has no headline, so the title is its lead sentence."
