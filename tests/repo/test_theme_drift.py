"""The theme partials copied into overrides/ stay copies of the installed Material, changed only where we say.

Material has no block for the search dialog, the repository link or the footer text, so those
partials are whole copies. When Material changes its own copy (an upgrade), ours would silently
keep the old markup. Each copy here must equal Material's with exactly the named changes applied;
after an upgrade, copy Material's new file and apply the same changes again.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from support.project import ROOT

MATERIAL = Path(material.__file__).parent / "templates" / "partials"
GENERATED = "  This file was automatically generated - do not edit"

# partial -> its changes, each Material's text -> ours, and each applying exactly once.
CHANGES: dict[str, list[tuple[str, str]]] = {
    "search.html": [
        # The dialog gets an accessible name, which Material leaves out (axe: aria-dialog-name).
        ('<div class="md-search" data-md-component="search" role="dialog">',
         '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        # No javascript: URL, which the Content Security Policy forbids; Material's script sets the href.
        ('<a href="javascript:void(0)" class="md-search__icon md-icon" title="{{ lang.t(\'search.share\') }}"',
         '<a class="md-search__icon md-icon" title="{{ lang.t(\'search.share\') }}"'),
    ],
    "source.html": [
        # A plain link: data-md-component="source" makes Material fetch star counts from the code host.
        ('class="md-source" data-md-component="source">', 'class="md-source">'),
    ],
    "copyright.html": [
        # A link to the contributing guide of the repository the site is built from, and a separator.
        ("  {% endif %}\n  {% if not config.extra.generator == false %}\n",
         "  {% endif %}\n"
         "  {% if config.repo_url %}\n"
         "    <a href=\"{{ config.repo_url.rstrip('/') }}/blob/main/CONTRIBUTING.md\">How to contribute</a>\n"
         "  {% endif %}\n"
         "  {% if not config.extra.generator == false %}\n"
         "    {% if config.repo_url %}·{% endif %}\n"),
    ],
}


def _without_header_comment(text: str, *, ours: bool) -> list[str]:
    """The partial's lines after its leading comment (Material's says it is generated; ours says why it is a copy)."""
    lines = text.splitlines()
    start = lines.index("{#-") if "{#-" in lines else 0
    end = lines.index("-#}", start)
    assert ours or lines[start + 1] == GENERATED
    return lines[end + 1:]


def expected(name: str) -> list[str]:
    """Material's partial with our named changes applied."""
    text = (MATERIAL / name).read_text(encoding="utf-8")
    for theirs, ours in CHANGES[name]:
        assert text.count(theirs) == 1, f"Material's {name} no longer has {theirs!r}: re-copy it and re-apply the change"
        text = text.replace(theirs, ours)
    return _without_header_comment(text, ours=False)


@pytest.mark.parametrize("name", CHANGES)
def test_a_copied_partial_is_materials_with_only_the_named_changes(name):
    ours = _without_header_comment((ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"), ours=True)
    assert ours == expected(name)


# Partials of our own that replace one of Material's by name (Material includes them where they
# belong); they copy nothing of Material's, so they cannot drift.
OWN = {
    "path.html": "breadcrumbs from the JSON-LD trail (Material's follow the nav, which generated pages are not in)",
    "feedback.html": "'Was this page helpful?' with no tracker (Material's needs an analytics provider)",
}


def test_every_partial_is_a_listed_copy_or_our_own():
    partials = {p.name for p in (ROOT / "overrides" / "partials").glob("*.html")}
    assert partials == set(CHANGES) | set(OWN)
    for name in OWN:
        assert (MATERIAL / name).exists(), f"Material no longer includes partials/{name}: ours is never used"
        assert GENERATED not in (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8")
