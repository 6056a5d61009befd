"""Charts from the workbook: every kind, both languages, the theme, the cache."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import EDITIONS, WORKBOOK, copy_workbook, edit_workbook, needs_poppler, write_layout
from esgpublish.cli import main

KINDS_LAYOUT = """\
name: kinds
theme: themes/default.yaml
cover: {show: false}
contents: {show: false}
sections:
  - pillar: S
    blocks:
      - chart: {kind: grouped_bar, indicators: [charity_hours, kuaipin_live_sessions], title: {zh: 分组柱状图, en: Grouped bars}}
      - chart: {kind: line, indicators: [charity_hours], title: {zh: 趋势线, en: Trend line}}
      - chart: {kind: donut, indicators: [trust_order_coverage_growth, trust_consumer_growth], title: {zh: 构成, en: Composition}}
      - chart: {kind: progress, indicators: [rural_women], title: {zh: 进度, en: Progress}}
      - chart: {kind: bar, indicators: [patents_applied, patents_granted], title: {zh: 柱状图, en: Bars}}
"""


@pytest.fixture(scope="module")
def kinds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kinds")
    book = copy_workbook(tmp)

    def edit(wb):
        ws = wb["期间数值 Periods"]
        ws.append(["charity_hours", 2020, 9000, None, "test data"])
        ws.append(["charity_hours", 2021, 12500, "超", "test data"])
        ws.append(["kuaipin_live_sessions", 2021, 3000000, None, "test data"])
        ws = wb["单位 Units"]
        ws.append(["session_h", "count", "小时", "hours"])
        ind = wb["指标 Indicators"]
        for row in ind.iter_rows(min_row=2):
            if row[0].value == "kuaipin_live_sessions":
                row[6].value = "hour"  # one unit for the grouped chart (test data only)
    edit_workbook(book, edit)
    layout = write_layout(tmp, "kinds.yaml", KINDS_LAYOUT)
    out = tmp / "out"
    assert main(["publish", str(book), "--layout", str(layout), "-o", str(out)]) == 0
    return out


@needs_poppler
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_kind_renders_with_labels_as_text(kinds, edition):
    text = subprocess.run(["pdftotext", str(kinds / f"book-kinds-{edition}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    if edition != "en":
        for label in ("公益项目投入总时间", "2020", "2021", "2022", "超过16,300", "500万", "构成"):
            assert label in text, label
    if edition != "zh":
        for label in ("Time given to charity projects", "2020", "16,300", "5 million"):
            assert label in text, label


def test_charts_in_the_docx_are_svg_with_png_fallback_and_alt_text(kinds):
    import io

    import docx
    from PIL import Image

    d = docx.Document(str(kinds / "book-kinds-zh.docx"))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    charts = [el for el in d.element.body.iter(f"{wp}inline")]
    descriptions = [el.find(f"{wp}docPr").get("descr") for el in charts]
    assert len(descriptions) == 5 and all(descriptions)
    assert any("2020年9,000小时" in x for x in descriptions)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    svg_blip = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
    for inline in charts:
        blip = next(inline.iter(f"{a}blip"))
        png = d.part.related_parts[blip.get(f"{r}embed")]
        assert png.content_type == "image/png"
        assert Image.open(io.BytesIO(png.blob)).info.get("dpi", (0, 0))[0] >= 199
        svg = d.part.related_parts[next(blip.iter(svg_blip)).get(f"{r}embed")]
        assert svg.content_type == "image/svg+xml" and svg.blob.lstrip().startswith((b"<?xml", b"<svg"))
        assert b"<text" in svg.blob  # chart text stays text in the vector picture


def test_unchanged_charts_are_not_drawn_again(tmp_path, capsys):
    args = ["publish", str(WORKBOOK), "--edition", "zh", "--format", "pdf", "-o", str(tmp_path), "--timings"]
    assert main(args) == 0
    first = capsys.readouterr().err
    (tmp_path / "esg_2022-annual-zh.pdf").unlink()  # so that the PDF is made again
    assert main(args) == 0
    second = capsys.readouterr().err
    counts = lambda err: tuple(map(int, re.search(r"charts drawn (\d+), from cache (\d+)", err).groups()))
    assert counts(first) == (4, 0) and counts(second) == (0, 4)


def test_chart_svgs_are_deterministic_and_keep_text(tmp_path):
    for name in ("a", "b"):
        assert main(["publish", str(WORKBOOK), "--edition", "zh", "--format", "pdf", "-o", str(tmp_path / name)]) == 0
    a = sorted((tmp_path / "a" / ".cache" / "charts").glob("*.svg"))
    b = sorted((tmp_path / "b" / ".cache" / "charts").glob("*.svg"))
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    assert all("<text" in p.read_text() for p in a)


def test_a_chart_of_one_year_only_is_a_located_error(tmp_path, capsys):
    path = write_layout(tmp_path, "x.yaml", "theme: themes/default.yaml\nsections:\n  - pillar: S\n    blocks:\n"
                                            "      - chart: {kind: line, indicators: [charity_hours]}\n")
    assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
    assert f"{path}:5:9: error: a line chart needs values for two or more years; 'charity_hours' has 1" \
        in capsys.readouterr().err


def test_axis_ticks_are_round_and_in_one_scale():
    """compose decides the value axis: round steps, and one scale word for the whole axis
    (never 60,000 beside 12万)."""
    from esgpublish.compose.figures import nice_ticks
    from esgpublish.compose.localize import axis

    assert nice_ticks(225_000) == (0, 50_000, 100_000, 150_000, 200_000)
    assert nice_ticks(12.5) == (0, 5, 10) and nice_ticks(9) == (0, 2, 4, 6, 8)
    assert nice_ticks(0) == (0.0,) and nice_ticks(float("inf")) == (0.0,)
    assert [t for _, t in axis(nice_ticks(225_000), "zh")] == ["0", "5万", "10万", "15万", "20万"]
    assert [t.replace("\xa0", " ") for _, t in axis((0, 400_000, 800_000, 1_200_000), "en")] == ["0", "0.4 million", "0.8 million",
                                                                           "1.2 million"]
    assert [t for _, t in axis((0, 20, 40), "en", percent=True)] == ["0%", "20%", "40%"]


def test_chart_words_come_finished_from_compose(kinds):
    """The donut's legend (label, value and share) and centre, and the progress share, are in
    the IR: the chart stage prints what compose decided."""
    import xml.etree.ElementTree as ET

    svgs = sorted((kinds / ".cache").rglob("*.svg"))
    texts = set()
    for svg in svgs:
        texts.update(t.strip() for el in ET.parse(svg).iter() if el.tag.endswith("text")
                     for t in ["".join(el.itertext())] if t.strip())
    assert texts, "the chart cache holds the SVGs"
    assert any(re.search(r"\(\d+%\)$", t) for t in texts), texts  # donut legend entries end in their share


CHART_RULES = """\
name: rules
theme: themes/default.yaml
cover: {{show: false}}
contents: {{show: false}}
sections:
  - pillar: S
    blocks:
{blocks}
"""


def _compose(tmp_path, blocks: str, book=WORKBOOK):
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs

    layout = write_layout(tmp_path, "rules.yaml", CHART_RULES.format(blocks=blocks))
    inputs, diags = load_inputs(book, layout)
    assert inputs is not None, [d.message for d in diags]
    return compose(inputs.dataset, inputs.layout, "bilingual")


def test_a_chart_mixing_a_share_and_a_reduction_is_a_located_error(tmp_path, capsys):
    """100 % clean energy (a share) and an 8 % cut (a reduction on 2021) are different
    quantities: one chart cannot show both."""
    layout = write_layout(tmp_path, "mixed.yaml", CHART_RULES.format(blocks=(
        "      - chart: {kind: bar, series: target, indicators: [dc_clean_energy, office_power_per_capita]}")))
    assert main(["validate", str(WORKBOOK), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "mixed.yaml:8:9: error" in err and "one kind of quantity" in err
    assert "dc_clean_energy: percent" in err and "office_power_per_capita: pct_cut" in err


def test_colour_encodes_a_series_and_then_has_a_legend(tmp_path):
    doc = _compose(tmp_path, "      - chart: {kind: bar, indicators: [patents_applied, patents_granted]}\n"
                             "      - chart: {kind: donut, indicators: [trust_order_coverage_growth, "
                             "trust_consumer_growth]}")
    bar, donut = doc.charts
    assert len(bar.palette) == 1 and not bar.legend  # bars of one series: one colour, no legend
    assert len(donut.palette) > 1 and len(donut.legend) == 2  # slices: colours and their legend
    assert all(re.search(r"\(\d+%\)$", entry) for entry in donut.legend)


def test_a_progress_chart_prints_a_share_only_when_asked_and_both_figures_are_exact(tmp_path):
    blocks = "      - chart: {kind: progress, indicators: [rural_women], share: true}"
    qualified = _compose(tmp_path, blocks).charts[0]  # 近400 of 超过1,000: no share, however asked
    assert qualified.shares == ("",)
    assert "40%" not in "".join(qualified.texts())
    book = copy_workbook(tmp_path)

    def exact(wb):
        ws = wb["指标 Indicators"]
        head = [str(c.value).split()[-1] for c in ws[1]]  # '限定词 qualifier' → 'qualifier'
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "rural_women":
                row[head.index("qualifier")].value = None
                row[head.index("target_qualifier")].value = None
    edit_workbook(book, exact)
    assert _compose(tmp_path / "exact", blocks, book).charts[0].shares == ("40%",)
    unasked = _compose(tmp_path / "unasked", "      - chart: {kind: progress, indicators: [rural_women]}", book)
    assert unasked.charts[0].shares == ("",)


def test_chart_labels_are_short_names_or_shortened_never_wrapped(tmp_path):
    """Labels: the workbook's short names where given (short_zh, short_en), else the name cut
    with '…' to 40 % of the chart's width; one line per language, a target's year kept."""
    from esgpublish.compose.measure import shorten, width

    doc = _compose(tmp_path, "      - chart: {kind: bar, series: target, indicators: [office_power_per_capita, "
                             "office_water_per_capita]}")
    chart = doc.charts[0]
    assert chart.labels == ("人均耗电量（2026年）\nElectricity per employee (by 2026)",
                            "人均用水量（2026年）\nWater per employee (by 2026)")
    assert chart.subtitle[1] == "Target values · on 2021"
    name = "Rural entrepreneurs to be supported in the next three years"
    cut = shorten(name, "en", 8, 120, suffix=" (by 2026)")
    head = cut[:-len("… (by 2026)")]
    assert cut.endswith("… (by 2026)") and name.startswith(head) and name[len(head)] == " "  # cut at a word
    assert width(cut, "en", 8) <= 120
    zh = shorten("未来三年发掘和扶持乡村创业者目标", "zh", 8, 60)
    assert zh.endswith("…") and width(zh, "zh", 8) <= 60


def test_a_chart_too_big_to_label_is_a_located_error(tmp_path, capsys):
    book = copy_workbook(tmp_path)

    def edit(wb):
        ws = wb["期间数值 Periods"]
        ind = wb["指标 Indicators"]
        for k in range(30):  # thirty more counts of one unit
            ind.append([f"extra_{k}", "G", "ip", f"专利{k}", f"Patents {k}", 100 + k, "patent", None, 2022,
                        None, None, None, None, None, None, None, None, "test data"])
    edit_workbook(book, edit)
    layout = write_layout(tmp_path, "big.yaml", CHART_RULES.format(
        blocks="      - chart: {kind: bar, select: {unit: patent}}"))
    assert main(["validate", str(book), "--layout", str(layout)]) == 1
    err = capsys.readouterr().err
    assert "big.yaml:8:9: error: a chart of 3" in err and "too big to label: at most 24 fit" in err


def test_a_reduction_targets_progress_bar_measures_the_cut_not_value_over_target():
    """Scope 1 and 2 emissions 8,070 (baseline) → 7,230, target 6,000: the bar shows 840 of the
    2,070 to cut (41 %), not 7,230 / 6,000 (a full bar, as if the target were met)."""
    from conftest import ROOT
    from esgpublish.compose.document import compose_checked
    from esgpublish.pipeline.publish import load_inputs

    inputs, diags = load_inputs(ROOT / "data" / "demo_hkex.xlsx", ROOT / "layouts" / "hkex.yaml", editions=("en",))
    assert diags.ok
    doc, _ = compose_checked(inputs.dataset, inputs.layout, "en")
    (spec,) = [s for s in doc.charts if s.kind == "progress"]
    bars = dict(zip(spec.labels, zip(spec.values, spec.targets)))
    assert bars["Scope 1 and 2 greenhouse gas emissions"] == (8070 - 7230, 8070 - 6000)
    assert bars["Non-hazardous waste recycled"] == (41.5, 60.0)  # a rise towards its target: value over target
