"""Each document's tokens carry their own start offsets: looking up offsets
in two documents in turn must give each its own answer."""
from cgtatlas.extract.segment import tag_text, token_index_at, tokens
from cgtatlas.model import Document


def test_lookups_alternating_between_documents():
    a = tokens(Document(id="a", text="国家药监局发布通知"))
    b = tokens(Document(id="b", text="细胞治疗产业联盟在苏州成立"))
    for offset in (0, 3, 6, 8):
        for toks in (a, b, a):
            i = token_index_at(toks, offset)
            assert toks[i].start <= offset < toks[i].end


def test_a_new_list_with_the_same_text_is_searched_afresh():
    first = tag_text("某某医院与某某大学签约")
    second = tag_text("签约")
    assert token_index_at(first, 9) > 0
    assert token_index_at(second, 1) == 0


def test_every_offset_of_a_token_finds_that_token():
    toks = tag_text("某某医院与某某大学签约")
    for i, (start, end) in enumerate(zip(toks.starts, toks.ends)):
        assert [token_index_at(toks, offset) for offset in range(start, end)] == [i] * (end - start)


def test_empty_text_has_no_tokens():
    toks = tag_text("")
    assert len(toks) == 0 and toks.words == toks.starts == []
