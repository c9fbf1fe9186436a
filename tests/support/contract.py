"""Ids the guide has published, read from link-contract.txt: they never go away, so tests may rely on them."""

from __future__ import annotations

from macros import urls
from tools.link_contract import read_contract

from .project import ROOT


def published_ids(pattern: str, field: str = "id") -> list[str]:
    """The values of ``field`` in every published page that ``pattern`` (a macros.urls pattern) makes."""
    found = []
    for link in read_contract():
        if "#" in link or not link.endswith("/"):
            continue
        path = urls.docs_path(link)
        if path.endswith("index.md") or (ROOT / "docs" / path).exists():  # an index or a hand-written page, not an entry
            continue
        fields = urls.match(pattern, path)
        if fields is not None and fields[field] not in found:
            found.append(fields[field])
    return found
