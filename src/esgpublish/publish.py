"""The pipeline: workbook + layout → validated inputs → per edition: IR → charts → files.

``load_inputs`` runs stages 1–2 and the cross-checks and returns every diagnostic;
``publish`` stops before rendering when any is an error, then composes each edition,
draws its charts (cached) and renders each format, writing every file atomically.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import fonts
from .atomic import write_atomic
from .diagnostics import Collector, Diagnostic, InputError, Location
from .layout import EDITION_LANGS, EDITIONS, Layout, check_against, load_layout
from .model import Dataset

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Inputs:
    dataset: Dataset
    layout: Layout


@dataclass
class Result:
    outputs: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    charts_drawn: int = 0
    charts_cached: int = 0


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working directory where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class _Clock:
    def __init__(self, timings: dict[str, float]):
        self.timings = timings

    def __call__(self, name: str):
        clock = self

        class _Ctx:
            def __enter__(self):
                self.t = time.perf_counter()

            def __exit__(self, *exc):
                clock.timings[name] = clock.timings.get(name, 0.0) + time.perf_counter() - self.t
        return _Ctx()


def load_inputs(workbook: Path, layout_path: Path, timings: dict[str, float] | None = None) -> tuple[Inputs | None, Collector]:
    """Stages 1–2: read and validate both inputs and check them against each other."""
    from .workbook import read_workbook

    clock = _Clock(timings if timings is not None else {})
    diags = Collector()
    with clock("read+validate layout"):
        layout, layout_diags = load_layout(layout_path, display_path(layout_path))
    # the languages the layout publishes: a text missing in another language is no error
    langs = tuple(sorted({l for e in (layout.editions if layout else EDITIONS) for l in EDITION_LANGS[e]}))
    with clock("read+validate workbook"):
        dataset, wb_diags = read_workbook(workbook, display_path(workbook), langs)
    diags.extend(wb_diags)
    diags.extend(layout_diags)
    if dataset is None or layout is None:
        return None, diags
    diags.extend(check_against(layout, dataset))
    diags.extend(check_glyphs(dataset, layout.fallback_font))
    if not diags.ok:
        return None, diags
    return Inputs(dataset, layout), diags


def check_glyphs(dataset: Dataset, fallback: Path | None = None) -> Collector:
    """Every workbook text is printable in the shipped fonts (or the layout's fallback font);
    a missing glyph is located at its cell."""
    diags = Collector()

    def check(text: str | None, loc: Location) -> None:
        if not text:
            return
        message = fonts.missing_glyphs_error(text, fallback)
        if message:
            diags.error(loc, message, fonts.GLYPH_HINT)

    meta = dataset.meta
    for key, loc in meta.origins.items():
        value = getattr(meta, key)
        if hasattr(value, "zh"):
            check(value.zh, loc)
            check(value.en, meta.en_origins.get(key, loc))
    for ind in dataset.indicators.values():
        check(ind.name.zh, ind.cell("name_zh"))
        check(ind.name.en, ind.cell("name_en"))
        if isinstance(ind.value, str):
            check(ind.value, ind.cell("value"))
        if ind.note:
            check(ind.note.zh, ind.cell("note_zh"))
            check(ind.note.en, ind.cell("note_en"))
    for unit in dataset.units.values():
        check(unit.zh + unit.en, Location(dataset.path, "单位 Units"))
    for topic in dataset.topics.values():
        check(topic.name.zh + topic.name.en, Location(dataset.path, "议题 Topics"))
    for nar in dataset.narratives.values():
        check(nar.text.zh, nar.origins["zh"])
        check(nar.text.en, nar.origins["en"])
    return diags


def publish(workbook: Path, layout_path: Path, outdir: Path, editions: tuple[str, ...] = EDITIONS,
            formats: tuple[str, ...] = FORMATS, cache_dir: Path | None = None,
            log: Callable[[str], None] | None = None, embed_full_fonts: bool = False,
            jobs: int | None = None) -> Result:
    """Inputs → output files; raises ``InputError`` with every diagnostic on bad input.

    Charts and documents are produced in parallel on ``jobs`` processes (default: the
    available cores); charts and font subsets are cached under ``cache_dir``
    (default ``OUTDIR/.cache``), so an unchanged chart is not drawn again."""
    result = Result()
    clock = _Clock(result.timings)
    inputs, diags = load_inputs(workbook, layout_path, result.timings)
    result.diagnostics = diags.items
    if inputs is None:
        raise InputError(diags.items)
    from .compose import compose

    cache = cache_dir or outdir / ".cache"
    editions = tuple(e for e in editions if e in inputs.layout.editions)
    with clock("compose"):
        documents = {e: compose(inputs.dataset, inputs.layout, e) for e in editions}
    from .charts import cached_chart

    specs = list({spec.key: spec for doc in documents.values() for spec in doc.charts}.values())
    drawn = {s.key: cached_chart(s, cache / "charts") for s in specs}
    to_draw = [s for s in specs if drawn[s.key] is None]
    tasks = [(e, f) for e in editions for f in formats]
    # one set of characters for every DOCX: each face is subset once, in parallel with the charts
    font_chars = frozenset().union(*(d.text_chars() for d in documents.values())) if "docx" in formats else None
    subsets = [("font", style, font_chars, cache / "fonts") for style in ("regular", "bold", "latin", "latin-bold")
               if font_chars and not embed_full_fonts
               and not fonts.subset_path(fonts.faces()[style], font_chars, cache / "fonts").is_file()]
    with clock("import"):
        _preload(formats, bool(to_draw))  # matplotlib only when a chart is to be drawn
    with _executor(jobs, max(len(to_draw) + len(subsets), len(tasks))) as pool:
        with clock("charts and font subsets"):
            if to_draw or subsets:
                done = pool.map(_draw, [("chart", s, cache / "charts") for s in to_draw] + subsets)
                drawn.update(zip((s.key for s in to_draw), done))
        result.charts_drawn = len(to_draw)
        result.charts_cached = len(specs) - len(to_draw)
        with clock("render"):
            work = [(documents[e], f, {s.key: drawn[s.key] for s in documents[e].charts}, embed_full_fonts,
                     cache / "fonts", font_chars) for e, f in tasks]
            outputs = list(pool.map(_render, work))
    for (_, fmt), (_, seconds) in zip(tasks, outputs):
        result.timings[f"render {fmt} (cpu)"] = result.timings.get(f"render {fmt} (cpu)", 0.0) + seconds
    with clock("write"):
        for (edition, fmt), (data, _) in zip(tasks, outputs):
            path = outdir / f"{workbook.stem}-{inputs.layout.name}-{edition}.{fmt}"
            write_atomic(path, data)
            result.outputs.append(path)
    if log:
        log(f"charts: {result.charts_drawn} drawn, {result.charts_cached} from cache")
    return result


def _preload(formats: tuple[str, ...], charts: bool) -> None:
    """Import and set up the heavy libraries once, before worker processes are forked."""
    if charts:
        from .charts import _setup

        _setup()
    if "pdf" in formats:
        from .render.pdf import _register_fonts

        _register_fonts()
    if "docx" in formats:
        import docx  # noqa: F401


def _draw(args):
    """A pool task: draw one chart, or subset one face (into the cache)."""
    if args[0] == "font":
        _, style, chars, cache = args
        fonts.subset_bytes(fonts.faces()[style], set(chars), cache)
        return None
    from .charts import render_chart

    _, spec, cache = args
    return render_chart(spec, cache)


def _render(args) -> tuple[bytes, float]:
    document, fmt, charts, embed_full_fonts, font_cache, font_chars = args
    start = time.process_time()
    if fmt == "pdf":
        from .render.pdf import render_pdf

        data = render_pdf(document, charts)
    else:
        from .render.docx import render_docx

        data = render_docx(document, charts, embed_full_fonts, font_cache, font_chars)
    return data, time.process_time() - start


class _Serial:
    """The executor interface, in this process (one core, one task, or no fork)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, items):
        return [fn(item) for item in items]


def _executor(jobs: int | None, tasks: int):
    """A pool of forked worker processes, or a serial stand-in where that gains nothing."""
    import multiprocessing
    import os

    if not jobs:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if jobs <= 1 or tasks <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _Serial()
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=min(jobs, tasks), mp_context=multiprocessing.get_context("fork"))
