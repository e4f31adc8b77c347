"""The interface language: Chinese by default, English on request; names never translate."""
from __future__ import annotations

import pytest

from cgtatlas.model import ENTITY_TYPES, RELATION_TYPES
from cgtatlas.web import i18n


@pytest.mark.parametrize("query, cookie, expected", [
    (None, None, "zh"), ("en", None, "en"), (None, "en", "en"), ("zh", "en", "zh"), ("fr", None, "zh"),
])
def test_web_i18n_pick_lang(query, cookie, expected):
    assert i18n.pick_lang(query, cookie) == expected


def test_web_i18n_every_type_and_relation_has_both_languages():
    for t in ENTITY_TYPES:
        assert i18n.type_name(t, "zh") != t and i18n.type_name(t, "en") == t
    for r in RELATION_TYPES:
        assert i18n.relation_name(r, "zh") != r


def test_web_i18n_labels_translate_and_unknown_keys_pass_through():
    assert i18n.translator("zh")("pipeline") == "产品管线"
    assert i18n.translator("en")("pipeline") == "Product pipeline"
    assert i18n.translator("en")("华禾生物") == "华禾生物"


def test_web_i18n_milestones_translate_only_in_english():
    assert i18n.milestone_name("孤儿药资格", "zh") == "孤儿药资格"
    assert i18n.milestone_name("孤儿药资格", "en") == "Orphan drug designation"


def test_web_i18n_relations_read_from_the_tail_side():
    assert set(i18n.INVERSE_RELATIONS) == set(RELATION_TYPES) - {"milestone"}  # milestone tails are labels
    assert i18n.relation_name("develops", "zh", "in") == "研发方"
