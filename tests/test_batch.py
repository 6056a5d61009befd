"""Issue 20: ``esgpublish batch`` — many workbooks on warm local workers (or a Dask cluster,
tests/test_batch_dask.py): outputs mirroring the input folders, failures isolated and
summarised, resumption after a kill, a manifest, bounded memory, no Dask in a base run."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from esgpublish.cli import main
from esgpublish.pipeline import batch

sys.path.insert(0, str(ROOT / "tools"))
from batch_workbooks import make_batch  # noqa: E402

FAST = ["--layout", "highlights", "--format", "pdf", "--edition", "en"]  # one output per workbook: a lean suite


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def test_acceptance_twenty_workbooks_one_broken(tmp_path, capsys):
    """20 workbooks, one broken: the other 19 published, the broken one's located error in the
    summary, exit 1; every output in the manifest with its hash; each worker under 300 MB."""
    books = make_batch(tmp_path / "books", 20, broken=(7,), folders=2)
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "books"), "-o", str(out), "--jobs", "2", *FAST]) == 1
    captured = capsys.readouterr()
    files = _outputs(out)
    expected = {f"{b.parent.name}/{b.stem}-highlights-en.pdf" for b in books if b.stem != "esg_007"}
    assert set(files) == expected  # the other 19, in folders mirroring the input's
    assert "not published:" in captured.out
    summary = captured.out.split("not published:")[1]
    assert "esg_007.xlsx: 指标 Indicators!F34: error: text '约2270' in a number column" in summary
    # each PDF with its provenance record beside it
    assert "20 workbook(s): 19 published, 1 not; 38 file(s) written, 0 up to date" in captured.out
    assert "hint: type the number 2270 here" in captured.err  # the full diagnostic as it happened
    manifest = json.loads((out / "batch-manifest.json").read_text())
    import hashlib

    records = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.pdf.sources.json")}
    assert {e["file"]: e["sha256"] for e in manifest["outputs"]} == {
        name: hashlib.sha256(data).hexdigest() for name, data in {**files, **records}.items()}
    assert all(e["workbook"].endswith(Path(e["file"]).name.split("-")[0] + ".xlsx") for e in manifest["outputs"])
    peaks = [w["peak_mb"] for w in manifest["workbooks"]]
    assert len(peaks) == 20 and max(peaks) <= 300, peaks
    assert max(peaks[-5:]) <= max(peaks[:5]) + 40, peaks  # no growth with the batch's length


def test_inputs_found_mirrored_and_skipped(tmp_path):
    """Folders searched recursively; hidden files and folders, ~$ lock files and OUTDIR skipped;
    two workbooks of one name in two folders go to two output folders."""
    for rel in ("a/esg_2024.xlsx", "b/esg_2024.xlsx", "b/deep/x.XLSX", "a/~$esg_2024.xlsx", "a/.hidden.xlsx",
                ".git/y.xlsx", "a/notes.txt", "out/old.xlsx"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
    out = tmp_path / "out"
    jobs, diags = batch.discover([tmp_path, tmp_path / "a" / "esg_2024.xlsx"], out)
    assert diags.ok
    assert [(j.workbook.relative_to(tmp_path).as_posix(), j.outdir.relative_to(out).as_posix()) for j in jobs] == [
        ("a/esg_2024.xlsx", "a"), ("b/esg_2024.xlsx", "b"), ("b/deep/x.XLSX", "b/deep")]
    jobs, diags = batch.discover([tmp_path / "a", tmp_path / "b"], out)
    assert {j.outdir.relative_to(out).as_posix() for j in jobs} == {"a", "b", "b/deep"}
    jobs, diags = batch.discover([tmp_path / "a" / "esg_2024.xlsx"], out)
    assert [j.outdir for j in jobs] == [out]
    (tmp_path / "empty").mkdir()
    jobs, diags = batch.discover([tmp_path / "empty", tmp_path / "nope.xlsx"], out)
    assert jobs == [] and [d.message for d in diags.items] == ["no workbooks (.xlsx) in this folder", "no such file"]


def test_same_outputs_twice_is_an_error(tmp_path):
    for name in ("esg.xlsx", "esg.XLSX"):
        (tmp_path / name).write_bytes(b"")
    jobs, diags = batch.discover([tmp_path], tmp_path / "out")
    assert len(jobs) == 1 and "publishes to the same files as" in diags.items[0].message


def test_usage_and_environment_errors(tmp_path, capsys, monkeypatch):
    make_batch(tmp_path / "books", 1)
    assert main(["batch", str(tmp_path / "books"), "--jobs", "0", *FAST]) == 2
    assert main(["batch", str(tmp_path / "books"), "--layout", "nope"]) == 2
    assert main(["batch", str(tmp_path / "none")]) == 1
    (tmp_path / "file").write_text("x")
    assert main(["batch", str(tmp_path / "books"), "-o", str(tmp_path / "file"), *FAST]) == 1
    assert "the output folder is a file" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "distributed", None)  # Dask not installed
    assert main(["batch", str(tmp_path / "books"), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", *FAST]) == 2
    assert "pip install 'esgpublish[dask]'" in capsys.readouterr().err


def test_an_internal_error_is_isolated_and_exits_3(tmp_path, capsys, monkeypatch):
    """A bug hit by one workbook is that workbook's row; the others are published; exit 3."""
    from esgpublish.pipeline import batchwork

    render = batchwork._RenderSession.render

    def buggy(self, req, names, current):
        if names[0].endswith("esg_001.xlsx"):
            raise RuntimeError("boom")
        return render(self, req, names, current)
    monkeypatch.setattr(batchwork._RenderSession, "render", buggy)  # the forked workers inherit it
    make_batch(tmp_path / "books", 3)
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "books"), "-o", str(out), "--jobs", "1", *FAST]) == 3
    text = capsys.readouterr()
    assert "internal error: RuntimeError: boom" in text.err
    assert sorted(p.name for p in out.glob("*.pdf")) == ["esg_000-highlights-en.pdf", "esg_002-highlights-en.pdf"]
    assert "1 (internal)" in text.out


def _unreadable_batch(books: Path) -> list[Path]:
    """Three workbooks and one whose path is gone by the time it is published: a dangling link
    (found by the folder search like any file; root reads files of mode 000, so this is how a
    workbook the caller cannot read is made reliably)."""
    made = make_batch(books, 3)
    (books / "esg_gone.xlsx").symlink_to(books / "deleted-since.xlsx")
    return made


def test_an_unreadable_workbook_is_its_located_error(tmp_path, capsys):
    """A workbook that cannot be read is that workbook's located error (exit 1); the others are published."""
    _unreadable_batch(tmp_path / "books")
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "books"), "-o", str(out), "--jobs", "1", *FAST]) == 1
    text = capsys.readouterr()
    assert sorted(p.name for p in out.glob("*.pdf")) == [f"esg_00{i}-highlights-en.pdf" for i in range(3)]
    assert "books/esg_gone.xlsx: error: no such file" in text.out.split("not published:")[1]


def test_workbook_bytes_never_blocks_and_locates_each_failure(tmp_path):
    """A folder or a pipe named like a workbook is a located error (a pipe never opened to block)."""
    from esgpublish.diagnostics import Collector
    from esgpublish.read.xlsxread import workbook_bytes

    (tmp_path / "dir.xlsx").mkdir()
    os.mkfifo(tmp_path / "pipe.xlsx")
    (tmp_path / "ok.xlsx").write_bytes(b"PK")
    found = {}
    for name in ("dir.xlsx", "pipe.xlsx", "ok.xlsx", "none.xlsx"):
        diags = Collector()
        found[name] = (workbook_bytes(tmp_path / name, name, diags), [d.message for d in diags.items])
    assert found == {"dir.xlsx": (None, ["not a regular file (a folder, a pipe or a device)"]),
                     "pipe.xlsx": (None, ["not a regular file (a folder, a pipe or a device)"]),
                     "ok.xlsx": (b"PK", []), "none.xlsx": (None, ["no such file"])}


def test_killed_batch_resumes_where_it_stopped(tmp_path):
    """A batch killed half-way (SIGKILL) leaves whole files; run again, it skips what is up to
    date, writes the rest, and leaves no temporary files."""
    make_batch(tmp_path / "books", 4)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "esgpublish", "batch", str(tmp_path / "books"), "-o", str(out), "--jobs", "1", *FAST]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:  # plain lines: not a terminal
        if line.startswith("[2/4]"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    first = _outputs(out)
    assert 2 <= len(first) < 4
    time.sleep(1)  # the killed caller's worker ends itself
    buffer = io.StringIO()
    sys.stdout, saved = buffer, sys.stdout
    try:
        assert main(cmd[3:]) == 0
    finally:
        sys.stdout = saved
    assert f"{2 * (4 - len(first))} file(s) written, {2 * len(first)} up to date" in buffer.getvalue()
    assert len(_outputs(out)) == 4
    assert {k: v for k, v in _outputs(out).items() if k in first} == first
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".old"))]
    manifest = json.loads((out / "batch-manifest.json").read_text())
    assert sum(e["status"] == "up to date" for e in manifest["outputs"]) == 2 * len(first)  # and their records


def test_a_local_batch_never_imports_dask(tmp_path):
    """The base install runs without Dask: importing the CLI and running a local batch leave it out."""
    make_batch(tmp_path / "books", 1)
    code = ("import sys\nfrom esgpublish.cli import main\n"
            f"rc = main(['batch', {str(tmp_path / 'books')!r}, '-o', {str(tmp_path / 'out')!r}, '--jobs', '1', "
            "'--layout', 'highlights', '--format', 'pdf', '--edition', 'en'])\n"
            "print(rc, sorted(m for m in ('dask', 'distributed', 'rich') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.stdout.splitlines()[-1] == "0 []", out.stderr


def test_progress_bar_on_a_terminal():
    """On a terminal the progress is a rich bar with counts; elsewhere a plain line per workbook."""
    from esgpublish.batchcli import Progress
    from esgpublish.pipeline.batch import Row
    from esgpublish.pipeline.batchwork import Outcome

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True
    tty, plain = Tty(), io.StringIO()
    for stream in (tty, plain):
        progress = Progress(2, "en", stream)
        for i in range(2):
            progress.done_one(Row(f"b{i}.xlsx", "ok", 3, 0, 0, 0, 100.0, 1.0), Outcome(i, f"b{i}.xlsx", "ok"))
        progress.stop()
    assert "2/2" in tty.getvalue()
    assert plain.getvalue().splitlines() == ["[1/2] b0.xlsx: 3 written, 0 up to date (0.00 s)",
                                             "[2/2] b1.xlsx: 3 written, 0 up to date (0.00 s)"]


def test_all_editions_are_the_layouts_own(tmp_path, capsys):
    """--edition all (the default) publishes the editions the layout lists, as publish does:
    not the Traditional ones, which are made only when asked for by name."""
    make_batch(tmp_path / "books", 1)
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "books"), "-o", str(out), "--jobs", "1", "--layout", "highlights",
                 "--format", "pdf"]) == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        f"esg_000-highlights-{e}.pdf" for e in ("bilingual", "en", "zh")]
