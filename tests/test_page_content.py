"""Issue 15: the typesetting holds up on real content — tables, wrapping, page flow — as a
reader checks it on the pages."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import EDITIONS, pdf_text


def _table_rows(path, first_cell: str):
    import docx

    d = docx.Document(str(path))
    for table in d.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if cells and cells[0].startswith(first_cell):
                yield cells


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_unit_per_value(build, edition):
    """A percentage carries its % in the value; the unit column does not repeat it."""
    text = pdf_text(build / f"esg_2022-annual-{edition}.pdf")
    assert not re.search(r"\d%\s*%", text)
    head = "数据" if edition != "en" else "Data"
    rows = list(_table_rows(build / f"esg_2022-annual-{edition}.docx", "电商信任" if edition != "en" else "Growth in order"))
    assert rows, head
    value, unit = rows[0][1], rows[0][2]
    assert value.startswith("460%") and unit == ""


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_row_with_only_a_target_prints_a_dash_not_not_disclosed(build, edition):
    text = pdf_text(build / f"esg_2022-annual-{edition}.pdf")
    assert "未披露" not in text and "Not disclosed" not in text
    name = "北京职场人均耗电量减少目标" if edition != "en" else "Target cut in electricity"
    row = next(_table_rows(build / f"esg_2022-annual-{edition}.docx", name))
    assert row[1] == "—" and "8%" in row[5], row


def test_a_table_that_runs_on_repeats_its_caption_and_header(build):
    """Table 2 of the bilingual report runs onto a second page: that page starts with
    '表 2（续）' / 'Table 2 (continued)' and the header row."""
    import pdfplumber

    with pdfplumber.open(build / "esg_2022-annual-bilingual.pdf") as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    starts = [k for k, t in enumerate(pages) if "表 2 社会关键绩效指标" in t]
    assert starts
    follow = pages[starts[0] + 1].splitlines()
    body = follow[1:]  # below the running header
    assert body[0].startswith("表 2（续）") and body[1].startswith("Table 2 (continued)"), body[:3]
    assert body[2].startswith("指标") and "Indicator" in body[3], body[:5]


def test_a_chinese_paragraph_never_ends_on_one_character():
    """Greedy filling would leave '用。' alone on the last line; the line before gives it a character."""
    from esgpublish.render.pdf.kinsoku import _fill

    text = "快手预计到二零三零年自建数据中心将实现全部清洁能源使用。"
    chars = list(text)
    widths = [10.0] * len(chars)
    lines = _fill(chars, widths, [False] * len(chars), [10.0 * (len(chars) - 2)])
    last = "".join(chars[lines[-1][0]:lines[-1][1]])
    assert len(lines) == 2 and len(last.rstrip("。")) >= 2, [("".join(chars[a:b])) for a, b, *_ in lines]
    assert "".join("".join(chars[a:b]) for a, b, *_ in lines) == text


@pytest.mark.parametrize("text, width, expect", [
    ("96.4\u00a0million\u00a0parcels", 14, ["96.4\u00a0million", "parcels"]),  # at its no-break spaces
    ("1,260\u00a0vehicles", 8, ["1,260", "vehicles"]),
    ("12345.678", 4, ["123-", "45.", "678"]),  # a number longer than the line: no choice left
    ("https://example.com/esg", 14, ["https://", "example.com/", "esg"]),  # an address after / and .
])
def test_a_figure_longer_than_the_line_breaks_at_its_spaces_never_inside_its_number(text, width, expect):
    """The last resort for a run that fits no line (a card's value, glued with no-break spaces):
    break at its no-break spaces, else after an address's / or ., never at a number's point or comma."""
    from esgpublish.render.pdf.kinsoku import _fill

    chars = list(text)
    lines = _fill(chars, [1.0] * len(chars), [False] * len(chars), [float(width)], hyphen=1.0)
    got = ["".join(chars[a:b]) + ("-" if hyph else "") for a, b, _, _, hyph in lines]
    assert got == expect


def test_adjacent_full_width_marks_close_up(build):
    """clreq: '带头人”，覆盖' — the closing quote and the comma take an em and a half, not two."""
    import pdfplumber

    with pdfplumber.open(build / "esg_2022-annual-zh.pdf") as pdf:
        for page in pdf.pages:
            chars = page.chars
            text = "".join(c["text"] for c in chars)
            k = text.find("”，")
            if k >= 0:
                break
    quote, comma, after = chars[k], chars[k + 1], chars[k + 2]
    size = quote["size"]
    assert comma["x0"] - quote["x0"] == pytest.approx(0.5 * size, abs=0.6)
    assert after["x0"] - comma["x0"] == pytest.approx(1.0 * size, abs=0.6)


def test_justified_chinese_lines_do_not_space_out_numbers(build):
    """The extra width of a justified line goes between hanzi, never inside 400 or 1,000:
    no two digits of one number stand apart (read as words split at 1 pt)."""
    import pdfplumber

    with pdfplumber.open(build / "esg_2022-annual-zh.pdf") as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=1, keep_blank_chars=False, use_text_flow=True)
            for a, b in zip(words, words[1:]):
                spaced = (re.fullmatch(r"[\d,.]*\d", a["text"]) and re.fullmatch(r"\d[\d,.%]*", b["text"])
                          and abs(a["top"] - b["top"]) < 1 and 0 < b["x0"] - a["x1"] < 3)
                assert not spaced, (a["text"], b["text"], page.page_number)


@pytest.mark.parametrize("length", [1500, 18000])
def test_an_indicator_name_longer_than_a_page_publishes(tmp_path, length):
    """A row taller than a page breaks across pages (only in such a table), never exit 3."""
    from conftest import copy_workbook, edit_workbook
    from esgpublish.cli import main

    book = copy_workbook(tmp_path)
    name_zh = ("环境绩效指标名称很长" * (length // 10 + 1))[:length]

    def edit(wb):
        ws = wb["指标 Indicators"]
        ws["D3"].value = name_zh
        ws["E3"].value = ("Long indicator name " * (length // 20 + 1))[:length]
    edit_workbook(book, edit)
    out = tmp_path / "out"
    assert main(["publish", str(book), "-o", str(out), "--edition", "zh"]) == 0
    text = re.sub(r"\s+", "", pdf_text(out / "book-annual-zh.pdf"))
    assert name_zh[:200] in text and name_zh[-50:] in text


LONG_CHAPTER = """\
extends: annual
sections:
  - pillar: E
    title: {zh: 环境：绿色运营、节能减排、清洁能源与数据中心的长期目标及其进展情况说明,
            en: "Environmental: green operations, energy saving, clean energy and the long-term targets of the data centres"}
    blocks:
      - narratives: {pillar: E}
"""


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_running_header_never_overprints(tmp_path, edition):
    """A long chapter title is shortened with '…' (and the report title to what it leaves):
    the header is one line whose characters never overlap."""
    import pdfplumber

    from conftest import WORKBOOK
    from esgpublish.cli import main

    layout = tmp_path / "long.yaml"
    layout.write_text(LONG_CHAPTER, encoding="utf-8")
    assert main(["publish", str(WORKBOOK), "--layout", str(layout), "-o", str(tmp_path), "--format", "pdf",
                 "--edition", edition]) == 0
    with pdfplumber.open(tmp_path / f"esg_2022-annual-{edition}.pdf") as pdf:
        page = pdf.pages[2]  # the chapter's first page
        header = sorted((c for c in page.chars if c["top"] < 50), key=lambda c: c["x0"])
    text = "".join(c["text"] for c in header)
    assert text and ("…" in text) == (edition != "zh")  # the Chinese title fits as it is
    for a, b in zip(header, header[1:]):
        assert b["x0"] >= a["x1"] - 0.5, (a["text"], b["text"])
    assert len({round(c["top"]) for c in header}) <= 2  # one line (two faces may sit a point apart)


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_chart_alone_on_a_page_of_the_docx(build, tmp_path, edition):
    """A chapter's last chart keeps the end of the table before it (keepNext on its last rows):
    through LibreOffice, every page with a chart also carries body text besides the caption."""
    import pdfplumber

    from test_parity import lo_convert

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    docx = build / f"esg_2022-annual-{edition}.docx"
    lo_convert([docx], tmp_path / "lo", tmp_path / "profile")
    with pdfplumber.open(tmp_path / "lo" / docx.with_suffix(".pdf").name) as pdf:
        for page in pdf.pages:
            if not page.images or page.page_number == 1:  # the cover's band is a picture too
                continue
            lines = [l["text"] for l in page.extract_text_lines()
                     if 60 < l["top"] < page.height - 60 and not re.match(r"(图|Figure) \d", l["text"])]
            assert len(lines) >= 2, (edition, page.page_number, lines)


def test_every_documented_table_column_publishes(tmp_path):
    """Every column the layout schema lists prints with its header (gri raised KeyError, exit 3)."""
    from conftest import WORKBOOK
    from esgpublish.cli import main
    from esgpublish.read.layoutspec import TABLE_COLUMNS

    columns = [c for c in TABLE_COLUMNS if c != "periods"]
    layout = tmp_path / "all.yaml"
    layout.write_text("extends: annual\nsections:\n  - pillar: E\n    blocks:\n"
                      f"      - kpi_table: {{select: {{pillar: E}}, columns: [{', '.join(columns)}]}}\n",
                      encoding="utf-8")
    assert main(["publish", str(WORKBOOK), "--layout", str(layout), "-o", str(tmp_path), "--edition", "en"]) == 0
    text = re.sub(r"\s+", "", pdf_text(tmp_path / "esg_2022-annual-en.pdf"))  # nine columns: headers wrap
    for head in ("GRI", "HKEX", "KPI", "Baseline", "Target", "Change", "Note"):
        assert head in text, head
    # ten columns are too many for every value to stay whole, never for a word to break
    # (a line may end at the hyphen of a compound the source has: self-|built)
    assert not re.search(r"[a-z]-(?=[a-z])", re.sub(r"self-", "", text)), text


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """Both shipped layouts, every edition and format, and LibreOffice's PDFs of the DOCX."""
    from conftest import ROOT, WORKBOOK
    from esgpublish.cli import main

    out = tmp_path_factory.mktemp("shipped")
    for layout in ("annual", "highlights"):
        assert main(["publish", str(WORKBOOK), "--layout", layout, "-o", str(out)]) == 0
    lo = None
    if shutil.which("soffice"):
        from test_parity import lo_convert

        lo = out / "lo"
        lo_convert(sorted(out.glob("*.docx")), lo, out / "lo-profile")
    layouts = [str(ROOT / "layouts" / f"{name}.yaml") for name in ("annual", "highlights")]
    return out, lo, layouts


@pytest.mark.parametrize("layout", ["annual", "highlights"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_sample_breaks_no_word_in_either_format(shipped, layout, edition):
    """Issue 15's acceptance: no mid-word break in any edition of either layout, in the PDF
    and in LibreOffice's PDF of the DOCX (tests/midword_check.py)."""
    from conftest import WORKBOOK
    from midword_check import breaks, vocabulary

    out, lo, layouts = shipped
    words = vocabulary(WORKBOOK, tuple(open(p, encoding="utf-8").read() for p in layouts))
    name = f"esg_2022-{layout}-{edition}.pdf"
    found = breaks(out / name, *words) + (breaks(lo / name, *words) if lo else [])
    assert not found, "\n".join(found)


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_page_of_the_sample_is_less_than_forty_percent_full(shipped, edition):
    """But the cover, the contents and a chapter's last page (issue 15, item 3)."""
    from test_stress import chapter_starts, fill, read_pages

    out, _, _ = shipped
    path = out / f"esg_2022-annual-{edition}.pdf"
    pages = read_pages(path)
    starts = chapter_starts(path)
    exempt = set(range(1, starts[0])) | {s - 1 for s in starts[1:]} | {len(pages)}
    thin = [f"p.{p.number}: {fill(p):.0%}" for p in pages if p.number not in exempt and fill(p) < 0.4]
    assert not thin, thin


def test_a_target_prints_its_year_on_cards_and_in_chinese_brackets_in_tables(shipped):
    """100% on a card alone would read as achieved: the target's year goes with it; Chinese
    cells bracket it full-width (8%（2026年）)."""
    import subprocess

    def text(name):  # poppler's reading, which keeps a large figure's line together
        return subprocess.run(["pdftotext", str(out / name), "-"], capture_output=True, text=True, check=True).stdout

    out, _, _ = shipped
    zh = re.sub(r"\s+", "", text("esg_2022-highlights-zh.pdf"))
    en = text("esg_2022-highlights-en.pdf")
    assert "100%（2030年）" in zh and "100% (by 2030)" in en
    assert "8%（2026年）" in re.sub(r"\s+", "", text("esg_2022-annual-zh.pdf"))
    assert "目标：未来三年发掘和扶持乡村创业者目标" not in zh  # no 'target' twice


def test_english_text_may_break_before_a_figure_never_inside_it():
    """'nearly | 10 million people' may break after 'nearly'; '10 million people' stays whole."""
    from esgpublish import ir
    from esgpublish.compose.document import compose
    from esgpublish.pipeline.publish import load_inputs
    from esgpublish.render.pdf.text import Styles, markup, register_fonts
    from conftest import LAYOUT, WORKBOOK

    register_fonts()
    inputs, _ = load_inputs(WORKBOOK, LAYOUT)
    doc = compose(inputs.dataset, inputs.layout, "en")
    style = Styles(doc)["body-en"]
    text = markup(doc, (ir.Span("nearly 10 million people", "en", keep=True),), style)
    plain = re.sub(r"<[^>]+>", "", text)
    assert plain.startswith("nearly 1") and "nearly \u2060" not in plain  # no glue before the number
    assert "1\u20600\u2060 \u2060m" in plain  # the number and its unit glued


def test_a_card_value_too_wide_for_its_card_breaks_between_words_in_both_formats(tmp_path):
    """The IR decides: a card value that fits no card line (96.4 million parcels in a quarter of
    the page) is not kept and its no-break spaces become spaces, so the DOCX (as LibreOffice and
    Word lay it out) breaks between words as the PDF does, never inside 'parcels'."""
    from conftest import ROOT, compose_en
    from esgpublish import ir

    doc = compose_en(ROOT / "data" / "demo_hkex.xlsx", "extends: hkex\nsections:\n  - title: {zh: 概览, en: Profile}\n"
                     "    blocks:\n      - cards: {select: {topic: profile}, columns: 4}\n", tmp_path)
    cards = next(b for b in doc.body if isinstance(b, ir.Cards))
    spans = [s for card in cards.cards for line in card.value.lines for s in line]
    wide = next(s for s in spans if "parcels" in s.text)
    assert not wide.keep and wide.text == "96.4 million parcels"
    assert all(s.keep and "\u00a0" in s.text for s in spans if s is not wide)  # the others stay whole
