"""`cgtatlas extract` and `cgtatlas eval`."""
from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def _iter_files(paths: list[Path]):
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file())
        else:
            yield p


def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders to extract from."),
    fmt: str = typer.Option("gold", "--format", help="gold (one JSON per document) or jsonl (mentions with spans)."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder."),
) -> None:
    """Extract entities, relations and facts; write them without storing anything."""
    from cgtatlas.extract.gold import to_gold
    from cgtatlas.extract.pipeline import run_pipeline
    from cgtatlas.ingest.read import read_document

    out.mkdir(parents=True, exist_ok=True)
    for f in _iter_files(paths):
        doc = run_pipeline(read_document(f))
        target = out / (f.stem + ".json")
        target.write_text(json.dumps(to_gold(doc), ensure_ascii=False, indent=1), encoding="utf-8")
