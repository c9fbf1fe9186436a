"""In real Chromium: copying job descriptions and section links, and the builder's pick, tick, copy and reload."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

SITE_URL = "https://backend-developer-guide.github.io/"


def _copy(page, button) -> str:
    """Click a copy button and return what landed on the clipboard (through Material's handler)."""
    page.evaluate("navigator.clipboard.writeText('')")
    button.click()
    page.locator(".md-dialog").get_by_text("Copied to clipboard").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_gives_the_full_published_url_of_a_section(page):
    page.goto("roles/api-developer/")
    page.locator("#implement-endpoints").hover()
    button = page.get_by_role("button", name="Copy link to “Implement endpoints to an agreed contract”")
    assert _copy(page, button) == f"{SITE_URL}roles/api-developer/#implement-endpoints"


def test_copy_link_on_a_level_and_a_question(page):
    page.goto("levels/")
    page.locator("#senior").hover()
    assert _copy(page, page.locator("#senior .guide-copy-link")) == f"{SITE_URL}levels/#senior"
    page.goto("faq/")
    first = page.locator("article h2[id]").nth(0)
    faq_id = first.get_attribute("id")
    first.hover()
    assert _copy(page, first.locator(".guide-copy-link")) == f"{SITE_URL}faq/#{faq_id}"


def test_a_job_description_copies_as_markdown_and_as_plain_text(page):
    page.goto("job-descriptions/api-developer/senior/")
    markdown = _copy(page, page.get_by_role("button", name="Copy as Markdown"))
    text = _copy(page, page.get_by_role("button", name="Copy as plain text"))
    assert markdown.startswith("# API developer (senior)\n\n## About the role\n")
    # the lower level's responsibilities, one line linked to its description, naming each of them
    earlier = f"[Everything a mid-level API developer does]({SITE_URL}job-descriptions/api-developer/mid/) — "
    assert earlier in markdown and "Implement endpoints to an agreed contract" in markdown.split(earlier)[1].split("\n")[0]
    assert text.startswith("API developer (senior)\n\nAbout the role\n")
    assert "- Everything a mid-level API developer does — " in text
    assert f"({SITE_URL}job-descriptions/api-developer/mid/)\n" in text
    assert "## Tools you will work with (an example stack" in markdown and "\n- [PostgreSQL](" in markdown


def _builder(page, query: str = ""):
    page.goto(f"job-descriptions/{query}")
    page.locator("#jd-role").wait_for()
    return page


def test_the_builder_starts_from_the_same_text_as_the_ready_made_page(page):
    _builder(page, "?role=api-developer&level=senior")
    built = _copy(page, page.get_by_role("button", name="Copy as Markdown"))
    page.goto("job-descriptions/api-developer/senior/")
    ready_made = page.get_by_role("button", name="Copy as Markdown").get_attribute("data-clipboard-text")
    assert built == ready_made


def test_pick_tick_copy_then_reload_from_the_url_gives_the_same_description(page, context):
    _builder(page)
    page.get_by_label("Role", exact=True).select_option("database-administrator")
    page.get_by_label("Level", exact=True).select_option("senior")
    page.get_by_role("checkbox", name="Everything a mid-level database administrator does").uncheck()
    page.get_by_role("checkbox", name="Communication").uncheck()
    page.locator("summary", has_text="Messaging and streaming").click()
    page.get_by_role("checkbox", name="Apache Kafka").check()
    page.get_by_role("checkbox", name="MongoDB").uncheck()

    markdown = _copy(page, page.get_by_role("button", name="Copy as Markdown"))
    text = _copy(page, page.get_by_role("button", name="Copy as plain text"))
    assert markdown.startswith("# Database administrator (senior)\n")
    assert "Everything a mid-level database administrator does" not in markdown
    assert "[Communication]" not in markdown
    assert f"[Apache Kafka]({SITE_URL}tools/kafka/)" in markdown
    assert "[MongoDB]" not in markdown and "[PostgreSQL]" in markdown
    assert f"- Apache Kafka ({SITE_URL}tools/kafka/)" in text and "MongoDB" not in text
    assert "## Tools you will work with\n" in markdown  # the reader's own stack is no longer marked as an example

    state = parse_qs(urlsplit(page.url).query)
    assert state["role"] == ["database-administrator"] and state["level"] == ["senior"]
    assert set(state["omit"][0].split(",")) == {"r:earlier", "h:communication"}
    assert "kafka" in state["stack"][0].split(",") and "mongodb" not in state["stack"][0].split(",")

    again = context.new_page()
    again.goto(page.url)
    again.locator("#jd-role").wait_for()
    assert again.get_by_label("Role", exact=True).input_value() == "database-administrator"
    assert again.get_by_role("checkbox", name="Everything a mid-level database administrator does").is_checked() is False
    assert _copy(again, again.get_by_role("button", name="Copy as Markdown")) == markdown
    assert _copy(again, again.get_by_role("button", name="Copy as plain text")) == text


def test_without_javascript_the_builder_says_where_the_ready_made_descriptions_are(browser, site_server):
    context = browser.new_context(base_url=site_server.origin, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("job-descriptions/?role=api-developer&level=senior")
        assert page.get_by_text("The builder needs JavaScript.").is_visible()
        page.get_by_role("link", name="Senior").first.click()
        assert page.url.endswith("/job-descriptions/backend-developer/senior/")
        assert page.get_by_role("heading", name="Responsibilities").is_visible()
        assert not page.get_by_role("button", name="Copy as Markdown").is_visible()  # nothing would copy
    finally:
        context.close()


@pytest.mark.parametrize("path", ["job-descriptions/", "job-descriptions/security-engineer/mid/", "roles/api-developer/"])
def test_no_script_error_on_job_description_pages(page, path):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert errors == []
