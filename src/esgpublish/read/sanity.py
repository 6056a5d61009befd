"""Sanity checks on an indicator's figures: slips that read well but are wrong (a value typed in
万 or thousands, a lost minus sign, a figure in the wrong row) become located warnings."""
from __future__ import annotations

from ..diagnostics import Collector
from ..model.dataset import Indicator

JUMP = 5  # a value more than five times (or under a fifth of) the year before is suspicious
NEVER_NEGATIVE = ("count", "percent", "ratio")  # kinds of unit a value cannot be below zero in


def _figures(ind: Indicator):
    """An indicator's numbers with their cells: its years, target, baseline and breakdowns."""
    yield ind.value, ind.cell("value")
    for p in ind.history:
        yield p.value, p.origin
    for key in ("target_value", "baseline_value"):
        yield getattr(ind, key), ind.cells.get(key, ind.origin)
    for b in ind.breakdowns:
        yield b.value, b.origin


def _printable(ind: Indicator, diags: Collector) -> None:
    """Errors at the figures a report cannot print: out of range (±10^15, finite), or so small
    that they print as 0 at the indicator's decimals (unless the Decimals column says: 3, money 2)."""
    from .cellvalues import in_range

    places = ind.decimals if ind.decimals is not None else 2 if ind.unit.kind == "currency" else 3
    for value, loc in _figures(ind):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not value:
            continue
        if not in_range(value, loc, diags):
            continue
        if abs(value) < 0.5 * 10 ** -places:
            diags.error(loc, f"'{ind.id}' is {value:g}, which prints as 0 with {places} decimal place(s)",
                        "check the value; choose a smaller unit (e.g. kg instead of t) or more decimals (at most 6)")


def _n(x: float) -> str:
    """A number as typed: 15,000,000, 0.75."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def check(indicators: dict[str, Indicator], diags: Collector) -> None:
    """Warn at the cell of every implausible jump, change of sign and impossible negative; an
    error at every figure out of range (a derived one) or too small to print at its decimals."""
    for ind in indicators.values():
        _printable(ind, diags)
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
