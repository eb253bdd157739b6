"""Board rules: what a valid post, comment and search query is, and the board's errors.

Validators return i18n message keys per field (empty when valid) so the page can
show a message next to the failing field in the user's language. The data layer
(:mod:`db.board`) runs the same checks and raises :class:`InvalidInput`, so no
caller can store an unchecked value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from core.emotions import is_emotion

PAGE_SIZE = 20
TITLE_MAX = 100
BODY_MAX = 5000
COMMENT_MAX = 1000
QUERY_MAX = 100
QUERY_WORDS_MAX = 5

# Control characters break rendering (and PostgreSQL refuses NUL in text); keep
# only the line breaks and tabs a person types.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")


class BoardError(Exception):
    """Base of the board's domain errors; ``key`` is the i18n message to show."""

    key = "board.err.generic"


class NotFound(BoardError):
    """No such post or comment (or it is hidden from this user)."""

    key = "board.err.not_found"


class NotAllowed(BoardError):
    """The acting user may not do this (e.g. edit someone else's post)."""

    key = "board.err.not_allowed"


class InvalidInput(BoardError):
    key = "board.err.invalid"

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class PostInput:
    title: str
    body: str
    mood: str | None


@dataclass(frozen=True)
class Cursor:
    """Where a page of the newest-first list ended: the last row's sort key."""

    created_at: datetime
    id: int


@dataclass
class Check:
    value: PostInput | str | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)


def clean_text(text: str, *, single_line: bool = False) -> str:
    """NFC, no control characters, Windows line ends unified, trimmed.

    A single-line value (a title) also has every run of whitespace collapsed to
    one space so it cannot smuggle line breaks into a heading.
    """
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if single_line:
        text = _SPACES.sub(" ", text)
    return text.strip()


def _length_errors(value: str, maximum: int, required: str, too_long: str) -> list[str]:
    if not value:
        return [required]
    if len(value) > maximum:
        return [too_long]
    return []


def check_post(title: str, body: str, mood: str | None) -> Check:
    clean_title = clean_text(title, single_line=True)
    clean_body = clean_text(body)
    errors = {
        "title": _length_errors(
            clean_title, TITLE_MAX, "board.err.title_required", "board.err.title_long"
        ),
        "body": _length_errors(
            clean_body, BODY_MAX, "board.err.body_required", "board.err.body_long"
        ),
        "mood": [] if mood is None or is_emotion(mood) else ["board.err.mood_invalid"],
    }
    errors = {key: value for key, value in errors.items() if value}
    if errors:
        return Check(None, errors)
    return Check(PostInput(clean_title, clean_body, mood), {})


def check_comment(body: str) -> Check:
    clean = clean_text(body)
    errors = _length_errors(
        clean, COMMENT_MAX, "board.err.comment_required", "board.err.comment_long"
    )
    return Check(None, {"body": errors}) if errors else Check(clean, {})


def search_words(query: str | None) -> tuple[str, ...]:
    """The distinct words of a search, in order; a post must contain each of them.

    Splitting uses Python's (Unicode) whitespace, a superset of what the
    database's n-gram function splits on, so a word never spans a separator there.
    """
    text = clean_text(query or "", single_line=True)[:QUERY_MAX]
    words: list[str] = []
    for word in text.split():
        if word.casefold() not in (w.casefold() for w in words):
            words.append(word)
    return tuple(words[:QUERY_WORDS_MAX])


def escape_like(word: str) -> str:
    """A LIKE pattern matching ``word`` literally anywhere (escape character ``\\``)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def parse_post_id(raw: object) -> int | None:
    """A post id from the URL: a positive integer that fits the column, else None."""
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return None
    value = int(raw)
    return value if 0 < value < 2**31 else None
