"""Issue 21, the input side: every hostile or implausible input ends in exit 0 with the right
output or exit 1 with a located diagnostic — never exit 3 — and `validate` finds what
`publish` would reject. Each case builds its workbook or layout from the sample here."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import WORKBOOK, copy_layouts, copy_workbook, edit_workbook, row_of
from esgpublish.cli import main

IND, REP, NAR = "指标 Indicators", "报告 Report", "叙述 Narrative"


def column(ws, key: str) -> str:
    return next(c.column_letter for c in ws[1] if c.value and str(c.value).split()[-1] == key)


def set_cell(sheet: str, ident: str, key: str, value):
    """An edit: the cell of row ``ident`` (column A) and column ``key`` set to ``value``."""
    def edit(wb):
        ws = wb[sheet]
        ws[f"{column(ws, key)}{row_of(ws, ident)}"] = value
    return edit


def cell_ref(sheet: str, ident: str, key: str) -> str:
    ws = openpyxl.load_workbook(WORKBOOK)[sheet]
    return f"{sheet}!{column(ws, key)}{row_of(ws, ident)}"


def sheet_part(book: Path, sheet: str) -> str:
    """The zip part of a sheet (sheets are written in order: sheetN.xml)."""
    names = openpyxl.load_workbook(book, read_only=True).sheetnames
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def rewrite_part(book: Path, part: str, change) -> None:
    """Rewrite one XML part of the package with ``change(text) -> text``."""
    with zipfile.ZipFile(book) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            dst.writestr(info, change(data.decode()).encode() if info.filename == part else data)


def prefixed(xml: str) -> str:
    """A sheet's XML with the main namespace bound to the prefix x: (<x:row>, <x:c> …), as other writers store it."""
    xml = re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", r"<\1x:\2", xml)
    return xml.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                       'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 1)


def far_cell(ref: str):
    def build(book: Path) -> None:
        edit_workbook(book, lambda wb: wb[IND].__setitem__(ref, "stray"))
    return build


def many_prefixed_rows(book: Path) -> None:
    def change(xml: str) -> str:
        rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x{n}</t></is></c></row>'
                       for n in range(40, 20_060))
        return prefixed(xml.replace("</sheetData>", rows + "</sheetData>"))
    rewrite_part(book, sheet_part(book, IND), change)


def only_prefixed(book: Path) -> None:
    rewrite_part(book, sheet_part(book, IND), prefixed)


def number_xml(ident: str, text: str):
    """The value cell of ``ident`` stored as ``<v>text</v>`` (1E+400 reads as inf)."""
    def build(book: Path) -> None:
        edit_workbook(book, set_cell(IND, ident, "value", 123456789))
        rewrite_part(book, sheet_part(book, IND), lambda xml: xml.replace("<v>123456789</v>", f"<v>{text}</v>"))
    return build


def workbook_edit(edit):
    return lambda book: edit_workbook(book, edit)


def array_formula(book: Path) -> None:
    from openpyxl.worksheet.formula import ArrayFormula

    ws = openpyxl.load_workbook(WORKBOOK)[IND]
    ref = f"{column(ws, 'value')}{row_of(ws, 'charity_hours')}"
    edit_workbook(book, lambda wb: wb[IND].__setitem__(ref, ArrayFormula(ref, "=SUM(F2:F3)")))


#: (case, build(book), command, exit code, located message)
WORKBOOK_CASES = [
    ("far cell XFD1001", far_cell("XFD1001"), "validate", 1,
     f"{IND}!XFD1001: error: a value in column XFD, beyond column CV"),
    ("far cell XFD20001", far_cell("XFD20001"), "publish", 1, f"{IND}!XFD20001: error: a value in column XFD"),
    ("far row A30001", far_cell("A30001"), "validate", 1, f"{IND}!A30001: error: a value in row 30,001"),
    ("x:row prefix, 20,060 rows", many_prefixed_rows, "validate", 1,
     f"{IND}!A20002: error: a value in row 20,002: the sheet has 20,001 rows, more than 20,000"),
    ("x: prefixes read as the sheet", only_prefixed, "validate", 0, "ok (34 indicators)"),
    ("inf in a charted value", number_xml("patents_granted", "1E+400"), "publish", 1,
     f"{cell_ref(IND, 'patents_granted', 'value')}: error: 'inf' is not a number"),
    ("1e37", workbook_edit(set_cell(IND, "charity_hours", "value", 1e37)), "publish", 1,
     f"{cell_ref(IND, 'charity_hours', 'value')}: error: 1e+37 is outside the range of figures esgpublish prints"),
    ("a 31-digit integer", workbook_edit(set_cell(IND, "patents_granted", "value", 10 ** 30)), "validate", 1,
     f"{cell_ref(IND, 'patents_granted', 'value')}: error: 1e+30 is outside the range"),
    ("a target of -2e15", workbook_edit(set_cell(IND, "rural_women", "target_value", -2e15)), "validate", 1,
     f"{cell_ref(IND, 'rural_women', 'target_value')}: error: -2e+15 is outside the range"),
    ("1e-300", workbook_edit(set_cell(IND, "charity_hours", "value", 1e-300)), "validate", 1,
     f"{cell_ref(IND, 'charity_hours', 'value')}: error: 'charity_hours' is 1e-300, which prints as 0 with 3 decimal"),
    ("publication date 1979", workbook_edit(set_cell(REP, "publication_date", "value", dt.datetime(1979, 12, 31))),
     "publish", 1, f"{cell_ref(REP, 'publication_date', 'value')}: error: publication date 1979-12-31 is outside 1980–2100"),
    ("publication date 2108", workbook_edit(set_cell(REP, "publication_date", "value", "2108-01-01")),
     "validate", 1, "error: publication date 2108-01-01 is outside 1980–2100"),
    ("#DIV/0! in a name", workbook_edit(set_cell(IND, "charity_hours", "name_en", "#DIV/0!")), "validate", 1,
     f"{cell_ref(IND, 'charity_hours', 'name_en')}: error: the cell holds the Excel error #DIV/0!"),
    ("#N/A in a narrative", workbook_edit(set_cell(NAR, "about", "text_en", "#N/A")), "validate", 1,
     f"{cell_ref(NAR, 'about', 'text_en')}: error: the cell holds the Excel error #N/A"),
    ("array formula without a result", array_formula, "validate", 1,
     f"{cell_ref(IND, 'charity_hours', 'value')}: error: formula =SUM(F2:F3) has no stored result"),
    ("e + U+0301 is é", workbook_edit(set_cell(IND, "charity_hours", "name_en", "Cafe\u0301 hours")), "validate", 0,
     "ok (34 indicators)"),
]


@pytest.mark.parametrize("case,build,command,code,message", WORKBOOK_CASES, ids=[c[0] for c in WORKBOOK_CASES])
def test_hostile_workbook(tmp_path, capsys, case, build, command, code, message):
    book = copy_workbook(tmp_path)
    build(book)
    argv = [command, str(book), "--layout", "highlights"]
    if command == "publish":
        argv += ["--format", "pdf", "--edition", "en", "-o", str(tmp_path / "out")]
    got = main(argv)
    captured = capsys.readouterr()
    text = captured.err + captured.out
    assert got == code, text
    assert message in text, text
    if command == "publish" and code == 1:
        assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))
    if code == 1 and command == "publish":  # validate finds it too
        assert main(["validate", str(book), "--layout", "highlights"]) == 1
        assert message in capsys.readouterr().err


def test_far_cells_stay_within_300_mb(tmp_path):
    """validate in a fresh process: a stray cell at XFD20001, a prefixed sheet of 20,060 rows."""
    books = []
    for name, build in (("far", far_cell("XFD20001")), ("rows", many_prefixed_rows)):
        book = copy_workbook(tmp_path, f"{name}.xlsx")
        build(book)
        books.append(book)
    code = ("import resource, sys\nfrom esgpublish.cli import main\n"
            "codes = [main(['validate', b, '--layout', 'highlights']) for b in sys.argv[1:]]\n"
            # VmHWM: this process's own peak; ru_maxrss would count the parent's (pytest's) memory,
            # inherited across the vfork + exec that started it
            "print(codes, next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))")
    out = subprocess.run([sys.executable, "-c", code, *map(str, books)], capture_output=True, text=True, timeout=120)
    codes, peak_kb = out.stdout.rsplit("]", 1)
    assert codes + "]" == "[1, 1]", out.stderr
    assert int(peak_kb) < 300 * 1024, f"peak {int(peak_kb) / 1024:.0f} MB"


def test_dollars_in_chart_labels_print_as_typed(tmp_path):
    book = copy_workbook(tmp_path)
    edit_workbook(book, set_cell(IND, "patents_granted", "short_en", "US$5 to US$10"))
    edit_workbook(book, set_cell(IND, "patents_applied", "short_en", "$x^2$ applied"))
    out = tmp_path / "out"
    assert main(["publish", str(book), "--layout", "highlights", "--edition", "en", "--format", "pdf",
                 "-o", str(out)]) == 0
    svgs = "".join(p.read_text() for p in (out / ".cache").rglob("*.svg"))
    assert "US$5 to US$10" in svgs and "$x^2$ applied" in svgs


def test_line_break_in_a_cell_is_a_line_break_in_both_formats(tmp_path):
    from conftest import pdf_text

    book = copy_workbook(tmp_path)
    edit_workbook(book, set_cell(NAR, "about", "text_en", "First line of the cell.\r\nSecond line of it."))
    out = tmp_path / "out"
    assert main(["publish", str(book), "--layout", "highlights", "--edition", "en", "-o", str(out)]) == 0
    assert "First line of the cell.\nSecond line of it." in pdf_text(out / "book-highlights-en.pdf")
    with zipfile.ZipFile(out / "book-highlights-en.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert re.search(r"First line of the cell\.</w:t><w:br/><w:t>Second line of it\.", xml)


def test_long_document_properties_are_cut_to_255_characters(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, set_cell(REP, "author", "zh", "作" * 300))
    edit_workbook(book, set_cell(REP, "keywords", "en", "keyword, " * 60))
    out = tmp_path / "out"
    assert main(["validate", str(book), "--layout", "highlights"]) == 0
    assert main(["publish", str(book), "--layout", "highlights", "--edition", "bilingual", "--format", "docx",
                 "-o", str(out)]) == 0, capsys.readouterr().err
    with zipfile.ZipFile(out / "book-highlights-bilingual.docx") as z:
        core = z.read("docProps/core.xml").decode()
    author = re.search(r"<dc:creator>(.*?)</dc:creator>", core).group(1)
    assert len(author) == 255 and author.endswith("…")


def layout_case(tmp_path: Path, name: str, text: str, files: dict[str, bytes] | None = None) -> Path:
    layouts = copy_layouts(tmp_path)
    for rel, data in (files or {}).items():
        (layouts / rel).write_bytes(data)
    (layouts / f"{name}.yaml").write_text(text, encoding="utf-8")
    return layouts / f"{name}.yaml"


def truncated_font() -> bytes:
    from conftest import ROOT

    return next((ROOT / "fonts").glob("*.ttf")).read_bytes()[:20_000]


BIG = "9" * 5000
LAYOUT_CASES = [
    ("A5 landscape, 40 mm margins",
     "extends: highlights.yaml\npage:\n  size: A5\n  orientation: landscape\n"
     "  margins: {top: 40, bottom: 40, left: 40, right: 40}\n", {}, "validate", 1,
     ":5:18: error: the margins leave a text block 68 mm tall on a 210 × 148 mm page; it must be at least 110 mm"),
    ("11 page breaks", "extends: highlights.yaml\nsections:\n  - title: {zh: 甲, en: A}\n    blocks:\n"
     + "      - page_break: true\n" * 11 + "      - narrative: about\n", {}, "publish", 0, ""),
    ("truncated fallback font", "extends: highlights.yaml\nfallback_font: cut.ttf\n", {"cut.ttf": truncated_font()},
     "validate", 1, ":2:16: error: 'cut.ttf' is not a font file, or a damaged one"),
    ("YAML nested 50,000 deep", "extends: highlights.yaml\nx: " + "[" * 50_000 + "]" * 50_000 + "\n", {},
     "validate", 1, ":2:103: error: YAML nested more than 100 levels deep"),
    ("a 5000-digit integer in the theme", "extends: highlights.yaml\ntheme: themes/big.yaml\n",
     {"themes/big.yaml": f"fonts:\n  body: {BIG}\n".encode()}, "validate", 1,
     "big.yaml:2:9: error: a number of 5,000 digits"),
    ("a 5000-digit margin", f"extends: highlights.yaml\npage:\n  margins: {{top: {BIG}}}\n", {}, "publish", 1,
     ":3:18: error: a number of 5,000 digits"),
    ("a margin of .nan", "extends: highlights.yaml\npage:\n  margins: {top: .nan}\n", {}, "validate", 1,
     ":3:18: error: '.nan' is not a finite number"),
]


@pytest.mark.parametrize("case,text,files,command,code,message", LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES])
def test_hostile_layout(tmp_path, capsys, case, text, files, command, code, message):
    path = layout_case(tmp_path, "hostile", text, files)
    argv = [command, str(WORKBOOK), "--layout", str(path)]
    if command == "publish":
        argv += ["--format", "pdf", "--edition", "en", "-o", str(tmp_path / "out")]
    got = main(argv)
    err = capsys.readouterr().err
    assert got == code, err
    assert message in err, err
    if code == 1:
        assert main(["validate", str(WORKBOOK), "--layout", str(path)]) == 1
