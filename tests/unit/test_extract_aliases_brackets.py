"""A Chinese short or other name in brackets right after a name is its alias."""
from __future__ import annotations

from extract_testing import through_entities


def test_extract_aliases_brackets_part_of_the_name():
    doc = through_entities("浙江大学医学院附属明湖医院（明湖医院）与企业合作。明湖医院还将扩建。")
    short = [m for m in doc.mentions if m.surface == "明湖医院"]
    assert short and all(m.name == "浙江大学医学院附属明湖医院" for m in short)


def test_extract_aliases_brackets_other_name_keeps_first_as_canonical():
    doc = through_entities("云谷生物城发布报告。云谷生物城（杭州国家生物产业基地）位于杭州。云谷生物医药园开园。")
    names = {m.surface: m.name for m in doc.mentions if m.type == "Park"}
    assert names.get("杭州国家生物产业基地") == "云谷生物城"


def test_extract_aliases_brackets_place_is_not_an_alias():
    doc = through_entities("香港中文大学（深圳）与企业合作。")
    assert all(m.name != "深圳" or m.type == "Region" for m in doc.mentions)
