"""The shared segmentation helper: offsets, cache, user words."""
from __future__ import annotations

from cgtatlas.extract.segment import token_index_at, tokens
from cgtatlas.model import Document


def test_extract_orgs_segment_offsets_cover_the_text():
    doc = Document(id="t", text="苏州生物城为核心，引进企业 30 家。")
    toks = tokens(doc)
    assert "".join(t.word for t in toks) == doc.text
    assert all(doc.text[t.start:t.end] == t.word for t in toks)
    assert "生物城" in [t.word for t in toks]  # head words are kept whole


def test_extract_orgs_segment_is_cached_on_the_document():
    doc = Document(id="t", text="细胞治疗产业联盟成立。")
    assert tokens(doc) is tokens(doc)


def test_extract_orgs_segment_token_index_at():
    doc = Document(id="t", text="国家药监局发布通知")
    toks = tokens(doc)
    i = token_index_at(toks, 3)
    assert toks[i].start <= 3 < toks[i].end
