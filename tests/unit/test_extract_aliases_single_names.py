"""A name used once keeps the name an earlier stage chose for it (an alias's its surface)."""
from __future__ import annotations

from cgtatlas.extract.aliases import link_aliases
from cgtatlas.model import Document, Mention


def test_extract_aliases_single_mentions_keep_chosen_names():
    text = "浦东新区和细胞治疗以及某某甲"
    doc = Document(id="t", text=text, mentions=[
        Mention("Region", "浦东新区", 0, 4, "浦东", "regions"),
        Mention("Technology", "细胞治疗", 5, 9, "细胞疗法", "technologies"),
        Mention("Company", "某某甲", 11, 14, "某某甲公司", "aliases"),
    ])
    names = [(m.surface, m.name) for m in link_aliases(doc).mentions]
    assert names == [("浦东新区", "浦东"), ("细胞治疗", "细胞疗法"), ("某某甲", "某某甲")]
