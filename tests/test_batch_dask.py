"""Issue 20: ``esgpublish batch --scheduler`` on a Dask ``LocalCluster`` started by the test:
the same files, byte for byte, as a local batch; workers of another fingerprint refused;
an unreachable scheduler a plain error. Skipped when Dask is not installed."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from esgpublish.cli import main

pytest.importorskip("distributed")
sys.path.insert(0, str(ROOT / "tools"))
from batch_workbooks import make_batch  # noqa: E402

FAST = ["--layout", "highlights", "--format", "pdf", "--edition", "en"]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as c:
        yield c


def _files(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def test_a_cluster_batch_writes_the_local_batch_bytes(tmp_path, cluster, capsys):
    books = make_batch(tmp_path / "books", 4, broken=(2,), folders=2)
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert main(["batch", str(tmp_path / "books"), "-o", str(local), "--jobs", "2", *FAST]) == 1
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "books"), "-o", str(remote), "--scheduler", cluster.scheduler_address,
                 "--jobs", "2", *FAST]) == 1
    text = capsys.readouterr()
    assert len(_files(local)) == 3 and _files(remote) == _files(local)
    # the broken workbook's error comes back located at the caller's file
    assert f"{books[2].name}: 指标 Indicators!F34: error: text '约2270' in a number column" in text.out
    # a cluster batch over the local one's files: all up to date (the keys are the same)
    assert main(["batch", str(tmp_path / "books"), "-o", str(local), "--scheduler", cluster.scheduler_address,
                 *FAST]) == 1
    assert "0 file(s) written, 6 up to date" in capsys.readouterr().out  # each PDF and its provenance record
    # the batch stopped the workers' statistical profiler (its call trees grew a worker ≈5 MB per workbook)
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
    assert profiling and not any(profiling.values())


def test_an_unreadable_workbook_is_its_located_error_on_a_cluster(tmp_path, cluster, capsys):
    """A workbook the caller cannot read (here: gone since it was found) is that workbook's
    located error, as in a local batch (exit 1, not 3); the others are published."""
    from test_batch import _unreadable_batch

    _unreadable_batch(tmp_path / "books")
    out = tmp_path / "out"
    assert main(["batch", str(tmp_path / "books"), "-o", str(out), "--scheduler", cluster.scheduler_address,
                 "--jobs", "1", *FAST]) == 1
    text = capsys.readouterr()
    assert sorted(p.name for p in out.glob("*.pdf")) == [f"esg_00{i}-highlights-en.pdf" for i in range(3)]
    assert "books/esg_gone.xlsx: error: no such file" in text.out.split("not published:")[1]
    assert "internal error" not in text.err


def test_workers_of_another_fingerprint_are_refused(tmp_path, cluster, capsys, monkeypatch):
    from esgpublish.pipeline import cluster as dask_path

    mine = dask_path.fingerprint()
    monkeypatch.setattr(dask_path, "fingerprint", lambda: dask_path.Fingerprint("9.9", mine.code, "other"))
    make_batch(tmp_path / "books", 1)
    assert main(["batch", str(tmp_path / "books"), "-o", str(tmp_path / "out"),
                 "--scheduler", cluster.scheduler_address, *FAST]) == 1
    err = capsys.readouterr().err
    assert "workers refused" in err and "esgpublish 0.1.0 instead of 9.9" in err and "fonts" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.pdf"))


def test_an_unreachable_scheduler_is_a_plain_error(tmp_path, capsys, monkeypatch):
    from esgpublish.pipeline import cluster as dask_path

    monkeypatch.setattr(dask_path, "CONNECT_TIMEOUT", 1)
    make_batch(tmp_path / "books", 1)
    assert main(["batch", str(tmp_path / "books"), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9",
                 *FAST]) == 1
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
