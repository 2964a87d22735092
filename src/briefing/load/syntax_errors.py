"""A YAML syntax error in an editor's words: what is wrong and where it starts.

PyYAML reports where it gave up, in its own terms: a quote left open on line 5 shows up on
line 15 as "expected <block end>, but found '<scalar>'". Each explanation below reads the
text and the tokens scanned before the error to name the mistake an editor made and the
place to fix it; the parser's message follows as a detail. Unrecognised errors keep it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# A line that opens a mapping entry or a list item, as editors write them: "  ko: text", "  - en: text", "  - item".
KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z0-9_.-]+):(?:\s|$)")
ITEM = re.compile(r"^(?P<indent>\s*)-(?:\s+(?P<text>[^\s#].{0,19}))?")
SPACE_MISSING = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+):(?P<value>[^\s:].*)$")
FLOW_REST = re.compile(r",\s*[A-Za-z0-9_-]+:\s")  # where the next entry of a {...} mapping starts
CANNOT_START = re.compile(r"found character '(?P<char>[^\\])' that cannot start any token")
GOT = re.compile(r"but (?:got|found) '(?P<what>[^']*)'")
SHOWN_VALUE = 60


@dataclass(frozen=True)
class Explained:
    line: int  # 0-based, in the text parsed
    column: int
    message: str


class _Text:
    """The text that failed, and what the parser said about it, for the explanations to ask about."""

    def __init__(self, text: str, error: yaml.MarkedYAMLError, line_offset: int):
        self.text, self.error, self.offset = text, error, line_offset
        self.lines = text.split("\n")
        self.mark = error.problem_mark or error.context_mark
        self.context, self.problem = error.context or "", error.problem or ""

    def place(self, line: int, column: int) -> str:
        """A place as the editor's file numbers it: "5:10"."""
        return f"{line + 1 + self.offset}:{column + 1}"

    def tokens_before(self) -> list[yaml.Token]:
        """What the scanner read before the error (the parser may have failed well after a scanning mistake)."""
        tokens = []
        try:
            for token in yaml.scan(self.text, Loader=yaml.SafeLoader):
                if token.start_mark.index >= self.mark.index:
                    break
                tokens.append(token)
        except yaml.YAMLError:
            pass
        return tokens

    def entry_above(self, line: int) -> tuple[int, int, str] | None:
        """(line, column, label) of the nearest key or list item above `line`: the one it should line up with."""
        for above in range(line - 1, -1, -1):
            found = entry(self.lines[above])
            if found:
                return (above, *found)
        return None


def entry(line: str) -> tuple[int, str] | None:
    """(column, label) of the key or list item a line opens, labelled as the editor wrote it ("ko:", "- item")."""
    if key := KEY.match(line):
        return key.start("key"), f"{key['key']}:"
    if item := ITEM.match(line):
        return len(item["indent"]), f"- {item['text'].strip()}" if item["text"] else "-"
    return None


def explain(text: str, error: yaml.MarkedYAMLError, line_offset: int = 0) -> Explained:
    """The editor's explanation of `error`, with the parser's own words after it."""
    facts = _Text(text, error, line_offset)
    if facts.mark is None:  # PyYAML marks every error it raises; this is in case one day it does not
        return Explained(0, 0, f"malformed YAML ({error})")
    detail = ", ".join(part for part in (facts.context, facts.problem) if part)
    detail = f"YAML parser at {facts.place(facts.mark.line, facts.mark.column)}: {detail}"
    for reason in REASONS:
        found = reason(facts)
        if found:
            return Explained(found.line, found.column, f"{found.message} ({detail})")
    return Explained(facts.mark.line, facts.mark.column, f"malformed YAML ({detail})")


def _tab(facts: _Text) -> Explained | None:
    if "'\\t'" not in facts.problem and "tab character" not in facts.problem:
        return None
    line, column = facts.mark.line, facts.mark.column
    leading = not facts.lines[line][:column].strip()
    return Explained(line, column, "tab character: indent with spaces" if leading else "tab character: use a space instead")


def _open_quote(facts: _Text) -> Explained | None:
    """A quote never closed runs on until the next quote in the file, swallowing the lines between."""
    if facts.context == "while scanning a quoted scalar":
        start = facts.error.context_mark
        return Explained(start.line, start.column, f"the quote opened at {facts.place(start.line, start.column)} is never closed")
    for token in reversed(facts.tokens_before()):
        if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and token.end_mark.line > token.start_mark.line:
            swallowed = facts.text[token.start_mark.index : token.end_mark.index].split("\n")[1:]
            if any(KEY.match(line) for line in swallowed):
                start, end = token.start_mark, token.end_mark
                where = facts.place(start.line, start.column)
                closed = facts.place(end.line, end.column - 1)
                return Explained(
                    start.line,
                    start.column,
                    f"the quote opened at {where} is never closed: the text runs on to the quote at {closed}",
                )
    return None


def _text_after_quote(facts: _Text) -> Explained | None:
    """`en: "Balanced," diplomats say` or `en: 'Korea's summit'`: a quoted value ends where its quote closes."""
    if "<scalar>" not in facts.problem:
        return None
    tokens = facts.tokens_before()
    last = tokens[-1] if tokens else None
    if not (isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') and last.end_mark.line == facts.mark.line):
        return None
    start, end = last.start_mark, last.end_mark
    value = FLOW_REST.split(facts.lines[start.line][start.column :].split(" #")[0])[0].rstrip().rstrip("}]").rstrip()
    if len(value) > 1 and value[-1] == value[0]:  # the editor's quotes around a text that holds one
        opened, closed = facts.place(start.line, start.column), facts.place(end.line, end.column - 1)
        return Explained(
            end.line, end.column - 1, f"the quote at {closed} ends the text opened at {opened}: write it as {_quoted(value[1:-1])}"
        )
    quoted_part = facts.text[start.index : end.index]
    return Explained(
        start.line, start.column, f"text follows the quoted part {quoted_part}: put the whole value in quotes, e.g. {_quoted(value)}"
    )


def _quoted(value: str) -> str:
    """The value as one YAML scalar an editor can paste back, cut when it is long."""
    shown = value if len(value) <= SHOWN_VALUE else value[: SHOWN_VALUE - 1] + "…"
    if "'" in shown and '"' not in shown:
        return f'"{shown}"'
    return "'" + shown.replace("'", "''") + "'"


def _reserved_start(facts: _Text) -> Explained | None:
    """`title: @handle`: @, ` and % are kept by YAML for itself and cannot start a plain value."""
    found = CANNOT_START.search(facts.problem)
    if found is None:
        return None
    value = facts.lines[facts.mark.line][facts.mark.column :].split(" #")[0].rstrip()
    return Explained(facts.mark.line, facts.mark.column, f"a value cannot start with {found['char']}: put it in quotes: {_quoted(value)}")


def _indentation(facts: _Text) -> Explained | None:
    """A key or item that lines up with nothing above: compared with the nearest one above it."""
    if "mapping values are not allowed" not in facts.problem and "expected <block end>" not in facts.problem:
        return None
    line = facts.mark.line
    here, above = entry(facts.lines[line]), facts.entry_above(line)
    if here is None or above is None or here[0] == above[1]:
        return None
    if "mapping values" in facts.problem and here[1].endswith(":") and facts.lines[line].find(":", here[0]) != facts.mark.column:
        return None  # the colon that failed is inside a value, not after this key
    if "mapping values" in facts.problem and here[0] > above[1] and not _has_value(facts.lines[above[0]], above[2]):
        return None  # more indented under a key with no value is how nesting is written
    how = "more" if here[0] > above[1] else "less"
    return Explained(line, here[0], f"{here[1]} is indented {how} than {above[2]} above it on line {above[0] + 1 + facts.offset}")


def _has_value(line: str, label: str) -> bool:
    return bool(label.endswith(":") and line.split(":", 1)[1].split(" #")[0].strip())


def _colon_in_value(facts: _Text) -> Explained | None:
    """`title: Summit: what next`: a colon and a space inside a plain value start a mapping."""
    if "mapping values are not allowed" not in facts.problem:
        return None
    line = facts.lines[facts.mark.line]
    key = KEY.match(line)
    if key is None or key.end("key") == facts.mark.column:
        return None
    value = line[key.end() :].split(" #")[0].strip()
    return Explained(
        facts.mark.line,
        facts.mark.column,
        f"a colon and a space inside the value of {key['key']}: put it in quotes: {_quoted(value)}",
    )


def _space_after_colon(facts: _Text) -> Explained | None:
    """`id:x` is a text, not a key: the line after it then fails."""
    if "mapping values are not allowed" not in facts.problem and "could not find expected ':'" not in facts.problem:
        return None
    for above in range(facts.mark.line - 1, -1, -1):
        missing = SPACE_MISSING.match(facts.lines[above])
        if missing:
            column = facts.lines[above].index(":")
            return Explained(above, column, f"put a space after the colon: {missing['key']}: {missing['value']}")
        if facts.lines[above].strip():
            return None
    return None


def _open_bracket(facts: _Text) -> Explained | None:
    """`{en: ..., ko: ...` never closed, or a bracket, brace or comma inside such a list's text."""
    if facts.context not in ("while parsing a flow mapping", "while parsing a flow sequence"):
        return None
    start, got = facts.error.context_mark, GOT.search(facts.problem)
    bracket, closing = facts.lines[start.line][start.column], "}" if "mapping" in facts.context else "]"
    where = facts.place(start.line, start.column)
    if facts.mark.line > start.line or got is None:
        return Explained(start.line, start.column, f"the {bracket} opened at {where} is never closed: end it with {closing}")
    return Explained(
        facts.mark.line,
        facts.mark.column,
        f"{got['what']!r} inside the {bracket}…{closing} opened at {where}: put a text that holds , {{ }} [ ] or quotes in quotes",
    )


def _documents(facts: _Text) -> Explained | None:
    if "expected a single document" not in facts.context:
        return None
    return Explained(facts.mark.line, facts.mark.column, "a second YAML document starts here (---): a file holds one; remove the line")


# Tried in this order; the first that recognises the error explains it.
REASONS = (
    _tab,
    _open_quote,
    _text_after_quote,
    _reserved_start,
    _indentation,
    _colon_in_value,
    _space_after_colon,
    _open_bracket,
    _documents,
)
