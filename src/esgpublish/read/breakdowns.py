"""The Dimensions and Breakdowns sheets → dimensions, and indicators with their breakdowns
attached; a breakdown of an additive quantity that does not add up to its total warns."""
from __future__ import annotations

from dataclasses import replace

from . import cellvalues as cell
from ..diagnostics import Collector
from ..model.dataset import BreakdownValue, Dimension, Gap, Indicator, Text
from .hints import suggest
from .records import bilingual, indicator_of, status_and_reason
from .xlsxread import SheetReader

ADDITIVE = ("count", "currency")  # quantities whose parts add up to the whole (not shares or rates)
QUALIFIED_SLACK = 0.1  # 超过, 近, 约 … : parts and total may differ by this share


def read_dimensions(sheet: SheetReader, diags: Collector, need: frozenset[str]) -> dict[str, Dimension]:
    """Rows (dimension, category, zh, en) → dimensions; a row without a category names the dimension."""
    names: dict[str, Text] = {}
    categories: dict[str, dict[str, Text]] = {}
    for _, cells in sheet.rows():
        dim, dloc = cells["dimension"]
        if dim is None or not cell.ID_RE.match(str(dim)):
            diags.error(dloc, f"invalid dimension id '{dim}'" if dim is not None else "missing dimension id",
                        "lower case letters, digits and _ (gender, age_group)")
            continue
        dim = str(dim)
        zh = cell.text(cells, "zh", diags, "zh" in need, "Chinese name") or ""
        en = cell.text(cells, "en", diags, "en" in need, "English name") or ""
        cat, cloc = cells["category"]
        if cat is None:
            if dim in names:
                diags.error(dloc, f"dimension '{dim}' is named twice", "keep one row without a category")
            names[dim] = bilingual(cells, "zh", zh, en, diags)
            continue
        cat = str(cat).strip()
        cats = categories.setdefault(dim, {})
        if cat in cats:
            diags.error(cloc, f"category '{cat}' of '{dim}' is listed twice", "keep one row per category")
        cats[cat] = bilingual(cells, "zh", zh, en, diags)
    out = {}
    for dim, cats in categories.items():
        out[dim] = Dimension(dim, names.get(dim, Text(dim, dim)), cats)
    for dim in names.keys() - categories.keys():
        diags.warning(sheet.loc(2, 1), f"dimension '{dim}' has no categories", "add a row per category")
    return out


def read_breakdowns(sheet: SheetReader, diags: Collector, indicators: dict[str, Indicator],
                    dimensions: dict[str, Dimension], invalid: set[tuple[str, str]],
                    need: frozenset[str] = frozenset(("zh", "en")), year_end: int = 12) -> dict[str, Indicator]:
    """The Breakdowns sheet → indicators with their breakdowns (one value per year, dimension
    and category) and the categories they withhold as gaps; unknown ids and categories are
    located errors."""
    found: dict[str, dict[tuple[int, str, str], BreakdownValue]] = {}
    gaps: dict[str, dict[tuple[int, str, str], Gap]] = {}
    for _, cells in sheet.rows():
        ind = indicator_of(cells, indicators, invalid, diags)
        if ind is None:
            continue
        dim_id, dloc = cells["dimension"]
        dim = dimensions.get(cell.plain(dim_id)) if dim_id is not None else None
        if dim is None:
            diags.error(dloc, f"unknown dimension '{dim_id}'" if dim_id is not None else "missing dimension",
                        suggest(str(dim_id), list(dimensions)) or "declare it on the sheet '维度 Dimensions'")
            continue
        cat, cloc = cells["category"]
        cat = str(cat).strip() if cat is not None else None
        if cat not in dim.categories:
            diags.error(cloc, f"unknown category '{cat}' of dimension '{dim.id}'" if cat else "missing category",
                        suggest(str(cat), list(dim.categories)) or f"use one of {', '.join(dim.categories)}")
            continue
        period = cell.period(cells, "period", diags, year_end)
        status, reason = status_and_reason(cells, diags, need, "a value")
        value = cell.number(cells, "value", diags, ind.unit) if status == "reported" else None
        if cells["value"][0] is None and status == "reported":
            diags.error(cells["value"][1], "missing value",
                        "type the value of this category, or the status 不适用 / 未披露 and the reason")
        if period is None or (value is None and status == "reported"):
            continue
        key = (period, dim.id, cat)
        rows = found.setdefault(ind.id, {})
        if key in rows or key in gaps.get(ind.id, {}):
            diags.error(cells["value"][1], f"'{ind.id}' already has a value for {cat} ({dim.id}) in {period}",
                        "keep one value per year and category")
            continue
        if status != "reported":
            gaps.setdefault(ind.id, {})[key] = Gap(period, status, reason, cells["status"][1], dim.id, cat)
            continue
        rows[key] = BreakdownValue(period, dim.id, cat, value, cell.qualifier(cells, "qualifier", diags),
                                   cells["value"][1])
    out = {k: replace(v, breakdowns=tuple(found.get(k, {}).values()),
                      gaps=v.gaps + tuple(gaps.get(k, {}).values())) if k in found or k in gaps else v
           for k, v in indicators.items()}
    for ind in out.values():
        _check_sums(ind, diags)
    return out


def _check_sums(ind: Indicator, diags: Collector) -> None:
    """An additive breakdown adds up to the indicator's total of that year (within the
    slack its qualifiers allow): else a warning at its last cell, with the difference."""
    if ind.unit.kind not in ADDITIVE:
        return
    totals = {p.period: p for p in ind.series()}
    groups: dict[tuple[int, str], list[BreakdownValue]] = {}
    for b in ind.breakdowns:
        groups.setdefault((b.period, b.dimension), []).append(b)
    for (period, dim), parts in groups.items():
        total = totals.get(period)
        if total is None:
            continue
        if any(g.period == period and g.dimension == dim for g in ind.gaps):
            continue  # a category withheld: the parts cannot add up, and the table says why
        added = sum(b.value for b in parts)
        qualified = total.qualifier is not None or any(b.qualifier for b in parts)
        slack = abs(total.value) * QUALIFIED_SLACK if qualified else 1e-9 * max(1.0, abs(total.value))
        if abs(added - total.value) > slack:
            diags.warning(parts[-1].origin, f"'{ind.id}' by {dim} in {period} adds up to {added:,g}, not its total "
                                            f"{total.value:,g} (a difference of {added - total.value:+,g})",
                          f"check the categories and the total ({total.origin.sheet}!{total.origin.cell})")
