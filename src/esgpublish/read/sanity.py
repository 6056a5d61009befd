"""Sanity checks on an indicator's figures: slips that read well but are wrong (a value typed in
万 or thousands, a lost minus sign, a figure in the wrong row) become located warnings."""
from __future__ import annotations

from ..diagnostics import Collector
from ..model.dataset import Indicator

JUMP = 5  # a value more than five times (or under a fifth of) the year before is suspicious
NEVER_NEGATIVE = ("count", "percent", "ratio")  # kinds of unit a value cannot be below zero in


def _n(x: float) -> str:
    """A number as typed: 15,000,000, 0.75."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def check(indicators: dict[str, Indicator], diags: Collector) -> None:
    """Warn at the cell of every implausible jump, change of sign and impossible negative."""
    for ind in indicators.values():
        series = ind.series()
        for p in series:
            if ind.unit.kind in NEVER_NEGATIVE and p.value < 0:
                diags.warning(p.origin, f"'{ind.id}' is {_n(p.value)} in {p.period}: a {ind.unit.kind} cannot "
                                        f"be negative", "check the sign")
        for before, now in zip(series, series[1:]):
            a, b = before.value, now.value
            if a and b and (a < 0) != (b < 0):
                diags.warning(now.origin, f"'{ind.id}' changes sign from {_n(a)} ({before.period}) to {_n(b)} "
                                          f"({now.period})", "check the sign of both years")
            elif a and b and ind.unit.kind != "change" and not 1 / JUMP <= b / a <= JUMP:
                times = b / a if abs(b) > abs(a) else a / b
                diags.warning(now.origin, f"'{ind.id}' goes from {_n(a)} ({before.period}) to {_n(b)} "
                                          f"({now.period}), {abs(times):,.1f} times "
                                          f"{'more' if abs(b) > abs(a) else 'less'}",
                              "check both figures and their scale (typed in 万 or in thousands?)")
