"""Prechecks that narrow where a slow pattern is tried give the matches the
pattern gives over the whole text."""
from __future__ import annotations

from cgtatlas.extract import org_lists, people, short_names
from cgtatlas.extract.literals import occurrences

TEXT = ("园区企业云岭生物与禾安药业签约，某某制药获得批准。已建成云岭药谷、云岭基因岛、"
        "云岭细胞产业园等三个专业园区，云岭还将新建两大园。华检检测自主研发的产品获批。")


def test_partner_matches_are_the_pattern_matches():
    texts = (TEXT, "甲公司与乙生物正式签约，丙与丁达成战略合作；与其签署协议", "与某某签约与某某成功签署",
             "公司与" + "长" * 12 + "签约", "公司与" + "长" * 13 + "签约", "与甲乙签约")
    for text in texts:
        expected = [m.span() for m in short_names.PARTNER.finditer(text)]
        assert [m.span() for m in short_names._partner_matches(text)] == expected
    assert [m.span() for m in short_names._partner_matches(texts[1])]


def test_appointment_words_are_the_literal_occurrences():
    texts = ("聘任张某为主任，委任李某；任命王某，继续担任院长，兼任、出任、就任、担任", "任任命命聘聘任",
             "增补当选，受聘加盟后履新，推选选举提名聘请", "", "任", "担任命", "受聘任教，当选举")
    words = people.APPOINTS + people.APPOINTED
    for text in texts:
        assert people._appointment_words(text) == occurrences(text, words)
    assert people._appointment_words(texts[-1]) == [(0, "受聘"), (1, "聘任"), (5, "当选"), (6, "选举")]


def test_counted_parks_are_the_pattern_matches():
    texts = (TEXT, "建成A园、B园等3个园区", "两大产业园", "五个特色园区", "一个园", "园区很大", "极大缩短园区",
             "等12个园区和3大园，十一个大园", "三个大个园区", "二三个一二三四五园区园", "等等两个园", "个园三个园")
    for text in texts:
        expected = [m.span() for m in org_lists.COUNTED_PARKS.finditer(text)]
        assert [m.span() for m in org_lists._counted_parks(text)] == expected
