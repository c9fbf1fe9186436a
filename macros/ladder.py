"""The career ladder as a graph: which level leads to which, and what lies on the way to each.

Levels say which levels they lead to (``next``); everything here is derived from that, so a
new level or a new step is one edit to ``data/levels.yml``. Functions take the levels as a
mapping by id in ladder order (``guide.levels``), so a page that calls them reads the levels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def steps(levels: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every (lower, higher) pair where ``lower`` leads to ``higher``, in ladder order."""
    return [(level.id, higher) for level in levels.values() for higher in level.next]


def leads_from(levels: Mapping[str, Any], level_id: str) -> list[str]:
    """The levels that lead to ``level_id``, in ladder order."""
    return [level.id for level in levels.values() if level_id in level.next]


def way_to(levels: Mapping[str, Any], level_id: str) -> list[str]:
    """``level_id`` and every level on a way up to it, in ladder order.

    For a management level reached from senior this is entry, mid, senior and the manager
    level itself, not staff or principal: what someone there is expected to have shown.
    """
    found = {level_id}
    todo = [level_id]
    while todo:
        for lower in leads_from(levels, todo.pop()):
            if lower not in found:
                found.add(lower)
                todo.append(lower)
    return [lid for lid in levels if lid in found]


def tracks(levels: Mapping[str, Any]) -> dict[str, list[str]]:
    """Level ids by track, in ladder order, the tracks in the order their first level comes."""
    out: dict[str, list[str]] = {}
    for level in levels.values():
        out.setdefault(level.track, []).append(level.id)
    return out
