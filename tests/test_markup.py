"""Issue 17, narrative markup and notes: lists, emphasis, links and footnotes in both formats,
read back from the PDF (pdfplumber) and the DOCX (its parts' XML); text that only looks like
markup prints as it is; a workbook note reaches the note of the table that prints its figure."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, copy_layouts, edit_workbook, row_of
from esgpublish.cli import main
from esgpublish.model import markup

DEMO = ROOT / "data" / "demo_hkex.xlsx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo workbook's English edition in both formats (its narratives carry markup)."""
    out = tmp_path_factory.mktemp("markup")
    layouts = copy_layouts(out)  # the annual layout, its KPI tables printing the indicators' notes
    annual = layouts / "annual.yaml"
    annual.write_text(re.sub(r"(\n( +)columns: \[value, unit, period, baseline, target, hkex\]\n)",
                             r"\1\2notes: true\n", annual.read_text(encoding="utf-8")), encoding="utf-8")
    assert "notes: true" in annual.read_text(encoding="utf-8")
    assert main(["publish", str(DEMO), "--layout", str(annual), "--edition", "en", "-o", str(out / "out")]) == 0
    return out / "out"


# ------------------------------------------------------------------ the parser
def test_text_that_only_looks_like_markup_prints_as_it_is():
    for text in ("US$5 to US$10", "a lone * here", "3 * 4 = 12", "an_id_with_underscores", "2025. A year"):
        md = markup.parse(text)
        assert [r.text for r in md.blocks[0].inlines] == [text] and not md.problems
    assert markup.parse(r"\- not a list, \*not emphasis\*").blocks[0].inlines[0].text == "- not a list, *not emphasis*"


def test_markup_parses_into_blocks_runs_and_notes():
    md = markup.parse("Intro\n- **one** {x}\n- *two* [site](https://e.com)[^n]\n\n1. a\n2. b\n[^n]: the note")
    para, bullets, numbers = md.blocks
    assert isinstance(para, markup.Para) and not bullets.ordered and numbers.ordered
    assert bullets.items[0][0] == markup.Run("one", strong=True) and bullets.items[0][1].text == " {x}"
    assert bullets.items[1][0] == markup.Run("two", emphasis=True)
    assert bullets.items[1][2] == markup.Run("site", link="https://e.com")
    assert bullets.items[1][3] == markup.NoteRef("n") and md.notes["n"][0].text == "the note"
    assert markup.parse("line one\nline two").blocks[0].inlines[0].text == "line one\nline two"


def test_what_validate_reports():
    def problems(text):
        return [(sev, msg) for sev, msg, _ in markup.parse(text).problems]
    assert problems("[x](javascript:alert(1))") == []  # not a link: the parentheses nest
    assert problems("[x](ftp://host/file)")[0][0] == "error"
    assert problems("see[^1]")[0] == ("error", "footnote [^1] has no note")
    assert problems("text\n[^1]: unused")[0][0] == "warning"
    assert problems("3*4")[0] == ("warning", "'*' at character 2 has no partner and prints as it is")
    assert problems("- a list of one")[0][0] == "warning"


def test_a_bad_link_is_an_error_at_its_cell(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(DEMO.read_bytes())

    def edit(wb):
        ws = next(wb[s] for s in wb.sheetnames if "Narrative" in s)
        ws.cell(row_of(ws, "about"), 4).value = "See [this](file:///etc/passwd)."
    edit_workbook(book, edit)
    import io
    from contextlib import redirect_stdout, redirect_stderr
    buf = io.StringIO()
    with redirect_stdout(buf), redirect_stderr(buf):
        assert main(["validate", str(book)]) == 1
    assert re.search(r"Narrative!D\d+: error: link address 'file:///etc/passwd' is not an http", buf.getvalue())


# ------------------------------------------------------------------ the PDF
def _words(pdf_path: Path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return [(p.extract_text() or "", p.extract_words(keep_blank_chars=False)) for p in pdf.pages]


def test_pdf_footnote_at_the_foot_of_the_page_that_cites_it(demo):
    pages = _words(demo / "demo_hkex-annual-en.pdf")
    for note, cited in (("internal carbon price", "vehicles"), ("independent non-executive", "airports")):
        found = [k for k, (text, _) in enumerate(pages) if note in text]
        assert len(found) == 1, note
        text, words = pages[found[0]]
        assert cited in text  # the citing sentence is on the same page
        note_top = next(w["top"] for w in words if w["text"] == note.split()[0])
        cite = next(w for w in words if w["text"].startswith(cited))
        body_bottom = max(w["bottom"] for w in words if w["top"] < note_top - 20 and "Page" not in w["text"])
        assert cite["bottom"] < note_top and body_bottom < note_top  # below the body text
        footer_top = next(w["top"] for w in words if w["text"] == "Page")
        assert note_top < footer_top


def test_pdf_list_items_hang(demo):
    """A bullet item's second line starts where its text starts, right of the bullet."""
    text, words = next((t, w) for t, w in _words(demo / "demo_hkex-annual-en.pdf") if "oversees" in t)
    first = next(w for w in words if w["text"] == "oversees")
    bullet = next(w for w in words if w["text"] == "•" and abs(w["top"] - first["top"]) < 3)
    top = next(w["top"] for w in words if w["text"] == "depends")  # the item's second line
    second = min((w for w in words if abs(w["top"] - top) < 1), key=lambda w: w["x0"])
    assert bullet["x0"] < first["x0"] - 5
    assert abs(second["x0"] - first["x0"]) < 0.5, (second, first)


# ------------------------------------------------------------------ the DOCX
def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name)), z.read("word/_rels/document.xml.rels").decode()


def test_docx_lists_are_numbering_and_footnotes_are_footnotes(demo):
    path = demo / "demo_hkex-annual-en.docx"
    doc, rels = _part(path, "word/document.xml")
    numbering, _ = _part(path, "word/numbering.xml")
    notes, _ = _part(path, "word/footnotes.xml")
    items = [p for p in doc.iter(W + "p") if p.find(f"{W}pPr/{W}numPr") is not None]
    texts = ["".join(p.itertext()) for p in items]
    assert any(t.startswith("oversees material ESG issues") for t in texts)
    assert any(t.startswith("physical risk") for t in texts)
    nums = {n.get(W + "numId"): n.find(W + "abstractNumId").get(W + "val") for n in numbering.iter(W + "num")}
    formats = {a.get(W + "abstractNumId"): a.find(f"{W}lvl/{W}numFmt").get(W + "val")
               for a in numbering.iter(W + "abstractNum")}
    used = {p.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") for p in items}
    assert {formats[nums[n]] for n in used} == {"bullet", "decimal"}
    refs = [r.get(W + "id") for r in doc.iter(W + "footnoteReference")]
    assert refs == ["1", "2"]
    bodies = {n.get(W + "id"): "".join(n.itertext()) for n in notes.iter(W + "footnote")}
    assert {"-1", "0"} <= set(bodies) and "internal carbon price" in bodies["1"] and "independent" in bodies["2"]
    assert "footnotes.xml" in rels and "https://example.com/esg" in rels
    assert doc.find(f".//{W}hyperlink") is not None
    strong = [r for r in doc.iter(W + "r") if r.find(f"{W}rPr/{W}b") is not None]
    assert any("material ESG issues" in "".join(r.itertext()) for r in strong)


def test_a_workbook_note_reaches_the_note_of_the_table_that_prints_it(demo):
    """The indicator's note (Indicators note_en) prints under its KPI table, lettered; the
    letter follows the indicator's name, raised and smaller."""
    import pdfplumber

    note = "location-based, with each grid's emission factor"
    with pdfplumber.open(demo / "demo_hkex-annual-en.pdf") as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
        row = next(p for p in pdf.pages if "Scope 2 greenhouse gas" in p.extract_text())
        chars = row.chars
        k = next(k for k, ch in enumerate(chars) if "".join(c["text"] for c in chars[k - 9:k]) == "emissions"
                 and ch["text"] == "a" and ch["size"] < chars[k - 1]["size"] * 0.9)
        assert chars[k]["bottom"] < chars[k - 1]["bottom"]  # raised
    table_1 = text.index("Scope 2 greenhouse gas")
    assert table_1 < text.index("a " + note) < text.index("Table 2")  # under its table, before the next
    doc, _ = _part(demo / "demo_hkex-annual-en.docx", "word/document.xml")
    table = next(t for t in doc.iter(W + "tbl") if "Scope 2 greenhouse gas emissions" in "".join(t.itertext()))
    after = table.getnext()
    assert after.tag == W + "p" and "".join(after.itertext()) == "a " + note
    cell = next(p for p in table.iter(W + "p") if "".join(p.itertext()).startswith("Scope 2 greenhouse gas emissions"))
    assert "".join(cell.itertext()) == "Scope 2 greenhouse gas emissionsa"


def test_table_notes_never_part_from_the_tables_last_row(tmp_path):
    """Wherever a page break falls in a noted table, its notes print on the page of its last row:
    the table is pushed down line by line (a paragraph more before it each time) across a whole page."""
    from conftest import compose_en, pages_pushed_down
    from esgpublish import ir

    doc = compose_en(DEMO, "extends: annual\ncover: {show: false}\ncontents: {show: false}\nsections:\n"
                     "  - pillar: E\n    blocks:\n      - kpi_table: {select: {pillar: E}, columns: [value, unit], "
                     "notes: true}\n", tmp_path)
    table = next(b for b in doc.body if isinstance(b, ir.Table))
    assert len(table.notes) >= 2
    last_row = " ".join(s.text for s in table.rows[-1][0].lines[0]).split()[0]
    note_start = table.notes[-1].lines[0][0].text[:12]
    split_before_notes = 0
    for k in range(0, 60):
        pages = pages_pushed_down(doc, k)
        where_note = [i for i, t in enumerate(pages) if note_start in t]
        where_row = [i for i, t in enumerate(pages) if last_row in t]
        assert where_note and where_note[-1] in where_row, (k, where_note, where_row)
        split_before_notes += len(pages) > 1 and where_note[-1] > 0 and last_row not in pages[0]
    assert split_before_notes  # the sweep did push the end of the table onto a page of its own
