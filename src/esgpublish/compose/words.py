"""The report's own words, in both languages: one catalogue, used by compose and charts.

Each word has its Simplified Chinese and English forms, and a hand-written Hong Kong
Traditional form (``WORDS_HANT`` …; tests/test_hant.py checks them against OpenCC's s2hk).
Renderers never hold words of their own; what they print comes through the IR.
"""
from __future__ import annotations

from ..model.dataset import Lang, Text

WORDS: dict[str, tuple[str, str]] = {
    "contents": ("目录", "Contents"),
    "page_of": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("期间", "Period"),
    "as_of": ("截至", "As of"),
    "target": ("目标", "Target"),
    "target_year": ("目标年", "Target year"),
    "baseline": ("基准", "Baseline"),
    "baseline_year": ("基准年", "Baseline year"),
    "source": ("来源", "Source"),
    "note": ("备注", "Note"),
    "notes": ("注", "Notes"),
    "change": ("变化", "Change"),
    "hkex": ("港交所指标", "HKEX KPI"),
    "gri": ("GRI", "GRI"),
    "not_disclosed": ("未披露", "Not disclosed"),
    "not_applicable": ("不适用", "N/A"),
    "total": ("合计", "Total"),
    "overall": ("整体", "Overall"),  # a breakdown's whole, where the parts do not add up (a rate)
    "figure": ("图", "Figure"),
    "table": ("表", "Table"),
    "published": ("发布日期", "Published"),
    "reporting_period": ("报告期", "Reporting period"),
    "key_figures": ("关键数据", "Key figures"),
    "by_year": ("{year}年", "by {year}"),
    "vs_year": ("较{year}年", "on {year}"),
    "progress": ("进度", "Progress"),
    "target_values": ("目标值", "Target values"),
    "achieved": ("已达成", "Achieved"),
    "chart_alt_bar": ("{title}：{items}。", "{title}: {items}."),
    "chart_alt_progress": ("{title}：{value}，目标{target}，完成{share}。", "{title}: {value} against a target of {target}, {share} achieved."),
    "chart_alt_progress_plain": ("{title}：{value}，目标{target}。", "{title}: {value} against a target of {target}."),
    "subtitle_sep": (" · ", " · "),
    "points": ("个百分点", " pp"),  # the change of a percentage, in percentage points  # between the parts of a chart's subtitle
    "list_sep": ("；", "; "),
    "year_value": ("{year}年{value}", "{value} in {year}"),
    "pair_sep": ("：", ": "),
    "lang_sep": (" / ", " / "),  # between the languages of one title
    "furniture_sep": ("    ", "    "),  # between the languages of a running header or footer
    "leader": (".", "."),  # the contents' dot leaders
    "empty_cell": ("–", "–"),  # a table cell with no value
    "no_value": ("—", "—"),  # the value cell of a row that gives only a target
    "continued": ("（续）", " (continued)"),  # a table's caption on the pages it runs on to
    "content_index": ("香港联交所《环境、社会及管治报告指引》内容索引", "HKEX ESG Reporting Guide content index"),
    "aspect_kpi": ("层面／关键绩效指标", "Aspect / KPI"),
    "description": ("描述", "Description"),
    "indicators": ("本报告指标", "Indicators in this report"),
    "section": ("章节", "Section"),
    "page": ("页码", "Page"),
    "remarks": ("备注／解释", "Remarks / explanation"),
    "content_index_of": ("{framework}内容索引", "{framework} content index"),
    "gri_index": ("GRI 内容索引", "GRI content index"),
    "gri_disclosure": ("GRI 披露项", "GRI disclosure"),
    "gri_statement": ("本报告参照 GRI 标准（2021）编制。", "This report has been prepared with reference to the "
                                                         "GRI Standards (2021)."),
    "mandatory": ("强制披露", "Mandatory"),
    "over": ("超过", "over"),
    "nearly": ("近", "nearly"),
    "approximately": ("约", "approximately"),
    "more_than": ("多", "more than"),
}

HKEX_ASPECTS: dict[str, tuple[str, str]] = {
    "A1": ("排放物", "Emissions"),
    "A2": ("资源使用", "Use of resources"),
    "A3": ("环境及天然资源", "The environment and natural resources"),
    "A4": ("气候变化", "Climate change"),
    "B1": ("雇佣", "Employment"),
    "B2": ("健康与安全", "Health and safety"),
    "B3": ("发展及培训", "Development and training"),
    "B4": ("劳工准则", "Labour standards"),
    "B5": ("供应链管理", "Supply chain management"),
    "B6": ("产品责任", "Product responsibility"),
    "B7": ("反贪污", "Anti-corruption"),
    "B8": ("社区投资", "Community investment"),
}

PILLAR_NAMES: dict[str, tuple[str, str]] = {
    "E": ("环境", "Environmental"),
    "S": ("社会", "Social"),
    "G": ("管治", "Governance"),
}


#: the Hong Kong Traditional forms, written by hand (where they differ from s2hk, on purpose:
#: ``HANT_DELIBERATE``)
WORDS_HANT: dict[str, str] = {
    "page": "頁碼", "remarks": "備註／解釋", "content_index_of": "{framework}內容索引", "gri_index": "GRI 內容索引",
    "gri_disclosure": "GRI 披露項", "gri_statement": "本報告參照 GRI 標準（2021）編製。", "mandatory": "強制披露",
    "contents": "目錄", "page_of": "第 {page} 頁 / 共 {pages} 頁", "indicator": "指標", "value": "數值",
    "unit": "單位", "period": "期間", "as_of": "截至", "target": "目標", "target_year": "目標年",
    "baseline": "基準", "baseline_year": "基準年", "source": "來源", "note": "備註", "notes": "註",
    "change": "變化", "hkex": "港交所指標", "gri": "GRI", "not_disclosed": "未披露", "not_applicable": "不適用",
    "total": "合計", "overall": "整體", "figure": "圖", "table": "表", "published": "發布日期",
    "reporting_period": "報告期", "key_figures": "關鍵數據", "by_year": "{year}年", "vs_year": "較{year}年",
    "progress": "進度", "target_values": "目標值", "achieved": "已達成",
    "chart_alt_bar": "{title}：{items}。",
    "chart_alt_progress": "{title}：{value}，目標{target}，完成{share}。",
    "chart_alt_progress_plain": "{title}：{value}，目標{target}。",
    "subtitle_sep": " · ", "points": "個百分點", "list_sep": "；", "year_value": "{year}年{value}",
    "pair_sep": "：", "lang_sep": " / ", "furniture_sep": "    ", "leader": ".", "empty_cell": "–",
    "no_value": "—", "continued": "（續）",
    "content_index": "香港聯交所《環境、社會及管治報告指引》內容索引",
    "aspect_kpi": "層面／關鍵績效指標", "description": "描述", "indicators": "本報告指標", "section": "章節",
    "over": "超過", "nearly": "近", "approximately": "約", "more_than": "多",
}
HKEX_ASPECTS_HANT: dict[str, str] = {
    "A1": "排放物", "A2": "資源使用", "A3": "環境及天然資源", "A4": "氣候變化", "B1": "僱傭",
    "B2": "健康與安全", "B3": "發展及培訓", "B4": "勞工準則", "B5": "供應鏈管理", "B6": "產品責任",
    "B7": "反貪污", "B8": "社區投資",
}
PILLAR_NAMES_HANT: dict[str, str] = {"E": "環境", "S": "社會", "G": "管治"}
#: Hong Kong usage that s2hk does not give: 發布 (HKSAR Government style, s2hk 發佈), 註 (s2hk 注),
#: 編製 a report (s2hk 編制, which is "establishment")
HANT_DELIBERATE = {"published": "發佈日期", "notes": "注", "gri_statement": "本報告參照 GRI 標準（2021）編制。"}


def word(key: str, lang: Lang, **fields: object) -> str:
    """Catalogue key and language → the word, with ``{fields}`` filled in."""
    zh, en = WORDS[key]
    text = WORDS_HANT[key] if lang == "zh_hant" else zh if lang == "zh" else en
    return text.format(**fields) if fields else text


def text(key: str) -> Text:
    """A catalogue key → the word as a Text in every language."""
    return Text(*WORDS[key], zh_hant=WORDS_HANT[key])


def pillar(code: str) -> Text:
    """E, S or G → the pillar's name in every language."""
    return Text(*PILLAR_NAMES[code], zh_hant=PILLAR_NAMES_HANT[code])


def aspect(code: str, lang: Lang) -> str:
    """An HKEX aspect (A1 … B8) → its name in ``lang``."""
    zh, en = HKEX_ASPECTS[code]
    return HKEX_ASPECTS_HANT[code] if lang == "zh_hant" else zh if lang == "zh" else en
