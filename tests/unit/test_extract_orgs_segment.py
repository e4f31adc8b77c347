"""The shared segmentation helper: offsets, cache, user words."""
from __future__ import annotations

from cgtatlas.extract.segment import Token, is_known, tag_text, token_index_at, tokens
from cgtatlas.model import Document


def test_extract_orgs_segment_offsets_cover_the_text():
    doc = Document(id="t", text="苏州生物城为核心，引进企业 30 家。")
    toks = tokens(doc)
    assert "".join(toks.words) == doc.text
    assert all(doc.text[s:e] == w for w, s, e in zip(toks.words, toks.starts, toks.ends))
    assert "生物城" in toks.words  # head words are kept whole


def test_extract_orgs_segment_tokens_are_columns():
    toks = tag_text("苏州生物城为核心，引进企业 30 家。")
    n = len(toks)
    assert n > 3 and len(toks.words) == len(toks.tags) == len(toks.starts) == len(toks.ends) == n
    assert toks.starts == [0, *toks.ends[:-1]]
    assert toks[1] == Token(toks.words[1], toks.tags[1], toks.starts[1], toks.ends[1], is_known(toks.words[1]))
    assert [t.word for t in toks] == toks.words and toks[-1].end == toks.ends[-1]
    assert len(tag_text("")) == 0 and not tag_text("")


def test_extract_orgs_segment_is_cached_on_the_document():
    doc = Document(id="t", text="细胞治疗产业联盟成立。")
    assert tokens(doc) is tokens(doc)


def test_extract_orgs_segment_token_index_at():
    doc = Document(id="t", text="国家药监局发布通知")
    toks = tokens(doc)
    i = token_index_at(toks, 3)
    assert toks[i].start <= 3 < toks[i].end
