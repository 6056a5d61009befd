"""Issue 21, the output side: writes stay in OUTDIR, the output set stays whole, caches are
verified, the environment (umask, reportlab's settings files, matplotlib's warnings) does
not leak in, and --watch survives a failed build. Exit 0 or 1, never 3."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import warnings
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from conftest import ROOT, WORKBOOK, write_layout

from esgpublish import atomicfile, fonts
from esgpublish.cli import main
from esgpublish.pipeline import atomic, publish, uptodate
from esgpublish.pipeline.publish import Request, Session
from esgpublish.pipeline.watch import watch

OUTPUTS = [f"esg_2022-highlights-{e}.pdf" for e in ("zh", "en", "bilingual")]


def _publish(out: Path, *extra: str, book: Path = WORKBOOK) -> int:
    return main(["publish", str(book), "--layout", "highlights", "--format", "pdf", "--jobs", "1",
                 "-o", str(out), *extra])


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """The highlights PDFs of the sample, with their warm cache."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    assert _publish(out) == 0
    return out


@pytest.fixture
def built(baseline, tmp_path) -> Path:
    """A copy of the baseline's output folder, whose files were edited by hand ('old'), so
    that the next publish renders and replaces each of them."""
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    for name in OUTPUTS:
        (out / name).write_bytes(f"old {name}".encode())
    return out


@pytest.fixture
def deadline():
    """Fail instead of hanging (a FIFO would block a reader forever)."""
    def expire(*_):
        raise TimeoutError("took longer than 60 s")
    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def no_render(monkeypatch):
    """Rendering must not be reached (the problem is found before)."""
    def fail(*_):
        raise AssertionError("rendered although the output folder is unusable")
    monkeypatch.setattr(publish, "_render", fail)


# ---------------------------------------------------------------- names and paths

@pytest.mark.parametrize("file, text, where", [
    ("x.yaml", "extends: highlights\nname: ../../../ESCAPED\n", "x.yaml:2:7"),
    ("x.yaml", "extends: highlights\nname: \"two\\nlines\"\n", "x.yaml:2:7"),
    ("x.yaml", "extends: highlights\nname: " + "n" * 300 + "\n", "x.yaml:2:7"),
    ("x.yaml", "extends: highlights\nname: /etc/esg\n", "x.yaml:2:7"),
    ("bad name.yaml", "theme: themes/default.yaml\neditions: [en]\n", "bad name.yaml"),
], ids=["escaping", "newline", "300 characters", "absolute", "file stem"])
def test_a_layout_name_is_a_plain_file_name(tmp_path, capsys, file, text, where):
    layout = write_layout(tmp_path, file, text)
    before = _tree(tmp_path)
    out = tmp_path / "a" / "b" / "out"
    code = main(["publish", str(WORKBOOK), "--layout", str(layout), "--format", "pdf", "--jobs", "1", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"{where}: error: " in err and "hint:" in err, err
    assert _tree(tmp_path) == before  # nothing written anywhere, inside OUTDIR or out of it
    assert main(["validate", str(WORKBOOK), "--layout", str(layout)]) == 1
    assert f"{where}: error: " in capsys.readouterr().err


@pytest.mark.parametrize("name", ["../x.pdf", "a/b.pdf", "..", "", "/tmp/x.pdf"])
def test_no_output_path_leaves_outdir(tmp_path, name):
    with pytest.raises(atomic.WriteError):
        atomic.output_path(tmp_path / "out", name)
    assert atomic.output_path(tmp_path / "out", "a-b_c.pdf") == tmp_path / "out" / "a-b_c.pdf"


# ---------------------------------------------------------------- the output folder and paths

def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _zero(p: Path) -> None:
    p.symlink_to("/dev/zero")


def _folder(p: Path) -> None:
    p.mkdir()


@pytest.mark.parametrize("make, kind", [(_fifo, "a FIFO"), (_zero, "a symbolic link"), (_folder, "a folder")],
                         ids=["fifo", "symlink to /dev/zero", "folder"])
def test_an_output_path_that_is_not_a_regular_file_is_an_error(tmp_path, capsys, deadline, no_render, make, kind):
    out = tmp_path / "out"
    out.mkdir()
    make(out / OUTPUTS[1])
    assert _publish(out) == 1
    err = capsys.readouterr().err
    assert f"{OUTPUTS[1]}: error: the output path is {kind}, not a regular file" in err, err
    assert sorted(p.name for p in out.iterdir()) == [OUTPUTS[1]]


def test_the_up_to_date_check_never_opens_what_is_not_a_regular_file(tmp_path, deadline):
    cache = tmp_path / ".cache"
    for make in (_fifo, _zero):
        out = tmp_path / make.__name__
        make(out)
        record = uptodate.record_path(cache, out)
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_bytes(uptodate.record(uptodate.key.__name__, b""))
        assert not uptodate.is_current(cache, out, uptodate.key.__name__)
        make(record.with_name(record.name + ".x"))  # a FIFO as a record is no record either
        assert not uptodate.is_current(cache, out.with_name(out.name + ".x"), "k")


@pytest.mark.parametrize("setup, message", [
    (lambda t: (t / "out").write_text("a file"), "out: error: the output folder is a file"),
    (lambda t: (t / "f").write_text("a file"), "cannot write: Not a directory; nothing was written"),
], ids=["outdir is a file", "outdir's parent is a file"])
def test_an_unusable_outdir_is_a_plain_error_before_rendering(tmp_path, capsys, no_render, setup, message):
    setup(tmp_path)
    out = tmp_path / "out" if (tmp_path / "out").exists() else tmp_path / "f" / "out"
    assert _publish(out) == 1
    err = capsys.readouterr().err
    assert message in err and "internal error" not in err, err


def test_a_read_only_outdir_is_a_plain_error_before_rendering(tmp_path, capsys, monkeypatch, no_render):
    # tests run as root, whom chmod does not stop: the failure is injected where files are created
    def read_only(path, data):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
    monkeypatch.setattr(atomic, "create_temp", read_only)
    assert _publish(tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "cannot write: Read-only file system; nothing was written" in err and "internal error" not in err, err


# ---------------------------------------------------------------- the set is whole

def _files(tmp_path: Path, n: int = 3) -> list[tuple[Path, bytes]]:
    for i in range(n):
        (tmp_path / f"f{i}").write_bytes(b"old")
    return [(tmp_path / f"f{i}", b"new") for i in range(n)]


def _contents(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir())}


def _failing_replace(monkeypatch, fail_at: int, exc: BaseException, roll_back_fails: bool = False):
    """os.replace that raises ``exc`` at its ``fail_at``-th call (and, if asked, an I/O error whenever a
    backup is put back)."""
    real, calls = os.replace, []

    def replace(src, dst, *a, **kw):
        calls.append(src)
        if roll_back_fails and str(src).endswith(".old"):
            raise OSError(errno.EIO, "Input/output error", str(dst))
        if len(calls) == fail_at:
            raise exc
        return real(src, dst, *a, **kw)
    monkeypatch.setattr(os, "replace", replace)


def test_a_full_disk_while_staging_leaves_every_old_file(tmp_path, monkeypatch):
    files, real, made = _files(tmp_path), atomic.create_temp, []

    def create(path, data):
        if made:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        made.append(real(path, data))
        return made[-1]
    monkeypatch.setattr(atomic, "create_temp", create)
    with pytest.raises(atomic.WriteError, match="No space left on device; no output was changed"):
        atomic.write_set(files)
    assert _contents(tmp_path) == {"f0": b"old", "f1": b"old", "f2": b"old"}  # and no temporary file


def test_a_failed_rename_puts_the_old_files_back(tmp_path, monkeypatch):
    files = _files(tmp_path)
    _failing_replace(monkeypatch, 2, OSError(errno.EIO, "Input/output error", str(files[1][0])))
    with pytest.raises(atomic.WriteError, match="the previous files were kept"):
        atomic.write_set(files)
    assert _contents(tmp_path) == {"f0": b"old", "f1": b"old", "f2": b"old"}


def test_files_that_cannot_be_put_back_are_named_exactly(tmp_path, monkeypatch):
    files = _files(tmp_path)
    (tmp_path / "f0").unlink()  # f0 is a new file, f1 replaces an old one
    _failing_replace(monkeypatch, 3, OSError(errno.ENOSPC, "No space left on device", str(files[2][0])),
                     roll_back_fails=True)
    with pytest.raises(atomic.WriteError) as info:
        atomic.write_set(files)
    message = info.value.diagnostics[0].message
    new = message.split("these files are new: ")[1].split(";")[0]
    assert new.split(", ") == [atomic._show(tmp_path / "f1")], message
    contents = _contents(tmp_path)
    assert contents["f1"] == b"new" and contents["f2"] == b"old" and "f0" not in contents  # f0 was removed again


@pytest.mark.parametrize("roll_back_fails", [False, True])
def test_ctrl_c_while_renaming_says_what_changed(tmp_path, monkeypatch, roll_back_fails):
    files = _files(tmp_path)
    _failing_replace(monkeypatch, 2, KeyboardInterrupt(), roll_back_fails)
    with pytest.raises(atomic.Interrupted) as info:
        atomic.write_set(files)
    assert info.value.changed == ((tmp_path / "f0",) if roll_back_fails else ())
    assert (tmp_path / "f1").read_bytes() == b"old"


def test_cli_full_disk_while_renaming_keeps_the_old_reports(built, capsys, monkeypatch):
    _failing_replace(monkeypatch, 2, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(built / OUTPUTS[1])))
    assert _publish(built) == 1
    err = capsys.readouterr().err
    assert "No space left on device; the previous files were kept" in err and "internal error" not in err, err
    assert [(built / n).read_bytes() for n in OUTPUTS] == [f"old {n}".encode() for n in OUTPUTS]
    assert not [p for p in built.rglob("*") if atomicfile.TEMP_RE.match(p.name)]


def test_cli_ctrl_c_while_renaming_names_the_new_files(built, capsys, monkeypatch):
    _failing_replace(monkeypatch, 2, KeyboardInterrupt(), roll_back_fails=True)
    assert _publish(built) == 130
    err = capsys.readouterr().err
    assert "no output was changed" not in err
    assert f"these files are new: {built / OUTPUTS[0]}\n" in err, err  # zh is written first; en's rename was cut
    assert (built / OUTPUTS[0]).read_bytes().startswith(b"%PDF")
    assert (built / OUTPUTS[1]).read_bytes() == f"old {OUTPUTS[1]}".encode()


def test_a_killed_worker_is_a_plain_error(tmp_path, capsys, monkeypatch):
    def die(*_):
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")
    monkeypatch.setattr(Session, "_produce", die)
    assert _publish(tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "a worker process ended unexpectedly" in err and "internal error" not in err, err


def test_temporary_files_of_dead_runs_are_removed_and_of_live_ones_kept(built):
    dead = subprocess.Popen(["true"])
    dead.wait()
    live = subprocess.Popen(["sleep", "60"])
    try:
        names = {}
        for folder in (built, built / ".cache" / "outputs", built / ".cache" / "charts"):
            for who, pid in (("dead", dead.pid), ("live", live.pid), ("self", os.getpid())):
                path = folder / f".{OUTPUTS[0]}.{pid}.0123abcd.tmp"
                path.write_bytes(b"partial")
                names[path] = who
        assert _publish(built) == 0
        for path, who in names.items():
            assert path.exists() == (who != "dead"), (path, who)
    finally:
        live.kill()
        live.wait()


def test_a_backup_of_a_dead_run_whose_file_is_missing_is_put_back(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / f".a.pdf.{dead.pid}.0123abcd.old").write_bytes(b"the old a")
    atomicfile.remove_stale_temps(tmp_path)
    assert _contents(tmp_path) == {"a.pdf": b"the old a"}


def test_files_follow_the_umask_and_keep_their_mode(built):
    old = os.umask(0o027)
    try:
        os.chmod(built / OUTPUTS[0], 0o600)  # an existing file keeps its mode; the others are new
        for name in OUTPUTS[1:]:
            (built / name).unlink()
        assert _publish(built) == 0
    finally:
        os.umask(old)
    modes = {n: stat.S_IMODE((built / n).stat().st_mode) for n in OUTPUTS}
    assert modes == {OUTPUTS[0]: 0o600, OUTPUTS[1]: 0o640, OUTPUTS[2]: 0o640}


# ---------------------------------------------------------------- caches

def test_a_damaged_chart_is_drawn_again(baseline, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    svgs = sorted((out / ".cache" / "charts").glob("*.svg"))
    pngs = sorted((out / ".cache" / "charts").glob("*.png"))
    assert svgs and pngs
    text = svgs[0].read_text(encoding="utf-8")
    svgs[0].write_text(text.replace("</text>", "TAMPERED</text>", 1) if "</text>" in text else text + "<!-- x -->",
                       encoding="utf-8")
    pngs[-1].write_bytes(pngs[-1].read_bytes()[:100])  # truncated
    for name in OUTPUTS:
        (out / name).unlink()
    assert _publish(out) == 0
    assert svgs[0].read_text(encoding="utf-8") == text
    assert [(out / n).read_bytes() for n in OUTPUTS] == [(baseline / n).read_bytes() for n in OUTPUTS]


def test_a_damaged_font_subset_is_made_again(tmp_path):
    face = fonts.faces()["latin"]
    first = fonts.subset_bytes(face, {"é"}, tmp_path)
    path = fonts.subset_path(face, {"é"}, tmp_path)
    path.write_bytes(first[: len(first) // 2])
    assert fonts.subset_bytes(face, {"é"}, tmp_path) == first
    assert path.read_bytes() == first


# ---------------------------------------------------------------- the environment

def test_reportlabs_settings_files_change_nothing(baseline, tmp_path):
    settings = "pageCompression = 0\npdfComments = 1\ninvariant = 0\ncanvas_basefontname = 'Courier'\n"
    home = tmp_path / "home"
    home.mkdir()
    (home / ".reportlab_settings").write_text(settings)
    on_path = tmp_path / "path"
    on_path.mkdir()
    (on_path / "reportlab_settings.py").write_text(settings)
    runs = {}
    for name, env in (("home", {"HOME": str(home)}), ("path", {"PYTHONPATH": str(on_path)})):
        out = tmp_path / name
        runs[out] = subprocess.Popen(
            [sys.executable, "-m", "esgpublish", "publish", str(WORKBOOK), "--layout", "highlights", "--format", "pdf",
             "--edition", "en", "--jobs", "1", "-o", str(out)], env={**os.environ, **env}, stderr=subprocess.PIPE)
    for out, proc in runs.items():
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
        assert (out / OUTPUTS[1]).read_bytes() == (baseline / OUTPUTS[1]).read_bytes()


def test_matplotlibs_warnings_never_print_raw(capsys):
    from esgpublish.charts import draw

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("Tight layout not applied", UserWarning)
    draw._judge(caught)  # dropped
    assert capsys.readouterr().err == ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("Glyph 40657 (\\N{CJK UNIFIED IDEOGRAPH-9F11}) missing from font(s) Noto Sans SC.", UserWarning)
    with pytest.raises(UserWarning, match="missing from font"):
        draw._judge(caught)


# ---------------------------------------------------------------- --watch

def test_watch_survives_an_internal_error_and_a_full_disk(built, monkeypatch):
    book = built.parent / "book.xlsx"
    shutil.copy(WORKBOOK, book)
    req = Request(book, ROOT / "layouts" / "highlights.yaml", built, editions=("en",), formats=("pdf",))
    real_produce, real_write, events = Session._produce, atomic.write_set, []

    def produce(self, *args):
        if len(events) == 0:
            raise RuntimeError("an injected bug")
        return real_produce(self, *args)

    def write_set(files):
        if len(events) == 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(files[0][0]))
        return real_write(files)
    monkeypatch.setattr(Session, "_produce", produce)
    monkeypatch.setattr(publish, "write_set", write_set)

    def touch():
        st = book.stat()
        os.utime(book, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))

    def failed(n, diagnostics, seconds):
        events.append(("failed", n, " ".join(str(d) for d in diagnostics)))
        touch()

    def done(n, result, seconds):
        events.append(("built", n, ""))

    with Session(jobs=1, keep=True) as session:
        watch(req, session, done, failed, poll=0.01, stop=lambda: len(events) >= 3)
    assert [e[:2] for e in events] == [("failed", 1), ("failed", 2), ("built", 3)]
    assert "internal error: RuntimeError: an injected bug" in events[0][2]
    assert "No space left on device; no output was changed" in events[1][2]
    assert (built / "book-highlights-en.pdf").read_bytes().startswith(b"%PDF")
