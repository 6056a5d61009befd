"""A file made from the same inputs is not rendered again; any change to what it is made
from, or to the file itself, makes it again."""
from __future__ import annotations

import re

from conftest import WORKBOOK, copy_layouts, copy_workbook, edit_workbook, pdf_text, row_of

from esgpublish.cli import main


def _publish(book, out, capsys) -> tuple[int, int]:
    assert main(["publish", str(book), "--edition", "en", "-o", str(out), "--timings"]) == 0
    err = capsys.readouterr().err
    return tuple(map(int, re.search(r"files written (\d+), up to date (\d+)", err).groups()))


def test_unchanged_inputs_leave_the_files_alone(tmp_path, capsys):
    out = tmp_path / "out"
    assert _publish(WORKBOOK, out, capsys) == (2, 0)
    files = sorted(p for p in out.iterdir() if p.is_file())
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in files}
    assert _publish(WORKBOOK, out, capsys) == (0, 2)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in files} == before


def test_an_edited_cell_makes_the_files_again(tmp_path, capsys):
    book, out = copy_workbook(tmp_path), tmp_path / "out"
    assert _publish(book, out, capsys) == (2, 0)

    def edit(wb):
        ws = wb["指标 Indicators"]
        ws[f"F{row_of(ws, 'patents_applied')}"] = 9931
    edit_workbook(book, edit)
    assert _publish(book, out, capsys) == (2, 0)
    assert "9,931" in pdf_text(out / "book-annual-en.pdf")


def test_a_file_changed_by_hand_is_made_again(tmp_path, capsys):
    out = tmp_path / "out"
    _publish(WORKBOOK, out, capsys)
    pdf = out / "esg_2022-annual-en.pdf"
    good = pdf.read_bytes()
    pdf.write_bytes(good[:1000])  # truncated, say by a failed copy
    assert _publish(WORKBOOK, out, capsys) == (1, 1)
    assert pdf.read_bytes() == good
    pdf.unlink()
    assert _publish(WORKBOOK, out, capsys) == (1, 1)
    assert pdf.read_bytes() == good


def test_a_layout_change_makes_the_files_again(tmp_path, capsys):
    layouts = copy_layouts(tmp_path)
    out = tmp_path / "out"
    args = ["publish", str(WORKBOOK), "--layout", str(layouts / "annual.yaml"), "--edition", "en",
            "--format", "pdf", "-o", str(out), "--timings"]
    assert main(args) == 0
    capsys.readouterr()
    theme = layouts / "themes" / "default.yaml"
    theme.write_text(theme.read_text().replace('primary: "#0B6E4F"', 'primary: "#C0392B"'))
    assert main(args) == 0
    assert "files written 1, up to date 0" in capsys.readouterr().err


def test_one_cache_key_rule_covers_code_for_outputs_charts_and_subsets(tmp_path, monkeypatch):
    """A change to esgpublish's code (or a library version) changes the key of every cached
    thing: output records, chart files and font subsets."""
    from esgpublish import cachekey, fonts, ir
    from esgpublish.charts.draw import _paths

    spec = ir.ChartSpec(kind="bar", title=("t",), subtitle=(), labels=("a",), values=(1.0,),
                        value_labels=("1",), targets=(None,), target_labels=(),
                        palette=("#000000",), text_color="#000000", muted_color="#777777", font_size=8,
                        size_mm=(100, 50))
    face = fonts.faces()["latin"]
    before = (_paths(spec, tmp_path), fonts.subset_path(face, {"a"}, tmp_path), cachekey.key("output", "x"))
    monkeypatch.setattr(cachekey, "code_digest", lambda: "changed code")
    after = (_paths(spec, tmp_path), fonts.subset_path(face, {"a"}, tmp_path), cachekey.key("output", "x"))
    assert all(b != a for b, a in zip(before, after))
