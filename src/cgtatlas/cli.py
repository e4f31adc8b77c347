"""The `cgtatlas` command. Each area's commands live in cli_parts/ as short
wrappers over plain, tested functions; heavy imports happen inside commands."""
from __future__ import annotations

import typer

from cgtatlas.cli_parts import bench, extract, ingest, search_export, store, web

app = typer.Typer(
    name="cgtatlas",
    help="CGT Atlas: a sourced industry map of cell and gene therapy from Chinese documents.",
    no_args_is_help=True,
    add_completion=False,
)

for part in (ingest, extract, bench, store, search_export, web):
    part.register(app)


@app.command()
def version() -> None:
    """Print the installed version."""
    from cgtatlas import __version__

    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
