#!/usr/bin/env python3
"""Write data/demo_hkex.xlsx: a FICTIONAL company's workbook for the 2025 HKEX ESG report.

Every name and figure below is invented to show what esgpublish does with a full HKEX
workbook: three years of data, breakdowns (B1.1 by gender, age group, employment type and
region; A1.2 by scope; B1.2 and B3.1 by gender; B5.1 by region), derived intensities,
explanations for what it omits, and a short narrative. The company does not exist; the
workbook, the cover and the disclaimer say so. (data/esg_2022.xlsx is the real-company
sample: every figure there is quoted from a press article.)

    python tools/make_demo_workbook.py [--out data/demo_hkex.xlsx]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from esgpublish.read.xlsxwrite import write_workbook  # noqa: E402

FICTIONAL = "虚构示例数据（公司与数字均为虚构）"

REPORT = [
    ("company", None, "海港物流控股（虚构）", "Harbourline Logistics Holdings (fictional)"),
    ("title", None, "2025年环境、社会及管治报告", "2025 Environmental, Social and Governance Report"),
    ("subtitle", None, "虚构公司示例报告：全部数字均为虚构", "Demo report of a fictional company: every figure is invented"),
    ("author", None, "esgpublish 示例", "esgpublish demo"),
    ("subject", None, "虚构公司海港物流控股2025年ESG表现", "ESG performance in 2025 of the fictional Harbourline Logistics Holdings"),
    ("keywords", None, "ESG; 港交所; 虚构示例", "ESG; HKEX; fictional demo"),
    ("disclaimer", None,
     "本报告为 esgpublish 的演示文件。海港物流控股并不存在，文中公司、人物与全部数字均为虚构，仅用于展示香港联交所《环境、社会及管治报告守则》所要求的披露如何由工作簿生成。",
     "This report is an esgpublish demo. Harbourline Logistics Holdings does not exist: the company and every figure in it are invented, to show how the disclosures of the HKEX ESG Reporting Code are produced from a workbook."),
    ("reporting_year", 2025, None, None),
    ("publication_date", dt.date(2026, 3, 31), None, None),
]

TOPICS = [
    ("climate", "E", "排放与气候", "Emissions and climate"),
    ("resources", "E", "资源使用", "Use of resources"),
    ("employment", "S", "雇佣", "Employment"),
    ("safety", "S", "健康与安全", "Health and safety"),
    ("development", "S", "发展及培训", "Development and training"),
    ("supply_chain", "S", "供应链管理", "Supply chain management"),
    ("service", "S", "服务责任", "Service responsibility"),
    ("community", "S", "社区投资", "Community investment"),
    ("board", "G", "董事会与ESG管治", "Board and ESG governance"),
]

UNITS = [
    ("tco2e", "count", "吨二氧化碳当量", "tCO2e"),
    ("tco2e_per_rmb_m", "count", "吨二氧化碳当量/百万元收入", "tCO2e per RMB million of revenue"),
    ("tonne", "count", "吨", "tonnes"),
    ("mwh", "count", "兆瓦时", "MWh"),
    ("m3", "count", "立方米", "m³"),
    ("people", "count", "人", "people"),
    ("day", "count", "天", "days"),
    ("case", "count", "宗", "cases"),
    ("supplier", "count", "家", "suppliers"),
    ("hour", "count", "小时", "hours"),
    ("hour_per_employee", "count", "小时/人", "hours per employee"),
    ("meeting", "count", "次", "meetings"),
    ("yuan", "currency", "元", "RMB"),
    ("percent", "percent", "%", "%"),
]


def ind(ident, pillar, topic, zh, en, value, unit, hkex, *, decimals=None, target=None, target_year=None,
        baseline_year=None, short=(None, None)):
    """One Indicators row (columns in the schema's order)."""
    return (ident, pillar, topic, zh, en, value, unit, None, 2025, None, baseline_year, None, target, None,
            target_year, hkex, None, FICTIONAL, None, None, short[0], short[1], decimals)


INDICATORS = [
    ind("ghg_scope1", "E", "climate", "范围一温室气体排放", "Scope 1 greenhouse gas emissions", 1820, "tco2e", "A1.2",
        short=("范围一", "Scope 1")),
    ind("ghg_scope2", "E", "climate", "范围二温室气体排放", "Scope 2 greenhouse gas emissions", 5410, "tco2e", "A1.2",
        short=("范围二", "Scope 2")),
    ind("ghg_scope12", "E", "climate", "范围一及范围二温室气体排放", "Scope 1 and 2 greenhouse gas emissions", 7230,
        "tco2e", "A1.2", target=6000, target_year=2030, baseline_year=2023),
    ind("hazardous_waste", "E", "resources", "有害废弃物", "Hazardous waste", 12.4, "tonne", "A1.3", decimals=1),
    ind("non_hazardous_waste", "E", "resources", "无害废弃物", "Non-hazardous waste", 860, "tonne", "A1.4"),
    ind("energy", "E", "resources", "能源消耗总量", "Total energy consumption", 18500, "mwh", "A2.1"),
    ind("water", "E", "resources", "耗水量", "Water consumption", 46200, "m3", "A2.2"),
    ind("packaging", "E", "resources", "包装材料用量", "Packaging material used", 2310, "tonne", "A2.5"),
    ind("revenue", "G", "board", "收入", "Revenue", 3_850_000_000, "yuan", None),
    ind("workforce", "S", "employment", "员工总数", "Total workforce", 4860, "people", "B1.1"),
    ind("turnover_rate", "S", "employment", "员工流失率", "Employee turnover rate", 11.8, "percent", "B1.2", decimals=1),
    ind("fatalities", "S", "safety", "因工亡故人数", "Work-related fatalities", 0, "people", "B2.1"),
    ind("lost_days", "S", "safety", "因工伤损失工作日数", "Lost days due to work injury", 312, "day", "B2.2"),
    ind("trained_share", "S", "development", "受训员工百分比", "Employees trained", 92.5, "percent", "B3.1", decimals=1),
    ind("training_hours", "S", "development", "每名员工平均受训时数", "Average training hours per employee", 28.4,
        "hour_per_employee", "B3.2", decimals=1),
    ind("suppliers", "S", "supply_chain", "供应商数目", "Number of suppliers", 1240, "supplier", "B5.1"),
    ind("complaints", "S", "service", "服务相关投诉", "Service-related complaints", 86, "case", "B6.2"),
    ind("corruption_cases", "S", "service", "已审结的贪污诉讼案件", "Concluded corruption cases", 0, "case", "B7.1"),
    ind("volunteer_hours", "S", "community", "员工义工服务时数", "Employee volunteer hours", 12600, "hour", "B8.2"),
    ind("donations", "S", "community", "社区捐款", "Community donations", 6_500_000, "yuan", "B8.2"),
    ind("esg_committee_meetings", "G", "board", "ESG委员会会议", "ESG committee meetings", 4, "meeting", None),
]

PERIODS = [(i, y, v, None, FICTIONAL) for i, values in {
    "ghg_scope1": (2050, 1960), "ghg_scope2": (6020, 5760), "ghg_scope12": (8070, 7720),
    "hazardous_waste": (14.0, 13.1), "non_hazardous_waste": (940, 905), "energy": (20100, 19300),
    "water": (50300, 48900), "packaging": (2500, 2420), "revenue": (3_320_000_000, 3_610_000_000),
    "workforce": (4510, 4720), "turnover_rate": (13.4, 12.6), "fatalities": (0, 0), "lost_days": (401, 356),
    "trained_share": (87.3, 90.1), "training_hours": (24.5, 26.9), "suppliers": (1105, 1180),
    "complaints": (131, 102), "corruption_cases": (0, 0), "volunteer_hours": (9800, 11200),
    "donations": (5_200_000, 5_800_000), "esg_committee_meetings": (3, 4),
}.items() for y, v in zip((2023, 2024), values)]

DIMENSIONS = [
    ("gender", None, "性别", "Gender"), ("gender", "female", "女性", "Female"), ("gender", "male", "男性", "Male"),
    ("age", None, "年龄组别", "Age group"), ("age", "under_30", "30岁以下", "Under 30"),
    ("age", "30_to_50", "30至50岁", "30 to 50"), ("age", "over_50", "50岁以上", "Over 50"),
    ("employment", None, "雇佣类型", "Employment type"), ("employment", "full_time", "全职", "Full-time"),
    ("employment", "part_time", "兼职", "Part-time"),
    ("region", None, "地区", "Region"), ("region", "hong_kong", "香港", "Hong Kong"),
    ("region", "mainland", "中国内地", "Mainland China"), ("region", "southeast_asia", "东南亚", "Southeast Asia"),
    ("scope", None, "范围", "Scope"), ("scope", "scope1", "范围一", "Scope 1"), ("scope", "scope2", "范围二", "Scope 2"),
]


def _parts(ident: str, year: int, dimension: str, values: dict[str, float]):
    return [(ident, year, dimension, cat, v, None, FICTIONAL) for cat, v in values.items()]


BREAKDOWNS = (
    # B1.1: the workforce, each dimension adding up to the total of its year
    _parts("workforce", 2025, "gender", {"female": 2010, "male": 2850})
    + _parts("workforce", 2024, "gender", {"female": 1930, "male": 2790})
    + _parts("workforce", 2023, "gender", {"female": 1820, "male": 2690})
    + _parts("workforce", 2025, "age", {"under_30": 1540, "30_to_50": 2680, "over_50": 640})
    + _parts("workforce", 2024, "age", {"under_30": 1490, "30_to_50": 2610, "over_50": 620})
    + _parts("workforce", 2025, "employment", {"full_time": 4420, "part_time": 440})
    + _parts("workforce", 2025, "region", {"hong_kong": 1120, "mainland": 3240, "southeast_asia": 500})
    + _parts("workforce", 2024, "region", {"hong_kong": 1090, "mainland": 3180, "southeast_asia": 450})
    # B1.2 and B3.1: rates by gender (not additive)
    + _parts("turnover_rate", 2025, "gender", {"female": 10.9, "male": 12.4})
    + _parts("trained_share", 2025, "gender", {"female": 93.8, "male": 91.6})
    # A1.2: emissions by scope, adding up to scopes 1 and 2
    + _parts("ghg_scope12", 2025, "scope", {"scope1": 1820, "scope2": 5410})
    + _parts("ghg_scope12", 2024, "scope", {"scope1": 1960, "scope2": 5760})
    + _parts("ghg_scope12", 2023, "scope", {"scope1": 2050, "scope2": 6020})
    # B5.1: suppliers by region
    + _parts("suppliers", 2025, "region", {"hong_kong": 310, "mainland": 760, "southeast_asia": 170})
)

DERIVED = [
    ("ghg_intensity", "E", "climate", "温室气体排放密度", "Greenhouse gas intensity",
     "(ghg_scope1 + ghg_scope2) / revenue * 1000000", "tco2e_per_rmb_m", 2, "A1.2"),
    ("water_intensity", "E", "resources", "耗水密度（每名员工）", "Water consumption per employee",
     "water / workforce", "m3", 1, "A2.2"),
]

FRAMEWORK = [
    ("A3.1", "不适用", "本集团为物流服务商，业务对环境及天然资源并无重大影响。",
     "As a logistics services provider, the group has no significant impact on the environment and natural resources."),
    ("B4.1", "未披露", "本集团正建立检讨雇佣惯例的程序，将于下一报告年度披露。",
     "The group is setting up its review of employment practices and will report on it next year."),
]

NARRATIVE = [
    ("about", None,
     "本报告介绍虚构公司海港物流控股{report.reporting_year}年的环境、社会及管治表现，按香港联交所《环境、社会及管治报告守则》编制。公司与全部数字均为虚构。",
     "This report presents the {report.reporting_year} environmental, social and governance performance of the fictional Harbourline Logistics Holdings, prepared under the HKEX ESG Reporting Code. The company and every figure are invented."),
    ("env_climate", "climate",
     "{report.reporting_year}年，集团范围一及范围二温室气体排放合计{ghg_scope12}，排放密度为每百万元收入{ghg_intensity}。集团目标是到{ghg_scope12.target_year}年将排放降至{ghg_scope12.target}以下。",
     "In {report.reporting_year}, the group's scope 1 and 2 greenhouse gas emissions totalled {ghg_scope12}, an intensity of {ghg_intensity}. The group aims to bring them below {ghg_scope12.target} by {ghg_scope12.target_year}."),
    ("env_resources", "resources",
     "集团全年耗能{energy}，耗水{water}，每名员工耗水{water_intensity}。",
     "The group used {energy} of energy and {water} of water in the year, {water_intensity} per employee."),
    ("soc_people", "employment",
     "截至年末，集团共有员工{workforce}，员工流失率为{turnover_rate}。",
     "At the year end the group employed {workforce}; employee turnover was {turnover_rate}."),
    ("soc_training", "development",
     "{trained_share}的员工接受了培训，每名员工平均受训{training_hours}。",
     "{trained_share} of employees were trained, {training_hours} on average."),
    ("soc_community", "community",
     "员工全年参与义工服务{volunteer_hours}，集团向社区捐款{donations}。",
     "Employees gave {volunteer_hours} of volunteer work and the group donated {donations} to the community."),
    ("gov_board", "board",
     "董事会辖下ESG委员会全年举行{esg_committee_meetings}会议，检讨ESG目标的进展。",
     "The board's ESG committee met {esg_committee_meetings} in the year to review progress against the ESG targets."),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "demo_hkex.xlsx")
    args = parser.parse_args(argv)
    write_workbook(args.out, {"report": REPORT, "topics": TOPICS, "units": UNITS, "indicators": INDICATORS,
                              "narrative": NARRATIVE, "periods": PERIODS, "dimensions": DIMENSIONS,
                              "breakdowns": BREAKDOWNS, "derived": DERIVED, "framework": FRAMEWORK},
                   created=dt.date(2026, 3, 31))
    print(f"{args.out}: {len(INDICATORS) + len(DERIVED)} indicators (fictional), {len(BREAKDOWNS)} breakdown values")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
