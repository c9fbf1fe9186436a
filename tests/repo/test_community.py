"""What a contributor looks for on GitHub: the licences in full, a security policy, a code of conduct,
a citation file. `reuse lint` and the CITATION.cff schema run as pre-commit hooks (repo/test_lint.py)."""

from __future__ import annotations

import re
import tomllib

from support.project import ROOT

LICENSES = ROOT / "LICENSES"


def test_the_text_and_data_licence_is_the_full_cc_by_4_0_legal_code():
    text = (LICENSES / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert text.startswith("Attribution 4.0 International")
    sections = re.findall(r"^Section (\d) -- (.+)\.$", text, re.MULTILINE)
    assert [n for n, _ in sections] == [str(i) for i in range(1, 9)]  # all eight sections, none cut
    assert "Sui Generis Database Rights" in dict(sections).values()  # the part that matters for data
    assert text.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")


def test_the_code_licence_is_mit_with_the_contributors_as_holders():
    for path in (ROOT / "LICENSE", LICENSES / "MIT.txt"):
        text = path.read_text(encoding="utf-8")
        assert "Permission is hereby granted, free of charge" in text
        assert "Copyright (c) 2026 The Backend Developer Guide contributors" in text
    assert "LICENSES/CC-BY-4.0.txt" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_reuse_says_docs_and_data_are_cc_by_and_the_code_mit():
    annotations = tomllib.loads((ROOT / "REUSE.toml").read_text())["annotations"]
    by_path = {p: a["SPDX-License-Identifier"] for a in annotations
               for p in ([a["path"]] if isinstance(a["path"], str) else a["path"])}
    assert by_path["**"] == "MIT"
    assert by_path["docs/**"] == by_path["data/**"] == "CC-BY-4.0"
    used = set(by_path.values())
    assert {p.stem for p in LICENSES.glob("*.txt")} == used  # every licence used has its text, and no other


def test_the_code_of_conduct_is_the_contributor_covenant_with_its_version_and_a_way_to_report():
    text = (ROOT / "CODE_OF_CONDUCT.md").read_text(encoding="utf-8")
    assert text.startswith("# Contributor Covenant 3.0 Code of Conduct")
    assert "adapted from the Contributor Covenant, version 3.0" in text
    assert "[NOTE" not in text and "INSERT" not in text  # the template's placeholders are filled in
    assert "To report a possible violation, **" in text


def test_the_security_policy_asks_for_private_reports():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "Report a vulnerability" in text and "/security" in text
    assert "do not open a public" in text
