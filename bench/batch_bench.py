"""The batch benchmark (issue 20): N generated workbooks with distinct figures
(tools/batch_workbooks.py), published by ``esgpublish batch`` with the annual layout (six
outputs each) on 1 and 2 local workers and on a Dask LocalCluster of 2 workers: outputs per
second, CPU seconds per workbook (warm, in the workers), scaling from 1 to 2 workers, peak
memory per worker, the machine's load; and where a workbook's CPU goes (in process).

    python bench/batch_bench.py [--count 200]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

CPU_TARGET, SCALING_TARGET = 0.5, 1.8


def run_batch(books: Path, out: Path, *extra: str) -> dict:
    """One ``esgpublish batch`` in a fresh process → its wall time, outputs and per-workbook figures."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "esgpublish", "batch", str(books), "-o", str(out), *extra],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    manifest = json.loads((out / "batch-manifest.json").read_text())
    rows = manifest["workbooks"]
    return {"wall": wall, "outputs": len(manifest["outputs"]), "cpu": [r["cpu_s"] for r in rows],
            "hashes": {e["file"]: e["sha256"] for e in manifest["outputs"]},
            "peak": max(r["peak_mb"] for r in rows), "load": (load + os.getloadavg()[0]) / 2}


def _rss_mb() -> float:
    """This process's resident memory now, in MB (run on each Dask worker)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))


def stages(books: list[Path], out: Path) -> dict[str, float]:
    """Where a warm workbook's time goes: each stage's mean seconds over ``books`` in this process."""
    from esgpublish.pipeline.batchwork import Task, build_task, worker_start
    from esgpublish.read.layout import builtin_layouts

    worker_start(("pdf", "docx"))
    layout = builtin_layouts()["annual"]
    totals: dict[str, float] = {}
    for i, book in enumerate(books):
        task = Task(i, str(book), str(layout), book.stem, ("zh", "en", "bilingual"), ("pdf", "docx"),
                    workbook=book, layout=layout, cache=out / ".cache")
        outcome = build_task(task)
        if i == 0:
            continue  # the first one loads what is left to load
        for name, seconds in outcome.timings + (("total (CPU)", outcome.cpu_s),):
            totals[name] = totals.get(name, 0.0) + seconds
    means = {k: v / (len(books) - 1) for k, v in totals.items() if k != "charts, fonts and documents"}
    means["charts and the rest (total − the above)"] = means["total (CPU)"] - sum(
        v for k, v in means.items() if k != "total (CPU)")
    return means


def main(argv: list[str] | None = None) -> list[tuple[str, str, str, bool | None]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args(argv)
    from batch_workbooks import make_batch
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        books = make_batch(tmp / "books", args.count)
        one = run_batch(tmp / "books", tmp / "out1", "--jobs", "1")
        two = run_batch(tmp / "books", tmp / "out2", "--jobs", "2")
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          host="127.0.0.1") as cluster:
            dask = run_batch(tmp / "books", tmp / "out3", "--scheduler", cluster.scheduler_address)
            from distributed import Client

            with Client(cluster.scheduler_address) as client:  # each worker's memory once the batch is done
                dask["rss_end"] = max(client.run(_rss_mb).values())
        differ = sorted(f for f in one["hashes"] if not one["hashes"][f] == two["hashes"].get(f) == dask["hashes"].get(f))
        same = not differ and len(one["hashes"]) == len(dask["hashes"])
        if differ:
            print("outputs that differ between the runs:", differ[:10], file=sys.stderr)
        where = stages(books[:6], tmp / "stages")
    cpu = statistics.median(one["cpu"][1:])  # warm: the worker's first workbook left out
    scaling = one["wall"] / two["wall"]
    rows = [("batch: workbooks (annual layout, 6 outputs each)", "—", str(args.count), None)]
    for label, r in (("1 local worker", one), ("2 local workers", two), ("Dask LocalCluster, 2 workers", dask)):
        rows.append((f"batch, {label}: outputs/s", "—",
                     f"{r['outputs'] / r['wall']:.2f} ({r['wall']:.0f} s; load {r['load']:.1f})", None))
    rows += [("batch: CPU-s per workbook, warm (median)", f"≤ {CPU_TARGET} s", f"{cpu:.2f} s", cpu <= CPU_TARGET),
             ("batch: scaling 1 → 2 local workers", f"≥ {SCALING_TARGET}×", f"{scaling:.2f}×", scaling >= SCALING_TARGET),
             ("batch: Dask vs local, 2 workers", "—", f"{two['wall'] / dask['wall']:.2f}× the speed", None),
             ("batch: CPU share per worker (2 local)", "—",
              f"{sum(two['cpu']) / (two['wall'] * 2):.0%} of a core", None),
             ("batch: peak RSS per worker", "≤ 300 MB", f"{max(one['peak'], two['peak'], dask['peak']):.0f} MB",
              max(one["peak"], two["peak"], dask["peak"]) <= 300),
             ("batch: Dask worker RSS after the batch (largest)", "≤ 300 MB", f"{dask['rss_end']:.0f} MB",
              dask["rss_end"] <= 300),
             ("batch: local and Dask outputs byte-identical", "yes", "yes" if same else f"no ({len(differ)} differ)",
              same)]
    for name, seconds in where.items():
        rows.append((f"  per workbook: {name}", "—", f"{seconds:.3f} s", None))
    hours = 10_000 * cpu / 64 / 3600
    rows.append(("10,000 workbooks on 64 cores (from the CPU cost)", "—", f"{hours * 60:.0f} min", None))
    return rows


if __name__ == "__main__":
    for name, target, value, ok in main():
        mark = "—" if ok is None else ("yes" if ok else "no")
        print(f"| {name:<50} | {target:<10} | {value:<36} | {mark:<3} |")
