"""The validated dataset: what the workbook says, typed and located.

Produced by ``workbook.read_workbook``; read by ``compose``. Every value keeps the
location of the cell it came from, so the IR can say where each printed value came from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..diagnostics import Location

Lang = Literal["zh", "en", "zh_hant"]
LANGS: tuple[Lang, ...] = ("zh", "en")  # the languages a workbook is written in (zh_hant derives from zh)


def is_chinese(lang: str) -> bool:
    """A language tag → whether it is Chinese (zh, Simplified; zh_hant, Traditional)."""
    return lang.startswith("zh")


@dataclass(frozen=True)
class Text:
    """A text in both languages, with the Traditional Chinese form the workbook may give
    (``zh_hant``; without it, ``get("zh_hant")`` converts ``zh`` with OpenCC's s2hk).
    ``origin`` is the cell of ``zh`` and ``hant_mark`` the row's reviewed_zh_hant mark,
    where the text comes from a workbook row."""

    zh: str
    en: str
    zh_hant: str | None = None
    origin: Location | None = field(default=None, compare=False, hash=False, repr=False)
    hant_mark: tuple[str, Location] | None = field(default=None, compare=False, hash=False, repr=False)

    def get(self, lang: Lang) -> str:
        """A language tag → the text in it (Traditional: the workbook's, else converted)."""
        if lang == "zh_hant":
            return hong_kong(self.zh, self.zh_hant)
        return self.zh if lang == "zh" else self.en


def traditional(text: str) -> str:
    """Simplified Chinese → Hong Kong Traditional (OpenCC s2hk, phrase by phrase)."""
    from ..traditional import to_hk

    return to_hk(text)


def hong_kong(zh: str, zh_hant: str | None) -> str:
    """A Simplified text and the workbook's Traditional one (or None) → the Traditional printed."""
    from ..traditional import hong_kong as hk

    return hk(zh, zh_hant)


@dataclass(frozen=True)
class PartialDate:
    """A year, a month or a day: "2022", "2022-07" or "2022-12-31"."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class Unit:
    """A unit from the Units sheet: its kind decides how values print."""

    id: str
    kind: str
    zh: str
    en: str
    zh_hant: str | None = None  # the workbook's Traditional form, else converted from zh
    origin: Location | None = field(default=None, compare=False, hash=False, repr=False)  # the zh cell
    hant_mark: tuple[str, Location] | None = field(default=None, compare=False, hash=False, repr=False)

    def get(self, lang: Lang) -> str:
        """A language tag → the unit's word in it."""
        if lang == "zh_hant":
            return hong_kong(self.zh, self.zh_hant)
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Qualifier:
    """超/近/约/多 as typed, with its meaning and where the Chinese form goes."""

    typed: str
    meaning: str  # over | nearly | approximately | more_than
    zh: str
    position: str  # before | after the number

    def get(self, lang: Lang) -> str:
        """The Chinese form in a Chinese language: 超过 / 超過, 约 / 約, 余 / 餘."""
        return traditional(self.zh) if lang == "zh_hant" else self.zh


@dataclass(frozen=True)
class Topic:
    id: str
    pillar: str
    name: Text


Value = int | float | str | PartialDate


@dataclass(frozen=True)
class PeriodValue:
    """An indicator's value for one reporting year (from the Periods sheet or its own row)."""

    period: int
    value: float | int
    qualifier: "Qualifier | None"
    origin: Location


@dataclass(frozen=True)
class BreakdownValue:
    """An indicator's value for one category of one dimension in one year (B1.1's workforce
    by gender: 'female' of 'gender' in 2024)."""

    period: int
    dimension: str
    category: str
    value: float | int
    qualifier: "Qualifier | None"
    origin: Location


@dataclass(frozen=True)
class Gap:
    """A value the report withholds for one year (and, in a breakdown, one category): not
    applicable or not disclosed, with the reason (comply or explain, value by value)."""

    period: int
    status: str  # not_applicable | not_disclosed
    reason: "Text | None"
    origin: Location
    dimension: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class FrameworkItem:
    """An HKEX aspect or KPI the report covers by no indicator: why (comply or explain)."""

    code: str
    status: str  # not_applicable | not_disclosed
    reason: Text
    origin: Location


@dataclass(frozen=True)
class Dimension:
    """A way to break a figure down (gender, age group, region, scope …): its name and its
    categories, in the workbook's order."""

    id: str
    name: Text
    categories: dict[str, Text]


@dataclass(frozen=True)
class Indicator:
    """One row of the Indicators sheet."""

    id: str
    pillar: str
    topic: str
    name: Text
    value: Value | None
    unit: Unit
    qualifier: Qualifier | None
    period: int | None
    as_of: PartialDate | None
    baseline_year: int | None
    baseline_value: float | None
    target_value: float | None
    target_qualifier: Qualifier | None
    target_year: int | None
    hkex: str | None
    gri: str | None
    source_quote: str
    note: Text | None
    origin: Location  # the row's id cell
    cells: dict[str, Location] = field(default_factory=dict, compare=False, hash=False)
    history: tuple["PeriodValue", ...] = ()
    short: Text | None = None  # a short name for chart labels
    status: str = "reported"  # reported | not_applicable | not_disclosed (comply or explain)
    reason: Text | None = None  # why it is not applicable or not disclosed
    breakdowns: tuple[BreakdownValue, ...] = ()  # by dimension and category, per year
    decimals: int | None = None  # decimal places printed (None: as many as the value has)
    derived_from: tuple[Location, ...] = ()  # a derived indicator: the cells of every input
    gaps: tuple[Gap, ...] = ()  # years (or categories of a year) not applicable or not disclosed

    def gap(self, period: int, dimension: str | None = None, category: str | None = None) -> "Gap | None":
        """The withheld value of one year (and category), if the workbook says it is withheld."""
        return next((g for g in self.gaps if (g.period, g.dimension, g.category) == (period, dimension, category)),
                    None)

    def series(self) -> tuple["PeriodValue", ...]:
        """Values by reporting year, oldest first: the Periods sheet plus this row's own value."""
        own = ()
        if self.period is not None and isinstance(self.value, (int, float)):
            own = (PeriodValue(self.period, self.value, self.qualifier, self.cell("value")),)
        merged = {p.period: p for p in self.history + own}
        return tuple(merged[k] for k in sorted(merged))

    def cell(self, key: str) -> Location:
        """The location of one of this row's cells, by column key."""
        return self.cells.get(key, self.origin)

    @property
    def hkex_codes(self) -> tuple[str, ...]:
        """The HKEX codes the indicator reports (one cell may name several: ``A1.2, D4.1``)."""
        return tuple(self.hkex.split(", ")) if self.hkex else ()

    @property
    def gri_codes(self) -> tuple[str, ...]:
        """The GRI disclosures the indicator reports."""
        return tuple(self.gri.split(", ")) if self.gri else ()


@dataclass(frozen=True)
class Narrative:
    """One narrative block: text in both languages, with {placeholders}."""

    id: str
    topic: str | None
    text: Text
    origins: dict[str, Location] = field(compare=False, hash=False, default_factory=dict)
    hkex_codes: tuple[str, ...] = ()  # the HKEX aspects and KPIs the text reports (board statement: MD1)
    gri_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportMeta:
    """The Report sheet: company, title and dates."""

    company: Text
    title: Text
    subtitle: Text | None
    author: Text
    subject: Text | None
    keywords: Text | None
    disclaimer: Text | None
    source: Text | None
    reporting_year: int  # the year the reporting period ends in (2024 for 2023/24)
    publication_date: dt.date
    year_end: int = 12  # the month the reporting year ends: 12 a calendar year, 3 for 31 March
    origins: dict[str, Location] = field(compare=False, hash=False, default_factory=dict)  # value or zh cell
    en_origins: dict[str, Location] = field(compare=False, hash=False, default_factory=dict)  # en cell
    logo: str | None = None  # the id of the cover's logo on the Images sheet
    stock_code: str | int | None = None  # printed on the cover


@dataclass(frozen=True)
class Dataset:
    """Everything the workbook holds, validated."""

    path: str
    meta: ReportMeta
    topics: dict[str, Topic]
    units: dict[str, Unit]
    indicators: dict[str, Indicator]
    narratives: dict[str, Narrative]
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    framework: dict[str, FrameworkItem] = field(default_factory=dict)
    images: dict = field(default_factory=dict)  # id → model.assets.ImageAsset (Images sheet)
    tables: dict = field(default_factory=dict)  # id → model.assets.FreeTable (Tables sheet)
    materiality: tuple = ()  # model.assets.MaterialTopic (Materiality sheet)
