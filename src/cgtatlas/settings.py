"""Settings, built once by `get_settings()` and passed in; nothing reads the
environment at import time."""
from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CGTATLAS_", extra="ignore")

    db: str = "atlas.db"  # a SQLite file path, or a postgresql:// URL
    token: str | None = None  # when set, write endpoints need `Authorization: Bearer <token>`
    max_file_mb: float = 50.0  # files larger than this are refused at ingest
    cache_dir: Path = Path.home() / ".cache" / "cgtatlas"  # jieba's dictionary cache
    overrides: Path | None = None  # resolution overrides file (same/different pairs)
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def get_settings(**overrides) -> Settings:
    """Build settings from the environment, with explicit values taking precedence."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
