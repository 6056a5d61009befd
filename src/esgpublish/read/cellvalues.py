"""Cell values → typed values (texts, numbers, years, dates, qualifiers, codes, ids), each checked."""
from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from . import schema
from ..diagnostics import Collector, Location
from ..model.dataset import PartialDate, Qualifier, Unit

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
class Percent(float):
    """A number from a cell in a percent format: Excel shows 0.312 as 31.2 %."""

    @property
    def shown(self) -> float:
        """The number as the cell shows it (31.2 for 0.312)."""
        return round(float(self) * 100, 10)


SCALE_WORDS = {"万": 10 ** 4, "亿": 10 ** 8, "千": 10 ** 3, "百万": 10 ** 6, "thousand": 10 ** 3, "k": 10 ** 3,
               "million": 10 ** 6, "mn": 10 ** 6, "m": 10 ** 6, "billion": 10 ** 9, "bn": 10 ** 9}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
NUMBER_IN_TEXT = re.compile(r"^\s*(超过|超|近|约|多|余)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(多|余)?\s*(\S*)\s*$")
HKEX_RE = re.compile(r"^(?:MD[1-3]|[AB][1-8]|D[1-4])(?:\.\d)?$")  # one code; see model.frameworks
GRI_RE = re.compile(r"^(?:[1-9]\d{0,2})(?:-\d{1,2})?[a-z]?$")


def text(cells: dict, key: str, diags: Collector, required: bool, what: str) -> str | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        if required and loc is not None:
            diags.error(loc, f"missing {what}", f"fill in the {what}")
        return None
    if not isinstance(value, str):
        value = plain(value)
    return value


def plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def year(cells: dict, key: str, diags: Collector) -> int | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, bool) or not isinstance(value, (int, float, str)) or \
            not re.fullmatch(r"\d{4}(\.0)?", str(value).strip()):
        diags.error(loc, f"'{value}' is not a year", "type a four-digit year such as 2022")
        return None
    return int(float(value))


FISCAL_RE = re.compile(r"^(?:FY\s*)?(\d{4})\s*[/／]\s*(\d{2}|\d{4})\s*(?:财年|財年|年度|财政年度|年)?$", re.IGNORECASE)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def period(cells: dict, key: str, diags: Collector, year_end: int = 12) -> int | None:
    """A period cell → the year the reporting period ends in: 2022 (a calendar year), or a
    fiscal year typed as 2023/24 (or 2023/2024, FY2023/24), which ends in 2024 and needs the
    Report sheet's year_end."""
    value, loc = cells.get(key, (None, None))
    if isinstance(value, str):
        m = FISCAL_RE.match(value.strip())
        if m:
            start, end = int(m.group(1)), m.group(2)
            end_year = int(end) if len(end) == 4 else (start + 1) // 100 * 100 + int(end)
            if end_year != start + 1:
                diags.error(loc, f"'{value}' is not a fiscal year: it must end the year after it starts",
                            f"type {start}/{(start + 1) % 100:02d}")
                return None
            if year_end == 12:
                diags.error(loc, f"'{value}' is a fiscal year, but the report's year ends in December",
                            "add the row year_end (the month the fiscal year ends, e.g. 3 for 31 March) to the "
                            "sheet '报告 Report', or type the calendar year")
                return None
            return end_year
    return year(cells, key, diags)


def month(value: Any, loc: Location, diags: Collector) -> int | None:
    """A year_end cell → the month the reporting year ends (1–12): 3, "March", "3月", "03-31"."""
    if value is None:
        return 12
    if isinstance(value, (dt.date, dt.datetime)):
        return value.month
    raw = plain(value).strip().lower()
    m = re.fullmatch(r"(\d{1,2})(?:月|-(\d{1,2})|月(\d{1,2})日)?", raw)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    names = [i + 1 for i, name in enumerate(MONTHS) if len(raw) >= 3 and name.startswith(raw)]
    if len(names) == 1:
        return names[0]
    diags.error(loc, f"year_end '{value}' is not a month", "type the month the reporting year ends in: 3 for "
                "31 March, 6 for 30 June, 12 (or nothing) for a calendar year")
    return None


def partial_date(value: Any, loc: Location, diags: Collector) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return PartialDate(value.year, value.month, value.day)
    m = DATE_RE.match(plain(value).strip())
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            dt.date(y, mo or 1, d or 1)
            return PartialDate(y, mo, d)
        except ValueError:
            pass
    diags.error(loc, f"'{value}' is not a date", "type a date as 2022, 2022-07 or 2022-12-31")
    return None


def number(cells: dict, key: str, diags: Collector, unit: Unit | None = None) -> float | int | None:
    """A number cell; one in a percent format counts as the percentage it shows, and only
    for an indicator whose unit is a percentage."""
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        not_a_number(value, loc, diags)
        return None
    if not in_range(value, loc, diags):
        return None
    if isinstance(value, Percent):
        if unit is not None and unit.kind not in ("percent", "change"):
            diags.error(loc, f"the cell shows {value.shown:g}% (a percent format) but the unit '{unit.id}' is "
                             f"not a percentage", "pick a unit of kind percent or change, or remove the percent format "
                             "and type the number itself")
            return None
        shown = value.shown
        return int(shown) if shown.is_integer() else shown
    return value


MAX_MAGNITUDE = 10 ** 15  # the largest figure printed: a quadrillion (1,000万亿 / 1,000,000 billion)


def in_range(value: float | int, loc: Location, diags: Collector) -> bool:
    """Whether a number is finite and at most 10¹⁵ in magnitude; else a located error."""
    if isinstance(value, float) and not math.isfinite(value):
        diags.error(loc, f"'{value}' is not a number", "type a finite number; the cell may hold a failed formula")
        return False
    if abs(value) > MAX_MAGNITUDE:
        diags.error(loc, f"{value:g} is outside the range of figures esgpublish prints (-10^15 to 10^15)",
                    "check the value and its scale; for a larger amount choose a larger unit (e.g. 亿元 / RMB billion)")
        return False
    return True


def not_a_number(value: Any, loc: Location, diags: Collector) -> None:
    m = NUMBER_IN_TEXT.match(str(value))
    scale = _scale(m.group(4)) if m else None
    if m and scale:  # 1260万: the exact number, never the digits alone (ten thousand times too small)
        exact = Decimal(m.group(2).replace(",", "")) * scale
        exact_text = format(exact.normalize(), "f")
        exact_text = exact_text.rstrip("0").rstrip(".") if "." in exact_text else exact_text
        q = m.group(1) or m.group(3)
        diags.error(loc, f"text '{value}' in a number column",
                    f"type the number {exact_text} ({value} written out)"
                    + (f" and '{q}' in the qualifier column" if q else "")
                    + "; the unit decides how it prints (万 in Chinese, million in English)")
        return
    if m and (m.group(1) or m.group(3)):
        q = m.group(1) or m.group(3)
        number = m.group(2).replace(",", "")
        diags.error(loc, f"text '{value}' in a number column",
                    f"type the number {number} here and '{q}' in the qualifier column")
    elif m:
        diags.error(loc, f"text '{value}' in a number column",
                    f"type {m.group(2).replace(',', '')} as a number (without quotes or units)")
    else:
        diags.error(loc, f"text '{value}' in a number column", "type a number")


def _scale(word: str) -> int | None:
    """The scale a word after a number stands for: 万 → 10,000; million → 1,000,000 (a unit after it allowed: 万元)."""
    word = word.strip().lower()
    for key in sorted(SCALE_WORDS, key=len, reverse=True):
        if word.startswith(key) and (len(key) > 1 or not key.isascii() or word == key):
            return SCALE_WORDS[key]
    return None


def qualifier(cells: dict, key: str, diags: Collector) -> Qualifier | None:
    value, loc = cells.get(key, (None, None))
    if value is None:
        return None
    spec = schema.QUALIFIERS.get(str(value).strip())
    if spec is None:
        diags.error(loc, f"unknown qualifier '{value}'",
                    f"use one of {', '.join(schema.QUALIFIERS)} (超 over, 近 nearly, 约 approximately, 多/余 more than)")
        return None
    return Qualifier(str(value).strip(), *spec)


def check_id(cells: dict, seen: dict[str, Location], diags: Collector, what: str) -> str | None:
    value, loc = cells["id"]
    if value is None:
        diags.error(loc, f"missing {what} id", "give the row a short id such as charity_donation")
        return None
    ident = plain(value)
    if not ID_RE.match(ident):
        diags.error(loc, f"invalid id '{ident}'",
                    "use lower-case letters, digits and underscores, starting with a letter")
        return None
    if ident in seen:
        diags.error(loc, f"duplicate id '{ident}' (first defined at {seen[ident].cell})",
                    "give each row its own id")
        return None
    seen[ident] = loc
    return ident


def code(cells: dict, key: str, diags: Collector) -> str | None:
    """HKEX codes (aspects and KPIs: MD1, A1, A2.3, B8.2, D4.1) or GRI disclosures (302-1,
    2-29), one or several (``A1.2, D4.1``) → the codes as one normalised text, or None. An
    unknown code is an error; a GRI standard without its disclosure (``302``) a warning."""
    from ..model.frameworks import ALL_HKEX

    value = text(cells, key, diags, False, f"{key.upper()} code")
    if value is None:
        return None
    loc = cells[key][1]
    codes = [c.strip() for c in re.split(r"[,;，、；]+", value.strip()) if c.strip()]  # several: A1.2, D4.1
    for one in codes:
        if key == "hkex" and one not in ALL_HKEX:
            diags.error(loc, f"'{one}' is not an HKEX ESG Reporting Code or Guide item",
                        "use an aspect or KPI code such as MD1, A1, A2.3, B8.2 or D4.1")
        elif key != "hkex" and not GRI_RE.match(one):
            diags.error(loc, f"'{one}' is not a GRI disclosure number", "use a number such as 302-1 or 413-1")
        elif key != "hkex" and "-" not in one:
            diags.warning(loc, f"'{one}' names a GRI standard, not one of its disclosures",
                          "name the disclosure, e.g. 302-1 (energy consumption within the organisation)")
    return ", ".join(dict.fromkeys(codes)) or None


def codes(value: str | None) -> tuple[str, ...]:
    """A normalised codes text (``A1.2, D4.1``) → its codes."""
    return tuple(value.split(", ")) if value else ()


def indicator_value(cells: dict, unit: Unit | None, diags: Collector):
    value, loc = cells["value"]
    if value is None or unit is None:
        return None
    if unit.kind == "text":
        return plain(value)
    if unit.kind == "date":
        return partial_date(value, loc, diags)
    return number(cells, "value", diags, unit)
