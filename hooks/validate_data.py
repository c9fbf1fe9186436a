"""MkDocs hook, first of all: load and validate ``data/`` once, and hand the result to the rest of the build.

Every problem in every data file is reported at once, one ``file:line:col: field: problem
(hint)`` line each (and as annotations on GitHub), and the build stops. Otherwise the
loaded ``Guide`` is attached to the config as a ``SiteBuild`` (``macros/site_build.py``),
where the other hooks and the pages' macros find it: the data is read once per build.
"""

from __future__ import annotations

from _project import project_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.loader import load_guide
from macros.open_data import build_date
from macros.problems import DataError, print_problems
from macros.site_build import SiteBuild, attach


@event_priority(100)  # before mkdocs-macros and every other hook: they read the data this attaches
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = project_dir(config.config_file_path)
    try:
        guide = load_guide(project / "data", root=project)
    except DataError as error:
        print_problems(error)  # one plain line per problem, for editors; and annotations on GitHub
        raise PluginError(f"Invalid data: {error}") from None
    attach(config, SiteBuild(project=project, guide=guide, site_url=config.site_url or "/", today=build_date()))
    return config
