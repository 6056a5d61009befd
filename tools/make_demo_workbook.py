#!/usr/bin/env python3
"""Write data/demo_hkex.xlsx: a FICTIONAL company's workbook for the 2025 HKEX ESG report.

Every name and figure below is invented to show what esgpublish does with a full HKEX
workbook: three years of data, breakdowns (B1.1 by gender, age group, employment type and
region; B1.2 by gender, age group and region; B3.1 and B3.2 by gender and employee
category; A1.2 by scope; A2.1 by energy type; B5.1 by region), an indicator for every KPI
of subject areas A and B it reports, derived intensities, explanations for what it omits
(an aspect, an indicator, a year, a category), and a short narrative. The company does not exist; the
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_text import CASES, CLIMATE_TABLE, GOVERNANCE_TABLE, MANAGEMENT, MESSAGES, METHODOLOGY_TABLE  # noqa: E402  (the management narratives)

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
    ("logo", "logo", None, None),
    ("stock_code", "9999", None, None),
]

TOPICS = [
    ("climate", "E", "排放与气候", "Emissions and climate"),
    ("resources", "E", "资源使用", "Use of resources"),
    ("employment", "S", "雇佣", "Employment"),
    ("safety", "S", "健康与安全", "Health and safety"),
    ("development", "S", "发展及培训", "Development and training"),
    ("supply_chain", "S", "供应链管理", "Supply chain management"),
    ("service", "S", "服务责任", "Service responsibility"),
    ("integrity", "S", "反贪污", "Anti-corruption"),
    ("community", "S", "社区投资", "Community investment"),
    ("message", "G", "主席致辞", "Chairman's message"),
    ("profile", "G", "集团概览", "About the group"),
    ("board", "G", "董事会与ESG管治", "Board and ESG governance"),
    ("stakeholders", "G", "利益相关方参与", "Stakeholder engagement"),
    ("materiality", "G", "重要性评估", "Materiality assessment"),
]

UNITS = [
    ("tco2e", "count", "吨二氧化碳当量", "tCO2e"),
    ("tco2e_per_rmb_m", "ratio", "吨二氧化碳当量/百万元收入", "tCO2e per RMB million of revenue"),
    ("tonne", "count", "吨", "tonnes"),
    ("kg", "count", "千克", "kg"),
    ("mwh_per_rmb_m", "ratio", "兆瓦时/百万元收入", "MWh per RMB million of revenue"),
    ("tonne_per_rmb_m", "ratio", "吨/百万元收入", "tonnes per RMB million of revenue"),
    ("tonne_per_rmb_bn", "ratio", "吨/十亿元收入", "tonnes per RMB billion of revenue"),
    ("kg_per_k_parcels", "ratio", "千克/千件包裹", "kg per thousand parcels"),
    ("parcel", "count", "件", "parcels"),
    ("centre", "count", "个", "centres"),
    ("vehicle", "count", "辆", "vehicles"),
    ("audit", "count", "次", "audits"),
    ("project", "count", "个", "projects"),
    ("pct_reduction", "change", "%", "%"),
    ("mwh", "count", "兆瓦时", "MWh"),
    ("m3", "count", "立方米", "m³"),
    ("m3_per_employee", "ratio", "立方米/人", "m³ per employee"),
    ("people", "count", "人", "people"),
    ("day", "count", "天", "days"),
    ("case", "count", "宗", "cases"),
    ("supplier", "count", "家", "suppliers"),
    ("hour", "count", "小时", "hours"),
    ("hour_per_employee", "ratio", "小时/人", "hours per employee"),
    ("meeting", "count", "次", "meetings"),
    ("yuan", "currency", "元", "RMB"),
    ("percent", "percent", "%", "%"),
]


def ind(ident, pillar, topic, zh, en, value, unit, hkex, *, decimals=None, target=None, target_year=None,
        baseline_year=None, baseline=None, short=(None, None), status=None, reason=(None, None), gri=None,
        note=(None, None)):
    """One Indicators row (columns in the schema's order)."""
    return (ident, pillar, topic, zh, en, value, unit, None, 2025 if value is not None else None, None,
            baseline_year, baseline, target, None, target_year, hkex, gri, FICTIONAL, note[0], note[1], short[0], short[1],
            decimals, status, reason[0], reason[1])


INDICATORS = [
    # A1 Emissions
    ind("nox", "E", "climate", "氮氧化物排放", "Nitrogen oxides (NOx) emitted", 3860, "kg", "A1.1", gri="305-7"),
    ind("sox", "E", "climate", "硫氧化物排放", "Sulphur oxides (SOx) emitted", 41.2, "kg", "A1.1", decimals=1, gri="305-7"),
    ind("pm", "E", "climate", "颗粒物排放", "Particulate matter emitted", 286, "kg", "A1.1", gri="305-7"),
    ind("ghg_scope1", "E", "climate", "范围一温室气体排放", "Scope 1 greenhouse gas emissions", 1820, "tco2e", "A1.2, D4.1",
        short=("范围一", "Scope 1"), gri="305-1"),
    ind("ghg_scope2", "E", "climate", "范围二温室气体排放", "Scope 2 greenhouse gas emissions", 5410, "tco2e", "A1.2, D4.1",
        short=("范围二", "Scope 2"), gri="305-2",
        note=("按地点法计算，采用各地电网排放因子", "location-based, with each grid's emission factor")),
    ind("ghg_scope12", "E", "climate", "范围一及范围二温室气体排放", "Scope 1 and 2 greenhouse gas emissions", 7230,
        "tco2e", "A1.2", target=6000, target_year=2030, baseline_year=2023, baseline=8070,
        note=("目标以2023年为基准年，经董事会批准", "the target, on the 2023 baseline, was approved by the board")),
    ind("hazardous_waste", "E", "resources", "有害废弃物", "Hazardous waste", 12.4, "tonne", "A1.3", decimals=1, gri="306-3"),
    ind("non_hazardous_waste", "E", "resources", "无害废弃物", "Non-hazardous waste", 860, "tonne", "A1.4", gri="306-3"),
    ind("ghg_reduction", "E", "climate", "范围一及范围二排放较基准年减少", "Scope 1 and 2 emissions cut on the baseline",
        10.4, "pct_reduction", "A1.5, D4.3", decimals=1, target=25, target_year=2030, baseline_year=2023),
    ind("waste_recycled_share", "E", "resources", "无害废弃物回收率", "Non-hazardous waste recycled", 41.5, "percent",
        "A1.6", decimals=1, target=60, target_year=2030),
    # A2 Use of resources
    ind("energy", "E", "resources", "能源消耗总量", "Total energy consumption", 18500, "mwh", "A2.1", gri="302-1"),
    ind("energy_intensity_cut", "E", "resources", "能源密度较基准年下降", "Energy intensity cut on the baseline", 20.6,
        "pct_reduction", "A2.3", decimals=1, target=30, target_year=2030, baseline_year=2023),
    ind("water", "E", "resources", "耗水量", "Water consumption", 46200, "m3", "A2.2", gri="303-5"),
    ind("water_intensity_cut", "E", "resources", "耗水密度较基准年下降", "Water intensity cut on the baseline", 14.8,
        "pct_reduction", "A2.4", decimals=1, target=15, target_year=2030, baseline_year=2023),
    ind("packaging", "E", "resources", "包装材料用量", "Packaging material used", 2310, "tonne", "A2.5"),
    ind("shipments", "G", "profile", "处理包裹件数", "Parcels handled", 96_400_000, "parcel", None),
    ind("revenue", "G", "profile", "收入", "Revenue", 3_850_000_000, "yuan", None),
    ind("logistics_centres", "G", "profile", "物流中心", "Logistics centres", 14, "centre", None),
    ind("fleet", "G", "profile", "自有车辆", "Vehicles in the fleet", 1260, "vehicle", None),
    # B1 Employment
    ind("workforce", "S", "employment", "员工总数", "Total workforce", 4860, "people", "B1.1", gri="2-7"),
    ind("turnover_rate", "S", "employment", "员工流失率", "Employee turnover rate", 11.8, "percent", "B1.2", decimals=1, gri="401-1"),
    # B2 Health and safety
    ind("fatalities", "S", "safety", "因工亡故人数", "Work-related fatalities", 0, "people", "B2.1", gri="403-9"),
    ind("lost_days", "S", "safety", "因工伤损失工作日数", "Lost days due to work injury", 312, "day", "B2.2", gri="403-9"),
    ind("safety_training_hours", "S", "safety", "安全培训总时数", "Safety training hours", 21400, "hour", "B2.3"),
    # B3 Development and training
    ind("trained_share", "S", "development", "受训员工百分比", "Employees trained", 92.5, "percent", "B3.1", decimals=1),
    ind("training_hours", "S", "development", "每名员工平均受训时数", "Average training hours per employee", 28.4,
        "hour_per_employee", "B3.2", decimals=1, gri="404-1"),
    # B4 Labour standards
    ind("child_forced_labour_cases", "S", "employment", "童工或强制劳工个案", "Cases of child or forced labour", 0, "case",
        "B4.2", gri="408-1"),
    # B5 Supply chain
    ind("suppliers", "S", "supply_chain", "供应商数目", "Number of suppliers", 1240, "supplier", "B5.1"),
    ind("suppliers_assessed", "S", "supply_chain", "已执行审核的供应商", "Suppliers assessed", 486, "supplier", "B5.2"),
    ind("suppliers_screened_share", "S", "supply_chain", "经环境及社会风险筛查的供应商比例",
        "Suppliers screened for environmental and social risks", 78.0, "percent", "B5.3", decimals=1, gri="308-1, 414-1"),
    ind("green_procurement_share", "S", "supply_chain", "绿色采购占比", "Green procurement share", 23.6, "percent",
        "B5.4", decimals=1),
    # B6 Service responsibility
    ind("recalls", "S", "service", "因安全与健康理由而回收的产品比例", "Products recalled for safety and health reasons",
        None, "percent", "B6.1", status="不适用",
        reason=("本集团提供物流服务，不生产或销售产品。", "The group provides logistics services and makes or sells no products.")),
    ind("complaints", "S", "service", "服务相关投诉", "Service-related complaints", 86, "case", "B6.2"),
    ind("ip_cases", "S", "service", "知识产权纠纷个案", "Intellectual property disputes", 0, "case", "B6.3"),
    ind("quality_audits", "S", "service", "服务质量审核次数", "Service quality audits", 64, "audit", "B6.4"),
    ind("data_breaches", "S", "service", "客户资料外泄事件", "Customer data breaches", 0, "case", "B6.5", gri="418-1"),
    # B7 Anti-corruption
    ind("corruption_cases", "S", "integrity", "已审结的贪污诉讼案件", "Concluded corruption cases", 0, "case", "B7.1", gri="205-3"),
    ind("whistleblowing_reports", "S", "integrity", "举报个案", "Whistle-blowing reports received", 7, "case", "B7.2"),
    ind("anticorruption_training_hours", "S", "integrity", "反贪污培训时数", "Anti-corruption training hours", 3650,
        "hour", "B7.3"),
    # B8 Community investment
    ind("community_projects", "S", "community", "社区项目数目", "Community projects", 18, "project", "B8.1"),
    ind("volunteer_hours", "S", "community", "员工义工服务时数", "Employee volunteer hours", 12600, "hour", "B8.2"),
    ind("donations", "S", "community", "社区捐款", "Community donations", 6_500_000, "yuan", "B8.2", gri="201-1"),
    ind("esg_committee_meetings", "G", "board", "ESG委员会会议", "ESG committee meetings", 4, "meeting", None),
]

PERIODS = [(i, y, v, None, FICTIONAL) for i, values in {
    "nox": (4410, 4120), "sox": (48.6, 44.9), "pm": (331, 305),
    "ghg_scope1": (2050, 1960), "ghg_scope2": (6020, 5760), "ghg_scope12": (8070, 7720),
    "hazardous_waste": (14.0, 13.1), "non_hazardous_waste": (940, 905), "ghg_reduction": (None, 4.3),
    "waste_recycled_share": (33.0, 37.2), "energy": (20100, 19300), "energy_intensity_cut": (None, 11.7),
    "water": (50300, 48900), "water_intensity_cut": (None, 7.1), "packaging": (2500, 2420),
    "shipments": (81_200_000, 88_900_000), "revenue": (3_320_000_000, 3_610_000_000),
    "logistics_centres": (12, 13), "fleet": (1180, 1215),
    "workforce": (4510, 4720), "turnover_rate": (13.4, 12.6), "fatalities": (0, 0), "lost_days": (401, 356),
    "safety_training_hours": (17900, 19800), "trained_share": (87.3, 90.1), "training_hours": (24.5, 26.9),
    "child_forced_labour_cases": (0, 0), "suppliers": (1105, 1180), "suppliers_assessed": (402, 451),
    "suppliers_screened_share": (None, 65.0), "green_procurement_share": (18.2, 20.9),
    "complaints": (131, 102), "ip_cases": (0, 0), "quality_audits": (52, 58), "data_breaches": (0, 0),
    "corruption_cases": (0, 0), "whistleblowing_reports": (5, 9), "anticorruption_training_hours": (2980, 3310),
    "community_projects": (12, 15), "volunteer_hours": (9800, 11200),
    "donations": (5_200_000, 5_800_000), "esg_committee_meetings": (3, 4),
}.items() for y, v in zip((2023, 2024), values) if v is not None] + [
    # a year withheld, with the reason (comply or explain, value by value)
    ("suppliers_screened_share", 2023, None, None, FICTIONAL, "未披露", "筛查于2024年开始。",
     "Screening began in 2024."),
]

DIMENSIONS = [
    ("gender", None, "性别", "Gender"), ("gender", "female", "女性", "Female"), ("gender", "male", "男性", "Male"),
    ("age", None, "年龄组别", "Age group"), ("age", "under_30", "30岁以下", "Under 30"),
    ("age", "30_to_50", "30至50岁", "30 to 50"), ("age", "over_50", "50岁以上", "Over 50"),
    ("employment", None, "雇佣类型", "Employment type"), ("employment", "full_time", "全职", "Full-time"),
    ("employment", "part_time", "兼职", "Part-time"),
    ("category", None, "员工类别", "Employee category"), ("category", "senior", "高级管理层", "Senior management"),
    ("category", "middle", "中级管理层", "Middle management"), ("category", "general", "一般员工", "General staff"),
    ("region", None, "地区", "Region"), ("region", "hong_kong", "香港", "Hong Kong"),
    ("region", "mainland", "中国内地", "Mainland China"), ("region", "southeast_asia", "东南亚", "Southeast Asia"),
    ("scope", None, "范围", "Scope"), ("scope", "scope1", "范围一", "Scope 1"), ("scope", "scope2", "范围二", "Scope 2"),
    ("energy_type", None, "能源类型", "Energy type"), ("energy_type", "electricity", "外购电力", "Purchased electricity"),
    ("energy_type", "diesel", "柴油", "Diesel"), ("energy_type", "petrol", "汽油", "Petrol"),
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
    + _parts("workforce", 2023, "age", {"under_30": 1450, "30_to_50": 2480, "over_50": 580})
    + _parts("workforce", 2025, "employment", {"full_time": 4420, "part_time": 440})
    + _parts("workforce", 2024, "employment", {"full_time": 4300, "part_time": 420})
    + _parts("workforce", 2023, "employment", {"full_time": 4120, "part_time": 390})
    + _parts("workforce", 2025, "region", {"hong_kong": 1120, "mainland": 3240, "southeast_asia": 500})
    + _parts("workforce", 2024, "region", {"hong_kong": 1090, "mainland": 3180, "southeast_asia": 450})
    + _parts("workforce", 2023, "region", {"hong_kong": 1060, "mainland": 3050, "southeast_asia": 400})
    # B1.2: turnover rates by gender, age group and region (rates: not additive)
    + _parts("turnover_rate", 2025, "gender", {"female": 10.9, "male": 12.4})
    + _parts("turnover_rate", 2024, "gender", {"female": 11.8, "male": 13.2})
    + _parts("turnover_rate", 2025, "age", {"under_30": 19.6, "30_to_50": 9.1, "over_50": 5.2})
    + _parts("turnover_rate", 2025, "region", {"hong_kong": 9.4, "mainland": 12.1, "southeast_asia": 15.3})
    + [("turnover_rate", 2024, "region", "southeast_asia", None, None, FICTIONAL, "未披露",
        "东南亚业务于2024年末并入，当年未统计流失率。",
        "The Southeast Asian business joined at the end of 2024; its turnover was not measured that year.")]
    + _parts("turnover_rate", 2024, "region", {"hong_kong": 10.2, "mainland": 13.0})
    # B3.1 and B3.2: training by gender and employee category
    + _parts("trained_share", 2025, "gender", {"female": 93.8, "male": 91.6})
    + _parts("trained_share", 2025, "category", {"senior": 100.0, "middle": 97.5, "general": 91.2})
    + _parts("training_hours", 2025, "gender", {"female": 29.1, "male": 27.9})
    + _parts("training_hours", 2025, "category", {"senior": 35.0, "middle": 31.6, "general": 27.7})
    # A1.2: emissions by scope, adding up to scopes 1 and 2
    + _parts("ghg_scope12", 2025, "scope", {"scope1": 1820, "scope2": 5410})
    + _parts("ghg_scope12", 2024, "scope", {"scope1": 1960, "scope2": 5760})
    + _parts("ghg_scope12", 2023, "scope", {"scope1": 2050, "scope2": 6020})
    # A2.1: energy by type
    + _parts("energy", 2025, "energy_type", {"electricity": 9800, "diesel": 7900, "petrol": 800})
    + _parts("energy", 2024, "energy_type", {"electricity": 10100, "diesel": 8300, "petrol": 900})
    + _parts("energy", 2023, "energy_type", {"electricity": 10400, "diesel": 8700, "petrol": 1000})
    # B5.1: suppliers by region
    + _parts("suppliers", 2025, "region", {"hong_kong": 310, "mainland": 760, "southeast_asia": 170})
    + _parts("suppliers", 2024, "region", {"hong_kong": 300, "mainland": 730, "southeast_asia": 150})
    + _parts("suppliers", 2023, "region", {"hong_kong": 290, "mainland": 700, "southeast_asia": 115})
)

DERIVED = [
    ("ghg_intensity", "E", "climate", "温室气体排放密度", "Greenhouse gas intensity",
     "(ghg_scope1 + ghg_scope2) / revenue * 1000000", "tco2e_per_rmb_m", 2, "A1.2"),
    ("energy_intensity", "E", "resources", "能源密度", "Energy intensity",
     "energy / revenue * 1000000", "mwh_per_rmb_m", 2, "A2.1"),
    ("water_intensity", "E", "resources", "耗水密度（每名员工）", "Water consumption per employee",
     "water / workforce", "m3_per_employee", 1, "A2.2"),
    ("packaging_intensity", "E", "resources", "每千件包裹包装材料用量", "Packaging per thousand parcels",
     "packaging * 1000 / shipments * 1000", "kg_per_k_parcels", 1, "A2.5"),
    ("hazardous_waste_intensity", "E", "resources", "有害废弃物密度", "Hazardous waste intensity",
     "hazardous_waste / revenue * 1000000000", "tonne_per_rmb_bn", 2, "A1.3"),
    ("non_hazardous_waste_intensity", "E", "resources", "无害废弃物密度", "Non-hazardous waste intensity",
     "non_hazardous_waste / revenue * 1000000", "tonne_per_rmb_m", 3, "A1.4"),
]

FRAMEWORK = [
    ("D4.2", "未披露", "本集团正建立范围三排放的计算方法，将于2027年起披露。",
     "The group is setting up its method for Scope 3 emissions and will report them from 2027."),
    ("B4.1", "未披露", "本集团正建立检讨雇佣惯例的程序，将于下一报告年度披露。",
     "The group is setting up its review of employment practices and will report on it next year."),
]

CASE_STUDY = ("case_ev_fleet", None,
              "集团于{report.reporting_year}年在葵涌物流中心引入电动货车车队，以充电桩取代柴油加油，并按夜间电价安排充电。首年车队行驶里程中近三成由电动货车完成。\n\n项目亦为司机提供电动车安全驾驶培训，并与电力公司合作评估扩建充电设施。（虚构案例）",
              "In {report.reporting_year} the group brought an electric van fleet into its Kwai Chung logistics centre, replacing diesel refuelling with chargers and charging at night-time tariffs. In the first year nearly a third of the fleet's distance was driven by electric vans.\n\nDrivers were trained to drive electric vans safely, and the group is studying larger charging facilities with the power company. (A fictional case.)",
              None)


NARRATIVE = [
    ("about", None,
     "本报告介绍虚构公司海港物流控股{report.reporting_year}年的环境、社会及管治表现，按香港联交所《环境、社会及管治报告守则》编制。公司与全部数字均为虚构。",
     "This report presents the {report.reporting_year} environmental, social and governance performance of the fictional Harbourline Logistics Holdings, prepared under the HKEX ESG Reporting Code. The company and every figure are invented.",
     None),
    ("board_statement", "board",
     "董事会全面负责集团的环境、社会及管治策略及汇报。董事会透过ESG委员会：\n"
     "- 监察**重大ESG事宜**及气候相关风险，包括供应商以及集团车队所依赖的港口与机场所面对的风险[^1]；\n"
     "- 批准重要性评估结果；\n"
     "- 每半年检讨各项ESG目标的进度。\n\n"
     "年内，董事会审阅并批准了重要性评估的结果：评估由外部顾问协助进行，访问了员工、客户、投资者、供应商及社区的代表，按议题对利益相关方及对业务的重要性排序。评估结果决定了本报告的重点与披露范围。\n\n"
     "董事会订立了到{ghg_scope12.target_year}年的减排、节能、节水及废弃物回收目标，并每半年检讨进度；{report.reporting_year}年各项目标的进展载于本报告有关章节。董事会确认本报告已经其审阅及批准。\n\n"
     "ESG政策全文载于[集团网站](https://example.com/esg)（虚构地址）。\n"
     "[^1]: ESG委员会由三名独立非执行董事组成，每季度向董事会汇报。",
     "The board is responsible for the group's ESG strategy and reporting. Through its ESG committee it:\n"
     "- oversees **material ESG issues** and climate-related risks, including those of its suppliers and of the "
     "ports and airports its fleet depends on[^1];\n"
     "- approves the materiality assessment;\n"
     "- reviews progress against the ESG targets twice a year.\n\n"
     "In the year the board reviewed and approved the materiality assessment. An external adviser helped to carry it out, interviewing employees, customers, investors, suppliers and community representatives, and ranking topics by their importance to stakeholders and to the business. Its results set the focus and the scope of this report.\n\n"
     "The board has set targets to {ghg_scope12.target_year} for emissions, energy, water and waste recycling, and reviews progress twice a year; the progress in {report.reporting_year} is given in the chapters of this report. The board has reviewed and approved this report.\n\n"
     "The full ESG policy is on the [group's website](https://example.com/esg) (a fictional address).\n"
     "[^1]: The ESG committee has three independent non-executive directors and reports to the board every quarter.",
     "MD1"),
    ("principles", "board",
     "本报告遵循《环境、社会及管治报告守则》的汇报原则。重要性：报告的议题来自年内的重要性评估，并经董事会批准。量化：关键绩效指标附有计算方法、单位及所用的排放系数。一致性：统计方法与往年一致；如有变更，会在相关数据旁说明其影响。\n\n报告亦参照GRI标准（2021）编制，GRI内容索引载于报告末。",
     "The report follows the reporting principles of the ESG Reporting Code. Materiality: its topics come from the year's materiality assessment, approved by the board. Quantitative: the key performance indicators come with their methods, units and the emission factors used. Consistency: the methods are those of earlier years; where one changes, its effect is stated beside the figures.\n\nThe report has also been prepared with reference to the GRI Standards (2021); the GRI content index is at its end.",
     "MD2"),
    ("boundary", "board",
     "报告范围涵盖集团于香港、中国内地及东南亚的全部物流营运，与综合财务报表的范围一致；分包商的营运不在范围之内。报告期间为{report.reporting_year}年1月1日至12月31日，与集团的财政年度一致。",
     "The report covers all of the group's logistics operations in Hong Kong, Mainland China and Southeast Asia, as its consolidated financial statements do; subcontractors' operations are outside its scope. It covers 1 January to 31 December {report.reporting_year}, the group's financial year.",
     "MD3"),
    ("contact", "board",
     "如对本报告有任何意见，欢迎电邮至 esg@example.com 与集团的可持续发展部联络（虚构地址）。",
     "Comments on this report are welcome by email to esg@example.com, the group's sustainability office (a fictional address).",
     None),
    ("stakeholder_process", "stakeholders",
     "集团透过日常营运与专题活动与主要利益相关方保持沟通，下表列出各组别的沟通渠道及年内关注的议题。各业务部门每季度汇总意见，由ESG委员会审阅并回应。",
     "The group keeps in touch with its main stakeholders in day-to-day work and through dedicated events; the table lists each group's channels and the concerns raised in the year. Each business unit gathers their views every quarter, and the ESG committee reviews and answers them.",
     None),
    ("materiality_process", "materiality",
     "重要性评估分三步进行：识别议题（参考港交所守则、同业报告及媒体报道，共列出15项）；评估（问卷及访谈合共收回286份意见，按对利益相关方及对业务的重要性评分）；确认（管理层讨论结果，并经董事会批准）。右上方的议题为本报告的重点。",
     "The materiality assessment took three steps: identification (15 topics, from the HKEX Code, peers' reports and the press); assessment (286 responses from surveys and interviews, each topic scored by its importance to stakeholders and to the business); and validation (management discussed the results and the board approved them). The topics at the top right are the focus of this report.",
     None),
    *MESSAGES,
    *[row for row in MANAGEMENT if row[0].endswith("_policy")],
    ("env_climate", "climate",
     "{report.reporting_year}年，集团范围一及范围二温室气体排放合计{ghg_scope12}，排放密度为{ghg_intensity}，较{ghg_reduction.baseline_year}年减少{ghg_reduction}。集团目标是到{ghg_scope12.target_year}年将排放降至{ghg_scope12.target}以下。",
     "In {report.reporting_year}, the group's scope 1 and 2 greenhouse gas emissions totalled {ghg_scope12}, an intensity of {ghg_intensity}, {ghg_reduction} less than in {ghg_reduction.baseline_year}. The group aims to bring them below {ghg_scope12.target} by {ghg_scope12.target_year}.",
     "A1, D4"),
    ("env_nature", "resources",
     "集团的仓库位于已开发的工业区，业务对环境及天然资源并无重大影响；集团仍监察仓库的噪音及车队的废气排放。",
     "The group's warehouses stand in developed industrial areas, and its operations have no significant impact on the environment and natural resources; it still monitors warehouse noise and its fleet's exhaust.",
     "A3, A3.1"),
    ("climate_governance", "climate",
     "ESG委员会每季度检讨气候相关风险及机遇，并向董事会汇报；营运总监负责执行减排计划。",
     "The ESG committee reviews climate-related risks and opportunities every quarter and reports to the board; the chief operating officer carries out the emission plan.",
     "D1"),
    ("climate_strategy", "climate",
     "集团识别的主要气候相关风险及机遇：\n"
     "1. 实体风险：台风及暴雨对仓储与车队的影响；\n"
     "2. 转型风险：燃油车辆的碳成本[^1]；\n"
     "3. 机遇：*电动货车*的应用。\n"
     "[^1]: 按每吨二氧化碳当量人民币100元的内部碳价估算（虚构假设）。",
     "The main climate-related risks and opportunities the group has identified:\n"
     "1. physical risk: typhoons and rainstorms affecting its warehouses and fleet;\n"
     "2. transition risk: the carbon cost of its fuel vehicles[^1];\n"
     "3. opportunity: *electric vans*.\n"
     "[^1]: Estimated at an internal carbon price of RMB100 per tonne of CO2e (a fictional assumption).",
     "D2"),
    ("climate_risk", "climate",
     "气候相关风险纳入集团的企业风险管理流程，按发生可能性及影响程度每年评估。",
     "Climate-related risks are part of the group's enterprise risk management and are assessed each year by likelihood and impact.",
     "D3"),
    ("env_resources", "resources",
     "集团全年耗能{energy}，耗水{water}，每名员工耗水{water_intensity}；无害废弃物回收率为{waste_recycled_share}。",
     "The group used {energy} of energy and {water} of water in the year, {water_intensity} per employee; {waste_recycled_share} of its non-hazardous waste was recycled.",
     "A2"),
    ("soc_people", "employment",
     "截至年末，集团共有员工{workforce}，员工流失率为{turnover_rate}。",
     "At the year end the group employed {workforce}; employee turnover was {turnover_rate}.",
     "B1"),
    ("soc_safety", "safety",
     "集团全年提供安全培训{safety_training_hours}，因工伤损失工作日{lost_days}。",
     "The group gave {safety_training_hours} of safety training in the year; {lost_days} were lost to work injury.",
     "B2"),
    ("soc_training", "development",
     "{trained_share}的员工接受了培训，每名员工平均受训{training_hours}。",
     "{trained_share} of employees were trained, {training_hours} on average.",
     "B3"),
    ("soc_supply", "supply_chain",
     "集团共有供应商{suppliers}，全年审核{suppliers_assessed}，{suppliers_screened_share}的供应商经环境及社会风险筛查。",
     "The group worked with {suppliers}, assessed {suppliers_assessed} in the year and screened {suppliers_screened_share} of them for environmental and social risks.",
     "B5"),
    ("soc_service", "service",
     "集团全年接获服务相关投诉{complaints}，全部于五个工作日内回复；年内未发生客户资料外泄事件。",
     "The group received {complaints} about its services in the year and answered each within five working days; no customer data was breached.",
     "B6"),
    ("soc_integrity", "integrity",
     "集团全年接获举报{whistleblowing_reports}，提供反贪污培训{anticorruption_training_hours}。",
     "The group received {whistleblowing_reports} of whistle-blowing and gave {anticorruption_training_hours} of anti-corruption training.",
     "B7"),
    ("soc_community", "community",
     "集团全年开展社区项目{community_projects}，员工参与义工服务{volunteer_hours}，集团向社区捐款{donations}。",
     "The group ran {community_projects}; employees gave {volunteer_hours} of volunteer work and the group donated {donations} to the community.",
     "B8"),
    *[row for row in MANAGEMENT if not row[0].endswith("_policy")],
    CASE_STUDY,
    *CASES,
    ("gov_board", "board",
     "董事会辖下ESG委员会全年举行{esg_committee_meetings}会议，检讨ESG目标的进展。",
     "The board's ESG committee met {esg_committee_meetings} in the year to review progress against the ESG targets.",
     None),
]


IMAGES = [
    ("logo", "logo.png", "海港物流控股（虚构）标志", "Logo of Harbourline Logistics Holdings (fictional)", None, None),
    ("depot", "depot.jpg", "集装箱码头旁的物流仓库与电动货车（生成的示意图）",
     "A logistics depot beside a container terminal, with electric vans (a generated illustration)",
     "葵涌物流中心的电动货车车队（示意图，非真实照片）",
     "The electric van fleet at the Kwai Chung logistics centre (an illustration, not a photograph)"),
]

TABLES = [
    ("stakeholders", "title", "利益相关方沟通", "Stakeholder engagement"),
    ("stakeholders", "header", "利益相关方", "Stakeholder group", "沟通渠道", "Channels", "关注议题", "Concerns"),
    ("stakeholders", "row", "员工", "Employees", "员工大会、意见调查、内联网", "Town halls, surveys, intranet",
     "职业安全、培训、薪酬福利", "Safety at work, training, pay and benefits"),
    ("stakeholders", "row", "客户", "Customers", "客户服务热线、满意度调查、业务会议",
     "Service hotline, satisfaction surveys, account meetings", "服务质量、资料私隐、准时交付",
     "Service quality, data privacy, on-time delivery"),
    ("stakeholders", "row", "股东及投资者", "Shareholders and investors", "股东周年大会、业绩发布会、投资者会议",
     "AGM, results briefings, investor meetings", "气候风险、企业管治、长远回报",
     "Climate risk, corporate governance, long-term returns"),
    ("stakeholders", "row", "供应商", "Suppliers", "供应商评估、年度会议", "Supplier assessments, annual meetings",
     "公平采购、准时付款、环境标准", "Fair procurement, prompt payment, environmental standards"),
    ("stakeholders", "row", "社区", "Communities", "义工活动、社区伙伴会议", "Volunteering, community partner meetings",
     "交通安全、噪音、社区投资", "Road safety, noise, community investment"),
    ("stakeholders", "row", "政府及监管机构", "Government and regulators", "咨询文件回应、定期报告",
     "Responses to consultations, regular reports", "合规、排放、劳工权益", "Compliance, emissions, labour rights"),
    *CLIMATE_TABLE,
    *GOVERNANCE_TABLE,
    *METHODOLOGY_TABLE,
    # the glossary printed at the end of the HKEX report
    ("glossary", "title", "词汇表", "Glossary"),
    ("glossary", "header", "词汇", "Term", "释义", "Meaning"),
    ("glossary", "row", "港交所", "HKEX", "香港交易及结算所有限公司", "Hong Kong Exchanges and Clearing Limited"),
    ("glossary", "row", "ESG", "ESG", "环境、社会及管治", "Environmental, social and governance"),
    ("glossary", "row", "范围一排放", "Scope 1 emissions", "集团拥有或控制的排放源直接产生的温室气体排放",
     "Greenhouse gas emissions from sources the group owns or controls"),
    ("glossary", "row", "范围二排放", "Scope 2 emissions", "集团外购电力、热力或蒸汽所产生的间接温室气体排放",
     "Indirect greenhouse gas emissions from the electricity, heat or steam the group buys"),
    ("glossary", "row", "范围三排放", "Scope 3 emissions", "集团价值链中其他间接温室气体排放",
     "Other indirect greenhouse gas emissions in the group's value chain"),
    ("glossary", "row", "二氧化碳当量", "CO2e", "以二氧化碳的全球暖化潜能表示的温室气体量",
     "A quantity of greenhouse gases expressed as the carbon dioxide of equal global warming potential"),
    ("glossary", "row", "密度", "Intensity", "某一数值除以收入、员工人数等基数所得的比率",
     "A figure divided by a base such as revenue or the number of employees"),
    ("glossary", "row", "GRI", "GRI", "全球报告倡议组织及其可持续发展报告标准",
     "The Global Reporting Initiative and its sustainability reporting standards"),
]

# (id, zh, en, importance to stakeholders, importance to the business, pillar)
MATERIALITY = [
    ("ghg", "温室气体排放", "Greenhouse gas emissions", 4.6, 4.4, "E"),
    ("climate_risk", "气候风险与适应", "Climate risk and adaptation", 4.2, 4.5, "E"),
    ("energy", "能源效益", "Energy efficiency", 3.9, 4.1, "E"),
    ("packaging", "包装与废弃物", "Packaging and waste", 3.7, 3.2, "E"),
    ("water", "用水", "Water use", 2.6, 2.2, "E"),
    ("safety", "职业健康与安全", "Occupational health and safety", 4.7, 4.6, "S"),
    ("talent", "人才吸引与保留", "Attracting and keeping talent", 3.8, 4.3, "S"),
    ("training", "培训与发展", "Training and development", 3.5, 3.6, "S"),
    ("labour", "劳工准则", "Labour standards", 3.9, 3.3, "S"),
    ("supply_chain", "供应链管理", "Supply chain management", 3.4, 3.9, "S"),
    ("privacy", "客户资料私隐", "Customer data privacy", 4.4, 4.0, "S"),
    ("service", "服务质量", "Service quality", 4.1, 4.7, "S"),
    ("community", "社区投资", "Community investment", 3.0, 2.6, "S"),
    ("anti_corruption", "反贪污", "Anti-corruption", 4.0, 4.2, "G"),
    ("governance", "ESG管治", "ESG governance", 3.6, 3.8, "G"),
]

def make_assets(folder: Path) -> None:
    """The demo's images, drawn deterministically with Pillow: the fictional logo (PNG) and an
    illustration of a depot (JPEG); both small and the same bytes on every run."""
    from PIL import Image, ImageDraw, ImageFont

    folder.mkdir(parents=True, exist_ok=True)
    fonts = ROOT / "fonts"
    logo = Image.new("RGB", (520, 160), "#FFFFFF")
    d = ImageDraw.Draw(logo)
    d.rounded_rectangle((8, 8, 152, 152), radius=28, fill="#0B6E4F")
    for k in range(3):  # three waves
        y = 62 + k * 26
        d.arc((24, y - 22, 80, y + 22), 200, 340, fill="#FFFFFF", width=9)
        d.arc((80, y - 22, 136, y + 22), 200, 340, fill="#E07A1F" if k == 1 else "#FFFFFF", width=9)
    d.text((172, 30), "Harbourline", font=ImageFont.truetype(str(fonts / "NotoSans-Bold.ttf"), 50), fill="#0B6E4F")
    d.text((174, 96), "海港物流控股", font=ImageFont.truetype(str(fonts / "NotoSansSC-Bold.ttf"), 38), fill="#333333")
    logo.save(folder / "logo.png", optimize=True)
    w, h = 800, 480
    photo = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(photo)
    for y in range(h):  # sky, then the sea
        t = y / h
        d.line((0, y, w, y), fill=(int(150 + 80 * t), int(190 + 40 * t), 235) if y < 250 else
               (int(30 + 40 * t), int(90 + 40 * t), int(130 + 30 * t)))
    colours = ["#C0392B", "#2E86C1", "#E07A1F", "#0B6E4F", "#7D3C98", "#F1C40F"]
    for i in range(14):  # stacks of containers
        for j in range(1 + (i * 7) % 4):
            x0, y0 = 40 + i * 52, 240 - (j + 1) * 26
            d.rectangle((x0, y0, x0 + 48, y0 + 24), fill=colours[(i + 2 * j) % len(colours)], outline="#333333")
    d.line((620, 60, 620, 240), fill="#444444", width=8)  # a crane
    d.line((560, 70, 760, 70), fill="#444444", width=8)
    d.rectangle((0, 300, w, h), fill="#8C8C8C")  # the depot's yard
    for i in range(5):  # electric vans
        x0 = 60 + i * 145
        d.rounded_rectangle((x0, 360, x0 + 120, 420), radius=10, fill="#FFFFFF", outline="#0B6E4F", width=4)
        d.rectangle((x0 + 84, 370, x0 + 112, 392), fill="#9CC8E6")
        d.ellipse((x0 + 14, 408, x0 + 40, 434), fill="#222222")
        d.ellipse((x0 + 80, 408, x0 + 106, 434), fill="#222222")
        d.line((x0 + 30, 385, x0 + 60, 385), fill="#0B6E4F", width=6)
    photo.save(folder / "depot.jpg", quality=70, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "demo_hkex.xlsx")
    args = parser.parse_args(argv)
    write_workbook(args.out, {"report": REPORT, "topics": TOPICS, "units": UNITS, "indicators": INDICATORS,
                              "narrative": NARRATIVE, "periods": PERIODS, "dimensions": DIMENSIONS,
                              "breakdowns": BREAKDOWNS, "derived": DERIVED, "framework": FRAMEWORK,
                              "images": IMAGES, "tables": TABLES, "materiality": MATERIALITY},
                   created=dt.date(2026, 3, 31))
    make_assets(args.out.parent / "assets")
    print(f"{args.out}: {len(INDICATORS) + len(DERIVED)} indicators (fictional), {len(BREAKDOWNS)} breakdown values")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
