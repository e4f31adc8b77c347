"""Every sample reads, cleans and maps back to its original."""
import re

import opencc
import pytest

from cgtatlas.ingest.read import read_document

T2S = opencc.OpenCC("t2s")
CJK = "\u4e00-\u9fff"
SAMPLE_NAMES = [
    "s01_forum_press_release.txt", "s02_policy_plan.txt", "s03_traditional_pinyin.txt",
    "s04_ocr_newspaper.txt", "s05_news_page.html", "s06_industry_report.pdf",
    "s07_funding_notice.docx", "s08_gbk_news.txt", "s09_beijing_cluster_update.md",
    "s10_big5_taiwan.txt", "s11_word_export_utf16.txt",
]


@pytest.fixture(scope="module")
def docs(samples_dir):
    return {name: read_document(samples_dir / name) for name in SAMPLE_NAMES}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_ingest_sample_offset_map_points_at_the_original(docs, name):
    doc = docs[name]
    assert len(doc.offset_map) == len(doc.text) + 1
    converted = doc.meta.get("converted_from_traditional", False)
    for i, ch in enumerate(doc.text):
        src = doc.original[doc.offset_map[i]]
        # a character differs only when a step converted it: t2s (by phrase, so 計畫 -> 计划),
        # an HTML entity, or whitespace standing for a line or block break
        by_t2s = converted and (T2S.convert(src) == ch or (re.match(f"[{CJK}]", src) and re.match(f"[{CJK}]", ch)))
        assert src == ch or by_t2s or ch.isspace() or src == "&", (name, i, ch, src)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_ingest_sample_is_clean(docs, name):
    doc = docs[name]
    assert not re.search(f"[{CJK}] +[{CJK}]", doc.text)
    for junk in ("上一篇", "下一篇", "本站广告", "公网安备", "ICP备", "热线", "版权所有", "©", "<", "(yī)",
                 "[bookmark", "- +1"):
        assert junk not in doc.text, (name, junk)
    assert doc.title and doc.sentences
    assert all(doc.text[s.start:s.end].strip() for s in doc.sentences)


def test_ingest_samples_metadata(docs):
    expected = {
        "s01_forum_press_release.txt": ("汇聚细胞治疗创新力量共绘长三角产业协同新图景", "2025-06-12", None),
        "s03_traditional_pinyin.txt": ("生物医药|粤港澳细胞免疫治疗创新联盟在深圳坪山成立", "2025-09-20", "深圳湾区财经传媒有限公司"),
        "s04_ocr_newspaper.txt": ("武汉光谷打造细胞治疗产业新高地", None, None),
        "s05_news_page.html": ("杭州医药港新增两个细胞治疗公共服务平台", "2025-03-28", "杭州生物医药网"),
        "s06_industry_report.pdf": ("长三角细胞与基因治疗产业季度观察（2025年第一季度）", "2025-04-15", None),
        "s07_funding_notice.docx": ("关于2025年度细胞与基因治疗产业专项扶持资金拟支持项目的公示", "2025-07-08", None),
        "s09_beijing_cluster_update.md": ("北京细胞与基因治疗产业集群建设提速", "2025-01-16", "京城产业观察"),
    }
    for name, (title, date, source) in expected.items():
        doc = docs[name]
        assert (doc.title, doc.date, doc.source) == (title, date, source), name


def test_ingest_samples_specific_repairs(docs):
    assert docs["s03_traditional_pinyin.txt"].meta["converted_from_traditional"]
    assert "(以下简称“联盟”)" in docs["s03_traditional_pinyin.txt"].text
    assert "T细胞受体工程化T细胞(TCR-T)产品" in docs["s03_traditional_pinyin.txt"].text
    ocr = docs["s04_ocr_newspaper.txt"].text
    assert "教授Carl June通过视频作主旨报告。" in ocr
    assert "Michel Sadelain教授" in ocr
    assert "其中细胞与基因治疗企业80余家，2024年产业总收入达到1200亿元。" in ocr
    assert "CT-019细胞注射液" in ocr
    assert "2025年第一季度，长三角地区细胞与基因治疗领域共有14个创新产品获得国家药监局的临床试验许可，" \
        in docs["s06_industry_report.pdf"].text
    assert "6\t无锡梁溪细胞检测技术有限公司\t细胞治疗产品第三方质量检测平台\t500" in docs["s07_funding_notice.docx"].text
    assert docs["s08_gbk_news.txt"].meta["encoding"] == "gb18030"
    assert docs["s10_big5_taiwan.txt"].meta["encoding"] == "big5"
    assert "卫生福利部" in docs["s10_big5_taiwan.txt"].text
    assert "到2026年，北京新增临床试验批件20个以上" in docs["s09_beijing_cluster_update.md"].text
    word = docs["s11_word_export_utf16.txt"]
    assert word.meta["encoding"] == "utf-16" and "bookmark" not in word.text
    assert word.title == "关于签署细胞治疗临床研究合作协议的情况说明" and word.date == "2025-08-12"


def test_ingest_samples_store_twice_changes_nothing(samples_dir, tmp_path):
    from cgtatlas.ingest.batch import ingest_paths
    from cgtatlas.settings import Settings

    settings = Settings(db=str(tmp_path / "atlas.db"))
    paths = [samples_dir / "s05_news_page.html", samples_dir / "s08_gbk_news.txt"]
    first = ingest_paths(paths, settings, progress=False)
    second = ingest_paths(paths, settings, progress=False)
    assert [o.status for o in first.outcomes] == ["stored", "stored"], first.outcomes
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
