"""schema.org JSON-LD for the guide's pages: Occupation on role pages, BreadcrumbList everywhere.

Pure functions from the loaded guide to plain dicts; ``macros/structured_data.py`` puts
them in each page's <head>. Job description pages carry no ``JobPosting``: a posting needs
an employer, a location and a date posted, which a template does not have, and an
invalid posting is worse than none.

/faq/ carries no ``FAQPage``: Google stopped showing FAQ rich results on 7 May 2026 (its
FAQPage documentation says so), and the block repeated every answer in the page's <head>,
a third of the page's weight on the wire (bench/results.md).
"""

from __future__ import annotations

from .. import urls
from ..guide import Guide
from ..urls import absolute, place
from . import pay

CONTEXT = "https://schema.org"

# schema.org's MonetaryAmountDistribution names each percentile.
DISTRIBUTION = {"p10": "percentile10", "p25": "percentile25", "median": "median", "p75": "percentile75", "p90": "percentile90"}


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """``trail`` is (name, absolute URL) from the home page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url} for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def occupation(guide: Guide, role_id: str, site_url: str) -> dict:
    role = guide.roles[role_id]
    url = absolute(site_url, place(urls.ROLE_PAGE, id=role_id))
    data = {
        "@context": CONTEXT,
        "@type": "Occupation",
        "@id": f"{url}#occupation",
        "name": role.title,
        **({"alternateName": list(role.advertised_as)} if role.advertised_as else {}),
        "description": role.summary,
        "url": url,
        "occupationalCategory": [_category(guide, mapping.code) for mapping in role.occupations],
        "skills": [
            {
                "@type": "DefinedTerm",
                "termCode": skill_id,
                "name": guide.skills[skill_id].name,
                "description": guide.skills[skill_id].summary,
                "url": absolute(site_url, place(urls.SKILL_PAGE, id=skill_id)),
            }
            for skill_id in (*role.skills.core, *role.skills.helpful)
        ],
        "responsibilities": [item.title for item in role.responsibilities],
        "educationRequirements": role.education,
        "experienceRequirements": [f"{level.title}: {level.experience}" for level in guide.levels.values()],
    }
    salaries = [salary for mapping in role.occupations if mapping.fit != "alternative"
                for salary in [_salary(guide, mapping.code)] if salary is not None]
    if salaries:
        data["estimatedSalary"] = salaries
    return data


def _category(guide: Guide, code_id: str) -> dict:
    code = guide.codes[code_id]
    code_set = guide.sources[code.source]  # the classification the code belongs to
    return {
        "@type": "CategoryCode",
        "codeValue": code.code,
        "name": code.title,
        **({"url": code.uri or code.url} if code.uri or code.url else {}),
        "inCodeSet": {"@type": "CategoryCodeSet", "name": pay.TAXONOMY[code.taxonomy],
                      **({"url": code_set.url} if code_set.url else {})},
    }


def _salary(guide: Guide, code_id: str) -> dict | None:
    """The official yearly wage distribution of one occupation code, if the guide has its median."""
    wages = {f.statistic: f for f in guide.figures.values()
             if f.occupation == code_id and f.unit == "a-year" and f.statistic in DISTRIBUTION}
    median = wages.get("median")
    if median is None:
        return None
    source = guide.sources[median.source]
    code = guide.codes[code_id]
    return {
        "@type": "MonetaryAmountDistribution",
        "name": f"{pay.code_name(code)}, {median.reference_period}, {median.geography} ({source.publisher}: {source.title})",
        "currency": median.currency,
        "duration": "P1Y",
        **({"validFrom": median.published.isoformat()} if median.published else {}),
        **{DISTRIBUTION[s]: f.value for s, f in wages.items()},
    }
