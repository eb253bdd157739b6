"""Registration rules, property-based: Unicode, empty, very long, whitespace."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.validation import (
    PASSWORD_MAX,
    check_registration,
    normalize_email,
    username_key,
    validate_password,
    validate_username,
)

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGIT = st.sampled_from("0123456789")
NAME_CHAR = st.one_of(HANGUL, LATIN, DIGIT)
SYMBOLS = st.sampled_from([*list("!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ \t"), "\u200b", "🙂"])


@given(st.text(NAME_CHAR, min_size=3, max_size=16))
def test_letters_and_digits_of_allowed_length_are_valid(name: str) -> None:
    assert validate_username(name) == []


@given(st.text(NAME_CHAR, min_size=1, max_size=2))
def test_too_short_usernames_are_rejected(name: str) -> None:
    assert validate_username(name) == ["auth.err.username_length"]


@given(st.text(NAME_CHAR, min_size=17, max_size=200))
def test_too_long_usernames_are_rejected(name: str) -> None:
    assert "auth.err.username_length" in validate_username(name)


@given(
    st.text(NAME_CHAR, min_size=1, max_size=7),
    SYMBOLS,
    st.text(NAME_CHAR, min_size=1, max_size=7),
)
def test_any_special_character_inside_a_username_is_rejected(
    head: str, symbol: str, tail: str
) -> None:
    assert "auth.err.username_chars" in validate_username(head + symbol + tail)


@given(st.text(st.sampled_from(" \t\n\u3000"), max_size=20))
def test_empty_or_whitespace_username_is_required(name: str) -> None:
    assert validate_username(name) == ["auth.err.username_required"]


@given(st.text(max_size=64))
def test_username_validation_never_raises(name: str) -> None:
    errors = validate_username(name)
    assert set(errors) <= {
        "auth.err.username_required",
        "auth.err.username_length",
        "auth.err.username_chars",
    }


def test_surrounding_whitespace_is_trimmed_and_hangul_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "김철수")
    assert validate_username(f"  {decomposed}  ") == []
    assert username_key(decomposed) == username_key("김철수")


def test_username_key_is_case_insensitive() -> None:
    assert username_key("Alice") == username_key("aLICE")


@given(
    st.text(LATIN, min_size=1, max_size=10),
    st.text(DIGIT, min_size=1, max_size=3),
    SYMBOLS.filter(lambda c: not c.isspace() and c != "\u200b"),
    st.text(st.one_of(LATIN, HANGUL), min_size=5, max_size=20),
)
def test_passwords_with_upper_digit_special_and_length_are_valid(
    letters: str, digits: str, special: str, filler: str
) -> None:
    password = "Q" + letters + digits + special + filler
    assert validate_password(password) == []


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("", "auth.err.password_required"),
        ("Sh0rt!", "auth.err.password_short"),
        ("nouppercase1!", "auth.err.password_upper"),
        ("NoDigitsHere!", "auth.err.password_digit"),
        ("NoSpecial123", "auth.err.password_special"),
        ("A1!" + "a" * PASSWORD_MAX, "auth.err.password_long"),
    ],
)
def test_each_password_rule_has_its_message(password: str, error: str) -> None:
    assert error in validate_password(password)


@given(st.text(max_size=300))
def test_password_validation_never_raises(password: str) -> None:
    validate_password(password)


@pytest.mark.parametrize(
    "email", ["kim@example.com", "Kim.Lee+tag@sub.example.co.kr", "user@xn--9n2bp8q.com"]
)
def test_real_addresses_are_accepted(email: str) -> None:
    normalized, errors = normalize_email(email)
    assert errors == [] and normalized is not None


@pytest.mark.parametrize(
    "email",
    [
        "",
        "   ",
        "plain",
        "a@b",
        "a@@example.com",
        "a b@example.com",
        "a@example..com",
        "x" * 250 + "@example.com",
    ],
)
def test_broken_addresses_are_rejected(email: str) -> None:
    normalized, errors = normalize_email(email)
    assert normalized is None and errors


@given(st.text(max_size=300))
def test_email_validation_never_raises(email: str) -> None:
    normalize_email(email)


def test_registration_reports_every_field() -> None:
    check = check_registration("a!", "nope", "weak", "other")
    assert set(check.errors) == {"username", "email", "password", "confirm"}
    assert not check.ok


def test_valid_registration() -> None:
    check = check_registration(" 김철수7 ", "KIM@Example.com", "Passw0rd!", "Passw0rd!")
    assert check.ok
    assert check.username == "김철수7"
    assert check.email == "KIM@example.com"
