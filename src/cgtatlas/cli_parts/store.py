"""PLACEHOLDER command group, to be written."""
import typer


def register(app: typer.Typer) -> None:
    pass
