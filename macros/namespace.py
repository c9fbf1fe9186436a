"""The ``guide`` object that pages see: the data, and the renderers bound to the current page.

Pages use it as ``{{ guide.roles['api-developer'].title }}`` or ``{{ guide.roles_index() }}``.
Everything sits under this one name so that a page's front matter cannot shadow it.
"""

from __future__ import annotations

from collections.abc import Callable

from .guide import Guide
from .render import job_descriptions, listings


class GuideNamespace:
    def __init__(self, guide: Guide, current_page: Callable[[], str], site_url: str):
        self._guide = guide
        self._here = current_page  # docs-relative path of the page being rendered
        self._site_url = site_url  # for links that leave the site: copied job descriptions
        self.roles = guide.roles
        self.skills = guide.skills
        self.tools = guide.tools
        self.faqs = guide.faqs
        self.levels = guide.levels
        self.tool_categories = guide.tool_categories
        self.duties = guide.duties
        self.expectations = guide.expectations
        self.figures = guide.figures
        self.sources = guide.sources
        self.releases = guide.releases

    def _render(self, fn, *args) -> str:
        return fn(self._guide, *args, self._here())

    # Listings (called from hand-written pages).
    def roles_index(self) -> str:
        return self._render(listings.roles_index)

    def duties_table(self) -> str:
        return self._render(listings.duties_table)

    def skills_index(self) -> str:
        return self._render(listings.skills_index)

    def tools_index(self) -> str:
        return self._render(listings.tools_index)

    def levels_list(self) -> str:
        return self._render(listings.levels_list)

    def expectations_list(self) -> str:
        return self._render(listings.expectations_list)

    def faq_list(self) -> str:
        return self._render(listings.faq_list)

    def sources_list(self) -> str:
        return self._render(listings.sources_list)

    def figure(self, figure_id: str) -> str:
        return self._render(listings.figure, figure_id)

    def jd_index(self) -> str:
        return self._render(job_descriptions.jd_index)

    def jd_builder(self) -> str:
        return job_descriptions.jd_builder(self._guide, self._here(), self._site_url)

    def changelog(self) -> str:
        return self._render(listings.changelog)

    def export_list(self) -> str:
        return self._render(listings.export_list)

    @property
    def data_version(self) -> str:
        return next(iter(self._guide.releases))
