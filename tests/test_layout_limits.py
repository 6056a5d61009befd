"""Issue 21: what the renderers cannot lay out is found before rendering (validate says it,
at the layout block), and a renderer failure that still happens is an error at the origin of
the content, never an internal error (exit 3)."""
from __future__ import annotations

import pytest

from conftest import WORKBOOK
from esgpublish.cli import main

HUGE = "extends: annual\ntheme_overrides:\n  fonts: {body: 72, small: 72, title: 72, h1: 72, h2: 72, h3: 72}\n"
LARGE = HUGE.replace("72", "40")


def test_a_table_header_taller_than_the_page_is_an_error_at_its_block(tmp_path, capsys):
    layout = tmp_path / "huge.yaml"
    layout.write_text(HUGE, encoding="utf-8")
    assert main(["validate", str(WORKBOOK), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "annual.yaml:34:9: error: table 1's header row would be" in err and "taller than the page's text block" in err
    out = tmp_path / "out"
    assert main(["publish", str(WORKBOOK), "--layout", str(layout), "-o", str(out), "--edition", "en",
                 "--format", "pdf"]) == 1
    assert "header row would be" in capsys.readouterr().err and not list(out.glob("*.pdf"))


@pytest.mark.no_verify("40-point type in columns a few characters wide: every figure is hyphenated "
                       "character by character (2-|0-|22), so verify rightly cannot find them")
def test_rows_taller_than_what_is_left_under_the_header_are_split(tmp_path):
    layout = tmp_path / "large.yaml"
    layout.write_text(LARGE, encoding="utf-8")
    assert main(["publish", str(WORKBOOK), "--layout", str(layout), "-o", str(tmp_path / "out"), "--edition", "en",
                 "--format", "pdf"]) == 0


def test_a_layout_failure_in_the_renderer_is_located(tmp_path):
    """The compose check bypassed: reportlab's LayoutError becomes an error at the table's layout line."""
    import pytest

    from esgpublish.compose.document import compose
    from esgpublish.diagnostics import InputError
    from esgpublish.pipeline.publish import load_inputs
    from esgpublish.render.pdf import render_pdf_pages

    layout = tmp_path / "huge.yaml"
    layout.write_text(HUGE, encoding="utf-8")
    inputs, _ = load_inputs(WORKBOOK, layout)
    from esgpublish.charts.draw import render_chart

    doc = compose(inputs.dataset, inputs.layout, "en")
    charts = {spec.key: render_chart(spec, tmp_path / "charts") for spec in doc.charts}
    with pytest.raises(InputError) as caught:
        render_pdf_pages(doc, charts)
    (d,) = caught.value.diagnostics
    assert str(d.location).endswith("annual.yaml:34:9") and "cannot be laid out on a page" in d.message
