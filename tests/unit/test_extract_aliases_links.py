"""In-document aliases and canonical names."""
from __future__ import annotations

from cgtatlas.extract.aliases import link_aliases, region_name
from cgtatlas.extract.orgs import find_organisations
from cgtatlas.extract.overlaps import resolve_overlaps
from cgtatlas.extract.regions import find_regions
from cgtatlas.extract.short_names import find_short_names
from cgtatlas.model import Document


def _names(text: str) -> dict[str, set[str]]:
    doc = Document(id="t", text=text)
    doc = link_aliases(resolve_overlaps(find_short_names(find_organisations(find_regions(doc)))))
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.type != "Region":
            out.setdefault(m.name, set()).add(m.surface)
    return out


def test_extract_aliases_short_form_in_brackets():
    names = _names("无锡澄穹生物科技有限公司（以下简称“澄穹生物”）今天宣布，澄穹生物完成融资。")
    assert names["无锡澄穹生物科技有限公司"] == {"无锡澄穹生物科技有限公司", "澄穹生物"}


def test_extract_aliases_english_abbreviation_in_brackets():
    names = _names("欧洲分子生物学实验室（EMBL）发布报告，EMBL表示将继续合作。")
    assert names["欧洲分子生物学实验室"] == {"欧洲分子生物学实验室", "EMBL"}


def test_extract_aliases_regulator_short_forms_join():
    names = _names("国家发改委印发规划。国家发展改革委表示支持。")
    assert names["国家发展改革委"] == {"国家发改委", "国家发展改革委"}


def test_extract_aliases_country_prefix_joins():
    names = _names("产品获得美国FDA批准，FDA还授予其孤儿药资格。")
    assert names["美国FDA"] == {"美国FDA", "FDA"}


def test_extract_aliases_generic_back_reference_is_not_alias():
    names = _names("长三角细胞治疗产业联盟（下简称“联盟”）成立。")
    assert "联盟" not in {s for surfaces in names.values() for s in surfaces}


def test_extract_aliases_region_suffix_rule():
    assert region_name("北京市") == "北京"
    assert region_name("浦东新区") == "浦东"
    assert region_name("南沙区") == "南沙"
    assert region_name("粤港澳大湾区") == "粤港澳大湾区"


def test_extract_aliases_company_short_name_without_place():
    names = _names("杭州翎筑生物科技有限公司今天开业。园区企业翎筑生物表示感谢。")
    doc_names = {n for n, s in names.items() if "翎筑生物" in s}
    assert doc_names == {"杭州翎筑生物科技有限公司"}


def test_extract_aliases_abbreviated_words_join_the_full_name():
    names = _names("会议由合肥高新技术产业开发区管理委员会主办。合肥高新区管委会负责人出席。")
    assert names["合肥高新技术产业开发区管理委员会"] == {"合肥高新技术产业开发区管理委员会", "合肥高新区管委会"}


def test_extract_aliases_similar_names_stay_apart():
    names = _names("中国科学院和中国医学科学院联合发布报告。")
    assert {"中国科学院", "中国医学科学院"} <= set(names)
