"""Stage 4 — charts: ``ir.ChartSpec`` → SVG (text kept as text, for the PDF) and PNG (for the DOCX).

Drawn with matplotlib in the shipped CJK font, never a system font. Files are cached by
the spec's hash plus the font's, so an unchanged chart is not drawn again.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import fonts, linebreak
from .ir import ChartSpec

PNG_DPI = 200
MM = 1 / 25.4
CACHE_VERSION = "1"


@dataclass(frozen=True)
class ChartFiles:
    """The drawn chart: its SVG and PNG, and whether they came from the cache."""

    svg: Path
    png: Path
    cached: bool


def _font_digest() -> str:
    face = fonts.faces()["regular"]
    stat = face.path.stat()
    return hashlib.sha256(f"{face.path.name}:{stat.st_size}:{CACHE_VERSION}".encode()).hexdigest()[:8]


def render_chart(spec: ChartSpec, cache_dir: Path) -> ChartFiles:
    """Chart spec → cached SVG and PNG files under ``cache_dir``."""
    key = f"{spec.key}-{_font_digest()}"
    svg, png = cache_dir / f"{key}.svg", cache_dir / f"{key}.png"
    if svg.is_file() and png.is_file():
        return ChartFiles(svg, png, True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fig = _draw(spec)
    import matplotlib.pyplot as plt

    try:
        for path, kwargs in ((svg, {"format": "svg", "metadata": {"Date": None}}),
                             (png, {"format": "png", "dpi": PNG_DPI, "metadata": {"Software": None}})):
            fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".chart-", suffix=".tmp")
            os.close(fd)
            try:
                fig.savefig(tmp, **kwargs)
                os.replace(tmp, path)
            finally:
                Path(tmp).unlink(missing_ok=True)
    finally:
        plt.close(fig)
    return ChartFiles(svg, png, False)


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
    })
    _configured = True


def _label(lines: tuple[str, ...]) -> str:
    return "\n".join(wrapped for line in lines for wrapped in linebreak.wrap(line, 34))


def _draw(spec: ChartSpec):
    _setup()
    import matplotlib.pyplot as plt

    width, max_height = spec.size_mm
    n = len(spec.values)
    lines_per_label = max(_label(l).count("\n") + 1 for l in spec.labels)
    if spec.kind == "progress":
        height = 14 + n * 16
    else:
        height = 12 + n * (5 + 3.6 * lines_per_label)
    height = min(max(height, 28), 3 * max(max_height, 28))
    fig, ax = plt.subplots(figsize=(width * MM, height * MM))
    fs = spec.font_size
    text_kw = {"color": spec.text_color, "fontsize": fs}
    y = list(range(n))[::-1]
    labels = [_label(l) for l in spec.labels]
    if spec.kind == "progress":
        targets = [t or 0 for t in spec.targets]
        shares = [v / t if t else 0 for v, t in zip(spec.values, targets)]
        ax.barh(y, [1.0] * n, color="#E4E9E7", height=0.5)
        ax.barh(y, [min(s, 1.0) for s in shares], color=spec.palette[0], height=0.5)
        for yi, s, vl, tl in zip(y, shares, spec.value_labels, spec.target_labels):
            ax.text(min(s, 1.0) - 0.01, yi, f"{s:.0%}", ha="right", va="center", color="white",
                    fontsize=fs, fontweight="bold")
            ax.text(0, yi - 0.42, vl, ha="left", va="top", **text_kw)
            ax.text(1.0, yi - 0.42, tl, ha="right", va="top", **text_kw)
        ax.set_xlim(0, 1.0)
        ax.set_ylim(-0.5 - 0.55 * n, n - 0.6)
        ax.spines["left"].set_visible(False)
    else:
        bars = ax.barh(y, spec.values, color=[spec.palette[i % len(spec.palette)] for i in range(n)], height=0.55)
        top = max(spec.values) if spec.values else 1
        for bar, vl in zip(bars, spec.value_labels):
            ax.text(bar.get_width() + top * 0.015, bar.get_y() + bar.get_height() / 2, vl,
                    va="center", ha="left", **text_kw)
        ax.set_xlim(0, top * 1.28)
        ax.set_ylim(-0.6, n - 0.4)
        ax.xaxis.set_visible(False)
    ax.set_yticks(y, labels, fontsize=fs, color=spec.text_color, linespacing=1.15)
    ax.tick_params(axis="y", length=0, pad=6)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    if spec.kind != "progress":
        ax.spines["left"].set_color(spec.muted_color)
    if spec.subtitle:
        fig.text(0.01, 0.98, "    ".join(spec.subtitle), ha="left", va="top", color=spec.muted_color, fontsize=fs)
    fig.tight_layout(rect=(0, 0, 1, 0.92 if spec.subtitle else 1))
    return fig
