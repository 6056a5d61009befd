"""Values in each edition's locale form, through Babel.

``quantity(value, unit, qualifier, lang)`` → "超过16,300小时" / "over 16,300 hours";
"2,270万元" / "RMB22.70 million"; "1.9亿" / "190 million"; "460%" in both;
dates "2023年4月27日" / "27 April 2023". Chinese scales at 万 from 100,000 and at 亿
from 100,000,000 (the source's own forms: 24万家, 16300小时); English at million.
Traditional Chinese (zh_hant) takes its dates from zh_Hant_HK and its 萬/億 from zh_Hant
(zh_Hant_HK's compact patterns are Western: 22.7M): 2,270萬元, 超過1.9億.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal

from ..model.dataset import Lang, PartialDate, Qualifier, Unit, is_chinese, traditional
from .words import word

LOCALES: dict[str, str] = {"zh": "zh_Hans_CN", "en": "en_GB", "zh_hant": "zh_Hant_HK"}
#: where each language's scale words (万/亿, million) come from
COMPACT_LOCALES: dict[str, str] = {"zh": "zh_Hans_CN", "en": "en_GB", "zh_hant": "zh_Hant"}
NBSP = "\u00a0"


@lru_cache(maxsize=None)
def _scale_word(lang: Lang, power: int) -> str:
    """Babel's word for 10**power in the locale: "万", "亿", "萬", "億", " million", " billion"."""
    if is_chinese(lang):
        text = format_compact_decimal(10 ** power, locale=COMPACT_LOCALES[lang])
    else:
        text = format_compact_decimal(10 ** power, format_type="long", locale=COMPACT_LOCALES[lang])
    return text[1:].replace(" ", NBSP)


def _scales(lang: Lang) -> tuple[tuple[int, int], ...]:
    """(threshold power, scale power) pairs, largest first."""
    return ((8, 8), (5, 4)) if is_chinese(lang) else ((9, 9), (6, 6))


def _decimal(value: float | int) -> Decimal:
    """The shortest decimal that reads back as ``value`` (0.1, not 0.1000000000000000055…)."""
    if isinstance(value, int) or float(value).is_integer():
        return Decimal(int(value))
    return Decimal(repr(float(value)))


def _places(lang: Lang, money: bool) -> int:
    """Decimal places a scaled number may show: 2 for English money (RMB22.70 million), else 3."""
    return 2 if money and lang == "en" else 3


def lossless(value: float | int, power: int, places: int) -> bool:
    """Whether ``value`` scaled by 10**power shows every digit it has in ``places`` decimals."""
    scaled = _decimal(value) / (Decimal(10) ** power)
    return scaled == scaled.quantize(Decimal(1).scaleb(-places))


def scale_power(values, lang: Lang, *, money: bool = False, decimals: int | None = None) -> int:
    """The one scale for a set of numbers (an indicator's periods, a chart's axis): the
    locale's largest that the largest reaches and that loses no digit of any (at
    ``decimals`` places where the workbook fixes them), else none."""
    values = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    top = max((abs(v) for v in values), default=0)
    places = _places(lang, money) if decimals is None else decimals
    for threshold, power in _scales(lang):
        if top >= 10 ** threshold and all(lossless(_rounded(v, decimals), power, places) for v in values):
            return power
    return 0


def _rounded(value: float | int, decimals: int | None) -> float | int | Decimal:
    """``value`` rounded half up to ``decimals`` places (as reports round), or as it is."""
    if decimals is None:
        return value
    return _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: float | int, lang: Lang, *, money: bool = False, power: int | None = None,
           decimals: int | None = None) -> str:
    """A number in the locale's grouping and scale words, keeping its significant figures:
    万/亿 (million/billion) only where they lose no digit (152,345.67, not 15.235万);
    ``power`` forces the scale of a set (``scale_power``); ``decimals`` fixes the places
    shown (the workbook's decimals column or the layout block's), rounded half up."""
    if power is None:
        power = scale_power([value], lang, money=money, decimals=decimals)
    fixed = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    if power:
        scaled = _decimal(value) / (Decimal(10) ** power)
        if decimals is not None:
            scaled = scaled.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        pattern = fixed or ("#,##0.00" if money and lang == "en" else "#,##0.###")
        return format_decimal(scaled, format=pattern, locale=LOCALES[lang]) + _scale_word(lang, power)
    pattern = fixed or ("#,##0.00" if money and lang == "en" and not float(value).is_integer() else "#,##0.###")
    return format_decimal(_rounded(value, decimals) if decimals is not None else _decimal(value), format=pattern,
                          locale=LOCALES[lang])


def axis(ticks: tuple[float, ...], lang: Lang, *, percent: bool = False) -> tuple[tuple[float, str], ...]:
    """Axis ticks → (tick, label) in one scale for the whole axis, the largest tick's
    (0, 6万, 12万, 18万; never 60,000 beside 12万)."""
    top = max((abs(t) for t in ticks), default=0)
    power = next((p for threshold, p in _scales(lang) if top >= 10 ** threshold), 0)
    out = []
    for t in ticks:
        scaled = _decimal(t) / (Decimal(10) ** power)
        text = format_decimal(scaled, format="#,##0.###", locale=LOCALES[lang])
        text += (_scale_word(lang, power) if power and t else "") + ("%" if percent else "")
        out.append((t, text))
    return tuple(out)


def date(value: PartialDate | dt.date, lang: Lang) -> str:
    """A day, month or year in the locale's long form: 2023年4月27日 / 27 April 2023."""
    if isinstance(value, dt.date):
        return format_date(value, "long", locale=LOCALES[lang])
    if value.day:
        return format_date(value.date, "long", locale=LOCALES[lang])
    if value.month:
        return format_skeleton("yMMMM", value.date, locale=LOCALES[lang])
    return str(value.year)


def year(value: int, lang: Lang, year_end: int = 12) -> str:
    """A reporting period as written in text and headers: 2022 (a calendar year) or, for a
    year ending in another month, the fiscal year by the years it spans: 2023/24 (ends 2024)."""
    if year_end == 12:
        return str(value)
    return f"{value - 1}/{value % 100:02d}"


def quantity(value: float | int | str | PartialDate, unit: Unit, qualifier: Qualifier | None,
             lang: Lang, *, with_unit: bool = True, power: int | None = None, decimals: int | None = None) -> str:
    """A value with its unit and qualifier, as a sentence or a table cell prints it
    (``power``: the scale shared with the other values it stands beside)."""
    if isinstance(value, PartialDate):
        return date(value, lang)
    if unit.kind == "text":
        text = traditional(str(value)) if lang == "zh_hant" else str(value)
        return text + unit.get(lang) if is_chinese(lang) and with_unit else text
    num = number(value, lang, money=unit.kind == "currency", power=power, decimals=decimals)
    if unit.kind in ("percent", "change"):
        core = num + "%"
    elif unit.kind == "currency":
        if is_chinese(lang):
            core = num + (unit.get(lang) if with_unit else "")
        else:
            core = (unit.en if with_unit else "") + num
    else:
        u = unit.get(lang) if with_unit else ""
        core = num + (u if is_chinese(lang) else (NBSP + u if u else ""))
    if qualifier is None:
        return core
    if is_chinese(lang):
        if qualifier.position == "after":  # 4,000多棵: the mark goes between number and unit
            unit_text = unit.get(lang) if with_unit and unit.kind in ("count", "currency") else ""  # 3,860万多元
            stem = core[: len(core) - len(unit_text)] if unit_text else core
            return stem + qualifier.get(lang) + unit_text
        return qualifier.get(lang) + core
    return word(qualifier.meaning, "en") + " " + core
