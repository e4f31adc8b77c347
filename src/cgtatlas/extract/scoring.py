"""Score extraction output against gold annotations, by the rules of
shared/tools/score.py (GUIDE.md "Scoring"): entities match when types are
equal and their normalised name sets intersect (greedy, one to one);
relations when types are equal and both ends resolve to the same gold
entities (either order for partner_of, milestone tails as labels); facts on
value within 1% and unit class.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

STRIP = set(" \t\r\n\u3000\"'“”‘’「」『』《》〈〉·•・")
UNIT_CLASS = {
    "人": "人", "名": "人", "位": "人", "人次": "人",
    "个": "个", "项": "个", "件": "个", "款": "个",
    "平方米": "平方米", "平米": "平方米", "㎡": "平方米", "m2": "平方米",
    "元": "元", "人民币": "元", "%": "%", "％": "%",
}
Gold = dict[str, Any]


def norm(name: Any) -> str:
    """NFKC, without quotes, brackets of titles and spaces, lower case."""
    text = unicodedata.normalize("NFKC", str(name or ""))
    return "".join(ch for ch in text if ch not in STRIP).lower()


def names_of(entity: dict) -> set[str]:
    out = {norm(entity.get("name"))} | {norm(a) for a in entity.get("aliases") or []}
    out.discard("")
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_entities(gold: list[dict], pred: list[dict], typed: bool = True) -> Counter:
    """Greedy one-to-one matches, counted per gold type."""
    used: set[int] = set()
    hits: Counter = Counter()
    for pe in pred:
        names = names_of(pe)
        for gi, ge in enumerate(gold):
            if gi in used or (typed and ge.get("type") != pe.get("type")):
                continue
            if names & names_of(ge):
                used.add(gi)
                hits[ge.get("type")] += 1
                break
    return hits


def _resolver(gold_entities: list[dict]):
    index: dict[str, int] = {}
    for gi, ge in enumerate(gold_entities):
        for n in names_of(ge):
            index.setdefault(n, gi)

    def resolve(name: Any) -> tuple:
        n = norm(name)
        return ("e", index[n]) if n in index else ("s", n)

    return resolve


def relation_keys(relations: list[dict] | None, resolve) -> set[tuple]:
    keys = set()
    for r in relations or []:
        rtype = r.get("type")
        head = resolve(r.get("head"))
        tail = ("label", norm(r.get("tail"))) if rtype == "milestone" else resolve(r.get("tail"))
        if rtype == "partner_of":
            head, tail = sorted([head, tail])
        keys.add((rtype, head, tail))
    return keys


def unit_class(unit: Any) -> str:
    u = unicodedata.normalize("NFKC", str(unit or "")).strip()
    return UNIT_CLASS.get(u, u)


def match_facts(gold: list[dict] | None, pred: list[dict] | None) -> int:
    used: set[int] = set()
    tp = 0
    for pf in pred or []:
        try:
            pv = float(pf.get("value"))
        except (TypeError, ValueError):
            continue
        for gi, gf in enumerate(gold or []):
            if gi in used or unit_class(gf.get("unit")) != unit_class(pf.get("unit")):
                continue
            gv = float(gf.get("value"))
            if abs(pv - gv) <= 0.01 * max(abs(gv), 1e-9):
                used.add(gi)
                tp += 1
                break
    return tp


def score_document(gold: Gold, pred: Gold) -> Counter:
    """Counts for one document (true positives, predicted, gold) per area and type."""
    ge, pe = gold.get("entities") or [], pred.get("entities") or []
    typed = match_entities(ge, pe, typed=True)
    untyped = match_entities(ge, pe, typed=False)
    resolve = _resolver(ge)
    gk, pk = relation_keys(gold.get("relations"), resolve), relation_keys(pred.get("relations"), resolve)
    c = Counter(ent_tp=sum(typed.values()), ent_utp=sum(untyped.values()), ent_gold=len(ge),
                ent_pred=len(pe), rel_tp=len(gk & pk), rel_gold=len(gk), rel_pred=len(pk),
                fact_tp=match_facts(gold.get("facts"), pred.get("facts")),
                fact_gold=len(gold.get("facts") or []), fact_pred=len(pred.get("facts") or []))
    for t, n in typed.items():
        c[f"tp:{t}"] += n
    c.update(f"gold:{e.get('type')}" for e in ge)
    c.update(f"pred:{e.get('type')}" for e in pe)
    return c


def score(gold_docs: dict[str, Gold], pred_docs: dict[str, Gold]) -> dict[str, Any]:
    """Scores over all gold documents; a document without prediction counts as empty."""
    totals: Counter = Counter()
    per_doc = {}
    for stem, gold in sorted(gold_docs.items()):
        c = score_document(gold, pred_docs.get(stem, {}))
        totals.update(c)
        per_doc[stem] = {area: prf(c[f"{key}_tp"], c[f"{key}_pred"], c[f"{key}_gold"])
                         for area, key in (("entities", "ent"), ("relations", "rel"), ("facts", "fact"))}
    types = sorted({k.split(":", 1)[1] for k in totals if k.startswith(("gold:", "pred:"))})
    return {
        "documents": len(gold_docs),
        "entities": prf(totals["ent_tp"], totals["ent_pred"], totals["ent_gold"]),
        "entities_untyped": prf(totals["ent_utp"], totals["ent_pred"], totals["ent_gold"]),
        "relations": prf(totals["rel_tp"], totals["rel_pred"], totals["rel_gold"]),
        "facts": prf(totals["fact_tp"], totals["fact_pred"], totals["fact_gold"]),
        "per_type": {t: prf(totals[f"tp:{t}"], totals[f"pred:{t}"], totals[f"gold:{t}"]) for t in types},
        "per_doc": per_doc,
        "counts": {k: v for k, v in totals.items() if ":" not in k},
    }
