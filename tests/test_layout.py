"""Broken layouts: each error located as file:line:col with its message."""
from __future__ import annotations


import pytest

from conftest import ROOT, WORKBOOK, write_layout
from esgpublish.cli import main

GOOD = """\
name: test
theme: {theme}
sections:
  - pillar: E
    blocks:
      - narrative: env_overview
      - kpi_table:
          select: {{pillar: E}}
          columns: [value, unit]
"""

CASES = [
    # (case, yaml, line, col, message)
    ("unknown block kind", "sections:\n  - pillar: E\n    blocks:\n      - narative: env_overview\n", 4, 9,
     "unknown block kind 'narative'"),
    ("unknown top-level key", "sectons: []\n", 1, 1, "unknown key 'sectons'"),
    ("wrong type", "sections: yes\n", 1, 11, "'sections' must be a list"),
    ("unknown indicator", "sections:\n  - pillar: S\n    blocks:\n      - chart: {kind: bar, indicators: [charity_donaton]}\n",
     4, 9, "unknown indicator id 'charity_donaton'"),
    ("unknown narrative", "sections:\n  - pillar: S\n    blocks:\n      - narrative: nope\n", 4, 9, "unknown narrative id 'nope'"),
    ("missing chart kind", "sections:\n  - pillar: S\n    blocks:\n      - chart: {indicators: [charity_donation]}\n",
     4, 16, "missing key 'kind'"),
    ("bad chart kind", "sections:\n  - pillar: S\n    blocks:\n      - chart: {kind: pie, indicators: [charity_donation]}\n",
     4, 23, "'pie' is not allowed for 'kind'"),
    ("bad page size", "page: {size: A3}\n", 1, 14, "'A3' is not allowed for 'size'"),
    ("bad margin", "page: {margins: {top: 200}}\n", 1, 23, "'top' is 200, outside 5–60"),
    ("invalid YAML", "sections: [\n", 2, 1, "invalid YAML"),
    ("text in one language", "sections:\n  - title: {zh: 关于}\n    blocks: []\n", 2, 12, "'title' has no 'en' text"),
    ("section without title", "sections:\n  - blocks: []\n", 2, 5, "a section needs a 'title' or a 'pillar'"),
    ("duplicate key", "name: a\nname: b\n", 2, 1, "duplicate key 'name'"),
    ("table without indicators", "sections:\n  - pillar: E\n    blocks:\n      - kpi_table: {columns: [value]}\n",
     4, 20, "a kpi_table needs either 'indicators' or 'select'"),
    ("bar chart with mixed units", "sections:\n  - pillar: S\n    blocks:\n      - chart: {kind: bar, indicators: [charity_donation, charity_hours]}\n",
     4, 9, "a bar chart shows one kind of quantity: its indicators must share one unit"),
    ("bad table column", "sections:\n  - pillar: E\n    blocks:\n      - kpi_table: {select: {pillar: E}, columns: [value, colour]}\n",
     4, 59, "'colour' is not allowed for 'columns'"),
]


@pytest.mark.parametrize("case, body, line, col, message", CASES, ids=[c[0] for c in CASES])
def test_broken_layout_is_located(tmp_path, capsys, case, body, line, col, message):
    path = write_layout(tmp_path, "broken.yaml", "theme: themes/default.yaml\n" + body)
    code = main(["validate", str(WORKBOOK), "--layout", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{path}:{line + 1}:{col}: error: {message}" in err, err


def test_extends_cycle(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(tmp_path / "a.yaml")]) == 1
    assert "extends forms a cycle: a.yaml → b.yaml → a.yaml" in capsys.readouterr().err


def test_theme_outside_the_layouts_folder(tmp_path, capsys):
    (tmp_path / "layouts").mkdir()
    path = tmp_path / "layouts" / "x.yaml"
    path.write_text("theme: ../../../etc/passwd\nsections: []\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    assert "points outside the layouts folder" in capsys.readouterr().err


def test_shipped_layout_validates(capsys):
    assert main(["validate", str(WORKBOOK), "--layout", str(ROOT / "layouts" / "annual.yaml")]) == 0
