"""Hostile text for the escaping tests: text that tries to be HTML, a link, Jinja or Markdown structure.

``INERT`` is the table of text that must come out as text, in every kind of text field;
``hostile_files`` writes it into a project's data, in tools, skills, questions and one role.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from support.project import write


@dataclass(frozen=True)
class Inert:
    id: str
    kind: str  # what it tries to be
    text: str


INERT = [
    Inert("script", "HTML", "<script>alert(1)</script>"),
    Inert("img-onerror", "HTML", '<img src=x onerror="alert(1)">'),
    Inert("div-breakout", "HTML", '</div></article></div><div class="md-sidebar">out'),
    Inert("iframe", "HTML", '<iframe src="https://example.com/"></iframe>'),
    Inert("title-breakout", "HTML", "</title><script>alert(1)</script>"),
    Inert("attribute-breakout", "HTML", '" onmouseover="alert(1)" data-x=\''),  # out of a quoted attribute (meta content)
    Inert("entity", "HTML", "&lt;script&gt; &amp; &#60;"),
    Inert("markdown-javascript-link", "URL", "[click](javascript:alert(1))"),
    Inert("html-data-link", "URL", '<a href="data:text/html;base64,PHNjcmlwdD4=">open</a>'),
    Inert("autolink", "URL", "<javascript:alert(1)> <https://example.com/>"),
    Inert("jinja-expression", "Jinja", "{{ config }} {{ config.repo_url }}"),
    Inert("jinja-raw", "Jinja", "{% raw %} {% endraw %} {# not a comment #}"),
    Inert("open-fence", "Markdown structure", "```python"),
    Inert("admonition", "Markdown structure", '!!! note "Injected"'),
    Inert("rule", "Markdown structure", "---"),
    Inert("heading", "Markdown structure", "# Heading"),
    Inert("attr-list", "Markdown structure", "text { onclick=alert(1) .injected #top }"),
    Inert("table-pipe", "Markdown structure", "a | b | c"),
    Inert("emoji", "Markdown structure", ":smile: **bold** _em_"),
]


def hostile_resources(case: Inert) -> str:
    """A ``resources:`` block whose first resource carries the case in its title, author and reason."""
    text = json.dumps(case.text)
    return f"""\
resources:
  - {{title: {text}, by: {text}, url: "https://example.org/{case.id}", type: book, cost: free, level: entry, why: {text}}}
  - {{title: Plain, by: Plain, url: "https://example.org/{case.id}/2", type: course, cost: paid, level: mid, why: Plain.}}
  - {{title: Plain, by: Plain, url: "https://example.org/{case.id}/3", type: video, cost: free-tier, level: mid, why: Plain.}}
"""


def hostile_files(project: Path) -> None:
    """One tool, one skill and one FAQ per case (the FAQs come first), and one role holding every case in its
    lists and headings, with every hostile skill on its learning path."""
    data = project / "data"
    levels = yaml.safe_load((data / "levels.yml").read_text(encoding="utf-8"))["levels"]
    for case in INERT:
        text = json.dumps(case.text)  # a YAML double-quoted scalar
        write(data / "tools" / f"hostile-{case.id}.yml", f"""
            id: hostile-{case.id}
            name: {text}
            category: languages
            summary: {text}
            description: {json.dumps("Intro." + chr(10) + case.text + chr(10) + "Outro.")}
            sources: []
            """)
        with (data / "tools" / f"hostile-{case.id}.yml").open("a", encoding="utf-8") as tool:
            tool.write(hostile_resources(case))
        # Each level's behaviours: a plain one and the hostile text, which the skill page, the matrix and the
        # self-assessment all show.
        per_level = ", ".join(f"{level['id']}: [Plain., {text}]" for level in levels)
        (data / "skills" / f"hostile-{case.id}.yml").write_text(
            f"id: hostile-{case.id}\nname: Hostile skill {case.id}\nkind: hard\nsummary: Plain.\nwhy: Plain.\n"
            f"levels: {{{per_level}}}\nsources: []\n" + hostile_resources(case), encoding="utf-8")
        write(data / "faqs" / f"hostile-{case.id}.yml", f"""
            id: hostile-{case.id}
            question: {json.dumps(case.text + " ?")}
            answer: {text}
            order: 1
            roles: [hostile-role]
            sources: []
            """)
    items = "".join(f"\n  - {json.dumps(case.text)}" for case in INERT)
    core = ", ".join(f"hostile-{case.id}" for case in INERT)
    career = ", ".join(f"{level['id']}: Level {i}." for i, level in enumerate(levels))
    duties = "".join(f"\n  - id: r-{case.id}\n    title: {json.dumps(case.text)}\n    description: {json.dumps(case.text)}"
                     for case in INERT)
    (data / "roles" / "hostile-role.yml").write_text(
        "id: hostile-role\ntitle: Hostile role\nkind: specialisation\norder: 900\n"
        "occupations:\n  - code: soc-dev\n    fit: approximate\n"
        "summary: A role whose lists and headings carry hostile text.\noverview: Plain text.\n"
        f"responsibilities:{duties}\nskills:\n  core: [{core}]\ntools: [python]\nexample_stack: [python]\ntypical_day:{items}\n"
        f"career_path: {{{career}}}\neducation: Any.\nsources: []\n")


