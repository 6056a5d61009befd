#!/usr/bin/env python3
"""Write data/esg_2022.xlsx, the sample workbook, from the seed press article.

Every figure below is quoted from the press article on Kuaishou's 2022 ESG report
(27 April 2023); none is invented. The English texts are our own translation.
The workbook, not this script, is what esgpublish reads: analysts edit the workbook.
This script exists so that the sample can be rebuilt and reviewed as text.

    python tools/make_sample_workbook.py [--out data/esg_2022.xlsx]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from esgpublish.read.xlsxwrite import write_workbook  # noqa: E402

REPORT = [
    # key, value, zh, en
    ("company", None, "快手科技", "Kuaishou Technology"),
    ("title", None, "2022年环境、社会及管治报告要点", "2022 Environmental, Social and Governance Highlights"),
    ("subtitle", None, "示例报告：数据摘自媒体报道", "Sample report: figures quoted from press coverage"),
    ("author", None, "esgpublish 示例", "esgpublish sample"),
    ("subject", None, "快手科技2022年ESG表现", "Kuaishou Technology ESG performance in 2022"),
    ("keywords", None, "ESG; 乡村振兴; 公益; 数据安全; 知识产权", "ESG; rural revitalisation; charity; data security; intellectual property"),
    ("disclaimer", None,
     "本文件为 esgpublish 的示例报告，所有数字均摘自一篇关于快手科技2022年环境、社会和治理报告的媒体报道，每项数字在工作簿中附有原文出处。本文件并非公司发布的正式文件。",
     "This document is a sample report made with esgpublish. Every figure is quoted from a press article on Kuaishou Technology's 2022 environmental, social and governance report, and the workbook records the source sentence of each. It is not a document published by the company."),
    ("source", None, "媒体报道：快手科技正式发布2022年环境、社会和治理报告", "Press article: Kuaishou Technology publishes its 2022 environmental, social and governance report"),
    ("reporting_year", 2022, None, None),
    ("publication_date", dt.date(2023, 4, 27), None, None),
]

TOPICS = [
    ("green_ops", "E", "绿色运营", "Green operations"),
    ("community", "S", "乡村振兴与公益", "Rural revitalisation and charity"),
    ("employment", "S", "就业", "Employment"),
    ("consumers", "S", "消费者权益", "Consumer protection"),
    ("minors", "S", "青少年保护", "Protection of minors"),
    ("people", "S", "员工发展", "Employee development"),
    ("esg_rating", "G", "ESG管理", "ESG management"),
    ("data_security", "G", "数据安全与隐私", "Data security and privacy"),
    ("ip", "G", "知识产权", "Intellectual property"),
]

UNITS = [
    ("yuan", "currency", "元", "RMB"),
    ("percent", "percent", "%", "%"),
    ("pct_change", "change", "%", "%"),
    ("pct_cut", "change", "%", "%"),  # a reduction on a baseline year: not a share, not a growth
    ("hour", "count", "小时", "hours"),
    ("people", "count", "人", "people"),
    ("leader", "count", "位", "leaders"),
    ("entrepreneur", "count", "名", "entrepreneurs"),
    ("woman", "count", "名", "women"),
    ("person_time", "count", "人次", "person-times"),
    ("user", "count", "用户", "users"),
    ("company", "count", "家", "companies"),
    ("merchant", "count", "家", "SME merchants"),
    ("session", "count", "场", "sessions"),
    ("area", "count", "个方面", "areas"),
    ("region", "count", "个省市地区", "provinces and regions"),
    ("industry", "count", "个", "industries"),
    ("tree", "count", "棵", "trees"),
    ("product", "count", "项", "products"),
    ("topic", "count", "个议题", "topics"),
    ("patent", "count", "件", "patents"),
    ("document", "count", "份", "documents"),
    ("course", "count", "门", "courses"),
    ("grade", "text", "级", "rating"),
    ("standard", "text", "", "standard"),
    ("version", "text", "版本", "version"),
    ("month", "date", "", ""),
]

Q = "超"
# id, pillar, topic, name_zh, name_en, value, unit, qualifier, period, as_of,
# baseline_year, baseline_value, target_value, target_qualifier, target_year, hkex, gri, source_quote, note_zh, note_en,
# short_zh, short_en (chart labels; optional)
INDICATORS = [
    ("env_target_areas", "E", "green_ops", "环境目标覆盖方面", "Areas covered by environmental targets", 5, "area", None, 2022, None, None, None, None, None, None, "A1.5", None,
     "2022年,持续开展多项节能减排工作,推进清洁能源使用、节能、节水、废弃物减排、温室气体减排等五大方面的环境目标达成。",
     "清洁能源使用、节能、节水、废弃物减排、温室气体减排", "Clean energy, energy saving, water saving, waste reduction and greenhouse gas reduction"),
    ("dc_clean_energy", "E", "green_ops", "自建数据中心清洁能源使用比例", "Clean energy share of self-built data centres", None, "percent", None, None, None, None, None, 100, None, 2030, "A2.3", "302-4",
     "预计到2030年自建数据中心将实现100%清洁能源的使用。", "报道未披露当前比例", "Current share not given in the source"),
    ("trees_saved", "E", "green_ops", "无纸化办公约合保护树木", "Trees saved by paperless office (equivalent)", 4000, "tree", "多", 2022, None, None, None, None, None, None, "A2", None,
     "通过使用Docs文档无纸化办公,2022年快手员工约合保护了4000多棵树木", None, None),
    ("office_power_per_capita", "E", "green_ops", "北京职场人均耗电量减少目标", "Target cut in electricity use per employee, Beijing offices", None, "pct_cut", None, None, None, 2021, None, 8, None, 2026, "A2.3", "302-4",
     "以2021年为基准,截至2026年底,位于北京范围内的职场人均耗电量、用水量均有望减少8%。", None, None,
     "人均耗电量", "Electricity per employee"),
    ("office_water_per_capita", "E", "green_ops", "北京职场人均用水量减少目标", "Target cut in water use per employee, Beijing offices", None, "pct_cut", None, None, None, 2021, None, 8, None, 2026, "A2.4", "303-5",
     "以2021年为基准,截至2026年底,位于北京范围内的职场人均耗电量、用水量均有望减少8%。", None, None,
     "人均用水量", "Water per employee"),

    ("rural_leaders", "S", "community", "发掘和扶持的幸福乡村带头人", "Happy Village leaders identified and supported", 100, "leader", Q, None, "2022-07", None, None, None, None, None, "B8.2", "413-1",
     "截至2022年7月,快手已发掘和扶持超100位“幸福乡村带头人”", None, None),
    ("rural_leader_regions", "S", "community", "幸福乡村带头人覆盖省市地区", "Provinces and regions covered by the leaders", 27, "region", None, None, "2022-07", None, None, None, None, None, "B8.1", "413-1",
     "覆盖27个省市地区", None, None),
    ("rural_industries", "S", "community", "带动振兴的地方特色产业", "Local specialty industries revitalised", 16, "industry", None, None, "2022-07", None, None, None, None, None, "B8.1", "413-1",
     "带动16个地方特色产业振兴", None, None),
    ("rural_industry_reach", "S", "community", "产业发展影响覆盖人数", "People reached by the industries' development", 10000000, "people", "近", None, "2022-07", None, None, None, None, None, "B8.1", "413-1",
     "产业发展影响覆盖近千万人", None, None),
    ("rural_entrepreneurs", "S", "community", "未来三年发掘和扶持乡村创业者目标", "Rural entrepreneurs to be supported in the next three years", None, "entrepreneur", None, None, None, None, None, 1000, Q, None, "B8.1", "413-1",
     "未来三年,快手还将发掘和扶持超过1000名乡村创业者", "目标期限：未来三年", "Target period: the next three years"),
    ("rural_talent_training", "S", "community", "未来三年乡村人才培训目标", "Rural talent training target for the next three years", None, "person_time", None, None, None, None, None, 1000000, Q, None, "B8.1", "413-1",
     "开展超过100万人次的短视频+直播乡村人才培训", "目标期限：未来三年", "Target period: the next three years"),
    ("kuaipin_live_sessions", "S", "employment", "“快聘”直播带岗场次", "Kuaipin live job-fair sessions", 5000000, "session", Q, 2022, None, None, None, None, None, None, "B8.1", "203-2",
     "2022年,“快聘”业务全年直播带岗超过500万场", None, None),
    ("kuaipin_companies", "S", "employment", "“快聘”合作企业", "Companies working with Kuaipin", 240000, "company", Q, 2022, None, None, None, None, None, None, "B8.1", "203-2",
     "平台与超24万家企业达成合作", None, None),
    ("charity_donation", "S", "community", "公益项目捐赠额", "Donations to charity projects", 22700000, "yuan", None, 2022, None, None, None, None, None, None, "B8.2", "201-1",
     "2022年,快手公益项目捐赠额达2270万", "报道未注明币种，按人民币列示", "The source gives no currency; shown as RMB"),
    ("charity_hours", "S", "community", "公益项目投入总时间", "Time given to charity projects", 16300, "hour", Q, 2022, None, None, None, None, None, None, "B8.2", "413-1",
     "公益项目投入总时间超过16300小时", None, None),
    ("silver_wish_launch", "S", "community", "“银龄心愿单”计划发起时间", "Launch of the Silver Age Wish List programme", "2022-09", "month", None, None, None, None, None, None, None, None, "B8.1", None,
     "去年9月,快手于中华慈善日来临之际发起“银龄心愿单”计划", None, None),
    ("her_power_launch", "S", "community", "“她力量·乡村振兴帮扶计划”启动时间", "Launch of the Her Power rural revitalisation programme", "2022-03", "month", None, None, None, None, None, None, None, None, "B8.1", None,
     "2022年3月正式启动的“她力量·乡村振兴帮扶计划”", None, None),
    ("rural_women", "S", "community", "“她力量”计划受益乡村女性", "Rural women benefiting from Her Power", 400, "woman", "近", None, "2023-04", None, None, 1000, Q, None, "B8.2", "413-1",
     "截至目前,该项目已让近400名乡村女性受益,计划整体覆盖山西全省超过1000名乡村女性。", "目标覆盖山西全省", "Target covers Shanxi province"),
    ("consumer_rights_products", "S", "consumers", "累计推出消费者权益产品", "Consumer protection products launched (cumulative)", 20, "product", "余", None, None, None, None, None, None, None, "B6.4", "416-1",
     "累计推出20余项消费者权益产品", None, None),
    ("freight_cover_users", "S", "consumers", "退货补运费权益累计保障用户", "Users covered by return-shipping compensation (cumulative)", 190000000, "user", Q, 2022, None, None, None, None, None, None, "B6.4", "416-1",
     "2022年,仅退货补运费权益累计保障超1.9亿用户。", None, None),
    ("trust_order_coverage_growth", "S", "consumers", "电商信任权益订单覆盖率增长", "Growth in order coverage of trust guarantees", 460, "pct_change", None, 2022, None, 2021, None, None, None, None, "B6.4", None,
     "快手电商信任权益订单覆盖率较2021年增长460%", "较2021年", "Compared with 2021"),
    ("trust_consumer_growth", "S", "consumers", "权益覆盖消费者数量增长", "Growth in consumers covered by guarantees", 32, "pct_change", None, 2022, None, 2021, None, None, None, None, "B6.4", None,
     "权益覆盖消费者数量增长32%", "较2021年", "Compared with 2021"),
    ("sme_merchants_trained", "S", "consumers", "电商课程帮助学习的中小商家", "Small and medium merchants helped by e-commerce courses", 1000000, "merchant", Q, None, None, None, None, None, None, None, "B5", None,
     "快手电商上线了课程体系,帮助超过100万中小商家学习", None, None),
    ("youth_mode_version", "S", "minors", "青少年模式版本", "Youth mode version", "4.0", "version", None, None, None, None, None, None, None, None, "B6", None,
     "伴随着快手青少年模式4.0版本的发布", None, None),
    ("school_courses", "S", "people", "“快手中学”累计上线课程", "Courses on Kuaishou School (cumulative)", 2157, "course", None, None, None, None, None, None, None, None, "B3.2", "404-2",
     "“快手中学”累计上线2157门课程", None, None),
    ("training_coverage", "S", "people", "培训资源覆盖员工比例", "Employees reached by training resources", 100, "percent", None, None, None, None, None, None, None, None, "B3.1", "404-2",
     "培训资源已覆盖100%的员工", None, None),

    ("msci_rating", "G", "esg_rating", "MSCI ESG评级", "MSCI ESG rating", "BBB", "grade", None, None, "2023-04", None, None, None, None, None, None, "2-22",
     "摩根士丹利资本国际公司(英文简称“MSCI”)将快手的ESG评级上调至BBB级", "首次获得BBB级", "First BBB rating since coverage began"),
    ("msci_improved_topics", "G", "esg_rating", "MSCI评级中表现提升的议题", "Issues with improved MSCI scores", 5, "topic", None, None, "2023-04", None, None, None, None, None, None, "2-22",
     "基于在公司治理、公司行为、碳排放环境影响、隐私与数据安全、人力资源发展等五个议题表现中的全面提升", None, None),
    ("iso_27001", "G", "data_security", "信息安全管理体系认证", "Information security management certification", "ISO/IEC 27001", "standard", None, None, "2022-09", None, None, None, None, None, "B6.5", "418-1",
     "去年9月,专业风险管理服务机构DNV向快手颁发了ISO/IEC27001和ISO/IEC27701国际认证证书。", "由DNV颁发", "Issued by DNV"),
    ("iso_27701", "G", "data_security", "隐私信息管理体系认证", "Privacy information management certification", "ISO/IEC 27701", "standard", None, None, "2022-09", None, None, None, None, None, "B6.5", "418-1",
     "去年9月,专业风险管理服务机构DNV向快手颁发了ISO/IEC27001和ISO/IEC27701国际认证证书。", "由DNV颁发", "Issued by DNV"),
    ("data_policies_revised", "G", "data_security", "修订数据安全相关制度文件", "Data security policies revised", 14, "document", None, 2022, None, None, None, None, None, None, "B6.5", "418-1",
     "2022年全年,快手共修订14份数据安全相关的制度文件", None, None),
    ("patents_applied", "G", "ip", "累计申请国内外专利", "Patents applied for in China and abroad (cumulative)", 9930, "patent", None, None, "2022-12-31", None, None, None, None, None, "B6.3", None,
     "截至去年底,快手共申请9930件国内外专利,其中已被授权专利数量3264件", None, None),
    ("patents_granted", "G", "ip", "累计获授权专利", "Patents granted (cumulative)", 3264, "patent", None, None, "2022-12-31", None, None, None, None, None, "B6.3", None,
     "截至去年底,快手共申请9930件国内外专利,其中已被授权专利数量3264件", None, None),
    ("ip_platform_launch", "G", "ip", "知识产权保护平台上线时间", "Launch of the IP protection platform", "2022-10", "month", None, None, None, None, None, None, None, None, "B6.3", None,
     "去年10月,快手正式上线知识产权保护平台", None, None),
]

NARRATIVE = [
    ("about", None,
     "快手科技于{report.publication_date}发布{report.reporting_year}年环境、社会和治理报告，展示公司在绿色环保运营、社会责任担当、平台治理和员工发展等方面的表现。本示例报告按环境、社会和管治三个支柱整理报道中的数字。",
     "On {report.publication_date}, Kuaishou Technology published its {report.reporting_year} environmental, social and governance report, covering green operations, social responsibility, platform governance and employee development. This sample report arranges the figures quoted in the press under the three pillars: environmental, social and governance."),
    ("env_overview", "green_ops",
     "{report.reporting_year}年，快手持续开展多项节能减排工作，推进清洁能源使用、节能、节水、废弃物减排和温室气体减排共{env_target_areas}的环境目标达成。",
     "In {report.reporting_year}, Kuaishou continued its energy-saving and emission-reduction work towards environmental targets in {env_target_areas}: clean energy, energy saving, water saving, waste reduction and greenhouse gas reduction."),
    ("env_datacentre", "green_ops",
     "快手自建数据中心选址在更节能的乌兰察布市，最大限度应用自然冷源、风能、太阳能和低能耗设备，采用多项创新技术减少能源消耗与空调用水量。公司预计到{dc_clean_energy.target_year}年，自建数据中心将实现{dc_clean_energy.target}清洁能源使用。",
     "Kuaishou's self-built data centre is sited in Ulanqab, where energy use is lower, and makes the most of natural cooling, wind power, solar power and low-energy equipment. The company expects its self-built data centres to run on {dc_clean_energy.target} clean energy by {dc_clean_energy.target_year}."),
    ("env_office", "green_ops",
     "通过使用 Docs 文档无纸化办公，{report.reporting_year}年快手员工约合保护了{trees_saved}树木。以{office_power_per_capita.baseline_year}年为基准，到{office_power_per_capita.target_year}年底，北京职场的人均耗电量和人均用水量均有望减少{office_power_per_capita.target}。",
     "Paperless work with Docs saved the equivalent of {trees_saved} in {report.reporting_year}. Against a {office_power_per_capita.baseline_year} baseline, electricity and water use per employee in the Beijing offices are both expected to fall by {office_power_per_capita.target} by the end of {office_power_per_capita.target_year}."),
    ("soc_rural", "community",
     "截至{rural_leaders.as_of}，快手已发掘和扶持{rural_leaders}“幸福乡村带头人”，覆盖{rural_leader_regions}，带动{rural_industries}地方特色产业振兴，产业发展影响覆盖{rural_industry_reach}。未来三年，快手还将发掘和扶持{rural_entrepreneurs.target}乡村创业者，开展{rural_talent_training.target}的短视频+直播乡村人才培训。",
     "By {rural_leaders.as_of}, Kuaishou had identified and supported {rural_leaders}, its “Happy Village leaders”, in {rural_leader_regions}, revitalising {rural_industries} of local specialties and reaching {rural_industry_reach}. Over the next three years it plans to support {rural_entrepreneurs.target} in rural areas and to provide {rural_talent_training.target} of short-video and live-streaming training."),
    ("soc_jobs", "employment",
     "依托“快聘”业务，快手构建了以信任为中心的招聘关系和直播带岗模式。{report.reporting_year}年，“快聘”全年直播带岗{kuaipin_live_sessions}，平台与{kuaipin_companies}企业达成合作。",
     "Through its Kuaipin recruitment service, Kuaishou built trust-based hiring and live-streamed job fairs. In {report.reporting_year}, Kuaipin held {kuaipin_live_sessions} of live job fairs and the platform worked with {kuaipin_companies}."),
    ("soc_charity", "community",
     "{report.reporting_year}年，快手公益项目捐赠额达{charity_donation}，公益项目投入总时间{charity_hours}。{her_power_launch}正式启动的“她力量·乡村振兴帮扶计划”已让{rural_women}乡村女性受益，计划整体覆盖山西全省{rural_women.target}乡村女性。",
     "In {report.reporting_year}, Kuaishou's charity projects received donations of {charity_donation} and {charity_hours} of time. The Her Power rural revitalisation programme, launched in {her_power_launch}, has benefited {rural_women} in rural areas and plans to reach {rural_women.target} across Shanxi province."),
    ("soc_consumers", "consumers",
     "快手以“品质放心、售后无忧”为标准，累计推出{consumer_rights_products}消费者权益产品。{report.reporting_year}年，仅退货补运费权益累计保障{freight_cover_users}；电商信任权益订单覆盖率较{trust_order_coverage_growth.baseline_year}年增长{trust_order_coverage_growth}，权益覆盖消费者数量增长{trust_consumer_growth}。快手电商还上线了课程体系，帮助{sme_merchants_trained}中小商家学习。",
     "With “reliable quality, worry-free after-sales” as its standard, Kuaishou has launched {consumer_rights_products} for consumer protection. In {report.reporting_year}, return-shipping compensation alone covered {freight_cover_users}; the share of orders carrying trust guarantees grew by {trust_order_coverage_growth} on {trust_order_coverage_growth.baseline_year}, and the number of consumers covered grew by {trust_consumer_growth}. Its e-commerce courses have helped {sme_merchants_trained} to learn."),
    ("soc_people", "people",
     "快手为算法类和工程类校园技术人才制定了“快Star”特别技术人才计划，并为员工提供多维度的培训项目：“快手中学”累计上线{school_courses}课程，培训资源已覆盖{training_coverage}的员工。",
     "Kuaishou runs the K-Star programme for graduate algorithm and engineering talent and offers employees training on many fronts: Kuaishou School has put {school_courses} online, and its training resources reach {training_coverage} of employees."),
    ("gov_rating", "esg_rating",
     "基于在公司治理、公司行为、碳排放环境影响、隐私与数据安全、人力资源发展等{msci_improved_topics}表现中的全面提升，MSCI将快手的ESG评级上调至{msci_rating}，这是快手被纳入该评级以来首次获得这一级别。",
     "After improvements across {msci_improved_topics} (corporate governance, corporate behaviour, carbon emissions, privacy and data security, and human capital development), MSCI raised Kuaishou's ESG rating to {msci_rating}, the first time it has held this grade since coverage began."),
    ("gov_security", "data_security",
     "{iso_27001.as_of}，DNV向快手颁发了{iso_27001}和{iso_27701}国际认证证书。{report.reporting_year}年全年，快手共修订{data_policies_revised}数据安全相关的制度文件。",
     "In {iso_27001.as_of}, DNV certified Kuaishou to {iso_27001} and {iso_27701}. During {report.reporting_year}, Kuaishou revised {data_policies_revised} of data security policy."),
    ("gov_ip", "ip",
     "截至{patents_applied.as_of}，快手共申请{patents_applied}国内外专利，其中已获授权{patents_granted}，覆盖视频推荐系统、基础设施、音视频处理、多媒体理解、计算机视觉和图形学等方面。{ip_platform_launch}，快手正式上线知识产权保护平台。",
     "By {patents_applied.as_of}, Kuaishou had applied for {patents_applied} in China and abroad, of which {patents_granted} had been granted, covering video recommendation, infrastructure, audio and video processing, multimedia understanding, computer vision and graphics. In {ip_platform_launch}, it launched an intellectual property protection platform."),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "esg_2022.xlsx")
    args = parser.parse_args(argv)
    write_workbook(args.out, {"report": REPORT, "topics": TOPICS, "units": UNITS,
                              "indicators": INDICATORS, "narrative": NARRATIVE})
    print(f"{args.out}: {len(INDICATORS)} indicators, {len(NARRATIVE)} narrative blocks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
