"""Cut a document's cleaned text into plain runs and mention runs for the page.

The template renders each run escaped (autoescape), so the text is never
trusted as HTML; mentions become <mark id="m-START"> so links from entity
pages land on their place in the document (/documents/ID#m-START).
"""
from __future__ import annotations

from typing import Any


def highlight_segments(text: str, mentions: list[dict[str, Any]],
                       anchors: list[int] = ()) -> list[dict[str, Any]]:
    """Non-overlapping segments covering `text` in order.

    Overlapping mentions: the earlier (then longer) one is drawn; the others
    keep an anchor (`anchors`) on the drawn one so their links still land.
    `anchors` are extra offsets to link to (where relations and facts start):
    each gets an empty anchor segment unless a mention already starts there.
    """
    segments: list[dict[str, Any]] = []
    pos = 0
    starts = {int(m["start"]) for m in mentions}
    points = [{"start": a, "end": a, "anchor": True} for a in set(anchors) if a not in starts and 0 <= a <= len(text)]
    ordered = sorted([*mentions, *points], key=lambda m: (m["start"], -(m["end"] - m["start"])))
    for m in ordered:
        start, end = int(m["start"]), int(m["end"])
        if m.get("anchor") and start >= pos:
            if start > pos:
                segments.append({"text": text[pos:start]})
            segments.append({"text": "", "anchor": start})
            pos = start
            continue
        if not m.get("anchor") and (end <= start or start < 0 or end > len(text)):
            continue
        if start < pos:  # inside or overlapping the mention just drawn
            drawn = segments[-1] if segments and "mention" in segments[-1] else None
            if drawn and start != drawn["start"] and start not in drawn["anchors"]:
                drawn["anchors"].append(start)
            continue
        if start > pos:
            segments.append({"text": text[pos:start]})
        segments.append({"text": text[start:end], "mention": m, "start": start, "anchors": []})
        pos = end
    if pos < len(text):
        segments.append({"text": text[pos:]})
    return segments


def mention_types(mentions: list[dict[str, Any]]) -> list[str]:
    """The entity types present, in first-seen order (for the page's legend)."""
    seen: dict[str, None] = {}
    for m in mentions:
        seen.setdefault(m.get("type", ""), None)
    return [t for t in seen if t]
