"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_technologies(doc: Document) -> Document:
    return doc
