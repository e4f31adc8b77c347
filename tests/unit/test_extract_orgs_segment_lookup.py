"""Each token list carries its own start offsets: looking up offsets in two
documents in turn must give each its own answer, and a plain list of tokens
(a slice) is searched too."""
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


def test_a_plain_list_of_tokens_is_searched_by_its_starts():
    toks = tag_text("某某医院与某某大学签约")
    tail = toks[2:]
    assert type(tail) is list
    i = token_index_at(tail, toks[3].start)
    assert tail[i] == toks[3]


def test_empty_text_has_no_tokens():
    assert tag_text("") == []
