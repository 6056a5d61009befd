"""The workbook's schema: sheets, their columns and the allowed values.

One place that the reader (``workbook.py``), the sample and template writers and the
documentation agree on. Headers are bilingual ("中文 key"); the reader matches a header
by its trailing ASCII key, so analysts may reword the Chinese part.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..compose.words import PILLAR_NAMES


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its key, bilingual header, whether it is required."""

    key: str
    zh: str
    required: bool = False
    width: int = 14
    template: bool = True  # written into new workbooks (the optional Traditional columns are not)

    @property
    def header(self) -> str:
        return f"{self.zh} {self.key}"


@dataclass(frozen=True)
class Sheet:
    """One sheet: its bilingual name and its columns in order."""

    key: str
    name: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def written(self) -> tuple[Column, ...]:
        """The columns a new workbook (``esgpublish init``, the samples) has."""
        return tuple(c for c in self.columns if c.template)


HANT_SUFFIX = "_hant"  # name_zh → name_zh_hant: the cell's Traditional Chinese (Hong Kong) text
REVIEWED = "reviewed_zh_hant"  # a row's mark: its converted Traditional text was reviewed


def _with_hant(sheet: Sheet) -> Sheet:
    """A sheet with its optional Traditional columns: one beside each Chinese text column
    (name_zh → name_zh_hant) and the row's review mark (reviewed_zh_hant), read when present."""
    extra = tuple(Column(c.key + HANT_SUFFIX, "繁体" + c.zh, False, c.width, template=False)
                  for c in sheet.columns if c.key == "zh" or c.key.endswith("_zh"))
    if not extra:
        return sheet
    return Sheet(sheet.key, sheet.name, sheet.columns + extra + (Column(REVIEWED, "繁体已审", False, 12, template=False),))


REPORT = Sheet("report", "报告 Report", (
    Column("key", "键", True, 20),
    Column("value", "值", False, 14),
    Column("zh", "中文", False, 50),
    Column("en", "英文", False, 50),
))

TOPICS = Sheet("topics", "议题 Topics", (
    Column("id", "编号", True, 16),
    Column("pillar", "支柱", True, 8),
    Column("name_zh", "中文名称", True, 20),
    Column("name_en", "英文名称", True, 30),
))

UNITS = Sheet("units", "单位 Units", (
    Column("id", "编号", True, 14),
    Column("kind", "类型", True, 10),
    Column("zh", "中文", False, 14),
    Column("en", "英文", False, 22),
))

INDICATORS = Sheet("indicators", "指标 Indicators", (
    Column("id", "编号", True, 26),
    Column("pillar", "支柱", True, 7),
    Column("topic", "议题", True, 11),
    Column("name_zh", "中文名称", True, 28),
    Column("name_en", "英文名称", True, 36),
    Column("value", "数值", False, 12),
    Column("unit", "单位", True, 11),
    Column("qualifier", "限定词", False, 8),
    Column("period", "期间", False, 8),
    Column("as_of", "截至", False, 11),
    Column("baseline_year", "基准年", False, 9),
    Column("baseline_value", "基准值", False, 9),
    Column("target_value", "目标值", False, 10),
    Column("target_qualifier", "目标限定词", False, 10),
    Column("target_year", "目标年", False, 9),
    Column("hkex", "港交所指标", False, 9),
    Column("gri", "GRI", False, 9),
    Column("source_quote", "来源引文", True, 60),
    Column("note_zh", "中文备注", False, 24),
    Column("note_en", "英文备注", False, 30),
    Column("short_zh", "中文简称", False, 14),
    Column("short_en", "英文简称", False, 22),
    Column("decimals", "小数位", False, 8),
    Column("status", "状态", False, 12),
    Column("reason_zh", "中文说明", False, 30),
    Column("reason_en", "英文说明", False, 36),
))

#: an indicator's status: what it may be typed as → its key (comply or explain)
STATUSES = {"reported": "reported", "已披露": "reported",
            "not_applicable": "not_applicable", "n/a": "not_applicable", "不适用": "not_applicable",
            "not_disclosed": "not_disclosed", "未披露": "not_disclosed"}

NARRATIVE = Sheet("narrative", "叙述 Narrative", (
    Column("id", "编号", True, 18),
    Column("topic", "议题", False, 11),
    Column("text_zh", "中文正文", True, 70),
    Column("text_en", "英文正文", True, 70),
    Column("hkex", "港交所指标", False, 12),
    Column("gri", "GRI", False, 10),
))

PERIODS = Sheet("periods", "期间数值 Periods", (
    Column("indicator", "指标编号", True, 26),
    Column("period", "期间", True, 8),
    Column("value", "数值", True, 12),
    Column("qualifier", "限定词", False, 8),
    Column("source_quote", "来源引文", False, 60),
    Column("status", "状态", False, 12),
    Column("reason_zh", "中文说明", False, 30),
    Column("reason_en", "英文说明", False, 36),
))

DIMENSIONS = Sheet("dimensions", "维度 Dimensions", (
    Column("dimension", "维度", True, 16),
    Column("category", "类别", False, 16),
    Column("zh", "中文", True, 20),
    Column("en", "英文", True, 24),
))

BREAKDOWNS = Sheet("breakdowns", "细分 Breakdowns", (
    Column("indicator", "指标编号", True, 26),
    Column("period", "期间", True, 8),
    Column("dimension", "维度", True, 16),
    Column("category", "类别", True, 16),
    Column("value", "数值", True, 12),
    Column("qualifier", "限定词", False, 8),
    Column("source_quote", "来源引文", False, 60),
    Column("status", "状态", False, 12),
    Column("reason_zh", "中文说明", False, 30),
    Column("reason_en", "英文说明", False, 36),
))

DERIVED = Sheet("derived", "派生 Derived", (
    Column("id", "编号", True, 26),
    Column("pillar", "支柱", True, 7),
    Column("topic", "议题", True, 11),
    Column("name_zh", "中文名称", True, 28),
    Column("name_en", "英文名称", True, 36),
    Column("expression", "算式", True, 36),
    Column("unit", "单位", True, 11),
    Column("decimals", "小数位", False, 8),
    Column("hkex", "港交所指标", False, 9),
))

FRAMEWORK = Sheet("framework", "框架 Framework", (
    Column("hkex", "港交所指标", True, 10),
    Column("status", "状态", True, 12),
    Column("reason_zh", "中文说明", True, 40),
    Column("reason_en", "英文说明", True, 48),
))

REPORT, TOPICS, UNITS, INDICATORS, NARRATIVE, PERIODS, DIMENSIONS, BREAKDOWNS, DERIVED, FRAMEWORK = map(
    _with_hant, (REPORT, TOPICS, UNITS, INDICATORS, NARRATIVE, PERIODS, DIMENSIONS, BREAKDOWNS, DERIVED, FRAMEWORK))
from .assetschema import ASSET_SHEETS, IMAGES, MATERIALITY, TABLES  # noqa: E402  (images, free tables, materiality)

SHEETS = (REPORT, TOPICS, UNITS, INDICATORS, NARRATIVE, PERIODS, DIMENSIONS, BREAKDOWNS, DERIVED, FRAMEWORK,
          *ASSET_SHEETS)
#: sheets a workbook may leave out (older workbooks have no Periods sheet; the rest are optional)
OPTIONAL_SHEETS = ("periods", "dimensions", "breakdowns", "derived", "framework", "images", "tables", "materiality")
INSTRUCTIONS_SHEET = "说明 Instructions"

#: HKEX ESG Reporting Guide aspects and the number of KPIs each has
HKEX_KPIS = {"A1": 6, "A2": 5, "A3": 1, "A4": 1, "B1": 2, "B2": 3, "B3": 2, "B4": 2,
             "B5": 4, "B6": 5, "B7": 3, "B8": 2}

PILLARS = tuple(PILLAR_NAMES)  # E, S, G; their names are in words.PILLAR_NAMES

#: count: a number of things; currency: money; percent: a share (0–100 %);
#: change: a percentage change (any size); ratio: a rate or average per something (hours per
#: employee, tCO2e per RMB million), printed as a count is but never added up; text: a grade
#: or name; date: a year, month or day
UNIT_KINDS = ("count", "currency", "percent", "change", "ratio", "text", "date")

#: qualifier as typed in the workbook → (meaning, Chinese form, placed before/after the number)
QUALIFIERS = {
    "超": ("over", "超过", "before"), "超过": ("over", "超过", "before"),
    "近": ("nearly", "近", "before"), "约": ("approximately", "约", "before"),
    "多": ("more_than", "多", "after"), "余": ("more_than", "余", "after"),
    "逾": ("over", "逾", "before"),
}

#: what the template's example rows say: a row still saying it is left over (a warning)
EXAMPLE_MARKS = ("示例，请替换", "Example: replace it", "（示例", "(example)")

#: report metadata keys: key → (required, kind) where kind is "text" (zh/en) or "value"
REPORT_KEYS = {
    "company": (True, "text"),
    "title": (True, "text"),
    "subtitle": (False, "text"),
    "author": (True, "text"),
    "subject": (False, "text"),
    "keywords": (False, "text"),
    "disclaimer": (False, "text"),
    "source": (False, "text"),
    "reporting_year": (True, "value"),
    "publication_date": (True, "value"),
    "year_end": (False, "value"),
    "logo": (False, "value"),  # an image id of the Images sheet, printed on the cover
    "stock_code": (False, "value"),  # printed on the cover
}
