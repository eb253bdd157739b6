"""Password hashing, JWT claims and the generated signing secret."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest

from core import security
from core.security import (
    MAX_PASSWORD_BYTES,
    decode_token,
    encode_token,
    hash_password,
    secret_from_file,
    verify_password,
)

SECRET = "s" * 48
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_hash_verifies_only_the_right_password() -> None:
    hashed = hash_password("Passw0rd!")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "Passw0rd!")
    assert not verify_password(hashed, "passw0rd!")
    assert not verify_password(None, "Passw0rd!")
    assert not verify_password("not a hash", "Passw0rd!")


def test_token_carries_sub_iat_exp_and_unique_jti() -> None:
    token, claims = encode_token(7, SECRET, NOW, timedelta(hours=1))
    payload = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert payload["sub"] == "7"
    assert payload["iat"] == int(NOW.timestamp())
    assert payload["exp"] == int((NOW + timedelta(hours=1)).timestamp())
    assert payload["jti"] == claims.jti
    _, other = encode_token(7, SECRET, NOW, timedelta(hours=1))
    assert other.jti != claims.jti


def test_expired_tampered_and_foreign_tokens_are_rejected() -> None:
    token, _ = encode_token(7, SECRET, NOW, timedelta(hours=1))
    assert decode_token(token, SECRET, NOW + timedelta(minutes=59)) is not None
    assert decode_token(token, SECRET, NOW + timedelta(hours=1, seconds=1)) is None
    assert decode_token(token, "another-secret" * 4, NOW) is None
    header, payload, signature = token.split(".")
    assert decode_token(f"{header}.{payload}x.{signature}", SECRET, NOW) is None
    unsigned = jwt.encode({"sub": "7"}, key=None, algorithm="none")
    assert decode_token(unsigned, SECRET, NOW) is None
    assert decode_token("garbage", SECRET, NOW) is None


def test_generated_secret_is_created_once_and_kept(tmp_path: Path) -> None:
    secret_from_file.cache_clear()
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(secret_from_file(tmp_path / "d")))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8, "every thread got the secret"
    assert len(set(results)) == 1 and len(results[0]) >= 32
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["jwt_secret"]
    secret_from_file.cache_clear()
    assert secret_from_file(tmp_path / "d") == results[0]
    assert (tmp_path / "d" / "jwt_secret").stat().st_mode & 0o077 == 0


def test_an_overlong_password_is_refused_before_any_hashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hashed = hash_password("Passw0rd!")
    calls: list[int] = []
    real = security._hasher

    class CountingHasher:
        def verify(self, stored: str, password: str) -> bool:
            calls.append(len(password))
            return real.verify(stored, password)

        def hash(self, password: str) -> str:
            calls.append(len(password))
            return real.hash(password)

    monkeypatch.setattr(security, "_hasher", CountingHasher())
    assert not verify_password(hashed, "A1!" + "x" * MAX_PASSWORD_BYTES)
    assert not verify_password(None, "가" * 400)  # 1,200 bytes in UTF-8
    assert calls == [], "argon2 never saw the long input"
    assert verify_password(hashed, "Passw0rd!") and calls == [9]
    with pytest.raises(ValueError, match="longer than"):
        hash_password("x" * (MAX_PASSWORD_BYTES + 1))
