"""The pipeline: workbook + layout → validated inputs → per edition: IR → charts → files.

``load_inputs`` runs stages 1–2 and the cross-checks and returns every diagnostic;
``publish`` stops before rendering when any is an error, then composes each edition,
draws its charts (cached) and renders each format, writing every file atomically.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .. import fonts
from ..atomicfile import clear_cache_entry
from . import provenance, uptodate
from .atomic import Interrupted, failure, os_failure, output_path, prepare, write_set
from ..diagnostics import Collector, Diagnostic, InputError, Location
from ..read.layout import EDITION_LANGS, EDITIONS, Layout, check_against, editions_made, load_layout
from ..read.layoutspec import DERIVED_EDITIONS
from ..model.dataset import Dataset

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
    up_to_date: int = 0  # outputs not rendered again: made from the same inputs, unchanged since


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


def load_inputs(workbook: Path, layout_path: Path, timings: dict[str, float] | None = None,
                editions: tuple[str, ...] | None = None, list_hant: bool = False,
                names: tuple[str, str] | None = None) -> tuple[Inputs | None, Collector]:
    """Stages 1–2: read and validate both inputs and check them against each other, for the
    ``editions`` asked for (None: the layout's); for a Traditional edition, its text too
    (``list_hant``: a note per converted cell, else one in all). ``names``: how to show the
    workbook and the layout (default: their paths as typed)."""
    from ..read.workbook import read_workbook

    clock = _Clock(timings if timings is not None else {})
    diags = Collector()
    workbook_name, layout_name = names or (display_path(workbook), display_path(layout_path))
    with clock("read+validate layout"):
        layout, layout_diags = load_layout(layout_path, layout_name)
    # the languages the layout publishes: a text missing in another language is no error
    made = editions_made(layout.editions, editions) if layout else EDITIONS
    langs = tuple(sorted({l for e in made for l in EDITION_LANGS[e]}))
    hant = "zh_hant" in langs
    langs = tuple(sorted({"zh" if l == "zh_hant" else l for l in langs}))  # Traditional derives from zh
    plain = tuple(sorted({l for e in made if e not in DERIVED_EDITIONS for l in EDITION_LANGS[e]}))
    with clock("read+validate workbook"):
        dataset, wb_diags = read_workbook(workbook, workbook_name, langs)
    diags.extend(wb_diags)
    diags.extend(layout_diags)
    if dataset is None or layout is None:
        return None, diags
    diags.extend(check_against(layout, dataset))
    if plain or not hant:  # each edition's text against its own fonts
        diags.extend(check_glyphs(dataset, layout.fallback_font, plain or ("zh", "en")))
    if hant:
        from ..read import hant as hant_text

        diags.extend(hant_text.check(dataset, layout.fallback_font, list_hant))
        if "en" in langs and "en" not in plain:  # English beside Traditional: hanzi in it set in the HK face
            diags.extend(check_glyphs(dataset, layout.fallback_font, ("en",), fonts.HK_FAMILY))
    if not diags.ok:
        return None, diags
    return Inputs(dataset, layout), diags


def compose_all(inputs: Inputs, editions) -> tuple[dict[str, "ir.Document"], Collector]:
    """Each edition composed, and what cannot be laid out (``compose_checked``), once per place."""
    from ..compose.document import compose_checked

    documents, problems, seen = {}, Collector(), set()
    for e in editions:
        documents[e], found = compose_checked(inputs.dataset, inputs.layout, e)
        for d in found.items:  # one per place: the editions' words differ, the place does not
            if d.location not in seen:
                seen.add(d.location)
                problems.items.append(d)
    return documents, problems


def check_glyphs(dataset: Dataset, fallback: Path | None = None, langs: tuple[str, ...] = ("zh", "en"),
                 family: str = fonts.FAMILY) -> Collector:
    """Every workbook text in ``langs`` is printable in the shipped fonts (CJK: ``family``) or the
    layout's fallback font; a missing glyph is located at its cell. (Traditional text:
    ``read/hant.check``.)"""
    diags = Collector()

    def check(text: str | None, loc: Location, lang: str = "") -> None:
        if not text or (lang and lang not in langs):
            return
        message = fonts.missing_glyphs_error(text, fallback, family)
        if message:
            diags.error(loc, message, fonts.GLYPH_HINT)

    meta = dataset.meta
    for key, loc in meta.origins.items():
        value = getattr(meta, key)
        if hasattr(value, "zh"):
            check(value.zh, loc, "zh")
            check(value.en, meta.en_origins.get(key, loc), "en")
    for ind in dataset.indicators.values():
        check(ind.name.zh, ind.cell("name_zh"), "zh")
        check(ind.name.en, ind.cell("name_en"), "en")
        if isinstance(ind.value, str):
            check(ind.value, ind.cell("value"))
        if ind.note:
            check(ind.note.zh, ind.cell("note_zh"), "zh")
            check(ind.note.en, ind.cell("note_en"), "en")
    for unit in dataset.units.values():
        check("".join(t for t, l in ((unit.zh, "zh"), (unit.en, "en")) if l in langs), Location(dataset.path, "单位 Units"))
    for topic in dataset.topics.values():
        check("".join(topic.name.get(l) for l in ("zh", "en") if l in langs), Location(dataset.path, "议题 Topics"))
    for nar in dataset.narratives.values():
        check(nar.text.zh, nar.origins["zh"], "zh")
        check(nar.text.en, nar.origins["en"], "en")
    from ..read.assets import asset_texts

    for text, loc, lang in asset_texts(dataset):  # captions, alt texts, free tables, material topics
        check(text, loc, lang)
    return diags


@dataclass(frozen=True)
class Request:
    """What to publish: the inputs, where to, and how."""

    workbook: Path
    layout: Path
    outdir: Path
    editions: tuple[str, ...] | None = None  # None: every edition the layout lists
    formats: tuple[str, ...] = FORMATS
    cache_dir: Path | None = None
    embed_full_fonts: bool = False


def publish(workbook: Path, layout_path: Path, outdir: Path, editions: tuple[str, ...] | None = None,
            formats: tuple[str, ...] = FORMATS, cache_dir: Path | None = None,
            log: Callable[[str], None] | None = None, embed_full_fonts: bool = False,
            jobs: int | None = None) -> Result:
    """Inputs → output files; raises ``InputError`` with every diagnostic on bad input.

    Charts and documents are produced in parallel on ``jobs`` processes (default: the
    available cores); charts and font subsets are cached under ``cache_dir``
    (default ``OUTDIR/.cache``), so an unchanged chart is not drawn again."""
    request = Request(workbook, layout_path, outdir, editions, formats, cache_dir, embed_full_fonts)
    with Session(jobs) as session:
        result = session.build(request)
    if log:
        log(f"charts: {result.charts_drawn} drawn, {result.charts_cached} from cache")
    return result


class Session:
    """Builds that share worker processes. The workers are forked before the inputs are read
    and load the renderers while the workbook is read; a kept session (``keep=True``, for
    ``--watch``) keeps them, with matplotlib loaded too, so that the next build starts warm."""

    def __init__(self, jobs: int | None = None, keep: bool = False):
        self.jobs, self.keep = _cores(jobs), keep
        self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _executor(self, formats: tuple[str, ...]):
        if self._pool is None:
            self._pool = _executor(self.jobs, formats, self.keep)
        return self._pool

    def build(self, req: Request) -> Result:
        """One publish: inputs → validated → composed → charts → files (see ``publish``).

        Every file is rendered before any is written; then all are written as one set
        (``atomic.write_set``). Failures of the environment — the folder, the disk, a worker
        process — raise ``WriteError`` (exit 1) and Ctrl-C raises ``Interrupted`` naming
        what was changed."""
        result = Result()
        clock = _Clock(result.timings)
        committed: tuple[Path, ...] = ()
        try:
            try:
                pool = self._executor(req.formats)
                inputs, diags = load_inputs(req.workbook, req.layout, result.timings, req.editions)
                result.diagnostics = diags.items
                if inputs is None:
                    raise InputError(diags.items)
                paths = self._paths(req, inputs)
                cache = self._cache(req)
                prepare(req.outdir, [q for path in paths.values() for q in (path, provenance.sidecar_path(path))],
                        [cache / "outputs", cache / "charts", cache / "fonts"])
                files = self._produce(pool, req, inputs, paths, result, clock)
            except BrokenProcessPool:  # a worker died (killed, out of memory): the next build starts afresh
                self.close()
                raise failure("esgpublish", "a worker process ended unexpectedly (killed, or out of memory); "
                              "nothing was written", "publish again; if memory is short, try --jobs 1") from None
            finally:
                if not self.keep:
                    self.close()
            with clock("write"):
                from .uptodate import record, record_path

                # each output with its provenance record beside it, both with up-to-date records
                made = [(q, inputs_key, d) for path, inputs_key, data, sources in files if data is not None
                        for q, d in ((path, data), (provenance.sidecar_path(path), sources))]
                written = [(path, data) for path, _, data in made]
                records = [(record_path(cache, path), record(inputs_key, data)) for path, inputs_key, data in made]
                for path, _ in records:  # the cache is esgpublish's own: what is no file there goes
                    clear_cache_entry(path)
                write_set(written + records)
                committed = tuple(path for path, _ in written)
        except KeyboardInterrupt as exc:
            raise exc if isinstance(exc, Interrupted) else Interrupted(committed) from None
        except OSError as exc:
            raise os_failure(exc, req.outdir) from None
        result.up_to_date = sum(data is None for _, _, data, _ in files)
        result.outputs = [path for path, _, _, _ in files]
        return result

    @staticmethod
    def _paths(req: Request, inputs: Inputs) -> dict[tuple[str, str], Path]:
        """(edition, format) → its output file, every one made by ``atomic.output_path``."""
        editions = editions_made(inputs.layout.editions, req.editions)
        return {(e, f): output_path(req.outdir, f"{req.workbook.stem}-{inputs.layout.name}-{e}.{f}")
                for e in editions for f in req.formats}

    @staticmethod
    def _cache(req: Request) -> Path:
        return req.cache_dir or req.outdir / ".cache"

    def _is_current(self, cache: Path, path: Path, inputs_key: str) -> bool:
        """Whether an output is up to date (a batch's worker asks the caller's records instead)."""
        return uptodate.is_current(cache, path, inputs_key)

    def _produce(self, pool, req: Request, inputs: Inputs, paths: dict[tuple[str, str], Path], result: Result,
                 clock) -> list[tuple[Path, str, bytes | None, bytes | None]]:
        """→ (path, inputs' key, new bytes or None when the file is up to date, its provenance record) per output."""
        from ..charts.draw import cached_chart
        cache = self._cache(req)
        editions = editions_made(inputs.layout.editions, req.editions)
        with clock("compose"):
            documents, problems = compose_all(inputs, editions)
        if not problems.ok:
            raise InputError(result.diagnostics + problems.items)
        # one set of characters for every DOCX: each face is subset once, in parallel with the charts
        font_chars = (frozenset().union(*(d.text_chars() for d in documents.values()))
                      if "docx" in req.formats and not req.embed_full_fonts else None)
        wanted = [(e, f) for e in editions for f in req.formats]
        cells = provenance.catalogue(inputs.dataset)
        sources = {e: provenance.sources_of(documents[e], cells) for e in editions}
        keys = {t: provenance.key(uptodate.key(documents[t[0]], t[1], req.embed_full_fonts,
                                               font_chars if t[1] == "docx" else None), sources[t[0]])
                for t in wanted}
        stale = [t for t in wanted if not (self._is_current(cache, paths[t], keys[t]) and
                                           self._is_current(cache, provenance.sidecar_path(paths[t]), keys[t]))]
        needed = {e for e, _ in stale}
        specs = list({spec.key: spec for e in needed for spec in documents[e].charts}.values())
        drawn = {s.key: cached_chart(s, cache / "charts") for s in specs}
        to_draw = [s for s in specs if drawn[s.key] is None]
        cjk = sorted({style for d in documents.values() for style in fonts.cjk_styles(d.cjk_font)})
        subsets = [("font", style, font_chars, cache / "fonts") for style in (*cjk, "latin", "latin-bold")
                   if font_chars and any(f == "docx" for _, f in stale)
                   and not fonts.subset_path(fonts.faces()[style], font_chars, cache / "fonts").is_file()]
        # the longest documents first, and the charts they need before the others', so that
        # the cores finish together
        tasks = sorted(stale, key=lambda t: (-len(documents[t[0]].langs), t[1] != "pdf"))
        first_use: dict[str, int] = {}
        for e, _ in tasks:
            for spec in documents[e].charts:
                first_use.setdefault(spec.key, len(first_use))
        to_draw.sort(key=lambda s: first_use[s.key])
        with clock("charts, fonts and documents"):
            outputs = _run(pool, documents, tasks, to_draw, subsets, drawn, cache, req.embed_full_fonts,
                           font_chars, result.timings, {t: (paths[t].name, sources[t[0]]) for t in tasks}) if tasks else {}
        result.charts_drawn = len(to_draw)
        result.charts_cached = len(specs) - len(to_draw)
        return [(paths[t], keys[t], *outputs.get(t, (None, None))) for t in wanted]


def _run(pool, documents, tasks, to_draw, subsets, drawn, cache, embed_full_fonts, font_chars, timings,
         traced) -> dict:
    """Charts and font subsets first; each document as soon as what it needs is ready."""
    from concurrent.futures import FIRST_COMPLETED, wait

    font_jobs = {pool.submit(_draw, sub) for sub in subsets}  # first: every DOCX waits for them
    chart_jobs = {pool.submit(_draw, ("chart", s, cache / "charts")): s.key for s in to_draw}
    waiting, running, outputs, pages = list(tasks), {}, {}, {}
    pdf_pending = {e for e, f in tasks if f == "pdf"}  # a DOCX takes its contents' page numbers from its PDF
    while waiting or running:
        ready = [t for t in waiting if not (t[1] == "docx" and (font_jobs or t[0] in pdf_pending))
                 and all(drawn[s.key] is not None for s in documents[t[0]].charts)]
        for edition, fmt in ready:
            waiting.remove((edition, fmt))
            doc = documents[edition]
            work = (doc, fmt, {s.key: drawn[s.key] for s in doc.charts}, embed_full_fonts, cache / "fonts", font_chars,
                    pages.get(edition), traced[edition, fmt])
            running[pool.submit(_render, work)] = (edition, fmt)
        done, _ = wait(list(chart_jobs) + list(font_jobs) + list(running), return_when=FIRST_COMPLETED)
        for job in done:
            if job in chart_jobs:
                drawn[chart_jobs.pop(job)] = job.result()
            elif job in font_jobs:
                job.result()
                font_jobs.discard(job)
            else:
                data, seconds, heading_pages, sources = job.result()
                key = running.pop(job)
                outputs[key] = (data, sources)
                if key[1] == "pdf":
                    pages[key[0]] = heading_pages
                    pdf_pending.discard(key[0])
                name = f"render {key[1]} (cpu)"
                timings[name] = timings.get(name, 0.0) + seconds
    return outputs


def _cores(jobs: int | None) -> int:
    import os

    if jobs:
        return jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _worker_start(formats: tuple[str, ...], charts: bool) -> None:
    """A worker process starts: it leaves Ctrl-C to the main process (which stops the pool
    cleanly) and ends itself should the main process die; then it loads the renderers."""
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def end_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=end_with_parent, daemon=True).start()
    if formats:  # a DOCX needs its PDF's page numbers too
        from ..render.pdf import register_fonts

        register_fonts()
    if "docx" in formats:
        from ..render import docx  # noqa: F401
    if charts:
        from ..charts.draw import _setup

        _setup()


def _draw(args):
    """A pool task: draw one chart, or subset one face (into the cache)."""
    if args[0] == "font":
        _, style, chars, cache = args
        fonts.subset_bytes(fonts.faces()[style], set(chars), cache)
        return None
    from ..charts.draw import render_chart

    _, spec, cache = args
    return render_chart(spec, cache)


def _render(args) -> tuple[bytes, float, dict[str, int], bytes]:
    """A pool task: one document → its bytes, the CPU time, (a PDF's) the page of each heading
    and its provenance record (which a PDF also embeds). A DOCX rendered without its PDF's
    page numbers lays the PDF out first to learn them."""
    document, fmt, charts, embed_full_fonts, font_cache, font_chars, pages, (name, sources) = args
    start = time.process_time()
    from ..render.pdf import render_pdf_pages, render_pdf_traced

    if fmt == "pdf":
        attach = provenance.PdfAttach(name, document.edition, sources)
        data, pages, _ = render_pdf_traced(document, charts, attach)
        record = attach.data
    else:
        from ..render.docx import render_docx_traced

        if pages is None:
            pages = render_pdf_pages(document, charts)[1]
        data, placed = render_docx_traced(document, charts, embed_full_fonts, font_cache, font_chars, pages)
        record = provenance.record(name, document.edition, placed, sources)
    return data, time.process_time() - start, pages, record


class _Serial:
    """The executor interface, in this process (one job, or no fork)."""

    def submit(self, fn, *args):
        from concurrent.futures import Future

        future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed over as a pool would: raised by .result()
            future.set_exception(exc)
        return future

    def shutdown(self, *args, **kw) -> None:
        pass


def _executor(jobs: int, formats: tuple[str, ...] = FORMATS, charts: bool = False):
    """A pool of ``jobs`` forked worker processes, each loading the renderers as it starts;
    or a serial stand-in where that gains nothing (one job, or no fork)."""
    import multiprocessing

    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _Serial()
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start, initargs=(formats, charts))
