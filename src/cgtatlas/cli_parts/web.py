"""`cgtatlas serve` (the web app over a built atlas) and `cgtatlas demo`
(build the atlas from the bundled samples, then serve it)."""
from __future__ import annotations

from pathlib import Path

import typer


def samples_path() -> Path:
    """The repository's samples/ folder (beside src/), else ./samples."""
    import cgtatlas

    beside_package = Path(cgtatlas.__file__).resolve().parents[2] / "samples"
    return beside_package if beside_package.is_dir() else Path.cwd() / "samples"


def serve_app(db: str, host: str, port: int) -> None:
    import uvicorn

    from cgtatlas.settings import get_settings
    from cgtatlas.web.app import create_app

    settings = get_settings(db=db, host=host, port=port)
    typer.echo(f"CGT Atlas on http://{settings.host}:{settings.port}  (store: {settings.db})")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


def build_demo(db: str) -> None:
    """Ingest the bundled samples into `db` (idempotent: a second run changes nothing)."""
    from cgtatlas.ingest.batch import ingest_paths
    from cgtatlas.settings import get_settings

    samples = samples_path()
    if not samples.is_dir():
        raise typer.BadParameter(f"no samples folder at {samples}")
    report = ingest_paths([samples], get_settings(db=db), store=True, progress=True)
    for failed in report.failed:
        typer.echo(f"failed: {failed.path}: {failed.reason}", err=True)
    typer.echo(report.summary())


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: CGTATLAS_DB or atlas.db)"),
        host: str = typer.Option(None, "--host", help="Interface to listen on (default 127.0.0.1)"),
        port: int = typer.Option(None, "--port", help="Port (default 8000)"),
    ) -> None:
        """Serve the web app and JSON API (/api, docs at /docs) over a built atlas."""
        serve_app(db, host, port)

    @app.command()
    def demo(
        db: str = typer.Option("atlas.db", "--db", help="Where to build the demo atlas"),
        no_serve: bool = typer.Option(False, "--no-serve", help="Only build the atlas, do not serve it"),
        host: str = typer.Option(None, "--host", help="Interface to listen on (default 127.0.0.1)"),
        port: int = typer.Option(None, "--port", help="Port (default 8000)"),
    ) -> None:
        """Build the atlas from the bundled samples/, then serve it (the README's `make demo`)."""
        build_demo(db)
        if not no_serve:
            serve_app(db, host, port)
