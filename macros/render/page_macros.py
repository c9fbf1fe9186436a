"""The renderers hand-written pages call through ``guide``: ``{{ guide.roles_index() }}``.

A page macro is a pure function ``(guide, to, *args) -> Markdown``, where ``to`` is a
``urls.Linker`` from the page being rendered. ``@page_macro`` registers it under its own name;
the ``guide`` namespace (``macros/namespace.py``) finds it there, so adding a listing is
writing the function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PageMacro = Callable[..., str]
PAGE_MACROS: dict[str, PageMacro] = {}


def page_macro(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Register ``fn`` as ``guide.<fn name>(...)`` for hand-written pages."""
    if fn.__name__ in PAGE_MACROS:
        raise ValueError(f"two page macros are named {fn.__name__}")
    PAGE_MACROS[fn.__name__] = fn
    return fn
