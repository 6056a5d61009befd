"""``esgpublish init``: an empty, analyst-ready workbook with one example row per sheet.

The example rows are marked as examples; the units are a starting set of HKEX reporting
units. The workbook validates and publishes (a short report) as it is.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .xlsxwrite import write_workbook

from .schema import EXAMPLE_MARKS

EXAMPLE_ZH, EXAMPLE_EN = EXAMPLE_MARKS[:2]

REPORT = [
    ("company", None, "示例公司", "Example Company"),
    ("title", None, "环境、社会及管治报告", "Environmental, Social and Governance Report"),
    ("subtitle", None, EXAMPLE_ZH, EXAMPLE_EN),
    ("author", None, "示例公司", "Example Company"),
    ("subject", None, "环境、社会及管治表现", "Environmental, social and governance performance"),
    ("keywords", None, "ESG", "ESG"),
    ("disclaimer", None, "本文件由模板生成，数字均为示例。", "This document was made from the template; its figures are examples."),
    ("reporting_year", 2024, None, None),
    ("publication_date", dt.date(2025, 4, 30), None, None),
]

TOPICS = [("climate", "E", "气候变化", "Climate change")]

UNITS = [
    ("yuan", "currency", "元", "RMB"),
    ("percent", "percent", "%", "%"),
    ("pct_change", "change", "%", "%"),
    ("tco2e", "count", "吨二氧化碳当量", "tCO2e"),
    ("tonne", "count", "吨", "tonnes"),
    ("mwh", "count", "兆瓦时", "MWh"),
    ("kwh", "count", "千瓦时", "kWh"),
    ("m3", "count", "立方米", "m³"),
    ("hour", "count", "小时", "hours"),
    ("people", "count", "人", "people"),
    ("item", "count", "项", "items"),
    ("case", "count", "宗", "cases"),
    ("month", "date", "", ""),
]

INDICATORS = [
    ("ghg_scope1", "E", "climate", "范围一温室气体排放（示例）", "Scope 1 greenhouse gas emissions (example)",
     100, "tco2e", None, 2024, None, 2023, 120, 80, None, 2030, "A1.2", "305-1",
     "示例：在此粘贴数字所在的原文句子", EXAMPLE_ZH, EXAMPLE_EN),
]

NARRATIVE = [
    ("about", None,
     "本报告介绍示例公司{report.reporting_year}年的环境、社会及管治表现。（示例段落，请替换）",
     "This report presents Example Company's environmental, social and governance performance in {report.reporting_year}. (Example paragraph: replace it.)"),
    ("climate_overview", "climate",
     "{report.reporting_year}年，范围一温室气体排放为{ghg_scope1}，目标是到{ghg_scope1.target_year}年降至{ghg_scope1.target}。（示例）",
     "In {report.reporting_year}, Scope 1 greenhouse gas emissions were {ghg_scope1}; the target is {ghg_scope1.target} by {ghg_scope1.target_year}. (Example.)"),
]

PERIODS = [("ghg_scope1", 2023, 120, None, "示例")]

INSTRUCTIONS = [
    ("说明", "Instructions"),
    ("每个工作表的第一行是表头，请勿修改英文键名（表头最后一个词）。",
     "Row 1 of each sheet is its header; keep the English key (the header's last word)."),
    ("报告 Report：公司名称、标题、报告年度和发布日期。",
     "Report: company, title, reporting year and publication date."),
    ("议题 Topics：议题编号、所属支柱（E/S/G）和中英文名称。",
     "Topics: topic id, pillar (E/S/G) and names in both languages."),
    ("单位 Units：单位编号、类型（count 数量、currency 金额、percent 占比、change 变化率、text 文字、date 日期）和中英文写法。",
     "Units: unit id, kind (count, currency, percent share, change, text, date) and how each language writes it."),
    ("指标 Indicators：每行一个指标。数值只填数字；“超/近/约/多/余”填在限定词列。",
     "Indicators: one row per indicator. Type numbers only in the value column; 超/近/约/多/余 go in the qualifier column."),
    ("期间数值 Periods：指标在其他年度的数值，每行一个年度。",
     "Periods: an indicator's values for other years, one row per year."),
    ("叙述 Narrative：中英文段落；{指标编号} 会替换为该指标在各语言中的写法，如 {ghg_scope1}、{ghg_scope1.target}。",
     "Narrative: paragraphs in both languages; {indicator_id} prints the indicator's value in each language, e.g. {ghg_scope1}, {ghg_scope1.target}."),
    ("编辑后运行 esgpublish validate 检查，再运行 esgpublish publish 生成报告。",
     "After editing, run esgpublish validate to check, then esgpublish publish to build the report."),
]


def write_template(path: Path) -> None:
    """Write the analyst-ready template workbook to ``path``."""
    write_workbook(path, {"report": REPORT, "topics": TOPICS, "units": UNITS, "indicators": INDICATORS,
                          "narrative": NARRATIVE, "periods": PERIODS}, instructions=INSTRUCTIONS)
