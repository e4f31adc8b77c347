"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_policies(doc: Document) -> Document:
    return doc
