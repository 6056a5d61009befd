"""Watch mode (``esgpublish publish --watch``): publish, then publish again each time an
input changes — the workbook, or any layout, theme or font file in the layout's folder
(the only place a layout may draw from).

Builds run in one kept ``publish.Session``: its worker processes stay up with the
renderers and matplotlib loaded, so a rebuild after an analyst saves the workbook does only
the work the edit needs (unchanged charts come from the cache). A build with errors prints
its diagnostics and leaves the previous files as they were; the watch goes on — after any
failure of one build: bad input, the disk or folder (``atomic.WriteError``), a worker that
died, even an internal error (a bug, printed as one; the session's workers start afresh).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Location
from .publish import Request, Result, Session

LAYOUT_SUFFIXES = (".yaml", ".yml", ".ttf", ".otf")


def watched_files(req: Request) -> list[Path]:
    """The files whose change triggers a build: the workbook, the layout, theme and font
    files in the layout's folder (hidden folders and the output folder left out), and the
    images in the ``assets/`` folder beside the workbook."""
    import os

    folder, skip = req.layout.parent, req.outdir.resolve()
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(top) / d).resolve() != skip)
        found += [Path(top) / f for f in sorted(files) if Path(f).suffix.lower() in LAYOUT_SUFFIXES]
    assets = req.workbook.parent / "assets"  # the workbook's images (read/assets.py)
    if assets.is_dir():
        found += sorted(p for p in assets.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    return [req.workbook, *found]


def snapshot(paths: list[Path]) -> tuple:
    """Each file's (modification time, size), or None where it is missing (a save in progress)."""
    out = []
    for path in paths:
        try:
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(path), None, None))
    return tuple(out)


def internal_error(exc: Exception) -> Diagnostic:
    """An unexpected exception in one build → the diagnostic that reports it as a bug
    (with the traceback when ``ESGPUBLISH_DEBUG`` is set)."""
    import os
    import sys
    import traceback

    if os.environ.get("ESGPUBLISH_DEBUG"):
        traceback.print_exception(exc, file=sys.stderr)
    return Diagnostic(Location("esgpublish"), f"internal error: {exc.__class__.__name__}: {exc}",
                      "this is a bug in esgpublish; set ESGPUBLISH_DEBUG=1 to see the traceback and report it")


def watch(req: Request, session: Session, on_built: Callable[[int, Result, float], None],
          on_failed: Callable[[int, list[Diagnostic], float], None], poll: float = 0.05,
          stop: Callable[[], bool] = lambda: False) -> int:
    """Build now and after every change until ``stop()`` is true → the number of builds.

    A change is acted on once two looks ``poll`` seconds apart agree, so that a file still
    being written is not read half-way."""
    seen = None
    builds = 0
    files = watched_files(req)  # listed again for each build; between builds, only stat()
    while not stop():
        now = snapshot(files)
        if now == seen:
            time.sleep(poll)
            continue
        if seen is not None:  # settle: the first build needs no wait
            time.sleep(poll)
            if snapshot(files) != now:
                continue
        files = watched_files(req)
        seen = snapshot(files)
        builds += 1
        start = time.perf_counter()
        try:
            result = session.build(req)
        except InputError as exc:
            on_failed(builds, exc.diagnostics, time.perf_counter() - start)
        except Exception as exc:  # a bug in one build: say so, and watch on with fresh workers
            session.close()
            on_failed(builds, [internal_error(exc)], time.perf_counter() - start)
        else:
            on_built(builds, result, time.perf_counter() - start)
    return builds
