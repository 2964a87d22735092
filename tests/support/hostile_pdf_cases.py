"""The bad-input corpus for `briefing pdf`: payloads and bad requests reaching the digest PDFs.

Every case asks for the October 2025 digest into `out/` (the only folder `pdf` may add
to; build/ holds its render cache). test_hostile_pdf.py also checks every PDF written:
no request reached the canary server, no /etc/passwd text got in, no script, launch,
embedded file or non-web link is in it, and the payloads a reader sees are text.
"""

from __future__ import annotations

import re

from support.hostile_cases import PROBLEM, A, B, C, Case, Link, article, briefing, config, edit
from support.payloads import CANARY, MARK, html_payloads, yaml_text
from support.project import REPO

# Problems and warnings, the closing summary or failure, notes per PDF, and argparse's usage lines.
PDF_LINE = re.compile(
    rf"^({PROBLEM}|pdf failed: \S.*|Wrote \d+ PDFs?: .+|\S+\.pdf: \S.*|no briefings from .+"
    r"|usage: briefing .+|\s+\S.*|briefing pdf: error: .+)$"
)
OCTOBER = ("pdf", "--from", "2025-10-01", "--to", "2025-10-31", "--output", "{project}/out")
PDF = {"outputs": ("build",), "adds": ("out",), "line": PDF_LINE}
EN, KO = "digest-2025-10-01_2025-10-31.en.pdf", "digest-2025-10-01_2025-10-31.ko.pdf"

P = html_payloads()


def tagged(index: int, field: str) -> str:
    """Payload `index`, marked with the field it stands in, so the PDF test can tell which field showed it."""
    return P[index].replace(MARK, f"{MARK}-{field}")


FIELDS = {
    "title": tagged(0, "title"),
    "summary": " ".join(tagged(i, "summary") for i in range(len(P))),
    "point": tagged(11, "point"),
    "article": tagged(5, "article"),
    "outlet": tagged(4, "outlet"),
    "site": tagged(6, "site"),
    "about": tagged(1, "about"),
    "topic": tagged(7, "topic"),
}
Q = {field: yaml_text(payload) for field, payload in FIELDS.items()}
LAYOUT = (REPO / "templates/pdf/_layout.html.j2").read_text(encoding="utf-8")
PRINT_CSS = (REPO / "templates/pdf/print.css").read_text(encoding="utf-8")


def pdf(name: str, files: dict, says: tuple[str, ...], usable: bool = False, command=OCTOBER, **more) -> Case:
    return Case(name, files, says, usable, commands=(command,), **PDF, **more)


PAYLOADS_EVERYWHERE = {
    **briefing(
        ("en: Sample briefing", f"en: {Q['title']}"),
        ("en: What happened.", f"en: {Q['summary']}"),
        ("en: First point.", f"en: {Q['point']}"),
    ),
    **article(
        ("title: Sample article", f"title: {Q['article']}"),
        ("name: Sample Daily", f"name: {Q['outlet']}"),
        ('url: "https://news.example/sample"', f'url: "https://news.example/{MARK}?q=%22%3E%3Cscript%3E"'),
    ),
    **config(
        ("site_name: {en: Test Briefing,", f"site_name: {{en: {Q['site']},"),
        ("{en: A test publication.,", f"{{en: {Q['about']},"),
        ("{en: Alliance,", f"{{en: {Q['topic']},"),
    ),
}

PDF_CASES = (
    pdf(
        "pdf: script, images, frames, file:// and CSS url() in every field a digest shows",
        PAYLOADS_EVERYWHERE,
        (
            f"{B}:3:13: title.en: warning: looks like HTML (<script>)",
            f"{A}:3:8: title: warning: looks like HTML",
            f"{C}:11:21: extra.briefing.site_name.en: warning: looks like HTML",
            "Wrote 2 PDFs: 2 rendered",
        ),
        usable=True,
        shows=tuple(FIELDS.values()),
    ),
    pdf(
        "pdf: a template naming a remote stylesheet, a local file and an attachment",
        {
            "templates/pdf/_layout.html.j2": edit(
                LAYOUT,
                (
                    '<meta charset="utf-8">',
                    f'<meta charset="utf-8"><link rel="stylesheet" href="{CANARY}/x.css"><link rel="attachment" href="file:///etc/passwd">',
                ),
                ("<body", '<body style="background: url(file:///etc/passwd)"'),
            )
        },
        (f"{EN}: left out {CANARY}/x.css (not one of the publication's assets)", f"{EN}: left out file:///etc/passwd"),
        usable=True,
    ),
    pdf(
        "pdf: print.css importing file:///etc/passwd and a remote image",
        {
            "templates/pdf/print.css": f'@import url("file:///etc/passwd");\nh1::after {{ content: url("{CANARY}/after.svg"); }}\n'
            + PRINT_CSS
        },
        (f"{EN}: left out file:///etc/passwd", f"{KO}: left out {CANARY}/after.svg"),
        usable=True,
    ),
    pdf(
        "pdf: a template asset linked to /etc/passwd",
        {
            "templates/pdf/logo.svg": Link("/etc/passwd"),
            "templates/pdf/_layout.html.j2": edit(
                LAYOUT, ("<body class", '<body><img src="logo.svg" alt=""><div class'), ("</body>", "</div></body>")
            ),
        },
        (f"{EN}: left out file://",),
        usable=True,
    ),
    pdf(
        "pdf: a character no font has, in a title",
        briefing(("en: Sample briefing", "en: Sample 𓀀 briefing")),
        (f"pdf failed: {EN}: 1 character(s) have no glyph in font",),
    ),
    pdf(
        "pdf: a broken briefing",
        briefing(("date: 2025-10-31", "date: 2025-10-32")),
        (f"{B}:2:7: date: invalid date '2025-10-32'", "pdf failed: 1 problem(s) in the sources"),
    ),
    pdf(
        "pdf: --from after --to",
        {},
        ("pdf failed: --from 2025-11-01 is after --to 2025-10-01",),
        command=("pdf", "--from", "2025-11-01", "--to", "2025-10-01", "--output", "{project}/out"),
    ),
    pdf(
        "pdf: a period without briefings",
        {},
        ("pdf failed: no briefings are dated from 2025-01-01 to 2025-01-31",),
        command=("pdf", "--from", "2025-01-01", "--to", "2025-01-31", "--output", "{project}/out"),
    ),
    pdf(
        "pdf: unknown --lang",
        {},
        ("pdf failed: --lang ../fr: the publication's languages are en, ko",),
        command=(*OCTOBER, "--lang", "../fr"),
    ),
    pdf(
        "pdf: a date that is not one",
        {},
        ("briefing pdf: error: argument --to: invalid date '2025-10-31/../../x' (expected YYYY-MM-DD)",),
        command=("pdf", "--from", "2025-10-01", "--to", "2025-10-31/../../x", "--output", "{project}/out"),
    ),
    pdf("pdf: --output is a file", {"out": "an editor's notes, not a folder\n"}, ("pdf failed: File exists: {project}/out",)),
    pdf(
        "pdf: a template error",
        {"templates/pdf/digest.html.j2": "{% extends '_layout.html.j2' %}{% block body %}{{ digest.nothing.here }}{% endblock %}\n"},
        (
            "pdf failed: templates/pdf/digest.html.j2:1: template error: 'briefing.outputs.periods.Digest object' has no attribute 'nothing'",
        ),
    ),
)
