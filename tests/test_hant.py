"""Issue 18: the Traditional Chinese (Hong Kong) editions, zh-hant and bilingual-hant.

One zh-hant publish (PDF and DOCX) is shared by the checks of what it prints; the review
marks and the per-cell Traditional columns are checked through ``validate`` (no rendering).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import (LAYOUT, WORKBOOK, copy_workbook, docx_text, edit_workbook, needs_poppler, pdf_text, pdffonts,
                      row_of)
from esgpublish.cli import main
from esgpublish.traditional import review_mark, to_hk

SEED = ("2,270萬元", "超過1.9億", "超過16,300小時", "2023年4月27日")


@pytest.fixture(scope="module")
def hant(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hant")
    assert main(["publish", str(WORKBOOK), "--layout", str(LAYOUT), "--edition", "zh-hant", "-o", str(out)]) == 0
    return out


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_reads_as_hong_kong_traditional(hant, fmt):
    path = hant / f"esg_2022-annual-zh-hant.{fmt}"
    text = pdf_text(path) if fmt == "pdf" else docx_text(path)
    flat = _squashed(text)
    for figure in SEED:
        assert figure in flat, figure
    assert "環境、社會及管治報告" in flat  # the title, converted
    for word in ("鄉村", "發展", "關鍵績效指標", "員工", "目錄" if fmt == "pdf" else "社會"):  # narrative and catalogue
        assert word in flat, word
    assert "「" in flat and "」" in flat and not set("“”‘’") & set(flat)  # corner brackets, no curly quotes
    left = {ch for ch in set(flat) if to_hk(ch) != ch}
    assert not left, f"characters s2hk would still change: {''.join(sorted(left))}"
    assert "2,270万元" not in flat and "亿" not in flat


@needs_poppler
def test_pdf_fonts_language_and_breaks(hant):
    from pypdf import PdfReader

    from kinsoku_check import violations

    pdf = hant / "esg_2022-annual-zh-hant.pdf"
    rows = pdffonts(pdf)
    names = {r["name"].split("+")[-1] for r in rows}
    assert any(n.startswith("NotoSansHK") for n in names) and not any(n.startswith("NotoSansSC") for n in names)
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "zh-Hant-HK"
    assert violations(pdf) == []


def test_docx_language_and_embedded_hk_face(hant):
    with zipfile.ZipFile(hant / "esg_2022-annual-zh-hant.docx") as z:
        styles, table = z.read("word/styles.xml").decode(), z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
        embedded = [n for n in z.namelist() if n.startswith("word/fonts/")]
    assert 'w:eastAsia="zh-HK"' in styles and 'w:eastAsia="zh-HK"' in settings
    assert 'w:eastAsia="Noto Sans HK"' in styles and "Noto Sans SC" not in styles
    assert 'w:name="Noto Sans HK"' in table and 'w:subsetted="1"' in table and len(embedded) == 4


def test_catalogue_is_traditional_and_checked_against_s2hk():
    from esgpublish.compose import words

    assert words.WORDS_HANT.keys() == words.WORDS.keys()
    for key, (zh, _) in words.WORDS.items():
        expected = words.HANT_DELIBERATE.get(key)
        assert (to_hk(zh) == expected if expected else to_hk(zh) == words.WORDS_HANT[key]), key
    for table, hant in ((words.HKEX_ASPECTS, words.HKEX_ASPECTS_HANT), (words.PILLAR_NAMES, words.PILLAR_NAMES_HANT)):
        assert {k: to_hk(v[0]) for k, v in table.items()} == hant


def test_numbers_dates_and_qualifiers():
    import datetime as dt

    from esgpublish.compose import localize
    from esgpublish.model.dataset import Qualifier, Unit
    from esgpublish.read.schema import QUALIFIERS

    yuan, people = Unit("yuan", "currency", "元", "RMB"), Unit("people", "count", "人", "people")
    q = {k: Qualifier(k, *QUALIFIERS[k]) for k in ("超过", "近", "约", "逾", "余")}
    assert localize.quantity(22_700_000, yuan, None, "zh_hant") == "2,270萬元"
    assert localize.quantity(190_000_000, people, q["超过"], "zh_hant") == "超過1.9億人"
    assert localize.quantity(10_000_000, people, q["近"], "zh_hant") == "近1,000萬人"
    assert localize.quantity(4_000, people, q["约"], "zh_hant") == "約4,000人"
    assert localize.quantity(100, people, q["逾"], "zh_hant") == "逾100人"
    assert localize.quantity(20, people, q["余"], "zh_hant") == "20餘人"
    assert localize.date(dt.date(2023, 4, 27), "zh_hant") == "2023年4月27日"
    assert localize.axis((0, 60_000, 120_000), "zh_hant")[-1][1] == "12萬"


def test_typography_corner_brackets():
    from esgpublish.compose import typography

    assert typography.refine("“幸福鄉村帶頭人”和‘快聘’", "zh_hant") == "「幸福鄉村帶頭人」和『快聘』"
    assert typography.refine('他说"好"', "zh_hant") == "他说「好」"
    assert typography.refine("“好”", "zh") == "“好”"


def test_hk_face_centres_marks_and_squeezes_by_it():
    from esgpublish import linebreak
    from esgpublish.compose.measure import blank_sides

    sc, hk = blank_sides("Noto Sans SC"), blank_sides("Noto Sans HK")
    assert "，" in sc[0] and "。" in sc[0] and "，" not in hk[0] and "。" not in hk[0]
    assert "」" in hk[0] and "「" in hk[1]
    assert linebreak.punctuation_squeeze("，", "「", *sc) == 0.5
    assert linebreak.punctuation_squeeze("」", "，", *hk) == 0.5  # the bracket's blank goes
    assert linebreak.punctuation_squeeze("，", "。", *hk) == 0.0  # two centred marks keep their room


def test_editions_made():
    from esgpublish.read.layout import editions_made

    listed = ("zh", "en", "bilingual")
    assert editions_made(listed, None) == listed
    assert editions_made(listed, ("zh-hant", "bilingual-hant")) == ("zh-hant", "bilingual-hant")
    assert editions_made(("en",), ("zh-hant",)) == ()


def test_edition_all_keeps_the_layouts_three(build):
    names = sorted(p.name for p in build.glob("esg_2022-annual-*.pdf"))
    assert names == [f"esg_2022-annual-{e}.pdf" for e in ("bilingual", "en", "zh")]


def test_chart_spec_names_the_hk_face():
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs

    inputs, _ = load_inputs(WORKBOOK, LAYOUT, editions=("zh", "zh-hant"))
    zh, hant = (compose(inputs.dataset, inputs.layout, e) for e in ("zh", "zh-hant"))
    assert {c.font for c in hant.charts} == {"Noto Sans HK"} and {c.font for c in zh.charts} == {"Noto Sans SC"}
    assert hant.cjk_font == "Noto Sans HK" and hant.languages[0].bcp47 == "zh-Hant-HK"
    assert not {c.key for c in zh.charts} & {c.key for c in hant.charts}


def _validate(path: Path, capsys) -> str:
    main(["validate", str(path), "--edition", "zh-hant"])
    return capsys.readouterr().err


def test_validate_lists_converted_cells_and_honours_review_marks(tmp_path, capsys):
    from esgpublish.read.schema import INDICATORS, REVIEWED

    book = copy_workbook(tmp_path)
    out = _validate(book, capsys)
    assert re.search(r"指标 Indicators!D\d+: note: converted to Traditional Chinese \(s2hk\): ", out)
    mark = re.search(r"Indicators!D(\d+): note: .*\n  hint: .* type ([0-9a-f]{8}) in reviewed_zh_hant", out)
    row, good = int(mark.group(1)), mark.group(2)
    hant_col = len([c for c in INDICATORS.columns if c.template]) + 1

    def put(value, name_hant=None, name_zh=None):
        def edit(wb):
            ws = wb[INDICATORS.name]
            ws.cell(1, hant_col, "繁体中文名称 name_zh_hant")
            ws.cell(1, hant_col + 1, f"繁体已审 {REVIEWED}")
            ws.cell(row, hant_col + 1, value)
            if name_hant:
                ws.cell(row, hant_col, name_hant)
            if name_zh:
                ws.cell(row, 4, name_zh)
        edit_workbook(book, edit)

    put(good)
    out = _validate(book, capsys)
    assert f"Indicators!D{row}: note" not in out and "stale" not in out  # reviewed: used as converted
    put(good, name_zh="改过的名称")
    out = _validate(book, capsys)
    assert re.search(rf"Indicators!\w+{row}: warning: stale review mark '{good}'", out)
    put(None, name_hant="😀")  # the Traditional cell is used as is, and checked against the HK face
    out = _validate(book, capsys)
    assert re.search(rf"Indicators!D{row}: error: in Traditional Chinese: no glyph in Noto Sans HK", out)
    assert review_mark(("测试",)) == review_mark(("测试",)) != review_mark(("测验",))


def test_per_cell_traditional_text_is_printed(tmp_path):
    from esgpublish.compose.document import compose
    from esgpublish.ir.document import spans
    from esgpublish.pipeline.publish import load_inputs
    from esgpublish.read.schema import NARRATIVE

    book = copy_workbook(tmp_path)
    col = len([c for c in NARRATIVE.columns if c.template]) + 1

    def edit(wb):
        ws = wb[NARRATIVE.name]
        ws.cell(1, col, "繁体中文正文 text_zh_hant")
        ws.cell(2, col, "本段由香港同事親自撰寫。")
    edit_workbook(book, edit)
    inputs, diags = load_inputs(book, LAYOUT, editions=("zh-hant",))
    assert diags.ok
    doc = compose(inputs.dataset, inputs.layout, "zh-hant")
    assert any("本段由香港同事親自撰寫。" in s.text for s in spans(doc))


def test_layout_text_may_give_its_traditional_form(tmp_path):
    from conftest import write_layout
    from esgpublish.compose.document import compose
    from esgpublish.ir.document import spans
    from esgpublish.pipeline.publish import load_inputs

    layout = write_layout(tmp_path, "hk.yaml", "name: hk\ntheme: themes/default.yaml\neditions: [zh, bilingual]\n"
                          "sections:\n  - title: {zh: 关于本报告, en: About, zh_hant: 關於本報告（香港版）}\n"
                          "    blocks:\n      - narrative: about\n")
    inputs, diags = load_inputs(WORKBOOK, layout, editions=("zh-hant",))
    assert diags.ok, [str(d) for d in diags.items]
    texts = "".join(s.text for s in spans(compose(inputs.dataset, inputs.layout, "zh-hant")))
    assert "關於本報告（香港版）" in texts


def test_bilingual_hant_prints_both_languages(tmp_path):
    assert main(["publish", str(WORKBOOK), "--layout", "highlights", "--edition", "bilingual-hant", "--format", "pdf",
                 "-o", str(tmp_path)]) == 0
    flat = _squashed(pdf_text(tmp_path / "esg_2022-highlights-bilingual-hant.pdf"))
    assert "2,270萬元" in flat and "RMB22.70million" in flat and "「快聘」" in flat
    assert not {ch for ch in set(flat) if to_hk(ch) != ch}


def test_the_words_of_assets_and_the_matrix_are_traditional():
    """The cover's stock code and the materiality matrix's axes and legend are words of their own
    modules (assets, materiality): in a Traditional edition they print in Traditional Chinese."""
    from esgpublish.compose.document import compose_checked
    from conftest import ROOT
    from esgpublish.pipeline.publish import load_inputs

    demo = ROOT / "data" / "demo_hkex.xlsx"
    inputs, diags = load_inputs(demo, ROOT / "layouts" / "hkex.yaml", editions=("zh-hant", "bilingual-hant"))
    assert diags.ok
    doc, _ = compose_checked(inputs.dataset, inputs.layout, "zh-hant")
    cover = "".join(s.text for p in doc.cover.on_band if hasattr(p, "lines") for line in p.lines for s in line)
    assert "股份代號：9999" in cover and "Stock" not in cover
    (matrix,) = [spec for spec in doc.charts if spec.scatter is not None]
    assert matrix.scatter.x_title == "對業務的重要性" and matrix.legend[0] == "環境"
    doc, _ = compose_checked(inputs.dataset, inputs.layout, "bilingual-hant")
    (matrix,) = [spec for spec in doc.charts if spec.scatter is not None]
    assert matrix.scatter.x_title.startswith("對業務的重要性") and "Importance to the business" in matrix.scatter.x_title
