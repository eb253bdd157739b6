"""Settings come from env vars, .env and .streamlit/secrets.toml, with safe defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from core.settings import Settings


@pytest.fixture
def clean_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in (
        "DATABASE_URL",
        "DATA_DIR",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "ICE_SERVERS",
        "JWT_SECRET",
        "OPENAI_MODEL",
    ):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_zero_configuration_runs_offline_on_sqlite(clean_dir: Path) -> None:
    settings = Settings()
    assert settings.resolved_database_url.startswith("sqlite:///")
    assert not settings.chat_online
    assert settings.ice_servers is None  # unset: see core/turn.py
    assert settings.jwt_secret is None


def test_secrets_toml_then_dotenv_then_env(
    clean_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_dir / ".streamlit").mkdir()
    (clean_dir / ".streamlit" / "secrets.toml").write_text(
        'OPENAI_MODEL = "from-toml"\nOPENAI_API_KEY = "toml-key"\n'
        '[[ICE_SERVERS]]\nurls = ["stun:stun.example.org:3478"]\n'
    )
    assert Settings().openai_model == "from-toml"
    assert Settings().ice_servers == [{"urls": ["stun:stun.example.org:3478"]}]
    (clean_dir / ".env").write_text("OPENAI_MODEL=from-dotenv\n")
    assert Settings().openai_model == "from-dotenv"
    monkeypatch.setenv("OPENAI_MODEL", "from-env")
    settings = Settings()
    assert settings.openai_model == "from-env"
    assert settings.openai_api_key == "toml-key"
    assert settings.chat_online


def test_json_values_from_env_and_blank_means_unset(
    clean_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICE_SERVERS", '[{"urls": "turn:turn.example.org", "username": "u"}]')
    monkeypatch.setenv("OPENAI_API_KEY", "  ")
    monkeypatch.setenv("DATABASE_URL", "postgresql://app@db/app")
    settings = Settings()
    assert settings.ice_servers[0]["urls"] == "turn:turn.example.org"
    assert settings.openai_api_key is None
    assert settings.resolved_database_url == "postgresql://app@db/app"


@pytest.mark.parametrize("secret", ["short", "x" * 31, "가" * 10])
def test_a_configured_jwt_secret_under_32_bytes_is_refused_at_start_up(
    clean_dir: Path, monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    monkeypatch.setenv("JWT_SECRET", secret)
    with pytest.raises(ValidationError, match=r"JWT_SECRET is .* at least 32 bytes"):
        Settings()


def test_a_32_byte_jwt_secret_is_accepted(clean_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JWT_SECRET", "가" * 11)  # 33 bytes in UTF-8
    assert Settings().jwt_secret == "가" * 11
