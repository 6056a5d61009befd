"""The diagnostics' catalogue: a stable code and a Chinese form for every message, a
Chinese form for every hint, and the CLI's own words.

Stages write their diagnostics in English, as f-strings (``f"unknown unit '{unit_id}'"``):
the English template is the message id, as in gettext. ``code_of(message)`` finds the
template a message was made from — its literal parts in order, each ``{}`` one field — and
gives its stable code (``validate --format json`` prints it); ``translate(text, "zh")``
formats the Chinese template with the same fields. ``tests/test_messages.py`` reads every
``.error``/``.warning``/``.note`` call in the source and checks that its message and hint
templates are here, so a new diagnostic without a code or a translation fails the tests.

Why not gettext's ``_()`` at each call: the readers' messages are f-strings built in one
expression, often with a computed hint (``suggest(...) or f"use one of {...}"``); matching
the finished text keeps every call site as it is and each stage free of any language but
English. Fields (ids, cell values, numbers) are printed as they are, untranslated.
"""
from __future__ import annotations

import os
import re
import string
from functools import lru_cache

Lang = str  # "en" | "zh"
LANGS = ("en", "zh")

# code → (English template, Chinese template); fields are {} in English, {0} {1} … in Chinese
MESSAGES: dict[str, tuple[str, str]] = {
    # the workbook file and its sheets
    "file-missing": ("no such file", "文件不存在"),
    "file-missing-named": ("no such file '{}'", "文件「{0}」不存在"),
    "not-xlsx": ("not an Excel workbook (.xlsx): the file is not a zip archive",
                 "不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包"),
    "unpacks-too-big": ("the workbook unpacks to {} MB, more than 200 MB", "工作簿解压后为 {0} MB，超过 200 MB"),
    "unreadable-workbook": ("cannot read the workbook: {}: {}", "无法读取工作簿：{0}：{1}"),
    "not-regular-file": ("not a regular file (a folder, a pipe or a device)", "不是普通文件（而是文件夹、管道或设备）"),
    "sheet-missing": ("missing sheet '{}'", "缺少工作表「{0}」"),
    "sheet-hidden": ("sheet is hidden", "工作表被隐藏"),
    "column-unknown": ("unknown column '{}' is ignored", "未知的列「{0}」已忽略"),
    "column-missing": ("missing column '{}'", "缺少列「{0}」"),
    "merged-cells": ("merged cells {} over data", "数据区域内有合并单元格 {0}"),
    "invisible-chars": ("removed invisible character(s) {}", "已删除不可见字符 {0}"),
    "control-char": ("control character U+{} in text", "文本中有控制字符 U+{0}"),
    "cell-too-long": ("cell holds {} characters, more than {}", "单元格有 {0} 个字符，超过 {1} 个"),
    "formula-no-result": ("formula {} has no stored result", "公式 {0} 没有保存计算结果"),
    "formula-results-used": ("used the results Excel stored for {} formula cell(s)",
                             "已使用 Excel 为 {0} 个公式单元格保存的结果"),
    "example-row": ("an example row left from the template", "模板留下的示例行"),
    "openpyxl-warning": ("{}", "{0}"),
    "row-beyond-limit": ("a value in row {}: the sheet has {} rows, more than {}", "第 {0} 行有数值：工作表有 {1} 行，超过 {2} 行"),
    "column-beyond-limit": ("a value in column {}, beyond column {}: esgpublish reads at most {} columns",
                            "第 {0} 列有数值，超出 {1} 列：esgpublish 最多读取 {2} 列"),
    "cell-reference-odd": ("the sheet's XML has a cell reference '{}' that is not a plain one (such as B7)",
                           "工作表的 XML 中有不规则的单元格引用「{0}」（应如 B7）"),
    "too-many-texts": ("the workbook holds {} different texts, more than {}", "工作簿有 {0} 个不同的文本，超过 {1} 个"),
    "excel-error-value": ("the cell holds the Excel error {}", "单元格为 Excel 错误值 {0}"),
    # esgpublish batch: the inputs
    "batch-no-workbooks": ("no workbooks (.xlsx) in this folder", "此文件夹中没有工作簿（.xlsx）"),
    "batch-same-outputs": ("publishes to the same files as {}", "与 {0} 发布到相同的文件"),
    # cell values
    "text-in-number": ("text '{}' in a number column", "数字列中有文本「{0}」"),
    "not-a-number": ("'{}' is not a number", "「{0}」不是数字"),
    "number-out-of-range": ("{} is outside the range of figures esgpublish prints (-10^15 to 10^15)",
                            "{0} 超出 esgpublish 可印出的数字范围（-10^15 至 10^15）"),
    "number-prints-as-zero": ("'{}' is {}, which prints as 0 with {} decimal place(s)", "「{0}」为 {1}，保留 {2} 位小数时印为 0"),
    "publication-date-range": ("publication date {} is outside {}–{}", "发布日期 {0} 不在 {1}–{2} 之间"),
    "percent-format-not-percentage": (
        "the cell shows {}% (a percent format) but the unit '{}' is not a percentage",
        "单元格显示为 {0}%（百分比格式），但单位「{1}」不是百分比"),
    "not-a-year": ("'{}' is not a year", "「{0}」不是年份"),
    "not-a-date": ("'{}' is not a date", "「{0}」不是日期"),
    "fiscal-year-needs-year-end": ("'{}' is a fiscal year, but the report's year ends in December",
                                   "「{0}」是财政年度，但报告年度在十二月结束"),
    "fiscal-year-invalid": ("'{}' is not a fiscal year: it must end the year after it starts",
                            "「{0}」不是财政年度：须在开始的次年结束"),
    "year-end-not-month": ("year_end '{}' is not a month", "year_end「{0}」不是月份"),
    "publication-date-no-day": ("publication date '{}' has no day", "发布日期「{0}」没有日"),
    "qualifier-unknown": ("unknown qualifier '{}'", "未知的限定词「{0}」"),
    "hkex-code-invalid": ("'{}' is not an HKEX ESG Reporting Code or Guide item",
                          "「{0}」不是港交所《环境、社会及管治报告守则》或《指引》的条目"),
    "gri-standard-level": ("'{}' names a GRI standard, not one of its disclosures", "「{0}」是 GRI 准则，而非其披露项"),
    "framework-one-code": ("'{}': one code per row", "「{0}」：每行只填一个编号"),
    "framework-code-other-year": ("{} is not an item of the {} that applies to {}", "{0} 不是适用于 {2} 年的{1}的条目"),
    "framework-mandatory-missing": ("{} ({}) is mandatory, and nothing the layout prints reports it",
                                    "{0}（{1}）为强制披露，但版式印出的内容都没有汇报它"),
    "framework-comply-or-explain": ("comply or explain: {} ({}) has neither data nor an explanation",
                                    "不遵守就解释：{0}（{1}）既无数据也无解释"),
    "gri-code-invalid": ("'{}' is not a GRI disclosure number", "「{0}」不是 GRI 披露项编号"),
    "id-missing": ("missing {} id", "缺少{0}编号"),
    "id-invalid": ("invalid id '{}'", "编号「{0}」无效"),
    "id-duplicate": ("duplicate id '{}' (first defined at {})", "编号「{0}」重复（首次定义于 {1}）"),
    "value-missing": ("missing value", "缺少数值"),
    "text-missing": ("missing {}", "缺少{0}"),
    "decimals-invalid": ("decimals '{}' is not a whole number from 0 to 6", "小数位「{0}」不是 0 至 6 的整数"),
    "status-unknown": ("unknown status '{}'", "未知的状态「{0}」"),
    "share-out-of-range": ("share of {}% is outside 0–100 %", "占比 {0}% 不在 0–100% 之间"),
    # records
    "unit-kind-unknown": ("unknown unit kind '{}'", "未知的单位类型「{0}」"),
    "pillar-unknown": ("unknown pillar '{}'", "未知的支柱「{0}」"),
    "topic-unknown": ("unknown topic '{}'", "未知的议题「{0}」"),
    "pillar-topic-mismatch": ("pillar '{}' differs from the pillar '{}' of topic '{}'",
                              "支柱「{0}」与议题「{2}」的支柱「{1}」不同"),
    "report-key-unknown": ("unknown report key '{}' is ignored", "未知的报告键「{0}」已忽略"),
    "report-key-missing": ("missing report key '{}'", "缺少报告键「{0}」"),
    "unit-unknown": ("unknown unit '{}'", "未知的单位「{0}」"),
    "unit-missing": ("missing unit", "缺少单位"),
    "indicator-unknown": ("unknown indicator '{}'", "未知的指标「{0}」"),
    "indicator-id-missing": ("missing indicator id", "缺少指标编号"),
    "target-before-baseline": ("target year {} is before the baseline year {}", "目标年 {0} 早于基准年 {1}"),
    "value-beside-status": ("a value for {} whose status is {}", "{0}的状态为 {1}，却填有数值"),
    "explanation-missing": ("{} {} needs its explanation ({})", "{0}为 {1}，须说明原因（{2}）"),
    "no-value-no-target": ("no value and no target", "既无数值也无目标"),
    "note-one-language": ("note given in one language only", "备注只有一种语言"),
    "period-missing": ("missing period", "缺少期间"),
    "period-duplicate": ("'{}' already has a value for {}", "「{0}」已有 {1} 的数值"),
    "periods-not-numeric": ("indicator '{}' has a {} unit and no yearly values", "指标「{0}」的单位为{1}类，没有逐年数值"),
    "placeholder-broken-indicator": ("placeholder {} names '{}', whose row has errors",
                                     "占位符 {0} 引用的「{1}」所在行有错误"),
    "placeholder-no-indicator": ("placeholder {} names no indicator", "占位符 {0} 没有引用任何指标"),
    "placeholder-attr-unknown": ("unknown attribute '{}' in placeholder {}", "占位符 {1} 中有未知属性「{0}」"),
    "placeholder-report-field-unknown": ("unknown report field in placeholder {}", "占位符 {0} 中有未知的报告字段"),
    "placeholder-withheld": ("placeholder {} names the value of '{}', which is {}",
                             "占位符 {0} 引用「{1}」的数值，而该指标为 {2}"),
    "placeholder-empty": ("placeholder {} names the {} of '{}', which is empty", "占位符 {0} 引用「{2}」的{1}，但其为空"),
    "markup-note-twice": ("footnote [^{}] is defined twice", "脚注 [^{0}] 定义了两次"),
    "markup-list-of-one": ("a line starting with '{}' makes a list of one item", "以「{0}」开头的一行成为只有一项的列表"),
    "markup-list-numbers": ("a numbered list is numbered 1, 2, 3 … whatever numbers are typed",
                            "编号列表一律按 1、2、3 … 编号，与所填数字无关"),
    "markup-note-missing": ("footnote [^{}] has no note", "脚注 [^{0}] 没有注文"),
    "markup-note-unused": ("footnote [^{}] is never cited", "脚注 [^{0}] 未被引用"),
    "markup-link-scheme": ("link address '{}' is not an http, https or mailto address",
                           "链接地址「{0}」不是 http、https 或 mailto 地址"),
    "markup-lone-star": ("'{}' at character {} has no partner and prints as it is",
                         "第 {1} 个字符处的「{0}」没有配对，按原样印出"),
    "brace-unbalanced": ("unbalanced '{}' at character {}", "第 {1} 个字符处的「{0}」不成对"),
    "framework-needs-status": ("a framework row needs the status 不适用 or 未披露", "框架行的状态须为 不适用 或 未披露"),
    "framework-code-missing": ("missing HKEX code", "缺少港交所指标编号"),
    "framework-explained-twice": ("{} is explained twice", "{0} 说明了两次"),
    "framework-reported": ("{} is reported by an indicator; this explanation is not printed",
                           "{0} 已由指标披露；此说明不会印出"),
    # dimensions and breakdowns
    "dimension-id-invalid": ("invalid dimension id '{}'", "维度编号「{0}」无效"),
    "dimension-id-missing": ("missing dimension id", "缺少维度编号"),
    "dimension-named-twice": ("dimension '{}' is named twice", "维度「{0}」命名了两次"),
    "category-listed-twice": ("category '{}' of '{}' is listed twice", "「{1}」的类别「{0}」列出了两次"),
    "dimension-no-categories": ("dimension '{}' has no categories", "维度「{0}」没有类别"),
    "dimension-unknown": ("unknown dimension '{}'", "未知的维度「{0}」"),
    "dimension-missing": ("missing dimension", "缺少维度"),
    "category-unknown": ("unknown category '{}' of dimension '{}'", "维度「{1}」中未知的类别「{0}」"),
    "category-missing": ("missing category", "缺少类别"),
    "breakdown-duplicate": ("'{}' already has a value for {} ({}) in {}", "「{0}」在 {3} 已有 {1}（{2}）的数值"),
    "breakdown-sum": ("'{}' by {} in {} adds up to {}, not its total {} (a difference of {})",
                      "「{0}」按 {1} 细分，{2} 年合计为 {3}，而非其总数 {4}（相差 {5}）"),
    # derived indicators
    "expression-missing": ("missing expression", "缺少算式"),
    "expression-invalid": ("expression: {}", "算式：{0}"),
    "expression-unknown-name": ("the expression names '{}', which is no indicator", "算式引用的「{0}」不是指标"),
    "expression-cycle": ("'{}' is computed from itself: {}", "「{0}」由其自身计算得出：{1}"),
    "expression-no-year": ("'{}' has no year in which all its inputs have a value", "「{0}」没有一年所有输入都有数值"),
    "expression-divides-by-zero": ("'{}' divides by zero in {}", "「{0}」在 {1} 年除以零"),
    "expression-adds-units": ("'{}' adds {} and {}: only figures of one unit add up",
                              "「{0}」把 {1} 与 {2} 相加：只有同一单位的数字才能相加"),
    "expression-unit-ratio": ("'{}' is a {}, but its unit '{}' is of kind {}", "「{0}」是{1}，但其单位「{2}」属于 {3} 类"),
    "expression-unit-kind": ("'{}' is in {} ({}), but its unit '{}' is of kind {}",
                             "「{0}」的单位是 {1}（{2}类），但所填单位「{3}」属于 {4} 类"),
    # sanity
    "sanity-jump": ("'{}' goes from {} ({}) to {} ({}), {} times {}", "「{0}」由 {1}（{2}）变为 {3}（{4}），相差 {5} 倍"),
    "sanity-sign": ("'{}' changes sign from {} ({}) to {} ({})", "「{0}」由 {1}（{2}）变号为 {3}（{4}）"),
    "sanity-negative": ("'{}' is {} in {}: a {} cannot be negative", "「{0}」在 {2} 为 {1}：{3}类数值不能为负数"),
    # the layout file
    "layout-too-big": ("layout file is {} bytes, more than {}", "版式文件有 {0} 字节，超过 {1} 字节"),
    "layout-not-utf8": ("layout is not UTF-8 (byte {})", "版式文件不是 UTF-8 编码（第 {0} 字节）"),
    "layout-unreadable": ("cannot read layout: {}", "无法读取版式文件：{0}"),
    "yaml-invalid": ("invalid YAML: {}", "YAML 无效：{0}"),
    "yaml-too-many-nodes": ("layout has more than {} YAML nodes", "版式文件的 YAML 节点超过 {0} 个"),
    "yaml-recursive-alias": ("recursive YAML alias", "YAML 别名递归引用自身"),
    "yaml-key-not-plain": ("a key must be a plain name", "键必须是普通名称"),
    "yaml-merge-key": ("YAML merge keys (<<) are not supported", "不支持 YAML 合并键（<<）"),
    "yaml-duplicate-key": ("duplicate key '{}'", "键「{0}」重复"),
    "yaml-invalid-value": ("invalid value: {}", "数值无效：{0}"),
    "layout-not-mapping": ("a layout must be a mapping of keys", "版式文件必须是键的映射"),
    "key-unknown": ("unknown key '{}'", "未知的键「{0}」"),
    "key-missing": ("missing key '{}'", "缺少键「{0}」"),
    "theme-key-missing": ("missing key 'theme'", "缺少键「theme」"),
    "theme-section-missing": ("theme is missing '{}'", "主题缺少「{0}」"),
    "value-type": ("'{}' must be {}, not {}", "「{0}」须为 {1}，而非 {2}"),
    "value-not-number": ("'{}' must be a number, not {}", "「{0}」须为数字，而非 {1}"),
    "value-out-of-range": ("'{}' is {}, outside {}–{}", "「{0}」为 {1}，不在 {2}–{3} 之间"),
    "value-not-allowed": ("'{}' is not allowed for '{}'", "「{1}」不可为「{0}」"),
    "value-not-colour": ("'{}' must be a colour such as \"#0B6E4F\", not {}", "「{0}」须为颜色，如 \"#0B6E4F\"，而非 {1}"),
    "value-not-text": ("'{}' must be a text in both languages, not {}", "「{0}」须为中英双语文本，而非 {1}"),
    "value-empty": ("'{}' is empty", "「{0}」为空"),
    "list-too-short": ("'{}' needs at least {} items", "「{0}」至少需要 {1} 项"),
    "text-language-missing": ("'{}' has no '{}' text", "「{0}」没有「{1}」文本"),
    "brace-unbalanced-layout": ("unbalanced brace in '{}'", "「{0}」中的花括号不成对"),
    "layout-placeholder-unknown": ("unknown placeholder {} in a layout text", "版式文本中有未知的占位符 {0}"),
    "block-not-single-key": ("a block must be a single key naming its kind", "区块须为一个表示其类型的键"),
    "block-kind-unknown": ("unknown block kind '{}'", "未知的区块类型「{0}」"),
    "section-needs-title": ("a section needs a 'title' or a 'pillar'", "章节需要「title」或「pillar」"),
    "extends-not-reference": ("extends must be a built-in layout's name or a file path", "extends 须为内置版式名称或文件路径"),
    "extends-unknown-builtin": ("no built-in layout named '{}'", "没有名为「{0}」的内置版式"),
    "extends-cycle": ("extends forms a cycle: {}", "extends 形成循环：{0}"),
    "extends-too-deep": ("extends chain deeper than {}", "extends 链超过 {0} 层"),
    "path-outside-layouts": ("'{}' points outside the layouts folder ({})", "「{0}」指向版式文件夹之外（{1}）"),
    "font-damaged": ("'{}' is not a font file, or a damaged one: {}: {}", "「{0}」不是字体文件，或已损坏：{1}：{2}"),
    "font-not-embeddable": ("'{}' may not be embedded (its licence flags, OS/2 fsType {}, forbid it)",
                            "「{0}」不可嵌入（其许可标志 OS/2 fsType {1} 禁止嵌入）"),
    "yaml-too-deep": ("YAML nested more than {} levels deep", "YAML 嵌套超过 {0} 层"),
    "margins-too-wide": ("the margins leave a text block {} mm {} on a {} × {} mm page; it must be at least {} mm {}",
                         "页边距使 {2} × {3} mm 页面的版心只有 {0} mm {1}；至少须为 {4} mm {5}"),
    "font-cff": ("'{}' has PostScript (CFF) outlines, which the PDF renderer cannot embed",
                 "「{0}」是 PostScript（CFF）轮廓，PDF 渲染器无法嵌入"),
    "font-tables-missing": ("'{}' lacks the font tables {}", "「{0}」缺少字体表 {1}"),
    "layout-name-invalid": ("the layout's name {} {}", "版式名称 {0} {1}"),
    "layout-file-name-invalid": ("the layout has no name, and its file's name {} {}", "版式没有名称，而其文件名 {0} {1}"),
    # layout against workbook
    "narrative-unknown": ("unknown narrative id '{}'", "未知的叙述编号「{0}」"),
    "back-cover-footnotes": ("the back cover's narrative '{}' has footnotes, which a cover cannot print",
                             "封底的叙述「{0}」带有脚注，封面无法印出脚注"),
    "indicator-id-unknown": ("unknown indicator id '{}'", "未知的指标编号「{0}」"),
    "selects-nothing": ("{} selects nothing ({}) and is left out", "{0} 没有选中任何内容（{1}），已略去"),
    "block-needs-indicators": ("a {} needs either 'indicators' or 'select'", "{0} 需要「indicators」或「select」"),
    "breakdown-needs-indicator": ("a breakdown needs an 'indicator' or a 'select'", "细分区块需要「indicator」或「select」"),
    "breakdown-missing-dimension": ("'{}' has no breakdown by '{}'", "「{0}」没有按「{1}」的细分"),
    "breakdown-none": ("'{}' has no breakdown: the block prints nothing", "「{0}」没有细分：此区块不会印出任何内容"),
    "breakdown-chart-stacked-rate": ("a stacked chart of '{}' ({}) would add up parts that do not add up",
                                     "「{0}」（{1}）的堆叠图会把不能相加的部分相加"),
    "breakdown-chart-too-many": ("a chart of '{}' by '{}' has {} categories, more than {} can be labelled",
                                 "「{0}」按「{1}」的图表有 {2} 个类别，超过可标注的 {3} 个"),
    "chart-too-big": ("a chart of {} indicators is too big to label: at most {} fit", "{0} 个指标的图表太大，无法标注：最多 {1} 个"),
    "chart-needs-numbers": ("a bar chart needs numbers; '{}' has none", "条形图需要数字；「{0}」没有"),
    "chart-needs-target": ("a chart of targets needs a target; '{}' has none", "目标图需要目标值；「{0}」没有"),
    "chart-needs-value-target": ("a progress chart needs a value and a target; '{}' lacks one",
                                 "进度图需要数值与目标值；「{0}」缺少其一"),
    "chart-needs-years": ("a {} chart needs values for two or more years; '{}' has {}",
                          "{0} 图需要两年或以上的数值；「{1}」只有 {2}"),
    "chart-units-differ": ("a {} chart shows one kind of quantity: its indicators must share one unit (a share and "
                           "a reduction, say, are different quantities)",
                           "{0} 图只显示一种数量：其指标须使用同一单位（例如占比与减幅是不同的数量）"),
    "table-header-too-tall": ("table {}'s header row would be {} pt tall, taller than the page's text block ({} pt)",
                              "表 {0} 的表头行将高 {1} pt，超过页面版心（{2} pt）"),
    "content-too-large": ("this content cannot be laid out on a page of the PDF ({})",
                          "此内容无法排入 PDF 的页面（{0}）"),
    "hant-converted": ("converted to Traditional Chinese (s2hk): {}", "已转换为繁体中文（s2hk）：{0}"),
    "hant-glyph": ("in Traditional Chinese: {}", "繁体中文：{0}"),
    "hant-mark-unneeded": ("review mark '{}' on a row with nothing converted to Traditional Chinese",
                           "审阅标记「{0}」所在行没有转换为繁体中文的内容"),
    "hant-mark-stale": ("stale review mark '{}': the Simplified text of this row has changed since its Traditional "
                        "Chinese was reviewed", "审阅标记「{0}」已过期：此行的简体文本在其繁体审阅后已更改"),
    "hant-unreviewed": ("{} cell(s) converted to Traditional Chinese (OpenCC s2hk) and not marked reviewed",
                        "{0} 个单元格已转换为繁体中文（OpenCC s2hk），尚未标记为已审阅"),
    "glyph-missing": ("no glyph in {} or {} for {}", "{0} 与 {1} 中都没有 {2} 的字形"),
    # reading published files back (trace, verify)
    "review-not-output": ("not a published PDF or DOCX (nor its .sources.json)",
                          "不是发布的 PDF 或 DOCX（也不是其 .sources.json）"),
    "review-pdf-unreadable": ("cannot read the PDF: {}: {}", "无法读取 PDF：{0}：{1}"),
    "review-docx-unreadable": ("cannot read the DOCX: {}", "无法读取 DOCX：{0}"),
    "review-no-record": ("no provenance record: none embedded and no {} beside it",
                         "没有来源记录：文件中未嵌入，旁边也没有 {0}"),
    "review-bad-record": ("not an esgpublish provenance record", "不是 esgpublish 的来源记录"),
    # images, free-form tables and materiality (read/images.py, read/assets.py, read/assetcheck.py)
    "image-name-unsafe": ("the file name '{}' {}", "文件名「{0}」{1}"),
    "image-not-png-jpeg": ("'{}' is not a PNG or JPEG file (.png, .jpg, .jpeg)", "「{0}」不是 PNG 或 JPEG 文件（.png、.jpg、.jpeg）"),
    "image-missing": ("no file '{}' in {}/", "{1}/ 中没有文件「{0}」"),
    "image-link-outside": ("'{}' links to a file outside {}/", "「{0}」链接到 {1}/ 以外的文件"),
    "image-not-regular": ("'{}' is not a regular file", "「{0}」不是普通文件"),
    "image-too-big": ("'{}' is {} MB, more than {} MB", "「{0}」有 {1} MB，超过 {2} MB"),
    "image-unreadable": ("cannot read '{}': {}", "无法读取「{0}」：{1}"),
    "image-not-image": ("'{}' is not a {} image", "「{0}」不是 {1} 图像"),
    "image-too-many-pixels": ("'{}' is {} × {} pixels, more than {} a side or {} in all",
                              "「{0}」为 {1} × {2} 像素，超过每边 {3} 或合计 {4} 像素"),
    "image-damaged": ("'{}' is damaged: {}", "「{0}」已损坏：{1}"),
    "image-file-missing": ("missing file name", "缺少文件名"),
    "image-id-unknown": ("unknown image id '{}'", "未知的图片编号「{0}」"),
    "table-id-invalid": ("invalid table id '{}'", "无效的表格编号「{0}」"),
    "table-id-missing": ("missing table id", "缺少表格编号"),
    "table-id-unknown": ("unknown table id '{}'", "未知的表格编号「{0}」"),
    "table-row-kind-unknown": ("unknown row kind '{}'", "未知的行类型「{0}」"),
    "table-title-twice": ("table '{}' has a second or empty title row", "表格「{0}」有第二个或空的标题行"),
    "table-header-twice": ("table '{}' has a second or empty header row", "表格「{0}」有第二个或空的表头行"),
    "table-row-before-header": ("a row of table '{}' before its header row", "表格「{0}」的表头行之前有数据行"),
    "table-row-too-wide": ("a row of table '{}' has {} columns, its header {}", "表格「{0}」的一行有 {1} 列，表头只有 {2} 列"),
    "table-empty": ("table '{}' needs a header row and at least one row", "表格「{0}」需要一个表头行及至少一行数据"),
    "materiality-score-missing": ("missing {} score", "缺少{0}评分"),
    "materiality-score-range": ("score {} is outside 0–10", "评分 {0} 超出 0–10"),
    "materiality-empty": ("no topics on the Materiality sheet: the matrix is left out", "「重要性」工作表没有议题：矩阵已略去"),
    "materiality-too-many": ("a materiality matrix of {} topics is too big to label: at most {} fit",
                             "{0} 个议题的重要性矩阵太大，无法标注：最多 {1} 个"),
    # esgpublish import-docx: the reviewed DOCX back into the workbook
    "import-output-is-input": ("-o names the input itself: import-docx never writes over its inputs",
                               "-o 指向输入文件本身：import-docx 从不覆盖其输入"),
    "import-not-docx": ("not a Word document (.docx): {}", "不是 Word 文档（.docx）：{0}"),
    "import-no-controls": ("the document has no narrative content controls: it was not published by esgpublish, "
                           "or not by a version that marks them",
                           "文档中没有叙述内容控件：它不是由 esgpublish 发布的，或发布它的版本尚未标记内容控件"),
    "import-patch-failed": ("cannot write the new wording into the workbook: {}", "无法把新措辞写入工作簿：{0}"),
    "import-write-failed": ("cannot write the new workbook: {}", "无法写入新工作簿：{0}"),
    "import-control-twice": ("narrative '{}' ({}) is in the document twice: only its first content control is imported",
                             "叙述「{0}」（{1}）在文档中出现两次：只导入第一个内容控件"),
    "import-figure-changed": ("the figure {} was changed from '{}' to '{}': not imported, the narrative keeps its "
                              "placeholder", "数字 {0} 由「{1}」改为「{2}」：未导入，叙述保留其占位符"),
    "import-narrative-unknown": ("narrative '{}' is not in the workbook: its wording was not imported",
                                 "工作簿中没有叙述「{0}」：其措辞未导入"),
    "import-language": ("narrative '{}' in {}: not imported, the workbook holds the Simplified Chinese and English texts",
                        "叙述「{0}」（{1}）：未导入，工作簿保存的是简体中文和英文正文"),
    "import-tracked-changes": ("tracked changes are left in narrative '{}' ({}): its wording was not imported",
                               "叙述「{0}」（{1}）中留有修订：其措辞未导入"),
    "import-no-cell": ("narrative '{}' ({}) has no cell in the workbook: its wording was not imported",
                       "叙述「{0}」（{1}）在工作簿中没有单元格：其措辞未导入"),
    "import-control-deleted": ("the content control of narrative '{}' ({}) was deleted: its cell is kept as it was",
                               "叙述「{0}」（{1}）的内容控件已被删除：其单元格保持原样"),
    "import-control-empty": ("narrative '{}' ({}) is empty in the document: not imported, its cell is kept as it was",
                             "叙述「{0}」（{1}）在文档中为空：未导入，其单元格保持原样"),
    "import-comment": ("comment by {}: {}", "{0} 的批注：{1}"),
}

# English hint template → Chinese template (fields as in MESSAGES)
HINTS: dict[str, str] = {
    "name a narrative without [^…] footnotes, or print this one in a chapter": "请改用不带 [^…] 脚注的叙述，或在章节中印出此叙述",
    "keep one [^label]: line per note": "每条脚注只保留一行 [^标签]:",
    "write \\- (or 1\\.) at the line's start to print it as it is, or add items":
        "若要原样印出，请在行首写 \\-（或 1\\.），或补充列表项",
    "number the items 1, 2, 3 …, or write 1\\. to print the number as it is":
        "请按 1、2、3 … 编号，或写 1\\. 以原样印出数字",
    "add a line [^{}]: the note's text, in the same cell": "请在同一单元格中加一行 [^{0}]: 注文",
    "cite it with [^{}] in the text": "请在正文中以 [^{0}] 引用",
    "write a full address: https://… or mailto:…": "请写完整地址：https://… 或 mailto:…",
    "close the emphasis (**bold**, *emphasis*), or write \\* for a literal *":
        "请闭合强调标记（**粗体**、*强调*），或写 \\* 印出星号",
    "did you mean '{}'?": "是否想输入「{0}」？",
    "a layout is a short description; remove repeated aliases": "版式文件是简短的描述；请删除重复的别名",
    "a layout is a short description; split it with extends:": "版式文件是简短的描述；请用 extends: 拆分",
    "a percentage change belongs in a unit of kind 'change'": "百分比变化应使用 change 类单位",
    "a reported KPI is an indicator on the Indicators sheet": "已披露的关键绩效指标应列在「指标」工作表",
    "a sentence cannot print it: change the text": "句子无法印出该数值：请修改文本",
    "add a '{}:' section to the theme": "在主题中加入「{0}:」一节",
    "add a header cell '{}' to row 1": "在第 1 行加入表头单元格「{0}」",
    "add a row per category": "每个类别加一行",
    "add a row with key '{}'": "加入键为「{0}」的一行",
    "add a sheet named '{}'": "加入名为「{0}」的工作表",
    "add it to the sheet '{}'": "将其加入工作表「{0}」",
    "add its earlier years to the Periods sheet": "在「期间数值」工作表加入其以往年份",
    "add its rows to the Breakdowns sheet": "在「细分」工作表加入其各行",
    "add its rows to the sheet '细分 Breakdowns'": "在工作表「细分 Breakdowns」加入其各行",
    "add the row year_end (the month the fiscal year ends, e.g. 3 for 31 March) to the sheet '报告 Report', "
    "or type the calendar year": "在工作表「报告 Report」加入 year_end 一行（财政年度结束的月份，如 3 表示 3 月 31 日），或填写公历年份",
    "add title: {{zh: …, en: …}}": "加入 title: {{zh: …, en: …}}",
    "break the cycle": "打破循环",
    "check both figures and their scale (typed in 万 or in thousands?)": "检查两个数字及其量级（是否以万或千为单位输入？）",
    "check both years": "检查两个年份",
    "check indentation, colons and quotes on this line": "检查此行的缩进、冒号和引号",
    "check the categories and the total ({}!{})": "检查各类别及总数（{0}!{1}）",
    "check the cell in Excel or LibreOffice": "在 Excel 或 LibreOffice 中检查该单元格",
    "check the inputs of that year": "检查该年的输入",
    "check the path": "检查路径",
    "check the path to the workbook": "检查工作簿的路径",
    "check that the file can be read (its permissions)": "检查文件是否可读（其权限）",
    "give the path of a workbook (.xlsx)": "请给出工作簿（.xlsx）的路径",
    "check the selector, or remove the block": "检查选择条件，或删除此区块",
    "check the sign": "检查正负号",
    "check the sign of both years": "检查两年的正负号",
    "convert it to TrueType outlines (tools/build_fonts.py shows how) or use a .ttf font":
        "将其转换为 TrueType 轮廓（见 tools/build_fonts.py），或使用 .ttf 字体",
    "declare a unit of kind ratio (a rate or average per something, e.g. tCO2e per RMB million) or percent for a "
    "quotient; the inputs' kind for a scaled figure":
        "商应使用 ratio 类（比率或平均值，如每百万元收入的吨二氧化碳当量）或 percent 类单位；按比例缩放的数字沿用输入的类型",
    "declare it on the sheet '维度 Dimensions'": "在工作表「维度 Dimensions」中声明",
    "delete the character; it often comes from text pasted from another system": "删除该字符；它常来自从其他系统粘贴的文本",
    "delete the row, or the indicator's HKEX code": "删除此行，或删除该指标的港交所编号",
    "delete the value, or the status in {}": "删除数值，或删除 {0} 中的状态",
    "divide or multiply them, or choose inputs of one unit": "改为相除或相乘，或选用同一单位的输入",
    "e.g. breakdown: {{indicator: workforce}} or breakdown: {{select: {{hkex: B1.1}}}}":
        "例如 breakdown: {{indicator: workforce}} 或 breakdown: {{select: {{hkex: B1.1}}}}",
    "e.g. ghg_total / revenue": "例如 ghg_total / revenue",
    "esgpublish does not recalculate formulas; save the workbook after editing": "esgpublish 不会重新计算公式；编辑后请保存工作簿",
    "fill in the {}": "填写{0}",
    "fill in {}": "填写 {0}",
    "fill in {} and {}, or choose another kind": "填写 {0} 与 {1}，或选择其他类型",
    "fill in {} or change the text": "填写 {0}，或修改文本",
    "fix the indicator's row first (its errors are listed above)": "先修正该指标所在行（其错误列于上方）",
    "flatten the layouts": "减少版式的继承层数",
    "for example '- narrative: about'; kinds: {}": "例如「- narrative: about」；类型：{0}",
    "for example: extends: annual (built in), or extends: mine.yaml": "例如：extends: annual（内置），或 extends: mine.yaml",
    "give each row its own id": "每行使用不同的编号",
    "give every input a value for the same year": "为每个输入填写同一年的数值",
    "give the row a short id such as charity_donation": "为此行取一个简短编号，如 charity_donation",
    "give the text in both languages: {{zh: …, en: …}}": "以两种语言填写文本：{{zh: …, en: …}}",
    "keep layouts and themes inside the project's layouts folder": "把版式与主题放在项目的版式文件夹内",
    "keep one row per category": "每个类别只保留一行",
    "keep one row per code": "每个编号只保留一行",
    "keep one row per indicator and year": "每个指标每年只保留一行",
    "keep one row without a category": "只保留一行不填类别",
    "keep one value per indicator and year": "每个指标每年只保留一个数值",
    "keep one value per year and category": "每年每个类别只保留一个数值",
    "kinds: {}": "类型：{0}",
    "known columns: {}": "已知的列：{0}",
    "known keys: {}": "已知的键：{0}",
    "list fewer dimensions, or use a table": "列出较少的维度，或改用表格",
    "list indicator ids, or select: {{pillar: E}}": "列出指标编号，或使用 select: {{pillar: E}}",
    "list one or more of {}": "列出以下一项或多项：{0}",
    "lower case letters, digits and _ (gender, age_group)": "使用小写字母、数字和 _（如 gender、age_group）",
    "make the two agree": "使两者一致",
    "name a complete TrueType (.ttf) font": "指定完整的 TrueType（.ttf）字体",
    "name a theme file, e.g. theme: themes/default.yaml": "指定主题文件，例如 theme: themes/default.yaml",
    "narrow the selection (select: {{topic: …}}) or use a kpi_table": "缩小选择范围（select: {{topic: …}}），或改用 kpi_table",
    "only numeric indicators have periods": "只有数值型指标才有期间",
    "open it in Excel or LibreOffice and save it again as .xlsx": "在 Excel 或 LibreOffice 中打开并另存为 .xlsx",
    "open the workbook in Excel or LibreOffice and save it, so the result is stored, or type the value instead of "
    "the formula": "在 Excel 或 LibreOffice 中打开工作簿并保存，以保存计算结果；或以数值代替公式",
    "paths are relative to the file that names them": "路径相对于引用它的文件",
    "pick a unit of kind percent or change, or remove the percent format and type the number itself":
        "选用 percent 或 change 类单位，或去除百分比格式并直接输入数字",
    "quote the colour: a bare # starts a YAML comment": "给颜色加上引号：单独的 # 会开始 YAML 注释",
    "remove one of the extends: lines": "删除其中一行 extends:",
    "remove one of the two": "删除其中一个",
    "remove the alias that refers to itself": "删除引用自身的别名",
    "use extends: instead": "改用 extends:",
    "replace its text and figures with the report's own, or delete the row": "以报告本身的文字与数字替换，或删除此行",
    "save the file as UTF-8": "以 UTF-8 编码保存文件",
    "save the workbook as Excel Workbook (.xlsx)": "将工作簿另存为 Excel 工作簿（.xlsx）",
    "say why: comply or explain": "说明原因：不遵守就解释",
    "see {}": "参见 {0}",
    "shorten the text": "缩短文本",
    "start with 'name: annual'": "以「name: annual」开头",
    "the built-in layouts are {}; a layout file's path ends in .yaml": "内置版式为 {0}；版式文件路径以 .yaml 结尾",
    "they come from pasted text and would print as nothing or as a box": "它们来自粘贴的文本，印出时会是空白或方框",
    "this is not an ordinary workbook; remove embedded files or split it": "这不是普通的工作簿；请删除嵌入的文件或拆分它",
    "translate the note": "翻译备注",
    "type 0, 1, 2 …, or leave it empty": "填写 0、1、2 …，或留空",
    "type a date as 2022, 2022-07 or 2022-12-31": "以 2022、2022-07 或 2022-12-31 的形式填写日期",
    "type a four-digit year such as 2022": "填写四位数年份，如 2022",
    "type a full date such as 2023-04-27": "填写完整日期，如 2023-04-27",
    "type a number": "填写数字",
    "type the aspect or KPI, e.g. B1.2": "填写层面或关键绩效指标，如 B1.2",
    "type the month the reporting year ends in: 3 for 31 March, 6 for 30 June, 12 (or nothing) for a calendar year":
        "填写报告年度结束的月份：3 表示 3 月 31 日，6 表示 6 月 30 日，公历年度填 12（或留空）",
    "type the number {} ({} written out) and '{}' in the qualifier column; the unit decides how it prints "
    "(万 in Chinese, million in English)":
        "填写数字 {0}（即 {1}），并在限定词列填写「{2}」；印出形式由单位决定（中文用万，英文用 million）",
    "type the number {} ({} written out); the unit decides how it prints (万 in Chinese, million in English)":
        "填写数字 {0}（即 {1}）；印出形式由单位决定（中文用万，英文用 million）",
    "type the number {} here and '{}' in the qualifier column": "在此填写数字 {0}，并在限定词列填写「{1}」",
    "type the reporting year, e.g. 2021": "填写报告年份，如 2021",
    "type the value for this year, or the status 不适用 / 未披露 and the reason": "填写该年的数值，或填写状态 不适用 / 未披露 及原因",
    "type the value of this category, or the status 不适用 / 未披露 and the reason": "填写该类别的数值，或填写状态 不适用 / 未披露 及原因",
    "type the value or a target value, or set the status (不适用 / 未披露) and say why":
        "填写数值或目标值，或设定状态（不适用 / 未披露）并说明原因",
    "type {} as a number (without quotes or units)": "将 {0} 填写为数字（不带引号或单位）",
    "type {}/{}": "填写 {0}/{1}",
    "unhide it so analysts see what is published": "取消隐藏，让分析员看到发布的内容",
    "unmerge the cells and fill each one": "取消合并单元格，并逐一填写",
    "use E, S or G": "使用 E、S 或 G",
    "use a number such as 302-1 or 413-1": "使用如 302-1 或 413-1 的编号",
    "use a topic id": "使用议题编号",
    "use a unit from the sheet '{}'": "使用工作表「{0}」中的单位",
    "use an aspect or KPI code such as MD1, A1, A2.3, B8.2 or D4.1": "使用层面或关键绩效指标编号，如 MD1、A1、A2.3、B8.2 或 D4.1",
    "name the disclosure, e.g. 302-1 (energy consumption within the organisation)": "填写披露项，如 302-1（组织内部的能源消耗量）",
    "give each explained aspect or KPI a row of its own": "每个需解释的层面或关键绩效指标各占一行",
    "from 2025, Part D (D1–D4) replaces A4; before 2025, use A4 for climate change":
        "自 2025 年起，D 部分（D1–D4）取代 A4；2025 年以前，气候变化使用 A4",
    "write a narrative (or an indicator) with the HKEX code {} and print it": "撰写带港交所编号 {0} 的叙述（或指标）并将其印出",
    "report it (an indicator or narrative with the HKEX code {}), or explain why not on the sheet '框架 Framework'":
        "予以汇报（带港交所编号 {0} 的指标或叙述），或在工作表「框架 Framework」说明原因",
    "use an id from the Indicators sheet": "使用「指标」工作表中的编号",
    "use an id from the Narrative sheet": "使用「叙述」工作表中的编号",
    "use chart: grouped for shares and rates, or a table (no chart:)": "占比与比率请用 chart: grouped，或用表格（不写 chart:）",
    "use indicator ids, numbers, + - × ÷ and parentheses": "使用指标编号、数字、+ - × ÷ 及括号",
    "use lower-case letters, digits and underscores, starting with a letter": "使用小写字母、数字和下划线，并以字母开头",
    "use one of {}": "使用以下之一：{0}",
    "use one of {} (超 over, 近 nearly, 约 approximately, 多/余 more than)": "使用以下之一：{0}（超、近、约、多/余）",
    "use 不适用 (not_applicable) or 未披露 (not_disclosed), or leave it empty for a reported figure":
        "使用 不适用（not_applicable）或 未披露（not_disclosed），已披露的数字则留空",
    "write {{indicator_id}} for a value, or {{{{ and }}}} for literal braces": "以 {{指标编号}} 表示数值，以 {{{{ 和 }}}} 表示花括号本身",
    "write {{zh: 中文, en: English}}": "写作 {{zh: 中文, en: English}}",
    "a layout nests a few levels; check the brackets": "版式只嵌套几层；请检查括号",
    "check the value and its scale; for a larger amount choose a larger unit (e.g. 亿元 / RMB billion)":
        "检查数值及其量级；更大的数额请选用更大的单位（如 亿元 / RMB billion）",
    "check the value; choose a smaller unit (e.g. kg instead of t) or more decimals (at most 6)":
        "检查数值；选用更小的单位（如以千克代替吨）或更多小数位（最多 6 位）",
    "correct the formula or the value it refers to, or type the value": "修正公式或其引用的数值，或直接填写数值",
    "delete the value (Ctrl+End shows the last used cell) or move it into the sheet's columns":
        "删除该数值（Ctrl+End 显示最后使用的单元格），或将其移入工作表的列中",
    "delete the value (Ctrl+End shows the last used cell), or split the workbook":
        "删除该数值（Ctrl+End 显示最后使用的单元格），或拆分工作簿",
    "make the {} and {} margins smaller (together at most {} mm)": "缩小 {0} 与 {1} 页边距（合计最多 {2} mm）",
    "name a complete TrueType (.ttf) font; copy the file again if it was cut short": "指定完整的 TrueType（.ttf）字体；如文件被截断，请重新复制",
    "name a font whose licence allows embedding": "指定许可允许嵌入的字体",
    "open the workbook in Excel or LibreOffice and save it again as .xlsx": "在 Excel 或 LibreOffice 中打开工作簿并另存为 .xlsx",
    "this is not an ordinary workbook; split it or delete unused sheets": "这不是普通的工作簿；请拆分它或删除不用的工作表",
    "type a finite number; the cell may hold a failed formula": "填写有限的数字；该单元格可能是计算失败的公式",
    "type the date the report is published, e.g. 2023-04-27": "填写报告的发布日期，如 2023-04-27",
    "make the theme's font sizes smaller, the margins narrower, or the table's columns fewer":
        "缩小主题的字号、收窄页边距，或减少表格的列数",
    "make the theme's font sizes or the chart smaller, the margins narrower, or the text shorter":
        "缩小主题的字号或图表、收窄页边距，或缩短文本",
    "check it; to correct it, type the text in the row's *_zh{} column (name_zh → name_zh_hant); to mark the row "
    "reviewed, type {} in {}": "请检查；如需更正，在该行的 *_zh{0} 列填写文本（name_zh → name_zh_hant）；如要标记为已审阅，在 {2} 填写 {1}",
    "check the row's conversion (esgpublish validate --edition zh-hant lists it), then type {} in {}":
        "检查该行的转换（esgpublish validate --edition zh-hant 会列出），然后在 {1} 填写 {0}",
    "clear {}": "清除 {0}",
    "esgpublish validate --edition zh-hant lists them, with the mark that says a row was reviewed":
        "esgpublish validate --edition zh-hant 会列出它们，并附上表示该行已审阅的标记",
    "write a short plain name, e.g. name: annual_2024": "使用简短的普通名称，例如 name: annual_2024",
    "a batch publishes every .xlsx file in the folders it is given (hidden files and Excel's ~$ lock files are skipped)":
        "批处理发布所给文件夹中的每个 .xlsx 文件（跳过隐藏文件及 Excel 的 ~$ 锁定文件）",
    "rename one of the two workbooks": "重命名其中一个工作簿",
    "add a line such as name: annual_2024, or rename the file": "加入一行如 name: annual_2024，或重命名该文件",
    "write {{{{ and }}}} for literal braces": "以 {{{{ 和 }}}} 表示花括号本身",
    "replace the character (it would print as a box), or name a font that has it as the layout's fallback_font":
        "替换该字符（否则会印成方框），或在版式的 fallback_font 中指定含该字符的字体",
    "give a file esgpublish publish wrote": "请给出 esgpublish publish 写出的文件",
    "give a PDF esgpublish publish wrote": "请给出 esgpublish publish 写出的 PDF",
    "give a DOCX esgpublish publish wrote": "请给出 esgpublish publish 写出的 DOCX",
    "publish the report again with this esgpublish: files made before provenance carry none":
        "请用此版本的 esgpublish 重新发布报告：加入来源记录之前生成的文件没有来源记录",
    "publish the report again": "请重新发布报告",
    # images, free-form tables and materiality
    "add rows of kind header and row": "加入类型为 header（表头）与 row（行）的行",
    "add the column's header, or move the text into the table's columns": "加入该列的表头，或把文字移到表格的列中",
    "check the file's permissions": "检查文件的权限",
    "copy the file itself into the folder": "把文件本身复制到该文件夹",
    "fill in the sheet '重要性 Materiality'": "填写工作表「重要性 Materiality」",
    "give a table one header row": "每个表格只有一个表头行",
    "give a table one title, in the first two text columns": "每个表格只有一个标题，写在头两个文字列",
    "give the name of a file inside the assets folder beside the workbook, e.g. logo.png":
        "填写工作簿旁 assets 文件夹内的文件名，如 logo.png",
    "keep the material topics on the sheet, and list the others elsewhere": "工作表只保留重大议题，其他议题另行列出",
    "open the image and save it again as PNG or JPEG": "打开图像并重新另存为 PNG 或 JPEG",
    "put the file in the folder {}/ beside the workbook, or correct the name": "把文件放入工作簿旁的 {0}/ 文件夹，或更正文件名",
    "put the header row (kind: header) first": "先放表头行（类型：header）",
    "save a smaller copy of the image (a report needs no more than 300 dpi)": "另存较小的图像（报告最多需要 300 dpi）",
    "save the image as PNG or JPEG": "把图像另存为 PNG 或 JPEG",
    "the file is not the image its name says; save it again as PNG or JPEG": "文件并非其名称所示的图像；请重新另存为 PNG 或 JPEG",
    "type a score from 0 to 10": "填写 0 至 10 的评分",
    "type the image's file name, e.g. logo.png": "填写图像的文件名，如 logo.png",
    "use an id from the sheet '图片 Images'": "使用工作表「图片 Images」中的编号",
    "use an id from the sheet '表格 Tables'": "使用工作表「表格 Tables」中的编号",
    "use title, header or row (标题, 表头, 行)": "使用 title、header 或 row（标题、表头、行）",
    "write the new workbook to another file, e.g. -o {}": "请把新工作簿写到另一个文件，例如 -o {0}",
    "give the DOCX esgpublish published, as reviewed and saved in Word": "请提供 esgpublish 发布、在 Word 中审阅并保存的 DOCX",
    "publish the workbook again, review that DOCX and import it": "请重新发布工作簿，审阅新的 DOCX 后再导入",
    "check that the folder exists and that you may write in it": "请确认文件夹存在且有写入权限",
    "check that the workbook opens in Excel; its worksheets may be in a form esgpublish cannot edit":
        "请确认工作簿能在 Excel 中打开；其工作表的格式可能是 esgpublish 无法编辑的",
    "keep one copy of the narrative's text": "叙述正文只保留一份",
    "change the figure in its cell of the workbook: the report prints it from there":
        "请在工作簿中该数字的单元格里修改：报告从那里印出它",
    "import into the workbook the DOCX was published from": "请导入到发布该 DOCX 的工作簿",
    "make the change in the Chinese (zh) or English edition, or in the workbook":
        "请在简体中文（zh）或英文版中修改，或直接在工作簿中修改",
    "accept or reject the changes in Word (Review, Accept or Reject), save, and import again":
        "请在 Word 中接受或拒绝修订（审阅 › 接受或拒绝），保存后再导入",
    "to drop a narrative from the report, delete its row in the workbook": "若要从报告中删去叙述，请在工作簿中删除其所在行",
}

# English words that fill a message's fields, in Chinese
FIELD_WORDS: dict[str, str] = {
    "an indicator": "指标", "a value": "数值", "not applicable": "不适用", "not disclosed": "未披露",
    "Chinese": "中文", "wide": "宽", "tall": "高", "English": "英文", "ratio": "比率", "quotient": "商",
    "Chinese name": "中文名称", "English name": "英文名称", "Chinese text": "中文正文", "English text": "英文正文",
    "Chinese note": "中文备注", "English note": "英文备注", "source quote": "来源引文",
    "Chinese explanation": "中文说明", "English explanation": "英文说明",
    "unit": "单位", "topic": "议题", "indicator": "指标", "narrative": "叙述",
    "is longer than 64 characters": "超过 64 个字符",
    "may hold only ASCII letters, digits and _ (it names the output files)": "只能包含 ASCII 字母、数字和 _（它用于命名输出文件）",
    "HKEX ESG Reporting Code": "港交所《环境、社会及管治报告守则》",
    "HKEX ESG Reporting Guide": "港交所《环境、社会及管治报告指引》",
    "a number": "数字", "text": "文本", "a list": "列表", "a mapping": "映射", "true or false": "true 或 false",
    "image": "图片", "materiality topic": "重要性议题", "stakeholders": "利益相关方", "business": "业务",
    "Chinese alt text": "中文替代文字", "English alt text": "英文替代文字", "Chinese caption": "中文图注",
    "English caption": "英文图注", "Chinese cell text": "中文单元格文字", "English cell text": "英文单元格文字",
    "is empty or starts or ends with a space": "为空或以空格开头或结尾",
    "is an absolute path or uses backslashes": "是绝对路径或使用了反斜杠",
    "leaves the assets folder (..)": "离开了 assets 文件夹（..）",
}

# the CLI's own words
WORDS: dict[str, tuple[str, str]] = {
    "error": ("error", "错误"), "warning": ("warning", "警告"), "note": ("note", "说明"),
    "hint": ("hint", "提示"),
    "summary": ("{} error(s), {} warning(s)", "{0} 个错误，{1} 个警告"),
    "ok": ("{}: ok ({} indicators)", "{0}：通过（{1} 个指标）"),
    "unclassified": ("unclassified", "unclassified"),
    "trace_page": ("p. {}", "第 {0} 页"),
    "trace_paragraph": ("¶ {}", "第 {0} 段"),
    "trace_cell": ("(table {}, row {}, cell {})", "（表 {0} 第 {1} 行第 {2} 格）"),
    "trace_none": ("{}: no printed figure matches", "{0}：没有相符的印出数字"),
    "verify_ok": ("{}: ok, the {} figures printed agree with the provenance record",
                  "{0}：通过，印出的 {1} 个数字与来源记录相符"),
    "verify_missing": ("missing: {} ({}) is not printed here{}", "缺失：此处没有印出 {0}（{1}）{2}"),
    "verify_changed": ("changed: {} ({}) is not printed here; it reads: {}", "已改动：此处没有印出 {0}（{1}）；现为：{2}"),
    "verify_extra": ("extra: {} is printed here but is no figure of the record{}; it reads: {}",
                     "多出：此处印有来源记录中没有的 {0}{1}；现为：{2}"),
    # esgpublish import-docx
    "import_changed": ("{}: narrative '{}' ({}): the reviewed wording imported", "{0}：叙述「{1}」（{2}）：已导入审阅后的措辞"),
    "import_done": ("{} narrative cell(s) changed; written {}", "{0} 个叙述单元格已更改；已写入 {1}"),
    "import_none": ("no narrative changed: {} is a copy of {}", "没有叙述被更改：{0} 是 {1} 的副本"),
    # esgpublish batch
    "batch-row-ok": ("{} written, {} up to date ({} s)", "写入 {0} 个，{1} 个已是最新（{2} 秒）"),
    "batch-row-failed": ("not published: {} error(s)", "未发布：{0} 个错误"),
    "batch-workbook": ("workbook", "工作簿"), "batch-written": ("written", "写入"),
    "batch-up-to-date": ("up to date", "已是最新"), "batch-errors": ("errors", "错误"),
    "batch-peak": ("peak MB", "内存峰值 MB"),
    "batch-total": ("{} workbook(s): {} published, {} not; {} file(s) written, {} up to date, in {} s",
                    "{0} 个工作簿：{1} 个已发布，{2} 个未发布；写入 {3} 个文件，{4} 个已是最新，用时 {5} 秒"),
    "batch-failed": ("not published:", "未发布："),
    "batch-more": ("{}: {} more error(s)", "{0}：另有 {1} 个错误"),
    "batch-manifest": ("manifest: {}", "清单：{0}"),
    "batch-interrupted": ("esgpublish: interrupted after {} of {} workbook(s); the files written are whole; "
                          "run the same batch again to resume (what is up to date is skipped)",
                          "esgpublish：在 {1} 个工作簿中完成 {0} 个后中断；已写入的文件完整；"
                          "再次运行同一批处理即可继续（已是最新的会跳过）"),
}


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """The language of messages from the environment (LC_ALL, LC_MESSAGES, LANG): zh for a
    Chinese locale, else en."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern[str]:
    """An English template → the regex of the texts it makes (each field any text)."""
    out = []
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is not None:
            out.append("(.*?)")
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


def _literal_length(template: str) -> int:
    return sum(len(literal) for literal, *_ in string.Formatter().parse(template))


@lru_cache(maxsize=1)
def _messages_by_specificity() -> tuple[tuple[str, str, str], ...]:
    """(code, en, zh), the most literal text first, so that 'missing value' wins over 'missing {}'."""
    return tuple(sorted(((c, en, zh) for c, (en, zh) in MESSAGES.items()), key=lambda t: -_literal_length(t[1])))


@lru_cache(maxsize=1)
def _hints_by_specificity() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(HINTS.items(), key=lambda t: -_literal_length(t[0])))


@lru_cache(maxsize=4096)
def _match_message(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    for code, en, zh in _messages_by_specificity():
        m = _pattern(en).match(text)
        if m:
            return code, zh, m.groups()
    return None


def code_of(message: str) -> str:
    """A diagnostic's message → its stable code ('unclassified' for a message not in the catalogue)."""
    found = _match_message(message)
    return found[0] if found else "unclassified"


def message(text: str, lang: Lang) -> str:
    """A diagnostic's message in ``lang`` (the English text where the catalogue has no form)."""
    if lang == "en":
        return text
    found = _match_message(text)
    return found[1].format(*(FIELD_WORDS.get(f, f) for f in found[2])) if found else text


def hint(text: str, lang: Lang) -> str:
    """A hint in ``lang``; a hint of several parts ('did you mean …? use …') is translated
    part by part."""
    if lang == "en":
        return text
    for en, zh in _hints_by_specificity():
        m = _pattern(en).match(text)
        if m:
            return zh.format(*(FIELD_WORDS.get(f, f) for f in m.groups()))
    head, sep, tail = text.partition("? ")  # suggest() before a fixed hint: "did you mean 'x'? use …"
    if sep and tail:
        return hint(head + "?", lang) + hint(tail, lang)
    return text


def word(key: str, lang: Lang, *fields: object) -> str:
    """One of the CLI's own words or lines in ``lang``."""
    en, zh = WORDS[key]
    return (zh.format(*fields) if lang == "zh" else en.format(*fields))
