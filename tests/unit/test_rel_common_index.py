"""The relation rules' mention indexes (rel_common.Ctx): by type, in text order."""
from cgtatlas.extract.rel_common import Ctx
from cgtatlas.model import Document, Mention


def _ctx():
    text = "甲公司与乙医院在丙区举办丁论坛，戊公司参加。"
    ms = [Mention("Company", "戊公司", 16, 19), Mention("Company", "甲公司", 0, 3),
          Mention("Hospital", "乙医院", 4, 7), Mention("Region", "丙区", 8, 10),
          Mention("Event", "丁论坛", 12, 15)]
    return Ctx.of(Document(id="d", text=text, mentions=ms))


def test_indexes_by_type_keep_text_order():
    ctx = _ctx()
    assert [m.name for m in ctx.of_type(("Company",))] == ["甲公司", "戊公司"]
    assert [m.name for m in ctx.of_type(("Hospital", "Company"))] == ["甲公司", "乙医院", "戊公司"]
    assert [m.name for m in ctx.of_type(("Company", "Region", "Company"))] == ["甲公司", "丙区", "戊公司"]
    assert [m.name for m in ctx.between(0, 12, None)] == ["甲公司", "乙医院", "丙区"]


def test_types_the_document_does_not_mention():
    ctx = _ctx()
    assert ctx.of_type(("Person",)) == []
    assert ctx.between(0, 20, ("Person", "Product")) == []
    assert ctx.last_before(20, ("Person",)) is None
    assert ctx.gap_to_next(0, ("Product",)) == len(ctx.text)


def test_last_before_and_gap_with_several_types():
    ctx = _ctx()
    assert ctx.last_before(12, ("Company", "Hospital")).name == "乙医院"
    assert ctx.gap_to_next(11, ("Event", "Company")) == 1


def test_nested_and_unordered_mentions_keep_the_outermost():
    text = "甲园区平台与乙公司"
    ms = [Mention("Company", "乙公司", 6, 9), Mention("Platform", "甲园区平台", 0, 5),
          Mention("Park", "甲园区", 0, 3)]
    ctx = Ctx.of(Document(id="d", text=text, mentions=ms))
    assert [m.name for m in ctx.mentions] == ["甲园区平台", "乙公司"]
    assert ctx.of_type(("Park",)) == []
    assert [m.name for m in ctx.of_type(("Company", "Platform"))] == ["甲园区平台", "乙公司"]
