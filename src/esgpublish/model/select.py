"""Which indicators and narratives a layout block shows: by id, or by a selector.

A selector (``{pillar: E}``, ``{topic: ip, unit: patent}``) is a query on the dataset, so
one layout serves any company's workbook; a selector that matches nothing leaves its
block out (with a warning), while an unknown id is an error.
"""
from __future__ import annotations

from .dataset import Dataset, Indicator, Narrative


def _matches(ind: Indicator, selector: dict) -> bool:
    """Whether an indicator matches every key of a selector (hkex: the code or its aspect, B1 ⊃ B1.1)."""
    def one(key: str, value) -> bool:
        if key == "unit":
            return ind.unit.id == value
        if key == "hkex":
            return any(code == value or code.startswith(f"{value}.") for code in ind.hkex_codes)
        return getattr(ind, key) == value
    return all(one(key, value) for key, value in selector.items())


def indicators(dataset: Dataset, options: dict) -> list[Indicator]:
    """A block's indicators: its ``indicators`` ids in order, or its ``select`` in workbook order."""
    if "indicators" in options:
        return [dataset.indicators[i] for i in options["indicators"] if i in dataset.indicators]
    selector = options.get("select", {})
    return [ind for ind in dataset.indicators.values() if _matches(ind, selector)]


def chartable(ind: Indicator, kind: str, series: str) -> bool:
    """Whether a chart of ``kind`` can draw this indicator."""
    if kind == "progress":
        return isinstance(ind.value, (int, float)) and ind.target_value is not None
    if kind in ("grouped_bar", "line"):
        return len(ind.series()) >= 2
    if series == "target":
        return ind.target_value is not None
    return isinstance(ind.value, (int, float))


def chart_indicators(dataset: Dataset, options: dict) -> list[Indicator]:
    """A chart's indicators; a selector keeps only those the chart kind can draw."""
    found = indicators(dataset, options)
    if "select" in options:
        found = [i for i in found if chartable(i, options["kind"], options.get("series", "value"))]
    return found


def narratives(dataset: Dataset, selector: dict) -> list[tuple[str | None, list[Narrative]]]:
    """Narratives chosen by pillar or topic, grouped by topic in the Topics sheet's order."""
    groups: dict[str | None, list[Narrative]] = {}
    for nar in dataset.narratives.values():
        topic = dataset.topics.get(nar.topic) if nar.topic else None
        if "topic" in selector and nar.topic != selector["topic"]:
            continue
        if "pillar" in selector and (topic is None or topic.pillar != selector["pillar"]):
            continue
        if "hkex" in selector and not any(c == selector["hkex"] or c.startswith(f"{selector['hkex']}.")
                                          for c in nar.hkex_codes):
            continue
        groups.setdefault(nar.topic, []).append(nar)
    order = list(dataset.topics)
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else -1)
