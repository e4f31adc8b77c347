"""The fast paths of the organisation and short-name stages give what the
plain formulations they replace give: automata and text searches instead of
visiting every token, a precheck before a slow pattern, memoised word tests."""
from __future__ import annotations

import re

import ahocorasick_rs

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract import org_lists, short_names
from cgtatlas.extract.segment import tag_text

TEXT = ("园区企业云岭生物与禾安药业签约，某某制药获得批准。已建成云岭药谷、云岭基因岛、"
        "云岭细胞产业园等三个专业园区，云岭还将新建两大园。华检检测自主研发的产品获批。")


def test_suffix_tokens_are_the_industry_word_tokens_in_order():
    toks = tag_text(TEXT)
    suffixes = set(short_names._vocab()["suffix"])
    expected = [i for i, word in enumerate(toks.words) if word in suffixes]
    assert expected and short_names._vocab_words(TEXT, toks)[2] == expected


def test_context_words_match_the_longest_first_alternation():
    text = TEXT + "园区企业企业，某某旗下"
    found = short_names._vocab_words(text, tag_text(text))
    for k, kind in enumerate(("before", "after")):
        pattern = re.compile("|".join(map(re.escape, short_names._vocab()[kind])))
        expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        assert found[k] == expected


def test_token_indexes_finds_every_token_with_one_of_the_words():
    toks = tag_text(TEXT)
    words = {"云岭", "签约", "园区"}
    expected = [i for i, word in enumerate(toks.words) if word in words]
    assert expected and org_lists._token_indexes(TEXT, toks, words) == expected


def test_counted_parks_precheck_never_hides_a_match():
    texts = (TEXT, "建成A园、B园等3个园区", "两大产业园", "五个特色园区", "一个园", "园区很大")
    matching = [t for t in texts if org_lists.COUNTED_PARKS.search(t)]
    assert len(matching) >= 4 and all(org_lists._counted_parks(t) for t in matching)
    assert not org_lists._counted_parks("没有园区数量的句子")



def test_one_scan_finds_the_heads_and_bodies_separate_scans_find():
    text = TEXT + "国家药品监督管理局药品审评中心与国家发展改革委、美国FDA和某某大学附属第一医院科学研究中心"
    heads = lex.heads()
    longest = {}
    for start, end, word in ((s, e, w) for w in heads for s in range(len(text)) for e in [s + len(w)]
                             if text.startswith(w, s)):
        if end not in longest or start < longest[end][0]:
            longest[end] = (start, heads[word])
    forms = sorted(lex.known_bodies(), key=len, reverse=True)
    matcher = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    found_heads, found_bodies = lex.name_words(text)
    assert found_heads == [(longest[end][0], end, longest[end][1]) for end in sorted(longest)]
    assert found_bodies == [(s, e, forms[i]) for i, s, e in matcher.find_matches_as_indexes(text)]
    assert len(found_bodies) >= 3


def test_a_word_of_two_kinds_keeps_both_roles(monkeypatch):
    """One scan serves three word lists: a word listed both as an industry word and
    as a context word must come back in both lists."""
    vocab = {"before": ("生物",), "after": (), "suffix": ("生物",)}
    monkeypatch.setattr(short_names, "_vocab", lambda: vocab)
    short_names._vocab_matcher.cache_clear()
    try:
        text = "园区里的云岭生物很好"
        toks = tag_text(text)
        at = text.index("生物")
        before, after, suffix = short_names._vocab_words(text, toks)
        assert before == [(at, at + 2, "生物")] and after == []
        assert [toks.words[i] for i in suffix] == ["生物"]
    finally:
        short_names._vocab_matcher.cache_clear()
