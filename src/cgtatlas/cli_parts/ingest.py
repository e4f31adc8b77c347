"""`cgtatlas ingest`: a thin wrapper over cgtatlas.ingest.batch.ingest_paths."""
from __future__ import annotations

from pathlib import Path

import typer

_STYLES = {"stored": "green", "reextracted": "green", "read": "green", "unchanged": "dim",
           "duplicate": "yellow", "skipped": "dim", "failed": "bold red"}


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    db: str = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (env CGTATLAS_DB, default atlas.db)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Read and clean only; list each document, store nothing."),
    show: bool = typer.Option(False, "--show", help="Also print each document's cleaned text."),
    reextract: bool = typer.Option(False, "--reextract", help="Re-run extraction for documents already stored."),
    max_mb: float = typer.Option(None, "--max-mb", help="Refuse files larger than this many MB (env CGTATLAS_MAX_FILE_MB, default 50)."),
) -> None:
    """Read documents (txt, md, html, pdf, docx), clean them and store them in the atlas."""
    from cgtatlas.ingest.batch import ingest_paths
    from cgtatlas.settings import get_settings

    settings = get_settings(db=db, max_file_mb=max_mb)
    report = ingest_paths(paths, settings, store=not dry_run, reextract=reextract, progress=True,
                          keep_documents=show)
    print_report(report, show=show)
    if not report.ok:
        raise typer.Exit(1)


def print_report(report, *, show: bool = False) -> None:
    """One line per file; names, titles and text are printed as plain text, never as markup."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for o in report.outcomes:
        if o.status == "skipped":
            continue  # data files next to documents (e.g. gold JSON); counted in the summary
        line = Text(f"{o.status:<11} ", style=_STYLES.get(o.status, ""))
        line.append(o.path)
        if o.reason:
            line.append(f": {o.reason}")
        if o.status in ("stored", "unchanged", "reextracted", "read"):
            line.append(f"  | {o.title or '(no title)'} | {o.date or 'no date'} | {o.chars} chars", style="cyan")
        console.print(line)
        if show and o.document is not None:
            console.print(Text(o.document.text + "\n"))
    console.print(Text(report.summary(), style="bold"))
