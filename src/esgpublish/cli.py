"""The command line: ``esgpublish publish|validate`` → exit 0 (ok), 1 (input diagnostics), 2 (usage).

Diagnostics print as ``location: severity: message`` with a hint line; never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from .diagnostics import Diagnostic, InputError
from .read.layout import EDITIONS

DEFAULT_LAYOUT = Path("layouts") / "annual.yaml"


def _default_layout() -> Path:
    if DEFAULT_LAYOUT.is_file():
        return DEFAULT_LAYOUT
    shipped = Path(__file__).resolve().parents[2] / DEFAULT_LAYOUT
    return shipped if shipped.is_file() else DEFAULT_LAYOUT


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="esgpublish", description="Typeset a bilingual ESG report from an Excel workbook.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    pub = sub.add_parser("publish", help="build the PDF and DOCX reports")
    pub.add_argument("workbook", type=Path, help="the indicators workbook (.xlsx)")
    pub.add_argument("--layout", type=Path, default=None, help=f"layout file (default: {DEFAULT_LAYOUT})")
    pub.add_argument("--edition", choices=EDITIONS + ("all",), default="all")
    pub.add_argument("--format", choices=("pdf", "docx", "all"), default="all")
    pub.add_argument("-o", "--outdir", type=Path, default=Path("build"))
    pub.add_argument("--timings", action="store_true", help="print the time of each stage and the peak memory")
    pub.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="worker processes (default: the available cores; 1: none)")
    pub.add_argument("--embed-full-fonts", action="store_true",
                     help="embed the whole fonts in the DOCX (larger; for documents that will be edited)")
    pub.add_argument("--watch", action="store_true",
                     help="keep running: publish again each time the workbook or a layout file changes")
    ini = sub.add_parser("init", help="write an empty, analyst-ready workbook")
    ini.add_argument("path", type=Path, help="where to write the workbook (.xlsx)")
    ini.add_argument("--force", action="store_true", help="overwrite an existing file")
    val = sub.add_parser("validate", help="check the workbook (and layout) without publishing")
    val.add_argument("workbook", type=Path)
    val.add_argument("--layout", type=Path, default=None)
    val.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    return p


def _print_diagnostics(diags: list[Diagnostic], stream=None) -> None:
    stream = stream or sys.stderr
    for d in diags:
        print(d, file=stream)
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    if errors or warnings:
        print(f"{errors} error(s), {warnings} warning(s)", file=stream)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv``; return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "init":
            return _init(args)
        return _publish(args)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        return 1
    except KeyboardInterrupt:
        print("esgpublish: interrupted; no output was changed", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if os.environ.get("ESGPUBLISH_DEBUG"):
            traceback.print_exc()
        print(f"esgpublish: internal error: {exc.__class__.__name__}: {exc}\n"
              "  hint: this is a bug in esgpublish; set ESGPUBLISH_DEBUG=1 to see the traceback and report it",
              file=sys.stderr)
        return 3


def _init(args) -> int:
    from .read.template import write_template

    if args.path.exists() and not args.force:
        print(f"{args.path}: error: the file exists; nothing was written\n  hint: choose another name or add --force",
              file=sys.stderr)
        return 1
    if args.path.suffix.lower() != ".xlsx":
        print(f"{args.path}: error: the workbook must end in .xlsx", file=sys.stderr)
        return 1
    write_template(args.path)
    print(f"{args.path}: written; fill it in, then run: esgpublish validate {args.path}")
    return 0


def _validate(args) -> int:
    from .pipeline.publish import load_inputs

    inputs, diags = load_inputs(args.workbook, args.layout or _default_layout())
    if args.output_format == "json":
        print(json.dumps({"ok": diags.ok, "diagnostics": [d.as_dict() for d in diags.items]},
                         ensure_ascii=False, indent=2))
    else:
        _print_diagnostics(diags.items)
        if diags.ok:
            print(f"{args.workbook}: ok ({len(inputs.dataset.indicators)} indicators)")
    return 0 if diags.ok else 1


def _publish(args) -> int:
    import time

    from .pipeline.publish import FORMATS, publish

    editions = EDITIONS if args.edition == "all" else (args.edition,)
    formats = FORMATS if args.format == "all" else (args.format,)
    if args.watch:
        return _watch(args, editions, formats)
    start = time.perf_counter()
    result = publish(args.workbook, args.layout or _default_layout(), args.outdir, editions, formats,
                     embed_full_fonts=args.embed_full_fonts, jobs=args.jobs)
    _print_diagnostics(result.diagnostics)
    for path in result.outputs:
        print(path)
    if args.timings:
        _print_timings(result, time.perf_counter() - start)
    return 0


def _print_timings(result, total: float) -> None:
    import resource

    for stage, seconds in result.timings.items():
        print(f"  {stage:<28} {seconds:7.3f} s", file=sys.stderr)
    print(f"  {'total':<28} {total:7.3f} s", file=sys.stderr)
    print(f"  charts drawn {result.charts_drawn}, from cache {result.charts_cached}", file=sys.stderr)
    print(f"  files written {len(result.outputs) - result.up_to_date}, up to date {result.up_to_date}",
          file=sys.stderr)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    print(f"  peak memory {peak:.0f} MB (largest process)", file=sys.stderr)


def _watch(args, editions, formats) -> int:
    """``publish --watch``: build, then build again on every change, until Ctrl-C."""
    import time

    from .pipeline.publish import Request, Session
    from .pipeline.watch import watch, watched_files

    req = Request(args.workbook, args.layout or _default_layout(), args.outdir, editions, formats,
                  embed_full_fonts=args.embed_full_fonts)
    layout_files = len(watched_files(req)) - 1
    print(f"watching {args.workbook} and {layout_files} layout file(s) in {req.layout.parent}; "
          "press Ctrl-C to stop", file=sys.stderr, flush=True)

    def stamp() -> str:
        return time.strftime("%H:%M:%S")

    def built(n, result, seconds) -> None:
        _print_diagnostics(result.diagnostics)
        written = len(result.outputs) - result.up_to_date
        print(f"[{stamp()}] build {n}: {written} file(s) written to {args.outdir} in {seconds:.2f} s, "
              f"{result.up_to_date} up to date (charts: {result.charts_drawn} drawn, {result.charts_cached} from cache)",
              file=sys.stderr, flush=True)
        if args.timings:
            _print_timings(result, seconds)

    def failed(n, diagnostics, seconds) -> None:
        _print_diagnostics(diagnostics)
        print(f"[{stamp()}] build {n}: not published; the files in {args.outdir} are unchanged. "
              "Waiting for the next change.", file=sys.stderr, flush=True)

    def terminate(*_) -> None:
        raise KeyboardInterrupt

    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminate)  # `kill` stops the watch as Ctrl-C does
    try:
        with Session(args.jobs, keep=True) as session:
            watch(req, session, built, failed)
    except KeyboardInterrupt:
        print("stopped watching; every file written is complete", file=sys.stderr)
    return 0


def main_exit() -> None:
    """Console-script entry point: exit with ``main``'s code."""
    raise SystemExit(main())
