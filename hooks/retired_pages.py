"""MkDocs hook: keep the pages that data has retired reachable, as declared redirects.

A retired level (a level's ``former_ids`` in ``data/levels.yml``) took its job description pages
with it; ``macros.site_pages.redirects`` says where each now leads. They are added here to the
``redirects`` plugin's ``redirect_maps``, beside the moves declared by hand in mkdocs.yml, so no
one writes one redirect per role, and a new role or a new former id redirects without an edit.
"""

from __future__ import annotations

import _project  # noqa: F401 (the project root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.site_build import find_build
from macros.site_pages import redirects


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = find_build(config)
    if build is None:  # a project without guide data (the bench's plain twin)
        return config
    moved = redirects(build.guide)
    if not moved:
        return config
    plugin = config.plugins.get("redirects")
    if plugin is None:
        raise PluginError("data retires pages (a level's former_ids), but the redirects plugin is not in mkdocs.yml")
    declared = plugin.config["redirect_maps"]
    for old, new in moved.items():
        if declared.get(old, new) != new:
            raise PluginError(f"redirect_maps sends {old} to {declared[old]}, but data/levels.yml retires it to {new}; "
                              "keep one of them")
        declared[old] = new
    return config
