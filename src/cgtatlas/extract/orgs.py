"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def find_organisations(doc: Document) -> Document:
    return doc
