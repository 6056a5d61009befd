"""Issue 16: derived indicators — computed per year from others, located errors for cycles,
unknown ids and sums of different units, and every computed figure traced to its inputs."""
from __future__ import annotations


import pytest

from conftest import copy_workbook, edit_workbook, pdf_text
from esgpublish.cli import main

DER, IND, PER = "派生 Derived", "指标 Indicators", "期间数值 Periods"


def book(tmp_path, rows, extra=None):
    path = copy_workbook(tmp_path)

    def edit(wb):
        for row in rows:
            wb[DER].append(list(row))
        if extra:
            extra(wb)
    edit_workbook(path, edit)
    return path


# donations per hour of charity work: RMB22,700,000 / over 16,300 hours (approximate: 超过)
PER_HOUR = ("donation_per_hour", "S", "community", "每小时公益捐赠额", "Donations per hour of charity work",
            "charity_donation / charity_hours", "yuan", 0)


def test_a_derived_indicator_is_computed_and_traced(tmp_path):
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs
    from conftest import LAYOUT

    path = book(tmp_path, [PER_HOUR])
    inputs, diags = load_inputs(path, LAYOUT)
    assert inputs is not None, [d.message for d in diags]
    ind = inputs.dataset.indicators["donation_per_hour"]
    assert ind.value == pytest.approx(22_700_000 / 16_300) and ind.period == 2022
    assert ind.qualifier is not None and ind.qualifier.meaning == "approximately"  # an input is 超过
    cells = {f"{loc.sheet}!{loc.cell}" for loc in ind.derived_from}
    assert any(c.startswith(IND) for c in cells) and len(cells) == 2
    doc = compose(inputs.dataset, inputs.layout, "zh")
    assert doc is not None


def test_a_derived_indicator_prints_in_a_table(tmp_path):
    path = book(tmp_path, [PER_HOUR])
    layout = tmp_path / "d.yaml"
    layout.write_text("extends: annual\nsections:\n  - pillar: S\n    blocks:\n      - kpi_table: "
                      "{indicators: [donation_per_hour, charity_donation, charity_hours]}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["publish", str(path), "--layout", str(layout), "-o", str(out), "--edition", "bilingual",
                 "--format", "pdf"]) == 0
    text = pdf_text(out / "book-annual-bilingual.pdf")
    assert "约1,393" in text and "approximately 1,393" in text  # 22,700,000 / 16,300 = 1,392.6


@pytest.mark.parametrize("rows, message", [
    ([("a_loop", "S", "community", "甲", "A", "b_loop * 2", "yuan"),
      ("b_loop", "S", "community", "乙", "B", "a_loop / 2", "yuan")], "is computed from itself: a_loop → b_loop → a_loop"),
    ([("bad_ref", "S", "community", "甲", "A", "charity_donation / charity_hourz", "yuan")],
     "the expression names 'charity_hourz', which is no indicator"),
    ([("mixed", "S", "community", "甲", "A", "charity_donation + charity_hours", "yuan")],
     "adds yuan and hour: only figures of one unit add up"),
    ([("code", "S", "community", "甲", "A", "__import__('os').system('true')", "yuan")], "is not allowed"),
    ([("syntax", "S", "community", "甲", "A", "charity_donation //", "yuan")], "is not an expression"),
])
def test_derived_mistakes_are_located(tmp_path, capsys, rows, message):
    path = book(tmp_path, rows)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and f"{DER}!F" in err, err


@pytest.mark.parametrize("row, message", [
    (("per_head", "S", "community", "甲", "A", "charity_hours / rural_leaders", "hour"),
     "'charity_hours / rural_leaders' is a ratio, but its unit 'hour' is of kind count"),
    (("scaled", "S", "community", "甲", "A", "charity_donation * 2", "hour"),
     "'charity_donation * 2' is in yuan (currency), but its unit 'hour' is of kind count"),
])
def test_a_derived_unit_must_come_out_of_its_expression(tmp_path, capsys, row, message):
    """A quotient of different quantities is a rate (a unit of kind ratio), never a count;
    a scaled figure keeps its kind; money per something may stay money (PER_HOUR)."""
    path = book(tmp_path, [row])
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and f"{DER}!G2" in err, err
