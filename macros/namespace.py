"""The ``guide`` object that hand-written pages see: the data, and the page macros bound to the current page.

Pages use it as ``{{ guide.roles['api-developer'].title }}`` or ``{{ guide.roles_index() }}``.
Everything sits under this one name so that a page's front matter cannot shadow it. Every
collection of the registry is there under its name, and every ``@page_macro`` under its own.
Whatever a page reads through it is recorded, so the page's "last updated" date follows
the data files it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .render.page_macros import PAGE_MACROS
from .site_build import SiteBuild
from .urls import Linker


class GuideNamespace:
    def __init__(self, build: SiteBuild, current_page: Callable[[], str]):
        self._build = build
        self._here = current_page  # docs-relative path of the page being rendered

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        here = self._here()
        guide = self._build.guide_for(here)
        if name in PAGE_MACROS:
            macro = PAGE_MACROS[name]
            return lambda *args: macro(guide, Linker(here, self._build.site_url, self._build.today), *args)
        if name in guide.registry:
            return getattr(guide, name)
        raise AttributeError(f"guide.{name}: no such collection or page macro "
                             f"(collections: {', '.join(guide.registry.names())}; macros: {', '.join(PAGE_MACROS)})")

    @property
    def data_version(self) -> str:
        """The newest data release, as MAJOR.MINOR.PATCH."""
        return next(iter(self._build.guide_for(self._here()).releases))
