"""An e-mail edition in one language: a text part, an HTML part, and the headers mailbox providers require.

An edition holds one briefing (`briefing mail ID`) or a week's (`--week`). Python's
`email` package builds the message (`email.policy.SMTP`: Korean headers encoded per
RFC 2047, CRLF lines); css-inline puts templates/mail/mail.css into each element, since
many clients ignore `<style>`; its @media rules (dark mode) stay in the head for the
clients that read them.
"""

from __future__ import annotations

import email.policy
import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

import css_inline

from ...i18n import Localizer
from ...model import Article, Briefing, MailSettings, Publication
from ..formats import PAGE
from ..html_templates import html_environment
from .plain_text import plain_text


@dataclass(frozen=True)
class Item:
    """One briefing of an edition, with what it cites and its page in the edition's language."""

    briefing: Briefing
    sources: tuple[Article, ...]
    page_url: str


@dataclass(frozen=True)
class Attachment:
    name: str
    pdf: bytes


def items(publication: Publication, briefings, language: str) -> list[Item]:
    site_url = publication.config.site_url
    return [
        Item(b, tuple(publication.articles[a] for a in b.articles), PAGE.url_for(site_url, language=language, key=f"briefings/{b.id}/"))
        for b in briefings
    ]


def edition(
    publication: Publication,
    key: str,
    heading: str | None,
    entries: list[Item],
    settings: MailSettings,
    localizer: Localizer,
    templates: Path,
    attachment: Attachment | None = None,
) -> EmailMessage:
    """The message every subscriber reading `localizer.language` gets (their own address goes in `To` when sent).

    `key` names it (a briefing id or a week); `heading` is a digest's title, None for a single briefing.
    """
    config, language = publication.config, localizer.language
    host = urlsplit(config.site_url).hostname or "localhost"
    subject = " ".join(part for part in (settings.subject_prefix, heading or localizer.text(entries[0].briefing.title)) if part)
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = subject
    message["From"] = settings.sender
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    message["Date"] = format_datetime(max(item.briefing.published for item in entries))
    message["Message-ID"] = f"<{key}.{language}@{host}>"
    message["List-Id"] = f"<{settings.list_id or host}>"
    unsubscribe = [
        address for address in (settings.unsubscribe_url, settings.unsubscribe_email and f"mailto:{settings.unsubscribe_email}") if address
    ]
    if unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{address}>" for address in unsubscribe)
        if settings.unsubscribe_url:
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058: one click on the https address
    text = plain_text(heading, entries, localizer)
    html = _html(subject, heading, entries, settings, localizer, templates, config)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message.set_boundary(f"=_{hashlib.sha256((text + html).encode()).hexdigest()[:40]}")  # same input, same bytes
    if attachment is not None:  # the alternative parts go into a multipart/mixed with it
        message.add_attachment(attachment.pdf, maintype="application", subtype="pdf", filename=attachment.name)
    message["Content-Language"] = language  # after the parts: setting content clears Content-* headers
    return message


def _html(
    subject: str, heading: str | None, entries: list[Item], settings: MailSettings, localizer: Localizer, templates: Path, config
) -> str:
    env = html_environment(templates, localizer)
    stylesheet = (templates / "mail.css").read_text(encoding="utf-8")
    html = env.get_template("edition.html.j2").render(
        subject=subject, heading=heading, items=entries, config=config, stylesheet=stylesheet, unsubscribe_url=settings.unsubscribe_url
    )
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False).inline(html)
