#!/usr/bin/env python3
"""Build the binary and non-UTF-8 sample documents in samples/ from the text below.

Run once by hand (`.venv/bin/python scripts/make-sample-binaries.py`); the outputs
are committed and must stay stable (others annotate them). Needs chromium and
fonts-wqy-microhei (Debian) for the PDF, python-docx for the DOCX.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

PDF_HTML = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>长三角细胞与基因治疗产业季度观察</title>
<style>body{font-family:"WenQuanYi Micro Hei",sans-serif;font-size:12pt;line-height:1.6;margin:2cm}
h1{font-size:18pt}</style></head><body>
<h1>长三角细胞与基因治疗产业季度观察（2025年第一季度）</h1>
<p>发布日期：2025年4月15日　　编制单位：上海临港生命科学产业研究中心</p>
<p>2025年第一季度，长三角地区细胞与基因治疗领域共有14个创新产品获得国家药监局的临床试验许可，占全国同期获批数量的46%。其中，CAR-T产品7个，TCR-T产品2个，干细胞产品3个，AAV基因治疗产品2个。</p>
<p>上海临港新片区生命蓝湾已建成细胞与基因治疗专业厂房约30万平方米，入驻相关企业42家。临港新片区管理委员会产业发展处处长赵文彬介绍，园区今年计划新增标准化生产厂房8万平方米，并建设一个面向中小企业的质粒和病毒载体共享生产平台。</p>
<p>企业方面，上海恒澜生物医药有限公司的HL-2301注射液获得美国FDA授予的孤儿药资格。该产品是一款靶向GPC3的CAR-T细胞疗法，用于治疗晚期肝细胞癌。南京启衡医药科技有限公司的QH-NK01是一款通用型CAR-NK细胞产品，靶向CD19，用于治疗B细胞淋巴瘤，已完成首例患者给药。</p>
<p>融资方面，本季度长三角细胞与基因治疗企业共完成融资事件19起，披露融资总额约36亿元，同比下降8.2%。业内人士认为，企业正在从追求管线数量转向聚焦临床价值更明确的适应症。</p>
<p>政策方面，江苏省发布《江苏省支持细胞和基因治疗产业发展若干政策措施》，提出对首次获得临床试验许可的产品给予最高500万元奖励。</p>
</body></html>
"""

DOCX_TITLE = "关于2025年度细胞与基因治疗产业专项扶持资金拟支持项目的公示"
DOCX_PARAGRAPHS = [
    DOCX_TITLE,
    "根据《无锡市加快生物医药产业创新发展的若干政策》和年度专项资金申报指南，经企业申报、专家评审和现场核查，"
    "现将2025年度细胞与基因治疗产业专项扶持资金拟支持项目予以公示。",
    "本年度共受理申报项目37个，经评审拟支持项目6个，拟安排扶持资金合计4200万元。拟支持项目名单如下：",
]
DOCX_TABLE = [
    ["序号", "申报单位", "项目名称", "拟支持金额（万元）"],
    ["1", "无锡澜湖生物科技有限公司", "LH-19 CAR-T细胞注射液Ⅱ期临床研究", "1200"],
    ["2", "江苏锡康基因治疗有限公司", "AAV载体规模化生产工艺平台建设", "900"],
    ["3", "无锡惠泽细胞医学研究院", "通用型NK细胞制备关键技术研究", "600"],
    ["4", "无锡太科生物技术有限公司", "靶向Claudin18.2的CAR-T产品临床前研究", "500"],
    ["5", "江苏宜元生物医药有限公司", "间充质干细胞治疗膝骨关节炎临床研究", "500"],
    ["6", "无锡梁溪细胞检测技术有限公司", "细胞治疗产品第三方质量检测平台", "500"],
]
DOCX_AFTER = [
    "公示期为2025年7月8日至2025年7月14日。对公示项目有异议的，请在公示期内以书面形式向无锡市科学技术局反映。",
    "联系电话：0510-81800000",
    "无锡市科学技术局",
    "2025年7月8日",
]

GBK_TEXT = """天津滨海新区细胞与基因治疗创新联合体揭牌

10月9日，天津滨海新区细胞与基因治疗创新联合体在天津经济技术开发区揭牌成立。联合体由天津津港细胞科技有限公司牵头，联合天津医科大学肿瘤医院、南开大学药学院等16家单位共同组建。
天津市科学技术局副局长孙志强在揭牌仪式上表示，滨海新区已集聚生物医药企业700余家，2024年生物医药产业产值超过600亿元。联合体将重点攻关细胞治疗产品的自动化生产和冷链运输技术，计划三年内推动5个以上产品进入临床试验。
津港细胞总经理刘嘉禾介绍，公司研发的JG-CAR07是一款靶向CD7的CAR-T细胞产品，用于治疗T细胞急性淋巴细胞白血病，今年5月获得国家药监局的临床试验许可。公司在开发区建设的细胞制备中心面积约6000平方米，年制备能力可满足1000名患者的需要。
"""

BIG5_TEXT = """台灣細胞治療產業聯盟發布年度報告

11月5日，台灣細胞治療產業聯盟在台北發布《2025台灣細胞治療產業發展報告》。報告顯示，截至今年10月，衛生福利部已核准細胞治療技術施行計畫超過200件，涵蓋自體免疫細胞、脂肪幹細胞和軟骨細胞等類別。
聯盟理事長、台北榮民總醫院輸血醫學科主任林宏達表示，《再生醫療製劑條例》通過後，業者可依法申請附條件許可，產品上市的時程可望縮短。報告統計，台灣從事細胞與基因治療的業者約有85家，2024年產業營收約新台幣120億元，較前一年成長18%。
會中，長聖生技（長聖國際生技）介紹了其CAR-T產品在台灣進行的第一期臨床試驗進度，寶島細胞科技有限公司則宣布與美國一家研究機構合作開發靶向HER2的CAR-NK產品BD-H201。
"""

# A Word document saved as "Unicode text": UTF-16 with a BOM, and the bookmark
# marker some converters leave where the cursor was.
UTF16_TEXT = """[bookmark: _GoBack]关于签署细胞治疗临床研究合作协议的情况说明

2025年8月12日，重庆两江新区细胞治疗创新中心与重庆渝新生物科技有限公司签署临床研究合作协议。双方将围绕渝新生物自主研发的靶向CD19的CAR-T细胞注射液YX-CAR19开展研究者发起的临床研究，适应症为复发或难治性弥漫大B细胞淋巴瘤。
根据协议，创新中心将提供约3000平方米的GMP细胞制备场地，并协调两家三甲医院作为临床研究单位。渝新生物首席医学官唐雨桐表示，公司计划在2026年向国家药监局递交临床试验申请。
两江新区已集聚生物医药企业420余家，2024年生物医药产业产值约310亿元。
"""


def make_pdf(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        html.write_text(PDF_HTML, encoding="utf-8")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={out}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def make_docx(out: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(DOCX_PARAGRAPHS[0], level=1)
    for text in DOCX_PARAGRAPHS[1:]:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=len(DOCX_TABLE[0]))
    for row in DOCX_TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    for text in DOCX_AFTER:
        document.add_paragraph(text)
    props = document.core_properties
    props.title = DOCX_TITLE
    props.author = "无锡市科学技术局"
    props.created = dt.datetime(2025, 7, 8, 9, 30)
    props.modified = dt.datetime(2025, 7, 8, 9, 30)
    document.save(out)


def main(argv: list[str]) -> int:
    """Writes the samples that are missing; existing ones are kept (others annotate
    them, and the PDF's bytes change on every build). --force rebuilds all."""
    force = "--force" in argv
    makers = {
        "s06_industry_report.pdf": make_pdf,
        "s07_funding_notice.docx": make_docx,
        "s08_gbk_news.txt": lambda out: out.write_bytes(GBK_TEXT.encode("gb18030")),
        "s10_big5_taiwan.txt": lambda out: out.write_bytes(BIG5_TEXT.encode("big5")),
        "s11_word_export_utf16.txt": lambda out: out.write_bytes(UTF16_TEXT.encode("utf-16")),
    }
    for name, make in makers.items():
        out = SAMPLES / name
        if force or not out.exists():
            make(out)
            print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
