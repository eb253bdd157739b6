"""The account rules of core.auth, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.auth import (
    AuthPolicy,
    confirmation_matches,
    fields_to_clear,
    password_change_errors,
    throttle_wait,
)

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
GOOD = "N3w!password"


def test_the_new_password_must_differ_from_the_current_one() -> None:
    errors = password_change_errors(current_ok=True, current=GOOD, new=GOOD, confirm=GOOD)
    assert errors == {"password": ["auth.err.password_unchanged"]}
    assert (
        password_change_errors(current_ok=True, current="0ld!Passw", new=GOOD, confirm=GOOD) == {}
    )


def test_a_wrong_current_password_is_not_compared_with_the_new_one() -> None:
    # Comparing a wrong "current" would tell a guesser nothing true about either.
    errors = password_change_errors(current_ok=False, current=GOOD, new=GOOD, confirm=GOOD)
    assert errors == {"current": ["auth.err.current_password"]}


def test_every_field_reports_its_own_error() -> None:
    errors = password_change_errors(current_ok=False, current="x", new="weak", confirm="other")
    assert set(errors) == {"current", "password", "confirm"}


@pytest.mark.parametrize(
    ("errors", "cleared"),
    [
        ({}, ("current", "new", "confirm")),  # saved: no password lingers in the form
        ({"current": ["auth.err.current_password"]}, ("current",)),  # the new one was fine
        ({"password": ["auth.err.password_unchanged"]}, ("new", "confirm")),
        ({"confirm": ["auth.err.confirm_mismatch"]}, ("new", "confirm")),
        (
            {"current": ["auth.err.current_password"], "confirm": ["auth.err.confirm_mismatch"]},
            ("current", "new", "confirm"),
        ),
    ],
)
def test_fields_to_clear(errors: dict[str, list[str]], cleared: tuple[str, ...]) -> None:
    assert fields_to_clear(errors) == cleared


def test_throttle_waits_until_the_oldest_counted_failure_leaves_the_window() -> None:
    policy = AuthPolicy(secret="s", max_failures=3, window=timedelta(minutes=15))
    failures = [NOW - timedelta(minutes=m) for m in (10, 5, 1)]
    assert throttle_wait(failures[1:], policy, NOW) is None
    assert throttle_wait(failures, policy, NOW) == timedelta(minutes=5)
    assert throttle_wait(failures, policy, NOW + timedelta(minutes=9)) == timedelta(0)


def test_confirmation_is_the_username_in_any_normal_form() -> None:
    assert confirmation_matches("민지", " 민지 ")
    assert not confirmation_matches("minji", "")
    assert not confirmation_matches("minji", "Minji")
