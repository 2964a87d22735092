"""Delivering the e-mail edition: to every subscriber once, never twice, whatever stops a run.

The send log is an SQLite database in `.briefing/` with one row per recipient the server
accepted (or refused for good), committed before the next message goes out: a run that
is killed or cut off, run again, sends only to those without a row. A temporary failure
(4xx, a dropped connection) is retried with backoff and, if it persists, left for the
next run; a permanent refusal (5xx) is recorded and not retried.
"""

from __future__ import annotations

import copy
import hashlib
import os
import smtplib
import sqlite3
import ssl
import time
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

from ...diagnostics import BuildError
from .subscribers import Subscriber

RETRIES = (0.5, 1.0, 2.0)  # seconds before each further try of a temporary failure


@dataclass
class Delivery:
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # sent by an earlier run
    refused: dict[str, str] = field(default_factory=dict)  # permanent: not retried
    deferred: dict[str, str] = field(default_factory=dict)  # temporary: the next run tries again


def addressed(message: EmailMessage, subscriber: Subscriber) -> EmailMessage:
    """The edition for one reader: their address in To, and a Message-ID of its own (stable, so a resend is recognisable)."""
    personal = copy.deepcopy(message)
    local, _, domain = subscriber.email.rpartition("@")
    personal["To"] = Address(subscriber.name, username=local, domain=domain)  # an address in Korean goes out with SMTPUTF8
    digest = hashlib.sha256(subscriber.email.lower().encode()).hexdigest()[:16]
    personal.replace_header("Message-ID", message["Message-ID"].replace("@", f".{digest}@", 1))
    return personal


def send(
    editions: dict[str, EmailMessage],
    subscribers: list[Subscriber],
    smtp_url: str,
    log: Path,
    rate: float,
    progress=lambda subscriber: None,
) -> Delivery:
    """Each subscriber their language's edition, through the server at `smtp_url` (smtp:// or smtps://)."""
    delivery = Delivery()
    log.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(log) as database:
        database.execute(
            "CREATE TABLE IF NOT EXISTS sent (message TEXT, address TEXT, status TEXT, detail TEXT, at REAL, "
            "PRIMARY KEY (message, address))"
        )
        done = {(row[0], row[1]) for row in database.execute("SELECT message, address FROM sent")}
        server, last = None, 0.0
        try:
            for subscriber in subscribers:
                message = editions[subscriber.language]
                key = (message["Message-ID"], subscriber.email.lower())
                if key in done:
                    delivery.already.append(subscriber.email)
                    progress(subscriber)
                    continue
                time.sleep(max(0.0, last + 1 / rate - time.monotonic()) if rate else 0)
                last = time.monotonic()
                server, status, detail = _deliver(server, smtp_url, addressed(message, subscriber))
                if status in ("sent", "refused"):
                    database.execute("INSERT INTO sent VALUES (?, ?, ?, ?, ?)", (*key, status, detail, time.time()))
                    database.commit()  # before the next message goes out
                if status == "sent":
                    delivery.sent.append(subscriber.email)
                else:
                    (delivery.refused if status == "refused" else delivery.deferred)[subscriber.email] = detail
                progress(subscriber)
        finally:
            if server is not None:
                try:
                    server.quit()
                except (smtplib.SMTPException, OSError):
                    pass
    return delivery


def _deliver(server, smtp_url: str, message: EmailMessage):
    """(server, status, detail): status "sent", "refused" (5xx) or "deferred" (temporary, after the retries)."""
    detail = ""
    for wait in (0.0, *RETRIES):
        time.sleep(wait)
        try:
            server = server or connect(smtp_url)
            server.send_message(message)
            return server, "sent", ""
        except smtplib.SMTPNotSupportedError as exc:  # e.g. an address in Korean to a server without SMTPUTF8
            return server, "refused", str(exc)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = next(iter(exc.recipients.values()))
            detail = f"{code} {reason.decode(errors='replace') if isinstance(reason, bytes) else reason}"
            if code >= 500:
                return server, "refused", detail
        except smtplib.SMTPResponseException as exc:
            detail = f"{exc.smtp_code} {exc.smtp_error.decode(errors='replace') if isinstance(exc.smtp_error, bytes) else exc.smtp_error}"
            if exc.smtp_code >= 500:
                return server, "refused", detail
            server = _dropped(server)
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError) as exc:
            detail = f"connection: {exc}"
            server = _dropped(server)
    return server, "deferred", detail


def _dropped(server) -> None:
    if server is not None:
        try:
            server.close()
        except OSError:
            pass
    return None


def connect(smtp_url: str) -> smtplib.SMTP:
    """A connection to `smtp://host:port` (STARTTLS when offered) or `smtps://host:port`; credentials from the environment only."""
    parts = urlsplit(smtp_url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise BuildError(f"--smtp {smtp_url}: expected smtp://host:port or smtps://host:port")
    context = ssl.create_default_context()
    if parts.scheme == "smtps":
        server = smtplib.SMTP_SSL(parts.hostname, parts.port or 465, timeout=30, context=context)
    else:
        server = smtplib.SMTP(parts.hostname, parts.port or 25, timeout=30)
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls(context=context)
            server.ehlo()
    user, password = os.environ.get("BRIEFING_SMTP_USER"), os.environ.get("BRIEFING_SMTP_PASSWORD")
    if user and password:
        server.login(user, password)
    return server
