"""Password hashing and JWTs.

argon2id through argon2-cffi for passwords; HS256 JWTs through PyJWT. Where no
secret is configured one is generated once and kept in the data directory, so
a zero-config install works and restarts keep people logged in.
"""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ALGORITHM = "HS256"
_hasher = PasswordHasher()
# Verifying against this keeps a login for an unknown user as slow as a real one,
# so response time does not reveal whether an account exists.
_DUMMY_HASH = _hasher.hash("not-a-real-password-0!A")


# argon2 hashes whatever it is given; a login form posting megabytes would make
# every attempt cost that much CPU. Nothing this long is a real password (the
# registration rules stop at 128 characters, at most 512 bytes), so longer input
# is refused before any hashing.
MAX_PASSWORD_BYTES = 1024


def password_too_long(password: str) -> bool:
    return len(password.encode("utf-8", "surrogatepass")) > MAX_PASSWORD_BYTES


def hash_password(password: str) -> str:
    if password_too_long(password):
        raise ValueError(f"password longer than {MAX_PASSWORD_BYTES} bytes")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if password_too_long(password):
        return False
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@cache
def secret_from_file(data_dir: Path) -> str:
    """Read the generated secret, creating it atomically the first time.

    The secret is written to a private temporary file and hard-linked into place,
    so a process starting at the same moment sees either no file or a whole one,
    never an empty file that is still being written.
    """
    path = data_dir / "jwt_secret"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        temporary = data_dir / f".jwt_secret.{uuid.uuid4().hex}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process won the race; use its secret
        finally:
            temporary.unlink()
    secret = path.read_text().strip()
    if len(secret) < 32:
        raise RuntimeError(f"{path} is too short to be a signing secret")
    return secret


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    jti: str
    issued_at: datetime
    expires_at: datetime


def encode_token(
    user_id: int, secret: str, now: datetime, ttl: timedelta
) -> tuple[str, TokenClaims]:
    claims = TokenClaims(user_id=user_id, jti=uuid.uuid4().hex, issued_at=now, expires_at=now + ttl)
    token = jwt.encode(
        {
            "sub": str(user_id),
            "iat": int(now.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "jti": claims.jti,
        },
        secret,
        algorithm=ALGORITHM,
    )
    return token, claims


def decode_token(token: str, secret: str, now: datetime | None = None) -> TokenClaims | None:
    """Claims of a well-formed, correctly signed, unexpired token; else None."""
    options = {"require": ["sub", "iat", "exp", "jti"]}
    try:
        if now is None:
            payload = jwt.decode(token, secret, algorithms=[ALGORITHM], options=options)
        else:
            # Tests and throttling windows pass an explicit clock.
            payload = jwt.decode(
                token, secret, algorithms=[ALGORITHM], options={**options, "verify_exp": False}
            )
            if payload["exp"] <= now.timestamp():
                return None
        return TokenClaims(
            user_id=int(payload["sub"]),
            jti=str(payload["jti"]),
            issued_at=datetime.fromtimestamp(payload["iat"]).astimezone(),
            expires_at=datetime.fromtimestamp(payload["exp"]).astimezone(),
        )
    except (jwt.PyJWTError, ValueError, KeyError, TypeError):
        return None
