#!/usr/bin/env python3
"""Generated workbooks for batch publishing (tests and ``bench/bench.py``): the sample with
different figures in each, so that no chart or document of one is in the cache of another.

    python tools/batch_workbooks.py OUTDIR N [--broken K ...] [--folders F]
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "esg_2022.xlsx"
SHEET = "指标 Indicators"
VALUE_COLUMN = 5  # F: the value


def make_batch(folder: Path, count: int, broken: tuple[int, ...] = (), folders: int = 1,
               source: Path = SAMPLE) -> list[Path]:
    """``count`` workbooks (``esg_000.xlsx`` …) in ``folders`` subfolders of ``folder`` (one:
    ``folder`` itself), each the sample with its figures scaled by its own factors; the
    workbooks at ``broken`` get text in a number cell (a located error) → their paths."""
    import openpyxl

    wb = openpyxl.load_workbook(source)
    ws = wb[SHEET]
    cells = [(row[VALUE_COLUMN].coordinate, row[VALUE_COLUMN].value) for row in ws.iter_rows(min_row=2)
             if isinstance(row[VALUE_COLUMN].value, (int, float)) and not isinstance(row[VALUE_COLUMN].value, bool)]
    paths = []
    for k in range(count):
        for n, (coord, value) in enumerate(cells):
            factor = 0.75 + ((k * 7919 + n * 104729) % 24989) / 100000  # 0.75 … 1: each k its own
            ws[coord] = round(value * factor) if isinstance(value, int) and value >= 1000 else (
                round(value * factor, 2) if isinstance(value, float) else value)
        if k in broken:
            ws[cells[-1][0]] = "约2270"
        sub = folder / f"group_{k % folders:02d}" if folders > 1 else folder
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"esg_{k:03d}.xlsx"
        wb.save(path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--broken", type=int, nargs="*", default=[])
    parser.add_argument("--folders", type=int, default=1)
    args = parser.parse_args(argv)
    for path in make_batch(args.outdir, args.count, tuple(args.broken), args.folders):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
