"""``esgpublish batch INPUT...``: the command line of batch publishing (``pipeline.batch``):
its options, the progress (a ``rich`` bar on a terminal, a plain line per workbook
otherwise), each workbook's diagnostics as it finishes, and the summary table → exit 0 (all
published), 1 (a workbook with input errors, or the environment failed), 3 (an internal error).
"""
from __future__ import annotations

import os
import sys
import time
import unicodedata
from pathlib import Path

from .read.layout import EDITIONS


def add_parser(sub, common) -> None:
    """The ``batch`` subcommand and its options → ``sub``."""
    from .cli import LAYOUT_HELP

    p = sub.add_parser("batch", help="publish many workbooks (folders of them), locally or on a Dask cluster",
                       parents=[common])
    p.add_argument("inputs", type=Path, nargs="+", metavar="INPUT",
                   help="a workbook (.xlsx) or a folder of workbooks (searched recursively; hidden files and "
                        "Excel's ~$ lock files are skipped)")
    p.add_argument("--layout", default=None, metavar="NAME|PATH", help=LAYOUT_HELP)
    p.add_argument("--edition", choices=EDITIONS + ("all",), default="all",
                   help="one edition, or all the editions the layout publishes (default: all)")
    p.add_argument("--format", choices=("pdf", "docx", "all"), default="all")
    p.add_argument("-o", "--outdir", type=Path, default=Path("build"),
                   help="the output folder; each workbook's outputs go to the folder that mirrors its own")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="local: worker processes (default: the available cores); cluster: tasks in flight "
                        "(default: the cluster's worker threads)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="a Dask scheduler (tcp://HOST:8786): publish on its workers (pip install esgpublish[dask])")
    p.add_argument("--embed-full-fonts", action="store_true", help="embed the whole fonts in the DOCX")


def width(text: str) -> int:
    """Columns a text takes on a terminal (wide CJK characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, cols: int, right: bool = False) -> str:
    gap = " " * max(0, cols - width(text))
    return gap + text if right else text + gap


class Progress:
    """Per-workbook progress on stderr: a ``rich`` bar (counts, time left) on a terminal, else plain lines."""

    def __init__(self, total: int, lang: str, stream=None):
        self.total, self.lang, self.done = total, lang, 0
        self.stream = stream or sys.stderr
        self.bar = None
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.console = Console(file=self.stream, highlight=False)
            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           TextColumn("·"), TimeRemainingColumn(), console=self.console, transient=True)
            self.task = self.bar.add_task("batch", total=total)
            self.bar.start()

    def say(self, text: str) -> None:
        """A line above the bar (or a plain line)."""
        if self.bar is not None:
            self.console.print(text, markup=False)
        else:
            print(text, file=self.stream, flush=True)

    def done_one(self, row, outcome) -> None:
        """One workbook finished: its diagnostics, then its line (plain) or the bar advanced."""
        from .messages import word

        self.done += 1
        for d in outcome.diagnostics:
            self.say(d.render(self.lang))
        if outcome.traceback and os.environ.get("ESGPUBLISH_DEBUG"):
            self.say(outcome.traceback.rstrip())
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=row.workbook)
        else:
            state = (word("batch-row-ok", self.lang, row.written, row.up_to_date, f"{outcome.wall_s:.2f}")
                     if row.status == "ok" else word("batch-row-failed", self.lang, row.errors))
            self.say(f"[{self.done}/{self.total}] {row.workbook}: {state}")

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def summary(rows, lang: str, seconds: float, manifest: Path | None, stream=None) -> None:
    """The summary table (workbook, files written, up to date, errors, peak memory), the totals,
    and each failed workbook's located errors → ``stream`` (stdout)."""
    from .messages import word
    from .pipeline.publish import display_path

    stream = stream or sys.stdout
    head = [word(k, lang) for k in ("batch-workbook", "batch-written", "batch-up-to-date", "batch-errors",
                                    "batch-peak")]
    table = [(r.workbook, str(r.written), str(r.up_to_date),
              str(r.errors) if r.status in ("ok", "input") else f"{r.errors} ({r.status})", f"{r.peak_mb:.0f}")
             for r in rows]
    cols = [max(width(x) for x in col) for col in zip(head, *table)]
    for line in [head, *table]:
        print("  ".join(_pad(x, c, right=i > 0) for i, (x, c) in enumerate(zip(line, cols))).rstrip(), file=stream)
    failed = [r for r in rows if r.status != "ok"]
    print(word("batch-total", lang, len(rows), len(rows) - len(failed), len(failed),
               sum(r.written for r in rows), sum(r.up_to_date for r in rows), f"{seconds:.1f}"), file=stream)
    if failed:
        print(word("batch-failed", lang), file=stream)
        for r in failed:
            for d in r.first_errors:
                print(f"  {d.render(lang).splitlines()[0]}", file=stream)
            if r.errors > len(r.first_errors):
                print("  " + word("batch-more", lang, r.workbook, r.errors - len(r.first_errors)), file=stream)
    if manifest is not None:
        print(word("batch-manifest", lang, display_path(manifest)), file=stream)


def run(args) -> int:
    """``esgpublish batch`` → the exit code."""
    from . import cli
    from .diagnostics import InputError
    from .pipeline import batch
    from .pipeline.publish import FORMATS, _cores, display_path
    from .read.layout import load_layout

    layout_path = cli._layout_path(args.layout)
    cli._check_edition(args.edition, layout_path)
    if args.jobs is not None and args.jobs < 1:
        raise cli.UsageError(f"--jobs {args.jobs}: give a number of at least 1")
    editions = None if args.edition == "all" else (args.edition,)  # all: the layout's own, as publish
    formats = FORMATS if args.format == "all" else (args.format,)
    layout, layout_diags = load_layout(layout_path, display_path(layout_path))
    if layout is None or not layout_diags.ok:
        raise InputError(layout_diags.items)
    jobs, found = batch.discover(args.inputs, args.outdir)
    cli._print_diagnostics(found.items)
    if not jobs:
        return 1
    batch.check_outdir(args.outdir)
    client = None
    if args.scheduler:
        from .pipeline import cluster

        try:
            client = cluster.connect(args.scheduler)
        except cluster.DaskMissing:
            raise cli.UsageError("--scheduler needs Dask, which is not installed",
                                 "pip install 'esgpublish[dask]' (here and on the workers)") from None
        try:
            results = cluster.cluster_results(client, args.jobs)  # workers checked first
        except BaseException:
            client.close()
            raise
    else:
        results = batch.local_results(args.jobs or _cores(None))
    plan = batch.Plan(jobs, layout_path, layout, args.outdir, editions, formats, args.embed_full_fonts,
                      remote=client is not None)
    progress = Progress(len(jobs), cli._LANG)
    start = time.perf_counter()
    rows = []
    try:
        rows = batch.run(plan, results, progress.done_one)
    except KeyboardInterrupt:
        progress.stop()
        from .messages import word

        print(word("batch-interrupted", cli._LANG, progress.done, len(jobs)), file=sys.stderr)
        return 130
    finally:
        progress.stop()
        if client is not None:
            client.close()
    manifest = plan.write_manifest(rows)
    summary(rows, cli._LANG, time.perf_counter() - start, manifest)
    if any(r.status == "internal" for r in rows):
        return 3
    return 1 if any(r.status != "ok" for r in rows) or not found.ok else 0
