"""The review commands on the command line: ``trace`` and ``verify`` (parsers and runs)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..diagnostics import Collector, InputError


def add_parsers(sub, common) -> None:
    """Add ``trace`` and ``verify`` to the CLI's subcommands."""
    tr = sub.add_parser("trace", parents=[common],
                        help="list each printed figure of a published PDF or DOCX with its workbook cell and source")
    tr.add_argument("output", type=Path, help="a published PDF or DOCX (or its .sources.json)")
    tr.add_argument("--page", type=int, default=None, metavar="N", help="only the figures on page N (PDF)")
    tr.add_argument("--find", default=None, metavar="TEXT",
                    help="only the figures whose printed text (or cell) holds TEXT, e.g. --find 2,270万元")
    tr.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")


    ve = sub.add_parser("verify", parents=[common],
                        help="check that the figures published files print agree with their provenance records")
    ve.add_argument("outputs", type=Path, nargs="+", metavar="OUTPUT", help="published PDF and DOCX files")
    ve.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")


def run(args, lang: str) -> int:
    """Run a review command → its exit code; input problems raise ``InputError``."""
    try:
        return _trace(args, lang) if args.command == "trace" else _verify(args, lang)
    except BrokenPipeError:  # `esgpublish trace … | head`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _verify(args, lang: str) -> int:
    """Each file against its record: 0 when every figure agrees, 1 otherwise (or a file cannot be read)."""
    from ..messages import word
    from . import records, trace, verify

    diags, results = Collector(), []
    for path in args.outputs:
        record = records.load(path, diags)
        findings = verify.verify(path, record, lambda f: trace.place(f, lang), diags) if record else None
        if findings is not None:
            results.append((path, record, findings))
    if args.output_format == "json":
        print(json.dumps({"ok": diags.ok and not any(f for *_, f in results),
                          "files": [{"file": str(p), "figures": len(r.figures), "findings": [x.as_dict() for x in f]}
                                    for p, r, f in results]}, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for path, record, findings in results:
            for x in findings:
                print(f"{path}: {x.where}: " + word(f"verify_{x.kind}", lang, x.text, x.source, x.found))
            if not findings:
                print(word("verify_ok", lang, path, len(record.figures)))
    if not diags.ok:
        raise InputError(diags.items)
    return 1 if any(f for *_, f in results) else 0


def _trace(args, lang: str) -> int:
    from ..messages import word
    from . import records, trace

    diags = Collector()
    record = records.load(args.output, diags)
    if record is None:
        raise InputError(diags.items)
    figures = trace.select(record, args.page, args.find)
    if args.output_format == "json":
        print(json.dumps(trace.as_data(record, figures), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    for figure in figures:
        print(trace.line(figure, lang))
    if not figures:
        print(word("trace_none", lang, args.output), file=sys.stderr)
    return 0
