"""Issue 19, the Word review round trip: the narratives of the DOCX in content controls, the
figures in them locked; ``esgpublish import-docx REVIEWED.docx WORKBOOK.xlsx -o NEW.xlsx``
brings the reviewed wording back into the narrative cells and changes nothing else."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import WORKBOOK, copy_workbook, edit_workbook, row_of
from esgpublish.cli import main

NARRATIVE = "叙述 Narrative"
TAG = "esgpublish:narrative:{}:{}"


def _control(d, narrative: str, lang: str):
    tag = TAG.format(narrative, lang)
    for sdt in d.element.body.iter(qn("w:sdt")):
        t = sdt.find(qn("w:sdtPr") + "/" + qn("w:tag"))
        if t is not None and t.get(qn("w:val")) == tag:
            return sdt
    raise KeyError(tag)


def _plain_texts(sdt):
    """The w:t of the control that are not in a figure's control."""
    out = []
    for t in sdt.iter(qn("w:t")):
        inner = [a for a in t.iterancestors(qn("w:sdt"))]
        if inner[0] is sdt:
            out.append(t)
    return out


def _figures(sdt):
    return [s for s in sdt.iter(qn("w:sdt")) if s is not sdt]


def _cells(path: Path) -> dict:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None}


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _nar_cell(narrative: str, lang: str) -> str:
    import openpyxl

    ws = openpyxl.load_workbook(WORKBOOK)[NARRATIVE]
    return f"{'C' if lang == 'zh' else 'D'}{row_of(ws, narrative)}"


def _import(tmp_path, docx: Path, capsys, name="new.xlsx"):
    new = tmp_path / name
    code = main(["import-docx", str(docx), str(WORKBOOK), "-o", str(new), "--lang", "en"])
    out = capsys.readouterr()
    return code, new, out.out + out.err


def _only_changed(new: Path, changed: set[tuple[str, str]], book: Path = WORKBOOK) -> None:
    """Every zip member but the narrative sheet byte-equal; in it, only ``changed`` cells differ."""
    old_m, new_m = _members(book), _members(new)
    assert list(old_m) == list(new_m)
    differing = {n for n in old_m if old_m[n] != new_m[n]}
    from esgpublish.read.xlsxpatch import sheet_parts

    with zipfile.ZipFile(book) as z:
        narrative_part = sheet_parts(z)[NARRATIVE]
    assert differing <= ({narrative_part} if changed else set()), differing
    old_c, new_c = _cells(book), _cells(new)
    assert {k for k in old_c.keys() | new_c.keys() if old_c.get(k) != new_c.get(k)} == changed


def test_narratives_and_their_figures_are_content_controls(build):
    """Each narrative in a block-level control per language; each figure in it a locked
    run-level control tagged with its placeholder; the verify still agrees."""
    for edition, langs in (("zh", ("zh",)), ("en", ("en",)), ("bilingual", ("zh", "en"))):
        path = build / f"esg_2022-annual-{edition}.docx"
        d = Document(str(path))
        for lang in langs:
            sdt = _control(d, "soc_charity", lang)
            assert sdt.getparent().tag == qn("w:body")
            figures = _figures(sdt)
            assert figures
            for f in figures:
                assert f.getparent().tag == qn("w:p")  # run-level, inside the paragraph
                pr = f.find(qn("w:sdtPr"))
                assert pr.find(qn("w:lock")).get(qn("w:val")) == "contentLocked"
                assert pr.find(qn("w:tag")).get(qn("w:val")).startswith("esgpublish:figure:{")
            tags = [f.find(qn("w:sdtPr") + "/" + qn("w:tag")).get(qn("w:val")) for f in figures]
            assert any(t.startswith("esgpublish:figure:{charity_donation}") for t in tags)
        assert main(["verify", str(path)]) == 0


@pytest.mark.parametrize("edition", ["zh", "en", "bilingual"])
def test_an_unchanged_docx_changes_no_cell(build, tmp_path, capsys, edition):
    code, new, out = _import(tmp_path, build / f"esg_2022-annual-{edition}.docx", capsys)
    assert code == 0, out
    assert "no narrative changed" in out
    _only_changed(new, set())


def test_a_reworded_sentence_goes_into_its_cell_and_the_next_publish(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-zh.docx"))
    sdt = _control(d, "soc_jobs", "zh")
    first = _plain_texts(sdt)[0]
    assert first.text.startswith("依托“快聘”业务")
    first.text = first.text.replace("依托“快聘”业务", "依托审阅后的“快聘”招聘业务")
    d.save(str(docx))
    assert main(["verify", str(build / "esg_2022-annual-zh.docx")]) == 0

    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    assert "1 narrative cell(s) changed" in out and "soc_jobs" in out
    cell = _nar_cell("soc_jobs", "zh")
    import openpyxl

    value = openpyxl.load_workbook(new)[NARRATIVE][cell].value
    old = openpyxl.load_workbook(WORKBOOK)[NARRATIVE][cell].value
    assert value == old.replace("依托“快聘”业务", "依托审阅后的“快聘”招聘业务")
    assert "{kuaipin_live_sessions}" in value  # the figures back as their placeholders
    _only_changed(new, {(NARRATIVE, cell)})

    assert main(["diff", str(WORKBOOK), str(new)]) == 1
    shown = capsys.readouterr().out
    assert "soc_jobs" in shown and "审阅后的" in shown

    out_dir = tmp_path / "out"
    assert main(["publish", str(new), "--edition", "zh", "-o", str(out_dir)]) == 0
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(out_dir / "new-annual-zh.pdf").pages)
    assert "依托审阅后的“快聘”招聘业务" in "".join(text.split())
    assert main(["verify", str(out_dir / "new-annual-zh.docx"), str(out_dir / "new-annual-zh.pdf")]) == 0


def test_a_changed_locked_figure_is_reported_not_imported(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-en.docx"))
    sdt = _control(d, "soc_charity", "en")
    fig = next(f for f in _figures(sdt) if "{charity_donation}" in f.find(qn("w:sdtPr") + "/" + qn("w:tag")).get(qn("w:val")))
    t = next(fig.iter(qn("w:t")))
    printed = t.text
    t.text = "RMB 99 million"
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    assert f"the figure {{charity_donation}} was changed from '{printed}' to 'RMB 99 million': not imported" in out
    assert "[esgpublish:narrative:soc_charity:en]" in out and "¶ " in out  # its place
    assert "no narrative changed" in out
    _only_changed(new, set())
    assert main(["verify", str(docx)]) == 1  # and verify sees it too


def test_a_reworded_sentence_keeps_the_placeholder_of_a_changed_figure(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-en.docx"))
    sdt = _control(d, "soc_charity", "en")
    next(_figures(sdt)[1].iter(qn("w:t"))).text = "many"
    last = _plain_texts(sdt)[-1]
    last.text = last.text.rstrip(".") + ", as reviewed."
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0 and "was changed from" in out and "1 narrative cell(s) changed" in out
    import openpyxl

    cell = _nar_cell("soc_charity", "en")
    value = openpyxl.load_workbook(new)[NARRATIVE][cell].value
    old = openpyxl.load_workbook(WORKBOOK)[NARRATIVE][cell].value
    assert value.endswith(", as reviewed.") and value[:-len(", as reviewed.")] == old.rstrip(".")
    _only_changed(new, {(NARRATIVE, cell)})


def test_a_deleted_control_is_reported(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-zh.docx"))
    sdt = _control(d, "gov_ip", "zh")
    sdt.getparent().remove(sdt)
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    assert "[esgpublish:narrative:gov_ip:zh]" in out
    assert "the content control of narrative 'gov_ip' (zh) was deleted: its cell is kept as it was" in out
    _only_changed(new, set())


def test_a_tracked_change_is_reported_and_its_narrative_not_imported(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-en.docx"))
    sdt = _control(d, "gov_security", "en")
    t = _plain_texts(sdt)[-1]
    run = t.getparent()
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "901")
    ins.set(qn("w:author"), "Reviewer")
    new_run = OxmlElement("w:r")
    new_t = OxmlElement("w:t")
    new_t.text = " Added in review."
    new_run.append(new_t)
    ins.append(new_run)
    run.addnext(ins)
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    assert "tracked changes are left in narrative 'gov_security' (en): its wording was not imported" in out
    assert "[esgpublish:narrative:gov_security:en]" in out
    _only_changed(new, set())


def test_comments_are_listed_with_their_narrative(build, tmp_path, capsys):
    from docx.text.paragraph import Paragraph

    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-en.docx"))
    sdt = _control(d, "env_office", "en")
    p = Paragraph(next(sdt.iter(qn("w:p"))), d._body)
    d.add_comment(p.runs[0], text="Is this per employee?", author="Assurer")
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    line = next(l for l in out.splitlines() if "comment by Assurer: Is this per employee?" in l)
    assert "[esgpublish:narrative:env_office:en]" in line and "¶ " in line
    _only_changed(new, set())


def test_a_bilingual_docx_brings_back_both_languages(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-bilingual.docx"))
    zh = _plain_texts(_control(d, "gov_rating", "zh"))[-1]
    zh.text = zh.text.replace("首次获得这一级别", "首次获得此级别")
    en = _plain_texts(_control(d, "gov_rating", "en"))[0]
    en.text = en.text.replace("After improvements", "Following improvements")
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0, out
    assert "2 narrative cell(s) changed" in out
    import openpyxl

    ws_new, ws_old = openpyxl.load_workbook(new)[NARRATIVE], openpyxl.load_workbook(WORKBOOK)[NARRATIVE]
    c_zh, c_en = _nar_cell("gov_rating", "zh"), _nar_cell("gov_rating", "en")
    assert ws_new[c_zh].value == ws_old[c_zh].value.replace("首次获得这一级别", "首次获得此级别")
    assert ws_new[c_en].value == ws_old[c_en].value.replace("After improvements", "Following improvements")
    _only_changed(new, {(NARRATIVE, c_zh), (NARRATIVE, c_en)})


def test_the_output_never_overwrites_the_workbook(build, tmp_path, capsys):
    book = copy_workbook(tmp_path)
    before = book.read_bytes()
    code = main(["import-docx", str(build / "esg_2022-annual-zh.docx"), str(book), "-o", str(book), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{book}: error: -o names the input itself: import-docx never writes over its inputs" in err
    assert book.read_bytes() == before
    code = main(["import-docx", str(build / "esg_2022-annual-zh.docx"), str(book), "-o",
                 str(tmp_path / "." / book.name), "--lang", "zh"])
    assert code == 1 and "-o 指向输入文件本身" in capsys.readouterr().err


def test_not_a_docx_is_an_input_error(tmp_path, capsys):
    bad = tmp_path / "x.hand-edited.docx"  # no DOCX: left out of the schema check
    bad.write_text("not a zip")
    assert main(["import-docx", str(bad), str(WORKBOOK), "-o", str(tmp_path / "n.xlsx")]) == 1
    assert "not a Word document (.docx)" in capsys.readouterr().err
    assert not (tmp_path / "n.xlsx").exists()


MARKUP = ("Our **main** work in {report.reporting_year}, see *the plan* and [our site](https://example.org/esg) "
          "for \"more\" in 2020-2022[^src].\n- first item with {charity_donation}\n- second **item**\n\n"
          "1. one\n2. two\n[^src]: From the *annual* review.")  # the cell's own way: no blank line before a list


def test_markup_maps_back_and_an_edit_keeps_it(tmp_path, capsys):
    book = copy_workbook(tmp_path)
    edit_workbook(book, lambda wb: wb[NARRATIVE].__setitem__(f"D{row_of(wb[NARRATIVE], 'about')}", MARKUP))
    out = tmp_path / "out"
    assert main(["publish", str(book), "--edition", "en", "--format", "docx", "-o", str(out)]) == 0
    docx = out / "book-annual-en.docx"
    assert main(["verify", str(docx)]) == 0
    capsys.readouterr()
    new = tmp_path / "same.xlsx"
    assert main(["import-docx", str(docx), str(book), "-o", str(new)]) == 0
    assert "no narrative changed" in capsys.readouterr().out  # curly quotes, the en dash, lists, notes
    d = Document(str(docx))
    sdt = _control(d, "about", "en")
    t = next(t for t in _plain_texts(sdt) if t.text == "second ")
    t.text = "second reviewed "
    d.save(str(tmp_path / "reviewed.docx"))
    new = tmp_path / "new.xlsx"
    assert main(["import-docx", str(tmp_path / "reviewed.docx"), str(book), "-o", str(new)]) == 0
    import openpyxl

    cell = f"D{row_of(openpyxl.load_workbook(book)[NARRATIVE], 'about')}"
    assert openpyxl.load_workbook(new)[NARRATIVE][cell].value == MARKUP.replace("- second **item**",
                                                                                  "- second reviewed **item**")


def test_an_emptied_control_is_reported_and_its_cell_kept(build, tmp_path, capsys):
    docx = tmp_path / "reviewed.docx"
    d = Document(str(build / "esg_2022-annual-en.docx"))
    sdt = _control(d, "gov_ip", "en")
    content = sdt.find(qn("w:sdtContent"))
    for p in list(content)[1:]:
        content.remove(p)
    p = content[0]
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    d.save(str(docx))
    code, new, out = _import(tmp_path, docx, capsys)
    assert code == 0 and "narrative 'gov_ip' (en) is empty in the document: not imported" in out
    _only_changed(new, set())


def test_a_box_narrative_and_traditional_chinese(tmp_path, capsys):
    """The HKEX layout's box: its narrative's rows in a row-level control, imported; the
    Traditional edition: unchanged is silent, reworded is reported and not imported."""
    import openpyxl

    book = WORKBOOK.parent / "demo_hkex.xlsx"
    out = tmp_path / "out"
    assert main(["publish", str(book), "--layout", "hkex", "--edition", "zh", "--format", "docx", "-o", str(out)]) == 0
    assert main(["publish", str(book), "--layout", "hkex", "--edition", "zh-hant", "--format", "docx",
                 "-o", str(out)]) == 0
    d = Document(str(out / "demo_hkex-hkex-zh.docx"))
    sdt = _control(d, "case_ev_fleet", "zh")
    assert sdt.getparent().tag == qn("w:tbl") and sdt.find(qn("w:sdtContent"))[0].tag == qn("w:tr")
    t = _plain_texts(sdt)[0]
    t.text = "审阅：" + t.text
    d.save(str(tmp_path / "reviewed.docx"))
    capsys.readouterr()
    new = tmp_path / "new.xlsx"
    assert main(["import-docx", str(tmp_path / "reviewed.docx"), str(book), "-o", str(new), "--lang", "en"]) == 0
    assert "1 narrative cell(s) changed" in capsys.readouterr().out
    ws_old = openpyxl.load_workbook(book)[NARRATIVE]
    cell = f"C{row_of(ws_old, 'case_ev_fleet')}"
    assert openpyxl.load_workbook(new)[NARRATIVE][cell].value == "审阅：" + ws_old[cell].value
    _only_changed(new, {(NARRATIVE, cell)}, book)

    hant = out / "demo_hkex-hkex-zh-hant.docx"
    assert main(["import-docx", str(hant), str(book), "-o", str(tmp_path / "same.xlsx"), "--lang", "en"]) == 0
    said = capsys.readouterr()
    assert "no narrative changed" in said.out and "warning" not in said.out + said.err
    d = Document(str(hant))
    t = _plain_texts(_control(d, "case_ev_fleet", "zh_hant"))[0]
    t.text = "審閱：" + t.text
    d.save(str(tmp_path / "reviewed-hant.docx"))
    new = tmp_path / "hant.xlsx"
    assert main(["import-docx", str(tmp_path / "reviewed-hant.docx"), str(book), "-o", str(new), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "narrative 'case_ev_fleet' in zh_hant: not imported" in said and "no narrative changed" in said
    _only_changed(new, set(), book)


def test_the_sheet_patch_replaces_or_inserts_only_the_cell():
    """read/xlsxpatch.py on sheet XML: a shared-string cell replaced (its style kept), a cell
    added to a row in column order, a row added in row order, an empty sheetData filled."""
    from esgpublish.read.xlsxpatch import patch_sheet

    head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    xml = (head + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2" t="s"><v>1</v></c></row>'
           '<row r="3"><c r="A3"><v>7</v></c><c r="D3"><v>8</v></c></row></sheetData><dataValidations count="1"/>'
           '</worksheet>')
    out = patch_sheet(xml.encode(), {"C1": "new <text> & more", "B3": " lead", "A2": "row two"}).decode()
    assert '<c r="C1" s="2" t="inlineStr"><is><t>new &lt;text&gt; &amp; more</t></is></c>' in out
    assert '<c r="A3"><v>7</v></c><c r="B3" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c><c r="D3">' in out
    assert '</row><row r="2"><c r="A2" t="inlineStr"><is><t>row two</t></is></c></row><row r="3">' in out
    assert out.replace(out[out.index('<c r="C1"'):out.index("</row>")], '<c r="C1" s="2" t="s"><v>1</v></c>') \
        .startswith(head + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2" t="s"><v>1</v></c></row>')
    assert out.endswith("</sheetData><dataValidations count=\"1\"/></worksheet>")
    empty = patch_sheet((head[:-len("<sheetData>")] + "<sheetData/></worksheet>").encode(), {"B2": "x"}).decode()
    assert '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>' in empty
    short = patch_sheet(b'<worksheet><sheetData><row r="1"><c r="C1" s="2"/><c r="D1"><v>1</v></c></row>'
                        b'<row r="2"/></sheetData></worksheet>', {"C1": "a", "B2": "b"}).decode()
    assert short == ('<worksheet><sheetData><row r="1"><c r="C1" s="2" t="inlineStr"><is><t>a</t></is></c>'
                     '<c r="D1"><v>1</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c></row>'
                     '</sheetData></worksheet>')
