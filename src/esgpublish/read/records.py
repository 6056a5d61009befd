"""The workbook's rows → its records: units, topics, report, indicators with their periods, narratives."""
from __future__ import annotations

from typing import Any

from ..model import placeholders
from . import cellvalues as cell
from . import schema
from ..diagnostics import Collector, Location
from ..model.dataset import Indicator, Narrative, ReportMeta, Text, Topic, Unit
from .hints import suggest
from .xlsxread import SheetReader


def bilingual(cells: dict, zh_key: str, zh: str, en: str, diags: Collector) -> Text:
    """A row's Chinese and English texts → a Text, with the Traditional text of the row's
    ``<zh_key>_hant`` cell (if any), the zh cell and the row's review mark (reviewed_zh_hant)."""
    hant = cell.text(cells, zh_key + schema.HANT_SUFFIX, diags, False, "Traditional Chinese text")
    return Text(zh, en, hant, cells[zh_key][1] if zh_key in cells else None, review_mark(cells))


def review_mark(cells: dict) -> tuple[str, Location] | None:
    """A row's reviewed_zh_hant cell → (the mark typed, its cell), or None."""
    raw, loc = cells.get(schema.REVIEWED, (None, None))
    return (cell.plain(raw).strip(), loc) if raw is not None else None


def read_units(sheet: SheetReader, diags: Collector) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "unit")
        kind, kloc = cells["kind"]
        if kind not in schema.UNIT_KINDS:
            diags.error(kloc, f"unknown unit kind '{kind}'", f"use one of {', '.join(schema.UNIT_KINDS)}")
            continue
        zh = cell.text(cells, "zh", diags, False, "Chinese unit") or ""
        en = cell.text(cells, "en", diags, False, "English unit") or ""
        if ident:
            text = bilingual(cells, "zh", zh, en, diags)
            units[ident] = Unit(ident, kind, zh, en, text.zh_hant, text.origin, text.hant_mark)
    return units


def read_topics(sheet: SheetReader, diags: Collector, need: frozenset[str]) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "topic")
        pillar, ploc = cells["pillar"]
        if pillar not in schema.PILLARS:
            diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
        zh = cell.text(cells, "name_zh", diags, "zh" in need, "Chinese name")
        en = cell.text(cells, "name_en", diags, "en" in need, "English name")
        if ident and pillar in schema.PILLARS and (zh or "zh" not in need) and (en or "en" not in need):
            topics[ident] = Topic(ident, pillar, bilingual(cells, "name_zh", zh or "", en or "", diags))
    return topics


PUBLISHED = (1980, 2100)  # publication years: the date becomes the PDF's and the DOCX's (zip) timestamps


def read_year_end(sheet: SheetReader, diags: Collector) -> int:
    """The Report sheet's year_end row → the month the reporting year ends (12 without one)."""
    for _, cells in sheet.rows():
        key, _ = cells["key"]
        if key is not None and cell.plain(key) == "year_end":
            return cell.month(*cells["value"], diags) or 12
    return 12


def read_report(sheet: SheetReader, diags: Collector, here: Location, need: frozenset[str],
                year_end: int = 12) -> ReportMeta | None:
    """The Report sheet → the report's metadata (``year_end`` read by ``read_year_end``)."""
    values: dict[str, Any] = {}
    origins: dict[str, Location] = {}
    en_origins: dict[str, Location] = {}
    for _, cells in sheet.rows():
        key, kloc = cells["key"]
        key = cell.plain(key) if key is not None else None
        if key not in schema.REPORT_KEYS:
            diags.warning(kloc, f"unknown report key '{key}' is ignored",
                          suggest(str(key), list(schema.REPORT_KEYS)) or f"known keys: {', '.join(schema.REPORT_KEYS)}")
            continue
        required, kind = schema.REPORT_KEYS[key]
        if not required and all(cells[k][0] is None for k in ("value", "zh", "en")):
            continue  # an optional key left empty
        if kind == "text":
            zh = cell.text(cells, "zh", diags, "zh" in need, f"Chinese {key}")
            en = cell.text(cells, "en", diags, "en" in need, f"English {key}")
            values[key] = bilingual(cells, "zh", zh or "", en or "", diags)
            origins[key] = cells["zh"][1]
            en_origins[key] = cells["en"][1]
        else:
            values[key] = cells["value"][0]
            origins[key] = cells["value"][1]
    for key, (required, _) in schema.REPORT_KEYS.items():
        if required and key not in values:
            diags.error(Location(here.file, sheet.spec.name), f"missing report key '{key}'",
                        f"add a row with key '{key}'")
    if "reporting_year" in values:
        year = cell.period({"v": (values["reporting_year"], origins["reporting_year"])}, "v", diags, year_end)
        values["reporting_year"] = year
    values["year_end"] = year_end
    if "publication_date" in values:
        raw, loc = values["publication_date"], origins["publication_date"]
        pd = cell.partial_date(raw, loc, diags)
        if pd and pd.day is None:
            diags.error(loc, f"publication date '{raw}' has no day", "type a full date such as 2023-04-27")
        elif pd and not PUBLISHED[0] <= pd.year <= PUBLISHED[1]:  # it dates the files (PDF, zip entries)
            diags.error(loc, f"publication date {pd.date.isoformat()} is outside {PUBLISHED[0]}–{PUBLISHED[1]}",
                        "type the date the report is published, e.g. 2023-04-27")
            pd = None
        values["publication_date"] = pd.date if pd else None
    if not diags.ok or any(values.get(k) is None for k, (req, _) in schema.REPORT_KEYS.items() if req):
        return None
    return ReportMeta(**{k: values.get(k) for k in schema.REPORT_KEYS}, origins=origins, en_origins=en_origins)


def read_indicators(sheet: SheetReader, diags: Collector, units: dict[str, Unit],
                     topics: dict[str, Topic], invalid: set[tuple[str, str]],
                     need: frozenset[str], year_end: int = 12) -> dict[str, Indicator]:
    """The Indicators sheet → indicators by id; ``invalid`` collects (id, field) pairs
    whose cells were reported, so that later checks do not report them again."""
    out: dict[str, Indicator] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "indicator")
        pillar, ploc = cells["pillar"]
        if pillar not in schema.PILLARS:
            diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
        topic, tloc = cells["topic"]
        if topic not in topics:
            diags.error(tloc, f"unknown topic '{topic}'",
                        suggest(str(topic), list(topics)) or f"add it to the sheet '{schema.TOPICS.name}'")
        elif pillar in schema.PILLARS and topics[topic].pillar != pillar:
            diags.error(ploc, f"pillar '{pillar}' differs from the pillar '{topics[topic].pillar}' of topic '{topic}'",
                        "make the two agree")
        name_zh = cell.text(cells, "name_zh", diags, "zh" in need, "Chinese name") or ("" if "zh" not in need else None)
        name_en = cell.text(cells, "name_en", diags, "en" in need, "English name") or ("" if "en" not in need else None)
        unit = unit_of(cells, units, diags)
        before = len(diags.items)
        value = cell.indicator_value(cells, unit, diags)
        qualifier = cell.qualifier(cells, "qualifier", diags)
        target_qualifier = cell.qualifier(cells, "target_qualifier", diags)
        target = cell.number(cells, "target_value", diags, unit)
        baseline = cell.number(cells, "baseline_value", diags, unit)
        period = cell.period(cells, "period", diags, year_end)
        as_of = cell.partial_date(*cells["as_of"], diags)
        baseline_year = cell.period(cells, "baseline_year", diags, year_end)
        target_year = cell.year(cells, "target_year", diags)
        if ident:
            by_cell = {loc: key for key, (_, loc) in cells.items()}
            invalid.update((ident, by_cell[d.location]) for d in diags.items[before:] if d.location in by_cell)
        if baseline_year and target_year and target_year < baseline_year:
            diags.error(cells["target_year"][1], f"target year {target_year} is before the baseline year {baseline_year}",
                        "check both years")
        if unit is not None and unit.kind == "percent":
            for key, number in (("value", value), ("target_value", target), ("baseline_value", baseline)):
                if isinstance(number, (int, float)) and not 0 <= number <= 100:
                    diags.error(cells[key][1], f"share of {number}% is outside 0–100 %",
                                "a percentage change belongs in a unit of kind 'change'")
        status, reason = status_and_reason(cells, diags, need, "an indicator")
        decimals = decimals_of(cells, diags)
        if status == "reported" and value is None and target is None and cells["value"][0] is None:
            diags.error(cells["value"][1], "no value and no target",
                        "type the value or a target value, or set the status (不适用 / 未披露) and say why")
        quote = cell.text(cells, "source_quote", diags, True, "source quote")
        note_zh = cell.text(cells, "note_zh", diags, False, "Chinese note")
        note_en = cell.text(cells, "note_en", diags, False, "English note")
        if (note_zh is None) != (note_en is None) and len(need) == 2:
            missing = "note_en" if note_en is None else "note_zh"
            diags.error(cells[missing][1], "note given in one language only", "translate the note")
        short_zh = cell.text(cells, "short_zh", diags, False, "Chinese short name")
        short_en = cell.text(cells, "short_en", diags, False, "English short name")
        if ident and name_zh is not None and name_en is not None and unit and quote:
            out[ident] = Indicator(
                ident, str(pillar), str(topic), bilingual(cells, "name_zh", name_zh, name_en, diags), value, unit,
                qualifier,
                period, as_of, baseline_year, baseline, target,
                target_qualifier, target_year,
                cell.code(cells, "hkex", diags), cell.code(cells, "gri", diags),
                quote, bilingual(cells, "note_zh", note_zh or "", note_en or "", diags) if note_zh or note_en else None,
                cells["id"][1], {k: loc for k, (_, loc) in cells.items()},
                short=bilingual(cells, "short_zh" if short_zh else "name_zh", short_zh or name_zh, short_en or name_en,
                                diags) if short_zh or short_en else None,
                status=status, decimals=decimals, reason=reason)
        elif ident:
            invalid.add((ident, "*"))  # a row with errors: references to it are not "unknown"
    return out


def unit_of(cells: dict, units: dict[str, Unit], diags: Collector) -> Unit | None:
    """A row's unit cell → its unit; an unknown or missing unit is an error at the cell."""
    unit_id, uloc = cells["unit"]
    unit = units.get(cell.plain(unit_id)) if unit_id is not None else None
    if unit is None:
        diags.error(uloc, f"unknown unit '{unit_id}'" if unit_id is not None else "missing unit",
                    suggest(str(unit_id), list(units)) or f"use a unit from the sheet '{schema.UNITS.name}'")
    return unit


def indicator_of(cells: dict, indicators: dict[str, Indicator], invalid: set[tuple[str, str]],
                 diags: Collector) -> Indicator | None:
    """A row's indicator cell (Periods, Breakdowns) → the indicator; an unknown id is an error at
    the cell, an indicator whose own row has errors is skipped silently (reported there)."""
    ident, iloc = cells["indicator"]
    ind = indicators.get(cell.plain(ident)) if ident is not None else None
    if ind is None and not (ident is not None and (cell.plain(ident), "*") in invalid):
        diags.error(iloc, f"unknown indicator '{ident}'" if ident is not None else "missing indicator id",
                    suggest(str(ident), list(indicators)) or "use an id from the Indicators sheet")
    return ind


def decimals_of(cells: dict, diags: Collector) -> int | None:
    """The decimals cell → the decimal places to print (0–6), or None."""
    raw, loc = cells.get("decimals", (None, None))
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not float(raw).is_integer() or not 0 <= raw <= 6:
        diags.error(loc, f"decimals '{raw}' is not a whole number from 0 to 6", "type 0, 1, 2 …, or leave it empty")
        return None
    return int(raw)


def status_and_reason(cells: dict, diags: Collector, need: frozenset[str], what: str) -> tuple[str, Text | None]:
    """A row's status and reason cells → (status, reason): a value not applicable or not
    disclosed has an empty value cell and says why in each language published."""
    status = _status(cells, diags)
    texts = {lang: cell.text(cells, f"reason_{lang}", diags, False,
                             "Chinese explanation" if lang == "zh" else "English explanation") for lang in ("zh", "en")}
    if status != "reported":
        if cells["value"][0] is not None:
            diags.error(cells["value"][1], f"a value for {what} whose status is {status.replace('_', ' ')}",
                        f"delete the value, or the status in {cells['status'][1].cell}")
        for lang, text in texts.items():
            if lang in need and not text:
                diags.error(cells[f"reason_{lang}"][1], f"{what} {status.replace('_', ' ')} needs its explanation "
                                                        f"({'Chinese' if lang == 'zh' else 'English'})",
                            "say why: comply or explain")
    reason = bilingual(cells, "reason_zh", texts["zh"] or "", texts["en"] or "", diags) \
        if texts["zh"] or texts["en"] else None
    return status, reason


def _status(cells: dict, diags: Collector) -> str:
    """The Status cell → reported (the default), not_applicable or not_disclosed."""
    raw, loc = cells.get("status", (None, None))
    if raw is None:
        return "reported"
    key = schema.STATUSES.get(str(raw).strip().lower())
    if key is None:
        diags.error(loc, f"unknown status '{raw}'", "use 不适用 (not_applicable) or 未披露 (not_disclosed), "
                                                     "or leave it empty for a reported figure")
        return "reported"
    return key


def read_periods(sheet: SheetReader, diags: Collector, indicators: dict[str, Indicator],
                 invalid: set[tuple[str, str]] = frozenset(), need: frozenset[str] = frozenset(("zh", "en")),
                 year_end: int = 12) -> dict[str, Indicator]:
    """The Periods sheet → indicators with their earlier (or later) reporting years attached,
    and the years they withhold (not applicable, not disclosed) as gaps."""
    from dataclasses import replace

    from ..model.dataset import Gap, PeriodValue

    found: dict[str, dict[int, PeriodValue]] = {}
    gaps: dict[str, dict[int, Gap]] = {}
    for _, cells in sheet.rows():
        ind = indicator_of(cells, indicators, invalid, diags)
        if ind is None:
            continue
        period = cell.period(cells, "period", diags, year_end)
        if cells["period"][0] is None:
            diags.error(cells["period"][1], "missing period", "type the reporting year, e.g. 2021")
        status, reason = status_and_reason(cells, diags, need, "a value")
        if status != "reported":
            if period is not None:
                if period in gaps.setdefault(ind.id, {}) or period in found.get(ind.id, {}) or period == ind.period:
                    diags.error(cells["period"][1], f"'{ind.id}' already has a value for {period}",
                                "keep one row per indicator and year")
                else:
                    gaps[ind.id][period] = Gap(period, status, reason, cells["status"][1])
            continue
        value = cell.number(cells, "value", diags, ind.unit)
        if cells["value"][0] is None:
            diags.error(cells["value"][1], "missing value",
                        "type the value for this year, or the status 不适用 / 未披露 and the reason")
        qualifier = cell.qualifier(cells, "qualifier", diags)
        if period is None or value is None:
            continue
        if ind.unit.kind in ("text", "date"):
            diags.error(cells["indicator"][1], f"indicator '{ind.id}' has a {ind.unit.kind} unit and no yearly values",
                        "only numeric indicators have periods")
            continue
        years = found.setdefault(ind.id, {})
        if period in years or period == ind.period or period in gaps.get(ind.id, {}):
            diags.error(cells["period"][1], f"'{ind.id}' already has a value for {period}",
                        "keep one value per indicator and year")
            continue
        years[period] = PeriodValue(period, value, qualifier, cells["value"][1])
    return {k: replace(v, history=tuple(sorted(found.get(k, {}).values(), key=lambda p: p.period)),
                       gaps=tuple(sorted(gaps.get(k, {}).values(), key=lambda g: g.period)))
            if k in found or k in gaps else v for k, v in indicators.items()}


def read_narratives(sheet: SheetReader, diags: Collector, indicators: dict[str, Indicator],
                     topics: dict[str, Topic], invalid: set[tuple[str, str]],
                     need: frozenset[str]) -> dict[str, Narrative]:
    out: dict[str, Narrative] = {}
    seen: dict[str, Location] = {}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "narrative")
        topic, tloc = cells["topic"]
        if topic is not None and topic not in topics:
            diags.error(tloc, f"unknown topic '{topic}'", suggest(str(topic), list(topics)))
        texts, broken_refs = {}, set()  # a broken indicator is reported once per narrative
        for lang, key in (("zh", "text_zh"), ("en", "text_en")):
            text = cell.text(cells, key, diags, lang in need, "Chinese text" if lang == "zh" else "English text")
            if text is None:
                continue
            texts[lang] = text
            _check_placeholders(text, cells[key][1], diags, indicators, invalid, broken_refs)
            _check_markup(text, cells[key][1], diags)
        hkex, gri = cell.code(cells, "hkex", diags), cell.code(cells, "gri", diags)
        if ident and all(lang in texts for lang in need):
            out[ident] = Narrative(ident, topic, bilingual(cells, "text_zh", texts.get("zh", ""), texts.get("en", ""), diags),
                                   {"zh": cells["text_zh"][1], "en": cells["text_en"][1]},
                                   cell.codes(hkex), cell.codes(gri))
    return out


def _check_markup(text: str, loc: Location, diags: Collector) -> None:
    """A narrative's markup (model/markup.py): its errors and warnings at its cell."""
    from ..model import markup

    for severity, message, hint in markup.parse(text).problems:
        (diags.error if severity == "error" else diags.warning)(loc, message, hint)


def _check_placeholders(text: str, loc: Location, diags: Collector,
                        indicators: dict[str, Indicator], invalid: set[tuple[str, str]],
                        broken_refs: set[str] | None = None) -> None:
    brace = placeholders.unbalanced_brace(text)
    if brace is not None:
        diags.error(loc, f"unbalanced '{text[brace]}' at character {brace + 1}",
                    "write {indicator_id} for a value, or {{ and }} for literal braces")
    for part in placeholders.parse(text):
        if isinstance(part, str):
            continue
        if part.ref == "report":
            if part.attr not in placeholders.REPORT_ATTRS:
                diags.error(loc, f"unknown report field in placeholder {part.raw}",
                            suggest(part.attr, placeholders.REPORT_ATTRS) or
                            f"use one of {', '.join(placeholders.REPORT_ATTRS)}")
            continue
        ind = indicators.get(part.ref)
        if ind is None and (part.ref, "*") in invalid:
            if broken_refs is None or part.ref not in broken_refs:
                diags.error(loc, f"placeholder {part.raw} names '{part.ref}', whose row has errors",
                            "fix the indicator's row first (its errors are listed above)")
            if broken_refs is not None:
                broken_refs.add(part.ref)
            continue
        if ind is None:
            diags.error(loc, f"placeholder {part.raw} names no indicator",
                        suggest(part.ref, list(indicators)) or "use an id from the Indicators sheet")
            continue
        if part.attr not in placeholders.INDICATOR_ATTRS:
            diags.error(loc, f"unknown attribute '{part.attr}' in placeholder {part.raw}",
                        suggest(part.attr, placeholders.INDICATOR_ATTRS) or
                        f"use one of {', '.join(placeholders.INDICATOR_ATTRS)}")
            continue
        field = {"value": "value", "target": "target_value", "baseline": "baseline_value"}.get(part.attr, part.attr)
        if field == "value" and ind.value is None and ind.status != "reported":
            diags.error(loc, f"placeholder {part.raw} names the value of '{ind.id}', which is "
                             f"{ind.status.replace('_', ' ')}", "a sentence cannot print it: change the text")
        elif field != "name" and getattr(ind, field) is None and (ind.id, field) not in invalid:
            diags.error(loc, f"placeholder {part.raw} names the {part.attr.replace('_', ' ')} of '{ind.id}', which is empty",
                        f"fill in {ind.cell(field)} or change the text")


def read_framework(sheet: SheetReader, diags: Collector, indicators: dict[str, Indicator],
                   need: frozenset[str]) -> dict:
    """The Framework sheet → the HKEX aspects and KPIs reported by no indicator, each with its
    status and explanation (for the content index: comply or explain)."""
    from ..model.dataset import FrameworkItem

    covered = {code for ind in indicators.values() for code in ind.hkex_codes}
    out: dict[str, FrameworkItem] = {}
    for _, cells in sheet.rows():
        code = cell.code(cells, "hkex", diags)
        loc = cells["hkex"][1]
        if code is None:
            if cells["hkex"][0] is None:
                diags.error(loc, "missing HKEX code", "type the aspect or KPI, e.g. B1.2")
            continue
        status = _status(cells, diags)
        if status == "reported":
            diags.error(cells["status"][1], "a framework row needs the status 不适用 or 未披露",
                        "a reported KPI is an indicator on the Indicators sheet")
            continue
        texts = {}
        for lang, key in (("zh", "reason_zh"), ("en", "reason_en")):
            texts[lang] = cell.text(cells, key, diags, lang in need, "Chinese explanation" if lang == "zh"
                                    else "English explanation") or ""
        if ", " in code:
            diags.error(loc, f"'{code}': one code per row", "give each explained aspect or KPI a row of its own")
            continue
        if code in covered:
            diags.warning(loc, f"{code} is reported by an indicator; this explanation is not printed",
                          "delete the row, or the indicator's HKEX code")
            continue
        if code in out:
            diags.error(loc, f"{code} is explained twice", "keep one row per code")
            continue
        out[code] = FrameworkItem(code, status, bilingual(cells, "reason_zh", texts["zh"], texts["en"], diags), loc)
    return out
