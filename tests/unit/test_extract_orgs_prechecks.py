"""Prechecks that narrow where a slow pattern is tried give the matches the
pattern gives over the whole text."""
from __future__ import annotations

from cgtatlas.extract import short_names

TEXT = ("园区企业云岭生物与禾安药业签约，某某制药获得批准。已建成云岭药谷、云岭基因岛、"
        "云岭细胞产业园等三个专业园区，云岭还将新建两大园。华检检测自主研发的产品获批。")


def test_partner_matches_are_the_pattern_matches():
    texts = (TEXT, "甲公司与乙生物正式签约，丙与丁达成战略合作；与其签署协议", "与某某签约与某某成功签署",
             "公司与" + "长" * 12 + "签约", "公司与" + "长" * 13 + "签约", "与甲乙签约")
    for text in texts:
        expected = [m.span() for m in short_names.PARTNER.finditer(text)]
        assert [m.span() for m in short_names._partner_matches(text)] == expected
    assert [m.span() for m in short_names._partner_matches(texts[1])]
