"""mkdocs-macros entry point: hands the build's data to the pages as ``guide``, nothing more."""

from .namespace import GuideNamespace
from .site_build import build_of


def define_env(env):
    # The data was loaded and validated once, by the first hook (hooks/validate_data.py).
    env.variables["guide"] = GuideNamespace(build_of(env.conf), lambda: env.page.file.src_uri)
