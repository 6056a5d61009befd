"""The reporting frameworks a content index follows: the HKEX ESG Reporting Code (Appendix C2)
of the reporting year — the 2025 Code (Part B mandatory disclosures, Part C subject areas
A and B, Part D climate-related disclosures) or, before 2025, the ESG Reporting Guide (with
aspect A4 Climate change) — and the GRI disclosures used "with reference to" the GRI
Standards 2021.

Codes: A1 … B8 and their KPIs (A1.1 …) as HKEX numbers them; MD1–MD3 for the mandatory
disclosures (governance structure, reporting principles, reporting boundary); D1–D4 for the
climate-related disclosures of Part D (governance, strategy, risk management, metrics and
targets), with D4.1 Scope 1 and 2 emissions (mandatory from 2025). The descriptions are
esgpublish's own short wording, not the Code's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dataset import Text

CODE_2025_FROM = 2025  # the first reporting year under the ESG Reporting Code


@dataclass(frozen=True)
class Item:
    """One aspect or KPI of a framework: its code, part, a short description, and whether a
    report must carry it (mandatory) or may explain its absence (comply or explain)."""

    code: str
    part: str  # B | C | D (the 2025 Code) or MD | A | B (the Guide)
    description: Text
    mandatory: bool = False

    @property
    def aspect(self) -> bool:
        """An aspect (A1, D4, MD1) rather than one of its KPIs (A1.1, D4.1)."""
        return "." not in self.code


def _t(zh: str, en: str) -> Text:
    return Text(zh, en)


_MANDATORY = (
    ("MD1", _t("管治架构：董事会对环境、社会及管治事宜的监管、重要性评估流程及目标进度检讨",
               "Governance structure: the board's oversight of ESG issues, the materiality process and the review "
               "of progress against targets")),
    ("MD2", _t("汇报原则：重要性、量化及一致性的应用", "Reporting principles: how materiality, quantitative and "
                                                        "consistency are applied")),
    ("MD3", _t("汇报范围：纳入报告的实体或业务及其选择过程", "Reporting boundary: the entities or operations included "
                                                               "and how they were chosen")),
)

_AREAS = (
    ("A1", _t("排放物", "Emissions"), (
        _t("排放物种类及相关排放数据", "Types of emissions and their data"),
        _t("范围一及范围二温室气体排放量及密度", "Scope 1 and 2 greenhouse gas emissions and intensity"),
        _t("有害废弃物总量及密度", "Hazardous waste produced and its intensity"),
        _t("无害废弃物总量及密度", "Non-hazardous waste produced and its intensity"),
        _t("排放目标及达标步骤", "Emission targets and the steps to meet them"),
        _t("废弃物处理方法、减废目标及达标步骤", "Handling of waste, reduction targets and the steps to meet them"))),
    ("A2", _t("资源使用", "Use of resources"), (
        _t("按类型划分的直接及间接能源消耗量及密度", "Direct and indirect energy use by type, and intensity"),
        _t("总耗水量及密度", "Water use and intensity"),
        _t("能源使用效益目标及达标步骤", "Energy-efficiency targets and the steps to meet them"),
        _t("求取水源的问题、用水效益目标及达标步骤", "Sourcing water, water-efficiency targets and the steps to meet them"),
        _t("制成品所用包装材料总量", "Packaging material used for finished products"))),
    ("A3", _t("环境及天然资源", "The environment and natural resources"), (
        _t("业务活动对环境及天然资源的重大影响及应对行动", "Significant impacts of activities on the environment and "
                                                          "natural resources, and the actions taken"),)),
    ("B1", _t("雇佣", "Employment"), (
        _t("按性别、雇佣类型、年龄组别及地区划分的雇员总数", "Workforce by gender, employment type, age group and region"),
        _t("按性别、年龄组别及地区划分的雇员流失比率", "Employee turnover rate by gender, age group and region"))),
    ("B2", _t("健康与安全", "Health and safety"), (
        _t("过去三年因工亡故的人数及比率", "Work-related fatalities in each of the past three years, and their rate"),
        _t("因工伤损失工作日数", "Lost days due to work injury"),
        _t("职业健康与安全措施及其执行与监察", "Occupational health and safety measures, and how they are carried "
                                                "out and monitored"))),
    ("B3", _t("发展及培训", "Development and training"), (
        _t("按性别及雇员类别划分的受训雇员百分比", "Employees trained, by gender and employee category"),
        _t("按性别及雇员类别划分的平均受训时数", "Average training hours by gender and employee category"))),
    ("B4", _t("劳工准则", "Labour standards"), (
        _t("检讨招聘惯例以避免童工及强制劳工的措施", "Measures to review employment practices against child and "
                                                      "forced labour"),
        _t("发现违规情况时消除有关情况的步骤", "Steps taken to end such practices when found"))),
    ("B5", _t("供应链管理", "Supply chain management"), (
        _t("按地区划分的供应商数目", "Number of suppliers by region"),
        _t("聘用供应商的惯例及其执行与监察", "Practices for engaging suppliers, and how they are carried out and "
                                            "monitored"),
        _t("识别供应链环境及社会风险的惯例", "Practices to identify environmental and social risks along the supply "
                                            "chain"),
        _t("在拣选供应商时促使使用环保产品及服务的惯例", "Practices to promote environmentally preferable products and "
                                                      "services when selecting suppliers"))),
    ("B6", _t("产品责任", "Product responsibility"), (
        _t("因安全与健康理由而须回收的产品百分比", "Products recalled for safety and health reasons"),
        _t("接获关于产品及服务的投诉数目及应对方法", "Complaints about products and services received, and how they "
                                                    "are dealt with"),
        _t("维护及保障知识产权的惯例", "Practices for observing and protecting intellectual property rights"),
        _t("质量检定过程及产品回收程序", "Quality assurance and recall procedures"),
        _t("消费者资料保障及私隐政策及其执行与监察", "Consumer data protection and privacy policies, and how they are "
                                                      "carried out and monitored"))),
    ("B7", _t("反贪污", "Anti-corruption"), (
        _t("已审结的贪污诉讼案件数目及诉讼结果", "Concluded legal cases on corruption and their outcomes"),
        _t("防范措施及举报程序及其执行与监察", "Preventive measures and whistle-blowing procedures, and how they are "
                                              "carried out and monitored"),
        _t("向董事及员工提供的反贪污培训", "Anti-corruption training for directors and staff"))),
    ("B8", _t("社区投资", "Community investment"), (
        _t("专注贡献范畴", "Focus areas of contribution"),
        _t("在专注范畴所动用的资源（如金钱或时间）", "Resources contributed to the focus areas (money or time)"))),
)

_CLIMATE_GUIDE = ("A4", _t("气候变化", "Climate change"), (
    _t("已经及可能会对发行人产生影响的重大气候相关事宜及应对行动", "Significant climate-related issues that have "
                                                                  "affected, or may affect, the issuer, and the actions "
                                                                  "taken"),))

_CLIMATE_2025 = (
    ("D1", _t("气候管治：监察气候相关风险及机遇的管治机构与流程", "Climate governance: the bodies and processes that "
                                                                   "oversee climate-related risks and opportunities"), ()),
    ("D2", _t("气候策略：气候相关风险及机遇、其影响及气候韧性", "Climate strategy: climate-related risks and "
                                                                 "opportunities, their effects and climate resilience"),
     ()),
    ("D3", _t("气候风险管理：识别、评估及管理气候相关风险的流程", "Climate risk management: how climate-related risks are "
                                                                   "identified, assessed and managed"), ()),
    ("D4", _t("气候指标及目标", "Climate metrics and targets"), (
        _t("范围一及范围二温室气体排放量", "Scope 1 and Scope 2 greenhouse gas emissions"),
        _t("范围三温室气体排放量", "Scope 3 greenhouse gas emissions"),
        _t("气候相关目标及其进度", "Climate-related targets and progress towards them"))),
)

MANDATORY_2025 = frozenset({"MD1", "MD2", "MD3", "D4.1"})  # Scope 1 and 2 are mandatory from 2025
MANDATORY_GUIDE = frozenset({"MD1", "MD2", "MD3"})


def _items(areas, part_of) -> list[Item]:
    out = []
    for code, name, kpis in areas:
        out.append(Item(code, part_of(code), name))
        out += [Item(f"{code}.{i}", part_of(code), d) for i, d in enumerate(kpis, start=1)]
    return out


def hkex(reporting_year: int) -> tuple[Item, ...]:
    """The HKEX framework of a reporting year: the 2025 Code's Parts B, C and D from 2025,
    the Guide (mandatory disclosures, A1–A4, B1–B8) before."""
    code_2025 = reporting_year >= CODE_2025_FROM
    mandatory = MANDATORY_2025 if code_2025 else MANDATORY_GUIDE
    items = [Item(c, "B" if code_2025 else "MD", d) for c, d in _MANDATORY]
    areas = _AREAS + (_CLIMATE_2025 if code_2025 else (_CLIMATE_GUIDE,))
    items += _items(areas, lambda c: ("D" if c.startswith("D") else "C") if code_2025 else c[0])
    return tuple(Item(i.code, i.part, i.description, i.code in mandatory) for i in items)


def framework_name(reporting_year: int) -> Text:
    """The name of the HKEX framework of a reporting year, as the index's caption says it."""
    if reporting_year >= CODE_2025_FROM:
        return _t("香港联交所《环境、社会及管治报告守则》", "HKEX ESG Reporting Code")
    return _t("香港联交所《环境、社会及管治报告指引》", "HKEX ESG Reporting Guide")


#: every HKEX code either framework knows
ALL_HKEX = frozenset(i.code for year in (CODE_2025_FROM - 1, CODE_2025_FROM) for i in hkex(year))
HKEX_CODE_RE = re.compile(r"^(?:MD[1-3]|[AB][1-8]|D[1-4])(?:\.\d)?$")


def aspect_of(code: str) -> str:
    """A KPI's aspect (A1.2 → A1); an aspect is its own."""
    return code.split(".")[0]


# GRI Standards 2021 disclosures, as printed in a GRI content index (short titles of esgpublish's own)
GRI_DISCLOSURES: dict[str, Text] = {
    "2-1": _t("组织详细情况", "Organisational details"),
    "2-2": _t("纳入可持续发展报告的实体", "Entities included in sustainability reporting"),
    "2-3": _t("报告期、报告频率和联系人", "Reporting period, frequency and contact point"),
    "2-7": _t("员工", "Employees"),
    "2-9": _t("管治架构和组成", "Governance structure and composition"),
    "2-22": _t("关于可持续发展战略的声明", "Statement on sustainable development strategy"),
    "2-29": _t("利益相关方参与的方针", "Approach to stakeholder engagement"),
    "3-1": _t("确定实质性议题的过程", "Process to determine material topics"),
    "3-2": _t("实质性议题列表", "List of material topics"),
    "201-1": _t("直接产生和分配的经济价值", "Direct economic value generated and distributed"),
    "205-3": _t("经确认的腐败事件和采取的行动", "Confirmed incidents of corruption and actions taken"),
    "302-1": _t("组织内部的能源消耗量", "Energy consumption within the organisation"),
    "302-3": _t("能源强度", "Energy intensity"),
    "302-4": _t("减少能源消耗量", "Reduction of energy consumption"),
    "303-5": _t("耗水", "Water consumption"),
    "305-1": _t("直接（范围一）温室气体排放", "Direct (Scope 1) GHG emissions"),
    "305-2": _t("能源间接（范围二）温室气体排放", "Energy indirect (Scope 2) GHG emissions"),
    "305-3": _t("其他间接（范围三）温室气体排放", "Other indirect (Scope 3) GHG emissions"),
    "305-4": _t("温室气体排放强度", "GHG emissions intensity"),
    "305-5": _t("温室气体减排量", "Reduction of GHG emissions"),
    "305-7": _t("氮氧化物、硫氧化物和其他重大气体排放", "Nitrogen oxides, sulphur oxides and other significant air "
                                                      "emissions"),
    "306-3": _t("产生的废弃物", "Waste generated"),
    "306-4": _t("从处置中转移的废弃物", "Waste diverted from disposal"),
    "308-1": _t("使用环境标准筛选的新供应商", "New suppliers screened using environmental criteria"),
    "401-1": _t("新进员工和员工流动率", "New employee hires and employee turnover"),
    "403-9": _t("工伤", "Work-related injuries"),
    "403-10": _t("工作相关的健康问题", "Work-related ill health"),
    "404-1": _t("每名员工每年接受培训的平均小时数", "Average hours of training per year per employee"),
    "404-2": _t("员工技能提升方案和过渡援助方案", "Programmes for upgrading employee skills and transition "
                                                  "assistance"),
    "405-1": _t("管治机构与员工的多元化", "Diversity of governance bodies and employees"),
    "408-1": _t("具有重大童工事件风险的运营点和供应商", "Operations and suppliers at significant risk of child labour"),
    "413-1": _t("有当地社区参与、影响评估和发展计划的运营点", "Operations with local community engagement, impact "
                                                            "assessments and development programmes"),
    "414-1": _t("使用社会标准筛选的新供应商", "New suppliers screened using social criteria"),
    "416-2": _t("涉及产品和服务健康与安全影响的违规事件", "Incidents of non-compliance concerning the health and safety "
                                                          "impacts of products and services"),
    "418-1": _t("与侵犯客户隐私和丢失客户资料有关的经证实的投诉", "Substantiated complaints concerning breaches of "
                                                                  "customer privacy and losses of customer data"),
}


def gri_sort_key(code: str) -> tuple[int, ...]:
    """'2-29' → (2, 29), '302-1' → (302, 1): GRI codes in their numeric order."""
    return tuple(int(p) for p in re.findall(r"\d+", code))


def hkex_sort_key(code: str) -> tuple:
    """HKEX codes in the Code's order: MD1–MD3, A1 …, B8, D1 …, each aspect before its KPIs."""
    head, _, kpi = code.partition(".")
    part = {"M": 0, "A": 1, "B": 2, "D": 3}[head[0]]
    return (part, int(re.sub(r"\D", "", head)), int(kpi or 0))


def explanations(dataset) -> dict[str, tuple[str, Text, object]]:
    """A dataset → HKEX code → (status, reason, cell) for what the report explains instead of
    reporting: the Framework sheet's rows, and the codes whose every indicator is withheld (not
    applicable or not disclosed) with its reason. The content index prints these; validate
    counts them as explained — one rule for both."""
    out = {code: (item.status, item.reason, item.origin) for code, item in dataset.framework.items()}
    by_code: dict[str, list] = {}
    for ind in dataset.indicators.values():
        for code in ind.hkex_codes:
            by_code.setdefault(code, []).append(ind)
    for code, inds in by_code.items():
        if code not in out and all(i.status != "reported" and i.reason for i in inds):
            out[code] = (inds[0].status, inds[0].reason, inds[0].cell("reason_zh"))
    return out
