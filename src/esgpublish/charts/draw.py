"""Stage 4 — charts: ``ir.ChartSpec`` → SVG (text kept as text, for the PDF) and PNG (for the DOCX).

Every word and number a chart prints comes finished in the spec (compose decides them);
this stage only places them.

Drawn with matplotlib in the shipped CJK font, never a system font. Files are cached by
the spec's hash plus the font's, so an unchanged chart is not drawn again; each cached file's
own hash is kept beside it and checked before use, so a damaged file is drawn again.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from .. import cachekey, fonts
from ..atomicfile import read_cached, write_cached
from ..ir import ChartSpec

PNG_DPI = 200
MM = 1 / 25.4


@dataclass(frozen=True)
class ChartFiles:
    """The drawn chart: its SVG and PNG, and whether they came from the cache."""

    svg: Path
    png: Path
    cached: bool


def _paths(spec: ChartSpec, cache_dir: Path) -> tuple[Path, Path]:
    """Where a chart's files are cached: named by ``cachekey.key`` of its spec (and the
    fallback font's stamp), so a change to the chart code or matplotlib draws it anew."""
    extra = cachekey.file_stamp(Path(spec.fallback_font)) if spec.fallback_font else ""
    key = cachekey.key("chart", repr(spec), extra, length=24)
    return cache_dir / f"{key}.svg", cache_dir / f"{key}.png"


def cached_chart(spec: ChartSpec, cache_dir: Path) -> ChartFiles | None:
    """Chart spec → its files if the cache holds them intact (without loading matplotlib), else None."""
    svg, png = _paths(spec, cache_dir)
    intact = read_cached(svg) is not None and read_cached(png) is not None
    return ChartFiles(svg, png, True) if intact else None


def render_chart(spec: ChartSpec, cache_dir: Path) -> ChartFiles:
    """Chart spec → cached SVG and PNG files under ``cache_dir``."""
    cached = cached_chart(spec, cache_dir)
    if cached:
        return cached
    svg, png = _paths(spec, cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        files = _draw_files(spec)
    _judge(caught)
    for path, data in zip((svg, png), files):
        write_cached(path, data)
    return ChartFiles(svg, png, False)


def _draw_files(spec: ChartSpec) -> tuple[bytes, bytes]:
    """Chart spec → its SVG and PNG bytes."""
    fig = _draw(spec)
    import matplotlib.pyplot as plt

    try:
        out = []
        for kwargs in ({"format": "svg", "metadata": {"Date": None}},
                       {"format": "png", "dpi": PNG_DPI, "metadata": {"Software": None}}):
            buf = io.BytesIO()
            fig.savefig(buf, **kwargs)
            out.append(buf.getvalue())
        return out[0], out[1]
    finally:
        plt.close(fig)


def _judge(caught: list[warnings.WarningMessage]) -> None:
    """matplotlib's warnings while drawing → never printed raw. A glyph missing from the chart
    font is raised (a bug: every text's glyphs are checked before rendering, and the test
    suite turns that warning into an error too); the others concern only what matplotlib
    adjusted itself (a layout it could not tighten, equal axis limits) and are dropped."""
    for w in caught:
        if issubclass(w.category, UserWarning) and "missing" in str(w.message) and "lyph" in str(w.message):
            raise w.message if isinstance(w.message, Warning) else UserWarning(str(w.message))


_configured = False


def _setup() -> None:
    """Register the shipped fonts with matplotlib and fix the rcParams once."""
    global _configured
    if _configured:
        return
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager, rcParams

    for face in fonts.faces().values():
        font_manager.fontManager.addfont(str(face.path))
    rcParams.update({
        "font.family": [fonts.FAMILY],
        "svg.fonttype": "none",
        "svg.hashsalt": "esgpublish",
        "axes.unicode_minus": True,
        "path.simplify": True,
        "text.parse_math": False,  # a label's $ is a dollar sign (US$5), never mathtext
    })
    _configured = True


def _draw(spec: ChartSpec):
    """Chart spec → a matplotlib figure, by kind."""
    _setup()
    import matplotlib.pyplot as plt

    width, max_height = spec.size_mm
    height = min(max(_height(spec), 28), 3 * max(max_height, 28))
    if spec.fallback_font:
        from matplotlib import font_manager, rcParams

        font_manager.fontManager.addfont(spec.fallback_font)
        rcParams["font.family"] = [spec.font, fonts.family_name(Path(spec.fallback_font))]
        # svglib sets a text in one font only: a chart that needs the fallback keeps its text as paths
        texts = "".join(spec.texts())
        rcParams["svg.fonttype"] = "path" if fonts.needs_face(set(texts), "fallback", Path(spec.fallback_font)) \
            else "none"
    else:
        from matplotlib import rcParams

        rcParams["font.family"], rcParams["svg.fonttype"] = [spec.font], "none"
    if spec.kind == "materiality":  # its plot area and labels placed by compose
        from .matrix import draw_matrix

        return draw_matrix(spec)
    fig, ax = plt.subplots(figsize=(width * MM, height * MM))
    {"bar": _bar, "progress": _progress, "grouped_bar": _grouped_bar, "line": _line,
     "donut": _donut, "stacked_bar": _stacked_bar}[spec.kind](ax, spec)
    if spec.subtitle:
        fig.text(0.01, 0.98, "\n".join(spec.subtitle), ha="left", va="top", color=spec.muted_color,
                 fontsize=spec.font_size, linespacing=1.3)
    top = 1 - len(spec.subtitle) * spec.font_size * 1.4 / 72 / (height * MM) - 0.02
    fig.tight_layout(rect=(0, 0, 1, top if spec.subtitle else 1))
    return fig


def _height(spec: ChartSpec) -> float:
    """The chart's height in mm: enough room for its labels, no more."""
    n = len(spec.labels)
    lines = max(label.count("\n") + 1 for label in spec.labels) if spec.labels else 1
    if spec.kind == "progress":  # a bar, and under it the value and target labels
        under = max((t.count("\n") + 1 for t in spec.value_labels + spec.target_labels), default=1)
        return 14 + n * (12 + 4 * under)
    if spec.kind == "bar":
        return 12 + n * (5 + 3.6 * lines)
    if spec.kind == "grouped_bar":
        return 20 + n * max(5.5 * len(spec.periods) + 3, 3.6 * lines + 4)
    if spec.kind == "stacked_bar":  # a bar per year, the legend above
        return 24 + len(spec.periods) * 9 + 4 * ((len(spec.legend) + 2) // 3)
    return 62


def _text_kw(spec: ChartSpec) -> dict:
    return {"color": spec.text_color, "fontsize": spec.font_size}


def _frame(ax, spec: ChartSpec, keep: tuple[str, ...] = ("left",)) -> None:
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(side in keep)
        ax.spines[side].set_color(spec.muted_color)
    ax.tick_params(colors=spec.text_color, labelsize=spec.font_size, length=0)


def _bar(ax, spec: ChartSpec) -> None:
    n = len(spec.values)
    y = list(range(n))[::-1]
    bars = ax.barh(y, spec.values, color=[spec.palette[i % len(spec.palette)] for i in range(n)], height=0.55)
    top = max(spec.values) if spec.values else 1
    for bar, vl in zip(bars, spec.value_labels):
        ax.text(bar.get_width() + top * 0.015, bar.get_y() + bar.get_height() / 2, vl,
                va="center", ha="left", **_text_kw(spec))
    ax.set_xlim(0, top * 1.28)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xticks([])
    ax.set_yticks(y, list(spec.labels), linespacing=1.15)
    _frame(ax, spec)
    ax.tick_params(axis="y", pad=6)


def _progress(ax, spec: ChartSpec) -> None:
    n = len(spec.values)
    y = list(range(n))[::-1]
    shares = [v / t if t else 0 for v, t in zip(spec.values, (t or 0 for t in spec.targets))]
    ax.barh(y, [1.0] * n, color="#E4E9E7", height=0.5)
    ax.barh(y, [min(s, 1.0) for s in shares], color=spec.palette[0], height=0.5)
    for yi, share, text, vl, tl in zip(y, shares, spec.shares or ("",) * n, spec.value_labels, spec.target_labels):
        inside = share >= 0.12
        if text:
            ax.text(min(share, 1.0) - 0.01 if inside else min(share, 1.0) + 0.01, yi, text,
                    ha="right" if inside else "left", va="center", color="white" if inside else spec.text_color,
                    fontsize=spec.font_size, fontweight="bold")
        ax.text(0, yi - 0.42, vl, ha="left", va="top", **_text_kw(spec))
        ax.text(1.0, yi - 0.42, tl, ha="right", va="top", **_text_kw(spec))
    ax.set_xlim(0, 1.0)
    under = max((t.count("\n") + 1 for t in spec.value_labels + spec.target_labels), default=1)
    ax.set_ylim(-0.5 - 0.3 * under - 0.25, n - 0.6)
    ax.set_xticks([])
    ax.set_yticks(y, list(spec.labels), linespacing=1.15)
    _frame(ax, spec, keep=())
    ax.tick_params(axis="y", pad=6)


def _value_axis(ax, spec: ChartSpec) -> None:
    """The value axis at the spec's ticks, with their finished labels."""
    ticks = spec.ticks or ((0.0, "0"),)
    ax.set_yticks([t for t, _ in ticks], [label for _, label in ticks])
    data_top = max((v for row in spec.matrix for v in row if v is not None), default=0) * 1.25
    ax.set_ylim(bottom=0, top=max([t for t, _ in ticks] + [data_top]) or 1)


def _grouped_bar(ax, spec: ChartSpec) -> None:
    """One group per indicator, one bar per reporting year."""
    import numpy as np

    n, k = len(spec.labels), len(spec.periods)
    height = 0.8 / max(k, 1)
    y = np.arange(n)[::-1]
    for j, period in enumerate(spec.periods):
        values = [row[j] if row[j] is not None else 0 for row in spec.matrix]
        pos = y + (k - 1 - 2 * j) * height / 2
        bars = ax.barh(pos, values, height=height * 0.92, color=spec.palette[j % len(spec.palette)], label=period)
        for bar, row_labels in zip(bars, spec.matrix_labels):
            if row_labels[j]:
                ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + row_labels[j],
                        va="center", ha="left", **_text_kw(spec))
    top = max((v for row in spec.matrix for v in row if v is not None), default=1)
    ax.set_xlim(0, top * 1.3)
    ax.set_xticks([])
    ax.set_yticks(y, list(spec.labels), linespacing=1.15)
    _frame(ax, spec)
    ax.legend(frameon=False, fontsize=spec.font_size, loc="lower left", bbox_to_anchor=(0, 1.0),
              ncol=len(spec.periods), labelcolor=spec.text_color, handlelength=1.2)


def _stacked_bar(ax, spec: ChartSpec) -> None:
    """A bar per year (``periods``), a segment per category (``matrix`` rows, named in the
    legend), each segment's label inside it (compose leaves out those that do not fit) and
    the year's total (``value_labels``) at the bar's end."""
    import numpy as np

    k = len(spec.periods)
    y = np.arange(k)[::-1]
    left = np.zeros(k)
    for i, (row, row_labels, name) in enumerate(zip(spec.matrix, spec.matrix_labels, spec.legend)):
        widths = np.array([v if v is not None else 0.0 for v in row])
        bars = ax.barh(y, widths, left=left, height=0.55, color=spec.palette[i % len(spec.palette)], label=name,
                       edgecolor="white", linewidth=0.6)
        for bar, text in zip(bars, row_labels):
            if text:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, text,
                        ha="center", va="center", color="white", fontsize=spec.font_size)
        left += widths
    top = max(spec.values, default=1) or 1
    for yi, total, text in zip(y, left, spec.value_labels):
        ax.text(total + top * 0.015, yi, text, va="center", ha="left", fontweight="bold", **_text_kw(spec))
    ax.set_xlim(0, top * 1.22)
    ax.set_ylim(-0.6, k - 0.4)
    ax.set_xticks([])
    ax.set_yticks(y, list(spec.periods))
    _frame(ax, spec)
    ax.legend(frameon=False, fontsize=spec.font_size, loc="lower left", bbox_to_anchor=(0, 1.0),
              ncol=min(len(spec.legend), 3), labelcolor=spec.text_color, handlelength=1.2)


def _line(ax, spec: ChartSpec) -> None:
    """Years along the axis, one line per indicator, each point labelled."""
    x = list(range(len(spec.periods)))
    legend = spec.legend or ("",) * len(spec.matrix)
    for i, (row, row_labels, label) in enumerate(zip(spec.matrix, spec.matrix_labels, legend)):
        points = [(xi, v, lab) for xi, v, lab in zip(x, row, row_labels) if v is not None]
        color = spec.palette[i % len(spec.palette)]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color=color, linewidth=1.8,
                markersize=4, label=label)
        for xi, v, lab in points:
            ax.annotate(lab, (xi, v), textcoords="offset points", xytext=(0, 6), ha="center",
                        **_text_kw(spec))
    ax.set_xticks(x, spec.periods)
    ax.set_xlim(-0.4, len(x) - 0.6)
    _value_axis(ax, spec)
    _frame(ax, spec, keep=("bottom",))
    ax.grid(axis="y", color="#E4E9E7", linewidth=0.6)
    ax.set_axisbelow(True)
    if spec.legend:
        ax.legend(frameon=False, fontsize=spec.font_size, loc="lower left", bbox_to_anchor=(0, 1.0),
                  labelcolor=spec.text_color)


def _donut(ax, spec: ChartSpec) -> None:
    """Parts of a whole: one slice per indicator, the total in the middle."""
    colors = [spec.palette[i % len(spec.palette)] for i in range(len(spec.values))]
    wedges, _ = ax.pie(spec.values, colors=colors, startangle=90, counterclock=False,
                       wedgeprops={"width": 0.38, "edgecolor": "white", "linewidth": 1.2})
    for wedge, entry in zip(wedges, spec.legend):
        wedge.set_label(entry)
    if spec.centre:
        ax.text(0, 0, spec.centre, ha="center", va="center", fontweight="bold", **_text_kw(spec))
    ax.set_aspect("equal")
    ax.legend(handles=wedges, frameon=False, fontsize=spec.font_size, loc="center left",
              bbox_to_anchor=(1.02, 0.5), labelcolor=spec.text_color)
