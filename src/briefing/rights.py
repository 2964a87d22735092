"""What a desk may publish of another outlet's article: `rights: full | excerpt | link`.

Quoting a lead and linking is what news aggregators do; republishing a whole article
needs a licence, which a desk has only for some sources (a wire it pays for, government
releases). So an article says what the public outputs show of it: its own `rights`, else
its feed source's (`extra.briefing.sources`, matched by the outlet's name), else `excerpt`.
content/ keeps the whole text for editors either way; outputs/site/excerpt.py cuts what is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .load.fields import Fields
    from .model import FeedSource

FULL, EXCERPT, LINK = "full", "excerpt", "link"
RIGHTS = (FULL, EXCERPT, LINK)
DEFAULT_RIGHTS = EXCERPT  # third-party text with no licence named: quote the lead, link the original


def read_rights(fields: Fields) -> str | None:
    """The `rights` field of a mapping (a feed source, an article's front matter), or None when not given or wrong."""
    value = fields.text("rights")
    if value is not None and value not in RIGHTS:
        fields.problems.error(fields.value_location("rights"), fields.name("rights"), f"expected one of {', '.join(RIGHTS)}, got {value!r}")
        return None
    return value


def article_rights(own: str | None, outlet: str | None, sources: tuple[FeedSource, ...]) -> str:
    """The article's own setting, else that of the feed source of the same name, else the default."""
    by_name = {source.name: source.rights for source in sources if source.rights}
    return own or by_name.get(outlet or "") or DEFAULT_RIGHTS
