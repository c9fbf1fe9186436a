"""Pure renderers: data in, escaped Markdown out. Importing the package registers every page renderer
(``entity_pages.PAGE_RENDERERS``) and page macro (``page_macros.PAGE_MACROS``)."""

from . import career, entity_pages, interview_kits, job_descriptions, listings, pay  # noqa: F401 (their decorators register them)
