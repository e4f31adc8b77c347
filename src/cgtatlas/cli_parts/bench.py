"""`cgtatlas bench extract`: pipeline throughput against jieba.posseg and rjieba.tag."""
from __future__ import annotations

from pathlib import Path

import typer

bench_app = typer.Typer(help="Benchmarks.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")


@bench_app.command("extract")
def bench_extract(
    paths: list[Path] = typer.Argument(None, help="Files or folders (default: samples/ and ../shared/corpus/seeds)."),
    min_seconds: float = typer.Option(2.0, "--min-seconds", help="Minimum timed seconds per runner (in rounds of one pass each)."),
) -> None:
    """Characters/s, documents/s and peak memory of the extraction pipeline, jieba.posseg
    and rjieba.tag on the same text; the last two lines are the throughput ratios."""
    from rich.console import Console

    from cgtatlas.extract.bench import default_paths, load_documents, report_lines, run_bench
    from cgtatlas.settings import get_settings

    err = Console(stderr=True)
    settings = get_settings()
    chosen = list(paths) if paths else default_paths()
    docs = load_documents(chosen, settings, warn=lambda msg: err.print(msg, markup=False))
    if not docs:
        err.print("no readable documents in: " + ", ".join(str(p) for p in chosen), markup=False)
        raise typer.Exit(1)
    with err.status("benchmarking") as status:
        results = run_bench(docs, min_seconds=min_seconds, cache_dir=settings.cache_dir,
                            on_round=lambda n: status.update(f"benchmarking: round {n}"))
    for line in report_lines(results, len(docs), sum(len(d.text) for d in docs)):
        typer.echo(line)
