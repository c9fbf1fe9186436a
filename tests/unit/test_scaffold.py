"""`make new`: a skeleton that is valid as written, commented field by field, and refusals that say why."""

from __future__ import annotations

import re
import typing

import pytest
import yaml
from pydantic import BaseModel

from macros.loader import load_guide
from tools.scaffold import KINDS, ScaffoldError, main, new_entity_file


def _fields(model: type[BaseModel], prefix: str = "") -> typing.Iterator[str]:
    """Every field name of ``model`` and of the models inside it, as 'skills.core'."""
    for name, info in model.model_fields.items():
        yield f"{prefix}{name}"
        for arg in [info.annotation, *typing.get_args(info.annotation)]:
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                yield from _fields(arg, f"{prefix}{name}.")


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_file_is_valid_as_written_and_names_its_schema(data_dir, kind):
    path = new_entity_file(kind, "brand-new", data_dir)
    guide = load_guide(data_dir)
    collection = KINDS[kind]
    assert "brand-new" in getattr(guide, collection.name)
    text = path.read_text()
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schemas/{collection.path}.schema.json"
    assert "TODO" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_written_with_a_comment_above_it(data_dir, kind):
    text = new_entity_file(kind, "brand-new", data_dir).read_text()
    lines = text.splitlines()
    keys = "|".join(d.rsplit(".", 1)[-1] for d in _fields(KINDS[kind].model))
    for dotted in _fields(KINDS[kind].model):
        key = dotted.rsplit(".", 1)[-1]
        # A field line, possibly commented out (optional) or opening a list item.
        at = [i for i, line in enumerate(lines) if re.match(rf"^\s*(# )?(- )?{key}:", line)]
        assert at, f"{dotted} is not in the skeleton:\n{text}"
        above = lines[at[0] - 1].strip()
        assert above.startswith("# ") and not re.match(rf"# (- )?({keys}):", above), f"{dotted} has no comment:\n{text}"


def test_a_new_skill_has_an_entry_for_every_level_and_a_new_faq_goes_last(data_dir):
    skill = yaml.safe_load(new_entity_file("skill", "brand-new", data_dir).read_text())
    faq = yaml.safe_load(new_entity_file("faq", "brand-new-faq", data_dir).read_text())
    guide = load_guide(data_dir)
    assert list(skill["levels"]) == list(guide.levels)
    assert list(guide.faqs)[-1] == "brand-new-faq" and faq["question"].endswith("?")


@pytest.mark.parametrize("kind, entity_id, message", [
    ("tool", "python", "data/tools/python.yml already exists: ids are permanent, so edit that file or choose another id"),
    ("tool", "My Tool", "'My Tool' is not a valid id: ids are lowercase letters, digits and single hyphens"
                        " (at most 64 characters), e.g. 'my-tool'"),
    ("tool", "double--hyphen", "'double--hyphen' is not a valid id"),
    ("skill", "x" * 65, "is not a valid id"),
    ("tools", "kafka", f"unknown KIND 'tools': use one of {', '.join(KINDS)}"),
    ("level", "principal", f"unknown KIND 'level': use one of {', '.join(KINDS)}; "
                           "level entries are a list in data/levels.yml: add one there"),
])
def test_refuses_an_existing_or_malformed_id_and_writes_nothing(data_dir, kind, entity_id, message):
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    with pytest.raises(ScaffoldError, match=re.escape(message)):
        new_entity_file(kind, entity_id, data_dir)
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before


def test_the_command_exits_non_zero_with_the_reason(data_dir, monkeypatch, capsys):
    monkeypatch.chdir(data_dir.parent)
    assert main(["tool", "python"]) == 1
    assert capsys.readouterr().err == (
        "make new: data/tools/python.yml already exists: ids are permanent, so edit that file or choose another id\n"
    )
    assert main(["tool", ""]) == 2
    assert capsys.readouterr().err.startswith(f"usage: make new KIND=<{'|'.join(KINDS)}> ID=<lowercase-id>")
    assert main(["tool", "redis-like"]) == 0
    assert capsys.readouterr().out.startswith("wrote data/tools/redis-like.yml: replace every TODO")
