"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_regions(doc: Document) -> Document:
    return doc
