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
from ..models import Level
from ..urls import absolute, place

CONTEXT = "https://schema.org"

# Every role in the guide is a specialisation of software development; neither taxonomy has
# codes for the specialisations, so all nine roles share these two codes.
OCCUPATIONAL_CATEGORIES = (
    {
        "@type": "CategoryCode",
        "codeValue": "15-1252.00",
        "name": "Software Developers",
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "O*NET-SOC 2019", "url": "https://www.onetcenter.org/taxonomy.html"},
    },
    {
        "@type": "CategoryCode",
        "codeValue": "2512",
        "name": "Software developers",
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "ISCO-08", "url": "https://www.ilo.org/public/english/bureau/stat/isco/isco08/"},
    },
)
# The sourced pay bands describe backend developers in general, so only the umbrella role carries them.
SALARY_ROLE_KIND = "umbrella"


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
        "occupationalCategory": list(OCCUPATIONAL_CATEGORIES),
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
    if role.kind == SALARY_ROLE_KIND:
        bands = [level for level in guide.levels.values() if level.salary]
        if bands:
            data["estimatedSalary"] = [_salary(guide, level) for level in bands]
    return data


def _salary(guide: Guide, level: Level) -> dict:
    band = level.salary
    assert band is not None  # only levels with a band are passed
    source = guide.sources[band.source]
    return {
        "@type": "MonetaryAmount",
        "name": f"{level.title}, indicative ({band.region}; source: {source.title}, as of {band.as_of.isoformat()})",
        "currency": band.currency,
        "validFrom": band.as_of.isoformat(),
        "value": {"@type": "QuantitativeValue", "minValue": band.min, "maxValue": band.max, "unitText": band.period.upper()},
    }
