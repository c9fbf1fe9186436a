"""The link contract: every URL#anchor the guide has published keeps resolving, or the build says how to keep it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, build, copy_project
from macros import link_contract
from macros.link_contract import check, published, read_contract, unlisted, write

CONTRACT = read_contract()


def test_the_committed_contract_covers_the_url_contract_in_the_design():
    listed = set(CONTRACT)
    for link in (
        "/roles/", "/skills/", "/tools/", "/job-descriptions/", "/levels/", "/faq/",
        "/roles/backend-developer/#overview", "/roles/api-developer/#responsibilities", "/roles/api-developer/#skills",
        "/roles/api-developer/#tools", "/roles/api-developer/#career-path", "/roles/api-developer/#faq",
        "/roles/api-developer/#implement-endpoints",  # one responsibility item, by its id
        "/skills/api-design/", "/tools/postgresql/",
        "/levels/#entry", "/levels/#mid", "/levels/#senior", "/levels/#lead",
        "/faq/#backend-vs-devops",
        "/job-descriptions/data-traffic-control/lead/",
        "/data/v1/roles.json", "/data/v1/roles.schema.json",
    ):
        assert link in listed, f"{link} is missing from {link_contract.CONTRACT_FILE.name}"
    assert len(CONTRACT) > 1000


def test_every_link_in_the_contract_resolves_on_the_real_site(real_site):
    assert check(real_site.site, CONTRACT) == []


def test_the_contract_lists_every_link_the_site_publishes(real_site):
    missing = unlisted(real_site.site, CONTRACT)
    assert not missing, f"{len(missing)} published links are not in link-contract.txt: run `make contract` ({missing[:5]})"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _build(project: Path, name: str) -> Path:
    result = build(project, project.parent / name)
    assert result.returncode == 0, result.log
    return result.site


def test_a_renamed_item_breaks_its_links_until_the_old_id_is_declared(project):
    role_file = project / "data" / "roles" / "api-developer.yml"
    original = role_file.read_text(encoding="utf-8")
    role_file.write_text(original.replace("  - id: implement-endpoints\n", "  - id: build-endpoints\n"), encoding="utf-8")
    links = ["/roles/api-developer/#implement-endpoints", "/roles/api-developer/#overview"]

    assert check(_build(project, "renamed"), links) == [
        "/roles/api-developer/#implement-endpoints: /roles/api-developer/ no longer has the anchor #implement-endpoints; "
        "if the responsibility was renamed, add 'implement-endpoints' to its former_ids in data/roles/api-developer.yml. "
        "Published links must keep working."
    ]

    role_file.write_text(original.replace(
        "  - id: implement-endpoints\n", "  - id: build-endpoints\n    former_ids: [implement-endpoints]\n"), encoding="utf-8")
    site = _build(project, "declared")
    assert check(site, links) == []
    # The old id is an anchor inside the renamed item's heading, so the link lands on it.
    html = (site / "roles" / "api-developer" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="build-endpoints"><span id="implement-endpoints"></span>' in html


def test_a_moved_page_breaks_its_links_until_a_redirect_is_declared(project):
    (project / "docs" / "job-market.md").rename(project / "docs" / "market.md")
    for file in [project / "mkdocs.yml", *(project / "docs").rglob("*.md")]:
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace("job-market.md", "market.md"), encoding="utf-8")
    links = ["/job-market/", "/job-market/#on-call"]

    problems = check(_build(project, "moved"), links)
    assert problems[0] == (
        "/job-market/: the page /job-market/ no longer exists. If it moved, declare the move in mkdocs.yml under "
        "plugins → redirects → redirect_maps, as 'job-market.md': '<new page>.md' (an entity page moves when its "
        "data file is renamed: declare 'roles/old-id.md': 'roles/new-id.md'). Published links must keep working."
    )
    assert len(problems) == 2

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "redirect_maps: {}", "redirect_maps: {job-market.md: market.md}"), encoding="utf-8")
    assert check(_build(project, "redirected"), links) == []


def test_regenerating_the_contract_never_drops_a_link(real_site, tmp_path):
    contract = tmp_path / "link-contract.txt"
    contract.write_text("/roles/\n/roles/no-such-role/\n", encoding="utf-8")
    added, problems = write(real_site.site, contract)
    assert (added, len(problems)) == (0, 1)
    assert problems[0].startswith("/roles/no-such-role/: the page /roles/no-such-role/ no longer exists.")
    assert contract.read_text(encoding="utf-8") == "/roles/\n/roles/no-such-role/\n"  # untouched

    contract.write_text("/roles/\n", encoding="utf-8")
    added, problems = write(real_site.site, contract)
    assert problems == []
    assert read_contract(contract) == sorted(published(real_site.site), key=link_contract._order)
    assert added == len(read_contract(contract)) - 1


def test_the_contract_file_is_where_make_contract_writes_it():
    assert link_contract.CONTRACT_FILE == ROOT / "link-contract.txt"
    assert link_contract.CONTRACT_FILE.read_text(encoding="utf-8").startswith(link_contract.HEADER)
