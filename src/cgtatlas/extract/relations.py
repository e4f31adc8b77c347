"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_relations(doc: Document) -> Document:
    return doc
