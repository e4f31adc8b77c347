"""Domain vocabulary as data files, loaded once."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Lines of lexicon/<name>.txt, without blanks and '#' comments."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)
