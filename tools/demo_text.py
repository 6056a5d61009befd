"""The demo's management narratives, case studies and climate risk table (the fictional
Harbourline Logistics Holdings): for each aspect of the HKEX Code, its general disclosure
(policies, and compliance with the laws that have a significant impact on the group) and the
narrative KPIs (measures, steps, targets), as an issuer's report gives them. Every word and
figure is invented; the laws named are real Hong Kong ordinances and Mainland laws.

Rows: (id, topic, zh, en, HKEX codes), as the Narrative sheet of make_demo_workbook.py."""
from __future__ import annotations

MANAGEMENT = [
    ("env_policy", "climate",
     "**政策与合规。**集团的《环境政策》由董事会批准，适用于全部仓库、办公室及自有车队，"
     "要求各业务单位识别排放源、订立年度减排计划，并按月汇报燃料、电力及废弃物数据。"
     "集团遵守对其有重大影响的环保法律法规，包括香港《空气污染管制条例》《废物处置条例》"
     "《噪音管制条例》，以及《中华人民共和国环境保护法》《中华人民共和国大气污染防治法》。"
     "年内，集团并无发现任何违反上述法律法规而对集团有重大影响的个案。",
     "**Policy and compliance.** The group's Environmental Policy, approved by the board, applies to every "
     "warehouse, office and vehicle it owns. It requires each business unit to identify its sources of "
     "emissions, set a yearly plan to reduce them, and report its fuel, electricity and waste every month. "
     "The group complies with the environmental laws that have a significant impact on it, among them Hong "
     "Kong's Air Pollution Control Ordinance, Waste Disposal Ordinance and Noise Control Ordinance, and the "
     "Environmental Protection Law and the Air Pollution Prevention and Control Law of the People's Republic "
     "of China. In the year the group found no breach of these laws with a significant impact on it.",
     "A1"),
    ("env_emission_steps", "climate",
     "**减排目标及步骤。**集团以{ghg_reduction.baseline_year}年为基准年，目标是到"
     "{ghg_reduction.target_year}年将范围一及范围二排放减少{ghg_reduction.target}。年内的主要措施：\n"
     "- 以电动货车替换市区配送的柴油货车，并为夜间充电安排较低电价时段；\n"
     "- 为全部柴油车辆安装车载远程信息系统，监察怠速及急加速；\n"
     "- 在三个物流中心的屋顶安装太阳能板，所发电力供仓库自用；\n"
     "- 以LED照明及感应开关取代传统照明。\n\n"
     "年内排放较基准年减少{ghg_reduction}，主要来自电动货车及车队调度的改善。",
     "**Target and steps.** Against its base year {ghg_reduction.baseline_year}, the group aims to cut its "
     "scope 1 and 2 emissions by {ghg_reduction.target} by {ghg_reduction.target_year}. "
     "Its main measures in the year:\n"
     "- replacing diesel vans on urban routes with electric vans, charged at night-time tariffs;\n"
     "- fitting telematics to every diesel vehicle to watch idling and harsh acceleration;\n"
     "- solar panels on the roofs of three logistics centres, their power used in the warehouses;\n"
     "- LED lighting and motion sensors in place of older lighting.\n\n"
     "In the year the emissions were {ghg_reduction} below the base year, mostly from the electric vans and "
     "better fleet scheduling.",
     "A1.5"),
    ("env_waste", "resources",
     "**废弃物管理。**集团产生的有害废弃物主要为车队维修的废机油、废电池及荧光灯管，"
     "全部交由持牌废物收集商处理，并保存运载记录。无害废弃物以纸箱、木卡板及塑料包装为主："
     "仓库设分类回收点，卡板交由供应商修复再用。集团目标是到{waste_recycled_share.target_year}年"
     "将无害废弃物回收率提高至{waste_recycled_share.target}，年内回收率为{waste_recycled_share}。",
     "**Waste.** The group's hazardous waste is mostly used oil, batteries and fluorescent tubes from fleet "
     "maintenance, all handed to licensed collectors with their trip tickets kept. Its non-hazardous waste is "
     "mostly cartons, wooden pallets and plastic wrapping: each warehouse sorts it for recycling, and pallets go "
     "back to their supplier for repair. The group aims to recycle {waste_recycled_share.target} of its "
     "non-hazardous waste by {waste_recycled_share.target_year}; in the year it recycled {waste_recycled_share}.",
     "A1.6"),
    ("res_policy", "resources",
     "**资源使用政策。**集团的《资源使用政策》涵盖能源、水及包装材料，由各物流中心的设施经理执行。"
     "集团目标是到{energy_intensity_cut.target_year}年将能源消耗密度较{energy_intensity_cut.baseline_year}年"
     "减少{energy_intensity_cut.target}，年内已减少{energy_intensity_cut}。主要措施包括：\n"
     "1. 按货量调整仓库冷藏区及输送带的运行时间；\n"
     "2. 以变频空调取代旧式空调，并将夏季室温设定为25.5°C；\n"
     "3. 每季度检讨各物流中心的用电数据，找出异常耗电。",
     "**Policy on resources.** The group's Use of Resources Policy covers energy, water and packaging, and the "
     "facility manager of each logistics centre carries it out. The group aims to cut its energy intensity by "
     "{energy_intensity_cut.target} from {energy_intensity_cut.baseline_year} by "
     "{energy_intensity_cut.target_year}; in the year the cut reached {energy_intensity_cut}. Its main measures:\n"
     "1. running cold rooms and conveyors to the volume of goods;\n"
     "2. inverter air-conditioners in place of older units, set to 25.5°C in summer;\n"
     "3. a quarterly review of each centre's electricity use to find abnormal consumption.",
     "A2, A2.3"),
    ("res_water", "resources",
     "**用水。**集团的用水全部来自市政供水，求取适用水源方面并无问题。用水主要来自车辆清洗及员工设施："
     "洗车场设有循环水系统，洗手间装设感应水龙头。集团目标是到{water_intensity_cut.target_year}年"
     "将用水密度减少{water_intensity_cut.target}，年内已减少{water_intensity_cut}。",
     "**Water.** All the group's water comes from municipal supplies, and it has had no issue in sourcing water "
     "fit for purpose. Most of it goes to washing vehicles and to staff facilities: the wash bays recycle their "
     "water and the washrooms have sensor taps. The group aims to cut its water intensity by "
     "{water_intensity_cut.target} by {water_intensity_cut.target_year}; in the year the cut reached "
     "{water_intensity_cut}.",
     "A2.4"),
    ("res_packaging", "resources",
     "**包装材料。**集团为客户提供的包装以纸箱、胶带及缓冲材料为主。年内，集团在电商包裹中推广可循环再用的"
     "周转箱，并以纸质缓冲材料取代塑料气泡膜；每千件包裹的包装用量为{packaging_intensity}。",
     "**Packaging.** The packaging the group provides is mostly cartons, tape and cushioning. In the year it "
     "offered reusable totes for e-commerce parcels and replaced plastic bubble wrap with paper cushioning; it "
     "used {packaging_intensity} of packaging.",
     "A2.5"),
    ("emp_policy", "employment",
     "**雇佣政策。**集团的《员工手册》订明招聘、晋升、薪酬、工时、假期、平等机会、多元化及反歧视的政策，"
     "并每年检讨。集团遵守香港《雇佣条例》《最低工资条例》《性别歧视条例》《残疾歧视条例》"
     "《强制性公积金计划条例》，以及《中华人民共和国劳动法》《中华人民共和国劳动合同法》。"
     "年内，集团并无发现任何违反上述法律法规而对集团有重大影响的个案。\n\n"
     "集团以具竞争力的薪酬及清晰的晋升阶梯吸引及保留人才，每年按市场调查检讨薪酬，并为前线员工提供轮班津贴及"
     "交通津贴。员工可透过员工大会、意见调查及内联网反映意见。",
     "**Employment policy.** The group's Employee Handbook sets out its policies on recruitment, promotion, pay, "
     "working hours, leave, equal opportunity, diversity and non-discrimination, and is reviewed every year. The "
     "group complies with Hong Kong's Employment Ordinance, Minimum Wage Ordinance, Sex Discrimination "
     "Ordinance, Disability Discrimination Ordinance and Mandatory Provident Fund Schemes Ordinance, and with the "
     "Labour Law and the Labour Contract Law of the People's Republic of China. In the year it found no breach "
     "of these laws with a significant impact on it.\n\n"
     "The group attracts and keeps its people with competitive pay and a clear career ladder: it reviews pay "
     "each year against a market survey, and pays frontline staff shift and travel allowances. Employees give "
     "their views at town halls, in surveys and on the intranet.",
     "B1"),
    ("safety_policy", "safety",
     "**职业健康与安全。**集团的安全管理体系通过ISO 45001认证，由安全委员会每月检讨事故及险失个案。"
     "集团遵守香港《职业安全及健康条例》《工厂及工业经营条例》及《雇员补偿条例》，以及"
     "《中华人民共和国安全生产法》。年内的主要措施：\n"
     "- 叉车司机每年复训，并在仓库通道设置行人与车辆分隔；\n"
     "- 酷热天气下为户外员工安排额外休息时间；\n"
     "- 所有新入职员工须完成安全入职培训方可上岗。\n\n"
     "过去三年集团均无因工亡故个案。",
     "**Occupational health and safety.** The group's safety management system is certified to ISO 45001, and "
     "its safety committee reviews every accident and near miss each month. The group complies with Hong "
     "Kong's Occupational Safety and Health Ordinance, Factories and Industrial Undertakings Ordinance and "
     "Employees' Compensation Ordinance, and with the Work Safety Law of the People's Republic of China. Its "
     "main measures in the year:\n"
     "- forklift drivers retrained every year, and pedestrians kept apart from vehicles in the warehouses;\n"
     "- extra rest breaks for outdoor staff in very hot weather;\n"
     "- a safety induction every new employee completes before starting work.\n\n"
     "The group has had no work-related fatality in the last three years.",
     "B2, B2.3"),
    ("training_policy", "development",
     "**发展及培训。**集团的培训政策涵盖入职、岗位技能、安全、管理及合规培训。前线员工可参加叉车、冷链及"
     "危险品处理的认证课程，费用由集团承担；管理人员参加为期六个月的领导力课程。集团亦为员工报读"
     "与工作相关的外部课程提供最多每年港币10,000元的资助（虚构金额）。",
     "**Development and training.** The group's training policy covers induction, job skills, safety, management "
     "and compliance. Frontline staff can take certified courses in forklift driving, the cold chain and "
     "dangerous goods, paid for by the group; managers take a six-month leadership programme. The group also pays "
     "up to HK$10,000 a year towards an employee's job-related external course (a fictional amount).",
     "B3"),
    ("labour_policy", "employment",
     "**劳工准则。**集团遵守香港《雇佣条例》及《中华人民共和国劳动法》有关童工及强制劳工的规定。"
     "人力资源部于招聘时核实应聘者的身份证明文件及年龄；员工可随时按合约辞职，集团不扣留员工证件或工资。"
     "如发现违规，集团会立即终止有关雇佣并调查原因。",
     "**Labour standards.** The group complies with the provisions of Hong Kong's Employment Ordinance and the "
     "Labour Law of the People's Republic of China on child and forced labour. Human resources checks the "
     "identity documents and age of every applicant; employees may resign under their contract at any time, and "
     "the group never holds their documents or wages. A breach, if found, ends the employment at once and is "
     "investigated.",
     "B4, B4.2"),
    ("supply_policy", "supply_chain",
     "**供应链管理。**集团的《供应商行为守则》要求供应商遵守环境、劳工、安全及反贪污标准。新供应商须通过"
     "环境及社会风险筛查；主要供应商每年接受审核，审核结果决定续约。年内，集团的绿色采购占比为"
     "{green_procurement_share}。\n\n"
     "集团优先采购电动车辆、节能设备及经认证的纸质包装，并在招标评分中加入环境表现。",
     "**Supply chain management.** The group's Supplier Code of Conduct requires suppliers to meet environmental, "
     "labour, safety and anti-corruption standards. New suppliers are screened for environmental and social "
     "risks; the main suppliers are audited every year, and the audit decides the renewal of their contracts. "
     "Green procurement was {green_procurement_share} of the group's purchases in the year.\n\n"
     "The group prefers electric vehicles, energy-efficient equipment and certified paper packaging, and scores "
     "environmental performance in its tenders.",
     "B5, B5.2, B5.3, B5.4"),
    ("service_policy", "service",
     "**产品责任。**集团提供物流服务，不涉及产品回收。集团遵守香港《个人资料（私隐）条例》《商品说明条例》，"
     "以及《中华人民共和国个人信息保护法》。\n\n"
     "- **服务质量：**服务质量管理体系通过ISO 9001认证，年内进行服务质量审核{quality_audits}；\n"
     "- **投诉处理：**投诉由客户服务部登记及跟进，并每月向管理层汇报；\n"
     "- **知识产权：**集团只使用获授权的软件，员工须遵守信息科技使用守则；\n"
     "- **资料私隐：**客户资料按需要知道的原则存取，系统每年接受外部渗透测试。",
     "**Product responsibility.** The group provides logistics services and recalls no products. It complies "
     "with Hong Kong's Personal Data (Privacy) Ordinance and Trade Descriptions Ordinance, and with the Personal "
     "Information Protection Law of the People's Republic of China.\n\n"
     "- **Service quality:** its service quality system is certified to ISO 9001; it ran {quality_audits} in the "
     "year;\n"
     "- **Complaints:** customer service records and follows up every complaint, and reports to management "
     "every month;\n"
     "- **Intellectual property:** the group uses only licensed software, and employees follow its IT use code;\n"
     "- **Data privacy:** customer data is reached on a need-to-know basis, and the systems are tested by an "
     "outside firm every year.",
     "B6, B6.2, B6.3, B6.4, B6.5"),
    ("integrity_policy", "integrity",
     "**反贪污。**集团的《反贪污政策》及《举报政策》适用于全体董事及员工，并延伸至供应商。集团遵守香港"
     "《防止贿赂条例》及《中华人民共和国反不正当竞争法》。员工可透过保密的举报热线及电邮向审核委员会举报，"
     "集团保障举报人免受报复；年内审结的贪污诉讼案件为{corruption_cases}。全体董事及员工每年须完成"
     "反贪污培训，年内培训合共{anticorruption_training_hours}。",
     "**Anti-corruption.** The group's Anti-corruption Policy and Whistle-blowing Policy apply to every director "
     "and employee, and extend to its suppliers. The group complies with Hong Kong's Prevention of Bribery "
     "Ordinance and the Anti-Unfair Competition Law of the People's Republic of China. Employees can report to "
     "the audit committee by a confidential hotline or email, and whistle-blowers are protected from "
     "retaliation; {corruption_cases} were concluded in the year. Every director and employee completes "
     "anti-corruption training each year: {anticorruption_training_hours} in the year.",
     "B7, B7.2, B7.3"),
    ("community_policy", "community",
     "**社区投资。**集团的社区投资集中于三个范畴：道路安全教育、长者及弱势社群的物资配送，以及"
     "环境保护。集团与社福机构合作，以自有车队免费运送食物及物资；员工每年可享两天义工假。",
     "**Community investment.** The group's community investment has three focus areas: road safety education, "
     "delivering goods to the elderly and the disadvantaged, and the environment. It works with social service "
     "agencies, delivering food and supplies free with its own fleet; each employee has two days of volunteer "
     "leave a year.",
     "B8, B8.1"),
    ("climate_transition", "climate",
     "**转型计划。**集团的减排路径以车队电动化为主：到{ghg_scope12.target_year}年，市区配送车辆全部改用"
     "电动货车，并在全部自有物流中心安装太阳能板。集团亦在主要物流中心评估水浸风险，将重要设备迁离低层。"
     "下表列出集团识别的主要气候相关风险及机遇，以及集团的应对。",
     "**Transition plan.** The group's path to lower emissions rests on electrifying its fleet: by "
     "{ghg_scope12.target_year} every urban delivery vehicle will be an electric van, and every logistics centre "
     "it owns will have solar panels. The group has also assessed the flood risk of its main logistics centres "
     "and moved key equipment off the ground floors. The table lists the main climate-related risks and "
     "opportunities the group has identified, and its response.",
     "D2"),
]

CASES = [
    ("case_forklift", None,
     "集团于{report.reporting_year}年在屯门物流中心试行叉车防撞系统：叉车装设雷达，行人进入三米范围时自动减速"
     "并发出警示。试行期间，该中心的叉车险失个案由每月平均五宗降至一宗。系统将于下一年度推广至全部物流中心。"
     "（虚构案例）",
     "In {report.reporting_year} the group tried a forklift collision-avoidance system at its Tuen Mun logistics "
     "centre: each forklift carries a radar that slows it and sounds a warning when a pedestrian comes within "
     "three metres. During the trial the centre's forklift near misses fell from five a month on average to one. "
     "The system will reach every logistics centre next year. (A fictional case.)",
     None),
    ("case_food_bank", None,
     "集团与本地食物银行合作，以电动货车每周两次从超级市场收集剩余食物，送往区内的长者中心。年内共运送约"
     "一百二十吨食物，参与的员工义工逾三百人次。（虚构案例）",
     "The group works with a local food bank: twice a week its electric vans collect surplus food from "
     "supermarkets and take it to elderly centres in the district. In the year they delivered some 120 tonnes "
     "of food, with more than 300 volunteer turns by employees. (A fictional case.)",
     None),
]

# the climate-related risks and opportunities (a free-form table of the Tables sheet)
CLIMATE_TABLE = [
    ("climate_risks", "title", "气候相关风险及机遇", "Climate-related risks and opportunities"),
    ("climate_risks", "header", "类别", "Type", "风险或机遇", "Risk or opportunity", "时间范围", "Horizon",
     "应对", "Response"),
    ("climate_risks", "row", "实体风险（急性）", "Physical (acute)", "台风及暴雨导致仓库水浸、配送中断",
     "Typhoons and rainstorms flooding warehouses and stopping deliveries", "短期", "Short term",
     "防洪闸板、重要设备迁离低层、恶劣天气应变计划",
     "Flood barriers, key equipment off the ground floor, a severe weather plan"),
    ("climate_risks", "row", "实体风险（慢性）", "Physical (chronic)", "气温上升增加冷链能耗及员工中暑风险",
     "Rising temperatures raising cold-chain energy use and heat stress", "中长期", "Medium to long term",
     "变频制冷设备、酷热天气工作指引", "Inverter refrigeration, hot weather work guidelines"),
    ("climate_risks", "row", "转型风险（政策）", "Transition (policy)", "燃油车辆的碳价及排放标准收紧",
     "A carbon price and stricter standards for fuel vehicles", "中期", "Medium term",
     "车队电动化、内部碳价", "Electrifying the fleet, an internal carbon price"),
    ("climate_risks", "row", "转型风险（市场）", "Transition (market)", "客户要求低碳物流服务",
     "Customers asking for low-carbon logistics", "短中期", "Short to medium term",
     "向客户提供每件包裹的排放数据", "Emission data per parcel for customers"),
    ("climate_risks", "row", "机遇", "Opportunity", "电动货车降低燃料及维修成本",
     "Electric vans lowering fuel and maintenance costs", "中期", "Medium term",
     "扩建充电设施、与电力公司合作", "More chargers, with the power company"),
]

# the chairman's message (topic "message") and the ESG governance structure (topic "board")
MESSAGES = [
    ("chairman_message", "message",
     "各位持份者：\n\n"
     "{report.reporting_year}年，物流业在需求回升与成本上升之间寻找平衡，气候变化带来的极端天气亦提醒我们，"
     "供应链的韧性与减排同样重要。集团在年内继续以「准时、安全、低碳」为方向：电动货车开始在市区配送中"
     "担当主力，三个物流中心的屋顶装上了太阳能板，安全管理体系亦通过了外部认证。\n\n"
     "我们的员工是集团最重要的资产。年内，我们检讨了前线员工的薪酬及津贴，扩大了认证课程的资助，"
     "并在酷热天气下为户外员工安排额外休息。我们亦与供应商一同提高环境及劳工标准，因为客户期望的"
     "不只是我们自身的表现，而是整条供应链的表现。\n\n"
     "面向{ghg_scope12.target_year}年，董事会订立了减排、节能、节水及废弃物回收的目标，并每半年检讨进度。"
     "我们会继续以透明、可核实的数据向各位汇报，并欢迎各位对本报告提出意见。\n\n"
     "主席（虚构人物）",
     "To our stakeholders,\n\n"
     "In {report.reporting_year} the logistics industry looked for a balance between recovering demand and rising "
     "costs, and the extreme weather that comes with climate change reminded us that a resilient supply chain "
     "matters as much as lower emissions. The group kept to its direction of on time, safe and low carbon: "
     "electric vans began to carry most of our urban deliveries, solar panels went onto the roofs of three "
     "logistics centres, and our safety management system was certified by an outside body.\n\n"
     "Our people are the group's most important asset. In the year we reviewed the pay and allowances of our "
     "frontline staff, widened our support for certified courses, and gave outdoor staff extra rest breaks in "
     "very hot weather. We also worked with our suppliers to raise their environmental and labour standards, "
     "because our customers look not only at our own performance but at that of the whole supply chain.\n\n"
     "Towards {ghg_scope12.target_year}, the board has set targets for emissions, energy, water and waste "
     "recycling, and reviews progress twice a year. We will keep reporting to you with transparent, verifiable "
     "data, and we welcome your comments on this report.\n\n"
     "Chairman (a fictional person)",
     None),
    ("group_profile", "profile",
     "海港物流控股（虚构）为香港联交所上市的物流集团，总部设于香港，为电子商务、零售及制造业客户提供仓储、"
     "配送及跨境运输服务。集团在香港、中国内地及东南亚营运{logistics_centres}，拥有{fleet}，"
     "{report.reporting_year}年处理包裹{shipments}，收入{revenue}。\n\n"
     "集团的使命是以准时、安全及低碳的物流服务连接商户与顾客。集团的主要营运为道路运输及仓储："
     "车队的燃料及仓库的电力是集团温室气体排放的主要来源，前线员工占员工总数约八成，"
     "因此本报告的重点在于减排、职业安全及员工发展。",
     "Harbourline Logistics Holdings (fictional) is a logistics group listed on the Hong Kong Stock Exchange and "
     "headquartered in Hong Kong. It provides warehousing, delivery and cross-border transport to e-commerce, "
     "retail and manufacturing customers. It runs {logistics_centres} in Hong Kong, Mainland China and Southeast "
     "Asia with {fleet}; in {report.reporting_year} it handled {shipments} and its revenue was {revenue}.\n\n"
     "The group's mission is to connect merchants and their customers with logistics that are on time, safe and "
     "low in carbon. Its main operations are road transport and warehousing: its fleet's fuel and its "
     "warehouses' electricity are the main sources of its greenhouse gas emissions, and frontline staff are "
     "about four fifths of its workforce, so this report focuses on emissions, safety at work and the "
     "development of its people.",
     None),
    ("governance_structure", "board",
     "集团的ESG管治分为三层：\n"
     "1. **董事会**：对ESG策略及汇报负全责，审批ESG目标及本报告；\n"
     "2. **ESG委员会**：由独立董事出任，监察ESG风险及目标进度，每季度向董事会汇报；\n"
     "3. **ESG工作小组**：由营运、人力资源、采购及财务部门的主管组成，负责执行措施及收集数据。\n\n"
     "ESG风险已纳入集团的企业风险管理：各业务单位每年识别及评估ESG风险，由ESG委员会审阅，"
     "重大风险及其应对措施向董事会汇报。管理层的年度表现考核包括减排及安全目标。",
     "The group's ESG governance has three tiers:\n"
     "1. **The board**: fully responsible for the ESG strategy and reporting; approves the ESG targets and this "
     "report;\n"
     "2. **The ESG committee**: independent directors, who oversee ESG risks and progress "
     "against the targets and report to the board every quarter;\n"
     "3. **The ESG working group**: the heads of operations, human resources, procurement and finance, who carry "
     "out the measures and collect the data.\n\n"
     "ESG risks are part of the group's enterprise risk management: each business unit identifies and assesses "
     "its ESG risks every year, the ESG committee reviews them, and the material risks and responses go to the "
     "board. Management's yearly appraisal includes the emission and safety targets.",
     None),
]

# the methodology of the key performance data (a free-form table of the Tables sheet)
METHODOLOGY_TABLE = [
    ("methodology", "title", "数据计算方法", "How the figures are calculated"),
    ("methodology", "header", "数据", "Figure", "计算方法", "Method", "系数或来源", "Factors or source"),
    ("methodology", "row", "范围一排放", "Scope 1 emissions", "车队燃料及后备发电机用油乘以排放系数",
     "Fleet fuel and standby generator oil times emission factors", "港交所《如何准备环境、社会及管治报告》附录二",
     "HKEX, How to prepare an ESG report, Appendix 2"),
    ("methodology", "row", "范围二排放", "Scope 2 emissions", "外购电力乘以所在电网的排放系数",
     "Purchased electricity times the grid's emission factor", "各电力公司公布的系数；中国内地电网平均排放因子",
     "Factors published by the power companies; Mainland China's average grid factor"),
    ("methodology", "row", "空气污染物", "Air pollutants", "车辆行驶里程乘以车型的排放系数",
     "Distance driven times each vehicle type's factor", "香港环境保护署的车辆排放系数",
     "Vehicle emission factors of Hong Kong's Environmental Protection Department"),
    ("methodology", "row", "废弃物", "Waste", "按收集商的运载记录及磅单统计", "From collectors' trip tickets and weighbridge tickets",
     "持牌收集商的记录", "Records of the licensed collectors"),
    ("methodology", "row", "密度", "Intensities", "数值除以年度收入（人民币百万元）或年末员工人数",
     "The figure divided by the year's revenue (RMB million) or the year-end workforce", "集团综合财务报表",
     "The group's consolidated financial statements"),
    ("methodology", "row", "雇佣数据", "Employment data", "年末在职的全职及兼职员工人数", "Full-time and part-time employees at the year end",
     "人力资源系统", "The human resources system"),
]

# the ESG governance tiers (a free-form table of the Tables sheet)
GOVERNANCE_TABLE = [
    ("governance", "title", "ESG管治架构", "ESG governance structure"),
    ("governance", "header", "层级", "Tier", "成员", "Members", "职责", "Responsibilities", "会议", "Meetings"),
    ("governance", "row", "董事会", "Board", "全体董事", "All directors", "审批ESG策略、目标及报告",
     "Approves the ESG strategy, targets and report", "每半年检讨", "Reviews twice a year"),
    ("governance", "row", "ESG委员会", "ESG committee", "独立董事", "Independent directors",
     "监察ESG风险、气候风险及目标进度", "Oversees ESG and climate risks and progress against targets", "每季度",
     "Quarterly"),
    ("governance", "row", "ESG工作小组", "ESG working group", "营运、人力资源、采购及财务主管",
     "Heads of operations, human resources, procurement and finance", "执行措施、收集及核对数据",
     "Carries out measures, collects and checks data", "每月", "Monthly"),
]
