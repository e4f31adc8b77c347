"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_events(doc: Document) -> Document:
    return doc
