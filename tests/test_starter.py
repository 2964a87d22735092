"""`briefing init DIR`: a new, empty publication that builds at once; never written into a folder that holds anything."""

from __future__ import annotations

import io
import re

from briefing.cli import main
from briefing.diagnostics import Problems
from briefing.load.config import load_config
from briefing.starter import Settings, ask

from support.snapshots import snapshot


def test_a_new_publication_builds_at_once_with_a_home_page_in_each_language(tmp_path, capsys):
    folder = tmp_path / "desk"
    options = ["--name", "en=Peninsula Desk", "--name", "ko=한반도 데스크", "--languages", "en,ko", "--topics", "alliance,trade"]
    assert main(["init", str(folder), *options]) == 0
    assert f"Started {folder} (en, ko; Asia/Seoul; topics: alliance, trade)" in capsys.readouterr().out
    assert main(["--project", str(folder), "check"]) == 0
    checked = capsys.readouterr()
    assert checked.out == "ok: 0 articles (0 in full), 0 briefings (0 errors, 2 warnings)\n"  # topics given by id: Korean names to write
    assert checked.err.splitlines() == [
        "mkdocs.yml:39:9: extra.briefing.topics.alliance.ko: warning: missing Korean translation",
        "mkdocs.yml:42:9: extra.briefing.topics.trade.ko: warning: missing Korean translation",
    ]
    assert main(["--project", str(folder), "build", "-q"]) == 0
    for language, name in (("en", "Peninsula Desk"), ("ko", "한반도 데스크")):
        home = (folder / "site" / language / "index.html").read_text(encoding="utf-8")
        assert f"<title>{name}</title>" in home and f'lang="{language}"' in home
    assert {path.name for path in folder.iterdir()} >= {"mkdocs.yml", "README.md", "glossary.yml", ".gitignore", "templates", "locales"}
    assert [path.name for path in (folder / "briefings").iterdir()] == [".gitkeep"]
    assert [path.name for path in (folder / "content" / "articles").iterdir()] == [".gitkeep"]
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert {"/site/", "/build/", "/.briefing/", "/subscribers.csv"} <= set(ignored)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert all(command in readme for command in ("briefing ingest", "briefings/", "briefing check", "briefing serve", "briefing build"))


def test_options_are_the_publications_settings(tmp_path):
    folder = tmp_path / "desk"
    options = ["--languages", "ko", "--name", "남북 데스크", "--timezone", "Europe/Berlin", "--topics", "north-korea,politics"]
    assert main(["init", str(folder), *options, "--site-url", "https://desk.example/"]) == 0
    problems = Problems()
    config = load_config(folder, problems)
    assert problems.items == []
    assert config.language_codes == ("ko",)
    assert config.site_name.texts == {"ko": "남북 데스크"}
    assert config.timezone == "Europe/Berlin"
    assert config.site_url == "https://desk.example/"
    assert {slug: topic.name.texts for slug, topic in config.topics.items()} == {
        "north-korea": {"ko": "North Korea"},
        "politics": {"ko": "정치"},
    }


def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(folder)
    assert main(["init", str(folder), "--languages", "en"]) == 1
    assert (
        capsys.readouterr().err
        == f"init failed: {folder} is not an empty folder (briefing init starts a publication only in a new or empty one); nothing written\n"
    )
    assert snapshot(folder) == before


def test_wrong_settings_are_named_and_nothing_is_written(tmp_path, capsys):
    folder = tmp_path / "desk"
    assert main(["init", str(folder), "--languages", "en,xx-bad", "--timezone", "Mars/Olympus", "--topics", "Big News"]) == 1
    err = capsys.readouterr().err
    assert "unknown language code 'xx-bad'" in err and "unknown time zone 'Mars/Olympus'" in err and "topic 'Big News'" in err
    assert not folder.exists()


def test_without_a_terminal_no_question_is_asked_and_the_defaults_are_used(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    folder = tmp_path / "desk"
    assert main(["init", str(folder)]) == 0
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r'en: "New Briefing"\n\s+ko: "새 브리핑"', text) and "languages: [en, ko]" in text and '"Asia/Seoul"' in text


def test_on_a_terminal_each_setting_is_asked_for_and_enter_keeps_the_default():
    answers = iter(["en,ko", "Harbour Desk", "", "HD", "", "ports,shipping", ""])
    questions = []

    def prompt(question: str) -> str:
        questions.append(question)
        return next(answers)

    settings = ask(Settings(), prompt)
    assert questions[:3] == ["Languages, comma-separated [en,ko]: ", "Name in English [New Briefing]: ", "Name in Korean [새 브리핑]: "]
    assert settings.name == {"en": "Harbour Desk", "ko": "새 브리핑"}
    assert (settings.short_name, settings.timezone, settings.topics) == ("HD", "Asia/Seoul", ("ports", "shipping"))
