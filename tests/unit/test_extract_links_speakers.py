"""spoke_at beyond 致辞: talks said after a bare name, panels, and the document's one event."""
import pytest

from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc


def _speakers(text, mentions):
    doc = find_relations(placed_doc(text, mentions))
    return {(r.head, r.tail) for r in doc.relations if r.type == "spoke_at"}


EVENT = "2026西岭细胞大会"


@pytest.mark.parametrize("later", [
    "王一作了题为《细胞药物的质量控制》的报告。",
    "王一则分享了一项新研究的数据。",
    "王一在会上发言。",
])
def test_speakers_talk_after_a_bare_name_goes_to_the_one_event(later):
    text = f"{EVENT}在西岭召开。西岭大学教授王一当选理事。{later}"
    got = _speakers(text, [("Event", EVENT), ("Academic", "西岭大学"), ("Person", "王一")])
    assert got == {("王一", EVENT)}


def test_speakers_panel_lists_everyone_in_the_sentence():
    text = (f"{EVENT}开幕。甲生物总裁张三、乙基因首席执行官李四出席。"
            "在圆桌对话中，张三、李四与赵五围绕“降本增效”展开讨论。")
    mentions = [("Event", EVENT), ("Company", "甲生物"), ("Person", "张三"), ("Company", "乙基因"),
                ("Person", "李四"), ("Person", "赵五")]
    assert _speakers(text, mentions) == {("张三", EVENT), ("李四", EVENT), ("赵五", EVENT)}


@pytest.mark.parametrize("text,mentions", [
    # two events and none in the sentence: where the talk was is not clear
    ("2026西岭细胞大会与2026东岭基因论坛先后举行。西岭大学教授王一当选理事。王一则分享了新数据。",
     [("Event", "2026西岭细胞大会"), ("Event", "2026东岭基因论坛"), ("Academic", "西岭大学"), ("Person", "王一")]),
    # a quote is not a talk
    (f"{EVENT}在西岭召开。西岭医院主任王一表示，明年将开展新研究。",
     [("Event", EVENT), ("Hospital", "西岭医院"), ("Person", "王一")]),
    # no event at all
    ("西岭医院主任王一当选理事。王一则分享了新数据。", [("Hospital", "西岭医院"), ("Person", "王一")]),
])
def test_speakers_not_given(text, mentions):
    assert _speakers(text, mentions) == set()
