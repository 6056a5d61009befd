"""Issue 16: comply or explain for HKEX aspects and KPIs that no indicator reports (sheet
框架 Framework), printed in the content index."""
from __future__ import annotations

import pytest

from conftest import copy_workbook, edit_workbook
from esgpublish.cli import main

FW = "框架 Framework"
ROWS = [("B1.2", "未披露", "本年度尚未统计员工流失率", "Turnover is not yet tracked"),
        ("A3", "不适用", "本集团业务对环境及天然资源无重大影响", "No significant impact on the environment")]
LAYOUT = "extends: annual\nsections:\n  - title: {zh: 内容索引, en: Content index}\n    blocks:\n      - content_index: {}\n"


def book(tmp_path, rows):
    path = copy_workbook(tmp_path)

    def edit(wb):
        for row in rows:
            wb[FW].append(list(row))
    edit_workbook(path, edit)
    return path


def test_unreported_kpis_are_explained_in_the_content_index(tmp_path):
    path = book(tmp_path, ROWS)
    layout = tmp_path / "ci.yaml"
    layout.write_text(LAYOUT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["publish", str(path), "--layout", str(layout), "-o", str(out), "--edition", "bilingual",
                 "--format", "docx"]) == 0
    import docx

    index = docx.Document(str(out / "book-annual-bilingual.docx")).tables[-1]
    remarks = {row.cells[0].text: row.cells[-1].text for row in index.rows[1:]}
    assert "未披露：本年度尚未统计员工流失率" in remarks["B1.2"]
    assert "Not disclosed: Turnover is not yet tracked" in remarks["B1.2"]
    assert "不适用：本集团业务" in remarks["A3"]
    codes = list(remarks)
    assert codes.index("A3") < codes.index("B1.2")  # in code order, among the reported codes


@pytest.mark.parametrize("rows, message, code", [
    ([("B1.2", "已披露", "x", "x")], "a framework row needs the status 不适用 or 未披露", 1),
    ([("B9.9", "不适用", "x", "x")], "'B9.9' is not an HKEX ESG Reporting Code or Guide item", 1),
    ([("B1.2", "不适用", None, "x")], "missing Chinese explanation", 1),
    ([("B8.2", "不适用", "x", "x")], "B8.2 is reported by an indicator; this explanation is not printed", 0),
])
def test_framework_mistakes_are_located(tmp_path, capsys, rows, message, code):
    path = book(tmp_path, rows)
    assert main(["validate", str(path)]) == code
    err = capsys.readouterr().err
    assert message in err and f"{FW}!" in err, err
