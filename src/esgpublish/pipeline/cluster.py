"""A batch on a Dask distributed cluster (``esgpublish batch --scheduler tcp://HOST:8786``).

Workers need esgpublish installed (``pip install esgpublish[dask]``); the workbook and the
layout's folder travel with each task as bytes, the outputs' bytes and the diagnostics come
back, and the caller writes the files (``pipeline.batch``). Outputs must be byte-identical to
a local batch's, so every worker's fingerprint — esgpublish's version, its source and the
shaping libraries' versions (``cachekey.code_digest``) and the fonts' SHA-256 — must equal the
caller's; a worker that differs is refused before any task is sent. ``--jobs`` bounds the
tasks in flight; results stream back as they finish and are released once written.

Dask is imported here only, and only when a scheduler is named: the base install runs
without it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .atomic import WriteError, failure
from .batch import Job
from .batchwork import Outcome, Task, build_task, warm

CONNECT_TIMEOUT = 20  # seconds


class DaskMissing(Exception):
    """``--scheduler`` without Dask installed: a usage error (exit 2) with the install hint."""


@dataclass(frozen=True)
class Fingerprint:
    """What makes the bytes: esgpublish's version, its code and libraries, its fonts and built-in layouts."""

    version: str
    code: str
    fonts: str

    def differences(self, other: "Fingerprint") -> list[str]:
        """→ what differs from ``other``, in words."""
        out = []
        if self.version != other.version:
            out.append(f"esgpublish {self.version} instead of {other.version}")
        elif self.code != other.code:
            out.append("esgpublish's source or a library that shapes the files differs")
        if self.fonts != other.fonts:
            out.append("its fonts or built-in layouts differ")
        return out


def fingerprint() -> Fingerprint:
    """This installation's fingerprint (run on the caller and on each worker)."""
    from .. import __version__, cachekey, fonts

    h = hashlib.sha256()
    for style, face in sorted(fonts.faces().items()):
        h.update(f"{style}:{face.path.name}:".encode())
        h.update(hashlib.sha256(face.path.read_bytes()).digest())
    from ..read.layout import builtin_dir, builtin_files

    source = builtin_dir()
    for rel in builtin_files() if source is not None else ():  # extends: annual comes from the worker's own
        h.update(f"layout:{rel}:".encode())
        h.update(hashlib.sha256((source / rel).read_bytes()).digest())
    return Fingerprint(__version__, cachekey.code_digest(), h.hexdigest())


def worker_fingerprint() -> Fingerprint:
    """A worker's fingerprint (sent by reference: the worker's own esgpublish computes it)."""
    return fingerprint()


def connect(address: str):
    """A scheduler's address → a ``distributed.Client``; ``DaskMissing`` without Dask, a plain
    failure (exit 1) when the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise DaskMissing() from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise failure(address, f"cannot reach the Dask scheduler: {exc}; nothing was published",
                      "start it (dask scheduler) or check the address, e.g. --scheduler tcp://HOST:8786") from None


def check_workers(client) -> int:
    """Every worker's fingerprint equals the caller's → the number of worker threads; else a
    failure naming each worker refused and why."""
    workers = client.scheduler_info(n_workers=-1)["workers"] if _takes_n(client) else client.scheduler_info()["workers"]
    if not workers:
        raise failure(str(client.scheduler.address), "the Dask cluster has no workers; nothing was published",
                      "start some: dask worker tcp://HOST:8786")
    mine = fingerprint()
    try:
        theirs = client.run(worker_fingerprint)
    except (ImportError, AttributeError) as exc:
        raise failure(str(client.scheduler.address), f"a Dask worker cannot run esgpublish ({exc}); nothing was published",
                      "install the caller's esgpublish on every worker: pip install esgpublish[dask]") from None
    refused = [f"{addr}: {', '.join(fp.differences(mine))}" for addr, fp in sorted(theirs.items())
               if fp.differences(mine)]
    if refused:
        raise failure(str(client.scheduler.address),
                      "workers refused, their outputs would not be byte-identical to this machine's: "
                      + "; ".join(refused) + "; nothing was published",
                      "install the same esgpublish (and its fonts) on every worker as on this machine")
    client.run(warm)  # every worker loads the renderers now, all at once
    client.run(stop_profiler)
    return sum(info.get("nthreads", 1) for info in workers.values())


def stop_profiler(dask_worker) -> None:
    """Stop a worker's statistical profiler (run on each worker, in its event loop): it samples
    the running task's stack every 10 ms and keeps a call tree per second for the last 1,000
    seconds (``distributed.admin.low-level-log-length``), and the deep stacks of laying out
    documents made that ≈5 MB per workbook: a Dask worker grew past 400 MB in a batch of 60.
    (Workers started with ``distributed.worker.profile.enabled: false`` never run it.)"""
    for name in ("profile", "profile-cycle"):
        callback = dask_worker.periodic_callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
    dask_worker.profile_history.clear()
    dask_worker.profile_keys_history.clear()
    dask_worker.profile_keys.clear()
    from distributed import profile

    dask_worker.profile_recent = profile.create()


def _takes_n(client) -> bool:
    import inspect

    return "n_workers" in inspect.signature(client.scheduler_info).parameters


def cluster_results(client, jobs_limit: int | None) -> Callable[[list[Job], Callable[[Job], Task]],
                                                                 Iterator[tuple[Job, Outcome]]]:
    """A connected client → the ``results`` function of ``batch.run``: at most ``jobs_limit``
    tasks in flight (default: the cluster's worker threads), each released once it is back."""
    threads = check_workers(client)
    limit = max(1, jobs_limit or threads)

    def results(jobs: list[Job], make_task: Callable[[Job], Task | Outcome]) -> Iterator[tuple[Job, Outcome]]:
        from distributed import as_completed

        queue = list(reversed(jobs))
        running: dict = {}  # future → its job
        settled: list[tuple[Job, Outcome]] = []  # workbooks the caller could not read: never sent
        pending = as_completed(loop=client.loop)

        def fill() -> None:
            """Submit from the queue until ``limit`` tasks are in flight (or the queue is empty)."""
            while queue and len(running) < limit:
                job = queue.pop()
                task = make_task(job)
                if isinstance(task, Outcome):
                    settled.append((job, task))
                    continue
                future = client.submit(build_task, task, pure=False)
                del task  # the caller keeps no copy of the workbook's bytes
                running[future] = job
                pending.add(future)

        try:
            fill()
            while settled or running:
                while settled:
                    yield settled.pop(0)
                if not running:
                    fill()
                    continue
                future = next(pending)
                job = running.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # the worker died, or the task could not run there
                    outcome = _failed(job, exc)
                future.release()
                del future
                fill()
                yield job, outcome
        finally:
            if running:
                client.cancel(list(running))
    return results


def _failed(job: Job, exc: Exception) -> Outcome:
    """A task that raised on the cluster (not a workbook's error) → its outcome: a worker that
    died (an environment failure), or an internal error."""
    from .batch import died
    from .publish import display_path
    from .watch import internal_error

    name = display_path(job.workbook)
    if type(exc).__name__ == "KilledWorker":
        return died(Task(job.index, name, "", job.workbook.stem, (), ()))
    return Outcome(job.index, name, "internal", diagnostics=(internal_error(exc),))


__all__ = ["DaskMissing", "Fingerprint", "WriteError", "check_workers", "cluster_results", "connect", "fingerprint"]
