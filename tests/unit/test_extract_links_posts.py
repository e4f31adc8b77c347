"""affiliated_with from appointment language and coordinated posts, on hand-placed mentions."""
import pytest

from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc


def _posts(text, mentions):
    doc = find_relations(placed_doc(text, mentions))
    return {(r.head, r.tail, r.attributes.get("title")) for r in doc.relations if r.type == "affiliated_with"}


@pytest.mark.parametrize("text,mentions,expected", [
    ("青松生物近日宣布，任命马一凡博士为公司首席技术官。", [("Company", "青松生物"), ("Person", "马一凡")],
     ("马一凡", "青松生物", "首席技术官")),
    ("白桦医药董事会决定，聘任韩小雪出任公司副总裁。", [("Company", "白桦医药"), ("Person", "韩小雪")],
     ("韩小雪", "白桦医药", "副总裁")),
    ("云杉基因宣布，东山医院副院长周大海受聘出任公司临床顾问委员会主席。",
     [("Company", "云杉基因"), ("Hospital", "东山医院"), ("Person", "周大海")],
     ("周大海", "云杉基因", "临床顾问委员会主席")),
    ("钱小路同时兼任南湖细胞有限公司董事长。", [("Person", "钱小路"), ("Company", "南湖细胞有限公司")],
     ("钱小路", "南湖细胞有限公司", "董事长")),
    ("孙一木正式加盟北辰生物，担任首席科学家一职。", [("Person", "孙一木"), ("Company", "北辰生物")],
     ("孙一木", "北辰生物", "首席科学家")),
    ("西林生物还迎来了新任首席财务官李青。", [("Company", "西林生物"), ("Person", "李青")],
     ("李青", "西林生物", "首席财务官")),
    ("东江细胞联盟召开大会。赵安继续担任联盟秘书长。", [("Association", "东江细胞联盟"), ("Person", "赵安")],
     ("赵安", "东江细胞联盟", "秘书长")),
])
def test_posts_from_appointment_language(text, mentions, expected):
    assert expected in _posts(text, mentions)


def test_posts_bare_company_is_the_one_defined_as_company():
    text = "北岭生物科技有限公司（以下简称“公司”）任命吴二为公司首席运营官。"
    assert ("吴二", "北岭生物科技有限公司", "首席运营官") in _posts(
        text, [("Company", "北岭生物科技有限公司"), ("Person", "吴二")])


@pytest.mark.parametrize("text,mentions", [
    # a bare "为" gives a post only after an appointing verb
    ("青松生物表示，马一凡为公司首席技术官的人选之一。", [("Company", "青松生物"), ("Person", "马一凡")]),
    # a former post is not a current affiliation
    ("马一凡此前担任东山医院副主任医师。", [("Person", "马一凡"), ("Hospital", "东山医院")]),
    # an organisation name cut apart by the entity stage is not guessed at
    ("钱小路兼任南湖医药子公司南湖生物（香港）有限公司董事长。",
     [("Person", "钱小路"), ("Company", "南湖医药子公司"), ("Company", "生物（香港）有限公司")]),
    # "公司" with no company named before it in the sentence names nobody
    ("会上，任命马一凡为公司首席技术官。", [("Person", "马一凡")]),
])
def test_posts_not_given(text, mentions):
    assert _posts(text, mentions) == set()


def test_posts_coordinated_list_each_keeps_own_organisation():
    text = "北湖联盟选举理事会。西江生物董事长陈一、东湖医院主任刘二当选副理事长。"
    got = _posts(text, [("Association", "北湖联盟"), ("Company", "西江生物"), ("Person", "陈一"),
                        ("Hospital", "东湖医院"), ("Person", "刘二")])
    assert {("陈一", "西江生物", "董事长"), ("刘二", "东湖医院", "主任"),
            ("陈一", "北湖联盟", "副理事长"), ("刘二", "北湖联盟", "副理事长")} <= got


def test_posts_government_post_goes_to_the_named_government_never_a_region():
    text = "本次活动由南川市东坡区人民政府指导。南川市东坡区副区长郑五致辞。"
    mentions = [("Agency", "南川市东坡区人民政府"), ("Region", "南川市", "南川"), ("Person", "郑五")]
    assert _posts(text, mentions) == {("郑五", "南川市东坡区人民政府", "副区长")}
    text = "南川市副市长郑五致辞。"
    assert _posts(text, [("Region", "南川市", "南川"), ("Person", "郑五")]) == set()


def test_posts_department_post_needs_a_department_word():
    text = "东山医院开展新研究。血液科主任钱七介绍进展。我们的首席科学家孙八在场。"
    got = _posts(text, [("Hospital", "东山医院"), ("Person", "钱七"), ("Person", "孙八")])
    assert got == {("钱七", "东山医院", "血液科主任")}
