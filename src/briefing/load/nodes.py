"""YAML composed into nodes that remember where each value stands.

`yaml.safe_load` forgets line numbers, silently keeps the last of two duplicate keys
and turns `2025-13-01` into a bare ValueError. We compose the node graph instead,
keep every scalar as text with its resolved YAML type, and leave the meaning of a
value (date, list of ids, ...) to the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..diagnostics import Location, Problems, line_and_column
from .syntax_errors import explain

COLLECTION_TAGS = ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
TAG_NAMES = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "date",
}


@dataclass(frozen=True)
class Scalar:
    text: str
    kind: str  # one of TAG_NAMES' values
    location: Location


@dataclass(frozen=True)
class Sequence:
    items: list[Node]
    location: Location


@dataclass(frozen=True)
class Mapping:
    values: dict[str, Node]
    key_locations: dict[str, Location] = field(default_factory=dict)
    location: Location = Location("")


Node = Scalar | Sequence | Mapping


def _location(path: str, mark: yaml.Mark | None, line_offset: int) -> Location:
    if mark is None:
        return Location(path, 1 + line_offset, 1)
    return Location(path, mark.line + 1 + line_offset, mark.column + 1)


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses an alias where it is used, before it is composed: an alias bomb costs nothing."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _AliasRefused(None, None, "anchors and aliases (&name, *name) are not supported", mark)
        return super().compose_node(parent, index)


def _compose(text: str) -> yaml.Node | None:
    """libyaml when it is there (fast); the pure-Python parser for clearer errors and for refusing aliases where used."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and "*" not in text:  # an alias needs a '*': such text takes the refusing parser
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_NoAliasLoader)


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0) -> Node | None:
    """Compose one YAML document; None (with a problem recorded) when it can't be used."""
    try:
        root = _compose(text)
    except _AliasRefused as exc:
        problems.error(_location(path, exc.problem_mark, line_offset), "yaml", exc.problem)
        return None
    except yaml.MarkedYAMLError as exc:
        explained = explain(text, exc, line_offset)
        problems.error(Location(path, explained.line + 1 + line_offset, explained.column + 1), "yaml", explained.message)
        return None
    except yaml.reader.ReaderError as exc:  # control characters, invalid code points
        line, column = line_and_column(text, exc.position)
        where = Location(path, line + line_offset, column)
        problems.error(where, "yaml", f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason}); remove it")
        return None
    if root is None:
        problems.error(Location(path, 1 + line_offset, 1), "file", "file is empty")
        return None
    return _convert(root, path, problems, line_offset)


def _convert(node: yaml.Node, path: str, problems: Problems, offset: int, field: str = "") -> Node | None:
    """Our nodes from PyYAML's; `field` is the dotted name of where we are, for messages."""
    where = _location(path, node.start_mark, offset)
    if isinstance(node, yaml.ScalarNode):
        kind = TAG_NAMES.get(node.tag)
        if kind is None:
            problems.error(where, "yaml", f"YAML tag {_short(node.tag)} is not supported")
            return None
        return Scalar(node.value, kind, where)
    if node.tag not in COLLECTION_TAGS:  # !!set, !!omap, !ENV, !!python/...: not plain data
        problems.error(where, "yaml", f"YAML tag {_short(node.tag)} is not supported")
        return None
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, path, problems, offset, f"{field}[{index}]") for index, item in enumerate(node.value)]
        return Sequence([item for item in items if item is not None], where)
    values: dict[str, Node] = {}
    key_locations: dict[str, Location] = {}
    for key_node, value_node in node.value:
        key_where = _location(path, key_node.start_mark, offset)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            problems.error(key_where, "yaml", "keys must be plain names")
            continue
        key = key_node.value
        name = f"{field}.{key}" if field else key
        if key in key_locations:
            first = key_locations[key]
            problems.error(key_where, name, f"duplicate key (first defined on line {first.line})")
            continue
        key_locations[key] = key_where
        value = _convert(value_node, path, problems, offset, name)
        if value is not None:
            values[key] = value
    return Mapping(values, key_locations, where)


def _short(tag: str) -> str:
    """`!!binary`, as the editor wrote it, not `tag:yaml.org,2002:binary`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def plain(node: Node):
    """The node as plain Python data, for handing settings on to MkDocs; dates stay text."""
    if isinstance(node, Mapping):
        return {key: plain(value) for key, value in node.values.items()}
    if isinstance(node, Sequence):
        return [plain(item) for item in node.items]
    if node.kind in ("number", "true/false"):
        return yaml.safe_load(node.text)
    return None if node.kind == "null" else node.text
