"""Each cleaning step on short strings, and the offset map it must keep."""
import opencc
import pytest

from cgtatlas.ingest import clean
from cgtatlas.ingest.boilerplate import is_boilerplate, remove_boilerplate_lines, remove_inline_artifacts
from cgtatlas.ingest.lines import join_broken_lines
from cgtatlas.ingest.textmap import Traced

T2S = opencc.OpenCC("t2s")


def run(step, text, **kwargs):
    t = step(Traced.identity(text), **kwargs)
    check_map(text, t)
    return t.text


def check_map(original, t):
    assert len(t.map) == len(t.text) + 1
    for i, ch in enumerate(t.text):
        src = original[t.map[i]]
        assert src == ch or T2S.convert(src) == ch or ch.isspace(), (i, ch, src)


@pytest.mark.parametrize("text, expected", [
    ("生物醫(yī)藥周", "生物醫藥周"),
    ("細(xì)胞與基因治療產(chǎn)業(yè)", "細胞與基因治療產業"),
    ("專I(yè)化", "專I化"),
    ("联盟(以下简称“联盟”)成立", "联盟(以下简称“联盟”)成立"),
    ("递送(mRNA)技术", "递送(mRNA)技术"),
    ("研究者发起的临床研究(IIT)", "研究者发起的临床研究(IIT)"),
    ("的(de)", "的(de)"),  # toneless and alone: could be real text
])
def test_clean_pinyin_debris(text, expected):
    assert run(clean.remove_pinyin, text) == expected


def test_clean_toneless_pinyin_goes_when_text_has_toned_debris():
    text = "醫(yī)藥產(chǎn)業(yè)的(de)發展"
    assert run(clean.remove_pinyin, text) == "醫藥產業的發展"


@pytest.mark.parametrize("text, expected", [
    ("细胞与基因治疗 已成为医疗领域", "细胞与基因治疗已成为医疗领域"),
    ("创 新方向之一 。", "创新方向之一。"),
    ("2022年5 月,国家", "2022年5月,国家"),
    ("在细胞领域, 南沙", "在细胞领域,南沙"),
    ("教授Carl June通 过视频", "教授Carl June通过视频"),
    ("Michel  Sadelain教授", "Michel Sadelain教授"),
    ("CAR- T细胞", "CAR-T细胞"),
    ("发布日期：2025年4月15日  编制单位：研究中心", "发布日期：2025年4月15日\n编制单位：研究中心"),
])
def test_clean_cjk_spaces(text, expected):
    assert run(clean.remove_cjk_spaces, text) == expected


def test_clean_ocr_detection():
    assert clean.looks_ocr_damaged("细胞 治疗 产业 发展 很快 园区 企业 增多 平台 建成 " * 3)
    assert not clean.looks_ocr_damaged("细胞治疗产业发展很快，Carl June 来访。" * 5)


@pytest.mark.parametrize("text, ocr, expected", [
    # a comma at the end of a line: the sentence goes on
    ("园区已集聚企业300家，\n其中细胞企业20家。", False, "园区已集聚企业300家，其中细胞企业20家。"),
    # headings stay on their own line
    ("一、总体目标\n到2026年，新增企业20家。", False, "一、总体目标\n到2026年，新增企业20家。"),
    ("（新闻稿）\n论坛在京举行", False, "（新闻稿）\n论坛在京举行"),
    # an open bracket continues on the next line
    ("产业季度观察（2025年第一季\n度）", False, "产业季度观察（2025年第一季度）"),
    # OCR text: single breaks inside a block are joined, across a blank only after a comma
    ("总收入达到\n1200亿元。", True, "总收入达到1200亿元。"),
    ("临床应用,\n\n使得南沙先行先试。", True, "临床应用,使得南沙先行先试。"),
    ("近年来,在细胞和基因领\n\n域,南沙企业不断突破。", True, "近年来,在细胞和基因领域,南沙企业不断突破。"),
    ("签约仪式\n\n聘任仪式", True, "签约仪式\n\n聘任仪式"),
    ("完成治疗。\n下一步将合作。", True, "完成治疗。\n下一步将合作。"),
    # Latin words broken across lines get their space back
    ("教授Carl\nJune作报告，", True, "教授Carl June作报告，"),
])
def test_clean_join_broken_lines(text, ocr, expected):
    assert run(join_broken_lines, text, ocr=ocr, wrapped=False) == expected


def test_clean_join_wrapped_pdf_lines_by_width():
    full = "细胞与基因治疗领域共有十四个创新产品获得临床试验许可占全国同期获批数量近半"
    text = f"报告标题\n{full}\n{full}。\n下一段。"
    out = run(join_broken_lines, text, ocr=False, wrapped=True)
    assert out == f"报告标题\n{full}{full}。\n下一段。"


@pytest.mark.parametrize("line", [
    "上一篇: 没有了", "下一篇：长三角生物医药产业基金完成首轮募集", "本站广告",
    "沪公网安备31010602000299号", "互联网新闻信息服务许可证:31120170006", "浙ICP备12345678号-1",
    "- 报料热线: 021-000000", "服务热线：0571-86000000 投稿邮箱：news@example.cn",
    "? 2014-2025 上海某某报业有限公司", "Copyright © 2018-2025 某某网 版权所有",
    "- 某某新闻微博", "- 某某新闻公众号", "- 某某新闻抖音号", "分享到： 微信 微博 QQ空间",
    "- +1", "首页 | 产业新闻 | 政策法规 | 园区动态", "时间:2024-10-23 22:03:19   热度:37.1℃   作者:网络",
    "第 3 页 共 5 页", "- 2 -",
])
def test_clean_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "园区已集聚生物医药企业2300余家。", "峰会现场", "一、总体目标",
    "发布日期：2025年4月15日 编制单位：某某研究中心",
    "据介绍，该公司已开通24小时服务热线，为患者提供咨询，覆盖全国三十个省份的三百多家医院和药房。",
])
def test_clean_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_clean_footer_link_list_between_boilerplate_goes():
    text = "正文第一句。\n- 某报微博\n- IP CITY\n- SIXTH SENSE\n- 报料热线: 010-1\n"
    assert run(remove_boilerplate_lines, text) == "正文第一句。\n"


def test_clean_title_between_boilerplate_lines_stays():
    text = "首页 | 新闻 | 政策 | 园区\n本站广告\n某园区新增两个细胞治疗公共服务平台\n时间:2025-03-28 09:15\n正文。"
    assert run(remove_boilerplate_lines, text) == "某园区新增两个细胞治疗公共服务平台\n正文。"


def test_clean_bookmark_artifact():
    assert run(remove_inline_artifacts, "[bookmark: _GoBack]关于公示的通知") == "关于公示的通知"


def test_clean_traditional_to_simplified_only_when_traditional():
    converter = T2S
    trad = "細胞與基因治療產業聯盟在上海成立，將推進臨床轉化與產業對接工作。"
    simp = "细胞与基因治疗产业联盟在上海成立，将推进临床转化与产业对接工作。"
    assert clean.is_traditional(trad, converter)
    assert not clean.is_traditional(simp, converter)
    t = clean.to_simplified(Traced.identity(trad), converter)
    assert t.text == simp
    check_map(trad, t)


def test_clean_markdown_markup():
    text = "# 标题\n\n**来源：** 某网\n\n- 第一项；\n> 引用的话。\n[链接文字](http://x.example)"
    assert run(clean.strip_markdown, text) == "标题\n\n来源： 某网\n\n第一项；\n引用的话。\n链接文字"


def test_clean_whitespace_normalised_keeps_length():
    text = "行一\r\n细胞\u3000治疗\u00a0产业\u200b。"
    out = run(clean.normalise_whitespace, text)
    assert out == "行一\n细胞 治疗 产业。"


PAGED = "\f".join(
    f"苏州细胞治疗产业年度报告\n2025年第{n}季度，园区新增细胞治疗企业{n * 3}家。\n这是第{n}页上的一段正文。\n"
    f"内部资料 注意保密\n第 {n} 页 共 4 页\n"
    for n in range(1, 5))


def test_clean_running_heads_and_feet_of_paged_text_go(tmp_path):
    from cgtatlas.ingest.read import read_document

    path = tmp_path / "report.txt"
    path.write_text(PAGED, encoding="utf-8")
    doc = read_document(path)
    assert doc.text.startswith("苏州细胞治疗产业年度报告\n")  # the first page keeps its title line
    assert doc.text.count("苏州细胞治疗产业年度报告") == 1
    assert "内部资料" not in doc.text and "共 4 页" not in doc.text
    assert [f"第{n}页上" in doc.text for n in range(1, 5)] == [True] * 4
    assert [f"第{n}季度" in doc.text for n in range(1, 5)] == [True] * 4  # numbered text lines stay


def test_clean_running_lines_need_three_pages():
    from cgtatlas.ingest.boilerplate import remove_running_lines
    from cgtatlas.ingest.textmap import Traced

    two_pages = "页眉\n正文一。\n\f页眉\n正文二。\n"
    assert remove_running_lines(Traced.identity(two_pages)).text == two_pages
