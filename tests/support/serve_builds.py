"""Builds a project the way `mkdocs serve` does, several times in one process, for test_live_preview.py.

    python tests/serve_builds.py PROJECT STEPS_JSON

STEPS_JSON is a list of steps, run in order:

- ``{"build": "<site folder>"}``: one rebuild, as `mkdocs serve`'s builder runs it (config
  loaded again, site_url set to the served address, build(serve_url=...));
- ``{"replace": ["<file in PROJECT>", "<old text>", "<new text>"]}``: an editor's save;
- ``{"forget": true}``: empty the live-preview hook's caches, as a fresh `mkdocs serve` has them.

Prints one JSON object per build: whether it succeeded, the warnings MkDocs logged, and how
many converted pages and search entries the hook reused or had to make.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, PluginError

SERVE_URL = "http://127.0.0.1:8000/"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def main(project: Path, steps: list[dict]) -> None:
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    started = False
    hook = None  # the live-preview hook module, once a build has loaded it
    for step in steps:
        if "replace" in step:
            name, old, new = step["replace"]
            path = project / name
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{name} has no {old!r}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        elif "forget" in step:
            hook.PAGES = hook.ConvertedPages()
            hook.SEARCH_ENTRIES = hook.Kept()
        else:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / step["build"]))
            config.site_url = SERVE_URL
            if not started:  # as `mkdocs serve`: on_startup once, with the first config
                config.plugins.on_startup(command="serve", dirty=False)
                started = True
            collect.messages = []
            try:
                build(config, serve_url=SERVE_URL)
                ok = True
            except (Abort, BuildError, PluginError):
                ok = False
            hook = config.hooks["hooks/live_preview.py"]
            sys.stdout.write(json.dumps({
                "ok": ok,
                "warnings": collect.messages,
                "pages": {"reused": hook.PAGES.kept.hits, "converted": hook.PAGES.kept.misses},
                "search": {"reused": hook.SEARCH_ENTRIES.hits, "indexed": hook.SEARCH_ENTRIES.misses},
            }) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), json.loads(sys.argv[2]))
