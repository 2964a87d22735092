"""The only writer to content/: new article files only, always inside content/articles, never twice.

An article already there is never overwritten (an editor may have changed it): the same
URL, feed GUID or file with the same text is reported as skipped; the same story under
another URL (near-identical text) is reported as a duplicate. Files are written through a
temporary file and a hard link, which fails rather than replace anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from ..diagnostics import Problems, relative
from ..editor_files import create_file
from ..load.fields import SLUG
from ..load.files import MAX_FILE_BYTES, split_front_matter
from ..load.publication import article_problems
from ..model import Config
from .dedupe import TextIndex
from .draft import Draft
from .slug import slugify

ARTICLES = Path("content") / "articles"
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|wt_mc|ref|cmpid)$", re.I)


@dataclass(frozen=True)
class Outcome:
    status: str  # new | skipped | duplicate | failed
    title: str
    path: str | None  # the article written, or the one already there
    reason: str | None = None


def leads_outside(project: Path, folder: Path) -> str | None:
    """Why ingest must not write into `folder`: a symbolic link on its way leads out of the project."""
    real, inside = (project / folder).resolve(), project.resolve()
    if real.is_relative_to(inside):
        return None
    return f"{folder.as_posix()} leads outside the project (to {real}) through a symbolic link; ingest writes only inside the project"


def url_key(url: str | None) -> str | None:
    """A URL as a duplicate key: no fragment, no tracking parameters, host in lowercase."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


class Store:
    def __init__(self, project: Path, config: Config, guids: dict[str, str]):
        self.project = project
        self.config = config
        self.root = (project / ARTICLES).resolve()
        self.guids = guids  # GUID -> article path, shared with the ingest state
        self.urls: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.sources: dict[str, str | None] = {}
        self.ids: dict[str, str] = {}
        self.texts = TextIndex()
        for path in sorted(self.root.rglob("*.md")) if self.root.is_dir() else []:
            self._index_file(path)

    def _index_file(self, path: Path) -> None:
        shown = relative(path, self.project.resolve())
        self.ids[path.stem] = shown
        try:
            front, body, _ = split_front_matter(path.read_text(encoding="utf-8"), shown, Problems()) or ("", "", 0)
            meta = yaml.safe_load(front) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return  # `briefing check` reports it; its id is still taken
        meta = meta if isinstance(meta, dict) else {}
        source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
        url = source.get("url") if isinstance(source.get("url"), str) else None
        name = source.get("name") if isinstance(source.get("name"), str) else None
        self._index(shown, url, None, name, str(meta.get("title") or ""), body)

    def _index(self, shown: str, url: str | None, guid: str | None, source: str | None, title: str, body: str) -> None:
        if url:
            self.urls.setdefault(url_key(url), shown)
        if guid:
            self.guids[guid] = shown
        self.titles[shown] = _squash(title)
        self.sources[shown] = source
        self.texts.add(shown, body or title)

    def add(self, draft: Draft) -> Outcome:
        near = self._near(draft)
        known = self.guids.get(draft.guid or "") or self.urls.get(url_key(draft.url) or "")
        if known and (draft.guid in self.guids or self.titles.get(known) == _squash(draft.title) or near and near[0] == known):
            return Outcome("skipped", draft.title, known, f"already ingested as {known} (never overwritten)")
        article_id, path = self._place(draft)
        if near and (near[0] == self.ids.get(article_id) or self._same_outlet(near[0], draft)):
            return Outcome("skipped", draft.title, near[0], f"already in content/ as {near[0]} (never overwritten)")
        if near:
            return Outcome("duplicate", draft.title, near[0], f"same text as {near[0]} ({near[1]:.0%} in common)")
        article_id, path = self._free(article_id, path)
        text = render(article_id, draft)
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            return Outcome(
                "failed",
                draft.title,
                None,
                f"the article would be {len(text.encode('utf-8')):,} bytes; "
                f"`briefing check` reads article files of at most {MAX_FILE_BYTES:,}",
            )
        errors = article_problems(path, relative(path, self.project.resolve()), text, self.config)
        if errors:
            return Outcome("failed", draft.title, None, f"would not pass `briefing check`: {errors[0]}")
        try:
            self._write(path, text)
        except ValueError as exc:
            return Outcome("failed", draft.title, None, str(exc))
        shown = relative(path, self.project.resolve())
        self.ids[article_id] = shown
        self._index(shown, draft.url, draft.guid, draft.source_name, draft.title, draft.body)
        return Outcome("new", draft.title, shown)

    def _near(self, draft: Draft) -> tuple[str, float] | None:
        """The article with near-identical text; one outlet's templated posts under new headlines are not copies."""
        near = self.texts.near(draft.body or draft.title)
        if near and self.sources.get(near[0]) == draft.source_name and self.titles.get(near[0]) != _squash(draft.title):
            return None
        return near

    def _same_outlet(self, shown: str, draft: Draft) -> bool:
        """Whether near-identical text in `shown` is this very article (a duplicate is the story from another outlet)."""
        return None in (self.sources.get(shown), draft.source_name) or self.sources.get(shown) == draft.source_name

    def _place(self, draft: Draft) -> tuple[str, Path]:
        slug = draft.slug or slugify(draft.title)
        if draft.published:
            article_id = f"{draft.published:%Y-%m-%d}-{slug}"
            return article_id, self.root / f"{draft.published:%Y}" / f"{article_id}.md"
        return slug, self.root / "undated" / f"{slug}.md"

    def _free(self, article_id: str, path: Path) -> tuple[str, Path]:
        """The first id not taken anywhere in content/articles: ids are unique across years."""
        candidate, number = article_id, 1
        while candidate in self.ids:
            number += 1
            candidate = f"{article_id}-{number}"
        return candidate, path.with_name(f"{candidate}.md")

    def _write(self, path: Path, text: str) -> None:
        if not SLUG.match(path.stem) or not path.resolve().is_relative_to(self.root):
            raise ValueError(f"refusing to write outside {ARTICLES}: {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.resolve().is_relative_to(self.root):
            raise ValueError(f"refusing to write outside {ARTICLES}: {path.parent} leads elsewhere")
        create_file(path, text)


def _squash(title: str) -> str:
    return " ".join(title.lower().split())


def render(article_id: str, draft: Draft) -> str:
    """The article file: YAML front matter in the loader's field order, then the Markdown body."""
    published = draft.published.replace(microsecond=0).isoformat() if draft.published else "null"
    lines = [
        "---",
        f"id: {yaml_scalar(article_id)}",  # an id like 0, no or null must stay text
        f"title: {yaml_scalar(draft.title)}",
        "source:",
        f"  name: {yaml_scalar(draft.source_name)}",
        f"  section: {yaml_scalar(draft.section)}",
        f"  url: {yaml_scalar(draft.url)}",
        f"author: {yaml_scalar(draft.author)}",
        f"published: {published}",
        f"language: {yaml_scalar(draft.language)}",
        f"topics: [{', '.join(draft.topics)}]",
        f"editor_note: {yaml_scalar(draft.editor_note)}",
        *([f"rights: {draft.rights}"] if draft.rights else []),
        "---",
    ]
    return "\n".join(lines) + "\n" + draft.body


def yaml_scalar(value: str | None) -> str:
    """One YAML scalar on one line, quoted when YAML needs it (never a YAML 1.1 boolean by accident)."""
    if value is None:
        return "null"
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
