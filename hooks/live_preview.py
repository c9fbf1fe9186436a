"""MkDocs hook: under `mkdocs serve`, a saved edit shows in the page in under 2 s.

MkDocs looks for changed files every 0.5 s; this hook makes it look every 0.1 s (a poll
of the watched folders, a few hundred files, costs about a millisecond).

MkDocs has no incremental build: every save rebuilds every page. A data edit changes a few
pages (the entity's own, the listings and job descriptions that quote it), yet all of them
went through Python-Markdown (half of a rebuild), Material's search indexer (a fifth) and a
fresh compile of Material's templates. Each of those is a pure function of inputs we can
name, so under `mkdocs serve` this hook keeps its results and reuses them when the inputs
are the same:

- **Compiled templates**, in Jinja's own bytecode cache, which checks each template's
  source, so an edited override is still recompiled.
- **Converted pages.** Python-Markdown's output (HTML, table of contents, title, anchors and
  links to anchors) depends on the page's Markdown after every ``on_page_markdown`` (ours,
  mkdocs-macros'), the page's own path and URL, every file of the build with its URL (links
  are resolved against them), the Markdown extensions and their settings,
  ``use_directory_urls`` and ``validation``. The result is kept under a hash of all of
  those. A conversion that logged a warning (a broken link, say) is never kept, so every
  rebuild reports it again, and a strict build fails as it would have.
- **Search entries.** Material's indexer turns a page's HTML, table of contents, title, URL
  and front matter into entries; they are kept under a hash of those.

It is done with MkDocs' events, without patching MkDocs: the last ``on_page_markdown`` hands
MkDocs an empty page to convert when the result is known, and the first ``on_page_content``
puts the kept result (and the real Markdown) back before any other hook sees the page. The
search plugin's index object is wrapped, for this build only, by one that reuses entries.

A result that the latest rebuild did not use is dropped, so the cache holds about one site's
worth. A one-off `mkdocs build` converts and indexes everything, as before: only the
template cache is active there, and it changes nothing in the output. tests/test_live_preview.py
checks that a rebuild with the cache writes exactly the site a fresh build writes.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from watchdog.observers.polling import PollingObserver

T = TypeVar("T")

log = logging.getLogger("mkdocs.hooks.live_preview")
POLL_SECONDS = 0.1  # MkDocs' own LiveReloadServer polls every 0.5 s
SWITCH = "GUIDE_LIVE_PREVIEW"  # set to 0 to serve without this hook's reuse and faster polling

# MkDocs loads a hook file once per process (config_options.Hooks._load_hook is cached), so
# the state below outlives the rebuilds of `mkdocs serve`: that is the point of it, and why it
# lives here rather than on the per-build SiteBuild. Set once, by on_startup.
_serving = False


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Kept(Generic[T]):
    """Results by the hash of their inputs; what a rebuild does not use is dropped at its end."""

    def __init__(self):
        self._current: dict[str, T] = {}
        self._previous: dict[str, T] = {}
        self.hits = self.misses = 0  # lookups of the current rebuild

    def start(self) -> None:
        # A rebuild that failed midway never reached end(): keep both generations.
        self._previous, self._current = {**self._previous, **self._current}, {}
        self.hits = self.misses = 0

    def end(self) -> None:
        self._previous = {}

    def get(self, key: str) -> T | None:
        value = self._previous.pop(key) if key in self._previous else self._current.get(key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
            self._current[key] = value
        return value

    def put(self, key: str, value: T) -> None:
        self._current[key] = value


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored if the template's source has changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass(frozen=True)
class Converted:
    """What MkDocs' ``Page.render`` leaves on a page, apart from the Markdown it was given."""

    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by target src_uri; MkDocs keys them by File


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs while one page is converted."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, _record):
        self.count += 1


class ConvertedPages:
    """Converted pages: kept ones, and the pages of the current build being converted or reused."""

    def __init__(self):
        self.kept: Kept[Converted] = Kept()
        self._build = ""  # hash of the current build's files and Markdown settings
        self._converting: dict[str, tuple[str, _Warnings]] = {}  # src_uri -> (key, watcher)
        self._reusing: dict[str, tuple[Converted, str]] = {}  # src_uri -> (kept, the real Markdown)

    def start(self, files: Files, config: MkDocsConfig) -> None:
        self.kept.start()
        for _, watcher in self._converting.values():  # left by a build that failed midway
            logging.getLogger("mkdocs").removeHandler(watcher)
        self._converting.clear()
        self._reusing.clear()
        self._build = _digest(
            repr(config.markdown_extensions),
            repr(sorted(config.mdx_configs.items(), key=lambda item: item[0])),
            repr(config.use_directory_urls),
            repr(config.validation),
            *(f"{f.src_uri}\t{f.url}\t{f.inclusion}" for f in sorted(files, key=lambda f: f.src_uri)),
        )

    def before_conversion(self, markdown: str, page: Page) -> str:
        """The Markdown MkDocs should convert: ``markdown``, or nothing when its result is kept."""
        key = _digest(self._build, page.file.src_uri, page.file.url, markdown)
        kept = self.kept.get(key)
        if kept is not None:
            self._reusing[page.file.src_uri] = (kept, markdown)
            return ""
        watcher = _Warnings()
        logging.getLogger("mkdocs").addHandler(watcher)
        self._converting[page.file.src_uri] = (key, watcher)
        return markdown

    def after_conversion(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML, with what MkDocs' conversion sets on the page restored when it was reused."""
        src_uri = page.file.src_uri
        if src_uri in self._reusing:
            kept, page.markdown = self._reusing.pop(src_uri)
            page.toc = kept.toc
            page._title_from_render = kept.title
            page.present_anchor_ids = set(kept.present_anchor_ids)
            if kept.links_to_anchors is not None:
                # The build's files are part of the key, so every target is in this build.
                page.links_to_anchors = {
                    file: dict(links) for target, links in kept.links_to_anchors.items()
                    if (file := files.get_file_from_path(target)) is not None
                }
            return kept.content
        key, watcher = self._converting.pop(src_uri)
        logging.getLogger("mkdocs").removeHandler(watcher)
        if watcher.count == 0:
            links = page.links_to_anchors
            self.kept.put(key, Converted(
                content=html,
                toc=page.toc,
                title=page._title_from_render,
                present_anchor_ids=frozenset(page.present_anchor_ids or ()),
                links_to_anchors=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            ))
        return html


class ReusedSearchEntries:
    """Material's search index for one build, reusing the entries of a page whose inputs are unchanged."""

    def __init__(self, index: Any, kept: Kept[list[dict]]):
        self._index = index
        self._kept = kept

    def add_entry_from_context(self, page: Page) -> None:
        meta = page.meta
        key = _digest(
            page.url, str(page.title), page.content or "",
            repr([(item.id, item.url) for item in _toc_items(page.toc)]),
            repr((meta.get("search"), meta.get("tags"), meta.get("title"))),
        )
        entries = self._kept.get(key)
        if entries is None:
            first = len(self._index.entries)
            self._index.add_entry_from_context(page)
            entries = [dict(entry) for entry in self._index.entries[first:]]
            self._kept.put(key, entries)
        else:
            self._index.entries.extend(dict(entry) for entry in entries)

    def __getattr__(self, name):
        return getattr(self._index, name)


def _toc_items(toc):
    for item in toc:
        yield item
        yield from _toc_items(item.children)


TEMPLATES = CompiledTemplates()
PAGES = ConvertedPages()
SEARCH_ENTRIES: Kept[list[dict]] = Kept()


def internals_missing() -> list[str]:
    """The MkDocs and Material internals this hook relies on that the installed versions lack."""
    from material.plugins.search.plugin import SearchIndex, SearchPlugin
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

    def sets(label: str, function: Any, *names: str) -> list[str]:
        code = function.__code__.co_names  # the attribute names the function reads or assigns
        return [f"{label} sets {name}" for name in names if name not in code]

    return [
        # Reusing a conversion means putting back what Page.render leaves on the page.
        *sets("Page.render", Page.render, "_title_from_render", "present_anchor_ids", "links_to_anchors", "toc", "content"),
        # Reusing search entries: the plugin's per-build index and its list of entries.
        *sets("SearchPlugin.on_config", SearchPlugin.on_config, "search_index"),
        *sets("SearchIndex.__init__", SearchIndex.__init__, "entries"),
        *([] if hasattr(SearchIndex, "add_entry_from_context") else ["SearchIndex.add_entry_from_context"]),
        # Moving the watches to a faster observer.
        *sets("LiveReloadServer.__init__", LiveReloadServer.__init__, "_watched_paths", "observer"),
        *([] if hasattr(LiveReloadServer, "unwatch") else ["LiveReloadServer.unwatch"]),
    ]


def on_startup(command: str, **_: Any) -> None:
    global _serving
    _serving = False
    if command != "serve":
        return
    if os.environ.get(SWITCH, "1").strip().lower() in ("0", "off", "false", "no"):
        log.info(f"Live preview off ({SWITCH}={os.environ[SWITCH]}): every save rebuilds every page")
        return
    missing = internals_missing()
    if missing:
        log.warning(f"Live preview off: the installed MkDocs or Material changed ({'; '.join(missing)}). "
                    "`mkdocs serve` works as it does without this hook, rebuilding every page on every save")
        return
    _serving = True


@event_priority(-100)  # after the search plugin has made this build's index
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get("material/search")
    if _serving and search is not None and getattr(search, "search_index", None) is not None:
        SEARCH_ENTRIES.start()
        search.search_index = ReusedSearchEntries(search.search_index, SEARCH_ENTRIES)
    return config


@event_priority(-100)  # after every hook and plugin that adds files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _serving:
        PAGES.start(files, config)
    return files


@event_priority(-100)  # the last change to the Markdown
def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    return PAGES.before_conversion(markdown, page) if _serving else markdown


@event_priority(100)  # before any other hook or plugin sees the HTML
def on_page_content(html: str, page: Page, files: Files, **_: Any) -> str:
    return PAGES.after_conversion(html, page, files) if _serving else html


def on_env(env: jinja2.Environment, **_: Any) -> jinja2.Environment:
    env.bytecode_cache = TEMPLATES
    if _serving:
        PAGES.kept.end()  # every page is converted by now
        log.debug(f"pages converted: {PAGES.kept.misses}; reused: {PAGES.kept.hits}")
    return env


def on_post_build(**_: Any) -> None:
    if _serving:
        SEARCH_ENTRIES.end()  # every page is indexed by now


def on_serve(server: LiveReloadServer, **_: Any) -> LiveReloadServer:
    # MkDocs has made its file watcher, with its 0.5 s polling, and already scheduled the docs
    # folder and mkdocs.yml on it (the theme too with --watch-theme); the `watch:` folders come
    # after this event. Move what is scheduled to a watcher that polls faster; it is started,
    # as the old one would have been, when the server starts.
    if not _serving:
        return server
    watched = dict(server._watched_paths)  # path -> how many times it was asked for
    for path, times in watched.items():
        for _time in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, times in watched.items():
        for _time in range(times):
            server.watch(path)
    return server
