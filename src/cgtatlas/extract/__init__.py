"""Extraction: an ordered pipeline of small components over a Document."""
