"""The e-mail edition as a mail client receives it: headers, a text and an HTML part, in each language."""

from __future__ import annotations

import email
import email.policy
from email.utils import format_datetime, parsedate_to_datetime

import pytest

from briefing.cli import main
from briefing.load import load_or_raise
from briefing.outputs.text_width import display_width

from support import pdftools
from support.payloads import html_payloads, live_markup, yaml_text
from support.project import BRIEFING, CONFIG, WITH_MAIL

ID = "2025-10-31-sample"


def messages(project, tmp_path, *args) -> dict[str, email.message.EmailMessage]:
    assert main(["--project", str(project), "mail", ID, "--output", str(tmp_path / "out"), *args]) == 0
    return {path.name: email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in (tmp_path / "out").iterdir()}


def test_one_message_per_language_with_the_headers_providers_require(make_project, tmp_path):
    assert "mail:" in WITH_MAIL
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    briefing = load_or_raise(project).briefings[0]
    found = messages(project, tmp_path)
    assert sorted(found) == [f"{ID}.en.eml", f"{ID}.ko.eml"]
    korean = found[f"{ID}.ko.eml"]
    assert korean["Subject"] == "[Briefing] 시험 브리핑" and "=?utf-8?" in (tmp_path / "out" / f"{ID}.ko.eml").read_text()
    assert korean["From"] == "Test Desk <desk@briefing.test>" and korean["Reply-To"] == "editors@briefing.test"
    assert parsedate_to_datetime(korean["Date"]) == briefing.published and korean["Date"] == format_datetime(briefing.published)
    assert (
        korean["Message-ID"] == f"<{ID}.ko@briefing.test>" and korean["List-Id"] == "<briefing.test>" and korean["Content-Language"] == "ko"
    )
    assert korean["List-Unsubscribe"].strip() == "<https://briefing.test/unsubscribe>, <mailto:leave@briefing.test>"
    assert korean["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert korean.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in korean.iter_parts()] == ["text/plain", "text/html"]


def test_the_text_part_reads_well_at_72_columns(make_project, tmp_path):
    project = make_project(
        {
            "mkdocs.yml": WITH_MAIL,
            "briefings/2025-10-31-sample.yaml": BRIEFING.replace(
                "무슨 일이 있었나.",
                "한미 외교장관은 확장억제 강화와 공급망 협력을 재확인했으며 북한 비핵화가 여전히 최우선 과제라고 강조했다. " * 3,
            ),
        },
        templates=True,
    )
    text = messages(project, tmp_path)[f"{ID}.ko.eml"].get_body(("plain",)).get_content()
    lines = text.splitlines()
    assert lines[0] == "시험 브리핑" and lines[1] == "2025년 10월 31일 금요일"
    assert all(display_width(line) <= 72 for line in lines) and max(map(display_width, lines)) > 60
    assert " 1. Sample article — Sample Daily" in lines and "    https://news.example/sample" in lines
    assert lines[-1] == f"https://briefing.test/ko/briefings/{ID}/"


def test_the_html_part_is_small_self_contained_and_the_same_each_time(make_project, tmp_path):
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    first = (messages(project, tmp_path), (tmp_path / "out" / f"{ID}.en.eml").read_bytes())
    html = first[0][f"{ID}.en.eml"].get_body(("html",)).get_content()
    assert len(html.encode()) < 100_000
    assert "<script" not in html and "<img" not in html and "<link" not in html and "@import" not in html
    assert 'style="' in html and f'href="https://briefing.test/en/briefings/{ID}/"' in html
    assert 'href="https://news.example/sample"' in html
    assert (messages(project, tmp_path), (tmp_path / "out" / f"{ID}.en.eml").read_bytes())[1] == first[1]


def test_payloads_stay_text_and_the_html_fetches_nothing_at_any_width(make_project, tmp_path, browser, canary):
    p = [yaml_text(payload) for payload in html_payloads(canary[0])]
    hostile = BRIEFING.replace("title: {en: Sample briefing, ko: 시험 브리핑}", f"title: {{en: {p[0]}, ko: {p[4]}}}")
    hostile = hostile.replace("summary: {en: What happened., ko: 무슨 일이 있었나.}", f"summary: {{en: {p[2]}, ko: {p[6]}}}")
    project = make_project({"mkdocs.yml": WITH_MAIL, "briefings/2025-10-31-sample.yaml": hostile}, templates=True)
    for name, message in messages(project, tmp_path).items():
        html = message.get_body(("html",)).get_content()
        assert live_markup(html, canary[0]) == [], name
        page = browser.new_page(viewport={"width": 390, "height": 800})
        requests = []
        page.on("request", lambda request, seen=requests: seen.append(request.url))
        page.set_content(html)
        for width in (390, 600):
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
        assert requests == [] and canary[1] == []


@pytest.mark.parametrize(
    "config, says",
    [
        (CONFIG, "mail failed: mkdocs.yml: extra.briefing.mail: missing"),
        (
            WITH_MAIL.replace("Test Desk <desk@briefing.test>", "nobody"),
            "mkdocs.yml:11:15: extra.briefing.mail.sender: expected an e-mail address",
        ),
    ],
)
def test_missing_or_wrong_settings_are_one_clear_line(make_project, tmp_path, capsys, config, says):
    project = make_project({"mkdocs.yml": config}, templates=True)
    assert main(["--project", str(project), "mail", ID, "--output", str(tmp_path)]) == 1
    assert says in capsys.readouterr().err


def test_an_unknown_briefing_is_named(make_project, tmp_path, capsys):
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    assert main(["--project", str(project), "mail", "2025-01-01-nothing", "--output", str(tmp_path)]) == 1
    assert "mail failed: no briefing '2025-01-01-nothing'" in capsys.readouterr().err


def test_a_broken_mail_template_is_named_with_its_line(make_project, tmp_path, capsys):
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    template = project / "templates/mail/_briefing.html.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("<h{{ level }} class", "{{ item.nothing.here }}<h{{ level }} class"), encoding="utf-8"
    )
    assert main(["--project", str(project), "mail", ID, "--output", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("mail failed: templates/mail/_briefing.html.j2:2: template error: ")


def test_the_pdf_is_attached_in_the_messages_language(make_project, tmp_path):
    project = make_project({"mkdocs.yml": WITH_MAIL}, templates=True)
    korean = messages(project, tmp_path, "--attach-pdf", "--lang", "ko")[f"{ID}.ko.eml"]
    assert korean.get_content_type() == "multipart/mixed"
    body, attachment = korean.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    assert attachment.get_filename() == f"{ID}.ko.pdf" and attachment.get_content_type() == "application/pdf"
    assert attachment.get_content().startswith(b"%PDF-")
    (tmp_path / "attached.pdf").write_bytes(attachment.get_content())
    assert "시험 브리핑" in pdftools.text(tmp_path / "attached.pdf")


def test_a_week_goes_out_as_one_message_holding_its_briefings(make_project, tmp_path):
    second = BRIEFING.replace("2025-10-31-sample", "2025-11-01-second").replace("date: 2025-10-31", "date: 2025-11-01")
    second = second.replace("Sample briefing", "Second briefing").replace("시험 브리핑", "두 번째 브리핑")
    project = make_project({"mkdocs.yml": WITH_MAIL, "briefings/2025-11-01-second.yaml": second}, templates=True)
    assert main(["--project", str(project), "mail", "--week", "2025-W44", "--output", str(tmp_path / "out")]) == 0
    korean = email.message_from_bytes((tmp_path / "out" / "2025-W44.ko.eml").read_bytes(), policy=email.policy.default)
    assert korean["Subject"] == "[Briefing] 시험 브리핑 — 주간 브리핑 모음: 2025년 44주차"
    assert korean["Message-ID"] == "<2025-W44.ko@briefing.test>"
    text = korean.get_body(("plain",)).get_content()
    assert text.index("시험 브리핑") < text.index("두 번째 브리핑")
    html = korean.get_body(("html",)).get_content()
    assert html.count('class="title"') == 2 and "<h1" in html
    assert main(["--project", str(project), "mail", "--week", "2025-W40", "--output", str(tmp_path)]) == 1
