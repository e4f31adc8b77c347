"""A batch ingest run as its own process by test_store_kill.py, which kills it.

    python store_kill_worker.py DB N

Documents are generated (deterministic by number) and extracted by `toy_extract`,
so the test can recompute what each stored document must have."""
from __future__ import annotations

import hashlib
import re
import sys

from cgtatlas.model import Document, Fact, Mention, Relation, Span

FIRST = "启衡嘉铭瑞泽宏博"
SECOND = "康源达诺信华"
COMPANIES = [a + b + "生物科技有限公司" for a in FIRST for b in SECOND]
REGIONS = ["苏州", "杭州", "成都", "武汉", "南京"]


def make_document(number: int) -> Document:
    sentences = []
    for k in range(40):  # long documents: each one is a long transaction
        a = COMPANIES[(number * 7 + k) % len(COMPANIES)]
        b = COMPANIES[(number * 11 + k * 3 + 1) % len(COMPANIES)]
        region = REGIONS[(number + k) % len(REGIONS)]
        sentences.append(f"{a}与{b}在{region}签约合作。{a}员工{100 + number + k}人。")
    text = f"第{number}号简报。" + "".join(sentences)
    spans = [Span(m.start(), m.end()) for m in re.finditer(r"[^。]+。", text)]
    return Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text,
                    file_name=f"brief_{number:03d}.txt", title=f"第{number}号简报", sentences=spans)


def toy_extract(doc: Document) -> Document:
    pattern = "|".join(map(re.escape, COMPANIES + REGIONS))
    for m in re.finditer(pattern, doc.text):
        etype = "Region" if m.group() in REGIONS else "Company"
        doc.mentions.append(Mention(etype, m.group(), m.start(), m.end()))
    for m in re.finditer(r"(\w+?有限公司)与(\w+?有限公司)在", doc.text):
        doc.relations.append(Relation("partner_of", m.group(1), m.group(2), doc.evidence(m.start(), m.end())))
    for m in re.finditer(r"(\w+?有限公司)员工(\d+)人", doc.text):
        doc.facts.append(Fact(m.group(1), "员工", float(m.group(2)), "人", doc.evidence(m.start(), m.end()), year=2024))
    return doc


def main(db: str, n: int) -> None:
    from cgtatlas.store.ingest import ingest_document, open_store

    engine = open_store(db)
    for number in range(n):
        outcome = ingest_document(engine, make_document(number), extract=toy_extract)
        print(outcome, number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
