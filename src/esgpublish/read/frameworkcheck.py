"""A layout's content index against the workbook: what an HKEX filing must carry (``complete``
indexes) and codes that do not belong to the reporting year's framework."""
from __future__ import annotations

from ..diagnostics import Collector
from ..model import frameworks, select
from ..model.dataset import Dataset
from .layoutmodel import Layout

_PRINTING = ("kpi_table", "cards", "chart", "breakdown")


def printed_codes(layout: Layout, dataset: Dataset) -> set[str]:
    """The HKEX codes of what the layout prints: its blocks' indicators and narratives."""
    codes: set[str] = set()
    for sec in layout.sections:
        for blk in sec.blocks:
            opts = blk.options
            if blk.kind in _PRINTING:
                inds = [dataset.indicators[opts["indicator"]]] if opts.get("indicator") in dataset.indicators \
                    else select.indicators(dataset, opts)
                codes.update(c for i in inds for c in i.hkex_codes)
            elif blk.kind == "narrative" and opts.get("id") in dataset.narratives:
                codes.update(dataset.narratives[opts["id"]].hkex_codes)
            elif blk.kind == "narratives":
                codes.update(c for _, items in select.narratives(dataset, opts) for n in items for c in n.hkex_codes)
    return codes


def check_framework(layout: Layout, dataset: Dataset, diags: Collector) -> None:
    """Codes outside the reporting year's framework are warnings at their cell; a complete
    HKEX content index makes a missing mandatory item an error and a comply-or-explain item
    with neither data nor explanation a warning, at the index's layout line."""
    year = dataset.meta.reporting_year
    known = {i.code: i for i in frameworks.hkex(year)}
    name = frameworks.framework_name(year).en
    for ind in dataset.indicators.values():
        for code in ind.hkex_codes:
            if code not in known:
                diags.warning(ind.cell("hkex"), f"{code} is not an item of the {name} that applies to {year}",
                              "from 2025, Part D (D1–D4) replaces A4; before 2025, use A4 for climate change")
    for nar in dataset.narratives.values():
        for code in nar.hkex_codes:
            if code not in known:
                diags.warning(nar.origins.get("zh") or nar.origins.get("en"),
                              f"{code} is not an item of the {name} that applies to {year}",
                              "from 2025, Part D (D1–D4) replaces A4; before 2025, use A4 for climate change")
    blocks = [b for s in layout.sections for b in s.blocks
              if b.kind == "content_index" and b.options.get("complete") and b.options.get("framework", "hkex") == "hkex"]
    if not blocks:
        return
    printed = printed_codes(layout, dataset)
    explained = set(frameworks.explanations(dataset))  # as the index prints them
    for item in known.values():
        if item.code in printed or item.code in explained:
            continue
        if item.mandatory:
            diags.error(blocks[0].origin, f"{item.code} ({item.description.en}) is mandatory, and nothing the "
                                          f"layout prints reports it",
                        f"write a narrative (or an indicator) with the HKEX code {item.code} and print it")
        else:
            diags.warning(blocks[0].origin, f"comply or explain: {item.code} ({item.description.en}) has neither "
                                            f"data nor an explanation",
                          f"report it (an indicator or narrative with the HKEX code {item.code}), or explain why "
                          f"not on the sheet '框架 Framework'")
