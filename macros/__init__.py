"""mkdocs-macros entry point: wires the loader and the renderers to the pages, nothing more."""

from pathlib import Path

from .loader import load_guide
from .namespace import GuideNamespace


def define_env(env):
    project = Path(env.conf.config_file_path).parent
    guide = load_guide(project / "data", root=project)  # already loaded by the page generator: a cache hit
    env.variables["guide"] = GuideNamespace(guide, lambda: env.page.file.src_uri, env.conf.site_url or "/")
