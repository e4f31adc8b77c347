"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def resolve_overlaps(doc: Document) -> Document:
    return doc
