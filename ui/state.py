"""Who is logged in and which language they read, kept in session state."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from core.auth import RevokeReason
from core.i18n import LANGUAGES, normalize_language, t
from core.settings import get_settings
from db.models import User
from ui import cookies, pages
from ui.resources import session_factory

log = logging.getLogger(__name__)

_USER = "auth_user"
_TOKEN = "auth_token"
_LANG = "lang"
_SIGNED_OUT = "auth_signed_out"
# Why this browser's login ended elsewhere (core.auth.RevokeReason value); the
# Log in page says so, e.g. "signed out because the password was changed".
SIGNED_OUT_REASON = "auth_signed_out_reason"
RECOVERY_CHECK = timedelta(seconds=5)  # how often a page showing an outage checks again


@dataclass(frozen=True)
class CurrentUser:
    """A detached snapshot of the logged-in user; pages never hold ORM rows."""

    id: int
    username: str
    email: str
    language: str
    is_moderator: bool = False

    @classmethod
    def of(cls, user: User) -> CurrentUser:
        return cls(user.id, user.username, user.email, user.language, bool(user.is_moderator))


def lang() -> str:
    """The session's language: chosen before (cookie), else the browser's, else the default."""
    if _LANG not in st.session_state:
        choice = cookies.get(cookies.LANG_COOKIE) or _browser_language()
        st.session_state[_LANG] = (
            choice if choice in LANGUAGES else normalize_language(get_settings().default_language)
        )
    return st.session_state[_LANG]


def _browser_language() -> str | None:
    try:
        locale = st.context.locale
    except Exception:  # no browser (AppTest, bare mode)
        return None
    return locale.split("-")[0].lower() if locale else None


def tr(key: str, /, **values: object) -> str:
    """Translate into the current session's language."""
    return t(key, lang(), **values)


def current_user() -> CurrentUser | None:
    return st.session_state.get(_USER)


def current_token() -> str | None:
    return st.session_state.get(_TOKEN)


def require_user() -> CurrentUser:
    """The logged-in user; Home.py routes logged-out visitors away before pages run."""
    user = current_user()
    if user is None:
        st.switch_page(pages.LOGIN)
        st.stop()
    return user


def sign_in(user: User, token: str) -> None:
    st.session_state[_USER] = CurrentUser.of(user)
    st.session_state[_TOKEN] = token
    st.session_state.pop(_SIGNED_OUT, None)
    st.session_state.pop(SIGNED_OUT_REASON, None)
    if user.language in LANGUAGES:
        st.session_state[_LANG] = user.language


def replace_token(token: str) -> None:
    """Carry on with a freshly issued token (the sidebar writes it to the cookie)."""
    st.session_state[_TOKEN] = token


def refresh_user(user: User) -> None:
    st.session_state[_USER] = CurrentUser.of(user)


# "rate_counts" (ui.limits): a session's rate-limit counts survive switching accounts;
# the sign-out reason is for the person who was signed out, shown on Log in.
_KEPT_ACROSS_USERS = frozenset(
    {_LANG, "_flash", "language_select", "rate_counts", SIGNED_OUT_REASON}
)


def sign_out(*, explicit: bool = False) -> None:
    """Forget the user and everything the session held for them.

    On a shared browser (a kiosk) the next person must not inherit the previous
    person's emotion, conversation or drafts, so only the language survives.
    """
    had_user = _USER in st.session_state
    user = current_user()
    if explicit and user is not None:
        from ui import drafts

        drafts.forget_user(user.id)  # kept server-side for reloads: not past a log-out
    if explicit or had_user:
        for key in list(st.session_state.keys()):
            if key not in _KEPT_ACROSS_USERS:
                del st.session_state[key]
    if explicit:
        st.session_state.pop(SIGNED_OUT_REASON, None)
        st.session_state[_SIGNED_OUT] = True


@contextlib.contextmanager
def db_session() -> Iterator[Session]:
    """One transaction for one user action (commits on success)."""
    with session_factory().begin() as session:
        yield session
    _outage.ended()


class _Outage:
    """Whether the database is down, process-wide, so an outage is logged once.

    Every page of every session fails while the database is down; a traceback
    per failed call (21 for ten clicks, ~120 lines each) buried the one fact
    worth logging. Now the first failure logs one line, the first success
    after it another, and nothing in between.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._since: float | None = None

    def started(self, error: BaseException) -> None:
        with self._lock:
            if self._since is not None:
                return
            self._since = time.monotonic()
        orig = getattr(error, "orig", None) or error
        reason = (str(orig).strip().splitlines() or [""])[0][:200]
        log.warning("database unavailable: %s: %s", type(orig).__name__, reason)

    def ended(self) -> None:
        if self._since is None:  # the common case, without taking the lock
            return
        with self._lock:
            since, self._since = self._since, None
        if since is not None:
            log.warning("database available again after %.0f s", time.monotonic() - since)

    @property
    def down(self) -> bool:
        return self._since is not None


_outage = _Outage()


def database_down(error: BaseException) -> None:
    """Report a failure seen outside ``db_errors`` (e.g. a download built on click)."""
    _outage.started(error)


def database_is_down() -> bool:
    """Whether the last database call of this process failed and none succeeded since."""
    return _outage.down


_OUTAGE_SHOWN = "_db_outage_shown"


def begin_run() -> None:
    """Start of a full run: the outage message may be shown (once) again."""
    st.session_state.pop(_OUTAGE_SHOWN, None)


@contextlib.contextmanager
def db_errors() -> Iterator[None]:
    """Show a friendly message instead of a traceback when the database is down.

    Widgets keep their values across reruns, so nothing typed is lost. However
    many calls fail in one run, the page shows the message once, and it goes by
    itself: while it is up, a small fragment checks the database every few
    seconds and reruns the page once it answers.
    """
    try:
        yield
    except OperationalError as exc:
        _outage.started(exc)
        _show_outage()
    except SQLAlchemyError:
        log.exception("database error")
        _show_outage()


_WATCH_SINCE = "_db_outage_watch_since"


def _show_outage() -> None:
    if st.session_state.get(_OUTAGE_SHOWN):
        return
    st.session_state[_OUTAGE_SHOWN] = True
    st.error(tr("common.db_unavailable"), icon="🔌")
    st.session_state[_WATCH_SINCE] = time.monotonic()
    _watch_recovery()


@st.fragment(run_every=RECOVERY_CHECK)
def _watch_recovery() -> None:
    # The fragment also runs inline, right after the failure; checking then
    # could find the database answering a trivial query (a failure other than
    # a dead server) and rerun the page in a loop. Only the timed runs check.
    since = st.session_state.get(_WATCH_SINCE)
    if since is None or time.monotonic() - since < RECOVERY_CHECK.total_seconds() / 2:
        return
    try:
        with db_session() as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return
    st.session_state.pop(_WATCH_SINCE, None)
    st.rerun(scope="app")


def restore_login() -> None:
    """Re-establish who is logged in from the session or the browser cookie.

    Runs on every full rerun so a token revoked elsewhere (logout in another tab,
    password change, account deletion) stops working here too. When the token
    was revoked with a reason worth telling (a password change), the reason is
    kept for the Log in page.
    """
    token = current_token()
    if token is None and not st.session_state.get(_SIGNED_OUT):
        # The cookie is read from the page request; after a logout in this
        # session it is stale until the browser reloads, so ignore it then.
        token = cookies.get(cookies.TOKEN_COOKIE)
    if token is None:
        sign_out()
        return
    from services.accounts import check_token
    from ui.resources import auth_policy

    try:
        with db_session() as session:
            check = check_token(session, token, auth_policy())
            user = check.user
            if user is None:  # checked and refused: forget it
                st.session_state.pop(_TOKEN, None)
                sign_out()
                if check.revoked is RevokeReason.PASSWORD_CHANGED:
                    st.session_state[SIGNED_OUT_REASON] = check.revoked.value
                return
            if current_user() is None:
                sign_in(user, token)
            else:
                refresh_user(user)
    except SQLAlchemyError:
        # The token could not be checked, which is not a "no": an outage must
        # never end a login. Keep it (unverified, with no user) so the cookie is
        # written back unchanged and the next run checks it again.
        st.session_state[_TOKEN] = token
        raise


def login_pending() -> bool:
    """A token waits to be checked (the database was down when it was read)."""
    return current_user() is None and current_token() is not None


def set_language(new_lang: str) -> None:
    """Switch language and remember it for the account."""
    new_lang = normalize_language(new_lang)
    st.session_state[_LANG] = new_lang
    user = current_user()
    if user is None or user.language == new_lang:
        return
    from services.accounts import set_language as remember_language

    with db_errors(), db_session() as session:
        row = remember_language(session, user.id, new_lang)
        if row is not None:
            refresh_user(row)


def flash(message: str, icon: str = "✅") -> None:
    """A message to show once on the next page, surviving a switch_page."""
    st.session_state["_flash"] = (message, icon)


def show_flash() -> None:
    if item := st.session_state.pop("_flash", None):
        st.toast(item[0], icon=item[1])


def browser_tz() -> tzinfo:
    """The visitor's time zone as the browser reports it, else UTC."""
    try:
        name = st.context.timezone
    except Exception:  # no browser (AppTest, bare mode)
        name = None
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC
