"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_diseases_and_targets(doc: Document) -> Document:
    return doc
