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
from dataclasses import dataclass
from typing import Generic, TypeVar

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import TableOfContents
from watchdog.observers.polling import PollingObserver

T = TypeVar("T")

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
POLL_SECONDS = 0.1  # MkDocs' own LiveReloadServer polls every 0.5 s

# MkDocs loads a hook file once per process (config_options.Hooks._load_hook is cached), so
# the state below outlives the rebuilds of `mkdocs serve`.
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

    def start(self, files, config) -> None:
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

    def before_conversion(self, markdown: str, page) -> str:
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

    def after_conversion(self, html: str, page, files) -> str:
        """The page's HTML, with what MkDocs' conversion sets on the page restored when it was reused."""
        src_uri = page.file.src_uri
        if src_uri in self._reusing:
            kept, page.markdown = self._reusing.pop(src_uri)
            page.toc = kept.toc
            page._title_from_render = kept.title
            page.present_anchor_ids = set(kept.present_anchor_ids)
            if kept.links_to_anchors is not None:
                page.links_to_anchors = {
                    files.get_file_from_path(target): dict(links) for target, links in kept.links_to_anchors.items()
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

    def __init__(self, index, kept: Kept[list[dict]]):
        self._index = index
        self._kept = kept

    def add_entry_from_context(self, page) -> None:
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


def on_startup(command, **_):
    global _serving
    _serving = command == "serve"


@event_priority(-100)  # after the search plugin has made this build's index
def on_config(config):
    search = config.plugins.get("material/search")
    if _serving and search is not None and getattr(search, "search_index", None) is not None:
        SEARCH_ENTRIES.start()
        search.search_index = ReusedSearchEntries(search.search_index, SEARCH_ENTRIES)
    return config


@event_priority(-100)  # after every hook and plugin that adds files
def on_files(files, config):
    if _serving:
        PAGES.start(files, config)
    return files


@event_priority(-100)  # the last change to the Markdown
def on_page_markdown(markdown: str, page, **_) -> str:
    return PAGES.before_conversion(markdown, page) if _serving else markdown


@event_priority(100)  # before any other hook or plugin sees the HTML
def on_page_content(html: str, page, files, **_) -> str:
    return PAGES.after_conversion(html, page, files) if _serving else html


def on_env(env: jinja2.Environment, **_) -> jinja2.Environment:
    env.bytecode_cache = TEMPLATES
    if _serving:
        PAGES.kept.end()  # every page is converted by now
        log.debug(f"pages converted: {PAGES.kept.misses}; reused: {PAGES.kept.hits}")
    return env


def on_post_build(**_):
    if _serving:
        SEARCH_ENTRIES.end()  # every page is indexed by now


def on_serve(server, **_):
    # MkDocs has made its file watcher, with its 0.5 s polling, and already scheduled the docs
    # folder and mkdocs.yml on it (the theme too with --watch-theme); the `watch:` folders come
    # after this event. Move what is scheduled to a watcher that polls faster; it is started,
    # as the old one would have been, when the server starts.
    watched = dict(server._watched_paths)  # path -> how many times it was asked for
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)
    return server
