"""`cgtatlas search` and `cgtatlas export`: thin wrappers over store.search and store.export."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import typer


def open_engine(db: Optional[str]):
    """The store named by --db (or CGTATLAS_DB), tables created if missing."""
    from cgtatlas.settings import get_settings

    target = get_settings(db=db).db
    try:
        from cgtatlas.store.ingest import open_store
    except ImportError:  # store writing not installed: reading needs only the schema
        from cgtatlas.store.schema import make_engine, metadata

        engine = make_engine(target)
        metadata.create_all(engine)
        return engine
    return open_store(target)


def rich_snippet(snippet: str):
    """A search snippet (escaped HTML with <mark>) as rich Text: hits in bold
    yellow; document text is never read as console markup."""
    import html

    from rich.text import Text

    text = Text()
    for i, part in enumerate(re.split(r"</?mark>", snippet or "")):
        text.append(html.unescape(part), style="bold yellow" if i % 2 else "")
    return text


def print_results(found: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"实体 entities · {found['query']}")
    for col in ("id", "type", "name", "region", "match"):
        table.add_column(col)
    for e in found["entities"]:
        table.add_row(str(e["id"]), e["type"], rich_snippet(e["snippet"]), e["region"] or "", e["match"])
    console.print(table)
    table = Table(title=f"文档 documents · {found['query']}")
    for col in ("date", "title", "file", "hits", "snippet"):
        table.add_column(col)
    for d in found["documents"]:
        table.add_row(d["date"] or "", rich_snippet(d["title_html"]), d["file_name"], str(d["n_hits"]),
                      rich_snippet(d["snippet"]))
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        query: str = typer.Argument(..., help="Words to find (Chinese or not); space-separated words must all match."),
        type: Optional[str] = typer.Option(None, "--type", help="Only entities of this type (Company, Park, ...) and documents that mention one."),
        region: Optional[str] = typer.Option(None, "--region", help="Only entities in this region and documents that mention it."),
        limit: int = typer.Option(20, "--limit", min=1, help="At most this many entities and documents."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON (snippets are HTML with <mark>)."),
        db: Optional[str] = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default CGTATLAS_DB)."),
    ) -> None:
        """Search entity names, aliases and document text (Chinese-aware), ranked and highlighted."""
        from cgtatlas.store.search import search as run_search

        engine = open_engine(db)
        with engine.connect() as conn:
            found = run_search(conn, query, type=type, region=region, limit=limit)
        if as_json:
            typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        else:
            print_results(found)

    @app.command()
    def export(
        format: str = typer.Option(..., "--format", help="csv, graphml, jsonld, xlsx or neo4j."),
        out: Path = typer.Option(..., "--out", help="Folder to write into (created)."),
        db: Optional[str] = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default CGTATLAS_DB)."),
    ) -> None:
        """Export the atlas with its provenance (documents, spans and quotes)."""
        from cgtatlas.store.export import ExportError, export_atlas

        engine = open_engine(db)
        try:
            with engine.connect() as conn:
                written = export_atlas(conn, format=format, out=out)
        except ExportError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
        for path in written:
            typer.echo(str(path))
