"""Learning resources on skills and tools: what validation rejects, each with its exact file:line:col line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loader import load_guide
from macros.models import MAX_RESOURCES, MIN_RESOURCES, RESOURCE_TYPES
from macros.problems import DataError
from support.project import FIXTURE_DATA

SKILL_FILE = "skills/api-design.yml"  # a fixture skill with three resources, written in block style
RESOURCE = """\
  - title: {title}
    by: Someone
    url: {url}
    type: book
    cost: free
    level: mid
    why: Another resource.
"""


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(p) for p in caught.value.problems]


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column where ``needle`` (the start of a YAML value) is written in ``text``."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def edit(data_dir: Path, old: str, new: str, count: int = 1) -> str:
    path = data_dir / SKILL_FILE
    text = path.read_text()
    assert text.count(old) >= count, f"fixture assumption: {old!r} is in {SKILL_FILE}"
    path.write_text(text.replace(old, new, count))
    return path.read_text()


def urls_of(text: str) -> list[str]:
    return re.findall(r"^    url: (\S+)$", text, re.M)


def test_a_plain_http_link_is_rejected_at_its_line(data_dir):
    first = urls_of((data_dir / SKILL_FILE).read_text())[1]
    text = edit(data_dir, f"url: {first}", f"url: {first.replace('https://', 'http://')}")
    line, col = position(text, first.replace("https://", "http://"))
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources[1].url: links in data must be absolute https:// URLs, not http:"]


def test_the_same_link_twice_on_one_page_is_rejected_at_the_second(data_dir):
    first, second = urls_of((data_dir / SKILL_FILE).read_text())[:2]
    # Another spelling of the same address: a trailing slash and the host's case make no other resource.
    again = first.replace("://www.", "://WWW.") + "/"
    text = edit(data_dir, f"url: {second}", f"url: {again}")
    line, col = position(text, again)
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources[1].url: '{again}' is already listed "
        "(first at resources[0]; list a resource once)"]


def test_the_same_link_on_two_pages_is_fine(data_dir):
    link = urls_of((data_dir / SKILL_FILE).read_text())[0]
    tool = data_dir / "tools" / "python.yml"
    tool.write_text(tool.read_text().replace(urls_of(tool.read_text())[0], link, 1))
    assert link in [r.url for r in load_guide(data_dir).tools["python"].resources]


def test_fewer_than_three_resources_are_rejected_at_the_list(data_dir):
    text = (data_dir / SKILL_FILE).read_text()
    head, _, listed = text.partition("resources:\n")
    items = re.split(r"(?m)^(?=  - )", listed)[1:]
    assert len(items) == MIN_RESOURCES, "fixture assumption: the skill lists the fewest resources allowed"
    (data_dir / SKILL_FILE).write_text(head + "resources:\n" + "".join(items[:-1]))
    line, col = position((data_dir / SKILL_FILE).read_text(), "- title:")
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources: lists {MIN_RESOURCES - 1} items; at least {MIN_RESOURCES}"]


def test_more_than_eight_resources_are_rejected_at_the_list(data_dir):
    path = data_dir / SKILL_FILE
    extra = MAX_RESOURCES + 1 - MIN_RESOURCES
    path.write_text(path.read_text() + "".join(
        RESOURCE.format(title=f"Extra {i}", url=f"https://example.org/extra-{i}") for i in range(extra)))
    line, col = position(path.read_text(), "- title:")
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources: lists {MAX_RESOURCES + 1} items; at most {MAX_RESOURCES} "
        "(keep the ones that earn their place)"]


def test_an_unknown_type_is_rejected_with_the_types_there_are(data_dir):
    text = edit(data_dir, "    type: book\n", "    type: podcast\n")
    index = text.partition("resources:\n")[2].split("    type: podcast")[0].count("  - title:") - 1
    line, col = position(text, "podcast")
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources[{index}].type: 'podcast' is not allowed "
        f"(one of: {', '.join(RESOURCE_TYPES)})"]


def test_an_unknown_level_is_rejected_with_the_levels_there_are(data_dir):
    text = edit(data_dir, "    level: mid\n", "    level: junior\n")
    line, col = position(text, "junior")
    levels = ", ".join(sorted(load_guide(FIXTURE_DATA).levels))
    assert problems(data_dir) == [
        f"data/{SKILL_FILE}:{line}:{col}: resources[0].level: unknown level 'junior' (known ids: {levels})"]


def test_a_tool_needs_resources_too(data_dir):
    path = data_dir / "tools" / "python.yml"
    path.write_text(path.read_text().partition("resources:\n")[0])
    assert problems(data_dir) == [
        "data/tools/python.yml:1:1: resources: required field is missing "
        f"(Where to learn this tool: {MIN_RESOURCES} to {MAX_RESOURCES} chosen resources, each URL listed once. "
        "Shown on the page's 'Where to learn it' section, grouped by type.)"]
