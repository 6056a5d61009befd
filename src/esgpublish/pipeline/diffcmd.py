"""``esgpublish diff`` on the command line: exit 0 no differences, 1 differences, 2 trouble (as diff(1))."""
from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub, common, layout_help: str) -> None:
    """Add ``diff`` to the CLI's subcommands."""
    d = sub.add_parser("diff", parents=[common], help="what changed between two drafts of the workbook")
    d.add_argument("old", type=Path, metavar="OLD.xlsx")
    d.add_argument("new", type=Path, metavar="NEW.xlsx")
    d.add_argument("--layout", default=None, metavar="NAME|PATH", help=layout_help)
    d.add_argument("--format", choices=("text", "json", "html"), default="text", dest="output_format")
    d.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="write the report to FILE")


def run(args, layout: Path, print_diagnostics) -> int:
    """Compare the two workbooks → 0 (none), 1 (differences) or 2 (an input with errors)."""
    from ..atomicfile import write_atomic
    from . import diffout
    from .diff import compare, load_both
    from .publish import display_path

    old, new, diags = load_both(args.old, args.new, layout)
    if old is None or new is None:
        print_diagnostics(diags)
        return 2
    report = compare(old, new, display_path(args.old), display_path(args.new), args.lang)
    out = diffout.as_json(report) if args.output_format == "json" else \
        {"text": diffout.text, "html": diffout.html}[args.output_format](report, args.lang)
    if args.output is not None:
        write_atomic(args.output, out.encode("utf-8"))
    else:
        sys.stdout.write(out)
    return 0 if report.empty else 1
