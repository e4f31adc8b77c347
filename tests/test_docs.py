"""README documents every CLI command and every setting (datasette's test_docs habit)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from cgtatlas.cli import app
from cgtatlas.settings import Settings
ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    click_group = typer.main.get_command(app)
    names = []
    for name, cmd in click_group.commands.items():
        subs = getattr(cmd, "commands", None)
        names += [f"{name} {sub}" for sub in subs] if subs else [name]
    return sorted(names)


@pytest.mark.parametrize("command", _command_names())
def test_docs_every_command_has_a_readme_section(command):
    assert re.search(rf"^### cgtatlas {re.escape(command)}\b", README, re.M), command


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_docs_every_setting_is_in_the_readme(field):
    assert f"CGTATLAS_{field.upper()}" in README, field


def test_docs_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()
