"""A batch's unit of work, on the worker's side: one workbook → its outputs' bytes (or its
diagnostics), never written there: the caller writes them (``pipeline.batch``).

A worker (a forked local process or a Dask worker) keeps one render session for its life, with
the renderers and matplotlib loaded, so each workbook costs only its own reading, charts and
rendering. A ``Task`` carries the caller's up-to-date records (``current``): an output whose
inputs' key matches is not rendered again. On a cluster the workbook and the layout's folder
travel in the task as bytes (``Bundle``) and are unpacked into a scratch folder; the charts
and font subsets are cached in the worker's own folder.
"""
from __future__ import annotations

import os
import resource
import shutil
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Location
from .provenance import sidecar_path
from .publish import Request, Result, Session, _Clock, load_inputs

#: files of a layout's folder that travel with a task to a cluster (what a layout may draw from)
BUNDLED_SUFFIXES = (".yaml", ".yml", ".ttf", ".otf")


@dataclass(frozen=True)
class Bundle:
    """A workbook and its layout's folder as bytes, for a worker that cannot see the caller's files."""

    workbook: bytes
    layout_files: tuple[tuple[str, bytes], ...]  # (path relative to the layout's folder, bytes)
    layout_rel: str  # the layout file among them


@dataclass(frozen=True)
class Task:
    """One workbook to publish, as a worker gets it."""

    index: int
    workbook_name: str  # as the caller shows it
    layout_name: str
    stem: str
    editions: tuple[str, ...]
    formats: tuple[str, ...]
    embed_full_fonts: bool = False
    current: tuple[tuple[str, str], ...] = ()  # (output name, the key it was made from): up to date
    workbook: Path | None = None  # local: the files themselves, and the cache beside the outputs
    layout: Path | None = None
    cache: Path | None = None
    bundle: Bundle | None = None  # remote: the bytes


@dataclass(frozen=True)
class Output:
    """One output of a workbook: its file name, its inputs' key, new bytes (None: up to date)."""

    name: str
    key: str
    data: bytes | None


@dataclass(frozen=True)
class Outcome:
    """What came of one task: ``status`` ok, input (diagnostics), environment or internal."""

    index: int
    workbook_name: str
    status: str
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    peak_mb: float = 0.0
    cpu_s: float = 0.0
    wall_s: float = 0.0
    timings: tuple[tuple[str, float], ...] = ()
    charts_drawn: int = 0
    traceback: str = ""
    worker: str = field(default="")


class _RenderSession(Session):
    """A kept, serial session that renders and returns bytes, asking the task for what is current."""

    def __init__(self) -> None:
        super().__init__(jobs=1, keep=True)
        self.current: dict[str, str] = {}

    def _is_current(self, cache: Path, path: Path, inputs_key: str) -> bool:
        return self.current.get(path.name) == inputs_key

    def render(self, req: Request, names: tuple[str, str], current: dict[str, str]) -> tuple[Result, list[Output]]:
        """Inputs → (the result, each output's name, key and new bytes); ``InputError`` on bad input."""
        self.current = current
        result = Result()
        inputs, diags = load_inputs(req.workbook, req.layout, result.timings, req.editions, names=names)
        result.diagnostics = diags.items
        if inputs is None:
            raise InputError(diags.items)
        paths = self._paths(req, inputs)
        files = self._produce(self._executor(req.formats), req, inputs, paths, result, _Clock(result.timings))
        # each output and its provenance record beside it (``provenance.sidecar_path``)
        return result, [Output(p.name, key, d) for path, key, data, sources in files
                        for p, d in ((path, data), (sidecar_path(path), sources))]


_SESSION: _RenderSession | None = None
_LOCK = threading.Lock()  # one build at a time per process: matplotlib is not thread-safe
_SCRATCH: Path | None = None


def worker_start(formats: tuple[str, ...]) -> None:
    """A local worker process starts: Ctrl-C left to the caller, the renderers and matplotlib loaded."""
    from .publish import _worker_start

    _worker_start(formats, True)


def warm() -> None:
    """A cluster's worker loads the renderers and matplotlib before its first task."""
    from ..charts.draw import _setup
    from ..render import docx  # noqa: F401
    from ..render.pdf import register_fonts

    with _LOCK:
        register_fonts()
        _setup()


def _session() -> _RenderSession:
    global _SESSION
    if _SESSION is None:
        _SESSION = _RenderSession()
    return _SESSION


def _scratch() -> Path:
    """This worker's own folder: its caches, and the unpacked inputs of the task at hand."""
    global _SCRATCH
    if _SCRATCH is None or not _SCRATCH.is_dir():
        _SCRATCH = Path(tempfile.mkdtemp(prefix="esgpublish-worker-"))
    return _SCRATCH


_TASKS = [0]
CHARTS_KEPT_FOR = 100  # tasks: a worker's chart cache is emptied this often (disk stays bounded)


def _bound(cache: Path) -> None:
    """Every ``CHARTS_KEPT_FOR`` tasks, empty a cluster worker's chart cache (a batch's charts
    are its workbooks' own; the font subsets, which they share, are kept)."""
    _TASKS[0] += 1
    if _TASKS[0] % CHARTS_KEPT_FOR == 0:
        shutil.rmtree(cache / "charts", ignore_errors=True)


def _trim() -> None:
    """Give freed memory back to the system after a cluster task: a Dask worker runs tasks in a
    thread, whose malloc arena otherwise keeps growing with each workbook's bytes."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def reset_peak() -> None:
    """Start measuring this process's peak memory afresh (Linux: /proc/self/clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def peak_mb() -> float:
    """This process's peak resident memory since ``reset_peak`` (or since it started), in MB."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _unpack(task: Task, folder: Path) -> tuple[Path, Path]:
    """A task's bundle → (workbook path, layout path) in ``folder``."""
    bundle = task.bundle
    assert bundle is not None
    workbook = folder / f"{task.stem}.xlsx"
    workbook.write_bytes(bundle.workbook)
    layouts = folder / "layout"
    for rel, data in bundle.layout_files:
        path = layouts / rel
        if layouts not in path.resolve().parents:
            raise ValueError(f"a layout file's path leaves its folder: {rel}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return workbook, layouts / bundle.layout_rel


def _relocated(diags: list[Diagnostic], folder: Path, task: Task) -> tuple[Diagnostic, ...]:
    """Diagnostics located in a worker's scratch folder → located at the caller's files."""
    from .publish import display_path

    layout_dir = str(Path(task.layout_name).parent)
    prefixes = sorted({str(folder / "layout"), display_path(folder / "layout")}, key=len, reverse=True)

    def fix(loc: Location) -> Location:
        for p in prefixes:
            if loc.file == p or loc.file.startswith(p + "/"):
                return replace(loc, file=os.path.normpath(layout_dir + loc.file[len(p):]))
        return loc
    return tuple(replace(d, location=fix(d.location)) for d in diags)


def build_task(task: Task) -> Outcome:
    """A task → its outcome: every output's bytes, or the workbook's located diagnostics, or
    the internal error (with its traceback); never raises for one workbook's failure."""
    with _LOCK:
        start, cpu = time.perf_counter(), time.process_time()
        reset_peak()
        folder = None
        status, outputs, diags, tb, result = "ok", [], [], "", Result()
        try:
            if task.bundle is not None:
                folder = Path(tempfile.mkdtemp(dir=_scratch()))
                workbook, layout = _unpack(task, folder)
                cache = _scratch() / "cache"
                _bound(cache)
            else:
                workbook, layout, cache = task.workbook, task.layout, task.cache
            req = Request(workbook, layout, Path(tempfile.gettempdir()), task.editions, task.formats,
                          cache, task.embed_full_fonts)
            try:
                result, outputs = _session().render(req, (task.workbook_name, task.layout_name), dict(task.current))
                diags = result.diagnostics
            except InputError as exc:
                status, diags = "input", exc.diagnostics
        except Exception as exc:  # a bug (or the worker's own folder failing): reported, the batch goes on
            from .watch import internal_error

            status, diags = "internal", [internal_error(exc)]
            tb = "".join(traceback.format_exception(exc))
            global _SESSION
            _SESSION = None  # the next workbook starts with a fresh session
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        if folder is not None:
            diags = _relocated(list(diags), folder, task)
            _trim()
        return Outcome(task.index, task.workbook_name, status, tuple(outputs), tuple(diags), round(peak_mb(), 1),
                       time.process_time() - cpu, time.perf_counter() - start, tuple(result.timings.items()),
                       result.charts_drawn, tb, f"{os.uname().nodename}:{os.getpid()}")
