"""The link contract: every URL#anchor the guide has published keeps resolving, or the build says how to keep it."""

from __future__ import annotations

from tools import link_contract
from tools.link_contract import check, published, read_contract, resolve, unlisted, write

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
        # The ladder to the top (issue 14): the new levels, the matrix, level to level, the self-assessment.
        "/levels/#staff", "/levels/#principal", "/levels/#engineering-manager",
        "/levels/mid-to-senior/", "/levels/senior-to-engineering-manager/",
        "/skills/matrix/", "/self-assessment/", "/skills/api-design/#senior",
        "/job-descriptions/data-traffic-control/engineering-manager/",
        "/data/v1/roles.json", "/data/v1/roles.schema.json",  # frozen at 1.3.0 (docs/data/v1/)
        "/data/v2/roles.json", "/data/v2/roles.schema.json",
    ):
        assert link in listed, f"{link} is missing from {link_contract.CONTRACT_FILE.name}"
    assert len(CONTRACT) > 1000


def test_every_link_in_the_contract_resolves_on_the_real_site(real_site):
    assert check(real_site.site, CONTRACT) == []


def test_a_retired_level_s_job_descriptions_lead_to_its_successor_s_with_their_anchors(real_site):
    retired = [link for link in CONTRACT if "/lead/" in link and link.startswith("/job-descriptions/")]
    assert retired, "fixture assumption: the contract lists the lead job descriptions v1 published"
    for link in retired:
        assert resolve(real_site.site, link) is None, link
        staff = link.replace("/lead/", "/staff/")
        assert resolve(real_site.site, staff) is None, staff
        page = (real_site.site / link.partition("#")[0].strip("/") / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh" content="0; url=../staff/"' in page


def test_the_contract_lists_every_link_the_site_publishes(real_site):
    missing = unlisted(real_site.site, CONTRACT)
    assert not missing, f"{len(missing)} published links are not in link-contract.txt: run `make contract` ({missing[:5]})"


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
