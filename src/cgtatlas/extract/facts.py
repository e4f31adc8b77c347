"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_facts(doc: Document) -> Document:
    return doc
