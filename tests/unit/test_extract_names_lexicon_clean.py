"""No company, product or person name of our lexicons/registry occurs in a seed,
and no seed Company/Product/Person/Event name occurs in our lexicon files."""
from importlib import resources

import pytest

from cgtatlas.extract.products import registry

NAME_KINDS = ("product", "company")
OUR_FILES = ("regions.txt", "technologies.txt", "diseases.txt", "disease_modifiers.txt", "targets.txt",
             "surnames.txt", "person_titles.txt", "policy_words.txt", "cgt_registry.tsv")
SEED_NAME_TYPES = ("Company", "Product", "Person", "Event")


def registry_names() -> set[str]:
    names = set()
    for entry in registry():
        if entry.kind in NAME_KINDS:
            names.update((entry.name, *entry.forms))
            names.add(entry.company)
    return {n for n in names if n and n != "-"}


def seed_texts(seeds_dir) -> list[str]:
    import opencc

    to_simple = opencc.OpenCC("t2s")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return texts + [to_simple.convert(t) for t in texts]


@pytest.mark.seeds
def test_extract_names_lexicon_clean_registry_names_not_in_seeds(seeds_dir):
    texts = seed_texts(seeds_dir)
    leaked = sorted(n for n in registry_names() if any(n in t for t in texts))
    assert leaked == []


@pytest.mark.seeds
def test_extract_names_lexicon_clean_seed_names_not_in_lexicons(gold_dir):
    import json

    lexicon = resources.files("cgtatlas.lexicon")
    ours = "\n".join(lexicon.joinpath(f).read_text(encoding="utf-8") for f in OUR_FILES)
    seed_names = set()
    for path in gold_dir.glob("*.json"):
        for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            if entity["type"] in SEED_NAME_TYPES:
                seed_names.update([entity["name"], *entity.get("aliases", [])])
    leaked = sorted(n for n in seed_names if len(n) > 1 and n in ours)
    assert leaked == []


def test_extract_names_lexicon_clean_registry_is_not_empty():
    assert len(registry_names()) > 20
