"""Text that remembers where each character came from.

Every cleaning step takes a `Traced` and returns a new one. `map[i]` is the offset
in the original text of cleaned character i; `map[len(text)]` is a sentinel (the
end of the original), so a half-open span [start, end) always maps back.
Steps are written as deletions or replacements found by regexes, so the map is
rebuilt with list slices (fast) rather than a Python loop per character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass
class Traced:
    text: str
    map: list[int]

    @classmethod
    def identity(cls, text: str) -> "Traced":
        return cls(text, list(range(len(text) + 1)))

    def __post_init__(self) -> None:
        if len(self.map) != len(self.text) + 1:
            raise ValueError(f"offset map has {len(self.map)} entries for {len(self.text)} chars")


def edit(t: Traced, edits: Iterable[tuple[int, int, str]]) -> Traced:
    """Replace each [start, end) with a new string. Edits must be sorted and not overlap.

    A replacement of the same length maps character for character; any other
    replacement maps all its characters to the original offset of `start`.
    """
    edits = list(edits)
    if not edits:
        return t  # nothing to do: no copy of a long map
    parts: list[str] = []
    new_map: list[int] = []
    pos = 0
    for start, end, new in edits:
        if start < pos:
            continue  # overlapping edit: keep the first
        parts.append(t.text[pos:start])
        new_map.extend(t.map[pos:start])
        if new:
            parts.append(new)
            if len(new) == end - start:
                new_map.extend(t.map[start:end])
            else:
                new_map.extend([t.map[start]] * len(new))
        pos = end
    parts.append(t.text[pos:])
    new_map.extend(t.map[pos:])
    return Traced("".join(parts), new_map)


def sub(t: Traced, pattern: re.Pattern, repl: str | Callable[[re.Match], str] = "") -> Traced:
    """`re.sub` that keeps the offset map."""
    if isinstance(repl, str):
        edits = ((m.start(), m.end(), repl) for m in pattern.finditer(t.text))
    else:
        edits = ((m.start(), m.end(), repl(m)) for m in pattern.finditer(t.text))
    return edit(t, edits)


def delete_groups(t: Traced, pattern: re.Pattern, group: int = 1) -> Traced:
    """Delete only `group` of each match (the rest of the match stays)."""
    edits = ((m.start(group), m.end(group), "") for m in pattern.finditer(t.text) if m.start(group) >= 0)
    return edit(t, edits)
