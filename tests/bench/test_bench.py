"""The benchmark still works: run at the smallest size, as `make bench` runs it, its outputs have the
expected shape. Only through its command lines: the tests never import bench/.

No timing is asserted here (the machines are noisy; `make bench` measures). Lighthouse is left
out: it needs `npm ci` (the network) and a minute per page; `make bench` runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench.projects import html_pages
from bench.run import page_paths
from macros.loader import load_guide
from support.project import FIXTURE_DATA, ROOT


def python(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def counts(guide) -> dict[str, int]:
    return {c.name: len(getattr(guide, c.name)) for c in guide.registry if c.one_file_per_entity}


def test_synthetic_data_passes_the_loader_with_every_link_remapped(tmp_path):
    python("-m", "bench.synthetic", str(tmp_path / "data"), "3", str(FIXTURE_DATA))
    guide, source = load_guide(tmp_path / "data"), load_guide(FIXTURE_DATA)
    assert counts(guide) == {name: 3 * n for name, n in counts(source).items()}
    role, original = guide.roles["api-developer-set3"], source.roles["api-developer"]
    assert role.skills.core == [f"{s}-set3" for s in original.skills.core]
    assert role.tools == [f"{t}-set3" for t in original.tools]
    assert role.career_path.keys() == original.career_path.keys()  # levels are a closed vocabulary: unchanged
    assert role.title == f"{original.title} (set 3)"
    assert guide.faqs["why-backend-set2"].question.endswith(" (set 2)?")


def test_synthetic_data_at_1x_is_the_real_data(tmp_path):
    python("-m", "bench.synthetic", str(tmp_path / "data"), "1")
    for path in (ROOT / "data").rglob("*.yml"):
        assert (tmp_path / "data" / path.relative_to(ROOT / "data")).read_bytes() == path.read_bytes()


@pytest.fixture(scope="module")
def quick_bench(tmp_path_factory):
    """`python -m bench.run --quick`: every section but Lighthouse, at 1x, one run each."""
    out = tmp_path_factory.mktemp("bench")
    python("-m", "bench.run", "--quick", "--out", str(out))
    return json.loads((out / "results.json").read_text()), (out / "results.md").read_text()


def test_quick_bench_measures_every_section_but_lighthouse(quick_bench):
    results, _ = quick_bench
    sections = results["sections"]
    assert set(sections) == {"build", "injection", "scaling", "serve", "weight"}
    assert results["settings"]["skipped"] == ["lighthouse"]
    assert not [name for name, s in sections.items() if "error" in s]
    assert results["machine"]["cores"] >= 1 and results["machine"]["python"]
    assert len(results["load_average"]["start"]) == 3


def test_quick_bench_builds_the_real_guide_and_its_plain_markdown_twin(quick_bench, real_site):
    results, _ = quick_bench
    pages = len(html_pages(real_site.site))
    build, (injection,) = results["sections"]["build"], results["sections"]["injection"]["sizes"]
    assert injection["factor"] == 1
    assert build["pages"] == injection["pages"] == injection["plain_pages_built"] == pages
    for timing in (build["cold"], build["warm"], injection["macros"], injection["plain"]):
        assert timing["runs"] == 1 and 0 < timing["min"] <= timing["median"] <= timing["max"]
        assert timing["cpu_median"] > 0
    assert injection["ratio"] > 0 and injection["cpu_ratio"] > 0


def test_quick_bench_scales_from_data_that_equals_the_real_guide(quick_bench):
    results, _ = quick_bench
    (size,) = results["sections"]["scaling"]["sizes"]
    assert size["factor"] == 1
    assert size["entities"] == counts(load_guide(ROOT / "data"))
    assert size["pages"] == results["sections"]["build"]["pages"]
    assert size["entity_pages"] == sum(size["entities"][c] for c in ("roles", "skills", "tools"))
    assert 0 < size["html_bytes_per_entity_page"] <= size["html_bytes_largest_page"]
    assert 0 < size["search_index_gzip_bytes"] < size["search_index_bytes"]


def test_quick_bench_sees_an_edit_under_mkdocs_serve(quick_bench):
    serve = quick_bench[0]["sections"]["serve"]
    assert serve["rounds"] == len(serve["all"]) == 1
    assert 0 < serve["median"] < 120 and serve["cpu_median"] > 0
    assert serve["rebuild_median"] is None or serve["rebuild_median"] > 0


def test_quick_bench_weighs_what_chromium_downloads(quick_bench):
    weight = quick_bench[0]["sections"]["weight"]
    assert set(weight["pages"]) == set(page_paths())  # one page of each type the guide has
    for page in weight["pages"].values():
        first_load = [r for r in page["resources"] if r["first_load"]]
        assert page["total"] == page["html"] + page["css"] + page["js"] + page["other"] == sum(r["bytes"] for r in first_load)
        assert min(page["html"], page["css"], page["js"]) > 0
        assert all(r["status"] == 200 for r in page["resources"])
        document = next(r for r in page["resources"] if r["kind"] == "html")
        assert document["encoding"] == "gzip" and document["url"] == page["path"]
        # The index loads when search opens, not with the page.
        index = [r for r in page["resources"] if r["url"].endswith("search_index.json")]
        assert len(index) == 1 and not index[0]["first_load"] and page["on_search"] >= index[0]["bytes"]
    assert 0 < weight["search_index"]["gzip_bytes"] < weight["search_index"]["bytes"]


def test_quick_bench_marks_each_budget_by_its_measured_value(quick_bench):
    results, text = quick_bench
    rows = {r["figure"]: r for r in results["budgets"]}
    assert any(f.startswith("Data-injection overhead") for f in rows) and any(f.startswith("Serve loop") for f in rows)
    for figure, row in rows.items():
        if figure.startswith("Serve loop"):
            assert row["ok"] == (float(row["value"].removesuffix(" s")) <= float(row["budget"].split()[1])), row
        elif figure.startswith("Data-injection overhead"):
            assert row["ok"] == (float(row["value"]) <= float(row["budget"].removeprefix("<= "))), row
    for heading in ("## Machine", "## Budgets", "## Build time of the real guide", "## Data-injection overhead",
                    "## Scaling with synthetic data", "## Serve loop", "## Page weight", "## Lighthouse", "## Fixes"):
        assert heading in text
    assert "Not measured in this run." in text  # Lighthouse, skipped in a quick run
