"""Person stage and the posts helper EXTRACT-LINKS uses for affiliated_with."""
import pytest

from cgtatlas.extract.people import find_people
from cgtatlas.model import Document, Mention


def people(text: str, orgs: list[tuple[str, str]] = ()) -> list[str]:
    doc = Document(id="t", text=text)
    for surface, etype in orgs:
        start = text.index(surface)
        doc.mentions.append(Mention(etype, surface, start, start + len(surface)))
    return [m.surface for m in find_people(doc).mentions if m.type == "Person"]


@pytest.mark.parametrize("text, expected", [
    ("某市卫健委副主任高志远表示，要加快审评。", ["高志远"]),
    ("研究院院长孙立在会上致辞。", ["孙立"]),
    ("某科学院院士欧阳明华作报告。", ["欧阳明华"]),
    ("公司创始人兼首席执行官郑一鸣介绍了管线。", ["郑一鸣"]),
    ("诺贝尔奖得主Mary C.Jones发表演讲。", ["Mary C.Jones"]),
    ("研究中心主任John Smith，以及多位专家。", ["John Smith"]),
])
def test_extract_names_people_post_then_name(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("会议由罗海川教授主持。", ["罗海川"]),
    ("医院院长助理、血液科主任贺文教授认为。", ["贺文"]),
    ("特别邀请了田园院士。", ["田园"]),
])
def test_extract_names_people_name_then_post(text, expected):
    assert people(text) == expected


def test_extract_names_people_name_list_before_scientists():
    assert people("培养了甘露、杜子健、林一帆等一批青年科学家。") == ["甘露", "杜子健", "林一帆"]


def test_extract_names_people_verb_after_short_name_is_not_part_of_it():
    assert people("副局长韩松为企业颁发证书。") == ["韩松"]


@pytest.mark.parametrize("text", [
    "该公司总经理表示，产品进展顺利。",
    "院长高度评价这一成果。",
    "主任委员会审议了方案。",
    "教授团队完成了研究。",
])
def test_extract_names_people_no_person_without_a_name(text):
    assert people(text) == []


def test_extract_names_people_cut_post_between_two_names():
    text = "区卫生健康局马骏局尹晓东教授等出席。"
    assert people(text, [("区卫生健康局", "Agency")]) == ["马骏", "尹晓东"]


@pytest.mark.parametrize("text, expected", [
    ("本报讯（记者 苗青）日前，", ["苗青"]),
    ("公司CEO葛文博士介绍，", ["葛文"]),
])
def test_extract_names_people_byline_and_latin_posts(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("星禾生物董事会任命陶思远博士为公司首席医学官。", ["陶思远"]),
    ("公司宣布聘任韩立川出任总裁。", ["韩立川"]),
    ("会上，林晓帆继续担任联盟秘书长。", ["林晓帆"]),
    ("经理事会选举，钱雨桐当选副理事长。", ["钱雨桐"]),
    ("原副总裁邵明哲加盟星禾生物。", ["邵明哲"]),
    ("该公司迎来了新任首席商务官David Moore。", ["David Moore"]),
])
def test_extract_names_people_appointed(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "公司任命了新的管理团队。",
    "本次聘任为期三年。",
    "，同时担任多个项目的负责人。",
])
def test_extract_names_people_appointment_words_without_a_name(text):
    assert people(text) == []
