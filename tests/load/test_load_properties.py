"""Property tests: whatever bytes or YAML an editor saves, the loader answers a Publication or problems.

And whatever it accepts, the pages and feeds render without an exception: a value the
loader lets through must be one every output can handle.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.diagnostics import Problems
from briefing.load import load
from briefing.outputs.feeds import write_feeds
from briefing.outputs.site import render_docs

from support.project import ARTICLE, BRIEFING, CONFIG, REPO, write_tree

BRIEFING_PATH = "briefings/2025-10-31-sample.yaml"
ARTICLE_PATH = "content/articles/2025/2025-10-30-sample.md"
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.sampled_from(
        [
            "no",
            "on",
            "2025-10-31",
            "2025-02-30",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "../x",
            "alliance",
            "2025-10-30-sample",
            "javascript:alert(1)",
            "<script>",
            "~",
            "",
            "\x00",
        ]
    ),
)
FIELDS = [
    "id",
    "date",
    "published",
    "updated",
    "title",
    "summary",
    "key_points",
    "topics",
    "articles",
    "en",
    "ko",
    "source",
    "url",
    "name",
    "author",
    "language",
    "editor_note",
]
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def project():
    with tempfile.TemporaryDirectory() as folder:
        root = write_tree(Path(folder), {"mkdocs.yml": CONFIG, ARTICLE_PATH: ARTICLE, BRIEFING_PATH: BRIEFING})
        shutil.copytree(REPO / "locales", root / "locales")
        yield root


def load_with(root: Path, path: str, content: bytes):
    """Load the project with `path` holding `content`; the other files stay the valid samples."""
    originals = {"mkdocs.yml": CONFIG, ARTICLE_PATH: ARTICLE, BRIEFING_PATH: BRIEFING}
    for name, text in originals.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / path).write_bytes(content)
    publication, problems = load(root)
    assert_outcome(publication, problems)
    return publication


def assert_outcome(publication, problems: Problems) -> None:
    assert (publication is None) == bool(problems.errors)
    for problem in problems.items:
        assert problem.location.line >= 1 and problem.location.column >= 1
        assert "\n" not in str(problem)


def render_all(publication, root: Path) -> None:
    """Every page in every language, and every feed, from the model the loader accepted."""
    with tempfile.TemporaryDirectory() as out:
        for language in publication.config.language_codes:
            docs = Path(out) / "docs" / language
            render_docs(publication, language, REPO / "templates" / "site", root / "locales", docs, docs.with_suffix(".json"))
        write_feeds(publication, Path(out) / "site", REPO / "templates" / "feeds", REPO / "locales")


@PROPERTY
@given(st.text(max_size=400))
def test_any_text_as_a_briefing(project, text):
    load_with(project, BRIEFING_PATH, text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.binary(max_size=400))
def test_any_bytes_as_an_article(project, data):
    load_with(project, ARTICLE_PATH, data)


@PROPERTY
@given(st.text(max_size=400))
def test_any_text_as_the_settings(project, text):
    load_with(project, "mkdocs.yml", text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(values)
def test_any_yaml_as_a_briefing(project, value):
    load_with(project, BRIEFING_PATH, yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.sampled_from(["id", "date", "published", "updated", "title", "summary", "key_points", "topics", "articles"]), values)
def test_any_value_in_a_briefing_field_loads_and_renders(project, field, value):
    document = yaml.safe_load(BRIEFING)
    document[field] = value
    publication = load_with(project, BRIEFING_PATH, yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass"))
    if publication is not None:
        render_all(publication, project)


@PROPERTY
@given(
    st.sampled_from(["id", "title", "source", "author", "published", "language", "topics", "editor_note"]), values, st.text(max_size=200)
)
@example("title", "0\x1f0", "")  # found by hypothesis: a control character, escaped in YAML, reached the feeds
def test_any_value_in_an_article_field_loads_and_renders(project, field, value, body):
    front = yaml.safe_load(ARTICLE.split("---")[1])
    front[field] = value
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    publication = load_with(project, ARTICLE_PATH, text.encode("utf-8", "surrogatepass"))
    if publication is not None:
        render_all(publication, project)


@PROPERTY
@given(st.sampled_from(["site_url", "theme", "plugins", "extra_css", "languages", "timezone", "site_name", "topics", "feed_limit"]), values)
def test_any_value_in_a_setting_loads_and_renders(project, key, value):
    settings_ = yaml.safe_load(CONFIG)
    target = settings_ if key in ("site_url", "theme", "plugins", "extra_css") else settings_["extra"]["briefing"]
    target[key] = value
    publication = load_with(project, "mkdocs.yml", yaml.safe_dump(settings_, allow_unicode=True).encode("utf-8", "surrogatepass"))
    if publication is not None:
        render_all(publication, project)
