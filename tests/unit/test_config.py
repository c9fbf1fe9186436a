"""The build's configuration fails loudly: strict mode, every validation at warn, macros only where asked."""

from __future__ import annotations

import logging

from support.project import ROOT


def test_every_mkdocs_validation_option_is_at_warn_so_strict_fails_on_it():
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    config = load_config(str(ROOT / "mkdocs.yml"))
    groups = {"nav": MkDocsConfig.Validation.NavValidation, "links": MkDocsConfig.Validation.LinksValidation}
    assert [name for name, _ in MkDocsConfig.Validation._schema] == list(groups)  # no group we do not know of
    levels = {f"{group}.{name}": config.validation[group][name] for group, cls in groups.items() for name, _ in cls._schema}
    assert len(levels) == 7
    assert [option for option, level in levels.items() if level != logging.WARNING] == []
    assert config.strict is True



def test_macros_render_only_pages_that_ask_and_fail_on_anything_undefined():
    from mkdocs.config import load_config

    macros = load_config(str(ROOT / "mkdocs.yml")).plugins["macros"].config
    assert (macros["render_by_default"], macros["on_undefined"], macros["on_error_fail"]) == (False, "strict", True)
    assert macros["module_name"] == "macros"
