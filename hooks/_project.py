"""Imported first by every hook: the project root on ``sys.path``, so hooks can import the core.

MkDocs loads each hook by its file path with only ``hooks/`` on ``sys.path`` while it does
(``config_options.Hooks._load_hook``); this puts the folder of ``mkdocs.yml`` there for good,
once, so ``import macros`` finds the pure core (``macros/``) as mkdocs-macros does.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def project_dir(config_file_path: str | None) -> Path:
    """The folder of mkdocs.yml, absolute: `mkdocs build -f mkdocs.yml` gives a relative path, whose parent is ''."""
    return Path(config_file_path or "mkdocs.yml").resolve().parent
