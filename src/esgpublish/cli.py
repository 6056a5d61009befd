"""The command line: ``esgpublish publish|validate|init|batch|trace|verify|diff|import-docx`` → exit 0 (ok), 1 (input
diagnostics, or a plain message when the folder, the disk or a worker process fails),
2 (usage), 3 (internal error: a bug in esgpublish).

Diagnostics print as ``location: severity: message`` with a hint line; never a traceback.
``--layout NAME|PATH``: a name without slash or ``.yaml`` is a built-in layout (``annual``,
``highlights``), anything else a layout file's path.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from .diagnostics import Diagnostic, InputError
from .read.layout import DEFAULT_LAYOUT, EDITIONS

LAYOUT_HELP = (f"a built-in layout's name (annual, highlights, hkex) or the path of a layout file "
               f"(with a / or ending in .yaml); default: {DEFAULT_LAYOUT}")


class UsageError(Exception):
    """A command line that cannot be carried out: exit 2, with a message and a hint."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


def _layout_path(ref: str | None) -> Path:
    """``--layout NAME|PATH`` → the layout file: a built-in layout by name, else the path."""
    from .read.layout import builtin_layouts, is_layout_name
    from .read.workbook import suggest

    ref = ref or DEFAULT_LAYOUT
    if not is_layout_name(ref):
        return Path(ref)
    builtins = builtin_layouts()
    if ref in builtins:
        return builtins[ref]
    names = ", ".join(builtins) or "(none found)"
    hint = suggest(ref, list(builtins))
    raise UsageError(f"--layout {ref}: no built-in layout of that name; the built-in layouts are {names}",
                     (hint + " " if hint else "") + f"a layout file's path has a / or ends in .yaml, "
                     f"e.g. --layout ./{ref}.yaml")


def _check_edition(edition: str, layout_path: Path) -> None:
    """``--edition E`` must be one of the editions the layout publishes, or the Traditional
    edition of one (zh-hant from zh, bilingual-hant from bilingual; ``all``: every one listed)."""
    from .read.layout import editions_made, load_layout

    if edition == "all":
        return
    layout, _ = load_layout(layout_path)
    if layout is not None and not editions_made(layout.editions, (edition,)):  # a broken layout: publish reports it
        raise UsageError(f"layout '{layout.name}' publishes {', '.join(layout.editions)}; "
                         f"--edition {edition} is not one of them",
                         f"choose --edition {' or '.join(layout.editions)}, or --edition all")


def _parser() -> argparse.ArgumentParser:
    from .messages import default_lang

    p = argparse.ArgumentParser(prog="esgpublish", description="Typeset a bilingual ESG report from an Excel workbook.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("zh", "en"), default=default_lang(),
                        help="the language of messages (default: from LANG; now %(default)s)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    pub = sub.add_parser("publish", help="build the PDF and DOCX reports", parents=[common])
    pub.add_argument("workbook", type=Path, help="the indicators workbook (.xlsx)")
    pub.add_argument("--layout", default=None, metavar="NAME|PATH", help=LAYOUT_HELP)
    pub.add_argument("--edition", choices=EDITIONS + ("all",), default="all",
                     help="one edition, or all the editions the layout publishes (default: all)")
    pub.add_argument("--format", choices=("pdf", "docx", "all"), default="all")
    pub.add_argument("-o", "--outdir", type=Path, default=Path("build"))
    pub.add_argument("--timings", action="store_true", help="print the time of each stage and the peak memory")
    pub.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="worker processes (default: the available cores; 1: none)")
    pub.add_argument("--embed-full-fonts", action="store_true",
                     help="embed the whole fonts in the DOCX (larger; for documents that will be edited)")
    pub.add_argument("--watch", action="store_true",
                     help="keep running: publish again each time the workbook or a layout file changes")
    ini = sub.add_parser("init", help="write an empty, analyst-ready workbook", parents=[common])
    ini.add_argument("path", type=Path, help="where to write the workbook (.xlsx)")
    ini.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    ini.add_argument("--layouts", type=Path, default=None, metavar="DIR",
                     help="also copy the built-in layouts and their theme into DIR, to start your own "
                          "layouts from (existing files are never overwritten)")
    from .batchcli import add_parser as add_batch

    add_batch(sub, common)
    val = sub.add_parser("validate", help="check the workbook (and layout) without publishing", parents=[common])
    val.add_argument("workbook", type=Path)
    val.add_argument("--layout", default=None, metavar="NAME|PATH", help=LAYOUT_HELP)
    val.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    val.add_argument("--edition", choices=EDITIONS + ("all",), default="all",
                     help="check for one edition (zh-hant: also list every cell converted to Traditional Chinese)")
    from .review.commands import add_parsers

    add_parsers(sub, common)  # trace, verify: published files read back
    from .pipeline.diffcmd import add_parser

    add_parser(sub, common, LAYOUT_HELP)
    from .pipeline.importdocx import add_parser as add_import

    add_import(sub, common)
    return p


_LANG = "en"  # the language of this run's messages (--lang), set by main


def _print_diagnostics(diags: list[Diagnostic], stream=None) -> None:
    """Diagnostics → the stream, each with its hint, then the count of errors and warnings."""
    from .messages import word

    stream = stream or sys.stderr
    for d in diags:
        print(d.render(_LANG), file=stream)
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    if errors or warnings:
        print(word("summary", _LANG, errors, warnings), file=stream)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv``; return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    global _LANG
    _LANG = args.lang
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "init":
            return _init(args)
        if args.command == "diff":
            from .pipeline.diffcmd import run as diff

            return diff(args, _layout_path(args.layout), _print_diagnostics)
        if args.command == "import-docx":
            from .pipeline.importdocx import run as import_docx

            return import_docx(args, _LANG, _print_diagnostics)
        if args.command in ("trace", "verify"):
            from .review.commands import run

            return run(args, _LANG)
        if args.command == "batch":
            from .batchcli import run as batch

            return batch(args)
        return _publish(args)
    except UsageError as exc:
        print(f"esgpublish: error: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else ""), file=sys.stderr)
        return 2
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        return 1
    except KeyboardInterrupt as exc:
        changed = getattr(exc, "changed", ())  # pipeline.atomic.Interrupted: the files already replaced
        print("esgpublish: interrupted; " + (f"these files are new: {', '.join(map(str, changed))}" if changed
                                            else "no output was changed"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if os.environ.get("ESGPUBLISH_DEBUG"):
            traceback.print_exc()
        print(f"esgpublish: internal error: {exc.__class__.__name__}: {exc}\n"
              "  hint: this is a bug in esgpublish; set ESGPUBLISH_DEBUG=1 to see the traceback and report it",
              file=sys.stderr)
        return 3


def _init(args) -> int:
    from .read.layout import builtin_dir, builtin_files
    from .read.template import write_template

    if args.path.exists() and not args.force:
        print(f"{args.path}: error: the file exists; nothing was written\n  hint: choose another name or add --force",
              file=sys.stderr)
        return 1
    if args.path.suffix.lower() != ".xlsx":
        print(f"{args.path}: error: the workbook must end in .xlsx", file=sys.stderr)
        return 1
    layouts: list[tuple[Path, Path]] = []  # (built-in file, its copy)
    if args.layouts is not None:
        source, files = builtin_dir(), builtin_files()
        if source is None or not files:
            raise FileNotFoundError("the built-in layouts are missing from the installation")
        if args.layouts.exists() and not args.layouts.is_dir():
            print(f"{args.layouts}: error: not a folder; nothing was written\n"
                  "  hint: --layouts names a new or empty folder for the layouts", file=sys.stderr)
            return 1
        layouts = [(source / rel, args.layouts / rel) for rel in files]
        clashes = [str(dst) for _, dst in layouts if dst.exists() or dst.is_symlink()]
        if clashes:
            print(f"{args.layouts}: error: {len(clashes)} of the layout files exist ({', '.join(clashes)}); "
                  "nothing was written\n  hint: choose a new or empty folder for --layouts; "
                  "existing layouts are never overwritten", file=sys.stderr)
            return 1
    write_template(args.path)
    print(f"{args.path}: written; fill it in, then run: esgpublish validate {args.path}")
    for src, dst in layouts:
        dst.parent.mkdir(parents=True, exist_ok=True)
        with open(dst, "xb") as out:  # "x": never over a file made in the meantime
            out.write(src.read_bytes())
    if layouts:
        print(f"{args.layouts}: the built-in layouts written ({', '.join(str(dst.relative_to(args.layouts)) for _, dst in layouts)}); "
              f"edit them, then run: esgpublish publish {args.path} --layout {args.layouts / 'annual.yaml'}")
    return 0


def _validate(args) -> int:
    from .pipeline.publish import load_inputs

    layout = _layout_path(args.layout)
    _check_edition(args.edition, layout)
    editions = None if args.edition == "all" else (args.edition,)
    inputs, diags = load_inputs(args.workbook, layout, editions=editions, list_hant=True)
    if inputs is not None:  # what the renderers could not lay out: found by composing each edition
        from .pipeline.publish import compose_all
        from .read.layout import editions_made

        diags.extend(compose_all(inputs, editions_made(inputs.layout.editions, editions))[1])
    if args.output_format == "json":
        print(json.dumps({"ok": diags.ok, "diagnostics": [d.as_dict(_LANG) for d in diags.items]},
                         ensure_ascii=False, indent=2))
    else:
        from .messages import word

        _print_diagnostics(diags.items)
        if diags.ok:
            print(word("ok", _LANG, args.workbook, len(inputs.dataset.indicators)))
    return 0 if diags.ok else 1


def _publish(args) -> int:
    import time

    from .pipeline.publish import FORMATS, publish

    layout = _layout_path(args.layout)
    _check_edition(args.edition, layout)
    editions = None if args.edition == "all" else (args.edition,)
    formats = FORMATS if args.format == "all" else (args.format,)
    if args.watch:
        return _watch(args, layout, editions, formats)
    start = time.perf_counter()
    result = publish(args.workbook, layout, args.outdir, editions, formats,
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


def _watch(args, layout: Path, editions, formats) -> int:
    """``publish --watch``: build, then build again on every change, until Ctrl-C."""
    import time

    from .pipeline.publish import Request, Session
    from .pipeline.watch import watch, watched_files

    req = Request(args.workbook, layout, args.outdir, editions, formats,
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
        mixed = any("these files are new" in d.message for d in diagnostics)  # a write that could not be undone
        print(f"[{stamp()}] build {n}: not published; " +
              ("see above for the files that are new" if mixed else f"the files in {args.outdir} are unchanged") +
              ". Waiting for the next change.", file=sys.stderr, flush=True)

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
