"""Small helpers on IR lines shared by the composers: origins, second-language styling, dedupe."""
from __future__ import annotations

from .. import ir
from ..diagnostics import Location


def origins(loc: Location | None) -> tuple[Location, ...]:
    """A location (or none) → a span's origins."""
    return (loc,) if loc is not None else ()


def value_origins(ind, field: str) -> tuple[Location, ...]:
    """Where an indicator's printed figure comes from: its cell, or for a derived indicator's
    value every input cell it is computed from."""
    if field == "change":  # both values it compares (as ``tables.change_text``)
        series = ind.series()
        if len(series) >= 2:
            return (series[-1].origin, series[-2].origin) + tuple(getattr(ind, "derived_from", ()))
        if ind.baseline_value is not None:
            return (ind.cell("value"), ind.cell("baseline_value"), ind.cell("baseline_year"))
    if field == "value" and getattr(ind, "derived_from", ()):
        return (ind.cell("value"),) + tuple(ind.derived_from)
    return origins(ind.cell(field))


def stack(lines: tuple[ir.Line, ...], second: str) -> tuple[ir.Line, ...]:
    """Lines of one block, one per language: the second and later ones in ``second`` style."""
    return tuple(line if i == 0 else tuple(ir.Span(s.text, s.lang, s.origins, second, s.strong, s.keep)
                                           for s in line)
                 for i, line in enumerate(lines))


def dedupe(lines: tuple[ir.Line, ...]) -> tuple[ir.Line, ...]:
    """Bilingual cells print a value once when both languages write it alike (460%)."""
    if len(lines) == 2 and ir.plain(lines[0]) == ir.plain(lines[1]):
        return lines[:1]
    return lines
