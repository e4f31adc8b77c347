"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_short_names(doc: Document) -> Document:
    return doc
