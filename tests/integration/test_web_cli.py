"""`cgtatlas demo --no-serve` builds the atlas from the bundled samples; twice changes nothing."""
from __future__ import annotations

from typer.testing import CliRunner

from cgtatlas.cli import app
from cgtatlas.cli_parts.web import samples_path


def test_web_cli_samples_path_is_the_repo_folder(samples_dir):
    assert samples_path() == samples_dir.resolve()


def test_web_cli_demo_builds_then_is_unchanged(tmp_path):
    db = str(tmp_path / "demo.db")
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--db", db, "--no-serve"])
    assert first.exit_code == 0, first.output
    assert "stored" in first.output
    again = runner.invoke(app, ["demo", "--db", db, "--no-serve"])
    assert again.exit_code == 0 and "unchanged" in again.output and " stored" not in again.output


def test_web_cli_serve_is_documented_in_help():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--db" in result.output and "--port" in result.output
