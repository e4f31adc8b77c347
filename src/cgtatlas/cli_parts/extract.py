"""`cgtatlas extract` and `cgtatlas eval`: short wrappers over extract/runner.py
and extract/scoring.py."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)


def _run_with_progress(paths: list[Path], out: Path | None, fmt: str):
    from rich.progress import Progress

    from cgtatlas.extract.runner import extract_files, iter_files

    files = list(iter_files(paths))
    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        report = extract_files(files, out, fmt, step=lambda f: progress.advance(task))
    for path, reason in report.failed:
        typer.echo(f"failed: {path}: {reason}", err=True)
    return report


def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders to extract from."),
    fmt: str = typer.Option("gold", "--format", help="gold (one JSON per document) or jsonl (mentions with spans and quotes)."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder."),
) -> None:
    """Extract entities, relations and facts; write them without storing anything."""
    from cgtatlas.extract.runner import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    report = _run_with_progress(paths, out, fmt)
    typer.echo(f"{len(report.written)} written to {out}, {len(report.failed)} failed")


def eval_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files (GUIDE.md format)."),
    paths: list[Path] = typer.Argument(..., help="Documents (files or folders) to extract and score."),
) -> None:
    """Extract documents and print precision, recall and F1 against gold, per area and type."""
    from cgtatlas.extract.runner import load_gold_dir
    from cgtatlas.extract.scoring import score

    if not gold_dir.is_dir():
        raise typer.BadParameter(f"{gold_dir} is not a folder")
    report = _run_with_progress(paths, None, "gold")
    gold = {stem: g for stem, g in load_gold_dir(gold_dir).items() if stem in report.predictions}
    _print_scores(score(gold, report.predictions))


def _print_scores(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result['documents']} documents")
    for col in ("", "P", "R", "F1"):
        table.add_column(col, justify="left" if not col else "right")
    for key in ("entities", "entities_untyped", "relations", "facts"):
        table.add_row(key, *(f"{v:.3f}" for v in result[key]))
    for etype, values in result["per_type"].items():
        table.add_row(f"  {etype}", *(f"{v:.3f}" for v in values))
    for stem, areas in result["per_doc"].items():
        table.add_row(stem, "", "", "")
        for area, values in areas.items():
            table.add_row(f"  {area}", *(f"{v:.3f}" for v in values))
    Console().print(table)
