"""The page list and the sidebar; which pages a visitor may open."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core.i18n import LANGUAGE_NAMES, LANGUAGES
from core.settings import get_settings
from ui import cookies
from ui import pages as paths
from ui.state import current_token, current_user, lang, login_pending, set_language, tr


@dataclass(frozen=True)
class PageSpec:
    path: str
    url: str
    title_key: str
    icon: str
    public: bool
    in_menu: bool = True
    moderators_only: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec(paths.HOME, "home", "nav.home", "🏠", public=True),
    PageSpec(paths.LOGIN, "login", "nav.login", "🔑", public=True),
    PageSpec(paths.REGISTER, "register", "nav.register", "📝", public=True),
    PageSpec(paths.EMOTION, "emotion", "nav.emotion", "🎥", public=False),
    PageSpec(paths.CHAT, "chat", "nav.chat", "💬", public=False),
    PageSpec(paths.BOARD, "board", "nav.board", "📋", public=False),
    PageSpec(paths.MYPAGE, "mypage", "nav.mypage", "🙋", public=False),
    PageSpec(
        paths.MODERATION, "moderation", "nav.moderation", "🛡️", public=False, moderators_only=True
    ),
    PageSpec(paths.MODEL_CARD, "model-card", "nav.model_card", "📊", public=True, in_menu=False),
    PageSpec(paths.LOGOUT, "logout", "nav.logout", "🚪", public=False),
)
GUEST_ONLY = {"login", "register"}


def build_pages() -> dict[str, st.Page]:
    return {
        spec.url: st.Page(
            spec.path,
            title=tr(spec.title_key),
            icon=spec.icon,
            url_path=spec.url,
            default=spec.url == "home",
        )
        for spec in PAGES
    }


def _is_moderator() -> bool:
    user = current_user()
    return user is not None and user.is_moderator


def visible(spec: PageSpec, logged_in: bool) -> bool:
    if not spec.in_menu or (spec.moderators_only and not _is_moderator()):
        return False
    if logged_in:
        return spec.url not in GUEST_ONLY
    return spec.public


def route(pages: dict[str, st.Page], current: st.Page) -> None:
    """Send a logged-out visitor of a members-only page to Login, remembering where."""
    spec = next(
        s
        for s in PAGES
        if s.url == current.url_path or (s.url == "home" and current.url_path == "")
    )
    if current_user() is None and not spec.public:
        if login_pending():
            # The database was down when the login was checked: the outage
            # message is on the page and it reruns once the database is back.
            st.stop()
        st.session_state["after_login"] = spec.path
        st.switch_page(pages["login"])
    if current_user() is not None and spec.url in GUEST_ONLY:
        st.switch_page(pages["home"])
    if current_user() is not None and spec.moderators_only and not _is_moderator():
        st.switch_page(pages["home"])


def sidebar(pages: dict[str, st.Page]) -> None:
    logged_in = current_user() is not None
    with st.sidebar:
        st.markdown(f"### 🙂 {tr('app.title')}")
        for spec in PAGES:
            if visible(spec, logged_in):
                st.page_link(pages[spec.url], label=tr(spec.title_key), icon=spec.icon)
        st.divider()
        user = current_user()
        if user is not None:
            st.caption(tr("common.signed_in_as", name=user.username))
        current = lang()
        choice = st.selectbox(
            tr("common.language"),
            LANGUAGES,
            index=LANGUAGES.index(current),
            format_func=LANGUAGE_NAMES.__getitem__,
            key="language_select",
        )
        if choice != current:
            set_language(choice)
            st.rerun()
        settings = get_settings()
        cookies.sync(
            token=current_token(),
            token_max_age=int(settings.token_ttl_hours * 3600),
            lang=lang(),
            secure=settings.cookie_secure,
        )
