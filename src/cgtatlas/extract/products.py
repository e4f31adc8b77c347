"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_products(doc: Document) -> Document:
    return doc
