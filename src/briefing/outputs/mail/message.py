"""A briefing as an e-mail message in one language: a text part, an HTML part, and the headers mailbox providers require.

Python's `email` package builds the message (`email.policy.SMTP`: Korean headers
encoded per RFC 2047, CRLF lines); css-inline puts templates/mail/mail.css into each
element, since many clients ignore `<style>`; its @media rules (dark mode) stay in
the head for the clients that read them.
"""

from __future__ import annotations

import email.policy
import hashlib
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from ...i18n import Localizer
from ...model import Briefing, MailSettings, Publication
from ..formats import BRIEFING_PDF, PAGE
from ..site.markdown_escape import external_url
from .plain_text import plain_text


def edition(
    publication: Publication, briefing: Briefing, settings: MailSettings, localizer: Localizer, templates: Path, pdf: bytes | None = None
) -> EmailMessage:
    """The message every subscriber reading `localizer.language` gets (their own address goes in `To` when sent); `pdf` attached."""
    config, language = publication.config, localizer.language
    sources = [publication.articles[article_id] for article_id in briefing.articles]
    page_url = PAGE.url_for(config.site_url, language=language, key=f"briefings/{briefing.id}/")
    host = urlsplit(config.site_url).hostname or "localhost"
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = " ".join(part for part in (settings.subject_prefix, localizer.text(briefing.title)) if part)
    message["From"] = settings.sender
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    message["Date"] = format_datetime(briefing.published)
    message["Message-ID"] = f"<{briefing.id}.{language}@{host}>"
    message["List-Id"] = f"<{settings.list_id or host}>"
    unsubscribe = [
        address for address in (settings.unsubscribe_url, settings.unsubscribe_email and f"mailto:{settings.unsubscribe_email}") if address
    ]
    if unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{address}>" for address in unsubscribe)
        if settings.unsubscribe_url:
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058: one click on the https address
    text = plain_text(briefing, sources, page_url, localizer)
    html = _html(briefing, sources, page_url, settings, localizer, templates, publication)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if pdf is not None:  # the alternative parts go into a multipart/mixed with the attachment
        message.add_attachment(
            pdf, maintype="application", subtype="pdf", filename=BRIEFING_PDF.file.format(key=briefing.id, language=language)
        )
    message["Content-Language"] = language  # after the parts: setting content clears Content-* headers
    message.set_boundary(f"=_{hashlib.sha256((text + html).encode()).hexdigest()[:40]}")  # same input, same bytes
    return message


def _html(briefing, sources, page_url: str, settings: MailSettings, localizer: Localizer, templates: Path, publication) -> str:
    env = Environment(
        loader=FileSystemLoader(templates),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(localizer.translations, newstyle=True)
    env.globals.update(localizer.helpers(escape))
    env.filters["external_url"] = external_url
    stylesheet = (templates / "mail.css").read_text(encoding="utf-8")
    html = env.get_template("briefing.html.j2").render(
        briefing=briefing,
        sources=sources,
        page_url=page_url,
        config=publication.config,
        stylesheet=stylesheet,
        unsubscribe_url=settings.unsubscribe_url,
    )
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False).inline(html)
