"""Registration rules, shared by the Register page and the profile editor.

Each validator returns i18n message keys (empty when valid) so the page can show
a message next to the failing field in the user's language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from email_validator import EmailNotValidError
from email_validator import validate_email as _validate_email

USERNAME_MIN = 3
USERNAME_MAX = 16
PASSWORD_MIN = 8
# argon2 itself takes up to 2**32-1 bytes, but hashing megabytes per attempt is a
# denial-of-service lever; 128 characters is far beyond any passphrase.
PASSWORD_MAX = 128


def normalize_username(username: str) -> str:
    """NFC so a Hangul name typed as jamo and as syllables is one name."""
    return unicodedata.normalize("NFC", username.strip())


def username_key(username: str) -> str:
    return normalize_username(username).casefold()


def email_key(email: str) -> str:
    return email.strip().casefold()


def _is_letter_or_digit(char: str) -> bool:
    category = unicodedata.category(char)
    return category.startswith("L") or category == "Nd"


def validate_username(username: str) -> list[str]:
    name = normalize_username(username)
    if not name:
        return ["auth.err.username_required"]
    errors = []
    if not USERNAME_MIN <= len(name) <= USERNAME_MAX:
        errors.append("auth.err.username_length")
    if not all(_is_letter_or_digit(char) for char in name):
        errors.append("auth.err.username_chars")
    return errors


def normalize_email(email: str) -> tuple[str | None, list[str]]:
    """The canonical address, or the error keys. No DNS look-up: works offline."""
    text = email.strip()
    if not text:
        return None, ["auth.err.email_required"]
    try:
        result = _validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return None, ["auth.err.email_invalid"]
    if len(result.normalized) > 254:
        return None, ["auth.err.email_invalid"]
    return result.normalized, []


def _is_special(char: str) -> bool:
    """Punctuation or a symbol, in any script (e.g. "!", "₩", "※")."""
    return unicodedata.category(char)[0] in {"P", "S"}


def validate_password(password: str) -> list[str]:
    if not password:
        return ["auth.err.password_required"]
    errors = []
    if len(password) < PASSWORD_MIN:
        errors.append("auth.err.password_short")
    if len(password) > PASSWORD_MAX:
        errors.append("auth.err.password_long")
    if not any(char.isupper() for char in password):
        errors.append("auth.err.password_upper")
    if not any(char.isdigit() for char in password):
        errors.append("auth.err.password_digit")
    if not any(_is_special(char) for char in password):
        errors.append("auth.err.password_special")
    return errors


@dataclass
class RegistrationCheck:
    username: str
    email: str | None
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.errors.values())


def check_registration(username: str, email: str, password: str, confirm: str) -> RegistrationCheck:
    normalized_email, email_errors = normalize_email(email)
    errors = {
        "username": validate_username(username),
        "email": email_errors,
        "password": validate_password(password),
        "confirm": [] if password == confirm else ["auth.err.confirm_mismatch"],
    }
    return RegistrationCheck(
        username=normalize_username(username),
        email=normalized_email,
        errors={key: value for key, value in errors.items() if value},
    )
