"""Compose the materiality matrix: each topic placed by its importance to the business (x)
and to stakeholders (y), and every label placed where it overlaps no other label and no
point, by a small deterministic placer measuring the words with the fonts' metrics
(``measure``). The chart stage only draws what is decided here."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .. import ir
from ..model.dataset import Text
from ..read.layout import Block
from . import measure, styles
from .lines import origins
from .tables import caption
from .words import pillar, word

if TYPE_CHECKING:
    from .document import Composer

WORDS = {
    "title": ("重要性矩阵", "Materiality matrix"),
    "x": ("对业务的重要性", "Importance to the business"),
    "y": ("对利益相关方的重要性", "Importance to stakeholders"),
    "alt": ("{title}：{items}。", "{title}: {items}."),
    "item": ("{name}（利益相关方{y}，业务{x}）", "{name} (stakeholders {y}, business {x})"),
}
HEIGHT_SHARE = 0.72  # the chart's height, as a share of its width
MARKER = 3.5  # points: a point's radius
PAD = 1.5  # points around a label's text
GAP = 1.0  # points kept free between boxes
LINE = 1.25  # a label's line height, in font sizes
LABEL_ROOM = 0.3  # the most of the plot's width a label line takes; longer names are shortened


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the plot's lower-left corner


def text_width(text: str, lang: str, size: float, fallback=None) -> float:
    """A chart label's width: charts set every word in the CJK face (its Latin glyphs too), the
    report's paragraphs Latin in the Latin face; the wider of the two, so that a box always holds its text."""
    from .. import fonts

    widths, default = measure._advances(fonts.faces()["regular"].path)
    in_chart = sum(widths.get(ord(ch), default) for ch in text) * size
    return max(in_chart, measure.width(text, lang, size, fallback=fallback))


def _w(key: str, lang: str) -> str:
    """One of the matrix's words in ``lang`` (Traditional: converted as the workbook's texts are)."""
    return Text(*WORDS[key]).get(lang)


def _overlap(a: Box, b: Box, gap: float = GAP) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _crosses(seg: tuple[float, float, float, float], b: Box) -> bool:
    """Whether the segment (x0, y0, x1, y1) passes through box ``b`` (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = seg
    t0, t1 = 0.0, 1.0
    for p, q in ((x0 - x1, x0 - b[0]), (x1 - x0, b[2] - x0), (y0 - y1, y0 - b[1]), (y1 - y0, b[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _leader(x: float, y: float, b: Box) -> tuple[float, float, float, float]:
    """The leader from a point to the nearest point of its label's box."""
    return x, y, min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])


def place(points: list[tuple[float, float]], sizes: list[tuple[float, float]], plot: tuple[float, float],
          marker: float = MARKER) -> list[tuple[Box, bool] | None]:
    """Points (pt) and their labels' sizes (pt) in a plot ``plot`` wide and high → per label
    its box and whether it stands away from its point (a leader line), or None where no
    place is free. Labels are placed in order: beside the point (right, left, above, below,
    the corners), then further out, then the free place nearest to the point; a box never
    overlaps another box or any point, stays inside the plot, and no leader crosses a box."""
    width, height = plot
    markers = [(x - marker, y - marker, x + marker, y + marker) for x, y in points]
    placed: list[Box] = []
    leaders: list[tuple[float, float, float, float]] = []
    out: list[tuple[Box, bool] | None] = []

    def free(b: Box, x: float, y: float, leader: bool, strict: bool = True) -> bool:
        if not (b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height):
            return False
        if any(_overlap(b, m, 0.5) for m in markers) or any(_overlap(b, p) for p in placed):
            return False
        if strict and any(_crosses(seg, b) for seg in leaders):
            return False
        return not (strict and leader) or not any(_crosses(_leader(x, y, b), p) for p in placed)

    for (x, y), (w, h) in zip(points, sizes):
        found = None
        for ring, d in enumerate((marker + 1.5, marker + 8, marker + 16)):
            for bx, by in ((x + d, y - h / 2), (x - d - w, y - h / 2), (x - w / 2, y + d), (x - w / 2, y - d - h),
                           (x + d, y - h * 0.15), (x + d, y - h * 0.85), (x - d - w, y - h * 0.15),
                           (x - d - w, y - h * 0.85), (x - w * 0.15, y + d), (x - w * 0.85, y + d),
                           (x - w * 0.15, y - d - h), (x - w * 0.85, y - d - h),
                           (x + d * 0.7, y + d * 0.7), (x - d * 0.7 - w, y + d * 0.7),
                           (x + d * 0.7, y - d * 0.7 - h), (x - d * 0.7 - w, y - d * 0.7 - h)):
                if free((bx, by, bx + w, by + h), x, y, ring > 0):
                    found = ((bx, by, bx + w, by + h), ring > 0)
                    break
            if found:
                break
        if found is None:  # the free place nearest to the point, on a grid of 3 points
            step = 3.0
            spots = sorted(((gx * step, gy * step) for gx in range(int((width - w) / step) + 1)
                            for gy in range(int((height - h) / step) + 1)),
                           key=lambda s: ((s[0] + w / 2 - x) ** 2 + (s[1] + h / 2 - y) ** 2, s))
            for strict in (True, False):  # at last, a leader may cross a label (never a label a label)
                found = next((((sx, sy, sx + w, sy + h), True) for sx, sy in spots
                              if free((sx, sy, sx + w, sy + h), x, y, True, strict)), None)
                if found:
                    break
        if found:
            placed.append(found[0])
            if found[1]:
                leaders.append(_leader(x, y, found[0]))
        out.append(found)
    return out


def label_boxes(spec: ir.ChartSpec) -> list[Box]:
    """A materiality chart's label boxes in points from the plot's lower-left corner (for tests)."""
    s = spec.scatter
    pw, ph = spec.size_mm[0] * styles.MM * s.axes[2], spec.size_mm[1] * styles.MM * s.axes[3]

    def pt(v: float, extent: float) -> float:
        return (v - s.lo) / (s.hi - s.lo) * extent
    return [(pt(lab.lx, pw), pt(lab.ly, ph) - lab.height / 2, pt(lab.lx, pw) + lab.width, pt(lab.ly, ph) + lab.height / 2)
            for lab in s.labels if lab.text]


def materiality(c: "Composer", blk: Block) -> ir.Figure | None:
    """The Materiality sheet → the matrix as a figure: the spec with every label placed, its caption and alt text."""
    topics = list(c.ds.materiality)
    if not topics:
        return None
    theme = c.theme
    size = theme.fonts["small"]
    width_mm = theme.chart_size_mm[0]
    height_mm = round(width_mm * HEIGHT_SHARE, 1)
    chart_w, chart_h = width_mm * styles.MM, height_mm * styles.MM
    scores = [v for t in topics for v in (t.stakeholders, t.business)]
    # the scores' range, to the half point, with room for the labels of the highest
    lo, hi = max(math.floor((min(scores) - 0.1) * 2) / 2, 0.0), math.ceil((max(scores) + 0.2) * 2) / 2
    step = 0.5 if hi - lo <= 3 else 1.0
    ticks = tuple((lo + k * step, f"{lo + k * step:g}") for k in range(int((hi - lo) / step + 1e-9) + 1))
    sep = word("lang_sep", c.langs[0])
    x_title = sep.join(_w("x", l) for l in c.langs)
    y_title = sep.join(_w("y", l) for l in c.langs)
    groups = [p for p in ("E", "S", "G") if any(t.pillar == p for t in topics)]
    coloured = bool(groups) and all(t.pillar for t in topics)
    legend = tuple(sep.join(pillar(p).get(l) for l in c.langs) for p in groups) if coloured else ()
    tick_w = max(text_width(t, "en", size) for _, t in ticks)
    left = size * LINE + 6 + tick_w + 6
    bottom = size * LINE + 6 + size * LINE + 4
    top = size * LINE * 1.6 + 6 if legend else 8
    right = 8
    plot = (chart_w - left - right, chart_h - bottom - top)
    axes = (left / chart_w, bottom / chart_h, plot[0] / chart_w, plot[1] / chart_h)

    def pt(v: float, extent: float) -> float:
        return (v - lo) / (hi - lo) * extent

    def data(p: float, extent: float) -> float:
        return lo + p / extent * (hi - lo)

    room = plot[0] * LABEL_ROOM
    texts, sizes = [], []
    for t in topics:
        lines = [measure.shorten(t.name.get(l), l, size, room, fallback=c.fallback) for l in c.langs]
        texts.append("\n".join(lines))
        sizes.append((max(text_width(line, l, size, c.fallback) for line, l in zip(lines, c.langs))
                      + 2 * PAD, len(lines) * size * LINE + 2 * PAD))
    points = [(pt(t.business, plot[0]), pt(t.stakeholders, plot[1])) for t in topics]
    # the most material first (nearest the top right), then by id: the same places every time
    order = sorted(range(len(topics)), key=lambda i: (-(topics[i].business + topics[i].stakeholders), topics[i].id))
    placed = place([points[i] for i in order], [sizes[i] for i in order], plot)
    labels: list[ir.ScatterLabel | None] = [None] * len(topics)
    for i, spot in zip(order, placed):
        t = topics[i]
        series = groups.index(t.pillar) if coloured else 0
        if spot is None:  # no free place: the point stays, unlabelled (the alt text names it)
            labels[i] = ir.ScatterLabel("", t.business, t.stakeholders, t.business, t.stakeholders, 0, 0, series)
            continue
        (x0, y0, x1, y1), leader = spot
        labels[i] = ir.ScatterLabel(texts[i], t.business, t.stakeholders, round(data(x0, plot[0]), 6),
                                    round(data((y0 + y1) / 2, plot[1]), 6), round(x1 - x0, 3), round(y1 - y0, 3),
                                    series, leader)
    scatter = ir.Scatter(axes, lo, hi, x_title, y_title, MARKER, tuple(labels), split=(lo + hi) / 2)
    title = c.layout_text(blk.options["title"]) if "title" in blk.options else Text(*WORDS["title"])
    spec = ir.ChartSpec(
        kind="materiality", title=tuple(title.get(l) for l in c.langs), subtitle=(), labels=(), values=(),
        value_labels=(), targets=(), target_labels=(), palette=theme.palette, text_color=theme.colors["text"],
        muted_color=theme.colors["muted"], font_size=size, size_mm=(width_mm, height_mm), legend=legend,
        ticks=ticks, fallback_font=str(c.fallback) if c.fallback else None, scatter=scatter,
        font=styles.cjk_family(c.langs))
    c.charts.append(spec)
    c.n_figures += 1

    def alt(l: str) -> str:
        items = word("list_sep", l).join(
            _w("item", l).format(name=t.name.get(l), y=f"{t.stakeholders:g}", x=f"{t.business:g}") for t in topics)
        return _w("alt", l).format(title=title.get(l), items=items)
    space = theme.spacing["block"]
    return ir.Figure(spec, caption(c, "figure", c.n_figures, title, blk.origin),
                     tuple(ir.Span(alt(l), l, origins(blk.origin)) for l in c.langs),
                     min(chart_w, c.page.frame_width), blk.origin, f"f{c.n_figures}", space * 0.5, space)
