"""The package layout is the pipeline: each layer imports only the layers below it."""
from __future__ import annotations

import pytest

from analysis.core.cache import _imports, _module_file

from .conftest import ROOT

# bottom to top; a module may import its own layer (its own package) and any layer below
LAYERS = ["core", "privacy", "sources", "text", "timeseries", "planning|sample", "reporting", "chain", "cli",
          "__main__"]


def _layer(module: str) -> int:
    part = module.split(".")[1] if module.count(".") else ""
    for rank, names in enumerate(LAYERS):
        if part in names.split("|"):
            return rank
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS or move it")


def _modules() -> list[str]:
    package = ROOT / "analysis"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return [n for n in names if n != "analysis"]


@pytest.mark.parametrize("module", _modules())
def test_no_module_imports_a_higher_layer(module):
    own = _layer(module)
    higher = [m for m in _imports(module, _module_file(module)) if m != "analysis" and _layer(m) > own]
    assert not higher, f"{module} (layer {LAYERS[own]}) imports {higher}"


def test_layers_in_the_same_rank_do_not_import_each_other():
    for module in _modules():
        top = module.split(".")[1]
        for other in _imports(module, _module_file(module)):
            if other == "analysis":
                continue
            same_rank = _layer(other) == _layer(module)
            assert not same_rank or other.split(".")[1] == top, f"{module} imports sibling layer {other}"


@pytest.mark.parametrize("package, other", [("readability", "topics"), ("topics", "readability")])
def test_readability_and_topics_do_not_know_each_other(package, other):
    """What combines them (the draft checker, the per-post analysis) sits above both in text/."""
    inside = [m for m in _modules() if m.startswith(f"analysis.text.{package}")]
    assert inside
    for module in inside:
        found = [m for m in _imports(module, _module_file(module)) if m.startswith(f"analysis.text.{other}")]
        assert not found, f"{module} imports {found}"


def test_the_dependency_scan_sees_an_upward_import(tmp_path, monkeypatch):
    """The checker itself can fail: a relative import of a higher layer is found."""
    fake = tmp_path / "analysis" / "core"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from ..reporting.report import run_report\n")
    found = _imports("analysis.core.bad", fake / "bad.py")
    assert "analysis.reporting.report" in found
    assert max(map(_layer, found)) > _layer("analysis.core.bad")
    found = _imports("analysis.text.posts", ROOT / "analysis" / "text" / "posts.py")
    assert "analysis.sources.corpus" in found and "analysis.text.post_analysis" in found
    assert _layer("analysis.reporting.report") > _layer("analysis.text.nlp")
