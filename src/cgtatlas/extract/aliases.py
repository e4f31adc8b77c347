"""PLACEHOLDER stage, to be written."""
from cgtatlas.model import Document


def link_aliases(doc: Document) -> Document:
    return doc
