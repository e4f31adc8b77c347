"""Chinese by default, English on request: a plain dictionary of interface words.

Only labels, type names and headings translate; entity names stay as written.
The language comes from `?lang=` (remembered in a cookie) or the cookie alone.
"""
from __future__ import annotations

from collections.abc import Callable

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
COOKIE = "cgtatlas_lang"

# key -> (Chinese, English)
LABELS: dict[str, tuple[str, str]] = {
    "site": ("CGT 产业图谱", "CGT Atlas"),
    "tagline": ("细胞与基因治疗产业图谱", "Cell & gene therapy industry map"),
    "overview": ("总览", "Overview"),
    "organisations": ("机构", "Organisations"),
    "entities": ("实体", "Entities"),
    "pipeline": ("产品管线", "Product pipeline"),
    "policies": ("政策", "Policies"),
    "events": ("活动", "Events"),
    "conflicts": ("数据冲突", "Conflicts"),
    "graph": ("关系图谱", "Graph"),
    "documents": ("文档", "Documents"),
    "upload": ("上传", "Upload"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索机构、产品、技术、文档…", "Search organisations, products, documents…"),
    "api_docs": ("API 文档", "API docs"),
    "counts_by_type": ("各类实体数量", "Entities by type"),
    "technologies": ("技术", "Technologies"),
    "milestones_over_time": ("里程碑（按年份）", "Milestones over time"),
    "regions": ("区域", "Regions"),
    "latest_documents": ("最新文档", "Latest documents"),
    "parks": ("园区", "Parks"),
    "companies": ("企业", "Companies"),
    "platforms": ("平台", "Platforms"),
    "name": ("名称", "Name"),
    "type": ("类型", "Type"),
    "region": ("区域", "Region"),
    "technology": ("技术", "Technology"),
    "all": ("全部", "All"),
    "sort": ("排序", "Sort"),
    "sort_name": ("按名称", "By name"),
    "sort_mentions": ("按提及次数", "By mentions"),
    "sort_documents": ("按文档数", "By documents"),
    "filter": ("筛选", "Filter"),
    "previous_page": ("上一页", "Previous"),
    "next_page": ("下一页", "Next"),
    "mentions": ("提及", "Mentions"),
    "n_mentions": ("提及次数", "Mentions"),
    "n_documents": ("文档数", "Documents"),
    "aliases": ("别名", "Aliases"),
    "attributes": ("属性", "Attributes"),
    "relations": ("关系", "Relations"),
    "facts": ("数据", "Facts"),
    "neighbourhood": ("关联网络", "Neighbourhood"),
    "source": ("来源", "Source"),
    "date": ("日期", "Date"),
    "title": ("标题", "Title"),
    "file": ("文件", "File"),
    "company": ("企业", "Company"),
    "product": ("产品", "Product"),
    "target": ("靶点", "Target"),
    "disease": ("适应症", "Disease"),
    "milestones": ("里程碑", "Milestones"),
    "authority": ("审批机构", "Authority"),
    "issuer": ("发布机构", "Issuer"),
    "targets": ("目标", "Targets"),
    "organizers": ("主办/承办", "Organisers"),
    "venue": ("地点", "Venue"),
    "subject": ("主体", "Subject"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "year": ("年份", "Year"),
    "kind": ("性质", "Kind"),
    "kind_target": ("目标值", "target"),
    "kind_actual": ("实际值", "actual"),
    "values": ("各来源数值", "Values by source"),
    "quote": ("原文", "Quote"),
    "cleaned_text": ("清洗后文本", "Cleaned text"),
    "original_text": ("原始文本", "Original text"),
    "show_original": ("查看原文", "Show original"),
    "show_cleaned": ("查看清洗后文本", "Show cleaned text"),
    "in_this_document": ("本文抽取结果", "Found in this document"),
    "legend": ("图例", "Legend"),
    "results": ("搜索结果", "Results"),
    "no_results": ("没有结果", "No results"),
    "nothing_yet": ("暂无数据", "Nothing yet"),
    "upload_title": ("上传文档", "Upload documents"),
    "upload_help": ("支持 txt、html、md、pdf、docx；上传后自动抽取并入库。",
                    "txt, html, md, pdf or docx; each file is extracted and stored."),
    "files": ("文件", "Files"),
    "token": ("访问令牌", "Token"),
    "token_help": ("服务器设置了 CGTATLAS_TOKEN 时需要填写", "Needed when the server sets CGTATLAS_TOKEN"),
    "submit": ("上传", "Upload"),
    "outcome": ("结果", "Outcome"),
    "reason": ("原因", "Reason"),
    "whole_atlas": ("整个图谱", "Whole atlas"),
    "nodes": ("节点", "nodes"),
    "edges": ("连线", "edges"),
    "show": ("显示", "Show"),
    "not_found": ("未找到", "Not found"),
    "more": ("更多", "More"),
    "total": ("合计", "Total"),
    "relations_count": ("关系数", "Relations"),
    "facts_count": ("数据条数", "Facts"),
    "documents_count": ("文档数", "Documents"),
    "conflicts_count": ("冲突数", "Conflicts"),
    "entities_count": ("实体数", "Entities"),
    "open_document": ("打开文档", "Open document"),
    "language": ("English", "中文"),
}

ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "Company": ("企业", "Company"),
    "Hospital": ("医院", "Hospital"),
    "Academic": ("科研院校", "Academic"),
    "Agency": ("政府机构", "Agency"),
    "Park": ("园区", "Park"),
    "Platform": ("平台", "Platform"),
    "Association": ("协会联盟", "Association"),
    "Event": ("活动", "Event"),
    "Policy": ("政策", "Policy"),
    "Person": ("人物", "Person"),
    "Product": ("产品", "Product"),
    "Technology": ("技术", "Technology"),
    "Disease": ("疾病", "Disease"),
    "Target": ("靶点", "Target"),
    "Region": ("区域", "Region"),
}

RELATION_TYPES: dict[str, tuple[str, str]] = {
    "located_in": ("位于", "located in"),
    "affiliated_with": ("任职于", "affiliated with"),
    "develops": ("研发", "develops"),
    "targets": ("靶向", "targets"),
    "treats": ("治疗", "treats"),
    "uses_technology": ("采用技术", "uses technology"),
    "milestone": ("里程碑", "milestone"),
    "issued_by": ("发布机构", "issued by"),
    "organized_by": ("主办/承办", "organised by"),
    "held_at": ("举办地", "held at"),
    "member_of": ("成员", "member of"),
    "partner_of": ("合作", "partner of"),
    "operates": ("运营/建设", "operates"),
    "spoke_at": ("出席发言", "spoke at"),
}

# the same relations read from the tail's side ("developed by", not "develops")
INVERSE_RELATIONS: dict[str, tuple[str, str]] = {
    "located_in": ("区域内机构", "hosts"),
    "affiliated_with": ("相关人员", "people"),
    "develops": ("研发方", "developed by"),
    "targets": ("靶向该靶点的产品", "targeted by"),
    "treats": ("治疗产品", "treated by"),
    "uses_technology": ("采用该技术的产品", "used by"),
    "issued_by": ("发布的政策", "issued"),
    "organized_by": ("主办/承办的活动", "organises"),
    "held_at": ("在此举办的活动", "hosted events"),
    "member_of": ("成员单位", "members"),
    "partner_of": ("合作", "partner of"),
    "operates": ("运营/建设方", "operated by"),
    "spoke_at": ("发言嘉宾", "speakers"),
}

MILESTONES: dict[str, str] = {  # milestone labels are Chinese in the data; English on request
    "临床试验许可": "IND clearance",
    "突破性治疗品种": "Breakthrough therapy",
    "孤儿药资格": "Orphan drug designation",
    "快速通道资格": "Fast track designation",
    "上市许可": "Marketing approval",
    "IPO": "IPO",
}


def pick_lang(query_lang: str | None, cookie_lang: str | None) -> str:
    """The query parameter wins, then the cookie, then Chinese."""
    for lang in (query_lang, cookie_lang):
        if lang in LANGS:
            return lang
    return DEFAULT_LANG


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def translator(lang: str) -> Callable[[str], str]:
    """A `t(key)` function for templates: unknown keys come back unchanged."""
    return lambda key: _pick(LABELS, key, lang)


def type_name(type_: str, lang: str) -> str:
    return _pick(ENTITY_TYPES, type_, lang)


def relation_name(type_: str, lang: str, direction: str = "out") -> str:
    return _pick(INVERSE_RELATIONS if direction == "in" else RELATION_TYPES, type_, lang)


def milestone_name(label: str, lang: str) -> str:
    return MILESTONES.get(label, label) if lang == "en" else label
