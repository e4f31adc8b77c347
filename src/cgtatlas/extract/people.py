"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_people(doc: Document) -> Document:
    return doc
