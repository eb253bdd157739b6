"""Accounts on both databases: register, login, refresh, logout, throttle, races."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from core.auth import LoginStatus, RevokeReason
from core.security import decode_token
from db import users as users_db
from db.models import AuthToken, User
from db.types import utcnow
from services import accounts
from tests.factories import PASSWORD, POLICY, make_token, make_user


def test_register_login_refresh_logout_rejects_old_token(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        result = accounts.register(
            s,
            username="Minji",
            email="minji@example.com",
            password=PASSWORD,
            confirm=PASSWORD,
            language="ko",
        )
        assert result.errors == {} and result.user is not None
    with session_factory.begin() as s:
        login = accounts.login(s, "minji", PASSWORD, POLICY)
        assert login.status is LoginStatus.OK and login.token
        token = login.token
    # A page refresh: a new session authenticates with the token from the cookie.
    with session_factory.begin() as s:
        user = accounts.authenticate(s, token, POLICY)
        assert user is not None and user.username == "Minji"
    with session_factory.begin() as s:
        accounts.logout(s, token, POLICY)
    with session_factory.begin() as s:
        assert accounts.authenticate(s, token, POLICY) is None


def test_login_by_email_or_username_any_case(session: Session) -> None:
    make_user(session, "Alice", email="Alice@Example.com")
    for ident in ("alice", "ALICE", " Alice ", "alice@example.com", "ALICE@EXAMPLE.COM"):
        assert accounts.login(session, ident, PASSWORD, POLICY).status is LoginStatus.OK, ident


def test_wrong_password_and_unknown_user_get_the_same_answer(session: Session) -> None:
    make_user(session, "bob")
    wrong = accounts.login(session, "bob", "Wr0ng!pass", POLICY)
    unknown = accounts.login(session, "nobody", PASSWORD, POLICY)
    assert wrong.status is unknown.status is LoginStatus.INVALID
    assert wrong.user is None and unknown.user is None


@pytest.mark.parametrize(
    ("username", "email", "field"),
    [("CAROL", "other@example.com", "username"), ("other", "CAROL@example.COM", "email")],
)
def test_username_and_email_are_unique_case_insensitively(
    session: Session, username: str, email: str, field: str
) -> None:
    make_user(session, "carol", email="carol@example.com")
    result = accounts.register(
        session,
        username=username,
        email=email,
        password=PASSWORD,
        confirm=PASSWORD,
        language="en",
    )
    assert result.user is None
    assert result.errors[field][0].endswith("_taken")


def test_five_failures_lock_the_account_for_the_window(session: Session) -> None:
    make_user(session, "dave")
    start = utcnow()
    for minute in range(5):
        result = accounts.login(
            session, "dave", "Wr0ng!pass", POLICY, now=start + timedelta(minutes=minute)
        )
        assert result.status is LoginStatus.INVALID
    locked = accounts.login(session, "dave", PASSWORD, POLICY, now=start + timedelta(minutes=5))
    assert locked.status is LoginStatus.THROTTLED
    assert locked.retry_after == timedelta(minutes=10)
    assert locked.token is None
    # The same account typed differently is the same account.
    assert (
        accounts.login(session, "DAVE", PASSWORD, POLICY, now=start + timedelta(minutes=6)).status
        is LoginStatus.THROTTLED
    )
    # Another account is unaffected.
    make_user(session, "erin")
    assert (
        accounts.login(session, "erin", PASSWORD, POLICY, now=start + timedelta(minutes=6)).status
        is LoginStatus.OK
    )
    # Once the oldest failure leaves the window, a correct password works again.
    later = start + timedelta(minutes=15, seconds=1)
    assert accounts.login(session, "dave", PASSWORD, POLICY, now=later).status is LoginStatus.OK


def test_a_success_resets_the_failure_count(session: Session) -> None:
    make_user(session, "frank")
    start = utcnow()
    for minute in range(4):
        accounts.login(
            session, "frank", "Wr0ng!pass", POLICY, now=start + timedelta(minutes=minute)
        )
    assert (
        accounts.login(session, "frank", PASSWORD, POLICY, now=start + timedelta(minutes=4)).status
        is LoginStatus.OK
    )
    for minute in range(4):
        accounts.login(
            session, "frank", "Wr0ng!pass", POLICY, now=start + timedelta(minutes=5 + minute)
        )
    assert (
        accounts.login(session, "frank", PASSWORD, POLICY, now=start + timedelta(minutes=9)).status
        is LoginStatus.OK
    )


def test_failures_count_per_account_whichever_name_is_typed(session: Session) -> None:
    make_user(session, "hazel", email="hazel@example.com")
    start = utcnow()
    for minute, ident in enumerate(["hazel", "HAZEL", "hazel@example.com", "Hazel", "x"]):
        ident = "HAZEL@EXAMPLE.COM" if ident == "x" else ident
        result = accounts.login(
            session, ident, "Wr0ng!pass", POLICY, now=start + timedelta(minutes=minute)
        )
        assert result.status is LoginStatus.INVALID
    for ident in ("hazel@example.com", "hazel"):
        assert (
            accounts.login(
                session, ident, PASSWORD, POLICY, now=start + timedelta(minutes=6)
            ).status
            is LoginStatus.THROTTLED
        ), ident


def test_concurrent_guesses_check_at_most_the_limit(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten sessions guessing one account at the same moment: only five passwords are checked."""
    with session_factory.begin() as s:
        make_user(s, "ivy", email="ivy@example.com")
    checked: list[str] = []
    lock = threading.Lock()
    real_verify = accounts.verify_password

    def counting_verify(stored: str | None, password: str) -> bool:
        with lock:
            checked.append(password)
        return real_verify(stored, password)

    monkeypatch.setattr(accounts, "verify_password", counting_verify)
    barrier = threading.Barrier(10)
    statuses: list[LoginStatus] = []
    errors: list[BaseException] = []

    def guess(n: int) -> None:
        try:
            barrier.wait()
            with session_factory.begin() as s:
                ident = "ivy" if n % 2 else "ivy@example.com"
                result = accounts.login(s, ident, f"Wr0ng!{n}", POLICY)
            with lock:
                statuses.append(result.status)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(checked) == POLICY.max_failures
    assert statuses.count(LoginStatus.INVALID) == POLICY.max_failures
    assert statuses.count(LoginStatus.THROTTLED) == 10 - POLICY.max_failures
    with session_factory() as s:
        assert accounts.login(s, "ivy", PASSWORD, POLICY).status is LoginStatus.THROTTLED


def test_unknown_accounts_are_throttled_too(session: Session) -> None:
    start = utcnow()
    for minute in range(5):
        accounts.login(
            session, "ghost", "Wr0ng!pass", POLICY, now=start + timedelta(minutes=minute)
        )
    assert (
        accounts.login(session, "ghost", "x", POLICY, now=start + timedelta(minutes=5)).status
        is LoginStatus.THROTTLED
    )


def test_expired_tokens_do_not_authenticate(session: Session) -> None:
    user = make_user(session)
    token = make_token(session, user)
    assert accounts.authenticate(session, token, POLICY, now=utcnow() + timedelta(hours=2)) is None


def test_password_change_revokes_every_old_token_and_issues_a_fresh_one(
    session: Session,
) -> None:
    user = make_user(session)
    here, elsewhere = make_token(session, user), make_token(session, user)
    change = accounts.change_password(
        session,
        user.id,
        current=PASSWORD,
        new="N3w!password",
        confirm="N3w!password",
        policy=POLICY,
    )
    assert change.errors == {} and change.token
    assert change.token not in (here, elsewhere)
    assert accounts.authenticate(session, here, POLICY) is None
    assert accounts.authenticate(session, elsewhere, POLICY) is None
    fresh = accounts.authenticate(session, change.token, POLICY)
    assert fresh is not None and fresh.id == user.id
    assert accounts.login(session, user.username, "N3w!password", POLICY).status is LoginStatus.OK
    assert accounts.login(session, user.username, PASSWORD, POLICY).status is LoginStatus.INVALID


def test_password_change_needs_the_current_password(session: Session) -> None:
    user = make_user(session)
    here = make_token(session, user)
    change = accounts.change_password(
        session,
        user.id,
        current="nope",
        new="weak",
        confirm="other",
        policy=POLICY,
    )
    assert set(change.errors) == {"current", "password", "confirm"}
    assert change.token is None
    assert accounts.authenticate(session, here, POLICY) is not None


def _profile_errors(session: Session, user: User, **fields: str) -> dict[str, list[str]]:
    return accounts.update_profile(session, user.id, **fields).errors


def test_profile_update_keeps_names_unique(session: Session) -> None:
    make_user(session, "hana", email="hana@example.com")
    user = make_user(session, "ivan", email="ivan@example.com")
    assert accounts.update_profile(
        session, user.id, username="HANA", email="ivan@example.com"
    ).errors == {"username": ["auth.err.username_taken"]}
    assert accounts.update_profile(
        session, user.id, username="ivan2", email="Hana@Example.com"
    ).errors == {"email": ["auth.err.email_taken"]}
    assert _profile_errors(session, user, username="이반나", email="new@example.com") == {}
    assert users_db.find_by_login(session, "이반나").id == user.id


@pytest.mark.parametrize(
    "lookalike",
    [
        "pаypal",  # Cyrillic а
        "PAYPAl",  # case differs: the same name, already refused before
        "paypa1",  # digit one for l
        "ｐａｙｐａｌ",  # fullwidth (NFKC)
        "рауpal",  # Cyrillic р, а, у
    ],
)
def test_a_name_that_only_looks_like_a_taken_one_is_refused(
    session: Session, lookalike: str
) -> None:
    make_user(session, "paypal")
    result = accounts.register(
        session,
        username=lookalike,
        email="other@example.com",
        password=PASSWORD,
        confirm=PASSWORD,
        language="en",
    )
    assert result.user is None
    assert result.errors["username"][0] in {
        "auth.err.username_taken",
        "auth.err.username_lookalike",
    }
    if lookalike.casefold() != "paypal":
        assert result.errors == {"username": ["auth.err.username_lookalike"]}


def test_renaming_to_a_lookalike_is_refused_but_distinct_names_are_fine(
    session: Session,
) -> None:
    make_user(session, "admin")
    user = make_user(session, "minsu")
    assert _profile_errors(session, user, username="аdmin", email=user.email) == {
        "username": ["auth.err.username_lookalike"]
    }
    assert _profile_errors(session, user, username="admins", email=user.email) == {}
    assert _profile_errors(session, user, username="민수야", email=user.email) == {}
    # The user's own name in another look never collides with itself.
    assert _profile_errors(session, user, username="민수야", email="x@example.com") == {}


def test_registration_race_creates_one_account(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both requests pass the friendly pre-check; the unique constraint decides."""
    monkeypatch.setattr(users_db, "username_taken", lambda *a, **k: False)
    monkeypatch.setattr(users_db, "username_lookalike", lambda *a, **k: False)
    monkeypatch.setattr(users_db, "email_taken", lambda *a, **k: False)
    barrier = threading.Barrier(4)
    results: list[accounts.RegisterResult] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        barrier.wait()
        with session_factory.begin() as s:
            result = accounts.register(
                s,
                username="Racer" if n % 2 else "RACER",
                email=f"race{n}@example.com",
                password=PASSWORD,
                confirm=PASSWORD,
                language="en",
            )
        with lock:
            results.append(result)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.user is not None for r in results) == 1
    assert all(
        r.errors == {"username": ["auth.err.username_taken"]} for r in results if r.user is None
    )
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_deleting_a_user_removes_their_tokens(session: Session) -> None:
    user = make_user(session)
    token = make_token(session, user)
    session.delete(user)
    session.flush()
    assert session.scalar(select(func.count()).select_from(AuthToken)) == 0
    assert accounts.authenticate(session, token, POLICY) is None


def test_password_change_refuses_the_current_password_as_the_new_one(session: Session) -> None:
    user = make_user(session)
    elsewhere = make_token(session, user)
    change = accounts.change_password(
        session, user.id, current=PASSWORD, new=PASSWORD, confirm=PASSWORD, policy=POLICY
    )
    assert change.errors == {"password": ["auth.err.password_unchanged"]}
    assert change.token is None
    assert accounts.authenticate(session, elsewhere, POLICY) is not None  # nothing revoked


def test_a_revoked_token_tells_why(session: Session) -> None:
    user = make_user(session)
    logged_out, elsewhere = make_token(session, user), make_token(session, user)
    accounts.logout(session, logged_out, POLICY)
    assert accounts.check_token(session, logged_out, POLICY).revoked is RevokeReason.LOGOUT
    change = accounts.change_password(
        session,
        user.id,
        current=PASSWORD,
        new="N3w!password",
        confirm="N3w!password",
        policy=POLICY,
    )
    check = accounts.check_token(session, elsewhere, POLICY)
    assert check.user is None and check.revoked is RevokeReason.PASSWORD_CHANGED
    row = session.get(AuthToken, decode_token(elsewhere, POLICY.secret).jti)
    assert row.revoked_reason == "password"
    # An earlier logout keeps its own reason; the fresh token is valid, with no reason.
    assert accounts.check_token(session, logged_out, POLICY).revoked is RevokeReason.LOGOUT
    fresh = accounts.check_token(session, change.token, POLICY)
    assert fresh.user is not None and fresh.revoked is None
    # Expired or forged tokens are refused without a reason to tell.
    later = utcnow() + timedelta(hours=2)
    assert accounts.check_token(session, elsewhere, POLICY, now=later) == accounts.TokenCheck(None)
    assert accounts.check_token(session, "not.a.token", POLICY) == accounts.TokenCheck(None)
