"""Our MkDocs hooks as MkDocs itself loads them, for tests of their pure parts.

A hook is a file MkDocs imports by path, once per process (``config_options.Hooks`` caches
it); importing it a second time under another name would give a module with globals of its
own. Tests take the very module a build uses.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from support.project import ROOT


@cache
def hook(name: str) -> ModuleType:
    """The module of ``hooks/<name>.py``, as the real mkdocs.yml loads it."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.hooks[f"hooks/{name}.py"]
