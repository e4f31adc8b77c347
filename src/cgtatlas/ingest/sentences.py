"""Sentence split over the cleaned text, as character spans.

A sentence ends at 。！？!? or an ellipsis (with any closing quotes or brackets
that follow), or at a line break: headings, table rows and list items are their
own sentences. Semicolons do not end a sentence, so a policy target list
("到2026年，…以上；…以上") keeps its year in the same sentence.
"""
from __future__ import annotations

import re

from cgtatlas.model import Span

_SENTENCE = re.compile(r"[^\n。！？!?…]+(?:[。！？!?…]+[”’」』）)\"'》]*)?|[。！？!?…]+")


def split_sentences(text: str) -> list[Span]:
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        chunk = m.group()
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            spans.append(Span(start, end))
    return spans
