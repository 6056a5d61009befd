"""The materiality matrix: ``ChartSpec.scatter`` → a matplotlib figure. The plot area, the
axis range, every point and every label's place come from compose; this only draws them."""
from __future__ import annotations

from ..ir import ChartSpec

MM = 1 / 25.4
PT = 72.0  # points per inch


def draw_matrix(spec: ChartSpec):
    """A materiality spec → its figure, exactly ``size_mm``, the plot area where compose put it."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    s = spec.scatter
    width, height = spec.size_mm
    fig = plt.figure(figsize=(width * MM, height * MM))
    ax = fig.add_axes(s.axes)
    span = s.hi - s.lo
    plot_w = width * MM * PT * s.axes[2]  # the plot area in points
    ax.set_xlim(s.lo, s.hi)
    ax.set_ylim(s.lo, s.hi)
    ax.set_xticks([t for t, _ in spec.ticks], [label for _, label in spec.ticks])
    ax.set_yticks([t for t, _ in spec.ticks], [label for _, label in spec.ticks])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(spec.muted_color)
    ax.tick_params(colors=spec.text_color, labelsize=spec.font_size, length=0, pad=4)
    kw = {"color": spec.text_color, "fontsize": spec.font_size}
    ax.set_xlabel(s.x_title, labelpad=4, **kw)
    ax.set_ylabel(s.y_title, labelpad=4, **kw)
    if s.split is not None:
        for line in (ax.axvline, ax.axhline):
            line(s.split, color=spec.muted_color, linewidth=0.6, linestyle=(0, (3, 3)), zorder=1)
    colors = [spec.palette[lab.series % len(spec.palette)] for lab in s.labels]
    for lab, color in zip(s.labels, colors):
        if lab.text and lab.leader:  # from the point to the nearest point of its label's box
            w = lab.width / plot_w * span
            h = lab.height / plot_w * span * (s.axes[2] * width) / (s.axes[3] * height)
            nx = min(max(lab.x, lab.lx), lab.lx + w)
            ny = min(max(lab.y, lab.ly - h / 2), lab.ly + h / 2)
            ax.plot([lab.x, nx], [lab.y, ny], color=spec.muted_color, linewidth=0.5, zorder=2)
    ax.scatter([lab.x for lab in s.labels], [lab.y for lab in s.labels], s=(2 * s.marker) ** 2, c=colors,
               edgecolors="white", linewidths=0.6, zorder=3)
    for lab in s.labels:
        if lab.text:
            centre = lab.lx + lab.width / plot_w * span / 2
            ax.text(centre, lab.ly, lab.text, ha="center", va="center", multialignment="center",
                    linespacing=1.25, zorder=4, **kw)
    if spec.legend:
        handles = [Line2D([], [], marker="o", linestyle="", markersize=2 * s.marker,
                          markerfacecolor=spec.palette[k % len(spec.palette)], markeredgecolor="white", label=name)
                   for k, name in enumerate(spec.legend)]
        fig.legend(handles=handles, frameon=False, fontsize=spec.font_size, loc="upper left",
                   bbox_to_anchor=(s.axes[0], 1.0), ncol=len(handles), labelcolor=spec.text_color,
                   handletextpad=0.3, borderaxespad=0.2)
    return fig
