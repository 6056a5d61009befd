"""`publish --watch`: a change to the workbook or a layout file is published again; a bad
edit prints its located diagnostics and leaves the previous files; the watch goes on."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import LAYOUT, copy_layouts, copy_workbook, edit_workbook, pdf_text, row_of

from esgpublish.pipeline.publish import Request, Session
from esgpublish.pipeline.watch import watch, watched_files

IND = "指标 Indicators"


def set_patents(value):
    def edit(wb):
        ws = wb[IND]
        ws[f"F{row_of(ws, 'patents_applied')}"] = value
    return edit


def _project(tmp_path: Path) -> tuple[Path, Path]:
    return copy_workbook(tmp_path), copy_layouts(tmp_path) / LAYOUT.name


def test_watched_files_are_the_workbook_and_the_layout_folder(tmp_path):
    book, layout = _project(tmp_path)
    out = layout.parent / "out"  # an output folder inside the layouts folder is not watched
    for ignored in (out / "stale.yaml", layout.parent / ".git" / "x.yaml"):
        ignored.parent.mkdir(parents=True)
        ignored.write_text("name: x\n")
    files = watched_files(Request(book, layout, out))
    assert files[0] == book
    names = {p.name for p in files[1:]}
    assert {"annual.yaml", "highlights.yaml", "default.yaml"} <= names
    assert not names & {"schema.json", "stale.yaml", "x.yaml"}


def test_a_change_is_published_and_a_bad_one_keeps_the_files(tmp_path):
    book, layout = _project(tmp_path)
    out = tmp_path / "out"
    req = Request(book, layout, out, editions=("zh",), formats=("pdf",))
    pdf = out / "book-annual-zh.pdf"
    events = []

    def built(n, result, seconds):
        events.append(("built", n, pdf_text(pdf)))
        if n == 1:
            edit_workbook(book, set_patents(12345))  # an analyst saves a new value
        elif n == 2:  # then breaks the layout
            layout.write_text(layout.read_text(encoding="utf-8").replace("\nname:", "\nnme:"), encoding="utf-8")

    def failed(n, diagnostics, seconds):
        events.append(("failed", n, [str(d) for d in diagnostics], pdf.read_bytes()))

    with Session(jobs=1, keep=True) as session:
        builds = watch(req, session, built, failed, poll=0.01, stop=lambda: len(events) >= 3)
    assert builds == 3
    assert [e[:2] for e in events] == [("built", 1), ("built", 2), ("failed", 3)]
    assert "9,930" in events[0][2] and "12,345" not in events[0][2]
    assert "12,345" in events[1][2]
    assert any("annual.yaml:" in d and "unknown key 'nme'" in d for d in events[2][2])
    assert "12,345" in pdf_text(pdf)  # the files of build 2 are untouched


def test_cli_watch_rebuilds_and_stops_cleanly_on_sigterm(tmp_path):
    book, layout = _project(tmp_path)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "esgpublish", "publish", str(book), "--layout", str(layout), "-o", str(out),
           "--edition", "en", "--watch"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    lines = []

    def wait_for(fragment: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if fragment in line:
                return line
            if not line and proc.poll() is not None:
                break
        raise AssertionError(f"no {fragment!r} in:\n{''.join(lines)}")

    try:
        wait_for("build 1: 2 file(s) written")
        edit_workbook(book, set_patents(23456))
        wait_for("build 2: 2 file(s) written")
        assert "23,456" in pdf_text(out / "book-annual-en.pdf")
        workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert "stopped watching" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    time.sleep(1)
    for pid in workers:  # the worker processes ended with it
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
