"""Delivering the e-mail edition to a real local SMTP server (aiosmtpd): each subscriber once, in their language."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import socket
import subprocess
import sys

import pytest
from aiosmtpd.controller import Controller

from briefing.cli import main

from support.project import CONFIG

SETTINGS = """\
    mail:
      sender: Test Desk <desk@briefing.test>
      unsubscribe_url: https://briefing.test/unsubscribe
      subscribers: people/subscribers.csv
"""
WITH_MAIL = CONFIG.replace("    languages: [en, ko]\n", "    languages: [en, ko]\n" + SETTINGS)
ID = "2025-10-31-sample"
PEOPLE = "email,language,name\nann@example.org,en,Ann\n민수@example.org,ko,김민수\nbob@example.org,ko,Bob\ncy@example.org,en,\n"


class Server:
    """Accepts everything, except addresses it is told to refuse for good or to put off once; can kill the sender."""

    def __init__(self):
        self.received: list[email.message.EmailMessage] = []
        self.refuse, self.put_off, self.kill_before = set(), set(), None  # kill_before: (message number, pid)

    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802 (aiosmtpd's names)
        if self.kill_before and len(self.received) + 1 == self.kill_before[0]:
            os.kill(self.kill_before[1], signal.SIGKILL)  # between two messages: the sender has logged the last one
            self.kill_before = None
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        if address in self.put_off:
            self.put_off.discard(address)
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received.append(email.message_from_string(envelope.original_content.decode("utf-8"), policy=email.policy.default))
        return "250 OK"

    def addresses(self) -> list[str]:
        return sorted(message["To"].addresses[0].addr_spec for message in self.received)


@pytest.fixture
def smtp():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Server()
    controller = Controller(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    yield handler, f"smtp://127.0.0.1:{port}"
    controller.stop()


@pytest.fixture
def project(make_project):
    return make_project({"mkdocs.yml": WITH_MAIL, "people/subscribers.csv": PEOPLE}, templates=True)


def send(project, url, *args) -> int:
    return main(["--project", str(project), "mail", ID, "--send", "--smtp", url, "--rate", "100", *args])


def test_each_subscriber_gets_their_language_once(project, smtp, capsys):
    server, url = smtp
    assert send(project, url) == 0
    assert "sent 4, already sent 0, refused 0, deferred 0" in capsys.readouterr().out
    assert server.addresses() == sorted(["ann@example.org", "민수@example.org", "bob@example.org", "cy@example.org"])
    by_address = {message["To"].addresses[0].addr_spec: message for message in server.received}
    assert (
        by_address["민수@example.org"]["Subject"] == "시험 브리핑"
        and by_address["민수@example.org"]["To"].addresses[0].display_name == "김민수"
    )
    assert by_address["ann@example.org"]["Subject"] == "Sample briefing" and by_address["ann@example.org"]["Content-Language"] == "en"
    assert len({message["Message-ID"] for message in server.received}) == 4
    assert by_address["bob@example.org"].get_body(("html",)).get_content().count("시험 브리핑") >= 1
    assert send(project, url) == 0  # a second run sends nothing again
    assert "sent 0, already sent 4" in capsys.readouterr().out and len(server.received) == 4


def test_a_permanent_refusal_is_recorded_and_a_temporary_one_retried(project, smtp, capsys):
    server, url = smtp
    server.refuse, server.put_off = {"bob@example.org"}, {"cy@example.org"}
    assert send(project, url) == 0
    captured = capsys.readouterr()
    assert "sent 3, already sent 0, refused 1, deferred 0" in captured.out
    assert "refused   bob@example.org: 550 5.1.1 no such mailbox" in captured.err
    assert "bob@example.org" not in server.addresses() and "cy@example.org" in server.addresses()
    assert send(project, url) == 0  # the refused address is not tried again
    assert "sent 0, already sent 4" in capsys.readouterr().out and len(server.received) == 3


def test_a_sender_killed_half_way_then_run_again_reaches_everyone_exactly_once(project, smtp):
    server, url = smtp
    command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "mail", ID, "--send", "--smtp", url, "--rate", "100"]
    sender = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    server.kill_before = (3, sender.pid)
    sender.communicate(timeout=120)
    assert sender.returncode == -signal.SIGKILL and len(server.received) == 2
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "sent 2, already sent 2" in again.stdout, again.stderr
    assert server.addresses() == sorted(["ann@example.org", "민수@example.org", "bob@example.org", "cy@example.org"])


def test_a_dry_run_names_each_subscriber_and_sends_nothing(project, smtp, capsys):
    server, url = smtp
    assert main(["--project", str(project), "mail", ID, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ko  민수@example.org" in out and "en  ann@example.org" in out and "nothing sent" in out
    assert server.received == []


def test_every_bad_row_is_named_and_nothing_is_sent(make_project, smtp, capsys):
    server, url = smtp
    bad = "email,language,name\nann@example.org,en,Ann\nnot-an-address,en,X\nann@example.org,ko,Again\nzoe@example.org,fr,Zoe\n"
    project = make_project({"mkdocs.yml": WITH_MAIL, "people/subscribers.csv": bad}, templates=True)
    assert send(project, url) == 1
    err = capsys.readouterr().err
    assert "people/subscribers.csv:3:1: email: not an e-mail address: 'not-an-address'" in err
    assert "people/subscribers.csv:4:1: email: ann@example.org is listed twice (first on line 2)" in err
    assert "people/subscribers.csv:5:17: language: 'fr' is not one of the publication's languages (en, ko)" in err
    assert server.received == []


def test_a_subscriber_list_inside_the_site_is_refused(make_project, smtp, capsys):
    server, url = smtp
    project = make_project({"mkdocs.yml": WITH_MAIL, "site/subscribers.csv": PEOPLE}, templates=True)
    assert send(project, url, "--subscribers", str(project / "site/subscribers.csv")) == 1
    assert "site/subscribers.csv:1:1: subscribers: a subscriber list inside site/" in capsys.readouterr().err
    assert server.received == []


def test_check_refuses_a_subscriber_list_the_site_could_publish(make_project, capsys):
    project = make_project({"mkdocs.yml": WITH_MAIL.replace("people/subscribers.csv", "site/subscribers.csv")})
    assert main(["--project", str(project), "check"]) == 1
    assert "mkdocs.yml:13:20: extra.briefing.mail.subscribers: a path inside the project, outside site/" in capsys.readouterr().err
