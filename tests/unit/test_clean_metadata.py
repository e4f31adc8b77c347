"""Title, date and source from what a document states; the offset-keeping edit helper."""
import re

import pytest

from cgtatlas.ingest.metadata import find_date, find_source, find_title, html_title
from cgtatlas.ingest.textmap import Traced, edit, sub


@pytest.mark.parametrize("text, raw, file_date, expected", [
    ("正文。", "时间:2024-10-23 22:03:19 作者:网络\n正文。", None, "2024-10-23"),
    ("正文。", "发布日期：2025年4月15日\n正文。", "2026-01-01", "2025-04-15"),
    ("2024年10月23日，峰会在园区召开。", "", None, "2024-10-23"),
    # month and day in the lead, the year from the event's name
    ("5月27日，2023某某论坛平行论坛在北京举办。", "", None, "2023-05-27"),
    ("在11月18日举办的“2022某某国际生物医药产业周”活动上，联盟成立。", "", None, "2022-11-18"),
    # a year alone, or a month and day without a stated year, is not a date
    ("8月26日，大会在广州举办。2022年5月，规划印发。", "", None, None),
    ("公示如下。\n某某市科学技术局\n2025年7月8日", "", None, "2025-07-08"),
    ("没有日期的正文。", "", "2025-07-08", "2025-07-08"),
    ("2月30日，2025某某峰会举行。", "", None, None),
])
def test_metadata_date(text, raw, file_date, expected):
    assert find_date(text, raw or text, file_date) == expected


@pytest.mark.parametrize("text, expected", [
    ("（新闻稿）\n聚焦细胞治疗产业未来\n正文。", "聚焦细胞治疗产业未来"),
    ("附件1\n\n某市细胞与基因治疗产业行动方案（2024-2026年）\n（征求意见稿）", "某市细胞与基因治疗产业行动方案（2024-2026年）"),
    ("2035 %於孙新市沙点教\n\n某区加速构建细胞产业生态体系\n正文。", "某区加速构建细胞产业生态体系"),
    ("2O25 某某日报第 A06版科技\n园区打造细胞治疗新高地", "园区打造细胞治疗新高地"),
])
def test_metadata_title(text, expected):
    assert find_title(text) == expected


def test_metadata_title_prefers_given_heading():
    assert find_title("别的第一行\n正文。", ["网页大标题"]) == "网页大标题"
    assert html_title("新增两个平台_某某生物医药网") == ("新增两个平台", "某某生物医药网")


@pytest.mark.parametrize("raw, expected", [
    ("时间:2025-03-28 来源:某某生物医药网 浏览:12次\n正文。", "某某生物医药网"),
    ("正文。\n? 2014-2025 某某报业有限公司", "某某报业有限公司"),
    ("正文。\nCopyright © 2018-2025 某某网 版权所有", "某某网"),
    ("正文没有来源。", None),
])
def test_metadata_source(raw, expected):
    assert find_source(raw) == expected


def test_textmap_edit_keeps_offsets():
    t = Traced.identity("ab cd  ef")
    t = sub(t, re.compile(" +"))
    assert t.text == "abcdef"
    assert t.map == [0, 1, 3, 4, 7, 8, 9]
    t = edit(t, [(2, 4, "XY"), (4, 5, "")])  # same-length replacement keeps per-char offsets
    assert t.text == "abXYf" and t.map == [0, 1, 3, 4, 8, 9]
    t = edit(t, [(0, 2, "Z")])  # other lengths map to the start of the replaced span
    assert t.text == "ZXYf" and t.map[0] == 0
