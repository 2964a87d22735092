"""`briefing init DIR`: a new, empty publication that builds at once, as `hugo new site` or `mkdocs new` start one.

It writes the settings (mkdocs.yml from starter_files/, with the desk's name, languages, time zone
and topics), empty briefings/ and content/articles/, the glossary, a .gitignore and a README on
what to do next, and copies the tool's templates/ and locales/ (every output reads them from the
publication's own folder, so a desk can change them). It never writes into a folder that holds
anything, and writes nothing at all when a setting is wrong.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .load.config import is_zone
from .load.fields import SLUG, is_language_code, language_name

STARTER_FILES = Path(__file__).parent / "starter_files"
TOOL_FOLDER = Path(__file__).resolve().parents[2]  # the clone the tool runs from: its templates/ and locales/
COPIED = ("templates", "locales")
EMPTY_FOLDERS = ("briefings", "content/articles")  # each with a .gitkeep, so that a commit keeps it

# Starter texts in the languages the tool speaks; any other language is left for the editor (check warns).
DEFAULT_NAME = {"en": "New Briefing", "ko": "새 브리핑"}
DEFAULT_DESCRIPTION = {"en": "Briefings on the news, with their sources.", "ko": "출처와 함께 뉴스를 짚는 브리핑."}
STARTER_TOPICS = {
    "politics": {"en": "Politics", "ko": "정치"},
    "economy": {"en": "Economy", "ko": "경제"},
    "world": {"en": "World", "ko": "국제"},
    "society": {"en": "Society", "ko": "사회"},
}


class StarterError(Exception):
    """Why no publication was written, in one line."""


@dataclass
class Settings:
    """What `briefing init` asks for; each has a default, so it runs without a terminal."""

    languages: tuple[str, ...] = ("en", "ko")
    name: dict[str, str] = field(default_factory=dict)  # per language; a missing one gets DEFAULT_NAME's
    short_name: str | None = None  # MkDocs' own `site_name`; default: the name in the first language
    timezone: str = "Asia/Seoul"
    topics: tuple[str, ...] = tuple(STARTER_TOPICS)
    site_url: str = "https://briefing.example.org/"


def start_publication(folder: Path, settings: Settings) -> list[Path]:
    """Write the new publication into `folder` (made if missing, refused unless empty); the files written."""
    _check(settings)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StarterError(f"{folder} is not an empty folder (briefing init starts a publication only in a new or empty one)")
    missing = [name for name in COPIED if not (TOOL_FOLDER / name).is_dir()]
    if missing:
        raise StarterError(f"the tool's {' and '.join(missing)} not found in {TOOL_FOLDER} (briefing init copies them from its clone)")
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copytree(TOOL_FOLDER / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for name in EMPTY_FOLDERS:
        (folder / name).mkdir(parents=True)
        (folder / name / ".gitkeep").touch()
    texts = _texts(settings)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in (*texts, *COPIED, *EMPTY_FOLDERS)]


def _texts(settings: Settings) -> dict[str, str]:
    env = Environment(loader=FileSystemLoader(STARTER_FILES), undefined=StrictUndefined, trim_blocks=True, keep_trailing_newline=True)
    env.filters["yaml_text"] = lambda value: json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML one
    languages = settings.languages
    names = {language: settings.name.get(language) or _default_name(language) for language in languages}
    topics = {slug: _in_languages(STARTER_TOPICS.get(slug, {}), languages, slug.replace("-", " ").title()) for slug in settings.topics}
    context = {
        "languages": languages,
        "name": names,
        "short_name": settings.short_name or names[languages[0]],
        "description": _in_languages(DEFAULT_DESCRIPTION, languages, DEFAULT_DESCRIPTION["en"]),
        "topics": topics,
        "timezone": settings.timezone,
        "site_url": settings.site_url,
        "in_each_language": "{" + ", ".join(f"{language}: ..." for language in languages) + "}",
    }
    return {
        "mkdocs.yml": env.get_template("mkdocs.yml.j2").render(context),
        "README.md": env.get_template("README.md.j2").render(context),
        "glossary.yml": (STARTER_FILES / "glossary.yml").read_text(encoding="utf-8"),
        ".gitignore": (STARTER_FILES / "gitignore").read_text(encoding="utf-8"),
    }


def _default_name(language: str) -> str:
    return DEFAULT_NAME.get(language, DEFAULT_NAME["en"])


def _in_languages(known: dict[str, str], languages: tuple[str, ...], fallback: str) -> dict[str, str]:
    """The texts known in the publication's languages; when none is, `fallback` in the first (a text must exist somewhere)."""
    texts = {language: known[language] for language in languages if language in known}
    return texts or {languages[0]: fallback}


def _check(settings: Settings) -> None:
    """Every wrong setting in one message, before anything is written."""
    wrong = [f"unknown language code {code!r} (use e.g. en or ko)" for code in settings.languages if not is_language_code(code)]
    if not settings.languages or len(set(settings.languages)) != len(settings.languages):
        wrong.append("list each language once, e.g. --languages en,ko")
    if not is_zone(settings.timezone):
        wrong.append(f"unknown time zone {settings.timezone!r} (e.g. Asia/Seoul)")
    wrong += [f"topic {slug!r}: use lowercase letters, digits and hyphens" for slug in settings.topics if not SLUG.match(slug)]
    if not settings.topics:
        wrong.append("list at least one topic, e.g. --topics politics,economy")
    wrong += [f"--name {code}=…: {code!r} is not one of the languages" for code in settings.name if code not in settings.languages]
    if not settings.site_url.startswith(("https://", "http://")):
        wrong.append(f"--site-url {settings.site_url!r}: expected a web address like https://briefing.example.org/")
    if wrong:
        raise StarterError("; ".join(wrong))


def settings_from(
    languages: str | None, names: list[str], short_name: str | None, timezone: str | None, topics: str | None, site_url: str | None
) -> Settings:
    """Settings from command-line options, a default for each one not given; `--name ko=…` names one language, a bare name all."""
    settings = Settings()
    codes = tuple(_items(languages)) if languages is not None else settings.languages
    named: dict[str, str] = {}
    for name in names:
        code, sep, text = name.partition("=")
        if sep and is_language_code(code.strip()):  # `ko=한반도 브리핑`, not a name with "=" in it
            named[code.strip()] = text.strip()
        else:
            named.update(dict.fromkeys(codes, name.strip()))
    return Settings(
        languages=codes,
        name=named,
        short_name=short_name,
        timezone=timezone or settings.timezone,
        topics=tuple(_items(topics)) if topics is not None else settings.topics,
        site_url=site_url or settings.site_url,
    )


def ask(settings: Settings, prompt: Callable[[str], str] = input) -> Settings:
    """The settings asked for one by one on a terminal, each with its default shown (Enter keeps it)."""

    def answer(question: str, default: str) -> str:
        return prompt(f"{question} [{default}]: ").strip() or default

    languages = tuple(_items(answer("Languages, comma-separated", ",".join(settings.languages))))
    names = {code: answer(f"Name in {language_name(code)}", _default_name(code)) for code in languages}
    return Settings(
        languages=languages,
        name=names,
        short_name=answer("Short name", names[languages[0]]) if languages else None,
        timezone=answer("Time zone", settings.timezone),
        topics=tuple(_items(answer("Topics (ids), comma-separated", ",".join(settings.topics)))),
        site_url=answer("Web address the site will have", settings.site_url),
    )


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]
