"""YAML composed into nodes that remember where each value stands.

`yaml.safe_load` forgets line numbers, silently keeps the last of two duplicate keys
and turns `2025-13-01` into a bare ValueError. We compose the node graph instead,
keep every scalar as text with its resolved YAML type, and leave the meaning of a
value (date, list of ids, ...) to the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import yaml

from ..diagnostics import Location, Problems

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
    items: list["Node"]
    location: Location


@dataclass(frozen=True)
class Mapping:
    values: dict[str, "Node"]
    key_locations: dict[str, Location] = field(default_factory=dict)
    location: Location = Location("")


Node = Union[Scalar, Sequence, Mapping]


def _location(path: str, mark: yaml.Mark | None, line_offset: int) -> Location:
    if mark is None:
        return Location(path, 1 + line_offset, 1)
    return Location(path, mark.line + 1 + line_offset, mark.column + 1)


def _compose(text: str) -> yaml.Node | None:
    """libyaml when it is there (fast); the pure-Python parser for its clearer error messages."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0) -> Node | None:
    """Compose one YAML document; None (with a problem recorded) when it can't be used."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        where = _location(path, exc.problem_mark or exc.context_mark, line_offset)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        problems.error(where, "yaml", f"malformed YAML: {message}")
        return None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        problems.error(Location(path, 1 + line_offset, 1), "yaml", f"malformed YAML: {exc}")
        return None
    if root is None:
        problems.error(Location(path, 1 + line_offset, 1), "file", "file is empty")
        return None
    return _convert(root, path, problems, line_offset, seen=set())


def _convert(node: yaml.Node, path: str, problems: Problems, offset: int, seen: set[int]) -> Node | None:
    where = _location(path, node.start_mark, offset)
    if id(node) in seen:
        # Composed aliases are the very same node object: refusing them also defuses alias bombs.
        problems.error(where, "yaml", "anchors and aliases (&name, *name) are not supported")
        return None
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        kind = TAG_NAMES.get(node.tag)
        if kind is None:
            problems.error(where, "yaml", f"YAML tag {node.tag} is not supported")
            return None
        return Scalar(node.value, kind, where)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, path, problems, offset, seen) for item in node.value]
        return Sequence([item for item in items if item is not None], where)
    values: dict[str, Node] = {}
    key_locations: dict[str, Location] = {}
    for key_node, value_node in node.value:
        key_where = _location(path, key_node.start_mark, offset)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            problems.error(key_where, "yaml", "keys must be plain names")
            continue
        key = key_node.value
        if key in key_locations:
            first = key_locations[key]
            problems.error(key_where, key, f"duplicate key (first defined on line {first.line})")
            continue
        key_locations[key] = key_where
        value = _convert(value_node, path, problems, offset, seen)
        if value is not None:
            values[key] = value
    return Mapping(values, key_locations, where)
