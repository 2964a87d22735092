"""The bad-input corpus: what editors, pasted text and third-party content throw at the tool.

Each Case is a small publication (support.project's one article, one briefing and mkdocs.yml,
with `files` changed) and what the commands must say about it; hostile_runner.py runs
a case through the real CLI and checks it. This module holds the loader's cases
(`briefing check` and `briefing build`); hostile_ingest_cases.py and
hostile_pdf_cases.py hold those of `briefing ingest` and `briefing pdf`, each with its
own `commands`, `adds` and `line`. Placeholders in commands, file texts and expected
lines: {outside} (a folder next to the project), {project}, {server} (the ingest test
server) and the case's `args`; payloads' canary URL is replaced by a live one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from support.payloads import html_payloads, markdown_payloads, yaml_text
from support.project import ARTICLE, BRIEFING, CONFIG, REPO

B = "briefings/2025-10-31-sample.yaml"
A = "content/articles/2025/2025-10-30-sample.md"
C = "mkdocs.yml"
CHECK_AND_BUILD = (("check",), ("build", "-q"))
# A problem as every command prints it: "path:line:col: field: message".
PROBLEM = r"[^\s:][^:]*:\d+:\d+: [^:]+: (warning: )?\S.*"
# What check and build print on stderr: problems, then one summary line.
PROBLEM_OR_SUMMARY = re.compile(
    rf"^({PROBLEM}|check failed: \d+ errors?, \d+ warnings?( treated as (an error|errors))?|build failed: .+; site/ left as it was)$"
)


@dataclass(frozen=True)
class Link:
    """A symbolic link; `{outside}` stands for a folder next to the project."""

    target: str


class Fifo:
    """A named pipe: reading it would wait forever."""


class Folder:
    """A folder where a file is expected."""


@dataclass(frozen=True)
class Case:
    name: str
    files: dict  # path -> str | bytes | Link | Fifo | Folder | None (removed)
    says: tuple[str, ...] = ()  # stderr lines expected, each as its beginning: "path:line:col: field: message"
    usable: bool = False  # the input can be used: every command succeeds (warnings allowed)
    commands: tuple[tuple[str, ...], ...] = CHECK_AND_BUILD
    outputs: tuple[str, ...] = ("site", "build")  # top-level folders the commands own: anything may change there
    adds: tuple[str, ...] = ()  # folders where the commands may add files (never change one)
    line: re.Pattern = PROBLEM_OR_SUMMARY  # every stderr line must match it: no traceback, no stray output
    args: dict = field(default_factory=dict)  # values for {placeholders} in commands
    finds: tuple[str, ...] = ()  # texts that must be in the files the commands added (a note, a decoded title)
    shows: tuple[str, ...] = ()  # texts a reader must see in the PDFs the commands wrote (pdftotext)


def edit(text: str, *pairs: tuple[str, str], append: str = "") -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text + append


def briefing(*pairs, append=""):
    return {B: edit(BRIEFING, *pairs, append=append)}


def article(*pairs, append=""):
    return {A: edit(ARTICLE, *pairs, append=append)}


def config(*pairs, append=""):
    return {C: edit(CONFIG, *pairs, append=append)}


ALIAS_BOMB = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10)).replace("*l0", "lol")

YAML_CASES = (
    Case(
        "briefing: malformed YAML (unclosed flow mapping)",
        briefing(("ko: 시험 브리핑}", "ko: 시험 브리핑")),
        (f"{B}:3:8: yaml: the {{ opened at 3:8 is never closed: end it with }}",),
    ),
    Case(
        "briefing: tab indentation", briefing(("  - {en: First", "\t- {en: First")), (f"{B}:6:1: yaml: tab character: indent with spaces",)
    ),
    Case(
        "briefing: two YAML documents", briefing(append="---\nid: other\n"), (f"{B}:9:1: yaml: a second YAML document starts here (---)",)
    ),
    Case(
        "article: malformed front matter",
        article(("title: Sample article", "title: [Sample article")),
        (f"{A}:3:8: yaml: the [ opened at 3:8 is never closed: end it with ]",),
    ),
    Case(
        "article: front matter never closed",
        {A: ARTICLE.replace("---\nBody", "Body")},
        (f"{A}:1:1: front matter: front matter is not closed",),
    ),
    Case(
        "config: malformed YAML",
        config(("  name: material", "  name: material: x")),
        (f"{C}:4:17: yaml: a colon and a space inside the value of name: put it in quotes",),
    ),
    Case(
        "briefing: alias bomb (billion laughs)",
        briefing(append=ALIAS_BOMB),
        (f"{B}:10:10: yaml: anchors and aliases (&name, *name) are not supported",),
    ),
    Case(
        "config: alias",
        config(
            ("  alliance: {en: Alliance, ko: 한미동맹}", "  alliance: &a {en: Alliance, ko: 한미동맹}"),
            ("summit: {en: Summit diplomacy, ko: 정상외교}", "summit: *a"),
        ),
        (f"{C}:15:15: yaml: anchors and aliases",),
    ),
    Case("briefing: duplicate key", briefing(append="date: 2025-11-01\n"), (f"{B}:9:1: date: duplicate key (first defined on line 2)",)),
    Case(
        "article: duplicate key",
        article(("language: en", "language: en\ntitle: Again")),
        (f"{A}:8:1: title: duplicate key (first defined on line 3)",),
    ),
    Case(
        "config: duplicate topic",
        config(append="      alliance: {en: Again, ko: 다시}\n"),
        (f"{C}:16:7: extra.briefing.topics.alliance: duplicate key (first defined on line 14)",),
    ),
    Case("briefing: merge key", briefing(append="<<: {topics: [summit]}\n"), (f"{B}:9:1: yaml: keys must be plain names",)),
    Case(
        "briefing: python object tag",
        briefing(("date: 2025-10-31", "date: !!python/object/apply:os.system [id]")),
        (f"{B}:2:7: yaml: YAML tag !!python/object/apply:os.system is not supported",),
    ),
    Case(
        "config: tag on a list (!!set)",
        config(append="extra_css: !!set {a.css: null}\n"),
        (f"{C}:16:12: yaml: YAML tag !!set is not supported",),
    ),
    Case(
        "briefing: control character",
        briefing(("What happened.", "What \x1b[31mhappened.")),
        (f"{B}:4:20: yaml: character U+001B is not allowed in YAML",),
    ),
)

TYPE_CASES = (
    Case(
        "briefing: title is a list",
        briefing(("title: {en: Sample briefing, ko: 시험 브리핑}", "title: [Sample, briefing]")),
        (f"{B}:3:8: title: expected a mapping of fields (key: value), got a list",),
    ),
    Case(
        "briefing: key_points is a mapping",
        briefing(("  - {en: First point., ko: 첫째 요점.}", "  en: First point.")),
        (f"{B}:6:3: key_points: expected a list, got a mapping",),
    ),
    Case(
        "briefing: document is a list",
        {B: "- id: 2025-10-31-sample\n"},
        (f"{B}:1:1: document: expected a mapping of fields (key: value), got a list",),
    ),
    Case(
        "article: topics is a number",
        article(("topics: [alliance]", "topics: 42")),
        (f"{A}:8:9: topics: expected a list, got number '42'",),
    ),
    Case(
        "article: source is text",
        article(('source: {name: Sample Daily, section: Politics, url: "https://news.example/sample"}', "source: Sample Daily")),
        (f"{A}:4:9: source: expected a mapping of fields (key: value), got text 'Sample Daily'",),
    ),
    Case(
        "config: languages is text",
        config(("languages: [en, ko]", "languages: en ko")),
        (f"{C}:9:16: extra.briefing.languages: expected a list, got text 'en ko'",),
    ),
    Case(
        "config: theme is a number",
        config(("theme:\n  name: material\n  font: false\n", "theme: 5\n")),
        (f"{C}:3:8: theme: expected a theme name or settings (name: material), got number '5'",),
    ),
    Case(
        "config: theme name is a list",
        config(("  name: material", "  name: [material]")),
        (f"{C}:4:9: theme.name: expected text, got a list",),
    ),
    Case("config: plugins is text", config(append="plugins: search\n"), (f"{C}:16:10: plugins: expected a list, got text 'search'",)),
    Case(
        "config: feed_limit is negative",
        config(("timezone: Asia/Seoul", "timezone: Asia/Seoul\n    feed_limit: -5")),
        (f"{C}:11:17: extra.briefing.feed_limit: expected a whole number, got number '-5'",),
    ),
    Case("config: extra.briefing missing", {C: CONFIG.split("extra:")[0]}, (f"{C}:1:1: extra.briefing: missing required field",)),
)

YAML11_CASES = (
    Case(
        "briefing: `no` as a translation (YAML 1.1 boolean)",
        briefing(("ko: 시험 브리핑", "ko: no")),
        (f"{B}:3:34: title.ko: expected text, got true/false 'no' (quote it to make it text)",),
    ),
    Case(
        "article: `no` as language (Norway)",
        article(("language: en", "language: no")),
        (f"{A}:7:11: language: expected text, got true/false 'no' (quote it to make it text)",),
    ),
    Case(
        "briefing: `on` as a topic",
        briefing(("topics: [alliance]", "topics: [alliance, on]")),
        (f"{B}:7:20: topics[1]: expected text, got true/false 'on' (quote it to make it text)",),
    ),
    Case(
        "briefing: bare date as a title",
        briefing(("en: Sample briefing", "en: 2025-10-31")),
        (f"{B}:3:13: title.en: expected text, got date '2025-10-31' (quote it to make it text)",),
    ),
    Case(
        "briefing: number as id",
        {"briefings/20251031.yaml": edit(BRIEFING, ("id: 2025-10-31-sample", "id: 20251031"))},
        ("briefings/20251031.yaml:1:5: id: expected text, got number '20251031' (quote it to make it text)",),
    ),
    Case(
        "article: sexagesimal number as author",
        article(("author: Kim Reporter", "author: 1:30")),
        (f"{A}:5:9: author: expected text, got number '1:30' (quote it to make it text)",),
    ),
)

DATE_CASES = (
    Case("briefing: empty date", briefing(("date: 2025-10-31", "date:")), (f"{B}:2:1: date: required field is empty",)),
    Case("briefing: empty quoted date", briefing(("date: 2025-10-31", "date: ''")), (f"{B}:2:7: date: invalid date ''",)),
    Case(
        "briefing: impossible date",
        briefing(("date: 2025-10-31", "date: 2025-02-30")),
        (f"{B}:2:7: date: invalid date '2025-02-30' (day is out of range for month)",),
    ),
    Case(
        "briefing: date in another format",
        briefing(("date: 2025-10-31", "date: 31.10.2025")),
        (f"{B}:2:7: date: invalid date '31.10.2025' (expected YYYY-MM-DD)",),
    ),
    Case(
        "briefing: year 1",
        {"briefings/0001-01-01-sample.yaml": edit(BRIEFING, ("2025-10-31", "0001-01-01"))},
        ("briefings/0001-01-01-sample.yaml:2:7: date: year 1 is out of range (1800–2199)",),
    ),
    Case(
        "article: date-time without time zone",
        article(("11:50:28+09:00", "11:50:28")),
        (f"{A}:6:12: published: date-time '2025-10-30T11:50:28' has no time zone",),
    ),
    Case(
        "article: date where a date-time is expected",
        article(("2025-10-30T11:50:28+09:00", "2025-10-30")),
        (f"{A}:6:12: published: invalid date-time '2025-10-30' (expected e.g. 2025-10-30T11:50:28+09:00)",),
    ),
    Case(
        "article: date-time at the edge of time",
        article(("2025-10-30T11:50:28+09:00", "0001-01-01T00:00:00+14:00")),
        (f"{A}:6:12: published: year 1 is out of range",),
    ),
    Case(
        "briefing: month 13",
        briefing(append="published: 2025-13-01T09:00:00+09:00\n"),
        (f"{B}:9:12: published: invalid date-time '2025-13-01T09:00:00+09:00' (month must be in 1..12)",),
    ),
    Case(
        "briefing: updated before published",
        briefing(append="published: 2025-10-31T18:00:00+09:00\nupdated: 2025-10-31T09:00:00+09:00\n"),
        (f"{B}:10:10: updated: updated is earlier than published",),
    ),
    Case(
        "config: unknown time zone",
        config(("Asia/Seoul", "Asia/Seol")),
        (f"{C}:10:15: extra.briefing.timezone: unknown time zone 'Asia/Seol'",),
    ),
)

ID_CASES = (
    Case(
        "briefing: cites an unknown article",
        briefing(("[2025-10-30-sample]", "[2025-10-30-sample, 2025-10-29-missing]")),
        (f"{B}:8:31: articles: unknown article '2025-10-29-missing'",),
    ),
    Case(
        "article: duplicate id in another folder",
        {"content/articles/2024/2025-10-30-sample.md": ARTICLE},
        (f"{A}:2:1: id: duplicate id '2025-10-30-sample' (also used by content/articles/2024/2025-10-30-sample.md)",),
    ),
    Case(
        "briefing: id with ../",
        briefing(("id: 2025-10-31-sample", "id: ../../2025-10-31-sample")),
        (f"{B}:1:5: id: '../../2025-10-31-sample' is not a valid id",),
    ),
    Case(
        "briefing: id with /",
        briefing(("id: 2025-10-31-sample", "id: 2025-10-31/sample")),
        (f"{B}:1:5: id: '2025-10-31/sample' is not a valid id",),
    ),
    Case(
        "briefing: id with NUL",
        briefing(("id: 2025-10-31-sample", 'id: "2025-10-31-sample\\0"')),
        (f"{B}:1:5: id: control character U+0000 in the text; remove it",),
    ),
    Case(
        "briefing: id only punctuation",
        {"briefings/----.yaml": edit(BRIEFING, ("id: 2025-10-31-sample", "id: '----'"))},
        ("briefings/----.yaml:1:5: id: '----' is not a valid id",),
    ),
    Case(
        "briefing: cites ../ as an article",
        briefing(("[2025-10-30-sample]", "[2025-10-30-sample, ../../../etc/passwd]")),
        (f"{B}:8:31: articles: unknown article '../../../etc/passwd'",),
    ),
    Case(
        "article: topic with ../",
        article(("topics: [alliance]", "topics: [../alliance]")),
        (f"{A}:8:10: topics: unknown topic '../alliance'",),
    ),
    Case(
        "config: topic id with ../",
        config(("      summit: {", "      ../summit: {")),
        (f"{C}:15:7: extra.briefing.topics.../summit: topic ids use lowercase letters, digits and hyphens",),
    ),
    Case(
        "article: id not matching its file",
        article(("id: 2025-10-30-sample", "id: 2025-10-30-other")),
        (f"{A}:2:1: id: id '2025-10-30-other' does not match the file name '2025-10-30-sample.md'",),
    ),
)

SIZE_CASES = (
    Case(
        "briefing: megabyte title",
        briefing(("en: Sample briefing", "en: " + "A" * 1_000_000)),
        (f"{B}:3:13: title.en: text is too long (1,000,000 characters; at most 500)",),
    ),
    Case(
        "article: huge author",
        article(("author: Kim Reporter", "author: " + "김" * 5000)),
        (f"{A}:5:9: author: text is too long (5,000 characters; at most 500)",),
    ),
    Case("article: file of 3 MB", article(append="word " * 600_000), (f"{A}:1:1: file: file is too large (3,000,",)),
    Case(
        "briefing: 120,000 key points",
        briefing(("  - {en: First point., ko: 첫째 요점.}", "  - {en: a, ko: b}\n" * 120_000)),
        (f"{B}:1:1: file: file is too large",),
    ),
)

ENCODING_CASES = (
    Case(
        "briefing: EUC-KR bytes", {B: BRIEFING.encode("euc-kr")}, (f"{B}:3:34: file: not UTF-8 text (byte 0xbd); save the file as UTF-8",)
    ),
    Case("article: UTF-16", {A: ARTICLE.encode("utf-16")}, (f"{A}:1:1: file: not UTF-8 text (byte 0xff)",)),
    Case("briefing: UTF-8 with BOM", {B: BRIEFING.encode("utf-8-sig")}, usable=True),
    Case("article: CRLF line ends", {A: ARTICLE.replace("\n", "\r\n").encode()}, usable=True),
    Case(
        "briefing: CRLF keeps line numbers",
        {B: edit(BRIEFING, ("date: 2025-10-31", "date: 2025-10-32")).replace("\n", "\r\n").encode()},
        (f"{B}:2:7: date: invalid date '2025-10-32'",),
    ),
    Case("briefing: empty file", {B: ""}, (f"{B}:1:1: file: file is empty",)),
    Case("article: whitespace only", {A: " \n\n\t\n"}, (f"{A}:1:1: file: file is empty",)),
    Case("config: empty mkdocs.yml", {C: ""}, (f"{C}:1:1: file: file is empty",)),
    Case("config: missing mkdocs.yml", {C: None}, (f"{C}:1:1: file: cannot read file: No such file or directory",)),
    Case("briefing: null document", {B: "~\n"}, (f"{B}:1:1: document: expected a mapping of fields (key: value), got null",)),
    Case("article: NUL byte in the body", article(append="nul \x00 here\n"), usable=True),
    Case(
        "article: a control character written as a YAML escape",
        article(("title: Sample article", 'title: "Sample\\x1farticle"')),
        (f"{A}:3:8: title: control character U+001F in the text; remove it",),
    ),
)

FILE_CASES = (
    Case(
        "briefing: symlink to a file outside the project",
        {B: Link("{outside}/secret.yaml")},
        (f"{B}:1:1: file: symbolic link to ", "outside the project"),
    ),
    Case(
        "article: symlink to /etc/passwd",
        {"content/articles/2025/2025-10-29-passwd.md": Link("/etc/passwd")},
        ("content/articles/2025/2025-10-29-passwd.md:1:1: file: symbolic link to /etc/passwd, outside the project",),
    ),
    Case("config: mkdocs.yml links outside", {C: Link("{outside}/mkdocs.yml")}, (f"{C}:1:1: file: symbolic link to ",)),
    Case(
        "article: folder symlinked outside",
        {"content/articles/elsewhere": Link("{outside}")},
        ("content/articles/elsewhere:1:1: file: folder is a symbolic link",),
    ),
    Case(
        "briefing: dangling symlink",
        {"briefings/2025-11-01-gone.yaml": Link("2025-11-01-nowhere.yaml")},
        ("briefings/2025-11-01-gone.yaml:1:1: file: cannot read file: No such file or directory",),
    ),
    Case(
        "briefing: symlink loop",
        {"briefings/2025-11-01-loop.yaml": Link("2025-11-01-loop.yaml")},
        ("briefings/2025-11-01-loop.yaml:1:1: file: cannot read file: Too many levels of symbolic links",),
    ),
    Case(
        "briefing: named pipe",
        {"briefings/2025-11-01-pipe.yaml": Fifo()},
        ("briefings/2025-11-01-pipe.yaml:1:1: file: not a regular file",),
    ),
    Case("briefings/ is a file", {B: None, "briefings": "not a folder\n"}, ("briefings:1:1: file: cannot read folder: Not a directory",)),
    Case(
        "briefing: folder named like a briefing",
        {"briefings/2025-11-01-folder.yaml": Folder()},
        ("briefings/2025-11-01-folder.yaml:1:1: file: not a regular file",),
    ),
)

PAYLOADS = html_payloads()
MARKDOWN = markdown_payloads()

PAYLOAD_CASES = (
    Case(
        "briefing: script in the title",
        briefing(("en: Sample briefing", "en: " + yaml_text(PAYLOADS[0]))),
        (f"{B}:3:13: title.en: warning: looks like HTML (<script>)",),
        usable=True,
    ),
    Case(
        "briefing: HTML in summary and key points",
        briefing(("en: What happened.", "en: " + yaml_text(" ".join(PAYLOADS))), ("en: First point.", "en: " + yaml_text(PAYLOADS[6]))),
        (f"{B}:4:15: summary.en: warning: looks like HTML", f"{B}:6:10: key_points[0].en: warning: looks like HTML"),
        usable=True,
    ),
    Case(
        "article: attribute breakout in title and author",
        article(
            ("title: Sample article", "title: " + yaml_text(PAYLOADS[5])), ("author: Kim Reporter", "author: " + yaml_text(PAYLOADS[1]))
        ),
        (f"{A}:3:8: title: warning: looks like HTML", f"{A}:5:9: author: warning: looks like HTML (<img src=x"),
        usable=True,
    ),
    Case(
        "article: HTML in source name, section and editor's note",
        article(
            ("name: Sample Daily", "name: " + yaml_text(PAYLOADS[4])),
            ("section: Politics", "section: " + yaml_text(PAYLOADS[8])),
            ("editor_note: null", "editor_note: " + yaml_text(" ".join(PAYLOADS))),
        ),
        (
            f"{A}:4:16: source.name: warning: looks like HTML",
            f"{A}:4:144: source.section: warning: looks like HTML",
            f"{A}:9:14: editor_note: warning: looks like HTML",
        ),
        usable=True,
    ),
    Case(
        "article: HTML in the body",
        article(append="\n" + "\n\n".join(PAYLOADS) + "\n"),
        (f"{A}:13:1: body: warning: raw HTML (<script>) is shown as text, not rendered",),
        usable=True,
    ),
    Case(
        "article: Markdown links to javascript:, data: and file:",
        article(append="\n" + "\n\n".join(MARKDOWN) + "\n"),
        (
            f"{A}:13:14: body: warning: link to a javascript: address is shown as text, not linked",
            f"{A}:15:16: body: warning: link to a javascript: address",
            f"{A}:19:15: body: warning: link to a file: address",
            f"{A}:27:9: body: warning: link to a javascript: address",
            f"{A}:29:14: body: warning: link to a data: address",
        ),
        usable=True,
    ),
    Case(
        "article: javascript: as the source address",
        article(('url: "https://news.example/sample"', 'url: "javascript:alert(1)"')),
        (f"{A}:4:54: source.url: expected a web address like https://news.example/story, got 'javascript:alert(1)'",),
    ),
    Case(
        "article: file:// as the source address",
        article(('url: "https://news.example/sample"', 'url: "file:///etc/passwd"')),
        (f"{A}:4:54: source.url: expected a web address",),
    ),
    Case(
        "config: script in the site name",
        config(("site_name: {en: Test Briefing,", "site_name: {en: " + yaml_text(PAYLOADS[6]) + ",")),
        (f"{C}:11:21: extra.briefing.site_name.en: warning: looks like HTML",),
        usable=True,
    ),
    Case(
        "config: HTML in topic names and description",
        config(
            ("{en: Alliance,", "{en: " + yaml_text(PAYLOADS[7]) + ","),
            ("{en: A test publication.,", "{en: " + yaml_text(PAYLOADS[1]) + ","),
        ),
        (
            f"{C}:12:23: extra.briefing.description.en: warning: looks like HTML",
            f"{C}:14:22: extra.briefing.topics.alliance.en: warning: looks like HTML",
        ),
        usable=True,
    ),
    Case(
        "config: javascript: site address",
        config(("site_url: https://briefing.test/", "site_url: 'javascript:alert(1)//'")),
        (f"{C}:2:11: site_url: expected a web address",),
    ),
    Case(
        "config: site address breaking out of an attribute",
        config(("site_url: https://briefing.test/", "site_url: 'https://x.test/\"><script>alert(1)</script>'")),
        (f"{C}:2:11: site_url: expected a web address",),
    ),
)

G = "glossary.yml"

GLOSSARY_CASES = (
    Case("glossary: not a list", {G: "en: deterrence\n"}, (f"{G}:1:1: glossary: expected a list of entries",)),
    Case(
        "glossary: duplicate term and missing language",
        {G: "- {en: [a, a], ko: b}\n- {en: c}\n"},
        (f"{G}:1:12: glossary[0].en: duplicate term 'a' (first on line 1)", f"{G}:2:3: glossary[1].ko: missing required field"),
    ),
    Case("glossary: symlink outside the project", {G: Link("{outside}/secret.yaml")}, (f"{G}:1:1: file: symbolic link to ",)),
    Case("glossary: alias bomb", {G: "- &a {en: x, ko: y}\n- *a\n"}, (f"{G}:2:3: yaml: anchors and aliases",)),
    Case(
        "glossary: script in a term",
        {G: "- {en: " + yaml_text(PAYLOADS[0]) + ", ko: 비핵화}\n"},
        (f"{G}:1:8: glossary[0].en: warning: looks like HTML (<script>)",),
        usable=True,
    ),
)


def template(path: str, anchor: str, inserted: str) -> dict:
    """The repository's template at `path` with `inserted` before the first `anchor`."""
    return {path: edit((REPO / path).read_text(encoding="utf-8"), (anchor, inserted + anchor))}


# A broken template in each template folder: located, exit status 1 (test_template_errors.py checks site/ stays as it was).
TEMPLATE_CASES = tuple(
    Case(
        f"template: {path}",
        template(path, anchor, inserted),
        (f"build failed: {path}:{line}: template error: {message}",),
        commands=(("build", "-q"),),
    )
    for path, anchor, inserted, line, message in (
        ("templates/site/briefing.md.j2", "# {{", "{{ briefing.nothing.here }}\n", 3, "'briefing.model.Briefing object' has no attribute"),
        ("templates/site/root.html.j2", "<main>", "{% for %}", 30, "Expected an expression, got 'end of statement block'"),
        ("templates/feeds/entry.html.j2", "{{", "{{ summary.nothing.here }}", 4, "'str object' has no attribute 'nothing'"),
        ("templates/pdf/_briefing.html.j2", "{{", "{{ briefing.date.isoformat(1, 2) }}", 3, "TypeError: "),
        ("templates/theme/main.html", "<meta charset", "{% if %}", 4, "Expected an expression, got 'end of statement block'"),
    )
)

LOADER_CASES = (
    YAML_CASES
    + TYPE_CASES
    + YAML11_CASES
    + DATE_CASES
    + ID_CASES
    + SIZE_CASES
    + ENCODING_CASES
    + FILE_CASES
    + PAYLOAD_CASES
    + GLOSSARY_CASES
    + TEMPLATE_CASES
)
