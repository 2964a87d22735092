"""The desk's identity in mkdocs.yml: read into the model when right, every mistake named with its place."""

from __future__ import annotations

from briefing.load import load
from briefing.model import Localized

from support.project import CONFIG

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n'


def with_identity(theme: str, footer: str, top: str = "") -> str:
    """The sample settings with `theme` lines under theme:, `footer` lines under extra.briefing and `top` at the top level."""
    config = CONFIG.replace("  font: false\n", "  font: false\n" + theme).replace(
        "    timezone: Asia/Seoul\n", "    timezone: Asia/Seoul\n" + footer
    )
    return top + config


GOOD = with_identity(
    '  logo: assets/desk.svg\n  palette: {primary: "#12355b", accent: teal}\n',
    "    short_name: {en: Test, ko: 시험}\n"
    "    footer:\n"
    "      about: {en: A desk., ko: 데스크.}\n"
    "      contact: desk@briefing.test\n"
    "      disclaimer: {en: Not advice., ko: 조언이 아닙니다.}\n"
    '      links: [{name: {en: About, ko: 소개}, url: "https://briefing.test/about/"}]\n',
    "copyright: © 2025 Test Briefing\n",
)


def test_identity_is_read_into_the_model(make_project):
    publication, problems = load(make_project({"mkdocs.yml": GOOD, "assets/desk.svg": LOGO}))
    assert [str(problem) for problem in problems.items] == []
    identity = publication.config.identity
    assert identity.short_name == Localized({"en": "Test", "ko": "시험"})
    assert (identity.logo.suffix, identity.logo.data) == (".svg", LOGO.encode())
    assert (identity.primary, identity.accent, identity.contact) == ("#12355b", "teal", "desk@briefing.test")
    assert identity.copyright == Localized({"en": "© 2025 Test Briefing", "ko": "© 2025 Test Briefing"})  # one text: every language
    assert [(link.name.texts["ko"], link.url) for link in identity.links] == [("소개", "https://briefing.test/about/")]


def test_no_identity_is_no_problem(make_project):
    publication, problems = load(make_project())
    assert problems.items == []
    assert publication.config.identity.logo is None and publication.config.identity.primary is None


def test_each_identity_mistake_is_named_with_its_place(make_project):
    config = with_identity(
        '  logo: ../outside.svg\n  palette: {primary: "#12355", accent: indgo}\n',
        "    footer:\n"
        "      contact: call us\n"
        "      links: [{name: {en: About, ko: 소개}, url: \"javascript:alert('x')\"}]\n"
        "      motto: {en: Hi, ko: 안녕}\n",
        "copyright: {en: © Test, ko: © 시험, fr: © Essai}\n",
    )
    publication, problems = load(make_project({"mkdocs.yml": config}))
    assert publication is None
    assert [str(problem) for problem in problems.sorted()] == [
        "mkdocs.yml:1:35: copyright.fr: unknown field (valid fields: en, ko)",
        "mkdocs.yml:7:9: theme.logo: a path inside the project, like assets/logo.svg, got '../outside.svg'",
        "mkdocs.yml:8:22: theme.palette.primary: expected a colour like \"#12355b\" or a Material colour name (teal), got '#12355'",
        "mkdocs.yml:8:40: theme.palette.accent: expected a colour like \"#12355b\" or a Material colour name (teal), got 'indgo'",
        "mkdocs.yml:15:16: extra.briefing.footer.contact: expected an e-mail or web address (desk@example.org), got 'call us'",
        "mkdocs.yml:16:48: extra.briefing.footer.links[0].url: expected a web address like https://news.example/story, "
        "got \"javascript:alert('x')\"",
        "mkdocs.yml:17:7: extra.briefing.footer.motto: unknown field (valid fields: about, contact, disclaimer, links)",
    ]


def test_a_logo_must_be_an_image_file_in_the_project(make_project):
    for logo, files, message in (
        ("assets/none.svg", {}, "no file 'assets/none.svg' in the project"),
        (
            "assets/desk.gif",
            {"assets/desk.gif": "GIF89a"},
            "expected an image file (.svg, .png, .webp, .jpg, .jpeg), got 'assets/desk.gif'",
        ),
    ):
        publication, problems = load(make_project({"mkdocs.yml": with_identity(f"  logo: {logo}\n", ""), **files}))
        assert [str(problem) for problem in problems.sorted()] == [f"mkdocs.yml:6:9: theme.logo: {message}"]
