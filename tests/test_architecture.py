"""The stages' boundaries, read from the source: what each layer may import."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "esgpublish"


def _imports(path: Path) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    module = path.relative_to(PKG.parent).with_suffix("").parts
    package = module[:-1] if module[-1] != "__init__" else module[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)
    return out


MODULES = sorted(PKG.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(PKG).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_layer_boundaries(path):
    rel, names = _rel(path), _imports(path)
    ours = {n for n in names if n.startswith("esgpublish.")}
    if rel.startswith(("ir/", "render/", "charts/")):
        # the IR, the chart stage and the renderers know nothing of the inputs, and take
        # every word they print finished from the IR
        bad = {n for n in ours if n.startswith(("esgpublish.read", "esgpublish.model", "esgpublish.compose",
                                                "esgpublish.pipeline"))}
        assert not bad, f"{rel} imports {sorted(bad)}"
    if rel.startswith("ir/"):  # the IR imports nothing of esgpublish but the diagnostics' Location
        assert {n for n in ours if not n.startswith("esgpublish.ir")} <= {
            "esgpublish.diagnostics", "esgpublish.diagnostics.Location"}, sorted(ours)
    if rel.startswith("review/"):
        # reading published files back: the record and the files themselves, nothing of the
        # stages that made them (it must work on a file alone)
        bad = {n for n in ours if n.startswith(("esgpublish.read", "esgpublish.model", "esgpublish.compose",
                                                "esgpublish.pipeline", "esgpublish.render", "esgpublish.charts"))}
        assert not bad, f"{rel} imports {sorted(bad)}"
    libraries = {"reportlab": "render/pdf/", "docx": "render/docx/", "openpyxl": "read/", "matplotlib": "charts/",
                 "pypdf": "review/"}
    for lib, home in libraries.items():
        if any(n == lib or n.startswith(lib + ".") for n in names):
            assert rel.startswith(home), f"{rel} imports {lib}, which belongs to {home}"


def test_openpyxl_only_in_the_workbook_reader_and_writer():
    users = {_rel(p) for p in MODULES if any(n.startswith("openpyxl") for n in _imports(p))}
    assert users <= {"read/xlsxread.py", "read/xlsxwrite.py"}, users


def test_the_benchmarks_typst_reference_reads_the_current_ir(tmp_path):
    """bench/bench.py turns the IR into Typst markup for its reference timing: kept in step
    with the IR by this test (make bench is not part of make test)."""
    import importlib.util

    from conftest import LAYOUT, WORKBOOK
    from esgpublish.charts.draw import render_chart
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs

    spec = importlib.util.spec_from_file_location("bench", PKG.parents[1] / "bench" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    inputs, _ = load_inputs(WORKBOOK, LAYOUT)
    doc = compose(inputs.dataset, inputs.layout, "zh")
    charts = {s.key: render_chart(s, tmp_path) for s in doc.charts}
    source = bench._typst_source(doc, charts)
    assert "#table(columns: " in source and "#image(" in source and "快手" in source
