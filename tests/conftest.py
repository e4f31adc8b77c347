"""Shared fixtures. Tests that read ../shared skip when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is absent")
    return GOLD


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get("CGTATLAS_TEST_PG")
    if not url:
        pytest.skip("CGTATLAS_TEST_PG not set (scripts/pg-start.sh starts a server)")
    return url
