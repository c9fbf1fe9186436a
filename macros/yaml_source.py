"""Reading one YAML data file, and finding where a field sits in it.

Data is parsed with libyaml (PyYAML's C loader) into a node tree, then built into
plain Python values. The node tree keeps every line and column, so a problem found
later, by pydantic or by a reference check, can point at the exact spot (the tree is
built again from the text when a problem asks for a position). PyYAML would silently
let a duplicate key win; we report it instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Loc = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlSource:
    """A parsed data file: its values, its text, and any duplicate keys (with their 1-based line and column)."""

    data: Any
    text: str
    duplicate_keys: list[tuple[Loc, int, int]] = field(default_factory=list)
    # The node tree is parsed again only to point at a problem. Keeping every file's tree for
    # the whole load held over a million objects at 100x the real data, and the garbage
    # collector's repeated passes over them made loading 60% slower.
    _tree: yaml.Node | None = field(default=None, repr=False)

    def position(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``, or of its key with ``at_key``.

        A location that does not exist (a missing field) resolves to the nearest
        mapping or list that does, which is where the contributor has to add it.
        """
        if self._tree is None:
            self._tree = _compose(self.text)
        node = self._tree
        if node is None:
            return 1, 1
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, yaml.MappingNode):
                pair = next((p for p in node.value if p[0].value == part), None)
                if pair is None:
                    break
                if last and at_key:
                    node = pair[0]
                    break
                node = pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                break
        return node.start_mark.line + 1, node.start_mark.column + 1


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse_yaml(text: str) -> YamlSource:
    """Parse one YAML document. Raises ``yaml.MarkedYAMLError`` on a syntax error."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    source = YamlSource(data=data, text=text)
    if root is not None:
        _find_duplicate_keys(root, (), source.duplicate_keys)
    return source


def _find_duplicate_keys(node: yaml.Node, loc: Loc, found: list[tuple[Loc, int, int]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                found.append(((*loc, key), key_node.start_mark.line + 1, key_node.start_mark.column + 1))
            seen.add(key)
            _find_duplicate_keys(value_node, (*loc, key), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _find_duplicate_keys(item, (*loc, index), found)
