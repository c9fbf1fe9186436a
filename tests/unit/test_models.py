"""Models: field rules that a contributor meets when writing one file."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from macros.models import Faq, Source, Tool
from support.project import RESOURCES

TOOL = {"id": "redis", "name": "Redis", "category": "databases", "summary": "A fast store.",
        "description": "Keeps data in memory.", "sources": [], **yaml.safe_load(RESOURCES)}


def test_prose_written_as_a_folded_block_keeps_its_paragraphs():
    data = yaml.safe_load("description: >-\n  First line\n  continues here.\n\n  Second   paragraph.\n")
    tool = Tool.model_validate({**TOOL, **data})
    assert tool.description == "First line continues here.\n\nSecond paragraph."


def test_prose_cannot_smuggle_an_indented_code_block():
    tool = Tool.model_validate({**TOOL, "description": "Intro.\n\n        indented = 'code'"})
    assert tool.description == "Intro.\n\nindented = 'code'"


@pytest.mark.parametrize("url", ["http://example.com/", "javascript:alert(1)", "data:text/html,<b>x</b>",
                                 "https://exa mple.com/", 'https://example.com/"onmouseover="x', "//example.com/"])
def test_links_in_data_must_be_plain_https(url):
    with pytest.raises(ValidationError, match="https://|percent-encode"):
        Tool.model_validate({**TOOL, "website": url})


def test_https_link_is_accepted():
    assert Tool.model_validate({**TOOL, "website": "https://redis.io/"}).website == "https://redis.io/"


def test_single_line_fields_reject_line_breaks():
    with pytest.raises(ValidationError, match="must be one line"):
        Tool.model_validate({**TOOL, "name": "Re\ndis"})


def test_a_question_ends_with_a_question_mark():
    with pytest.raises(ValidationError, match="must end with"):
        Faq.model_validate({"id": "q", "question": "Tell me", "answer": "A.", "order": 1, "sources": []})


def test_unknown_fields_are_rejected_everywhere():
    with pytest.raises(ValidationError, match="extra_forbidden|Extra inputs"):
        Source.model_validate({"id": "s", "title": "T", "colour": "blue"})
