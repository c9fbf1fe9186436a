"""schema.org JSON-LD: it parses on every page, and carries what Occupation and BreadcrumbList need."""

from __future__ import annotations

import json

from macros.loader import load_guide
from support.project import ROOT

GUIDE = load_guide(ROOT / "data", root=ROOT)
SITE_URL = "https://backend-developer-guide.github.io/"


def _blocks(real_site, file) -> dict[str, dict]:
    soup = real_site.parsed(file.relative_to(real_site.site).as_posix())
    blocks = [json.loads(s.string) for s in soup.select('head script[type="application/ld+json"]')]
    assert all(b["@context"] == "https://schema.org" for b in blocks)
    by_type = {b["@type"]: b for b in blocks}
    assert len(by_type) == len(blocks), "one block per type"
    return by_type


def _pages(real_site):
    for file in sorted(real_site.site.rglob("index.html")):
        if "http-equiv=\"refresh\"" not in file.read_text(encoding="utf-8")[:2000]:
            yield file


def test_every_page_has_a_breadcrumb_trail_of_real_pages_ending_at_itself(real_site):
    pages = list(_pages(real_site))
    assert len(pages) > len(GUIDE.roles) + len(GUIDE.skills) + len(GUIDE.tools) + len(GUIDE.roles) * len(GUIDE.levels)
    for file in pages:
        trail = _blocks(real_site, file)["BreadcrumbList"]["itemListElement"]
        assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
        assert trail[0] == {"@type": "ListItem", "position": 1, "name": "Backend Developer Guide", "item": SITE_URL}
        url = SITE_URL + file.parent.relative_to(real_site.site).as_posix() + "/"
        assert trail[-1]["item"] == url.replace(f"{SITE_URL}./", SITE_URL)
        for item in trail:
            assert item["name"].strip()
            assert (real_site.site / item["item"].removeprefix(SITE_URL) / "index.html").is_file(), item


def test_a_job_description_trail_goes_through_the_index(real_site):
    role_id, level_id = next(iter(GUIDE.roles)), next(iter(GUIDE.levels))
    file = real_site.site / "job-descriptions" / role_id / level_id / "index.html"
    trail = _blocks(real_site, file)["BreadcrumbList"]["itemListElement"]
    title = f"{GUIDE.roles[role_id].title} ({GUIDE.levels[level_id].title.lower()})"
    assert [i["name"] for i in trail] == ["Backend Developer Guide", "Job descriptions", f"Job description: {title}"]


def test_role_pages_carry_an_occupation_with_the_required_fields(real_site):
    for role_id, role in GUIDE.roles.items():
        data = _blocks(real_site, real_site.site / "roles" / role_id / "index.html")["Occupation"]
        assert data["name"] == role.title and data["description"] == role.summary
        assert data["url"] == f"{SITE_URL}roles/{role_id}/"
        codes = data["occupationalCategory"]
        assert codes and all(c["@type"] == "CategoryCode" and c["codeValue"] and c["inCodeSet"]["name"] for c in codes)
        assert [s["termCode"] for s in data["skills"]] == [*role.skills.core, *role.skills.helpful]
        assert data["responsibilities"] == [r.title for r in role.responsibilities]
        assert data["educationRequirements"] == role.education
        assert len(data["experienceRequirements"]) == len(GUIDE.levels)


def test_the_faq_page_carries_no_faq_page_block(real_site):
    # Google stopped showing FAQ rich results on 7 May 2026; the block repeated every answer and
    # made /faq/ the one page over the first-load budget. Only the breadcrumbs remain.
    assert set(_blocks(real_site, real_site.site / "faq" / "index.html")) == {"BreadcrumbList"}


def test_job_descriptions_carry_no_job_posting(real_site):
    # A JobPosting needs an employer, a location and a date posted; a template has none of them.
    for file in (real_site.site / "job-descriptions").glob("*/*/index.html"):
        assert "JobPosting" not in _blocks(real_site, file)


def test_json_ld_cannot_be_broken_out_of_by_data(tmp_path):
    from macros.render.job_descriptions import script_json

    text = script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & more"
