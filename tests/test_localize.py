"""Numbers, units, qualifiers and dates in each edition's form (Babel)."""
import datetime as dt

import pytest

from esgpublish.compose.localize import date, quantity
from esgpublish.model.dataset import PartialDate, Qualifier, Unit

YUAN = Unit("yuan", "currency", "元", "RMB")
USERS = Unit("user", "count", "用户", "users")
TREES = Unit("tree", "count", "棵", "trees")
SESSIONS = Unit("session", "count", "场", "sessions")
HOURS = Unit("hour", "count", "小时", "hours")
PCT = Unit("pct_change", "change", "%", "%")
OVER = Qualifier("超", "over", "超过", "before")
MORE = Qualifier("多", "more_than", "多", "after")
NEARLY = Qualifier("近", "nearly", "近", "before")
NBSP = "\u00a0"


@pytest.mark.parametrize("value, unit, qualifier, zh, en", [
    (22_700_000, YUAN, None, "2,270万元", "RMB22.70 million"),
    (190_000_000, USERS, OVER, "超过1.9亿用户", "over 190 million users"),
    (5_000_000, SESSIONS, OVER, "超过500万场", "over 5 million sessions"),
    (4000, TREES, MORE, "4,000多棵", "more than 4,000 trees"),
    (16300, HOURS, OVER, "超过16,300小时", "over 16,300 hours"),
    (460, PCT, None, "460%", "460%"),
    (10_000_000, Unit("p", "count", "人", "people"), NEARLY, "近1,000万人", "nearly 10 million people"),
])
def test_quantity_in_both_languages(value, unit, qualifier, zh, en):
    assert quantity(value, unit, qualifier, "zh") == zh
    assert quantity(value, unit, qualifier, "en").replace(NBSP, " ") == en


def test_english_keeps_number_and_unit_together():
    assert quantity(16300, HOURS, None, "en") == f"16,300{NBSP}hours"


def test_dates():
    assert date(dt.date(2023, 4, 27), "zh") == "2023年4月27日"
    assert date(dt.date(2023, 4, 27), "en") == "27 April 2023"
    assert date(PartialDate(2022, 7), "zh") == "2022年7月"
    assert date(PartialDate(2022, 7), "en") == "July 2022"


@pytest.mark.parametrize("text, lang, expected", [
    ('He said "hello" and it\'s fine', "en", "He said “hello” and it’s fine"),
    ("covering 2020-2022, GRI 413-1", "en", "covering 2020–2022, GRI 413-1"),
    ('快手 ，公益(项目) : 达到"目标"。', "zh", "快手，公益（项目）：达到“目标”。"),
    ("使用 Docs 文档，ESG (环境)", "zh", "使用 Docs 文档，ESG（环境）"),
    ("ISO/IEC 27001, 2022", "zh", "ISO/IEC 27001, 2022"),
])
def test_typography(text, lang, expected):
    from esgpublish.compose.typography import refine

    assert refine(text, lang) == expected
