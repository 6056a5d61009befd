"""Batch publishing (``esgpublish batch``): many workbooks → their outputs, on a pool of warm
local worker processes or on a Dask cluster (``pipeline.cluster``).

The caller finds the workbooks (``discover``: folders searched, hidden files and Excel's
``~$`` lock files skipped), gives each an output folder that mirrors its input folder, tells
each task which outputs are up to date, and writes what comes back, one workbook's outputs as
one set (``atomic.write_set``), as it comes back: nothing accumulates. A workbook with errors,
a worker that died or an internal error is that workbook's row in the summary; the others are
published. A batch killed half-way resumes where it stopped: what it wrote is up to date.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..atomicfile import digest, read_regular
from ..diagnostics import Collector, Diagnostic, InputError, Location
from ..read.layout import Layout, editions_made
from . import uptodate
from .atomic import failure, os_failure, output_path, prepare, write_set
from .batchwork import BUNDLED_SUFFIXES, Bundle, Outcome, Task, build_task, worker_start
from .provenance import sidecar_path
from .publish import display_path

MANIFEST = "batch-manifest.json"
SKIPPED_PREFIXES = (".", "~$")  # hidden files and folders; Excel's lock files of open workbooks


@dataclass(frozen=True)
class Job:
    """One workbook of the batch and the folder its outputs go to."""

    index: int
    workbook: Path
    outdir: Path


@dataclass(frozen=True)
class Row:
    """One workbook's line of the summary."""

    workbook: str
    status: str  # ok, input, environment, internal
    written: int
    up_to_date: int
    errors: int
    warnings: int
    peak_mb: float
    cpu_s: float
    first_errors: tuple[Diagnostic, ...] = ()


def _workbooks_in(folder: Path, skip: Path) -> list[Path]:
    """A folder → its workbooks, searched recursively in name order (hidden, lock files and ``skip`` left out)."""
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIPPED_PREFIXES)
                         and os.path.abspath(os.path.join(top, d)) != str(skip))
        found += [Path(top) / f for f in sorted(files)
                  if not f.startswith(SKIPPED_PREFIXES) and f.lower().endswith(".xlsx")]
    return found


def discover(inputs: Iterable[Path], outdir: Path) -> tuple[list[Job], Collector]:
    """INPUT paths (workbooks or folders) → the jobs, each output folder mirroring the workbook's
    folder under their common folder, so that workbooks of one name in two folders never collide."""
    diags = Collector()
    skip = Path(os.path.abspath(outdir))
    books: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = _workbooks_in(path, skip)
            if not found:
                diags.error(Location(display_path(path)), "no workbooks (.xlsx) in this folder",
                            "a batch publishes every .xlsx file in the folders it is given "
                            "(hidden files and Excel's ~$ lock files are skipped)")
            books += found
        elif path.exists():
            books.append(path)
        else:
            diags.error(Location(display_path(path)), "no such file")
    seen: set[str] = set()
    unique = []
    for book in books:
        real = os.path.realpath(book)
        if real not in seen:
            seen.add(real)
            unique.append(book)
    if not unique:
        return [], diags
    base = os.path.commonpath([os.path.abspath(b.parent) for b in unique])
    jobs, targets = [], {}
    for book in unique:
        rel = os.path.relpath(os.path.abspath(book.parent), base)
        folder = outdir if rel == "." else outdir / rel
        target = (str(folder), book.stem)
        if target in targets:
            diags.error(Location(display_path(book)), f"publishes to the same files as {targets[target]}",
                        "rename one of the two workbooks")
            continue
        targets[target] = display_path(book)
        jobs.append(Job(len(jobs), book, folder))
    return jobs, diags


def bundle_layout(layout: Path, outdir: Path) -> tuple[tuple[tuple[str, bytes], ...], str]:
    """A layout file → the files of its folder a layout may draw from (as bytes) and its own place among them."""
    from .watch import watched_files
    from .publish import Request

    folder = layout.parent
    files = watched_files(Request(layout, layout, outdir))[1:]
    return tuple((f.relative_to(folder).as_posix(), f.read_bytes()) for f in files
                 if f.suffix.lower() in BUNDLED_SUFFIXES), layout.relative_to(folder).as_posix()


class Plan:
    """The caller's side of a batch: tasks out, outcomes in, files written, the manifest kept."""

    def __init__(self, jobs: list[Job], layout_path: Path, layout: Layout, outdir: Path,
                 editions: tuple[str, ...] | None, formats: tuple[str, ...], embed_full_fonts: bool = False,
                 remote: bool = False):
        self.jobs, self.layout_path, self.layout, self.outdir = jobs, layout_path, layout, outdir
        self.editions = editions_made(layout.editions, editions)
        self.formats, self.embed_full_fonts, self.remote = formats, embed_full_fonts, remote
        self.layout_bundle = bundle_layout(layout_path, outdir) if remote else None
        self._digests: dict[int, dict[str, str]] = {}  # in flight: the up-to-date files' hashes
        self.manifest: list[dict[str, object]] = []

    def names(self, job: Job) -> list[str]:
        """A job → its output files' names, as ``publish`` names them."""
        outputs = [f"{job.workbook.stem}-{self.layout.name}-{e}.{f}" for e in self.editions for f in self.formats]
        return [n for name in outputs for n in (name, sidecar_path(Path(name)).name)]  # with its provenance record

    def task(self, job: Job) -> Task | Outcome:
        """A job → its task, with the outputs that are up to date (record present, file unchanged);
        or, for a cluster, the workbook's outcome when the caller cannot read it (gone since it was
        found, unreadable, not a file): its located error, as a local worker would report it."""
        cache = job.outdir / ".cache"
        current, digests = [], {}
        for name in self.names(job):
            path = output_path(job.outdir, name)
            record = read_regular(uptodate.record_path(cache, path), 1024)
            fields = record.decode("ascii", "replace").split() if record else []
            if len(fields) == 2 and uptodate._file_digest(path) == fields[1]:
                current.append((name, fields[0]))
                digests[name] = fields[1]
        self._digests[job.index] = digests
        common = dict(index=job.index, workbook_name=display_path(job.workbook),
                      layout_name=display_path(self.layout_path), stem=job.workbook.stem,
                      editions=self.editions, formats=self.formats, embed_full_fonts=self.embed_full_fonts,
                      current=tuple(current))
        if self.remote:
            from ..read.xlsxread import workbook_bytes

            files, rel = self.layout_bundle
            diags = Collector()
            data = workbook_bytes(job.workbook, common["workbook_name"], diags)
            if data is None:
                self._digests.pop(job.index, None)
                return Outcome(job.index, common["workbook_name"], "input", diagnostics=tuple(diags.items))
            return Task(**common, bundle=Bundle(data, files, rel))
        return Task(**common, workbook=job.workbook, layout=self.layout_path, cache=cache)

    def finish(self, job: Job, outcome: Outcome) -> tuple[Row, Outcome]:
        """An outcome → its files written (as one set) and its summary row; a write that fails
        makes the workbook's outcome an environment failure."""
        digests = self._digests.pop(job.index, {})
        written = up = 0
        if outcome.status == "ok":
            try:
                written, up = self._write(job, outcome, digests)
            except InputError as exc:  # atomic.WriteError: the folder, the disk
                outcome = Outcome(outcome.index, outcome.workbook_name, "environment",
                                  diagnostics=tuple(exc.diagnostics), peak_mb=outcome.peak_mb, cpu_s=outcome.cpu_s)
        errors = [d for d in outcome.diagnostics if d.severity == "error"]
        row = Row(outcome.workbook_name, outcome.status, written, up, len(errors),
                  sum(d.severity == "warning" for d in outcome.diagnostics), outcome.peak_mb, outcome.cpu_s,
                  tuple(errors[:3]))
        return row, outcome

    def _write(self, job: Job, outcome: Outcome, digests: dict[str, str]) -> tuple[int, int]:
        cache = job.outdir / ".cache"
        paths = {o.name: output_path(job.outdir, o.name) for o in outcome.outputs}
        try:
            prepare(job.outdir, list(paths.values()), [cache / "outputs"])
            new = [(paths[o.name], o.data) for o in outcome.outputs if o.data is not None]
            records = [(uptodate.record_path(cache, paths[o.name]), uptodate.record(o.key, o.data))
                       for o in outcome.outputs if o.data is not None]
            write_set(new + records)
        except OSError as exc:
            raise os_failure(exc, job.outdir) from None
        for o in outcome.outputs:
            self.manifest.append({"file": paths[o.name].relative_to(self.outdir).as_posix(),
                                  "sha256": digest(o.data) if o.data is not None else digests[o.name],
                                  "workbook": outcome.workbook_name,
                                  "status": "written" if o.data is not None else "up to date"})
        new_count = sum(o.data is not None for o in outcome.outputs)
        return new_count, len(outcome.outputs) - new_count

    def write_manifest(self, rows: list[Row]) -> Path:
        """The manifest: every output with its hash and source workbook, and each workbook's status."""
        data = {"outputs": sorted(self.manifest, key=lambda e: e["file"]),
                "workbooks": [{"workbook": r.workbook, "status": r.status, "written": r.written,
                               "up_to_date": r.up_to_date, "errors": r.errors, "warnings": r.warnings,
                               "peak_mb": r.peak_mb, "cpu_s": round(r.cpu_s, 3)} for r in rows]}
        path = output_path(self.outdir, MANIFEST)
        write_set([(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())])
        return path


def run(plan: Plan, results: Callable[[list[Job], Callable[[Job], Task | Outcome]], Iterator[tuple[Job, Outcome]]],
        on_done: Callable[[Row, Outcome], None]) -> list[Row]:
    """Every job through ``results`` (a local pool's or a cluster's) → the summary's rows, in
    the jobs' order; each outcome written and reported (``on_done``) as it arrives."""
    rows: dict[int, Row] = {}
    for job, outcome in results(plan.jobs, plan.task):
        row, outcome = plan.finish(job, outcome)
        rows[job.index] = row
        on_done(row, outcome)
    return [rows[i] for i in sorted(rows)]


def died(task: Task) -> Outcome:
    """A task whose worker process died twice → its outcome: an environment failure."""
    return Outcome(task.index, task.workbook_name, "environment", diagnostics=(Diagnostic(
        Location(task.workbook_name), "a worker process ended unexpectedly while publishing this workbook "
        "(killed, or out of memory); nothing was written for it", "publish it again; if memory is short, try --jobs 1"),))


def local_results(workers: int) -> Callable[[list[Job], Callable[[Job], Task | Outcome]], Iterator[tuple[Job, Outcome]]]:
    """A pool of ``workers`` warm local processes → the ``results`` function of ``run``: at most
    two tasks per worker in flight; a pool broken by a dying worker is started afresh and its
    tasks tried once more."""
    def results(jobs: list[Job], make_task: Callable[[Job], Task | Outcome]) -> Iterator[tuple[Job, Outcome]]:
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)

        def new_pool():
            return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_start,
                                       initargs=(("pdf", "docx"),))
        pool = new_pool()
        queue = list(reversed(jobs))
        retry: list[tuple[Job, Task]] = []
        tried: set[int] = set()
        running: dict = {}
        try:
            while queue or retry or running:
                while (queue or retry) and len(running) < 2 * workers:
                    job, task = retry.pop() if retry else (queue[-1], make_task(queue.pop()))
                    if isinstance(task, Outcome):  # settled by the caller: nothing to send
                        yield job, task
                        continue
                    running[pool.submit(build_task, task)] = (job, task)
                done, _ = wait(list(running), return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    job, task = running.pop(future)
                    try:
                        yield job, future.result()
                    except BrokenProcessPool:
                        broken = True
                        if job.index in tried:
                            yield job, died(task)
                        else:
                            tried.add(job.index)
                            retry.append((job, task))
                if broken:
                    for future, (job, task) in list(running.items()):
                        if job.index not in tried:
                            tried.add(job.index)
                            retry.append((job, task))
                        else:
                            yield job, died(task)
                    running.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return results


def check_outdir(outdir: Path) -> None:
    """Before a batch: OUTDIR exists (or is made) and takes files; else a plain failure (exit 1)."""
    if outdir.exists() and not outdir.is_dir():
        raise failure(outdir, "the output folder is a file; nothing was written", "choose a folder with -o")
    prepare(outdir, [], [])
