"""Cross-checks of a layout against a dataset: ids exist, selectors match, charts can be drawn, texts print."""
from __future__ import annotations

from typing import Any

from ..diagnostics import Collector, Location
from ..model import select
from ..model.dataset import Dataset, Text
from .breakdowns import ADDITIVE
from .assetcheck import check_assets
from .frameworkcheck import check_framework
from .hints import suggest
from .layoutmodel import Block, Layout


def check_against(layout: Layout, dataset: Dataset) -> Collector:
    """Cross-check a layout against a dataset: ids exist, selectors match, charts can be drawn."""
    from ..model import select

    diags = Collector()
    for sec in layout.sections:
        if sec.title is None and sec.pillar is None:
            diags.error(sec.origin, "a section needs a 'title' or a 'pillar'", "add title: {zh: …, en: …}")
        for blk in sec.blocks:
            opts = blk.options
            if blk.kind == "narrative" and opts["id"] not in dataset.narratives:
                diags.error(blk.origin, f"unknown narrative id '{opts['id']}'",
                            suggest(str(opts["id"]), list(dataset.narratives)) or "use an id from the Narrative sheet")
            if blk.kind == "breakdown":
                _check_breakdown(blk, dataset, diags)
            for ident in opts.get("indicators", []):
                if ident not in dataset.indicators:
                    diags.error(blk.origin, f"unknown indicator id '{ident}'",
                                suggest(str(ident), list(dataset.indicators)) or "use an id from the Indicators sheet")
            selector = opts.get("select") if blk.kind in ("kpi_table", "chart", "cards") else \
                opts if blk.kind == "narratives" else None
            if selector is None:
                if blk.kind == "chart":
                    _check_chart_data(blk, dataset, diags)
                continue
            found = select.narratives(dataset, selector) if blk.kind == "narratives" else \
                select.chart_indicators(dataset, opts) if blk.kind == "chart" else select.indicators(dataset, opts)
            if not found:
                what = " and ".join(f"{k} '{v}'" for k, v in selector.items() if k != "headings") or "everything"
                diags.warning(blk.origin, f"{blk.kind} selects nothing ({what}) and is left out",
                              "check the selector, or remove the block")
            elif blk.kind == "chart":
                _check_chart_data(blk, dataset, diags)
    back = layout.back_cover.get("narrative")
    if layout.back_cover.get("show") and back is not None and back not in dataset.narratives:
        diags.error(layout.back_cover_origin, f"unknown narrative id '{back}'",
                    suggest(str(back), list(dataset.narratives)) or "use an id from the Narrative sheet")
    elif layout.back_cover.get("show") and back is not None and "[^" in dataset.narratives[back].text.zh + \
            dataset.narratives[back].text.en:
        diags.error(layout.back_cover_origin, f"the back cover's narrative '{back}' has footnotes, which a cover "
                    "cannot print", "name a narrative without [^…] footnotes, or print this one in a chapter")
    check_framework(layout, dataset, diags)
    check_assets(layout, dataset, diags)
    _check_layout_glyphs(layout, diags)
    return diags


def _check_layout_glyphs(layout: Layout, diags: Collector) -> None:
    """Every text the layout itself prints must be printable in the shipped fonts."""
    from .. import fonts

    def check(text: Any, loc: Location) -> None:
        if isinstance(text, dict):
            text = "".join(str(v) for v in text.values())
        elif isinstance(text, Text):
            text = text.zh + text.en
        message = fonts.missing_glyphs_error(str(text), layout.fallback_font)
        if message:
            diags.error(loc, message, fonts.GLYPH_HINT)

    for sec in layout.sections:
        if sec.title:
            check(sec.title, sec.origin)
        for blk in sec.blocks:
            for key in ("title", "text"):
                if isinstance(blk.options, dict) and key in blk.options:
                    check(blk.options[key], blk.origin)
    if layout.title is not None:
        check(layout.title, Location(layout.path))
    for part in (layout.header, layout.footer):
        if "text" in part:
            check(part["text"], Location(layout.path))


def _check_breakdown(blk: Block, dataset: Dataset, diags: Collector) -> None:
    opts = blk.options
    if "indicator" not in opts:
        if "select" not in opts:
            diags.error(blk.origin, "a breakdown needs an 'indicator' or a 'select'",
                        "e.g. breakdown: {indicator: workforce} or breakdown: {select: {hkex: B1.1}}")
        else:  # a selection prints the breakdowns the workbook has, or nothing
            for ind in select.indicators(dataset, opts):
                if ind.breakdowns:
                    _check_breakdown_chart(blk, ind, dataset, diags)
        return
    ind = dataset.indicators.get(opts["indicator"])
    if ind is None:
        diags.error(blk.origin, f"unknown indicator id '{opts['indicator']}'",
                    suggest(str(opts["indicator"]), list(dataset.indicators)) or "use an id from the Indicators sheet")
        return
    for dim in opts.get("dimensions", []):
        if dim not in dataset.dimensions:
            diags.error(blk.origin, f"unknown dimension '{dim}'",
                        suggest(str(dim), list(dataset.dimensions)) or "declare it on the sheet '维度 Dimensions'")
        elif not any(b.dimension == dim for b in ind.breakdowns):
            diags.warning(blk.origin, f"'{ind.id}' has no breakdown by '{dim}'", "add its rows to the Breakdowns sheet")
    if not ind.breakdowns:
        diags.warning(blk.origin, f"'{ind.id}' has no breakdown: the block prints nothing",
                      "add its rows to the sheet '细分 Breakdowns'")
    _check_breakdown_chart(blk, ind, dataset, diags)


def _check_breakdown_chart(blk: Block, ind, dataset: Dataset, diags: Collector) -> None:
    """A breakdown drawn as a chart: stacked only where the parts add up; at most
    ``MAX_CHART_ITEMS`` categories (or years) to label."""
    kind = blk.options.get("chart")
    if kind is None:
        return
    if kind == "stacked" and ind.unit.kind not in ADDITIVE:
        diags.error(blk.origin, f"a stacked chart of '{ind.id}' ({ind.unit.kind}) would add up parts that do not add up",
                    "use chart: grouped for shares and rates, or a table (no chart:)")
    for dim in {b.dimension for b in ind.breakdowns}:
        n = len({b.category for b in ind.breakdowns if b.dimension == dim})
        if n > MAX_CHART_ITEMS:
            diags.error(blk.origin, f"a chart of '{ind.id}' by '{dim}' has {n} categories, more than "
                                    f"{MAX_CHART_ITEMS} can be labelled", "list fewer dimensions, or use a table")


MAX_CHART_ITEMS = 24  # bars, slices or lines a chart can label legibly at the theme's small size


def _check_chart_data(blk: Block, dataset: Dataset, diags: Collector) -> None:
    from ..model import select

    inds = select.chart_indicators(dataset, blk.options)
    kind, series = blk.options["kind"], blk.options.get("series", "value")
    for ind in inds:
        if select.chartable(ind, kind, series):
            continue
        if kind == "progress":
            diags.error(blk.origin, f"a progress chart needs a value and a target; '{ind.id}' lacks one",
                        f"fill in {ind.cell('value')} and {ind.cell('target_value')}, or choose another kind")
        elif kind in ("grouped_bar", "line"):
            diags.error(blk.origin, f"a {kind.replace('_', ' ')} chart needs values for two or more years; "
                        f"'{ind.id}' has {len(ind.series())}", "add its earlier years to the Periods sheet")
        elif series == "target":
            diags.error(blk.origin, f"a chart of targets needs a target; '{ind.id}' has none",
                        f"fill in {ind.cell('target_value')}")
        else:
            diags.error(blk.origin, f"a bar chart needs numbers; '{ind.id}' has none", f"see {ind.cell('value')}")
    if len(inds) > MAX_CHART_ITEMS:
        diags.error(blk.origin, f"a chart of {len(inds)} indicators is too big to label: at most "
                                f"{MAX_CHART_ITEMS} fit", "narrow the selection (select: {topic: …}) or use a kpi_table")
    if kind != "progress" and len({i.unit.id for i in inds}) > 1:
        diags.error(blk.origin, f"a {kind.replace('_', ' ')} chart shows one kind of quantity: its indicators "
                                f"must share one unit (a share and a reduction, say, are different quantities)",
                    ", ".join(f"{i.id}: {i.unit.id}" for i in inds) + "; make one chart per unit")
