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
    diags.extend(check_glyphs(dataset))
    if not diags.ok:
        return None, diags
    return Inputs(dataset, layout), diags


def check_glyphs(dataset: Dataset) -> Collector:
    """Every workbook text is printable in the shipped fonts; a missing glyph is located at its cell."""
    diags = Collector()

    def check(text: str | None, loc: Location) -> None:
        if not text:
            return
        missing = fonts.missing_chars(text)
        if missing:
            names = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
            diags.error(loc, f"no glyph in {fonts.FAMILY} or {fonts.LATIN_FAMILY} for {names}",
                        "replace the character; the report's font cannot print it and would show a box")

    meta = dataset.meta
    for key, loc in meta.origins.items():
        value = getattr(meta, key)
        if hasattr(value, "zh"):
            check(value.zh, loc)
            check(value.en, Location(loc.file, loc.sheet, _next_col(loc.cell)))
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


def _next_col(cell: str | None) -> str | None:
    if not cell:
        return cell
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = cell[len(letters):]
    return chr(ord(letters[-1]) + 1) + digits if len(letters) == 1 and letters < "Z" else cell


def publish(workbook: Path, layout_path: Path, outdir: Path, editions: tuple[str, ...] = EDITIONS,
            formats: tuple[str, ...] = FORMATS, cache_dir: Path | None = None,
            log: Callable[[str], None] | None = None, embed_full_fonts: bool = False) -> Result:
    """Inputs → output files; raises ``InputError`` with every diagnostic on bad input."""
    result = Result()
    clock = _Clock(result.timings)
    inputs, diags = load_inputs(workbook, layout_path, result.timings)
    result.diagnostics = diags.items
    if inputs is None:
        raise InputError(diags.items)
    from .charts import render_chart
    from .compose import compose

    cache_dir = cache_dir or outdir / ".cache" / "charts"
    stem = workbook.stem
    rendered: list[tuple[Path, bytes]] = []
    for edition in (e for e in editions if e in inputs.layout.editions):
        with clock("compose"):
            document = compose(inputs.dataset, inputs.layout, edition)
        with clock("charts"):
            charts = {}
            for spec in document.charts:
                files = render_chart(spec, cache_dir)
                charts[spec.key] = files
                if files.cached:
                    result.charts_cached += 1
                else:
                    result.charts_drawn += 1
        base = outdir / f"{stem}-{inputs.layout.name}-{edition}"
        if "pdf" in formats:
            from .render.pdf import render_pdf

            with clock("render pdf"):
                rendered.append((base.with_suffix(".pdf"), render_pdf(document, charts)))
        if "docx" in formats:
            from .render.docx import render_docx

            with clock("render docx"):
                rendered.append((base.with_suffix(".docx"), render_docx(document, charts, embed_full_fonts)))
    with clock("write"):
        for path, data in rendered:
            write_atomic(path, data)
            result.outputs.append(path)
    if log:
        log(f"charts: {result.charts_drawn} drawn, {result.charts_cached} from cache")
    return result
