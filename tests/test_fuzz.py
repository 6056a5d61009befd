"""A fuzzer: mutated workbook cells and layout values must give a report or located
diagnostics (exit 1) — never a traceback, never a partial or temporary file.

CI runs the "ci" profile (200 examples, 8 damaged caches); ``make fuzz`` runs 1,000 (and 200
damaged caches) with HYPOTHESIS_PROFILE=fuzz.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import ROOT, WORKBOOK
from esgpublish.cli import main

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FUZZ_LAYOUT = {
    "name": "fuzz",
    "theme": "themes/default.yaml",
    "editions": ["zh", "en", "bilingual"],
    "page": {"size": "A4", "orientation": "portrait", "margins": {"top": 22, "bottom": 20, "left": 20, "right": 20}},
    "cover": {"show": True, "disclaimer": True},
    "contents": {"show": True, "depth": 2},
    "sections": [
        {"pillar": "S", "blocks": [
            {"narratives": {"pillar": "S", "headings": True}},
            {"kpi_table": {"select": {"topic": "community"}, "columns": ["value", "unit", "period", "target"]}},
            {"chart": {"kind": "bar", "select": {"pillar": "G", "unit": "patent"}}},
            {"chart": {"kind": "progress", "indicators": ["rural_women"]}},
            {"cards": {"indicators": ["charity_donation", "msci_rating"], "columns": 2}},
        ]},
    ],
}

# printable text, including what analysts paste: markup, placeholders, emoji, full-width marks
SPECIAL = st.sampled_from(["约2270", "2,270万", "{charity_donation}", "{charity_donation.target}", "{nope}",
                           "{", "}}", "=1+1", "R&D <b>x</b> & <5%", "超", "近", "😀", "\u200b", "B8.2", "413-1",
                           "2022-07", "2022-13", "E", "S", "G", "X", "percent", "yuan", "", " ", "—", "…",
                           "“引号”", "（括号）", "x" * 300, "中" * 500, "y" * 256, "长" * 20_001,
                           "US$5 to US$10", "$x^2$", "Cafe\u0301", "line one\nline two", "a\r\nb",
                           "#DIV/0!", "#N/A", "#REF!", "=1/0", "1E+400", "inf", "nan"])
# extreme numbers: infinities, NaN, beyond the ±10^15 range, too small to print, huge integers
EXTREME = st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e300, -1e300, 1e-300, 5e-324, 1e37, 1e16,
                           10 ** 15, -(10 ** 15), 10 ** 30, 2 ** 63, 0.0004, 1e-7])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x01\x02\x03\x04"
                                      "\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                      "\x19\x1a\x1b\x1c\x1d\x1e\x1f"), max_size=40)
CELL = st.one_of(st.none(), SPECIAL, TEXT, st.integers(-10**12, 10**12), EXTREME,
                 st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
                 st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
                 st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)))
SHEETS = ["报告 Report", "议题 Topics", "单位 Units", "指标 Indicators", "叙述 Narrative", "期间数值 Periods"]
ROW = st.one_of(st.integers(1, 40), st.sampled_from([1001, 20_001, 20_002, 30_000]))  # far rows too
COL = st.one_of(st.integers(1, 21), st.sampled_from([26, 100, 101, 16_384]))  # and far columns
CELL_EDIT = st.tuples(st.sampled_from(SHEETS), ROW, COL, CELL)
#: the publication date (报告 Report!B11 in the sample): it becomes the files' timestamps
PUBLICATION = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
                        st.sampled_from(["1979-12-31", "1980-01-01", "2100-12-31", "2101-01-01", "2108-01-01"]))

YAML_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.floats(allow_nan=False, allow_infinity=False),
              SPECIAL, TEXT,
              # values at and just beyond the schema's bounds (margins 5–60 mm, sizes, page sizes)
              st.sampled_from([0, 5, 4.99, 60, 60.01, 72, 73, 10 ** 40, 1e308, float("inf"), "A5", "Letter",
                               "landscape", "portrait", [], {}, "page_break"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["zh", "en", "kind", "indicators", "select", "pillar", "title", "columns", "show", "text"]), inner, max_size=3)),
    max_leaves=6)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


ALL_PATHS = [p for p in _paths(FUZZ_LAYOUT) if p]


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


_TEMPLATE = None


def _template():
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = WORKBOOK.read_bytes()
    return _TEMPLATE


@given(cells=st.lists(CELL_EDIT, max_size=4),
       layout_edits=st.lists(st.tuples(st.sampled_from(ALL_PATHS), YAML_VALUE), max_size=2),
       published=PUBLICATION)
def test_fuzz_publish(cells, layout_edits, published):
    import copy

    import openpyxl

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = tmp / "book.xlsx"
        wb = openpyxl.load_workbook(io.BytesIO(_template()))
        for sheet, row, col, value in cells:
            wb[sheet].cell(row=row, column=col, value=value)
        if published is not None:
            wb["报告 Report"]["B11"] = published
        wb.save(book)
        layouts = tmp / "layouts"
        shutil.copytree(ROOT / "layouts" / "themes", layouts / "themes")
        data = copy.deepcopy(FUZZ_LAYOUT)
        for path, value in layout_edits:
            try:
                _set(data, path, value)
            except (KeyError, IndexError, TypeError):
                pass  # an earlier edit replaced the parent
        (layouts / "fuzz.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out = tmp / "out"
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["publish", str(book), "--layout", str(layouts / "fuzz.yaml"), "--edition", "zh",
                         "--format", "pdf", "-o", str(out)])
        text = err.getvalue()
        assert "Traceback" not in text and "internal error" not in text, text
        assert code in (0, 1), text
        if code == 1:
            errors = [line for line in text.splitlines() if ": error: " in line]
            assert errors, text
            for line in errors:
                assert re.match(rf"^({re.escape(str(book))}|{re.escape(str(layouts))}[^:]*)(: |:\d+:\d+: )", line), line
            assert not out.exists() or not any(out.glob("*.pdf"))
        else:
            pdfs = list(out.glob("book-*-zh.pdf"))  # a fuzzed layout `name` renames the file
            assert len(pdfs) == 1 and pdfs[0].stat().st_size > 1000, text
        if out.exists():
            assert [p for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".book")] == []


CACHE_EXAMPLES = 200 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 8
DAMAGE = st.sampled_from(["truncate", "empty", "garbage", "flip", "swap_svg_text", "directory", "dev_zero",
                          "remove"])


@pytest.fixture(scope="module")
def cached_build(tmp_path_factory):
    """A publish of the sample (highlights, zh PDF and DOCX) and its cache, to damage."""
    out = tmp_path_factory.mktemp("cache") / "out"
    args = ["publish", str(WORKBOOK), "--layout", "highlights", "--edition", "zh", "-o", str(out)]
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        assert main(args) == 0
    files = sorted(p.relative_to(out) for p in (out / ".cache").rglob("*") if p.is_file())
    return out, args, files, {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


@settings(max_examples=CACHE_EXAMPLES, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(data=st.data())
def test_fuzz_damaged_caches(cached_build, data):
    """Any damage to any file under OUTDIR/.cache (charts, font subsets, up-to-date records):
    the next publish exits 0 and writes the very same bytes, never reads what was damaged."""
    base, args, files, expected = cached_build
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        shutil.copytree(base, out, symlinks=True)
        for rel in data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3, unique=True)):
            path, how = out / rel, data.draw(DAMAGE)
            raw = path.read_bytes()
            if how == "truncate":
                path.write_bytes(raw[: data.draw(st.integers(0, max(len(raw) - 1, 0)))])
            elif how == "empty":
                path.write_bytes(b"")
            elif how == "garbage":
                path.write_bytes(raw + bytes(data.draw(st.binary(min_size=1, max_size=64))))
            elif how == "flip" and raw:
                i = data.draw(st.integers(0, len(raw) - 1))
                path.write_bytes(raw[:i] + bytes([raw[i] ^ 0xFF]) + raw[i + 1:])
            elif how == "swap_svg_text":  # an edited chart: its words must never reach the report
                path.write_bytes(re.sub(rb">([^<>]{1,40})</text>", b">TAMPERED</text>", raw))
            elif how == "directory":
                path.unlink()
                path.mkdir()
            elif how == "dev_zero":
                path.unlink()
                path.symlink_to("/dev/zero")
            elif how == "remove":
                path.unlink()
        for name in expected:  # the outputs themselves are stale: everything must be made again
            (out / name).unlink()
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(args[:-1] + [str(out)])
        assert code == 0, err.getvalue()[-2000:]
        for name, data_ in expected.items():
            assert (out / name).read_bytes() == data_, name
