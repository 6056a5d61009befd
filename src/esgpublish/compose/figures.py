"""Compose figures: a chart block and its indicators → ``ir.Figure`` (the chart's spec,
drawn later by ``charts``, with its caption and alt text)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import ir
from ..model.dataset import Indicator, Lang, Text, is_chinese
from ..read.layout import Block
from . import localize, measure, styles, typography
from .lines import origins
from .tables import caption, figure_or_gap
from .words import word

if TYPE_CHECKING:
    from .document import Composer

LABEL_SHARE = 0.4  # the most of a chart's width a label takes; longer names are shortened with "…"


def nice_ticks(top: float, most: int = 5) -> tuple[float, ...]:
    """0 … ``top`` → at most ``most`` ticks 0, s, 2s, … with s a 1, 2, 2.5 or 5 times a power of ten."""
    import math

    if not math.isfinite(top) or top <= 0:
        return (0.0,)
    power = 10 ** math.floor(math.log10(top / (most - 1)))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if int(top / (m * power) + 1e-9) + 1 <= most)
    return tuple(round(k * step, 10) for k in range(int(top / step + 1e-9) + 1))


def _progress(ind: Indicator) -> tuple[float, float]:
    """An indicator → (progress, goal) for a progress bar. A target below where the indicator
    started (its baseline, else its first reported year) is a reduction: the bar measures the cut
    made against the cut aimed at (8,070 → 7,230 of 8,070 → 6,000 is 41 %), never the value over
    the target (7,230 / 6,000 would draw a full bar for a target not met)."""
    value, target = float(ind.value), float(ind.target_value)
    series = ind.series()
    start = ind.baseline_value if ind.baseline_value is not None else \
        series[0].value if len(series) > 1 and isinstance(series[0].value, (int, float)) else None
    if start is not None and target < float(start):
        return max(0.0, float(start) - value), float(start) - target
    return value, target


def figure(self: "Composer", blk: Block, inds: list[Indicator]) -> ir.Figure:
    """Chart block + its indicators → a figure: the chart's spec, caption and alt text."""
    opts = blk.options
    theme = self.layout.theme
    title = self.layout_text(opts["title"]) if "title" in opts else self.text_of(
        lambda l: ("、" if is_chinese(l) else ", ").join(i.name.get(l) for i in inds))
    series = opts.get("series", "value")
    if opts["kind"] == "progress":  # bars measure the way to the target (of a reduction: from its start)
        values, targets = zip(*(_progress(i) for i in inds)) if inds else ((), ())
        value_labels = tuple(_joined(self, i, "value", sep="\n") for i in inds)  # languages stacked
        target_labels = tuple("\n".join(f"{word('target', l)}{word('pair_sep', l)}{self.value_text(i, 'target', l)}"
                                         for l in self.langs) for i in inds)
    else:
        attr = "target" if series == "target" else "value"
        values = tuple(float(i.target_value if series == "target" else i.value) for i in inds) \
            if opts["kind"] in ("bar", "donut") else ()
        value_labels = tuple(_joined(self, i, attr, with_unit=i.unit.kind not in ("count",)) for i in inds) \
            if values else ()
        targets, target_labels = tuple(None for _ in inds), ()
        if opts["kind"] == "donut" and inds[0].unit.kind != "change":  # the total, in the middle
            total = sum(values)
            target_labels = (word("lang_sep", self.langs[0]).join(dict.fromkeys(
                localize.quantity(total, inds[0].unit, None, l, with_unit=inds[0].unit.kind != "count")
                for l in self.langs)),)
    periods, matrix, matrix_labels = (), (), ()
    if opts["kind"] in ("grouped_bar", "line"):
        years = sorted({p.period for i in inds for p in i.series()})
        periods = tuple(self.period(y, self.langs[0]) for y in years)
        by_year = [{p.period: p for p in i.series()} for i in inds]
        matrix = tuple(tuple(float(b[y].value) if y in b else None for y in years) for b in by_year)
        power = [self.scales(i, (p.value for p in b.values())) for i, b in zip(inds, by_year)]
        matrix_labels = tuple(tuple(
            word("lang_sep", self.langs[0]).join(dict.fromkeys(
                localize.quantity(b[y].value, i.unit, b[y].qualifier, l, with_unit=False, power=pw[l],
                                  decimals=self.decimals(i))
                for l in self.langs)) if y in b else "" for y in years)
            for i, b, pw in zip(inds, by_year, power))
    size = theme.fonts["small"]
    room = theme.chart_size_mm[0] * styles.MM * LABEL_SHARE  # a label never takes more of the chart's width
    label_lines = tuple(_label(self, i, series, size, room) for i in inds)
    labels = tuple("\n".join(lines) for lines in label_lines)
    subtitle = tuple(s for s in (_chart_subtitle(self, inds, series, l) for l in self.langs) if s)
    lang_sep = word("lang_sep", self.langs[0])
    shares, legend, ticks, centre = (), (), (), ""
    if opts["kind"] == "progress":  # a share only where asked and both figures are exact
        shares = tuple(f"{v / t:.0%}" if t and opts.get("share") and i.qualifier is None
                       and i.target_qualifier is None else "" for v, t, i in zip(values, targets, inds))
    elif opts["kind"] == "donut":
        total = sum(values)
        sep = word("pair_sep", self.langs[0])
        legend = tuple(f"{lang_sep.join(lines)}{sep}{vl} ({v / total if total else 0:.0%})"
                       for lines, vl, v in zip(label_lines, value_labels, values))
        centre, target_labels = (target_labels[0] if target_labels else ""), ()
    elif opts["kind"] == "line":
        legend = tuple(lang_sep.join(lines) for lines in label_lines) if len(inds) > 1 else ()
        top = max((v for row in matrix for v in row if v is not None), default=1.0) * 1.25
        ticks = localize.axis(nice_ticks(top), self.langs[0],
                              percent=all(i.unit.kind in ("percent", "change") for i in inds))
    spec = ir.ChartSpec(
        kind=opts["kind"], title=tuple(title.get(l) for l in self.langs), subtitle=subtitle,
        labels=labels, values=values, value_labels=value_labels, targets=targets,
        target_labels=target_labels, text_color=theme.colors["text"],
        # colour encodes a series (years, lines, slices) and then has a legend; else one colour
        palette=theme.palette if opts["kind"] in ("grouped_bar", "line", "donut") else theme.palette[:1],
        muted_color=theme.colors["muted"], font_size=theme.fonts["small"], size_mm=theme.chart_size_mm,
        shares=shares, legend=legend, ticks=ticks, centre=centre,
        periods=periods, matrix=matrix, matrix_labels=matrix_labels,
        fallback_font=str(self.layout.fallback_font) if self.layout.fallback_font else None,
        font=styles.cjk_family(self.langs))
    self.charts.append(spec)
    self.n_figures += 1
    alt = tuple(ir.Span(_alt(self, spec, inds, l, series), l, origins(blk.origin)) for l in self.langs)
    block = theme.spacing["block"]
    width = min(theme.chart_size_mm[0] * styles.MM, self.page.frame_width)
    return ir.Figure(spec, caption(self, "figure", self.n_figures, title, blk.origin), alt, width, blk.origin,
                     f"f{self.n_figures}", block * 0.5, block)


def _joined(self: "Composer", ind: Indicator, attr: str, with_unit: bool = True, sep: str | None = None) -> str:
    """An attribute in each language, the same text once, joined by ``sep`` (default: the catalogue's)."""
    sep = word("lang_sep", self.langs[0]) if sep is None else sep
    return sep.join(dict.fromkeys(self.value_text(ind, attr, l, with_unit=with_unit) for l in self.langs))

def _label(self: "Composer", ind: Indicator, series: str, size: float, room: float) -> tuple[str, ...]:
    """An indicator's label, one line per language: its short name (workbook columns
    short_zh, short_en) or its name, shortened with an ellipsis to ``room`` points (a
    target's year is kept); never wrapped into fragments."""
    out = []
    name = ind.short or ind.name
    for l in self.langs:
        suffix = ""
        if series == "target" and ind.target_year:
            by = word("by_year", l, year=ind.target_year)
            suffix = f"（{by}）" if is_chinese(l) else f" ({by})"
        out.append(measure.shorten(typography.refine(name.get(l), l), l, size, room, fallback=self.fallback,
                                   suffix=suffix))
    return tuple(out)


def _chart_subtitle(self: "Composer", inds: list[Indicator], series: str, lang: Lang) -> str:
    parts = []
    units = {i.unit.id for i in inds}
    if len(units) == 1 and inds[0].unit.kind in ("count", "currency", "ratio"):
        parts.append(f"{word('unit', lang)}{word('pair_sep', lang)}{inds[0].unit.get(lang)}")
    if series == "target":
        parts.append(word("target_values", lang))
        if all(i.unit.kind == "change" and i.baseline_year for i in inds) and len({i.baseline_year for i in inds}) == 1:
            parts.append(word("vs_year", lang, year=self.period(inds[0].baseline_year, lang)))
        return word("subtitle_sep", lang).join(parts)
    as_of = {i.as_of for i in inds}
    base = {i.baseline_year for i in inds}
    if len(as_of) == 1 and None not in as_of:
        sep = "" if is_chinese(lang) else " "
        parts.append(f"{word('as_of', lang)}{sep}{localize.date(inds[0].as_of, lang)}")
    if len(base) == 1 and None not in base and all(i.unit.kind == "change" for i in inds):
        parts.append(word("vs_year", lang, year=self.period(inds[0].baseline_year, lang)))
    return word("subtitle_sep", lang).join(parts)

def _alt(self: "Composer", spec: ir.ChartSpec, inds: list[Indicator], lang: Lang, series: str) -> str:
    title = spec.title[self.langs.index(lang)]
    if spec.kind == "progress":
        ind = inds[0]
        value, target = self.value_text(ind, "value", lang), self.value_text(ind, "target", lang)
        if spec.shares and spec.shares[0]:
            return word("chart_alt_progress", lang, title=title, value=value, target=target, share=spec.shares[0])
        return word("chart_alt_progress_plain", lang, title=title, value=value, target=target)
    if spec.kind in ("grouped_bar", "line"):
        items = word("list_sep", lang).join(
            f"{i.name.get(lang)}{word('pair_sep', lang)}" + word("list_sep", lang).join(
                f"{word('year_value', lang, year=self.period(p.period, lang), value=localize.quantity(p.value, i.unit, p.qualifier, lang))}"
                for p in i.series()) for i in inds)
        return word("chart_alt_bar", lang, title=title, items=items)
    attr = "target" if series == "target" else "value"
    items = word("list_sep", lang).join(
        f"{i.name.get(lang)}{word('pair_sep', lang)}{self.value_text(i, attr, lang)}" for i in inds)
    return word("chart_alt_bar", lang, title=title, items=items)


MIN_SEGMENT_LABEL = 4.0  # points of room around a stacked segment's label, else it is left out
PLOT_SHARE = 0.7  # the share of a chart's width the bars take (the rest: year labels, totals)


def breakdown_figure(self: "Composer", blk: Block, ind: Indicator, dim_id: str) -> ir.Figure | None:
    """An indicator by one dimension → a chart: ``stacked`` (a bar per year, a segment per
    category, the total at its end) or ``grouped`` (a bar per category and year). Colour
    encodes the category (stacked) or the year (grouped), with a legend; withheld values
    (不适用, 未披露) draw nothing and are named in the alt text."""
    dim = self.ds.dimensions[dim_id]
    parts = [b for b in ind.breakdowns if b.dimension == dim_id]
    years = sorted({b.period for b in parts})
    cats = [cat for cat in dim.categories if any(b.category == cat for b in parts)]
    if not years or not cats:
        return None
    opts, theme = blk.options, self.layout.theme
    stacked = opts.get("chart") == "stacked"
    by_key = {(b.period, b.category): b for b in parts}
    places = self.decimals(ind)
    totals = [sum(by_key[(y, c)].value for c in cats if (y, c) in by_key) for y in years]
    power = self.scales(ind, [b.value for b in parts] + (totals if stacked else []))
    lang_sep = word("lang_sep", self.langs[0])

    def text(value: float, qualifier=None) -> str:
        return lang_sep.join(dict.fromkeys(localize.quantity(value, ind.unit, qualifier, l, with_unit=False,
                                                             power=power[l], decimals=places) for l in self.langs))

    size = theme.fonts["small"]
    room = theme.chart_size_mm[0] * styles.MM * LABEL_SHARE
    names = tuple(lang_sep.join(measure.shorten(dim.categories[c].get(l), l, size, room, fallback=self.fallback)
                                for l in self.langs) for c in cats)
    periods = tuple(self.period(y, self.langs[0]) for y in years)
    matrix = tuple(tuple(float(by_key[(y, c)].value) if (y, c) in by_key else None for y in years) for c in cats)
    plot = theme.chart_size_mm[0] * styles.MM * PLOT_SHARE
    top = max(totals if stacked else [v for row in matrix for v in row if v is not None], default=0) or 1

    def label(y_index: int, c_index: int) -> str:
        b = by_key.get((years[y_index], cats[c_index]))
        if b is None:
            return ""
        shown = text(b.value, b.qualifier)
        if stacked and measure.width(shown, self.langs[0], size, fallback=self.fallback) + 2 * MIN_SEGMENT_LABEL \
                > b.value / top * plot:
            return ""  # too narrow a segment: the legend and the table carry it
        return shown

    labels = tuple(tuple(label(j, i) for j in range(len(years))) for i in range(len(cats)))
    title = self.layout_text(opts["title"]) if "title" in opts else \
        self.text_of(lambda l: f"{ind.name.get(l)}（按{dim.name.get(l)}）" if is_chinese(l)
                     else f"{ind.name.en} by {dim.name.en.lower()}")
    unit = tuple(f"{word('unit', l)}{word('pair_sep', l)}{ind.unit.get(l)}" for l in self.langs) \
        if ind.unit.kind in ("count", "currency", "ratio") else ()
    spec = ir.ChartSpec(
        kind="stacked_bar" if stacked else "grouped_bar", title=tuple(title.get(l) for l in self.langs),
        subtitle=unit, labels=periods if stacked else names, values=tuple(totals) if stacked else (),
        value_labels=tuple(text(t) for t in totals) if stacked else (), targets=(), target_labels=(),
        text_color=theme.colors["text"], palette=theme.palette, muted_color=theme.colors["muted"],
        font_size=size, size_mm=theme.chart_size_mm, legend=names if stacked else (),
        periods=periods, matrix=matrix, matrix_labels=labels,
        fallback_font=str(self.layout.fallback_font) if self.layout.fallback_font else None,
        font=styles.cjk_family(self.langs))
    self.charts.append(spec)
    self.n_figures += 1
    alt = tuple(ir.Span(word("chart_alt_bar", l, title=title.get(l), items=word("list_sep", l).join(
        f"{dim.categories[c].get(l)}{word('pair_sep', l)}" + word("list_sep", l).join(
            word("year_value", l, year=self.period(y, l), value=figure_or_gap(by_key.get((y, c)) or ind.gap(y, dim_id, c),
                                                                             ind, l, power[l], places))
            for y in years) for c in cats)), l, origins(blk.origin)) for l in self.langs)
    block = theme.spacing["block"]
    width = min(theme.chart_size_mm[0] * styles.MM, self.page.frame_width)
    return ir.Figure(spec, caption(self, "figure", self.n_figures, title, blk.origin), alt, width, blk.origin,
                     f"f{self.n_figures}", block * 0.5, block)
