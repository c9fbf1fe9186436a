"""One build's data, made once by the first hook and handed to every other hook and to the macros.

``hooks/validate_data.py`` loads the ``Guide`` in ``on_config`` and attaches a ``SiteBuild`` to
MkDocs' config object; the other hooks and ``define_env`` take it from there with
``build_of(config)``. Each ``mkdocs serve`` rebuild loads a new config, so each rebuild starts
with a new ``SiteBuild``: nothing is shared between builds by accident.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .guide import Guide, Read

if TYPE_CHECKING:
    from .site_pages import GeneratedPage

_ATTRIBUTE = "guide_site_build"


@dataclass
class SiteBuild:
    project: Path  # the folder of mkdocs.yml, absolute
    guide: Guide
    site_url: str  # the published address, ending in '/'
    today: datetime.date  # the build's day: SOURCE_DATE_EPOCH's, or today's (open_data.build_date)
    # docs path -> the pages generated from data (set by hooks/generate_pages.py)
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    # docs path -> what the page's renderer or its macro calls read of the data
    reads: dict[str, set[Read]] = field(default_factory=dict)
    # what a hook keeps for the rest of this build, under a key of its own
    extras: dict[str, Any] = field(default_factory=dict)

    def guide_for(self, page: str) -> Guide:
        """The guide as ``page`` should read it: every entity it looks at is recorded for that page."""
        return self.guide.reading(self.reads.setdefault(page, set()))

    def data_files(self, page: str) -> list[str]:
        """The data files ``page`` shows (relative to the project): its "last updated" date follows them."""
        return self.guide.files_read(self.reads.get(page, set()))


def attach(config: Any, build: SiteBuild) -> None:
    setattr(config, _ATTRIBUTE, build)


def find_build(config: Any) -> SiteBuild | None:
    """The build attached to ``config``, or None in a project without guide data (the bench's plain twin)."""
    return getattr(config, _ATTRIBUTE, None)


def build_of(config: Any) -> SiteBuild:
    """The build attached to ``config`` by hooks/validate_data.py."""
    build = find_build(config)
    if build is None:
        raise LookupError("no guide data on this build: hooks/validate_data.py must be the first hook in mkdocs.yml")
    return build
