"""IR of a scatter chart (the materiality matrix): points, their finished labels and where
compose placed each label, so that the chart stage only draws."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScatterLabel:
    """A point at (``x``, ``y``) in data units, its colour (``series``: an index into the
    palette) and its label: ``text`` drawn left-aligned and vertically centred at
    (``lx``, ``ly``) in data units, ``width`` × ``height`` points; ``leader``: a thin line
    joins the point to a label placed away from it."""

    text: str
    x: float
    y: float
    lx: float
    ly: float
    width: float
    height: float
    series: int = 0
    leader: bool = False


@dataclass(frozen=True)
class Scatter:
    """A scatter plot's frame: the plot area (``axes``: left, bottom, width, height as
    fractions of the chart), the axis range ``lo``–``hi`` (both axes), the axis titles, the
    marker's radius (points), the quadrant lines at ``split`` and every label."""

    axes: tuple[float, float, float, float]
    lo: float
    hi: float
    x_title: str
    y_title: str
    marker: float
    labels: tuple[ScatterLabel, ...]
    split: float | None = None

    def texts(self) -> tuple[str, ...]:
        """Every text the plot prints besides the ticks and legend."""
        return (self.x_title, self.y_title) + tuple(lab.text for lab in self.labels)
